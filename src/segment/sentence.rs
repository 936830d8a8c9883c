//! Sentence splitting; see the [module docs](super) for the rules.

use std::ops::Range;

use crate::normalize::NormText;

use super::paragraph::paragraphs;

/// One sentence of the clean text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Index in the document.
    pub idx: usize,
    /// Byte range in `NormText::text` (trimmed of surrounding whitespace).
    pub range: Range<usize>,
    /// Index of the paragraph the sentence belongs to (see [`super::paragraphs`]).
    pub paragraph: usize,
}

/// A quote longer than this (in bytes, ≈200 CJK chars) is taken as never closed.
const MAX_QUOTE: usize = 600;

#[inline]
fn is_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?')
}

#[inline]
fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '》' | '）' | ')' | '"')
}

/// Split the clean text into sentences.
pub fn segment(norm: &NormText) -> Vec<Sentence> {
    let t = norm.text.as_str();
    let paras = paragraphs(norm);
    let mut out = Vec::new();
    let mut p = 0; // current paragraph index into `paras`
    let mut push = |s: usize, e: usize, out: &mut Vec<Sentence>| {
        let piece = &t[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if lead + trail >= piece.len() {
            return;
        }
        let start = s + lead;
        while p + 1 < paras.len() && paras[p].range.end <= start {
            p += 1;
        }
        out.push(Sentence {
            idx: out.len(),
            range: start..e - trail,
            paragraph: p,
        });
    };

    let mut start = 0;
    let mut depth = 0usize; // open quotes/titles
    let mut ascii_quote = false;
    let mut opened_at = 0;
    // `next`: the byte of the next character to read.
    let mut next = 0;
    while next < t.len() {
        // A CJK ideograph (U+4000–U+9FFF: lead byte E4–E9) is none of the characters below
        // and changes no state: skip it without decoding (most of the text). The quote limit
        // is then checked at the next character read, with the same effect: the state it
        // resets is only read and changed at those characters.
        if (0xE4..=0xE9).contains(&t.as_bytes()[next]) {
            next += 3;
            continue;
        }
        let i = next;
        let Some(c) = t[i..].chars().next() else {
            break;
        };
        next = i + c.len_utf8();
        if (depth > 0 || ascii_quote) && i - opened_at > MAX_QUOTE {
            depth = 0;
            ascii_quote = false;
        }
        let mut end_here = false;
        match c {
            '\n' => {
                push(start, i, &mut out);
                start = i + 1;
                depth = 0;
                ascii_quote = false;
                continue;
            }
            '“' | '‘' | '《' | '「' | '『' => {
                if depth == 0 && !ascii_quote {
                    opened_at = i;
                }
                depth += 1;
            }
            '”' | '’' | '》' | '」' | '』' if depth > 0 => {
                depth -= 1;
                // `他说：“好。”` — a quote closing right after a terminator ends the sentence.
                end_here = depth == 0
                    && !ascii_quote
                    && t[..i].chars().next_back().is_some_and(is_terminator);
            }
            '"' => {
                if ascii_quote {
                    ascii_quote = false;
                    end_here = depth == 0 && t[..i].chars().next_back().is_some_and(is_terminator);
                } else {
                    ascii_quote = true;
                    if depth == 0 {
                        opened_at = i;
                    }
                }
            }
            c if is_terminator(c) => end_here = depth == 0 && !ascii_quote,
            _ => {}
        }
        if end_here {
            // Absorb repeated marks and closing quotes: `真的？！`, `好。”`.
            let mut e = next;
            while let Some(d) = t[e..].chars().next() {
                if is_terminator(d) || (is_closer(d) && d != '"') || d == '…' {
                    e += d.len_utf8();
                } else {
                    break;
                }
            }
            next = e;
            push(start, e, &mut out);
            start = e;
        }
    }
    push(start, t.len(), &mut out);
    out
}

// Tests: `tests/segment_sentences.rs` (through the public API, so there is one set).
