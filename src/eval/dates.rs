//! `kgextract eval dates FILE.tsv`: date extraction against `times.tsv`
//! (`text  expected  reference_time  source  notes`).
//!
//! Which rows count — a rule on the expected value, not a choice of rows:
//! - Duckling rows whose expected value is a `datetime` or `datetimeInterval` (not a
//!   `datetimeHoliday…`) of grain Day, Month, Quarter or Year. Clock times (Hour, Minute,
//!   Second grains) and weeks are left out.
//! - JioNLP rows of type `time_point`/`time_span`, definition `accurate`, whose bounds are
//!   whole days (`… 00:00:00` to `… 23:59:59`) and are not one Monday–Sunday week. Blurred
//!   expressions, durations (`time_delta`), recurrences (`time_period`) and clock times are
//!   left out.
//! - In both, rows whose text names a holiday, a solar term, a season or a lunar-calendar
//!   date ([`HOLIDAY_TERMS`]) are left out: the extractor does not resolve holidays or the
//!   lunar calendar (that needs astronomical tables), and news names the dates of events.
//!
//! Rows where our reading differs from the gold on purpose (documented in
//! `schema/rules/date.toml`, `date.relative`) stay counted as failures: `下周三` (Wednesday of
//! next week, not Duckling's coming Wednesday), `这周一` (Monday of this week), `两天前` /
//! `三天后` / `两个月前` / `三年后` (the point that far away, not the stretch in between).
//! Other known misses: lunar dates written without a marker (`五月廿二`, `二月十五`), bare
//! numbers (`2018`, `24年`, `2/15`, ambiguous with counts and fractions in running text),
//! JioNLP's `ret_future` rows (we resolve year-less dates toward the past, as news reports),
//! `本月初` (JioNLP: days 1–5; we give the month), durations (`17天内`, a period).
//!
//! Each counted row becomes a document whose publication date is the row's reference time
//! (its calendar date; JioNLP unix times are read in UTC+8 as its tests assume), the whole
//! pipeline runs, and the longest date mention is compared, as an inclusive range of days
//! ([`day_range`]), with the expected range (Duckling's interval ends are exclusive and are
//! moved back by one grain).

use std::io::Read;

use chrono::{Datelike, Months, NaiveDate};

use super::tsv::{Failure, ValueReport, field, limited, read_headed};
use crate::extract::date::day_range;
use crate::extract::{Attrs, Label, TimeValue};
use crate::rules::Rules;

/// Texts containing one of these are holidays, solar terms, seasons or lunar dates (not
/// counted; see the module doc).
pub const HOLIDAY_TERMS: &[&str] = &[
    "节", "節", "国庆", "國慶", "元旦", "元宵", "端午", "中秋", "除夕", "大年", "春节", "农历",
    "農曆", "阴历", "陰曆", "腊月", "臘月", "正月", "闰", "閏", "初一", "初二", "初三", "初四",
    "初五", "初六", "初七", "初八", "初九", "初十", "初8", "冬至", "夏至", "大寒", "小寒", "芒种",
    "立春", "立秋", "清明", "谷雨", "春分", "秋分", "霜降", "季春", "年春", "年夏", "年秋", "年冬",
    "春季", "夏季", "秋季", "冬季",
];

/// An expected inclusive day range, or why the row is not counted.
pub fn expected_range(expected: &str, source: &str) -> Option<(NaiveDate, NaiveDate)> {
    if source.starts_with("duckling") {
        duckling(expected)
    } else {
        jionlp(expected)
    }
}

fn tuple(s: &str) -> Option<(i32, u32, u32)> {
    let nums: Vec<i64> = s
        .split(|c: char| !c.is_ascii_digit() && c != '-')
        .filter(|p| !p.is_empty())
        .filter_map(|p| p.parse().ok())
        .collect();
    let y = *nums.first()? as i32;
    let m = (*nums.get(1)?).max(1) as u32;
    let d = (*nums.get(2)?).max(1) as u32;
    Some((y, m, d))
}

