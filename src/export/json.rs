//! `graph.json`: every node and edge with all properties, for scripts.

use petgraph::graph::{EdgeIndex, NodeIndex};
use serde_json::{Map, Value, json};

use super::{Exporter, OutDir, OutDirError, View};
use crate::extract::TimeValue;
use crate::graph::{KnowledgeGraph, NodeProps};

pub struct JsonExporter;

fn time_json(t: &Option<TimeValue>) -> Value {
    match t {
        Some(TimeValue::Date {
            date,
            precision,
            end,
        }) => {
            json!({"date": date.to_string(), "date_precision": precision.as_str(), "end_date": end.map(|e| e.to_string())})
        }
        Some(TimeValue::Period { text }) => json!({"period": text}),
        None => Value::Null,
    }
}

/// One node as JSON: the fields of [`node_fields`] as a `Value`.
fn node_json(n: &crate::graph::Node) -> Value {
    let mut fields = Vec::new();
    node_fields(n, &mut fields);
    Value::Object(
        fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_value()))
            .collect::<Map<String, Value>>(),
    )
}

/// One value of a node object (see [`node_pretty`]).
enum NodeValue<'a> {
    Str(&'a str),
    Owned(String),
    OptStr(Option<&'a str>),
    Num(u64),
    /// Written by serde_json (`null` when not finite, as `json!` makes it).
    Float(Option<f64>),
    List(&'a std::collections::BTreeSet<String>),
    /// Counts by string (an object; only written when not empty).
    Counts(&'a std::collections::BTreeMap<String, u32>),
    Time(&'a Option<TimeValue>),
}

impl NodeValue<'_> {
    /// The value as `json!` makes it.
    fn to_value(&self) -> Value {
        match self {
            NodeValue::Str(s) => json!(s),
            NodeValue::Owned(s) => json!(s),
            NodeValue::OptStr(s) => json!(s),
            NodeValue::Num(x) => json!(x),
            NodeValue::Float(x) => json!(x),
            NodeValue::List(items) => json!(items),
            NodeValue::Counts(items) => json!(items),
            NodeValue::Time(t) => time_json(t),
        }
    }
}

/// The fields of a node object, in the order of its properties (one mapping for the `Value`
/// of [`node_json`] and the text of [`node_pretty`]).
fn node_fields<'a>(n: &'a crate::graph::Node, fields: &mut Vec<(&'static str, NodeValue<'a>)>) {
    use NodeValue as V;
    fields.clear();
    fields.push(("id", V::Str(&n.id)));
    fields.push(("label", V::Str(n.label.as_str())));
    fields.push(("name", V::Str(&n.name)));
    fields.push(("aliases", V::List(n.aliases())));
    fields.push(("mentions", V::Num(n.mentions.into())));
    fields.push(("merged_by", V::List(n.merged_by())));
    if !n.name_counts().is_empty() {
        fields.push(("name_counts", V::Counts(n.name_counts())));
    }
    match &n.props {
        NodeProps::Document(d) => {
            let (path, title, published) = (&d.path, &d.title, &d.published);
            fields.push(("path", V::Str(path)));
            fields.push(("title", V::OptStr(title.as_deref())));
            fields.push((
                "published",
                match published {
                    Some(d) => V::Owned(d.to_string()),
                    None => V::OptStr(None),
                },
            ));
        }
        NodeProps::Organization { kind } => fields.push(("kind", V::Str(kind.as_str()))),
        NodeProps::Amount(a) => {
            let (money, text) = (&a.money, &a.text);
            fields.push(("value", V::Float(Some(money.value))));
            fields.push(("min", V::Float(money.min)));
            fields.push(("max", V::Float(money.max)));
            fields.push(("currency", V::Str(&money.currency)));
            fields.push(("qualifier", V::Str(money.qualifier.as_str())));
            fields.push(("text", V::Str(text)));
        }
        NodeProps::Event(e) => {
            let (kind, date, location) = (&e.kind, &e.date, &e.location);
            fields.push(("kind", V::Str(kind.as_str())));
            fields.push(("time", V::Time(date)));
            fields.push(("location", V::OptStr(location.as_deref())));
        }
        NodeProps::Person | NodeProps::Role | NodeProps::Location => {}
    }
}

/// The pretty JSON text of a node as an element of the `nodes` array (4 spaces in), into `buf`
/// (cleared first): the bytes `serde_json::to_string_pretty(&node_json(n))` indented, without
/// building a `Value` for every node (issue 8; the streamed-document test compares them).
fn node_pretty<'a>(
    n: &'a crate::graph::Node,
    fields: &mut Vec<(&'static str, NodeValue<'a>)>,
    buf: &mut Vec<u8>,
) {
    use NodeValue as V;
    node_fields(n, fields);
    // serde_json's map sorts its keys.
    fields.sort_by_key(|f| f.0);
    buf.clear();
    buf.extend_from_slice(b"    {");
    for (i, (k, v)) in fields.iter().enumerate() {
        buf.extend_from_slice(if i > 0 { b",\n      \"" } else { b"\n      \"" });
        buf.extend_from_slice(k.as_bytes());
        buf.extend_from_slice(b"\": ");
        match v {
            V::Str(s) => push_scalar(buf, Scalar::Str(s)),
            V::Owned(s) => push_scalar(buf, Scalar::Str(s)),
            V::OptStr(Some(s)) => push_scalar(buf, Scalar::Str(s)),
            V::OptStr(None) | V::Float(None) | V::Time(None) => buf.extend_from_slice(b"null"),
            V::Num(x) => push_scalar(buf, Scalar::Num(*x)),
            V::Float(Some(x)) => {
                // Writing into a Vec cannot fail.
                let _ = serde_json::to_writer(&mut *buf, x);
            }
            V::List(items) if items.is_empty() => buf.extend_from_slice(b"[]"),
            V::Counts(items) if items.is_empty() => buf.extend_from_slice(b"{}"),
            V::Counts(items) => {
                buf.push(b'{');
                for (j, (name, count)) in items.iter().enumerate() {
                    buf.extend_from_slice(if j > 0 { b",\n        " } else { b"\n        " });
                    push_scalar(buf, Scalar::Str(name));
                    buf.extend_from_slice(b": ");
                    push_scalar(buf, Scalar::Num(u64::from(*count)));
                }
                buf.extend_from_slice(b"\n      }");
            }
            V::List(items) => {
                buf.push(b'[');
                for (j, item) in items.iter().enumerate() {
                    buf.extend_from_slice(if j > 0 { b",\n        " } else { b"\n        " });
                    push_scalar(buf, Scalar::Str(item));
                }
                buf.extend_from_slice(b"\n      ]");
            }
            V::Time(Some(TimeValue::Date {
                date,
                precision,
                end,
            })) => {
                buf.extend_from_slice(b"{\n        \"date\": ");
                push_scalar(buf, Scalar::Str(&date.to_string()));
                buf.extend_from_slice(b",\n        \"date_precision\": ");
                push_scalar(buf, Scalar::Str(precision.as_str()));
                buf.extend_from_slice(b",\n        \"end_date\": ");
                match end {
                    Some(e) => push_scalar(buf, Scalar::Str(&e.to_string())),
                    None => buf.extend_from_slice(b"null"),
                }
                buf.extend_from_slice(b"\n      }");
            }
            V::Time(Some(TimeValue::Period { text })) => {
                buf.extend_from_slice(b"{\n        \"period\": ");
                push_scalar(buf, Scalar::Str(text));
                buf.extend_from_slice(b"\n      }");
            }
        }
    }
    buf.extend_from_slice(b"\n    }");
}

/// One edge as JSON (`None` for an index without endpoints).
fn edge_json(kg: &KnowledgeGraph, e: EdgeIndex) -> Option<Value> {
    let (a, b) = kg.edge_endpoints(e)?;
    let w = &kg.edge(e);
    let mut o = Map::new();
    o.insert("from".into(), json!(kg.g[a].id));
    o.insert("to".into(), json!(kg.g[b].id));
    o.insert("type".into(), json!(w.rel.as_str()));
    if let Some(t) = &w.props().title {
        o.insert("title".into(), json!(t));
    }
    if let Some(s) = w.props().status {
        o.insert("status".into(), json!(s.as_str()));
    }
    if let Some(v) = &w.props().on_behalf_of {
        o.insert("on_behalf_of".into(), json!(v));
    }
    if let Some(v) = w.props().lead {
        o.insert("lead".into(), json!(v));
    }
    if let Some(v) = &w.props().about {
        o.insert("about".into(), json!(v));
    }
    if let Some(c) = w.count() {
        o.insert("count".into(), json!(c));
    }
    if let Some(ev) = &w.evidence {
        o.insert("doc".into(), json!(&**ev.doc));
        o.insert("sentence".into(), json!(ev.sentence().as_str()));
        o.insert("start".into(), json!(ev.start));
        o.insert("end".into(), json!(ev.end));
        o.insert("rule".into(), json!(ev.rule.as_str()));
    }
    Some(Value::Object(o))
}

/// Nodes in id order.
fn sorted_nodes(kg: &KnowledgeGraph) -> Vec<NodeIndex> {
    let mut nodes: Vec<NodeIndex> = kg.g.node_indices().collect();
    nodes.sort_by(|&a, &b| kg.g[a].id.cmp(&kg.g[b].id));
    nodes
}

/// One scalar value of an edge object.
#[derive(Clone, Copy)]
enum Scalar<'a> {
    /// The sentence of this evidence (read only when written:
    /// [`crate::graph::EvidenceView::sentence`] may read it back from a file) and whether it
    /// is known to need no escaping.
    Sentence(crate::graph::EvidenceView<'a>, bool),
    Str(&'a str),
    Num(u64),
    Bool(bool),
    /// A string known to need no escaping (see [`super::plain_text`]).
    Plain(&'a str),
}

/// The fields of an edge object in the order serde_json writes them (its map sorts keys), so
/// [`edge_compact`] and [`write_edge_pretty`] give the same bytes as serializing
/// [`edge_json`] — without building a `Value` (a tree of allocations) for every edge.
/// Returns `false` for an index without endpoints.
fn edge_fields<'a>(
    view: &View<'a>,
    e: EdgeIndex,
    out: &mut Vec<(&'static str, Scalar<'a>)>,
) -> bool {
    out.clear();
    each_edge_field(view, e, |_, k, v| {
        out.push((k, v));
        true
    })
}

/// The fields of [`edge_fields`] handed to `f` one at a time with their code in a sort key
/// ([`field_code`]), in order, until `f` returns `false` (a sort key needs only its first
/// fields: issue 8, the keys were made from the whole list twice per edge). Returns `false`
/// for an index without endpoints.
fn each_edge_field<'a>(
    view: &View<'a>,
    e: EdgeIndex,
    mut f: impl FnMut(u8, &'static str, Scalar<'a>) -> bool,
) -> bool {
    let kg: &'a KnowledgeGraph = view.kg;
    let Some((a, b)) = view.edge_endpoints(e) else {
        return false;
    };
    let w = &view.edge(e);
    let p = w.props();
    // `?` on `None` stops early: every call below says whether to go on.
    let _ = (|| -> Option<()> {
        let go = |more: bool| more.then_some(());
        if let Some(v) = &p.about {
            go(f(1, "about", Scalar::Str(v)))?;
        }
        if let Some(c) = w.count() {
            go(f(2, "count", Scalar::Num(c.into())))?;
        }
        if let Some(ev) = &w.evidence {
            go(f(3, "doc", Scalar::Str(ev.doc)))?;
            go(f(4, "end", Scalar::Num(ev.end as u64)))?;
        }
        go(f(5, "from", Scalar::Str(&kg.g[a].id)))?;
        if let Some(v) = p.lead {
            go(f(6, "lead", Scalar::Bool(v)))?;
        }
        if let Some(v) = &p.on_behalf_of {
            go(f(7, "on_behalf_of", Scalar::Str(v)))?;
        }
        if let Some(ev) = &w.evidence {
            go(f(8, "rule", Scalar::Str(ev.rule.as_str())))?;
            let sentence = Scalar::Sentence(*ev, view.plain(e));
            go(f(9, "sentence", sentence))?;
            go(f(10, "start", Scalar::Num(ev.start as u64)))?;
        }
        if let Some(s) = p.status {
            go(f(11, "status", Scalar::Str(s.as_str())))?;
        }
        if let Some(t) = &p.title {
            go(f(12, "title", Scalar::Str(t)))?;
        }
        go(f(13, "to", Scalar::Str(&kg.g[b].id)))?;
        go(f(14, "type", Scalar::Str(w.rel.as_str())))
    })();
    true
}

/// Append a scalar as JSON (strings escaped by serde_json itself).
fn push_scalar(buf: &mut Vec<u8>, v: Scalar) {
    match v {
        Scalar::Sentence(ev, true) => ev.with_sentence(|s| push_scalar(buf, Scalar::Plain(s))),
        Scalar::Sentence(ev, false) => ev.with_sentence(|s| push_scalar(buf, Scalar::Str(s))),
        Scalar::Str(s) => {
            // Nothing to escape (the usual case): copy; else serde_json escapes it.
            if !super::any_byte(s.as_bytes(), |b| (b < 0x20) | (b == b'"') | (b == b'\\')) {
                buf.push(b'"');
                buf.extend_from_slice(s.as_bytes());
                buf.push(b'"');
            } else {
                // Writing into a Vec cannot fail.
                let _ = serde_json::to_writer(&mut *buf, s);
            }
        }
        Scalar::Num(n) => {
            buf.extend_from_slice(super::neo4j_csv::Decimal::default().format(n));
        }
        Scalar::Bool(b) => buf.extend_from_slice(if b { b"true" } else { b"false" }),
        Scalar::Plain(s) => {
            buf.push(b'"');
            buf.extend_from_slice(s.as_bytes());
            buf.push(b'"');
        }
    }
}

/// The compact JSON text of an edge into `buf` (cleared first); `false` without endpoints.
fn edge_compact<'a>(
    view: &View<'a>,
    e: EdgeIndex,
    fields: &mut Vec<(&'static str, Scalar<'a>)>,
    buf: &mut Vec<u8>,
) -> bool {
    edge_compact_upto(view, e, fields, buf, usize::MAX)
}

