//! Entity resolution: which mentions (across sentences and documents) are one entity.
//!
//! Input: every document's compact record ([`super::facts::DocFacts`]), sorted by document id. Output: [`Resolved`] —
//! one [`Entity`] per cluster, the cluster of every mention and event, and a log of every
//! merge with its reason ([`MergeRecord`], written to `merges.jsonl`).
//!
//! Resolution runs on *name keys* ([`super::key`]) with petgraph's [`UnionFind`], before any
//! graph node exists, so no node is ever removed and no index shifts. Every union has a
//! reason, and a union is made only on evidence:
//!
//! | reason | when |
//! |---|---|
//! | `same_key` | two surface forms have the same [`super::key`] (width, case, spaces, Traditional/Simplified) |
//! | `lexicon` | the `orgs_known` lexicon lists one as the `full=` name or one of the `aliases=` of the other |
//! | `alias_def` | a document defines the alias (`（以下简称“X”）`, resolved by the org family into `Mention.name`), and the alias has the shape of an abbreviation of the full name (or is a Latin acronym) and is not a generic reference (`schema/lexicons/link_generic_aliases.txt`: 公司, 双方, 甲方 …) |
//! | `same_doc_positions` | one document gives the same person positions in two organizations |
//! | `unique_name` | a person mentioned without an organization, whose name is bound (HOLDS_POSITION) to exactly one organization elsewhere in the run |
//! | `same_event` | an event of the same kind, name key and date in several documents |
//!
//! People are keyed by **name + organization** when a document binds them to one
//! (HOLDS_POSITION): two 张伟 at different companies stay two nodes. A bare name that could be
//! either is *not* merged; the decision is logged as `not_merged_ambiguous`.
//!
//! The representative key of a cluster — and so the node id — is chosen by a fixed order that
//! does not depend on which union ran first: the `orgs_known` term, else the longest key, else
//! the smallest key. Keys depend only on names (and for people, their organization's key), so
//! the same entity gets the same id in every run, input order and thread count. Across shards
//! ids agree whenever the evidence for a merge (an alias definition, an org binding) is in
//! both shards.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use petgraph::unionfind::UnionFind;
use serde::Serialize;

use super::facts::{Corpus, EventFact, NO_SYM};
use super::key::{display, is_abbreviation_of, key};
use crate::extract::{Label, NodeRef, RelType, TimeValue};
use crate::graph::{NodeLabel, node_id};
use crate::rules::LexiconSet;

/// Why two names were merged into one entity (or, for `NotMergedAmbiguous`, why not).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MergeReason {
    SameKey,
    Lexicon,
    AliasDef,
    SameDocPositions,
    UniqueName,
    SameEvent,
    NotMergedAmbiguous,
}

impl MergeReason {
    pub fn as_str(self) -> &'static str {
        match self {
            MergeReason::SameKey => "same_key",
            MergeReason::Lexicon => "lexicon",
            MergeReason::AliasDef => "alias_def",
            MergeReason::SameDocPositions => "same_doc_positions",
            MergeReason::UniqueName => "unique_name",
            MergeReason::SameEvent => "same_event",
            MergeReason::NotMergedAmbiguous => "not_merged_ambiguous",
        }
    }
}

/// One line of `merges.jsonl`: `name` was merged into the entity `id` (named `into`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct MergeRecord {
    pub id: String,
    pub label: &'static str,
    pub into: String,
    pub name: String,
    pub reason: MergeReason,
    /// The document whose text justified the merge, if one did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc: Option<String>,
    pub detail: String,
}

/// A resolved entity: one future graph node.
#[derive(Clone, Debug)]
pub struct Entity {
    pub label: NodeLabel,
    /// The representative key; `id` is derived from it.
    pub key: String,
    pub id: String,
    pub name: String,
    pub aliases: BTreeSet<String>,
    pub mentions: u32,
    pub merged_by: BTreeSet<String>,
    /// (document index, mention record or event index) of every member, in document order.
    pub members: Vec<(usize, usize)>,
}

/// The result of resolution.
#[derive(Debug, Default)]
pub struct Resolved {
    /// Sorted by id.
    pub entities: Vec<Entity>,
    /// `mention_entity[doc][mention]`: the entity of each mention (None for dates and
    /// mentions without a node).
    pub mention_entity: Vec<Vec<Option<usize>>>,
    /// `event_entity[doc][event]`.
    pub event_entity: Vec<Vec<usize>>,
    /// Sorted.
    pub merges: Vec<MergeRecord>,
}

