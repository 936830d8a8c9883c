//! Money: Arabic, Chinese and mixed numerals with scale words, currencies, qualifiers, ranges.
//!
//! Rule ids (docs in `schema/rules/money.toml`):
//! - `money.amount` — a number (any numeral shape, see [`super::numeral`]) with an optional
//!   scale (`亿`, `千万`, `万亿`) and a currency (`元`, `美元`, `人民币…`), plus 角/分 sub-units;
//!   English scale words count too (`US$50 million`, `USD 1.2 billion`); a bare 亿 after a
//!   prefix qualifier is one 亿 (`近亿元`, `超亿元`);
//! - `money.range` — two amounts joined by 至/到/-/~ (`10亿至20亿元`, `1.84-1.87港元`); the
//!   lower end inherits the scale and currency of the upper one when it has none;
//! - `money.level` — an order of magnitude (`百亿级`): min 10^n, max 10^(n+1);
//! - `money.vague` — 数/几/上 + scale (`数十亿元`, `上亿`), digit pairs (`三五百块`, `八九亿`),
//!   `十几`: a range.
//!
//! Qualifiers around an amount come from `schema/lexicons/money_qualifiers.txt`; currencies from
//! `currencies.txt` (元 alone means CNY); vague/level scales from `scale_words.txt`.
//!
//! How it runs: the text is walked once; only where a numeral (or 数/几/上 + scale) starts is
//! the grammar tried, so text without digits costs one pass over its characters. Lexicons are
//! turned into [`TermMatcher`]s once, in [`MoneyRules::build`].
//!
//! Decisions:
//! - An amount needs a currency word to be extracted (counts such as `10万吨`, `1200余名`,
//!   years, percentages, `5G` have none). The exception is a level with an 亿 scale
//!   (`百亿级基金`): such orders of magnitude are amounts of money in business news, and we
//!   assume CNY. [`MoneyRules::parse`] (used by `kgextract eval money`) reads a string that is
//!   known to be an amount, so it also accepts a bare number (`三百万` → CNY) and Cantonese
//!   colloquial forms (`個半`, `七蚊`) that are too ambiguous for running text.
//! - `value` is the point value, the lower bound of a range/level/vague amount and of
//!   more_than/at_least, and the upper bound of at_most. `min`/`max` are absent when unbounded.
//! - 多/余 between number and scale (`3000多欧元`, `三百多亿`) is more_than with an upper bound
//!   at the next step of the last non-zero digit (3000..4000).

use crate::normalize::filters::is_han;
use std::ops::Range;

use super::numeral::{self, Dec, next_char, prev_char, skip_spaces, skip_spaces_back};
use crate::extract::{AnnotatedDoc, Attrs, Candidate, Extractor, Label, Money, Qualifier};
use crate::rules::{LexiconSet, RuleId, Rules, SuffixList, TermMatcher};

pub const AMOUNT: RuleId = RuleId("money.amount");
pub const RANGE: RuleId = RuleId("money.range");
pub const LEVEL: RuleId = RuleId("money.level");
pub const VAGUE: RuleId = RuleId("money.vague");
pub const CONTEXT: RuleId = RuleId("money.context");

/// Priority of money candidates (values layer; dates use the same layer).
const PRIORITY: i32 = 10;

/// Compiled money lexicons.
pub struct MoneyRules {
    currencies: TermMatcher,
    /// Currency words that may precede a number (longest first).
    pre_currencies: SuffixList<String>,
    qualifiers_post: TermMatcher,
    /// (term, qualifier) that may precede an amount, longest first.
    /// (`None`: a word ending in a qualifier that is none, `签约` before `亿元以上项目`.)
    qualifiers_pre: SuffixList<Option<Qualifier>>,
    scales: TermMatcher,
    /// Words after which a scaled bare number is money (投资300亿), longest first.
    triggers: SuffixList<()>,
    /// Counted nouns: a number before them is a count (300万家).
    counts: TermMatcher,
}

fn qualifier_of(s: &str) -> Option<Qualifier> {
    Some(match s {
        "more_than" => Qualifier::MoreThan,
        "at_least" => Qualifier::AtLeast,
        "at_most" => Qualifier::AtMost,
        "approx" => Qualifier::Approx,
        _ => return None,
    })
}

/// A currency found next to a number.
#[derive(Clone, Debug, PartialEq)]
struct Cur {
    code: String,
    /// A main unit (元/块) that 角/分 may follow.
    main: bool,
    /// Also a classifier (块): money in running text only with 钱/角/分 or at a clause end.
    colloquial: bool,
}

/// The number part of an amount, before qualifiers and ranges.
#[derive(Clone, Debug)]
struct Core {
    start: usize,
    end: usize,
    lo: Dec,
    /// Upper end for vague/多 amounts.
    hi: Option<Dec>,
    /// Power of ten of the trailing big scale (`亿` → 8), for range inheritance.
    scale: Option<u32>,
    /// The trailing small unit of a number without big scale (`3百` → 2).
    small: Option<u32>,
    /// The number had no unit at all (`两` in `两到三千`).
    unitless: bool,
    currency: Option<Cur>,
    rule: RuleId,
    /// 多/余 after the number.
    more: bool,
    /// Has a 级 suffix (level).
    level: bool,
}

