//! [`TermMatcher`]: one daachorse automaton over a lexicon, built once, matched in one pass.
//!
//! Every lexicon-driven rule uses this instead of one regex per entry. Duplicate and empty
//! terms are skipped (the first entry of a term wins), so user lexicons cannot break the build.
//!
//! Speed (issue 8): several families scan the whole document with the same lexicon (places
//! are matched by the organization rules three times and by the location rules once). Two
//! things make those repeats cheap without the families knowing:
//! - matchers over the same entries share one automaton (a process-wide registry), and
//! - inside a [`DocScope`] (entered by `extract::run` for the document's text), the matches of
//!   a whole-text pass are kept per automaton, so a second pass over the same text by any
//!   matcher sharing that automaton reads them back; a leftmost-longest pass over a text whose
//!   overlapping matches are already known is derived from them (same result: the leftmost
//!   start, the longest match there, then on after its end).
//!
//! Calls on any other text (a window, a name) run the automaton directly, as before.

use either::Either;
use std::cell::RefCell;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex, OnceLock, Weak};

use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};

use super::fast_hash::{FastMap, FastSet, FxHasher};
use super::lexicon::Entry;

/// A multi-pattern matcher over lexicon entries.
pub struct TermMatcher {
    inner: Arc<Inner>,
}

/// The entries and their two automata, each built on first use (many matchers only ever use
/// one kind of search, and building is most of the start-up time).
struct Inner {
    entries: Vec<Entry>,
    /// Byte length of the longest term.
    max_len: usize,
    standard: OnceLock<Option<CharwiseDoubleArrayAhoCorasick<u32>>>,
    longest: OnceLock<Option<CharwiseDoubleArrayAhoCorasick<u32>>>,
    /// For anchored lookups ([`TermMatcher::longest_at`], [`TermMatcher::get`]).
    trie: OnceLock<Trie>,
    /// Bytes of text matched by walking the trie instead of an automaton not built yet (see
    /// [`Inner::by_trie`]).
    trie_bytes: AtomicUsize,
}

/// A character trie over the terms, for lookups anchored at one position: a search of the
/// automaton over a window reads the whole window (and then drops matches that do not start
/// at its first byte); the trie stops at the first character no term continues with — at
/// most positions, the first one.
#[derive(Default)]
struct Trie {
    /// (node << 32 | char) → child node; node 0 is the root.
    next: FastMap<u64, u32>,
    /// Per node: 1 + the index of the entry whose term ends there, or 0.
    out: Vec<u32>,
}

impl Trie {
    fn build(entries: &[Entry]) -> Trie {
        let mut t = Trie {
            next: FastMap::default(),
            out: vec![0],
        };
        for (i, e) in entries.iter().enumerate() {
            let mut n = 0u32;
            for c in e.term.chars() {
                let key = Trie::key(n, c);
                n = match t.next.get(&key) {
                    Some(&m) => m,
                    None => {
                        let m = t.out.len() as u32;
                        t.out.push(0);
                        t.next.insert(key, m);
                        m
                    }
                };
            }
            if t.out[n as usize] == 0 {
                t.out[n as usize] = i as u32 + 1;
            }
        }
        t
    }

    #[inline]
    fn key(node: u32, c: char) -> u64 {
        (node as u64) << 32 | c as u64
    }

    /// The longest term that is a prefix of `s`: (its byte length, entry index).
    fn longest_prefix(&self, s: &str) -> Option<(usize, u32)> {
        let mut n = 0u32;
        let mut best = None;
        for (k, c) in s.char_indices() {
            match self.next.get(&Trie::key(n, c)) {
                Some(&m) => n = m,
                None => break,
            }
            let o = self.out[n as usize];
            if o != 0 {
                best = Some((k + c.len_utf8(), o - 1));
            }
        }
        best
    }

    /// Every term that is a prefix of `s`, shortest first: (its byte length, entry index).
    fn prefixes<'a>(&'a self, s: &'a str) -> impl Iterator<Item = (usize, u32)> + 'a {
        let mut n = 0u32;
        let mut chars = s.char_indices();
        std::iter::from_fn(move || {
            for (k, c) in chars.by_ref() {
                n = *self.next.get(&Trie::key(n, c))?;
                let o = self.out[n as usize];
                if o != 0 {
                    return Some((k + c.len_utf8(), o - 1));
                }
            }
            None
        })
        .fuse()
    }

    /// Every match in `text`, overlapping ones included, in the order the standard automaton
    /// gives them: by end, the longest first (the terms are distinct, so no two matches have
    /// the same start and end).
    fn all(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        for (s, _) in text.char_indices() {
            for (len, e) in self.prefixes(&text[s..]) {
                hits.push((s as u32, (s + len) as u32, e));
            }
        }
        hits.sort_unstable_by_key(|&(s, e, _)| (e, s));
        hits
    }

