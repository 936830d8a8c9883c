//! Unit tests of the organization family: each rule with positive and negative sentences
//! (team-written), the rule docs' examples, and robustness on arbitrary input.

use super::*;
use crate::extract::{Label, Mention};

/// Entity mentions of one label after the full pipeline.
pub(crate) fn mentions_of(text: &str, label: Label) -> Vec<Mention> {
    let doc = crate::read::from_bytes("t", "t", text.as_bytes()).expect("readable");
    let ex = crate::extract::process(&doc, Rules::builtin());
    ex.mentions
        .into_iter()
        .filter(|m| m.label == label)
        .collect()
}

fn names(text: &str) -> Vec<String> {
    mentions_of(text, Label::Organization)
        .into_iter()
        .map(|m| m.text)
        .collect()
}

fn kind_of(text: &str, name: &str) -> Option<OrgKind> {
    mentions_of(text, Label::Organization)
        .into_iter()
        .find(|m| m.text == name)
        .and_then(|m| match m.attrs {
            Attrs::Org { kind } => Some(kind),
            _ => None,
        })
}

#[test]
fn rule_docs_match_code() {
    check_rule_docs("org", &RULE_IDS, Label::Organization);
}

#[test]
fn left_boundary_stops_at_function_words_and_verbs() {
    assert_eq!(
        names("与星河动力科技有限公司签约"),
        vec!["星河动力科技有限公司"]
    );
    assert_eq!(
        names("由北京某某科技有限公司牵头"),
        vec!["北京某某科技有限公司"]
    );
    assert_eq!(names("昨日，据青松集团透露"), vec!["青松集团"]);
    // A date before the name is not part of it.
    assert_eq!(names("2024年7月星河动力集团成立"), vec!["星河动力集团"]);
}

#[test]
fn a_verb_before_a_bare_suffix_is_no_name() {
    // 辞去/纳入/协助 + 公司/基金: the suffix word is the verb's object, not a name.
    assert!(names("申请辞去公司总经理职务。").is_empty());
    assert!(names("该公司纳入公司合并报表范围。").is_empty());
    assert!(names("将协助基金开展投后赋能。").is_empty());
    // A place inside a stop-word pair still opens the name (以|上海).
    assert_eq!(
        names("项目以上海明远科技有限公司为主体实施。"),
        vec!["上海明远科技有限公司"]
    );
}

#[test]
fn plant_concepts_and_board_committees_are_no_organizations() {
    assert!(names("建成50家以上标杆智能工厂。").is_empty());
    assert!(names("打造数字工厂和灯塔工厂。").is_empty());
    assert!(names("经董事会提名委员会资格审查。").is_empty());
    // A named plant still is one.
    assert_eq!(names("江南造船厂承建。"), vec!["江南造船厂"]);
}

#[test]
fn a_trade_descriptor_before_a_firm_is_no_part_of_its_name() {
    // `IC設計廠X`, `供应商X`: the descriptor says what kind of firm follows.
    assert_eq!(
        names("LED 驅動 IC 設計廠晶亮光電股份有限公司今日召開董事會。"),
        vec!["晶亮光電股份有限公司"]
    );
    assert_eq!(
        names("储能设备供应商青禾能源科技有限公司完成融资。"),
        vec!["青禾能源科技有限公司"]
    );
    assert_eq!(
        names("新药研发公司青禾生技股份有限公司今日宣布完成融资。"),
        vec!["青禾生技股份有限公司"]
    );
    // The descriptor alone names no plant; a plant with a name of its own still is one.
    assert!(names("這家 IC 設計廠今年營收成長。").is_empty());
    // A technology acronym after a dateline is no short name either.
    let got = names(
        "新竹訊　LED 驅動 IC 設計廠晶亮光電股份有限公司今日召開董事會。雙方將在 Micro LED 驅動晶片開發上合作。",
    );
    assert_eq!(got, vec!["晶亮光電股份有限公司"]);
    assert_eq!(names("江南造船厂承建。"), vec!["江南造船厂"]);
    // a big maker of a trade (大厂) is a descriptor too (session 25)
    assert!(names("据悉，LED大厂今天宣布扩产。").is_empty());
    assert_eq!(
        names("大厂回族自治县人民政府发布通知。"),
        vec!["大厂回族自治县人民政府"]
    );
}

#[test]
fn left_boundary_cuts_before_the_place() {
    assert_eq!(names("记者走访北京银行"), vec!["北京银行"]);
    let got = names("注册管理部门虹口区教育局宣布");
    assert!(got.contains(&"虹口区教育局".to_string()), "{got:?}");
    assert!(!got.iter().any(|n| n.contains("部门虹口")), "{got:?}");
}

#[test]
fn name_needs_more_than_generic_words() {
    for t in [
        "设立科技有限公司",
        "各大银行表示",
        "相关部门回应",
        "该公司称",
        "数据中心建成",
    ] {
        assert!(names(t).is_empty(), "{t}: {:?}", names(t));
    }
}

#[test]
fn long_unbounded_runs_are_not_names() {
    // No stop word, no place: a long run is a phrase, and the scan is bounded.
    let t = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒银行";
    assert!(names(t).is_empty(), "{:?}", names(t));
}

#[test]
fn government_needs_a_place() {
    assert_eq!(names("洛阳市委召开会议"), vec!["洛阳市委"]);
    assert_eq!(
        kind_of("苏州市人民政府发布", "苏州市人民政府"),
        Some(OrgKind::Government)
    );
    assert!(names("当地政府高度重视").is_empty());
    assert!(names("县级人民政府负责").is_empty());
}

#[test]
fn kinds_follow_the_suffix() {
    assert_eq!(kind_of("青松大学发布", "青松大学"), Some(OrgKind::Academic));
    assert_eq!(
        kind_of("青松协会发布", "青松协会"),
        Some(OrgKind::Association)
    );
    assert_eq!(kind_of("青松日报报道", "青松日报"), Some(OrgKind::Media));
    assert_eq!(
        kind_of("设立青松产业基金", "青松产业基金"),
        Some(OrgKind::Fund)
    );
    assert_eq!(kind_of("青松医院接诊", "青松医院"), Some(OrgKind::Other));
}

#[test]
fn shops_of_time_honoured_brands_are_enterprises() {
    // a shop named like a person is an organization, and its name no person
    let t = "会上，鲁顺昌酱园总经理邵启文表示，线上销售已占三成。";
    assert_eq!(kind_of(t, "鲁顺昌酱园"), Some(OrgKind::Enterprise));
    let people: Vec<String> = mentions_of(t, Label::Person)
        .into_iter()
        .map(|m| m.text)
        .collect();
    assert_eq!(people, vec!["邵启文"]);
    assert_eq!(
        names("广裕昌茶庄与福兴银楼签约。"),
        vec!["广裕昌茶庄", "福兴银楼"]
    );
    // a shop word with no name before it, or only a descriptor, names no shop
    for t in [
        "这家茶楼生意很好，街口的老字号茶庄也排起了长队。",
        "我们去了一家酒楼和两家银楼。",
    ] {
        assert!(names(t).is_empty(), "{t}: {:?}", names(t));
    }
}

#[test]
fn weak_names_need_a_strong_form_or_a_list() {
    assert!(names("移动互联网发展迅速").is_empty());
    assert_eq!(names("中国联通表示，联通将"), vec!["中国联通", "联通"]);
    assert_eq!(names("光大、工行下调利率"), vec!["光大", "工行"]);
}

#[test]
fn taiwan_and_hong_kong_firms_are_known_in_traditional_text() {
    let got = with_rules("董事會通過委任前台積電資深處長王某為營運長。");
    assert!(
        got.iter().any(|(n, r)| n == "台積電" && r == "org.known"),
        "{got:?}"
    );
    // A weak name alone is an ordinary word (sunlight and moonlight).
    assert!(names("日月光灑滿大地。").is_empty());
}

#[test]
fn known_name_inside_a_place_is_no_name() {
    assert!(names("北京东部地区").is_empty());
}

#[test]
fn fund_owner_is_split_off() {
    assert_eq!(
        names("中国移动宣布移动新兴产业母基金落地"),
        vec!["中国移动", "移动", "新兴产业母基金"]
    );
    assert!(names("设立专项基金").is_empty());
    assert!(names("成立产业基金").is_empty());
}

#[test]
fn space_inside_a_name_is_not_in_its_canonical_name() {
    let ms = mentions_of("升级为 5G 产业母基金", Label::Organization);
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].name, "5G产业母基金");
}

#[test]
fn alias_definitions() {
    let ms = mentions_of(
        "星河动力科技有限公司（下称“星河动力”）宣布，星河动力将上市。",
        Label::Organization,
    );
    let got: Vec<(&str, &str, &str)> = ms
        .iter()
        .map(|m| (m.text.as_str(), m.rule.as_str(), m.name.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("星河动力科技有限公司", "org.suffix", "星河动力科技有限公司"),
            ("星河动力", "org.alias_def", "星河动力科技有限公司"),
            ("星河动力", "org.alias_use", "星河动力科技有限公司"),
        ]
    );
    // An alias of a known name resolves to the known name.
    let ms = mentions_of(
        "华为技术有限公司（以下简称为“华技”）发布，华技称",
        Label::Organization,
    );
    assert!(ms.iter().any(|m| m.text == "华技" && m.name == "华为"));
    // Not after a non-organization.
    assert!(names("《管理办法》（以下简称“办法”）").is_empty());
}

#[test]
fn no_panic_on_odd_input() {
    for t in [
        "",
        "（",
        "）（以下简称“",
        "基金",
        "公司公司公司",
        "( )",
        "——",
        "银行（",
        "（集团）有限公司",
    ] {
        let _ = names(t);
    }
}

proptest::proptest! {
    #[test]
    fn arbitrary_text_gives_valid_mentions(s in "[与和的公司集团银行基金中国北京市委局部（）()“” a-zA-Z0-9，。]{0,40}") {
        let doc = crate::read::from_bytes("t", "t", s.as_bytes()).expect("readable");
        let ex = crate::extract::process(&doc, Rules::builtin());
        let n = doc.text.chars().count();
        for m in ex.mentions {
            proptest::prop_assert!(m.start < m.end && m.end <= n);
        }
    }
}

