//! Every rule id used in `src/` is documented in `schema/rules/<family>.toml` and the reverse,
//! and every documented example / counterexample behaves as documented.

use std::collections::BTreeSet;
use std::path::Path;

use kgextract::extract::{DocExtraction, process};
use kgextract::read::from_bytes;
use kgextract::rules::{Rules, docs};

fn rule_ids_in_src(dir: &Path, out: &mut BTreeSet<String>) {
    let re = regex::Regex::new(r#"RuleId\("([a-z_]+\.[a-z0-9_.]+)"\)"#).unwrap();
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rule_ids_in_src(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&p).unwrap();
            // Ids inside #[cfg(test)] modules are test fixtures, not rules.
            let text = text.split("#[cfg(test)]").next().unwrap_or("");
            for c in re.captures_iter(text) {
                out.insert(c[1].to_string());
            }
        }
    }
}

#[test]
fn every_rule_id_is_documented_and_every_doc_is_used() {
    let mut used = BTreeSet::new();
    rule_ids_in_src(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut used,
    );
    let documented: BTreeSet<String> = docs::all().unwrap().into_iter().map(|r| r.id).collect();
    let undocumented: Vec<_> = used.difference(&documented).collect();
    let unused: Vec<_> = documented.difference(&used).collect();
    assert!(
        undocumented.is_empty(),
        "rule ids used in src/ but missing from schema/rules/*.toml: {undocumented:?}"
    );
    assert!(
        unused.is_empty(),
        "rule ids documented in schema/rules/*.toml but used nowhere in src/: {unused:?}"
    );
}

fn fired(ex: &DocExtraction) -> BTreeSet<&'static str> {
    let mut s = BTreeSet::new();
    s.extend(ex.mentions.iter().map(|m| m.rule.as_str()));
    s.extend(ex.events.iter().map(|e| e.evidence.rule.as_str()));
    s.extend(ex.relations.iter().map(|r| r.evidence.rule.as_str()));
    s
}

#[test]
fn documented_examples_fire_and_counterexamples_do_not() {
    let rules = Rules::builtin();
    let mut failures = Vec::new();
    for r in docs::all().unwrap() {
        for (i, text) in r.examples.iter().enumerate() {
            let doc = from_bytes(&format!("{}#{i}", r.id), "example", text.as_bytes()).unwrap();
            let ex = process(&doc, rules);
            if !fired(&ex).contains(r.id.as_str()) {
                failures.push(format!("{}: example does not fire: {text}", r.id));
            }
        }
        for (i, text) in r.counterexamples.iter().enumerate() {
            let doc =
                from_bytes(&format!("{}#c{i}", r.id), "counterexample", text.as_bytes()).unwrap();
            let ex = process(&doc, rules);
            if fired(&ex).contains(r.id.as_str()) {
                failures.push(format!("{}: counterexample fires: {text}", r.id));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
