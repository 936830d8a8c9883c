//! `graph.dot` (+ `graph.svg` when Graphviz `dot` is on PATH): a readable relationship diagram.
//!
//! - one shape and colour per label, a legend cluster, the CJK font `Noto Sans CJK SC`;
//! - one cluster per document holding the entities only that document mentions; entities of
//!   several documents sit outside the clusters, so shared entities are easy to spot (up to
//!   [`MAX_DOC_CLUSTERS`] documents: Graphviz fails on more);
//! - `dot` is stopped after [`DOT_TIMEOUT_SECS`]: the run never hangs on a layout;
//! - edges carry the relationship type and its title / about / on-behalf-of, and the evidence
//!   sentence as tooltip (hover in the SVG);
//! - Document nodes and MENTIONED_IN edges are not drawn: the clusters show them;
//! - `--focus NAME --depth N` draws only the entities within N relationships of NAME.
//!
//! Escaping is ours, not petgraph's `Dot` (which does not escape attributes you add): every
//! attribute value goes through [`quote`], which escapes `"` and `\` and turns line breaks
//! into `\n`, so no name can break the file.

use std::collections::VecDeque;
use std::path::Path;
use std::process::Command;

use petgraph::Direction;
use petgraph::graph::NodeIndex;

use super::{ExportOptions, Exporter, OutDir, OutDirError, View};
use crate::extract::{RelType, TimeValue};
use crate::graph::{KnowledgeGraph, Node, NodeLabel, NodeProps};

/// The font used for every label (installed by `fonts-noto-cjk`).
pub const FONT: &str = "Noto Sans CJK SC";

/// A DOT double-quoted string: `"` and `\` escaped, CR/LF as `\n`, other control chars dropped.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    escape_into(&mut out, s);
    out.push('"');
    out
}

/// Append `s` escaped as inside [`quote`]'s quotes. Text with no byte that needs care (a quote,
/// a backslash, a control character: below 0x20, 0x7F, or U+0080–U+009F, which start with
/// 0xC2) is copied in one piece (issue 8).
fn escape_into(out: &mut String, s: &str) {
    let b = s.as_bytes();
    if !super::any_byte(b, |b| {
        (b < 0x20) | (b == b'"') | (b == b'\\') | (b == 0x7F) | (b == 0xC2)
    }) {
        out.push_str(s);
        return;
    }
    // The runs between the characters that need care are copied whole; `run` and `i` are
    // always at a character boundary (an ASCII byte, or the lead byte `C2` of U+0080–U+009F,
    // the C1 controls; `·` and the rest of U+00A0–U+00BF are copied).
    super::escape_runs(out, s, |b, i| match b[i] {
        b'"' => Some(("\\\"", 1)),
        b'\\' => Some(("\\\\", 1)),
        b'\r' if b.get(i + 1) == Some(&b'\n') => Some(("\\n", 2)),
        b'\r' | b'\n' => Some(("\\n", 1)),
        x if x < 0x20 || x == 0x7F => Some((" ", 1)),
        0xC2 if b.get(i + 1).is_some_and(|&n| n < 0xA0) => Some((" ", 2)),
        _ => None,
    });
}

/// Several lines as one DOT label (each line escaped, joined by `\n`).
fn lines(ls: &[String]) -> String {
    let mut out = String::from("\"");
    let mut first = true;
    for l in ls.iter().filter(|l| !l.is_empty()) {
        if !first {
            out.push_str("\\n");
        }
        first = false;
        escape_into(&mut out, l);
    }
    out.push('"');
    out
}

/// Shape and fill colour of a label.
pub fn style(label: NodeLabel) -> (&'static str, &'static str) {
    match label {
        NodeLabel::Person => ("ellipse", "#cfe2ff"),
        NodeLabel::Organization => ("box", "#ffe0b2"),
        NodeLabel::Role => ("note", "#dcedc8"),
        NodeLabel::Location => ("house", "#e1bee7"),
        NodeLabel::Amount => ("hexagon", "#fff59d"),
        NodeLabel::Event => ("octagon", "#ffcdd2"),
        NodeLabel::Document => ("folder", "#eeeeee"),
    }
}

