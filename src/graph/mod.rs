//! Stage 6 — graph: resolved entities + per-document facts → one petgraph knowledge graph.
//!
//! Nodes ([`Node`], `node.rs`) and edges ([`Edge`], `edge.rs`) are typed structs. Node ids are
//! deterministic content keys ([`node_id`]: label prefix + FNV-1a hash of the entity key chosen
//! by `link::resolve`), so the same entity has the same id in every run and shard.
//! [`KnowledgeGraph::build`] (`build.rs`) resolves entities *before* adding any node, adds
//! nodes in id order and edges in a sorted order, so the graph — and every export — never
//! depends on thread count or input order. The contract is `schema/graph.md`.

mod build;
pub(crate) use build::IdOrder;
pub mod edge;
pub mod mentions;
pub mod merge;
pub mod node;

use petgraph::Direction;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef as _;

pub use edge::{Edge, EdgeEvidence, EdgeView, EvidenceView, Rule, Shared};
pub use mentions::Mentions;
pub use node::{
    AmountProps, DocumentProps, EventProps, Extra, ExtraFields, Node, NodeLabel, NodeProps,
};

use crate::link::MergeRecord;

/// The knowledge graph of one run.
///
/// Its edges are kept in two places: the MENTIONED_IN edges (nearly all of a large graph's)
/// in a packed list ([`Mentions`], 32 bytes an edge against petgraph's 64: issue 8), every
/// other edge in petgraph `g`. Read edges through the methods below, never through `g`'s:
/// an edge handle (`EdgeIndex`) numbers petgraph's edges first (their own indices) and the
/// MENTIONED_IN list's after them; [`KnowledgeGraph::add_edge`] puts an edge where it
/// belongs.
#[derive(Default)]
pub struct KnowledgeGraph {
    /// The nodes, and the edges but MENTIONED_IN ones. Read the edges through
    /// [`KnowledgeGraph::edge_view`] (or the other edge methods here): the relation edges of a
    /// graph `graph::build` made hold no sentence text (it is read back through `mentions`),
    /// so a copy of `g` alone has their sentences empty.
    pub g: DiGraph<Node, Edge>,
    pub mentions: Mentions,
    /// Node lookup by id ([`KnowledgeGraph::index_of`]); made by [`KnowledgeGraph::index_ids`]
    /// once the nodes are added.
    pub(crate) ids: IdIndex,
    /// Every merge entity resolution made, with its reason (written to `merges.jsonl`).
    pub merges: Vec<MergeRecord>,
}

/// Node lookup by id without a second copy of every id (issue 8: a map from a cloned id to
/// the node's index was ≈ 70 bytes a node, 22 MB of a graph of 314 000 nodes): the node
/// indices in id order, searched by binary search over the nodes' own ids — and not even that
/// when the nodes are in strictly increasing id order already, as `graph::build` and
/// `graph::merge` add them.
#[derive(Clone, Debug, Default)]
pub(crate) struct IdIndex {
    /// How many nodes the index covers (the nodes added before the last
    /// [`KnowledgeGraph::index_ids`]).
    len: usize,
    /// Node indices ordered by (id, index); empty when the nodes are in strictly increasing id
    /// order.
    order: Vec<u32>,
}

/// A short, stable hash (FNV-1a 64) for ids.
pub fn stable_hash(s: &str) -> String {
    let mut h = StableHasher::default();
    h.write_bytes(s.as_bytes());
    h.finish_hex()
}

/// `h` as 16 lower-case hex digits, as `format!("{h:016x}")` writes them, without the
/// formatting machinery (every node id and edge id is one; issue 8).
pub(crate) fn hex16(h: u64) -> [u8; 16] {
    let mut b = [0u8; 16];
    for (i, slot) in b.iter_mut().enumerate() {
        let d = ((h >> (60 - 4 * i)) & 0xF) as u8;
        *slot = if d < 10 { b'0' + d } else { b'a' + d - 10 };
    }
    b
}

