//! Positions: binds people to their titles and organizations once the entities are committed.
//!
//! Produces `HAS_ROLE` (Person → Role, `title`) and `HOLDS_POSITION` (Person → Organization,
//! `title`, `status`) relations, each with [`Evidence`]. It runs after the entity families and
//! before events, so event rules can rely on who holds which position.
//!
//! Rule ids (documented in `schema/rules/position.toml`):
//! - `position.title_before` — `[组织][的]职务[、兼职务]人名` (`中国联通董事长陈某某`,
//!   `党委书记、董事长王某`, `知名经济学家华某` without organization), also as a list line
//!   `[组织]职务：人名[、人名]` (`副行长：白某、沈某`).
//! - `position.title_after` — `[组织]人名职务` (`陈某某董事长`).
//! - `position.appositive` — `人名，组织职务，` (`张某，某公司总裁，`).
//! - `position.title_is` — `[组织][现任|的]职务[兼职务]为|是人名` closing its clause
//!   (`某公司现任董事长兼总经理为甲。`).
//! - `position.list_carry` — `组织职务甲，职务乙`: executive titles after the comma take the
//!   previous person's organization.
//! - `position.appointed` — `人名[先生|女士] + 担任/出任/被任命为/曾任/不再担任 … + [组织]职务`,
//!   and the clauses that continue it (`…，仍担任公司董事`, `，并兼任X总裁`).
//! - `position.table` — a Markdown table with a name column and a title column (`| 姓名 | 单位 |
//!   职务 |`): each row binds its person to the titles of its title cell and the organization
//!   of its unit cell.
//! - `position.filer` — in a filing that defines a placeholder for itself (`（以下简称“公司”）`),
//!   a company officer's title with no organization in its sentence is the filer's
//!   (`经董事长杜某提名`).
//! - `position.company` — `公司/本公司 + 职务 + 人名` in a document without such a placeholder
//!   (`公司创始人兼首席执行官沈某`): the titles are held at the enterprise the article names
//!   most often.
//! - `position.resume` — a résumé paragraph `人名，男|女，…`: its clauses `曾任/历任/现任/任 +
//!   [组织]职务` are the subject's (`曾任X公司技术总监、副总裁，…，现任公司营销中心总经理`).
//!
//! - `position.columns` — a list line in columns separated by gaps (`1. 刘某  某公司  董事长`).
//! - `position.bracket` — `人名（[组织][部门]职务[、…]）`, the post in brackets after the name of
//!   an attendee list (`王某（某公司董事长）、李某（某大学某学院院长）`), full-width or ASCII.
//! - `position.signature` — the signature block closing an announcement: a title line, then
//!   a name line, after an optional organization line (`X控股有限公司\n董事會主席\n岑某某`).
//! - `position.org_head` — `X部长人名` where the organization mention took the head of the title
//!   (`外交部|长王某`, `经济部|长郭某`): HOLDS_POSITION 部长 at X部 (no Role mention exists for
//!   the 长 left over, so no HAS_ROLE).
//!
//! Status: a status word right before the title or the organization (`原`, `前` → former,
//! `代理` → acting, `新任`, `候任` → new; `schema/lexicons/title_modifiers.txt`), or the
//! appointment verb (`被任命为`, `出任` → new; `曾任`, `历任` → former); otherwise current.
//!
//! Only adjacency is used (with `的`, `、`, `兼` and spaces as glue): a title three words
//! away from a name is more often someone else's than not.

use crate::rules::WordList;
use std::ops::Range;

use crate::extract::{
    AnnotatedDoc, Attrs, Evidence, Label, Mention, NodeRef, PositionStatus, RelProps, RelType,
    Relation, org,
};
use crate::rules::{RuleId, Rules};

pub const TITLE_BEFORE: RuleId = RuleId("position.title_before");
pub const TITLE_AFTER: RuleId = RuleId("position.title_after");
pub const APPOSITIVE: RuleId = RuleId("position.appositive");
pub const APPOINTED: RuleId = RuleId("position.appointed");
pub const RESUME: RuleId = RuleId("position.resume");
pub const FILER: RuleId = RuleId("position.filer");
pub const TABLE: RuleId = RuleId("position.table");
pub const COMPANY: RuleId = RuleId("position.company");
pub const BRACKET: RuleId = RuleId("position.bracket");
pub const COLUMNS: RuleId = RuleId("position.columns");
pub const ASSIGNED: RuleId = RuleId("position.assigned");
pub const ORG_HEAD: RuleId = RuleId("position.org_head");
pub const CARD: RuleId = RuleId("position.card");
pub const SIGNATURE: RuleId = RuleId("position.signature");
pub const TITLE_IS: RuleId = RuleId("position.title_is");
pub const LIST_CARRY: RuleId = RuleId("position.list_carry");
pub const ANAPHOR: RuleId = RuleId("position.anaphor");
pub const CITY_HEAD: RuleId = RuleId("position.city_head");

/// Glue allowed between an organization and its title.
const ORG_GLUE: [&str; 3] = ["的", " ", "　"];
/// Glue allowed between two titles of one person.
const TITLE_GLUE: [&str; 6] = ["、", "兼", "和", "及", "与", "暨"];
/// Glue between a title and its holder: a space, or the colon of a `职务：姓名` list line.
const HOLDER_GLUE: [&str; 4] = [" ", "　", "：", ":"];
/// Appointment verbs after a name, longest first, with the status they imply.
const APPOINT_VERBS: [(&str, PositionStatus); 24] = [
    ("不再担任", PositionStatus::Former),
    ("不再兼任", PositionStatus::Former),
    ("被任命为", PositionStatus::New),
    ("被任命", PositionStatus::New),
    ("当选为", PositionStatus::New),
    ("获任", PositionStatus::New),
    ("出任", PositionStatus::New),
    ("升任", PositionStatus::New),
    ("接任", PositionStatus::New),
    ("当选", PositionStatus::New),
    ("曾任", PositionStatus::Former),
    ("历任", PositionStatus::Former),
    ("原任", PositionStatus::Former),
    ("担任", PositionStatus::Current),
    ("兼任", PositionStatus::Current),
    ("现任", PositionStatus::Current),
    // `X现为某集团有限公司行政总裁`
    ("现为", PositionStatus::Current),
    // `由董事会秘书甲先生代行财务总监职责`, `乙暂代总经理`: acting in the post
    ("代为履行", PositionStatus::Acting),
    ("代为行使", PositionStatus::Acting),
    ("代行", PositionStatus::Acting),
    ("暂代", PositionStatus::Acting),
    // (Hong Kong: `由首席财务官何某女士署理行政总裁一职`)
    ("署理", PositionStatus::Acting),
    ("代理", PositionStatus::Acting),
    ("任", PositionStatus::Current),
];
/// Verbs closing `职务由[职务]人名 + verb` (position.assigned), with the status they imply.
const ASSIGN_VERBS: [(&str, PositionStatus); 6] = [
    ("担任", PositionStatus::Current),
    ("兼任", PositionStatus::Current),
    ("出任", PositionStatus::New),
    ("接任", PositionStatus::New),
    ("代理", PositionStatus::Acting),
    ("代行", PositionStatus::Acting),
];
/// Words between the assigned title and `由` (`研发处处长一职由…`).
pub(crate) static POST_WORDS: WordList = WordList::new("words_position", "post_word");
/// Bodies named by their kind only, before a title that is the object of a verb
/// (`继续担任委员会主席`).
static BODY_WORDS: WordList = WordList::new("words_position", "body_word");
/// The copula of `林某为X公司董事长。` (position.appointed, session 18).
const COPULA: &str = "为";
/// What may follow the titles after the copula: the end of the clause.
const COPULA_CLAUSE_END: [char; 8] = ['，', '。', '；', '！', '\n', ',', ';', '!'];
/// Punctuation of an appositive (`张某，某公司总裁，`).
const APPOSITIVE_OPEN: [&str; 2] = ["，", ","];

/// Verbs that may follow an appositive's titles without a comma (`王某，华为总裁表示`).
const APPOSITIVE_VERBS: [&str; 12] = [
    "表示", "指出", "认为", "介绍", "强调", "说", "称", "出席", "参加", "致辞", "发言", "等",
];
/// Words between a title and the list of its holders (`独立董事包括：甲、乙`).
static LIST_INTROS: WordList = WordList::new("words_position", "list_intro");
/// Glue between two names of one list (`甲、乙及丙`).
const NAME_LIST_GLUE: [&str; 4] = ["、", "及", "和", "以及"];
/// Honorifics between a name and its verb (`钱某先生不再担任`).
static HONORIFICS: WordList = WordList::new("words_position", "honorific");
/// Adverbs that open a résumé clause (`，现任`, `，并兼任`).
static CONTINUE_ADVERBS: WordList = WordList::new("words_position", "continue_adverb");
/// A résumé paragraph: the name, then its sex (`刘某，男，1978 年出生`).
const RESUME_OPEN: [&str; 4] = ["，男", "，女", ",男", ",女"];
/// Words that open a résumé after the name, an honorific and a comma or colon
/// (`王某先生，中国国籍`, `李某女士：1975 年出生`) besides the sex and a birth year.
const RESUME_FACTS: [&str; 6] = ["中国国籍", "中国籍", "汉族", "出生于", "生于", "籍贯"];
/// Punctuation that ends a clause of a résumé.
const CLAUSE_END: [char; 4] = ['，', '。', '；', ','];

/// One binding found for a person.
struct Binding {
    person: usize,
    roles: Vec<usize>,
    org: Option<usize>,
    status: PositionStatus,
    rule: RuleId,
}

/// Strip `glue` between `end` and `start` of the text: is the gap exactly one glue word (or
/// empty)?
fn glued(text: &str, end: usize, start: usize, glue: &[&str]) -> bool {
    if end > start {
        return false;
    }
    let gap = &text[end..start];
    gap.is_empty() || glue.contains(&gap)
}

/// Index of the mention of `label` ending at `pos` (modulo `glue`), searching left from `i`.
fn ending_at(
    ms: &[Mention],
    text: &str,
    i: usize,
    pos: usize,
    label: Label,
    glue: &[&str],
) -> Option<usize> {
    let j = i.checked_sub(1)?;
    let m = &ms[j];
    (m.label == label && glued(text, m.range.end, pos, glue)).then_some(j)
}

/// The person right before person mention `k` in one list: glued by `、`, `及`, `和` or `以及`,
/// after an optional honorific (`甲先生、乙女士及丙先生`).
fn name_list_before(ms: &[Mention], text: &str, k: usize) -> Option<usize> {
    let j = k.checked_sub(1)?;
    if ms[j].label != Label::Person || ms[j].range.end > ms[k].range.start {
        return None;
    }
    let gap = &text[ms[j].range.end..ms[k].range.start];
    let gap = HONORIFICS
        .iter()
        .find_map(|h| gap.strip_prefix(*h))
        .unwrap_or(gap);
    NAME_LIST_GLUE.contains(&gap).then_some(j)
}

/// `独立董事：甲（会计专业人士）、乙`: the person right before a short note in brackets and the
/// 、 that glue person mention `k` to them (a note of at most 12 characters with no bracket,
/// sentence end or list comma inside): the note does not end the list.
fn noted_before(ms: &[Mention], text: &str, k: usize) -> Option<usize> {
    let before = text[..ms[k].range.start].strip_suffix('、')?;
    let inner = before.strip_suffix(['）', ')'])?;
    let open = inner.rfind(['（', '('])?;
    let note = inner[open..].trim_start_matches(['（', '(']);
    if note.is_empty()
        || note.chars().count() > 12
        || note.contains(['（', '(', '）', ')', '。', '；', '、', '\n'])
    {
        return None;
    }
    let j = (0..k).rev().find(|&j| ms[j].range.end <= open)?;
    (ms[j].label == Label::Person && ms[j].range.end == open).then_some(j)
}

/// The organization right before mention `i` (which starts at `pos`): glued by nothing, `的`,
/// a space, or a status word (`腾讯原董事长`).
fn org_before(rules: &Rules, ms: &[Mention], text: &str, i: usize, pos: usize) -> Option<usize> {
    let mut j = i.checked_sub(1)?;
    // `博朗斯亚太区总裁`, `华为中国区总裁`: the region of the post sits between them.
    if place_division(ms, text, j, pos)
        && j > 0
        && ms[j - 1].label == Label::Organization
        && ms[j - 1].range.end == ms[j].range.start
    {
        j -= 1;
        return Some(j);
    }
    // `X集团大中华区首席执行官`, `X资本华东大区总经理`: a regional division of the
    // organization (org::division_before) between it and the title.
    if let Some(st) = crate::extract::org::division_before(text, pos)
        && let Some(k) = ms[..i].iter().rposition(|m| m.range.start < st)
        && ms[k].label == Label::Organization
        && ms[k].range.end == st
    {
        return Some(k);
    }
    let m = &ms[j];
    if m.label != Label::Organization || m.range.end > pos {
        return None;
    }
    let gap = &text[m.range.end..pos];
    if let Some(defined) = alias_note_owner(ms, text, j, gap) {
        return Some(defined);
    }
    // `华为亚太|区|总裁` (the known name took the region): the region's 区 is glue too.
    (gap.is_empty()
        || ORG_GLUE.contains(&gap)
        || ["区", "大区", "地区"].contains(&gap)
        || rules.role.is_status_word(gap)
        || note_gap(m, gap)
        || ((field_gap(rules, gap) || department_gap(gap))
            && crate::extract::org::ends_in_suffix(&text[m.range.clone()], &rules.org)))
    .then_some(j)
}

/// Is place mention `j` with a division word after it (`中国区`, `亚太地区`) the regional
/// division of a post ending at `pos`?
fn place_division(ms: &[Mention], text: &str, j: usize, pos: usize) -> bool {
    ms[j].label == Label::Location
        && ms[j].range.end <= pos
        && match &text[ms[j].range.end..pos] {
            "" => text[ms[j].range.clone()].ends_with('区'),
            gap => ["区", "地区", "大区", "区域", "片区"].contains(&gap),
        }
}

/// Is `text[from..to]` a regional division between an organization and a title: a place and a
/// division word (`德国X集团|中国区|总裁`) or a division region of words_org.txt (`华东大区`)?
fn division_between(ms: &[Mention], text: &str, from: usize, to: usize) -> bool {
    let k = ms.partition_point(|m| m.range.start < from);
    crate::extract::org::division_before(text, to) == Some(from)
        || (k..ms.len())
            .take_while(|&j| ms[j].range.start == from)
            .any(|j| place_division(ms, text, j, to))
}

/// `X有限公司|生产部|经理`, `X集团|人力资源中心|总监`: a short department (at most eight
/// characters, ending like a unit, with no function character that would make it a clause:
/// `与`, `在`, `对`) between an organization named by its suffix and a title is the unit the
/// post sits in, not a break between them (session 22).
fn department_gap(gap: &str) -> bool {
    gap.chars().count() <= 8
        && is_department(gap)
        && !gap.contains(|c: char| "与和及在对向为是将已于从其该这那各".contains(c))
}

/// `X证券机械分析师`, `X资本医药投资总监`: industry words only (org_stopwords.txt type=generic),
/// two to six characters, between an organization and a title are the field of the post, not
/// a break between them (session 15). Session 16: only after a name that ends in an
/// organization suffix (`X证券`, `X资本`); after a bare short name (`星联商务副总裁`: 星联 a
/// known alias) the industry word makes another company's name, whose post this is not.
fn field_gap(rules: &Rules, gap: &str) -> bool {
    (2..=6).contains(&gap.chars().count())
        && gap.chars().all(crate::normalize::filters::is_han)
        && crate::extract::org::only_generic(gap, &rules.org)
}

/// Words that introduce an alias inside brackets (`（以下简称X）`, `（下称“X”）`).
const ALIAS_INTRO: [&str; 5] = ["简称为", "简称", "下称", "统称", "合称"];

/// `甲厅（以下简称乙厅）副厅长某`: the organization mention `ms[j]` before the title is the alias
/// of an alias definition that the organization rules read as a name of its own (a
/// suffix-shaped alias, not an `org.alias_def` mention), and `gap` only closes the bracket.
/// The title belongs to the organization the bracket defines: the mention right before the
/// bracket if there is one, else the alias.
fn alias_note_owner(ms: &[Mention], text: &str, j: usize, gap: &str) -> Option<usize> {
    const QUOTES: [char; 5] = ['“', '”', '"', '「', '」'];
    let closes = gap
        .trim_start_matches(QUOTES)
        .strip_suffix(['）', ')'])
        .is_some_and(str::is_empty);
    if !closes || gap.is_empty() {
        return None;
    }
    let m = &ms[j];
    let before = text[..m.range.start].trim_end_matches(QUOTES);
    let intro = ALIAS_INTRO.iter().find(|w| before.ends_with(**w))?;
    let head = &before[..before.len() - intro.len()];
    let head = head.strip_suffix("以下").unwrap_or(head);
    let open = head.strip_suffix(['（', '('])?.len();
    Some(
        j.checked_sub(1)
            .filter(|&k| ms[k].label == Label::Organization && ms[k].range.end == open)
            .unwrap_or(j),
    )
}

/// Longest note in brackets between an organization and its title, in characters.
const MAX_NOTE: usize = 30;

/// Is `gap`, between the organization `m` and a title, a note in brackets about it? Either
/// the rest of the alias definition `m` stands in (`甲公司（以下简称“甲”|”）|董事长`, also
/// `（以下简称“甲”，股票代码：600123）`) — the alias links to the full name — or a whole
/// note with no mention inside (`甲公司|（股票代码：600123）|董事长`).
fn note_gap(m: &Mention, gap: &str) -> bool {
    let plain = |body: &str| {
        body.chars().count() <= MAX_NOTE && !body.contains(['（', '(', '）', ')', '\n', '。'])
    };
    let Some(body) = gap.strip_suffix(['）', ')']) else {
        return false;
    };
    if m.rule == org::ALIAS_DEF || m.rule == org::ALIAS_PLACEHOLDER {
        return plain(body);
    }
    body.strip_prefix(['（', '('])
        .is_some_and(|b| !b.is_empty() && plain(b))
}

/// Roles chained to the left of `pos`, nearest first (`党委书记、董事长` → [董事长, 党委书记]).
fn roles_before(ms: &[Mention], text: &str, i: usize, pos: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let Some(mut j) = ending_at(ms, text, i, pos, Label::Role, &HOLDER_GLUE) else {
        return out;
    };
    out.push(j);
    while let Some(k) = ending_at(ms, text, j, ms[j].range.start, Label::Role, &TITLE_GLUE) {
        out.push(k);
        j = k;
    }
    out
}

/// Roles chained to the right starting at `pos` (`董事长兼总经理`), from mention index `i`.
fn roles_after(ms: &[Mention], text: &str, mut i: usize, mut pos: usize) -> Vec<usize> {
    let mut out = Vec::new();
    while let Some(m) = ms.get(i) {
        let glue: &[&str] = if out.is_empty() { &[] } else { &TITLE_GLUE };
        if m.label != Label::Role || !glued(text, pos, m.range.start, glue) {
            break;
        }
        out.push(i);
        pos = m.range.end;
        i += 1;
    }
    out
}

/// The status word before the title or before the organization, if any.
fn status_at(rules: &Rules, text: &str, positions: &[usize]) -> PositionStatus {
    positions
        .iter()
        .find_map(|&p| rules.role.status_before(text, p))
        .unwrap_or(PositionStatus::Current)
}

/// Per-document lookups that keep the per-person steps O(1) or O(log n) on a huge document
/// (issue 8): without them, every person scanned to the next person, the sentence end or the
/// head of a name list, and a document of one long sentence was quadratic.
struct Index {
    /// `list_head[k]`: the first person of the `、`-list (last item after `及`/`和`) that
    /// person mention `k` ends
    /// (`甲、乙、丙`: 甲 for each), `k` itself when no person is glued before it.
    list_head: Vec<usize>,
    /// `next_person[k]`: where the first person mention after index `k` starts (text length
    /// if none).
    next_person: Vec<usize>,
    /// Byte offsets of every `。`, `；` and line break, in order.
    stops: Vec<usize>,
}

impl Index {
    fn new(ms: &[Mention], text: &str) -> Index {
        let mut list_head: Vec<usize> = (0..ms.len()).collect();
        for k in 1..ms.len() {
            if ms[k].label == Label::Person
                && let Some(j) = name_list_before(ms, text, k).or_else(|| noted_before(ms, text, k))
            {
                list_head[k] = list_head[j];
            }
        }
        let mut next_person = vec![text.len(); ms.len()];
        let mut next = text.len();
        for k in (0..ms.len()).rev() {
            next_person[k] = next;
            if ms[k].label == Label::Person {
                next = ms[k].range.start;
            }
        }
        let stops = crate::rules::occurrences::char_matches(text, ['。', '；', '\n'])
            .map(|(at, _)| at)
            .collect();
        Index {
            list_head,
            next_person,
            stops,
        }
    }

    /// The first `。`, `；` or line break at or after `pos` (text length if none).
    fn stop_from(&self, pos: usize, text: &str) -> usize {
        let k = self.stops.partition_point(|&at| at < pos);
        self.stops.get(k).copied().unwrap_or(text.len())
    }
}

