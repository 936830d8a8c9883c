//! `org.elliptic` — a government body listed after another one without its place.
//!
//! Government news lists the bodies of one place by naming the place once:
//! `临江市委、市政府` (the city's party committee and its government), `南屿新区党工委书记、
//! 管委会主任某` (the zone's party working committee and its managing committee). The later
//! items are names of their own bodies, but without the place a reader cannot link them: a bare
//! `市政府` in two articles is two different governments, and a bare `管委会` is not even
//! found, since a managing committee needs a place before it (`needs=place` in
//! `org_suffixes.txt`). This pass gives each such item the place of the item before it as its
//! canonical name (`临江市政府`, `南屿新区管委会`), and reads a bare body word there as an
//! organization, so the titles after it bind to it.
//!
//! Why only after `、` (titles of the item before may stand between): that is how a list of
//! one place's bodies is written; after `和`/`与` the next body is as often another place's.
//!
//! The same rule reads a bare party committee opening a list of posts (`钱塘区委书记甲，区委副
//! 书记、区长乙`, `市委常委、常务副市长丙`): a level and `委` after a clause mark and before a
//! title is the committee of that level the document named with its place, when it named one
//! (see [`committees_refer_back`]).

use crate::extract::{Attrs, Candidate, Label, OrgKind};
use crate::rules::RuleId;

// (the levels are the one-character levels a bare `X政府` names: `市政府`, `县政协`)
use super::{GOV_LEVELS as LEVELS, OrgRules, PRIORITY};

pub const ELLIPTIC: RuleId = RuleId("org.elliptic");

/// Bodies that a place has one of, so that naming them bare after that place's first body can
/// only mean the same place's (`市委、市政府`, `党工委、管委会`). Longest first.
const BODIES: [&str; 10] = [
    "人大常委会",
    "管理委员会",
    "人民政府",
    "党工委",
    "管委会",
    "常委会",
    "政府",
    "政协",
    "纪委",
    "监委",
];

/// Zone words a place may end in; a later item may repeat one (`南屿新区党工委、新区管委会`).
const ZONES: [&str; 6] = ["高新区", "开发区", "新区", "园区", "自贸区", "保税区"];

/// Longest list item accepted as elliptic, in characters (`市人大常委会` is 6; `县经信局` 4).
const MAX_ITEM_CHARS: usize = 8;

/// See the module docs. `cands` are the organization family's winners; elliptic items that
/// were found (a bare `市政府` is a suffix name) get a canonical name, missing ones (a bare
/// `管委会`) are added.
pub(super) fn find(text: &str, r: &OrgRules, cands: &mut Vec<Candidate>) {
    let mut order: Vec<usize> = (0..cands.len())
        .filter(|&i| cands[i].label == Label::Organization)
        .collect();
    order.sort_by_key(|&i| cands[i].range.start);
    let mut added = Vec::new();
    // The item before the current one: its end and its full name (canonical if it has one).
    let mut k = 0;
    while k < order.len() {
        let a = &cands[order[k]];
        k += 1;
        if !is_government(a) {
            continue;
        }
        let mut name = a
            .canonical
            .clone()
            .unwrap_or_else(|| text[a.range.clone()].to_string());
        let mut end = a.range.end;
        // Follow the list as long as its items are elliptic.
        while let Some(start) = next_item(text, r, end) {
            let found = order[k..]
                .iter()
                .copied()
                .find(|&i| cands[i].range.start == start)
                .filter(|&i| is_government(&cands[i]));
            let (range_end, full) = match found {
                Some(i) => {
                    let c = &cands[i];
                    let item = &text[c.range.clone()];
                    if c.canonical.is_some()
                        || item.chars().count() > MAX_ITEM_CHARS
                        || !(item.starts_with(LEVELS) || ZONES.iter().any(|z| item.starts_with(z)))
                    {
                        break;
                    }
                    let Some(full) = complete(&name, item) else {
                        break;
                    };
                    (c.range.end, full)
                }
                None => {
                    let Some(len) = bare_body(&text[start..]) else {
                        break;
                    };
                    // a body word that goes on into a longer word is none (`政府采购`)
                    if !ends_word(text, r, start + len)
                        || cands.iter().any(|c| {
                            c.range.start < start + len
                                && start < c.range.end
                                && c.range.start != start
                        })
                    {
                        break;
                    }
                    let item = &text[start..start + len];
                    let Some(full) = complete(&name, item) else {
                        break;
                    };
                    (start + len, full)
                }
            };
            match found {
                Some(i) => {
                    cands[i].canonical = Some(full.clone());
                    cands[i].rule = ELLIPTIC;
                }
                None => {
                    let mut c =
                        Candidate::new(Label::Organization, start..range_end, ELLIPTIC, PRIORITY)
                            .with_attrs(Attrs::Org {
                                kind: OrgKind::Government,
                            });
                    c.canonical = Some(full.clone());
                    added.push(c);
                }
            }
            name = full;
            end = range_end;
        }
    }
    cands.extend(added);
}

