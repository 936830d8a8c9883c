//! Graph edges: a typed relationship with its properties and evidence.

use std::collections::BTreeMap;
use std::sync::{Arc, LazyLock, Mutex};

use crate::extract::{RelProps, RelType};

/// Where an edge was found. The document id and the sentence are shared ([`Shared`]): one
/// sentence is the evidence of many edges, so it is stored once, not once per edge. Offsets
/// are `u32` (characters into one document; extraction keeps them as `u32` already). Every
/// field is one pointer or less (32 bytes in all: issue 8).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EdgeEvidence {
    pub doc: Shared,
    pub sentence: Shared,
    pub start: u32,
    pub end: u32,
    pub rule: Rule,
}

/// An edge of the knowledge graph: 48 bytes (issue 8: the graph holds one per relationship,
/// mostly MENTIONED_IN, so its size is most of the graph's memory; 80 with `Arc<str>` and
/// `&'static str` in the evidence, 56 with the count as an `Option<u32>`).
#[derive(Clone, Debug)]
pub struct Edge {
    pub rel: RelType,
    /// The properties, behind a pointer because most edges have none (`None`: all unset);
    /// read them with [`Edge::props`], set them with [`Edge::boxed`]. Shared: the edges of
    /// one relation kind (type and properties) that `graph::build` makes point to one value
    /// (issue 8: a copy per edge was ≈ 100 bytes of each edge with a title, ≈ 7 MB of a graph
    /// of 200 MB of distinct input).
    pub props: Option<Arc<RelProps>>,
    /// MENTIONED_IN: how often ([`Edge::count`]). Two fields rather than an `Option<u32>`
    /// (8 bytes of its own), so that they share a word with `rel`.
    has_count: bool,
    count: u32,
    pub evidence: Option<EdgeEvidence>,
}

/// Properties that are all unset.
pub(crate) static NO_PROPS: RelProps = RelProps {
    title: None,
    status: None,
    on_behalf_of: None,
    lead: None,
    about: None,
};

impl Edge {
    pub fn new(
        rel: RelType,
        props: Option<Arc<RelProps>>,
        count: Option<u32>,
        evidence: Option<EdgeEvidence>,
    ) -> Edge {
        Edge {
            rel,
            props,
            has_count: count.is_some(),
            count: count.unwrap_or(0),
            evidence,
        }
    }

    /// MENTIONED_IN: how often (`None` for the other types).
    pub fn count(&self) -> Option<u32> {
        self.has_count.then_some(self.count)
    }

    pub fn set_count(&mut self, count: Option<u32>) {
        self.has_count = count.is_some();
        self.count = count.unwrap_or(0);
    }

    /// The edge's properties (all unset for most edges).
    pub fn props(&self) -> &RelProps {
        self.props.as_deref().unwrap_or(&NO_PROPS)
    }

    /// Properties as an edge holds them: `None` when all are unset.
    pub fn boxed(p: RelProps) -> Option<Arc<RelProps>> {
        (p != NO_PROPS).then(|| Arc::new(p))
    }
}

/// An edge as readers see it, wherever it is kept (petgraph, or the MENTIONED_IN list of
/// `mentions.rs`): its type, properties, count and evidence, borrowed from the graph.
#[derive(Clone, Copy, Debug)]
pub struct EdgeView<'a> {
    pub rel: RelType,
    pub(crate) props: &'a RelProps,
    pub(crate) count: Option<u32>,
    pub evidence: Option<EvidenceView<'a>>,
}

/// [`EdgeEvidence`] borrowed from the graph. The sentence is read with
/// [`EvidenceView::sentence`]: a MENTIONED_IN record of a built graph names it by where it
/// is in the temporary record file (issue 8: the cited sentences were as much memory as the
/// whole growth budget), so it is read back only when asked for.
#[derive(Clone, Copy, Debug)]
pub struct EvidenceView<'a> {
    pub doc: &'a Shared,
    pub(crate) sentence: SentenceRef<'a>,
    pub start: u32,
    pub end: u32,
    pub rule: Rule,
}