/// Mentions wholly inside `r` with `label`, in order (mentions are sorted by start).
fn inside(ms: &[Mention], r: &Range<usize>, label: Label) -> Vec<usize> {
    let from = ms.partition_point(|m| m.range.start < r.start);
    ms[from..]
        .iter()
        .take_while(|m| m.range.start < r.end)
        .enumerate()
        .filter(|(_, m)| m.label == label && m.range.end <= r.end)
        .map(|(k, _)| from + k)
        .collect()
}

/// Brackets that may hold a person's post right after the name (`王某（华为董事长）`).
const BRACKETS: [(&str, char); 2] = [("（", '）'), ("(", ')')];
/// Separators between the posts of one bracket (`（某学会会长、某大学教授）`) or between a
/// remark and the post (`（1965 年生，华为董事长）`).
const BRACKET_SEPARATORS: [char; 5] = ['、', '，', ',', '；', ';'];
/// Longest bracket content read as a post, in characters: a longer bracket is a remark.
const BRACKET_MAX_CHARS: usize = 60;
/// Longest department between an organization and its title (`浙江大学|计算机学院|院长`).
const DEPARTMENT_MAX_CHARS: usize = 16;
/// Last characters of a unit name (`学院`, `研究所`, `市场部`, `办公室`, `事业群`).
const UNIT_ENDS: &str = "院系部所处科局办室组厅委会司馆站队行团群心";

/// Is `s` a unit inside an organization (`计算机科学与技术学院`, `消费者业务事业群`): a short
/// run of letters and digits (no punctuation, no `的`) ending like a unit name?
fn is_department(s: &str) -> bool {
    let n = s.chars().count();
    (1..=DEPARTMENT_MAX_CHARS).contains(&n)
        && s.chars().all(char::is_alphanumeric)
        && !s.contains('的')
        && s.chars().next_back().is_some_and(|c| UNIT_ENDS.contains(c))
}

/// `position.bracket`: `人名[先生|女士]（post、post）` — each post of the bracket is
/// `[status][org][department][status]title[兼title]` and must fill its segment up to the next
/// separator or the closing bracket; a segment that is no post (`1965 年生`) is skipped, a
/// title-only post after `、` shares the organization of the post before it
/// (`（腾讯总裁、董事长）`). A bracket that names a person, holds another bracket or a line
/// break, or runs long, is no post.
fn bracket(rules: &Rules, ms: &[Mention], text: &str, i: usize, out: &mut Vec<Binding>) {
    let p = &ms[i];
    let mut at = p.range.end;
    if let Some(h) = HONORIFICS.iter().find(|h| text[at..].starts_with(**h)) {
        at += h.len();
    }
    let Some((open, close)) = BRACKETS.iter().find(|(o, _)| text[at..].starts_with(*o)) else {
        return;
    };
    let start = at + open.len();
    let Some((len, c)) = text[start..]
        .char_indices()
        .take(BRACKET_MAX_CHARS + 1)
        .find(|&(_, c)| c == *close || matches!(c, '（' | '(' | '\n'))
    else {
        return;
    };
    if c != *close {
        return;
    }
    let content = start..start + len;
    if !inside(ms, &content, Label::Person).is_empty() {
        return;
    }
    let mut seg_start = start;
    let mut prev_org: Option<usize> = None;
    let mut after_list = false;
    for (k, c) in text[content.clone()]
        .char_indices()
        .filter(|(_, c)| BRACKET_SEPARATORS.contains(c))
        .map(|(k, c)| (start + k, c))
        .chain(std::iter::once((content.end, *close)))
    {
        let seg = seg_start..k;
        seg_start = k + c.len_utf8();
        let inherited = prev_org.filter(|_| after_list);
        after_list = c == '、';
        prev_org = None;
        let Some((roles, org, verb_status)) = bracket_post(rules, ms, text, &seg) else {
            continue;
        };
        let org = org.or(inherited);
        prev_org = org;
        let first = roles.last().map_or(seg.start, |&r| ms[r].range.start);
        let mut at = vec![first];
        at.extend(org.map(|o| ms[o].range.start));
        out.push(Binding {
            person: i,
            status: verb_status.unwrap_or_else(|| status_at(rules, text, &at)),
            roles,
            org,
            rule: BRACKET,
        });
    }
}

/// One post of a bracket filling `seg`: its titles (nearest the end first) and organization.
fn bracket_post(
    rules: &Rules,
    ms: &[Mention],
    text: &str,
    seg: &Range<usize>,
) -> Option<(Vec<usize>, Option<usize>, Option<PositionStatus>)> {
    let roles_in = inside(ms, seg, Label::Role);
    let &last = roles_in.last()?;
    if ms[last].range.end != seg.end {
        return None;
    }
    let mut roles = vec![last];
    let mut j = last;
    while let Some(k) = ending_at(ms, text, j, ms[j].range.start, Label::Role, &TITLE_GLUE)
        .filter(|&k| ms[k].range.start >= seg.start)
    {
        roles.push(k);
        j = k;
    }
    let first = ms[j].range.start;
    // an appointment verb may open the post (`（现任公司董事）`, `（曾任华为总裁）`) and sets
    // the status
    let (verb_len, verb_status) = clause_verb(&text[seg.start..first], &[], true)
        .map_or((0, None), |(len, st)| (len, Some(st)));
    let seg = &(seg.start + verb_len..seg.end);
    // a status word may open the post (`（原华为总裁）`)
    let lead = (1..=3)
        .filter_map(|n| text[seg.start..first].char_indices().nth(n).map(|(b, _)| b))
        .chain(std::iter::once(first - seg.start))
        .find(|&b| rules.role.is_status_word(&text[seg.start..seg.start + b]))
        .unwrap_or(0);
    let head = seg.start + lead..first;
    // the longest organization opening the head — or right after a place name opening it,
    // when the organization's name did not take the place (`（湖北|鄂州某职业技术学院副校长）`)
    let org = inside(ms, &head, Label::Organization)
        .into_iter()
        .filter(|&o| {
            let s = ms[o].range.start;
            s == head.start || rules.location.is_place_name(&text[head.start..s])
        })
        .max_by_key(|&o| ms[o].range.end);
    let gap = &text[org.map_or(head.start, |o| ms[o].range.end)..first];
    let glued = gap.is_empty()
        || ORG_GLUE.contains(&gap)
        || rules.role.is_status_word(gap)
        || is_department(gap);
    glued.then_some((roles, org, verb_status))
}

/// Find the bindings of the person mention at index `i`.
fn bind(rules: &Rules, ms: &[Mention], text: &str, ix: &Index, i: usize, out: &mut Vec<Binding>) {
    let p = &ms[i];
    // [org][的]title[、title]person, and `职务：甲、乙` (every name of the list line)
    let mut roles = roles_before(ms, text, i, p.range.start);
    if roles.is_empty() {
        let k = ix.list_head[i];
        // `本公司独立非执行董事包括：甲、乙及丙`, `副总经理分别为甲、乙`: a title introducing
        // the list by a word that counts its members is every name's
        if let Some(pos) = LIST_INTROS
            .iter()
            .find_map(|w| text[..ms[k].range.start].strip_suffix(*w))
            .map(str::len)
        {
            roles = roles_before(ms, text, k, pos);
        }
    }
    if roles.is_empty() {
        let k = ix.list_head[i];
        // `独立董事甲、乙`: a title many hold at once before a bare 、-list of names is every
        // name's — not a one-holder title (`董事长甲、乙出席`: 乙 is someone else), and not
        // when a name of the list carries its own title after it (`副总裁甲、乙总经理`).
        let shared_list = || {
            let head = roles_before(ms, text, k, ms[k].range.start);
            head.first()
                .is_some_and(|&r| shared_title(&title_of(&ms[r])))
                && (k..=i).all(|j| {
                    ms[j].label != Label::Person
                        || roles_after(ms, text, j + 1, ms[j].range.end).is_empty()
                })
        };
        if k != i && (text[..ms[k].range.start].ends_with(['：', ':']) || shared_list()) {
            roles = roles_before(ms, text, k, ms[k].range.start);
        }
    }
    if let Some(&first) = roles.last() {
        let first_start = ms[first].range.start;
        let org = org_before(rules, ms, text, first, first_start)
            .or_else(|| place_government(ms, text, first, &roles));
        let mut at = vec![first_start];
        at.extend(org.map(|o| ms[o].range.start));
        out.push(Binding {
            person: i,
            status: status_at(rules, text, &at),
            roles,
            org,
            rule: TITLE_BEFORE,
        });
        // `中国工程院院士、南京大学教授聂某`: every `[org]title` group of a 、-chain (or a
        // 兼-chain: `X集团副总裁兼Y事业部总经理某`) before the name is the person's, each with
        // its own organization.
        let mut prev_org = org;
        while let Some(o) = prev_org {
            let Some(rest) = text[..ms[o].range.start].strip_suffix(['、', '兼']) else {
                break;
            };
            let more = roles_before(ms, text, o, rest.len());
            let Some(&first) = more.last() else { break };
            let first_start = ms[first].range.start;
            let org = org_before(rules, ms, text, first, first_start);
            let mut at = vec![first_start];
            at.extend(org.map(|o| ms[o].range.start));
            out.push(Binding {
                person: i,
                status: status_at(rules, text, &at),
                roles: more,
                org,
                rule: TITLE_BEFORE,
            });
            prev_org = org.filter(|&n| n < o);
        }
    }
    // [org]person title[兼title]
    let roles = roles_after(ms, text, i + 1, p.range.end);
    // `记者王晓东 通讯员李一凡`: a title glued to the next name is that name's (title before
    // it), not this one's.
    let next_owns = roles.last().is_some_and(|&r| {
        ms.get(r + 1).is_some_and(|n| {
            n.label == Label::Person && glued(text, ms[r].range.end, n.range.start, &[])
        })
    });
    if !roles.is_empty() && !next_owns {
        let org = org_before(rules, ms, text, i, p.range.start);
        out.push(Binding {
            person: i,
            status: status_at(rules, text, &[p.range.start]),
            roles,
            org,
            rule: TITLE_AFTER,
        });
    }
    // person，org title[，。]  and  person + appointment verb + [org] title
    let mut after_name = p.range.end;
    if let Some(h) = HONORIFICS
        .iter()
        .find(|h| text[after_name..].starts_with(**h))
    {
        after_name += h.len();
    }
    let rest = &text[after_name..];
    // `林某为X公司创始人、董事长兼总经理。`: the bare copula 为 (also a preposition: 为客户提供,
    // 为公司发展作出贡献) only with an organization mention right after it and titles that
    // end the clause
    // (not the object of an appointing verb: `聘任X为公司总经理` is the appointment's, new)
    let copula = rest.starts_with(COPULA) && {
        let clause = text[..p.range.start]
            .char_indices()
            .rev()
            .find(|&(_, c)| matches!(c, '，' | '。' | '；' | '\n' | ','))
            .map_or(0, |(k, c)| k + c.len_utf8());
        let head = &text[clause..p.range.start];
        !crate::extract::person::APPOINT_FRAME_OPENERS
            .iter()
            .any(|w| head.contains(*w))
    };
    let (skip, status, rule) =
        if let Some(open) = APPOSITIVE_OPEN.iter().find(|o| rest.starts_with(**o)) {
            // (`X，前Y公司副总经理`: a status word of the past may open the appositive; the
            // status is read before the organization below)
            let status_word = RESUME_FORMER
                .iter()
                .find(|w| rest[open.len()..].starts_with(**w))
                .map_or(0, |w| w.len());
            (open.len() + status_word, None, APPOSITIVE)
        } else if let Some((len, st)) = clause_verb(rest, &ELIDED_ADVERBS, true) {
            // adverbs may stand before the verb (`X继续担任公司董事长`, `X仍兼任…`)
            (len, Some(st), APPOINTED)
        } else if let time = time_phrase(rest)
            && time > 0
            && let Some((len, st)) = clause_verb(&rest[time..], &ELIDED_ADVERBS, true)
        {
            // `X2016 年至 2019 年曾任…`, `X2019 年起任…`: a time phrase before the verb (a
            // period that has ended makes a current verb's post a former one)
            let st = if st == PositionStatus::Current && closed_period(&rest[..time]) {
                PositionStatus::Former
            } else {
                st
            };
            (time + len, Some(st), APPOINTED)
        } else if copula {
            (COPULA.len(), Some(PositionStatus::Current), APPOINTED)
        } else {
            return;
        };
    let Some((roles, org)) = verb_object(ms, text, i + 1, after_name + skip) else {
        return;
    };
    if rule == APPOSITIVE && org.is_none() {
        return;
    }
    if copula
        && (org.is_none()
            || !roles.last().is_some_and(|&r| {
                text[ms[r].range.end..]
                    .chars()
                    .next()
                    .is_none_or(|c| COPULA_CLAUSE_END.contains(&c))
            }))
    {
        return;
    }
    // `蒋某，星桥数据董事长林某`: the title is the next person's, not an appositive — also
    // through a chain of titles (`吕某，中国工程院院士、某大学教授聂某`).
    let mut last_end = roles.last().map_or(after_name, |&r| ms[r].range.end);
    while rule == APPOSITIVE && text[last_end..].starts_with('、') {
        match verb_object(ms, text, i + 1, last_end + '、'.len_utf8()) {
            Some((more, _)) if more.last().is_some_and(|&r| ms[r].range.end > last_end) => {
                last_end = more.last().map_or(last_end, |&r| ms[r].range.end);
            }
            _ => break,
        }
    }
    let after = &ms[i + 1..];
    let at_end = after.partition_point(|m| m.range.start < last_end);
    if rule == APPOSITIVE
        && after[at_end..]
            .iter()
            .take_while(|m| m.range.start == last_end)
            .any(|m| m.label == Label::Person)
    {
        return;
    }
    // (session 26) `甲，X集团董事长兼总裁仉某出席`: Han text right after the titles that is
    // no speech or attendance verb is a name the person family missed — the titles are its.
    if rule == APPOSITIVE
        && text[last_end..].starts_with(crate::normalize::filters::is_han)
        && !APPOSITIVE_VERBS
            .iter()
            .any(|v| text[last_end..].starts_with(v))
    {
        return;
    }
    // (`X，前Y公司副总经理`: a status word before the organization counts too)
    let mut at = vec![ms[roles[0]].range.start];
    at.extend(org.map(|o| ms[o].range.start));
    let status = status.unwrap_or_else(|| status_at(rules, text, &at));
    out.push(Binding {
        person: i,
        roles,
        org,
        status,
        rule,
    });
}

/// `X公司创始人、董事长甲，联合创始人、首席技术官乙`: a person whose executive titles stand right
/// after the comma (or 、, 及, 以及, 和) that follows the previous person, with no organization of their
/// own, holds them at that person's organization — when the previous person's titles are
/// executive too (`X公司董事长甲，知名经济学家乙`: a profession, not X's; `，副市长乙`: a
/// government post, not X's).
fn list_carry(rules: &Rules, ms: &[Mention], text: &str, bindings: &mut [Binding]) {
    // (the longest gap read: an honorific and a comma, in bytes)
    const CARRY_GAP_MAX: usize = 16;
    let executive = |b: &Binding| {
        !b.roles.is_empty()
            && b.roles
                .iter()
                .all(|&r| rules.role.kind_of(&title_of(&ms[r])) == Some("executive"))
    };
    for k in 1..bindings.len() {
        let (done, rest) = bindings.split_at_mut(k);
        let b = &mut rest[0];
        if b.org.is_some() || b.rule != TITLE_BEFORE || !executive(b) {
            continue;
        }
        let Some(first) = b.roles.iter().map(|&r| ms[r].range.start).min() else {
            continue;
        };
        // the previous person, glued to the titles by the comma alone (an honorific may follow
        // the name). The bindings are in person order here, so the search stops at the first
        // person that ends too far before the titles: no scan back over the whole document.
        let Some(prev) = done
            .iter()
            .rev()
            .take_while(|a| ms[a.person].range.end + CARRY_GAP_MAX >= first)
            .find(|a| {
                a.person < b.person && {
                    let end = ms[a.person].range.end;
                    let gap = text.get(end..first).unwrap_or("");
                    let gap = HONORIFICS
                        .iter()
                        .find_map(|h| gap.strip_prefix(*h))
                        .unwrap_or(gap);
                    // (及/以及/和 join the last person of such a list: `总经理乙及技术长丙`)
                    matches!(gap, "，" | "," | "、" | "及" | "以及" | "和")
                }
            })
        else {
            continue;
        };
        if ![TITLE_BEFORE, LIST_CARRY].contains(&prev.rule) || !executive(prev) {
            continue;
        }
        if let Some(o) = prev.org {
            b.org = Some(o);
            b.rule = LIST_CARRY;
        }
    }
}

/// Verbs that name the holder of the titles before them (`董事长为甲`, `法定代表人是乙`).
const HOLDER_IS: [&str; 2] = ["为", "是"];

/// Does person mention `ms[i]` close its clause, after an optional honorific (`为甲。`,
/// `是乙女士，`)? `为甲颁奖` is "for" someone, not "is" them.
fn closes_clause(ms: &[Mention], text: &str, i: usize) -> bool {
    let after = &text[ms[i].range.end..];
    let after = HONORIFICS
        .iter()
        .find_map(|h| after.strip_prefix(*h))
        .unwrap_or(after);
    after.is_empty() || after.starts_with(['，', '。', '；', '、', ',', ';', '！', '？', '\n'])
}

/// Is a person named right after byte `end` as the holder of the titles ending there
/// (`现任董事长兼总经理为甲。`)? Then the titles are that person's, not the subject's.
fn holder_named_after(ms: &[Mention], text: &str, from: usize, end: usize) -> bool {
    let Some(verb) = HOLDER_IS.iter().find(|v| text[end..].starts_with(**v)) else {
        return false;
    };
    let k = from + ms[from.min(ms.len())..].partition_point(|m| m.range.start < end);
    ms.get(k).is_some_and(|m| {
        m.label == Label::Person && m.range.start == end + verb.len() && closes_clause(ms, text, k)
    })
}

/// `X公司现任董事长兼总经理为甲。`, `公司法定代表人是乙`: titles (after their organization,
/// a status word or 的 between) followed by 为/是 and a person who closes the clause are that
/// person's.
fn title_is(rules: &Rules, ms: &[Mention], text: &str, i: usize, out: &mut Vec<Binding>) {
    let p = &ms[i];
    let Some(verb) = HOLDER_IS
        .iter()
        .find(|v| text[..p.range.start].ends_with(**v))
    else {
        return;
    };
    let roles = roles_before(ms, text, i, p.range.start - verb.len());
    let Some(&first) = roles.last() else {
        return;
    };
    if !closes_clause(ms, text, i) {
        return;
    }
    let first_start = ms[first].range.start;
    let org = org_before(rules, ms, text, first, first_start)
        .or_else(|| sentence_subject_org(rules, ms, text, first));
    let mut at = vec![first_start];
    at.extend(org.map(|o| ms[o].range.start));
    out.push(Binding {
        person: i,
        status: status_at(rules, text, &at),
        roles,
        org,
        rule: TITLE_IS,
    });
}

/// `X公司成立于2016年，…，现任董事长为甲`: titles opening a later clause (a status word may
/// stand before them) with no organization of their own are held at the organization that
/// opens the sentence as its subject.
fn sentence_subject_org(rules: &Rules, ms: &[Mention], text: &str, first: usize) -> Option<usize> {
    let before = &text[..ms[first].range.start];
    // (the longest status word of at most three characters ending there: `现任`, `原`)
    let before = before
        .char_indices()
        .rev()
        .take(3)
        .map(|(k, _)| k)
        .filter(|&k| rules.role.is_status_word(&before[k..]))
        .last()
        .map_or(before, |k| &before[..k]);
    if !before.ends_with(['，', ',']) {
        return None;
    }
    let ss = before.rfind(['。', '；', '\n', '！', '？']).map_or(0, |k| {
        k + before[k..].chars().next().map_or(1, char::len_utf8)
    });
    let k = ms[..first].partition_point(|m| m.range.start < ss);
    let m = ms.get(k)?;
    (k < first && m.label == Label::Organization && text[ss..m.range.start].trim().is_empty())
        .then_some(k)
}

/// The appointment verb opening a clause, after any of `adverbs` (`并继续担任`): the bytes up
/// to the end of the verb, and the status it implies. The bare `任` only where `bare_ren`.
fn clause_verb(rest: &str, adverbs: &[&str], bare_ren: bool) -> Option<(usize, PositionStatus)> {
    // a verb that opens with an adverb's character (`现为`, `现任`) first
    if let Some((verb, st)) = APPOINT_VERBS
        .iter()
        .find(|(v, _)| (bare_ren || *v != "任") && rest.starts_with(*v))
    {
        return Some((verb.len(), *st));
    }
    let mut r = rest;
    let mut past = false;
    // (`此前担任`, `曾担任`, `先后担任`: an adverb of the past makes the post a former one —
    // only where adverbs may stand at all)
    loop {
        if let Some(x) = adverbs.iter().find_map(|a| r.strip_prefix(*a)) {
            r = x;
        } else if let Some(x) = (!adverbs.is_empty())
            .then(|| PAST_ADVERBS.iter().find_map(|a| r.strip_prefix(*a)))
            .flatten()
        {
            r = x;
            past = true;
        } else {
            break;
        }
    }
    let (verb, st) = APPOINT_VERBS
        .iter()
        .find(|(v, _)| (bare_ren || *v != "任") && r.starts_with(*v))?;
    let st = if past && *st == PositionStatus::Current {
        PositionStatus::Former
    } else {
        *st
    };
    Some((rest.len() - r.len() + verb.len(), st))
}

