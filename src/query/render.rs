//! Printing an [`Answer`]: an aligned table for people, JSON or CSV for scripts.
//!
//! - **table**: columns padded by *display width* (unicode-width: a CJK character takes two
//!   terminal cells), long evidence sentences cut to [`EVIDENCE_WIDTH`] cells with `…`, lists
//!   joined with `, `, line breaks flattened. An empty answer prints `no results` and the
//!   answer's notes (e.g. "did you mean …"), never nothing.
//! - **json**: a JSON array with one object per row, keys in column order, one row per line —
//!   every column, including those the table hides. `[]` when empty.
//! - **csv**: RFC 4180 with a header row; lists joined with `;` (the Neo4j array delimiter),
//!   the participants object as `TYPE:name;TYPE:name`.

use std::io::{self, Write};

use serde_json::Value;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::Answer;

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
}

/// Widest evidence cell in a table, in terminal cells.
pub const EVIDENCE_WIDTH: usize = 40;
/// Widest other cell in a table, in terminal cells (paths are never cut).
pub const CELL_WIDTH: usize = 48;

/// A value as plain text: strings as is, lists joined with `, `, objects as `K: a, b; K2: c`.
pub fn plain(v: &Value) -> String {
    join(v, ", ", "; ", ": ")
}

fn join(v: &Value, item_sep: &str, group_sep: &str, kv_sep: &str) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => number(n),
        Value::Array(a) => a
            .iter()
            .map(|x| join(x, item_sep, group_sep, kv_sep))
            .collect::<Vec<_>>()
            .join(item_sep),
        Value::Object(o) => o
            .iter()
            .map(|(k, x)| format!("{k}{kv_sep}{}", join(x, item_sep, group_sep, kv_sep)))
            .collect::<Vec<_>>()
            .join(group_sep),
    }
}

/// Whole numbers without a fraction (3e10 → `30000000000`), others as Rust prints them.
fn number(n: &serde_json::Number) -> String {
    match n.as_f64() {
        Some(x) if x.fract() == 0.0 && x.abs() < 1e17 => format!("{x:.0}"),
        _ => n.to_string(),
    }
}

/// Cut `s` to at most `max` display cells, ending with `…` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

fn flatten(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Render as a table.
pub fn table(a: &Answer) -> String {
    let mut out = String::new();
    for h in &a.header {
        out.push_str(h);
        out.push('\n');
    }
    if a.rows.is_empty() {
        out.push_str("no results\n");
        for n in &a.notes {
            out.push_str(n);
            out.push('\n');
        }
        return out;
    }
    let shown: Vec<usize> = (0..a.columns.len())
        .filter(|i| !a.table_hidden.contains(&a.columns[*i]))
        .collect();
    let cells: Vec<Vec<String>> = a
        .rows
        .iter()
        .map(|r| {
            shown
                .iter()
                .map(|&i| {
                    let s = flatten(&plain(r.get(i).unwrap_or(&Value::Null)));
                    match a.columns[i] {
                        "evidence" => truncate(&s, EVIDENCE_WIDTH),
                        "path" => s,
                        _ => truncate(&s, CELL_WIDTH),
                    }
                })
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = shown.iter().map(|&i| a.columns[i].width()).collect();
    for r in &cells {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.width());
        }
    }
    let line = |out: &mut String, row: &[String]| {
        let mut l = String::new();
        for (j, c) in row.iter().enumerate() {
            if j > 0 {
                l.push_str("  ");
            }
            l.push_str(c);
            if j + 1 < row.len() {
                l.push_str(&" ".repeat(widths[j].saturating_sub(c.width())));
            }
        }
        out.push_str(l.trim_end());
        out.push('\n');
    };
    let head: Vec<String> = shown.iter().map(|&i| a.columns[i].to_string()).collect();
    line(&mut out, &head);
    let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
    line(&mut out, &rule);
    for r in &cells {
        line(&mut out, r);
    }
    out.push_str(&format!(
        "({} row{})\n",
        a.rows.len(),
        if a.rows.len() == 1 { "" } else { "s" }
    ));
    out
}

/// Render as a JSON array of row objects, keys in column order.
pub fn json(a: &Answer) -> String {
    if a.rows.is_empty() {
        return "[]\n".to_string();
    }
    let mut out = String::from("[\n");
    for (n, r) in a.rows.iter().enumerate() {
        out.push_str("  {");
        for (i, c) in a.columns.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            let v = r.get(i).unwrap_or(&Value::Null);
            out.push_str(&serde_json::to_string(c).unwrap_or_default());
            out.push_str(": ");
            out.push_str(&serde_json::to_string(v).unwrap_or_else(|_| "null".into()));
        }
        out.push('}');
        if n + 1 < a.rows.len() {
            out.push(',');
        }
        out.push('\n');
    }
    out.push_str("]\n");
    out
}

