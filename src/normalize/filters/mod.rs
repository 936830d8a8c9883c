//! The normalization filters, one per file, and the character classes they share.
//!
//! Each filter is a unit struct implementing [`super::Filter`]; [`super::Normalizer::default`]
//! fixes their order and says why.

pub mod latex;
pub mod opencc;
pub mod page_div;
pub mod spacing;
pub mod symbol_noise;
pub mod width;

/// A CJK ideograph (URO, extensions A–G, compatibility ideographs) or 〇.
#[inline]
pub fn is_ideograph(c: char) -> bool {
    is_han(c)
        || matches!(c,
        '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}'
        | '〇')
}

/// A unified ideograph of the Basic Multilingual Plane (URO and extension A): the characters
/// the extraction rules read as part of a Chinese word or name. Narrower than
/// [`is_ideograph`] on purpose — 〇 is a numeral and compatibility ideographs are folded away by
/// normalization, so a rule asking "does the word go on?" must not count them.
#[inline]
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Is the space at byte `i` of normalized text a separator between two ideographs? The spacing
/// filter drops a space between Chinese characters unless it means something — a column gap
/// of a list or table (`刘某 华海科技 董事长`), the gap after a dateline (`本报讯 某公司…`), a
/// headline's clause gap (`X完成C轮融资 Y领投`) — so such a space parts two clauses the way a
/// comma does (`X完成融资 将与Y签署协议`: Y's signing is not X's financing).
pub fn is_separator_space(text: &str, i: usize) -> bool {
    text.as_bytes().get(i) == Some(&b' ')
        && text[..i].chars().next_back().is_some_and(is_ideograph)
        && text[i + 1..].chars().next().is_some_and(is_ideograph)
}

/// The separator spaces ([`is_separator_space`]) of `text[range]` that stand outside
/// `《…》` and `“…”` (counted from `range.start`), as byte offsets into `text` in order: a
/// space inside a title or a quote (`作题为《以投促产 共赢未来》的报告`) parts no clauses. The
/// one test of the clause readers of the event family and of short organization names.
pub fn separator_spaces_outside_quotes(
    text: &str,
    range: std::ops::Range<usize>,
) -> impl Iterator<Item = usize> + '_ {
    let from = range.start;
    let mut quoted = 0usize;
    text.get(range)
        .unwrap_or("")
        .char_indices()
        .filter_map(move |(k, c)| {
            match c {
                '《' | '“' => quoted += 1,
                '》' | '”' => quoted = quoted.saturating_sub(1),
                ' ' if quoted == 0 && is_separator_space(text, from + k) => return Some(from + k),
                _ => {}
            }
            None
        })
}

/// CJK and full-width punctuation: 、，。：；“”‘’《》（）【】…—· and the full-width forms block.
#[inline]
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}'
        | '\u{2018}'..='\u{201F}'
        | '\u{2026}'
        | '\u{2014}'
        | '\u{00B7}'
        | '\u{FE30}'..='\u{FE4F}')
}

/// Ideograph or CJK punctuation: the characters around which spaces carry no meaning.
#[inline]
pub fn is_cjk(c: char) -> bool {
    is_ideograph(c) || is_cjk_punct(c)
}

/// Horizontal whitespace (everything `char::is_whitespace` except line breaks).
#[inline]
pub fn is_hspace(c: char) -> bool {
    c != '\n' && c.is_whitespace()
}

#[cfg(test)]
mod tests {
    use super::separator_spaces_outside_quotes;

    #[test]
    fn separator_spaces_outside_quotes_skip_titles_and_quotes() {
        let t = "星河完成融资 将与云帆签约";
        let at = t.find(' ').unwrap();
        assert_eq!(
            separator_spaces_outside_quotes(t, 0..t.len()).collect::<Vec<_>>(),
            vec![at]
        );
        // (inside 《》 or “”: no separator; after the closing mark again one)
        let t = "作题为《以投促产 共赢未来》的报告 会后签约";
        let last = t.rfind(' ').unwrap();
        assert_eq!(
            separator_spaces_outside_quotes(t, 0..t.len()).collect::<Vec<_>>(),
            vec![last]
        );
        let t = "发布“智造 强链”行动";
        assert_eq!(separator_spaces_outside_quotes(t, 0..t.len()).count(), 0);
        // (a space next to a Latin word or a digit is no separator)
        let t = "发布 AI 平台";
        assert_eq!(separator_spaces_outside_quotes(t, 0..t.len()).count(), 0);
        // (offsets are into the whole text; a range past its end yields nothing)
        let t = "甲，星河完成融资 将签约";
        let from = t.find('星').unwrap();
        assert_eq!(
            separator_spaces_outside_quotes(t, from..t.len()).collect::<Vec<_>>(),
            vec![t.find(' ').unwrap()]
        );
        assert_eq!(
            separator_spaces_outside_quotes(t, 0..t.len() + 9).count(),
            0
        );
    }
}