/// Adverbs of the past before an appointment verb (`此前担任`, `曾担任`, `先后担任`): the post
/// is a former one (session 24).
const PAST_ADVERBS: [&str; 6] = ["此前", "之前", "曾经", "先后", "曾", "早年"];

/// `[org][的]title[、title]` starting exactly at `start` (the object of a verb), searched from
/// mention index `from`: the roles and the organization, if any title is there.
fn verb_object(
    ms: &[Mention],
    text: &str,
    from: usize,
    start: usize,
) -> Option<(Vec<usize>, Option<usize>)> {
    // The first mention at or after `start`.
    let first = from + ms[from.min(ms.len())..].partition_point(|m| m.range.start < start);
    // `现任本公司全资附属公司X董事总经理`: a subsidiary descriptor (after an optional
    // 本公司/公司/本集团) may stand before the organization.
    let org_at = |m: &Mention| {
        m.range.start == start || subsidiary_descriptor(&text[start..m.range.start.max(start)])
    };
    let (org, next) = match ms.get(first) {
        // `仍担任公司全资子公司X执行董事`: where the filer's placeholder 公司 is a mention of
        // its own, the subsidiary named after it and its descriptor holds the title
        Some(m)
            if m.label == Label::Organization
                && org_at(m)
                && ms.get(first + 1).is_some_and(|n| {
                    n.label == Label::Organization
                        && n.range.start > m.range.end
                        && text
                            .get(m.range.end..n.range.start)
                            .is_some_and(|g| SUBSIDIARY_WORDS.contains(&g))
                }) =>
        {
            (Some(first + 1), first + 2)
        }
        Some(m) if m.label == Label::Organization && org_at(m) => (Some(first), first + 1),
        _ => (None, first),
    };
    let title_pos = org.map_or(start, |o| ms[o].range.end);
    let mut roles = roles_after(ms, text, next, title_pos);
    // `继续担任委员会主席`: a body named by its kind only (委员会, 理事会) before the title — the
    // title is held, at no organization we can name (a title that starts with the word, such
    // as 董事会秘书, was read above).
    if org.is_none()
        && roles.is_empty()
        && let Some(w) = BODY_WORDS
            .iter()
            .copied()
            .chain(ANAPHORS.iter().map(|(w, _)| *w))
            .find(|w| text[title_pos..].starts_with(*w))
    {
        roles = roles_after(ms, text, next, title_pos + w.len());
    }
    // allow 的 between the organization and the title
    if org.is_some() && roles.is_empty() && text[title_pos..].starts_with("的") {
        roles = roles_after(ms, text, next, title_pos + "的".len());
    }
    (!roles.is_empty()).then_some((roles, org))
}

/// Descriptors of a subsidiary (`全资附属公司`, `控股子公司`, `旗下`) before the organization
/// that is the object of an appointment verb: the `role=subsidiary` part of the company
/// descriptors (the whole list: [`crate::extract::COMPANY_DESCRIPTORS`]).
static SUBSIDIARY_WORDS: WordList =
    WordList::with_attr("words_position", "company_descriptor", "role", "subsidiary");
/// Parents a subsidiary descriptor may start with (`本公司全资附属公司`).
static SUBSIDIARY_PARENTS: WordList = WordList::new("words_position", "subsidiary_parent");

/// Is `gap` (the text between an appointment verb and an organization) a subsidiary
/// descriptor, with an optional parent before it (`本公司全资子公司`)?
fn subsidiary_descriptor(gap: &str) -> bool {
    let gap = SUBSIDIARY_PARENTS
        .iter()
        .filter_map(|p| gap.strip_prefix(*p))
        .min_by_key(|g| g.len())
        .unwrap_or(gap);
    SUBSIDIARY_WORDS.contains(&gap)
}

/// Adverbs before the verb of a clause whose subject is left out (`，并继续担任`).
static ELIDED_ADVERBS: WordList = WordList::new("words_position", "elided_adverb");

/// `吴某将继续持有X 30% 股权，并继续担任X总经理。`: a later clause of the person's sentence
/// that opens with an appointment verb and has no subject of its own is the person's — up to
/// the next person or the end of the sentence.
fn elided_subject(ms: &[Mention], text: &str, ix: &Index, i: usize, out: &mut Vec<Binding>) {
    let p = &ms[i];
    let limit = ix.next_person[i].min(ix.stop_from(p.range.end, text));
    // the first clause (right after the name) is `bind`'s
    let mut at = p.range.end;
    while let Some(n) = text[at..limit].find('，') {
        at += n + '，'.len_utf8();
        let Some((len, st)) = clause_verb(&text[at..limit], &ELIDED_ADVERBS, false) else {
            continue;
        };
        let start = at + len;
        if let Some((roles, org)) = verb_object(ms, text, i + 1, start) {
            // `曾任华为副总裁的人`: a relative clause describes someone else; `，现任董事长为乙`
            // names the holder (position.title_is)
            let end = roles.last().map_or(start, |&r| ms[r].range.end);
            if text[end..].starts_with('的') || holder_named_after(ms, text, i + 1, end) {
                continue;
            }
            out.push(Binding {
                person: i,
                roles,
                org,
                status: st,
                rule: APPOINTED,
            });
        }
    }
}

/// Header words of a table's name, unit and title columns.
static NAME_HEADERS: WordList = WordList::new("words_position", "name_header");
static UNIT_HEADERS: WordList = WordList::new("words_position", "unit_header");
static TITLE_HEADERS: WordList = WordList::new("words_position", "title_header");
/// Headers of one column holding the organization and the title (`西南某大学金融学院教授`).
static UNIT_TITLE_HEADERS: WordList = WordList::new("words_position", "unit_title_header");

/// Byte ranges of the cells of a Markdown table line (`| a | b |`), trimmed.
fn cells(text: &str, line: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let l = &text[line.clone()];
    let inner = l.trim();
    let Some(inner) = inner.strip_prefix('|') else {
        return Vec::new();
    };
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let base = line.start + (inner.as_ptr() as usize - l.as_ptr() as usize);
    let mut out = Vec::new();
    let mut at = 0;
    for part in inner.split('|') {
        let lead = part.len() - part.trim_start().len();
        let s = base + at + lead;
        out.push(s..s + part.trim().len());
        at += part.len() + 1;
    }
    out
}

/// `position.table`: rows of a table whose header names a name column and a title column.
fn table_rows(ms: &[Mention], text: &str, out: &mut Vec<Binding>) {
    let mut cols: Option<(usize, Option<usize>, usize)> = None;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let range = line_start..line_start + line.trim_end_matches(['\n', '\r']).len();
        line_start += line.len();
        let cs = cells(text, range);
        if cs.is_empty() {
            cols = None;
            continue;
        }
        let cell = |i: usize| cs.get(i).map(|r| &text[r.clone()]);
        let find =
            |names: &[&str]| (0..cs.len()).find(|&i| cell(i).is_some_and(|c| names.contains(&c)));
        if let (Some(n), Some(t)) = (find(&NAME_HEADERS), find(&TITLE_HEADERS)) {
            cols = Some((n, find(&UNIT_HEADERS), t));
            continue;
        }
        // `| 姓名 | 单位及职务 |`: one cell holds the organization and the title.
        if let (Some(n), Some(t)) = (find(&NAME_HEADERS), find(&UNIT_TITLE_HEADERS)) {
            cols = Some((n, Some(t), t));
            continue;
        }
        let Some((n, u, t)) = cols else {
            continue;
        };
        let within = |i: usize, label: Label| -> Vec<usize> {
            cs.get(i).map_or(Vec::new(), |r| inside(ms, r, label))
        };
        let (Some(&person), roles) = (within(n, Label::Person).first(), within(t, Label::Role))
        else {
            continue;
        };
        if roles.is_empty() {
            continue;
        }
        // no unit column: an organization opening the title cell holds the titles
        // (`| 王某 | 某省自然资源厅副厅长 |`)
        let org = match u {
            Some(u) => within(u, Label::Organization).first().copied(),
            None => within(t, Label::Organization)
                .into_iter()
                .find(|&o| ms[o].range.end <= ms[roles[0]].range.start),
        };
        out.push(Binding {
            person,
            roles,
            org,
            status: PositionStatus::Current,
            rule: TABLE,
        });
    }
}

/// `position.signature`: the signature block closing an announcement — a line that is only
/// a title (or titles joined by 兼, 及, 、), then a line that is only a person's name
/// (`董事會主席\n岑某某`): the person holds the titles, at the organization when the line
/// before the titles is only an organization's name (`承董事會命\nX控股有限公司\n董事會主席\n
/// 岑某某`). Blank lines between are skipped; a line holding anything else breaks the block.
fn signature_rows(ms: &[Mention], text: &str, out: &mut Vec<Binding>) {
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start_matches([' ', '\u{3000}', '\t']).len();
        let trimmed = body.trim_matches([' ', '\u{3000}', '\t']);
        if !trimmed.is_empty() {
            lines.push(at + lead..at + lead + trimmed.len());
        }
        at += line.len();
    }
    // the one mention of `label` that is the whole line
    let whole = |r: &Range<usize>, label: Label| {
        let found = inside(ms, r, label);
        match found.as_slice() {
            [m] if ms[*m].range == *r => Some(*m),
            _ => None,
        }
    };
    for j in 1..lines.len() {
        let Some(person) = whole(&lines[j], Label::Person) else {
            continue;
        };
        let title_line = &lines[j - 1];
        let roles = inside(ms, title_line, Label::Role);
        if roles.is_empty() {
            continue;
        }
        // nothing but the titles and their joints on the line
        let mut pos = title_line.start;
        let mut glue_ok = true;
        for &r in &roles {
            let gap = text[pos..ms[r].range.start].trim();
            if !matches!(gap, "" | "兼" | "及" | "、" | "和") {
                glue_ok = false;
            }
            pos = ms[r].range.end;
        }
        if !glue_ok || pos != title_line.end {
            continue;
        }
        let org = j
            .checked_sub(2)
            .and_then(|k| whole(&lines[k], Label::Organization));
        out.push(Binding {
            person,
            roles,
            org,
            status: PositionStatus::Current,
            rule: SIGNATURE,
        });
    }
}

/// One field card being read by [`card_rows`]: the person, organization and titles of its
/// `姓名：` / `单位：` / `职务：` lines.
#[derive(Default)]
struct Card {
    person: Option<usize>,
    org: Option<usize>,
    roles: Vec<usize>,
}

impl Card {
    /// The card's binding, if it names a person and a title; the card is emptied.
    fn flush(&mut self, out: &mut Vec<Binding>) {
        let card = std::mem::take(self);
        if let Some(person) = card.person
            && !card.roles.is_empty()
        {
            out.push(Binding {
                person,
                roles: card.roles,
                org: card.org,
                status: PositionStatus::Current,
                rule: CARD,
            });
        }
    }
}

/// Longest head of a card line searched for the colon after its label, in bytes: a label of at
/// most six characters with list and bold marks around it.
const MAX_CARD_HEAD: usize = 64;

/// The field label and the value range of a `标签：值` line (a list marker or bold marks may
/// surround the label: `- **姓名**：王某`), if the label is short.
fn card_field(text: &str, line: Range<usize>) -> Option<(&str, Range<usize>)> {
    let l = &text[line.clone()];
    // The label is short, so only the head of the line is searched for the colon (a search of
    // every whole line cost a pass over the document).
    let head = floor_boundary(l, MAX_CARD_HEAD.min(l.len()));
    let colon = l[..head].find(['：', ':'])?;
    let label =
        l[..colon].trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '-' | '•'));
    if label.is_empty() || label.chars().count() > 6 {
        return None;
    }
    let sep = l[colon..].chars().next().map_or(1, char::len_utf8);
    Some((label, line.start + colon + sep..line.end))
}

/// `position.card`: field cards of guest lists — consecutive lines `姓名：X`, `单位：Y`,
/// `职务：Z` (any order; `单位及职务：` for both), one card per block of lines. The person in
/// the name field holds the titles of the title field at the organization of the unit field.
/// A blank line or a line that is no field of a card ends it.
fn card_rows(ms: &[Mention], text: &str, out: &mut Vec<Binding>) {
    let mut card = Card::default();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let range = line_start..line_start + line.trim_end_matches(['\n', '\r']).len();
        line_start += line.len();
        let Some((label, value)) = card_field(text, range) else {
            card.flush(out);
            continue;
        };
        let first = |l: Label| inside(ms, &value, l).first().copied();
        if NAME_HEADERS.contains(&label) {
            // a new name opens a new card
            card.flush(out);
            card.person = first(Label::Person);
        } else if UNIT_HEADERS.contains(&label) {
            card.org = first(Label::Organization).or(card.org);
        } else if TITLE_HEADERS.contains(&label) {
            card.roles = inside(ms, &value, Label::Role);
        } else if UNIT_TITLE_HEADERS.contains(&label) {
            card.roles = inside(ms, &value, Label::Role);
            card.org = inside(ms, &value, Label::Organization)
                .into_iter()
                .find(|&o| {
                    card.roles
                        .first()
                        .is_some_and(|&r| ms[o].range.end <= ms[r].range.start)
                })
                .or(card.org);
        } else {
            card.flush(out);
        }
    }
    card.flush(out);
}

/// Longest text before the person of a column row (a list marker and spaces), in bytes.
const MAX_ROW_HEAD: usize = 24;
/// Longest rest of a column row after its person, in bytes.
const MAX_ROW_TAIL: usize = 512;

/// The largest char boundary of `text` at or before `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `position.columns`: a list line whose columns are separated by gaps (normalization keeps a
/// tab or two spaces between two words as one space; a full-width space it removes, and
/// `gap_after` says whether one stood right after the person): `[marker] 人名 [组织] [状态]职务[、职务]`,
/// the organization in a column of its own or opening the title column
/// (`1.刘某 华海科技股份有限公司 董事长`, `刘某 华海科技董事长、总经理`). The person must fill the
/// first column and the titles must end the last one; an unknown middle column (a place, a
/// remark) binds nothing.
fn column_row(
    rules: &Rules,
    ms: &[Mention],
    text: &str,
    gap_after: bool,
    i: usize,
    out: &mut Vec<Binding>,
) {
    let p = &ms[i];
    if !text[p.range.end..].starts_with(' ') && !gap_after {
        return;
    }
    // Both scans are bounded (a list marker is short, a row is short): on a long line every
    // person followed by a space would otherwise scan to its ends, quadratic in its length.
    let from = floor_boundary(text, p.range.start.saturating_sub(MAX_ROW_HEAD));
    let line_start = match text[from..p.range.start].rfind('\n') {
        Some(k) => from + k + 1,
        None if from == 0 => 0,
        None => return,
    };
    if !is_list_marker(text[line_start..p.range.start].trim_end()) {
        return;
    }
    let to = floor_boundary(text, (p.range.end + MAX_ROW_TAIL).min(text.len()));
    let line_end = match text[p.range.end..to].find('\n') {
        Some(k) => p.range.end + k,
        None if to == text.len() => to,
        None => return,
    };
    let mut cells = Vec::new();
    let mut at = p.range.end;
    for part in text[p.range.end..line_end].split(' ') {
        if !part.is_empty() {
            cells.push(at..at + part.len());
        }
        at += part.len() + 1;
    }
    let (middle, last) = match cells.as_slice() {
        [last] => (None, last.clone()),
        [middle, last] => (Some(middle.clone()), last.clone()),
        _ => return,
    };
    // An organization opening a cell, and the rest of the cell after it (a department is
    // skipped: `华海科技 研发中心 主任` has it as a column of its own, see below).
    let org_opening = |r: &Range<usize>| {
        inside(ms, r, Label::Organization)
            .into_iter()
            .find(|&o| ms[o].range.start == r.start)
    };
    let org_column = match &middle {
        None => None,
        Some(r) => match org_opening(r) {
            Some(o) if ms[o].range.end == r.end || is_department(&text[ms[o].range.end..r.end]) => {
                Some(o)
            }
            _ => return,
        },
    };
    let org_in_title = org_opening(&last);
    let mut pos = org_in_title.map_or(last.start, |o| ms[o].range.end);
    if let Some(o) = org_in_title {
        let first_role = ms[o + 1..]
            .iter()
            .take_while(|m| m.range.start < last.end)
            .find(|m| m.label == Label::Role)
            .map(|m| m.range.start);
        match first_role {
            Some(f) if f >= pos && f <= last.end => {
                let gap = &text[pos..f];
                // Session 25 (lead): a regional division between them (`德国X集团中国区总裁`)
                if !(gap.is_empty()
                    || ORG_GLUE.contains(&gap)
                    || is_department(gap)
                    || rules.role.is_status_word(gap)
                    || division_between(ms, text, pos, f))
                {
                    return;
                }
                pos = f;
            }
            _ => return,
        }
    } else if let Some(m) = ms.iter().skip(i + 1).find(|m| m.range.start >= last.start) {
        // a status word opening the title column (`原董事长`)
        let gap = text.get(last.start..m.range.start).unwrap_or("");
        if m.label == Label::Role && rules.role.is_status_word(gap) {
            pos = m.range.start;
        }
    }
    let k = ms.partition_point(|m| m.range.start < pos);
    let roles = roles_after(ms, text, k, pos);
    if roles.last().is_none_or(|&r| ms[r].range.end != last.end) {
        return;
    }
    let status = status_at(rules, text, &[ms[roles[0]].range.start]);
    out.push(Binding {
        person: i,
        roles,
        org: org_in_title.or(org_column),
        status,
        rule: COLUMNS,
    });
}

/// `position.filer`: bindings without an organization whose titles are all company offices
/// (`kind=executive` in `titles.txt`), in a document that defines a placeholder for the filer
/// and in a sentence that names no other organization, go to the filer.
fn filer_titles(rules: &Rules, ms: &[Mention], text: &str, bindings: &mut [Binding]) {
    let Some(filer) = ms.iter().position(|m| {
        m.label == Label::Organization && m.rule == crate::extract::org::ALIAS_PLACEHOLDER
    }) else {
        return;
    };
    // Sentences that name an organization other than the filer (one pass, not one per binding).
    // A government body (a regulator approving the appointment: 尚需经X监督管理总局核准) holds no
    // company office, so it leaves the filer's titles to the filer.
    let other_org: std::collections::HashSet<usize> = ms
        .iter()
        .filter(|m| m.label == Label::Organization && m.name != ms[filer].name)
        .filter(|m| {
            !matches!(
                m.attrs,
                Attrs::Org {
                    kind: crate::extract::OrgKind::Government
                }
            )
        })
        .map(|m| m.sentence)
        .collect();
    for b in bindings.iter_mut() {
        let sentence = ms[b.person].sentence;
        if b.org.is_some()
            || ![
                TITLE_BEFORE,
                TITLE_AFTER,
                BRACKET,
                APPOINTED,
                ASSIGNED,
                TITLE_IS,
            ]
            .contains(&b.rule)
            || other_org.contains(&sentence)
            // `该公司董事长某`: another company's post (position.anaphor)
            || b.roles
                .iter()
                .map(|&r| ms[r].range.start)
                .min()
                .is_some_and(|first| anaphor_before(text, first).is_some())
            || !b
                .roles
                .iter()
                .all(|&r| rules.role.kind_of(&title_of(&ms[r])) == Some("executive"))
        {
            continue;
        }
        b.org = Some(filer);
        b.rule = FILER;
    }
}

/// `position.company`: a binding without an organization whose company-office titles follow a
/// bare `公司`/`本公司` (`…。公司创始人兼首席执行官沈某表示`, also as the object of an
/// appointment verb: `X辞职后仍担任公司董事`) holds them at the company the
/// article is about — the nearest announcer before the title (`X公告`, an announcement's
/// title naming X), else the enterprise it names most often (the first of equals). Press
/// releases say 公司 for their subject without defining it (the filer rule needs the
/// definition); `子公司总经理`, `该公司` and government titles are left alone.
fn company_titles(rules: &Rules, ms: &[Mention], text: &str, bindings: &mut [Binding]) {
    let announcers = crate::extract::announcers(ms, text);
    let most_named = crate::extract::most_named_org(ms, |m| {
        matches!(
            m.attrs,
            Attrs::Org {
                kind: crate::extract::OrgKind::Enterprise
            }
        )
    });
    for b in bindings.iter_mut() {
        let Some(first) = b.roles.iter().map(|&r| ms[r].range.start).min() else {
            continue;
        };
        // the nearest announcer before the title, else the enterprise named most
        let Some(main) = announcers
            .iter()
            .rev()
            .find(|&&a| ms[a].range.start < first)
            .copied()
            .or(most_named)
        else {
            continue;
        };
        if b.org.is_some()
            || ![TITLE_BEFORE, APPOINTED, TITLE_IS].contains(&b.rule)
            || !b
                .roles
                .iter()
                .all(|&r| rules.role.kind_of(&title_of(&ms[r])) == Some("executive"))
        {
            continue;
        }
        let before = &text[..first];
        let Some(head) = before
            .strip_suffix("本公司")
            .or_else(|| before.strip_suffix("公司"))
        else {
            continue;
        };
        // `，公司董事长`, or the object of an appointment verb (`仍担任公司董事`) — not
        // `子公司总经理`, `该公司董事`
        if head
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
            || APPOINT_VERBS.iter().any(|(v, _)| head.ends_with(v))
        {
            b.org = Some(main);
            b.rule = COMPANY;
        }
    }
}

