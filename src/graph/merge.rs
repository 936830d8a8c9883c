//! Merging shard exports (`kgextract merge DIR... -o OUT`): several exports of disjoint sets
//! of documents → the export of all of them.
//!
//! Input: each shard's `graph.json` (read back by [`crate::query::load`]) and `merges.jsonl`.
//! Node ids are content keys (`graph::node_id`), so one entity found in two shards usually has
//! the same id in both, and the merge is first a union by id. Entity resolution is then
//! re-applied *across* shards where the evidence for a merge sits in one shard and its effect
//! in another:
//!
//! - `alias_def` / `lexicon`: an organization node named like an alias of an organization
//!   in another shard joins it (places and titles are one node per canonical name, as in a
//!   single run), when the alias passes the same test as
//!   in `link::resolve` (an abbreviation of the name or a Latin acronym, not a generic word such
//!   as 公司/双方). The merged node's id is recomputed from its keys with the resolver's
//!   representative order (`orgs_known` term, else longest key, else smallest);
//! - `unique_name`: a person mentioned without an organization (id = key of the bare name)
//!   joins the only person of that name bound to an organization anywhere in the shards.
//! - `same_key`: forms of one node written differently in different shards (臺北市 in one,
//!   台北市 in another) are logged as merged by key, as a single run logs them; the document
//!   of a form is the first one whose first-mention sentence holds it.
//!
//! Node properties follow the single-run rules where the export carries enough to apply them:
//! names by mention count (names whose key is the representative key first), aliases and
//! `merged_by` united, mentions summed, kind/date/place from the first shard (in document-id
//! order) that has one; an edge keeps the evidence of its earliest document.
//!
//! **Limits.** The merged export is byte-identical to a single run over all inputs when no
//! entity needs evidence from two shards and every entity's name is picked the same way — the
//! common case for shards of unrelated articles. It can differ when the single run would have
//! chosen another display name (per-name mention counts are not in the export; ties are broken
//! by total mentions), when a merge needed mention-level evidence that the export does not keep
//! (e.g. `same_doc_positions` across shards), and in `merges.jsonl` details, which name keys as
//! the shard saw them. A document present in two shards is counted once (the first shard's).
//! One merge cannot be undone from the export: a shard that saw a single 张伟 bound to an
//! organization merged its bare 张伟 mentions into him (`unique_name`); if another shard binds
//! 张伟 to a different organization, a single run would have kept the bare mentions apart. The
//! merge detects this and reports it in [`Merged::warnings`] (and on stderr).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use petgraph::graph::NodeIndex;
use petgraph::unionfind::UnionFind;

use super::build::props_key;
use super::{Edge, KnowledgeGraph, Node, NodeLabel, NodeProps, node_id};
use crate::extract::{OrgKind, RelType, TimeValue};
use crate::link::{MergeReason, MergeRecord, is_abbreviation_of, key};
use crate::rules::LexiconSet;

/// One shard: its graph and its merge log.
pub struct Shard {
    pub graph: KnowledgeGraph,
    pub merges: Vec<MergeRecord>,
}

/// The merged graph and what the merge did.
pub struct Merged {
    pub graph: KnowledgeGraph,
    /// Unions made across shards by re-resolution (not counting same-id unions).
    pub cross_shard_unions: usize,
    /// Where the merged graph is known to differ from a single run (see the module limits).
    pub warnings: Vec<String>,
}

/// A merge record read back from a `merges.jsonl` line; None when the line is not one.
pub fn merge_record(v: &serde_json::Value) -> Option<MergeRecord> {
    let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
    let label = NodeLabel::ALL
        .into_iter()
        .find(|l| Some(l.as_str()) == v.get("label").and_then(|x| x.as_str()))?
        .as_str();
    let reason = [
        MergeReason::SameKey,
        MergeReason::Lexicon,
        MergeReason::AliasDef,
        MergeReason::SameDocPositions,
        MergeReason::UniqueName,
        MergeReason::SameEvent,
        MergeReason::NotMergedAmbiguous,
    ]
    .into_iter()
    .find(|r| Some(r.as_str()) == v.get("reason").and_then(|x| x.as_str()))?;
    Some(MergeRecord {
        id: s("id")?,
        label,
        into: s("into").unwrap_or_default(),
        name: s("name").unwrap_or_default(),
        reason,
        doc: s("doc"),
        detail: s("detail").unwrap_or_default(),
    })
}

/// A node of some shard.
struct Item {
    shard: usize,
    ix: NodeIndex,
    /// The smallest document id the node is mentioned in (its own path for a Document).
    first_doc: String,
}

/// The key a node id was made from, when the node's name gives it back.
fn own_key(n: &Node) -> Option<String> {
    let k = key(&n.name);
    (node_id(n.label, &k) == n.id).then_some(k)
}

