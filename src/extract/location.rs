//! Locations: countries, provinces, cities, districts (`schema/lexicons/locations.txt`), with the
//! shape rules of `schema/lexicons/location_words.txt`.
//!
//! Rule ids (documented in `schema/rules/location.toml`):
//! - `location.lexicon` — a place name from the lexicon, its canonical name in the `canonical`
//!   attribute (`北京市` → 北京).
//! - `location.chain` — an administrative chain written as one name: province + city + district
//!   (`广东省深圳市南山区`), or a known city/province followed by a county or district shape
//!   (`十堰市郧阳区`, 1–4 characters + 区/县/旗). **Decision:** a chain is ONE mention, because it
//!   names one place (the most specific one) and gold data annotates it as one address; its
//!   canonical name joins the canonical names of its parts (`深圳南山区`).
//! - `location.part` — the larger places of a chain or address, nested inside it as mentions of
//!   their own, each LOCATED_IN the next larger one (`深圳南山区 → 深圳 → 广东`): where an event
//!   happened stays the chain; a reader still finds it under the city ([`link_parts`]).
//! - `location.abbrev` — a one-character city abbreviation between a lead verb and an event word
//!   (`在京召开`, `赴沪参加`, `来穗期间`): the mention is the abbreviation, canonical the city.
//! - `location.country_lead` — a one-character country abbreviation after a verb of a visit, a
//!   posting or a trade direction (`驻华大使`, `赴美上市`, `对日出口`), or a country's side in
//!   talks (`中方`, `美方`): the mention is the character, canonical the country.
//!
//! False places are kept out by: leftmost-longest matching (`上海南部` is 上海, not 海南), bare
//! forms listed only for cities whose short name is not a common word (`大同`, `开封` need 市),
//! districts listed only with 区, traps (`变成都市`), the shrink rule (`上海市场` → 上海) and —
//! outside this module — organizations, which are committed first and so own the places that
//! begin their names (`中国联通` is no `中国`).

use crate::normalize::filters::is_han;
use std::ops::Range;

use crate::extract::{
    AnnotatedDoc, Attrs, Candidate, Evidence, Extractor, Label, Mention, NodeRef, RelProps,
    RelType, Relation,
};
use crate::rules::{Entry, LexiconSet, RuleId, Rules, TermMatcher};

pub const LEXICON: RuleId = RuleId("location.lexicon");
pub const CHAIN: RuleId = RuleId("location.chain");
pub const ABBREV: RuleId = RuleId("location.abbrev");
pub const COUNTRY_ABBREV: RuleId = RuleId("location.country_abbrev");
pub const COUNTRY_LEAD: RuleId = RuleId("location.country_lead");
pub const ADDRESS: RuleId = RuleId("location.address");
pub const PART: RuleId = RuleId("location.part");
pub const COUNTY_REPEAT: RuleId = RuleId("location.county_repeat");
pub const COUNTY_SIBLING: RuleId = RuleId("location.county_sibling");
pub const VENUE_SHAPE: RuleId = RuleId("location.venue_shape");
pub const TOWNSHIP: RuleId = RuleId("location.township");
pub const COUNTY_LIST: RuleId = RuleId("location.county_list");
pub const STREET_FRAME: RuleId = RuleId("location.street_frame");
pub const VENUE: RuleId = RuleId("location.venue");
pub const COUNTY_BODY: RuleId = RuleId("location.county_body");
pub const STEM_REPEAT: RuleId = RuleId("location.stem_repeat");

/// Every location rule id (for the rule registry cross-check).
pub const RULE_IDS: [RuleId; 16] = [
    COUNTY_BODY,
    STEM_REPEAT,
    STREET_FRAME,
    TOWNSHIP,
    COUNTY_LIST,
    COUNTY_SIBLING,
    VENUE_SHAPE,
    LEXICON,
    CHAIN,
    ABBREV,
    COUNTRY_ABBREV,
    COUNTRY_LEAD,
    ADDRESS,
    PART,
    COUNTY_REPEAT,
    VENUE,
];

/// The longest street name recognised after a place, in characters.
const MAX_STREET_CHARS: usize = 8;

const PRIORITY: i32 = 5;
/// The longest county/district name recognised by shape after a city, in characters.
const MAX_COUNTY_CHARS: usize = 4;
/// The longest autonomous county/banner name (`鄂温克族自治`, `五峰土家族自治` + 旗/县): the
/// people's name makes it longer than an ordinary one.
const MAX_AUTONOMOUS_CHARS: usize = 9;

/// Compiled location rules, built once.
pub struct LocationRules {
    places: TermMatcher,
    abbr: TermMatcher,
    lead: TermMatcher,
    follow: TermMatcher,
    traps: TermMatcher,
    cabbr: TermMatcher,
    cnext: TermMatcher,
    csuffix: TermMatcher,
    vabbr: TermMatcher,
    vlead: TermMatcher,
    vnext: TermMatcher,
    side: TermMatcher,
    venue: TermMatcher,
    shrink: Vec<char>,
    stopchars: Vec<char>,
    /// Common words (common_words.txt, org_stopwords.txt, not_person.txt): a stem that is one
    /// of them is never read alone as a place (`合作市` exists; `合作` alone is a word).
    words: TermMatcher,
}

fn of_type<'a>(lex: &'a LexiconSet, t: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
    lex.get("location_words")
        .entries
        .iter()
        .filter(move |e| e.attr("type") == Some(t))
}

impl LocationRules {
    pub fn build(lex: &LexiconSet) -> LocationRules {
        let chars = |t| {
            of_type(lex, t)
                .filter_map(|e| e.term.chars().next())
                .collect()
        };
        LocationRules {
            places: TermMatcher::new(lex.get("locations").entries.iter()),
            abbr: TermMatcher::new(of_type(lex, "abbr")),
            lead: TermMatcher::new(of_type(lex, "lead")),
            follow: TermMatcher::new(of_type(lex, "follow")),
            traps: TermMatcher::new(of_type(lex, "trap")),
            cabbr: TermMatcher::new(of_type(lex, "cabbr")),
            cnext: TermMatcher::new(of_type(lex, "cnext")),
            csuffix: TermMatcher::new(of_type(lex, "csuffix")),
            vabbr: TermMatcher::new(of_type(lex, "vabbr")),
            vlead: TermMatcher::new(of_type(lex, "vlead")),
            vnext: TermMatcher::new(of_type(lex, "vnext")),
            side: TermMatcher::new(of_type(lex, "side")),
            venue: TermMatcher::new(of_type(lex, "venue")),
            shrink: chars("shrink"),
            stopchars: chars("stopchar"),
            words: TermMatcher::new(
                ["common_words", "org_stopwords", "not_person"]
                    .into_iter()
                    .flat_map(|l| lex.get(l).entries.iter()),
            ),
        }
    }
}

impl LocationRules {
    /// Is `s` exactly a place name of the lexicon (`湖北`, `湖北省`, `深圳市`)?
    pub fn is_place_name(&self, s: &str) -> bool {
        self.places.contains(s)
    }
}

/// Administrative rank: a chain goes strictly down (province → city → district).
fn rank(level: &str) -> u8 {
    match level {
        "country" => 0,
        "province" => 1,
        "city" => 2,
        "district" => 3,
        _ => 9,
    }
}

/// One place found in the text, after traps and shrinking.
struct Place<'a> {
    range: Range<usize>,
    entry: &'a Entry,
}

impl Place<'_> {
    fn canonical(&self) -> &str {
        self.entry.attr("canonical").unwrap_or(&self.entry.term)
    }
    fn rank(&self) -> u8 {
        rank(self.entry.attr("level").unwrap_or(""))
    }
}

pub struct LocationExtractor;

