//! Organizations: known names, suffix shapes with a careful left boundary, in-document aliases.
//!
//! Rule ids (documented in `schema/rules/org.toml`):
//! - `org.known` — a well-known name, full name or alias from `schema/lexicons/orgs_known.txt`
//!   (`工行` → 工商银行). Short names that are also ordinary words (`联通`, `移动`, `平安`) are
//!   listed as `weak=` and only count in a document that names the organization properly, or
//!   in a list next to an accepted name (`光大、工行`). A government body takes the place
//!   written before it (`美国国务院`), a company the country after it (`汇丰中国`).
//! - `org.suffix` — a name ending in an organization suffix (`schema/lexicons/org_suffixes.txt`),
//!   see [`suffix`] for how the left boundary is found.
//! - `org.fund` — the same for fund suffixes (`产业母基金`, `投资基金`), kind `fund`.
//! - `org.latin` — a company written in Latin script (`Altenberg Antriebstechnik GmbH`), see
//!   [`latin`].
//! - `org.alias_def` / `org.alias_use` — `（以下简称“X”）` after an organization defines X;
//!   X and its later uses are organizations whose canonical name is the full name.
//! - `org.stock_code` / `org.event_arg` / `org.short_use` / `org.short_form` — short company
//!   names without a suffix, accepted where a stock code or a financial-event slot vouches for
//!   them, their later uses, and short forms of full names (see [`short`]).
//! - `org.elliptic` — a government body listed after another one without its place
//!   (`临江市委、市政府`): the place of the body before it completes its name (see [`elliptic`]).
//! - `org.initials` — an unannounced abbreviation by the first characters of a full name's
//!   words (`国家创新基金管理会` … `国创基金`), see [`initial_abbreviations`].
//! - `org.team` — a foreign sports team, a transliterated name and 队 (`加拉塔萨雷队`), see
//!   [`team`].
//!
//! Why the family resolves its own overlaps before [`crate::extract::commit`]: alias
//! definitions must be attached to the organization that *wins* right before the parenthesis,
//! so the family needs to know the winners. It applies the same policy as `commit` (priority,
//! then length, then start), so the result does not change when `commit` runs again.
//!
//! Decisions:
//! - Every organization candidate has the same priority, so the longest name wins an overlap
//!   (`华为技术有限公司` over `华为`, `交通银行深圳分行` over `交通银行`) — except a Latin-script
//!   name (`org.latin`), one above: a slot reading that glues a country to it
//!   (`收购德国 X GmbH`) is not longer for a better reason.
//! - A fund named after its owner (`联通X产业母基金`) is split: the owner is its own
//!   organization mention and the fund is `X产业母基金`, so one fund is one entity however the
//!   text prefixes it (suffix attribute `owner=split`).
//! - A place that begins an organization name belongs to the organization (`北京银行`,
//!   `苏州市人民政府`): organizations are committed before locations, so the location family
//!   never sees that place.

mod alias;
mod elliptic;
pub(crate) use elliptic::{committee, placeless_body};
mod latin;
mod shop;
mod short;
mod suffix;
mod team;

use std::collections::HashMap;
use std::ops::Range;

use crate::extract::{AnnotatedDoc, Attrs, Candidate, Extractor, Label, OrgKind};
use crate::normalize::filters::is_han;
use crate::rules::{Entry, FastMap, FastSet, LexiconSet, RuleId, Rules, TermMatcher};
use crate::span::char_window;

pub const KNOWN: RuleId = RuleId("org.known");
pub const SUFFIX: RuleId = RuleId("org.suffix");
pub const FUND: RuleId = RuleId("org.fund");
pub const ALIAS_DEF: RuleId = RuleId("org.alias_def");
pub const ALIAS_USE: RuleId = RuleId("org.alias_use");
pub const STOCK_CODE: RuleId = RuleId("org.stock_code");
pub const EVENT_ARG: RuleId = RuleId("org.event_arg");
pub const SHORT_USE: RuleId = RuleId("org.short_use");
pub const SHORT_FORM: RuleId = RuleId("org.short_form");
pub const ALIAS_PLACEHOLDER: RuleId = RuleId("org.alias_placeholder");
pub const PLACE_PARTY: RuleId = RuleId("org.place_party");
pub const TITLE_HOLDER: RuleId = RuleId("org.title_holder");
pub const INITIALS: RuleId = RuleId("org.initials");
pub use elliptic::ELLIPTIC;
pub use latin::LATIN;
pub use shop::SHOP_MARK;
pub use team::TEAM;

/// Every organization rule id (for the rule registry cross-check).
pub const RULE_IDS: [RuleId; 17] = [
    KNOWN,
    SUFFIX,
    FUND,
    ALIAS_DEF,
    ALIAS_USE,
    STOCK_CODE,
    EVENT_ARG,
    SHORT_USE,
    SHORT_FORM,
    ALIAS_PLACEHOLDER,
    PLACE_PARTY,
    LATIN,
    ELLIPTIC,
    TITLE_HOLDER,
    SHOP_MARK,
    INITIALS,
    TEAM,
];

/// Priority of every organization candidate: equal, so the longer name wins an overlap
/// (`华为技术有限公司` over `华为`).
const PRIORITY: i32 = 10;

/// How a known-name entry was written in the lexicon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NameForm {
    /// The entry's own name, its `full=` name or an `aliases=` name.
    Strong,
    /// A `weak=` short name: only counts if a strong form occurs in the same document.
    Weak,
}

/// One matchable form of a known organization.
#[derive(Clone, Debug)]
struct KnownForm {
    canonical: String,
    kind: OrgKind,
    form: NameForm,
}

/// Classes of the words in `schema/lexicons/org_stopwords.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WordType {
    Stop,
    Generic,
    Admin,
    NotOrg,
    RightBad,
    RightBad1,
    RightBadHui,
    NotAlias,
    Measure,
    NamePart,
    Joint,
    /// A two-character word that a short known name may straddle (`我国|航空` holds `国航`).
    Straddle,
}

impl WordType {
    fn parse(s: &str) -> Option<WordType> {
        Some(match s {
            "stop" => WordType::Stop,
            "generic" => WordType::Generic,
            "admin" => WordType::Admin,
            "notorg" => WordType::NotOrg,
            "rightbad" => WordType::RightBad,
            "rightbad1" => WordType::RightBad1,
            "rightbad_hui" => WordType::RightBadHui,
            "notalias" => WordType::NotAlias,
            "measure" => WordType::Measure,
            "name" => WordType::NamePart,
            "joint" => WordType::Joint,
            "straddle" => WordType::Straddle,
            _ => return None,
        })
    }
}

