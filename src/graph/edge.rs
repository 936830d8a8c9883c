//! Graph edges: a typed relationship with its properties and evidence.

use std::sync::Arc;

use crate::extract::{RelProps, RelType};

/// Where an edge was found. The document id and the sentence are shared (`Arc`): one sentence
/// is the evidence of many edges, so it is stored once, not once per edge. Offsets are `u32`
/// (characters into one document; extraction keeps them as `u32` already).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EdgeEvidence {
    pub doc: Arc<str>,
    pub sentence: Arc<str>,
    pub start: u32,
    pub end: u32,
    pub rule: &'static str,
}

/// An edge of the knowledge graph: 80 bytes (issue 8: the graph holds one per relationship,
/// mostly MENTIONED_IN, so its size is most of the graph's memory).
#[derive(Clone, Debug)]
pub struct Edge {
    pub rel: RelType,
    /// The properties, boxed because most edges have none (`None`: all unset); read them
    /// with [`Edge::props`], set them with [`Edge::boxed`].
    pub props: Option<Box<RelProps>>,
    /// MENTIONED_IN: how often.
    pub count: Option<u32>,
    pub evidence: Option<EdgeEvidence>,
}

/// Properties that are all unset.
static NO_PROPS: RelProps = RelProps {
    title: None,
    status: None,
    on_behalf_of: None,
    lead: None,
    about: None,
};

impl Edge {
    /// The edge's properties (all unset for most edges).
    pub fn props(&self) -> &RelProps {
        self.props.as_deref().unwrap_or(&NO_PROPS)
    }

    /// Properties as an edge holds them: `None` when all are unset.
    pub fn boxed(p: RelProps) -> Option<Box<RelProps>> {
        (p != NO_PROPS).then(|| Box::new(p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edges_are_small_and_props_read_back() {
        assert!(
            std::mem::size_of::<Edge>() <= 80,
            "{}",
            std::mem::size_of::<Edge>()
        );
        let p = RelProps {
            title: Some("董事长".into()),
            ..RelProps::default()
        };
        let e = Edge {
            rel: RelType::HoldsPosition,
            props: Edge::boxed(p.clone()),
            count: None,
            evidence: None,
        };
        assert_eq!(e.props(), &p);
        assert!(Edge::boxed(RelProps::default()).is_none());
    }
}
