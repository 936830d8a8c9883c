//! The compact per-document records that resolution and graph building read (issue 8: memory
//! grows with the graph, not with the text).
//!
//! A [`DocExtraction`] holds several `String`s per mention and every sentence of its document.
//! Entity resolution needs every document before it can decide anything, so whatever is kept
//! per document is held for the whole corpus at once. Right after a document is extracted (on
//! the worker thread), [`DocFacts::of`] keeps only what [`super::resolve`] and
//! `graph::build` read — per mention its name key, display name, surface, name and evidence
//! position; per event its name, date, place and evidence; the relations; the text of the
//! sentences an edge can cite — with every string as a [`Sym`] into a per-document
//! [`Interner`]. [`Corpus::add`] then re-interns the document's strings into one corpus-wide
//! interner, so a name repeated across documents is stored once, and splits the record: what
//! resolution reads stays in memory ([`DocCore`]: each mention record as an index into the
//! corpus's distinct [`MentionName`]s and a count, the events, the HOLDS_POSITION pairs), the
//! rest (positions and rules, relations, sentences) is encoded into [`Corpus::records`] — a
//! temporary file for a command-line run — and read back one document at a time by
//! [`read_rest`] when the edges are made. Documents are added in input
//! order (a deterministic order: the interner's numbering never reaches the output anyway — it
//! is only used to look strings up, never to order anything), and [`Corpus::finish`] sorts
//! them by document id as resolution expects.

use crate::graph::Shared;

use crate::extract::{
    Attrs, DocExtraction, DocMeta, DocStats, EventKind, Label, Money, NodeRef, OrgKind, RelProps,
    RelType, TimeValue,
};
use crate::graph::NodeLabel;
use crate::rules::{FastMap, RuleId};

use super::key::{display, key};
use super::records::{Reader, RecordReader, Records, Span, Writer};

/// An interned string (an index into an [`Interner`]).
pub type Sym = u32;

/// "No string": a mention without a node, a key that is not computed.
pub const NO_SYM: Sym = u32::MAX;

/// Strings stored once each, numbered in the order they were first seen.
#[derive(Default, Debug)]
pub struct Interner {
    map: FastMap<Shared, Sym>,
    list: Vec<Shared>,
}

impl Interner {
    /// Room for `n` strings.
    pub fn with_capacity(n: usize) -> Interner {
        Interner {
            map: FastMap::with_capacity_and_hasher(n, Default::default()),
            list: Vec::with_capacity(n),
        }
    }

