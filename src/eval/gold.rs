//! Reading JSONL gold files (`kgextract eval ner`, `kgextract eval events`): one JSON record a
//! line, blank lines skipped, errors naming the file and line.
//!
//! The record types stay with their evaluations: the NER files need entity offsets, the
//! FinRE/DuEE files may lack them and carry relations and events instead.

use std::io::BufRead;

use serde::de::DeserializeOwned;

/// The records of a JSONL file, at most `limit` of them.
pub fn read_jsonl<T: DeserializeOwned>(
    reader: impl BufRead,
    source: &str,
    limit: Option<usize>,
) -> Result<Vec<T>, String> {
    let mut recs = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| format!("{source}:{}: {e}", i + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        if limit.is_some_and(|l| recs.len() >= l) {
            break;
        }
        let rec: T = serde_json::from_str(&line).map_err(|e| format!("{source}:{}: {e}", i + 1))?;
        recs.push(rec);
    }
    Ok(recs)
}

/// A record's `id` as text: a string as it is, anything else (number, null) as JSON.
pub fn record_id(id: &serde_json::Value) -> String {
    match id {
        serde_json::Value::String(s) => s.clone(),
        v => v.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct R {
        id: serde_json::Value,
    }

    #[test]
    fn reads_records_and_names_the_bad_line() {
        let recs: Vec<R> =
            read_jsonl("{\"id\":\"a\"}\n\n{\"id\":7}\n".as_bytes(), "f", None).unwrap();
        let ids: Vec<String> = recs.iter().map(|r| record_id(&r.id)).collect();
        assert_eq!(ids, ["a", "7"]);
        let one: Vec<R> = read_jsonl("{\"id\":1}\n{\"id\":2}\n".as_bytes(), "f", Some(1)).unwrap();
        assert_eq!(one.len(), 1);
        let e = read_jsonl::<R>("{\"id\":1}\n\nnot json\n".as_bytes(), "f", None).err();
        assert!(e.is_some_and(|e| e.starts_with("f:3: ")));
    }
}
