//! A reader that stops early (`kgextract rules | head`) closes stdout. The commands that print a
//! report must end normally then, not panic with "failed printing to stdout: Broken pipe".

use std::process::{Command, Stdio};

#[path = "util/cli.rs"]
mod cli;
use cli::fixture;

/// Run `kgextract ARGS…` with a stdout pipe whose reading end is closed before the command
/// writes; return its exit status and stderr.
fn with_closed_stdout(args: &[&str]) -> (std::process::ExitStatus, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kgextract"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    (
        out.status,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn rules_listing_into_a_closed_pipe() {
    let (status, stderr) = with_closed_stdout(&["rules"]);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(status.success(), "{stderr}");
}

#[test]
fn eval_report_into_a_closed_pipe() {
    let gold = fixture("ner_small.jsonl");
    for extra in [&[][..], &["--json"][..]] {
        let mut args = vec!["eval", "ner", gold.as_str()];
        args.extend_from_slice(extra);
        let (status, stderr) = with_closed_stdout(&args);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(status.success(), "{args:?}: {stderr}");
    }
}

#[test]
fn extract_summary_into_a_closed_pipe_keeps_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    std::fs::write(&input, "华章科技董事长周启航表示，公司将加大投入。\n").unwrap();
    let out = dir.path().join("out");
    let (status, stderr) = with_closed_stdout(&[
        "extract",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--no-render",
    ]);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(status.success(), "{stderr}");
    assert!(out.join("graph.json").is_file());
}
