//! A strict RFC 4180 reader that keeps line numbers and reports every deviation.
//!
//! The csv crate is forgiving by design (it accepts a stray quote inside an unquoted field, for
//! instance), which is right for reading but wrong for a checker: neo4j-admin is stricter, so
//! `validate` needs to see exactly what is in the file.

/// One record with the physical line where it starts (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
    pub quoted: Vec<bool>,
}

/// A problem found while reading: (line, message).
pub type Problem = (usize, String);

/// Split `text` into records. Problems (unclosed quote, text after a closing quote, a quote
/// inside an unquoted field, a line break inside a quoted field) are pushed to `problems`;
/// reading goes on so that later lines are checked too.
pub fn parse(text: &str, problems: &mut Vec<Problem>) -> Vec<Record> {
    let b: Vec<char> = text.chars().collect();
    let n = b.len();
    let (mut i, mut line) = (0usize, 1usize);
    let mut out = Vec::new();
    while i < n {
        let start_line = line;
        let mut fields = Vec::new();
        let mut quoted = Vec::new();
        loop {
            if i < n && b[i] == '"' {
                i += 1;
                let mut buf = String::new();
                let mut closed = false;
                let mut multiline = false;
                while i < n {
                    let c = b[i];
                    if c == '"' {
                        if i + 1 < n && b[i + 1] == '"' {
                            buf.push('"');
                            i += 2;
                            continue;
                        }
                        i += 1;
                        closed = true;
                        break;
                    }
                    if c == '\\' && i + 1 < n && b[i + 1] == '"' {
                        problems.push((
                            line,
                            "warning: backslash before a quote: importers with legacy quoting (Neo4j ≤ 4) read \\\" as an escaped quote".into(),
                        ));
                    }
                    if c == '\n' || c == '\r' {
                        multiline = true;
                        line += 1;
                        if c == '\r' && i + 1 < n && b[i + 1] == '\n' {
                            buf.push_str("\r\n");
                            i += 2;
                            continue;
                        }
                    }
                    buf.push(c);
                    i += 1;
                }
                if !closed {
                    problems.push((
                        start_line,
                        "quoted field never closes (missing end quote): the rest of the file would be one field".into(),
                    ));
                    fields.push(buf);
                    quoted.push(true);
                    out.push(Record {
                        line: start_line,
                        fields,
                        quoted,
                    });
                    return out;
                }
                if multiline {
                    problems.push((
                        start_line,
                        format!(
                            "line break inside quoted field {}: neo4j-admin rejects it unless run with --multiline-fields=true",
                            fields.len() + 1
                        ),
                    ));
                }
                if i < n && !matches!(b[i], ',' | '\r' | '\n') {
                    let j = (i..n)
                        .find(|&j| matches!(b[j], ',' | '\r' | '\n'))
                        .unwrap_or(n);
                    let extra: String = b[i..j].iter().collect();
                    problems.push((
                        line,
                        format!(
                            "text {extra:?} after the closing quote of field {} (a quote inside a quoted field must be doubled)",
                            fields.len() + 1
                        ),
                    ));
                    buf.push_str(&extra);
                    i = j;
                }
                fields.push(buf);
                quoted.push(true);
            } else {
                let j = (i..n)
                    .find(|&j| matches!(b[j], ',' | '\r' | '\n'))
                    .unwrap_or(n);
                let val: String = b[i..j].iter().collect();
                if val.contains('"') {
                    problems.push((
                        line,
                        format!(
                            "quote inside unquoted field {} ({val:?}): quote the whole field and double the quote",
                            fields.len() + 1
                        ),
                    ));
                }
                fields.push(val);
                quoted.push(false);
                i = j;
            }
            if i < n && b[i] == ',' {
                i += 1;
                continue;
            }
            if i < n && b[i] == '\r' {
                i += 1;
            }
            if i < n && b[i] == '\n' {
                i += 1;
            }
            line += 1;
            break;
        }
        out.push(Record {
            line: start_line,
            fields,
            quoted,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> (Vec<Record>, Vec<Problem>) {
        let mut probs = Vec::new();
        let r = parse(s, &mut probs);
        (r, probs)
    }

    #[test]
    fn reads_quoted_fields() {
        let (r, probs) = p("a,\"b,c\",\"d\"\"e\"\nf,,g\n");
        assert!(probs.is_empty(), "{probs:?}");
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].fields, vec!["a", "b,c", "d\"e"]);
        assert_eq!(r[1].fields, vec!["f", "", "g"]);
        assert_eq!(r[1].line, 2);
    }

    #[test]
    fn reports_broken_quoting() {
        let (_, probs) = p("a,b\"c\n");
        assert_eq!(probs[0].0, 1);
        let (_, probs) = p("x\n\"a\"b,c\n");
        assert_eq!(probs[0].0, 2);
        assert!(probs[0].1.contains("after the closing quote"));
        let (_, probs) = p("x\n\"a\nb\",c\nd\n");
        assert!(probs[0].1.contains("line break"));
        let (r, probs) = p("x\n\"open\n");
        assert!(probs[0].1.contains("never closes"));
        assert_eq!(r.len(), 2);
    }
}
