//! `kgextract eval`: measure quality against gold data.

use std::fmt::Write as _;
use std::io::BufReader;
use std::path::PathBuf;

use anyhow::{Context, Result, anyhow};

use crate::rules::Rules;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub what: What,
}

#[derive(clap::Subcommand, Debug)]
pub enum What {
    /// Named entities (PER, ORG, ROLE, LOC) against a JSONL gold file.
    #[command(
        after_help = "Example:\n  kgextract eval ner ../shared/eval/ner/cluener2020_dev.jsonl"
    )]
    Ner {
        gold: PathBuf,
        /// Gold label → our label, e.g. `name=PER,company=ORG,position=ROLE`.
        #[arg(long, default_value = "")]
        map: String,
        /// Print one JSON object instead of a table.
        #[arg(long)]
        json: bool,
        /// Only the first N records.
        #[arg(long)]
        limit: Option<usize>,
        /// How many error strings to show.
        #[arg(long, default_value_t = 25)]
        errors: usize,
        /// Also write every span error (record, label, fp/fn, text, the record's text) to this
        /// file as JSON lines, for reading the misses in context.
        #[arg(long, value_name = "FILE")]
        examples: Option<PathBuf>,
    },
    /// Money amounts (value and currency) against a TSV `text  value  currency  notes`, or
    /// money spans (exact precision/recall) against a JSONL extraction file.
    #[command(
        after_help = "Examples:\n  kgextract eval money ../shared/eval/numeric/money.tsv\n  kgextract eval money ../shared/eval/numeric/money_extraction.jsonl"
    )]
    Money(ValueArgs),
    /// Numerals against `numerals.tsv` (`text  number …`) or `numerals_invalid.tsv` (`text …`:
    /// every row must be rejected or accepted for a documented reason).
    #[command(
        after_help = "Example:\n  kgextract eval numerals ../shared/eval/numeric/numerals.tsv"
    )]
    Numerals(ValueArgs),
    /// Events and relations against FinRE or DuEE-Fin JSONL (see `src/eval/events.rs`).
    #[command(
        after_help = "Example:\n  kgextract eval events ../shared/eval/events/finre_test.jsonl --entities gold"
    )]
    Events {
        gold: PathBuf,
        /// Entities from our own families (`ours`), from the gold data (`gold`), or both runs.
        #[arg(long, value_enum, default_value = "both")]
        entities: crate::eval::events::EntityMode,
        /// Print one JSON array (one object per entity mode) instead of a table.
        #[arg(long)]
        json: bool,
        /// Only the first N records.
        #[arg(long)]
        limit: Option<usize>,
        /// How many misses to show.
        #[arg(long, default_value_t = 10)]
        errors: usize,
        /// Also write every miss (`fn`: a gold event or pair we did not produce) and every
        /// false positive (`fp`: an event of ours that matches no gold event of its type in the
        /// record) with the record's text to this file as JSON lines.
        #[arg(long, value_name = "FILE")]
        examples: Option<PathBuf>,
    },
    /// Dates against `times.tsv` (`text  expected  reference_time  source  notes`; only
    /// calendar dates and date ranges are scored, see `src/eval/dates.rs`), or date spans
    /// against a JSONL extraction file (relative dates resolved against `--published`).
    #[command(
        after_help = "Examples:\n  kgextract eval dates ../shared/eval/numeric/times.tsv\n  kgextract eval dates ../shared/eval/numeric/time_extraction.jsonl --published 2021-06-14"
    )]
    Dates(ValueArgs),
}

/// Arguments of the value evaluations (money, numerals, dates).
#[derive(clap::Args, Debug)]
pub struct ValueArgs {
    pub file: PathBuf,
    /// Print one JSON object (`total`, `correct`, `accuracy`, `failures`) instead of text.
    #[arg(long)]
    pub json: bool,
    /// Only the first N rows.
    #[arg(long)]
    pub limit: Option<usize>,
    /// How many failures to list in the text output.
    #[arg(long, default_value_t = 200)]
    pub failures: usize,
    /// Publication date for the records of a JSONL span file (YYYY-MM-DD).
    #[arg(long)]
    pub published: Option<chrono::NaiveDate>,
}

type ValueEval = fn(
    std::fs::File,
    &str,
    &Rules,
    Option<usize>,
) -> std::result::Result<crate::eval::numerals::ValueReport, String>;

/// A `.jsonl` file is scored as spans of `label`; anything else as a value TSV.
fn run_value_or_spans(a: ValueArgs, eval: ValueEval, label: crate::extract::Label) -> Result<u8> {
    if a.file.extension().is_some_and(|e| e == "jsonl") {
        let f = open(&a.file)?;
        let rep = crate::eval::numerals::evaluate_spans(
            f,
            &a.file.display().to_string(),
            Rules::builtin(),
            label,
            a.published,
            a.limit,
        )
        .map_err(|e| anyhow!(e))?;
        return print_report(&rep, a.json, |out| {
            write!(out, "{}", rep.render(a.failures))
        });
    }
    run_value(a, eval)
}

