//! `kgextract rules [ID]`: what a rule id in the export means, and where it lives.

use std::fmt::Write as _;

use anyhow::{Result, anyhow};

use crate::rules::docs;

#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  kgextract rules                      list every rule id with a one-line doc
  kgextract rules person.title_before  the doc, examples and source of one rule
  kgextract rules org                  every rule of one family")]
pub struct Args {
    /// A rule id (as in the `rule` column of the export) or a family name.
    pub id: Option<String>,
}

pub fn run(args: Args) -> Result<u8> {
    let all = docs::all().map_err(|e| anyhow!(e))?;
    let mut out = String::new();
    let Some(id) = args.id else {
        for r in &all {
            writeln!(out, "{:<32} {}", r.id, r.doc.lines().next().unwrap_or(""))?;
        }
        super::stdout::print(&out)?;
        return Ok(0);
    };
    let hits: Vec<_> = all
        .iter()
        .filter(|r| r.id == id || r.id.split('.').next() == Some(id.as_str()))
        .collect();
    if hits.is_empty() {
        let close: Vec<&str> = all
            .iter()
            .map(|r| r.id.as_str())
            .filter(|r| r.contains(id.as_str()) || id.contains(r.split('.').next().unwrap_or("")))
            .take(8)
            .collect();
        eprintln!("kgextract: no rule {id:?}");
        if !close.is_empty() {
            eprintln!("did you mean: {}", close.join(", "));
        }
        return Ok(1);
    }
    for r in hits {
        let family = r.id.split('.').next().unwrap_or("");
        writeln!(out, "{}\n  {}", r.id, r.doc.trim().replace('\n', "\n  "))?;
        writeln!(
            out,
            "  data: schema/rules/{family}.toml   code: src/extract/{family}.rs (const with this id)"
        )?;
        for e in &r.examples {
            writeln!(out, "  example:        {e}")?;
        }
        for e in &r.counterexamples {
            writeln!(out, "  counterexample: {e}")?;
        }
        writeln!(out)?;
    }
    super::stdout::print(&out)?;
    Ok(0)
}