/// Merge shards (in any order: the result does not depend on it).
pub fn merge(mut shards: Vec<Shard>, lex: &LexiconSet) -> Merged {
    // A fixed shard order, so nothing depends on the order of the command line.
    shards.sort_by_key(|s| first_document(&s.graph));
    let mut items: Vec<Item> = Vec::new();
    for (si, s) in shards.iter().enumerate() {
        for ix in s.graph.g.node_indices() {
            items.push(Item {
                shard: si,
                ix,
                first_doc: first_doc_of(&s.graph, ix),
            });
        }
    }
    let node = |it: &Item| -> &Node { &shards[it.shard].graph.g[it.ix] };

    // 1. Same id → same entity.
    let mut clusters: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, it) in items.iter().enumerate() {
        clusters.entry(node(it).id.clone()).or_default().push(i);
    }
    let ids: Vec<String> = clusters.keys().cloned().collect();
    let cluster_of: HashMap<&str, usize> = ids
        .iter()
        .enumerate()
        .map(|(c, id)| (id.as_str(), c))
        .collect();
    let mut uf: UnionFind<usize> = UnionFind::new(ids.len());
    // (a cluster of the union, the key merged in, why, detail).
    let mut reasons: Vec<(usize, String, MergeReason, String)> = Vec::new();

    // 2a. Aliases across shards (organizations).
    let generic: BTreeSet<String> = lex.get("link_generic_aliases").terms().map(key).collect();
    let known: BTreeSet<String> = lex.get("orgs_known").terms().map(key).collect();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (c, id) in ids.iter().enumerate() {
        let it = &items[clusters[id][0]];
        let n = node(it);
        if n.label == NodeLabel::Organization
            && let Some(k) = own_key(n)
        {
            by_key.insert(k, c);
        }
    }
    for (c, id) in ids.iter().enumerate() {
        for &i in &clusters[id] {
            let n = node(&items[i]);
            // (`link::resolve` unites by alias organizations only: a place or title is one
            // node per canonical name, and its surfaces are no evidence — `正蓝旗` read alone
            // stays apart from a chain `内蒙古锡林郭勒正蓝旗` written `正蓝旗` elsewhere)
            if n.label != NodeLabel::Organization {
                continue;
            }
            for a in n.aliases() {
                let ak = key(a);
                let Some(&other) = by_key.get(&ak) else {
                    continue;
                };
                if other == c || generic.contains(&ak) {
                    continue;
                }
                let evidence = known.contains(&ak)
                    || is_abbreviation_of(a, &n.name)
                    || (ak.is_ascii() && ak.chars().count() >= 2);
                if evidence && uf.union(c, other) {
                    reasons.push((
                        c,
                        ak,
                        MergeReason::AliasDef,
                        format!(
                            "shard merge: {a} is an alias of {} in another shard",
                            n.name
                        ),
                    ));
                }
            }
        }
    }

    // 2b. Bare person names → the only bound person of that name.
    let mut bound: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    let mut bare: Vec<(usize, String)> = Vec::new();
    for (c, id) in ids.iter().enumerate() {
        let n = node(&items[clusters[id][0]]);
        if n.label != NodeLabel::Person {
            continue;
        }
        let nk = key(&n.name);
        if node_id(NodeLabel::Person, &nk) == n.id {
            bare.push((c, nk));
        } else {
            bound.entry(nk).or_default().insert(c);
        }
    }
    for (c, nk) in bare {
        let nk = nk.clone();
        let Some(cands) = bound.get(&nk) else {
            continue;
        };
        let roots: BTreeSet<usize> = cands.iter().map(|&b| uf.find(b)).collect();
        if roots.len() == 1
            && let Some(&b) = cands.iter().next()
            && uf.union(b, c)
        {
            reasons.push((
                b,
                nk,
                MergeReason::UniqueName,
                // The resolver's words, so the log reads the same as after a single run.
                "mentioned without an organization; the only person of this name bound to one"
                    .into(),
            ));
        }
    }

    // 2c. `unique_name` is the one merge that more evidence can undo: a shard that saw one
    // bound person of a name merged the bare mentions into it, but if other shards bind the
    // name to other organizations, a single run would have kept the bare mentions apart. The
    // export does not say which mentions were bare, so this is reported, not split.
    let mut warnings = Vec::new();
    for (si, s) in shards.iter().enumerate() {
        for r in s
            .merges
            .iter()
            .filter(|r| r.reason == MergeReason::UniqueName)
        {
            let roots: BTreeSet<usize> = bound
                .get(&r.name)
                .into_iter()
                .flatten()
                .map(|&c| uf.find(c))
                .collect();
            if roots.len() > 1 {
                warnings.push(format!(
                    "shard {}: merged the bare name {} into {} ({}), but other shards bind {} to other organizations; a single run would keep the bare mentions apart — extract these documents together for an exact result",
                    si + 1,
                    r.name,
                    r.into,
                    r.id,
                    r.name
                ));
            }
        }
    }

    // 3. Final entities: members, id, name, properties.
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for c in 0..ids.len() {
        groups.entry(uf.find(c)).or_default().push(c);
    }
    let mut new_id_of_cluster: Vec<String> = ids.clone();
    let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
    let mut merged_reasons: HashMap<usize, BTreeSet<String>> = HashMap::new();
    // (cluster root, form, first document, form it was merged with) for same_key merges that
    // only the union of the shards shows.
    let mut same_key_forms: Vec<(usize, String, String, String)> = Vec::new();
    // (cluster root, the event's name in that document, document) for same_event merges that
    // only the union of the shards shows.
    let mut same_event_docs: Vec<(usize, String, String)> = Vec::new();
    for (a, _, r, _) in &reasons {
        merged_reasons
            .entry(uf.find(*a))
            .or_default()
            .insert(r.as_str().to_string());
    }
    for (root, cs) in &groups {
        let mut members: Vec<usize> = cs.iter().flat_map(|c| clusters[&ids[*c]].clone()).collect();
        members.sort_by(|&a, &b| {
            (&items[a].first_doc, items[a].shard, &node(&items[a]).id).cmp(&(
                &items[b].first_doc,
                items[b].shard,
                &node(&items[b]).id,
            ))
        });
        let first = node(&items[members[0]]);
        let label = first.label;
        let (id, rep_key) = if cs.len() == 1 {
            (ids[cs[0]].clone(), own_key(first))
        } else if label == NodeLabel::Person {
            // The bound person's id (name@org keys come first in the resolver).
            let id = cs
                .iter()
                .map(|&c| &ids[c])
                .find(|id| {
                    let n = node(&items[clusters[*id][0]]);
                    node_id(NodeLabel::Person, &key(&n.name)) != **id
                })
                .unwrap_or(&ids[cs[0]])
                .clone();
            (id, None)
        } else {
            let keys: Vec<String> = cs
                .iter()
                .filter_map(|&c| own_key(node(&items[clusters[&ids[c]][0]])))
                .collect();
            let rep = keys.iter().min_by(|a, b| {
                known
                    .contains(*b)
                    .cmp(&known.contains(*a))
                    .then(b.chars().count().cmp(&a.chars().count()))
                    .then(a.cmp(b))
            });
            match rep {
                Some(k) => (node_id(label, k), Some(k.clone())),
                None => (ids[cs[0]].clone(), None),
            }
        };
        for &c in cs {
            new_id_of_cluster[c] = id.clone();
        }
        // Name: most mentions, names of the representative key first, then the smaller name —
        // counted by name (`name_counts`) as a single run counts them; a node with one name
        // has all its mentions under it.
        let mut counts: BTreeMap<&str, (bool, u32)> = BTreeMap::new();
        for &m in &members {
            let n = node(&items[m]);
            let per_name: Vec<(&str, u32)> = if n.name_counts().is_empty() {
                vec![(n.name.as_str(), n.mentions)]
            } else {
                n.name_counts()
                    .iter()
                    .map(|(f, c)| (f.as_str(), *c))
                    .collect()
            };
            for (f, c) in per_name {
                let is_rep = rep_key.as_ref().is_some_and(|k| key(f) == *k);
                let e = counts.entry(f).or_insert((is_rep, 0));
                e.1 = e.1.saturating_add(c);
            }
        }
        let name_counts: BTreeMap<String, u32> = if counts.len() > 1 {
            counts
                .iter()
                .map(|(f, (_, c))| (f.to_string(), *c))
                .collect()
        } else {
            BTreeMap::new()
        };
        let name = counts
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(n, _)| n.to_string())
            .unwrap_or_else(|| first.name.clone());
        let mut aliases = BTreeSet::new();
        let mut merged_by = merged_reasons.get(root).cloned().unwrap_or_default();
        let mut mentions = 0u32;
        let mut seen_docs: BTreeSet<(&str, &str)> = BTreeSet::new();
        // Every form (name or alias) with the first document of a member that has it, and
        // whether it is some member's name: for the same_key merges across shards below.
        // Only the resolver's entities (people, organizations, places, titles, amounts: 5億元
        // and 5亿元 are one amount) are merged by key, and only a node whose members come from
        // several shards can meet a new form: the search below reads every MENTIONED_IN sentence
        // of the member per form.
        let across_shards = matches!(
            label,
            NodeLabel::Person
                | NodeLabel::Organization
                | NodeLabel::Location
                | NodeLabel::Role
                | NodeLabel::Amount
        ) && members
            .iter()
            .any(|&m| items[m].shard != items[members[0]].shard);
        let mut forms: BTreeMap<&str, (&str, bool)> = BTreeMap::new();
        for &m in &members {
            let n = node(&items[m]);
            // The same node of the same document in two shards counts once.
            if !seen_docs.insert((n.id.as_str(), items[m].first_doc.as_str())) {
                continue;
            }
            let g = &shards[items[m].shard].graph;
            for (f, is_name) in std::iter::once((n.name.as_str(), true))
                .chain(n.aliases().iter().map(|a| (a.as_str(), false)))
                .filter(|_| across_shards)
            {
                // The first document that writes the form: the smallest one whose first
                // mention's sentence holds it (the export keeps no mention list), else the
                // member's first document.
                let doc = g
                    .edges(items[m].ix)
                    .filter(|e| e.weight().rel == RelType::MentionedIn)
                    .filter_map(|e| e.weight().evidence)
                    .filter(|ev| ev.sentence().contains(f))
                    .map(|ev| ev.doc.as_str())
                    .min()
                    .unwrap_or(items[m].first_doc.as_str());
                let e = forms.entry(f).or_insert((doc, is_name));
                e.0 = e.0.min(doc);
                e.1 |= is_name;
            }
            aliases.extend(n.aliases().iter().cloned());
            aliases.insert(n.name.clone());
            merged_by.extend(n.merged_by().iter().cloned());
            mentions = mentions.saturating_add(n.mentions);
        }
        // Forms written differently in different shards but with one key (臺北市 in one, 台北市
        // in another) were merged by key in a single run: names first, then the other forms,
        // each in string order, the first one kept (as `link::resolve` logs them).
        if across_shards {
            let mut by_key: BTreeMap<String, Vec<(bool, &str, &str)>> = BTreeMap::new();
            for (f, (doc, is_name)) in &forms {
                by_key.entry(key(f)).or_default().push((!*is_name, f, doc));
            }
            for (_, mut group) in by_key {
                if group.len() < 2 {
                    continue;
                }
                group.sort();
                merged_by.insert(MergeReason::SameKey.as_str().to_string());
                for (_, f, doc) in &group[1..] {
                    same_key_forms.push((
                        *root,
                        f.to_string(),
                        doc.to_string(),
                        group[0].1.to_string(),
                    ));
                }
            }
        }
        // An event told in documents of several shards: a single run logs `same_event` for
        // each of its documents after the first; a shard logged only those after its own
        // first one, so each other shard's first document is logged here.
        if label == NodeLabel::Event {
            let firsts: BTreeSet<&str> = members
                .iter()
                .map(|&m| items[m].first_doc.as_str())
                .collect();
            if firsts.len() > 1 {
                merged_by.insert(MergeReason::SameEvent.as_str().to_string());
            }
            for doc in firsts.iter().skip(1) {
                if let Some(&m) = members.iter().find(|&&m| items[m].first_doc == *doc) {
                    same_event_docs.push((*root, node(&items[m]).name.clone(), doc.to_string()));
                }
            }
        }
        aliases.remove(&name);
        let props = merged_props(members.iter().map(|&m| &node(&items[m]).props));
        nodes.insert(
            id.clone(),
            Node {
                id,
                label,
                name,
                mentions,
                extra: crate::graph::Extra::new(aliases, name_counts, merged_by),
                props,
            },
        );
    }

    // 4. Edges, with endpoints renamed; one per (from, type, to, properties).
    let new_id = |shard: usize, ix: NodeIndex| -> String {
        let old = &shards[shard].graph.g[ix].id;
        cluster_of
            .get(old.as_str())
            .map_or_else(|| old.clone(), |&c| new_id_of_cluster[c].clone())
    };
    type Key = (String, RelType, String, String);
    // (edge, original source id): MENTIONED_IN counts of different original nodes add up.
    let mut edges: BTreeMap<Key, (Edge, BTreeSet<String>)> = BTreeMap::new();
    for (si, s) in shards.iter().enumerate() {
        for e in s.graph.edge_references() {
            let w = e.weight();
            let (a, b) = (new_id(si, e.source()), new_id(si, e.target()));
            let k = (a, w.rel, b, props_key(w.props()));
            let src = s.graph.g[e.source()].id.clone();
            match edges.get_mut(&k) {
                None => {
                    edges.insert(k, (w.to_edge(), BTreeSet::from([src])));
                }
                Some((kept, srcs)) => {
                    if w.rel == RelType::MentionedIn && srcs.insert(src) {
                        kept.set_count(match (kept.count(), w.count()) {
                            (Some(x), Some(y)) => Some(x.saturating_add(y)),
                            (x, y) => x.or(y),
                        });
                    }
                    let earlier = match (&w.evidence, &kept.evidence) {
                        (Some(x), Some(y)) => (&**x.doc, x.start) < (&*y.doc, y.start),
                        (Some(_), None) => true,
                        _ => false,
                    };
                    if earlier {
                        let count = kept.count();
                        *kept = w.to_edge();
                        if w.rel == RelType::MentionedIn {
                            kept.set_count(count);
                        }
                    }
                }
            }
        }
    }

    // 5. The merge log: shard records with ids renamed, plus the cross-shard unions.
    let mut records: BTreeSet<MergeRecord> = BTreeSet::new();
    for s in &shards {
        for r in &s.merges {
            let mut r = r.clone();
            if let Some(&c) = cluster_of.get(r.id.as_str()) {
                r.id = new_id_of_cluster[c].clone();
                if let Some(n) = nodes.get(&r.id) {
                    r.into = n.name.clone();
                }
            }
            records.insert(r);
        }
    }
    // A name form merged in several shards — by key, or by the same alias resolved in two
    // documents (`X署` for `经济部X署` in two articles) — is logged once, with the first
    // document that wrote it, as the single run does (its second union is a no-op): keep the
    // record with the smallest doc id for each entity and name (by key), or each entity,
    // name, reason and detail (other unions: their detail says which form was resolved).
    let mut first_same_key: std::collections::HashSet<(String, String)> = Default::default();
    let mut first_union: std::collections::HashSet<(String, String, MergeReason, String)> =
        Default::default();
    records.retain(|r| {
        if r.reason == MergeReason::SameKey {
            first_same_key.insert((r.id.clone(), r.name.clone()))
        } else {
            r.doc.is_none()
                || first_union.insert((r.id.clone(), r.name.clone(), r.reason, r.detail.clone()))
        }
    });
    for (root, form, doc, first) in &same_key_forms {
        let id = new_id_of_cluster[*root].clone();
        let Some(n) = nodes.get(&id) else { continue };
        // A shard that saw both forms logged the merge already, in the resolver's order (which
        // may keep the other form first: names before surfaces, which the export does not tell)
        // — but with the first document of that shard that wrote the form, where the single run
        // names the first of all shards (`超百亿元` written in doc 11 of one shard, merged with
        // `超 百亿元` in doc 60 and doc 134 of another).
        let logged: Vec<MergeRecord> = records
            .iter()
            .filter(|r| {
                r.id == id
                    && r.reason == MergeReason::SameKey
                    && (r.name == *form || r.name == *first)
            })
            .cloned()
            .collect();
        if !logged.is_empty() {
            for r in logged {
                if r.name == *form && r.doc.as_deref().is_some_and(|d| d > doc.as_str()) {
                    records.remove(&r);
                    records.insert(MergeRecord {
                        doc: Some(doc.clone()),
                        ..r
                    });
                }
            }
            continue;
        }
        records.insert(log_record(
            n,
            form,
            MergeReason::SameKey,
            Some(doc),
            format!("same name key as {first}"),
        ));
    }
    for (root, name, doc) in &same_event_docs {
        let id = new_id_of_cluster[*root].clone();
        let Some(n) = nodes.get(&id) else { continue };
        let NodeProps::Event(ev) = &n.props else {
            continue;
        };
        let Some(TimeValue::Date { date, .. }) = &ev.date else {
            continue;
        };
        if records.iter().any(|r| {
            r.id == id && r.reason == MergeReason::SameEvent && r.doc.as_deref() == Some(doc)
        }) {
            continue;
        }
        let detail = format!(
            "same kind, name key and date ({}|{}|{date})",
            ev.kind.as_str(),
            key(&n.name)
        );
        records.insert(log_record(
            n,
            name,
            MergeReason::SameEvent,
            Some(doc),
            detail,
        ));
    }
    for (a, name, reason, detail) in &reasons {
        let id = new_id_of_cluster[*a].clone();
        let Some(n) = nodes.get(&id) else { continue };
        // A shard may already log this merge (the alias was defined there).
        if records
            .iter()
            .any(|r| r.id == id && key(&r.name) == *name && r.reason == *reason)
        {
            continue;
        }
        records.insert(log_record(n, name, *reason, None, detail.clone()));
    }

    let mut kg = KnowledgeGraph::default();
    for (id, n) in nodes {
        debug_assert_eq!(id, n.id);
        kg.g.add_node(n);
    }
    kg.index_ids();
    for ((a, _, b, _), (e, _)) in edges {
        if let (Some(x), Some(y)) = (kg.index_of(&a), kg.index_of(&b)) {
            kg.add_edge(x, y, e);
        }
    }
    kg.merges = records.into_iter().collect();
    Merged {
        graph: kg,
        cross_shard_unions: reasons.len(),
        warnings,
    }
}