    pub fn intern(&mut self, s: &str) -> Sym {
        if let Some(&i) = self.map.get(s) {
            return i;
        }
        let i = self.list.len() as Sym;
        let a: Shared = Shared::from(s);
        self.list.push(a.clone());
        self.map.insert(a, i);
        i
    }
    /// Free the lookup table once every string is interned ([`Corpus::finish`]): resolution
    /// and graph building only read strings by number, and the table (≈ 17 bytes a slot,
    /// slots for up to twice the strings) was held to the end of graph building (issue 8).
    /// A string interned after this is not found again: it would get a number of its own.
    fn seal(&mut self) {
        self.map = FastMap::default();
    }
    /// The string of `s` ("" for [`NO_SYM`]).
    pub fn get(&self, s: Sym) -> &str {
        self.list.get(s as usize).map_or("", |a| a)
    }
    /// The string of `s`, shared ("" for [`NO_SYM`]).
    pub fn shared(&self, s: Sym) -> Shared {
        self.list.get(s as usize).cloned().unwrap_or_default()
    }
    pub fn len(&self) -> usize {
        self.list.len()
    }
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// The identical mentions of a document (same label, kind, key and names), as resolution and
/// the graph read them: resolution gives identical mentions of a document the same entity,
/// counts are additive and a MENTIONED_IN edge cites the first mention of its entity, so one
/// record with a count and the first position is all that is kept. Records are in the order of
/// their first mention.
#[derive(Clone, Debug)]
pub struct MentionFact {
    pub label: Label,
    /// The organization kind (`Other` when not an organization or not known).
    pub kind: OrgKind,
    /// The entity key: the resolver's key of the mention (a person's name key; for amounts the
    /// value key); [`NO_SYM`] when the mention makes no node.
    pub key: Sym,
    /// The readable name (Simplified, trimmed; an amount's trimmed surface).
    pub name: Sym,
    /// The surface as written (`Mention::text`).
    pub text: Sym,
    /// The linking name (`Mention::name`).
    pub raw_name: Sym,
    /// `key(text)` for organizations (alias resolution), else [`NO_SYM`].
    pub text_key: Sym,
    pub sentence: u32,
    pub start: u32,
    pub end: u32,
    /// Index into [`DocFacts::rules`].
    pub rule: u16,
    /// How many mentions of the document the record stands for (`sentence`, `start`, `end`
    /// and `rule` are those of the first).
    pub count: u32,
}

/// One event, as resolution and the graph read it.
#[derive(Clone, Debug)]
pub struct EventFact {
    pub kind: EventKind,
    /// `Event::name` as found.
    pub name: Sym,
    pub date: Option<TimeValue>,
    /// The readable name of its place, if it has one.
    pub location: Option<Sym>,
    pub sentence: u32,
    pub start: u32,
    pub end: u32,
    /// Index into [`DocFacts::rules`].
    pub rule: u16,
}

/// One relation: its ends (mention or event indices of the document), type, properties
/// (boxed: most relations have none) and evidence.
#[derive(Clone, Debug)]
pub struct RelFact {
    pub rel: RelType,
    pub from: NodeRef,
    pub to: NodeRef,
    pub props: Option<Box<RelProps>>,
    pub sentence: u32,
    pub start: u32,
    pub end: u32,
    /// Index into [`DocFacts::rules`].
    pub rule: u16,
}

impl RelFact {
    pub fn props(&self) -> RelProps {
        self.props.as_deref().cloned().unwrap_or_default()
    }
}

/// What resolution and the graph keep of one document.
#[derive(Clone, Debug)]
pub struct DocFacts {
    pub meta: DocMeta,
    pub stats: DocStats,
    /// The mentions of the document, identical ones as one record, in the order of their
    /// first mention (relations refer to the records by index).
    pub mentions: Vec<MentionFact>,
    pub events: Vec<EventFact>,
    pub relations: Vec<RelFact>,
    /// The sentences an edge can cite, by sentence index, sorted (the others are not kept).
    pub sentences: Vec<(u32, Shared)>,
    /// The rules that found the document's facts (facts name them by index: a document uses
    /// a few rules many times).
    pub rules: Vec<RuleId>,
}

/// A document's facts with its own strings, before [`Corpus::add`].
#[derive(Debug)]
pub struct LocalFacts {
    pub facts: DocFacts,
    strs: Interner,
    /// The value of each amount key.
    money: Vec<(Sym, Money)>,
}

impl DocFacts {
    /// The compact record of a document (see the module doc). Sentences are kept when a
    /// relation or an event cites them, or when they hold the first mention of a (label,
    /// name) — the evidence of a MENTIONED_IN edge is the first mention of its entity, which
    /// is the first of its name (a mention whose sentence is not kept cites its own text).
    pub fn of(d: DocExtraction) -> LocalFacts {
        let mut keep = vec![false; d.sentences.len()];
        let mut mark = |i: usize| {
            if let Some(k) = keep.get_mut(i) {
                *k = true;
            }
        };
        for r in &d.relations {
            mark(r.evidence.sentence);
        }
        for e in &d.events {
            mark(e.evidence.sentence);
        }
        // (This set and the interner's map are sized for every mention at once: growing from
        // empty rehashed them ≈ 8 times a document. Neither is iterated: their order does not
        // matter.)
        let mut first =
            crate::rules::FastSet::with_capacity_and_hasher(d.mentions.len(), Default::default());
        for m in &d.mentions {
            if m.label != Label::Date && first.insert((m.label, m.name.as_str())) {
                mark(m.sentence);
            }
        }
        let sentences = d
            .sentences
            .into_iter()
            .zip(keep)
            .enumerate()
            .filter(|(_, (s, k))| *k && !s.is_empty())
            .map(|(i, (s, _))| (i as u32, Shared::from(s)))
            .collect();

        let mut strs = Interner::with_capacity(d.mentions.len());
        let mut money = Vec::new();
        let mut rules: Vec<RuleId> = Vec::new();
        let mut rule = |r: RuleId| -> u16 {
            match rules.iter().position(|x| x.as_str() == r.as_str()) {
                Some(i) => i as u16,
                None => {
                    rules.push(r);
                    (rules.len() - 1) as u16
                }
            }
        };
        let mentions = d
            .mentions
            .iter()
            .map(|m| {
                let mut f = MentionFact {
                    label: m.label,
                    kind: OrgKind::Other,
                    key: NO_SYM,
                    name: NO_SYM,
                    text: NO_SYM,
                    raw_name: NO_SYM,
                    text_key: NO_SYM,
                    sentence: m.sentence as u32,
                    start: m.start as u32,
                    end: m.end as u32,
                    rule: rule(m.rule),
                    count: 1,
                };
                // Dates make no node and no edge: only the index and position stay.
                let Some(label) = NodeLabel::of(m.label) else {
                    return f;
                };
                if let Attrs::Org { kind } = m.attrs {
                    f.kind = kind;
                }
                f.text = strs.intern(&m.text);
                f.raw_name = strs.intern(&m.name);
                f.name = strs.intern(&mention_name(m));
                let k = if label == NodeLabel::Person {
                    Some(key(&m.name)).filter(|k| !k.is_empty())
                } else {
                    mention_key(label, m)
                };
                if let Some(k) = k {
                    f.key = strs.intern(&k);
                    if let Attrs::Amount(v) = &m.attrs {
                        money.push((f.key, v.clone()));
                    }
                }
                if label == NodeLabel::Organization {
                    f.text_key = strs.intern(&key(&m.text));
                }
                f
            })
            .collect();
        let (mentions, group) = group_mentions(mentions);
        let events = d
            .events
            .iter()
            .map(|e| EventFact {
                kind: e.kind,
                name: strs.intern(&e.name),
                date: e.date.clone(),
                location: e.location.and_then(|l| d.mentions.get(l)).map(|m| {
                    strs.intern(&match &m.attrs {
                        // A date mention keeps no name (as before this record existed).
                        _ if m.label == Label::Date => String::new(),
                        Attrs::Location { canonical } => display(canonical),
                        _ => display(&m.name),
                    })
                }),
                sentence: e.evidence.sentence as u32,
                start: e.evidence.start as u32,
                end: e.evidence.end as u32,
                rule: rule(e.evidence.rule),
            })
            .collect();
        let relations = d
            .relations
            .into_iter()
            .map(|r| RelFact {
                rel: r.rel,
                from: regroup(r.from, &group),
                to: regroup(r.to, &group),
                props: (r.props != RelProps::default()).then(|| Box::new(r.props)),
                sentence: r.evidence.sentence as u32,
                start: r.evidence.start as u32,
                end: r.evidence.end as u32,
                rule: rule(r.evidence.rule),
            })
            .collect();
        LocalFacts {
            facts: DocFacts {
                meta: d.meta,
                stats: d.stats,
                mentions,
                events,
                relations,
                sentences,
                rules,
            },
            strs,
            money,
        }
    }
}

/// Identical mentions (label, kind and every name) as one record with a count, in the order
/// of their first mention; and the record of each mention.
fn group_mentions(all: Vec<MentionFact>) -> (Vec<MentionFact>, Vec<u32>) {
    type Identity = (Label, OrgKind, Sym, Sym, Sym, Sym, Sym);
    let mut index: FastMap<Identity, u32> = FastMap::default();
    let mut records: Vec<MentionFact> = Vec::new();
    let mut group = Vec::with_capacity(all.len());
    for m in all {
        let id = (
            m.label, m.kind, m.key, m.name, m.text, m.raw_name, m.text_key,
        );
        let g = *index.entry(id).or_insert_with(|| {
            records.push(MentionFact { count: 0, ..m });
            (records.len() - 1) as u32
        });
        records[g as usize].count += 1;
        group.push(g);
    }
    records.shrink_to_fit();
    (records, group)
}

/// A relation end with its mention replaced by the mention's record (an end that names no
/// mention of the document stays one that names none).
fn regroup(end: NodeRef, group: &[u32]) -> NodeRef {
    match end {
        NodeRef::Mention(i) => NodeRef::Mention(group.get(i).map_or(usize::MAX, |&g| g as usize)),
        e => e,
    }
}

/// The key of a non-person mention, or None when it gets no node.
fn mention_key(label: NodeLabel, m: &crate::extract::Mention) -> Option<String> {
    match (label, &m.attrs) {
        (NodeLabel::Amount, Attrs::Amount(money)) => {
            // `{currency}|{qualifier}|{value:?}|{min:?}|{max:?}`.
            let mut k = String::with_capacity(64);
            k.push_str(&money.currency);
            k.push('|');
            k.push_str(money.qualifier.as_str());
            k.push('|');
            let _ = crate::graph::write_f64(&mut k, money.value, true);
            for bound in [money.min, money.max] {
                k.push('|');
                match bound {
                    Some(v) => {
                        k.push_str("Some(");
                        let _ = crate::graph::write_f64(&mut k, v, true);
                        k.push(')');
                    }
                    None => k.push_str("None"),
                }
            }
            Some(k)
        }
        (NodeLabel::Amount, _) => None,
        (NodeLabel::Location, Attrs::Location { canonical }) => Some(key(canonical)),
        (NodeLabel::Role, Attrs::Role { title }) => Some(key(title)),
        _ => {
            let k = key(&m.name);
            (!k.is_empty()).then_some(k)
        }
    }
}

/// A mention's readable name (Simplified, trimmed).
fn mention_name(m: &crate::extract::Mention) -> String {
    match &m.attrs {
        Attrs::Location { canonical } => display(canonical),
        Attrs::Role { title } => display(title),
        Attrs::Amount(_) => m.text.trim().to_string(),
        _ => display(&m.name),
    }
}

/// The names of a mention record, as resolution reads them: the corpus holds each distinct
/// one once ([`Corpus::names`]), documents refer to it by index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MentionName {
    pub label: Label,
    pub kind: OrgKind,
    pub key: Sym,
    pub name: Sym,
    pub text: Sym,
    pub raw_name: Sym,
    pub text_key: Sym,
}