fn grain_months(g: &str) -> Option<u32> {
    Some(match g {
        "Day" => 0,
        "Month" => 1,
        "Quarter" => 3,
        "Year" => 12,
        _ => return None,
    })
}

/// `datetime (2013, 2, 12, 0, 0, 0) Day` / `datetimeInterval ((…), (…)) Month`.
fn duckling(e: &str) -> Option<(NaiveDate, NaiveDate)> {
    let (body, grain) = e.rsplit_once(") ")?;
    let gm = grain_months(grain.trim())?;
    let start_of = |(y, m, d): (i32, u32, u32)| -> Option<NaiveDate> {
        match gm {
            0 => NaiveDate::from_ymd_opt(y, m, d),
            12 => NaiveDate::from_ymd_opt(y, 1, 1),
            _ => NaiveDate::from_ymd_opt(y, m, 1),
        }
    };
    let after = |d: NaiveDate| -> Option<NaiveDate> {
        if gm == 0 {
            d.succ_opt()
        } else {
            d.checked_add_months(Months::new(gm))
        }
    };
    if let Some(rest) = body.strip_prefix("datetime (") {
        let s = start_of(tuple(rest)?)?;
        return Some((s, after(s)?.pred_opt()?));
    }
    let rest = body.strip_prefix("datetimeInterval ((")?;
    let (a, b) = rest.split_once("), (")?;
    let s = start_of(tuple(a)?)?;
    let e = start_of(tuple(b)?)?;
    let _ = after;
    Some((s, e.pred_opt()?))
}

/// `{"type": "time_point", "definition": "accurate", "time": ["2024-03-07 00:00:00", …]}`.
fn jionlp(e: &str) -> Option<(NaiveDate, NaiveDate)> {
    let v: serde_json::Value = serde_json::from_str(e).ok()?;
    if !matches!(v["type"].as_str()?, "time_point" | "time_span")
        || v["definition"].as_str()? != "accurate"
    {
        return None;
    }
    let t = v["time"].as_array()?;
    let (a, b) = (t.first()?.as_str()?, t.get(1)?.as_str()?);
    let a = a.strip_suffix(" 00:00:00")?;
    let b = b.strip_suffix(" 23:59:59")?;
    let a = NaiveDate::parse_from_str(a, "%Y-%m-%d").ok()?;
    let b = NaiveDate::parse_from_str(b, "%Y-%m-%d").ok()?;
    // one ISO week: not a calendar date
    if (b - a).num_days() == 6 && a.weekday() == chrono::Weekday::Mon {
        return None;
    }
    Some((a, b))
}

/// The reference date of a row: `2013-02-12T04:30:00-02:00`, `1623604000 (unix ts =
/// 2021-06-14T01:06:40+08:00; …)`, `[2008, 3, 13] (partial date …)`, `{"year": 1966} (…)`.
pub fn reference(r: &str) -> Option<NaiveDate> {
    let r = r.trim();
    if let Some(p) = r.find("unix ts = ") {
        let d = r.get(p + 10..p + 20)?;
        return NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
    }
    // A partial reference (a year, a year and month) is read as the last day of that
    // period, so that dates inside it are never moved to the previous year.
    let partial = |y: i32, m: Option<u32>, d: Option<u32>| -> Option<NaiveDate> {
        match (m, d) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d),
            (Some(m), None) => NaiveDate::from_ymd_opt(y, m, 1)?
                .checked_add_months(Months::new(1))?
                .pred_opt(),
            _ => NaiveDate::from_ymd_opt(y, 12, 31),
        }
    };
    if r.starts_with('[') {
        let inner = &r[1..r.find(']')?];
        let n: Vec<u32> = inner
            .split(',')
            .filter_map(|x| x.trim().parse().ok())
            .collect();
        return partial(*n.first()? as i32, n.get(1).copied(), n.get(2).copied());
    }
    if r.starts_with('{') {
        let end = r.find('}')?;
        let v: serde_json::Value = serde_json::from_str(&r[..=end]).ok()?;
        let g = |k: &str| v[k].as_u64().map(|x| x as u32);
        return partial(g("year")? as i32, g("month"), g("day"));
    }
    NaiveDate::parse_from_str(r.get(..10)?, "%Y-%m-%d").ok()
}

