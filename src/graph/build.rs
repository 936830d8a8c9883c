//! Building the graph: resolve first, then add nodes in id order, then edges in sorted order.
//!
//! Edges are deduplicated on (from, type, to, properties): the same fact found twice — in two
//! sentences or two documents — is one edge, carrying the evidence of its first occurrence
//! (documents in id order, relations in text order). MENTIONED_IN edges link each entity and
//! event to every document it occurs in, with `count` and the evidence of its first mention.

use petgraph::graph::NodeIndex;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::mentions::{Mention, NOT_STORED, PLAIN, Sorted, SpanEntry, SpillWriter};
use super::{
    Edge, EdgeEvidence, KnowledgeGraph, Node, NodeLabel, NodeProps, Rule, Shared, id_text,
    node_id_order,
};
use crate::extract::{DocExtraction, DocMeta, NodeRef, RelProps, RelType};
use crate::link::facts::{Corpus, DocRest, read_rest};
use crate::link::{NO_ENTITY, Resolved, resolve};
use crate::rules::{LexiconSet, Rules};

/// A sortable identity for an edge: (from node, type, to node, the rank of its properties'
/// [`props_key`] among those of the corpus's relation kinds — [`kind_ranks`]), which orders as
/// the properties rendered. Nodes are added in id order, so comparing node indices compares
/// ids. 16 bytes (issue 8: with the rendered properties as a boxed string, a key was 32 bytes
/// of every relation edge while the edges were collected, the peak of a run at 200 MB).
type EdgeKey = (u32, RelType, u32, u32);

/// [`props_key`] of properties that are all unset — most edges.
const NO_PROPS_KEY: &str = "None|None|None|None|None";

/// [`props_key`] of an edge as part of its identity, ordered as the rendered string; the
/// common case of no properties (and MENTIONED_IN, which has none and is never compared with
/// another type) is `None`, without an allocation — 16 bytes in a key the edge map holds for
/// every edge of the graph.
#[derive(PartialEq, Eq)]
struct PropsKey(Option<Box<str>>);

impl PropsKey {
    fn of(p: Option<&RelProps>) -> PropsKey {
        PropsKey(
            p.filter(|p| **p != RelProps::default())
                .map(|p| props_key(p).into_boxed_str()),
        )
    }
    fn as_str(&self) -> &str {
        self.0.as_deref().unwrap_or(NO_PROPS_KEY)
    }
}

impl Ord for PropsKey {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for PropsKey {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The rank of each relation kind's [`PropsKey`] among those of all kinds (equal keys, equal
/// ranks): an edge key holds it in place of the rendered properties, and orders as they do.
fn kind_ranks(kinds: &[(RelType, Option<Box<RelProps>>)]) -> Vec<u32> {
    let keys: Vec<PropsKey> = kinds
        .iter()
        .map(|(_, p)| PropsKey::of(p.as_deref()))
        .collect();
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
    let mut ranks = vec![0u32; keys.len()];
    let mut rank = 0u32;
    for (k, &i) in order.iter().enumerate() {
        if k > 0 && keys[i] != keys[order[k - 1]] {
            rank += 1;
        }
        ranks[i] = rank;
    }
    ranks
}

/// Relationship properties rendered as part of an edge's identity.
pub(crate) fn props_key(p: &RelProps) -> String {
    let mut k = String::new();
    // Writing into a String cannot fail.
    let _ = write_props_key(&mut k, p);
    k
}

/// [`props_key`]: the text `format!("{:?}|{:?}|{:?}|{:?}|{:?}", title, status, on_behalf_of,
/// lead, about)` wrote, with the strings' `{:?}` by [`crate::graph::write_debug_opt`] (a test
/// compares them).
fn write_props_key(k: &mut String, p: &RelProps) -> std::fmt::Result {
    use crate::graph::write_debug_opt;
    write_debug_opt(k, p.title.as_deref())?;
    k.push('|');
    write_debug_opt(k, p.status.map(|s| s.as_str()))?;
    k.push('|');
    write_debug_opt(k, p.on_behalf_of.as_deref())?;
    k.push('|');
    k.push_str(match p.lead {
        None => "None",
        Some(true) => "Some(true)",
        Some(false) => "Some(false)",
    });
    k.push('|');
    write_debug_opt(k, p.about.as_deref())
}

impl KnowledgeGraph {
    /// Build the graph from per-document results with the built-in lexicons.
    pub fn build(docs: Vec<DocExtraction>) -> KnowledgeGraph {
        KnowledgeGraph::build_with(docs, &Rules::builtin().lexicons)
    }

    /// Build the graph from per-document results; `lex` supplies `orgs_known` and the generic
    /// aliases for entity resolution (built-in plus user lexicons).
    pub fn build_with(docs: Vec<DocExtraction>, lex: &LexiconSet) -> KnowledgeGraph {
        // The records of documents already in memory are kept in memory: nothing to fail but
        // a document whose record exceeds 4 GiB.
        Corpus::of(docs)
            .and_then(|c| KnowledgeGraph::build_corpus(c, lex))
            .expect("document records held in memory")
    }

