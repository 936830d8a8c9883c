//! Entity resolution: which mentions (across sentences and documents) are one entity.
//!
//! Input: what the corpus holds in memory of every document ([`super::facts::DocCore`]),
//! sorted by document id. Output: [`Resolved`] —
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
//! | `lexicon` | the `orgs_known` lexicon lists one as the `full=` name or one of the `aliases=` of the other; or a branch (suffix `branch=1` of `org_suffixes`) is written with a known name of a term (`农发行湖北省分行` → key `中国农业发展银行湖北省分行`) |
//! | `alias_def` | a document defines the alias (`（以下简称“X”）`, resolved by the org family into `Mention.name`), and the alias has the shape of an abbreviation of the full name (or is a Latin acronym) and is not a generic reference (`schema/lexicons/link_generic_aliases.txt`: 公司, 双方, 甲方 …) |
//! | `same_doc_positions` | one document gives the same person positions in two organizations |
//! | `unique_name` | a person mentioned without an organization, whose name is bound (HOLDS_POSITION) to exactly one organization elsewhere in the run |
//! | `same_event` | an event of the same kind, name key and date in several documents (a name written only with the words of `link_generic_event_words.txt`, `投资协议`, and years or editions, `2025新品发布会`, `第三届座谈会`, also needs the same document) |
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

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use petgraph::unionfind::UnionFind;
use serde::Serialize;

use super::facts::{Corpus, EventFact, NO_SYM, Sym};
use super::key::{display, is_abbreviation_of, key};
use crate::extract::OrgKind;
use crate::extract::{Label, TimeValue};
use crate::graph::{Extra, IdOrder, NodeLabel, NodeProps, node_id};
use crate::rules::{FastMap, LexiconSet};

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
    /// What orders as its node's id — the id of its label and representative key — and
    /// makes it ([`Entity::id`]: made when asked for, not held — issue 8, an id was 48 bytes
    /// of every entity at the peak of resolution; the key itself, a string copied for every
    /// entity and read only for this, was held from the making of the entities to node
    /// making, both peaks of a run at 200 MB).
    pub(crate) order: IdOrder,
    pub name: String,
    pub mentions: u32,
    /// Its aliases, its mentions per name when it has two names or more (what `kgextract
    /// merge` needs to choose the name a single run chooses) and its merge reasons, as its
    /// node holds them ([`Extra`]: boxed, most entities have none).
    pub extra: Extra,
    /// The properties of its node, read from its members as they are found (issue 8: a list
    /// of every member, kept for this until the node was made, was ≈ 8 bytes per mention
    /// record of the corpus at the peak of a run).
    pub props: NodeProps,
}

impl Entity {
    /// The id of its node ([`node_id`] of its label and key).
    pub fn id(&self) -> String {
        self.order.text()
    }
}

/// "No entity" in [`Resolved::mention_entity`].
pub const NO_ENTITY: u32 = u32::MAX;

/// The entities of a corpus, in chunks of [`Entities::CHUNK`] (issue 8: node making moves
/// each entity into its node, in index order, and frees each chunk it is done with; one
/// vector of them was freed only once every node was made, and was held beside the node
/// vector — the two were the peak of node making at 200 MB of input). Indexed as a vector.
#[derive(Debug, Default)]
pub struct Entities {
    chunks: Vec<Vec<Entity>>,
    len: usize,
}

impl Entities {
    /// Entities per chunk (≈ 2.8 MB of them: an allocation of its own, handed back to the
    /// system when freed; with chunks of 170 KB the pages they were in were not all given
    /// back, and the run's peak rose by 2 MB at 200 MB of input).
    const CHUNK: usize = 1 << 14;

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn push(&mut self, e: Entity) {
        match self.chunks.last_mut() {
            Some(c) if c.len() < Self::CHUNK => c.push(e),
            _ => {
                let mut c = Vec::with_capacity(Self::CHUNK);
                c.push(e);
                self.chunks.push(c);
            }
        }
        self.len += 1;
    }

