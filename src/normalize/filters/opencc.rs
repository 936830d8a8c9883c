//! `opencc`: the Simplified-Chinese matching view of Traditional text.
//!
//! Rules and lexicons are written in Simplified Chinese; a Traditional article (`中國聯通董事長`)
//! must match them, yet mentions must be reported in the article's own script. So each unit
//! gets a *matching* char (`m`, what `NormText::text` holds) beside its shown char (`c`, what
//! `NormText::display` holds), converted one character at a time so the two views keep the same
//! byte layout and every offset stays valid in both.
//!
//! # Why a table, and why only Traditional documents
//!
//! ferrous-opencc converts strings with phrase dictionaries; calling it per character would
//! allocate per character. Instead its `t2s` converter was run ONCE, on every BMP CJK character
//! (each on its own line, so no phrase can span two), and what it changes is kept in
//! `t2s_changes.txt` (a test checks the file against the locked ferrous-opencc), read into a
//! flat `code point → code point` table (128 KiB) behind a `LazyLock`. Only one-to-one results
//! with the same UTF-8 length are kept.
//!
//! Some characters are both a Traditional form and a valid Simplified character (`乾` in 乾隆,
//! `於` as a surname); converting those in a Simplified article would corrupt names. So the
//! table is applied only when the document looks Traditional: at least 4% of its ideographs
//! (and at least one) change under conversion. Simplified news scores ~0%, Traditional ~20–30%.
//! A Traditional paragraph quoted in a Simplified document (too small to lift the document over
//! 4%) is converted on its own when it passes a stricter test: 3 changing characters or more,
//! and at least one ideograph in 8.

use std::sync::LazyLock;

#[cfg(test)]
use ferrous_opencc::{OpenCC, config::BuiltinConfig};

use super::super::{Filter, NormStats, Unit};
use super::is_ideograph;

/// See the module docs.
pub struct Simplified;

