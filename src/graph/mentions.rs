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

use std::fs::File;
use std::io::{self, BufWriter, Write as _};
use std::sync::{Mutex, OnceLock, PoisonError};

use super::edge::{
    Edge, EdgeEvidence, EdgeView, EvidenceView, NO_PROPS, Rule, SentenceRef, Shared,
};
use crate::extract::RelType;
use crate::link::records::{RecordReader, read_exact_at};

/// One MENTIONED_IN edge: 24 bytes (32 with the sentence as a shared string and the end as
/// a `u32`: issue 8, nearly every edge of a large graph is one).
#[derive(Clone, Copy, Debug)]
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
    /// The records, when they are held in memory (`spilled` is `None`).
    recs: Vec<Mention>,
    /// The records of a graph `graph::build` made from a corpus whose records are on disk:
    /// in a temporary file of their own, read back as exporters walk them (issue 8).
    spilled: Option<Spilled>,
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
    spans: Vec<SpanEntry>,
    /// Set when a sentence could not be read back (the export is then refused:
    /// [`Mentions::check`]).
    failed: std::sync::Mutex<Option<std::io::Error>>,
}

/// The records of a list in a temporary file, [`REC_BYTES`] each, in (source, target) order
/// (issue 8: held in memory, they were ≈ 40 MB of a graph of 200 MB of distinct input, the
/// most numerous part of it; the file is anonymous, so the system removes it when the run
/// ends, whether or not it succeeds). Exporters walk the records in order, so they are read
/// [`RUN`] at a time; a reader that jumps (an export sorted by other keys) reads [`JUMP`].
pub(crate) struct Spilled {
    file: File,
    len: usize,
    /// The index of the first record from each node (by node index), and the count after
    /// the last node.
    from_start: Vec<u32>,
    /// The records read last by readers without a [`MentionCursor`] of their own (behind a
    /// lock: the list is shared between threads).
    cache: Mutex<Chunks>,
    /// Set when records could not be read back (the export is then refused:
    /// [`Mentions::check`]).
    failed: Mutex<Option<io::Error>>,
}

/// The records of a [`Spilled`] list read last, in two chunks: the one used last first (a
/// reader that looks one record ahead of the one it writes, as the exporters' merges do,
/// reads from both).
#[derive(Default)]
pub(crate) struct Chunks([Chunk; 2]);

/// [`Chunks`]: records `start..start + recs.len()`.
#[derive(Default)]
struct Chunk {
    start: usize,
    recs: Vec<Mention>,
    bytes: Vec<u8>,
}

/// The size of a record in a [`Spilled`] file.
const REC_BYTES: usize = 24;
/// Records read at once by a reader that walks the list in order.
const RUN: usize = 1024;
/// Records read at once by a reader that jumps.
const JUMP: usize = 16;

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

impl Spilled {
    /// Record `i` (`None` past the end, or when it cannot be read: [`Mentions::check`]
    /// reports that).
    fn get(&self, i: usize) -> Option<Mention> {
        if i >= self.len {
            return None;
        }
        let mut cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
        self.get_in(i, &mut cache)
    }

    /// Record `i` (below `len`) from `cache`, read into it if it is not there.
    fn get_in(&self, i: usize, Chunks(cache): &mut Chunks) -> Option<Mention> {
        let has = |c: &Chunk| i.checked_sub(c.start).and_then(|k| c.recs.get(k)).copied();
        if let Some(m) = has(&cache[0]) {
            return Some(m);
        }
        if let Some(m) = has(&cache[1]) {
            cache.swap(0, 1);
            return Some(m);
        }
        // The chunk used less recently is replaced.
        let next = |c: &Chunk| i == c.start + c.recs.len();
        let run = if next(&cache[0]) || next(&cache[1]) {
            RUN
        } else {
            JUMP
        };
        let n = run.min(self.len - i);
        cache.swap(0, 1);
        let Chunk { start, recs, bytes } = &mut cache[0];
        *start = i;
        recs.clear();
        bytes.resize(n * REC_BYTES, 0);
        if let Err(e) = read_exact_at(&self.file, bytes, (i * REC_BYTES) as u64) {
            if let Ok(mut f) = self.failed.lock() {
                f.get_or_insert(e);
            }
            return None;
        }
        let (whole, _) = bytes.as_chunks::<REC_BYTES>();
        recs.extend(whole.iter().map(Mention::decode));
        recs.first().copied()
    }

