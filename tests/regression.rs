//! Regression tests for bugs found after they landed, one per bug.

use kgextract::extract::{Attrs, process};
use kgextract::normalize::normalize_str;
use kgextract::read::from_bytes;
use kgextract::rules::Rules;

/// A negative sign before a range negated both ends without swapping them, so min > max
/// (found by the pipeline proptest on `-伍~仟万元`).
#[test]
fn negative_range_keeps_min_below_max() {
    let mut ranges = 0;
    for text in ["-伍~仟万元", "亏损-5~3万元", "负三至五亿元"] {
        let doc = from_bytes("r", "r", text.as_bytes()).unwrap();
        let ex = process(&doc, Rules::builtin());
        for m in &ex.mentions {
            if let Attrs::Amount(money) = &m.attrs {
                if let (Some(lo), Some(hi)) = (money.min, money.max) {
                    assert!(lo <= hi, "{text}: {money:?}");
                    ranges += usize::from(lo < hi);
                }
                assert!(money.value.is_finite(), "{text}: {money:?}");
            }
        }
    }
    assert!(
        ranges > 0,
        "no range amount was extracted: the test checks nothing"
    );
}

/// Issue 9: two noise runs whose `$` enclosed a digit (`10.$*0*$中`, from `10.0中`) were read as
/// LaTeX math `$*0*$`, so `*0*` stayed inside the number (found by tests/normalize_props.rs).
/// Symbol noise inside a number is removed, and every kept character maps back to itself.
#[test]
fn issue_9_noise_dollars_inside_a_number_are_not_math() {
    for (dirty, clean) in [
        ("10.$*0*$中", "10.0中"),
        ("投资12.$^5*$亿元", "投资12.5亿元"),
        ("中$*7*$中", "中7中"),
        ("合作$(3$#中", "合作3中"),
        ("增长$\\0)*$倍", "增长0倍"),
    ] {
        let n = normalize_str(dirty);
        assert_eq!(n.display, clean, "{dirty}");
        for (b, c) in n.display.char_indices() {
            let span = n.to_original(b..b + c.len_utf8());
            assert_eq!(
                &dirty[span.start..span.end],
                c.to_string(),
                "{dirty} at byte {b}"
            );
        }
    }
    // real inline math is still turned into plain text
    assert_eq!(normalize_str("占比$30\\%$以上").display, "占比30%以上");
    assert_eq!(
        normalize_str("在 \\( 5\\mathrm{G} \\) 、云计算").display,
        "在5G、云计算"
    );
}
