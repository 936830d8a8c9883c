//! Acceptance against `tests/cases/samples_expected.toml`: what a correct extraction of each
//! bundled sample must contain, and the traps it must avoid (the format is documented at the
//! top of that file).
//!
//! Two tests:
//! - `spec_is_consistent_with_samples` always runs. It keeps the spec honest: every sample has a
//!   record, every expected name and surface really occurs in the (noise-stripped) sample text,
//!   every enum value is one the schema knows, nothing is both expected and forbidden.
//! - `samples_meet_the_acceptance_spec` runs the real pipeline on every sample and lists every
//!   missing fact and every trap fallen into. It is `#[ignore]`d while the extractors are being
//!   built; run it with `cargo test --test samples_acceptance -- --ignored --nocapture` to see
//!   the score per sample.

use std::collections::BTreeSet;
use std::path::PathBuf;

use kgextract::extract::{
    Attrs, DocExtraction, EventKind, Label, NodeRef, PositionStatus, Precision, RelType, Relation,
    TimeValue,
};
use serde::Deserialize;

// ------------------------------------------------------------------------------------------
// the spec

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Spec {
    sample: Vec<Sample>,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn all(&self) -> Vec<&str> {
        match self {
            OneOrMany::One(s) => vec![s.as_str()],
            OneOrMany::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Sample {
    file: String,
    title: String,
    published: String,
    #[serde(default)]
    persons: Vec<String>,
    #[serde(default)]
    locations: Vec<String>,
    #[serde(default)]
    forbid_persons: Vec<String>,
    #[serde(default)]
    forbid_orgs: Vec<String>,
    #[serde(default)]
    forbid_locations: Vec<String>,
    #[serde(default)]
    forbid_in_names: Vec<String>,
    #[serde(default)]
    forbid_amount_texts: Vec<String>,
    max_events: Option<usize>,
    #[serde(default)]
    org: Vec<OrgSpec>,
    #[serde(default)]
    role: Vec<RoleSpec>,
    /// Posts that must NOT be bound (`市委书记甲、乙`: 乙 holds no 市委书记).
    #[serde(default)]
    forbid_role: Vec<RoleSpec>,
    #[serde(default)]
    amount: Vec<AmountSpec>,
    #[serde(default)]
    date: Vec<DateSpec>,
    #[serde(default)]
    event: Vec<EventSpec>,
    /// MANAGES: fund manager → fund.
    #[serde(default)]
    manages: Vec<ManagesSpec>,
    /// MANAGES that must NOT be found (a general partner named as 执行事务合伙人).
    #[serde(default)]
    forbid_manages: Vec<ManagesSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ManagesSpec {
    manager: String,
    fund: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrgSpec {
    name: String,
    kind: OneOrMany,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    also_ok: Vec<String>,
    /// The words the document tells an organization by when it never writes the name whole
    /// (a bare `县政府` that takes its county from the document's `岚X县委`): they must occur in
    /// the text instead of the name.
    #[serde(default)]
    told_as: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RoleSpec {
    person: String,
    title: String,
    org: Option<String>,
    status: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AmountSpec {
    text: String,
    value: f64,
    currency: String,
    qualifier: OneOrMany,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AmountArg {
    value: f64,
    currency: String,
    qualifier: OneOrMany,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DateSpec {
    text: String,
    date: String,
    precision: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Speaker {
    person: String,
    /// The speech's title (inside 《》); empty: a speech with no title, not checked.
    #[serde(default)]
    title: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Signer {
    person: String,
    on_behalf_of: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Investor {
    org: String,
    lead: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Appointed {
    person: String,
    title: String,
}

/// ADVISED: an adviser of the deal and its role (`财务顾问`, `法律顾问`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Adviser {
    org: String,
    role: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EventSpec {
    kind: String,
    name_contains: Option<String>,
    date: Option<String>,
    location: Option<String>,
    #[serde(default)]
    organizers: Vec<String>,
    #[serde(default)]
    attendees: Vec<String>,
    #[serde(default)]
    speakers: Vec<Speaker>,
    #[serde(default)]
    parties: Vec<String>,
    #[serde(default)]
    signers: Vec<Signer>,
    #[serde(default)]
    witnesses: Vec<String>,
    #[serde(default)]
    raised_by: Vec<String>,
    #[serde(default)]
    investors: Vec<Investor>,
    #[serde(default)]
    acquirer: Vec<String>,
    #[serde(default)]
    target: Vec<String>,
    #[serde(default)]
    sellers: Vec<String>,
    #[serde(default)]
    appointed: Vec<Appointed>,
    #[serde(default)]
    establishers: Vec<String>,
    #[serde(default)]
    launched_by: Vec<String>,
    #[serde(default)]
    advisers: Vec<Adviser>,
    amount: Option<AmountArg>,
    part_of: Option<String>,
}

const ORG_KINDS: &[&str] = &[
    "enterprise",
    "government",
    "fund",
    "academic",
    "association",
    "media",
    "other",
];
const QUALIFIERS: &[&str] = &[
    "exact",
    "more_than",
    "at_least",
    "at_most",
    "approx",
    "level",
    "vague",
    "range",
];
const PRECISIONS: &[&str] = &["day", "month", "quarter", "half", "year"];
const EVENT_KINDS: &[&str] = &[
    "Forum",
    "Signing",
    "Launch",
    "Speech",
    "Investment",
    "Financing",
    "Acquisition",
    "Appointment",
    "Establishment",
];
const STATUSES: &[&str] = &["current", "former", "new", "acting"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load_spec() -> Spec {
    let p = root().join("tests/cases/samples_expected.toml");
    let s = std::fs::read_to_string(&p).expect("spec readable");
    toml::from_str(&s).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The sample text as a reader would see it once noise is gone: conversion noise, page
/// markers, LaTeX wrappers and all whitespace removed, full-width digits folded. Independent of
/// the project's normalizer on purpose: the spec must not depend on the code it judges.
fn clean(s: &str) -> String {
    let mut t = s.to_string();
    for noise in ["<PAGE_DIV>", "#%\\$^&*(", "&%^", "*……%&￥……", "(*)"] {
        t = t.replace(noise, "");
    }
    t = t
        .replace("\\mathrm{G}", "G")
        .replace("\\(", "")
        .replace("\\)", "");
    t.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

fn nospace(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

// ------------------------------------------------------------------------------------------
// 1. the spec itself

#[test]
fn spec_is_consistent_with_samples() {
    let spec = load_spec();
    let mut problems = Vec::new();

    let mut on_disk: BTreeSet<String> = BTreeSet::new();
    for e in std::fs::read_dir(root().join("samples")).expect("samples/ exists") {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "md" || x == "txt") {
            on_disk.insert(format!(
                "samples/{}",
                p.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    let in_spec: BTreeSet<String> = spec.sample.iter().map(|s| s.file.clone()).collect();
    for f in on_disk.difference(&in_spec) {
        problems.push(format!("{f}: no [[sample]] record"));
    }
    assert!(spec.sample.len() >= 8, "at least 8 samples expected");

    for s in &spec.sample {
        let path = root().join(&s.file);
        // (decoded as the reader decodes it: samples may be GBK or Big5, not only UTF-8)
        let Some(raw) = std::fs::read(&path)
            .ok()
            .and_then(|b| kgextract::read::from_bytes(&s.file, &s.file, &b).ok())
            .map(|d| d.text)
        else {
            problems.push(format!("{}: missing or unreadable file", s.file));
            continue;
        };
        let text = clean(&raw);
        // (a Traditional sample may name a place by its Simplified canonical name: 東南亞 is
        // 东南亚)
        let simplified = clean(&simp(&raw));
        let mut must_occur = |what: &str, v: &str| {
            if !text.contains(&nospace(v)) && !simplified.contains(&nospace(&simp(v))) {
                problems.push(format!(
                    "{}: {what} {v:?} does not occur in the text",
                    s.file
                ));
            }
        };
        must_occur("title", &s.title);
        for v in &s.persons {
            must_occur("person", v);
        }
        for v in &s.locations {
            must_occur("location", v);
        }
        for o in &s.org {
            must_occur("org", o.told_as.as_deref().unwrap_or(&o.name));
            for a in &o.aliases {
                must_occur("alias", a);
            }
        }
        for r in &s.role {
            must_occur("role person", &r.person);
            must_occur("role title", &r.title);
            if let Some(o) = &r.org
                && !s.org.iter().any(|x| &x.name == o && x.told_as.is_some())
            {
                must_occur("role org", o);
            }
        }
        for a in &s.amount {
            must_occur("amount", &a.text);
        }
        for e in &s.event {
            if let Some(n) = &e.name_contains {
                must_occur("event name", n);
            }
            for sp in &e.speakers {
                must_occur("speech title", &sp.title);
            }
        }

        // Enum values and dates.
        let mut bad = |what: &str, v: &str, ok: &[&str]| {
            if !ok.contains(&v) {
                problems.push(format!("{}: {what} {v:?} is not one of {ok:?}", s.file));
            }
        };
        for o in &s.org {
            for k in o.kind.all() {
                bad("org kind", k, ORG_KINDS);
            }
        }
        for a in &s.amount {
            for q in a.qualifier.all() {
                bad("qualifier", q, QUALIFIERS);
            }
        }
        for d in &s.date {
            bad("precision", &d.precision, PRECISIONS);
        }
        for r in &s.role {
            if let Some(st) = &r.status {
                bad("status", st, STATUSES);
            }
        }
        for e in &s.event {
            bad("event kind", &e.kind, EVENT_KINDS);
            if let Some(p) = &e.part_of {
                bad("part_of", p, EVENT_KINDS);
            }
            if let Some(a) = &e.amount {
                for q in a.qualifier.all() {
                    bad("qualifier", q, QUALIFIERS);
                }
            }
        }
        let mut dates: Vec<&str> = vec![s.published.as_str()];
        dates.extend(s.date.iter().map(|d| d.date.as_str()));
        dates.extend(s.event.iter().filter_map(|e| e.date.as_deref()));
        for d in dates {
            if chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err() {
                problems.push(format!("{}: {d:?} is not a valid YYYY-MM-DD date", s.file));
            }
        }

        // Internal references: roles and event arguments name people/orgs the record expects.
        let people: BTreeSet<&str> = s.persons.iter().map(String::as_str).collect();
        let mut orgs: BTreeSet<&str> = s.org.iter().map(|o| o.name.as_str()).collect();
        orgs.extend(
            s.org
                .iter()
                .flat_map(|o| o.aliases.iter().map(String::as_str)),
        );
        let mut refer = |what: &str, v: &str, person: bool, org: bool| {
            let ok = (person && people.contains(v)) || (org && orgs.contains(v));
            if !ok {
                problems.push(format!(
                    "{}: {what} {v:?} is not an expected entity",
                    s.file
                ));
            }
        };
        for r in &s.role {
            refer("role person", &r.person, true, false);
            if let Some(o) = &r.org {
                refer("role org", o, false, true);
            }
        }
        for e in &s.event {
            for v in e.organizers.iter().chain(&e.parties).chain(&e.raised_by) {
                refer("event argument", v, true, true);
            }
            for v in e.acquirer.iter().chain(&e.target).chain(&e.sellers) {
                refer("event argument", v, true, true);
            }
            for v in e.establishers.iter().chain(&e.launched_by) {
                refer("event argument", v, true, true);
            }
            for a in &e.advisers {
                refer("event argument", &a.org, false, true);
            }
            for v in e.attendees.iter().chain(&e.witnesses) {
                refer("event argument", v, true, true);
            }
            for sp in &e.speakers {
                refer("speaker", &sp.person, true, false);
            }
            for sg in &e.signers {
                refer("signer", &sg.person, true, false);
                refer("on_behalf_of", &sg.on_behalf_of, false, true);
            }
            for i in &e.investors {
                refer("investor", &i.org, true, true);
            }
            for a in &e.appointed {
                refer("appointed", &a.person, true, false);
            }
        }

        // Nothing both expected and forbidden.
        for f in &s.forbid_persons {
            if people.contains(f.as_str()) {
                problems.push(format!("{}: {f:?} is expected and forbidden", s.file));
            }
        }
        for f in &s.forbid_orgs {
            if s.org.iter().any(|o| &o.name == f) {
                problems.push(format!("{}: {f:?} is expected and forbidden", s.file));
            }
        }
        for a in &s.amount {
            if s.forbid_amount_texts.contains(&nospace(&a.text)) {
                problems.push(format!(
                    "{}: amount {:?} is expected and forbidden",
                    s.file, a.text
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "spec problems:\n{}",
        problems.join("\n")
    );
}

// ------------------------------------------------------------------------------------------
// 2. the pipeline against the spec

/// The project's own Simplified matching view of a name (identity for Simplified text).
fn simp(s: &str) -> String {
    match kgextract::read::from_bytes("n", "n", s.as_bytes()) {
        Ok(d) => kgextract::normalize::normalize(&d).text,
        Err(_) => s.to_string(),
    }
}

fn same(expected: &str, mention_text: &str, mention_name: &str) -> bool {
    use kgextract::link::key;
    let e = key(expected);
    let es = key(&simp(expected));
    [key(mention_text), key(mention_name)]
        .iter()
        .any(|k| *k == e || *k == es)
}

struct Checker<'a> {
    ex: &'a DocExtraction,
    misses: Vec<String>,
    hits: usize,
}

impl Checker<'_> {
    fn expect(&mut self, ok: bool, what: String) {
        if ok {
            self.hits += 1;
        } else {
            self.misses.push(format!("missing: {what}"));
        }
    }
    fn forbid(&mut self, bad: bool, what: String) {
        if bad {
            self.misses.push(format!("trap: {what}"));
        }
    }
    fn mentions(&self, label: Label, name: &str) -> Vec<usize> {
        self.ex
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.label == label && same(name, &m.text, &m.name))
            .map(|(i, _)| i)
            .collect()
    }
    fn names_entity(&self, r: NodeRef, name: &str) -> bool {
        match r {
            NodeRef::Mention(i) => self
                .ex
                .mentions
                .get(i)
                .is_some_and(|m| same(name, &m.text, &m.name)),
            NodeRef::Event(_) => false,
        }
    }
    /// A relation `rel` from an entity called `name` to event `ev` that also passes `also`.
    fn rel_to_event(
        &self,
        rel: RelType,
        name: &str,
        ev: usize,
        also: impl Fn(&Relation) -> bool,
    ) -> bool {
        self.ex.relations.iter().any(|r| {
            r.rel == rel && r.to == NodeRef::Event(ev) && self.names_entity(r.from, name) && also(r)
        })
    }
    /// A relation `rel` from event `ev` to a node that passes `to`.
    fn rel_from_event(&self, rel: RelType, ev: usize, to: impl Fn(NodeRef) -> bool) -> bool {
        self.ex
            .relations
            .iter()
            .any(|r| r.rel == rel && r.from == NodeRef::Event(ev) && to(r.to))
    }
}

/// The relation's title property contains `want`.
fn title_has(r: &Relation, want: &str) -> bool {
    want.is_empty() || r.props.title.as_deref().is_some_and(|t| t.contains(want))
}

fn event_kind(s: &str) -> Option<EventKind> {
    Some(match s {
        "Forum" => EventKind::Forum,
        "Signing" => EventKind::Signing,
        "Launch" => EventKind::Launch,
        "Speech" => EventKind::Speech,
        "Investment" => EventKind::Investment,
        "Financing" => EventKind::Financing,
        "Acquisition" => EventKind::Acquisition,
        "Appointment" => EventKind::Appointment,
        "Establishment" => EventKind::Establishment,
        _ => return None,
    })
}

fn money_matches(m: &kgextract::extract::Money, value: f64, cur: &str, q: &OneOrMany) -> bool {
    (m.value - value).abs() <= value.abs() * 1e-6
        && m.currency == cur
        && q.all().contains(&m.qualifier.as_str())
}

fn check_sample(s: &Sample) -> (usize, Vec<String>) {
    let path = root().join(&s.file);
    let doc = kgextract::read::read_file(&path, &s.file, &kgextract::read::Limits::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let title_ok = doc
        .header
        .title
        .as_deref()
        .is_some_and(|t| nospace(&clean(t)) == nospace(&s.title));
    let published_ok = doc
        .header
        .published
        .is_some_and(|d| d.to_string() == s.published);
    let ex = kgextract::extract::process(&doc, kgextract::rules::Rules::builtin());
    let mut c = Checker {
        ex: &ex,
        misses: Vec::new(),
        hits: 0,
    };
    c.expect(title_ok, format!("title {:?}", s.title));
    c.expect(published_ok, format!("published {}", s.published));

    for p in &s.persons {
        let ok = !c.mentions(Label::Person, p).is_empty();
        c.expect(ok, format!("person {p}"));
    }
    for l in &s.locations {
        let ok = ex.mentions.iter().any(|m| {
            m.label == Label::Location
                && (same(l, &m.text, &m.name)
                    || matches!(&m.attrs, Attrs::Location { canonical } if same(l, canonical, canonical)))
        });
        c.expect(ok, format!("location {l}"));
    }
    for o in &s.org {
        let mut names = vec![o.name.as_str()];
        names.extend(o.also_ok.iter().map(String::as_str));
        let found: Vec<usize> = names
            .iter()
            .flat_map(|n| c.mentions(Label::Organization, n))
            .collect();
        c.expect(!found.is_empty(), format!("org {}", o.name));
        let kind_ok = found.iter().any(|&i| {
            matches!(&ex.mentions[i].attrs, Attrs::Org { kind } if o.kind.all().contains(&kind.as_str()))
        });
        c.expect(kind_ok, format!("org {} kind {:?}", o.name, o.kind.all()));
        for a in &o.aliases {
            // The alias resolves to the org (its link name is the full name), never a new org.
            let ok = ex.mentions.iter().any(|m| {
                m.label == Label::Organization
                    && same(a, &m.text, &m.text)
                    && names.iter().any(|n| same(n, &m.name, &m.name))
            });
            c.expect(ok, format!("alias {a} → {}", o.name));
        }
    }
    let role_found = |c: &Checker, r: &RoleSpec| {
        ex.relations.iter().any(|rel| {
            let title_ok = rel
                .props
                .title
                .as_deref()
                .is_some_and(|t| t.contains(&r.title) || simp(t).contains(&simp(&r.title)));
            let status_ok = r
                .status
                .as_deref()
                .is_none_or(|st| rel.props.status.map(PositionStatus::as_str) == Some(st));
            let from_ok = c.names_entity(rel.from, &r.person);
            let to_ok = match &r.org {
                Some(o) => rel.rel == RelType::HoldsPosition && c.names_entity(rel.to, o),
                None => matches!(rel.rel, RelType::HasRole | RelType::HoldsPosition),
            };
            from_ok && to_ok && title_ok && status_ok
        })
    };
    let role_label = |r: &RoleSpec| {
        format!(
            "role {} {} {}{}",
            r.person,
            r.title,
            r.org.as_deref().unwrap_or("-"),
            r.status
                .as_deref()
                .map(|s| format!(" ({s})"))
                .unwrap_or_default()
        )
    };
    for r in &s.role {
        let ok = role_found(&c, r);
        c.expect(ok, role_label(r));
    }
    for r in &s.forbid_role {
        let bad = role_found(&c, r);
        c.forbid(bad, role_label(r));
    }
    let manages_found = |c: &Checker, m: &ManagesSpec| {
        c.ex.relations.iter().any(|r| {
            r.rel == RelType::Manages
                && c.names_entity(r.from, &m.manager)
                && c.names_entity(r.to, &m.fund)
        })
    };
    for m in &s.manages {
        let ok = manages_found(&c, m);
        c.expect(ok, format!("manages {} -> {}", m.manager, m.fund));
    }
    for m in &s.forbid_manages {
        let bad = manages_found(&c, m);
        c.forbid(bad, format!("manages {} -> {}", m.manager, m.fund));
    }
    for a in &s.amount {
        let ok = ex.mentions.iter().any(|m| {
            matches!(&m.attrs, Attrs::Amount(money) if money_matches(money, a.value, &a.currency, &a.qualifier))
        });
        c.expect(
            ok,
            format!(
                "amount {} = {} {} {:?}",
                a.text,
                a.value,
                a.currency,
                a.qualifier.all()
            ),
        );
    }
    for d in &s.date {
        let ok = ex.mentions.iter().any(|m| {
            matches!(&m.attrs, Attrs::Time(TimeValue::Date { date, precision, .. })
                if date.to_string() == d.date && precision_str(*precision) == d.precision)
        });
        c.expect(
            ok,
            format!("date {} = {} ({})", d.text, d.date, d.precision),
        );
    }
    for e in &s.event {
        let kind = event_kind(&e.kind);
        let candidates: Vec<usize> = ex
            .events
            .iter()
            .enumerate()
            .filter(|(_, ev)| Some(ev.kind) == kind)
            .filter(|(_, ev)| {
                e.name_contains.as_deref().is_none_or(|n| {
                    nospace(&ev.name).contains(&nospace(n)) || simp(&ev.name).contains(&simp(n))
                })
            })
            .map(|(i, _)| i)
            .collect();
        let label = format!(
            "{} {}",
            e.kind,
            e.name_contains.as_deref().unwrap_or("(unnamed)")
        );
        if candidates.is_empty() {
            c.expect(false, format!("event {label}"));
            continue;
        }
        // Score the best-matching candidate event.
        let mut best: Option<(usize, Vec<String>)> = None;
        for &i in &candidates {
            let mut m = Vec::new();
            let mut need = |ok: bool, what: String| {
                if !ok {
                    m.push(format!("event {label}: {what}"));
                }
            };
            let ev = &ex.events[i];
            if let Some(d) = &e.date {
                let ok = matches!(&ev.date, Some(TimeValue::Date { date, .. }) if date.to_string() == *d);
                need(ok, format!("date {d}"));
            }
            if let Some(l) = &e.location {
                let ok = ev.location.and_then(|k| ex.mentions.get(k)).is_some_and(|lm| {
                    same(l, &lm.text, &lm.name)
                        || matches!(&lm.attrs, Attrs::Location { canonical } if same(l, canonical, canonical))
                });
                need(ok, format!("location {l}"));
            }
            let args: Vec<(RelType, &str)> = e
                .organizers
                .iter()
                .map(|v| (RelType::Organized, v.as_str()))
                .chain(e.attendees.iter().map(|v| (RelType::Attended, v.as_str())))
                .chain(e.witnesses.iter().map(|v| (RelType::Attended, v.as_str())))
                .chain(e.parties.iter().map(|v| (RelType::Signed, v.as_str())))
                .chain(e.raised_by.iter().map(|v| (RelType::Raised, v.as_str())))
                .chain(e.acquirer.iter().map(|v| (RelType::Acquired, v.as_str())))
                .chain(e.target.iter().map(|v| (RelType::TargetOf, v.as_str())))
                .chain(e.sellers.iter().map(|v| (RelType::Sold, v.as_str())))
                .chain(
                    e.establishers
                        .iter()
                        .map(|v| (RelType::Established, v.as_str())),
                )
                .chain(
                    e.launched_by
                        .iter()
                        .map(|v| (RelType::Launched, v.as_str())),
                )
                .collect();
            for (rel, who) in args {
                need(
                    c.rel_to_event(rel, who, i, |_| true),
                    format!("{} {who}", rel.as_str()),
                );
            }
            for sp in &e.speakers {
                let ok =
                    c.rel_to_event(RelType::SpokeAt, &sp.person, i, |r| title_has(r, &sp.title));
                need(ok, format!("{} SPOKE_AT 《{}》", sp.person, sp.title));
            }
            for sg in &e.signers {
                let ok = c.rel_to_event(RelType::Signed, &sg.person, i, |r| {
                    r.props.on_behalf_of.as_deref().is_some_and(|o| {
                        same(&sg.on_behalf_of, o, o)
                            || s.org.iter().any(|org| {
                                org.name == sg.on_behalf_of
                                    && org.aliases.iter().any(|a| same(a, o, o))
                            })
                    })
                });
                need(
                    ok,
                    format!("{} SIGNED on behalf of {}", sg.person, sg.on_behalf_of),
                );
            }
            for a in &e.advisers {
                let ok = c.rel_to_event(RelType::Advised, &a.org, i, |r| title_has(r, &a.role));
                need(ok, format!("{} ADVISED as {}", a.org, a.role));
            }
            for inv in &e.investors {
                let ok = c.rel_to_event(RelType::Invested, &inv.org, i, |r| {
                    r.props.lead.unwrap_or(false) == inv.lead
                });
                need(ok, format!("{} INVESTED lead={}", inv.org, inv.lead));
            }
            for ap in &e.appointed {
                let ok = c.rel_to_event(RelType::Appointed, &ap.person, i, |_| true)
                    && ex.relations.iter().any(|r| {
                        r.rel == RelType::HoldsPosition
                            && c.names_entity(r.from, &ap.person)
                            && title_has(r, &ap.title)
                    });
                need(ok, format!("APPOINTED {} {}", ap.person, ap.title));
            }
            if let Some(a) = &e.amount {
                let ok = c.rel_from_event(RelType::HasAmount, i, |to| {
                    matches!(to, NodeRef::Mention(k) if matches!(&ex.mentions[k].attrs,
                        Attrs::Amount(money) if money_matches(money, a.value, &a.currency, &a.qualifier)))
                });
                need(ok, format!("HAS_AMOUNT {} {}", a.value, a.currency));
            }
            if let Some(p) = &e.part_of {
                let parent = event_kind(p);
                let ok = c.rel_from_event(
                    RelType::PartOf,
                    i,
                    |to| matches!(to, NodeRef::Event(k) if Some(ex.events[k].kind) == parent),
                );
                need(ok, format!("PART_OF a {p}"));
            }
            if best.as_ref().is_none_or(|(_, bm)| m.len() < bm.len()) {
                best = Some((i, m));
            }
        }
        let (_, m) = best.unwrap_or_default();
        c.expect(true, format!("event {label}"));
        for miss in m {
            c.expect(false, miss);
        }
    }

    // Traps.
    for f in &s.forbid_persons {
        let bad = !c.mentions(Label::Person, f).is_empty();
        c.forbid(bad, format!("person {f}"));
    }
    for f in &s.forbid_orgs {
        // A placeholder the document defines as an alias (`公司`) resolves to the full name:
        // only a mention that keeps the forbidden name as its own name is a new organization.
        let bad = c
            .mentions(Label::Organization, f)
            .iter()
            .any(|&i| same(f, &ex.mentions[i].name, &ex.mentions[i].name));
        c.forbid(bad, format!("org {f}"));
    }
    for f in &s.forbid_locations {
        let bad = !c.mentions(Label::Location, f).is_empty();
        c.forbid(bad, format!("location {f}"));
    }
    for m in &ex.mentions {
        for f in &s.forbid_in_names {
            if m.text.contains(f.as_str()) || m.name.contains(f.as_str()) {
                c.misses
                    .push(format!("trap: {:?} {:?} contains {f:?}", m.label, m.text));
            }
        }
        if m.label == Label::Amount && s.forbid_amount_texts.contains(&nospace(&m.text)) {
            c.misses.push(format!("trap: amount {:?}", m.text));
        }
    }
    if let Some(max) = s.max_events {
        c.forbid(
            ex.events.len() > max,
            format!("{} events (at most {max})", ex.events.len()),
        );
    }
    (c.hits, c.misses)
}

fn precision_str(p: Precision) -> &'static str {
    p.as_str()
}

#[test]
#[ignore = "acceptance: run with -- --ignored --nocapture once the extractors have landed"]
fn samples_meet_the_acceptance_spec() {
    let spec = load_spec();
    let mut total_hits = 0;
    let mut total_misses = 0;
    let mut report = String::new();
    for s in &spec.sample {
        let (hits, misses) = check_sample(s);
        total_hits += hits;
        total_misses += misses.len();
        report.push_str(&format!(
            "{:<40} {:>3} found, {:>3} missing or traps\n",
            s.file,
            hits,
            misses.len()
        ));
        for m in &misses {
            report.push_str(&format!("    {m}\n"));
        }
    }
    println!("{report}");
    println!("samples acceptance: {total_hits} expectations met, {total_misses} missing or traps");
    assert_eq!(total_misses, 0, "acceptance failures:\n{report}");
}