/// Marks after which a bare committee opens a list of posts (`，区委副书记`), and the start.
const CLAUSE_MARKS: [char; 4] = ['，', '；', '、', '\n'];

/// The name of a party committee of a place without the party prefix (`中共临江市委` →
/// `临江市委`), with its level (`市`), if `name` is one: at least two characters of place, a
/// level, `委`.
pub(crate) fn committee(name: &str) -> Option<(&str, char)> {
    let name = ["中国共产党", "中共"]
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .unwrap_or(name);
    let rest = name.strip_suffix('委')?;
    let level = rest.chars().next_back()?;
    (LEVELS.contains(&level) && rest.chars().count() >= 3).then_some((name, level))
}

/// `钱塘区委书记甲，区委副书记、区长乙`: a bare `区委` (a level and `委`) after a clause mark and
/// right before a title is the committee of that level the document named before it with its
/// place, when all it named of that level are one (`中共钱塘区委` and `钱塘区委` are one). It
/// becomes an organization mention with that committee's name as its canonical name, so the
/// titles after it bind to it.
pub(super) fn committees_refer_back(text: &str, r: &OrgRules, cands: &mut Vec<Candidate>) {
    // Cheap test first: most documents name no committee.
    if !text.contains('委') {
        return;
    }
    // (start, name without the party prefix, level, full name) of every committee named with
    // its place
    let mut named: Vec<(usize, &str, char, &str)> = cands
        .iter()
        .filter(|c| c.label == Label::Organization && is_government(c))
        .filter_map(|c| {
            let full = c.canonical.as_deref().unwrap_or(&text[c.range.clone()]);
            let (key, level) = committee(full)?;
            Some((c.range.start, key, level, full))
        })
        .collect();
    if named.is_empty() {
        return;
    }
    named.sort_unstable();
    let mut added = Vec::new();
    for (j, _) in text.match_indices('委') {
        let Some(level) = text[..j].chars().next_back().filter(|c| LEVELS.contains(c)) else {
            continue;
        };
        let start = j - level.len_utf8();
        let end = j + '委'.len_utf8();
        if !(start == 0 || text[..start].ends_with(CLAUSE_MARKS))
            || !title_at(text, r, end)
            || cands
                .iter()
                .any(|o| o.range.start < end && start < o.range.end)
        {
            continue;
        }
        let mut before = named.iter().filter(|n| n.0 < start && n.2 == level);
        let Some(last) = before.clone().next_back() else {
            continue;
        };
        if before.any(|n| n.1 != last.1) {
            continue;
        }
        let name = last.3;
        let mut m = Candidate::new(Label::Organization, start..end, ELLIPTIC, PRIORITY).with_attrs(
            Attrs::Org {
                kind: OrgKind::Government,
            },
        );
        m.canonical = Some(name.to_string());
        added.push(m);
    }
    cands.extend(added);
}

/// Is `name` a body without its place (`区委`, `市政府`, `新区管委会`, `管委会`) — the form this
/// rule resolves within its document, which names another place's body in the next one?
pub(crate) fn placeless_body(name: &str) -> bool {
    bare_body(name) == Some(name.len())
        || name
            .strip_suffix('委')
            .is_some_and(|l| l.chars().count() == 1 && l.starts_with(LEVELS))
}