/// A mention record of a document in the corpus: its names (index into [`Corpus::names`])
/// and how many mentions it stands for.
#[derive(Clone, Copy, Debug)]
pub struct MentionRef {
    pub name: u32,
    pub count: u32,
}

/// What the corpus holds of a document in memory, for resolution: its metadata, its mention
/// records by name, its events, and its HOLDS_POSITION relations between two mention records
/// (person record, organization record). The rest is in [`Corpus::records`] at `rest`.
#[derive(Debug)]
pub struct DocCore {
    pub meta: DocMeta,
    pub mentions: Vec<MentionRef>,
    /// Rules are indices into [`Corpus::rules`].
    pub events: Vec<EventFact>,
    pub holds: Vec<(u32, u32)>,
    pub rest: Span,
}

/// Where a fact was found: sentence, offsets and rule (an index into [`Corpus::rules`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct Found {
    pub sentence: u32,
    pub start: u32,
    pub end: u32,
    pub rule: u16,
}

/// A relation of a document as graph building reads it back: its type and properties (an
/// index into [`Corpus::rel_kinds`]), its ends and where it was found.
#[derive(Clone, Copy, Debug)]
pub struct RelRest {
    pub kind: u32,
    pub from: NodeRef,
    pub to: NodeRef,
    pub at: Found,
}

