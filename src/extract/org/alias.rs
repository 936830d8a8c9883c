//! `org.alias_def` / `org.alias_use`: aliases a document defines for an organization.
//!
//! `华为技术有限公司（以下简称“华为”）`, `（简称X）`, `（下称“X”）`, `（以下简称为X）`, two aliases
//! (`（以下简称“博衍生物”或“标的公司”）`), also with
//! other notes in the same parenthesis (`（以下简称“X”，股票代码：600123）`,
//! `（股票代码：600123，以下简称“X”）`): the parenthesis must follow an organization mention
//! directly. The alias inside it, and every
//! later occurrence of the alias in the document, become organization mentions whose
//! canonical name is the full name (or the full name's own canonical name), so they link to
//! one entity. Placeholders that are not names (`公司`, `甲方`, `发行人` — type `notalias` in
//! `org_stopwords.txt`) are ignored, except those marked `placeholder=1` (`公司`, `本公司`,
//! `标的公司`): a filing that defines one for its subject means that organization by it
//! (`仍担任公司董事`), so its definition and uses become `org.alias_placeholder` mentions of the
//! full name — but not right after a character that makes it another company (`子公司`,
//! `该公司`, `其他公司`) nor before `法` (`公司法`).

use super::{ALIAS_DEF, ALIAS_PLACEHOLDER, ALIAS_USE, OrgRules, PRIORITY, WordType};
use crate::extract::{Attrs, Candidate, Label};
use crate::rules::LiteralStartRegex;

