//! `kgextract extract` input handling and output safety, end to end through the binary.

use std::fs;
use std::path::Path;
use std::process::Command as StdCommand;

use assert_cmd::Command;
use predicates::prelude::*;

const ARTICLE: &str = "# 某集团与某银行签署战略合作协议\n\n发布时间: 2024 年 7 月 21 日\n\n\
    某集团董事长在北京出席签约仪式，双方将在绿色金融等领域深化合作，计划投资超#%\\$^&*(百亿元。";

fn kg() -> Command {
    Command::cargo_bin("kgextract").unwrap()
}

fn article(dir: &Path, name: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(&p, ARTICLE).unwrap();
    p
}

/// No `.kgextract-tmp-*` folder is left in `dir`.
fn no_temp_left(dir: &Path) -> bool {
    fs::read_dir(dir).unwrap().flatten().all(|e| {
        !e.file_name()
            .to_string_lossy()
            .starts_with(".kgextract-tmp")
    })
}

#[test]
fn a_folder_is_extracted_into_a_marked_output() {
    let d = tempfile::tempdir().unwrap();
    article(&d.path().join("in"), "a.txt");
    article(&d.path().join("in"), "sub/b.md");
    let out = d.path().join("out");
    kg().args(["extract", "-o"])
        .arg(&out)
        .arg(d.path().join("in"))
        .assert()
        .success()
        .stdout(
            predicate::str::contains("2 documents")
                .and(predicate::str::contains("noise characters removed")),
        );
    assert!(out.join(".kgextract").exists());
    assert!(out.join("warnings.jsonl").exists());
    assert!(no_temp_left(d.path()));
}

#[test]
fn a_missing_input_is_an_error_naming_it() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("out");
    kg().args(["extract", "-o"])
        .arg(&out)
        .arg(d.path().join("no_such_file.txt"))
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("no_such_file.txt")
                .and(predicate::str::contains("No such file")),
        );
    assert!(!out.exists());
    assert!(no_temp_left(d.path()));
}

#[test]
fn binary_input_alone_is_an_error_and_among_others_a_warning() {
    let d = tempfile::tempdir().unwrap();
    let bin = d.path().join("in/blob.txt");
    fs::create_dir_all(bin.parent().unwrap()).unwrap();
    fs::write(&bin, b"\x00\x01\x02binary\x00\xff\xfe").unwrap();
    let out = d.path().join("out");
    kg().args(["extract", "-o"])
        .arg(&out)
        .arg(&bin)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("blob.txt").and(predicate::str::contains("binary")));
    assert!(!out.exists());

    article(&d.path().join("in"), "good.txt");
    kg().args(["extract", "-o"])
        .arg(&out)
        .arg(d.path().join("in"))
        .assert()
        .success()
        .stderr(predicate::str::contains("warning").and(predicate::str::contains("blob.txt")));
    let warnings = fs::read_to_string(out.join("warnings.jsonl")).unwrap();
    assert!(
        warnings.contains("blob.txt") && warnings.contains("binary"),
        "{warnings}"
    );
    kg().args(["extract", "--strict", "-o"])
        .arg(&out)
        .arg(d.path().join("in"))
        .assert()
        .code(3);
}

#[test]
fn empty_inputs() {
    let d = tempfile::tempdir().unwrap();
    let empty = d.path().join("empty.txt");
    fs::write(&empty, "").unwrap();
    let out = d.path().join("out");
    kg().args(["extract", "-o"])
        .arg(&out)
        .arg(&empty)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("empty.txt: is empty"));
    kg().args(["extract", "-", "-o"])
        .arg(&out)
        .write_stdin("")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("stdin: is empty"));
    let empty_dir = d.path().join("nothing");
    fs::create_dir(&empty_dir).unwrap();
    kg().args(["extract", "-o"])
        .arg(&out)
        .arg(&empty_dir)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no .txt or .md files"));
    assert!(!out.exists());
}

