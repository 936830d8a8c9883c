//! Dates: absolute, partial and relative (to the publication date) time expressions.
//!
//! Rule ids (docs in `schema/rules/date.toml`):
//! - `date.absolute` — a date with its year: `2024年7月21日`, `2024-07-21`, `2024.7.21`,
//!   `2024/07/21`, `二〇二四年七月二十一日`, partial `2022年9月` (month), `2024年` (year),
//!   `2024年底`, `2024年上半年` (half), `2024年第三季度` (quarter);
//! - `date.relative` — a date that needs the publication date: `7月20日` (no year), `昨日`,
//!   `今（16）日`, `本月15日`, `上月`, `今年3月`, `去年`, weekdays (`周一`, `下周三`);
//! - `date.range` — two dates joined by 至/到/-/~ (`11月3日至5日`, `2017年8月至11月`), the
//!   second inheriting the year/month it leaves out; also `前两天`, `前三季度`;
//! - `date.period` — a duration, not a point in time: `未来三年`, `三年内`, `近五年`
//!   (`TimeValue::Period`).
//!
//! Decisions:
//! - A date without a year takes the publication year, and moves back one year when it would
//!   otherwise fall more than eight months after publication (`12月30日` in an article of
//!   2025-01-03 is 2024-12-30; `9月30日` in one of March is still the coming September).
//!   Without a publication date, relative dates are not extracted (we cannot know them).
//! - Invalid dates (`2024年13月45日`, `2月30日`) produce nothing.
//! - `2024年度` (a fiscal year) is the year 2024; `80年代`, `20年来`, `1000多年` are not years.
//! - Weekdays: `上/下/这周X` are days of the previous/next/current ISO week; a bare `周X`
//!   is its next occurrence after the publication date (the convention of both Duckling and
//!   JioNLP).
//! - Two-digit years (`07年第三季度`, `九七年`) are read only when a month, quarter or half
//!   follows or when written digit by digit in Chinese; `20年` alone is twenty years.
//!
//! Runs only where a digit, a Chinese numeral or a date word starts; the word lexicon
//! (`schema/lexicons/date_words.txt`) is one automaton built in [`DateRules::build`].

use std::ops::Range;

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

use super::numeral;
use crate::extract::{AnnotatedDoc, Attrs, Candidate, Extractor, Label, Precision, TimeValue};
use crate::rules::{LexiconSet, RuleId, Rules, TermMatcher};

pub const ABSOLUTE: RuleId = RuleId("date.absolute");
pub const RELATIVE: RuleId = RuleId("date.relative");
pub const RANGE: RuleId = RuleId("date.range");
pub const PERIOD: RuleId = RuleId("date.period");

const PRIORITY: i32 = 10;

/// Compiled date lexicons.
pub struct DateRules {
    words: TermMatcher,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Day,
    Month,
    Quarter,
    Year,
}

/// A resolved point: first day, precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Point {
    date: NaiveDate,
    prec: Precision,
}

/// A parsed expression before range handling.
#[derive(Clone, Debug)]
struct Expr {
    end: usize,
    start_pt: Point,
    /// Inclusive end point of a built-in range (`前三季度`, `前两天`).
    end_pt: Option<Point>,
    rule: RuleId,
    /// Components written explicitly (for range inheritance).
    year: Option<i32>,
    month: Option<u32>,
}

/// The context a second range member inherits from the first.
#[derive(Clone, Copy, Debug, Default)]
struct Ctx {
    year: Option<i32>,
    month: Option<u32>,
}

const SPACES: &[char] = &[' ', '\u{3000}', '\u{a0}', '\t'];

