//! `width`: full-width digits and Latin letters → ASCII (`２０２４` → `2024`, `ＡＩ` → `AI`),
//! and a full-width full stop between digits → `.` (`３．５` → `3.5`).
//!
//! Chinese punctuation (，。：；（）％ …) is deliberately NOT folded: it is what the segmenter
//! and the extractors' patterns expect, and folding `（` to `(` would lose the difference between
//! a real bracket and conversion noise. Both views (`text` and `display`) get the folded char,
//! so their byte layouts stay identical.

use super::super::{Filter, NormStats, Unit};

/// See the module docs.
pub struct Width;

/// The ASCII form of a full-width digit or letter.
#[inline]
pub fn fold(c: char) -> Option<char> {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(c as u32 - 0xFEE0),
        _ => None,
    }
}

impl Filter for Width {
    fn name(&self) -> &'static str {
        "width"
    }

    /// Only a full-width digit, letter or full stop changes (U+FF0E, U+FF10–FF19,
    /// U+FF21–FF3A, U+FF41–FF5A: `EF BC 8E`, `EF BC 90–99`, `EF BC A1–BA`, `EF BD 81–9A`), and
    /// `page_div` before makes none.
    fn may_apply(&self, text: &str) -> bool {
        let b = text.as_bytes();
        memchr::memchr_iter(0xEF, b).any(|p| match (b.get(p + 1), b.get(p + 2)) {
            (Some(0xBC), Some(&x)) => {
                x == 0x8E || (0x90..=0x99).contains(&x) || (0xA1..=0xBA).contains(&x)
            }
            (Some(0xBD), Some(&x)) => (0x81..=0x9A).contains(&x),
            _ => false,
        })
    }

    fn apply(&self, u: &mut Vec<Unit>, stats: &mut NormStats) {
        for i in 0..u.len() {
            let c = u[i].c;
            // Everything this filter changes lies at or after the full-width stop U+FF0E.
            if c < '．' {
                continue;
            }
            if let Some(a) = fold(c) {
                u[i].set(a);
                stats.width_folded += 1;
            } else if c == '．' {
                let digit = |x: Option<&Unit>| {
                    x.is_some_and(|x| {
                        x.c.is_ascii_digit() || fold(x.c).is_some_and(|a| a.is_ascii_digit())
                    })
                };
                if i > 0 && digit(u.get(i - 1)) && digit(u.get(i + 1)) {
                    u[i].set('.');
                    stats.width_folded += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::normalize::{Normalizer, filters::width::Width};

    fn run(s: &str) -> String {
        Normalizer::builder()
            .filter(Width)
            .build()
            .apply_str(s)
            .text
    }

    #[test]
    fn folds_digits_and_letters_not_punctuation() {
        assert_eq!(run("２０２４年ＡＩ大会ｇｐｔ"), "2024年AI大会gpt");
        assert_eq!(run("３．５亿元"), "3.5亿元");
        assert_eq!(
            run("（以下简称“联通”）。１２％"),
            "（以下简称“联通”）。12％"
        );
        assert_eq!(run("结束．"), "结束．");
    }
}
