//! Sentence and paragraph segmentation on normalized text.

use kgextract::normalize::normalize_str;
use kgextract::segment::{paragraphs, segment};

fn sents(s: &str) -> Vec<String> {
    let n = normalize_str(s);
    segment(&n)
        .iter()
        .map(|x| n.text[x.range.clone()].to_string())
        .collect()
}

#[test]
fn terminators_quotes_and_titles() {
    assert_eq!(
        sents("公司宣布：“我们将投资三百亿元。未来可期！”随后签约。双方表示满意？是的；继续!好?"),
        [
            "公司宣布：“我们将投资三百亿元。未来可期！”",
            "随后签约。",
            "双方表示满意？",
            "是的；",
            "继续!",
            "好?"
        ]
    );
    assert_eq!(
        sents("发布了《关于加快发展的意见。第二版》和「某某。计划」。"),
        ["发布了《关于加快发展的意见。第二版》和「某某。计划」。"]
    );
    assert_eq!(
        sents("甲。乙！丙？丁；戊\n己"),
        ["甲。", "乙！", "丙？", "丁；", "戊", "己"]
    );
    // A run of terminators ends one sentence.
    assert_eq!(sents("真的吗？！好。"), ["真的吗？！", "好。"]);
    assert_eq!(
        sents("他说：“我们来了。你们呢？”然后离开。"),
        ["他说：“我们来了。你们呢？”", "然后离开。"]
    );
    assert_eq!(
        sents("主题为“新智。新业”的论坛。"),
        ["主题为“新智。新业”的论坛。"]
    );
}

#[test]
fn an_unclosed_quote_does_not_swallow_the_paragraph() {
    let long = "很长的句子。".repeat(60);
    let s = sents(&format!("他说：“{long}"));
    assert!(s.len() > 10, "{}", s.len());
}

#[test]
fn numbers_and_dates_are_never_split() {
    assert_eq!(
        sents("增长3.5%，于2024.7.21发布，版本v1.2.3。下一句"),
        ["增长3.5%，于2024.7.21发布，版本v1.2.3。", "下一句"]
    );
}

#[test]
fn lines_split_and_page_breaks_do_not() {
    let s = sents(
        "# 标题\n\n发布时间：2024年7月21日\n\n中国联通与某公<PAGE_DIV>\n\n司签署协议。第二句。",
    );
    assert_eq!(
        s,
        [
            "# 标题",
            "发布时间：2024年7月21日",
            "中国联通与某公司签署协议。",
            "第二句。"
        ]
    );
}

#[test]
fn sentence_paragraph_indices_follow_blocks() {
    let n = normalize_str("# 标题\n\n第一段。还是第一段。\n\n第二段被硬换行\n接着写完。\n第三段。");
    let ss = segment(&n);
    let ps = paragraphs(&n);
    assert_eq!(ps.len(), 4);
    let got: Vec<(usize, &str)> = ss
        .iter()
        .map(|s| (s.paragraph, &n.text[s.range.clone()]))
        .collect();
    assert_eq!(
        got,
        [
            (0, "# 标题"),
            (1, "第一段。"),
            (1, "还是第一段。"),
            (2, "第二段被硬换行"),
            (2, "接着写完。"),
            (3, "第三段。"),
        ]
    );
    for (i, s) in ss.iter().enumerate() {
        assert_eq!(s.idx, i);
    }
}

#[test]
fn empty_and_whitespace_only() {
    assert!(sents("").is_empty());
    assert!(sents(" \n\n　\n").is_empty());
}
