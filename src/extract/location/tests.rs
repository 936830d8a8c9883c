use crate::extract::{Label, Mention};
use crate::rules::Rules;

fn places(text: &str) -> Vec<Mention> {
    let doc = crate::read::from_bytes("t", "t", text.as_bytes()).expect("readable");
    let ex = crate::extract::process(&doc, Rules::builtin());
    ex.mentions
        .into_iter()
        .filter(|m| m.label == Label::Location)
        .collect()
}

#[test]
fn smoke() {
    assert_eq!(places("在北京召开").len(), 1);
}
