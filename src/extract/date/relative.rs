//! Expressions relative to the publication date that are not calendar components:
//! durations (`未来三年`), `今（16）日`, weekdays (`下周三`), and N units before/after
//! (`前两天`, `三天后`).

use chrono::{Datelike, Duration, NaiveDate};

use super::*;

impl DateRules {
    /// 未来三年 / 三年内 / 近五年 / 今后五年 / 十年来: a duration.
    pub(super) fn period_at(&self, text: &str, i: usize) -> Option<(usize, TimeValue)> {
        let (j, prefixed) = match any_of(
            text,
            i,
            &["未来", "今后", "今後", "近", "过去", "過去", "最近", "此后"],
        ) {
            Some(j) => (j, true),
            None => (i, false),
        };
        let (j, _, _, _) = int_at(text, j).filter(|(_, v, _, _)| *v > 0 && *v < 100)?;
        let j = any_of(text, j, &["个", "個"]).unwrap_or(j);
        let j = any_of(text, j, &["年", "月", "季度", "周", "週", "天", "日"])?;
        let suffixed = any_of(
            text,
            j,
            &["之内", "以内", "以来", "内", "內", "来", "來", "间", "間"],
        );
        if !prefixed && suffixed.is_none() {
            return None;
        }
        // 近两年来 / 未来三年内
        let end = suffixed.unwrap_or(j);
        Some((
            end,
            TimeValue::Period {
                text: text[i..end].to_string(),
            },
        ))
    }

    /// `今明两年` / `今明两天` / `今明两日`: this and the next year/day, a range from the
    /// publication period to the one after it.
    pub(super) fn this_and_next_at(
        &self,
        text: &str,
        i: usize,
        base: Option<NaiveDate>,
    ) -> Option<Expr> {
        let j = any_of(text, i, &["今明"])?;
        let (j, n, _, _) = int_at(text, j)?;
        if n != 2 {
            return None;
        }
        let b = base?;
        let (end, a, z) = if let Some(e) = any_of(text, j, &["年"]) {
            let a = Point {
                date: ymd(b.year(), 1, 1)?,
                prec: Precision::Year,
            };
            let z = Point {
                date: ymd(b.year() + 1, 1, 1)?,
                prec: Precision::Year,
            };
            (e, a, z)
        } else {
            let e = any_of(text, j, &["天", "日"])?;
            let a = Point {
                date: b,
                prec: Precision::Day,
            };
            let z = Point {
                date: b.succ_opt()?,
                prec: Precision::Day,
            };
            (e, a, z)
        };
        Some(Expr {
            end,
            start_pt: a,
            end_pt: Some(z),
            rule: RANGE,
            year: None,
            month: None,
        })
    }

    /// `今（16）日`, `昨（15）日`: the day of the publication month named in brackets.
    pub(super) fn today_paren_at(
        &self,
        text: &str,
        i: usize,
        base: Option<NaiveDate>,
    ) -> Option<Expr> {
        let c = next_char(text, i)?;
        if !matches!(c, '今' | '昨' | '明' | '前') {
            return None;
        }
        let j = any_of(text, i + 3, &["（", "("])?;
        let (j, d, _, _) = int_at(text, j)?;
        let j = any_of(text, j, &["）", ")"])?;
        let j = any_of(text, j, &["日", "号", "號"])?;
        let base = base?;
        let mut date = ymd(base.year(), base.month(), d as u32);
        // 昨（31）日 published on the 1st: the previous month
        if date.is_none_or(|x| x > base + Duration::days(2)) {
            let pm = add_months(ymd(base.year(), base.month(), 1)?, -1)?;
            date = ymd(pm.year(), pm.month(), d as u32);
        }
        Some(Expr {
            end: j,
            start_pt: Point {
                date: date?,
                prec: Precision::Day,
            },
            end_pt: None,
            rule: RELATIVE,
            year: None,
            month: None,
        })
    }

