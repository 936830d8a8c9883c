//! `kgextract eval events` on a small fixture the team wrote (tests/fixtures/events_small.jsonl):
//! scores, and the misses and false positives `--examples FILE` writes.

use serde_json::Value;

#[path = "util/cli.rs"]
mod cli;

fn examples(entities: &str) -> (Value, Vec<Value>) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("examples.jsonl");
    let report = cli::json([
        "eval",
        "events",
        "--json",
        "--entities",
        entities,
        "--examples",
        file.to_str().unwrap(),
        cli::fixture("events_small.jsonl").as_str(),
    ]);
    let text = std::fs::read_to_string(&file).unwrap();
    let lines = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect();
    (report, lines)
}

fn find<'a>(lines: &'a [Value], record: &str, kind: &str) -> Option<&'a Value> {
    lines
        .iter()
        .find(|l| l["record"] == record && l["kind"] == kind)
}

#[test]
fn examples_list_misses_and_false_positives_with_their_text() {
    let (report, lines) = examples("ours");
    let sc = &report[0]["scores"]["duee:高管变动"];
    assert_eq!(sc["gold"], 2, "{report}");
    assert_eq!(sc["found"], 1, "{report}");
    assert_eq!(sc["produced"], 2, "{report}");
    assert_eq!(sc["correct"], 1, "{report}");
    // The appointment in a record whose gold has none is a false positive, shown as ours.
    let fp = find(&lines, "a2", "fp").expect("fp of record a2");
    assert_eq!(fp["item"], "duee:高管变动");
    assert_eq!(fp["entities"], "ours");
    assert!(fp["ours"].as_str().unwrap().contains("周明远"), "{fp}");
    assert!(fp["context"].as_str().unwrap().contains("副行长"), "{fp}");
    // The gold appointment with no trigger in the text is a miss, with its gold arguments.
    let miss = find(&lines, "a3", "fn").expect("fn of record a3");
    assert!(
        miss["gold"].as_str().unwrap().contains("高管姓名=吴晓光"),
        "{miss}"
    );
    // The FinRE pair never signed is a miss too.
    let pair = find(&lines, "f1", "fn").expect("fn of record f1");
    assert_eq!(pair["item"], "finre:签约");
    // What we got right is not listed.
    assert!(lines.iter().all(|l| l["record"] != "a1"), "{lines:?}");
}

#[test]
fn both_entity_modes_write_their_examples_to_one_file() {
    let (report, lines) = examples("both");
    assert_eq!(report.as_array().map(Vec::len), Some(2), "{report}");
    for mode in ["ours", "gold"] {
        assert!(
            lines.iter().any(|l| l["entities"] == mode),
            "{mode}: {lines:?}"
        );
    }
}

#[test]
fn without_examples_no_file_is_needed() {
    let v = cli::json([
        "eval",
        "events",
        "--json",
        "--entities",
        "ours",
        cli::fixture("events_small.jsonl").as_str(),
    ]);
    assert_eq!(v[0]["records"], 4, "{v}");
}
