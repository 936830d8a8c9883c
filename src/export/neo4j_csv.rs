//! `neo4j-admin database import` files: one node file per label, one relationship file per type.
//!
//! Every file is written by the csv crate from one `#[derive(Serialize)]` row struct, whose
//! field names *are* the typed header (`id:ID`, `mentions:int`, `date:date`, …), so header and
//! data cannot disagree. [`NODE_FILES`] and [`REL_FILES`] list every file with its header; the
//! Cypher script (`cypher.rs`) and `import.sh` are generated from the same lists.
//!
//! Rules enforced here (and checked again by `kgextract validate`):
//! - UTF-8 without BOM, `,` delimiter, RFC 4180 quoting (only where needed), `\n` line ends;
//! - no line break or control character inside a field (replaced by a space), so the import
//!   never needs `--multiline-fields`;
//! - `;` is only the array delimiter: a `;` inside an array element becomes `；`;
//! - a `\` directly before a `"` or at the end of a value becomes `＼`, because importers with
//!   legacy quoting (Neo4j ≤ 4, the default there) read `\"` as an escaped quote;
//! - an empty field means "no property" (neo4j-admin skips it; `import.cypher` does the same);
//! - every file is always written (header only when empty), so the file set is fixed;
//! - rows are sorted by id (nodes) and by (start, end, id) (relationships).
//!
//! All relationship files share one header: the type-specific properties (`title`, `status`,
//! `on_behalf_of`, `lead`, `about`, `count`) are empty where a type does not use them, and
//! every relationship carries the evidence columns `doc`, `sentence`, `start`, `end`, `rule`
//! and a deterministic `id` (what `import.cypher` MERGEs on).

use serde::Serialize;

use super::{Exporter, OutDir, OutDirError, View};
use crate::extract::{RelType, TimeValue};
use crate::graph::{EdgeView, KnowledgeGraph, Node, NodeLabel, NodeProps, StableHasher};

/// The array delimiter of every `…[]` column.
pub const ARRAY_DELIMITER: char = ';';

/// A string field made safe for every Neo4j importer (see the module doc).
pub fn clean_field(s: &str) -> String {
    if is_clean(s) {
        return s.to_string();
    }
    clean_slow(s)
}

/// [`clean_field`] without a copy when the text is already clean.
fn clean_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if is_clean(s) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(clean_slow(s))
    }
}

/// No control character (U+0000–U+001F, U+007F, and U+0080–U+009F, which start with the byte
/// 0xC2) and no backslash: [`clean_field`] would return the text as it is.
/// One pass over the bytes in the usual case (none of them); with a `0xC2` (`·`, `°`, …) the
/// C1 controls are found by their second byte (`C2 80`–`C2 9F`), not by decoding the text.
fn is_clean(s: &str) -> bool {
    let b = s.as_bytes();
    let bad = |x: u8| (x < 0x20) | (x == 0x7F) | (x == b'\\');
    !super::any_byte(b, |x| bad(x) | (x == 0xC2))
        || (!super::any_byte(b, bad)
            && !memchr::memchr_iter(0xC2, b).any(|i| b.get(i + 1).is_some_and(|&n| n < 0xA0)))
}

fn clean_slow(s: &str) -> String {
    let chars: Vec<char> = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == '\\' && matches!(chars.get(i + 1), None | Some('"')) {
            out.push('＼');
        } else {
            out.push(c);
        }
    }
    out
}

/// An array field: elements cleaned, `;` inside an element replaced by `；`, empty elements
/// dropped, joined with `;`.
pub fn array_field<'a>(items: impl IntoIterator<Item = &'a String>) -> String {
    items
        .into_iter()
        .map(|s| {
            clean_field(s)
                .replace(ARRAY_DELIMITER, "；")
                .trim()
                .to_string()
        })
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(";")
}

fn opt(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(clean_field)
        .filter(|s| !s.trim().is_empty())
}

fn finite(x: Option<f64>) -> Option<f64> {
    x.filter(|v| v.is_finite())
}

/// Document nodes.
#[derive(Serialize, Default)]
pub struct DocumentRow {
    #[serde(rename = "id:ID")]
    pub id: String,
    #[serde(rename = ":LABEL")]
    pub label: String,
    pub name: String,
    #[serde(rename = "aliases:string[]")]
    pub aliases: String,
    #[serde(rename = "mentions:int")]
    pub mentions: u32,
    #[serde(rename = "merged_by:string[]")]
    pub merged_by: String,
    pub path: String,
    pub title: Option<String>,
    #[serde(rename = "published:date")]
    pub published: Option<String>,
}

