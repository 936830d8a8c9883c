//! Events and relations: triggers with argument patterns, slot filling across sentences.
//!
//! Rule ids: `event.title_of` (HAS_ROLE / HOLDS_POSITION from adjacent org–title–person).

use crate::extract::{AnnotatedDoc, Evidence, Label, NodeRef, RelProps, RelType, Relation};
use crate::rules::{LexiconSet, RuleId, Rules};

pub const TITLE_OF: RuleId = RuleId("event.title_of");

pub struct EventRules;

impl EventRules {
    pub fn build(_lex: &LexiconSet) -> EventRules {
        EventRules
    }
}

/// Find events and relations and add them to the document.
///
/// First cut: `Role` immediately followed by `Person` gives HAS_ROLE, and an `Organization`
/// immediately before the role gives HOLDS_POSITION.
pub fn extract_events(doc: &mut AnnotatedDoc, _rules: &Rules) {
    let mut rels = Vec::new();
    for (i, w) in doc.mentions.windows(2).enumerate() {
        let (role, per) = (&w[0], &w[1]);
        if role.label != Label::Role
            || per.label != Label::Person
            || role.range.end != per.range.start
        {
            continue;
        }
        let title = role.text.clone();
        let ev = Evidence::new(per.sentence, role.range.start..per.range.end, TITLE_OF);
        rels.push(Relation {
            rel: RelType::HasRole,
            from: NodeRef::Mention(i + 1),
            to: NodeRef::Mention(i),
            props: RelProps {
                title: Some(title.clone()),
                ..RelProps::default()
            },
            evidence: ev.clone(),
        });
        if i > 0 {
            let org = &doc.mentions[i - 1];
            if org.label == Label::Organization && org.range.end == role.range.start {
                rels.push(Relation {
                    rel: RelType::HoldsPosition,
                    from: NodeRef::Mention(i + 1),
                    to: NodeRef::Mention(i - 1),
                    props: RelProps {
                        title: Some(title),
                        status: Some(crate::extract::PositionStatus::Current),
                        ..RelProps::default()
                    },
                    evidence: Evidence::new(per.sentence, org.range.start..per.range.end, TITLE_OF),
                });
            }
        }
    }
    doc.relations.extend(rels);
}
