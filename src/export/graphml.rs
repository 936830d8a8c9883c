//! `graph.graphml`: the graph for Gephi, yEd, NetworkX — with typed `<key>`s.
//!
//! GraphML has no list type, so `aliases` and `merged_by` are `;`-joined strings (as in the
//! CSV). Node labels are in `labels` (`Event;Signing`), the relationship type in `type`.
//! Every value is XML-escaped and characters XML 1.0 forbids are dropped ([`xml_escape`]).

use std::borrow::Cow;

use super::{Exporter, OutDir, OutDirError, View};
use crate::extract::TimeValue;
use crate::graph::{KnowledgeGraph, Node, NodeProps};

/// Escape text for an XML attribute or element; drop characters XML 1.0 does not allow.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s);
    out
}

/// Does the text hold U+FFFE or U+FFFF (`EF BF BE`, `EF BF BF`)? Tested in blocks, like
/// [`super::any_byte`] (full-width punctuation starts with `EF` too, so that byte alone says
/// little in Chinese text).
pub(crate) fn has_nonchar(s: &[u8]) -> bool {
    if s.len() < 3 {
        return false;
    }
    let n = s.len() - 2;
    let (a, b, c) = (&s[..n], &s[1..n + 1], &s[2..]);
    let hit = |x: u8, y: u8, z: u8| (x == 0xEF) & (y == 0xBF) & (z >= 0xBE);
    let (mut ia, mut ib, mut ic) = (a.chunks_exact(32), b.chunks_exact(32), c.chunks_exact(32));
    for ((x, y), z) in (&mut ia).zip(&mut ib).zip(&mut ic) {
        let mut acc = false;
        for i in 0..32 {
            acc |= hit(x[i], y[i], z[i]);
        }
        if acc {
            return true;
        }
    }
    let (x, y, z) = (ia.remainder(), ib.remainder(), ic.remainder());
    (0..x.len()).any(|i| hit(x[i], y[i], z[i]))
}

/// Append `s` escaped as by [`xml_escape`]. Text without any byte that needs care (the usual
/// case) is copied in one piece; otherwise the runs between the bytes that need care are.
fn push_escaped(out: &mut String, s: &str) {
    // Every character handled below is one of these bytes, or U+FFFE/U+FFFF.
    // `|`, not `||`: without branches the block test becomes vector instructions.
    let special =
        |b: u8| (b < 0x20) | (b == b'&') | (b == b'<') | (b == b'>') | (b == b'"') | (b == b'\'');
    let b = s.as_bytes();
    if !super::any_byte(b, special) && !has_nonchar(b) {
        out.push_str(s);
        return;
    }
    // `run..i` is text still to copy; `run` and `i` are always at a character boundary (an
    // ASCII byte or the lead byte `EF` of U+FFFE/U+FFFF ends a run).
    super::escape_runs(out, s, |b, i| match b[i] {
        b'&' => Some(("&amp;", 1)),
        b'<' => Some(("&lt;", 1)),
        b'>' => Some(("&gt;", 1)),
        b'"' => Some(("&quot;", 1)),
        b'\'' => Some(("&apos;", 1)),
        b'\t' => Some(("&#9;", 1)),
        b'\n' => Some(("&#10;", 1)),
        b'\r' => Some(("&#13;", 1)),
        x if x < 0x20 => Some(("", 1)),
        0xEF if b.get(i + 1) == Some(&0xBF) && b.get(i + 2).is_some_and(|&z| z >= 0xBE) => {
            Some(("", 3))
        }
        _ => None,
    });
}