fn truncate(s: &str, n: usize) -> String {
    // A text of at most `n` bytes has at most `n` characters.
    if s.len() <= n || s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n).collect::<String>() + "…"
    }
}

fn node_lines(n: &Node) -> Vec<String> {
    let mut v = vec![truncate(&n.name, 40)];
    match &n.props {
        NodeProps::Event(e) => {
            let (kind, date, location) = (&e.kind, &e.date, &e.location);
            let when = match date {
                Some(TimeValue::Date { date, end, .. }) => match end {
                    Some(e) => format!("{date}–{e}"),
                    None => date.to_string(),
                },
                Some(TimeValue::Period { text }) => text.clone(),
                None => String::new(),
            };
            v.push(
                [
                    kind.as_str().to_string(),
                    when,
                    location.clone().unwrap_or_default(),
                ]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · "),
            );
        }
        NodeProps::Amount(a) => {
            let money = &a.money;
            v.push(format!(
                "{} {} ({})",
                money.value,
                money.currency,
                money.qualifier.as_str()
            ));
        }
        NodeProps::Organization { kind } => v.push(format!("Organization · {}", kind.as_str())),
        _ => v.push(n.label.as_str().to_string()),
    }
    v
}

fn edge_lines(kg: &KnowledgeGraph, e: petgraph::graph::EdgeIndex) -> Vec<String> {
    let w = &kg.edge(e);
    let mut v = vec![w.rel.as_str().to_string()];
    if let Some(t) = &w.props().title {
        v.push(if w.rel == RelType::SpokeAt {
            format!("《{}》", truncate(t, 24))
        } else {
            truncate(t, 24)
        });
    }
    if let Some(s) = w.props().status
        && s != crate::extract::PositionStatus::Current
    {
        v.push(s.as_str().to_string());
    }
    if let Some(a) = &w.props().about {
        v.push(truncate(a, 24));
    }
    if let Some(o) = &w.props().on_behalf_of {
        v.push(format!("for {}", truncate(o, 24)));
    }
    if w.props().lead == Some(true) {
        v.push("lead".into());
    }
    v
}

/// The nodes to draw, by node index: all (minus documents), or the neighbourhood of `focus`
/// (a flag a node: issue 8, a set of node indices was ≈ 10 bytes a node at the peak of the
/// export).
fn selection(kg: &KnowledgeGraph, opts: &ExportOptions) -> Result<Vec<bool>, String> {
    let drawable = |ix: NodeIndex| kg.g[ix].label != NodeLabel::Document;
    let Some(focus) = &opts.focus else {
        return Ok(kg.g.node_indices().map(drawable).collect());
    };
    let fk = crate::link::key(focus);
    let mut starts: Vec<NodeIndex> =
        kg.g.node_indices()
            .filter(|&i| {
                let n = &kg.g[i];
                n.id == *focus
                    || crate::link::key(&n.name) == fk
                    || n.aliases().iter().any(|a| crate::link::key(a) == fk)
            })
            .filter(|&i| drawable(i))
            .collect();
    starts.sort_by(|a, b| kg.g[*a].id.cmp(&kg.g[*b].id));
    if starts.is_empty() {
        let mut near: Vec<&str> =
            kg.g.node_weights()
                .filter(|n| {
                    n.label != NodeLabel::Document
                        && (crate::link::key(&n.name).contains(&fk)
                            || fk.contains(&crate::link::key(&n.name)))
                })
                .map(|n| n.name.as_str())
                .collect();
        near.sort();
        near.dedup();
        near.truncate(5);
        return Err(if near.is_empty() {
            format!("--focus {focus:?}: no entity of that name in the graph")
        } else {
            format!(
                "--focus {focus:?}: no entity of that name in the graph; did you mean {}?",
                near.join(", ")
            )
        });
    }
    let mut seen = vec![false; kg.g.node_count()];
    for s in &starts {
        seen[s.index()] = true;
    }
    let mut q: VecDeque<(NodeIndex, usize)> = starts.into_iter().map(|s| (s, 0)).collect();
    while let Some((ix, d)) = q.pop_front() {
        if d >= opts.depth {
            continue;
        }
        for dir in [Direction::Outgoing, Direction::Incoming] {
            for e in kg.edges_directed(ix, dir) {
                if e.weight().rel == RelType::MentionedIn {
                    continue;
                }
                let other = if e.source() == ix {
                    e.target()
                } else {
                    e.source()
                };
                if drawable(other) && !seen[other.index()] {
                    seen[other.index()] = true;
                    q.push_back((other, d + 1));
                }
            }
        }
    }
    Ok(seen)
}