/// Does a title start at `at` — a lexicon title, also after a deputy's `副`/`常务副`
/// (`副书记` is made by the role family's modifiers)?
fn title_at(text: &str, r: &OrgRules, at: usize) -> bool {
    let rest = &text[at..];
    let deputy = ["常务副", "副"]
        .iter()
        .find(|p| rest.starts_with(**p))
        .map_or(0, |p| p.len());
    r.titles.longest_at(text, at + deputy, text.len()).is_some()
}

fn is_government(c: &Candidate) -> bool {
    matches!(
        c.attrs,
        Attrs::Org {
            kind: OrgKind::Government
        }
    )
}

/// Where the next list item starts after an item ending at `end`: past the item's titles
/// (`党工委书记、`, `市委常委、` — titles of the same list of posts) and one `、`.
fn next_item(text: &str, r: &OrgRules, mut end: usize) -> Option<usize> {
    while let Some((to, _)) = r.titles.longest_at(text, end, text.len()) {
        end = to;
    }
    text[end..]
        .strip_prefix('、')
        .map(|_| end + '、'.len_utf8())
}

/// Characters that may follow a bare body word that ends there: list and clause marks, and
/// the words that follow a list of bodies (`市委、市政府主要领导`, `…联合发文`, `…高度重视`,
/// `…负责人`, `…和`, `…的`).
const AFTER_BODY: &str = "、，。；：,.;:（(）)“”\"和与及等的主负领联共高分相在于对将已也均各有";

/// Whether a bare body word ending at `end` ends a word: the text ends, a mark or a word of
/// [`AFTER_BODY`] follows, or a title (`管委会主任`).
fn ends_word(text: &str, r: &OrgRules, end: usize) -> bool {
    match text[end..].chars().next() {
        None => true,
        Some(c) => {
            AFTER_BODY.contains(c)
                || c.is_whitespace()
                || r.titles.longest_at(text, end, text.len()).is_some()
        }
    }
}

/// A bare body word at the start of `rest`, optionally after a level (`市政府`) or a zone word
/// (`新区管委会`): its length in bytes.
fn bare_body(rest: &str) -> Option<usize> {
    let lead = ZONES
        .iter()
        .find(|z| rest.starts_with(**z))
        .map(|z| z.len())
        .or_else(|| {
            rest.chars()
                .next()
                .filter(|c| LEVELS.contains(c))
                .map(char::len_utf8)
        })
        .unwrap_or(0);
    let body = BODIES.iter().find(|b| rest[lead..].starts_with(**b))?;
    Some(lead + body.len())
}

/// The full name of the elliptic `item` after the body named `before`: the place part of
/// `before` and the item. The place part ends where the item's own level or zone word was
/// written in `before` (`临江市委` + `市政府` → `临江` + `市政府`), or, for a bare body, after
/// the last level or zone character of `before` (`南屿新区党工委` + `管委会` →
/// `南屿新区管委会`). At least two characters of place are required.
fn complete(before: &str, item: &str) -> Option<String> {
    let stem_end = if let Some(z) = ZONES.iter().find(|z| item.starts_with(**z)) {
        before.rfind(z)?
    } else if let Some(level) = item.chars().next().filter(|c| LEVELS.contains(c)) {
        before.rfind(level)?
    } else {
        // after the last level character of `before` (zone words end in 区)
        let (i, c) = before
            .char_indices()
            .rfind(|(_, c)| LEVELS.contains(c) || *c == '州' || *c == '旗')?;
        i + c.len_utf8()
    };
    // the party prefix names the party's bodies only (`中共福建省委、省政府` → 福建省政府)
    let stem = &before[..stem_end];
    let stem = ["中国共产党", "中共"]
        .iter()
        .find_map(|p| stem.strip_prefix(p))
        .unwrap_or(stem);
    if stem.chars().count() < 2 || stem.ends_with(|c: char| !crate::normalize::filters::is_han(c)) {
        return None;
    }
    // the item's own level must end the stem's place, not the whole name (`临江市委` is a
    // place and a body; `临江` + `市政府`, never `临江市委` + `政府`)
    if stem_end >= before.len() {
        return None;
    }
    Some(format!("{stem}{item}"))
}
