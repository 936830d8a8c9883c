//! Output safety: every export is written into a temporary folder beside the target and renamed
//! into place only when complete, so an error or interruption never leaves a half-written
//! export, and the previous export stays intact until the new one is whole.
//!
//! A folder kgextract wrote carries a marker file, [`MARKER`]; an existing non-empty folder
//! without it is never replaced unless the user passes `--force`.
//!
//! Interruption (Ctrl-C, SIGTERM): every live temporary folder is registered in a process-wide
//! list; [`abort_all`] (called by the CLI's signal handler) removes them. [`OutDir::commit`]
//! holds the same lock while it swaps folders, so a signal either comes before the swap (old
//! export intact, temporary folder removed) or after it (new export complete) — never between.
//! A process killed with SIGKILL cannot clean up; its leftover `.kgextract-tmp-NAME-PID` folder
//! is removed by the next run once that PID is gone.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The marker file kgextract puts in every export folder.
pub const MARKER: &str = ".kgextract";
const MARKER_TEXT: &str =
    "This folder was written by kgextract; `kgextract extract` may replace it.\n";

/// Temporary folders not yet committed, for cleanup on a signal.
static ACTIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Errors while preparing or committing an output folder.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OutDirError {
    /// A non-empty folder kgextract did not write.
    #[error(
        "{0}: exists, is not empty and was not written by kgextract (no {MARKER} file); refusing to replace it — pass --force to overwrite, or choose another folder with -o"
    )]
    Foreign(PathBuf),
    /// The target exists and is a file.
    #[error(
        "{0}: exists and is a file, not a folder; refusing to replace it — pass --force to overwrite, or choose another folder with -o"
    )]
    NotADir(PathBuf),
    /// `-o .`, `-o ..` or `-o /`.
    #[error("{0}: cannot be used as the output folder; name a folder, e.g. -o output")]
    BadTarget(PathBuf),
    /// A file-system operation failed.
    #[error("{path}: {what}: {source}")]
    Io {
        path: PathBuf,
        what: &'static str,
        source: std::io::Error,
    },
}

fn io<'a>(path: &'a Path, what: &'static str) -> impl FnOnce(std::io::Error) -> OutDirError + 'a {
    move |source| OutDirError::Io {
        path: path.to_path_buf(),
        what,
        source,
    }
}

fn lock() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    ACTIVE.lock().unwrap_or_else(|e| e.into_inner())
}

/// Remove every uncommitted temporary folder of this process (signal handler). Waits for a
/// commit in progress to finish first.
pub fn abort_all() {
    let mut active = lock();
    for tmp in active.drain(..) {
        let _ = fs::remove_dir_all(&tmp);
    }
}

/// Remove `.kgextract-tmp-NAME-PID` folders of processes that no longer exist (Linux only:
/// elsewhere there is no cheap way to ask, and they are left alone).
fn remove_stale(parent: &Path, name: &str) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let prefix = format!(".kgextract-tmp-{name}-");
    let Ok(rd) = fs::read_dir(parent) else { return };
    for e in rd.flatten() {
        let fname = e.file_name().to_string_lossy().to_string();
        let Some(rest) = fname.strip_prefix(&prefix) else {
            continue;
        };
        let pid = rest.trim_end_matches(".old");
        if pid.parse::<u32>().is_ok()
            && pid != std::process::id().to_string()
            && !Path::new(&format!("/proc/{pid}")).exists()
        {
            let _ = fs::remove_dir_all(e.path());
        }
    }
}

/// A temporary output folder that becomes `target` on [`OutDir::commit`].
pub struct OutDir {
    target: PathBuf,
    tmp: PathBuf,
    committed: bool,
}

impl OutDir {
    /// Prepare to write `target`. Fails if `target` is a foreign folder or a file (unless
    /// `force`), or if the temporary folder cannot be created beside it (e.g. a read-only
    /// parent).
    pub fn create(target: &Path, force: bool) -> Result<OutDir, OutDirError> {
        let Some(name) = target.file_name().map(|n| n.to_string_lossy().to_string()) else {
            return Err(OutDirError::BadTarget(target.to_path_buf()));
        };
        if name == "." || name == ".." {
            return Err(OutDirError::BadTarget(target.to_path_buf()));
        }
        if target.exists() && !force {
            if !target.is_dir() {
                return Err(OutDirError::NotADir(target.to_path_buf()));
            }
            let empty = fs::read_dir(target)
                .map_err(io(target, "cannot list the output folder"))?
                .next()
                .is_none();
            if !empty && !target.join(MARKER).exists() {
                return Err(OutDirError::Foreign(target.to_path_buf()));
            }
        }
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(io(&parent, "cannot create the parent folder"))?;
        remove_stale(&parent, &name);
        let tmp = parent.join(format!(".kgextract-tmp-{name}-{}", std::process::id()));
        if tmp.exists() {
            fs::remove_dir_all(&tmp).map_err(io(&tmp, "cannot clear an old temporary folder"))?;
        }
        fs::create_dir(&tmp).map_err(io(
            &parent,
            "cannot create the temporary output folder here (is the folder writable?)",
        ))?;
        lock().push(tmp.clone());
        Ok(OutDir {
            target: target.to_path_buf(),
            tmp,
            committed: false,
        })
    }

