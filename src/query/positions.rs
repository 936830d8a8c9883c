//! `query positions`: who holds which position in which organization, with status.
//!
//! One row per HOLDS_POSITION relationship (person → organization, `title`, `status`). With
//! `--roles`, also the titles a person is given without an organization (HAS_ROLE edges whose
//! title no HOLDS_POSITION of that person carries), with an empty organization.

use petgraph::Direction;
use serde_json::{Value, json};

use super::view::{self, opt};
use super::{Answer, Filters};
use crate::extract::RelType;
use crate::graph::{KnowledgeGraph, NodeLabel};

pub const COLUMNS: [&str; 6] = [
    "person",
    "title",
    "organization",
    "status",
    "evidence",
    "doc",
];

pub fn answer(kg: &KnowledgeGraph, f: &Filters) -> Answer {
    let mut a = Answer::new(COLUMNS.to_vec());
    let mut keyed = Vec::new();
    for e in kg.edge_references() {
        let w = e.weight();
        let (p, o) = (&kg.g[e.source()], &kg.g[e.target()]);
        let org = match w.rel {
            RelType::HoldsPosition => Some(o),
            RelType::HasRole if f.roles && f.org.is_none() => {
                let title = w.props().title.as_deref().unwrap_or(&o.name);
                let held =
                    view::edges_of(kg, e.source(), Direction::Outgoing, RelType::HoldsPosition)
                        .iter()
                        .any(|h| h.weight().props().title.as_deref() == Some(title));
                if held {
                    continue;
                }
                None
            }
            _ => continue,
        };
        if !view::filter_hits(&f.person, p, NodeLabel::Person) {
            continue;
        }
        if let Some(org) = org
            && !view::filter_hits(&f.org, org, NodeLabel::Organization)
        {
            continue;
        }
        let title = w
            .props()
            .title
            .clone()
            .or_else(|| (w.rel == RelType::HasRole).then(|| o.name.clone()));
        let (evidence, doc) = view::evidence_values(w);
        let org_name = org.map(|o| o.name.clone());
        let row = vec![
            json!(p.name),
            title.as_deref().map_or(Value::Null, |t| json!(t)),
            opt(org_name.as_deref()),
            opt(w.props().status.map(|s| s.as_str())),
            evidence,
            doc,
        ];
        keyed.push(((org_name.is_none(), org_name, p.name.clone(), title), row));
    }
    keyed.sort_by(|x, y| x.0.cmp(&y.0));
    keyed.dedup_by(|x, y| x.1 == y.1);
    a.rows = keyed.into_iter().map(|(_, r)| r).collect();
    a
}
