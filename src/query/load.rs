//! Read an export folder back into the petgraph [`KnowledgeGraph`], from its `graph.json`.
//!
//! Why `graph.json` and not the Neo4j CSV files: it is the one format that carries every node
//! and edge property with its JSON type (numbers stay numbers, aliases stay arrays), so nothing
//! has to be re-parsed from strings.
//!
//! The loader is **tolerant** on purpose: exports written by a newer kgextract may carry fields
//! this version does not know (ignored) or lack optional ones (left empty). Things it cannot
//! represent — a label, relationship type or event kind this version does not know, an edge
//! whose endpoint is missing — are skipped and reported in [`Loaded::warnings`], never a panic.
//! What makes the file unusable (not JSON, no `nodes` array) is a [`LoadError`] naming the file
//! and, for syntax errors, the line and column.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;

use crate::extract::{
    EventKind, Money, OrgKind, PositionStatus, Precision, Qualifier, RelProps, RelType, TimeValue,
};
use crate::graph::{Edge, EdgeEvidence, KnowledgeGraph, Node, NodeLabel, NodeProps};

/// The file read from an export folder.
pub const GRAPH_FILE: &str = "graph.json";

/// Why an export could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(
        "{0}: no such export folder — run `kgextract extract -o {0}` first, or pass --graph DIR"
    )]
    NoFolder(PathBuf),
    #[error(
        "{0}: not found — this folder holds no JSON export (run `kgextract extract` with the json format)"
    )]
    NoGraphFile(PathBuf),
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {what}: {message}")]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        what: &'static str,
        message: String,
    },
}

/// A loaded graph and what had to be skipped on the way.
pub struct Loaded {
    pub graph: KnowledgeGraph,
    pub warnings: Vec<String>,
}

/// Load `DIR/graph.json` (or a `graph.json` path given directly).
pub fn load_dir(dir: &Path) -> Result<Loaded, LoadError> {
    let path = if dir.is_file() {
        dir.to_path_buf()
    } else if dir.is_dir() {
        dir.join(GRAPH_FILE)
    } else {
        return Err(LoadError::NoFolder(dir.to_path_buf()));
    };
    if !path.is_file() {
        return Err(LoadError::NoGraphFile(path));
    }
    let text = std::fs::read_to_string(&path).map_err(|source| LoadError::Io {
        path: path.clone(),
        source,
    })?;
    from_json_str(&text, &path)
}

/// Parse the text of a `graph.json`; `path` is only used in messages.
pub fn from_json_str(text: &str, path: &Path) -> Result<Loaded, LoadError> {
    let raw: RawGraph = serde_json::from_str(text).map_err(|e| {
        let full = e.to_string();
        let message = full
            .rsplit_once(" at line ")
            .map_or(full.as_str(), |(m, _)| m)
            .to_string();
        LoadError::Syntax {
            path: path.to_path_buf(),
            line: e.line(),
            column: e.column(),
            what: if e.is_data() {
                "not a kgextract graph ({\"nodes\": [...], \"edges\": [...]})"
            } else {
                "not valid JSON"
            },
            message,
        }
    })?;
    Ok(build(raw))
}

#[derive(Deserialize)]
struct RawGraph {
    nodes: Vec<RawNode>,
    #[serde(default)]
    edges: Vec<RawEdge>,
}

#[derive(Deserialize)]
struct RawNode {
    id: String,
    label: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    aliases: Option<Value>,
    #[serde(default)]
    mentions: Option<u64>,
    #[serde(default)]
    merged_by: Option<Value>,
    /// Mentions per name (entities with two names or more).
    #[serde(default)]
    name_counts: std::collections::BTreeMap<String, u32>,
    #[serde(default)]
    kind: Option<String>,
    // Document
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    published: Option<String>,
    // Amount
    #[serde(default)]
    value: Option<f64>,
    #[serde(default)]
    min: Option<f64>,
    #[serde(default)]
    max: Option<f64>,
    #[serde(default)]
    currency: Option<String>,
    #[serde(default)]
    qualifier: Option<String>,
    #[serde(default)]
    text: Option<String>,
    // Event: either nested `time` or flat date fields.
    #[serde(default)]
    time: Option<Value>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    date_precision: Option<String>,
    #[serde(default)]
    end_date: Option<String>,
    #[serde(default)]
    period: Option<String>,
    #[serde(default)]
    location: Option<String>,
}

