//! Hostile input (issue 9): one test per kind of bad input, each running the real binary.
//!
//! Every test checks the same promises, in this order:
//! 1. no panic (no `panicked` on stderr, never exit code 101);
//! 2. a bad document is named — on stderr and in `output/warnings.jsonl` — when it is skipped;
//! 3. the rest of the batch is exported;
//! 4. the exit code is the documented one: 0 ok, 1 error, 2 usage, 3 partial with `--strict`;
//! 5. whatever was exported is valid: JSON parses, every CSV has rectangular rows without line
//!    breaks inside fields, typed CSV columns (`:double`, `:int`, `:date`) parse, amounts are
//!    finite with `min <= max`, ISO dates are real calendar dates, `graph.dot` renders.
//!
//! Why here and not in unit tests: these failures live between stages (a reader error that the
//! CLI turns into a panic, a name that the exporter does not quote), so only the whole binary
//! shows them. Tests that exercise a bug not yet fixed in another stage are `#[ignore]`d with a
//! reason starting `BUG(<owner>)`; run them with `cargo test --test hostile -- --ignored`.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;

// ------------------------------------------------------------------------------------------
// helpers

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn kgx() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kgextract"));
    c.env("RUST_BACKTRACE", "0")
        .timeout(Duration::from_secs(300));
    c
}

fn run(args: &[&std::ffi::OsStr]) -> Run {
    let out = kgx().args(args).output().expect("kgextract starts");
    let r = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !r.stderr.contains("panicked") && r.code != 101,
        "kgextract panicked (exit {}):\n{}",
        r.code,
        r.stderr
    );
    assert!(
        r.code >= 0,
        "kgextract was killed or timed out:\nstdout: {}\nstderr: {}",
        r.stdout,
        r.stderr
    );
    r
}

/// `kgextract extract INPUTS... -o OUT [extra]`.
fn extract(inputs: &[&Path], out: &Path, extra: &[&str]) -> Run {
    let mut args: Vec<&std::ffi::OsStr> = vec!["extract".as_ref()];
    args.extend(inputs.iter().map(|p| p.as_os_str()));
    args.push("-o".as_ref());
    args.push(out.as_os_str());
    args.extend(extra.iter().map(|s| std::ffi::OsStr::new(*s)));
    run(&args)
}

/// A short, clean article whose file name will show up in the export (Document node).
fn good_article(title: &str) -> String {
    format!(
        "# {title}\n\n发布时间: 2024 年 5 月 8 日\n\n5 月 7 日，星河测试科技有限公司与青松数据股份有限公司在杭州签署战略合作框架协议。\
星河测试科技有限公司董事长周明远出席签约仪式，双方计划共同投资约 3.2 亿元。\n"
    )
}

/// Every file of the export, concatenated (lossy), for "is it in there" checks.
fn export_text(out: &Path) -> String {
    let mut s = String::new();
    for e in walk(out) {
        if let Ok(b) = fs::read(&e) {
            s.push_str(&String::from_utf8_lossy(&b));
            s.push('\n');
        }
    }
    s
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut v = Vec::new();
    let Ok(rd) = fs::read_dir(dir) else {
        return v;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            v.extend(walk(&p));
        } else {
            v.push(p);
        }
    }
    v.sort();
    v
}

/// The document (by file name) made it into the export.
fn assert_exported(out: &Path, name: &str) {
    let t = export_text(out);
    assert!(
        t.contains(name),
        "{name} is not in the export at {}",
        out.display()
    );
}

/// The document was skipped *and said so*: named on stderr and in warnings.jsonl.
fn assert_warned(r: &Run, out: &Path, name: &str) {
    assert!(
        r.stderr.contains(name),
        "stderr does not name {name}:\n{}",
        r.stderr
    );
    let w = fs::read_to_string(out.join("warnings.jsonl")).unwrap_or_default();
    assert!(
        w.contains(name),
        "warnings.jsonl does not name {name}:\n{w}"
    );
    for line in w.lines() {
        serde_json::from_str::<serde_json::Value>(line)
            .unwrap_or_else(|e| panic!("warnings.jsonl line is not JSON ({e}): {line}"));
    }
}

