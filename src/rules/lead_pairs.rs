//! [`LeadPairs`]: find the characters of a set in a text without decoding every character.
//!
//! A character's first two UTF-8 bytes name a block of at most 64 characters, so a table with
//! one bit per (first byte, second byte) pair — per byte for ASCII — rules out the positions
//! outside the set's blocks from the bytes alone; only the characters in a marked block are
//! decoded, and the caller tests those exactly (`literal_regex`'s first characters, issue 8).
//!
//! It pays only for a set whose blocks are rare in the text: a block of common Chinese
//! characters (U+4E00… holds 上, 不, 中; U+2000… the quotes and the dash; U+FF00… the
//! full-width comma) passes much of a document, and decoding each candidate then costs more
//! than a plain walk. Measured in session 21 (callgrind, c3): money's and dates' numeral
//! starts, the transliteration runs and middle dots of `person::foreign_names` were slower this
//! way (money +10–17 M, dates +18–27 M, the person family +27 M instructions) and walk every
//! character as before.

/// A superset filter for a set of characters: one bit per (lead byte, second byte) pair of
/// their UTF-8 encodings (per byte for ASCII). See the module docs.
pub struct LeadPairs {
    bits: Box<[u64; 1024]>,
}

/// The key of the character whose encoding starts at `b[p]` (a character boundary), and its
/// encoded length.
#[inline]
fn key_at(b: &[u8], p: usize) -> (usize, usize) {
    let b0 = b[p];
    if b0 < 0x80 {
        return ((b0 as usize) << 8, 1);
    }
    let w = if b0 < 0xE0 {
        2
    } else if b0 < 0xF0 {
        3
    } else {
        4
    };
    (
        ((b0 as usize) << 8) | b.get(p + 1).copied().unwrap_or(0) as usize,
        w,
    )
}

impl LeadPairs {
    fn empty() -> LeadPairs {
        LeadPairs {
            bits: Box::new([0; 1024]),
        }
    }

    fn set(&mut self, key: usize) {
        self.bits[key >> 6] |= 1 << (key & 63);
    }

    fn add(&mut self, c: char) {
        let mut buf = [0u8; 4];
        let enc = c.encode_utf8(&mut buf).as_bytes();
        self.set(key_at(enc, 0).0);
    }

    /// The filter for exactly these characters (a superset of them is reported).
    pub fn new(chars: impl IntoIterator<Item = char>) -> LeadPairs {
        let mut t = LeadPairs::empty();
        for c in chars {
            t.add(c);
        }
        t
    }

    /// Is a character with this key possibly in the set?
    #[inline]
    fn marked(&self, key: usize) -> bool {
        self.bits[key >> 6] >> (key & 63) & 1 != 0
    }

    /// The first character boundary at or after `from` (a character boundary) where a
    /// character of the set may stand.
    #[inline]
    pub fn next(&self, text: &str, from: usize) -> Option<usize> {
        let b = text.as_bytes();
        let mut p = from;
        while p < b.len() {
            let (key, w) = key_at(b, p);
            if self.marked(key) {
                return Some(p);
            }
            p += w;
        }
        None
    }

    /// `(byte position, character)` of every character of `text` that may be in the set, left
    /// to right: a superset of the set's occurrences (test each exactly).
    pub fn iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (usize, char)> + 'a {
        let mut p = 0;
        std::iter::from_fn(move || {
            let at = self.next(text, p)?;
            let c = text[at..].chars().next()?;
            p = at + c.len_utf8();
            Some((at, c))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::LeadPairs;

    #[test]
    fn every_member_is_found_and_most_others_are_not() {
        let text = "a·b-c．中文—記者，记者\u{1F600}x．";
        let set = ['·', '-', '．', '记', '\u{1F600}'];
        let lp = LeadPairs::new(set);
        let found: Vec<(usize, char)> = lp.iter(text).collect();
        let want: Vec<(usize, char)> = text
            .char_indices()
            .filter(|(_, c)| set.contains(c))
            .collect();
        // a superset, in order
        for w in &want {
            assert!(found.contains(w), "{w:?} missing from {found:?}");
        }
        assert!(found.windows(2).all(|p| p[0].0 < p[1].0));
        // (`，` shares the block of `．`: a superset)
        assert!(
            !found
                .iter()
                .any(|&(_, c)| c == 'a' || c == '中' || c == 'x')
        );
        let none = LeadPairs::new([]);
        assert_eq!(none.iter(text).count(), 0);
        assert_eq!(none.next(text, 0), None);
    }
}