#[derive(Deserialize)]
struct RawEdge {
    from: String,
    to: String,
    #[serde(rename = "type")]
    rel: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    on_behalf_of: Option<String>,
    #[serde(default)]
    lead: Option<bool>,
    #[serde(default)]
    about: Option<String>,
    #[serde(default)]
    count: Option<u64>,
    #[serde(default)]
    doc: Option<String>,
    #[serde(default)]
    sentence: Option<String>,
    #[serde(default)]
    start: Option<usize>,
    #[serde(default)]
    end: Option<usize>,
    #[serde(default)]
    rule: Option<String>,
}

fn build(raw: RawGraph) -> Loaded {
    let mut kg = KnowledgeGraph::default();
    let mut warnings = Vec::new();
    let mut skipped: HashSet<String> = HashSet::new();
    let mut seen: HashSet<String> = HashSet::new();
    for n in raw.nodes {
        let id = n.id.clone();
        match node_of(n) {
            Ok(node) => {
                if !seen.insert(id.clone()) {
                    warnings.push(format!("node {id}: duplicate id, kept the first"));
                    continue;
                }
                kg.g.add_node(node);
            }
            Err(why) => {
                warnings.push(format!("node {id}: {why}; skipped"));
                skipped.insert(id);
            }
        }
    }
    drop(seen);
    kg.index_ids();
    for e in raw.edges {
        let (Some(a), Some(b)) = (kg.index_of(&e.from), kg.index_of(&e.to)) else {
            if !(skipped.contains(&e.from) || skipped.contains(&e.to)) {
                warnings.push(format!(
                    "edge {} -[{}]-> {}: endpoint not found; skipped",
                    e.from, e.rel, e.to
                ));
            }
            continue;
        };
        let Some(rel) = rel_type(&e.rel) else {
            warnings.push(format!(
                "edge {} -[{}]-> {}: unknown relationship type; skipped",
                e.from, e.rel, e.to
            ));
            continue;
        };
        let evidence = e.doc.map(|doc| EdgeEvidence {
            doc: doc.into(),
            sentence: e.sentence.unwrap_or_default().into(),
            start: e.start.map_or(0, |x| u32::try_from(x).unwrap_or(u32::MAX)),
            end: e.end.map_or(0, |x| u32::try_from(x).unwrap_or(u32::MAX)),
            rule: crate::graph::intern_rule(e.rule.as_deref().unwrap_or("")),
        });
        let props = RelProps {
            title: e.title,
            status: e.status.as_deref().and_then(position_status),
            on_behalf_of: e.on_behalf_of,
            lead: e.lead,
            about: e.about,
        };
        kg.add_edge(
            a,
            b,
            Edge::new(
                rel,
                Edge::boxed(props),
                e.count.map(|c| c.min(u32::MAX as u64) as u32),
                evidence,
            ),
        );
    }
    Loaded {
        graph: kg,
        warnings,
    }
}

