//! The rule registry: rule ids, lexicons and per-family compiled matchers, built once.
//!
//! All rule *data* lives in `schema/` (lexicons in `schema/lexicons/*.txt`, rule docs in
//! `schema/rules/<family>.toml`) and is embedded at build time (see `build.rs`). Only this
//! module reads it. Each extractor family compiles what it needs into its own `*Rules` struct
//! once, in [`Rules::build`]; nothing is compiled per document.

pub mod docs;
pub mod fast_hash;
pub mod lead_pairs;
pub mod lexicon;
pub mod literal_regex;
pub mod matcher;
pub mod occurrences;
pub mod suffix;
pub mod words;

use std::sync::LazyLock;

use serde::{Serialize, Serializer};

pub use fast_hash::{FastMap, FastSet};
pub use lead_pairs::LeadPairs;
pub use lexicon::{Entry, Lexicon, LexiconError, LexiconSet};
pub use literal_regex::LiteralStartRegex;
pub use matcher::{DocScope, TermMatcher};
pub use occurrences::{Occurrences, occurrences};
pub use suffix::SuffixList;
pub use words::WordList;

use crate::extract::{date, event, location, money, org, person, role};

/// The id of the rule that produced a fact, e.g. `person.title_before`.
///
/// The part before the first dot is the family: it names `schema/rules/<family>.toml` (the
/// rule's doc) and `src/extract/<family>.rs` (its code). Every id is a `&'static str` constant
/// in the family's module so `grep` finds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RuleId(pub &'static str);

impl RuleId {
    pub fn as_str(&self) -> &'static str {
        self.0
    }
    pub fn family(&self) -> &'static str {
        self.0.split('.').next().unwrap_or(self.0)
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

include!(concat!(env!("OUT_DIR"), "/embedded_schema.rs"));

/// The contents of an embedded `schema/` file, by path relative to `schema/`
/// (e.g. `lexicons/titles.txt`).
pub fn embedded(path: &str) -> Option<&'static str> {
    EMBEDDED.iter().find(|(p, _)| *p == path).map(|(_, c)| *c)
}

/// Every compiled matcher of every family. Immutable, `Send + Sync`, shared by all threads.
pub struct Rules {
    pub lexicons: LexiconSet,
    pub person: person::PersonRules,
    pub org: org::OrgRules,
    pub role: role::RoleRules,
    pub location: location::LocationRules,
    pub money: money::MoneyRules,
    pub date: date::DateRules,
    pub event: event::EventRules,
}

static BUILTIN: LazyLock<Rules> = LazyLock::new(|| {
    Rules::build(LexiconSet::builtin().expect("built-in lexicons are valid (checked by tests)"))
});

impl Rules {
    /// The built-in rules, compiled on first use.
    pub fn builtin() -> &'static Rules {
        &BUILTIN
    }

    /// Compile every family from a lexicon set (built-in plus user additions).
    pub fn build(lexicons: LexiconSet) -> Rules {
        Rules {
            person: person::PersonRules::build(&lexicons),
            org: org::OrgRules::build(&lexicons),
            role: role::RoleRules::build(&lexicons),
            location: location::LocationRules::build(&lexicons),
            money: money::MoneyRules::build(&lexicons),
            date: date::DateRules::build(&lexicons),
            event: event::EventRules::build(&lexicons),
            lexicons,
        }
    }
}
