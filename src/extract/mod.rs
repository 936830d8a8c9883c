//! Stage 4 — extract: rule families find mentions, amounts, dates, events and relations.
//!
//! Families run in a fixed order — entities (org, location, role, person), then values
//! (money, date), then events/relations — over one [`AnnotatedDoc`] (spaCy's `Doc`): each
//! family *finds* [`Candidate`]s without mutating anything, then [`commit`] applies the one
//! overlap policy and adds the winners as [`Mention`]s, which later families can read.
//! [`finish`] turns the annotated document into a text-free, owned [`DocExtraction`] with
//! character offsets into the original text.

pub mod date;
pub mod describe;
pub mod event;
pub mod location;
pub mod money;
pub mod numeral;
pub mod org;
pub mod person;
pub mod position;
pub mod role;

use std::collections::BTreeMap;
use std::ops::Range;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::normalize::NormText;
use crate::read::Document;
use crate::rules::{RuleId, Rules};
use crate::segment::Sentence;
use crate::span::{CharIndex, Span};

/// What a mention is. `Amount` and `Date` are values; the others are entities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Label {
    Person,
    Organization,
    Role,
    Location,
    Amount,
    Date,
}

impl Label {
    /// Entities may not overlap each other; values may not overlap each other; an entity and a
    /// value may overlap (e.g. a date inside an event name).
    pub fn layer(self) -> u8 {
        match self {
            Label::Person | Label::Organization | Label::Role | Label::Location => 0,
            Label::Amount | Label::Date => 1,
        }
    }

    /// The Neo4j label / short name (`PER`-style names are only used by `eval`).
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "Person",
            Label::Organization => "Organization",
            Label::Role => "Role",
            Label::Location => "Location",
            Label::Amount => "Amount",
            Label::Date => "Date",
        }
    }
}

/// Kind of an organization (`kind` property).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    Enterprise,
    Government,
    Fund,
    Academic,
    Association,
    Media,
    Other,
}

impl OrgKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OrgKind::Enterprise => "enterprise",
            OrgKind::Government => "government",
            OrgKind::Fund => "fund",
            OrgKind::Academic => "academic",
            OrgKind::Association => "association",
            OrgKind::Media => "media",
            OrgKind::Other => "other",
        }
    }
    pub fn parse(s: &str) -> Option<OrgKind> {
        Some(match s {
            "enterprise" => OrgKind::Enterprise,
            "government" => OrgKind::Government,
            "fund" => OrgKind::Fund,
            "academic" => OrgKind::Academic,
            "association" => OrgKind::Association,
            "media" => OrgKind::Media,
            "other" => OrgKind::Other,
            _ => return None,
        })
    }
}

/// How an amount's bounds relate to its number (`qualifier` property).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// A plain amount: value = min = max.
    Exact,
    /// 超过/超/逾/多/余/以上: min = value (exclusive), max absent.
    MoreThan,
    /// 不低于/不少于/至少: min = value, max absent.
    AtLeast,
    /// 不超过/最高/以内: max = value, min absent.
    AtMost,
    /// 约/近/左右: value is a point estimate.
    Approx,
    /// 百亿级: min = 10^n, max = 10^(n+1).
    Level,
    /// 数千万/上亿: a vague range.
    Vague,
    /// 10亿至20亿元: min..max.
    Range,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::Approx => "approx",
            Qualifier::Level => "level",
            Qualifier::Vague => "vague",
            Qualifier::Range => "range",
        }
    }
}

/// A normalized money amount.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Money {
    /// Point value, or the lower bound for open/ranged amounts (at_most: the upper bound).
    pub value: f64,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// ISO 4217 code (`CNY`, `USD`, …).
    pub currency: String,
    pub qualifier: Qualifier,
}

/// How precise a date is (`date_precision` property).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Day,
    Month,
    Quarter,
    /// 上半年 / 下半年.
    Half,
    Year,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Quarter => "quarter",
            Precision::Half => "half",
            Precision::Year => "year",
        }
    }
}

/// A normalized time expression.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimeValue {
    /// A calendar date (first day of the period for coarser precisions), optionally a range.
    Date {
        date: NaiveDate,
        precision: Precision,
        /// Inclusive end of a range (`11月3日至5日` → the 5th).
        end: Option<NaiveDate>,
    },
    /// A duration or future period such as 未来三年 / 三年内: not a point in time.
    Period { text: String },
}

/// Family-specific attributes of a mention.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Attrs {
    #[default]
    None,
    Org {
        kind: OrgKind,
    },
    Role {
        /// The title as a role name, modifiers included (`副总经理`, `常务副市长`).
        title: String,
    },
    Location {
        /// Canonical place name (`在京` → `北京`).
        canonical: String,
    },
    Amount(Money),
    Time(TimeValue),
}

