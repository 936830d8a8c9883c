//! `graph.graphml`: the graph for Gephi, yEd, NetworkX — with typed `<key>`s.
//!
//! GraphML has no list type, so `aliases` and `merged_by` are `;`-joined strings (as in the
//! CSV). Node labels are in `labels` (`Event;Signing`), the relationship type in `type`.
//! Every value is XML-escaped and characters XML 1.0 forbids are dropped ([`xml_escape`]).

use super::{Exporter, OutDir, OutDirError};
use crate::extract::TimeValue;
use crate::graph::{KnowledgeGraph, Node, NodeProps};

/// Escape text for an XML attribute or element; drop characters XML 1.0 does not allow.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
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
    out.push_str(&format!(
        "      <data key=\"{key}\">{}</data>\n",
        xml_escape(v)
    ));
}

fn node_data(n: &Node) -> Vec<(&'static str, String)> {
    let mut v = vec![
        (
            "n_labels",
            match &n.props {
                NodeProps::Event { kind, .. } => format!("Event;{}", kind.as_str()),
                _ => n.label.as_str().to_string(),
            },
        ),
        ("n_name", n.name.clone()),
    ];
    if !n.aliases.is_empty() {
        v.push((
            "n_aliases",
            n.aliases.iter().cloned().collect::<Vec<_>>().join(";"),
        ));
    }
    v.push(("n_mentions", n.mentions.to_string()));
    if !n.merged_by.is_empty() {
        v.push((
            "n_merged_by",
            n.merged_by.iter().cloned().collect::<Vec<_>>().join(";"),
        ));
    }
    match &n.props {
        NodeProps::Document {
            path,
            title,
            published,
        } => {
            v.push(("n_path", path.clone()));
            if let Some(t) = title {
                v.push(("n_title", t.clone()));
            }
            if let Some(p) = published {
                v.push(("n_published", p.to_string()));
            }
        }
        NodeProps::Organization { kind } => v.push(("n_kind", kind.as_str().to_string())),
        NodeProps::Amount { money, text } => {
            v.push(("n_value", money.value.to_string()));
            if let Some(x) = money.min {
                v.push(("n_min", x.to_string()));
            }
            if let Some(x) = money.max {
                v.push(("n_max", x.to_string()));
            }
            v.push(("n_currency", money.currency.clone()));
            v.push(("n_qualifier", money.qualifier.as_str().to_string()));
            v.push(("n_text", text.clone()));
        }
        NodeProps::Event {
            kind,
            date,
            location,
        } => {
            v.push(("n_kind", kind.as_str().to_string()));
            match date {
                Some(TimeValue::Date {
                    date,
                    precision,
                    end,
                }) => {
                    v.push(("n_date", date.to_string()));
                    v.push(("n_date_precision", precision.as_str().to_string()));
                    if let Some(e) = end {
                        v.push(("n_end_date", e.to_string()));
                    }
                }
                Some(TimeValue::Period { text }) => v.push(("n_period", text.clone())),
                None => {}
            }
            if let Some(l) = location {
                v.push(("n_location", l.clone()));
            }
        }
        NodeProps::Person | NodeProps::Role | NodeProps::Location => {}
    }
    v.retain(|(_, s)| s.as_str() != "NaN" && s.as_str() != "inf" && s.as_str() != "-inf");
    v
}

/// The GraphML text of a graph (nodes by id, edges by endpoints and id).
pub fn render(kg: &KnowledgeGraph) -> String {
    let mut buf = Vec::new();
    // Writing into a Vec cannot fail, and every piece written is a `&str`.
    let _ = render_to(kg, &mut buf);
    String::from_utf8(buf).unwrap_or_default()
}

/// The `<data>` lines of one edge.
fn edge_body(kg: &KnowledgeGraph, e: petgraph::graph::EdgeIndex) -> String {
    let w = &kg.g[e];
    let mut body = String::new();
    data(&mut body, "e_type", w.rel.as_str());
    let p = &w.props;
    let opts: [(&str, Option<String>); 6] = [
        ("e_title", p.title.clone()),
        ("e_status", p.status.map(|x| x.as_str().to_string())),
        ("e_on_behalf_of", p.on_behalf_of.clone()),
        ("e_lead", p.lead.map(|x| x.to_string())),
        ("e_about", p.about.clone()),
        ("e_count", w.count.map(|x| x.to_string())),
    ];
    for (k, v) in opts {
        if let Some(v) = v {
            data(&mut body, k, &v);
        }
    }
    if let Some(ev) = &w.evidence {
        data(&mut body, "e_doc", &ev.doc);
        data(&mut body, "e_sentence", &ev.sentence);
        data(&mut body, "e_start", &ev.start.to_string());
        data(&mut body, "e_end", &ev.end.to_string());
        data(&mut body, "e_rule", ev.rule);
    }
    body
}

/// Write the GraphML text of a graph piece by piece (edges are sorted by their keys only; the
/// text of each edge is made as it is written).
pub fn render_to(kg: &KnowledgeGraph, w: &mut dyn std::io::Write) -> std::io::Result<()> {
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
        let mut s = format!("    <node id=\"{}\">\n", xml_escape(&n.id));
        for (k, v) in node_data(n) {
            data(&mut s, k, &v);
        }
        s.push_str("    </node>\n");
        w.write_all(s.as_bytes())?;
    }
    let mut edges: Vec<(&str, &str, String, petgraph::graph::EdgeIndex)> =
        kg.g.edge_indices()
            .filter_map(|e| {
                let (a, b) = kg.g.edge_endpoints(e)?;
                Some((
                    kg.g[a].id.as_str(),
                    kg.g[b].id.as_str(),
                    super::neo4j_csv::edge_id(kg, e),
                    e,
                ))
            })
            .collect();
    // Ordered by (source, target, id, text), the text compared only on a tie.
    edges.sort_by(|x, y| {
        (x.0, x.1, &x.2)
            .cmp(&(y.0, y.1, &y.2))
            .then_with(|| edge_body(kg, x.3).cmp(&edge_body(kg, y.3)))
    });
    for (a, b, id, e) in edges {
        write!(
            w,
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\">\n{}    </edge>\n",
            xml_escape(&id),
            xml_escape(a),
            xml_escape(b),
            edge_body(kg, e)
        )?;
    }
    w.write_all(b"  </graph>\n</graphml>\n")
}

/// The GraphML exporter.
pub struct GraphmlExporter;

impl Exporter for GraphmlExporter {
    fn name(&self) -> &'static str {
        "graphml"
    }
    fn write(&self, kg: &KnowledgeGraph, out: &OutDir) -> Result<(), OutDirError> {
        out.write_with("graph.graphml", |w| render_to(kg, w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_forbidden_chars() {
        assert_eq!(
            xml_escape("a<b>&\"c\"'d'\u{0001}\ne"),
            "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;&#10;e"
        );
    }
}
