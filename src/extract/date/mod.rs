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
//! - `N天后`, `两年前` are the point that far away (the day, the year), not Duckling's
//!   interval of the N units in between; `前两天`, `后三个月` are such intervals.
//!   `下周三` is Wednesday of the next week and `这周一` Monday of this week, where Duckling
//!   gives the next Wednesday/Monday to come (see `schema/rules/date.toml`, `date.relative`).
//! - A bare day that continues a list (`9月10日、11日和12日`) inherits the year and month of
//!   the date before it (`list_ctx`); `2020至2025年前` is a year range, but `2000年前` alone
//!   is "2000 years ago"; `09-01` (zero-padded) is a month-day, `10-20` is not.
//! - Neighbouring digits before 年 (`七八年`) are a vague count, not the year 1978.
//!
//! Runs only where a digit, a Chinese numeral or a date word starts, and only after a cheap
//! look at what follows ([`DateRules::find_all`]); the word lexicon
//! (`schema/lexicons/date_words.txt`) is one automaton built in [`DateRules::build`].
//!
//! Files: this one holds the driver (anchors, ranges, the choice between readings);
//! `calendar.rs` years/months/days/quarters, `relative.rs` weekdays, durations and N-units
//! offsets, `numeric.rs` all-digit dates.

use std::ops::Range;

use chrono::{Datelike, Months, NaiveDate, Weekday};

use crate::extract::numeral::{self, SPACES, next_char, prev_char, skip_spaces};
use crate::extract::{AnnotatedDoc, Attrs, Candidate, Extractor, Label, Precision, TimeValue};
use crate::rules::{LexiconSet, RuleId, Rules, TermMatcher};

mod calendar;
mod numeric;
mod relative;

pub const ABSOLUTE: RuleId = RuleId("date.absolute");
pub const RELATIVE: RuleId = RuleId("date.relative");
pub const RANGE: RuleId = RuleId("date.range");
pub const PERIOD: RuleId = RuleId("date.period");
pub const SAME_DAY: RuleId = RuleId("date.same_day");

/// Words for a day told relative to the day named just before them in the text (not to the
/// publication date): `公司于9月11日召开董事会…。同日，公司召开股东大会` → 9月11日; `次日` the
/// day after it.
const SAME_DAY_WORDS: [(&str, i64); 9] = [
    ("同日", 0),
    ("当天", 0),
    ("當天", 0),
    ("同一日", 0),
    ("同一天", 0),
    ("当日", 0),
    ("當日", 0),
    ("次日", 1),
    ("翌日", 1),
];

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

impl Expr {
    /// A day read relative to the publication date, ending at `end` (`7·20`, `下周三`), with the
    /// month when the text wrote one.
    fn relative_day(end: usize, date: NaiveDate, month: Option<u32>) -> Expr {
        Expr {
            end,
            start_pt: Point {
                date,
                prec: Precision::Day,
            },
            end_pt: None,
            rule: RELATIVE,
            year: None,
            month,
        }
    }
}

