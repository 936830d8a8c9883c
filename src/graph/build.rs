//! Building the graph: resolve first, then add nodes in id order, then edges in sorted order.
//!
//! Edges are deduplicated on (from, type, to, properties): the same fact found twice — in two
//! sentences or two documents — is one edge, carrying the evidence of its first occurrence
//! (documents in id order, relations in text order). MENTIONED_IN edges link each entity and
//! event to every document it occurs in, with `count` and the evidence of its first mention.

use petgraph::graph::NodeIndex;
use std::collections::{BTreeMap, BTreeSet};

use super::{
    Edge, EdgeEvidence, KnowledgeGraph, Node, NodeLabel, NodeProps, Rule, Shared, node_id,
};
use crate::extract::{DocExtraction, DocMeta, NodeRef, RelProps, RelType};
use crate::link::facts::{Corpus, DocCore, DocRest, read_rest};
use crate::link::{NO_ENTITY, Resolved, resolve};
use crate::rules::{LexiconSet, Rules};

/// A sortable identity for an edge: (from node, type, to node, properties rendered). Nodes are
/// added in id order, so comparing node indices compares ids.
type EdgeKey = (u32, RelType, u32, PropsKey);

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
        let mut resolved = resolve(&corpus, lex);
        let Corpus {
            mut docs,
            strs,
            names,
            rules: doc_rules,
            rel_kinds,
            records,
            ..
        } = corpus;
        let tables = Tables {
            strs: &strs,
            names: &names,
            rules: &doc_rules,
            rel_kinds: &rel_kinds,
        };
        // The node ids with where each node comes from (a document, then an entity: index
        // `docs.len() + i`), sorted by id: a node's index is the rank of its id, known before
        // any node exists, so the nodes are made only once the documents have been freed
        // (made while they were still held, they were the peak of a run at 200 MB of input:
        // issue 8). Of nodes with one id (none in practice) the last one made is kept, as a
        // map's `insert` kept it; every source with that id refers to that node.
        let n_docs = docs.len();
        let mut order: Vec<(String, u32)> = Vec::with_capacity(n_docs + resolved.entities.len());
        for (i, d) in docs.iter().enumerate() {
            order.push((node_id(NodeLabel::Document, &d.meta.id), i as u32));
        }
        for (i, e) in resolved.entities.iter().enumerate() {
            order.push((e.id.clone(), (n_docs + i) as u32));
        }
        order.sort_unstable();
        let mut node_of = vec![0u32; order.len()];
        let mut rank = 0u32;
        for (k, (id, src)) in order.iter().enumerate() {
            if k > 0 && *id != order[k - 1].0 {
                rank += 1;
            }
            node_of[*src as usize] = rank;
        }
        order.dedup_by(|later, earlier| {
            let same = later.0 == earlier.0;
            if same {
                std::mem::swap(later, earlier);
            }
            same
        });
        let (doc_ix, ent_ix) = node_of.split_at(n_docs);
        // What the nodes read of the documents is taken now (the entities' properties were
        // read by `resolve`): each document's metadata.
        let mut entities = std::mem::take(&mut resolved.entities);
        let mut metas: Vec<DocMeta> = docs
            .iter_mut()
            .map(|d| std::mem::take(&mut d.meta))
            .collect();
        let doc_names: Vec<Shared> = metas.iter().map(|m| Shared::from(m.id.as_str())).collect();
        let merges = std::mem::take(&mut resolved.merges);
        // The documents are handed over and dropped one by one as their edges are made, so
        // the per-document results and the collected edges are not both held whole.
        let (rels, mentioned, rules) = collect_edges(
            docs,
            records.into_reader()?,
            &tables,
            doc_ix,
            ent_ix,
            resolved,
            order.len(),
        )?;
        drop((strs, names, rel_kinds));
        let rules: Vec<Rule> = rules.into_iter().map(Rule::of).collect();
        let mut kg = KnowledgeGraph {
            merges,
            ..KnowledgeGraph::default()
        };
        kg.g.reserve_nodes(order.len());
        for (id, src) in order {
            let src = src as usize;
            let node = match metas.get_mut(src) {
                Some(m) => document_node(id, std::mem::take(m)),
                None => entity_node(&mut entities[src - n_docs], id),
            };
            let key = node.id.clone();
            let ix = kg.g.add_node(node);
            kg.by_id.insert(key, ix);
        }
        drop(entities);
        drop(metas);
        // One allocation of the final size (growing by doubling held up to 1.5× the edges
        // twice over while copying); its pages are touched only as edges are written, while
        // the chunks of MENTIONED_IN seeds are freed one by one as they are copied.
        kg.g.reserve_exact_edges(rels.len());
        kg.mentions.reserve_exact(mentioned.len);
        // The two sorted sequences merged: (from, type, to, properties) order. MENTIONED_IN
        // is never a key of `rels`, so two keys never tie.
        // The document of each document node (the last one with that node, as the seeds of
        // the last one are kept).
        let mut doc_of_node = vec![u32::MAX; kg.g.node_count()];
        for (di, &n) in doc_ix.iter().enumerate() {
            if let Some(d) = doc_of_node.get_mut(n as usize) {
                *d = di as u32;
            }
        }
        let mut rels = rels.into_iter().peekable();
        let mut mentioned = mentioned.into_sorted().peekable();
        loop {
            let from_rels = match (rels.peek(), mentioned.peek()) {
                (Some((k, _)), Some(m)) => (k.0, k.1, k.2) < (m.from, RelType::MentionedIn, m.to),
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            let (a, rel, b, seed) = if from_rels {
                let Some((k, seed)) = rels.next() else { break };
                (k.0, k.1, k.2, seed)
            } else {
                let Some(m) = mentioned.next() else { break };
                let doc = doc_of_node.get(m.to as usize).copied().unwrap_or(u32::MAX);
                (m.from, RelType::MentionedIn, m.to, m.seed(doc))
            };
            if a == u32::MAX || b == u32::MAX {
                continue;
            }
            kg.add_edge(
                NodeIndex::new(a as usize),
                NodeIndex::new(b as usize),
                seed.edge(rel, &doc_names, &rules),
            );
        }
        Ok(kg)
    }
}