    /// The temporary folder being written.
    pub fn path(&self) -> &Path {
        &self.tmp
    }

    /// The folder the export will become.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Write one file (relative name) into the temporary folder.
    pub fn write(&self, name: &str, bytes: &[u8]) -> Result<(), OutDirError> {
        let p = self.tmp.join(name);
        if let Some(parent) = p.parent() {
            fs::create_dir_all(parent).map_err(io(parent, "cannot create folder"))?;
        }
        fs::write(&p, bytes).map_err(io(&p, "cannot write"))
    }

    /// Write one file (relative name) through a buffered writer, so an exporter can stream a
    /// big file instead of building it in memory first.
    pub fn write_with(
        &self,
        name: &str,
        body: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<(), OutDirError> {
        use std::io::Write;
        let p = self.tmp.join(name);
        if let Some(parent) = p.parent() {
            fs::create_dir_all(parent).map_err(io(parent, "cannot create folder"))?;
        }
        let file = fs::File::create(&p).map_err(io(&p, "cannot write"))?;
        let mut w = std::io::BufWriter::with_capacity(1 << 16, file);
        body(&mut w)
            .and_then(|()| w.flush())
            .map_err(io(&p, "cannot write"))
    }

    /// Put the finished export in place of `target`.
    pub fn commit(mut self) -> Result<PathBuf, OutDirError> {
        self.write(MARKER, MARKER_TEXT.as_bytes())?;
        // Hold the lock across the swap so a signal cannot land between the two renames.
        let mut active = lock();
        if !self.tmp.exists() {
            // A signal handler already removed it; the process is about to exit.
            return Err(OutDirError::Io {
                path: self.tmp.clone(),
                what: "interrupted",
                source: std::io::Error::from(std::io::ErrorKind::Interrupted),
            });
        }
        let old = self.tmp.with_file_name(format!(
            "{}.old",
            self.tmp.file_name().unwrap_or_default().to_string_lossy()
        ));
        let had_old = self.target.exists();
        if had_old {
            fs::rename(&self.target, &old)
                .map_err(io(&self.target, "cannot move the old export aside"))?;
        }
        if let Err(e) = fs::rename(&self.tmp, &self.target) {
            if had_old {
                let _ = fs::rename(&old, &self.target);
            }
            return Err(OutDirError::Io {
                path: self.target.clone(),
                what: "cannot move the new export into place",
                source: e,
            });
        }
        active.retain(|p| p != &self.tmp);
        self.committed = true;
        drop(active);
        if had_old {
            if old.is_dir() {
                let _ = fs::remove_dir_all(&old);
            } else {
                let _ = fs::remove_file(&old);
            }
        }
        Ok(self.target.clone())
    }
}

impl Drop for OutDir {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.tmp);
            lock().retain(|p| p != &self.tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_foreign_and_replaces_own() {
        let d = tempfile::tempdir().unwrap();
        let target = d.path().join("out");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("precious.txt"), "keep").unwrap();
        assert!(matches!(
            OutDir::create(&target, false),
            Err(OutDirError::Foreign(_))
        ));
        let o = OutDir::create(&target, true).unwrap();
        o.write("a.json", b"{}").unwrap();
        o.commit().unwrap();
        assert!(target.join(MARKER).exists() && !target.join("precious.txt").exists());
        // Our own folder is replaced without --force.
        let o = OutDir::create(&target, false).unwrap();
        o.write("b.json", b"{}").unwrap();
        o.commit().unwrap();
        assert!(target.join("b.json").exists() && !target.join("a.json").exists());
        // No temporary folders left behind.
        let left: Vec<_> = fs::read_dir(d.path()).unwrap().flatten().collect();
        assert_eq!(left.len(), 1);
    }

    #[test]
    fn dropped_without_commit_leaves_the_old_export() {
        let d = tempfile::tempdir().unwrap();
        let target = d.path().join("out");
        let o = OutDir::create(&target, false).unwrap();
        o.write("v1.json", b"1").unwrap();
        o.commit().unwrap();
        let o = OutDir::create(&target, false).unwrap();
        o.write("v2.json", b"2").unwrap();
        let tmp = o.path().to_path_buf();
        drop(o);
        assert!(!tmp.exists());
        assert!(target.join("v1.json").exists() && !target.join("v2.json").exists());
    }

    #[test]
    fn a_file_or_dot_is_not_a_target() {
        let d = tempfile::tempdir().unwrap();
        let f = d.path().join("file");
        fs::write(&f, "x").unwrap();
        assert!(matches!(
            OutDir::create(&f, false),
            Err(OutDirError::NotADir(_))
        ));
        assert!(matches!(
            OutDir::create(Path::new("."), true),
            Err(OutDirError::BadTarget(_))
        ));
    }

    #[test]
    fn stale_temp_folders_of_dead_processes_are_removed() {
        let d = tempfile::tempdir().unwrap();
        let stale = d.path().join(".kgextract-tmp-out-999999999");
        fs::create_dir(&stale).unwrap();
        let o = OutDir::create(&d.path().join("out"), false).unwrap();
        o.commit().unwrap();
        if Path::new("/proc/self").exists() {
            assert!(!stale.exists());
        }
    }
}
