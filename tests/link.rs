//! Entity resolution rules, one document set per rule (positive and negative cases).

#[path = "util/fixture.rs"]
mod fixture;

use fixture::{org, person};
use kgextract::extract::{DocExtraction, DocMeta, DocStats, NodeRef, RelProps, RelType};
use kgextract::graph::{KnowledgeGraph, NodeLabel};

fn doc(id: &str, mentions: Vec<kgextract::extract::Mention>) -> DocExtraction {
    DocExtraction {
        meta: DocMeta {
            id: id.into(),
            source: id.into(),
            title: None,
            published: None,
        },
        sentences: vec!["句子。".into()],
        mentions,
        events: vec![],
        relations: vec![],
        stats: DocStats::default(),
    }
}

fn org_names(kg: &KnowledgeGraph) -> Vec<(String, Vec<String>)> {
    let mut v: Vec<_> =
        kg.g.node_weights()
            .filter(|n| n.label == NodeLabel::Organization)
            .map(|n| (n.name.clone(), n.aliases().iter().cloned().collect()))
            .collect();
    v.sort();
    v
}

#[test]
fn alias_definition_of_a_known_name_merges_with_it() {
    // 以下简称 giving the lexicon short name; another document uses the short name only.
    let kg = KnowledgeGraph::build(vec![
        doc("a", vec![org("中国移动通信集团有限公司", "中国移动")]),
        doc("b", vec![org("中国移动", "中国移动")]),
    ]);
    let names = org_names(&kg);
    assert_eq!(names.len(), 1, "{names:?}");
    assert_eq!(names[0].0, "中国移动");
}

#[test]
fn local_alias_colliding_with_a_known_name_stays_local() {
    // 移动 is a lexicon alias of 中国移动, but here it abbreviates another company.
    let kg = KnowledgeGraph::build(vec![
        doc("a", vec![org("深圳移动科技有限公司", "移动")]),
        doc("b", vec![org("中国移动", "中国移动")]),
    ]);
    let names = org_names(&kg);
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn abbreviation_alias_merges_across_documents_generic_does_not() {
    let kg = KnowledgeGraph::build(vec![
        doc("a", vec![org("北京星河数据科技有限公司", "星河数据")]),
        doc("b", vec![org("星河数据", "星河数据")]),
        doc(
            "c",
            vec![org("甲有限公司", "公司"), org("乙有限公司", "公司")],
        ),
    ]);
    let names = org_names(&kg);
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(
        names
            .iter()
            .any(|(n, a)| n == "北京星河数据科技有限公司" && a.contains(&"星河数据".to_string()))
    );
}

#[test]
fn a_bare_government_resolved_in_one_document_names_none_across_documents() {
    // `区政府` is 杭州市青溪区人民政府 in document a (org.suffix resolved it there); the bare
    // `区政府` of document b is some other district's government.
    let kg = KnowledgeGraph::build(vec![
        doc(
            "a",
            vec![
                org("杭州市青溪区人民政府", "杭州市青溪区人民政府"),
                org("区政府", "杭州市青溪区人民政府"),
            ],
        ),
        doc("b", vec![org("区政府", "区政府")]),
    ]);
    let names = org_names(&kg);
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.iter().any(|(n, _)| n == "区政府"), "{names:?}");
}

#[test]
fn a_body_named_without_its_place_unites_no_two_places() {
    // `区委` is 临江区委 in document a and 青州区委 in document b (org.elliptic): the two
    // committees stay two, and so do the managing committees.
    let kg = KnowledgeGraph::build(vec![
        doc(
            "a",
            vec![
                org("临江区委", "临江区委"),
                org("临江区委", "区委"),
                org("南屿新区管委会", "南屿新区管委会"),
                org("南屿新区管委会", "管委会"),
            ],
        ),
        doc(
            "b",
            vec![
                org("青州区委", "青州区委"),
                org("青州区委", "区委"),
                org("北湖新区管委会", "北湖新区管委会"),
                org("北湖新区管委会", "管委会"),
            ],
        ),
    ]);
    let names: Vec<String> = org_names(&kg).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        ["临江区委", "北湖新区管委会", "南屿新区管委会", "青州区委"],
        "{names:?}"
    );
}

