//! Graph nodes: labels and typed, label-specific properties.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::extract::{EventKind, Label, Money, OrgKind, TimeValue};

/// Node labels (the first Neo4j label).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeLabel {
    Document,
    Person,
    Organization,
    Role,
    Location,
    Amount,
    Event,
}

impl NodeLabel {
    pub fn as_str(self) -> &'static str {
        match self {
            NodeLabel::Document => "Document",
            NodeLabel::Person => "Person",
            NodeLabel::Organization => "Organization",
            NodeLabel::Role => "Role",
            NodeLabel::Location => "Location",
            NodeLabel::Amount => "Amount",
            NodeLabel::Event => "Event",
        }
    }
    pub const ALL: [NodeLabel; 7] = [
        NodeLabel::Document,
        NodeLabel::Person,
        NodeLabel::Organization,
        NodeLabel::Role,
        NodeLabel::Location,
        NodeLabel::Amount,
        NodeLabel::Event,
    ];
    pub fn of(label: Label) -> Option<NodeLabel> {
        Some(match label {
            Label::Person => NodeLabel::Person,
            Label::Organization => NodeLabel::Organization,
            Label::Role => NodeLabel::Role,
            Label::Location => NodeLabel::Location,
            Label::Amount => NodeLabel::Amount,
            Label::Date => return None,
        })
    }
}

/// Label-specific node properties. The properties of documents, amounts and events are
/// boxed: the enum is 16 bytes instead of 96 (issue 8: every node and every resolved entity
/// holds one, and nodes were ≈ 40 % of the graph at rest at 200 MB of input).
#[derive(Clone, Debug, PartialEq)]
pub enum NodeProps {
    Document(Box<DocumentProps>),
    Person,
    Organization { kind: OrgKind },
    Role,
    Location,
    Amount(Box<AmountProps>),
    Event(Box<EventProps>),
}

/// [`NodeProps::Document`].
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentProps {
    pub path: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
}

/// [`NodeProps::Amount`].
#[derive(Clone, Debug, PartialEq)]
pub struct AmountProps {
    pub money: Money,
    /// The original surface text.
    pub text: String,
}

/// [`NodeProps::Event`].
#[derive(Clone, Debug, PartialEq)]
pub struct EventProps {
    pub kind: EventKind,
    pub date: Option<TimeValue>,
    pub location: Option<String>,
}

/// A node of the knowledge graph.
#[derive(Clone, Debug)]
pub struct Node {
    /// Deterministic content key (see module doc).
    pub id: String,
    pub label: NodeLabel,
    pub name: String,
    /// Other surface forms seen for this entity.
    pub aliases: BTreeSet<String>,
    /// How many mentions were merged into this node.
    pub mentions: u32,
    /// Mentions per name when the entity has two names or more (empty otherwise; graph.json
    /// only): `kgextract merge` chooses the name from them as a single run does.
    pub name_counts: std::collections::BTreeMap<String, u32>,
    /// Why names were merged into this node (`same_key`, `lexicon`, `alias_def`, …; see
    /// `link::resolve`); the details are in `merges.jsonl`.
    pub merged_by: BTreeSet<String>,
    pub props: NodeProps,
}

#[cfg(test)]
impl Node {
    /// A person node named by its id (tests).
    pub(crate) fn person_for_test(id: &str) -> Node {
        Node {
            id: id.into(),
            label: NodeLabel::Person,
            name: id.into(),
            aliases: Default::default(),
            mentions: 1,
            name_counts: Default::default(),
            merged_by: Default::default(),
            props: NodeProps::Person,
        }
    }
}
