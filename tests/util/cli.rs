//! Running the `kgextract` binary from the CLI tests.
#![allow(dead_code)]

use std::ffi::OsStr;

use assert_cmd::Command;

/// The `kgextract` binary of this build.
pub fn kgextract() -> Command {
    Command::cargo_bin("kgextract").unwrap()
}

/// Run `kgextract ARGS…`, require success (showing stderr otherwise), parse stdout as JSON.
pub fn json<I, S>(args: I) -> serde_json::Value
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let out = kgextract().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A file of `tests/fixtures/`.
pub fn fixture(file: &str) -> String {
    format!("{}/tests/fixtures/{file}", env!("CARGO_MANIFEST_DIR"))
}
