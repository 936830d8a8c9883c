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

/// The flat mentions: without the larger places nested inside a chain (`location.part`).
fn flat(text: &str) -> Vec<String> {
    mentions_of(text, Label::Location)
        .into_iter()
        .filter(|m| m.rule != PART)
        .map(|m| m.text)
        .collect()
}

/// `from -LOCATED_IN-> to` by mention name, for every place-to-place relation.
fn located_in(text: &str) -> Vec<(String, String)> {
    let doc = crate::read::from_bytes("t", "t", text.as_bytes()).expect("readable");
    let ex = crate::extract::process(&doc, Rules::builtin());
    let name = |r: &crate::extract::NodeRef| match r {
        crate::extract::NodeRef::Mention(i) => ex.mentions[*i].name.clone(),
        crate::extract::NodeRef::Event(_) => String::from("<event>"),
    };
    ex.relations
        .iter()
        .filter(|r| r.rel == RelType::LocatedIn && r.evidence.rule == PART)
        .map(|r| (name(&r.from), name(&r.to)))
        .collect()
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
    assert_eq!(flat("位于深圳市南山区"), vec!["深圳市南山区"]);
    assert_eq!(places("位于深圳市南山区")[0].1, "深圳南山区");
    // A county shape only after a full administrative name.
    assert_eq!(flat("河北省青禾县"), vec!["河北省青禾县"]);
    assert_eq!(texts("北京市各区县"), vec!["北京市"]);
}

#[test]
fn chain_parts_are_nested_places_the_chain_is_located_in() {
    // 深圳 and 广东 are found (under their canonical names), each place LOCATED_IN the next
    // larger one
    let text = "总部位于广东省深圳市南山区。";
    let parts: Vec<(String, String)> = mentions_of(text, Label::Location)
        .into_iter()
        .filter(|m| m.rule == PART)
        .map(|m| (m.text, m.name))
        .collect();
    assert_eq!(
        parts,
        vec![
            ("深圳市".to_string(), "深圳".to_string()),
            ("广东省".to_string(), "广东".to_string())
        ]
    );
    assert_eq!(
        located_in(text),
        vec![
            ("广东深圳南山区".to_string(), "深圳".to_string()),
            ("深圳".to_string(), "广东".to_string())
        ]
    );
    // an address: the street is LOCATED_IN its district, the district in its city
    assert_eq!(
        located_in("展厅设在北京市东城区王府井大街218号。"),
        vec![
            (
                "北京市东城区王府井大街218号".to_string(),
                "东城区".to_string()
            ),
            ("东城区".to_string(), "北京".to_string())
        ]
    );
    // a county shape after a city: the city is the only part
    assert_eq!(
        located_in("研发中心在十堰市郧阳区。"),
        vec![("十堰郧阳区".to_string(), "十堰".to_string())]
    );
}

