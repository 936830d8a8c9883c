//! People: Chinese names confirmed by context (titles, verbs, enumerations), never by a list of
//! the people of one article.
//!
//! Rule ids: `person.title_before`.

use crate::extract::{AnnotatedDoc, Candidate, Extractor, Label};
use crate::rules::{LexiconSet, RuleId, Rules, TermMatcher};

pub const TITLE_BEFORE: RuleId = RuleId("person.title_before");

pub struct PersonRules {
    surnames: TermMatcher,
}

impl PersonRules {
    pub fn build(lex: &LexiconSet) -> PersonRules {
        PersonRules {
            surnames: TermMatcher::new(lex.get("surnames").entries.iter()),
        }
    }
}

pub struct PersonExtractor;

impl Extractor for PersonExtractor {
    fn family(&self) -> &'static str {
        "person"
    }

    /// First cut: a title immediately followed by surname + two CJK characters.
    fn find(&self, doc: &AnnotatedDoc, rules: &Rules, out: &mut Vec<Candidate>) {
        let text = doc.text();
        for (_, m) in doc.mentions_of(Label::Role) {
            let rest = &text[m.range.end..];
            let Some((sr, _)) = rules.person.surnames.find_longest(rest).next() else {
                continue;
            };
            if sr.start != 0 {
                continue;
            }
            let given: Vec<char> = rest[sr.end..].chars().take(2).collect();
            if given.len() == 2 && given.iter().all(|c| ('\u{4e00}'..='\u{9fff}').contains(c)) {
                let end = m.range.end + sr.end + given.iter().map(|c| c.len_utf8()).sum::<usize>();
                out.push(Candidate::new(
                    Label::Person,
                    m.range.end..end,
                    TITLE_BEFORE,
                    5,
                ));
            }
        }
    }
}