/// Whether `focus` names an entity of the graph; the error says what was meant, if it can.
pub fn check_focus(kg: &KnowledgeGraph, focus: &str) -> Result<(), String> {
    let opts = ExportOptions {
        focus: Some(focus.to_string()),
        depth: 0,
        ..ExportOptions::default()
    };
    selection(kg, &opts).map(|_| ())
}

/// The DOT text of a graph.
pub fn render(kg: &KnowledgeGraph, opts: &ExportOptions) -> Result<String, String> {
    let sel = selection(kg, opts)?;
    let mut buf = Vec::new();
    // Writing into a Vec cannot fail, and every piece written is a `&str`.
    let _ = render_to(&View::new(kg), opts, &sel, &mut buf);
    Ok(String::from_utf8(buf).unwrap_or_default())
}

/// An edge's tooltip — its evidence sentence, document and rule, at most 300 characters —
/// quoted, appended to `s`. `plain`: the sentence is [`super::plain_text`].
fn tip_into(s: &mut String, w: &crate::graph::EdgeView, plain: bool) {
    let Some(ev) = &w.evidence else {
        s.push_str("\"\"");
        return;
    };
    // " (", " · ", ")": 7 bytes; at most 300 bytes is at most 300 characters (no cut). The
    // middle dot needs no escaping, though `escape_into` takes its slow path for it.
    let simple = |t: &str| {
        !super::any_byte(t.as_bytes(), |b| {
            (b < 0x20) | (b == b'"') | (b == b'\\') | (b == 0x7F) | (b == 0xC2)
        })
    };
    ev.with_sentence(|sentence| {
        if plain
            && sentence.len() + ev.doc.len() + ev.rule.len() + 7 <= 300
            && simple(ev.doc)
            && simple(ev.rule.as_str())
        {
            s.push('"');
            s.push_str(sentence);
            s.push_str(" (");
            s.push_str(ev.doc);
            s.push_str(" · ");
            s.push_str(ev.rule.as_str());
            s.push_str(")\"");
        } else {
            let tip = format!("{} ({} · {})", sentence, ev.doc, ev.rule);
            s.push('"');
            escape_into(s, &truncate(&tip, 300));
            s.push('"');
        }
    })
}

