//! The seed article: exactly its four people, its four roles and the two positions at
//! 中国联通. Skips (with a note) when `shared/seed/` is not next to the crate.

use std::collections::BTreeSet;
use std::path::PathBuf;

use kgextract::extract::{Label, NodeRef, RelType};
use kgextract::rules::Rules;

const SEED: &str = "seed/000_851f9dfa7178c61b.txt";

fn seed_path() -> Option<PathBuf> {
    [
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared")),
        PathBuf::from("/work/shared"),
    ]
    .into_iter()
    .map(|d| d.join(SEED))
    .find(|p| p.is_file())
}

#[test]
fn seed_people_roles_and_positions() {
    let Some(path) = seed_path() else {
        eprintln!("note: {SEED} not found next to the crate; skipping the seed test");
        return;
    };
    let bytes = std::fs::read(&path).expect("seed is readable");
    let doc = kgextract::read::from_bytes("seed", &path.display().to_string(), &bytes)
        .expect("seed decodes");
    let ex = kgextract::extract::process(&doc, Rules::builtin());
    let names = |l: Label| -> BTreeSet<String> {
        ex.mentions
            .iter()
            .filter(|m| m.label == l)
            .map(|m| m.name.clone())
            .collect()
    };
    let want = |v: &[&str]| -> BTreeSet<String> { v.iter().map(|s| s.to_string()).collect() };
    assert_eq!(
        names(Label::Person),
        want(&["陈忠岳", "曹兴信", "华生", "靳海涛"])
    );
    assert_eq!(
        names(Label::Role),
        want(&["董事长", "副总经理", "经济学家", "企业家"])
    );
    let name = |n: &NodeRef| match n {
        NodeRef::Mention(i) => ex.mentions[*i].name.clone(),
        NodeRef::Event(i) => format!("event{i}"),
    };
    let holds: BTreeSet<(String, String, String)> = ex
        .relations
        .iter()
        .filter(|r| r.rel == RelType::HoldsPosition)
        .map(|r| {
            (
                name(&r.from),
                r.props.title.clone().unwrap_or_default(),
                name(&r.to),
            )
        })
        .collect();
    let expected: BTreeSet<(String, String, String)> = [
        ("陈忠岳", "董事长", "中国联通"),
        ("曹兴信", "副总经理", "中国联通"),
    ]
    .iter()
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    .collect();
    assert_eq!(holds, expected);
    let has_role: BTreeSet<(String, String)> = ex
        .relations
        .iter()
        .filter(|r| r.rel == RelType::HasRole)
        .map(|r| (name(&r.from), name(&r.to)))
        .collect();
    for (p, t) in [
        ("陈忠岳", "董事长"),
        ("曹兴信", "副总经理"),
        ("华生", "经济学家"),
        ("靳海涛", "企业家"),
    ] {
        assert!(
            has_role.contains(&(p.to_string(), t.to_string())),
            "missing HAS_ROLE {p} {t}: {has_role:?}"
        );
    }
}
