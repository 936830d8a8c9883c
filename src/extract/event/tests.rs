//! Unit tests of the event family on hand-built documents: mentions are committed by hand
//! (as the entity and value families would), then the event patterns run.

use chrono::NaiveDate;

use super::*;
use crate::extract::describe::fact_lines;
use crate::extract::{Attrs, Candidate, Label, Money, Precision, Qualifier, commit};

/// The rule id of hand-committed mentions.
const MARK: &str = "test.mark";

/// A mention to commit by hand: every occurrence of `text` gets `label` and `attrs`.
struct Mark(Label, &'static str, Attrs);

fn m(label: Label, text: &'static str) -> Mark {
    Mark(label, text, Attrs::None)
}

fn date(text: &'static str, iso: &str) -> Mark {
    dated(text, iso, Precision::Day)
}

/// A date mark of `precision` that starts on `iso`.
fn dated(text: &'static str, iso: &str, precision: Precision) -> Mark {
    let d = NaiveDate::parse_from_str(iso, "%Y-%m-%d").expect("test date");
    Mark(
        Label::Date,
        text,
        Attrs::Time(TimeValue::Date {
            date: d,
            precision,
            end: None,
        }),
    )
}

fn amount(text: &'static str, value: f64) -> Mark {
    Mark(
        Label::Amount,
        text,
        Attrs::Amount(Money {
            value,
            min: Some(value),
            max: Some(value),
            currency: "CNY".into(),
            qualifier: Qualifier::Exact,
        }),
    )
}

/// Run the event family on `text` with `marks` committed, and render the result as lines:
/// `Kind 名称 @date` for events and `from -REL{props}-> to` for relations.
fn run(text: &str, marks: &[Mark]) -> Vec<String> {
    let doc = crate::read::from_bytes("t", "t", text.as_bytes()).expect("test text");
    let norm = crate::normalize::normalize(&doc);
    let sents = crate::segment::segment(&norm);
    let mut ad = AnnotatedDoc::new(&doc, &norm, &sents);
    let mut cands = Vec::new();
    for Mark(label, surface, attrs) in marks {
        for (i, _) in norm.text.match_indices(surface) {
            cands.push(
                Candidate::new(*label, i..i + surface.len(), RuleId(MARK), 1)
                    .with_attrs(attrs.clone()),
            );
        }
    }
    commit(&mut ad, cands);
    extract_events(&mut ad, Rules::builtin());
    fact_lines(&ad)
}

fn has(out: &[String], line: &str) -> bool {
    out.iter().any(|l| l == line)
}

#[track_caller]
fn expect(out: &[String], lines: &[&str]) {
    for l in lines {
        assert!(has(out, l), "missing {l:?} in\n{}", out.join("\n"));
    }
}

#[track_caller]
fn forbid_prefix(out: &[String], prefix: &str) {
    assert!(
        !out.iter().any(|l| l.starts_with(prefix)),
        "unexpected {prefix:?} in\n{}",
        out.join("\n")
    );
}

#[test]
fn forum_with_organizer_in_name_date_place_and_speech() {
    let out = run(
        "2023年星海科技开发者大会于5月8日在上海隆重召开。星海科技总裁林一凡在题为《智能向前》的主题演讲中表示，公司将加大投入。",
        &[
            m(Label::Organization, "星海科技"),
            m(Label::Location, "上海"),
            m(Label::Role, "总裁"),
            m(Label::Person, "林一凡"),
            date("5月8日", "2023-05-08"),
        ],
    );
    expect(
        &out,
        &[
            "Forum 星海科技开发者大会 @2023-05-08",
            "星海科技 -ORGANIZED-> [星海科技开发者大会]",
            "[星海科技开发者大会] -LOCATED_IN-> 上海",
            "林一凡 -SPOKE_AT{title=智能向前}-> [星海科技开发者大会]",
        ],
    );
    forbid_prefix(&out, "Speech ");
}

#[test]
fn forum_noun_without_holding_cue_is_no_event() {
    let out = run(
        "星海科技曾多次参与行业峰会的筹备。",
        &[m(Label::Organization, "星海科技")],
    );
    forbid_prefix(&out, "Forum ");
}

#[test]
fn a_guest_list_of_a_named_meeting_holds_it() {
    let out = run("第三届青岚数字经济论坛嘉宾名单", &[]);
    expect(&out, &["Forum 第三届青岚数字经济论坛"]);
    // a guest list of no named meeting holds nothing
    let out = run("本次活动嘉宾名单如下", &[]);
    forbid_prefix(&out, "Forum ");
}

#[test]
fn signing_two_parties_with_named_agreement() {
    let out = run(
        "6月3日，青禾集团与蓝湾银行签署了战略合作框架协议。",
        &[
            m(Label::Organization, "青禾集团"),
            m(Label::Organization, "蓝湾银行"),
            date("6月3日", "2024-06-03"),
        ],
    );
    expect(
        &out,
        &[
            "Signing 战略合作框架协议 @2024-06-03",
            "青禾集团 -SIGNED-> [战略合作框架协议]",
            "蓝湾银行 -SIGNED-> [战略合作框架协议]",
        ],
    );
}

#[test]
fn generic_signing_mentions_make_no_event() {
    let out = run(
        "通过一系列深度合作协议的签署，青禾集团与众多企业形成了联盟。",
        &[m(Label::Organization, "青禾集团")],
    );
    forbid_prefix(&out, "Signing ");
    let out = run(
        "青禾集团与多家企业达成了合作意向。",
        &[m(Label::Organization, "青禾集团")],
    );
    forbid_prefix(&out, "Signing ");
}

#[test]
fn signing_on_behalf() {
    let out = run(
        "项目由张明远代表青禾集团与蓝湾银行签约。",
        &[
            m(Label::Organization, "青禾集团"),
            m(Label::Organization, "蓝湾银行"),
            m(Label::Person, "张明远"),
        ],
    );
    expect(
        &out,
        &[
            "张明远 -SIGNED{for=青禾集团}-> [青禾集团与蓝湾银行签约]",
            "青禾集团 -SIGNED-> [青禾集团与蓝湾银行签约]",
            "蓝湾银行 -SIGNED-> [青禾集团与蓝湾银行签约]",
        ],
    );
}

#[test]
fn investment_with_target_and_amount() {
    let out = run(
        "青禾集团拟出资5亿元投资蓝湾科技。",
        &[
            m(Label::Organization, "青禾集团"),
            m(Label::Organization, "蓝湾科技"),
            amount("5亿元", 5e8),
        ],
    );
    expect(
        &out,
        &[
            "青禾集团 -INVESTED-> [青禾集团投资蓝湾科技]",
            "蓝湾科技 -TARGET_OF-> [青禾集团投资蓝湾科技]",
        ],
    );
}

#[test]
fn a_forum_the_headline_tells_shorter_is_the_one_the_body_names() {
    let text = "# 青川新区举办2025年数字经济招商推介会\n\n3月16日，2025青川新区数字经济招商推介会在青川举行。";
    let out = run(
        text,
        &[date("3月16日", "2025-03-16"), m(Label::Location, "青川")],
    );
    expect(&out, &["Forum 2025青川新区数字经济招商推介会 @2025-03-16"]);
    forbid_prefix(&out, "Forum 数字经济招商推介会");
    // in the body, a forum whose name ends another's is another forum
    let out = run(
        "# 通知\n\n3月16日，青川数字经济招商推介会在青川举行。次日，数字经济招商推介会在临江举行。",
        &[date("3月16日", "2025-03-16"), m(Label::Location, "青川")],
    );
    expect(&out, &["Forum 青川数字经济招商推介会 @2025-03-16"]);
    assert!(
        out.iter()
            .any(|l| l.starts_with("Forum 数字经济招商推介会")),
        "{}",
        out.join("\n")
    );
}

#[test]
fn a_headline_year_gives_way_to_the_day_the_body_holds_it_on() {
    let year = || {
        Mark(
            Label::Date,
            "2025年",
            Attrs::Time(TimeValue::Date {
                date: NaiveDate::from_ymd_opt(2025, 1, 1).expect("test date"),
                precision: Precision::Year,
                end: None,
            }),
        )
    };
    let out = run(
        "# 特区政府举办2025年经济形势座谈会\n\n特区政府昨日在政府总部举办2025年经济形势座谈会。",
        &[year(), date("昨日", "2025-03-21")],
    );
    expect(&out, &["Forum 经济形势座谈会 @2025-03-21"]);
    // with no day in the body, the year stays
    let out = run(
        "# 特区政府举办2025年经济形势座谈会\n\n特区政府在政府总部举办2025年经济形势座谈会。",
        &[year()],
    );
    expect(&out, &["Forum 经济形势座谈会 @2025-01-01"]);
}

#[test]
fn a_headline_quarter_gives_way_to_the_day_and_a_dateline_clause_dates_the_sentence() {
    let marks = || {
        [
            dated("2024年第四季度", "2024-10-01", Precision::Quarter),
            date("12月19日", "2024-12-19"),
        ]
    };
    // The headline's quarter, read off the name, gives way to the body's day; the day stands
    // in a clause of its own that opens the sentence (`12月19日上午，`), so the quarter inside
    // the name, in the trigger's clause, does not outrank it.
    let out = run(
        "# 2024年第四季度重大项目集中签约活动举行\n\n12月19日上午，星城2024年第四季度重大项目集中签约活动在星城举行。",
        &marks(),
    );
    expect(&out, &["Forum 重大项目集中签约活动 @2024-12-19"]);
    let out = run(
        "12月19日上午，星城2024年第四季度重大项目集中签约活动在星城举行。",
        &marks(),
    );
    expect(&out, &["Forum 重大项目集中签约活动 @2024-12-19"]);
    // A date in a clause that says more than the date is no dateline: the quarter in the
    // trigger's own clause stays closer.
    let out = run(
        "12月19日项目审批完成，星城2024年第四季度重大项目集中签约活动在星城举行。",
        &marks(),
    );
    expect(&out, &["Forum 重大项目集中签约活动 @2024-10-01"]);
}

#[test]
fn speech_at_a_signing_ceremony_goes_to_the_signing() {
    let out = run(
        "青禾集团与蓝湾银行签署了战略合作框架协议。青禾集团董事长林一凡出席签约仪式并致辞。",
        &[
            m(Label::Organization, "青禾集团"),
            m(Label::Organization, "蓝湾银行"),
            m(Label::Role, "董事长"),
            m(Label::Person, "林一凡"),
        ],
    );
    expect(&out, &["林一凡 -SPOKE_AT-> [战略合作框架协议]"]);
    forbid_prefix(&out, "Speech ");
    // `出席仪式并致辞`: both speakers of the list, at the signing of the ceremony
    let out = run(
        "青禾集团与蓝湾银行举行签约仪式，签署了战略合作框架协议。青禾集团董事长林一凡、蓝湾银行行长周明远出席仪式并致辞。",
        &[
            m(Label::Organization, "青禾集团"),
            m(Label::Organization, "蓝湾银行"),
            m(Label::Organization, "青禾集团"),
            m(Label::Role, "董事长"),
            m(Label::Person, "林一凡"),
            m(Label::Organization, "蓝湾银行"),
            m(Label::Role, "行长"),
            m(Label::Person, "周明远"),
        ],
    );
    expect(
        &out,
        &[
            "林一凡 -SPOKE_AT-> [战略合作框架协议]",
            "周明远 -SPOKE_AT-> [战略合作框架协议]",
            "林一凡 -ATTENDED-> [战略合作框架协议]",
            "周明远 -ATTENDED-> [战略合作框架协议]",
        ],
    );
    forbid_prefix(&out, "Speech ");
}

#[test]
fn speech_without_forum_or_signing_is_its_own_event() {
    let out = run(
        "青禾集团董事长林一凡致辞时表示，公司将加大投入。",
        &[
            m(Label::Organization, "青禾集团"),
            m(Label::Role, "董事长"),
            m(Label::Person, "林一凡"),
        ],
    );
    assert!(
        out.iter().any(|l| l.starts_with("Speech ")),
        "{}",
        out.join("\n")
    );
    assert!(
        out.iter().any(|l| l.starts_with("林一凡 -SPOKE_AT-> [")),
        "{}",
        out.join("\n")
    );
}
