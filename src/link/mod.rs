//! Stage 5 — link: entity keys and resolution across mentions and documents.
//!
//! [`key`] is THE name key: every place that compares names (graph building, merging shards,
//! `query`, `eval`) calls it, so keys cannot drift apart.

/// The normalized form of a name used to decide identity: full-width → half-width, ASCII
/// lower-case, whitespace and separator dots removed. Idempotent.
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        };
        if c.is_whitespace() || c == '·' || c == '•' || c == '・' {
            continue;
        }
        out.extend(c.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_folds_width_case_and_space() {
        assert_eq!(key("ＡＢＣ 公司"), "abc公司");
        assert_eq!(key(&key("Ｘ ·y")), key("Ｘ ·y"));
    }
}
