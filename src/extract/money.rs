//! Money: Arabic and Chinese numerals with scale words, currencies and qualifiers.
//!
//! Rule ids: (none yet).

use crate::extract::{AnnotatedDoc, Candidate, Extractor};
use crate::rules::{LexiconSet, Rules};

pub struct MoneyRules;

impl MoneyRules {
    pub fn build(_lex: &LexiconSet) -> MoneyRules {
        MoneyRules
    }
}

pub struct MoneyExtractor;

impl Extractor for MoneyExtractor {
    fn family(&self) -> &'static str {
        "money"
    }

    fn find(&self, _doc: &AnnotatedDoc, _rules: &Rules, _out: &mut Vec<Candidate>) {}
}
