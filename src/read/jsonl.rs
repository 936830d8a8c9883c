//! JSONL input for pipelines: one `{"id", "title", "published", "text"}` object per line.
//!
//! Only `text` is required. `id` may be a string or a number (default: `FILE:LINE`);
//! `published` takes any date form the header parser knows (`2024-07-21`, `2024年7月21日`);
//! `title`/`published` override what the text's own header says. A bad line (invalid JSON, no
//! `text`, a wrong type) is a warning naming `FILE:LINE` and the batch goes on; blank lines are
//! skipped. A repeated `id` gets `#LINE` appended, with a warning, so ids stay unique.

use std::collections::HashSet;

use serde_json::Value;

use super::{Document, ReadWarning, header};

/// Parse JSONL `text` read from `source` (a path or `-`).
pub fn parse(
    source: &str,
    text: &str,
    encoding: &'static str,
) -> (Vec<Document>, Vec<ReadWarning>) {
    let mut docs = Vec::new();
    let mut warnings = Vec::new();
    let mut p = Parser::new(source, encoding);
    for (i, line) in text.lines().enumerate() {
        docs.extend(p.line(i + 1, line, &mut warnings));
    }
    (docs, warnings)
}

/// A JSONL input parsed line by line (issue 8: a large JSONL input is streamed, never held
/// whole as documents): [`parse`] is this over every line of a text.
#[derive(Debug)]
pub struct Parser {
    /// The source as messages name it (`stdin` for `-`).
    src_name: String,
    encoding: &'static str,
    /// The ids given so far (a repeated one gets `#LINE`).
    ids: HashSet<String>,
}

impl Parser {
    /// A parser of the JSONL read from `source` (a path or `-`) in `encoding`.
    pub fn new(source: &str, encoding: &'static str) -> Parser {
        Parser {
            src_name: if source == "-" { "stdin" } else { source }.to_string(),
            encoding,
            ids: HashSet::new(),
        }
    }

    /// Line `line_no` (from 1; without its line break): its document, if it is a record, and
    /// its warnings appended to `warnings`.
    pub fn line(
        &mut self,
        line_no: usize,
        line: &str,
        warnings: &mut Vec<ReadWarning>,
    ) -> Option<Document> {
        let at = format!("{}:{line_no}", self.src_name);
        let line = line.trim().trim_start_matches('\u{FEFF}');
        if line.is_empty() {
            return None;
        }
        let mut warn = |message: String| {
            warnings.push(ReadWarning {
                source: at.clone(),
                message,
            })
        };
        let v: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                warn(format!("invalid JSON: {e}"));
                return None;
            }
        };
        let Value::Object(mut obj) = v else {
            warn("expected a JSON object {\"id\", \"title\", \"published\", \"text\"}".into());
            return None;
        };
        let body = match obj.remove("text") {
            Some(Value::String(s)) => s,
            Some(_) => {
                warn("\"text\" is not a string".into());
                return None;
            }
            None => {
                warn("no \"text\" field".into());
                return None;
            }
        };
        let mut id = match obj.get("id") {
            Some(Value::String(s)) if !s.is_empty() => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => at.clone(),
        };
        if !self.ids.insert(id.clone()) {
            warn(format!("duplicate id {id:?}; using {id}#{line_no}"));
            id = format!("{id}#{line_no}");
            self.ids.insert(id.clone());
        }
        let mut h = header::parse_header(&body, self.encoding);
        if let Some(Value::String(t)) = obj.get("title")
            && !t.trim().is_empty()
        {
            h.title = Some(t.trim().to_string());
        }
        match obj.get("published") {
            Some(Value::String(p)) if !p.trim().is_empty() => match header::parse_date(p) {
                Some(d) => h.published = Some(d),
                None => warn(format!(
                    "\"published\": {p:?} is not a date (try 2024-07-21)"
                )),
            },
            _ => {}
        }
        Some(Document {
            id,
            source: at,
            text: body,
            header: h,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_and_bad_lines() {
        let input = concat!(
            r#"{"id":"a","title":"T","published":"2024-07-21","text":"中国联通签约。"}"#,
            "\n\n",
            r#"{"id":7,"text":"发布时间：2023年1月2日\n正文"}"#,
            "\n",
            "not json\n",
            r#"{"id":"b"}"#,
            "\n",
            r#"{"id":"a","text":"重复","published":"昨天"}"#,
            "\n",
        );
        let (docs, warns) = parse("in.jsonl", input, "UTF-8");
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "7", "a#6"]);
        assert_eq!(docs[0].header.title.as_deref(), Some("T"));
        assert_eq!(
            docs[0].header.published.map(|d| d.to_string()).as_deref(),
            Some("2024-07-21")
        );
        assert_eq!(
            docs[1].header.published.map(|d| d.to_string()).as_deref(),
            Some("2023-01-02")
        );
        assert_eq!(docs[1].source, "in.jsonl:3");
        let w: Vec<String> = warns
            .iter()
            .map(|w| format!("{}: {}", w.source, w.message))
            .collect();
        assert!(w[0].starts_with("in.jsonl:4: invalid JSON"), "{w:?}");
        assert!(w[1].starts_with("in.jsonl:5: no \"text\""), "{w:?}");
        assert!(w.iter().any(|x| x.contains("duplicate id")), "{w:?}");
        assert!(w.iter().any(|x| x.contains("not a date")), "{w:?}");
    }
}