/// Write `{:?}` of a `str` (quotes, escapes) as `core` writes it, without its per-character
/// Unicode table lookups for the common characters: printable ASCII other than `"` and `\\`,
/// `'` (which `str`'s `Debug` leaves alone) and the CJK ideographs U+4E00–U+9FA5 are copied in
/// runs; every other character is written as `char::escape_debug` writes it. A test compares
/// the two for every character. Relationship properties (titles, `about` texts) are part of
/// edge identities and ids (issue 8: ≈ 8 000 instructions per text before).
pub(crate) fn write_debug_str(w: &mut impl std::fmt::Write, s: &str) -> std::fmt::Result {
    w.write_char('"')?;
    let mut run = 0;
    for (i, c) in s.char_indices() {
        if matches!(c, ' '..='!' | '#'..='[' | ']'..='~' | '\u{4E00}'..='\u{9FA5}') {
            continue;
        }
        w.write_str(&s[run..i])?;
        if c == '\'' {
            w.write_char(c)?;
        } else {
            for e in c.escape_debug() {
                w.write_char(e)?;
            }
        }
        run = i + c.len_utf8();
    }
    w.write_str(&s[run..])?;
    w.write_char('"')
}

/// Write `{v}` (or `{v:?}` when `debug`) of an `f64` as `core` writes it. A whole number below
/// 2^53 (nearly every amount) is its digits, and `.0` for `{:?}`: every integer of that size
/// is an `f64` of its own, so its shortest round-trip form is itself, and neither form uses an
/// exponent below 1e16. Anything else (`-0.0`, fractions, NaN) goes through `core`. The
/// formatting machinery costs hundreds of instructions per number (issue 8: amount keys,
/// GraphML amount nodes).
pub(crate) fn write_f64(w: &mut impl std::fmt::Write, v: f64, debug: bool) -> std::fmt::Result {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if v.fract() == 0.0 && v.abs() < EXACT && !(v == 0.0 && v.is_sign_negative()) {
        // (Whole and below 2^53: the conversion is exact.)
        write!(w, "{}", v as i64)?;
        if debug {
            w.write_str(".0")?;
        }
        Ok(())
    } else if debug {
        write!(w, "{v:?}")
    } else {
        write!(w, "{v}")
    }
}

/// `{:?}` of an `Option<&str>` (the same text as for an `Option<String>`), by
/// [`write_debug_str`].
pub(crate) fn write_debug_opt(w: &mut impl std::fmt::Write, v: Option<&str>) -> std::fmt::Result {
    match v {
        None => w.write_str("None"),
        Some(s) => {
            w.write_str("Some(")?;
            write_debug_str(w, s)?;
            w.write_char(')')
        }
    }
}

/// [`stable_hash`] fed piece by piece: `write!` into it gives the hash of the formatted text
/// without allocating that text.
pub struct StableHasher(u64);

impl Default for StableHasher {
    fn default() -> Self {
        StableHasher(0xcbf29ce484222325)
    }
}

impl StableHasher {
    pub fn write_bytes(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= *b as u64;
            self.0 = self.0.wrapping_mul(0x100000001b3);
        }
    }
    /// The hash as [`stable_hash`] writes it (16 hex digits).
    pub fn finish_hex(&self) -> String {
        hex16(self.0).iter().map(|&b| char::from(b)).collect()
    }
    /// The hash as a number ([`StableHasher::finish_hex`] is its 16 lower-case hex digits,
    /// so the two order alike).
    pub fn finish(&self) -> u64 {
        self.0
    }
}

impl std::fmt::Write for StableHasher {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.write_bytes(s.as_bytes());
        Ok(())
    }
}

/// The id of an entity node: label prefix + hash of the entity key.
pub fn node_id(label: NodeLabel, key: &str) -> String {
    let (prefix, hash) = node_id_order(label, key);
    id_text(prefix, hash)
}