/// (id, for, attr.name, attr.type) of every key.
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("n_labels", "node", "labels", "string"),
    ("n_name", "node", "name", "string"),
    ("n_aliases", "node", "aliases", "string"),
    ("n_mentions", "node", "mentions", "int"),
    ("n_merged_by", "node", "merged_by", "string"),
    ("n_kind", "node", "kind", "string"),
    ("n_path", "node", "path", "string"),
    ("n_title", "node", "title", "string"),
    ("n_published", "node", "published", "string"),
    ("n_value", "node", "value", "double"),
    ("n_min", "node", "min", "double"),
    ("n_max", "node", "max", "double"),
    ("n_currency", "node", "currency", "string"),
    ("n_qualifier", "node", "qualifier", "string"),
    ("n_text", "node", "text", "string"),
    ("n_date", "node", "date", "string"),
    ("n_date_precision", "node", "date_precision", "string"),
    ("n_end_date", "node", "end_date", "string"),
    ("n_period", "node", "period", "string"),
    ("n_location", "node", "location", "string"),
    ("e_type", "edge", "type", "string"),
    ("e_title", "edge", "title", "string"),
    ("e_status", "edge", "status", "string"),
    ("e_on_behalf_of", "edge", "on_behalf_of", "string"),
    ("e_lead", "edge", "lead", "boolean"),
    ("e_about", "edge", "about", "string"),
    ("e_count", "edge", "count", "int"),
    ("e_doc", "edge", "doc", "string"),
    ("e_sentence", "edge", "sentence", "string"),
    ("e_start", "edge", "start", "int"),
    ("e_end", "edge", "end", "int"),
    ("e_rule", "edge", "rule", "string"),
];

fn data(out: &mut String, key: &str, v: &str) {
    out.push_str("      <data key=\"");
    out.push_str(key);
    out.push_str("\">");
    push_escaped(out, v);
    out.push_str("</data>\n");
}

/// The `<data>` values of a node (borrowed where the node holds the text; issue 8).
fn node_data(n: &Node) -> Vec<(&'static str, Cow<'_, str>)> {
    let mut v = vec![
        (
            "n_labels",
            match &n.props {
                NodeProps::Event(e) => format!("Event;{}", e.kind.as_str()).into(),
                _ => n.label.as_str().into(),
            },
        ),
        ("n_name", n.name.as_str().into()),
    ];
    if !n.aliases().is_empty() {
        v.push((
            "n_aliases",
            n.aliases()
                .iter()
                .cloned()
                .collect::<Vec<_>>()
                .join(";")
                .into(),
        ));
    }
    v.push(("n_mentions", n.mentions.to_string().into()));
    if !n.merged_by().is_empty() {
        v.push((
            "n_merged_by",
            n.merged_by()
                .iter()
                .cloned()
                .collect::<Vec<_>>()
                .join(";")
                .into(),
        ));
    }
    match &n.props {
        NodeProps::Document(d) => {
            let (path, title, published) = (&d.path, &d.title, &d.published);
            v.push(("n_path", path.as_str().into()));
            if let Some(t) = title {
                v.push(("n_title", t.as_str().into()));
            }
            if let Some(p) = published {
                v.push(("n_published", p.to_string().into()));
            }
        }
        NodeProps::Organization { kind } => v.push(("n_kind", kind.as_str().into())),
        NodeProps::Amount(a) => {
            let (money, text) = (&a.money, &a.text);
            let num = |x: f64| {
                let mut t = String::new();
                let _ = crate::graph::write_f64(&mut t, x, false);
                t
            };
            v.push(("n_value", num(money.value).into()));
            if let Some(x) = money.min {
                v.push(("n_min", num(x).into()));
            }
            if let Some(x) = money.max {
                v.push(("n_max", num(x).into()));
            }
            v.push(("n_currency", money.currency.as_str().into()));
            v.push(("n_qualifier", money.qualifier.as_str().into()));
            v.push(("n_text", text.as_str().into()));
        }
        NodeProps::Event(e) => {
            let (kind, date, location) = (&e.kind, &e.date, &e.location);
            v.push(("n_kind", kind.as_str().into()));
            match date {
                Some(TimeValue::Date {
                    date,
                    precision,
                    end,
                }) => {
                    v.push(("n_date", date.to_string().into()));
                    v.push(("n_date_precision", precision.as_str().into()));
                    if let Some(e) = end {
                        v.push(("n_end_date", e.to_string().into()));
                    }
                }
                Some(TimeValue::Period { text }) => v.push(("n_period", text.as_str().into())),
                None => {}
            }
            if let Some(l) = location {
                v.push(("n_location", l.as_str().into()));
            }
        }
        NodeProps::Person | NodeProps::Role | NodeProps::Location => {}
    }
    v.retain(|(_, s)| s != "NaN" && s != "inf" && s != "-inf");
    v
}