fn pow10(p: u32) -> Dec {
    Dec::int(1).times_pow10(p).unwrap_or(Dec::ZERO)
}

impl MoneyRules {
    pub fn build(lex: &LexiconSet) -> MoneyRules {
        let cur = lex.get("currencies");
        let mut pre_currencies: Vec<(String, String)> = cur
            .entries
            .iter()
            .filter(|e| matches!(e.attr("pos"), Some("pre" | "both")))
            .filter_map(|e| Some((e.term.clone(), e.attr("code")?.to_string())))
            .collect();
        pre_currencies.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        let q = lex.get("money_qualifiers");
        let post: Vec<_> = q
            .entries
            .iter()
            .filter(|e| e.attr("pos") == Some("post"))
            .cloned()
            .collect();
        let mut qualifiers_pre: Vec<(String, Option<Qualifier>)> = q
            .entries
            .iter()
            .filter(|e| e.attr("pos") == Some("pre"))
            .filter_map(|e| match e.attr("q")? {
                "none" => Some((e.term.clone(), None)),
                q => Some((e.term.clone(), Some(qualifier_of(q)?))),
            })
            .collect();
        qualifiers_pre.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        MoneyRules {
            currencies: TermMatcher::new(
                cur.entries
                    .iter()
                    .filter(|e| matches!(e.attr("pos"), Some("post" | "both"))),
            ),
            pre_currencies: SuffixList::new(pre_currencies),
            qualifiers_post: TermMatcher::new(post.iter()),
            qualifiers_pre: SuffixList::new(qualifiers_pre),
            scales: TermMatcher::new(lex.get("scale_words").entries.iter()),
            triggers: {
                let mut t: Vec<String> = lex
                    .get("money_context")
                    .entries
                    .iter()
                    .filter(|e| e.attr("kind") == Some("trigger"))
                    .map(|e| e.term.clone())
                    .collect();
                t.sort_by_key(|t| std::cmp::Reverse(t.len()));
                SuffixList::new(t.into_iter().map(|t| (t, ())).collect())
            },
            counts: TermMatcher::new(
                lex.get("money_context")
                    .entries
                    .iter()
                    .filter(|e| e.attr("kind") == Some("count")),
            ),
        }
    }