impl Extractor for LocationExtractor {
    fn family(&self) -> &'static str {
        "location"
    }

    fn find(&self, doc: &AnnotatedDoc, rules: &Rules, out: &mut Vec<Candidate>) {
        let r = &rules.location;
        let text = doc.text();
        let mut places = places(text, r);
        // `副处长江某远`: the 长江 belongs to a title and a name (person.title_chang).
        places.retain(|p| {
            !(text[p.range.clone()].starts_with('长')
                && rules.person.title_chang_name(rules, text, p.range.start))
        });
        // County names read by shape after a city (`锡林郭勒盟|正蓝旗`), with the chain's
        // canonical name, and the ranges of the chains: see `county_repeats`.
        let mut counties: Vec<(Range<usize>, String)> = Vec::new();
        let mut chain_ranges: Vec<Range<usize>> = Vec::new();
        // Group adjacent places that go down the hierarchy into chains.
        let mut i = 0;
        while i < places.len() {
            let mut j = i + 1;
            while j < places.len()
                && places[j].range.start == places[j - 1].range.end
                && places[j - 1].rank() >= 1
                && places[j].rank() > places[j - 1].rank()
                && places[j].rank() <= 3
            {
                j += 1;
            }
            let group = &places[i..j];
            let mut range = group[0].range.start..group[j - i - 1].range.end;
            let mut canonical: String = group.iter().map(|p| p.canonical()).collect();
            // A county/district shape after a province or city.
            let last = &group[j - i - 1];
            // (a place starting right where the county name starts is part of it:
            // `阿拉善盟|阿拉善左旗`, `长沙市|长沙县`)
            let next_start = places[j..]
                .iter()
                .map(|p| p.range.start)
                .find(|&s| s > range.end)
                .unwrap_or(text.len());
            if (1..=2).contains(&last.rank())
                && text[last.range.clone()].ends_with(['市', '省', '州', '盟'])
                && let Some(end) = county_shape(text, range.end, next_start, r)
            {
                canonical.push_str(&text[range.end..end]);
                counties.push((range.end..end, canonical.clone()));
                range.end = end;
            }
            // `X市Y县Z镇`, `X区Y镇Z村`: a town or township (and a village) below a county or
            // district continues the chain. (Not right after a city: news datasets split
            // `X市Y乡` into two places, and the graph keeps the city as the part it is.)
            let mut town = false;
            if (range.end != last.range.end || last.rank() >= 3)
                && let Some(end) = township_shape(text, range.end, r)
            {
                canonical.push_str(&text[range.end..end]);
                range.end = end;
                town = true;
            }
            let mut rule = if j - i > 1 || range.end != last.range.end {
                CHAIN
            } else {
                LEXICON
            };
            // `北京市东城区王府井大街218号`, `南京路`: a street (and number) after a place.
            if (last.rank() >= 2 || town)
                && let Some(end) = street_shape(text, range.end, r)
            {
                // `新华北大道`: a region (华北) right after a one-character street modifier is
                // inside the street's name (新华 + 北大道), no region of its own.
                if j - i == 1
                    && last.entry.attr("level") == Some("region")
                    && let Some(m) = text[..range.start].chars().next_back()
                    && STREET_MODIFIERS.contains(m)
                    && named_street(text, range.start - m.len_utf8(), r) == Some(end)
                {
                    range.start -= m.len_utf8();
                }
                canonical = text[range.start..end].to_string();
                range.end = end;
                rule = ADDRESS;
            }
            // a county or district of the lexicon read after its city (`常州市武进区`) is
            // repeated alone under the chain's name, like one read by shape
            if rule == CHAIN && range.end == last.range.end && last.rank() == 3 {
                counties.push((last.range.clone(), canonical.clone()));
            }
            // `江西省南昌市`: a chain ending at a city names that city, whose name is unique;
            // only a county or district keeps its larger places in its name (`深圳南山区`).
            if rule == CHAIN && range.end == last.range.end && last.rank() == 2 {
                canonical = last.canonical().to_string();
            }
            let range_end = range.end;
            chain_ranges.push(range.clone());
            let mut c = Candidate::new(Label::Location, range, rule, PRIORITY).with_attrs(
                Attrs::Location {
                    canonical: canonical.clone(),
                },
            );
            if text[c.range.clone()] != canonical {
                c.canonical = Some(canonical);
            }
            out.push(c);
            // places read inside the county name (`阿拉善盟|阿拉善左旗`) are part of it
            i = j;
            while places.get(i).is_some_and(|p| p.range.start < range_end) {
                i += 1;
            }
        }
        let read_by_chain = !counties.is_empty();
        let bodies = county_bodies(text, r, &places, &chain_ranges, out);
        // (the stems are read last, where no other reading took their text: see below)
        let stems_from: Vec<(Range<usize>, String)> = bodies
            .iter()
            .filter(|(_, n)| n.ends_with(STEM_LEVELS))
            .cloned()
            .collect();
        counties.extend(bodies);
        county_repeats(text, &places, &counties, &chain_ranges, out);
        if read_by_chain {
            county_siblings(text, &places, &chain_ranges, out);
        }
        venue_shapes(text, &places, &chain_ranges, out);
        street_frames(text, r, &places, &chain_ranges, out);
        venues(text, r, &places, &chain_ranges, out);
        county_lists(text, &places, &chain_ranges, out);
        townships(text, r, &places, &chain_ranges, out);
        abbreviations(text, r, out);
        country_runs(text, r, out);
        country_leads(text, r, out);
        if !stems_from.is_empty() {
            stem_repeats(text, r, &places, &chain_ranges, &stems_from, out);
        }
    }
}

/// Words a county shape may end with that name a kind of area, not one place: never repeated
/// alone (`34个省市自治区`, `各开发区`).
const GENERIC_COUNTY_TAILS: [&str; 16] = [
    "自治区",
    "自治县",
    "自治旗",
    "开发区",
    "高新区",
    "示范区",
    "保税区",
    "试验区",
    "实验区",
    "功能区",
    "核心区",
    "城区",
    "市区",
    "园区",
    "社区",
    "新区",
];

/// `location.county_repeat`: a county, district or banner read by shape after a city
/// (`锡林郭勒盟正蓝旗`, `常州市武进区`: 2–4 characters + 区/县/旗) is the same place where the
/// document names it alone (`会议在正蓝旗召开`, a headline `关于武进区…的报告`): the county
/// names are not in the lexicon, but the chain has shown that this one is a place. The mention
/// takes the chain's canonical name, so both link to one entity. An occurrence inside a chain or
/// across a lexicon place (`湖南山区` is no 南山区), or right after a Latin letter or digit
/// (part of a mixed token), is skipped; organizations, committed first,
/// keep their names (`正蓝旗人民政府`).
fn county_repeats(
    text: &str,
    places: &[Place],
    counties: &[(Range<usize>, String)],
    chains: &[Range<usize>],
    out: &mut Vec<Candidate>,
) {
    // The distinct names to repeat, with the chain's name of the first county read so; all of
    // them are found in one pass over the text, in name order, then position (as one
    // `match_indices` per name would find them).
    let mut names: Vec<&str> = Vec::new();
    let mut canonicals: Vec<&String> = Vec::new();
    for (range, canonical) in counties {
        let name = &text[range.clone()];
        // a one-character stem (`东区`, `城区`) is too often part of a word, and a generic
        // zone word (`省市自治区`, `开发区`) names no one place
        if name.chars().count() < 3
            || names.contains(&name)
            || GENERIC_COUNTY_TAILS.iter().any(|g| name.ends_with(g))
        {
            continue;
        }
        names.push(name);
        canonicals.push(canonical);
    }
    if names.is_empty() {
        return;
    }
    // the lexicon's own candidates by range (the first of each), and whether a range crosses a
    // chain or crosses a place without holding it — both lists are in text order, so only the
    // entries starting within their longest length before the range can cross it
    let mut lexicon_at: crate::rules::FastMap<(usize, usize), usize> = Default::default();
    for (k, c) in out.iter().enumerate() {
        if c.rule == LEXICON {
            lexicon_at.entry((c.range.start, c.range.end)).or_insert(k);
        }
    }
    let longest_chain = chains.iter().map(|c| c.len()).max().unwrap_or(0);
    let longest_place = places.iter().map(|p| p.range.len()).max().unwrap_or(0);
    let crossing = |r: &Range<usize>| {
        let crosses = |p: &Range<usize>| p.start < r.end && r.start < p.end;
        let lo = r.start.saturating_sub(longest_chain);
        let (from, to) = (
            chains.partition_point(|c| c.start < lo),
            chains.partition_point(|c| c.start < r.end),
        );
        if chains[from..to].iter().any(crosses) {
            return true;
        }
        let lo = r.start.saturating_sub(longest_place);
        let (from, to) = (
            places.partition_point(|p| p.range.start < lo),
            places.partition_point(|p| p.range.start < r.end),
        );
        places[from..to]
            .iter()
            .any(|p| crosses(&p.range) && !(r.start <= p.range.start && p.range.end <= r.end))
    };
    let own_readings: crate::rules::FastSet<(usize, usize)> =
        counties.iter().map(|(r, _)| (r.start, r.end)).collect();
    for (v, at) in crate::rules::occurrences(&names, text) {
        let (name, canonical) = (names[v as usize], canonicals[v as usize]);
        let r = at..at + name.len();
        // a county of the lexicon standing alone is already a candidate: it takes the
        // chain's name
        if let Some(&k) = lexicon_at.get(&(r.start, r.end)) {
            let c = &mut out[k];
            c.rule = COUNTY_REPEAT;
            c.attrs = Attrs::Location {
                canonical: canonical.clone(),
            };
            c.canonical = Some(canonical.clone());
            continue;
        }
        // a Latin letter or digit right before makes it part of a mixed token (`B2武进区`)
        let mixed = text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric());
        // the county's own reading (`location.county_body`) is already a candidate
        if mixed || crossing(&r) || own_readings.contains(&(r.start, r.end)) {
            continue;
        }
        let mut c = Candidate::new(Label::Location, r, COUNTY_REPEAT, PRIORITY).with_attrs(
            Attrs::Location {
                canonical: canonical.clone(),
            },
        );
        c.canonical = Some(canonical.clone());
        out.push(c);
    }
}

