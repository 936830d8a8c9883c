//! Offsets into the original document.
//!
//! Internally every offset into a [`crate::read::Document`]'s `text` is a **byte** offset
//! ([`Span`]); the export speaks **characters** (Unicode scalar values), because that is what
//! Neo4j users, Python and the gold datasets count. The conversion happens in exactly one place:
//! [`CharIndex`].

use serde::{Deserialize, Serialize};

/// The byte end of the (at most) `n` characters of `text` from `start` (a character
/// boundary): what `text[start..].char_indices().nth(n)` finds, but from the lead bytes, no
/// character decoded (it is asked a few times at every surname and every short-name slot).
pub fn char_window(text: &str, start: usize, n: usize) -> usize {
    debug_assert!(text.is_char_boundary(start));
    let b = text.as_bytes();
    let mut p = start;
    for _ in 0..n {
        let Some(&lead) = b.get(p) else {
            break;
        };
        p += match lead {
            0..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
    }
    p
}

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

/// Converts byte offsets of one text into character offsets, in O(1) per lookup: the number
/// of characters before every [`BLOCK`]-byte block, and a count of the lead bytes inside the
/// block asked (a character starts at every byte that is no UTF-8 continuation byte). One
/// `u32` per 32 bytes instead of a `usize` per character (issue 8: building that list by
/// decoding every character was 0.5 % of a run).
pub struct CharIndex<'t> {
    text: &'t [u8],
    /// `before[k]`: characters that start before byte `k * BLOCK`.
    before: Vec<u32>,
    /// Characters in the text.
    total: usize,
}

/// Bytes per block of [`CharIndex`].
const BLOCK: usize = 32;

/// Characters that start in `bytes` (its bytes that are not `10xxxxxx`).
fn starts_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl<'t> CharIndex<'t> {
    pub fn new(text: &'t str) -> CharIndex<'t> {
        let text = text.as_bytes();
        let mut before = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut n = 0usize;
        for block in text.chunks(BLOCK) {
            before.push(n as u32);
            n += starts_in(block);
        }
        CharIndex {
            text,
            before,
            total: n,
        }
    }

    /// Character offset of byte offset `byte` (a byte inside a char maps to that char; an
    /// offset past the end, to the number of characters).
    pub fn char_of(&self, byte: usize) -> usize {
        if byte >= self.text.len() {
            return self.total;
        }
        let k = byte / BLOCK;
        let n = self.before[k] as usize + starts_in(&self.text[k * BLOCK..byte]);
        // (Inside a character: its lead byte, counted above, is the character.)
        if (self.text[byte] as i8) < -0x40 {
            n - 1
        } else {
            n
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
    fn char_window_counts_characters() {
        let text = "a王é😀某\n李";
        for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            for n in 0..8 {
                let want = start
                    + text[start..]
                        .chars()
                        .take(n)
                        .map(char::len_utf8)
                        .sum::<usize>();
                assert_eq!(char_window(text, start, n), want, "{start} {n}");
            }
        }
    }

    #[test]
    fn char_offsets_count_cjk_as_one() {
        let t = "中国a联通";
        let ix = CharIndex::new(t);
        assert_eq!(ix.chars(Span::new(0, 3)), (0, 1));
        assert_eq!(ix.chars(Span::new(6, 7)), (2, 3));
        assert_eq!(ix.chars(Span::new(7, t.len())), (3, 5));
    }

    /// The block index gives what a binary search of every character start gave, for every
    /// byte offset (inside characters and past the end too) of texts around the block size.
    #[test]
    fn char_of_is_the_search_of_char_starts() {
        let pieces = ["中", "a", "é", "😀", "，", "\n", "国联通"];
        let mut text = String::new();
        for i in 0..300 {
            text.push_str(pieces[(i * 7 + i / 3) % pieces.len()]);
            let mut starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
            starts.push(text.len());
            let ix = CharIndex::new(&text);
            for byte in 0..=text.len() + 2 {
                let want = match starts.binary_search(&byte) {
                    Ok(i) => i,
                    Err(i) => i.saturating_sub(1),
                };
                assert_eq!(ix.char_of(byte), want, "{i} {byte}");
            }
        }
        assert_eq!(CharIndex::new("").char_of(0), 0);
        assert_eq!(CharIndex::new("").char_of(3), 0);
    }
}
