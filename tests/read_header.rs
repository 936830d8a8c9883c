//! Header parsing on the seed article and on header variants written here.

use kgextract::read::{from_bytes, parse_date};

#[test]
fn seed_header() {
    let name = "seed/000_851f9dfa7178c61b.txt";
    let Some(bytes) = [
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared"),
        "/work/shared",
    ]
    .iter()
    .find_map(|b| std::fs::read(format!("{b}/{name}")).ok()) else {
        eprintln!("note: seed article not found; skipping");
        return;
    };
    let d = from_bytes("seed", "seed.txt", &bytes).unwrap();
    assert_eq!(d.header.published.unwrap().to_string(), "2024-07-21");
    assert!(d.header.title.unwrap().ends_with("共绘数智时代新蓝图"));
    assert_eq!(d.header.encoding, "UTF-8");
}

#[test]
fn header_variants() {
    for (text, date) in [
        ("# 标题\n发布时间：2024年7月21日 10:30\n", "2024-07-21"),
        ("# 标题\n发布日期: 2024/7/21\n", "2024-07-21"),
        ("# 标题\n来源时间：2024.07.21\n", "2024-07-21"),
        ("# 标题\n日期：２０２４－０７－２１\n", "2024-07-21"),
        ("标题：某会议\n时间: 2023 年 12 月 1 日\n", "2023-12-01"),
    ] {
        let d = from_bytes("t", "t", text.as_bytes()).unwrap();
        assert_eq!(
            d.header.published.map(|d| d.to_string()).as_deref(),
            Some(date),
            "{text}"
        );
    }
    assert_eq!(parse_date("2024年2月30日"), None);
}
