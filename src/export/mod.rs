//! Stage 7 — export: the knowledge graph → files (Neo4j CSV + Cypher, DOT/SVG, GraphML, JSON).
//!
//! Each format is one [`Exporter`], registered by name in [`exporters`]; `--format` picks a
//! subset ([`select`]). All of them write into an [`OutDir`], which is renamed into place only
//! when every exporter succeeded. `merges.jsonl` (why entities were merged) is always written.
//! Every exporter sorts what it writes, so output is byte-identical across runs, input orders
//! and thread counts.

pub mod cypher;
pub mod dot;
pub mod graphml;
pub mod json;
pub mod neo4j_csv;
pub mod out_dir;

pub use out_dir::{OutDir, OutDirError};

use std::cell::{OnceCell, RefCell};

use petgraph::graph::{EdgeIndex, NodeIndex};

use crate::graph::mentions::MentionCursor;
use crate::graph::{EdgeView, KnowledgeGraph};

/// Does any byte of `s` satisfy `f`? The bytes are tested in blocks without an early exit
/// inside a block, which the compiler turns into vector instructions: the exporters ask this of
/// every evidence sentence of every edge (is there anything to escape?), and the answer is
/// almost always no. Write `f` with `|` rather than `||` (no branches), or it stays scalar.
/// The bytes that do not fill a block are tested as one more block that overlaps the last
/// full one (a text of 8–31 bytes as two overlapping blocks of 8 or 16), so short texts — ids,
/// file names, rule ids, most fields — are not tested a byte at a time either.
#[inline]
pub(crate) fn any_byte(s: &[u8], f: impl Fn(u8) -> bool) -> bool {
    #[inline(always)]
    fn block<const N: usize>(b: &[u8; N], f: &impl Fn(u8) -> bool) -> bool {
        b.iter().fold(false, |acc, &x| acc | f(x))
    }
    let n = s.len();
    if n >= 32 {
        let (blocks, rest) = s.as_chunks::<32>();
        for b in blocks {
            if block(b, &f) {
                return true;
            }
        }
        return !rest.is_empty() && s.last_chunk::<32>().is_some_and(|b| block(b, &f));
    }
    if let (Some(a), Some(b)) = (s.first_chunk::<16>(), s.last_chunk::<16>()) {
        return block(a, &f) | block(b, &f);
    }
    match (s.first_chunk::<8>(), s.last_chunk::<8>()) {
        (Some(a), Some(b)) => block(a, &f) | block(b, &f),
        _ => s.iter().fold(false, |acc, &x| acc | f(x)),
    }
}

/// No byte of `s` is one that any exporter escapes or drops: a control character, `0x7F`,
/// `0xC2` (U+0080–U+00BF start with it, among them the C1 controls), `\`, `"`, `'`, `&`,
/// `<`, `>`, or U+FFFE/U+FFFF. Such text is written as it is in every format.
pub(crate) fn plain_text(s: &str) -> bool {
    !any_byte(s.as_bytes(), |b| {
        (b < 0x20)
            | (b == 0x7F)
            | (b == 0xC2)
            | (b == b'\\')
            | (b == b'"')
            | (b == b'\'')
            | (b == b'&')
            | (b == b'<')
            | (b == b'>')
    }) && !graphml::has_nonchar(s.as_bytes())
}

/// The graph being exported, with what several exporters need of it computed once per
/// export (issue 8), each on first use: the rank of every node in id order, and whether the
/// evidence sentence of each of petgraph's edges is [`plain_text`] (a sentence is the
/// evidence of many edges, shared as one `Arc<str>`, so it is tested once, not once per edge
/// and format; the MENTIONED_IN list knows it of its stored sentences without a table).
/// Edge id hashes are made when asked for (issue 8: a table of them, 8 bytes per edge, was
/// most of the memory the Neo4j export added to the graph's, the peak of a run at 200 MB).
/// Exporters read edges through [`View::edge_endpoints`] and [`View::edge`], which read the
/// MENTIONED_IN records with a cursor of the export's own (no lock per record).
pub struct View<'a> {
    pub kg: &'a KnowledgeGraph,
    mentions: RefCell<MentionCursor<'a>>,
    rank: OnceCell<Vec<u32>>,
    /// Of petgraph's edges (the MENTIONED_IN list's are answered by [`View::plain`] itself).
    plain: OnceCell<Vec<bool>>,
    mentions_in_order: OnceCell<bool>,
}

