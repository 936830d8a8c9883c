//! Measuring extraction quality against gold data (`kgextract eval …`).
//!
//! Evaluation calls the library like any user would; it holds no rules of its own.

pub mod dates;
pub mod events;
pub mod gold;
pub mod money;
pub mod ner;
pub mod numerals;
pub mod tsv;

/// Precision / recall / F1 counts for one label.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Prf {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    /// Overlap scores: precision counts predictions that overlap some gold span, recall counts
    /// gold spans that some prediction overlaps (`tp` is the former, `fn` the gold misses).
    pub fn overlap(pred_hit: usize, pred_miss: usize, gold_hit: usize, gold_miss: usize) -> Prf {
        let p = Prf::from_counts(pred_hit, pred_miss, 0).precision;
        let r = Prf::from_counts(gold_hit, 0, gold_miss).recall;
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        Prf {
            tp: pred_hit,
            fp: pred_miss,
            fn_: gold_miss,
            precision: p,
            recall: r,
            f1: f,
        }
    }

    pub fn from_counts(tp: usize, fp: usize, fn_: usize) -> Prf {
        let p = if tp + fp == 0 {
            0.0
        } else {
            tp as f64 / (tp + fp) as f64
        };
        let r = if tp + fn_ == 0 {
            0.0
        } else {
            tp as f64 / (tp + fn_) as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        Prf {
            tp,
            fp,
            fn_,
            precision: p,
            recall: r,
            f1: f,
        }
    }
}
