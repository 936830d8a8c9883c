//! Finding entities by name, and "did you mean …" when there is none.
//!
//! A name given on the command line resolves to every node of the wanted labels whose name or
//! alias has the same [`key`] (so `联通` finds `中国联通` when the export recorded that alias,
//! and full-width/half-width or case differences do not matter). When nothing resolves, the
//! suggestions are names or aliases that contain the query or are contained in it, then names
//! within a small edit distance (one edit per three characters, at least one), best first.

use petgraph::graph::NodeIndex;

use crate::graph::{KnowledgeGraph, NodeLabel};
use crate::link::key;

/// Nodes of the given labels (all but Document when empty) named or aliased exactly `name`.
pub fn resolve(kg: &KnowledgeGraph, labels: &[NodeLabel], name: &str) -> Vec<NodeIndex> {
    let k = key(name);
    let mut v: Vec<NodeIndex> =
        kg.g.node_indices()
            .filter(|&i| wanted(kg.g[i].label, labels) && super::view::name_is(&kg.g[i], &k))
            .collect();
    v.sort_by(|a, b| (&kg.g[*a].name, &kg.g[*a].id).cmp(&(&kg.g[*b].name, &kg.g[*b].id)));
    v
}

fn wanted(l: NodeLabel, labels: &[NodeLabel]) -> bool {
    if labels.is_empty() {
        l != NodeLabel::Document
    } else {
        labels.contains(&l)
    }
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Up to `max` names close to `name` among nodes of the given labels, best first.
pub fn suggestions(
    kg: &KnowledgeGraph,
    labels: &[NodeLabel],
    name: &str,
    max: usize,
) -> Vec<String> {
    let q = key(name);
    let qn = q.chars().count();
    let limit = (qn / 3).max(1);
    // (rank class, distance, name): class 0 = substring either way, 1 = within edit distance.
    let mut scored: Vec<(u8, usize, String)> = Vec::new();
    for i in kg.g.node_indices() {
        let n = &kg.g[i];
        if !wanted(n.label, labels) {
            continue;
        }
        let mut best: Option<(u8, usize)> = None;
        for form in std::iter::once(&n.name).chain(n.aliases().iter()) {
            let k = key(form);
            if k.is_empty() || q.is_empty() {
                continue;
            }
            let d = edit_distance(&q, &k);
            let score = if k.contains(&q) || (q.contains(&k) && k.chars().count() >= 2) {
                Some((0, d))
            } else if d <= limit {
                Some((1, d))
            } else {
                None
            };
            if let Some(s) = score {
                best = Some(best.map_or(s, |b: (u8, usize)| b.min(s)));
            }
        }
        if let Some((c, d)) = best {
            scored.push((c, d, n.name.clone()));
        }
    }
    scored.sort();
    let mut out: Vec<String> = Vec::new();
    for (_, _, n) in scored {
        if !out.contains(&n) {
            out.push(n);
        }
        if out.len() == max {
            break;
        }
    }
    out
}

/// The message for a name that resolves to nothing: where else it exists, or what is close.
pub fn not_found(kg: &KnowledgeGraph, labels: &[NodeLabel], what: &str, name: &str) -> Vec<String> {
    let mut notes = vec![format!("no {what} named {name:?} in this graph")];
    let elsewhere = resolve(kg, &[], name);
    let others: Vec<&'static str> = {
        let mut v: Vec<&'static str> = elsewhere
            .iter()
            .map(|&i| kg.g[i].label)
            .filter(|l| !labels.contains(l))
            .map(|l| l.as_str())
            .collect();
        v.dedup();
        v
    };
    if !others.is_empty() {
        let hint = if others.contains(&"Organization") {
            format!(" — try `kgextract query org {name}`")
        } else if others.contains(&"Person") {
            format!(" — try `kgextract query person {name}`")
        } else {
            String::new()
        };
        notes.push(format!("{name} is a {} node{hint}", others.join("/")));
    }
    let sugg = suggestions(kg, labels, name, 5);
    if sugg.is_empty() {
        if others.is_empty() {
            notes.push("no similar names either".to_string());
        }
    } else {
        notes.push(format!("did you mean: {}?", sugg.join(", ")));
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_chars_not_bytes() {
        assert_eq!(edit_distance("中国联通", "中国移动"), 2);
        assert_eq!(edit_distance("张伟", "张伟"), 0);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
