//! Stage 2 — normalize: [`Document`] → [`NormText`], the clean text the extractors read.
//!
//! This is the ONLY module that rewrites text. It removes PDF/OCR conversion noise, page
//! markers and LaTeX, folds full-width digits/letters, joins digits to 年/月/日, and builds a
//! Simplified-Chinese matching view of Traditional text — and it records, for every clean
//! character, the byte range of the original text it came from, so every fact can cite the
//! original.
//!
//! # Design
//!
//! The document is first exploded into [`Unit`]s — one per original char, carrying the char
//! shown (`c`), the char matched on (`m`) and the original byte range. Each filter in
//! [`filters`] is one pass over that vector, compacting it in place (a filter only ever drops
//! units, merges several into one, or rewrites a unit's char; the one exception, a paragraph
//! break standing in for a page marker, reuses the marker's range). Because a unit carries its
//! original range wherever it moves, *filters change text, never offsets*: the map back to the
//! original falls out for free and cannot drift.
//!
//! Order matters and is fixed in [`Normalizer::default`]:
//! 1. `page_div` first, so a marker that splits a word is gone before anything looks at
//!    neighbours;
//! 2. `width` before the others, so they see ASCII digits;
//! 3. `latex` before `symbol_noise`, because `\(`, `{`, `}` and `^` are also noise symbols;
//! 4. `symbol_noise`, then `spacing` (removing a noise run can leave `超 千亿` behind);
//! 5. `opencc` last: it only sets the matching char.
//!
//! Why normalize before segmenting: a page marker or a noise run in the middle of a sentence
//! would otherwise become a sentence boundary or break a name.
//!
//! Offsets are stored as `u32`: a document may not exceed 4 GiB (the reader's limit is
//! 256 MiB by default and the CLI caps `--max-bytes` at 4 GiB).
//!
//! Cost: one `Vec<Unit>` (16 bytes per char, reused per thread), six linear passes, no per-char
//! allocation, and the map built with exact allocations.

pub mod filters;
pub mod offset_map;

use std::sync::LazyLock;

pub use offset_map::{NormBuilder, NormStats, NormText};

use crate::read::Document;

/// One character moving through the filter chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    /// The char as shown (original script).
    pub c: char,
    /// The char matched on (Simplified form of `c`, same UTF-8 length).
    pub m: char,
    /// Original byte range this char stands for.
    pub start: u32,
    pub end: u32,
}

impl Unit {
    pub fn new(c: char, start: u32, end: u32) -> Unit {
        Unit {
            c,
            m: c,
            start,
            end,
        }
    }

    /// Replace the char (both views).
    pub fn set(&mut self, c: char) {
        self.c = c;
        self.m = c;
    }
}

/// One normalization pass: rewrites `units` in place and counts what it did in `stats`.
///
/// A filter may drop units, merge consecutive units into one (the merged unit spans their
/// original ranges), or rewrite a unit's char. It must keep units in original order.
pub trait Filter: Send + Sync {
    /// Short name, used in docs and debugging.
    fn name(&self) -> &'static str;
    /// Apply the pass.
    fn apply(&self, units: &mut Vec<Unit>, stats: &mut NormStats);
    /// Can the pass change anything in a document whose original text is `text`, when the
    /// passes before it are those of [`Normalizer::default`], in its order? A test on the
    /// original bytes (a vector search for the characters the pass starts from), asked by the
    /// default chain only, so that a pass with nothing to do costs no walk over the units;
    /// `true` when unsure.
    fn may_apply(&self, _text: &str) -> bool {
        true
    }
}

/// A chain of filters.
pub struct Normalizer {
    filters: Vec<Box<dyn Filter>>,
    /// The default chain: its passes' [`Filter::may_apply`] tests hold.
    standard: bool,
}

impl Default for Normalizer {
    /// The standard chain: page markers, width, LaTeX, symbol noise, spacing, Simplified view.
    fn default() -> Self {
        let mut n = standard_passes().build();
        n.standard = true;
        n
    }
}

