//! Slot filling across sentences: what a sentence leaves for the next ones, and the
//! document-level pass at the end.
//!
//! [`State`] holds the "last seen" slots read by later sentences: the forum in context, the
//! last signing (for `双方`), the last organization (for `该公司`), the last financing (for a
//! `由A领投` sentence after the financing one) and the last event of the paragraph (for amounts
//! given in the next sentences). [`finish`] then links signings, launches and speeches to the
//! forum they were held at (PART_OF) and fills missing dates and places from it.

use super::trigger::SentView;
use super::{Arg, Dir, Drafts, LOCATION_CARRIED, SIGNING_CONTEXT};
use crate::extract::{AnnotatedDoc, EventKind, Label, RelProps, RelType};

/// Slots carried from sentence to sentence.
#[derive(Default, Debug)]
pub struct State {
    /// The forum in context (draft index).
    pub forum: Option<usize>,
    /// The last signing (draft index).
    pub signing: Option<usize>,
    /// The last financing (draft index).
    pub financing: Option<usize>,
    /// The last organization mention before the current sentence.
    pub last_org: Option<usize>,
    /// The two last distinct organizations (by name) before the current sentence.
    pub last_orgs: Vec<usize>,
    /// The organization whose announcement the document reports (`X公告称`, `X发布公告`), the
    /// nearest before the current sentence (a page of news items has one per item): what a
    /// later bare `公司` in a deal sentence refers to.
    pub announcer: Option<usize>,
    /// The organization the article is about: the one named most often (ties: the first),
    /// bylines left out. A bare `公司` with no announcement and no organization before it in
    /// its sentence refers to it (a press release says `公司` of its own company).
    pub main_org: Option<usize>,
    /// The last event created in the current paragraph that can take amounts of the next
    /// sentences, and that paragraph.
    pub amount_host: Option<(usize, usize)>,
    /// Named signings without a party in their sentence, with their paragraph: the first
    /// organization of a later sentence of the same paragraph signs them.
    pub pending: Vec<(usize, usize)>,
    /// A signing list was announced (`签约项目如下：`): bullet and table rows that follow are
    /// signings.
    pub list: bool,
    /// The parties of the signing in context when the list opened (`X与三家企业签约…`): a row
    /// that names one organization signs with them.
    pub list_host: Vec<usize>,
    /// The witnesses named where a signing list opened (`在A、B的见证下，各方代表依次签约：`):
    /// (person mention, sentence, evidence) — each signing of the list is attended by them.
    pub list_witnesses: Vec<(usize, usize, std::ops::Range<usize>)>,
    /// An attendee list announced at the end of its sentence (`出席嘉宾包括：`): the forum whose
    /// guests the bullet lines that follow name.
    pub attend_list: Option<usize>,
    /// A speaker list announced (`主题演讲讲者如下：`): the forum whose speakers the list items
    /// that follow name.
    pub speak_list: Option<usize>,
    /// An appointing verb without its people (`聘任公司高级管理人员如下`), with its paragraph:
    /// `title：name` items of the next sentences of that paragraph are its appointments.
    pub appoint_list: Option<(usize, String)>,
    /// The day of the board or shareholders' meeting the document reports (`于6月2日召开董事会`).
    pub board_date: Option<crate::extract::TimeValue>,
    /// The last sentence that states a decision of the board (it names 董事会/股东大会, or
    /// continues such a sentence after `；`): the next `；` clause continues it.
    pub board_clause: Option<usize>,
    /// The last establishment reported by its ceremony (`X基金设立仪式举行`), whose founders
    /// and attendees later sentences name.
    pub ceremony: Option<usize>,
    /// The organization that establishment sets up, when the text names it as one (mention
    /// index): what `A认缴出资15亿元` puts money into.
    pub founded: Option<usize>,
    /// The last acquisition (draft index): whom `交易对方为…` names as sellers.
    pub deal: Option<usize>,
    /// The company whose count of rounds was told (`X已完成5轮融资`, `X先后完成四轮融资`), with
    /// its paragraph (mention index, paragraph): a named round of a later sentence of that
    /// paragraph naming no organization before it (`其中，…完成的D轮融资`) is its round.
    pub round_count: Option<(usize, usize)>,
    /// A deal table is open (`| 企业 | 轮次 | 金额 | 投资方 |`, `| 收购方 | 标的公司 | 交易对价 |`):
    /// its kind and column indices.
    pub deal_table: Option<DealTable>,
    /// The last signing of one party with a counted group (`X与10家银行签署授信协议`): the
    /// members a later sentence lists (`根据协议，A银行、B银行分别给予…`) sign it too.
    pub group_signing: Option<usize>,
    /// The last signing of a credit line (a counted group of banks, or 授信 in its sentence)
    /// and the last sentence that told of it: `其中，A银行授信额度300亿元，…` within two
    /// sentences gives each bank's share.
    pub credit_signing: Option<(usize, usize)>,
    /// The last fund named before the current sentence (mention index): what a bare `该基金`
    /// founded in a later sentence is (`该基金由A联合B共同发起设立`).
    pub last_fund: Option<usize>,
    /// The document's government organizations (`X市人民政府`, `X区政府`; mention indices, the
    /// first of each name): the one of a place that founds a fund acts for it
    /// (`event.establishment_place`).
    pub governments: Vec<usize>,
}