/// Person, Role and Location nodes (no label-specific properties).
#[derive(Serialize, Default)]
pub struct EntityRow {
    #[serde(rename = "id:ID")]
    pub id: String,
    #[serde(rename = ":LABEL")]
    pub label: String,
    pub name: String,
    #[serde(rename = "aliases:string[]")]
    pub aliases: String,
    #[serde(rename = "mentions:int")]
    pub mentions: u32,
    #[serde(rename = "merged_by:string[]")]
    pub merged_by: String,
}

/// Organization nodes.
#[derive(Serialize, Default)]
pub struct OrganizationRow {
    #[serde(rename = "id:ID")]
    pub id: String,
    #[serde(rename = ":LABEL")]
    pub label: String,
    pub name: String,
    #[serde(rename = "aliases:string[]")]
    pub aliases: String,
    #[serde(rename = "mentions:int")]
    pub mentions: u32,
    #[serde(rename = "merged_by:string[]")]
    pub merged_by: String,
    pub kind: String,
}

/// Amount nodes.
#[derive(Serialize, Default)]
pub struct AmountRow {
    #[serde(rename = "id:ID")]
    pub id: String,
    #[serde(rename = ":LABEL")]
    pub label: String,
    pub name: String,
    #[serde(rename = "aliases:string[]")]
    pub aliases: String,
    #[serde(rename = "mentions:int")]
    pub mentions: u32,
    #[serde(rename = "merged_by:string[]")]
    pub merged_by: String,
    #[serde(rename = "value:double")]
    pub value: Option<f64>,
    #[serde(rename = "min:double")]
    pub min: Option<f64>,
    #[serde(rename = "max:double")]
    pub max: Option<f64>,
    pub currency: String,
    pub qualifier: String,
    pub text: String,
}

/// Event nodes (labels `Event;<Kind>`).
#[derive(Serialize, Default)]
pub struct EventRow {
    #[serde(rename = "id:ID")]
    pub id: String,
    #[serde(rename = ":LABEL")]
    pub label: String,
    pub name: String,
    #[serde(rename = "aliases:string[]")]
    pub aliases: String,
    #[serde(rename = "mentions:int")]
    pub mentions: u32,
    #[serde(rename = "merged_by:string[]")]
    pub merged_by: String,
    pub kind: String,
    #[serde(rename = "date:date")]
    pub date: Option<String>,
    pub date_precision: Option<String>,
    #[serde(rename = "end_date:date")]
    pub end_date: Option<String>,
    /// A period that is not a date (`未来三年`).
    pub period: Option<String>,
    pub location: Option<String>,
}

/// Every relationship file.
#[derive(Serialize, Default)]
pub struct RelRow {
    #[serde(rename = ":START_ID")]
    pub start_id: String,
    #[serde(rename = ":END_ID")]
    pub end_id: String,
    #[serde(rename = ":TYPE")]
    pub rel_type: String,
    pub id: String,
    pub title: Option<String>,
    pub status: Option<String>,
    pub on_behalf_of: Option<String>,
    #[serde(rename = "lead:boolean")]
    pub lead: Option<bool>,
    pub about: Option<String>,
    #[serde(rename = "count:int")]
    pub count: Option<u32>,
    pub doc: String,
    pub sentence: String,
    #[serde(rename = "start:int")]
    pub start: usize,
    #[serde(rename = "end:int")]
    pub end: usize,
    pub rule: String,
}

/// The header line of a row struct (from its field names).
pub fn header_of<T: Serialize + Default>() -> Vec<String> {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    if w.serialize(T::default()).is_err() {
        return Vec::new();
    }
    let bytes = w.into_inner().unwrap_or_default();
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes.as_slice());
    r.records()
        .next()
        .and_then(|rec| rec.ok())
        .map(|rec| rec.iter().map(str::to_string).collect())
        .unwrap_or_default()
}

/// The node file of a label.
pub fn node_file(label: NodeLabel) -> String {
    format!("nodes_{}.csv", label.as_str().to_lowercase())
}

/// The relationship file of a type.
pub fn rel_file(rel: RelType) -> String {
    format!("rels_{}.csv", rel.as_str().to_lowercase())
}

/// The header of the node file of `label`.
pub fn node_header(label: NodeLabel) -> Vec<String> {
    match label {
        NodeLabel::Document => header_of::<DocumentRow>(),
        NodeLabel::Organization => header_of::<OrganizationRow>(),
        NodeLabel::Amount => header_of::<AmountRow>(),
        NodeLabel::Event => header_of::<EventRow>(),
        NodeLabel::Person | NodeLabel::Role | NodeLabel::Location => header_of::<EntityRow>(),
    }
}

