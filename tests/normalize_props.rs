//! Property tests for normalization: noise injected into clean Chinese text is removed again,
//! and the offset map always points at the same character in the original.
//!
//! The generator injects, into the gaps of a clean one-paragraph text, at most one of: a noise
//! run (`#%\$^&*(`-like), a lone noise symbol between two ideographs, a page marker with
//! whitespace/newlines around it (mid-sentence only, where it must be joined), or spaces next to
//! a Chinese character (outside 《》, where a space between words is kept; not a tab or two
//! spaces between two ideographs, which are a column gap and kept). Gaps next to a real
//! symbol of the clean text (`12%`, `……`) are left alone: noise glued to a real `%` is
//! ambiguous by nature (see `symbol_noise`'s docs).

use kgextract::normalize::{NormText, filters, normalize_str};
use proptest::prelude::*;

const IDEOGRAPHS: &[char] = &[
    '中', '国', '联', '通', '公', '司', '集', '团', '董', '事', '长', '北', '京', '上', '海', '投',
    '资', '亿', '元', '年', '月', '日', '论', '坛', '合', '作', '签', '约', '发', '布', '基', '金',
    '產', '業', '會', '議',
];

/// A clean token: a run of ideographs, a number, punctuation, or a bracketed/quoted phrase.
fn token() -> impl Strategy<Value = String> {
    let word = prop::collection::vec(prop::sample::select(IDEOGRAPHS), 1..5)
        .prop_map(|v| v.into_iter().collect::<String>());
    prop_oneof![
        4 => word.clone(),
        1 => (1u32..100_000).prop_map(|n| n.to_string()),
        1 => (1u32..100).prop_map(|n| format!("{n}%")),
        1 => (1u32..100, 0u32..10).prop_map(|(a, b)| format!("{a}.{b}")),
        1 => prop::sample::select(vec!["，", "、", "：", "。", "；", "·", "-", "……"]).prop_map(String::from),
        1 => word.clone().prop_map(|w| format!("“{w}”")),
        1 => word.clone().prop_map(|w| format!("《{w}》")),
        1 => word.prop_map(|w| format!("（{w}）")),
    ]
}

