//! libFuzzer target: arbitrary bytes through read → normalize → segment → extract → graph →
//! JSON, Neo4j CSV (checked by the validator), DOT and GraphML export, with the invariants of `tests/util/invariants.rs` (shared with the proptest in
//! `tests/props_pipeline.rs`). A broken invariant panics, which libFuzzer reports as a crash
//! and saves under `fuzz/artifacts/pipeline/`; copy it to `tests/fuzz/` when fixing the bug so
//! `cargo test` replays it.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
mod invariants {
    include!("../../tests/util/invariants.rs");
}

fuzz_target!(|data: &[u8]| {
    if let Err(e) = invariants::check_bytes(data) {
        panic!("invariant broken: {e}");
    }
});
