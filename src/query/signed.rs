//! `query signed`: who signed what.
//!
//! One row per SIGNED relationship: the signer (person or organization), the organization a
//! person signed for (`on_behalf_of`), the signing event with its date and place, the events
//! it was part of (PART_OF, e.g. the forum it was held at), the counterparties, and the
//! evidence sentence with its document.
//!
//! Counterparties are the other *sides* of the same event: a signer's side is the
//! organization it signed for, else itself. So when A signs for X (A and X both SIGNED), X is
//! not A's counterparty, and a partner Y appears once even if both Y and its representative
//! signed.

use petgraph::Direction;
use serde_json::json;

use super::view::{self, event_info, opt};
use super::{Answer, Filters};
use crate::extract::RelType;
use crate::graph::{KnowledgeGraph, NodeLabel};
use crate::link::key;

pub const COLUMNS: [&str; 11] = [
    "signer",
    "signer_label",
    "on_behalf_of",
    "event",
    "kind",
    "date",
    "place",
    "part_of",
    "counterparties",
    "evidence",
    "doc",
];

pub fn answer(kg: &KnowledgeGraph, f: &Filters) -> Answer {
    let mut a = Answer::new(COLUMNS.to_vec());
    a.table_hidden = vec!["signer_label", "kind"];
    let mut keyed = Vec::new();
    for e in kg.edge_references() {
        if e.weight().rel != RelType::Signed {
            continue;
        }
        let (s, ev) = (e.source(), e.target());
        let signer = &kg.g[s];
        let event = &kg.g[ev];
        let info = event_info(kg, ev);
        if !info.in_range(f) || !info.kind_ok(f) {
            continue;
        }
        let behalf = e.weight().props().on_behalf_of.as_deref();
        if let Some(o) = &f.org {
            let k = key(o);
            let own = signer.label == NodeLabel::Organization && view::name_contains(signer, &k);
            if !own && !behalf.is_some_and(|b| key(b).contains(&k)) {
                continue;
            }
        }
        if !view::filter_hits(&f.person, signer, NodeLabel::Person) {
            continue;
        }
        let side = |name: &str, behalf: Option<&str>| key(behalf.unwrap_or(name));
        let mine = side(&signer.name, behalf);
        let mut counter: Vec<String> = Vec::new();
        for o in view::edges_of(kg, ev, Direction::Incoming, RelType::Signed) {
            let b = o.weight().props().on_behalf_of.as_deref();
            let name = b.unwrap_or(&kg.g[o.source()].name);
            if side(&kg.g[o.source()].name, b) != mine && !counter.iter().any(|c| c == name) {
                counter.push(name.to_string());
            }
        }
        counter.sort();
        let parents = view::names(
            kg,
            &view::neighbours(kg, ev, Direction::Outgoing, RelType::PartOf),
        );
        let (evidence, doc) = view::evidence_values(e.weight());
        let row = vec![
            json!(signer.name),
            json!(signer.label.as_str()),
            opt(behalf),
            json!(event.name),
            opt(info.kind.map(|k| k.as_str())),
            info.date_value(),
            opt(info.place.as_deref()),
            json!(parents),
            json!(counter),
            evidence,
            doc,
        ];
        // Same order as the Cypher twin: date (undated last), event, signer, document.
        let doc_key = e.weight().evidence.as_ref().map(|ev| ev.doc.clone());
        keyed.push((
            (
                info.date.is_none(),
                info.date,
                event.name.clone(),
                signer.name.clone(),
                doc_key.is_none(),
                doc_key,
                event.id.clone(),
            ),
            row,
        ));
    }
    keyed.sort_by(|x, y| x.0.cmp(&y.0));
    a.rows = keyed.into_iter().map(|(_, r)| r).collect();
    a
}
