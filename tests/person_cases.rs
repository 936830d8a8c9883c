//! Data-driven person and role cases: `tests/cases/person.toml` and `tests/cases/role.toml`
//! run through the whole pipeline (see the format comment at the top of each file).

use kgextract::extract::Label;
use kgextract::rules::Rules;
use serde::Deserialize;

#[derive(Deserialize)]
struct Expect {
    name: String,
    rule: Option<String>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    expect: Vec<Expect>,
    #[serde(default)]
    forbid: Vec<String>,
}

#[derive(Deserialize)]
struct CaseFile {
    case: Vec<Case>,
}

fn run(file: &str, label: Label) {
    let path = format!("{}/tests/cases/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("case file is readable");
    let cases: CaseFile = toml::from_str(&text).expect("case file parses");
    let mut failures = Vec::new();
    for c in &cases.case {
        let doc = kgextract::read::from_bytes("case", &c.name, c.text.as_bytes()).expect("utf-8");
        let ex = kgextract::extract::process(&doc, Rules::builtin());
        let got: Vec<(String, &str)> = ex
            .mentions
            .iter()
            .filter(|m| m.label == label)
            .map(|m| {
                let shown = if label == Label::Person {
                    m.name.clone()
                } else {
                    m.text.clone()
                };
                (shown, m.rule.as_str())
            })
            .collect();
        for e in &c.expect {
            let ok = got
                .iter()
                .any(|(n, r)| *n == e.name && e.rule.as_deref().is_none_or(|want| want == *r));
            if !ok {
                failures.push(format!(
                    "{file} `{}`: missing {} {:?}; got {got:?}",
                    c.name, e.name, e.rule
                ));
            }
        }
        for f in &c.forbid {
            if got.iter().any(|(n, _)| n == f) {
                failures.push(format!("{file} `{}`: forbidden {f}; got {got:?}", c.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn person_cases() {
    run("person.toml", Label::Person);
}

#[test]
fn role_cases() {
    run("role.toml", Label::Role);
}

/// Every rule id of the person, role and position families is documented in its
/// `schema/rules/<family>.toml`, and every documented id exists in the code.
#[test]
fn rule_ids_match_rule_docs() {
    use kgextract::extract::{person, position, role};
    let code = [
        person::TITLE_BEFORE,
        person::TITLE_AFTER,
        person::CONTEXT,
        person::ENUMERATION,
        person::REPEAT,
        person::ALIAS,
        person::TRANSLITERATED,
        person::FOREIGN,
        person::LATIN,
        person::NATIONALITY,
        person::LEXICON,
        person::HONORIFIC,
        person::BYLINE,
        person::PERSON_ONLY,
        person::TITLE_WEI,
        person::COLUMN,
        person::POST_FRAME,
        person::APPOINT_FRAME,
        person::JAPANESE,
        role::LEXICON,
        role::MODIFIER,
        role::CHIEF_OFFICER,
        role::DEPARTMENT,
        role::COLLECTIVE,
        position::TITLE_BEFORE,
        position::TITLE_AFTER,
        position::APPOSITIVE,
        position::APPOINTED,
        position::RESUME,
        position::FILER,
        position::TABLE,
        position::COMPANY,
        position::BRACKET,
        position::COLUMNS,
        position::ASSIGNED,
        position::ORG_HEAD,
        position::CITY_HEAD,
        position::CARD,
        position::SIGNATURE,
        position::ANAPHOR,
        position::TITLE_IS,
        position::LIST_CARRY,
    ];
    #[derive(Deserialize)]
    struct Doc {
        id: String,
        doc: String,
    }
    #[derive(Deserialize)]
    struct File {
        rule: Vec<Doc>,
    }
    let mut documented = Vec::new();
    for fam in ["person", "role", "position"] {
        let path = format!("{}/schema/rules/{fam}.toml", env!("CARGO_MANIFEST_DIR"));
        let f: File = toml::from_str(&std::fs::read_to_string(&path).expect("readable"))
            .expect("rule file parses");
        for r in f.rule {
            assert!(
                r.id.starts_with(&format!("{fam}.")),
                "{path}: {} is not {fam}.*",
                r.id
            );
            assert!(!r.doc.trim().is_empty(), "{path}: {} has no doc", r.id);
            documented.push(r.id);
        }
    }
    for id in code {
        assert!(
            documented.iter().any(|d| d == id.as_str()),
            "{id} has no rule doc"
        );
    }
    for d in &documented {
        assert!(
            code.iter().any(|id| id.as_str() == d),
            "{d} is documented but not in the code"
        );
    }
}