#[derive(Clone, Debug)]
enum Inject {
    Noise(String),
    Lone(char),
    Page(&'static str),
    Space(&'static str),
}

fn inject() -> impl Strategy<Value = Option<Inject>> {
    let noise_char = prop::sample::select(vec![
        '#', '$', '%', '&', '*', '(', ')', '^', '\\', '@', '￥', '…', '|', '{', '}',
    ]);
    let first = prop::sample::select(vec!['#', '$', '&', '*', '(', '^', '\\', '@', '￥']);
    // A run always holds some non-bracket symbol: keyboard noise is never brackets alone.
    let run = (first, prop::collection::vec(noise_char, 1..7))
        .prop_map(|(f, rest)| std::iter::once(f).chain(rest).collect::<String>())
        .prop_filter("not brackets only", |r| {
            r.chars().any(|c| !"(){}".contains(c))
        });
    prop_oneof![
        6 => Just(None),
        2 => run.prop_map(|r| Some(Inject::Noise(r))),
        1 => Just(Some(Inject::Noise("(*)".into()))),
        1 => Just(Some(Inject::Noise("*……%&￥……".into()))),
        1 => prop::sample::select(vec!['#', '$', '^', '&', '*', '@', '￥']).prop_map(|c| Some(Inject::Lone(c))),
        1 => prop::sample::select(vec!["<PAGE_DIV>", "<PAGE_DIV> ", " <PAGE_DIV>\n\n", "\n<PAGE_DIV>\n", "\u{000C}"])
            .prop_map(|p| Some(Inject::Page(p))),
        2 => prop::sample::select(vec![" ", "  ", "\u{3000}", " \t"]).prop_map(|s| Some(Inject::Space(s))),
    ]
}

fn is_ideo(c: Option<char>) -> bool {
    c.is_some_and(filters::is_ideograph)
}

/// A noise run may go between `prev` and `next` unless it touches a real symbol of the clean
/// text, or makes `12\\%` (an escaped percent sign) after a number.
fn noise_fits(r: &str, i: usize, prev: Option<char>, next: Option<char>) -> bool {
    let real_symbol_near = |c: Option<char>| c.is_some_and(filters::symbol_noise::is_symbol);
    let percent = r.starts_with("\\%") && prev.is_some_and(|c| c.is_ascii_digit());
    i > 0 && !real_symbol_near(prev) && !real_symbol_near(next) && !percent
}

/// A tab or two spaces: what `spacing` keeps between two ideographs as a column gap.
fn column_gap(s: &str) -> bool {
    s.chars().count() >= 2 || s.contains('\t')
}

/// Build the noisy text from the clean one, respecting where each injection is meaningful.
fn noisy(clean: &str, injections: &[Option<Inject>]) -> String {
    let chars: Vec<char> = clean.chars().collect();
    let mut out = String::new();
    let mut in_title = false; // spaces inside 《》 are kept by design
    for i in 0..=chars.len() {
        let prev = i.checked_sub(1).map(|k| chars[k]);
        let next = chars.get(i).copied();
        if let Some(Some(inj)) = injections.get(i) {
            match inj {
                Inject::Noise(r) if noise_fits(r, i, prev, next) => out.push_str(r),
                Inject::Lone(c) if is_ideo(prev) && is_ideo(next) => out.push(*c),
                Inject::Page(p)
                    if (is_ideo(prev) || prev.is_some_and(|c| c.is_ascii_digit()))
                        && next.is_some() =>
                {
                    out.push_str(p)
                }
                Inject::Space(s)
                    if !in_title
                        && (prev.is_some_and(filters::is_cjk)
                            || next.is_some_and(filters::is_cjk))
                        && !(prev.is_some_and(|c| c.is_ascii())
                            && next.is_some_and(|c| c.is_ascii()))
                        // a tab or two spaces between two ideographs is a column gap, kept
                        && !(is_ideo(prev) && is_ideo(next) && column_gap(s)) =>
                {
                    out.push_str(s)
                }
                _ => {}
            }
        }
        if let Some(c) = next {
            out.push(c);
            match c {
                '《' => in_title = true,
                '》' => in_title = false,
                _ => {}
            }
        }
    }
    out
}

/// Every clean char maps to the same char of the original, in increasing order.
fn check_map(orig: &str, n: &NormText) -> Result<(), TestCaseError> {
    let mut last = None;
    for (b, c) in n.display.char_indices() {
        let span = n.to_original(b..b + c.len_utf8());
        prop_assert_eq!(&orig[span.start..span.end], c.to_string(), "byte {}", b);
        if let Some(l) = last {
            prop_assert!(span.start > l, "map not increasing at {}", b);
        }
        last = Some(span.start);
    }
    prop_assert_eq!(n.text.len(), n.display.len());
    Ok(())
}

/// 256 cases by default; `PROPTEST_CASES=5000 cargo test --test normalize_props` for a longer
/// run (an explicit `with_cases` would ignore the variable).
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256);
    ProptestConfig::with_cases(cases)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn injected_noise_normalizes_back(
        tokens in prop::collection::vec(token(), 1..40),
        injections in prop::collection::vec(inject(), 0..200),
    ) {
        let clean: String = tokens.concat();
        let dirty = noisy(&clean, &injections);
        let n = normalize_str(&dirty);
        prop_assert_eq!(&n.display, &clean, "from {:?}", dirty);
        check_map(&dirty, &n)?;
    }

    #[test]
    fn clean_text_is_left_alone(tokens in prop::collection::vec(token(), 1..40)) {
        let clean: String = tokens.concat();
        let n = normalize_str(&clean);
        prop_assert_eq!(&n.display, &clean);
        prop_assert_eq!(n.removed_chars, 0);
        check_map(&clean, &n)?;
    }

    #[test]
    fn never_panics_and_map_is_monotone(s in "\\PC{0,200}") {
        let n = normalize_str(&s);
        let mut last = 0;
        for (b, c) in n.text.char_indices() {
            let span = n.to_original(b..b + c.len_utf8());
            prop_assert!(span.start >= last);
            prop_assert!(s.is_char_boundary(span.start) && s.is_char_boundary(span.end));
            last = span.start;
        }
    }
}
