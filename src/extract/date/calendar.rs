//! Calendar expressions: a year (`2024年`, `二〇二四年`, `07年` before a month), what may
//! follow it (month, day, quarter, half, 年底, 前N个月), months and days, and the n-th
//! weekday of a month.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::*;

impl DateRules {
    /// Calendar expressions: [year] [month [day]] / [year] quarter / half / 年底 …
    pub(super) fn calendar_at(
        &self,
        text: &str,
        i: usize,
        base: Option<NaiveDate>,
        ctx: Ctx,
    ) -> Option<Expr> {
        let mut j = i;
        let mut year: Option<i32> = None;
        let mut explicit_year = false;
        let mut relative = false;
        let mut rel_month: Option<NaiveDate> = None;
        let mut rel_quarter: Option<NaiveDate> = None;
        // relative word: 今年 / 去年 / 本月 / 上个月 / 本季度 / 昨天
        if let Some((e, unit, off)) = self.word_at(text, i) {
            let b = base?;
            relative = true;
            match unit {
                Unit::Year => {
                    year = Some(b.year() + off);
                    j = e;
                }
                Unit::Month => {
                    rel_month = Some(add_months(ymd(b.year(), b.month(), 1)?, off)?);
                    j = e;
                }
                Unit::Quarter => {
                    rel_quarter = Some(add_months(quarter_of(b), 3 * off)?);
                    j = e;
                }
                Unit::Day => {
                    let d = b.checked_add_signed(Duration::days(off as i64))?;
                    return Some(Expr {
                        end: e,
                        start_pt: Point {
                            date: d,
                            prec: Precision::Day,
                        },
                        end_pt: None,
                        rule: RELATIVE,
                        year: Some(d.year()),
                        month: Some(d.month()),
                    });
                }
            }
        } else if let Some((e, y)) = self.year_at(text, i, base) {
            year = Some(y);
            explicit_year = true;
            j = e;
        }
        // an impossible month after a year (`2024年13月`) spoils the whole date
        if year.is_some() {
            let k = skip_spaces(text, j);
            if let Some((e, _, _, _)) = int_at(text, k)
                && starts(text, skip_spaces(text, e), "月")
                && month_at(text, k).is_none()
                && !starts(text, e, "个")
            {
                return None;
            }
        }
        // after a year: quarter / half / 年底 / 前N个月 / month
        if let Some(y) = year {
            let jj = skip_spaces(text, j);
            if let Some(x) = self.in_year_at(text, jj, y, explicit_year) {
                return Some(x);
            }
        }
        if let Some(q) = rel_quarter {
            // 上季度末
            let (end, pt) = if let Some(e) = any_of(text, j, &["末", "底"]) {
                (e, month_start(q.year(), q.month() + 2)?)
            } else if let Some(e) = any_of(text, j, &["初"]) {
                (e, month_start(q.year(), q.month())?)
            } else {
                (
                    j,
                    Point {
                        date: q,
                        prec: Precision::Quarter,
                    },
                )
            };
            return Some(Expr {
                end,
                start_pt: pt,
                end_pt: None,
                rule: RELATIVE,
                year: Some(q.year()),
                month: None,
            });
        }
        // month
        let mut month: Option<u32> = None;
        let mut mj = j;
        if let Some(rm) = rel_month {
            month = Some(rm.month());
            year = Some(rm.year());
        } else {
            let k = skip_spaces(text, j);
            if let Some((e, m)) = month_at(text, k) {
                month = Some(m);
                mj = e;
            } else if let Some((e, m)) = month_bare_in_range(text, k) {
                // 2019年1-五月: handled by the caller's range; here `1` before a connector
                month = Some(m);
                mj = e;
            }
        }
        if month.is_some() {
            j = mj;
        }
        // 十月第一个星期一 / 八月份的第一个周二: the n-th weekday of the month
        if let Some(m) = month
            && let Some((e, n, wd)) = nth_weekday_at(text, skip_spaces(text, j))
        {
            let y = match year.or(ctx.year) {
                Some(y) => y,
                None => base?.year(),
            };
            let first = ymd(y, m, 1)?;
            let off = (7 + wd.num_days_from_monday() as i64
                - first.weekday().num_days_from_monday() as i64)
                % 7;
            let date = first + Duration::days(off + 7 * (n as i64 - 1));
            if date.month() != m {
                return None;
            }
            return Some(Expr {
                end: e,
                start_pt: Point {
                    date,
                    prec: Precision::Day,
                },
                end_pt: None,
                rule: if explicit_year { ABSOLUTE } else { RELATIVE },
                year: Some(y),
                month: Some(m),
            });
        }
        // quarter without a year: 一季度, Q1季度, 第三季度 (publication year)
        if year.is_none()
            && month.is_none()
            && let Some(b) = base
            && let Some(x) = self.in_year_at(text, i, ctx.year.unwrap_or(b.year()), false)
        {
            let mut x = x;
            x.rule = if ctx.year.is_some() {
                ABSOLUTE
            } else {
                RELATIVE
            };
            return Some(x);
        }
        // day
        let k = skip_spaces(text, j);
        let mut day: Option<(usize, u32)> = None;
        if month.is_some() || ctx.month.is_some() || rel_month.is_some() {
            day = day_at(text, k, month.is_some());
        }
        if month.is_none() && year.is_none() && day.is_none() {
            // a day alone (`30日`, `5日` in `11月3日至5日`); a Chinese 一日…九日 is more often
            // "one day" (`一日之计`) than a date
            day = day_at(text, i, false);
            let (_, dv, _, arabic) = int_at(text, i)?;
            if day.is_none() || (!arabic && dv < 10 && ctx.month.is_none()) {
                return None;
            }
        }
        if month.is_none() && year.is_none() && day.is_none() && !relative {
            return None;
        }
        let mut end = day.map_or(j, |(e, _)| e);
        // 上旬 / 中旬 / 下旬 (days 1–10, 11–20, 21–end); 月底 / 月初 (the month itself)
        let mut dekad: Option<(u32, Option<u32>)> = None;
        if day.is_none() && month.is_some() {
            if let Some(e) = any_of(text, end, &["上旬"]) {
                (end, dekad) = (e, Some((1, Some(10))));
            } else if let Some(e) = any_of(text, end, &["中旬"]) {
                (end, dekad) = (e, Some((11, Some(20))));
            } else if let Some(e) = any_of(text, end, &["下旬"]) {
                (end, dekad) = (e, Some((21, None)));
            } else if let Some(e) = any_of(text, end, &["月底", "月末", "月初", "底", "末", "初"])
            {
                end = e;
            } else if let Some((e, first, n)) = first_last_days(text, end) {
                // 本月前两天 / 上月最后五天
                end = e;
                dekad = Some(if first { (1, Some(n)) } else { (0, Some(n)) });
            }
        }
        // resolve
        let has_year = year.is_some() || ctx.year.is_some();
        let y = match year.or(ctx.year) {
            Some(y) => y,
            None => base?.year(),
        };
        let m = month.or(if year.is_none() { ctx.month } else { None });
        let (mut date, prec) = match (m, day) {
            (Some(m), Some((_, d))) => (ymd(y, m, d)?, Precision::Day),
            (Some(m), None) => (ymd(y, m, 1)?, Precision::Month),
            (None, Some((_, d))) => {
                // a day alone: the context month, or the publication month
                let m = ctx.month.or(base.map(|b| b.month()))?;
                let y = if ctx.year.is_some() { y } else { base?.year() };
                (ymd(y, m, d)?, Precision::Day)
            }
            (None, None) => (ymd(y, 1, 1)?, Precision::Year),
        };
        let yearless = !has_year && !relative;
        if yearless {
            date = yearless_in_sentence(text, i, date, base)?;
        }
        let rule = if explicit_year || (ctx.year.is_some() && !relative) {
            ABSOLUTE
        } else {
            RELATIVE
        };
        let (mut start_pt, mut end_pt) = (Point { date, prec }, None);
        if let Some((a, b)) = dekad {
            let last = add_months(date, 1)?.pred_opt()?;
            // a == 0: the last b days of the month
            let (a, b) = match (a, b) {
                (0, Some(n)) => (last.day().checked_sub(n - 1).filter(|x| *x >= 1)?, None),
                x => x,
            };
            let e = b.map_or(Some(last), |b| ymd(date.year(), date.month(), b))?;
            start_pt = Point {
                date: ymd(date.year(), date.month(), a)?,
                prec: Precision::Day,
            };
            end_pt = Some(Point {
                date: e,
                prec: Precision::Day,
            });
        }
        Some(Expr {
            end,
            start_pt,
            end_pt,
            rule,
            year: Some(date.year()),
            month: if prec == Precision::Year {
                None
            } else {
                Some(date.month())
            },
        })
    }

