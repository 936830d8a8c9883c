//! `query events`: what happened, when and where, with participants by relationship type.
//!
//! One row per Event node: name, kind, date (ISO; `end_date` for ranges, `period` when only a
//! period such as 未来三年 is known), place, the events it is PART_OF, the participants
//! grouped by relationship type (ORGANIZED, ATTENDED, SPOKE_AT, SIGNED, …: every non-document
//! relationship from a person or organization into the event), its amounts (HAS_AMOUNT) and the
//! documents it is mentioned in.
//!
//! `--org` / `--person` keep events where a matching organization / person takes part.

use std::collections::BTreeMap;

use petgraph::Direction;
use serde_json::{Map, Value, json};

use super::view::{self, event_info, opt};
use super::{Answer, Filters};
use crate::extract::RelType;
use crate::graph::{KnowledgeGraph, NodeLabel, NodeProps};
use crate::link::key;

pub const COLUMNS: [&str; 10] = [
    "event",
    "kind",
    "date",
    "end_date",
    "period",
    "place",
    "part_of",
    "participants",
    "amounts",
    "doc",
];

pub fn answer(kg: &KnowledgeGraph, f: &Filters) -> Answer {
    let mut a = Answer::new(COLUMNS.to_vec());
    a.table_hidden = vec!["end_date", "period"];
    let mut keyed = Vec::new();
    for ix in kg.g.node_indices() {
        let ev = &kg.g[ix];
        if ev.label != NodeLabel::Event {
            continue;
        }
        let info = event_info(kg, ix);
        if !info.in_range(f) || !info.kind_ok(f) {
            continue;
        }
        let mut by_type: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
        let (mut org_hit, mut person_hit) = (f.org.is_none(), f.person.is_none());
        let mut incoming: Vec<_> = kg.edges_directed(ix, Direction::Incoming).collect();
        incoming.sort_by(|x, y| kg.g[x.source()].name.cmp(&kg.g[y.source()].name));
        for e in incoming {
            let p = &kg.g[e.source()];
            if !matches!(p.label, NodeLabel::Person | NodeLabel::Organization)
                || e.weight().rel == RelType::MentionedIn
            {
                continue;
            }
            org_hit |= view::filter_hits(&f.org, p, NodeLabel::Organization);
            person_hit |= view::filter_hits(&f.person, p, NodeLabel::Person);
            let names = by_type.entry(e.weight().rel.as_str()).or_default();
            if !names.contains(&p.name) {
                names.push(p.name.clone());
            }
            // A representative's organization takes part too, even without its own edge.
            if let Some(b) = &e.weight().props().on_behalf_of {
                org_hit |= f.org.as_ref().is_some_and(|o| key(b).contains(&key(o)));
            }
        }
        if !org_hit || !person_hit {
            continue;
        }
        let participants: Map<String, Value> = by_type
            .into_iter()
            .map(|(t, n)| (t.to_string(), json!(n)))
            .collect();
        let mut amounts = Vec::new();
        for e in view::edges_of(kg, ix, Direction::Outgoing, RelType::HasAmount) {
            let t = &kg.g[e.target()];
            let text = match &t.props {
                NodeProps::Amount(a) if !a.text.is_empty() => a.text.clone(),
                _ => t.name.clone(),
            };
            amounts.push(match &e.weight().props().about {
                Some(about) => format!("{about} {text}"),
                None => text,
            });
        }
        let parents = view::names(
            kg,
            &view::neighbours(kg, ix, Direction::Outgoing, RelType::PartOf),
        );
        let row = vec![
            json!(ev.name),
            opt(info.kind.map(|k| k.as_str())),
            info.date_value(),
            opt(info.end.map(|d| d.to_string()).as_deref()),
            opt(info.period.as_deref()),
            opt(info.place.as_deref()),
            json!(parents),
            Value::Object(participants),
            json!(amounts),
            json!(view::documents(kg, ix)),
        ];
        keyed.push((
            (
                info.date.is_none(),
                info.date,
                ev.name.clone(),
                ev.id.clone(),
            ),
            row,
        ));
    }
    keyed.sort_by(|x, y| x.0.cmp(&y.0));
    a.rows = keyed.into_iter().map(|(_, r)| r).collect();
    a
}
