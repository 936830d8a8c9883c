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

use crate::graph::KnowledgeGraph;

/// Does any byte of `s` satisfy `f`? The bytes are tested in blocks without an early exit
/// inside a block, which the compiler turns into vector instructions: the exporters ask this of
/// every evidence sentence of every edge (is there anything to escape?), and the answer is
/// almost always no. Write `f` with `|` rather than `||` (no branches), or it stays scalar.
#[inline]
pub(crate) fn any_byte(s: &[u8], f: impl Fn(u8) -> bool) -> bool {
    let mut blocks = s.chunks_exact(32);
    for b in &mut blocks {
        if b.iter().fold(false, |acc, &x| acc | f(x)) {
            return true;
        }
    }
    blocks.remainder().iter().any(|&x| f(x))
}

/// An export format.
pub trait Exporter {
    /// The name used by `--format`.
    fn name(&self) -> &'static str;
    /// Write this format's files into `out`.
    fn write(&self, kg: &KnowledgeGraph, out: &OutDir) -> Result<(), OutDirError>;
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
    fn write(&self, kg: &KnowledgeGraph, out: &OutDir) -> Result<(), OutDirError> {
        let mut s = String::new();
        for m in &kg.merges {
            if let Ok(line) = serde_json::to_string(m) {
                s.push_str(&line);
                s.push('\n');
            }
        }
        out.write("merges.jsonl", s.as_bytes())
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
    for ex in exporters {
        ex.write(kg, &out)?;
    }
    out.commit()
}