/// A possible mention found by a rule, before overlap resolution.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub label: Label,
    /// Byte range in `NormText::text`.
    pub range: Range<usize>,
    pub rule: RuleId,
    /// Higher wins an overlap; ties go to the longer, then the earlier candidate.
    pub priority: i32,
    pub attrs: Attrs,
    /// The canonical name this mention stands for, when it differs from its surface
    /// (an alias or abbreviation resolved in the document: `联通` → `中国联通`).
    pub canonical: Option<String>,
}

impl Candidate {
    pub fn new(label: Label, range: Range<usize>, rule: RuleId, priority: i32) -> Candidate {
        Candidate {
            label,
            range,
            rule,
            priority,
            attrs: Attrs::None,
            canonical: None,
        }
    }
    pub fn with_attrs(mut self, attrs: Attrs) -> Candidate {
        self.attrs = attrs;
        self
    }
}

/// A committed mention.
#[derive(Clone, Debug)]
pub struct Mention {
    pub label: Label,
    /// Byte range in `NormText::text`.
    pub range: Range<usize>,
    /// Index of the sentence containing `range.start`.
    pub sentence: usize,
    pub rule: RuleId,
    pub attrs: Attrs,
    /// The surface as written (original script, noise removed).
    pub text: String,
    /// The name used for linking: the canonical name if an alias was resolved, else `text`
    /// in the Simplified matching view.
    pub name: String,
    /// Character offsets into the original text (filled by [`finish`]).
    pub start: usize,
    pub end: usize,
}

/// The kinds of event (second Neo4j label).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EventKind {
    Forum,
    Signing,
    Launch,
    Speech,
    Investment,
    Financing,
    Acquisition,
    Appointment,
    Establishment,
}

impl EventKind {
    /// Every kind, in declaration order (the second Neo4j label of an `Event` node).
    pub const ALL: [EventKind; 9] = {
        const fn guard(k: EventKind) -> usize {
            // Adding a variant to EventKind breaks this match: add it to ALL too.
            match k {
                EventKind::Forum
                | EventKind::Signing
                | EventKind::Launch
                | EventKind::Speech
                | EventKind::Investment
                | EventKind::Financing
                | EventKind::Acquisition
                | EventKind::Appointment
                | EventKind::Establishment => 0,
            }
        }
        let _ = guard(EventKind::Forum);
        [
            EventKind::Forum,
            EventKind::Signing,
            EventKind::Launch,
            EventKind::Speech,
            EventKind::Investment,
            EventKind::Financing,
            EventKind::Acquisition,
            EventKind::Appointment,
            EventKind::Establishment,
        ]
    };

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Forum => "Forum",
            EventKind::Signing => "Signing",
            EventKind::Launch => "Launch",
            EventKind::Speech => "Speech",
            EventKind::Investment => "Investment",
            EventKind::Financing => "Financing",
            EventKind::Acquisition => "Acquisition",
            EventKind::Appointment => "Appointment",
            EventKind::Establishment => "Establishment",
        }
    }
}

/// Words by which an announcement refers to its own company (`聘任X为公司总经理`): a title
/// right after one belongs to the company in context. Read by the person family (为 before
/// them is a verb) and by appointment events (which organization a title belongs to).
pub(crate) const COMPANY_SELF_WORDS: [&str; 6] =
    ["本公司", "该公司", "公司", "本集团", "集团", "本行"];

/// Where a relationship was found: the sentence, the supporting text and the rule.
#[derive(Clone, Debug)]
pub struct Evidence {
    pub sentence: usize,
    /// Byte range in `NormText::text` of the supporting text (trigger through arguments).
    pub range: Range<usize>,
    pub rule: RuleId,
    /// Character offsets into the original text (filled by [`finish`]).
    pub start: usize,
    pub end: usize,
}

impl Evidence {
    pub fn new(sentence: usize, range: Range<usize>, rule: RuleId) -> Evidence {
        Evidence {
            sentence,
            range,
            rule,
            start: 0,
            end: 0,
        }
    }
}

/// An event found in the document.
#[derive(Clone, Debug)]
pub struct Event {
    pub kind: EventKind,
    /// A readable name from the text (`数据安全基金合作签约`, `战略合作框架协议`).
    pub name: String,
    /// When, if known (a `TimeValue::Date`).
    pub date: Option<TimeValue>,
    /// Index of the `Location` mention where it happened, if known.
    pub location: Option<usize>,
    /// The trigger and the sentence it is in.
    pub evidence: Evidence,
}

/// One end of a relation: a mention or an event of the same document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeRef {
    Mention(usize),
    Event(usize),
}

/// Relationship types (the contract in `schema/graph.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RelType {
    HoldsPosition,
    HasRole,
    Organized,
    Attended,
    SpokeAt,
    Signed,
    Invested,
    Raised,
    Acquired,
    Sold,
    TargetOf,
    Appointed,
    Launched,
    Established,
    Manages,
    Advised,
    HasAmount,
    LocatedIn,
    PartOf,
    MentionedIn,
}