/// The header of every relationship file.
pub fn rel_header() -> Vec<String> {
    header_of::<RelRow>()
}

/// The deterministic id of an edge (start, type, end, properties): `rel_` and the
/// [`crate::graph::stable_hash`] of `"{start}|{type}|{end}|{title:?}|{status:?}|{on_behalf_of:?}|{lead:?}|{about:?}"`.
pub fn edge_id(kg: &KnowledgeGraph, e: petgraph::graph::EdgeIndex) -> String {
    if kg.edge_endpoints(e).is_none() {
        return String::new();
    }
    EdgeId::of(edge_hash_of(kg, e)).as_str().to_string()
}

/// The hash of [`edge_id`] as a number (0 for an index without endpoints).
pub(crate) fn edge_hash_of(kg: &KnowledgeGraph, e: petgraph::graph::EdgeIndex) -> u64 {
    let Some((a, b)) = kg.edge_endpoints(e) else {
        return 0;
    };
    edge_hash_of_view(kg, (a, b), &kg.edge(e))
}

/// [`edge_hash_of`] the edge `w` from `a` to `b`.
pub(crate) fn edge_hash_of_view(
    kg: &KnowledgeGraph,
    (a, b): (petgraph::graph::NodeIndex, petgraph::graph::NodeIndex),
    w: &EdgeView,
) -> u64 {
    edge_hash(&kg.g[a].id, w.rel.as_str(), &kg.g[b].id, w.props()).finish()
}

/// The text of an edge id made from its hash without an allocation: `rel_` and 16 lower-case
/// hex digits, as [`crate::graph::StableHasher::finish_hex`] writes them.
pub(crate) struct EdgeId([u8; 20]);

impl EdgeId {
    pub(crate) fn of(h: u64) -> EdgeId {
        let mut b = *b"rel_0000000000000000";
        b[4..].copy_from_slice(&crate::graph::hex16(h));
        EdgeId(b)
    }
    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII is written above.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

/// The hasher of [`edge_id`], fed the same text as the format string there piece by piece:
/// most edges have no properties, and the formatting machinery cost more than the hashing
/// (issue 8).
fn edge_hash(start: &str, rel: &str, end: &str, p: &crate::extract::RelProps) -> StableHasher {
    let mut h = StableHasher::default();
    h.write_bytes(start.as_bytes());
    h.write_bytes(b"|");
    h.write_bytes(rel.as_bytes());
    h.write_bytes(b"|");
    h.write_bytes(end.as_bytes());
    h.write_bytes(b"|");
    hash_debug_str(&mut h, p.title.as_deref());
    h.write_bytes(b"|");
    hash_debug_str(&mut h, p.status.map(|s| s.as_str()));
    h.write_bytes(b"|");
    hash_debug_str(&mut h, p.on_behalf_of.as_deref());
    h.write_bytes(b"|");
    h.write_bytes(match p.lead {
        None => b"None",
        Some(true) => b"Some(true)",
        Some(false) => b"Some(false)",
    });
    h.write_bytes(b"|");
    hash_debug_str(&mut h, p.about.as_deref());
    h
}

/// Hash `{:?}` of an `Option<&str>` (the same text for `Option<String>`).
fn hash_debug_str(h: &mut StableHasher, v: Option<&str>) {
    // Writing into the hasher cannot fail.
    let _ = crate::graph::write_debug_opt(h, v);
}

fn labels_of(n: &Node) -> String {
    match &n.props {
        NodeProps::Event(e) => format!("Event;{}", e.kind.as_str()),
        _ => n.label.as_str().to_string(),
    }
}

fn write_rows<T: Serialize + Default>(
    out: &mut dyn std::io::Write,
    rows: impl IntoIterator<Item = T>,
) -> Result<(), csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(out);
    w.write_record(header_of::<T>())?;
    for r in rows {
        w.serialize(r)?;
    }
    w.flush()?;
    Ok(())
}

/// One file of the export.
#[derive(Clone, Copy)]
enum CsvFile {
    Nodes(NodeLabel),
    Rels(RelType),
}

impl CsvFile {
    /// Every file, in the fixed order of the export.
    fn all() -> impl Iterator<Item = CsvFile> {
        NodeLabel::ALL
            .into_iter()
            .map(CsvFile::Nodes)
            .chain(RelType::ALL.into_iter().map(CsvFile::Rels))
    }

