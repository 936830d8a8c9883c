//! Per-sentence argument patterns: which mentions around a trigger fill which role.
//!
//! Chinese news sentences put the agent before the trigger and the object after it
//! (`A与B签署…协议`, `A收购B`, `A完成B轮融资`, `聘任X为Y`), so each pattern reads the entity
//! mentions of the trigger's *scope* — from the sentence start, or from just after a
//! reporting verb (`公告称,` `表示,`), up to the trigger — and of the trigger's clause after it.
//! `该公司`/`公司` before a trigger stands for the last organization mentioned; `双方` for the
//! two parties of the last signing.

use crate::extract::numeral::is_count_char;
use crate::normalize::filters::is_han;
use crate::rules::WordList;
use std::ops::Range;

use super::slots::State;
use super::trigger::{SentView, Trig, clean_name, strip_year};
use super::*;
use crate::extract::{Attrs, Label, Mention, PositionStatus, Precision};

const PARTY: &[Label] = &[Label::Organization, Label::Person];
const ORG: &[Label] = &[Label::Organization];

/// Read one sentence: forums first (they set the context the rest refers to), then quoted
/// names, then bare triggers, then participant cues.
pub(crate) fn sentence(
    doc: &AnnotatedDoc,
    _rules: &Rules,
    s: &SentView,
    drafts: &mut Drafts,
    st: &mut State,
) {
    if attendee_row(s, drafts, st) || speaker_row(s, drafts, st) {
        return;
    }
    if deal_table(doc, s, drafts, st) {
        return;
    }
    let mut keep_list = false;
    match list_row(doc, s, drafts, st) {
        Row::Read => return,
        Row::OwnVerb => keep_list = true,
        Row::No => {}
    }
    listed_appointments(doc, s, drafts, st);
    let in_context = s.has_cue("context", s.range.clone());
    let mut here: Vec<usize> = Vec::new(); // drafts created or referred to in this sentence
    forums(doc, s, drafts, st, &mut here);
    let mut consumed: Vec<Range<usize>> = Vec::new();
    quoted(doc, s, drafts, st, &mut here, &mut consumed);
    for t in s.trigs {
        let Some(kind) = t.kind else { continue };
        let quoted_away = s
            .quote_around(&t.range)
            .is_some_and(|q| !(kind == EventKind::Acquisition && deal_quote(s, q)));
        if quoted_away || consumed.iter().any(|r| overlaps(r, &t.range)) {
            continue;
        }
        let made = match kind {
            EventKind::Forum => None,
            EventKind::Signing => signing(doc, s, t, drafts, st),
            EventKind::Launch => launch(s, t, drafts),
            EventKind::Speech => {
                speech(doc, s, &t.range, drafts, st, &mut here);
                None
            }
            EventKind::Investment => investment(doc, s, t, drafts, st),
            EventKind::Financing => financing(doc, s, t, drafts, st),
            EventKind::Acquisition => acquisition(doc, s, t, drafts, st),
            EventKind::Appointment => appointment(doc, s, t, drafts, st),
            EventKind::Establishment => establishment(doc, s, t, drafts, st),
        };
        if let Some(i) = made {
            here.push(i);
            // (by what was made: `获得A 5000万元A轮投资` is a financing told by an
            // investment word)
            match drafts.list[i].kind {
                EventKind::Signing => st.signing = Some(i),
                EventKind::Acquisition => st.deal = Some(i),
                EventKind::Financing => st.financing = Some(i),
                _ => {}
            }
            if matches!(
                kind,
                EventKind::Launch
                    | EventKind::Investment
                    | EventKind::Financing
                    | EventKind::Establishment
                    | EventKind::Acquisition
            ) {
                st.amount_host = Some((i, s.paragraph));
            }
        }
    }
    soft_speeches(doc, s, drafts, st, &mut here);
    group_members(doc, s, drafts, st, &here);
    credit_shares(doc, s, drafts, st, &here);
    governance_meeting(doc, s, drafts, st);
    for &i in &here {
        drafts.list[i].in_context |= in_context;
    }
    board_meeting(s, drafts, st, &here);
    // `签约项目如下：` / `…签约：` opens a signing list (bullets or a Markdown table).
    let txt = s.str().trim_end();
    let was_list = st.list;
    // (`出席签约活动的企业代表有：` lists guests, not signings: a signing word right after an
    // attendance cue opens no list.)
    st.list = keep_list
        || s.trigs.iter().any(|t| {
            t.kind == Some(EventKind::Signing)
                && t.class() != "doc"
                && !s.cues.iter().any(|c| {
                    matches!(c.role, "attend" | "witness" | "host") && c.range.end == t.range.start
                })
        }) && (txt.ends_with(['：', ':']) || txt.contains("如下"));
    if st.list && !was_list {
        st.list_host = list_host(doc, drafts, st);
        st.list_witnesses.clear();
    }
    // A row with its own signing verb (`1. A与B签署战略合作框架协议；`) is a signing of the
    // list: the list's witnesses attend it.
    if keep_list {
        for &i in &here {
            if drafts.list[i].kind == EventKind::Signing {
                list_witnessed(drafts, st, i);
            }
        }
    }
    founders(s, drafts, st);
    managers(doc, s, drafts, st);
    counterparties(doc, s, drafts, st);
    advisers(doc, s, drafts, st, &here);
    participants(s, drafts, st, &here);
    panel_guests(s, st, drafts);
    table_guest_row(s, st, drafts);
    guest_list_heading(s, st);
    moderators(s, st, drafts, &here);
    investors(s, drafts, st, &here);
    // Amounts of a sentence without its own event belong to the last amount-taking event of
    // the paragraph (`…举行了“X发布”仪式。据介绍，…总规模不低于300亿元…`).
    // (A sentence with a deal word of another kind talks about that deal, even when it made
    // no event: `同日，B宣布以2亿美元收购一家企业` after a financing is no amount of it.)
    // A later paragraph that names the deal's price (`最终交易对价将在8.8亿元至9.3亿元之间确定`,
    // `本次股份转让总价款为…`) still speaks of the last acquisition.
    let deal_price = || {
        let body = s.str();
        st.deal.filter(|&d| {
            drafts.list[d].kind == EventKind::Acquisition
                && DEAL_PRICE_WORDS.iter().any(|w| body.contains(w))
        })
    };
    if here.is_empty()
        // (A paragraph after the host's names its own actors: `同日，C宣布完成规模50亿元的基金
        // 募集` after an acquisition tells of C. Its amounts go to the host only when it names
        // no organization, or one of the host's or the one just set up.)
        && let Some(host) = st
            .amount_host
            .filter(|&(h, p)| {
                p == s.paragraph || !opens_with(&TOPIC_SHIFT, s.str()) && {
                    let mut orgs = s.of(Label::Organization).map(|(i, _)| mention_name(doc, i));
                    let own: Vec<String> = drafts.list[h]
                        .args
                        .iter()
                        .map(|a| mention_name(doc, a.mention))
                        .chain(st.founded.map(|f| mention_name(doc, f)))
                        .collect();
                    let mut any = false;
                    let mine = orgs.any(|n| {
                        any = true;
                        own.iter().any(|o| same_party(o, &n))
                    });
                    mine || !any
                }
            })
            .map(|(h, _)| h)
            .or_else(deal_price)
        && !s.trigs.iter().any(|t| {
            t.kind
                .is_some_and(|k| other_deal(k, drafts.list[host].kind))
        })
        // (`今年已累计引进项目46个，计划总投资超过400亿元`: a tally of many projects)
        && !counts_projects(s.str())
        && !opens_with(&FINDINGS, s.str())
    {
        let host_kind = drafts.list[host].kind;
        let mut total_end: Option<usize> = None;
        for (i, m) in s.of(Label::Amount).filter(|(_, m)| !metric(s, m)) {
            if per_share(s, m) || part_of_total(s, total_end, m) {
                continue;
            }
            total_end.get_or_insert(m.range.end);
            let about = about_for(s, m, host_kind);
            // (`力争全年签约项目总投资突破2000亿元` after a fund's establishment: the total of
            // projects is no fund size, round or deal price.)
            if about.ends_with("总投资")
                && matches!(
                    host_kind,
                    EventKind::Establishment | EventKind::Financing | EventKind::Acquisition
                )
            {
                continue;
            }
            drafts.list[host].add(arg(
                RelType::HasAmount,
                i,
                Dir::FromEvent,
                props_about(about),
                AMOUNT_CARRIED,
                s.idx,
                m.range.clone(),
            ));
        }
    }
}

/// Words that name an acquisition's price or refer to the deal by a determiner: amounts of a
/// sentence holding one belong to the last acquisition, also in a later paragraph.
static DEAL_PRICE_WORDS: WordList = WordList::new("words_event", "deal_price");

/// Words that open a sentence on a new topic (`此外，X还发布了…`): in a later paragraph than
/// the last amount-taking event, such a sentence inherits none of its amounts.
static TOPIC_SHIFT: WordList = WordList::new("words_event", "topic_shift");

/// Words that open a sentence telling what a report or data show (`报告显示，…超过1200亿美元`):
/// its figures are findings, no amount of the last event (a launched report, a forum).
static FINDINGS: WordList = WordList::new("words_event", "findings");

/// Does `text` open (after spaces) with a word of `list`?
fn opens_with(list: &WordList, text: &str) -> bool {
    let t = text.trim_start();
    list.iter().any(|w| t.starts_with(w))
}

/// Is `k` a deal of another kind than `host`? (An investment and a financing are one deal
/// seen from its two sides: `获得A投资1亿元` after a financing is its amount.)
fn other_deal(k: EventKind, host: EventKind) -> bool {
    let side = |x: EventKind| match x {
        EventKind::Investment | EventKind::Financing => Some(0),
        EventKind::Acquisition => Some(1),
        EventKind::Establishment => Some(2),
        _ => None,
    };
    side(k).is_some_and(|a| side(host) != Some(a))
}

/// `公司于6月2日召开董事会…会议` dates the board's later decisions: an appointment the board
/// (董事会/股东大会) makes in a later sentence with no date of its own took effect that day.
fn board_meeting(s: &SentView, drafts: &mut Drafts, st: &mut State, here: &[usize]) {
    let body = s.str();
    // `董事会同意聘任甲为总经理；聘任乙为副总经理；…`: a clause after `；` continues the
    // board's sentence.
    let continued = st.board_clause.is_some_and(|k| k + 1 == s.idx)
        && s.text[..s.range.start].trim_end().ends_with('；');
    // (`二、聘任高级管理人员\n1. 聘任甲为公司总经理；`: after a board meeting held on a day, a
    // numbered row of the filing is one of its resolutions)
    let row = st.board_date.is_some() && list_item(body);
    // (Each word holds 董 or 股: two character searches spare the four word searches on
    // most sentences.)
    if !continued
        && !row
        && !((body.contains('董') || body.contains('股'))
            && ["董事会", "股东大会", "股东会", "董事局"]
                .iter()
                .any(|w| body.contains(w)))
    {
        st.board_clause = None;
        return;
    }
    st.board_clause = Some(s.idx);
    if let Some(at) = body.find("召开") {
        let held = best_date(s, s.range.start + at, false).filter(|tv| {
            matches!(
                tv,
                TimeValue::Date {
                    precision: Precision::Day,
                    ..
                }
            )
        });
        if held.is_some() {
            st.board_date = held;
            return;
        }
    }
    // Every appointment of the sentence: one verb may appoint a list (`聘任甲、乙为副总经理`
    // makes one event per person, and only the first is among `here`).
    // (Drafts made by this sentence are the last ones of the list: a short walk back.)
    let of_sentence: Vec<usize> = (0..drafts.list.len())
        .rev()
        .take_while(|&k| drafts.list[k].sentence == s.idx)
        .collect();
    for &i in here.iter().chain(&of_sentence) {
        let d = &mut drafts.list[i];
        if d.kind == EventKind::Appointment && d.date.is_none() {
            d.date.clone_from(&st.board_date);
        }
    }
}

/// What [`list_row`] made of a sentence.
enum Row {
    /// Not a row of a signing list (the list, if any, ends).
    No,
    /// A row read as one signing (or a header/separator row).
    Read,
    /// A bullet that tells its own signing (`- A与B签署X协议`): read as a sentence, and the
    /// list goes on.
    OwnVerb,
}

