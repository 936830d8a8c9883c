//! `kgextract merge`: merge shard exports into one (see [`crate::graph::merge`]).

use std::path::PathBuf;

use anyhow::{Context, Result, bail};

use crate::export::{ExportOptions, OutDir, select};
use crate::graph::merge::{Shard, merge, merge_record};
use crate::query::load;
use crate::rules::LexiconSet;

#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  kgextract extract part1/ -o shard1 && kgextract extract part2/ -o shard2
  kgextract merge shard1 shard2 -o output

Each shard is an export folder written by `kgextract extract` (its graph.json and merges.jsonl
are read). Entities are united by id and re-resolved across shards; see the limits in the
docs of graph::merge.")]
pub struct Args {
    /// Shard export folders.
    #[arg(required = true, value_name = "DIR")]
    pub shards: Vec<PathBuf>,
    /// Output folder.
    #[arg(short = 'o', long = "output", default_value = "output")]
    pub output: PathBuf,
    /// Replace an existing output folder that kgextract did not write.
    #[arg(long)]
    pub force: bool,
    /// Export formats, comma-separated: neo4j, dot, graphml, json (default: all).
    #[arg(long = "format", value_delimiter = ',')]
    pub formats: Vec<String>,
    /// Do not run Graphviz `dot` to render graph.svg.
    #[arg(long)]
    pub no_render: bool,
    /// Extra lexicon file(s) used for re-resolution (as given to `extract`).
    #[arg(long = "lexicon")]
    pub lexicons: Vec<PathBuf>,
}

pub fn run(args: Args) -> Result<u8> {
    let mut lex = LexiconSet::builtin().context("built-in lexicons")?;
    for f in &args.lexicons {
        lex.add_user_file(f)?;
    }
    let exporters = select(
        &args.formats,
        &ExportOptions {
            no_render: args.no_render,
            ..ExportOptions::default()
        },
    )
    .map_err(|m| anyhow::anyhow!(m))?;
    for s in &args.shards {
        if s.canonicalize().ok() == args.output.canonicalize().ok() && args.output.exists() {
            bail!(
                "{}: the output folder is also a shard; choose another -o",
                s.display()
            );
        }
    }
    let out = OutDir::create(&args.output, args.force)?;
    let mut shards = Vec::new();
    let mut warnings: Vec<String> = Vec::new();
    for dir in &args.shards {
        let loaded = load::load_dir(dir)?;
        for w in &loaded.warnings {
            eprintln!("kgextract: warning: {}: {w}", dir.display());
        }
        let mut merges = Vec::new();
        let mpath = dir.join("merges.jsonl");
        if let Ok(text) = std::fs::read_to_string(&mpath) {
            for (i, line) in text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
            {
                match serde_json::from_str::<serde_json::Value>(line)
                    .ok()
                    .as_ref()
                    .and_then(merge_record)
                {
                    Some(r) => merges.push(r),
                    None => eprintln!(
                        "kgextract: warning: {}:{}: not a merge record; skipped",
                        mpath.display(),
                        i + 1
                    ),
                }
            }
        }
        if let Ok(text) = std::fs::read_to_string(dir.join("warnings.jsonl")) {
            warnings.extend(
                text.lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(str::to_string),
            );
        }
        shards.push(Shard {
            graph: loaded.graph,
            merges,
        });
    }
    let n = shards.len();
    let merged = merge(shards, &lex);
    for w in &merged.warnings {
        eprintln!("kgextract: warning: {w}");
    }
    let view = crate::export::View::new(&merged.graph);
    for ex in &exporters {
        ex.write(&view, &out)
            .with_context(|| format!("writing the {} export", ex.name()))?;
    }
    warnings.sort();
    warnings.dedup();
    let mut wl = warnings.join("\n");
    if !wl.is_empty() {
        wl.push('\n');
    }
    out.write("warnings.jsonl", wl.as_bytes())?;
    let target = out.commit()?;
    super::stdout::print(&format!(
        "kgextract: merged {n} shards: {} nodes, {} relationships, {} cross-shard merges, {} warnings → {}",
        merged.graph.node_count(),
        merged.graph.edge_count(),
        merged.cross_shard_unions,
        merged.warnings.len(),
        target.display()
    ))?;
    Ok(super::exit::OK)
}