    /// The leftmost-longest matches in `text`: from the left, the longest term at the first
    /// position where one starts, then on after its end — [`leftmost_longest`] of
    /// [`Trie::all`], without listing and sorting every match.
    fn leftmost_longest(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut pos = 0;
        for (s, _) in text.char_indices() {
            if s < pos {
                continue;
            }
            if let Some((len, e)) = self.longest_prefix(&text[s..]) {
                pos = s + len;
                hits.push((s as u32, pos as u32, e));
            }
        }
        hits
    }

    /// The entry whose term is exactly `s`.
    fn exact(&self, s: &str) -> Option<u32> {
        let mut n = 0u32;
        for c in s.chars() {
            n = *self.next.get(&Trie::key(n, c))?;
        }
        self.out[n as usize].checked_sub(1)
    }
}

/// Automata built so far, by a hash of their entries (several per hash on a collision).
static REGISTRY: LazyLock<Mutex<std::collections::HashMap<u64, Vec<Weak<Inner>>>>> =
    LazyLock::new(|| Mutex::new(std::collections::HashMap::new()));

fn entries_hash<'a>(entries: impl IntoIterator<Item = &'a Entry>) -> u64 {
    // (a registry key only: FxHash, not SipHash, at start-up; issue 8)
    let mut h = FxHasher::default();
    for e in entries {
        e.term.hash(&mut h);
        e.attrs.hash(&mut h);
    }
    h.finish()
}

impl Inner {
    fn new(entries: Vec<Entry>) -> Inner {
        Inner {
            max_len: entries.iter().map(|e| e.term.len()).max().unwrap_or(0),
            entries,
            standard: OnceLock::new(),
            longest: OnceLock::new(),
            trie: OnceLock::new(),
            trie_bytes: AtomicUsize::new(0),
        }
    }

    /// The matches in `text` (a text that is no scope's: a name, a window) from a walk of the
    /// trie — every match (`longest`: the leftmost-longest ones) — while the automaton of that
    /// kind is not built and this lexicon's walks have cost at most [`TRIE_TEXT_BUDGET`] (its
    /// bytes plus [`TRIE_CALL_BYTES`] per text): the same matches, in the same order (see
    /// [`Trie::all`], [`Trie::leftmost_longest`]). Building an automaton costs about 2.8 M
    /// instructions; most lexicons only ever see a few short texts outside the whole-text
    /// passes (20 automata were 56 M instructions of a 3 MB run, issue 8), and one that sees
    /// many builds it once the budget is spent.
    fn by_trie(&self, text: &str, longest: bool) -> Option<Vec<Hit>> {
        let built = if longest {
            self.longest.get().is_some()
        } else {
            self.standard.get().is_some()
        };
        let cost = text.len() + TRIE_CALL_BYTES;
        if built
            || text.len() > TRIE_PASS_MAX
            || self.trie_bytes.fetch_add(cost, Ordering::Relaxed) + cost > TRIE_TEXT_BUDGET
        {
            return None;
        }
        Some(if longest {
            self.trie().leftmost_longest(text)
        } else {
            self.trie().all(text)
        })
    }

    fn trie(&self) -> &Trie {
        self.trie.get_or_init(|| Trie::build(&self.entries))
    }

    fn build(&self, kind: MatchKind) -> Option<CharwiseDoubleArrayAhoCorasick<u32>> {
        if self.entries.is_empty() {
            return None;
        }
        CharwiseDoubleArrayAhoCorasickBuilder::new()
            .match_kind(kind)
            .build_with_values(
                self.entries
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (e.term.as_str(), i as u32)),
            )
            .ok()
    }

    fn standard(&self) -> Option<&CharwiseDoubleArrayAhoCorasick<u32>> {
        self.standard
            .get_or_init(|| self.build(MatchKind::Standard))
            .as_ref()
    }

    fn longest(&self) -> Option<&CharwiseDoubleArrayAhoCorasick<u32>> {
        self.longest
            .get_or_init(|| self.build(MatchKind::LeftmostLongest))
            .as_ref()
    }
}

/// One match: start and end byte and entry index.
/// One kept match: start and end byte and entry index (a scope's text is under 4 GiB).
type Hit = (u32, u32, u32);
/// Kept matches of one automaton.
type Hits = Rc<[Hit]>;
/// One match of a live pass.
type LiveHit = (usize, usize, u32);

/// The matches kept for the document of the current [`DocScope`] on this thread.
#[derive(Default)]
struct DocCache {
    /// Address and length of the document text (0, 0: no scope).
    text: (usize, usize),
    /// A number no other scope of this thread has had (0: no scope); see [`DocScope::id_of`].
    id: u64,
    /// Per automaton (the address of its `Inner`): overlapping matches, leftmost-longest ones.
    hits: Vec<(usize, Option<Hits>, Option<Hits>)>,
}

thread_local! {
    // (const: no lazy-initialisation check at each of the many accesses per document)
    static DOC: RefCell<DocCache> = const {
        RefCell::new(DocCache {
            text: (0, 0),
            id: 0,
            hits: Vec::new(),
        })
    };
    /// The last scope id handed out on this thread.
    static LAST_ID: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// While alive, whole-text passes over `text` on this thread are computed once per lexicon
/// (see the module doc). Scopes nest; leaving one restores the enclosing one.
pub struct DocScope<'a> {
    saved: Option<DocCache>,
    _text: std::marker::PhantomData<&'a str>,
}