    /// A year: `2024年`, `2024 年`, `二〇二四年`, `07年` (when a month/quarter follows),
    /// `九七年`, `2024年度`. Returns (end after 年/年度, year).
    pub(super) fn year_at(
        &self,
        text: &str,
        i: usize,
        base: Option<NaiveDate>,
    ) -> Option<(usize, i32)> {
        let (e, v, digits, arabic) = int_at(text, i)?;
        if digits == 0 {
            return None;
        }
        let k = skip_spaces(text, e);
        // `2023财年` (a fiscal year, read as the calendar year it is named after)
        let fiscal = digits == 4 && any_of(text, k, &["财年", "財年"]).is_some();
        if !starts(text, k, "年") && !fiscal {
            return None;
        }
        let mut end = if fiscal {
            k + "财年".len()
        } else {
            k + "年".len()
        };
        // 2022年前十一个月 / 2021年后三月: a year followed by a span inside it
        let inner_span = any_of(text, end, &["前", "后", "後"])
            .and_then(|x| int_at(text, x))
            .is_some_and(|(x, _, _, _)| {
                let x = any_of(text, x, &["个", "個"]).unwrap_or(x);
                any_of(text, x, &["月", "季度", "季"]).is_some()
            });
        // 80年代, 20年来, 1000多年, 年均/年间 …
        if !inner_span
            && any_of(
                text,
                end,
                &[
                    "代", "来", "來", "间", "間", "内", "內", "前", "后", "後", "以来", "之", "里",
                    "多", "半", "期", "级", "級", "薪", "均", "龄", "齡", "头", "左右",
                ],
            )
            .is_some()
        {
            return None;
        }
        let y = match digits {
            4 if (1000..=2999).contains(&v) => v as i32,
            2 => {
                // two digits: 九七年 (Chinese, digit by digit) or 07年 + month/quarter/half
                let follows = {
                    let k2 = skip_spaces(text, end);
                    month_at(text, k2).is_some()
                        || any_of(
                            text,
                            k2,
                            &[
                                "第",
                                "上半年",
                                "下半年",
                                "首",
                                "前",
                                "后",
                                "後",
                                "一季度",
                                "二季度",
                                "三季度",
                                "四季度",
                                "1季度",
                                "2季度",
                                "3季度",
                                "4季度",
                            ],
                        )
                        .is_some()
                };
                if !follows && arabic {
                    return None;
                }
                // 七八年 / 三四年 (seven or eight years): neighbouring digits are a vague count
                if !follows && v / 10 + 1 == v % 10 {
                    return None;
                }
                two_digit_year(v, base)
            }
            _ => return None,
        };
        if starts(text, end, "度") {
            end += "度".len();
        }
        Some((end, y))
    }

