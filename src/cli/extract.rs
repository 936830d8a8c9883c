//! `kgextract extract`: read → normalize → segment → extract → link → graph → export.

use std::io::Read;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use rayon::prelude::*;

use crate::export::{ExportOptions, OutDir, select};
use crate::extract::DocExtraction;
use crate::graph::KnowledgeGraph;
use crate::read::{self, Document, Limits};
use crate::rules::{LexiconSet, Rules};

#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  kgextract extract                        run on the bundled samples/ into output/
  kgextract extract news/ -o graph/        every .txt/.md under news/ into graph/
  kgextract extract article.txt --published 2024-07-21
  cat article.txt | kgextract extract - -o out/
  kgextract extract --force -o existing_folder/ news/")]
pub struct Args {
    /// Files or folders (walked recursively for .txt/.md) to read, or `-` for stdin.
    /// Default: the bundled samples/.
    pub inputs: Vec<PathBuf>,
    /// Output folder.
    #[arg(short = 'o', long = "output", default_value = "output")]
    pub output: PathBuf,
    /// Replace an existing output folder that kgextract did not write.
    #[arg(long)]
    pub force: bool,
    /// Publication date (YYYY-MM-DD) for documents whose header has none; overrides headers.
    #[arg(long, value_parser = parse_date)]
    pub published: Option<chrono::NaiveDate>,
    /// Extra lexicon file(s): lines of `term<TAB>lexicon[<TAB>key=value …]`.
    #[arg(long = "lexicon")]
    pub lexicons: Vec<PathBuf>,
    /// Worker threads (default: all cores). Output does not depend on it.
    #[arg(long)]
    pub jobs: Option<usize>,
    /// Exit with code 3 when any document could not be processed.
    #[arg(long)]
    pub strict: bool,
    /// Largest input file, in bytes.
    #[arg(long, default_value_t = Limits::default().max_bytes)]
    pub max_bytes: u64,
    /// Export formats, comma-separated: neo4j, dot, graphml, json (default: all).
    #[arg(long = "format", value_delimiter = ',')]
    pub formats: Vec<String>,
    /// Do not run Graphviz `dot` to render graph.svg.
    #[arg(long)]
    pub no_render: bool,
    /// Draw only the neighbourhood of this entity (name, alias or id) in graph.dot/svg.
    #[arg(long)]
    pub focus: Option<String>,
    /// With --focus: how many relationships away from it to draw.
    #[arg(long, default_value_t = 2)]
    pub depth: usize,
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| format!("{s:?} is not YYYY-MM-DD: {e}"))
}

/// A problem with one document; the rest of the batch goes on.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Warning {
    pub source: String,
    pub message: String,
}

impl Warning {
    /// A warning from an error whose message already names the file (`path: what`): the
    /// `source` is kept apart and not repeated in `message`, so the printed line reads
    /// `kgextract: warning: path: what`, not `path: path: what`.
    pub fn from_error(source: String, err: &dyn std::fmt::Display) -> Warning {
        let full = err.to_string();
        let message = full
            .strip_prefix(source.as_str())
            .and_then(|m| m.strip_prefix(": "))
            .map(str::to_string)
            .unwrap_or(full);
        Warning { source, message }
    }
}

fn default_samples() -> PathBuf {
    let local = PathBuf::from("samples");
    if local.is_dir() {
        local
    } else {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples")
    }
}

pub fn run(args: Args) -> Result<u8> {
    let started = Instant::now();
    let mut lex = LexiconSet::builtin().context("built-in lexicons")?;
    for f in &args.lexicons {
        lex.add_user_file(f)?;
    }
    let owned_rules;
    let rules: &Rules = if args.lexicons.is_empty() {
        Rules::builtin()
    } else {
        owned_rules = Rules::build(lex);
        &owned_rules
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let limits = Limits {
        max_bytes: args.max_bytes,
    };

    let exporters = select(
        &args.formats,
        &ExportOptions {
            no_render: args.no_render,
            focus: args.focus.clone(),
            depth: args.depth,
        },
    )
    .map_err(|m| anyhow::anyhow!(m))?;
    // Prepare the output folder first: a refusal should come before any work.
    let out = OutDir::create(&args.output, args.force)?;

    let inputs = if args.inputs.is_empty() {
        vec![default_samples()]
    } else {
        args.inputs.clone()
    };
    let mut stdin_doc = None;
    let mut paths = Vec::new();
    let mut warnings = Vec::new();
    for input in &inputs {
        if input.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .context("cannot read stdin")?;
            stdin_doc = Some(read::from_bytes("stdin", "-", &bytes)?);
        } else {
            paths.extend(read::expand_inputs(std::slice::from_ref(input))?);
        }
    }
    let published = args.published;
    let with_date = |mut d: Document| {
        if published.is_some() {
            d.header.published = published;
        }
        d
    };
    let results: Vec<Result<DocExtraction, Warning>> = pool.install(|| {
        paths
            .par_iter()
            .map(|(path, id)| {
                let doc = read::read_file(path, id, &limits)
                    .map_err(|e| Warning::from_error(path.display().to_string(), &e))?;
                process_guarded(&with_date(doc), rules)
            })
            .collect()
    });
    let mut docs = Vec::new();
    for r in results {
        match r {
            Ok(d) => docs.push(d),
            Err(w) => warnings.push(w),
        }
    }
    if let Some(d) = stdin_doc {
        match process_guarded(&with_date(d), rules) {
            Ok(d) => docs.push(d),
            Err(w) => warnings.push(w),
        }
    }
    for w in &warnings {
        eprintln!("kgextract: warning: {}: {}", w.source, w.message);
    }
    let n_docs = docs.len();
    let bytes: usize = docs.iter().map(|d| d.stats.bytes).sum();
    let sentences: usize = docs.iter().map(|d| d.stats.sentences).sum();
    let removed: usize = docs.iter().map(|d| d.stats.removed_chars).sum();
    let kg = KnowledgeGraph::build_with(docs, &rules.lexicons);
    for ex in &exporters {
        ex.write(&kg, &out)
            .with_context(|| format!("writing the {} export", ex.name()))?;
    }
    let mut wl = String::new();
    for w in &warnings {
        wl.push_str(&serde_json::to_string(w).unwrap_or_default());
        wl.push('\n');
    }
    out.write("warnings.jsonl", wl.as_bytes())?;
    let target = out.commit()?;
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    println!(
        "kgextract: {n_docs} documents, {sentences} sentences, {:.2} MB, {removed} noise characters removed, {} nodes, {} relationships, {} warnings, {:.1} MB/s → {}",
        bytes as f64 / 1e6,
        kg.node_count(),
        kg.edge_count(),
        warnings.len(),
        bytes as f64 / 1e6 / secs,
        target.display()
    );
    if n_docs == 0 && warnings.is_empty() {
        eprintln!("kgextract: warning: no .txt or .md documents found in the input");
    }
    Ok(if args.strict && !warnings.is_empty() {
        super::exit::PARTIAL
    } else {
        super::exit::OK
    })
}

/// Process one document; a panic becomes a warning naming the document.
fn process_guarded(doc: &Document, rules: &Rules) -> Result<DocExtraction, Warning> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        crate::extract::process(doc, rules)
    }))
    .map_err(|_| Warning {
        source: doc.source.clone(),
        message: "internal error while extracting (please report this document)".into(),
    })
}
