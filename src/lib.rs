//! kgextract: Chinese business and government news → a knowledge graph for Neo4j.
//!
//! The pipeline, one module per stage:
//!
//! ```text
//! read ─→ normalize ─→ segment ─→ extract ─→ link ─→ graph ─→ export
//! bytes   Document     NormText   Sentences  Mentions  Entities  KnowledgeGraph  files
//! ```
//!
//! 1. [`read`]: decode a file (UTF-8/16, GB18030, Big5), parse its header → [`read::Document`].
//! 2. [`normalize`]: remove conversion noise, page markers and LaTeX, fold widths, build the
//!    Simplified matching view, keep a map back to the original → [`normalize::NormText`].
//! 3. [`segment`]: sentences and paragraphs.
//! 4. [`extract`]: rule families (org, location, role, person, money, date, event) →
//!    mentions, events, relations with evidence → [`extract::DocExtraction`].
//! 5. [`link`]: the name key and entity resolution.
//! 6. [`graph`]: one petgraph [`graph::KnowledgeGraph`] for the run.
//! 7. [`export`]: Neo4j CSV + Cypher, DOT/SVG, GraphML, JSON.
//!
//! Rule data lives in `schema/` and is compiled once into [`rules::Rules`]. Every fact carries
//! the id of the rule that produced it (`person.title_before` → `schema/rules/person.toml`,
//! `src/extract/person.rs`).

pub mod cli;
pub mod eval;
pub mod export;
pub mod extract;
pub mod graph;
pub mod link;
pub mod normalize;
pub mod query;
pub mod read;
pub mod rules;
pub mod segment;
pub mod span;
pub mod validate;

/// With `KGEXTRACT_RSS` set, print the process's resident memory now and at its peak
/// (`VmRSS` / `VmHWM` of `/proc/self/status`, MB) after `stage` on stderr: where a run's peak
/// is (issue 8). Without it, nothing.
pub fn rss_mark(stage: &str) {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    if !*ON.get_or_init(|| std::env::var_os("KGEXTRACT_RSS").is_some()) {
        return;
    }
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = |field: &str| -> f64 {
        status
            .lines()
            .find_map(|l| l.strip_prefix(field))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    eprintln!(
        "kgextract: rss {stage}: {:.1} / peak {:.1} MB",
        kb("VmRSS:") / 1024.0,
        kb("VmHWM:") / 1024.0
    );
}
