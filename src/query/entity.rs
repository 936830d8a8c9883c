//! `query person NAME` / `query org NAME`: everything known about one entity.
//!
//! NAME resolves through names and aliases ([`super::suggest::resolve`]); two people with the
//! same name are two nodes and both are shown (the `entity_id` column tells them apart). One
//! row per relationship of the entity, in either direction, with the node at the other end;
//! for events also their date and place. Unknown names answer with suggestions, not an error.
//! Without NAME, every entity of the label is listed (the twin of the Cypher query).

use petgraph::Direction;
use petgraph::graph::NodeIndex;
use serde_json::{Value, json};

use super::Answer;
use super::suggest;
use super::view::{self, event_info, opt};
use crate::graph::{KnowledgeGraph, NodeLabel, NodeProps};

pub const COLUMNS: [&str; 11] = [
    "entity",
    "entity_id",
    "relation",
    "direction",
    "other",
    "other_label",
    "detail",
    "date",
    "place",
    "evidence",
    "doc",
];

pub fn answer(kg: &KnowledgeGraph, label: NodeLabel, name: Option<&str>) -> Answer {
    let mut a = Answer::new(COLUMNS.to_vec());
    a.table_hidden = vec!["entity_id", "other_label"];
    let what = match label {
        NodeLabel::Person => "person",
        NodeLabel::Organization => "organization",
        _ => "entity",
    };
    let targets: Vec<NodeIndex> = match name {
        Some(n) => {
            let v = suggest::resolve(kg, &[label], n);
            if v.is_empty() {
                a.notes = suggest::not_found(kg, &[label], what, n);
                return a;
            }
            v
        }
        None => {
            let mut v: Vec<NodeIndex> =
                kg.g.node_indices()
                    .filter(|&i| kg.g[i].label == label)
                    .collect();
            v.sort_by(|x, y| (&kg.g[*x].name, &kg.g[*x].id).cmp(&(&kg.g[*y].name, &kg.g[*y].id)));
            v
        }
    };
    if name.is_some() {
        for &t in &targets {
            a.header.push(header(kg, t));
        }
    }
    for t in targets {
        rows_of(kg, t, &mut a.rows);
    }
    a
}

fn header(kg: &KnowledgeGraph, t: NodeIndex) -> String {
    let n = &kg.g[t];
    let mut s = format!("{} {} ({})", n.label.as_str(), n.name, n.id);
    if !n.aliases().is_empty() {
        let al: Vec<&str> = n.aliases().iter().map(String::as_str).collect();
        s.push_str(&format!(" — also called {}", al.join(", ")));
    }
    s.push_str(&format!(" — {} mention(s)", n.mentions));
    if let NodeProps::Organization { kind } = &n.props {
        s.push_str(&format!(", kind {}", kind.as_str()));
    }
    let docs = view::documents(kg, t);
    if !docs.is_empty() {
        s.push_str(&format!(", in {}", docs.join(", ")));
    }
    s
}

fn rows_of(kg: &KnowledgeGraph, t: NodeIndex, out: &mut Vec<Vec<Value>>) {
    let me = &kg.g[t];
    let mut keyed = Vec::new();
    for dir in [Direction::Outgoing, Direction::Incoming] {
        for e in kg.edges_directed(t, dir) {
            let w = e.weight();
            let o = if dir == Direction::Outgoing {
                e.target()
            } else {
                e.source()
            };
            let other = &kg.g[o];
            let mut detail = Vec::new();
            if let Some(x) = &w.props().title {
                detail.push(format!("title: {x}"));
            }
            if let Some(x) = w.props().status {
                detail.push(format!("status: {}", x.as_str()));
            }
            if let Some(x) = &w.props().on_behalf_of {
                detail.push(format!("for: {x}"));
            }
            if let Some(x) = &w.props().about {
                detail.push(format!("about: {x}"));
            }
            if w.props().lead == Some(true) {
                detail.push("lead".to_string());
            }
            if let Some(c) = w.count() {
                detail.push(format!("count: {c}"));
            }
            let other_name = match &other.props {
                NodeProps::Document(d) if !d.path.is_empty() => d.path.clone(),
                _ => other.name.clone(),
            };
            let info = event_info(kg, o);
            let (evidence, doc) = view::evidence_values(w);
            let dir_s = if dir == Direction::Outgoing {
                "out"
            } else {
                "in"
            };
            let detail = (!detail.is_empty()).then(|| detail.join(", "));
            let row = vec![
                json!(me.name),
                json!(me.id),
                json!(w.rel.as_str()),
                json!(dir_s),
                json!(other_name),
                json!(other.label.as_str()),
                opt(detail.as_deref()),
                info.date_value(),
                opt(info.place.as_deref()),
                evidence,
                doc,
            ];
            // Same order as the Cypher twin: relation, outgoing first, other end's name, detail
            // (empty last).
            keyed.push((
                (
                    w.rel.as_str(),
                    dir == Direction::Incoming,
                    other_name,
                    detail.is_none(),
                    detail,
                    other.id.clone(),
                ),
                row,
            ));
        }
    }
    keyed.sort_by(|x, y| x.0.cmp(&y.0));
    out.extend(keyed.into_iter().map(|(_, r)| r));
}
