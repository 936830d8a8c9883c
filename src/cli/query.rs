//! `kgextract query`: ask an export folder the everyday questions (see [`crate::query`]).

use std::path::PathBuf;

use anyhow::Result;
use chrono::{Datelike, NaiveDate};

use crate::query::render::{self, Format};
use crate::query::{Filters, Question, load};

/// The questions, as the QUESTION argument spells them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum QuestionName {
    /// Who signed what: signer, on behalf of, event, date, place, parent event, counterparties.
    Signed,
    /// Who holds which position in which organization, with status.
    Positions,
    /// What happened, when and where, with participants by relationship type.
    Events,
    /// Amounts with what they are about, qualifier, currency; largest first.
    Amounts,
    /// Everything known about one person: `person NAME` (all people without NAME).
    Person,
    /// Everything known about one organization: `org NAME` (all without NAME).
    Org,
    /// Shortest connections between two entities: `path A B`.
    Path,
}

#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  kgextract query signed                       who signed what, from output/
  kgextract query signed --org 联通 --format json
  kgextract query positions --graph out/       who holds which position
  kgextract query events --kind signing --from 2024-07 --to 2024-12
  kgextract query amounts --min-amount 10亿 --limit 5
  kgextract query person 张三                   everything about one person
  kgextract query org 联通                      aliases resolve to the full name
  kgextract query path 张三 某某集团             how two entities are connected

Names are matched after width/case folding, against names and aliases; --org/--person match
any part of a name. Unknown names print suggestions (\"did you mean …\") and exit 0.")]
pub struct Args {
    /// The question to ask.
    #[arg(value_enum)]
    pub question: QuestionName,
    /// NAME for `person`/`org`; A and B for `path`.
    pub names: Vec<String>,
    /// The export folder to read (its graph.json).
    #[arg(
        short = 'g',
        long = "graph",
        default_value = "output",
        value_name = "DIR"
    )]
    pub graph: PathBuf,
    /// Only rows about a matching organization (part of a name or alias).
    #[arg(long)]
    pub org: Option<String>,
    /// Only rows about a matching person (part of a name or alias).
    #[arg(long)]
    pub person: Option<String>,
    /// Only events of this kind (forum, signing, launch, speech, investment, financing,
    /// acquisition, appointment, establishment).
    #[arg(long, value_parser = parse_kind)]
    pub kind: Option<crate::extract::EventKind>,
    /// Only events on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_parser = parse_from, value_name = "DATE")]
    pub from: Option<NaiveDate>,
    /// Only events on or before this date (YYYY-MM-DD, YYYY-MM or YYYY: the end of it).
    #[arg(long, value_parser = parse_to, value_name = "DATE")]
    pub to: Option<NaiveDate>,
    /// Only amounts of at least this value: a number (3e10) or with 万/亿/万亿 (300亿).
    #[arg(long, value_parser = parse_amount, value_name = "N")]
    pub min_amount: Option<f64>,
    /// At most this many rows.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Sort rows by this column (numbers numerically; empty values last).
    #[arg(long, value_name = "COLUMN")]
    pub sort: Option<String>,
    /// Reverse the order.
    #[arg(long)]
    pub desc: bool,
    /// `positions`: also list titles given without an organization.
    #[arg(long)]
    pub roles: bool,
    /// `path`: allow paths through shared documents.
    #[arg(long)]
    pub via_documents: bool,
    /// `path`: allow paths through any node (titles, places, amounts, documents), not only
    /// people, organizations and events.
    #[arg(long)]
    pub via_all: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

fn parse_kind(s: &str) -> Result<crate::extract::EventKind, String> {
    load::event_kind(s).ok_or_else(|| {
        let all: Vec<String> = crate::extract::EventKind::ALL
            .iter()
            .map(|k| k.as_str().to_lowercase())
            .collect();
        format!("unknown event kind {s:?} (one of: {})", all.join(", "))
    })
}

/// A date, month or year; `end` picks the last day of a month/year instead of the first.
fn parse_date(s: &str, end: bool) -> Result<NaiveDate, String> {
    let bad = || format!("{s:?} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(d);
    }
    let parts: Vec<&str> = s.split('-').collect();
    let year: i32 = parts.first().and_then(|y| y.parse().ok()).ok_or_else(bad)?;
    match parts.len() {
        1 if end => NaiveDate::from_ymd_opt(year, 12, 31),
        1 => NaiveDate::from_ymd_opt(year, 1, 1),
        2 => {
            let m: u32 = parts[1].parse().map_err(|_| bad())?;
            let first = NaiveDate::from_ymd_opt(year, m, 1);
            if end {
                first
                    .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
                    .and_then(|d| d.pred_opt())
            } else {
                first
            }
        }
        _ => None,
    }
    .filter(|d| d.year() == year)
    .ok_or_else(bad)
}

fn parse_from(s: &str) -> Result<NaiveDate, String> {
    parse_date(s, false)
}
fn parse_to(s: &str) -> Result<NaiveDate, String> {
    parse_date(s, true)
}