    /// What may follow a year: quarter, half, 年底/年初, 前N个月, 首月, 第N个月, 前N季度.
    pub(super) fn in_year_at(&self, text: &str, j: usize, y: i32, explicit: bool) -> Option<Expr> {
        let rule = if explicit { ABSOLUTE } else { RELATIVE };
        let mk = |end: usize, a: Point, b: Option<Point>| Expr {
            end,
            start_pt: a,
            end_pt: b,
            rule: if b.is_some() { RANGE } else { rule },
            year: Some(y),
            month: None,
        };
        let pt = |m: u32, prec: Precision| -> Option<Point> {
            Some(Point {
                date: ymd(y, m, 1)?,
                prec,
            })
        };
        // 上半年 / 下半年
        if let Some(e) = any_of(text, j, &["上半年", "上半年度"]) {
            return Some(mk(e, pt(1, Precision::Half)?, None));
        }
        if let Some(e) = any_of(text, j, &["下半年", "下半年度"]) {
            return Some(mk(e, pt(7, Precision::Half)?, None));
        }
        // `2024 年 H1` / `2024年H2`
        for (words, m) in [(["H1", "h1"], 1), (["H2", "h2"], 7)] {
            if let Some(e) = any_of(text, j, &words)
                && !next_char(text, e).is_some_and(|c| c.is_ascii_alphanumeric())
            {
                return Some(mk(e, pt(m, Precision::Half)?, None));
            }
        }
        // 年底 / 年末 / 年初 (after 2024年 the 年 is consumed: 2024年底 → 底)
        if let Some(e) = any_of(text, j, &["年底", "年末", "底", "末"]) {
            return Some(mk(e, pt(12, Precision::Month)?, None));
        }
        if let Some(e) = any_of(text, j, &["年初", "初"]) {
            return Some(mk(e, pt(1, Precision::Month)?, None));
        }
        // 首季度 / 首月
        if let Some(e) = any_of(text, j, &["首季度", "首季"]) {
            return Some(mk(e, pt(1, Precision::Quarter)?, None));
        }
        if let Some(e) = any_of(text, j, &["首月"]) {
            return Some(mk(e, pt(1, Precision::Month)?, None));
        }
        // 前N个月 / 前N季度 / 后N个月
        if let Some(k) = any_of(text, j, &["前", "后", "後"]) {
            let first = starts(text, j, "前");
            let (k, n, _, _) = int_at(text, k)?;
            let k = any_of(text, k, &["个", "個"]).unwrap_or(k);
            if let Some(e) = any_of(text, k, &["季度", "季"]) {
                if !(1..=4).contains(&n) {
                    return None;
                }
                let n = n as u32;
                let (a, b) = if first {
                    (1, 3 * n - 2)
                } else {
                    (13 - 3 * n, 10)
                };
                return Some(mk(
                    e,
                    pt(a, Precision::Quarter)?,
                    Some(pt(b, Precision::Quarter)?),
                ));
            }
            if let Some(e) = any_of(text, k, &["月"]) {
                if !(1..=12).contains(&n) {
                    return None;
                }
                let n = n as u32;
                let (a, b) = if first { (1, n) } else { (13 - n, 12) };
                return Some(mk(
                    e,
                    pt(a, Precision::Month)?,
                    Some(pt(b, Precision::Month)?),
                ));
            }
            return None;
        }
        // 第N个月
        if let Some(k) = any_of(text, j, &["第"]) {
            let (k, n, _, _) = int_at(text, k)?;
            if let Some(k2) = any_of(text, k, &["个月", "個月"]) {
                return Some(mk(k2, pt(u32::try_from(n).ok()?, Precision::Month)?, None));
            }
            if let Some(k2) = any_of(text, k, &["季度", "季"]) {
                return quarter(text, k2, y, n, rule);
            }
            return None;
        }
        // Q1 / 一季度 / 1季度
        if let Some(k) = any_of(text, j, &["Q", "q"]) {
            let (k, n, _, _) = int_at(text, k)?;
            let k = any_of(text, k, &["季度"]).unwrap_or(k);
            return quarter(text, k, y, n, rule);
        }
        let (k, n, _, _) = int_at(text, j)?;
        let k2 = any_of(text, k, &["季度"])?;
        quarter(text, k2, y, n, rule)
    }
}