/// Columns of a deal table: the company raising (a financing) or buying (an acquisition), and
/// optionally the target, round, amount and the other parties (investors or sellers).
#[derive(Debug, Clone, Copy)]
pub struct DealTable {
    pub kind: crate::extract::EventKind,
    pub company: usize,
    pub target: Option<usize>,
    pub round: Option<usize>,
    pub amount: Option<usize>,
    pub others: Option<usize>,
}

impl State {
    /// Empty slots, with the document's main organization.
    pub(crate) fn new(doc: &AnnotatedDoc) -> State {
        let text = doc.text();
        let main_org =
            crate::extract::most_named_org(&doc.mentions, |m| !byline(text, m.range.start));
        let mut governments: Vec<usize> = Vec::new();
        for (i, m) in doc.mentions.iter().enumerate() {
            if m.label == Label::Organization
                && m.name.ends_with("政府")
                && governments
                    .iter()
                    .all(|&g| doc.mentions.get(g).is_none_or(|o| o.name != m.name))
            {
                governments.push(i);
            }
        }
        State {
            main_org,
            governments,
            ..State::default()
        }
    }

    /// Update the slots after a sentence has been read.
    pub(crate) fn after_sentence(&mut self, doc: &AnnotatedDoc, s: &SentView, drafts: &mut Drafts) {
        self.pending.retain(|&(_, p)| p == s.paragraph);
        // Pending signings of earlier sentences take this sentence's first organization.
        if let Some((i, m)) = s.of(Label::Organization).next() {
            let (done, keep): (Vec<_>, Vec<_>) = self
                .pending
                .drain(..)
                .partition(|&(d, _)| drafts.list[d].sentence != s.idx);
            self.pending = keep;
            for (d, _) in done {
                drafts.list[d].add(Arg {
                    rel: RelType::Signed,
                    mention: i,
                    dir: Dir::ToEvent,
                    props: RelProps::default(),
                    rule: SIGNING_CONTEXT,
                    sentence: s.idx,
                    range: m.range.clone(),
                });
            }
        }
        // The nearest announcer: a page of news items has one per item (session 14).
        if let Some(a) = s.of(Label::Organization).find_map(|(i, m)| {
            let rest = s.text.get(m.range.end..s.range.end).unwrap_or("");
            crate::extract::announces(rest).then_some(i)
        }) {
            self.announcer = Some(a);
        }
        for (i, m) in s.of(Label::Organization) {
            // A byline (`来源：X报`) names the publisher, not a party `公司` could refer to.
            if byline(s.text, m.range.start) {
                continue;
            }
            self.last_org = Some(i);
            if super::args::fund_like(m) {
                self.last_fund = Some(i);
            }
            let name = &m.name;
            self.last_orgs
                .retain(|&j| doc.mentions.get(j).is_some_and(|o| &o.name != name));
            self.last_orgs.push(i);
            if self.last_orgs.len() > 2 {
                self.last_orgs.remove(0);
            }
        }
        if let Some((_, p)) = self.amount_host
            && p != s.paragraph
        {
            self.amount_host = None;
        }
    }
}

/// Does a byline label (`来源：`, `作者：`, `编辑：`) stand right before byte `at`?
pub(crate) fn byline(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\u{3000}', ':', '：']);
    ["来源", "作者", "编辑", "责编", "出品", "稿源"]
        .iter()
        .any(|w| before.ends_with(w))
}