/// Words that point back to an organization named before (`该公司董事长某`), with the test an
/// organization must pass to be the one meant: 该公司 an enterprise, 该行 a bank or a branch
/// (the name ends in 行), 该集团 a group (集团 in the name).
/// Does an organization mention fit what an anaphor points to?
type Fits = fn(&Mention) -> bool;

const ANAPHORS: [(&str, Fits); 3] = [
    ("该公司", |m| {
        matches!(
            m.attrs,
            Attrs::Org {
                kind: crate::extract::OrgKind::Enterprise
            }
        )
    }),
    ("该行", |m| m.name.ends_with('行')),
    ("该集团", |m| m.name.contains("集团")),
];

/// The anaphor right before the title at `pos` (`该公司`, `该行`, `该集团`, 的 allowed): the test
/// of the organization it points to and the byte where the anaphor starts.
fn anaphor_before(text: &str, pos: usize) -> Option<(Fits, usize)> {
    let before = &text[..pos];
    let before = before.strip_suffix('的').unwrap_or(before);
    ANAPHORS
        .iter()
        .find(|(w, _)| before.ends_with(*w))
        .map(|(w, fits)| (*fits, before.len() - w.len()))
}

/// `position.anaphor`: a binding without an organization whose titles follow 该公司, 该行 or
/// 该集团 (`委派代表为该公司副总经理某`, `仍担任该公司董事`) holds them at the organization the
/// word points back to — when exactly one organization of the right kind is named before it in
/// the same or the previous sentence. Two candidates (`A公司与B公司签约。该公司董事长某`) leave
/// the post without an organization. The filer of a filing calls itself 公司, never 该公司, so
/// the organization a placeholder defines (`（以下简称“公司”）`) is no candidate.
fn anaphor_titles(ms: &[Mention], text: &str, bindings: &mut [Binding]) {
    let filer = ms
        .iter()
        .find(|m| {
            m.label == Label::Organization && m.rule == crate::extract::org::ALIAS_PLACEHOLDER
        })
        .map(|m| m.name.as_str());
    for b in bindings.iter_mut() {
        if b.org.is_some() {
            continue;
        }
        let Some(&first) = b.roles.iter().min_by_key(|&&r| ms[r].range.start) else {
            continue;
        };
        let Some((fits, anchor)) = anaphor_before(text, ms[first].range.start) else {
            continue;
        };
        let sentence = ms[first].sentence;
        let lo = ms.partition_point(|m| m.sentence + 1 < sentence);
        let hi = ms.partition_point(|m| m.range.start < anchor);
        let mut found: Option<usize> = None;
        let mut names = std::collections::BTreeSet::new();
        for (k, m) in ms.iter().enumerate().take(hi).skip(lo) {
            if m.label == Label::Organization
                && m.range.end <= anchor
                && fits(m)
                && filer != Some(m.name.as_str())
            {
                names.insert(m.name.as_str());
                found = Some(k);
            }
        }
        if names.len() > 1 {
            found = subject_candidate(ms, text, sentence, lo, hi, anchor, fits, filer);
        }
        if found.is_some() {
            b.org = found;
            b.rule = ANAPHOR;
        }
    }
}

/// Characters that join an organization to another one as a co-subject (`A与B签约`).
const CO_SUBJECT: [char; 6] = ['与', '和', '同', '及', '、', '跟'];

/// Longest adverbial (in characters, its comma included) that may open a sentence before its
/// subject (`3月5日，`, `据悉，`).
const MAX_OPENER: usize = 12;

/// Several organizations fit an anaphor (`星桥科技收购云帆电子。该公司董事长某`): 该公司 points
/// back to the subject of the sentence before — an organization that opens that sentence
/// (after a short adverbial and its comma at most) and is not joined by 与/和/、 to another
/// one (`A与B签约` has two subjects, and then no organization is meant); it must be one
/// organization. In the anaphor's own sentence a company named between its subject and 该公司
/// (`A公告，子公司B完成改选，某仍担任该公司董事`) leaves it ambiguous: no subject is taken there.
#[allow(clippy::too_many_arguments)]
fn subject_candidate(
    ms: &[Mention],
    text: &str,
    sentence: usize,
    lo: usize,
    hi: usize,
    anchor: usize,
    fits: Fits,
    filer: Option<&str>,
) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    let mut names = std::collections::BTreeSet::new();
    for (k, m) in ms.iter().enumerate().take(hi).skip(lo) {
        if m.label != Label::Organization
            || m.sentence + 1 != sentence
            || m.range.end > anchor
            || !fits(m)
            || filer == Some(m.name.as_str())
            || !opens_sentence(text, m.range.start)
            || text[m.range.end..]
                .chars()
                .next()
                .is_some_and(|c| CO_SUBJECT.contains(&c))
        {
            continue;
        }
        match best {
            Some((s, _)) if s > m.sentence => continue,
            Some((s, _)) if s == m.sentence => {}
            _ => names.clear(),
        }
        names.insert(m.name.as_str());
        best = Some((m.sentence, k));
    }
    best.filter(|_| names.len() == 1).map(|(_, k)| k)
}

/// Does the mention at `start` open its sentence: nothing before it since the sentence end,
/// or only a short adverbial closed by a comma (`近日，`)?
fn opens_sentence(text: &str, start: usize) -> bool {
    let before = &text[..start];
    let mut n = 0;
    for c in before.chars().rev() {
        if matches!(c, '。' | '！' | '？' | '!' | '?' | '\n' | '#') {
            break;
        }
        n += 1;
        if n > MAX_OPENER {
            return false;
        }
    }
    n == 0 || before.ends_with('，')
}

/// Is `s` nothing or only the marker of a list item (`1.`, `2、`, `（3）`, `-`, `•`)? A résumé
/// is often one item of a numbered list of people (`附：简历 1. 刘某，男，…`).
pub(crate) fn is_list_marker(s: &str) -> bool {
    let s = s
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）', '.', '、', '．']);
    s.is_empty()
        || matches!(s, "-" | "*" | "•" | "·" | "●" | "▪")
        || (s.chars().count() <= 3
            && s.chars()
                .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c)))
}

/// `刘某，男，1978 年出生，…曾任X公司技术总监、副总裁，…现任公司营销中心总经理。`: in the
/// paragraph of a person introduced with their sex, every clause that opens with an
/// appointment verb is that person's.
fn resume(ms: &[Mention], text: &str, i: usize, out: &mut Vec<Binding>) {
    let p = &ms[i];
    // Only a list marker or blanks between the line start and the name, read back from the
    // name (at most a few characters, so a person in the middle of a long line costs nothing).
    const MARKER_MAX: usize = 16;
    let mut before: Vec<char> = text[..p.range.start]
        .chars()
        .rev()
        .take_while(|&c| c != '\n')
        .take(MARKER_MAX + 1)
        .collect();
    let opens_item = if before.len() <= MARKER_MAX {
        before.reverse();
        is_list_marker(before.iter().collect::<String>().trim())
    } else {
        text[..p.range.start]
            .chars()
            .rev()
            .take_while(|&c| c != '\n')
            .all(char::is_whitespace)
    };
    if !opens_item || !resume_opens(&text[p.range.end..]) {
        return;
    }
    let mut line_end = text[p.range.end..]
        .find('\n')
        .map_or(text.len(), |n| p.range.end + n);
    // The résumé goes on in the next lines (blank lines between them allowed) that open with
    // an appointment verb, after a time phrase if any: `柏某，男，…。\n\n现任X行行长。曾任…`.
    loop {
        let rest = &text[line_end..];
        let ls = line_end + (rest.len() - rest.trim_start().len());
        if ls >= text.len() {
            break;
        }
        let le = text[ls..].find('\n').map_or(text.len(), |n| ls + n);
        let time = time_phrase(&text[ls..le]);
        if clause_verb(&text[ls + time..le], &CONTINUE_ADVERBS, true).is_none() {
            break;
        }
        line_end = le;
    }
    let mut at = p.range.end;
    // The status of the last verb clause: `曾任A行副行长，B行行长，` — a clause that is only
    // `[组织]职务` continues the verb's list until the sentence ends.
    let mut last: Option<PositionStatus> = None;
    while at < line_end {
        let Some(c) = text[at..line_end].chars().next() else {
            break;
        };
        at += c.len_utf8();
        // `曾任A所审计经理、B公司财务总监`: an organization after 、 continues the verb's list
        if c == '、' {
            if let Some(st) = last
                && let Some((roles, Some(org))) = verb_object(ms, text, i + 1, at)
            {
                out.push(Binding {
                    person: i,
                    roles,
                    org: Some(org),
                    status: st,
                    rule: RESUME,
                });
            }
            continue;
        }
        if !(CLAUSE_END.contains(&c) || c == '\n') {
            continue;
        }
        if c == '。' || c == '\n' {
            last = None;
        }
        // `2008 年至 2019 年历任…`, `2019 年 6 月起任…`: a time phrase before the verb
        let time = time_phrase(&text[at..line_end]);
        let (start, status, listed) =
            match clause_verb(&text[at + time..line_end], &CONTINUE_ADVERBS, true) {
                // `2006 年至 2015 年任X公司工程师`: a period that has ended is a former post
                Some((len, PositionStatus::Current)) if closed_period(&text[at..at + time]) => {
                    (at + time + len, PositionStatus::Former, false)
                }
                Some((len, st)) => (at + time + len, st, false),
                // `；前X公司总经理助理`: a clause of a post opened by a status word of the past
                // (its organization named: checked below)
                None => match (
                    RESUME_FORMER
                        .iter()
                        .find(|w| text[at + time..line_end].starts_with(**w)),
                    last,
                ) {
                    (Some(w), _) => (at + time + w.len(), PositionStatus::Former, true),
                    (None, Some(st)) => (at, st, true),
                    (None, None) => continue,
                },
            };
        match verb_object(ms, text, i + 1, start) {
            // a verb-less clause must name its organization
            Some((roles, org)) if !listed || org.is_some() => {
                last = Some(status);
                out.push(Binding {
                    person: i,
                    roles,
                    org,
                    status,
                    rule: RESUME,
                });
            }
            _ => last = None,
        }
    }
}

/// Status words of the past that may open a résumé clause of a post (`前X公司总经理助理`) or
/// an appositive (`X，前Y公司副总经理`).
const RESUME_FORMER: [&str; 2] = ["前", "原"];

/// Whether the text right after a name opens a résumé: its sex (`，男`), or an honorific, a
/// comma or colon and a birth year or a fact of birth (`先生，1970 年出生`, `女士：中国国籍`).
/// A board notice may head the résumé with the word itself, after the honorific or the bare
/// name (`某先生简历：男，1979 年出生`, `某个人简历：`); what follows must still be a fact of birth.
fn resume_opens(after: &str) -> bool {
    if RESUME_OPEN.iter().any(|o| after.starts_with(o)) {
        return true;
    }
    let honored = HONORIFICS.iter().find_map(|h| after.strip_prefix(*h));
    let headed = ["简历", "个人简历"]
        .iter()
        .find_map(|w| honored.unwrap_or(after).strip_prefix(*w));
    let Some(rest) = headed.or(honored) else {
        return false;
    };
    let Some(rest) = ['，', ',', '：', ':']
        .iter()
        .find_map(|c| rest.strip_prefix(*c))
    else {
        return false;
    };
    if rest.starts_with(['男', '女']) || RESUME_FACTS.iter().any(|w| rest.starts_with(*w)) {
        return true;
    }
    // `1970 年出生`, `1970年 5 月出生`, `1970 年生`
    let t = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '　');
    let digits = rest.len() - t.len();
    digits >= 4
        && t.starts_with('年')
        && t.split(['，', '。', ','])
            .next()
            .is_some_and(|c| c.ends_with("出生") || c.ends_with("年生") || c.ends_with("月生"))
}

/// `代理发言人由品牌部部长甲担任`, `其原任之研发处处长一职由副处长乙代理`: the title before `由`
/// is held by the person after it (with the person's own titles and organization between),
/// when a verb of [`ASSIGN_VERBS`] closes the clause. Status: `代理`/`代行` → acting, else a
/// status word before the title (`代理`, `原`), else the verb's.
fn assigned(rules: &Rules, ms: &[Mention], text: &str, i: usize, out: &mut Vec<Binding>) {
    let p = &ms[i];
    // the person's own `[org]title` before the name
    let mut start = p.range.start;
    let mut k = i;
    if let Some(&first) = roles_before(ms, text, i, start).last() {
        start = ms[first].range.start;
        k = first;
        if let Some(o) = org_before(rules, ms, text, first, start) {
            start = ms[o].range.start;
            k = o;
        }
    }
    // a status word of the person's own title (`由原副总经理某接任`)
    let back = |n: usize| text[..start].char_indices().rev().nth(n).map(|(b, _)| b);
    let lead = (0..2)
        .filter_map(back)
        .find(|&b| rules.role.is_status_word(&text[b..start]));
    if let Some(b) = lead {
        start = b;
    }
    let Some(before) = text[..start].strip_suffix('由') else {
        return;
    };
    let mut end = before.len();
    if let Some(w) = POST_WORDS.iter().find(|w| before.ends_with(**w)) {
        end -= w.len();
    }
    let Some(j) = ending_at(ms, text, k, end, Label::Role, &[]) else {
        return;
    };
    let mut after = p.range.end;
    if let Some(h) = HONORIFICS.iter().find(|h| text[after..].starts_with(**h)) {
        after += h.len();
    }
    let Some(&(_, verb_status)) = ASSIGN_VERBS
        .iter()
        .find(|(v, _)| text[after..].starts_with(*v))
    else {
        return;
    };
    let title_start = ms[j].range.start;
    let org = org_before(rules, ms, text, j, title_start);
    let status = if verb_status == PositionStatus::Acting {
        verb_status
    } else {
        rules
            .role
            .status_before(text, title_start)
            .unwrap_or(verb_status)
    };
    out.push(Binding {
        person: i,
        roles: vec![j],
        org,
        status,
        rule: ASSIGNED,
    });
}

/// Length in bytes of a time phrase opening `s` (`2008年至2019年`, `2019 年 6 月起`,
/// `2015 年至今`): digits, 年/月/日, 至/起/- and blanks, with at least one digit and ending in
/// 年, 月, 日, 起 or 今; 0 if none.
fn time_phrase(s: &str) -> usize {
    let mut end = 0;
    let mut digit = false;
    for (i, c) in s.char_indices() {
        if c.is_ascii_digit() || ('０'..='９').contains(&c) {
            digit = true;
        } else if matches!(c, '年' | '月' | '日' | '起' | '今') {
            if digit {
                end = i + c.len_utf8();
            }
        } else if !matches!(c, '至' | '-' | '—' | '～' | '~' | ' ' | '　') {
            break;
        }
    }
    end
}

/// Whether a time phrase is a period that has ended (`2006 年至 2015 年`, `2010-2012 年`), not
/// an open one (`2015 年至今`, `2019 年起`) or a point (`2019 年 6 月`).
fn closed_period(phrase: &str) -> bool {
    phrase.find(['至', '-', '—', '～', '~']).is_some_and(|n| {
        let tail = &phrase[n..];
        !tail.contains('今')
            && tail
                .chars()
                .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    })
}

/// Heads of a government (`市长`, `副区长`) are not posts of the party committee a title
/// chain starts with (`南昌市委书记、市长许某`: 书记 of the 市委, 市长 of the city government).
static GOVERNMENT_HEADS: WordList = WordList::new("words_position", "government_head");

/// Is `title` a head of government and `org` a party committee (`X市委`, `X区委`, `X党委`)?
/// An autonomous region's government is headed by a 主席 (`X自治区党委常委、副主席甲`: 常委 of
/// the committee, 副主席 of the region's government).
fn party_committee_with_executive_title(org: &str, title: &str) -> bool {
    org.ends_with('委')
        && (GOVERNMENT_HEADS.iter().any(|h| title.ends_with(h))
            || (title.ends_with("主席") && region_of_committee(org).is_some()))
}

/// The autonomous region of its party committee (`中共X自治区党委`, `X自治区委` → `X自治区`).
fn region_of_committee(org: &str) -> Option<&str> {
    let org = ["中国共产党", "中共"]
        .iter()
        .find_map(|p| org.strip_prefix(p))
        .unwrap_or(org);
    let place = org
        .strip_suffix("党委")
        .or_else(|| org.strip_suffix('委'))?;
    place.ends_with("自治区").then_some(place)
}

/// The names of the government of `place` (`常熟市` → `常熟市人民政府`, `常熟市政府`).
fn government_names(place: &str) -> [String; 2] {
    [format!("{place}人民政府"), format!("{place}政府")]
}

/// The government of the place of the party committee `ms[o]` (`钱塘区委` → a name ending in
/// `钱塘区人民政府` or `钱塘区政府`), if the document names it.
fn committee_government(ms: &[Mention], o: usize) -> Option<usize> {
    let place = match crate::extract::org::committee(&ms[o].name) {
        Some((committee, _)) => committee.strip_suffix('委')?,
        None => region_of_committee(&ms[o].name)?,
    };
    let wanted = government_names(place);
    ms.iter().position(|m| {
        m.label == Label::Organization && wanted.iter().any(|w| m.name.ends_with(w.as_str()))
    })
}

/// `上海市副市长甲` in a document that names `上海市人民政府`: the head of government before
/// the title is the city's, so the post is at that government (`广州市副市长` alone, with no
/// such organization in the document, stays a title without an organization). `roles` are the
/// titles before the person, nearest first; `first` the leftmost.
fn place_government(ms: &[Mention], text: &str, first: usize, roles: &[usize]) -> Option<usize> {
    let head = roles.iter().any(|&r| {
        GOVERNMENT_HEADS
            .iter()
            .any(|h| title_of(&ms[r]).ends_with(h))
    });
    if !head {
        return None;
    }
    let place = first
        .checked_sub(1)
        .map(|j| &ms[j])
        .filter(|p| p.label == Label::Location && p.range.end == ms[first].range.start);
    let Some(place) = place else {
        return bare_head_government(ms, text, first, roles);
    };
    let wanted = government_names(&text[place.range.clone()]);
    ms.iter()
        .position(|m| m.label == Label::Organization && wanted.contains(&m.name))
}

/// `市委副书记、市长 甲` as a line of a guest list, in a document that names one city
/// government (`合州市人民政府`): a head-of-government title with no place before it, opening
/// its line or clause, is that government's post. The level comes from the title (市长 → 市,
/// 副区长 → 区); with two governments of that level named, or none, the title stays bare.
fn bare_head_government(
    ms: &[Mention],
    text: &str,
    first: usize,
    roles: &[usize],
) -> Option<usize> {
    let before = text[..ms[first].range.start].trim_end_matches([' ', '　', '\t']);
    if !(before.is_empty() || before.ends_with(['\n', '，', '。', '；', '：', ':', '、'])) {
        return None;
    }
    // Every title must be a head of government of one level: a party title in the chain
    // (`市委副书记、市长`) is no post of the government.
    let levels: Vec<char> = roles
        .iter()
        .map(|&r| {
            let title = title_of(&ms[r]);
            GOVERNMENT_HEADS
                .iter()
                .find(|h| title.ends_with(**h))
                .and_then(|h| h.chars().next())
        })
        .collect::<Option<_>>()?;
    let level = *levels.first()?;
    if levels.iter().any(|&l| l != level) {
        return None;
    }
    let wanted = government_names(&level.to_string());
    let mut found: Option<usize> = None;
    for (k, m) in ms.iter().enumerate() {
        let named = m.label == Label::Organization
            && wanted
                .iter()
                .any(|w| m.name.len() > w.len() && m.name.ends_with(w.as_str()));
        if !named {
            continue;
        }
        match found {
            Some(f) if ms[f].name != m.name => return None,
            Some(_) => {}
            None => found = Some(k),
        }
    }
    found
}

/// Titles several people hold at once in one organization, so that a list of names after one
/// of them (`独立董事甲、乙`, `副总经理甲、乙`) shares it.
static SHARED_TITLES: WordList = WordList::new("words_position", "shared_title");

/// Titles one person holds in an organization although they end with a shared word
/// (`总工程师`, `主任委员`, `首席代表`).
static SOLE_TITLES: WordList = WordList::new("words_position", "sole_title");

/// Is `title` held by several people at once (a deputy `副…`, or a [`SHARED_TITLES`] word that
/// is no [`SOLE_TITLES`] head post)? A head post (书记, 市长, 董事长, 总经理, 院长 …) is not.
fn shared_title(title: &str) -> bool {
    title.starts_with('副')
        || (!SOLE_TITLES.contains(&title) && SHARED_TITLES.iter().any(|t| title.ends_with(t)))
}

/// The title a role mention stands for (`Attrs::Role`), else its name.
pub(crate) fn title_of(m: &Mention) -> String {
    match &m.attrs {
        Attrs::Role { title } => title.clone(),
        _ => m.name.clone(),
    }
}