/// [`edge_compact`], but only its first `limit` bytes are sure to be right: writing stops once
/// `limit` bytes are written, and a string is escaped only as far as it can reach that limit
/// (escaping a string's prefix cut at a character boundary gives a prefix of its escaped
/// text, which is then at least as long as the prefix).
fn edge_compact_upto<'a>(
    view: &View<'a>,
    e: EdgeIndex,
    fields: &mut Vec<(&'static str, Scalar<'a>)>,
    buf: &mut Vec<u8>,
    limit: usize,
) -> bool {
    edge_text_upto(view, e, fields, buf, limit, false)
}

/// The names of an edge object's fields, sorted: in a sort key ([`edge_key_upto`]) a field
/// name is one byte, its place here plus one.
#[cfg(test)]
const EDGE_FIELDS: [&str; 14] = [
    "about",
    "count",
    "doc",
    "end",
    "from",
    "lead",
    "on_behalf_of",
    "rule",
    "sentence",
    "start",
    "status",
    "title",
    "to",
    "type",
];

/// The first `limit` bytes (as [`edge_compact_upto`]) of an edge's *sort key*: its compact
/// text without the braces, and with each `"name":` (and the `,` before it) as one byte, the
/// name's code in [`EDGE_FIELDS`] (1–14). Keys order as the compact texts: up to the first
/// field where two edges differ both are equal; there, different names order as their codes
/// (no name is a prefix of another), equal names are followed by values of one type written
/// alike, and where one number's digits are a prefix of the other's, the text's `,` and the
/// key's next code both sort before any digit (numbers are never the last field, and every
/// string keeps its closing quote). The key is shorter than the text (about 30 bytes less
/// for a MENTIONED_IN edge), so a shorter prefix separates as many edges.
fn edge_key_upto<'a>(
    view: &View<'a>,
    e: EdgeIndex,
    fields: &mut Vec<(&'static str, Scalar<'a>)>,
    buf: &mut Vec<u8>,
    limit: usize,
) -> bool {
    edge_text_upto(view, e, fields, buf, limit, true)
}

