//! Positions: binds people to their titles and organizations once the entities are committed.
//!
//! Produces `HAS_ROLE` (Person → Role, `title`) and `HOLDS_POSITION` (Person → Organization,
//! `title`, `status`) relations, each with [`Evidence`]. It runs after the entity families and
//! before events, so event rules can rely on who holds which position.
//!
//! Rule ids (documented in `schema/rules/position.toml`):
//! - `position.title_before` — `[组织][的]职务[、兼职务]人名` (`中国联通董事长陈某某`,
//!   `党委书记、董事长王某`, `知名经济学家华某` without organization).
//! - `position.title_after` — `[组织]人名职务` (`陈某某董事长`).
//! - `position.appositive` — `人名，组织职务，` (`张某，某公司总裁，`).
//! - `position.appointed` — `人名 + 担任/出任/被任命为/曾任 … + [组织]职务`.
//!
//! Status: a status word right before the title or the organization (`原`, `前` → former,
//! `代理` → acting, `新任`, `候任` → new; `schema/lexicons/title_modifiers.txt`), or the
//! appointment verb (`被任命为`, `出任` → new; `曾任`, `历任` → former); otherwise current.
//!
//! Only adjacency is used (with `的`, `、`, `兼` and spaces as glue): a title three words
//! away from a name is more often someone else's than not.

use std::ops::Range;

use crate::extract::{
    AnnotatedDoc, Attrs, Evidence, Label, Mention, NodeRef, PositionStatus, RelProps, RelType,
    Relation,
};
use crate::rules::{RuleId, Rules};

pub const TITLE_BEFORE: RuleId = RuleId("position.title_before");
pub const TITLE_AFTER: RuleId = RuleId("position.title_after");
pub const APPOSITIVE: RuleId = RuleId("position.appositive");
pub const APPOINTED: RuleId = RuleId("position.appointed");

/// Glue allowed between an organization and its title.
const ORG_GLUE: [&str; 3] = ["的", " ", "　"];
/// Glue allowed between two titles of one person.
const TITLE_GLUE: [&str; 5] = ["、", "兼", "和", "及", "与"];
/// Appointment verbs after a name, longest first, with the status they imply.
const APPOINT_VERBS: [(&str, PositionStatus); 15] = [
    ("被任命为", PositionStatus::New),
    ("被任命", PositionStatus::New),
    ("当选为", PositionStatus::New),
    ("获任", PositionStatus::New),
    ("出任", PositionStatus::New),
    ("升任", PositionStatus::New),
    ("接任", PositionStatus::New),
    ("当选", PositionStatus::New),
    ("曾任", PositionStatus::Former),
    ("历任", PositionStatus::Former),
    ("原任", PositionStatus::Former),
    ("担任", PositionStatus::Current),
    ("兼任", PositionStatus::Current),
    ("现任", PositionStatus::Current),
    ("任", PositionStatus::Current),
];
/// Punctuation of an appositive (`张某，某公司总裁，`).
const APPOSITIVE_OPEN: [&str; 2] = ["，", ","];

/// One binding found for a person.
struct Binding {
    person: usize,
    roles: Vec<usize>,
    org: Option<usize>,
    status: PositionStatus,
    rule: RuleId,
}

/// Strip `glue` between `end` and `start` of the text: is the gap exactly one glue word (or
/// empty)?
fn glued(text: &str, end: usize, start: usize, glue: &[&str]) -> bool {
    if end > start {
        return false;
    }
    let gap = &text[end..start];
    gap.is_empty() || glue.contains(&gap)
}

/// Index of the mention of `label` ending at `pos` (modulo `glue`), searching left from `i`.
fn ending_at(
    ms: &[Mention],
    text: &str,
    i: usize,
    pos: usize,
    label: Label,
    glue: &[&str],
) -> Option<usize> {
    let j = i.checked_sub(1)?;
    let m = &ms[j];
    (m.label == label && glued(text, m.range.end, pos, glue)).then_some(j)
}

/// The organization right before mention `i` (which starts at `pos`): glued by nothing, `的`,
/// a space, or a status word (`腾讯原董事长`).
fn org_before(rules: &Rules, ms: &[Mention], text: &str, i: usize, pos: usize) -> Option<usize> {
    let j = i.checked_sub(1)?;
    let m = &ms[j];
    if m.label != Label::Organization || m.range.end > pos {
        return None;
    }
    let gap = &text[m.range.end..pos];
    (gap.is_empty() || ORG_GLUE.contains(&gap) || rules.role.is_status_word(gap)).then_some(j)
}