/// Characters that never open the stem of a county standing alone: determiners, numerals
/// (`全县`, `该县`, `两县`, `邻县`).
const COUNTY_STEM_STOPS: &str = "全该本各每邻两一二三四五六七八九十几数某这那其此外县市省区";

/// Stems that name a kind of county, not one (`贫困县`, `示范县`, `产粮大县`).
pub(crate) const COUNTY_KIND_STEMS: [&str; 20] = [
    "贫困", "重点", "示范", "试点", "百强", "先进", "产粮", "边境", "民族", "山区", "农业", "工业",
    "旅游", "生态", "经济", "强县", "许多", "很多", "诸多", "众多",
];

/// What may stand right before a county named alone: a list joint or a verb of place
/// (`考察了A镇和多伦县`, `在X县`, `赴X县`); not bare punctuation (`，X旗代表也来了`: a short name
/// of anything).
const COUNTY_LEADS: &str = "和、及与在到赴至从经了往";

/// `location.county_sibling`: in a document that has read a county by shape after its city
/// (`张家口市沽源县`), another two-character stem + 县/旗 standing alone after a list joint or a
/// verb of place is a county too (`考察了正蓝旗上都镇和多伦县生态修复示范区`):
/// a report that names counties by their chains names their siblings without one. Determiners
/// and numerals (`全县`, `两县`) and kinds of county (`贫困县`, `示范县`) are no stems.
fn county_siblings(
    text: &str,
    places: &[Place],
    chains: &[Range<usize>],
    out: &mut Vec<Candidate>,
) {
    let tail_len = '县'.len_utf8();
    // (A vector search for the two characters, not a decoding of every one.)
    for (at, _) in crate::rules::occurrences::char_matches(text, ['县', '旗', '旗']) {
        let stem: Vec<(usize, char)> = text[..at].char_indices().rev().take(2).collect();
        if stem.len() < 2 || !stem.iter().all(|&(_, ch)| is_han(ch)) {
            continue;
        }
        let start = stem[1].0;
        let stem_text = &text[start..at];
        if stem_text.chars().any(|ch| COUNTY_STEM_STOPS.contains(ch))
            || COUNTY_KIND_STEMS.contains(&stem_text)
        {
            continue;
        }
        let lead_ok = text[..start]
            .chars()
            .next_back()
            .is_some_and(|p| COUNTY_LEADS.contains(p));
        if !lead_ok {
            continue;
        }
        push_shape_place(
            text,
            start..at + tail_len,
            COUNTY_SIBLING,
            places,
            chains,
            out,
        );
    }
}

/// What a place's own body or head title continues with right after its 县/市/区 (the
/// character itself is the body's first: `青禾县|委书记`, `青禾县|政府`).
const BODY_AFTER_SHARED: [&str; 9] = [
    "委书记",
    "委副书记",
    "委常委",
    "委、",
    "委和",
    "委与",
    "委及",
    "政府",
    "人民政府",
];

/// A place's head title or body written after its full name (`青禾县|县长`, `青禾市|副市长`,
/// `青禾区|区委`): the level character repeats; `{}` stands for it.
const BODY_AFTER_REPEATED: [&str; 5] = ["{}长", "副{}长", "{}委", "{}政府", "{}人民政府"];

/// Characters that end words in 市 (`大城市`, `超市`, `楼市`, `上市`): no city stem ends in them.
pub(crate) const SHI_WORD_ENDS: &str = "城都超股上门夜集菜开黑楼车期债汇";

/// Characters that end words in 省 (`为节省政府开支`, `反省`, `东三省`): no province stem ends
/// in them.
const SHENG_WORD_ENDS: &str = "节反自内外分跨邻大强三";

/// Characters that end words in 州 (`神州`, `九州`, `欧州` typed for 欧洲): no prefecture stem
/// ends in them.
const ZHOU_WORD_ENDS: &str = "神九欧亚美非澳";

/// Levels whose places are named by their stem alone (`合州市` → `合州将设立…`, `青川省` →
/// `青川的企业`): cities, provinces, prefectures. Counties and districts keep their level.
const STEM_LEVELS: [char; 3] = ['市', '省', '州'];

/// What may follow a place's stem standing alone: punctuation or a non-Han character, or one
/// of these function characters (a subject's adverb, a possessive, a list joint): `合州将`,
/// `合州的`, `合州与`.
const STEM_FOLLOWS: &str = "将已要正的是在把还也全各共今与和及等再又均并就则首";

/// The most stems repeated in one document (the shapes confirmed by bodies are few).
const MAX_STEMS: usize = 8;