/// The passes of the standard chain, in order, as a builder (which skips no pass).
fn standard_passes() -> NormalizerBuilder {
    Normalizer::builder()
        .filter(filters::page_div::PageDiv)
        .filter(filters::width::Width)
        .filter(filters::latex::Latex)
        .filter(filters::symbol_noise::SymbolNoise)
        .filter(filters::spacing::Spacing)
        .filter(filters::opencc::Simplified)
}

/// Builds a [`Normalizer`] from filters, in order.
#[derive(Default)]
pub struct NormalizerBuilder {
    filters: Vec<Box<dyn Filter>>,
}

impl NormalizerBuilder {
    pub fn filter(mut self, f: impl Filter + 'static) -> Self {
        self.filters.push(Box::new(f));
        self
    }
    pub fn build(self) -> Normalizer {
        Normalizer {
            filters: self.filters,
            standard: false,
        }
    }
}

impl Normalizer {
    pub fn builder() -> NormalizerBuilder {
        NormalizerBuilder::default()
    }

    /// The names of the filters, in order.
    pub fn filter_names(&self) -> Vec<&'static str> {
        self.filters.iter().map(|f| f.name()).collect()
    }

    /// Normalize a document. Cannot fail.
    pub fn apply(&self, doc: &Document) -> NormText {
        self.apply_str(&doc.text)
    }

    /// Normalize a text. Cannot fail.
    pub fn apply_str(&self, text: &str) -> NormText {
        // The unit buffer is reused per thread: fresh memory costs page faults, which were a
        // quarter of the time on a many-document run.
        let mut units = SCRATCH.with(|s| std::mem::take(&mut *s.borrow_mut()));
        units.clear();
        units.reserve(text.chars().count());
        for (i, c) in text.char_indices() {
            units.push(Unit::new(c, i as u32, (i + c.len_utf8()) as u32));
        }
        let mut stats = NormStats::default();
        for f in &self.filters {
            if self.standard && !f.may_apply(text) {
                continue;
            }
            f.apply(&mut units, &mut stats);
        }
        let mut b = NormText::builder(text.len());
        b.push_units(&units);
        // Noise only; whitespace is counted apart (`stats.spaces`).
        b.removed(stats.noise_chars + stats.latex_chars + stats.marker_chars);
        b.stats(stats, stats.converted > 0);
        if units.capacity() <= MAX_SCRATCH {
            SCRATCH.with(|s| *s.borrow_mut() = units);
        }
        b.finish()
    }
}

/// Largest unit buffer kept for reuse (16 MiB worth of units); bigger ones are freed.
const MAX_SCRATCH: usize = 1 << 20;

thread_local! {
    static SCRATCH: std::cell::RefCell<Vec<Unit>> = const { std::cell::RefCell::new(Vec::new()) };
}

static DEFAULT: LazyLock<Normalizer> = LazyLock::new(Normalizer::default);

