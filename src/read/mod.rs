//! Stage 1 — read: a file, folder, stdin or JSONL record → [`Document`].
//!
//! - [`encoding`]: bytes → text (BOM, UTF-8, UTF-16, GBK/GB18030, Big5; binary files rejected);
//! - [`header`]: `# title` and `发布时间: …` → [`Header`];
//! - [`walk`]: files and folders → the sorted list of files to read;
//! - [`jsonl`]: JSONL records → documents.
//!
//! A `Document`'s `text` is the decoded original and is never modified afterwards: every offset
//! in the system points into it. Everything that can go wrong is a [`ReadError`] naming the file
//! (one bad document) or a [`ReadWarning`] (something the reader worked around).

pub mod encoding;
pub mod header;
pub mod jsonl;
pub mod walk;

use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use header::{parse_date, parse_header};
pub use walk::{Walk, walk};

/// One input document.
#[derive(Clone, Debug)]
pub struct Document {
    /// Stable id: the path relative to the input root (or the JSONL `id`, or `stdin`).
    pub id: String,
    /// Where it came from, for messages (a path, `-` or `file.jsonl:LINE`).
    pub source: String,
    /// The decoded original text.
    pub text: String,
    pub header: Header,
}

/// What the header says about the document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header {
    pub title: Option<String>,
    /// Publication date, from the header or `--published`.
    pub published: Option<NaiveDate>,
    /// Name of the detected encoding (`UTF-8`, `GBK`, `Big5`, …).
    pub encoding: &'static str,
    /// Problems the reader worked around (e.g. invalid bytes replaced by U+FFFD).
    pub warnings: Vec<String>,
}

/// Why a document could not be read. Every message names the file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The file (or stdin) could not be opened or read.
    ///
    /// (`err` is shown in the message and deliberately not exposed as `source()`, so that
    /// `{:#}` chains do not print the OS error twice.)
    #[error("{path}: cannot read: {err}")]
    Io { path: String, err: std::io::Error },
    /// The bytes are not text (magic number, NULs, control bytes).
    #[error("{path}: looks like a binary file ({why}); kgextract reads text and Markdown")]
    Binary { path: String, why: String },
    /// Over [`Limits::max_bytes`].
    #[error(
        "{path}: {size} bytes is over the size limit of {limit} bytes (raise it with --max-bytes)"
    )]
    TooLarge { path: String, size: u64, limit: u64 },
    /// A folder where a file was expected.
    #[error("{path}: is a folder, not a file")]
    IsDir { path: String },
    /// Nothing but whitespace.
    #[error("{path}: is empty")]
    Empty { path: String },
    /// Anything else, with a message.
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
}

/// A problem the reader worked around; the document (or the rest of the batch) goes on.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ReadWarning {
    /// A path, `stdin` or `FILE:LINE`.
    pub source: String,
    pub message: String,
}

/// Limits applied while reading.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub max_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 256 * 1024 * 1024,
        }
    }
}

/// Decode raw bytes into a document (encoding detection + header parsing).
pub fn from_bytes(id: &str, source: &str, bytes: &[u8]) -> Result<Document, ReadError> {
    let d = encoding::decode(source, bytes)?;
    let mut header = parse_header(&d.text, d.encoding);
    header.warnings.extend(d.warning);
    Ok(Document {
        id: id.to_string(),
        source: source.to_string(),
        text: d.text,
        header,
    })
}

/// Read all of `r` (named `path` in messages), failing once more than `limit` bytes arrive.
pub fn read_limited(mut r: impl Read, path: &str, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    (&mut r)
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|err| ReadError::Io {
            path: path.to_string(),
            err,
        })?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            path: path.to_string(),
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Read a file's bytes, honouring the size limit.
pub fn read_bytes(path: &Path, limits: &Limits) -> Result<Vec<u8>, ReadError> {
    let p = path.display().to_string();
    let io = |err| ReadError::Io {
        path: p.clone(),
        err,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(ReadError::IsDir { path: p });
    }
    if meta.len() > limits.max_bytes {
        return Err(ReadError::TooLarge {
            path: p,
            size: meta.len(),
            limit: limits.max_bytes,
        });
    }
    let f = std::fs::File::open(path).map_err(io)?;
    read_limited(f, &p, limits.max_bytes)
}

/// Read one file. An empty (whitespace-only) file is [`ReadError::Empty`].
pub fn read_file(path: &Path, id: &str, limits: &Limits) -> Result<Document, ReadError> {
    let p = path.display().to_string();
    let bytes = read_bytes(path, limits)?;
    let doc = from_bytes(id, &p, &bytes)?;
    non_empty(doc)
}

/// Reject a document with no text.
pub fn non_empty(doc: Document) -> Result<Document, ReadError> {
    if doc.text.trim().is_empty() {
        return Err(ReadError::Empty { path: doc.source });
    }
    Ok(doc)
}

/// Decode text (UTF-8 in practice) for JSONL parsing.
pub fn decode(source: &str, bytes: &[u8]) -> Result<encoding::Decoded, ReadError> {
    encoding::decode(source, bytes)
}

/// Expand inputs into the files to read: files as given, folders walked recursively
/// (`.txt`/`.md`, sorted by path). Returns `(path, id)` pairs; the id is the path relative to
/// the folder given (or the file name for a file). Walk warnings are dropped; use [`walk`] to
/// get them.
pub fn expand_inputs(inputs: &[PathBuf]) -> Result<Vec<(PathBuf, String)>, ReadError> {
    walk(inputs).map(|w| w.files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_title_and_date() {
        let h = parse_header("# 标题\n\n发布时间: 2024 年 7 月 21 日\n正文", "UTF-8");
        assert_eq!(h.title.as_deref(), Some("标题"));
        assert_eq!(h.published, NaiveDate::from_ymd_opt(2024, 7, 21));
    }

    #[test]
    fn nul_bytes_are_binary() {
        assert!(matches!(
            from_bytes("x", "x.txt", b"ab\0cd"),
            Err(ReadError::Binary { .. })
        ));
    }

    #[test]
    fn size_limit_names_the_file() {
        let e = read_limited(&b"0123456789"[..], "big.txt", 4).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("big.txt: 5 bytes is over the size limit of 4"),
            "{e}"
        );
    }
}