/// Where an [`EvidenceView`]'s sentence is: held by the graph, or sentence `i` of a
/// MENTIONED_IN list's table.
#[derive(Clone, Copy)]
pub(crate) enum SentenceRef<'a> {
    Held(&'a Shared),
    Stored(&'a super::Mentions, u32),
}

impl std::fmt::Debug for SentenceRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SentenceRef::Held(s) => write!(f, "{s:?}"),
            SentenceRef::Stored(m, i) => write!(f, "{:?}", m.sentence(*i)),
        }
    }
}

impl<'a> EvidenceView<'a> {
    /// The evidence sentence (borrowed when the graph holds it, else read back).
    pub fn sentence(&self) -> std::borrow::Cow<'a, Shared> {
        match self.sentence {
            SentenceRef::Held(s) => std::borrow::Cow::Borrowed(s),
            SentenceRef::Stored(m, i) => std::borrow::Cow::Owned(m.sentence(i)),
        }
    }

    /// The evidence sentence handed to `f` (a stored one is read back without making a
    /// string of it).
    pub fn with_sentence<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        match self.sentence {
            SentenceRef::Held(s) => f(s),
            SentenceRef::Stored(m, i) => m.with_sentence(i, f),
        }
    }

    /// Whether the sentence is [`plain_text`](crate::export::plain_text), when that is known
    /// without reading it.
    pub fn sentence_plain(&self) -> Option<bool> {
        match self.sentence {
            SentenceRef::Held(_) => None,
            SentenceRef::Stored(m, i) => m.sentence_plain(i),
        }
    }

    /// One key per distinct stored sentence (its address and length when the graph holds
    /// it, its table entry when it is read back): two edges with one key cite one text.
    pub fn sentence_key(&self) -> (usize, usize) {
        match self.sentence {
            SentenceRef::Held(s) => (s.as_ptr() as usize, s.len()),
            SentenceRef::Stored(_, i) => (usize::MAX, i as usize),
        }
    }
}

impl<'a> EdgeView<'a> {
    /// The edge's properties (all unset for most edges).
    pub fn props(&self) -> &'a RelProps {
        self.props
    }

    /// MENTIONED_IN: how often (`None` for the other types).
    pub fn count(&self) -> Option<u32> {
        self.count
    }

    /// The edge as an owned [`Edge`].
    pub fn to_edge(&self) -> Edge {
        Edge::new(
            self.rel,
            Edge::boxed(self.props.clone()),
            self.count,
            self.evidence.map(|ev| EdgeEvidence {
                doc: ev.doc.clone(),
                sentence: ev.sentence().into_owned(),
                start: ev.start,
                end: ev.end,
                rule: ev.rule,
            }),
        )
    }
}

impl Edge {
    /// The edge as readers see it.
    pub fn view(&self) -> EdgeView<'_> {
        EdgeView {
            rel: self.rel,
            props: self.props(),
            count: self.count(),
            evidence: self.evidence.as_ref().map(|ev| EvidenceView {
                doc: &ev.doc,
                sentence: SentenceRef::Held(&ev.sentence),
                start: ev.start,
                end: ev.end,
                rule: ev.rule,
            }),
        }
    }
}

/// A rule id as an edge holds it: one thin pointer to an interned `&'static str` (8 bytes, a
/// `&'static str` is 16). Reads as the `str` ([`Deref`](std::ops::Deref)).
#[derive(Clone, Copy)]
pub struct Rule(&'static &'static str);