/// `3e10`, `30000000000`, `300亿`, `300亿元`, `5000万`, `1.5万亿`, `1,000`.
pub fn parse_amount(s: &str) -> Result<f64, String> {
    let t = s.trim().trim_end_matches('元').replace([',', '，'], "");
    let (num, scale) = if let Some(n) = t.strip_suffix("万亿") {
        (n, 1e12)
    } else if let Some(n) = t.strip_suffix('亿') {
        (n, 1e8)
    } else if let Some(n) = t.strip_suffix('万') {
        (n, 1e4)
    } else if let Some(n) = t.strip_suffix('千') {
        (n, 1e3)
    } else {
        (t.as_str(), 1.0)
    };
    num.trim()
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .map(|x| x * scale)
        .ok_or_else(|| format!("{s:?} is not an amount (e.g. 3e10, 300亿, 5000万)"))
}

fn usage(msg: &str) -> Result<u8> {
    eprintln!("kgextract query: {msg}");
    Ok(super::exit::USAGE)
}

pub fn run(args: Args) -> Result<u8> {
    let n = args.names.len();
    let q = match (args.question, n) {
        (QuestionName::Signed, 0) => Question::Signed,
        (QuestionName::Positions, 0) => Question::Positions,
        (QuestionName::Events, 0) => Question::Events,
        (QuestionName::Amounts, 0) => Question::Amounts,
        (QuestionName::Person, 0 | 1) => Question::Person(args.names.first().cloned()),
        (QuestionName::Org, 0 | 1) => Question::Org(args.names.first().cloned()),
        (QuestionName::Path, 2) => Question::Path(args.names[0].clone(), args.names[1].clone()),
        (QuestionName::Path, _) => {
            return usage("`path` takes two names: kgextract query path A B");
        }
        (QuestionName::Person | QuestionName::Org, _) => {
            return usage(&format!(
                "`{}` takes one NAME (quote names with spaces), got {n}",
                if args.question == QuestionName::Person {
                    "person"
                } else {
                    "org"
                }
            ));
        }
        (_, _) => {
            return usage(&format!(
                "this question takes no names (got {:?}); to narrow it use --org/--person",
                args.names.join(" ")
            ));
        }
    };
    let filters = Filters {
        org: args.org,
        person: args.person,
        kind: args.kind,
        from: args.from,
        to: args.to,
        min_amount: args.min_amount,
        limit: args.limit,
        sort: args.sort,
        desc: args.desc,
        roles: args.roles,
        via_documents: args.via_documents,
        via_all: args.via_all,
    };
    if let Err(msg) = filters.check(&q) {
        return usage(&msg);
    }
    if let (Some(a), Some(b)) = (filters.from, filters.to)
        && a > b
    {
        return usage(&format!("--from {a} is after --to {b}"));
    }
    let loaded = load::load_dir(&args.graph)?;
    const SHOWN: usize = 5;
    for w in loaded.warnings.iter().take(SHOWN) {
        eprintln!("kgextract: warning: {}: {w}", args.graph.display());
    }
    if loaded.warnings.len() > SHOWN {
        eprintln!(
            "kgextract: warning: {}: … and {} more skipped items",
            args.graph.display(),
            loaded.warnings.len() - SHOWN
        );
    }
    let answer = match crate::query::ask(&loaded.graph, &q, &filters) {
        Ok(a) => a,
        Err(msg) => return usage(&msg),
    };
    if args.format != Format::Table && answer.rows.is_empty() {
        for n in &answer.notes {
            eprintln!("kgextract query: {n}");
        }
    }
    let stdout = std::io::stdout();
    render::write(&answer, args.format, &mut stdout.lock())?;
    Ok(super::exit::OK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_parse_with_chinese_scales() {
        assert_eq!(parse_amount("300亿"), Ok(3e10));
        assert_eq!(parse_amount("300亿元"), Ok(3e10));
        assert_eq!(parse_amount("1.5万亿"), Ok(1.5e12));
        assert_eq!(parse_amount("3e10"), Ok(3e10));
        assert_eq!(parse_amount("1,000"), Ok(1000.0));
        assert!(parse_amount("很多").is_err());
        assert!(parse_amount("亿").is_err());
    }

    #[test]
    fn dates_accept_month_and_year() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(parse_from("2024-07"), Ok(d(2024, 7, 1)));
        assert_eq!(parse_to("2024-02"), Ok(d(2024, 2, 29)));
        assert_eq!(parse_to("2024"), Ok(d(2024, 12, 31)));
        assert_eq!(parse_from("2024-07-20"), Ok(d(2024, 7, 20)));
        assert!(parse_from("2024-13").is_err());
        assert!(parse_from("July").is_err());
    }

    #[test]
    fn kinds_parse_case_insensitively() {
        assert_eq!(
            parse_kind("signing"),
            Ok(crate::extract::EventKind::Signing)
        );
        assert!(parse_kind("party").unwrap_err().contains("signing"));
    }
}