/// One row of a signing list: `- 项目名：A、B`, `1. …`, `| 项目名 | A | B | 金额 |` (the
/// row's amount is the signing's HAS_AMOUNT).
fn list_row(doc: &AnnotatedDoc, s: &SentView, drafts: &mut Drafts, st: &mut State) -> Row {
    if !st.list {
        // `| 签约企业 | 投资项目 | 金额 |`: a table whose header names the signing parties is a
        // signing list of its own, announced or not.
        let txt = s.str().trim();
        if txt.starts_with('|')
            && txt.split('|').any(|c| c.contains("签约"))
            && s.of(Label::Organization).next().is_none()
        {
            st.list = true;
            st.list_host = list_host(doc, drafts, st);
            return Row::Read;
        }
        return Row::No;
    }
    let txt = s.str().trim();
    let table = txt.starts_with('|');
    let bullet = txt.starts_with(['-', '*', '•', '·', '●', '▪'])
        || txt
            .split_once(['.', '、', '）', ')'])
            .is_some_and(|(n, _)| {
                !n.is_empty()
                    && n.chars()
                        .all(|c| c.is_ascii_digit() || "（(一二三四五六七八九十".contains(c))
            });
    if !table && !bullet {
        st.list = false;
        return Row::No;
    }
    if !table
        && s.trigs
            .iter()
            .any(|t| t.kind == Some(EventKind::Signing) && t.class() != "doc")
    {
        return Row::OwnVerb;
    }
    let orgs: Vec<(usize, &Mention)> = s.of(Label::Organization).collect();
    if orgs.is_empty() {
        // A table header or separator row, or an item without parties.
        return Row::Read;
    }
    let amounts: Vec<(usize, &Mention)> = s.of(Label::Amount).collect();
    let body = txt.trim_start_matches(['-', '*', '•', '·', '●', '▪', ' ']);
    // The item's name: the first table cell without an organization, or the text before
    // the first colon; else the parties.
    let name = if table {
        txt.split('|')
            .map(str::trim)
            .find(|c| {
                !c.is_empty()
                    && !orgs
                        .iter()
                        .chain(amounts.iter())
                        .any(|(_, m)| c.contains(&s.text[m.range.clone()]))
            })
            .map(clean_name)
    } else {
        body.split_once(['：', ':'])
            .map(|(h, _)| h)
            .filter(|h| {
                !orgs
                    .iter()
                    .any(|(_, m)| h.contains(&s.text[m.range.clone()]))
            })
            .map(|h| clean_name(h.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')))
    };
    let name = name.filter(|n| n.chars().count() >= 2).unwrap_or_else(|| {
        let ps: Vec<String> = orgs.iter().map(|(_, m)| m.name.clone()).collect();
        format!("{}签约", first_two_distinct(ps).join("与"))
    });
    let mut d = Draft::new(
        EventKind::Signing,
        name,
        s.idx,
        s.paragraph,
        s.range.clone(),
        SIGNING_LIST,
    );
    for (i, m) in &orgs {
        d.add(to_event(
            RelType::Signed,
            *i,
            SIGNING_LIST,
            s.idx,
            m.range.clone(),
        ));
    }
    // A row naming one company signs with the host of the list (`台中市政府与三家企业签约`).
    if let [(only, _)] = orgs[..] {
        let only_name = mention_name(doc, only);
        for &h in &st.list_host {
            if mention_name(doc, h) != only_name {
                d.add(to_event(
                    RelType::Signed,
                    h,
                    SIGNING_CONTEXT,
                    s.idx,
                    s.range.clone(),
                ));
            }
        }
    }
    if table {
        for (i, m) in &amounts {
            d.add(arg(
                RelType::HasAmount,
                *i,
                Dir::FromEvent,
                props_about(about_for(s, m, EventKind::Signing)),
                SIGNING_LIST,
                s.idx,
                m.range.clone(),
            ));
        }
    }
    let _ = doc;
    let i = drafts.upsert(d);
    st.signing = Some(i);
    list_witnessed(drafts, st, i);
    Row::Read
}

/// ATTENDED of the witnesses named where the signing list opened, to signing `i` of the list.
fn list_witnessed(drafts: &mut Drafts, st: &State, i: usize) {
    for (m, sentence, r) in &st.list_witnesses {
        drafts.list[i].add(to_event(
            RelType::Attended,
            *m,
            SIGNING_WITNESS,
            *sentence,
            r.clone(),
        ));
    }
}

/// The host of a signing list: the organizations that signed the signing in context when the
/// list opens, if they are one organization (a ceremony of the host, `X与三家企业签约`).
fn list_host(doc: &AnnotatedDoc, drafts: &Drafts, st: &State) -> Vec<usize> {
    let mut names: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for i in last_parties(drafts, st) {
        let is_org = doc
            .mentions
            .get(i)
            .is_some_and(|m| m.label == Label::Organization);
        let name = mention_name(doc, i);
        if is_org && !names.contains(&name) {
            names.push(name);
            out.push(i);
        }
    }
    if names.len() > 1 { Vec::new() } else { out }
}

/// A quote around a deal verb that still tells the deal: an emphasis quote of a few
/// characters (`“反向收购”母公司X`) or an announcement's title (`发布了《关于收购X的公告》`,
/// whose publisher is the acquirer).
fn deal_quote(s: &SentView, q: &super::trigger::Quote) -> bool {
    let inner = &s.text[q.inner.clone()];
    if q.book {
        inner.starts_with("关于")
    } else {
        inner.chars().count() <= 6
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn arg(
    rel: RelType,
    mention: usize,
    dir: Dir,
    props: RelProps,
    rule: RuleId,
    sentence: usize,
    range: Range<usize>,
) -> Arg {
    Arg {
        rel,
        mention,
        dir,
        props,
        rule,
        sentence,
        range,
    }
}

/// An argument pointing at the event with no properties (the common case).
fn to_event(
    rel: RelType,
    mention: usize,
    rule: RuleId,
    sentence: usize,
    range: Range<usize>,
) -> Arg {
    arg(
        rel,
        mention,
        Dir::ToEvent,
        RelProps::default(),
        rule,
        sentence,
        range,
    )
}

fn props_about(about: String) -> RelProps {
    RelProps {
        about: Some(about),
        ..RelProps::default()
    }
}

fn span(a: &Range<usize>, b: &Range<usize>) -> Range<usize> {
    a.start.min(b.start)..a.end.max(b.end)
}

/// Where a trigger's arguments start: the start of the second clause before the trigger's, or
/// just after the last reporting verb in between (`公告称,`).
fn scope_start(s: &SentView, pos: usize) -> usize {
    // At most the trigger's clause and the two before it: a long sentence of many clauses
    // (or a list run together) does not lend its first subject to every later trigger.
    let near = s.clauses_back(pos, 2);
    s.cues_in("report", near..pos)
        .last()
        .map_or(near, |c| c.range.end)
}

/// The subject of a reporting verb that cut the scope (`A公告称，拟收购B` → A), if any. A
/// place opening what is said (`A在致辞中表示，合州将设立X基金`) is that clause's own
/// subject: the speaker then does not act.
fn report_subject(s: &SentView, pos: usize) -> Option<(usize, Range<usize>)> {
    let near = s.clauses_back(pos, 2);
    let c = s.cues_in("report", near..pos).last()?;
    let said_by_place = s
        .within(&[Label::Location], c.range.end..pos)
        .next()
        .is_some_and(|(_, m)| {
            s.text
                .get(c.range.end..m.range.start)
                .is_some_and(|g| g.chars().all(|ch| !ch.is_alphanumeric()))
        });
    if said_by_place {
        return None;
    }
    s.within(PARTY, s.clauses_back(c.range.start, 1)..c.range.start)
        .filter(|(_, m)| {
            !s.text[s.range.start..m.range.start]
                .trim_end()
                .ends_with(['对', '向', '被', '由'])
        })
        .last()
        .map(|(i, m)| (i, m.range.clone()))
}

/// The topic of the sentence: its first organization before `pos` with no role marker, the
/// agent of last resort when the trigger's own clauses name none (`A…，…，…拟收购B`).
fn topic(s: &SentView, pos: usize) -> Option<(usize, Range<usize>)> {
    s.within(ORG, s.range.start..pos)
        .find(|(_, m)| {
            !marker(s, m).contains(['对', '向', '被', '从', '由', '获', '与', '和'])
                && !super::slots::byline(s.text, m.range.start)
        })
        .map(|(i, m)| (i, m.range.clone()))
}

/// What stands between the mention before `m` (or the clause start) and `m`: the marker
/// text that says which role `m` plays (`对`, `被`, `从`, `向`).
fn marker<'t>(s: &SentView<'t, '_>, m: &Mention) -> &'t str {
    let cs = s.clause_start(m.range.start);
    let mut at = m.range.start;
    // An apposition (`外卖配送公司Postmates`) shares the marker of the mention before it.
    loop {
        let k = s.mentions.partition_point(|n| n.range.start < at);
        let prev = s.mentions[..k]
            .iter()
            .rev()
            .take(8)
            .filter(|n| {
                // A place before a name is a modifier (`法国品牌X`), not a participant.
                n.label.layer() == 0
                    && n.label != Label::Location
                    && n.range.end <= at
                    && n.range.start >= cs
                    && n.range.start < at
            })
            .max_by_key(|n| n.range.end);
        match prev {
            Some(p) if s.text[p.range.end..at].trim().is_empty() => at = p.range.start,
            Some(p) => return &s.text[p.range.end..at],
            None => return s.text.get(cs.min(at)..at).unwrap_or(""),
        }
    }
}

/// Resolve `该公司`/`公司` cues in `r` to the last organization before them.
fn anaphors(s: &SentView, st: &State, r: Range<usize>) -> Vec<(usize, Range<usize>)> {
    s.cues_in("anaphor", r)
        .filter_map(|c| {
            // `公司`/`本公司` alone is the company the article is about, not whichever
            // organization came last (`A完成融资，由B领投。公司还收购了C`: A, not B).
            let own = matches!(&s.text[c.range.clone()], "公司" | "本公司");
            // A fund is no 公司 (`设立X产业基金，其中公司拟认缴出资6亿元`: the company
            // subscribes, not the fund), nor a counterparty joined to it by 与/和/同 (`公司拟与A
            // 共同设立X基金，其中公司认缴出资2亿元`: the company, not A — session 24).
            let before = s
                .last_before(Label::Organization, c.range.start)
                .filter(|&i| {
                    !own || s
                        .mentions
                        .get(i.wrapping_sub(s.mention_base))
                        .is_none_or(|m| !m.name.ends_with("基金") && !company_partner(s, m))
                });
            let main = if own {
                st.announcer.or(st.main_org)
            } else {
                None
            };
            before
                .or(main)
                .or(st.last_org)
                .map(|i| (i, c.range.clone()))
        })
        .collect()
}

/// Is `m` the partner of a bare 公司 (`公司拟与A共同设立…`): its marker ends with 与/和/同
/// right after 公司 (将/拟/已/还/均/也 between)?
fn company_partner(s: &SentView, m: &Mention) -> bool {
    marker(s, m)
        .trim_end()
        .strip_suffix(['与', '和', '同'])
        .is_some_and(|h| {
            h.trim_end_matches(|c: char| "将拟已还均也".contains(c))
                .ends_with("公司")
        })
}

/// The best date of the sentence for an event near `near`: day before month before year,
/// then the closest one. Periods (`未来三年`) only when `period_ok` and no date is given.
/// A draft for an event whose trigger is `trigger` in sentence `s`, dated by the date mention
/// nearest the trigger (`period_ok`: a period such as 未来三年 may stand for the date).
fn dated_draft(
    kind: EventKind,
    name: String,
    s: &SentView,
    trigger: &Range<usize>,
    rule: RuleId,
    period_ok: bool,
) -> Draft {
    let mut d = Draft::new(kind, name, s.idx, s.paragraph, trigger.clone(), rule);
    d.date = best_date(s, trigger.start, period_ok);
    d
}

/// How coarse a date is: a day 0, a month 1, a quarter or half-year 2, a year 3.
fn precision_rank(p: Precision) -> u8 {
    match p {
        Precision::Day => 0,
        Precision::Month => 1,
        Precision::Quarter | Precision::Half => 2,
        Precision::Year => 3,
    }
}

/// [`precision_rank`] of an event's date; no date or a period ranks last.
fn date_rank(d: &Option<TimeValue>) -> u8 {
    match d {
        Some(TimeValue::Date { precision, .. }) => precision_rank(*precision),
        _ => u8::MAX,
    }
}

fn best_date(s: &SentView, near: usize, period_ok: bool) -> Option<TimeValue> {
    let rank = precision_rank;
    // A date in the trigger's own clause first (`曾于2021年获得天使轮融资，并于2022年9月完成
    // A轮融资`: the angel round is 2021's, though the A round's date is more precise).
    let clause = s.clause_start(near)..s.clause_end(near);
    let mut best: Option<((bool, u8, usize), TimeValue)> = None;
    let mut period = None;
    for (_, m) in s.of(Label::Date) {
        let Attrs::Time(tv) = &m.attrs else { continue };
        if figure_period(s, m) {
            continue;
        }
        match tv {
            TimeValue::Date { precision, .. } => {
                let inside = clause.start <= m.range.start && m.range.end <= clause.end;
                let outside = !(inside || dateline_clause(s, &m.range));
                // `完成投资18.5亿元，预计今年四季度投产`: a date in another clause that opens
                // with a forecast dates what is forecast, not this event.
                if outside && forecast_clause(s, m.range.start) {
                    continue;
                }
                let key = (outside, rank(*precision), m.range.start.abs_diff(near));
                if best.as_ref().is_none_or(|(k, _)| key < *k) {
                    best = Some((key, tv.clone()));
                }
            }
            TimeValue::Period { .. } => period = period.or(Some(tv.clone())),
        }
    }
    best.map(|(_, t)| t)
        .or(if period_ok { period } else { None })
}

/// Times of day that may follow a date in a clause of its own (`12月19日上午，`).
const TIMES_OF_DAY: &[&str] = &[
    "上午", "下午", "晚上", "晚间", "早上", "中午", "凌晨", "傍晚", "当天", "当日", "晚",
];

/// Is the date at `date` a clause of its own that opens the sentence (`12月19日上午，X在Y举行`)?
/// It dates the whole sentence like a dateline: it counts as in every clause, so a quarter
/// or year inside an event's name (`2024年第四季度重大项目集中签约活动`) does not outrank it.
fn dateline_clause(s: &SentView, date: &Range<usize>) -> bool {
    let start = s.clause_start(date.start);
    if start != s.range.start || !s.text[start..date.start].trim().is_empty() {
        return false;
    }
    let end = s.clause_end(date.start);
    let mut rest = s.text[date.end.min(end)..end].trim();
    if let Some(t) = TIMES_OF_DAY.iter().find(|t| rest.starts_with(**t)) {
        rest = rest[t.len()..].trim();
    }
    rest.is_empty() && end < s.range.end && !s.text[end..].starts_with('。')
}

/// Is date `m` the period of a company's own figure (`三季度营收同比增长…`, `2024年净利润`:
/// a metric word of `triggers_about.txt` right after it, or after 公司/的), not the day of an
/// event told in its sentence?
fn figure_period(s: &SentView, m: &Mention) -> bool {
    let rest = s.text.get(m.range.end..s.range.end).unwrap_or("");
    let rest = rest
        .trim_start()
        .trim_start_matches("公司")
        .trim_start_matches('的')
        .trim_start_matches("实现");
    s.rules
        .about
        .find_longest(rest)
        .next()
        .is_some_and(|(r, e)| r.start == 0 && e.attr("metric").is_some())
}

/// Words that open a clause about what is expected or planned (`预计今年四季度投产`).
static FORECAST_OPENERS: WordList = WordList::new("words_event", "forecast");

/// Does the clause holding byte `pos` open with a forecast word (after 并/同时/还)?
fn forecast_clause(s: &SentView, pos: usize) -> bool {
    let head = s.text[s.clause_start(pos)..pos]
        .trim_start()
        .trim_start_matches(['并', '还'])
        .trim_start_matches("同时");
    FORECAST_OPENERS.iter().any(|w| head.starts_with(w))
}

/// The place the sentence says the event was at (`在X`, `于X`), if any.
fn venue(s: &SentView) -> Option<usize> {
    s.of(Label::Location)
        .find(|(_, m)| {
            let before = &s.text[s.range.start..m.range.start];
            (before.ends_with('在') || before.ends_with('于'))
                && !future_place(s, m)
                && !not_venue(m)
        })
        .map(|(i, _)| i)
}

/// Places that span a region across borders or the world (`两岸`, `海峡两岸`, `全球`): where
/// guests come from or what a meeting is about (`2024两岸企业家峰会`), never its venue.
static NOT_VENUE: WordList = WordList::new("words_event", "not_venue");

/// Words of a loss or income on investments (`减记`, `减值`, `损失`, `亏损`, `收益`): right after
/// an investing word (`投资减记`, `投资的减值`) they tell a result of past investments, no
/// investment made.
static WRITE_DOWN: WordList = WordList::new("words_event", "write_down");

/// Is place `m` one that is never an event's venue ([`NOT_VENUE`])?
fn not_venue(m: &Mention) -> bool {
    NOT_VENUE.contains(&m.name.as_str())
}

/// `在宜昌开幕` in a headline, `在宜昌国际会展中心开幕` in the body: is place `v` (the body's
/// venue) a finer place than `old` — its name holds the other's (`宜昌` in
/// `宜昌国际会展中心`), or `old` is no venue at all?
fn finer_place(doc: &AnnotatedDoc, old: usize, v: usize) -> bool {
    let (Some(o), Some(n)) = (doc.mentions.get(old), doc.mentions.get(v)) else {
        return false;
    };
    // (session 25: a city named by its stem, `在闽江开幕`, whose name is its full form
    // `闽江市`, is held by the venue `闽江海峡国际会展中心` by its text)
    not_venue(o)
        || (n.name.len() > o.name.len() && n.name.contains(o.name.as_str()))
        || (n.name.len() > o.text.len() && n.name.contains(o.text.as_str()))
}

/// The place of the sentence: its venue (`在X`, `于X`), else its first place.
fn best_location(s: &SentView) -> Option<usize> {
    venue(s).or_else(|| {
        // (a place that titles someone, `南平市市长X`, says whose official X is, not where the
        // event is)
        // (nor does a place in a title in book-title marks, `发布《长三角数字经济报告》`: that is
        // what the work is about)
        s.of(Label::Location)
            .find(|(_, m)| {
                !future_place(s, m)
                    && !not_venue(m)
                    && !s.of(Label::Role).any(|(_, r)| r.range.start == m.range.end)
                    && !in_book_title(s, m)
                    && !in_agreement_name(s, &m.range)
                    && !s
                        .of(Label::Organization)
                        .any(|(_, o)| o.range.start == m.range.end)
                    && !origin_of_org(s, m)
            })
            .map(|(i, _)| i)
    })
}

/// Nouns that end a descriptor between a place and an organization (`美国云端服务商X`).
static ORIGIN_DESCRIPTORS: WordList = WordList::new("words_event", "origin_descriptor");

/// Does place `m` say where an organization is from (`美國雲端服務商Nimbus Cloud`, `本地龙头
/// 企业X`): a descriptor of at most ten Han characters ending in an origin_descriptor noun
/// (服务商, 企业, 厂商, 龙头 …) between it and the organization? Then it is no venue.
fn origin_of_org(s: &SentView, m: &Mention) -> bool {
    s.of(Label::Organization)
        .filter(|(_, o)| o.range.start > m.range.end)
        .take(1)
        .any(|(_, o)| {
            let gap = &s.text[m.range.end..o.range.start];
            let n = gap.chars().count();
            (1..=10).contains(&n)
                && gap.chars().all(is_han)
                && ORIGIN_DESCRIPTORS.iter().any(|w| gap.ends_with(w))
        })
}

/// Does `r` stand inside the name of an agreement: after a signing verb and before an agreement
/// word of the same clause (`签署中国—东盟算力枢纽项目合作协议`)? Such a place or organization
/// is what the agreement is about, not where it was signed or who acts.
fn in_agreement_name(s: &SentView, r: &Range<usize>) -> bool {
    let signing = |x: &Trig, class: &str| x.kind == Some(EventKind::Signing) && x.class() == class;
    let clause = s.clause_start(r.start);
    s.trigs_in(clause..r.start).any(|v| signing(v, "verb"))
        && s.trigs_in(r.end..s.clause_end(r.end))
            .any(|a| signing(a, "doc"))
}

/// Does mention `m` stand inside book-title marks (`《…》`) in its sentence?
fn in_book_title(s: &SentView, m: &Mention) -> bool {
    // (`get`: a mention may open before the sentence's trimmed start)
    let Some(before) = s.text.get(s.range.start..m.range.start) else {
        return false;
    };
    before.rfind('《').is_some_and(|open| {
        before[open..].find('》').is_none()
            && s.text
                .get(m.range.end..s.range.end)
                .is_some_and(|after| after.contains('》'))
    })
}

/// A place of a move or of another edition (`将移师新竹`, `明年论坛将在新竹举办`: before it in
/// its clause, 移师 or a `future` word right before an event noun) is where an event will be,
/// not where the one told is. (`首届论坛将于明年在新竹举办` announces that event: its place.)
fn future_place(s: &SentView, m: &Mention) -> bool {
    s.cues_in("future", s.clause_start(m.range.start)..m.range.start)
        .any(|c| &s.text[c.range.clone()] == "移师" || future_edition(s, &c.range))
}

/// Is the `future` word at `c` right before an event noun (`明年论坛`, `下届的大会`)?
fn future_edition(s: &SentView, c: &Range<usize>) -> bool {
    s.trigs.iter().any(|t| {
        t.range.start >= c.end && matches!(s.text.get(c.end..t.range.start), Some("" | "的"))
    })
}

/// What an amount is about: the last `triggers_about` word in its clause before it, else a
/// default for the event kind.
fn about_for(s: &SentView, m: &Mention, kind: EventKind) -> String {
    about_hit(s, m).map(|(a, _)| a).unwrap_or_else(|| {
        match kind {
            EventKind::Investment => "投资额",
            EventKind::Financing => "融资额",
            EventKind::Acquisition => "交易金额",
            EventKind::Signing => "合同金额",
            _ => "规模",
        }
        .to_string()
    })
}

/// The `triggers_about` word before amount `m` in its clause, and whether it names one of a
/// company's own figures (`metric=1`: 营业收入, 净利润) rather than a deal's.
fn about_hit(s: &SentView, m: &Mention) -> Option<(String, bool)> {
    // The clause scan runs once per amount (cached in the view), not once per trigger.
    let key = (m.range.start, m.range.end);
    let cached = s.about.borrow().get(&key).cloned();
    cached.unwrap_or_else(|| {
        let from = s.clause_start(m.range.start);
        // (a deal verb between the word and the amount makes the amount the deal's:
        // `三季度营收增长36%拟投资3至5亿元`)
        let hit = s
            .rules
            .about
            .find_longest(&s.text[from..m.range.start])
            .last()
            .filter(|(r, _)| {
                s.trigs_in(from + r.end..m.range.start)
                    .all(|t| t.kind.is_none() || t.range.end > m.range.start)
            })
            .map(|(_, e)| {
                (
                    e.attr("about").unwrap_or(&e.term).to_string(),
                    e.attr("metric").is_some(),
                )
            });
        s.about.borrow_mut().insert(key, hit.clone());
        hit
    })
}

/// Is amount `m` one of a company's own figures (`营业收入3.86亿元`), no deal's amount?
fn metric(s: &SentView, m: &Mention) -> bool {
    // (`转让价格为16.85元/股`: a price per share is no deal's amount either)
    s.text[m.range.end..].starts_with("/股") || about_hit(s, m).is_some_and(|(_, metric)| metric)
}

/// Attach the amounts of the trigger's clause and of later clauses of the sentence.
fn amounts(s: &SentView, t: &Range<usize>, d: &mut Draft, kind: EventKind, rule: RuleId) {
    let mut from = s.clause_start(t.start);
    // `以每股45元、总金额约36亿元，公开收购X`: a deal's price may be set off in the clause
    // before the verb, from 以 on (with no deal verb of its own) — or in up to three clauses,
    // 以 in the first and amounts in the others (`董事会决议以每股48元，总金额约12.6亿元，公开
    // 收购X`).
    if matches!(kind, EventKind::Acquisition | EventKind::Investment) {
        let mut at = from;
        for _ in 0..3 {
            let Some((sep, _)) = s.text[..at].char_indices().next_back() else {
                break;
            };
            if at <= s.range.start || sep < s.range.start {
                break;
            }
            let prev = s.clause_start(sep);
            if prev >= sep || s.trigs_in(prev..from).any(|x| x.kind.is_some()) {
                break;
            }
            // `以…` opening the clause, or after its subject and verb (`董事会决议以每股48元`)
            // with an amount after it
            if let Some(i) = s.text[prev..at].rfind('以')
                && !s.text[prev..prev + i].ends_with(['可', '所', '予', '加', '难', '得', '足'])
                && !s.text[prev + i + '以'.len_utf8()..].starts_with([
                    '及', '上', '下', '来', '后', '前', '内', '外', '便', '免', '至',
                ])
                && s.within(&[Label::Amount], prev + i..at).next().is_some()
            {
                from = prev + i;
                break;
            }
            // a clause between them holds more of the price (`总金额约12.6亿元`)
            if s.within(&[Label::Amount], prev..at).next().is_none() {
                break;
            }
            at = prev;
        }
    }
    // Amounts of a real sentence stand within a few clauses of their trigger; the window keeps
    // a sentence without any full stop (a PDF page run together) linear, not triggers × amounts.
    let mut to = t.end.saturating_add(AMOUNT_WINDOW);
    // A later clause naming another round has its own amounts (`获得数千万元天使轮融资，并于
    // 次年完成近2亿元A轮融资`: the second amount is the A round's). (Any later trigger would be
    // too much: `发行短期融资券，…融资金额40亿元` restates the same issue.)
    let own = round(s, t);
    if let Some(next) = s
        .trigs_in(t.end..to)
        .filter(|n| n.kind == Some(kind))
        .filter(|n| s.clause_start(n.range.start) > t.end)
        .find(|n| round(s, &n.range).is_some_and(|r| Some(&r) != own.as_ref()))
        .map(|n| s.clause_start(n.range.start))
    {
        to = next;
    }
    // Rounds listed in one clause (`2022年完成A轮融资3亿元、2023年完成B轮融资5亿元`): the
    // enumeration mark (、 or ；) between this round and another named round parts their
    // amounts, as a clause boundary would.
    if let Some(own) = own.as_ref() {
        let other =
            |n: &&Trig| n.kind == Some(kind) && round(s, &n.range).is_some_and(|r| &r != own);
        if let Some(n) = s.trigs_in(t.end..to).find(other)
            && let Some(i) = s.text[t.end..n.range.start].rfind(['、', '；'])
        {
            to = to.min(t.end + i);
        }
        if let Some(p) = s
            .trigs_in(from..t.start)
            .filter(|p| p.range.end <= t.start)
            .filter(other)
            .last()
            && let Some((i, sep)) = s.text[p.range.end..t.start]
                .char_indices()
                .rfind(|&(_, c)| matches!(c, '、' | '；'))
        {
            from = from.max(p.range.end + i + sep.len_utf8());
        }
    }
    // So does a later clause that opens another kind of deal (`对外投资超千亿元，并设立总规模
    // 200亿元的母基金`: 200亿元 is the fund's), for deals only: a signing's amounts may be told
    // with the investment it plans.
    // Two deals told in one clause (a headline of two stories run together after its
    // full-width space is dropped: `A完成8亿元C轮融资　B拟2.4亿元收购C`): the other deal's
    // amounts stand after its own trigger's subject, and before this trigger after the other's
    // trigger (`A完成融资后以5亿元收购B`: 5亿元 is the acquisition's).
    if matches!(
        kind,
        EventKind::Investment
            | EventKind::Financing
            | EventKind::Acquisition
            | EventKind::Establishment
    ) {
        if let Some(next) = s
            .trigs_in(t.end..to)
            .filter(|n| n.kind.is_some_and(|k| other_deal(k, kind)))
            .filter(|n| s.clause_start(n.range.start) > t.end)
            .map(|n| s.clause_start(n.range.start))
            .next()
        {
            to = to.min(next);
        }
        let ce = s.clause_end(t.end);
        if let Some(n) = s
            .trigs_in(t.end..ce.min(to))
            .find(|n| n.kind.is_some_and(|k| other_deal(k, kind)))
        {
            let subject = s
                .within(ORG, t.end..n.range.start)
                .next()
                .map_or(n.range.start, |(_, m)| m.range.start);
            to = to.min(subject);
        }
        if let Some(p) = s
            .trigs_in(from..t.start)
            .filter(|p| p.range.end <= t.start && p.kind.is_some_and(|k| other_deal(k, kind)))
            .last()
        {
            from = from.max(p.range.end);
        }
    }
    // A signing's later clause that sets something up (`签署《合作协议》，双方拟共同发起设立
    // 规模为10亿元的X基金`) gives the size of what is set up, not the agreement's amount.
    if kind == EventKind::Signing
        && let Some(next) = s
            .trigs_in(t.end..to)
            .filter(|n| n.kind == Some(EventKind::Establishment))
            .filter(|n| s.clause_start(n.range.start) > t.end)
            .map(|n| s.clause_start(n.range.start))
            .next()
    {
        to = to.min(next);
    }
    // A deal told earlier in the signing's clause, a party of the signing standing between
    // them (a headline of two stories run together: `A完成3亿港元B轮融资　与B签署战略合作
    // 协议`), owns the amounts before its own trigger's end.
    if kind == EventKind::Signing
        && let Some(p) = s
            .trigs_in(from..t.start)
            .filter(|p| p.range.end <= t.start && p.kind.is_some_and(|k| other_deal(k, kind)))
            .last()
        && s.within(ORG, p.range.end..t.start).next().is_some()
    {
        from = from.max(p.range.end);
    }
    // A deal verb after the agreement in the signing's own clause (a headline of two stories
    // run together: `A与B签署战略合作协议　拟6.8亿元收购C`) owns the amounts after the
    // agreement's name.
    if kind == EventKind::Signing {
        let ce = s.clause_end(t.end);
        if let Some(n) = s
            .trigs_in(t.end..ce.min(to))
            .find(|n| n.kind.is_some_and(|k| other_deal(k, kind)))
            && let Some(a) = s
                .trigs_in(t.end..n.range.start)
                .filter(|a| a.kind == Some(EventKind::Signing) && a.class() == "doc")
                .last()
        {
            to = to.min(a.range.end);
        }
    }
    // So does a later clause where another organization invests (`A认缴出资15亿元，B认缴出资
    // 20亿元`: 20亿元 is B's).
    if kind == EventKind::Investment
        && let Some(next) = s
            .trigs_in(t.end..to)
            .filter(|n| n.kind == Some(kind))
            .filter(|n| s.clause_start(n.range.start) > t.end)
            .find(|n| {
                s.within(ORG, s.clause_start(n.range.start)..n.range.start)
                    .next()
                    .is_some()
            })
            .map(|n| s.clause_start(n.range.start))
    {
        to = to.min(next);
    }
    // The end of the first amount taken: a deal's total, whose parts may follow.
    let mut total_end: Option<usize> = None;
    for (i, m) in s.of_from(Label::Amount, from) {
        if m.range.start >= to {
            break;
        }
        if metric(s, m) || per_share(s, m) {
            continue;
        }
        if part_of_total(s, total_end, m) {
            continue;
        }
        total_end.get_or_insert(m.range.end);
        let about = about_for(s, m, kind);
        d.add(arg(
            RelType::HasAmount,
            i,
            Dir::FromEvent,
            props_about(about),
            rule,
            s.idx,
            span(t, &m.range),
        ));
    }
}

/// Words that open the parts of a deal's total (`其中`, `余额`, `餘額`).
const PART_OPENERS: &[&str] = &["其中", "余额", "餘額", "其余", "其餘"];

/// Is amount `m` a part of the total taken before it, which ends at `total_end`
/// (`对价为15亿元，其中股份支付10亿元、现金支付5亿元`, `代价为4.2亿港元，其中3亿港元以现金支付，
/// 余额1.2亿港元…`)? The parts are no amounts of the event.
fn part_of_total(s: &SentView, total_end: Option<usize>, m: &Mention) -> bool {
    total_end.is_some_and(|e| {
        e <= m.range.start && {
            let gap = &s.text[e..m.range.start];
            PART_OPENERS.iter().any(|w| gap.contains(w))
        }
    })
}

/// Is amount `m` a price per share (`以每股新臺幣62元`, `每股价格为12元`), no deal's total?
fn per_share(s: &SentView, m: &Mention) -> bool {
    let before = s.text[s.clause_start(m.range.start)..m.range.start].trim_end();
    ["每股", "每股价格为", "每股价格", "每股作价", "每股作价为"]
        .iter()
        .any(|w| before.ends_with(w))
}

/// How far after its trigger (bytes, ≈ 200 characters) an amount may stand.
const AMOUNT_WINDOW: usize = 600;

/// A generic use of a trigger (`一系列协议的签署`, `通过设立专项基金`, `设立基金、投资企业等
/// 多种方式`): no event.
fn generic(s: &SentView, t: &Range<usize>, kind: EventKind) -> bool {
    let cs = s.clause_start(t.start);
    let ce = s.clause_end(t.end);
    let before = &s.text[cs..t.start];
    if s.has_cue("generic", cs..t.start) || s.has_cue("generic", t.end..ce) {
        return true;
    }
    // `通过设立…`: a means, not an event.
    if kind != EventKind::Acquisition
        && s.cues_in("means", cs..t.start)
            .any(|c| c.range.end == t.start)
    {
        return true;
    }
    // `这一基金的设立`: a reference to something said before.
    if before.ends_with('的') && s.has_cue("demonstr", cs..t.start) {
        return true;
    }
    // A list of practices: `设立专项基金、投资科技初创企业、…等多种方式`.
    let after = &s.text[t.end..ce];
    after.contains('、') && (after.contains("等") || before.ends_with('、'))
}

/// Forum nouns, right to left: a name covered by a longer one to its right is part of it.
fn forums(
    doc: &AnnotatedDoc,
    s: &SentView,
    drafts: &mut Drafts,
    st: &mut State,
    here: &mut Vec<usize>,
) {
    let confirm = ["hold", "organizer", "attend", "witness"]
        .iter()
        .any(|r| s.has_cue(r, s.range.clone()))
        || s.trigs.iter().any(|t| t.kind == Some(EventKind::Speech));
    let mut covered = usize::MAX;
    // The forum in context before this sentence: a bare meeting noun opening the sentence
    // (`博览会由A主办，…设置主论坛`) refers to it, not to a forum named later in the sentence.
    let ctx = st.forum;
    // Bare meeting nouns (position) and the named forums of this sentence (position, draft),
    // resolved after the loop: a bare noun is the closest forum named before it, else `ctx`.
    let mut bares: Vec<usize> = Vec::new();
    let mut named: Vec<(usize, usize)> = Vec::new();
    let sessions = s
        .trigs
        .iter()
        .filter(|t| {
            t.kind == Some(EventKind::Forum)
                && crate::extract::event::slots::SUB_FORUMS
                    .iter()
                    .any(|w| s.text[..t.range.end].ends_with(w))
        })
        .count();
    for t in s.trigs.iter().rev() {
        if !(t.kind == Some(EventKind::Forum) || ceremony_held(s, t)) || t.range.end > covered {
            continue;
        }
        // `“算力与电力协同发展”分论坛`: a theme quoted right before the meeting noun names it.
        let mut theme: Option<(Range<usize>, usize)> = None;
        let (start, end) = match s.quote_around(&t.range) {
            Some(q) if !q.book => (q.inner.start, q.inner.end),
            Some(_) => continue,
            None => {
                let ns = s.name_start(t.range.start, s.range.start);
                match s
                    .quotes
                    .iter()
                    .find(|q| !q.book && q.outer.end == ns && q.inner.end > q.inner.start)
                {
                    Some(q) => {
                        theme = Some((q.inner.clone(), q.outer.end));
                        (q.outer.start, t.range.end)
                    }
                    None => (ns, t.range.end),
                }
            }
        };
        covered = start;
        let name = match &theme {
            Some((inner, after)) => format!(
                "{}{}",
                clean_name(s.disp(inner.clone())),
                clean_name(s.disp(*after..end))
            ),
            None => clean_name(strip_year(s.disp(start..end))),
        };
        // (Compared in the display script: a Traditional `論壇` is as bare as `论坛`.)
        // `次日举行专题分论坛`: a forum noun with only kind words before it (专题, 平行, 系列…)
        // names no forum of its own either.
        let bare = name == s.disp(t.range.clone())
            || name
                .strip_suffix(s.disp(t.range.clone()))
                .is_some_and(only_forum_kind_words);
        // `明年論壇將移師新竹舉辦`, `下届论坛`: another edition, not the forum of the report.
        if s.cues_in("future", s.clause_start(t.range.start)..t.range.start)
            .any(|c| (bare || c.range.start == start) && future_edition(s, &c.range))
        {
            continue;
        }
        // `随后，调研组召开座谈会。`: a bare meeting noun right after a holding verb, with no
        // forum in context, is a meeting of its own, named by the noun.
        let held_here = s
            .cues_in("hold", s.clause_start(t.range.start)..t.range.start)
            .any(|c| {
                s.text[c.range.end..t.range.start]
                    .trim_matches('了')
                    .is_empty()
            });
        if bare
            && s.paragraph > 0
            && ctx.is_none()
            && st.forum.is_none()
            && held_here
            && name == s.disp(t.range.clone())
        {
            let mut d = Draft::new(
                EventKind::Forum,
                name.clone(),
                s.idx,
                s.paragraph,
                t.range.clone(),
                FORUM_HELD,
            );
            d.date = best_date(s, t.range.start, false);
            d.location = best_location(s);
            let i = drafts.upsert(d);
            st.forum = Some(i);
            here.push(i);
            named.push((t.range.start, i));
            continue;
        }
        if bare {
            // `出席论坛`, `本次论坛`: the forum in context (resolved below).
            bares.push(t.range.start);
            continue;
        }
        // `设置主论坛、六场分论坛和投融资对接会`: a session the forum in context sets up is a
        // part of it — an event PART_OF it that neither becomes the forum in context nor takes
        // the organizers and guests of this sentence.
        // Two sessions or more named in one sentence (`论坛期间举行了X平行论坛和Y分论坛`) are
        // listed, not narrated: parts too.
        // So is a counted session (`以及一场投融资对接会`, `等8场分论坛`): a count of the
        // meetings a forum holds, told with it.
        let part = ctx.filter(|_| {
            sessions > 1
                || counted_session(&s.text[s.clauses_back(start, 1)..start])
                || PART_LIST_CUES
                    .iter()
                    .any(|w| s.text[s.clauses_back(start, 1)..start].contains(*w))
        });
        // (A headline may tell it shorter: the body's fuller name then names the draft.)
        let found = drafts.find(EventKind::Forum, &name).or_else(|| {
            let f = drafts.find_retold(EventKind::Forum, &name)?;
            if name.chars().count() > drafts.list[f].name.chars().count() {
                drafts.rename(f, name.clone());
            }
            Some(f)
        });
        if let Some(f) = found {
            // Named again where it is held (a headline first, then `X于5月15日在沪召开`):
            // the sentence that holds it gives the date and place the first mention lacked.
            if confirm {
                let e = &mut drafts.list[f];
                // (A headline's year or quarter read off the name, `2025年经济形势座谈会`,
                // `2024年第四季度重大项目集中签约活动`, gives way to the more precise day the
                // body holds it on.)
                let nd = best_date(s, t.range.start, false);
                if e.date.is_none() || date_rank(&nd) < date_rank(&e.date) {
                    e.date = nd;
                }
                // (A place read off the name itself in a headline, `粤港澳大湾区…大会开幕`, is a
                // fallback: the venue the body names, `在东莞…举行`, is where it is held.)
                let in_name = e.location.is_some_and(|l| {
                    doc.mentions.get(l).is_some_and(|m| {
                        e.trigger.start <= m.range.start && m.range.end <= e.trigger.end
                    })
                });
                // (So is a city the headline holds it in, `在宜昌开幕`, when the body names the
                // venue in that city, `在宜昌国际会展中心开幕`: the finer place.)
                if e.location.is_none() {
                    e.location = best_location(s);
                } else if let Some(v) = venue(s)
                    && (in_name || e.location.is_some_and(|l| finer_place(doc, l, v)))
                {
                    e.location = Some(v);
                }
            }
            if part.is_none() {
                st.forum = Some(f);
                here.push(f);
                named.push((t.range.start, f));
            }
            continue;
        }
        if !confirm {
            continue;
        }
        let mut d = Draft::new(
            EventKind::Forum,
            name.clone(),
            s.idx,
            s.paragraph,
            start..end,
            FORUM_HELD,
        );
        d.date = best_date(s, t.range.start, false);
        d.location = best_location(s);
        // ORGANIZED: an organization at the start of the name (`A合作伙伴大会`).
        if let Some((i, m)) = s
            .within(ORG, start..end)
            .find(|(_, m)| strip_year(&s.text[start..m.range.start]).trim().is_empty())
        {
            d.add(to_event(
                RelType::Organized,
                i,
                ORGANIZER_IN_NAME,
                s.idx,
                m.range.start..end,
            ));
        }
        // ORGANIZED: `A举办/召开 X论坛` — the organization right before a holding verb that
        // precedes the name.
        for c in s.cues_in("hold", s.range.start..start) {
            if let Some((i, m)) = s
                .of(Label::Organization)
                .filter(|(_, m)| m.range.end <= c.range.start)
                .last()
            {
                d.add(to_event(
                    RelType::Organized,
                    i,
                    ORGANIZER,
                    s.idx,
                    m.range.start..end,
                ));
            }
        }
        let _ = doc;
        if let Some(host) = part {
            d.part_of = Some(host);
            drafts.upsert(d);
            continue;
        }
        let i = drafts.upsert(d);
        st.forum = Some(i);
        here.push(i);
        named.push((t.range.start, i));
    }
    for b in bares {
        let f = named
            .iter()
            .filter(|(p, _)| *p < b)
            .max_by_key(|(p, _)| *p)
            .map(|&(_, f)| f)
            .or(ctx)
            .or(st.forum);
        if let Some(f) = f {
            here.push(f);
        }
    }
}

/// Does `before` (the text before a meeting's name) end with a count of meetings (`一场`,
/// `8场`, `多场`)?
fn counted_session(before: &str) -> bool {
    let Some(b) = before.trim_end().strip_suffix('场') else {
        return false;
    };
    b.trim_end().ends_with(|c: char| {
        c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || "一二三四五六七八九十两多数几".contains(c)
    })
}

/// Words that open the list of sessions a forum sets up (`设置主论坛、六场分论坛`).
static PART_LIST_CUES: WordList = WordList::new("words_event", "part_list");

/// Words that say what kind of session a forum noun is, naming none (`专题分论坛`, `平行论坛`).
static FORUM_KIND_WORDS: WordList = WordList::new("words_event", "forum_kind");

/// Is `prefix` (the text of a forum's name before its noun) made only of kind words?
fn only_forum_kind_words(prefix: &str) -> bool {
    let mut rest = prefix.trim();
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        match FORUM_KIND_WORDS.iter().find(|w| rest.starts_with(**w)) {
            Some(w) => rest = &rest[w.len()..],
            None => return false,
        }
    }
    true
}

/// `2024 X市重大项目集中签约仪式在Y举行`: a named signing ceremony (or signing event, `签约活动`)
/// that is held, with no party before it in its clause, hosts the signings the document lists
/// (like a forum: they are PART_OF it and take its date and place), and its guests attend it.
fn ceremony_held(s: &SentView, t: &Trig) -> bool {
    let word = &s.text[t.range.clone()];
    if t.kind != Some(EventKind::Signing) || !(word.ends_with("仪式") || word.ends_with("活动"))
    {
        return false;
    }
    let ce = s.clause_end(t.range.end);
    let start = s.name_start(t.range.start, s.clause_start(t.range.start));
    s.has_cue("hold", t.range.end..ce)
        && start < t.range.start
        && s.within(ORG, s.clause_start(t.range.start)..t.range.end)
            .next()
            .is_none()
}

/// Quoted names that contain a trigger: `“…合作签约”`, `“…焕新发布”仪式`, `《…协议》`.
fn quoted(
    doc: &AnnotatedDoc,
    s: &SentView,
    drafts: &mut Drafts,
    st: &mut State,
    here: &mut Vec<usize>,
    consumed: &mut Vec<Range<usize>>,
) {
    for q in &s.quotes {
        let inner = &s.text[q.inner.clone()];
        // (`“投资+产业+生态”`: words joined by + name a model or a slogan, no event)
        if inner.chars().count() > 40 || inner.contains(['。', '，', ',', '+', '＋']) {
            continue;
        }
        let last = s
            .trigs
            .iter()
            .rfind(|t| q.inner.start <= t.range.start && t.range.end <= q.inner.end);
        let Some(t) = last else { continue };
        let Some(kind) = t.kind else { continue };
        // Titles (《…》) name agreements; other kinds in titles are documents, not events.
        if q.book && kind != EventKind::Signing {
            continue;
        }
        if q.book {
            // The signing verb outside the title does the work (`签署《…协议》`).
            continue;
        }
        if !matches!(
            kind,
            EventKind::Signing
                | EventKind::Launch
                | EventKind::Establishment
                | EventKind::Investment
        ) {
            continue;
        }
        // `举行“X签约仪式”，双方签署合作备忘录`: the ceremony is the signing of the agreement
        // named next in the sentence — one event, read there (and merged with the same
        // agreement in the title).
        if kind == EventKind::Signing && inner.ends_with("仪式") && agreement_after(s, q.outer.end)
        {
            continue;
        }
        let name = clean_name(s.disp(q.inner.clone()));
        let mut d = Draft::new(kind, name, s.idx, s.paragraph, q.outer.clone(), QUOTED);
        d.date = best_date(s, q.outer.start, false);
        if matches!(kind, EventKind::Signing | EventKind::Launch) {
            d.location = best_location(s);
        }
        let floor = scope_start(s, q.outer.start);
        match kind {
            EventKind::Signing => {
                let both = last_parties(drafts, st);
                signing_parties(doc, s, st, floor, q.outer.clone(), &both, &mut d);
                amounts(s, &q.outer, &mut d, kind, AMOUNT);
            }
            _ => {
                let (rel, rule) = match kind {
                    EventKind::Launch => (RelType::Launched, LAUNCH),
                    EventKind::Establishment => (RelType::Established, ESTABLISHMENT),
                    _ => (RelType::Invested, INVESTMENT),
                };
                // The organization holding it: the subject before the quote, else right after it
                // in the sentence (`而“X签约”则是A在…`).
                let subj = s
                    .within(ORG, floor..q.outer.start)
                    .last()
                    .or_else(|| s.within(ORG, q.outer.end..s.range.end).next());
                if let Some((i, m)) = subj {
                    d.add(to_event(rel, i, rule, s.idx, span(&m.range, &q.outer)));
                }
                amounts(s, &q.outer, &mut d, kind, AMOUNT);
            }
        }
        consumed.push(q.outer.clone());
        let partyless = kind == EventKind::Signing && d.with_rel(RelType::Signed).next().is_none();
        let i = drafts.upsert(d);
        here.push(i);
        if partyless {
            st.pending.push((i, s.paragraph));
        }
        if kind == EventKind::Signing {
            st.signing = Some(i);
        } else {
            st.amount_host = Some((i, s.paragraph));
        }
    }
}

/// Does a signing verb after byte `from` of the sentence name its agreement (a 《title》 or an
/// agreement noun in its clause: `签署合作备忘录`)?
fn agreement_after(s: &SentView, from: usize) -> bool {
    s.trigs.iter().any(|v| {
        v.kind == Some(EventKind::Signing) && v.class() != "doc" && v.range.start >= from && {
            let ce = s.clause_end(v.range.end);
            s.trigs_in(v.range.end..ce)
                .any(|x| x.kind == Some(EventKind::Signing) && x.class() == "doc")
                || s.quotes
                    .iter()
                    .any(|q| q.book && q.outer.start >= v.range.end && q.outer.start < ce)
        }
    })
}

/// Among the `parties` of a signing, the government of `place` (`广州市` → `广州市人民政府`,
/// `广州市政府`): a government organization whose name starts with the place.
fn government_of(doc: &AnnotatedDoc, parties: &[usize], place: &str) -> Option<usize> {
    parties.iter().copied().find(|&o| {
        doc.mentions.get(o).is_some_and(|m| {
            m.label == Label::Organization
                && m.name.starts_with(place)
                && m.name[place.len()..].ends_with("政府")
        })
    })
}

/// The organization that titles person mention `i` — `A董事长X` (organization, title, name
/// adjacent), or `南平市市长X` (a place whose government is among `parties`) — here or at an
/// earlier mention of the same name (a signatory named bare after being introduced).
fn titled_org(doc: &AnnotatedDoc, s: &SentView, i: usize, parties: &[usize]) -> Option<usize> {
    let name = &doc.mentions.get(i)?.name;
    let gap = |a: &Mention, b: &Mention, joiners: &[&str]| {
        a.range.end <= b.range.start
            && s.text
                .get(a.range.end..b.range.start)
                .is_some_and(|g| g.trim().is_empty() || joiners.contains(&g.trim()))
    };
    // (a bounded walk back: a long document stays linear)
    (0..=i).rev().take(4000).find_map(|j| {
        let p = &doc.mentions[j];
        if p.label != Label::Person || &p.name != name || j < 2 {
            return None;
        }
        let role = &doc.mentions[j - 1];
        if role.label != Label::Role || !gap(role, p, &[]) {
            return None;
        }
        // (several titles of one person: `X党委书记、董事长A`, `X董事长兼总经理A`)
        let mut k = j - 1;
        while k >= 2
            && doc.mentions[k - 1].label == Label::Role
            && gap(
                &doc.mentions[k - 1],
                &doc.mentions[k],
                &["、", "兼", "和", "及"],
            )
        {
            k -= 1;
        }
        let (head, role) = (&doc.mentions[k - 1], &doc.mentions[k]);
        // `副区长X分别与…签约`: a head of government titled by level alone acts for the one
        // party that is a government of that level.
        let by_level = || government_of_level(doc, parties, &role.name);
        if !gap(head, role, &[]) {
            return by_level();
        }
        match head.label {
            Label::Organization if !agent_marker_org(doc, head) => Some(k - 1),
            Label::Location => government_of(doc, parties, &s.text[head.range.clone()]),
            _ => by_level(),
        }
    })
}

/// The one party that is a government of the level a head-of-government title names
/// (`副区长`, `区长`, `常务副市长`, `县长`: the title ends in level + 长) — `X区人民政府` or
/// `X区政府` for 区. None when the title names no level or several parties are of it.
fn government_of_level(doc: &AnnotatedDoc, parties: &[usize], title: &str) -> Option<usize> {
    let level = title.strip_suffix('长')?.chars().next_back()?;
    if !['省', '市', '区', '县', '镇', '乡'].contains(&level) {
        return None;
    }
    let mut found = parties.iter().copied().filter(|&o| {
        doc.mentions.get(o).is_some_and(|m| {
            m.label == Label::Organization
                && m.name
                    .strip_suffix("人民政府")
                    .or_else(|| m.name.strip_suffix("政府"))
                    .is_some_and(|rest| rest.chars().count() > 1 && rest.ends_with(level))
        })
    });
    let first = found.next()?;
    let name = &doc.mentions.get(first)?.name;
    found
        .all(|o| doc.mentions.get(o).is_some_and(|m| &m.name == name))
        .then_some(first)
}

/// The organizations among a signing's parties (`both`), one per name, in the order they were
/// named.
fn ordered_org_parties(doc: &AnnotatedDoc, both: &[usize]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for &i in both {
        let Some(m) = doc.mentions.get(i) else {
            continue;
        };
        if m.label == Label::Organization
            && !out
                .iter()
                .any(|&j| doc.mentions.get(j).is_some_and(|o| o.name == m.name))
        {
            out.push(i);
        }
    }
    out.sort_by_key(|&i| doc.mentions.get(i).map_or(0, |m| m.range.start));
    out
}

/// The party among `parties` that person `p` holds a position at: a HOLDS_POSITION the
/// position family read anywhere in the document, to a party or a name `same` takes for it.
fn affiliated_party(
    doc: &AnnotatedDoc,
    p: usize,
    parties: &[usize],
    same: &dyn Fn(usize, usize) -> bool,
) -> Option<usize> {
    let name = &doc.mentions.get(p)?.name;
    doc.relations.iter().find_map(|r| match (r.from, r.to) {
        (NodeRef::Mention(a), NodeRef::Mention(b))
            if r.rel == RelType::HoldsPosition
                && doc.mentions.get(a).is_some_and(|m| &m.name == name) =>
        {
            parties.iter().copied().find(|&q| same(b, q))
        }
        _ => None,
    })
}

/// An "organization" that is the agent marker 由 glued to a person's name (`由X与Y代表双方签署`
/// read as the organization `由X`): no party, and no organization anyone acts for.
fn agent_marker_org(doc: &AnnotatedDoc, m: &Mention) -> bool {
    m.label == Label::Organization
        && m.name.strip_prefix('由').is_some_and(|rest| {
            !rest.is_empty()
                && doc
                    .mentions
                    .iter()
                    .any(|p| p.label == Label::Person && p.name == rest)
        })
}

/// The parties of a signing: organizations and people in the scope before the trigger
/// (`A与B签署`), `由A代表X`, `双方`, `该公司`. A signing named in quotes whose sentence names no
/// party takes the first organization after it in the sentence. Returns how many parties.
fn signing_parties(
    doc: &AnnotatedDoc,
    s: &SentView,
    st: &State,
    floor: usize,
    t: Range<usize>,
    both: &[usize],
    d: &mut Draft,
) -> usize {
    let mut n = 0;
    let behalf: Vec<_> = s.cues_in("behalf", floor..t.start).cloned().collect();
    let scope = floor..t.start;
    let mut people_for: Vec<(usize, usize)> = Vec::new(); // (person, org)
    for c in &behalf {
        // `由A代表X签约` / `A代表X签署`: the person before 代表, the organization after it.
        let person = s
            .within(&[Label::Person], floor..c.range.start)
            .last()
            .map(|(i, _)| i);
        let org = s
            .within(ORG, c.range.end..t.start)
            .find(|(_, m)| !agent_marker_org(doc, m))
            .map(|(i, _)| i);
        if let (Some(p), Some(o)) = (person, org) {
            people_for.push((p, o));
        } else if org.is_none()
            && ALL_PARTIES
                .iter()
                .any(|w| s.text[c.range.end..t.start].trim_start().starts_with(w))
        {
            // `由X董事长A与Y总裁B代表双方签署`: each person acts for the organization that
            // prefixes their title (the last one between the previous person — or the 由
            // before the first — and them).
            let persons: Vec<(usize, Range<usize>)> = s
                .within(&[Label::Person], floor..c.range.start)
                .map(|(p, pm)| (p, pm.range.clone()))
                .collect();
            let by = persons
                .first()
                .and_then(|(_, r)| s.text[floor..r.start].rfind('由'))
                .map(|k| floor + k);
            let before = people_for.len();
            let mut prev = by.unwrap_or(floor);
            for (p, pm) in s.within(&[Label::Person], floor..c.range.start) {
                if let Some((o, _)) = s
                    .within(ORG, prev..pm.range.start)
                    .filter(|(_, m)| !agent_marker_org(doc, m))
                    .last()
                {
                    people_for.push((p, o));
                } else if let Some(o) = s
                    .within(&[Label::Location], prev..pm.range.start)
                    .last()
                    .and_then(|(_, lm)| government_of(doc, both, &s.text[lm.range.clone()]))
                {
                    // `广州市副市长A与Y董事长B代表双方签约`: an official titled by a place acts
                    // for the party that is that place's government.
                    people_for.push((p, o));
                }
                prev = pm.range.end;
            }
            // `A与B签署…，由甲与乙代表双方签署`: no person is titled by a party, and there are
            // as many people as parties named before 由 — they act for them in order.
            if let Some(by) = by.filter(|_| people_for.len() == before) {
                let parties: Vec<usize> = s
                    .within(ORG, floor..by)
                    .filter(|(_, m)| {
                        !agent_marker_org(doc, m) && !parent_of_next(s, m.range.end, by)
                    })
                    .map(|(o, _)| o)
                    .collect();
                if parties.len() == persons.len() {
                    people_for.extend(persons.iter().map(|(p, _)| *p).zip(parties));
                }
            } else if by.is_none()
                && people_for.len() == before
                && s.within(ORG, floor..c.range.start).next().is_none()
            {
                // `A与B签署…。甲先生和乙先生分别代表双方签约`: no 由 and no party named before
                // the people. A person titled by a party (here or earlier) signs for it through
                // the signatory reading below; each other person acts for the party of the last
                // signing they hold a position at, told anywhere before (`乙先生，B副总经理`);
                // the people left then take the parties left in order, when the counts match.
                let parties = ordered_org_parties(doc, both);
                let same = |a: usize, b: usize| {
                    let (Some(x), Some(y)) = (doc.mentions.get(a), doc.mentions.get(b)) else {
                        return false;
                    };
                    x.name == y.name
                        || (x.name.chars().count() >= 2
                            && y.name.chars().count() >= 2
                            && (x.name.starts_with(&y.name) || y.name.starts_with(&x.name)))
                };
                let mut taken: Vec<Option<usize>> = persons
                    .iter()
                    .map(|(p, _)| {
                        titled_org(doc, s, *p, both)
                            .and_then(|o| parties.iter().copied().find(|&q| same(o, q)))
                    })
                    .collect();
                let titled: Vec<bool> = taken.iter().map(Option::is_some).collect();
                for (k, (p, _)) in persons.iter().enumerate() {
                    if taken[k].is_none() {
                        taken[k] = affiliated_party(doc, *p, &parties, &same);
                    }
                }
                let free: Vec<usize> = parties
                    .iter()
                    .copied()
                    .filter(|q| !taken.contains(&Some(*q)))
                    .collect();
                let open: Vec<usize> = (0..persons.len()).filter(|&k| taken[k].is_none()).collect();
                if open.len() == free.len() {
                    for (k, q) in open.into_iter().zip(free) {
                        taken[k] = Some(q);
                    }
                }
                for (k, (p, _)) in persons.iter().enumerate() {
                    if let (false, Some(o)) = (titled[k], taken[k]) {
                        people_for.push((*p, o));
                    }
                }
            }
        }
    }
    // `在A董事长X的见证下，…签署`: the witnesses and the organizations titling them attend,
    // they do not sign.
    let witnessed: Vec<Range<usize>> = s
        .cues_in("witness", floor..t.start)
        .filter(|c| {
            s.text[c.range.clone()].ends_with('下') || s.text[c.range.end..].starts_with('下')
        })
        .map(|c| {
            let from = s.text[floor..c.range.start]
                .rfind('在')
                .map_or(floor, |k| floor + k);
            from..c.range.end
        })
        .collect();
    let mut titled_parties: Vec<(usize, Range<usize>)> = Vec::new();
    for (i, m) in s.within(PARTY, scope.clone()) {
        // `公司全资子公司X与Y签署`: the parent only says whose subsidiary X is; X signs.
        if parent_of_next(s, m.range.end, scope.end) || agent_marker_org(doc, m) {
            continue;
        }
        if witnessed
            .iter()
            .any(|w| w.start <= m.range.start && m.range.end <= w.end)
        {
            continue;
        }
        // `Y总经理X则指出，此次签约是…`: a person who speaks about the signing (a speaking verb
        // between them and the verb) comments on it; they sign nothing.
        if m.label == Label::Person
            && SPEAKING
                .iter()
                .any(|w| s.text[m.range.end..t.start].contains(w))
        {
            continue;
        }
        // A person signs when said to act for an organization (`由A代表X`), or as the subject
        // of the verb when an organization titles them (`A董事长X与B行长Y签署`, here or at
        // their first mention; an official titled by a place acts for its government); an
        // organization that only prefixes a person's title is also a party.
        let mut signatory = false;
        let props = match people_for.iter().find(|(p, _)| *p == i) {
            Some((_, o)) => RelProps {
                on_behalf_of: doc.mentions.get(*o).map(|m| m.name.clone()),
                ..RelProps::default()
            },
            None if m.label == Label::Person => match titled_org(doc, s, i, both) {
                Some(o) => {
                    signatory = true;
                    titled_parties.push((o, m.range.clone()));
                    RelProps {
                        on_behalf_of: doc.mentions.get(o).map(|m| m.name.clone()),
                        ..RelProps::default()
                    }
                }
                // `公司与A及自然人B签署了《股权转让协议》`: a person named as a natural person
                // is a party in their own right (a seller, a shareholder).
                None if s.text[s.range.start..m.range.start]
                    .trim_end()
                    .ends_with("自然人") =>
                {
                    RelProps::default()
                }
                None => continue,
            },
            None => RelProps::default(),
        };
        let rule = if signatory {
            SIGNING_SIGNATORY
        } else if props.on_behalf_of.is_some() {
            SIGNING_BEHALF
        } else {
            d.rule
        };
        d.add(arg(
            RelType::Signed,
            i,
            Dir::ToEvent,
            props,
            if d.rule == QUOTED { SIGNING } else { rule },
            s.idx,
            span(&m.range, &t),
        ));
        n += 1;
    }
    // (the organization a signatory acts for signs, also when it was named only at the
    // person's first mention)
    for (o, r) in titled_parties {
        let name = mention_name(doc, o);
        if d.with_rel(RelType::Signed).any(|j| {
            doc.mentions
                .get(j)
                .is_some_and(|m| m.label == Label::Organization)
                && mention_name(doc, j) == name
        }) {
            continue;
        }
        d.add(to_event(
            RelType::Signed,
            o,
            SIGNING_SIGNATORY,
            s.idx,
            span(&r, &t),
        ));
        n += 1;
    }
    for (i, r) in anaphors(s, st, scope.clone()) {
        if parent_of_next(s, r.end, scope.end) {
            continue;
        }
        d.add(to_event(RelType::Signed, i, SIGNING, s.idx, span(&r, &t)));
        n += 1;
    }
    // `同日，母基金与A、B签署…协议`: a fund named back (母基金, 该基金, 基金) right before 与 in
    // the verb's clause is the fund the document has just set up when its name ends so.
    if let Some((f, r)) = fund_back_reference(doc, s, st, scope.clone()) {
        d.add(to_event(RelType::Signed, f, SIGNING, s.idx, span(&r, &t)));
        n += 1;
    }
    if s.has_cue("both", scope.clone()) && n < 2 {
        // 双方: two organizations named earlier in this sentence (`A和B联合公告，双方…`), else
        // the parties of the last signing, else the last two organizations before it.
        let mut here: Vec<usize> = Vec::new();
        for (i, m) in s.within(ORG, s.range.start..scope.start) {
            let name = &m.name;
            here.retain(|&j| doc.mentions.get(j).is_some_and(|o| &o.name != name));
            here.push(i);
        }
        let here = &here[here.len().saturating_sub(2)..];
        // (A sentence that opens a list — `各方代表依次签约：` closing with a colon — names
        // the signings in its rows: the last two organizations named before it are no
        // parties; they are usually its hosts or guests.)
        let opens_list = s.str().trim_end().ends_with(['：', ':']);
        let both = if here.len() >= 2 {
            here
        } else if both.len() >= 2 {
            both
        } else if opens_list {
            &[]
        } else {
            &st.last_orgs[..]
        };
        for &i in both {
            d.add(to_event(RelType::Signed, i, SIGNING_BOTH, s.idx, t.clone()));
            n += 1;
        }
    }
    // `A宣布，当天与B、C订立…`: a clause that opens with 与 has no party of its own before it,
    // so the reporting company signs even when two or more parties follow 与.
    let cs = s.clause_start(t.start);
    let headless = s.text[cs..t.start]
        .find(['与', '和', '同'])
        .is_some_and(|k| s.within(PARTY, cs..cs + k).next().is_none());
    if (n < 2 || headless)
        && floor > s.range.start
        && let Some((i, r)) = report_subject(s, floor)
        && !d.args.iter().any(|a| a.mention == i)
    {
        // `A宣布，与B签署…`: the reporting company is a party.
        d.add(to_event(RelType::Signed, i, SIGNING, s.idx, span(&r, &t)));
        n += 1;
    }
    if n < 2 && d.rule != QUOTED {
        // `A签约B`: the organization right after the verb — not a venue after 在/于
        // (`签约仪式在X服务中心举行`).
        let ce = s.clause_end(t.end);
        if let Some((i, m)) = s.within(ORG, t.end..ce).next()
            && s.text[t.end..m.range.start].chars().count() <= 2
            && !s.text[t.end..m.range.start].contains(['在', '于'])
        {
            d.add(to_event(
                RelType::Signed,
                i,
                SIGNING,
                s.idx,
                span(&t, &m.range),
            ));
            n += 1;
        }
    }
    if n == 0 && d.rule == QUOTED {
        // `而“X签约”则是A在…`: the organization after the name in the same sentence.
        if let Some((i, m)) = s.within(ORG, t.end..s.range.end).next() {
            d.add(to_event(
                RelType::Signed,
                i,
                SIGNING_CONTEXT,
                s.idx,
                span(&t, &m.range),
            ));
            n += 1;
        }
    }
    n
}

/// A fund named back at the start of the verb's clause, right before 与/和/同 (`同日，母基金与A
/// 签署…`, `该基金与B签约`): the organization the document set up (`State::founded`), when
/// its name ends with the reference (a determiner 该/本/此/新 dropped) and no organization is
/// named in between; with the mention index and the reference's range.
fn fund_back_reference(
    doc: &AnnotatedDoc,
    s: &SentView,
    st: &State,
    scope: Range<usize>,
) -> Option<(usize, Range<usize>)> {
    let f = st.founded?;
    let cs = s.clause_start(scope.end).max(scope.start);
    let head = &s.text[cs..scope.end];
    let k = head.find(['与', '和', '同'])?;
    let word = head[..k].trim();
    let bare = ["该", "本", "此", "新"]
        .iter()
        .find_map(|d| word.strip_prefix(d))
        .unwrap_or(word);
    let fund_word = ["母基金", "子基金", "基金"].contains(&bare);
    if !fund_word || s.within(ORG, cs..cs + k).next().is_some() {
        return None;
    }
    mention_name(doc, f)
        .ends_with(bare)
        .then(|| (f, cs + (k - word.len())..cs + k))
}

/// `与三家企业`, `和5家金融机构`: a counted group of counterparties after 与/和/同 in `before`
/// (the text of the clause before a signing verb) — a numeral, 家 or 所, and the kind of
/// party (企业, 公司, 机构, 单位, 银行, 高校, 院校); returns the group's text.
pub(crate) fn counted_group(before: &str) -> Option<&str> {
    const KINDS: [&str; 8] = [
        "企业",
        "公司",
        "金融机构",
        "机构",
        "单位",
        "银行",
        "高校",
        "院校",
    ];
    // (`与 8 家银行`: spaces of a PDF conversion around the numeral are skipped)
    before.match_indices(['与', '和', '同']).find_map(|(i, c)| {
        let rest = before[i + c.len()..].trim_start();
        let num_len = rest
            .char_indices()
            .find(|(_, ch)| !is_count_char(*ch))
            .map_or(rest.len(), |(k, _)| k);
        let after = &rest[num_len..];
        let spaced = after.len() - after.trim_start().len();
        let after = after.trim_start();
        let unit = after.chars().next().filter(|u| "家所".contains(*u))?;
        let kinds = &after[unit.len_utf8()..];
        let kind = KINDS.iter().find(|k| kinds.starts_with(**k))?;
        (num_len > 0).then(|| &rest[..num_len + spaced + unit.len_utf8() + kind.len()])
    })
}

/// Does the sentence count projects (`引进亿元以上项目46个`, `28个项目现场签约`)? Its amounts
/// are the total of many deals, never one event's.
fn counts_projects(body: &str) -> bool {
    body.match_indices("项目").any(|(i, w)| {
        let after = &body[i + w.len()..];
        let count = after.chars().take_while(|&c| is_count_char(c)).count();
        let counted_after = count > 0 && after.chars().nth(count) == Some('个');
        let mut before = body[..i].chars().rev();
        let counted_before =
            before.next() == Some('个') && before.next().is_some_and(is_count_char);
        counted_after || counted_before
    })
}

/// `与Y达成(了)一致`: `after` (the clause after 达成) opens with 一致 — past 了 — and `before`
/// (the clause before it) has 与/和/同 marking the counterparty; 达成一致意见 is the same.
fn reached_accord(before: &str, after: &str) -> bool {
    let after = after.strip_prefix('了').unwrap_or(after);
    after.starts_with("一致") && before.contains(['与', '和', '同'])
}

/// The organizations that signed the last signing (what `双方` refers to).
fn last_parties(drafts: &Drafts, st: &State) -> Vec<usize> {
    st.signing
        .map(|i| drafts.list[i].with_rel(RelType::Signed).collect())
        .unwrap_or_default()
}

/// `A与B签署(了)…协议`, `A和B签约`, `双方达成…协议`.
fn signing(
    doc: &AnnotatedDoc,
    s: &SentView,
    t: &Trig,
    drafts: &mut Drafts,
    st: &mut State,
) -> Option<usize> {
    let class = t.class();
    if class == "doc" {
        return None;
    }
    let ce = s.clause_end(t.range.end);
    // The agreement: a 《title》 or an agreement noun after the verb in the clause.
    let book = s
        .quotes
        .iter()
        .find(|q| q.book && q.outer.start >= t.range.end && q.outer.start < ce.max(q.outer.start));
    let mut doc_noun = s
        .trigs_in(t.range.end..ce)
        .find(|x| x.kind == Some(EventKind::Signing) && x.class() == "doc" && x.range.end <= ce);
    if class == "reach" && book.is_none() && doc_noun.is_none() {
        // `与Y达成(了)一致`, `就X协议与Y达成一致`: an accord reached with a party after 与/和/同
        // is a signing, named by the agreement after 就 when the clause names one.
        let cs = s.clause_start(t.range.start);
        if !reached_accord(&s.text[cs..t.range.start], &s.text[t.range.end..ce]) {
            return None;
        }
        doc_noun = s.trigs_in(cs..t.range.start).find(|x| {
            x.kind == Some(EventKind::Signing)
                && x.class() == "doc"
                && s.text[cs..x.range.start].contains('就')
        });
    }
    if generic(s, &t.range, EventKind::Signing) {
        return None;
    }
    // `此次签约是X跨入…的重要一步`: a determiner before a bare signing word (no agreement named
    // after it) speaks of the signing told before; no new one.
    if book.is_none() && doc_noun.is_none() && refers_back(s, t, drafts, &[EventKind::Signing]) {
        return None;
    }
    // `X董事长A在签约后接受采访`: a bare signing word that dates something else (后/前 right
    // after it) speaks of the signing told before; no new one, and no signatory of it.
    if book.is_none()
        && doc_noun.is_none()
        && ["后", "之后", "以后", "前", "之前"]
            .iter()
            .any(|w| s.text[t.range.end..].starts_with(w))
        && drafts.list.iter().any(|d| d.kind == EventKind::Signing)
    {
        return None;
    }
    // `X基金设立暨签约仪式`: the ceremony of an establishment (event.establishment_ceremony),
    // whose signings are told by their own sentences; no signing with X as its party.
    if let Some(head) = s.text[s.range.start..t.range.start].strip_suffix('暨')
        && FOUNDING_VERBS.iter().any(|v| head.ends_with(v))
    {
        return None;
    }
    // `出席签约仪式`, `见证签约`, `出席了当日的签约仪式`, `主持签约仪式`: attendance of a
    // signing (participants), not a new signing.
    if s.cues.iter().any(|c| {
        matches!(c.role, "attend" | "witness" | "host")
            && c.range.start >= s.range.start
            && c.range.end <= t.range.start
            && attended_object(&s.text[c.range.end..t.range.start])
    }) {
        return None;
    }
    let mut floor = scope_start(s, t.range.start);
    // `推介会由A主办，B、C承办，…现场集中签约项目12个`: a clause that ends with an organizing
    // verb tells who organizes the meeting; its organizations are no signing parties.
    if let Some(c) = s
        .cues_in("organizer", floor..t.range.start)
        .filter(|c| s.clause_end(c.range.end) == c.range.end)
        .last()
    {
        floor = floor.max(c.range.end);
    }
    // `X于…收到A的通知，A、B与C签署了《股份转让协议》`: when the verb's own clause joins two
    // organizations with 与/和/同, its parties are there; earlier clauses tell something else.
    {
        let cs = s.clause_start(t.range.start);
        let own: Vec<Range<usize>> = s
            .within(ORG, cs..t.range.start)
            .map(|(_, m)| m.range.clone())
            .collect();
        if own.windows(2).any(|w| {
            s.text
                .get(w[0].end..w[1].start)
                .is_some_and(|g| g.contains(['与', '和', '同']))
        }) {
            floor = floor.max(cs);
        }
    }
    let mut d = Draft::new(
        EventKind::Signing,
        String::new(),
        s.idx,
        s.paragraph,
        t.range.clone(),
        SIGNING,
    );
    let both = last_parties(drafts, st);
    let n = signing_parties(doc, s, st, floor, t.range.clone(), &both, &mut d);
    let named = if let Some(q) = book {
        Some(clean_name(s.disp(q.inner.clone())))
    } else if let Some(x) = doc_noun {
        // An agreement told before the verb (`就X协议与Y达成一致`) is read back to 就.
        let floor = if x.range.start < t.range.start {
            s.text[..x.range.start]
                .rfind('就')
                .map_or(x.range.start, |k| k + '就'.len_utf8())
        } else {
            t.range.end
        };
        let st_ = s.name_start(x.range.start, floor);
        let name = clean_name(s.disp(st_..x.range.end));
        // A bare `协议` is not a name.
        (name.chars().count() > 2).then_some(name)
    } else {
        signed_project(s, t, ce)
    };
    // `A与三家企业战略合作签约仪式`: the other parties are a counted group, not named.
    let cs = s.clause_start(t.range.start);
    let counted = counted_group(&s.text[cs..t.range.start]);
    let group = if n == 1 { counted } else { None };
    // (`A（以下简称“X”）与 8 家银行签署授信协议`: A named twice is still one party before the
    // group, whose members a later sentence may list)
    let grouped = counted.is_some_and(|g| {
        let at = g.as_ptr() as usize - s.text.as_ptr() as usize;
        d.with_rel(RelType::Signed)
            .all(|i| doc.mentions.get(i).is_some_and(|m| m.range.end <= at))
    });
    if n < 2 && !(n == 1 && (named.is_some() || group.is_some())) {
        return None;
    }
    // `X关于签订重大合同的公告`: the heading of an announcement about a signing names its
    // topic; the body tells the signing with its counterparty (one event, not two).
    if n < 2
        && s.text[s.clause_start(t.range.start)..t.range.start].ends_with("关于")
        && s.text[t.range.end..ce].contains("的公告")
    {
        return None;
    }
    // `协议由A代表X签约`: representatives of an agreement named before (no agreement of its
    // own here) sign the last signing of the document, not a new one.
    // (`A、B分别代表双方签约` whose people are not all recognized is still that signing: a
    // representation cue without an agreement of its own refers to the last one.)
    let represented = d.args.iter().any(|a| a.props.on_behalf_of.is_some())
        || s.cues_in("behalf", floor..t.range.start).any(|c| {
            ALL_PARTIES.iter().any(|w| {
                s.text[c.range.end..t.range.start]
                    .trim_start()
                    .starts_with(w)
            })
        });
    if named.is_none()
        && let Some(j) = st.signing
        && represented
    {
        for a in d.args {
            drafts.list[j].add(a);
        }
        return Some(j);
    }
    let has_name = named.is_some();
    let name = match named {
        Some(n) => n,
        None => {
            let parties: Vec<String> = d
                .with_rel(RelType::Signed)
                .filter_map(|i| doc.mentions.get(i))
                .filter(|m| m.label == Label::Organization)
                .map(|m| m.name.clone())
                .collect();
            let mut names = first_two_distinct(parties);
            names.extend(group.map(str::to_string));
            format!("{}签约", names.join("与"))
        }
    };
    // A generic agreement name already used by a signing of other parties: qualify it. A
    // party named shorter or longer (`滨江新区` in the headline, `滨江新区管委会` in the text)
    // is the same party: the same signing.
    let mine: Vec<String> = d
        .with_rel(RelType::Signed)
        .map(|i| mention_name(doc, i))
        .collect();
    let name = match drafts.find(EventKind::Signing, &name) {
        Some(o)
            if !drafts.list[o].with_rel(RelType::Signed).any(|i| {
                let theirs = mention_name(doc, i);
                mine.iter().any(|m| same_party(m, &theirs))
            }) =>
        {
            let orgs: Vec<String> = d
                .with_rel(RelType::Signed)
                .filter_map(|i| doc.mentions.get(i))
                .filter(|m| m.label == Label::Organization)
                .map(|m| m.name.clone())
                .collect();
            format!("{}{}", first_two_distinct(orgs).join("与"), name)
        }
        _ => name,
    };
    d.name = name;
    d.date = best_date(s, t.range.start, false);
    // `同日，A与B签署…合同` after a meeting: another act of that day, not one of the meeting
    // (unless the sentence places it there: `同日，会上…`).
    d.apart = SAME_DAY.iter().any(|w| s.str().trim_start().starts_with(w))
        && !s.has_cue("context", s.range.clone());
    // `论坛期间，A与B签署协议，共建长三角算力平台`: a signing in the forum's context was held
    // at the forum's venue; a place in the sentence without 在/于 is what the deal is about.
    // So is a row of a signing list (`4. A与B签约西南数字物流港项目`: the place names the
    // project).
    d.location = if s.has_cue("context", s.range.clone()) || st.list {
        venue(s)
    } else {
        best_location(s)
    };
    // `仪式上，A与B签署了《…》` after an establishment's ceremony: signed there and then.
    if let Some(c) = st.ceremony
        && s.str().trim_start().starts_with("仪式上")
    {
        let e = &drafts.list[c];
        if d.date.is_none() {
            d.date = e.date.clone();
        }
        if d.location.is_none() {
            d.location = e.location;
        }
    }
    amounts(s, &t.range, &mut d, EventKind::Signing, AMOUNT);
    let j = match same_ceremony(doc, s, drafts, st, &d, has_name) {
        Some(j) => j,
        None => drafts.upsert(d),
    };
    // (`X与10家银行签署授信协议`: the members of the group are listed later)
    st.group_signing = if grouped { Some(j) } else { None };
    if grouped || s.str().contains("授信") {
        st.credit_signing = Some((j, s.idx));
    }
    Some(j)
}

/// Openings of a sentence that tells another act of the day told before (`同日，…`).
const SAME_DAY: [&str; 3] = ["同日", "同一天", "同一日"];

/// Openings of a sentence that goes on to tell the terms of the agreement told before
/// (`根据协议，…`, `按照该协议，…`).
const AGREEMENT_TERMS: [&str; 4] = ["根据", "按照", "依据", "依照"];

/// `X与10家银行签署授信协议。根据协议，A银行、B银行和C银行分别给予X 20亿元、15亿元、10亿元
/// 的授信额度`: a sentence that opens with 根据/按照/依据/依照 and an agreement in its first
/// clause, right after a signing of one party with a counted group (`与N家银行`), lists the
/// group's members — the organizations joined by 、/和/及/与 right before 分别 (or before
/// `等N家…分别`) sign that signing too (event.signing_group_members), and the amounts after
/// 分别 are its amounts (授信额度 when the clause says 授信). A sentence with a signing of its
/// own, or any sentence that is no such list, ends the group.
fn group_members(
    doc: &AnnotatedDoc,
    s: &SentView,
    drafts: &mut Drafts,
    st: &mut State,
    here: &[usize],
) {
    let Some(g) = st.group_signing else {
        return;
    };
    if here
        .iter()
        .any(|&i| drafts.list[i].kind == EventKind::Signing)
    {
        return;
    }
    st.group_signing = None;
    let body = s.str().trim_start();
    let first = &s.text[s.range.start..s.clause_end(s.range.start)];
    if !AGREEMENT_TERMS.iter().any(|w| body.starts_with(w)) || !first.contains("协议") {
        return;
    }
    // (`A、B等十家银行将向X提供授信合计1050亿元`: without 分别, the count of the group closes
    // the list, and the amounts of its clause are the whole group's)
    let Some((k, anchor)) = s.text[s.range.clone()]
        .find("分别")
        .map(|k| (k, "分别".len()))
        .or_else(|| group_count_end(&s.text[s.range.clone()]).map(|k| (k, 0)))
    else {
        return;
    };
    let at = s.range.start + k;
    let cs = s.clause_start(at);
    let orgs: Vec<(usize, &Mention)> = s.within(ORG, cs..at).collect();
    let Some((_, last)) = orgs.last() else {
        return;
    };
    // (`A银行、B银行等10家银行分别…`: a count of the group may close the list)
    let tail = s.text[last.range.end..at].trim();
    if !((tail.is_empty() && anchor > 0) || (tail.starts_with('等') && !tail.contains(['，', ','])))
    {
        return;
    }
    let mut members: Vec<(usize, Range<usize>)> = Vec::new();
    for (j, (i, m)) in orgs.iter().enumerate().rev() {
        if j + 1 < orgs.len() {
            let joiner = outside_parens(&s.text[m.range.end..orgs[j + 1].1.range.start]);
            if !matches!(joiner.trim(), "与" | "和" | "及" | "、" | "以及") {
                break;
            }
        }
        members.push((*i, m.range.clone()));
    }
    if members.len() < 2 {
        return;
    }
    members.reverse();
    let signed: Vec<String> = drafts.list[g]
        .with_rel(RelType::Signed)
        .map(|i| mention_name(doc, i))
        .collect();
    let mut seen: Vec<String> = Vec::new();
    for (i, r) in members {
        let n = mention_name(doc, i);
        if signed.iter().any(|o| same_party(o, &n)) || seen.contains(&n) {
            continue;
        }
        seen.push(n);
        drafts.list[g].add(to_event(
            RelType::Signed,
            i,
            SIGNING_GROUP,
            s.idx,
            r.start..at + anchor,
        ));
    }
    let ce = s.clause_end(at);
    let credit = s.text[at..ce].contains("授信");
    if credit {
        st.credit_signing = Some((g, s.idx));
    }
    for (i, m) in s.within(&[Label::Amount], at..ce) {
        if metric(s, m) {
            continue;
        }
        let about = if credit {
            "授信额度".to_string()
        } else {
            about_for(s, m, EventKind::Signing)
        };
        drafts.list[g].add(arg(
            RelType::HasAmount,
            i,
            Dir::FromEvent,
            props_about(about),
            SIGNING_GROUP,
            s.idx,
            m.range.clone(),
        ));
    }
}

/// `A、B等十家银行将…`: the end (a byte offset into `body`) of the first `等` + count + 家 that
/// closes a list of a counted group, if any.
fn group_count_end(body: &str) -> Option<usize> {
    body.match_indices('等').find_map(|(i, w)| {
        let rest = &body[i + w.len()..];
        let t = rest.trim_start();
        let num = t.len() - t.trim_start_matches(is_count_char).len();
        let after = t[num..].trim_start();
        (num > 0 && after.starts_with('家')).then(|| body.len() - after.len() + '家'.len_utf8())
    })
}

/// `X与十家银行签署授信协议。……其中，A银行授信额度300亿元，B银行授信额度200亿元。`: a sentence
/// opening with 其中 within two sentences of a credit-line signing (one with a counted group
/// of banks, or 授信 in its sentence) gives each bank's share — an organization followed in its
/// clause by 授信 or 额度 and an amount, with no other organization between: it signs the
/// signing (if it has not) and the amount is the signing's (about 授信额度)
/// (event.signing_credit_shares). A sentence with a signing of its own ends the credit line.
fn credit_shares(
    doc: &AnnotatedDoc,
    s: &SentView,
    drafts: &mut Drafts,
    st: &mut State,
    here: &[usize],
) {
    let Some((g, last)) = st.credit_signing else {
        return;
    };
    if s.idx > last + 2
        || here
            .iter()
            .any(|&i| drafts.list[i].kind == EventKind::Signing && i != g)
    {
        st.credit_signing = None;
        return;
    }
    if !s.str().trim_start().starts_with("其中") {
        return;
    }
    st.credit_signing = None;
    let mut signed: Vec<String> = drafts.list[g]
        .with_rel(RelType::Signed)
        .map(|i| mention_name(doc, i))
        .collect();
    let orgs: Vec<(usize, Range<usize>)> = s
        .within(ORG, s.range.clone())
        .map(|(i, m)| (i, m.range.clone()))
        .collect();
    for (k, (i, r)) in orgs.iter().enumerate() {
        let ce = s.clause_end(r.end);
        let next_org = orgs.get(k + 1).map_or(ce, |(_, n)| n.start.min(ce));
        let Some((a, m)) = s
            .within(&[Label::Amount], r.end..next_org)
            .next()
            .map(|(a, m)| (a, m.range.clone()))
        else {
            continue;
        };
        let gap = &s.text[r.end..m.start];
        if !(gap.contains("授信") || gap.contains("额度")) || gap.chars().count() > 12 {
            continue;
        }
        let n = mention_name(doc, *i);
        if !signed.iter().any(|o| same_party(o, &n)) {
            drafts.list[g].add(to_event(
                RelType::Signed,
                *i,
                SIGNING_CREDIT_SHARES,
                s.idx,
                r.start..m.end,
            ));
            signed.push(n);
        }
        drafts.list[g].add(arg(
            RelType::HasAmount,
            a,
            Dir::FromEvent,
            props_about("授信额度".to_string()),
            SIGNING_CREDIT_SHARES,
            s.idx,
            m,
        ));
    }
}

/// Does `head` open with a count of projects (`3个`, `三大`, `一批`, `多项`) — numerals then a
/// classifier? `数据中心产业园`, `十堰…` open with a numeral character and count nothing.
fn counted(head: &str) -> bool {
    let rest = head.trim_start_matches(|c: char| {
        c.is_ascii_digit() || "一二三四五六七八九十百两多数几".contains(c)
    });
    rest.len() < head.len()
        && rest.starts_with(['个', '項', '项', '批', '大', '家', '类', '類', '宗'])
}

/// Words that only say what kind of agreement an agreement noun is (`战略`, `合作`, `框架`):
/// `战略合作框架协议` names no agreement of its own.
static AGREEMENT_KIND: WordList = WordList::new("words_event", "agreement_kind");

/// Agreement nouns (the class=doc signing triggers' heads) that end an agreement's name.
const AGREEMENT_NOUNS: [&str; 10] = [
    "协议书",
    "協議書",
    "协议",
    "協議",
    "合同",
    "備忘錄",
    "备忘录",
    "意向书",
    "意向書",
    "合約",
];

/// Is `name` an agreement named by its kind only (`战略合作协议`, `全面合作框架协议`)?
fn kind_only(name: &str) -> bool {
    let Some(mut rest) = AGREEMENT_NOUNS.iter().find_map(|n| name.strip_suffix(n)) else {
        return false;
    };
    while !rest.is_empty() {
        match AGREEMENT_KIND.iter().find(|w| rest.ends_with(*w)) {
            Some(w) => rest = &rest[..rest.len() - w.len()],
            None => return false,
        }
    }
    true
}

/// `A与B签约智能装备产业园项目`: a signing verb whose object (in its clause) is one project
/// (`…项目`, no list, no count) is named after the project. `签约项目12个` (a count) and
/// `签约A、B等项目` (a list) name none.
fn signed_project(s: &SentView, t: &Trig, ce: usize) -> Option<String> {
    // (a signing verb of the lexicon, class=verb in triggers_signing.txt: not the agreement
    // nouns nor 达成; `签约仪式`/`签约活动` are held, they take no object)
    if t.class() != "verb" || s.text[t.range.clone()].ends_with(['式', '动']) {
        return None;
    }
    let rest = &s.text[t.range.end..ce];
    let lead = rest.len() - rest.trim_start_matches([' ', '了']).len();
    let obj = &rest[lead..];
    let end = obj.find("项目")?;
    let head = &obj[..end];
    let n = head.chars().count();
    if !(2..=24).contains(&n)
        || head.contains(['、', '和', '与', '及', '等', '个', '批', '“', '”', '《'])
        || counted(head)
    {
        return None;
    }
    let from = t.range.end + lead;
    Some(clean_name(s.disp(from..from + end + "项目".len())))
}

/// `A与B战略合作签约仪式在杭州举行。仪式上，双方签署了《战略合作协议》`: one signing told
/// twice — by its ceremony (no agreement named: `A与B签约`) and by its agreement — close
/// together (the same paragraph or within two sentences) with the same organizations signing.
/// Draft `d` is merged into the last signing `j`, which takes the agreement's name; two named
/// agreements stay two signings.
fn same_ceremony(
    doc: &AnnotatedDoc,
    s: &SentView,
    drafts: &mut Drafts,
    st: &State,
    d: &Draft,
    named: bool,
) -> Option<usize> {
    let j = st.signing?;
    let last = &drafts.list[j];
    if last.kind != EventKind::Signing {
        return None;
    }
    let last_sentence = last
        .args
        .iter()
        .map(|a| a.sentence)
        .max()
        .unwrap_or(last.sentence);
    if last.paragraph != s.paragraph && s.idx > last_sentence + 2 {
        return None;
    }
    let orgs = |x: &Draft| -> Vec<String> {
        let mut v: Vec<String> = x
            .with_rel(RelType::Signed)
            .filter(|&i| {
                doc.mentions
                    .get(i)
                    .is_some_and(|m| m.label == Label::Organization)
            })
            .map(|i| mention_name(doc, i))
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let (mine, theirs) = (orgs(d), orgs(last));
    let generic = |x: &Draft, parties: &[String]| {
        let named_by_parties: Vec<String> = x
            .with_rel(RelType::Signed)
            .filter(|&i| parties.contains(&mention_name(doc, i)))
            .map(|i| mention_name(doc, i))
            .collect();
        x.name == format!("{}签约", first_two_distinct(named_by_parties).join("与"))
    };
    // `A昨日在新竹舉行簽約儀式，與B簽署…合約`: the ceremony of one party and the agreement
    // that party signs with B in the same sentence are one signing (one per party set).
    let subset = last.sentence == s.idx
        && !theirs.is_empty()
        && theirs.len() < mine.len()
        && theirs.iter().all(|t| mine.iter().any(|m| same_party(m, t)))
        && generic(last, &theirs);
    if !subset
        && (mine.len() < 2
            || mine.len() != theirs.len()
            || !mine.iter().all(|m| theirs.iter().any(|t| same_party(m, t))))
    {
        return None;
    }
    // `A与B签署战略合作协议` (a headline), then `仪式上，双方签署了《X服务合作协议》`: an
    // agreement named only by its kind (AGREEMENT_KIND words before the agreement noun) is the
    // agreement the ceremony names in full.
    // (Only a telling before — a headline, or another paragraph — or one that opens at the
    // ceremony (`仪式上`); `双方还签署了《…》` adds a second agreement.)
    let at_ceremony = last.paragraph != s.paragraph
        || ["仪式上", "儀式上", "签约仪式上", "簽約儀式上"]
            .iter()
            .any(|w| s.str().trim_start().starts_with(w));
    let additive = ["还", "還", "另", "此外", "同时", "同時"]
        .iter()
        .any(|w| s.text[s.clause_start(d.trigger.start)..d.trigger.start].contains(w));
    let last_generic = generic(last, &theirs)
        || (named && at_ceremony && !additive && kind_only(&last.name) && !kind_only(&d.name));
    if !last_generic && named {
        return None;
    }
    let rename = last_generic && (named || subset);
    // (a party named shorter in one telling, `德国博朗斯` in the headline, is the longer name
    // of the other: only the longer one stays a party)
    let shorter = |i: usize| {
        let n = mention_name(doc, i);
        mine.iter()
            .chain(theirs.iter())
            .any(|m| m.chars().count() > n.chars().count() && same_party(m, &n))
    };
    let drop: Vec<usize> = drafts.list[j]
        .with_rel(RelType::Signed)
        .chain(d.with_rel(RelType::Signed))
        .filter(|&i| shorter(i))
        .collect();
    drafts.list[j]
        .args
        .retain(|a| !(a.rel == RelType::Signed && drop.contains(&a.mention)));
    for a in d.args.iter().cloned() {
        if a.rel == RelType::Signed && drop.contains(&a.mention) {
            continue;
        }
        drafts.list[j].add(a);
    }
    let e = &mut drafts.list[j];
    if e.date.is_none() {
        e.date = d.date.clone();
    }
    if e.location.is_none() {
        e.location = d.location;
        e.location_rule = d.location_rule;
    }
    if rename {
        drafts.rename(j, d.name.clone());
    }
    Some(j)
}

/// `A发布/上线/启动《X》` or `“X”…`: a launch needs a named object after the verb.
fn launch(s: &SentView, t: &Trig, drafts: &mut Drafts) -> Option<usize> {
    let ce = s.clause_end(t.range.end);
    let floor = scope_start(s, t.range.start);
    // (a verb that launches only an unquoted new product: 发表《X》 publishes a paper)
    let quoted_ok = t.entry.attr("object") != Some("new_product");
    let (name, end, rule) = match s
        .quotes
        .iter()
        .filter(|_| quoted_ok)
        .find(|q| q.outer.start >= t.range.end && q.outer.end <= ce)
    {
        Some(q) => (clean_name(s.disp(q.inner.clone())), q.outer.end, LAUNCH),
        None => {
            let (r, name) = new_product(s, t, ce)?;
            (name, r.end, LAUNCH_NEW_PRODUCT)
        }
    };
    // The launcher: the last organization of the scope that is not the venue (`在Y中心`).
    let launcher = s
        .within(ORG, floor..t.range.start)
        .filter(|(_, m)| rule == LAUNCH || !marker(s, m).contains('在'))
        .last();
    // With none, a launch told at the forum in context (`会上还发布了《X报告》`) is still an
    // event of that forum: it is named, only its launcher is not.
    let rule = match launcher {
        Some(_) => rule,
        None if s.has_cue("context", floor..t.range.start) => LAUNCH_IN_CONTEXT,
        None => return None,
    };
    if name.is_empty() {
        return None;
    }
    let mut d = Draft::new(
        EventKind::Launch,
        name,
        s.idx,
        s.paragraph,
        t.range.start..end,
        rule,
    );
    d.date = best_date(s, t.range.start, false);
    d.location = best_location(s);
    if let Some((oi, om)) = launcher {
        d.add(to_event(
            RelType::Launched,
            oi,
            rule,
            s.idx,
            om.range.start..end,
        ));
    }
    amounts(s, &t.range, &mut d, EventKind::Launch, AMOUNT);
    // A headline names the product shorter (`晶曜发表新一代AI伺服器`, then the body's
    // `新一代AI伺服器机柜`): a headline launch whose name begins this one's, or is begun by it (the
    // shorter at least six characters), is the same launch, named by the longer name.
    let key = crate::link::key(&d.name);
    let retold = (d.paragraph != 0)
        .then(|| drafts.find_retold_launch(&d.name))
        .flatten();
    if let Some(j) = retold {
        let longer =
            (key.len() > crate::link::key(&drafts.list[j].name).len()).then(|| d.name.clone());
        drafts.list[j].take(d);
        if let Some(name) = longer {
            drafts.rename(j, name);
        }
        return Some(j);
    }
    Some(drafts.upsert(d))
}

/// Words that open the name of a new product after 发布 (`发布新一代5G工业网关`).
static NEW_PRODUCT: WordList = WordList::new("words_event", "new_product");

/// Verbs that end the name of such a product (`发布新一代X方案 宣布完成C轮融资`).
static PRODUCT_STOP: WordList = WordList::new("words_event", "product_stop");

/// `发布(了)新一代X` with no quotes: the rest of the trigger's clause is the product's name
/// when it opens with a word of novelty and is a short noun phrase (4–24 characters, no
/// clause inside), up to a verb of the next clause (`宣布`, `完成`: product_stop). A short
/// modifier ending in 的 may stand before the word of novelty (`发表搭载液冷散热的新一代X`:
/// the product is 新一代X). Also after 发表 (Taiwan and Hong Kong usage: 發表新一代X).
fn new_product(s: &SentView, t: &Trig, ce: usize) -> Option<(Range<usize>, String)> {
    if !matches!(s.text.get(t.range.clone()), Some("发布" | "发表")) {
        return None;
    }
    let after = s.text.get(t.range.end..ce)?;
    let mut rest = after.trim_start_matches(['了', ' ']);
    if !NEW_PRODUCT.iter().any(|p| rest.starts_with(p)) {
        rest = novelty_after_modifier(rest)?;
    }
    let start = ce - rest.len();
    // (a verb of the next clause ends it: a headline's clauses are parted by a space only)
    let ce = PRODUCT_STOP
        .iter()
        .filter_map(|w| rest.find(*w))
        .min()
        .map_or(ce, |k| start + k);
    let name = clean_name(s.disp(start..ce));
    let n = name.chars().count();
    if !(4..=24).contains(&n) || name.contains(['、', '和', '及']) {
        return None;
    }
    Some((start..ce, name))
}

/// `搭载液冷散热的新一代X`: the rest from a word of novelty right after a 的 that ends a short
/// modifier (at most 16 characters, no list or quote inside).
fn novelty_after_modifier(rest: &str) -> Option<&str> {
    rest.match_indices('的')
        .take_while(|(k, _)| rest[..*k].chars().count() <= 16)
        .map(|(k, de)| &rest[k + de.len()..])
        .find(|tail| NEW_PRODUCT.iter().any(|p| tail.starts_with(p)))
        .filter(|tail| {
            !rest[..rest.len() - tail.len()].contains(['、', '“', '”', '《', '》', '和', '及'])
        })
}

/// A person before 致辞/演讲 SPOKE_AT the forum in context (or, with none, the signing or
/// ceremony their clause attended — `出席签约仪式并致辞`, `出席仪式并致辞` — or else a Speech event
/// of its own), with the 《…》 title between them.
fn speech(
    doc: &AnnotatedDoc,
    s: &SentView,
    t: &Range<usize>,
    drafts: &mut Drafts,
    st: &mut State,
    here: &mut Vec<usize>,
) {
    let floor = scope_start(s, t.start);
    let (pi, pm, agenda) = match s.within(&[Label::Person], floor..t.start).last() {
        Some((i, m)) => (i, m, false),
        None => match agenda_speaker(s, t) {
            Some((i, m)) => (i, m, true),
            None => return,
        },
    };
    let title = if agenda {
        // the title after the speaker on the agenda line (`…教授X《题目》`)
        s.quotes
            .iter()
            .find(|q| q.book && q.outer.start >= pm.range.end)
            .map(|q| s.title(q.inner.clone()))
    } else {
        s.quotes
            .iter()
            .rfind(|q| q.book && q.outer.start >= pm.range.end && q.outer.end <= t.start)
            .map(|q| s.title(q.inner.clone()))
    };
    // `出席签约仪式并致辞` with no forum in context: the signing attended is where they spoke;
    // `出席仪式并致辞`: the ceremony in context (an establishment's), else the signing.
    let attended = || {
        let signing = here
            .iter()
            .copied()
            .find(|&i| drafts.list[i].kind == EventKind::Signing)
            .or(st.signing);
        if s.trigs_in(pm.range.end..t.start)
            .any(|x| x.kind == Some(EventKind::Signing))
        {
            signing
        } else if s
            .text
            .get(pm.range.end..t.start)
            .is_some_and(|g| g.contains("仪式"))
        {
            st.ceremony.or(signing)
        } else if s
            .text
            .get(pm.range.end..t.start)
            .is_some_and(bare_attendance)
        {
            // `举行签约仪式。A，B出席并讲话`: attending with no object names the event in
            // context — the establishment's ceremony, else the signing.
            st.ceremony.or(signing)
        } else {
            None
        }
    };
    // `A，B出席并讲话。A在讲话中表示…`: a speaker who already spoke at the ceremony or signing
    // in context is telling that same speech.
    let spoke_before = || {
        [st.ceremony, st.signing].into_iter().flatten().find(|&e| {
            drafts.list[e]
                .with_rel(RelType::SpokeAt)
                .any(|i| i == pi || mention_name(doc, i) == pm.name)
        })
    };
    let target = match st.forum.or_else(attended).or_else(spoke_before) {
        Some(f) => f,
        None => {
            let name = match &title {
                Some(x) => x.clone(),
                None => format!("{}{}", pm.name, &s.text[t.clone()]),
            };
            let mut d = dated_draft(EventKind::Speech, name, s, t, SPEECH, false);
            d.location = best_location(s);
            drafts.upsert(d)
        }
    };
    // `A、B出席开幕式并致辞`: everyone listed (、/和/及, titles between) spoke; a titled speech
    // (《…》) has one speaker.
    let mut speakers = vec![(pi, pm)];
    if title.is_none() && !agenda {
        // `A，B省副州长C，D分别作交流发言`: a distributive word before the trigger (分别, 先后,
        // 依次, 相继) makes every person of the list speak, each with their title between, the
        // list joined by 、 or ， right after each name.
        let distributive = s
            .text
            .get(pm.range.end..t.start)
            .is_some_and(|g| DISTRIBUTIVE.iter().any(|w| g.contains(*w)));
        // Without one, the list is joined by 、/和/及 within a clause, or by commas when only
        // the next person's titles stand after each (`总裁A，副总裁B出席开幕式并致辞`).
        let cs = if distributive { s.range.start } else { floor };
        let mut next = pm.range.start;
        let before: Vec<_> = s.within(&[Label::Person], cs..pm.range.start).collect();
        for (i, m) in before.into_iter().rev() {
            let gap = &s.text[m.range.end..next];
            let same_clause = s.clause_start(next) <= m.range.start;
            let listed = (same_clause && gap.contains(['、', '和', '及']))
                || titled_comma_gap(s, m.range.end..next)
                || (distributive
                    && gap.starts_with(['，', ',', '、'])
                    && !gap.contains(['。', '；']));
            if !listed {
                break;
            }
            speakers.push((i, m));
            next = m.range.start;
        }
    }
    for (i, m) in speakers {
        drafts.list[target].add(arg(
            RelType::SpokeAt,
            i,
            Dir::ToEvent,
            RelProps {
                title: title.clone(),
                ..RelProps::default()
            },
            SPEECH,
            s.idx,
            // an agenda line names its speaker after the trigger (`主旨演讲：X`)
            m.range.start.min(t.start)..m.range.end.max(t.end),
        ));
    }
    here.push(target);
}

/// `出席并`, `参加了活动并`: is `gap` (between a speaker and the speech) an attendance verb with
/// no object but 活动 (an optional 了 after it), then 并? The attended event is the one in
/// context.
fn bare_attendance(gap: &str) -> bool {
    ["出席", "参加"].iter().any(|v| {
        gap.strip_prefix(v).is_some_and(|rest| {
            let rest = rest.trim_start_matches('了');
            let rest = rest.strip_prefix("活动").unwrap_or(rest);
            rest == "并"
        })
    })
}

/// `总裁A，副总裁B`: is the text between two people (`r`) a comma followed only by the second
/// one's organizations and titles (joined by 、 or 兼 at most)? Then the comma joins a list of
/// people, not two clauses (`A表示，B…` has a word that is neither).
fn titled_comma_gap(s: &SentView, r: Range<usize>) -> bool {
    let Some(rest) = s.text[r.clone()].strip_prefix(['，', ',']) else {
        return false;
    };
    let mut pos = r.end - rest.len();
    let words = [Label::Role, Label::Organization, Label::Location];
    for (_, m) in s.within(&words, pos..r.end) {
        if m.range.start < pos {
            continue;
        }
        if !s.text[pos..m.range.start]
            .chars()
            .all(|c| matches!(c, '、' | '兼' | ' '))
        {
            return false;
        }
        pos = m.range.end;
    }
    pos == r.end
}

/// `主旨演讲：某大学教授X《题目》`, `开幕致辞：某局局长X`: a speech label opening its line (at most
/// four characters before it) and followed by a colon names its speaker after the colon — the
/// first person of the line.
fn agenda_speaker<'a>(s: &SentView<'a, '_>, t: &Range<usize>) -> Option<(usize, &'a Mention)> {
    if !s.text[t.end..].starts_with(['：', ':']) {
        return None;
    }
    let line_start = s.text[..t.start]
        .rfind('\n')
        .map_or(0, |i| i + 1)
        .max(s.range.start);
    if s.text[line_start..t.start].chars().count() > 4 {
        return None;
    }
    let line_end = s.text[t.end..s.range.end]
        .find('\n')
        .map_or(s.range.end, |i| t.end + i);
    s.within(&[Label::Person], t.end..line_end).next()
}

/// Speech words too common to be triggers (`报告`, `汇报`, `分享`, `介绍`): a speech when a
/// verb of delivering stands between the speaker and the word (`作题为《…》的报告`, `作工作汇报`,
/// `进行主题分享`), or — for `汇报`/`介绍` (list speech_venue_word) — when the sentence places
/// the act at a meeting (`会上，X介绍了…`, `X向与会嘉宾介绍…`) and a forum is in context.
static SOFT_SPEECH: WordList = WordList::new("words_event", "speech_soft");
static SPEECH_VENUE_WORDS: WordList = WordList::new("words_event", "speech_venue_word");
/// Verbs of delivering a speech before a soft speech word (`作`, `做`, `进行`, `带来`).
static SPEECH_DELIVER: WordList = WordList::new("words_event", "speech_deliver");
/// Words that place an act at a meeting (`会上`, `论坛上`, `与会`).
static SPEECH_VENUE: WordList = WordList::new("words_event", "speech_venue");
/// Words between the speaker and a soft speech word that make it no speech of theirs
/// (`听取了工作汇报`, `审议…报告`, `出具…报告`; `据X介绍` is checked apart).
static SPEECH_NOT: WordList = WordList::new("words_event", "speech_not");
/// Verbs that hold a shareholders' or board meeting (`召开`, `举行`).
static MEETING_HELD: WordList = WordList::new("words_event", "meeting_held");

/// `X作题为《…》的报告`, `X作工作汇报`, `会上，X介绍了…`: a speech told by a common word (see
/// [`SOFT_SPEECH`]); read like a trigger by [`speech`]. A sentence with a speech trigger of its
/// own is left to it.
fn soft_speeches(
    doc: &AnnotatedDoc,
    s: &SentView,
    drafts: &mut Drafts,
    st: &mut State,
    here: &mut Vec<usize>,
) {
    // (cheap tests first: a speaker is needed, and most sentences name nobody)
    if s.of(Label::Person).next().is_none()
        || s.trigs.iter().any(|t| t.kind == Some(EventKind::Speech))
    {
        return;
    }
    let body = s.str();
    let Some((k, w)) = SOFT_SPEECH
        .iter()
        .filter_map(|w| body.find(w).map(|k| (k, *w)))
        .min()
    else {
        return;
    };
    let r = s.range.start + k..s.range.start + k + w.len();
    if s.quote_around(&r).is_some() || s.trigs_in(r.clone()).any(|x| x.range.start < r.end) {
        return;
    }
    // (报告期, 报告书: a period and a filing)
    if s.text[r.end..].starts_with(['期', '书']) {
        return;
    }
    let floor = scope_start(s, r.start).max(s.clause_start(r.start));
    let Some((_, pm)) = s.within(&[Label::Person], floor..r.start).last() else {
        return;
    };
    let gap = &s.text[pm.range.end..r.start];
    // (a title in 《》 between them is no verb: `作题为《数据要素研究》的报告`)
    let bare: String = match (gap.find('《'), gap.rfind('》')) {
        (Some(a), Some(b)) if a < b => format!("{}{}", &gap[..a], &gap[b..]),
        _ => gap.to_string(),
    };
    // `据X介绍`: the clause opens with 据 (or 根据) — X is quoted, not speaking.
    let opening = s.text[s.clause_start(pm.range.start)..pm.range.start].trim_start();
    if SPEECH_NOT.iter().any(|x| bare.contains(x))
        || ["据", "據", "根据", "根據"]
            .iter()
            .any(|w| opening.starts_with(w))
    {
        return;
    }
    let delivered = SPEECH_DELIVER.iter().any(|v| {
        gap.match_indices(v).any(|(i, _)| {
            let after = &gap[i + v.len()..];
            // (作为, 作出, 做好: no delivering; the word follows within a short phrase or a
            // titled one)
            !after.starts_with(['为', '出', '好', '用'])
                && (after.chars().count() <= 12 || after.contains('《'))
        })
    });
    let at_meeting = SPEECH_VENUE_WORDS.contains(&w)
        && st.forum.is_some()
        && gap.chars().count() <= 12
        && SPEECH_VENUE
            .iter()
            .any(|v| s.text[s.range.start..r.start].contains(v));
    if delivered || at_meeting {
        speech(doc, s, &r, drafts, st, here);
    }
}

/// A shareholders' or board meeting held by a company (`召开2023年年度股东大会`, `第三届董事会
/// 第十二次会议于6月3日召开`): a Forum named by the company and the meeting, organized by the
/// company, dated and placed by its sentence. It is no forum in context: it hosts nothing.
fn governance_meeting(doc: &AnnotatedDoc, s: &SentView, drafts: &mut Drafts, st: &State) {
    let body = s.str();
    // (every name the pattern reads holds 股东 or 会议: a fast substring test spares the
    // regex most sentences)
    if !(body.contains("股东") || body.contains("会议")) {
        return;
    }
    let Some(m) = GOVERNANCE.find(body) else {
        return;
    };
    let r = s.range.start + m.start()..s.range.start + m.end();
    // held: a holding verb before it in its clause (`召开2024年第一次临时股东大会`) or after it
    // in its sentence (`…会议于6月3日在杭州召开`)
    let cs = s.clause_start(r.start);
    let before = &s.text[cs..r.start];
    let held_before = MEETING_HELD.iter().any(|v| before.contains(v));
    let after = &s.text[r.end..s.range.end];
    let held_after = MEETING_HELD
        .iter()
        .filter_map(|v| after.find(v))
        .min()
        .is_some_and(|k| !after[..k].contains(['，', '。', '；']) || k < 40);
    if !(held_before || held_after) {
        return;
    }
    // The company: the last organization before the meeting in its clause's scope, else the
    // company the document is about.
    let floor = scope_start(s, r.start);
    let org = s
        .within(ORG, floor..r.start)
        .last()
        .map(|(i, _)| i)
        .or(st.announcer.or(st.main_org));
    let Some(o) = org else { return };
    let Some(om) = doc.mentions.get(o) else {
        return;
    };
    let meeting = clean_name(s.disp(r.clone()));
    let name = format!("{}{}", om.name, meeting);
    let mut d = Draft::new(
        EventKind::Forum,
        name,
        s.idx,
        s.paragraph,
        r.clone(),
        GOVERNANCE_MEETING,
    );
    // The date nearest the meeting outside its name (`2023年年度股东大会`: the year it reports
    // on, not its date).
    d.date = s
        .of(Label::Date)
        .filter(|(_, m)| m.range.end <= r.start || m.range.start >= r.end)
        .filter_map(|(_, m)| match &m.attrs {
            Attrs::Time(tv @ TimeValue::Date { .. }) => {
                Some((m.range.start.abs_diff(r.start), tv.clone()))
            }
            _ => None,
        })
        .min_by_key(|(k, _)| *k)
        .map(|(_, tv)| tv);
    d.location = best_location(s);
    d.add(to_event(
        RelType::Organized,
        o,
        GOVERNANCE_MEETING,
        s.idx,
        om.range.start.min(r.start)..r.end.max(om.range.end),
    ));
    drafts.upsert(d);
}

/// The name of a shareholders' or board meeting: a qualified shareholders' meeting
/// (`2023年年度股东大会`, `2024年第一次临时股东大会`, `2024年度第二次临时股东大会`, `临时股东会`)
/// or a numbered board or
/// supervisory board meeting (`第三届董事会第十二次会议`, `董事会2024年第二次临时会议`).
static GOVERNANCE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    let n = "[0-9一二三四五六七八九十百零〇]+";
    let pat = format!(
        "(?:[0-9]{{4}} ?年 ?(?:度 ?)?)?(?:年度|第{n}次临时|第{n}次|临时)股东(?:大)?会|(?:第{n}届)?(?:董事会|监事会)(?:[0-9]{{4}} ?年 ?)?第{n}次(?:临时)?会议"
    );
    regex::Regex::new(&pat).expect("governance meeting pattern is valid")
});

/// Quote and book-title marks: they frame a name, they are no part of it.
const QUOTE_MARKS: &str = "“”「」『』《》\"";

/// Words that distribute a speech over the people listed before it (`分别作交流发言`).
static DISTRIBUTIVE: WordList = WordList::new("words_event", "distributive");

/// The agent before a trigger: the last organization (or person) in scope that is not the
/// object of 对/向/与/被 and not an affiliation prefix of a person, else an anaphor.
fn agent(
    s: &SentView,
    st: &State,
    floor: usize,
    t: &Range<usize>,
    labels: &[Label],
) -> Option<(usize, Range<usize>)> {
    let mut best: Option<(usize, Range<usize>)> = None;
    for (i, m) in s.within(labels, floor..t.start) {
        if marker(s, m).contains(['对', '向', '被', '从', '由', '获']) {
            continue;
        }
        best = Some((i, m.range.clone()));
    }
    let ana = anaphors(s, st, floor..t.start).into_iter().last();
    match (best, ana) {
        (Some(b), Some(a)) if a.1.start > b.1.end => Some(a),
        (Some(b), _) => Some(b),
        (None, Some(a)) => Some(a),
        (None, None) => report_subject(s, t.start).or_else(|| topic(s, t.start)),
    }
}

/// The object after a trigger in its clause, or `对X`/`向X` before it.
fn object(s: &SentView, floor: usize, t: &Range<usize>) -> Option<(usize, Range<usize>)> {
    let ce = s.clause_end(t.end);
    if let Some((i, m)) = s.within(ORG, t.end..ce).next() {
        return Some((i, m.range.clone()));
    }
    s.within(ORG, floor..t.start)
        .filter(|(_, m)| marker(s, m).contains(['对', '向']))
        .last()
        .map(|(i, m)| (i, m.range.clone()))
}

/// A readable name from the text: the noun phrase ending in the trigger if it is longer than
/// the trigger, else `fallback`.
fn phrase_name(s: &SentView, t: &Range<usize>, floor: usize, fallback: String) -> String {
    let start = s.name_start_with(t.start, floor, false);
    let name = clean_name(s.disp(start..t.end));
    if name.chars().count() > s.text[t.clone()].chars().count() && name.chars().count() <= 20 {
        name
    } else {
        fallback
    }
}

/// Do two party names name the same party: equal, or one the start of the other and at least
/// two characters long (`滨江新区` and `滨江新区管委会`, `华为` and `华为技术有限公司`)?
fn same_party(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long || (short.chars().count() >= 2 && long.starts_with(short))
}

fn mention_name(doc: &AnnotatedDoc, i: usize) -> String {
    doc.mentions
        .get(i)
        .map(|m| m.name.clone())
        .unwrap_or_default()
}

/// Does a determiner right before the trigger (`本次`, `此次`, `该`, `上述`: words_event.txt
/// attended_determiner) refer back to a deal of one of `kinds` the document has already told,
/// with no organization of its own before the verb in the clause?
fn refers_back(s: &SentView, t: &Trig, drafts: &Drafts, kinds: &[EventKind]) -> bool {
    let cs = s.clause_start(t.range.start);
    let before_trig = s.text[cs..t.range.start].trim_end();
    ATTENDED_DETERMINERS
        .iter()
        .any(|d| before_trig.ends_with(d) && *d != "现场")
        && s.within(ORG, cs..t.range.start).next().is_none()
        && drafts.list.iter().any(|d| kinds.contains(&d.kind))
}

/// Words that tell a deal as background (`曾`, `此前`, `先后`: words_event.txt list=background).
static BACKGROUND: WordList = WordList::new("words_event", "background");

/// `X曾投资A、B等公司`, `A也曾获得其投资`, `X先后投资了A和B`, `X已投资A、B等企业`: a background
/// word before the investment or financing word in its clause (not inside a name: 曾 is a
/// surname), with no amount, no date and no round in the clause, tells a portfolio or a past deal as
/// background — no event. A past round with its amount or date (`曾于2021年获得天使轮融资`,
/// `此前曾获得A 5000万元天使轮投资`) is still one.
fn background(s: &SentView, t: &Trig) -> bool {
    let cs = s.clause_start(t.range.start);
    let ce = s.clause_end(t.range.end);
    let before = &s.text[cs..t.range.start];
    let named = |k: usize, w: &str| {
        s.within(&[Label::Person, Label::Organization], cs..ce)
            .any(|(_, m)| m.range.start <= cs + k && cs + k + w.len() <= m.range.end)
    };
    let told = BACKGROUND
        .iter()
        .any(|w| before.match_indices(*w).any(|(k, _)| !named(k, w)))
        || (before.ends_with('已') && s.text[t.range.end..ce].contains('等'));
    // (a named round, `此前完成B轮融资`, is as specific as an amount)
    told && !s.text[cs..ce].contains('轮')
        && s.within(&[Label::Amount, Label::Date], cs..ce)
            .next()
            .is_none()
}

/// `A对B投资/出资/增资 X亿元`: INVESTED (A), TARGET_OF (B), HAS_AMOUNT.
fn investment(
    doc: &AnnotatedDoc,
    s: &SentView,
    t: &Trig,
    drafts: &mut Drafts,
    st: &mut State,
) -> Option<usize> {
    if generic(s, &t.range, EventKind::Investment) || background(s, t) {
        return None;
    }
    let floor = scope_start(s, t.range.start);
    let ce = s.clause_end(t.range.end);
    // `由A投资的…轮融资`: part of the financing that follows.
    if s.trigs_in(t.range.end..ce)
        .any(|x| x.kind == Some(EventKind::Financing) && x.range.end <= ce)
    {
        return None;
    }
    // `对A和B等科技公司的投资减记`, `投资损失`: a loss or write-down of past investments is
    // a figure of the investor's results, no investment made.
    if WRITE_DOWN.iter().any(|w| {
        s.text[t.range.end..ce]
            .trim_start_matches('的')
            .starts_with(w)
    }) {
        return None;
    }
    // `A与B共同出资设立C`: money put into founding C is told by the establishment (A and B
    // ESTABLISHED, its registered capital HAS_AMOUNT), no investment of its own.
    if FOUNDING_VERBS
        .iter()
        .any(|v| s.text[t.range.end..].starts_with(v))
    {
        return None;
    }
    // `B获A投资`: a financing of B.
    if let Some(i) = received(doc, s, t, floor, drafts, st) {
        return Some(i);
    }
    // `项目总投资18亿元`, `签约项目12个，总投资86.5亿元`: a total investment is the size of
    // projects; only an agent in the trigger's own clause, with no 项目 between it and 总,
    // invests it (`A总投资5亿元建设X`).
    let cs = s.clause_start(t.range.start);
    let total = s.text[cs..t.range.start].ends_with('总');
    if total && s.text[cs..t.range.start].contains("项目") {
        return None;
    }
    // `三家企业与市府签约，预计投资…`: the counterparty after 与 in an earlier clause is not
    // who invests. Nor is a party of an earlier item of a ；-list (`A与B签署协议；C与D签约X项目，
    // 投资额约12亿元`): each item tells its own deal.
    let inv = agent(s, st, floor, &t.range, PARTY).filter(|(i, r)| {
        s.clause_start(r.start) == cs
            || !total
                && !s.text[r.end..t.range.start].contains('；')
                && doc
                    .mentions
                    .get(*i)
                    .is_none_or(|m| !marker(s, m).contains(['与', '和']))
    });
    // `双方签署备忘录，将共同投资约18亿元`: 双方 are the organizations of the signing in
    // context, and both invest.
    // (`…共同投资…，其中A出资占比51%`: 其中 singles out one of them)
    let both = if s.text[s.clause_start(t.range.start)..t.range.start].starts_with("其中") {
        Vec::new()
    } else {
        joint_investors(doc, s, drafts, st, floor, &t.range)
    };
    let inv = match (both.first(), inv) {
        (Some(b), _) => Some(b.clone()),
        (None, x) => x,
    };
    // `X项目，由A投资建设`: 由 right before the verb marks who invests (session 25) — not in a
    // sentence that tells a financing (`完成A轮融资，由B投资`: B is its investor).
    let inv = inv.or_else(|| {
        if s.trigs.iter().any(|x| x.kind == Some(EventKind::Financing)) {
            return None;
        }
        s.within(PARTY, cs..t.range.start)
            .last()
            .filter(|(_, m)| {
                s.text[m.range.end..t.range.start].is_empty()
                    && s.text[cs..m.range.start].trim_end().ends_with('由')
            })
            .map(|(i, m)| (i, m.range.clone()))
    });
    let obj = object(s, floor, &t.range).filter(|o| inv.as_ref().is_none_or(|a| a.0 != o.0));
    let ce = s.clause_end(t.range.end);
    let has_amount = s
        .of(Label::Amount)
        .any(|(_, m)| m.range.start >= cs && m.range.start < ce.max(s.range.end));
    let mut inv = inv?;
    // `签署中国—东盟X项目合作协议，投资额约60亿元`: an organization named inside an agreement
    // (after the signing verb, before the agreement word of its clause) is part of the
    // agreement's name, not who invests; the amount is the signing's.
    if in_agreement_name(s, &inv.1) {
        return None;
    }
    // `X董事长A表示，此次入股B…`: a person who only reports the investment speaks for the
    // organization that titles them; without one, nobody is said to invest.
    if doc
        .mentions
        .get(inv.0)
        .is_some_and(|m| m.label == Label::Person)
        && s.cues_in("report", inv.1.end..t.range.start)
            .next()
            .is_some()
    {
        inv.0 = titled_org(doc, s, inv.0, &[])?;
    }
    // `B总经理C指出，本次投资是B布局…`: 本次/此次 refers back to an investment told before;
    // when none was found, the person speaking of it invests in nothing.
    if doc
        .mentions
        .get(inv.0)
        .is_some_and(|m| m.label == Label::Person)
        && ["本次", "此次", "该次"]
            .iter()
            .any(|w| s.text[cs..t.range.start].ends_with(w))
    {
        return None;
    }
    // `X宣布完成增资扩股，引入战略投资者Y`: the company completing its own capital increase
    // raises money (a financing of X, Y invests), it invests in nobody.
    if obj.is_none()
        && s.text[t.range.clone()].starts_with("增资")
        && s.text[cs..t.range.start].trim_end().ends_with("完成")
        && doc
            .mentions
            .get(inv.0)
            .is_some_and(|m| m.label == Label::Organization)
    {
        return Some(capital_increase(doc, s, t, inv, drafts));
    }
    // `老股东X同步追加投资2亿元` after a financing of the paragraph: an old shareholder
    // following on in that round is one of its investors, not an investment of its own.
    // (a financing told in the headline keeps the headline's sentence: its latest sentence
    // is that of its last argument)
    let last_sentence = |f: usize| {
        let d = &drafts.list[f];
        d.args
            .iter()
            .map(|a| a.sentence)
            .max()
            .unwrap_or(d.sentence)
    };
    let recent_financing = st
        .financing
        .filter(|&f| drafts.list[f].paragraph == s.paragraph || s.idx <= last_sentence(f) + 2);
    // `…完成增资扩股…，本次增资金额为12亿元`: 本次/此次 before the verb is the financing this
    // sentence has just told, not a new investment.
    if let Some(f) = recent_financing.filter(|&f| last_sentence(f) == s.idx)
        && ["本次", "此次", "该次"]
            .iter()
            .any(|w| s.text[cs..t.range.start].ends_with(w))
    {
        return Some(f);
    }
    // `B總經理C指出，本次投資是B布局…的重要一步`: the investment the document has told,
    // spoken of again; the person and company around it make no new one.
    if refers_back(s, t, drafts, &[EventKind::Investment, EventKind::Financing]) {
        return None;
    }
    if let Some(f) = recent_financing
        && ["老股东", "原股东", "现有股东"]
            .iter()
            .any(|w| s.text[cs..inv.1.start.max(cs)].contains(w))
    {
        let props = RelProps {
            lead: Some(false),
            ..RelProps::default()
        };
        drafts.list[f].add(arg(
            RelType::Invested,
            inv.0,
            Dir::ToEvent,
            props,
            FINANCING_INVESTOR,
            s.idx,
            span(&inv.1, &t.range),
        ));
        return Some(f);
    }
    let mut obj = obj;
    // `其中，A认缴出资15亿元`: a subscription with no object in a document that set up an
    // organization (a fund) subscribes to that organization.
    if obj.is_none()
        && (s.text[s.clause_start(t.range.start)..t.range.end].contains("缴出资")
            || s.text[s.clause_start(t.range.start)..t.range.start].starts_with("其中"))
        && let Some(f) = st.founded.filter(|f| *f != inv.0)
    {
        obj = Some((f, t.range.clone()));
    }
    // `通过子公司X增资案`: a subsidiary before 增资 receives the capital; its parent (named
    // before the descriptor, else the company the document is about) puts it in.
    if obj.is_none() && &s.text[t.range.clone()] == "增资" {
        let before = s.text.get(floor..inv.1.start).unwrap_or("").trim_end();
        if ["子公司", "孙公司", "附属公司"]
            .iter()
            .any(|w| before.ends_with(w))
        {
            let parent = s
                .within(ORG, floor..inv.1.start)
                .filter(|(_, m)| subsidiary_gap(s.text.get(m.range.end..inv.1.start).unwrap_or("")))
                .last()
                .map(|(i, m)| (i, m.range.clone()))
                .or_else(|| st.announcer.or(st.main_org).map(|i| (i, inv.1.clone())))
                .filter(|(i, _)| mention_name(doc, *i) != mention_name(doc, inv.0))?;
            obj = Some(std::mem::replace(&mut inv, parent));
        }
    }
    // `X完成12亿元私募，A、B参与认购`: joining a subscription with no object of its own is a
    // part in the offering told before; the offering's amount is no investment of A's.
    if obj.is_none()
        && JOINED_SUBSCRIPTION
            .iter()
            .any(|w| s.text[cs..t.range.start].trim_end().ends_with(w))
    {
        return None;
    }
    if obj.is_none() && !has_amount {
        return None;
    }
    // `A以3亿元认购B的股份，认购完成后将持有B 9%股权`: the second 认购 has B (its object)
    // as its only candidate investor — a company does not invest in itself.
    if obj
        .as_ref()
        .is_some_and(|(o, _)| mention_name(doc, *o) == mention_name(doc, inv.0))
    {
        return None;
    }
    let trig = s.text[t.range.clone()].to_string();
    let fallback = match &obj {
        Some((o, _)) => format!(
            "{}{}{}",
            mention_name(doc, inv.0),
            trig,
            mention_name(doc, *o)
        ),
        None => format!("{}{}", mention_name(doc, inv.0), trig),
    };
    let name = phrase_name(s, &t.range, inv.1.end, fallback.clone());
    // `以货币出资`, `以自有资金投资`: a phrase of the means (以…) names no deal.
    let name = if name.starts_with('以') {
        fallback.clone()
    } else {
        name
    };
    // `A认缴出资15亿元，B认缴出资20亿元`: a bare verb phrase names no deal of its own; each
    // investor's commitment is one event (not one merged `认缴出资`).
    // (joint investors: `A、B联合投资X` is named by the first of them and the object)
    let name = if name.chars().count() > 4 {
        name
    } else if both.is_empty() || obj.is_none() {
        format!("{}{}", mention_name(doc, inv.0), name)
    } else {
        fallback
    };
    // `双方将共建“X算力中心”，总投资约30亿元`: a total's clause right after a quoted project
    // is the size of that project, which names the investment (not its investor's name).
    let name = if total && obj.is_none() {
        quoted_project_before(s, cs).unwrap_or(name)
    } else if obj.is_none() && name.starts_with(&mention_name(doc, inv.0)) {
        // `A投资20亿元在合肥建设X产业园项目`: an investment named after its investor only is
        // named after the project it builds, when its clause names one.
        project_built(s, t.range.end).unwrap_or(name)
    } else {
        name
    };
    let mut d = dated_draft(EventKind::Investment, name, s, &t.range, INVESTMENT, true);
    for (i, r) in std::iter::once(&inv).chain(both.iter().skip(1)) {
        d.add(to_event(
            RelType::Invested,
            *i,
            INVESTMENT,
            s.idx,
            span(r, &t.range),
        ));
    }
    if let Some((o, r)) = obj {
        d.add(to_event(
            RelType::TargetOf,
            o,
            INVESTMENT,
            s.idx,
            span(&r, &t.range),
        ));
    }
    amounts(s, &t.range, &mut d, EventKind::Investment, AMOUNT);
    Some(drafts.upsert(d))
}

/// Verbs of building a project after an investing verb (`投资20亿元建设X项目`).
const BUILD_VERBS: [&str; 6] = ["建设", "新建", "投建", "兴建", "扩建", "打造"];
/// Heads of a project noun phrase (`X产业园项目`, `X生产基地`).
const PROJECT_HEADS: [&str; 6] = ["项目", "基地", "产业园", "工厂", "生产线", "研发中心"];

/// `投资20亿元在合肥建设新能源汽车零部件产业园项目`: the project noun phrase after the first
/// building verb in the clause of byte `from`, ending in a project head that closes the clause,
/// two to twenty-four characters before its head; no list (`、和与及等`), no count (`3个项目`),
/// no quote, bracket or 的 inside.
fn project_built(s: &SentView, from: usize) -> Option<String> {
    let ce = s.clause_end(from);
    let rest = s.text.get(from..ce)?;
    let (vi, v) = BUILD_VERBS
        .iter()
        .filter_map(|v| rest.find(v).map(|i| (i, *v)))
        .min_by_key(|(i, _)| *i)?;
    let obj_from = vi + v.len();
    let obj = &rest[obj_from..];
    let lead = obj.len() - obj.trim_start_matches([' ', '了']).len();
    let obj = &obj[lead..];
    let end = PROJECT_HEADS
        .iter()
        .filter_map(|h| obj.rfind(h).map(|i| i + h.len()))
        .max()?;
    // (the head closes the clause: `建设智慧工厂示范线` ends in no head)
    if !obj[end..].trim().is_empty() {
        return None;
    }
    let phrase = &obj[..end];
    let head_len = PROJECT_HEADS
        .iter()
        .filter(|h| phrase.ends_with(*h))
        .map(|h| h.len())
        .max()
        .unwrap_or(0);
    let n = phrase[..phrase.len() - head_len].chars().count();
    if !(2..=24).contains(&n)
        || phrase.contains([
            '、', '和', '与', '及', '等', '“', '”', '《', '》', '（', '(', '的',
        ])
        || counted(phrase)
        || phrase.starts_with(['一', '个', '座', '该', '此', '其'])
    {
        return None;
    }
    let at = from + obj_from + lead;
    Some(clean_name(s.disp(at..at + end)))
}

/// The project quoted at the end of the clause before byte `cs` (a clause start) of the
/// sentence: `共建“星岚智算中心”，` or `“星岚智算中心”项目，` gives `星岚智算中心` (with `项目` when
/// written after the quote). Four to twenty-four characters, no clause break or quote inside;
/// the quote must close the clause (`以“X”为主题，` names no project).
fn quoted_project_before(s: &SentView, cs: usize) -> Option<String> {
    let before = s.text.get(s.range.start..cs)?;
    let before = before.trim_end_matches(['，', ',', ' ', '\u{3000}']);
    if before.len() == s.text.get(s.range.start..cs)?.len() {
        return None;
    }
    let (before, project) = match before.strip_suffix("项目") {
        Some(b) => (b, "项目"),
        None => (before, ""),
    };
    let inner = before.strip_suffix('”')?;
    let open = inner.rfind('“')?;
    let name = &inner[open + '“'.len_utf8()..];
    let n = name.chars().count();
    if !(4..=24).contains(&n) || name.contains(['，', ',', '。', '；', '“', '”', '、']) {
        return None;
    }
    Some(format!("{name}{project}"))
}

/// The RAISED argument of a financing: the raiser, with evidence from its name to the trigger.
fn raised(raiser: &(usize, Range<usize>), s: &SentView, t: &Trig) -> Arg {
    to_event(
        RelType::Raised,
        raiser.0,
        FINANCING,
        s.idx,
        span(&raiser.1, &t.range),
    )
}

/// `A宣布完成增资扩股，引入战略投资者B，本次增资金额为12亿元`: A's financing (named as
/// event.financing names one without a round, so a headline `A获12亿元战略投资` is the same
/// event), with the organizations after an investors cue (引入战略投资者, 投资方为 …) as its
/// investors and the sentence's amounts.
fn capital_increase(
    doc: &AnnotatedDoc,
    s: &SentView,
    t: &Trig,
    raiser: (usize, Range<usize>),
    drafts: &mut Drafts,
) -> usize {
    let mut d = dated_draft(
        EventKind::Financing,
        format!("{}融资", mention_name(doc, raiser.0)),
        s,
        &t.range,
        FINANCING,
        false,
    );
    d.add(raised(&raiser, s, t));
    listed_investors(s, t, &mut d);
    amounts(s, &t.range, &mut d, EventKind::Financing, AMOUNT);
    drafts.upsert(d)
}

/// `双方…共同投资` / `双方将共同设立`: with a `双方`-type cue before the trigger in its scope
/// and the signing in context signed by two or more organizations, those organizations
/// (distinct names, each with the cue's range as evidence) invest or set up together; else
/// nothing.
fn joint_investors(
    doc: &AnnotatedDoc,
    s: &SentView,
    drafts: &Drafts,
    st: &State,
    floor: usize,
    t: &Range<usize>,
) -> Vec<(usize, Range<usize>)> {
    let Some(cue) = s.cues_in("both", floor..t.start).last() else {
        let joined = joined_subjects(s, floor, t);
        return match together_cue(s, floor, t) {
            Some(cue) if joined.is_empty() => signing_orgs(doc, drafts, st, &cue),
            _ if joined.is_empty() => company_with(doc, s, st, floor, t),
            _ => joined,
        };
    };
    signing_orgs(doc, drafts, st, &cue.range)
}

/// The organizations that signed the signing in context (distinct names, each with `cue` as
/// evidence) when there are two or more of them, else none.
fn signing_orgs(
    doc: &AnnotatedDoc,
    drafts: &Drafts,
    st: &State,
    cue: &Range<usize>,
) -> Vec<(usize, Range<usize>)> {
    let mut names: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for i in last_parties(drafts, st) {
        let Some(m) = doc.mentions.get(i) else {
            continue;
        };
        if m.label == Label::Organization && !names.contains(&m.name) {
            names.push(m.name.clone());
            out.push((i, cue.clone()));
        }
    }
    if out.len() < 2 {
        out.clear();
    }
    out
}

/// `A与B、C签署合伙协议，共同发起设立X`: a clause with no organization of its own that opens
/// with 共同/联合 (after 将/拟/已/还/均/也/并) right after a signing of the same scope: the
/// cue word, whose signing's organizations (two or more distinct names) act together.
fn together_cue(s: &SentView, floor: usize, t: &Range<usize>) -> Option<Range<usize>> {
    let cs = s.clause_start(t.start).max(floor);
    let head = &s.text[cs..t.start];
    let opened =
        head.trim_start_matches(|c: char| c.is_whitespace() || "将拟已还均也并".contains(c));
    let w = ["共同", "联合"].iter().find(|w| opened.starts_with(**w))?;
    let signed_before = s
        .trigs_in(floor..cs)
        .any(|x| x.kind == Some(EventKind::Signing));
    if !signed_before || s.within(ORG, cs..t.start).next().is_some() {
        return None;
    }
    let at = t.start - opened.len();
    Some(at..at + w.len())
}

/// `A与B共同出资设立C`, `A、B联合投资X`: organizations of the verb's clause joined by
/// 与/和/同/及/、 (or 联合/携手: `A联合B共同发起设立C`) right before 共同/联合/携手 (only
/// 将/拟/已/还/均/也/于…日 fillers after the last one may stand before the cue) act together:
/// all of them (two or more distinct names), else none.
fn joined_subjects(s: &SentView, floor: usize, t: &Range<usize>) -> Vec<(usize, Range<usize>)> {
    let cs = s.clause_start(t.start).max(floor);
    // (an alias defined in brackets, `A（以下简称“X”）联合B`, is no member of the list)
    let orgs: Vec<(usize, &Mention)> = s
        .within(ORG, cs..t.start)
        .filter(|(_, m)| paren_depth(&s.text[cs..m.range.start]) == 0)
        .collect();
    let Some((_, last)) = orgs.last() else {
        return Vec::new();
    };
    let gap = &s.text[last.range.end..t.start];
    // (a trigger that opens with the cue, `共同设立`, has it right after the gap)
    let in_trigger = ["共同", "联合", "携手"]
        .iter()
        .any(|w| s.text[t.clone()].starts_with(w));
    let Some(k) = ["共同", "联合", "携手"]
        .iter()
        .filter_map(|w| gap.find(w))
        .min()
        .or(in_trigger.then_some(gap.len()))
    else {
        return Vec::new();
    };
    if !gap[..k]
        .chars()
        .all(|c| c.is_whitespace() || "将拟已还均也".contains(c))
    {
        return Vec::new();
    }
    // Walk back over the list joined to the last organization.
    let mut out: Vec<(usize, Range<usize>)> = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    for (j, (i, m)) in orgs.iter().enumerate().rev() {
        if j + 1 < orgs.len() {
            let joiner = outside_parens(&s.text[m.range.end..orgs[j + 1].1.range.start]);
            if !matches!(
                joiner.trim(),
                "与" | "和" | "同" | "及" | "、" | "以及" | "联合" | "携手"
            ) {
                break;
            }
        }
        if !names.contains(&m.name.as_str()) {
            names.push(&m.name);
            out.push((*i, m.range.clone()));
        }
    }
    if out.len() < 2 {
        return Vec::new();
    }
    out.reverse();
    out
}

/// `公司拟与A共同设立X基金`: a bare 公司/本公司 (the company the article is about) joined by
/// 与/和/同 to the one organization of the verb's clause, right before 共同/联合/携手 (fillers
/// 将/拟/已/还/均/也 allowed around): both act together (event.establishment_joint,
/// event.investment_joint). Two distinct names, else none (session 24).
fn company_with(
    doc: &AnnotatedDoc,
    s: &SentView,
    st: &State,
    floor: usize,
    t: &Range<usize>,
) -> Vec<(usize, Range<usize>)> {
    const FILL: &str = "将拟已还均也";
    let cs = s.clause_start(t.start).max(floor);
    let orgs: Vec<(usize, &Mention)> = s.within(ORG, cs..t.start).collect();
    let [(j, m)] = orgs[..] else {
        return Vec::new();
    };
    let gap = s.text[m.range.end..t.start].trim_start_matches(|c: char| FILL.contains(c));
    let cue = ["共同", "联合", "携手"];
    if !(cue.iter().any(|w| gap.starts_with(w))
        || (gap.is_empty() && cue.iter().any(|w| s.text[t.clone()].starts_with(w))))
    {
        return Vec::new();
    }
    let Some(head) = s.text[cs..m.range.start]
        .strip_suffix(['与', '和', '同'])
        .map(|h| h.trim_end_matches(|c: char| FILL.contains(c)))
    else {
        return Vec::new();
    };
    let end = cs + head.len();
    let Some(own) = anaphors(s, st, cs..end)
        .into_iter()
        .find(|(_, r)| r.end == end && matches!(&s.text[r.clone()], "公司" | "本公司"))
    else {
        return Vec::new();
    };
    if mention_name(doc, own.0) == m.name {
        return Vec::new();
    }
    vec![own, (j, m.range.clone())]
}

/// How many brackets (`（`, `(`) are open at the end of `text`.
fn paren_depth(text: &str) -> usize {
    text.chars().fold(0, paren_depth_step)
}

/// One step of [`paren_depth`].
fn paren_depth_step(d: usize, c: char) -> usize {
    match c {
        '（' | '(' => d + 1,
        '）' | ')' => d.saturating_sub(1),
        _ => d,
    }
}

/// `B获A投资` / `B获得A的战略投资`: RAISED (B), INVESTED (A).
fn received(
    doc: &AnnotatedDoc,
    s: &SentView,
    t: &Trig,
    floor: usize,
    drafts: &mut Drafts,
    st: &State,
) -> Option<usize> {
    let cs = s.clause_start(t.range.start).max(floor);
    let before = &s.text[cs..t.range.start];
    let g = before.rfind('获')?;
    let at = cs + g;
    // `X成立于2020年，…，此前曾获得A 5000万元天使轮投资`: with no organization before 获 in
    // its clause, the unmarked subject the scope opens with receives it — only for what is
    // plainly a round (a round or an amount between 获 and the verb; `获委任为…投资委员会委员`
    // is none).
    let plainly_round = s.text[at..t.range.start].contains('轮')
        || s.within(&[Label::Amount], at..t.range.start)
            .next()
            .is_some();
    // `A宣布获得B的战略投资`: the reporting verb cut the scope right before 获; its subject
    // receives.
    let announced = || {
        s.text[cs..at]
            .trim()
            .is_empty()
            .then(|| report_subject(s, t.range.start))
            .flatten()
            .and_then(|(i, _)| doc.mentions.get(i).map(|m| (i, m)))
            .filter(|(_, m)| m.label == Label::Organization)
    };
    // (`X将从A和B获得3000万美元的投资`: A and B, after 从, put the money in)
    if cumulative(&s.text[cs..at]) {
        return None;
    }
    let giver = |m: &Mention| s.text[cs..m.range.start].contains('从');
    let (ri, rm) = s
        .within(ORG, cs..at)
        .filter(|(_, m)| !giver(m))
        .last()
        .or_else(announced)
        .or_else(|| {
            if !plainly_round {
                return None;
            }
            s.within(ORG, floor..cs).find(|(_, m)| {
                !marker(s, m).contains(['对', '向', '被', '从', '由', '获', '与', '和'])
                    && !super::slots::byline(s.text, m.range.start)
            })
        })
        .or_else(|| {
            // `公司曾先后完成四轮融资：2019年获得A 5000万元A轮投资`: a bare 公司 opening the
            // scope is the company the article is about (for a plain round only).
            if !plainly_round {
                return None;
            }
            s.cues_in("anaphor", floor..at)
                .find(|c| matches!(&s.text[c.range.clone()], "公司" | "本公司"))?;
            let i = st.announcer.or(st.main_org)?;
            doc.mentions.get(i).map(|m| (i, m))
        })?;
    let investors: Vec<(usize, &Mention)> = s
        .within(PARTY, at..t.range.start)
        .chain(s.within(PARTY, cs..at).filter(|(_, m)| giver(m)))
        .collect();
    // (named by its round as event.financing names one: `X A轮融资`)
    let name = match round(s, &t.range) {
        Some(r) => format!("{}{r}轮融资", rm.name),
        None => format!("{}融资", rm.name),
    };
    let mut d = Draft::new(
        EventKind::Financing,
        name,
        s.idx,
        s.paragraph,
        t.range.clone(),
        FINANCING,
    );
    d.date = best_date(s, t.range.start, false);
    d.add(to_event(
        RelType::Raised,
        ri,
        FINANCING,
        s.idx,
        span(&rm.range, &t.range),
    ));
    for (i, m) in investors {
        d.add(to_event(
            RelType::Invested,
            i,
            FINANCING_INVESTOR,
            s.idx,
            span(&m.range, &t.range),
        ));
    }
    // `X获得3亿元战略投资，投资方为A及B`: the investors a cue lists after it (session 25)
    listed_investors(s, t, &mut d);
    amounts(s, &t.range, &mut d, EventKind::Financing, AMOUNT);
    Some(drafts.upsert(d))
}

/// Verbs of speaking about something (`指出`, `认为`): a person before one comments on a
/// signing told after it, they do not sign it.
static SPEAKING: WordList = WordList::new("words_event", "speaking");

/// Words that make a financing word a running total (`累计融资额`, `已累计完成…融资`).
static CUMULATIVE: WordList = WordList::new("words_event", "cumulative");

/// Words of a statistic over many deals (`同比`, `单笔`, `多在`): a financing word in their
/// clause tells a market figure, no financing.
static STATISTIC: WordList = WordList::new("words_event", "statistic");

/// Verbs that join an offering told elsewhere right before 认购 (`A、B参与认购`).
static JOINED_SUBSCRIPTION: WordList = WordList::new("words_event", "joined_subscription");

/// Does `before` (a clause up to a financing word) tell a running total over rounds?
fn cumulative(before: &str) -> bool {
    CUMULATIVE.iter().any(|w| before.contains(w))
}

/// Does `gap` (a clause up to an organization) hold a receiving 获 (获得, 获, 获投 — not
/// 获悉/获知/获奖/获批/获准/获评/获选/获颁, which receive no money)?
fn receives_before(gap: &str) -> bool {
    gap.match_indices('获').any(|(i, c)| {
        !gap[i + c.len()..].starts_with(['悉', '知', '奖', '批', '准', '评', '选', '颁'])
    })
}

/// The round before 轮 in `完成B轮融资` (`Pre-A`, `C+`, `天使`), if any.
fn round(s: &SentView, t: &Range<usize>) -> Option<String> {
    let cs = s.clause_start(t.start);
    let before = &s.text[cs..t.start];
    let i = before.rfind('轮')?;
    let head = &before[..i];
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| {
            c.is_ascii_alphanumeric()
                || matches!(
                    c,
                    '+' | '-' | ' ' | '天' | '使' | '种' | '子' | '战' | '略' | '新' | '一'
                )
        })
        .last()
        .map(|(j, _)| j)?;
    let r: String = head[start..]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    (!r.is_empty()).then_some(r)
}