impl RelType {
    pub fn as_str(self) -> &'static str {
        match self {
            RelType::HoldsPosition => "HOLDS_POSITION",
            RelType::HasRole => "HAS_ROLE",
            RelType::Organized => "ORGANIZED",
            RelType::Attended => "ATTENDED",
            RelType::SpokeAt => "SPOKE_AT",
            RelType::Signed => "SIGNED",
            RelType::Invested => "INVESTED",
            RelType::Raised => "RAISED",
            RelType::Acquired => "ACQUIRED",
            RelType::Sold => "SOLD",
            RelType::TargetOf => "TARGET_OF",
            RelType::Appointed => "APPOINTED",
            RelType::Launched => "LAUNCHED",
            RelType::Established => "ESTABLISHED",
            RelType::Manages => "MANAGES",
            RelType::Advised => "ADVISED",
            RelType::HasAmount => "HAS_AMOUNT",
            RelType::LocatedIn => "LOCATED_IN",
            RelType::PartOf => "PART_OF",
            RelType::MentionedIn => "MENTIONED_IN",
        }
    }
    pub const ALL: [RelType; 20] = [
        RelType::HoldsPosition,
        RelType::HasRole,
        RelType::Organized,
        RelType::Attended,
        RelType::SpokeAt,
        RelType::Signed,
        RelType::Invested,
        RelType::Raised,
        RelType::Acquired,
        RelType::Sold,
        RelType::TargetOf,
        RelType::Appointed,
        RelType::Launched,
        RelType::Established,
        RelType::Manages,
        RelType::Advised,
        RelType::HasAmount,
        RelType::LocatedIn,
        RelType::PartOf,
        RelType::MentionedIn,
    ];
}

/// Status of a position (`status` on HOLDS_POSITION).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PositionStatus {
    Current,
    Former,
    New,
    Acting,
}

impl PositionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PositionStatus::Current => "current",
            PositionStatus::Former => "former",
            PositionStatus::New => "new",
            PositionStatus::Acting => "acting",
        }
    }
}

/// Typed relationship properties; which ones apply depends on the type (see `schema/graph.md`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct RelProps {
    /// HOLDS_POSITION / HAS_ROLE: the title; SPOKE_AT: the speech title (《…》); ADVISED: the
    /// adviser's role (财务顾问, 法律顾问, 审计机构 …).
    pub title: Option<String>,
    pub status: Option<PositionStatus>,
    /// SIGNED: the organization a person signed for.
    pub on_behalf_of: Option<String>,
    /// INVESTED: 领投.
    pub lead: Option<bool>,
    /// HAS_AMOUNT: what the amount is (总规模, 投资额, …).
    pub about: Option<String>,
}

/// A relationship between two things of one document, with evidence.
#[derive(Clone, Debug)]
pub struct Relation {
    pub rel: RelType,
    pub from: NodeRef,
    pub to: NodeRef,
    pub props: RelProps,
    pub evidence: Evidence,
}

/// The document being annotated: the original, its clean text, sentences, and everything
/// committed so far. Extractors read it; only [`commit`] and the event family add to it.
pub struct AnnotatedDoc<'a> {
    pub doc: &'a Document,
    pub norm: &'a NormText,
    pub sentences: &'a [Sentence],
    pub mentions: Vec<Mention>,
    pub events: Vec<Event>,
    pub relations: Vec<Relation>,
}

impl<'a> AnnotatedDoc<'a> {
    pub fn new(doc: &'a Document, norm: &'a NormText, sentences: &'a [Sentence]) -> Self {
        AnnotatedDoc {
            doc,
            norm,
            sentences,
            mentions: Vec::new(),
            events: Vec::new(),
            relations: Vec::new(),
        }
    }

    /// The clean (Simplified matching view) text.
    pub fn text(&self) -> &str {
        &self.norm.text
    }