/// Write the DOT text of the nodes `sel` (flags by node index) and the edges between them
/// piece by piece (no document is built in memory; edges are sorted by their endpoints' ranks
/// and only ties are compared by label and tooltip text).
fn render_to(
    view: &View,
    opts: &ExportOptions,
    sel: &[bool],
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let kg = view.kg;
    let selected = |ix: NodeIndex| sel.get(ix.index()).copied().unwrap_or(false);
    // The one document of each node (from MENTIONED_IN): its node index, or [`NO_DOC`] /
    // [`MANY_DOCS`] (4 bytes a node; issue 8).
    const NO_DOC: u32 = u32::MAX;
    const MANY_DOCS: u32 = u32::MAX - 1;
    let mut docs_of = vec![NO_DOC; kg.g.node_count()];
    for e in kg.edge_indices() {
        if kg.edge_rel(e) != Some(RelType::MentionedIn) {
            continue;
        }
        if let Some((a, b)) = view.edge_endpoints(e) {
            let d = &mut docs_of[a.index()];
            *d = match *d {
                NO_DOC => b.index() as u32,
                MANY_DOCS => MANY_DOCS,
                x if kg.g[NodeIndex::new(x as usize)].id == kg.g[b].id => x,
                _ => MANY_DOCS,
            };
        }
    }
    let one_doc = |i: usize| Some(docs_of[i]).filter(|&d| d < MANY_DOCS);
    // The drawn nodes of one document, grouped by its id and in node order within a group:
    // (the rank of the document's id, the node) packed in 8 bytes and sorted — ranks order
    // as the ids, and equal ids have equal ranks (issue 8: a map from each document id to a
    // vector of its nodes was the peak of the export at 200 MB of input). The nodes of no
    // document or of several are drawn after them, in node order.
    let mut by_doc: Vec<u64> = (0..sel.len())
        .filter(|&i| sel[i])
        .filter_map(|i| {
            let d = one_doc(i)?;
            Some((u64::from(view.rank(NodeIndex::new(d as usize))) << 32) | i as u64)
        })
        .collect();
    by_doc.sort_unstable();
    let node_of = |k: u64| NodeIndex::new((k & u64::from(u32::MAX)) as usize);
    let doc_groups = || by_doc.chunk_by(|a, b| a >> 32 == b >> 32);
    // Appended piece by piece (no `format!` and no quoted copies per node; issue 8).
    let node_stmt = |s: &mut String, n: &Node, indent: &str| {
        let (shape, color) = style(n.label);
        let mut tip = String::with_capacity(n.name.len() + 16);
        tip.push_str(n.label.as_str());
        tip.push(' ');
        tip.push_str(&n.name);
        if !n.aliases().is_empty() {
            tip.push_str(" (aliases: ");
            for (i, a) in n.aliases().iter().enumerate() {
                if i > 0 {
                    tip.push_str(", ");
                }
                tip.push_str(a);
            }
            tip.push(')');
        }
        s.push_str(indent);
        s.push('"');
        escape_into(s, &n.id);
        s.push_str("\" [label=");
        s.push_str(&lines(&node_lines(n)));
        s.push_str(", shape=");
        s.push_str(shape);
        s.push_str(", fillcolor=\"");
        escape_into(s, color);
        s.push_str("\", tooltip=\"");
        escape_into(s, &tip);
        s.push_str("\"];\n");
    };
    let mut s = String::new();
    s.push_str("digraph kgextract {\n");
    s.push_str(&format!(
        "  graph [charset=\"UTF-8\", rankdir=LR, fontname={f}, fontsize=12, labelloc=t, label={}, newrank=true];\n",
        quote(&match &opts.focus {
            Some(f) => format!("kgextract: neighbourhood of {f} (depth {})", opts.depth),
            None => "kgextract knowledge graph".to_string(),
        }),
        f = quote(FONT)
    ));
    s.push_str(&format!(
        "  node [fontname={f}, fontsize=11, style=\"filled\", penwidth=1];\n  edge [fontname={f}, fontsize=9, color=\"#555555\"];\n",
        f = quote(FONT)
    ));
    // Legend.
    s.push_str(
        "  subgraph cluster_legend {\n    label=\"Legend\"; style=dashed; color=\"#999999\";\n",
    );
    let mut prev: Option<String> = None;
    for l in NodeLabel::ALL {
        if l == NodeLabel::Document {
            continue;
        }
        let (shape, color) = style(l);
        let id = format!("legend_{}", l.as_str());
        s.push_str(&format!(
            "    {} [label={}, shape={shape}, fillcolor={}];\n",
            quote(&id),
            quote(l.as_str()),
            quote(color)
        ));
        if let Some(p) = prev {
            s.push_str(&format!(
                "    {} -> {} [style=invis];\n",
                quote(&p),
                quote(&id)
            ));
        }
        prev = Some(id);
    }
    s.push_str("  }\n");
    w.write_all(s.as_bytes())?;
    // (beyond MAX_DOC_CLUSTERS documents the groups are plain subgraphs: no box is drawn)
    let prefix = if doc_groups().count() <= MAX_DOC_CLUSTERS {
        "cluster_doc_"
    } else {
        "doc_"
    };
    for (i, nodes) in doc_groups().enumerate() {
        s.clear();
        let first = node_of(nodes[0]).index();
        let doc = kg.g[NodeIndex::new(docs_of[first] as usize)].id.as_str();
        let title = kg.node(doc).map_or(doc, |d| d.name.as_str());
        s.push_str(&format!(
            "  subgraph {prefix}{i} {{\n    label={}; style=rounded; color=\"#90a4ae\";\n",
            quote(&truncate(title, 60))
        ));
        for &k in nodes {
            node_stmt(&mut s, &kg.g[node_of(k)], "    ");
        }
        s.push_str("  }\n");
        w.write_all(s.as_bytes())?;
    }
    for i in (0..sel.len()).filter(|&i| sel[i] && one_doc(i).is_none()) {
        s.clear();
        node_stmt(&mut s, &kg.g[NodeIndex::new(i)], "  ");
        w.write_all(s.as_bytes())?;
    }
    drop((by_doc, docs_of));
    // Edges by (source id, target id, label, tooltip): ranks order as the ids; the texts are
    // made for the edges that tie on both ends only.
    let mut edges: Vec<(u32, u32, u32)> = Vec::new();
    for e in kg.edge_indices() {
        if kg.edge_rel(e) == Some(RelType::MentionedIn) {
            continue;
        }
        let Some((a, b)) = view.edge_endpoints(e) else {
            continue;
        };
        if !selected(a) || !selected(b) {
            continue;
        }
        edges.push((view.rank(a), view.rank(b), e.index() as u32));
    }
    edges.sort_by_key(|k| (k.0, k.1));
    let ix = |k: &(u32, u32, u32)| petgraph::graph::EdgeIndex::new(k.2 as usize);
    let texts = |e: petgraph::graph::EdgeIndex| {
        let mut tip = String::new();
        tip_into(&mut tip, &view.edge(e), view.plain(e));
        (lines(&edge_lines(kg, e)), tip)
    };
    for group in edges.chunk_by_mut(|x, y| (x.0, x.1) == (y.0, y.1)) {
        if group.len() > 1 {
            group.sort_by_cached_key(|k| texts(ix(k)));
        }
    }
    for k in &edges {
        let e = ix(k);
        let Some((a, b)) = view.edge_endpoints(e) else {
            continue;
        };
        s.clear();
        s.push_str("  \"");
        escape_into(&mut s, &kg.g[a].id);
        s.push_str("\" -> \"");
        escape_into(&mut s, &kg.g[b].id);
        s.push_str("\" [label=");
        s.push_str(&lines(&edge_lines(kg, e)));
        s.push_str(", tooltip=");
        tip_into(&mut s, &view.edge(e), view.plain(e));
        s.push_str("];\n");
        w.write_all(s.as_bytes())?;
    }
    w.write_all(b"}\n")
}

