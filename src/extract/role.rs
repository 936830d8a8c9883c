//! Roles (job titles): the title lexicon (`schema/lexicons/titles.txt`) with modifiers.
//!
//! Rule ids: `role.lexicon`.

use crate::extract::{AnnotatedDoc, Attrs, Candidate, Extractor, Label};
use crate::rules::{LexiconSet, RuleId, Rules, TermMatcher};

pub const LEXICON: RuleId = RuleId("role.lexicon");

pub struct RoleRules {
    titles: TermMatcher,
}

impl RoleRules {
    pub fn build(lex: &LexiconSet) -> RoleRules {
        RoleRules {
            titles: TermMatcher::new(lex.get("titles").entries.iter()),
        }
    }
}

pub struct RoleExtractor;

impl Extractor for RoleExtractor {
    fn family(&self) -> &'static str {
        "role"
    }

    fn find(&self, doc: &AnnotatedDoc, rules: &Rules, out: &mut Vec<Candidate>) {
        for (r, e) in rules.role.titles.find_longest(doc.text()) {
            out.push(
                Candidate::new(Label::Role, r, LEXICON, 5).with_attrs(Attrs::Role {
                    title: e.term.clone(),
                }),
            );
        }
    }
}