/// The context a second range member inherits from the first.
#[derive(Clone, Copy, Debug, Default)]
struct Ctx {
    year: Option<i32>,
    month: Option<u32>,
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

/// A date read without a year took the publication year; it moves back one year when it would
/// fall more than eight months after publication (`12月30日` in an article of 2025-01-03).
fn yearless_rollback(date: NaiveDate, base: Option<NaiveDate>) -> Option<NaiveDate> {
    match base {
        Some(b) if date > b + chrono::Duration::days(243) => add_months(date, -12),
        _ => Some(date),
    }
}

/// Words that tell a sentence as done: a date without a year in such a sentence is not in the
/// future (`５月１８日，A与B签署协议` in an article of January: May of the year before).
/// (`举行`/`举办` alone are not: `会议于5月6日举行` announces a meeting as often as it
/// reports one.)
const PAST_WORDS: [&str; 8] = [
    "完成",
    "签署",
    "签订",
    "正式设立",
    "正式成立",
    "已",
    "举行了",
    "举办了",
];

/// Words that tell a sentence as planned: its dates may lie ahead.
const FUTURE_WORDS: [&str; 12] = [
    "将", "將", "拟", "擬", "预计", "預計", "计划", "計劃", "有望", "定于", "届时", "力争",
];

/// The sentence around byte `i` (bounded by 。！？!? and line breaks).
fn sentence_around(text: &str, i: usize) -> &str {
    let stop = |c: char| matches!(c, '。' | '！' | '？' | '!' | '?' | '\n');
    let i = i.min(text.len());
    let mut a = i;
    while a > 0 && !text.is_char_boundary(a) {
        a -= 1;
    }
    let start = text[..a].rfind(stop).map_or(0, |k| {
        k + text[k..].chars().next().map_or(1, char::len_utf8)
    });
    let end = text[a..].find(stop).map_or(text.len(), |k| a + k);
    &text[start..end]
}

/// A date read without a year in a sentence told as done (a completion verb, no plan word)
/// lies in the past: more than a month after publication it is last year's
/// (`５月１８日，A与B签署…` published on 2026-01-05 → 2025-05-18). Otherwise
/// [`yearless_rollback`].
fn yearless_in_sentence(
    text: &str,
    i: usize,
    date: NaiveDate,
    base: Option<NaiveDate>,
) -> Option<NaiveDate> {
    if let Some(b) = base
        && date > b + chrono::Duration::days(31)
    {
        // The first completion verb of the sentence tells it as done unless a plan word
        // governs it (`将于5月18日签署` is planned; `5月18日签署协议，三方将共建…` is done,
        // the plan comes after).
        let sent = sentence_around(text, i);
        let done = PAST_WORDS.iter().filter_map(|w| sent.find(w)).min();
        if let Some(p) = done
            && !FUTURE_WORDS
                .iter()
                .any(|w| sent.find(w).is_some_and(|f| f < p))
        {
            return add_months(date, -12);
        }
    }
    yearless_rollback(date, base)
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

/// Characters that make `年` the start of a yearly figure (`年产值`, `年均`, `年销量`).
const YEARLY_FIGURE: &str = "产產均销銷营營收化增薪利度";

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
        let (end, e) = self.words.longest_at(text, i, lim)?;
        // `达产后年产值`: 后|年产值, not 后年 (`compound=1` words).
        if e.attr("compound") == Some("1")
            && text[end..]
                .chars()
                .next()
                .is_some_and(|c| YEARLY_FIGURE.contains(c))
        {
            return None;
        }
        let unit = match e.attr("unit")? {
            "day" => Unit::Day,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "year" => Unit::Year,
            _ => return None,
        };
        Some((end, unit, e.attr("offset")?.parse().ok()?))
    }