/// Whether Graphviz `dot` is on PATH.
pub fn dot_available() -> bool {
    Command::new("dot")
        .arg("-V")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// The most documents drawn as one box (cluster) each. Graphviz ranks large clustered graphs
/// badly: past about a hundred document clusters its `init_rank` fails ("trouble in
/// init_rank") and `dot` loops for many minutes or aborts — 121 sample documents did, while
/// the same graph without clusters renders in seconds. So many boxes are no longer readable
/// anyway: beyond this the documents' entities are grouped as plain subgraphs.
pub const MAX_DOC_CLUSTERS: usize = 50;

/// How long `dot` may run before it is stopped (seconds; `KGEXTRACT_DOT_TIMEOUT` overrides).
/// A layout that takes longer is a Graphviz failure, not a drawing worth waiting for: the
/// run goes on without `graph.svg`.
pub const DOT_TIMEOUT_SECS: u64 = 180;

/// Run `dot -Tsvg` on `dot_file`, writing `svg_file`, stopping it after the timeout. Returns
/// dot's messages on failure.
pub fn render_svg(dot_file: &Path, svg_file: &Path) -> Result<(), String> {
    let limit = std::env::var("KGEXTRACT_DOT_TIMEOUT")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(DOT_TIMEOUT_SECS);
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .arg(dot_file)
        .arg("-o")
        .arg(svg_file)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run dot: {e}"))?;
    // (dot's messages are read on a thread, so a long list of them cannot fill the pipe and
    // stall it)
    let mut stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut buf = String::new();
        if let Some(e) = stderr.as_mut() {
            let _ = std::io::Read::read_to_string(e, &mut buf);
        }
        buf
    });
    let start = std::time::Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break Some(st),
            Ok(None) if start.elapsed().as_secs() >= limit => {
                let _ = child.kill();
                let _ = child.wait();
                let _ = std::fs::remove_file(svg_file);
                break None;
            }
            Ok(None) => std::thread::sleep(std::time::Duration::from_millis(20)),
            Err(e) => return Err(format!("cannot wait for dot: {e}")),
        }
    };
    let msgs = reader.join().unwrap_or_default();
    match status {
        None => Err(format!(
            "dot did not finish within {limit} s and was stopped (render graph.dot yourself, \
             draw a part of the graph with --focus NAME, or set KGEXTRACT_DOT_TIMEOUT)"
        )),
        Some(st) if !st.success() => Err(msgs.trim().to_string()),
        Some(_) => Ok(()),
    }
}