/// Words of a listing or a securities issue (`上市公司` and `非上市` aside).
/// (A private placement, `定增`, or a bond is a financing: not listed here.)
static LISTING_WORDS: WordList = WordList::new("words_event", "listing");

/// Does the sentence speak of a listing or a securities issue?
fn listing(sentence: &str) -> bool {
    let t = sentence.replace("上市公司", "").replace("非上市", "");
    LISTING_WORDS.iter().any(|w| t.contains(w))
}

fn financing(
    doc: &AnnotatedDoc,
    s: &SentView,
    t: &Trig,
    drafts: &mut Drafts,
    st: &mut State,
) -> Option<usize> {
    if generic(s, &t.range, EventKind::Financing) || background(s, t) {
        return None;
    }
    let floor = scope_start(s, t.range.start);
    let cs = s.clause_start(t.range.start);
    let ce = s.clause_end(t.range.end);
    // `为子公司X向银行融资5亿元提供担保`: a guarantee of another's borrowing (为 before the
    // financing word, 担保 after it in its clause), no round raised.
    if s.text[cs..t.range.start].contains('为') && s.text[t.range.end..ce].contains("担保") {
        return None;
    }
    let bond = t.class() == "bond";
    // `已完成根據一般授權配售新股份`: a placing of new shares (Hong Kong filings) raises money
    // for the company that places them — a financing by itself, with or without a round.
    let placing = t.class() == "placing";
    // `X获投2.5亿美元D轮融资`: a financing word whose clause names the round after it (at a
    // second financing word) is that round: both words tell one financing.
    let rnd = round(s, &t.range).or_else(|| {
        (!bond)
            .then(|| {
                s.trigs_in(t.range.end..ce)
                    .filter(|x| x.kind == Some(EventKind::Financing) && x.class() != "bond")
                    .find_map(|x| round(s, &x.range))
            })
            .flatten()
    });
    let has_amount = s
        .of(Label::Amount)
        .any(|(_, m)| m.range.start >= cs && m.range.end <= ce);
    let lead = s.has_cue("lead", s.range.clone()) || s.has_cue("follow", s.range.clone());
    let before = &s.text[cs..t.range.start];
    // `完成/获得…融资`, `发行…融资券`: said to happen.
    let done = if bond {
        before.contains("发行")
    } else {
        placing || before.contains("完成") || before.contains("获得") || before.contains("获")
    };
    // A bond issue may give its amount in a later clause (`拟发行…融资券，拟发行金额为6亿元`).
    let bond_amount = has_amount
        || s.of(Label::Amount)
            .any(|(_, m)| m.range.start >= t.range.end);
    if bond && !(done && bond_amount) {
        return None;
    }
    if rnd.is_none() && !has_amount && !lead && !done {
        return None;
    }
    // `累计融资额已超过8亿元`, `已累计完成过亿美元融资`: a running total over the company's
    // rounds, no round of its own (its amount is a company figure: metric=1 in
    // triggers_about.txt).
    if rnd.is_none() && cumulative(before) {
        return None;
    }
    // `今年以来初创企业融资额同比增长逾三成，单笔融资规模多在3000万至1亿元之间`: a statistic
    // over many deals (STATISTIC in its clause) is a market figure, no round raised.
    if rnd.is_none() && STATISTIC.iter().any(|w| s.text[cs..ce].contains(w)) {
        return None;
    }
    // `已经历了11轮融资，…融资金额超过20亿元`: a count of rounds sums up a history; neither
    // it nor another financing word of its sentence is one financing.
    let count = |r: &str| r.chars().all(|c| c.is_ascii_digit()) && r != "1";
    // (the company whose rounds are counted is remembered: `其中，…D轮融资` is its round)
    let counted_company = |st: &mut State| {
        st.round_count = s
            .within(ORG, cs..t.range.start)
            .filter(|(_, m)| !marker(s, m).contains(['由', '向', '对']))
            .last()
            .map(|(i, _)| (i, s.paragraph));
    };
    if s.trigs
        .iter()
        .filter(|x| x.kind == Some(EventKind::Financing))
        .any(|x| round(s, &x.range).as_deref().is_some_and(count))
    {
        counted_company(st);
        return None;
    }
    // `这是X半年内完成的第二轮融资`: an ordinal round without an amount or an investor in its
    // clause counts the company's rounds; the round itself is told by its own name elsewhere.
    let ordinal = {
        let head = before.trim_end().trim_end_matches("轮").trim_end();
        let num = head
            .trim_end_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十两".contains(c));
        num.len() < head.len() && num.ends_with('第')
    };
    let cue_in_clause = s.has_cue("lead", cs..ce) || s.has_cue("follow", cs..ce);
    // (its amount may follow in a later clause, up to the next financing word)
    let next_round = s
        .trigs_in(t.range.end..s.range.end)
        .find(|x| x.kind == Some(EventKind::Financing))
        .map_or(s.range.end, |x| s.clause_start(x.range.start));
    let amount_of_it = s
        .of(Label::Amount)
        .any(|(_, m)| m.range.start >= cs && m.range.end <= next_round);
    if ordinal && !amount_of_it && !cue_in_clause {
        return None;
    }
    // `此前已完成多轮融资：…`: a vague count of rounds (多轮/数轮/几轮/若干轮) sums up a
    // history; the rounds themselves are told by name after it. So does a count in words
    // (`先后完成四轮融资：`, not `第四轮`, not `新一轮`).
    {
        let head = before.trim_end().trim_end_matches('轮').trim_end();
        let counted = ["两", "三", "四", "五", "六", "七", "八", "九", "十"]
            .iter()
            .any(|w| head.ends_with(w))
            && !head
                .trim_end_matches(|c: char| "两三四五六七八九十".contains(c))
                .ends_with('第');
        if head.len() < before.trim_end().len()
            && (counted || ["多", "数", "几", "若干"].iter().any(|w| head.ends_with(w)))
        {
            counted_company(st);
            return None;
        }
    }
    // Money raised by a listing (`此次IPO拟募集资金9.2亿元`, `上市募资250亿港元`) is no
    // financing round: without a named round or investors, a sentence that speaks of the
    // listing tells of that.
    // (a placing announcement asks for the listing of the placed shares: `批准配售股份上市`)
    if !bond && !placing && rnd.is_none() && !lead && listing(s.str()) {
        return None;
    }
    // The company raising: the last organization before the trigger in scope that is not
    // marked as an investor (由), a lender (向) or an object (对); else the subject of the
    // reporting verb (`A宣布完成…融资`).
    let mut investors: Vec<(usize, Range<usize>)> = Vec::new();
    let mut raiser: Option<(usize, Range<usize>)> = None;
    // Investors that receive no marker of their own (after 获, before 参与): they do not end
    // the search for the company raising, which may follow them (`A参与B的新一轮融资`).
    let mut takers: Vec<(usize, Range<usize>)> = Vec::new();
    // `由A领投，B、C跟投，募集资金将用于…`: an organization with an investor cue after it in its
    // clause (before the trigger) invests; it never raises (B is no company of a new round).
    // The cue must follow the organization's own list (`B、C跟投`, `老股东B继续追加投资`), not
    // another investor after a marker (`B获得了由A领投的融资`: B raises).
    let cued_investor = |m: &Range<usize>| {
        let ce = s.clause_end(m.end).min(t.range.start.max(m.end));
        s.cues
            .iter()
            .filter(|c| (c.role == "lead" || c.role == "follow") && c.range.start >= m.end)
            .filter(|c| c.range.end <= ce)
            .any(|c| {
                let mut gap = String::new();
                let mut at = m.end;
                for (_, o) in s.within(ORG, m.end..c.range.start) {
                    gap.push_str(s.text.get(at..o.range.start.max(at)).unwrap_or(""));
                    at = at.max(o.range.end);
                }
                gap.push_str(s.text.get(at..c.range.start).unwrap_or(""));
                // List joiners and the fillers of 继续/持续/共同/联合/分别.
                gap.chars().all(|ch| {
                    ch.is_whitespace() || "、,，和及与等也均继续持共同联合分别".contains(ch)
                })
            })
    };
    // (`由A旗下B领投`: the parent A only says whose B is; B takes A's marker)
    let mut parent_mk: Option<&str> = None;
    for (i, m) in s.within(ORG, floor..t.range.start) {
        let own = marker(s, m);
        let mk = match parent_mk.take() {
            Some(p) if own.trim() == "旗下" => p,
            _ => own,
        };
        if s.text[m.range.end..].starts_with("旗下") {
            parent_mk = Some(mk);
            continue;
        }
        // `公司获得A及B天使+轮融资`: organizations after 获 in the trigger's clause put the
        // money in; `A、B等现有股东打算参与最新一轮融资`: so do organizations that take part.
        if m.range.start >= cs
            && (receives_before(&s.text[cs..m.range.start])
                || ["参与", "参投"]
                    .iter()
                    .any(|w| s.text[m.range.end..t.range.start].contains(w)))
        {
            takers.push((i, m.range.clone()));
            continue;
        }
        // `投资者包括A、B`: a listed investor, not the company raising.
        let listed_investor = ["投资者", "投资方", "投资人", "出资方"]
            .iter()
            .any(|w| s.text[s.clause_start(m.range.start)..m.range.start].contains(w));
        if mk.contains('由') {
            investors.push((i, m.range.clone()));
        } else if listed_investor || receives_before(mk) {
            // (`此前曾获得A 5000万元天使轮投资，并于2023年完成B轮融资`: A, after 获, put money
            // into the sentence's company; it raises nothing)
            continue;
        } else if !mk.contains(['向', '对']) && investors.is_empty() && !cued_investor(&m.range) {
            raiser = Some((i, m.range.clone()));
        }
    }
    // (`此前，公司曾于2021年获得天使轮融资`: a bare 公司 is the company the article is about —
    // not whichever organization came last, which is often an investor. Only for a named round:
    // `公司拟募集资金…` is as often another party's plan.)
    let own_company = || {
        rnd.as_ref()?;
        let c = s
            .cues_in("anaphor", floor..t.range.start)
            .filter(|c| matches!(&s.text[c.range.clone()], "公司" | "本公司"))
            .last()?;
        st.announcer.or(st.main_org).map(|i| (i, c.range.clone()))
    };
    // `…已完成多轮融资：2020年获得天使轮融资；2022年完成5亿元B轮融资，由A领投`: a named round
    // in a sentence that names no organization before it (a `；` item of a history) was raised
    // by the company of the last financing of the same paragraph.
    let history = || {
        rnd.as_ref()?;
        let f = &drafts.list[st.financing?];
        // (an earlier item of the same sentence may name the company: `X曾于2019年获得A轮
        // 投资；2021年完成B轮融资` — the second item is X's too)
        if f.sentence != s.idx && s.within(ORG, s.range.start..t.range.start).next().is_some() {
            return None;
        }
        if f.paragraph != s.paragraph {
            return None;
        }
        let i = f.with_rel(RelType::Raised).next()?;
        Some((i, t.range.clone()))
    };
    // `X已完成5轮融资。其中，2024年3月完成的D轮融资金额为3亿元`: a named round in a sentence
    // that names no organization before it, after a count of the rounds of X in the same
    // paragraph, is X's round.
    let counted = || {
        rnd.as_ref()?;
        let (i, p) = st.round_count?;
        (p == s.paragraph && s.within(ORG, s.range.start..t.range.start).next().is_none())
            .then(|| (i, t.range.clone()))
    };
    let raiser = raiser
        .or_else(|| report_subject(s, t.range.start))
        .or_else(|| topic(s, t.range.start).filter(|(_, r)| !cued_investor(r)))
        .or_else(own_company)
        .or_else(history)
        .or_else(counted)?;
    // (`X董事长甲表示，公司计划启动B轮融资`: the person who reports it speaks for the company
    // that titles them, which raises; a person alone raises no round)
    let raiser = match doc.mentions.get(raiser.0) {
        Some(m) if m.label == Label::Person => (titled_org(doc, s, raiser.0, &[])?, raiser.1),
        _ => raiser,
    };
    let rname = mention_name(doc, raiser.0);
    // A second, plain mention of financing in the sentence of a named round
    // (`完成C轮融资，由A领投，融资金额超8亿元`) is that round, not another financing.
    // (The round may have been told first in the title: its draft then carries the title's
    // sentence, so the named round of this sentence is also looked up by its name.)
    let named_here: Vec<String> = s
        .trigs
        .iter()
        .filter(|x| x.kind == Some(EventKind::Financing) && x.range != t.range)
        .filter_map(|x| round(s, &x.range))
        .map(|r| format!("{rname}{r}轮融资"))
        .collect();
    let same_round = (rnd.is_none() && !bond && !placing)
        .then(|| {
            drafts.list.iter().find(|e| {
                e.kind == EventKind::Financing
                    && (e.sentence == s.idx || named_here.contains(&e.name))
                    && e.with_rel(RelType::Raised)
                        .any(|i| mention_name(doc, i) == rname)
            })
        })
        .flatten()
        .map(|e| e.name.clone());
    let name = match (&rnd, bond, same_round) {
        (_, true, _) => format!("{rname}{}", &s.text[t.range.clone()]),
        (None, _, _) if placing => format!("{rname}配售新股"),
        (_, _, Some(earlier)) => earlier,
        (Some(r), _, _) => format!("{rname}{r}轮融资"),
        (None, _, _) => format!("{rname}融资"),
    };
    let mut d = dated_draft(EventKind::Financing, name, s, &t.range, FINANCING, false);
    d.add(raised(&raiser, s, t));
    for (i, r) in investors.into_iter().chain(takers) {
        // `由A领投` read here, before the cue pass, must keep its lead flag.
        let ce = s.clause_end(r.end);
        let lead = if s.has_cue("lead", r.end..ce) {
            Some(true)
        } else if s.has_cue("follow", r.end..ce) {
            Some(false)
        } else {
            None
        };
        d.add(arg(
            RelType::Invested,
            i,
            Dir::ToEvent,
            RelProps {
                lead,
                ..RelProps::default()
            },
            FINANCING_INVESTOR,
            s.idx,
            span(&r, &t.range),
        ));
    }
    listed_investors(s, t, &mut d);
    amounts(s, &t.range, &mut d, EventKind::Financing, AMOUNT);
    Some(drafts.upsert(d))
}