    /// Index of the sentence containing byte `pos` of the clean text.
    pub fn sentence_of(&self, pos: usize) -> usize {
        match self.sentences.binary_search_by(|s| s.range.start.cmp(&pos)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Committed mentions of one label.
    pub fn mentions_of(&self, label: Label) -> impl Iterator<Item = (usize, &Mention)> {
        self.mentions
            .iter()
            .enumerate()
            .filter(move |(_, m)| m.label == label)
    }

    /// Publication date from the header, if any.
    pub fn published(&self) -> Option<NaiveDate> {
        self.doc.header.published
    }
}

/// A rule family: finds candidates, mutates nothing.
pub trait Extractor {
    fn family(&self) -> &'static str;
    fn find(&self, doc: &AnnotatedDoc, rules: &Rules, out: &mut Vec<Candidate>);
}

/// Descriptors of a company that may stand glued before its name when it announces
/// (`上市公司X公告`, `控股子公司X公告`): what X is, not a word that swallows the name. One
/// lexicon list with the subsidiary descriptors of the position rules (`role=subsidiary`;
/// `role=listed`: `上市公司`, `上市银行`); a word that ends with another comes first.
pub(crate) static COMPANY_DESCRIPTORS: crate::rules::WordList =
    crate::rules::WordList::new("words_position", "company_descriptor");

/// Does the text right after an organization say that it announces (`X公告`, `X 7 月 5 日晚间
/// 发布公告`, `X披露公告称`, `X发公告称`, `X宣布`, `X公布`: session 14)? Dates and spaces before the word are skipped. `公告`
/// as a noun does not announce (`截至公告日`, `公告披露日`); a filing's header line
/// `证券简称：X　公告编号：…` does name its filer.
pub(crate) fn announces(rest: &str) -> bool {
    // (`X（股份代号：08631）董事会宣布`: a Hong Kong filing names the stock code and the board
    // before the announcing verb; session 26)
    let rest = ["（股份代号：", "(股份代号:", "（股份代号:", "(股份代号："]
        .iter()
        .find_map(|open| {
            let after = rest.strip_prefix(open)?;
            let close = after.find(['）', ')'])?;
            after[..close]
                .chars()
                .all(|c| c.is_ascii_digit() || c == ' ')
                .then(|| &after[close + after[close..].chars().next().map_or(0, char::len_utf8)..])
        })
        .unwrap_or(rest);
    let rest = rest
        .trim_start_matches(' ')
        .strip_prefix("董事会")
        .unwrap_or(rest);
    let rest = rest.trim_start_matches(|c: char| {
        c.is_ascii_digit() || matches!(c, '年' | '月' | '日' | '晚' | '间' | ' ')
    });
    ["公告", "发布公告", "披露公告", "发公告", "宣布", "公布"]
        .iter()
        .any(|w| {
            rest.strip_prefix(w).is_some_and(|after| {
                !["日", "披露日", "之日", "期", "书"]
                    .iter()
                    .any(|n| after.starts_with(n))
            })
        })
}

/// The companies a document says announce, in order: the enterprise of an announcement's title
/// line (`# X：董事变更公告`), then every enterprise that announces (`X公告，…`). A page of
/// several news items has one announcer per item; a post is the nearest one's before it.
pub(crate) fn announcers(mentions: &[Mention], text: &str) -> Vec<usize> {
    let enterprise = |m: &Mention| {
        m.label == Label::Organization
            && matches!(
                m.attrs,
                Attrs::Org {
                    kind: OrgKind::Enterprise
                }
            )
    };
    // The announcer opens its clause (`X公告，`, `，X 7 月 5 日晚间公告`, `据X公告`): a name
    // glued to a word before it (`股东|大会决议公告`) is no announcer.
    // A descriptor of the company glued before it (`上市公司X公告`, `旗下X公告`:
    // [`COMPANY_DESCRIPTORS`]) still opens the clause: it says what X is.
    let opens_clause = |m: &Mention| {
        let before = text.get(..m.range.start).unwrap_or("");
        let before = COMPANY_DESCRIPTORS
            .iter()
            .find_map(|w| before.strip_suffix(w))
            .unwrap_or(before);
        let before = before.strip_suffix('据').unwrap_or(before);
        before
            .chars()
            .next_back()
            .is_none_or(|c| !crate::normalize::filters::is_han(c))
    };
    let mut out: Vec<usize> = Vec::new();
    if let Some(title) = text
        .lines()
        .next()
        .filter(|l| l.starts_with('#') && l.contains("公告"))
    {
        out.extend(
            mentions
                .iter()
                .take_while(|m| m.range.start < title.len())
                .position(|m| enterprise(m) && m.range.end <= title.len()),
        );
    }
    // Session 15 (names): an item that opens its paragraph with `X表示` (`X表示，公司董事会同意
    // 聘任…`) is announced by X too; inside a paragraph `X表示` only reports what X said.
    let opens_paragraph = |m: &Mention| {
        text.get(..m.range.start)
            .unwrap_or("")
            .trim_end_matches([' ', '\u{3000}'])
            .chars()
            .next_back()
            .is_none_or(|c| c == '\n')
    };
    out.extend(mentions.iter().enumerate().filter_map(|(i, m)| {
        let rest = text.get(m.range.end..).unwrap_or("");
        (enterprise(m)
            && opens_clause(m)
            && (announces(rest) || (opens_paragraph(m) && rest.starts_with("表示"))))
        .then_some(i)
    }));
    out
}

/// The organization the article is about: of the organization mentions `keep` accepts, the
/// first mention of the name named most often (the first of equals). Event slots read a bare
/// `公司` as it; the position family binds `公司董事长X` to it.
pub(crate) fn most_named_org(
    mentions: &[Mention],
    keep: impl Fn(&Mention) -> bool,
) -> Option<usize> {
    // name → (mentions, first mention index)
    let mut counts: crate::rules::FastMap<&str, (usize, usize)> = Default::default();
    for (i, m) in mentions.iter().enumerate() {
        if m.label == Label::Organization && keep(m) {
            counts.entry(m.name.as_str()).or_insert((0, i)).0 += 1;
        }
    }
    counts
        .values()
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|&(_, first)| first)
}

/// The one overlap policy: within a layer (entities / values), candidates are taken by
/// priority (higher first), then length (longer first), then start (earlier first), and a
/// candidate overlapping one already taken — or an existing mention of the same layer — is
/// dropped. Winners become mentions, sorted by position.
pub fn commit(doc: &mut AnnotatedDoc, mut cands: Vec<Candidate>) {
    cands.retain(|c| c.range.start < c.range.end && c.range.end <= doc.norm.text.len());
    // The policy's order, found by sorting small keys instead of moving the candidates
    // themselves (issue 8). The index last makes the unstable sort give the order a stable
    // sort of the candidates gives.
    let mut order: Vec<_> = cands
        .iter()
        .enumerate()
        .map(|(i, c)| {
            (
                std::cmp::Reverse(c.priority),
                std::cmp::Reverse(c.range.end - c.range.start),
                c.range.start,
                c.label,
                i,
            )
        })
        .collect();
    order.sort_unstable();
    let mut cands: Vec<Option<Candidate>> = cands.into_iter().map(Some).collect();
    // Taken ranges per layer as disjoint intervals. The only taken interval that can overlap a
    // candidate is the one starting last before the candidate's end, so each check is one
    // binary search and one ordered-map lookup: commit stays O(n log n) on huge documents (a
    // linear scan here made a 50 MB single-line document take hours; issue 9).
    let mut taken = existing_taken(&doc.mentions);
    for c in order.into_iter().filter_map(|(.., i)| cands[i].take()) {
        let t = taken_of(&mut taken, c.label.layer());
        if t.overlaps(&c.range) {
            continue;
        }
        t.new.insert(c.range.start, c.range.end);
        let text = doc.norm.display_of(c.range.clone()).to_string();
        let name = c
            .canonical
            .clone()
            .unwrap_or_else(|| doc.norm.text[c.range.clone()].to_string());
        doc.mentions.push(Mention {
            label: c.label,
            sentence: doc.sentence_of(c.range.start),
            range: c.range,
            rule: c.rule,
            attrs: c.attrs,
            text,
            name,
            start: 0,
            end: 0,
        });
    }
    // Keep mentions in text order; relations made later refer to these indices.
    doc.mentions.sort_by(|a, b| {
        (a.range.start, a.range.end, a.label).cmp(&(b.range.start, b.range.end, b.label))
    });
}

/// [`commit`]'s taken ranges of one layer. Every mention holds a nonempty range (commit keeps
/// only those, and nothing else adds a mention before the last commit), so the intervals are
/// nonempty and disjoint, and a candidate overlaps one iff it overlaps their union.
#[derive(Default)]
struct Taken {
    /// The mentions committed before, coalesced where they overlap: sorted by start. (Made
    /// with pushes, not map inserts: all mentions of a document were sorted by layer and put
    /// into an ordered map again at each of its six commits; commit was 159 M instructions of
    /// the 3 MB corpus, now 88 M; issue 8.)
    old: Vec<(usize, usize)>,
    /// The ranges this commit takes: start → end.
    new: BTreeMap<usize, usize>,
}

impl Taken {
    /// Add an existing mention's range (in order of start, then end).
    fn push_existing(&mut self, r: Range<usize>) {
        match self.old.last_mut() {
            Some((_, end)) if *end > r.start => *end = (*end).max(r.end),
            _ => self.old.push((r.start, r.end)),
        }
    }

