//! Exports of the hand-built fixture (`tests/util/fixture.rs`, which says what it must give):
//! asserted facts first, then insta snapshots that pin the details in a readable form.

#[path = "util/fixture.rs"]
mod fixture;

use std::collections::BTreeMap;

use kgextract::export::{ExportOptions, cypher, dot, graphml, json, neo4j_csv};
use kgextract::graph::{KnowledgeGraph, NodeLabel};
use kgextract::validate::validate_files;

fn graph() -> KnowledgeGraph {
    KnowledgeGraph::build(fixture::docs())
}

fn files(kg: &KnowledgeGraph) -> BTreeMap<String, String> {
    neo4j_csv::render(kg)
        .expect("render")
        .into_iter()
        .map(|(n, b)| (n, String::from_utf8(b).expect("utf-8")))
        .collect()
}

/// Rows of a CSV file as maps header → value (read with the csv crate, i.e. RFC 4180).
fn rows(text: &str) -> Vec<BTreeMap<String, String>> {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let h: Vec<String> = r
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    r.records()
        .map(|rec| {
            let rec = rec.expect("record");
            h.iter()
                .cloned()
                .zip(rec.iter().map(str::to_string))
                .collect()
        })
        .collect()
}

#[test]
fn entity_resolution_facts() {
    let f = files(&graph());
    let orgs = rows(&f["nodes_organization.csv"]);
    let by_name = |n: &str| -> Vec<&BTreeMap<String, String>> {
        orgs.iter().filter(|r| r["name"] == n).collect()
    };
    // Abbreviation ↔ full name through orgs_known.
    let cm = by_name("中国移动");
    assert_eq!(cm.len(), 1);
    assert_eq!(cm[0]["aliases:string[]"], "中国移动通信集团有限公司");
    assert_eq!(cm[0]["merged_by:string[]"], "lexicon");
    assert_eq!(cm[0]["mentions:int"], "2");
    assert!(by_name("中国移动通信集团有限公司").is_empty());
    // Alias definition; Traditional/Simplified.
    assert_eq!(
        by_name("深圳市某某科技有限公司")[0]["merged_by:string[]"],
        "alias_def"
    );
    let cu = by_name("中国联通");
    assert_eq!(cu.len(), 1);
    assert_eq!(cu[0]["aliases:string[]"], "中國聯通");
    // A generic alias does not merge two companies.
    assert_eq!(by_name("甲乙丙有限公司").len(), 1);
    assert_eq!(by_name("乙丁有限公司").len(), 1);
    // People: two 张伟 in different organizations plus an ambiguous bare one; 李娜 merged.
    let people = rows(&f["nodes_person.csv"]);
    assert_eq!(people.iter().filter(|r| r["name"] == "张伟").count(), 3);
    let lina: Vec<_> = people.iter().filter(|r| r["name"] == "李娜").collect();
    assert_eq!(lina.len(), 1);
    assert_eq!(lina[0]["mentions:int"], "2");
    assert_eq!(lina[0]["merged_by:string[]"], "unique_name");
    let hp = rows(&f["rels_holds_position.csv"]);
    let zhang_orgs: std::collections::BTreeSet<&str> = hp
        .iter()
        .filter(|r| {
            people
                .iter()
                .any(|p| p["id:ID"] == r[":START_ID"] && p["name"] == "张伟")
        })
        .map(|r| r[":END_ID"].as_str())
        .collect();
    assert_eq!(
        zhang_orgs.len(),
        2,
        "each 张伟 holds a position in his own organization"
    );
    // Events: the dated signing merges across documents, the undated forum does not.
    let events = rows(&f["nodes_event.csv"]);
    let signing: Vec<_> = events.iter().filter(|r| r["kind"] == "Signing").collect();
    assert_eq!(signing.len(), 1);
    assert_eq!(signing[0][":LABEL"], "Event;Signing");
    assert_eq!(signing[0]["mentions:int"], "2");
    assert_eq!(signing[0]["date:date"], "2024-07-20");
    assert_eq!(signing[0]["location"], "北京");
    assert_eq!(events.iter().filter(|r| r["kind"] == "Forum").count(), 2);
    // Who signed: 中国移动, 中国联通, 某某科技 and 张伟 on behalf of 中国移动.
    let signed = rows(&f["rels_signed.csv"]);
    assert_eq!(signed.len(), 4);
    assert!(signed.iter().all(|r| r[":END_ID"] == signing[0]["id:ID"]));
    assert_eq!(
        signed
            .iter()
            .filter(|r| r["on_behalf_of"] == "中国移动")
            .count(),
        1
    );
    // merges.jsonl explains every merge, and the refusal.
    let reasons: Vec<&str> = graph_merges().into_iter().collect();
    for r in [
        "lexicon",
        "alias_def",
        "same_key",
        "unique_name",
        "same_event",
        "not_merged_ambiguous",
    ] {
        assert!(reasons.contains(&r), "{r} missing in {reasons:?}");
    }
}

