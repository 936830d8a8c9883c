//! Embeds every rule-data file under `schema/lexicons/` and `schema/rules/` into the binary.
//!
//! Why a build script: each extractor family owns its own lexicon files, and a generated table
//! means adding a lexicon is just adding a file — no central list to edit (and to conflict on).
use std::{env, fs, path::Path};

fn main() {
    let out =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_schema.rs");
    let mut code = String::from(
        "/// (path relative to `schema/`, contents) of every embedded rule-data file.\npub static EMBEDDED: &[(&str, &str)] = &[\n",
    );
    for dir in ["lexicons", "rules"] {
        let root = Path::new("schema").join(dir);
        println!("cargo:rerun-if-changed={}", root.display());
        let mut files: Vec<_> = fs::read_dir(&root)
            .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        for f in files {
            let ext = f.extension().and_then(|e| e.to_str()).unwrap_or("");
            if ext != "txt" && ext != "toml" {
                continue;
            }
            println!("cargo:rerun-if-changed={}", f.display());
            let abs = fs::canonicalize(&f).expect("schema file is readable");
            let rel = format!("{}/{}", dir, f.file_name().unwrap().to_string_lossy());
            code.push_str(&format!(
                "    ({:?}, include_str!({:?})),\n",
                rel,
                abs.display().to_string()
            ));
        }
    }
    code.push_str("];\n");
    fs::write(out, code).expect("write embedded_schema.rs");
}