/// How much of a name a suffix needs (see `org_suffixes.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Needs {
    Core,
    Any,
    Place,
    /// A unit of an organization (`司`, `处`, `系`): only after an organization name.
    Org,
}

/// One organization suffix.
#[derive(Clone, Debug)]
pub(crate) struct SuffixSpec {
    pub kind: OrgKind,
    pub min_chars: usize,
    pub needs: Needs,
    pub owner_split: bool,
    /// A branch (`分行`, `分公司`): a place may sit between the parent and the suffix.
    pub branch: bool,
    /// Also an industry word (`科技`, `信托`): never an inner organization of a longer name.
    pub weak: bool,
    /// A department (`部`, `部门`, `X中心`): named by a function only, it is no organization
    /// of its own inside a longer name (`北京国华置业有限公司公关部`).
    pub dept: bool,
    /// A unit (`党委`, `工会`) of the organization it follows: no mention of its own there.
    pub unit: bool,
    /// A body named by its organization's name and the suffix alone (`星海商会秘书处`): with
    /// `needs=org`, the organization may end right before the suffix.
    pub whole: bool,
    /// Characters that, right after the suffix, make it part of a word (`系统`, `系列`).
    pub not_before: Vec<char>,
    /// A Japanese company form (`株式会社`, `有限会社`: `inner_he=1`): a `和` with one
    /// character before it that opens the name is part of the trade name (`三和`, `东和`).
    pub inner_he: bool,
}

/// Compiled organization rules, built once.
pub struct OrgRules {
    /// `notalias` words marked `placeholder=1` (`公司`): see [`alias`].
    placeholders: TermMatcher,
    /// Suffixes marked `unit=1` (`党委`, `党组`): see [`trim_unit_before_title`].
    unit_suffixes: Vec<String>,
    known: TermMatcher,
    known_forms: Vec<KnownForm>,
    suffixes: TermMatcher,
    suffix_specs: Vec<SuffixSpec>,
    /// One matcher per word type (they overlap: 合作 is a stop word, 合作社 a suffix).
    words: Vec<(WordType, TermMatcher)>,
    /// Places (from `locations.txt`): they may begin a name and protect stop characters.
    places: TermMatcher,
    /// Job titles (from `titles.txt`): a title before a name ends the left scan.
    titles: TermMatcher,
    alias_re: crate::rules::LiteralStartRegex,
    /// Measure words (`家`, `个`): after a numeral they end the left scan (`5家银行`).
    measure_words: Vec<char>,
    /// Short company names without a suffix (see [`short`]).
    short: short::ShortRules,
    /// Single-character surnames (`surnames.txt`): a shop mark opens with one (see [`shop`]).
    single_surnames: FastSet<char>,
    /// Transliteration characters (`transliteration_chars.txt`): a foreign team's name before
    /// 队 (see [`team`]).
    translit: FastSet<char>,
}

impl OrgRules {
    pub fn build(lex: &LexiconSet) -> OrgRules {
        // Known names: every form becomes a matcher entry whose value indexes `known_forms`.
        let mut forms = Vec::new();
        let mut entries = Vec::new();
        for e in &lex.get("orgs_known").entries {
            let kind = e
                .attr("kind")
                .and_then(OrgKind::parse)
                .unwrap_or(OrgKind::Other);
            let mut push = |term: &str, form: NameForm| {
                if term.is_empty() {
                    return;
                }
                entries.push(Entry {
                    term: term.to_string(),
                    attrs: vec![("form".into(), forms.len().to_string())],
                });
                forms.push(KnownForm {
                    canonical: e.term.clone(),
                    kind,
                    form,
                });
            };
            push(&e.term, NameForm::Strong);
            if let Some(full) = e.attr("full") {
                push(full, NameForm::Strong);
            }
            for a in e.attr("aliases").unwrap_or("").split('|') {
                push(a, NameForm::Strong);
            }
            for a in e.attr("weak").unwrap_or("").split('|') {
                push(a, NameForm::Weak);
            }
        }
        let suffix_specs: Vec<SuffixSpec> = lex
            .get("org_suffixes")
            .entries
            .iter()
            .map(|e| SuffixSpec {
                kind: e
                    .attr("kind")
                    .and_then(OrgKind::parse)
                    .unwrap_or(OrgKind::Other),
                min_chars: e.attr("min").and_then(|m| m.parse().ok()).unwrap_or(2),
                needs: match e.attr("needs") {
                    Some("any") => Needs::Any,
                    Some("place") => Needs::Place,
                    Some("org") => Needs::Org,
                    _ => Needs::Core,
                },
                owner_split: e.attr("owner") == Some("split"),
                branch: e.attr("branch") == Some("1"),
                weak: e.attr("weak") == Some("1"),
                dept: e.attr("dept") == Some("1"),
                unit: e.attr("unit") == Some("1"),
                whole: e.attr("whole") == Some("1"),
                not_before: e.attr("notbefore").unwrap_or("").chars().collect(),
                inner_he: e.attr("inner_he") == Some("1"),
            })
            .collect();
        let suffix_entries: Vec<Entry> = lex
            .get("org_suffixes")
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| Entry {
                term: e.term.clone(),
                attrs: vec![("spec".into(), i.to_string())],
            })
            .collect();
        let mut by_type: HashMap<&str, Vec<&Entry>> = HashMap::new();
        for e in &lex.get("org_stopwords").entries {
            by_type
                .entry(e.attr("type").unwrap_or(""))
                .or_default()
                .push(e);
        }
        let words = by_type
            .into_iter()
            .filter_map(|(t, es)| Some((WordType::parse(t)?, TermMatcher::new(es))))
            .collect();
        OrgRules {
            placeholders: TermMatcher::new(
                lex.get("org_stopwords")
                    .entries
                    .iter()
                    .filter(|e| e.attr("placeholder") == Some("1")),
            ),
            unit_suffixes: lex
                .get("org_suffixes")
                .entries
                .iter()
                .filter(|e| e.attr("unit") == Some("1"))
                .map(|e| e.term.clone())
                .collect(),
            known: TermMatcher::new(entries.iter()),
            known_forms: forms,
            suffixes: TermMatcher::new(suffix_entries.iter()),
            suffix_specs,
            words,
            places: TermMatcher::new(lex.get("locations").entries.iter()),
            titles: TermMatcher::new(lex.get("titles").entries.iter()),
            alias_re: alias::definition_regex(),
            measure_words: lex
                .get("org_stopwords")
                .entries
                .iter()
                .filter(|e| e.attr("type") == Some("measure"))
                .filter_map(|e| e.term.chars().next())
                .collect(),
            short: short::ShortRules::build(lex),
            translit: lex
                .get("transliteration_chars")
                .terms()
                .flat_map(|t| t.chars())
                .collect(),
            single_surnames: lex
                .get("surnames")
                .entries
                .iter()
                .filter_map(|e| {
                    let mut cs = e.term.chars();
                    cs.next().filter(|_| cs.next().is_none())
                })
                .collect(),
        }
    }

    pub(crate) fn words(&self, t: WordType) -> impl Iterator<Item = &TermMatcher> {
        self.words
            .iter()
            .filter(move |(wt, _)| *wt == t)
            .map(|(_, m)| m)
    }
}