    /// Every date in `text` (the clean matching view), resolved against `published`.
    pub fn find_all(
        &self,
        text: &str,
        published: Option<NaiveDate>,
    ) -> Vec<(Range<usize>, TimeValue, RuleId)> {
        let mut out = Vec::new();
        let mut covered = 0;
        // (the characters a date or an amount may start with, found by one walk per document)
        for &numeral::Start { at: i, c, prev: p } in numeral::starts(text).iter() {
            if i < covered {
                continue;
            }
            if !may_start(c) {
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
            if !self.worth_trying(text, i, c) {
                continue;
            }
            let ctx = list_ctx(text, out.last(), i);
            if let Some((r, v, mut rule)) = self.date_at(text, i, published, ctx) {
                if ctx.month.is_some()
                    && let Some(last) = out.last()
                {
                    // `9月10日、11日`: the continuation is read like the date it continues
                    rule = last.2;
                }
                covered = r.end;
                out.push((r, v, rule));
            } else if numeral::starts_numeral(c) {
                // a failed date (`2月30日`) must not leave its pieces (`30日`) behind
                covered = date_run_end(text, i);
            }
        }
        same_day(text, &mut out);
        out
    }

    /// A cheap filter before the full grammar: a numeral must be followed (after spaces and
    /// 个/多) by a date unit, a date separator or a range connector; a word character must
    /// start a date word or have a numeral or a week word within the next few characters.
    fn worth_trying(&self, text: &str, i: usize, c: char) -> bool {
        if numeral::starts_numeral(c) {
            let Some(n) = numeral::scan(text, i) else {
                return false;
            };
            if n.arabic_only && n.end - i == 8 {
                return true; // 20240307
            }
            let mut j = skip_spaces(text, n.end);
            if let Some(e) = any_of(text, j, &["个", "個", "多"]) {
                j = e;
            }
            // `matches!` rather than `"…".contains(x)`: this runs at every numeral (issue 8).
            return next_char(text, j).is_some_and(|x| {
                matches!(
                    x,
                    '年' | '月'
                        | '日'
                        | '号'
                        | '號'
                        | '天'
                        | '季'
                        | '周'
                        | '週'
                        | '-'
                        | '/'
                        | '.'
                        | '．'
                        | '·'
                        | '•'
                        | '／'
                        | '－'
                        | '—'
                        | '–'
                        | '~'
                        | '～'
                        | '至'
                        | '到'
                        | '（'
                        | '('
                        | 'Q'
                        | 'q'
                        | 'H'
                        | '财'
                        | '財'
                ) || x.is_ascii_digit()
            });
        }
        if self.word_once(text, i).is_some() || matches!(c, '周' | '週' | '星' | '礼' | '禮') {
            return true;
        }
        text[i..].chars().skip(1).take(4).any(|x| {
            numeral::starts_numeral(x)
                || matches!(x, '周' | '週' | '星' | '礼' | '禮' | '季' | '半')
        })
    }

    /// One date expression (with range and period handling) at byte `i`.
    fn date_at(
        &self,
        text: &str,
        i: usize,
        base: Option<NaiveDate>,
        list: Ctx,
    ) -> Option<(Range<usize>, TimeValue, RuleId)> {
        if let Some((end, v)) = self.period_at(text, i) {
            return Some((i..end, v, PERIOD));
        }
        let mut start = i;
        if let Some(x) = self.bare_year_range(text, i, base) {
            return Some(x);
        }
        // a list context applies to a bare day only (`、11日`), never to a new date
        let list = if list.month.is_some() && calendar::day_at(text, i, false).is_some() {
            list
        } else {
            Ctx::default()
        };
        let first = self.expr_at(text, i, base, list)?;
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
                } else {
                    // a range that ends before it starts (`11月5日至3日`) is not a date
                    return None;
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
        if self.year_at(text, k, base).is_none() && year_by_at(text, k).is_none() {
            return None;
        }
        let ctx = Ctx {
            year: Some(v as i32),
            month: None,
        };
        let second = self.expr_at(text, k, base, ctx)?;
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

    /// A date expression without ranges.
    fn expr_at(&self, text: &str, i: usize, base: Option<NaiveDate>, ctx: Ctx) -> Option<Expr> {
        if let Some(e) = self.numeric_at(text, i, base, ctx.year) {
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
        // `2020年至2025年前`: a year closing a range, followed by 前 ("by 2025"). Alone,
        // `2000年前` is more often "2000 years ago", so only in a range.
        if ctx.year.is_some()
            && let Some((e, y)) = year_by_at(text, i)
        {
            return Some(Expr {
                end: e,
                start_pt: Point {
                    date: ymd(y, 1, 1)?,
                    prec: Precision::Year,
                },
                end_pt: None,
                rule: ABSOLUTE,
                year: Some(y),
                month: None,
            });
        }
        // The longest reading wins (`4月前4天` is the first four days of April, not "four
        // months ago"); on a tie the earlier parser in this list.
        [
            self.weekday_at(text, i, base),
            self.relative_span_at(text, i, base),
            self.today_paren_at(text, i, base),
            self.this_and_next_at(text, i, base),
            self.calendar_at(text, i, base, ctx),
        ]
        .into_iter()
        .flatten()
        .reduce(|a, b| if b.end > a.end { b } else { a })
    }
}

/// The year and month a date at `i` inherits when it continues a list of days after `prev`
/// (`9月10日、11日和12日`: the 11th and 12th of September, not of the publication month).
/// Only a day-precision date separated by 、，, 和 及 与 (and spaces) is continued.
fn list_ctx(text: &str, prev: Option<&(Range<usize>, TimeValue, RuleId)>, i: usize) -> Ctx {
    let Some((
        r,
        TimeValue::Date {
            date,
            precision,
            end,
        },
        _,
    )) = prev
    else {
        return Ctx::default();
    };
    let gap = text.get(r.end..i).unwrap_or("");
    if *precision != Precision::Day
        || gap.is_empty()
        || !gap
            .chars()
            .all(|c| "、，,和及与與".contains(c) || SPACES.contains(&c))
    {
        return Ctx::default();
    }
    let d = end.unwrap_or(*date);
    Ctx {
        year: Some(d.year()),
        month: Some(d.month()),
    }
}

/// `2025年前` / `2025年以前` / `2025年之前`: a four-digit year followed by "before"; returns
/// (end after 年, year). The caller decides whether the context makes it a year.
fn year_by_at(text: &str, i: usize) -> Option<(usize, i32)> {
    let (e, v, 4, true) = int_at(text, i)? else {
        return None;
    };
    if !(1000..=2999).contains(&v) {
        return None;
    }
    let k = skip_spaces(text, e);
    let k = any_of(text, k, &["年"])?;
    any_of(text, k, &["前", "以前", "之前"])?;
    Some((k, v as i32))
}

/// The end of a run of numerals, date units, range connectors and spaces starting at `i`.
fn date_run_end(text: &str, i: usize) -> usize {
    let mut j = i;
    while let Some(c) = next_char(text, j) {
        if numeral::starts_numeral(c)
            || numeral::big_unit(c).is_some()
            || "年月日号號至到-~～—－".contains(c)
            || SPACES.contains(&c)
        {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    j
}

/// Can a date start with this character (a numeral or a date word)? Asked at every character
/// of every document, so it reads one bit of a table made at compile time (issue 8).
#[inline]
fn may_start(c: char) -> bool {
    static TABLE: [u64; 1024] = numeral::bmp_table!(may_start_match);
    numeral::bmp_bit(&TABLE, c).unwrap_or_else(|| may_start_match(c))
}

/// [`may_start`] as a function of the two tests (the definition the table is made from).
pub(crate) const fn may_start_match(c: char) -> bool {
    numeral::starts_numeral_match(c) || is_word_start(c)
}

/// Characters that can start a date word (`今天`, `上月`, `周一`, `未来三年`, `前两天`, `Q1`).
const fn is_word_start(c: char) -> bool {
    // Asked at every character of every document: a `match` is a few comparisons, where
    // `str::contains` scanned the whole list each time.
    matches!(
        c,
        '今' | '昨'
            | '前'
            | '明'
            | '后'
            | '後'
            | '大'
            | '本'
            | '当'
            | '當'
            | '这'
            | '這'
            | '上'
            | '下'
            | '去'
            | '来'
            | '來'
            | '尋'
            | '寻'
            | '聽'
            | '听'
            | '星'
            | '礼'
            | '禮'
            | '周'
            | '週'
            | '未'
            | '近'
            | '过'
            | '過'
            | '最'
            | '此'
            | '首'
            | '第'
            | 'Q'
            | 'q'
    )
}

/// Every `SAME_DAY_WORDS` occurrence of `text` as `(position, word, day offset)`, the
/// occurrences of each word as `str::match_indices` finds them.
fn same_day_words(text: &str) -> Vec<(usize, &'static str, i64)> {
    // A lexicon matcher: on a document's text its matches come from the one pass that finds
    // every lexicon's words (see `rules::matcher`), not from a pass of its own (an automaton
    // pass of its own stepped through every byte: ≈ 1 % of a run). Its overlapping matches
    // come by end; no word is a prefix of another, overlaps itself or starts with a character
    // another word holds after its first (日, 天, 一), so no two occurrences overlap and these
    // are exactly the occurrences `match_indices` finds, in text order.
    static WORDS: std::sync::LazyLock<TermMatcher> =
        std::sync::LazyLock::new(|| TermMatcher::from_terms(SAME_DAY_WORDS.map(|w| w.0)));
    WORDS
        .find_all(text)
        .filter_map(|(r, e)| {
            let &(w, offset) = SAME_DAY_WORDS.iter().find(|w| w.0 == e.term)?;
            Some((r.start, w, offset))
        })
        .collect()
}

/// `同日`, `当日`, `次日` after a day-precision date of the text: that day (or the next).
/// Without such a date before them they say nothing we can resolve.
fn same_day(text: &str, out: &mut Vec<(Range<usize>, TimeValue, RuleId)>) {
    // In text order, so that a word resolved here is the day the next one counts from
    // (`上周五开幕。当天下午签约。峰会次日…`: 当天 is that Friday, 次日 the Saturday).
    let mut words = same_day_words(text);
    if words.is_empty() {
        return;
    }
    words.sort_by_key(|(at, _, _)| *at);
    // Days told as `次日` count from the day before them, never from another `次日`: a second
    // `峰会次日` restates the first, it does not move one more day.
    let mut shifted: Vec<Range<usize>> = Vec::new();
    for (at, w, offset) in words {
        let r = at..at + w.len();
        // `当天` alone is read as the publication day (date.relative); after a day of the
        // text it is that day (`上周五…开幕。在当天下午举行的签约仪式上`): the reading
        // of the word itself is replaced, nothing longer.
        let replaces = matches!(w, "当天" | "當天");
        if out
            .iter()
            .any(|(o, _, _)| o.start < r.end && r.start < o.end && !(replaces && *o == r))
        {
            continue;
        }
        // `次日起`, `当日午夜` read the same; `每日`, `节假日` do not match.
        let Some(date) = out
            .iter()
            .filter(|(o, _, _)| o.end <= at && !shifted.contains(o))
            .filter_map(|(_, v, _)| match v {
                TimeValue::Date {
                    date,
                    precision: Precision::Day,
                    end,
                } => Some(end.unwrap_or(*date)),
                _ => None,
            })
            .next_back()
        else {
            continue;
        };
        let Some(day) = date.checked_add_signed(chrono::Duration::days(offset)) else {
            continue;
        };
        if offset != 0 {
            shifted.push(r.clone());
        }
        out.retain(|(o, _, _)| *o != r);
        let k = out.partition_point(|(o, _, _)| o.start < r.start);
        out.insert(
            k,
            (
                r,
                TimeValue::Date {
                    date: day,
                    precision: Precision::Day,
                    end: None,
                },
                SAME_DAY,
            ),
        );
    }
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

    #[test]
    fn may_start_table_is_the_match() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(may_start(c), may_start_match(c), "{c:?}");
        }
    }

    #[test]
    fn same_day_words_are_those_of_match_indices() {
        let text =
            "同日当天當天同一日同一天当日當日次日翌日，同同日日次次日翌翌日当当天同一同一天。次日";
        let mut want: Vec<(usize, &str, i64)> = SAME_DAY_WORDS
            .iter()
            .flat_map(|&(w, o)| text.match_indices(w).map(move |(at, _)| (at, w, o)))
            .collect();
        want.sort_by_key(|(at, _, _)| *at);
        let mut got = same_day_words(text);
        got.sort_by_key(|(at, _, _)| *at);
        assert_eq!(got, want);
        assert!(same_day_words("今日签约").is_empty());
    }

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
            "参加工作也有七八年了",
            "11月5日至3日",
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

    #[test]
    fn a_weekday_in_parentheses_after_a_date_is_its_weekday() {
        let b = d(2024, 6, 14);
        let got = all("发布时间：2024 年 6 月 14 日（星期五）", b);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, d(2024, 6, 14));
        let got = all("会议定于6月20日(周四)举行", b);
        assert_eq!(got.len(), 1, "{got:?}");
        // a weekday in parentheses after something else is still a date
        let got = all("例会（周五）照常举行", b);
        assert_eq!(got.first().map(|x| x.1), Some(d(2024, 6, 21)), "{got:?}");
    }

    #[test]
    fn fiscal_years_and_latin_halves() {
        let b = d(2024, 7, 21);
        assert_eq!(
            day("公司2023财年营收8亿元", b),
            Some((d(2023, 1, 1), Precision::Year, None))
        );
        assert_eq!(
            day("2024 年 H1 收入", b),
            Some((d(2024, 1, 1), Precision::Half, None))
        );
        assert_eq!(
            day("2024年H2", b),
            Some((d(2024, 7, 1), Precision::Half, None))
        );
        // H100 is a chip, not a half
        assert_eq!(
            day("2024年H100出货", b),
            Some((d(2024, 1, 1), Precision::Year, None))
        );
    }

    #[test]
    fn year_words_inside_yearly_figures() {
        let b = d(2024, 7, 21);
        // 达产后|年产值, 公司前|年营收: no 后年 / 前年
        for t in [
            "项目达产后年产值不低于80亿元",
            "投产后年均增长5%",
            "前年营收下降",
        ] {
            let got = Rules::builtin().date.find_all(t, Some(b));
            assert!(got.is_empty(), "{t}: {got:?}");
        }
        assert_eq!(
            day("后年投产", b),
            Some((d(2026, 1, 1), Precision::Year, None))
        );
        assert_eq!(
            day("公司前年上市", b),
            Some((d(2022, 1, 1), Precision::Year, None))
        );
    }

    /// Every date of a text as (surface, first day, last day).
    fn all(text: &str, base: NaiveDate) -> Vec<(String, NaiveDate, NaiveDate)> {
        Rules::builtin()
            .date
            .find_all(text, Some(base))
            .into_iter()
            .filter_map(|(r, v, _)| day_range(&v).map(|(a, b)| (text[r].to_string(), a, b)))
            .collect()
    }

    #[test]
    fn same_day_words_count_from_the_day_told_before() {
        let b = d(2025, 9, 15);
        let got = all(
            "上周五，峰会在重庆开幕。在当天下午举行的签约仪式上，六方签约。\n## 次日举行分论坛\n峰会次日，学院承办了分论坛。",
            b,
        );
        let of = |w: &str| {
            got.iter()
                .filter(|g| g.0 == w)
                .map(|g| g.1)
                .collect::<Vec<_>>()
        };
        assert_eq!(of("上周五"), [d(2025, 9, 12)]);
        // 当天 after a day of the text is that day, not the publication day
        assert_eq!(of("当天"), [d(2025, 9, 12)]);
        // both 次日 are the day after it: the second restates the first
        assert_eq!(of("次日"), [d(2025, 9, 13), d(2025, 9, 13)]);
        // alone, 当天 keeps its reading as the publication day
        assert_eq!(all("当天下午，双方签约。", b)[0].1, b);
        // no day before it: 次日 says nothing
        assert!(all("次日，双方签约。", b).is_empty());
    }

    #[test]
    fn a_yearless_date_told_as_done_lies_in_the_past() {
        let b = d(2026, 1, 5);
        // a roundup published in January: May and June of the year before
        assert_eq!(
            day(
                "５月１８日，青岚公司与临港集团签署战略合作协议，三方将共建基地。",
                b
            )
            .map(|x| x.0),
            Some(d(2025, 5, 18))
        );
        assert_eq!(
            day("６月，零点公司完成B轮融资。", b).map(|x| x.0),
            Some(d(2025, 6, 1))
        );
        // a plan word before the verb: the date lies ahead
        assert_eq!(
            day("公司将于5月18日举行股东大会。", b).map(|x| x.0),
            Some(d(2026, 5, 18))
        );
        // no completion verb: the publication year (the eight-month rule alone)
        assert_eq!(day("5月18日", b).map(|x| x.0), Some(d(2026, 5, 18)));
        // within a month of publication: not moved
        assert_eq!(
            day("1月20日，公司完成融资。", b).map(|x| x.0),
            Some(d(2026, 1, 20))
        );
    }

    #[test]
    fn list_of_days_inherits_the_month() {
        let b = d(2023, 3, 2);
        let got = all("展会将于10月8日、9日和10日在上海举行。", b);
        let days: Vec<_> = got.iter().map(|x| x.1).collect();
        assert_eq!(
            days,
            vec![d(2023, 10, 8), d(2023, 10, 9), d(2023, 10, 10)],
            "{got:?}"
        );
        let got = all("双方于2019年12月30日，31日两次会谈。", b);
        assert_eq!(got.last().map(|x| x.1), Some(d(2019, 12, 31)), "{got:?}");
        // a new date or a count after the list is not a continuation
        let got = all("会议于5月6日、7月1日举行，共有1000名代表。", b);
        let days: Vec<_> = got.iter().map(|x| x.1).collect();
        assert_eq!(days, vec![d(2023, 5, 6), d(2023, 7, 1)], "{got:?}");
        // a day after a month-precision date is not continued (no month to inherit)
        let got = all("2022年9月，5日", b);
        assert!(!got.iter().any(|x| x.1 == d(2022, 9, 5)), "{got:?}");
    }

    #[test]
    fn year_range_closed_by_year_before() {
        let b = d(2022, 5, 1);
        for t in [
            "力争2020至2028年前完成",
            "2020年至2028年前",
            "2020年到2028年以前",
        ] {
            let got = all(t, b);
            assert_eq!(
                got.first().map(|x| (x.1, x.2)),
                Some((d(2020, 1, 1), d(2028, 12, 31))),
                "{t}: {got:?}"
            );
        }
        // alone, `2000年前` is "2000 years ago": no date
        assert!(all("两千多年前的遗址，距今2000年前", b).is_empty());
    }

    #[test]
    fn this_and_next() {
        let b = d(2022, 5, 1);
        assert_eq!(
            all("今明两年将新增产能", b).first().map(|x| (x.1, x.2)),
            Some((d(2022, 1, 1), d(2023, 12, 31)))
        );
        assert_eq!(
            all("今明两天有雨", b).first().map(|x| (x.1, x.2)),
            Some((d(2022, 5, 1), d(2022, 5, 2)))
        );
        assert!(all("今明三年", b).is_empty());
    }

    #[test]
    fn spaced_and_zero_padded_numeric_dates() {
        let b = d(2022, 5, 1);
        let got = all("报告日期 2021 12 03 星期五", b);
        assert_eq!(got.first().map(|x| x.1), Some(d(2021, 12, 3)), "{got:?}");
        // invalid month, or a longer run of numbers (a table row), is not a date
        assert!(all("2021 13 03", b).is_empty());
        assert!(all("2021 12 03 45", b).is_empty());
        // zero-padded month-day: a date, rolled back like 9月1日
        for base in [b, d(2022, 3, 1)] {
            let got = all("截至12-05，共完成", base);
            let same = all("截至12月5日，共完成", base);
            assert_eq!(
                got.first().map(|x| x.1),
                same.first().map(|x| x.1),
                "{got:?}"
            );
        }
        assert_eq!(
            all("12-05", d(2022, 3, 1)).first().map(|x| x.1),
            Some(d(2021, 12, 5))
        );
        assert_eq!(
            all("08/15开幕", b).first().map(|x| x.1),
            Some(d(2022, 8, 15))
        );
        // unpadded pairs stay ranges of counts; times and codes are not dates
        for t in [
            "约10-20人",
            "比分为2-1",
            "时间09-01:30",
            "编号 12-34",
            "13-05",
        ] {
            assert!(all(t, b).is_empty(), "{t}: {:?}", all(t, b));
        }
    }
}
