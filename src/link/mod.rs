//! Stage 5 — link: entity keys and resolution across mentions and documents.
//!
//! - [`key`] (in `key.rs`) is THE name key: every place that compares names (graph building,
//!   merging shards, `query`, `eval`) calls it, so keys cannot drift apart.
//! - [`resolve`] (in `resolve.rs`) clusters mentions into entities with a union-find over
//!   keys, on evidence only (same key, the `orgs_known` lexicon, alias definitions, a person's
//!   organization), and logs every merge with its reason (`merges.jsonl` in the export).

pub mod facts;
pub mod key;
pub mod records;
pub mod resolve;

pub use key::{display, is_abbreviation_of, key};
pub use resolve::{Entities, Entity, MergeReason, MergeRecord, NO_ENTITY, Resolved, resolve};