/// The code of a field name in a sort key: its place in [`EDGE_FIELDS`] plus one (a name
/// not there — none is — gets the largest code). [`each_edge_field`] hands out these codes
/// with the names (a test checks them).
#[cfg(test)]
fn field_code(name: &str) -> u8 {
    EDGE_FIELDS
        .binary_search(&name)
        .map_or(EDGE_FIELDS.len(), |i| i)
        .saturating_add(1) as u8
}

/// [`edge_compact_upto`] (`key` false) or [`edge_key_upto`] (`key` true).
fn edge_text_upto<'a>(
    view: &View<'a>,
    e: EdgeIndex,
    fields: &mut Vec<(&'static str, Scalar<'a>)>,
    buf: &mut Vec<u8>,
    limit: usize,
    key: bool,
) -> bool {
    buf.clear();
    if key {
        // The key's fields as they are reached, none after the limit.
        return each_edge_field(view, e, |code, _, v| {
            if buf.len() >= limit {
                return false;
            }
            buf.push(code);
            push_upto(buf, v, limit);
            true
        });
    }
    if !edge_fields(view, e, fields) {
        return false;
    }
    buf.push(b'{');
    for (i, (k, v)) in fields.drain(..).enumerate() {
        if buf.len() >= limit {
            return true;
        }
        if i > 0 {
            buf.push(b',');
        }
        buf.push(b'"');
        buf.extend_from_slice(k.as_bytes());
        buf.extend_from_slice(b"\":");
        push_upto(buf, v, limit);
    }
    buf.push(b'}');
    true
}

/// [`push_scalar`], but a string longer than `limit` is cut there first (at a character
/// boundary; see [`edge_compact_upto`]).
fn push_upto(buf: &mut Vec<u8>, v: Scalar, limit: usize) {
    match v {
        Scalar::Sentence(ev, plain) => ev.with_sentence(|s| {
            let v = if plain {
                Scalar::Plain(s)
            } else {
                Scalar::Str(s)
            };
            push_upto(buf, v, limit)
        }),
        Scalar::Str(s) | Scalar::Plain(s) if s.len() > limit => {
            let mut cut = limit;
            while !s.is_char_boundary(cut) {
                cut += 1;
            }
            push_scalar(buf, Scalar::Str(&s[..cut]));
        }
        v => push_scalar(buf, v),
    }
}

/// An edge as an element of the pretty-printed `edges` array (two levels deep), into `buf`
/// (cleared first); `false` without endpoints.
fn edge_pretty<'a>(
    view: &View<'a>,
    e: EdgeIndex,
    fields: &mut Vec<(&'static str, Scalar<'a>)>,
    buf: &mut Vec<u8>,
) -> bool {
    buf.clear();
    if !edge_fields(view, e, fields) {
        return false;
    }
    buf.extend_from_slice(b"    {");
    for (i, (k, v)) in fields.drain(..).enumerate() {
        buf.extend_from_slice(if i > 0 { b",\n      \"" } else { b"\n      \"" });
        buf.extend_from_slice(k.as_bytes());
        buf.extend_from_slice(b"\": ");
        push_scalar(buf, v);
    }
    buf.extend_from_slice(b"\n    }");
    true
}