/// What graph building reads back of a document ([`Corpus::read_rest`]): where the first
/// mention of each mention record is, the relations, the sentences an edge can cite (sorted by
/// index).
#[derive(Debug, Default)]
pub struct DocRest {
    pub mentions: Vec<Found>,
    pub relations: Vec<RelRest>,
    /// The kept sentences: (sentence index, where its text starts in `buf`, its length).
    sentences: Vec<(u32, u32, u32)>,
    /// The surfaces of the mention records whose sentence is not kept (or blank): (record
    /// index, where its text starts in `buf`, its length), by record.
    own: Vec<(u32, u32, u32)>,
    /// The document's encoded part, which holds the sentences' texts.
    buf: Vec<u8>,
    /// Where `buf` starts in the corpus's records.
    at: u64,
}

impl DocRest {
    /// Where sentence `i` is among the kept ones, if it is kept.
    pub fn slot(&self, i: u32) -> Option<usize> {
        self.sentences.binary_search_by_key(&i, |s| s.0).ok()
    }

    /// How many sentences are kept.
    pub fn slots(&self) -> usize {
        self.sentences.len()
    }

    /// The text of the kept sentence in `slot`.
    pub fn text(&self, slot: usize) -> &str {
        self.sentences
            .get(slot)
            .and_then(|&(_, a, n)| self.buf.get(a as usize..(a + n) as usize))
            // Checked when it was read (`read_rest`); `simdutf8` accepts exactly what
            // `std::str::from_utf8` accepts, faster on Chinese.
            .and_then(|b| simdutf8::basic::from_utf8(b).ok())
            .unwrap_or("")
    }