/// `投资方为A、B`, `引入战略投资者A`: the investors listed after the trigger (INVESTED to `d`).
fn listed_investors(s: &SentView, t: &Trig, d: &mut Draft) {
    if let Some(c) = s.cues_in("investors", t.range.end..s.range.end).next() {
        let ce = s.clause_end(c.range.end);
        // (`A旗下B`: the subsidiary B invests; its parent only says whose it is)
        for (i, m) in s
            .within(ORG, c.range.end..ce)
            .filter(|(_, m)| !s.text[m.range.end..].starts_with("旗下"))
        {
            d.add(to_event(
                RelType::Invested,
                i,
                FINANCING_INVESTOR,
                s.idx,
                span(&c.range, &m.range),
            ));
        }
    }
}

/// Words of a plan before an investing verb (`将持续加注`, `拟追加投资`).
const PLANNED: [&str; 4] = ["将", "拟", "计划", "有望"];

/// `由A领投，B、C跟投`: INVESTED {lead} to the financing of this sentence or the last one.
fn investors(s: &SentView, drafts: &mut Drafts, st: &State, here: &[usize]) {
    let this = here
        .iter()
        .copied()
        .find(|&i| drafts.list[i].kind == EventKind::Financing);
    let Some(f) = this.or(st.financing) else {
        return;
    };
    let raised: Vec<usize> = drafts.list[f].with_rel(RelType::Raised).collect();
    // INVESTED {lead} of mention `i` (not a company raising the round), with its evidence span.
    let invest =
        |drafts: &mut Drafts, i: usize, lead: Option<bool>, rule: RuleId, ev: Range<usize>| {
            if !raised.contains(&i) {
                let props = RelProps {
                    lead,
                    ..RelProps::default()
                };
                drafts.list[f].add(arg(
                    RelType::Invested,
                    i,
                    Dir::ToEvent,
                    props,
                    rule,
                    s.idx,
                    ev,
                ));
            }
        };
    // `领投方：A、B；` / `跟投方为C、D` / `老股东：E、F`: a label with a colon or 为/是/包括 lists
    // the investors of its kind after it, to the end of the list's clause. `承配人包括A及B`
    // (placee_list) lists the placees of a placing, who neither lead nor follow.
    for c in s
        .cues
        .iter()
        .filter(|c| ["lead_list", "follow_list", "placee_list"].contains(&c.role))
    {
        if c.role == "placee_list" && !drafts.list[f].name.ends_with("配售新股") {
            continue;
        }
        let rest = &s.text[c.range.end..s.range.end];
        let Some(sep) = ["：", ":", "为", "是", "包括", "分别为"]
            .iter()
            .find(|w| rest.trim_start().starts_with(*w))
        else {
            continue;
        };
        let from = c.range.end + (rest.len() - rest.trim_start().len()) + sep.len();
        let end = s.clause_end(from);
        for (i, m) in s.within(ORG, from..end) {
            let lead = match c.role {
                "lead_list" => Some(true),
                "follow_list" => Some(false),
                _ => None,
            };
            invest(
                drafts,
                i,
                lead,
                FINANCING_INVESTOR_LIST,
                span(&c.range, &m.range),
            );
        }
    }
    for c in s
        .cues
        .iter()
        .filter(|c| ["lead", "follow", "joint"].contains(&c.role))
    {
        let cs = s.clause_start(c.range.start);
        let lead = c.role == "lead";
        if c.role == "joint" {
            // `由A、B、C联合投资`: the agents of a joint investment are investors of the round
            // (none leads); without 由 opening the clause, `A、B联合投资建设X` is an investment
            // of its own.
            if !s.text[cs..c.range.start].trim_start().starts_with('由') {
                continue;
            }
        } else if this.is_none()
            && PLANNED
                .iter()
                .any(|w| s.text[cs..c.range.start].contains(w))
        {
            // `青禾集团表示将持续加注储能业务`: a plan (将, 拟, 计划 before the verb) tells no
            // part of a round an earlier sentence told.
            continue;
        }
        // (`A旗下B领投`: the subsidiary B invests; its parent A only says whose it is)
        for (i, m) in s
            .within(ORG, cs..c.range.start)
            .filter(|(_, m)| !s.text[m.range.end..].starts_with("旗下"))
        {
            invest(
                drafts,
                i,
                Some(lead),
                FINANCING_INVESTOR,
                span(&m.range, &c.range),
            );
        }
    }
}