/// Edges in the order of their compact JSON text (stable for equal texts), sorted a bucket
/// at a time ([`SortedEdges`]).
fn sorted_edges<'v, 'a>(view: &'v View<'a>) -> SortedEdges<'v, 'a> {
    SortedEdges::new(view, 4, BUCKET)
}

/// Edges a bucket of [`SortedEdges`] aims to hold (at most [`BUCKETS`] of them are made;
/// issue 8: a bucket of 32 768 edges and the keys of its ties, 60 bytes an edge, were 1.7 MB
/// of the export's peak at 20 MB of input; each bucket reads the one-byte bucket table whole).
const BUCKET: usize = 1 << 12;
/// The most buckets [`SortedEdges`] makes (fewer than `u8::MAX`, its mark of no bucket).
const BUCKETS: usize = 250;
/// Keys [`SortedEdges`] samples to choose the bounds of its buckets.
const SAMPLES: usize = 1 << 14;
/// Bytes of the sort key that the bounds of the buckets hold.
const SPLIT: usize = 24;

/// The edges of [`sorted_edges`], a bucket at a time. Memory (issue 8): sorting every edge
/// at once held 12 bytes per edge ([`sort_group`]) on top of the graph — the peak of
/// a run at 200 MB of input. The keys of a sample of the edges ([`SAMPLES`], evenly spaced)
/// choose up to [`BUCKETS`] − 1 bounds, each the first [`SPLIT`] bytes of a sort key
/// (zero-padded, as [`sort_group`] pads); one pass over the edges gives each its
/// bucket (one byte per edge: the number of bounds at or below its key's first bytes), and
/// each bucket's edges are then sorted and handed out in turn. A key's prefix orders as the
/// key, and the key as the text ([`edge_key_upto`]), so the buckets are ranges of the
/// order and edges that tie on a prefix share a bucket: the concatenation is the whole sort.
struct SortedEdges<'v, 'a> {
    view: &'v View<'a>,
    small: usize,
    /// The bucket of each edge by index (`u8::MAX` for an index without endpoints); empty
    /// when there is one bucket (every edge with endpoints).
    bucket_of: Vec<u8>,
    buckets: usize,
    next_bucket: usize,
    current: std::vec::IntoIter<([u8; FIRST], EdgeIndex)>,
}

impl<'v, 'a> SortedEdges<'v, 'a> {
    /// `small` as [`sort_group`]'s; buckets of about `bucket` edges.
    fn new(view: &'v View<'a>, small: usize, bucket: usize) -> SortedEdges<'v, 'a> {
        let n = view.kg.edge_count();
        let parts = n.div_ceil(bucket.max(1)).min(BUCKETS);
        let mut sorted = SortedEdges {
            view,
            small,
            bucket_of: Vec::new(),
            buckets: 1,
            next_bucket: 0,
            current: Vec::new().into_iter(),
        };
        if parts < 2 {
            return sorted;
        }
        let (mut fields, mut buf) = (Vec::new(), Vec::new());
        let mut prefix = |e: EdgeIndex| -> Option<[u8; SPLIT]> {
            if !edge_key_upto(view, e, &mut fields, &mut buf, SPLIT) {
                return None;
            }
            let mut p = [0u8; SPLIT];
            let k = buf.len().min(SPLIT);
            p[..k].copy_from_slice(&buf[..k]);
            Some(p)
        };
        let stride = n.div_ceil(SAMPLES).max(1);
        let mut samples: Vec<[u8; SPLIT]> = (0..n)
            .step_by(stride)
            .filter_map(|i| prefix(EdgeIndex::new(i)))
            .collect();
        samples.sort_unstable();
        let mut bounds: Vec<[u8; SPLIT]> = Vec::with_capacity(parts);
        for j in 1..parts {
            if let Some(&b) = samples.get(j * samples.len() / parts)
                && bounds.last().is_none_or(|last| *last < b)
            {
                bounds.push(b);
            }
        }
        drop(samples);
        if bounds.is_empty() {
            return sorted;
        }
        sorted.bucket_of = (0..n)
            .map(|i| match prefix(EdgeIndex::new(i)) {
                None => u8::MAX,
                Some(p) => bounds.partition_point(|b| *b <= p) as u8,
            })
            .collect();
        sorted.buckets = bounds.len() + 1;
        sorted
    }
}

impl Iterator for SortedEdges<'_, '_> {
    type Item = EdgeIndex;

    fn next(&mut self) -> Option<EdgeIndex> {
        loop {
            if let Some((_, e)) = self.current.next() {
                return Some(e);
            }
            if self.next_bucket >= self.buckets {
                return None;
            }
            // The last bucket's vector is freed before the next one is made.
            self.current = Vec::new().into_iter();
            let b = self.next_bucket;
            self.next_bucket += 1;
            let view = self.view;
            let group: Vec<([u8; FIRST], EdgeIndex)> = if self.bucket_of.is_empty() {
                view.kg
                    .edge_indices()
                    .filter(|&e| view.edge_endpoints(e).is_some())
                    .map(|e| ([0; FIRST], e))
                    .collect()
            } else {
                let bucket_of = &self.bucket_of;
                let len = bucket_of.iter().filter(|&&x| usize::from(x) == b).count();
                let mut group = Vec::with_capacity(len);
                group.extend(
                    bucket_of
                        .iter()
                        .enumerate()
                        .filter(|&(_, &x)| usize::from(x) == b)
                        .map(|(i, _)| ([0; FIRST], EdgeIndex::new(i))),
                );
                group
            };
            self.current = sort_group(view, group, self.small).into_iter();
        }
    }
}

/// Bytes of each edge's sort key that the first round of [`sort_group`] sorts by.
const FIRST: usize = 8;
/// Bytes of the sort key that each later round sorts by.
const NEXT: usize = 56;

/// Every edge with endpoints in one group, sorted ([`sort_group`]; one bucket).
#[cfg(test)]
fn sorted_edges_with(view: &View, small: usize) -> Vec<([u8; FIRST], EdgeIndex)> {
    let kg = view.kg;
    let mut out: Vec<([u8; FIRST], EdgeIndex)> = Vec::with_capacity(kg.edge_count());
    // (`edge_fields` is `false` exactly for an index without endpoints.)
    out.extend(
        kg.edge_indices()
            .filter(|&e| view.edge_endpoints(e).is_some())
            .map(|e| ([0; FIRST], e)),
    );
    sort_group(view, out, small)
}

