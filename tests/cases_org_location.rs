//! Data-driven cases for the organization and location families: `tests/cases/org.toml` and
//! `tests/cases/location.toml` run through the full pipeline (read → normalize → segment →
//! extract). Each case lists mentions that must be found (`expect`, optionally with the rule,
//! the linked name and the organization kind) and mentions that must not (`forbid`).

use kgextract::extract::{Attrs, Mention};
use kgextract::rules::Rules;
use serde::Deserialize;

#[derive(Deserialize)]
struct Suite {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    expect: Vec<Want>,
    #[serde(default)]
    forbid: Vec<Want>,
}

#[derive(Deserialize)]
struct Want {
    label: String,
    text: String,
    rule: Option<String>,
    name: Option<String>,
    kind: Option<String>,
}

fn mentions(text: &str) -> Vec<Mention> {
    let doc = kgextract::read::from_bytes("case", "case", text.as_bytes()).expect("readable");
    kgextract::extract::process(&doc, Rules::builtin()).mentions
}

fn matches(m: &Mention, w: &Want) -> bool {
    let kind = match &m.attrs {
        Attrs::Org { kind } => Some(kind.as_str()),
        _ => None,
    };
    m.label.as_str() == w.label
        && m.text == w.text
        && w.rule.as_deref().is_none_or(|r| m.rule.as_str() == r)
        && w.name.as_deref().is_none_or(|n| m.name == n)
        && w.kind.as_deref().is_none_or(|k| kind == Some(k))
}

fn run(path: &str, src: &str) {
    let suite: Suite = toml::from_str(src).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert!(!suite.case.is_empty(), "{path}: no cases");
    let mut failures = Vec::new();
    for c in &suite.case {
        let ms = mentions(&c.text);
        let found = || {
            ms.iter()
                .map(|m| format!("{}:{}[{}→{}]", m.label.as_str(), m.text, m.rule, m.name))
                .collect::<Vec<_>>()
                .join(" ")
        };
        for w in &c.expect {
            if !ms.iter().any(|m| matches(m, w)) {
                failures.push(format!(
                    "{path}: {:?}: missing {} {:?} (rule {:?}, name {:?}, kind {:?}); found {}",
                    c.name,
                    w.label,
                    w.text,
                    w.rule,
                    w.name,
                    w.kind,
                    found()
                ));
            }
        }
        for w in &c.forbid {
            if ms.iter().any(|m| matches(m, w)) {
                failures.push(format!(
                    "{path}: {:?}: forbidden {} {:?} was found; found {}",
                    c.name,
                    w.label,
                    w.text,
                    found()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn org_cases() {
    run("tests/cases/org.toml", include_str!("cases/org.toml"));
}

#[test]
fn location_cases() {
    run(
        "tests/cases/location.toml",
        include_str!("cases/location.toml"),
    );
}