/// The node of an entity (it gives up its names and properties).
fn entity_node(e: &mut crate::link::Entity, id: String) -> Node {
    Node {
        id,
        label: e.label,
        name: std::mem::take(&mut e.name),
        aliases: std::mem::take(&mut e.aliases),
        mentions: e.mentions,
        merged_by: std::mem::take(&mut e.merged_by),
        props: std::mem::replace(&mut e.props, NodeProps::Person),
    }
}

/// The node of a document.
fn document_node(id: String, meta: DocMeta) -> Node {
    Node {
        id,
        label: NodeLabel::Document,
        name: meta.title.clone().unwrap_or_else(|| meta.id.clone()),
        aliases: BTreeSet::new(),
        mentions: 1,
        merged_by: BTreeSet::new(),
        props: NodeProps::Document {
            path: meta.id,
            title: meta.title,
            published: meta.published,
        },
    }
}

/// What the edge map (and [`Mentioned`], for MENTIONED_IN) holds of an edge until the graph
/// is made: its type is in the key, its document and rule indices, its properties boxed (most
/// edges have none), its count 0 for none — 40 bytes, against an [`Edge`]'s 56, one per edge
/// of the graph.
struct Seed {
    props: Option<Box<RelProps>>,
    sentence: Shared,
    doc: u32,
    start: u32,
    end: u32,
    /// MENTIONED_IN's count (at least 1); 0 for the other types, which have none.
    count: u32,
    /// Index into the rule table of [`collect_edges`].
    rule: u16,
}

