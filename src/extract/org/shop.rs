//! `org.shop_mark`: shops named by a family name and 记 (`冼记粥面`, `麦振记凉茶`, `荣记`).
//!
//! Cantonese and southern shops are named after their founder's family (and often a given
//! character) followed by 记, "the mark of": `X记`, `XY记`. Such a name reads like a person to
//! the surname rules, and it carries no organization suffix. It is a shop where the text says
//! so right after it:
//! - a trade word (`words_org.txt` list `shop_trade`: 粥面, 凉茶, 烧腊, 茶餐厅 …): the shop is
//!   named with it (`冼记粥面`);
//! - a word of a shop's life (`shop_follow`: 第三代, 传人, 老店, 分店, 门店, 招牌 …): the shop is
//!   the bare mark (`麦振记第三代传人`).
//!
//! A mark confirmed once names the shop at its other occurrences in the document too. The
//! mark opens at a boundary (punctuation, a list dash, the line start or a function word) with
//! a single-character surname, and 记 must not make a word with the character before it
//! (`书记`, `游记`, `印记`, `史记`: list `ji_word`), so `王书记老板` is none.

use crate::extract::{Attrs, Candidate, Label, OrgKind};
use crate::normalize::filters::is_han;
use crate::rules::{FastSet, RuleId, WordList};

use super::{OrgRules, PRIORITY};

pub const SHOP_MARK: RuleId = RuleId("org.shop_mark");

/// Trade words a shop's name goes on with (`冼记粥面`).
static SHOP_TRADE: WordList = WordList::new("words_org", "shop_trade");
/// Words after a bare mark that say it is a shop (`麦振记第三代传人`).
static SHOP_FOLLOW: WordList = WordList::new("words_org", "shop_follow");
/// Two-character words ending in 记 (`书记`, `游记`): no mark ends there.
static JI_WORDS: WordList = WordList::new("words_org", "ji_word");
/// Characters that may stand right before a mark inside a sentence (function words).
static MARK_OPENERS: WordList = WordList::new("words_org", "mark_opener");

/// Every word list this module reads (for the test that they exist).
#[cfg(test)]
pub(super) const LISTS: [&WordList; 4] = [&SHOP_TRADE, &SHOP_FOLLOW, &JI_WORDS, &MARK_OPENERS];

/// One mark: where it starts, where 记 ends, and where the shop's name ends if a trade word
/// (or a shop word) confirms it.
struct Mark {
    start: usize,
    end: usize,
    confirmed_end: Option<usize>,
}

/// Does a mark open at `start`: the text start, a character that is no Han character (a
/// comma, a list dash, a space), or a function word of `mark_opener`?
fn opens_at(text: &str, start: usize) -> bool {
    let before = &text[..start];
    match before.chars().next_back() {
        None => true,
        Some(c) if !is_han(c) => true,
        Some(_) => MARK_OPENERS.iter().any(|w| before.ends_with(w)),
    }
}

/// The marks of `text` (surname, an optional given character, 记).
fn marks(text: &str, r: &OrgRules) -> Vec<Mark> {
    let mut out = Vec::new();
    for (ji, _) in text.match_indices('记') {
        let end = ji + '记'.len_utf8();
        let mut back = text[..ji].char_indices().rev();
        let Some((i1, c1)) = back.next() else {
            continue;
        };
        if !is_han(c1) || JI_WORDS.iter().any(|w| text[i1..].starts_with(w)) {
            continue;
        }
        // `荣记` (surname + 记) or `麦振记` (surname + given character + 记).
        let start = if r.single_surnames.contains(&c1) && opens_at(text, i1) {
            i1
        } else if let Some((i0, c0)) = back.next()
            && r.single_surnames.contains(&c0)
            && opens_at(text, i0)
        {
            i0
        } else {
            continue;
        };
        let rest = &text[end..];
        let confirmed_end = if let Some(t) = SHOP_TRADE.iter().find(|t| rest.starts_with(**t)) {
            Some(end + t.len())
        } else if SHOP_FOLLOW.iter().any(|t| rest.starts_with(t)) {
            Some(end)
        } else {
            None
        };
        out.push(Mark {
            start,
            end,
            confirmed_end,
        });
    }
    out
}

/// `org.shop_mark` candidates of `text`.
pub(super) fn find(text: &str, r: &OrgRules, out: &mut Vec<Candidate>) {
    if !text.contains('记') {
        return;
    }
    let marks = marks(text, r);
    let confirmed: FastSet<&str> = marks
        .iter()
        .filter(|m| m.confirmed_end.is_some())
        .map(|m| &text[m.start..m.end])
        .collect();
    for m in &marks {
        let end = match m.confirmed_end {
            Some(e) => e,
            None if confirmed.contains(&text[m.start..m.end]) => m.end,
            None => continue,
        };
        let c = Candidate::new(Label::Organization, m.start..end, SHOP_MARK, PRIORITY).with_attrs(
            Attrs::Org {
                kind: OrgKind::Enterprise,
            },
        );
        // The bare mark and the mark with its trade are one shop.
        let c = if end != m.end {
            c
        } else if let Some(full) = marks.iter().find(|o| {
            o.confirmed_end.is_some_and(|e| e > o.end)
                && text[o.start..o.end] == text[m.start..m.end]
        }) && let Some(e) = full.confirmed_end
        {
            Candidate {
                canonical: Some(text[full.start..e].to_string()),
                ..c
            }
        } else {
            c
        };
        out.push(c);
    }
}
