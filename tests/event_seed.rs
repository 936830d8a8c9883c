//! The seed article must yield exactly its events (issue 5). Skips when `shared/` is absent.
//!
//! `hand_marked` commits the names, places, amounts and dates by hand (on the normalized
//! text), so it checks the event logic alone; `full_pipeline` runs every family and asserts
//! the same facts. Facts that depend on another family are asserted only once that family
//! delivers their input (each such place says which), so a regression there shows up in that
//! family's tests, not as a silent pass here.

use std::path::PathBuf;

use chrono::NaiveDate;
use kgextract::extract::describe::fact_lines;
use kgextract::extract::{
    AnnotatedDoc, Attrs, Candidate, Label, Money, Precision, Qualifier, TimeValue, commit,
    event::extract_events,
};
use kgextract::rules::{RuleId, Rules};

/// The rule id of hand-committed mentions.
const MARK: &str = "test.mark";

fn seed() -> Option<String> {
    let rel = "seed/000_851f9dfa7178c61b.txt";
    for base in [
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/"),
        "/work/shared/",
    ] {
        let p = PathBuf::from(base).join(rel);
        if let Ok(t) = std::fs::read_to_string(&p) {
            return Some(t);
        }
    }
    eprintln!("note: seed article not found; skipping");
    None
}

fn money(v: f64, q: Qualifier) -> Attrs {
    Attrs::Amount(Money {
        value: v,
        min: Some(v),
        max: None,
        currency: "CNY".into(),
        qualifier: q,
    })
}

#[test]
fn hand_marked() {
    let Some(text) = seed() else { return };
    let doc = kgextract::read::from_bytes("seed", "seed", text.as_bytes()).unwrap();
    let norm = kgextract::normalize::normalize(&doc);
    let sents = kgextract::segment::segment(&norm);
    let mut ad = AnnotatedDoc::new(&doc, &norm, &sents);
    let day = |d| {
        Attrs::Time(TimeValue::Date {
            date: NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap(),
            precision: Precision::Day,
            end: None,
        })
    };
    let marks: Vec<(Label, &str, Attrs)> = vec![
        (Label::Organization, "中国联通", Attrs::None),
        (
            Label::Location,
            "京",
            Attrs::Location {
                canonical: "北京".into(),
            },
        ),
        (Label::Role, "董事长", Attrs::None),
        (Label::Role, "副总经理", Attrs::None),
        (Label::Role, "经济学家", Attrs::None),
        (Label::Role, "创投企业家", Attrs::None),
        (Label::Person, "陈忠岳", Attrs::None),
        (Label::Person, "曹兴信", Attrs::None),
        (Label::Person, "华生", Attrs::None),
        (Label::Person, "靳海涛", Attrs::None),
        (Label::Date, "7月20日", day("2024-07-20")),
        (
            Label::Amount,
            "超过三百亿元",
            money(3e10, Qualifier::MoreThan),
        ),
        (Label::Amount, "超千亿元", money(1e11, Qualifier::MoreThan)),
        (Label::Amount, "百亿级", money(1e10, Qualifier::Level)),
        (
            Label::Amount,
            "不低于300亿元",
            money(3e10, Qualifier::AtLeast),
        ),
    ];
    let mut cands = Vec::new();
    for (l, s, a) in &marks {
        for (i, _) in norm.text.match_indices(s) {
            let mut c = Candidate::new(*l, i..i + s.len(), RuleId(MARK), 1).with_attrs(a.clone());
            if let Attrs::Location { canonical } = a {
                c.canonical = Some(canonical.clone());
            }
            cands.push(c);
        }
    }
    commit(&mut ad, cands);
    extract_events(&mut ad, Rules::builtin());
    check(&ad, true);
}