/// The GraphML text of a graph (nodes by id, edges by endpoints and id).
pub fn render(kg: &KnowledgeGraph) -> String {
    let mut buf = Vec::new();
    // Writing into a Vec cannot fail, and every piece written is a `&str`.
    let _ = render_to(&View::new(kg), &mut buf);
    String::from_utf8(buf).unwrap_or_default()
}

/// The `<data>` lines of one edge.
fn edge_body(view: &View, e: petgraph::graph::EdgeIndex) -> String {
    let mut body = String::new();
    edge_body_into(view, e, &mut body);
    body
}

/// The `<data>` lines of one edge, appended to `body`.
fn edge_body_into(view: &View, e: petgraph::graph::EdgeIndex, body: &mut String) {
    let w = &view.edge(e);
    data(body, "e_type", w.rel.as_str());
    let p = w.props();
    if let Some(v) = &p.title {
        data(body, "e_title", v);
    }
    if let Some(v) = p.status {
        data(body, "e_status", v.as_str());
    }
    if let Some(v) = &p.on_behalf_of {
        data(body, "e_on_behalf_of", v);
    }
    if let Some(v) = p.lead {
        data(body, "e_lead", if v { "true" } else { "false" });
    }
    if let Some(v) = &p.about {
        data(body, "e_about", v);
    }
    // Numbers need no escaping.
    let mut digits = super::neo4j_csv::Decimal::default();
    let mut num = |body: &mut String, key: &str, n: u64| {
        body.push_str("      <data key=\"");
        body.push_str(key);
        body.push_str("\">");
        // Only ASCII digits.
        body.push_str(std::str::from_utf8(digits.format(n)).unwrap_or_default());
        body.push_str("</data>\n");
    };
    if let Some(v) = w.count() {
        num(body, "e_count", v.into());
    }
    if let Some(ev) = &w.evidence {
        data(body, "e_doc", ev.doc);
        let plain = view.plain(e);
        ev.with_sentence(|sentence| {
            if plain {
                // Nothing to escape (tested once per sentence).
                body.push_str("      <data key=\"e_sentence\">");
                body.push_str(sentence);
                body.push_str("</data>\n");
            } else {
                data(body, "e_sentence", sentence);
            }
        });
        num(body, "e_start", ev.start as u64);
        num(body, "e_end", ev.end as u64);
        data(body, "e_rule", ev.rule.as_str());
    }
}

