//! Stage 6 — graph: per-document extractions → one petgraph knowledge graph.
//!
//! Nodes and edges are typed structs. Node ids are deterministic content keys
//! (`label:key(name)` hashed), so the same entity has the same id in every run and shard.
//! Documents are added in id order, so the graph never depends on thread count or input order.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::extract::{
    Attrs, DocExtraction, EventKind, Label, Money, NodeRef, OrgKind, RelProps, RelType, TimeValue,
};

/// Node labels (the first Neo4j label).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeLabel {
    Document,
    Person,
    Organization,
    Role,
    Location,
    Amount,
    Event,
}

impl NodeLabel {
    pub fn as_str(self) -> &'static str {
        match self {
            NodeLabel::Document => "Document",
            NodeLabel::Person => "Person",
            NodeLabel::Organization => "Organization",
            NodeLabel::Role => "Role",
            NodeLabel::Location => "Location",
            NodeLabel::Amount => "Amount",
            NodeLabel::Event => "Event",
        }
    }
    pub const ALL: [NodeLabel; 7] = [
        NodeLabel::Document,
        NodeLabel::Person,
        NodeLabel::Organization,
        NodeLabel::Role,
        NodeLabel::Location,
        NodeLabel::Amount,
        NodeLabel::Event,
    ];
    pub fn of(label: Label) -> Option<NodeLabel> {
        Some(match label {
            Label::Person => NodeLabel::Person,
            Label::Organization => NodeLabel::Organization,
            Label::Role => NodeLabel::Role,
            Label::Location => NodeLabel::Location,
            Label::Amount => NodeLabel::Amount,
            Label::Date => return None,
        })
    }
}

/// Label-specific node properties.
#[derive(Clone, Debug, PartialEq)]
pub enum NodeProps {
    Document {
        path: String,
        title: Option<String>,
        published: Option<NaiveDate>,
    },
    Person,
    Organization {
        kind: OrgKind,
    },
    Role,
    Location,
    Amount {
        money: Money,
        /// The original surface text.
        text: String,
    },
    Event {
        kind: EventKind,
        date: Option<TimeValue>,
        location: Option<String>,
    },
}

/// A node of the knowledge graph.
#[derive(Clone, Debug)]
pub struct Node {
    /// Deterministic content key (see module doc).
    pub id: String,
    pub label: NodeLabel,
    pub name: String,
    /// Other surface forms seen for this entity.
    pub aliases: BTreeSet<String>,
    /// How many mentions were merged into this node.
    pub mentions: u32,
    pub props: NodeProps,
}

/// Where an edge was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EdgeEvidence {
    pub doc: String,
    pub sentence: String,
    pub start: usize,
    pub end: usize,
    pub rule: &'static str,
}

/// An edge of the knowledge graph.
#[derive(Clone, Debug)]
pub struct Edge {
    pub rel: RelType,
    pub props: RelProps,
    /// MENTIONED_IN: how often.
    pub count: Option<u32>,
    pub evidence: Option<EdgeEvidence>,
}

/// The knowledge graph of one run.
#[derive(Default)]
pub struct KnowledgeGraph {
    pub g: DiGraph<Node, Edge>,
    pub by_id: HashMap<String, NodeIndex>,
}