    /// The longest term of `m` starting exactly at byte `i`.
    fn term_at<'a>(
        m: &'a TermMatcher,
        text: &'a str,
        i: usize,
    ) -> Option<(usize, &'a crate::rules::Entry)> {
        let mut lim = (i + 32).min(text.len());
        while !text.is_char_boundary(lim) {
            lim -= 1;
        }
        m.longest_at(text, i, lim)
    }

    fn currency_after(&self, text: &str, i: usize) -> Option<(usize, Cur)> {
        let j = skip_spaces(text, i);
        let (end, e) = Self::term_at(&self.currencies, text, j)?;
        // An ASCII code must not run into more letters (`USDT`).
        if e.term.is_ascii() && next_char(text, end).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        Some((
            end,
            Cur {
                code: e.attr("code")?.to_string(),
                main: e.attr("unit") == Some("main"),
                colloquial: e.attr("colloquial") == Some("yes"),
            },
        ))
    }

    fn currency_before(&self, text: &str, i: usize) -> Option<(usize, String)> {
        let j = skip_spaces_back(text, i);
        self.pre_currencies
            .first_ending(&text[..j])
            .map(|(t, c)| (j - t.len(), c.clone()))
    }

    fn qualifier_before(&self, text: &str, i: usize) -> Option<(usize, Qualifier)> {
        let j = skip_spaces_back(text, i);
        self.qualifiers_pre
            .first_ending(&text[..j])
            .and_then(|(t, q)| q.map(|q| (j - t.len(), q)))
    }

    /// Does a money word (投资, 融资, 估值 …) end just before `i`, with at most three filler
    /// characters (达 为 约 共 计 了 的 是 高 总) between?
    fn trigger_before(&self, text: &str, i: usize) -> bool {
        let mut j = skip_spaces_back(text, i);
        for _ in 0..=3 {
            if self.triggers.any_ending(&text[..j]) {
                return true;
            }
            match prev_char(text, j) {
                Some(c) if "达为约共计了的是高总已将".contains(c) => j -= c.len_utf8(),
                _ => return false,
            }
        }
        false
    }

    /// A scale word (`百亿`, `千万`) starting at `i`: (end, power).
    fn scale_at(&self, text: &str, i: usize) -> Option<(usize, u32)> {
        let (end, e) = Self::term_at(&self.scales, text, i)?;
        Some((end, e.attr("pow")?.parse().ok()?))
    }

    /// The number part at byte `i`: vague forms, a numeral with scale, 多/余, currency, 角/分.
    fn core(&self, text: &str, i: usize, lenient: bool) -> Option<Core> {
        let c0 = next_char(text, i)?;
        // 数十亿 / 几十万 / 上亿 / 上千万
        if matches!(c0, '数' | '數' | '几' | '幾' | '上') {
            let (end, p) = self.scale_at(text, i + c0.len_utf8())?;
            if c0 == '上' && p < 3 {
                return None; // 上百 is too weak a signal ("上百家")
            }
            let (lo, hi) = (pow10(p), pow10(p + 1));
            return self.finish_core(text, i, end, lo, Some(hi), Some(p), VAGUE, lenient);
        }
        // 近亿元 / 超亿元 / 逾亿美元: a bare 亿 right after a prefix qualifier stands for one 亿
        // (without the qualifier, `亿元` is a word, not an amount).
        if matches!(c0, '亿' | '億') {
            self.qualifier_before(text, i)?;
            let (end, p) = self.scale_at(text, i)?;
            return self.finish_core(text, i, end, pow10(p), None, Some(p), AMOUNT, lenient);
        }
        // 三五百 / 四五千 / 八九亿 / 一两千: two ascending digits then a unit.
        if let (Some(d1), Some(c1)) = (numeral::cn_digit(c0), next_char(text, i + c0.len_utf8()))
            && let Some(d2) = numeral::cn_digit(c1)
            && d1 >= 1
            && d2 > d1
            && d2 - d1 <= 2
        {
            let j = i + c0.len_utf8() + c1.len_utf8();
            if let Some((end, p)) = self.scale_at(text, j) {
                let lo = Dec::int(d1 as i128).times_pow10(p)?;
                let hi = Dec::int(d2 as i128).times_pow10(p)?;
                return self.finish_core(text, i, end, lo, Some(hi), Some(p), VAGUE, lenient);
            }
        }
        // 十几块钱: 10..20
        if matches!(c0, '十' | '拾') && matches!(next_char(text, i + 3), Some('几' | '幾')) {
            let end = i + 6;
            let (end, p) = match self.scale_at(text, end) {
                Some((e, p)) if p >= 4 => (e, p),
                _ => (end, 0),
            };
            let lo = pow10(1 + p);
            let hi = Dec::int(2).times_pow10(1 + p)?;
            return self.finish_core(text, i, end, lo, Some(hi), Some(p), VAGUE, lenient);
        }
        // 百亿级 / 千亿级 with no digit before the scale
        if let Some((end, p)) = self.scale_at(text, i)
            && next_char(text, end) == Some('级')
        {
            let end = end + '级'.len_utf8();
            let mut core = self.finish_core(
                text,
                i,
                end,
                pow10(p),
                Some(pow10(p + 1)),
                Some(p),
                LEVEL,
                true,
            )?;
            core.level = true;
            return Some(core);
        }
        let num = numeral::scan(text, i)?;
        let mut v = num.value;
        let mut j = num.end;
        let mut scale = num.big_scale;
        // 两个亿: a classifier before 亿
        if matches!(next_char(text, j), Some('个' | '個'))
            && matches!(next_char(text, j + 3), Some('亿' | '億'))
        {
            j += 3;
        }
        // 多/余 before the scale: 三百多亿, 3000多欧元
        let mut more = false;
        let mut hi = None;
        if matches!(next_char(text, j), Some('多' | '余' | '餘')) {
            let step = pow10_i(v.lowest_place().max(0));
            hi = Some(v.plus(step)?);
            more = true;
            j += 3;
        }
        // a scale after spaces (`300 亿元`) or after the numeral (`1.2万` is in the numeral)
        let k = skip_spaces(text, j);
        if let Some((end, p)) = self.scale_run(text, k).or_else(|| latin_scale(text, k)) {
            v = v.times_pow10(p)?;
            hi = match hi {
                Some(h) => Some(h.times_pow10(p)?),
                None => None,
            };
            scale = Some(p);
            j = end;
        }
        if !more && matches!(next_char(text, j), Some('多' | '余' | '餘')) && scale.is_some() {
            // 300万多元 (rare): more_than without an upper bound
            more = true;
            j += 3;
        }
        if next_char(text, j) == Some('级') && scale.is_some_and(|p| p >= 4) {
            let p = v.to_f64().log10().floor().max(0.0) as u32;
            // An order of magnitude past what a decimal holds is no amount (min would be
            // 10^p and max 0).
            let (Some(lo), Some(hi)) = (Dec::int(1).times_pow10(p), Dec::int(1).times_pow10(p + 1))
            else {
                return None;
            };
            let mut core = self.finish_core(
                text,
                i,
                j + '级'.len_utf8(),
                lo,
                Some(hi),
                Some(p),
                LEVEL,
                lenient,
            )?;
            core.level = true;
            return Some(core);
        }
        let mut core = self.finish_core(text, i, j, v, hi, scale, AMOUNT, lenient)?;
        core.more = more;
        core.small = if scale.is_none() {
            num.small_scale
        } else {
            None
        };
        core.unitless = !num.has_unit && scale.is_none();
        Some(core)
    }

    /// A run of unit characters after a numeral: `亿`, `千万`, `万亿`, `百亿` → total power.
    fn scale_run(&self, text: &str, i: usize) -> Option<(usize, u32)> {
        let mut j = i;
        let mut p = 0;
        let mut last = None;
        while let Some(c) = next_char(text, j) {
            let q = numeral::small_unit(c).or_else(|| numeral::big_unit(c));
            match q {
                // 亿亿 is not a scale
                Some(q) if last != Some(c) => {
                    p += q;
                    j += c.len_utf8();
                    last = Some(c);
                }
                _ => break,
            }
        }
        (j > i).then_some((j, p))
    }

    /// Currency and sub-units after the number.
    #[allow(clippy::too_many_arguments)]
    fn finish_core(
        &self,
        text: &str,
        start: usize,
        mut j: usize,
        mut lo: Dec,
        mut hi: Option<Dec>,
        scale: Option<u32>,
        rule: RuleId,
        lenient: bool,
    ) -> Option<Core> {
        let mut currency = None;
        if let Some((end, cur)) = self.currency_after(text, j) {
            j = end;
            currency = Some(cur);
            // 三万元欧元 / 9000元日币: a currency word after 元 overrides it
            if let Some((end2, cur2)) = self.currency_after(text, j)
                && !cur2.main
            {
                j = end2;
                currency = Some(cur2);
            }
        } else if lenient
            && hi.is_none()
            && matches!(next_char(text, j), Some('个' | '個'))
            && scale.is_none()
        {
            // Cantonese 三個一毫四 (lenient only)
            j += 3;
            currency = Some(Cur {
                code: "CNY".into(),
                main: true,
                colloquial: false,
            });
        }
        let mut has_sub = false;
        if currency.as_ref().is_some_and(|c| c.main) && hi.is_none() {
            // 角/分 after the main unit
            if let Some((end, sub)) = sub_units(text, j, true) {
                lo = lo.plus(sub)?;
                j = end;
                has_sub = true;
            }
        }
        // 一块净土: 块 as a classifier is not money
        if !lenient
            && !has_sub
            && currency.as_ref().is_some_and(|c| c.colloquial)
            && next_char(text, j)
                .is_some_and(|c| !matches!(c, '钱' | '錢') && (is_han(c) || c.is_alphanumeric()))
        {
            currency = None;
        }
        // 整/正 and 钱 after a main unit
        if currency.as_ref().is_some_and(|c| c.main) {
            if matches!(next_char(text, j), Some('整' | '正')) {
                j += 3;
            }
            if matches!(next_char(text, j), Some('钱' | '錢')) {
                j += 3;
            }
        }
        if hi.is_some_and(|h| h == lo) {
            hi = None;
        }
        Some(Core {
            start,
            end: j,
            lo,
            hi,
            scale,
            currency,
            rule,
            more: false,
            level: false,
            small: None,
            unitless: false,
        })
    }

    /// Parse one amount (with qualifiers and ranges) starting at or around byte `i`.
    /// Returns the byte range covered and the money value.
    fn amount_at(
        &self,
        text: &str,
        i: usize,
        bare_ok: bool,
        lenient: bool,
    ) -> Option<(Range<usize>, Money, RuleId)> {
        let mut first = self.core(text, i, lenient)?;
        if clock_minutes(text, first.start) {
            return None;
        }
        let mut rule = first.rule;
        let mut lo = first.lo;
        let mut hi = first.hi;
        let mut end = first.end;
        let mut qualifier = if first.level {
            Qualifier::Level
        } else if first.rule == VAGUE {
            Qualifier::Vague
        } else if first.more {
            Qualifier::MoreThan
        } else {
            Qualifier::Exact
        };
        // (含) after the first amount: 1万(含)-5万元
        let after_incl = skip_incl(text, end);
        // range: A 至/到/-/~ B
        if !first.level
            && let Some(k) = range_connector(text, after_incl)
            && let Some(second) = self.core(text, skip_spaces(text, k), lenient)
            && !second.level
        {
            // inherit scale and currency
            let b = second.hi.unwrap_or(second.lo);
            let mut a = first.lo;
            // The lower end inherits the upper's big scale (两到三万, 一千到两千万), or its
            // small unit when it has no unit at all (两到三仟) — unless that makes it larger
            // than the upper end (从8500到3万).
            let inherit = if first.currency.is_some() || first.scale.is_some() {
                None
            } else if let Some(p) = second.scale {
                Some(p)
            } else if first.unitless {
                second.small
            } else {
                None
            };
            if let Some(p) = inherit
                && let Some(x) = a.times_pow10(p)
                && x.to_f64() <= b.to_f64()
            {
                a = x;
            }
            if a.to_f64() < b.to_f64() {
                if first.currency.is_none() {
                    first.currency = second.currency.clone();
                }
                lo = a;
                hi = Some(b);
                end = second.end;
                rule = RANGE;
                qualifier = Qualifier::Range;
            }
        }
        let mut start = first.start;
        // negative sign
        if let Some(c) = prev_char(text, start)
            && matches!(c, '负' | '負' | '-' | '−' | '－')
            && (lenient || first.currency.is_some())
            && prev_char(text, start - c.len_utf8()).is_none_or(|p| !p.is_ascii_alphanumeric())
        {
            start -= c.len_utf8();
            // Negating a range swaps its ends, so that min <= max still holds (-5~-3 → -5..-3).
            (lo, hi) = match hi {
                Some(h) => (h.negated(), Some(lo.negated())),
                None => (lo.negated(), None),
            };
        }
        // currency before the number: 人民币300亿元, 新台币 177.1 亿元
        let mut currency = first.currency.clone().map(|c| c.code);
        // prefix qualifiers and currency in either order
        let mut pre_q = None;
        for _ in 0..2 {
            if let Some((s, code)) = self.currency_before(text, start) {
                if currency.is_none() || currency.as_deref() == Some("CNY") && code != "CNY" {
                    currency = Some(code);
                }
                start = s;
                continue;
            }
            if pre_q.is_none()
                && let Some((s, q)) = self.qualifier_before(text, start)
            {
                pre_q = Some(q);
                start = s;
                continue;
            }
            break;
        }
        // 从8500到3万港元
        if rule == RANGE && prev_char(text, start) == Some('从') {
            start -= 3;
        }
        // post qualifiers: 以上/以下/左右 (after an optional (含))
        let mut post_q = None;
        let k = skip_spaces(text, skip_incl(text, end));
        if let Some((e, entry)) = Self::term_at(&self.qualifiers_post, text, k)
            && let Some(q) = entry.attr("q").and_then(qualifier_of)
        {
            post_q = Some(q);
            end = e;
        }
        let q = post_q.or(pre_q);
        if let Some(q) = q
            && matches!(qualifier, Qualifier::Exact)
        {
            qualifier = q;
        }
        // `向千亿级迈进`, `迈向万亿级`: a level with no currency as the goal of growth is the
        // scale of an industry, not a sum of money.
        if currency.is_none() && rule == LEVEL && growth_goal(text, start, end) {
            return None;
        }
        // A bare number is money only when we know the text is an amount.
        let currency = match currency {
            Some(c) => c,
            None if lenient || (rule == LEVEL && first.scale.is_some_and(|p| p >= 8)) => {
                "CNY".to_string()
            }
            // money.context: a bare number with a 万/亿 scale after a money word
            None if bare_ok && rule != LEVEL && first.scale.is_some_and(|p| p >= 4) => {
                rule = CONTEXT;
                "CNY".to_string()
            }
            None => return None,
        };
        let (value, min, max) = match qualifier {
            Qualifier::Exact => (lo, Some(lo), Some(lo)),
            Qualifier::MoreThan | Qualifier::AtLeast => (lo, Some(lo), hi),
            Qualifier::AtMost => (hi.unwrap_or(lo), None, Some(hi.unwrap_or(lo))),
            Qualifier::Approx => (lo, None, None),
            Qualifier::Level | Qualifier::Vague | Qualifier::Range => (lo, Some(lo), hi),
        };
        let money = Money {
            value: value.to_f64(),
            min: min.map(Dec::to_f64),
            max: max.map(Dec::to_f64),
            currency,
            qualifier,
        };
        Some((start..end, money, rule))
    }

    /// Parse a string that is known to be one money expression (`约4.287亿美元`, `三百万`,
    /// `两角五分`). A bare number is read as CNY. Used by `kgextract eval money`.
    pub fn parse(&self, s: &str) -> Option<Money> {
        let s = s.trim();
        let mut best: Option<(Range<usize>, Money)> = None;
        let mut consider = |r: Range<usize>, m: Money| {
            if best.as_ref().is_none_or(|(b, _)| r.len() > b.len()) {
                best = Some((r, m));
            }
        };
        let exact = |v: Dec, currency: String| Money {
            value: v.to_f64(),
            min: Some(v.to_f64()),
            max: Some(v.to_f64()),
            currency,
            qualifier: Qualifier::Exact,
        };
        for (i, c) in s.char_indices() {
            if can_start(c)
                && let Some((r, m, _)) = self.amount_at(s, i, false, true)
            {
                consider(r, m);
            }
            // 两角五分 / 五分 / 两毛五: cents only
            if let Some((end, sub)) = sub_units(s, i, false) {
                let (mut start, neg) = match prev_char(s, i) {
                    Some(c @ ('负' | '負' | '-')) => (i - c.len_utf8(), true),
                    _ => (i, false),
                };
                let v = if neg { sub.negated() } else { sub };
                let mut currency = "CNY".to_string();
                if let Some((st, code)) = self.currency_before(s, start) {
                    currency = code;
                    start = st;
                }
                consider(start..end, exact(v, currency));
            }
            // 個半 / 個九: one dollar and a half (Cantonese; only when the text is an amount)
            if matches!(c, '个' | '個') && s[..i].trim().is_empty() {
                let j = i + c.len_utf8();
                let sub = match next_char(s, j) {
                    Some('半') => Some(Dec { m: 5, s: 1 }),
                    Some(d) => numeral::cn_digit(d).map(|d| Dec::int(d as i128).div_pow10(1)),
                    None => None,
                };
                if let Some(sub) = sub
                    && let Some(v) = Dec::int(1).plus(sub)
                {
                    consider(i..j + 3, exact(v, "CNY".into()));
                }
            }
        }
        best.map(|(_, m)| m)
    }

    /// Every amount in `text` (the clean matching view): (byte range, money, rule).
    pub fn find_all(&self, text: &str) -> Vec<(Range<usize>, Money, RuleId)> {
        let mut out: Vec<(Range<usize>, Money, RuleId)> = Vec::new();
        let mut covered = 0usize;
        // (the characters a date or an amount may start with, found by one walk per document)
        for &numeral::Start { at: i, c, prev: p } in numeral::starts(text).iter() {
            if i < covered || !can_start(c) {
                continue;
            }
            // only at the start of a numeral run (not inside `2024`, `三百` or `1,234`; a
            // comma between clauses — `1亿元，伍仟万元` — does not continue a number)
            let inside = p.is_some_and(|p| match p {
                ',' | '，' => {
                    numeral::arabic_digit(c).is_some()
                        && prev_char(text, i - p.len_utf8())
                            .is_some_and(|q| numeral::arabic_digit(q).is_some())
                }
                _ => continues_number(p) && continues_number(c),
            });
            if inside {
                continue;
            }
            // not a version or model number (`V2.0`, `A380`), unless a currency code is glued
            // to the number (`RMB5000万`)
            if p.is_some_and(|p| p.is_ascii_alphabetic() || p == '.')
                && self.currency_before(text, i).is_none()
            {
                continue;
            }
            // One parse serves both readings: with `bare_ok` the result differs only by being
            // a `money.context` amount where the strict parse finds none.
            let Some((r, m, rule)) = self.amount_at(text, i, true, false).filter(|(r, _, rule)| {
                *rule != CONTEXT
                    || self.trigger_before(text, r.start)
                        && Self::term_at(&self.counts, text, skip_spaces(text, r.end)).is_none()
            }) else {
                continue;
            };
            // 12%: the numeral is followed by a percent sign
            if matches!(next_char(text, r.end), Some('%' | '％')) {
                continue;
            }
            covered = r.end;
            out.push((r, m, rule));
        }
        out
    }
}

