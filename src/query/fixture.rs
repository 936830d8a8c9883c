//! A small, hand-built knowledge graph with every relationship the questions read, for tests
//! of `query` (unit tests here, CLI tests in `tests/cli_query.rs`) independent of how well the
//! extractors do. The article is invented: a summit in 上海 where 星河科技集团 (organizer) and
//! 蓝海资本 (through its general manager 李青) sign a cooperation agreement (the signing has no
//! date or place of its own: they come from the summit it is PART_OF), and a fund with a
//! total size of 不低于50亿元 is set up; one more amount (超过10亿元) is attached to nothing.

use chrono::NaiveDate;

use crate::extract::{
    Attrs, DocExtraction, DocMeta, DocStats, Event, EventKind, Evidence, Label, Mention, Money,
    NodeRef, OrgKind, PositionStatus, Precision, Qualifier, RelProps, RelType, Relation, TimeValue,
};
use crate::graph::KnowledgeGraph;
use crate::rules::RuleId;

/// The rule id on every fixture fact. Not a real rule: it is written through a constant so the
/// rule registry test (which collects `RuleId("…")` literals from `src/`) does not expect a
/// doc for it in `schema/rules/`.
const FIXTURE_RULE: &str = "test.fixture";
const RULE: RuleId = RuleId(FIXTURE_RULE);

fn mention(label: Label, name: &str, sentence: usize, attrs: Attrs) -> Mention {
    Mention {
        label,
        range: 0..0,
        sentence,
        rule: RULE,
        attrs,
        text: name.to_string(),
        name: name.to_string(),
        start: 0,
        end: 0,
    }
}

fn ev(sentence: usize) -> Evidence {
    let mut e = Evidence::new(sentence, 0..0, RULE);
    e.start = sentence * 10;
    e.end = sentence * 10 + 5;
    e
}

fn money(value: f64, min: Option<f64>, q: Qualifier) -> Attrs {
    Attrs::Amount(Money {
        value,
        min,
        max: None,
        currency: "CNY".into(),
        qualifier: q,
    })
}

/// The per-document extraction of the invented article.
pub fn doc() -> DocExtraction {
    use Label::*;
    let sentences = [
        "星河科技集团董事长王立新出席2025数字经济峰会。",
        "峰会于2025年3月12日在上海举行，由星河科技集团主办。",
        "会上，星河科技集团与蓝海资本签署战略合作协议，蓝海资本总经理李青代表蓝海资本签约。",
        "双方将设立总规模不低于50亿元的产业基金，并计划在未来三年投资超过10亿元。",
    ];
    let org = |k| Attrs::Org { kind: k };
    let mentions = vec![
        mention(Organization, "星河科技集团", 0, org(OrgKind::Enterprise)), // 0
        mention(Role, "董事长", 0, Attrs::None),                            // 1
        mention(Person, "王立新", 0, Attrs::None),                          // 2
        mention(Location, "上海", 1, Attrs::None),                          // 3
        mention(Organization, "蓝海资本", 2, org(OrgKind::Fund)),           // 4
        mention(Role, "总经理", 2, Attrs::None),                            // 5
        mention(Person, "李青", 2, Attrs::None),                            // 6
        mention(
            Amount,
            "不低于50亿元",
            3,
            money(5e9, Some(5e9), Qualifier::AtLeast),
        ), // 7
        mention(
            Amount,
            "超过10亿元",
            3,
            money(1e9, Some(1e9), Qualifier::MoreThan),
        ), // 8
    ];
    let day = NaiveDate::from_ymd_opt(2025, 3, 12).map(|date| TimeValue::Date {
        date,
        precision: Precision::Day,
        end: None,
    });
    let events = vec![
        Event {
            kind: EventKind::Forum,
            name: "2025数字经济峰会".into(),
            date: day,
            location: Some(3),
            evidence: ev(0),
        },
        // Undated and placeless in its own sentence: `query` takes both from the forum it is
        // PART_OF.
        Event {
            kind: EventKind::Signing,
            name: "战略合作协议签约".into(),
            date: None,
            location: None,
            evidence: ev(2),
        },
        Event {
            kind: EventKind::Establishment,
            name: "产业基金设立".into(),
            date: Some(TimeValue::Period {
                text: "未来三年".into(),
            }),
            location: None,
            evidence: ev(3),
        },
    ];
    let m = NodeRef::Mention;
    let e = NodeRef::Event;
    let rel = |rel, from, to, props: RelProps, s| Relation {
        rel,
        from,
        to,
        props,
        evidence: ev(s),
    };
    let title = |t: &str| RelProps {
        title: Some(t.into()),
        status: Some(PositionStatus::Current),
        ..RelProps::default()
    };
    let none = RelProps::default;
    let relations = vec![
        rel(RelType::HoldsPosition, m(2), m(0), title("董事长"), 0),
        rel(RelType::HasRole, m(2), m(1), title("董事长"), 0),
        rel(RelType::HoldsPosition, m(6), m(4), title("总经理"), 2),
        rel(RelType::HasRole, m(6), m(5), title("总经理"), 2),
        rel(RelType::Attended, m(2), e(0), none(), 0),
        rel(RelType::Organized, m(0), e(0), none(), 1),
        rel(RelType::LocatedIn, e(0), m(3), none(), 1),
        rel(RelType::Signed, m(0), e(1), none(), 2),
        rel(RelType::Signed, m(4), e(1), none(), 2),
        rel(
            RelType::Signed,
            m(6),
            e(1),
            RelProps {
                on_behalf_of: Some("蓝海资本".into()),
                ..RelProps::default()
            },
            2,
        ),
        rel(RelType::PartOf, e(1), e(0), none(), 2),
        rel(RelType::Established, m(0), e(2), none(), 3),
        rel(
            RelType::HasAmount,
            e(2),
            m(7),
            RelProps {
                about: Some("总规模".into()),
                ..RelProps::default()
            },
            3,
        ),
    ];
    DocExtraction {
        meta: DocMeta {
            id: "summit.txt".into(),
            source: "summit.txt".into(),
            title: Some("数字经济峰会".into()),
            published: NaiveDate::from_ymd_opt(2025, 3, 13),
        },
        sentences: sentences.iter().map(|s| s.to_string()).collect(),
        mentions,
        events,
        relations,
        stats: DocStats::default(),
    }
}

/// The knowledge graph of the invented article.
pub fn graph() -> KnowledgeGraph {
    KnowledgeGraph::build(vec![doc()])
}