/// A known-name match before gating.
struct KnownHit {
    range: Range<usize>,
    form: usize,
}

pub struct OrgExtractor;

impl Extractor for OrgExtractor {
    fn family(&self) -> &'static str {
        "org"
    }

    fn find(&self, doc: &AnnotatedDoc, rules: &Rules, out: &mut Vec<Candidate>) {
        let r = &rules.org;
        let text = doc.text();
        let known = known_candidates(text, r);
        let mut cands: Vec<Candidate> = known.clone();
        suffix::find(doc, r, &known, &mut cands);
        latin::find(text, &mut cands);
        shop::find(text, r, &mut cands);
        team::find(text, r, &mut cands);
        let first = resolve(cands.clone());
        let (short_names, form_of) = short::find(doc.norm, r, &first);
        cands.extend(short_names);
        let winners = resolve(cands);
        let aliases = alias::find(text, r, &winners);
        // A defined alias outranks the same span found as a short name. (A set: a long
        // document has thousands of alias uses and of short names.)
        let alias_ranges: FastSet<(usize, usize)> = aliases
            .iter()
            .map(|a| (a.range.start, a.range.end))
            .collect();
        let mut all: Vec<Candidate> = winners
            .into_iter()
            .filter(|c| {
                !([STOCK_CODE, EVENT_ARG, SHORT_USE, SHORT_FORM, TITLE_HOLDER].contains(&c.rule)
                    && alias_ranges.contains(&(c.range.start, c.range.end)))
            })
            .collect();
        trim_unit_before_title(text, r, &mut all);
        // A short name that a document defines as an alias elsewhere (a headline before the
        // definition) names the same organization; so does a suffix-shaped alias (`晶创科技`)
        // that the suffix rule found on its own.
        let alias_of: FastMap<&str, &Candidate> = aliases
            .iter()
            .filter(|a| a.canonical.is_some())
            .map(|a| (&text[a.range.clone()], a))
            .collect();
        for c in all.iter_mut() {
            if [STOCK_CODE, EVENT_ARG, SHORT_USE, SUFFIX, FUND, TITLE_HOLDER].contains(&c.rule)
                && c.canonical.is_none()
                && let Some(a) = alias_of.get(&text[c.range.clone()])
            {
                c.canonical = a.canonical.clone();
                if matches!(a.attrs, Attrs::Org { .. }) {
                    c.attrs = a.attrs.clone();
                }
            } else if c.canonical.is_none()
                && let Some(full) = form_of.get(&text[c.range.clone()])
                && (c.rule == SUFFIX
                    || c.rule == KNOWN && short::plain_full_name(&text[c.range.clone()], full, r))
            {
                // `嘉泽港口集团` in a headline, `嘉泽港口集团有限公司` in the body: the
                // suffix-shaped short form names the full name (`org.short_form`); so does a
                // known short name the document gives with only a legal suffix added.
                c.canonical = Some(full.clone());
            }
        }
        session_prefix(text, &mut all);
        unit_tails(text, &mut all);
        elliptic::find(text, r, &mut all);
        elliptic::committees_refer_back(text, r, &mut all);
        bare_government_refers_back(text, &mut all);
        bare_branches(text, r, &mut all);
        drop_appositive_descriptions(text, r, &mut all);
        latin_names_in_parentheses(text, &mut all);
        all.extend(aliases);
        // (after the overlaps are resolved: a losing candidate — `焕新升级为X产业母基金` — is
        // no full name)
        let mut winners = resolve(all);
        initial_abbreviations(text, &mut winners);
        out.extend(winners);
    }
}

/// Shortest tail of a government body that may stand for its full name, in characters.
const MIN_UNIT_TAIL: usize = 4;

/// `经济部产业发展署` … `产业发展署署长某`: a government body named again without its parent
/// (or its place: `湖南省生态环境厅` … `省生态环境厅`) is the body named before, when exactly
/// one earlier government body of the document ends with that name. The later mention takes
/// the full name as its canonical name, so both link to one entity.
fn unit_tails(text: &str, cands: &mut [Candidate]) {
    let gov = |c: &Candidate| {
        matches!(
            c.attrs,
            Attrs::Org {
                kind: OrgKind::Government
            }
        )
    };
    let fulls: Vec<(usize, &str, String)> = cands
        .iter()
        .filter(|c| gov(c))
        .map(|c| {
            let name = c
                .canonical
                .clone()
                .unwrap_or_else(|| text[c.range.clone()].to_string());
            (c.range.start, &text[c.range.clone()], name)
        })
        .collect();
    for c in cands.iter_mut() {
        if c.rule != SUFFIX || c.canonical.is_some() || !gov(c) {
            continue;
        }
        let tail = &text[c.range.clone()];
        if tail.chars().count() < MIN_UNIT_TAIL {
            continue;
        }
        let mut owners = fulls
            .iter()
            .filter(|(start, t, _)| {
                *start < c.range.start && t.len() > tail.len() && t.ends_with(tail)
            })
            .map(|(_, _, name)| name)
            .collect::<Vec<_>>();
        owners.sort();
        owners.dedup();
        if let [only] = owners[..] {
            c.canonical = Some(only.clone());
        }
    }
}

/// The levels of government a bare `X政府` may name (`区政府`, `市人民政府`).
const GOV_LEVELS: [char; 6] = ['省', '市', '区', '县', '镇', '乡'];