    /// Weekdays: `周一`, `星期天`, `上周二`, `下礼拜三`, `这周五`.
    pub(super) fn weekday_at(&self, text: &str, i: usize, base: Option<NaiveDate>) -> Option<Expr> {
        // 下下周一: two weeks ahead
        let rep = repeats(text, i);
        let i = i + 3 * (rep - 1);
        let (j, week) = if let Some(j) = any_of(
            text,
            i,
            &[
                "上个",
                "上個",
                "上一个",
                "上",
                "下个",
                "下個",
                "下一个",
                "下",
            ],
        ) {
            (j, if starts(text, i, "上") { -1 } else { 1 })
        } else if let Some(j) = any_of(
            text,
            i,
            &["这个", "這個", "这", "這", "本", "今個", "今个", "今"],
        ) {
            (j, 0)
        } else {
            (i, 2) // bare: next occurrence
        };
        let j = any_of(text, j, &["星期", "礼拜", "禮拜", "周", "週"])?;
        // 下周周六
        let j = if week != 2 {
            any_of(text, j, &["星期", "礼拜", "禮拜", "周", "週"]).unwrap_or(j)
        } else {
            j
        };
        let c = next_char(text, j)?;
        let wd = weekday_of(c)?;
        let end = j + c.len_utf8();
        // 周一至周五 is fine; 周年 / 周期 / 周边 are not weekdays (weekday_of rejects them)
        if week == 2
            && c == '天'
            && !starts(text, i, "星期")
            && !starts(text, i, "礼拜")
            && !starts(text, i, "禮拜")
        {
            return None; // 周天 is rare; avoid 一周天数
        }
        // `2024 年 6 月 14 日（星期五）`: the weekday of the date before it, not another date.
        if week == 2 {
            let before = text[..i].trim_end();
            if let Some(b) = before.strip_suffix(['（', '(']) {
                let b = b.trim_end();
                if b.ends_with(['日', '号', '號']) || b.ends_with(|c: char| c.is_ascii_digit()) {
                    return None;
                }
            }
        }
        let base = base?;
        let monday = base - Duration::days(base.weekday().num_days_from_monday() as i64);
        let date = match week {
            2 => {
                let mut d = base + Duration::days(1);
                while d.weekday() != wd {
                    d += Duration::days(1);
                }
                d
            }
            w => {
                let w = if w == 0 { 0 } else { w * rep as i64 };
                monday + Duration::days(7 * w + wd.num_days_from_monday() as i64)
            }
        };
        Some(Expr::relative_day(end, date, None))
    }

    /// `前两天`, `上三个月`, `后三天`, `下三年`: the N days/months/years before or after the
    /// publication date (a range); `三天后`, `两年前`: the point N units away.
    pub(super) fn relative_span_at(
        &self,
        text: &str,
        i: usize,
        base: Option<NaiveDate>,
    ) -> Option<Expr> {
        let (j, dir) = match any_of(text, i, &["前", "上", "过去"]) {
            Some(j) => (j, -1),
            None => match any_of(text, i, &["后", "後", "下"]) {
                Some(j) => (j, 1),
                None => (i, 0),
            },
        };
        let (k, n, digits, arabic) = int_at(text, j).filter(|(_, v, _, _)| *v > 0 && *v < 1000)?;
        if digits >= 2 && !arabic {
            return None; // 五八年前七个月: a digit-by-digit year, not fifty-eight years
        }
        let k = any_of(text, k, &["个", "個"]).unwrap_or(k);
        let (k, unit) = if let Some(k) = any_of(text, k, &["天", "日"]) {
            (k, Unit::Day)
        } else if let Some(k) = any_of(text, k, &["月"]) {
            (k, Unit::Month)
        } else if let Some(k) = any_of(text, k, &["年"]) {
            (k, Unit::Year)
        } else {
            return None;
        };
        let n = n as i32;
        let base = base?;
        let shift = |d: NaiveDate, by: i32| -> Option<NaiveDate> {
            match unit {
                Unit::Day => d.checked_add_signed(Duration::days(by as i64)),
                Unit::Month | Unit::Quarter => add_months(d, by),
                Unit::Year => add_months(d, 12 * by),
            }
        };
        let anchor = match unit {
            Unit::Day => base,
            Unit::Month | Unit::Quarter => ymd(base.year(), base.month(), 1)?,
            Unit::Year => ymd(base.year(), 1, 1)?,
        };
        let prec = match unit {
            Unit::Day => Precision::Day,
            Unit::Month | Unit::Quarter => Precision::Month,
            Unit::Year => Precision::Year,
        };
        if dir != 0 {
            // a range: 前两天 = the two days before; 后三天 = the three days after
            let (s, e) = if dir < 0 {
                (shift(anchor, -n)?, shift(anchor, -1)?)
            } else {
                (shift(anchor, 1)?, shift(anchor, n)?)
            };
            return Some(Expr {
                end: k,
                start_pt: Point { date: s, prec },
                end_pt: Some(Point { date: e, prec }),
                rule: RANGE,
                year: None,
                month: None,
            });
        }
        // 三天后 / 两年前 / 30天之后
        let k2 = any_of(text, k, &["之前", "以前", "前"]).map(|e| (e, -1));
        let k2 = k2.or_else(|| {
            any_of(text, k, &["之后", "之後", "以后", "以後", "后", "後"]).map(|e| (e, 1))
        });
        let (end, sign) = k2?;
        let date = shift(anchor, sign * n)?;
        Some(Expr {
            end,
            start_pt: Point { date, prec },
            end_pt: None,
            rule: RELATIVE,
            year: None,
            month: None,
        })
    }
}