/// Nouns of a session held within a larger forum (`分论坛`, `主论坛`, `分会场`).
pub(crate) static SUB_FORUMS: crate::rules::WordList =
    crate::rules::WordList::new("words_event", "sub_forum");

/// Document-level pass: PART_OF the forum in context, dates and places carried from it.
pub(crate) fn finish(doc: &AnnotatedDoc, drafts: &mut Drafts) {
    headline_retellings(doc, drafts);
    let forums: Vec<usize> = drafts
        .list
        .iter()
        .enumerate()
        // (a shareholders' or board meeting hosts no signing or speech of its document)
        .filter(|(_, d)| d.kind == EventKind::Forum && d.rule != super::GOVERNANCE_MEETING)
        .map(|(i, _)| i)
        .collect();
    // Sessions listed as parts of the forum in context where they are told (`设置主论坛、六场
    // 分论坛和一场投融资对接会`, `以及一场投融资对接会`) do not become the forum in context:
    // the signings and speeches told after them are not theirs.
    let listed: Vec<usize> = forums
        .iter()
        .copied()
        .filter(|&f| drafts.list[f].part_of.is_some())
        .collect();
    // A session named like one (`“低空经济”分论坛`, `主论坛`) is PART_OF the document's first
    // forum that is no session itself (the expo or conference the report is about), and takes
    // its date and place when it has none.
    let is_session = |d: &super::Draft| SUB_FORUMS.iter().any(|w| d.name.ends_with(w));
    if let Some(&main) = forums.iter().find(|&&f| !is_session(&drafts.list[f])) {
        for &f in &forums {
            if f == main || !is_session(&drafts.list[f]) {
                continue;
            }
            let (date, loc) = (drafts.list[main].date.clone(), drafts.list[main].location);
            let d = &mut drafts.list[f];
            if d.part_of.is_none() {
                d.part_of = Some(main);
            }
            if d.part_of == Some(main) {
                if d.date.is_none() {
                    d.date = date;
                }
                if d.location.is_none() && loc.is_some() {
                    d.location = loc;
                    d.location_rule = LOCATION_CARRIED;
                }
            }
        }
    }
    for i in 0..drafts.list.len() {
        let d = &drafts.list[i];
        if !matches!(
            d.kind,
            EventKind::Signing | EventKind::Launch | EventKind::Speech
        ) || (d.apart && d.part_of.is_none())
        {
            continue;
        }
        // The forum held before this event (the last one starting earlier), or — when the
        // document has exactly one forum — that forum, unless the event is a signing with
        // its own parties told in an earlier paragraph (an announcement's deal section before
        // its conference section: that agreement was not signed at the later conference).
        // The first paragraph is exempt: a headline names the signing the forum hosts.
        let own_earlier = |f: usize| {
            d.kind == EventKind::Signing
                && d.with_rel(RelType::Signed).next().is_some()
                && d.paragraph < drafts.list[f].paragraph
                && d.paragraph > 0
        };
        // A dated signing ceremony told in the body before this event, on another day than a
        // forum told only after it (`…签约仪式在…举行。会上，X介绍… 已在10月召开的区政府常务会议上
        // 审议通过`): the event belongs to that ceremony, not to the later meeting.
        let ceremony_before = |f: usize| {
            let later = &drafts.list[f];
            later.trigger.start > d.trigger.start
                && drafts.list.iter().any(|o| {
                    o.kind == EventKind::Signing
                        && o.paragraph > 0
                        && o.trigger.start < d.trigger.start
                        && o.date.is_some()
                        && o.date != later.date
                })
        };
        let host = d.part_of.or_else(|| {
            forums
                .iter()
                .rev()
                .find(|&&f| drafts.list[f].trigger.start <= d.trigger.start && !listed.contains(&f))
                .copied()
                .or(
                    if forums.len() == 1 && !own_earlier(forums[0]) && !ceremony_before(forums[0]) {
                        Some(forums[0])
                    } else {
                        None
                    },
                )
        });
        let Some(f) = host else { continue };
        // An own date that differs from the forum's says it was not held there.
        let (fdate, floc) = (drafts.list[f].date.clone(), drafts.list[f].location);
        if let (Some(a), Some(b)) = (&d.date, &fdate)
            && a != b
        {
            continue;
        }
        let organizers: Vec<Arg> = drafts.list[f]
            .args
            .iter()
            .filter(|a| a.rel == RelType::Organized)
            .cloned()
            .collect();
        let d = &mut drafts.list[i];
        d.part_of = Some(f);
        // A signing at a forum that names no party: the host signs it.
        if d.kind == EventKind::Signing && d.with_rel(RelType::Signed).next().is_none() {
            for a in organizers {
                d.add(Arg {
                    rel: RelType::Signed,
                    rule: SIGNING_CONTEXT,
                    ..a
                });
            }
        }
        if d.date.is_none() {
            d.date = fdate;
        }
        if d.location.is_none() && floc.is_some() {
            d.location = floc;
            d.location_rule = LOCATION_CARRIED;
        }
    }
}