impl Seed {
    fn edge(self, rel: RelType, doc_names: &[Shared], rules: &[Rule]) -> Edge {
        Edge::new(
            rel,
            self.props,
            (self.count > 0).then_some(self.count),
            Some(EdgeEvidence {
                doc: doc_names[self.doc as usize].clone(),
                sentence: self.sentence,
                start: self.start,
                end: self.end,
                rule: rules
                    .get(self.rule as usize)
                    .copied()
                    .unwrap_or_else(|| Rule::of("")),
            }),
        )
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

/// A MENTIONED_IN edge until the graph is made: its ends (node indices) and what a [`Seed`]
/// holds of it but the properties (it has none) and the document (the one of node `to`) —
/// 32 bytes (48 with a whole seed), one per MENTIONED_IN edge, collected while the
/// documents are still held: the peak of a run.
struct MentionSeed {
    from: u32,
    to: u32,
    sentence: Shared,
    start: u32,
    end: u32,
    count: u32,
    rule: u16,
}

impl MentionSeed {
    fn new(from: u32, to: u32, seed: Seed) -> MentionSeed {
        MentionSeed {
            from,
            to,
            sentence: seed.sentence,
            start: seed.start,
            end: seed.end,
            count: seed.count,
            rule: seed.rule,
        }
    }

    /// The seed again; `doc` is the document of node `to`.
    fn seed(self, doc: u32) -> Seed {
        Seed {
            props: None,
            sentence: self.sentence,
            doc,
            start: self.start,
            end: self.end,
            count: self.count,
            rule: self.rule,
        }
    }
}

/// Seeds of MENTIONED_IN edges per entity and document, in chunks by source node (chunk `c`
/// holds the sources of one range of node indices), each chunk sorted by (source, document
/// node) once every document is in: read in order, they are in key order, and each chunk is
/// freed as soon as it has been read — the seeds and the graph's edge vector are never both
/// held whole (a map of all the edges, freed in key order after being filled in document
/// order, gave its memory back only at the end).
struct Mentioned {
    chunks: Vec<Vec<MentionSeed>>,
    /// Node indices per chunk.
    span: usize,
    /// Seeds in all chunks.
    len: usize,
}

impl Mentioned {
    /// About `CHUNK` seeds per chunk for `bound` seeds at most, over `nodes` nodes.
    fn new(nodes: usize, bound: usize) -> Mentioned {
        const CHUNK: usize = 1 << 16;
        let n = bound.div_ceil(CHUNK).clamp(1, nodes.max(1));
        Mentioned {
            chunks: (0..n).map(|_| Vec::new()).collect(),
            span: nodes.div_ceil(n).max(1),
            len: 0,
        }
    }

    fn push(&mut self, m: MentionSeed) {
        let c = (m.from as usize / self.span).min(self.chunks.len() - 1);
        self.chunks[c].push(m);
        self.len += 1;
    }

    /// Sort each chunk by (source, document node); of seeds with the same ends (two documents
    /// with the same node) the last one pushed is kept, as a map's `insert` keeps it.
    fn finish(&mut self) {
        let mut len = 0;
        for c in &mut self.chunks {
            c.sort_by_key(|m| (m.from, m.to));
            c.dedup_by(|later, earlier| {
                let same = (later.from, later.to) == (earlier.from, earlier.to);
                if same {
                    std::mem::swap(later, earlier);
                }
                same
            });
            len += c.len();
        }
        self.len = len;
    }

    /// The seeds in key order; each chunk is dropped once read.
    fn into_sorted(self) -> impl Iterator<Item = MentionSeed> {
        self.chunks.into_iter().flatten()
    }
}

/// The corpus tables [`collect_edges`] reads the documents' records with.
struct Tables<'a> {
    strs: &'a crate::link::facts::Interner,
    names: &'a [crate::link::facts::MentionName],
    rules: &'a [crate::rules::RuleId],
    rel_kinds: &'a [(RelType, Option<Box<RelProps>>)],
}

impl Tables<'_> {
    fn rule(&self, i: u16) -> &'static str {
        self.rules.get(i as usize).map_or("", |r| r.as_str())
    }
}