/// What `t2s` makes of each probed character on its own (see [`build_tables`]).
struct Tables {
    /// `simple[cp]` = the Simplified code point of BMP char `cp`, or 0 when it does not change.
    simple: Box<[u16]>,
    /// Bit `cp` set: BMP char `cp` was probed and `t2s` leaves it as it is when it stands alone.
    same: Box<[u64]>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(build_tables);

/// Every character `t2s` is asked about on its own (see [`probe`]): ASCII, Latin-1, general
/// punctuation and full-width forms only for `same` (see `unchanged_alone`: names hold them,
/// `TCL科技`, `阿卜杜拉·阿齐兹`), the CJK ranges for both tables.
fn probed_chars() -> impl Iterator<Item = char> {
    [
        0x21u32..0x7F,
        0xA1..0x100,
        0x2010..0x2040,
        0x2E80..0xA000,
        0xF900..0xFB00,
        0xFF01..0xFF66,
    ]
    .into_iter()
    .flatten()
    .filter_map(char::from_u32)
    .filter(|c| !c.is_whitespace())
}

/// What `t2s` makes of each probed character that it does not leave alone, made once from
/// the locked ferrous-opencc by [`probe`] (a test checks the file against it): one line per
/// character, the character, then its Simplified form when that is one BMP character of the
/// same UTF-8 length and the character is in a CJK range (the `simple` table), else nothing.
/// Lines that start with `# ` are comments. Building the converter and running it over the
/// ≈ 29 000 probed characters took ≈ 70 M instructions of every run's start-up (issue 8);
/// reading this list takes a few hundred thousand.
const T2S_CHANGES: &str = include_str!("t2s_changes.txt");

fn build_tables() -> Tables {
    let mut t = Tables {
        simple: vec![0u16; 0x1_0000].into_boxed_slice(),
        same: vec![0u64; 0x1_0000 / 64].into_boxed_slice(),
    };
    for c in probed_chars() {
        let cp = c as usize;
        t.same[cp / 64] |= 1 << (cp % 64);
    }
    for line in T2S_CHANGES.lines() {
        if line.starts_with("# ") {
            continue;
        }
        let mut it = line.chars();
        let Some(c) = it.next() else { continue };
        let cp = c as usize;
        if cp >= 0x1_0000 {
            continue;
        }
        t.same[cp / 64] &= !(1 << (cp % 64));
        if let Some(s) = it.next() {
            t.simple[cp] = s as u16;
        }
    }
    t
}

/// The lines of [`T2S_CHANGES`] as ferrous-opencc's `t2s` gives them: the converter is run
/// ONCE over every probed character, each on its own line (so no phrase spans two), and only
/// one-to-one results with the same UTF-8 length in the CJK ranges give a Simplified form.
/// `None` when the converter cannot be built.
#[cfg(test)]
fn probe() -> Option<String> {
    let cc = OpenCC::from_config(BuiltinConfig::T2s).ok()?;
    let chars: Vec<char> = probed_chars().collect();
    let mut input = String::with_capacity(chars.len() * 4);
    for c in &chars {
        input.push(*c);
        input.push('\n');
    }
    let out = cc.convert(&input);
    let lines: Vec<&str> = out.split('\n').collect();
    if lines.len() < chars.len() {
        return None;
    }
    let mut listed = String::from(T2S_HEADER);
    for (c, line) in chars.iter().zip(lines) {
        let cp = *c as usize;
        let mut it = line.chars();
        let (first, second) = (it.next(), it.next());
        if first == Some(*c) && second.is_none() {
            continue;
        }
        listed.push(*c);
        if let (Some(s), None) = (first, second)
            && s != *c
            && s.len_utf8() == c.len_utf8()
            && (s as u32) < 0x1_0000
            && ((0x2E80..0xA000).contains(&cp) || (0xF900..0xFB00).contains(&cp))
        {
            listed.push(s);
        }
        listed.push('\n');
    }
    Some(listed)
}

/// The comment lines at the top of `t2s_changes.txt`.
#[cfg(test)]
const T2S_HEADER: &str = "# What OpenCC `t2s` (ferrous-opencc, the locked version) makes of each character it does\n\
# not leave alone when the character stands alone: the character, then its Simplified form\n\
# if that is one character of the same UTF-8 length. Made by `probe` in opencc.rs; rewrite\n\
# with `KGEXTRACT_WRITE_T2S=1 cargo test --lib t2s_changes_file_is_what_opencc_gives`.\n";

/// Does OpenCC `t2s` leave `c` as it is when `c` stands alone? `false` for characters that
/// were not probed (whitespace, controls, anything outside the ranges of `build_tables`)
/// and when the converter could not be built. `link::key` uses it to skip the
/// conversion of names that cannot change.
pub fn unchanged_alone(c: char) -> bool {
    let cp = c as usize;
    cp < 0x1_0000 && TABLES.same[cp / 64] & (1 << (cp % 64)) != 0
}

/// The Simplified form of `c` (itself when it has none).
#[inline]
pub fn simplify(c: char) -> char {
    let cp = c as u32;
    if !(0x2E80..0x1_0000).contains(&cp) {
        return c;
    }
    match TABLES.simple[cp as usize] {
        0 => c,
        s => char::from_u32(s as u32).unwrap_or(c),
    }
}

/// Build the table now (e.g. before timing a run).
pub fn warm_up() {
    LazyLock::force(&TABLES);
}

impl Filter for Simplified {
    fn name(&self) -> &'static str {
        "opencc"
    }

    fn apply(&self, u: &mut Vec<Unit>, stats: &mut NormStats) {
        // A mostly Simplified document may quote a Traditional paragraph (a Hong Kong filing
        // inside a mainland report): too few of the document's ideographs change for it to
        // pass as Traditional, yet that paragraph alone plainly is. Such a paragraph gets the
        // Simplified view on its own, by a stricter test (at least 3 changing characters and
        // one ideograph in 8), so that a Simplified paragraph with one or two characters that
        // are Traditional forms as well (`乾隆`, `於`) stays as it is.
        // One pass counts every paragraph; the document's counts are their sums (a line break
        // is no ideograph), so its text is read once, not once for it and once per paragraph.
        // Simplified news has no character the table changes: then no count can reach either
        // test, and one tight walk (a range test and a table load per unit) decides it.
        if !any_changes(u) {
            return;
        }
        let (mut ideographs, mut changing) = (0usize, 0usize);
        let mut traditional_paragraphs = Vec::new();
        let mut start = 0;
        for para in u.split(|x| x.c == '\n') {
            let (i, c) = counts(para);
            ideographs += i;
            changing += c;
            if c >= 3 && c * 8 >= i {
                traditional_paragraphs.push(start..start + para.len());
            }
            start += para.len() + 1;
        }
        if changing > 0 && changing * 25 >= ideographs {
            convert(u, stats);
            return;
        }
        for para in traditional_paragraphs {
            convert(&mut u[para], stats);
        }
    }
}

/// Does the table change any unit of `u` (an ideograph or not)? When none changes, every
/// paragraph and the document count 0 changing ideographs and nothing is converted.
fn any_changes(u: &[Unit]) -> bool {
    let simple = &TABLES.simple;
    u.iter().any(|x| {
        let cp = x.c as u32;
        (0x2E80..0x1_0000).contains(&cp) && simple[cp as usize] != 0
    })
}