/// Is the text at `start..end` the goal of a verb of growth: `向…迈进`, `迈向…`, `冲刺…`,
/// `迈入/跨入/跻身…` before it, or `迈进/跨越/跃升/跃进` after it (spaces skipped)?
fn growth_goal(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end();
    let after = text[end..].trim_start();
    ["迈向", "冲刺", "迈入", "跨入", "跻身"]
        .iter()
        .any(|w| before.ends_with(w))
        || ["迈进", "跨越", "跃升", "跃进", "迈入"]
            .iter()
            .any(|w| after.starts_with(w))
}

/// Does the number at `start` follow a clock time's colon (`10:40　圆桌对话`)? The minutes of
/// a time are no amount, although a removed gap glues the 圆 of 圆桌 to them.
fn clock_minutes(text: &str, start: usize) -> bool {
    let before = &text[..start];
    before
        .strip_suffix([':', '：'])
        .and_then(|b| b.chars().next_back())
        .is_some_and(|c| c.is_ascii_digit())
}

fn pow10_i(p: i32) -> Dec {
    if p >= 0 {
        pow10(p as u32)
    } else {
        Dec::int(1).div_pow10((-p) as u32)
    }
}

/// Could an amount start with this character? Asked at every character of every document, so
/// it reads one bit of a table made at compile time from [`can_start_match`] (issue 8).
#[inline]
fn can_start(c: char) -> bool {
    static TABLE: [u64; 1024] = numeral::bmp_table!(can_start_match);
    numeral::bmp_bit(&TABLE, c).unwrap_or_else(|| can_start_match(c))
}

