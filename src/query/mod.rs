//! `kgextract query`: answer the everyday questions straight from an export folder.
//!
//! Input: an export folder (its `graph.json`, read back by [`load`] into the same petgraph
//! [`KnowledgeGraph`] the extractor built). Output: an [`Answer`] — named columns and rows of
//! JSON values — that [`render`] prints as an aligned table, a JSON array or CSV.
//!
//! Why rows of `serde_json::Value` and not one struct per question: the three renderers and
//! the `--sort` option work on any question the same way, and the JSON output is exactly the
//! row objects scripts see. Each question module fixes its column list, so keys are stable.
//!
//! Every question has a Cypher twin in `schema/queries.cypher` (same rows, same order keys);
//! a test checks that no question is missing there.
//!
//! Names given by the user (`--org 联通`, `person 陈某`, `path A B`) are compared through
//! [`crate::link::key`], the one name key of the crate, against names *and* aliases.

pub mod amounts;
pub mod entity;
pub mod events;
#[doc(hidden)]
pub mod fixture;
pub mod load;
pub mod path;
pub mod positions;
pub mod render;
pub mod signed;
pub mod suggest;
pub mod view;

use std::cmp::Ordering;

use chrono::NaiveDate;
use serde_json::Value;

use crate::extract::EventKind;
use crate::graph::KnowledgeGraph;

/// A question `kgextract query` can answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Question {
    /// Who signed what.
    Signed,
    /// Who holds which position in which organization.
    Positions,
    /// What happened, when and where, with participants by relationship type.
    Events,
    /// Amounts with what they are about.
    Amounts,
    /// Everything about one person (or every person when `None`).
    Person(Option<String>),
    /// Everything about one organization (or every organization when `None`).
    Org(Option<String>),
    /// Shortest connections between two entities.
    Path(String, String),
}

/// The name of every question, as typed on the command line and as written after
/// `// name:` in `schema/queries.cypher`.
pub const QUESTION_NAMES: [&str; 7] = [
    "signed",
    "positions",
    "events",
    "amounts",
    "person",
    "org",
    "path",
];

/// A filter option, for checking that it means something for the question asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilterName {
    Org,
    Person,
    Kind,
    FromTo,
    MinAmount,
    Roles,
    ViaDocuments,
    ViaAll,
}

impl FilterName {
    fn flag(self) -> &'static str {
        match self {
            FilterName::Org => "--org",
            FilterName::Person => "--person",
            FilterName::Kind => "--kind",
            FilterName::FromTo => "--from/--to",
            FilterName::MinAmount => "--min-amount",
            FilterName::Roles => "--roles",
            FilterName::ViaDocuments => "--via-documents",
            FilterName::ViaAll => "--via-all",
        }
    }
}

impl Question {
    pub fn name(&self) -> &'static str {
        match self {
            Question::Signed => "signed",
            Question::Positions => "positions",
            Question::Events => "events",
            Question::Amounts => "amounts",
            Question::Person(_) => "person",
            Question::Org(_) => "org",
            Question::Path(..) => "path",
        }
    }

    /// The filters that mean something for this question (`--limit`, `--sort` always do).
    pub fn accepts(&self) -> &'static [FilterName] {
        use FilterName::*;
        match self {
            Question::Signed => &[Org, Person, Kind, FromTo],
            Question::Positions => &[Org, Person, Roles],
            Question::Events => &[Org, Person, Kind, FromTo],
            Question::Amounts => &[Org, Person, Kind, FromTo, MinAmount],
            Question::Person(_) | Question::Org(_) => &[],
            Question::Path(..) => &[ViaDocuments, ViaAll],
        }
    }
}

/// Filters and output shaping shared by all questions.
#[derive(Clone, Debug, Default)]
pub struct Filters {
    /// Only rows whose organization matches (substring of the name key, aliases included).
    pub org: Option<String>,
    /// Only rows whose person matches.
    pub person: Option<String>,
    /// Only events of this kind.
    pub kind: Option<EventKind>,
    /// Only events on or after this day (an event with a date range counts if it overlaps).
    pub from: Option<NaiveDate>,
    /// Only events on or before this day.
    pub to: Option<NaiveDate>,
    /// Only amounts whose `value` is at least this (in currency units: 300亿元 = 3e10).
    pub min_amount: Option<f64>,
    /// At most this many rows (after sorting).
    pub limit: Option<usize>,
    /// Sort by this column instead of the question's default order.
    pub sort: Option<String>,
    /// Reverse the sort.
    pub desc: bool,
    /// `positions`: also list titles given without an organization (HAS_ROLE).
    pub roles: bool,
    /// `path`: allow paths through Document nodes (two entities "mentioned in the same doc").
    pub via_documents: bool,
    /// `path`: allow paths through every node (titles, places, amounts, documents).
    pub via_all: bool,
}

impl Filters {
    fn used(&self) -> Vec<FilterName> {
        let mut v = Vec::new();
        if self.org.is_some() {
            v.push(FilterName::Org);
        }
        if self.person.is_some() {
            v.push(FilterName::Person);
        }
        if self.kind.is_some() {
            v.push(FilterName::Kind);
        }
        if self.from.is_some() || self.to.is_some() {
            v.push(FilterName::FromTo);
        }
        if self.min_amount.is_some() {
            v.push(FilterName::MinAmount);
        }
        if self.roles {
            v.push(FilterName::Roles);
        }
        if self.via_documents {
            v.push(FilterName::ViaDocuments);
        }
        if self.via_all {
            v.push(FilterName::ViaAll);
        }
        v
    }