/// `A收购B`, `A完成对B的收购`, `B被A收购`, `A从C受让B股权`: ACQUIRED, TARGET_OF, SOLD.
fn acquisition(
    doc: &AnnotatedDoc,
    s: &SentView,
    t: &Trig,
    drafts: &mut Drafts,
    st: &mut State,
) -> Option<usize> {
    if generic(s, &t.range, EventKind::Acquisition) {
        return None;
    }
    if t.class() == "transfer" {
        return share_transfer(doc, s, t, drafts, st);
    }
    if t.class() == "sale" {
        return stake_sale(doc, s, t, drafts, st);
    }
    // `本次併購可望使X…`: a determiner before the verb refers to the deal the document has
    // already told; the companies around it are no acquirer and target of a new one.
    if refers_back(s, t, drafts, &[EventKind::Acquisition]) {
        return None;
    }
    let floor = scope_start(s, t.range.start);
    let ce = s.clause_end(t.range.end);
    // `公司收购X原料煤均价确定为300元/吨`: buying goods at a unit price is no deal for a
    // company; `受让给X` hands something over to X (X takes it, the subject gives).
    let clause_after = s.text.get(t.range.end..ce).unwrap_or("");
    if ["均价", "单价", "元/吨", "收购价格确定"]
        .iter()
        .any(|w| clause_after.contains(w))
        || clause_after.starts_with('给')
    {
        return None;
    }
    let mut acquirer: Option<(usize, Range<usize>)> = None;
    let mut target: Option<(usize, Range<usize>)> = None;
    let mut seller: Option<(usize, Range<usize>)> = None;
    let mut more_sellers: Vec<(usize, Range<usize>)> = Vec::new();
    // Role markers between an organization and the one before it: `B被A收购`, `从C受让`,
    // `对X的收购`, `向X发出收购要约` (向 marks the seller only for 受让/购买).
    let trig = &s.text[t.range.clone()];
    // `向C收购B`: with an object after the verb, 向 names the seller (as for 受让/购买);
    // without one (`向B发出收购要约`) it names the target.
    // Organizations after the verb in its clause, outside parentheses (`B（以下简称“X”）`);
    // the depth is carried from one to the next, so the clause is read once.
    let (mut depth, mut pos) = (0usize, t.range.end);
    let after: Vec<(usize, &Mention)> = s
        .within(ORG, t.range.end..ce)
        .filter(|(i, m)| {
            let gap = s.text.get(pos..m.range.start.max(pos)).unwrap_or("");
            depth = gap.chars().fold(depth, paren_depth_step);
            pos = m.range.start.max(pos);
            depth == 0 && !reviewer(&mention_name(doc, *i))
        })
        .collect();
    let sells = matches!(trig, "受让" | "购买") || !after.is_empty();
    // An organization after an earlier deal verb of the scope is that verb's object
    // (`A收购B…，及以Y收购C`: A, not B, acquires C).
    let earlier = s
        .trigs_in(floor..t.range.start)
        .filter(|x| x.kind == Some(EventKind::Acquisition) && x.range.end <= t.range.start)
        .map(|x| x.range.end)
        .min();
    let before: Vec<(usize, &Mention)> = s
        .within(ORG, floor..t.range.start)
        .filter(|(i, _)| !reviewer(&mention_name(doc, *i)))
        .collect();
    // `A已将B收为子公司`: the company after 将/把 in the verb's clause is the target.
    if t.class() == "take" {
        let cs = s.clause_start(t.range.start);
        target = before
            .iter()
            .rfind(|(_, m)| m.range.start >= cs && marker(s, m).trim_end().ends_with(['将', '把']))
            .map(|(i, m)| (*i, m.range.clone()));
        target.as_ref()?;
    }
    let mut plain: Vec<(usize, Range<usize>)> = Vec::new();
    // `对X、Y的收购`: companies listed after a marked target are targets too.
    let mut listed_targets: Vec<(usize, Range<usize>)> = Vec::new();
    for (k, (i, m)) in before.iter().enumerate() {
        let mk = marker(s, m);
        let prev_target = k > 0
            && (target.as_ref().is_some_and(|t| t.0 == before[k - 1].0)
                || listed_targets
                    .last()
                    .is_some_and(|t| t.0 == before[k - 1].0));
        if prev_target && list_gap(mk) {
            listed_targets.push((*i, m.range.clone()));
        } else if mk.contains('被')
            && k > 0
            // `B被A收购`: B is in A's clause (`…记者爆料，门店被A收购` names no target).
            && s.clause_start(before[k - 1].1.range.start) == s.clause_start(m.range.start)
            // (`B完成融资　旗下测试业务被A收购`: what B owns, or B's own deal told before 被,
            // is not B; the target is then unnamed)
            && !mk.contains("旗下")
            && s
                .trigs_in(before[k - 1].1.range.end..m.range.start)
                .next()
                .is_none()
        {
            acquirer = Some((*i, m.range.clone()));
            target = Some((before[k - 1].0, before[k - 1].1.range.clone()));
        } else if mk.contains('从') || (sells && mk.contains('向')) {
            seller = Some((*i, m.range.clone()));
        } else if (mk.contains('对') && after.is_empty()) || mk.contains('向') {
            // `对X的收购`, `向X发出收购要约` stand in the verb's clause; an earlier 向X
            // (`向记者爆料，…收购`) is about something else.
            // 向X is the target only of an offer (`向X发出/提出收购要约`), not of a loan or a
            // statement (`向股东X借款…用于收购Y`).
            let offer = !mk.contains('向')
                || ["发出", "提出", "发起"].iter().any(|w| {
                    s.text
                        .get(m.range.end..t.range.start)
                        .unwrap_or("")
                        .contains(w)
                });
            if offer && s.clause_start(m.range.start) == s.clause_start(t.range.start) {
                target = Some((*i, m.range.clone()));
            }
        } else if deal_counterparty(s, m, mk, t.range.start) || names_seller(mk) {
            seller = Some((*i, m.range.clone()));
            // `与卖方A及自然人B订立买卖协议`: the parties listed after a seller sell too.
            let parties: Vec<(usize, &Mention)> =
                s.within(PARTY, m.range.start..t.range.start).collect();
            more_sellers = chain(s, &parties, 0, false)
                .into_iter()
                .skip(1)
                .map(|(i, m)| (i, m.range.clone()))
                .collect();
        } else if more_sellers.iter().any(|x| x.0 == *i) {
            // (listed after a seller, read above)
        } else if signs_with(s, m, mk, t.range.start).is_some() {
            // the partner of another agreement buys nothing
        } else if earlier.is_none_or(|e| m.range.start < e) && !media(s, m) {
            plain.push((*i, m.range.clone()));
        }
    }
    if acquirer.is_none() {
        // A regulator or exchange reached through `公司`, a reporting verb or the topic
        // reviews deals, it does not make them (`证监会审核…。公司拟购买X`).
        let not_regulator = |x: &(usize, Range<usize>)| !regulator(&mention_name(doc, x.0));
        acquirer = plain
            .into_iter()
            .rfind(|(i, _)| {
                target.as_ref().is_none_or(|t| t.0 != *i)
                    && seller.as_ref().is_none_or(|t| t.0 != *i)
            })
            .or_else(|| {
                // (`anaphors` reads a bare `公司` as the announcing or main company.)
                anaphors(s, st, floor..t.range.start)
                    .into_iter()
                    .last()
                    // A person reporting (`董事长X表示，收购B…`) is no acquirer, nor is a
                    // news agency (`X援引消息人士称，…收购B`).
                    .or_else(|| {
                        report_subject(s, t.range.start).filter(|(i, _)| {
                            doc.mentions[*i].label == Label::Organization
                                && !media(s, &doc.mentions[*i])
                        })
                    })
                    .or_else(|| {
                        topic(s, t.range.start).filter(|(i, _)| !media(s, &doc.mentions[*i]))
                    })
                    .filter(not_regulator)
            })
            // A listed target is never its own deal's acquirer.
            .filter(|(i, _)| listed_targets.iter().all(|t| t.0 != *i));
    }
    if target.is_none() {
        target = after.first().map(|(i, m)| (*i, m.range.clone()));
        // `收购A（所）持有的B`, `收购A实际控制的B`: A sells, B is the target; also with
        // several holders (`收购A、B合计持有的C 70%股权`: A and B sell).
        // (`收购A及自然人B合计持有的C 60%股权`: people listed after the last holding
        // organization hold it with them)
        let mut held_people: Vec<(usize, Range<usize>)> = Vec::new();
        let held = (1..after.len()).find(|&k| {
            let (from, to) = (after[k - 1].1.range.end, after[k].1.range.start);
            held_people.clear();
            let gap_ok = held_by(&s.text[from..to])
                || held_with_people(s, from..to).is_some_and(|p| {
                    held_people = p;
                    true
                });
            gap_ok
                && (1..k)
                    .all(|j| list_gap(&s.text[after[j - 1].1.range.end..after[j].1.range.start]))
        });
        if let Some(k) = held {
            let (i, m) = after[0];
            seller = seller.or(Some((i, m.range.clone())));
            more_sellers = after[1..k]
                .iter()
                .map(|(i, m)| (*i, m.range.clone()))
                .chain(held_people)
                .collect();
            target = Some((after[k].0, after[k].1.range.clone()));
        } else if let Some((_, tm)) = after.first()
            && seller.is_none()
        {
            // `收购自然人A（所）持有的B 60%股权`, `收购A、C合计持有的B`: people holding the
            // target sell it.
            let people: Vec<(usize, &Mention)> = s
                .within(&[Label::Person], t.range.end..tm.range.start)
                .collect();
            if let Some((_, pm)) = people.last()
                && held_by(&s.text[pm.range.end..tm.range.start])
            {
                let mut k = people.len() - 1;
                while k > 0 && list_gap(&s.text[people[k - 1].1.range.end..people[k].1.range.start])
                {
                    k -= 1;
                }
                seller = Some((people[k].0, people[k].1.range.clone()));
                more_sellers = people[k + 1..]
                    .iter()
                    .map(|(i, m)| (*i, m.range.clone()))
                    .collect();
            }
        }
    }
    // `X宣布，A已完成对其的收购` / `A将其收购`: 其 is the sentence's subject.
    if target.is_none()
        && ["对其", "将其"]
            .iter()
            .any(|w| s.text[floor..t.range.start].contains(w))
    {
        target = report_subject(s, t.range.start)
            .or_else(|| topic(s, t.range.start))
            .filter(|x| acquirer.as_ref().is_none_or(|a| a.0 != x.0));
    }
    if target.is_none()
        && let Some(acq) = acquirer.clone()
        && let Some(desc) = unnamed_target(s, t.range.end, ce)
    {
        return Some(unnamed_acquisition(
            doc,
            s,
            t,
            apposed(s, acq),
            desc,
            drafts,
        ));
    }
    let (acq, tgt) = (apposed(s, acquirer?), apposed(s, target?));
    // `取得X 85%的股权`: a verb of obtaining is a deal only with a stake after its object.
    if t.class() == "stake" {
        let rest = s.text.get(tgt.1.end..ce).unwrap_or("");
        if tgt.1.start < t.range.end
            || !["股权", "股份", "控股权", "权益"]
                .iter()
                .any(|w| rest.contains(w))
        {
            return None;
        }
    }
    if acq.0 == tgt.0 || mention_name(doc, acq.0) == mention_name(doc, tgt.0) {
        return None;
    }
    // One deal told twice (`A收购B` in the headline, `A完成对B的并购` in the text) is one
    // event: merge into an acquisition with the same acquirer and target names.
    let (an, tn) = (
        crate::link::key(&mention_name(doc, acq.0)),
        crate::link::key(&mention_name(doc, tgt.0)),
    );
    // A document tells of one deal per target: the same target bought again under another
    // name of the buyer (its subsidiary, its short name) is the same deal, with both buyers.
    let same_target = |k: &str| {
        k == tn
            || k.chars().count() >= 2
                && tn.chars().count() >= 2
                && (k.contains(&tn) || tn.contains(k))
    };
    // Only the latest events are compared: a retelling stands near the first telling, and a
    // document of thousands of deals stays linear.
    const RECENT: usize = 64;
    let recent = drafts.list.len().saturating_sub(RECENT);
    let same_deal = drafts.list[recent..]
        .iter()
        .position(|d| {
            d.kind == EventKind::Acquisition
                && d.with_rel(RelType::Acquired)
                    .any(|i| crate::link::key(&mention_name(doc, i)) == an)
                && d.with_rel(RelType::TargetOf)
                    .any(|i| crate::link::key(&mention_name(doc, i)) == tn)
        })
        .or_else(|| {
            drafts.list[recent..].iter().position(|d| {
                d.kind == EventKind::Acquisition
                    && d.with_rel(RelType::TargetOf)
                        .any(|i| same_target(&crate::link::key(&mention_name(doc, i))))
            })
        })
        .map(|i| recent + i);
    let more_targets = listed_after(s, &tgt.1, ce)
        .into_iter()
        .chain(listed_targets)
        .filter(|(i, _)| *i != acq.0)
        .collect::<Vec<_>>();
    // (`A将B收为子公司` is named like `A收购B`)
    let verb = if t.class() == "take" {
        "收购"
    } else {
        &s.text[t.range.clone()]
    };
    let name = format!(
        "{}{}{}",
        mention_name(doc, acq.0),
        verb,
        mention_name(doc, tgt.0)
    );
    let mut d = dated_draft(
        EventKind::Acquisition,
        name,
        s,
        &t.range,
        ACQUISITION,
        false,
    );
    for (rel, (i, r)) in [
        (RelType::Acquired, Some(acq)),
        (RelType::TargetOf, Some(tgt)),
        (RelType::Sold, seller),
    ]
    .into_iter()
    .chain(
        more_targets
            .into_iter()
            .map(|t| (RelType::TargetOf, Some(t))),
    )
    .chain(more_sellers.into_iter().map(|x| (RelType::Sold, Some(x))))
    .filter_map(|(rel, x)| x.map(|x| (rel, x)))
    {
        d.add(to_event(rel, i, ACQUISITION, s.idx, span(&r, &t.range)));
    }
    amounts(s, &t.range, &mut d, EventKind::Acquisition, AMOUNT);
    if let Some(i) = same_deal {
        d.name = drafts.list[i].name.clone();
    }
    Some(drafts.upsert(d))
}

/// Words that make an agreement a sale (`买卖协议`, `股权转让协议`): its counterparty sells.
static SALE_AGREEMENT: WordList = WordList::new("words_event", "sale_agreement");

/// Is `m`'s marker a seller's role word (`与卖方A`, `交易对方B`)? Such a party sells in the
/// deal told after it, whatever agreement it signs.
fn names_seller(mk: &str) -> bool {
    let mk = mk.trim_end();
    ACQ_SELLERS.iter().any(|w| mk.ends_with(w))
}

