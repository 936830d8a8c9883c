//! Events and relations: triggers with argument patterns, slot filling across sentences.
//!
//! Input: the committed mentions of one [`AnnotatedDoc`] (people, organizations, roles,
//! places, amounts, dates). Output: [`Event`]s and the [`Relation`]s that tie participants to
//! them (ORGANIZED, ATTENDED, SPOKE_AT, SIGNED, INVESTED, RAISED, ACQUIRED, SOLD, TARGET_OF,
//! APPOINTED, LAUNCHED, ESTABLISHED, ADVISED, HAS_AMOUNT, LOCATED_IN, PART_OF; the HOLDS_POSITION that results
//! from an appointment is the position family's; MANAGES, fund manager → fund, between two
//! organizations).
//!
//! How it works, in three stages (one file each):
//! - [`trigger`]: one leftmost-longest pass of the trigger automaton (all
//!   `schema/lexicons/triggers_<kind>.txt` plus `triggers_not.txt`, whose compounds such as
//!   `投资机构` outrank the trigger they contain) and one pass of the cue automaton
//!   (`triggers_cues.txt`: 主办, 出席, 代表, 领投, 双方, 会上 …) over the whole text. Quoted
//!   names (`“…签约”`, `《…协议》`) that contain a trigger become named events; the last
//!   trigger inside the quote gives the kind (Chinese compounds are head-final).
//! - [`args`]: per sentence, each trigger's arguments are read off the mentions around it with
//!   a kind-specific pattern (subject before the trigger, object after it, `由A代表X`,
//!   `对X的收购`, `聘任X为Y` …). A trigger without an anchor (a named object, the required
//!   parties, an amount) is a generic mention (`一系列协议的签署`, `通过设立专项基金`) and
//!   makes no event: precision over recall, because every event is a node users query.
//! - [`slots`]: document-level slot filling. The forum in context (the last one held or
//!   referred to) receives speeches, attendance and `会上`/`本次论坛` references; signings,
//!   launches and speeches held during it are PART_OF it and inherit its date and place;
//!   amounts in the sentences after a launch/investment belong to it; `双方` and `该公司`
//!   resolve to the last signing's parties and the last organization.
//!
//! Events with the same kind and name in one document are one event (a forum named twice is
//! held once). A person who SPOKE_AT an event is not also listed as ATTENDED (speaking implies
//! attending; the speech is the more specific fact).
//!
//! Work is per sentence over the sentence's own mentions and matches; the document-level
//! state is a handful of "last seen" slots, so the cost is linear in the text.

pub mod args;
pub mod slots;
pub mod trigger;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::extract::{
    AnnotatedDoc, Event, EventKind, Evidence, NodeRef, PositionStatus, RelProps, RelType, Relation,
    TimeValue,
};
use crate::rules::{Entry, LexiconSet, RuleId, Rules, TermMatcher};