    fn overlaps(&self, r: &Range<usize>) -> bool {
        let i = self.old.partition_point(|&(s, _)| s < r.end);
        (i > 0 && self.old[i - 1].1 > r.start)
            || self
                .new
                .range(..r.end)
                .next_back()
                .is_some_and(|(_, &end)| end > r.start)
    }
}

/// The taken ranges of `layer`, made on first use.
fn taken_of(taken: &mut Vec<Taken>, layer: u8) -> &mut Taken {
    let l = layer as usize;
    if taken.len() <= l {
        taken.resize_with(l + 1, Taken::default);
    }
    &mut taken[l]
}

/// The taken ranges of the mentions committed before, by layer. Commit leaves the mentions
/// sorted by start and end, so each layer's come in order in one walk; only mentions out of
/// that order are sorted first.
fn existing_taken(mentions: &[Mention]) -> Vec<Taken> {
    let mut taken = Vec::new();
    let in_order = mentions
        .windows(2)
        .all(|w| (w[0].range.start, w[0].range.end) <= (w[1].range.start, w[1].range.end));
    if in_order {
        for m in mentions {
            taken_of(&mut taken, m.label.layer()).push_existing(m.range.clone());
        }
    } else {
        let mut existing: Vec<(u8, Range<usize>)> = mentions
            .iter()
            .map(|m| (m.label.layer(), m.range.clone()))
            .collect();
        existing.sort_by_key(|(l, r)| (*l, r.start, r.end));
        for (layer, r) in existing {
            taken_of(&mut taken, layer).push_existing(r);
        }
    }
    taken
}

/// Run every family in the documented order.
pub fn run(doc: &mut AnnotatedDoc, rules: &Rules) {
    // Whole-text lexicon passes are made once per lexicon for this document (issue 8).
    let norm = doc.norm;
    let _scope = crate::rules::DocScope::enter(&norm.text);
    // Entities: organizations and places first (they are the context people are confirmed by),
    // then titles, then people.
    let entity_families: [&dyn Extractor; 4] = [
        &org::OrgExtractor,
        &location::LocationExtractor,
        &role::RoleExtractor,
        &person::PersonExtractor,
    ];
    for fam in entity_families {
        let mut cands = Vec::new();
        fam.find(doc, rules, &mut cands);
        if fam.family() == "person" {
            // a place taken as a given name after a title (`常委李长春`) gives way
            person::release_places(doc, &cands);
        }
        commit(doc, cands);
    }
    let value_families: [&dyn Extractor; 2] = [&money::MoneyExtractor, &date::DateExtractor];
    for fam in value_families {
        let mut cands = Vec::new();
        fam.find(doc, rules, &mut cands);
        commit(doc, cands);
    }
    // Positions bind people to titles and organizations (HAS_ROLE, HOLDS_POSITION); events
    // then read the committed mentions and these relations.
    position::extract_positions(doc, rules);
    event::extract_events(doc, rules);
    // A bare head title in an article about one city is the city's (appends organizations).
    position::city_heads(doc, rules);
    // The larger places inside a chain (深圳 in 深圳市南山区), nested, last: see there.
    location::link_parts(doc, rules);
}

/// Per-document statistics for the summary line.
#[derive(Clone, Debug, Default, Serialize)]
pub struct DocStats {
    pub bytes: usize,
    pub chars: usize,
    pub sentences: usize,
    pub removed_chars: usize,
}

/// Document metadata carried into the graph.
#[derive(Clone, Debug, Default)]
pub struct DocMeta {
    pub id: String,
    pub source: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
}

/// The owned, text-free result of stages 1–4 for one document (sent between threads).
#[derive(Clone, Debug)]
pub struct DocExtraction {
    pub meta: DocMeta,
    /// Clean sentence texts (no line breaks) by sentence index, for evidence; sentences that no
    /// event or relation cites are empty strings. Facts in a sentence longer than
    /// `event::LONG_SENTENCE` cite windows of it instead, appended after the sentences (see
    /// [`finish`]).
    pub sentences: Vec<String>,
    pub mentions: Vec<Mention>,
    pub events: Vec<Event>,
    pub relations: Vec<Relation>,
    pub stats: DocStats,
}

/// Evidence windows of long sentences (see [`finish`]): each cited range of a sentence longer
/// than [`event::LONG_SENTENCE`] gets the text around it — back and forward to a clause break,
/// at most [`EvidenceWindows::REACH`] bytes — as an extra evidence sentence with index
/// `sentences.len() + k`.
struct EvidenceWindows<'d> {
    norm: &'d NormText,
    sentences: &'d [Sentence],
    /// Is any sentence long?
    any_long: bool,
    index: crate::rules::FastMap<Range<usize>, usize>,
    list: Vec<Range<usize>>,
}

