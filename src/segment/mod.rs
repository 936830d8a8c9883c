//! Stage 3 — segment: [`NormText`] → sentences and paragraphs.
//!
//! Sentences end at 。！？；!? and line breaks, except inside quotes and 《》; a `.` between
//! digits (3.5, 2024.7.21) never ends one. Paragraphs are separated by line breaks.

use std::ops::Range;

use crate::normalize::NormText;

/// One sentence of the clean text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Index in the document.
    pub idx: usize,
    /// Byte range in `NormText::text` (trimmed of surrounding whitespace).
    pub range: Range<usize>,
    /// Index of the paragraph (line block) the sentence belongs to.
    pub paragraph: usize,
}

/// Split the clean text into sentences.
pub fn segment(norm: &NormText) -> Vec<Sentence> {
    let t = &norm.text;
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut start = 0;
    let mut depth = 0i32;
    let push = |s: usize, e: usize, paragraph: usize, out: &mut Vec<Sentence>| {
        let piece = &t[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if lead + trail < piece.len() {
            out.push(Sentence {
                idx: out.len(),
                range: s + lead..e - trail,
                paragraph,
            });
        }
    };
    for (i, c) in t.char_indices() {
        match c {
            '“' | '《' | '「' | '『' => depth += 1,
            '”' | '》' | '」' | '』' => depth = (depth - 1).max(0),
            '\n' => {
                push(start, i, paragraph, &mut out);
                start = i + 1;
                depth = 0;
                paragraph += 1;
            }
            '。' | '！' | '？' | '；' | '!' | '?' if depth == 0 => {
                let e = i + c.len_utf8();
                push(start, e, paragraph, &mut out);
                start = e;
            }
            _ => {}
        }
    }
    push(start, t.len(), paragraph, &mut out);
    out
}
