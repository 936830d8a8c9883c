//! THE name key: the one normalization that decides whether two names are the same.
//!
//! Every place that compares names — entity resolution, merging shards, `query`, `eval` —
//! calls [`key`], so keys cannot drift apart. The key folds only differences that never
//! change *which* entity a name denotes:
//!
//! - full-width ASCII → half-width (`ＡＢＣ` → `abc`), ideographic space → space;
//! - Traditional → Simplified (OpenCC `t2s`; `中國聯通` → `中国联通`);
//! - ASCII case (`Tencent` = `TENCENT`);
//! - whitespace and name-separator dots (`·•・`) are dropped (`欧阳 娜娜`, `阿卜杜拉·阿齐兹`);
//! - quotes and brackets around a name (`“中国联通”`) are dropped.
//!
//! It does **not** strip legal suffixes (`有限公司`) or expand abbreviations: those merges need
//! evidence (an alias definition or the `orgs_known` lexicon) and are made, with a recorded
//! reason, in [`super::resolve`]. `key` is idempotent (a proptest checks it).

use std::sync::LazyLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

static T2S: LazyLock<Option<OpenCC>> =
    LazyLock::new(|| OpenCC::from_config(BuiltinConfig::T2s).ok());

fn is_dropped(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '·' | '•'
                | '・'
                | '‧'
                | '"'
                | '\''
                | '“'
                | '”'
                | '‘'
                | '’'
                | '「'
                | '」'
                | '『'
                | '』'
        )
}

/// Width and case folding, separator removal (no script conversion).
fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        };
        if is_dropped(c) {
            continue;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// The normalized form of a name used to decide identity (see the module doc). Idempotent.
pub fn key(name: &str) -> String {
    if name.is_ascii() {
        return fold(name);
    }
    // Folding and script conversion cost more than a lookup, and names repeat across a
    // corpus (and are asked for again and again by the resolver): remember the key.
    cached(&KEY_CACHE, name, |name| {
        let folded = fold(name);
        if folded.is_ascii() {
            return folded;
        }
        match T2S.as_ref() {
            // Script conversion may map a char to a char that folds again; fold once more.
            Some(_) => fold(&t2s(&folded)),
            None => folded,
        }
    })
}

/// OpenCC `t2s` of `text` (itself without a converter), remembered per thread. [`key`] and
/// [`display`] convert the same names (a Chinese name usually folds to itself), and the
/// conversion costs thousands of instructions per name: each distinct text is converted once.
fn t2s(text: &str) -> String {
    cached(&T2S_CACHE, text, |t| match T2S.as_ref() {
        Some(cc) => cc.convert(t),
        None => t.to_string(),
    })
}

type Cache = std::cell::RefCell<crate::rules::FastMap<Box<str>, Box<str>>>;

thread_local! {
    static KEY_CACHE: Cache = Cache::default();
    static T2S_CACHE: Cache = Cache::default();
}

/// `f(input)`, remembered per thread. The cache holds distinct names only (it grows with the
/// graph, not the text) and is emptied if it ever gets large.
fn cached(
    cache: &'static std::thread::LocalKey<Cache>,
    input: &str,
    f: impl FnOnce(&str) -> String,
) -> String {
    const MAX_ENTRIES: usize = 1 << 20;
    cache.with(|c| {
        if let Some(v) = c.borrow().get(input) {
            return v.to_string();
        }
        let v = f(input);
        let mut c = c.borrow_mut();
        if c.len() >= MAX_ENTRIES {
            c.clear();
        }
        c.insert(input.into(), v.as_str().into());
        v
    })
}

/// The Simplified, width-folded display form of a name (keeps case and inner spaces).
/// Used to pick a readable canonical name; identity is still decided by [`key`].
pub fn display(name: &str) -> String {
    let trimmed = name.trim();
    if trimmed.is_ascii() {
        return trimmed.to_string();
    }
    t2s(trimmed)
}

/// Whether every char of `short` occurs in `long`, in order (`中国移动` in
/// `中国移动通信集团有限公司`, `联通` in `中国联合网络通信集团有限公司`): the shape of a Chinese
/// abbreviation. Compared on keys.
pub fn is_abbreviation_of(short: &str, long: &str) -> bool {
    let (s, l) = (key(short), key(long));
    if s.is_empty() || s.chars().count() >= l.chars().count() {
        return false;
    }
    let mut it = l.chars();
    s.chars().all(|c| it.any(|d| d == c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn folds_width_case_space_and_script() {
        assert_eq!(key("ＡＢＣ 公司"), "abc公司");
        assert_eq!(key("中國聯通"), key("中国联通"));
        assert_eq!(key("“中国联通”"), "中国联通");
        assert_eq!(key("阿卜杜拉·阿齐兹"), "阿卜杜拉阿齐兹");
        assert_eq!(key("Tencent"), key("TENCENT"));
    }

    #[test]
    fn keeps_different_names_apart() {
        assert_ne!(key("中国移动"), key("中国移动通信集团有限公司"));
        assert_ne!(key("张伟"), key("张玮"));
    }

    #[test]
    fn abbreviation_shape() {
        assert!(is_abbreviation_of("中国移动", "中国移动通信集团有限公司"));
        assert!(is_abbreviation_of("联通", "中国联合网络通信集团有限公司"));
        assert!(!is_abbreviation_of("移动联通", "中国移动通信集团有限公司"));
        assert!(!is_abbreviation_of("中国移动", "中国移动"));
        assert!(!is_abbreviation_of("", "中国移动"));
    }

    proptest! {
        #[test]
        fn key_is_idempotent(s in "[a-zA-Z0-9 ·ＡＺ０９　中国聯通联通華為华为集團集团公司有限發展发展銀行银行]{0,12}") {
            let k = key(&s);
            prop_assert_eq!(key(&k), k);
        }
    }
}