/// A held forum: a meeting noun phrase with a holding/attending cue in its sentence.
pub const FORUM_HELD: RuleId = RuleId("event.forum_held");
/// A quoted name (`“…签约”`, `《…》`) containing a trigger is an event of that trigger's kind.
pub const QUOTED: RuleId = RuleId("event.quoted_name");
/// ORGANIZED: `由A主办`, `A主办/承办`, `A举办/召开 X论坛`.
pub const ORGANIZER: RuleId = RuleId("event.organizer");
/// ORGANIZED: the forum's own name starts with the organization (`A合作伙伴大会`).
pub const ORGANIZER_IN_NAME: RuleId = RuleId("event.organizer_in_name");
/// ATTENDED: people (and stand-alone organizations) before 出席/参加/见证.
pub const ATTENDED: RuleId = RuleId("event.attended");
/// ATTENDED: `出席…并致辞` / `出席…并见证签约` — attendance stated together with another act,
/// kept even for a person who also SPOKE_AT the event.
pub const ATTENDED_JOINT: RuleId = RuleId("event.attended_joint");
/// ATTENDED: the people listed after `出席嘉宾包括：` / `与会嘉宾有` (the list follows the cue).
pub const ATTENDEE_LIST: RuleId = RuleId("event.attendee_list");
/// SPOKE_AT: a person before 致辞/演讲/主题报告, with the 《…》 title.
pub const SPEECH: RuleId = RuleId("event.speech");
/// Forum: a company's shareholders' meeting or board meeting that is held (`召开2023年年度股东大会`,
/// `第三届董事会第十二次会议于6月3日召开`), organized by the company; it hosts nothing.
pub const GOVERNANCE_MEETING: RuleId = RuleId("event.governance_meeting");
/// SPOKE_AT: the person of each list item after `主题演讲讲者如下：`, with the 《…》 title.
pub const SPEAKER_LIST: RuleId = RuleId("event.speaker_list");
/// ATTENDED: the guests of a panel (`与谈人包括A、B`, `对话嘉宾：A、B`).
pub const PANEL_GUEST: RuleId = RuleId("event.panel_guest");
/// ATTENDED {title 主持人}: the moderator of the forum in context (`主持人：X`, `会议由X主持`,
/// `X主持召开座谈会`).
pub const MODERATOR: RuleId = RuleId("event.moderator");
/// SIGNED: the parties before a signing verb (`A与B签署…协议`).
pub const SIGNING: RuleId = RuleId("event.signing");
/// SIGNED: `由A代表X签约` — A signs on behalf of X, and X signs.
pub const SIGNING_BEHALF: RuleId = RuleId("event.signing_on_behalf");
/// SIGNED {on_behalf_of: X}: `X董事长A与Y行长B签署` — a titled person who is the subject of the
/// signing verb signs for the organization that titles them.
pub const SIGNING_SIGNATORY: RuleId = RuleId("event.signing_signatory");
/// SIGNED: `双方` resolved to the two parties of the last signing or the last two organizations.
pub const SIGNING_BOTH: RuleId = RuleId("event.signing_both_parties");
/// SIGNED: a named signing without parties in its sentence takes the organization of its
/// paragraph, else the organizer of the forum in context.
pub const SIGNING_CONTEXT: RuleId = RuleId("event.signing_context_party");
/// SIGNED: one row of a signing list (bullets or a Markdown table after `签约…如下：`).
pub const SIGNING_LIST: RuleId = RuleId("event.signing_list");
/// SIGNED: `X与10家银行签署授信协议。根据协议，A银行、B银行分别给予…` — the members of the
/// counted group listed in the next sentence sign the signing too (with the amounts after 分别).
pub const SIGNING_GROUP: RuleId = RuleId("event.signing_group_members");
/// SIGNED and HAS_AMOUNT: `其中，A银行授信额度300亿元，B银行授信额度200亿元` after a credit-line
/// signing — each bank with its share of the credit line (session 24).
pub const SIGNING_CREDIT_SHARES: RuleId = RuleId("event.signing_credit_shares");
/// `在A、B的见证下，各方代表依次签约：` + list rows: A and B attend every signing of the list.
pub const SIGNING_WITNESS: RuleId = RuleId("event.signing_list_witness");
/// LAUNCHED: the organization that holds a launch (`A举行了“…发布”仪式`, `A发布《X》`).
pub const LAUNCH: RuleId = RuleId("event.launch");
/// LAUNCHED: `A举行新品发布会，发布新一代X` — an unquoted product named by a word of novelty.
pub const LAUNCH_NEW_PRODUCT: RuleId = RuleId("event.launch_new_product");
/// A launch with no launcher named, told at the forum in context (`会上发布了《X》`).
pub const LAUNCH_IN_CONTEXT: RuleId = RuleId("event.launch_in_context");
/// INVESTED / TARGET_OF for 投资/出资/注资/增资.
pub const INVESTMENT: RuleId = RuleId("event.investment");
/// RAISED for 完成…轮融资 / 获投.
pub const FINANCING: RuleId = RuleId("event.financing");
/// INVESTED {lead} for `由A领投，B、C跟投`.
pub const FINANCING_INVESTOR: RuleId = RuleId("event.financing_investor");
/// INVESTED {lead} for the investors listed after a label (`领投方：A、B`, `跟投方为C`).
pub const FINANCING_INVESTOR_LIST: RuleId = RuleId("event.financing_investor_list");
/// `| 企业 | 轮次 | 金额 | 投资方 |` and `| 收购方 | 标的公司 | 交易对价 |` rows: one deal each.
pub const DEAL_TABLE: RuleId = RuleId("event.deal_table");
/// ACQUIRED / TARGET_OF / SOLD for 收购/并购/受让.
pub const ACQUISITION: RuleId = RuleId("event.acquisition");
/// ACQUIRED: an acquisition of an unnamed target (`收购一家德国企业60%股权`): the acquirer
/// and amount, the description with its stake as the name.
pub const ACQUISITION_UNNAMED: RuleId = RuleId("event.acquisition_unnamed_target");
/// ACQUIRED / TARGET_OF / SOLD: `A拟将其持有的X 29.9%股份转让给C` — C acquires a stake in X.
pub const ACQUISITION_TRANSFER: RuleId = RuleId("event.share_transfer");
/// SOLD / TARGET_OF: `A以1000万元出售B 80%股权` — A sells its stake in B (no buyer named).
pub const ACQUISITION_SALE: RuleId = RuleId("event.stake_sale");
/// SOLD: `交易对方为A及B` names the sellers of the acquisition in context.
pub const ACQUISITION_COUNTERPARTY: RuleId = RuleId("event.acquisition_counterparty");
/// APPOINTED (+ HOLDS_POSITION with status new/former) for 聘任/任命/当选/辞去 ….
pub const APPOINTMENT: RuleId = RuleId("event.appointment");
/// ESTABLISHED for 设立/成立/发起 … 基金/公司.
pub const ESTABLISHMENT: RuleId = RuleId("event.establishment");
/// ESTABLISHED: `X基金设立仪式…举行` names the establishment; `该基金由A联合B共同发起` its founders.
pub const ESTABLISHMENT_CEREMONY: RuleId = RuleId("event.establishment_ceremony");
/// ESTABLISHED: `X基金正式设立，…由A、B共同出资设立` — the organization before a passive
/// founding verb is set up, the organizations after 由 found it.
pub const ESTABLISHMENT_PASSIVE: RuleId = RuleId("event.establishment_passive");
/// ESTABLISHED: `A与B签署…，双方将共同设立X` — both parties of the signing in context found it.
pub const ESTABLISHMENT_JOINT: RuleId = RuleId("event.establishment_joint");
/// ESTABLISHED: `苏州将设立总规模50亿元的X基金` — a place opening the founding verb's clause
/// founds it: its government when the document names one, else the place (Location → Event).
pub const ESTABLISHMENT_PLACE: RuleId = RuleId("event.establishment_place");
/// INVESTED: `出资人包括A、B` after an establishment — the backers of the fund put money in.
pub const ESTABLISHMENT_BACKERS: RuleId = RuleId("event.establishment_backers");
/// MANAGES: the fund manager (`基金管理人为X`, `由X担任基金管理人`, `X作为基金管理人`,
/// `管理人：X`) → the fund named before it in the sentence, else the one the document set up.
pub const MANAGES: RuleId = RuleId("event.manages");
/// ADVISED {title}: `X担任本次交易的独家财务顾问`, `法律顾问为Y` — an adviser of the deal in
/// context, with its role.
pub const ADVISER: RuleId = RuleId("event.adviser");
/// HAS_AMOUNT: an amount in the event's sentence.
pub const AMOUNT: RuleId = RuleId("event.amount");
/// HAS_AMOUNT: an amount in a following sentence of the same paragraph with no event of its own.
pub const AMOUNT_CARRIED: RuleId = RuleId("event.amount_carried");
/// LOCATED_IN: a place in the event's sentence.
pub const LOCATION: RuleId = RuleId("event.location");
/// LOCATED_IN: carried from the forum an event is PART_OF.
pub const LOCATION_CARRIED: RuleId = RuleId("event.location_carried");
/// PART_OF: a signing/launch/speech held during the forum in context.
pub const PART_OF: RuleId = RuleId("event.part_of");