    fn name(self) -> String {
        match self {
            CsvFile::Nodes(l) => node_file(l),
            CsvFile::Rels(r) => rel_file(r),
        }
    }
}

/// Nodes in id order.
fn sorted_nodes(kg: &KnowledgeGraph) -> Vec<&Node> {
    let mut nodes: Vec<&Node> = kg.g.node_weights().collect();
    nodes.sort_by(|a, b| a.id.cmp(&b.id));
    nodes
}

/// The bytes of every file of the Neo4j export, by file name, in a fixed order.
pub fn render(kg: &KnowledgeGraph) -> Result<Vec<(String, Vec<u8>)>, csv::Error> {
    let view = View::new(kg);
    let nodes = sorted_nodes(kg);
    let mut files = Vec::new();
    let header = rel_header();
    for f in CsvFile::all() {
        let mut bytes = Vec::new();
        write_file(&view, &nodes, f, &header, &mut bytes)?;
        files.push((f.name(), bytes));
    }
    Ok(files)
}

/// Write one file, row by row (no file is held in memory whole).
fn write_file(
    view: &View,
    nodes: &[&Node],
    file: CsvFile,
    rel_header: &[String],
    w: &mut dyn std::io::Write,
) -> Result<(), csv::Error> {
    match file {
        CsvFile::Nodes(label) => write_nodes(nodes, label, w),
        CsvFile::Rels(rel) => write_rels(view, rel, rel_header, w),
    }
}

/// Relationships of one type, sorted by (start, end, id); rows are made as they are written,
/// in the order of [`for_each_by_ends_and_id`] (12 bytes per edge of petgraph's; the
/// MENTIONED_IN list read in place). The edge index, last in the key, keeps equal ids in edge
/// order as a stable sort did. `header`: the columns of [`RelRow`] (the same for
/// every file, made once per export).
fn write_rels(
    view: &View,
    rel: RelType,
    header: &[String],
    w: &mut dyn std::io::Write,
) -> Result<(), csv::Error> {
    let kg = view.kg;
    let mut out = CsvRows::default();
    for h in header {
        out.field(h.as_bytes());
    }
    out.end_row();
    for_each_by_ends_and_id(
        view,
        |e| kg.edge_rel(e) == Some(rel),
        |group| -> Result<(), csv::Error> {
            for &mut [_, _, e] in group {
                let e = petgraph::graph::EdgeIndex::new(e as usize);
                let Some((a, b)) = view.edge_endpoints(e) else {
                    continue;
                };
                let id = EdgeId::of(view.edge_hash(e));
                let (a, b) = (kg.g[a].id.as_str(), kg.g[b].id.as_str());
                write_rel_row(&mut out, a, b, id.as_str(), &view.edge(e), view.plain(e));
                if out.buf.len() >= 1 << 16 {
                    w.write_all(&out.buf)?;
                    out.buf.clear();
                    out.row_start = 0;
                }
            }
            Ok(())
        },
    )?;
    w.write_all(&out.buf)?;
    Ok(())
}

/// CSV rows written straight into a byte buffer, quoted as `csv::Writer` quotes them with the
/// settings of this exporter (`QuoteStyle::Necessary`, quotes doubled, `\n` ends a row): a
/// field is quoted when it holds `,`, `"`, `\r` or `\n`, and a row that would be empty is
/// written as `""`. The test of [`write_rel_row`] compares the bytes with `csv`'s. Issue 8:
/// `csv_core` looks at every byte of every field one at a time; here a field with nothing to
/// quote (nearly all) is tested in vector blocks and copied in one piece.
#[derive(Default)]
struct CsvRows {
    buf: Vec<u8>,
    /// Where the current row starts in `buf`.
    row_start: usize,
    /// Fields written in the current row.
    fields: usize,
}

impl CsvRows {
    fn field(&mut self, s: &[u8]) {
        if self.fields > 0 {
            self.buf.push(b',');
        }
        self.fields += 1;
        if super::any_byte(s, |b| {
            (b == b',') | (b == b'"') | (b == b'\r') | (b == b'\n')
        }) {
            self.buf.push(b'"');
            for (i, part) in s.split(|&b| b == b'"').enumerate() {
                if i > 0 {
                    self.buf.extend_from_slice(b"\"\"");
                }
                self.buf.extend_from_slice(part);
            }
            self.buf.push(b'"');
        } else {
            self.buf.extend_from_slice(s);
        }
    }

