//! `org.alias_def` / `org.alias_use`: aliases a document defines for an organization.
//!
//! `华为技术有限公司（以下简称“华为”）`, `（简称X）`, `（下称“X”）`, `（以下简称为X）`: the
//! parenthesis must follow an organization mention directly. The alias inside it, and every
//! later occurrence of the alias in the document, become organization mentions whose
//! canonical name is the full name (or the full name's own canonical name), so they link to
//! one entity. Placeholders that are not names (`公司`, `甲方`, `发行人` — type `notalias` in
//! `org_stopwords.txt`) are ignored.

use super::{ALIAS_DEF, ALIAS_USE, OrgRules, PRIORITY, WordType};
use crate::extract::{Attrs, Candidate, Label};

/// The alias-definition shape; group 1 is the alias.
pub(super) fn definition_regex() -> regex::Regex {
    regex::Regex::new(
        r#"(?x)
        [（(] \s*
        (?:以下|下文|下面|后文)? \s*
        (?:
          (?:简称|统称|下称|合称) \s* 为? \s* [:：]? \s*
          [“"「『‘]? \s*
          ([^”"」』’（）()，,。；;、：:\s]{2,16}?)
          \s* [”"」』’]?
        | ([A-Za-z][A-Za-z0-9&]{1,9})
        ) \s*
        [）)]"#,
    )
    .expect("alias definition pattern is valid")
}

/// Alias candidates for the winning organizations `orgs` (in text order).
pub(super) fn find(text: &str, r: &OrgRules, orgs: &[Candidate]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for caps in r.alias_re.captures_iter(text) {
        let (Some(whole), Some(a)) = (caps.get(0), caps.get(1).or(caps.get(2))) else {
            continue;
        };
        let alias = a.as_str();
        if r.words(WordType::NotAlias).any(|m| m.contains(alias)) {
            continue;
        }
        let before = text[..whole.start()].trim_end_matches([' ', '\t']);
        let Some(org) = orgs.iter().find(|c| c.range.end == before.len()) else {
            continue;
        };
        let canonical = org
            .canonical
            .clone()
            .unwrap_or_else(|| text[org.range.clone()].to_string());
        if canonical == alias {
            continue;
        }
        let kind = org.attrs.clone();
        let mk = |range, rule| {
            let mut c = Candidate::new(Label::Organization, range, rule, PRIORITY).with_attrs(
                match &kind {
                    Attrs::Org { .. } => kind.clone(),
                    _ => Attrs::None,
                },
            );
            c.canonical = Some(canonical.clone());
            c
        };
        out.push(mk(a.start()..a.end(), ALIAS_DEF));
        let from = whole.end();
        for (i, _) in text[from..].match_indices(alias) {
            let s = from + i;
            out.push(mk(s..s + alias.len(), ALIAS_USE));
        }
    }
    out
}
