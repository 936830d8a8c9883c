//! Offsets into the original document.
//!
//! Internally every offset into a [`crate::read::Document`]'s `text` is a **byte** offset
//! ([`Span`]); the export speaks **characters** (Unicode scalar values), because that is what
//! Neo4j users, Python and the gold datasets count. The conversion happens in exactly one place:
//! [`CharIndex`].

use serde::{Deserialize, Serialize};

/// A byte range `start..end` into `Document::text`, always on char boundaries, `start <= end`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// Converts byte offsets of one text into character offsets, in O(log n) per lookup.
pub struct CharIndex {
    /// Byte offset of every char start, plus the text length at the end.
    starts: Vec<usize>,
}

impl CharIndex {
    pub fn new(text: &str) -> CharIndex {
        let mut starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        starts.push(text.len());
        CharIndex { starts }
    }

    /// Character offset of byte offset `byte` (a byte inside a char maps to that char).
    pub fn char_of(&self, byte: usize) -> usize {
        match self.starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Character offsets `(start, end)` of a byte span.
    pub fn chars(&self, span: Span) -> (usize, usize) {
        (self.char_of(span.start), self.char_of(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_cjk_as_one() {
        let t = "中国a联通";
        let ix = CharIndex::new(t);
        assert_eq!(ix.chars(Span::new(0, 3)), (0, 1));
        assert_eq!(ix.chars(Span::new(6, 7)), (2, 3));
        assert_eq!(ix.chars(Span::new(7, t.len())), (3, 5));
    }
}