#[test]
fn stdin_text_and_published_override() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("out");
    kg().args(["extract", "-", "--published", "2030-01-02", "-o"])
        .arg(&out)
        .write_stdin(ARTICLE)
        .assert()
        .success()
        .stdout(predicate::str::contains("1 documents"));
    let graph = fs::read_to_string(out.join("graph.json")).unwrap();
    assert!(graph.contains("2030-01-02"));
    kg().args(["extract", "--published", "21/07/2024"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM-DD"));
}

#[test]
fn jsonl_from_stdin_and_from_a_file() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("out");
    let rec = serde_json::json!({"id": "r1", "title": "签约", "published": "2024-07-21", "text": ARTICLE});
    let input = format!("{rec}\nnot json\n{{\"id\":\"r2\"}}\n");
    kg().args(["extract", "--jsonl", "-o"])
        .arg(&out)
        .write_stdin(input.clone())
        .assert()
        .success()
        .stdout(predicate::str::contains("1 documents").and(predicate::str::contains("2 warnings")))
        .stderr(
            predicate::str::contains("stdin:2: invalid JSON")
                .and(predicate::str::contains("stdin:3: no \"text\"")),
        );
    let f = d.path().join("docs.jsonl");
    fs::write(&f, &input).unwrap();
    kg().args(["extract", "-o"])
        .arg(&out)
        .arg(&f)
        .assert()
        .success()
        .stderr(predicate::str::contains("docs.jsonl:2: invalid JSON"));
}

/// A UTF-8 JSONL file is streamed line by line; stdin and a file that is not clean UTF-8 are
/// read whole. All give the same export and the same warnings, in the same order (issue 8).
#[test]
fn jsonl_streamed_or_read_whole_gives_the_same_export_and_warnings() {
    let d = tempfile::tempdir().unwrap();
    let rec = |id: &str, text: &str| serde_json::json!({"id": id, "text": text}).to_string();
    let lines = [
        rec("a", ARTICLE),
        String::new(),
        rec("e", "  "),
        "not json".to_string(),
        rec("a", &ARTICLE.replace("北京", "上海")),
        r#"{"id":"x","text":5}"#.to_string(),
    ];
    let plain = lines.join("\n") + "\n";
    let run = |name: &str, args: &[&str], stdin: Option<&str>| {
        let out = d.path().join(name);
        let mut cmd = kg();
        cmd.args(["extract", "--no-render", "-o"])
            .arg(&out)
            .args(args);
        if let Some(s) = stdin {
            cmd.write_stdin(s.to_string());
        }
        cmd.assert().success();
        let json = fs::read_to_string(out.join("graph.json")).unwrap();
        let warnings = fs::read_to_string(out.join("warnings.jsonl")).unwrap();
        (json, warnings)
    };
    let f = d.path().join("docs.jsonl");
    fs::write(&f, &plain).unwrap();
    let file = run("file", &[f.to_str().unwrap()], None);
    let stdin = run("stdin", &["--jsonl"], Some(&plain));
    assert_eq!(file.0, stdin.0);
    assert_eq!(file.1.replace(f.to_str().unwrap(), "stdin"), stdin.1);
    // Parse warnings first, then the records with an empty text (as when parsed whole).
    let order: Vec<&str> = stdin
        .1
        .lines()
        .map(|l| {
            l.split("\"source\":\"")
                .nth(1)
                .unwrap_or("")
                .split('"')
                .next()
                .unwrap_or("")
        })
        .collect();
    assert_eq!(
        order,
        ["stdin:4", "stdin:5", "stdin:6", "stdin:3"],
        "{}",
        stdin.1
    );
    // A BOM and CRLF line ends: streamed, same export.
    let g = d.path().join("bom.jsonl");
    fs::write(&g, format!("\u{FEFF}{}", plain.replace('\n', "\r\n"))).unwrap();
    assert_eq!(run("bom", &[g.to_str().unwrap()], None).0, file.0);
    // One invalid byte in the last line: read whole and decoded with a warning.
    let h = d.path().join("bad.jsonl");
    let mut bytes = plain.clone().into_bytes();
    bytes.extend_from_slice(b"{\"id\":\"z\",\"text\":\"\xff\"}\n");
    fs::write(&h, bytes).unwrap();
    let bad = run("bad", &[h.to_str().unwrap()], None);
    assert!(bad.1.contains("invalid UTF-8"), "{}", bad.1);
}

