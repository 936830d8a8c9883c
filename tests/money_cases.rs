//! Table-driven money cases through the whole pipeline (read → normalize → extract), with
//! sentences written for these tests: what must be found, with which value, and what must not.

use kgextract::extract::{Attrs, Label, Money, Qualifier, process};
use kgextract::read::from_bytes;
use kgextract::rules::Rules;

#[path = "util/surface.rs"]
mod surface;
use surface::canon;

fn amounts(text: &str) -> Vec<(String, Money)> {
    let doc = from_bytes("t", "t", text.as_bytes()).unwrap();
    process(&doc, Rules::builtin())
        .mentions
        .into_iter()
        .filter(|m| m.label == Label::Amount)
        .filter_map(|m| match m.attrs {
            Attrs::Amount(a) => Some((m.text, a)),
            _ => None,
        })
        .collect()
}

use Qualifier::*;

/// (sentence, surface, value, min, max, currency, qualifier)
type Case = (
    &'static str,
    &'static str,
    f64,
    Option<f64>,
    Option<f64>,
    &'static str,
    Qualifier,
);

const CASES: &[Case] = &[
    (
        "公司年营收达12,000万元。",
        "12,000万元",
        1.2e8,
        Some(1.2e8),
        Some(1.2e8),
        "CNY",
        Exact,
    ),
    (
        "项目投资１２亿元。",
        "１２亿元",
        1.2e9,
        Some(1.2e9),
        Some(1.2e9),
        "CNY",
        Exact,
    ),
    (
        "募资47.264287亿元。",
        "47.264287亿元",
        4_726_428_700.0,
        Some(4_726_428_700.0),
        Some(4_726_428_700.0),
        "CNY",
        Exact,
    ),
    (
        "基金规模三十八亿七千万元。",
        "三十八亿七千万元",
        3.87e9,
        Some(3.87e9),
        Some(3.87e9),
        "CNY",
        Exact,
    ),
    (
        "两亿元的订单",
        "两亿元",
        2e8,
        Some(2e8),
        Some(2e8),
        "CNY",
        Exact,
    ),
    (
        "注册资本伍仟万元整。",
        "伍仟万元整",
        5e7,
        Some(5e7),
        Some(5e7),
        "CNY",
        Exact,
    ),
    (
        "总投资1.2万亿元。",
        "1.2万亿元",
        1.2e12,
        Some(1.2e12),
        Some(1.2e12),
        "CNY",
        Exact,
    ),
    (
        "融资3千万美元。",
        "3千万美元",
        3e7,
        Some(3e7),
        Some(3e7),
        "USD",
        Exact,
    ),
    (
        "收购价为25亿港元。",
        "25亿港元",
        2.5e9,
        Some(2.5e9),
        Some(2.5e9),
        "HKD",
        Exact,
    ),
    (
        "获得人民币5000万元投资。",
        "人民币5000万元",
        5e7,
        Some(5e7),
        Some(5e7),
        "CNY",
        Exact,
    ),
    (
        "合同金额US$120万。",
        "US$120万",
        1.2e6,
        Some(1.2e6),
        Some(1.2e6),
        "USD",
        Exact,
    ),
    (
        "营收20亿新台币。",
        "20亿新台币",
        2e9,
        Some(2e9),
        Some(2e9),
        "TWD",
        Exact,
    ),
    (
        "价值3亿欧元的订单",
        "3亿欧元",
        3e8,
        Some(3e8),
        Some(3e8),
        "EUR",
        Exact,
    ),
    (
        "票价为123元4角5分。",
        "123元4角5分",
        123.45,
        Some(123.45),
        Some(123.45),
        "CNY",
        Exact,
    ),
    (
        "对外投资超过三百亿元。",
        "超过三百亿元",
        3e10,
        Some(3e10),
        None,
        "CNY",
        MoreThan,
    ),
    (
        "到2026年全市低空经济规模突破 1,500 亿元。",
        "突破 1,500 亿元",
        1.5e11,
        Some(1.5e11),
        None,
        "CNY",
        MoreThan,
    ),
    (
        "带动社会资本超千亿元。",
        "超千亿元",
        1e11,
        Some(1e11),
        None,
        "CNY",
        MoreThan,
    ),
    (
        "成交额逾50亿元。",
        "逾50亿元",
        5e9,
        Some(5e9),
        None,
        "CNY",
        MoreThan,
    ),
    (
        "规模不低于300亿元。",
        "不低于300亿元",
        3e10,
        Some(3e10),
        None,
        "CNY",
        AtLeast,
    ),
    (
        "单笔不超过5000万元。",
        "不超过5000万元",
        5e7,
        None,
        Some(5e7),
        "CNY",
        AtMost,
    ),
    (
        "投資不少於5億元、不多於10億元。",
        "不多於10億元",
        1e9,
        None,
        Some(1e9),
        "CNY",
        AtMost,
    ),
    (
        "单笔金额不大于3亿元。",
        "不大于3亿元",
        3e8,
        None,
        Some(3e8),
        "CNY",
        AtMost,
    ),
    (
        "代價為2.5億港元（相當於約人民幣2.3億元）。",
        "2.5億港元",
        2.5e8,
        Some(2.5e8),
        Some(2.5e8),
        "HKD",
        Exact,
    ),
    (
        "总投资约 2 0 亿元。",
        "约20亿元",
        2e9,
        None,
        None,
        "CNY",
        Approx,
    ),
    (
        "完成 12.6<PAGE_DIV>#%$^&*(8 亿元融资。",
        "12.68亿元",
        1.268e9,
        Some(1.268e9),
        Some(1.268e9),
        "CNY",
        Exact,
    ),
    (
        "估值约合200亿美元。",
        "约合200亿美元",
        2e10,
        None,
        None,
        "USD",
        Approx,
    ),
    (
        "投资额在100亿元左右。",
        "100亿元左右",
        1e10,
        None,
        None,
        "CNY",
        Approx,
    ),
    (
        "募资50万元以上。",
        "50万元以上",
        5e5,
        Some(5e5),
        None,
        "CNY",
        AtLeast,
    ),
    (
        "营收3000多万元。",
        "3000多万元",
        3e7,
        Some(3e7),
        Some(4e7),
        "CNY",
        MoreThan,
    ),
    (
        "打造千亿级产业集群。",
        "千亿级",
        1e11,
        Some(1e11),
        Some(1e12),
        "CNY",
        Level,
    ),
    (
        "融资数千万元。",
        "数千万元",
        1e7,
        Some(1e7),
        Some(1e8),
        "CNY",
        Vague,
    ),
    (
        "单笔交易上亿元。",
        "上亿元",
        1e8,
        Some(1e8),
        Some(1e9),
        "CNY",
        Vague,
    ),
    (
        "预计投资10亿至20亿元。",
        "10亿至20亿元",
        1e9,
        Some(1e9),
        Some(2e9),
        "CNY",
        Range,
    ),
    (
        "股价在1.84-1.87港元之间。",
        "1.84-1.87港元",
        1.84,
        Some(1.84),
        Some(1.87),
        "HKD",
        Range,
    ),
    (
        "总额两到三万元。",
        "两到三万元",
        2e4,
        Some(2e4),
        Some(3e4),
        "CNY",
        Range,
    ),
    // a space groups thousands in PDF-converted reports
    (
        "全区实现地区生产总值 1 286.4 亿元。",
        "1 286.4 亿元",
        128_640_000_000.0,
        Some(128_640_000_000.0),
        Some(128_640_000_000.0),
        "CNY",
        Exact,
    ),
    (
        "存款余额 3 425 亿元，较年初增加。",
        "3 425 亿元",
        342_500_000_000.0,
        Some(342_500_000_000.0),
        Some(342_500_000_000.0),
        "CNY",
        Exact,
    ),
    // 兆 in Taiwan and Hong Kong amounts is a million million
    (
        "园区去年营业额突破新台币1.5兆元。",
        "突破新台币1.5兆元",
        1.5e12,
        Some(1.5e12),
        None,
        "TWD",
        MoreThan,
    ),
    // 签约 ends in 约 but is no approximation
    (
        "双方现场签约5亿元。",
        "5亿元",
        5e8,
        Some(5e8),
        Some(5e8),
        "CNY",
        Exact,
    ),
    // a space before four digits groups nothing: only the last number is the amount
    (
        "编号 12 3456 万元的款项。",
        "3456 万元",
        34_560_000.0,
        Some(34_560_000.0),
        Some(34_560_000.0),
        "CNY",
        Exact,
    ),
];