    /// Swap entities `i` and `j` (panics past the end, as a slice's `swap`).
    pub fn swap(&mut self, i: usize, j: usize) {
        let (ci, cj) = (i / Self::CHUNK, j / Self::CHUNK);
        if ci == cj {
            self.chunks[ci].swap(i % Self::CHUNK, j % Self::CHUNK);
        } else {
            let (lo, hi) = (ci.min(cj), ci.max(cj));
            let (a, b) = self.chunks.split_at_mut(hi);
            let (x, y) = (&mut a[lo], &mut b[0]);
            let (xi, yi) = if ci < cj { (i, j) } else { (j, i) };
            std::mem::swap(&mut x[xi % Self::CHUNK], &mut y[yi % Self::CHUNK]);
        }
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut Entity> {
        self.chunks.iter_mut().flatten()
    }

    /// Free the chunks that hold only entities up to `i` (they are not read again); the
    /// indices of the others stay as they were.
    pub fn free_through(&mut self, i: usize) {
        let done = (i + 1) / Self::CHUNK;
        for c in self.chunks.iter_mut().take(done) {
            if c.capacity() > 0 {
                *c = Vec::new();
            }
        }
    }
}

impl std::ops::Index<usize> for Entities {
    type Output = Entity;
    fn index(&self, i: usize) -> &Entity {
        &self.chunks[i / Self::CHUNK][i % Self::CHUNK]
    }
}

impl std::ops::IndexMut<usize> for Entities {
    fn index_mut(&mut self, i: usize) -> &mut Entity {
        &mut self.chunks[i / Self::CHUNK][i % Self::CHUNK]
    }
}

/// The result of resolution.
#[derive(Debug, Default)]
pub struct Resolved {
    /// Sorted by id.
    pub entities: Entities,
    /// The entity of every mention record of the corpus, documents one after the other
    /// ([`NO_ENTITY`] for dates and mentions without a node): those of document `d` are
    /// `mention_entity[mention_start[d]..mention_start[d + 1]]` (one flat table of `u32`
    /// instead of a vector of `Option<usize>` per document — a quarter of the memory).
    pub mention_entity: Vec<u32>,
    /// Where each document's mentions start in [`Resolved::mention_entity`] (one more entry
    /// than there are documents).
    pub mention_start: Vec<usize>,
    /// The entity of every event of the corpus, documents one after the other: those of
    /// document `d` are `event_entity[event_start[d]..event_start[d + 1]]` (one flat table of
    /// `u32`, not a vector of `usize` per document; issue 8).
    pub event_entity: Vec<u32>,
    /// Where each document's events start in [`Resolved::event_entity`] (one more entry than
    /// there are documents).
    pub event_start: Vec<usize>,
    /// Sorted.
    pub merges: Vec<MergeRecord>,
}

impl Resolved {
    /// The entities of document `d`'s mention records.
    pub fn mentions_of(&self, d: usize) -> &[u32] {
        match (self.mention_start.get(d), self.mention_start.get(d + 1)) {
            (Some(&a), Some(&b)) => &self.mention_entity[a..b],
            _ => &[],
        }
    }
}

/// Interned (label, key) pairs with a union-find over them. Keys are borrowed from the corpus
/// interner and the lexicon maps where they come from there (nearly all), owned only when
/// made here (a person's `name@organization`).
struct Keys<'a> {
    index: FastMap<(NodeLabel, Cow<'a, str>), usize>,
    list: Vec<(NodeLabel, Cow<'a, str>)>,
    /// Over the key indices (`u32`: half the memory of `usize` parents; issue 8).
    uf: UnionFind<u32>,
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
    if keys.union(a, b) {
        applied.push((a, reason, doc.map(str::to_string), detail(), b));
    }
}

impl<'a> Keys<'a> {
    fn new() -> Keys<'a> {
        Keys {
            index: Default::default(),
            list: Vec::new(),
            uf: UnionFind::new(0),
            preferred: BTreeSet::new(),
        }
    }
    fn intern(&mut self, label: NodeLabel, k: &'a str) -> usize {
        self.intern_cow(label, Cow::Borrowed(k))
    }
    fn intern_cow(&mut self, label: NodeLabel, k: Cow<'a, str>) -> usize {
        if let Some(i) = self.get(label, &k) {
            return i;
        }
        let i = self.uf.new_set() as usize;
        self.list.push((label, k.clone()));
        self.index.insert((label, k), i);
        i
    }
    fn get(&self, label: NodeLabel, k: &str) -> Option<usize> {
        self.index.get(&(label, Cow::Borrowed(k))).copied()
    }
    fn key(&self, i: usize) -> &str {
        &self.list[i].1
    }
    /// The root of key `i`'s cluster.
    fn find(&self, i: usize) -> usize {
        self.uf.find(i as u32) as usize
    }
    /// Unite the clusters of keys `a` and `b`: whether they were two.
    fn union(&mut self, a: usize, b: usize) -> bool {
        self.uf.union(a as u32, b as u32)
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

/// Branch suffixes of `org_suffixes` (`branch=1`: 分行, 支行, 分公司), as name keys.
fn branch_suffixes(lex: &LexiconSet) -> Vec<String> {
    lex.get("org_suffixes")
        .entries
        .iter()
        .filter(|e| e.attr("branch") == Some("1"))
        .map(|e| key(&e.term))
        .collect()
}

/// `农发行湖北省分行` → `中国农业发展银行湖北省分行`: a branch whose parent is written by a known
/// name of `orgs_known` (an alias, the full name or the term) is the branch of the term. The
/// branch's key with the term's key in place of the parent's (the longest known prefix, the
/// rest ending in a branch suffix), the term and how it is known.
fn branch_of_known(
    k: &str,
    lexmap: &HashMap<String, (String, String, String)>,
    term_of_key: &BTreeMap<String, String>,
    branches: &[String],
) -> Option<(String, String, String)> {
    if !branches.iter().any(|b| k.ends_with(b.as_str())) {
        return None;
    }
    k.char_indices()
        .rev()
        .map(|(b, _)| b)
        // a parent of two characters at least
        .filter(|&b| k[..b].chars().nth(1).is_some())
        .find_map(|b| {
            let (parent, rest) = k.split_at(b);
            let (tk, term, how) = match lexmap.get(parent) {
                Some((tk, term, how)) => (tk.as_str(), term.as_str(), how.as_str()),
                None => (
                    parent,
                    term_of_key.get(parent)?.as_str(),
                    "orgs_known: term",
                ),
            };
            let canonical = format!("{tk}{rest}");
            (canonical != k).then(|| (canonical, term.to_string(), how.to_string()))
        })
}

fn generic_aliases(lex: &LexiconSet) -> BTreeSet<String> {
    lex.get("link_generic_aliases")
        .terms()
        .map(key)
        .collect::<BTreeSet<_>>()
}

/// The words of `link_generic_event_words.txt` (name keys), with the longest one's length in
/// characters: event names written only with them name no one event.
struct GenericEventWords {
    words: BTreeSet<String>,
    longest: usize,
}

impl GenericEventWords {
    fn new(lex: &LexiconSet) -> GenericEventWords {
        let words: BTreeSet<String> = lex
            .get("link_generic_event_words")
            .terms()
            .map(key)
            .collect();
        let longest = words.iter().map(|w| w.chars().count()).max().unwrap_or(0);
        GenericEventWords { words, longest }
    }

    /// Is the name key `k` written entirely with generic words (`投资协议` = 投资 + 协议)?
    fn covers(&self, k: &str) -> bool {
        let bounds: Vec<usize> = k
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(k.len()))
            .collect();
        // reach[i]: the first i characters split into generic words
        let mut reach = vec![false; bounds.len()];
        reach[0] = true;
        for i in 0..bounds.len() - 1 {
            if !reach[i] {
                continue;
            }
            // A year or an edition (`2025`, `2025年度`, `第三届`, `首届`) names no event either.
            if let Some(len) = edition_len(&k[bounds[i]..])
                && let Ok(j) = bounds.binary_search(&(bounds[i] + len))
            {
                reach[j] = true;
            }
            for j in i + 1..bounds.len().min(i + self.longest + 1) {
                if self.words.contains(&k[bounds[i]..bounds[j]]) {
                    reach[j] = true;
                }
            }
        }
        bounds.len() > 1 && reach[bounds.len() - 1]
    }
}

/// The byte length of a year or an edition opening `k` (a name key): two to four digits, or
/// Chinese numerals, with an optional 年/年度 (`2025`, `2025年度`, `二〇二五年`); `第` + numerals
/// + 届/次/期/季; numerals + 届; `首届`/`首次`; a bare `年度`. None when `k` opens otherwise.
fn edition_len(k: &str) -> Option<usize> {
    const CN: &str = "〇零一二三四五六七八九十百";
    for w in ["首届", "首次", "年度"] {
        if k.starts_with(w) {
            return Some(w.len());
        }
    }
    let (ordinal, rest) = match k.strip_prefix('第') {
        Some(r) => (true, r),
        None => (false, k),
    };
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let numerals = if digits > 0 {
        digits
    } else {
        rest.chars().take_while(|c| CN.contains(*c)).count()
    };
    if numerals == 0 {
        return None;
    }
    let num_bytes: usize = rest.chars().take(numerals).map(char::len_utf8).sum();
    let after = &rest[num_bytes..];
    let unit = if ordinal {
        ["届", "次", "期", "季"]
            .into_iter()
            .find(|u| after.starts_with(u))?
    } else if let Some(u) = ["年度", "年", "届"]
        .into_iter()
        .find(|u| after.starts_with(u))
    {
        u
    } else if (2..=4).contains(&digits) {
        // a bare year written in digits before the name (`2025新品发布会`)
        ""
    } else {
        return None;
    };
    Some(k.len() - after.len() + unit.len())
}

fn event_key(e: &EventFact, name: &str, doc_id: &str, generic: &GenericEventWords) -> String {
    let k = key(name);
    let when = match &e.date {
        // A generic name (`投资协议`, `座谈会`) says too little to merge on, even with its day.
        Some(TimeValue::Date { date, .. }) if generic.covers(&k) => format!("{date}|doc:{doc_id}"),
        Some(TimeValue::Date { date, .. }) => date.to_string(),
        // Without a date, an event name is too generic to merge across documents.
        _ => format!("doc:{doc_id}"),
    };
    format!("{}|{k}|{when}", e.kind.as_str())
}

/// Every distinct string of one entity — a name a mention links it by, or a surface as
/// written (or both) — with what resolution counts for it. The strings of all entities are
/// in one vector, each entity's linked from its newest ([`Acc::last`]) through `before`.
#[derive(Clone, Copy)]
struct NameSlot<'a> {
    text: &'a str,
    /// Mentions that name the entity so (names only).
    count: u32,
    /// The first document (index) with this string as a name or surface.
    first_doc: u32,
    /// The entity's string found before this one ([`NO_ENTITY`]: none).
    before: u32,
    name: bool,
    surface: bool,
    /// A name whose key is the representative's (or its `name@organization`).
    rep: bool,
}

/// The index in `slots` of `text`'s slot among the strings of the entity `rep` (gathered in
/// `acc`), made (unflagged, first seen in document `doc`) on first sight.
fn slot<'a>(
    slot_of: &mut FastMap<(u32, &'a str), u32>,
    slots: &mut Vec<NameSlot<'a>>,
    (rep, acc): (u32, &mut Acc),
    text: &'a str,
    doc: u32,
) -> usize {
    *slot_of.entry((rep, text)).or_insert_with(|| {
        slots.push(NameSlot {
            text,
            count: 0,
            first_doc: doc,
            before: acc.last,
            name: false,
            surface: false,
            rep: false,
        });
        acc.last = (slots.len() - 1) as u32;
        acc.last
    }) as usize
}

/// What is gathered per entity before it is made: its strings (each once, in one vector for
/// all entities, [`NameSlot`]; sorted when the entity is made), what its node's properties
/// read of its members (in document order) and its mention count. 20 bytes (issue 8: with a
/// vector of its strings, 40 bytes and at least 128 for the strings — four slots, a vector's
/// first capacity — of every entity, held through the making of the entities, the peak of
/// resolution).
#[derive(Clone, Copy)]
struct Acc {
    /// Its newest string in the slot vector ([`NO_ENTITY`]: none yet).
    last: u32,
    /// The first member (document, mention record); [`NO_ENTITY`] twice before there is one.
    first: (u32, u32),
    /// The first organization kind other than `Other` among the members.
    kind: OrgKind,
    mentions: u32,
}

impl Acc {
    /// An accumulator without members.
    fn new() -> Self {
        Acc {
            last: NO_ENTITY,
            first: (NO_ENTITY, NO_ENTITY),
            kind: OrgKind::Other,
            mentions: 0,
        }
    }

