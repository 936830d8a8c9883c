//! `page_div`: remove `<PAGE_DIV>` page markers (and form feeds) left by PDF conversion.
//!
//! A page break in a PDF falls wherever the page is full — often mid-sentence, sometimes
//! mid-word (`中国联<PAGE_DIV>\n\n通`). So the filter looks at the last non-blank char before
//! the marker:
//! - if it ends a sentence (。！？；!?… or a closing quote after one), ends a heading's line (a
//!   line break stands before or after the marker; a marker inside the heading's line splits a
//!   word of it), or the next text starts a heading, the break was also a paragraph break: the
//!   marker goes, the line breaks around it stay (a `\n` is put in its place when there were
//!   none);
//! - otherwise the text continues across the page: the marker *and all whitespace around it,
//!   line breaks included,* go, so no sentence boundary is invented. Between two Latin
//!   letters one space is kept (`data <PAGE_DIV> base` keeps its word gap); digits are joined
//!   (`3<PAGE_DIV> 00亿` is one number).
//!
//! Accepted marker spellings: `<PAGE_DIV>`, `</PAGE_DIV>`, `<page_div>`, `<PAGE DIV>`,
//! `<PAGE-DIV/>`, and U+000C FORM FEED.

use super::super::{Filter, NormStats, Unit};
use super::is_hspace;

/// See the module docs.
pub struct PageDiv;

/// Length in units of a page marker starting at `i`, if any.
pub fn marker_at(u: &[Unit], i: usize) -> Option<usize> {
    let c = u.get(i)?.c;
    if c == '\u{000C}' {
        return Some(1);
    }
    if c != '<' {
        return None;
    }
    let mut j = i + 1;
    let at = |j: usize| u.get(j).map(|x| x.c);
    if at(j) == Some('/') {
        j += 1;
    }
    for want in ['p', 'a', 'g', 'e'] {
        if at(j).map(|c| c.to_ascii_lowercase()) != Some(want) {
            return None;
        }
        j += 1;
    }
    if matches!(at(j), Some('_' | ' ' | '-')) {
        j += 1;
    }
    for want in ['d', 'i', 'v'] {
        if at(j).map(|c| c.to_ascii_lowercase()) != Some(want) {
            return None;
        }
        j += 1;
    }
    while at(j) == Some(' ') {
        j += 1;
    }
    if at(j) == Some('/') {
        j += 1;
    }
    (at(j) == Some('>')).then_some(j + 1 - i)
}

/// Does the clean text ending with `u[..w]` end a sentence?
fn ends_sentence(u: &[Unit]) -> bool {
    let Some(last) = u.last() else { return true };
    match last.c {
        '。' | '！' | '？' | '；' | '!' | '?' | '…' | '⋯' | '．' => true,
        '.' => !u
            .len()
            .checked_sub(2)
            .is_some_and(|i| u[i].c.is_ascii_digit()),
        '”' | '’' | '」' | '』' | '"' | '\'' | '）' | ')' => {
            u.len() >= 2 && ends_sentence(&u[..u.len() - 1])
        }
        _ => false,
    }
}

/// Is the line ending at `u[..w]` a Markdown heading (`# …`)?
fn line_is_heading(u: &[Unit]) -> bool {
    let start = u.iter().rposition(|x| x.c == '\n').map_or(0, |p| p + 1);
    u[start..]
        .iter()
        .find(|x| !is_hspace(x.c))
        .is_some_and(|x| x.c == '#')
}

/// Does a Markdown heading start at `u[0]`: `#`s, then a space or a letter? A `#` run
/// followed by other symbols (`#%\$^&*(8 亿元`) is PDF noise inside the running text.
fn heading_starts(u: &[Unit]) -> bool {
    let hashes = u.iter().take_while(|x| x.c == '#').count();
    hashes > 0
        && u.get(hashes)
            .is_some_and(|x| x.c.is_whitespace() || x.c.is_alphanumeric())
}

