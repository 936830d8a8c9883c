//! `kgextract validate DIR` on exports broken in the ways users break them.

use assert_cmd::Command;
use predicates::str::contains;

fn write(dir: &std::path::Path, name: &str, text: &[u8]) {
    std::fs::write(dir.join(name), text).expect("write");
}

fn validate(dir: &std::path::Path) -> assert_cmd::assert::Assert {
    Command::cargo_bin("kgextract")
        .expect("bin")
        .arg("validate")
        .arg(dir)
        .assert()
}

const NODES: &str = "id:ID,:LABEL,name,aliases:string[]\n";
const RELS: &str = ":START_ID,:END_ID,:TYPE,start:int\n";

#[test]
fn good_export_passes() {
    let d = tempfile::tempdir().expect("tmp");
    let nodes = format!(
        "{NODES}p1,Person,\"名字 \"\"带引号\"\", 逗号\",a;b\np2,Person,\"反斜杠 \\ 分号 ; 值\",\n"
    );
    write(d.path(), "nodes_person.csv", nodes.as_bytes());
    write(
        d.path(),
        "rels_knows.csv",
        format!("{RELS}p1,p2,KNOWS,3\n").as_bytes(),
    );
    validate(d.path())
        .success()
        .stderr(contains("2 nodes, 1 relationships: 0 errors"));
}

#[test]
fn each_breakage_is_reported_with_file_and_line() {
    let cases: &[(&str, &[u8], &str)] = &[
        (
            "unescaped quote",
            b"id:ID,:LABEL,name\np1,Person,\"a\"b\"\n",
            "nodes.csv:2: error: text",
        ),
        (
            "quote in unquoted field",
            b"id:ID,:LABEL,name\np1,Person,a\"b\n",
            "nodes.csv:2: error: quote inside unquoted field",
        ),
        (
            "unquoted comma",
            b"id:ID,:LABEL,name\np1,Person,a,b\n",
            "nodes.csv:2: error: 4 fields but the header has 3",
        ),
        (
            "line break inside a field",
            b"id:ID,:LABEL,name\np1,Person,\"a\nb\"\np2,Person,c\n",
            "nodes.csv:2: error: line break inside quoted field 3",
        ),
        (
            "BOM",
            b"\xEF\xBB\xBFid:ID,:LABEL,name\np1,Person,a\n",
            "nodes.csv:1: error: file starts with a UTF-8 byte order mark",
        ),
        (
            "invalid UTF-8",
            b"id:ID,:LABEL,name\np1,Person,a\np2,Person,\xC3\x28\n",
            "nodes.csv:3: error: invalid UTF-8",
        ),
        (
            "bad int",
            b"id:ID,:LABEL,n:int\np1,Person,3.5\n",
            "nodes.csv:2: error: n: value \"3.5\": not an integer",
        ),
        (
            "bad array element",
            b"id:ID,:LABEL,d:date[]\np1,Person,2024-01-01;soon\n",
            "nodes.csv:2: error: d: array element \"soon\"",
        ),
        (
            "duplicate id",
            b"id:ID,:LABEL,name\np1,Person,a\np1,Person,b\n",
            "nodes.csv:3: error: duplicate :ID \"p1\"",
        ),
        (
            "bad header type",
            b"id:ID,:LABEL,name:text\np1,Person,a\n",
            "nodes.csv:1: error: header column 3 \"name:text\": unknown type",
        ),
        (
            "never-closing quote",
            b"id:ID,:LABEL,name\np1,Person,\"abc\np2,Person,d\n",
            "nodes.csv:2: error: quoted field never closes",
        ),
        (
            "empty label",
            b"id:ID,:LABEL,name\np1,,a\n",
            "nodes.csv:2: error: node without a label",
        ),
    ];
    for (what, text, expect) in cases {
        let d = tempfile::tempdir().expect("tmp");
        write(d.path(), "nodes.csv", text);
        let out = validate(d.path()).failure().code(1);
        let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        assert!(
            stdout.contains(expect),
            "{what}: expected {expect:?} in:\n{stdout}"
        );
    }
}

#[test]
fn dangling_endpoint_is_an_error() {
    let d = tempfile::tempdir().expect("tmp");
    write(
        d.path(),
        "nodes.csv",
        format!("{NODES}p1,Person,a,\n").as_bytes(),
    );
    write(
        d.path(),
        "rels.csv",
        format!("{RELS}p1,p9,KNOWS,1\n").as_bytes(),
    );
    validate(d.path())
        .failure()
        .stdout(contains("rels.csv:2: error: :END_ID \"p9\" does not match"));
}

#[test]
fn missing_folder_and_empty_folder() {
    let d = tempfile::tempdir().expect("tmp");
    validate(d.path())
        .failure()
        .stdout(contains("no *.csv files"));
    validate(&d.path().join("nope"))
        .failure()
        .stderr(contains("not a folder"));
}
