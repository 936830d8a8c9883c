//! Graph nodes: labels and typed, label-specific properties.

use std::collections::{BTreeMap, BTreeSet};

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
    /// How many mentions were merged into this node.
    pub mentions: u32,
    /// Its aliases, name counts and merge reasons ([`Node::aliases`], [`Node::name_counts`],
    /// [`Node::merged_by`]), when it has any.
    pub extra: Extra,
    pub props: NodeProps,
}

impl Node {
    /// Other surface forms seen for this entity.
    pub fn aliases(&self) -> &BTreeSet<String> {
        self.extra.aliases()
    }
    /// Mentions per name when the entity has two names or more (empty otherwise; graph.json
    /// only): `kgextract merge` chooses the name from them as a single run does.
    pub fn name_counts(&self) -> &BTreeMap<String, u32> {
        self.extra.name_counts()
    }
    /// Why names were merged into this node (`same_key`, `lexicon`, `alias_def`, …; see
    /// `link::resolve`); the details are in `merges.jsonl`.
    pub fn merged_by(&self) -> &BTreeSet<String> {
        self.extra.merged_by()
    }
}

/// The fields of a node (and of a resolved entity) that most do not set — its aliases, name
/// counts and merge reasons — boxed, and not allocated when all three are empty (issue 8:
/// inline they were 72 bytes of every node and entity, ≈ 20 MB at 200 MB of input).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extra(Option<Box<ExtraFields>>);

/// [`Extra`]'s fields.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExtraFields {
    pub aliases: BTreeSet<String>,
    pub name_counts: BTreeMap<String, u32>,
    pub merged_by: BTreeSet<String>,
}

static NO_STRINGS: BTreeSet<String> = BTreeSet::new();
static NO_COUNTS: BTreeMap<String, u32> = BTreeMap::new();

impl Extra {
    /// These fields (none allocated when all are empty).
    pub fn new(
        aliases: BTreeSet<String>,
        name_counts: BTreeMap<String, u32>,
        merged_by: BTreeSet<String>,
    ) -> Extra {
        if aliases.is_empty() && name_counts.is_empty() && merged_by.is_empty() {
            return Extra(None);
        }
        Extra(Some(Box::new(ExtraFields {
            aliases,
            name_counts,
            merged_by,
        })))
    }
    pub fn aliases(&self) -> &BTreeSet<String> {
        self.0.as_ref().map_or(&NO_STRINGS, |x| &x.aliases)
    }
    pub fn name_counts(&self) -> &BTreeMap<String, u32> {
        self.0.as_ref().map_or(&NO_COUNTS, |x| &x.name_counts)
    }
    pub fn merged_by(&self) -> &BTreeSet<String> {
        self.0.as_ref().map_or(&NO_STRINGS, |x| &x.merged_by)
    }
    /// The fields to change (allocated if they were not).
    pub fn fields_mut(&mut self) -> &mut ExtraFields {
        self.0.get_or_insert_with(Default::default)
    }
}

#[cfg(test)]
impl Node {
    /// A person node named by its id (tests).
    pub(crate) fn person_for_test(id: &str) -> Node {
        Node {
            id: id.into(),
            label: NodeLabel::Person,
            name: id.into(),
            mentions: 1,
            extra: Extra::default(),
            props: NodeProps::Person,
        }
    }
}
