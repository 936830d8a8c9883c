//! The command line: one file per subcommand, each with an `Args` struct and `run(args)`.

pub mod eval;
pub mod extract;
pub mod merge;
pub mod query;
pub mod rules;
pub mod stdout;
pub mod validate;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit codes (documented in the README).
pub mod exit {
    pub const OK: u8 = 0;
    pub const ERROR: u8 = 1;
    pub const USAGE: u8 = 2;
    pub const PARTIAL: u8 = 3;
}

#[derive(Parser, Debug)]
#[command(
    name = "kgextract",
    version,
    about = "Turn Chinese business and government news into a knowledge graph for Neo4j",
    long_about = "kgextract reads Chinese press releases and news (UTF-8, GBK/GB18030, Big5, UTF-16; \
Traditional or Simplified; noisy PDF conversions included), finds people, organizations, titles, \
places, amounts, dates and events with explainable rules, links them into one graph and exports it \
for Neo4j (neo4j-admin CSV + Cypher), GraphViz, GraphML and JSON."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Extract a knowledge graph from documents and export it.
    Extract(extract::Args),
    /// Measure extraction quality against gold data.
    Eval(eval::Args),
    /// Merge shard exports (entity resolution across shards) into one export.
    Merge(merge::Args),
    /// Ask an export folder: who signed what, positions, events, amounts, person/org, path.
    Query(query::Args),
    /// Explain a rule id: its doc, examples and where it lives.
    Rules(rules::Args),
    /// Check a folder of neo4j-admin import CSV files; print `file:line: error: …`.
    Validate(validate::Args),
}

/// Parse arguments and run; clap prints usage errors itself (exit 2).
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() {
                exit::USAGE
            } else {
                exit::OK
            };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Extract(a) => extract::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Merge(a) => merge::run(a),
        Command::Query(a) => query::run(a),
        Command::Rules(a) => rules::run(a),
        Command::Validate(a) => validate::run(a),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("kgextract: error: {e:#}");
            ExitCode::from(exit::ERROR)
        }
    }
}