/// `A已与B订立买卖协议，以23亿港元收购C`: the organization after 与/和/同 that signs a
/// sale agreement (a signing verb, then a sale word right before 协议, between it and the
/// deal verb) is the counterparty who sells, not a second buyer; not when the two act
/// together (`与B签署协议，共同收购C`).
fn deal_counterparty(s: &SentView, m: &Mention, mk: &str, trig: usize) -> bool {
    signs_with(s, m, mk, trig).is_some_and(|head| SALE_AGREEMENT.iter().any(|w| head.ends_with(w)))
}

/// The text from `m` to its agreement's 协议 (or 合同, 合约) when `m` is marked by 与/和/同 and
/// signs an agreement (a signing verb before it) between it and the deal verb at `trig`, the two
/// not acting together (共同/联合/一起/携手): `A与B签署战略合作协议　拟收购C` (a headline of
/// two stories) makes B A's partner in the agreement, no buyer of C.
fn signs_with<'t>(s: &SentView<'t, '_>, m: &Mention, mk: &str, trig: usize) -> Option<&'t str> {
    if !mk.ends_with(['与', '和', '同']) {
        return None;
    }
    let gap = s.text.get(m.range.end..trig).unwrap_or("");
    // (协议, or 合同/合约: `A與B簽署股權轉讓合約`)
    let noun = ["协议", "合同", "合约"]
        .iter()
        .filter_map(|w| gap.find(w))
        .min()?;
    let head = &gap[..noun];
    (["签署", "签订", "订立", "签立", "达成"]
        .iter()
        .any(|v| head.contains(v))
        && !["共同", "联合", "一起", "携手"]
            .iter()
            .any(|w| gap.contains(w)))
    .then_some(head)
}

/// `A、B拟将其合计持有的X 29.9%股份以协议转让方式转让给C`: a share transfer is C's
/// acquisition of a stake in X, sold by A and B (people or organizations). The stake (股份,
/// 股权, 权益) must stand between 持有 and the verb; the buyer is the organization right after
/// the verb. X is the organization between 持有 and the stake, or with a bare 公司 there the
/// company the article is about. The sellers are the parties before 将 in the verb's clause,
/// else (a clause opening with 拟将其/将其) those of the clause before it.
fn share_transfer(
    doc: &AnnotatedDoc,
    s: &SentView,
    t: &Trig,
    drafts: &mut Drafts,
    st: &mut State,
) -> Option<usize> {
    let cs = s.clause_start(t.range.start);
    let ce = s.clause_end(t.range.end);
    let head = &s.text[cs..t.range.start];
    let hold = cs + head.find("持有").or_else(|| head.find("所持"))?;
    let held = &s.text[hold..t.range.start];
    if !["股份", "股权", "权益"].iter().any(|w| held.contains(w)) {
        return None;
    }
    let (bi, bm) = s.within(ORG, t.range.end..ce).next()?;
    // (the buyer comes right after the verb: `转让给C`, `转让予C`)
    if s.text[t.range.end..bm.range.start].chars().count() > 1 {
        return None;
    }
    let buyer = mention_name(doc, bi);
    let target = s
        .within(ORG, hold..t.range.start)
        .find(|(i, _)| mention_name(doc, *i) != buyer)
        .map(|(i, m)| (i, m.range.clone()))
        .or_else(|| {
            // (the announcing company, the one named most often, else the first one named —
            // never the buyer)
            let at = held.find("公司")?;
            let first = doc
                .mentions
                .iter()
                .position(|m| m.label == Label::Organization);
            let i = [st.announcer, st.main_org, first]
                .into_iter()
                .flatten()
                .find(|&i| mention_name(doc, i) != buyer)?;
            Some((i, hold + at..hold + at + "公司".len()))
        })?;
    let tname = mention_name(doc, target.0);
    if tname == buyer {
        return None;
    }
    let jiang = head.rfind('将').map_or(hold, |i| cs + i);
    let own: Vec<(usize, Range<usize>)> = s
        .within(PARTY, cs..jiang)
        .map(|(i, m)| (i, m.range.clone()))
        .collect();
    let sellers = if own.is_empty() {
        let pcs = s.clauses_back(t.range.start, 1);
        s.within(PARTY, pcs..cs)
            .map(|(i, m)| (i, m.range.clone()))
            .collect()
    } else {
        own
    };
    let mut d = dated_draft(
        EventKind::Acquisition,
        format!("{buyer}受让{tname}股份"),
        s,
        &t.range,
        ACQUISITION_TRANSFER,
        false,
    );
    let mut seen: Vec<String> = vec![buyer.clone(), tname.clone()];
    for (rel, (i, r)) in [
        (RelType::Acquired, (bi, bm.range.clone())),
        (RelType::TargetOf, target),
    ]
    .into_iter()
    .chain(sellers.into_iter().filter_map(|x| {
        let n = mention_name(doc, x.0);
        if seen.contains(&n) {
            return None;
        }
        seen.push(n);
        Some((RelType::Sold, x))
    })) {
        d.add(to_event(
            rel,
            i,
            ACQUISITION_TRANSFER,
            s.idx,
            span(&r, &t.range),
        ));
    }
    amounts(s, &t.range, &mut d, EventKind::Acquisition, AMOUNT);
    let i = drafts.upsert(d);
    st.deal = Some(i);
    Some(i)
}

/// What may stand between a selling verb and the company whose stake is sold (`出售其持有的X`).
const SALE_GAPS: [&str; 7] = [
    "",
    "了",
    "持有的",
    "所持",
    "所持有的",
    "其持有的",
    "其所持有的",
];

/// `A以1000万元出售B 80%股权`, `A拟出让B 60%股权` (class=sale): A sells its stake in B to a
/// buyer the sentence does not name — an acquisition of B with A SOLD and B TARGET_OF, no
/// ACQUIRED. Only with a stake right after B (digits or 全部/部分/剩余 … and 股权/股份/权益 in
/// the clause): `出售房产`, `出售产品` sell no company.
fn stake_sale(
    doc: &AnnotatedDoc,
    s: &SentView,
    t: &Trig,
    drafts: &mut Drafts,
    st: &mut State,
) -> Option<usize> {
    let floor = scope_start(s, t.range.start);
    let ce = s.clause_end(t.range.end);
    let (ti, tm) = s.within(ORG, t.range.end..ce).next()?;
    let gap = s.text.get(t.range.end..tm.range.start)?.trim();
    if !SALE_GAPS.contains(&gap) {
        return None;
    }
    let rest = s.text.get(tm.range.end..ce)?.trim_start();
    let stake = rest.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
        || ["全部", "部分", "剩余", "余下", "所有"]
            .iter()
            .any(|w| rest.starts_with(w));
    if !stake || !["股权", "股份", "权益"].iter().any(|w| rest.contains(w)) {
        return None;
    }
    let seller = agent(s, st, floor, &t.range, ORG)?;
    let (sname, tname) = (mention_name(doc, seller.0), mention_name(doc, ti));
    if sname == tname {
        return None;
    }
    let mut d = dated_draft(
        EventKind::Acquisition,
        format!("{sname}出售{tname}"),
        s,
        &t.range,
        ACQUISITION_SALE,
        false,
    );
    d.add(to_event(
        RelType::Sold,
        seller.0,
        ACQUISITION_SALE,
        s.idx,
        span(&seller.1, &t.range),
    ));
    d.add(to_event(
        RelType::TargetOf,
        ti,
        ACQUISITION_SALE,
        s.idx,
        span(&tm.range, &t.range),
    ));
    amounts(s, &t.range, &mut d, EventKind::Acquisition, AMOUNT);
    let i = drafts.upsert(d);
    st.deal = Some(i);
    Some(i)
}

/// Indefinite target descriptions (`收购一家德国企业60%股权`, `并购某上市公司`).
static INDEFINITE: WordList = WordList::new("words_event", "indefinite_target");
/// Heads of an indefinite target description when no stake follows.
static TARGET_HEADS: WordList = WordList::new("words_event", "target_head");

/// An unnamed target right after an acquisition verb, up to `ce` (the clause end): an
/// indefinite description (`一家…企业`, `某…公司`) ending in a stake (`60%股权`) or a company
/// noun, with no organization named inside. Returns its byte range.
fn unnamed_target(s: &SentView, from: usize, ce: usize) -> Option<Range<usize>> {
    let rest = s.text.get(from..ce.max(from))?;
    let lead = rest.len() - rest.trim_start().len();
    let body = &rest[lead..];
    if !INDEFINITE.iter().any(|w| body.starts_with(w)) {
        return None;
    }
    // A short description: at most 40 characters up to the stake or the head noun.
    let window: usize = body.char_indices().nth(40).map_or(body.len(), |(i, _)| i);
    let w = &body[..window];
    let end = ["股权", "股份", "控股权"]
        .iter()
        .filter_map(|k| w.find(k).map(|i| i + k.len()))
        .min()
        .or_else(|| {
            TARGET_HEADS
                .iter()
                .filter_map(|k| w.find(k).map(|i| i + k.len()))
                .min()
        })?;
    let r = from + lead..from + lead + end;
    if s.within(ORG, r.clone()).next().is_some() {
        return None;
    }
    Some(r)
}

/// An acquisition of an unnamed target (`公司拟以约8000万元收购一家德国企业60%股权`): the
/// acquirer, the amount and the description (with its stake) as the event's name — a deal the
/// company announces is a fact users look for, even before the target is named.
fn unnamed_acquisition(
    doc: &AnnotatedDoc,
    s: &SentView,
    t: &Trig,
    acq: (usize, Range<usize>),
    desc: Range<usize>,
    drafts: &mut Drafts,
) -> usize {
    let what: String = s.text[desc.clone()]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let name = format!(
        "{}{}{}",
        mention_name(doc, acq.0),
        &s.text[t.range.clone()],
        what
    );
    let mut d = dated_draft(
        EventKind::Acquisition,
        name,
        s,
        &t.range,
        ACQUISITION_UNNAMED,
        false,
    );
    d.add(to_event(
        RelType::Acquired,
        acq.0,
        ACQUISITION_UNNAMED,
        s.idx,
        span(&acq.1, &desc),
    ));
    amounts(s, &t.range, &mut d, EventKind::Acquisition, AMOUNT);
    drafts.upsert(d)
}

/// `自动化生产公司Compass Automation`, `加密货币交易公司币安`: an organization that is only a
/// descriptor (it ends in 公司, 企业, 平台, 品牌, …商) directly followed by a named one — the
/// named one is the party.
fn apposed(s: &SentView, (i, r): (usize, Range<usize>)) -> (usize, Range<usize>) {
    const DESCRIPTOR: &[&str] = &["公司", "企业", "平台", "品牌", "商", "创企", "机构", "巨头"];
    let own = &s.text[r.clone()];
    if !DESCRIPTOR.iter().any(|w| own.ends_with(w)) {
        return (i, r);
    }
    match s.within(ORG, r.end..s.range.end).next() {
        Some((j, n)) if n.range.start == r.end => (j, n.range.clone()),
        _ => (i, r),
    }
}

/// A securities regulator or a court (`中国证监会`, `银行保险监督管理委员会`, `X人民法院`):
/// it reviews, approves or rules on deals, it never buys, sells or is bought — wherever it
/// stands around an acquisition verb (`对X发行股份购买资产…未获证监会并购重组委审核通过`).
fn reviewer(name: &str) -> bool {
    ["证监会", "监督管理", "法院", "证券监管", "并购重组委"]
        .iter()
        .any(|w| name.contains(w))
}

/// A regulator, court or exchange (`中国证监会`, `深圳证券交易所`, `…委员会`).
fn regulator(name: &str) -> bool {
    reviewer(name)
        || ["交易所", "委员会", "人民政府"]
            .iter()
            .any(|w| name.contains(w))
}

/// Is `m` a news source rather than a party: a byline (`来源：X`) or an outlet followed by
/// its dateline word (`X讯`, `X科技讯`, `X美股讯`, `X港股|`, `X消息`, `X报道`, `X援引`)?
fn media(s: &SentView, m: &Mention) -> bool {
    if super::slots::byline(s.text, m.range.start) {
        return true;
    }
    // A dateline date may stand between the outlet and its word (`X9月17日讯`).
    let undated = |r: &str| -> usize {
        r.len()
            - r.trim_start_matches(|c: char| {
                c.is_ascii_digit() || matches!(c, '年' | '月' | '日' | ' ')
            })
            .len()
    };
    let rest = s.text.get(m.range.end..s.range.end).unwrap_or("");
    let rest = &rest[undated(rest)..];
    let head: String = rest.chars().take(6).collect();
    if let Some(i) = head.find('讯') {
        return head[..i]
            .chars()
            .all(|c| c.is_alphabetic() && !"通资视电".contains(c));
    }
    [
        "消息", "报道", "援引", "获悉", "港股|", "美股|", "|", "丨", "独家",
    ]
    .iter()
    .any(|w| rest.starts_with(w))
}

/// The text of `gap` outside parentheses (`（简称“X”）34%股权、` → `34%股权、`).
fn outside_parens(gap: &str) -> String {
    let mut g = String::new();
    let mut depth = 0usize;
    for c in gap.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => g.push(c),
            _ => {}
        }
    }
    g
}

/// Does the gap between two organizations say the second is held by the first
/// (`所持有的`, `持有的`, `实际控制的`, `旗下`), parentheticals and stakes aside?
fn held_by(gap: &str) -> bool {
    let g = outside_parens(gap);
    let g = g.trim();
    // `A、B合计持有的C`: several holders together.
    let g = ["合计", "共同", "合共", "分别", "共"]
        .iter()
        .find_map(|w| g.strip_prefix(w))
        .unwrap_or(g);
    matches!(
        g,
        "所持有的"
            | "持有的"
            | "所持的"
            | "所持"
            | "实际控制的"
            | "控制的"
            | "旗下"
            | "旗下的"
            | "下属"
            | "下属的"
    )
}

/// The people a gap between a holding organization and the company it holds lists as
/// holders with it (`（以下简称“A”）及自然人B、C合计持有的`): a list joint (自然人 may follow
/// it), the people joined by list joints, then a holding phrase ([`held_by`]). None when the
/// gap names no person or says something else.
fn held_with_people(s: &SentView, gap: Range<usize>) -> Option<Vec<(usize, Range<usize>)>> {
    let people: Vec<(usize, Range<usize>)> = s
        .within(&[Label::Person], gap.clone())
        .map(|(i, m)| (i, m.range.clone()))
        .collect();
    let (first, last) = (people.first()?, people.last()?);
    let lead = s.text.get(gap.start..first.1.start)?;
    let lead = lead.trim_end().strip_suffix("自然人").unwrap_or(lead);
    if !list_gap(lead) || !held_by(s.text.get(last.1.end..gap.end)?) {
        return None;
    }
    let joined = people.windows(2).all(|w| {
        s.text
            .get(w[0].1.end..w[1].1.start)
            .is_some_and(|g| list_gap(g.trim_end().strip_suffix("自然人").unwrap_or(g)))
    });
    joined.then_some(people)
}

/// Does the gap between two organizations say the second is a subsidiary of the first
/// (`全资子公司`, `的控股子公司`, `旗下`, `下属企业`), parentheticals aside?
fn subsidiary_gap(gap: &str) -> bool {
    if held_by(gap) {
        return true;
    }
    let g = outside_parens(gap);
    let g = g.trim();
    let g = g.strip_prefix('的').unwrap_or(g);
    let g = ["全资控股", "全资", "控股", "参股", "绝对控股"]
        .iter()
        .find_map(|w| g.strip_prefix(w))
        .unwrap_or(g);
    let g = g.strip_suffix('的').unwrap_or(g);
    matches!(
        g.trim(),
        "子公司" | "孙公司" | "下属公司" | "下属企业" | "附属公司" | "子企业"
    )
}

/// Is the party ending at byte `end` only the parent of the next organization before
/// `limit` (`公司全资子公司X与Y签署…`: the parent names whose subsidiary X is, X acts)?
fn parent_of_next(s: &SentView, end: usize, limit: usize) -> bool {
    s.within(ORG, end..limit.max(end))
        .find(|(_, m)| m.range.start >= end)
        .is_some_and(|(_, m)| {
            let gap = &s.text[end..m.range.start];
            // `与区域性银行——徽商银行订立协议`: a descriptor set off by a dash before the
            // name it describes is no party of its own either.
            subsidiary_gap(gap) || matches!(gap.trim(), "——" | "—" | "--" | "－－")
        })
}

/// The organizations listed after `first` up to `end` (`收购A 34%股权、B 100%股权及C`): each
/// gap is an enumeration joint once stakes and parentheticals (`（简称“X”）`) are removed;
/// mentions inside a parenthesis are skipped.
fn listed_after(s: &SentView, first: &Range<usize>, end: usize) -> Vec<(usize, Range<usize>)> {
    let mut out = Vec::new();
    let mut prev = first.end;
    for (i, m) in s.within(ORG, first.end..end.max(first.end)) {
        if m.range.start < prev {
            continue;
        }
        let gap = &s.text[prev..m.range.start];
        if gap.matches(['（', '(']).count() > gap.matches(['）', ')']).count() {
            continue;
        }
        if !list_gap(gap) {
            break;
        }
        out.push((i, m.range.clone()));
        prev = m.range.end;
    }
    out
}

/// A gap of a list of deal targets: a joint, after dropping parentheticals and stakes.
fn list_gap(gap: &str) -> bool {
    let g = outside_parens(gap);
    let g =
        g.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | '%' | '％' | ' '));
    let g = g.trim_start_matches('的');
    let g = ["股权", "股份", "权益"]
        .iter()
        .find_map(|w| g.strip_prefix(w))
        .unwrap_or(g);
    matches!(g.trim(), "、" | "和" | "及" | "以及" | "与")
}

/// Is the text between two mentions only an enumeration joint (`、`, `和`, `先生、`)?
fn joint(s: &str) -> bool {
    let t = s.trim_matches(|c: char| c.is_whitespace());
    let t = t
        .trim_start_matches("先生")
        .trim_start_matches("女士")
        .trim_end_matches("自然人")
        .trim_matches(|c: char| c.is_whitespace());
    matches!(
        t,
        "、" | "和" | "及" | "与" | "," | "，" | "以及" | "兼" | "兼任"
    )
}

/// A mention and the ones chained to it by enumeration joints, in text order:
/// `backwards` walks left from `first` (`袁健芳、王慕昊因离职`), else right (`聘任A、B为…`).
fn chain<'m>(
    s: &SentView,
    list: &[(usize, &'m Mention)],
    first: usize,
    backwards: bool,
) -> Vec<(usize, &'m Mention)> {
    let mut out = vec![list[first]];
    let mut k = first;
    loop {
        let next = if backwards {
            k.checked_sub(1)
        } else {
            Some(k + 1).filter(|&n| n < list.len())
        };
        let Some(n) = next else { break };
        let (a, b) = if backwards {
            (list[n].1, list[k].1)
        } else {
            (list[k].1, list[n].1)
        };
        if a.range.end > b.range.start || !joint(&s.text[a.range.end..b.range.start]) {
            break;
        }
        out.push(list[n]);
        k = n;
    }
    if backwards {
        out.reverse();
    }
    out
}

/// Is the text between two people a replacement verb (`A接替B`, `A取代B`), with an adverb
/// before it (`A将接替B`, `A拟接任B`)?
fn replaces(gap: &str) -> bool {
    let g = gap.trim();
    let g = ["即将", "正式", "将", "拟", "已", "或"]
        .iter()
        .find_map(|w| g.strip_prefix(w))
        .unwrap_or(g);
    matches!(
        g.trim(),
        "接替" | "接任" | "代替" | "取代" | "替代" | "接棒"
    )
}

/// The posts a successor takes (`B将退休，A接任`, `其遗缺由A接任`, `A接替B`): the titles the
/// predecessor leaves in an earlier change of the paragraph — of `predecessor` when the verb
/// names one, else of the last person who left a post — as role mentions of the document.
fn predecessor_titles<'m>(
    doc: &'m AnnotatedDoc,
    s: &SentView,
    drafts: &Drafts,
    predecessor: Option<&str>,
) -> Vec<Indexed<'m>> {
    let title_text = crate::extract::position::title_of;
    for d in drafts.list.iter().rev() {
        if d.kind != EventKind::Appointment || d.paragraph != s.paragraph {
            continue;
        }
        let left: Vec<&Arg> = d
            .args
            .iter()
            .filter(|a| a.rel == RelType::Appointed)
            .filter(|a| a.props.status == Some(PositionStatus::Former) && a.props.title.is_some())
            .filter(|a| {
                predecessor.is_none_or(|p| doc.mentions.get(a.mention).is_some_and(|m| m.name == p))
            })
            .collect();
        if left.is_empty() {
            continue;
        }
        // The role mention each title was read from lies inside its argument's evidence.
        return left
            .iter()
            .filter_map(|a| {
                let from = doc
                    .mentions
                    .partition_point(|m| m.range.start < a.range.start);
                doc.mentions[from..]
                    .iter()
                    .enumerate()
                    .take_while(|(_, m)| m.range.start < a.range.end)
                    .find(|(_, m)| {
                        m.label == Label::Role
                            && m.range.end <= a.range.end
                            && a.props.title.as_deref() == Some(title_text(m).as_str())
                    })
                    .map(|(i, m)| (from + i, m))
            })
            .collect();
    }
    Vec::new()
}

/// Words before an appointment verb that make its clause a career summary (`此前`, `曾`,
/// `长期`).
static CAREER: WordList = WordList::new("words_event", "career");
/// Words after an appointment verb, in its clause, that make the post a span of a career
/// (`自担任总经理以来`, `在X担任Y期间`).
static CAREER_SPAN: WordList = WordList::new("words_event", "career_span");
/// Verbs of joining a company; with a year before them (`2015年3月加入X，担任Y`) the clause
/// that follows tells a career.
static CAREER_JOIN: WordList = WordList::new("words_event", "career_join");

/// Is `pre` (the text before an appointment verb, from its scope's start) a career summary:
/// a [`CAREER`] word, `自` right before the verb (`自担任总经理以来`), or a dated
/// [`CAREER_JOIN`] verb (`2015年加入X，担任Y`)?
fn career(pre: &str) -> bool {
    CAREER.iter().any(|w| pre.contains(w))
        || pre.ends_with('自')
        || dated_start(pre)
        || CAREER_JOIN.iter().any(|w| {
            pre.find(w)
                .is_some_and(|at| pre[..at].contains('年') && !pre[..at].contains("日起"))
        })
}

/// A start dated by a year or a month only (`自2009年起`, `从2013年8月起便开始`, `自2015年开始`)
/// before an appointment verb tells since when someone has held a post: a career. An
/// appointment takes effect on a day (`自2025年9月1日起`, `由2020年9月1日起生效`), and a clause
/// of its own after the date (`自2020年1月起，X将担任`) may announce one.
fn dated_start(pre: &str) -> bool {
    /// The longest date between `自`/`从` and `起`/`开始`, in characters (`2013年12月`).
    const MAX_DATE: usize = 10;
    pre.match_indices(['自', '从']).any(|(at, w)| {
        let rest = &pre[at + w.len()..];
        let Some(end) = rest.find(['起', '开']) else {
            return false;
        };
        let date = &rest[..end];
        // `自2020年1月起，X将担任`: a clause of its own after the date may announce a change
        (rest[end..].starts_with('起') || rest[end..].starts_with("开始"))
            && !rest[end..].contains(['，', ','])
            && date.contains('年')
            && date.chars().count() <= MAX_DATE
            && date.starts_with(|c: char| {
                c.is_ascii_digit() || c.is_numeric() || "〇一二三四五六七八九零".contains(c)
            })
            && date.chars().all(|c| {
                c.is_ascii_digit() || c.is_numeric() || "年月〇一二三四五六七八九十零 ".contains(c)
            })
    })
}

/// Words that say a person keeps a post (`仍担任董事`, `继续担任`, `留任`): what follows is no
/// post they leave.
fn keeps_post(gap: &str) -> bool {
    ["仍", "继续", "依然", "依旧", "留任", "保留"]
        .iter()
        .any(|w| gap.contains(w))
}

/// Verbs that make a following `新任` an attribute of the post being filled
/// (`选举产生新任董事`, `选出新任`, `物色新任`).
static ATTRIBUTIVE_NEW: WordList = WordList::new("words_event", "attributive_new");

/// How an appointment was announced: the verb, where it is, and what it means.
struct Appoint<'a> {
    trig: &'a str,
    trig_range: &'a Range<usize>,
    /// The verb names its object after it (`聘任X为Y`), so the event is named in that order.
    object_first: bool,
    status: PositionStatus,
    /// The company `公司` refers to here (the last organization before the verb).
    company: Option<usize>,
    /// The company the document is about (its announcer, else the organization named most):
    /// whose post a bare title is when the sentence names no organization at all
    /// (`董事会并通过任命财务长X兼任发言人`).
    subject: Option<usize>,
}

/// Announcement verbs right after an organization (`X公告，`, `X宣佈，`): the clause after them
/// tells the organization's own news.
const ANNOUNCE_VERBS: &[&str] = &[
    "发布公告",
    "發布公告",
    "公告",
    "宣布",
    "宣佈",
    "公布",
    "公佈",
];

/// The organization a title belongs to: one named right before it (`为青禾集团副总裁`), or the
/// company in context when the title follows `公司`/`本公司`/`集团` (`聘任X为公司总经理`).
fn org_of_title(doc: &AnnotatedDoc, s: &SentView, title: &Mention, how: &Appoint) -> Option<usize> {
    let company = how.company;
    let before = board_prefix(s, &s.text[..title.range.start]);
    let before = before.strip_suffix('的').unwrap_or(before);
    if let Some((i, _)) = s
        .of(Label::Organization)
        .find(|(_, o)| o.range.end == before.len())
    {
        return Some(i);
    }
    // `X公告，执行董事甲将于…退任`: a title opening the clause right after an organization's
    // announcement verb is a post of that organization.
    if let Some(rest) = before.strip_suffix(['，', ','])
        && let Some(rest) = ANNOUNCE_VERBS.iter().find_map(|w| rest.strip_suffix(w))
        && let Some((i, _)) = s
            .of(Label::Organization)
            .find(|(_, o)| o.range.end == rest.len())
    {
        return Some(i);
    }
    // `X董事会…聘任甲为总经理`: a bare title right after the appointing verb is a post of the
    // company whose board appoints (`X（以下简称“X”）董事会`: past the alias).
    if before.ends_with(['为', '任'])
        && let Some((i, _)) = s
            .of(Label::Organization)
            .filter(|(_, o)| o.range.end <= before.len())
            .filter(|(_, o)| board_of(&s.text[o.range.end..]))
            .last()
    {
        return Some(i);
    }
    // `董事会并通过任命财务长X兼任发言人`: a bare title after the verb in a sentence that names
    // no other organization than the company the document is about (`公司召开董事会，聘任甲为
    // 董事会秘书`) is a post of that company. An organization between the verb and the title
    // only describes the appointee (`委任前X公司处长甲为营运长`: where 甲 worked before), so it
    // does not count.
    let subject_name = how.subject.map(|i| mention_name(doc, i));
    if before.ends_with(['为', '任'])
        && !s.of(Label::Organization).any(|(_, o)| {
            (o.range.end <= how.trig_range.start || o.range.start >= title.range.end)
                && subject_name.as_deref() != Some(o.name.as_str())
        })
    {
        return how.subject;
    }
    // `委任X为公司秘书`: a title that opens with `公司` itself (a Hong Kong filing's 公司秘书)
    // carries the self-reference: after a verb or punctuation it is the post of the company
    // in context, as after a bare `公司` (session 24).
    let bare = |b: &str| {
        b.chars()
            .next_back()
            .is_none_or(|c| "为任去的兼及、，,：:".contains(c) || !is_han(c))
    };
    let opens_with_self = s
        .text
        .get(title.range.clone())
        .is_some_and(|t| t.starts_with("公司"));
    if opens_with_self && bare(before) {
        return company;
    }
    let word = crate::extract::COMPANY_SELF_WORDS
        .into_iter()
        .find(|w| before.ends_with(w))?;

    // `…有限公司总经理` that is no organization mention is some other company: only a bare
    // `公司` after a verb or punctuation means this one.
    bare(&before[..before.len() - word.len()])
        .then_some(company)
        .flatten()
}

/// Does `rest` (the text right after an organization) start with its board — directly, after
/// the closing quote of an alias, or after a short parenthesis (`（以下简称“X”）董事会`)?
fn board_of(rest: &str) -> bool {
    let mut r = rest.trim_start_matches(['”', '」', '’', '』', '"']);
    if r.starts_with(['（', '(']) {
        let Some(close) = r
            .char_indices()
            .take(40)
            .find(|(_, c)| matches!(c, '）' | ')'))
        else {
            return false;
        };
        r = &r[close.0 + close.1.len_utf8()..];
    }
    r.trim_start_matches(['）', ')']).starts_with("董事会")
}

/// The text before a title with what only qualifies it dropped, so that the organization
/// before it is found: the titles listed before it (`公司董事、副总经理`, `董事及副总经理`: one
/// organization for the list) and the board it sits on (`公司第四届董事会董事`).
fn board_prefix<'t>(s: &SentView, before: &'t str) -> &'t str {
    let mut b = before;
    loop {
        let len = b.len();
        // an earlier title of the same list and its joint
        if let Some(j) = ["、", "及", "和", "兼"].iter().find(|j| b.ends_with(**j)) {
            let at = b.len() - j.len();
            if let Some((_, r)) = s.of(Label::Role).find(|(_, r)| r.range.end == at) {
                b = &b[..r.range.start];
            }
        }
        // the board: `第四届董事会`, `董事会`, `监事会`
        for unit in ["董事会", "监事会"] {
            if let Some(x) = b.strip_suffix(unit) {
                let x = x.strip_suffix('届').map_or(x, |y| {
                    let z = y.trim_end_matches(|c: char| {
                        c.is_ascii_digit() || "一二三四五六七八九十".contains(c)
                    });
                    z.strip_suffix('第').unwrap_or(y)
                });
                b = x;
            }
        }
        if b.len() == len {
            return b;
        }
    }
}

/// One Appointment for `person` with `titles` (APPOINTED {title, status} each), unless the
/// document already has the same change; returns the draft index.
fn appoint_one(
    doc: &AnnotatedDoc,
    s: &SentView,
    drafts: &mut Drafts,
    how: &Appoint,
    (pi, pm): Indexed,
    titles: &[Indexed],
) -> Option<usize> {
    let (trig, object_first, status) = (how.trig, how.object_first, how.status);
    let title_text = crate::extract::position::title_of;
    let first_title = titles.first().map(|(_, m)| title_text(m));
    // The organization of each title (HOLDS_POSITION below), read once.
    let orgs: Vec<Option<usize>> = titles
        .iter()
        .map(|(_, r)| org_of_title(doc, s, r, how))
        .collect();
    let org_keys_of: Vec<Option<String>> = orgs
        .iter()
        .map(|o| o.map(|i| crate::link::key(&mention_name(doc, i))))
        .collect();
    let first_org = org_keys_of.first().cloned().flatten();
    // The same person, title and status from another trigger (`因退休，不再担任副总经理`):
    // one appointment, not two — unless the title is held at another organization (a group's
    // `免去X…董事长职务`, then its listed subsidiary's `X辞去公司董事长职务`). The change told
    // again joins the draft that told it first: the titles and organizations only the second
    // telling names are kept (`因退休，辞去公司董事长、董事职务` after `董事长X退休`).
    let same_change = match drafts.same_change(
        &pm.name,
        first_title.as_deref(),
        status,
        first_org.as_deref(),
    ) {
        None => None,
        Some(None) => return None,
        Some(Some(j)) => Some(j),
    };
    // A headline's change with no organization written (`董事长X到龄退休`) is a change at the
    // company the document is about: a later telling at another organization (the group's
    // `免去X的集团董事长职务`) is another change, and the headline's is placed at that company
    // (its own telling, `X辞去公司董事长职务`, joins it).
    let same_change = match (same_change, &first_org, how.subject, first_title.as_deref()) {
        (Some(j), Some(o), Some(subj), Some(t))
            if drafts.list[j].paragraph == 0 && !drafts.placed(&pm.name, t, status) =>
        {
            let sk = crate::link::key(&mention_name(doc, subj));
            if sk.is_empty() || sk.contains(o.as_str()) || o.contains(sk.as_str()) {
                Some(j)
            } else {
                drafts.record_appointed_org(&pm.name, t, status, sk, j);
                None
            }
        }
        (sc, ..) => sc,
    };
    // A change of the same post at another organization is named with it, so that the two
    // drafts stay apart.
    let other_org = same_change.is_none()
        && already_appointed(drafts, &pm.name, first_title.as_deref(), status);
    let first_title = match (&first_title, other_org, orgs.first().copied().flatten()) {
        (Some(t), true, Some(o)) => Some(format!("{}{t}", mention_name(doc, o))),
        _ => first_title,
    };
    // Named in the text's own order: `聘任王海为总经理`, `王海当选董事长`.
    let name = match (object_first, &first_title) {
        (true, Some(title)) if status == PositionStatus::New => {
            format!("{trig}{}为{title}", pm.name)
        }
        (true, title) => format!("{trig}{}{}", pm.name, title.as_deref().unwrap_or_default()),
        (false, title) => format!("{}{trig}{}", pm.name, title.as_deref().unwrap_or_default()),
    };
    let name = same_change.map_or(name, |j| drafts.list[j].name.clone());
    let mut d = dated_draft(
        EventKind::Appointment,
        name,
        s,
        how.trig_range,
        APPOINTMENT,
        false,
    );
    let ev_range = span(&pm.range, how.trig_range);
    if titles.is_empty() {
        d.add(arg(
            RelType::Appointed,
            pi,
            Dir::ToEvent,
            RelProps {
                status: Some(status),
                ..RelProps::default()
            },
            APPOINTMENT,
            s.idx,
            ev_range.clone(),
        ));
    }
    let mut org_keys: Vec<(String, String)> = Vec::new();
    for (k, &(ri, r)) in titles.iter().enumerate() {
        // (a successor's title may be read in an earlier sentence: the evidence stays here)
        let ev_title = if r.range.start >= s.range.start {
            span(&ev_range, &r.range)
        } else {
            ev_range.clone()
        };
        let evidence = Evidence::new(s.idx, ev_title.clone(), APPOINTMENT);
        let mut bind = |rel, to, status| {
            drafts.direct.push(Relation {
                rel,
                from: NodeRef::Mention(pi),
                to: NodeRef::Mention(to),
                props: RelProps {
                    title: Some(title_text(r)),
                    status,
                    ..RelProps::default()
                },
                evidence: evidence.clone(),
            })
        };
        // The appointee holds the title whatever the organization: HAS_ROLE, as a position
        // read from `总经理X` gives; HOLDS_POSITION where the title's organization is known.
        bind(RelType::HasRole, ri, None);
        if let Some(org) = orgs.get(k).copied().flatten() {
            bind(RelType::HoldsPosition, org, Some(status));
        }
        if let Some(key) = org_keys_of.get(k).cloned().flatten() {
            org_keys.push((title_text(r), key));
        }
        d.add(arg(
            RelType::Appointed,
            pi,
            Dir::ToEvent,
            RelProps {
                title: Some(title_text(r)),
                status: Some(status),
                ..RelProps::default()
            },
            APPOINTMENT,
            s.idx,
            ev_title,
        ));
    }
    let i = drafts.upsert(d);
    drafts.index_appointed(doc, i);
    for (title, org) in org_keys {
        drafts.record_appointed_org(&pm.name, &title, status, org, i);
    }
    Some(i)
}

/// `title：name` items in the sentences after an appointing verb that named nobody
/// (`聘任高级管理人员，其中总经理：X，任期…；副总经理：Y、Z，任期…`), in its paragraph.
fn listed_appointments(doc: &AnnotatedDoc, s: &SentView, drafts: &mut Drafts, st: &mut State) {
    let Some((para, trig)) = st.appoint_list.clone() else {
        return;
    };
    if para != s.paragraph {
        st.appoint_list = None;
        return;
    }
    if s.trigs
        .iter()
        .any(|t| t.kind == Some(EventKind::Appointment))
    {
        return;
    }
    let people: Vec<Indexed> = s.of(Label::Person).collect();
    let roles: Vec<Indexed> = s.of(Label::Role).collect();
    for (person, title) in titled_list(s, s.range.start, &people, &roles) {
        let how = Appoint {
            trig: &trig,
            trig_range: &title.1.range,
            object_first: true,
            status: PositionStatus::New,
            company: st.last_org,
            subject: st.announcer.or(st.main_org),
        };
        appoint_one(doc, s, drafts, &how, person, &[title]);
    }
}

/// A mention with its index in the document's mention list.
type Indexed<'m> = (usize, &'m Mention);