/// Every rule id of this family (checked against `schema/rules/event.toml` by a test).
pub const ALL_RULES: &[RuleId] = &[
    FORUM_HELD,
    QUOTED,
    ORGANIZER,
    ORGANIZER_IN_NAME,
    ATTENDED,
    ATTENDED_JOINT,
    ATTENDEE_LIST,
    SPEECH,
    GOVERNANCE_MEETING,
    SPEAKER_LIST,
    PANEL_GUEST,
    MODERATOR,
    SIGNING,
    SIGNING_BEHALF,
    SIGNING_SIGNATORY,
    SIGNING_BOTH,
    SIGNING_CONTEXT,
    SIGNING_LIST,
    SIGNING_GROUP,
    SIGNING_WITNESS,
    LAUNCH,
    LAUNCH_NEW_PRODUCT,
    LAUNCH_IN_CONTEXT,
    INVESTMENT,
    FINANCING,
    FINANCING_INVESTOR,
    FINANCING_INVESTOR_LIST,
    DEAL_TABLE,
    ACQUISITION,
    ACQUISITION_UNNAMED,
    ACQUISITION_COUNTERPARTY,
    ACQUISITION_TRANSFER,
    ACQUISITION_SALE,
    APPOINTMENT,
    ESTABLISHMENT,
    ESTABLISHMENT_CEREMONY,
    ESTABLISHMENT_PASSIVE,
    ESTABLISHMENT_JOINT,
    ESTABLISHMENT_PLACE,
    ESTABLISHMENT_BACKERS,
    MANAGES,
    ADVISER,
    AMOUNT,
    AMOUNT_CARRIED,
    LOCATION,
    LOCATION_CARRIED,
    PART_OF,
];

/// The trigger lexicons, one per kind (`schema/lexicons/triggers_<file>.txt`).
const TRIGGER_FILES: &[(&str, EventKind)] = &[
    ("triggers_forum", EventKind::Forum),
    ("triggers_signing", EventKind::Signing),
    ("triggers_launch", EventKind::Launch),
    ("triggers_speech", EventKind::Speech),
    ("triggers_investment", EventKind::Investment),
    ("triggers_financing", EventKind::Financing),
    ("triggers_acquisition", EventKind::Acquisition),
    ("triggers_appointment", EventKind::Appointment),
    ("triggers_establishment", EventKind::Establishment),
];