/// `杭州市青溪区人民政府与…签约 … 随后，区政府分别与A、B签署`: a bare government of one level
/// (`区政府`, `区人民政府`, `县政府` — no place of its own before it) refers back to the
/// document's one government of that level named in full (its name ends in `区人民政府` or
/// `区政府` after a place) and takes it as its canonical name. With several such governments
/// it stays as it is; with none, the document's one party committee of that level named with
/// its place (`青禾县委书记…，县政府县长…`) gives the place (青禾县政府).
fn bare_government_refers_back(text: &str, cands: &mut [Candidate]) {
    let level_of = |name: &str| -> Option<char> {
        let rest = name
            .strip_suffix("人民政府")
            .or_else(|| name.strip_suffix("政府"))?;
        let mut cs = rest.chars();
        let level = cs.next_back()?;
        GOV_LEVELS.contains(&level).then_some(level)
    };
    let bare = |name: &str| {
        name.chars().count() <= 5 && level_of(name).is_some() && {
            let rest = name.trim_end_matches("人民政府").trim_end_matches("政府");
            rest.chars().count() == 1
        }
    };
    let full_names: Vec<(char, String)> = cands
        .iter()
        .filter(|c| c.label == Label::Organization)
        .map(|c| {
            c.canonical
                .clone()
                .unwrap_or_else(|| text[c.range.clone()].to_string())
        })
        .filter(|n| !bare(n))
        .filter_map(|n| level_of(&n).map(|l| (l, n)))
        .collect();
    // The places of the party committees named with their place (`青禾县委`, `中共苏州市委`
    // → 青禾县, 苏州市), by level.
    let committee_places: Vec<(char, String)> = cands
        .iter()
        .filter(|c| c.label == Label::Organization)
        .filter_map(|c| {
            let name = c.canonical.as_deref().unwrap_or(&text[c.range.clone()]);
            let place = name.strip_suffix('委')?;
            let place = place.strip_prefix("中共").unwrap_or(place);
            let level = place.chars().next_back()?;
            (GOV_LEVELS.contains(&level) && place.chars().count() >= 3)
                .then(|| (level, place.to_string()))
        })
        .collect();
    for c in cands.iter_mut() {
        let name = &text[c.range.clone()];
        if c.rule != SUFFIX || c.canonical.is_some() || !bare(name) {
            continue;
        }
        let Some(level) = level_of(name) else {
            continue;
        };
        // the distinct names of that level in a list
        let of_level = |list: &[(char, String)]| -> std::collections::BTreeSet<String> {
            list.iter()
                .filter(|(l, _)| *l == level)
                .map(|(_, n)| n.clone())
                .collect()
        };
        let fulls = of_level(&full_names);
        if fulls.len() == 1 {
            c.canonical = fulls.into_iter().next();
        } else if fulls.is_empty() {
            // no government of the level named in full: the document's one party committee
            // of that level names its place (`青禾县委书记…，县政府县长…` → 青禾县政府)
            let places = of_level(&committee_places);
            if places.len() == 1
                && let Some(p) = places.first()
            {
                let body = name.strip_prefix(level).unwrap_or(name);
                c.canonical = Some(format!("{p}{body}"));
            }
        }
    }
}

/// How a regional branch's name ends, with the endings of the parent it is a branch of
/// (`分公司` of a `…集团`/`…公司`, `分行` of a `…银行`).
const BRANCH_ENDS: [(&str, &[&str]); 2] =
    [("分公司", &["集团", "公司", "控股"]), ("分行", &["银行"])];

/// Longest region before a bare branch's ending, in characters (`大中华`, `黑龙江`).
const MAX_BRANCH_REGION: usize = 4;

/// `恒达集团召开…。华东分公司总经理甲`: a regional branch named bare — a region of
/// [`DIVISION_REGIONS`] or a place, then `分公司`/`分行`, and nothing of a name glued before it —
/// is a branch of the document's parent named before it, when the organizations named before
/// it of that parent's kind (`…集团`, `…公司`, `…控股` for 分公司; `…银行` for 分行; no branch
/// itself) are all one: it takes the parent's name and the branch's as its canonical name
/// (`恒达集团华东分公司`). With two parents named before it, or none, it stays as it is.
fn bare_branches(text: &str, r: &OrgRules, cands: &mut [Candidate]) {
    if !BRANCH_ENDS.iter().any(|(e, _)| text.contains(e)) {
        return;
    }
    let mut order: Vec<usize> = (0..cands.len())
        .filter(|&i| cands[i].label == Label::Organization)
        .collect();
    // (the longer of two candidates at one start first: an overlapping shorter reading of a
    // parent is no second parent)
    order.sort_by_key(|&i| (cands[i].range.start, std::cmp::Reverse(cands[i].range.end)));
    // per branch ending: the one parent named so far, and whether another one was named
    let mut parent: [(Option<String>, bool); BRANCH_ENDS.len()] = Default::default();
    let mut last_end = [0usize; BRANCH_ENDS.len()];
    // the branches named with their parent (`恒达集团华东分公司`)
    let mut full_branches: Vec<String> = Vec::new();
    for i in order {
        let c = &cands[i];
        let name = c
            .canonical
            .clone()
            .unwrap_or_else(|| text[c.range.clone()].to_string());
        let written = &text[c.range.clone()];
        let branch = BRANCH_ENDS
            .iter()
            .position(|(e, _)| written.ends_with(e))
            .filter(|_| c.canonical.is_none())
            .filter(|&k| {
                let region = &written[..written.len() - BRANCH_ENDS[k].0.len()];
                (1..=MAX_BRANCH_REGION).contains(&region.chars().count())
                    && (DIVISION_REGIONS.contains(&region) || r.places.contains(region))
            });
        if let Some(k) = branch {
            // the same branch named with its parent before, else the one parent
            if let Some(full) = full_branches
                .iter()
                .rfind(|f| f.len() > written.len() && f.ends_with(written))
            {
                cands[i].canonical = Some(full.clone());
            } else if let (Some(p), false) = &parent[k] {
                cands[i].canonical = Some(format!("{p}{written}"));
            }
            continue;
        }
        if BRANCH_ENDS.iter().any(|(e, _)| name.ends_with(e)) {
            full_branches.push(name);
            continue;
        }
        for (k, (_, parents)) in BRANCH_ENDS.iter().enumerate() {
            if c.range.start < last_end[k] {
                continue;
            }
            if parents.iter().any(|e| name.ends_with(e)) {
                last_end[k] = c.range.end;
                match &parent[k] {
                    (Some(p), _) if *p != name => parent[k].1 = true,
                    (Some(_), _) => {}
                    (None, _) => parent[k].0 = Some(name.clone()),
                }
            }
        }
    }
}