/// `location.stem_repeat`: a city, province or prefecture missing from the lexicon that
/// `location.county_body` has read by its bodies (`合州市人民政府`, `青川省省长`) is named by its
/// stem alone elsewhere in the document (`合州将设立产业基金`, `在青川投资`): news writes a
/// city without its level once the level is known. The stem is two Han characters, no common
/// word (`合作市` is a city, `合作` a word: common_words.txt, org_stopwords.txt,
/// not_person.txt) and no place of the lexicon; an occurrence opens its clause (punctuation, a
/// line start or a lead such as 在/和/、/与 before it) and is followed by punctuation or a
/// function character ([`STEM_FOLLOWS`]), never by a level or another Han word (`合州市`,
/// `合州银行`: the full name or an organization). The mention is named like the full name, so
/// both link to one place.
fn stem_repeats(
    text: &str,
    r: &LocationRules,
    places: &[Place],
    chains: &[Range<usize>],
    bodies: &[(Range<usize>, String)],
    out: &mut Vec<Candidate>,
) {
    let mut stems: Vec<&str> = Vec::new();
    let mut fulls: Vec<&str> = Vec::new();
    for (_, name) in bodies {
        let Some(level) = name.chars().next_back() else {
            continue;
        };
        let stem = &name[..name.len() - level.len_utf8()];
        if !STEM_LEVELS.contains(&level)
            || stem.chars().count() != 2
            || stems.contains(&stem)
            || r.words.contains(stem)
            || r.is_place_name(stem)
        {
            continue;
        }
        if stems.len() == MAX_STEMS {
            break;
        }
        stems.push(stem);
        fulls.push(name);
    }
    if stems.is_empty() {
        return;
    }
    // The places already read (a venue `在闽江海峡国际会展中心`, a chain, a county), by start,
    // with the furthest end up to each: a stem inside one of them is part of that place.
    let mut taken: Vec<(usize, usize)> = out
        .iter()
        .filter(|c| c.label == Label::Location)
        .map(|c| (c.range.start, c.range.end))
        .collect();
    taken.sort_unstable();
    let mut furthest = Vec::with_capacity(taken.len());
    let mut reach = 0;
    for &(_, e) in &taken {
        reach = reach.max(e);
        furthest.push(reach);
    }
    for (v, at) in crate::rules::occurrences(&stems, text) {
        let (stem, full) = (stems[v as usize], fulls[v as usize]);
        let end = at + stem.len();
        let prev = text[..at].chars().next_back();
        let opens =
            prev.is_none_or(|p| !is_han(p) || COUNTY_LEADS.contains(p) || "来对向由".contains(p));
        // (not after a verb of place with any word after it: `在闽江海峡国际会展中心` is a
        // venue, `在临江投资` names an investment by its place)
        let closes = text[end..]
            .chars()
            .next()
            .is_none_or(|n| !(is_han(n) || n.is_ascii_alphanumeric()) || STEM_FOLLOWS.contains(n));
        let k = taken.partition_point(|&(s, _)| s < end);
        if !opens || !closes || (k > 0 && furthest[k - 1] > at) {
            continue;
        }
        let before = out.len();
        push_shape_place(text, at..end, STEM_REPEAT, places, chains, out);
        if let Some(c) = out.get_mut(before) {
            c.attrs = Attrs::Location {
                canonical: full.to_string(),
            };
            c.canonical = Some(full.to_string());
        }
    }
}

/// `location.county_body`: a county, city or district missing from the lexicon (a stem of two
/// Han characters + 县/市/区) followed by its own party committee and that committee's title or
/// a list of bodies (`青禾县委书记`, `青禾市委、市政府`), its government (`青禾县政府`,
/// `青禾县人民政府`) or its head's title (`青禾县县长`, `青禾市副市长`) is a place: no word is
/// followed by its own level's bodies. The stem opens the clause (punctuation, a line start or
/// a lead such as 在/和/、 before it), has no determiner, numeral or level word (`全县委`,
/// `该县县长`), names no kind of county (`贫困县`) or zone (`开发区`), and no word ends in 市
/// with it (`大城市`, `超市`). The mention is named by its own text; the county is returned so
/// that its other mentions (a headline `青禾县招商引资报告`) are read by `location.county_repeat`.
fn county_bodies(
    text: &str,
    r: &LocationRules,
    places: &[Place],
    chains: &[Range<usize>],
    out: &mut Vec<Candidate>,
) -> Vec<(Range<usize>, String)> {
    let mut found = Vec::new();
    // (two vector searches: `char_matches` takes three characters at a time; the hits of both
    // are merged in text order)
    let mut hits: Vec<(usize, char)> =
        crate::rules::occurrences::char_matches(text, ['县', '市', '区']).collect();
    let n = hits.len();
    hits.extend(crate::rules::occurrences::char_matches(
        text,
        ['省', '州', '州'],
    ));
    if hits.len() > n {
        hits.sort_unstable_by_key(|h| h.0);
    }
    for (at, c) in hits {
        let after = &text[at + c.len_utf8()..];
        let repeated = BODY_AFTER_REPEATED.iter().any(|w| {
            let mut parts = w.split("{}");
            let (head, tail) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            after
                .strip_prefix(head)
                .and_then(|a| a.strip_prefix(c))
                .is_some_and(|a| a.starts_with(tail))
        });
        if !repeated && !BODY_AFTER_SHARED.iter().any(|w| after.starts_with(w)) {
            continue;
        }
        let stem: Vec<(usize, char)> = text[..at].char_indices().rev().take(2).collect();
        if stem.len() < 2 || !stem.iter().all(|&(_, ch)| is_han(ch)) {
            continue;
        }
        let start = stem[1].0;
        let stem_text = &text[start..at];
        let name = &text[start..at + c.len_utf8()];
        if stem_text.chars().any(|ch| COUNTY_STEM_STOPS.contains(ch))
            || COUNTY_KIND_STEMS.contains(&stem_text)
            || AREA_KIND_STEMS.contains(&stem_text)
            || GENERIC_COUNTY_TAILS.iter().any(|g| name.ends_with(g))
            || (c == '市' && SHI_WORD_ENDS.contains(stem[0].1))
            || (c == '省' && SHENG_WORD_ENDS.contains(stem[0].1))
            || (c == '州' && ZHOU_WORD_ENDS.contains(stem[0].1))
            // (`宣布省委、省政府…的决定`: a verb or common word before a province's bodies)
            || (matches!(c, '省' | '州') && r.words.contains(stem_text))
        {
            continue;
        }
        let opens = text[..start]
            .chars()
            .next_back()
            .is_none_or(|p| !is_han(p) || COUNTY_LEADS.contains(p));
        if !opens {
            continue;
        }
        let r = start..at + c.len_utf8();
        let before = out.len();
        push_shape_place(text, r.clone(), COUNTY_BODY, places, chains, out);
        if out.len() > before {
            found.push((r, name.to_string()));
        }
    }
    found
}

/// A place read by its shape alone (`location.county_sibling`, `location.venue_shape`), named
/// by its own text, unless it overlaps a chain or a place the lexicon reads.
fn push_shape_place(
    text: &str,
    r: Range<usize>,
    rule: RuleId,
    places: &[Place],
    chains: &[Range<usize>],
    out: &mut Vec<Candidate>,
) {
    let crosses = |p: &Range<usize>| p.start < r.end && r.start < p.end;
    if chains.iter().any(crosses) || places.iter().any(|p| crosses(&p.range)) {
        return;
    }
    let canonical = text[r.clone()].to_string();
    out.push(
        Candidate::new(Label::Location, r, rule, PRIORITY - 1)
            .with_attrs(Attrs::Location { canonical }),
    );
}

/// Stems of a district or county that name a kind of area, not one (`商业区`, `居住区`,
/// `缓冲区`, `地级市`): a list holding one of them is a list of kinds.
const AREA_KIND_STEMS: [&str; 24] = [
    "商业", "居住", "住宅", "办公", "生活", "功能", "服务", "物流", "仓储", "商务", "文化", "休闲",
    "风景", "保护", "缓冲", "核心", "实验", "试验", "先行", "灾区", "地级", "县级", "副省", "城乡",
];

/// One member of a `、` list that may be a county-level place: the range of its stem + unit,
/// and whether the lexicon reads it.
struct ListItem {
    range: Range<usize>,
    known: bool,
    /// Read as a new place (not known, and its left edge is clear).
    push: bool,
}

/// What may stand right before the first member of a county list whose stem is taken as its
/// two characters before the unit: a joint, a verb of place or origin (`来自`, `包括`, `的`).
const FIRST_LEADS: &str = "和、及与在到赴至从经了往自对向是括如含即为的";

/// The lexicon place of city or district rank starting at byte `s` (places are in text order).
fn place_starting_at<'p, 'a>(places: &'p [Place<'a>], s: usize) -> Option<&'p Place<'a>> {
    let i = places.partition_point(|p| p.range.start < s);
    places[i..]
        .iter()
        .take_while(|p| p.range.start == s)
        .find(|p| (2..=3).contains(&p.rank()))
}

/// The lexicon place of city or district rank ending at byte `e`.
fn place_ending_at<'p, 'a>(places: &'p [Place<'a>], e: usize) -> Option<&'p Place<'a>> {
    let i = places.partition_point(|p| p.range.start < e);
    places[..i]
        .iter()
        .rev()
        .take(4)
        .find(|p| p.range.end == e && (2..=3).contains(&p.rank()))
}

