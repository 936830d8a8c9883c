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
    /// A deal table is open (`| 企业 | 轮次 | 金额 | 投资方 |`, `| 收购方 | 标的公司 | 交易对价 |`):
    /// its kind and column indices.
    pub deal_table: Option<DealTable>,
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
        State {
            main_org,
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
pub(crate) fn finish(_doc: &AnnotatedDoc, drafts: &mut Drafts) {
    let forums: Vec<usize> = drafts
        .list
        .iter()
        .enumerate()
        // (a shareholders' or board meeting hosts no signing or speech of its document)
        .filter(|(_, d)| d.kind == EventKind::Forum && d.rule != super::GOVERNANCE_MEETING)
        .map(|(i, _)| i)
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
        ) {
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
                .find(|&&f| drafts.list[f].trigger.start <= d.trigger.start)
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