    /// Build the graph from the compact per-document records of a corpus (sorted by
    /// [`Corpus::finish`]); the documents are dropped one by one as their edges are made.
    /// Fails only when the records cannot be read back from the corpus's temporary file.
    pub fn build_corpus(corpus: Corpus, lex: &LexiconSet) -> std::io::Result<KnowledgeGraph> {
        crate::rss_mark("extracted");
        let resolved = resolve(&corpus, lex);
        crate::rss_mark("resolved");
        let Corpus {
            docs,
            strs,
            money,
            names,
            rules: doc_rules,
            rel_kinds,
            records,
            kept_sentences,
            relations,
            ..
        } = corpus;
        // The amounts' values were read by `resolve` (into the nodes' properties); left in
        // the moved-from corpus, the map (≈ 80 bytes a slot, one per distinct amount) was held
        // to the end of graph building — through the edge collection, the peak of a run
        // (issue 8).
        drop(money);
        // The corpus's strings are not read from here on (a mention whose sentence was not
        // kept cites its surface, which its document's record holds: [`DocRest::own_text`]):
        // the interner and the name table are freed before the nodes are made (issue 8: a
        // table of every name's text was held through node making and edge collection, both
        // peaks of a run at 200 MB of input).
        drop((strs, names));
        let tables = Tables {
            rules: &doc_rules,
            rel_kinds: &rel_kinds,
        };
        let n_docs = docs.len();
        // What the nodes read of the documents is taken now (the entities' properties were
        // read by `resolve`): each document's metadata goes to its node; edge collection reads the rest. A
        // `DocCore` is 168 bytes, 64 without its metadata and HOLDS_POSITION pairs (read by
        // `resolve` only): the documents' vector was held, with their emptied metadata, to
        // the end of edge collection, the peak of a run (issue 8).
        let mut metas: Vec<DocMeta> = Vec::with_capacity(n_docs);
        // In chunks, each freed once edge collection is through it (issue 8: one vector, 64
        // bytes a document, was held to the end of edge collection, the peak of a run).
        let mut doc_edges: Vec<Vec<DocEdges>> = Vec::with_capacity(n_docs.div_ceil(DOC_CHUNK));
        // The entity of each mention record and event goes into its document's record, and
        // the corpus-wide tables are freed before the node ids are ordered (issue 8: a `u32` per
        // mention record and event, with the documents' start offsets, was held to the end
        // of edge collection, the peak of a run at 200 MB of input).
        let Resolved {
            mut entities,
            mention_entity,
            mention_start,
            event_entity,
            event_start,
            merges,
        } = resolved;
        for (di, d) in docs.into_iter().enumerate() {
            metas.push(d.meta);
            if doc_edges.last().is_none_or(|c| c.len() == DOC_CHUNK) {
                let left = n_docs - doc_edges.len() * DOC_CHUNK;
                doc_edges.push(Vec::with_capacity(left.min(DOC_CHUNK)));
            }
            if let Some(c) = doc_edges.last_mut() {
                let mentions = row_of(&mention_start, &mention_entity, di);
                let events = row_of(&event_start, &event_entity, di);
                c.push(DocEdges {
                    // In place: a `MentionEdge` is the size of a `MentionRef`.
                    mentions: d
                        .mentions
                        .into_iter()
                        .enumerate()
                        .map(|(i, m)| MentionEdge {
                            entity: mentions.get(i).copied().unwrap_or(NO_ENTITY),
                            count: m.count,
                        })
                        .collect(),
                    events: d
                        .events
                        .iter()
                        .enumerate()
                        .map(|(i, e)| EventEdge {
                            entity: events.get(i).copied().unwrap_or(NO_ENTITY),
                            sentence: e.sentence,
                            start: e.start,
                            end: e.end,
                            rule: e.rule,
                        })
                        .collect(),
                    rest: d.rest,
                });
            }
        }
        drop((mention_entity, mention_start, event_entity, event_start));
        // The node ids with where each node comes from (a document, then an entity: index
        // `docs.len() + i`), sorted by id: a node's index is the rank of its id, known before
        // any node exists, so edges can name their ends by index. Of nodes with one id (none in practice) the last one made is kept, as a
        // map's `insert` kept it; every source with that id refers to that node.
        // An id is held as what orders as it does ([`IdOrder`]), and its text made when its
        // node is (issue 8: a `(String, u32)` per node, 32 bytes and the text, was held from
        // here to the end of node making, the peak of a run at 200 MB of input).
        // The sources are sorted by their ids' orders, 4 bytes each (issue 8: each with its
        // source packed in 16 bytes, on top of the entities, the peak of a
        // run at 200 MB of input).
        let mut order: Vec<u32> = (0..(n_docs + entities.len()) as u32).collect();
        let mut node_of = vec![0u32; order.len()];
        {
            // Each document's id order (an entity holds its own).
            let doc_order: Vec<IdOrder> = metas
                .iter()
                .map(|m| IdOrder::of(NodeLabel::Document, &m.id))
                .collect();
            let id_of = |src: u32| -> IdOrder {
                match (src as usize).checked_sub(n_docs) {
                    None => doc_order[src as usize],
                    Some(i) => entities[i].order,
                }
            };
            order.sort_unstable_by_key(|&src| (id_of(src), src));
            let mut rank = 0u32;
            for (k, &o) in order.iter().enumerate() {
                if k > 0 && id_of(o) != id_of(order[k - 1]) {
                    rank += 1;
                }
                node_of[o as usize] = rank;
            }
            order.dedup_by(|later, earlier| {
                let same = id_of(*later) == id_of(*earlier);
                if same {
                    std::mem::swap(later, earlier);
                }
                same
            });
        }
        let (doc_ix, ent_ix) = node_of.split_at(n_docs);
        let doc_names: Vec<Shared> = metas.iter().map(|m| Shared::from(m.id.as_str())).collect();
        // The nodes are made before the edges: each entity gives up its fields to its node
        // and the entity list is freed before the edges are collected (made after them, the
        // list, the id order and the node vector were all held on top of the collected edges
        // — the peak of a run at 200 MB of input: issue 8).
        let mut kg = KnowledgeGraph {
            merges,
            ..KnowledgeGraph::default()
        };
        // The source of each node in id order (4 bytes a node: held to the end of node
        // making, the peak of a run at 200 MB of input); a node's id is made again from its
        // entity's order or its document's id.
        let srcs = order;
        crate::rss_mark("ids ordered");
        kg.g.reserve_nodes(srcs.len());
        // The document nodes (one id prefix: together in id order) still to make; the
        // documents' metadata is freed after the last.
        let mut docs_left = srcs.iter().filter(|&&s| (s as usize) < n_docs).count();
        // Entities come in index order (sorted by id, as the nodes are): each chunk of
        // them is freed once its nodes are made.
        for src in srcs {
            let src = src as usize;
            let node = if src < n_docs {
                let m = metas.get_mut(src).map(std::mem::take).unwrap_or_default();
                let id = IdOrder::of(NodeLabel::Document, &m.id).text();
                docs_left = docs_left.saturating_sub(1);
                if docs_left == 0 {
                    metas = Vec::new();
                }
                document_node(id, m)
            } else {
                let i = src - n_docs;
                let id = entities[i].order.text();
                let node = entity_node(&mut entities[i], id);
                entities.free_through(i);
                node
            };
            kg.g.add_node(node);
        }
        kg.index_ids();
        drop(entities);
        drop(metas);
        crate::rss_mark("nodes made");
        // The documents are handed over and dropped one by one as their edges are made, so
        // the per-document results and the collected edges are not both held whole.
        let (rels, mut mentioned, rules, file) = collect_edges(
            doc_edges,
            records.into_reader()?,
            &tables,
            (doc_ix, ent_ix, kg.g.node_count()),
            (kept_sentences, relations),
        )?;
        crate::rss_mark("edges collected");
        let long = std::mem::take(&mut mentioned.long);
        let rules: Vec<Rule> = rules.into_iter().map(Rule::of).collect();
        // The rule of each relation edge, by its index among the corpus's rules.
        let rel_rules: Vec<Rule> = doc_rules.iter().map(|r| Rule::of(r.as_str())).collect();
        let no_rule = Rule::of("");
        // Each relation kind's properties, one value its edges share.
        let kind_props: Vec<Option<Arc<RelProps>>> = rel_kinds
            .into_iter()
            .map(|(_, p)| p.map(Arc::from))
            .collect();
        let n_rels = rels.len();
        kg.g.reserve_exact_edges(n_rels);
        let long = long.into_iter().map(|(a, b, s)| {
            let rule = rules.get(s.rule as usize).copied().unwrap_or(no_rule);
            (a, RelType::MentionedIn, b, s, rule)
        });
        let empty = Shared::from("");
        let rels = rels.into_iter().map(|r| {
            let rule = rel_rules.get(r.rule as usize).copied().unwrap_or(no_rule);
            (r.from, r.rel, r.to, r.seed(&kind_props, &empty), rule)
        });
        // The sentence table entry of each petgraph edge (by edge index).
        let mut rel_sentences = Vec::with_capacity(kg.g.edge_count() + n_rels + long.len());
        rel_sentences.resize(kg.g.edge_count(), NOT_STORED);
        for (a, rel, b, seed, rule) in rels.chain(long) {
            if a == u32::MAX || b == u32::MAX {
                continue;
            }
            rel_sentences.push(seed.entry);
            kg.g.add_edge(
                NodeIndex::new(a as usize),
                NodeIndex::new(b as usize),
                seed.edge(rel, &doc_names, rule),
            );
        }
        drop(rel_rules);
        drop(kind_props);
        // The MENTIONED_IN records are sorted once the relation edge map is freed (a list on
        // disk is sorted a range at a time, in memory of its own: issue 8).
        let (recs, (spans, own)) = mentioned.into_sorted()?;
        // The document of the MENTIONED_IN edges into each node (of documents with one node,
        // none in practice, the last one): up to the last document node only — the nodes after
        // it, most of them, have none (issue 8: a slot per node).
        let doc_nodes = doc_ix.iter().map(|&n| n as usize + 1).max().unwrap_or(0);
        let mut doc_of: Vec<Option<Shared>> = vec![None; doc_nodes.min(kg.g.node_count())];
        for (di, &n) in doc_ix.iter().enumerate() {
            if let Some(d) = doc_of.get_mut(n as usize) {
                *d = Some(doc_names[di].clone());
            }
        }
        kg.mentions =
            super::Mentions::from_sorted(recs, rules, (file, spans, own), doc_of, rel_sentences);
        crate::rss_mark("graph made");
        Ok(kg)
    }
}

/// A node id as [`node_id_order`] gives it — the rank of its prefix among all prefixes and its
/// hash — which orders as the id's text does: 16 bytes, and the text made only when the node
/// is.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub(crate) struct IdOrder(u8, u64);

impl IdOrder {
    /// Every id prefix, sorted.
    const PREFIXES: [&'static str; 7] = ["amt", "doc", "evt", "loc", "org", "per", "role"];

    pub(crate) fn of(label: NodeLabel, key: &str) -> IdOrder {
        let (prefix, hash) = node_id_order(label, key);
        let rank = Self::PREFIXES
            .iter()
            .position(|p| *p == prefix)
            .unwrap_or(Self::PREFIXES.len());
        IdOrder(rank as u8, hash)
    }

    pub(crate) fn text(self) -> String {
        id_text(
            Self::PREFIXES.get(self.0 as usize).copied().unwrap_or(""),
            self.1,
        )
    }
}

/// The node of an entity (it gives up its names and properties).
fn entity_node(e: &mut crate::link::Entity, id: String) -> Node {
    Node {
        id,
        label: e.label,
        name: std::mem::take(&mut e.name),
        mentions: e.mentions,
        extra: std::mem::take(&mut e.extra),
        props: std::mem::replace(&mut e.props, NodeProps::Person),
    }
}

/// The node of a document.
fn document_node(id: String, meta: DocMeta) -> Node {
    Node {
        id,
        label: NodeLabel::Document,
        name: meta.title.clone().unwrap_or_else(|| meta.id.clone()),
        mentions: 1,
        extra: Default::default(),
        props: NodeProps::Document(Box::new(super::DocumentProps {
            path: meta.id,
            title: meta.title,
            published: meta.published,
        })),
    }
}

/// What the edge map (and [`Mentioned`], for MENTIONED_IN) holds of an edge until the graph
/// is made: its type is in the key, its document and rule indices, its properties boxed (most
/// edges have none), its count 0 for none — 40 bytes, against an [`Edge`]'s 56, one per edge
/// of the graph.
struct Seed {
    props: Option<Arc<RelProps>>,
    /// The sentence when `entry` is [`NOT_STORED`] (empty otherwise).
    sentence: Shared,
    /// The sentence as an entry of [`Mentioned::spans`] (read back from the record file when
    /// asked: issue 8), or [`NOT_STORED`].
    entry: u32,
    doc: u32,
    start: u32,
    end: u32,
    /// MENTIONED_IN's count (at least 1); 0 for the other types, which have none.
    count: u32,
    /// Index into the rule table of [`collect_edges`] (a relation edge's [`Rule`] is given
    /// to [`Seed::edge`]).
    rule: u16,
}

impl Seed {
    fn edge(self, rel: RelType, doc_names: &[Shared], rule: Rule) -> Edge {
        Edge::new(
            rel,
            self.props,
            (self.count > 0).then_some(self.count),
            Some(EdgeEvidence {
                doc: doc_names[self.doc as usize].clone(),
                sentence: self.sentence,
                start: self.start,
                end: self.end,
                rule,
            }),
        )
    }
}

/// A relation edge until the graph is made: its ends and type, its relation kind (its
/// properties: an index into the corpus's relation kinds), its sentence (an entry of
/// [`Mentioned::spans`] or [`NOT_STORED`]), its document, span and rule (an index into the
/// corpus's rules) — 32 bytes, in one list ([`RelEdges`]; issue 8: a map of them, ≈ 60 bytes
/// an edge, grew to the end of edge collection, the peak of a run at 200 MB of input).
struct FlatRel {
    from: u32,
    to: u32,
    kind: u32,
    entry: u32,
    doc: u32,
    start: u32,
    end: u32,
    rule: u16,
    rel: RelType,
}

/// Documents a chunk of the documents' vector that edge collection reads (1 MiB of them).
const DOC_CHUNK: usize = 1 << 14;

/// The relation edges of a corpus, deduplicated on their [`EdgeKey`] — of equal ones, the
/// first found is kept (documents in order, relations in text order): one list, each
/// document's edges appended with its duplicates dropped ([`RelEdges::end_doc`]); the edges
/// of different documents are deduplicated when the list has doubled since it last was
/// ([`RelEdges::settle`]: sorted by key and document, the first of each key kept), and once
/// more at the end, which leaves it in key order.
struct RelEdges {
    list: Vec<FlatRel>,
    /// The rank of each relation kind's properties ([`kind_ranks`]).
    ranks: Vec<u32>,
    /// The length of the list when it was last settled.
    settled: usize,
}

impl RelEdges {
    /// Edges listed before the list is first settled.
    const FIRST_SETTLE: usize = 1 << 16;

