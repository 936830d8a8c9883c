use super::*;
use crate::extract::{Label, Mention};

fn orgs(text: &str) -> Vec<Mention> {
    let doc = crate::read::from_bytes("t", "t", text.as_bytes()).expect("readable");
    let ex = crate::extract::process(&doc, Rules::builtin());
    ex.mentions
        .into_iter()
        .filter(|m| m.label == Label::Organization)
        .collect()
}

fn names(text: &str) -> Vec<String> {
    orgs(text).into_iter().map(|m| m.text).collect()
}

#[test]
fn smoke() {
    assert_eq!(names("与华为技术有限公司签约"), vec!["华为技术有限公司"]);
}

/// Development aid: `KG_DUMP=file cargo test dump -- --ignored --nocapture` prints the
/// entity mentions of each line of `file`.
#[test]
#[ignore]
fn dump() {
    let Ok(path) = std::env::var("KG_DUMP") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap_or_default();
    for line in text.lines() {
        let doc = crate::read::from_bytes("t", "t", line.as_bytes()).expect("readable");
        let ex = crate::extract::process(&doc, Rules::builtin());
        let ms: Vec<String> = ex
            .mentions
            .iter()
            .filter(|m| m.label.layer() == 0)
            .map(|m| format!("{}:{}[{}]", m.label.as_str(), m.text, m.rule))
            .collect();
        println!("{line}\n    {}", ms.join("  "));
    }
}
