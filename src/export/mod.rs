//! Stage 7 — export: the knowledge graph → files (Neo4j CSV + Cypher, DOT/SVG, GraphML, JSON).
//!
//! Each format is one [`Exporter`], registered by name in [`exporters`]. All of them write into
//! an [`OutDir`], which is renamed into place only when every exporter succeeded.

pub mod json;
pub mod out_dir;

pub use out_dir::{OutDir, OutDirError};

use crate::graph::KnowledgeGraph;

/// An export format.
pub trait Exporter {
    /// The name used by `--format`.
    fn name(&self) -> &'static str;
    /// Write this format's files into `out`.
    fn write(&self, kg: &KnowledgeGraph, out: &OutDir) -> Result<(), OutDirError>;
}

/// Every export format, in the order they are written.
pub fn exporters() -> Vec<Box<dyn Exporter>> {
    vec![Box::new(json::JsonExporter)]
}
