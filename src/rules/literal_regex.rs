//! [`LiteralStartRegex`]: a regex whose every match starts with one of a few literals,
//! searched only where one of them occurs.
//!
//! An unanchored search with a regex like `获[^，。]{1,16}?投资|以[^，。]{1,30}?收购|…` runs its
//! lazy DFA over the whole text, and the DFA must follow every `获`/`以` seen in the last 30
//! characters at once: it keeps making new states (most of the time of such a search). When
//! every match must begin with one of a finite set of literals (found by `regex-syntax`'s
//! prefix extraction), the same matches are found by an anchored search at each occurrence of
//! a literal, left to right, skipping occurrences inside the previous match: that is what
//! leftmost-first, non-overlapping `find_iter` returns. A pattern with look-around assertions
//! (`^`, `\b`, whose meaning depends on the text before the start), with a prefix set that is
//! not finite, or that can match the empty string, is searched as a plain regex.

use either::Either;
use std::ops::Range;

use daachorse::CharwiseDoubleArrayAhoCorasick;

/// A compiled regex with a literal-start fast path for `find_iter`.
pub struct LiteralStartRegex {
    re: regex::Regex,
    /// `\A(?:pattern)` and an automaton over the prefix literals.
    fast: Option<(regex::Regex, CharwiseDoubleArrayAhoCorasick<u32>)>,
}

/// One match (as `regex::Match`: `start`, `end`, `as_str`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found<'h> {
    text: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Found<'h> {
    pub fn start(&self) -> usize {
        self.start
    }
    pub fn end(&self) -> usize {
        self.end
    }
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
    pub fn as_str(&self) -> &'h str {
        &self.text[self.start..self.end]
    }
}

impl LiteralStartRegex {
    pub fn new(pattern: &str) -> Result<LiteralStartRegex, regex::Error> {
        let re = regex::Regex::new(pattern)?;
        let fast = (|| {
            let hir = regex_syntax::parse(pattern).ok()?;
            if !hir.properties().look_set().is_empty() {
                return None;
            }
            let seq = regex_syntax::hir::literal::Extractor::new().extract(&hir);
            let lits = seq.literals()?;
            if lits.is_empty() || lits.iter().any(|l| l.as_bytes().is_empty()) {
                return None;
            }
            // Character-wise: one automaton step per character, not per byte (the pass over
            // the whole text is most of the search's time). Literals cut inside a character
            // keep the plain search.
            let lits = lits
                .iter()
                .map(|l| std::str::from_utf8(l.as_bytes()).ok())
                .collect::<Option<Vec<&str>>>()?;
            let anchored = regex::Regex::new(&format!(r"\A(?:{pattern})")).ok()?;
            let ac = CharwiseDoubleArrayAhoCorasick::new(lits).ok()?;
            Some((anchored, ac))
        })();
        Ok(LiteralStartRegex { re, fast })
    }

    /// Is the literal-start path used (for tests)?
    pub fn is_fast(&self) -> bool {
        self.fast.is_some()
    }

    /// Non-overlapping leftmost-first matches, as `regex::Regex::find_iter` gives them.
    pub fn find_iter<'h>(&'h self, text: &'h str) -> impl Iterator<Item = Found<'h>> + 'h {
        let found = move |r: Range<usize>| Found {
            text,
            start: r.start,
            end: r.end,
        };
        let Some((anchored, ac)) = &self.fast else {
            return Either::Left(self.re.find_iter(text).map(move |m| found(m.range())));
        };
        let mut starts: Vec<usize> = ac.find_overlapping_iter(text).map(|m| m.start()).collect();
        starts.sort_unstable();
        starts.dedup();
        let mut pos = 0;
        Either::Right(starts.into_iter().filter_map(move |p| {
            if p < pos || !text.is_char_boundary(p) {
                return None;
            }
            let m = anchored.find(&text[p..])?;
            pos = p + m.end();
            Some(found(p..pos))
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(pattern: &str, texts: &[&str]) -> bool {
        let fast = LiteralStartRegex::new(pattern).unwrap();
        let plain = regex::Regex::new(pattern).unwrap();
        for t in texts {
            let a: Vec<Range<usize>> = fast.find_iter(t).map(|m| m.range()).collect();
            let b: Vec<Range<usize>> = plain.find_iter(t).map(|m| m.range()).collect();
            assert_eq!(a, b, "{pattern} on {t}");
            for m in fast.find_iter(t) {
                assert_eq!(m.as_str(), &t[m.range()]);
            }
        }
        fast.is_fast()
    }

    #[test]
    fn same_matches_as_find_iter() {
        let texts = [
            "",
            "甲公司宣布完成了B轮融资，乙公司获红杉资本战略投资，丙集团以10亿元收购丁公司。",
            "以以以收购并购全资收购要约收购，已经完成了对戊公司的全资收购。公告称公告显示",
            "获获获投资获得了融资完成融资轮融资，以，收购",
            "abc 以 x 收购 y 并购",
        ];
        let subject = r"(?x)
            发布了?(?:公告|《[^》\n]{0,60}?公告》)
          | 公告(?:称|显示|指出)?
          | (?:完成了?|获得?了?|获投|迎来)[^，。；！？,;!?\n]{0,24}?(?:轮|融资)
          | 获[^，。；！？,;!?\n]{1,16}?(?:战略)?(?:投资|注资|领投)
          | (?:以[^，。；！？,;!?\n]{1,30}?)?(?:全资收购|要约收购|收购|并购)
          | (?:已经|已)?完成了?对[^，。；！？,;!?\n]{1,60}?的(?:全资|要约)?(?:收购|并购)";
        assert!(same(subject, &texts));
        assert!(same("收购|并购|购", &texts));
        // Not literal-start: a look-around, a class start, an empty match.
        assert!(!same(r"\b收购", &texts));
        assert!(!same(r"\d+亿", &texts));
        assert!(!same(r"(?:以)?", &texts));
    }
}