/// Properties of a merged node from its members in document order: the first member's, with
/// an organization kind other than `other`, an event date and an event place taken from the
/// first member that has one (as the graph builder does over mentions).
/// The merge-log record of `name` merged into node `n` (its id and name) for `reason`.
fn log_record(
    n: &Node,
    name: &str,
    reason: MergeReason,
    doc: Option<&String>,
    detail: String,
) -> MergeRecord {
    MergeRecord {
        id: n.id.clone(),
        label: n.label.as_str(),
        into: n.name.clone(),
        name: name.to_string(),
        reason,
        doc: doc.cloned(),
        detail,
    }
}

fn merged_props<'a>(mut props: impl Iterator<Item = &'a NodeProps>) -> NodeProps {
    let Some(first) = props.next() else {
        return NodeProps::Person;
    };
    let mut out = first.clone();
    for p in props {
        match (&mut out, p) {
            (NodeProps::Organization { kind }, NodeProps::Organization { kind: k })
                if *kind == OrgKind::Other =>
            {
                *kind = *k;
            }
            (NodeProps::Event(e), NodeProps::Event(o)) => {
                if e.date.is_none() {
                    e.date.clone_from(&o.date);
                }
                if e.location.is_none() {
                    e.location.clone_from(&o.location);
                }
            }
            _ => {}
        }
    }
    out
}