/// Compiled event rules: built once in [`Rules::build`].
pub struct EventRules {
    /// All triggers (attr `kind=<EventKind>`) plus the non-trigger compounds (`kind=none`).
    pub triggers: TermMatcher,
    /// Argument cue words (attr `role=…`).
    pub cues: TermMatcher,
    /// Words that end an event name read leftwards.
    pub stops: TermMatcher,
    /// What an amount is about (总规模, 投资额 …).
    pub about: TermMatcher,
}

impl EventRules {
    pub fn build(lex: &LexiconSet) -> EventRules {
        let mut entries: Vec<Entry> = Vec::new();
        // Non-trigger compounds first: the first entry of a repeated term wins.
        for e in &lex.get("triggers_not").entries {
            let mut e = e.clone();
            e.attrs.push(("kind".into(), "none".into()));
            entries.push(e);
        }
        for (file, kind) in TRIGGER_FILES {
            for e in &lex.get(file).entries {
                let mut e = e.clone();
                e.attrs.push(("kind".into(), kind.as_str().into()));
                entries.push(e);
            }
        }
        EventRules {
            triggers: TermMatcher::new(entries.iter()),
            cues: TermMatcher::new(lex.get("triggers_cues").entries.iter()),
            stops: TermMatcher::new(lex.get("triggers_stops").entries.iter()),
            about: TermMatcher::new(lex.get("triggers_about").entries.iter()),
        }
    }
}

/// Parse the `kind` attribute written by [`EventRules::build`].
pub(crate) fn kind_of(e: &Entry) -> Option<EventKind> {
    let k = e.attr("kind")?;
    TRIGGER_FILES
        .iter()
        .map(|(_, k)| *k)
        .find(|kind| kind.as_str() == k)
}

/// Which end of a relation the event is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dir {
    /// mention → event (SIGNED, ATTENDED …)
    ToEvent,
    /// event → mention (HAS_AMOUNT, LOCATED_IN)
    FromEvent,
}

/// One argument of a draft event.
#[derive(Clone, Debug)]
pub(crate) struct Arg {
    pub rel: RelType,
    pub mention: usize,
    pub dir: Dir,
    pub props: RelProps,
    pub rule: RuleId,
    pub sentence: usize,
    /// Supporting text (byte range of the clean text).
    pub range: Range<usize>,
}

/// An event being built.
#[derive(Clone, Debug)]
pub(crate) struct Draft {
    pub kind: EventKind,
    pub name: String,
    pub sentence: usize,
    pub paragraph: usize,
    /// Byte range of the trigger (or the quoted name).
    pub trigger: Range<usize>,
    pub rule: RuleId,
    pub date: Option<TimeValue>,
    pub location: Option<usize>,
    pub location_rule: RuleId,
    pub args: Vec<Arg>,
    /// PART_OF target (index into the drafts).
    pub part_of: Option<usize>,
    /// (rel, mention, dir, title) already in `args`: `add` is O(1), so an event merged from
    /// many sentences stays linear. (The title only for APPOINTED: one person may leave two
    /// posts in one change, `辞去董事及副总经理职务`.)
    seen: HashSet<(RelType, usize, bool, Option<String>)>,
    /// The sentence names a forum context word (会上, 本次论坛 …).
    pub in_context: bool,
    /// A signing told as another act of the same day (`同日，A与B签署…`, no context word):
    /// not held at the forum in context.
    pub apart: bool,
}

impl Draft {
    pub fn new(
        kind: EventKind,
        name: String,
        sentence: usize,
        paragraph: usize,
        trigger: Range<usize>,
        rule: RuleId,
    ) -> Draft {
        Draft {
            kind,
            name,
            sentence,
            paragraph,
            trigger,
            rule,
            date: None,
            location: None,
            location_rule: LOCATION,
            args: Vec::new(),
            part_of: None,
            in_context: false,
            apart: false,
            seen: HashSet::new(),
        }
    }

    /// Add an argument unless the same (rel, mention) is already there.
    pub fn add(&mut self, a: Arg) {
        if self.seen.insert((
            a.rel,
            a.mention,
            a.dir == Dir::ToEvent,
            appointed_title(&a.rel, &a.props),
        )) {
            self.args.push(a);
        }
    }

    /// Merge `d`, the same event told again: the date and place this draft lacks, every
    /// argument it does not have yet.
    fn take(&mut self, d: Draft) {
        if self.date.is_none() {
            self.date = d.date;
        }
        if self.location.is_none() {
            self.location = d.location;
            self.location_rule = d.location_rule;
        }
        self.in_context |= d.in_context;
        for a in d.args {
            self.add(a);
        }
    }

