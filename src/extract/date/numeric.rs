//! All-digit dates: `2024-07-21`, `2024/7/21`, `2024.7.21`, `20240721`, `2019.9`,
//! `10/31/1974`, `7·20`.

use chrono::{Datelike, NaiveDate};

use super::*;

impl DateRules {
    /// `2024-07-21`, `2024/7/21`, `2024.7.21`, `20240307`, `2019.9`, `10/31/1974`.
    /// `ctx_year`: the year of the first member when this is the second one of a range.
    pub(super) fn numeric_at(
        &self,
        text: &str,
        i: usize,
        base: Option<NaiveDate>,
        ctx_year: Option<i32>,
    ) -> Option<Expr> {
        let base_year = base.map(|b| b.year());
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
                    || numeral::big_unit(c).is_some()
                    || numeral::small_unit(c).is_some()
                    || matches!(c, '.' | '．' | '%' | '％' | '元' | '个' | '倍'))
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
            let date = ymd(base_year?, a, b)?;
            return Some(Expr::relative_day(k, date, Some(date.month())));
        }
        // 2022 11 23 (PDF text with spaces for separators): a modern year and a valid
        // month and day, each of one or two digits, and nothing numeric after
        if sep == ' ' && na == 4 && (1900..=2100).contains(&a) {
            let (k, b, nb) = digits_at(j + 1)?;
            if nb > 2 || next_char(text, k) != Some(' ') {
                return None;
            }
            let (l, c, nc) = digits_at(k + 1)?;
            if nc > 2
                || !boundary(l)
                || next_char(text, skip_spaces(text, l)).is_some_and(|c| c.is_ascii_digit())
            {
                return None;
            }
            let y = a as i32;
            return Some(expr(l, ymd(y, b, c)?, Precision::Day, y, Some(b)));
        }
        if !matches!(sep, '-' | '/' | '.' | '．' | '／' | '－') {
            return None;
        }
        let (k, b, nb) = digits_at(j + sep.len_utf8())?;
        // 09-01 / 12/05: a zero-padded month-day (the padding marks a date format, not a
        // range of counts like `10-20人`), resolved like 9月1日
        if na == 2
            && nb == 2
            && matches!(sep, '-' | '/' | '／' | '－')
            && (starts(text, i, "0") || starts(text, j + sep.len_utf8(), "0"))
            && boundary(k)
            && next_char(text, k).is_none_or(|c| !matches!(c, '-' | '/' | '／' | '－' | ':' | '：'))
        {
            let date = ymd(ctx_year.or(base_year)?, a, b)?;
            // like a year-less 9月1日 (unless the range it ends gave the year)
            let date = if ctx_year.is_none() {
                yearless_in_sentence(text, i, date, base)?
            } else {
                date
            };
            return Some(Expr::relative_day(k, date, Some(date.month())));
        }
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
            // Y.M (2019.9, 1999.08): a plausible modern year only (1128.4 is a decimal)
            if boundary(k)
                && (1900..=2100).contains(&y)
                && matches!(sep, '.' | '．' | '/' | '／' | '-' | '－')
            {
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
}