impl Filter for PageDiv {
    fn name(&self) -> &'static str {
        "page_div"
    }

    /// The first pass: a marker starts with a form feed or a `<` of the original text.
    fn may_apply(&self, text: &str) -> bool {
        memchr::memchr2(b'\x0C', b'<', text.as_bytes()).is_some()
    }

    fn apply(&self, u: &mut Vec<Unit>, stats: &mut NormStats) {
        // A marker starts with a form feed or a `<` (see `marker_at`); most documents have
        // neither, and the test is cheaper than the copying loop (issue 8).
        if !u.iter().any(|x| matches!(x.c, '\u{000C}' | '<')) {
            return;
        }
        let n = u.len();
        let (mut r, mut w) = (0, 0);
        while r < n {
            let Some(len) = marker_at(u, r) else {
                u[w] = u[r];
                w += 1;
                r += 1;
                continue;
            };
            // The marker's own range (a paragraph break stands in for it if needed).
            let marker = Unit::new('\n', u[r].start, u[r + len - 1].end);
            stats.page_markers += 1;
            stats.marker_chars += len;
            // Swallow whitespace and further markers after it.
            let mut e = r + len;
            let mut newlines: [Option<Unit>; 2] = [None, None];
            let mut space: Option<Unit> = None;
            let mut note = |x: Unit, newlines: &mut [Option<Unit>; 2]| {
                if x.c == '\n' {
                    if newlines[0].is_none() {
                        newlines[0] = Some(x);
                    } else if newlines[1].is_none() {
                        newlines[1] = Some(x);
                    }
                } else if space.is_none() {
                    space = Some(x);
                }
            };
            loop {
                while e < n && u[e].c.is_whitespace() {
                    note(u[e], &mut newlines);
                    e += 1;
                }
                match marker_at(u, e) {
                    Some(l) => {
                        stats.page_markers += 1;
                        stats.marker_chars += l;
                        e += l;
                    }
                    None => break,
                }
            }
            // Whitespace already written before the marker goes back into the pool.
            let mut b = w;
            while b > 0 && u[b - 1].c.is_whitespace() {
                b -= 1;
            }
            let mut before: [Option<Unit>; 2] = [None, None];
            for x in &u[b..w] {
                if x.c == '\n' {
                    if before[0].is_none() {
                        before[0] = Some(*x);
                    } else if before[1].is_none() {
                        before[1] = Some(*x);
                    }
                } else if space.is_none() {
                    space = Some(*x);
                }
            }
            let removed_ws = (w - b) + (e - r - len);
            w = b;
            r = e;
            if w == 0 || r >= n {
                // Start or end of the document: nothing to join.
                stats.spaces += removed_ws;
                continue;
            }
            let next = u[r].c;
            // (a heading ends at a marker on its own line; a marker inside the heading's line —
            // no line break before or after it — splits a word of the heading: `# X大会
            // <PAGE_DIV> 论坛召开` is one heading)
            let line_break = before[0].is_some() || newlines[0].is_some();
            let paragraph = ends_sentence(&u[..w])
                || (line_is_heading(&u[..w]) && line_break)
                || heading_starts(&u[r..]);
            let mut kept = 0;
            if paragraph {
                // Keep up to two of the original line breaks, else stand in with the marker.
                let mut nl: Vec<Unit> = before
                    .iter()
                    .chain(newlines.iter())
                    .flatten()
                    .copied()
                    .collect();
                nl.truncate(2);
                if nl.is_empty() {
                    nl.push(marker);
                }
                for x in nl {
                    u[w] = x;
                    w += 1;
                    kept += 1;
                }
            } else if let Some(sp) = space {
                let prev = u[w - 1].c;
                if prev.is_ascii_alphabetic() && next.is_ascii_alphabetic() {
                    u[w] = Unit::new(' ', sp.start, sp.end);
                    w += 1;
                    kept += 1;
                }
            }
            stats.spaces += removed_ws.saturating_sub(kept);
        }
        u.truncate(w);
    }
}

#[cfg(test)]
mod tests {
    use crate::normalize::{Normalizer, filters::page_div::PageDiv};

    fn run(s: &str) -> String {
        Normalizer::builder()
            .filter(PageDiv)
            .build()
            .apply_str(s)
            .text
    }

    #[test]
    fn joins_a_word_split_across_pages() {
        assert_eq!(run("中国联<PAGE_DIV>\n\n通公司"), "中国联通公司");
        assert_eq!(run("超过三百<PAGE_DIV> 亿元"), "超过三百亿元");
        // A noise run after the marker is no heading: the number still continues.
        assert_eq!(run("12.6<PAGE_DIV>#%$^&*(8亿元"), "12.6#%$^&*(8亿元");
        assert_eq!(run("中国\u{000C}联通"), "中国联通");
    }

    #[test]
    fn keeps_a_paragraph_break_after_a_sentence() {
        assert_eq!(
            run("启示。<PAGE_DIV> \n\n## 第二篇章"),
            "启示。\n\n## 第二篇章"
        );
        assert_eq!(run("启示。<PAGE_DIV>下一段"), "启示。\n下一段");
        assert_eq!(run("数据<PAGE_DIV>## 第二篇章"), "数据\n## 第二篇章");
        assert_eq!(run("他说：“好。”<page_div>\n然后"), "他说：“好。”\n然后");
    }

    #[test]
    fn a_heading_ends_at_a_marker_on_its_own_line_only() {
        // the marker between two lines: the heading ends there
        assert_eq!(run("# 标题一\n<PAGE_DIV>\n正文"), "# 标题一\n\n正文");
        assert_eq!(run("# 标题一<PAGE_DIV>\n\n正文"), "# 标题一\n\n正文");
        // inside the heading's line: it splits a word of the heading
        assert_eq!(
            run("# 中国联通大会 <PAGE_DIV> 论坛召开"),
            "# 中国联通大会论坛召开"
        );
    }

    #[test]
    fn drops_markers_at_the_edges_and_variants() {
        assert_eq!(run("力量。<PAGE_DIV> "), "力量。");
        assert_eq!(run("<PAGE_DIV>\n正文"), "正文");
        assert_eq!(run("甲</PAGE_DIV><PAGE DIV>乙"), "甲乙");
        assert_eq!(run("data <PAGE_DIV> base"), "data base");
    }

    #[test]
    fn leaves_other_angle_brackets_alone() {
        assert_eq!(run("a<b 和 <PAGE>"), "a<b 和 <PAGE>");
    }
}