    /// Mentions related to this event by `rel`.
    pub fn with_rel(&self, rel: RelType) -> impl Iterator<Item = usize> + '_ {
        self.args
            .iter()
            .filter(move |a| a.rel == rel)
            .map(|a| a.mention)
    }
}

/// Shortest name (without its year) a headline may tell a forum by for
/// [`Drafts::find_retold`]: a theme and a forum noun (`数字经济论坛` is 6).
const MIN_RETOLD_CHARS: usize = 6;

/// The drafts of one document, deduplicated by (kind, name).
#[derive(Default)]
pub(crate) struct Drafts {
    pub list: Vec<Draft>,
    /// Relations between mentions found by event patterns (MANAGES, an appointment's
    /// HOLDS_POSITION).
    pub direct: Vec<Relation>,
    by_name: HashMap<(EventKind, String), usize>,
    /// (person name, status, title) of every APPOINTED argument of the drafts, and the same
    /// without the title: whether a change is already recorded is a lookup, not a scan of
    /// every draft (that scan made a long filing quadratic in its appointments).
    appointed_titles: HashSet<(String, PositionStatus, Option<String>)>,
    appointed_any: HashSet<(String, PositionStatus)>,
    /// (person name, status, title) → the organizations (link keys) the title was held at in
    /// the changes recorded, each with its draft: a group's `免去X…董事长职务` and its listed subsidiary's
    /// `X辞去公司董事长` are two changes, not one.
    appointed_orgs: HashMap<(String, PositionStatus, String), Vec<(String, usize)>>,
    /// (person name, status, title) → the draft that records that change first.
    appointed_draft: HashMap<(String, PositionStatus, String), usize>,
    /// How many arguments of each draft are in the two sets above.
    indexed: HashMap<usize, usize>,
}

impl Drafts {
    /// Add a draft, or merge it into the existing one of the same kind and name; returns the
    /// index.
    pub fn upsert(&mut self, d: Draft) -> usize {
        let key = (d.kind, crate::link::key(&d.name));
        if let Some(&i) = self.by_name.get(&key) {
            let e = &mut self.list[i];
            e.take(d);
            return i;
        }
        self.list.push(d);
        self.by_name.insert(key, self.list.len() - 1);
        self.list.len() - 1
    }

    /// Add the APPOINTED arguments of draft `i` made since its last call to the index read by
    /// [`Drafts::appointed`] (APPOINTED arguments are only made in one place, which calls this
    /// after every upsert).
    pub fn index_appointed(&mut self, doc: &AnnotatedDoc, i: usize) {
        let Some(d) = self.list.get(i) else { return };
        let done = self.indexed.entry(i).or_insert(0);
        for a in &d.args[(*done).min(d.args.len())..] {
            if d.kind != EventKind::Appointment || a.rel != RelType::Appointed {
                continue;
            }
            let (Some(m), Some(st)) = (doc.mentions.get(a.mention), a.props.status) else {
                continue;
            };
            self.appointed_titles
                .insert((m.name.clone(), st, a.props.title.clone()));
            if let Some(t) = &a.props.title {
                self.appointed_draft
                    .entry((m.name.clone(), st, t.clone()))
                    .or_insert(i);
            }
            self.appointed_any.insert((m.name.clone(), st));
        }
        *done = d.args.len();
    }

    /// Does an Appointment draft already appoint `person` to `title` (any title for None) with
    /// `status`?
    pub fn appointed(&self, person: &str, title: Option<&str>, status: PositionStatus) -> bool {
        match title {
            None => self.appointed_any.contains(&(person.to_string(), status)),
            Some(t) => {
                self.appointed_titles
                    .contains(&(person.to_string(), status, Some(t.to_string())))
            }
        }
    }

    /// Whether the change of `person`'s `title` with `status` at organization `org` (a link
    /// key) is already recorded: `None` if not (a new change, also when recorded only at other
    /// organizations: a group's `免去X…董事长职务` and its listed subsidiary's `X辞去公司董事长`
    /// are two changes), else the draft that records it (`Some(None)` when it is known only
    /// without a title). A change or a title whose organization is not written matches the
    /// first draft of that change; a name that contains the other is the same organization.
    pub fn same_change(
        &self,
        person: &str,
        title: Option<&str>,
        status: PositionStatus,
        org: Option<&str>,
    ) -> Option<Option<usize>> {
        if !self.appointed(person, title, status) {
            return None;
        }
        let Some(t) = title else {
            return Some(None);
        };
        let key = (person.to_string(), status, t.to_string());
        let first = self.appointed_draft.get(&key).copied();
        let Some(o) = org else {
            return Some(first);
        };
        match self.appointed_orgs.get(&key) {
            Some(orgs) if !orgs.is_empty() => orgs
                .iter()
                // (a short name and the full one are one organization: `京基智农`, `深圳市京基智农
                // 时代股份有限公司`)
                .find(|(k, _)| k.contains(o) || o.contains(k.as_str()))
                .map(|&(_, d)| Some(d)),
            _ => Some(first),
        }
    }

