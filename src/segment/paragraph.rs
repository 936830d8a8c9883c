//! Paragraphs: blocks of lines; see the [module docs](super) for where one ends.

use std::ops::Range;

use crate::normalize::NormText;

/// One paragraph of the clean text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub idx: usize,
    /// Byte range in `NormText::text`, trimmed of surrounding whitespace.
    pub range: Range<usize>,
}

fn line_ends_sentence(line: &str) -> bool {
    line.trim_end().chars().next_back().is_some_and(|c| {
        matches!(
            c,
            '。' | '！' | '？' | '；' | '!' | '?' | '”' | '’' | '」' | '』' | '…' | '：' | ':'
        )
    })
}

/// Split the clean text into paragraphs.
pub fn paragraphs(norm: &NormText) -> Vec<Paragraph> {
    let t = norm.text.as_str();
    let mut out: Vec<Paragraph> = Vec::new();
    let mut cur: Option<Range<usize>> = None;
    let mut off = 0;
    let flush = |cur: &mut Option<Range<usize>>, out: &mut Vec<Paragraph>| {
        if let Some(r) = cur.take() {
            out.push(Paragraph {
                idx: out.len(),
                range: r,
            });
        }
    };
    for line in t.split_inclusive('\n') {
        let start = off;
        off += line.len();
        let body = line.trim();
        if body.is_empty() {
            flush(&mut cur, &mut out);
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let r = start + lead..start + lead + body.len();
        let heading = body.starts_with('#');
        if heading {
            flush(&mut cur, &mut out);
        }
        match &mut cur {
            Some(c) => c.end = r.end,
            None => cur = Some(r),
        }
        if heading || line_ends_sentence(body) {
            flush(&mut cur, &mut out);
        }
    }
    flush(&mut cur, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize_str;

    #[test]
    fn blocks_of_lines() {
        let n =
            normalize_str("# 标题\n\n第一段第一句。第二句。\n第二段被硬换行\n接着写完。\n\n第三段");
        let p: Vec<&str> = paragraphs(&n)
            .iter()
            .map(|p| &n.text[p.range.clone()])
            .collect();
        assert_eq!(
            p,
            [
                "# 标题",
                "第一段第一句。第二句。",
                "第二段被硬换行\n接着写完。",
                "第三段"
            ]
        );
    }
}