    fn end_row(&mut self) {
        if self.buf.len() == self.row_start {
            self.buf.extend_from_slice(b"\"\"");
        }
        self.buf.push(b'\n');
        self.row_start = self.buf.len();
        self.fields = 0;
    }
}

/// The edges `keep` selects as `[start rank, end rank, edge index]`, ordered by (start, end,
/// id hash, index) — node ranks and id hashes order as the ids — and handed to `f` one group
/// of equal ends at a time. The hash is read only to order edges with the same ends, which
/// are few (one MENTIONED_IN edge per entity and document).
///
/// Memory (issue 8): petgraph's edges are sorted as keys of 12 bytes; the MENTIONED_IN list
/// (nearly every edge of a large graph) is read in place, merged with them, when its records
/// are in strictly increasing order of their ends' ranks — as `graph::build` and
/// `graph::merge` make them ([`View::mentions_in_order`]); otherwise its records are sorted
/// with the others. Both give the order of one sort of all keys.
pub(crate) fn for_each_by_ends_and_id<E>(
    view: &View,
    keep: impl Fn(petgraph::graph::EdgeIndex) -> bool,
    mut f: impl FnMut(&mut [[u32; 3]]) -> Result<(), E>,
) -> Result<(), E> {
    use petgraph::graph::EdgeIndex;
    let kg = view.kg;
    let key = |e: EdgeIndex| -> Option<[u32; 3]> {
        let (a, b) = view.edge_endpoints(e)?;
        Some([view.rank(a), view.rank(b), e.index() as u32])
    };
    let base = kg.g.edge_count();
    let (sorted_end, listed) = if view.mentions_in_order() {
        (base, kg.mentions.len())
    } else {
        (kg.edge_count(), 0)
    };
    let mut keyed: Vec<[u32; 3]> = (0..sorted_end)
        .map(EdgeIndex::new)
        .filter(|&e| keep(e))
        .filter_map(key)
        .collect();
    keyed.sort_unstable();
    let mut keyed = keyed.into_iter().peekable();
    let mut listed = (base..base + listed)
        .map(EdgeIndex::new)
        .filter(|&e| keep(e))
        .filter_map(key)
        .peekable();
    let hash = |k: &[u32; 3]| view.edge_hash(EdgeIndex::new(k[2] as usize));
    let mut group: Vec<[u32; 3]> = Vec::new();
    loop {
        let ends = match (keyed.peek(), listed.peek()) {
            (None, None) => break,
            (Some(k), None) | (None, Some(k)) => [k[0], k[1]],
            (Some(k), Some(l)) => [k[0], k[1]].min([l[0], l[1]]),
        };
        group.clear();
        while let Some(k) = keyed.next_if(|k| k[..2] == ends) {
            group.push(k);
        }
        while let Some(k) = listed.next_if(|k| k[..2] == ends) {
            group.push(k);
        }
        if group.len() > 1 {
            group.sort_unstable_by_key(|k| (hash(k), k[2]));
        }
        f(&mut group)?;
    }
    Ok(())
}

/// A buffer to write an unsigned number in decimal (as `itoa`, which csv uses, writes it).
#[derive(Default)]
pub(crate) struct Decimal([u8; 20]);