/// Write the GraphML text of a graph piece by piece (edges are sorted by their keys only; the
/// text of each edge is made as it is written).
pub fn render_to(view: &View, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let kg = view.kg;
    w.write_all(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
            .as_bytes(),
    )?;
    for (id, f, name, ty) in KEYS {
        writeln!(
            w,
            "  <key id=\"{id}\" for=\"{f}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        )?;
    }
    w.write_all(b"  <graph id=\"kgextract\" edgedefault=\"directed\">\n")?;
    let mut nodes: Vec<&Node> = kg.g.node_weights().collect();
    nodes.sort_by(|a, b| a.id.cmp(&b.id));
    for n in nodes {
        let mut s = String::from("    <node id=\"");
        push_escaped(&mut s, &n.id);
        s.push_str("\">\n");
        for (k, v) in node_data(n) {
            data(&mut s, k, &v);
        }
        s.push_str("    </node>\n");
        w.write_all(s.as_bytes())?;
    }
    // Ordered by (source, target, id, text): node ranks and id hashes order as the ids
    // ([`super::neo4j_csv::for_each_by_ends_and_id`]: 12 bytes per edge of petgraph's, the
    // MENTIONED_IN list read in place), and the text is made only for edges that tie on all
    // three. The edge index, last in the key, keeps ties in edge order as a stable sort did.
    let ix = |k: &[u32; 3]| petgraph::graph::EdgeIndex::new(k[2] as usize);
    let mut s = String::new();
    let mut hashes: Vec<u64> = Vec::new();
    super::neo4j_csv::for_each_by_ends_and_id(
        view,
        |_| true,
        |group| -> std::io::Result<()> {
            // Each edge's id hash is made once here (the view keeps no table of them).
            hashes.clear();
            hashes.extend(group.iter().map(|k| view.edge_hash(ix(k))));
            if group.len() > 1 {
                let mut at = 0;
                for run in hashes.chunk_by(|x, y| x == y) {
                    if run.len() > 1 {
                        group[at..at + run.len()].sort_by_cached_key(|k| edge_body(view, ix(k)));
                    }
                    at += run.len();
                }
            }
            for (k, &h) in group.iter().zip(&hashes) {
                let e = ix(k);
                let Some((a, b)) = view.edge_endpoints(e) else {
                    continue;
                };
                let (a, b) = (kg.g[a].id.as_str(), kg.g[b].id.as_str());
                s.clear();
                s.push_str("    <edge id=\"");
                push_escaped(&mut s, super::neo4j_csv::EdgeId::of(h).as_str());
                s.push_str("\" source=\"");
                push_escaped(&mut s, a);
                s.push_str("\" target=\"");
                push_escaped(&mut s, b);
                s.push_str("\">\n");
                edge_body_into(view, e, &mut s);
                s.push_str("    </edge>\n");
                w.write_all(s.as_bytes())?;
            }
            Ok(())
        },
    )?;
    w.write_all(b"  </graph>\n</graphml>\n")
}

/// The GraphML exporter.
pub struct GraphmlExporter;

impl Exporter for GraphmlExporter {
    fn name(&self) -> &'static str {
        "graphml"
    }
    fn write(&self, view: &View, out: &OutDir) -> Result<(), OutDirError> {
        out.write_with("graph.graphml", |w| render_to(view, w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The run-copying escape is the character-by-character one it replaced.
    #[test]
    fn escape_is_char_by_char_escape() {
        fn reference(s: &str) -> String {
            let mut out = String::new();
            for c in s.chars() {
                match c {
                    '&' => out.push_str("&amp;"),
                    '<' => out.push_str("&lt;"),
                    '>' => out.push_str("&gt;"),
                    '"' => out.push_str("&quot;"),
                    '\'' => out.push_str("&apos;"),
                    '\t' => out.push_str("&#9;"),
                    '\n' => out.push_str("&#10;"),
                    '\r' => out.push_str("&#13;"),
                    c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
                    c => out.push(c),
                }
            }
            out
        }
        let pieces = [
            "",
            "a",
            "&",
            "<",
            ">",
            "\"",
            "'",
            "\t",
            "\n",
            "\r",
            "\u{1}",
            "\u{1f}",
            "\u{7f}",
            "\u{fffe}",
            "\u{ffff}",
            "\u{fffd}",
            "\u{fefe}",
            "，",
            "华为",
            "·",
            "\u{10ffff}",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let s = format!("{a}{b}x{c}{a}");
                    assert_eq!(xml_escape(&s), reference(&s), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn escapes_markup_and_drops_forbidden_chars() {
        assert_eq!(
            xml_escape("a<b>&\"c\"'d'\u{0001}\ne"),
            "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;&#10;e"
        );
        // Full-width punctuation (`EF BC 8C`) is kept; U+FFFE/U+FFFF go, wherever they are.
        let long = "，".repeat(40);
        assert_eq!(xml_escape(&long), long);
        for bad in ['\u{FFFE}', '\u{FFFF}'] {
            for at in [0, 1, 17, 40] {
                let mut t: Vec<char> = long.chars().collect();
                t.insert(at, bad);
                let t: String = t.into_iter().collect();
                assert_eq!(xml_escape(&t), long, "{bad:?} at {at}");
            }
        }
    }
}