#[test]
fn same_name_people_in_different_organizations_stay_apart() {
    let holds = |p: usize, o: usize| kgextract::extract::Relation {
        rel: RelType::HoldsPosition,
        from: NodeRef::Mention(p),
        to: NodeRef::Mention(o),
        props: RelProps {
            title: Some("董事长".into()),
            ..RelProps::default()
        },
        evidence: kgextract::extract::Evidence::new(0, 0..0, kgextract::rules::RuleId("t.t")),
    };
    let mut a = doc("a", vec![person("王芳"), org("华为", "华为")]);
    a.relations = vec![holds(0, 1)];
    let mut b = doc("b", vec![person("王芳"), org("腾讯", "腾讯")]);
    b.relations = vec![holds(0, 1)];
    let mut c = doc("c", vec![person("王芳"), org("腾讯", "腾讯")]);
    c.relations = vec![holds(0, 1)];
    let kg = KnowledgeGraph::build(vec![a, b, c]);
    let people: Vec<_> =
        kg.g.node_weights()
            .filter(|n| n.label == NodeLabel::Person)
            .collect();
    assert_eq!(people.len(), 2, "one 王芳 per organization");
    let mut mentions: Vec<u32> = people.iter().map(|p| p.mentions).collect();
    mentions.sort();
    assert_eq!(
        mentions,
        vec![1, 2],
        "the 腾讯 王芳 of b and c is one person"
    );
}

#[test]
fn ids_are_stable_across_runs() {
    let build = || {
        KnowledgeGraph::build(vec![doc(
            "a",
            vec![org("中国联通", "中國聯通"), person("张三")],
        )])
    };
    let ids = |kg: &KnowledgeGraph| {
        let mut v: Vec<String> = kg.g.node_weights().map(|n| n.id.clone()).collect();
        v.sort();
        v
    };
    assert_eq!(ids(&build()), ids(&build()));
    // The id is a content key: it can be recomputed from the label and the name key.
    let kg = build();
    let cu =
        kg.g.node_weights()
            .find(|n| n.label == NodeLabel::Organization)
            .map(|n| n.id.clone());
    assert_eq!(
        cu,
        Some(kgextract::graph::node_id(
            NodeLabel::Organization,
            &kgextract::link::key("中国联通")
        ))
    );
}

#[test]
fn records_in_a_temporary_file_give_the_graph_of_records_in_memory() {
    // What resolution does not read waits in a temporary file during a command-line run
    // (`Corpus::on_disk`); the library keeps it in memory (`KnowledgeGraph::build`).
    let docs = || {
        let holds = |p: usize, o: usize, title: &str| kgextract::extract::Relation {
            rel: RelType::HoldsPosition,
            from: NodeRef::Mention(p),
            to: NodeRef::Mention(o),
            props: RelProps {
                title: Some(title.into()),
                ..RelProps::default()
            },
            evidence: kgextract::extract::Evidence::new(0, 0..2, kgextract::rules::RuleId("t.t")),
        };
        let mut a = doc("b", vec![person("林小雨"), org("星河数据", "星河数据")]);
        a.sentences = vec!["林小雨任星河数据董事长。".into(), "第二句。".into()];
        a.relations = vec![holds(0, 1, "董事长")];
        let mut b = doc("a", vec![person("林小雨"), org("远山科技", "远山科技")]);
        b.relations = vec![holds(0, 1, "总经理"), holds(0, 9, "无")];
        vec![a, b.clone(), b]
    };
    let in_memory = KnowledgeGraph::build(docs());
    let mut corpus = kgextract::link::facts::Corpus::on_disk().expect("temporary file");
    for d in docs() {
        corpus
            .add(kgextract::link::facts::DocFacts::of(d))
            .expect("written");
    }
    corpus.finish();
    let lex = &kgextract::rules::Rules::builtin().lexicons;
    let on_disk = KnowledgeGraph::build_corpus(corpus, lex).expect("read back");
    let all = |kg: &KnowledgeGraph| {
        let nodes: Vec<String> = kg.g.node_weights().map(|n| format!("{n:?}")).collect();
        let edges: Vec<String> = kg
            .edge_references()
            .map(|e| format!("{:?} {:?} {:?}", e.source(), e.target(), e.weight()))
            .collect();
        (nodes, edges)
    };
    let (nodes, edges) = all(&on_disk);
    assert_eq!((nodes.len(), edges.len() > 4), (6, true), "{nodes:?}");
    // The MENTIONED_IN edges read their sentences back from the file (issue 8).
    let cited: Vec<String> = on_disk
        .edge_references()
        .filter(|e| e.weight().rel == RelType::MentionedIn)
        .filter_map(|e| Some(e.weight().evidence?.sentence().to_string()))
        .collect();
    assert!(
        cited.iter().any(|s| s == "林小雨任星河数据董事长。"),
        "{cited:?}"
    );
    assert!(on_disk.mentions.check().is_ok());
    assert_eq!(all(&in_memory), (nodes, edges));
}