    /// A list with room for `bound` edges (pages never written are never touched).
    fn new(ranks: Vec<u32>, bound: usize) -> RelEdges {
        RelEdges {
            list: Vec::with_capacity(bound),
            ranks,
            settled: 0,
        }
    }

    fn key(ranks: &[u32], r: &FlatRel) -> EdgeKey {
        let rank = ranks.get(r.kind as usize).copied().unwrap_or(u32::MAX);
        (r.from, r.rel, r.to, rank)
    }

    /// The edges of a document were appended from `start` on, in text order, each with the
    /// slot of its sentence in `entry` (or [`NOT_STORED`]): the first of each key is kept, and
    /// its sentence made an entry by `cite`.
    fn end_doc(&mut self, start: usize, mut cite: impl FnMut(usize) -> u32) {
        let ranks = &self.ranks;
        let Some(tail) = self.list.get_mut(start..) else {
            return;
        };
        // Stable: of equal keys, the first in the text stays first.
        tail.sort_by_key(|r| Self::key(ranks, r));
        let mut kept = 0;
        for i in 0..tail.len() {
            if kept > 0 && Self::key(ranks, &tail[kept - 1]) == Self::key(ranks, &tail[i]) {
                continue;
            }
            tail.swap(kept, i);
            kept += 1;
        }
        for r in &mut tail[..kept] {
            if r.entry != NOT_STORED {
                r.entry = cite(r.entry as usize);
            }
        }
        self.list.truncate(start + kept);
        if self.list.len() >= (2 * self.settled).max(Self::FIRST_SETTLE) {
            self.settle();
        }
    }