    /// The indices of the records from node `n`.
    fn records_from(&self, n: u32) -> std::ops::Range<u32> {
        let n = n as usize;
        match (self.from_start.get(n), self.from_start.get(n + 1)) {
            (Some(&a), Some(&b)) => a..b,
            _ => 0..0,
        }
    }
}

/// A reader of a list's records for one walk, as an export makes: the records of a
/// [`Spilled`] list are read into chunks of its own, without the lock that
/// [`Mentions::get`] takes for each record (the exporters ask for each record 2–4 times;
/// that lock was ≈ 1 % of the instructions of a run).
pub struct MentionCursor<'a> {
    list: &'a Mentions,
    chunks: Chunks,
}

impl MentionCursor<'_> {
    /// Record `i` ([`Mentions::get`]).
    pub fn get(&mut self, i: usize) -> Option<Mention> {
        match &self.list.spilled {
            Some(s) if i < s.len => s.get_in(i, &mut self.chunks),
            Some(_) => None,
            None => self.list.recs.get(i).copied(),
        }
    }
}

/// MENTIONED_IN records written to a temporary file as they are made (in any order), then
/// sorted by (source, target) into a [`Spilled`] list: `graph::build` makes the graph of a
/// corpus on disk with these instead of a vector of every record (issue 8: the records
/// were the largest part of the peak of a run, while the edges were collected).
pub(crate) struct SpillWriter {
    w: BufWriter<File>,
    n: usize,
    /// The records from each node (by node index).
    from_count: Vec<u32>,
}

impl SpillWriter {
    /// A writer for the records of a graph of `nodes` nodes.
    pub(crate) fn new(nodes: usize) -> io::Result<SpillWriter> {
        Ok(SpillWriter {
            w: BufWriter::with_capacity(1 << 16, tempfile::tempfile()?),
            n: 0,
            from_count: vec![0; nodes],
        })
    }

    pub(crate) fn push(&mut self, m: &Mention) -> io::Result<()> {
        let f = m.from as usize;
        if self.from_count.len() <= f {
            self.from_count.resize(f + 1, 0);
        }
        self.from_count[f] += 1;
        self.n += 1;
        self.w.write_all(&m.encode())
    }

    /// The records sorted by (source, target) — no two have the same ends — in a file of
    /// their own (this one is then closed, and so removed). They are sorted a range of
    /// sources at a time, each range read from the whole file: a range holds at most
    /// 65 536 records (1.5 MB) or a sixteenth of them, so a list of 1.7 M records (200 MB of
    /// distinct input) takes 16 reads of its file (issue 8: with ranges of 262 144 records,
    /// 6 MB, sorting them was the peak of a run at 20 MB of input).
    pub(crate) fn into_sorted(self) -> io::Result<Spilled> {
        let cap = (self.n / 16).max(1 << 16);
        self.into_sorted_by(cap)
    }