fn node_of(n: RawNode) -> Result<Node, String> {
    let label = node_label(&n.label).ok_or_else(|| format!("unknown label {:?}", n.label))?;
    let props = match label {
        NodeLabel::Document => NodeProps::Document(Box::new(crate::graph::DocumentProps {
            path: n.path.clone().unwrap_or_default(),
            title: n.title.clone(),
            published: n.published.as_deref().and_then(date),
        })),
        NodeLabel::Person => NodeProps::Person,
        NodeLabel::Organization => NodeProps::Organization {
            kind: n
                .kind
                .as_deref()
                .and_then(OrgKind::parse)
                .unwrap_or(OrgKind::Other),
        },
        NodeLabel::Role => NodeProps::Role,
        NodeLabel::Location => NodeProps::Location,
        NodeLabel::Amount => {
            let value = n.value.or(n.min).or(n.max).unwrap_or(f64::NAN);
            NodeProps::Amount(Box::new(crate::graph::AmountProps {
                money: Money {
                    value,
                    min: n.min,
                    max: n.max,
                    currency: n.currency.clone().unwrap_or_default(),
                    qualifier: n
                        .qualifier
                        .as_deref()
                        .and_then(qualifier)
                        .unwrap_or(Qualifier::Exact),
                },
                text: n
                    .text
                    .clone()
                    .or_else(|| n.name.clone())
                    .unwrap_or_default(),
            }))
        }
        NodeLabel::Event => {
            let kind = n.kind.as_deref().unwrap_or("");
            let kind = event_kind(kind).ok_or_else(|| format!("unknown event kind {kind:?}"))?;
            NodeProps::Event(Box::new(crate::graph::EventProps {
                kind,
                date: time_value(&n),
                location: n.location.clone(),
            }))
        }
    };
    Ok(Node {
        extra: crate::graph::Extra::new(
            string_set(n.aliases),
            n.name_counts,
            string_set(n.merged_by),
        ),
        name: n.name.unwrap_or_else(|| n.id.clone()),
        id: n.id,
        label,
        mentions: n.mentions.unwrap_or(1).min(u32::MAX as u64) as u32,
        props,
    })
}

/// A JSON array of strings (or one `;`-separated string) as a set.
fn string_set(v: Option<Value>) -> BTreeSet<String> {
    match v {
        Some(Value::Array(a)) => a
            .into_iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        Some(Value::String(s)) => s
            .split(';')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        _ => BTreeSet::new(),
    }
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok()
}

/// An event's time: the nested `time` object of `to_json`, or flat `date`/`period` fields.
fn time_value(n: &RawNode) -> Option<TimeValue> {
    let field = |k: &str| -> Option<String> {
        n.time
            .as_ref()
            .and_then(|t| t.get(k))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    let d = field("date").or_else(|| n.date.clone());
    if let Some(d) = d.as_deref().and_then(date) {
        let precision = field("date_precision")
            .or_else(|| n.date_precision.clone())
            .as_deref()
            .and_then(precision)
            .unwrap_or(Precision::Day);
        let end = field("end_date")
            .or_else(|| n.end_date.clone())
            .as_deref()
            .and_then(date);
        return Some(TimeValue::Date {
            date: d,
            precision,
            end,
        });
    }
    field("period")
        .or_else(|| n.period.clone())
        .map(|text| TimeValue::Period { text })
}

// Name → enum lookups. Each goes through the enum's own `as_str` (the one mapping to Neo4j
// names), so the spelling lives in one place. Event kinds are the enum most likely to grow:
// the exhaustive `match` guarding `EventKind::ALL` stops compiling when a variant is added.

fn node_label(s: &str) -> Option<NodeLabel> {
    NodeLabel::ALL.into_iter().find(|l| l.as_str() == s)
}

/// Relationship type by its Neo4j name (`SIGNED`).
pub fn rel_type(s: &str) -> Option<RelType> {
    RelType::ALL.into_iter().find(|r| r.as_str() == s)
}

/// Event kind by name, case-insensitive (`signing`, `Signing`).
pub fn event_kind(s: &str) -> Option<EventKind> {
    EventKind::ALL
        .into_iter()
        .find(|k| k.as_str().eq_ignore_ascii_case(s))
}

fn precision(s: &str) -> Option<Precision> {
    [
        Precision::Day,
        Precision::Month,
        Precision::Quarter,
        Precision::Half,
        Precision::Year,
    ]
    .into_iter()
    .find(|p| p.as_str() == s)
}

fn qualifier(s: &str) -> Option<Qualifier> {
    [
        Qualifier::Exact,
        Qualifier::MoreThan,
        Qualifier::AtLeast,
        Qualifier::AtMost,
        Qualifier::Approx,
        Qualifier::Level,
        Qualifier::Vague,
        Qualifier::Range,
    ]
    .into_iter()
    .find(|q| q.as_str() == s)
}

fn position_status(s: &str) -> Option<PositionStatus> {
    [
        PositionStatus::Current,
        PositionStatus::Former,
        PositionStatus::New,
        PositionStatus::Acting,
    ]
    .into_iter()
    .find(|p| p.as_str() == s)
}