/// Sort the edges of `out` (their key bytes are written here) in the order of their compact
/// JSON text, for [`SortedEdges`]. Memory (issue 8): 12 bytes per edge of the group — the first [`FIRST`] bytes of each
/// edge's sort key ([`edge_key_upto`], which orders as the text), zero-padded (a key never
/// holds a NUL byte, so padding sorts before any real byte, as a shorter string does), and
/// its index (32 bytes with 28 of the key: the sort of the JSON export was the peak of a
/// run). The sorted pairs are the result (the edges in order are their indices; a second
/// vector of the indices alone, beside the pairs, was 4 more bytes per edge at the peak of
/// the export). Sorts are in place (the index breaks ties, as a stable sort would). Edges that tie on
/// those bytes are sorted again by the next [`NEXT`] bytes of their keys, and so on (a
/// worklist, not recursion; the ties are few, so their longer keys are held only for a
/// group at a time); a group of at most `small` edges, or one whose keys agree on their
/// first 1 024 bytes, is sorted by its full texts instead. 8 bytes hold the count and the
/// start of the document id of a MENTIONED_IN edge; the next 56 reach past its source id.
fn sort_group(
    view: &View,
    mut out: Vec<([u8; FIRST], EdgeIndex)>,
    small: usize,
) -> Vec<([u8; FIRST], EdgeIndex)> {
    const DEEP: usize = 1024;
    let (mut fields, mut buf) = (Vec::new(), Vec::new());
    // Ranges of `out` that tie on the key's bytes before `from`, still to sort.
    let mut work: Vec<(usize, usize, usize)> = Vec::new();
    if out.len() > small {
        for (p, e) in out.iter_mut() {
            edge_key_upto(view, *e, &mut fields, &mut buf, FIRST);
            let n = buf.len().min(FIRST);
            p[..n].copy_from_slice(&buf[..n]);
        }
        out.sort_unstable();
        queue_ties(&out, 0, FIRST, &mut work);
    } else {
        work.push((0, out.len(), 0));
    }
    let mut keyed: Vec<([u8; NEXT], EdgeIndex)> = Vec::new();
    while let Some((start, end, from)) = work.pop() {
        let group = &mut out[start..end];
        if group.len() < 2 {
            continue;
        }
        if group.len() <= small || from >= DEEP {
            let mut full: Vec<(Vec<u8>, EdgeIndex)> = group
                .iter()
                .map(|&(_, e)| {
                    edge_compact(view, e, &mut fields, &mut buf);
                    (buf.clone(), e)
                })
                .collect();
            full.sort_unstable();
            for (slot, (_, e)) in group.iter_mut().zip(full) {
                slot.1 = e;
            }
            continue;
        }
        Round {
            view,
            fields: &mut fields,
            buf: &mut buf,
            work: &mut work,
        }
        .sort::<NEXT>(group, start, from, &mut keyed);
    }
    out
}

/// One round of [`sort_group`]: what it needs to sort a group by `P` more bytes of the
/// edges' keys.
struct Round<'v, 'a, 'w> {
    view: &'v View<'a>,
    fields: &'w mut Vec<(&'static str, Scalar<'a>)>,
    buf: &'w mut Vec<u8>,
    work: &'w mut Vec<(usize, usize, usize)>,
}

impl Round<'_, '_, '_> {
    /// Sort `group` (at `start` in the whole) by bytes `from..from + P` of the keys, and queue
    /// the runs that tie on them and go on past them (a key that ended within them ends in a
    /// 0, and equal keys are equal texts, already in index order).
    fn sort<const P: usize>(
        &mut self,
        group: &mut [([u8; FIRST], EdgeIndex)],
        start: usize,
        from: usize,
        keyed: &mut Vec<([u8; P], EdgeIndex)>,
    ) {
        keyed.clear();
        keyed.shrink_to(group.len());
        keyed.reserve_exact(group.len());
        for &(_, e) in group.iter() {
            edge_key_upto(self.view, e, self.fields, self.buf, from + P);
            let mut p = [0u8; P];
            if self.buf.len() > from {
                let n = (self.buf.len() - from).min(P);
                p[..n].copy_from_slice(&self.buf[from..from + n]);
            }
            keyed.push((p, e));
        }
        keyed.sort_unstable();
        for (slot, k) in group.iter_mut().zip(keyed.iter()) {
            slot.1 = k.1;
        }
        queue_ties(keyed, start, from + P, self.work);
    }
}

/// Queue the runs of `keyed` (at `start` in the whole) that tie on their `P` key bytes and
/// go on past them, to be sorted by the bytes from `next` (a key that ended within them ends
/// in a 0, and equal keys are equal texts, already in index order).
fn queue_ties<const P: usize>(
    keyed: &[([u8; P], EdgeIndex)],
    start: usize,
    next: usize,
    work: &mut Vec<(usize, usize, usize)>,
) {
    let mut i = 0;
    for run in keyed.chunk_by(|a, b| a.0 == b.0) {
        if run.len() > 1 && run[0].0[P - 1] != 0 {
            work.push((start + i, start + i + run.len(), next));
        }
        i += run.len();
    }
}

/// The JSON document for a graph.
pub fn to_json(kg: &KnowledgeGraph) -> Value {
    let nodes: Vec<Value> = sorted_nodes(kg)
        .into_iter()
        .map(|n| node_json(&kg.g[n]))
        .collect();
    let edges: Vec<Value> = sorted_edges(&View::new(kg))
        .filter_map(|e| edge_json(kg, e))
        .collect();
    json!({"nodes": nodes, "edges": edges})
}

/// Write `graph.json` — the same bytes as `to_string_pretty(&to_json(kg))` plus a newline —
/// one node or edge at a time, so memory does not hold the whole document.
pub fn write_pretty(kg: &KnowledgeGraph, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    write_view(&View::new(kg), w)
}