/// The id [`node_id`] makes of what [`node_id_order`] gives.
pub(crate) fn id_text(prefix: &str, hash: u64) -> String {
    let mut id = String::with_capacity(prefix.len() + 17);
    id.push_str(prefix);
    id.push('_');
    id.extend(hex16(hash).iter().map(|&b| char::from(b)));
    id
}

/// What [`node_id`] is made of — its prefix and the hash its 16 hex digits write — which
/// orders as the id does (no prefix is the start of another, and the digits are of a fixed
/// width), without making the text.
pub fn node_id_order(label: NodeLabel, key: &str) -> (&'static str, u64) {
    let prefix = match label {
        NodeLabel::Document => "doc",
        NodeLabel::Person => "per",
        NodeLabel::Organization => "org",
        NodeLabel::Role => "role",
        NodeLabel::Location => "loc",
        NodeLabel::Amount => "amt",
        NodeLabel::Event => "evt",
    };
    let mut h = StableHasher::default();
    h.write_bytes(key.as_bytes());
    (prefix, h.finish())
}

/// The label a node id belongs to, from its prefix (ids are made by [`node_id`]).
pub fn label_of_id(id: &str) -> Option<NodeLabel> {
    let (prefix, _) = id.split_once('_')?;
    Some(match prefix {
        "doc" => NodeLabel::Document,
        "per" => NodeLabel::Person,
        "org" => NodeLabel::Organization,
        "role" => NodeLabel::Role,
        "loc" => NodeLabel::Location,
        "amt" => NodeLabel::Amount,
        "evt" => NodeLabel::Event,
        _ => return None,
    })
}

/// A rule id read back from a file, interned ([`Rule::of`]: the set of rule ids is small and
/// fixed, so each distinct string is leaked once).
pub fn intern_rule(s: &str) -> Rule {
    Rule::of(s)
}

impl KnowledgeGraph {
    pub fn node_count(&self) -> usize {
        self.g.node_count()
    }
    /// Every edge, MENTIONED_IN ones too.
    pub fn edge_count(&self) -> usize {
        self.g.edge_count() + self.mentions.len()
    }

    /// Add an edge from `a` to `b`: a MENTIONED_IN edge without properties to the mention
    /// list (if its evidence fits there), any other to petgraph.
    pub fn add_edge(&mut self, a: NodeIndex, b: NodeIndex, e: Edge) {
        if Mentions::holds(e.rel, &e) && self.mentions.fits(e.evidence.as_ref()) {
            let count = e.count();
            self.mentions
                .push(a.index() as u32, b.index() as u32, count, e.evidence);
        } else {
            self.g.add_edge(a, b, e);
        }
    }

    /// Every edge handle, petgraph's edges first.
    pub fn edge_indices(&self) -> impl Iterator<Item = EdgeIndex> + use<> {
        (0..self.edge_count()).map(EdgeIndex::new)
    }

    /// The index of a handle in the mention list, if it is one of its edges.
    fn mention_of(&self, e: EdgeIndex) -> Option<usize> {
        e.index().checked_sub(self.g.edge_count())
    }

    /// The ends of edge `e`.
    pub fn edge_endpoints(&self, e: EdgeIndex) -> Option<(NodeIndex, NodeIndex)> {
        self.edge_endpoints_by(e, |i| self.mentions.get(i))
    }

    /// [`KnowledgeGraph::edge_endpoints`], a MENTIONED_IN record read by `get` (from a
    /// [`mentions::MentionCursor`]).
    pub fn edge_endpoints_by(
        &self,
        e: EdgeIndex,
        get: impl FnOnce(usize) -> Option<mentions::Mention>,
    ) -> Option<(NodeIndex, NodeIndex)> {
        match self.mention_of(e) {
            None => self.g.edge_endpoints(e),
            Some(i) => get(i).map(|m| {
                (
                    NodeIndex::new(m.from as usize),
                    NodeIndex::new(m.to as usize),
                )
            }),
        }
    }

