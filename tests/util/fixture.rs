//! A hand-built extraction result that exercises entity resolution and every escaping rule.
//!
//! What it should give (asserted in `tests/export.rs`; proven on real Neo4j in CI through
//! `examples/fixture_export.rs` + `tests/neo4j/check.py`):
//! - `中国移动` once (Organization), with alias `中国移动通信集团有限公司`, merged_by `lexicon`;
//! - `某某科技` merged into `深圳市某某科技有限公司` by `alias_def` (doc a);
//! - the generic alias `公司` NOT merged across documents;
//! - two `张伟` (one at 中国移动, one at 华为) and a third, unbound `张伟` (doc c) that is not
//!   merged (`not_merged_ambiguous`);
//! - `李娜` bound in doc a and mentioned bare in doc b: one node (`unique_name`);
//! - `中國聯通` (doc b) and `中国联通` (doc a): one node (`same_key`);
//! - the Signing `战略合作协议签约` dated 2024-07-20 in docs a and b: one Event;Signing node
//!   with mentions 2 (`same_event`); the undated Forum `合作论坛` in both: two nodes;
//! - names and sentences containing `"`, `,`, `;`, `\`, line breaks and tabs.
#![allow(dead_code)]

use chrono::NaiveDate;
use kgextract::extract::{
    Attrs, DocExtraction, DocMeta, DocStats, Event, EventKind, Evidence, Label, Mention, Money,
    NodeRef, OrgKind, PositionStatus, Precision, Qualifier, RelProps, RelType, Relation, TimeValue,
};
use kgextract::rules::RuleId;

const R: RuleId = RuleId("test.fixture");

pub fn mention(label: Label, name: &str, text: &str, attrs: Attrs, sentence: usize) -> Mention {
    Mention {
        label,
        range: 0..0,
        sentence,
        rule: R,
        attrs,
        text: text.to_string(),
        name: name.to_string(),
        start: 10 * sentence,
        end: 10 * sentence + text.chars().count(),
    }
}

pub fn org(name: &str, text: &str) -> Mention {
    mention(
        Label::Organization,
        name,
        text,
        Attrs::Org {
            kind: OrgKind::Enterprise,
        },
        0,
    )
}

pub fn person(name: &str) -> Mention {
    mention(Label::Person, name, name, Attrs::None, 0)
}

pub fn role(title: &str) -> Mention {
    mention(
        Label::Role,
        title,
        title,
        Attrs::Role {
            title: title.to_string(),
        },
        0,
    )
}

pub fn place(name: &str) -> Mention {
    mention(
        Label::Location,
        name,
        name,
        Attrs::Location {
            canonical: name.to_string(),
        },
        0,
    )
}

pub fn amount(text: &str, value: f64, q: Qualifier) -> Mention {
    mention(
        Label::Amount,
        text,
        text,
        Attrs::Amount(Money {
            value,
            min: Some(value),
            max: None,
            currency: "CNY".into(),
            qualifier: q,
        }),
        1,
    )
}

pub fn rel(rel: RelType, from: NodeRef, to: NodeRef, props: RelProps, sentence: usize) -> Relation {
    let mut evidence = Evidence::new(sentence, 0..0, R);
    evidence.start = 3;
    evidence.end = 9;
    Relation {
        rel,
        from,
        to,
        props,
        evidence,
    }
}

/// Default relation properties, changed by `set`.
pub fn props(set: impl FnOnce(&mut RelProps)) -> RelProps {
    let mut p = RelProps::default();
    set(&mut p);
    p
}

/// A `HOLDS_POSITION` relation with its title and status.
pub fn holds(
    from: NodeRef,
    to: NodeRef,
    title: &str,
    status: PositionStatus,
    sentence: usize,
) -> Relation {
    let props = props(|p| {
        p.title = Some(title.into());
        p.status = Some(status);
    });
    rel(RelType::HoldsPosition, from, to, props, sentence)
}

pub fn event(kind: EventKind, name: &str, date: Option<&str>, location: Option<usize>) -> Event {
    let mut evidence = Evidence::new(1, 0..0, R);
    evidence.start = 1;
    evidence.end = 4;
    Event {
        kind,
        name: name.to_string(),
        date: date.map(|d| TimeValue::Date {
            date: NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("fixture date"),
            precision: Precision::Day,
            end: None,
        }),
        location,
        evidence,
    }
}