/// [`can_start`] as a `match`.
pub(crate) const fn can_start_match(c: char) -> bool {
    numeral::starts_numeral_match(c)
        || matches!(
            c,
            '数' | '數' | '几' | '幾' | '上' | '.' | '．' | '亿' | '億'
        )
}

/// Characters that continue a numeral (so an amount does not start in their middle).
fn continues_number(c: char) -> bool {
    numeral::starts_numeral(c)
        || numeral::big_unit(c).is_some()
        || matches!(c, '.' | '．' | '点' | '點')
}

/// `(含)` / `（含）` after an amount.
fn skip_incl(text: &str, i: usize) -> usize {
    for t in ["(含)", "（含）"] {
        if text[i..].starts_with(t) {
            return i + t.len();
        }
    }
    i
}

/// A range connector at `i` (after spaces): returns the byte after it.
fn range_connector(text: &str, i: usize) -> Option<usize> {
    let j = skip_spaces(text, i);
    for t in ["——", "--", "至", "到", "~", "～", "-", "－", "—", "–", "〜"] {
        if text[j..].starts_with(t) {
            return Some(j + t.len());
        }
    }
    None
}

/// 角/分 after a main unit (or on their own): `1角1分`, `一角七分`, `三毛`, `零四`, `二`
/// (`一块二` = 1.2), `毛五`. `after_main`: we are right after 元/块, so a bare digit is 角
/// and `零N` is N 分. Returns (end, value in the main unit).
fn sub_units(text: &str, i: usize, after_main: bool) -> Option<(usize, Dec)> {
    let digit_at = |j: usize| -> Option<(usize, u8)> {
        let c = next_char(text, j)?;
        let d = numeral::cn_digit(c).or_else(|| numeral::arabic_digit(c))?;
        Some((j + c.len_utf8(), d))
    };
    let unit_at = |j: usize| -> Option<(usize, u32)> {
        let c = next_char(text, j)?;
        let p = match c {
            '角' | '毛' | '毫' => 1,
            '分' | '仙' => 2,
            _ => return None,
        };
        Some((j + c.len_utf8(), p))
    };
    let mut j = i;
    let mut v = Dec::ZERO;
    let mut any = false;
    // 一块半
    if after_main && next_char(text, j) == Some('半') {
        return Some((j + 3, Dec { m: 5, s: 1 }));
    }
    // 零四 (分) after the main unit
    if after_main && next_char(text, j) == Some('零') {
        let (e, d) = digit_at(j + 3)?;
        let e2 = unit_at(e)
            .filter(|(_, p)| *p == 2)
            .map(|(e2, _)| e2)
            .unwrap_or(e);
        return Some((e2, Dec::int(d as i128).div_pow10(2)));
    }
    // N角 / N毛 / N分, possibly twice; also multi-digit 分 (二十五分, 20分)
    for _ in 0..2 {
        let (num_end, n) = if let Some(n) = numeral::scan(text, j) {
            if n.value.s != 0 {
                break;
            }
            (n.end, n.value)
        } else {
            break;
        };
        let Some((e, p)) = unit_at(num_end) else {
            // trailing bare digit: 一块二 (角) / 两毛五 (分)
            if any || after_main {
                let Some((e, d)) = digit_at(j) else { break };
                if e != num_end {
                    break;
                }
                let place = if any { 2 } else { 1 };
                // must end here: end of text, punctuation, a connector or a qualifier
                if next_char(text, e).is_some_and(|c| {
                    !(c.is_ascii_punctuation()
                        || "，。、；：）)到至以左上钱錢整".contains(c)
                        || c.is_whitespace())
                }) {
                    break;
                }
                v = v.plus(Dec::int(d as i128).div_pow10(place))?;
                j = e;
                any = true;
            }
            break;
        };
        if n.m >= 100 || (p == 1 && n.m >= 10) {
            break;
        }
        v = v.plus(n.div_pow10(p))?;
        j = e;
        any = true;
        if p == 2 {
            break;
        }
    }
    any.then_some((j, v))
}