/// Add HAS_ROLE and HOLDS_POSITION relations for every person bound to a title.
pub fn extract_positions(doc: &mut AnnotatedDoc, rules: &Rules) {
    let text = doc.text();
    let ms = &doc.mentions;
    let ix = Index::new(ms, text);
    let mut bindings = Vec::new();
    for (i, m) in ms.iter().enumerate() {
        if m.label == Label::Person {
            bind(rules, ms, text, &ix, i, &mut bindings);
            title_is(rules, ms, text, i, &mut bindings);
            bracket(rules, ms, text, i, &mut bindings);
            resume(ms, text, i, &mut bindings);
            elided_subject(ms, text, &ix, i, &mut bindings);
            // (a full-width space after the person, which normalization removed, is a gap)
            let gap_after = crate::extract::column_gap(doc, m.range.end);
            column_row(rules, ms, text, gap_after, i, &mut bindings);
            assigned(rules, ms, text, i, &mut bindings);
        }
    }
    list_carry(rules, ms, text, &mut bindings);
    filer_titles(rules, ms, text, &mut bindings);
    company_titles(rules, ms, text, &mut bindings);
    anaphor_titles(ms, text, &mut bindings);
    table_rows(ms, text, &mut bindings);
    card_rows(ms, text, &mut bindings);
    signature_rows(ms, text, &mut bindings);
    let mut rels: Vec<Relation> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for b in bindings {
        let p = &ms[b.person];
        let mut span: Range<usize> = p.range.clone();
        // (An organization in another sentence — the filer, the article's company — is not
        // part of this sentence's evidence.)
        let org_here = b.org.filter(|&o| ms[o].sentence == p.sentence);
        for &r in b.roles.iter().chain(org_here.iter()) {
            span.start = span.start.min(ms[r].range.start);
            span.end = span.end.max(ms[r].range.end);
        }
        let ev = Evidence::new(p.sentence, span, b.rule);
        // The nearest title is the one held at the organization (`党委书记、董事长`: both).
        for &r in &b.roles {
            let title = title_of(&ms[r]);
            if seen.insert((RelType::HasRole, b.person, r, title.clone())) {
                rels.push(Relation {
                    rel: RelType::HasRole,
                    from: NodeRef::Mention(b.person),
                    to: NodeRef::Mention(r),
                    props: RelProps {
                        title: Some(title.clone()),
                        ..RelProps::default()
                    },
                    evidence: ev.clone(),
                });
            }
            // A head of government after a party committee's titles is the government's
            // (`常熟市委副书记、市长甲` … `常熟市人民政府`), when the document names it.
            let org = match b.org {
                Some(o) if party_committee_with_executive_title(&ms[o].text, &title) => {
                    committee_government(ms, o)
                }
                org => org,
            };
            if let Some(o) = org
                && seen.insert((RelType::HoldsPosition, b.person, o, title.clone()))
            {
                rels.push(Relation {
                    rel: RelType::HoldsPosition,
                    from: NodeRef::Mention(b.person),
                    to: NodeRef::Mention(o),
                    props: RelProps {
                        title: Some(title),
                        status: Some(b.status),
                        ..RelProps::default()
                    },
                    evidence: ev.clone(),
                });
            }
        }
    }
    org_heads(rules, ms, text, &mut rels);
    doc.relations.extend(rels);
}

/// `position.org_head`: `外交部长王某` — the organization mention took `外交部`, leaving the `长`
/// of the title `部长`, and the person follows right after it (person.title_before reads the
/// name from the left-over 长). The person holds that title (the organization's last
/// character + 长, when it is a title: 部长, 局长, 厅长, 署长) at that organization.
fn org_heads(rules: &Rules, ms: &[Mention], text: &str, rels: &mut Vec<Relation>) {
    for (i, p) in ms.iter().enumerate() {
        if p.label != Label::Person || i == 0 {
            continue;
        }
        let Some(head) = text[..p.range.start].strip_suffix('长') else {
            continue;
        };
        let o = &ms[i - 1];
        if o.label != Label::Organization || o.range.end != head.len() {
            continue;
        }
        let Some(c) = text[o.range.clone()].chars().next_back() else {
            continue;
        };
        let title = format!("{c}长");
        if !rules.role.is_title(&title) {
            continue;
        }
        let status = status_at(rules, text, &[o.range.start]);
        rels.push(Relation {
            rel: RelType::HoldsPosition,
            from: NodeRef::Mention(i),
            to: NodeRef::Mention(i - 1),
            props: RelProps {
                title: Some(title),
                status: Some(status),
                ..RelProps::default()
            },
            evidence: Evidence::new(p.sentence, o.range.start..p.range.end, ORG_HEAD),
        });
    }
}

/// The levels of a bare head title read by [`city_heads`]: the character a place of that level
/// ends with (`临江市`), which also opens the bare title (`市委书记`, `市长`).
const CITY_LEVELS: [char; 4] = ['省', '市', '县', '区'];

/// The longest bare head title [`city_heads`] reads, in characters (`常务副市长`, `市委副书记`).
const MAX_CITY_TITLE: usize = 6;

/// A place's name without the larger places written before it (`广东省临江市` → `临江市`;
/// a province keeps its name).
fn city_stem(name: &str, level: char) -> &str {
    if level == '省' {
        return name;
    }
    let cut = ["自治区", "省"]
        .iter()
        .filter_map(|w| name.rfind(*w).map(|k| k + w.len()))
        .max()
        .unwrap_or(0);
    match name.get(cut..) {
        Some(rest) if rest.chars().count() >= 2 => rest,
        _ => name,
    }
}

/// The one place of `level` the document names: its Location mentions and the places its
/// party committees and governments are named after (`临江市委`, `临江市人民政府`). Two
/// different places of that level, or none, name no city.
fn one_city(ms: &[Mention], level: char) -> Option<String> {
    let mut found: Option<String> = None;
    for m in ms {
        let place = match m.label {
            Label::Location => Some(m.name.as_str()),
            Label::Organization => {
                let n = ["中国共产党", "中共"]
                    .iter()
                    .find_map(|p| m.name.strip_prefix(p))
                    .unwrap_or(&m.name);
                ["人民政府", "政府", "党委", "委"]
                    .iter()
                    .find_map(|w| n.strip_suffix(*w))
            }
            _ => None,
        };
        // (`长三角地区`, `华东地区`: a region, no district with a government)
        let Some(place) =
            place.filter(|p| p.ends_with(level) && p.chars().count() >= 3 && !p.ends_with("地区"))
        else {
            continue;
        };
        let stem = city_stem(place, level);
        match &found {
            Some(f) if f != stem => return None,
            Some(_) => {}
            None => found = Some(stem.to_string()),
        }
    }
    found
}

/// Does the bare title starting at `start` stand free: at the text's or a line's start, after
/// punctuation or a space, or after another title of a chain (`市委副书记、市长`)? `ri` is the
/// title's mention (the mentions before it are in text order).
fn bare_title_start(ms: &[Mention], text: &str, start: usize, ri: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '　', '\t']);
    match before.chars().next_back() {
        None => true,
        Some(c) => {
            !c.is_alphanumeric()
                || ms[..ri]
                    .iter()
                    .rev()
                    .take(3)
                    .any(|m| m.label == Label::Role && m.range.end == before.len())
        }
    }
}

