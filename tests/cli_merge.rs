//! `kgextract merge`: the bundled samples extracted in shards and merged give the same export,
//! byte for byte, as one run over all of them (issue 8), for several ways of sharding.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn kg() -> Command {
    Command::cargo_bin("kgextract").unwrap()
}

fn samples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt"))
        .collect();
    v.sort();
    v
}

fn extract(inputs: &[PathBuf], root: &Path, name: &str) -> PathBuf {
    let input = root.join(format!("{name}_in"));
    std::fs::create_dir_all(&input).unwrap();
    for f in inputs {
        std::fs::copy(f, input.join(f.file_name().unwrap())).unwrap();
    }
    let out = root.join(name);
    kg().arg("extract")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .arg("--no-render")
        .assert()
        .success();
    out
}

/// `kgextract merge SHARDS -o OUT --no-render`, which must succeed.
fn merge(shards: &[PathBuf], out: &Path) -> assert_cmd::assert::Assert {
    kg().arg("merge")
        .args(shards)
        .arg("-o")
        .arg(out)
        .arg("--no-render")
        .assert()
        .success()
}

/// Every file of two export folders, compared byte for byte.
fn assert_same_export(a: &Path, b: &Path) {
    let files = |d: &Path| {
        let mut v: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    assert_eq!(files(a), files(b));
    for f in files(a) {
        let (x, y) = (
            std::fs::read(a.join(&f)).unwrap(),
            std::fs::read(b.join(&f)).unwrap(),
        );
        assert!(
            x == y,
            "{f} differs between the single run and the merged shards"
        );
    }
}

/// Shards of every bundled sample, round-robin into 3 and given in reverse order, merge to the
/// export of one run over all of them.
#[test]
fn sharded_samples_merge_to_the_single_run_export() {
    let files = samples();
    assert!(files.len() >= 3, "the bundled samples are missing");
    let root = tempfile::tempdir().unwrap();
    assert_shards_merge_to_single(&files, 3, root.path(), "rr3");
}

/// One document per shard, the extreme of sharding: every cross-document merge happens in
/// `kgextract merge`. A spread of 16 samples (every k-th one) keeps this at 17 runs of the debug
/// binary instead of one per sample (each run builds the lexicon automata, ≈ 0.7 s in debug).
#[test]
fn one_sample_per_shard_merges_to_the_single_run_export() {
    let all = samples();
    let step = all.len().div_ceil(16).max(1);
    let files: Vec<PathBuf> = all.into_iter().step_by(step).collect();
    assert!(files.len() >= 3, "the bundled samples are missing");
    let root = tempfile::tempdir().unwrap();
    assert_shards_merge_to_single(&files, files.len(), root.path(), "each");
}

/// Extracts `files` once whole and once as `k` round-robin shards (given to `merge` in reverse
/// order), and asserts the merged export equals the single run's, file by file.
fn assert_shards_merge_to_single(files: &[PathBuf], k: usize, root: &Path, name: &str) {
    let single = extract(files, root, &format!("{name}_single"));
    let mut shards = Vec::new();
    for s in 0..k {
        let part: Vec<PathBuf> = files.iter().skip(s).step_by(k).cloned().collect();
        shards.push(extract(&part, root, &format!("{name}{s}")));
    }
    shards.reverse();
    let merged = root.join(format!("{name}_merged"));
    merge(&shards, &merged).stdout(predicate::str::contains(format!("merged {k} shards")));
    assert_same_export(&single, &merged);
}

#[test]
fn merge_errors_name_the_shard() {
    let root = tempfile::tempdir().unwrap();
    let missing = root.path().join("nope");
    kg().arg("merge")
        .arg(&missing)
        .arg("-o")
        .arg(root.path().join("out"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nope"));
    assert!(!root.path().join("out").exists(), "no half-written output");
    kg().arg("merge")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("DIR"));
}

/// An amount written in Traditional characters in one shard (`5億元`) and in Simplified ones in
/// another (`5亿元`) is one amount, merged by key as in a single run (and recorded so).
#[test]
fn one_amount_in_two_scripts_merges_by_key_as_in_one_run() {
    let root = tempfile::tempdir().unwrap();
    let src = root.path().join("src");
    std::fs::create_dir_all(&src).unwrap();
    let a = src.join("a.md");
    let b = src.join("b.md");
    std::fs::write(
        &a,
        "# 甲\n\n发布时间: 2024 年 7 月 21 日\n\n星海科技股份有限公司与蓝湾集团有限公司签署合作协议，合同金额5亿元。\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        "# 乙\n\n發布時間: 2024 年 7 月 22 日\n\n遠岫科技股份有限公司與星澄集團有限公司簽署合作協議，合同金額5億元。\n",
    )
    .unwrap();
    let single = extract(&[a.clone(), b.clone()], root.path(), "single");
    let merges = std::fs::read_to_string(single.join("merges.jsonl")).unwrap();
    assert!(merges.contains("\"reason\":\"same_key\""), "{merges}");
    let shards = [
        extract(&[b], root.path(), "sb"),
        extract(&[a], root.path(), "sa"),
    ];
    let merged = root.path().join("merged");
    merge(&shards, &merged);
    assert_same_export(&single, &merged);
}

/// A form merged by key inside one shard is logged with the first document of all shards that
/// wrote it, as in one run: `5億元` written in a.md (one shard) and in b.md beside `5亿元` in
/// c.md (another shard) is logged for a.md, not for b.md.
#[test]
fn a_form_merged_in_one_shard_is_logged_with_the_first_document_of_all() {
    let root = tempfile::tempdir().unwrap();
    let src = root.path().join("src");
    std::fs::create_dir_all(&src).unwrap();
    let texts = [
        (
            "a.md",
            "# 甲\n\n發布時間: 2024 年 7 月 20 日\n\n遠岫科技股份有限公司與星澄集團有限公司簽署合作協議，合同金額5億元。\n",
        ),
        (
            "b.md",
            "# 乙\n\n發布時間: 2024 年 7 月 21 日\n\n青禾科技股份有限公司與藍灣集團有限公司簽署合作協議，合同金額5億元。\n",
        ),
        (
            "c.md",
            "# 丙\n\n发布时间: 2024 年 7 月 22 日\n\n星海科技股份有限公司与澄溪集团有限公司签署合作协议，合同金额5亿元。\n",
        ),
    ];
    let mut paths = Vec::new();
    for (name, text) in texts {
        let p = src.join(name);
        std::fs::write(&p, text).unwrap();
        paths.push(p);
    }
    let single = extract(&paths, root.path(), "single");
    let merges = std::fs::read_to_string(single.join("merges.jsonl")).unwrap();
    assert!(
        merges.contains("\"name\":\"5億元\"") && merges.contains("\"doc\":\"a.md\""),
        "{merges}"
    );
    let shards = [
        extract(&paths[1..], root.path(), "sbc"),
        extract(&paths[..1], root.path(), "sa"),
    ];
    let merged = root.path().join("merged");
    merge(&shards, &merged);
    assert_same_export(&single, &merged);
}