fn run_value(a: ValueArgs, eval: ValueEval) -> Result<u8> {
    let f = open(&a.file)?;
    let rep = eval(f, &a.file.display().to_string(), Rules::builtin(), a.limit)
        .map_err(|e| anyhow!(e))?;
    print_report(&rep, a.json, |out| {
        write!(out, "{}", rep.render(a.failures))
    })
}

/// Open an input file; the error names it.
fn open(path: &std::path::Path) -> Result<std::fs::File> {
    std::fs::File::open(path).with_context(|| format!("{}: cannot open", path.display()))
}

/// Print a report: pretty JSON with `--json`, else the text `render` writes.
fn print_report(
    rep: &impl serde::Serialize,
    json: bool,
    render: impl FnOnce(&mut String) -> std::fmt::Result,
) -> Result<u8> {
    let mut out = String::new();
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(rep)?)?;
    } else {
        render(&mut out)?;
    }
    super::stdout::print(&out)?;
    Ok(0)
}

/// One JSON object per line for every error of an evaluation (`--examples FILE`).
fn write_examples<T: serde::Serialize>(path: &std::path::Path, examples: &[T]) -> Result<()> {
    let mut out = String::new();
    for e in examples {
        writeln!(out, "{}", serde_json::to_string(e)?)?;
    }
    std::fs::write(path, out).with_context(|| format!("writing {}", path.display()))
}

pub fn run(args: Args) -> Result<u8> {
    match args.what {
        What::Events {
            gold,
            entities,
            json,
            limit,
            errors,
            examples,
        } => events(gold, entities, json, limit, errors, examples.as_deref()),
        What::Ner {
            gold,
            map,
            json,
            limit,
            errors,
            examples,
        } => {
            let map = crate::eval::ner::parse_map(&map).map_err(|e| anyhow!(e))?;
            let f = open(&gold)?;
            let rep = crate::eval::ner::evaluate(
                BufReader::new(f),
                &gold.display().to_string(),
                &map,
                Rules::builtin(),
                limit,
            )
            .map_err(|e| anyhow!(e))?;
            if let Some(path) = examples {
                write_examples(&path, &rep.examples)?;
            }
            print_report(&rep, json, |out| {
                writeln!(out, "{} records from {}", rep.records, gold.display())?;
                writeln!(
                    out,
                    "{:<6} {:>9} {:>9} {:>9} {:>7} {:>7} {:>7}   overlap F1",
                    "label", "precision", "recall", "F1", "tp", "fp", "fn"
                )?;
                for (l, p) in &rep.exact {
                    let o = rep.overlap.get(l).map(|o| o.f1).unwrap_or(0.0);
                    writeln!(
                        out,
                        "{:<6} {:>9.3} {:>9.3} {:>9.3} {:>7} {:>7} {:>7}   {:.3}",
                        l, p.precision, p.recall, p.f1, p.tp, p.fp, p.fn_, o
                    )?;
                }
                writeln!(out, "\nmost frequent errors:")?;
                for (e, n) in rep.errors.iter().take(errors) {
                    writeln!(out, "  {n:>4}  {e}")?;
                }
                Ok(())
            })
        }
        What::Money(a) => run_value_or_spans(
            a,
            crate::eval::money::evaluate,
            crate::extract::Label::Amount,
        ),
        What::Numerals(a) => run_value(a, crate::eval::numerals::evaluate),
        What::Dates(a) => {
            run_value_or_spans(a, crate::eval::dates::evaluate, crate::extract::Label::Date)
        }
    }
}

fn events(
    gold: PathBuf,
    entities: crate::eval::events::EntityMode,
    json: bool,
    limit: Option<usize>,
    errors: usize,
    examples: Option<&std::path::Path>,
) -> Result<u8> {
    use crate::eval::events::{EntityMode, evaluate};
    let modes = match entities {
        EntityMode::Both => vec![EntityMode::Ours, EntityMode::Gold],
        m => vec![m],
    };
    let mut reports = Vec::new();
    for mode in modes {
        let f = open(&gold)?;
        let rep = evaluate(
            BufReader::new(f),
            &gold.display().to_string(),
            Rules::builtin(),
            mode,
            limit,
        )
        .map_err(|e| anyhow!(e))?;
        reports.push(rep);
    }
    if let Some(path) = examples {
        let all: Vec<_> = reports.iter().flat_map(|r| r.examples.iter()).collect();
        write_examples(path, &all)?;
    }
    print_report(&reports, json, |out| {
        for rep in &reports {
            writeln!(
                out,
                "{} records from {} — entities: {}",
                rep.records,
                gold.display(),
                rep.entities
            )?;
            writeln!(
                out,
                "{:<16} {:>6} {:>6} {:>7}   {:>8} {:>7} {:>9}",
                "item", "gold", "found", "recall", "produced", "correct", "precision"
            )?;
            for (k, s) in &rep.scores {
                writeln!(
                    out,
                    "{:<16} {:>6} {:>6} {:>7.3}   {:>8} {:>7} {:>9.3}",
                    k, s.gold, s.found, s.recall, s.produced, s.correct, s.precision
                )?;
            }
            if errors > 0 {
                writeln!(out, "\nsome misses:")?;
                for m in rep.misses.iter().take(errors) {
                    writeln!(out, "  {m}")?;
                }
            }
            writeln!(out)?;
        }
        Ok(())
    })
}