fn graph_merges() -> Vec<&'static str> {
    graph().merges.iter().map(|m| m.reason.as_str()).collect()
}

#[test]
fn neo4j_files_follow_the_rules() {
    let kg = graph();
    let f = files(&kg);
    // Fixed file set: one per label and one per type.
    assert_eq!(f.len(), 7 + 20);
    for (name, text) in &f {
        assert!(!text.starts_with('\u{FEFF}'), "{name}: BOM");
        assert!(text.ends_with('\n'), "{name}: no final newline");
        // No line breaks inside fields: every physical line is one record.
        let n_lines = text.lines().count();
        assert_eq!(n_lines, rows(text).len() + 1, "{name}: a field spans lines");
    }
    // The validator finds nothing.
    let as_bytes: Vec<(String, Vec<u8>)> = f
        .iter()
        .map(|(n, t)| (n.clone(), t.as_bytes().to_vec()))
        .collect();
    let report = validate_files(&as_bytes);
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    assert_eq!(report.nodes, kg.node_count());
    assert_eq!(report.relationships, kg.edge_count());
    // Quotes, commas, semicolons and backslashes survive a round trip through RFC 4180.
    let orgs = rows(&f["nodes_organization.csv"]);
    assert!(
        orgs.iter()
            .any(|r| r["name"] == "Acme \"Quote\", Inc.; Ltd \\ X")
    );
    let docs = rows(&f["nodes_document.csv"]);
    assert!(
        docs.iter()
            .any(|r| r["title"] == "标题 \"引号\", 逗号; 分号 \\ 反斜杠")
    );
    // `;` inside an array element is not a delimiter; `\` before `"` is defused.
    let amounts = rows(&f["rels_has_amount.csv"]);
    assert_eq!(amounts[0]["about"], "总规模; 首期");
    let signed = rows(&f["rels_signed.csv"]);
    assert!(signed.iter().all(|r| !r["sentence"].contains("\\\"")));
    assert!(signed.iter().all(|r| !r["sentence"].contains('\n')));
    // Every relationship has evidence.
    for (name, text) in f.iter().filter(|(n, _)| n.starts_with("rels_")) {
        for r in rows(text) {
            for c in ["doc", "sentence", "start:int", "end:int", "rule"] {
                assert!(!r[c].is_empty(), "{name}: {c} empty in {r:?}");
            }
        }
    }
    // Typed amount.
    let am = rows(&f["nodes_amount.csv"]);
    assert_eq!(am[0]["value:double"].parse::<f64>().ok(), Some(3.0e10));
    assert_eq!(am[0]["qualifier"], "at_least");
}

#[test]
fn ids_do_not_depend_on_input_order_or_other_documents() {
    let mut docs = fixture::docs();
    let a = KnowledgeGraph::build(docs.clone());
    docs.reverse();
    let b = KnowledgeGraph::build(docs.clone());
    assert_eq!(files(&a), files(&b));
    assert_eq!(json::to_json(&a), json::to_json(&b));
    assert_eq!(graphml::render(&a), graphml::render(&b));
    let o = ExportOptions::default();
    assert_eq!(dot::render(&a, &o), dot::render(&b, &o));
    assert_eq!(cypher::import_cypher(&a), cypher::import_cypher(&b));
    // The same organization gets the same id in a shard that holds only one document.
    let shard = KnowledgeGraph::build(docs.into_iter().filter(|d| d.meta.id == "b.txt").collect());
    let id_in = |kg: &KnowledgeGraph, name: &str| {
        kg.g.node_weights()
            .find(|n| n.label == NodeLabel::Organization && n.name == name)
            .map(|n| n.id.clone())
    };
    assert_eq!(id_in(&a, "中国联通"), id_in(&shard, "中国联通"));
    assert_eq!(id_in(&a, "华为"), id_in(&shard, "华为"));
}

#[test]
fn json_round_trips() {
    let kg = graph();
    let v = json::to_json(&kg);
    let back = json::from_json(&v).expect("from_json");
    assert_eq!(json::to_json(&back), v);
    assert_eq!(back.node_count(), kg.node_count());
    assert_eq!(back.edge_count(), kg.edge_count());
}

