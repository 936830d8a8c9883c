//! Dates: absolute, partial and relative (to the publication date) time expressions.
//!
//! Rule ids: (none yet).

use crate::extract::{AnnotatedDoc, Candidate, Extractor};
use crate::rules::{LexiconSet, Rules};

pub struct DateRules;

impl DateRules {
    pub fn build(_lex: &LexiconSet) -> DateRules {
        DateRules
    }
}

pub struct DateExtractor;

impl Extractor for DateExtractor {
    fn family(&self) -> &'static str {
        "date"
    }

    fn find(&self, _doc: &AnnotatedDoc, _rules: &Rules, _out: &mut Vec<Candidate>) {}
}
