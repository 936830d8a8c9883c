// Pipeline invariants shared by the proptest (tests/props_pipeline.rs) and the cargo-fuzz target
// (fuzz/fuzz_targets/pipeline.rs, which `include!`s this file — hence plain `//` comments and
// no inner attributes).
//
// `check_bytes` runs read → normalize → segment → extract → finish → graph → JSON export on
// arbitrary bytes and returns a description of the first broken invariant:
// - every clean-text range (sentence, mention, evidence) lies inside the clean text and on char
//   boundaries, and maps to a span of the original that lies inside it, on char boundaries;
// - the offset map is monotone (clean order = original order);
// - exported character offsets (`Mention.start/end`, `Evidence.start/end`) are inside the
//   original text's character count, start <= end;
// - every amount is finite with min <= max (and value inside [min, max] when both are given);
// - every date is a valid calendar date (by construction of NaiveDate) and a range ends after
//   it starts;
// - the JSON export serializes and parses back;
// - the Neo4j CSV export passes `kgextract validate` (no error diagnostics);
// - the DOT file escapes safely: every double-quoted string closes, and outside strings there is
//   only DOT syntax (ASCII), so no entity text can leak into the statement structure;
// - the GraphML file has no raw `<`, `>` or `&` inside text or attribute values.

use kgextract::extract::{Attrs, Money, TimeValue};

/// What one run saw, so callers can assert the generator reaches interesting states.
#[derive(Default, Debug, Clone, Copy)]
pub struct Seen {
    pub decoded: bool,
    pub mentions: usize,
    pub amounts: usize,
    pub dates: usize,
    pub events: usize,
}

fn on_boundary(s: &str, i: usize) -> bool {
    i <= s.len() && s.is_char_boundary(i)
}

fn check_range(what: &str, text: &str, r: &std::ops::Range<usize>) -> Result<(), String> {
    if r.start > r.end || r.end > text.len() {
        return Err(format!(
            "{what}: range {r:?} outside the clean text (len {})",
            text.len()
        ));
    }
    if !on_boundary(text, r.start) || !on_boundary(text, r.end) {
        return Err(format!(
            "{what}: range {r:?} not on char boundaries of the clean text"
        ));
    }
    Ok(())
}

fn check_money(what: &str, m: &Money) -> Result<(), String> {
    let fin = |x: f64| x.is_finite();
    if !fin(m.value) {
        return Err(format!("{what}: amount value {} is not finite", m.value));
    }
    for b in [m.min, m.max].into_iter().flatten() {
        if !fin(b) {
            return Err(format!("{what}: amount bound {b} is not finite"));
        }
    }
    if let (Some(lo), Some(hi)) = (m.min, m.max)
        && lo > hi
    {
        return Err(format!("{what}: amount min {lo} > max {hi}"));
    }
    if m.currency.is_empty() {
        return Err(format!("{what}: amount without a currency"));
    }
    Ok(())
}

fn check_time(what: &str, t: &TimeValue) -> Result<(), String> {
    if let TimeValue::Date {
        date,
        end: Some(end),
        ..
    } = t
        && end < date
    {
        return Err(format!(
            "{what}: date range ends ({end}) before it starts ({date})"
        ));
    }
    Ok(())
}