/// Shortest headline name of an establishment that may stand for a body's
/// ([`told_in_body`]): a theme of three characters and an entity word (`新能源公司` is 5).
const MIN_HEADLINE_ENTITY: usize = 5;

/// A headline (the first paragraph) that retells a deal the body tells in full is one event
/// with it, not a second one:
/// - an establishment named shorter (`同步发起设立10亿元智能装备产业基金`, the body
///   `濠江岚峰智能装备产业投资基金`): see [`told_in_body`];
/// - a signing with a counted group (`X与两家企业签约`), the body's signing of X with that many
///   named parties (`X…与A、B订立合作协议`);
/// - a financing with its round (`X完成C轮融资　Y领投`), the body's only financing of X, told
///   without one (`X宣布完成新一轮融资`): the event keeps the headline's name.
///
/// The headline's arguments, date and place go to the body's event.
fn headline_retellings(doc: &AnnotatedDoc, drafts: &mut Drafts) {
    let mut i = 0;
    while i < drafts.list.len() {
        let d = &drafts.list[i];
        let into = if d.paragraph != 0 {
            None
        } else {
            match d.kind {
                EventKind::Establishment => told_in_body(drafts, i),
                EventKind::Signing => group_signed_in_body(doc, drafts, i)
                    .or_else(|| agreement_in_body(doc, drafts, i))
                    .or_else(|| parties_in_body(doc, drafts, i)),
                EventKind::Financing => unnamed_round_in_body(doc, drafts, i),
                _ => None,
            }
        };
        match into {
            Some(j) => {
                // (the round only the headline names names the event: `X C轮融资`)
                let round = (drafts.list[i].kind == EventKind::Financing)
                    .then(|| drafts.list[i].name.clone());
                drafts.absorb(i, j);
                if let Some(name) = round {
                    drafts.rename(if j > i { j - 1 } else { j }, name);
                }
            }
            None => i += 1,
        }
    }
}

/// The events of the body (after the first paragraph) of the kind of headline draft `i`.
fn body_events(drafts: &Drafts, i: usize) -> impl Iterator<Item = (usize, &super::Draft)> {
    let kind = drafts.list[i].kind;
    drafts
        .list
        .iter()
        .enumerate()
        .filter(move |(j, e)| *j != i && e.kind == kind && e.paragraph > 0)
}

/// The one body establishment that headline establishment `i` names shorter: the same entity
/// word at the end (its last two characters: 基金, 公司), the headline's name at least
/// [`MIN_HEADLINE_ENTITY`] characters, read in order within the body's name
/// (`智能装备产业基金` in `濠江岚峰智能装备产业投资基金`), and four characters or more before
/// its entity word standing together in it (`智能装备`: a theme, not only `产业`) — or the whole
/// theme when it has three (`新能源公司` in `泓澍新能源科技有限公司`; session 22).
fn told_in_body(drafts: &Drafts, i: usize) -> Option<usize> {
    let short: Vec<char> = drafts.list[i].name.chars().collect();
    if short.len() < MIN_HEADLINE_ENTITY {
        return None;
    }
    let head = &short[short.len() - 2..];
    let theme: String = short[..short.len() - 2].iter().collect();
    let fits = |long: &str| {
        let l: Vec<char> = long.chars().collect();
        if l.len() <= short.len() || !l.ends_with(head) {
            return false;
        }
        let mut it = l.iter();
        let in_order = short.iter().all(|c| it.any(|x| x == c));
        let window = theme.chars().count().min(4);
        let together = window >= 3
            && (0..theme.chars().count()).any(|k| {
                let w: String = theme.chars().skip(k).take(window).collect();
                w.chars().count() == window && long.contains(&w)
            });
        in_order && together
    };
    let mut found = body_events(drafts, i)
        .filter(|(_, e)| fits(&e.name))
        .map(|(j, _)| j);
    let j = found.next()?;
    found.next().is_none().then_some(j)
}

