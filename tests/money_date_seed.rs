//! The seed article: the amounts and dates issue 4 names, and nothing from `5G`.
//!
//! Reads `../shared/seed/000_851f9dfa7178c61b.txt` (or `/work/shared/seed/…`) and skips with a
//! note when it is absent, so `cargo test` passes without `shared/`.

use kgextract::extract::{Attrs, Label, Precision, Qualifier, TimeValue, process};
use kgextract::read::from_bytes;
use kgextract::rules::Rules;

const SEED: &str = "seed/000_851f9dfa7178c61b.txt";

fn seed_text() -> Option<Vec<u8>> {
    let roots = [
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/"),
        "/work/shared/",
    ];
    roots
        .iter()
        .find_map(|r| std::fs::read(format!("{r}{SEED}")).ok())
}

#[test]
fn seed_amounts_and_dates() {
    let Some(bytes) = seed_text() else {
        eprintln!("note: seed article not found; skipping");
        return;
    };
    let doc = from_bytes("seed", SEED, &bytes).expect("seed decodes");
    let ex = process(&doc, Rules::builtin());
    let amounts: Vec<_> = ex
        .mentions
        .iter()
        .filter(|m| m.label == Label::Amount)
        .filter_map(|m| match &m.attrs {
            Attrs::Amount(a) => Some((m.text.as_str(), a.clone())),
            _ => None,
        })
        .collect();
    let find = |pred: &dyn Fn(&str) -> bool| amounts.iter().find(|(t, _)| pred(t)).cloned();

    let (_, a) = find(&|t| t == "超过三百亿元").expect("超过三百亿元");
    assert_eq!(
        (a.qualifier, a.value, a.min, a.max),
        (Qualifier::MoreThan, 3e10, Some(3e10), None)
    );
    assert_eq!(a.currency, "CNY");

    let (_, a) = find(&|t| t.ends_with("千亿元")).expect("超千亿元");
    assert_eq!(a.value, 1e11);
    // With the noise run removed by normalization this reads 超千亿元: more than 10^11.
    if amounts.iter().any(|(t, _)| *t == "超千亿元") {
        assert_eq!(a.qualifier, Qualifier::MoreThan);
    }

    let (_, a) = find(&|t| t == "百亿级").expect("百亿级");
    assert_eq!(
        (a.qualifier, a.min, a.max),
        (Qualifier::Level, Some(1e10), Some(1e11))
    );
    assert_eq!(a.currency, "CNY");

    let (_, a) =
        find(&|t| t.starts_with("不低于") && t.ends_with("亿元")).expect("不低于 300 亿元");
    assert_eq!((a.qualifier, a.min), (Qualifier::AtLeast, Some(3e10)));

    for m in &ex.mentions {
        if matches!(m.label, Label::Amount | Label::Date) {
            assert!(!m.text.contains("5G"), "a value from 5G: {m:?}");
        }
    }

    let dates: Vec<_> = ex
        .mentions
        .iter()
        .filter(|m| m.label == Label::Date)
        .filter_map(|m| match &m.attrs {
            Attrs::Time(t) => Some((m.text.as_str(), t.clone())),
            _ => None,
        })
        .collect();
    let day = |y, mo, d| chrono::NaiveDate::from_ymd_opt(y, mo, d).unwrap();
    let has_day = |want| {
        dates.iter().any(|(_, t)| {
            matches!(t, TimeValue::Date { date, precision: Precision::Day, end: None } if *date == want)
        })
    };
    assert!(has_day(day(2024, 7, 21)), "publication date: {dates:?}");
    assert!(
        has_day(day(2024, 7, 20)),
        "forum date 7 月 20 日: {dates:?}"
    );
    assert!(
        dates
            .iter()
            .any(|(t, v)| t.starts_with("未来三年") && matches!(v, TimeValue::Period { .. })),
        "未来三年 as a period: {dates:?}"
    );
}