/// The county-level member starting at `s` and where it ends: a lexicon place of city or
/// district rank as it stands, or a stem of two or three Han characters + 县/市/区/旗.
fn county_item(text: &str, s: usize, places: &[Place]) -> Option<(ListItem, usize)> {
    if let Some(p) = place_starting_at(places, s) {
        return Some((
            ListItem {
                range: p.range.clone(),
                known: true,
                push: false,
            },
            p.range.end,
        ));
    }
    // a stem of two or three Han characters, then the unit
    let mut at = s;
    for n in 1..=3 {
        let c = text[at..].chars().next()?;
        if !is_han(c) || COUNTY_STEM_STOPS.contains(c) || c == '旗' {
            return None;
        }
        at += c.len_utf8();
        let u = text[at..].chars().next()?;
        if n >= 2 && matches!(u, '县' | '市' | '区' | '旗') {
            let stem = &text[s..at];
            if AREA_KIND_STEMS.contains(&stem)
                || COUNTY_KIND_STEMS.contains(&stem)
                || CITY_KIND_STEMS.contains(&stem)
                || GENERIC_COUNTY_TAILS
                    .iter()
                    .any(|g| text[s..].starts_with(g))
            {
                return None;
            }
            let end = at + u.len_utf8();
            return Some((
                ListItem {
                    range: s..end,
                    known: false,
                    push: true,
                },
                end,
            ));
        }
    }
    None
}

/// `location.county_list`: county-level places missing from the lexicon named in a list —
/// members joined by `、` (the last may follow 和/及), each a stem of two or three Han
/// characters + 县/市/区/旗 (`瑞金市、于都县、兴国县`). Three members, or two with one the
/// lexicon reads (`南昌市、瑞金市`), make the list; a member after the first starts right
/// after its joint, so its stem is exactly what lies between; the first member's stem is its
/// two characters before the unit. A list with a kind of area in it (`商业区、居住区`,
/// `贫困县`, `开发区`) or a determiner (`全县`) reads no place.
fn county_lists(text: &str, places: &[Place], chains: &[Range<usize>], out: &mut Vec<Candidate>) {
    let mut from = 0;
    while let Some(off) = text[from..].find('、') {
        let sep = from + off;
        from = sep + '、'.len_utf8();
        // the first member ends right before this 、 (unit character) or is a known place
        let first = place_ending_at(places, sep)
            .map(|p| ListItem {
                range: p.range.clone(),
                known: true,
                push: false,
            })
            .or_else(|| {
                let unit = text[..sep].chars().next_back()?;
                if !matches!(unit, '县' | '市' | '区' | '旗') {
                    return None;
                }
                let before: Vec<(usize, char)> = text[..sep - unit.len_utf8()]
                    .char_indices()
                    .rev()
                    .take(2)
                    .collect();
                let s = before.get(1)?.0;
                // a first member whose left edge is unclear (`井冈山市`: the two characters
                // before the unit may be a longer stem's tail) counts, but is not read
                let clear = text[..s]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !is_han(c) || FIRST_LEADS.contains(c));
                county_item(text, s, places)
                    .filter(|(it, _)| it.range.end == sep)
                    .map(|(mut it, _)| {
                        it.push = clear;
                        it
                    })
            });
        let Some(first) = first else {
            continue;
        };
        // the character before the first member must not be 、 (that list started earlier)
        if text[..first.range.start].ends_with('、') {
            continue;
        }
        let mut items = vec![first];
        let mut next = sep + '、'.len_utf8();
        while let Some((it, end)) = county_item(text, next, places) {
            items.push(it);
            let rest = &text[end..];
            if rest.starts_with('、') {
                next = end + '、'.len_utf8();
            } else if let Some(j) = ["和", "及"].iter().find(|j| rest.starts_with(**j)) {
                // 和/及 joins only the last member: it is a member only if one follows
                match county_item(text, end + j.len(), places) {
                    Some((it, _)) => {
                        items.push(it);
                        break;
                    }
                    None => break,
                }
            } else {
                break;
            }
        }
        let known = items.iter().filter(|it| it.known).count();
        if items.len() < 2 || (items.len() == 2 && known == 0) || known == items.len() {
            from = items.last().map_or(from, |it| it.range.end.max(from));
            continue;
        }
        for it in &items {
            if it.push {
                push_shape_place(text, it.range.clone(), COUNTY_LIST, places, chains, out);
            }
        }
        from = items.last().map_or(from, |it| it.range.end.max(from));
    }
}

/// Verbs of holding that follow a venue right after it (`在都匀市举行`).
const VENUE_VERBS: [&str; 12] = [
    "举行", "召开", "举办", "开幕", "闭幕", "隆重", "盛大", "启幕", "落幕", "揭牌", "签约", "签署",
];

/// Stems that make a kind of city, not one (`大城市`, `卫星城市`).
const CITY_KIND_STEMS: [&str; 9] = [
    "大城",
    "小城",
    "新城",
    "老城",
    "古城",
    "主城",
    "卫星城",
    "中心城",
    "国际都",
];

/// `location.venue_shape`: a city or county missing from the lexicon, named as the venue of
/// what is held there — 在/于 + a stem of two or three Han characters + 市/县 + a verb of
/// holding (`推介会在都匀市举行`, `于宁州市隆重开幕`). The frame says it is a place; the stem has
/// no determiner, numeral or administrative word (`在全市召开`, `在该县举行`) and is no kind of
/// city (`在大城市举办`, `在卫星城市举行`); a place the lexicon reads there is left to it.
fn venue_shapes(text: &str, places: &[Place], chains: &[Range<usize>], out: &mut Vec<Candidate>) {
    // (A vector search for the two characters, not a decoding of every one.)
    for (at, c) in crate::rules::occurrences::char_matches(text, ['市', '县', '县']) {
        let after = &text[at + c.len_utf8()..];
        if !VENUE_VERBS.iter().any(|v| after.starts_with(v)) {
            continue;
        }
        let before: Vec<(usize, char)> = text[..at].char_indices().rev().take(4).collect();
        // the stem is the Han characters between 在/于 and the suffix, two or three of them
        let Some(lead) = before
            .iter()
            .position(|&(_, ch)| ch == '在' || ch == '于')
            .filter(|&n| (2..=3).contains(&n))
        else {
            continue;
        };
        let start = before[lead].0 + '在'.len_utf8();
        let stem = &text[start..at];
        if !stem.chars().all(is_han)
            || stem.chars().any(|ch| COUNTY_STEM_STOPS.contains(ch))
            || CITY_KIND_STEMS.contains(&stem)
        {
            continue;
        }
        push_shape_place(
            text,
            start..at + c.len_utf8(),
            VENUE_SHAPE,
            places,
            chains,
            out,
        );
    }
}

/// Direction words that bound an area by the streets around it (`南至X路`, `西靠X路`).
const STREET_FRAMES: [&str; 24] = [
    "东至", "南至", "西至", "北至", "东起", "西起", "南起", "北起", "东临", "南临", "西临", "北临",
    "东邻", "南邻", "西邻", "北邻", "东靠", "南靠", "西靠", "北靠", "东接", "南接", "西接", "北接",
];

/// Determiners that make a street stem a description (`该路`, `各条街`); numerals are part of
/// street names (`经五路`, `纬三路`).
const STREET_STEM_STOPS: &str = "全该本各每这那其此某";

/// Words that end like a street but name none (`高速公路`, `发展道路`, `新思路`).
const ROAD_WORDS: [&str; 14] = [
    "公路",
    "道路",
    "马路",
    "铁路",
    "思路",
    "出路",
    "之路",
    "线路",
    "水路",
    "网路",
    "一路",
    "电路",
    "步行街",
    "商业街",
];

/// One-character modifiers by which streets are split into sections or renamed (`新华北路`:
/// the north section of 新华路; `东华南路`, `老城中街`): a region name right after one is inside
/// a street name.
const STREET_MODIFIERS: &str = "新老东西南北中";