/// [`write_pretty`] of a view.
fn write_view(view: &View, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let kg = view.kg;
    // The top-level object's keys come out in sorted order: "edges", then "nodes".
    // Keys in the order serde_json's map writes them (sorted, unless `preserve_order`).
    let top = json!({"nodes": [], "edges": []});
    let keys: Vec<String> = top
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default();
    w.write_all(b"{\n")?;
    for (i, key) in keys.iter().enumerate() {
        if i > 0 {
            w.write_all(b",\n")?;
        }
        if key == "edges" {
            write!(w, "  \"{key}\": [")?;
            let (mut fields, mut buf) = (Vec::new(), Vec::new());
            let mut first = true;
            for e in sorted_edges(view) {
                if !edge_pretty(view, e, &mut fields, &mut buf) {
                    continue;
                }
                w.write_all(if first { b"\n" } else { b",\n" })?;
                first = false;
                w.write_all(&buf)?;
            }
            w.write_all(if first { b"]" } else { b"\n  ]" })?;
        } else {
            write!(w, "  \"{key}\": [")?;
            let (mut fields, mut buf) = (Vec::new(), Vec::new());
            let mut first = true;
            for n in sorted_nodes(kg) {
                node_pretty(&kg.g[n], &mut fields, &mut buf);
                w.write_all(if first { b"\n" } else { b",\n" })?;
                first = false;
                w.write_all(&buf)?;
            }
            w.write_all(if first { b"]" } else { b"\n  ]" })?;
        }
    }
    w.write_all(b"\n}\n")
}

impl Exporter for JsonExporter {
    fn name(&self) -> &'static str {
        "json"
    }
    fn write(&self, view: &View, out: &OutDir) -> Result<(), OutDirError> {
        out.write_with("graph.json", |w| write_view(view, w))
    }
}

/// Why `graph.json` could not be read back.
#[derive(Debug, thiserror::Error)]
pub enum ReadJsonError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: not JSON: {source}")]
    Json {
        path: String,
        source: serde_json::Error,
    },
    #[error("{path}: {what}")]
    Shape { path: String, what: String },
}

fn s_of(o: &Value, k: &str) -> Option<String> {
    o.get(k).and_then(Value::as_str).map(str::to_string)
}