#[test]
fn a_branch_written_with_a_known_abbreviation_is_the_branch_of_the_full_name() {
    // 农发行 is a lexicon alias of 中国农业发展银行; 分行 a branch suffix (branch=1).
    let kg = KnowledgeGraph::build(vec![
        doc("a", vec![org("农发行江汉省分行", "农发行江汉省分行")]),
        doc(
            "b",
            vec![org(
                "中国农业发展银行江汉省分行",
                "中国农业发展银行江汉省分行",
            )],
        ),
    ]);
    let names = org_names(&kg);
    assert_eq!(names.len(), 1, "{names:?}");
    assert_eq!(names[0].0, "中国农业发展银行江汉省分行");
    assert!(names[0].1.contains(&"农发行江汉省分行".to_string()));
    // not a branch suffix: the unit is not linked by its parent's abbreviation
    let kg = KnowledgeGraph::build(vec![
        doc("a", vec![org("农发行江汉研究中心", "农发行江汉研究中心")]),
        doc(
            "b",
            vec![org(
                "中国农业发展银行江汉研究中心",
                "中国农业发展银行江汉研究中心",
            )],
        ),
    ]);
    assert_eq!(org_names(&kg).len(), 2);
    // a weak name (移动 of 中国移动) is no known parent
    let kg = KnowledgeGraph::build(vec![
        doc("a", vec![org("移动江汉分公司", "移动江汉分公司")]),
        doc("b", vec![org("中国移动江汉分公司", "中国移动江汉分公司")]),
    ]);
    assert_eq!(org_names(&kg).len(), 2);
}

/// Session 17 (venues): a dated event merges across documents by kind, name key and day only
/// when its name names one event; a name made of generic words (`投资协议`, `座谈会`) stays one
/// event per document.
#[test]
fn a_generic_event_name_merges_within_its_document_only() {
    use kgextract::extract::EventKind;
    let with_events = |id: &str, names: &[(EventKind, &str)]| {
        let mut d = doc(id, vec![]);
        d.sentences.push("第二句。".into());
        d.events = names
            .iter()
            .map(|(k, n)| fixture::event(*k, n, Some("2024-11-07"), None))
            .collect();
        d
    };
    let docs = [
        (EventKind::Signing, "投资协议"),
        (EventKind::Signing, "战略合作框架协议"),
        (EventKind::Forum, "座谈会"),
        (EventKind::Signing, "青禾港区集装箱码头合作协议"),
        (EventKind::Forum, "2024星澜湾数字经济峰会"),
        (EventKind::Forum, "2025新品发布会"),
        (EventKind::Forum, "第三届座谈会"),
        (EventKind::Forum, "2024年度工作会议"),
        (EventKind::Forum, "第二届星澜湾峰会"),
    ];
    let kg = KnowledgeGraph::build(vec![with_events("a", &docs), with_events("b", &docs)]);
    let count = |name: &str| {
        kg.g.node_weights()
            .filter(|n| n.label == NodeLabel::Event && n.name == name)
            .count()
    };
    // generic: one node per document
    assert_eq!(count("投资协议"), 2);
    assert_eq!(count("战略合作框架协议"), 2);
    assert_eq!(count("座谈会"), 2);
    // a year or an edition before generic words does not make them name one event (session 18)
    assert_eq!(count("2025新品发布会"), 2);
    assert_eq!(count("第三届座谈会"), 2);
    assert_eq!(count("2024年度工作会议"), 2);
    // specific: one node for both documents
    assert_eq!(count("青禾港区集装箱码头合作协议"), 1);
    assert_eq!(count("2024星澜湾数字经济峰会"), 1);
    assert_eq!(count("第二届星澜湾峰会"), 1);
}