impl<'a> DocScope<'a> {
    pub fn enter(text: &'a str) -> DocScope<'a> {
        let id = LAST_ID.with(|n| {
            n.set(n.get() + 1);
            n.get()
        });
        let fresh = DocCache {
            text: (text.as_ptr() as usize, text.len()),
            id,
            hits: Vec::new(),
        };
        let saved = DOC.with(|d| std::mem::replace(&mut *d.borrow_mut(), fresh));
        count_scoped_doc();
        DocScope {
            saved: Some(saved),
            _text: std::marker::PhantomData,
        }
    }
}

impl Drop for DocScope<'_> {
    fn drop(&mut self) {
        if let Some(saved) = self.saved.take() {
            DOC.with(|d| *d.borrow_mut() = saved);
        }
    }
}

impl DocScope<'_> {
    /// When `text` is the text of the current scope on this thread: an id no other scope of
    /// this thread has. Other per-document results (numerals) are kept under it: while it is
    /// the id of the current scope, the text is the same bytes.
    pub fn id_of(text: &str) -> Option<u64> {
        if text.is_empty() || text.len() > u32::MAX as usize {
            return None;
        }
        // (one access: the numeral memo asks this at every numeral lookup, issue 8)
        DOC.with(|d| {
            let d = d.borrow();
            (d.text == (text.as_ptr() as usize, text.len())).then_some(d.id)
        })
    }
}

/// Is `text` the text of the current scope? (It is borrowed for the scope's lifetime, so the
/// same address and length mean the same bytes.)
fn in_scope(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= u32::MAX as usize
        && DOC.with(|d| d.borrow().text == (text.as_ptr() as usize, text.len()))
}

/// A kept match as a live one.
fn live((s, e, v): Hit) -> LiveHit {
    (s as usize, e as usize, v)
}

/// A live match as kept (the scope's text is under 4 GiB, see [`in_scope`]).
fn compact((s, e, v): LiveHit) -> Hit {
    (s as u32, e as u32, v)
}

/// Iterator over kept matches.
struct Kept<'a> {
    hits: Rc<[Hit]>,
    i: usize,
    entries: &'a [Entry],
}

impl<'a> Iterator for Kept<'a> {
    type Item = (Range<usize>, &'a Entry);
    fn next(&mut self) -> Option<Self::Item> {
        let &(s, e, v) = self.hits.get(self.i)?;
        self.i += 1;
        Some((s as usize..e as usize, &self.entries[v as usize]))
    }

    /// Exact: a caller's `collect` allocates once instead of growing push by push.
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.hits.len().saturating_sub(self.i);
        (n, Some(n))
    }
}

impl ExactSizeIterator for Kept<'_> {}

/// Leftmost-longest matches from every overlapping match: from the left, the match that starts
/// first (the longest of those), then on after its end.
fn leftmost_longest(all: &[Hit]) -> Vec<Hit> {
    let mut sorted: Vec<Hit> = all.to_vec();
    sorted.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    // (kept in place: no second list grown push by push)
    let mut pos = 0;
    sorted.retain(|h| {
        let keep = h.0 >= pos;
        if keep {
            pos = h.1;
        }
        keep
    });
    sorted
}

/// Longest scratch list (matches) [`Group::pass`] keeps for the next document.
const SCRATCH_KEPT: usize = 1 << 16;

/// After this many documents, the lexicons used for whole-text passes so far are merged into
/// one automaton ([`Group`]).
const LEARN_DOCS: usize = 16;

/// The longest text (bytes) whose whole-text passes read the trie before the group is built
/// (see [`TermMatcher::kept`]); news documents are a few KB.
const TRIE_PASS_MAX: usize = 1 << 16;

/// The most bytes of other texts (names, windows) a lexicon matches by walking its trie
/// before its automaton is built, each text counted with [`TRIE_CALL_BYTES`] more (see
/// [`Inner::by_trie`]).
const TRIE_TEXT_BUDGET: usize = 1 << 16;

/// What a walk costs beyond its text's bytes (its list of matches), counted as bytes: a
/// lexicon asked about many short names builds its automaton after a thousand or so.
const TRIE_CALL_BYTES: usize = 64;

/// Documents scoped so far (process-wide), and the automata asked for whole-text matches.
static SCOPED_DOCS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static SEEN: LazyLock<Mutex<Vec<Arc<Inner>>>> = LazyLock::new(|| Mutex::new(Vec::new()));
static GROUP: OnceLock<Option<Group>> = OnceLock::new();

/// Bits of a group value that count a term's outputs (one per member holding it; there are
/// a few dozen members at most), and the largest count.
const OUT_BITS: u32 = 8;
const OUT_MAX: usize = (1 << OUT_BITS) - 1;

