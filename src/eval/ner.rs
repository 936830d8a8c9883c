//! `kgextract eval ner GOLD.jsonl`: span-level NER scores against gold data in the format of
//! `../shared/eval/ner/*.jsonl` — `{"id","text","entities":[{"start","end","label","text"}]}`
//! with character offsets, end exclusive.
//!
//! Gold labels are mapped onto ours (`PER`, `ORG`, `ROLE`, `LOC`) with a label map; gold labels
//! that map to nothing are ignored, and so are our labels that no gold label maps to (a dataset
//! without titles does not count our titles as false positives).

use std::collections::{BTreeMap, BTreeSet};
use std::io::BufRead;

use serde::Deserialize;

use super::Prf;
use super::gold::{read_jsonl, record_id};
use crate::extract::Label;
use crate::rules::Rules;

/// The default gold-label → our-label map (covers CLUENER, MSRA and Resume NER).
pub const DEFAULT_MAP: &[(&str, &str)] = &[
    ("name", "PER"),
    ("PER", "PER"),
    ("NAME", "PER"),
    ("company", "ORG"),
    ("organization", "ORG"),
    ("government", "ORG"),
    ("ORG", "ORG"),
    ("position", "ROLE"),
    ("TITLE", "ROLE"),
    ("address", "LOC"),
    ("LOC", "LOC"),
];

/// Our evaluation label for a mention label.
pub fn eval_label(l: Label) -> Option<&'static str> {
    match l {
        Label::Person => Some("PER"),
        Label::Organization => Some("ORG"),
        Label::Role => Some("ROLE"),
        Label::Location => Some("LOC"),
        _ => None,
    }
}

#[derive(Deserialize)]
struct GoldEntity {
    start: usize,
    end: usize,
    label: String,
}

#[derive(Deserialize)]
struct GoldRecord {
    #[serde(default)]
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    entities: Vec<GoldEntity>,
}

/// One scored span.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct SpanError {
    pub record: String,
    pub label: String,
    pub text: String,
    /// `fp` (we found it, gold has nothing exactly there) or `fn` (gold has it, we missed it).
    pub kind: &'static str,
    pub context: String,
}

/// The result of a NER evaluation.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct NerReport {
    pub records: usize,
    pub exact: BTreeMap<String, Prf>,
    pub overlap: BTreeMap<String, Prf>,
    /// Most frequent error strings per label and kind (for tuning rules).
    pub errors: Vec<(String, usize)>,
    #[serde(skip)]
    pub examples: Vec<SpanError>,
}

/// Parse `name=PER,company=ORG` into a map; empty string gives the default map.
pub fn parse_map(spec: &str) -> Result<BTreeMap<String, String>, String> {
    let mut m = BTreeMap::new();
    if spec.trim().is_empty() {
        for (a, b) in DEFAULT_MAP {
            m.insert(a.to_string(), b.to_string());
        }
        return Ok(m);
    }
    for part in spec.split(',').filter(|p| !p.trim().is_empty()) {
        let (a, b) = part
            .split_once('=')
            .ok_or_else(|| format!("--map entry {part:?} is not gold=OURS"))?;
        let b = b.trim();
        if !["PER", "ORG", "ROLE", "LOC"].contains(&b) {
            return Err(format!(
                "--map entry {part:?}: our labels are PER, ORG, ROLE, LOC"
            ));
        }
        m.insert(a.trim().to_string(), b.to_string());
    }
    Ok(m)
}

