//! Read-only helpers over a [`KnowledgeGraph`] shared by the questions: name matching,
//! an event's date and place, neighbours by relationship type, evidence columns.

use crate::graph::EdgeRef;
use chrono::NaiveDate;
use petgraph::Direction;
use petgraph::graph::NodeIndex;
use serde_json::{Value, json};

use super::Filters;
use crate::extract::{EventKind, RelType, TimeValue};
use crate::graph::{EdgeView, KnowledgeGraph, Node, NodeLabel, NodeProps};
use crate::link::key;

/// Does `needle` (already a [`key`]) occur in the node's name or one of its aliases?
pub fn name_contains(node: &Node, needle: &str) -> bool {
    !needle.is_empty()
        && (key(&node.name).contains(needle)
            || node.aliases().iter().any(|a| key(a).contains(needle)))
}

/// Is the node's name or one of its aliases exactly `k` (a [`key`])?
pub fn name_is(node: &Node, k: &str) -> bool {
    key(&node.name) == k || node.aliases().iter().any(|a| key(a) == k)
}

/// The date, kind and place of an event node.
#[derive(Clone, Debug, Default)]
pub struct EventInfo {
    pub kind: Option<EventKind>,
    pub date: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// A period that is not a date (`未来三年`), if that is all we know.
    pub period: Option<String>,
    pub place: Option<String>,
}

impl EventInfo {
    /// The `date` column: ISO `YYYY-MM-DD` (first day for month/year precision), or null.
    pub fn date_value(&self) -> Value {
        match self.date {
            Some(d) => json!(d.to_string()),
            None => Value::Null,
        }
    }
    /// Does the event fall in `--from`/`--to`? Without those filters, always; with them, an
    /// event without a date never does.
    pub fn in_range(&self, f: &Filters) -> bool {
        if f.from.is_none() && f.to.is_none() {
            return true;
        }
        let Some(start) = self.date else {
            return false;
        };
        let end = self.end.unwrap_or(start);
        f.from.is_none_or(|from| end >= from) && f.to.is_none_or(|to| start <= to)
    }
    /// Does the event have the `--kind` asked for (always, without `--kind`)?
    pub fn kind_ok(&self, f: &Filters) -> bool {
        f.kind.is_none_or(|k| self.kind == Some(k))
    }
}

/// Date, kind and place of `ix` (empty for a node that is not an event).
///
/// The place is the event's `location` property, else the names of its LOCATED_IN targets
/// (sorted, joined with `, `). What the event itself lacks — a date (or period), a place — is
/// taken from the first event it is PART_OF (by name) that has it: a signing held during a
/// forum happened on the forum's day, at the forum's place. One level only.
pub fn event_info(kg: &KnowledgeGraph, ix: NodeIndex) -> EventInfo {
    let mut info = own_event_info(kg, ix);
    if info.kind.is_none() {
        return info;
    }
    let undated = info.date.is_none() && info.period.is_none();
    if undated || info.place.is_none() {
        for p in neighbours(kg, ix, Direction::Outgoing, RelType::PartOf) {
            let parent = own_event_info(kg, p);
            if info.date.is_none() && info.period.is_none() {
                info.date = parent.date;
                info.end = parent.end;
                info.period = parent.period;
            }
            if info.place.is_none() {
                info.place = parent.place;
            }
        }
    }
    info
}

fn own_event_info(kg: &KnowledgeGraph, ix: NodeIndex) -> EventInfo {
    let NodeProps::Event(e) = &kg.g[ix].props else {
        return EventInfo::default();
    };
    let (kind, date, location) = (&e.kind, &e.date, &e.location);
    let mut info = EventInfo {
        kind: Some(*kind),
        ..EventInfo::default()
    };
    match date {
        Some(TimeValue::Date { date, end, .. }) => {
            info.date = Some(*date);
            info.end = *end;
        }
        Some(TimeValue::Period { text }) => info.period = Some(text.clone()),
        None => {}
    }
    info.place = location.clone().or_else(|| {
        let places = neighbours(kg, ix, Direction::Outgoing, RelType::LocatedIn);
        (!places.is_empty()).then(|| names(kg, &places).join(", "))
    });
    info
}

/// Edges of one type at `ix` in one direction, in a stable order (by the other node's name).
pub fn edges_of(
    kg: &KnowledgeGraph,
    ix: NodeIndex,
    dir: Direction,
    rel: RelType,
) -> Vec<EdgeRef<'_>> {
    let mut v: Vec<_> = kg
        .edges_directed(ix, dir)
        .filter(|e| e.weight().rel == rel)
        .collect();
    v.sort_by(|a, b| {
        let (x, y) = (other(a, ix), other(b, ix));
        (&kg.g[x].name, &kg.g[x].id).cmp(&(&kg.g[y].name, &kg.g[y].id))
    });
    v
}

/// The node at the other end of `e` from `ix`.
pub fn other(e: &EdgeRef<'_>, ix: NodeIndex) -> NodeIndex {
    if e.source() == ix {
        e.target()
    } else {
        e.source()
    }
}

/// Distinct neighbours over edges of one type, sorted by name.
pub fn neighbours(
    kg: &KnowledgeGraph,
    ix: NodeIndex,
    dir: Direction,
    rel: RelType,
) -> Vec<NodeIndex> {
    let mut v: Vec<NodeIndex> = edges_of(kg, ix, dir, rel)
        .iter()
        .map(|e| other(e, ix))
        .collect();
    v.dedup();
    v
}

/// Names of nodes, deduplicated, in the given order.
pub fn names(kg: &KnowledgeGraph, ixs: &[NodeIndex]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for &i in ixs {
        let n = &kg.g[i].name;
        if !out.contains(n) {
            out.push(n.clone());
        }
    }
    out
}

/// `evidence` and `doc` columns of an edge (null when the edge carries none).
pub fn evidence_values(e: &EdgeView) -> (Value, Value) {
    match &e.evidence {
        Some(ev) => (json!(ev.sentence().as_str()), json!(&**ev.doc)),
        None => (Value::Null, Value::Null),
    }
}

/// The ids (paths) of the documents a node is MENTIONED_IN, sorted.
pub fn documents(kg: &KnowledgeGraph, ix: NodeIndex) -> Vec<String> {
    let mut v: Vec<String> = neighbours(kg, ix, Direction::Outgoing, RelType::MentionedIn)
        .into_iter()
        .map(|d| match &kg.g[d].props {
            NodeProps::Document(d) if !d.path.is_empty() => d.path.clone(),
            _ => kg.g[d].name.clone(),
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

/// A string or null.
pub fn opt(s: Option<&str>) -> Value {
    s.map_or(Value::Null, |s| json!(s))
}

/// Does an optional filter match a node with the given label? `None` filter: always.
pub fn filter_hits(filter: &Option<String>, node: &Node, label: NodeLabel) -> bool {
    match filter {
        None => true,
        Some(f) => node.label == label && name_contains(node, &key(f)),
    }
}