/// Every rule id of the family is documented in `schema/rules/<family>.toml` and every
/// documented rule exists; each rule's examples produce a mention by that rule and its
/// counterexamples do not.
pub(crate) fn check_rule_docs(family: &str, ids: &[RuleId], label: Label) {
    #[derive(serde::Deserialize)]
    struct Doc {
        rule: Vec<RuleDoc>,
    }
    #[derive(serde::Deserialize)]
    struct RuleDoc {
        id: String,
        #[serde(default)]
        examples: Vec<String>,
        #[serde(default)]
        counterexamples: Vec<String>,
    }
    let path = format!("rules/{family}.toml");
    let src = crate::rules::embedded(&path).expect("rule doc is embedded");
    let doc: Doc = toml::from_str(src).expect("rule doc parses");
    let documented: std::collections::BTreeSet<&str> =
        doc.rule.iter().map(|r| r.id.as_str()).collect();
    let coded: std::collections::BTreeSet<&str> = ids.iter().map(|r| r.as_str()).collect();
    assert_eq!(
        documented, coded,
        "{path} and the code disagree on rule ids"
    );
    for r in &doc.rule {
        for ex in &r.examples {
            let found = mentions_of(ex, label);
            assert!(
                found.iter().any(|m| m.rule.as_str() == r.id),
                "{}: example {ex:?} gives no {} mention; found {:?}",
                r.id,
                r.id,
                found
                    .iter()
                    .map(|m| (&m.text, m.rule.as_str()))
                    .collect::<Vec<_>>()
            );
        }
        for ex in &r.counterexamples {
            let found = mentions_of(ex, label);
            assert!(
                !found.iter().any(|m| m.rule.as_str() == r.id),
                "{}: counterexample {ex:?} gives a mention; found {:?}",
                r.id,
                found
                    .iter()
                    .map(|m| (&m.text, m.rule.as_str()))
                    .collect::<Vec<_>>()
            );
        }
    }
}

/// Development aid: `KG_DUMP=file cargo test dump -- --ignored --nocapture` prints, for each
/// line of `file`, the entity mentions as `label<TAB>start<TAB>end<TAB>text<TAB>rule` rows
/// (character offsets) after a `#<line number>` row.
#[test]
#[ignore]
fn dump() {
    let Ok(path) = std::env::var("KG_DUMP") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap_or_default();
    for (i, line) in text.lines().enumerate() {
        let doc = crate::read::from_bytes("t", "t", line.as_bytes()).expect("readable");
        let ex = crate::extract::process(&doc, Rules::builtin());
        println!("#{i}");
        for m in ex.mentions.iter().filter(|m| m.label.layer() == 0) {
            println!(
                "{}\t{}\t{}\t{}\t{}",
                m.label.as_str(),
                m.start,
                m.end,
                m.text,
                m.rule
            );
        }
    }
}

#[test]
#[ignore]
fn debug_cands() {
    let Ok(t) = std::env::var("KG_TEXT") else {
        return;
    };
    let doc = crate::read::from_bytes("t", "t", t.as_bytes()).expect("readable");
    let norm = crate::normalize::normalize(&doc);
    let sents = crate::segment::segment(&norm);
    let ad = crate::extract::AnnotatedDoc::new(&doc, &norm, &sents);
    let r = &Rules::builtin().org;
    let known = known_candidates(ad.text(), r);
    let mut c = Vec::new();
    suffix::find(&ad, r, &known, &mut c);
    for x in known.iter().chain(c.iter()) {
        println!("{} {}", &ad.text()[x.range.clone()], x.rule);
    }
}

/// Development aid: `KG_BIG=file cargo test time_families -- --ignored --nocapture` times the
/// organization and location families alone on one large document.
#[test]
#[ignore]
fn time_families() {
    let Ok(path) = std::env::var("KG_BIG") else {
        return;
    };
    let bytes = std::fs::read(path).unwrap_or_default();
    let doc = crate::read::from_bytes("t", "t", &bytes).expect("readable");
    let norm = crate::normalize::normalize(&doc);
    let sents = crate::segment::segment(&norm);
    let ad = crate::extract::AnnotatedDoc::new(&doc, &norm, &sents);
    let rules = Rules::builtin();
    for fam in [
        &OrgExtractor as &dyn Extractor,
        &crate::extract::location::LocationExtractor,
    ] {
        let t = std::time::Instant::now();
        let mut out = Vec::new();
        fam.find(&ad, rules, &mut out);
        println!(
            "{}: {} candidates in {:?}",
            fam.family(),
            out.len(),
            t.elapsed()
        );
    }
}

/// Organization mentions with their rule ids.
fn with_rules(text: &str) -> Vec<(String, String)> {
    mentions_of(text, Label::Organization)
        .into_iter()
        .map(|m| (m.text, m.rule.as_str().to_string()))
        .collect()
}

#[test]
fn stock_codes_confirm_short_names() {
    for (text, name) in [
        ("昨日，云帆精密（600321）公布了半年报。", "云帆精密"),
        ("上市公司青松股份(002111.SZ)回复问询函。", "青松股份"),
        ("港股星河动力（01234.HK）今日复牌。", "星河动力"),
        ("海川智联（股票代码：300999）发布公告。", "海川智联"),
        ("原标题：明远能源(8.120,-0.10,-1.22%)拟出售资产", "明远能源"),
        // A place name before a stock code names the company.
        ("陆家嘴(11.030,-0.17,-1.52%)完成发行超短期融资券", "陆家嘴"),
    ] {
        let got = with_rules(text);
        assert!(
            got.iter().any(|(n, r)| n == name && r == "org.stock_code"),
            "{text}: {got:?}"
        );
    }
    // A placeholder or a bare number in parentheses is no name.
    assert!(with_rules("公司（600321）公布了半年报。").is_empty());
    assert!(with_rules("营收达12.30亿元（同比+5%）。").is_empty());
}

#[test]
fn event_slots_confirm_short_names() {
    let has = |text: &str, name: &str| {
        let got = with_rules(text);
        assert!(
            got.iter().any(|(n, r)| n == name && r == "org.event_arg"),
            "{text}: {got:?}"
        );
    };
    has("云帆精密8月3日晚间公告，拟出售部分资产。", "云帆精密");
    has("社区团购平台邻里优选宣布完成C轮融资。", "邻里优选");
    has("“极光织造”完成数千万元天使轮融资。", "极光织造");
    has("海川智联获青松资本战略投资。", "海川智联");
    has("海川精密拟以5亿元收购某资产。", "海川精密");
    has("海川智联与明远能源签署了供货协议。", "明远能源");
    has("公司拟收购明远能源60%股权。", "明远能源");
    has("公司拟收购Brightwave。", "Brightwave");
    has("记者从星河数据方面获悉，公司完成了C轮融资。", "星河数据");
    // Single stop characters inside a short, well-bounded name (`和`, `到`).
    has("近日，和光精密完成新一轮融资。", "和光精密");
    has("上门服务品牌轻松到家完成A轮融资。", "轻松到家");
    // `A领投、B跟投`: each round word ends its own item; the lead word is no part of a name.
    has(
        "岭川智控完成C轮融资，青杉资本领投、白桦创投跟投。",
        "青杉资本",
    );
    has(
        "岭川智控完成C轮融资，青杉资本领投、白桦创投跟投。",
        "白桦创投",
    );
    let got = with_rules("岭川智控完成C轮融资，青杉资本领投、白桦创投跟投。");
    assert!(!got.iter().any(|(n, _)| n.contains("领投")), "{got:?}");
    // `A与B共同发起设立X基金`: the adverb before the founding verb is no name, nor part of B's.
    for text in [
        "岭川集团与青杉资本管理有限公司共同设立岭川产业基金。",
        "岭川集团与青杉资本共同发起设立规模10亿元的岭川产业基金。",
        "岭川集团与青杉资本共同出资设立岭川产业基金。",
    ] {
        let got = with_rules(text);
        assert!(
            !got.iter()
                .any(|(n, _)| n.contains("共同") || n.contains("出资")),
            "{text}: {got:?}"
        );
    }
    has(
        "岭川集团与青杉资本共同发起设立规模10亿元的岭川产业基金。",
        "青杉资本",
    );
    // (a round word right at a clause start after a headline's gap: nothing to read, no panic)
    let _ = with_rules("岭川智算完成B+轮融资 领投方为青杉资本");
    let _ = with_rules("岭川智算完成B+轮融资 领投青杉资本");
}

#[test]
fn a_founder_before_a_fund_is_an_event_slot() {
    let got = with_rules("当天，青岚资本宣布设立规模20亿元的星海产业基金。");
    assert!(
        got.iter()
            .any(|(n, r)| n == "青岚资本" && r == "org.event_arg"),
        "{got:?}"
    );
    // No fund after the verb: a company founded in a year, or a branch, names no founder.
    for text in [
        "青岚资本成立于2015年，规模超百亿元。",
        "青岚资本设立了上海分公司。",
    ] {
        let got = with_rules(text);
        assert!(!got.iter().any(|(n, _)| n == "青岚资本"), "{text}: {got:?}");
    }
}

