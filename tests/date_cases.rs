//! Table-driven date cases through the whole pipeline, resolved against a publication date
//! from the header; sentences written for these tests.

use chrono::NaiveDate;
use kgextract::extract::{Attrs, Label, Precision, TimeValue, process};
use kgextract::read::from_bytes;
use kgextract::rules::Rules;

#[path = "util/surface.rs"]
mod surface;
use surface::canon;

fn dates(published: &str, body: &str) -> Vec<(String, TimeValue)> {
    let head = format!("# 测试\n\n发布时间: {published}\n\n");
    let body_start = head.chars().count();
    let text = format!("{head}{body}");
    let doc = from_bytes("t", "t", text.as_bytes()).unwrap();
    process(&doc, Rules::builtin())
        .mentions
        .into_iter()
        .filter(|m| m.label == Label::Date && m.start >= body_start)
        .filter_map(|m| match m.attrs {
            Attrs::Time(t) => Some((m.text, t)),
            _ => None,
        })
        .collect()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

use Precision::*;

/// (published, sentence, surface, date, precision, end)
type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Precision,
    Option<&'static str>,
);

const CASES: &[Case] = &[
    (
        "2024年7月21日",
        "大会于2024年7月21日开幕。",
        "2024年7月21日",
        "2024-07-21",
        Day,
        None,
    ),
    (
        "2024年7月21日",
        "论坛于7 月 20 日在京召开。",
        "7 月 20 日",
        "2024-07-20",
        Day,
        None,
    ),
    (
        "2024年7月21日",
        "签约仪式于2024-07-19举行。",
        "2024-07-19",
        "2024-07-19",
        Day,
        None,
    ),
    (
        "2024年7月21日",
        "数据截至2024.6.30。",
        "2024.6.30",
        "2024-06-30",
        Day,
        None,
    ),
    (
        "2024年7月21日",
        "文件于2024/07/01印发。",
        "2024/07/01",
        "2024-07-01",
        Day,
        None,
    ),
    (
        "2024年7月21日",
        "二〇二四年七月二十一日发布。",
        "二〇二四年七月二十一日",
        "2024-07-21",
        Day,
        None,
    ),
    (
        "2024年7月21日",
        "公司于2022年9月上市。",
        "2022年9月",
        "2022-09-01",
        Month,
        None,
    ),
    (
        "2024年7月21日",
        "2023年，公司营收增长。",
        "2023年",
        "2023-01-01",
        Year,
        None,
    ),
    (
        "2024年7月21日",
        "项目将于2025年底竣工。",
        "2025年底",
        "2025-12-01",
        Month,
        None,
    ),
    (
        "2024年7月21日",
        "2024年上半年营收增长。",
        "2024年上半年",
        "2024-01-01",
        Half,
        None,
    ),
    (
        "2024年7月21日",
        "2024年第三季度财报显示。",
        "2024年第三季度",
        "2024-07-01",
        Quarter,
        None,
    ),
    (
        "2024年7月21日",
        "一季度净利润增长。",
        "一季度",
        "2024-01-01",
        Quarter,
        None,
    ),
    (
        "2025年1月3日",
        "公司于12月30日发布公告。",
        "12月30日",
        "2024-12-30",
        Day,
        None,
    ),
    (
        "2024年7月21日",
        "公司昨日发布公告。",
        "昨日",
        "2024-07-20",
        Day,
        None,
    ),
    (
        "2024年7月16日",
        "今（16）日，大会开幕。",
        "今（16）日",
        "2024-07-16",
        Day,
        None,
    ),
    (
        "2024年7月16日",
        "昨（15）日，双方签约。",
        "昨（15）日",
        "2024-07-15",
        Day,
        None,
    ),
    (
        "2024年7月21日",
        "本月15日召开会议。",
        "本月15日",
        "2024-07-15",
        Day,
        None,
    ),
    (
        "2024年7月21日",
        "上月完成交割。",
        "上月",
        "2024-06-01",
        Month,
        None,
    ),
    (
        "2024年7月21日",
        "今年3月双方达成意向。",
        "今年3月",
        "2024-03-01",
        Month,
        None,
    ),
    (
        "2024年7月21日",
        "去年公司营收增长。",
        "去年",
        "2023-01-01",
        Year,
        None,
    ),
    (
        "2024年7月21日",
        "明年将扩大投资。",
        "明年",
        "2025-01-01",
        Year,
        None,
    ),
    (
        "2024年7月21日",
        "前天双方会谈。",
        "前天",
        "2024-07-19",
        Day,
        None,
    ),
    (
        "2024年7月21日",
        "展会将于11月3日至5日举行。",
        "11月3日至5日",
        "2024-11-03",
        Day,
        Some("2024-11-05"),
    ),
    (
        "2024年7月21日",
        "2023年8月至11月开展试点。",
        "2023年8月至11月",
        "2023-08-01",
        Month,
        Some("2023-11-01"),
    ),
    (
        "2024年9月12日",
        "公司于2024年9月11日召开董事会。同日，公司召开临时股东大会。",
        "同日",
        "2024-09-11",
        Day,
        None,
    ),
    (
        "2024年7月21日",
        "签约仪式于6月30日举行，次日项目正式开工。",
        "次日",
        "2024-07-01",
        Day,
        None,
    ),
];

#[test]
fn same_day_words_need_a_day_before_them() {
    // no header, no date before: 同日 says nothing
    let doc = from_bytes("t", "t", "同日，公司召开临时股东大会。".as_bytes()).unwrap();
    let ex = process(&doc, Rules::builtin());
    assert!(
        ex.mentions.iter().all(|m| m.label != Label::Date),
        "{:?}",
        ex.mentions
    );
    // a year is no day: 同日 after `2024年` stays unresolved
    let got = dates("2024年7月21日", "2024年，公司营收增长。");
    assert!(got.iter().all(|(t, _)| t != "同日"), "{got:?}");
}

#[test]
fn dates_table() {
    let mut bad = Vec::new();
    for (pubd, s, surface, date, prec, end) in CASES {
        let got = dates(pubd, s);
        let want = TimeValue::Date {
            date: d(date),
            precision: *prec,
            end: end.map(d),
        };
        if !got
            .iter()
            .any(|(t, v)| canon(t) == canon(surface) && *v == want)
        {
            bad.push(format!("{s}: want {surface} {want:?}; got {got:?}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn periods() {
    for (s, surface) in [
        ("未来三年将投资百亿元。", "未来三年"),
        ("三年内完成改造。", "三年内"),
        ("近五年营收翻番。", "近五年"),
    ] {
        let got = dates("2024年7月21日", s);
        assert!(
            got.iter()
                .any(|(t, v)| canon(t) == canon(surface) && matches!(v, TimeValue::Period { .. })),
            "{s}: {got:?}"
        );
    }
}

#[test]
fn not_dates() {
    for s in [
        "2024年13月45日",
        "2月30日",
        "公司成立于上世纪80年代。",
        "中华文明有5000多年历史。",
        "建成5G基站。",
        "营收增长12%。",
        "比分为2-1。",
        "价格为300日元。",
        "身份证号140302197706220124。",
    ] {
        let got = dates("2024年7月21日", s);
        assert!(got.is_empty(), "{s}: {got:?}");
    }
}

#[test]
fn relative_dates_need_a_publication_date() {
    let doc = from_bytes("t", "t", "论坛于7月20日召开，昨日闭幕。".as_bytes()).unwrap();
    let ex = process(&doc, Rules::builtin());
    assert!(
        ex.mentions.iter().all(|m| m.label != Label::Date),
        "{:?}",
        ex.mentions
    );
}