/// The street (2–4 Han characters + 路/街/巷/大道, an optional house number) starting at
/// `from`, when its stem is no road word: its end.
fn named_street(text: &str, from: usize, r: &LocationRules) -> Option<usize> {
    let end = street_shape(text, from, r)?;
    // the name without its house number
    let marker = text[from..end]
        .strip_suffix('号')
        .map_or(&text[from..end], |t| {
            t.trim_end_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
        });
    let unit = if marker.ends_with("大道") || marker.ends_with("胡同") {
        2
    } else {
        1
    };
    let stem_chars = marker.chars().count().saturating_sub(unit);
    if !(2..=4).contains(&stem_chars)
        || ROAD_WORDS.iter().any(|w| marker.ends_with(w))
        || marker.chars().any(|c| STREET_STEM_STOPS.contains(c))
    {
        return None;
    }
    Some(end)
}

/// `location.street_frame`: streets missing from any chain, named where the text bounds an
/// area by them — right after a direction frame (`南至X路`, `西靠X大道`: [`STREET_FRAMES`]),
/// or as one of three or more streets joined by `、` (`X大道、Y大街、Z路`, the first after a
/// lead such as 为, 至, 在 or punctuation). The stem is two to four Han characters with no
/// determiner and is no road word (`高速公路`, `新思路`: [`ROAD_WORDS`]); a place the
/// lexicon or a chain reads there is left to it. The mention's canonical name is its own text.
fn street_frames(
    text: &str,
    r: &LocationRules,
    places: &[Place],
    chains: &[Range<usize>],
    out: &mut Vec<Candidate>,
) {
    // (A vector search for the frames' second characters, checked against the whole frame:
    // one pass per three characters, not one per frame.)
    let seconds = crate::rules::occurrences::char_matches(text, ['至', '起', '临']).chain(
        crate::rules::occurrences::char_matches(text, ['邻', '靠', '接']),
    );
    for (at, c) in seconds {
        let from = at + c.len_utf8();
        if !STREET_FRAMES.iter().any(|f| text[..from].ends_with(f)) {
            continue;
        }
        if let Some(end) = named_street(text, from, r) {
            push_shape_place(text, from..end, STREET_FRAME, places, chains, out);
        }
    }
    // `、` lists of streets: each member starts right after its joint; the first after a lead
    let sep = '、'.len_utf8();
    let mut k = 0;
    let seps: Vec<usize> = text.match_indices('、').map(|(i, _)| i).collect();
    while k < seps.len() {
        // the first member: the street ending at the separator, its stem after a lead
        let p = seps[k];
        let first = (3..=6).find_map(|n| {
            let start = char_start_back(&text[..p], n);
            let lead_ok = text[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !is_han(c) || FIRST_LEADS.contains(c));
            (start < p && lead_ok && named_street(text, start, r) == Some(p)).then_some(start)
        });
        let Some(first) = first else {
            k += 1;
            continue;
        };
        let mut members: Vec<Range<usize>> = Vec::with_capacity(4);
        members.push(first..p);
        let mut at = p + sep;
        let mut j = k;
        while let Some(end) = named_street(text, at, r) {
            members.push(at..end);
            j += 1;
            match seps.get(j) {
                Some(&q) if q == end => at = q + sep,
                _ => break,
            }
        }
        if members.len() >= 3 {
            for m in members {
                push_shape_place(text, m, STREET_FRAME, places, chains, out);
            }
        }
        k = j.max(k + 1);
    }
}

/// Words that may stand between a venue and its verb of holding (`在X会议中心正式开幕`).
const VENUE_ADVERBS: [&str; 4] = ["正式", "顺利", "成功", "同期"];

/// Characters a venue's name does not start with: determiners and numerals (`在该酒店`,
/// `在本次会议中心`, `在各大酒店`, `在两家宾馆`).
const VENUE_STEM_STOPS: &str = "该本此这那其各每某全两一二三四五六七八九十几数多";

/// Longest venue name before its venue noun, in characters.
const MAX_VENUE_STEM_CHARS: usize = 12;

/// `location.venue`: a venue named as the place where something is held — 在/于 + a name of
/// two to twelve Han characters or Latin letters + a venue noun (`type=venue` in
/// location_words.txt: 会议中心, 会展中心, 大酒店, 宾馆, 体育馆, 礼堂 …) + a verb of holding
/// (`在临江国际会议中心举行`, `于青禾宾馆签署`). The whole venue is one place, named by its own
/// text. A venue naming a place the lexicon reads (`长沙国际会议中心`) is left to that place:
/// the event is placed in the city, as before. A name opening with a determiner or a numeral
/// (`在该酒店`, `在各大酒店`) names no venue.
fn venues(
    text: &str,
    r: &LocationRules,
    places: &[Place],
    chains: &[Range<usize>],
    out: &mut Vec<Candidate>,
) {
    for (range, _) in r.venue.find_all(text) {
        let mut after = &text[range.end..];
        if let Some(a) = VENUE_ADVERBS.iter().find_map(|w| after.strip_prefix(w)) {
            after = a;
        }
        if !VENUE_VERBS.iter().any(|v| after.starts_with(v)) {
            continue;
        }
        let mut start = None;
        for (n, (k, ch)) in text[..range.start].char_indices().rev().enumerate() {
            if ch == '在' || ch == '于' {
                start = (n >= 2).then_some(k + ch.len_utf8());
                break;
            }
            if n >= MAX_VENUE_STEM_CHARS || !(is_han(ch) || ch.is_ascii_alphabetic()) {
                break;
            }
        }
        let Some(start) = start else {
            continue;
        };
        if text[start..]
            .chars()
            .next()
            .is_some_and(|c| VENUE_STEM_STOPS.contains(c))
        {
            continue;
        }
        let venue = start..range.end;
        // a place or chain the venue's name is written with (`鄂州国际会展中心`) is inside it:
        // the venue wins by length and [`link_parts`] puts it inside that place
        let crosses = |p: &Range<usize>| p.start < venue.end && venue.start < p.end;
        let inside = |p: &Range<usize>| venue.start <= p.start && p.end <= venue.end;
        let spans = chains.iter().chain(places.iter().map(|p| &p.range));
        let (mut holds, mut cut) = (false, false);
        for p in spans.filter(|p| crosses(p)) {
            if inside(p) {
                holds = true;
            } else {
                cut = true;
            }
        }
        if cut {
            continue;
        }
        let priority = if holds { PRIORITY } else { PRIORITY - 1 };
        let canonical = text[venue.clone()].to_string();
        out.push(
            Candidate::new(Label::Location, venue, VENUE, priority)
                .with_attrs(Attrs::Location { canonical }),
        );
    }
}

/// Stems that name a kind of town or village, not one (`特色小镇`, `示范村`, `城中村`).
const TOWN_KIND_STEMS: [&str; 16] = [
    "特色", "重点", "示范", "试点", "中心", "建制", "边境", "历史", "文化", "旅游", "先进", "贫困",
    "城中", "行政", "自然", "美丽",
];

/// Characters right after 村 that make it the start of another word (`村民`, `村委会`, `村级`).
const VILLAGE_NOT_END: &str = "民委级庄落镇务干";

/// A stem of two or three Han characters ending right before one of `tails` at `from`: the
/// end of the whole (stem + tail), preferring the shorter stem. The stem holds no stop
/// character, determiner or numeral and is no kind word (`特色小镇`, `两镇`).
fn admin_unit(
    text: &str,
    from: usize,
    tails: &[&str],
    kinds: &[&str],
    r: &LocationRules,
) -> Option<usize> {
    let mut at = from;
    for n in 1..=3 {
        let c = text[at..].chars().next()?;
        if !is_han(c)
            || r.stopchars.contains(&c)
            || COUNTY_STEM_STOPS.contains(c)
            || matches!(c, '镇' | '乡' | '村')
        {
            return None;
        }
        at += c.len_utf8();
        if n < 2 {
            continue;
        }
        if let Some(t) = tails.iter().find(|t| text[at..].starts_with(**t)) {
            if kinds.iter().any(|k| text[from..at].starts_with(k)) {
                return None;
            }
            return Some(at + t.len());
        }
    }
    None
}

