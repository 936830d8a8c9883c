//! Regression tests for bugs found after they landed, one per bug.

use kgextract::extract::{Attrs, process};
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
