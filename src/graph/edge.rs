//! Graph edges: a typed relationship with its properties and evidence.

use crate::extract::{RelProps, RelType};

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
