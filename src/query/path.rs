//! `query path A B`: how two entities are connected.
//!
//! All shortest paths between A and B over the graph taken as undirected (a breadth-first
//! search from every node A resolves to; relationship direction is shown, not required).
//! Paths go *through* people, organizations and events only: documents, titles (Role), places
//! and amounts are hubs — any two 董事长, two events in 北京, two deals of 10亿元, two entities
//! of one article would be "connected" through them, which says nothing. `--via-documents`
//! also lets paths pass through documents, `--via-all` through every node. (A and B
//! themselves may be of any label but Document.) Each row is one path, written
//! `A -[TYPE]-> X <-[TYPE title]- B` with the real direction of each relationship and its
//! title (HOLDS_POSITION, SPOKE_AT) or `about` (HAS_AMOUNT) when it has one.
//!
//! The number of shortest paths can grow exponentially with the length; at most `--limit`
//! (default 50) are enumerated, and the answer says when more exist.

use std::collections::VecDeque;

use petgraph::Direction;
use petgraph::graph::{EdgeIndex, NodeIndex};
use serde_json::json;

use super::suggest;
use super::{Answer, Filters};
use crate::graph::{KnowledgeGraph, NodeLabel};

pub const COLUMNS: [&str; 4] = ["length", "path", "nodes", "relationships"];

/// Paths enumerated when no `--limit` is given.
pub const DEFAULT_MAX_PATHS: usize = 50;

pub fn answer(kg: &KnowledgeGraph, a_name: &str, b_name: &str, f: &Filters) -> Answer {
    let mut ans = Answer::new(COLUMNS.to_vec());
    ans.table_hidden = vec!["nodes", "relationships"];
    let labels: Vec<NodeLabel> = NodeLabel::ALL
        .into_iter()
        .filter(|l| f.via_documents || f.via_all || *l != NodeLabel::Document)
        .collect();
    let from = suggest::resolve(kg, &labels, a_name);
    let to = suggest::resolve(kg, &labels, b_name);
    for (name, found) in [(a_name, &from), (b_name, &to)] {
        if found.is_empty() {
            ans.notes
                .extend(suggest::not_found(kg, &labels, "entity", name));
        }
    }
    if from.is_empty() || to.is_empty() {
        return ans;
    }
    if from.iter().any(|x| to.contains(x)) {
        ans.notes
            .push(format!("{a_name:?} and {b_name:?} are the same entity"));
        return ans;
    }
    let through = |i: NodeIndex| match kg.g[i].label {
        NodeLabel::Person | NodeLabel::Organization | NodeLabel::Event => true,
        NodeLabel::Document => f.via_documents || f.via_all,
        _ => f.via_all,
    };
    let n = kg.g.node_count();
    let mut dist: Vec<Option<usize>> = vec![None; n];
    let mut preds: Vec<Vec<(EdgeIndex, NodeIndex)>> = vec![Vec::new(); n];
    let mut queue = VecDeque::new();
    for &s in &from {
        dist[s.index()] = Some(0);
        queue.push_back(s);
    }
    let mut found_at: Option<usize> = None;
    while let Some(u) = queue.pop_front() {
        let du = dist[u.index()].unwrap_or(0);
        if found_at.is_some_and(|d| du >= d) {
            break;
        }
        if to.contains(&u) {
            continue;
        }
        let mut next: Vec<(EdgeIndex, NodeIndex)> = kg
            .edges_directed(u, Direction::Outgoing)
            .map(|e| (e.id(), e.target()))
            .chain(
                kg.edges_directed(u, Direction::Incoming)
                    .map(|e| (e.id(), e.source())),
            )
            .filter(|(_, v)| to.contains(v) || through(*v))
            .collect();
        next.sort_by(|x, y| {
            (&kg.g[x.1].name, kg.edge(x.0).rel).cmp(&(&kg.g[y.1].name, kg.edge(y.0).rel))
        });
        for (e, v) in next {
            match dist[v.index()] {
                None => {
                    dist[v.index()] = Some(du + 1);
                    preds[v.index()].push((e, u));
                    if to.contains(&v) {
                        found_at = Some(du + 1);
                    }
                    queue.push_back(v);
                }
                Some(dv) if dv == du + 1 => preds[v.index()].push((e, u)),
                _ => {}
            }
        }
    }
    let Some(len) = found_at else {
        ans.notes.push(format!(
            "{a_name} and {b_name} are not connected{}",
            if f.via_all {
                ""
            } else {
                " through people, organizations and events (try --via-documents or --via-all)"
            }
        ));
        return ans;
    };
    let cap = f.limit.unwrap_or(DEFAULT_MAX_PATHS).max(1);
    let mut paths: Vec<Vec<(EdgeIndex, NodeIndex)>> = Vec::new();
    let mut truncated = false;
    let mut ends: Vec<NodeIndex> = to
        .iter()
        .copied()
        .filter(|t| dist[t.index()] == Some(len))
        .collect();
    ends.sort();
    for t in ends {
        // Depth-first back to a source over the predecessor lists.
        let mut stack: Vec<(NodeIndex, Vec<(EdgeIndex, NodeIndex)>)> = vec![(t, Vec::new())];
        while let Some((v, suffix)) = stack.pop() {
            if dist[v.index()] == Some(0) {
                if paths.len() == cap {
                    truncated = true;
                    break;
                }
                paths.push(suffix);
                continue;
            }
            for &(e, u) in preds[v.index()].iter().rev() {
                let mut s = Vec::with_capacity(suffix.len() + 1);
                s.push((e, v));
                s.extend(suffix.iter().copied());
                stack.push((u, s));
            }
        }
    }
    let mut rows = Vec::new();
    for p in paths {
        let Some(&(first_e, first_v)) = p.first() else {
            continue;
        };
        let (x, y) = kg.edge_endpoints(first_e).unwrap_or((first_v, first_v));
        let start = if x == first_v { y } else { x };
        let mut text = kg.g[start].name.clone();
        let mut nodes = vec![kg.g[start].name.clone()];
        let mut rels = Vec::new();
        let mut prev = start;
        for (e, v) in p {
            let w = &kg.edge(e);
            let t = w.rel.as_str();
            let shown = match w.props().title.as_ref().or(w.props().about.as_ref()) {
                Some(x) => format!("{t} {x}"),
                None => t.to_string(),
            };
            let forward = kg.edge_endpoints(e).is_some_and(|(s, _)| s == prev);
            if forward {
                text.push_str(&format!(" -[{shown}]-> "));
            } else {
                text.push_str(&format!(" <-[{shown}]- "));
            }
            text.push_str(&kg.g[v].name);
            nodes.push(kg.g[v].name.clone());
            rels.push(t);
            prev = v;
        }
        rows.push((
            text.clone(),
            vec![json!(len), json!(text), json!(nodes), json!(rels)],
        ));
    }
    rows.sort_by(|x, y| x.0.cmp(&y.0));
    ans.rows = rows.into_iter().map(|(_, r)| r).collect();
    if truncated {
        ans.header.push(format!(
            "more than {cap} shortest paths exist; showing {cap} (raise --limit to see more)"
        ));
    }
    ans
}
