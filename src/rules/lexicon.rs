//! Lexicon files: one term per line, `term<TAB>key=value key=value …`, `#` comments.
//!
//! Built-in lexicons are `schema/lexicons/<name>.txt`; users add entries with
//! `--lexicon FILE`, whose lines are `term<TAB>name[<TAB>key=value …]` where `name` is the
//! lexicon to extend (`persons`, `orgs_known`, `titles`, `locations`, `stopwords`, …).

use std::collections::BTreeMap;
use std::path::Path;

/// One lexicon line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub term: String,
    /// `key=value` attributes in file order.
    pub attrs: Vec<(String, String)>,
}

impl Entry {
    /// The value of attribute `key`, if present.
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// The entries of one lexicon, in file order (built-in first, then user additions).
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    pub entries: Vec<Entry>,
}

impl Lexicon {
    pub fn terms(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| e.term.as_str())
    }
}

/// A bad lexicon line, with its place.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{file}:{line}: {message}")]
    Syntax {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{file}: cannot read lexicon: {source}")]
    Io {
        file: String,
        source: std::io::Error,
    },
}

/// All lexicons by name (the file stem: `titles`, `surnames`, …).
#[derive(Clone, Debug, Default)]
pub struct LexiconSet {
    pub map: BTreeMap<String, Lexicon>,
}

impl LexiconSet {
    /// The lexicons embedded from `schema/lexicons/`.
    pub fn builtin() -> Result<LexiconSet, LexiconError> {
        let mut set = LexiconSet::default();
        for (path, text) in super::EMBEDDED {
            let Some(name) = path
                .strip_prefix("lexicons/")
                .and_then(|p| p.strip_suffix(".txt"))
            else {
                continue;
            };
            let lex = set.map.entry(name.to_string()).or_default();
            parse_into(&format!("schema/{path}"), text, &mut lex.entries)?;
        }
        Ok(set)
    }

    /// The lexicon called `name`, empty if there is none.
    pub fn get(&self, name: &str) -> &Lexicon {
        static EMPTY: Lexicon = Lexicon {
            entries: Vec::new(),
        };
        self.map.get(name).unwrap_or(&EMPTY)
    }

    /// Add a user file of `term<TAB>lexicon[<TAB>key=value …]` lines.
    pub fn add_user_file(&mut self, path: &Path) -> Result<(), LexiconError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| LexiconError::Io {
            file: file.clone(),
            source,
        })?;
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let term = cols.next().unwrap_or("").trim();
            let name = cols.next().unwrap_or("").trim();
            if term.is_empty() || name.is_empty() {
                return Err(LexiconError::Syntax {
                    file,
                    line: i + 1,
                    message: format!(
                        "expected `term<TAB>lexicon[<TAB>key=value …]`, found {line:?}"
                    ),
                });
            }
            let attrs = parse_attrs(&file, i + 1, cols.collect::<Vec<_>>().join(" ").as_str())?;
            self.map
                .entry(name.to_string())
                .or_default()
                .entries
                .push(Entry {
                    term: term.to_string(),
                    attrs,
                });
        }
        Ok(())
    }
}

fn parse_attrs(file: &str, line: usize, s: &str) -> Result<Vec<(String, String)>, LexiconError> {
    let mut attrs = Vec::new();
    for kv in s.split_whitespace() {
        let Some((k, v)) = kv.split_once('=') else {
            return Err(LexiconError::Syntax {
                file: file.to_string(),
                line,
                message: format!("attribute {kv:?} is not key=value"),
            });
        };
        attrs.push((k.to_string(), v.to_string()));
    }
    Ok(attrs)
}

/// Parse built-in lexicon text: `term<TAB>key=value …` per line.
pub fn parse_into(file: &str, text: &str, out: &mut Vec<Entry>) -> Result<(), LexiconError> {
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let (term, rest) = line.split_once('\t').unwrap_or((line, ""));
        let term = term.trim();
        if term.is_empty() {
            return Err(LexiconError::Syntax {
                file: file.to_string(),
                line: i + 1,
                message: "empty term".into(),
            });
        }
        let attrs = parse_attrs(file, i + 1, rest)?;
        out.push(Entry {
            term: term.to_string(),
            attrs,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicons_parse() {
        LexiconSet::builtin().unwrap();
    }

    #[test]
    fn parses_attrs_and_comments() {
        let mut v = Vec::new();
        parse_into(
            "t",
            "# c\n中国联通\tkind=enterprise aliases=联通\n\n",
            &mut v,
        )
        .unwrap();
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].attr("kind"), Some("enterprise"));
        assert!(parse_into("t", "x\tnokv\n", &mut v).is_err());
    }
}