/// Interned (label, key) pairs with a union-find over them.
struct Keys {
    /// Key → (label, interned index) pairs (looked up by `&str`, without a copy of the key).
    index: crate::rules::FastMap<String, Vec<(NodeLabel, usize)>>,
    list: Vec<(NodeLabel, String)>,
    uf: UnionFind<usize>,
    /// Keys that are `orgs_known` terms (preferred representatives).
    preferred: BTreeSet<usize>,
}

/// A merge applied by [`unite`]: (a, reason, document, detail, b).
type Applied = (usize, MergeReason, Option<String>, String, usize);

/// Union `a` and `b` now and record why, if they were not one cluster yet. Applying each union
/// as it is found gives the same clusters and records as collecting them first (key interning
/// in between only adds singletons), and the detail text is only made for unions that merge.
fn unite(
    keys: &mut Keys,
    applied: &mut Vec<Applied>,
    (a, b): (usize, usize),
    reason: MergeReason,
    doc: Option<&str>,
    detail: impl FnOnce() -> String,
) {
    if keys.uf.union(a, b) {
        applied.push((a, reason, doc.map(str::to_string), detail(), b));
    }
}

impl Keys {
    fn new() -> Keys {
        Keys {
            index: Default::default(),
            list: Vec::new(),
            uf: UnionFind::new(0),
            preferred: BTreeSet::new(),
        }
    }
    fn intern(&mut self, label: NodeLabel, k: &str) -> usize {
        if let Some(i) = self.get(label, k) {
            return i;
        }
        let i = self.uf.new_set();
        self.list.push((label, k.to_string()));
        match self.index.get_mut(k) {
            Some(v) => v.push((label, i)),
            None => {
                self.index.insert(k.to_string(), vec![(label, i)]);
            }
        }
        i
    }
    fn get(&self, label: NodeLabel, k: &str) -> Option<usize> {
        self.index
            .get(k)
            .and_then(|v| v.iter().find(|(l, _)| *l == label))
            .map(|&(_, i)| i)
    }
}

/// The `orgs_known` lexicon as key → (term key, term, how).
fn org_lexicon(lex: &LexiconSet) -> HashMap<String, (String, String, String)> {
    let mut map = HashMap::new();
    for e in &lex.get("orgs_known").entries {
        let tk = key(&e.term);
        if let Some(full) = e.attr("full") {
            map.entry(key(full)).or_insert_with(|| {
                (
                    tk.clone(),
                    e.term.clone(),
                    format!("orgs_known: full={full}"),
                )
            });
        }
        if let Some(aliases) = e.attr("aliases") {
            for a in aliases.split('|').filter(|a| !a.is_empty()) {
                map.entry(key(a)).or_insert_with(|| {
                    (
                        tk.clone(),
                        e.term.clone(),
                        format!("orgs_known: aliases={a}"),
                    )
                });
            }
        }
    }
    map
}

fn generic_aliases(lex: &LexiconSet) -> BTreeSet<String> {
    lex.get("link_generic_aliases")
        .terms()
        .map(key)
        .collect::<BTreeSet<_>>()
}

fn event_key(e: &EventFact, name: &str, doc_id: &str) -> String {
    let when = match &e.date {
        Some(TimeValue::Date { date, .. }) => date.to_string(),
        // Without a date, an event name is too generic to merge across documents.
        _ => format!("doc:{doc_id}"),
    };
    format!("{}|{}|{when}", e.kind.as_str(), key(name))
}