    /// The surface of mention record `i` when its sentence is not kept or blank (what its
    /// MENTIONED_IN edge cites; "" otherwise).
    pub fn own_text(&self, i: usize) -> &str {
        self.own
            .binary_search_by_key(&i, |o| o.0 as usize)
            .ok()
            .and_then(|k| self.own.get(k))
            .and_then(|&(_, a, n)| self.buf.get(a as usize..(a + n) as usize))
            .and_then(|b| simdutf8::basic::from_utf8(b).ok())
            .unwrap_or("")
    }

    /// The text of sentence `i`, if it is kept.
    pub fn sentence(&self, i: u32) -> Option<&str> {
        self.slot(i).map(|k| self.text(k))
    }

    /// Where the text of the kept sentence in `slot` is in the corpus's records (offset,
    /// length): [`crate::link::records::RecordReader::with_text_at`] reads it back.
    pub fn span(&self, slot: usize) -> (u64, u32) {
        self.sentences
            .get(slot)
            .map_or((0, 0), |&(_, a, n)| (self.at + u64::from(a), n))
    }
}

/// Every document's facts with one corpus-wide interner: what resolution reads in memory
/// ([`DocCore`]), the rest of each document in [`Corpus::records`] (a temporary file for a
/// command-line run: issue 8, memory grows with the graph, not with the text).
#[derive(Default, Debug)]
pub struct Corpus {
    pub docs: Vec<DocCore>,
    pub strs: Interner,
    /// The value of each amount key (one `Money` per distinct amount).
    pub money: FastMap<Sym, Money>,
    /// Every distinct [`MentionName`] of the corpus.
    pub names: Vec<MentionName>,
    name_index: FastMap<MentionName, u32>,
    /// The rules that found the corpus's facts.
    pub rules: Vec<RuleId>,
    rule_index: FastMap<&'static str, u16>,
    /// Every distinct relation type with properties (most relations have none).
    pub rel_kinds: Vec<(RelType, Option<Box<RelProps>>)>,
    rel_index: FastMap<(RelType, Option<Box<RelProps>>), u32>,
    /// The documents' parts that only graph building reads, encoded.
    pub records: Records,
    /// How many sentences the documents keep in all (an edge can cite each): graph building
    /// reserves its sentence table for them, so that the table is not copied as it grows
    /// (issue 8).
    pub kept_sentences: usize,
    /// How many relations the documents have in all: graph building reserves its list of
    /// relation edges for them (issue 8).
    pub relations: usize,
    /// The encoding buffer, reused.
    scratch: Writer,
}