/// Roles chained to the left of `pos`, nearest first (`党委书记、董事长` → [董事长, 党委书记]).
fn roles_before(ms: &[Mention], text: &str, i: usize, pos: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let Some(mut j) = ending_at(ms, text, i, pos, Label::Role, &[" ", "　"]) else {
        return out;
    };
    out.push(j);
    while let Some(k) = ending_at(ms, text, j, ms[j].range.start, Label::Role, &TITLE_GLUE) {
        out.push(k);
        j = k;
    }
    out
}

/// Roles chained to the right starting at `pos` (`董事长兼总经理`), from mention index `i`.
fn roles_after(ms: &[Mention], text: &str, mut i: usize, mut pos: usize) -> Vec<usize> {
    let mut out = Vec::new();
    while let Some(m) = ms.get(i) {
        let glue: &[&str] = if out.is_empty() { &[] } else { &TITLE_GLUE };
        if m.label != Label::Role || !glued(text, pos, m.range.start, glue) {
            break;
        }
        out.push(i);
        pos = m.range.end;
        i += 1;
    }
    out
}

/// The status word before the title or before the organization, if any.
fn status_at(rules: &Rules, text: &str, positions: &[usize]) -> PositionStatus {
    positions
        .iter()
        .find_map(|&p| rules.role.status_before(text, p))
        .unwrap_or(PositionStatus::Current)
}

/// Find the bindings of the person mention at index `i`.
fn bind(rules: &Rules, ms: &[Mention], text: &str, i: usize, out: &mut Vec<Binding>) {
    let p = &ms[i];
    // [org][的]title[、title]person
    let roles = roles_before(ms, text, i, p.range.start);
    if let Some(&first) = roles.last() {
        let first_start = ms[first].range.start;
        let org = org_before(rules, ms, text, first, first_start);
        let mut at = vec![first_start];
        at.extend(org.map(|o| ms[o].range.start));
        out.push(Binding {
            person: i,
            status: status_at(rules, text, &at),
            roles,
            org,
            rule: TITLE_BEFORE,
        });
    }
    // [org]person title[兼title]
    let roles = roles_after(ms, text, i + 1, p.range.end);
    if !roles.is_empty() {
        let org = org_before(rules, ms, text, i, p.range.start);
        out.push(Binding {
            person: i,
            status: status_at(rules, text, &[p.range.start]),
            roles,
            org,
            rule: TITLE_AFTER,
        });
    }
    // person，org title[，。]  and  person + appointment verb + [org] title
    let rest = &text[p.range.end..];
    let (skip, status, rule) =
        if let Some(open) = APPOSITIVE_OPEN.iter().find(|o| rest.starts_with(**o)) {
            (open.len(), None, APPOSITIVE)
        } else if let Some((verb, st)) = APPOINT_VERBS.iter().find(|(v, _)| rest.starts_with(*v)) {
            (verb.len(), Some(*st), APPOINTED)
        } else {
            return;
        };
    let start = p.range.end + skip;
    let (org, next) = match ms.get(i + 1) {
        Some(m) if m.label == Label::Organization && m.range.start == start => (Some(i + 1), i + 2),
        _ => (None, i + 1),
    };
    let title_pos = org.map_or(start, |o| ms[o].range.end);
    let roles = if org.is_some() {
        let r = roles_after(ms, text, next, title_pos);
        // allow 的 between the organization and the title
        if r.is_empty() && text[title_pos..].starts_with("的") {
            roles_after(ms, text, next, title_pos + "的".len())
        } else {
            r
        }
    } else {
        roles_after(ms, text, next, title_pos)
    };
    if roles.is_empty() || (rule == APPOSITIVE && org.is_none()) {
        return;
    }
    let status = status.unwrap_or_else(|| status_at(rules, text, &[ms[roles[0]].range.start]));
    out.push(Binding {
        person: i,
        roles,
        org,
        status,
        rule,
    });
}

fn title_of(m: &Mention) -> String {
    match &m.attrs {
        Attrs::Role { title } => title.clone(),
        _ => m.name.clone(),
    }
}