    /// Is `person`'s change of `title` with `status` recorded at an organization?
    pub fn placed(&self, person: &str, title: &str, status: PositionStatus) -> bool {
        self.appointed_orgs
            .get(&(person.to_string(), status, title.to_string()))
            .is_some_and(|v| !v.is_empty())
    }

    /// Record that draft `draft` tells `person`'s change of `title` (with `status`) at
    /// organization `org` (a link key).
    pub fn record_appointed_org(
        &mut self,
        person: &str,
        title: &str,
        status: PositionStatus,
        org: String,
        draft: usize,
    ) {
        let v = self
            .appointed_orgs
            .entry((person.to_string(), status, title.to_string()))
            .or_default();
        if !v.iter().any(|(k, _)| *k == org) {
            v.push((org, draft));
        }
    }

    pub fn find(&self, kind: EventKind, name: &str) -> Option<usize> {
        self.by_name.get(&(kind, crate::link::key(name))).copied()
    }

    /// The headline's telling of a forum the body names in full: a draft of `kind` from the
    /// headline paragraph whose name and `name`, without a leading year (`2025`, `2025年`),
    /// end one with the other, the shorter at least [`MIN_RETOLD_CHARS`] characters
    /// (`南屿新区举办2025年数字经济招商推介会` names `数字经济招商推介会`, the body
    /// `2025南屿新区数字经济招商推介会`). Only the headline: in the body, two names of which one
    /// ends the other are as often two events.
    pub fn find_retold(&self, kind: EventKind, name: &str) -> Option<usize> {
        let bare = |n: &str| -> String {
            let t = n.trim_start_matches(|c: char| c.is_ascii_digit());
            let t = if n.len() - t.len() == 4 { t } else { n };
            crate::link::key(t.strip_prefix('年').unwrap_or(t))
        };
        self.headline_telling(kind, name, bare, MIN_RETOLD_CHARS, |short, long| {
            long.ends_with(short)
        })
    }

    /// The headline's telling of a launch the body names longer or shorter: a Launch draft
    /// from the headline paragraph whose name key begins `name`'s or is begun by it, the
    /// shorter at least six characters (`发表新一代AI伺服器`, the body `新一代AI伺服器机柜`).
    pub fn find_retold_launch(&self, name: &str) -> Option<usize> {
        self.headline_telling(
            EventKind::Launch,
            name,
            crate::link::key,
            6,
            |short, long| short != long && long.starts_with(short),
        )
    }

    /// A headline draft of `kind` whose name and `name`, both made comparable by `norm`, fit
    /// as `fits(shorter, longer)`, the shorter at least `min` characters.
    fn headline_telling(
        &self,
        kind: EventKind,
        name: &str,
        norm: impl Fn(&str) -> String,
        min: usize,
        fits: impl Fn(&str, &str) -> bool,
    ) -> Option<usize> {
        let this = norm(name);
        self.list.iter().position(|d| {
            if d.kind != kind || d.paragraph != 0 {
                return false;
            }
            let other = norm(&d.name);
            let (short, long) = if other.len() <= this.len() {
                (&other, &this)
            } else {
                (&this, &other)
            };
            short.chars().count() >= min && fits(short, long)
        })
    }

    /// Merge draft `from` into draft `into` (dates, places and arguments it lacks) and remove
    /// it: a headline that retells a deal the body tells in full (slots::finish). PART_OF links
    /// to `from` move to `into`; later indices shift down by one. Only called at the end of a
    /// document, when no sentence slot holds a draft index any more.
    pub fn absorb(&mut self, from: usize, into: usize) {
        if from == into || from >= self.list.len() || into >= self.list.len() {
            return;
        }
        let d = self.list.remove(from);
        let shift = |p: usize| if p > from { p - 1 } else { p };
        let into = shift(into);
        for e in &mut self.list {
            e.part_of = e.part_of.map(|p| if p == from { into } else { shift(p) });
        }
        let e = &mut self.list[into];
        if e.part_of == Some(into) {
            e.part_of = None;
        }
        e.take(d);
        self.by_name.clear();
        for (i, e) in self.list.iter().enumerate() {
            self.by_name
                .entry((e.kind, crate::link::key(&e.name)))
                .or_insert(i);
        }
        self.indexed.clear();
    }