    /// Sorted by key, the first of each (the smallest document: a document has one edge a
    /// key) kept. Key and document identify an edge, so an unstable sort orders them alike
    /// every run.
    fn settle(&mut self) {
        let ranks = &self.ranks;
        self.list
            .sort_unstable_by_key(|r| (Self::key(ranks, r), r.doc));
        self.list
            .dedup_by(|later, first| Self::key(ranks, later) == Self::key(ranks, first));
        self.settled = self.list.len();
    }

    /// Every edge, in key order.
    fn into_sorted(mut self) -> Vec<FlatRel> {
        self.settle();
        self.list
    }
}

impl FlatRel {
    /// The [`Seed`] of the edge (`props`: each relation kind's properties; `empty`: its
    /// sentence, which it holds as `entry`).
    fn seed(self, props: &[Option<Arc<RelProps>>], empty: &Shared) -> Seed {
        Seed {
            props: props.get(self.kind as usize).cloned().flatten(),
            sentence: empty.clone(),
            entry: self.entry,
            doc: self.doc,
            start: self.start,
            end: self.end,
            count: 0,
            rule: self.rule,
        }
    }
}

/// The rules the edges cite, each once (edges name them by index).
#[derive(Default)]
struct RuleTable {
    list: Vec<&'static str>,
    index: crate::rules::FastMap<&'static str, u16>,
}

impl RuleTable {
    fn index(&mut self, r: &'static str) -> u16 {
        *self.index.entry(r).or_insert_with(|| {
            self.list.push(r);
            (self.list.len() - 1) as u16
        })
    }
}

/// The MENTIONED_IN records, made document by document into one vector reserved for their
/// upper bound (one per mention record and event; pages past the records written are never
/// touched), then sorted in place by (source, target): the graph keeps this vector as it is
/// (issue 8: sorting chunks and copying them into the graph held the records twice while the
/// graph was made — the peak of a run at 200 MB). For a corpus whose records are on disk
/// (a command-line run) they go to a temporary file of their own instead ([`SpillWriter`]),
/// sorted there and read back by the exporters: held, they were ≈ 40 MB at 200 MB of distinct
/// input, the largest part of the peak of a run. Of the records of documents that share a
/// node id (none in practice) the last one made for each (source, target) is kept, as a
/// map's `insert` keeps it: they wait in `shared` until the end, so that no two records of
/// the vector have the same ends and an unstable sort (no buffer) orders them alike every run.
///
/// The records — and the relation edges, by [`Seed::entry`] — cite their sentences by index
/// into `spans`: where each is in the corpus's
/// record file (the graph reads them back from there when asked: issue 8), or, for a mention
/// that cites its own text or an event without a kept sentence, its index in `own` (length
/// [`NOT_STORED`]). A sentence cited by several records of one document is one entry; a
/// record whose evidence does not fit one ([`Mention::new`]: a span of more than 65 535
/// characters) waits in `long` and becomes a petgraph edge.
struct Mentioned {
    recs: Vec<Mention>,
    /// Where the records go instead of `recs`, for a corpus on disk.
    spill: Option<SpillWriter>,
    /// Document nodes that several documents have.
    shared_nodes: BTreeSet<u32>,
    shared: BTreeMap<(u32, u32), Mention>,
    spans: Vec<SpanEntry>,
    own: Vec<Shared>,
    /// The entry in `spans` of each kept sentence of the document being read (by its slot in
    /// the document's [`DocRest`]; `u32::MAX`: not cited yet).
    slot_entry: Vec<u32>,
    long: Vec<LongEdge>,
}

/// The evidence of a MENTIONED_IN edge until its record is made: its sentence, where the
/// mention is, its rule index.
struct MentionSeed {
    sentence: Cited,
    doc: u32,
    start: u32,
    end: u32,
    rule: u16,
}

/// A MENTIONED_IN edge's sentence: a kept sentence of its document (by slot), or a text of
/// its own.
enum Cited {
    Slot(usize),
    Own(Shared),
}

/// [`Mentioned::spans`] and [`Mentioned::own`].
type SentenceTable = (Vec<SpanEntry>, Vec<Shared>);

/// A MENTIONED_IN edge whose evidence does not fit a [`Mention`]: (entity node, document
/// node, its seed with the count).
type LongEdge = (u32, u32, Seed);

impl Mentioned {
    /// Room for `bound` records (or a file for them: `spill`); `doc_ix` is the node of each
    /// document. The sentence table is reserved for each of the `kept` sentences of the
    /// corpus once — more than it holds, ≈ 98 % of them at 200 MB of distinct input, but
    /// pages never written are never touched — and so not copied as it grows (issue 8: its
    /// doublings held both copies during edge collection, near the peak of a run). A text of
    /// its own (a mention whose sentence was not kept, none there) adds an entry.
    fn new((bound, kept): (usize, usize), doc_ix: &[u32], spill: Option<SpillWriter>) -> Mentioned {
        let mut nodes = doc_ix.to_vec();
        nodes.sort_unstable();
        let shared_nodes = nodes
            .windows(2)
            .filter(|w| w[0] == w[1])
            .map(|w| w[0])
            .collect();
        Mentioned {
            recs: Vec::with_capacity(if spill.is_some() { 0 } else { bound }),
            spill,
            shared_nodes,
            shared: BTreeMap::new(),
            spans: Vec::with_capacity(kept),
            own: Vec::new(),
            slot_entry: Vec::new(),
            long: Vec::new(),
        }
    }