/// Run the extractors on every record of a gold file and score them.
pub fn evaluate(
    reader: impl BufRead,
    source: &str,
    map: &BTreeMap<String, String>,
    rules: &Rules,
    limit: Option<usize>,
) -> Result<NerReport, String> {
    // Read the gold file first: only our labels that the gold data actually uses are scored
    // (a dataset without titles must not count our titles as false positives).
    let recs: Vec<GoldRecord> = read_jsonl(reader, source, limit)?;
    let our_labels: BTreeSet<String> = recs
        .iter()
        .flat_map(|r| r.entities.iter())
        .filter_map(|e| map.get(&e.label).cloned())
        .collect();
    let mut counts: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    // Overlap counts: predictions overlapping some gold span / not; gold spans overlapped / not.
    let mut ocounts: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    let mut errs: BTreeMap<String, usize> = BTreeMap::new();
    let mut examples = Vec::new();
    let records = recs.len();
    for rec in recs {
        let rid = record_id(&rec.id);
        let gold: BTreeSet<(usize, usize, String)> = rec
            .entities
            .iter()
            .filter_map(|e| map.get(&e.label).map(|l| (e.start, e.end, l.clone())))
            .collect();
        let doc = crate::read::Document {
            id: rid.clone(),
            source: source.to_string(),
            text: rec.text.clone(),
            header: Default::default(),
        };
        let ex = crate::extract::process(&doc, rules);
        let pred: BTreeSet<(usize, usize, String)> = ex
            .mentions
            .iter()
            // (an organization `position.city_head` made for a bare title is no span of the text)
            .filter(|m| m.rule != crate::extract::position::CITY_HEAD)
            .filter_map(|m| eval_label(m.label).map(|l| (m.start, m.end, l.to_string())))
            .filter(|(_, _, l)| our_labels.contains(l))
            .collect();
        // Gold spans are flat: a mention nested inside another of the same label (深圳 inside
        // the chain 深圳市南山区, `location.part`) is graph structure, not a further span.
        let pred: BTreeSet<(usize, usize, String)> = pred
            .iter()
            .filter(|x| {
                !pred
                    .iter()
                    .any(|y| y != *x && y.2 == x.2 && y.0 <= x.0 && x.1 <= y.1)
            })
            .cloned()
            .collect();
        let chars: Vec<char> = rec.text.chars().collect();
        let snippet = |s: usize, e: usize| -> String {
            chars
                .get(s.min(chars.len())..e.min(chars.len()))
                .map(|c| c.iter().collect())
                .unwrap_or_default()
        };
        for l in &our_labels {
            let g: Vec<_> = gold.iter().filter(|x| &x.2 == l).collect();
            let p: Vec<_> = pred.iter().filter(|x| &x.2 == l).collect();
            let c = counts.entry(l.to_string()).or_default();
            let oc = ocounts.entry(l.to_string()).or_default();
            // One exact-span error: counted by text, kept as an example with its record.
            let mut note = |kind: &'static str, a: usize, b: usize| {
                *errs
                    .entry(format!("{l} {kind} {}", snippet(a, b)))
                    .or_default() += 1;
                examples.push(SpanError {
                    record: rid.clone(),
                    label: l.to_string(),
                    text: snippet(a, b),
                    kind,
                    context: rec.text.clone(),
                });
            };
            for x in &p {
                if gold.contains(x) {
                    c[0] += 1;
                } else {
                    c[1] += 1;
                    note("fp", x.0, x.1);
                }
                if g.iter().any(|y| y.0 < x.1 && x.0 < y.1) {
                    oc[0] += 1;
                } else {
                    oc[1] += 1;
                }
            }
            for y in &g {
                if !pred.contains(y) {
                    c[2] += 1;
                    note("fn", y.0, y.1);
                }
                if p.iter().any(|x| y.0 < x.1 && x.0 < y.1) {
                    oc[2] += 1;
                } else {
                    oc[3] += 1;
                }
            }
        }
    }
    let mut errors: Vec<(String, usize)> = errs.into_iter().collect();
    errors.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    errors.truncate(60);
    Ok(NerReport {
        records,
        exact: counts
            .into_iter()
            .map(|(k, c)| (k, Prf::from_counts(c[0], c[1], c[2])))
            .collect(),
        overlap: ocounts
            .into_iter()
            .map(|(k, c)| (k, Prf::overlap(c[0], c[1], c[2], c[3])))
            .collect(),
        errors,
        examples,
    })
}