/// One automaton over the terms of several lexicons: one pass over a document gives every
/// member's overlapping matches (instead of one pass per lexicon). A member's matches come out
/// in the order its own automaton gives them: by end, the longest first (at one end byte each
/// length is one term), which a test checks on every built-in lexicon.
struct Group {
    /// Its value per distinct term packs where the term's outputs are in `outs`:
    /// `first << OUT_BITS | count` (see [`Group::build`]).
    pma: CharwiseDoubleArrayAhoCorasick<u32>,
    /// (member, entry index) of every member holding a term, the terms' runs one after the
    /// other: a match reads one contiguous run (a `Vec` per term cost a second dependent
    /// load per match, and this pass is the largest single item of an extraction profile).
    outs: Vec<(u32, u32)>,
    members: Vec<Arc<Inner>>,
    /// Member address → member index.
    index: FastMap<usize, usize>,
}

impl Group {
    fn build(members: Vec<Arc<Inner>>) -> Option<Group> {
        // (FxHash: the terms of every member lexicon are hashed once at the group's build)
        let mut terms: FastMap<&str, usize> = FastMap::default();
        let mut pats: Vec<&str> = Vec::new();
        let mut per_term: Vec<Vec<(u32, u32)>> = Vec::new();
        for (mi, m) in members.iter().enumerate() {
            for (ei, e) in m.entries.iter().enumerate() {
                let t = *terms.entry(e.term.as_str()).or_insert_with(|| {
                    pats.push(e.term.as_str());
                    per_term.push(Vec::new());
                    pats.len() - 1
                });
                per_term[t].push((mi as u32, ei as u32));
            }
        }
        if pats.is_empty() {
            return None;
        }
        // Each term's run of outputs, one after the other; its value says where.
        let mut outs: Vec<(u32, u32)> = Vec::new();
        let mut values: Vec<u32> = Vec::with_capacity(pats.len());
        for run in &per_term {
            if run.len() > OUT_MAX || outs.len() > (u32::MAX >> OUT_BITS) as usize {
                return None;
            }
            values.push((outs.len() as u32) << OUT_BITS | run.len() as u32);
            outs.extend_from_slice(run);
        }
        let pma = CharwiseDoubleArrayAhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build_with_values(pats.iter().zip(&values).map(|(p, v)| (*p, *v)))
            .ok()?;
        let index = members
            .iter()
            .enumerate()
            .map(|(i, m)| (Arc::as_ptr(m) as usize, i))
            .collect();
        Some(Group {
            pma,
            outs,
            members,
            index,
        })
    }

    /// Every member's overlapping matches in `text`, handed to `f` as (member index, matches).
    /// The lists are a thread's scratch kept from pass to pass (cleared, not freed): a list
    /// grown push by push for each document was ≈ 13 M instructions of reallocation on the
    /// 3 MB corpus (issue 8).
    fn pass(&self, text: &str, mut f: impl FnMut(usize, &[Hit])) {
        thread_local! {
            static LISTS: RefCell<Vec<Vec<Hit>>> = const { RefCell::new(Vec::new()) };
        }
        LISTS.with(|cell| {
            // (A pass from inside `f` — none is made — would use lists of its own.)
            let (mut held, mut own);
            let lists: &mut Vec<Vec<Hit>> = match cell.try_borrow_mut() {
                Ok(l) => {
                    held = l;
                    &mut held
                }
                Err(_) => {
                    own = Vec::new();
                    &mut own
                }
            };
            if lists.len() < self.members.len() {
                lists.resize_with(self.members.len(), Vec::new);
            }
            let lists = &mut lists[..self.members.len()];
            for l in lists.iter_mut() {
                l.clear();
            }
            for m in self.pma.find_overlapping_iter(text) {
                let v = m.value() as usize;
                let first = v >> OUT_BITS;
                for &(mi, ei) in &self.outs[first..first + (v & OUT_MAX)] {
                    lists[mi as usize].push((m.start() as u32, m.end() as u32, ei));
                }
            }
            for (i, l) in lists.iter_mut().enumerate() {
                f(i, l);
                // (the scratch of one very long document is not kept for the rest)
                if l.capacity() > SCRATCH_KEPT {
                    *l = Vec::new();
                }
            }
        })
    }
}

/// Note a document entering a scope; build the group once enough have been seen.
fn count_scoped_doc() {
    if SCOPED_DOCS.fetch_add(1, Ordering::Relaxed) + 1 == LEARN_DOCS {
        GROUP.get_or_init(|| {
            let members = match SEEN.lock() {
                Ok(g) => g.clone(),
                Err(p) => p.into_inner().clone(),
            };
            if members.len() < 2 {
                return None;
            }
            Group::build(members)
        });
    }
}

/// Remember that `inner` was asked for a whole-text pass (before the group is built).
fn learn(inner: &Arc<Inner>) {
    let mut seen = match SEEN.lock() {
        Ok(g) => g,
        Err(p) => p.into_inner(),
    };
    if !seen.iter().any(|s| Arc::ptr_eq(s, inner)) {
        seen.push(inner.clone());
    }
}