/// Quarter `n` of year `y`, with an optional 末/初 (→ its last/first month).
fn quarter(text: &str, k: usize, y: i32, n: i64, rule: RuleId) -> Option<Expr> {
    if !(1..=4).contains(&n) {
        return None;
    }
    let m0 = 3 * n as u32 - 2;
    let (end, m, prec) = if let Some(e) = any_of(text, k, &["末", "底"]) {
        (e, m0 + 2, Precision::Month)
    } else if let Some(e) = any_of(text, k, &["初"]) {
        (e, m0, Precision::Month)
    } else {
        (k, m0, Precision::Quarter)
    };
    Some(Expr {
        end,
        start_pt: Point {
            date: ymd(y, m, 1)?,
            prec,
        },
        end_pt: None,
        rule,
        year: Some(y),
        month: None,
    })
}

/// `7月`, `7 月`, `七月`, `十二月`, `3月份` → (end, month). Not `7个月`.
fn month_at(text: &str, i: usize) -> Option<(usize, u32)> {
    let (e, m, _, _) = int_at(text, i)?;
    if !(1..=12).contains(&m) {
        return None;
    }
    let k = skip_spaces(text, e);
    let mut end = any_of(text, k, &["月"])?;
    if starts(text, end, "份") {
        end += "份".len();
    }
    // 月薪 / 月均 / 月度 are not dates
    if any_of(text, end, &["薪", "均", "度", "底前"]).is_some() {
        return None;
    }
    Some((end, m as u32))
}

