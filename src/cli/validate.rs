//! `kgextract validate DIR`: check neo4j-admin import files; print `file:line: error: …`.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::validate::{Severity, validate_dir};

#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  kgextract validate output/          check the export kgextract wrote
  kgextract validate some/other/csvs  any neo4j-admin import folder

Exit status: 0 no errors (warnings allowed), 1 errors found (or the folder cannot be read).")]
pub struct Args {
    /// Folder with the *.csv files to check (default: output/).
    #[arg(default_value = "output")]
    pub dir: PathBuf,
    /// Treat warnings as errors.
    #[arg(long)]
    pub strict: bool,
    /// Print only errors, not warnings.
    #[arg(long, short)]
    pub quiet: bool,
}

pub fn run(args: Args) -> Result<u8> {
    if !args.dir.is_dir() {
        anyhow::bail!("{}: not a folder", args.dir.display());
    }
    let report = validate_dir(&args.dir)
        .with_context(|| format!("{}: cannot read the folder", args.dir.display()))?;
    let mut out = String::new();
    for d in &report.diagnostics {
        if args.quiet && d.severity == Severity::Warning {
            continue;
        }
        writeln!(out, "{d}")?;
    }
    super::stdout::print(&out)?;
    let (e, w) = (report.errors(), report.warnings());
    eprintln!(
        "kgextract validate: {} node files, {} relationship files, {} nodes, {} relationships: {e} errors, {w} warnings",
        report.node_files, report.rel_files, report.nodes, report.relationships
    );
    Ok(if e > 0 || (args.strict && w > 0) {
        super::exit::ERROR
    } else {
        super::exit::OK
    })
}
