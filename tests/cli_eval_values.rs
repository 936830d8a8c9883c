//! `kgextract eval money|numerals|dates FILE.tsv` on small files written here.

use std::io::Write;

#[path = "util/cli.rs"]
mod cli;
use cli::json;

fn tsv(content: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(content.as_bytes()).unwrap();
    f
}

#[test]
fn money_json_report() {
    let f = tsv(
        "text\tvalue\tcurrency\tnotes\n三百亿元\t30000000000\tCNY\t\n5.6到5.78元\t5.6..5.78\tDollar\tbare 元\n至少三块\t3..\tCNY\t\n两千美元\t2000\tCNY\twrong currency on purpose\n",
    );
    let v = json(["eval", "money", f.path().to_str().unwrap(), "--json"]);
    assert_eq!(v["total"], 4);
    assert_eq!(v["correct"], 3);
    assert_eq!(v["failures"].as_array().unwrap().len(), 1);
    assert!((v["accuracy"].as_f64().unwrap() - 0.75).abs() < 1e-9);
}

#[test]
fn numerals_valid_and_invalid() {
    let f = tsv("text\tnumber\tsource\tnotes\n三万四千五百六十七\t34567\tx\t\n1.2万\t12000\tx\t\n");
    let v = json(["eval", "numerals", f.path().to_str().unwrap(), "--json"]);
    assert_eq!(
        (v["total"].as_u64(), v["correct"].as_u64()),
        (Some(2), Some(2))
    );
    let f = tsv("text\tsource\tnotes\n零点\tx\t\n十一十二\tx\t\n三万五\tx\tcolloquial\n");
    let v = json(["eval", "numerals", f.path().to_str().unwrap(), "--json"]);
    assert_eq!(
        (v["total"].as_u64(), v["correct"].as_u64()),
        (Some(3), Some(3))
    );
    assert_eq!(v["details"]["rejected"], 2);
    assert_eq!(v["details"]["accepted_documented"], 1);
}

#[test]
fn dates_scores_only_calendar_rows() {
    let f = tsv(concat!(
        "text\texpected\treference_time\tsource\tnotes\n",
        "2015年3月3号\tdatetime (2015, 3, 3, 0, 0, 0) Day\t2013-02-12T04:30:00-02:00\tduckling Time/ZH\t\n",
        "昨天\tdatetime (2013, 2, 11, 0, 0, 0) Day\t2013-02-12T04:30:00-02:00\tduckling Time/ZH\t\n",
        "下午三点\tdatetime (2013, 2, 12, 15, 0, 0) Hour\t2013-02-12T04:30:00-02:00\tduckling Time/ZH\tclock time: not scored\n",
    ));
    let v = json(["eval", "dates", f.path().to_str().unwrap(), "--json"]);
    assert_eq!(
        (v["total"].as_u64(), v["correct"].as_u64()),
        (Some(2), Some(2))
    );
    assert_eq!(v["skipped"], 1);
}

#[test]
fn bad_file_is_a_clear_error() {
    let f = tsv("wrong\theader\n");
    cli::kgextract()
        .args(["eval", "money", f.path().to_str().unwrap()])
        .assert()
        .failure()
        .stderr(predicates::str::contains("expected the header"));
    cli::kgextract()
        .args(["eval", "dates", "/nonexistent/times.tsv"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("/nonexistent/times.tsv"));
}
