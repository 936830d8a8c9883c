//! `kgextract eval money FILE.tsv`: the money parser against `money.tsv`
//! (`text  value  currency  notes`).
//!
//! Each `text` is one money expression, so it is read with [`MoneyRules::parse`], which (unlike
//! extraction from running text) accepts a bare number as CNY. A row is correct when the
//! currency matches and the value does:
//! - `v` — our `value` equals v;
//! - `a..b` — our `min` = a and `max` = b;
//! - `a..` — `min` = a and no `max`; `..b` — `max` = b and no `min`.
//!
//! Duckling's `Dollar` is its unspecified-currency 元/块/蚊 amount; Chinese news means renminbi
//! by a bare 元, so we say CNY and score `Dollar` as `CNY`.
//!
//! [`MoneyRules::parse`]: crate::extract::money::MoneyRules::parse

use std::io::Read;

use super::numerals::close;
use super::tsv::{Failure, ValueReport, field, limited, read_headed};
use crate::extract::Money;
use crate::rules::Rules;

/// The expected value column.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Expected {
    Point(f64),
    Between(f64, f64),
    From(f64),
    UpTo(f64),
}

/// Parse `v`, `a..b`, `a..` or `..b`.
pub fn parse_expected(s: &str) -> Option<Expected> {
    let s = s.trim();
    match s.split_once("..") {
        None => s.parse().ok().map(Expected::Point),
        Some(("", b)) => b.parse().ok().map(Expected::UpTo),
        Some((a, "")) => a.parse().ok().map(Expected::From),
        Some((a, b)) => Some(Expected::Between(a.parse().ok()?, b.parse().ok()?)),
    }
}

/// Does a parsed amount match the expectation (value only)?
pub fn matches(e: Expected, m: &Money) -> bool {
    let eq = |x: Option<f64>, y: f64| x.is_some_and(|x| close(x, y));
    match e {
        Expected::Point(v) => close(m.value, v),
        Expected::Between(a, b) => eq(m.min, a) && eq(m.max, b),
        Expected::From(a) => eq(m.min, a) && m.max.is_none(),
        Expected::UpTo(b) => eq(m.max, b) && m.min.is_none(),
    }
}

fn show(m: &Money) -> String {
    let f = |x: Option<f64>| x.map_or(String::new(), |x| x.to_string());
    format!(
        "{} {} [{}..{}] {}",
        m.value,
        m.currency,
        f(m.min),
        f(m.max),
        m.qualifier.as_str()
    )
}

/// Score a money TSV file.
pub fn evaluate(
    r: impl Read,
    file: &str,
    rules: &Rules,
    limit: Option<usize>,
) -> Result<ValueReport, String> {
    let (_, rows) = read_headed(
        r,
        file,
        &["text", "value", "currency"],
        "the header `text<TAB>value<TAB>currency[<TAB>notes]`",
    )?;
    let mut rep = ValueReport::new(file);
    for (line, f) in limited(&rows, limit) {
        let (text, want) = (field(f, 0), field(f, 1));
        let cur = match field(f, 2) {
            "Dollar" => "CNY",
            c => c,
        };
        let Some(exp) = parse_expected(want) else {
            return Err(format!(
                "{file}:{line}: cannot read the expected value {want:?}"
            ));
        };
        rep.total += 1;
        let got = rules.money.parse(text);
        let ok = got
            .as_ref()
            .is_some_and(|m| m.currency == cur && matches(exp, m));
        if ok {
            rep.correct += 1;
        } else {
            rep.failures.push(Failure {
                line,
                text: text.to_string(),
                expected: format!("{want} {cur}"),
                got: got.as_ref().map_or("(nothing)".into(), show),
            });
        }
    }
    rep.finish();
    Ok(rep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expected_forms() {
        assert_eq!(parse_expected("1.2"), Some(Expected::Point(1.2)));
        assert_eq!(parse_expected("..1.2"), Some(Expected::UpTo(1.2)));
        assert_eq!(parse_expected("3.04.."), Some(Expected::From(3.04)));
        assert_eq!(
            parse_expected("5.6..5.78"),
            Some(Expected::Between(5.6, 5.78))
        );
        assert_eq!(parse_expected("x"), None);
    }
}
