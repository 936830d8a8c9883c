//! Organizations: known names (`schema/lexicons/orgs_known.txt`), suffix shapes, aliases.
//!
//! Rule ids: `org.known`.

use crate::extract::{AnnotatedDoc, Attrs, Candidate, Extractor, Label, OrgKind};
use crate::rules::{LexiconSet, RuleId, Rules, TermMatcher};

pub const KNOWN: RuleId = RuleId("org.known");

/// Compiled organization rules.
pub struct OrgRules {
    known: TermMatcher,
}

impl OrgRules {
    pub fn build(lex: &LexiconSet) -> OrgRules {
        OrgRules {
            known: TermMatcher::new(lex.get("orgs_known").entries.iter()),
        }
    }
}

pub struct OrgExtractor;

impl Extractor for OrgExtractor {
    fn family(&self) -> &'static str {
        "org"
    }

    fn find(&self, doc: &AnnotatedDoc, rules: &Rules, out: &mut Vec<Candidate>) {
        for (r, e) in rules.org.known.find_longest(doc.text()) {
            let kind = e
                .attr("kind")
                .and_then(OrgKind::parse)
                .unwrap_or(OrgKind::Other);
            out.push(
                Candidate::new(Label::Organization, r, KNOWN, 10).with_attrs(Attrs::Org { kind }),
            );
        }
    }
}