impl<'a> View<'a> {
    pub fn new(kg: &'a KnowledgeGraph) -> View<'a> {
        View {
            kg,
            mentions: RefCell::new(kg.mentions.cursor()),
            rank: OnceCell::new(),
            plain: OnceCell::new(),
            mentions_in_order: OnceCell::new(),
        }
    }

    /// Whether the MENTIONED_IN list's records are in strictly increasing order of (source
    /// rank, target rank) — as `graph::build` and `graph::merge` make them (nodes in id
    /// order) — so that exporters read it in place instead of sorting keys of its records
    /// ([`neo4j_csv::for_each_by_ends_and_id`]).
    pub fn mentions_in_order(&self) -> bool {
        *self.mentions_in_order.get_or_init(|| {
            let list = &self.kg.mentions;
            let ends = |i: usize| {
                self.mentions.borrow_mut().get(i).map(|m| {
                    (
                        self.rank(NodeIndex::new(m.from as usize)),
                        self.rank(NodeIndex::new(m.to as usize)),
                    )
                })
            };
            (1..list.len()).all(|i| ends(i - 1) < ends(i))
        })
    }

    /// The position of a node's id among all ids (equal ids have equal ranks), so comparing
    /// ranks compares ids.
    pub fn rank(&self, n: NodeIndex) -> u32 {
        let ranks = self.rank.get_or_init(|| {
            let g = &self.kg.g;
            let mut order: Vec<NodeIndex> = g.node_indices().collect();
            order.sort_by(|&a, &b| g[a].id.cmp(&g[b].id));
            let mut ranks = vec![0u32; g.node_count()];
            let mut r = 0u32;
            for (i, &ix) in order.iter().enumerate() {
                if i > 0 && g[order[i - 1]].id != g[ix].id {
                    r = i as u32;
                }
                ranks[ix.index()] = r;
            }
            ranks
        });
        ranks.get(n.index()).copied().unwrap_or(u32::MAX)
    }

    /// The hash of [`neo4j_csv::edge_id`] (the id is `rel_` and its 16 hex digits, so
    /// comparing hashes compares ids); 0 for an index without endpoints. Made each time it
    /// is asked for: callers ask once per edge and export.
    pub fn edge_hash(&self, e: EdgeIndex) -> u64 {
        let Some((a, b)) = self.edge_endpoints(e) else {
            return 0;
        };
        neo4j_csv::edge_hash_of_view(self.kg, (a, b), &self.edge(e))
    }

    /// The ends of edge `e` ([`KnowledgeGraph::edge_endpoints`]).
    pub fn edge_endpoints(&self, e: EdgeIndex) -> Option<(NodeIndex, NodeIndex)> {
        self.kg
            .edge_endpoints_by(e, |i| self.mentions.borrow_mut().get(i))
    }

    /// Edge `e` as readers see it ([`KnowledgeGraph::edge_view`]).
    pub fn edge_view(&self, e: EdgeIndex) -> Option<EdgeView<'a>> {
        self.kg
            .edge_view_by(e, |i| self.mentions.borrow_mut().get(i))
    }

    /// Edge `e` ([`KnowledgeGraph::edge`]: panics for a handle of no edge).
    pub fn edge(&self, e: EdgeIndex) -> EdgeView<'a> {
        match self.edge_view(e) {
            Some(v) => v,
            None => panic!("no edge {}", e.index()),
        }
    }

    /// Whether the evidence sentence of `e` is [`plain_text`] (true without evidence; false
    /// for a handle of no edge).
    pub fn plain(&self, e: EdgeIndex) -> bool {
        let kg = self.kg;
        let base = kg.g.edge_count();
        if e.index() >= base {
            // The MENTIONED_IN list: a stored sentence's answer is in its table (issue 8:
            // a flag per edge of the graph, nearly all of them these, is not kept).
            return match self.edge_view(e) {
                None => false,
                Some(w) => w.evidence.is_none_or(|ev| {
                    ev.sentence_plain()
                        .unwrap_or_else(|| ev.with_sentence(plain_text))
                }),
            };
        }
        let flags = self.plain.get_or_init(|| {
            let mut seen: crate::rules::FastMap<(usize, usize), bool> = Default::default();
            (0..base)
                .map(
                    |i| match kg.edge_view(EdgeIndex::new(i)).and_then(|w| w.evidence) {
                        None => true,
                        Some(ev) => *seen
                            .entry(ev.sentence_key())
                            .or_insert_with(|| ev.with_sentence(plain_text)),
                    },
                )
                .collect()
        });
        flags.get(e.index()).copied().unwrap_or(false)
    }
}

/// An export format.
pub trait Exporter {
    /// The name used by `--format`.
    fn name(&self) -> &'static str;
    /// Write this format's files into `out`.
    fn write(&self, view: &View, out: &OutDir) -> Result<(), OutDirError>;
}

/// Options of the exporters that have any (the diagram).
#[derive(Clone, Debug, Default)]
pub struct ExportOptions {
    /// Do not run `dot` to make `graph.svg`.
    pub no_render: bool,
    /// Draw only the neighbourhood of the entity with this name (or id).
    pub focus: Option<String>,
    /// Neighbourhood radius for `focus` (edges, either direction).
    pub depth: usize,
}

/// The names `--format` accepts, in the order they are written.
pub const FORMATS: [&str; 4] = ["neo4j", "dot", "graphml", "json"];

/// Every export format, in the order they are written.
pub fn exporters() -> Vec<Box<dyn Exporter>> {
    select(&[], &ExportOptions::default()).unwrap_or_default()
}

