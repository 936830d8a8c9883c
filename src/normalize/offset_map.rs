//! [`NormText`]: the clean text plus its map back to the original, and [`NormBuilder`], the one
//! way to make one.
//!
//! The map stores, per clean *character*, the original byte range it stands for (plus the byte
//! offset where that character starts in the clean text). A byte-indexed table would be simpler
//! but costs 8 bytes per clean byte — 24 per CJK character — which a 100 MB input cannot
//! afford; lookups are rare (one per mention), so a binary search is the better trade.

use std::ops::Range;

use crate::span::Span;

use super::Unit;

/// Counts of what normalization changed, for the run summary and for debugging a document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NormStats {
    /// `<PAGE_DIV>` markers and form feeds removed.
    pub page_markers: usize,
    /// Characters of those markers.
    pub marker_chars: usize,
    /// Characters of conversion-noise runs (`#%\$^&*(`, `(*)`, …) removed.
    pub noise_chars: usize,
    /// Characters of LaTeX markup (`\(`, `\mathrm{`, `}`, …) removed.
    pub latex_chars: usize,
    /// Whitespace characters removed (between CJK, around page breaks, at line ends).
    pub spaces: usize,
    /// Full-width digits/letters folded to ASCII.
    pub width_folded: usize,
    /// Characters whose matching form differs (Traditional → Simplified).
    pub converted: usize,
}

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
    /// Byte offset in `text` where each clean char starts (strictly increasing).
    starts: Vec<u32>,
    /// For each clean char: the original byte range it stands for.
    orig: Vec<(u32, u32)>,
    /// Length of the original text.
    orig_len: usize,
    /// How many characters of the original were removed as noise: noise runs, page markers and
    /// LaTeX markup (whitespace removed is counted apart, in `stats.spaces`).
    pub removed_chars: usize,
    /// What each filter did.
    pub stats: NormStats,
    /// Whether the document was judged Traditional Chinese (and `text` converted).
    pub traditional: bool,
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

    /// Length in bytes of the original text this was built from.
    pub fn orig_len(&self) -> usize {
        self.orig_len
    }

    /// Index of the clean char containing byte `b` of `text` (clamped).
    fn char_at(&self, b: usize) -> usize {
        match self.starts.binary_search(&(b as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Map a byte range of the clean text to the original text.
    ///
    /// An empty range maps to an empty span at the corresponding original position.
    pub fn to_original(&self, r: Range<usize>) -> Span {
        if self.orig.is_empty() {
            return Span::new(0, 0);
        }
        let start = if r.start < self.text.len() {
            self.orig[self.char_at(r.start)].0 as usize
        } else {
            self.orig_len
        };
        if r.end <= r.start {
            return Span::new(start, start);
        }
        let last = self.char_at((r.end - 1).min(self.text.len() - 1));
        let end = (self.orig[last].1 as usize).max(start);
        Span::new(start, end)
    }

    /// The original byte range of the clean char starting at (or containing) byte `b`.
    pub fn orig_range_of(&self, b: usize) -> Option<Range<usize>> {
        if b >= self.text.len() {
            return None;
        }
        let (s, e) = self.orig[self.char_at(b)];
        Some(s as usize..e as usize)
    }

    /// The original byte ranges of the clean chars on either side of the char boundary `b`
    /// (`orig_range_of` of the char ending at `b` and of the one starting there, with one
    /// search instead of two).
    pub fn orig_ranges_around(&self, b: usize) -> Option<(Range<usize>, Range<usize>)> {
        if b == 0 || b >= self.text.len() {
            return None;
        }
        let i = self.char_at(b);
        let (p, n) = (*self.orig.get(i.checked_sub(1)?)?, *self.orig.get(i)?);
        Some((p.0 as usize..p.1 as usize, n.0 as usize..n.1 as usize))
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
    /// Reserve room for about `chars` clean characters of `bytes` bytes.
    pub fn reserve(&mut self, chars: usize, bytes: usize) {
        self.out.text.reserve(bytes);
        self.out.display.reserve(bytes);
        self.out.starts.reserve(chars);
        self.out.orig.reserve(chars);
    }

    /// Push one clean char for original bytes `orig`; `matching` is its Simplified form
    /// (same UTF-8 length as `display`, else `display` is used for both).
    pub fn push(&mut self, display: char, matching: char, orig: Range<usize>) {
        let m = if matching.len_utf8() == display.len_utf8() {
            matching
        } else {
            display
        };
        self.out.starts.push(self.out.text.len() as u32);
        self.out.orig.push((orig.start as u32, orig.end as u32));
        self.out.text.push(m);
        self.out.display.push(display);
    }

    /// Push a filter-chain unit.
    pub fn push_unit(&mut self, u: &Unit) {
        self.push(u.c, u.m, u.start as usize..u.end as usize);
    }

    /// Push all units at once: the fast path the normalizer uses (exact allocations, no
    /// per-char capacity checks; when no unit has a different matching char, `text` is a plain
    /// copy of `display`).
    pub fn push_units(&mut self, units: &[Unit]) {
        let bytes: usize = units.iter().map(|u| u.c.len_utf8()).sum();
        let base = self.out.text.len();
        // Pushed as chars (no UTF-8 validation of the whole text afterwards: that was a third
        // of this function).
        let mut display = String::with_capacity(bytes);
        let mut starts = Vec::with_capacity(units.len());
        let mut converted = false;
        for u in units {
            starts.push((base + display.len()) as u32);
            display.push(u.c);
            converted |= u.m != u.c;
        }
        let text = if converted {
            let mut text = String::with_capacity(bytes);
            for u in units {
                text.push(if u.m.len_utf8() == u.c.len_utf8() {
                    u.m
                } else {
                    u.c
                });
            }
            text
        } else {
            display.clone()
        };
        if self.out.text.is_empty() {
            self.out.text = text;
            self.out.display = display;
            self.out.starts = starts;
        } else {
            self.out.text.push_str(&text);
            self.out.display.push_str(&display);
            self.out.starts.extend(starts);
        }
        self.out.orig.extend(units.iter().map(|u| (u.start, u.end)));
    }

    /// Record that `n` original characters were dropped as noise.
    pub fn removed(&mut self, n: usize) {
        self.out.removed_chars += n;
    }

    /// Attach the filters' counts.
    pub fn stats(&mut self, stats: NormStats, traditional: bool) {
        self.out.stats = stats;
        self.out.traditional = traditional;
    }

    pub fn finish(self) -> NormText {
        self.out
    }
}