/// An announcement's list after an appointing verb, anywhere later in its sentence: each title
/// followed by a colon and the names it goes to (`聘任高级管理人员：总经理：张三；副总经理：李四、
/// 王五`). Returns (person, title) pairs in text order.
fn titled_list<'m>(
    s: &SentView,
    from: usize,
    people: &[(usize, &'m Mention)],
    roles: &[(usize, &'m Mention)],
) -> Vec<(Indexed<'m>, Indexed<'m>)> {
    let mut out = Vec::new();
    for &(ri, r) in roles.iter().filter(|(_, r)| r.range.start >= from) {
        let Some(colon) = s.text[r.range.end..]
            .chars()
            .next()
            .filter(|c| matches!(c, '：' | ':'))
        else {
            continue;
        };
        let at = r.range.end + colon.len_utf8();
        let at = at + (s.text[at..].len() - s.text[at..].trim_start().len());
        if let Some(k) = people.iter().position(|(_, p)| p.range.start == at) {
            out.extend(chain(s, people, k, false).into_iter().map(|p| (p, (ri, r))));
        }
    }
    out
}

/// Does an Appointment draft of this document already appoint person `person` to `title` (or
/// to no title) with `status`? A notice says `辞去总经理职务` and later `不再担任总经理`: one change.
fn already_appointed(
    drafts: &Drafts,
    person: &str,
    title: Option<&str>,
    status: PositionStatus,
) -> bool {
    drafts.appointed(person, title, status)
}

/// `聘任X、Y为Z`, `X当选Z`, `X辞去Z`, `A、B因离职`: one Appointment per person, APPOINTED
/// {title, status} for each title. The resulting HOLDS_POSITION (with status new/former) is
/// the position family's (`src/extract/position.rs`), which reads the same verbs.
fn appointment(
    doc: &AnnotatedDoc,
    s: &SentView,
    t: &Trig,
    drafts: &mut Drafts,
    st: &mut State,
) -> Option<usize> {
    let status = match t.entry.attr("status") {
        Some("former") => PositionStatus::Former,
        _ => PositionStatus::New,
    };
    let floor = scope_start(s, t.range.start);
    let ce = s.clause_end(t.range.end);
    let trig = &s.text[t.range.clone()];
    let object_first = t.entry.attr("object") == Some("after");
    let people: Vec<(usize, &Mention)> = s.of(Label::Person).collect();
    let after: Vec<usize> = (0..people.len())
        .filter(|&k| people[k].1.range.start >= t.range.end && people[k].1.range.end <= ce)
        .collect();
    // `X离世后，公司独立董事Y获委任为…`: the person of a time clause (ending in 后) before the
    // trigger's clause is not its subject when that clause names a title of its own before the
    // verb — its subject is there (found as a person or not). `X退休后，不再担任董事` keeps X.
    let own_clause = s.clause_start(t.range.start);
    let titled_clause = s
        .of(Label::Role)
        .any(|(_, r)| r.range.start >= own_clause && r.range.end <= t.range.start);
    let time_clause = |m: &Mention| {
        let end = s.clause_end(m.range.end);
        end <= own_clause && s.text[m.range.end..end].trim_end().ends_with('后')
    };
    // Session 25 (lead): an attributive trigger (clause_open=after: 新任) opening its clause
    // names the post's new holder after it (`X辞任，新任财务长由Y接任`): a person of an earlier
    // clause is not its subject.
    let opens_clause = t.entry.attr("clause_open") == Some("after")
        && s.text[own_clause..t.range.start].trim().is_empty();
    let before: Vec<usize> = (0..people.len())
        .filter(|&k| people[k].1.range.start >= floor && people[k].1.range.end <= t.range.start)
        .filter(|&k| !(titled_clause && time_clause(people[k].1)))
        .filter(|_| !opens_clause)
        .collect();
    // `独立董事X先生于6月1日离世` ends every post of X; `董事长X的母亲离世` ends none: a death
    // (death=1 in triggers_appointment.txt) is the person's only when nothing of theirs (的)
    // stands between the name and the verb.
    if t.entry.attr("death") == Some("1")
        && before
            .last()
            .is_none_or(|&k| s.text[people[k].1.range.end..t.range.start].contains('的'))
    {
        return None;
    }
    // `A接替B担任X`: A is appointed, B is the one replaced.
    let subject = before.last().map(|&k| match before.iter().rev().nth(1) {
        Some(&j) if replaces(&s.text[people[j].1.range.end..people[k].1.range.start]) => j,
        _ => k,
    });
    // `经董事长X提名`: with no object after a 聘任/提名-type verb, the person before it is the
    // one who nominates — unless the clause is passive (`X被聘任为`, `X获聘任为`).
    let passive = |k: usize| {
        let between = &s.text[people[k].1.range.end.min(t.range.start)..t.range.start];
        between.contains(['被', '获', '受'])
    };
    // A career summary (`此前在X担任Y`, `曾担任`, `长期担任…顾问`, `自担任总经理以来`, `在X担任Y
    // 期间`, `2015年加入X，担任Y`) is biography, not an appointment.
    if status == PositionStatus::New && !object_first && career(&s.text[floor..t.range.start]) {
        return None;
    }
    if status == PositionStatus::New
        && !object_first
        && CAREER_SPAN
            .iter()
            .any(|w| s.text[t.range.end..ce].contains(w))
    {
        return None;
    }
    // `辞职后仍在公司担任X`, `继续担任X`: a post the person keeps is no new one; `对其担任总经理
    // 职务期间…表示感谢`: the thanks formula looks back at a post.
    if status == PositionStatus::New && !object_first {
        let pre = &s.text[s.clause_start(t.range.start)..t.range.start];
        if keeps_post(pre) || (pre.ends_with('其') && pre.contains('对')) {
            return None;
        }
    }
    // `替代了即将退休的X`, `即将卸任的X`: a leaving verb before 的 and a person describes that
    // person; the subject before the verb leaves nothing.
    if status == PositionStatus::Former
        && !object_first
        && let Some(rest) = s.text[t.range.end..ce].strip_prefix('的')
        && rest.chars().count() <= 40
        && (rest
            .trim_start()
            .starts_with(|c: char| c.is_ascii_uppercase())
            || people.iter().any(|(_, p)| {
                p.range.start >= ce - rest.len()
                    && p.range.end <= ce
                    && s.text[ce - rest.len()..p.range.start].chars().count() <= 12
            }))
    {
        return None;
    }
    let roles: Vec<(usize, &Mention)> = s.of(Label::Role).collect();
    // `X担任圆桌讨论主持人`: a part in an event (主持人, 嘉宾) is no post (see `moderators`).
    if roles
        .iter()
        .find(|(_, r)| r.range.start >= t.range.end && r.range.end <= ce)
        .is_some_and(|(_, r)| EVENT_PARTS.contains(&&s.text[r.range.clone()]))
    {
        return None;
    }
    // (With none before the verb in its sentence, a bare `公司` is the company the article is
    // about — its announcer, else the one named most — as for any anaphor: `…嘉禾物流成为公司
    // 控股子公司。董事会同意聘任X为公司总经理` appoints at the announcer, not at 嘉禾物流.)
    let company = s
        .of(Label::Organization)
        .filter(|(_, o)| o.range.end <= t.range.start)
        .last()
        .map(|(i, _)| i)
        .or(st.announcer)
        .or(st.main_org)
        .or(st.last_org);
    let listed = if object_first && status == PositionStatus::New {
        titled_list(s, t.range.end, &people, &roles)
    } else {
        Vec::new()
    };
    if object_first && status == PositionStatus::New && (after.is_empty() || !listed.is_empty()) {
        st.appoint_list = Some((s.paragraph, trig.to_string()));
    }
    // `感谢卸任主席X`: a leaving verb right before a title and a name is an attribute — X is
    // the one who left that post, not the subject before the verb.
    let attributive = (status == PositionStatus::Former && !object_first)
        .then(|| {
            roles
                .iter()
                .find(|(_, r)| r.range.start == t.range.end)
                .and_then(|(_, r)| {
                    people
                        .iter()
                        .find(|(_, p)| p.range.start == r.range.end)
                        .map(|&p| (p, *r))
                })
        })
        .flatten();
    if let Some(((pi, pm), r)) = attributive {
        let how = Appoint {
            trig,
            trig_range: &t.range,
            object_first: true,
            status,
            company,
            subject: st.announcer.or(st.main_org),
        };
        let ri = roles
            .iter()
            .find(|(_, x)| x.range == r.range)
            .map(|(i, _)| *i)?;
        return appoint_one(doc, s, drafts, &how, (pi, pm), &[(ri, r)]);
    }
    let persons = if !listed.is_empty() {
        listed.iter().map(|(p, _)| *p).collect()
    } else {
        match (object_first, after.first(), subject) {
            (true, Some(&k), _) => chain(s, &people, k, false),
            (true, None, Some(k)) if !passive(k) => return None,
            (_, _, Some(k)) => chain(s, &people, k, true),
            (false, Some(&k), None) => chain(s, &people, k, false),
            _ => return None,
        }
    };
    let last_end = persons.last().map(|(_, m)| m.range.end)?;
    // Titles after the trigger and the people, in the clause (chained: `A、B为副总裁、董事`).
    let from = last_end.max(t.range.end);
    let after_titles: Vec<(usize, &Mention)> = match roles
        .iter()
        .position(|(_, r)| r.range.start >= from && r.range.end <= ce)
    {
        Some(k) if listed.is_empty() => chain(s, &roles, k, false),
        _ => Vec::new(),
    };
    // `辞去总经理职务，辞职后仍担任董事`: a post the person keeps (`仍/继续/依然担任`) is not
    // one they leave; a leaving verb whose only titles are kept reports no change of its own.
    let after_titles = if status == PositionStatus::Former {
        let kept: Vec<_> = after_titles
            .iter()
            .take_while(|(_, r)| !keeps_post(&s.text[from..r.range.start]))
            .copied()
            .collect();
        if kept.is_empty() && !after_titles.is_empty() {
            return None;
        }
        // `首席风险官兼合规负责人X女士的辞职报告，X女士因个人原因辞去所任职务`: the posts left
        // are the titles written before the person's name in the sentence.
        let held = [
            "所任",
            "全部职务",
            "一切职务",
            "所有职务",
            "相关职务",
            "上述职务",
        ]
        .iter()
        .any(|w| s.text[t.range.end..].starts_with(w));
        // (so does a leaving verb with no object at all, for one person named with titles
        // earlier in the sentence: `收到副总经理X的辞职报告，X因个人原因辞职`)
        let bare = s.text[t.range.end..ce]
            .chars()
            .all(|c| !is_han(c) || c == '了');
        if kept.is_empty() && (held || (after_titles.is_empty() && bare && persons.len() == 1)) {
            persons
                .first()
                .and_then(|(_, p)| {
                    people
                        .iter()
                        .filter(|(_, q)| q.name == p.name && q.range.end <= p.range.end)
                        .find_map(|(_, q)| {
                            roles.iter().position(|(_, r)| {
                                r.range.end <= q.range.start
                                    && s.text[r.range.end..q.range.start].trim().is_empty()
                            })
                        })
                })
                .map(|k| chain(s, &roles, k, true))
                .unwrap_or_default()
        } else {
            kept
        }
    } else {
        after_titles
    };
    // `A董事长X担任本场路演评委`: 担任 names the post after it; with no title there, the title
    // before the person is their affiliation, not the post taken.
    // (`Y由X担任` names the post before 由: position.assigned reads it)
    if trig == "担任"
        && after_titles.is_empty()
        && persons.first().is_some_and(|(_, p)| {
            !s.text[s.clause_start(p.range.start)..p.range.start].contains('由')
        })
    {
        return None;
    }
    // `在选举产生新任独立董事前`: `新任` naming the title someone else will be chosen for is
    // an attribute of that title, not the subject's appointment.
    if trig == "新任"
        && ATTRIBUTIVE_NEW
            .iter()
            .any(|w| s.text[floor..t.range.start].ends_with(w))
    {
        return None;
    }
    // `X先生在新任独立董事就任前将继续履职`: a new holder who takes the post later (在/待 before
    // `新任`, or 就任/到任/履职/产生 after its title) is someone else, not the subject.
    if trig == "新任"
        && (["在", "待", "于"]
            .iter()
            .any(|w| s.text[floor..t.range.start].ends_with(w))
            || after_titles.first().is_some_and(|(_, r)| {
                ["就任", "到任", "履职", "任职", "产生", "选出"]
                    .iter()
                    .any(|w| s.text[r.range.end..].starts_with(w))
            }))
    {
        return None;
    }
    // `A担任监事的X公司`, `A担任执行事务合伙人的X`: a relative clause describes X; it tells
    // of no change (`担任…的职务` is a plain object).
    if !object_first
        && let Some((_, last)) = after_titles.last()
        && let Some(rest) = s.text[last.range.end..].strip_prefix('的')
        && !["职务", "职位", "岗位", "工作"]
            .iter()
            .any(|w| rest.starts_with(w))
    {
        return None;
    }
    // `X等12家单位当选为副理事长单位`: a seat held by organizations, no person's title.
    if after_titles
        .first()
        .is_some_and(|(_, r)| s.text[r.range.end..].starts_with("单位"))
    {
        return None;
    }
    // `A接替B担任Y`: the later verb names the post; the succession verb leaves it to that one.
    if t.entry.attr("succession").is_some()
        && s.trigs_in(t.range.end..ce)
            .any(|x| x.kind == Some(EventKind::Appointment))
    {
        return None;
    }
    let mut first = None;
    for (pi, pm) in persons {
        // Without titles after: the titles chained right before the person
        // (`代理发言人、资深处长孙又文将退休`).
        let titles = if let Some((_, r)) = listed.iter().find(|(p, _)| p.0 == pi) {
            vec![*r]
        } else if after_titles.is_empty() {
            let own = match roles.iter().position(|(_, r)| {
                r.range.end == pm.range.start
                    || r.range.end + 1 >= pm.range.start
                        && r.range.end <= pm.range.start
                        && s.text[r.range.end..pm.range.start].trim().is_empty()
            }) {
                Some(k) => chain(s, &roles, k, true),
                None => Vec::new(),
            };
            // `代理发言人由财会处处长X担任`: the post is the title before 由; the titles
            // right before the person are what they hold now.
            let start = own.first().map_or(pm.range.start, |(_, r)| r.range.start);
            // (an organization before those titles is theirs too: `由国发会副主委X接任`)
            let start = s
                .of(Label::Organization)
                .find(|(_, o)| o.range.end == start && o.range.start >= floor)
                .map_or(start, |(_, o)| o.range.start);
            // `常务次长一职则由署长X升任`: a post word and an adverb may stand between the post
            // and 由; `遗缺由…X接任` names no post, and the titles before the person are still
            // only what they hold now.
            let by = (!object_first && status == PositionStatus::New)
                .then(|| s.text[floor..start].strip_suffix('由'))
                .flatten();
            match by {
                Some(b) => {
                    let b = b.trim_end_matches(['则', '将', '拟', '改', '现']);
                    let b = crate::extract::position::POST_WORDS
                        .iter()
                        .find_map(|w| b.strip_suffix(*w))
                        .unwrap_or(b);
                    roles
                        .iter()
                        .find(|(_, r)| r.range.end == floor + b.len())
                        .map(|p| vec![*p])
                        .unwrap_or_default()
                }
                None => own,
            }
        } else {
            after_titles.clone()
        };
        // `B将退休，A接任`, `其遗缺由A接任`, `A接替B`: with no post after the verb, the
        // successor takes the posts the predecessor leaves in the paragraph; the titles before
        // the successor's own name are only what they hold now.
        let titles = if t.entry.attr("succession").is_some() && after_titles.is_empty() {
            let named = people
                .iter()
                .find(|(_, q)| q.range.start >= t.range.end && q.range.end <= ce)
                .map(|(_, q)| q.name.as_str());
            predecessor_titles(doc, s, drafts, named)
        } else {
            titles
        };
        // A change names a post: `激励对象A、B因离职`, `X前脚刚退休` tell of no post left.
        if titles.is_empty() {
            continue;
        }
        let how = Appoint {
            trig,
            trig_range: &t.range,
            object_first,
            status,
            company,
            subject: st.announcer.or(st.main_org),
        };
        if let Some(i) = appoint_one(doc, s, drafts, &how, (pi, pm), &titles) {
            first = first.or(Some(i));
        }
    }
    first
}

/// `A设立/成立/发起 X基金/公司`: ESTABLISHED (A → event named X), HAS_AMOUNT.
fn establishment(
    doc: &AnnotatedDoc,
    s: &SentView,
    t: &Trig,
    drafts: &mut Drafts,
    st: &mut State,
) -> Option<usize> {
    if generic(s, &t.range, EventKind::Establishment) {
        return None;
    }
    // `产业基金尚需完成工商登记`: a step still to come is no establishment.
    if ["尚需", "尚须", "仍需", "仍须", "还需", "有待"]
        .iter()
        .any(|w| s.text[..t.range.start].ends_with(w))
    {
        return None;
    }
    let floor = scope_start(s, t.range.start);
    let ce = s.clause_end(t.range.end);
    if let Some(i) =
        ceremony(s, t, drafts, floor).or_else(|| passive_establishment(s, t, drafts, floor))
    {
        st.ceremony = Some(i);
        let name = &drafts.list[i].name;
        st.founded = s
            .of(Label::Organization)
            .find(|(_, m)| &m.name == name)
            .map(|(j, _)| j);
        return Some(i);
    }
    if let Some(i) = established_by(doc, s, t, drafts, st, floor) {
        return Some(i);
    }
    // `A拟收购B 70%股权　同步发起设立C基金`: an earlier deal verb of the scope shares its
    // subject with this one when only its own clause's organizations (its objects) stand
    // between them: B is bought, A founds.
    let earlier = s
        .trigs_in(floor..t.range.start)
        .filter(|x| {
            matches!(x.kind, Some(EventKind::Acquisition | EventKind::Investment))
                && x.range.end <= t.range.start
        })
        .last()
        .map(|x| x.range.clone());
    let shared = earlier.filter(|e| {
        s.within(ORG, e.end..t.range.start)
            .all(|(_, m)| s.clause_start(m.range.start) <= e.start)
    });
    // (`A在致辞中表示，合州将设立X基金`: a place opening the verb's own clause founds it, not
    // the speaker of an earlier clause)
    let place = place_founder(doc, s, st, &t.range);
    let founder = match &place {
        Some(p) => p.clone(),
        None => agent(s, st, floor, shared.as_ref().unwrap_or(&t.range), ORG)?,
    };
    // The new entity: an organization right after the trigger, or a noun phrase after it
    // ending in an entity word.
    let new = s.within(ORG, t.range.end..ce).next();
    let name = match new {
        Some((_, m)) => m.name.clone(),
        None => {
            // (`设立10亿元新能源汽车产业基金`: an amount right after the verb is the size, no
            // part of the name)
            let from = s
                .within(&[Label::Amount], t.range.end..ce)
                .next()
                .filter(|(_, m)| {
                    s.text[t.range.end..m.range.start]
                        .chars()
                        .all(|c| c.is_whitespace() || c == '了')
                })
                .map_or(t.range.end, |(_, m)| m.range.end);
            let after = &s.text[from..ce];
            let cut = ENTITY_ENDS
                .iter()
                .filter_map(|e| after.find(e).map(|i| i + e.len()))
                .min()?;
            // (`设立总规模200亿元的X基金`: a description before 的 is no part of the name)
            let named = &after[..cut];
            let named = match named.rfind('的') {
                Some(k) if named[k + '的'.len_utf8()..].chars().count() >= 4 => {
                    &named[k + '的'.len_utf8()..]
                }
                _ => named,
            };
            // (`成立“X研发中心”`: the quote marks around the name are no part of it)
            let named: String = named
                .trim_start_matches(['了', '一'])
                .chars()
                .filter(|c| !QUOTE_MARKS.contains(*c))
                .collect();
            let n = clean_name(&named);
            // A bare entity word (`设立公司`, `设立专项基金`) is too generic to be a node.
            if n.chars().count() < 4 || n.starts_with("专项") {
                return None;
            }
            n
        }
    };
    // (`合肥已设立总规模100亿元的X基金和总规模30亿元的Y基金`: a place founding a list of
    // funds — the second's size would go to the first — makes no event)
    if place.is_some() {
        let tail = s.text.get(t.range.end..ce).unwrap_or("");
        let listed = tail.find(name.as_str()).is_some_and(|k| {
            tail[k + name.len()..]
                .trim_start()
                .starts_with(['和', '及', '与', '、'])
        });
        if listed {
            return None;
        }
    }
    let rule = if place.is_some() {
        ESTABLISHMENT_PLACE
    } else {
        ESTABLISHMENT
    };
    let mut d = dated_draft(EventKind::Establishment, name, s, &t.range, rule, false);
    // `A与B签署备忘录，双方将共同设立X基金`: 双方 are the organizations of the signing in
    // context, and both set it up.
    let both = joint_investors(doc, s, drafts, st, floor, &t.range);
    if both.is_empty() {
        d.add(to_event(
            RelType::Established,
            founder.0,
            rule,
            s.idx,
            span(&founder.1, &t.range),
        ));
    }
    for (i, r) in both {
        d.add(to_event(
            RelType::Established,
            i,
            ESTABLISHMENT_JOINT,
            s.idx,
            span(&r, &t.range),
        ));
    }
    amounts(s, &t.range, &mut d, EventKind::Establishment, AMOUNT);
    // (a new organization named as one: what a later `其中A出资3亿元` puts money into)
    if let Some((j, _)) = new {
        st.founded = Some(j);
    }
    Some(drafts.upsert(d))
}

/// Words of time or plan that may stand between a place and its founding verb (`苏州将设立`,
/// `合州今年拟发起设立`).
const PLACE_FOUNDER_GAP: [&str; 14] = [
    "将", "拟", "计划", "还", "也", "再", "已", "已经", "正式", "近期", "年内", "今年", "率先",
    "首期",
];

/// `苏州将设立总规模50亿元的X基金`: a place that opens the founding verb's clause (nothing
/// before it in the clause, only [`PLACE_FOUNDER_GAP`] words between it and the verb) sets the
/// entity up — by its government when the document names one (`苏州市人民政府`), else the place
/// itself (ESTABLISHED Location → Event). Returns the founder and the place's range.
fn place_founder(
    doc: &AnnotatedDoc,
    s: &SentView,
    st: &State,
    t: &Range<usize>,
) -> Option<(usize, Range<usize>)> {
    let cs = s.clause_start(t.start);
    let (i, m) = s.within(&[Label::Location], cs..t.start).next()?;
    if !s.text.get(cs..m.range.start)?.trim().is_empty() {
        return None;
    }
    let mut gap = s.text.get(m.range.end..t.start)?.trim();
    while !gap.is_empty() {
        let w = PLACE_FOUNDER_GAP
            .iter()
            .filter(|w| gap.starts_with(*w))
            .max_by_key(|w| w.len())?;
        gap = gap[w.len()..].trim_start();
    }
    let founder = government_of(doc, &st.governments, &m.name).unwrap_or(i);
    Some((founder, m.range.clone()))
}

/// The entity words that end the name of something established.
static ENTITY_ENDS: WordList = WordList::new("words_event", "entity_end");

/// `X基金设立(签约)仪式在合肥举行`: the ceremony of an establishment names what is set up
/// right before the trigger; its founders come later (`该基金由A联合B共同发起`).
fn ceremony(s: &SentView, t: &Trig, drafts: &mut Drafts, floor: usize) -> Option<usize> {
    let after = &s.text[t.range.end..s.clause_end(t.range.end)];
    // `X联盟成立大会暨…`: a founding assembly is a ceremony of the establishment too; so is a
    // joint one (`X基金设立暨签约仪式`, `成立暨揭牌仪式`).
    let joint = after.starts_with('暨')
        && after
            .char_indices()
            .take(8)
            .any(|(i, _)| after[i..].starts_with("仪式"));
    if !(joint
        || after.starts_with("仪式")
        || after.starts_with("签约仪式")
        || after.starts_with("揭牌仪式")
        || after.starts_with("大会"))
    {
        return None;
    }
    let before = &s.text[floor..t.range.start];
    let name = if ENTITY_ENDS.iter().any(|e| before.ends_with(e)) {
        let start = s.name_start(t.range.start, floor);
        clean_name(strip_year(s.disp(start..t.range.start)))
    } else if HELD_VERBS.iter().any(|v| before.trim_end().ends_with(v)) {
        // `X基金（以下简称…）在Y举行设立仪式`: the subject of the holding verb is what is set
        // up — the first organization of the scope with an entity word at its end and no
        // place or partner marker (`在Y中心` is the venue).
        let (_, m) = s
            .within(ORG, floor..t.range.start)
            .next()
            .filter(|(_, m)| {
                ENTITY_ENDS.iter().any(|e| m.name.ends_with(e))
                    && !marker(s, m).contains(['在', '于', '与', '和', '由'])
            })?;
        m.name.clone()
    } else if let Some((_, m)) = s
        .within(ORG, floor..t.range.start)
        .filter(|(_, m)| {
            // `X基金合伙企业（有限合伙）（以下简称“X”）设立仪式`: the organization right before
            // the trigger (its legal form at its end), an alias aside between them or nothing,
            // is what is set up.
            let gap = s.text[m.range.end..t.range.start].trim();
            (gap.is_empty()
                || gap.starts_with(['（', '('])
                    && gap.ends_with(['）', ')'])
                    && !gap.contains(['，', '。']))
                && set_up_entity(m)
        })
        .last()
    {
        m.name.clone()
    } else {
        return None;
    };
    if name.chars().count() < 4 {
        return None;
    }
    let d = founding(s, t, name, ESTABLISHMENT_CEREMONY);
    Some(drafts.upsert(d))
}

/// The establishment of `name` told by trigger `t`: dated and placed by its sentence, with the
/// founders named after 由 later in it.
fn founding(s: &SentView, t: &Trig, name: String, rule: RuleId) -> Draft {
    let mut d = dated_draft(EventKind::Establishment, name, s, &t.range, rule, false);
    d.location = best_location(s);
    for (i, r) in founded_by(s, t.range.end) {
        d.add(to_event(RelType::Established, i, rule, s.idx, r));
    }
    d
}

/// `代表双方/各方/三方…`: the people before the cue act for all parties, each for the
/// organization that prefixes their title.
static ALL_PARTIES: WordList = WordList::new("words_event", "all_parties");

/// Verbs of holding a ceremony (`在Y举行设立仪式`).
static HELD_VERBS: WordList = WordList::new("words_event", "held");

/// Verbs that found something, after `由A、B` (`由A、B共同出资设立`).
static FOUNDING_VERBS: WordList = WordList::new("words_event", "founding");

/// `…，由A、B共同出资设立`: the organizations between 由 and a founding verb after `from` in
/// the sentence, each with the span from it to the verb as evidence.
fn founded_by(s: &SentView, from: usize) -> Vec<(usize, Range<usize>)> {
    let body = &s.text[from..s.range.end];
    let Some(by) = body.find('由') else {
        return Vec::new();
    };
    let Some(verb) = FOUNDING_VERBS
        .iter()
        .filter_map(|v| body[by..].find(v).map(|k| by + k))
        .min()
    else {
        return Vec::new();
    };
    let (a, z) = (from + by, from + verb);
    s.within(ORG, a..z)
        .map(|(i, m)| (i, m.range.start..z))
        .collect()
}

/// `X基金正式设立，基金总规模20亿元，由A、B共同出资设立`: the organization right before the
/// trigger (an entity word at its end, only an adverb between) is what is set up, its founders
/// follow 由. Nothing may follow the trigger in its clause (`A设立B`: B is set up, by A).
fn passive_establishment(
    s: &SentView,
    t: &Trig,
    drafts: &mut Drafts,
    floor: usize,
) -> Option<usize> {
    let (_, m) = s.within(ORG, floor..t.range.start).last()?;
    // (`该基金由A发起设立`: an organization after 由 founds, it is not what is set up)
    let cs = s.clause_start(m.range.start).max(floor);
    if s.text[cs..m.range.start].contains('由') {
        return None;
    }
    // `X基金在武汉正式设立`: the venue may stand between the entity and the verb.
    let mut from = m.range.end;
    if let Some(p) = ["在", "于"]
        .iter()
        .find(|p| s.text[from..].starts_with(**p))
        && let Some((_, l)) = s
            .within(&[Label::Location], from + p.len()..t.range.start)
            .next()
        && l.range.start == from + p.len()
    {
        from = l.range.end;
    }
    // `X基金于同日揭牌成立`, `X基金于3月16日正式设立`: so may a time.
    let at = |k: usize| s.text[k..].starts_with('于').then(|| k + '于'.len_utf8());
    let time_from = at(from).unwrap_or(from);
    if let Some((_, d)) = s.within(&[Label::Date], time_from..t.range.start).next()
        && d.range.start == time_from
    {
        from = d.range.end;
    } else if let Some(w) = PASSIVE_TIMES
        .iter()
        .find(|w| s.text[time_from..].starts_with(**w))
    {
        from = time_from + w.len();
    }
    let gap: String = s.text[from..t.range.start]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if !(gap.is_empty() || PASSIVE_FILLERS.contains(&gap.as_str())) {
        return None;
    }
    if !set_up_entity(m) {
        return None;
    }
    let after = s.text[t.range.end..s.clause_end(t.range.end)].trim();
    if !(after.is_empty() || after == "了") {
        return None;
    }
    let mut d = founding(s, t, m.name.clone(), ESTABLISHMENT_PASSIVE);
    amounts(s, &t.range, &mut d, EventKind::Establishment, AMOUNT);
    Some(drafts.upsert(d))
}

/// `X基金由A与B共同发起设立`, `该基金由A联合B共同发起设立，总规模100亿元`: the founders stand
/// between 由 and the founding verb of the same clause (only 共同, 联合, 出资, 发起 … after
/// the last of them); what is set up is the organization right before 由 (an entity word or a
/// fund at its end) or, for a bare 该基金/基金/母基金, the last fund named before this
/// sentence (`State::last_fund`). An establishment reported by its ceremony before is left to
/// [`founders`], which adds them there.
fn established_by(
    doc: &AnnotatedDoc,
    s: &SentView,
    t: &Trig,
    drafts: &mut Drafts,
    st: &mut State,
    floor: usize,
) -> Option<usize> {
    const FILLERS: &str = "共同联合携手出资发起合作等将拟已";
    let cs = s.clause_start(t.range.start).max(floor);
    let by = cs + s.text[cs..t.range.start].rfind('由')?;
    // (a 由 inside a name is no marker: `自由贸易…`)
    if s.of(Label::Organization)
        .chain(s.of(Label::Location))
        .any(|(_, m)| m.range.start < by && by < m.range.end)
    {
        return None;
    }
    let by_end = by + '由'.len_utf8();
    let founders: Vec<(usize, &Mention)> = s.within(ORG, by_end..t.range.start).collect();
    let (_, last) = founders.last()?;
    let tail = s.text[last.range.end..t.range.start].trim();
    if tail.chars().count() > 6 || !tail.chars().all(|c| FILLERS.contains(c)) {
        return None;
    }
    let head = s.text[cs..by].trim();
    // (the fund of a ceremony told before, named again: [`founders`] adds them there)
    if st.ceremony.is_some()
        && ["基金", "公司"].iter().any(|e| head.ends_with(e))
        && head.chars().count() <= 12
    {
        return None;
    }
    let name = match s
        .within(ORG, cs..by)
        .last()
        .filter(|(_, m)| s.text[m.range.end..by].trim().is_empty() && set_up_entity(m))
    {
        Some((_, m)) => m.name.clone(),
        None if ["该基金", "该母基金", "基金", "母基金"].contains(&head) => {
            doc.mentions.get(st.last_fund?)?.name.clone()
        }
        None => return None,
    };
    let mut d = dated_draft(
        EventKind::Establishment,
        name,
        s,
        &t.range,
        ESTABLISHMENT_PASSIVE,
        false,
    );
    d.location = best_location(s);
    for (i, m) in &founders {
        d.add(to_event(
            RelType::Established,
            *i,
            ESTABLISHMENT_PASSIVE,
            s.idx,
            m.range.start..t.range.end,
        ));
    }
    amounts(s, &t.range, &mut d, EventKind::Establishment, AMOUNT);
    Some(drafts.upsert(d))
}

/// Can organization `m` be what an establishment sets up: a fund, a partnership (ending in
/// its legal form: `X基金合伙企业（有限合伙）`) or a name ending in an entity word.
fn set_up_entity(m: &Mention) -> bool {
    fund_like(m) || ENTITY_ENDS.iter().any(|e| m.name.ends_with(e))
}

/// What may stand between the entity and a passive founding verb (`X基金正式设立`), besides
/// nothing.
static PASSIVE_FILLERS: WordList = WordList::new("words_event", "passive_filler");

/// Time words that may open that gap, after an optional 于 (`X基金于同日揭牌成立`).
static PASSIVE_TIMES: WordList = WordList::new("words_event", "passive_time");

/// `该基金由A联合B、C共同发起`: the founders of the establishment in context (its ceremony
/// was reported before without them).
fn founders(s: &SentView, drafts: &mut Drafts, st: &State) {
    let Some(ev) = st.ceremony else { return };
    let body = s.str().trim_start();
    let base = s.range.start + (s.str().len() - body.len());
    // The sentence opens with the entity: `该基金`, or a short head ending in an entity word
    // (`母基金由…`, the alias of the fund) with no clause break before 由.
    let head = body.find('由').map_or("", |by| &body[..by]);
    if !(["该基金", "该公司", "基金", "该平台"]
        .iter()
        .any(|w| body.starts_with(w))
        || (["基金", "公司"].iter().any(|e| head.ends_with(e))
            && head.chars().count() <= 12
            && !head.contains(['，', ',', '；'])))
    {
        return;
    }
    let founders = founded_by(s, base);
    for (i, r) in founders {
        drafts.list[ev].add(to_event(
            RelType::Established,
            i,
            ESTABLISHMENT_CEREMONY,
            s.idx,
            r,
        ));
    }
    // `出资人包括A、B以及C`: the backers of the fund put money into it.
    let Some(at) = BACKER_CUES
        .iter()
        .find_map(|w| body.find(w).map(|k| k + w.len()))
    else {
        return;
    };
    let from = base + at;
    let to = s.clause_end(from);
    for (i, m) in s.within(ORG, from..to) {
        drafts.list[ev].add(to_event(
            RelType::Invested,
            i,
            ESTABLISHMENT_BACKERS,
            s.idx,
            from..m.range.end,
        ));
    }
}

/// Words that open the list of a fund's backers.
static BACKER_CUES: WordList = WordList::new("words_event", "backer_cue");

/// `基金管理人为X`, `管理人：X`, `由X担任基金管理人`, `X作为基金管理人（GP）`: X MANAGES the fund
/// named before it in the sentence (an organization that is a fund or a partnership), else the
/// one the document set up (`State::founded`). 管理人员 (managerial staff) is no cue; nor is a
/// manager of anything but a fund (`破产管理人为X`: a word other than 基金 before 管理人).
fn managers(doc: &AnnotatedDoc, s: &SentView, drafts: &mut Drafts, st: &State) {
    const CUE: &str = "管理人";
    let body = s.str();
    if !body.contains(CUE) {
        return;
    }
    let base = s.range.start;
    let mut from = 0;
    while let Some(k) = body[from..].find(CUE) {
        let at = base + from + k;
        let end = at + CUE.len();
        from += k + CUE.len();
        if s.text[end..].starts_with('员') {
            continue;
        }
        let cs = s.clause_start(at);
        // (a list item's bullet is no word: `- 管理人：X`)
        let pre = s.text[cs..at]
            .trim_start_matches(['-', '*', '•', '·', '●', ' '])
            .trim_end();
        let cs = at - pre.len() - (s.text[cs..at].len() - s.text[cs..at].trim_end().len());
        // The word before 管理人: 基金 (母基金, 该基金, X基金的), or nothing at the clause start
        // (a label: `管理人：X`).
        let head = pre.strip_suffix('的').unwrap_or(pre);
        let Some(head) = head
            .strip_suffix("基金")
            .or_else(|| pre.is_empty().then_some(""))
        else {
            continue;
        };
        let head = head.strip_suffix(['母', '子']).unwrap_or(head);
        let found = match MANAGER_VERBS.iter().find(|v| head.ends_with(*v)) {
            // `由X担任基金管理人`, `X作为基金管理人`: the organization right before the verb
            // (an adverb between them at most).
            Some(v) => {
                let verb = cs + head.len() - v.len();
                s.within(ORG, cs..verb).last().filter(|(_, m)| {
                    let gap = s.text[m.range.end..verb].trim();
                    gap.is_empty() || MANAGER_ADVERBS.contains(&gap)
                })
            }
            // `基金管理人为X`, `管理人：X`, `基金管理人（GP）为X`: the organization right after.
            None => {
                let mut rest = s.text[end..s.range.end].trim_start();
                for gp in ["（GP）", "(GP)", "（普通合伙人）", "(普通合伙人)"] {
                    rest = rest.strip_prefix(gp).unwrap_or(rest);
                }
                let Some(r) = ["为", "是", "系", "：", ":"]
                    .iter()
                    .find_map(|w| rest.strip_prefix(w))
                else {
                    continue;
                };
                let r = r.trim_start();
                let at_org = s.range.end - r.len();
                s.within(ORG, at_org..s.range.end)
                    .next()
                    .filter(|(_, m)| m.range.start == at_org)
            }
        };
        let Some((mi, m)) = found else { continue };
        // The fund: an organization before the manager in the sentence that is a fund or a
        // partnership, else the one set up in context.
        let before = m.range.start.min(at);
        let fund = s
            .within(ORG, s.range.start..before)
            .filter(|(_, f)| fund_like(f) && !same_party(&f.name, &m.name))
            .last()
            .map(|(i, _)| i)
            .or(st.founded)
            .filter(|&f| {
                doc.mentions
                    .get(f)
                    .is_some_and(|f| !same_party(&f.name, &m.name))
            });
        let Some(fi) = fund else { continue };
        drafts.direct.push(Relation {
            rel: RelType::Manages,
            from: NodeRef::Mention(mi),
            to: NodeRef::Mention(fi),
            props: RelProps::default(),
            evidence: Evidence::new(s.idx, span(&m.range, &(at..end)), MANAGES),
        });
    }
}

/// Verbs that make the organization before them the fund's manager (`由X担任基金管理人`).
static MANAGER_VERBS: WordList = WordList::new("words_event", "manager_verb");

/// Adverbs that may stand between the manager and its verb (`X将作为基金管理人`).
const MANAGER_ADVERBS: [&str; 6] = ["将", "拟", "拟将", "亦", "也", "同时"];

/// A fund or a fund partnership (`X基金`, `X合伙企业（有限合伙）`): what a manager manages.
pub(super) fn fund_like(m: &Mention) -> bool {
    matches!(
        m.attrs,
        Attrs::Org {
            kind: crate::extract::OrgKind::Fund
        }
    ) || ["（有限合伙）", "(有限合伙)", "合伙企业", "基金"]
        .iter()
        .any(|e| m.name.ends_with(e))
}

/// `X担任本次交易的独家财务顾问`, `由X、Y担任联席财务顾问`, `法律顾问为Z律师事务所`: the
/// organizations named as a deal's adviser (an adviser_role word of words_event.txt: 财务顾问,
/// 法律顾问, 审计机构 …) ADVISED the deal in context — an acquisition or financing (or an
/// investment) of this sentence, else the latest acquisition or financing told before — with
/// the role as its `title`. The adviser stands right before a verb of capacity (担任, 出任,
/// 作为, 为 …: manager_verb; an adverb between them at most) with at most twelve characters
/// of modifiers between the verb and the role (本次交易的独家), or right after the role and
/// 为/是/：. Organizations joined to it by 、/和/及/与 advise too. A party of the deal is no
/// adviser of it; nor is anyone when the document has told no deal.
fn advisers(doc: &AnnotatedDoc, s: &SentView, drafts: &mut Drafts, st: &State, here: &[usize]) {
    let body = s.str();
    if !body.contains("顾问") && !body.contains("机构") && !body.contains("承销") {
        return;
    }
    let last_sentence = |f: usize| {
        let d = &drafts.list[f];
        d.args
            .iter()
            .map(|a| a.sentence)
            .max()
            .unwrap_or(d.sentence)
            .max(d.sentence)
    };
    let deal = here
        .iter()
        .rev()
        .copied()
        .find(|&i| {
            matches!(
                drafts.list[i].kind,
                EventKind::Acquisition | EventKind::Financing | EventKind::Investment
            )
        })
        .or_else(|| {
            // (`本次融资由X担任…`, `本次交易中，X担任…`: the deal the document is about, its
            // first of that kind — not a past round told in between)
            let this = |words: &[&str], kind: EventKind| {
                words
                    .iter()
                    .any(|w| body.contains(w))
                    .then(|| drafts.list.iter().position(|d| d.kind == kind))
                    .flatten()
            };
            this(&["本次融资", "本轮融资", "此次融资"], EventKind::Financing).or_else(|| {
                this(
                    &[
                        "本次交易",
                        "本次收购",
                        "本次并购",
                        "此次收购",
                        "此次并购",
                        "此次交易",
                    ],
                    EventKind::Acquisition,
                )
            })
        })
        .or_else(|| match (st.deal, st.financing) {
            (Some(a), Some(f)) => Some(if last_sentence(f) > last_sentence(a) {
                f
            } else {
                a
            }),
            (a, f) => a.or(f),
        });
    let Some(ev) = deal else { return };
    let base = s.range.start;
    let mut done: Vec<Range<usize>> = Vec::new();
    let mut found: Vec<(usize, Range<usize>, String)> = Vec::new();
    for role in ADVISER_ROLES.iter() {
        for (k, _) in body.match_indices(role) {
            let at = base + k;
            let end = at + role.len();
            if done.iter().any(|r| r.start < end && at < r.end) {
                continue;
            }
            done.push(at..end);
            let cs = s.clause_start(at);
            let ce = s.clause_end(end);
            let mut orgs: Vec<(usize, Range<usize>)> = Vec::new();
            // Before: `X担任…财务顾问`.
            let pre = &s.text[cs..at];
            let verb = MANAGER_VERBS
                .iter()
                .filter_map(|v| pre.rfind(*v).map(|i| (cs + i, cs + i + v.len())))
                .max_by_key(|&(st, e)| (e, e - st));
            if let Some((vs, ve)) = verb
                && s.text[ve..at].chars().count() <= 12
            {
                let short_verb = ve - vs <= "为".len();
                let modifiers = s.text[ve..at].trim();
                let ok_mid = !short_verb || ["", "独家", "联席", "首席"].contains(&modifiers);
                if ok_mid && let Some((i, m)) = s.within(ORG, cs..vs).last() {
                    let gap = s.text[m.range.end..vs].trim();
                    if gap.is_empty() || MANAGER_ADVERBS.contains(&gap) {
                        orgs.push((i, m.range.clone()));
                        // (`由A、B担任联席财务顾问`: the items before it)
                        let mut next = m.range.start;
                        for (j, o) in s
                            .within(ORG, cs..m.range.start)
                            .collect::<Vec<_>>()
                            .into_iter()
                            .rev()
                        {
                            let g = s.text[o.range.end..next].trim();
                            if !["、", "和", "及", "与", "以及"].contains(&g) {
                                break;
                            }
                            orgs.push((j, o.range.clone()));
                            next = o.range.start;
                        }
                    }
                }
            }
            // After: `财务顾问为X`, `法律顾问：X`.
            if orgs.is_empty() {
                // (a colon ends a clause: the label's value runs to the next one)
                let colon = s.text[end..].starts_with(['：', ':']);
                let ce = if colon {
                    let c = s.text[end..].chars().next().map_or(0, char::len_utf8);
                    s.clause_end(end + c)
                } else {
                    ce
                };
                let rest = s.text.get(end..ce).unwrap_or("").trim_start();
                if let Some(r) = ["为", "是", "系", "：", ":"]
                    .iter()
                    .find_map(|w| rest.strip_prefix(w))
                {
                    let mut from = ce - r.trim_start().len();
                    for (i, m) in s.within(ORG, from..ce) {
                        let g = s.text[from..m.range.start].trim();
                        if !(m.range.start == from || ["、", "和", "及", "与", "以及"].contains(&g))
                        {
                            break;
                        }
                        orgs.push((i, m.range.clone()));
                        from = m.range.end;
                    }
                }
            }
            for (i, r) in orgs {
                found.push((i, span(&r, &(at..end)), role.to_string()));
            }
        }
    }
    if found.is_empty() {
        return;
    }
    let parties: Vec<String> = drafts.list[ev]
        .args
        .iter()
        .filter(|a| a.dir == Dir::ToEvent)
        .map(|a| mention_name(doc, a.mention))
        .collect();
    for (i, r, role) in found {
        if parties.contains(&mention_name(doc, i)) {
            continue;
        }
        let props = RelProps {
            title: Some(role),
            ..RelProps::default()
        };
        drafts.list[ev].add(arg(
            RelType::Advised,
            i,
            Dir::ToEvent,
            props,
            ADVISER,
            s.idx,
            r,
        ));
    }
}

/// The roles of a deal's advisers (`财务顾问`, `法律顾问`, `审计机构`; longer words first).
static ADVISER_ROLES: WordList = WordList::new("words_event", "adviser_role");

/// `本次交易的交易对方为A及自然人B`: the sellers of the acquisition in context (SOLD).
fn counterparties(doc: &AnnotatedDoc, s: &SentView, drafts: &mut Drafts, st: &State) {
    let Some(ev) = st.deal else { return };
    let body = s.str();
    // (Each word holds 方: one character search spares the seven word searches on most
    // sentences.)
    let named = || {
        [
            "交易对方为",
            "交易对方是",
            "转让方为",
            "出让方为",
            "出售方为",
            "出售方是",
            "卖方为",
        ]
        .iter()
        .find_map(|w| body.find(w).map(|i| i + w.len()))
    };
    let Some(at) = body
        .contains('方')
        .then(named)
        .flatten()
        .or_else(|| table_counterparty(body))
    else {
        return;
    };
    let from = s.range.start + at;
    let to = s.clause_end(from);
    // `出售方为A及标的公司创始家族`: the target named inside a description of a seller (its
    // founders, its shareholders) does not sell itself.
    let targets: Vec<String> = drafts.list[ev]
        .with_rel(RelType::TargetOf)
        .map(|i| mention_name(doc, i))
        .collect();
    for (i, m) in s.within(PARTY, from..to) {
        if targets.contains(&m.name) {
            continue;
        }
        drafts.list[ev].add(to_event(
            RelType::Sold,
            i,
            ACQUISITION_COUNTERPARTY,
            s.idx,
            from..m.range.end,
        ));
    }
}

/// Header words of a deal table's columns.
const FIN_COMPANY: &[&str] = &[
    "企业",
    "公司",
    "企业名称",
    "公司名称",
    "融资方",
    "融资企业",
    "项目",
];
const FIN_ROUND: &[&str] = &["轮次", "融资轮次"];
const DEAL_AMOUNT: &[&str] = &[
    "金额",
    "融资金额",
    "融资额",
    "交易对价",
    "交易金额",
    "对价",
    "交易价格",
];
const FIN_INVESTORS: &[&str] = &["投资方", "投资机构", "投资人", "投资者"];
const ACQ_BUYER: &[&str] = &["收购方", "买方", "收购人", "并购方", "受让方"];
const ACQ_TARGET: &[&str] = &[
    "标的",
    "标的公司",
    "标的企业",
    "被收购方",
    "目标公司",
    "收购标的",
];
const ACQ_SELLERS: &[&str] = &["出售方", "卖方", "交易对方", "转让方", "出让方"];

/// The cells of a Markdown table row as byte ranges of the clean text (`| a | b |`), or
/// `None` for a line that is no table row.
fn table_cells(s: &SentView) -> Option<Vec<Range<usize>>> {
    let body = s.str();
    let lead = body.len() - body.trim_start().len();
    if !body[lead..].starts_with('|') {
        return None;
    }
    let mut cells = Vec::new();
    let mut at = s.range.start + lead + 1;
    for part in body[lead + 1..].split('|') {
        let r = at..at + part.len();
        at = r.end + 1;
        cells.push(r);
    }
    // (the text after the closing bar is no cell)
    if body.trim_end().ends_with('|') {
        cells.pop();
    }
    Some(cells)
}

/// Deal tables and their rows. `| 企业 | 轮次 | 金额 | 投资方 |` (a company column and a round
/// or investor column): each row is a Financing of the company of its company cell (RAISED),
/// named by its round, with the amounts of its amount cell (HAS_AMOUNT) and the organizations
/// of its investor cell (INVESTED). `| 收购方 | 标的公司 | 交易对价 | 出售方 |` (a buyer and a
/// target column): each row is an Acquisition named like event.acquisition names one (so a
/// text telling the same deal is the same event), with its amount and its sellers (SOLD).
/// Returns whether the sentence was read as a part of such a table.
fn deal_table(doc: &AnnotatedDoc, s: &SentView, drafts: &mut Drafts, st: &mut State) -> bool {
    let Some(cells) = table_cells(s) else {
        st.deal_table = None;
        return false;
    };
    let text = |r: &Range<usize>| s.text[r.clone()].trim();
    let col = |words: &[&str]| cells.iter().position(|c| words.contains(&text(c)));
    let header = if let (Some(company), Some(target)) = (col(ACQ_BUYER), col(ACQ_TARGET)) {
        Some(super::slots::DealTable {
            kind: EventKind::Acquisition,
            company,
            target: Some(target),
            round: None,
            amount: col(DEAL_AMOUNT),
            others: col(ACQ_SELLERS),
        })
    } else if let Some(company) = col(FIN_COMPANY)
        && (col(FIN_ROUND).is_some() || col(FIN_INVESTORS).is_some())
    {
        Some(super::slots::DealTable {
            kind: EventKind::Financing,
            company,
            target: None,
            round: col(FIN_ROUND),
            amount: col(DEAL_AMOUNT),
            others: col(FIN_INVESTORS),
        })
    } else {
        None
    };
    if header.is_some() {
        st.deal_table = header;
        return true;
    }
    let Some(dt) = st.deal_table else {
        return false;
    };
    // A separator row (`| --- | --- |`).
    if cells
        .iter()
        .all(|c| text(c).chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
    {
        return true;
    }
    let first_org = |k: Option<usize>| {
        k.and_then(|k| cells.get(k))
            .and_then(|c| s.within(ORG, c.clone()).next())
    };
    let Some((ci, cm)) = first_org(Some(dt.company)) else {
        return true;
    };
    let (name, rel, other_rel, target) = if dt.kind == EventKind::Acquisition {
        let Some((ti, tm)) = first_org(dt.target) else {
            return true;
        };
        (
            format!("{}收购{}", cm.name, tm.name),
            RelType::Acquired,
            RelType::Sold,
            Some((ti, tm.range.clone())),
        )
    } else {
        let round = dt
            .round
            .and_then(|k| cells.get(k))
            .map(|c| {
                text(c)
                    .chars()
                    .filter(|ch| !ch.is_whitespace())
                    .collect::<String>()
            })
            .map(|r| {
                r.trim_end_matches("融资")
                    .trim_end_matches('轮')
                    .to_string()
            })
            .filter(|r| !r.is_empty() && r.chars().count() <= 8);
        let name = match &round {
            Some(r) => format!("{}{r}轮融资", cm.name),
            None => format!("{}融资", cm.name),
        };
        (name, RelType::Raised, RelType::Invested, None)
    };
    let mut d = Draft::new(
        dt.kind,
        name,
        s.idx,
        s.paragraph,
        cm.range.clone(),
        DEAL_TABLE,
    );
    d.add(to_event(rel, ci, DEAL_TABLE, s.idx, cm.range.clone()));
    if let Some((ti, tr)) = target {
        d.add(to_event(RelType::TargetOf, ti, DEAL_TABLE, s.idx, tr));
    }
    if let Some(c) = dt.amount.and_then(|k| cells.get(k)) {
        let about = if dt.kind == EventKind::Acquisition {
            "交易金额"
        } else {
            "融资额"
        };
        for (i, m) in s
            .of(Label::Amount)
            .filter(|(_, m)| m.range.start >= c.start && m.range.end <= c.end)
        {
            d.add(arg(
                RelType::HasAmount,
                i,
                Dir::FromEvent,
                props_about(about.to_string()),
                DEAL_TABLE,
                s.idx,
                m.range.clone(),
            ));
        }
    }
    if let Some(c) = dt.others.and_then(|k| cells.get(k)) {
        let labels = if dt.kind == EventKind::Acquisition {
            PARTY
        } else {
            ORG
        };
        for (i, m) in s.within(labels, c.clone()) {
            d.add(to_event(other_rel, i, DEAL_TABLE, s.idx, m.range.clone()));
        }
    }
    let _ = doc;
    let i = drafts.upsert(d);
    if dt.kind == EventKind::Acquisition {
        st.deal = Some(i);
    } else {
        st.financing = Some(i);
    }
    true
}

/// A table row naming the counterparties (`| 交易对方 | A、B |`, also 转让方/出让方/出售方/
/// 卖方 as the first cell): the byte offset in `row` where the next cell starts.
fn table_counterparty(row: &str) -> Option<usize> {
    let rest = row.trim_start().strip_prefix('|')?;
    let bar = rest.find('|')?;
    let head = rest[..bar].trim();
    ["交易对方", "转让方", "出让方", "出售方", "卖方"]
        .contains(&head)
        .then(|| row.len() - rest.len() + bar + 1)
}

/// ORGANIZED (主办/承办) and ATTENDED (出席/参加/见证) from cue words.
fn participants(s: &SentView, drafts: &mut Drafts, st: &mut State, here: &[usize]) {
    let forum_here = here
        .iter()
        .copied()
        .find(|&i| drafts.list[i].kind == EventKind::Forum);
    for c in s.cues {
        let (rel, rule) = match c.role {
            "organizer" => (RelType::Organized, ORGANIZER),
            "attend" | "host" => (RelType::Attended, ATTENDED),
            "witness" => (RelType::Attended, ATTENDED),
            _ => continue,
        };
        let signing_here = here
            .iter()
            .copied()
            .find(|&i| drafts.list[i].kind == EventKind::Signing);
        let ce = s.clause_end(c.range.end);
        // `出席签约仪式`: a signing word right after the cue names what was attended.
        let after = s.text[c.range.end..ce].trim_start_matches('了');
        let attends_signing = after.starts_with("见证")
            || s.trigs_in(c.range.end..ce).any(|x| {
                x.kind == Some(EventKind::Signing)
                    && attended_object(&s.text[c.range.end..x.range.start])
            });
        // `X主持签约仪式`: the host of a signing attends it; 主持 before anything else is a
        // moderator's (event.moderator) or no event at all (主持工作).
        if c.role == "host" && !attends_signing {
            continue;
        }
        // `出席开幕式并见证签约`: the attendance cue before it in the clause already placed
        // these people (at the forum whose opening they attended).
        if c.role == "witness"
            && s.cues_in("attend", s.clause_start(c.range.start)..c.range.start)
                .next()
                .is_some()
        {
            continue;
        }
        // `在A、B的见证下，各方代表依次签约：`: the people before the cue witness every signing
        // of the list this sentence opens (they also attend the forum in context).
        if c.role == "witness" && st.list && signing_here.is_none() {
            for (i, m) in s.within(
                &[Label::Person],
                scope_start(s, c.range.start)..c.range.start,
            ) {
                st.list_witnesses.push((i, s.idx, span(&m.range, &c.range)));
            }
        }
        let target = if c.role == "witness" {
            signing_here.or(forum_here).or(st.signing).or(st.forum)
        } else if c.role == "host" {
            // (with no signing told yet, the ceremony is the forum's: event.moderator's)
            signing_here.or(st.signing)
        } else if attends_signing && rel == RelType::Attended {
            signing_here.or(st.signing).or(forum_here).or(st.forum)
        } else if c.role == "attend"
            && after
                .strip_prefix("活动")
                .unwrap_or(after)
                .starts_with('并')
        {
            // `A，B出席并讲话`: no object — the forum in context, else the establishment's
            // ceremony, else the signing of the sentence or the last one.
            forum_here
                .or(st.forum)
                .or(st.ceremony)
                .or(signing_here)
                .or(st.signing)
        } else if s.text[c.range.end..ce].starts_with("仪式") {
            // `出席仪式`: the ceremony in context (an establishment's), else the forum, else
            // the signing (`举行签约仪式。…出席仪式并致辞`).
            st.ceremony
                .or(forum_here)
                .or(st.forum)
                .or(signing_here)
                .or(st.signing)
        } else {
            forum_here.or(st.forum)
        };
        let Some(ev) = target else { continue };
        // `出席嘉宾包括：A，B…`: the attendees follow the cue, up to the sentence end.
        if rel == RelType::Attended
            && let Some(open) =
                attendee_list_open(&s.text[c.range.start..s.range.end], c.range.len())
        {
            let from = c.range.start + open;
            // `出席嘉宾包括：` closing its sentence: the bullet lines after it list the guests.
            if s.text[from..s.range.end].trim().is_empty() {
                st.attend_list = Some(ev);
            }
            for (i, m) in s.within(&[Label::Person], from..s.range.end) {
                drafts.list[ev].add(to_event(
                    rel,
                    i,
                    ATTENDEE_LIST,
                    s.idx,
                    span(&m.range, &c.range),
                ));
            }
            continue;
        }
        // `出席开幕式并致辞` / `出席…并见证签约`: attendance stated with another act is kept even
        // when the person also speaks (a bare 出席 is implied by a later speech).
        let rule = if rel == RelType::Attended
            && (s.has_cue("witness", c.range.end..ce)
                || s.trigs_in(c.range.end..ce)
                    .any(|x| x.kind == Some(EventKind::Speech)))
        {
            ATTENDED_JOINT
        } else {
            rule
        };
        // `主办单位：A、B`, `主办方：A`: a label and a colon list the organizers after it, up to
        // the end of the line (session 25).
        if rel == RelType::Organized {
            let tail = &s.text[c.range.end..s.range.end];
            let tail = ["单位", "方"]
                .iter()
                .find_map(|w| tail.strip_prefix(w))
                .unwrap_or(tail);
            if let Some(list) = tail.strip_prefix(['：', ':']) {
                let from = s.range.end - list.len();
                let to = list.find('\n').map_or(s.range.end, |k| from + k);
                for (i, m) in s.within(ORG, from..to) {
                    drafts.list[ev].add(to_event(rel, i, rule, s.idx, span(&m.range, &c.range)));
                }
                continue;
            }
        }
        let floor = scope_start(s, c.range.start);
        let cs = s.clause_start(c.range.start);
        let labels: &[Label] = if rel == RelType::Organized {
            ORG
        } else {
            PARTY
        };
        // Organizers: in the cue's clause (after 由 if present); attendees: in scope.
        let from = if rel == RelType::Organized { cs } else { floor };
        let ms: Vec<(usize, &Mention)> = s.within(labels, from..c.range.start).collect();
        // When people attend, the organizations around them are their affiliations.
        let people = ms.iter().any(|(_, m)| m.label == Label::Person);
        for (k, (i, m)) in ms.iter().enumerate() {
            if people && m.label == Label::Organization && rel == RelType::Attended {
                continue;
            }
            // An organization directly followed by a title or person is an affiliation.
            if m.label == Label::Organization
                && rel == RelType::Attended
                && ms
                    .get(k + 1)
                    .is_some_and(|(_, n)| n.range.start <= m.range.end + 3)
            {
                continue;
            }
            if m.label == Label::Organization
                && rel == RelType::Attended
                && s.mentions.iter().any(|n| {
                    matches!(n.label, Label::Role | Label::Person) && n.range.start == m.range.end
                })
            {
                continue;
            }
            drafts.list[ev].add(to_event(rel, *i, rule, s.idx, span(&m.range, &c.range)));
        }
    }
}

/// Words that may stand between an attendance cue and what was attended, the event named
/// before (`出席了当日的签约仪式`, `见证此次签约`).
static ATTENDED_DETERMINERS: WordList = WordList::new("words_event", "attended_determiner");

/// Is `gap` (between an attendance cue and an event word) nothing but `了`, a determiner
/// and `的` — so that the event word is the object of the cue?
fn attended_object(gap: &str) -> bool {
    let g = gap.trim_start_matches('了').trim_end_matches('的');
    g.is_empty() || ATTENDED_DETERMINERS.contains(&g)
}

/// A bullet line of an attendee list announced before (`出席嘉宾包括：` then `- X市副市长A`):
/// its people attended the forum. Any other sentence ends the list. Was the sentence read?
fn attendee_row(s: &SentView, drafts: &mut Drafts, st: &mut State) -> bool {
    let Some(ev) = st.attend_list else {
        return false;
    };
    // A row of a column layout opens with the guest's name (`甲　X协会常务副会长`; session 25):
    // a short line with no clause punctuation (`甲在致辞中表示，…` is prose and ends the list).
    let row = s.str().trim();
    let lead = s.range.start + (s.str().len() - s.str().trim_start().len());
    let person_row = row.chars().count() <= 48
        && !row.contains(['。', '，', '；', '！', '？', ','])
        && s.of(Label::Person)
            .next()
            .is_some_and(|(_, m)| m.range.start == lead);
    if !list_item(s.str()) && !person_row {
        st.attend_list = None;
        return false;
    }
    for (i, m) in s.of(Label::Person) {
        drafts.list[ev].add(to_event(
            RelType::Attended,
            i,
            ATTENDEE_LIST,
            s.idx,
            m.range.clone(),
        ));
    }
    true
}

/// Is a line a list item: a bullet (`- `, `•`) or a number (`1.`, `2）`, `一、`)?
fn list_item(line: &str) -> bool {
    let txt = line.trim();
    // a Markdown table row (`| 王某 | 某市副市长 |`) lists one guest too
    txt.starts_with(['-', '*', '•', '·', '●', '▪', '|'])
        || txt
            .split_once(['.', '、', '）', ')'])
            .is_some_and(|(n, _)| {
                !n.is_empty()
                    && (n.chars().all(|c| c.is_ascii_digit())
                        || n.chars().count() <= 3
                            && n.chars().all(|c| "一二三四五六七八九十".contains(c)))
            })
}

/// Words that announce a list of speakers (`主题演讲嘉宾如下：`, `演讲者：`).
static SPEAKER_LIST_WORDS: WordList = WordList::new("words_event", "speaker_list");

/// Does a sentence open a list of speakers: it names them (`讲者`, `演讲嘉宾`…) and ends with a
/// colon or says `如下`?
fn opens_speaker_list(s: &SentView) -> bool {
    let txt = s.str().trim_end();
    // (The colon or `如下` first: one search on most sentences instead of one per word.)
    (txt.ends_with(['：', ':']) || txt.contains("如下"))
        && SPEAKER_LIST_WORDS.iter().any(|w| txt.contains(w))
}

/// A list item after a speaker list opened (`主题演讲讲者如下：` then `二、A公司总经理X：《题目》`):
/// the first person of the line SPOKE_AT the forum in context, with the 《…》 after them as the
/// title. Any other sentence ends the list. Was the sentence read?
fn speaker_row(s: &SentView, drafts: &mut Drafts, st: &mut State) -> bool {
    let Some(ev) = st.speak_list else {
        st.speak_list = opens_speaker_list(s).then_some(st.forum).flatten();
        return false;
    };
    if !list_item(s.str()) {
        st.speak_list = opens_speaker_list(s).then_some(st.forum).flatten();
        return false;
    }
    let Some((i, m)) = s.of(Label::Person).next() else {
        return true;
    };
    let title = s
        .quotes
        .iter()
        .find(|q| q.book && q.outer.start >= m.range.end)
        .map(|q| s.title(q.inner.clone()));
    drafts.list[ev].add(arg(
        RelType::SpokeAt,
        i,
        Dir::ToEvent,
        RelProps {
            title,
            ..RelProps::default()
        },
        SPEAKER_LIST,
        s.idx,
        m.range.clone(),
    ));
    true
}

/// Openers of a panel's guest list (`与谈人包括A、B`, `对话嘉宾：A（…）、B`).
static PANEL_GUESTS: WordList = WordList::new("words_event", "panel_guest");

/// A Markdown table row of a programme that gives each person's part in a cell of its own
/// (`| 主持人 | 乔某 | …教授 |`, `| 嘉宾 | 车某 | …副行长 |`): the first person of the row
/// ATTENDED the forum in context, as its moderator (title 主持人, event.moderator) or as a
/// panel guest (event.panel_guest). Rows without such a cell (`| 姓名 | 单位 | 职务 |` of a
/// speakers' table) add nothing here.
fn table_guest_row(s: &SentView, st: &State, drafts: &mut Drafts) {
    let Some(ev) = st.forum else { return };
    let row = s.str().trim();
    if !row.starts_with('|') {
        return;
    }
    let cells: Vec<&str> = row.split('|').map(str::trim).collect();
    let moderator = cells.iter().any(|c| matches!(*c, "主持人" | "主持"));
    let guest = cells.iter().any(|c| {
        matches!(
            *c,
            "嘉宾" | "对话嘉宾" | "圆桌嘉宾" | "与谈嘉宾" | "讨论嘉宾" | "与谈人"
        )
    });
    if !(moderator || guest) {
        return;
    }
    let Some((i, m)) = s.of(Label::Person).next() else {
        return;
    };
    let (props, rule) = if moderator {
        (
            RelProps {
                title: Some("主持人".to_string()),
                ..RelProps::default()
            },
            MODERATOR,
        )
    } else {
        (RelProps::default(), PANEL_GUEST)
    };
    drafts.list[ev].add(arg(
        RelType::Attended,
        i,
        Dir::ToEvent,
        props,
        rule,
        s.idx,
        m.range.clone(),
    ));
}

/// Verbs whose subjects are the guests of a panel (`A、B参与对话`).
static PANEL_VERBS: WordList = WordList::new("words_event", "panel_verb");

/// `圆桌论坛…与谈人包括A、B` / `【主持人：X；对话嘉宾：A（…）、B（…）】`: the panel's guests
/// ATTENDED the forum in context, from the opener to the end of its bracket or sentence.
fn panel_guests(s: &SentView, st: &mut State, drafts: &mut Drafts) {
    let Some(ev) = st.forum else { return };
    let body = s.str();
    // `圆桌对话由X主持，A、B、C参与对话`: the people of the clause before a guest verb.
    if let Some(k) = PANEL_VERBS.iter().find_map(|v| body.find(v)) {
        let at = s.range.start + k;
        for (i, m) in s.within(&[Label::Person], s.clause_start(at)..at) {
            drafts.list[ev].add(to_event(
                RelType::Attended,
                i,
                PANEL_GUEST,
                s.idx,
                m.range.clone(),
            ));
        }
    }
    let Some((at, w)) = PANEL_GUESTS
        .iter()
        .find_map(|w| body.find(w).map(|i| (i, *w)))
    else {
        return;
    };
    let rest = &body[at + w.len()..];
    let Some(link) = ["包括", "：", ":", "为", "有"]
        .iter()
        .find(|l| rest.starts_with(**l))
    else {
        return;
    };
    let from = s.range.start + at + w.len() + link.len();
    // `对话嘉宾：` closing its line: the bullet lines after it list the guests (read as the
    // rows of an attendee list, see `attendee_row`).
    if s.text[from..s.range.end].trim().is_empty() {
        st.attend_list = Some(ev);
        return;
    }
    let to = s.text[from..s.range.end]
        .find(['】', ']'])
        .map_or(s.range.end, |k| from + k);
    for (i, m) in s.within(&[Label::Person], from..to) {
        drafts.list[ev].add(to_event(
            RelType::Attended,
            i,
            PANEL_GUEST,
            s.idx,
            m.range.clone(),
        ));
    }
}

/// Words for a meeting or one of its parts that a moderator chairs (`会议由X主持`,
/// `开幕式由X主持`, `圆桌对话由X主持`), besides the forum triggers (论坛, 座谈会 …).
static CHAIRED: WordList = WordList::new("words_event", "chaired");

/// Titles that are a part in an event, not a post: `担任主持人` appoints nobody.
static EVENT_PARTS: WordList = WordList::new("words_event", "event_part");

/// The moderator of the forum in context (ATTENDED, title 主持人), in three shapes:
/// - `主持人：X` / `主持人为X` / `主持人X` (a programme line or clause): every person after it
///   up to `；`, `】`, `。` or a panel-guest opener; `X担任…主持人`: the person before 担任;
/// - `…会议/开幕式/分论坛…，由X主持`: the people between 由 and 主持, when the sentence before
///   由 names a meeting (a forum trigger or a word of `CHAIRED`);
/// - `X主持召开座谈会` / `X主持开幕式`: the person right before 主持, when a forum trigger or a
///   word of `CHAIRED` follows in its clause.
///
/// Nothing without a forum in the sentence or in context: `会议由X主持` in a report of a
/// government meeting that made no forum event links nobody.
fn moderators(s: &SentView, st: &State, drafts: &mut Drafts, here: &[usize]) {
    let forum_here = here
        .iter()
        .copied()
        .find(|&i| drafts.list[i].kind == EventKind::Forum);
    let Some(ev) = forum_here.or(st.forum) else {
        return;
    };
    let body = s.str();
    if !body.contains("主持") {
        return;
    }
    let props = || RelProps {
        title: Some("主持人".to_string()),
        ..RelProps::default()
    };
    let meeting_in = |r: Range<usize>| {
        s.trigs_in(r.clone())
            .any(|t| t.kind == Some(EventKind::Forum) && t.range.end <= r.end)
            || CHAIRED.iter().any(|w| s.text[r.clone()].contains(w))
    };
    let mut found: Vec<(usize, Range<usize>)> = Vec::new();
    for (k, _) in body.match_indices("主持") {
        let at = s.range.start + k;
        let after = at + "主持".len();
        let rest = &s.text[after..s.range.end];
        if let Some(r) = rest.strip_prefix('人') {
            // `主持人：X`, `主持人为X`, `主持人X`
            let link = ["：", ":", "为", "是"]
                .iter()
                .find(|l| r.starts_with(**l))
                .map_or(0, |l| l.len());
            let from = after + '人'.len_utf8() + link;
            let mut to = s.text[from..s.range.end]
                .find(['；', ';', '】', ']', '。'])
                .map_or(s.range.end, |x| from + x);
            if let Some(x) = PANEL_GUESTS
                .iter()
                .filter_map(|w| s.text[from..to].find(w))
                .min()
            {
                to = from + x;
            }
            let people: Vec<(usize, &Mention)> = s.within(&[Label::Person], from..to).collect();
            // without a colon or 为, the name must follow the word (`主持人王某`): a title
            // or organization in between is an affiliation only after a colon
            if link == 0 && people.first().is_none_or(|(_, m)| m.range.start != from) {
                // `X担任圆桌讨论主持人`: the person before 担任 in the clause
                let cs = s.clause_start(at);
                if let Some(k) = s.text[cs..at].find("担任")
                    && let Some((i, m)) = s.within(&[Label::Person], cs..cs + k).last()
                {
                    found.push((i, m.range.clone()));
                }
                continue;
            }
            found.extend(people.iter().map(|(i, m)| (*i, m.range.clone())));
            continue;
        }
        let cs = s.clause_start(at);
        // `…，由X主持`
        if let Some(by) = s.text[cs..at].rfind('由') {
            let by = cs + by;
            if meeting_in(s.range.start..by) {
                found.extend(
                    s.within(&[Label::Person], by..at)
                        .map(|(i, m)| (i, m.range.clone())),
                );
            }
            continue;
        }
        // `X主持召开Y座谈会`, `X主持开幕式`
        let ce = s.clause_end(after);
        if !meeting_in(after..ce) {
            continue;
        }
        if let Some((i, m)) = s
            .within(&[Label::Person], cs..at)
            .last()
            .filter(|(_, m)| s.text[m.range.end..at].chars().count() <= 2)
        {
            found.push((i, m.range.clone()));
        }
    }
    for (i, r) in found {
        drafts.list[ev].add(arg(
            RelType::Attended,
            i,
            Dir::ToEvent,
            props(),
            MODERATOR,
            s.idx,
            r,
        ));
    }
}

/// A short heading that announces the guests of the forum in context and closes its line
/// (`嘉宾名单：`, `参会人员名单：`, `与会领导：`): the list items that follow name attendees (see
/// `attendee_row`). Words of attendance (嘉宾, 参会, 与会, 出席) must be in it: `会议议程：` or
/// `签约项目如下：` open no guest list.
fn guest_list_heading(s: &SentView, st: &mut State) {
    let Some(ev) = st.forum else { return };
    let body = s.str().trim();
    let Some(head) = body.strip_suffix(['：', ':']) else {
        return;
    };
    if head.chars().count() <= 10
        && ["名单", "嘉宾", "人员", "领导"]
            .iter()
            .any(|w| head.ends_with(w))
        && ["嘉宾", "参会", "与会", "出席"]
            .iter()
            .any(|w| head.contains(w))
    {
        st.attend_list = Some(ev);
    }
}

/// Nouns for the guests of an attendance list (`出席嘉宾`, `与会领导`).
static GUEST_NOUNS: WordList = WordList::new("words_event", "guest_noun");

/// After an attendance cue, the opening of a list of attendees that follows it (`出席嘉宾包括：`,
/// `出席本次大会的领导有`, `参会嘉宾为`): the bytes up to where the list starts. The opening is
/// short, names the guests (嘉宾, 领导 …) and ends in 包括/有/为/是 (also 还有/还包括 after
/// guests named before: `出席论坛的嘉宾还有：`, and 分别为) and/or a colon.
/// `rest` starts with the cue, `cue` bytes long (the cue may hold the noun: `与会嘉宾有`).
fn attendee_list_open(rest: &str, cue: usize) -> Option<usize> {
    const LINKS: [&str; 10] = [
        "包括",
        "还包括",
        "主要有",
        "还有",
        "分别为",
        "分别是",
        "如下",
        "有",
        "为",
        "是",
    ];
    for (n, (i, c)) in rest
        .char_indices()
        .skip_while(|(i, _)| *i < cue)
        .enumerate()
    {
        if n > 14 || matches!(c, '，' | ',' | '。' | '；') {
            return None;
        }
        let head = &rest[..i];
        if !GUEST_NOUNS.iter().any(|g| head.ends_with(g)) {
            continue;
        }
        let tail = &rest[i..];
        // `出席嘉宾（按发言顺序）：`: a short note in parentheses before the colon (session 25)
        let noted = note_before_colon(tail);
        let pos = if let Some(l) = LINKS.iter().find(|l| tail.starts_with(**l)) {
            i + l.len()
        } else if tail.starts_with(['：', ':']) {
            i
        } else if let Some(n) = noted {
            i + n
        } else {
            continue;
        };
        let after = &rest[pos..];
        return Some(pos + after.len() - after.trim_start_matches(['：', ':', ' ']).len());
    }
    None
}

/// `（按发言顺序）：`: the length of a parenthesized note of at most 12 characters that a colon
/// follows, opening `tail`.
fn note_before_colon(tail: &str) -> Option<usize> {
    let inner = tail.strip_prefix(['（', '('])?;
    let close = inner.find(['）', ')'])?;
    if inner[..close].chars().count() > 12 || inner[..close].contains(['，', '。', '：']) {
        return None;
    }
    let after = &inner[close..];
    let after = &after[after.chars().next()?.len_utf8()..];
    after
        .starts_with(['：', ':'])
        .then(|| tail.len() - after.len())
}

/// The first two different names, in order: an event is never named `A与A签约` because one party
/// was mentioned twice.
fn first_two_distinct(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(2);
    for n in names {
        if out.len() == 2 {
            break;
        }
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_party_mentioned_twice_is_named_once() {
        let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            first_two_distinct(v(&["甲公司", "甲公司", "乙银行"])),
            v(&["甲公司", "乙银行"])
        );
        assert_eq!(first_two_distinct(v(&["甲公司", "甲公司"])), v(&["甲公司"]));
        assert_eq!(first_two_distinct(v(&["甲", "乙", "丙"])), v(&["甲", "乙"]));
    }

    #[test]
    fn every_word_list_has_words() {
        let lists: [&WordList; 45] = [
            &AGREEMENT_KIND,
            &STATISTIC,
            &JOINED_SUBSCRIPTION,
            &SPEAKING,
            &CUMULATIVE,
            &CAREER,
            &CAREER_SPAN,
            &CAREER_JOIN,
            &DEAL_PRICE_WORDS,
            &SOFT_SPEECH,
            &SPEECH_VENUE_WORDS,
            &SPEECH_DELIVER,
            &SPEECH_VENUE,
            &SPEECH_NOT,
            &MEETING_HELD,
            &DISTRIBUTIVE,
            &PART_LIST_CUES,
            &crate::extract::event::slots::SUB_FORUMS,
            &FORECAST_OPENERS,
            &PANEL_VERBS,
            &CHAIRED,
            &EVENT_PARTS,
            &FORUM_KIND_WORDS,
            &NEW_PRODUCT,
            &LISTING_WORDS,
            &INDEFINITE,
            &TARGET_HEADS,
            &ATTRIBUTIVE_NEW,
            &ENTITY_ENDS,
            &ALL_PARTIES,
            &HELD_VERBS,
            &FOUNDING_VERBS,
            &PASSIVE_FILLERS,
            &PASSIVE_TIMES,
            &BACKER_CUES,
            &ATTENDED_DETERMINERS,
            &SPEAKER_LIST_WORDS,
            &PANEL_GUESTS,
            &GUEST_NOUNS,
            &BACKGROUND,
            &NOT_VENUE,
            &WRITE_DOWN,
            &ORIGIN_DESCRIPTORS,
            &MANAGER_VERBS,
            &ADVISER_ROLES,
        ];
        crate::rules::WordList::assert_all_have_words(&lists);
    }
}