impl<'d> EvidenceWindows<'d> {
    const REACH: usize = 240;

    fn new(norm: &'d NormText, sentences: &'d [Sentence]) -> Self {
        EvidenceWindows {
            norm,
            sentences,
            any_long: sentences
                .iter()
                .any(|s| s.range.len() > event::LONG_SENTENCE),
            index: Default::default(),
            list: Vec::new(),
        }
    }

    /// The evidence sentence index for `r` cited in sentence `s`: `s` itself unless `s` is long.
    fn cite(&mut self, s: usize, r: &Range<usize>) -> usize {
        let Some(sent) = self.sentences.get(s).filter(|_| self.any_long) else {
            return s;
        };
        if sent.range.len() <= event::LONG_SENTENCE {
            return s;
        }
        let text = &self.norm.text;
        let brk = ['，', ',', '；', ';', '：', ':', '。'];
        let mut lo = sent.range.start.max(r.start.saturating_sub(Self::REACH));
        while !text.is_char_boundary(lo) {
            lo += 1;
        }
        let mut hi = sent.range.end.min(r.end.saturating_add(Self::REACH));
        while !text.is_char_boundary(hi) {
            hi -= 1;
        }
        let a = r.start.clamp(lo, text.len());
        let b = r.end.clamp(a, text.len()).max(a);
        let start = text
            .get(lo..a.max(lo))
            .and_then(|t| {
                t.rfind(brk)
                    .map(|i| lo + i + t[i..].chars().next().map_or(1, char::len_utf8))
            })
            .unwrap_or(lo)
            .min(r.start);
        let end = text
            .get(b.min(hi)..hi)
            .and_then(|t| t.find(brk).map(|i| b.min(hi) + i))
            .unwrap_or(hi)
            .max(r.end.min(text.len()));
        let w = start..end;
        let n = self.sentences.len();
        let list = &mut self.list;
        *self.index.entry(w.clone()).or_insert_with(|| {
            list.push(w);
            n + list.len() - 1
        })
    }