/// `position.city_head`: in an article about one city (`临江市召开…。市委书记甲，市委副书记、
/// 市长乙出席`) a bare head title is that city's: `市委` + a title (`市委书记`, `市委副书记`,
/// `市委常委`) is held at the city's party committee `{city}委` (the title without 市委:
/// 书记, as `临江市委书记甲` is read), a head of government (`市长`, `副市长`, `常务副市长`) at
/// its government `{city}人民政府`; the same for 省, 县 and 区. The city is the one place of
/// that level the document names (as a place or in a committee's or government's name; two
/// places of the level name none). An organization of that name in the document is used;
/// otherwise the organization is made, as a mention of this rule over the title (not a span
/// of the text: the NER evals skip it). Titles with a place or organization glued before them,
/// and people who already hold the title somewhere, are left alone. Runs after the events
/// (the new mentions are appended, so existing indices stay valid).
pub fn city_heads(doc: &mut AnnotatedDoc, rules: &Rules) {
    let text = doc.norm.text.as_str();
    let ms = &doc.mentions;
    let held: std::collections::HashSet<(usize, String)> = doc
        .relations
        .iter()
        .filter(|r| r.rel == RelType::HoldsPosition)
        .filter_map(|r| match r.from {
            NodeRef::Mention(p) => Some((p, r.props.title.clone().unwrap_or_default())),
            NodeRef::Event(_) => None,
        })
        .collect();
    // (person, role mention, organization name, title held, government?)
    let mut found: Vec<(usize, usize, String, String, bool)> = Vec::new();
    let mut cities: Vec<(char, Option<String>)> = Vec::new();
    for r in &doc.relations {
        let (RelType::HasRole, NodeRef::Mention(p), NodeRef::Mention(ri)) = (r.rel, r.from, r.to)
        else {
            continue;
        };
        let role = &ms[ri];
        let title = title_of(role);
        if title.chars().count() > MAX_CITY_TITLE || held.contains(&(p, title.clone())) {
            continue;
        }
        let written = &text[role.range.clone()];
        // `市委书记` (the committee inside the title) or `市委|副书记` (before it, unread)
        let (level, rest, start) = match written.char_indices().nth(1) {
            Some((k, '委'))
                if CITY_LEVELS.contains(&written.chars().next().unwrap_or(' '))
                    && written.len() > k + '委'.len_utf8() =>
            {
                let level = written.chars().next().unwrap_or(' ');
                (
                    level,
                    title
                        .strip_prefix(&written[..k + '委'.len_utf8()])
                        .map(str::to_string),
                    role.range.start,
                )
            }
            _ => {
                let before = &text[..role.range.start];
                match before.strip_suffix('委').and_then(|b| {
                    let c = b.chars().next_back()?;
                    CITY_LEVELS
                        .contains(&c)
                        .then_some((c, b.len() - c.len_utf8()))
                }) {
                    Some((c, s)) if ri == 0 || ms[ri - 1].range.end <= s => {
                        (c, Some(title.clone()), s)
                    }
                    _ => {
                        let head = GOVERNMENT_HEADS.iter().find(|h| title.ends_with(**h));
                        match head.and_then(|h| h.chars().next()) {
                            Some(c) if CITY_LEVELS.contains(&c) => (c, None, role.range.start),
                            _ => continue,
                        }
                    }
                }
            }
        };
        if !bare_title_start(ms, text, start, ri) {
            continue;
        }
        let city = match cities.iter().find(|(l, _)| *l == level) {
            Some((_, c)) => c.clone(),
            None => {
                let c = one_city(ms, level);
                cities.push((level, c.clone()));
                c
            }
        };
        let Some(city) = city else { continue };
        match rest {
            Some(held_title) if !held_title.is_empty() => {
                if held.contains(&(p, held_title.clone())) {
                    continue;
                }
                found.push((p, ri, format!("{city}委"), held_title, false));
            }
            Some(_) => {}
            None => found.push((p, ri, format!("{city}人民政府"), title, true)),
        }
    }
    if found.is_empty() {
        return;
    }
    // the organization of each name: one the document names, else one made once
    let mut orgs: Vec<(String, usize)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (p, ri, name, title, government) in found {
        if !seen.insert((p, name.clone(), title.clone())) {
            continue;
        }
        let o = match orgs.iter().find(|(n, _)| *n == name) {
            Some(&(_, o)) => o,
            None => {
                let named = doc.mentions.iter().position(|m| {
                    m.label == Label::Organization
                        && (m.name == name
                            || (government
                                && m.name
                                    == format!("{}政府", &name[..name.len() - "人民政府".len()]))
                            || (!government
                                && ["中共", "中国共产党"]
                                    .iter()
                                    .any(|pre| m.name.strip_prefix(pre) == Some(name.as_str()))))
                });
                let o = named.unwrap_or_else(|| {
                    let role = &doc.mentions[ri];
                    let m = Mention {
                        label: Label::Organization,
                        range: role.range.clone(),
                        sentence: role.sentence,
                        rule: CITY_HEAD,
                        attrs: Attrs::Org {
                            kind: crate::extract::OrgKind::Government,
                        },
                        text: name.clone(),
                        name: name.clone(),
                        start: 0,
                        end: 0,
                    };
                    doc.mentions.push(m);
                    doc.mentions.len() - 1
                });
                orgs.push((name.clone(), o));
                o
            }
        };
        let (pm, rm) = (&doc.mentions[p], &doc.mentions[ri]);
        let span = pm.range.start.min(rm.range.start)..pm.range.end.max(rm.range.end);
        let status = status_at(rules, doc.norm.text.as_str(), &[rm.range.start]);
        doc.relations.push(Relation {
            rel: RelType::HoldsPosition,
            from: NodeRef::Mention(p),
            to: NodeRef::Mention(o),
            props: RelProps {
                title: Some(title),
                status: Some(status),
                ..RelProps::default()
            },
            evidence: Evidence::new(pm.sentence, span, CITY_HEAD),
        });
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_word_list_has_words() {
        let lists: [&crate::rules::WordList; 15] = [
            &super::BODY_WORDS,
            &super::SUBSIDIARY_WORDS,
            &super::SUBSIDIARY_PARENTS,
            &super::LIST_INTROS,
            &super::POST_WORDS,
            &super::CONTINUE_ADVERBS,
            &super::ELIDED_ADVERBS,
            &super::NAME_HEADERS,
            &super::UNIT_HEADERS,
            &super::TITLE_HEADERS,
            &super::UNIT_TITLE_HEADERS,
            &super::GOVERNMENT_HEADS,
            &super::SHARED_TITLES,
            &super::SOLE_TITLES,
            &super::HONORIFICS,
        ];
        crate::rules::WordList::assert_all_have_words(&lists);
    }

    use super::*;

    /// (rel, person, target, title, status) for every relation of a text.
    fn rels(text: &str) -> Vec<(String, String, String, String, String)> {
        let doc = crate::read::from_bytes("t", "t", text.as_bytes()).expect("utf-8");
        let ex = crate::extract::process(&doc, Rules::builtin());
        let name = |n: &NodeRef| match n {
            NodeRef::Mention(i) => ex.mentions[*i].name.clone(),
            NodeRef::Event(i) => format!("event{i}"),
        };
        let mut v: Vec<_> = ex
            .relations
            .iter()
            .filter(|r| matches!(r.rel, RelType::HasRole | RelType::HoldsPosition))
            .map(|r| {
                (
                    r.rel.as_str().to_string(),
                    name(&r.from),
                    name(&r.to),
                    r.props.title.clone().unwrap_or_default(),
                    r.props.status.map(|s| s.as_str()).unwrap_or("").to_string(),
                )
            })
            .collect();
        // (the appointment event may state the same HOLDS_POSITION again)
        v.sort();
        v.dedup();
        v
    }

    fn t(a: &str, b: &str, c: &str, d: &str, e: &str) -> (String, String, String, String, String) {
        (a.into(), b.into(), c.into(), d.into(), e.into())
    }

    #[test]
    fn bare_head_titles_in_a_one_city_article_are_the_citys() {
        let got = rels("临江市召开经济工作会议。市委书记祁明远，市委副书记、市长蒋书航出席。");
        for want in [
            t("HOLDS_POSITION", "祁明远", "临江市委", "书记", "current"),
            t("HOLDS_POSITION", "蒋书航", "临江市委", "副书记", "current"),
            t(
                "HOLDS_POSITION",
                "蒋书航",
                "临江市人民政府",
                "市长",
                "current",
            ),
        ] {
            assert!(got.contains(&want), "{want:?} not in {got:?}");
        }
        // the government the document names is used; a district's head is the district's
        let got = rels("临江市人民政府主办。副市长祁明远，沣溪区区长蒋书航出席。区长蒋书航致辞。");
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "祁明远",
                "临江市人民政府",
                "副市长",
                "current"
            )),
            "{got:?}"
        );
        // two cities, or none: no organization
        let got = rels("临江市与青州市签署协议。市委书记祁明远出席。");
        assert!(!got.iter().any(|r| r.0 == "HOLDS_POSITION"), "{got:?}");
        let got = rels("市委书记祁明远出席会议。");
        assert!(!got.iter().any(|r| r.0 == "HOLDS_POSITION"), "{got:?}");
        // a title glued to another word is not bare
        let got = rels("临江市召开会议。该公司市长办主任祁明远出席。");
        assert!(!got.iter().any(|r| r.2.ends_with("人民政府")), "{got:?}");
    }

    #[test]
    fn a_table_column_of_unit_and_title() {
        let text = "| 角色 | 姓名 | 单位及职务 |\n| --- | --- | --- |\n| 嘉宾 | 车立伟 | 成都农商银行副行长 |\n";
        assert!(rels(text).contains(&t(
            "HOLDS_POSITION",
            "车立伟",
            "成都农商银行",
            "副行长",
            "current"
        )));
        // the title of another column (a referee in 备注) is not the row person's
        let other = "| 角色 | 姓名 | 备注 |\n| --- | --- | --- |\n| 嘉宾 | 车立伟 | 由成都农商银行副行长推荐 |\n";
        assert!(
            !rels(other)
                .iter()
                .any(|r| r.0 == "HOLDS_POSITION" && r.1 == "车立伟")
        );
    }

    #[test]
    fn a_department_between_a_company_and_the_title() {
        let holds = |text: &str| -> Vec<(String, String, String)> {
            rels(text)
                .into_iter()
                .filter(|r| r.0 == "HOLDS_POSITION")
                .map(|r| (r.1, r.2, r.3))
                .collect()
        };
        let one = |p: &str, o: &str, t: &str| vec![(p.into(), o.into(), t.into())];
        // a unit the role family leaves out of the title (事业群) sits between them
        assert_eq!(
            holds("青禾集团消费者业务事业群总裁沈立表示，订单增加。"),
            one("沈立", "青禾集团", "总裁")
        );
        // a department of the government kind after a company suffix is the company's unit
        assert_eq!(
            holds("长丰精密有限公司生产部经理沈立表示，订单增加。"),
            one("沈立", "长丰精密有限公司", "生产部经理")
        );
        // a function character makes the gap a clause: no post at the organization
        assert!(
            !holds("青禾集团在研究院院长沈立陪同下参观。")
                .iter()
                .any(|h| h.1 == "青禾集团")
        );
    }

    #[test]
    fn an_organization_that_took_the_head_of_the_title() {
        let holds = |text: &str| -> Vec<(String, String, String, String)> {
            rels(text)
                .into_iter()
                .filter(|r| r.0 == "HOLDS_POSITION")
                .map(|r| (r.1, r.2, r.3, r.4))
                .collect()
        };
        let one =
            |p: &str, o: &str, t: &str, s: &str| vec![(p.into(), o.into(), t.into(), s.into())];
        assert_eq!(
            holds("外交部长王建国会见了代表团。"),
            one("王建国", "外交部", "部长", "current")
        );
        assert_eq!(
            holds("原外交部长王建国出席论坛。"),
            one("王建国", "外交部", "部长", "former")
        );
        // no person after the 长, or a title of its own after the organization
        assert!(holds("外交部长期以来支持这项工作。").is_empty());
        assert_eq!(
            holds("外交部副部长王建国出席。"),
            one("王建国", "外交部", "副部长", "current")
        );
    }

    #[test]
    fn org_title_person() {
        assert_eq!(
            rels("中国联通董事长王建国出席。"),
            vec![
                t("HAS_ROLE", "王建国", "董事长", "董事长", ""),
                t("HOLDS_POSITION", "王建国", "中国联通", "董事长", "current"),
            ]
        );
    }

    #[test]
    fn a_note_in_brackets_between_organization_and_title() {
        let holds = |text: &str| -> Vec<(String, String)> {
            rels(text)
                .into_iter()
                .filter(|r| r.0 == "HOLDS_POSITION")
                .map(|r| (r.1, r.2))
                .collect()
        };
        let pair = |p: &str, o: &str| vec![(p.to_string(), o.to_string())];
        // the rest of an alias definition: the alias stands for the full name
        assert_eq!(
            holds("青岚材料科技股份有限公司（以下简称“青岚材料”）董事长周振宇表示。"),
            pair("周振宇", "青岚材料科技股份有限公司")
        );
        assert_eq!(
            holds(
                "青岚材料科技股份有限公司（以下简称“青岚材料”，股票代码：600123）总经理周振宇表示。"
            ),
            pair("周振宇", "青岚材料科技股份有限公司")
        );
        // a whole note with no mention inside
        assert_eq!(
            holds("青岚材料科技股份有限公司（股票代码：600123）总经理周振宇表示。"),
            pair("周振宇", "青岚材料科技股份有限公司")
        );
        // not: an organization inside the brackets, a note with a sentence, a long note
        assert!(holds("青岚材料科技股份有限公司（远川集团的子公司）董事长周振宇表示。").is_empty());
        assert!(holds("青岚材料科技股份有限公司（详见公告。）董事长周振宇表示。").is_empty());
        assert!(
            holds("青岚材料科技股份有限公司（成立于二十年前，主要从事新能源材料的研发、生产与销售业务，总部位于江苏）董事长周振宇表示。")
                .is_empty()
        );
    }

    #[test]
    fn a_full_width_space_after_the_person_is_a_column_gap() {
        // normalization removes the full-width space; the original layout still has it
        let got = rels(
            "出席嘉宾：\n\n韩立舟\u{3000}苏州市人民政府副市长\n常沐阳\u{3000}青柚资本管理有限公司合伙人\n",
        );
        for want in [
            t(
                "HOLDS_POSITION",
                "韩立舟",
                "苏州市人民政府",
                "副市长",
                "current",
            ),
            t(
                "HOLDS_POSITION",
                "常沐阳",
                "青柚资本管理有限公司",
                "合伙人",
                "current",
            ),
        ] {
            assert!(got.contains(&want), "{want:?} not in {got:?}");
        }
        // running text with no gap after the name binds by the other rules only
        assert!(
            !rels("韩立舟苏州市人民政府副市长\n")
                .iter()
                .any(|r| r.1 == "韩立舟" && r.2 == "苏州市人民政府")
        );
    }

    #[test]
    fn list_columns_bind_name_organization_and_titles() {
        let got = rels(
            "出席名单：\n1. 刘德明  华海科技股份有限公司  董事长\n王\u{3000}伟\t远景能源集团\t原总经理\n孙立军  上海交通大学电子信息学院院长、教授\n",
        );
        for want in [
            t(
                "HOLDS_POSITION",
                "刘德明",
                "华海科技股份有限公司",
                "董事长",
                "current",
            ),
            t("HOLDS_POSITION", "王伟", "远景能源集团", "总经理", "former"),
            t(
                "HOLDS_POSITION",
                "孙立军",
                "上海交通大学电子信息学院",
                "院长",
                "current",
            ),
            t(
                "HOLDS_POSITION",
                "孙立军",
                "上海交通大学电子信息学院",
                "教授",
                "current",
            ),
        ] {
            assert!(got.contains(&want), "{want:?} not in {got:?}");
        }
        // a regional division between the company and the title (session 25)
        let got = rels("嘉宾：\n柯望舒\u{3000}德国星澜集团中国区总裁\n");
        let want = t(
            "HOLDS_POSITION",
            "柯望舒",
            "德国星澜集团",
            "总裁",
            "current",
        );
        assert!(got.contains(&want), "{want:?} not in {got:?}");
        // a place or a remark as the middle column, a title not ending the line, a name that
        // does not open it, a place with no division word before the title: nothing
        for text in [
            "钱小红  星澜集团中国市场总裁\n",
            "钱小红  北京  代表\n",
            "钱小红  华海科技股份有限公司  董事长致辞\n",
            "会议期间  钱小红  董事长\n",
        ] {
            assert!(
                !rels(text).iter().any(|r| r.1 == "钱小红"),
                "{text}: {:?}",
                rels(text)
            );
        }
    }

    #[test]
    fn title_without_org_and_title_after() {
        assert_eq!(
            rels("知名经济学家叶明表示"),
            vec![t("HAS_ROLE", "叶明", "经济学家", "经济学家", "")]
        );
        assert_eq!(
            rels("刘晓峰董事长在会上致辞。"),
            vec![t("HAS_ROLE", "刘晓峰", "董事长", "董事长", "")]
        );
    }

    #[test]
    fn an_appositive_is_no_appositive_when_more_han_text_follows_its_titles() {
        // (session 26) a name the person family missed follows the titles: they are its
        let missed = holds("市长钟立行，星澄控股集团有限公司董事长兼总裁邗振宇出席。\n");
        assert!(
            !missed
                .iter()
                .any(|(_, o, _, _)| o == "星澄控股集团有限公司"),
            "{missed:?}"
        );
        // an appositive closed by a comma or followed by a speech verb still binds
        for text in [
            "王建国，星澄控股集团有限公司董事长，出席了会议。\n",
            "王建国，星澄控股集团有限公司董事长表示，项目进展顺利。\n",
        ] {
            assert!(
                holds(text).contains(&h("王建国", "星澄控股集团有限公司", "董事长", "current")),
                "{text}: {:?}",
                holds(text)
            );
        }
    }

    #[test]
    fn a_title_glued_to_the_next_name_is_that_names() {
        // `记者A 通讯员B`: 通讯员 is B's, not A's.
        let v = rels("青禾集团今日发布新品。（记者王晓东 通讯员李一凡）");
        assert!(
            v.contains(&t("HAS_ROLE", "王晓东", "记者", "记者", "")),
            "{v:?}"
        );
        assert!(
            v.contains(&t("HAS_ROLE", "李一凡", "通讯员", "通讯员", "")),
            "{v:?}"
        );
        assert!(
            !v.iter().any(|r| r.1 == "王晓东" && r.3 == "通讯员"),
            "{v:?}"
        );
        // A title after a name that no other name follows stays the name's.
        assert_eq!(
            rels("刘晓峰董事长、李一凡总经理出席。")
                .into_iter()
                .filter(|r| r.0 == "HAS_ROLE")
                .collect::<Vec<_>>(),
            vec![
                t("HAS_ROLE", "刘晓峰", "董事长", "董事长", ""),
                t("HAS_ROLE", "李一凡", "总经理", "总经理", ""),
            ]
        );
    }

    /// (person, org, title, status) of every HOLDS_POSITION of a text.
    fn holds(text: &str) -> Vec<(String, String, String, String)> {
        rels(text)
            .into_iter()
            .filter(|r| r.0 == "HOLDS_POSITION")
            .map(|r| (r.1, r.2, r.3, r.4))
            .collect()
    }

    fn h(p: &str, o: &str, t: &str, s: &str) -> (String, String, String, String) {
        (p.into(), o.into(), t.into(), s.into())
    }

    #[test]
    fn former_posts_told_by_a_status_word_a_past_adverb_or_a_closed_period() {
        // (session 24) 前/原 before the organization, in a résumé clause or an appositive
        let text = "附：简历\n邰正川，男，1976 年出生，本科学历。曾任澄岭动力科技股份有限公司副总经理；前汇屿重工集团有限公司总经理助理。\n";
        let got = holds(text);
        assert!(got.contains(&h("邰正川", "汇屿重工集团有限公司", "总经理助理", "former")));
        assert!(got.contains(&h(
            "邰正川",
            "澄岭动力科技股份有限公司",
            "副总经理",
            "former"
        )));
        let got = holds("李向东，前星海电子股份有限公司副总经理，出席了会议。");
        assert!(got.contains(&h("李向东", "星海电子股份有限公司", "副总经理", "former")));
        // a time phrase between the person and the verb
        let got = holds("周德林2016 年至 2019 年曾任蓝湾控股有限公司证券事务代表。");
        assert!(got.contains(&h("周德林", "蓝湾控股有限公司", "证券事务代表", "former")));
        let got = holds("周德林2016 年至 2019 年任蓝湾控股有限公司董事会秘书。");
        assert!(got.contains(&h("周德林", "蓝湾控股有限公司", "董事会秘书", "former")));
        let got = holds("周德林2019 年起任蓝湾控股有限公司董事会秘书。");
        assert!(got.contains(&h("周德林", "蓝湾控股有限公司", "董事会秘书", "current")));
        // an adverb of the past before the verb
        let got = holds("赵明川此前担任蓝湾控股有限公司财务部经理。");
        assert!(got.contains(&h("赵明川", "蓝湾控股有限公司", "财务部经理", "former")));
        let got = holds("赵明川曾担任蓝湾控股有限公司总经理。");
        assert!(got.contains(&h("赵明川", "蓝湾控股有限公司", "总经理", "former")));
        // no verb after the adverb, or a current post: nothing former
        let got = rels("赵明川此前表示，蓝湾控股有限公司经营稳定。");
        assert!(got.iter().all(|r| r.1 != "赵明川"));
        let got = holds("赵明川继续担任蓝湾控股有限公司总经理。");
        assert!(got.contains(&h("赵明川", "蓝湾控股有限公司", "总经理", "current")));
    }

    #[test]
    fn a_subsidiary_after_the_filers_placeholder_holds_the_title() {
        // (session 24) the placeholder 公司 is a mention: the subsidiary after its
        // descriptor is where the post is held
        let text = "青屿精工股份有限公司（以下简称“公司”）董事会收到辞职报告。闵晓岑女士辞去副总经理职务，辞职后仍担任公司全资子公司青屿精密模具有限公司执行董事。\n";
        let got = holds(text);
        assert!(got.contains(&h("闵晓岑", "青屿精密模具有限公司", "执行董事", "current")));
        assert!(!got.contains(&h("闵晓岑", "青屿精工股份有限公司", "执行董事", "current")));
    }

    #[test]
    fn a_resume_goes_on_in_the_next_lines_that_open_with_an_appointment_verb() {
        // (session 26) the posts of a profile stand in the next paragraph
        let text = "苗启航，男，1971 年出生，经济学博士。\n\n现任南溪银行股份有限公司行长。曾任西垣证券副总裁，北陌信托董事长等职。\n";
        let got = holds(text);
        for want in [
            h("苗启航", "南溪银行股份有限公司", "行长", "current"),
            h("苗启航", "西垣证券", "副总裁", "former"),
            h("苗启航", "北陌信托", "董事长", "former"),
        ] {
            assert!(got.contains(&want), "{want:?} not in {got:?}");
        }
        // a line that opens with anything else ends the résumé: its posts are nobody's
        let ended =
            "苗启航，男，1971 年出生。\n\n据悉，现任南溪银行股份有限公司行长的人已经离职。\n";
        assert!(holds(ended).is_empty(), "{:?}", holds(ended));
    }

    #[test]
    fn a_resume_opened_by_an_honorific_and_a_birth_year() {
        let text = "范文韬先生，1968 年出生，硕士研究生学历。2004 年至 2012 年任远川精工有限公司工程师，2012 年至今任北陌集团副总经理，曾任南溪银行行长、西垣证券董事长。\n";
        let got = holds(text);
        for want in [
            h("范文韬", "远川精工有限公司", "工程师", "former"),
            h("范文韬", "北陌集团", "副总经理", "current"),
            h("范文韬", "南溪银行", "行长", "former"),
            h("范文韬", "西垣证券", "董事长", "former"),
        ] {
            assert!(got.contains(&want), "{want:?} not in {got:?}");
        }
        // other openings: a colon and 中国国籍
        let colon = "梅若岚女士：中国国籍，2010 年至 2016 年任北陌集团财务总监。\n";
        assert!(holds(colon).contains(&h("梅若岚", "北陌集团", "财务总监", "former")));
        // not a résumé: no birth or nationality after the honorific — the clause after the
        // first sentence is nobody's
        let plain = "范文韬先生，感谢各位到场。2004 年至 2012 年任远川精工有限公司工程师。\n";
        assert!(holds(plain).is_empty(), "{:?}", holds(plain));
    }

    #[test]
    fn resume_openings_and_periods() {
        assert!(resume_opens("先生，1970 年出生，"));
        assert!(resume_opens("女士，1975年5月生，"));
        assert!(resume_opens("先生：中国国籍，"));
        assert!(resume_opens("，男，汉族"));
        assert!(!resume_opens("先生，1970 年加入公司，"));
        assert!(!resume_opens("先生表示，"));
        // a résumé headed by the word itself, after the honorific or the bare name
        assert!(resume_opens("先生简历：男，1979 年出生，"));
        assert!(resume_opens("女士简历：1982 年出生，"));
        assert!(resume_opens("个人简历：女，汉族，"));
        assert!(!resume_opens("先生简历：详见附件。"));
        assert!(!resume_opens("简历显示，"));
        assert!(closed_period("2006 年至 2015 年"));
        assert!(closed_period("2010-2012年"));
        assert!(!closed_period("2015 年至今"));
        assert!(!closed_period("2019 年 6 月起"));
        assert!(!closed_period("2019 年"));
        assert_eq!(time_phrase("2015 年至今任"), "2015 年至今".len());
    }

    #[test]
    fn a_regional_division_between_organization_and_title() {
        for (text, org) in [
            ("北陌集团大中华区首席执行官范文韬出席。", "北陌集团"),
            ("北陌集团华南区域总经理范文韬出席。", "北陌集团"),
            ("北陌集团湖北区域总经理范文韬出席。", "北陌集团"),
            ("远川资本华东大区总经理范文韬出席。", "远川资本"),
        ] {
            assert!(
                holds(text).iter().any(|x| x.0 == "范文韬" && x.1 == org),
                "{text}: {:?}",
                holds(text)
            );
        }
        // a region word that is no division (`华南市场`) breaks the binding
        let text = "北陌集团华南市场总经理范文韬出席。";
        assert!(
            !holds(text).iter().any(|x| x.1 == "北陌集团"),
            "{:?}",
            holds(text)
        );
    }

    #[test]
    fn a_byline_after_a_space() {
        let text = "作者系东澄大学经济学院副教授 梅若岚\n";
        assert_eq!(
            holds(text),
            vec![h("梅若岚", "东澄大学经济学院", "副教授", "current")]
        );
    }

    #[test]
    fn status_from_modifiers_and_verbs() {
        assert_eq!(
            rels("腾讯原董事长王建国出席。"),
            vec![
                t("HAS_ROLE", "王建国", "董事长", "董事长", ""),
                t("HOLDS_POSITION", "王建国", "腾讯", "董事长", "former"),
            ]
        );
        assert_eq!(
            rels("腾讯代理总裁王建国出席。"),
            vec![
                t("HAS_ROLE", "王建国", "总裁", "总裁", ""),
                t("HOLDS_POSITION", "王建国", "腾讯", "总裁", "acting"),
            ]
        );
        assert_eq!(
            rels("董事长王建国被任命为华为总裁。"),
            vec![
                t("HAS_ROLE", "王建国", "总裁", "总裁", ""),
                t("HAS_ROLE", "王建国", "董事长", "董事长", ""),
                t("HOLDS_POSITION", "王建国", "华为", "总裁", "new"),
            ]
        );
    }

    #[test]
    fn title_lists() {
        assert_eq!(
            rels("腾讯总裁、董事长王建国出席。"),
            vec![
                t("HAS_ROLE", "王建国", "总裁", "总裁", ""),
                t("HAS_ROLE", "王建国", "董事长", "董事长", ""),
                t("HOLDS_POSITION", "王建国", "腾讯", "总裁", "current"),
                t("HOLDS_POSITION", "王建国", "腾讯", "董事长", "current"),
            ]
        );
        assert_eq!(
            rels("王建国董事长兼总经理出席。"),
            vec![
                t("HAS_ROLE", "王建国", "总经理", "总经理", ""),
                t("HAS_ROLE", "王建国", "董事长", "董事长", ""),
            ]
        );
    }

    #[test]
    fn a_title_before_a_bare_name_list_is_every_names() {
        let got = rels("独立董事方明辉、唐晓雯发表了同意的独立意见。");
        assert!(
            got.contains(&t("HAS_ROLE", "唐晓雯", "独立董事", "独立董事", "")),
            "{got:?}"
        );
        // a name of the list with its own title after it: the list is no shared title
        let got = rels("副总裁王建国、李志强总经理出席。");
        assert!(
            !got.iter().any(|r| r.1 == "李志强" && r.3 == "副总裁"),
            "{got:?}"
        );
    }

    #[test]
    fn a_short_note_in_brackets_after_a_name_does_not_end_a_colon_list() {
        let got = rels("其中独立董事：方明辉（会计专业人士）、唐晓雯、钱立远。");
        for name in ["方明辉", "唐晓雯", "钱立远"] {
            assert!(
                got.contains(&t("HAS_ROLE", name, "独立董事", "独立董事", "")),
                "{name}: {got:?}"
            );
        }
        // a long note (a clause of its own) ends the list
        let got = rels("其中独立董事：方明辉（其任期自股东大会审议通过之日起计算三年）、唐晓雯。");
        assert!(
            !got.iter().any(|r| r.1 == "唐晓雯" && r.3 == "独立董事"),
            "{got:?}"
        );
    }

    #[test]
    fn a_city_head_of_government_is_at_the_city_government_the_document_names() {
        let got = rels("论坛由广州市人民政府主办。广州市副市长王建国主持开幕式。");
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "王建国",
                "广州市人民政府",
                "副市长",
                "current"
            )),
            "{got:?}"
        );
        // without that government in the document: a title only
        let got = rels("论坛由青禾集团主办。广州市副市长王建国主持开幕式。");
        assert!(
            !got.iter()
                .any(|r| r.0 == "HOLDS_POSITION" && r.1 == "王建国"),
            "{got:?}"
        );
        // a party post is no head of government
        let got = rels("论坛由广州市人民政府主办。广州市委常委王建国出席。");
        assert!(!got.iter().any(|r| r.2 == "广州市人民政府"), "{got:?}");
    }

    #[test]
    fn a_bare_head_of_government_in_a_guest_list_is_at_the_one_city_government_named() {
        let list = "对接会由合州市人民政府主办。出席的领导有：\n市长 邵文川\n副市长 钱立航\n";
        let got = rels(list);
        for (who, title) in [("邵文川", "市长"), ("钱立航", "副市长")] {
            assert!(
                got.contains(&t(
                    "HOLDS_POSITION",
                    who,
                    "合州市人民政府",
                    title,
                    "current"
                )),
                "{who}: {got:?}"
            );
        }
        // two city governments named: whose mayor is unknown
        let got = rels(&format!("{list}青禾市人民政府协办。"));
        assert!(
            !got.iter()
                .any(|r| r.0 == "HOLDS_POSITION" && r.3.ends_with("市长")),
            "{got:?}"
        );
        // a county head is no post of the city government
        let got = rels("对接会由合州市人民政府主办。出席的领导有：\n县长 邵文川\n");
        assert!(!got.iter().any(|r| r.0 == "HOLDS_POSITION"), "{got:?}");
        // a party title in the chain: (session 26, position.city_head) in a one-city
        // document the committee's title is held at the city's committee, the head's at its
        // government
        let got = rels("对接会由合州市人民政府主办。出席的领导有：\n市委副书记、市长 邵文川\n");
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "邵文川",
                "合州市人民政府",
                "市长",
                "current"
            )),
            "{got:?}"
        );
        assert!(
            !got.iter()
                .any(|r| r.2 == "合州市人民政府" && r.3 == "副书记"),
            "{got:?}"
        );
        // a title inside a clause (after another word) is not bound this way
        let got = rels("对接会由合州市人民政府主办。他曾任市长邵文川的秘书。");
        assert!(
            !got.iter()
                .any(|r| r.1 == "邵文川" && r.0 == "HOLDS_POSITION"),
            "{got:?}"
        );
    }

    #[test]
    fn ministry_titles_bind_to_the_ministry() {
        let got = rels("工业和信息化部副部长贺晓东、财政部部长助理欧阳文博出席论坛。");
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "欧阳文博",
                "财政部",
                "部长助理",
                "current"
            )),
            "{got:?}"
        );
        let got = rels("财政部部长林建中出席。");
        assert!(
            got.contains(&t("HOLDS_POSITION", "林建中", "财政部", "部长", "current")),
            "{got:?}"
        );
    }

    #[test]
    fn no_binding_across_words() {
        assert!(rels("董事长在会上说，王建国表示同意。").is_empty());
    }
    #[test]
    fn an_appositive_title_before_another_person_is_not_the_first_persons() {
        let got = rels("星澜能源董事长李国栋，青穹数据董事长兼总裁王雅琳出席。");
        assert!(
            !got.iter().any(|r| r.1 == "李国栋" && r.2 == "青穹数据"),
            "{got:?}"
        );
        // a real appositive still binds
        assert!(rels("王建国，华为总裁，表示同意。").contains(&t(
            "HOLDS_POSITION",
            "王建国",
            "华为",
            "总裁",
            "current"
        )));
    }

    #[test]
    fn continued_clauses_and_honorifics() {
        let got = rels("王建国先生不再担任华为总裁，仍担任华为董事。");
        assert!(
            got.contains(&t("HOLDS_POSITION", "王建国", "华为", "总裁", "former")),
            "{got:?}"
        );
        assert!(
            got.contains(&t("HOLDS_POSITION", "王建国", "华为", "董事", "current")),
            "{got:?}"
        );
        // a clause without an appointment verb does not continue the binding
        let got = rels("王建国担任华为总裁，腾讯董事李明出席。");
        assert!(
            !got.iter().any(|r| r.1 == "王建国" && r.2 == "腾讯"),
            "{got:?}"
        );
    }

    #[test]
    fn resume_paragraphs_bind_their_subject() {
        let got = rels(
            "简历如下：\n王雅琳，女，1981 年出生，本科学历。曾任华为市场总监、副总裁，2020 年加入腾讯，现任腾讯首席运营官。\n",
        );
        assert!(
            got.contains(&t("HOLDS_POSITION", "王雅琳", "华为", "市场总监", "former")),
            "{got:?}"
        );
        assert!(
            got.contains(&t("HOLDS_POSITION", "王雅琳", "华为", "副总裁", "former")),
            "{got:?}"
        );
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "王雅琳",
                "腾讯",
                "首席运营官",
                "current"
            )),
            "{got:?}"
        );
        // no 男/女 opening: the clause is not bound to the first name of the paragraph
        let got = rels("王雅琳表示，曾任华为副总裁的人很多。\n");
        assert!(!got.iter().any(|r| r.2 == "华为"), "{got:?}");
    }

    #[test]
    fn resume_as_an_item_of_a_numbered_list() {
        let got = rels(
            "附：简历\n1. 宋启航，男，1978 年出生，硕士研究生学历。曾任华为市场总监。\n2. 顾晓彤，女，1983 年出生，现任腾讯首席运营官。\n",
        );
        assert!(
            got.contains(&t("HOLDS_POSITION", "宋启航", "华为", "市场总监", "former")),
            "{got:?}"
        );
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "顾晓彤",
                "腾讯",
                "首席运营官",
                "current"
            )),
            "{got:?}"
        );
        // text before the name that is no list marker: no résumé
        let got = rels("据悉宋启航，男，1978 年出生。曾任华为市场总监。\n");
        assert!(!got.iter().any(|r| r.2 == "华为"), "{got:?}");
    }

    #[test]
    fn resigned_titles_on_the_company_board_are_the_company_s() {
        // (the appointment event states these HOLDS_POSITION: event.appointment)
        let got = rels(
            "江淮新材料科技股份有限公司（以下简称“公司”）董事会收到邵明轩先生的辞职报告。邵明轩先生因个人原因辞去公司第四届董事会董事及副总经理职务。\n",
        );
        for title in ["董事", "副总经理"] {
            assert!(
                got.contains(&t(
                    "HOLDS_POSITION",
                    "邵明轩",
                    "江淮新材料科技股份有限公司",
                    title,
                    "former"
                )),
                "{title}: {got:?}"
            );
        }
        // another company's board: not the filer's
        let got = rels(
            "江淮新材料科技股份有限公司（以下简称“公司”）董事会收到邵明轩先生的辞职报告。邵明轩先生辞去宁波通商银行股份有限公司董事会董事职务。\n",
        );
        assert!(
            !got.iter()
                .any(|r| r.1 == "邵明轩" && r.2 == "江淮新材料科技股份有限公司" && r.4 == "former"),
            "{got:?}"
        );
    }

    #[test]
    fn a_jian_chain_of_posts_at_two_bodies_binds_both() {
        let got = rels("星河云智能集团副总裁兼数字政府事业部总经理王海川作主题报告。");
        for (org, title) in [("星河云智能集团", "副总裁"), ("数字政府事业部", "总经理")]
        {
            assert!(
                got.contains(&t("HOLDS_POSITION", "王海川", org, title, "current")),
                "{org} {title}: {got:?}"
            );
        }
        // 兼 between two titles of one body stays one post there
        let got = rels("星河云智能集团董事长兼总裁王海川出席。");
        assert!(
            got.iter()
                .all(|r| r.2 == "星河云智能集团" || r.0 != "HOLDS_POSITION"),
            "{got:?}"
        );
    }

    #[test]
    fn a_title_chain_before_the_next_name_is_no_appositive() {
        let got = rels(
            "出席嘉宾包括民航局原副局长吕建平，中国工程院院士、南京大学教授聂振宇，以及其他代表。",
        );
        assert!(
            !got.iter().any(|r| r.1 == "吕建平" && r.3 == "院士"),
            "{got:?}"
        );
        // … and each `[org]title` group of the chain is the next person's, with its org
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "聂振宇",
                "中国工程院",
                "院士",
                "current"
            )),
            "{got:?}"
        );
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "聂振宇",
                "南京大学",
                "教授",
                "current"
            )),
            "{got:?}"
        );
        // a list of people, each with their own org and title: no chain across a name
        let got = rels("华为董事长王建国、腾讯总裁李一凡出席。");
        assert!(
            !got.iter().any(|r| r.1 == "李一凡" && r.3 == "董事长"),
            "{got:?}"
        );
        // a single appositive title still binds
        let got = rels("蒋明远，星桥数据科技有限公司董事长，表示将继续投入。");
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "蒋明远",
                "星桥数据科技有限公司",
                "董事长",
                "current"
            )),
            "{got:?}"
        );
    }
    #[test]
    fn colon_lists_and_taiwan_titles() {
        let got = rels("出席的还有：\n- 华为副总裁：王建国\n2. 副行长：李明、赵雅琳\n");
        assert!(
            got.contains(&t("HOLDS_POSITION", "王建国", "华为", "副总裁", "current")),
            "{got:?}"
        );
        assert!(
            got.contains(&t("HAS_ROLE", "李明", "副行长", "副行长", "")),
            "{got:?}"
        );
        assert!(
            got.contains(&t("HAS_ROLE", "赵雅琳", "副行长", "副行长", "")),
            "{got:?}"
        );
        // a name list without a colon title does not inherit the title
        let got = rels("董事长王建国、李明出席。");
        assert!(!got.iter().any(|r| r.1 == "李明"), "{got:?}");
        let got = rels("華為董事長暨執行長王建國表示。");
        assert!(
            got.contains(&t("HOLDS_POSITION", "王建国", "华为", "执行长", "current")),
            "{got:?}"
        );
        assert!(
            got.contains(&t("HOLDS_POSITION", "王建国", "华为", "董事长", "current")),
            "{got:?}"
        );
    }
    #[test]
    fn government_heads_are_no_posts_of_the_party_committee() {
        let got = rels("中共深圳市委常委、副市长王建国出席。");
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "王建国",
                "中共深圳市委",
                "常委",
                "current"
            )),
            "{got:?}"
        );
        // (session 26, position.city_head) the one city the document names is 深圳: its
        // government holds the head's post, never the committee
        assert!(
            !got.iter().any(|r| r.2 == "中共深圳市委" && r.3 == "副市长"),
            "{got:?}"
        );
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "王建国",
                "深圳市人民政府",
                "副市长",
                "current"
            )),
            "{got:?}"
        );
        assert!(
            got.contains(&t("HAS_ROLE", "王建国", "副市长", "副市长", "")),
            "{got:?}"
        );
        // an autonomous region's government is headed by a 主席
        let got = rels("青禾壮族自治区党委常委、副主席韦立宁出席。");
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "韦立宁",
                "青禾壮族自治区党委",
                "常委",
                "current"
            )),
            "{got:?}"
        );
        assert!(
            !got.iter()
                .any(|r| r.3 == "副主席" && r.0 == "HOLDS_POSITION"),
            "{got:?}"
        );
        assert!(
            got.contains(&t("HAS_ROLE", "韦立宁", "副主席", "副主席", "")),
            "{got:?}"
        );
        let got =
            rels("青禾壮族自治区党委常委、副主席韦立宁出席。青禾壮族自治区人民政府承办本次活动。");
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "韦立宁",
                "青禾壮族自治区人民政府",
                "副主席",
                "current"
            )),
            "{got:?}"
        );
        // a 主席 after another party committee is that body's (no region's government)
        assert!(!party_committee_with_executive_title(
            "青禾市工商联党委",
            "主席"
        ));
        assert!(!party_committee_with_executive_title(
            "青禾壮族自治区政协",
            "副主席"
        ));
        assert!(party_committee_with_executive_title(
            "中共青禾壮族自治区委",
            "主席"
        ));
        assert_eq!(
            region_of_committee("中共青禾壮族自治区党委"),
            Some("青禾壮族自治区")
        );
        // …but is the government's when the document names it (`X市委…、市长` … `X市人民政府`)
        let got = rels("常熟市委副书记、市长王建国出席。常熟市人民政府承办本次活动。");
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "王建国",
                "常熟市人民政府",
                "市长",
                "current"
            )),
            "{got:?}"
        );
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "王建国",
                "常熟市委",
                "副书记",
                "current"
            )),
            "{got:?}"
        );
        // another place's government is not the committee's
        let got = rels("常熟市委副书记、市长王建国出席。太仓市人民政府承办本次活动。");
        assert!(
            !got.iter().any(|r| r.3 == "市长" && r.0 == "HOLDS_POSITION"),
            "{got:?}"
        );
        // a head of government of the government itself still binds
        let got = rels("深圳市人民政府副市长王建国出席。");
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "王建国",
                "深圳市人民政府",
                "副市长",
                "current"
            )),
            "{got:?}"
        );
    }
    #[test]
    fn a_title_introducing_a_counted_list_is_every_names() {
        // `包括：`, `包括`, `分别为` between the title and the list; the last name after 及/和
        for text in [
            "云帆电子有限公司公告。本公司獨立非執行董事包括：龚予安、黃家俊及何嘉敏。",
            "云帆电子有限公司公告。公司独立非执行董事包括龚予安、黄家俊和何嘉敏。",
            "云帆电子有限公司公告。公司独立非执行董事分别为龚予安、黄家俊、何嘉敏。",
        ] {
            let got = rels(text);
            for name in ["龚予安", "黄家俊", "何嘉敏"] {
                assert!(
                    got.contains(&t(
                        "HOLDS_POSITION",
                        name,
                        "云帆电子有限公司",
                        "独立非执行董事",
                        "current"
                    )),
                    "{text}: {name}: {got:?}"
                );
            }
        }
        // no title before the intro word: nobody gets one
        let got = rels("参会人员包括龚予安、黄家俊和何嘉敏。");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn plural_titles_are_shared_by_a_list_and_head_posts_are_not() {
        let got = rels("临江大学教授林卫东、赵明轩及孙立群出席会议。");
        for name in ["林卫东", "赵明轩", "孙立群"] {
            assert!(
                got.contains(&t("HAS_ROLE", name, "教授", "教授", "")),
                "{name}: {got:?}"
            );
        }
        let got = rels("宏泰集团高级工程师林卫东、赵明轩出席会议。");
        assert!(
            got.iter().any(|r| r.1 == "赵明轩" && r.3 == "高级工程师"),
            "{got:?}"
        );
        // one holder per organization: the head post is the first name's only
        for (text, title) in [
            ("市委书记周建华、邓宏伟、钱立新等领导出席会议。", "市委书记"),
            ("宏泰集团董事长林卫东、赵明轩出席会议。", "董事长"),
            ("宏泰集团总工程师林卫东、赵明轩出席会议。", "总工程师"),
        ] {
            let got = rels(text);
            assert!(
                got.iter()
                    .any(|r| r.3 == title && r.1 != "赵明轩" && r.1 != "邓宏伟"),
                "{text}: {got:?}"
            );
            assert!(
                !got.iter()
                    .any(|r| r.3 == title && (r.1 == "赵明轩" || r.1 == "邓宏伟")),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn a_post_kept_after_a_resignation_is_the_companys() {
        for text in [
            "云帆电子有限公司公告，陈明远先生辞去总经理职务，辞职后仍担任公司董事。",
            "云帆电子有限公司公告，陈明远辞职后仍担任公司董事。",
            "云帆电子有限公司公告，陈明远先生辞去总经理职务后，仍担任公司董事。",
        ] {
            let got = rels(text);
            assert!(
                got.contains(&t(
                    "HOLDS_POSITION",
                    "陈明远",
                    "云帆电子有限公司",
                    "董事",
                    "current"
                )),
                "{text}: {got:?}"
            );
        }
        // `该公司` points back to the one company named before it (position.anaphor, session
        // 18); with a subsidiary named in between it is ambiguous and binds nothing
        let got = rels("云帆电子有限公司公告，陈明远辞职后仍担任该公司董事。");
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "陈明远",
                "云帆电子有限公司",
                "董事",
                "current"
            )),
            "{got:?}"
        );
        let got = rels(
            "云帆电子有限公司公告，子公司星湖物流有限公司完成改选，陈明远辞职后仍担任该公司董事。",
        );
        assert!(
            !got.iter()
                .any(|r| r.0 == "HOLDS_POSITION" && r.1 == "陈明远"),
            "{got:?}"
        );
    }

    #[test]
    fn industry_words_between_an_organization_and_a_title_are_the_posts_field() {
        // session 15: 机械 is the field of the analyst's post at the broker
        let got = rels("星桥证券有限公司机械分析师鲍文博表示，行业正在回暖。");
        assert!(
            got.iter()
                .any(|r| r.0 == "HOLDS_POSITION" && r.1 == "鲍文博" && r.2 == "星桥证券有限公司"),
            "{got:?}"
        );
        // words that are no industry words still separate them
        let got = rels("星桥证券有限公司昨天邀请分析师鲍文博出席。");
        assert!(
            !got.iter()
                .any(|r| r.0 == "HOLDS_POSITION" && r.1 == "鲍文博"),
            "{got:?}"
        );
    }

    #[test]
    fn an_industry_word_after_a_bare_known_alias_is_no_field_of_the_post() {
        // session 16: 银联 (an alias of a known name) + 商务 names another company
        let got = rels("银联商务副总裁贝望川表示，公司将服务小微商户。");
        assert!(
            !got.iter()
                .any(|r| r.0 == "HOLDS_POSITION" && r.1 == "贝望川"),
            "{got:?}"
        );
        // a name ending in a company ending still takes the field word
        let got = rels("星桥证券研究所所长鲍文博表示，星桥证券机械分析师苗望川看好行业。");
        assert!(
            got.iter()
                .any(|r| r.0 == "HOLDS_POSITION" && r.1 == "苗望川" && r.2 == "星桥证券"),
            "{got:?}"
        );
    }

    #[test]
    fn an_item_opened_by_company_biao_shi_is_that_companys() {
        // session 15: a news item opening its paragraph with `X表示` is announced by X
        let text = "## 一、青苇电子\n\n青苇电子股份有限公司公告，同意聘任黎振东为公司总经理。\n\n## 二、栖川物流\n\n栖川物流股份有限公司表示，本公司副总经理万书远将负责华东市场。";
        let got = rels(text);
        assert!(
            got.iter().any(|r| r.0 == "HOLDS_POSITION"
                && r.1 == "万书远"
                && r.2 == "栖川物流股份有限公司"),
            "{got:?}"
        );
        assert!(
            !got.iter().any(|r| r.0 == "HOLDS_POSITION"
                && r.1 == "万书远"
                && r.2 == "青苇电子股份有限公司"),
            "{got:?}"
        );
        // inside a paragraph `X表示` only reports what X said: the item's announcer stays
        let text = "青苇电子股份有限公司公告，同意聘任黎振东为公司总经理。客户栖川物流股份有限公司表示欢迎，本公司副总经理万书远出席。";
        let got = rels(text);
        assert!(
            got.iter().any(|r| r.0 == "HOLDS_POSITION"
                && r.1 == "万书远"
                && r.2 == "青苇电子股份有限公司"),
            "{got:?}"
        );
    }

    #[test]
    fn a_bare_company_title_is_the_announcers_not_the_most_named() {
        let text = "# 云帆电子股份有限公司董事变动公告\n\n星湖物流有限公司为主要客户。星湖物流有限公司采购增长，星湖物流有限公司计划扩产。本公司执行董事滕家乐先生出席。";
        let got = rels(text);
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "滕家乐",
                "云帆电子股份有限公司",
                "执行董事",
                "current"
            )),
            "{got:?}"
        );
        // `截至公告日`, `股东大会决议公告`: no announcer; the enterprise named most
        let text = "云帆电子股份有限公司召开股东大会决议公告。截至公告日，星湖物流有限公司持股。星湖物流有限公司增持，星湖物流有限公司表示。本公司执行董事滕家乐先生出席。";
        let got = rels(text);
        assert!(
            got.iter()
                .any(|r| r.0 == "HOLDS_POSITION" && r.2 == "星湖物流有限公司"),
            "{got:?}"
        );
        // a title that is no announcement's: the enterprise named most
        let text = "# 云帆电子股份有限公司参加展会\n\n星湖物流有限公司为主要客户。星湖物流有限公司采购增长，星湖物流有限公司计划扩产。本公司执行董事滕家乐先生出席。";
        let got = rels(text);
        assert!(
            got.iter()
                .any(|r| r.0 == "HOLDS_POSITION" && r.2 == "星湖物流有限公司"),
            "{got:?}"
        );
    }

    #[test]
    fn bare_company_before_titles_is_the_articles_company() {
        let text = "蓝湾科技有限公司宣布完成B轮融资。蓝湾科技有限公司成立于2019年。公司创始人兼首席执行官林一凡毕业于清华大学，曾供职于星海集团。";
        let got = rels(text);
        for title in ["创始人", "首席执行官"] {
            assert!(
                got.contains(&t(
                    "HOLDS_POSITION",
                    "林一凡",
                    "蓝湾科技有限公司",
                    title,
                    "current"
                )),
                "{got:?}"
            );
        }
        // a subsidiary's title, a government title: no company
        for text in [
            "蓝湾科技有限公司宣布完成B轮融资。子公司总经理林一凡表示将扩产。",
            "蓝湾科技有限公司宣布完成B轮融资。公司市长林一凡表示将扩产。",
        ] {
            let got = rels(text);
            assert!(
                !got.iter()
                    .any(|r| r.0 == "HOLDS_POSITION" && r.2 == "蓝湾科技有限公司"),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn an_appointment_sets_the_status_of_the_post_read_before_the_name() {
        let got = rels("华为董事长王建国因退休辞去董事长职务。");
        assert!(
            got.contains(&t("HOLDS_POSITION", "王建国", "华为", "董事长", "former")),
            "{got:?}"
        );
        assert!(
            !got.contains(&t("HOLDS_POSITION", "王建国", "华为", "董事长", "current")),
            "{got:?}"
        );
        // another title of the same person stays current
        let got = rels("华为董事长王建国辞去总经理职务。");
        assert!(
            got.contains(&t("HOLDS_POSITION", "王建国", "华为", "董事长", "current")),
            "{got:?}"
        );
        // a post read in an earlier sentence (the resignation letter) ends too; a title the
        // person keeps stays current
        let got = rels(
            "青禾材料股份有限公司董事会于近日收到董事、总经理柯望舒先生的书面辞职报告。\
             柯望舒先生因个人原因申请辞去青禾材料股份有限公司总经理职务，辞职后仍担任公司董事。",
        );
        let org = "青禾材料股份有限公司";
        assert!(
            got.contains(&t("HOLDS_POSITION", "柯望舒", org, "总经理", "former")),
            "{got:?}"
        );
        assert!(
            !got.contains(&t("HOLDS_POSITION", "柯望舒", org, "总经理", "current")),
            "{got:?}"
        );
        assert!(
            got.contains(&t("HOLDS_POSITION", "柯望舒", org, "董事", "current")),
            "{got:?}"
        );
        // a post read after the resignation's sentence keeps its status
        let got = rels("华为总经理王建国辞去总经理职务。一年后，华为总经理王建国再次出席论坛。");
        assert!(
            got.contains(&t("HOLDS_POSITION", "王建国", "华为", "总经理", "current")),
            "{got:?}"
        );
    }

    #[test]
    fn xian_wei_binds_the_current_post() {
        let got = rels("麦家骏现为港湾科技集团有限公司行政总裁。");
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "麦家骏",
                "港湾科技集团有限公司",
                "行政总裁",
                "current"
            )),
            "{got:?}"
        );
    }

    #[test]
    fn a_body_named_by_its_kind_before_the_title() {
        let got = rels("财政司司长梁振邦继续担任委员会主席。");
        assert!(
            got.contains(&t("HAS_ROLE", "梁振邦", "主席", "主席", "")),
            "{got:?}"
        );
        // no verb: nothing bound from the body word
        let got = rels("梁振邦感谢委员会主席的支持。");
        assert!(
            !got.iter().any(|r| r.1 == "梁振邦" && r.3 == "主席"),
            "{got:?}"
        );
    }

    #[test]
    fn adverbs_before_the_appointment_verb() {
        let got = rels("王建国继续担任华为董事长，李明仍兼任腾讯总裁。");
        assert!(
            got.contains(&t("HOLDS_POSITION", "王建国", "华为", "董事长", "current")),
            "{got:?}"
        );
        assert!(
            got.contains(&t("HOLDS_POSITION", "李明", "腾讯", "总裁", "current")),
            "{got:?}"
        );
        // an adverb that is no post adverb binds nothing
        let got = rels("王建国已经来到华为董事长办公室。");
        assert!(
            !got.iter().any(|r| r.1 == "王建国" && r.2 == "华为"),
            "{got:?}"
        );
    }

    #[test]
    fn elided_subjects_and_the_filer() {
        let got = rels("交易完成后，王建国将继续持有华为30%股权，并继续担任华为总经理。");
        assert!(
            got.contains(&t("HOLDS_POSITION", "王建国", "华为", "总经理", "current")),
            "{got:?}"
        );
        // another person in between takes the clause
        let got = rels("王建国表示同意，李明随后发言，并担任华为总经理。");
        assert!(
            !got.iter().any(|r| r.1 == "王建国" && r.2 == "华为"),
            "{got:?}"
        );
        let filing = "青穹智能股份有限公司（以下简称“公司”）董事会公告。\n经董事长王建国提名，董事会同意聘任。\n经市长李明同意。";
        let got = rels(filing);
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "王建国",
                "青穹智能股份有限公司",
                "董事长",
                "current"
            )),
            "{got:?}"
        );
        // a government title is not the filer's
        assert!(
            !got.iter().any(|r| r.1 == "李明" && r.0 == "HOLDS_POSITION"),
            "{got:?}"
        );
        // without a placeholder definition a bare title binds to nothing
        let got = rels("经董事长王建国提名，董事会同意聘任。");
        assert!(!got.iter().any(|r| r.0 == "HOLDS_POSITION"), "{got:?}");
    }

    #[test]
    fn a_regulator_in_the_sentence_leaves_the_filer_its_titles() {
        let filing = "青穹人寿保险股份有限公司（以下简称“本公司”）董事会公告。\n该任职资格尚需经国家金融监督管理总局核准，核准前由董事长王建国先生代行总经理职责。";
        let got = rels(filing);
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "王建国",
                "青穹人寿保险股份有限公司",
                "董事长",
                "current"
            )),
            "{got:?}"
        );
        // another company in the sentence still keeps the title away from the filer
        let filing = "青穹人寿保险股份有限公司（以下简称“本公司”）董事会公告。\n经蓝湾集团推荐，由董事长王建国先生代行总经理职责。";
        let got = rels(filing);
        assert!(
            !got.iter()
                .any(|r| r.1 == "王建国" && r.2 == "青穹人寿保险股份有限公司"),
            "{got:?}"
        );
    }
    #[test]
    fn executive_titles_after_a_comma_take_the_previous_persons_organization() {
        let got = rels("青禾科技有限公司董事长王建国，总经理李明远，副总经理周文博出席签约仪式。");
        for (p, ti) in [("李明远", "总经理"), ("周文博", "副总经理")] {
            assert!(
                got.contains(&t("HOLDS_POSITION", p, "青禾科技有限公司", ti, "current")),
                "{got:?}"
            );
        }
        // a government post or a profession after the comma is not the company's
        for text in [
            "青禾科技有限公司董事长王建国，副市长李明远出席。",
            "青禾科技有限公司董事长王建国，知名经济学家李明远出席论坛。",
        ] {
            let got = rels(text);
            assert!(
                !got.iter()
                    .any(|r| r.1 == "李明远" && r.0 == "HOLDS_POSITION"),
                "{got:?}"
            );
        }
    }

    #[test]
    fn ji_or_he_before_the_last_person_carries_the_titles_too() {
        for (text, p) in [
            (
                "青禾科技有限公司董事长王建国、总经理李明远及技术长周文博共同出席。",
                "周文博",
            ),
            (
                "青禾科技有限公司董事长王建国、总经理李明远及技术长Kevin Lin共同出席。",
                "Kevin Lin",
            ),
            ("青禾科技有限公司董事长王建国和总经理李明远出席。", "李明远"),
        ] {
            let got = rels(text);
            let ti = if p == "李明远" {
                "总经理"
            } else {
                "技术长"
            };
            assert!(
                got.contains(&t("HOLDS_POSITION", p, "青禾科技有限公司", ti, "current")),
                "{text}: {got:?}"
            );
        }
        // a government post after 及 is still not the company's
        let got = rels("青禾科技有限公司董事长王建国及副市长李明远出席。");
        assert!(
            !got.iter()
                .any(|r| r.1 == "李明远" && r.0 == "HOLDS_POSITION"),
            "{got:?}"
        );
    }

    #[test]
    fn titles_then_wei_and_a_person_closing_the_clause() {
        let got = rels("青禾科技有限公司现任董事长兼总经理为李明远。");
        for ti in ["董事长", "总经理"] {
            assert!(
                got.contains(&t(
                    "HOLDS_POSITION",
                    "李明远",
                    "青禾科技有限公司",
                    ti,
                    "current"
                )),
                "{got:?}"
            );
        }
        // the sentence's subject holds the post of a later clause; the founder before does not
        let got =
            rels("青禾科技有限公司成立于2016年，由星海大学教授王建国创立，现任董事长为李明远。");
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "李明远",
                "青禾科技有限公司",
                "董事长",
                "current"
            )),
            "{got:?}"
        );
        assert!(
            !got.iter().any(|r| r.1 == "王建国" && r.3 == "董事长"),
            "{got:?}"
        );
        // 为 meaning "for": the person does not close the clause
        let got = rels("青禾科技有限公司董事长为李明远颁发证书。");
        assert!(!got.iter().any(|r| r.1 == "李明远"), "{got:?}");
    }

    #[test]
    fn a_region_between_the_company_and_the_title() {
        let got = rels("华为亚太区总裁王建国致辞。");
        assert!(
            got.iter()
                .any(|r| r.0 == "HOLDS_POSITION" && r.2.starts_with("华为") && r.3 == "总裁"),
            "{got:?}"
        );
        let got = rels("星澜数据有限公司亚太区总裁李明致辞。");
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "李明",
                "星澜数据有限公司",
                "总裁",
                "current"
            )),
            "{got:?}"
        );
    }
    #[test]
    fn field_cards_bind_name_unit_and_title() {
        let text = "嘉宾名单\n\n姓名：王建国\n单位：青禾数据科技有限公司\n职务：董事长\n\n姓名：李明远\n单位：星河动力科技有限公司\n职务：副总经理\n";
        let got = rels(text);
        for (p, o, ti) in [
            ("王建国", "青禾数据科技有限公司", "董事长"),
            ("李明远", "星河动力科技有限公司", "副总经理"),
        ] {
            assert!(
                got.contains(&t("HOLDS_POSITION", p, o, ti, "current")),
                "{got:?}"
            );
        }
        // a blank line ends a card: the title below belongs to no one
        let split = rels("姓名：王建国\n单位：青禾数据科技有限公司\n\n职务：董事长\n");
        assert!(!split.iter().any(|r| r.0 == "HOLDS_POSITION"), "{split:?}");
    }

    #[test]
    fn an_appositive_after_an_honorific_and_a_title_after_an_alias_note() {
        let got = rels("- 林秋雁女士，青川数据科技有限公司总经理\n");
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "林秋雁",
                "青川数据科技有限公司",
                "总经理",
                "current"
            )),
            "{got:?}"
        );
        // without an organization an appositive binds nothing of its own
        let bare = rels("林秋雁女士，院长说过的话大家都记得。");
        assert!(!bare.iter().any(|r| r.0 == "HOLDS_POSITION"), "{bare:?}");
        // `甲厅（以下简称乙厅）副厅长某`: the title is held at the defined organization
        let alias = rels("江苏省商务厅（以下简称省商务厅）副厅长郑立川主持会议。");
        assert!(
            alias.contains(&t(
                "HOLDS_POSITION",
                "郑立川",
                "江苏省商务厅",
                "副厅长",
                "current"
            )),
            "{alias:?}"
        );
    }

    #[test]
    fn table_rows_bind_name_unit_and_titles() {
        let got = rels(
            "嘉宾名单\n\n| 姓名 | 单位 | 职务 |\n| --- | --- | --- |\n| 王建国 | 华为 | 党委书记、董事长 |\n| 李明 | 腾讯 | 副总裁 |\n\n会议结束。",
        );
        for (p, o, ti) in [
            ("王建国", "华为", "党委书记"),
            ("王建国", "华为", "董事长"),
            ("李明", "腾讯", "副总裁"),
        ] {
            assert!(
                got.contains(&t("HOLDS_POSITION", p, o, ti, "current")),
                "{got:?}"
            );
        }
        // no unit column: the organization opening the title cell holds the title
        let got = rels(
            "| 姓名 | 职务 |\n| --- | --- |\n| 王建国 | 广东省自然资源厅副厅长 |\n| 李明 | 教授 |\n",
        );
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "王建国",
                "广东省自然资源厅",
                "副厅长",
                "current"
            )),
            "{got:?}"
        );
        assert!(
            !got.iter().any(|r| r.0 == "HOLDS_POSITION" && r.1 == "李明"),
            "{got:?}"
        );
        // a table without a title column binds nothing
        let got = rels("| 姓名 | 单位 |\n| --- | --- |\n| 王建国 | 华为 |\n");
        assert!(!got.iter().any(|r| r.0 == "HOLDS_POSITION"), "{got:?}");
    }

    #[test]
    fn a_post_in_brackets_after_the_name() {
        assert_eq!(
            rels(
                "出席活动的有：钱立群（青禾材料有限公司董事长）、孙梦雅（中国软件行业协会原副会长）。"
            ),
            vec![
                t("HAS_ROLE", "孙梦雅", "副会长", "副会长", ""),
                t("HAS_ROLE", "钱立群", "董事长", "董事长", ""),
                t(
                    "HOLDS_POSITION",
                    "孙梦雅",
                    "中国软件行业协会",
                    "副会长",
                    "former"
                ),
                t(
                    "HOLDS_POSITION",
                    "钱立群",
                    "青禾材料有限公司",
                    "董事长",
                    "current"
                ),
            ]
        );
        // ASCII brackets, `；` between the guests, a department between organization and title
        let r = rels("与会嘉宾：周成岳(腾讯副总裁)；黎思远（清华大学经济管理学院院长）。");
        assert!(
            r.contains(&t("HOLDS_POSITION", "周成岳", "腾讯", "副总裁", "current")),
            "{r:?}"
        );
        assert!(
            r.contains(&t("HAS_ROLE", "黎思远", "院长", "院长", "")),
            "{r:?}"
        );
        assert!(
            r.iter()
                .any(|x| x.0 == "HOLDS_POSITION" && x.1 == "黎思远" && x.3 == "院长"),
            "{r:?}"
        );
        // Traditional Chinese (names in the Simplified matching view)
        let r = rels("出席嘉賓：鄭文彬（騰訊董事長），林雅婷（華為總裁）。");
        assert!(
            r.contains(&t("HOLDS_POSITION", "郑文彬", "腾讯", "董事长", "current")),
            "{r:?}"
        );
        assert!(
            r.contains(&t("HOLDS_POSITION", "林雅婷", "华为", "总裁", "current")),
            "{r:?}"
        );
    }

    #[test]
    fn a_bracket_with_a_title_only_a_remark_or_several_posts() {
        // a title alone: the role, no organization
        assert_eq!(
            rels("会议由王建国（董事长）主持。"),
            vec![t("HAS_ROLE", "王建国", "董事长", "董事长", "")]
        );
        // ... and the filer's post in a filing that defines the filer (unambiguous)
        let r = rels(
            "青穹智能股份有限公司（以下简称“公司”）董事会公告。\n经王建国（董事长）提名，董事会同意聘任。",
        );
        assert!(
            r.iter()
                .any(|x| x.0 == "HOLDS_POSITION" && x.1 == "王建国" && x.3 == "董事长"),
            "{r:?}"
        );
        // a remark before the post, and two posts sharing the organization after 、
        let r = rels("胡海川（1968 年出生，腾讯总裁、董事长）出席。");
        assert!(
            r.contains(&t("HOLDS_POSITION", "胡海川", "腾讯", "总裁", "current")),
            "{r:?}"
        );
        assert!(
            r.contains(&t("HOLDS_POSITION", "胡海川", "腾讯", "董事长", "current")),
            "{r:?}"
        );
        // a status word opening the bracket
        let r = rels("讲话嘉宾：魏东来（原华为总裁）。");
        assert!(
            r.contains(&t("HOLDS_POSITION", "魏东来", "华为", "总裁", "former")),
            "{r:?}"
        );
    }

    #[test]
    fn brackets_that_hold_no_post() {
        // an organization without a title, a place, a picture position
        assert_eq!(rels("王建国（华为技术有限公司）出席。"), vec![]);
        assert_eq!(rels("王建国（浙江杭州）出席。"), vec![]);
        assert_eq!(rels("王建国（左二）出席。"), vec![]);
        // the title is not at the end of the bracket, or belongs to another person
        let r = rels("王建国（曾在华为担任总裁多年）出席。");
        assert!(!r.iter().any(|x| x.1 == "王建国"), "{r:?}");
        let r = rels("王建国（与腾讯董事长李明远一同）出席。");
        assert!(!r.iter().any(|x| x.1 == "王建国"), "{r:?}");
        // a clause, not a department, between organization and title
        let r = rels("王建国（华为负责终端业务的总裁）出席。");
        assert!(
            !r.iter().any(|x| x.1 == "王建国" && x.0 == "HOLDS_POSITION"),
            "{r:?}"
        );
    }

    #[test]
    fn resume_clauses_opened_by_a_time_phrase_and_organizations_after_a_list_comma() {
        let got = rels(
            "附：简历\n1. 邹立恒，男，1975 年出生，硕士。2006 年至 2018 年历任华为技术部经理、副总经理；2019 年 6 月起任腾讯副总裁。\n2. 姚静文，女，1986 年出生。曾任华为审计经理、腾讯财务总监。\n",
        );
        for (who, org, title, st) in [
            ("邹立恒", "华为", "副总经理", "former"),
            ("邹立恒", "腾讯", "副总裁", "current"),
            ("姚静文", "华为", "审计经理", "former"),
            ("姚静文", "腾讯", "财务总监", "former"),
        ] {
            assert!(
                got.contains(&t("HOLDS_POSITION", who, org, title, st)),
                "{who} {title}: {got:?}"
            );
        }
        // a list of titles after 、 (no organization) does not restart the list at the title
        assert!(
            !got.iter()
                .any(|r| r.1 == "姚静文" && r.2 == "华为" && r.3 == "财务总监"),
            "{got:?}"
        );
    }

    #[test]
    fn acting_posts_by_verb_and_by_assignment() {
        let got = rels("在新任财务总监到任前，由董事会秘书陆文海先生代行财务总监职责。");
        assert!(
            got.iter()
                .any(|r| r.1 == "陆文海" && r.3 == "财务总监" && r.0 == "HAS_ROLE"),
            "{got:?}"
        );
        let got =
            rels("华为新闻发言人由副总经理常振宇担任，代理发言人由腾讯品牌部部长严佩琳担任。");
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "常振宇",
                "华为",
                "新闻发言人",
                "current"
            )),
            "{got:?}"
        );
        assert!(
            got.iter()
                .any(|r| r.1 == "严佩琳" && r.3 == "发言人" && r.0 == "HAS_ROLE"),
            "{got:?}"
        );
        // the person's own title stays theirs
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "严佩琳",
                "腾讯",
                "品牌部部长",
                "current"
            )) || got.iter().any(|r| r.1 == "严佩琳" && r.3.ends_with("部长")),
            "{got:?}"
        );
        // 主持 assigns nothing; a clause without a title before 由 neither
        let got = rels("会议由副总经理常振宇主持。发言人由于工作原因由常振宇接任。");
        assert!(!got.iter().any(|r| r.3 == "发言人"), "{got:?}");
    }

    #[test]
    fn acting_status_on_holds_position() {
        let doc = "华为研发处处长一职由副处长汪思远代理。";
        let got = rels(doc);
        assert!(
            got.iter()
                .any(|r| r.1 == "汪思远" && r.3.ends_with("处长") && r.0 == "HAS_ROLE"),
            "{got:?}"
        );
        let got = rels("华为发言人由副总裁汪思远代理。");
        assert!(
            got.contains(&t("HOLDS_POSITION", "汪思远", "华为", "发言人", "acting")),
            "{got:?}"
        );
    }

    #[test]
    fn a_signature_block_binds_the_signer() {
        let got = rels("承董事会命\n星汇控股有限公司\n董事会主席\n黄国强\n\n香港，2025年3月18日\n");
        assert!(
            got.contains(&(
                "HOLDS_POSITION".into(),
                "黄国强".into(),
                "星汇控股有限公司".into(),
                "董事会主席".into(),
                "current".into()
            )),
            "{got:?}"
        );
        // without a company line the title alone
        let got = rels("董事会主席\n黄国强\n");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "HAS_ROLE");
        // a title line with other words, or a name line with a sentence, is no signature
        for t in [
            "星汇控股有限公司\n董事会主席出席了会议\n黄国强\n",
            "董事会主席\n黄国强表示，公司业绩稳定。\n",
        ] {
            let got = rels(t);
            assert!(
                got.iter().all(|r| r.1 != "黄国强" || r.3 != "董事会主席"),
                "{t}: {got:?}"
            );
        }
    }

    #[test]
    fn the_copula_wei_binds_an_organization_and_titles_ending_the_clause() {
        let got = rels("林思远为澄湖数据科技有限公司创始人、董事长兼总经理。");
        for title in ["创始人", "董事长", "总经理"] {
            assert!(
                got.contains(&t(
                    "HOLDS_POSITION",
                    "林思远",
                    "澄湖数据科技有限公司",
                    title,
                    "current"
                )),
                "{title}: {got:?}"
            );
        }
        let got = rels("据介绍，周文博先生为星桥科技有限公司董事，负责投资业务。");
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "周文博",
                "星桥科技有限公司",
                "董事",
                "current"
            )),
            "{got:?}"
        );
        // 为 as a preposition: no title, no organization mention, or a title that does not
        // end the clause
        for text in [
            "林思远为澄湖数据科技有限公司提供咨询服务。",
            "林思远为公司董事长分忧。",
            "林思远为澄湖数据科技有限公司董事长王建国颁奖。",
            "林思远为澄湖数据科技有限公司董事会出谋划策。",
        ] {
            let got = rels(text);
            assert!(!got.iter().any(|r| r.1 == "林思远"), "{text}: {got:?}");
        }
    }

    #[test]
    fn the_object_of_an_appointing_verb_is_no_copulas_subject() {
        // the appointment's post (new), not a current one read from 为
        let got = rels("董事会同意聘任林思远为澄湖数据科技有限公司总经理。");
        assert!(
            got.contains(&t(
                "HOLDS_POSITION",
                "林思远",
                "澄湖数据科技有限公司",
                "总经理",
                "new"
            )),
            "{got:?}"
        );
        assert!(!got.iter().any(|r| r.4 == "current"), "{got:?}");
    }

    #[test]
    fn a_subsidiary_descriptor_may_stand_before_the_organization_of_a_post() {
        for (text, person, org) in [
            (
                "林一凡先生现任本公司全资附属公司星桥物流（香港）有限公司董事总经理。",
                "林一凡",
                "星桥物流（香港）有限公司",
            ),
            (
                "周文博曾任集团控股子公司青穹智能股份有限公司总经理。",
                "周文博",
                "青穹智能股份有限公司",
            ),
        ] {
            let got = rels(text);
            assert!(
                got.iter()
                    .any(|r| r.0 == "HOLDS_POSITION" && r.1 == person && r.2 == org),
                "{text}: {got:?}"
            );
        }
        // the descriptor must be all that stands between the verb and the organization
        let got = rels("周文博曾任子公司副总经理，负责青穹智能股份有限公司总经理的招聘。");
        assert!(
            !got.iter()
                .any(|r| r.0 == "HOLDS_POSITION" && r.2 == "青穹智能股份有限公司"),
            "{got:?}"
        );
    }

    #[test]
    fn an_anaphor_binds_the_one_organization_of_its_kind_named_before_it() {
        for (text, person, org, title) in [
            (
                "蓝湾科技有限公司宣布完成B轮融资。该公司总经理林一凡表示将扩产。",
                "林一凡",
                "蓝湾科技有限公司",
                "总经理",
            ),
            (
                "澄湖数据科技有限公司完成工商变更。委派代表为该公司副总经理周文博。",
                "周文博",
                "澄湖数据科技有限公司",
                "副总经理",
            ),
            (
                "汀州农商银行宣布，该行行长罗逸舟将退休。",
                "罗逸舟",
                "汀州农商银行",
                "行长",
            ),
            // the filer calls itself 公司: 该公司 is the other company
            (
                "青穹智能股份有限公司（以下简称“公司”）公告，公司与星桥科技有限公司签约。该公司董事长周文博表示满意。",
                "周文博",
                "星桥科技有限公司",
                "董事长",
            ),
            (
                "北陌集团发布年报，该集团总裁范文韬出席发布会。",
                "范文韬",
                "北陌集团",
                "总裁",
            ),
            // a descriptor glued before the announcer (上市公司X公告) still names it
            (
                "上市公司青穹智能股份有限公司公告，星桥科技有限公司与云帆电子有限公司签约，星桥科技有限公司将扩产。公司董事长周文博表示满意。",
                "周文博",
                "青穹智能股份有限公司",
                "董事长",
            ),
        ] {
            let got = rels(text);
            assert!(
                got.iter().any(|r| r.0 == "HOLDS_POSITION"
                    && r.1 == person
                    && r.2 == org
                    && r.3 == title),
                "{text}: {got:?}"
            );
        }
        // two candidates, the wrong kind, too far back: no organization
        for text in [
            "星桥科技有限公司与云帆电子有限公司签约。该公司董事长周文博表示满意。",
            "临川市人民政府召开会议。该公司董事长周文博出席。",
            "星桥科技有限公司成立于2010年。项目进展顺利。各方反响热烈。该公司董事长周文博出席。",
        ] {
            let got = rels(text);
            assert!(
                !got.iter().any(|r| r.0 == "HOLDS_POSITION"),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn a_descriptor_glued_before_the_name_keeps_the_announcer_only_for_descriptors() {
        // 合作方 is no descriptor of the company: the name glued to it announces nothing, and
        // 公司 is the company named most.
        let text = "合作方青穹智能股份有限公司公告，星桥科技有限公司与云帆电子有限公司签约，星桥科技有限公司将扩产。公司董事长周文博表示满意。";
        let got = rels(text);
        assert!(
            !got.iter().any(|r| r.0 == "HOLDS_POSITION"
                && r.1 == "周文博"
                && r.2 == "青穹智能股份有限公司"),
            "{text}: {got:?}"
        );
    }

    #[test]
    fn an_anaphor_with_several_candidates_binds_the_subject_of_its_sentence() {
        for (text, person, org) in [
            (
                "星桥科技有限公司宣布收购云帆电子有限公司。该公司董事长周文博表示满意。",
                "周文博",
                "星桥科技有限公司",
            ),
            (
                "近日，澄湖数据科技有限公司宣布入股北陌电子有限公司。该公司总经理林一凡出席。",
                "林一凡",
                "澄湖数据科技有限公司",
            ),
        ] {
            let got = rels(text);
            assert!(
                got.iter().any(|r| r.0 == "HOLDS_POSITION"
                    && r.1 == person
                    && r.2 == org
                    && !r.3.is_empty()),
                "{text}: {got:?}"
            );
        }
        // two subjects joined by 与, or no organization opening the sentence: none is meant
        for text in [
            "星桥科技有限公司与云帆电子有限公司签约。该公司董事长周文博表示满意。",
            "在临港举行的年度产业合作发布会上，星桥科技有限公司收购了云帆电子有限公司。该公司董事长周文博表示满意。",
        ] {
            let got = rels(text);
            assert!(
                !got.iter().any(|r| r.0 == "HOLDS_POSITION"),
                "{text}: {got:?}"
            );
        }
    }
}
