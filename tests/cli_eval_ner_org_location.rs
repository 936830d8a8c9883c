//! Regression: `kgextract eval ner` on a small team-written fixture of organization and
//! location sentences (`tests/fixtures/ner_org_location.jsonl`: suffix names with careful left
//! boundaries, government bodies, known and weak short names, units, joined portfolios,
//! chains, words that contain place names, collective phrases). Every span is expected to be
//! found exactly; a drop below the thresholds means a rule regressed.

use assert_cmd::Command;

fn f1(report: &serde_json::Value, label: &str) -> f64 {
    report["exact"][label]["f1"].as_f64().unwrap_or(0.0)
}

#[test]
fn eval_ner_org_location_fixture() {
    let out = Command::cargo_bin("kgextract")
        .expect("binary is built")
        .args([
            "eval",
            "ner",
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/ner_org_location.jsonl"
            ),
            "--map",
            "company=ORG,organization=ORG,government=ORG,address=LOC",
            "--json",
        ])
        .output()
        .expect("eval runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("--json prints one JSON object");
    assert_eq!(report["records"], 15);
    assert!(
        f1(&report, "ORG") >= 0.95,
        "ORG: {}",
        report["exact"]["ORG"]
    );
    assert!(
        f1(&report, "LOC") >= 0.95,
        "LOC: {}",
        report["exact"]["LOC"]
    );
}
