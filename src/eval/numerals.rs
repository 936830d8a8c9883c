//! `kgextract eval numerals FILE.tsv`: the numeral parser against `numerals.tsv`
//! (`text  number  source  notes`) or `numerals_invalid.tsv` (`text  source  notes`).
//!
//! The report shape and TSV reading shared by the value evaluations (money, numerals, dates)
//! are in [`super::tsv`]; they are re-exported here, where they used to live.
//!
//! Scoring: a valid row is correct when [`numeral::parse_phrase`] — or, for amounts written
//! with 元/圆 (`壹拾壹元整`), the money parser — gives the expected number (compared as
//! numbers, so cn2an's digit strings `01`/`12.30` equal 1/12.3; relative tolerance 1e-9).
//!
//! The invalid file is cn2an's list of inputs its *strict* mode rejects. Many of them are
//! accepted by cn2an's own `normal`/`smart` modes and are common in news (`100万`, `16.4亿`,
//! `三万五`, `一二三`), so we accept them too. A row of the invalid file is therefore
//! *rejected*, *documented* (accepted, and it falls into one of the named lenient categories
//! of [`lenient_category`]), or a failure. `correct` = rejected + documented.

use std::io::Read;

use serde::Serialize;

pub use super::tsv::{Failure, Rows, ValueReport, read_tsv};
use super::tsv::{field, limited, read_headed};
use crate::extract::numeral;
use crate::rules::Rules;

/// Numbers equal up to a relative 1e-9 (or 1e-9 absolute near zero).
pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Parse a number phrase the way the numerals evaluation does.
pub fn parse_number(rules: &Rules, text: &str) -> Option<f64> {
    if let Some(v) = numeral::parse_phrase(text) {
        return Some(v.to_f64());
    }
    // Amounts written with their unit (壹拾壹元整, 玖仟陆佰陆拾伍圆壹角捌分).
    if text.contains(['元', '圆', '圓']) {
        return rules.money.parse(text).map(|m| m.value);
    }
    None
}

/// Why an input that cn2an's strict mode rejects is accepted here, if it is one of the
/// lenient forms we accept on purpose. `None` means: not a documented lenient form.
pub fn lenient_category(text: &str) -> Option<&'static str> {
    let t = text.trim();
    let t = numeral::strip_sign(t).1;
    let has_arabic = t.chars().any(|c| numeral::arabic_digit(c).is_some());
    let has_cn_unit = t
        .chars()
        .any(|c| numeral::small_unit(c).is_some() || numeral::big_unit(c).is_some());
    let all_cn_digits = t
        .chars()
        .all(|c| numeral::cn_digit(c).is_some() || matches!(c, '点' | '點'));
    if t.ends_with(['元', '圆', '圓']) {
        return Some("an amount with its unit: read by the money parser (cn2an normal mode)");
    }
    if has_arabic && has_cn_unit {
        return Some("Arabic digits with Chinese units (cn2an smart mode; news writes 16.4亿)");
    }
    if has_arabic {
        return Some("a plain Arabic number (cn2an smart mode)");
    }
    if all_cn_digits && t.chars().count() >= 1 {
        return Some("digit-by-digit reading (cn2an normal mode; years are written 二〇二四)");
    }
    let last = t.chars().last()?;
    let before_last = t.chars().rev().nth(1);
    if numeral::cn_digit(last).is_some_and(|d| d > 0)
        && before_last
            .is_some_and(|c| numeral::small_unit(c).is_some() || numeral::big_unit(c).is_some())
        && before_last.is_some_and(|c| !matches!(c, '十' | '拾'))
    {
        return Some("colloquial elision of the last unit (三万五 = 35000; cn2an normal mode)");
    }
    if t.contains('零') {
        return Some("a 零 that strict mode finds redundant (十万零一千; cn2an normal mode)");
    }
    if t.contains("百十") || t.contains("千一十") || t.starts_with(['百', '千', '十']) {
        return Some("an omitted 一 before a unit (一百十一; cn2an normal mode)");
    }
    None
}

/// Score `numerals.tsv` (valid rows).
pub fn evaluate_valid(rows: &Rows, file: &str, rules: &Rules, limit: Option<usize>) -> ValueReport {
    let mut rep = ValueReport::new(file);
    for (line, f) in limited(rows, limit) {
        let (text, want) = (field(f, 0), field(f, 1));
        rep.total += 1;
        let got = parse_number(rules, text);
        let ok = match (want.parse::<f64>(), got) {
            (Ok(w), Some(g)) => close(w, g),
            _ => false,
        };
        if ok {
            rep.correct += 1;
        } else {
            rep.failures.push(Failure {
                line,
                text: text.to_string(),
                expected: want.to_string(),
                got: got.map_or("(rejected)".into(), |g| g.to_string()),
            });
        }
    }
    rep.finish();
    rep
}