/// Shortest abbreviation by initials (`国开行`), in characters.
const MIN_INITIALS_ABBR: usize = 3;

/// `国家创新基金管理会` … `国创基金`: a short name made of the first characters of the words of a
/// full name (two at least, never adjacent in it: 国家 → 国, 创新 → 创) and a head word kept
/// whole after them (基金; `国家开发银行` … `国开行`) names that organization when it is the
/// only organization of the document it abbreviates this way. Only bodies, banks and
/// institutions are shortened like this; a company name is shortened by dropping its suffix
/// (`org.short_form`), so an enterprise is never the full name here (except a bank: the
/// abbreviation ends in 行).
fn initial_abbreviations(text: &str, cands: &mut [Candidate]) {
    let fulls: Vec<(Vec<char>, bool, Attrs)> = {
        let mut seen = FastSet::default();
        cands
            .iter()
            .filter(|c| c.label == Label::Organization && c.canonical.is_none())
            .map(|c| (&text[c.range.clone()], c))
            .filter(|(n, _)| n.chars().count() >= MIN_INITIALS_ABBR + 2 && seen.insert(*n))
            .map(|(n, c)| {
                let enterprise = matches!(
                    c.attrs,
                    Attrs::Org {
                        kind: OrgKind::Enterprise
                    }
                );
                (n.chars().collect(), enterprise, c.attrs.clone())
            })
            .collect()
    };
    if fulls.is_empty() {
        return;
    }
    // Full names by their first character (an abbreviation opens with it), and one answer per
    // abbreviation: every mention tried against every full name was quadratic on a long
    // document.
    let mut by_first: FastMap<char, Vec<usize>> = FastMap::default();
    for (i, (f, _, _)) in fulls.iter().enumerate() {
        if let Some(&ch) = f.first() {
            by_first.entry(ch).or_default().push(i);
        }
    }
    let mut answers: FastMap<&str, Option<usize>> = FastMap::default();
    for c in cands.iter_mut() {
        if c.label != Label::Organization || c.canonical.is_some() {
            continue;
        }
        let name = &text[c.range.clone()];
        let found = *answers.entry(name).or_insert_with(|| {
            let abbr: Vec<char> = name.chars().collect();
            if !(MIN_INITIALS_ABBR..=5).contains(&abbr.len()) || !abbr.iter().all(|&ch| is_han(ch))
            {
                return None;
            }
            let mut hits = abbr
                .first()
                .and_then(|ch| by_first.get(ch))
                .into_iter()
                .flatten()
                .copied()
                .filter(|&i| {
                    let (f, enterprise, _) = &fulls[i];
                    f.len() >= abbr.len() + 2
                        && (!enterprise || abbr.last() == Some(&'行'))
                        && abbreviates(&abbr, f)
                });
            match (hits.next(), hits.next()) {
                (Some(i), None) => Some(i),
                _ => None,
            }
        });
        if let Some(i) = found {
            let (f, _, attrs) = &fulls[i];
            c.canonical = Some(f.iter().collect());
            c.attrs = attrs.clone();
            c.rule = INITIALS;
        }
    }
}

/// Is `abbr` two or more initials of `full` (its first character first, none adjacent in it)
/// followed by a head word that stands whole in `full` after the last initial?
fn abbreviates(abbr: &[char], full: &[char]) -> bool {
    if abbr.first() != full.first() {
        return false;
    }
    // Split: abbr[..k] are initials (k >= 2), abbr[k..] the head word (one character or more).
    (2..abbr.len()).any(|k| {
        let mut pos = 0;
        for &ch in &abbr[1..k] {
            match full
                .get(pos + 2..)
                .and_then(|rest| rest.iter().position(|&x| x == ch))
            {
                Some(p) => pos = pos + 2 + p,
                None => return false,
            }
        }
        let head = &abbr[k..];
        full.len() > pos + 1 && full[pos + 1..].windows(head.len()).any(|w| w == head)
    })
}

/// `德国博朗斯动力系统股份公司（Braunsz Powertrain AG，以下简称…）`: a Latin-script name in
/// the parenthesis right after an organization is that organization's own name in another
/// script — the same entity, not a second party.
fn latin_names_in_parentheses(text: &str, cands: &mut [Candidate]) {
    // Most documents have no Latin-script name: no map of every candidate's name then.
    if !cands.iter().any(|c| c.rule == LATIN) {
        return;
    }
    let mut by_end: crate::rules::FastMap<usize, (String, Attrs)> = Default::default();
    for c in cands.iter().filter(|c| c.rule != LATIN) {
        let name = c
            .canonical
            .clone()
            .unwrap_or_else(|| text[c.range.clone()].to_string());
        by_end.insert(c.range.end, (name, c.attrs.clone()));
    }
    for c in cands.iter_mut().filter(|c| c.rule == LATIN) {
        let before = text[..c.range.start].trim_end();
        let Some(open) = before.strip_suffix(['（', '(']) else {
            continue;
        };
        if let Some((name, attrs)) = by_end.get(&open.trim_end().len()) {
            c.canonical = Some(name.clone());
            c.attrs = attrs.clone();
        }
    }
}

/// Opening quotes of a quoted name and their closing ones.
const QUOTES: [(char, char); 3] = [('“', '”'), ('「', '」'), ('"', '"')];
/// The longest quoted name after a descriptor, in characters.
const MAX_QUOTED_NAME: usize = 12;