fn doc(id: &str, title: &str, published: Option<&str>) -> DocExtraction {
    DocExtraction {
        meta: DocMeta {
            id: id.to_string(),
            source: id.to_string(),
            title: Some(title.to_string()),
            published: published.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
        },
        sentences: vec![
            "第一句：中国移动与“深圳市某某科技有限公司”签约, 金额 300 亿元; 见 C:\\path\\".into(),
            "第二句\n带换行\t和制表符, 以及 \"引号\" 和 \\\" 反斜杠引号".into(),
        ],
        mentions: Vec::new(),
        events: Vec::new(),
        relations: Vec::new(),
        stats: DocStats::default(),
    }
}

/// Three documents, in an order that is not sorted.
pub fn docs() -> Vec<DocExtraction> {
    use NodeRef::{Event as E, Mention as M};
    // Document a.
    let mut a = doc(
        "a.txt",
        "标题 \"引号\", 逗号; 分号 \\ 反斜杠",
        Some("2024-07-21"),
    );
    a.mentions = vec![
        org("中国移动通信集团有限公司", "中国移动通信集团有限公司"), // 0
        org("中国移动", "中国移动"),                                 // 1
        org("深圳市某某科技有限公司", "某某科技"),                   // 2 alias_def
        org("甲乙丙有限公司", "公司"),                               // 3 generic alias
        person("张伟"),                                              // 4
        role("董事长"),                                              // 5
        person("李娜"),                                              // 6
        org("中国联通", "中国联通"),                                 // 7
        place("北京"),                                               // 8
        amount("不低于300亿元", 3.0e10, Qualifier::AtLeast),         // 9
        org(
            "Acme \"Quote\", Inc.; Ltd \\ X",
            "Acme \"Quote\", Inc.; Ltd \\ X",
        ), // 10
        person("王\n五"),                                            // 11
    ];
    a.events = vec![
        event(
            EventKind::Signing,
            "战略合作协议签约",
            Some("2024-07-20"),
            Some(8),
        ),
        event(EventKind::Forum, "合作论坛", None, Some(8)),
    ];
    a.relations = vec![
        holds(M(4), M(1), "董事长", PositionStatus::Current, 0),
        rel(
            RelType::HasRole,
            M(4),
            M(5),
            props(|p| p.title = Some("董事长".into())),
            0,
        ),
        holds(M(6), M(7), "副总经理 \"代\"", PositionStatus::Acting, 0),
        rel(RelType::Signed, M(1), E(0), RelProps::default(), 1),
        rel(
            RelType::Signed,
            M(4),
            E(0),
            props(|p| p.on_behalf_of = Some("中国移动".into())),
            1,
        ),
        rel(RelType::Signed, M(2), E(0), RelProps::default(), 1),
        rel(RelType::PartOf, E(0), E(1), RelProps::default(), 1),
        rel(RelType::LocatedIn, E(0), M(8), RelProps::default(), 1),
        rel(
            RelType::HasAmount,
            E(0),
            M(9),
            props(|p| p.about = Some("总规模; 首期".into())),
            1,
        ),
        rel(
            RelType::Invested,
            M(10),
            E(0),
            props(|p| p.lead = Some(true)),
            1,
        ),
        rel(
            RelType::SpokeAt,
            M(11),
            E(1),
            props(|p| p.title = Some("新智\\新业".into())),
            1,
        ),
    ];

    // Document b.
    let mut b = doc("b.txt", "第二篇", Some("2024-07-22"));
    b.mentions = vec![
        org("中国联通", "中國聯通"), // 0 same_key (Traditional surface)
        person("李娜"),              // 1 bare → unique_name
        person("张伟"),              // 2 bound to 华为
        org("华为", "华为"),         // 3
        org("乙丁有限公司", "公司"), // 4 generic alias, another company
        place("北京"),               // 5
    ];
    b.events = vec![
        event(
            EventKind::Signing,
            "战略合作协议签约",
            Some("2024-07-20"),
            Some(5),
        ),
        event(EventKind::Forum, "合作论坛", None, None),
    ];
    b.relations = vec![
        holds(M(2), M(3), "总裁", PositionStatus::Current, 0),
        rel(RelType::Signed, M(0), E(0), RelProps::default(), 0),
        rel(RelType::Attended, M(1), E(1), RelProps::default(), 0),
    ];

    // Document c: a bare 张伟 (ambiguous).
    let mut c = doc("c.txt", "第三篇", None);
    c.mentions = vec![person("张伟")];
    c.events = vec![];
    c.relations = vec![];
    vec![c, a, b]
}
