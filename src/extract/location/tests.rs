//! Unit tests of the location family (team-written sentences) and its rule docs.

use super::*;
use crate::extract::org::tests::{check_rule_docs, mentions_of};

fn places(text: &str) -> Vec<(String, String)> {
    mentions_of(text, Label::Location)
        .into_iter()
        .map(|m| (m.text, m.name))
        .collect()
}

fn texts(text: &str) -> Vec<String> {
    places(text).into_iter().map(|(t, _)| t).collect()
}

#[test]
fn rule_docs_match_code() {
    check_rule_docs("location", &RULE_IDS, Label::Location);
}

#[test]
fn canonical_names() {
    assert_eq!(
        places("广东省和北京市"),
        vec![
            ("广东省".to_string(), "广东".to_string()),
            ("北京市".to_string(), "北京".to_string())
        ]
    );
    assert_eq!(
        places("内蒙古自治区"),
        vec![("内蒙古自治区".to_string(), "内蒙古".to_string())]
    );
}

#[test]
fn chains_are_one_mention() {
    assert_eq!(texts("位于深圳市南山区"), vec!["深圳市南山区"]);
    assert_eq!(places("位于深圳市南山区")[0].1, "深圳南山区");
    // A county shape only after a full administrative name.
    assert_eq!(texts("河北省青禾县"), vec!["河北省青禾县"]);
    assert_eq!(texts("北京市各区县"), vec!["北京市"]);
}

#[test]
fn abbreviations_need_event_context() {
    assert_eq!(places("论坛在京召开"), vec![("京".into(), "北京".into())]);
    assert_eq!(places("代表团赴沪参加"), vec![("沪".into(), "上海".into())]);
    assert!(texts("在京东购物").is_empty());
    assert!(texts("京津冀协同").iter().all(|t| t != "京"));
    assert!(texts("在深入推进").is_empty());
}

#[test]
fn words_are_not_places() {
    assert!(texts("变成都市").iter().all(|t| !t.contains("成都")));
    assert!(texts("大同小异").is_empty());
    assert!(texts("开封仪式").is_empty());
    assert!(texts("发展中国家").is_empty());
    assert!(texts("其中国有企业").is_empty());
    assert_eq!(texts("上海市场"), vec!["上海"]);
    assert_eq!(texts("北京东部"), vec!["北京"]);
}

#[test]
fn organizations_own_their_places() {
    assert!(texts("中国联通与北京银行").is_empty());
}

#[test]
fn country_runs() {
    assert_eq!(
        places("中俄关系"),
        vec![
            ("中".to_string(), "中国".to_string()),
            ("俄".to_string(), "俄罗斯".to_string())
        ]
    );
    assert!(texts("美好生活").is_empty());
    assert!(texts("中美").is_empty());
}

#[test]
fn state_forms_and_city_suffix() {
    assert_eq!(texts("波兰共和国总统"), vec!["波兰共和国"]);
    assert_eq!(texts("洛杉矶市同广州市"), vec!["洛杉矶市", "广州市"]);
    assert_eq!(texts("洛杉矶市民"), vec!["洛杉矶"]);
}
