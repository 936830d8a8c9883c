//! Comparing extracted surfaces with the text a test wrote.
#![allow(dead_code)]

/// The surface as the normalizer reports it: spaces between digits and units removed,
/// full-width ASCII folded (normalization may or may not do this; compare modulo it).
pub fn canon(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        })
        .collect()
}