/// `end` of a town or township (2–3 characters + 镇/乡) starting at `from`, with the
/// village after it (2–3 characters + 村/社区: `龙岭镇石门村`, `须水镇西岗村`) if there is one.
fn township_shape(text: &str, from: usize, r: &LocationRules) -> Option<usize> {
    // (not 街道: `主要街道` is a street, not a subdistrict)
    let town = admin_unit(text, from, &["镇", "乡"], &TOWN_KIND_STEMS, r)?;
    // `镇长`, `乡政府`, `镇党委`: the suffix opens a title or body of the town, no name —
    // unless a street starts there (`X镇长征大道`)
    if text[town..].starts_with(['长', '政', '党', '委']) && street_shape(text, town, r).is_none()
    {
        return None;
    }
    // `推行乡、村政务公开`, `镇村两级`: 乡/镇 is one of the levels listed, not a town's name
    if ["、村", "、镇", "、乡", "村两级", "村级", "和村", "与村"]
        .iter()
        .any(|w| text[town..].starts_with(w))
    {
        return None;
    }
    let village = admin_unit(text, town, &["社区", "村"], &TOWN_KIND_STEMS, r).filter(|&v| {
        !text[v..]
            .chars()
            .next()
            .is_some_and(|c| VILLAGE_NOT_END.contains(c))
    });
    Some(village.unwrap_or(town))
}

/// The units a county-level name ends in (`location.township`).
const UNIT_CHARS: [&str; 4] = ["县", "区", "旗", "市"];

/// `location.township`: a county or district missing from the lexicon (two characters +
/// 县/区/旗/市) written with the town below it (`X县Y镇`, `X区Y镇Z村`) or with a street and
/// house number (`X区Y路88号`): the administrative chain, or the full address, says it is a
/// place. One mention for the whole; canonical name = its text.
fn townships(
    text: &str,
    r: &LocationRules,
    places: &[Place],
    chains: &[Range<usize>],
    out: &mut Vec<Candidate>,
) {
    // The unit characters are found by a vector search (one pass per character), not by
    // decoding every character of the document; the hits are visited in text order.
    let mut units: Vec<(usize, char)> = crate::rules::occurrences(&UNIT_CHARS, text)
        .into_iter()
        .filter_map(|(k, at)| Some((at, UNIT_CHARS[k as usize].chars().next()?)))
        .collect();
    units.sort_unstable();
    for (at, c) in units {
        let stem: Vec<(usize, char)> = text[..at].char_indices().rev().take(2).collect();
        if stem.len() < 2
            || !stem
                .iter()
                .all(|&(_, ch)| is_han(ch) && !r.stopchars.contains(&ch))
        {
            continue;
        }
        let start = stem[1].0;
        let stem_text = &text[start..at];
        if stem_text.chars().any(|ch| COUNTY_STEM_STOPS.contains(ch))
            || COUNTY_KIND_STEMS.contains(&stem_text)
            || CITY_KIND_STEMS.contains(&stem_text)
            || GENERIC_COUNTY_TAILS
                .iter()
                .any(|g| text[..at + c.len_utf8()].ends_with(g))
        {
            continue;
        }
        let county_end = at + c.len_utf8();
        let end = match township_shape(text, county_end, r) {
            Some(town_end) => street_shape(text, town_end, r).unwrap_or(town_end),
            // a street alone needs its house number to be an address
            None => match street_shape(text, county_end, r) {
                Some(e) if text[..e].ends_with('号') => e,
                _ => continue,
            },
        };
        push_shape_place(text, start..end, TOWNSHIP, places, chains, out);
    }
}

/// `location.part`: the larger places a chain or address is written with (`广东省深圳市南山区`
/// names 南山区 inside 深圳 inside 广东) become mentions of their own, nested inside the chain,
/// and each place is LOCATED_IN the next larger one (深圳南山区 → 深圳 → 广东). The chain stays
/// the one place an event happened at; the parts let a reader find it under the city.
///
/// Runs after every family has committed (the parts overlap the chain, which `commit` would
/// refuse, and no relation may point at a mention index that later moves): the new mentions
/// are appended, so existing indices stay valid.
pub fn link_parts(doc: &mut AnnotatedDoc, rules: &Rules) {
    let text = doc.norm.text.as_str();
    let chains: Vec<(usize, Range<usize>)> = doc
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            m.label == Label::Location && (m.rule == CHAIN || m.rule == ADDRESS || m.rule == VENUE)
        })
        .map(|(i, m)| (i, m.range.clone()))
        .collect();
    for (chain, range) in chains {
        let inner = &text[range.clone()];
        // the places the chain is written with, larger first; the last one that reaches the
        // end of the chain is the chain itself
        let mut parts: Vec<(Range<usize>, String)> = places(inner, &rules.location)
            .into_iter()
            .filter(|p| p.range.end < inner.len() && (1..=3).contains(&p.rank()))
            .map(|p| {
                let r = range.start + p.range.start..range.start + p.range.end;
                (r, p.canonical().to_string())
            })
            .collect();
        // `阿拉善盟阿拉善左旗`: the league's name again inside the banner's is no larger place
        parts.dedup_by(|later, first| later.1 == first.1);
        let sentence = doc.mentions[chain].sentence;
        let mut child = chain;
        for (r, canonical) in parts.into_iter().rev() {
            let idx = doc.mentions.len();
            doc.mentions.push(Mention {
                label: Label::Location,
                sentence: doc.sentence_of(r.start),
                text: doc.norm.display_of(r.clone()).to_string(),
                name: canonical.clone(),
                range: r,
                rule: PART,
                attrs: Attrs::Location { canonical },
                start: 0,
                end: 0,
            });
            doc.relations.push(Relation {
                rel: RelType::LocatedIn,
                from: NodeRef::Mention(child),
                to: NodeRef::Mention(idx),
                props: RelProps::default(),
                evidence: Evidence::new(sentence, range.clone(), PART),
            });
            child = idx;
        }
    }
}

/// Lexicon places (leftmost-longest), minus traps, with the shrink rule applied.
fn places<'a>(text: &'a str, r: &'a LocationRules) -> Vec<Place<'a>> {
    let traps: Vec<Range<usize>> = r.traps.find_all(text).map(|(rg, _)| rg).collect();
    let mut out = Vec::new();
    for (range, entry) in r.places.find_longest(text) {
        if traps.iter().any(|t| {
            t.start < range.end
                && range.start < t.end
                && !(range.start <= t.start && t.end <= range.end)
        }) {
            continue;
        }
        let last = text[range.clone()].chars().next_back();
        let next = text[range.end..].chars().next();
        if matches!(last, Some('市' | '区')) && next.is_some_and(|n| r.shrink.contains(&n)) {
            let short = range.start..range.end - '市'.len_utf8();
            match r.places.get(&text[short.clone()]) {
                Some(e) => out.push(Place {
                    range: short,
                    entry: e,
                }),
                None => continue,
            }
            continue;
        }
        let mut range = range;
        let level = entry.attr("level").unwrap_or("");
        let rest = &text[range.end..];
        if level == "city"
            && !text[range.clone()].ends_with('市')
            && rest.starts_with('市')
            && !rest['市'.len_utf8()..].starts_with(|n: char| r.shrink.contains(&n))
        {
            // `洛杉矶市`: a city written with 市 although the lexicon lists it bare.
            range.end += '市'.len_utf8();
        } else if level == "country"
            && let Some((sr, _)) = r
                .csuffix
                .find_longest(&rest[..char_end(rest, 8)])
                .find(|(sr, _)| sr.start == 0)
        {
            // `波兰共和国`: a country with its state form.
            range.end += sr.end;
        }
        out.push(Place { range, entry });
    }
    out
}