/// Clean one line of metadata (a title) the way document text is cleaned, in its own script;
/// `None` when nothing is left. The line is cleaned as the Markdown heading a title is, so a
/// headline's clause gap stays (`X完成C轮融资 Y领投`, as the heading in the text reads).
pub fn clean_line(s: &str) -> Option<String> {
    let n = DEFAULT.apply_str(&format!("# {s}"));
    let shown = n.display.strip_prefix('#').unwrap_or(&n.display);
    let t = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

/// Normalize a document with the default chain. Cannot fail.
pub fn normalize(doc: &Document) -> NormText {
    DEFAULT.apply(doc)
}

/// Normalize a plain string with the default chain (tests, `query`, tools).
pub fn normalize_str(text: &str) -> NormText {
    DEFAULT.apply_str(text)
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

    #[test]
    fn ranges_around_a_boundary_are_the_two_chars_ranges() {
        let doc = crate::read::from_bytes(
            "t",
            "t",
            "中　国<PAGE_DIV>人 民  银行\t（ＡＢ）a".as_bytes(),
        )
        .unwrap();
        let n = normalize(&doc);
        for pos in 0..=n.text.len() + 1 {
            let want = (pos <= n.text.len() && n.text.is_char_boundary(pos))
                .then(|| n.text[..pos].chars().next_back())
                .flatten()
                .and_then(|prev| {
                    Some((
                        n.orig_range_of(pos - prev.len_utf8())?,
                        n.orig_range_of(pos)?,
                    ))
                });
            if pos > n.text.len() || n.text.is_char_boundary(pos) {
                assert_eq!(n.orig_ranges_around(pos), want, "at {pos} of {}", n.text);
            }
        }
    }

    #[test]
    fn titles_are_cleaned() {
        assert_eq!(
            clean_line("中国联通#%\\$^&*(大会 <PAGE_DIV> 论坛").as_deref(),
            Some("中国联通大会论坛")
        );
        assert_eq!(clean_line("#%\\$^&*(<PAGE_DIV>"), None);
        // a headline's clause gap stays; one character a cell still joins
        assert_eq!(
            clean_line("青岚科技完成C轮融资 星海资本领投").as_deref(),
            Some("青岚科技完成C轮融资 星海资本领投")
        );
        assert_eq!(clean_line("中 国 银 行").as_deref(), Some("中国银行"));
    }

    #[test]
    fn clean_text_is_identity() {
        let t = "中国联通董事长在北京出席论坛。\n\n他说：“好。”";
        let n = normalize_str(t);
        assert_eq!(n.text, t);
        assert_eq!(n.display, t);
        assert_eq!(n.removed_chars, 0);
        for (b, c) in n.text.char_indices() {
            let s = n.to_original(b..b + c.len_utf8());
            assert_eq!(&t[s.start..s.end], c.to_string());
        }
    }

    /// The default chain skips a pass only where the pass has nothing to do: it gives what
    /// the same passes give with no skipping, texts with and without the characters the
    /// skipped passes start from.
    #[test]
    fn the_default_chain_skips_only_passes_with_nothing_to_do() {
        let unskipped = standard_passes().build();
        for t in [
            "中国联通董事长在北京出席论坛。\n\n他说：“好。”",
            "中<PAGE_DIV>国\u{000C}人民，３．５亿元ＡＩ大会",
            "公式 $x^2$ 与 \\(y\\) 之和，增长１２％（约）",
            "带动社会资本超#%\\$^&*(千亿元,共同  推进\n# 标题 一\n《星河 故事》",
            "完全没有特殊字符的一句话",
        ] {
            let (a, b) = (DEFAULT.apply_str(t), unskipped.apply_str(t));
            assert_eq!((&a.text, &a.display), (&b.text, &b.display), "{t}");
            assert_eq!(
                (a.stats, a.removed_chars),
                (b.stats, b.removed_chars),
                "{t}"
            );
            for p in 0..=a.text.len() {
                assert_eq!(a.orig_range_of(p), b.orig_range_of(p), "{t} at {p}");
            }
        }
    }

    #[test]
    fn prechecks_see_the_characters_their_passes_start_from() {
        use filters::{latex::Latex, page_div::PageDiv, width::Width};
        assert!(PageDiv.may_apply("中<PAGE_DIV>国") && PageDiv.may_apply("页\u{000C}"));
        assert!(!PageDiv.may_apply("中国，联通＜"));
        assert!(Latex.may_apply("公式$x$") && Latex.may_apply("\\alpha"));
        assert!(!Latex.may_apply("价格￥100，＄5"));
        for t in ["２０２４年", "ＡＩ", "ｇｐｔ", "３．５"] {
            assert!(Width.may_apply(t), "{t}");
        }
        // full-width punctuation is not folded
        assert!(!Width.may_apply("（以下简称“联通”）。：；！，％"));
    }
}
