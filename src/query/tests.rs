//! Questions on the hand-built fixture graph, before and after a JSON round trip.

use std::path::Path;

use serde_json::{Value, json};

use super::load::from_json_str;
use super::*;
use crate::export::json::to_json;
use crate::extract::EventKind;

fn loaded() -> KnowledgeGraph {
    let text = serde_json::to_string_pretty(&to_json(&fixture::graph())).unwrap();
    let l = from_json_str(&text, Path::new("graph.json")).unwrap();
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
    l.graph
}

fn ask_both(q: Question, f: &Filters) -> Answer {
    let a = ask(&fixture::graph(), &q, f).unwrap();
    let b = ask(&loaded(), &q, f).unwrap();
    assert_eq!(a.columns, b.columns);
    assert_eq!(
        a.rows, b.rows,
        "{q:?}: answers differ after the JSON round trip"
    );
    assert_eq!(a.notes, b.notes);
    b
}

fn col<'a>(a: &'a Answer, row: usize, name: &str) -> &'a Value {
    &a.rows[row][a.column(name).unwrap()]
}

fn column(a: &Answer, name: &str) -> Vec<Value> {
    (0..a.rows.len()).map(|r| col(a, r, name).clone()).collect()
}

#[test]
fn round_trip_keeps_every_node_and_edge() {
    let kg = fixture::graph();
    let back = loaded();
    assert_eq!(kg.node_count(), back.node_count());
    assert_eq!(kg.edge_count(), back.edge_count());
    assert_eq!(to_json(&kg), to_json(&back));
}

#[test]
fn signed_lists_signers_with_counterparties_and_parent_event() {
    let a = ask_both(Question::Signed, &Filters::default());
    assert_eq!(a.rows.len(), 3);
    assert_eq!(
        column(&a, "signer"),
        vec![json!("星河科技集团"), json!("李青"), json!("蓝海资本")]
    );
    for r in 0..3 {
        assert_eq!(col(&a, r, "event"), "战略合作协议签约");
        assert_eq!(col(&a, r, "date"), "2025-03-12");
        assert_eq!(col(&a, r, "place"), "上海");
        assert_eq!(col(&a, r, "part_of"), &json!(["2025数字经济峰会"]));
        assert_eq!(col(&a, r, "doc"), "summit.txt");
        assert!(col(&a, r, "evidence").as_str().unwrap().contains("签署"));
    }
    // Sides: the representative's organization is not its counterparty.
    assert_eq!(col(&a, 0, "counterparties"), &json!(["蓝海资本"]));
    assert_eq!(col(&a, 1, "on_behalf_of"), "蓝海资本");
    assert_eq!(col(&a, 1, "counterparties"), &json!(["星河科技集团"]));
    assert_eq!(col(&a, 2, "counterparties"), &json!(["星河科技集团"]));
}

#[test]
fn signed_filters() {
    let f = |f: Filters| ask_both(Question::Signed, &f).rows.len();
    let org = |s: &str| Filters {
        org: Some(s.into()),
        ..Filters::default()
    };
    assert_eq!(f(org("蓝海")), 2, "the org itself and its representative");
    assert_eq!(f(org("ＢＬＵＥ")), 0);
    assert_eq!(f(org("星河科技")), 1);
    assert_eq!(
        f(Filters {
            person: Some("李青".into()),
            ..Filters::default()
        }),
        1
    );
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    assert_eq!(
        f(Filters {
            from: d("2025-03-12"),
            to: d("2025-03-12"),
            ..Filters::default()
        }),
        3
    );
    assert_eq!(
        f(Filters {
            from: d("2025-03-13"),
            ..Filters::default()
        }),
        0
    );
    assert_eq!(
        f(Filters {
            kind: Some(EventKind::Forum),
            ..Filters::default()
        }),
        0
    );
    assert_eq!(
        f(Filters {
            limit: Some(1),
            ..Filters::default()
        }),
        1
    );
}

#[test]
fn positions_list_person_title_org_status() {
    let a = ask_both(Question::Positions, &Filters::default());
    let got: Vec<(String, String, String, String)> = (0..a.rows.len())
        .map(|r| {
            let s = |c| col(&a, r, c).as_str().unwrap_or("").to_string();
            (s("person"), s("title"), s("organization"), s("status"))
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "王立新".into(),
                "董事长".into(),
                "星河科技集团".into(),
                "current".into()
            ),
            (
                "李青".into(),
                "总经理".into(),
                "蓝海资本".into(),
                "current".into()
            ),
        ]
    );
    // HAS_ROLE duplicates of held titles are not repeated with --roles.
    let roles = Filters {
        roles: true,
        ..Filters::default()
    };
    assert_eq!(ask_both(Question::Positions, &roles).rows.len(), 2);
    let only = Filters {
        org: Some("蓝海资本".into()),
        ..Filters::default()
    };
    assert_eq!(
        column(&ask_both(Question::Positions, &only), "person"),
        vec![json!("李青")]
    );
}