    /// A usage error when a filter given does not apply to the question.
    pub fn check(&self, q: &Question) -> Result<(), String> {
        let ok = q.accepts();
        let bad: Vec<&str> = self
            .used()
            .into_iter()
            .filter(|f| !ok.contains(f))
            .map(FilterName::flag)
            .collect();
        if bad.is_empty() {
            return Ok(());
        }
        let takes: Vec<&str> = ok.iter().map(|f| f.flag()).collect();
        Err(format!(
            "{} does not apply to `query {}` (it takes {}--limit, --sort)",
            bad.join(", "),
            q.name(),
            if takes.is_empty() {
                String::new()
            } else {
                format!("{}, ", takes.join(", "))
            }
        ))
    }
}

/// The answer to a question: columns, rows, and notes for the reader.
#[derive(Clone, Debug, Default)]
pub struct Answer {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Value>>,
    /// Columns left out of the table view (still in JSON and CSV), e.g. ids.
    pub table_hidden: Vec<&'static str>,
    /// Lines shown above the table (e.g. the entity a `person` answer is about).
    pub header: Vec<String>,
    /// Shown after "no results" when nothing matched (e.g. "did you mean …").
    pub notes: Vec<String>,
}

impl Answer {
    pub fn new(columns: Vec<&'static str>) -> Answer {
        Answer {
            columns,
            ..Answer::default()
        }
    }
    /// Index of a column by name.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| *c == name)
    }
}

/// Answer a question on a graph. Filters must have passed [`Filters::check`].
pub fn ask(kg: &KnowledgeGraph, q: &Question, f: &Filters) -> Result<Answer, String> {
    let mut a = match q {
        Question::Signed => signed::answer(kg, f),
        Question::Positions => positions::answer(kg, f),
        Question::Events => events::answer(kg, f),
        Question::Amounts => amounts::answer(kg, f),
        Question::Person(name) => {
            entity::answer(kg, crate::graph::NodeLabel::Person, name.as_deref())
        }
        Question::Org(name) => {
            entity::answer(kg, crate::graph::NodeLabel::Organization, name.as_deref())
        }
        Question::Path(a, b) => path::answer(kg, a, b, f),
    };
    if let Some(col) = &f.sort {
        let Some(i) = a.column(col) else {
            return Err(format!(
                "--sort {col}: `query {}` has no such column (columns: {})",
                q.name(),
                a.columns.join(", ")
            ));
        };
        // Stable sort; `--desc` reverses the values but keeps empty ones last.
        let (mut full, empty): (Vec<_>, Vec<_>) =
            a.rows.into_iter().partition(|r| !is_empty(&r[i]));
        full.sort_by(|x, y| {
            let o = cmp_values(&x[i], &y[i]);
            if f.desc { o.reverse() } else { o }
        });
        full.extend(empty);
        a.rows = full;
    } else if f.desc {
        a.rows.reverse();
    }
    if let Some(n) = f.limit {
        a.rows.truncate(n);
    }
    if a.rows.is_empty() {
        a.notes.extend(filter_notes(kg, f));
    }
    Ok(a)
}

/// When an answer is empty because `--org`/`--person` names nothing in the graph, say so and
/// suggest names (the filters match part of a name, so suggestions are names close to it).
fn filter_notes(kg: &KnowledgeGraph, f: &Filters) -> Vec<String> {
    use crate::graph::NodeLabel;
    let mut notes = Vec::new();
    for (flag, value, label, what) in [
        ("--org", &f.org, NodeLabel::Organization, "organization"),
        ("--person", &f.person, NodeLabel::Person, "person"),
    ] {
        let Some(v) = value else { continue };
        let k = crate::link::key(v);
        let any =
            kg.g.node_weights()
                .any(|n| n.label == label && view::name_contains(n, &k));
        if any {
            continue;
        }
        notes.push(format!("no {what} in this graph matches {flag} {v:?}"));
        let sugg = suggest::suggestions(kg, &[label], v, 5);
        if !sugg.is_empty() {
            notes.push(format!("did you mean: {}?", sugg.join(", ")));
        }
    }
    notes
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Array(a) => a.is_empty(),
        Value::String(s) => s.is_empty(),
        _ => false,
    }
}

/// Order for `--sort`: numbers numerically, strings by code point, empty values last.
pub fn cmp_values(a: &Value, b: &Value) -> Ordering {
    fn rank(v: &Value) -> u8 {
        match v {
            Value::Null => 2,
            Value::Array(a) if a.is_empty() => 2,
            Value::String(s) if s.is_empty() => 2,
            Value::Number(_) => 0,
            _ => 1,
        }
    }
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap_or(0.0), y.as_f64().unwrap_or(0.0));
            x.total_cmp(&y)
        }
        _ => rank(a)
            .cmp(&rank(b))
            .then_with(|| render::plain(a).cmp(&render::plain(b))),
    }
}

#[cfg(test)]
mod tests;
