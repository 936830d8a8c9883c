//! Output safety: every export is written into a temporary folder beside the target and renamed
//! into place only when complete, so an error or interruption never leaves a half-written
//! export, and the previous export stays intact until the new one is whole.
//!
//! A folder kgextract wrote carries a marker file, [`MARKER`]; an existing non-empty folder
//! without it is never replaced unless the user passes `--force`.

use std::fs;
use std::path::{Path, PathBuf};

/// The marker file kgextract puts in every export folder.
pub const MARKER: &str = ".kgextract";
const MARKER_TEXT: &str =
    "This folder was written by kgextract; `kgextract extract` may replace it.\n";

/// Errors while preparing or committing an output folder.
#[derive(Debug, thiserror::Error)]
pub enum OutDirError {
    #[error(
        "{0}: exists, is not empty and was not written by kgextract (no {MARKER} file); refusing to replace it — pass --force to overwrite, or choose another folder with -o"
    )]
    Foreign(PathBuf),
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

/// A temporary output folder that becomes `target` on [`OutDir::commit`].
pub struct OutDir {
    target: PathBuf,
    tmp: PathBuf,
    committed: bool,
}

impl OutDir {
    /// Prepare to write `target`. Fails if `target` is a foreign folder (unless `force`), or
    /// if the temporary folder cannot be created beside it (e.g. a read-only parent).
    pub fn create(target: &Path, force: bool) -> Result<OutDir, OutDirError> {
        if target.exists() && !force {
            let foreign = if target.is_dir() {
                let empty = fs::read_dir(target)
                    .map_err(io(target, "cannot list the output folder"))?
                    .next()
                    .is_none();
                !empty && !target.join(MARKER).exists()
            } else {
                true
            };
            if foreign {
                return Err(OutDirError::Foreign(target.to_path_buf()));
            }
        }
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| "output".into());
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(io(&parent, "cannot create the parent folder"))?;
        let tmp = parent.join(format!(".kgextract-tmp-{name}-{}", std::process::id()));
        if tmp.exists() {
            fs::remove_dir_all(&tmp).map_err(io(&tmp, "cannot clear an old temporary folder"))?;
        }
        fs::create_dir(&tmp).map_err(io(&tmp, "cannot create the temporary output folder"))?;
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

    /// Write one file (relative name) into the temporary folder.
    pub fn write(&self, name: &str, bytes: &[u8]) -> Result<(), OutDirError> {
        let p = self.tmp.join(name);
        if let Some(parent) = p.parent() {
            fs::create_dir_all(parent).map_err(io(parent, "cannot create folder"))?;
        }
        fs::write(&p, bytes).map_err(io(&p, "cannot write"))
    }

    /// Put the finished export in place of `target`.
    pub fn commit(mut self) -> Result<PathBuf, OutDirError> {
        self.write(MARKER, MARKER_TEXT.as_bytes())?;
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
        if had_old {
            if old.is_dir() {
                let _ = fs::remove_dir_all(&old);
            } else {
                let _ = fs::remove_file(&old);
            }
        }
        self.committed = true;
        Ok(self.target.clone())
    }
}

impl Drop for OutDir {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.tmp);
        }
    }
}