impl Corpus {
    /// A corpus whose documents' evidence waits in an anonymous temporary file.
    pub fn on_disk() -> std::io::Result<Corpus> {
        Ok(Corpus {
            records: Records::on_disk()?,
            ..Corpus::default()
        })
    }

    /// The names of a mention record.
    pub fn mention(&self, r: &MentionRef) -> &MentionName {
        &self.names[r.name as usize]
    }

    fn rule_index(&mut self, r: RuleId) -> u16 {
        if let Some(&i) = self.rule_index.get(r.as_str()) {
            return i;
        }
        let i = u16::try_from(self.rules.len()).unwrap_or(u16::MAX);
        self.rules.push(r);
        self.rule_index.insert(r.as_str(), i);
        i
    }

    /// Add a document (its strings move into the corpus interner, the parts that only graph
    /// building reads into [`Corpus::records`]).
    pub fn add(&mut self, local: LocalFacts) -> std::io::Result<()> {
        let LocalFacts { facts, strs, money } = local;
        let map: Vec<Sym> = strs.list.iter().map(|s| self.strs.intern(s)).collect();
        let re = |s: Sym| if s == NO_SYM { s } else { map[s as usize] };
        for (k, v) in money {
            self.money.entry(map[k as usize]).or_insert(v);
        }
        let rules: Vec<u16> = facts.rules.iter().map(|&r| self.rule_index(r)).collect();
        let rule = |i: u16| rules.get(i as usize).copied().unwrap_or(u16::MAX);
        let mut w = std::mem::take(&mut self.scratch);
        w.buf.clear();
        let found = |w: &mut Writer, sentence: u32, start: u32, end: u32, r: u16| {
            w.u32(sentence);
            w.u32(start);
            w.u32(end);
            w.u32(u32::from(rule(r)));
        };
        let mut mentions = Vec::with_capacity(facts.mentions.len());
        for m in &facts.mentions {
            let name = MentionName {
                label: m.label,
                kind: m.kind,
                key: re(m.key),
                name: re(m.name),
                text: re(m.text),
                raw_name: re(m.raw_name),
                text_key: re(m.text_key),
            };
            let id = match self.name_index.get(&name) {
                Some(&i) => i,
                None => {
                    let i = self.names.len() as u32;
                    self.names.push(name);
                    self.name_index.insert(name, i);
                    i
                }
            };
            mentions.push(MentionRef {
                name: id,
                count: m.count,
            });
            found(&mut w, m.sentence, m.start, m.end, m.rule);
        }
        let events: Vec<EventFact> = facts
            .events
            .iter()
            .map(|e| EventFact {
                name: re(e.name),
                location: e.location.map(re),
                rule: rule(e.rule),
                ..e.clone()
            })
            .collect();
        let mut holds = Vec::new();
        w.u64(facts.relations.len() as u64);
        self.relations += facts.relations.len();
        for r in &facts.relations {
            if r.rel == RelType::HoldsPosition
                && let (NodeRef::Mention(p), NodeRef::Mention(o)) = (r.from, r.to)
                && p < mentions.len()
                && o < mentions.len()
            {
                holds.push((p as u32, o as u32));
            }
            let ident = (r.rel, r.props.clone());
            let kind = match self.rel_index.get(&ident) {
                Some(&i) => i,
                None => {
                    let i = self.rel_kinds.len() as u32;
                    self.rel_kinds.push(ident.clone());
                    self.rel_index.insert(ident, i);
                    i
                }
            };
            w.u32(kind);
            for end in [r.from, r.to] {
                let (tag, i) = match end {
                    NodeRef::Mention(i) => (0, i),
                    NodeRef::Event(i) => (1, i),
                };
                w.u32(tag);
                w.u64(i as u64);
            }
            found(&mut w, r.sentence, r.start, r.end, r.rule);
        }
        w.u64(facts.sentences.len() as u64);
        self.kept_sentences += facts.sentences.len();
        for (i, text) in &facts.sentences {
            w.u32(*i);
            w.str(text);
        }
        // The surface of each mention record whose sentence is not kept (or blank): the
        // evidence its MENTIONED_IN edge cites instead ([`DocRest::own_text`]; none in
        // practice). Graph building read it from a table of every mention name's text, held
        // through node making and edge collection (issue 8).
        let kept = |i: u32| {
            facts
                .sentences
                .binary_search_by_key(&i, |s| s.0)
                .is_ok_and(|k| !facts.sentences[k].1.trim().is_empty())
        };
        let own: Vec<(u32, &str)> = facts
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.text != NO_SYM && !kept(m.sentence))
            .map(|(mi, m)| (mi as u32, strs.get(m.text)))
            .collect();
        w.u64(own.len() as u64);
        for (mi, text) in own {
            w.u32(mi);
            w.str(text);
        }
        let rest = self.records.append(&w.buf);
        self.scratch = w;
        let rest = rest?;
        let DocMeta {
            id,
            source: _,
            title,
            published,
        } = facts.meta;
        mentions.shrink_to_fit();
        holds.shrink_to_fit();
        self.docs.push(DocCore {
            // The source (a path, for messages) is not read from here on.
            meta: DocMeta {
                id,
                source: String::new(),
                title,
                published,
            },
            mentions,
            events,
            holds,
            rest,
        });
        Ok(())
    }

    /// Sort the documents by id; two inputs with the same document id would be one Document
    /// node, so only the first (in input order) is kept.
    pub fn finish(&mut self) {
        // Only needed while documents are added.
        self.name_index = Default::default();
        self.rule_index = Default::default();
        self.rel_index = Default::default();
        self.scratch = Writer::default();
        self.strs.seal();
        self.docs.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
        self.docs.dedup_by(|b, a| a.meta.id == b.meta.id);
    }

    /// The corpus of these documents (sorted and deduplicated), held in memory.
    pub fn of(docs: Vec<DocExtraction>) -> std::io::Result<Corpus> {
        let mut c = Corpus::default();
        for d in docs {
            c.add(DocFacts::of(d))?;
        }
        c.finish();
        Ok(c)
    }
}

