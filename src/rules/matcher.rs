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

use std::cell::RefCell;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::rc::Rc;
use std::sync::{Arc, LazyLock, Mutex, OnceLock, Weak};

use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};

use super::lexicon::Entry;

/// A multi-pattern matcher over lexicon entries.
pub struct TermMatcher {
    inner: Arc<Inner>,
}

/// The entries and their two automata, each built on first use (many matchers only ever use
/// one kind of search, and building is most of the start-up time).
struct Inner {
    entries: Vec<Entry>,
    standard: OnceLock<Option<CharwiseDoubleArrayAhoCorasick<u32>>>,
    longest: OnceLock<Option<CharwiseDoubleArrayAhoCorasick<u32>>>,
}

/// Automata built so far, by a hash of their entries (several per hash on a collision).
static REGISTRY: LazyLock<Mutex<std::collections::HashMap<u64, Vec<Weak<Inner>>>>> =
    LazyLock::new(|| Mutex::new(std::collections::HashMap::new()));

fn entries_hash(entries: &[Entry]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for e in entries {
        e.term.hash(&mut h);
        e.attrs.hash(&mut h);
    }
    h.finish()
}

impl Inner {
    fn new(entries: Vec<Entry>) -> Inner {
        Inner {
            entries,
            standard: OnceLock::new(),
            longest: OnceLock::new(),
        }
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
type Hit = (usize, usize, u32);

/// The matches kept for the document of the current [`DocScope`] on this thread.
#[derive(Default)]
struct DocCache {
    /// Address and length of the document text (0, 0: no scope).
    text: (usize, usize),
    /// Per automaton (the address of its `Inner`): overlapping matches, leftmost-longest ones.
    hits: Vec<(usize, Option<Rc<[Hit]>>, Option<Rc<[Hit]>>)>,
}

thread_local! {
    static DOC: RefCell<DocCache> = RefCell::new(DocCache::default());
}

/// While alive, whole-text passes over `text` on this thread are computed once per lexicon
/// (see the module doc). Scopes nest; leaving one restores the enclosing one.
pub struct DocScope<'a> {
    saved: Option<DocCache>,
    _text: std::marker::PhantomData<&'a str>,
}

impl<'a> DocScope<'a> {
    pub fn enter(text: &'a str) -> DocScope<'a> {
        let fresh = DocCache {
            text: (text.as_ptr() as usize, text.len()),
            hits: Vec::new(),
        };
        let saved = DOC.with(|d| std::mem::replace(&mut *d.borrow_mut(), fresh));
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

/// Is `text` the text of the current scope? (It is borrowed for the scope's lifetime, so the
/// same address and length mean the same bytes.)
fn in_scope(text: &str) -> bool {
    !text.is_empty() && DOC.with(|d| d.borrow().text == (text.as_ptr() as usize, text.len()))
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
        Some((s..e, &self.entries[v as usize]))
    }
}

/// Either a live automaton pass or kept matches.
enum Either<A, B> {
    Live(A),
    Kept(B),
}

impl<T, A: Iterator<Item = T>, B: Iterator<Item = T>> Iterator for Either<A, B> {
    type Item = T;
    fn next(&mut self) -> Option<T> {
        match self {
            Either::Live(a) => a.next(),
            Either::Kept(b) => b.next(),
        }
    }
}

/// Leftmost-longest matches from every overlapping match: from the left, the match that starts
/// first (the longest of those), then on after its end.
fn leftmost_longest(all: &[Hit]) -> Vec<Hit> {
    let mut sorted: Vec<Hit> = all.to_vec();
    sorted.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out = Vec::new();
    let mut pos = 0;
    for h in sorted {
        if h.0 >= pos {
            pos = h.1;
            out.push(h);
        }
    }
    out
}

impl TermMatcher {
    /// Build from entries (the first entry of a repeated term wins).
    pub fn new<'a>(entries: impl IntoIterator<Item = &'a Entry>) -> TermMatcher {
        let mut seen = HashSet::new();
        let entries: Vec<Entry> = entries
            .into_iter()
            .filter(|e| !e.term.is_empty() && seen.insert(e.term.clone()))
            .cloned()
            .collect();
        let key = entries_hash(&entries);
        let mut reg = match REGISTRY.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        };
        let bucket = reg.entry(key).or_default();
        bucket.retain(|w| w.strong_count() > 0);
        if let Some(inner) = bucket
            .iter()
            .filter_map(Weak::upgrade)
            .find(|i| i.entries == entries)
        {
            return TermMatcher { inner };
        }
        let inner = Arc::new(Inner::new(entries));
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

    fn key(&self) -> usize {
        Arc::as_ptr(&self.inner) as usize
    }

    fn run_all<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Hit> + 'a {
        self.inner
            .standard()
            .into_iter()
            .flat_map(move |pma| pma.find_overlapping_iter(text))
            .map(|m| (m.start(), m.end(), m.value()))
    }

    fn run_longest<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Hit> + 'a {
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
            (true, None, None) => self.run_longest(text).collect(),
            (false, None, _) => self.run_all(text).collect(),
        };
        DOC.with(|d| {
            let mut d = d.borrow_mut();
            let i = match d.hits.iter().position(|h| h.0 == key) {
                Some(i) => i,
                None => {
                    d.hits.push((key, None, None));
                    d.hits.len() - 1
                }
            };
            if longest {
                d.hits[i].2 = Some(made.clone());
            } else {
                d.hits[i].1 = Some(made.clone());
            }
        });
        made
    }

    /// Non-overlapping leftmost-longest matches: `(byte range, entry)`.
    pub fn find_longest<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (Range<usize>, &'a Entry)> + 'a {
        let entries = &self.inner.entries[..];
        if in_scope(text) {
            return Either::Kept(Kept {
                hits: self.kept(text, true),
                i: 0,
                entries,
            });
        }
        Either::Live(
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
            return Either::Kept(Kept {
                hits: self.kept(text, false),
                i: 0,
                entries,
            });
        }
        Either::Live(
            self.run_all(text)
                .map(move |(s, e, v)| (s..e, &entries[v as usize])),
        )
    }

    /// The entry for exactly `term`, if it is in the lexicon.
    pub fn get(&self, term: &str) -> Option<&Entry> {
        let pma = self.inner.longest()?;
        pma.leftmost_find_iter(term)
            .find(|m| m.start() == 0 && m.end() == term.len())
            .map(|m| &self.inner.entries[m.value() as usize])
    }

    /// Is `term` exactly a lexicon entry?
    pub fn contains(&self, term: &str) -> bool {
        self.get(term).is_some()
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
                TermMatcher::new(l.entries.iter()).run_all(w).count()
            );
        }
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