    /// Give draft `i` a better name (unless another draft of its kind already has it): the
    /// name index follows.
    pub fn rename(&mut self, i: usize, name: String) {
        let Some(d) = self.list.get(i) else { return };
        let new_key = (d.kind, crate::link::key(&name));
        if self.by_name.contains_key(&new_key) {
            return;
        }
        let old_key = (d.kind, crate::link::key(&d.name));
        if self.by_name.get(&old_key) == Some(&i) {
            self.by_name.remove(&old_key);
        }
        self.by_name.insert(new_key, i);
        self.list[i].name = name;
    }
}

/// Find events and relations and add them to the document.
pub fn extract_events(doc: &mut AnnotatedDoc, rules: &Rules) {
    let mut drafts = Drafts::default();
    {
        let doc: &AnnotatedDoc = doc;
        let scan = trigger::Scan::new(doc, &rules.event);
        let mut state = slots::State::new(doc);
        for s in 0..doc.sentences.len() {
            for part in parts(doc, s) {
                let sent = trigger::SentView::part(doc, &scan, s, part);
                args::sentence(doc, rules, &sent, &mut drafts, &mut state);
                state.after_sentence(doc, &sent, &mut drafts);
            }
        }
        slots::finish(doc, &mut drafts);
    }
    emit(doc, drafts);
}

/// A sentence longer than this (bytes, about 5 500 characters) is no sentence a reporter wrote
/// but a page or a table run together without a full stop. The argument patterns read the
/// mentions of a sentence around each trigger (scopes from the sentence start, clauses,
/// `双方`, the last organization …), which is quadratic in the length of such a "sentence";
/// it is read in parts of [`PART`]–2×[`PART`] bytes cut after a clause break instead (issue 8).
/// Real sentences are far shorter, so they are read whole, exactly as before.
pub const LONG_SENTENCE: usize = 16 * 1024;
/// The length of the parts of a long sentence (bytes).
const PART: usize = 4 * 1024;

/// The byte ranges sentence `s` is read in: the whole sentence, or parts of a long one, each
/// cut after a clause break (`，；：`) and never inside a mention.
fn parts(doc: &AnnotatedDoc, s: usize) -> Vec<Range<usize>> {
    let r = doc.sentences[s].range.clone();
    if r.len() <= LONG_SENTENCE {
        return vec![r];
    }
    let text = doc.text();
    let ms = &doc.mentions;
    let mut out = Vec::new();
    let mut start = r.start;
    while r.end - start > 2 * PART {
        let mut lo = start + PART;
        while !text.is_char_boundary(lo) {
            lo += 1;
        }
        let mut hi = start + 2 * PART;
        while !text.is_char_boundary(hi) {
            hi += 1;
        }
        let mut cut = text[lo..hi]
            .find(['，', ',', '；', ';', '：', ':'])
            .map_or(hi, |i| {
                let at = lo + i;
                at + text[at..].chars().next().map_or(1, char::len_utf8)
            });
        // Never inside a mention: move past any mention that straddles the cut (entities
        // and values may overlap each other, so look back over a few).
        loop {
            let k = ms.partition_point(|m| m.range.start < cut);
            let straddle = ms[k.saturating_sub(8)..k]
                .iter()
                .map(|m| m.range.end)
                .filter(|&e| e > cut)
                .max();
            match straddle {
                Some(e) => cut = e,
                None => break,
            }
        }
        if cut >= r.end {
            break;
        }
        out.push(start..cut);
        start = cut;
    }
    out.push(start..r.end);
    out
}

/// The title that tells two APPOINTED arguments of one person apart (none for other types).
fn appointed_title(rel: &RelType, props: &RelProps) -> Option<String> {
    (*rel == RelType::Appointed)
        .then(|| props.title.clone())
        .flatten()
}