/// A short, stable hash (FNV-1a 64) for ids.
pub fn stable_hash(s: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

/// The id of an entity node: label prefix + hash of the name key.
pub fn node_id(label: NodeLabel, key: &str) -> String {
    let prefix = match label {
        NodeLabel::Document => "doc",
        NodeLabel::Person => "per",
        NodeLabel::Organization => "org",
        NodeLabel::Role => "role",
        NodeLabel::Location => "loc",
        NodeLabel::Amount => "amt",
        NodeLabel::Event => "evt",
    };
    format!("{prefix}_{}", stable_hash(key))
}

impl KnowledgeGraph {
    fn upsert(&mut self, node: Node) -> NodeIndex {
        if let Some(&ix) = self.by_id.get(&node.id) {
            let n = &mut self.g[ix];
            n.mentions += node.mentions;
            if node.name != n.name {
                n.aliases.insert(node.name);
            }
            n.aliases.extend(node.aliases);
            return ix;
        }
        let id = node.id.clone();
        let ix = self.g.add_node(node);
        self.by_id.insert(id, ix);
        ix
    }

    /// Build the graph from per-document results (sorted by document id here).
    pub fn build(mut docs: Vec<DocExtraction>) -> KnowledgeGraph {
        docs.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
        let mut kg = KnowledgeGraph::default();
        for d in &docs {
            kg.add_document(d);
        }
        kg
    }

    fn add_document(&mut self, d: &DocExtraction) {
        let doc_ix = self.upsert(Node {
            id: node_id(NodeLabel::Document, &d.meta.id),
            label: NodeLabel::Document,
            name: d.meta.title.clone().unwrap_or_else(|| d.meta.id.clone()),
            aliases: BTreeSet::new(),
            mentions: 1,
            props: NodeProps::Document {
                path: d.meta.id.clone(),
                title: d.meta.title.clone(),
                published: d.meta.published,
            },
        });
        let mut mention_ix: Vec<Option<NodeIndex>> = Vec::with_capacity(d.mentions.len());
        let mut counts: BTreeMap<NodeIndex, u32> = BTreeMap::new();
        for m in &d.mentions {
            let Some(label) = NodeLabel::of(m.label) else {
                mention_ix.push(None);
                continue;
            };
            let k = crate::link::key(&m.name);
            let props = match (&m.attrs, label) {
                (Attrs::Org { kind }, _) => NodeProps::Organization { kind: *kind },
                (_, NodeLabel::Organization) => NodeProps::Organization {
                    kind: OrgKind::Other,
                },
                (Attrs::Amount(money), _) => NodeProps::Amount {
                    money: money.clone(),
                    text: m.text.clone(),
                },
                (_, NodeLabel::Person) => NodeProps::Person,
                (_, NodeLabel::Role) => NodeProps::Role,
                _ => NodeProps::Location,
            };
            if label == NodeLabel::Amount && !matches!(props, NodeProps::Amount { .. }) {
                mention_ix.push(None);
                continue;
            }
            let mut aliases = BTreeSet::new();
            if m.text != m.name {
                aliases.insert(m.text.clone());
            }
            let ix = self.upsert(Node {
                id: node_id(label, &k),
                label,
                name: m.name.clone(),
                aliases,
                mentions: 1,
                props,
            });
            *counts.entry(ix).or_default() += 1;
            mention_ix.push(Some(ix));
        }
        let mut event_ix = Vec::with_capacity(d.events.len());
        for e in &d.events {
            let key = format!(
                "{}|{}|{}",
                e.kind.as_str(),
                d.meta.id,
                crate::link::key(&e.name)
            );
            let location = e
                .location
                .and_then(|i| d.mentions.get(i))
                .map(|m| m.name.clone());
            let ix = self.upsert(Node {
                id: node_id(NodeLabel::Event, &key),
                label: NodeLabel::Event,
                name: e.name.clone(),
                aliases: BTreeSet::new(),
                mentions: 1,
                props: NodeProps::Event {
                    kind: e.kind,
                    date: e.date.clone(),
                    location,
                },
            });
            *counts.entry(ix).or_default() += 1;
            event_ix.push(ix);
        }
        let resolve = |r: NodeRef| -> Option<NodeIndex> {
            match r {
                NodeRef::Mention(i) => mention_ix.get(i).copied().flatten(),
                NodeRef::Event(i) => event_ix.get(i).copied(),
            }
        };
        for r in &d.relations {
            let (Some(a), Some(b)) = (resolve(r.from), resolve(r.to)) else {
                continue;
            };
            let evidence = EdgeEvidence {
                doc: d.meta.id.clone(),
                sentence: d
                    .sentences
                    .get(r.evidence.sentence)
                    .cloned()
                    .unwrap_or_default(),
                start: r.evidence.start,
                end: r.evidence.end,
                rule: r.evidence.rule.as_str(),
            };
            // One edge per (from, to, type, title): repeated evidence does not duplicate edges.
            let dup = self
                .g
                .edges_connecting(a, b)
                .any(|e| e.weight().rel == r.rel && e.weight().props.title == r.props.title);
            if !dup {
                self.g.add_edge(
                    a,
                    b,
                    Edge {
                        rel: r.rel,
                        props: r.props.clone(),
                        count: None,
                        evidence: Some(evidence),
                    },
                );
            }
        }
        for (ix, n) in counts {
            self.g.add_edge(
                ix,
                doc_ix,
                Edge {
                    rel: RelType::MentionedIn,
                    props: RelProps::default(),
                    count: Some(n),
                    evidence: None,
                },
            );
        }
    }

    pub fn node_count(&self) -> usize {
        self.g.node_count()
    }
    pub fn edge_count(&self) -> usize {
        self.g.edge_count()
    }
}