#[test]
fn events_group_participants_by_relationship_type() {
    let a = ask_both(Question::Events, &Filters::default());
    assert_eq!(
        column(&a, "event"),
        vec![
            json!("2025数字经济峰会"),
            json!("战略合作协议签约"),
            json!("产业基金设立")
        ],
        "dated events first, by date; undated last"
    );
    assert_eq!(
        col(&a, 0, "participants"),
        &json!({"ATTENDED": ["王立新"], "ORGANIZED": ["星河科技集团"]})
    );
    assert_eq!(col(&a, 0, "place"), "上海");
    assert_eq!(col(&a, 0, "kind"), "Forum");
    assert_eq!(
        col(&a, 1, "participants"),
        &json!({"SIGNED": ["星河科技集团", "李青", "蓝海资本"]})
    );
    assert_eq!(col(&a, 2, "period"), "未来三年");
    assert_eq!(col(&a, 2, "date"), &Value::Null);
    assert_eq!(col(&a, 2, "amounts"), &json!(["总规模 不低于50亿元"]));
    let signing = Filters {
        kind: Some(EventKind::Signing),
        ..Filters::default()
    };
    assert_eq!(ask_both(Question::Events, &signing).rows.len(), 1);
    let person = Filters {
        person: Some("王立新".into()),
        ..Filters::default()
    };
    assert_eq!(
        column(&ask_both(Question::Events, &person), "event"),
        vec![json!("2025数字经济峰会")]
    );
}

#[test]
fn amounts_largest_first_with_subject() {
    let a = ask_both(Question::Amounts, &Filters::default());
    assert_eq!(column(&a, "value"), vec![json!(5e9), json!(1e9)]);
    assert_eq!(col(&a, 0, "about"), "总规模");
    assert_eq!(col(&a, 0, "subject"), "产业基金设立");
    assert_eq!(col(&a, 0, "qualifier"), "at_least");
    assert_eq!(col(&a, 0, "currency"), "CNY");
    assert_eq!(
        col(&a, 1, "subject"),
        &Value::Null,
        "unattached amounts are listed too"
    );
    assert_eq!(col(&a, 1, "doc"), "summit.txt");
    let min = Filters {
        min_amount: Some(2e9),
        ..Filters::default()
    };
    assert_eq!(ask_both(Question::Amounts, &min).rows.len(), 1);
    let org = Filters {
        org: Some("星河".into()),
        ..Filters::default()
    };
    assert_eq!(
        column(&ask_both(Question::Amounts, &org), "amount"),
        vec![json!("不低于50亿元")]
    );
    let asc = Filters {
        sort: Some("value".into()),
        ..Filters::default()
    };
    assert_eq!(
        column(&ask_both(Question::Amounts, &asc), "value"),
        vec![json!(1e9), json!(5e9)]
    );
}

#[test]
fn sort_desc_keeps_empty_values_last() {
    let f = Filters {
        sort: Some("date".into()),
        desc: true,
        ..Filters::default()
    };
    let a = ask_both(Question::Events, &f);
    assert_eq!(col(&a, 2, "date"), &Value::Null);
    assert!(
        ask(
            &fixture::graph(),
            &Question::Events,
            &Filters {
                sort: Some("nope".into()),
                ..Filters::default()
            }
        )
        .unwrap_err()
        .contains("no such column")
    );
}

#[test]
fn person_shows_every_relationship() {
    let a = ask_both(Question::Person(Some("王立新".into())), &Filters::default());
    let rels: Vec<String> = column(&a, "relation")
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        rels,
        vec!["ATTENDED", "HAS_ROLE", "HOLDS_POSITION", "MENTIONED_IN"]
    );
    assert_eq!(col(&a, 0, "date"), "2025-03-12");
    assert_eq!(col(&a, 0, "place"), "上海");
    assert_eq!(col(&a, 2, "detail"), "title: 董事长, status: current");
    assert_eq!(col(&a, 3, "other"), "summit.txt");
    assert!(a.header[0].starts_with("Person 王立新"));
}

#[test]
fn org_answers_by_alias_and_width_folding() {
    let mut kg = fixture::graph();
    let ix =
        kg.g.node_indices()
            .find(|&i| kg.g[i].name == "蓝海资本")
            .unwrap();
    kg.g[ix]
        .extra
        .fields_mut()
        .aliases
        .insert("ＢＬＵＥ海".into());
    let a = ask(
        &kg,
        &Question::Org(Some("blue海".into())),
        &Filters::default(),
    )
    .unwrap();
    assert!(!a.rows.is_empty());
    assert!(column(&a, "entity").iter().all(|e| e == "蓝海资本"));
}