/// Run the whole pipeline on `bytes` and check every invariant.
pub fn check_bytes(bytes: &[u8]) -> Result<Seen, String> {
    let mut seen = Seen::default();
    let doc = match kgextract::read::from_bytes("fuzz", "fuzz.md", bytes) {
        Ok(d) => d,
        Err(e) => {
            let msg = e.to_string();
            if !msg.contains("fuzz.md") {
                return Err(format!("read error does not name the file: {msg}"));
            }
            return Ok(seen);
        }
    };
    seen.decoded = true;
    let orig = &doc.text;
    let rules = kgextract::rules::Rules::builtin();

    // Stage 2: the offset map.
    let norm = kgextract::normalize::normalize(&doc);
    if norm.text.len() != norm.display.len() {
        return Err(format!(
            "matching view ({} bytes) and display ({} bytes) differ in layout",
            norm.text.len(),
            norm.display.len()
        ));
    }
    let mut last = 0usize;
    for (b, c) in norm.text.char_indices() {
        if !norm.display.is_char_boundary(b) {
            return Err(format!("display not on a char boundary at {b}"));
        }
        let span = norm.to_original(b..b + c.len_utf8());
        if span.start > span.end || span.end > orig.len() {
            return Err(format!(
                "char {c:?} at {b} maps outside the original: {span:?}"
            ));
        }
        if !orig.is_char_boundary(span.start) || !orig.is_char_boundary(span.end) {
            return Err(format!(
                "char {c:?} at {b} maps off a char boundary: {span:?}"
            ));
        }
        if span.start < last {
            return Err(format!("offset map not monotone at clean byte {b}"));
        }
        last = span.start;
    }

    // Stage 3.
    let sentences = kgextract::segment::segment(&norm);
    for (i, s) in sentences.iter().enumerate() {
        check_range(&format!("sentence {i}"), &norm.text, &s.range)?;
    }

    // Stage 4.
    let mut ad = kgextract::extract::AnnotatedDoc::new(&doc, &norm, &sentences);
    kgextract::extract::run(&mut ad, rules);
    for (i, m) in ad.mentions.iter().enumerate() {
        let what = format!("mention {i} {:?} {:?}", m.label, m.text);
        check_range(&what, &norm.text, &m.range)?;
        let span = norm.to_original(m.range.clone());
        if span.end > orig.len()
            || !orig.is_char_boundary(span.start)
            || !orig.is_char_boundary(span.end)
        {
            return Err(format!("{what}: original span {span:?} invalid"));
        }
        match &m.attrs {
            Attrs::Amount(money) => {
                seen.amounts += 1;
                check_money(&what, money)?;
            }
            Attrs::Time(t) => {
                seen.dates += 1;
                check_time(&what, t)?;
            }
            _ => {}
        }
    }
    for (i, e) in ad.events.iter().enumerate() {
        check_range(
            &format!("event {i} evidence"),
            &norm.text,
            &e.evidence.range,
        )?;
        if let Some(t) = &e.date {
            check_time(&format!("event {i}"), t)?;
        }
        if let Some(l) = e.location
            && l >= ad.mentions.len()
        {
            return Err(format!("event {i}: location index {l} out of range"));
        }
    }
    for (i, r) in ad.relations.iter().enumerate() {
        check_range(
            &format!("relation {i} evidence"),
            &norm.text,
            &r.evidence.range,
        )?;
    }
    seen.mentions = ad.mentions.len();
    seen.events = ad.events.len();

    // Character offsets of the export.
    let ex = kgextract::extract::finish(ad);
    let nchars = orig.chars().count();
    for m in &ex.mentions {
        if m.start > m.end || m.end > nchars {
            return Err(format!(
                "mention {:?}: char offsets {}..{} outside 0..{nchars}",
                m.text, m.start, m.end
            ));
        }
    }
    for e in &ex.events {
        if e.evidence.start > e.evidence.end || e.evidence.end > nchars {
            return Err(format!(
                "event {:?}: evidence offsets outside the original",
                e.name
            ));
        }
    }
    for r in &ex.relations {
        if r.evidence.start > r.evidence.end || r.evidence.end > nchars {
            return Err(format!(
                "relation {:?}: evidence offsets outside the original",
                r.rel
            ));
        }
    }
    for s in &ex.sentences {
        if s.contains('\n') || s.contains('\r') {
            return Err(format!("evidence sentence with a line break: {s:?}"));
        }
    }

    // Stages 6–7 (JSON only: it needs no files).
    let kg = kgextract::graph::KnowledgeGraph::build(vec![ex]);
    let json = kgextract::export::json::to_json(&kg);
    let s = serde_json::to_string(&json).map_err(|e| format!("JSON export: {e}"))?;
    serde_json::from_str::<serde_json::Value>(&s).map_err(|e| format!("JSON re-parse: {e}"))?;

    // The Neo4j CSV files, checked by the validator users run on an export.
    let files =
        kgextract::export::neo4j_csv::render(&kg).map_err(|e| format!("CSV export: {e}"))?;
    let report = kgextract::validate::validate_files(&files);
    if report.errors() > 0 {
        let first = report
            .diagnostics
            .iter()
            .map(|d| format!("{d:?}"))
            .next()
            .unwrap_or_default();
        return Err(format!(
            "CSV export fails validation ({} errors), first: {first}",
            report.errors()
        ));
    }

    let dot = kgextract::export::dot::render(&kg, &kgextract::export::ExportOptions::default())
        .map_err(|e| format!("DOT export: {e}"))?;
    check_dot(&dot)?;
    check_xml_text(&kgextract::export::graphml::render(&kg))?;
    Ok(seen)
}

/// DOT: strings close, escapes are complete, and everything outside strings is ASCII syntax.
pub fn check_dot(dot: &str) -> Result<(), String> {
    let mut in_str = false;
    let mut chars = dot.char_indices();
    while let Some((i, c)) = chars.next() {
        if in_str {
            match c {
                '\\' => {
                    // The escaped character is skipped, whatever it is.
                    let Some(_) = chars.next() else {
                        return Err(format!("DOT: dangling backslash at byte {i}"));
                    };
                }
                '"' => in_str = false,
                '\n' | '\r' => return Err(format!("DOT: raw line break in a string at byte {i}")),
                _ => {}
            }
        } else if c == '"' {
            in_str = true;
        } else if !c.is_ascii() {
            return Err(format!(
                "DOT: text {c:?} outside a quoted string at byte {i}"
            ));
        }
    }
    if in_str {
        return Err("DOT: unterminated string".into());
    }
    Ok(())
}

/// GraphML: between tags and inside attribute values, `<`, `>` and bare `&` never appear.
pub fn check_xml_text(xml: &str) -> Result<(), String> {
    let mut in_tag = false;
    let mut quote: Option<char> = None;
    for (i, c) in xml.char_indices() {
        match (in_tag, quote, c) {
            (true, Some(q), c) if c == q => quote = None,
            (true, Some(_), '<') => {
                return Err(format!("GraphML: raw '<' in an attribute at byte {i}"));
            }
            (true, None, '"' | '\'') => quote = Some(c),
            (true, None, '>') => in_tag = false,
            (false, _, '<') => in_tag = true,
            (false, _, '>') => return Err(format!("GraphML: raw '>' in text at byte {i}")),
            _ => {}
        }
        if c == '&' {
            let rest = &xml[i..];
            let entity = rest.find(';').map(|e| &rest[1..e]);
            let ok = matches!(entity, Some("amp" | "lt" | "gt" | "quot" | "apos"))
                || entity.is_some_and(|e| e.starts_with('#') && e.len() <= 8);
            if !ok {
                return Err(format!("GraphML: bare '&' at byte {i}"));
            }
        }
    }
    Ok(())
}