    /// Edge `e` as readers see it (`None` for a handle of no edge).
    pub fn edge_view(&self, e: EdgeIndex) -> Option<EdgeView<'_>> {
        self.edge_view_by(e, |i| self.mentions.get(i))
    }

    /// [`KnowledgeGraph::edge_view`], a MENTIONED_IN record read by `get` (from a
    /// [`mentions::MentionCursor`]).
    pub fn edge_view_by(
        &self,
        e: EdgeIndex,
        get: impl FnOnce(usize) -> Option<mentions::Mention>,
    ) -> Option<EdgeView<'_>> {
        match self.mention_of(e) {
            None => self.g.edge_weight(e).map(|w| {
                let mut v = w.view();
                if let (Some(ev), Some(s)) =
                    (&mut v.evidence, self.mentions.rel_sentence(e.index()))
                {
                    ev.sentence = s;
                }
                v
            }),
            Some(i) => self.mentions.view_of(i, get(i)?),
        }
    }

    /// Edge `e` (a handle from [`KnowledgeGraph::edge_indices`] or another method here;
    /// panics for any other, as indexing petgraph does).
    pub fn edge(&self, e: EdgeIndex) -> EdgeView<'_> {
        match self.edge_view(e) {
            Some(v) => v,
            None => panic!("no edge {}", e.index()),
        }
    }

    /// The type of edge `e`, without the rest of its view (the exporters ask it of every
    /// edge once per type; `None` for a handle of no edge).
    pub fn edge_rel(&self, e: EdgeIndex) -> Option<crate::extract::RelType> {
        match self.mention_of(e) {
            None => self.g.edge_weight(e).map(|w| w.rel),
            Some(i) => (i < self.mentions.len()).then_some(crate::extract::RelType::MentionedIn),
        }
    }

    /// Edge `e` with its ends.
    fn edge_ref(&self, e: EdgeIndex) -> Option<EdgeRef<'_>> {
        let (source, target) = self.edge_endpoints(e)?;
        Some(EdgeRef {
            id: e,
            source,
            target,
            weight: self.edge_view(e)?,
        })
    }

    /// Every edge with its ends, petgraph's first.
    pub fn edge_references(&self) -> impl Iterator<Item = EdgeRef<'_>> {
        self.edge_indices().filter_map(|e| self.edge_ref(e))
    }

    /// The edges out of (`Outgoing`) or into (`Incoming`) node `n`: petgraph's in its order
    /// (the most recently added first), then the MENTIONED_IN ones in the order added.
    pub fn edges_directed(
        &self,
        n: NodeIndex,
        dir: Direction,
    ) -> impl Iterator<Item = EdgeRef<'_>> {
        let base = self.g.edge_count();
        let listed = match dir {
            Direction::Outgoing => self.mentions.from_range(n.index() as u32),
            Direction::Incoming => self.mentions.to_range(n.index() as u32),
        };
        self.g
            .edges_directed(n, dir)
            .map(|e| e.id())
            .chain(
                listed
                    .into_iter()
                    .map(move |i| EdgeIndex::new(base + i as usize)),
            )
            .filter_map(|e| self.edge_ref(e))
    }

    /// The edges out of node `n` ([`KnowledgeGraph::edges_directed`]).
    pub fn edges(&self, n: NodeIndex) -> impl Iterator<Item = EdgeRef<'_>> {
        self.edges_directed(n, Direction::Outgoing)
    }
    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.index_of(id).map(|ix| &self.g[ix])
    }

    /// Index the nodes by id for [`KnowledgeGraph::index_of`]; call it after adding nodes.
    /// Of nodes with one id (never made by `graph::build`, `graph::merge` or the readers,
    /// which refuse or skip a second one) the last added is found.
    pub fn index_ids(&mut self) {
        let g = &self.g;
        let id = |i: usize| g[NodeIndex::new(i)].id.as_str();
        let n = g.node_count();
        let in_order = (1..n).all(|i| id(i - 1) < id(i));
        let mut order = Vec::new();
        if !in_order {
            order = (0..n as u32).collect();
            order.sort_by(|&a, &b| id(a as usize).cmp(id(b as usize)).then(a.cmp(&b)));
        }
        self.ids = IdIndex { len: n, order };
    }

    /// The index of the node with this id.
    pub fn index_of(&self, id: &str) -> Option<NodeIndex> {
        let g = &self.g;
        let id_at = |i: usize| g[NodeIndex::new(i)].id.as_str();
        debug_assert_eq!(
            self.ids.len,
            g.node_count(),
            "KnowledgeGraph::index_ids not called after adding nodes"
        );
        if self.ids.len != g.node_count() {
            // Nodes added since the index was made (a caller forgot `index_ids`): still
            // correct, only slow.
            return (0..g.node_count())
                .rev()
                .find(|&i| id_at(i) == id)
                .map(NodeIndex::new);
        }
        let ix = if self.ids.order.is_empty() {
            let at = partition_point_by(self.ids.len, |i| id_at(i) <= id);
            at.checked_sub(1).filter(|&i| id_at(i) == id)?
        } else {
            let o = &self.ids.order;
            let at = o.partition_point(|&i| id_at(i as usize) <= id);
            at.checked_sub(1)
                .map(|k| o[k] as usize)
                .filter(|&i| id_at(i) == id)?
        };
        Some(NodeIndex::new(ix))
    }
}