/// Keep `hits` as the overlapping (`longest`: leftmost-longest) matches of automaton `key`
/// for the scope's document, unless some are kept already (they are the same).
fn keep(key: usize, longest: bool, hits: Rc<[Hit]>) {
    DOC.with(|d| {
        let mut d = d.borrow_mut();
        let i = match d.hits.iter().position(|h| h.0 == key) {
            Some(i) => i,
            None => {
                d.hits.push((key, None, None));
                d.hits.len() - 1
            }
        };
        let slot = if longest {
            &mut d.hits[i].2
        } else {
            &mut d.hits[i].1
        };
        if slot.is_none() {
            *slot = Some(hits);
        }
    });
}

impl TermMatcher {
    /// Build from entries (the first entry of a repeated term wins).
    pub fn new<'a>(entries: impl IntoIterator<Item = &'a Entry>) -> TermMatcher {
        // (the entries are borrowed, not copied, while duplicates are found and while an
        // automaton over the same entries is looked for: issue 8)
        let entries = entries.into_iter();
        let mut seen: FastSet<&str> = FastSet::default();
        seen.reserve(entries.size_hint().0);
        let entries: Vec<&Entry> = entries
            .filter(|e| !e.term.is_empty() && seen.insert(e.term.as_str()))
            .collect();
        let key = entries_hash(entries.iter().copied());
        let mut reg = match REGISTRY.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        };
        let bucket = reg.entry(key).or_default();
        bucket.retain(|w| w.strong_count() > 0);
        if let Some(inner) = bucket.iter().filter_map(Weak::upgrade).find(|i| {
            i.entries.len() == entries.len() && i.entries.iter().zip(&entries).all(|(a, b)| a == *b)
        }) {
            return TermMatcher { inner };
        }
        let inner = Arc::new(Inner::new(entries.into_iter().cloned().collect()));
        bucket.push(Arc::downgrade(&inner));
        TermMatcher { inner }
    }

    /// Build from plain terms with no attributes.
    pub fn from_terms<'a>(terms: impl IntoIterator<Item = &'a str>) -> TermMatcher {
        let entries: Vec<Entry> = terms
            .into_iter()
            .map(|t| Entry {
                term: t.to_string(),
                attrs: Vec::new(),
            })
            .collect();
        TermMatcher::new(entries.iter())
    }

    pub fn len(&self) -> usize {
        self.inner.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.inner.entries.is_empty()
    }

    /// Byte length of the longest term (0 without terms): a match ending at byte `e` starts
    /// at `e - max_term_len()` or later.
    pub fn max_term_len(&self) -> usize {
        self.inner.max_len
    }

    fn key(&self) -> usize {
        Arc::as_ptr(&self.inner) as usize
    }

    /// Every match in `text`, overlapping ones included (by the trie while it is cheaper).
    fn run_all<'a>(&'a self, text: &'a str) -> impl Iterator<Item = LiveHit> + 'a {
        match self.inner.by_trie(text, false) {
            Some(hits) => Either::Left(hits.into_iter().map(live)),
            None => Either::Right(self.pma_all(text)),
        }
    }

    /// Leftmost-longest matches in `text` (by the trie while it is cheaper).
    fn run_longest<'a>(&'a self, text: &'a str) -> impl Iterator<Item = LiveHit> + 'a {
        match self.inner.by_trie(text, true) {
            Some(hits) => Either::Left(hits.into_iter().map(live)),
            None => Either::Right(self.pma_longest(text)),
        }
    }

    /// [`TermMatcher::run_all`] by the standard automaton.
    fn pma_all<'a>(&'a self, text: &'a str) -> impl Iterator<Item = LiveHit> + 'a {
        self.inner
            .standard()
            .into_iter()
            .flat_map(move |pma| pma.find_overlapping_iter(text))
            .map(|m| (m.start(), m.end(), m.value()))
    }

    /// [`TermMatcher::run_longest`] by the leftmost-longest automaton.
    fn pma_longest<'a>(&'a self, text: &'a str) -> impl Iterator<Item = LiveHit> + 'a {
        self.inner
            .longest()
            .into_iter()
            .flat_map(move |pma| pma.leftmost_find_iter(text))
            .map(|m| (m.start(), m.end(), m.value()))
    }

    /// The kept matches of the scope's text (`longest`: leftmost-longest ones), made now if
    /// this automaton has not matched the text yet.
    fn kept(&self, text: &str, longest: bool) -> Rc<[Hit]> {
        let key = self.key();
        let (all, long) = DOC.with(|d| {
            let d = d.borrow();
            d.hits
                .iter()
                .find(|h| h.0 == key)
                .map(|h| (h.1.clone(), h.2.clone()))
                .unwrap_or((None, None))
        });
        let made: Rc<[Hit]> = match (longest, all, long) {
            (false, Some(a), _) => return a,
            (true, _, Some(l)) => return l,
            (true, Some(a), None) => leftmost_longest(&a).into(),
            (_, None, _) => match self.group_pass(text) {
                Some(a) if longest => leftmost_longest(&a).into(),
                Some(a) => return a,
                // Before the group is built (the first [`LEARN_DOCS`] documents): the trie's
                // matches. A lexicon's own automata would be built just for these documents
                // (the group holds its terms for the rest): ≈ 70 M instructions of start-up.
                // A walk of the trie costs a few times an automaton's step per character,
                // so a long text (a single large document) is matched by the automaton.
                None if GROUP.get().is_none() && text.len() <= TRIE_PASS_MAX => {
                    let all: Rc<[Hit]> = self.inner.trie().all(text).into();
                    keep(key, false, all.clone());
                    if !longest {
                        return all;
                    }
                    leftmost_longest(&all).into()
                }
                None if longest => self.run_longest(text).map(compact).collect(),
                None => self.run_all(text).map(compact).collect(),
            },
        };
        keep(key, longest, made.clone());
        made
    }

    /// If this automaton is a member of the group: one group pass over the scope's text,
    /// keeping every member's overlapping matches; this member's are returned.
    fn group_pass(&self, text: &str) -> Option<Rc<[Hit]>> {
        let Some(group) = GROUP.get() else {
            learn(&self.inner);
            return None;
        };
        let group = group.as_ref()?;
        let me = *group.index.get(&self.key())?;
        let mut mine = None;
        group.pass(text, |i, list| {
            let list: Rc<[Hit]> = list.into();
            if i == me {
                mine = Some(list.clone());
            }
            keep(Arc::as_ptr(&group.members[i]) as usize, false, list);
        });
        mine
    }

    /// Non-overlapping leftmost-longest matches: `(byte range, entry)`.
    pub fn find_longest<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (Range<usize>, &'a Entry)> + 'a {
        let entries = &self.inner.entries[..];
        if in_scope(text) {
            return Either::Right(Kept {
                hits: self.kept(text, true),
                i: 0,
                entries,
            });
        }
        Either::Left(
            self.run_longest(text)
                .map(move |(s, e, v)| (s..e, &entries[v as usize])),
        )
    }

    /// Every match, overlapping ones included: `(byte range, entry)`.
    pub fn find_all<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (Range<usize>, &'a Entry)> + 'a {
        let entries = &self.inner.entries[..];
        if in_scope(text) {
            return Either::Right(Kept {
                hits: self.kept(text, false),
                i: 0,
                entries,
            });
        }
        Either::Left(
            self.run_all(text)
                .map(move |(s, e, v)| (s..e, &entries[v as usize])),
        )
    }

    /// The entry for exactly `term`, if it is in the lexicon.
    pub fn get(&self, term: &str) -> Option<&Entry> {
        let i = self.inner.trie().exact(term)?;
        Some(&self.inner.entries[i as usize])
    }

    /// The longest term that starts at byte `i` of `text` and ends at or before byte `limit`:
    /// (its end, entry). The same as the first leftmost-longest match in `&text[i..limit]` if
    /// that starts at `i`, without reading past the last character a term continues with.
    /// `i` and `limit` must be character boundaries, `i <= limit <= text.len()`.
    pub fn longest_at(&self, text: &str, i: usize, limit: usize) -> Option<(usize, &Entry)> {
        let (len, e) = self.inner.trie().longest_prefix(&text[i..limit])?;
        Some((i + len, &self.inner.entries[e as usize]))
    }

    /// Every term that starts at byte `i` of `text` and ends at or before byte `limit`,
    /// shortest first: (its end, entry). The matches of `find_all(&text[i..limit])` that start
    /// at its first byte. Same bounds as [`TermMatcher::longest_at`].
    pub fn prefixes_at<'a>(
        &'a self,
        text: &'a str,
        i: usize,
        limit: usize,
    ) -> impl Iterator<Item = (usize, &'a Entry)> + 'a {
        let entries = &self.inner.entries;
        self.inner
            .trie()
            .prefixes(&text[i..limit])
            .map(move |(len, e)| (i + len, &entries[e as usize]))
    }

    /// Does a term start at byte `i` of `text` and end at or before byte `limit`?
    pub fn starts_at(&self, text: &str, i: usize, limit: usize) -> bool {
        self.longest_at(text, i, limit).is_some()
    }

    /// Is `term` exactly a lexicon entry?
    pub fn contains(&self, term: &str) -> bool {
        self.get(term).is_some()
    }
}

#[cfg(test)]
mod scope_tests {
    use super::DocScope;

    #[test]
    fn each_scope_has_its_own_id_and_only_for_its_text() {
        let (a, b) = (String::from("甲公司"), String::from("乙公司"));
        assert_eq!(DocScope::id_of(&a), None);
        let outer = DocScope::enter(&a);
        let ia = DocScope::id_of(&a).expect("in scope");
        assert_eq!(DocScope::id_of(&b), None);
        assert_eq!(DocScope::id_of(&a[3..]), None);
        {
            let _inner = DocScope::enter(&b);
            let ib = DocScope::id_of(&b).expect("in scope");
            assert_ne!(ia, ib);
            assert_eq!(DocScope::id_of(&a), None);
        }
        assert_eq!(DocScope::id_of(&a), Some(ia));
        drop(outer);
        assert_eq!(DocScope::id_of(&a), None);
        let _again = DocScope::enter(&a);
        assert_ne!(DocScope::id_of(&a), Some(ia));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_and_overlapping() {
        let m = TermMatcher::from_terms(["总经理", "副总经理", "经理", "经理"]);
        let got: Vec<_> = m
            .find_longest("副总经理陈")
            .map(|(r, e)| (r, e.term.as_str()))
            .collect();
        assert_eq!(got, vec![(0..12, "副总经理")]);
        assert_eq!(m.find_all("副总经理").count(), 3);
        assert!(m.contains("经理"));
        assert!(!m.contains("总"));
        assert!(
            TermMatcher::from_terms([])
                .find_longest("x")
                .next()
                .is_none()
        );
    }

    /// Inside a scope, kept and derived matches equal live ones, for every built-in lexicon.
    #[test]
    fn scoped_matches_are_live_matches() {
        let text = "北京市朝阳区人民政府副区长张伟与上海浦东发展银行股份有限公司董事长、总经理\
                    李强在深圳市南山区签署战略合作协议，总投资约12亿元人民币。中国人民银行\
                    行长出席。美国、日本、韩国企业代表，北京大学教授王芳主持。";
        let lex = crate::rules::lexicon::LexiconSet::builtin().unwrap();
        for (name, l) in &lex.map {
            let m = TermMatcher::new(l.entries.iter());
            let live_all: Vec<_> = m.find_all(text).collect();
            let live_long: Vec<_> = m.find_longest(text).collect();
            let _g = DocScope::enter(text);
            // Longest first (made by the longest automaton), then from kept overlapping ones.
            assert_eq!(
                m.find_longest(text).collect::<Vec<_>>(),
                live_long,
                "{name}"
            );
            assert_eq!(m.find_all(text).collect::<Vec<_>>(), live_all, "{name}");
            assert_eq!(m.find_all(text).collect::<Vec<_>>(), live_all, "{name}");
            drop(_g);
            let _g = DocScope::enter(text);
            assert_eq!(m.find_all(text).collect::<Vec<_>>(), live_all, "{name}");
            let derived: Vec<_> = m.find_longest(text).collect();
            assert_eq!(derived, live_long, "{name}");
            // A window of the text is matched live.
            let w = &text[..text.char_indices().nth(30).map_or(text.len(), |(i, _)| i)];
            assert_eq!(
                m.find_all(w).count(),
                TermMatcher::new(l.entries.iter()).pma_all(w).count()
            );
        }
    }

    /// A text with matches of many built-in lexicons, for the whole-text pass tests.
    const PASS_TEXT: &str = "北京市朝阳区人民政府副区长张伟与上海浦东发展银行股份有限公司董事长、\
        总经理李强在深圳市南山区签署战略合作协议，总投资约12亿元人民币。中国人民银行行长出席。\
        美国、日本、韩国企业代表，北京大学教授王芳主持。2024年7月21日，华为技术有限公司宣布\
        完成B轮融资，由红杉资本领投。";

    /// The trie's matches over a whole text are each lexicon's own automaton's overlapping
    /// matches, in the same order, for every built-in lexicon.
    #[test]
    fn trie_pass_is_each_lexicon_pass() {
        let text = PASS_TEXT;
        let lex = crate::rules::lexicon::LexiconSet::builtin().unwrap();
        for (name, l) in &lex.map {
            let m = TermMatcher::new(l.entries.iter());
            let own: Vec<Hit> = m.pma_all(text).map(compact).collect();
            assert_eq!(m.inner.trie().all(text), own, "{name}");
        }
        let m = TermMatcher::from_terms(["总经理", "副总经理", "经理", "总"]);
        let own: Vec<Hit> = m.pma_all("副总经理总经理").map(compact).collect();
        assert_eq!(m.inner.trie().all("副总经理总经理"), own);
    }

    /// One group pass over all built-in lexicons gives each lexicon its own automaton's
    /// overlapping matches, in the same order.
    #[test]
    fn group_pass_is_each_lexicon_pass() {
        let text = PASS_TEXT;
        let lex = crate::rules::lexicon::LexiconSet::builtin().unwrap();
        let ms: Vec<TermMatcher> = lex
            .map
            .values()
            .map(|l| TermMatcher::new(l.entries.iter()))
            .collect();
        let group = Group::build(ms.iter().map(|m| m.inner.clone()).collect()).unwrap();
        let mut lists: Vec<Vec<Hit>> = Vec::new();
        group.pass(text, |i, list| {
            assert_eq!(i, lists.len());
            lists.push(list.to_vec());
        });
        assert_eq!(lists.len(), ms.len());
        // (a second pass reuses the scratch lists: the same matches)
        group.pass(text, |i, list| assert_eq!(list, &lists[i][..]));
        for (m, list) in ms.iter().zip(&lists) {
            let own: Vec<Hit> = m.pma_all(text).map(compact).collect();
            assert_eq!(&own, list);
        }
    }

    /// Anchored lookups equal a leftmost-longest search of the window that keeps only a match
    /// at its first byte, and exact lookups equal the automaton's, for every built-in lexicon.
    #[test]
    fn anchored_lookups_are_window_searches() {
        let text = "北京市朝阳区人民政府副区长张伟与上海浦东发展银行股份有限公司董事长、总经理\
                    李强在深圳市南山区签署战略合作协议，总投资约12亿元人民币。中国人民银行\
                    行长出席。美国、日本、韩国企业代表，北京大学教授王芳主持。2024年7月21日，\
                    华为技术有限公司宣布完成B轮融资，由红杉资本领投，金额超过3000万美元以上。";
        let lex = crate::rules::lexicon::LexiconSet::builtin().unwrap();
        for (name, l) in &lex.map {
            let m = TermMatcher::new(l.entries.iter());
            let bounds: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            for (a, &i) in bounds.iter().enumerate() {
                for &lim in &bounds[a..bounds.len().min(a + 12)] {
                    let window = m
                        .pma_longest(&text[i..lim])
                        .next()
                        .filter(|h| h.0 == 0)
                        .map(|h| (i + h.1, &m.inner.entries[h.2 as usize]));
                    assert_eq!(m.longest_at(text, i, lim), window, "{name} at {i}..{lim}");
                    assert_eq!(m.starts_at(text, i, lim), window.is_some(), "{name}");
                    let mut all: Vec<(usize, &Entry)> = m
                        .pma_all(&text[i..lim])
                        .filter(|h| h.0 == 0)
                        .map(|h| (i + h.1, &m.inner.entries[h.2 as usize]))
                        .collect();
                    all.sort_by_key(|h| h.0);
                    assert_eq!(
                        m.prefixes_at(text, i, lim).collect::<Vec<_>>(),
                        all,
                        "{name}"
                    );
                }
            }
            for e in &l.entries {
                let live = m.inner.longest().and_then(|pma| {
                    pma.leftmost_find_iter(&e.term)
                        .find(|h| h.start() == 0 && h.end() == e.term.len())
                        .map(|h| &m.inner.entries[h.value() as usize])
                });
                assert_eq!(m.get(&e.term), live, "{name}: {}", e.term);
            }
            for w in ["", "北京", "有限公司", "总经理李", "元"] {
                let live = m.inner.longest().and_then(|pma| {
                    pma.leftmost_find_iter(w)
                        .find(|h| h.start() == 0 && h.end() == w.len())
                        .map(|h| &m.inner.entries[h.value() as usize])
                });
                assert_eq!(m.get(w), live, "{name}: {w}");
            }
        }
    }

    /// Texts outside a scope are matched by the trie until the lexicon's budget is spent, then
    /// by the automaton: the same matches either way, for every built-in lexicon.
    #[test]
    fn trie_runs_are_automaton_runs() {
        let lex = crate::rules::lexicon::LexiconSet::builtin().unwrap();
        let texts: Vec<&str> = PASS_TEXT
            .split_inclusive(['，', '。', '、'])
            .chain([PASS_TEXT, "", "总经理"])
            .collect();
        for (name, l) in &lex.map {
            let m = TermMatcher::new(l.entries.iter());
            for t in &texts {
                let trie = m.inner.trie().all(t);
                let own: Vec<LiveHit> = m.pma_all(t).collect();
                assert_eq!(trie.iter().copied().map(live).collect::<Vec<_>>(), own);
                let own: Vec<LiveHit> = m.pma_longest(t).collect();
                let direct = m.inner.trie().leftmost_longest(t);
                assert_eq!(direct, leftmost_longest(&trie), "{name}: {t}");
                let trie: Vec<LiveHit> = direct.into_iter().map(live).collect();
                assert_eq!(trie, own, "{name}: {t}");
            }
        }
        // a fresh lexicon goes by the trie first, and by its automaton once the budget is spent
        let m = TermMatcher::from_terms(["试验甲乙", "甲乙", "乙丙丁"]);
        assert_eq!(
            m.inner.trie().leftmost_longest("甲乙丙丁试验甲乙"),
            leftmost_longest(&m.inner.trie().all("甲乙丙丁试验甲乙"))
        );
        let t = "试验甲乙丙丁";
        assert_eq!(m.run_all(t).count(), 3);
        assert!(m.inner.standard.get().is_none() && m.inner.longest.get().is_none());
        assert_eq!(m.run_longest(t).collect::<Vec<_>>(), vec![(0, 12, 0)]);
        m.inner
            .trie_bytes
            .store(TRIE_TEXT_BUDGET, Ordering::Relaxed);
        assert_eq!(m.run_all(t).count(), 3);
        assert!(m.inner.standard.get().is_some());
    }

    #[test]
    fn same_entries_share_one_automaton() {
        let a = TermMatcher::from_terms(["甲乙", "丙"]);
        let b = TermMatcher::from_terms(["甲乙", "丙"]);
        let c = TermMatcher::from_terms(["甲乙"]);
        assert!(Arc::ptr_eq(&a.inner, &b.inner));
        assert!(!Arc::ptr_eq(&a.inner, &c.inner));
    }
}