#[test]
fn unknown_names_suggest_close_ones() {
    let a = ask_both(Question::Person(Some("王立".into())), &Filters::default());
    assert!(a.rows.is_empty());
    assert!(
        a.notes.iter().any(|n| n.contains("did you mean: 王立新")),
        "{:?}",
        a.notes
    );
    let a = ask_both(Question::Person(Some("王力新".into())), &Filters::default());
    assert!(
        a.notes.iter().any(|n| n.contains("王立新")),
        "one edit away: {:?}",
        a.notes
    );
    let a = ask_both(
        Question::Person(Some("星河科技集团".into())),
        &Filters::default(),
    );
    assert!(
        a.notes.iter().any(|n| n.contains("query org")),
        "{:?}",
        a.notes
    );
    let a = ask_both(
        Question::Org(Some("完全无关的名字".into())),
        &Filters::default(),
    );
    assert!(
        a.notes.iter().any(|n| n.contains("no similar names")),
        "{:?}",
        a.notes
    );
}

#[test]
fn path_finds_all_shortest_connections_without_documents() {
    let a = ask_both(
        Question::Path("王立新".into(), "李青".into()),
        &Filters::default(),
    );
    let paths: Vec<&str> = (0..a.rows.len())
        .map(|r| col(&a, r, "path").as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        vec![
            "王立新 -[ATTENDED]-> 2025数字经济峰会 <-[PART_OF]- 战略合作协议签约 <-[SIGNED]- 李青",
            "王立新 -[HOLDS_POSITION 董事长]-> 星河科技集团 -[SIGNED]-> 战略合作协议签约 <-[SIGNED]- 李青",
        ]
    );
    assert!(column(&a, "length").iter().all(|l| l == 3));
    let via = Filters {
        via_documents: true,
        ..Filters::default()
    };
    let a = ask_both(Question::Path("王立新".into(), "李青".into()), &via);
    assert_eq!(col(&a, 0, "length"), 2);
    assert!(
        col(&a, 0, "path")
            .as_str()
            .unwrap()
            .contains("MENTIONED_IN")
    );
}

#[test]
fn path_edge_cases() {
    let a = ask_both(
        Question::Path("王立新".into(), "王立新".into()),
        &Filters::default(),
    );
    assert!(a.rows.is_empty() && a.notes[0].contains("same entity"));
    let a = ask_both(
        Question::Path("王立新".into(), "赵某某".into()),
        &Filters::default(),
    );
    assert!(a.rows.is_empty() && a.notes[0].contains("赵某某"));
    let one = Filters {
        limit: Some(1),
        ..Filters::default()
    };
    let a = ask_both(Question::Path("王立新".into(), "李青".into()), &one);
    assert_eq!(a.rows.len(), 1);
    assert!(a.header[0].contains("more than 1"));
}

#[test]
fn filters_that_do_not_apply_are_refused() {
    let f = Filters {
        min_amount: Some(1.0),
        ..Filters::default()
    };
    let e = f.check(&Question::Positions).unwrap_err();
    assert!(e.contains("--min-amount") && e.contains("positions"), "{e}");
    assert!(f.check(&Question::Amounts).is_ok());
    assert!(
        Filters::default()
            .check(&Question::Path("a".into(), "b".into()))
            .is_ok()
    );
}