    /// The window texts, in index order (one line, as sentences are).
    fn texts(self) -> Vec<String> {
        self.list
            .iter()
            .map(|w| one_line(self.norm.display_of(w.clone())))
            .collect()
    }
}

/// `text` on one line: each `\n` and `\r` becomes a space (a copy of the text when it has
/// none, which most sentences do not).
fn one_line(text: &str) -> String {
    if memchr::memchr2(b'\n', b'\r', text.as_bytes()).is_none() {
        return text.to_string();
    }
    text.split(['\n', '\r']).collect::<Vec<_>>().join(" ")
}

/// Convert offsets to characters of the original and drop the borrowed text.
pub fn finish(doc: AnnotatedDoc) -> DocExtraction {
    let ix = CharIndex::new(&doc.doc.text);
    let to_chars = |r: &Range<usize>| -> (usize, usize) {
        let span: Span = doc.norm.to_original(r.clone());
        ix.chars(span)
    };
    let mut mentions = doc.mentions;
    for m in &mut mentions {
        (m.start, m.end) = to_chars(&m.range);
    }
    let mut events = doc.events;
    for e in &mut events {
        (e.evidence.start, e.evidence.end) = to_chars(&e.evidence.range);
    }
    let mut relations = doc.relations;
    for r in &mut relations {
        (r.evidence.start, r.evidence.end) = to_chars(&r.evidence.range);
    }
    // A "sentence" longer than `event::LONG_SENTENCE` (a page run together without a full
    // stop) is not repeated whole as the evidence of every fact in it — the export would grow
    // with facts × length, quadratically: each fact cites a window of it around its own text,
    // appended to `sentences` (issue 8). Real sentences are shorter and cited whole.
    let mut windows = EvidenceWindows::new(doc.norm, doc.sentences);
    for e in &mut events {
        e.evidence.sentence = windows.cite(e.evidence.sentence, &e.evidence.range);
    }
    for r in &mut relations {
        r.evidence.sentence = windows.cite(r.evidence.sentence, &r.evidence.range);
    }
    if windows.any_long {
        // (Sized for every mention at once: growing from empty rehashed it ≈ 8 times.)
        let mut seen =
            crate::rules::FastSet::with_capacity_and_hasher(mentions.len(), Default::default());
        let firsts: Vec<usize> = (0..mentions.len())
            .filter(|&i| seen.insert((mentions[i].label, mentions[i].name.as_str())))
            .collect();
        for i in firsts {
            let m = &mut mentions[i];
            m.sentence = windows.cite(m.sentence, &m.range);
        }
    }
    let windows = windows.texts();
    // Keep the text of evidence sentences only: memory must grow with the graph, not the corpus.
    let mut cited = vec![false; doc.sentences.len()];
    for i in events
        .iter()
        .map(|e| e.evidence.sentence)
        .chain(relations.iter().map(|r| r.evidence.sentence))
    {
        if let Some(c) = cited.get_mut(i) {
            *c = true;
        }
    }
    // MENTIONED_IN evidence (graph/build.rs): the sentence of the first mention of each name.
    let mut first_of_name =
        crate::rules::FastSet::with_capacity_and_hasher(mentions.len(), Default::default());
    for m in &mentions {
        if first_of_name.insert((m.label, m.name.as_str()))
            && let Some(c) = cited.get_mut(m.sentence)
        {
            *c = true;
        }
    }
    let sentences = doc
        .sentences
        .iter()
        .zip(&cited)
        .map(|(s, &keep)| {
            if !keep {
                return String::new();
            }
            one_line(doc.norm.display_of(s.range.clone()))
        })
        .chain(windows)
        .collect();
    DocExtraction {
        meta: DocMeta {
            id: doc.doc.id.clone(),
            source: doc.doc.source.clone(),
            title: doc.doc.header.title.clone(),
            published: doc.doc.header.published,
        },
        sentences,
        mentions,
        events,
        relations,
        stats: DocStats {
            bytes: doc.doc.text.len(),
            chars: ix.char_of(doc.doc.text.len()),
            sentences: doc.sentences.len(),
            removed_chars: doc.norm.removed_chars,
        },
    }
}

/// Stages 2–4 for one document: normalize, segment, extract, finish.
pub fn process(doc: &Document, rules: &Rules) -> DocExtraction {
    let norm = crate::normalize::normalize(doc);
    let sentences = crate::segment::segment(&norm);
    let mut ad = AnnotatedDoc::new(doc, &norm, &sentences);
    run(&mut ad, rules);
    finish(ad)
}