/// `中美关系`, `中日韩合作`, `港澳台同胞`: a run of two or more one-character country or
/// region abbreviations before a relation word gives one place per character.
fn country_runs(text: &str, r: &LocationRules, out: &mut Vec<Candidate>) {
    let hits: Vec<(Range<usize>, &Entry)> = r.cabbr.find_longest(text).collect();
    let mut i = 0;
    while i < hits.len() {
        let mut j = i + 1;
        while j < hits.len() && hits[j].0.start == hits[j - 1].0.end {
            j += 1;
        }
        let run = &hits[i..j];
        let end = run[run.len() - 1].0.end;
        let before_ok = !text[..run[0].0.start]
            .chars()
            .next_back()
            .is_some_and(|c| is_han(c) && !"在与和及同对为是的".contains(c));
        let next_ok = r
            .cnext
            .find_all(&text[end..end + char_end(&text[end..], 4)])
            .any(|(nr, _)| nr.start == 0);
        if run.len() >= 2 && run.len() <= 4 && before_ok && next_ok {
            let hk_or_tw = run
                .iter()
                .any(|(rg, _)| matches!(&text[rg.clone()], "港" | "台"));
            for (rg, e) in run {
                let mut canonical = e.attr("canonical").unwrap_or(&e.term).to_string();
                if &text[rg.clone()] == "澳" && hk_or_tw {
                    canonical = "澳门".to_string();
                }
                let mut c = Candidate::new(Label::Location, rg.clone(), COUNTRY_ABBREV, PRIORITY)
                    .with_attrs(Attrs::Location {
                        canonical: canonical.clone(),
                    });
                c.canonical = Some(canonical);
                out.push(c);
            }
        }
        i = j;
    }
}

/// `location.country_lead`: `驻华大使`, `赴美上市`, `对日出口` — a verb of a visit, a posting or
/// a trade direction (`vlead`), a one-character country abbreviation (`vabbr`) and a word such
/// a phrase goes on with (`vnext`: 大使, 期间, 上市, 出口 …). The word after it is required
/// because the characters are common words and name parts (在华为, 对美好, 来日方长, 在法律).
/// Also `中方`, `美方` (`side`): a country's side in talks, when nothing but punctuation or a
/// function word comes before it (其中方案 is no side) and no word of 方 follows (方面, 方式).
fn country_leads(text: &str, r: &LocationRules, out: &mut Vec<Candidate>) {
    let mut push = |range: Range<usize>, e: &Entry| {
        let canonical = e.attr("canonical").unwrap_or(&e.term).to_string();
        let mut c = Candidate::new(Label::Location, range, COUNTRY_LEAD, PRIORITY).with_attrs(
            Attrs::Location {
                canonical: canonical.clone(),
            },
        );
        c.canonical = Some(canonical);
        out.push(c);
    };
    for (range, e) in r.vabbr.find_all(text) {
        let before = &text[..range.start];
        let tail = &before[char_start_back(before, 2)..];
        let after = &text[range.end..];
        let head = &after[..char_end(after, 3)];
        if r.vlead.find_all(tail).any(|(lr, _)| lr.end == tail.len())
            && r.vnext.find_all(head).any(|(nr, _)| nr.start == 0)
        {
            push(range, e);
        }
    }
    for (range, e) in r.side.find_all(text) {
        let before_ok = !text[..range.start]
            .chars()
            .next_back()
            .is_some_and(|c| is_han(c) && !"在与和及同对向由跟据经让请被是为把将".contains(c));
        let after_ok = !text[range.end..]
            .chars()
            .next()
            .is_some_and(|c| "面式法针案向形位便才可圆舟程块阵略".contains(c));
        if before_ok && after_ok {
            let first = range.start + text[range.clone()].chars().next().map_or(0, char::len_utf8);
            push(range.start..first, e);
        }
    }
}

/// `end` of a county/district name (1–4 CJK characters + 区/县/旗) starting at `from`, not
/// reaching into the next known place at `limit`.
fn county_shape(text: &str, from: usize, limit: usize, r: &LocationRules) -> Option<usize> {
    let mut n = 0;
    // `鄂温克族自治旗`, `五峰土家族自治县`: an autonomous county names its people first
    let head = &text[from..from + char_end(&text[from..], MAX_AUTONOMOUS_CHARS + 1)];
    let autonomous = head.contains("自治县") || head.contains("自治旗");
    for (i, c) in text[from..].char_indices() {
        let pos = from + i;
        if pos >= limit && n > 0 {
            return None;
        }
        let end = pos + c.len_utf8();
        // `红旗区`: a 旗 (or 区, 县) followed by another county suffix is part of the name —
        // unless that suffix starts a title or body of the county (`来凤县|县长`, `正蓝旗|旗委`)
        let mut next2 = text[end..].chars();
        let suffix_next = next2
            .next()
            .is_some_and(|a| matches!(a, '区' | '县' | '旗'))
            && !next2
                .next()
                .is_some_and(|b| matches!(b, '长' | '委' | '政' | '域' | '城' | '级'));
        if matches!(c, '区' | '县' | '旗') && n >= 1 && !suffix_next {
            // 区域, 县城: the character starts another word.
            let after = text[end..].chars().next();
            if after.is_some_and(|a| matches!(a, '域' | '城' | '级')) {
                return None;
            }
            return Some(end);
        }
        if !is_han(c) || r.stopchars.contains(&c) {
            return None;
        }
        n += 1;
        if n > MAX_COUNTY_CHARS && !(autonomous && n <= MAX_AUTONOMOUS_CHARS) {
            return None;
        }
    }
    None
}

/// `end` of a street name (up to [`MAX_STREET_CHARS`] characters + 路/街/巷/大道/胡同, then an
/// optional house number `218号`) starting at `from`.
fn street_shape(text: &str, from: usize, r: &LocationRules) -> Option<usize> {
    let rest = &text[from..];
    let mut end = None;
    for (n, (i, c)) in rest.char_indices().enumerate() {
        if n > MAX_STREET_CHARS {
            break;
        }
        let after = &rest[i + c.len_utf8()..];
        let marker = matches!(c, '路' | '街' | '巷')
            || (c == '道' && rest[..i].ends_with('大'))
            || (c == '同' && rest[..i].ends_with('胡'));
        if marker {
            // 路线, 路面, 街头: the character starts another word.
            if after.starts_with(['线', '面', '况', '径', '费', '演', '头', '上', '边', '舞'])
            {
                return None;
            }
            end = Some(from + i + c.len_utf8());
            break;
        }
        if !is_han(c) || r.stopchars.contains(&c) {
            return None;
        }
    }
    let end = end?;
    // An optional house number.
    let tail = &text[end..];
    let digits: usize = tail
        .chars()
        .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .map(char::len_utf8)
        .sum();
    if digits > 0 && tail[digits..].starts_with('号') {
        return Some(end + digits + '号'.len_utf8());
    }
    Some(end)
}

/// `在京召开`-style abbreviations: lead verb + abbreviation + follow word or punctuation.
fn abbreviations(text: &str, r: &LocationRules, out: &mut Vec<Candidate>) {
    for (range, e) in r.abbr.find_all(text) {
        let before = &text[..range.start];
        let tail = &before[char_start_back(before, 2)..];
        if !r.lead.find_all(tail).any(|(lr, _)| lr.end == tail.len()) {
            continue;
        }
        let after = &text[range.end..];
        let head = &after[..char_end(after, 4)];
        let follows = head
            .chars()
            .next()
            .is_some_and(|c| "，,。、；;！!？?".contains(c))
            || r.follow.find_all(head).any(|(fr, _)| fr.start == 0);
        if !follows {
            continue;
        }
        let canonical = e.attr("canonical").unwrap_or(&e.term).to_string();
        let mut c =
            Candidate::new(Label::Location, range, ABBREV, PRIORITY).with_attrs(Attrs::Location {
                canonical: canonical.clone(),
            });
        c.canonical = Some(canonical);
        out.push(c);
    }
}

/// Byte offset where the last `n` characters of `s` begin.
fn char_start_back(s: &str, n: usize) -> usize {
    s.char_indices()
        .rev()
        .take(n)
        .last()
        .map(|(i, _)| i)
        .unwrap_or(s.len())
}

/// Byte offset where the first `n` characters of `s` end.
fn char_end(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map(|(i, _)| i).unwrap_or(s.len())
}

#[cfg(test)]
mod tests;