    /// [`SpillWriter::into_sorted`], `cap` records a range (or one source's, if more).
    fn into_sorted_by(self, cap: usize) -> io::Result<Spilled> {
        let SpillWriter { w, n, from_count } = self;
        let file = w.into_inner().map_err(|e| e.into_error())?;
        let too_many = || io::Error::other("more than 4 294 967 295 MENTIONED_IN relationships");
        let mut from_start = Vec::with_capacity(from_count.len() + 1);
        let mut total = 0u32;
        from_start.push(0);
        for c in from_count {
            total = total.checked_add(c).ok_or_else(too_many)?;
            from_start.push(total);
        }
        let nodes = from_start.len() - 1;
        let mut out = BufWriter::with_capacity(1 << 16, tempfile::tempfile()?);
        let mut bucket: Vec<Mention> = Vec::new();
        let mut buf = vec![0u8; 4 * RUN * REC_BYTES];
        let mut lo = 0;
        while lo < nodes {
            let mut hi = lo + 1;
            while hi < nodes && (from_start[hi + 1] - from_start[lo]) as usize <= cap {
                hi += 1;
            }
            let want = (from_start[hi] - from_start[lo]) as usize;
            if want > 0 {
                bucket.clear();
                bucket.reserve_exact(want);
                let mut at = 0;
                while at < n {
                    let k = (4 * RUN).min(n - at);
                    let b = &mut buf[..k * REC_BYTES];
                    read_exact_at(&file, b, (at * REC_BYTES) as u64)?;
                    let (whole, _) = b.as_chunks::<REC_BYTES>();
                    bucket.extend(
                        whole
                            .iter()
                            .filter(|r| {
                                let from = u32::from_le_bytes([r[0], r[1], r[2], r[3]]) as usize;
                                (lo..hi).contains(&from)
                            })
                            .map(Mention::decode),
                    );
                    at += k;
                }
                bucket.sort_unstable_by_key(|m| (m.from, m.to));
                for m in &bucket {
                    out.write_all(&m.encode())?;
                }
            }
            lo = hi;
        }
        Ok(Spilled {
            file: out.into_inner().map_err(|e| e.into_error())?,
            len: n,
            from_start,
            cache: Default::default(),
            failed: Default::default(),
        })
    }
}

/// The records of a list made by `graph::build`, sorted by (source, target).
pub(crate) enum Sorted {
    Held(Vec<Mention>),
    Spilled(Spilled),
}

/// An entry of [`Stored::spans`]: a sentence's offset (with [`PLAIN`]) and length, in 12
/// bytes instead of a `(u64, u32)`'s 16 (issue 8: one per sentence an edge cites, held from
/// edge collection, the peak of a run at 200 MB of input, to the end of the exports).
#[derive(Clone, Copy, Debug)]
pub(crate) struct SpanEntry([u32; 3]);

impl SpanEntry {
    pub(crate) fn new(at: u64, len: u32) -> SpanEntry {
        SpanEntry([at as u32, (at >> 32) as u32, len])
    }

    /// (offset with [`PLAIN`], length).
    pub(crate) fn get(self) -> (u64, u32) {
        let [lo, hi, len] = self.0;
        (u64::from(lo) | u64::from(hi) << 32, len)
    }
}

/// [`Stored::spans`]: a sentence held in memory.
pub(crate) const NOT_STORED: u32 = u32::MAX;
/// [`Stored::spans`]: set in the offset of a sentence that is
/// [`plain_text`](crate::export::plain_text) (known when it is stored, so an exporter
/// need not read it back to ask).
pub(crate) const PLAIN: u64 = 1 << 63;

impl Mention {
    /// The record as [`Spilled`] stores it (little-endian fields in declaration order).
    fn encode(&self) -> [u8; REC_BYTES] {
        let mut b = [0u8; REC_BYTES];
        b[0..4].copy_from_slice(&self.from.to_le_bytes());
        b[4..8].copy_from_slice(&self.to.to_le_bytes());
        b[8..12].copy_from_slice(&self.sentence.to_le_bytes());
        b[12..16].copy_from_slice(&self.start.to_le_bytes());
        b[16..20].copy_from_slice(&self.count.to_le_bytes());
        b[20..22].copy_from_slice(&self.len.to_le_bytes());
        b[22..24].copy_from_slice(&self.meta.to_le_bytes());
        b
    }