#[test]
fn single_places_have_no_parts() {
    // no chain, no nested place, no place-to-place relation
    for text in ["代表团抵达深圳市。", "上海和北京的企业", "北京市各区县"] {
        assert!(located_in(text).is_empty(), "{text}");
        assert!(
            mentions_of(text, Label::Location)
                .iter()
                .all(|m| m.rule != PART),
            "{text}"
        );
    }
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
fn country_after_a_verb_or_as_a_side() {
    let one = |t: &str, c: &str| vec![(t.to_string(), c.to_string())];
    assert_eq!(places("他曾任驻华大使。"), one("华", "中国"));
    assert_eq!(places("公司拟赴港上市。"), one("港", "香港"));
    assert_eq!(places("访日期间，双方签署协议。"), one("日", "日本"));
    assert_eq!(places("去年对美出口下降。"), one("美", "美国"));
    assert_eq!(places("中方表示欢迎。"), one("中", "中国"));
    assert_eq!(places("双方会谈后，英方代表发言。"), one("英", "英国"));
    // the 方 of a side starts no name
    assert!(mentions_of("1990年，中方同意并开始磋商。", Label::Person).is_empty());
    // company names, common words and 方 words are no places
    assert!(texts("他在华为工作。").is_empty());
    assert!(texts("他在华润投资部门任职。").is_empty());
    assert!(texts("对美好生活充满期待。").is_empty());
    assert!(texts("来日方长，后会有期。").is_empty());
    assert!(texts("其中方案二最优。").is_empty());
    assert!(texts("在日常工作中。").is_empty());
    assert!(texts("依法经营。").is_empty());
}

#[test]
fn state_forms_and_city_suffix() {
    assert_eq!(texts("波兰共和国总统"), vec!["波兰共和国"]);
    assert_eq!(texts("洛杉矶市同广州市"), vec!["洛杉矶市", "广州市"]);
    assert_eq!(texts("洛杉矶市民"), vec!["洛杉矶"]);
}

#[test]
fn towns_and_villages_below_a_county() {
    // a town and village continue a chain down to a county
    assert_eq!(
        flat("调研组来到河北省青禾县白沙镇西岗村。"),
        vec!["河北省青禾县白沙镇西岗村"]
    );
    // right after a city the town is a place of its own reading (`X市Y乡` is split in news)
    assert!(!flat("调研组来到郑州市须水镇。").contains(&"郑州市须水镇".to_string()));
    // an unknown district with the town below it, or with a street and house number
    assert_eq!(
        flat("群众反映清溪区白沙镇石桥村的养殖场异味扰民。"),
        vec!["清溪区白沙镇石桥村"]
    );
    assert_eq!(
        flat("该公司位于宁川区长乐路66号。"),
        vec!["宁川区长乐路66号"]
    );
    // a street without a number after an unknown district is no address; kinds and
    // determiners name no town
    assert!(flat("宁川区长乐路两侧绿化良好。").is_empty());
    assert!(flat("全镇共有村民三千余人。").is_empty());
    assert!(flat("省里评选了一批特色小镇和示范村。").is_empty());
    // the town's own title or body ends no name; a street after the town belongs to it
    assert!(
        !flat("清溪区白沙镇镇长到村里调研。")
            .iter()
            .any(|p| p.contains("镇镇"))
    );
    assert_eq!(
        flat("反映清溪县白沙镇长安大道沿线油烟扰民。"),
        vec!["清溪县白沙镇长安大道"]
    );
}

#[test]
fn streets_bounding_an_area_or_listed_together_are_places() {
    // after a direction frame
    assert_eq!(
        texts("该地块东至青禾路，南至长宁大街，西靠兴业大道，北至纬三路。"),
        vec!["青禾路", "长宁大街", "兴业大道", "纬三路"]
    );
    // three or more streets joined by 、, the first after a lead
    assert_eq!(
        texts("限行区域为丰泽大道、祥云大街、东湖路、滨江路围合区域。"),
        vec!["丰泽大道", "祥云大街", "东湖路", "滨江路"]
    );
    assert_eq!(
        mentions_of("该地块南至长宁大街。", Label::Location)
            .first()
            .map(|m| m.rule),
        Some(STREET_FRAME)
    );
    // road words, determiners, two streets only, no frame
    for t in [
        "要坚持走高质量发展道路，南至高速公路。",
        "我们要有新思路、新出路、新道路。",
        "全区各条街、各条路都已整修。",
        "主干道包括青禾路和纬三路。",
        "他每天沿着青禾路散步。",
    ] {
        assert!(texts(t).is_empty(), "{t}: {:?}", texts(t));
    }
}

#[test]
fn a_region_after_a_street_modifier_is_inside_the_street() {
    // 新华北大道: 新华 + 北大道, no region 华北.
    assert_eq!(
        texts("项目位于新华北大道与青禾路交叉口。"),
        vec!["新华北大道"]
    );
    assert_eq!(texts("门店设在东华南路。"), vec!["东华南路"]);
    // A region read alone before a street stays the street's own name.
    assert_eq!(texts("项目位于华北大道旁。"), vec!["华北大道"]);
    // A character that is no modifier is no part of it.
    assert_eq!(texts("位于华北大道。"), vec!["华北大道"]);
}

#[test]
fn a_chain_ending_at_a_city_names_the_city() {
    // session 15: province + city names the city (one entity with its other mentions);
    // a district keeps its city in its name
    assert_eq!(
        places("代表团赴江西省南昌市考察。")
            .into_iter()
            .filter(|(t, _)| t == "江西省南昌市")
            .map(|(_, n)| n)
            .collect::<Vec<_>>(),
        vec!["南昌"]
    );
    assert_eq!(
        located_in("代表团赴江西省南昌市考察。"),
        vec![("南昌".to_string(), "江西".to_string())]
    );
    assert!(
        places("总部位于广东省深圳市南山区。")
            .iter()
            .any(|(_, n)| n == "广东深圳南山区")
    );
}

#[test]
fn an_unlisted_county_is_a_place_before_its_own_bodies_and_titles() {
    assert_eq!(texts("青禾县县长王建平出席会议。"), vec!["青禾县"]);
    assert_eq!(texts("会上，青禾市副市长赵德海致辞。"), vec!["青禾市"]);
    // the committee is an organization; its county is repeated in the headline and the text
    let t = "# 青禾县招商引资工作报告\n\n青禾县委书记李明远表示，青禾县今年招商成果丰硕。";
    assert_eq!(texts(t), vec!["青禾县", "青禾县"]);
}

#[test]
fn words_before_a_level_title_are_no_counties() {
    assert!(texts("大城市长期面临交通压力。").is_empty());
    assert!(texts("全县县长、乡镇长参加会议。").is_empty());
    assert!(texts("青禾县委托第三方评估。").is_empty());
    assert!(texts("贫困县县长座谈会召开。").is_empty());
    // a word ending in 市 before a repeated 市长
    assert_eq!(texts("国际大城市市长论坛在杭州举行。"), vec!["杭州"]);
}

#[test]
fn an_unlisted_city_or_province_is_named_by_its_stem_once_its_bodies_are_read() {
    // session 25: the stem alone after the full name was read by its government or title
    let t = "沣州市人民政府与星海科技有限公司签约。市长章立新在致辞中表示，沣州将设立产业基金。";
    let got = places(t);
    assert!(
        got.iter().any(|(t, n)| t == "沣州" && n == "沣州市"),
        "{got:?}"
    );
    let t = "浠川省省长出席。会议在浠川，为期两天。";
    let got = places(t);
    assert!(
        got.iter().any(|(t, n)| t == "浠川" && n == "浠川省"),
        "{got:?}"
    );
    assert!(got.iter().any(|(t, _)| t == "浠川省"), "{got:?}");
}

#[test]
fn a_stem_that_is_a_word_or_runs_on_is_no_place() {
    // 合作 is a word (合作市 is a city)
    assert!(!texts("合作市人民政府发布通知。双方合作将深化。").contains(&"合作".to_string()));
    // a word after the stem: the organization's or the full name's
    assert!(!texts("沣州市人民政府发布通知。沣州银行行长出席。").contains(&"沣州".to_string()));
    // no body read: the stem alone is nothing
    assert!(texts("沣州将设立产业基金。").is_empty());
    // 节省 is a word: no province
    assert!(texts("为节省政府开支，本市压减会议。").is_empty());
}