fn strings(o: &Value, k: &str) -> std::collections::BTreeSet<String> {
    o.get(k)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn time_of(v: Option<&Value>) -> Option<TimeValue> {
    let v = v?;
    if let Some(p) = v.get("period").and_then(Value::as_str) {
        return Some(TimeValue::Period {
            text: p.to_string(),
        });
    }
    let date = chrono::NaiveDate::parse_from_str(v.get("date")?.as_str()?, "%Y-%m-%d").ok()?;
    let precision = serde_json::from_value(v.get("date_precision")?.clone()).ok()?;
    let end = v
        .get("end_date")
        .and_then(Value::as_str)
        .and_then(|e| chrono::NaiveDate::parse_from_str(e, "%Y-%m-%d").ok());
    Some(TimeValue::Date {
        date,
        precision,
        end,
    })
}

/// Rebuild a [`KnowledgeGraph`] from the value [`to_json`] produced (`graph.json`).
/// `to_json(&from_json(v)?) == v` for every graph kgextract writes (a test checks it).
pub fn from_json(v: &Value) -> Result<KnowledgeGraph, String> {
    use crate::extract::{EventKind, Money, OrgKind, RelProps, RelType};
    use crate::graph::{Edge, EdgeEvidence, Node, NodeLabel, intern_rule};
    let mut kg = KnowledgeGraph::default();
    let mut seen: crate::rules::FastSet<String> = Default::default();
    let nodes = v
        .get("nodes")
        .and_then(Value::as_array)
        .ok_or("no \"nodes\" array")?;
    for (i, n) in nodes.iter().enumerate() {
        let id = s_of(n, "id").ok_or(format!("node {i}: no id"))?;
        let lab = s_of(n, "label").unwrap_or_default();
        let label = NodeLabel::ALL
            .into_iter()
            .find(|l| l.as_str() == lab)
            .ok_or(format!("node {id}: unknown label {lab:?}"))?;
        let props = match label {
            NodeLabel::Document => NodeProps::Document(Box::new(crate::graph::DocumentProps {
                path: s_of(n, "path").unwrap_or_default(),
                title: s_of(n, "title"),
                published: s_of(n, "published")
                    .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
            })),
            NodeLabel::Person => NodeProps::Person,
            NodeLabel::Role => NodeProps::Role,
            NodeLabel::Location => NodeProps::Location,
            NodeLabel::Organization => NodeProps::Organization {
                kind: s_of(n, "kind")
                    .and_then(|k| OrgKind::parse(&k))
                    .unwrap_or(OrgKind::Other),
            },
            NodeLabel::Amount => NodeProps::Amount(Box::new(crate::graph::AmountProps {
                money: Money {
                    value: n.get("value").and_then(Value::as_f64).unwrap_or(f64::NAN),
                    min: n.get("min").and_then(Value::as_f64),
                    max: n.get("max").and_then(Value::as_f64),
                    currency: s_of(n, "currency").unwrap_or_default(),
                    qualifier: n
                        .get("qualifier")
                        .and_then(|q| serde_json::from_value(q.clone()).ok())
                        .ok_or(format!("node {id}: bad qualifier"))?,
                },
                text: s_of(n, "text").unwrap_or_default(),
            })),
            NodeLabel::Event => NodeProps::Event(Box::new(crate::graph::EventProps {
                kind: n
                    .get("kind")
                    .and_then(|k| serde_json::from_value::<EventKind>(k.clone()).ok())
                    .ok_or(format!("node {id}: bad event kind"))?,
                date: time_of(n.get("time")),
                location: s_of(n, "location"),
            })),
        };
        let node = Node {
            id: id.clone(),
            label,
            name: s_of(n, "name").unwrap_or_default(),
            mentions: n.get("mentions").and_then(Value::as_u64).unwrap_or(0) as u32,
            extra: crate::graph::Extra::new(
                strings(n, "aliases"),
                n.get("name_counts")
                    .and_then(Value::as_object)
                    .map(|o| {
                        o.iter()
                            .filter_map(|(k, v)| {
                                Some((k.clone(), u32::try_from(v.as_u64()?).ok()?))
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                strings(n, "merged_by"),
            ),
            props,
        };
        kg.g.add_node(node);
        if !seen.insert(id.clone()) {
            return Err(format!("duplicate node id {id}"));
        }
    }
    drop(seen);
    kg.index_ids();
    let edges = v
        .get("edges")
        .and_then(Value::as_array)
        .ok_or("no \"edges\" array")?;
    for (i, e) in edges.iter().enumerate() {
        let end = |k: &str| -> Result<petgraph::graph::NodeIndex, String> {
            let id = s_of(e, k).ok_or(format!("edge {i}: no {k}"))?;
            kg.index_of(&id)
                .ok_or(format!("edge {i}: {k} {id:?} is not a node"))
        };
        let (a, b) = (end("from")?, end("to")?);
        let ty = s_of(e, "type").unwrap_or_default();
        let rel = RelType::ALL
            .into_iter()
            .find(|r| r.as_str() == ty)
            .ok_or(format!("edge {i}: unknown type {ty:?}"))?;
        let props = RelProps {
            title: s_of(e, "title"),
            status: e
                .get("status")
                .and_then(|s| serde_json::from_value(s.clone()).ok()),
            on_behalf_of: s_of(e, "on_behalf_of"),
            lead: e.get("lead").and_then(Value::as_bool),
            about: s_of(e, "about"),
        };
        let evidence = s_of(e, "doc").map(|doc| EdgeEvidence {
            doc: doc.into(),
            sentence: s_of(e, "sentence").unwrap_or_default().into(),
            start: e
                .get("start")
                .and_then(Value::as_u64)
                .map_or(0, |x| u32::try_from(x).unwrap_or(u32::MAX)),
            end: e
                .get("end")
                .and_then(Value::as_u64)
                .map_or(0, |x| u32::try_from(x).unwrap_or(u32::MAX)),
            rule: intern_rule(&s_of(e, "rule").unwrap_or_default()),
        });
        kg.add_edge(
            a,
            b,
            Edge::new(
                rel,
                Edge::boxed(props),
                e.get("count").and_then(Value::as_u64).map(|c| c as u32),
                evidence,
            ),
        );
    }
    Ok(kg)
}

/// Read `graph.json` from an export folder (or the file itself).
pub fn read_graph(path: &std::path::Path) -> Result<KnowledgeGraph, ReadJsonError> {
    let file = if path.is_dir() {
        path.join("graph.json")
    } else {
        path.to_path_buf()
    };
    let p = file.display().to_string();
    let text = std::fs::read_to_string(&file).map_err(|source| ReadJsonError::Io {
        path: p.clone(),
        source,
    })?;
    let v: Value = serde_json::from_str(&text).map_err(|source| ReadJsonError::Json {
        path: p.clone(),
        source,
    })?;
    from_json(&v).map_err(|what| ReadJsonError::Shape { path: p, what })
}

#[cfg(test)]
mod stream_tests {
    use super::*;

    /// A node written field by field is serde_json's pretty text of [`node_json`], for every
    /// kind of node and value (escapes, empty and full lists, non-finite amounts, times).
    #[test]
    fn node_text_is_serde_text() {
        use crate::extract::{EventKind, Money, OrgKind, Precision, Qualifier};
        use crate::graph::{Node, NodeLabel};
        use chrono::NaiveDate;
        let day = NaiveDate::from_ymd_opt(2024, 7, 21);
        let node = |label, props| Node {
            id: "x_\"1\"".into(),
            label,
            name: "中国\\联通\n".into(),
            mentions: 3,
            extra: crate::graph::Extra::new(
                ["a\"b".to_string(), "联通".to_string()]
                    .into_iter()
                    .collect(),
                [("中国\\联通\n".to_string(), 2), ("联\"通".to_string(), 1)]
                    .into_iter()
                    .collect(),
                std::collections::BTreeSet::new(),
            ),
            props,
        };
        let money = |value, min, max| {
            NodeProps::Amount(Box::new(crate::graph::AmountProps {
                money: Money {
                    value,
                    min,
                    max,
                    currency: "CNY".into(),
                    qualifier: Qualifier::AtLeast,
                },
                text: "3.5亿元".into(),
            }))
        };
        let event = |date| {
            NodeProps::Event(Box::new(crate::graph::EventProps {
                kind: EventKind::Signing,
                date,
                location: Some("北京".into()),
            }))
        };
        let date = |precision, end| {
            Some(TimeValue::Date {
                date: NaiveDate::from_ymd_opt(2024, 7, 1).unwrap(),
                precision,
                end,
            })
        };
        let nodes = [
            node(NodeLabel::Person, NodeProps::Person),
            node(
                NodeLabel::Organization,
                NodeProps::Organization {
                    kind: OrgKind::Enterprise,
                },
            ),
            node(NodeLabel::Amount, money(3.5e8, Some(0.1), None)),
            node(
                NodeLabel::Amount,
                money(f64::NAN, Some(f64::INFINITY), Some(1e21)),
            ),
            node(NodeLabel::Amount, money(12.0, None, Some(-0.0))),
            node(NodeLabel::Event, event(date(Precision::Day, day))),
            node(NodeLabel::Event, event(date(Precision::Month, None))),
            node(
                NodeLabel::Event,
                event(Some(TimeValue::Period {
                    text: "上半年".into(),
                })),
            ),
            node(NodeLabel::Event, event(None)),
            node(
                NodeLabel::Document,
                NodeProps::Document(Box::new(crate::graph::DocumentProps {
                    path: "a/b.txt".into(),
                    title: None,
                    published: day,
                })),
            ),
            node(
                NodeLabel::Document,
                NodeProps::Document(Box::new(crate::graph::DocumentProps {
                    path: "c.txt".into(),
                    title: Some("标题".into()),
                    published: None,
                })),
            ),
        ];
        let (mut fields, mut buf) = (Vec::new(), Vec::new());
        for n in &nodes {
            node_pretty(n, &mut fields, &mut buf);
            let pretty = serde_json::to_string_pretty(&node_json(n)).unwrap();
            let indented: Vec<String> = pretty.lines().map(|l| format!("    {l}")).collect();
            assert_eq!(String::from_utf8(buf.clone()).unwrap(), indented.join("\n"));
        }
    }

    fn streamed(kg: &KnowledgeGraph) -> String {
        let mut buf = Vec::new();
        write_pretty(kg, &mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    /// Long shared document ids make many edges tie on the kept prefix.
    #[test]
    fn prefix_sort_is_the_full_text_sort() {
        let rules = crate::rules::Rules::builtin();
        let text = "华为技术有限公司董事长张伟表示，公司与中国移动签署战略合作协议。\n\
                    北京市人民政府副市长李强出席签约仪式并致辞。";
        let docs: Vec<_> = (0..3)
            .map(|i| {
                let id = format!("{}{i}", "x".repeat(70));
                let d = crate::read::from_bytes(&id, "test", text.as_bytes()).unwrap();
                crate::extract::process(&d, rules)
            })
            .collect();
        let kg = KnowledgeGraph::build(docs);
        assert!(kg.edge_count() > 6);
        let mut naive: Vec<(String, EdgeIndex)> = kg
            .edge_indices()
            .map(|e| (edge_json(&kg, e).unwrap().to_string(), e))
            .collect();
        naive.sort_by(|a, b| a.0.cmp(&b.0));
        let naive: Vec<EdgeIndex> = naive.into_iter().map(|(_, e)| e).collect();
        assert_eq!(sorted_edges(&View::new(&kg)).collect::<Vec<_>>(), naive);
        // Buckets whose bounds end inside the shared ids.
        let view = View::new(&kg);
        let sorted = SortedEdges::new(&view, 4, 2);
        assert!(sorted.buckets > 1);
        assert_eq!(sorted.collect::<Vec<_>>(), naive);
    }

    /// The sort key orders as the compact text where the two part ways in the hard places: a
    /// number that is a prefix of another (5, 50, 6), a string that is a prefix of another
    /// followed by a byte below `"` (` `, `!`) or above it, escaped characters, different and
    /// missing fields, and texts that tie on the kept prefix.
    #[test]
    fn key_sort_is_the_full_text_sort() {
        use crate::extract::{PositionStatus, RelProps, RelType};
        use crate::graph::{Edge, EdgeEvidence, Node};
        let mut kg = KnowledgeGraph::default();
        let node = Node::person_for_test;
        let ids = ["per_a", "per_a b", "per_ab", "per_a!"];
        let nodes: Vec<_> = ids.iter().map(|id| kg.g.add_node(node(id))).collect();
        let long = "x".repeat(60);
        let texts: [&str; 9] = ["a", "a b", "a!", "ab", "a\"b", "a\\", "a\n", "", &long];
        let numbers = [5u32, 50, 6, 0, 12345];
        let mut n = 0usize;
        for (i, &from) in nodes.iter().enumerate() {
            for (j, &to) in nodes.iter().enumerate() {
                for k in 0..12 {
                    n += 1;
                    let pick = |m: usize| (i * 7 + j * 3 + k * 5 + m) % 97;
                    let t = |m: usize| texts[pick(m) % texts.len()];
                    let num = |m: usize| numbers[pick(m) % numbers.len()];
                    let props = RelProps {
                        title: (k % 3 == 0).then(|| t(1).to_string()),
                        status: (k % 4 == 1).then_some(PositionStatus::Former),
                        on_behalf_of: (k % 5 == 2).then(|| t(2).to_string()),
                        lead: (k % 6 == 3).then_some(k % 2 == 0),
                        about: (k % 7 == 4).then(|| t(3).to_string()),
                    };
                    let edge = Edge::new(
                        if k % 2 == 0 {
                            RelType::MentionedIn
                        } else {
                            RelType::HoldsPosition
                        },
                        Edge::boxed(props),
                        (k % 3 != 1).then(|| num(4)),
                        (k % 8 != 5).then(|| EdgeEvidence {
                            doc: t(5).into(),
                            sentence: t(6).into(),
                            start: num(7),
                            end: num(8),
                            rule: ["r", "r.a", "r a"][pick(9) % 3].into(),
                        }),
                    );
                    kg.add_edge(from, to, edge);
                }
            }
        }
        assert_eq!(kg.edge_count(), n);
        let mut naive: Vec<(String, EdgeIndex)> = kg
            .edge_indices()
            .map(|e| (edge_json(&kg, e).unwrap().to_string(), e))
            .collect();
        naive.sort_by(|a, b| a.0.cmp(&b.0));
        let naive: Vec<EdgeIndex> = naive.into_iter().map(|(_, e)| e).collect();
        assert_eq!(sorted_edges(&View::new(&kg)).collect::<Vec<_>>(), naive);
        // Ties sorted again by the next bytes of their keys, never by their texts.
        let ordered = |small| {
            sorted_edges_with(&View::new(&kg), small)
                .into_iter()
                .map(|(_, e)| e)
                .collect::<Vec<_>>()
        };
        assert_eq!(ordered(1), naive);
        assert_eq!(ordered(usize::MAX), naive);
        // A bucket at a time: up to one bucket per edge, a few buckets, one.
        let view = View::new(&kg);
        for (small, bucket, many) in [(1, 1, true), (4, 7, true), (4, 50, true), (4, n, false)] {
            let sorted = SortedEdges::new(&view, small, bucket);
            assert_eq!(sorted.buckets > 1, many, "{bucket}");
            assert_eq!(sorted.collect::<Vec<_>>(), naive, "{small} {bucket}");
        }
        // Every field an edge can have has a code, in name order, below any digit.
        assert!(EDGE_FIELDS.windows(2).all(|w| w[0] < w[1]));
        let (mut fields, view) = (Vec::new(), View::new(&kg));
        let mut seen = std::collections::BTreeSet::new();
        for e in kg.edge_indices() {
            assert!(edge_fields(&view, e, &mut fields));
            seen.extend(fields.iter().map(|f| f.0));
            assert!(each_edge_field(&view, e, |code, name, _| {
                assert_eq!(code, field_code(name), "{name}");
                true
            }));
        }
        assert_eq!(seen.into_iter().collect::<Vec<_>>(), EDGE_FIELDS);
        assert!(
            EDGE_FIELDS
                .iter()
                .all(|f| (1..b'0').contains(&field_code(f)))
        );
    }

    /// The hand-written edge text is what serde_json makes of [`edge_json`].
    #[test]
    fn edge_text_is_serde_text() {
        let kg = crate::query::fixture::graph();
        let (mut fields, mut buf) = (Vec::new(), Vec::new());
        let view = View::new(&kg);
        for e in kg.edge_indices() {
            let v = edge_json(&kg, e).unwrap();
            assert!(edge_compact(&view, e, &mut fields, &mut buf));
            assert_eq!(String::from_utf8(buf.clone()).unwrap(), v.to_string());
            assert!(edge_pretty(&view, e, &mut fields, &mut buf));
            let pretty = serde_json::to_string_pretty(&v).unwrap();
            let indented: Vec<String> = pretty.lines().map(|l| format!("    {l}")).collect();
            assert_eq!(String::from_utf8(buf.clone()).unwrap(), indented.join("\n"));
        }
    }

    #[test]
    fn streamed_json_is_the_pretty_document() {
        let kg = crate::query::fixture::graph();
        assert!(kg.edge_count() > 0);
        let whole = serde_json::to_string_pretty(&to_json(&kg)).unwrap() + "\n";
        assert_eq!(streamed(&kg), whole);
        let empty = KnowledgeGraph::default();
        let whole = serde_json::to_string_pretty(&to_json(&empty)).unwrap() + "\n";
        assert_eq!(streamed(&empty), whole);
    }
}
