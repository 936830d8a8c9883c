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

/// Development aid: `KG_DUMP=file cargo test dump -- --ignored --nocapture` prints, for each
/// line of `file`, the entity mentions as `label<TAB>start<TAB>end<TAB>text<TAB>rule` rows
/// (character offsets) after a `#<line number>` row.
#[test]
#[ignore]
fn dump() {
    let Ok(path) = std::env::var("KG_DUMP") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap_or_default();
    for (i, line) in text.lines().enumerate() {
        let doc = crate::read::from_bytes("t", "t", line.as_bytes()).expect("readable");
        let ex = crate::extract::process(&doc, Rules::builtin());
        println!("#{i}");
        for m in ex.mentions.iter().filter(|m| m.label.layer() == 0) {
            println!(
                "{}\t{}\t{}\t{}\t{}",
                m.label.as_str(),
                m.start,
                m.end,
                m.text,
                m.rule
            );
        }
    }
}

#[test]
#[ignore]
fn debug_cands() {
    let Ok(t) = std::env::var("KG_TEXT") else {
        return;
    };
    let doc = crate::read::from_bytes("t", "t", t.as_bytes()).expect("readable");
    let norm = crate::normalize::normalize(&doc);
    let sents = crate::segment::segment(&norm);
    let ad = crate::extract::AnnotatedDoc::new(&doc, &norm, &sents);
    let r = &Rules::builtin().org;
    let known = known_candidates(ad.text(), r);
    let mut c = Vec::new();
    suffix::find(&ad, r, &known, &mut c);
    for x in known.iter().chain(c.iter()) {
        println!("{} {}", &ad.text()[x.range.clone()], x.rule);
    }
}