    /// The entry in `spans` of kept sentence `k` (by slot) of the document `rest` was read
    /// from, made when it is first cited.
    fn cite(&mut self, k: usize, rest: &DocRest) -> u32 {
        if let Some(&e) = self.slot_entry.get(k).filter(|&&e| e != u32::MAX) {
            return e;
        }
        let e = self.spans.len() as u32;
        let (at, len) = rest.span(k);
        // Whether it needs escaping is asked by every exporter: known now, it need not be
        // read back for that.
        let plain = crate::export::plain_text(rest.text(k));
        self.spans
            .push(SpanEntry::new(if plain { at | PLAIN } else { at }, len));
        if let Some(slot) = self.slot_entry.get_mut(k) {
            *slot = e;
        }
        e
    }

    /// A new document, whose [`DocRest`] has `slots` kept sentences.
    fn begin_doc(&mut self, slots: usize) {
        self.slot_entry.clear();
        self.slot_entry.resize(slots, u32::MAX);
    }

    /// The MENTIONED_IN edge from entity node `from` to document node `to`, with its count
    /// and the evidence of its first mention (`seed`), of the document `rest` was read from.
    fn push(
        &mut self,
        from: u32,
        to: u32,
        count: u32,
        seed: MentionSeed,
        rest: &DocRest,
    ) -> std::io::Result<()> {
        let sentence = match &seed.sentence {
            Cited::Slot(k) => self.cite(*k, rest),
            Cited::Own(text) => {
                self.spans
                    .push(SpanEntry::new(self.own.len() as u64, NOT_STORED));
                self.own.push(text.clone());
                (self.spans.len() - 1) as u32
            }
        };
        if self.shared_nodes.contains(&to) {
            // The last record for these ends is kept, wherever it goes.
            self.shared.remove(&(from, to));
            self.long.retain(|l| (l.0, l.1) != (from, to));
        }
        let Some(m) = Mention::new(from, to, sentence, (seed.start, seed.end), count, seed.rule)
        else {
            let sentence = match seed.sentence {
                Cited::Slot(k) => Shared::from(rest.text(k)),
                Cited::Own(text) => text,
            };
            self.long.push((
                from,
                to,
                Seed {
                    props: None,
                    sentence,
                    entry: NOT_STORED,
                    doc: seed.doc,
                    start: seed.start,
                    end: seed.end,
                    count,
                    rule: seed.rule,
                },
            ));
            return Ok(());
        };
        if self.shared_nodes.contains(&m.to) {
            self.shared.insert((m.from, m.to), m);
        } else if let Some(spill) = &mut self.spill {
            spill.push(&m)?;
        } else {
            self.recs.push(m);
        }
        Ok(())
    }