#[test]
fn dot_is_escaped_and_renders_cleanly() {
    let kg = graph();
    let text = dot::render(&kg, &ExportOptions::default()).expect("dot");
    assert!(text.contains("fontname=\"Noto Sans CJK SC\""));
    assert!(text.contains("cluster_legend"));
    assert!(text.contains("cluster_doc_"));
    assert!(text.contains(r#"Acme \"Quote\", Inc.; Ltd \\ X"#));
    assert!(text.contains("HOLDS_POSITION\\n董事长"));
    // No raw line break inside any quoted string: every statement is on one line.
    for line in text.lines() {
        let unescaped_quotes = line
            .char_indices()
            .filter(|&(i, c)| {
                c == '"' && {
                    let bs = line[..i].chars().rev().take_while(|&c| c == '\\').count();
                    bs % 2 == 0
                }
            })
            .count();
        assert_eq!(unescaped_quotes % 2, 0, "unbalanced quotes in {line}");
    }
    if dot::dot_available() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("g.dot");
        std::fs::write(&p, &text).expect("write");
        let out = std::process::Command::new("dot")
            .arg("-Tsvg")
            .arg(&p)
            .output()
            .expect("dot");
        assert!(out.status.success());
        assert!(
            out.stderr.is_empty(),
            "dot warnings: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    } else {
        eprintln!("note: Graphviz `dot` not installed; rendering not checked");
    }
}

#[test]
fn dot_focus_draws_a_neighbourhood() {
    let kg = graph();
    let o = ExportOptions {
        focus: Some("某某科技".into()),
        depth: 1,
        ..ExportOptions::default()
    };
    let text = dot::render(&kg, &o).expect("focus");
    assert!(text.contains("深圳市某某科技有限公司"));
    assert!(text.contains("战略合作协议签约"));
    assert!(!text.contains("华为"), "华为 is 3 steps away");
    let err = dot::render(
        &kg,
        &ExportOptions {
            focus: Some("某某".into()),
            depth: 1,
            ..ExportOptions::default()
        },
    )
    .unwrap_err();
    assert!(err.contains("did you mean"), "{err}");
}

#[test]
fn graphml_has_typed_keys_and_escapes() {
    let g = graphml::render(&graph());
    assert!(g.contains(r#"attr.name="mentions" attr.type="int""#));
    assert!(g.contains(r#"attr.name="value" attr.type="double""#));
    assert!(g.contains(r#"attr.name="lead" attr.type="boolean""#));
    assert!(g.contains("Acme &quot;Quote&quot;, Inc.; Ltd \\ X"));
    assert!(!g.contains('\t'));
    assert_eq!(g.matches("<node ").count(), graph().node_count());
    assert_eq!(g.matches("<edge ").count(), graph().edge_count());
}

#[test]
fn snapshots() {
    let kg = graph();
    let f = files(&kg);
    let mut merges = String::new();
    for m in &kg.merges {
        merges.push_str(&serde_json::to_string(m).expect("json"));
        merges.push('\n');
    }
    insta::assert_snapshot!("nodes_person", f["nodes_person.csv"]);
    insta::assert_snapshot!("nodes_organization", f["nodes_organization.csv"]);
    insta::assert_snapshot!("nodes_event", f["nodes_event.csv"]);
    insta::assert_snapshot!("rels_signed", f["rels_signed.csv"]);
    insta::assert_snapshot!("merges", merges);
    insta::assert_snapshot!("import_cypher", cypher::import_cypher(&kg));
}

#[test]
fn dot_draws_no_box_per_document_beyond_the_cluster_limit() {
    use kgextract::extract::process;
    use kgextract::rules::Rules;
    let docs = |n: usize| -> Vec<_> {
        (0..n)
            .map(|i| {
                let text = format!(
                    "# 第{i}篇\n\n青禾科技有限公司宣布投资{}亿元建设新工厂。\n",
                    i + 1
                );
                let d = kgextract::read::from_bytes(
                    &format!("d{i}.md"),
                    &format!("d{i}.md"),
                    text.as_bytes(),
                )
                .expect("utf-8");
                process(&d, Rules::builtin())
            })
            .collect()
    };
    let few = dot::render(&KnowledgeGraph::build(docs(2)), &ExportOptions::default()).expect("dot");
    assert!(few.contains("subgraph cluster_doc_"), "{few}");
    let many = dot::render(
        &KnowledgeGraph::build(docs(dot::MAX_DOC_CLUSTERS + 1)),
        &ExportOptions::default(),
    )
    .expect("dot");
    assert!(!many.contains("subgraph cluster_doc_"));
    assert!(many.contains("subgraph doc_"));
    // the legend is still a box
    assert!(many.contains("subgraph cluster_legend"));
}
