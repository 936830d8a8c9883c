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
//! - quotes and brackets around a name (`“中国联通”`) are dropped;
//! - `人民政府` after an administrative unit is folded to `政府` (`芜湖市人民政府` =
//!   `芜湖市政府`, `X省人民政府办公厅` = `X省政府办公厅`): a province's, city's, county's or
//!   district's government is called both ways, and the two names never denote two bodies.
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

/// CJK radicals, punctuation, kana and ideographs (U+2E80–U+9FFF): characters without case.
fn is_caseless_cjk(c: char) -> bool {
    ('\u{2E80}'..='\u{9FFF}').contains(&c)
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
        // CJK characters have no case (a test checks the range): no case-table search.
        if is_caseless_cjk(c) {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
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
        let simplified = match T2S.as_ref() {
            // Script conversion may map a char to a char that folds again; fold once more.
            Some(_) => fold(&t2s(&folded)),
            None => folded,
        };
        fold_government(simplified)
    })
}

/// `人民政府` → `政府` right after an administrative unit character (`市`, `省`, `县`, `区`,
/// `州`, `旗`, `盟`, `镇`, `乡`): see the module doc. `中央人民政府` and a bare `人民政府` keep
/// their name.
fn fold_government(name: String) -> String {
    const LONG: &str = "人民政府";
    if !name.contains(LONG) {
        return name;
    }
    let mut out = String::with_capacity(name.len());
    let mut rest = name.as_str();
    while let Some(i) = rest.find(LONG) {
        let before = &rest[..i];
        out.push_str(before);
        let unit = out.chars().next_back().is_some_and(|c| {
            matches!(
                c,
                '市' | '省' | '县' | '区' | '州' | '旗' | '盟' | '镇' | '乡'
            )
        });
        out.push_str(if unit { "政府" } else { LONG });
        rest = &rest[i + LONG.len()..];
    }
    out.push_str(rest);
    out
}

/// Characters of which every multi-character key of OpenCC's `t2s` dictionaries
/// (`TSPhrases`: `沈默` → `沉默`, `瞭解` → `了解`, `有序`) holds one unless it holds a
/// character that `t2s` changes on its own. A test checks this against the dictionaries of
/// the locked ferrous-opencc.
const PHRASE_MARKS: [char; 9] = ['瞭', '藉', '覆', '彷', '牴', '衹', '祇', '沈', '序'];

/// Does `t2s` certainly return `text` unchanged? True when `t2s` leaves every character alone
/// on its own and none is a [`PHRASE_MARKS`] character: then no multi-character key occurs in
/// `text`, each character is converted alone, to itself. Most names of Simplified text pass,
/// and this costs a table lookup per character instead of two dictionary walks.
fn t2s_is_identity(text: &str) -> bool {
    text.chars().all(|c| {
        crate::normalize::filters::opencc::unchanged_alone(c) && !PHRASE_MARKS.contains(&c)
    })
}

/// OpenCC `t2s` of `text` (itself without a converter), remembered per thread. [`key`] and
/// [`display`] convert the same names (a Chinese name usually folds to itself), and the
/// conversion costs thousands of instructions per name: each distinct text is converted once,
/// and a text it cannot change is not converted at all.
fn t2s(text: &str) -> String {
    if t2s_is_identity(text) {
        return text.to_string();
    }
    cached(&T2S_CACHE, text, |t| match T2S.as_ref() {
        Some(cc) => cc.convert(t),
        None => t.to_string(),
    })
}

type Cache = std::cell::RefCell<crate::rules::FastMap<Box<str>, Box<str>>>;

/// The most names a [`cached`] cache holds (≈ 7 MB with the texts). Repeating corpora (the
/// names of a news stream recur) stay far below it.
const MAX_ENTRIES: usize = 1 << 16;

thread_local! {
    static KEY_CACHE: Cache = Cache::default();
    static T2S_CACHE: Cache = Cache::default();
}

