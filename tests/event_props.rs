//! Property tests: the event family never panics and keeps its invariants on arbitrary text
//! with arbitrary committed mentions (quotes left open, triggers at the edges, lists, noise).

use kgextract::extract::{AnnotatedDoc, Candidate, Label, NodeRef, commit, event::extract_events};
use kgextract::rules::{RuleId, Rules};
use proptest::prelude::*;

/// The rule id of generated mentions.
const MARK: &str = "test.mark";

/// Pieces the generated text is made of: triggers, cues, punctuation, quotes, names, bullets.
const PIECES: &[&str] = &[
    "签署",
    "签约",
    "协议",
    "论坛",
    "大会",
    "召开",
    "出席",
    "致辞",
    "《",
    "》",
    "“",
    "”",
    "\"",
    "，",
    "。",
    "、",
    "：",
    "\n",
    "- ",
    "| ",
    "收购",
    "融资",
    "领投",
    "跟投",
    "投资",
    "设立",
    "基金",
    "聘任",
    "为",
    "辞去",
    "双方",
    "该公司",
    "公司",
    "由",
    "代表",
    "与",
    "和",
    "被",
    "对",
    "向",
    "从",
    "获",
    "发布",
    "仪式",
    "会上",
    "B轮",
    "公告称",
    "2024 年",
    "甲",
    "乙",
    "丙",
    " ",
    "一系列",
    "通过",
    "等多种方式",
    "的",
    "#%",
];

const LABELS: &[Label] = &[
    Label::Organization,
    Label::Person,
    Label::Role,
    Label::Location,
    Label::Amount,
    Label::Date,
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn never_panics_and_refs_are_valid(
        pieces in prop::collection::vec(0..PIECES.len(), 0..60),
        marks in prop::collection::vec((0usize..200, 1usize..6, 0..LABELS.len()), 0..20),
    ) {
        let text: String = pieces.iter().map(|&i| PIECES[i]).collect();
        let doc = kgextract::read::from_bytes("p", "p", text.as_bytes()).unwrap();
        let norm = kgextract::normalize::normalize(&doc);
        let sents = kgextract::segment::segment(&norm);
        let mut ad = AnnotatedDoc::new(&doc, &norm, &sents);
        let bounds: Vec<usize> = norm.text.char_indices().map(|(i, _)| i).chain([norm.text.len()]).collect();
        let mut cands = Vec::new();
        for (start, len, l) in marks {
            if bounds.len() < 2 {
                break;
            }
            let a = start % (bounds.len() - 1);
            let b = (a + len).min(bounds.len() - 1);
            if a < b {
                cands.push(Candidate::new(LABELS[l], bounds[a]..bounds[b], RuleId(MARK), 1));
            }
        }
        commit(&mut ad, cands);
        extract_events(&mut ad, Rules::builtin());
        for r in &ad.relations {
            for n in [r.from, r.to] {
                match n {
                    NodeRef::Mention(i) => prop_assert!(i < ad.mentions.len()),
                    NodeRef::Event(i) => prop_assert!(i < ad.events.len()),
                }
            }
            prop_assert!(r.evidence.range.start <= r.evidence.range.end);
            prop_assert!(norm.text.get(r.evidence.range.clone()).is_some());
        }
        for e in &ad.events {
            prop_assert!(!e.name.trim().is_empty());
            prop_assert!(norm.text.get(e.evidence.range.clone()).is_some());
        }
    }
}