type Collected = (BTreeMap<EdgeKey, Seed>, Mentioned, Vec<&'static str>);

fn collect_edges(
    docs: Vec<DocCore>,
    mut reader: crate::link::records::RecordReader,
    t: &Tables,
    doc_ix: &[u32],
    ent_ix: &[u32],
    resolved: Resolved,
    nodes: usize,
) -> std::io::Result<Collected> {
    let mut edges: BTreeMap<EdgeKey, Seed> = BTreeMap::new();
    let mut rules = RuleTable::default();
    let empty = Shared::from("");
    let Resolved {
        mention_entity,
        mention_start,
        event_entity,
        ..
    } = resolved;
    // At most one MENTIONED_IN edge per mention record and event.
    let bound = mention_entity.len() + event_entity.iter().map(Vec::len).sum::<usize>();
    let mut mentioned = Mentioned::new(nodes, bound);
    let (mut buf, mut shared, mut rest) = (Vec::new(), Default::default(), DocRest::default());
    for (di, (d, event_row)) in docs.into_iter().zip(event_entity).enumerate() {
        let d = &d;
        read_rest(d, &mut reader, &mut buf, &mut shared, &mut rest)?;
        let rest = &rest;
        let mention_row = match (mention_start.get(di), mention_start.get(di + 1)) {
            (Some(&a), Some(&b)) => &mention_entity[a..b],
            _ => &[],
        };
        let doc_id = doc_ix[di];
        let doc = di as u32;
        let ent = |nr: NodeRef| -> Option<u32> {
            let i = match nr {
                NodeRef::Mention(i) => *mention_row.get(i).filter(|&&e| e != NO_ENTITY)? as usize,
                NodeRef::Event(i) => *event_row.get(i)?,
            };
            Some(ent_ix[i])
        };
        let sentence = |i: u32| rest.sentence(i).cloned().unwrap_or_else(|| empty.clone());
        // A mention's evidence sentence; its own text if the sentence was not kept.
        let mention_sentence = |text: u32, at: u32| {
            let s = sentence(at);
            if s.trim().is_empty() {
                Shared::from(t.strs.get(text))
            } else {
                s
            }
        };
        for rel in &rest.relations {
            let (Some(a), Some(b)) = (ent(rel.from), ent(rel.to)) else {
                continue;
            };
            let Some((rel_type, props)) = t.rel_kinds.get(rel.kind as usize) else {
                continue;
            };
            if *rel_type == RelType::MentionedIn {
                continue; // made below, from the mentions themselves
            }
            let pk = PropsKey::of(props.as_deref());
            edges.entry((a, *rel_type, b, pk)).or_insert_with(|| Seed {
                props: props.clone(),
                count: 0,
                doc,
                sentence: sentence(rel.at.sentence),
                start: rel.at.start,
                end: rel.at.end,
                rule: rules.index(t.rule(rel.at.rule)),
            });
        }
        // MENTIONED_IN: count + first occurrence, per entity and document.
        let mut seen: BTreeMap<u32, (u32, Seed)> = BTreeMap::new();
        for (mi, (m, at)) in d.mentions.iter().zip(&rest.mentions).enumerate() {
            let Some(a) = ent(NodeRef::Mention(mi)) else {
                continue;
            };
            let text = t.names.get(m.name as usize).map_or(u32::MAX, |n| n.text);
            seen.entry(a)
                .or_insert_with(|| {
                    (
                        0,
                        Seed {
                            props: None,
                            count: 0,
                            doc,
                            sentence: mention_sentence(text, at.sentence),
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
                        Seed {
                            props: None,
                            count: 0,
                            doc,
                            sentence: sentence(ev.sentence),
                            start: ev.start,
                            end: ev.end,
                            rule: rules.index(t.rule(ev.rule)),
                        },
                    )
                })
                .0 += 1;
        }
        for (a, (count, mut seed)) in seen {
            if a == u32::MAX || doc_id == u32::MAX {
                continue; // not a node (never made into an edge)
            }
            seed.count = count;
            mentioned.push(MentionSeed::new(a, doc_id, seed));
        }
    }
    mentioned.finish();
    Ok((edges, mentioned, rules.list))
}