/// Read back the rest of a document (its [`DocCore::rest`], with its number of mention
/// records) into `out` (its sentences stay in the encoded part, read in place: a graph cites
/// them by where they are, issue 8).
pub fn read_rest(
    (span, mentions): (Span, usize),
    reader: &mut RecordReader,
    out: &mut DocRest,
) -> std::io::Result<()> {
    let mut buf = std::mem::take(&mut out.buf);
    reader.read(span, &mut buf)?;
    out.at = span.0;
    let base = buf.as_ptr() as usize;
    let mut r = Reader::new(&buf);
    let found = |r: &mut Reader| -> std::io::Result<Found> {
        Ok(Found {
            sentence: r.u32()?,
            start: r.u32()?,
            end: r.u32()?,
            rule: r.u16()?,
        })
    };
    out.mentions.clear();
    for _ in 0..mentions {
        out.mentions.push(found(&mut r)?);
    }
    out.relations.clear();
    for _ in 0..r.usize()? {
        let kind = r.u32()?;
        let mut ends = [NodeRef::Mention(0); 2];
        for e in &mut ends {
            let tag = r.u32()?;
            let i = r.usize()?;
            *e = if tag == 0 {
                NodeRef::Mention(i)
            } else {
                NodeRef::Event(i)
            };
        }
        out.relations.push(RelRest {
            kind,
            from: ends[0],
            to: ends[1],
            at: found(&mut r)?,
        });
    }
    out.sentences.clear();
    for _ in 0..r.usize()? {
        let i = r.u32()?;
        let text = r.str()?;
        // A part is at most 4 GiB (`Records::append`).
        out.sentences
            .push((i, (text.as_ptr() as usize - base) as u32, text.len() as u32));
    }
    out.own.clear();
    for _ in 0..r.usize()? {
        let i = r.u32()?;
        let text = r.str()?;
        out.own
            .push((i, (text.as_ptr() as usize - base) as u32, text.len() as u32));
    }
    out.buf = buf;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(label: Label, key: Sym, name: Sym, start: u32) -> MentionFact {
        MentionFact {
            label,
            kind: OrgKind::Other,
            key,
            name,
            text: name,
            raw_name: name,
            text_key: NO_SYM,
            sentence: start / 10,
            start,
            end: start + 2,
            rule: 0,
            count: 1,
        }
    }

    /// A mention record whose sentence is not kept, or is blank, keeps its surface in its
    /// document's record (what its MENTIONED_IN edge cites), read back as its own text; a
    /// record whose sentence is kept, and one without a surface (a date), has none.
    #[test]
    fn a_record_without_its_sentence_keeps_its_surface() {
        let mut strs = Interner::default();
        let (a, b) = (strs.intern("甲乙公司"), strs.intern("丙丁集团"));
        let date = MentionFact {
            text: NO_SYM,
            ..mention(Label::Date, NO_SYM, NO_SYM, 40)
        };
        let facts = DocFacts {
            meta: DocMeta {
                id: "一篇.md".into(),
                ..DocMeta::default()
            },
            stats: DocStats::default(),
            // Sentences 0 (kept), 3 (not kept), 4 and 5 (kept, blank).
            mentions: vec![
                mention(Label::Organization, a, a, 0),
                mention(Label::Organization, b, b, 30),
                date,
                mention(Label::Organization, b, a, 50),
            ],
            events: vec![],
            relations: vec![],
            sentences: vec![(0, Shared::from("甲乙公司签约。")), (5, Shared::from("  "))],
            rules: vec![],
        };
        let mut corpus = Corpus::default();
        let local = LocalFacts {
            facts,
            strs,
            money: vec![],
        };
        corpus.add(local).expect("in memory");
        corpus.finish();
        let Corpus { docs, records, .. } = corpus;
        let mut reader = records.into_reader().expect("in memory");
        let mut rest = DocRest::default();
        read_rest(
            (docs[0].rest, docs[0].mentions.len()),
            &mut reader,
            &mut rest,
        )
        .expect("read back");
        let own: Vec<&str> = (0..5).map(|i| rest.own_text(i)).collect();
        assert_eq!(own, ["", "丙丁集团", "", "甲乙公司", ""]);
        assert_eq!(rest.sentence(0), Some("甲乙公司签约。"));
        assert_eq!(rest.sentence(3), None);
    }

    #[test]
    fn identical_mentions_are_one_record_with_count_and_first_position() {
        let all = vec![
            mention(Label::Person, 1, 1, 0),
            mention(Label::Organization, 2, 2, 5),
            mention(Label::Person, 1, 1, 30),
            // Same key, another name: a record of its own.
            mention(Label::Person, 1, 3, 40),
            mention(Label::Organization, 2, 2, 50),
        ];
        let (records, group) = group_mentions(all);
        assert_eq!(group, [0, 1, 0, 2, 1]);
        let seen: Vec<(u32, u32, u32)> = records
            .iter()
            .map(|r| (r.start, r.sentence, r.count))
            .collect();
        assert_eq!(seen, [(0, 0, 2), (5, 0, 2), (40, 4, 1)]);
        assert_eq!(regroup(NodeRef::Mention(3), &group), NodeRef::Mention(2));
        assert_eq!(regroup(NodeRef::Event(3), &group), NodeRef::Event(3));
        // A relation end that names no mention still names none.
        assert_eq!(
            regroup(NodeRef::Mention(9), &group),
            NodeRef::Mention(usize::MAX)
        );
    }
}
