//! The seed article (`shared/seed/000_851f9dfa7178c61b.txt`, not part of the project) through
//! the organization and location families: exactly the organization 中国联通 (with its short
//! name 联通 linked to it), the three funds as kind `fund`, the location 北京 from `在京`, and
//! none of the noise (no 中国 out of 中国联通, no meeting, policy or collective phrase).
//!
//! Skips with a note when the seed is absent, so `cargo test` passes without `shared/`.

use std::collections::BTreeSet;
use std::path::PathBuf;

use kgextract::extract::{Attrs, Label, OrgKind};
use kgextract::rules::Rules;

const SEED: &str = "seed/000_851f9dfa7178c61b.txt";

fn seed_path() -> Option<PathBuf> {
    [
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared")).join(SEED),
        PathBuf::from("/work/shared").join(SEED),
    ]
    .into_iter()
    .find(|p| p.is_file())
}

#[test]
fn seed_organizations_and_locations() {
    let Some(path) = seed_path() else {
        eprintln!("note: seed article not found; skipping");
        return;
    };
    let bytes = std::fs::read(&path).expect("seed is readable");
    let doc = kgextract::read::from_bytes("seed", &path.display().to_string(), &bytes)
        .expect("seed decodes");
    let ex = kgextract::extract::process(&doc, Rules::builtin());

    let orgs: Vec<_> = ex
        .mentions
        .iter()
        .filter(|m| m.label == Label::Organization)
        .collect();
    let org_names: BTreeSet<&str> = orgs.iter().map(|m| m.name.as_str()).collect();
    let expected: BTreeSet<&str> = [
        "中国联通",
        "战新产业母基金",
        "5G产业母基金",
        "网络安全产业基金",
    ]
    .into_iter()
    .collect();
    assert_eq!(org_names, expected, "organization entities");

    // 联通 is a mention of 中国联通.
    assert!(
        orgs.iter()
            .any(|m| m.text == "联通" && m.name == "中国联通"),
        "the short name 联通 links to 中国联通"
    );
    // Funds have kind fund; 中国联通 is an enterprise.
    for m in &orgs {
        let Attrs::Org { kind } = m.attrs else {
            panic!("organization without kind: {}", m.text);
        };
        let want = if m.name.ends_with("基金") {
            OrgKind::Fund
        } else {
            OrgKind::Enterprise
        };
        assert_eq!(kind, want, "kind of {}", m.text);
    }

    let places: Vec<_> = ex
        .mentions
        .iter()
        .filter(|m| m.label == Label::Location)
        .collect();
    assert!(
        places.iter().any(|m| m.text == "京" && m.name == "北京"),
        "在京 gives 北京"
    );
    // Every place is 北京 or a real mention of the country (`作为中国通信行业的…`), never
    // the 中国 of 中国联通 (which the organization owns).
    for m in &places {
        assert!(
            m.name == "北京" || m.name == "中国",
            "unexpected place {}",
            m.text
        );
    }
    let chars: Vec<char> = doc.text.chars().collect();
    for m in places.iter().filter(|m| m.name == "中国") {
        let after: String = chars[m.end..(m.end + 2).min(chars.len())].iter().collect();
        assert_ne!(after, "联通", "中国 taken out of 中国联通 at {}", m.start);
    }
}