/// The number of leading `i` in `0..n` for which `pred` holds (`pred` true then false, as
/// [`slice::partition_point`]).
fn partition_point_by(n: usize, pred: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// An edge with its ends and handle, as [`KnowledgeGraph::edges_directed`] and
/// [`KnowledgeGraph::edge_references`] hand them out (named as petgraph's edge references).
#[derive(Clone, Copy, Debug)]
pub struct EdgeRef<'a> {
    id: EdgeIndex,
    source: NodeIndex,
    target: NodeIndex,
    weight: EdgeView<'a>,
}

impl<'a> EdgeRef<'a> {
    pub fn id(&self) -> EdgeIndex {
        self.id
    }
    pub fn source(&self) -> NodeIndex {
        self.source
    }
    pub fn target(&self) -> NodeIndex {
        self.target
    }
    pub fn weight(&self) -> &EdgeView<'a> {
        &self.weight
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The id index finds what a map from id to index found: nodes in id order need no table,
    /// nodes in any other order are found through one; unknown ids (before, between and after
    /// the known ones) are not found; of two nodes with one id the last added is found.
    #[test]
    fn id_index_finds_what_a_map_found() {
        let ids = [
            "per_b", "doc_a", "per_a", "amt_z", "per_c", "evt_0", "per_ab",
        ];
        for ordered in [false, true] {
            let mut ids = ids.to_vec();
            if ordered {
                ids.sort_unstable();
            }
            let mut kg = KnowledgeGraph::default();
            let mut map = std::collections::HashMap::new();
            for id in &ids {
                map.insert(id.to_string(), kg.g.add_node(Node::person_for_test(id)));
            }
            kg.index_ids();
            assert_eq!(kg.ids.order.is_empty(), ordered);
            for (id, &ix) in &map {
                assert_eq!(kg.index_of(id), Some(ix), "{id}");
                assert_eq!(kg.node(id).map(|n| n.id.as_str()), Some(id.as_str()));
            }
            for missing in ["", "aaa", "per_", "per_aa", "per_bb", "zzz"] {
                assert_eq!(kg.index_of(missing), None, "{missing}");
            }
            let last = kg.g.add_node(Node::person_for_test("per_a"));
            kg.index_ids();
            assert!(!kg.ids.order.is_empty());
            assert_eq!(kg.index_of("per_a"), Some(last));
            assert_eq!(kg.index_of("per_c"), map.get("per_c").copied());
        }
        assert_eq!(KnowledgeGraph::default().index_of("per_a"), None);
    }

