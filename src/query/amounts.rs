//! `query amounts`: amounts with what they are about.
//!
//! One row per HAS_AMOUNT relationship (event or organization → amount), plus one row for each
//! amount nothing points to (its subject left empty), so no amount in the graph is hidden.
//! Columns: the amount as written, `value`/`min`/`max` in currency units (300亿元 = 3e10),
//! `currency`, `qualifier` (exact, more_than, at_least, level, …), `about` (总规模, 投资额, …),
//! the subject and, for an event subject, its kind and date.
//!
//! Default order: largest `value` first. `--min-amount N` keeps amounts whose `value` is at
//! least N (for open amounts such as 超过300亿元 the value is the stated bound).
//! `--org`/`--person` match the subject itself or a participant of the subject event;
//! `--kind` and `--from`/`--to` apply to the subject event.

use petgraph::Direction;
use petgraph::graph::NodeIndex;
use serde_json::{Value, json};

use super::view::{self, event_info, opt};
use super::{Answer, Filters};
use crate::extract::RelType;
use crate::graph::{EdgeView, KnowledgeGraph, NodeLabel, NodeProps};

pub const COLUMNS: [&str; 13] = [
    "amount",
    "value",
    "min",
    "max",
    "currency",
    "qualifier",
    "about",
    "subject",
    "subject_label",
    "kind",
    "date",
    "evidence",
    "doc",
];

fn num(v: Option<f64>) -> Value {
    v.filter(|x| x.is_finite())
        .map_or(Value::Null, |x| json!(x))
}

/// Does a filter on organizations/people hit the subject or a participant of it?
fn involved(
    kg: &KnowledgeGraph,
    subject: NodeIndex,
    filter: &Option<String>,
    label: NodeLabel,
) -> bool {
    if filter.is_none() {
        return true;
    }
    if view::filter_hits(filter, &kg.g[subject], label) {
        return true;
    }
    kg.edges_directed(subject, Direction::Incoming)
        .any(|e| view::filter_hits(filter, &kg.g[e.source()], label))
}

pub fn answer(kg: &KnowledgeGraph, f: &Filters) -> Answer {
    let mut a = Answer::new(COLUMNS.to_vec());
    a.table_hidden = vec!["min", "max", "subject_label"];
    let mut keyed = Vec::new();
    for ix in kg.g.node_indices() {
        let node = &kg.g[ix];
        let NodeProps::Amount(a) = &node.props else {
            continue;
        };
        let (money, text) = (&a.money, &a.text);
        // A NaN value never passes a minimum.
        if f.min_amount
            .is_some_and(|m| money.value.partial_cmp(&m).is_none_or(|o| o.is_lt()))
        {
            continue;
        }
        let subjects: Vec<(Option<NodeIndex>, Option<EdgeView>)> = {
            let v: Vec<_> = view::edges_of(kg, ix, Direction::Incoming, RelType::HasAmount)
                .into_iter()
                .map(|e| (Some(e.source()), Some(*e.weight())))
                .collect();
            if v.is_empty() { vec![(None, None)] } else { v }
        };
        for (subject, edge) in subjects {
            let info = subject.map(|s| event_info(kg, s)).unwrap_or_default();
            let scoped = f.kind.is_some() || f.from.is_some() || f.to.is_some();
            if scoped && (subject.is_none() || !info.in_range(f) || !info.kind_ok(f)) {
                continue;
            }
            let people_ok = match subject {
                Some(s) => {
                    involved(kg, s, &f.org, NodeLabel::Organization)
                        && involved(kg, s, &f.person, NodeLabel::Person)
                }
                None => f.org.is_none() && f.person.is_none(),
            };
            if !people_ok {
                continue;
            }
            let (evidence, mut doc) = edge
                .as_ref()
                .map_or((Value::Null, Value::Null), view::evidence_values);
            if doc.is_null() {
                // An amount nothing points to: the first document it is mentioned in.
                doc = view::documents(kg, ix)
                    .first()
                    .map_or(Value::Null, |d| json!(d));
            }
            let shown = if text.is_empty() { &node.name } else { text };
            let row = vec![
                json!(shown),
                num(Some(money.value)),
                num(money.min),
                num(money.max),
                json!(money.currency),
                json!(money.qualifier.as_str()),
                opt(edge.and_then(|e| e.props().about.as_deref())),
                opt(subject.map(|s| kg.g[s].name.as_str())),
                opt(subject.map(|s| kg.g[s].label.as_str())),
                opt(info.kind.map(|k| k.as_str())),
                info.date_value(),
                evidence,
                doc,
            ];
            let sort_value = if money.value.is_finite() {
                -money.value
            } else {
                f64::INFINITY
            };
            let subject_name = subject.map(|s| kg.g[s].name.clone());
            keyed.push((
                (sort_value, shown.clone(), subject_name, node.id.clone()),
                row,
            ));
        }
    }
    keyed.sort_by(|x, y| {
        x.0.0
            .total_cmp(&y.0.0)
            .then_with(|| (&x.0.1, &x.0.2, &x.0.3).cmp(&(&y.0.1, &y.0.2, &y.0.3)))
    });
    a.rows = keyed.into_iter().map(|(_, r)| r).collect();
    a
}