    /// Its strings (newest first) into `out`.
    fn slots_into<'a>(&self, all: &[NameSlot<'a>], out: &mut Vec<NameSlot<'a>>) {
        out.clear();
        let mut i = self.last;
        while let Some(sl) = all.get(i as usize) {
            out.push(*sl);
            i = sl.before;
        }
    }
}

/// The node properties of an entity of mentions: an organization's kind; an amount's value and
/// surface, from its first member (`Role` when the value is not known, as before).
fn mention_props(label: NodeLabel, acc: &Acc, corpus: &Corpus) -> NodeProps {
    match label {
        NodeLabel::Organization => NodeProps::Organization { kind: acc.kind },
        NodeLabel::Amount => {
            let mention = Some(acc.first)
                .filter(|&(d, _)| d != NO_ENTITY)
                .and_then(|(d, m)| corpus.docs.get(d as usize)?.mentions.get(m as usize))
                .map(|r| corpus.mention(r));
            match mention.and_then(|m| Some((m, corpus.money.get(&m.key)?))) {
                Some((m, money)) => NodeProps::Amount(Box::new(crate::graph::AmountProps {
                    money: money.clone(),
                    text: corpus.strs.get(m.text).trim().to_string(),
                })),
                None => NodeProps::Role,
            }
        }
        NodeLabel::Person => NodeProps::Person,
        NodeLabel::Role => NodeProps::Role,
        NodeLabel::Location | NodeLabel::Document | NodeLabel::Event => NodeProps::Location,
    }
}