/// Add HAS_ROLE and HOLDS_POSITION relations for every person bound to a title.
pub fn extract_positions(doc: &mut AnnotatedDoc, rules: &Rules) {
    let text = doc.text();
    let ms = &doc.mentions;
    let mut bindings = Vec::new();
    for (i, m) in ms.iter().enumerate() {
        if m.label == Label::Person {
            bind(rules, ms, text, i, &mut bindings);
        }
    }
    let mut rels: Vec<Relation> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for b in bindings {
        let p = &ms[b.person];
        let mut span: Range<usize> = p.range.clone();
        for &r in b.roles.iter().chain(b.org.iter()) {
            span.start = span.start.min(ms[r].range.start);
            span.end = span.end.max(ms[r].range.end);
        }
        let ev = Evidence::new(p.sentence, span, b.rule);
        // The nearest title is the one held at the organization (`党委书记、董事长`: both).
        for &r in &b.roles {
            let title = title_of(&ms[r]);
            if seen.insert((RelType::HasRole, b.person, r, title.clone())) {
                rels.push(Relation {
                    rel: RelType::HasRole,
                    from: NodeRef::Mention(b.person),
                    to: NodeRef::Mention(r),
                    props: RelProps {
                        title: Some(title.clone()),
                        ..RelProps::default()
                    },
                    evidence: ev.clone(),
                });
            }
            if let Some(o) = b.org
                && seen.insert((RelType::HoldsPosition, b.person, o, title.clone()))
            {
                rels.push(Relation {
                    rel: RelType::HoldsPosition,
                    from: NodeRef::Mention(b.person),
                    to: NodeRef::Mention(o),
                    props: RelProps {
                        title: Some(title),
                        status: Some(b.status),
                        ..RelProps::default()
                    },
                    evidence: ev.clone(),
                });
            }
        }
    }
    doc.relations.extend(rels);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (rel, person, target, title, status) for every relation of a text.
    fn rels(text: &str) -> Vec<(String, String, String, String, String)> {
        let doc = crate::read::from_bytes("t", "t", text.as_bytes()).expect("utf-8");
        let ex = crate::extract::process(&doc, Rules::builtin());
        let name = |n: &NodeRef| match n {
            NodeRef::Mention(i) => ex.mentions[*i].name.clone(),
            NodeRef::Event(i) => format!("event{i}"),
        };
        let mut v: Vec<_> = ex
            .relations
            .iter()
            .filter(|r| matches!(r.rel, RelType::HasRole | RelType::HoldsPosition))
            .map(|r| {
                (
                    r.rel.as_str().to_string(),
                    name(&r.from),
                    name(&r.to),
                    r.props.title.clone().unwrap_or_default(),
                    r.props.status.map(|s| s.as_str()).unwrap_or("").to_string(),
                )
            })
            .collect();
        // (the appointment event may state the same HOLDS_POSITION again)
        v.sort();
        v.dedup();
        v
    }

    fn t(a: &str, b: &str, c: &str, d: &str, e: &str) -> (String, String, String, String, String) {
        (a.into(), b.into(), c.into(), d.into(), e.into())
    }

    #[test]
    fn org_title_person() {
        assert_eq!(
            rels("中国联通董事长王建国出席。"),
            vec![
                t("HAS_ROLE", "王建国", "董事长", "董事长", ""),
                t("HOLDS_POSITION", "王建国", "中国联通", "董事长", "current"),
            ]
        );
    }

    #[test]
    fn title_without_org_and_title_after() {
        assert_eq!(
            rels("知名经济学家叶明表示"),
            vec![t("HAS_ROLE", "叶明", "经济学家", "经济学家", "")]
        );
        assert_eq!(
            rels("刘晓峰董事长在会上致辞。"),
            vec![t("HAS_ROLE", "刘晓峰", "董事长", "董事长", "")]
        );
    }

    #[test]
    fn status_from_modifiers_and_verbs() {
        assert_eq!(
            rels("腾讯原董事长王建国出席。"),
            vec![
                t("HAS_ROLE", "王建国", "董事长", "董事长", ""),
                t("HOLDS_POSITION", "王建国", "腾讯", "董事长", "former"),
            ]
        );
        assert_eq!(
            rels("腾讯代理总裁王建国出席。"),
            vec![
                t("HAS_ROLE", "王建国", "总裁", "总裁", ""),
                t("HOLDS_POSITION", "王建国", "腾讯", "总裁", "acting"),
            ]
        );
        assert_eq!(
            rels("董事长王建国被任命为华为总裁。"),
            vec![
                t("HAS_ROLE", "王建国", "总裁", "总裁", ""),
                t("HAS_ROLE", "王建国", "董事长", "董事长", ""),
                t("HOLDS_POSITION", "王建国", "华为", "总裁", "new"),
            ]
        );
    }

    #[test]
    fn title_lists() {
        assert_eq!(
            rels("腾讯总裁、董事长王建国出席。"),
            vec![
                t("HAS_ROLE", "王建国", "总裁", "总裁", ""),
                t("HAS_ROLE", "王建国", "董事长", "董事长", ""),
                t("HOLDS_POSITION", "王建国", "腾讯", "总裁", "current"),
                t("HOLDS_POSITION", "王建国", "腾讯", "董事长", "current"),
            ]
        );
        assert_eq!(
            rels("王建国董事长兼总经理出席。"),
            vec![
                t("HAS_ROLE", "王建国", "总经理", "总经理", ""),
                t("HAS_ROLE", "王建国", "董事长", "董事长", ""),
            ]
        );
    }

    #[test]
    fn no_binding_across_words() {
        assert!(rels("董事长在会上说，王建国表示同意。").is_empty());
    }
}
