//! What the value evaluations (money, numerals, dates) share: reading a headed TSV gold file,
//! walking its rows, and the [`ValueReport`] they fill.
//!
//! The gold files are plain tab-separated text with one header line and no quoting (their
//! cells hold JSON with quotes), so a CSV reader would misread them.

use std::io::Read;

use serde::Serialize;

/// One row that was not right.
#[derive(Clone, Debug, Serialize)]
pub struct Failure {
    /// 1-based line in the file (the header is line 1).
    pub line: usize,
    pub text: String,
    pub expected: String,
    pub got: String,
}

/// The result of a value evaluation.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ValueReport {
    pub file: String,
    pub total: usize,
    pub correct: usize,
    pub accuracy: f64,
    pub failures: Vec<Failure>,
    /// Rows that were not scored, with the reason (e.g. clock times in times.tsv).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skipped: Option<usize>,
    /// Extra counts (e.g. `rejected`/`documented` for the invalid numerals).
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub details: std::collections::BTreeMap<String, usize>,
    /// Accepted invalid-file rows with the documented reason.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub documented: Vec<(String, String)>,
}

impl ValueReport {
    /// An empty report for `file`.
    pub fn new(file: &str) -> ValueReport {
        ValueReport {
            file: file.to_string(),
            ..Default::default()
        }
    }

    pub fn finish(&mut self) {
        self.accuracy = if self.total == 0 {
            0.0
        } else {
            self.correct as f64 / self.total as f64
        };
    }

    /// A readable summary (the non-JSON output).
    pub fn render(&self, max_failures: usize) -> String {
        let mut s = format!(
            "{}: {}/{} correct, accuracy {:.4}\n",
            self.file, self.correct, self.total, self.accuracy
        );
        if let Some(n) = self.skipped {
            s.push_str(&format!(
                "{n} rows not scored (outside the evaluated subset)\n"
            ));
        }
        for (k, v) in &self.details {
            s.push_str(&format!("  {k}: {v}\n"));
        }
        if !self.documented.is_empty() {
            s.push_str("accepted, documented:\n");
            for (t, why) in &self.documented {
                s.push_str(&format!("  {t:<24} {why}\n"));
            }
        }
        if !self.failures.is_empty() {
            s.push_str(&format!("failures ({}):\n", self.failures.len()));
            for f in self.failures.iter().take(max_failures) {
                s.push_str(&format!(
                    "  line {:>4}  {}  expected {}  got {}\n",
                    f.line, f.text, f.expected, f.got
                ));
            }
        }
        s
    }
}

/// Rows of a TSV file: (1-based line number, fields).
pub type Rows = Vec<(usize, Vec<String>)>;

/// Read a headed TSV (no quoting: the files contain JSON with quotes).
/// Returns (header fields, rows).
pub fn read_tsv(mut r: impl Read, source: &str) -> Result<(Vec<String>, Rows), String> {
    let mut text = String::new();
    r.read_to_string(&mut text)
        .map_err(|e| format!("{source}: cannot read: {e}"))?;
    let header: Vec<String> = text
        .lines()
        .next()
        .ok_or_else(|| format!("{source}: empty file (expected a header line)"))?
        .trim_end_matches('\r')
        .split('\t')
        .map(str::to_string)
        .collect();
    let rows = text
        .lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.trim_end_matches('\r').is_empty())
        .map(|(i, l)| {
            (
                i + 1,
                l.trim_end_matches('\r')
                    .split('\t')
                    .map(str::to_string)
                    .collect(),
            )
        })
        .collect();
    Ok((header, rows))
}

/// [`read_tsv`], then check that the header starts with the columns `want`; the error names
/// the file and says what was `expected` (`the header \`text<TAB>…\``).
pub fn read_headed(
    r: impl Read,
    file: &str,
    want: &[&str],
    expected: &str,
) -> Result<(Vec<String>, Rows), String> {
    let (header, rows) = read_tsv(r, file)?;
    if header.get(..want.len()).is_none_or(|h| h != want) {
        return Err(format!("{file}:1: expected {expected}"));
    }
    Ok((header, rows))
}

/// The first `limit` rows (all without one), as (line, fields).
pub fn limited(rows: &Rows, limit: Option<usize>) -> impl Iterator<Item = (usize, &[String])> {
    rows.iter()
        .take(limit.unwrap_or(usize::MAX))
        .map(|(line, f)| (*line, f.as_slice()))
}

/// Field `i` of a row, empty when the row is shorter.
pub fn field(f: &[String], i: usize) -> &str {
    f.get(i).map(String::as_str).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_with_line_numbers() {
        let (h, rows) = read_tsv("a\tb\r\n1\t2\n\n3\n".as_bytes(), "f").unwrap();
        assert_eq!(h, ["a", "b"]);
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].0, field(&rows[0].1, 1)), (2, "2"));
        assert_eq!((rows[1].0, field(&rows[1].1, 1)), (4, ""));
        assert_eq!(limited(&rows, Some(1)).count(), 1);
    }

    #[test]
    fn header_is_checked() {
        assert!(read_headed("a\tb\tc\n".as_bytes(), "f", &["a", "b"], "x").is_ok());
        let e = read_headed("a\n".as_bytes(), "f", &["a", "b"], "the header `a b`").unwrap_err();
        assert_eq!(e, "f:1: expected the header `a b`");
        assert!(read_tsv("".as_bytes(), "f").is_err());
    }
}