/// The exporters named in `formats` (all when empty), plus `merges.jsonl`.
/// Unknown names are an error that lists the known ones.
pub fn select(formats: &[String], opts: &ExportOptions) -> Result<Vec<Box<dyn Exporter>>, String> {
    for f in formats {
        if !FORMATS.contains(&f.as_str()) {
            return Err(format!(
                "unknown export format {f:?}; known: {}",
                FORMATS.join(", ")
            ));
        }
    }
    let want = |n: &str| formats.is_empty() || formats.iter().any(|f| f == n);
    let mut v: Vec<Box<dyn Exporter>> = Vec::new();
    if want("neo4j") {
        v.push(Box::new(neo4j_csv::Neo4jExporter));
    }
    if want("dot") {
        v.push(Box::new(dot::DotExporter { opts: opts.clone() }));
    }
    if want("graphml") {
        v.push(Box::new(graphml::GraphmlExporter));
    }
    if want("json") {
        v.push(Box::new(json::JsonExporter));
    }
    v.push(Box::new(MergesExporter));
    Ok(v)
}

/// `merges.jsonl`: one line per merge decision of entity resolution (see `link::resolve`).
pub struct MergesExporter;

impl Exporter for MergesExporter {
    fn name(&self) -> &'static str {
        "merges"
    }
    fn write(&self, view: &View, out: &OutDir) -> Result<(), OutDirError> {
        out.write_with("merges.jsonl", |w| {
            for m in &view.kg.merges {
                if let Ok(line) = serde_json::to_string(m) {
                    w.write_all(line.as_bytes())?;
                    w.write_all(b"\n")?;
                }
            }
            Ok(())
        })
    }
}

/// Write `kg` with `exporters` into `target` (a temporary folder renamed into place).
pub fn write_to(
    kg: &KnowledgeGraph,
    target: &std::path::Path,
    force: bool,
    exporters: &[Box<dyn Exporter>],
) -> Result<std::path::PathBuf, OutDirError> {
    let out = OutDir::create(target, force)?;
    let view = View::new(kg);
    for ex in exporters {
        ex.write(&view, &out)?;
    }
    out.commit()
}

/// Append `s` to `out` with the bytes `rep` picks replaced: `rep(bytes, i)` is
/// `Some((replacement, bytes taken))` at a byte that needs escaping, `None` elsewhere. The runs
/// between replacements are copied whole (issue 8); `rep` must pick only bytes at a character
/// boundary (ASCII, or the lead byte of the sequence it replaces), so every run is valid UTF-8.
pub(crate) fn escape_runs(
    out: &mut String,
    s: &str,
    rep: impl Fn(&[u8], usize) -> Option<(&'static str, usize)>,
) {
    let b = s.as_bytes();
    let (mut run, mut i) = (0, 0);
    while i < b.len() {
        match rep(b, i) {
            Some((r, len)) => {
                out.push_str(&s[run..i]);
                out.push_str(r);
                i += len;
                run = i;
            }
            None => i += 1,
        }
    }
    out.push_str(&s[run..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `any_byte` is `iter().any()` for every length and every place of the byte found.
    #[test]
    fn any_byte_is_any() {
        for n in 0..100 {
            let mut s = vec![b'a'; n];
            assert!(!any_byte(&s, |b| b == b'x'));
            for i in 0..n {
                s[i] = b'x';
                assert!(any_byte(&s, |b| b == b'x'), "{n} {i}");
                s[i] = b'a';
            }
        }
    }

    /// Plain text is written unchanged by every format's escaping.
    #[test]
    fn plain_text_needs_no_escaping_anywhere() {
        let texts = [
            "华为与中国移动签署协议。",
            "",
            "a·b",
            "x\u{85}y",
            "a\\b",
            "a\"b",
            "a'b",
            "a&b<c>",
            "tab\there",
            "\u{7f}",
            "\u{fffe}",
            "ok ascii, fine; 100%",
        ];
        let mut plain = 0;
        for s in texts {
            if !plain_text(s) {
                continue;
            }
            plain += 1;
            assert_eq!(graphml::xml_escape(s), s);
            assert_eq!(neo4j_csv::clean_field(s), s);
            assert_eq!(dot::quote(s), format!("\"{s}\""));
            assert_eq!(serde_json::to_string(s).unwrap(), format!("\"{s}\""));
        }
        assert_eq!(plain, 3);
        assert!(!plain_text("a·b") && !plain_text("a&b<c>"));
    }

    /// Edge ids made from the hash are the ids `edge_id` makes, and ranks order as ids.
    #[test]
    fn view_orders_as_ids() {
        let kg = crate::query::fixture::graph();
        let view = View::new(&kg);
        for e in kg.edge_indices() {
            assert_eq!(
                neo4j_csv::EdgeId::of(view.edge_hash(e)).as_str(),
                neo4j_csv::edge_id(&kg, e)
            );
        }
        for a in kg.g.node_indices() {
            for b in kg.g.node_indices() {
                assert_eq!(view.rank(a).cmp(&view.rank(b)), kg.g[a].id.cmp(&kg.g[b].id));
            }
        }
    }
}
