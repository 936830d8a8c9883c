//! MENTIONED_IN edges, kept out of petgraph as one packed list.
//!
//! Nearly every edge of a large graph is a MENTIONED_IN edge (entity → document, with the
//! count and the first mention): 93 % of 1.8 M edges at 200 MB of input (issue 8). petgraph
//! stores 64 bytes an edge (the 48-byte [`Edge`] and its adjacency links); a [`Mention`] is
//! 24: its ends, its sentence as an index into a table of the sentences the list cites, its
//! start, length and count, and its rule as an index into a table of the few rules that make
//! them. Its document is not stored per edge: it is the path of its target document, held
//! once per target node. Nor is the text of its sentence, in a graph `graph::build` made:
//! the table names where each cited sentence is in the corpus's temporary record file, and
//! [`EvidenceView::sentence`] reads it back when an exporter asks (the cited sentences were
//! ≈ 0.4 MB per MB of distinct input, as much as the whole memory budget). An edge whose
//! evidence does not fit (a mention longer than 65 535
//! characters, more than 16 383 rules — possible only in a file read back) stays in
//! petgraph ([`Mentions::fits`]).
//!
//! The records are in the order they were added — `graph::build` and `graph::merge` add them
//! by (source, target), so [`Mentions::from_range`] finds a node's records by binary search;
//! a graph loaded from a file, whose edges come in any order, gets an index by source when it
//! is first asked for one. The index by target (for the few readers that walk edges into a
//! node) is made on first use too.
//!
//! Readers do not see this list: `KnowledgeGraph` hands out edge handles (`EdgeIndex`) that
//! number petgraph's edges first and these after them, and an [`EdgeView`] of either kind.

use std::sync::OnceLock;

use super::edge::{
    Edge, EdgeEvidence, EdgeView, EvidenceView, NO_PROPS, Rule, SentenceRef, Shared,
};
use crate::extract::RelType;
use crate::link::records::RecordReader;

/// One MENTIONED_IN edge: 24 bytes (32 with the sentence as a shared string and the end as
/// a `u32`: issue 8, nearly every edge of a large graph is one).
#[derive(Clone, Debug)]
pub struct Mention {
    pub from: u32,
    pub to: u32,
    /// The sentence of the first mention: an index into [`Mentions::sentences`] (0 without
    /// evidence).
    sentence: u32,
    start: u32,
    count: u32,
    /// `end - start`.
    len: u16,
    /// The rule (an index into [`Mentions::rules`], below [`RULE_LIMIT`]) and the flags
    /// [`HAS_COUNT`] and [`HAS_EVIDENCE`].
    meta: u16,
}

/// Rule indices are below this (the two high bits of [`Mention::meta`] are flags).
const RULE_LIMIT: usize = 1 << 14;
const HAS_COUNT: u16 = 1 << 14;
const HAS_EVIDENCE: u16 = 1 << 15;

/// The MENTIONED_IN edges of a graph.
#[derive(Default)]
pub struct Mentions {
    recs: Vec<Mention>,
    rules: Vec<Rule>,
    /// The sentences the records cite (a text cited by many records is here once when they
    /// cite one shared string), or, with `stored`, the few that are not in its file.
    sentences: Vec<Shared>,
    /// The sentences of a graph `graph::build` made are read back from the corpus's
    /// temporary record file when asked for (issue 8: held here, they were ≈ 0.4 MB per MB
    /// of distinct input); records cite them by index into [`Stored::spans`].
    stored: Option<Stored>,
    /// The document of the evidence of the edges into each node (by node index; `None` for a
    /// node no edge with evidence goes to).
    doc_of: Vec<Option<Shared>>,
    /// The document of a record whose evidence names another document than the other edges
    /// into its target (never made by `graph::build`; possible in a file read back).
    odd_docs: crate::rules::FastMap<u32, Shared>,
    /// The sentence of each petgraph edge (by edge index) that `graph::build` made: an index
    /// into this table ([`NOT_STORED`]: the edge holds its own). Its text is read back from
    /// the record file as the MENTIONED_IN sentences are (issue 8: the relation edges held
    /// their sentence texts, 33 MB of a graph of 200 MB of distinct input).
    rel_sentences: Vec<u32>,
    /// Whether `recs` is ordered by source.
    by_from: bool,
    /// Record indices ordered by source, when `recs` is not.
    from_index: OnceLock<Vec<u32>>,
    /// Record indices ordered by target.
    to_index: OnceLock<Vec<u32>>,
}