/// How many ideographs `u` holds, and how many of them the table changes.
fn counts(u: &[Unit]) -> (usize, usize) {
    let (mut ideographs, mut changing) = (0usize, 0usize);
    for x in u.iter().filter(|x| is_ideograph(x.c)) {
        ideographs += 1;
        if simplify(x.c) != x.c {
            changing += 1;
        }
    }
    (ideographs, changing)
}

/// Give every unit of `u` its Simplified matching char.
fn convert(u: &mut [Unit], stats: &mut NormStats) {
    for x in u.iter_mut() {
        let s = simplify(x.c);
        if s != x.c {
            x.m = s;
            stats.converted += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::simplify;
    use crate::normalize::normalize_str;

    #[test]
    fn t2s_changes_file_is_what_opencc_gives() {
        let Some(probed) = super::probe() else {
            panic!("ferrous-opencc's t2s converter could not be built");
        };
        if std::env::var_os("KGEXTRACT_WRITE_T2S").is_some() {
            let path = concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/src/normalize/filters/t2s_changes.txt"
            );
            std::fs::write(path, &probed).expect("t2s_changes.txt is writable");
        }
        assert!(
            probed == super::T2S_CHANGES,
            "src/normalize/filters/t2s_changes.txt is not what t2s gives: rewrite it with \
             KGEXTRACT_WRITE_T2S=1 cargo test --lib t2s_changes_file_is_what_opencc_gives"
        );
    }

    #[test]
    fn table_converts_common_traditional_chars() {
        assert_eq!(simplify('國'), '国');
        assert_eq!(simplify('聯'), '联');
        assert_eq!(simplify('長'), '长');
        assert_eq!(simplify('中'), '中');
        assert_eq!(simplify('a'), 'a');
    }

    #[test]
    fn traditional_document_gets_a_simplified_view_with_the_same_layout() {
        let t = "中國聯通董事長在臺北出席論壇。";
        let n = normalize_str(t);
        assert!(n.traditional);
        assert_eq!(n.text, "中国联通董事长在台北出席论坛。");
        assert_eq!(n.display, t);
        assert_eq!(n.text.len(), n.display.len());
        for ((a, x), (b, y)) in n.text.char_indices().zip(n.display.char_indices()) {
            assert_eq!(a, b);
            assert_eq!(x.len_utf8(), y.len_utf8());
        }
    }

    #[test]
    fn a_traditional_paragraph_in_a_simplified_document_is_converted_alone() {
        let simplified = "公司今日发布公告，上半年营业收入同比增长，净利润达到十亿元，董事会同意继续加大研发投入，推动数字化转型，并在华东地区新建两座工厂，预计明年投产。".repeat(4);
        let t = format!("{simplified}\n此外，星海國際與遠山集團訂立買賣協議。\n乾隆年间的故事。");
        let n = normalize_str(&t);
        assert!(
            n.text.contains("星海国际与远山集团订立买卖协议"),
            "{}",
            n.text
        );
        // the Simplified paragraphs keep their characters (乾 is a Traditional form too)
        assert!(n.text.contains("乾隆年间"));
        assert!(n.text.starts_with(&simplified));
        assert_eq!(n.display, t);
        assert_eq!(n.text.len(), n.display.len());
    }

    #[test]
    fn simplified_paragraph_with_a_few_traditional_forms_is_left_alone() {
        let body =
            "公司董事长出席论坛并发表讲话，介绍公司上半年的经营情况和下一步的发展规划。".repeat(4);
        let t = format!("乾隆皇帝於此题字。\n{body}");
        let n = normalize_str(&t);
        assert_eq!(n.text, t);
    }

    #[test]
    fn simplified_document_is_left_alone() {
        let t = "乾隆年间的故事，中国联通董事长出席论坛并发表讲话，介绍公司发展。";
        let n = normalize_str(t);
        assert!(!n.traditional);
        assert_eq!(n.text, t);
    }

    #[test]
    fn any_changes_finds_a_changing_unit_and_only_then() {
        use super::Unit;
        let units = |t: &str| -> Vec<Unit> { t.chars().map(|c| Unit::new(c, 0, 0)).collect() };
        // a Traditional form anywhere (here the last unit) is seen
        assert!(super::any_changes(&units("公司今日发布公告，星海國")));
        // Simplified text, Latin letters, digits and punctuation change nothing
        assert!(!super::any_changes(&units("公司今日发布公告，ABC 123。")));
        assert!(!super::any_changes(&[]));
    }
}