/// Groups of `0..n` by `root(j)`, roots increasing, each group's members in increasing order —
/// what a `BTreeMap<root, Vec<member>>` filled in member order holds — passed to `each` one
/// group at a time (root, members). Memory (issue 8): one sorted vector of (root, member)
/// pairs of `u32`, 8 bytes per key; a vector per group (most keys are a group of their own)
/// held ≈ 80 bytes per key at once.
fn for_each_cluster(
    n: usize,
    mut root: impl FnMut(usize) -> usize,
    mut each: impl FnMut(usize, &mut Vec<usize>),
) {
    let mut pairs: Vec<(u32, u32)> = (0..n).map(|j| (root(j) as u32, j as u32)).collect();
    pairs.sort_unstable();
    let mut members: Vec<usize> = Vec::new();
    for group in pairs.chunk_by(|a, b| a.0 == b.0) {
        members.clear();
        members.extend(group.iter().map(|&(_, j)| j as usize));
        each(group[0].0 as usize, &mut members);
    }
}

/// Resolve the mentions and events of the corpus (its documents sorted by document id).
pub fn resolve(corpus: &Corpus, lex: &LexiconSet) -> Resolved {
    let docs = &corpus.docs;
    let strs = &corpus.strs;
    let s = |i: Sym| strs.get(i);
    let lexmap = org_lexicon(lex);
    let generic = generic_aliases(lex);
    let branches = branch_suffixes(lex);
    let generic_events = GenericEventWords::new(lex);
    let term_of_key: BTreeMap<String, String> = lex
        .get("orgs_known")
        .terms()
        .map(|t| (key(t), t.to_string()))
        .collect();
    let mut keys = Keys::new();
    let mut applied: Vec<Applied> = Vec::new();
    // Where each document's mention records start in the flat per-record tables.
    let mut mention_start: Vec<usize> = Vec::with_capacity(docs.len() + 1);
    mention_start.push(0);
    for d in docs {
        mention_start.push(mention_start[mention_start.len() - 1] + d.mentions.len());
    }
    let n_records = mention_start[docs.len()];
    // The key node of every mention record ([`NO_ENTITY`]: none; persons filled in phase 2).
    let mut mkey: Vec<u32> = Vec::with_capacity(n_records);

    // Phase 1: everything but people.
    for d in docs {
        for m in &d.mentions {
            let m = corpus.mention(m);
            let Some(label) = NodeLabel::of(m.label) else {
                mkey.push(NO_ENTITY);
                continue;
            };
            if label == NodeLabel::Person || m.key == NO_SYM {
                mkey.push(NO_ENTITY);
                continue;
            }
            let k = s(m.key);
            let i = keys.intern(label, k);
            mkey.push(i as u32);
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
            } else if let Some((bk, term, how)) =
                branch_of_known(k, &lexmap, &term_of_key, &branches)
            {
                let t = keys.intern_cow(label, Cow::Owned(bk));
                unite(
                    &mut keys,
                    &mut applied,
                    (t, i),
                    MergeReason::Lexicon,
                    None,
                    || format!("{how}: a branch of {term}"),
                );
            }
            // An alias resolved in the document: the surface differs from the name.
            let (text, name) = (s(m.text), s(m.raw_name));
            let tk = s(m.text_key);
            if tk != k && !tk.is_empty() {
                let surface = display(text);
                // The alias is a known name (orgs_known term or one of its full/alias names)?
                // (its key, the term, how it is known)
                // (A known term is its own key: `how` is read only for the names of a term.)
                let known: Option<(&str, &str, &str)> = match term_of_key.get(tk) {
                    Some(term) => Some((tk, term, "")),
                    None => lexmap
                        .get(tk)
                        .map(|(lk, term, how)| (lk.as_str(), term.as_str(), how.as_str())),
                };
                if let Some((lk, term, how)) = known {
                    // Only when the full name plausibly expands that known name: a local alias
                    // that collides with a known one (`深圳移动科技（以下简称“移动”）`) stays local.
                    let same = lexmap.get(k).is_some_and(|x| x.0 == lk) || k == lk;
                    if same || is_abbreviation_of(term, name) {
                        let t = keys.intern(label, lk);
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
                    // A body named without its place (`区委`, `管委会`: org.elliptic) is
                    // its document's only: the same words name another place's elsewhere.
                    && !crate::extract::org::placeless_body(text)
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
    }
    let mut records: Vec<MergeRecord> = Vec::new();

    // Representative of an org/other cluster: preferred term, else longest, else smallest key.
    let rep_of = |keys: &Keys, members: &[usize]| -> usize {
        *members
            .iter()
            .min_by(|&&a, &&b| {
                let (ka, kb) = (keys.key(a), keys.key(b));
                keys.preferred
                    .contains(&b)
                    .cmp(&keys.preferred.contains(&a))
                    .then(kb.chars().count().cmp(&ka.chars().count()))
                    .then(ka.cmp(kb))
            })
            .unwrap_or(&members[0])
    };
    // The representative key of every organization key, computed once (`NO_ENTITY` for the
    // other labels).
    let mut org_rep: Vec<u32> = vec![NO_ENTITY; keys.list.len()];
    {
        let n = keys.list.len();
        let is_org: Vec<bool> = keys
            .list
            .iter()
            .map(|(l, _)| *l == NodeLabel::Organization)
            .collect();
        for_each_cluster(
            n,
            |j| keys.find(j),
            |_, members| {
                members.retain(|&j| is_org[j]);
                if members.is_empty() {
                    return;
                }
                let rep = rep_of(&keys, members) as u32;
                for &j in members.iter() {
                    org_rep[j] = rep;
                }
            },
        );
    }

    // Phase 2: people, keyed by name + organization when the document binds them.
    let mut unbound: BTreeSet<&str> = BTreeSet::new();
    // Bound person keys by name key, for the bare-name pass.
    let mut bound_by_name: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for (di, d) in docs.iter().enumerate() {
        let base = mention_start[di];
        let mut bound: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
        for &(p, o) in &d.holds {
            let (p, o) = (p as usize, o as usize);
            let (Some(pm), Some(om)) = (d.mentions.get(p), d.mentions.get(o)) else {
                continue;
            };
            let (pm, om) = (corpus.mention(pm), corpus.mention(om));
            if pm.label != Label::Person || om.label != Label::Organization {
                continue;
            }
            let oi = mkey[base + o];
            if oi == NO_ENTITY {
                continue;
            }
            let Some(&rep) = org_rep.get(oi as usize).filter(|&&r| r != NO_ENTITY) else {
                continue;
            };
            let ork: &str = match &keys.list[rep as usize].1 {
                Cow::Borrowed(b) => b,
                // Organization keys are never made here; a borrowed key is the only kind.
                Cow::Owned(_) => continue,
            };
            bound.entry(key(s(pm.raw_name))).or_default().insert(ork);
        }
        for (mi, m) in d.mentions.iter().enumerate() {
            let m = corpus.mention(m);
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
                        .map(|o| {
                            keys.intern_cow(NodeLabel::Person, Cow::Owned(format!("{nk}@{o}")))
                        })
                        .collect();
                    bound_by_name
                        .entry(nk)
                        .or_default()
                        .extend(ids.iter().copied());
                    mkey[base + mi] = ids[0] as u32;
                    for &other in &ids[1..] {
                        if keys.union(ids[0], other) {
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
                    mkey[base + mi] = keys.intern(NodeLabel::Person, nk) as u32;
                    unbound.insert(nk);
                }
            }
        }
    }
    drop(org_rep);
    // Bare names: merge into the one bound person of that name, if there is exactly one.
    let mut ambiguous: Vec<(usize, Vec<usize>)> = Vec::new();
    for nk in unbound {
        let Some(plain) = keys.get(NodeLabel::Person, nk) else {
            continue;
        };
        let mut roots: BTreeMap<usize, usize> = BTreeMap::new();
        for &j in bound_by_name.get(nk).into_iter().flatten() {
            roots.entry(keys.find(j)).or_insert(j);
        }
        match roots.len() {
            0 => {}
            1 => {
                let (_, &j) = roots.iter().next().unwrap_or((&0, &plain));
                if keys.union(j, plain) {
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
    drop(bound_by_name);
    // Every key is interned now: the lookup table (≈ 40 bytes a slot, slots for up to twice
    // the keys) is not read again, and was held through the gathering of the members and the
    // making of the entities, the peak of resolution (issue 8).
    keys.index = FastMap::default();

    // Clusters → representatives (by root key index).
    let mut root_rep: Vec<u32> = vec![NO_ENTITY; keys.list.len()];
    for_each_cluster(
        keys.list.len(),
        |j| keys.find(j),
        |root, members| {
            let label = keys.list[members[0]].0;
            let rep = if label == NodeLabel::Person {
                // Bound keys (name@org) first, then the smallest.
                *members
                    .iter()
                    .min_by(|&&a, &&b| {
                        let (ka, kb) = (keys.key(a), keys.key(b));
                        kb.contains('@').cmp(&ka.contains('@')).then(ka.cmp(kb))
                    })
                    .unwrap_or(&members[0])
            } else {
                rep_of(&keys, members)
            };
            root_rep[root] = rep as u32;
        },
    );
    let rep_of_key = |keys: &Keys, ki: usize| root_rep[keys.find(ki)] as usize;

    // Gather members per representative: `acc_of` (by the representative's key index, so the
    // entities are made in key order as before) names its accumulator in `accs` (issue 8: an
    // `Option<Acc>` for every key, 48 bytes, was held to the end of entity making, and the
    // keys that represent no mention — a third at 20 MB of input — never had one).
    let mut acc_of: Vec<u32> = vec![NO_ENTITY; keys.list.len()];
    let mut accs: Vec<Acc> = Vec::new();
    // The strings of every entity (most entities have one or two; reserved for two a mention
    // name — pages never written are never touched — so that it is rarely copied as it grows).
    let mut all_slots: Vec<NameSlot> = Vec::with_capacity(2 * corpus.names.len());
    let mut slot_of: FastMap<(u32, &str), u32> = FastMap::default();
    // The representative of every mention record (its entity once entities exist), written
    // over its key in `mkey` (one table of a `u32` per record, not two).
    for (di, d) in docs.iter().enumerate() {
        for (mi, r) in d.mentions.iter().enumerate() {
            let m = corpus.mention(r);
            let at = mention_start[di] + mi;
            let ki = mkey[at];
            if ki == NO_ENTITY {
                continue;
            }
            let ki = ki as usize;
            let rep = rep_of_key(&keys, ki);
            let acc = match acc_of[rep] {
                NO_ENTITY => {
                    acc_of[rep] = accs.len() as u32;
                    accs.push(Acc::new());
                    accs.last_mut()
                }
                a => accs.get_mut(a as usize),
            };
            let Some(acc) = acc else {
                continue; // (every index in `acc_of` is one of `accs`)
            };
            let name = s(m.name);
            let is_rep = {
                let (kk, rk) = (keys.key(ki), keys.key(rep));
                kk == rk || rk.strip_prefix(kk).is_some_and(|r| r.starts_with('@'))
            };
            let i = slot(
                &mut slot_of,
                &mut all_slots,
                (rep as u32, acc),
                name,
                di as u32,
            );
            let sl = &mut all_slots[i];
            sl.name = true;
            sl.count += r.count;
            sl.rep |= is_rep;
            if acc.first.0 == NO_ENTITY {
                acc.first = (di as u32, mi as u32);
            }
            if acc.kind == OrgKind::Other {
                acc.kind = m.kind;
            }
            acc.mentions += r.count;
            let surface = s(m.text).trim();
            if !surface.is_empty() {
                let i = slot(
                    &mut slot_of,
                    &mut all_slots,
                    (rep as u32, acc),
                    surface,
                    di as u32,
                );
                all_slots[i].surface = true;
            }
            mkey[at] = rep as u32;
        }
    }
    drop(slot_of);
    let mut mention_entity = mkey;

    let mut entities = Entities::default();
    let mut rep_entity: Vec<u32> = vec![NO_ENTITY; keys.list.len()];
    // The strings of the entity being made.
    let mut slots: Vec<NameSlot> = Vec::new();
    for (rep, &a) in acc_of.iter().enumerate() {
        let Some(&acc) = accs.get(a as usize) else {
            continue;
        };
        acc.slots_into(&all_slots, &mut slots);
        let (label, rk) = (keys.list[rep].0, keys.key(rep));
        let props = mention_props(label, &acc, corpus);
        let mentions = acc.mentions;
        // Each string once, sorted: the order of the name and surface sets before.
        slots.sort_unstable_by(|a, b| a.text.cmp(b.text));
        let name = if keys.preferred.contains(&rep) {
            lex.get("orgs_known")
                .terms()
                .find(|t| key(t) == rk)
                .map(display)
                .unwrap_or_else(|| pick_name(&slots))
        } else {
            pick_name(&slots)
        };
        // Every name and surface but the chosen name.
        let aliases: BTreeSet<String> = slots
            .iter()
            .filter(|sl| sl.text != name)
            .map(|sl| sl.text.to_string())
            .collect();
        let name_counts: BTreeMap<String, u32> = if slots.iter().filter(|sl| sl.name).count() > 1 {
            slots
                .iter()
                .filter(|sl| sl.name)
                .map(|sl| (sl.text.to_string(), sl.count))
                .collect()
        } else {
            BTreeMap::new()
        };
        let mut merged_by = BTreeSet::new();
        // Surface forms that differ but share a key: names first, then the surfaces that are
        // no name, each in string order.
        let mut by_key: BTreeMap<String, Vec<&NameSlot>> = BTreeMap::new();
        for sl in slots.iter().filter(|sl| sl.name) {
            by_key.entry(key(sl.text)).or_default().push(sl);
        }
        for sl in slots.iter().filter(|sl| sl.surface && !sl.name) {
            by_key.entry(key(sl.text)).or_default().push(sl);
        }
        for (_, forms) in by_key {
            if forms.len() > 1 {
                merged_by.insert(MergeReason::SameKey.as_str().into());
                let id = node_id(label, rk);
                for f in &forms[1..] {
                    records.push(MergeRecord {
                        id: id.clone(),
                        label: label.as_str(),
                        into: name.clone(),
                        name: f.text.to_string(),
                        reason: MergeReason::SameKey,
                        doc: docs.get(f.first_doc as usize).map(|d| d.meta.id.clone()),
                        detail: format!("same name key as {}", forms[0].text),
                    });
                }
            }
        }
        rep_entity[rep] = entities.len() as u32;
        entities.push(Entity {
            label,
            order: IdOrder::of(label, rk),
            name,
            mentions,
            extra: Extra::new(aliases, name_counts, merged_by),
            props,
        });
    }
    drop((accs, acc_of, all_slots, slots));
    let entity_of_key = |keys: &Keys, k: usize| -> Option<usize> {
        let e = rep_entity[rep_of_key(keys, k)];
        (e != NO_ENTITY).then_some(e as usize)
    };
    for (a, reason, doc, detail, b) in applied {
        let Some(ei) = entity_of_key(&keys, a) else {
            continue;
        };
        let ent = &mut entities[ei];
        ent.extra
            .fields_mut()
            .merged_by
            .insert(reason.as_str().into());
        // (The entity's key is its representative's.)
        let other = if keys.key(a) == keys.key(rep_of_key(&keys, a)) {
            b
        } else {
            a
        };
        records.push(MergeRecord {
            id: ent.id(),
            label: ent.label.as_str(),
            into: ent.name.clone(),
            name: keys.key(other).to_string(),
            reason,
            doc,
            detail,
        });
    }
    for (plain, cands) in ambiguous {
        let Some(ei) = entity_of_key(&keys, plain) else {
            continue;
        };
        let ids: Vec<String> = cands
            .iter()
            .filter_map(|&c| Some((entity_of_key(&keys, c)?, keys.key(rep_of_key(&keys, c)))))
            .map(|(e, k)| format!("{} ({})", entities[e].id(), k))
            .collect();
        records.push(MergeRecord {
            id: entities[ei].id(),
            label: "Person",
            into: entities[ei].name.clone(),
            name: keys.key(plain).to_string(),
            reason: MergeReason::NotMergedAmbiguous,
            doc: None,
            detail: format!(
                "mentioned without an organization; people of this name in several organizations: {}",
                ids.join(", ")
            ),
        });
    }
    // Mention records: representative → entity.
    for e in &mut mention_entity {
        if *e != NO_ENTITY {
            *e = rep_entity[*e as usize];
        }
    }
    drop(rep_entity);
    drop(keys);

    // Events: one entity per (kind, name key, date) — or per document when undated. The
    // index holds each entity and the last document it was found in (documents are read in
    // order, so an earlier one is never found again).
    let mut ev_index: BTreeMap<String, (usize, u32)> = BTreeMap::new();
    let mut event_start: Vec<usize> = Vec::with_capacity(docs.len() + 1);
    event_start.push(0);
    for d in docs {
        event_start.push(event_start[event_start.len() - 1] + d.events.len());
    }
    let mut event_entity: Vec<u32> = Vec::with_capacity(event_start[docs.len()]);
    for (di, d) in docs.iter().enumerate() {
        for e in &d.events {
            let raw = s(e.name);
            let k = event_key(e, raw, &d.meta.id, &generic_events);
            let name = display(raw);
            let di32 = di as u32;
            let (idx, last_doc) = ev_index.entry(k.clone()).or_insert_with(|| {
                entities.push(Entity {
                    label: NodeLabel::Event,
                    order: IdOrder::of(NodeLabel::Event, &k),
                    name: name.clone(),
                    mentions: 0,
                    extra: Extra::default(),
                    props: NodeProps::Event(Box::new(crate::graph::EventProps {
                        kind: e.kind,
                        date: None,
                        location: None,
                    })),
                });
                (entities.len() - 1, di32)
            });
            let idx = *idx;
            let ent = &mut entities[idx];
            if std::mem::replace(last_doc, di32) != di32 {
                ent.extra
                    .fields_mut()
                    .merged_by
                    .insert(MergeReason::SameEvent.as_str().into());
                records.push(MergeRecord {
                    id: ent.id(),
                    label: "Event",
                    into: ent.name.clone(),
                    name: name.clone(),
                    reason: MergeReason::SameEvent,
                    doc: Some(d.meta.id.clone()),
                    detail: format!("same kind, name key and date ({k})"),
                });
            }
            if name != ent.name {
                ent.extra.fields_mut().aliases.insert(name);
            }
            let surface = raw.trim().to_string();
            if surface != ent.name {
                ent.extra.fields_mut().aliases.insert(surface);
            }
            ent.mentions += 1;
            // The first date and the first place among the event's mentions.
            if let NodeProps::Event(ev) = &mut ent.props {
                let (date, location) = (&mut ev.date, &mut ev.location);
                if date.is_none() {
                    date.clone_from(&e.date);
                }
                if location.is_none() {
                    *location = e.location.map(|l| s(l).to_string());
                }
            }
            event_entity.push(idx as u32);
        }
    }
    drop(ev_index);

    // Sort entities by id and remap.
    // (By what orders as the ids, without making them: an entity's [`IdOrder`], then its
    // index. The indices are sorted, 4 bytes an entity — issue 8: an index, a `(&str, u64)`
    // and two `usize` positions per entity, 48 bytes, were made on top of every entity at the
    // end of resolution; then the order and index packed in 16 bytes, the peak of a run at
    // 200 MB of input.)
    let mut order: Vec<u32> = (0..entities.len() as u32).collect();
    order.sort_unstable_by_key(|&i| (entities[i as usize].order, i));
    let mut new_pos = vec![0u32; entities.len()];
    for (pos, &i) in order.iter().enumerate() {
        new_pos[i as usize] = pos as u32;
    }
    drop(order);
    // Each entity moved to its place in the vector (following the cycles of the
    // permutation), not into a second vector of them: at 200 MB of input the two were the
    // peak of resolution (issue 8).
    let mut to = new_pos.clone();
    for i in 0..entities.len() {
        while to[i] as usize != i {
            let j = to[i] as usize;
            entities.swap(i, j);
            to.swap(i, j);
        }
    }
    drop(to);
    for e in &mut mention_entity {
        if *e != NO_ENTITY {
            *e = new_pos[*e as usize];
        }
    }
    for e in &mut event_entity {
        *e = new_pos[*e as usize];
    }
    // Equal records are equal in every field: an unstable sort gives the same vector, without
    // a stable sort's buffer.
    records.sort_unstable();
    records.dedup();
    Resolved {
        entities,
        mention_entity,
        mention_start,
        event_entity,
        event_start,
        merges: records,
    }
}

/// The display name of a cluster: the most frequent name among those whose key is the
/// representative's, else the most frequent overall; ties go to the smallest string. `slots`
/// are sorted by their text.
fn pick_name(slots: &[NameSlot]) -> String {
    let best = |only_rep: bool| {
        slots
            .iter()
            .filter(|sl| sl.name && (!only_rep || sl.rep))
            .max_by(|a, b| a.count.cmp(&b.count).then(b.text.cmp(a.text)))
            .map(|sl| sl.text.to_string())
    };
    best(true).or_else(|| best(false)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(i: usize) -> Entity {
        Entity {
            label: NodeLabel::Person,
            order: IdOrder::of(NodeLabel::Person, &format!("k{i:06}")),
            name: String::new(),
            mentions: i as u32,
            extra: Extra::default(),
            props: NodeProps::Person,
        }
    }

    #[test]
    fn a_year_or_an_edition_is_read_off_a_generic_event_name() {
        assert_eq!(edition_len("2025新品发布会"), Some(4));
        assert_eq!(edition_len("2025年度工作会议"), Some("2025年度".len()));
        assert_eq!(edition_len("第三届座谈会"), Some("第三届".len()));
        assert_eq!(edition_len("第12次常务会议"), Some("第12次".len()));
        assert_eq!(edition_len("首届论坛"), Some("首届".len()));
        assert_eq!(edition_len("二〇二五年峰会"), Some("二〇二五年".len()));
        // no year or edition
        assert_eq!(edition_len("星澜湾峰会"), None);
        assert_eq!(edition_len("5g峰会"), None);
        assert_eq!(edition_len("第三方协议"), None);
        assert_eq!(edition_len("三方协议"), None);
    }

    #[test]
    fn entities_index_swap_and_free_across_chunks() {
        let n = Entities::CHUNK * 2 + 3;
        let mut es = Entities::default();
        assert!(es.is_empty());
        for i in 0..n {
            es.push(entity(i));
        }
        assert_eq!(es.len(), n);
        assert_eq!(es[Entities::CHUNK + 1].mentions, Entities::CHUNK as u32 + 1);
        // Within one chunk and across two, either way round.
        es.swap(0, 1);
        es.swap(2, n - 1);
        es.swap(n - 2, 3);
        let m: Vec<u32> = es.iter_mut().map(|e| e.mentions).collect();
        assert_eq!(m[..4], [1, 0, n as u32 - 1, n as u32 - 2]);
        assert_eq!(m[n - 2..], [3, 2]);
        es[5].mentions = 77;
        assert_eq!(es[5].mentions, 77);
        // Freeing through the last entity of the first chunk frees it alone; the later
        // indices still read the same entities.
        es.free_through(Entities::CHUNK - 2);
        assert_eq!(es.chunks[0].capacity(), Entities::CHUNK);
        es.free_through(Entities::CHUNK - 1);
        assert_eq!(es.chunks[0].capacity(), 0);
        assert_eq!(
            es[Entities::CHUNK].id(),
            node_id(NodeLabel::Person, &format!("k{:06}", Entities::CHUNK))
        );
        assert_eq!(es[n - 1].mentions, 2);
        assert_eq!(es.len(), n);
    }
}