/// The record file and where each cited sentence is in it.
struct Stored {
    file: RecordReader,
    /// (offset, length) in `file`; a length of [`NOT_STORED`] names `sentences[offset]`
    /// instead (a mention that cites its own text).
    spans: Vec<(u64, u32)>,
    /// Set when a sentence could not be read back (the export is then refused:
    /// [`Mentions::check`]).
    failed: std::sync::Mutex<Option<std::io::Error>>,
}

/// [`Mentions::locate`].
enum Located<'a> {
    Held(Option<&'a Shared>),
    Stored(&'a Stored, u64, u32),
}

impl Stored {
    /// Note that a sentence could not be read back (the first error is kept); `value`.
    fn fail<R>(&self, e: std::io::Error, value: R) -> R {
        if let Ok(mut f) = self.failed.lock() {
            f.get_or_insert(e);
        }
        value
    }
}

/// [`Stored::spans`]: a sentence held in memory.
pub(crate) const NOT_STORED: u32 = u32::MAX;
/// [`Stored::spans`]: set in the offset of a sentence that is
/// [`plain_text`](crate::export::plain_text) (known when it is stored, so an exporter
/// need not read it back to ask).
pub(crate) const PLAIN: u64 = 1 << 63;

impl Mention {
    /// A record with a count and evidence, as `graph::build` makes them: `sentence` and
    /// `rule` index the tables given to [`Mentions::from_sorted`], the document is the
    /// target's. `None` when the evidence does not fit ([`Mentions::fits`]).
    pub(crate) fn new(
        from: u32,
        to: u32,
        sentence: u32,
        (start, end): (u32, u32),
        count: u32,
        rule: u16,
    ) -> Option<Mention> {
        let len = u16::try_from(end.checked_sub(start)?).ok()?;
        ((rule as usize) < RULE_LIMIT).then_some(Mention {
            from,
            to,
            sentence,
            start,
            count,
            len,
            meta: rule | HAS_COUNT | HAS_EVIDENCE,
        })
    }
}

impl Mentions {
    /// The list made of `recs`, sorted by (source, target), with the rule table their
    /// indices name and the document of the edges into each node (by node index): the
    /// vector is kept as it is, not copied.
    /// The records cite their sentences by index into `spans`: where each is in `file`, or
    /// (length [`NOT_STORED`]) its index in `sentences`.
    /// `rel_sentences`: the table entry of the sentence of each petgraph edge of the graph
    /// ([`NOT_STORED`]: the edge holds its own).
    pub(crate) fn from_sorted(
        recs: Vec<Mention>,
        rules: Vec<Rule>,
        (file, spans, sentences): (RecordReader, Vec<(u64, u32)>, Vec<Shared>),
        doc_of: Vec<Option<Shared>>,
        rel_sentences: Vec<u32>,
    ) -> Mentions {
        debug_assert!(recs.is_sorted_by_key(|m| m.from));
        Mentions {
            recs,
            rules,
            sentences,
            stored: Some(Stored {
                file,
                spans,
                failed: Default::default(),
            }),
            doc_of,
            rel_sentences,
            by_from: true,
            ..Mentions::default()
        }
    }

    /// Sentence `i` of the table (read back from the record file for a built graph; empty
    /// if it cannot be read, which [`Mentions::check`] reports).
    pub(crate) fn sentence(&self, i: u32) -> Shared {
        match self.locate(i) {
            Located::Held(s) => s.cloned().unwrap_or_default(),
            Located::Stored(st, at, len) => st.file.with_text_at(at, len, |t| match t {
                Ok(s) => Shared::from(s),
                Err(e) => st.fail(e, Shared::default()),
            }),
        }
    }

    /// [`Mentions::sentence`] handed to `f`, without making a string of a stored one.
    pub(crate) fn with_sentence<R>(&self, i: u32, f: impl FnOnce(&str) -> R) -> R {
        match self.locate(i) {
            Located::Held(s) => f(s.map_or("", |s| s.as_str())),
            Located::Stored(st, at, len) => st.file.with_text_at(at, len, |t| match t {
                Ok(s) => f(s),
                Err(e) => st.fail(e, f("")),
            }),
        }
    }

    /// Where sentence `i` is: held (`None`: no such sentence), or its offset and length in
    /// the record file.
    fn locate(&self, i: u32) -> Located<'_> {
        let Some(st) = &self.stored else {
            return Located::Held(self.sentences.get(i as usize));
        };
        match st.spans.get(i as usize) {
            None => Located::Held(None),
            Some(&(at, NOT_STORED)) => Located::Held(self.sentences.get(at as usize)),
            Some(&(at, len)) => Located::Stored(st, at & !PLAIN, len),
        }
    }

    /// The sentence of petgraph edge `e` when this table has it (`graph::build`'s relation
    /// edges; `None` for an edge that holds its own).
    pub(crate) fn rel_sentence(&self, e: usize) -> Option<SentenceRef<'_>> {
        let &i = self.rel_sentences.get(e)?;
        (i != NOT_STORED).then_some(SentenceRef::Stored(self, i))
    }

    /// Whether stored sentence `i` is [`plain_text`](crate::export::plain_text), if that
    /// is known without reading it.
    pub(crate) fn sentence_plain(&self, i: u32) -> Option<bool> {
        let &(at, len) = self.stored.as_ref()?.spans.get(i as usize)?;
        (len != NOT_STORED).then_some(at & PLAIN != 0)
    }

    /// An error if a sentence could not be read back from the record file (what was
    /// exported from this graph is then incomplete).
    pub fn check(&self) -> std::io::Result<()> {
        let failed = self
            .stored
            .as_ref()
            .and_then(|st| st.failed.lock().ok()?.take());
        match failed {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    pub fn len(&self) -> usize {
        self.recs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.recs.is_empty()
    }

    /// Reserve room for `n` more records.
    pub fn reserve_exact(&mut self, n: usize) {
        self.recs.reserve_exact(n);
    }

    /// Whether an edge of this type with these properties is kept here (MENTIONED_IN without
    /// properties: every one `graph::build` makes; one with properties, possible only in a
    /// file read back, stays in petgraph so that nothing is lost).
    pub fn holds(rel: RelType, edge: &Edge) -> bool {
        rel == RelType::MentionedIn && edge.props.is_none()
    }

    /// Whether this list can hold an edge with this evidence: a mention of at most 65 535
    /// characters, a rule the table has or room for one more (else the edge stays in
    /// petgraph; only a file read back can hold such an edge).
    pub fn fits(&self, ev: Option<&EdgeEvidence>) -> bool {
        ev.is_none_or(|ev| {
            ev.end
                .checked_sub(ev.start)
                .is_some_and(|n| n <= u32::from(u16::MAX))
                && (self.rules.len() < RULE_LIMIT - 1 || self.rules.contains(&ev.rule))
        })
    }

    /// Add a MENTIONED_IN edge from node `from` to node `to` (see [`Mentions::holds`]; its
    /// evidence [fits](Mentions::fits)).
    pub fn push(&mut self, from: u32, to: u32, count: Option<u32>, ev: Option<EdgeEvidence>) {
        debug_assert!(self.fits(ev.as_ref()));
        if self.stored.is_some() {
            self.unstore();
        }
        let i = self.recs.len() as u32;
        let (sentence, start, end, rule, has_evidence) = match ev {
            Some(ev) => {
                self.note_doc(i, to, ev.doc);
                let sentence = match self.sentences.last() {
                    // The same shared sentence as the record before (a file read back shares
                    // none; `graph::build` gives its table whole).
                    Some(s) if Shared::ptr_eq(s, &ev.sentence) => self.sentences.len() - 1,
                    _ => {
                        self.sentences.push(ev.sentence);
                        self.sentences.len() - 1
                    }
                };
                (
                    sentence as u32,
                    ev.start,
                    ev.end,
                    self.rule_index(ev.rule),
                    true,
                )
            }
            None => (0, 0, 0, 0, false),
        };
        if self.recs.last().is_some_and(|l| l.from > from) {
            self.by_from = false;
        } else if self.recs.is_empty() {
            self.by_from = true;
        }
        let mut meta = rule;
        if count.is_some() {
            meta |= HAS_COUNT;
        }
        if has_evidence {
            meta |= HAS_EVIDENCE;
        }
        self.recs.push(Mention {
            from,
            to,
            sentence,
            start,
            count: count.unwrap_or(0),
            len: end.saturating_sub(start).try_into().unwrap_or(u16::MAX),
            meta,
        });
        self.from_index = OnceLock::new();
        self.to_index = OnceLock::new();
    }

    /// Read every stored sentence back into memory (before a record is added to a built
    /// graph, whose table then holds texts only).
    fn unstore(&mut self) {
        let n = self.stored.as_ref().map_or(0, |st| st.spans.len());
        let texts: Vec<Shared> = (0..n as u32).map(|i| self.sentence(i)).collect();
        self.stored = None;
        self.sentences = texts;
    }

    fn note_doc(&mut self, i: u32, to: u32, doc: Shared) {
        let t = to as usize;
        if self.doc_of.len() <= t {
            self.doc_of.resize(t + 1, None);
        }
        match &self.doc_of[t] {
            None => self.doc_of[t] = Some(doc),
            Some(d) if *d == doc => {}
            Some(_) => {
                self.odd_docs.insert(i, doc);
            }
        }
    }

    fn rule_index(&mut self, r: Rule) -> u16 {
        match self.rules.iter().position(|x| *x == r) {
            Some(i) => i as u16,
            None => {
                self.rules.push(r);
                (self.rules.len() - 1) as u16
            }
        }
    }

    /// The record `i`.
    pub fn get(&self, i: usize) -> Option<&Mention> {
        self.recs.get(i)
    }

    /// The edge of record `i` as readers see it.
    pub fn view(&self, i: usize) -> Option<EdgeView<'_>> {
        let m = self.recs.get(i)?;
        let evidence = if m.meta & HAS_EVIDENCE != 0 {
            let doc = match self.odd_docs.get(&(i as u32)) {
                Some(d) => d,
                None => self.doc_of.get(m.to as usize)?.as_ref()?,
            };
            let sentence = match self.stored {
                Some(_) => SentenceRef::Stored(self, m.sentence),
                None => SentenceRef::Held(self.sentences.get(m.sentence as usize)?),
            };
            Some(EvidenceView {
                doc,
                sentence,
                start: m.start,
                end: m.start + u32::from(m.len),
                rule: self
                    .rules
                    .get(usize::from(m.meta & !(HAS_COUNT | HAS_EVIDENCE)))
                    .copied()?,
            })
        } else {
            None
        };
        Some(EdgeView {
            rel: RelType::MentionedIn,
            props: &NO_PROPS,
            count: (m.meta & HAS_COUNT != 0).then_some(m.count),
            evidence,
        })
    }

    /// The indices of the records from node `n`, in the order they were added.
    pub fn from_range(&self, n: u32) -> Vec<u32> {
        if self.by_from {
            let a = self.recs.partition_point(|m| m.from < n);
            let b = a + self.recs[a..].partition_point(|m| m.from <= n);
            return (a as u32..b as u32).collect();
        }
        let index = self.from_index.get_or_init(|| self.index_by(|m| m.from));
        let a = index.partition_point(|&i| self.recs[i as usize].from < n);
        let b = a + index[a..].partition_point(|&i| self.recs[i as usize].from <= n);
        index[a..b].to_vec()
    }

    /// The indices of the records into node `n`, in the order they were added.
    pub fn to_range(&self, n: u32) -> Vec<u32> {
        let index = self.to_index.get_or_init(|| self.index_by(|m| m.to));
        let a = index.partition_point(|&i| self.recs[i as usize].to < n);
        let b = a + index[a..].partition_point(|&i| self.recs[i as usize].to <= n);
        index[a..b].to_vec()
    }

    /// Record indices ordered by `key` (stable: in the order added within one key).
    fn index_by(&self, key: impl Fn(&Mention) -> u32) -> Vec<u32> {
        let mut v: Vec<u32> = (0..self.recs.len() as u32).collect();
        v.sort_by_key(|&i| (key(&self.recs[i as usize]), i));
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(doc: &str, sentence: &str, start: u32) -> EdgeEvidence {
        EdgeEvidence {
            doc: doc.into(),
            sentence: sentence.into(),
            start,
            end: start + 2,
            rule: Rule::of("person.name"),
        }
    }

    #[test]
    fn records_are_small_and_read_back() {
        assert!(std::mem::size_of::<Mention>() <= 24);
        let mut m = Mentions::default();
        m.push(0, 5, Some(3), Some(ev("a.md", "句子一。", 1)));
        m.push(1, 5, None, None);
        m.push(1, 6, Some(0), Some(ev("b.md", "句子二。", 4)));
        // Another document named for a target that already has one: kept as it was given.
        m.push(2, 5, Some(u32::MAX), Some(ev("c.md", "句子三。", 7)));
        let v = m.view(0).unwrap();
        assert_eq!(v.rel, RelType::MentionedIn);
        assert_eq!(v.count(), Some(3));
        let e = v.evidence.unwrap();
        assert_eq!(
            (&**e.doc, e.sentence().as_str(), e.start, e.end),
            ("a.md", "句子一。", 1, 3)
        );
        assert_eq!(&*e.rule, "person.name");
        assert!(m.view(1).unwrap().evidence.is_none());
        assert_eq!(m.view(1).unwrap().count(), None);
        assert_eq!(&**m.view(2).unwrap().evidence.unwrap().doc, "b.md");
        assert_eq!(m.view(2).unwrap().count(), Some(0));
        assert_eq!(&**m.view(3).unwrap().evidence.unwrap().doc, "c.md");
        assert_eq!(m.view(3).unwrap().count(), Some(u32::MAX));
        assert!(m.view(4).is_none());
        assert_eq!(m.from_range(1), vec![1, 2]);
        assert_eq!(m.from_range(3), Vec::<u32>::new());
        assert_eq!(m.to_range(5), vec![0, 1, 3]);
        assert_eq!(m.to_range(6), vec![2]);
    }

    /// Evidence that does not fit a record (a span longer than 65 535 characters) keeps its
    /// edge in petgraph, read back whole.
    #[test]
    fn evidence_too_long_for_a_record_stays_in_petgraph() {
        use crate::graph::{Edge, KnowledgeGraph};
        let m = Mentions::default();
        assert!(m.fits(Some(&ev("a.md", "句。", 0))));
        let mut long = ev("a.md", "句。", 3);
        long.end = 3 + 65_535;
        assert!(m.fits(Some(&long)));
        long.end += 1;
        assert!(!m.fits(Some(&long)));
        let mut back = ev("a.md", "句。", 5);
        back.end = 4;
        assert!(!m.fits(Some(&back)));
        let mut kg = KnowledgeGraph::default();
        let node = crate::graph::Node::person_for_test;
        let (a, b) = (kg.g.add_node(node("per_a")), kg.g.add_node(node("doc_b")));
        for e in [long.clone(), ev("a.md", "句。", 1)] {
            kg.add_edge(
                a,
                b,
                Edge::new(RelType::MentionedIn, None, Some(2), Some(e)),
            );
        }
        assert_eq!((kg.g.edge_count(), kg.mentions.len()), (1, 1));
        let kept = kg.edge(petgraph::graph::EdgeIndex::new(0));
        assert_eq!(kept.evidence.unwrap().end, 3 + 65_536);
        assert_eq!(
            kg.edge(petgraph::graph::EdgeIndex::new(1))
                .evidence
                .unwrap()
                .end,
            3
        );
    }

    /// A built list reads its sentences back from the record file (or its own table), and
    /// keeps them when a record is added to it later.
    #[test]
    fn stored_sentences_read_back() {
        let bytes = "前文句子甲。句子乙。".as_bytes().to_vec();
        let file = RecordReader::Mem(bytes);
        let m = |from, sentence| Mention::new(from, 3, sentence, (0, 2), 1, 0).expect("fits");
        let mut list = Mentions::from_sorted(
            vec![m(0, 0), m(1, 1), m(2, 2)],
            vec![Rule::of("person.name")],
            (
                file,
                vec![(6 | PLAIN, 12), (18, 12), (0, NOT_STORED)],
                vec![Shared::from("自己")],
            ),
            vec![None, None, None, Some(Shared::from("d.md"))],
            // Petgraph edge 0 holds its own sentence, edge 1 cites entry 1, edge 2 entry 2.
            vec![NOT_STORED, 1, 2],
        );
        let rel_text = |l: &Mentions, e| l.rel_sentence(e).map(|s| format!("{s:?}"));
        assert_eq!(
            (0..4).map(|e| rel_text(&list, e)).collect::<Vec<_>>(),
            [
                None,
                Some("\"句子乙。\"".into()),
                Some("\"自己\"".into()),
                None
            ]
        );
        let text = |l: &Mentions, i| {
            l.view(i)
                .and_then(|v| Some(v.evidence?.sentence().to_string()))
                .unwrap_or_default()
        };
        assert_eq!(
            (0..3).map(|i| text(&list, i)).collect::<Vec<_>>(),
            ["句子甲。", "句子乙。", "自己"]
        );
        let plain = |i| list.view(i)?.evidence?.sentence_plain();
        assert_eq!(
            (plain(0), plain(1), plain(2)),
            (Some(true), Some(false), None)
        );
        assert!(list.check().is_ok());
        list.push(3, 3, Some(1), Some(ev("d.md", "句子丙。", 0)));
        assert_eq!(
            (0..4).map(|i| text(&list, i)).collect::<Vec<_>>(),
            ["句子甲。", "句子乙。", "自己", "句子丙。"]
        );
        // The edges that cite the table still read their sentences (now held).
        assert_eq!(rel_text(&list, 1), Some("\"句子乙。\"".into()));
    }

    /// A sentence that cannot be read back is an error of the export, not a panic.
    #[test]
    fn unreadable_sentences_are_reported() {
        let list = Mentions::from_sorted(
            vec![Mention::new(0, 1, 0, (0, 2), 1, 0).expect("fits")],
            vec![Rule::of("person.name")],
            (RecordReader::Mem(Vec::new()), vec![(5, 10)], Vec::new()),
            vec![None, Some(Shared::from("d.md"))],
            Vec::new(),
        );
        let v = list.view(0).and_then(|v| v.evidence).expect("evidence");
        assert_eq!(v.sentence().as_str(), "");
        assert!(list.check().is_err());
        assert!(list.check().is_ok(), "reported once");
    }

    /// Records added out of source order are found by source all the same.
    #[test]
    fn unordered_records_are_indexed() {
        let mut m = Mentions::default();
        for (from, to) in [(3, 9), (1, 9), (3, 8), (0, 7), (1, 7)] {
            m.push(from, to, Some(1), None);
        }
        assert!(!m.by_from);
        assert_eq!(m.from_range(3), vec![0, 2]);
        assert_eq!(m.from_range(1), vec![1, 4]);
        assert_eq!(m.from_range(0), vec![3]);
        assert_eq!(m.to_range(9), vec![0, 1]);
        m.push(5, 1, None, None);
        assert_eq!(m.from_range(5), vec![5]);
        assert_eq!(m.to_range(1), vec![5]);
    }
}
