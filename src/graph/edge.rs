//! Graph edges: a typed relationship with its properties and evidence.

use std::sync::Arc;

use crate::extract::{RelProps, RelType};

/// Where an edge was found. The document id and the sentence are shared (`Arc`): one sentence
/// is the evidence of many edges, so it is stored once, not once per edge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EdgeEvidence {
    pub doc: Arc<str>,
    pub sentence: Arc<str>,
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