/// Score `numerals_invalid.tsv`: every row must be rejected or accepted for a documented reason.
pub fn evaluate_invalid(
    rows: &Rows,
    file: &str,
    rules: &Rules,
    limit: Option<usize>,
) -> ValueReport {
    let mut rep = ValueReport::new(file);
    let (mut rejected, mut documented) = (0, 0);
    for (line, f) in limited(rows, limit) {
        let text = field(f, 0);
        rep.total += 1;
        match parse_number(rules, text) {
            None => {
                rejected += 1;
                rep.correct += 1;
            }
            Some(v) => match lenient_category(text) {
                Some(why) => {
                    documented += 1;
                    rep.correct += 1;
                    rep.documented
                        .push((format!("{text} = {v}"), why.to_string()));
                }
                None => rep.failures.push(Failure {
                    line,
                    text: text.to_string(),
                    expected: "(rejected)".into(),
                    got: v.to_string(),
                }),
            },
        }
    }
    rep.details.insert("rejected".into(), rejected);
    rep.details.insert("accepted_documented".into(), documented);
    rep.documented.dedup();
    rep.finish();
    rep
}

/// Score a numerals file: the invalid file is recognized by its header (no `number` column).
pub fn evaluate(
    r: impl Read,
    file: &str,
    rules: &Rules,
    limit: Option<usize>,
) -> Result<ValueReport, String> {
    let (header, rows) = read_headed(r, file, &["text"], "a header starting with `text`")?;
    let invalid = !header.iter().any(|h| h == "number");
    Ok(if invalid {
        evaluate_invalid(&rows, file, rules, limit)
    } else {
        evaluate_valid(&rows, file, rules, limit)
    })
}

/// Span scores of one value label against a JSONL extraction file
/// (`{"text", "entities": [{"start", "end", "label", "text"}]}`, character offsets).
#[derive(Clone, Debug, Default, Serialize)]
pub struct SpanReport {
    pub file: String,
    pub records: usize,
    pub gold: usize,
    pub predicted: usize,
    /// Exact span matches.
    pub tp: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Spans found by one side only: `fp …` (ours) / `fn …` (gold), with the record text.
    pub failures: Vec<String>,
}

impl SpanReport {
    pub fn render(&self, max: usize) -> String {
        let mut s = format!(
            "{}: {} records, {} gold spans, {} predicted, {} exact\nprecision {:.3}  recall {:.3}  F1 {:.3}\n",
            self.file,
            self.records,
            self.gold,
            self.predicted,
            self.tp,
            self.precision,
            self.recall,
            self.f1
        );
        for f in self.failures.iter().take(max) {
            s.push_str(&format!("  {f}\n"));
        }
        s
    }
}

#[derive(serde::Deserialize)]
struct SpanRecord {
    text: String,
    #[serde(default)]
    entities: Vec<SpanEntity>,
}

#[derive(serde::Deserialize)]
struct SpanEntity {
    start: usize,
    end: usize,
}

/// Exact-span precision/recall of the mentions with `label` against every gold entity of a
/// JSONL file (the extraction files carry one label each: MONEY, TIME:…). Each record is a
/// document with publication date `published` (relative dates need one).
pub fn evaluate_spans(
    r: impl Read,
    file: &str,
    rules: &Rules,
    label: crate::extract::Label,
    published: Option<chrono::NaiveDate>,
    limit: Option<usize>,
) -> Result<SpanReport, String> {
    let mut text = String::new();
    let mut r = r;
    r.read_to_string(&mut text)
        .map_err(|e| format!("{file}: cannot read: {e}"))?;
    let mut rep = SpanReport {
        file: file.to_string(),
        ..Default::default()
    };
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        if limit.is_some_and(|l| rep.records >= l) {
            break;
        }
        let rec: SpanRecord =
            serde_json::from_str(line).map_err(|e| format!("{file}:{}: {e}", i + 1))?;
        rep.records += 1;
        let doc = crate::read::Document {
            id: format!("{}", i + 1),
            source: file.to_string(),
            text: rec.text.clone(),
            header: crate::read::Header {
                published,
                ..Default::default()
            },
        };
        let ex = crate::extract::process(&doc, rules);
        let pred: std::collections::BTreeSet<(usize, usize)> = ex
            .mentions
            .iter()
            .filter(|m| m.label == label)
            .map(|m| (m.start, m.end))
            .collect();
        let gold: std::collections::BTreeSet<(usize, usize)> =
            rec.entities.iter().map(|e| (e.start, e.end)).collect();
        let chars: Vec<char> = rec.text.chars().collect();
        let snip = |(a, b): (usize, usize)| -> String {
            chars
                .get(a..b.min(chars.len()))
                .map_or(String::new(), |c| c.iter().collect())
        };
        rep.gold += gold.len();
        rep.predicted += pred.len();
        rep.tp += pred.intersection(&gold).count();
        for p in pred.difference(&gold) {
            rep.failures
                .push(format!("line {}: fp {}", i + 1, snip(*p)));
        }
        for g in gold.difference(&pred) {
            rep.failures
                .push(format!("line {}: fn {}", i + 1, snip(*g)));
        }
    }
    let f = super::Prf::from_counts(rep.tp, rep.predicted - rep.tp, rep.gold - rep.tp);
    (rep.precision, rep.recall, rep.f1) = (f.precision, f.recall, f.f1);
    Ok(rep)
}
