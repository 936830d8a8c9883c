//! Stage 1 — read: a file, folder, stdin or JSONL record → [`Document`].
//!
//! Decoding (UTF-8/UTF-16/GB18030/Big5 detection), the header (`# title`, `发布时间: …`), the
//! folder walk and limits live here. A `Document`'s `text` is the decoded original and is never
//! modified afterwards: every offset in the system points into it.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

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
}

/// Why a document could not be read. Every message names the file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: looks like a binary file ({why}); kgextract reads text and Markdown")]
    Binary { path: String, why: String },
    #[error(
        "{path}: {size} bytes is over the size limit of {limit} bytes (raise it with --max-bytes)"
    )]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
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
    let (text, encoding) = decode(source, bytes)?;
    let header = parse_header(&text, encoding);
    Ok(Document {
        id: id.to_string(),
        source: source.to_string(),
        text,
        header,
    })
}

/// Read one file.
pub fn read_file(path: &Path, id: &str, limits: &Limits) -> Result<Document, ReadError> {
    let p = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|source| ReadError::Io {
        path: p.clone(),
        source,
    })?;
    if meta.len() > limits.max_bytes {
        return Err(ReadError::TooLarge {
            path: p,
            size: meta.len(),
            limit: limits.max_bytes,
        });
    }
    let bytes = std::fs::read(path).map_err(|source| ReadError::Io {
        path: p.clone(),
        source,
    })?;
    from_bytes(id, &p, &bytes)
}

/// Decode bytes to text. UTF-8 only in this first cut.
pub fn decode(source: &str, bytes: &[u8]) -> Result<(String, &'static str), ReadError> {
    if bytes.contains(&0) {
        return Err(ReadError::Binary {
            path: source.to_string(),
            why: "contains NUL bytes".into(),
        });
    }
    let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(b) {
        Ok(s) => Ok((s.to_string(), "UTF-8")),
        Err(e) => Err(ReadError::Invalid {
            path: source.to_string(),
            message: format!("invalid UTF-8 at byte {}", e.valid_up_to()),
        }),
    }
}

/// Title from a leading `# ` line; publication date from a `发布时间:` line.
pub fn parse_header(text: &str, encoding: &'static str) -> Header {
    let mut h = Header {
        encoding,
        ..Header::default()
    };
    for line in text.lines().take(12) {
        let l = line.trim();
        if let (None, Some(t)) = (&h.title, l.strip_prefix("# ")) {
            h.title = Some(t.trim().to_string());
            continue;
        }
        for key in ["发布时间", "发布日期", "日期", "时间"] {
            if let Some(rest) = l.strip_prefix(key) {
                let rest = rest.trim_start_matches([':', '：', ' ']);
                let digits: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
                if let Some(d) = parse_ymd(&digits) {
                    h.published.get_or_insert(d);
                }
            }
        }
    }
    h
}

fn parse_ymd(s: &str) -> Option<NaiveDate> {
    let nums: Vec<u32> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .take(3)
        .filter_map(|p| p.parse().ok())
        .collect();
    match nums.as_slice() {
        [y, m, d] => NaiveDate::from_ymd_opt(*y as i32, *m, *d),
        _ => None,
    }
}

/// Expand inputs into the files to read: files as given, folders walked recursively
/// (`.txt`/`.md`, sorted by path). Returns `(path, id)` pairs; the id is the path relative to
/// the folder given (or the file name for a file).
pub fn expand_inputs(inputs: &[PathBuf]) -> Result<Vec<(PathBuf, String)>, ReadError> {
    let mut out = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|source| ReadError::Io {
            path: input.display().to_string(),
            source,
        })?;
        if meta.is_dir() {
            let mut files = Vec::new();
            for entry in walkdir::WalkDir::new(input).follow_links(true) {
                let entry = match entry {
                    Ok(e) => e,
                    Err(_) => continue,
                };
                let p = entry.path();
                let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
                if entry.file_type().is_file() && (ext == "txt" || ext == "md") {
                    let rel = p
                        .strip_prefix(input)
                        .unwrap_or(p)
                        .to_string_lossy()
                        .replace('\\', "/");
                    files.push((p.to_path_buf(), rel));
                }
            }
            files.sort();
            out.extend(files);
        } else {
            let id = input
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_else(|| input.display().to_string());
            out.push((input.clone(), id));
        }
    }
    Ok(out)
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
}