#[test]
fn every_question_has_a_cypher_twin() {
    let text = include_str!("../../schema/queries.cypher");
    let names: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("// name:"))
        .map(str::trim)
        .collect();
    for q in QUESTION_NAMES {
        assert!(
            names.contains(&q),
            "schema/queries.cypher has no `// name: {q}`"
        );
    }
    for n in &names {
        let base = n.split('.').next().unwrap_or(n);
        assert!(
            QUESTION_NAMES.contains(&base),
            "unknown question in queries.cypher: {n}"
        );
    }
    let mut sorted = names.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(
        sorted.len(),
        names.len(),
        "duplicate names in queries.cypher"
    );
    // Each named block is one statement ending with `;` before the next name.
    let mut blocks: Vec<String> = Vec::new();
    for l in text.lines() {
        if l.starts_with("// name:") {
            blocks.push(String::new());
        }
        if let Some(b) = blocks.last_mut() {
            b.push_str(l);
            b.push('\n');
        }
    }
    for block in &blocks {
        let name = block
            .lines()
            .next()
            .unwrap_or("")
            .trim_start_matches("// name:")
            .trim();
        let declared: Vec<&str> = block
            .lines()
            .filter_map(|l| l.strip_prefix("// params:"))
            .flat_map(|p| p.split(',').map(str::trim))
            .collect();
        // Parameterized queries are commented out with `//| ` (a script runner cannot supply
        // parameters); the others are plain statements.
        let code: Vec<&str> = if declared.is_empty() {
            block
                .lines()
                .filter(|l| !l.trim_start().starts_with("//") && !l.trim().is_empty())
                .collect()
        } else {
            assert!(
                !block
                    .lines()
                    .any(|l| !l.starts_with("//") && !l.trim().is_empty()),
                "{name}: a parameterized query must be commented out with `//| `"
            );
            block
                .lines()
                .filter_map(|l| l.strip_prefix("//|"))
                .filter(|l| !l.trim().is_empty())
                .collect()
        };
        assert!(!code.is_empty(), "{name}: empty query block");
        let joined = code.join("\n");
        assert!(
            joined.trim_end().ends_with(';'),
            "{name}: does not end with `;`"
        );
        assert_eq!(
            joined.matches(';').count(),
            1,
            "{name}: one statement per block"
        );
        let used: Vec<&str> = joined
            .split('$')
            .skip(1)
            .map(|s| {
                s.split(|c: char| !c.is_alphanumeric() && c != '_')
                    .next()
                    .unwrap_or("")
            })
            .collect();
        for u in &used {
            assert!(
                declared.contains(u),
                "{name}: ${u} not declared in `// params:`"
            );
        }
        for d in &declared {
            assert!(used.contains(d), "{name}: param {d} declared but unused");
        }
        // `// query: Q` marks the twin CI runs as `kgextract query Q`: a runnable block of the
        // same name, for a question that needs no NAME argument.
        for q in block.lines().filter_map(|l| l.strip_prefix("// query:")) {
            let q = q.trim();
            assert_eq!(q, name, "`// query:` must repeat the block's name");
            assert!(
                declared.is_empty(),
                "{name}: a `// query:` twin cannot take parameters"
            );
            assert!(
                QUESTION_NAMES.contains(&q) && q != "path",
                "{name}: not runnable by name"
            );
        }
    }
    for q in QUESTION_NAMES.iter().filter(|q| **q != "path") {
        assert!(
            text.contains(&format!("\n// query: {q}\n")),
            "{q}: no `// query: {q}` twin for CI"
        );
    }
}

#[test]
fn filters_naming_nothing_explain_the_empty_answer() {
    let f = Filters {
        org: Some("星河科集团".into()),
        ..Filters::default()
    };
    let a = ask_both(Question::Signed, &f);
    assert!(a.rows.is_empty());
    assert!(a.notes[0].contains("--org"), "{:?}", a.notes);
    assert!(a.notes[1].contains("星河科技集团"), "{:?}", a.notes);
    // A filter that matches an organization which simply has no rows: no note.
    let f = Filters {
        org: Some("星河".into()),
        kind: Some(EventKind::Forum),
        ..Filters::default()
    };
    assert!(ask_both(Question::Signed, &f).notes.is_empty());
}

#[test]
fn paths_do_not_go_through_titles_places_or_amounts_unless_asked() {
    use crate::graph::{Edge, NodeLabel};
    let mut kg = fixture::graph();
    let find = |kg: &KnowledgeGraph, label: NodeLabel, name: &str| {
        kg.g.node_indices()
            .find(|&i| kg.g[i].label == label && kg.g[i].name == name)
            .unwrap()
    };
    // 李青 is also called 董事长 somewhere: both people now share the Role node.
    let (li, chair) = (
        find(&kg, NodeLabel::Person, "李青"),
        find(&kg, NodeLabel::Role, "董事长"),
    );
    kg.add_edge(
        li,
        chair,
        Edge::new(crate::extract::RelType::HasRole, None, None, None),
    );
    let q = Question::Path("王立新".into(), "李青".into());
    let a = ask(&kg, &q, &Filters::default()).unwrap();
    assert!(
        column(&a, "length").iter().all(|l| l == 3),
        "not through 董事长"
    );
    let all = Filters {
        via_all: true,
        ..Filters::default()
    };
    let a = ask(&kg, &q, &all).unwrap();
    assert_eq!(col(&a, 0, "length"), 2);
    assert!(col(&a, 0, "path").as_str().unwrap().contains("董事长"));
    // A place may be an end of the path.
    let a = ask(
        &kg,
        &Question::Path("王立新".into(), "上海".into()),
        &Filters::default(),
    )
    .unwrap();
    assert_eq!(
        col(&a, 0, "path"),
        "王立新 -[ATTENDED]-> 2025数字经济峰会 -[LOCATED_IN]-> 上海"
    );
}