#[test]
fn a_foreign_folder_is_never_overwritten_without_force() {
    let d = tempfile::tempdir().unwrap();
    let input = article(d.path(), "a.txt");
    let out = d.path().join("precious");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("thesis.docx"), "years of work").unwrap();
    kg().args(["extract", "-o"])
        .arg(&out)
        .arg(&input)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("refusing to replace")
                .and(predicate::str::contains("--force")),
        );
    assert_eq!(
        fs::read_to_string(out.join("thesis.docx")).unwrap(),
        "years of work"
    );
    kg().args(["extract", "--force", "-o"])
        .arg(&out)
        .arg(&input)
        .assert()
        .success();
    assert!(!out.join("thesis.docx").exists() && out.join(".kgextract").exists());
    // Our own export is replaced without --force.
    kg().args(["extract", "-o"])
        .arg(&out)
        .arg(&input)
        .assert()
        .success();
    // A file in the way is refused too.
    let file = d.path().join("file_out");
    fs::write(&file, "x").unwrap();
    kg().args(["extract", "-o"])
        .arg(&file)
        .arg(&input)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is a file"));
    assert!(no_temp_left(d.path()));
}

#[cfg(unix)]
#[test]
fn a_read_only_parent_is_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let d = tempfile::tempdir().unwrap();
    let input = article(d.path(), "a.txt");
    let parent = d.path().join("ro");
    fs::create_dir(&parent).unwrap();
    fs::set_permissions(&parent, fs::Permissions::from_mode(0o555)).unwrap();
    if fs::write(parent.join("probe"), "x").is_ok() {
        eprintln!("note: running as root, a read-only folder is still writable; skipping");
        return;
    }
    kg().args(["extract", "-o"])
        .arg(parent.join("out"))
        .arg(&input)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("cannot create the temporary output folder")
                .and(predicate::str::contains("Permission denied")),
        );
    fs::set_permissions(&parent, fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn stdin_given_twice_is_a_usage_error() {
    kg().args(["extract", "-", "-"])
        .arg("-o")
        .arg(tempfile::tempdir().unwrap().path().join("o"))
        .write_stdin(ARTICLE)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("only once"));
}

#[cfg(unix)]
#[test]
fn sigterm_leaves_the_previous_export_and_no_temp_folder() {
    use std::io::Write;
    use std::time::{Duration, Instant};
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("out");
    let input = article(d.path(), "a.txt");
    kg().args(["extract", "-o"])
        .arg(&out)
        .arg(&input)
        .assert()
        .success();
    let before = fs::read_to_string(out.join("graph.json")).unwrap();

    // A run that blocks reading stdin: the temporary folder exists, nothing is committed yet.
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("kgextract"))
        .args(["extract", "-", "-o"])
        .arg(&out)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all("部分输入".as_bytes()).unwrap();
    let started = Instant::now();
    while no_temp_left(d.path()) {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "temp folder never appeared"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let st = StdCommand::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(st.success());
    let output = child.wait_with_output().unwrap();
    drop(stdin);
    assert_eq!(output.status.code(), Some(130));
    assert!(String::from_utf8_lossy(&output.stderr).contains("interrupted"));
    assert!(no_temp_left(d.path()));
    assert_eq!(fs::read_to_string(out.join("graph.json")).unwrap(), before);
}

#[test]
fn an_unusable_temporary_folder_is_a_clear_error() {
    // The document records wait in a temporary file in $TMPDIR (issue 8).
    let d = tempfile::tempdir().unwrap();
    article(&d.path().join("in"), "a.txt");
    let out = d.path().join("out");
    kg().env("TMPDIR", d.path().join("no_such_folder"))
        .args(["extract", "--no-render", "-o"])
        .arg(&out)
        .arg(d.path().join("in"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "cannot create a temporary file for the document records",
        ));
    assert!(!out.exists());
    assert!(no_temp_left(d.path()));
}