#[test]
fn full_pipeline() {
    let Some(text) = seed() else { return };
    let doc = kgextract::read::from_bytes("seed", "seed", text.as_bytes()).unwrap();
    let norm = kgextract::normalize::normalize(&doc);
    let sents = kgextract::segment::segment(&norm);
    let mut ad = AnnotatedDoc::new(&doc, &norm, &sents);
    kgextract::extract::run(&mut ad, Rules::builtin());
    // Depends on the date family: the forum's `7月20日` must be a Date mention.
    let dated = ad
        .mentions
        .iter()
        .any(|m| m.label == Label::Date && m.text.contains("7月20日"));
    if !dated {
        eprintln!("note: the date family gives no date for 7月20日 yet; dates not asserted");
    }
    check(&ad, dated);
}

/// The issue-5 facts of the seed article, and no noise.
fn check(ad: &AnnotatedDoc, dated: bool) {
    let out = fact_lines(ad);
    let out: Vec<String> = if dated {
        out
    } else {
        out.into_iter()
            .map(|l| match l.find(" @") {
                Some(i) if !l.contains("->") => l[..i].to_string(),
                _ => l,
            })
            .collect()
    };
    let at = if dated { " @2024-07-20" } else { "" };
    let forum = "[中国联通合作伙伴大会-产投融合论坛]";
    let expected = [
        format!("Forum 中国联通合作伙伴大会-产投融合论坛{at}"),
        format!("中国联通 -ORGANIZED-> {forum}"),
        format!("陈忠岳 -SPOKE_AT-> {forum}"),
        format!("曹兴信 -SPOKE_AT{{title=新智新业新力 共享共创共赢}}-> {forum}"),
        format!("华生 -ATTENDED-> {forum}"),
        format!("靳海涛 -ATTENDED-> {forum}"),
        format!("Signing 网络安全产业基金合作签约{at}"),
        format!("Signing 战略合作项目投资意向签约{at}"),
        format!("Signing 资本生态合作签约{at}"),
        format!("[网络安全产业基金合作签约] -PART_OF-> {forum}"),
        format!("[战略合作项目投资意向签约] -PART_OF-> {forum}"),
        format!("[资本生态合作签约] -PART_OF-> {forum}"),
        "中国联通 -SIGNED-> [网络安全产业基金合作签约]".into(),
        "中国联通 -SIGNED-> [战略合作项目投资意向签约]".into(),
        "中国联通 -SIGNED-> [资本生态合作签约]".into(),
        format!("Launch 联通战新产业母基金焕新发布{at}"),
        "中国联通 -LAUNCHED-> [联通战新产业母基金焕新发布]".into(),
        "[联通战新产业母基金焕新发布] -HAS_AMOUNT{about=规模}-> 百亿级".into(),
        "[联通战新产业母基金焕新发布] -HAS_AMOUNT{about=总规模}-> 不低于300亿元".into(),
        format!("{forum} -LOCATED_IN-> 北京"),
        format!("[联通战新产业母基金焕新发布] -PART_OF-> {forum}"),
    ];
    for e in &expected {
        assert!(out.contains(e), "missing {e:?} in\n{}", out.join("\n"));
    }
    // One investment event with both amounts.
    let inv: Vec<_> = out
        .iter()
        .filter(|l| l.starts_with("Investment "))
        .collect();
    assert_eq!(inv.len(), 1, "{}", out.join("\n"));
    // The name, without the ` @未来三年内` period.
    let inv_name = inv[0].trim_start_matches("Investment ");
    let inv_name = inv_name.split(" @").next().unwrap_or(inv_name).to_string();
    for (about, a) in [("投资额", "超过三百亿元"), ("带动社会资本", "超千亿元")]
    {
        let l = format!("[{inv_name}] -HAS_AMOUNT{{about={about}}}-> {a}");
        assert!(out.contains(&l), "missing {l:?} in\n{}", out.join("\n"));
    }
    assert!(out.contains(&format!("中国联通 -INVESTED-> [{inv_name}]")));
    // No noise: exactly these events.
    let events: Vec<_> = ad.events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(events.len(), 6, "{}", out.join("\n"));
    assert!(
        !out.iter()
            .any(|l| l == &format!("陈忠岳 -ATTENDED-> {forum}"))
    );
}