#[test]
fn amounts_table() {
    let mut bad = Vec::new();
    for (s, surface, v, min, max, cur, q) in CASES {
        let got = amounts(s);
        let ok = got.iter().any(|(t, m)| {
            canon(t) == canon(surface)
                && m.value == *v
                && m.min == *min
                && m.max == *max
                && m.currency == *cur
                && m.qualifier == *q
        });
        if !ok {
            bad.push(format!(
                "{s}: want {surface} {v} {min:?}..{max:?} {cur} {q:?}; got {got:?}"
            ));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn not_money() {
    for s in [
        "营业收入同比增长12%。",
        "集团持有该公司55%股权。",
        "净利润率提升3.5个百分点。",
        "项目年产能达10万吨。",
        "共有50家企业参会。",
        "吸引1200余名代表参加。",
        "2024年是关键一年。",
        "建成5G基站3万个。",
        "请拨打010-12345678咨询。",
        "系统已升级到V2.0版本。",
        "平台拥有百万级用户。",
        "数十家企业参加。",
        "上百家媒体报道。",
        "元旦期间客流增长。",
        "推动多元化发展。",
        "还学校一块净土。",
        "平台用户规模3亿。",
        "累计投资了3万人次。",
        "投资项目1.2万个。",
        "公司发行1亿股。",
        "他拿起一块石头。",
        "光伏电站装机容量100兆瓦。",
        "全区新签约亿元以上项目36个。",
    ] {
        let got = amounts(s);
        assert!(got.is_empty(), "{s}: {got:?}");
    }
}