#[test]
fn a_short_name_before_a_title_and_a_person_is_an_organization() {
    for (text, name) in [
        ("青岚资本合伙人李明表示，看好该赛道。", "青岚资本"),
        ("会上，云帆创投董事长、总经理张志远发言。", "云帆创投"),
        // Industry words between the name and the title are the post's field.
        ("会上，龙泉资本投资总监王海峰发言。", "龙泉资本"),
    ] {
        let got = with_rules(text);
        assert!(
            got.iter()
                .any(|(n, r)| n == name && r == "org.title_holder"),
            "{text}: {got:?}"
        );
    }
    for text in [
        // Only industry words: a field, no company.
        "会上，人工智能技术总监李明发言。",
        // No person after the title.
        "青岚资本合伙人表示，看好该赛道。",
        // No company shape.
        "会上，远山总经理李明发言。",
    ] {
        let got = with_rules(text);
        assert!(
            !got.iter().any(|(_, r)| r == "org.title_holder"),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn event_slots_reject_common_nouns_and_people() {
    for text in [
        "投资者公告称收益下降。",
        "公司与对方签署了协议。",
        "张伟与李强签署了合作协议。",
        "公司完成了新一轮融资。",
        "收购价格尚未确定。",
        "公司拟分别以现金收购两家企业。",
        "该企业与多家行业领军企业达成了合作意向。",
        "回顾两年前的那次融资，大家都很激动。",
        // A meeting's resolution is announced, no company (`大会决议`).
        "青禾控股2024年度第二次临时股东大会决议公告",
    ] {
        let got = with_rules(text);
        assert!(
            !got.iter()
                .any(|(_, r)| r == "org.event_arg" || r == "org.stock_code"),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn a_headline_clause_gap_bounds_a_signing_party() {
    // The space parts the financing clause from the signing clause: the round before it is no
    // party of the signing (it was read as a name, `元C轮募资`).
    let got = with_rules("# 青岚科技完成3亿元C轮募资 将与星海大学签署合作备忘录\n\n正文。\n");
    assert!(
        !got.iter()
            .any(|(n, _)| n.contains("募资") || n.contains('C')),
        "{got:?}"
    );
    assert!(got.iter().any(|(n, _)| n == "星海大学"), "{got:?}");
    // A space inside a title is no clause gap: the quoted name stays one.
    let got = with_rules("# 青岚科技与星海大学签署《智造 共赢协议》\n\n正文。\n");
    assert!(got.iter().any(|(n, _)| n == "青岚科技"), "{got:?}");
}

#[test]
fn short_forms_drop_several_industry_words() {
    let form_of = |text: &str, form: &str| -> Option<String> {
        mentions_of(text, Label::Organization)
            .into_iter()
            .find(|m| m.text == form && m.rule.as_str() == "org.short_form")
            .map(|m| m.name)
    };
    // 创业投资 + 管理, 教育 + 科技, 文化 + 旅游 + 发展: each dropped in turn.
    for (text, form, full) in [
        (
            "本轮由青岚星河创业投资管理有限公司领投。青岚星河合伙人宋某表示看好。",
            "青岚星河",
            "青岚星河创业投资管理有限公司",
        ),
        (
            "大连云鹿教育科技股份有限公司发布公告。云鹿教育表示，云鹿将扩张。",
            "云鹿教育",
            "大连云鹿教育科技股份有限公司",
        ),
        (
            "启泰文化旅游发展股份有限公司发布公告。启泰文化旅游称，启泰新项目开工。",
            "启泰文化旅游",
            "启泰文化旅游发展股份有限公司",
        ),
    ] {
        assert_eq!(form_of(text, form).as_deref(), Some(full), "{text}");
    }
    assert_eq!(
        form_of(
            "本轮由青岚星河创业投资管理有限公司领投。青岚星河创投合伙人宋某表示看好。",
            "青岚星河创投"
        )
        .as_deref(),
        Some("青岚星河创业投资管理有限公司"),
        "the contraction is made on a form that dropped a word"
    );
    // Past the first word dropped, no form of generic words alone, of two characters, through
    // a group, or opening another organization of the document.
    for (text, form, full) in [
        (
            "深圳市数字科技创新发展有限公司成立。数字科技加快发展。",
            "数字科技",
            "深圳市数字科技创新发展有限公司",
        ),
        (
            "成都云岫算力科技有限公司与客户签约。云岫智算中心二期开工。",
            "云岫",
            "成都云岫算力科技有限公司",
        ),
        (
            "晋北煤电集团矿业有限公司发布公告。晋北煤电表示将扩产。",
            "晋北煤电",
            "晋北煤电集团矿业有限公司",
        ),
        (
            "冀东星能集团矿业有限公司与冀东星能股份公司签约。冀东星能表示满意。",
            "冀东星能",
            "冀东星能集团矿业有限公司",
        ),
    ] {
        assert_ne!(form_of(text, form).as_deref(), Some(full), "{text}");
    }
}

#[test]
fn short_forms_of_names_that_open_with_a_place() {
    let form_of = |text: &str, form: &str| -> Option<String> {
        mentions_of(text, Label::Organization)
            .into_iter()
            .find(|m| m.text == form)
            .map(|m| m.name)
    };
    // A trade name that opens with a city keeps it; a second place is no place to drop when
    // only industry words would be left; a city and two characters are the short name.
    for (text, form, full) in [
        (
            "温州瓯帆新材料科技股份有限公司发布公告。温州瓯帆副总裁表示订单饱满。",
            "温州瓯帆",
            "温州瓯帆新材料科技股份有限公司",
        ),
        (
            "上海张江发展集团股份有限公司与客户签约。张江发展集团总经理出席。",
            "张江发展集团",
            "上海张江发展集团股份有限公司",
        ),
        (
            "温州瓯航集团股份有限公司发布公告。温州瓯航表示将扩产。",
            "温州瓯航",
            "温州瓯航集团股份有限公司",
        ),
        // a region and a name that the headline names as an organization of its own
        (
            "# 恒远物流拟收购华南冷链控股 51%股权\n\n恒远物流集团有限公司拟收购华南冷链控股有限公司51%的股权。",
            "华南冷链控股",
            "华南冷链控股有限公司",
        ),
        // a Japanese company's legal word is dropped like 有限公司
        (
            "日本东岚电机株式会社与青禾科技签约。东岚电机常务董事出席。",
            "东岚电机",
            "日本东岚电机株式会社",
        ),
        // the national name keeps 中国 or 集团 in its forms
        (
            "中国青钨集团有限公司与客户签约。青钨集团表示将扩产。",
            "青钨集团",
            "中国青钨集团有限公司",
        ),
    ] {
        assert_eq!(form_of(text, form).as_deref(), Some(full), "{text}");
    }
    // No form of two places, of a province or city with its level word and industry words,
    // and no bare place.
    for (text, form) in [
        (
            "上海浦东星帆科技有限公司发布公告。上海浦东的园区很多。",
            "上海浦东",
        ),
        (
            "温州市投资控股有限公司发布公告。温州市投资环境优越。",
            "温州市投资",
        ),
        (
            "上海张江发展集团股份有限公司与客户签约。张江园区很大。",
            "张江",
        ),
        // two characters left once 中国 is dropped are a common noun, no form
        (
            "中国青钨集团有限公司与客户签约。青钨永磁项目投资额约12亿元。",
            "青钨",
        ),
    ] {
        assert!(
            !mentions_of(text, Label::Organization)
                .iter()
                .any(|m| m.text == form),
            "{text}"
        );
    }
}

#[test]
fn short_names_are_found_again_and_short_forms_link_to_the_full_name() {
    let got = with_rules("云帆精密（600321）发布公告。云帆精密表示，订单饱满。");
    assert!(
        got.iter()
            .any(|(n, r)| n == "云帆精密" && r == "org.short_use"),
        "{got:?}"
    );
    let ms = mentions_of(
        "深圳市云帆精密科技有限公司今日成立。云帆精密表示将扩产。",
        Label::Organization,
    );
    let short = ms
        .iter()
        .find(|m| m.text == "云帆精密")
        .expect("short form found");
    assert_eq!(short.rule.as_str(), "org.short_form");
    assert_eq!(short.name, "深圳市云帆精密科技有限公司");
    // A defined alias wins over the same span as a short form.
    let got = with_rules("深圳市云帆精密科技有限公司（以下简称“云帆精密”）成立。云帆精密表示");
    assert!(!got.iter().any(|(_, r)| r == "org.short_form"), "{got:?}");
    // The full name vouches for a form ending in a character of common nouns (化: 国际化).
    let ms = mentions_of(
        "恒川石化股份有限公司今日投产。恒川石化董事长表示将扩产。",
        Label::Organization,
    );
    assert!(
        ms.iter()
            .any(|m| m.text == "恒川石化" && m.name == "恒川石化股份有限公司"),
        "{ms:?}"
    );
    // without a full name in the document such a word is no company
    let ms = mentions_of("推进国际化。国际化表示开放。", Label::Organization);
    assert!(ms.is_empty(), "{ms:?}");
    // A group's form longer than a short name (nine characters) before the full name, as in a
    // headline, names the full name too; a longer name that only opens with it does not.
    let ms = mentions_of(
        "# 岚启新能源科技集团与市政府签约\n\n岚启新能源科技集团股份有限公司董事长出席。",
        Label::Organization,
    );
    assert!(
        ms.iter()
            .any(|m| m.text == "岚启新能源科技集团" && m.name == "岚启新能源科技集团股份有限公司"),
        "{ms:?}"
    );
    let ms = mentions_of(
        "岚启新能源科技集团股份有限公司今日投产。岚启新能源科技集团矿业有限公司同日成立。",
        Label::Organization,
    );
    assert!(
        ms.iter()
            .all(|m| m.name != "岚启新能源科技集团股份有限公司" || m.text.ends_with("有限公司")),
        "{ms:?}"
    );
}

#[test]
fn a_subsidiary_descriptor_is_not_part_of_the_name() {
    let got = names("公司子公司浙江省星河建设投资集团有限公司拟申请注册融资券。");
    assert_eq!(got, vec!["浙江省星河建设投资集团有限公司"]);
}

#[test]
fn a_headline_short_name_links_to_the_full_name_defined_later() {
    let ms = mentions_of(
        "# 海川智联拟收购星河物流70%股权\n\n北京海川智联科技有限公司（以下简称“海川智联”）公告称，拟收购深圳星河物流科技有限公司70%股权。",
        Label::Organization,
    );
    let first = |t: &str| ms.iter().find(|m| m.text == t).map(|m| m.name.clone());
    assert_eq!(
        first("海川智联").as_deref(),
        Some("北京海川智联科技有限公司"),
        "{ms:?}"
    );
    assert_eq!(
        first("星河物流").as_deref(),
        Some("深圳星河物流科技有限公司"),
        "{ms:?}"
    );
}

#[test]
fn investors_of_a_round_are_organizations() {
    let found =
        names("本轮融资由星河资本领投，云帆创投、青松投资跟投，老股东北辰创投继续追加投资。");
    for n in ["星河资本", "云帆创投", "青松投资", "北辰创投"] {
        assert!(found.contains(&n.to_string()), "{n} missing from {found:?}");
    }
    // No company shape, or a collective: no organization.
    assert!(names("多家机构跟投。").is_empty());
    assert!(names("张伟领投。").is_empty());
    assert!(names("老股东继续追加投资。").is_empty());
}

#[test]
fn a_place_in_parentheses_stays_inside_the_name() {
    assert_eq!(
        names("星河之家（天津）融资担保有限公司成立。"),
        vec!["星河之家（天津）融资担保有限公司"]
    );
    assert_eq!(
        names("记者走访青禾科技（深圳）有限公司。"),
        vec!["青禾科技（深圳）有限公司"]
    );
    // Not a place in the parenthesis: no change.
    assert_eq!(names("记者走访北京银行。"), vec!["北京银行"]);
}

#[test]
fn companies_named_by_their_role_in_a_deal_are_no_names() {
    assert!(names("拟收购目标公司全部股权。").is_empty());
    assert!(names("注销壳公司。").is_empty());
    assert!(names("组建平台公司。").is_empty());
    // Real names ending in the same words stay.
    assert_eq!(names("星河控股公司发布公告。"), vec!["星河控股公司"]);
}

/// (text, canonical name) of every organization mention.
fn texts_and_names(text: &str) -> Vec<(String, String)> {
    mentions_of(text, Label::Organization)
        .into_iter()
        .map(|m| (m.text, m.name))
        .collect()
}

#[test]
fn a_suffix_shaped_alias_resolves_everywhere() {
    // 星澜科技 ends in the weak suffix 科技, so the suffix rule finds it too (also in the
    // headline before the definition): every use still names the full company.
    let got = texts_and_names(
        "星澜科技发布新品\n星澜科技股份有限公司（以下简称“星澜科技”）今日表示，星澜科技将扩产。",
    );
    let short: Vec<&(String, String)> = got.iter().filter(|(t, _)| t == "星澜科技").collect();
    assert_eq!(short.len(), 3, "{got:?}");
    assert!(
        short.iter().all(|(_, n)| n == "星澜科技股份有限公司"),
        "{got:?}"
    );
    // Without a definition the suffix name stays its own name.
    let got = texts_and_names("星澜科技今日表示将扩产。");
    assert_eq!(got, vec![("星澜科技".to_string(), "星澜科技".to_string())]);
}

#[test]
fn a_defined_placeholder_means_the_filing_company() {
    let text = "青穹智能股份有限公司（以下简称“公司”）董事会收到辞职报告。王立新先生仍担任公司董事。公司的子公司与该公司签约，依据公司法办理。";
    let got = texts_and_names(text);
    let uses: Vec<&(String, String)> = got.iter().filter(|(t, _)| t == "公司").collect();
    // the definition and 仍担任公司董事; not 子公司, 该公司 or 公司法 — the first use
    // (公司的子公司) does count.
    assert_eq!(uses.len(), 3, "{got:?}");
    assert!(
        uses.iter().all(|(_, n)| n == "青穹智能股份有限公司"),
        "{got:?}"
    );
    // Without a definition 公司 is no organization.
    assert!(names("公司董事会收到辞职报告。").is_empty());
    // 甲方 stays no alias.
    let got = texts_and_names("青穹智能股份有限公司（以下简称“甲方”）与乙方签约。");
    assert!(got.iter().all(|(t, _)| t != "甲方"), "{got:?}");
}

#[test]
fn a_party_unit_before_its_secretary_title_is_the_organization() {
    let got = texts_and_names(
        "澄江能源集团有限公司（以下简称“澄江能源”）党委书记、董事长李国栋出席。澄江能源党委书记李国栋致辞。",
    );
    assert!(
        got.contains(&("澄江能源".to_string(), "澄江能源集团有限公司".to_string())),
        "{got:?}"
    );
    assert!(got.iter().all(|(t, _)| !t.ends_with("党委")), "{got:?}");
    // A party committee named alone (no title after it) is still one.
    assert_eq!(names("澄江能源党委召开会议。"), vec!["澄江能源党委"]);
}

#[test]
fn a_title_after_a_company_suffix_is_no_common_noun() {
    // 市场 after 有限公司 is normally a common noun (保险市场), but 市场总监 is a title.
    assert_eq!(
        names("曾任广州云帆网络科技有限公司市场总监。"),
        vec!["广州云帆网络科技有限公司"]
    );
    assert!(names("保险公司市场竞争加剧。").is_empty());
    // 生 makes a student only after a school: after a company it opens 生产 (session 21)
    assert_eq!(
        names("青禾电池有限公司生产的电池销往海外。"),
        vec!["青禾电池有限公司"]
    );
    assert_eq!(
        names("曾任青禾装备股份有限公司生产部经理。")[0],
        "青禾装备股份有限公司"
    );
    assert!(names("青禾大学生在这里学习。").is_empty());
    // 公司治理 is corporate governance, like 公司制度 (session 21)
    assert!(names("这与现代公司治理背道而驰。").is_empty());
    assert_eq!(
        names("青岚材料有限公司召开治理结构研讨会。"),
        vec!["青岚材料有限公司"]
    );
}

#[test]
fn an_industry_alliance_with_a_place_is_a_name() {
    assert_eq!(names("由华东智造产业联盟主办。"), vec!["华东智造产业联盟"]);
    assert_eq!(
        kind_of("由华东智造产业联盟主办。", "华东智造产业联盟"),
        Some(OrgKind::Association)
    );
    assert!(names("多家企业组建产业联盟。").is_empty());
    assert!(names("推动建立战略联盟。").is_empty());
}

#[test]
fn an_agency_under_a_ministry_and_partnerships() {
    assert_eq!(
        names("經濟部產業發展署副署長出席。"),
        vec!["經濟部產業發展署"]
    );
    assert_eq!(
        kind_of("經濟部產業發展署副署長出席。", "經濟部產業發展署"),
        Some(OrgKind::Government)
    );
    assert_eq!(names("經濟部表示支持。"), vec!["經濟部"]);
    assert_eq!(
        names("深圳前源投资合伙企业（有限合伙）转让股权。"),
        vec!["深圳前源投资合伙企业（有限合伙）"]
    );
    assert_eq!(
        kind_of(
            "深圳前源投资合伙企业（有限合伙）转让股权。",
            "深圳前源投资合伙企业（有限合伙）"
        ),
        Some(OrgKind::Fund)
    );
    assert!(names("设立合伙企业。").is_empty());
}

#[test]
fn alias_parentheses_with_two_aliases_or_other_notes() {
    let got = texts_and_names(
        "收购深圳博衍生物技术有限公司（以下简称“博衍生物”或“标的公司”）55%股权，标的公司总经理表示同意。",
    );
    for a in ["博衍生物", "标的公司"] {
        assert!(
            got.contains(&(a.to_string(), "深圳博衍生物技术有限公司".to_string())),
            "{a}: {got:?}"
        );
    }
    let got = texts_and_names(
        "岭南药业集团股份有限公司（以下简称“岭南药业”，股票代码：600987）公告，岭南药业拟收购。",
    );
    assert!(
        got.iter()
            .filter(|(t, _)| t == "岭南药业")
            .all(|(_, n)| n == "岭南药业集团股份有限公司"),
        "{got:?}"
    );
    let got = texts_and_names("星澜数据股份有限公司（股票代码：600123，以下简称“星澜数据”）公告。");
    assert!(
        got.contains(&("星澜数据".to_string(), "星澜数据股份有限公司".to_string())),
        "{got:?}"
    );
    // a parenthesis with notes but no 简称 defines nothing
    let got = mentions_of(
        "星澜数据股份有限公司（股票代码：600123，星澜数据）公告。",
        Label::Organization,
    );
    assert!(!got.iter().any(|m| m.rule == ALIAS_DEF), "{got:?}");
}

#[test]
fn an_exchange_code_after_a_stock_code_is_no_alias() {
    // `（002173，SZ）`: SZ is the market; as an alias it would merge every company listed there
    for text in [
        "星澜医疗股份有限公司（002173，SZ）总裁表示。",
        "星澜医疗股份有限公司（600123.SH）公告。",
        "星澜医疗股份有限公司（00700，HK）公告。",
    ] {
        let got = mentions_of(text, Label::Organization);
        assert!(
            !got.iter()
                .any(|m| m.rule == ALIAS_DEF || m.rule == ALIAS_USE),
            "{text}: {got:?}"
        );
    }
    // a Latin abbreviation still is one
    let got = texts_and_names("星澜数据股份有限公司（以下简称“XLD”）公告。");
    assert!(
        got.contains(&("XLD".to_string(), "星澜数据股份有限公司".to_string())),
        "{got:?}"
    );
}

#[test]
fn names_ending_in_another_suffix_and_place_plus_stop_word() {
    // 农村商业银行 says which kind of bank, not which bank: the place before 联合 belongs to it.
    assert_eq!(
        names("曾任杭州联合农村商业银行股份有限公司副行长。"),
        vec!["杭州联合农村商业银行股份有限公司"]
    );
    assert!(names("多家农村商业银行股份有限公司参与。").is_empty());
    assert_eq!(
        names("宁波银行股份有限公司表示。"),
        vec!["宁波银行股份有限公司"]
    );
    // a bare suffix after a place and a stop word is still no name
    assert!(names("我们在纽约也有办公室。").is_empty());
    // a two-character stop word after a place does not join an acceptable name to the place
    assert_eq!(
        names("上海推动星澜科技有限公司上市。"),
        vec!["星澜科技有限公司"]
    );
}

#[test]
fn agency_suffix_before_its_head_title_and_foreign_company_forms() {
    assert_eq!(
        names("衛生福利部食品藥物管理署署長出席。"),
        vec!["衛生福利部食品藥物管理署"]
    );
    assert_eq!(
        names("日本三井物產株式會社跟投。"),
        vec!["日本三井物產株式會社"]
    );
    // a shareholder word before a name is no part of it
    assert_eq!(
        names("老股東鼎峰創業投資股份有限公司持續加碼。"),
        vec!["鼎峰創業投資股份有限公司"]
    );
    // 投资促进 is a line of work inside a bureau's name, not a verb that ends the scan
    assert_eq!(names("江西省投资促进局协办。"), vec!["江西省投资促进局"]);
    // a verb before a bare 公司 is no name
    assert!(names("本次收购将补齐公司在该领域的短板。").is_empty());
}

#[test]
fn descriptors_and_district_committees() {
    assert_eq!(
        names("香港本地晶片設計企業鋒芯科技有限公司宣布融资。"),
        vec!["鋒芯科技有限公司"]
    );
    // a line of business after 企业 is part of the name
    assert_eq!(
        names("上海青禾企业管理有限公司成立。"),
        vec!["上海青禾企业管理有限公司"]
    );
    assert_eq!(
        names("任湖南省直属粮食企业生产经营指导办公室副主任。"),
        vec!["湖南省直属粮食企业生产经营指导办公室"]
    );
    assert_eq!(names("南山区委副书记出席。"), vec!["南山区委"]);
    assert_eq!(
        names("創新科技及工業局局長表示。"),
        vec!["創新科技及工業局"]
    );
}

#[test]
fn an_industry_fund_after_de_is_a_description() {
    assert!(names("合肥已设立总规模100亿元的集成电路产业基金。").is_empty());
    assert_eq!(
        names("设立总规模50亿元的合肥新能源汽车产业基金。"),
        vec!["合肥新能源汽车产业基金"]
    );
    assert_eq!(
        names("数字经济产业基金完成募集。"),
        vec!["数字经济产业基金"]
    );
}

#[test]
fn words_that_end_like_a_department() {
    assert!(names("全省三级医院电子病历系统应用水平提升。").is_empty());
    assert!(
        names("清华大学产品系列发布。")
            .iter()
            .all(|n| n != "清华大学产品系")
    );
    assert_eq!(
        names("清华大学电子工程系主任出席。"),
        vec!["清华大学电子工程系"]
    );
    // other one-character suffixes are not affected
    assert_eq!(names("据福州市公安局统计。"), vec!["福州市公安局"]);
}

#[test]
fn bare_deal_parties_named_again_are_companies() {
    let arg = |text: &str, name: &str| {
        with_rules(text)
            .iter()
            .any(|(n, r)| n == name && r == "org.event_arg")
    };
    // A headline deal between two bare names, both named again in the article.
    let text = "原标题：云栖收购蓝鲸出行 共享经济再整合\n云栖表示，蓝鲸出行的团队将保持独立。此前蓝鲸出行已覆盖百座城市。";
    assert!(arg(text, "云栖"), "{:?}", with_rules(text));
    assert!(arg(text, "蓝鲸出行"), "{:?}", with_rules(text));
    // Named only once: a bare phrase in the slot is not confirmed.
    let once = "原标题：云栖收购蓝鲸出行 共享经济再整合";
    assert!(
        !arg(once, "云栖") && !arg(once, "蓝鲸出行"),
        "{:?}",
        with_rules(once)
    );
    // A fragment of a longer word (目标公 of 目标公司) recurs only in that word.
    let frag = "公司拟收购目标公司。目标公司主营物流。";
    assert!(with_rules(frag).iter().all(|(n, _)| !n.starts_with("目标")));
    // A currency after a number is no acquirer, however often it recurs.
    let money = "苹果以1亿美元收购蓝鲸出行。1亿美元约合7亿元，蓝鲸出行估值2亿美元。";
    assert!(!arg(money, "美元"), "{:?}", with_rules(money));
    // Nouns of the deal itself are no target (收购价格, 收购金额).
    let noun = "双方收购价格尚未确定，收购价格将由评估决定。";
    assert!(with_rules(noun).iter().all(|(n, _)| n != "价格"));
}

#[test]
fn latin_names_after_a_descriptor_are_companies() {
    let got = with_rules("星海科技收购了外卖配送公司Quickbite Labs，交易金额未披露。");
    assert!(
        got.iter()
            .any(|(n, r)| n == "Quickbite Labs" && r == "org.event_arg"),
        "{got:?}"
    );
    let got = with_rules("蓝鲸出行宣布收购科技创企NAVO。");
    assert!(got.iter().any(|(n, _)| n == "NAVO"), "{got:?}");
    // A placeholder word after a descriptor is no name.
    let got = with_rules("该平台APP下载量突破百万。");
    assert!(got.iter().all(|(n, _)| n != "APP"), "{got:?}");
    // A removed space ends a Latin name before Chinese text (`BlueKite 强化…`).
    let got = with_rules("原标题：云栖宣布收购BlueKite 强化数据服务");
    assert!(got.iter().any(|(n, _)| n == "BlueKite"), "{got:?}");
}

#[test]
fn us_tickers_confirm_short_names() {
    for (text, name) in [
        ("星云智联(XYZ.US)宣布完成收购。", "星云智联"),
        ("蓝鲸出行（Nasdaq: BLWH）今日公布财报。", "蓝鲸出行"),
    ] {
        let got = with_rules(text);
        assert!(
            got.iter().any(|(n, r)| n == name && r == "org.stock_code"),
            "{text}: {got:?}"
        );
    }
    assert!(with_rules("营收增长(12.US)。").is_empty());
}

#[test]
fn companies_in_a_completed_deal_are_companies() {
    let text =
        "雅居服务完成对青城物业、白塔服务的收购。青城物业和白塔服务业绩向好，雅居服务表示满意。";
    let got = with_rules(text);
    for name in ["雅居服务", "青城物业", "白塔服务"] {
        assert!(got.iter().any(|(n, _)| n == name), "{name}: {got:?}");
    }
    // A Latin target after a descriptor, and a long Latin name.
    let got = with_rules(
        "星海集团完成对法国品牌Lumen的收购。伊顿公司完成收购Northwind Switchgear Solutions。",
    );
    assert!(got.iter().any(|(n, _)| n == "Lumen"), "{got:?}");
    assert!(
        got.iter()
            .any(|(n, _)| n == "Northwind Switchgear Solutions"),
        "{got:?}"
    );
    // A phrase named once between 对 and 的收购 is not confirmed.
    let got = with_rules("市场对相关资产的收购反应平淡。");
    assert!(got.is_empty(), "{got:?}");
    // A list of two or more names between 对 and 的收购 is evidence enough.
    let got = with_rules("上半年完成对青城物业、白塔服务的收购，业绩增长。");
    for name in ["青城物业", "白塔服务"] {
        assert!(got.iter().any(|(n, _)| n == name), "{name}: {got:?}");
    }
}

#[test]
fn bare_names_beside_descriptors_places_and_passives() {
    let has = |text: &str, name: &str| with_rules(text).iter().any(|(n, _)| n == name);
    // After an organization that is only a descriptor, in a deal sentence.
    let text = "新加坡国家投资公司淡锡湾尚未决定是否收购吉宝公司。淡锡湾表示将继续评估。";
    assert!(has(text, "淡锡湾"), "{:?}", with_rules(text));
    // A department of a company is no company, even in a deal sentence.
    let dept = "星海集团党委研究了收购事项。党委书记主持会议，党委成员出席。";
    assert!(!has(dept, "党委"), "{:?}", with_rules(dept));
    // Places before a bare target are no part of it.
    let text = "青岚超市将收购中国台湾白鹭224家门店。青岚超市表示，白鹭的门店将保留。";
    assert!(has(text, "白鹭"), "{:?}", with_rules(text));
    assert!(has(text, "青岚超市"), "{:?}", with_rules(text));
    // The agent of a passive deal.
    let text = "多家门店被青岚小店收购。目前，青岚小店数量已突破六千家。";
    assert!(has(text, "青岚小店"), "{:?}", with_rules(text));
    // A Latin-led bare target named again.
    let text = "星辰科技将收购ZZ直播，包括ZZ直播的网站。据悉ZZ直播用户众多。";
    assert!(has(text, "ZZ直播"), "{:?}", with_rules(text));
}

#[test]
fn deal_slot_boundaries_and_quotes() {
    let got = with_rules(
        "青禾医药、云栖生物双双发布公告，青禾医药拟收购蓝湾集团所持云栖生物不低于16%股权。",
    );
    assert!(got.iter().any(|(n, _)| n == "云栖生物"), "{got:?}");
    assert!(
        got.iter()
            .all(|(n, _)| n != "云栖生物双双" && n != "持云栖生物"),
        "{got:?}"
    );
    // A whole-number price in a quote confirms the name before it.
    let got = with_rules("青松黄金(24,0.80,3.45%)(01787)公布要约收购的最新情况。");
    assert!(
        got.iter()
            .any(|(n, r)| n == "青松黄金" && r == "org.stock_code"),
        "{got:?}"
    );
    // 对A收购B: A is bounded by 对 and named again.
    let text =
        "监管机构对青禾交易所以270亿美元收购Lumen的提议表示担忧。青禾交易所回应称，交易将继续。";
    let got = with_rules(text);
    assert!(got.iter().any(|(n, _)| n == "青禾交易所"), "{got:?}");
}

#[test]
fn subsidiaries_categories_and_deal_nouns() {
    let has = |text: &str, name: &str| with_rules(text).iter().any(|(n, _)| n == name);
    let text =
        "青禾集团宣布其全资子公司青禾国际拟出资48亿元收购蓝湾超市80%股份。青禾国际成立于2015年。";
    assert!(has(text, "青禾国际"), "{:?}", with_rules(text));
    // Named once: a company-shaped ending (…国际) is enough.
    let text = "蓝湾集团宣布其全资子公司星岚国际拟出资5亿元收购云栖超市80%股份。";
    assert!(has(text, "星岚国际"), "{:?}", with_rules(text));
    // A category before a descriptor is no name; the name after the descriptor is.
    let text = "星海集团收购珠宝品牌Lumen&Co。珠宝行业竞争激烈，珠宝消费回暖。";
    assert!(has(text, "Lumen&Co"), "{:?}", with_rules(text));
    assert!(!has(text, "珠宝"), "{:?}", with_rules(text));
    // Nouns of business results are no target, however often they recur.
    let text = "为提高盈利能力现金收购盈利下滑标的。标的盈利下滑明显，盈利改善尚需时日。";
    assert!(!has(text, "盈利"), "{:?}", with_rules(text));
}

#[test]
fn latin_legal_names_and_the_descriptions_before_them() {
    let got = with_rules(
        "公司拟收购德国 Altenberg Antriebstechnik GmbH（以下简称“阿尔滕贝格传动”）80% 股权。",
    );
    assert!(
        got.iter()
            .any(|(n, r)| n == "Altenberg Antriebstechnik GmbH" && r == "org.latin"),
        "{got:?}"
    );
    // a country glued by the slot reading is no part of the name
    assert!(got.iter().all(|(n, _)| !n.starts_with("德国")), "{got:?}");
    // place + generic words + 基金 right before a Latin name describes it
    let got = names("本次交易的出售方为德国私募股权基金 Rheintal Capital Partners 及创始家族。");
    assert!(
        got.contains(&"Rheintal Capital Partners".to_string()),
        "{got:?}"
    );
    assert!(!got.contains(&"德国私募股权基金".to_string()), "{got:?}");
    // a real name before a Latin one stays
    let got = names("星海产业投资基金 Rheintal Capital Partners 共同出资。");
    assert!(got.contains(&"星海产业投资基金".to_string()), "{got:?}");
    // without a Latin name after it, a fund description stays what the fund rule says
    let got = names("德国私募股权基金出售了其持有的股权。");
    assert!(
        !got.contains(&"Rheintal Capital Partners".to_string()),
        "{got:?}"
    );
}

#[test]
fn portfolio_bureaus_and_count_prefixes() {
    // 财政局 is no 政局 (political situation)
    assert!(names("其中，洛阳市财政局认缴出资15亿元。").contains(&"洛阳市财政局".to_string()));
    // `30余家工厂` counts factories
    assert!(names("该产品已在30余家工厂试点应用。").is_empty());
    // 经济和X部: one ministry of two portfolios
    assert!(
        names("交易尚需通过德国联邦经济和气候保护部的审查。")
            .iter()
            .any(|n| n.ends_with("经济和气候保护部")),
    );
}

#[test]
fn investors_listed_after_a_cue_are_companies() {
    let got = names("数擎科技完成近亿元Pre-A轮融资，投资方为光谷金控旗下光谷创投、松风资本。");
    assert!(got.contains(&"光谷创投".to_string()), "{got:?}");
    assert!(got.contains(&"松风资本".to_string()), "{got:?}");
    // no company shape: nothing
    let got = names("投资方为多位自然人。");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_latin_name_in_parentheses_is_the_same_organization() {
    let got = texts_and_names(
        "秦川汽车集团有限公司与德国博朗斯动力系统股份公司（Braunsz Powertrain AG，以下简称“博朗斯”）签署合资协议。",
    );
    assert!(
        got.iter()
            .any(|(n, c)| n == "Braunsz Powertrain AG" && c == "德国博朗斯动力系统股份公司"),
        "{got:?}"
    );
}

/// The linking names of the organization mentions whose surface is `surface`.
fn linked_names(text: &str, surface: &str) -> Vec<String> {
    mentions_of(text, Label::Organization)
        .into_iter()
        .filter(|m| m.text == surface)
        .map(|m| m.name)
        .collect()
}

#[test]
fn a_bare_government_refers_back_to_the_one_of_its_level() {
    // `区政府` after the district government was named in full is that government.
    let t = "杭州市青溪区人民政府与星海科技有限公司签约。随后，区政府与蓝湾集团有限公司签署协议。";
    assert_eq!(linked_names(t, "区政府"), vec!["杭州市青溪区人民政府"]);
    // Traditional script and the long form 區人民政府 alike.
    let t = "台中市北屯區人民政府與星海科技有限公司簽約。區人民政府將提供協助。";
    assert_eq!(linked_names(t, "區人民政府"), vec!["台中市北屯区人民政府"]);
    // Another level names another government: 市政府 is not the district's.
    let t = "杭州市青溪区人民政府与星海科技有限公司签约。市政府将给予支持。";
    assert!(linked_names(t, "市政府").iter().all(|n| n == "市政府"));
    // Two district governments: which one is meant is unclear, so neither.
    let t = "青溪区人民政府与蓝山区人民政府签约。区政府将给予支持。";
    assert!(linked_names(t, "区政府").iter().all(|n| n == "区政府"));
}

#[test]
fn an_unlisted_county_names_its_committee_before_the_committees_title() {
    // the committee's title or a list of the county's bodies says the stem is a place
    assert!(names("青禾县委书记李明远出席会议。").contains(&"青禾县委".to_string()));
    assert!(names("青禾市委书记赵德海表示，将加快项目建设。").contains(&"青禾市委".to_string()));
    let got = names("青禾县委、县政府高度重视招商工作。");
    assert!(got.contains(&"青禾县委".to_string()), "{got:?}");
    // a verb after the committee, running text or a determiner before the stem: no name
    assert!(names("青禾县委托第三方评估。").is_empty());
    assert!(
        !names("这座大都市委托专家评估。")
            .iter()
            .any(|n| n.contains("市委"))
    );
    assert!(
        !names("会上，全县委员都发言了。")
            .iter()
            .any(|n| n.contains("县委"))
    );
}

#[test]
fn a_bare_government_takes_the_place_of_the_one_committee_of_its_level() {
    let t = "青禾县委书记李明远出席。县政府县长王建平致辞。";
    assert_eq!(linked_names(t, "县政府"), vec!["青禾县政府"]);
    // two committees of the level: which place is meant is unclear
    let t = "青禾县委书记李明远、丰谷县委书记赵德海出席。县政府县长王建平致辞。";
    assert!(names(t).contains(&"丰谷县委".to_string()));
    assert!(linked_names(t, "县政府").iter().all(|n| n == "县政府"));
    // a committee of another level names no government of this one
    let t = "青禾市委书记赵德海出席。县政府县长王建平致辞。";
    assert!(linked_names(t, "县政府").iter().all(|n| n == "县政府"));
}

#[test]
fn a_department_right_after_its_company_is_the_company() {
    let got = names("记者从鼎丰集团办公室获悉，该集团将扩产。");
    assert_eq!(got, vec!["鼎丰集团"]);
    let got = names("鼎丰科技有限公司财务部负责人表示。");
    assert_eq!(got, vec!["鼎丰科技有限公司"]);
    // a government's office stays an organization of its own
    assert!(names("国务院办公厅发布通知。").contains(&"国务院办公厅".to_string()));
    assert!(
        names("青禾县人民政府办公室发布通知。")
            .iter()
            .any(|n| n.ends_with("办公室"))
    );
}

#[test]
fn an_accountants_guild_is_one_name() {
    assert_eq!(
        names("澜港會計師公會會長林家豪表示，將加強監管。"),
        vec!["澜港會計師公會"]
    );
}

#[test]
fn an_announcing_verb_makes_no_short_name() {
    // `X连发两份公告`: the announcer slot holds no `连发两份`.
    let got = names("星岚新材料股份有限公司（以下简称“星岚股份”）连发两份公告，宣布两笔并购交易。");
    assert!(!got.iter().any(|n| n.contains("连发")), "{got:?}");
    // The announcer itself still is found.
    assert!(
        got.contains(&"星岚新材料股份有限公司".to_string()),
        "{got:?}"
    );
}

#[test]
fn elliptic_bodies_take_the_place_of_the_body_before_them() {
    let t = "临江市委、市人大常委会、市政府、市政协主要领导出席。";
    assert_eq!(linked_names(t, "市人大常委会"), vec!["临江市人大常委会"]);
    assert_eq!(linked_names(t, "市政府"), vec!["临江市政府"]);
    assert_eq!(linked_names(t, "市政协"), vec!["临江市政协"]);
    // a bare managing committee is found after the zone's party committee and its titles
    let t = "南屿新区党工委书记、管委会主任魏振邦出席。";
    assert_eq!(linked_names(t, "管委会"), vec!["南屿新区管委会"]);
    // a zone word repeated from the place
    let t = "莫干山高新区党工委、新区管委会联合发文。";
    assert_eq!(linked_names(t, "新区管委会"), vec!["莫干山高新区管委会"]);
    // an ordinary bureau of the same level
    let t = "苏州市发改委、市经信局联合发文。";
    assert_eq!(linked_names(t, "市经信局"), vec!["苏州市经信局"]);
    // the party prefix is the party's only
    let t = "中共临江市委、市政府高度重视。";
    assert_eq!(linked_names(t, "市政府"), vec!["临江市政府"]);
}

#[test]
fn elliptic_bodies_need_a_government_list_before_them() {
    // no body before: a bare committee stays unfound, a bare government stays as written
    assert!(names("管委会主任魏振邦出席。").is_empty());
    assert_eq!(linked_names("市政府高度重视。", "市政府"), vec!["市政府"]);
    // after 和 the next body may be another place's: no elliptic completion (session 23: the
    // bare government still takes the place of the document's one city committee, see
    // `a_bare_government_takes_the_place_of_the_one_committee_of_its_level`)
    assert!(
        mentions_of("临江市委和市政府高度重视。", Label::Organization)
            .iter()
            .all(|m| m.rule != ELLIPTIC)
    );
    // a company is no government list
    assert!(linked_names("星河科技有限公司、管委会负责人出席。", "管委会").is_empty());
    // a body word that goes on into a word is none
    assert!(names("临江市委、政府采购中心").iter().all(|n| n != "政府"));
}

#[test]
fn a_bare_committee_before_titles_is_the_committee_named_before() {
    let t = "江宁区委书记甲某，区委副书记、区长乙某，区委常委、常务副区长丙某出席。";
    assert_eq!(linked_names(t, "区委"), vec!["江宁区委", "江宁区委"]);
    // the party prefix stays in the name it refers to
    let t = "中共常熟市委书记甲某；市委副书记乙某出席。";
    assert_eq!(linked_names(t, "市委"), vec!["中共常熟市委"]);
    // no committee of that level named before, two different ones, no title after, or no
    // clause mark before: no organization
    for (t, bare) in [
        ("市委副书记乙某出席。", "市委"),
        ("江宁区委书记甲某，市委副书记乙某出席。", "市委"),
        (
            "常熟市委书记甲某、太仓市委书记乙某，市委副书记丙某出席。",
            "市委",
        ),
        ("常熟市委书记甲某，市委高度重视。", "市委"),
        ("常熟市委书记甲某出席，由市委副书记乙某主持。", "市委"),
    ] {
        assert!(linked_names(t, bare).is_empty(), "{t}");
    }
}

#[test]
fn the_founders_of_a_fund_are_event_slots() {
    let got = names("该基金由星河资本联合青松创投共同出资设立。");
    assert!(got.contains(&"星河资本".to_string()), "{got:?}");
    assert!(got.contains(&"青松创投".to_string()), "{got:?}");
    let got = names("基金由青川新区财政局与国投创合共同发起设立。");
    assert!(got.contains(&"国投创合".to_string()), "{got:?}");
    // no founding verb: no slot
    assert!(!names("星河资本联合青松创投开展调研。").contains(&"星河资本".to_string()));
    // a plain 设立 without 共同/联合/出资/发起 is no slot
    assert!(!names("去年星河资本设立了研发中心。").contains(&"星河资本".to_string()));
}

#[test]
fn counted_descriptors_self_references_and_straddled_short_names() {
    // a counted or pointed-at short stem before a short suffix is a kind of place, not a name
    for t in [
        "市民包先生是一家五金厂的老板。",
        "一家小吃店的店主告诉记者。",
        // (座 counts buildings: a longer stem still describes the plant)
        "明年将在临江新建一座数位化工厂。",
        "（作者单位：本报评论部）",
        "董事会相信，此举有助扩大本集团在东南亚的业务。",
        "我国航空工业发展迅速。",
        "全国航线网络不断完善。",
    ] {
        assert!(names(t).is_empty(), "{t}: {:?}", names(t));
    }
    // a place before the stem names the plant; a word ending in 本 keeps its 集团
    assert_eq!(names("他在一家临江机械厂工作。"), vec!["临江机械厂"]);
    assert_eq!(names("红杉资本集团宣布完成募资。"), vec!["红杉资本集团"]);
    // the short name stands on its own
    assert_eq!(names("国航表示将扩大运力。"), vec!["国航"]);
}

#[test]
fn a_county_stem_opening_a_clause_is_no_stop_word() {
    // 于都县 → 于都: the company is named after its county, 于 is no preposition here
    assert_eq!(
        names("会议由县政府主持；于都恒岳电机有限公司总经理出席。"),
        vec!["县政府", "于都恒岳电机有限公司"]
    );
    assert_eq!(
        names("签约企业包括：和平澄碧茶业有限公司。"),
        vec!["和平澄碧茶业有限公司"]
    );
    // in running text the character belongs to the word before it, and a stem that is no
    // county's reads as before
    assert_eq!(
        names("会议于都江堰召开，星河科技有限公司出席。"),
        vec!["星河科技有限公司"]
    );
    assert_eq!(
        names("；于是星河科技有限公司宣布扩产。"),
        vec!["星河科技有限公司"]
    );
}

#[test]
fn a_bare_quoted_alias_in_parentheses_defines_it() {
    let got = mentions_of(
        "星汇控股有限公司（「本公司」）董事会宣布，王建华已辞任本公司非执行董事。",
        Label::Organization,
    );
    assert!(
        got.iter()
            .any(|m| m.text == "本公司" && m.name == "星汇控股有限公司"),
        "{got:?}"
    );
    let got = names("星汇控股有限公司（「星汇」）今日公布业绩。星汇表示盈利增长。");
    assert!(got.iter().filter(|n| *n == "星汇").count() >= 2, "{got:?}");
    // a quoted phrase inside running brackets is no definition
    let got = mentions_of(
        "公司发布了新产品（“云帆一号”与“云帆二号”）。",
        Label::Organization,
    );
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn contract_party_labels_are_no_part_of_a_name() {
    assert_eq!(
        names("甲方北屿远帆控股有限公司与乙方青湾星海科技有限公司签署协议。"),
        vec!["北屿远帆控股有限公司", "青湾星海科技有限公司"]
    );
    assert_eq!(
        names("丙方澄江数据服务有限公司负责运维。"),
        vec!["澄江数据服务有限公司"]
    );
    // a placeholder named by its label alone keeps the label
    assert_eq!(
        names("甲方科技有限公司与乙方签约。"),
        vec!["甲方科技有限公司"]
    );
    // 甲方 inside no other word: a firm whose name holds 方 keeps it.
    assert_eq!(
        names("东方甲醇化工有限公司投产。"),
        vec!["东方甲醇化工有限公司"]
    );
}

#[test]
fn a_verb_before_a_name_after_a_place_is_no_part_of_it() {
    // 在香港设立X法院: the place is where it is set up; 设立 (verb=1) joins nothing.
    assert!(
        !names("双方同意在临江设立终审法院。")
            .iter()
            .any(|n| n.contains("设立"))
    );
    // A two-character stop word that firm names hold still joins the place to the name.
    assert_eq!(
        names("曾任杭州联合农村商业银行股份有限公司副行长。"),
        vec!["杭州联合农村商业银行股份有限公司"]
    );
    // 主持 takes the company as its object; a dateline's 电 opens no name.
    assert!(names("他在主持公司工作期间伙同他人作案。").is_empty());
    assert_eq!(
        names("新华社北京五月二十一日电国家旅游局近日公布名单。"),
        vec!["新华社", "国家旅游局"]
    );
}

#[test]
fn a_stop_character_inside_a_three_character_shop_name() {
    // 仁和昌茶庄: 和 joins nothing between 仁 and a one-character name.
    assert_eq!(names("仁和昌茶庄今年迎来百年。"), vec!["仁和昌茶庄"]);
    assert_eq!(
        names("老街上有仁和昌茶庄、鲁泰昌酱园。"),
        vec!["仁和昌茶庄", "鲁泰昌酱园"]
    );
    // A pronoun before 和 is a party joined by it; two characters before it are a name.
    assert!(names("他和昌茶庄老板聊了很久。").is_empty());
    assert!(
        !names("，张伟和昌茶庄老板聊了很久。")
            .iter()
            .any(|n| n.contains('和'))
    );
}

#[test]
fn shop_marks_are_organizations_where_a_trade_or_shop_word_confirms_them() {
    let got = texts_and_names(
        "街坊熟悉的老店有：冼记粥面、麦振记凉茶。麦振记第三代传人麦嘉禾说，配方没变。",
    );
    assert!(
        got.contains(&("冼记粥面".into(), "冼记粥面".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&("麦振记凉茶".into(), "麦振记凉茶".into())),
        "{got:?}"
    );
    // the bare mark is the same shop
    assert!(
        got.contains(&("麦振记".into(), "麦振记凉茶".into())),
        "{got:?}"
    );
    assert_eq!(
        kind_of("荣记第二代传人接手。", "荣记"),
        Some(OrgKind::Enterprise)
    );
    // No trade or shop word: no shop; 记 making a word (书记, 牢记) is no mark.
    assert!(names("荣记很好吃。").is_empty());
    assert!(names("王书记老板说要牢记使命。").is_empty());
    assert!(names("他写的游记开业前就出版了。").is_empty());
}

#[test]
fn a_province_missing_from_the_lexicon_gives_a_short_form() {
    let got = texts_and_names("北屿省远帆投资有限公司成立于2010年。远帆投资表示，将加大投入。");
    assert!(
        got.contains(&("远帆投资".into(), "北屿省远帆投资有限公司".into())),
        "{got:?}"
    );
    // A word ending in 市 (都市) opens the name, it is no city.
    let got = texts_and_names("大都市发展投资有限公司成立。发展投资方兴未艾。");
    assert!(got.iter().all(|(t, _)| t != "发展投资"), "{got:?}");
}

#[test]
fn two_portfolios_after_a_city_missing_from_the_lexicon() {
    assert_eq!(
        names("由南屿市工业和信息化局主办。"),
        vec!["南屿市工业和信息化局"]
    );
    // a word ending in 市 is no city: the scan stays cut at 和
    assert!(
        !names("发展超市零售和信息化局")
            .iter()
            .any(|n| n.contains("超市"))
    );
}

#[test]
fn two_portfolios_after_a_name_column() {
    // the name column ends at the full-width space: the bureau opens the title column
    assert_eq!(
        names("出席嘉宾：\n\n韩立舟\u{3000}南屿市工业和信息化局局长\n"),
        vec!["南屿市工业和信息化局"]
    );
}

#[test]
fn shop_word_lists_exist() {
    crate::rules::WordList::assert_all_have_words(&shop::LISTS);
}

#[test]
fn a_described_alliance_is_a_name_before_a_title_or_an_organizers_verb() {
    // session 15: no place before it, but a title or an organizer's verb after it
    assert!(
        names("北岸数字文旅产业联盟秘书长刘建国表示，将扩大会员。")
            .contains(&"北岸数字文旅产业联盟".to_string())
    );
    assert!(
        names("由市商务局主办、北港低空经济产业联盟承办的论坛开幕。")
            .contains(&"北港低空经济产业联盟".to_string())
    );
    // a common noun: no title or organizer's verb after it, or no body before it
    assert!(names("要推动智能制造产业联盟发展。").is_empty());
    assert!(names("多家企业组建产业联盟秘书处。").is_empty());
}

#[test]
fn an_adverb_and_zhixing_are_the_verb_before_an_organization() {
    // session 15: 认真执行 is a verb phrase, not the head of a name
    assert_eq!(
        names("各地要认真执行国家文物局的规定。"),
        vec!["国家文物局"]
    );
    assert_eq!(
        names("企业应严格执行市场监管总局的标准。"),
        vec!["市场监管总局"]
    );
    // 执行 alone stays a name part
    assert!(
        names("协会执行委员会召开会议。")
            .iter()
            .any(|n| n.ends_with("执行委员会"))
    );
}

#[test]
fn after_an_appointing_verb_wei_links_the_person_to_the_post() {
    // session 15: 庄某为公司 is a person, 为 and the company's post: the scan takes no
    // surname into the name (the known name 华为 inside is still read: see the doc)
    assert!(
        !names("董事会聘任庄华为公司总经理。")
            .iter()
            .any(|n| n.starts_with("庄"))
    );
    assert_eq!(
        names("董事会聘任郑立为青禾科技有限公司总经理。"),
        vec!["青禾科技有限公司"]
    );
    // without the appointing verb a name holding 为 stays whole
    assert!(
        names("华为公司发布了新产品。")
            .iter()
            .any(|n| n == "华为公司")
    );
}

#[test]
fn division_and_field_firm_lists_exist() {
    crate::rules::WordList::assert_all_have_words(&[&super::DIVISION_REGIONS]);
    assert!(
        super::division_before("北陌集团亚太区", "北陌集团亚太区".len()) == Some("北陌集团".len())
    );
    assert!(
        super::division_before("北陌集团华东大区", "北陌集团华东大区".len())
            == Some("北陌集团".len())
    );
    // no region before 区 (`园区`): no division
    assert!(super::division_before("北陌科技园区", "北陌科技园区".len()).is_none());
}

#[test]
fn industry_words_after_an_investing_firm_are_the_posts_field() {
    // session 17: 医药 ends company names too, but after 资本 it is the field of the post
    let got = with_rules("会上，远川资本医药投资总监范文韬发言。");
    assert!(
        got.iter()
            .any(|(n, r)| n == "远川资本" && r == "org.title_holder"),
        "{got:?}"
    );
    assert!(!got.iter().any(|(n, _)| n == "远川资本医药"), "{got:?}");
    // no investing firm's ending: the longest company-shaped name stays (`X生物医药`)
    let got = with_rules("会上，远川生物医药研发总监范文韬发言。");
    assert!(!got.iter().any(|(n, _)| n == "远川资本"), "{got:?}");
}

#[test]
fn a_descriptor_before_a_quoted_name_is_no_organization() {
    let got = names("在线教育初创公司“学而帮”宣布完成新一轮融资。");
    assert!(!got.iter().any(|n| n.ends_with("初创公司")), "{got:?}");
    // a named company before a quote stays (`北陌科技有限公司“年度之星”评选`)
    let got = names("北陌科技有限公司“年度之星”评选揭晓。");
    assert!(got.contains(&"北陌科技有限公司".to_string()), "{got:?}");
}

#[test]
fn quantifiers_and_agent_words_before_a_suffix_end_the_name() {
    let got = names("后经医院诊断为轻伤。");
    assert!(!got.iter().any(|n| n.contains("后经")), "{got:?}");
    let got = names("不少银行迅速与多家企业签署合作协议。");
    assert!(!got.iter().any(|n| n.starts_with("不少")), "{got:?}");
    let got = names("一是要用好政策性银行的作用。");
    assert!(!got.iter().any(|n| n.contains("用好")), "{got:?}");
    let got = names("截至公告披露日，范文韬先生持有北陌集团有限公司股份。");
    assert!(!got.iter().any(|n| n.starts_with("截至")), "{got:?}");
    let got = names("作者系东澄大学经济学院副教授 梅若岚");
    assert!(got.contains(&"东澄大学经济学院".to_string()), "{got:?}");
}

#[test]
fn a_change_heading_after_a_lead_word_names_no_company() {
    // session 18: 子公司 is a lead word, but 变更/变动 in a filing's heading is no name
    let got = names("三、子公司变更\n\n公司全资子公司暨川数据服务有限公司完成工商变更登记。");
    assert_eq!(got, vec!["暨川数据服务有限公司"]);
    assert!(
        !names("二、股东变动\n\n控股股东澄湖控股集团有限公司减持。").contains(&"变动".to_string())
    );
}

#[test]
fn a_column_gap_after_he_joins_no_institute_fields() {
    // `沈立和　墨川数字研究院院长`: the 和 ends the person's name in the column before the gap;
    // it joins no two fields of an institute.
    let got =
        with_rules("1. 沈立和　墨川数字研究院院长\n2. 罗晓东　汀岳云链科技有限公司首席执行官\n");
    assert!(got.iter().any(|(n, _)| n == "墨川数字研究院"), "{got:?}");
    assert!(!got.iter().any(|(n, _)| n.contains("沈立")), "{got:?}");
    // with no gap, two fields of an institute joined by 和 stay one name
    let got = with_rules("会上，高端装备感知和智能控制研究院发布了成果。");
    assert!(
        got.iter().any(|(n, _)| n == "高端装备感知和智能控制研究院"),
        "{got:?}"
    );
}

#[test]
fn a_department_after_a_company_suffix_is_no_organization() {
    let got = with_rules("长丰精密有限公司生产部经理沈立表示，外交部发布通知。");
    assert!(got.iter().any(|(n, _)| n == "长丰精密有限公司"), "{got:?}");
    assert!(!got.iter().any(|(n, _)| n == "生产部"), "{got:?}");
    // a ministry after no company suffix stays an organization
    assert!(got.iter().any(|(n, _)| n == "外交部"), "{got:?}");
}

#[test]
fn a_status_word_before_a_name_and_its_title_is_no_part_of_the_name() {
    // (session 24) 前/原 before a company and a title mark the post as former.
    assert_eq!(
        names("李向东，前星海电子股份有限公司副总经理。"),
        vec!["星海电子股份有限公司"]
    );
    assert_eq!(
        names("原澄岭动力科技股份有限公司总经理周明远出席。"),
        vec!["澄岭动力科技股份有限公司"]
    );
    // A place that opens with it keeps it; without a title after the name nothing is cut.
    assert!(
        names("前海青禾科技有限公司董事长出席。")
            .iter()
            .any(|n| n.starts_with("前海"))
    );
    assert_eq!(
        names("前进机械有限公司发布公告。"),
        vec!["前进机械有限公司"]
    );
}

#[test]
fn an_industry_upgrade_fund_is_named_by_more_than_generic_words() {
    // (session 24) 升级 is a stop word: X产业升级基金 is read by its own suffix.
    assert!(
        names("公司拟与青禾集团有限公司共同设立澜汀储能产业升级基金。")
            .contains(&"澜汀储能产业升级基金".to_string())
    );
    assert!(
        !names("公司拟设立产业升级基金。")
            .iter()
            .any(|n| n.contains("升级基金"))
    );
}

#[test]
fn an_unlisted_province_county_or_prefecture_names_its_government() {
    // session 25: 省, 县 and 州 read by shape before a suffix that needs a place
    assert!(
        names("浠川省人民政府与星海科技有限公司签约。").contains(&"浠川省人民政府".to_string())
    );
    assert!(names("沣川州政府发布通知。").contains(&"沣川州政府".to_string()));
    // a word ending in the level, a determiner or a word ending in 市: no government
    assert!(
        !names("为节省政府开支，会议从简。")
            .iter()
            .any(|n| n.contains("省政府"))
    );
    assert!(names("各省人民政府将出台细则。").is_empty());
    assert!(
        !names("一些大城市政府也在研究类似模式。")
            .iter()
            .any(|n| n.contains("城市政府"))
    );
}

#[test]
fn a_vehicle_field_joins_an_academic_unit_to_its_parent() {
    // session 25: 车辆 is a name part, its 辆 no measure word
    let got = names("东岭大学车辆与运载学院院长出席。");
    assert!(
        got.contains(&"东岭大学车辆与运载学院".to_string()),
        "{got:?}"
    );
    assert!(!got.contains(&"运载学院".to_string()), "{got:?}");
    // a counted vehicle still ends the scan before a company
    let got = names("公司采购了3辆星海汽车有限公司的客车。");
    assert!(got.contains(&"星海汽车有限公司".to_string()), "{got:?}");
}

#[test]
fn a_body_without_its_place_is_named_before_its_heads_title() {
    // session 25: 局长 after a bureau named by its field, 主任 after an office
    let got = names("会上，林业局局长和扶贫办主任分别发言。");
    assert!(got.contains(&"林业局".to_string()), "{got:?}");
    assert!(got.contains(&"扶贫办".to_string()), "{got:?}");
    // no head's title: no body (a field word and a bare office)
    let got = names("林业局面临新的挑战，扶贫办法已经出台。");
    assert!(!got.contains(&"林业局".to_string()), "{got:?}");
    assert!(!got.contains(&"扶贫办".to_string()), "{got:?}");
    // the one-character stem of a determiner names nothing
    assert!(names("该局局长出席。").is_empty());
    // right after a company, an office headed by a 主任 is the company's unit
    let got = names("他曾任星海控股集团有限公司党委办主任。");
    assert!(!got.contains(&"党委办".to_string()), "{got:?}");
    // a department headed by its 部长 stays no organization of its own
    let got = names("代理发言人由品牌部部长担任。");
    assert!(!got.contains(&"品牌部".to_string()), "{got:?}");
}

#[test]
fn a_group_is_told_by_its_trade_name_and_jituan() {
    // (session 26) 星澄控股集团有限公司 … 星澄集团: the industry word between them dropped
    let text = "星澄控股集团有限公司与青州市人民政府签约。星澄集团将在青州投资建设物流枢纽。";
    let got = mentions_of(text, Label::Organization);
    assert!(
        got.iter()
            .any(|m| m.text == "星澄集团" && m.name == "星澄控股集团有限公司"),
        "{got:?}"
    );
    // no group form for a name without 集团 before its legal suffix
    let plain = "星澄控股有限公司与青州市人民政府签约。星澄集团将在青州投资。";
    let got = mentions_of(plain, Label::Organization);
    assert!(
        !got.iter()
            .any(|m| m.text == "星澄集团" && m.name == "星澄控股有限公司"),
        "{got:?}"
    );
}

#[test]
fn wei_as_the_second_character_of_a_trade_name() {
    // 为 after one character that opens the name is part of a trade name
    let got = names("公司名称为有为科技有限公司。");
    assert!(got.contains(&"有为科技有限公司".to_string()), "{got:?}");
    let got = names("祁明远为有为科技有限公司董事长。");
    assert!(got.contains(&"有为科技有限公司".to_string()), "{got:?}");
    // a function word with 为 (并为, 认为, 他为) opens no name
    let got = names("项目投产后，并为公司带来收益。");
    assert!(!got.iter().any(|n| n.contains('为')), "{got:?}");
    let got = names("他认为科技公司应当加大投入。");
    assert!(!got.iter().any(|n| n.contains('为')), "{got:?}");
    let got = names("会上，他为科技有限公司颁奖。");
    assert!(!got.iter().any(|n| n.contains('为')), "{got:?}");
    // a whole name or a bare suffix after 为: 为 is the copula
    let got = names("本次交易对方为岑川控股有限公司。");
    assert!(!got.iter().any(|n| n.contains('为')), "{got:?}");
    let got = names("董事会同意聘任祁若川为公司总经理。");
    assert!(!got.iter().any(|n| n.contains('为')), "{got:?}");
}

/// Canonical names of the organization mentions.
fn canonical_names(text: &str) -> Vec<String> {
    mentions_of(text, Label::Organization)
        .into_iter()
        .map(|m| m.name)
        .collect()
}

#[test]
fn a_bare_branch_is_the_branch_of_the_one_parent_named_before() {
    let got = canonical_names("恒川集团召开年度工作会议。华东分公司总经理祁明远介绍了情况。");
    assert!(got.contains(&"恒川集团华东分公司".to_string()), "{got:?}");
    // a bank's branch is a bank's
    let got = canonical_names("青禾银行发布年报。上海分行行长祁明远表示将扩大信贷。");
    assert!(got.contains(&"青禾银行上海分行".to_string()), "{got:?}");
    // the branch named with its parent before keeps that name
    let got = canonical_names("恒川集团华东分公司成立。华东分公司总经理祁明远表示。");
    assert_eq!(
        got.iter().filter(|n| *n == "恒川集团华东分公司").count(),
        2,
        "{got:?}"
    );
    // two parents named before it, or none: it stays as written
    let got = canonical_names("恒川集团与蓝溪集团签约。华东分公司总经理祁明远介绍了情况。");
    assert!(got.contains(&"华东分公司".to_string()), "{got:?}");
    let got = canonical_names("华东分公司总经理祁明远介绍了情况。");
    assert!(got.contains(&"华东分公司".to_string()), "{got:?}");
    // a bank is no parent of a 分公司
    let got = canonical_names("青禾银行发布年报。华东分公司总经理祁明远表示。");
    assert!(got.contains(&"华东分公司".to_string()), "{got:?}");
}