/// The DOT exporter.
pub struct DotExporter {
    pub opts: ExportOptions,
}

impl Exporter for DotExporter {
    fn name(&self) -> &'static str {
        "dot"
    }
    fn write(&self, view: &View, out: &OutDir) -> Result<(), OutDirError> {
        let sel = selection(view.kg, &self.opts).map_err(|m| OutDirError::Io {
            path: out.path().join("graph.dot"),
            what: "cannot draw the diagram",
            source: std::io::Error::new(std::io::ErrorKind::InvalidInput, m),
        })?;
        out.write_with("graph.dot", |w| render_to(view, &self.opts, &sel, w))?;
        if !self.opts.no_render && dot_available() {
            let dot_file = out.path().join("graph.dot");
            if let Err(m) = render_svg(&dot_file, &out.path().join("graph.svg")) {
                eprintln!("kgextract: warning: dot -Tsvg failed, no graph.svg written: {m}");
            }
        }
        Ok(())
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
            let mut chars = s.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\r' => {
                        if chars.peek() == Some(&'\n') {
                            chars.next();
                        }
                        out.push_str("\\n");
                    }
                    '\n' => out.push_str("\\n"),
                    c if c.is_control() => out.push(' '),
                    c => out.push(c),
                }
            }
            out
        }
        let pieces = [
            "", "a", "\"", "\\", "\r", "\n", "\r\n", "\n\r", "\t", "\u{1}", "\u{7f}", "\u{80}",
            "\u{85}", "\u{9f}", "\u{a0}", "·", "\u{bf}", "华为", "，",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let s = format!("{a}{b}x{c}{a}");
                    let mut out = String::new();
                    escape_into(&mut out, &s);
                    assert_eq!(out, reference(&s), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn quote_escapes_everything() {
        assert_eq!(quote(r#"a"b"#), r#""a\"b""#);
        assert_eq!(quote(r"a\b"), r#""a\\b""#);
        assert_eq!(quote("a\nb\r\nc"), r#""a\nb\nc""#);
        assert_eq!(quote("x\u{0007}y"), "\"x y\"");
        // A trailing backslash cannot escape the closing quote.
        assert_eq!(quote("end\\"), "\"end\\\\\"");
    }

    #[test]
    fn lines_escape_each_line() {
        assert_eq!(
            lines(&["中国\"联通\"".into(), "a\\".into()]),
            r#""中国\"联通\"\na\\""#
        );
    }
}