    /// `write_f64` writes what `{}` and `{:?}` write, for whole numbers of every size up to and
    /// past 2^53 and 1e16, fractions, signed zeros and the values that are no numbers.
    #[test]
    fn write_f64_is_core_formatting() {
        let mut values = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            1.5,
            123.456,
            1e-7,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN_POSITIVE,
            9_007_199_254_740_991.0,
            9_007_199_254_740_992.0,
            9_007_199_254_740_994.0,
            9_999_999_999_999_998.0,
            1e16,
            1.2e16,
        ];
        let mut v = 1.0f64;
        while v < 1e20 {
            for d in [-1.0, 0.0, 1.0, 0.25] {
                values.push(v + d);
                values.push(-(v + d));
                values.push(v * 1.5 + d);
            }
            v *= 3.0;
        }
        for n in 0..5000u32 {
            values.push(f64::from(n) * 10_000.0);
            values.push(f64::from(n) / 8.0);
        }
        for v in values {
            let mut s = String::new();
            write_f64(&mut s, v, true).unwrap();
            assert_eq!(s, format!("{v:?}"), "{v}");
            s.clear();
            write_f64(&mut s, v, false).unwrap();
            assert_eq!(s, format!("{v}"), "{v:?}");
        }
    }

    /// `write_debug_str` is `{:?}` for every character, alone and between others.
    #[test]
    fn debug_str_is_debug() {
        let mut out = String::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for s in [c.to_string(), format!("a{c}"), format!("华{c}\"")] {
                out.clear();
                write_debug_str(&mut out, &s).unwrap();
                assert_eq!(out, format!("{s:?}"), "U+{:04X}", c as u32);
            }
        }
        for v in [None, Some(""), Some("董事长"), Some("a'b\"c\\d\n\u{301}")] {
            out.clear();
            write_debug_opt(&mut out, v).unwrap();
            assert_eq!(out, format!("{v:?}"));
            assert_eq!(out, format!("{:?}", v.map(str::to_string)));
        }
    }

    /// The properties key is the `format!` text it replaced.
    #[test]
    fn props_key_is_format() {
        use crate::extract::{PositionStatus, RelProps};
        let texts = [None, Some(""), Some("董事长"), Some("a\"b'c\\\n《发展》")];
        for title in texts {
            for about in texts {
                for lead in [None, Some(true), Some(false)] {
                    for status in [None, Some(PositionStatus::Former)] {
                        let p = RelProps {
                            title: title.map(str::to_string),
                            status,
                            on_behalf_of: about.map(|s| format!("{s}公司")),
                            lead,
                            about: about.map(str::to_string),
                        };
                        assert_eq!(
                            build::props_key(&p),
                            format!(
                                "{:?}|{:?}|{:?}|{:?}|{:?}",
                                p.title,
                                p.status.map(|s| s.as_str()),
                                p.on_behalf_of,
                                p.lead,
                                p.about
                            )
                        );
                    }
                }
            }
        }
    }

    /// Ids written digit by digit are the ids `format!` wrote.
    #[test]
    fn ids_are_formatted_hashes() {
        for h in [
            0,
            1,
            9,
            10,
            15,
            16,
            0xdead_beef,
            u64::MAX,
            0x0123_4567_89ab_cdef,
        ] {
            assert_eq!(hex16(h).to_vec(), format!("{h:016x}").into_bytes());
            assert_eq!(StableHasher(h).finish_hex(), format!("{h:016x}"));
        }
        for key in ["", "华为", "a|b", "x".repeat(100).as_str()] {
            let mut h = StableHasher::default();
            h.write_bytes(key.as_bytes());
            assert_eq!(
                node_id(NodeLabel::Role, key),
                format!("role_{:016x}", h.finish())
            );
            assert_eq!(stable_hash(key), format!("{:016x}", h.finish()));
        }
    }
}
