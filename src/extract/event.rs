//! Events and relations: triggers with argument patterns, slot filling across sentences.
//!
//! Person–title–organization bindings (HAS_ROLE / HOLDS_POSITION) are made by
//! [`crate::extract::position`], which runs just before this family.

use crate::extract::AnnotatedDoc;
use crate::rules::{LexiconSet, Rules};

pub struct EventRules;

impl EventRules {
    pub fn build(_lex: &LexiconSet) -> EventRules {
        EventRules
    }
}

/// Find events and relations and add them to the document.
///
/// First cut: nothing yet (the event family is built separately).
pub fn extract_events(_doc: &mut AnnotatedDoc, _rules: &Rules) {}