    /// The record [`Mention::encode`] wrote.
    fn decode(b: &[u8; REC_BYTES]) -> Mention {
        let u32_at = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        Mention {
            from: u32_at(0),
            to: u32_at(4),
            sentence: u32_at(8),
            start: u32_at(12),
            count: u32_at(16),
            len: u16::from_le_bytes([b[20], b[21]]),
            meta: u16::from_le_bytes([b[22], b[23]]),
        }
    }

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
        recs: Sorted,
        rules: Vec<Rule>,
        (file, spans, sentences): (RecordReader, Vec<SpanEntry>, Vec<Shared>),
        doc_of: Vec<Option<Shared>>,
        rel_sentences: Vec<u32>,
    ) -> Mentions {
        let (recs, spilled) = match recs {
            Sorted::Held(recs) => (recs, None),
            Sorted::Spilled(s) => (Vec::new(), Some(s)),
        };
        debug_assert!(recs.is_sorted_by_key(|m| m.from));
        Mentions {
            recs,
            spilled,
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
        match st.spans.get(i as usize).map(|e| e.get()) {
            None => Located::Held(None),
            Some((at, NOT_STORED)) => Located::Held(self.sentences.get(at as usize)),
            Some((at, len)) => Located::Stored(st, at & !PLAIN, len),
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
        let (at, len) = self.stored.as_ref()?.spans.get(i as usize)?.get();
        (len != NOT_STORED).then_some(at & PLAIN != 0)
    }

    /// An error if a sentence could not be read back from the record file (what was
    /// exported from this graph is then incomplete).
    pub fn check(&self) -> std::io::Result<()> {
        let failed = self
            .stored
            .as_ref()
            .and_then(|st| st.failed.lock().ok()?.take())
            .or_else(|| self.spilled.as_ref()?.failed.lock().ok()?.take());
        match failed {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    pub fn len(&self) -> usize {
        match &self.spilled {
            Some(s) => s.len,
            None => self.recs.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the records are in a temporary file ([`Spilled`]).
    pub fn is_spilled(&self) -> bool {
        self.spilled.is_some()
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
        if let Some(s) = self.spilled.take() {
            self.recs = (0..s.len).map_while(|i| s.get(i)).collect();
            // (Records that could not be read back are reported by `check`.)
            self.spilled = (self.recs.len() < s.len).then_some(s);
            if self.spilled.is_some() {
                return;
            }
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
    pub fn get(&self, i: usize) -> Option<Mention> {
        match &self.spilled {
            Some(s) => s.get(i),
            None => self.recs.get(i).copied(),
        }
    }

    /// A reader of the records for one walk ([`MentionCursor`]).
    pub fn cursor(&self) -> MentionCursor<'_> {
        MentionCursor {
            list: self,
            chunks: Chunks::default(),
        }
    }

    /// The edge of record `i` as readers see it.
    pub fn view(&self, i: usize) -> Option<EdgeView<'_>> {
        self.view_of(i, self.get(i)?)
    }

    /// The edge of record `i`, `m` (read by [`Mentions::get`] or a [`MentionCursor`]), as
    /// readers see it.
    pub fn view_of(&self, i: usize, m: Mention) -> Option<EdgeView<'_>> {
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
        if let Some(s) = &self.spilled {
            return s.records_from(n).collect();
        }
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
        let to = |i: u32| self.get(i as usize).map_or(u32::MAX, |m| m.to);
        let a = index.partition_point(|&i| to(i) < n);
        let b = a + index[a..].partition_point(|&i| to(i) <= n);
        index[a..b].to_vec()
    }

    /// Record indices ordered by `key` (stable: in the order added within one key).
    fn index_by(&self, key: impl Fn(&Mention) -> u32) -> Vec<u32> {
        if let Some(s) = &self.spilled {
            // The keys read in one walk of the file (not once per comparison).
            let mut keyed: Vec<(u32, u32)> = (0..s.len)
                .map_while(|i| Some((key(&s.get(i)?), i as u32)))
                .collect();
            keyed.sort_unstable();
            return keyed.into_iter().map(|(_, i)| i).collect();
        }
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
            Sorted::Held(vec![m(0, 0), m(1, 1), m(2, 2)]),
            vec![Rule::of("person.name")],
            (
                file,
                vec![
                    SpanEntry::new(6 | PLAIN, 12),
                    SpanEntry::new(18, 12),
                    SpanEntry::new(0, NOT_STORED),
                ],
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

    /// A span entry gives back the offset (flag included, past 4 GiB too) and length it was
    /// made of; a length of `NOT_STORED` is kept as it is.
    #[test]
    fn span_entries_keep_offset_flag_and_length() {
        for (at, len) in [
            (0, 0),
            (6 | PLAIN, 12),
            ((5u64 << 32) + 7, u32::MAX - 1),
            (u64::from(u32::MAX) + 1, 3),
            (2, NOT_STORED),
            ((1u64 << 40) | PLAIN, 65_536),
        ] {
            assert_eq!(SpanEntry::new(at, len).get(), (at, len));
        }
        assert_eq!(std::mem::size_of::<SpanEntry>(), 12);
    }

    /// A sentence that cannot be read back is an error of the export, not a panic.
    #[test]
    fn unreadable_sentences_are_reported() {
        let list = Mentions::from_sorted(
            Sorted::Held(vec![Mention::new(0, 1, 0, (0, 2), 1, 0).expect("fits")]),
            vec![Rule::of("person.name")],
            (
                RecordReader::Mem(Vec::new()),
                vec![SpanEntry::new(5, 10)],
                Vec::new(),
            ),
            vec![None, Some(Shared::from("d.md"))],
            Vec::new(),
        );
        let v = list.view(0).and_then(|v| v.evidence).expect("evidence");
        assert_eq!(v.sentence().as_str(), "");
        assert!(list.check().is_err());
        assert!(list.check().is_ok(), "reported once");
    }

    /// A list sorted in a temporary file (in ranges of a few records, and in one) reads what
    /// the same list held in memory reads: every record, by source and by target, and when a
    /// record is added later, every record and the new one.
    #[test]
    fn spilled_records_read_what_held_ones_read() {
        let mut recs = Vec::new();
        for from in [0u32, 3, 4, 7] {
            for to in [9u32, 1, 5] {
                if (from + to) % 3 != 0 {
                    let (s, start) = (from % 2, from * 10 + to);
                    let rule = (to % 2) as u16;
                    recs.push(Mention::new(
                        from,
                        to,
                        s,
                        (start, start + 2),
                        from + 1,
                        rule,
                    ));
                }
            }
        }
        let mut recs: Vec<Mention> = recs.into_iter().map(|m| m.expect("fits")).collect();
        let tables = || {
            (
                RecordReader::Mem(Vec::new()),
                vec![SpanEntry::new(0, NOT_STORED), SpanEntry::new(1, NOT_STORED)],
                vec![Shared::from("句子甲。"), Shared::from("句子乙。")],
            )
        };
        let rules = || vec![Rule::of("person.name"), Rule::of("org.suffix")];
        let docs = || {
            (0..10)
                .map(|i| Some(Shared::from(format!("d{i}.md").as_str())))
                .collect::<Vec<_>>()
        };
        let list = |sorted| Mentions::from_sorted(sorted, rules(), tables(), docs(), Vec::new());
        let seen = |l: &Mentions| {
            let views: Vec<String> = (0..l.len() + 1)
                .map(|i| format!("{:?} {:?}", l.get(i), l.view(i)))
                .collect();
            let ranges: Vec<(Vec<u32>, Vec<u32>)> =
                (0..11).map(|n| (l.from_range(n), l.to_range(n))).collect();
            (views, ranges)
        };
        // Written in reverse order, as no run writes them.
        let unsorted = recs.clone();
        let spilled = |cap| {
            let mut w = SpillWriter::new(8).expect("temporary file");
            for m in unsorted.iter().rev() {
                w.push(m).expect("written");
            }
            Sorted::Spilled(w.into_sorted_by(cap).expect("sorted"))
        };
        recs.sort_unstable_by_key(|m| (m.from, m.to));
        let held = list(Sorted::Held(recs.clone()));
        for cap in [1, 3, 1000] {
            let mut l = list(spilled(cap));
            assert!(l.spilled.is_some());
            assert_eq!(seen(&l), seen(&held), "cap {cap}");
            // Read out of order (a reader that jumps), then in order again.
            for i in [7, 2, 9, 0, 3] {
                assert_eq!(format!("{:?}", l.get(i)), format!("{:?}", held.get(i)));
            }
            assert!(l.check().is_ok());
            let mut h = list(Sorted::Held(recs.clone()));
            for x in [&mut l, &mut h] {
                x.push(2, 5, Some(4), Some(ev("d5.md", "句子丙。", 3)));
            }
            assert!(l.spilled.is_none());
            assert_eq!(seen(&l), seen(&h));
        }
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
