//! Locations: provinces, cities, districts, countries (`schema/lexicons/locations.txt`).
//!
//! Rule ids: `location.lexicon`.

use crate::extract::{AnnotatedDoc, Attrs, Candidate, Extractor, Label};
use crate::rules::{LexiconSet, RuleId, Rules, TermMatcher};

pub const LEXICON: RuleId = RuleId("location.lexicon");

pub struct LocationRules {
    places: TermMatcher,
}

impl LocationRules {
    pub fn build(lex: &LexiconSet) -> LocationRules {
        LocationRules {
            places: TermMatcher::new(lex.get("locations").entries.iter()),
        }
    }
}

pub struct LocationExtractor;

impl Extractor for LocationExtractor {
    fn family(&self) -> &'static str {
        "location"
    }

    fn find(&self, doc: &AnnotatedDoc, rules: &Rules, out: &mut Vec<Candidate>) {
        for (r, e) in rules.location.places.find_longest(doc.text()) {
            let canonical = e.attr("canonical").unwrap_or(&e.term).to_string();
            out.push(
                Candidate::new(Label::Location, r, LEXICON, 5)
                    .with_attrs(Attrs::Location { canonical }),
            );
        }
    }
}