/// The body financing that headline financing `i` (`X完成C轮融资　Y领投`) tells without its
/// round (`X宣布完成新一轮融资`): the one body financing raised by the headline's raiser (one
/// name starting the other, after [`crate::link::key`]) that names no round, when the
/// headline names one (a past round the body names, `此前曾获得A轮投资`, stays its own), is
/// not told as still to come (`计划在2025年启动新一轮融资`) and has no amount other than the
/// headline's.
fn unnamed_round_in_body(doc: &AnnotatedDoc, drafts: &Drafts, i: usize) -> Option<usize> {
    let d = &drafts.list[i];
    if !names_round(&d.name) {
        return None;
    }
    let key = |m: usize| doc.mentions.get(m).map(|m| crate::link::key(&m.name));
    let own: Vec<String> = d.with_rel(RelType::Raised).filter_map(key).collect();
    if own.is_empty() {
        return None;
    }
    let values = |d: &super::Draft| -> Vec<f64> {
        d.with_rel(RelType::HasAmount)
            .filter_map(|m| match doc.mentions.get(m).map(|m| &m.attrs) {
                Some(crate::extract::Attrs::Amount(money)) => Some(money.value),
                _ => None,
            })
            .collect()
    };
    let own_values = values(d);
    let text = doc.text();
    let mut found = body_events(drafts, i).filter(|(_, e)| {
        // (a round still to come is another one: `计划在2025年启动新一轮融资`; so is a round of
        // another amount)
        let before: String = text
            .get(..e.trigger.start)
            .unwrap_or("")
            .chars()
            .rev()
            .take(12)
            .collect::<Vec<char>>()
            .into_iter()
            .rev()
            .collect();
        let planned = PLANNED_ROUND.iter().any(|w| before.contains(w));
        let theirs = values(e);
        let other_amount = !own_values.is_empty()
            && !theirs.is_empty()
            && !theirs.iter().any(|v| {
                own_values
                    .iter()
                    .any(|o| (o - v).abs() <= 1e-6 * o.abs().max(1.0))
            });
        !planned
            && !other_amount
            && !names_round(&e.name)
            && e.with_rel(RelType::Raised).filter_map(key).any(|n| {
                own.iter()
                    .any(|o| n.starts_with(o.as_str()) || o.starts_with(n.as_str()))
            })
    });
    let (j, _) = found.next()?;
    found.next().is_none().then_some(j)
}

/// Words before a financing word that tell a round still to come (`计划…启动新一轮融资`).
const PLANNED_ROUND: [&str; 8] = ["计划", "拟", "将", "准备", "启动", "筹备", "有望", "预计"];

/// Does a financing's name name its round: a letter, `+` or 天使/种子 right before 轮 (`C轮`,
/// `B+轮`, `Pre-A轮`, `天使轮`), not `新一轮`/`本轮`?
fn names_round(name: &str) -> bool {
    let key = crate::link::key(name);
    key.match_indices('轮').any(|(k, _)| {
        let before = &key[..k];
        before.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '+')
            || ["天使", "种子"].iter().any(|w| before.ends_with(w))
    })
}

/// The body signing that headline signing `i` (`X与两家企业签约`: one party and a counted
/// group) tells: the first later signing X signed with as many other named parties as the
/// group counts (two or more when the count is not a plain numeral).
fn group_signed_in_body(doc: &AnnotatedDoc, drafts: &Drafts, i: usize) -> Option<usize> {
    let d = &drafts.list[i];
    let group = super::args::counted_group(&d.name)?;
    let want = group_count(group);
    let name = |m: usize| doc.mentions.get(m).map(|m| m.name.clone());
    let mut own = d.with_rel(RelType::Signed).filter_map(name);
    let party = own.next()?;
    if own.any(|o| o != party) {
        return None;
    }
    body_events(drafts, i)
        .find(|(_, e)| {
            let mut others: Vec<String> = e
                .with_rel(RelType::Signed)
                .filter(|&m| {
                    doc.mentions
                        .get(m)
                        .is_some_and(|m| m.label == Label::Organization)
                })
                .filter_map(name)
                .collect();
            let signed = others.contains(&party);
            others.retain(|o| o != &party);
            others.sort();
            others.dedup();
            signed && want.map_or(others.len() >= 2, |n| others.len() == n)
        })
        .map(|(j, _)| j)
}