impl Decimal {
    pub(crate) fn format(&mut self, mut n: u64) -> &[u8] {
        let mut i = self.0.len();
        loop {
            i -= 1;
            self.0[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        &self.0[i..]
    }
}

/// One [`RelRow`] written field by field, as `csv::Writer::serialize` writes it (`None` is an
/// empty field, numbers in decimal), without making the row's `String`s (issue 8). A test
/// compares the bytes with `serialize` of [`rel_row`]. `plain`: the evidence sentence is
/// [`super::plain_text`] (nothing to clean).
fn write_rel_row(w: &mut CsvRows, start: &str, end: &str, id: &str, e: &EdgeView, plain: bool) {
    let opt_field = |w: &mut CsvRows, v: &Option<String>| match v.as_deref().map(clean_cow) {
        Some(s) if !s.trim().is_empty() => w.field(s.as_bytes()),
        _ => w.field(b""),
    };
    w.field(start.as_bytes());
    w.field(end.as_bytes());
    w.field(e.rel.as_str().as_bytes());
    w.field(id.as_bytes());
    let p = e.props();
    opt_field(w, &p.title);
    w.field(p.status.map_or("", |s| s.as_str()).as_bytes());
    opt_field(w, &p.on_behalf_of);
    w.field(match p.lead {
        None => b"",
        Some(true) => b"true",
        Some(false) => b"false",
    });
    opt_field(w, &p.about);
    let mut num = Decimal::default();
    match e.count() {
        Some(c) => w.field(num.format(c.into())),
        None => w.field(b""),
    }
    match &e.evidence {
        Some(ev) => {
            w.field(clean_cow(ev.doc).as_bytes());
            ev.with_sentence(|s| {
                if plain {
                    w.field(s.as_bytes());
                } else {
                    w.field(clean_cow(s).as_bytes());
                }
            });
            w.field(num.format(ev.start as u64));
            w.field(num.format(ev.end as u64));
            w.field(clean_cow(ev.rule.as_str()).as_bytes());
        }
        None => {
            w.field(b"");
            w.field(b"");
            w.field(b"0");
            w.field(b"0");
            w.field(b"");
        }
    }
    w.end_row();
}

/// Nodes of one label (`nodes` in id order).
fn write_nodes(
    nodes: &[&Node],
    label: NodeLabel,
    w: &mut dyn std::io::Write,
) -> Result<(), csv::Error> {
    {
        let of_label = nodes.iter().filter(|n| n.label == label);
        let common = |n: &Node| EntityRow {
            id: n.id.clone(),
            label: labels_of(n),
            name: clean_field(&n.name),
            aliases: array_field(n.aliases()),
            mentions: n.mentions,
            merged_by: array_field(n.merged_by()),
        };
        match label {
            NodeLabel::Document => write_rows(
                w,
                of_label.map(|n| {
                    let c = common(n);
                    let (path, title, published) = match &n.props {
                        NodeProps::Document(d) => (
                            clean_field(&d.path),
                            opt(&d.title),
                            d.published.map(|d| d.to_string()),
                        ),
                        _ => Default::default(),
                    };
                    DocumentRow {
                        id: c.id,
                        label: c.label,
                        name: c.name,
                        aliases: c.aliases,
                        mentions: c.mentions,
                        merged_by: c.merged_by,
                        path,
                        title,
                        published,
                    }
                }),
            ),
            NodeLabel::Organization => write_rows(
                w,
                of_label.map(|n| {
                    let c = common(n);
                    let kind = match &n.props {
                        NodeProps::Organization { kind } => kind.as_str().to_string(),
                        _ => String::new(),
                    };
                    OrganizationRow {
                        id: c.id,
                        label: c.label,
                        name: c.name,
                        aliases: c.aliases,
                        mentions: c.mentions,
                        merged_by: c.merged_by,
                        kind,
                    }
                }),
            ),
            NodeLabel::Amount => write_rows(
                w,
                of_label.map(|n| {
                    let c = common(n);
                    let mut row = AmountRow {
                        id: c.id,
                        label: c.label,
                        name: c.name,
                        aliases: c.aliases,
                        mentions: c.mentions,
                        merged_by: c.merged_by,
                        ..AmountRow::default()
                    };
                    if let NodeProps::Amount(a) = &n.props {
                        let (money, text) = (&a.money, &a.text);
                        row.value = finite(Some(money.value));
                        row.min = finite(money.min);
                        row.max = finite(money.max);
                        row.currency = clean_field(&money.currency);
                        row.qualifier = money.qualifier.as_str().to_string();
                        row.text = clean_field(text);
                    }
                    row
                }),
            ),
            NodeLabel::Event => write_rows(
                w,
                of_label.map(|n| {
                    let c = common(n);
                    let mut row = EventRow {
                        id: c.id,
                        label: c.label,
                        name: c.name,
                        aliases: c.aliases,
                        mentions: c.mentions,
                        merged_by: c.merged_by,
                        ..EventRow::default()
                    };
                    if let NodeProps::Event(e) = &n.props {
                        let (kind, date, location) = (&e.kind, &e.date, &e.location);
                        row.kind = kind.as_str().to_string();
                        match date {
                            Some(TimeValue::Date {
                                date,
                                precision,
                                end,
                            }) => {
                                row.date = Some(date.to_string());
                                row.date_precision = Some(precision.as_str().to_string());
                                row.end_date = end.map(|e| e.to_string());
                            }
                            Some(TimeValue::Period { text }) => {
                                row.period = opt(&Some(text.clone()));
                            }
                            None => {}
                        }
                        row.location = opt(location);
                    }
                    row
                }),
            ),
            NodeLabel::Person | NodeLabel::Role | NodeLabel::Location => {
                write_rows(w, of_label.map(|n| common(n)))
            }
        }
    }
}

/// The row [`write_rel_row`] writes, as a struct (the reference its test compares with).
#[cfg(test)]
fn rel_row(id: String, start: &str, end: &str, w: &EdgeView) -> RelRow {
    let mut row = RelRow {
        start_id: start.to_string(),
        end_id: end.to_string(),
        rel_type: w.rel.as_str().to_string(),
        id,
        title: opt(&w.props().title),
        status: w.props().status.map(|s| s.as_str().to_string()),
        on_behalf_of: opt(&w.props().on_behalf_of),
        lead: w.props().lead,
        about: opt(&w.props().about),
        count: w.count(),
        ..RelRow::default()
    };
    if let Some(ev) = &w.evidence {
        row.doc = clean_field(ev.doc);
        row.sentence = clean_field(&ev.sentence());
        row.start = ev.start as usize;
        row.end = ev.end as usize;
        row.rule = clean_field(ev.rule.as_str());
    }
    row
}

/// The Neo4j CSV exporter (also writes `import.sh` and `import.cypher`, see `cypher.rs`).
pub struct Neo4jExporter;

impl Exporter for Neo4jExporter {
    fn name(&self) -> &'static str {
        "neo4j"
    }
    fn write(&self, view: &View, out: &OutDir) -> Result<(), OutDirError> {
        let kg = view.kg;
        let nodes = sorted_nodes(kg);
        let header = rel_header();
        for f in CsvFile::all() {
            out.write_with(&f.name(), |w| {
                write_file(view, &nodes, f, &header, w).map_err(std::io::Error::from)
            })?;
        }
        out.write("import.sh", super::cypher::import_sh().as_bytes())?;
        out.write("import.cypher", super::cypher::import_cypher(kg).as_bytes())?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The MENTIONED_IN list read in place gives the order of one sort of all edges: a graph
    /// whose list is out of order (sorted, the other path) exports the same bytes.
    #[test]
    fn mention_list_in_place_orders_as_the_sort() {
        let kg = crate::query::fixture::graph();
        assert!(kg.mentions.len() > 2);
        assert!(View::new(&kg).mentions_in_order());
        // The nodes and the relation edges as they are (each edge as readers see it: a built
        // graph's relation edges read their sentences from its MENTIONED_IN list's table),
        // then the MENTIONED_IN edges backwards.
        let mut shuffled = KnowledgeGraph::default();
        for n in kg.g.node_weights() {
            shuffled.g.add_node(n.clone());
        }
        shuffled.index_ids();
        let base = kg.g.edge_count();
        for i in 0..base {
            let e = petgraph::graph::EdgeIndex::new(i);
            let (a, b) = kg.edge_endpoints(e).unwrap();
            shuffled.add_edge(a, b, kg.edge(e).to_edge());
        }
        for i in (0..kg.mentions.len()).rev() {
            let e = petgraph::graph::EdgeIndex::new(base + i);
            let (a, b) = kg.edge_endpoints(e).unwrap();
            shuffled.add_edge(a, b, kg.edge(e).to_edge());
        }
        assert_eq!(shuffled.mentions.len(), kg.mentions.len());
        assert!(!View::new(&shuffled).mentions_in_order());
        assert_eq!(render(&kg).unwrap(), render(&shuffled).unwrap());
        assert_eq!(
            super::super::graphml::render(&kg),
            super::super::graphml::render(&shuffled)
        );
    }

    /// A relationship row written field by field is the bytes `serialize` writes for it.
    #[test]
    fn rel_rows_are_serialized_rows() {
        use crate::extract::{PositionStatus, RelProps};
        use crate::graph::{Edge, EdgeEvidence};
        let texts = [
            None,
            Some(""),
            Some("  "),
            Some("董事长"),
            Some("a\"b,c\\\n\u{85}d"),
        ];
        let mut edges = Vec::new();
        for title in texts {
            for (k, lead) in [None, Some(true), Some(false)].into_iter().enumerate() {
                for count in [None, Some(0), Some(7), Some(u32::MAX)] {
                    edges.push(Edge::new(
                        RelType::Signed,
                        Edge::boxed(RelProps {
                            title: title.map(str::to_string),
                            status: [None, Some(PositionStatus::Former)][k % 2],
                            on_behalf_of: title.map(|t| format!("{t}公司")),
                            lead,
                            about: title.map(|t| format!("x;{t}")),
                        }),
                        count,
                        (k != 1).then(|| EdgeEvidence {
                            doc: "doc_1".into(),
                            sentence: title.unwrap_or("句子，\"引号\"").into(),
                            start: 12,
                            end: 1_234_567,
                            rule: "event.sign".into(),
                        }),
                    ));
                }
            }
        }
        let mut serde = csv::WriterBuilder::new()
            .has_headers(false)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let mut direct = CsvRows::default();
        for e in &edges {
            let plain = e
                .evidence
                .as_ref()
                .is_none_or(|ev| super::super::plain_text(&ev.sentence));
            write_rel_row(&mut direct, "org_a", "per_b", "rel_1", &e.view(), plain);
            serde
                .serialize(rel_row("rel_1".into(), "org_a", "per_b", &e.view()))
                .unwrap();
        }
        assert_eq!(
            String::from_utf8(direct.buf).unwrap(),
            String::from_utf8(serde.into_inner().unwrap()).unwrap()
        );
    }

    /// Rows of [`CsvRows`] are the bytes `csv::Writer` writes for the same fields.
    #[test]
    fn csv_rows_quote_as_csv() {
        let texts: [&[u8]; 10] = [
            b"",
            b"plain",
            b"a,b",
            b"say \"hi\"",
            b"\"",
            b"line\nbreak",
            b"cr\r",
            "全角，逗号\"引号\"".as_bytes(),
            b"\"\"",
            b" lead and trail ",
        ];
        let mut rows: Vec<Vec<&[u8]>> = vec![vec![], vec![b""], vec![b"", b""]];
        for a in texts {
            rows.push(vec![a]);
            for b in texts {
                rows.push(vec![a, b, a]);
            }
        }
        let mut csv = csv::WriterBuilder::new()
            .has_headers(false)
            .flexible(true)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let mut direct = CsvRows::default();
        for row in &rows {
            csv.write_record(row).unwrap();
            for f in row {
                direct.field(f);
            }
            direct.end_row();
        }
        assert_eq!(direct.buf, csv.into_inner().unwrap());
    }

    /// The piecewise edge hash is the hash of the documented format string.
    #[test]
    fn edge_hash_is_hash_of_format() {
        use crate::extract::{PositionStatus, RelProps};
        let texts = [
            None,
            Some(""),
            Some("董事长"),
            Some("a\"b\\c\n\u{7}"),
            Some("《发展》'x'"),
        ];
        for title in texts {
            for about in texts {
                for lead in [None, Some(true), Some(false)] {
                    for status in [
                        None,
                        Some(PositionStatus::Current),
                        Some(PositionStatus::Former),
                    ] {
                        let p = RelProps {
                            title: title.map(str::to_string),
                            status,
                            on_behalf_of: about.map(|s| format!("{s}公司")),
                            lead,
                            about: about.map(str::to_string),
                        };
                        let text = format!(
                            "{}|{}|{}|{:?}|{:?}|{:?}|{:?}|{:?}",
                            "org_1",
                            "SIGNED",
                            "per_2",
                            p.title,
                            p.status.map(|s| s.as_str()),
                            p.on_behalf_of,
                            p.lead,
                            p.about
                        );
                        assert_eq!(
                            edge_hash("org_1", "SIGNED", "per_2", &p).finish_hex(),
                            crate::graph::stable_hash(&text)
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn decimals_are_display() {
        let mut d = Decimal::default();
        for n in [0, 7, 10, 99, 12_345, u32::MAX as u64, u64::MAX] {
            assert_eq!(d.format(n), n.to_string().as_bytes());
        }
    }

    #[test]
    fn headers_are_typed() {
        assert_eq!(
            node_header(NodeLabel::Person),
            vec![
                "id:ID",
                ":LABEL",
                "name",
                "aliases:string[]",
                "mentions:int",
                "merged_by:string[]"
            ]
        );
        let rh = rel_header();
        assert_eq!(&rh[..3], &[":START_ID", ":END_ID", ":TYPE"]);
        for c in ["start:int", "end:int", "doc", "sentence", "rule"] {
            assert!(rh.iter().any(|h| h == c), "{c} missing in {rh:?}");
        }
        assert!(node_header(NodeLabel::Event).contains(&"date:date".to_string()));
    }

    #[test]
    fn fields_are_cleaned() {
        assert_eq!(clean_field("a\nb\r\tc"), "a b  c");
        assert_eq!(clean_field(r#"a\"b\"#), "a＼\"b＼");
        assert_eq!(clean_field(r"a\b"), r"a\b");
        let arr = vec!["x;y".to_string(), "".to_string(), "z".to_string()];
        assert_eq!(array_field(&arr), "x；y;z");
    }
}