    /// The records sorted by (source, target) and the sentences they cite (the edges that
    /// do not fit a record, `long`, are taken before).
    fn into_sorted(mut self) -> std::io::Result<(Sorted, SentenceTable)> {
        let recs = match self.spill {
            Some(mut spill) => {
                for m in self.shared.into_values() {
                    spill.push(&m)?;
                }
                Sorted::Spilled(spill.into_sorted()?)
            }
            None => {
                self.recs.extend(self.shared.into_values());
                self.recs.sort_unstable_by_key(|m| (m.from, m.to));
                Sorted::Held(self.recs)
            }
        };
        Ok((recs, (self.spans, self.own)))
    }
}

/// What [`collect_edges`] reads of a document held in memory ([`DocCore`](crate::link::facts::DocCore) without its
/// metadata, which went to its node, and its HOLDS_POSITION pairs), with the entity of each
/// mention record and event.
struct DocEdges {
    mentions: Vec<MentionEdge>,
    events: Vec<EventEdge>,
    rest: crate::link::records::Span,
}

/// A mention record as edge collection reads it: its entity ([`NO_ENTITY`]: none) and how
/// many mentions it stands for.
struct MentionEdge {
    entity: u32,
    count: u32,
}

/// An event as edge collection reads it: its entity ([`NO_ENTITY`]: none) and evidence (20
/// bytes; an [`EventFact`](crate::link::facts::EventFact) is 48).
struct EventEdge {
    entity: u32,
    sentence: u32,
    start: u32,
    end: u32,
    rule: u16,
}

/// Document `di`'s row of a flat per-record table whose documents start at `start` (empty
/// when out of range).
fn row_of<'a>(start: &[usize], table: &'a [u32], di: usize) -> &'a [u32] {
    match (start.get(di), start.get(di + 1)) {
        (Some(&a), Some(&b)) => table.get(a..b).unwrap_or(&[]),
        _ => &[],
    }
}

/// The corpus tables [`collect_edges`] reads the documents' records with.
struct Tables<'a> {
    rules: &'a [crate::rules::RuleId],
    rel_kinds: &'a [(RelType, Option<Box<RelProps>>)],
}

impl Tables<'_> {
    fn rule(&self, i: u16) -> &'static str {
        self.rules.get(i as usize).map_or("", |r| r.as_str())
    }
}

type Collected = (
    Vec<FlatRel>,
    Mentioned,
    Vec<&'static str>,
    crate::link::records::RecordReader,
);