/// Did normalization remove a column gap right before clean byte `pos`: a full-width space, a
/// tab or two spaces in the original between the characters on either side? (A single space
/// is PDF noise inside names as often as a separator, so it ends nothing.)
pub(crate) fn column_gap(doc: &AnnotatedDoc, pos: usize) -> bool {
    let norm = doc.norm;
    let Some(prev) = norm.text[..pos].chars().next_back() else {
        return false;
    };
    let Some((a, b)) = norm.orig_ranges_around(pos) else {
        return false;
    };
    let orig = &doc.doc.text;
    let Some(gap) = orig.get(a.end..b.start).filter(|_| a.end < b.start) else {
        return false;
    };
    if gap.contains(['\u{3000}', '\t']) || gap.contains("  ") {
        return true;
    }
    // A headline separates its phrases by a single space (`# A获12亿元战略投资 B集团入股`):
    // between two Han characters of a `#` title line it is a gap too.
    gap == " "
        && crate::normalize::filters::is_han(prev)
        && norm.text[pos..]
            .chars()
            .next()
            .is_some_and(crate::normalize::filters::is_han)
        && orig[..a.end]
            .rsplit('\n')
            .next()
            .is_some_and(|line| line.trim_start().starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn announcing_and_the_noun_announcement() {
        for rest in [
            "公告，拟收购",
            "7月5日晚间公告称",
            " 发布公告称",
            "公告披露，公司收到",
            "披露公告称",
            " 公告编号：2025-001",
            "（股份代号：01234）董事会宣布，",
            "(股份代号:01234)宣布",
        ] {
            assert!(announces(rest), "{rest}");
        }
        for rest in [
            "公告日，控股股东",
            "公告披露日",
            "审议通过",
            "（股份代号：01234）表示",
            "（前称：甲公司）宣布",
            "董事会审议通过",
        ] {
            assert!(!announces(rest), "{rest}");
        }
    }

    #[test]
    fn company_descriptors_try_the_longer_word_first() {
        // stripped as suffixes in file order: `控股子公司` must not be cut to `控股|子公司`
        let words = COMPANY_DESCRIPTORS.words();
        assert!(words.contains(&"上市公司") && words.contains(&"全资附属公司"));
        for (i, w) in words.iter().enumerate() {
            for later in &words[i + 1..] {
                assert!(!later.ends_with(w), "{later} must come before {w}");
            }
        }
    }

    fn cand(label: Label, r: Range<usize>, p: i32) -> Candidate {
        Candidate::new(label, r, RuleId("test.x"), p)
    }

    /// `f` on a fresh annotated document of `text`.
    fn with_doc(text: &str, f: impl Fn(&mut AnnotatedDoc)) {
        let doc = crate::read::from_bytes("t", "t", text.as_bytes()).unwrap();
        let norm = crate::normalize::normalize(&doc);
        let sents = crate::segment::segment(&norm);
        f(&mut AnnotatedDoc::new(&doc, &norm, &sents));
    }

    #[test]
    fn commit_prefers_priority_then_length() {
        with_doc("中国联通董事长", |ad| {
            commit(
                ad,
                vec![
                    cand(Label::Organization, 0..12, 1),
                    cand(Label::Location, 0..6, 1),
                    cand(Label::Role, 12..21, 1),
                    cand(Label::Amount, 0..6, 1),
                ],
            );
            let got: Vec<_> = ad
                .mentions
                .iter()
                .map(|m| (m.label, m.text.as_str()))
                .collect();
            assert_eq!(
                got,
                vec![
                    (Label::Amount, "中国"),
                    (Label::Organization, "中国联通"),
                    (Label::Role, "董事长")
                ]
            );
        });
    }

    /// A later commit keeps out of the mentions committed before (coalesced per layer, sorted
    /// or not) and of its own winners; touching ranges do not overlap.
    #[test]
    fn commit_respects_earlier_mentions_of_its_layer() {
        let c = |i: usize| 3 * i;
        for shuffled in [false, true] {
            with_doc("甲乙丙丁戊己庚辛壬癸子丑寅卯", |ad| {
                commit(
                    ad,
                    vec![
                        cand(Label::Organization, c(0)..c(2), 1),
                        cand(Label::Location, c(4)..c(6), 1),
                        cand(Label::Amount, c(8)..c(10), 1),
                    ],
                );
                if shuffled {
                    ad.mentions.reverse();
                }
                commit(
                    ad,
                    vec![
                        // overlaps 乙 (an organization): dropped
                        cand(Label::Person, c(1)..c(3), 3),
                        // touches 甲乙 and 戊己: taken
                        cand(Label::Person, c(2)..c(4), 2),
                        // overlaps the person just taken: dropped
                        cand(Label::Role, c(3)..c(5), 1),
                        // the other layer: taken beside the amount, not over it
                        cand(Label::Date, c(7)..c(8), 1),
                        cand(Label::Date, c(9)..c(11), 1),
                        cand(Label::Date, c(10)..c(12), 1),
                    ],
                );
                let got: Vec<_> = ad
                    .mentions
                    .iter()
                    .map(|m| (m.label, m.text.as_str()))
                    .collect();
                assert_eq!(
                    got,
                    vec![
                        (Label::Organization, "甲乙"),
                        (Label::Person, "丙丁"),
                        (Label::Location, "戊己"),
                        (Label::Date, "辛"),
                        (Label::Amount, "壬癸"),
                        (Label::Date, "子丑"),
                    ],
                    "shuffled: {shuffled}"
                );
            });
        }
    }
}
