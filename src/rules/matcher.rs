//! [`TermMatcher`]: one daachorse automaton over a lexicon, built once, matched in one pass.
//!
//! Every lexicon-driven rule uses this instead of one regex per entry. Duplicate and empty
//! terms are skipped (the first entry of a term wins), so user lexicons cannot break the build.

use std::collections::HashSet;
use std::ops::Range;

use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};

use super::lexicon::Entry;

/// A multi-pattern matcher over lexicon entries.
pub struct TermMatcher {
    entries: Vec<Entry>,
    standard: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
    longest: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
}

impl TermMatcher {
    /// Build from entries (the first entry of a repeated term wins).
    pub fn new<'a>(entries: impl IntoIterator<Item = &'a Entry>) -> TermMatcher {
        let mut seen = HashSet::new();
        let entries: Vec<Entry> = entries
            .into_iter()
            .filter(|e| !e.term.is_empty() && seen.insert(e.term.clone()))
            .cloned()
            .collect();
        let pats = || {
            entries
                .iter()
                .enumerate()
                .map(|(i, e)| (e.term.as_str(), i as u32))
        };
        let build = |kind| {
            if entries.is_empty() {
                return None;
            }
            CharwiseDoubleArrayAhoCorasickBuilder::new()
                .match_kind(kind)
                .build_with_values(pats())
                .ok()
        };
        TermMatcher {
            standard: build(MatchKind::Standard),
            longest: build(MatchKind::LeftmostLongest),
            entries,
        }
    }

    /// Build from plain terms with no attributes.
    pub fn from_terms<'a>(terms: impl IntoIterator<Item = &'a str>) -> TermMatcher {
        let entries: Vec<Entry> = terms
            .into_iter()
            .map(|t| Entry {
                term: t.to_string(),
                attrs: Vec::new(),
            })
            .collect();
        TermMatcher::new(entries.iter())
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Non-overlapping leftmost-longest matches: `(byte range, entry)`.
    pub fn find_longest<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (Range<usize>, &'a Entry)> + 'a {
        self.longest
            .iter()
            .flat_map(move |pma| pma.leftmost_find_iter(text))
            .map(|m| (m.start()..m.end(), &self.entries[m.value() as usize]))
    }

    /// Every match, overlapping ones included: `(byte range, entry)`.
    pub fn find_all<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (Range<usize>, &'a Entry)> + 'a {
        self.standard
            .iter()
            .flat_map(move |pma| pma.find_overlapping_iter(text))
            .map(|m| (m.start()..m.end(), &self.entries[m.value() as usize]))
    }

    /// The entry for exactly `term`, if it is in the lexicon.
    pub fn get(&self, term: &str) -> Option<&Entry> {
        let pma = self.longest.as_ref()?;
        pma.leftmost_find_iter(term)
            .find(|m| m.start() == 0 && m.end() == term.len())
            .map(|m| &self.entries[m.value() as usize])
    }

    /// Is `term` exactly a lexicon entry?
    pub fn contains(&self, term: &str) -> bool {
        self.get(term).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_and_overlapping() {
        let m = TermMatcher::from_terms(["总经理", "副总经理", "经理", "经理"]);
        let got: Vec<_> = m
            .find_longest("副总经理陈")
            .map(|(r, e)| (r, e.term.as_str()))
            .collect();
        assert_eq!(got, vec![(0..12, "副总经理")]);
        assert_eq!(m.find_all("副总经理").count(), 3);
        assert!(m.contains("经理"));
        assert!(!m.contains("总"));
        assert!(
            TermMatcher::from_terms([])
                .find_longest("x")
                .next()
                .is_none()
        );
    }
}