/// `出售方为德国私募股权基金 Rheintal Capital Partners`: a description made of a place, generic
/// words and an organization word (`德国私募股权基金`) right before a Latin-script name
/// describes that name; it is no organization of its own.
///
/// `在线教育初创公司“作业帮”`: likewise a name that ends in a descriptor of org_short.txt
/// (type=lead: 初创公司, 独角兽) right before a quoted name of another candidate.
fn drop_appositive_descriptions(text: &str, r: &OrgRules, cands: &mut Vec<Candidate>) {
    let latin_starts: Vec<usize> = cands
        .iter()
        .filter(|c| c.rule == LATIN)
        .map(|c| c.range.start)
        .collect();
    let descriptive = |c: &Candidate| -> bool {
        if !matches!(c.rule, SUFFIX | FUND) {
            return false;
        }
        let after = &text[c.range.end..];
        if let Some((_, close)) = QUOTES.iter().find(|(q, _)| after.starts_with(*q))
            && after
                .chars()
                .skip(1)
                .take(MAX_QUOTED_NAME + 1)
                .position(|ch| ch == *close)
                .is_some_and(|n| n > 0)
        {
            // a descriptor of three characters or more (`公司` also ends `有限公司`)
            let name = &text[c.range.clone()];
            return r.short.lead.find_all(name).any(|(rg, _)| {
                rg.end == name.len() && rg.start > 0 && name[rg.clone()].chars().count() >= 3
            });
        }
        if latin_starts.is_empty() {
            return false;
        }
        let next = c.range.end + (after.len() - after.trim_start().len());
        if !latin_starts.contains(&next) {
            return false;
        }
        let mut name = &text[c.range.clone()];
        while let Some((end, _)) = r.places.longest_at(name, 0, name.len()) {
            if end == 0 || end == name.len() {
                break;
            }
            name = &name[end..];
        }
        let Some(core) = ["基金", "公司", "集团", "机构", "企业"]
            .iter()
            .find_map(|w| name.strip_suffix(w))
        else {
            return false;
        };
        // Every character of what is left is inside a generic word (私募 + 股权).
        only_generic(core, r)
    };
    cands.retain(|c| !descriptive(c));
}

/// Is every character of `core` inside a generic industry word (`私募股权`, `数字科技`)? Such
/// a phrase describes a kind of firm and names none.
pub(crate) fn only_generic(core: &str, r: &OrgRules) -> bool {
    let mut covered = vec![false; core.len()];
    for m in r.words(WordType::Generic) {
        for (rg, _) in m.find_all(core) {
            for b in covered.iter_mut().take(rg.end).skip(rg.start) {
                *b = true;
            }
        }
    }
    !core.is_empty() && covered.iter().all(|b| *b)
}

/// Regions a company divides its business by (`亚太`, `华东`; words_org.txt list
/// division_region).
pub(crate) static DIVISION_REGIONS: crate::rules::WordList =
    crate::rules::WordList::new("words_org", "division_region");
/// How the name of a regional division ends (`亚太区`, `华东大区`, `华南区域`).
const DIVISION_ENDS: [&str; 5] = ["大区", "区域", "地区", "片区", "区"];

/// `X集团亚太区总裁`, `X资本华东大区总经理`: where the name of a regional division that ends
/// at `end` starts (a region of [`DIVISION_REGIONS`] and a division end), if one ends there.
pub(crate) fn division_before(text: &str, end: usize) -> Option<usize> {
    let head = &text[..end];
    let rest = DIVISION_ENDS.iter().find_map(|e| head.strip_suffix(e))?;
    let w = DIVISION_REGIONS
        .iter()
        .filter(|w| rest.ends_with(**w))
        .map(|w| w.len())
        .max()?;
    Some(rest.len() - w)
}

/// Does `name` end in an organization suffix of org_suffixes.txt (`公司`, `集团`) or a
/// company-shaped ending of org_short.txt (`证券`, `资本`)? A name written so is complete; a
/// bare short name (`星联`, an alias of a known name) followed by an industry word
/// (`星联商务`) is the start of another company's name.
pub(crate) fn ends_in_suffix(name: &str, r: &OrgRules) -> bool {
    r.suffixes
        .find_all(name)
        .any(|(rg, _)| rg.end == name.len())
        || r.short.company_end(name)
}

/// `第九届全国人民代表大会`: the session ordinal right before a congress (a government body
/// whose name ends in `代表大会`) is part of its name as written (a congress is elected per
/// session). The mention
/// takes it in; the entity stays the body (its canonical name is the name without it).
fn session_prefix(text: &str, cands: &mut [Candidate]) {
    for c in cands.iter_mut() {
        if !matches!(c.rule, KNOWN | SUFFIX)
            || !matches!(
                c.attrs,
                Attrs::Org {
                    kind: OrgKind::Government
                }
            )
        {
            continue;
        }
        // Only a congress (`代表大会`): standing bodies are written with the ordinal as often as
        // without it (`第十一届全国人大常委会`), and then it is the session, not the name.
        if !text[c.range.clone()].ends_with("代表大会") {
            continue;
        }
        let before = &text[..c.range.start];
        let Some(rest) = before.strip_suffix(['届', '次']) else {
            continue;
        };
        let digits = rest
            .chars()
            .rev()
            .take_while(|ch| ch.is_ascii_digit() || "〇零一二三四五六七八九十百".contains(*ch))
            .count();
        if !(1..=4).contains(&digits) {
            continue;
        }
        let num_start = rest
            .char_indices()
            .rev()
            .nth(digits - 1)
            .map_or(0, |(i, _)| i);
        let Some(ord) = rest[..num_start].strip_suffix('第') else {
            continue;
        };
        if c.canonical.is_none() {
            c.canonical = Some(text[c.range.clone()].to_string());
        }
        c.range.start = ord.len();
    }
}

/// Titles a unit's name forms with its holder's title (`党委` + `书记` = `党委书记`).
const UNIT_TITLES: [&str; 4] = ["书记", "副书记", "常委", "委员"];

/// `润华能源党委书记`: the unit (`党委`, `党组`) belongs to the title (`党委书记`, in
/// `titles.txt`), and the organization is the name before it. A suffix name ending in a
/// `unit=1` suffix right before one of [`UNIT_TITLES`] is cut back to that name (kept only if
/// at least two characters remain), so the role family reads the whole title and the position
/// binds to the organization.
fn trim_unit_before_title(text: &str, r: &OrgRules, cands: &mut Vec<Candidate>) {
    cands.retain_mut(|c| {
        if c.rule != SUFFIX {
            return true;
        }
        let name = &text[c.range.clone()];
        let Some(unit) = r.unit_suffixes.iter().find(|u| name.ends_with(u.as_str())) else {
            return true;
        };
        if !UNIT_TITLES
            .iter()
            .any(|t| text[c.range.end..].starts_with(t))
        {
            return true;
        }
        let end = c.range.end - unit.len();
        if text[c.range.start..end].chars().count() < 2 {
            return false;
        }
        // `自治区党委常委`, `广西壮族自治区党委书记`: before a party committee a place (or a
        // bare level word) is no organization that holds the post; the committee is.
        if place_owner(&text[c.range.start..end], r) {
            return true;
        }
        c.range.end = end;
        c.attrs = Attrs::Org {
            kind: OrgKind::Enterprise,
        };
        true
    });
}

