//! Property tests: random amounts rendered as Chinese numerals (lower case and financial
//! capitals) and as Arabic text with scale words parse back to the same value.

use kgextract::extract::numeral;
use kgextract::rules::Rules;
use proptest::prelude::*;

const LOWER: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UPPER: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];

/// A four-digit group (1..=9999) in the standard reading; `pad` = a 零 is needed before it
/// because a higher group precedes and this one is below 1000.
fn group(n: u64, digits: &[char; 10], units: &[char; 3], pad: bool) -> String {
    let mut s = String::new();
    let d = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut zero = pad && n < 1000;
    let mut started = false;
    for (i, &x) in d.iter().enumerate() {
        if x == 0 {
            if started || pad {
                zero = true;
            }
            continue;
        }
        if zero && (started || pad) {
            s.push(digits[0]);
        }
        zero = false;
        started = true;
        s.push(digits[x as usize]);
        if i < 3 {
            s.push(units[2 - i]);
        }
    }
    s
}

/// The standard Chinese reading of `n` (1 ≤ n < 10^16).
fn chinese(n: u64, capital: bool) -> String {
    let (digits, units, big) = if capital {
        (&UPPER, &['拾', '佰', '仟'], ['万', '亿'])
    } else {
        (&LOWER, &['十', '百', '千'], ['万', '亿'])
    };
    let yi = n / 100_000_000;
    let rest = n % 100_000_000;
    let mut s = String::new();
    let mut higher = false;
    if yi > 0 {
        // the part above 亿 may itself contain 万
        let (w, g) = (yi / 10_000, yi % 10_000);
        if w > 0 {
            s.push_str(&group(w, digits, units, false));
            s.push(big[0]);
        }
        if g > 0 {
            s.push_str(&group(g, digits, units, w > 0));
        }
        s.push(big[1]);
        higher = true;
    }
    let (w, g) = (rest / 10_000, rest % 10_000);
    if w > 0 {
        s.push_str(&group(w, digits, units, higher));
        s.push(big[0]);
        higher = true;
    } else if higher && g > 0 {
        // 一亿零五 — the gap is marked once, by the 零 of the next group
    }
    if g > 0 {
        s.push_str(&group(g, digits, units, higher));
    }
    s
}

fn with_commas(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn chinese_numerals_round_trip(n in 1u64..10_000_000_000_000_000, capital in any::<bool>()) {
        let text = chinese(n, capital);
        let v = numeral::parse(&text).map(|d| d.to_f64());
        prop_assert_eq!(v, Some(n as f64), "{}", text);
        let m = Rules::builtin().money.parse(&format!("{text}元"));
        prop_assert_eq!(m.map(|m| m.value), Some(n as f64), "{}元", text);
    }

    #[test]
    fn arabic_with_scales_round_trip(
        cents in 1u64..10_000_000,
        scale in prop::sample::select(vec![("万", 4), ("亿", 8), ("千万", 7), ("百万", 6), ("万亿", 12), ("百亿", 10), ("千亿", 11)]),
        commas in any::<bool>(),
        space in any::<bool>(),
    ) {
        let int = cents / 100;
        let frac = cents % 100;
        let mut num = if commas { with_commas(int) } else { int.to_string() };
        if frac > 0 {
            num.push_str(&format!(".{frac:02}"));
        }
        let sep = if space { " " } else { "" };
        let text = format!("{num}{sep}{}元", scale.0);
        let want = cents as f64 * 10f64.powi(scale.1 - 2);
        let m = Rules::builtin().money.parse(&text);
        prop_assert!(m.as_ref().is_some_and(|m| close(m.value, want) && m.currency == "CNY"), "{} → {:?}, want {}", text, m, want);
        // and found in running text, with the same value
        let sentence = format!("公司本次投资{text}，用于建设。");
        let found = Rules::builtin().money.find_all(&sentence);
        prop_assert_eq!(found.len(), 1, "{}", sentence);
        prop_assert!(close(found[0].1.value, want));
    }
}

#[test]
fn renderer_matches_known_readings() {
    assert_eq!(chinese(10040, false), "一万零四十");
    assert_eq!(chinese(100_000_001, false), "一亿零一");
    assert_eq!(chinese(3_870_000_000, false), "三十八亿七千万");
    assert_eq!(chinese(150_006_355, true), "壹亿伍仟万陆仟叁佰伍拾伍");
}