impl Rule {
    /// The rule id `s`, interned: the set of rule ids is small and fixed, so each distinct
    /// one is leaked once (with its text, when it is not `'static` already).
    pub fn of(s: &str) -> Rule {
        static SEEN: LazyLock<Mutex<BTreeMap<&'static str, &'static &'static str>>> =
            LazyLock::new(|| Mutex::new(BTreeMap::new()));
        let mut seen = match SEEN.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        };
        if let Some(&r) = seen.get(s) {
            return Rule(r);
        }
        let text: &'static str = Box::leak(s.to_string().into_boxed_str());
        let r: &'static &'static str = Box::leak(Box::new(text));
        seen.insert(text, r);
        Rule(r)
    }

    pub fn as_str(&self) -> &'static str {
        self.0
    }
}

impl From<&str> for Rule {
    fn from(s: &str) -> Rule {
        Rule::of(s)
    }
}

impl std::ops::Deref for Rule {
    type Target = str;
    fn deref(&self) -> &str {
        self.0
    }
}

impl PartialEq for Rule {
    fn eq(&self, other: &Rule) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Rule {}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A shared, immutable string behind one thin pointer: 8 bytes in the edge, against 16 for an
/// `Arc<str>` (whose pointer carries the length). `arcstr` stores the count and the length in
/// front of the bytes, in one allocation; it reads as the `str` (`Deref`) and compares, orders
/// and hashes as the `str`, which the exporters' sorts rely on.
pub type Shared = arcstr::ArcStr;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edges_are_small_and_props_read_back() {
        assert!(
            std::mem::size_of::<Edge>() <= 48,
            "{}",
            std::mem::size_of::<Edge>()
        );
        assert_eq!(std::mem::size_of::<Option<EdgeEvidence>>(), 32);
        let p = RelProps {
            title: Some("董事长".into()),
            ..RelProps::default()
        };
        let mut e = Edge::new(RelType::HoldsPosition, Edge::boxed(p.clone()), None, None);
        assert_eq!(e.props(), &p);
        assert_eq!(e.count(), None);
        for c in [Some(0), Some(7), Some(u32::MAX), None] {
            e.set_count(c);
            assert_eq!(e.count(), c);
            assert_eq!(Edge::new(RelType::MentionedIn, None, c, None).count(), c);
        }
        assert!(Edge::boxed(RelProps::default()).is_none());
    }

    #[test]
    fn shared_is_thin_and_reads_compares_and_frees_like_the_str() {
        assert_eq!(std::mem::size_of::<Shared>(), 8);
        let long = "x".repeat(1000);
        let texts = ["", "a", "句子，\"引号\"", "ab", "a b", long.as_str()];
        for a in texts {
            let s = Shared::from(a);
            assert_eq!(&*s, a);
            assert_eq!(format!("{s}"), a);
            assert_eq!(format!("{s:?}"), format!("{a:?}"));
            let copies: Vec<Shared> = (0..5).map(|_| s.clone()).collect();
            assert!(copies.iter().all(|c| c.as_ptr() == s.as_ptr() && *c == s));
            drop(copies);
            assert_eq!(&*s, a);
            for b in texts {
                assert_eq!(Shared::from(b).cmp(&s), b.cmp(a));
                assert_eq!(Shared::from(b).eq(&s), a == b);
            }
        }
        let mut set = std::collections::HashSet::new();
        set.insert(Shared::from(String::from("甲")));
        assert!(set.contains("甲") && !set.contains("乙"));
        // Shared across threads: clones dropped on several threads leave the last one valid.
        let s = Shared::from("共享");
        std::thread::scope(|t| {
            for _ in 0..4 {
                let c = s.clone();
                t.spawn(move || {
                    let more: Vec<Shared> = (0..100).map(|_| c.clone()).collect();
                    assert!(more.iter().all(|m| &**m == "共享"));
                });
            }
        });
        assert_eq!(&*s, "共享");
    }

    #[test]
    fn rules_are_interned_once() {
        let a = Rule::of("event.sign");
        let b = Rule::from(String::from("event.sign").as_str());
        assert!(std::ptr::eq(a.0, b.0));
        assert_eq!(&*a, "event.sign");
        assert_eq!(format!("{a}"), "event.sign");
        assert_ne!(a, Rule::of("event.signx"));
    }
}