/// `前两天` / `最后五天` after a month → (end, first?, n).
fn first_last_days(text: &str, i: usize) -> Option<(usize, bool, u32)> {
    let (j, first) = if let Some(j) = any_of(text, i, &["前"]) {
        (j, true)
    } else {
        (any_of(text, i, &["最后", "最後"])?, false)
    };
    let (j, n, _, _) = int_at(text, j)?;
    if !(1..=31).contains(&n) {
        return None;
    }
    let j = any_of(text, j, &["天", "日"])?;
    Some((j, first, n as u32))
}

/// `第一个星期一`, `的第3个周日` → (end, n, weekday).
fn nth_weekday_at(text: &str, i: usize) -> Option<(usize, u32, Weekday)> {
    let j = any_of(text, i, &["的"]).unwrap_or(i);
    let j = any_of(text, j, &["第"])?;
    let (j, n, _, _) = int_at(text, j)?;
    if !(1..=5).contains(&n) {
        return None;
    }
    let j = any_of(text, j, &["个", "個"]).unwrap_or(j);
    let j = any_of(text, j, &["星期", "礼拜", "禮拜", "周", "週"])?;
    let c = next_char(text, j)?;
    Some((j + c.len_utf8(), n as u32, weekday_of(c)?))
}

/// A month number written without 月 right before a range connector (`1-9月份`).
fn month_bare_in_range(text: &str, i: usize) -> Option<(usize, u32)> {
    let (e, m, _, _) = int_at(text, i)?;
    if !(1..=12).contains(&m) {
        return None;
    }
    let k = CONNECTORS.iter().find_map(|c| any_of(text, e, &[c]))?;
    let (_, _) = month_at(text, skip_spaces(text, k))?;
    Some((e, m as u32))
}

/// `21日`, `21 日`, `二十一号`, `5號`; with `after_month`, also a bare number at the end of a
/// phrase (`1月3`, `十月31`, `4月12-19日`).
pub(super) fn day_at(text: &str, i: usize, after_month: bool) -> Option<(usize, u32)> {
    let (e, d, _, _) = int_at(text, i)?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let k = skip_spaces(text, e);
    if let Some(end) = any_of(text, k, &["日", "号", "號"]) {
        // 30日元 is money; 5日均线 is not a date
        if any_of(text, end, &["元", "圆", "均", "内", "內", "以内"]).is_some() {
            return None;
        }
        return Some((end, d as u32));
    }
    if after_month {
        let ok = next_char(text, e).is_none_or(|c| {
            c.is_whitespace()
                || "，。、；：,.;:!?！？)）".contains(c)
                || CONNECTORS.iter().any(|x| starts(text, e, x))
        });
        if ok {
            return Some((e, d as u32));
        }
    }
    None
}