/// The longest date mention of a text, as an inclusive day range.
pub fn extract_range(
    rules: &Rules,
    text: &str,
    published: Option<NaiveDate>,
) -> Option<(String, NaiveDate, NaiveDate)> {
    let doc = crate::read::Document {
        id: "row".into(),
        source: "eval".into(),
        text: text.to_string(),
        header: crate::read::Header {
            published,
            ..Default::default()
        },
    };
    let ex = crate::extract::process(&doc, rules);
    ex.mentions
        .iter()
        .filter(|m| m.label == Label::Date)
        .filter_map(|m| match &m.attrs {
            Attrs::Time(v @ TimeValue::Date { .. }) => {
                day_range(v).map(|(a, b)| (m.text.clone(), a, b, m.end - m.start))
            }
            _ => None,
        })
        .max_by_key(|x| x.3)
        .map(|(t, a, b, _)| (t, a, b))
}

/// Score a times TSV file.
pub fn evaluate(
    r: impl Read,
    file: &str,
    rules: &Rules,
    limit: Option<usize>,
) -> Result<ValueReport, String> {
    let (_, rows) = read_headed(
        r,
        file,
        &["text", "expected", "reference_time", "source"],
        "the header `text<TAB>expected<TAB>reference_time<TAB>source[<TAB>notes]`",
    )?;
    let mut rep = ValueReport::new(file);
    let mut skipped = 0;
    for (line, f) in limited(&rows, limit) {
        let get = |i: usize| field(f, i);
        let (text, expected, refs, source) = (get(0), get(1), get(2), get(3));
        let Some((a, b)) = expected_range(expected, source) else {
            skipped += 1;
            continue;
        };
        if HOLIDAY_TERMS.iter().any(|t| text.contains(t)) {
            skipped += 1;
            continue;
        }
        rep.total += 1;
        let got = extract_range(rules, text, reference(refs));
        if got.as_ref().is_some_and(|(_, x, y)| (*x, *y) == (a, b)) {
            rep.correct += 1;
        } else {
            rep.failures.push(Failure {
                line,
                text: text.to_string(),
                expected: format!("{a}..{b}"),
                got: got.map_or("(nothing)".into(), |(t, x, y)| {
                    format!("{x}..{y} from {t:?}")
                }),
            });
        }
    }
    rep.skipped = Some(skipped);
    rep.finish();
    Ok(rep)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn expected_values() {
        assert_eq!(
            expected_range("datetime (2013, 2, 12, 0, 0, 0) Day", "duckling Time/ZH"),
            Some((d(2013, 2, 12), d(2013, 2, 12)))
        );
        assert_eq!(
            expected_range(
                "datetimeInterval ((2012, 12, 0, 0, 0, 0), (2013, 2, 0, 0, 0, 0)) Month",
                "duckling Time/ZH"
            ),
            Some((d(2012, 12, 1), d(2013, 1, 31)))
        );
        assert_eq!(
            expected_range("datetime (2013, 2, 12, 15, 0, 0) Hour", "duckling"),
            None
        );
        assert_eq!(
            expected_range(
                r#"{"type": "time_span", "definition": "accurate", "time": ["2008-03-01 00:00:00", "2009-12-31 23:59:59"]}"#,
                "jionlp"
            ),
            Some((d(2008, 3, 1), d(2009, 12, 31)))
        );
        assert_eq!(
            reference("[2008, 3, 13] (partial date [Y,M,D,h,m,s])"),
            Some(d(2008, 3, 13))
        );
        assert_eq!(
            reference(r#"{"year": 1966} (partial date dict)"#),
            Some(d(1966, 12, 31))
        );
        assert_eq!(
            reference("1623604000 (unix ts = 2021-06-14T01:06:40+08:00; JioNLP …)"),
            Some(d(2021, 6, 14))
        );
    }
}