fn doc_path(n: &Node) -> Option<&str> {
    match &n.props {
        NodeProps::Document(d) => Some(&d.path),
        _ => None,
    }
}

fn first_doc_of(kg: &KnowledgeGraph, ix: NodeIndex) -> String {
    if let Some(p) = doc_path(&kg.g[ix]) {
        return p.to_string();
    }
    kg.edges(ix)
        .filter(|e| e.weight().rel == RelType::MentionedIn)
        .filter_map(|e| doc_path(&kg.g[e.target()]))
        .min()
        .map_or_else(|| "\u{10FFFF}".to_string(), str::to_string)
}

fn first_document(kg: &KnowledgeGraph) -> String {
    kg.g.node_weights()
        .filter_map(doc_path)
        .min()
        .unwrap_or("\u{10FFFF}")
        .to_string()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::export::json::to_json;
    use crate::extract::{
        Attrs, DocExtraction, DocMeta, DocStats, Evidence, Label, Mention, NodeRef, OrgKind,
        PositionStatus, RelProps, Relation,
    };
    use crate::rules::{RuleId, Rules};

    const RULE: &str = "test.merge";

    fn mention(label: Label, name: &str, text: &str) -> Mention {
        Mention {
            label,
            range: 0..0,
            sentence: 0,
            rule: RuleId(RULE),
            attrs: if label == Label::Organization {
                Attrs::Org {
                    kind: OrgKind::Enterprise,
                }
            } else {
                Attrs::None
            },
            text: text.into(),
            name: name.into(),
            start: 0,
            end: 0,
        }
    }

    fn doc(id: &str, mentions: Vec<Mention>, relations: Vec<Relation>) -> DocExtraction {
        DocExtraction {
            meta: DocMeta {
                id: id.into(),
                source: id.into(),
                title: None,
                published: None,
            },
            sentences: vec!["一句话。".into()],
            mentions,
            events: Vec::new(),
            relations,
            stats: DocStats::default(),
        }
    }

    /// a: 李青 is 蓝海资本's general manager (binds the name); c: the document calls 蓝海资本
    /// "蓝海" (an alias definition); b: bare 李青 and bare 蓝海. In one run, b's 李青 joins the
    /// bound one (unique_name) and b's 蓝海 joins 蓝海资本 (alias_def).
    fn docs() -> Vec<DocExtraction> {
        let holds = Relation {
            rel: RelType::HoldsPosition,
            from: NodeRef::Mention(0),
            to: NodeRef::Mention(1),
            props: RelProps {
                title: Some("总经理".into()),
                status: Some(PositionStatus::Current),
                ..RelProps::default()
            },
            evidence: Evidence::new(0, 0..0, RuleId(RULE)),
        };
        vec![
            doc(
                "a.txt",
                vec![
                    mention(Label::Person, "李青", "李青"),
                    mention(Label::Organization, "蓝海资本", "蓝海资本"),
                ],
                vec![holds],
            ),
            doc(
                "b.txt",
                vec![
                    mention(Label::Person, "李青", "李青"),
                    mention(Label::Organization, "蓝海", "蓝海"),
                ],
                Vec::new(),
            ),
            doc(
                "c.txt",
                vec![mention(Label::Organization, "蓝海资本", "蓝海")],
                Vec::new(),
            ),
        ]
    }

    /// Export a shard's graph to JSON and read it back, as `kgextract merge` does.
    fn shard(kg: KnowledgeGraph) -> Shard {
        let text = serde_json::to_string(&to_json(&kg)).unwrap();
        let merges = kg
            .merges
            .iter()
            .map(|r| merge_record(&serde_json::to_value(r).unwrap()).unwrap())
            .collect();
        let l = crate::query::load::from_json_str(&text, Path::new("graph.json")).unwrap();
        Shard {
            graph: l.graph,
            merges,
        }
    }

    fn merges_json(kg: &KnowledgeGraph) -> Vec<String> {
        kg.merges
            .iter()
            .map(|r| serde_json::to_string(r).unwrap())
            .collect()
    }

    #[test]
    fn shards_merge_to_the_single_run_graph() {
        let lex = &Rules::builtin().lexicons;
        let single = KnowledgeGraph::build(docs());
        let mut d = docs();
        let b = d.remove(1);
        for order in [false, true] {
            let mut shards = vec![
                shard(KnowledgeGraph::build(d.clone())),
                shard(KnowledgeGraph::build(vec![b.clone()])),
            ];
            if order {
                shards.reverse();
            }
            let merged = merge(shards, lex);
            assert_eq!(merged.cross_shard_unions, 2, "unique_name + alias_def");
            assert_eq!(to_json(&merged.graph), to_json(&single));
            assert_eq!(merges_json(&merged.graph), merges_json(&single));
        }
        // Sanity: the single run did make both merges.
        let names: Vec<&str> = single.g.node_weights().map(|n| n.name.as_str()).collect();
        assert_eq!(names.iter().filter(|n| **n == "李青").count(), 1);
        assert!(!names.contains(&"蓝海"));
    }

    /// One signing of `name`, dated `date`, in document `id`.
    fn signing_doc(id: &str, name: &str, date: Option<(i32, u32, u32)>) -> DocExtraction {
        let mut d = doc(id, Vec::new(), Vec::new());
        d.events.push(crate::extract::Event {
            kind: crate::extract::EventKind::Signing,
            name: name.into(),
            date: date
                .and_then(|(y, m, dd)| chrono::NaiveDate::from_ymd_opt(y, m, dd))
                .map(|date| TimeValue::Date {
                    date,
                    precision: crate::extract::Precision::Day,
                    end: None,
                }),
            location: None,
            evidence: Evidence {
                sentence: 0,
                range: 0..3,
                rule: RuleId(RULE),
                start: 0,
                end: 1,
            },
        });
        d
    }

    #[test]
    fn an_event_told_in_documents_of_several_shards_is_logged_as_in_one_run() {
        let lex = &Rules::builtin().lexicons;
        // One dated signing in three documents (one event, same_event twice in one run); an
        // undated one in two documents stays two events. (A generic name such as 投资协议
        // merges within its document only: the signing has a name of its own.)
        let docs = vec![
            signing_doc("a", "青禾港区码头投资协议", Some((2024, 11, 7))),
            signing_doc("b", "青禾港区码头投资协议", Some((2024, 11, 7))),
            signing_doc("c", "青禾港区码头投资协议", Some((2024, 11, 7))),
            signing_doc("d", "合作协议", None),
            signing_doc("e", "合作协议", None),
        ];
        let single = KnowledgeGraph::build(docs.clone());
        assert_eq!(merges_json(&single).len(), 2, "{:?}", merges_json(&single));
        for split in [[0usize, 2, 4], [1, 3, 4], [0, 1, 3]] {
            let (x, y): (Vec<_>, Vec<_>) = docs
                .iter()
                .cloned()
                .enumerate()
                .partition(|(i, _)| split.contains(i));
            let shards = vec![
                shard(KnowledgeGraph::build(y.into_iter().map(|p| p.1).collect())),
                shard(KnowledgeGraph::build(x.into_iter().map(|p| p.1).collect())),
            ];
            let merged = merge(shards, lex);
            assert_eq!(to_json(&merged.graph), to_json(&single), "{split:?}");
            assert_eq!(
                merges_json(&merged.graph),
                merges_json(&single),
                "{split:?}"
            );
        }
    }

    #[test]
    fn a_place_named_like_another_places_surface_stays_apart_as_in_one_run() {
        let lex = &Rules::builtin().lexicons;
        // `青禾县` written alone in one document names the chain `宁州青禾县`; another
        // document's `青禾县` is a place of its own name. A single run keeps them apart (places
        // are united by canonical name only), and so must the merge.
        let docs = || {
            vec![
                doc(
                    "a.txt",
                    vec![
                        mention(Label::Location, "宁州青禾县", "宁州市青禾县"),
                        mention(Label::Location, "宁州青禾县", "青禾县"),
                    ],
                    Vec::new(),
                ),
                doc(
                    "b.txt",
                    vec![mention(Label::Location, "青禾县", "青禾县")],
                    Vec::new(),
                ),
            ]
        };
        let single = KnowledgeGraph::build(docs());
        let mut d = docs();
        let b = d.remove(1);
        let merged = merge(
            vec![
                shard(KnowledgeGraph::build(d)),
                shard(KnowledgeGraph::build(vec![b])),
            ],
            lex,
        );
        assert_eq!(to_json(&merged.graph), to_json(&single));
        assert_eq!(single.g.node_count(), merged.graph.g.node_count());
    }

    #[test]
    fn forms_with_one_key_in_two_shards_are_merged_by_key_as_in_one_run() {
        let lex = &Rules::builtin().lexicons;
        let docs = || {
            vec![
                doc(
                    "a.txt",
                    vec![mention(Label::Location, "台北", "臺北市")],
                    Vec::new(),
                ),
                doc(
                    "b.txt",
                    vec![mention(Label::Location, "台北", "台北市")],
                    Vec::new(),
                ),
            ]
        };
        let single = KnowledgeGraph::build(docs());
        assert!(
            single
                .merges
                .iter()
                .any(|r| r.reason == MergeReason::SameKey),
            "the single run merges 臺北市 and 台北市 by key"
        );
        let mut d = docs();
        let b = d.remove(1);
        let merged = merge(
            vec![
                shard(KnowledgeGraph::build(d)),
                shard(KnowledgeGraph::build(vec![b])),
            ],
            lex,
        );
        assert_eq!(to_json(&merged.graph), to_json(&single));
        assert_eq!(merges_json(&merged.graph), merges_json(&single));
        // one form in each shard, and nothing to merge: no record
        let one = || {
            vec![doc(
                "a.txt",
                vec![mention(Label::Location, "台北", "台北市")],
                Vec::new(),
            )]
        };
        let merged = merge(
            vec![
                shard(KnowledgeGraph::build(one())),
                shard(KnowledgeGraph::build(vec![doc(
                    "b.txt",
                    vec![mention(Label::Location, "台北", "台北市")],
                    Vec::new(),
                )])),
            ],
            lex,
        );
        assert!(merged.graph.merges.is_empty());
    }

    #[test]
    fn two_bound_people_of_one_name_stay_apart() {
        let lex = &Rules::builtin().lexicons;
        let mut d = docs();
        // A second 李青, at another company, in another shard: the bare 李青 is ambiguous.
        let mut other = d[0].clone();
        other.meta.id = "d.txt".into();
        other.mentions[1] = mention(Label::Organization, "红杉科技", "红杉科技");
        d.push(other);
        let single = KnowledgeGraph::build(d.clone());
        let shards: Vec<Shard> = d
            .into_iter()
            .map(|x| shard(KnowledgeGraph::build(vec![x])))
            .collect();
        let merged = merge(shards, lex);
        let people = |kg: &KnowledgeGraph| {
            kg.g.node_weights()
                .filter(|n| n.label == NodeLabel::Person)
                .count()
        };
        assert_eq!(people(&single), 3);
        assert_eq!(people(&merged.graph), 3, "no blind merge of 李青");
        assert_eq!(to_json(&merged.graph)["nodes"], to_json(&single)["nodes"]);
    }

    /// Every way of splitting the documents into shards gives the single-run graph.
    #[test]
    fn every_partition_of_the_documents_merges_to_the_single_run() {
        let lex = &Rules::builtin().lexicons;
        let mut all = docs();
        let mut other = all[0].clone();
        other.meta.id = "d.txt".into();
        other.mentions[1] = mention(Label::Organization, "红杉科技", "红杉科技");
        all.push(other);
        let single = to_json(&KnowledgeGraph::build(all.clone()));
        let n = all.len();
        // Restricted growth strings enumerate each set partition once.
        let (mut tried, mut exact) = (0, 0);
        for code in 0..n.pow(n as u32) {
            let mut a: Vec<usize> = (0..n).map(|i| code / n.pow(i as u32) % n).collect();
            a.reverse();
            let canonical = (0..n).all(|i| a[i] <= a[..i].iter().max().map_or(0, |m| m + 1));
            if !canonical {
                continue;
            }
            tried += 1;
            let k = a.iter().max().map_or(0, |m| m + 1);
            let shards: Vec<Shard> = (0..k)
                .map(|s| {
                    let part: Vec<DocExtraction> = all
                        .iter()
                        .zip(&a)
                        .filter(|(_, x)| **x == s)
                        .map(|(d, _)| d.clone())
                        .collect();
                    shard(KnowledgeGraph::build(part))
                })
                .collect();
            let merged = merge(shards, lex);
            if merged.warnings.is_empty() {
                assert_eq!(to_json(&merged.graph), single, "partition {a:?}");
                exact += 1;
            } else {
                // The documented limit: a shard merged bare 李青 (b) into the only 李青 it
                // saw bound (a or d), and the other one is in another shard.
                assert!(merged.warnings[0].contains("李青"), "{:?}", merged.warnings);
                assert_ne!(to_json(&merged.graph), single, "warned but exact: {a:?}");
            }
        }
        assert_eq!(tried, 15, "the Bell number B(4)");
        // b shares a shard with exactly one of a, d, and the other is elsewhere: {ab|c|d},
        // {ab|cd}, {abc|d}, {bd|a|c}, {bd|ac}, {bcd|a} — 6 of the 15 partitions hit the limit.
        assert_eq!(exact, 9);
    }
}