fn collect_edges(
    docs: Vec<Vec<DocEdges>>,
    mut reader: crate::link::records::RecordReader,
    t: &Tables,
    (doc_ix, ent_ix, nodes): (&[u32], &[u32], usize),
    (kept_sentences, relations): (usize, usize),
) -> std::io::Result<Collected> {
    let ranks = kind_ranks(t.rel_kinds);
    let mut rules = RuleTable::default();
    let empty = Shared::from("");
    // At most one MENTIONED_IN edge per mention record and event.
    let bound = docs
        .iter()
        .flatten()
        .map(|d| d.mentions.len() + d.events.len())
        .sum();
    // The records of a corpus on disk go to disk too.
    let spill = match reader {
        crate::link::records::RecordReader::File(_) => Some(SpillWriter::new(nodes)?),
        crate::link::records::RecordReader::Mem(_) => None,
    };
    let mut mentioned = Mentioned::new((bound, kept_sentences), doc_ix, spill);
    let mut edges = RelEdges::new(ranks, relations);
    let mut rest = DocRest::default();
    // The texts of the names whose mentions cite them, made when first cited (the records
    // of one name have one surface: by text, as by name).
    let mut own_texts: crate::rules::FastSet<Shared> = Default::default();
    // (Each chunk of documents is freed once read.)
    for (di, d) in docs.into_iter().flatten().enumerate() {
        let d = &d;
        read_rest((d.rest, d.mentions.len()), &mut reader, &mut rest)?;
        let rest = &rest;
        mentioned.begin_doc(rest.slots());
        let doc_id = doc_ix[di];
        let doc = di as u32;
        let ent = |nr: NodeRef| -> Option<u32> {
            let e = match nr {
                NodeRef::Mention(i) => d.mentions.get(i)?.entity,
                NodeRef::Event(i) => d.events.get(i)?.entity,
            };
            (e != NO_ENTITY).then(|| ent_ix[e as usize])
        };
        // A mention's evidence sentence; its own text if the sentence was not kept (one
        // shared string per name).
        let mut mention_sentence = |mi: usize, at: u32| match rest.slot(at) {
            Some(k) if !rest.text(k).trim().is_empty() => Cited::Slot(k),
            _ => {
                let text = rest.own_text(mi);
                Cited::Own(match own_texts.get(text) {
                    Some(s) => s.clone(),
                    None => {
                        let s = Shared::from(text);
                        own_texts.insert(s.clone());
                        s
                    }
                })
            }
        };
        let first = edges.list.len();
        for rel in &rest.relations {
            let (Some(a), Some(b)) = (ent(rel.from), ent(rel.to)) else {
                continue;
            };
            let (Some((rel_type, _)), Some(_)) = (
                t.rel_kinds.get(rel.kind as usize),
                edges.ranks.get(rel.kind as usize),
            ) else {
                continue;
            };
            if *rel_type == RelType::MentionedIn {
                continue; // made below, from the mentions themselves
            }
            edges.list.push(FlatRel {
                from: a,
                to: b,
                kind: rel.kind,
                // The slot of its sentence until the document's edges are deduplicated.
                entry: rest
                    .slot(rel.at.sentence)
                    .and_then(|k| u32::try_from(k).ok())
                    .unwrap_or(NOT_STORED),
                doc,
                start: rel.at.start,
                end: rel.at.end,
                rule: rel.at.rule,
                rel: *rel_type,
            });
        }
        edges.end_doc(first, |k| mentioned.cite(k, rest));
        // MENTIONED_IN: count + first occurrence, per entity and document.
        let mut seen: BTreeMap<u32, (u32, MentionSeed)> = BTreeMap::new();
        for (mi, (m, at)) in d.mentions.iter().zip(&rest.mentions).enumerate() {
            let Some(a) = ent(NodeRef::Mention(mi)) else {
                continue;
            };
            seen.entry(a)
                .or_insert_with(|| {
                    (
                        0,
                        MentionSeed {
                            doc,
                            sentence: mention_sentence(mi, at.sentence),
                            start: at.start,
                            end: at.end,
                            rule: rules.index(t.rule(at.rule)),
                        },
                    )
                })
                .0 += m.count;
        }
        for (ei, ev) in d.events.iter().enumerate() {
            let Some(a) = ent(NodeRef::Event(ei)) else {
                continue;
            };
            seen.entry(a)
                .or_insert_with(|| {
                    (
                        0,
                        MentionSeed {
                            doc,
                            sentence: match rest.slot(ev.sentence) {
                                Some(k) => Cited::Slot(k),
                                None => Cited::Own(empty.clone()),
                            },
                            start: ev.start,
                            end: ev.end,
                            rule: rules.index(t.rule(ev.rule)),
                        },
                    )
                })
                .0 += 1;
        }
        for (a, (count, seed)) in seen {
            if a == u32::MAX || doc_id == u32::MAX {
                continue; // not a node (never made into an edge)
            }
            mentioned.push(a, doc_id, count, seed, rest)?;
        }
    }
    Ok((edges.into_sorted(), mentioned, rules.list, reader))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::facts::DocFacts;

    /// An id's order key orders as its text and makes it back, for every label.
    #[test]
    fn id_order_orders_as_the_id_text() {
        use crate::graph::node_id;
        let mut all: Vec<(IdOrder, String)> = Vec::new();
        for l in NodeLabel::ALL {
            for k in ["甲", "乙公司", "k1", "", "丙@丁"] {
                let o = IdOrder::of(l, k);
                assert_eq!(o.text(), node_id(l, k));
                all.push((o, node_id(l, k)));
            }
        }
        let mut by_order = all.clone();
        by_order.sort_by_key(|a| a.0);
        all.sort_by(|a, b| a.1.cmp(&b.1));
        assert_eq!(by_order, all);
        assert!(IdOrder::PREFIXES.is_sorted());
        // With an index, an order sorts as the pair (how the nodes and entities are sorted).
        let (a, b) = (IdOrder(1, u64::MAX), IdOrder(2, 0));
        assert!((a, u32::MAX) < (b, 0));
        assert!((b, 0) < (b, 1));
        // A different key, a different place.
        assert_ne!(
            IdOrder::of(NodeLabel::Person, "甲"),
            IdOrder::of(NodeLabel::Person, "乙")
        );
    }

    /// A document's row of a flat per-record table: its records' entities; none past the
    /// table or for a document without a start.
    #[test]
    fn row_of_reads_a_documents_records_only() {
        let (start, table) = ([0usize, 2, 2, 5], [7u32, 8, 9, 10, 11]);
        assert_eq!(row_of(&start, &table, 0), [7, 8]);
        assert!(row_of(&start, &table, 1).is_empty());
        assert_eq!(row_of(&start, &table, 2), [9, 10, 11]);
        // No end for the last start, a row past the table: nothing.
        assert!(row_of(&start, &table, 3).is_empty());
        assert!(row_of(&[0, 9], &table, 0).is_empty());
    }

    /// Of the relation edges of one key the first found is kept — the first of its document
    /// in text order, of the first document that has one — whether the list settles between
    /// documents or only at the end; the list ends in key order (kinds of equal properties
    /// are one key), and only the sentences of a document's kept edges are cited.
    #[test]
    fn relation_edges_keep_the_first_of_each_key_in_key_order() {
        let rel = |(from, to, kind): (u32, u32, u32), doc: u32, slot: u32| FlatRel {
            from,
            to,
            kind,
            entry: slot,
            doc,
            start: slot,
            end: slot.wrapping_add(1),
            rule: 0,
            rel: RelType::Signed,
        };
        let docs = [
            vec![
                rel((5, 1, 0), 0, 10),
                rel((5, 1, 1), 0, 3),
                rel((2, 7, 2), 0, NOT_STORED),
                rel((5, 1, 2), 0, 1),
            ],
            vec![rel((5, 1, 0), 1, 0), rel((1, 1, 0), 1, 2)],
        ];
        for settle_each in [false, true] {
            // Kinds 0 and 1: equal properties.
            let mut edges = RelEdges::new(vec![0, 0, 1], 8);
            let mut cited = Vec::new();
            for d in &docs {
                let first = edges.list.len();
                for r in d {
                    edges.list.push(rel((r.from, r.to, r.kind), r.doc, r.entry));
                }
                edges.end_doc(first, |k| {
                    cited.push(k);
                    k as u32 + 100
                });
                if settle_each {
                    edges.settle();
                }
            }
            let got: Vec<(u32, u32, u32, u32, u32, u32)> = edges
                .into_sorted()
                .iter()
                .map(|r| (r.from, r.to, r.kind, r.doc, r.start, r.entry))
                .collect();
            assert_eq!(
                got,
                [
                    (1, 1, 0, 1, 2, 102),
                    (2, 7, 2, 0, NOT_STORED, NOT_STORED),
                    (5, 1, 0, 0, 10, 110),
                    (5, 1, 2, 0, 1, 101),
                ]
            );
            // The second document's first edge is cited, though an earlier document's
            // edge of its key is kept.
            assert_eq!(cited, [10, 1, 2, 0]);
        }
        assert!(RelEdges::new(vec![], 0).into_sorted().is_empty());
    }

    /// Edges of one relation kind share its properties (one value, not a copy each); a kind
    /// without properties, or none known, gives none.
    #[test]
    fn edges_of_one_kind_share_its_properties() {
        let title = RelProps {
            title: Some("董事长".into()),
            ..RelProps::default()
        };
        let props = vec![None, Some(Arc::new(title.clone()))];
        let flat = |kind: u32| FlatRel {
            from: 0,
            to: 1,
            kind,
            entry: NOT_STORED,
            doc: 0,
            start: 0,
            end: 1,
            rule: 0,
            rel: RelType::HoldsPosition,
        };
        let empty = Shared::from("");
        let (a, b) = (flat(1).seed(&props, &empty), flat(1).seed(&props, &empty));
        let (a, b) = (a.props.expect("props"), b.props.expect("props"));
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(*a, title);
        assert!(flat(0).seed(&props, &empty).props.is_none());
        assert!(flat(9).seed(&props, &empty).props.is_none());
    }

    /// A corpus whose records are on disk (a command-line run) keeps its MENTIONED_IN
    /// records on disk too, and its graph reads — and exports — what the graph of the same
    /// documents held in memory does.
    #[test]
    fn records_on_disk_give_the_graph_held_in_memory() {
        let docs = || {
            let mut d = crate::query::fixture::doc();
            let mut other = d.clone();
            other.meta.id = "另一篇.md".into();
            d.meta.id = "一篇.md".into();
            vec![d, other]
        };
        let held = KnowledgeGraph::build(docs());
        let mut corpus = Corpus::on_disk().expect("temporary file");
        for d in docs() {
            corpus.add(DocFacts::of(d)).expect("written");
        }
        corpus.finish();
        let lex = &Rules::builtin().lexicons;
        let disk = KnowledgeGraph::build_corpus(corpus, lex).expect("read back");
        assert!(held.mentions.len() > 4);
        assert!(!held.mentions.is_spilled() && disk.mentions.is_spilled());
        let edges = |kg: &KnowledgeGraph| {
            let all: Vec<String> = kg
                .edge_references()
                .map(|e| {
                    format!(
                        "{e:?} {}",
                        e.weight()
                            .evidence
                            .map(|v| v.sentence().to_string())
                            .unwrap_or_default()
                    )
                })
                .collect();
            let near: Vec<String> =
                kg.g.node_indices()
                    .flat_map(|n| {
                        [petgraph::Direction::Outgoing, petgraph::Direction::Incoming].map(|dir| {
                            format!(
                                "{:?}",
                                kg.edges_directed(n, dir)
                                    .map(|e| e.id())
                                    .collect::<Vec<_>>()
                            )
                        })
                    })
                    .collect();
            (all, near)
        };
        assert_eq!(edges(&disk), edges(&held));
        use crate::export::{ExportOptions, dot, graphml, json, neo4j_csv};
        let json = |kg: &KnowledgeGraph| {
            let mut buf = Vec::new();
            json::write_pretty(kg, &mut buf).expect("in memory");
            buf
        };
        assert_eq!(
            neo4j_csv::render(&disk).expect("csv"),
            neo4j_csv::render(&held).expect("csv")
        );
        assert_eq!(graphml::render(&disk), graphml::render(&held));
        assert_eq!(json(&disk), json(&held));
        let opts = ExportOptions::default();
        assert_eq!(dot::render(&disk, &opts), dot::render(&held, &opts));
        assert!(disk.mentions.check().is_ok());
    }
}
