//! Rule documentation: `schema/rules/<family>.toml`, one `[[rule]]` table per rule id.
//!
//! ```toml
//! [[rule]]
//! id = "person.title_before"
//! doc = "What it matches and why."
//! examples = ["a sentence where the rule fires"]
//! counterexamples = ["a sentence where it must not fire"]
//! ```
//!
//! `kgextract rules [ID]` prints these, and a test checks that every `RuleId` in `src/` has a
//! doc and every doc an implementation, and runs the examples and counterexamples.

use serde::Deserialize;

/// The documentation of one rule.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct RuleDoc {
    pub id: String,
    pub doc: String,
    #[serde(default)]
    pub examples: Vec<String>,
    #[serde(default)]
    pub counterexamples: Vec<String>,
}

#[derive(Deserialize)]
struct RuleFile {
    #[serde(default)]
    rule: Vec<RuleDoc>,
}

/// Every rule doc of every family, sorted by id. Errors name the file.
pub fn all() -> Result<Vec<RuleDoc>, String> {
    let mut out = Vec::new();
    for (path, text) in super::EMBEDDED {
        if !(path.starts_with("rules/") && path.ends_with(".toml")) {
            continue;
        }
        let f: RuleFile = toml::from_str(text).map_err(|e| format!("schema/{path}: {e}"))?;
        let family = path.trim_start_matches("rules/").trim_end_matches(".toml");
        for r in f.rule {
            if r.id.split('.').next() != Some(family) {
                return Err(format!(
                    "schema/{path}: rule {:?} does not belong to family {family:?} (ids start with the file name)",
                    r.id
                ));
            }
            out.push(r);
        }
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(out)
}

/// The doc of one rule id.
pub fn get(id: &str) -> Option<RuleDoc> {
    all().ok()?.into_iter().find(|r| r.id == id)
}