/// Level words a place of government ends with (`广西壮族自治区`, `青川市`, `自治区`).
const PLACE_LEVELS: [&str; 9] = [
    "自治区",
    "自治州",
    "自治县",
    "省",
    "市",
    "区",
    "县",
    "镇",
    "乡",
];

/// Is `name` (the words before a unit such as `党委`) a place or a bare level word, so the unit
/// is the place's own body (`自治区党委`, `江苏省党委`) and no company's?
fn place_owner(name: &str, r: &OrgRules) -> bool {
    r.places.contains(name)
        || (PLACE_LEVELS.iter().any(|l| name.ends_with(l)) && !name.ends_with("超市"))
}

/// Known names, with weak short names kept only when a strong form of the same organization
/// occurs in the text, and ASCII names only at word boundaries (`UN` not inside `UNESCO`).
fn known_candidates(text: &str, r: &OrgRules) -> Vec<Candidate> {
    let hits: Vec<KnownHit> = r
        .known
        .find_longest(text)
        .filter_map(|(range, e)| {
            let form = e.attr("form")?.parse().ok()?;
            Some(KnownHit { range, form })
        })
        .filter(|h| ascii_bounded(text, &h.range))
        // `公安部门`, `工信部门`: a name ending in 部 before 门 is the word 部门 (a department
        // of that line of work), not the ministry.
        .filter(|h| !(text[..h.range.end].ends_with('部') && text[h.range.end..].starts_with('门')))
        // A government body followed by an industry word names its unit
        // (`经济部产业发展署`, `商务部产业安全局`), not a common noun.
        .filter(|h| {
            r.known_forms[h.form].kind == OrgKind::Government || !right_bad(text, h.range.end, r)
        })
        .filter(|h| !straddles_words(text, &h.range, r))
        .collect();
    // A short name that straddles a place name is a coincidence of characters
    // (`北京东部` holds `京东`): the place wins. Places are short, so a binary search plus a
    // short window keeps this linear.
    let mut places: Vec<Range<usize>> = r.places.find_all(text).map(|(rg, _)| rg).collect();
    places.sort_by_key(|p| (p.start, p.end));
    const MAX_PLACE_BYTES: usize = 64;
    let crosses = |a: &Range<usize>| {
        let from = places.partition_point(|p| p.start + MAX_PLACE_BYTES < a.start);
        places[from..]
            .iter()
            .take_while(|p| p.start < a.end)
            .any(|p| {
                p.start < a.end
                    && a.start < p.end
                    && !(p.start <= a.start && a.end <= p.end)
                    && !(a.start <= p.start && p.end <= a.end)
            })
    };
    let hits: Vec<KnownHit> = hits.into_iter().filter(|h| !crosses(&h.range)).collect();
    let strong: FastSet<&str> = hits
        .iter()
        .map(|h| &r.known_forms[h.form])
        .filter(|f| f.form == NameForm::Strong)
        .map(|f| f.canonical.as_str())
        .collect();
    // A weak name listed next to an accepted name is one too (`民生、工行、浦发`).
    let mut ok: Vec<bool> = hits
        .iter()
        .map(|h| {
            let f = &r.known_forms[h.form];
            f.form == NameForm::Strong || strong.contains(f.canonical.as_str())
        })
        .collect();
    let listed = |a: &Range<usize>, b: &Range<usize>| {
        b.start >= a.end
            && matches!(
                &text[a.end..b.start],
                "、" | "和" | "与" | "及" | "，" | "," | "/"
            )
    };
    // One sweep each way reaches every list member from an accepted one.
    for i in 1..hits.len() {
        if !ok[i] && ok[i - 1] && listed(&hits[i - 1].range, &hits[i].range) {
            ok[i] = true;
        }
    }
    for i in (0..hits.len().saturating_sub(1)).rev() {
        if !ok[i] && ok[i + 1] && listed(&hits[i].range, &hits[i + 1].range) {
            ok[i] = true;
        }
    }
    let mut place_by_end: FastMap<usize, (usize, &str)> = FastMap::default();
    let mut place_by_start: FastMap<usize, (usize, &str)> = FastMap::default();
    for (rg, e) in r.places.find_longest(text) {
        let level = e.attr("level").unwrap_or("");
        place_by_end.insert(rg.end, (rg.start, level));
        place_by_start.insert(rg.start, (rg.end, level));
    }
    hits.iter()
        .zip(ok)
        .filter(|(_, ok)| *ok)
        .map(|(h, _)| h)
        .filter(|h| !local_namesake(text, h, r, &place_by_end))
        .filter(|h| !alias_opens_other_name(text, h, r))
        .map(|h| {
            let f = &r.known_forms[h.form];
            let mut range = h.range.clone();
            let mut extended = false;
            // `美国国务院`: a government body named with its country or city.
            if f.kind == OrgKind::Government
                && let Some((start, _)) = place_by_end.get(&range.start)
            {
                range.start = *start;
                extended = true;
            }
            // `汇丰中国`: a company's national subsidiary.
            if f.kind == OrgKind::Enterprise
                && let Some((end, level)) = place_by_start.get(&range.end)
                && (*level == "country" || *level == "region")
                && !right_bad(text, *end, r)
            {
                range.end = *end;
                extended = true;
            }
            let mut c = Candidate::new(Label::Organization, range.clone(), KNOWN, PRIORITY)
                .with_attrs(Attrs::Org { kind: f.kind });
            if !extended && text[range] != *f.canonical {
                c.canonical = Some(f.canonical.clone());
            }
            c
        })
        .collect()
}