/// A CSV cell: lists joined with `;`, objects of lists as `KEY:item;KEY:item`.
fn csv_cell(v: &Value) -> String {
    match v {
        Value::Object(o) => {
            let mut parts = Vec::new();
            for (k, x) in o {
                match x {
                    Value::Array(items) => {
                        parts.extend(items.iter().map(|i| format!("{k}:{}", csv_cell(i))))
                    }
                    other => parts.push(format!("{k}:{}", csv_cell(other))),
                }
            }
            parts.join(";")
        }
        other => join(other, ";", ";", ":"),
    }
}

/// Render as CSV with a header row.
pub fn csv(a: &Answer) -> io::Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&a.columns)?;
    for r in &a.rows {
        let rec: Vec<String> = (0..a.columns.len())
            .map(|i| flatten(&csv_cell(r.get(i).unwrap_or(&Value::Null))))
            .collect();
        w.write_record(&rec)?;
    }
    w.flush()?;
    let bytes = w
        .into_inner()
        .map_err(|e| io::Error::other(e.to_string()))?;
    String::from_utf8(bytes).map_err(io::Error::other)
}

/// Render in `format` and write to `out`; a closed pipe (`| head`) is not an error.
pub fn write(a: &Answer, format: Format, out: &mut dyn Write) -> io::Result<()> {
    let s = match format {
        Format::Table => table(a),
        Format::Json => json(a),
        Format::Csv => csv(a)?,
    };
    crate::cli::stdout::write_to(out, &s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    proptest! {
        #[test]
        fn truncate_fits_and_keeps_a_prefix(s in "[a-z中文字符，。 ]{0,40}", max in 1usize..30) {
            let t = truncate(&s, max);
            prop_assert!(t.width() <= max);
            if s.width() <= max {
                prop_assert_eq!(&t, &s);
            } else {
                prop_assert!(t.ends_with('…'));
                prop_assert!(s.starts_with(t.trim_end_matches('…')));
            }
        }
    }

    #[test]
    fn table_pads_cjk_by_display_width() {
        let a = Answer {
            columns: vec!["name", "org"],
            rows: vec![
                vec![json!("张三丰"), json!("ACME")],
                vec![json!("Li"), json!(["甲", "乙"])],
            ],
            ..Answer::default()
        };
        let t = table(&a);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "name    org");
        assert_eq!(lines[2], "张三丰  ACME");
        assert_eq!(lines[3], "Li      甲, 乙");
        assert_eq!(lines[4], "(2 rows)");
    }

    #[test]
    fn empty_answers_print_no_results_and_notes() {
        let mut a = Answer::new(vec!["x"]);
        a.notes.push("did you mean: y?".into());
        assert_eq!(table(&a), "no results\ndid you mean: y?\n");
        assert_eq!(json(&a), "[]\n");
        assert_eq!(csv(&a).unwrap(), "x\n");
    }

    #[test]
    fn numbers_print_without_spurious_fractions() {
        assert_eq!(plain(&json!(3e10)), "30000000000");
        assert_eq!(plain(&json!(1.5)), "1.5");
        assert_eq!(
            plain(&json!({"A": ["x", "y"], "B": ["z"]})),
            "A: x, y; B: z"
        );
    }
}