pub struct MoneyExtractor;

impl Extractor for MoneyExtractor {
    fn family(&self) -> &'static str {
        "money"
    }

    fn find(&self, doc: &AnnotatedDoc, rules: &Rules, out: &mut Vec<Candidate>) {
        for (r, m, rule) in rules.money.find_all(doc.text()) {
            out.push(Candidate::new(Label::Amount, r, rule, PRIORITY).with_attrs(Attrs::Amount(m)));
        }
    }
}

/// English scale words after a number (`US$50 million`, `USD 1.2 billion`): (end, power).
fn latin_scale(text: &str, i: usize) -> Option<(usize, u32)> {
    const WORDS: [(&str, u32); 6] = [
        ("trillion", 12),
        ("billion", 9),
        ("million", 6),
        ("bn", 9),
        ("mn", 6),
        ("thousand", 3),
    ];
    let rest = &text[i..];
    WORDS.iter().find_map(|(w, p)| {
        let head = rest.get(..w.len())?;
        let end = i + w.len();
        (head.eq_ignore_ascii_case(w)
            && !text[end..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric()))
        .then_some((end, *p))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_start_table_is_the_match() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(can_start(c), can_start_match(c), "{c:?}");
        }
    }

    fn rules() -> &'static MoneyRules {
        &Rules::builtin().money
    }

    #[test]
    fn latin_scale_words_need_a_word_boundary() {
        assert_eq!(latin_scale("million", 0), Some((7, 6)));
        assert_eq!(latin_scale("millions", 0), None);
        assert_eq!(latin_scale("mnemonic", 0), None);
        assert_eq!(latin_scale("Billion.", 0), Some((7, 9)));
    }

    #[test]
    fn parse_table() {
        let cases: &[(&str, f64, &str)] = &[
            ("三百亿元", 3e10, "CNY"),
            ("三十八亿七千万元", 3.87e9, "CNY"),
            ("两亿元", 2e8, "CNY"),
            ("伍仟万元", 5e7, "CNY"),
            ("壹佰元", 100.0, "CNY"),
            ("1.2万亿元", 1.2e12, "CNY"),
            ("12,000 万元", 1.2e8, "CNY"),
            ("１２亿元", 1.2e9, "CNY"),
            ("47.264287亿元", 4_726_428_700.0, "CNY"),
            ("300亿美元", 3e10, "USD"),
            ("港币2960元", 2960.0, "HKD"),
            ("123元1角1分", 123.11, "CNY"),
            ("十块三毛", 10.3, "CNY"),
            ("一块二", 1.2, "CNY"),
            ("两毛五", 0.25, "CNY"),
            ("三块零四", 3.04, "CNY"),
            ("新台币 177.1 亿元", 1.771e10, "TWD"),
            ("三万元欧元", 30000.0, "EUR"),
            ("RMB5000万", 5e7, "CNY"),
            ("US$50 million", 5e7, "USD"),
            ("USD 1.2 billion", 1.2e9, "USD"),
            ("HK$3.5bn", 3.5e9, "HKD"),
        ];
        for (s, v, c) in cases {
            let m = rules().parse(s).unwrap_or_else(|| panic!("{s}: no parse"));
            assert_eq!((m.value, m.currency.as_str()), (*v, *c), "{s}");
        }
    }

    #[test]
    fn qualifiers_and_ranges() {
        let m = rules().parse("超过三百亿元").unwrap();
        assert_eq!(m.qualifier, Qualifier::MoreThan);
        assert_eq!((m.value, m.min, m.max), (3e10, Some(3e10), None));
        let m = rules().parse("不低于300亿元").unwrap();
        assert_eq!((m.qualifier, m.min), (Qualifier::AtLeast, Some(3e10)));
        let m = rules().parse("不超过5亿元").unwrap();
        assert_eq!(
            (m.qualifier, m.min, m.max),
            (Qualifier::AtMost, None, Some(5e8))
        );
        let m = rules().parse("百亿级").unwrap();
        assert_eq!(
            (m.qualifier, m.min, m.max),
            (Qualifier::Level, Some(1e10), Some(1e11))
        );
        // A level past what a decimal holds is rejected, never min > max.
        let huge = rules().parse("10000000000000000000000000000百亿级");
        assert!(huge.is_none_or(|m| m.max.is_none_or(|hi| m.min.is_none_or(|lo| lo <= hi))));
        let m = rules().parse("10亿至20亿元").unwrap();
        assert_eq!(
            (m.qualifier, m.min, m.max),
            (Qualifier::Range, Some(1e9), Some(2e9))
        );
        let m = rules().parse("1.84-1.87港元").unwrap();
        assert_eq!(
            (m.min, m.max, m.currency.as_str()),
            (Some(1.84), Some(1.87), "HKD")
        );
        let m = rules().parse("数千万元").unwrap();
        assert_eq!(
            (m.qualifier, m.min, m.max),
            (Qualifier::Vague, Some(1e7), Some(1e8))
        );
        let m = rules().parse("约4.287亿美元").unwrap();
        assert_eq!((m.qualifier, m.value), (Qualifier::Approx, 428_700_000.0));
        let m = rules().parse("50万元以上").unwrap();
        assert_eq!((m.qualifier, m.min), (Qualifier::AtLeast, Some(5e5)));
    }

    #[test]
    fn not_money() {
        for s in [
            "同比增长12%",
            "持有55%股权",
            "年产10万吨",
            "共50家企业",
            "1200余名员工",
            "2024年",
            "5G网络",
            "V2.0版本",
            "电话010-12345678",
            "上百家企业",
            "还学校一块净土",
            "挂上了一块２４小时的招牌",
            "A380客机",
            "推动产业规模向千亿级迈进",
            "力争三年内迈向万亿级",
            "集群规模冲刺千亿级",
        ] {
            assert!(
                rules().find_all(s).is_empty(),
                "{s}: {:?}",
                rules().find_all(s)
            );
        }
    }

    #[test]
    fn clause_commas_do_not_join_amounts() {
        let t = "1亿元，伍仟万元，RMB300万，1,234万元。";
        let got: Vec<_> = rules()
            .find_all(t)
            .into_iter()
            .map(|(r, m, _)| (&t[r], m.value))
            .collect();
        assert_eq!(
            got,
            vec![
                ("1亿元", 1e8),
                ("伍仟万元", 5e7),
                ("RMB300万", 3e6),
                ("1,234万元", 1.234e7)
            ]
        );
    }

    #[test]
    fn finds_in_text() {
        let t = "中国联通将在未来三年内对外产业投资超过三百亿元，带动社会资本超千亿元。";
        let got: Vec<_> = rules()
            .find_all(t)
            .into_iter()
            .map(|(r, m, _)| (&t[r], m.value, m.qualifier))
            .collect();
        assert_eq!(
            got,
            vec![
                ("超过三百亿元", 3e10, Qualifier::MoreThan),
                ("超千亿元", 1e11, Qualifier::MoreThan)
            ]
        );
    }

    #[test]
    fn the_minutes_of_a_clock_time_are_no_amount() {
        let got: Vec<_> = rules()
            .find_all("10:40圆桌对话，14：30圆满结束。签约金额为40圆。")
            .into_iter()
            .map(|(_, m, _)| m.value)
            .collect();
        assert_eq!(got, vec![40.0]);
    }

    #[test]
    fn bare_yi_after_a_qualifier() {
        let got: Vec<_> = rules()
            .find_all("甲公司完成近亿元A轮融资，乙公司年营收超亿元，丙基金规模逾亿美元。")
            .into_iter()
            .map(|(_, m, _)| (m.value, m.currency, m.qualifier))
            .collect();
        assert_eq!(
            got,
            vec![
                (1e8, "CNY".to_string(), Qualifier::Approx),
                (1e8, "CNY".to_string(), Qualifier::MoreThan),
                (1e8, "USD".to_string(), Qualifier::MoreThan),
            ]
        );
        // no qualifier: 亿元 alone is a word, not an amount; 亿万 is no amount either
        for t in [
            "这是亿元级别的市场。",
            "他成了亿万富翁。",
            "以亿元为单位计算。",
        ] {
            assert!(rules().find_all(t).is_empty(), "{t}");
        }
    }
}