/// Is a known national body's short alias (`社科院` of 中国社会科学院) written after an
/// administrative level or a place (`省社科院`, `市社科院`, `江南社科院`)? Then it names the
/// local body of that place, not the national one. Government bodies after a listed place
/// are left to their own rule (`美国国务院`: the place names whose body it is); after a level
/// word or determiner alone they are local too (`某省发改委`).
fn local_namesake(
    text: &str,
    h: &KnownHit,
    r: &OrgRules,
    place_by_end: &FastMap<usize, (usize, &str)>,
) -> bool {
    let f = &r.known_forms[h.form];
    let national = ["中国", "国家", "全国"]
        .iter()
        .any(|w| f.canonical.starts_with(w));
    let written = &text[h.range.clone()];
    let before = &text[..h.range.start];
    // Session 25 (lead): a national body's short alias after a level word, a place the lexicon
    // lacks (`合州市发改委`) or a determiner (`某省发改委`, `地方发改委`) names a local body, not
    // the ministry; a listed place before it extends the name instead (`苏州市发改委`).
    if national
        && f.kind == OrgKind::Government
        && written != f.canonical
        && !["中国", "国家", "全国"]
            .iter()
            .any(|w| written.starts_with(w))
        && !place_by_end.contains_key(&h.range.start)
        && (before.ends_with(['省', '市', '区', '县', '州', '某'])
            || ["地方", "各地", "各级", "基层"]
                .iter()
                .any(|w| before.ends_with(w)))
    {
        return true;
    }
    national
        && f.kind != OrgKind::Government
        && text[h.range.clone()] != *f.canonical
        && !["中国", "国家", "全国"]
            .iter()
            .any(|w| text[h.range.clone()].starts_with(w))
        && (text[..h.range.start].ends_with(['省', '市', '区', '县', '州'])
            || place_by_end.contains_key(&h.range.start))
}

/// Is a known name's alias (`星联` of 中国星联) followed by an industry word and a title
/// (`星联商务副总裁`)? Then alias and word are another company's name (a subsidiary or a
/// namesake), not the known body with the field of a post.
fn alias_opens_other_name(text: &str, h: &KnownHit, r: &OrgRules) -> bool {
    let f = &r.known_forms[h.form];
    f.kind != OrgKind::Government
        && text[h.range.clone()] != *f.canonical
        && r.words(WordType::Generic).any(|m| {
            m.prefixes_at(text, h.range.end, char_window(text, h.range.end, 4))
                .any(|(e, _)| e > h.range.end && title_starts(text, e, r))
        })
}

/// Is a short known name (two or three characters) a coincidence of two words: its first
/// character ends a word with the character before it and its last character opens one with
/// the character after it (`我国|航空` holds `国航`, `全国|航线` too)? Both sides must be
/// words (type `straddle` in org_stopwords.txt): `国航表示` and `我国国航` keep the name.
/// A name opening with 中 right after a Han character reads that 中 as the postposition
/// "in" (`风浪中|行稳致远`, `其中|行业`), so only its right side must be a word there.
fn straddles_words(text: &str, h: &Range<usize>, r: &OrgRules) -> bool {
    let name = &text[h.clone()];
    let (Some(first), Some(last)) = (name.chars().next(), name.chars().next_back()) else {
        return false;
    };
    if !(2..=3).contains(&name.chars().count()) {
        return false;
    }
    let Some(before) = text[..h.start].chars().next_back() else {
        return false;
    };
    let left = h.start - before.len_utf8()..h.start + first.len_utf8();
    let right = h.end - last.len_utf8();
    let postposition = first == '中' && is_han(before);
    (postposition
        || r.words(WordType::Straddle)
            .any(|m| m.contains(&text[left.clone()])))
        && r.words(WordType::Straddle)
            .any(|m| term_starts(m, text, right, 2))
}

/// Does a word that makes the name a common noun follow at `end` (`银行业`, `保险市场`)?
/// Not when a job title starts there: `X有限公司市场总监` is the company's director. The
/// one-character `生` makes a student only after a school (`大学生`, `中学生`): after any other
/// name it opens a word of its own (`X公司生产的电池`, `X有限公司生产部经理`, `华为生产的`).
pub(crate) fn right_bad(text: &str, end: usize, r: &OrgRules) -> bool {
    starts_with_word(text, end, r, WordType::RightBad)
        && !title_starts(text, end, r)
        && (!text[end..].starts_with('生') || text[..end].ends_with('学'))
}

/// Does a job title (`titles.txt`) start at byte `at`?
pub(crate) fn title_starts(text: &str, at: usize, r: &OrgRules) -> bool {
    term_starts(&r.titles, text, at, 8)
}

/// Does a word of type `t` start at byte `at`?
pub(crate) fn starts_with_word(text: &str, at: usize, r: &OrgRules, t: WordType) -> bool {
    r.words(t).any(|m| term_starts(m, text, at, 4))
}

/// Does a term of `m` no longer than `max_chars` characters start at byte `at`? (Only a
/// window of the text is searched, so the cost does not grow with the text.)
pub(crate) fn term_starts(m: &TermMatcher, text: &str, at: usize, max_chars: usize) -> bool {
    let rest = &text[at..];
    let limit = at
        + rest
            .char_indices()
            .nth(max_chars)
            .map(|(i, _)| i)
            .unwrap_or(rest.len());
    m.starts_at(text, at, limit)
}

/// An ASCII-initial (or -final) name must not continue an ASCII word.
pub(crate) fn ascii_bounded(text: &str, r: &Range<usize>) -> bool {
    let name = &text[r.clone()];
    let first = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    let last = name
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    let before = text[..r.start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    let after = text[r.end..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    !(first && before || last && after)
}

/// The family's own overlap resolution: the same policy as [`crate::extract::commit`]
/// (priority, then length, then start), returning the winners in text order.
fn resolve(cands: Vec<Candidate>) -> Vec<Candidate> {
    use std::cmp::Reverse;
    // The order is found by sorting small keys instead of moving the candidates (as in
    // `commit`); the index last makes the unstable sort give the stable sort's order.
    let mut order: Vec<(Reverse<i32>, Reverse<usize>, usize, usize)> = cands
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (s, e) = (c.range.start, c.range.end);
            (Reverse(c.priority), Reverse(e - s), s, i)
        })
        .collect();
    order.sort_unstable();
    // Taken ranges never overlap, so by start they are also ordered by end: a new range
    // overlaps one iff its predecessor by start ends after it starts, or its successor starts
    // before it ends. O(n log n).
    let mut spans: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut taken: Vec<(usize, usize, usize, usize)> = Vec::new();
    for &(.., i) in &order {
        let (s, e) = (cands[i].range.start, cands[i].range.end);
        let before = spans.range(..=s).next_back().is_some_and(|(_, pe)| *pe > s);
        let after = spans.range(s..).next().is_some_and(|(ps, _)| *ps < e);
        if before || after {
            continue;
        }
        spans.insert(s, e);
        taken.push((s, e, taken.len(), i));
    }
    taken.sort_unstable();
    let mut cands: Vec<Option<Candidate>> = cands.into_iter().map(Some).collect();
    taken
        .into_iter()
        .filter_map(|(.., i)| cands[i].take())
        .collect()
}

#[cfg(test)]
pub(crate) mod tests;