fn skip_spaces(text: &str, mut i: usize) -> usize {
    while let Some(c) = text[i..].chars().next() {
        if SPACES.contains(&c) {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

fn next_char(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn prev_char(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

fn starts(text: &str, i: usize, s: &str) -> bool {
    text.get(i..).is_some_and(|t| t.starts_with(s))
}

/// The first of `options` that `text[i..]` starts with: its end.
fn any_of(text: &str, i: usize, options: &[&str]) -> Option<usize> {
    options
        .iter()
        .find(|o| starts(text, i, o))
        .map(|o| i + o.len())
}

/// A non-negative integer numeral at `i`: (end, value, digit count if plain digits, arabic).
fn int_at(text: &str, i: usize) -> Option<(usize, i64, usize, bool)> {
    let n = numeral::scan(text, i)?;
    if n.value.s != 0 || n.value.m < 0 || n.value.m > 100_000_000 {
        return None;
    }
    let digits = if n.arabic_only || n.direct {
        text[i..n.end].chars().count()
    } else {
        0
    };
    Some((n.end, n.value.m as i64, digits, n.arabic_only))
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn month_start(y: i32, m: u32) -> Option<Point> {
    Some(Point {
        date: ymd(y, m, 1)?,
        prec: Precision::Month,
    })
}

fn add_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n as u32))
    } else {
        d.checked_sub_months(Months::new((-n) as u32))
    }
}

/// The start of the last `fine`-sized part of the period `p` (2009 at month precision →
/// 2009-12-01; a month at day precision → its last day).
fn last_sub(p: Point, fine: Precision) -> Option<NaiveDate> {
    let months = |x: Precision| match x {
        Precision::Day => 0,
        Precision::Month => 1,
        Precision::Quarter => 3,
        Precision::Half => 6,
        Precision::Year => 12,
    };
    if p.prec == fine {
        return Some(p.date);
    }
    let next = add_months(p.date, months(p.prec))?;
    match fine {
        Precision::Day => next.pred_opt(),
        f => add_months(next, -months(f)),
    }
}

/// First day of the quarter containing `d`.
fn quarter_of(d: NaiveDate) -> NaiveDate {
    let m = (d.month() - 1) / 3 * 3 + 1;
    ymd(d.year(), m, 1).unwrap_or(d)
}

/// Resolve a two-digit year against the reference year.
fn two_digit_year(yy: i64, base: Option<NaiveDate>) -> i32 {
    let limit = base.map_or(2035, |b| b.year() + 10);
    if 2000 + yy as i32 <= limit {
        2000 + yy as i32
    } else {
        1900 + yy as i32
    }
}

fn weekday_of(c: char) -> Option<Weekday> {
    Some(match c {
        '一' | '1' => Weekday::Mon,
        '二' | '2' => Weekday::Tue,
        '三' | '3' => Weekday::Wed,
        '四' | '4' => Weekday::Thu,
        '五' | '5' => Weekday::Fri,
        '六' | '6' => Weekday::Sat,
        '日' | '天' | '七' | '7' => Weekday::Sun,
        _ => return None,
    })
}

/// How many times 上 or 下 repeats at `i` (1 when it does not, or for other characters).
fn repeats(text: &str, i: usize) -> usize {
    match next_char(text, i) {
        Some(c @ ('上' | '下')) => {
            let mut k = 1;
            while next_char(text, i + 3 * k) == Some(c) {
                k += 1;
            }
            k
        }
        _ => 1,
    }
}

/// Range connectors between two dates.
const CONNECTORS: &[&str] = &[
    "——", "--", "起至", "至", "到", "~", "～", "-", "－", "—", "–", "〜",
];

impl DateRules {
    pub fn build(lex: &LexiconSet) -> DateRules {
        DateRules {
            words: TermMatcher::new(lex.get("date_words").entries.iter()),
        }
    }

    /// A relative word at `i`: (end, unit, offset).
    /// A repeated 上/下 multiplies the offset (`上上个月` = two months back).
    fn word_at(&self, text: &str, i: usize) -> Option<(usize, Unit, i32)> {
        let k = repeats(text, i);
        let (e, unit, off) = self.word_once(text, i + 3 * (k - 1))?;
        if k == 1 {
            return Some((e, unit, off));
        }
        let sign = if starts(text, i, "上") { -1 } else { 1 };
        (off == sign && unit != Unit::Day).then_some((e, unit, off * k as i32))
    }

    fn word_once(&self, text: &str, i: usize) -> Option<(usize, Unit, i32)> {
        let mut lim = (i + 16).min(text.len());
        while !text.is_char_boundary(lim) {
            lim -= 1;
        }
        let (r, e) = self.words.find_longest(&text[i..lim]).next()?;
        if r.start != 0 {
            return None;
        }
        let unit = match e.attr("unit")? {
            "day" => Unit::Day,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "year" => Unit::Year,
            _ => return None,
        };
        Some((i + r.end, unit, e.attr("offset")?.parse().ok()?))
    }

    /// Every date in `text` (the clean matching view), resolved against `published`.
    pub fn find_all(
        &self,
        text: &str,
        published: Option<NaiveDate>,
    ) -> Vec<(Range<usize>, TimeValue, RuleId)> {
        let mut out = Vec::new();
        let mut covered = 0;
        let mut prev: Option<char> = None;
        for (i, c) in text.char_indices() {
            let p = prev;
            prev = Some(c);
            if i < covered {
                continue;
            }
            if !(numeral::starts_numeral(c) || is_word_start(c)) {
                continue;
            }
            // not inside a number, a code or an identifier
            if p.is_some_and(|p| {
                p.is_ascii_alphanumeric()
                    || numeral::arabic_digit(p).is_some()
                    || matches!(p, '.' | '．' | '-' | '/' | '_')
                    || (numeral::starts_numeral(p) && numeral::starts_numeral(c))
            }) {
                continue;
            }
            if let Some((r, v, rule)) = self.date_at(text, i, published) {
                covered = r.end;
                out.push((r, v, rule));
            } else if numeral::starts_numeral(c) {
                // a failed date (`2月30日`) must not leave its pieces (`30日`) behind
                covered = date_run_end(text, i);
            }
        }
        out
    }

    /// One date expression (with range and period handling) at byte `i`.
    fn date_at(
        &self,
        text: &str,
        i: usize,
        base: Option<NaiveDate>,
    ) -> Option<(Range<usize>, TimeValue, RuleId)> {
        if let Some((end, v)) = self.period_at(text, i) {
            return Some((i..end, v, PERIOD));
        }
        let mut start = i;
        if let Some(x) = self.bare_year_range(text, i, base) {
            return Some(x);
        }
        let first = self.expr_at(text, i, base, Ctx::default())?;
        let mut end = first.end;
        let mut rule = first.rule;
        let mut a = first.start_pt;
        let mut b = first.end_pt;
        // a range: A 至 B
        let k = skip_spaces(text, first.end);
        if let Some(k2) = CONNECTORS.iter().find_map(|c| any_of(text, k, &[c])) {
            let ctx = Ctx {
                year: first.year,
                month: first.month,
            };
            let k2 = skip_spaces(text, k2);
            if let Some(second) = self.expr_at(text, k2, base, ctx) {
                let last = second.end_pt.unwrap_or(second.start_pt);
                if last.date >= a.date {
                    // Mixed precisions (`2014年11月到下个月9号`, `2008.03-2009`): the range
                    // takes the finer one; the coarser end is widened to its last sub-period.
                    let fine = a.prec.min(last.prec);
                    a.prec = fine;
                    b = Some(Point {
                        date: last_sub(last, fine)?,
                        prec: fine,
                    });
                    end = second.end;
                    rule = RANGE;
                }
            }
        }
        // 自/从 … 起/止
        if rule == RANGE {
            if matches!(prev_char(text, start), Some('从' | '自' | '從')) {
                start -= 3;
            }
            if matches!(next_char(text, end), Some('止')) {
                end += 3;
            }
        }
        let tv = TimeValue::Date {
            date: a.date,
            precision: a.prec,
            end: b
                .map(|p| p.date)
                .filter(|d| *d != a.date || b.is_some_and(|p| p.prec != a.prec)),
        };
        Some((start..end, tv, rule))
    }

    /// `1985到89年9月`, `2008——2018年`: a bare four-digit year opening a range whose end
    /// states its year.
    fn bare_year_range(
        &self,
        text: &str,
        i: usize,
        base: Option<NaiveDate>,
    ) -> Option<(Range<usize>, TimeValue, RuleId)> {
        let (e, v, 4, true) = int_at(text, i)? else {
            return None;
        };
        if !(1000..=2999).contains(&v) {
            return None;
        }
        let k = skip_spaces(text, e);
        let k = CONNECTORS.iter().find_map(|c| any_of(text, k, &[c]))?;
        let k = skip_spaces(text, k);
        self.year_at(text, k, base)?;
        let second = self.expr_at(text, k, base, Ctx::default())?;
        let last = second.end_pt.unwrap_or(second.start_pt);
        let a = ymd(v as i32, 1, 1)?;
        if last.date < a {
            return None;
        }
        let fine = last.prec.min(Precision::Year);
        Some((
            i..second.end,
            TimeValue::Date {
                date: a,
                precision: fine,
                end: Some(last.date),
            },
            RANGE,
        ))
    }

    /// 未来三年 / 三年内 / 近五年 / 今后五年 / 十年来: a duration.
    fn period_at(&self, text: &str, i: usize) -> Option<(usize, TimeValue)> {
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

    /// A date expression without ranges.
    fn expr_at(&self, text: &str, i: usize, base: Option<NaiveDate>, ctx: Ctx) -> Option<Expr> {
        if let Some(e) = self.numeric_at(text, i, base.map(|b| b.year())) {
            return Some(e);
        }
        // `2008.03-2009`: a bare four-digit year closing a range that began with a year
        if ctx.year.is_some()
            && let Some((e, v, 4, true)) = int_at(text, i)
            && (1000..=2999).contains(&v)
            && next_char(text, e)
                .is_none_or(|c| !c.is_ascii_alphanumeric() && c != '.' && c != '年')
        {
            return Some(Expr {
                end: e,
                start_pt: Point {
                    date: ymd(v as i32, 1, 1)?,
                    prec: Precision::Year,
                },
                end_pt: None,
                rule: ABSOLUTE,
                year: Some(v as i32),
                month: None,
            });
        }
        // The longest reading wins (`4月前4天` is the first four days of April, not "four
        // months ago"); on a tie the earlier parser in this list.
        [
            self.weekday_at(text, i, base),
            self.relative_span_at(text, i, base),
            self.today_paren_at(text, i, base),
            self.calendar_at(text, i, base, ctx),
        ]
        .into_iter()
        .flatten()
        .reduce(|a, b| if b.end > a.end { b } else { a })
    }

    /// `今（16）日`, `昨（15）日`: the day of the publication month named in brackets.
    fn today_paren_at(&self, text: &str, i: usize, base: Option<NaiveDate>) -> Option<Expr> {
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

    /// `2024-07-21`, `2024/7/21`, `2024.7.21`, `20240307`, `2019.9`, `10/31/1974`.
    fn numeric_at(&self, text: &str, i: usize, base_year: Option<i32>) -> Option<Expr> {
        let first = next_char(text, i)?;
        numeral::arabic_digit(first)?;
        let digits_at = |j: usize| -> Option<(usize, u32, usize)> {
            let mut k = j;
            let mut v: u32 = 0;
            let mut n = 0;
            while let Some(c) = next_char(text, k) {
                let Some(d) = numeral::arabic_digit(c) else {
                    break;
                };
                v = v.checked_mul(10)?.checked_add(d as u32)?;
                n += 1;
                k += c.len_utf8();
            }
            (n > 0).then_some((k, v, n))
        };
        let (j, a, na) = digits_at(i)?;
        let boundary = |k: usize| {
            next_char(text, k).is_none_or(|c| {
                !(c.is_ascii_alphanumeric()
                    || numeral::arabic_digit(c).is_some()
                    || matches!(c, '.' | '%' | '％'))
            })
        };
        let expr = |end: usize, date: NaiveDate, prec: Precision, y: i32, m: Option<u32>| Expr {
            end,
            start_pt: Point { date, prec },
            end_pt: None,
            rule: ABSOLUTE,
            year: Some(y),
            month: m,
        };
        // 20240307
        if na == 8 && boundary(j) {
            let (y, m, d) = ((a / 10000) as i32, a / 100 % 100, a % 100);
            if (1900..=2100).contains(&y) {
                return Some(expr(j, ymd(y, m, d)?, Precision::Day, y, Some(m)));
            }
            return None;
        }
        let sep = next_char(text, j)?;
        // 7·20 (an incident named by its date): month·day of the publication year
        if matches!(sep, '·' | '•') && na <= 2 {
            let (k, b, nb) = digits_at(j + sep.len_utf8())?;
            if nb > 2 || !boundary(k) {
                return None;
            }
            let y = base_year?;
            return Some(Expr {
                end: k,
                start_pt: Point {
                    date: ymd(y, a, b)?,
                    prec: Precision::Day,
                },
                end_pt: None,
                rule: RELATIVE,
                year: None,
                month: Some(a),
            });
        }
        if !matches!(sep, '-' | '/' | '.' | '．' | '／' | '－') {
            return None;
        }
        let (k, b, nb) = digits_at(j + sep.len_utf8())?;
        if na == 4 && (1000..=2999).contains(&a) && nb <= 2 {
            let y = a as i32;
            // Y-M-D (the same separator; 1994.01-19 mixes them)
            if let Some(s2) = next_char(text, k)
                && matches!(s2, '-' | '/' | '.' | '．' | '／' | '－')
                && let Some((l, c, nc)) = digits_at(k + s2.len_utf8())
                && nc <= 2
                && boundary(l)
            {
                return Some(expr(l, ymd(y, b, c)?, Precision::Day, y, Some(b)));
            }
            // Y.M (2019.9, 1999.08): only with `.`/`/` and a zero-padded or dotted month
            if boundary(k) && matches!(sep, '.' | '．' | '/' | '／' | '-' | '－') {
                let _ = month_start(y, b)?;
                if sep == '-' && nb != 2 {
                    return None;
                }
                return Some(expr(k, ymd(y, b, 1)?, Precision::Month, y, Some(b)));
            }
            return None;
        }
        // M/D/YYYY or M/D/YY (US order, slashes only)
        if sep == '/'
            && na <= 2
            && nb <= 2
            && next_char(text, k) == Some('/')
            && let Some((l, c, nc)) = digits_at(k + 1)
            && (nc == 4 || nc == 2)
            && boundary(l)
        {
            let y = if nc == 4 {
                c as i32
            } else {
                two_digit_year(c as i64, None)
            };
            return Some(expr(l, ymd(y, a, b)?, Precision::Day, y, Some(a)));
        }
        None
    }

    /// Weekdays: `周一`, `星期天`, `上周二`, `下礼拜三`, `这周五`.
    fn weekday_at(&self, text: &str, i: usize, base: Option<NaiveDate>) -> Option<Expr> {
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
        Some(Expr {
            end,
            start_pt: Point {
                date,
                prec: Precision::Day,
            },
            end_pt: None,
            rule: RELATIVE,
            year: None,
            month: None,
        })
    }

    /// `前两天`, `上三个月`, `后三天`, `下三年`: the N days/months/years before or after the
    /// publication date (a range); `三天后`, `两年前`: the point N units away.
    fn relative_span_at(&self, text: &str, i: usize, base: Option<NaiveDate>) -> Option<Expr> {
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

    /// Calendar expressions: [year] [month [day]] / [year] quarter / half / 年底 …
    fn calendar_at(&self, text: &str, i: usize, base: Option<NaiveDate>, ctx: Ctx) -> Option<Expr> {
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
        if yearless
            && let Some(b) = base
            && date > b + Duration::days(243)
        {
            date = add_months(date, -12)?;
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
    fn year_at(&self, text: &str, i: usize, base: Option<NaiveDate>) -> Option<(usize, i32)> {
        let (e, v, digits, arabic) = int_at(text, i)?;
        if digits == 0 {
            return None;
        }
        let k = skip_spaces(text, e);
        if !starts(text, k, "年") {
            return None;
        }
        let mut end = k + "年".len();
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
    fn in_year_at(&self, text: &str, j: usize, y: i32, explicit: bool) -> Option<Expr> {
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
fn day_at(text: &str, i: usize, after_month: bool) -> Option<(usize, u32)> {
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

/// The end of a run of numerals, date units and spaces starting at `i`.
fn date_run_end(text: &str, i: usize) -> usize {
    let mut j = i;
    while let Some(c) = next_char(text, j) {
        if numeral::starts_numeral(c)
            || numeral::big_unit(c).is_some()
            || "年月日号號".contains(c)
            || SPACES.contains(&c)
        {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    j
}

/// Characters that can start a date word (`今天`, `上月`, `周一`, `未来三年`, `前两天`, `Q1`).
fn is_word_start(c: char) -> bool {
    "今昨前明后後大本当當这這上下去来來尋寻聽听星礼禮周週未近过過最此首第Qq".contains(c)
}

pub struct DateExtractor;

impl Extractor for DateExtractor {
    fn family(&self) -> &'static str {
        "date"
    }

    fn find(&self, doc: &AnnotatedDoc, rules: &Rules, out: &mut Vec<Candidate>) {
        for (r, v, rule) in rules.date.find_all(doc.text(), doc.published()) {
            out.push(Candidate::new(Label::Date, r, rule, PRIORITY).with_attrs(Attrs::Time(v)));
        }
    }
}

/// The inclusive day range a time value covers (for evaluation and queries):
/// a month-precision date covers the whole month, and so on.
pub fn day_range(v: &TimeValue) -> Option<(NaiveDate, NaiveDate)> {
    let TimeValue::Date {
        date,
        precision,
        end,
    } = v
    else {
        return None;
    };
    let last = |d: NaiveDate, p: Precision| -> Option<NaiveDate> {
        let months = match p {
            Precision::Day => return Some(d),
            Precision::Month => 1,
            Precision::Quarter => 3,
            Precision::Half => 6,
            Precision::Year => 12,
        };
        add_months(d, months)?.pred_opt()
    };
    let e = end.unwrap_or(*date);
    // a range end is as precise as its start, unless it is a coarser unit itself
    Some((*date, last(e, *precision)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    fn one(text: &str, base: Option<NaiveDate>) -> Option<(String, TimeValue)> {
        let got = Rules::builtin().date.find_all(text, base);
        got.into_iter()
            .max_by_key(|(r, _, _)| r.len())
            .map(|(r, v, _)| (text[r].to_string(), v))
    }

    fn day(text: &str, base: NaiveDate) -> Option<(NaiveDate, Precision, Option<NaiveDate>)> {
        match one(text, Some(base))?.1 {
            TimeValue::Date {
                date,
                precision,
                end,
            } => Some((date, precision, end)),
            _ => None,
        }
    }

    #[test]
    fn absolute_table() {
        let b = d(2024, 7, 21);
        let cases: &[(&str, NaiveDate, Precision)] = &[
            ("2024年7月21日", d(2024, 7, 21), Precision::Day),
            ("2024 年 7 月 21 日", d(2024, 7, 21), Precision::Day),
            ("2024-07-21", d(2024, 7, 21), Precision::Day),
            ("2024.7.21", d(2024, 7, 21), Precision::Day),
            ("2024/07/21", d(2024, 7, 21), Precision::Day),
            ("二〇二四年七月二十一日", d(2024, 7, 21), Precision::Day),
            ("2022年9月", d(2022, 9, 1), Precision::Month),
            ("2024年", d(2024, 1, 1), Precision::Year),
            ("2024年底", d(2024, 12, 1), Precision::Month),
            ("2024年上半年", d(2024, 1, 1), Precision::Half),
            ("2024年第三季度", d(2024, 7, 1), Precision::Quarter),
            ("一季度", d(2024, 1, 1), Precision::Quarter),
            ("7月20日", d(2024, 7, 20), Precision::Day),
            ("7 月 20 日", d(2024, 7, 20), Precision::Day),
            ("昨日", d(2024, 7, 20), Precision::Day),
            ("今（16）日", d(2024, 7, 16), Precision::Day),
            ("本月15日", d(2024, 7, 15), Precision::Day),
            ("上月", d(2024, 6, 1), Precision::Month),
            ("今年3月", d(2024, 3, 1), Precision::Month),
            ("去年", d(2023, 1, 1), Precision::Year),
            ("前天", d(2024, 7, 19), Precision::Day),
        ];
        for (t, want, p) in cases {
            let got = day(t, b).unwrap_or_else(|| panic!("{t}: nothing"));
            assert_eq!((got.0, got.1), (*want, *p), "{t}");
        }
    }

    #[test]
    fn year_rolls_back() {
        let got = day("12月30日", d(2025, 1, 3)).unwrap();
        assert_eq!(got.0, d(2024, 12, 30));
        let got = day("9月30日", d(2024, 3, 13)).unwrap();
        assert_eq!(got.0, d(2024, 9, 30));
    }

    #[test]
    fn ranges_and_periods() {
        let b = d(2024, 7, 21);
        assert_eq!(
            day("11月3日至5日", b),
            Some((d(2024, 11, 3), Precision::Day, Some(d(2024, 11, 5))))
        );
        assert_eq!(
            day("2017年8月11日至8月22日", b),
            Some((d(2017, 8, 11), Precision::Day, Some(d(2017, 8, 22))))
        );
        for t in ["未来三年", "三年内", "近五年", "20年来"] {
            let (s, v) = one(t, Some(b)).unwrap();
            assert_eq!(s, *t);
            assert!(matches!(v, TimeValue::Period { .. }), "{t}");
        }
    }

    #[test]
    fn invalid_and_non_dates() {
        let b = d(2024, 7, 21);
        for t in [
            "2024年13月45日",
            "2月30日",
            "80年代",
            "1000多年",
            "300日元",
            "5G网络",
            "增长12%",
            "身份证号140302197706220124",
        ] {
            let got = Rules::builtin().date.find_all(t, Some(b));
            assert!(
                got.iter()
                    .all(|(_, v, _)| matches!(v, TimeValue::Period { .. }))
                    && got.is_empty(),
                "{t}: {got:?}"
            );
        }
        // relative dates need a publication date
        assert!(Rules::builtin().date.find_all("7月20日", None).is_empty());
    }
}
