//! A document's events and relations as readable lines, one fact a line — what a test
//! asserts and what a person debugging a rule wants to read:
//!
//! ```text
//! Signing 战略合作协议签约 @2024-07-20
//! 甲公司 -SIGNED-> [战略合作协议签约]
//! 张三 -HOLDS_POSITION{title=董事长}-> 甲公司
//! ```
//!
//! An event is `Kind name` with ` @date` (or ` @period`); a relation is
//! `from -REL{props}-> to`, where an event endpoint is its name in brackets and the props are
//! those set, in the order title, for (on behalf of), lead, about, status.

use super::{AnnotatedDoc, NodeRef, TimeValue};

/// Every event, then every relation, of `ad` as lines (see the module doc).
pub fn fact_lines(ad: &AnnotatedDoc) -> Vec<String> {
    let node = |r: NodeRef| match r {
        NodeRef::Mention(i) => ad.mentions[i].name.clone(),
        NodeRef::Event(i) => format!("[{}]", ad.events[i].name),
    };
    let mut out = Vec::with_capacity(ad.events.len() + ad.relations.len());
    for e in &ad.events {
        let d = match &e.date {
            Some(TimeValue::Date { date, .. }) => format!(" @{date}"),
            Some(TimeValue::Period { text }) => format!(" @{text}"),
            None => String::new(),
        };
        out.push(format!("{} {}{}", e.kind.as_str(), e.name, d));
    }
    for r in &ad.relations {
        let mut p = Vec::new();
        if let Some(t) = &r.props.title {
            p.push(format!("title={t}"));
        }
        if let Some(t) = &r.props.on_behalf_of {
            p.push(format!("for={t}"));
        }
        if let Some(t) = r.props.lead {
            p.push(format!("lead={t}"));
        }
        if let Some(t) = &r.props.about {
            p.push(format!("about={t}"));
        }
        if let Some(t) = r.props.status {
            p.push(format!("status={}", t.as_str()));
        }
        let props = if p.is_empty() {
            String::new()
        } else {
            format!("{{{}}}", p.join(","))
        };
        out.push(format!(
            "{} -{}{}-> {}",
            node(r.from),
            r.rel.as_str(),
            props,
            node(r.to)
        ));
    }
    out
}