/// Either exported, or skipped with a warning naming it — never silently dropped.
fn assert_exported_or_warned(r: &Run, out: &Path, name: &str) -> bool {
    let warnings = fs::read_to_string(out.join("warnings.jsonl")).unwrap_or_default();
    if warnings.contains(name) {
        assert_warned(r, out, name);
        false
    } else {
        assert_exported(out, name);
        true
    }
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

fn valid_date(s: &str) -> bool {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

/// Every file of an export is well-formed and every value is sane.
fn assert_export_valid(out: &Path) {
    for p in walk(out) {
        let name = p
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let bytes = fs::read(&p).expect("export file readable");
        if name.ends_with(".csv") {
            check_csv(&p, &bytes);
        } else if name.ends_with(".json") {
            let v: serde_json::Value = serde_json::from_slice(&bytes)
                .unwrap_or_else(|e| panic!("{}: not JSON: {e}", p.display()));
            check_json_values(&p, &v);
        } else if name.ends_with(".jsonl") {
            for (i, line) in String::from_utf8_lossy(&bytes).lines().enumerate() {
                serde_json::from_str::<serde_json::Value>(line)
                    .unwrap_or_else(|e| panic!("{}:{}: not JSON: {e}", p.display(), i + 1));
            }
        } else if name.ends_with(".dot") {
            check_dot(&p, &bytes);
        } else if name.ends_with(".graphml") {
            check_xml(&p, &bytes);
        }
    }
    // The project's own checker, once it exists.
    let has_validate = kgx()
        .args(["validate", "--help"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if has_validate
        && walk(out)
            .iter()
            .any(|p| p.extension().is_some_and(|e| e == "csv"))
    {
        let r = run(&["validate".as_ref(), out.as_os_str()]);
        assert_eq!(
            r.code, 0,
            "kgextract validate rejects the export:\n{}{}",
            r.stdout, r.stderr
        );
    }
}

fn check_csv(p: &Path, bytes: &[u8]) {
    assert!(
        !bytes.starts_with(b"\xEF\xBB\xBF"),
        "{}: CSV must not start with a BOM",
        p.display()
    );
    let mut rdr = csv::ReaderBuilder::new().flexible(false).from_reader(bytes);
    let headers = rdr
        .headers()
        .unwrap_or_else(|e| panic!("{}: bad CSV header: {e}", p.display()))
        .clone();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.unwrap_or_else(|e| panic!("{}: bad CSV record {}: {e}", p.display(), i + 1));
        for (h, f) in headers.iter().zip(rec.iter()) {
            assert!(
                !f.contains('\n') && !f.contains('\r'),
                "{}: record {}: line break inside field {h}: {f:?}",
                p.display(),
                i + 1
            );
            if f.is_empty() {
                continue;
            }
            if h.ends_with(":double") || h.ends_with(":float") {
                let v: f64 = f.parse().unwrap_or_else(|_| {
                    panic!(
                        "{}: record {}: {h} = {f:?} is not a number",
                        p.display(),
                        i + 1
                    )
                });
                assert!(v.is_finite(), "{}: {h} = {f} is not finite", p.display());
            } else if h.ends_with(":int") || h.ends_with(":long") {
                f.parse::<i64>().unwrap_or_else(|_| {
                    panic!(
                        "{}: record {}: {h} = {f:?} is not an int",
                        p.display(),
                        i + 1
                    )
                });
            } else if h.ends_with(":date") {
                assert!(
                    valid_date(f),
                    "{}: record {}: {h} = {f:?} is not a valid date",
                    p.display(),
                    i + 1
                );
            }
        }
        // Amount bounds.
        let get = |col: &str| {
            headers
                .iter()
                .position(|h| h == col)
                .and_then(|k| rec.get(k))
                .and_then(|v| v.parse::<f64>().ok())
        };
        if let (Some(lo), Some(hi)) = (get("min:double"), get("max:double")) {
            assert!(
                lo <= hi,
                "{}: record {}: min {lo} > max {hi}",
                p.display(),
                i + 1
            );
        }
    }
}

fn check_json_values(p: &Path, v: &serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Object(m) => {
            let num = |k: &str| m.get(k).and_then(Value::as_f64);
            let is_amount = m.get("label").and_then(Value::as_str) == Some("Amount");
            if is_amount {
                assert!(
                    m.get("value").is_none_or(|x| x.is_number()),
                    "{}: Amount with a non-numeric value (NaN/inf written as null?): {v}",
                    p.display()
                );
            }
            if let (Some(lo), Some(hi)) = (num("min"), num("max")) {
                assert!(lo <= hi, "{}: min {lo} > max {hi} in {v}", p.display());
            }
            for x in m.values() {
                check_json_values(p, x);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| check_json_values(p, x)),
        Value::String(s) if is_iso_date(s) => {
            assert!(valid_date(s), "{}: invalid date {s:?}", p.display())
        }
        _ => {}
    }
}

/// Quotes balance on every line (an unescaped `"` inside a label breaks the DOT grammar), and
/// Graphviz accepts the file when it is installed.
fn check_dot(p: &Path, bytes: &[u8]) {
    let s = String::from_utf8_lossy(bytes);
    let mut in_str = false;
    let mut esc = false;
    for c in s.chars() {
        match (in_str, esc, c) {
            (true, true, _) => esc = false,
            (true, false, '\\') => esc = true,
            (_, false, '"') => in_str = !in_str,
            _ => {}
        }
    }
    assert!(!in_str, "{}: unbalanced quotes", p.display());
    if let Ok(o) = std::process::Command::new("dot")
        .arg("-Tsvg")
        .arg(p)
        .arg("-o")
        .arg("/dev/null")
        .output()
    {
        assert!(
            o.status.success(),
            "{}: dot rejects it: {}",
            p.display(),
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

/// Minimal well-formedness: no raw `<`/`&` inside attribute values or text, tags balance.
fn check_xml(p: &Path, bytes: &[u8]) {
    let s = String::from_utf8_lossy(bytes);
    let mut depth: i64 = 0;
    let mut rest: &str = &s;
    while let Some(i) = rest.find('<') {
        let text = &rest[..i];
        assert_amp_ok(p, text);
        let Some(j) = rest[i..].find('>') else {
            panic!("{}: unterminated tag", p.display());
        };
        let tag = &rest[i + 1..i + j];
        assert!(
            !tag.contains('<'),
            "{}: raw '<' inside a tag: {tag}",
            p.display()
        );
        assert_amp_ok(p, tag);
        if tag.starts_with('?') || tag.starts_with('!') {
        } else if tag.starts_with('/') {
            depth -= 1;
        } else if !tag.ends_with('/') {
            depth += 1;
        }
        rest = &rest[i + j + 1..];
    }
    assert_eq!(depth, 0, "{}: unbalanced tags", p.display());
}

fn assert_amp_ok(p: &Path, s: &str) {
    for (i, _) in s.match_indices('&') {
        let ent = &s[i..];
        let ok = ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#"]
            .iter()
            .any(|e| ent.starts_with(e));
        assert!(
            ok,
            "{}: raw '&' in XML: {:?}",
            p.display(),
            &ent[..ent.len().min(20)]
        );
    }
}

fn is_root() -> bool {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .and_then(|l| l.split_whitespace().nth(2).map(|u| u == "0"))
        })
        .unwrap_or(false)
}

// ------------------------------------------------------------------------------------------
// the hostile inputs

/// Invalid UTF-8 bytes in the middle of an otherwise UTF-8 article. Acceptable: decoded with
/// replacement (and exported), or skipped with a warning naming the file. Not acceptable: a
/// panic, a silent drop, or losing the good neighbour.
#[test]
fn invalid_utf8_in_the_middle_of_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    fs::create_dir(&inp).unwrap();
    fs::write(inp.join("a_good.md"), good_article("好文章")).unwrap();
    let mut bad = good_article("坏字节").into_bytes();
    let mid = bad.len() / 2;
    let mid = (mid..bad.len())
        .find(|&i| std::str::from_utf8(&bad[..i]).is_ok())
        .unwrap();
    bad.splice(mid..mid, [0xFF, 0xFE, 0xC3, 0x28, 0xA0, 0xA1]);
    fs::write(inp.join("b_bad_utf8.md"), &bad).unwrap();
    let out = dir.path().join("out");

    let r = extract(&[&inp], &out, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_exported(&out, "a_good.md");
    let kept = assert_exported_or_warned(&r, &out, "b_bad_utf8.md");
    assert_export_valid(&out);
    // What the reader documents: a mostly-UTF-8 file is decoded with U+FFFD for the bad bytes,
    // exported, and a warning names the file and the byte offset of the first bad sequence.
    let titles = csv_column_values(&out.join("nodes_document.csv"), &["title"]);
    assert!(
        titles.iter().any(|t| t == "坏字节"),
        "b_bad_utf8.md was dropped instead of decoded: {titles:?}\n{}",
        r.stderr
    );
    assert_warned(&r, &out, "b_bad_utf8.md");
    let warnings = fs::read_to_string(out.join("warnings.jsonl")).unwrap_or_default();
    let line = warnings
        .lines()
        .find(|l| l.contains("b_bad_utf8.md"))
        .unwrap_or_else(|| panic!("no warning for b_bad_utf8.md:\n{warnings}"));
    assert!(line.contains(&format!("byte {mid}")), "{line}");
    // the text on both sides of the bad bytes is still there
    let names = csv_column_values(&out.join("nodes_organization.csv"), &["name"]);
    assert!(
        names.iter().any(|n| n == "青松数据股份有限公司"),
        "{names:?}"
    );

    // With --strict a skipped document makes the run partial (3); a decoded one does not.
    let out2 = dir.path().join("out2");
    let r = extract(&[&inp], &out2, &["--strict"]);
    assert_eq!(r.code, if kept { 0 } else { 3 }, "{}", r.stderr);
    assert_exported(&out2, "a_good.md");
}

/// One folder holding UTF-8, UTF-8 with BOM, UTF-16LE/BE with BOM, GBK and Big5 files. Each must
/// be decoded to the same title (issue 2: encodings detected and decoded).
#[test]
fn mixed_encodings_in_one_folder() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    fs::create_dir(&inp).unwrap();
    let simp = good_article("编码测试简体");
    let trad = "# 編碼測試繁體\n\n發布日期：2024 年 10 月 15 日\n\n晶創科技股份有限公司今（14）日於臺北與恒達資本管理有限公司簽署策略合作協議，規模新臺幣 30 億元。\n";
    fs::write(inp.join("u8.md"), &simp).unwrap();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(simp.replace("简体", "带BOM").as_bytes());
    fs::write(inp.join("u8bom.md"), bom).unwrap();
    let mut u16le = vec![0xFF, 0xFE];
    for u in simp.replace("简体", "UTF16LE").encode_utf16() {
        u16le.extend_from_slice(&u.to_le_bytes());
    }
    fs::write(inp.join("u16le.txt"), u16le).unwrap();
    let mut u16be = vec![0xFE, 0xFF];
    for u in simp.replace("简体", "UTF16BE").encode_utf16() {
        u16be.extend_from_slice(&u.to_be_bytes());
    }
    fs::write(inp.join("u16be.txt"), u16be).unwrap();
    let gbk_text = simp.replace("简体", "国标码");
    let (gbk, _, bad) = encoding_rs::GBK.encode(&gbk_text);
    assert!(!bad);
    fs::write(inp.join("gbk.txt"), &gbk).unwrap();
    let (big5, _, bad) = encoding_rs::BIG5.encode(trad);
    assert!(!bad);
    fs::write(inp.join("big5.txt"), &big5).unwrap();
    let out = dir.path().join("out");

    let r = extract(&[&inp], &out, &["--strict"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let t = export_text(&out);
    for title in [
        "编码测试简体",
        "编码测试带BOM",
        "编码测试UTF16LE",
        "编码测试UTF16BE",
        "编码测试国标码",
        "編碼測試繁體",
    ] {
        assert!(
            t.contains(title),
            "title {title} not decoded into the export"
        );
    }
    assert!(
        !t.contains('\u{FFFD}'),
        "replacement characters in the export"
    );
    assert_export_valid(&out);
}

/// A 50 MB article on one line (no sentence-ending newline at all). Must neither take minutes
/// (no quadratic step) nor blow up memory. Slow in a debug build, so ignored by default:
/// `cargo test --release --test hostile -- --ignored fifty`.
#[test]
#[ignore = "slow in debug builds (about a minute or more); run with --release -- --ignored"]
fn fifty_megabyte_single_line() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    fs::create_dir(&inp).unwrap();
    let unit =
        "润华能源集团有限公司董事长蒋卫东表示，双方将在杭州共同投资约3.2亿元#%^&*建设数据平台。";
    let mut s = String::from("# 超长单行\n\n");
    while s.len() < 50 * 1024 * 1024 {
        s.push_str(unit);
    }
    fs::write(inp.join("huge.md"), &s).unwrap();
    fs::write(inp.join("small.md"), good_article("小文章")).unwrap();
    let out = dir.path().join("out");
    let t0 = std::time::Instant::now();
    let r = extract(&[&inp], &out, &[]);
    let secs = t0.elapsed().as_secs_f64();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_exported(&out, "small.md");
    assert_exported_or_warned(&r, &out, "huge.md");
    let limit = if cfg!(debug_assertions) { 600.0 } else { 120.0 };
    assert!(secs < limit, "50 MB line took {secs:.0} s");
    assert_export_valid(&out);
}

/// One sentence of `bytes` bytes (commas only, no 。 and no line break) telling many distinct
/// facts: 80 people, 49 companies, six cities and a new amount in every clause, with PDF noise.
fn giant_sentence(bytes: usize) -> String {
    const SURNAMES: [&str; 8] = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄"];
    const GIVEN: [&str; 10] = [
        "建国", "海涛", "志强", "明远", "卫东", "晓峰", "德华", "国平", "红梅", "立新",
    ];
    const WORDS: [&str; 7] = ["润华", "星桥", "汇通", "中科", "博远", "天成", "金石"];
    const CITIES: [&str; 6] = ["杭州", "南京", "成都", "武汉", "西安", "苏州"];
    let mut s = String::from("# 超长句子\n\n");
    let mut i = 0usize;
    while s.len() < bytes {
        s.push_str(&format!(
            "{}{}能源集团有限公司董事长{}{}表示，双方将在{}共同投资约{}万元#%^&*建设数据平台，",
            WORDS[i % 7],
            WORDS[(i / 7) % 7],
            SURNAMES[(i / 3) % 8],
            GIVEN[(i / 5) % 10],
            CITIES[i % 6],
            1000 + i
        ));
        i += 1;
    }
    s
}

/// CPU time this thread has run, in seconds: the scheduler's own count
/// (`/proc/thread-self/schedstat`, nanoseconds on a CPU), so the time spent waiting for a core
/// on a loaded machine (other tests, other builds) is not counted. `None` where the file is
/// missing (not Linux).
fn thread_cpu_seconds() -> Option<f64> {
    let stat = fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}

/// Extract, build the graph and render the JSON export of one document in this process:
/// (seconds, export bytes). The seconds are this thread's CPU time (the pipeline runs on the
/// calling thread), wall-clock time where that is not available.
fn pipeline(text: &str) -> (f64, usize) {
    let (t0, cpu0) = (std::time::Instant::now(), thread_cpu_seconds());
    let doc = kgextract::read::from_bytes("sentence.md", "sentence.md", text.as_bytes())
        .expect("a valid document");
    let ex = kgextract::extract::process(&doc, kgextract::rules::Rules::builtin());
    let kg = kgextract::graph::KnowledgeGraph::build(vec![ex]);
    let json = kgextract::export::json::to_json(&kg).to_string();
    let secs = match (cpu0, thread_cpu_seconds()) {
        (Some(a), Some(b)) => b - a,
        _ => t0.elapsed().as_secs_f64(),
    };
    (secs, json.len())
}

/// One long *sentence* (commas only, no 。 and no line break): no step may be quadratic in the
/// sentence length — neither extraction (argument search around every trigger) nor the export
/// (an edge's evidence sentence repeated for every fact in it). Checked by scaling, not by a
/// wall-clock limit that flakes on a loaded machine: 4× the text may take at most 9× the time
/// (linear: 4×, quadratic: 16×) and make at most 6× the export. The time is the thread's CPU
/// time, the best of three runs, and the small text is 128 KiB (≈ 0.1 s: timer and cache
/// noise are a small part of it; at 48 KiB and wall-clock time a loaded machine made 4× the
/// text look 12–14× slower). The CLI must also export a 48 KiB sentence.
#[test]
fn one_giant_sentence_is_not_quadratic() {
    const SMALL: usize = 128 * 1024;
    let (small, large) = (giant_sentence(SMALL), giant_sentence(4 * SMALL));
    let _ = kgextract::rules::Rules::builtin(); // built once, outside the timings
    let best = |text: &str| {
        let (mut t, size) = pipeline(text);
        for _ in 0..2 {
            t = t.min(pipeline(text).0);
        }
        (t, size)
    };
    let (t_small, size_small) = best(&small);
    let (t_large, size_large) = best(&large);
    let (time_ratio, size_ratio) = (t_large / t_small, size_large as f64 / size_small as f64);
    assert!(
        size_ratio < 6.0,
        "4× the sentence made {size_ratio:.1}× the export ({size_small} → {size_large} bytes)"
    );
    assert!(
        time_ratio < 9.0,
        "4× the sentence took {time_ratio:.1}× the time ({t_small:.2} s → {t_large:.2} s)"
    );
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    fs::create_dir(&inp).unwrap();
    // (the CLI check needs no large text: its exports and their validation take seconds)
    fs::write(inp.join("sentence.md"), giant_sentence(48 * 1024)).unwrap();
    let out = dir.path().join("out");
    let r = extract(&[&inp], &out, &["--no-render"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_exported(&out, "sentence.md");
    assert_export_valid(&out);
    eprintln!(
        "giant sentence: {t_small:.2} s → {t_large:.2} s ({time_ratio:.1}×), export {size_small} → {size_large} bytes ({size_ratio:.1}×)"
    );
}

/// A file with nothing but conversion noise and page markers: a document with no facts, not
/// an error, and no noise leaking into the export.
#[test]
fn file_of_only_noise() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    fs::create_dir(&inp).unwrap();
    let noise = "#%\\$^&*(&%^*……%&￥……(*)<PAGE_DIV>\\( \\mathrm{} \\)".repeat(500);
    fs::write(inp.join("noise.md"), &noise).unwrap();
    fs::write(inp.join("good.md"), good_article("正常")).unwrap();
    let out = dir.path().join("out");
    let r = extract(&[&inp], &out, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_exported(&out, "good.md");
    assert_exported_or_warned(&r, &out, "noise.md");
    // No entity, value, event or relationship carries noise (document titles are checked in
    // `a_noise_line_is_not_a_title`).
    let t = entity_text(&out);
    for leak in ["PAGE_DIV", "&%^", "……%&", "\\mathrm"] {
        assert!(!t.contains(leak), "noise {leak:?} leaked into the export");
    }
    assert_export_valid(&out);
}

/// Everything of the export except Document nodes: the node/relationship CSVs (not
/// `nodes_document.csv`) and the non-Document nodes and edges of `graph.json`.
fn entity_text(out: &Path) -> String {
    let mut s = String::new();
    for p in walk(out) {
        let name = p
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_lowercase();
        if name.ends_with(".csv") && !name.contains("document") {
            s.push_str(&fs::read_to_string(&p).unwrap_or_default());
        }
    }
    if let Ok(b) = fs::read(out.join("graph.json"))
        && let Ok(v) = serde_json::from_slice::<serde_json::Value>(&b)
    {
        for n in v["nodes"].as_array().into_iter().flatten() {
            if n["label"].as_str() != Some("Document") {
                s.push_str(&n.to_string());
            }
        }
        for e in v["edges"].as_array().into_iter().flatten() {
            s.push_str(&e.to_string());
        }
    }
    s
}

/// A first line of pure noise that happens to start with `#` is not a `# title` line, and a
/// title never carries conversion noise or page markers.
/// A `# ` line holding a whole article is cut to a bounded title.
#[test]
fn a_noise_line_is_not_a_title() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    fs::create_dir(&inp).unwrap();
    let noise = "#%\\$^&*(&%^*……%&￥……(*)<PAGE_DIV>".repeat(50);
    fs::write(inp.join("noise.md"), format!("{noise}\n正文。\n")).unwrap();
    fs::write(
        inp.join("noisy_title.md"),
        "# 星河科技#%\\$^&*(签约<PAGE_DIV>仪式\n\n正文。\n",
    )
    .unwrap();
    fs::write(
        inp.join("one_line.md"),
        format!(
            "# 长标题{}\n",
            "星河科技签约仪式在杭州举行。".repeat(20_000)
        ),
    )
    .unwrap();
    let out = dir.path().join("out");
    let r = extract(&[&inp], &out, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let t = export_text(&out);
    for leak in ["PAGE_DIV", "&%^", "……%&"] {
        assert!(!t.contains(leak), "noise {leak:?} leaked into a title");
    }
    let titles = csv_column_values(&out.join("nodes_document.csv"), &["title"]);
    assert!(
        titles.iter().any(|x| x == "星河科技签约仪式"),
        "the noisy title was not cleaned: {titles:?}"
    );
    assert!(
        titles
            .iter()
            .all(|x| !x.starts_with('#') && x.chars().count() <= 201),
        "{titles:?}"
    );
    assert!(
        titles
            .iter()
            .any(|x| x.starts_with("长标题") && x.ends_with('…'))
    );
}

/// 10 000 page markers, some splitting names and amounts, some back to back.
#[test]
fn ten_thousand_page_div_markers() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    fs::create_dir(&inp).unwrap();
    let mut s = String::from("# 分页标记\n\n发布时间: 2024 年 7 月 21 日\n\n");
    for i in 0..2500 {
        s.push_str(
            "星河测试科技有限公司董事长周<PAGE_DIV>明远表示，公司将投资超3<PAGE_DIV>00亿元。",
        );
        s.push_str("<PAGE_DIV><PAGE_DIV> \n");
        if i % 100 == 0 {
            s.push('\n');
        }
    }
    assert_eq!(s.matches("<PAGE_DIV>").count(), 10_000);
    fs::write(inp.join("pages.md"), &s).unwrap();
    let out = dir.path().join("out");
    let r = extract(&[&inp], &out, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_exported(&out, "pages.md");
    let t = export_text(&out);
    assert!(
        !t.contains("PAGE_DIV"),
        "a page marker leaked into the export"
    );
    assert_export_valid(&out);
}

/// A 100-digit number before 亿元 (and friends): no overflow panic, no `inf`/`NaN` amount.
#[test]
fn hundred_digit_number_before_yi_yuan() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    fs::create_dir(&inp).unwrap();
    let hundred: String = "1234567890".repeat(10);
    let body = format!(
        "# 巨额\n\n发布时间: 2024 年 7 月 21 日\n\n星河测试科技有限公司宣布投资{hundred}亿元。\
又称将投资超{hundred}万亿元，约{hundred}.{hundred}亿美元，以及九千九百九十九万亿亿亿元。\
另有 {} 亿元和 {}元，以及 1e308 亿元、0.{}亿元。\n",
        "9".repeat(400),
        "9".repeat(330),
        "0".repeat(400)
    );
    fs::write(inp.join("huge_number.md"), body).unwrap();
    let out = dir.path().join("out");
    let r = extract(&[&inp], &out, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_exported(&out, "huge_number.md");
    let t = export_text(&out);
    for bad in ["inf", "NaN", "Infinity"] {
        assert!(
            !t.split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| w == bad),
            "{bad} in the export"
        );
    }
    assert_export_valid(&out);
}

/// Dates that do not exist: 13th month, 45th day, 30 February, 29 February of a common year,
/// year zero. No panic; no invalid date in the export.
#[test]
fn impossible_calendar_dates() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    fs::create_dir(&inp).unwrap();
    let body = "# 错误日期\n\n发布时间: 2024 年 13 月 45 日\n\n\
论坛于 2024年13月45日在沪召开。双方于2月30日签署协议，并于2023年2月29日完成交割。\
会议定于 0000年0月0日 举行，项目于 2024-02-30 启动，2024.13.01 结束，9999年99月99日 验收。\
今（45）日，星河测试科技有限公司宣布于32日举行发布会。\n";
    fs::write(inp.join("bad_dates.md"), body).unwrap();
    fs::write(inp.join("good.md"), good_article("日期正常")).unwrap();
    let out = dir.path().join("out");
    let r = extract(&[&inp], &out, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_exported(&out, "good.md");
    assert_exported(&out, "bad_dates.md");
    let t = export_text(&out);
    for bad in [
        "2024-13-45",
        "2024-02-30",
        "2023-02-29",
        "0000-00-00",
        "2024-13-01",
    ] {
        assert!(!t.contains(bad), "invalid date {bad} in the export");
    }
    assert_export_valid(&out);
}

/// Quotes, commas, semicolons (the Neo4j array delimiter), backslashes and newlines in names:
/// in the file name (which becomes the document id/path), in the title and in entity names.
/// CSV, DOT, GraphML and JSON must stay valid.
#[test]
fn names_with_quotes_commas_semicolons_backslashes_newlines() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    fs::create_dir(&inp).unwrap();
    let body = "# 标题\"带引号\",逗号;分号\\反斜杠 <b>&amp;</b> {花括号}\n\n发布时间: 2024 年 7 月 21 日\n\n\
5 月 7 日，Acme, \"Quoted\"; Ltd.\\有限公司（以下简称“阿克\"米”）与星河;测试,科技\\有限公司签署战略合作框架协议。\
阿克\"米董事长周明远表示，双方将共同投资约 3.2 亿元。\n";
    let weird = "a\"b,c;d\\e\nf<g>&h.md";
    fs::write(inp.join(weird), body).unwrap();
    fs::write(inp.join("good.md"), good_article("正常")).unwrap();
    let out = dir.path().join("out");
    let r = extract(&[&inp], &out, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_exported(&out, "good.md");
    assert_export_valid(&out);
    // The hostile document is in the export, its title and path intact once the CSV is parsed
    // (a line break may become a space: CSV fields for neo4j-admin hold none).
    let docs = csv_column_values(&out.join("nodes_document.csv"), &["path", "title"]);
    assert!(
        docs.iter()
            .any(|v| v.contains("a\"b,c;d\\e") && v.contains("f<g>&h.md")),
        "the document path did not survive: {docs:?}"
    );
    // (a lone `\\` between two Chinese characters of running text is conversion noise and is
    // cleaned from the title like from the text; the path keeps it)
    let title = "标题\"带引号\",逗号;分号反斜杠<b>&amp;</b> {花括号}";
    assert!(
        docs.iter().any(|v| v == title),
        "the title did not survive: {docs:?}"
    );
    // The same title in the JSON (parsed) and in the GraphML (unescaped).
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("graph.json")).unwrap()).unwrap();
    fn has_string(v: &serde_json::Value, s: &str) -> bool {
        match v {
            serde_json::Value::String(x) => x == s,
            serde_json::Value::Array(a) => a.iter().any(|x| has_string(x, s)),
            serde_json::Value::Object(m) => m.values().any(|x| has_string(x, s)),
            _ => false,
        }
    }
    assert!(has_string(&json, title), "JSON lost the title");
    let graphml = fs::read_to_string(out.join("graph.graphml")).unwrap();
    let unescaped = graphml
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    assert!(unescaped.contains(title), "GraphML lost the title");
}

/// The values of the named columns of a CSV export file, parsed by a CSV reader.
fn csv_column_values(p: &Path, cols: &[&str]) -> Vec<String> {
    let mut rdr = csv::Reader::from_path(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    let headers = rdr.headers().unwrap().clone();
    let idx: Vec<usize> = headers
        .iter()
        .enumerate()
        .filter(|(_, h)| cols.contains(h))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(
        idx.len(),
        cols.len(),
        "{}: columns {cols:?} missing",
        p.display()
    );
    rdr.records()
        .flatten()
        .flat_map(|r| {
            idx.iter()
                .filter_map(|&i| r.get(i).map(str::to_string))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Symlink loops (a folder linking to its parent, a file linking to itself) and dangling links
/// in an input folder: each reported by name, the rest exported, no endless walk.
#[test]
fn symlink_loops_in_input_folder() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    fs::create_dir_all(inp.join("sub")).unwrap();
    fs::write(inp.join("good.md"), good_article("正常")).unwrap();
    fs::write(inp.join("sub/inner.md"), good_article("子目录")).unwrap();
    symlink(&inp, inp.join("sub/loop_to_root")).unwrap();
    symlink("self_loop.md", inp.join("self_loop.md")).unwrap();
    symlink("nowhere.md", inp.join("dangling.md")).unwrap();
    let out = dir.path().join("out");
    let r = extract(&[&inp], &out, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_exported(&out, "good.md");
    assert_exported(&out, "inner.md");
    for name in ["loop_to_root", "self_loop.md", "dangling.md"] {
        assert!(
            r.stderr.contains(name),
            "{name} not reported:\n{}",
            r.stderr
        );
    }
    let r = extract(&[&inp], &dir.path().join("out2"), &["--strict"]);
    assert_eq!(r.code, 3, "{}", r.stderr);
}

/// The walk must not hang or crash on symlink loops even before they are reported by name.
#[test]
fn symlink_loops_do_not_hang_or_drop_the_batch() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    fs::create_dir_all(inp.join("sub")).unwrap();
    fs::write(inp.join("good.md"), good_article("正常")).unwrap();
    symlink(&inp, inp.join("sub/loop_to_root")).unwrap();
    symlink("self_loop.md", inp.join("self_loop.md")).unwrap();
    let out = dir.path().join("out");
    let r = extract(&[&inp], &out, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_exported(&out, "good.md");
    // The loop must not make the same document appear twice under another path.
    assert!(!export_text(&out).contains("loop_to_root/good.md"));
}

/// Files that cannot be read: permission 000 (only meaningful when not root — root reads
/// anything), a link to /proc/self/mem (EIO on read, even for root), a FIFO (reading would
/// block forever) and a directory named like an article. The batch goes on, each is named.
#[test]
fn unreadable_files_in_input_folder() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    fs::create_dir(&inp).unwrap();
    fs::write(inp.join("good.md"), good_article("正常")).unwrap();
    symlink("/proc/self/mem", inp.join("eio.md")).unwrap();
    fs::create_dir(inp.join("folder.md")).unwrap();
    let fifo = inp.join("pipe.md");
    let made_fifo = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    let locked = inp.join("locked.md");
    fs::write(&locked, good_article("锁住")).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();

    let out = dir.path().join("out");
    let r = extract(&[&inp], &out, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_exported(&out, "good.md");
    assert_warned(&r, &out, "eio.md");
    if !is_root() {
        assert_warned(&r, &out, "locked.md");
    }
    if made_fifo {
        // not read (it would block): skipped with a warning naming it
        assert_warned(&r, &out, "pipe.md");
    }
    let r = extract(&[&inp], &dir.path().join("out2"), &["--strict"]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o644)).unwrap();
}

/// Make a FIFO at `p`; false when `mkfifo` is not available.
fn mkfifo(p: &Path) -> bool {
    std::process::Command::new("mkfifo")
        .arg(p)
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// A FIFO named on the command line is a stream the user asked for (like stdin, or
/// `<(zcat a.txt.gz)`): it is read to the end and exported, next to a regular file. (With no
/// writer it waits, as `cat` does — documented in the README; not tested, it would hang.)
#[test]
fn fifo_given_as_input_is_read_like_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.md");
    if !mkfifo(&fifo) {
        eprintln!("note: mkfifo not available; skipped");
        return;
    }
    let good = dir.path().join("good.md");
    fs::write(&good, good_article("正常")).unwrap();
    // The writer blocks in open() until kgextract opens the FIFO for reading; a detached
    // thread, so a kgextract that never opens it fails the test by timeout, not by hanging.
    let writer_path = fifo.clone();
    std::thread::spawn(move || {
        if let Ok(mut f) = fs::OpenOptions::new().write(true).open(&writer_path) {
            use std::io::Write;
            let _ = f.write_all(good_article("管道文章").as_bytes());
        }
    });
    let out = dir.path().join("out");
    let o = kgx()
        .timeout(Duration::from_secs(60))
        .args([
            "extract".as_ref(),
            good.as_os_str(),
            fifo.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        o.status.code(),
        Some(0),
        "hung or failed on a FIFO:\n{stderr}"
    );
    assert_exported(&out, "good.md");
    assert_exported(&out, "pipe.md");
    assert!(
        export_text(&out).contains("管道文章"),
        "the FIFO's text was not read"
    );
    assert_export_valid(&out);
}

/// A FIFO (or one reached through a symlink) inside an input folder is skipped with a warning
/// naming it — reading it could block the whole batch — and `--strict` reports the skip.
#[test]
fn fifo_in_a_folder_is_skipped_with_a_warning() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    fs::create_dir(&inp).unwrap();
    fs::write(inp.join("good.md"), good_article("正常")).unwrap();
    let outside = dir.path().join("elsewhere.fifo");
    if !mkfifo(&inp.join("pipe.md")) || !mkfifo(&outside) {
        eprintln!("note: mkfifo not available; skipped");
        return;
    }
    symlink(&outside, inp.join("linked_pipe.txt")).unwrap();
    let out = dir.path().join("out");
    let r = extract(&[&inp], &out, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_exported(&out, "good.md");
    assert_warned(&r, &out, "pipe.md");
    assert_warned(&r, &out, "linked_pipe.txt");
    assert!(r.stderr.contains("not a regular file"), "{}", r.stderr);
    let r = extract(&[&inp], &dir.path().join("out2"), &["--strict"]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert_exported(&dir.path().join("out2"), "good.md");
}

/// An output folder where nothing can be written: exit 1, a message naming the path, nothing
/// left behind, the input untouched.
#[test]
fn output_folder_on_a_read_only_path() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    fs::create_dir(&inp).unwrap();
    fs::write(inp.join("good.md"), good_article("正常")).unwrap();
    let before = fs::read(inp.join("good.md")).unwrap();

    // /sys refuses new entries even for root.
    let target = Path::new("/sys/kgextract-hostile-test-out");
    let r = extract(&[&inp], target, &[]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains("/sys"),
        "the error does not name the output path:\n{}",
        r.stderr
    );
    assert!(!target.exists());

    // A read-only folder (only binding when not root).
    if !is_root() {
        use std::os::unix::fs::PermissionsExt;
        let ro = dir.path().join("ro");
        fs::create_dir(&ro).unwrap();
        fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
        let r = extract(&[&inp], &ro.join("out"), &[]);
        assert_eq!(r.code, 1, "{}", r.stderr);
        assert!(r.stderr.contains("ro"), "{}", r.stderr);
        fs::set_permissions(&ro, fs::Permissions::from_mode(0o755)).unwrap();
    }
    assert_eq!(
        fs::read(inp.join("good.md")).unwrap(),
        before,
        "input modified"
    );
}

/// `-o` naming an existing regular file: refused (exit 1), the file untouched.
#[test]
fn output_path_that_is_an_existing_file_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("good.md");
    fs::write(&inp, good_article("正常")).unwrap();
    let target = dir.path().join("precious.txt");
    fs::write(&target, "do not touch").unwrap();
    let r = extract(&[&inp], &target, &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("precious.txt"), "{}", r.stderr);
    assert_eq!(fs::read_to_string(&target).unwrap(), "do not touch");
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".kgextract-tmp")
        })
        .collect();
    assert!(leftovers.is_empty(), "temporary folder left behind");
}

/// A binary file and an empty file in a batch; `--strict` turns the skip into exit 3.
#[test]
fn binary_and_empty_files_in_a_batch() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    fs::create_dir(&inp).unwrap();
    fs::write(inp.join("good.md"), good_article("正常")).unwrap();
    fs::write(inp.join("empty.md"), b"").unwrap();
    let mut bin = b"\x7fELF\x02\x01\x01\0\0\0".to_vec();
    bin.extend((0..4096u32).map(|i| (i * 7 % 256) as u8));
    fs::write(inp.join("program.txt"), &bin).unwrap();

    let out = dir.path().join("out");
    let r = extract(&[&inp], &out, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_exported(&out, "good.md");
    assert_warned(&r, &out, "program.txt");
    assert_exported_or_warned(&r, &out, "empty.md");
    assert_export_valid(&out);

    let r = extract(&[&inp], &dir.path().join("out2"), &["--strict"]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert_exported(&dir.path().join("out2"), "good.md");
}

/// Documented exit codes for usage errors and missing inputs.
#[test]
fn exit_codes_usage_and_missing_input() {
    let r = run(&["extract".as_ref(), "--no-such-flag".as_ref()]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let r = run(&["no-such-command".as_ref()]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("does_not_exist.md");
    let r = extract(&[&missing], &dir.path().join("out"), &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("does_not_exist.md"), "{}", r.stderr);
    assert!(
        !dir.path().join("out").exists(),
        "output written despite the error"
    );
}

/// A failed run leaves the previous export exactly as it was.
#[test]
fn a_failed_run_keeps_the_previous_export() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("good.md");
    fs::write(&inp, good_article("正常")).unwrap();
    let out = dir.path().join("out");
    let r = extract(&[&inp], &out, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let before = export_text(&out);
    let r = extract(&[&dir.path().join("missing.md")], &out, &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(export_text(&out), before, "the previous export changed");
}

/// kgextract never modifies its input.
#[test]
fn input_is_never_modified() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    fs::create_dir(&inp).unwrap();
    fs::write(inp.join("a.md"), good_article("甲")).unwrap();
    fs::write(inp.join("b.md"), "#%\\$^&*(<PAGE_DIV>\u{FEFF}乙\r\n").unwrap();
    let snapshot = |d: &Path| -> Vec<(PathBuf, Vec<u8>)> {
        walk(d)
            .into_iter()
            .map(|p| {
                let b = fs::read(&p).unwrap();
                (p, b)
            })
            .collect()
    };
    let before = snapshot(&inp);
    let r = extract(&[&inp], &dir.path().join("out"), &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(snapshot(&inp), before);
}

/// Regression: a skipped file was named twice (`warning: a.txt: a.txt: invalid UTF-8 …`) because
/// the CLI prefixed the path to a reader message that already starts with it.
#[test]
fn issue_9_warning_names_the_file_once() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    fs::create_dir(&inp).unwrap();
    fs::write(inp.join("good.md"), good_article("正常")).unwrap();
    fs::write(inp.join("zz_binary.txt"), b"ab\0\0cd").unwrap();
    let out = dir.path().join("out");
    let r = extract(&[&inp], &out, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let line = r
        .stderr
        .lines()
        .find(|l| l.contains("zz_binary.txt"))
        .unwrap_or_else(|| panic!("no warning for zz_binary.txt:\n{}", r.stderr));
    assert_eq!(line.matches("zz_binary.txt").count(), 1, "{line}");
    let w = fs::read_to_string(out.join("warnings.jsonl")).unwrap();
    let v: serde_json::Value = serde_json::from_str(w.lines().next().unwrap()).unwrap();
    assert!(v["source"].as_str().unwrap().ends_with("zz_binary.txt"));
    assert!(
        !v["message"].as_str().unwrap().contains("zz_binary.txt"),
        "{v}"
    );
}