/// The alias-definition shape; group 1 is the alias. Searched only at parentheses (see
/// `LiteralStartRegex`).
pub(super) fn definition_regex() -> LiteralStartRegex {
    LiteralStartRegex::new(
        r#"(?x)
        [（(] \s*
        (?: [^（）()\n]{1,30}? [，,；;] \s* )?
        (?:以下|下文|下面|后文)? \s*
        (?:
          (?:简称|统称|下称|合称) \s* 为? \s* [:：]? \s*
          [“"「『‘]? \s*
          ([^”"」』’（）()，,。；;、：:\s]{2,16}?)
          \s* [”"」』’]?
          (?: \s* (?:或|或者|、|和|及) \s* [“"「『‘] \s*
              ([^”"」』’（）()，,。；;、：:\s]{2,16}?)
              \s* [”"」』’] )?
        | ([A-Za-z][A-Za-z0-9&]{1,9})
        | [「“"] \s* ([^”"」』’（）()，,。；;、：:\s]{2,16}?) \s* [」”"]
        ) \s*
        (?: [，,；;] [^（）()\n]{0,30} )?
        [）)]"#,
    )
    .expect("alias definition pattern is valid")
}

/// One alias definition that passed the checks, in text order.
struct Definition<'t> {
    alias: &'t str,
    range: std::ops::Range<usize>,
    /// Uses are searched from here (the end of the parenthesis).
    from: usize,
    canonical: String,
    kind: Attrs,
    /// A `placeholder=1` word (`公司`): uses are checked by [`placeholder_use_ok`].
    placeholder: bool,
}

/// Characters that, right before a placeholder, make it name another company (`子公司`,
/// `该公司`, `其他公司`, `两家公司`).
const PLACEHOLDER_BAD_BEFORE: &str = "子分母该本其他各每家两这那此新原贵我总合控参";

/// May the placeholder alias `alias` at `start` mean the defined organization?
fn placeholder_use_ok(text: &str, start: usize, alias: &str) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[start + alias.len()..].chars().next();
    !before.is_some_and(|c| PLACEHOLDER_BAD_BEFORE.contains(c))
        && !after.is_some_and(|c| matches!(c, '法' | '制' | '化'))
}

/// Alias candidates for the winning organizations `orgs` (in text order).
///
/// Linear in the document: the organization before a parenthesis is found by binary search
/// (winners do not overlap, so their ends are ordered), and the later uses of every alias come
/// from one automaton pass over the text instead of one search per definition (which made a
/// long single-line document quadratic).
pub(super) fn find(text: &str, r: &OrgRules, orgs: &[Candidate]) -> Vec<Candidate> {
    let mut defs: Vec<Definition> = Vec::new();
    let named = r.alias_re.captures_iter(text).flat_map(|caps| {
        let whole = caps.get(0);
        // group 1 (or the Latin group 3, or the bare quoted group 4: `（「本公司」）`) and a
        // second alias after 或 (group 2)
        [caps.get(1).or(caps.get(3)).or(caps.get(4)), caps.get(2)]
            .into_iter()
            .flatten()
            .filter_map(move |a| Some((whole?, a)))
    });
    for (whole, a) in named {
        let alias = a.as_str();
        let placeholder = r.placeholders.contains(alias);
        if !placeholder && r.words(WordType::NotAlias).any(|m| m.contains(alias)) {
            continue;
        }
        let before = text[..whole.start()].trim_end_matches([' ', '\t']).len();
        let i = orgs.partition_point(|c| c.range.end < before);
        let Some(org) = orgs.get(i).filter(|c| c.range.end == before) else {
            continue;
        };
        let canonical = org
            .canonical
            .clone()
            .unwrap_or_else(|| text[org.range.clone()].to_string());
        if canonical == alias {
            continue;
        }
        defs.push(Definition {
            alias,
            range: a.start()..a.end(),
            from: whole.end(),
            canonical,
            kind: match &org.attrs {
                Attrs::Org { .. } => org.attrs.clone(),
                _ => Attrs::None,
            },
            placeholder,
        });
    }
    let uses = occurrences(text, &defs);
    let mut out = Vec::new();
    // A later definition of an alias already defined finds only uses the earlier one found
    // (same ranges, emitted later, so they never win): skip them, keeping the output the same
    // while a document that defines one alias many times stays linear.
    let mut done: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for d in &defs {
        let mk = |range, rule| {
            let mut c = Candidate::new(Label::Organization, range, rule, PRIORITY)
                .with_attrs(d.kind.clone());
            c.canonical = Some(d.canonical.clone());
            c
        };
        let (def_rule, use_rule) = if d.placeholder {
            (ALIAS_PLACEHOLDER, ALIAS_PLACEHOLDER)
        } else {
            (ALIAS_DEF, ALIAS_USE)
        };
        out.push(mk(d.range.clone(), def_rule));
        let Some(all) = uses.get(d.alias) else {
            continue;
        };
        let self_overlapping = has_border(d.alias);
        if !self_overlapping && !done.insert(d.alias) {
            continue;
        }
        // Left to right without overlap from `from`, as `str::match_indices` does.
        let mut last_end = d.from;
        for &s in &all[all.partition_point(|&s| s < d.from)..] {
            if s >= last_end && (!d.placeholder || placeholder_use_ok(text, s, d.alias)) {
                out.push(mk(s..s + d.alias.len(), use_rule));
                last_end = s + d.alias.len();
            }
        }
    }
    out
}

/// Every start of every defined alias in `text`, overlapping ones included, sorted.
fn occurrences<'t>(
    text: &str,
    defs: &[Definition<'t>],
) -> std::collections::HashMap<&'t str, Vec<usize>> {
    let mut names: Vec<&str> = defs.iter().map(|d| d.alias).collect();
    names.sort_unstable();
    names.dedup();
    let mut uses: std::collections::HashMap<&str, Vec<usize>> =
        names.iter().map(|&n| (n, Vec::new())).collect();
    // A few aliases over a short text: direct searches are cheaper than an automaton.
    if names.len().saturating_mul(text.len()) <= 1 << 20 {
        for &n in &names {
            let v = uses.entry(n).or_default();
            let mut at = 0;
            while let Some(i) = text[at..].find(n) {
                v.push(at + i);
                // Next char boundary after this start: overlapping starts are kept too.
                at += i + text[at + i..].chars().next().map_or(1, char::len_utf8);
            }
        }
        return uses;
    }
    let Ok(ac) = daachorse::DoubleArrayAhoCorasick::<u32>::with_values(
        names.iter().enumerate().map(|(i, n)| (*n, i as u32)),
    ) else {
        return uses;
    };
    for m in ac.find_overlapping_iter(text) {
        if let Some(v) = uses.get_mut(names[m.value() as usize]) {
            v.push(m.start());
        }
    }
    for v in uses.values_mut() {
        v.sort_unstable();
        v.dedup();
    }
    uses
}

/// Can two occurrences of `s` overlap (a proper prefix that is also a suffix)?
fn has_border(s: &str) -> bool {
    s.char_indices().skip(1).any(|(i, _)| s.ends_with(&s[..i]))
}
