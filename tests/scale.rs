//! Steps that must stay linear in document length (issue 8): each test builds a document
//! where a quadratic step would take minutes even in release, and stays quick in debug.

use kgextract::extract::{Label, process};
use kgextract::read;
use kgextract::rules::Rules;

/// A single-line document with many `时间` keys: the header looks for a date after each one,
/// and must parse a bounded prefix, not the rest of the (one) line each time.
#[test]
fn header_keys_on_one_huge_line() {
    let mut s = String::from("发布时间：无");
    for _ in 0..20_000 {
        s.push_str("会议时间另行通知，请各单位做好准备工作并及时反馈意见，谢谢配合。");
    }
    let t0 = std::time::Instant::now();
    let doc = read::from_bytes("d", "d", s.as_bytes()).unwrap();
    assert_eq!(doc.header.published, None);
    assert!(
        t0.elapsed().as_secs() < 60,
        "header took {:?}",
        t0.elapsed()
    );
    let dated = "发布时间：无，时间： 2024 年 7 月 21 日 上午";
    let doc = read::from_bytes("d", "d", dated.as_bytes()).unwrap();
    assert_eq!(
        doc.header.published.map(|d| d.to_string()).as_deref(),
        Some("2024-07-21")
    );
}

/// Many distinct confirmed names, each repeated later: repeats are found in one pass over the
/// text (not one search per name), with the same results.
#[test]
fn many_names_each_repeated() {
    let surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄"];
    let given = [
        "建国", "海涛", "志强", "明远", "卫东", "晓峰", "德华", "国平", "红梅", "立新",
    ];
    let mut names = Vec::new();
    for s in surnames {
        for g in given {
            names.push(format!("{s}{g}"));
        }
    }
    let mut text = String::from("# 名单\n\n");
    for n in &names {
        text.push_str(&format!("公司董事长{n}出席会议。"));
    }
    // Long enough that the one-pass automaton (not the few-names shortcut) does the search.
    text.push_str(&"本次会议在北京召开。".repeat(600));
    for n in &names {
        text.push_str(&format!("随后{n}发言。"));
    }
    let doc = read::from_bytes("d", "d", text.as_bytes()).unwrap();
    let ex = process(&doc, Rules::builtin());
    let mut found = 0;
    for n in &names {
        let hits = ex
            .mentions
            .iter()
            .filter(|m| m.label == Label::Person && &m.name == n)
            .count();
        // A name the rules confirm in the first half is found again in the second.
        if hits > 0 {
            found += 1;
            assert_eq!(hits, 2, "{n}: {hits} mentions");
        }
    }
    assert!(found >= names.len() / 2, "only {found} names found");
    assert!(
        ex.mentions
            .iter()
            .any(|m| m.label == Label::Person && m.rule.0 == "person.repeat")
    );
}

/// A "sentence" of 200 KB (a page run together, commas only): events are still read in it —
/// in parts, so the argument search stays linear — and no fact cites the whole sentence as its
/// evidence, only a window around its own text (the export would otherwise grow with
/// facts × length).
#[test]
fn long_sentence_is_read_in_parts_with_evidence_windows() {
    use kgextract::extract::{EventKind, RelType};
    let companies = ["润华", "星桥", "汇通", "中科", "博远", "天成", "金石"];
    let mut text = String::from("# 长句\n\n");
    let mut i = 0;
    while text.len() < 200 * 1024 {
        let (a, b) = (companies[i % 7], companies[(i / 7) % 7]);
        text.push_str(&format!(
            "{a}科技有限公司与{b}数据有限公司在杭州签署战略合作协议，合同金额{}万元，",
            100 + i
        ));
        i += 1;
    }
    let doc = read::from_bytes("d", "d", text.as_bytes()).unwrap();
    let ex = process(&doc, Rules::builtin());
    let signings = ex
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Signing)
        .count();
    assert!(signings > 0, "no signing read in the long sentence");
    assert!(ex.relations.iter().any(|r| r.rel == RelType::Signed));
    let longest = ex.sentences.iter().map(String::len).max().unwrap_or(0);
    assert!(
        longest < 16 * 1024,
        "an evidence sentence of {longest} bytes: the whole long sentence is cited"
    );
    // Every relation's evidence sentence is kept (a window).
    for r in &ex.relations {
        assert!(
            ex.sentences
                .get(r.evidence.sentence)
                .is_some_and(|s| !s.is_empty()),
            "relation {:?} cites no text",
            r.rel
        );
    }
}
