//! Property tests: the person, role and position families never panic and only produce
//! mentions on character boundaries of the text, whatever the input.

use kgextract::extract::{Label, NodeRef};
use kgextract::rules::Rules;
use proptest::prelude::*;

/// Characters that exercise the rules: surnames, given-name characters, titles, verbs,
/// transliteration characters, middle dots, hyphens, brackets, punctuation and ASCII.
const ALPHABET: &[char] = &[
    '王', '李', '张', '陈', '欧', '阳', '高', '明', '华', '生', '董', '事', '长', '副', '总', '经',
    '理', '表', '示', '说', '、', '和', '等', '·', '-', '（', '）', '女', '约', '翰', '斯', '克',
    '林', '顿', '，', '。', '的', '在', '原', '新', '任', '首', '席', '官', 'A', 'b', ' ', '\n',
    '1', '部', '中', '心', '主', '任', '记', '者', '：', '先',
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..80)
        .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics_and_offsets_are_sane(text in text_strategy()) {
        let doc = kgextract::read::from_bytes("p", "p", text.as_bytes()).expect("utf-8");
        let ex = kgextract::extract::process(&doc, Rules::builtin());
        let n = text.chars().count();
        for m in &ex.mentions {
            prop_assert!(m.start < m.end && m.end <= n, "{m:?}");
            if matches!(m.label, Label::Person | Label::Role) {
                prop_assert!(!m.text.is_empty());
            }
        }
        for r in &ex.relations {
            for end in [r.from, r.to] {
                if let NodeRef::Mention(i) = end {
                    prop_assert!(i < ex.mentions.len());
                }
            }
        }
    }
}