/// The body signing that headline signing `i` names shorter: the body's agreement name ends
/// with the headline's (`策略合作备忘录`, the body `智慧电网储能策略合作备忘录`; the headline's at
/// least four characters) and the two share a signing party. The first such signing.
fn agreement_in_body(doc: &AnnotatedDoc, drafts: &Drafts, i: usize) -> Option<usize> {
    let d = &drafts.list[i];
    let short = crate::link::key(&d.name);
    if short.chars().count() < 4 {
        return None;
    }
    let name = |m: usize| doc.mentions.get(m).map(|m| m.name.clone());
    let own: Vec<String> = d.with_rel(RelType::Signed).filter_map(name).collect();
    body_events(drafts, i)
        .find(|(_, e)| {
            let long = crate::link::key(&e.name);
            long.len() > short.len()
                && long.ends_with(short.as_str())
                && e.with_rel(RelType::Signed)
                    .filter_map(name)
                    .any(|n| own.contains(&n))
        })
        .map(|(j, _)| j)
}

/// The body signing that headline signing `i` tells by its parties: one signing per document
/// per party set. The body signing whose organizations are exactly the headline's, else the
/// only one whose organizations include all of them (`# A與日商簽署…合約`, the body `A…與B簽署…
/// 合約`: 日商 names no company). A party named shorter in one telling is the same party (one
/// name contains the other). None when the headline names no organization that signs.
fn parties_in_body(doc: &AnnotatedDoc, drafts: &Drafts, i: usize) -> Option<usize> {
    // (`X与两家企业签约`: a counted group is more parties than the body may name; it stays)
    if super::args::counted_group(&drafts.list[i].name).is_some() {
        return None;
    }
    let orgs = |d: &super::Draft| -> Vec<String> {
        let mut v: Vec<String> = d
            .with_rel(RelType::Signed)
            .filter_map(|m| doc.mentions.get(m))
            .filter(|m| m.label == Label::Organization)
            .map(|m| crate::link::key(&m.name))
            .filter(|k| !k.is_empty())
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let own = orgs(&drafts.list[i]);
    if own.is_empty() {
        return None;
    }
    let same = |a: &String, b: &String| a.contains(b.as_str()) || b.contains(a.as_str());
    let covered = |other: &[String]| own.iter().all(|o| other.iter().any(|x| same(o, x)));
    let body: Vec<(usize, Vec<String>)> = body_events(drafts, i)
        .map(|(j, e)| (j, orgs(e)))
        .filter(|(_, o)| covered(o))
        .collect();
    if let Some((j, _)) = body.iter().find(|(_, o)| o.len() == own.len()) {
        return Some(*j);
    }
    match body.as_slice() {
        [(j, _)] => Some(*j),
        _ => None,
    }
}

/// The number a counted group opens with (`两家企业` → 2, `3家银行` → 3), if it is a plain
/// numeral of one to ten.
fn group_count(group: &str) -> Option<usize> {
    let mut num = group.chars().take_while(|c| !matches!(c, '家' | '所'));
    let (Some(c), None) = (num.next(), num.next()) else {
        return None;
    };
    c.to_digit(10).map(|d| d as usize).or_else(|| {
        "一两三四五六七八九十"
            .chars()
            .position(|x| x == c)
            .map(|p| p + 1)
            .or_else(|| (c == '二').then_some(2))
    })
}

#[cfg(test)]
mod tests {
    use super::{group_count, names_round};

    #[test]
    fn a_round_is_named_by_a_letter_or_a_word() {
        assert!(names_round("星河科技C轮融资"));
        assert!(names_round("星河科技B+轮融资"));
        assert!(names_round("星河科技Pre-A轮融资"));
        assert!(names_round("星河科技天使轮融资"));
        assert!(names_round("星河科技C輪融資"));
        assert!(!names_round("星河科技新一轮融资"));
        assert!(!names_round("星河科技本轮融资"));
        assert!(!names_round("星河科技融资"));
    }

    #[test]
    fn a_group_counts_its_numeral() {
        assert_eq!(group_count("两家企业"), Some(2));
        assert_eq!(group_count("二家银行"), Some(2));
        assert_eq!(group_count("3家金融机构"), Some(3));
        assert_eq!(group_count("十家单位"), Some(10));
        assert_eq!(group_count("12家企业"), None);
        assert_eq!(group_count("多家企业"), None);
    }
}