/// `f(input)`, remembered per thread. The cache holds distinct names only and is emptied when
/// it reaches [`MAX_ENTRIES`]: a bound, not the graph's size (issue 8: at 1 << 20 entries, on
/// 200 MB of distinct text, the key cache of the extraction thread and the one of resolution
/// held ≈ 12 MB each — table and boxed texts — to the end of the run).
fn cached(
    cache: &'static std::thread::LocalKey<Cache>,
    input: &str,
    f: impl FnOnce(&str) -> String,
) -> String {
    cache.with(|c| {
        if let Some(v) = c.borrow().get(input) {
            // (Not `to_string`: on a `Box<str>` that goes through `Display` and pads.)
            return String::from(&**v);
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
    fn government_names_fold_after_a_unit() {
        assert_eq!(key("青川市人民政府"), key("青川市政府"));
        assert_eq!(key("青川市人民政府办公室"), key("青川市政府办公室"));
        assert_eq!(key("岭东省人民政府"), key("嶺東省政府"));
        assert_eq!(key("临水县人民政府"), key("临水县政府"));
        // no administrative unit before it: a different name
        assert_ne!(key("中央人民政府"), key("中央政府"));
        assert_ne!(key("人民政府"), key("政府"));
        assert_ne!(key("青川市人民"), key("青川市"));
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

    /// The ferrous-opencc dictionary sources of the locked version, when the cargo registry
    /// holds them (`None` otherwise: the check is skipped).
    fn opencc_dictionaries() -> Option<std::path::PathBuf> {
        let lock =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.lock")).ok()?;
        let version = lock
            .split("[[package]]")
            .find(|p| p.contains("name = \"ferrous-opencc\"\n"))?
            .lines()
            .find_map(|l| l.strip_prefix("version = \""))?
            .trim_end_matches('"')
            .to_string();
        let home = std::env::var_os("CARGO_HOME")
            .map(std::path::PathBuf::from)
            .or_else(|| {
                std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".cargo"))
            })?;
        std::fs::read_dir(home.join("registry/src"))
            .ok()?
            .flatten()
            .map(|d| {
                d.path()
                    .join(format!("ferrous-opencc-{version}/assets/dictionaries"))
            })
            .find(|p| p.is_dir())
    }

    #[test]
    fn phrase_marks_cover_the_t2s_dictionaries() {
        let Some(dir) = opencc_dictionaries() else {
            eprintln!("ferrous-opencc dictionary sources not found: check skipped");
            return;
        };
        for file in ["TSPhrases.txt", "TSCharacters.txt"] {
            let text = std::fs::read_to_string(dir.join(file)).expect("dictionary is readable");
            for line in text
                .lines()
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
            {
                let k = line.split('\t').next().unwrap_or_default();
                // No key spans a line break (the per-character probe relies on it) ...
                assert!(!k.contains(char::is_whitespace), "{file}: {k:?}");
                // ... and every multi-character key holds a character that changes on its
                // own or a listed one.
                if k.chars().count() > 1 {
                    assert!(
                        k.chars().any(|c| {
                            !crate::normalize::filters::opencc::unchanged_alone(c)
                                || PHRASE_MARKS.contains(&c)
                        }),
                        "{file}: {k:?} holds no listed character"
                    );
                }
            }
        }
    }

    #[test]
    fn caseless_cjk_has_no_lowercase() {
        for c in ('\u{2E80}'..='\u{9FFF}').filter(|c| is_caseless_cjk(*c)) {
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
    }

    #[test]
    fn identity_shortcut_agrees_with_the_converter() {
        let Some(cc) = T2S.as_ref() else { return };
        for s in [
            "张伟",
            "中国联通",
            "沈默",
            "有序发展",
            "李澤鉅",
            "TCL科技",
            "华为技术有限公司",
            "乾隆",
            "a b",
            "有序发展",
            "秩序",
            "瞭解",
            "彷徨",
        ] {
            if t2s_is_identity(s) {
                assert_eq!(cc.convert(s), s);
            }
            assert_eq!(t2s(s), cc.convert(s));
        }
        assert!(t2s_is_identity("张伟"));
        assert!(!t2s_is_identity("沈默"));
        assert!(!t2s_is_identity("中國"));
    }

    proptest! {
        #[test]
        fn t2s_shortcut_is_exact(s in "[a-zA-Z0-9 ·中国聯通联通華為华为集團集团公司有限發展发展銀行银行沈默乾隆李澤鉅一目瞭然]{0,12}") {
            let want = T2S.as_ref().map_or_else(|| s.clone(), |cc| cc.convert(&s));
            prop_assert_eq!(t2s(&s), want);
        }

        #[test]
        fn key_is_idempotent(s in "[a-zA-Z0-9 ·ＡＺ０９　中国聯通联通華為华为集團集团公司有限發展发展銀行银行]{0,12}") {
            let k = key(&s);
            prop_assert_eq!(key(&k), k);
        }
    }
}
