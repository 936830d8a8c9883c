//! Inputs → the list of files to read.
//!
//! A folder is walked recursively for `.txt`, `.md` and `.markdown` files (case-insensitive),
//! following symlinks. Hidden entries (`.git`, `.DS_Store`, an old `.kgextract-tmp-*`) are
//! skipped. The order is the sorted relative path, so output never depends on the file
//! system's listing order. A symlink loop, an unreadable sub-folder or a dangling link becomes a
//! warning and the walk goes on; only an input the user named that does not exist is an error.
//! A file reached twice (two inputs, or a symlink to a file already listed) is read once.
//!
//! Only regular files are read from a folder. A FIFO, socket or device with a text extension
//! found in a folder (directly or through a symlink) is skipped with a warning naming it:
//! reading a FIFO nobody writes to would block the whole batch forever, and a device is not an
//! article. A FIFO (or `/dev/fd/N`, as from `<(zcat a.txt.gz)`) *named on the command line* is
//! read like stdin — the user asked for that stream — so, like `cat`, it waits for a writer.
//!
//! Document ids are the path relative to the folder given (`2024/forum.txt`) or the file name
//! for a file given directly; if two inputs would produce the same id, the later one uses its
//! full path instead, so ids stay unique.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{ReadError, ReadWarning};

/// What a walk found.
#[derive(Debug, Default)]
pub struct Walk {
    /// `(path, id)` in reading order.
    pub files: Vec<(PathBuf, String)>,
    /// Problems met on the way (the walk went on).
    pub warnings: Vec<ReadWarning>,
}

/// Is this a file extension the folder walk reads?
pub fn is_text_ext(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "txt" | "md" | "markdown"))
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .is_some_and(|s| s.starts_with('.') && s != "." && s != "..")
}

/// Ids use `/` between folders on every platform. Only Windows' separator is rewritten: on
/// Unix a `\\` is an ordinary character of a file name (`a\\b.md` keeps its name).
fn slash_separated(p: String) -> String {
    if std::path::MAIN_SEPARATOR == '\\' {
        p.replace('\\', "/")
    } else {
        p
    }
}

/// What kind of non-regular file this is, for the warning.
fn special_kind(ft: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if ft.is_socket() {
            return "a socket";
        }
        if ft.is_block_device() || ft.is_char_device() {
            return "a device";
        }
    }
    let _ = ft;
    "a special file"
}

/// Walk the inputs (files and folders). `-` must be handled by the caller.
pub fn walk(inputs: &[PathBuf]) -> Result<Walk, ReadError> {
    let mut out = Walk::default();
    let mut seen_paths: HashSet<PathBuf> = HashSet::new();
    let mut seen_ids: HashSet<String> = HashSet::new();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|err| ReadError::Io {
            path: input.display().to_string(),
            err,
        })?;
        let mut found: Vec<(PathBuf, String)> = Vec::new();
        if meta.is_dir() {
            let walker = walkdir::WalkDir::new(input)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
            for entry in walker {
                let entry = match entry {
                    Ok(e) => e,
                    Err(e) => {
                        let path = e
                            .path()
                            .map(|p| p.display().to_string())
                            .unwrap_or_else(|| input.display().to_string());
                        let message = if let Some(anc) = e.loop_ancestor() {
                            format!("symlink loop back to {}; skipped", anc.display())
                        } else {
                            match e.io_error() {
                                Some(io) => format!("cannot read: {io}; skipped"),
                                None => format!("{e}; skipped"),
                            }
                        };
                        out.warnings.push(ReadWarning {
                            source: path,
                            message,
                        });
                        continue;
                    }
                };
                let p = entry.path();
                let ft = entry.file_type();
                if !ft.is_file() && !ft.is_dir() && is_text_ext(p) {
                    out.warnings.push(ReadWarning {
                        source: p.display().to_string(),
                        message: format!("{}: not a regular file; skipped", special_kind(&ft)),
                    });
                    continue;
                }
                if ft.is_file() && is_text_ext(p) {
                    let rel = p
                        .strip_prefix(input)
                        .unwrap_or(p)
                        .to_string_lossy()
                        .to_string();
                    let rel = slash_separated(rel);
                    found.push((p.to_path_buf(), rel));
                }
            }
            found.sort_by(|a, b| a.1.cmp(&b.1));
        } else {
            let id = input
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_else(|| input.display().to_string());
            found.push((input.clone(), id));
        }
        for (path, id) in found {
            let canon = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            if !seen_paths.insert(canon) {
                continue;
            }
            let mut id = id;
            if seen_ids.contains(&id) {
                id = slash_separated(path.to_string_lossy().to_string());
                let base = id.clone();
                let mut k = 2;
                while seen_ids.contains(&id) {
                    id = format!("{base}#{k}");
                    k += 1;
                }
            }
            seen_ids.insert(id.clone());
            out.files.push((path, id));
        }
    }
    Ok(out)
}
