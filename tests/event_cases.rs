//! Data-driven event cases: `tests/cases/event.toml` (format described at its top).

use chrono::NaiveDate;
use kgextract::extract::describe::fact_lines;
use kgextract::extract::{
    AnnotatedDoc, Attrs, Candidate, Label, Money, Precision, Qualifier, TimeValue, commit,
    event::extract_events,
};
use kgextract::rules::{RuleId, Rules};
use serde::Deserialize;

/// The rule id of hand-committed mentions.
const MARK: &str = "test.mark";

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    marks: Vec<String>,
    #[serde(default)]
    expect: Vec<String>,
    #[serde(default)]
    forbid: Vec<String>,
}

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

/// `LABEL surface[=value]` → (label, surface, attrs).
fn parse_mark(m: &str) -> (Label, String, Attrs) {
    let (label, rest) = m.split_once(' ').expect("mark is `LABEL surface`");
    let (surface, value) = match rest.split_once('=') {
        Some((s, v)) => (s.to_string(), Some(v)),
        None => (rest.to_string(), None),
    };
    match label {
        "ORG" => (Label::Organization, surface, Attrs::None),
        "PER" => (Label::Person, surface, Attrs::None),
        "LOC" => (Label::Location, surface, Attrs::None),
        "ROLE" => (Label::Role, surface, Attrs::None),
        "DATE" => {
            let date =
                NaiveDate::parse_from_str(value.expect("DATE needs =YYYY-MM-DD"), "%Y-%m-%d")
                    .expect("ISO date");
            let tv = TimeValue::Date {
                date,
                precision: Precision::Day,
                end: None,
            };
            (Label::Date, surface, Attrs::Time(tv))
        }
        "AMOUNT" => {
            let v: f64 = value
                .expect("AMOUNT needs =number")
                .parse()
                .expect("number");
            let money = Money {
                value: v,
                min: Some(v),
                max: Some(v),
                currency: "CNY".into(),
                qualifier: Qualifier::Exact,
            };
            (Label::Amount, surface, Attrs::Amount(money))
        }
        other => panic!("unknown mark label {other}"),
    }
}

fn run(case: &Case) -> Vec<String> {
    let doc = kgextract::read::from_bytes("case", "case", case.text.as_bytes()).unwrap();
    let norm = kgextract::normalize::normalize(&doc);
    let sents = kgextract::segment::segment(&norm);
    let mut ad = AnnotatedDoc::new(&doc, &norm, &sents);
    let mut cands = Vec::new();
    for m in &case.marks {
        let (label, surface, attrs) = parse_mark(m);
        for (i, _) in norm.text.match_indices(surface.as_str()) {
            cands.push(
                Candidate::new(label, i..i + surface.len(), RuleId(MARK), 1)
                    .with_attrs(attrs.clone()),
            );
        }
    }
    commit(&mut ad, cands);
    extract_events(&mut ad, Rules::builtin());
    fact_lines(&ad)
}

/// `A -REL{title=X}-> B` → `A -REL-> B`.
fn without_props(line: &str) -> String {
    match (line.find(" -"), line.find("}-> ")) {
        (Some(a), Some(b)) if a < b => match line[a..b].find('{') {
            Some(o) => format!("{}{}", &line[..a + o], &line[b + 1..]),
            None => line.to_string(),
        },
        _ => line.to_string(),
    }
}

#[test]
fn event_cases() {
    let text = include_str!("cases/event.toml");
    let cases: Cases = toml::from_str(text).expect("tests/cases/event.toml parses");
    let mut failures = Vec::new();
    for c in &cases.case {
        let out = run(c);
        for e in &c.expect {
            if !out.contains(e) {
                failures.push(format!(
                    "{}: missing {e:?}\n  got: {}",
                    c.name,
                    out.join(" | ")
                ));
            }
        }
        for f in &c.forbid {
            // `X -REL->` without properties forbids the relation whatever its properties.
            let hit = |l: &&String| {
                l.starts_with(f.as_str())
                    || (!f.contains('{') && without_props(l).starts_with(f.as_str()))
            };
            if let Some(l) = out.iter().find(hit) {
                failures.push(format!("{}: forbidden {l:?}", c.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
