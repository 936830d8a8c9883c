//! Stage 2 — normalize: [`Document`] → [`NormText`], the clean text the extractors read.
//!
//! This is the ONLY module that rewrites text. It removes PDF/OCR conversion noise, page
//! markers and LaTeX, folds full-width digits/letters, joins digits to 年/月/日, and builds a
//! Simplified-Chinese matching view of Traditional text — and it records, for every clean
//! character, the byte range of the original text it came from, so every fact can cite the
//! original.

use std::ops::Range;

use crate::read::Document;
use crate::span::Span;

/// The clean text of one document plus its map back to the original.
///
/// `text` and `display` have the *same byte layout* (every char of one has the same UTF-8
/// length as the char at the same place in the other): `text` is the Simplified matching view
/// that rules run on, `display` keeps the document's own script and is what names are reported
/// as. Byte ranges of one are valid in the other.
#[derive(Clone, Debug, Default)]
pub struct NormText {
    /// The Simplified-Chinese matching view (what extractors match on).
    pub text: String,
    /// The cleaned text in the original script (what mentions are reported as).
    pub display: String,
    /// For each byte offset `b` of `text` that starts a char: the original byte range of that
    /// char. Indexed by byte offset; entries for non-boundary bytes repeat the char's range.
    map: Vec<(u32, u32)>,
    /// Length of the original text.
    orig_len: usize,
    /// How many characters of the original were removed as noise.
    pub removed_chars: usize,
}

impl NormText {
    /// Start building a clean text for an original of `orig_len` bytes.
    pub fn builder(orig_len: usize) -> NormBuilder {
        NormBuilder {
            out: NormText {
                orig_len,
                ..NormText::default()
            },
        }
    }

    /// Map a byte range of the clean text to the original text.
    ///
    /// An empty range maps to an empty span at the corresponding original position.
    pub fn to_original(&self, r: Range<usize>) -> Span {
        if self.map.is_empty() {
            return Span::new(0, 0);
        }
        let start = if r.start < self.map.len() {
            self.map[r.start].0 as usize
        } else {
            self.orig_len
        };
        if r.end <= r.start {
            return Span::new(start, start);
        }
        let last = (r.end - 1).min(self.map.len() - 1);
        let end = (self.map[last].1 as usize).max(start);
        Span::new(start, end)
    }

    /// The display (original-script) form of a clean byte range.
    pub fn display_of(&self, r: Range<usize>) -> &str {
        self.display.get(r).unwrap_or("")
    }
}

/// Appends clean characters, each with the original byte range it stands for.
pub struct NormBuilder {
    out: NormText,
}

impl NormBuilder {
    /// Push one clean char for original bytes `orig`; `matching` is its Simplified form
    /// (same UTF-8 length as `display`, else `display` is used for both).
    pub fn push(&mut self, display: char, matching: char, orig: Range<usize>) {
        let m = if matching.len_utf8() == display.len_utf8() {
            matching
        } else {
            display
        };
        self.out.text.push(m);
        self.out.display.push(display);
        for _ in 0..display.len_utf8() {
            self.out.map.push((orig.start as u32, orig.end as u32));
        }
    }

    /// Record that `n` original characters were dropped as noise.
    pub fn removed(&mut self, n: usize) {
        self.out.removed_chars += n;
    }

    pub fn finish(self) -> NormText {
        self.out
    }
}

/// Normalize a document. Cannot fail.
///
/// First cut: drops `<PAGE_DIV>` markers and keeps everything else.
pub fn normalize(doc: &Document) -> NormText {
    let text = &doc.text;
    let mut b = NormText::builder(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i..].starts_with("<PAGE_DIV>") {
            b.removed("<PAGE_DIV>".len());
            i += "<PAGE_DIV>".len();
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        b.push(c, c, i..i + c.len_utf8());
        i += c.len_utf8();
    }
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_points_back_to_original() {
        let doc = crate::read::from_bytes("t", "t", "中<PAGE_DIV>国".as_bytes()).unwrap();
        let n = normalize(&doc);
        assert_eq!(n.text, "中国");
        let s = n.to_original(3..6);
        assert_eq!(&doc.text[s.start..s.end], "国");
        let s = n.to_original(0..6);
        assert_eq!(&doc.text[s.start..s.end], "中<PAGE_DIV>国");
    }
}
