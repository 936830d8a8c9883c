//! Writes the export of the hand-built test fixture (`tests/util/fixture.rs`: merges, names
//! with `"` `,` `;` `\` and line breaks, events, amounts) to a folder, so CI can load it into
//! real Neo4j: `cargo run --example fixture_export -- /tmp/fixture_export`.

#[path = "../tests/util/fixture.rs"]
mod fixture;

use kgextract::export::{ExportOptions, select, write_to};
use kgextract::graph::KnowledgeGraph;

fn main() -> std::process::ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: fixture_export DIR");
        return std::process::ExitCode::from(2);
    };
    let kg = KnowledgeGraph::build(fixture::docs());
    let opts = ExportOptions {
        no_render: true,
        ..ExportOptions::default()
    };
    let exporters = match select(&[], &opts) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("{e}");
            return std::process::ExitCode::from(1);
        }
    };
    match write_to(&kg, std::path::Path::new(&dir), true, &exporters) {
        Ok(p) => {
            println!("{}", p.display());
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::ExitCode::from(1)
        }
    }
}