/// Resolve the mentions and events of the corpus (its documents sorted by document id).
pub fn resolve(corpus: &Corpus, lex: &LexiconSet) -> Resolved {
    let docs = &corpus.docs;
    let s = |i| corpus.strs.get(i);
    let lexmap = org_lexicon(lex);
    let generic = generic_aliases(lex);
    let term_of_key: BTreeMap<String, String> = lex
        .get("orgs_known")
        .terms()
        .map(|t| (key(t), t.to_string()))
        .collect();
    let mut keys = Keys::new();
    let mut applied: Vec<Applied> = Vec::new();
    // The key node of every mention (persons filled in phase 2).
    let mut mkey: Vec<Vec<Option<usize>>> = Vec::with_capacity(docs.len());

    // Phase 1: everything but people.
    for d in docs {
        let mut row = Vec::with_capacity(d.mentions.len());
        for m in &d.mentions {
            let Some(label) = NodeLabel::of(m.label) else {
                row.push(None);
                continue;
            };
            if label == NodeLabel::Person || m.key == NO_SYM {
                row.push(None);
                continue;
            }
            let k = s(m.key);
            let i = keys.intern(label, k);
            row.push(Some(i));
            if label != NodeLabel::Organization {
                continue;
            }
            if let Some((tk, term, how)) = lexmap.get(k) {
                let t = keys.intern(label, tk);
                keys.preferred.insert(t);
                if t != i {
                    unite(
                        &mut keys,
                        &mut applied,
                        (t, i),
                        MergeReason::Lexicon,
                        None,
                        || format!("{how} (term {term})"),
                    );
                }
            } else if term_of_key.contains_key(k) {
                keys.preferred.insert(i);
            }
            // An alias resolved in the document: the surface differs from the name.
            let (text, name) = (s(m.text), s(m.raw_name));
            let tk = s(m.text_key);
            if tk != k && !tk.is_empty() {
                let surface = display(text);
                // The alias is a known name (orgs_known term or one of its full/alias names)?
                let known = match term_of_key.get(tk) {
                    Some(term) => Some((
                        tk.to_string(),
                        term.clone(),
                        format!("orgs_known term {term}"),
                    )),
                    None => lexmap.get(tk).cloned(),
                };
                if let Some((lk, term, how)) = known {
                    // Only when the full name plausibly expands that known name: a local alias
                    // that collides with a known one (`深圳移动科技（以下简称“移动”）`) stays local.
                    let same = lexmap.get(k).is_some_and(|x| x.0 == lk) || k == lk;
                    if same || is_abbreviation_of(&term, name) {
                        let t = keys.intern(label, &lk);
                        keys.preferred.insert(t);
                        if tk != lk {
                            let si = keys.intern(label, tk);
                            unite(
                                &mut keys,
                                &mut applied,
                                (t, si),
                                MergeReason::Lexicon,
                                None,
                                || format!("{how} (term {term})"),
                            );
                        }
                        unite(
                            &mut keys,
                            &mut applied,
                            (t, i),
                            MergeReason::AliasDef,
                            Some(&d.meta.id),
                            || {
                                format!(
                                    "the document resolves “{surface}” to {name} (alias definition or short name); {surface} is the known {term}",
                                )
                            },
                        );
                    }
                } else if !generic.contains(tk)
                    && (is_abbreviation_of(text, name)
                        || (tk.is_ascii() && tk.chars().count() >= 2))
                {
                    let si = keys.intern(label, tk);
                    unite(
                        &mut keys,
                        &mut applied,
                        (i, si),
                        MergeReason::AliasDef,
                        Some(&d.meta.id),
                        || {
                            format!(
                                "the document resolves “{surface}” to {name} (alias definition or short name)",
                            )
                        },
                    );
                }
            }
        }
        mkey.push(row);
    }
    let mut records: Vec<MergeRecord> = Vec::new();

    // Representative of an org/other cluster: preferred term, else longest, else smallest key.
    let rep_of = |keys: &Keys, members: &[usize]| -> usize {
        *members
            .iter()
            .min_by(|&&a, &&b| {
                let (ka, kb) = (&keys.list[a].1, &keys.list[b].1);
                keys.preferred
                    .contains(&b)
                    .cmp(&keys.preferred.contains(&a))
                    .then(kb.chars().count().cmp(&ka.chars().count()))
                    .then(ka.cmp(kb))
            })
            .unwrap_or(&members[0])
    };
    // The representative key of every organization cluster, computed once.
    let mut org_members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (j, (l, _)) in keys.list.iter().enumerate() {
        if *l == NodeLabel::Organization {
            org_members.entry(keys.uf.find(j)).or_default().push(j);
        }
    }
    let org_rep: HashMap<usize, String> = org_members
        .values()
        .map(|m| (rep_of(&keys, m), m))
        .flat_map(|(rep, m)| m.iter().map(move |&j| (j, rep)))
        .map(|(j, rep)| (j, keys.list[rep].1.clone()))
        .collect();

    // Phase 2: people, keyed by name + organization when the document binds them.
    let mut unbound: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    // Bound person keys by name key, for the bare-name pass.
    let mut bound_by_name: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (di, d) in docs.iter().enumerate() {
        let mut bound: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for r in &d.relations {
            if r.rel != RelType::HoldsPosition {
                continue;
            }
            let (NodeRef::Mention(p), NodeRef::Mention(o)) = (r.from, r.to) else {
                continue;
            };
            let (Some(pm), Some(om)) = (d.mentions.get(p), d.mentions.get(o)) else {
                continue;
            };
            if pm.label != Label::Person || om.label != Label::Organization {
                continue;
            }
            let Some(oi) = mkey[di].get(o).copied().flatten() else {
                continue;
            };
            let Some(ork) = org_rep.get(&oi).cloned() else {
                continue;
            };
            bound.entry(key(s(pm.raw_name))).or_default().insert(ork);
        }
        for (mi, m) in d.mentions.iter().enumerate() {
            if m.label != Label::Person {
                continue;
            }
            if m.key == NO_SYM {
                continue;
            }
            let nk = s(m.key);
            match bound.get(nk) {
                Some(orgs) => {
                    let ids: Vec<usize> = orgs
                        .iter()
                        .map(|o| keys.intern(NodeLabel::Person, &format!("{nk}@{o}")))
                        .collect();
                    bound_by_name
                        .entry(nk.to_string())
                        .or_default()
                        .extend(ids.iter().copied());
                    mkey[di][mi] = Some(ids[0]);
                    for &other in &ids[1..] {
                        if keys.uf.union(ids[0], other) {
                            applied.push((
                                ids[0],
                                MergeReason::SameDocPositions,
                                Some(d.meta.id.clone()),
                                format!(
                                    "the document gives {} positions in {} organizations",
                                    s(m.raw_name),
                                    ids.len()
                                ),
                                other,
                            ));
                        }
                    }
                }
                None => {
                    mkey[di][mi] = Some(keys.intern(NodeLabel::Person, nk));
                    unbound.entry(nk.to_string()).or_default().push((di, mi));
                }
            }
        }
    }
    // Bare names: merge into the one bound person of that name, if there is exactly one.
    let mut ambiguous: Vec<(usize, Vec<usize>)> = Vec::new();
    for nk in unbound.keys() {
        let Some(plain) = keys.get(NodeLabel::Person, nk) else {
            continue;
        };
        let mut roots: BTreeMap<usize, usize> = BTreeMap::new();
        for &j in bound_by_name.get(nk).into_iter().flatten() {
            roots.entry(keys.uf.find(j)).or_insert(j);
        }
        match roots.len() {
            0 => {}
            1 => {
                let (_, &j) = roots.iter().next().unwrap_or((&0, &plain));
                if keys.uf.union(j, plain) {
                    applied.push((
                        j,
                        MergeReason::UniqueName,
                        None,
                        "mentioned without an organization; the only person of this name bound to one"
                            .into(),
                        plain,
                    ));
                }
            }
            _ => ambiguous.push((plain, roots.values().copied().collect())),
        }
    }

    // Clusters → entities.
    let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for j in 0..keys.list.len() {
        clusters.entry(keys.uf.find(j)).or_default().push(j);
    }
    let mut root_rep: HashMap<usize, usize> = HashMap::new();
    for (root, members) in &clusters {
        let label = keys.list[members[0]].0;
        let rep = if label == NodeLabel::Person {
            // Bound keys (name@org) first, then the smallest.
            *members
                .iter()
                .min_by(|&&a, &&b| {
                    let (ka, kb) = (&keys.list[a].1, &keys.list[b].1);
                    kb.contains('@').cmp(&ka.contains('@')).then(ka.cmp(kb))
                })
                .unwrap_or(&members[0])
        } else {
            rep_of(&keys, members)
        };
        root_rep.insert(*root, rep);
    }

    // Gather members per representative.
    struct Acc {
        names: BTreeMap<String, (u32, bool)>,
        members: Vec<(usize, usize)>,
        /// Mentions (a member record stands for `count` of them).
        mentions: u32,
        surfaces: BTreeSet<String>,
        merged_by: BTreeSet<String>,
        first_doc_of_name: BTreeMap<String, String>,
    }
    let mut accs: BTreeMap<usize, Acc> = BTreeMap::new();
    let mut mention_entity_rep: Vec<Vec<Option<usize>>> = Vec::with_capacity(docs.len());
    for (di, d) in docs.iter().enumerate() {
        let mut row = Vec::with_capacity(d.mentions.len());
        for (mi, m) in d.mentions.iter().enumerate() {
            let Some(ki) = mkey[di][mi] else {
                row.push(None);
                continue;
            };
            let rep = root_rep[&keys.uf.find(ki)];
            let acc = accs.entry(rep).or_insert_with(|| Acc {
                names: BTreeMap::new(),
                members: Vec::new(),
                mentions: 0,
                surfaces: BTreeSet::new(),
                merged_by: BTreeSet::new(),
                first_doc_of_name: BTreeMap::new(),
            });
            let name = s(m.name).to_string();
            let e = acc.names.entry(name.clone()).or_insert((0, false));
            e.0 += m.count;
            e.1 |= keys.list[ki].1 == keys.list[rep].1
                || keys.list[rep]
                    .1
                    .starts_with(&format!("{}@", keys.list[ki].1));
            acc.first_doc_of_name
                .entry(name)
                .or_insert_with(|| d.meta.id.clone());
            acc.members.push((di, mi));
            acc.mentions += m.count;
            let surface = s(m.text).trim().to_string();
            if !surface.is_empty() {
                acc.first_doc_of_name
                    .entry(surface.clone())
                    .or_insert_with(|| d.meta.id.clone());
                acc.surfaces.insert(surface);
            }
            row.push(Some(rep));
        }
        mention_entity_rep.push(row);
    }

    let mut entities: Vec<Entity> = Vec::new();
    let mut rep_entity: HashMap<usize, usize> = HashMap::new();
    for (rep, acc) in accs {
        let (label, rk) = keys.list[rep].clone();
        let name = if keys.preferred.contains(&rep) {
            lex.get("orgs_known")
                .terms()
                .find(|t| key(t) == rk)
                .map(display)
                .unwrap_or_else(|| pick_name(&acc.names))
        } else {
            pick_name(&acc.names)
        };
        let mut aliases: BTreeSet<String> = acc.names.keys().cloned().collect();
        aliases.extend(acc.surfaces.iter().cloned());
        aliases.remove(&name);
        let mut merged_by = acc.merged_by;
        let id = node_id(label, &rk);
        // Surface forms that differ but share a key.
        let mut by_key: BTreeMap<String, Vec<&String>> = BTreeMap::new();
        for n in acc.names.keys() {
            by_key.entry(key(n)).or_default().push(n);
        }
        for s in &acc.surfaces {
            if !acc.names.contains_key(s) {
                by_key.entry(key(s)).or_default().push(s);
            }
        }
        for (_, forms) in by_key {
            if forms.len() > 1 {
                merged_by.insert(MergeReason::SameKey.as_str().into());
                for f in &forms[1..] {
                    records.push(MergeRecord {
                        id: id.clone(),
                        label: label.as_str(),
                        into: name.clone(),
                        name: (*f).clone(),
                        reason: MergeReason::SameKey,
                        doc: acc.first_doc_of_name.get(*f).cloned(),
                        detail: format!("same name key as {}", forms[0]),
                    });
                }
            }
        }
        rep_entity.insert(rep, entities.len());
        entities.push(Entity {
            label,
            key: rk,
            id,
            name,
            aliases,
            mentions: acc.mentions,
            merged_by,
            members: acc.members,
        });
    }
    for (a, reason, doc, detail, b) in applied {
        let rep = root_rep[&keys.uf.find(a)];
        let Some(&ei) = rep_entity.get(&rep) else {
            continue;
        };
        let ent = &mut entities[ei];
        ent.merged_by.insert(reason.as_str().into());
        let other = if keys.list[a].1 == ent.key { b } else { a };
        records.push(MergeRecord {
            id: ent.id.clone(),
            label: ent.label.as_str(),
            into: ent.name.clone(),
            name: keys.list[other].1.clone(),
            reason,
            doc,
            detail,
        });
    }
    for (plain, cands) in ambiguous {
        let rep = root_rep[&keys.uf.find(plain)];
        let Some(&ei) = rep_entity.get(&rep) else {
            continue;
        };
        let ids: Vec<String> = cands
            .iter()
            .filter_map(|&c| rep_entity.get(&root_rep[&keys.uf.find(c)]))
            .map(|&e| format!("{} ({})", entities[e].id, entities[e].key))
            .collect();
        records.push(MergeRecord {
            id: entities[ei].id.clone(),
            label: "Person",
            into: entities[ei].name.clone(),
            name: keys.list[plain].1.clone(),
            reason: MergeReason::NotMergedAmbiguous,
            doc: None,
            detail: format!(
                "mentioned without an organization; people of this name in several organizations: {}",
                ids.join(", ")
            ),
        });
    }

    // Events: one entity per (kind, name key, date) — or per document when undated.
    let mut ev_index: BTreeMap<String, usize> = BTreeMap::new();
    let mut event_entity: Vec<Vec<usize>> = Vec::with_capacity(docs.len());
    for (di, d) in docs.iter().enumerate() {
        let mut row = Vec::with_capacity(d.events.len());
        for (ei, e) in d.events.iter().enumerate() {
            let raw = s(e.name);
            let k = event_key(e, raw, &d.meta.id);
            let name = display(raw);
            let idx = *ev_index.entry(k.clone()).or_insert_with(|| {
                entities.push(Entity {
                    label: NodeLabel::Event,
                    id: node_id(NodeLabel::Event, &k),
                    key: k.clone(),
                    name: name.clone(),
                    aliases: BTreeSet::new(),
                    mentions: 0,
                    merged_by: BTreeSet::new(),
                    members: Vec::new(),
                });
                entities.len() - 1
            });
            let ent = &mut entities[idx];
            if let Some(&(pd, _)) = ent.members.last()
                && pd != di
                && !ent.members.iter().any(|&(x, _)| x == di)
            {
                ent.merged_by.insert(MergeReason::SameEvent.as_str().into());
                records.push(MergeRecord {
                    id: ent.id.clone(),
                    label: "Event",
                    into: ent.name.clone(),
                    name: name.clone(),
                    reason: MergeReason::SameEvent,
                    doc: Some(d.meta.id.clone()),
                    detail: format!("same kind, name key and date ({k})"),
                });
            }
            if name != ent.name {
                ent.aliases.insert(name);
            }
            let surface = raw.trim().to_string();
            if surface != ent.name {
                ent.aliases.insert(surface);
            }
            ent.mentions += 1;
            ent.members.push((di, ei));
            row.push(idx);
        }
        event_entity.push(row);
    }

    // Sort entities by id and remap.
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by(|&a, &b| entities[a].id.cmp(&entities[b].id));
    let mut new_pos = vec![0usize; entities.len()];
    for (pos, &old) in order.iter().enumerate() {
        new_pos[old] = pos;
    }
    let mut slots: Vec<Option<Entity>> = entities.into_iter().map(Some).collect();
    let entities: Vec<Entity> = order.iter().filter_map(|&o| slots[o].take()).collect();
    let mention_entity = mention_entity_rep
        .into_iter()
        .map(|row| {
            row.into_iter()
                .map(|r| r.and_then(|rep| rep_entity.get(&rep)).map(|&e| new_pos[e]))
                .collect()
        })
        .collect();
    let event_entity = event_entity
        .into_iter()
        .map(|row| row.into_iter().map(|e| new_pos[e]).collect())
        .collect();
    records.sort();
    records.dedup();
    Resolved {
        entities,
        mention_entity,
        event_entity,
        merges: records,
    }
}

/// The display name of a cluster: the most frequent name among those whose key is the
/// representative's, else the most frequent overall; ties go to the smallest string.
fn pick_name(names: &BTreeMap<String, (u32, bool)>) -> String {
    let best = |only_rep: bool| {
        names
            .iter()
            .filter(|(_, (_, is_rep))| !only_rep || *is_rep)
            .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.0.cmp(a.0)))
            .map(|(n, _)| n.clone())
    };
    best(true).or_else(|| best(false)).unwrap_or_default()
}
