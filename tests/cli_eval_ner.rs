//! `kgextract eval ner` on small fixtures the team wrote (tests/fixtures/ner_*.jsonl).

use serde_json::Value;

#[path = "util/cli.rs"]
mod cli;

fn eval_json(file: &str) -> Value {
    cli::json(["eval", "ner", "--json", cli::fixture(file).as_str()])
}

#[test]
fn json_report_has_exact_and_overlap_scores_per_label() {
    let v = eval_json("ner_small.jsonl");
    assert_eq!(v["records"], 4);
    for label in ["PER", "ORG", "ROLE"] {
        let e = &v["exact"][label];
        for k in ["precision", "recall", "f1", "tp", "fp", "fn"] {
            assert!(e.get(k).is_some(), "exact.{label}.{k} missing in {v}");
        }
        let f1 = e["f1"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&f1));
        assert!(v["overlap"][label]["f1"].as_f64().unwrap() >= f1 - 1e-9);
    }
    // The clear-cut title + name patterns in the fixture are found exactly.
    assert!(v["exact"]["PER"]["tp"].as_u64().unwrap() >= 2, "{v}");
    assert!(v["exact"]["ROLE"]["tp"].as_u64().unwrap() >= 2, "{v}");
    assert!(v["exact"]["ORG"]["tp"].as_u64().unwrap() >= 1, "{v}");
}

#[test]
fn labels_absent_from_the_gold_data_are_not_scored() {
    // The fixture only has PER: our titles must not count as false positives.
    let v = eval_json("ner_no_titles.jsonl");
    assert!(v["exact"].get("ROLE").is_none(), "{v}");
    assert_eq!(v["exact"]["PER"]["tp"], 1, "{v}");
}

#[test]
fn bad_map_is_a_usage_error() {
    cli::kgextract()
        .args(["eval", "ner", "--map", "name=PERSON"])
        .arg(cli::fixture("ner_small.jsonl"))
        .assert()
        .failure()
        .stderr(predicates::str::contains(
            "our labels are PER, ORG, ROLE, LOC",
        ));
}