/// Turn drafts into events and relations (with evidence), dropping duplicate relations.
fn emit(doc: &mut AnnotatedDoc, drafts: Drafts) {
    let base = doc.events.len();
    // One relation per (type, event, entity name[, title]): two mentions of one entity count
    // once.
    let mut seen: HashSet<(RelType, usize, Option<String>, Option<String>)> = HashSet::new();
    for (i, d) in drafts.list.iter().enumerate() {
        let ev = NodeRef::Event(base + i);
        // Every event needs a readable name: fall back to the trigger's text, then the kind.
        let mut name = d.name.trim().to_string();
        if name.is_empty() {
            name = doc.norm.display_of(d.trigger.clone()).trim().to_string();
        }
        if name.is_empty() {
            name = d.kind.as_str().to_string();
        }
        doc.events.push(Event {
            kind: d.kind,
            name,
            date: d.date.clone(),
            location: d.location,
            evidence: Evidence::new(d.sentence, d.trigger.clone(), d.rule),
        });
        // Speaking implies attending: keep the more specific fact.
        // Signing implies attending too: a signer is not also listed as ATTENDED.
        let signers: HashSet<&str> = d
            .with_rel(RelType::Signed)
            .filter_map(|i| doc.mentions.get(i).map(|m| m.name.as_str()))
            .collect();
        // Organizing is the more specific fact too (`大会由A主办，B承办，…代表参加会议`).
        let organizers: HashSet<&str> = d
            .with_rel(RelType::Organized)
            .filter_map(|i| doc.mentions.get(i).map(|m| m.name.as_str()))
            .collect();
        let speakers: Vec<&str> = d
            .with_rel(RelType::SpokeAt)
            .filter_map(|i| doc.mentions.get(i).map(|m| m.name.as_str()))
            .collect();
        let speakers: HashSet<String> = speakers.into_iter().map(str::to_string).collect();
        for a in &d.args {
            if a.rel == RelType::Attended
                && doc.mentions.get(a.mention).is_some_and(|m| {
                    signers.contains(m.name.as_str()) || organizers.contains(m.name.as_str())
                })
            {
                continue;
            }
            if a.rel == RelType::Attended
                && a.rule != ATTENDED_JOINT
                && doc
                    .mentions
                    .get(a.mention)
                    .is_some_and(|m| speakers.contains(&m.name))
            {
                continue;
            }
            let m = NodeRef::Mention(a.mention);
            let (from, to) = match a.dir {
                Dir::ToEvent => (m, ev),
                Dir::FromEvent => (ev, m),
            };
            let name_key = doc.mentions.get(a.mention).map(|m| m.name.clone());
            if !seen.insert((a.rel, i, name_key, appointed_title(&a.rel, &a.props))) {
                continue;
            }
            doc.relations.push(Relation {
                rel: a.rel,
                from,
                to,
                props: a.props.clone(),
                evidence: Evidence::new(a.sentence, a.range.clone(), a.rule),
            });
        }
        if let Some(l) = d.location
            && seen.insert((
                RelType::LocatedIn,
                i,
                doc.mentions.get(l).map(|m| m.name.clone()),
                None,
            ))
        {
            let m = &doc.mentions[l];
            let range = if m.sentence == d.sentence {
                d.trigger.start.min(m.range.start)..d.trigger.end.max(m.range.end)
            } else {
                m.range.clone()
            };
            doc.relations.push(Relation {
                rel: RelType::LocatedIn,
                from: ev,
                to: NodeRef::Mention(l),
                props: RelProps::default(),
                evidence: Evidence::new(m.sentence, range, d.location_rule),
            });
        }
        if let Some(p) = d.part_of {
            doc.relations.push(Relation {
                rel: RelType::PartOf,
                from: ev,
                to: NodeRef::Event(base + p),
                props: RelProps::default(),
                evidence: Evidence::new(d.sentence, d.trigger.clone(), PART_OF),
            });
        }
    }
    doc.relations.extend(drafts.direct);
    appointed_status(doc);
}

/// A post an appointment ends is not also held "current" up to there: the title before the
/// name (`独立董事X任期届满离任`, `董事长X辞去董事长职务`) or in an earlier sentence (`董事会收到
/// 总经理X的辞职报告。X因个人原因辞去总经理职务`) read it as current, the appointment says it
/// ended. Such a HOLDS_POSITION of the same person and title in the sentence of the APPOINTED or
/// before it becomes former; one after it (`辞职后仍担任公司董事`) keeps its status. (A new post
/// stays current where a position rule read it: `发言人由副总经理X担任` states who holds it.)
fn appointed_status(doc: &mut AnnotatedDoc) {
    let changes: Vec<(String, String, usize, PositionStatus)> = doc
        .relations
        .iter()
        .filter(|r| r.rel == RelType::Appointed)
        .filter_map(|r| {
            let NodeRef::Mention(p) = r.from else {
                return None;
            };
            let st = r.props.status?;
            let title = r.props.title.clone()?;
            (st == PositionStatus::Former)
                .then(|| (doc.mentions[p].name.clone(), title, r.evidence.sentence, st))
        })
        .collect();
    if changes.is_empty() {
        return;
    }
    let mentions = &doc.mentions;
    for r in doc.relations.iter_mut() {
        if r.rel != RelType::HoldsPosition || r.props.status != Some(PositionStatus::Current) {
            continue;
        }
        let NodeRef::Mention(p) = r.from else {
            continue;
        };
        let name = &mentions[p].name;
        if let Some((_, _, _, st)) = changes.iter().find(|(n, t, sent, _)| {
            n == name && Some(t) == r.props.title.as_ref() && *sent >= r.evidence.sentence
        }) {
            r.props.status = Some(*st);
        }
    }
}

#[cfg(test)]
mod tests;
