//! `org.suffix` / `org.fund`: names that end in an organization suffix.
//!
//! The suffix (`有限公司`, `银行`, `人民政府`, `产业母基金` — `schema/lexicons/org_suffixes.txt`)
//! fixes the right end; the hard part is the left end. From the suffix we scan back over name
//! characters (CJK ideographs, ASCII letters and digits, a dash between two places, a
//! `（集团）`/`（中国）` parenthesis) and stop at
//! - punctuation and sentence starts,
//! - a stop word ending right there (`与`, `由`, `的`, `表示`, `多家`, `今年`, `历任` — type
//!   `stop` in `org_stopwords.txt`) or a job title (`titles.txt`), unless that word lies inside
//!   a place, a known name, a generic word (`和田`, `建设银行`, `经济`) or a name part (type
//!   `name`: `育才`, `英才`, `得力`),
//! - a number with its date or measure word (`7月20日`, `5家`),
//! - [`MAX_NAME_CHARS`] characters, which bounds the work per suffix (no quadratic scans).
//!
//! One exception to the stop words: `和` joining two portfolios of one government body after
//! a place (`市国土资源和房屋管理局`) is read through. And a name cut at a two-character stop
//! word right after a place that says nothing without them (`杭州联合|农村商业银行`) keeps them.
//!
//! Then the name is checked and trimmed:
//! - Chinese names usually begin with their place (`北京中电博亚科技有限公司`): if a place (or a
//!   known name) occurs inside the scanned text but not at its start, the text before it is
//!   cut off (`记者走访北京银行` → `北京银行`), unless the suffix is a branch (`分行`) and that
//!   text is itself an organization (`招商银行深圳分行`).
//! - `owner=split` suffixes (funds) drop a known organization that prefixes them.
//! - A descriptor ending in `企业` before the name is cut off (`香港本地晶片设计企业|锋芯科技有限公司`),
//!   unless a line of business follows it (`X企业管理有限公司`).
//! - A place may lend its last character to a party-committee suffix (`南山区|委` is `南山区委`).
//! - The name must say *which* organization: after removing a leading place/administrative
//!   word (or a county shape such as `戴窑镇`) and trailing generic words (`科技`, `投资`,
//!   `产业`), something must remain (`needs=core`, at most six characters without a place), or
//!   the suffix demands a place (`needs=place`: `洛阳市委`) or an organization before it
//!   (`needs=org`: `财政部金融司`), or any name will do (`needs=any`: `数字经济产业基金`). So
//!   `科技有限公司`, `相关部门`, `各大银行` are not names.
//! - Inside a longer name, a department named only by its function is no organization
//!   (`dept=1`: `X有限公司公关部` → `X有限公司`), nor is a unit right after its organization
//!   (`unit=1`: `X公司党委`).
//! - Words that merely end like a suffix (`布局`, `东部`, `主办`, type `notorg`), suffixes
//!   followed by a continuation (`银行业`, `局长`, `学会计`, types `rightbad*`) and industry-word
//!   suffixes without a clean right edge (`weak=1`: `依靠科技进步`, `房地产`) give no candidate.
use crate::normalize::filters::is_han;
use std::ops::Range;

use super::{
    FUND, Needs, OrgRules, PRIORITY, SUFFIX, WordType, right_bad, starts_with_word, term_starts,
    title_starts,
};
use crate::extract::{AnnotatedDoc, Attrs, Candidate, Label, OrgKind, column_gap};

/// The longest name (before its suffix) the left scan will consider, in characters.
pub const MAX_NAME_CHARS: usize = 16;
/// Extra characters a branch (`分公司`, `分行`: branch=1) may scan, for its parent's name.
const BRANCH_EXTRA_CHARS: usize = 8;

/// Per-document facts the scan needs, computed once per document.
struct Marks {
    /// Flags by byte of the text (and one past its end): [`STOP_END`], [`STOP_INSIDE`],
    /// [`STOP_START`], [`PLACE_END`], [`GENERIC_COVER`], [`GENERIC_START`] (and, while the
    /// marks are made, [`PROTECT`]) — one byte per text byte, not one `Vec<bool>` per flag
    /// (issue 8: seven vectors zeroed per document).
    flags: Vec<u8>,
    /// Places and known names by start byte → longest end.
    place_at: ByByte,
    /// Administrative words (`国家`, `省`, `中共`) by start byte → longest end.
    admin_at: ByByte,
    /// Generic words by end byte → their start bytes.
    generic_end: ByByte,
    /// `notorg` words by end byte → their start bytes.
    notorg_end: ByByte,
    /// Known organization ranges, in text order.
    known: Vec<Range<usize>>,
}

/// Byte offsets by byte offset (one key, several values, in the order they were added): the
/// pairs sorted by key once made, looked up by binary search. (A map of one vector per key
/// allocated a vector for each word found in a document and rehashed as it grew: ≈ 20 M
/// instructions on the 3 MB corpus, issue 8.)
#[derive(Default)]
struct ByByte {
    /// While made: the pairs as added.
    pairs: Vec<(usize, usize)>,
    /// Once made: the keys, sorted, and the value of each.
    keys: Vec<usize>,
    values: Vec<usize>,
}

impl ByByte {
    fn push(&mut self, key: usize, value: usize) {
        self.pairs.push((key, value));
    }

    /// Sorted by key (a stable sort: the values of one key stay in the order added).
    fn done(mut self) -> ByByte {
        self.pairs.sort_by_key(|&(k, _)| k);
        let (keys, values) = std::mem::take(&mut self.pairs).into_iter().unzip();
        ByByte {
            pairs: Vec::new(),
            keys,
            values,
        }
    }

    /// The values of `key` (`None` when it has none).
    fn get(&self, key: &usize) -> Option<&[usize]> {
        let from = self.keys.partition_point(|k| k < key);
        let to = from + self.keys[from..].partition_point(|k| k == key);
        (to > from).then(|| &self.values[from..to])
    }

    fn contains_key(&self, key: &usize) -> bool {
        self.get(key).is_some()
    }
}

/// A stop word or title ends at this byte (and is not inside a protected word).
const STOP_END: u8 = 1;
/// The byte lies strictly inside a stop word (`昨日|报` is no `日报`).
const STOP_INSIDE: u8 = 1 << 1;
/// A stop word or title starts at this byte.
const STOP_START: u8 = 1 << 2;
/// A place ends at this byte.
const PLACE_END: u8 = 1 << 3;
/// The byte lies inside a generic word that starts before it.
const GENERIC_COVER: u8 = 1 << 4;
/// A generic word starts at this byte.
const GENERIC_START: u8 = 1 << 5;
/// The byte lies inside a place, a known name, a name part, an administrative word or a
/// long generic word: a stop word wholly inside such words is no boundary.
const PROTECT: u8 = 1 << 6;

impl Marks {
    fn new(text: &str, r: &OrgRules, known: &[Candidate]) -> Marks {
        let n = text.len();
        let mut flags = vec![0u8; n + 1];
        let mut place_at = ByByte::default();
        let mark = |rg: &Range<usize>, flags: &mut Vec<u8>, flag: u8| {
            for f in flags.iter_mut().take(rg.end).skip(rg.start) {
                *f |= flag;
            }
        };
        for (rg, _) in r.places.find_all(text) {
            mark(&rg, &mut flags, PROTECT);
            flags[rg.end] |= PLACE_END;
            place_at.push(rg.start, rg.end);
        }
        let known: Vec<Range<usize>> = known.iter().map(|c| c.range.clone()).collect();
        for rg in &known {
            mark(rg, &mut flags, PROTECT);
            place_at.push(rg.start, rg.end);
        }
        // A stop character inside a word that names things (育才, 得力) is no boundary.
        for m in r.words(WordType::NamePart) {
            for (rg, _) in m.find_all(text) {
                mark(&rg, &mut flags, PROTECT);
            }
        }
        let mut admin_at = ByByte::default();
        let mut generic_end = ByByte::default();
        let mut notorg_end = ByByte::default();
        for m in r.words(WordType::Admin) {
            for (rg, _) in m.find_all(text) {
                mark(&rg, &mut flags, PROTECT);
                admin_at.push(rg.start, rg.end);
            }
        }
        for m in r.words(WordType::Generic) {
            for (rg, _) in m.find_all(text) {
                flags[rg.start] |= GENERIC_START;
                mark(&(rg.start + 1..rg.end), &mut flags, GENERIC_COVER);
                if rg.end - rg.start > 3 {
                    mark(&rg, &mut flags, PROTECT);
                }
                generic_end.push(rg.end, rg.start);
            }
        }
        for m in r.words(WordType::NotOrg) {
            for (rg, _) in m.find_all(text) {
                notorg_end.push(rg.end, rg.start);
            }
        }
        let stops = r.words(WordType::Stop).chain(std::iter::once(&r.titles));
        for m in stops {
            for (rg, _) in m.find_all(text) {
                flags[rg.start] |= STOP_START;
                // (a word of two or more characters right after a company's suffix is the
                // verb even where a known name holds it: `A有限公司联合国投…` is no 联合国)
                if !flags[rg.start..rg.end].iter().all(|f| f & PROTECT != 0)
                    || (rg.end - rg.start > 3 && company_ends_at(text, rg.start, r))
                {
                    flags[rg.end] |= STOP_END;
                    mark(&(rg.start + 1..rg.end), &mut flags, STOP_INSIDE);
                }
            }
        }
        Marks {
            flags,
            place_at: place_at.done(),
            admin_at: admin_at.done(),
            generic_end: generic_end.done(),
            notorg_end: notorg_end.done(),
            known,
        }
    }

    fn has(&self, b: usize, flag: u8) -> bool {
        self.flags[b] & flag != 0
    }
    fn stop_end(&self, b: usize) -> bool {
        self.has(b, STOP_END)
    }
    fn stop_inside(&self, b: usize) -> bool {
        self.has(b, STOP_INSIDE)
    }
    fn stop_start(&self, b: usize) -> bool {
        self.has(b, STOP_START)
    }
    fn place_end(&self, b: usize) -> bool {
        self.has(b, PLACE_END)
    }
    fn generic_cover(&self, b: usize) -> bool {
        self.has(b, GENERIC_COVER)
    }
    fn generic_start(&self, b: usize) -> bool {
        self.has(b, GENERIC_START)
    }
}

/// Push a candidate for every acceptable suffix name in the document.
pub(super) fn find(
    doc: &AnnotatedDoc,
    r: &OrgRules,
    known: &[Candidate],
    out: &mut Vec<Candidate>,
) {
    let text = doc.text();
    if text.is_empty() {
        return;
    }
    let marks = Marks::new(text, r, known);
    let mut seen = crate::rules::FastSet::default();
    // Only the longest suffix ending at a place counts: `X产业母基金` is a fund by
    // `产业母基金`, never by `基金` (which would not split off an owner).
    // (A stable sort by end, then start, and the first of each end: the first match found
    // of the smallest start, as a map from end to the best so far kept it, with no hashing
    // and no rehashing as it grew — issue 8.)
    let mut by_end: Vec<(Range<usize>, &crate::rules::Entry)> = r.suffixes.find_all(text).collect();
    by_end.sort_by_key(|(r, _)| (r.end, r.start));
    by_end.dedup_by_key(|(r, _)| r.end);
    for (sr, e) in by_end {
        let Some(spec) = e
            .attr("spec")
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| r.suffix_specs.get(i))
        else {
            continue;
        };
        // `白沙数字经济促进会秘书处`: a secretariat (`whole=1`) is the organization that ends
        // right before it and the suffix — read from that name, not by scanning back (the
        // scan would stop at a stop word inside it: 促进).
        if spec.whole {
            if let Some(st) = org_ending_at(
                sr.start,
                &marks.known,
                out.get(known.len()..).unwrap_or(&[]),
            ) {
                let kind = if association_inside(text, &(st..sr.start), r) {
                    OrgKind::Association
                } else {
                    spec.kind
                };
                if seen.insert((st, sr.end)) {
                    out.push(
                        Candidate::new(Label::Organization, st..sr.end, SUFFIX, PRIORITY)
                            .with_attrs(Attrs::Org { kind }),
                    );
                }
            }
            continue;
        }
        if right_bad(text, sr.end, r)
            || (sr.end - sr.start <= 3
                && starts_with_word(text, sr.end, r, WordType::RightBad1)
                && !title_starts(text, sr.end, r))
            || (text[..sr.end].ends_with('会')
                && starts_with_word(text, sr.end, r, WordType::RightBadHui))
            || marks.stop_inside(sr.start)
            || text[sr.end..]
                .chars()
                .next()
                .is_some_and(|c| spec.not_before.contains(&c))
        {
            continue;
        }
        // A suffix that is also an industry word (`科技`, `证券`) ends a name only where the
        // next word starts: `XX科技表示` yes, `依靠科技进步` no.
        if spec.weak
            && (!clean_right_edge(text, sr.end, &marks, r) || marks.generic_cover(sr.start))
        {
            // The second test: `房地产` is a generic word, not a name ending in `地产`.
            continue;
        }
        // `21日报`: a date, not a newspaper.
        if text[sr.start..].starts_with(['日', '月'])
            && text[..sr.start]
                .chars()
                .next_back()
                .is_some_and(is_digit_like)
        {
            continue;
        }
        let notorg = marks.notorg_end.get(&sr.end).and_then(|starts| {
            // `全部` ends like `部`, but not inside `安全部`.
            starts
                .iter()
                .copied()
                .filter(|s| *s < sr.start && !marks.generic_cover(*s))
                .min()
        });
        // A common noun made of an industry word and the suffix (`产业联盟`) is a name when a
        // place leads it (`华东智造产业联盟`); otherwise (`组建产业联盟`, `东部`) it is none.
        // The industry word must be a word of two characters or more: a one-character
        // modifier (`新局`, `大局`: 新, 大) makes no industry, so `台北新局` stays no name.
        let generic_notorg = notorg.is_some_and(|ns| {
            text[ns..sr.start].chars().count() >= 2
                && marks
                    .generic_end
                    .get(&sr.start)
                    .is_some_and(|gs| gs.contains(&ns))
        });
        if notorg.is_some() && !generic_notorg {
            continue;
        }
        let lim = sentence_start(doc, sr.start);
        let Some(mut start) = left_boundary(doc, sr.start, lim, &marks, r, spec) else {
            continue;
        };
        // `聘任庄某为公司总经理`: right after an appointing verb the object is a person and the
        // first 为 links it to the post; the name starts after it (`聘任X为华为公司…` names
        // 华为公司), and a bare suffix left (`为公司`) names none (session 15).
        if APPOINT_OPENERS.iter().any(|w| text[..start].ends_with(w))
            && let Some(k) = text[start..sr.start].find('为')
            && (1..=3).contains(&text[start..start + k].chars().count())
        {
            start += k + '为'.len_utf8();
            if start >= sr.start {
                continue;
            }
        }
        // `李某，前星海电子股份有限公司副总经理`, `原X有限公司总经理某`: a status word (前, 原)
        // opening a name that a job title follows says the post is a former one — no part of
        // the name (the position rules read it before the organization). A place or a known
        // name that opens with it (前海, 原平市) keeps it (session 24).
        if let Some(w) = FORMER_MARKS
            .iter()
            .find(|w| text[start..sr.start].starts_with(**w))
            && text[start + w.len()..sr.start].chars().count() >= 2
            && !marks.place_at.contains_key(&start)
            && title_starts(text, sr.end, r)
        {
            start += w.len();
        }
        if let Some(ns) = notorg
            && (ns <= start
                || (!leading_places(text, &(start..ns), &marks).1
                    && !described_body(doc, start, ns, sr.end, r)))
        {
            continue;
        }
        // `第三部`, `八部`, `近5万部`: a numeral (with its 万/亿 unit) before a one-character
        // suffix counts things.
        if sr.end - sr.start <= 3
            && text[..sr.start]
                .trim_end_matches(['万', '亿', '千', '百'])
                .chars()
                .next_back()
                .is_some_and(is_digit_like)
        {
            continue;
        }
        // `工研院机械与机电系统研究所`: two fields of an institute joined by 与; the parent
        // (or place) that opens the name says which institute it is.
        // A unit that needs its organization (`系`) stays apart from it: `香港科技大学|电子及
        // 计算机工程学系` names the university.
        // (`邵某和　青岚研究院院长`: a column gap of a list layout after the 和 ends the name;
        // the 和 closes the person's name in the column before, it joins no fields)
        let joined = (matches!(spec.kind, OrgKind::Academic | OrgKind::Association)
            && spec.needs != Needs::Org
            && !column_gap(doc, start))
        .then(|| {
            joined_fields(
                text,
                start,
                lim,
                &marks,
                r,
                spec.kind == OrgKind::Academic
                    && text[sr.start..].starts_with("研究")
                    && text[start..sr.start].chars().count() >= 2,
            )
        })
        .flatten();
        let start = if let Some(p) = joined {
            p
        } else if acceptable(text, start..sr.start, spec, &marks, r) {
            start
        } else if text[start..sr.start].chars().count() >= 2
            && let Some(p) = place_before_stop(text, start, &marks, r)
            && acceptable(text, p..sr.start, spec, &marks, r)
        {
            p
        } else if let Some(p) = name_before_joint(text, start, lim, &marks, r)
            && acceptable(text, p..sr.start, spec, &marks, r)
        {
            p
        } else if let Some(p) = stop_char_inside_short_name(text, start, sr.start, lim, &marks)
            && acceptable(text, p..sr.start, spec, &marks, r)
        {
            p
        } else if let Some(label) = PARTY_LABELS.iter().find(|l| text[..start].ends_with(**l))
            && acceptable(text, start - label.len()..sr.start, spec, &marks, r)
        {
            // `甲方科技有限公司`: a placeholder company named by its party label says nothing
            // without the label, so the label is its name.
            start - label.len()
        } else {
            continue;
        };
        // `总规模100亿元的集成电路产业基金`: an industry fund after 的 describes a fund, it does
        // not name one (a named fund carries its place or owner: `的合肥新能源汽车产业基金`).
        // `规模20亿元之光电产业基金`: 之 is the written form of 的, never the start of a name.
        let start = match text[start..sr.start].strip_prefix('之') {
            Some(rest) if !rest.is_empty() => sr.start - rest.len(),
            _ => start,
        };
        if spec.kind == OrgKind::Fund
            && spec.needs == Needs::Any
            && text[..start].ends_with(['的', '之'])
            && !leading_places(text, &(start..sr.start), &marks).1
            // `规模50亿元的湘江数字经济产业母基金`: a word of its own before the industry words
            // names the fund.
            && core_chars(text, start, sr.start, &marks) < 2
        {
            continue;
        }
        // `某高校经济学院`, `各省人民政府`: after an indefinite or distributive determiner the
        // words describe an organization, they do not name one (`某某` is a placeholder name).
        // `各界协会` alone is the same ("associations of all circles"); with its district
        // before it (`九龙西区各界协会`) it is a name.
        if (text[..start].ends_with(['某', '各']) && !text[..start].ends_with("某某"))
            || text[start..].starts_with("各界")
        {
            continue;
        }
        // `一家五金厂`, `这家小吃店`: a counted or pointed-at short stem before a short suffix
        // says what kind of place it is, it names none (a place first names one: `一家临江
        // 机械厂`). 座 counts buildings, never firms: after it a stem of up to five
        // characters describes the plant (`一座数位化工厂`).
        let stem_max = if text[..start].ends_with('座') { 5 } else { 3 };
        if sr.end - sr.start <= 6
            && counted_before(text, start, r)
            && text[start..sr.start].chars().count() <= stem_max
            && !leading_places(text, &(start..sr.start), &marks).1
        {
            continue;
        }
        // `有助扩大本集团`: a placeholder for the speaker's own organization (`本集团`, `本公司`:
        // placeholder=1 in org_stopwords.txt) ending the scan is that reference, not a name
        // ending in it — unless its 本 belongs to a word or place before it (`X资本集团`,
        // `日本集团`).
        if let Some(ben) = sr.start.checked_sub('本'.len_utf8())
            && ben >= start
            && text[..sr.start].ends_with('本')
            && r.placeholders.contains(&text[ben..sr.end])
            && !marks.generic_cover(ben)
            && !marks.place_end(sr.start)
        {
            continue;
        }
        // `本报评论部`, `本公司财务部`: a department after the speaker's own organization is a
        // unit of it, no organization of its own. So is a department of the government's kind
        // (`部`, `办公室`) right after a company suffix (`X有限公司|生产部`, `X集团|办公室`):
        // a unit of that company, not a ministry.
        if spec.dept
            && (SELF_REFERENCES.iter().any(|w| text[..start].ends_with(w))
                || (spec.kind == OrgKind::Government && company_ends_at(text, start, r)))
        {
            continue;
        }
        // `《何走进工厂》`: a title in book-title marks that merely ends like an organization names
        // a book, programme or document; only a newspaper or magazine (`《星海日报》`) is one.
        if spec.kind != OrgKind::Media
            && text[..start].ends_with('《')
            && text[sr.end..].starts_with('》')
        {
            continue;
        }
        // `投早、投小、投硬科技`: the last item of a slogan whose items open with the same
        // character and are two characters long names nothing.
        if parallel_slogan(text, start, sr.end) {
            continue;
        }
        if !seen.insert((start, sr.end)) {
            continue;
        }
        let rule = if spec.kind == OrgKind::Fund {
            FUND
        } else {
            SUFFIX
        };
        let kind = if spec.dept
            && spec.kind == OrgKind::Government
            && company_inside(text, &(start..sr.start), &marks, r)
        {
            OrgKind::Enterprise
        } else if spec.kind == OrgKind::Government
            && association_inside(text, &(start..sr.start), r)
        {
            // `X商会第十三届执行委员会`, `X协会秘书处`: a body of an association is none of
            // the government's.
            OrgKind::Association
        } else {
            spec.kind
        };
        let mut c = Candidate::new(Label::Organization, start..sr.end, rule, PRIORITY)
            .with_attrs(Attrs::Org { kind });
        // `5G 产业母基金` (a PDF space between script runs) is the same name as `5G产业母基金`.
        let name = &text[start..sr.end];
        if name.contains(' ') {
            c.canonical = Some(name.replace(' ', ""));
        }
        out.push(c);
    }
}

/// Bytes back from a suffix within which an organization found before may end (the suffix
/// candidates are pushed in the order of their ends).
const WHOLE_LOOKBACK: usize = 96;

/// Where the longest organization ending at `end` starts: a known name (`known`, in text
/// order) or a suffix name found before (`found`, in the order of their ends).
fn org_ending_at(end: usize, known: &[Range<usize>], found: &[Candidate]) -> Option<usize> {
    let from = known.partition_point(|k| k.start + WHOLE_LOOKBACK < end);
    let k = known[from..]
        .iter()
        .take_while(|k| k.start < end)
        .filter(|k| k.end == end)
        .map(|k| k.start);
    let f = found
        .iter()
        .rev()
        .take_while(|c| c.range.end + WHOLE_LOOKBACK >= end)
        .filter(|c| c.label == Label::Organization && c.range.end == end)
        .map(|c| c.range.start);
    k.chain(f).min()
}

/// `杭州联合农村商业银行`: a name the scan cut at a two-character stop word (`联合`) right
/// after a place says nothing on its own (`农村商业银行`); the place and the word belong to it.
/// Where the place starts, if `start` is such a cut. Not when the stop word is a verb that
/// takes an organization as its object (`verb=1` in org_stopwords.txt): `在香港设立终审法院`
/// sets up a court in Hong Kong, 设立 is no part of a name.
fn place_before_stop(text: &str, start: usize, m: &Marks, r: &OrgRules) -> Option<usize> {
    if !m.stop_end(start) {
        return None;
    }
    let word_start = text[..start].char_indices().rev().nth(1).map(|(i, _)| i)?;
    if !m.place_end(word_start)
        || r.words(WordType::Stop).any(|w| {
            w.get(&text[word_start..start])
                .is_some_and(|e| e.attr("verb") == Some("1"))
        })
    {
        return None;
    }
    text[..word_start]
        .char_indices()
        .rev()
        .take(6)
        .map(|(i, _)| i)
        .find(|p| {
            m.place_at
                .get(p)
                .is_some_and(|ends| ends.contains(&word_start))
        })
}

/// The most characters a name may have before a `joint` word (`诚信|联合律师事务所`).
const MAX_BEFORE_JOINT: usize = 4;

/// `诚信联合律师事务所`: the scan stopped at a `joint` stop word (`联合`, type `joint` in
/// `org_stopwords.txt`) and what follows it names nothing (`律师事务所`). Firms are often named
/// `X联合…`, so if 2–[`MAX_BEFORE_JOINT`] name characters stand between a clear boundary
/// (sentence start, punctuation, another stop word) and the joint word, and they are not just
/// generic words, the name starts there. A longer run is a phrase and gives nothing
/// (`多家企业联合律师事务所`: 企业 is generic).
fn name_before_joint(
    text: &str,
    start: usize,
    lim: usize,
    m: &Marks,
    r: &OrgRules,
) -> Option<usize> {
    if !m.stop_end(start) {
        return None;
    }
    // The joint word ending at `start` (2–4 characters; looked up only here, no scan of the
    // whole text for a rare case).
    let js = text[lim..start]
        .char_indices()
        .rev()
        .skip(1)
        .take(3)
        .map(|(i, _)| lim + i)
        .find(|&i| {
            r.words(WordType::Joint)
                .any(|j| j.get(&text[i..start]).is_some())
        })?;
    let mut pos = js;
    let mut n = 0;
    while pos > lim && !m.stop_end(pos) {
        let c = text[..pos].chars().next_back()?;
        if !is_han(c) {
            break;
        }
        if n == MAX_BEFORE_JOINT {
            return None;
        }
        pos -= c.len_utf8();
        n += 1;
    }
    // `多家企业|联合…`: generic words before the joint word say which firm no more than the
    // suffix does.
    (n >= 2 && core_chars(text, pos, js, m) >= 2).then_some(pos)
}

/// Does a new word start at `end`: the end of text, a non-name character, a stop word or
/// title, or another suffix (`科技有限公司`)?
fn clean_right_edge(text: &str, end: usize, m: &Marks, r: &OrgRules) -> bool {
    let Some(c) = text[end..].chars().next() else {
        return true;
    };
    if !is_name_char(c) || c.is_ascii_alphanumeric() || m.stop_start(end) {
        return true;
    }
    term_starts(&r.suffixes, text, end, 6)
}

fn sentence_start(doc: &AnnotatedDoc, pos: usize) -> usize {
    if doc.sentences.is_empty() {
        return 0;
    }
    let s = &doc.sentences[doc.sentence_of(pos)];
    if s.range.start <= pos {
        s.range.start
    } else {
        0
    }
}

/// A character that may be part of an organization name.
fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || is_han(c) || c == '·' || c == '&'
}

fn is_date_word(c: char) -> bool {
    matches!(c, '年' | '月' | '日' | '号')
}

fn is_digit_like(c: char) -> bool {
    c.is_ascii_digit() || "〇零一二三四五六七八九十".contains(c)
}

/// Does an amount of money end at `pos` (`20亿元`, `5万元`, `300元`)? A name never holds one:
/// `规模20亿元之光电产业基金` describes a fund by its size.
fn amount_ends_at(text: &str, pos: usize) -> bool {
    let Some(before) = text[..pos].strip_suffix('元') else {
        return false;
    };
    before
        .trim_end_matches(['万', '亿', '千', '百'])
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit())
}

/// `hay.rfind(word)` for the two-character word `ab`: the last `b` that follows an `a`. A
/// reverse byte search for one character costs less than building a substring searcher for
/// each of the thousands of short spans asked (issue 8).
fn rfind_word(hay: &str, a: char, b: char) -> Option<usize> {
    hay.rmatch_indices(b)
        .find(|(j, _)| hay[..*j].ends_with(a))
        .map(|(j, _)| j - a.len_utf8())
}

/// Scan back from `suffix_start` and return where the name starts, or `None` when there is
/// no usable name.
fn left_boundary(
    doc: &AnnotatedDoc,
    suffix_start: usize,
    lim: usize,
    m: &Marks,
    r: &OrgRules,
    spec: &super::SuffixSpec,
) -> Option<usize> {
    let text = doc.text();
    let mut pos = suffix_start;
    let mut chars = 0;
    let mut bounded = false;
    // Bounded by punctuation or the sentence start, not by a word.
    let mut hard = false;
    while pos > lim {
        // `申某华　生态环境部副部长`: a column gap of a list layout (a full-width space, a tab
        // or two spaces, removed by normalization) ends the name.
        if pos < suffix_start && column_gap(doc, pos) {
            bounded = true;
            break;
        }
        if m.stop_end(pos) {
            // `日本北和电机株式会社`: 和 inside a Japanese trade name; the scan goes on.
            if let Some(head) = japanese_he(text, pos, lim, m, spec) {
                pos = head;
                chars += 2;
                continue;
            }
            // `有为科技有限公司`: 为 as the second character of a trade name.
            if let Some(head) = trade_name_wei(text, (pos, suffix_start), lim, m, r) {
                pos = head;
                chars += 2;
                continue;
            }
            // `市国土资源和房屋管理局`: 和 joining two portfolios of one government body.
            if let Some(start) = joined_portfolio(doc, pos, lim, m) {
                pos = start;
            } else if let Some(start) = county_stem_in_stop(text, pos, lim, m) {
                pos = start;
            } else if let Some(start) = county_stem_at_clause_start(text, pos, lim, r) {
                pos = start;
            }
            bounded = true;
            break;
        }
        let Some(c) = text[..pos].chars().next_back() else {
            break;
        };
        // `（集团）`, `（中国）` inside a company name.
        if matches!(c, '）' | ')')
            && let Some(open) = inner_paren(text, pos, lim, m)
        {
            pos = open;
            chars += 2;
            continue;
        }
        // `苏丹—中国友好协会`: a dash between two places.
        let dash_between_places = matches!(c, '—' | '-' | '－')
            && m.place_end(pos - c.len_utf8())
            && m.place_at.contains_key(&pos);
        let ok = is_name_char(c)
            || dash_between_places
            || (c == ' '
                && (text[pos..].starts_with(|n: char| n.is_ascii_alphanumeric())
                    || text[..pos - 1]
                        .chars()
                        .next_back()
                        .is_some_and(|p| p.is_ascii_alphanumeric())));
        if !ok {
            bounded = true;
            hard = true;
            break;
        }
        // `7月20日`, `5家`: a number with its unit or date word ends the name.
        let num_before = text[..pos - c.len_utf8()].chars().next_back();
        if ((is_date_word(c) || r.measure_words.contains(&c))
            && num_before.is_some_and(is_digit_like))
            || amount_ends_at(text, pos)
        {
            bounded = true;
            break;
        }
        // `两座电池包工厂`, `几家新能源企业`: a counted noun describes plants or firms, it names
        // none (also when a place is inside it: `匈牙利两座电池包工厂`).
        if r.measure_words.contains(&c) && num_before.is_some_and(|n| matches!(n, '两' | '几')) {
            return None;
        }
        // (A branch carries its parent's full name before its place: `X证券登记服务有限责任
        // 公司深圳分公司` may need a few more characters.)
        if chars == MAX_NAME_CHARS + if spec.branch { BRANCH_EXTRA_CHARS } else { 0 } {
            break;
        }
        pos -= c.len_utf8();
        chars += 1;
    }
    if pos <= lim {
        bounded = true;
        hard = true;
    }
    // Leading spaces are not part of a name.
    while text[pos..suffix_start].starts_with(' ') {
        pos += 1;
    }
    let mut start = pos;
    // A fund prefixed by its owner: the name starts after the last known organization.
    if spec.owner_split
        && let Some(k) = m
            .known
            .iter()
            .filter(|k| k.start >= start && k.end <= suffix_start)
            .max_by_key(|k| k.end)
    {
        start = k.end;
        while text[start..suffix_start].starts_with(' ') {
            start += 1;
        }
    }
    // `以自有资金2亿元投资星海半导体有限公司`, `拟投资X有限公司`: the verb 投资 opening a name
    // right after an amount or a stop word is the act of investing, no part of the name (names
    // put a place or a trade name first: `X投资有限公司`). Not when a generic word follows it
    // (`投资控股有限公司` says nothing without it).
    if bounded
        && let Some(rest) = text[start..suffix_start].strip_prefix("投资")
        && rest.chars().count() >= 2
        && (amount_ends_at(text, start) || m.stop_end(start))
        && !m.generic_start(start + "投资".len())
    {
        start += "投资".len();
    }
    // `公司子公司X集团`: a name holds no earlier `公司` except as the parent of a branch.
    if !spec.branch
        && let Some(i) = rfind_word(&text[start..suffix_start], '公', '司')
    {
        start += i + "公司".len();
    }
    // `香港本地晶片设计企业锋芯科技有限公司`: a descriptor ending in 企业 before a company name is no
    // part of it — unless the name after it is a line of business (`X企业管理有限公司`) or too
    // short. Other bodies may be named after the enterprises they serve (`X粮食企业指导办公室`).
    if spec.kind == OrgKind::Enterprise
        && let Some(i) = rfind_word(&text[start..suffix_start], '企', '业')
    {
        let after = start + i + "企业".len();
        if text[start..start + i].chars().count() >= 2
            && text[after..suffix_start].chars().count() >= 2
            && !m.generic_start(after)
        {
            start = after;
        }
    }
    // Names begin with their place: cut off what comes before the first place or known name.
    let first_lead = text[start..suffix_start]
        .char_indices()
        .map(|(i, _)| start + i)
        .find(|p| {
            // A place in a parenthesis (`X（天津）融资担保有限公司`) is the seat of a company named
            // before it, not the start of the name; a place that merely follows an opening
            // parenthesis (`（武汉长江精密传动有限公司总经理）`) does start it.
            let in_paren = text[..*p].ends_with(['（', '(']);
            m.place_at.get(p).is_some_and(|ends| {
                ends.iter().any(|e| {
                    *e <= suffix_start && !(in_paren && text[*e..].starts_with(['）', ')']))
                })
            })
        });
    match first_lead {
        // `滙星亞洲控股有限公司`, `星海中国控股`: a two-character trade name before a place
        // and a generic word, right after punctuation or at the sentence start, is the name's
        // own head (a verb there would end the scan as a stop word).
        Some(p)
            if hard
                && text[start..p].chars().count() == 2
                && text[start..p].chars().all(is_han)
                && m.place_at
                    .get(&p)
                    .and_then(|ends| ends.iter().max())
                    .is_some_and(|e| m.generic_start(*e)) => {}
        Some(p) if p > start && !m.admin_at.contains_key(&start) => {
            let before = &text[start..p];
            let nested = spec.branch
                && r.suffixes
                    .find_all(before)
                    .any(|(rg, _)| rg.end == before.len());
            if !nested {
                start = p;
            } else if !bounded {
                return None;
            }
        }
        Some(_) => {}
        None if !bounded => return None,
        None => {}
    }
    Some(start)
}

/// Contract party labels (stop words in org_stopwords.txt): `甲方X有限公司` names X有限公司, but a
/// placeholder `甲方科技有限公司` keeps its label.
const PARTY_LABELS: [&str; 4] = ["甲方", "乙方", "丙方", "丁方"];

/// Words by which a text refers to its own organization (`本报评论部`: the paper's own desk).
const SELF_REFERENCES: [&str; 9] = [
    "本报",
    "本台",
    "本刊",
    "本网",
    "本社",
    "本公司",
    "本集团",
    "本行",
    "本所",
];

/// Numerals and demonstratives that count or point at things before a measure word
/// (`一家`, `这家`, `某所`).
const COUNTERS: &str = "一两二三几多每这那该某";

/// Does a numeral or demonstrative + measure word (`一家`, `这家`, `两所`) end at `start`?
fn counted_before(text: &str, start: usize, r: &OrgRules) -> bool {
    let mut before = text[..start].chars().rev();
    before.next().is_some_and(|m| r.measure_words.contains(&m))
        && before.next().is_some_and(|n| COUNTERS.contains(n))
}

/// Characters that make a one-character stem + 县 a determiner phrase, not a place
/// (`本县`, `该县`, `全县`, `两县`).
const NOT_COUNTY_STEM: &str = "本该全各我此这那两每同外邻省市县区乡镇其";

/// `由于田县城市管理局`: the stop word before the name (`由于`) ends in a character that opens a
/// two-character county stem (`于田县`), and without that character it is still a stop word
/// (`由`). One-character county names are rare, two-character ones the rule: the name starts
/// one character earlier. Not before a determiner (`由于本市`, `对于该县`).
fn county_stem_in_stop(text: &str, pos: usize, lim: usize, m: &Marks) -> Option<usize> {
    let mut after = text[pos..].chars();
    let stem = after
        .next()
        .filter(|c| is_han(*c) && !NOT_COUNTY_STEM.contains(*c))?;
    // (only 县: 区, 市 and 旗 end words too — 社区, 城市, 花旗)
    after.next().filter(|c| *c == '县')?;
    let last = text[..pos].chars().next_back().filter(|c| is_han(*c))?;
    let start = pos - last.len_utf8();
    (start > lim && m.stop_end(start) && stem != last).then_some(start)
}

/// `；于都恒岳电机有限公司`: a one-character stop word (`于`) opening the clause — punctuation,
/// a page break or the sentence start before it — that opens, with the characters after it,
/// the stem of a county or city of the lexicon (`于都县` → `于都`) is the name's leading place,
/// not a preposition: the name starts at it. Companies are named after their county without
/// its 县. In running text (`位于都市`) the character belongs to the word before it.
fn county_stem_at_clause_start(text: &str, pos: usize, lim: usize, r: &OrgRules) -> Option<usize> {
    let c = text[..pos].chars().next_back().filter(|c| is_han(*c))?;
    let start = pos - c.len_utf8();
    let opens = start <= lim
        || text[..start]
            .chars()
            .next_back()
            .is_some_and(|p| !is_name_char(p));
    if !opens {
        return None;
    }
    let mut stem = String::from(c);
    for n in text[pos..].chars().take(2) {
        if !is_han(n) {
            break;
        }
        stem.push(n);
        for suffix in ["县", "市", "区", "旗"] {
            let place = format!("{stem}{suffix}");
            if r.places.contains(&place) {
                return Some(start);
            }
        }
    }
    None
}

/// `仁和昌茶庄`: the scan stopped at a one-character stop word (`和`) and left one character
/// before the suffix (`昌茶庄` says no shop). When the stop character itself follows a single
/// Han character that opens the clause or follows another stop word (punctuation, a page
/// break, the sentence start or `有` before it; that character no stop word of its own),
/// nothing is joined there — a conjunction
/// joins two things and a name of one character is none: the three characters are the name.
/// (`他和昌茶庄` keeps the pronoun out: 他 is a stop word; `张伟和昌茶庄`: two characters.)
fn stop_char_inside_short_name(
    text: &str,
    start: usize,
    suffix_start: usize,
    lim: usize,
    m: &Marks,
) -> Option<usize> {
    if !m.stop_end(start) || text[start..suffix_start].chars().count() != 1 {
        return None;
    }
    let stop = text[..start].chars().next_back().filter(|c| is_han(*c))?;
    let stop_at = start - stop.len_utf8();
    // A one-character stop word: nothing of the word reaches further left.
    if m.stop_inside(stop_at) || m.stop_end(stop_at) {
        return None;
    }
    lone_head_before(text, stop_at, lim, m, false)
}

/// Where the single Han character right before the stop word at `stop_at` starts, when that
/// character opens the name: the scan limit, a stop word, a non-name character (or, with
/// `after_place`, a place) before it. A conjunction joins two things, and one character
/// names none, so the stop word is then part of the name.
fn lone_head_before(
    text: &str,
    stop_at: usize,
    lim: usize,
    m: &Marks,
    after_place: bool,
) -> Option<usize> {
    let head = text[..stop_at].chars().next_back().filter(|c| is_han(*c))?;
    let head_at = stop_at - head.len_utf8();
    let opens = head_at <= lim
        || m.stop_end(head_at)
        || (after_place && m.place_end(head_at))
        || text[..head_at]
            .chars()
            .next_back()
            .is_none_or(|p| !is_name_char(p));
    opens.then_some(head_at)
}

/// `三和化学株式会社`, `日本北和电机株式会社`: the scan stopped at a one-character `和` before
/// a Japanese company form (`inner_he=1`: 株式会社, 有限会社). Japanese trade names often hold
/// 和 after one character (三和, 东和, 昭和); when that character opens the name —
/// punctuation, the scan limit, a stop word or a place (`日本`) before it, and no stop word of
/// its own — it is no conjunction (a conjunction joins two things, and one character names
/// none): return where that character starts, for the scan to go on. `索尼和松下电器株式会社`
/// keeps two names (two characters before the 和).
fn japanese_he(
    text: &str,
    pos: usize,
    lim: usize,
    m: &Marks,
    spec: &super::SuffixSpec,
) -> Option<usize> {
    if !spec.inner_he {
        return None;
    }
    let stop_at = pos.checked_sub('和'.len_utf8())?;
    if text.get(stop_at..pos) != Some("和") || m.stop_inside(stop_at) || m.stop_end(stop_at) {
        return None;
    }
    lone_head_before(text, stop_at, lim, m, true)
}

/// `有为科技有限公司`, `公司名称为有为科技有限公司`: the scan stopped at a
/// one-character `为` that is the second character of a trade name (有为, 顺为, 广为). Such a
/// 为 is no copula or preposition when the one character before it opens the name —
/// punctuation, the scan limit or a stop word before it (称为, 由) — and that character
/// makes no function word with 为 (`并为`, `更为`, `均为`, `他为`: words_org.txt list wei_word;
/// a stop word ending in 为, `认为`, `成为`, `作为`, also stops; the character may be a stop
/// word of its own, as 有 is), and what follows 为 up to the suffix is generic words only,
/// not nothing (`交易对方为岑溪控股有限公司`: 岑溪 is a name, 为 the copula; `聘任宗某为公司总经理`
/// names no company): return where that character
/// starts, for the scan to go on. `张某为有为科技…` keeps 张某 out (two characters before 为).
fn trade_name_wei(
    text: &str,
    (pos, suffix_start): (usize, usize),
    lim: usize,
    m: &Marks,
    r: &OrgRules,
) -> Option<usize> {
    // (what follows 为 must be generic words only: `有为|科技|有限公司`; after
    // `交易对方为岑溪控股有限公司` the name after 为 is whole and 为 is the copula, and a bare
    // suffix after it, `聘任甲为公司总经理`, names no 甲为公司)
    let core = text.get(pos..suffix_start)?;
    if !super::only_generic(core, r) {
        return None;
    }
    let stop_at = pos.checked_sub('为'.len_utf8())?;
    if text.get(stop_at..pos) != Some("为") || m.stop_inside(stop_at) {
        return None;
    }
    let head = lone_head_before(text, stop_at, lim, m, false)?;
    let word = text.get(head..pos)?;
    (!WEI_WORDS.contains(&word)).then_some(head)
}

/// Function words of one character and `为` (`并为`, `更为`, `均为`): no trade name starts
/// with them (words_org.txt list wei_word).
pub(super) static WEI_WORDS: crate::rules::WordList =
    crate::rules::WordList::new("words_org", "wei_word");

/// The name so far starts at `pos` with a generic word (`房屋管理`) right after `和`; if the
/// text before `和` is a place or administrative word plus generic words (`市国土资源`), the
/// two portfolios name one body: return where the place starts. A city or province missing
/// from the lexicon counts by its shape there (`澄海市工业和信息化局`: two characters + 市).
fn joined_portfolio(doc: &AnnotatedDoc, pos: usize, lim: usize, m: &Marks) -> Option<usize> {
    let text = doc.text();
    let and = text[..pos].strip_suffix('和')?;
    if !m.generic_start(pos) {
        return None;
    }
    let q = and.len();
    // The chunk before 和: name characters up to a stop or a column gap (`万某　X市工业和信息化局
    // 局长`: the name column), at most 8 characters.
    let mut cs = q;
    for (n, c) in text[lim..q].chars().rev().enumerate() {
        if n == 8 || m.stop_end(cs) || !is_han(c) || (cs < q && column_gap(doc, cs)) {
            break;
        }
        cs -= c.len_utf8();
    }
    if cs == q {
        return None;
    }
    let (mut lead_end, mut found) = leading_places(text, &(cs..q), m);
    // `由澄海市工业和信息化局`: a city missing from the lexicon opens the chunk by its shape.
    if !found && let Some(e) = super::short::unknown_place_prefix(&text[cs..q], 2) {
        lead_end = cs + e;
        found = true;
    }
    let generic_tail = m
        .generic_end
        .get(&q)
        .is_some_and(|starts| starts.iter().any(|s| *s >= lead_end));
    (found && lead_end < q && generic_tail).then_some(cs)
}

/// The most characters of a parent and its first field before `与` (`工研院机械|与`).
const MAX_BEFORE_FIELDS: usize = 10;

/// `工研院机械与机电系统研究所`, `中国科学院地理科学与资源研究所`: institutes and associations
/// are often named after two fields joined by `与`/`及`/`和`/`暨`. The scan stopped at that
/// conjunction; the text before it (name characters up to a stop, at most
/// [`MAX_BEFORE_FIELDS`]) belongs to the name when it is a field and not an organization of
/// its own — no suffix, place or known name ends at the conjunction (`经济发展局与X公会`,
/// `华为与X研究所`, `北京与X学会` join two parties) — and it opens with its parent: a place
/// or known name at its start, or an organization suffix or an abbreviated `X院` inside it
/// (`工研院|机械`).
fn joined_fields(
    text: &str,
    pos: usize,
    lim: usize,
    m: &Marks,
    r: &OrgRules,
    academic: bool,
) -> Option<usize> {
    if !m.stop_end(pos) {
        return None;
    }
    let conj = text[..pos].chars().next_back()?;
    if !matches!(conj, '与' | '及' | '和' | '暨') {
        return None;
    }
    let q = pos - conj.len_utf8();
    if m.place_end(q) || m.known.iter().any(|k| k.end == q) {
        return None;
    }
    let mut cs = q;
    for (n, c) in text[lim..q].chars().rev().enumerate() {
        if n == MAX_BEFORE_FIELDS || m.stop_end(cs) || !is_han(c) {
            break;
        }
        cs -= c.len_utf8();
    }
    // The field before the conjunction: at least two characters after the parent.
    let chunk = &text[cs..q];
    let suffix_ends: Vec<usize> = r
        .suffixes
        .find_all(chunk)
        .map(|(rg, _)| cs + rg.end)
        .collect();
    if suffix_ends.contains(&q) {
        return None;
    }
    // A parent abbreviated to `X院` (中科院, 社科院, 工研院) counts like a suffix.
    let abbrev = chunk
        .char_indices()
        .filter(|(i, c)| *c == '院' && chunk[..*i].chars().count() >= 2)
        .map(|(i, c)| cs + i + c.len_utf8());
    let parent_end = suffix_ends
        .iter()
        .copied()
        .chain(abbrev)
        .filter(|e| *e + 6 <= q)
        .max();
    // A place (not an administrative word: `全国高校党建和中小学` is two things) opens it.
    let place_lead = m
        .place_at
        .get(&cs)
        .and_then(|ends| ends.iter().copied().filter(|e| *e <= q).max());
    let parent_end = match (parent_end, place_lead) {
        (Some(e), _) => e,
        (None, Some(e)) if e + 6 <= q => e,
        // `高端装备感知与智能控制研究院`: with no parent and no place, an institute's two
        // fields stand alone when the first opens the clause (punctuation, a table cell or
        // the start before it) and says something of its own
        _ if academic && clause_opens(text, cs, lim) && core_chars(text, cs, q, m) >= 2 => {
            return (text[cs..q].chars().count() >= 2).then_some(cs);
        }
        _ => return None,
    };
    // The field after the parent is no word of the parent's (`研究院长` is no parent + field).
    (!m.stop_start(parent_end)).then_some(cs)
}

/// `pos` is just after a closing parenthesis: if it closes `（X）` where X is a place or a
/// legal-form word (`集团`, `控股`, `股份`), return where the `（` starts.
fn inner_paren(text: &str, pos: usize, lim: usize, m: &Marks) -> Option<usize> {
    let close = text[..pos].chars().next_back()?;
    let inner_end = pos - close.len_utf8();
    let mut open = None;
    for (n, (i, c)) in text[lim..inner_end].char_indices().rev().enumerate() {
        if n > 6 {
            break;
        }
        if matches!(c, '（' | '(') {
            open = Some(lim + i);
            break;
        }
    }
    let open = open?;
    let inner_start = open + text[open..].chars().next()?.len_utf8();
    let inner = &text[inner_start..inner_end];
    let is_place = m
        .place_at
        .get(&inner_start)
        .is_some_and(|ends| ends.contains(&inner_end));
    if is_place || matches!(inner, "集团" | "控股" | "股份") {
        Some(open)
    } else {
        None
    }
}

/// Leading places, known names and administrative words of `range`: (end of them, any found).
fn leading_places(text: &str, range: &Range<usize>, m: &Marks) -> (usize, bool) {
    let mut lead_end = range.start;
    let mut found = false;
    loop {
        let next = [m.place_at.get(&lead_end), m.admin_at.get(&lead_end)]
            .into_iter()
            .flatten()
            .flatten()
            .copied()
            .filter(|e| *e <= range.end)
            .max();
        // `西安市高新区`: a bare zone word right after a place is the zone of that place.
        let bare_zone = || {
            found
                .then(|| {
                    ZONE_WORDS
                        .iter()
                        .find(|z| text[lead_end..range.end].starts_with(**z))
                        .map(|z| lead_end + z.len())
                })
                .flatten()
        };
        let next = next
            .or_else(|| place_shape(text, lead_end, range.end))
            .or_else(|| zone_shape(text, lead_end, range.end))
            .or_else(|| autonomy_shape(text, lead_end, range.end))
            .or_else(bare_zone);
        match next {
            Some(e) if e > lead_end => {
                lead_end = e;
                found = true;
            }
            _ => return (lead_end, found),
        }
    }
}

/// A county-level place not in the lexicon, by its shape: 1–3 characters + 县/镇/乡/旗
/// (`戴窑镇`, `泗水县`), starting at `start` and ending by `limit`.
fn place_shape(text: &str, start: usize, limit: usize) -> Option<usize> {
    for (n, (i, c)) in text[start..limit].char_indices().enumerate() {
        if n >= 1 && matches!(c, '县' | '镇' | '乡' | '旗') {
            return Some(start + i + c.len_utf8());
        }
        if !is_han(c) || n == 3 {
            return None;
        }
    }
    None
}

/// An autonomous region, prefecture, county or banner not in the lexicon, by its shape: 2–6
/// Han characters + 自治区/自治州/自治县/自治旗 (`白岭瑶族自治区`), starting at `start` and
/// ending by `limit`. A bare level word (`自治区`) is no such place: it has no name before it.
fn autonomy_shape(text: &str, start: usize, limit: usize) -> Option<usize> {
    let rest = &text[start..limit];
    for (n, (i, c)) in rest.char_indices().enumerate() {
        if n >= 2
            && let Some(w) = ["自治区", "自治州", "自治县", "自治旗"]
                .iter()
                .find(|w| rest[i..].starts_with(**w))
        {
            return Some(start + i + w.len());
        }
        if !is_han(c) || n == 6 {
            return None;
        }
    }
    None
}

/// Zone words that end the name of a development zone (longest first).
const ZONE_WORDS: [&str; 10] = [
    "高新技术产业开发区",
    "经济技术开发区",
    "经济开发区",
    "工业园区",
    "综合保税区",
    "开发区",
    "合作区",
    "高新区",
    "保税区",
    "新区",
];

/// A development zone not in the lexicon, by its shape: 2–4 CJK characters + a zone word
/// (`滨江经济开发区`, `临港新区`), starting at `start` and ending by `limit`. The zone is the
/// place of a management committee named after it (`X经济开发区管理委员会`).
fn zone_shape(text: &str, start: usize, limit: usize) -> Option<usize> {
    let rest = &text[start..limit];
    for (n, (i, c)) in rest.char_indices().enumerate() {
        if n >= 2
            && let Some(z) = ZONE_WORDS.iter().find(|z| rest[i..].starts_with(**z))
        {
            return Some(start + i + z.len());
        }
        if !is_han(c) || n == 4 {
            return None;
        }
    }
    None
}

/// A city or district not in the lexicon, by its shape, when it is the whole name before a
/// suffix that demands a place (`南康区|人民政府`, `龙南市|人民政府`): 2–4 CJK characters +
/// 市/区. Only there: elsewhere `X市`/`X区` is too often a word (`超市`, `园区`).
/// Session 25 (entities): a province (2–3 characters + 省: `青川省|人民政府`), a county or an
/// autonomous prefecture (2–4 + 县/州: `青禾县|政府`, `恩川州|人民政府`) too, when no
/// character of the stem is a determiner, numeral or level word (`各省`, `全县`, `两州`) and
/// the stem ends in no word of that level (`节省`, `反省`, `神州`).
fn admin_shape(name: &str) -> bool {
    let chars: Vec<char> = name.chars().collect();
    let Some((last, before)) = chars.split_last() else {
        return false;
    };
    let plain_stem = || {
        before
            .iter()
            .all(|&c| is_han(c) && !ADMIN_STEM_STOPS.contains(c))
            && before.last().is_some_and(|c| !ADMIN_WORD_ENDS.contains(*c))
    };
    match last {
        // (`大城市政府`, `超市政府采购`: a word ending in 市 names no city)
        '市' | '区' => {
            (2..=4).contains(&before.len())
                && before.iter().all(|&c| is_han(c))
                && !ADMIN_SHAPE_NOT.iter().any(|w| name.ends_with(w))
                && (*last != '市'
                    || before
                        .last()
                        .is_some_and(|c| !crate::extract::location::SHI_WORD_ENDS.contains(*c)))
        }
        '省' => (2..=3).contains(&before.len()) && plain_stem(),
        '县' | '州' => (2..=4).contains(&before.len()) && plain_stem(),
        _ => false,
    }
}

/// Characters no stem of a province, county or prefecture read by shape holds: determiners,
/// numerals, level words (`各省`, `全县`, `两州`, `该县`).
const ADMIN_STEM_STOPS: &str = "全该本各每邻两一二三四五六七八九十几数某这那其此外县市省区州为";

/// Characters that end words in 省 or 州 (`节省`, `反省`, `神州`, `九州`): no stem ends in them.
const ADMIN_WORD_ENDS: &str = "节反自内分跨大强神欧亚美非澳";

/// Endings of `X市`/`X区` words that name no place (`工业园区`, `居民社区`, `风景区`,
/// `暨特区`: 特区 is a kind of region, what precedes it is no name).
const ADMIN_SHAPE_NOT: [&str; 7] = ["园区", "社区", "景区", "城区", "厂区", "校区", "特区"];

/// Characters of `[from, end)` left after dropping trailing generic words.
fn core_chars(text: &str, from: usize, end: usize, m: &Marks) -> usize {
    let mut end = end;
    while let Some(s) = m
        .generic_end
        .get(&end)
        .and_then(|starts| starts.iter().copied().filter(|s| *s >= from).min())
    {
        if s >= end {
            break;
        }
        end = s;
    }
    if end > from {
        text[from..end].chars().count()
    } else {
        0
    }
}

/// Where a parenthesized place (`（深圳）`, `（天津）融资担保`) inside `range` opens, if it has one.
fn paren_place(text: &str, range: &Range<usize>, m: &Marks) -> Option<usize> {
    let name = &text[range.clone()];
    let inner_end = range.start + name.rfind(['）', ')'])?;
    let open = text[range.start..inner_end].rfind(['（', '('])? + range.start;
    let inner_start = open + text[open..].chars().next()?.len_utf8();
    (open > range.start
        && m.place_at
            .get(&inner_start)
            .is_some_and(|ends| ends.contains(&inner_end)))
    .then_some(open)
}

/// The end of the last organization suffix inside `range` (the name before the suffix being
/// checked): a suffix of more than one character, no industry word, that needs no
/// organization before it.
fn inner_suffix_end(text: &str, range: &Range<usize>, r: &OrgRules) -> Option<usize> {
    r.suffixes
        .find_all(&text[range.clone()])
        .filter(|(_, e)| {
            e.attr("spec")
                .and_then(|i| i.parse::<usize>().ok())
                .and_then(|i| r.suffix_specs.get(i))
                .is_some_and(|s| !s.weak && s.needs != Needs::Org)
        })
        .filter(|(rg, _)| rg.end - rg.start > 3)
        .map(|(rg, _)| range.start + rg.end)
        .filter(|e| *e > range.start)
        .max()
}

/// `华海科技品牌部`, `X科技办公室`: a department after a company name (a company suffix
/// inside the name, an industry-word suffix such as `科技` only after two core characters of
/// its own) is a unit of that company — an enterprise, not a government organ.
fn company_inside(text: &str, range: &Range<usize>, m: &Marks, r: &OrgRules) -> bool {
    r.suffixes.find_all(&text[range.clone()]).any(|(rg, e)| {
        let end = range.start + rg.end;
        let start = range.start + rg.start;
        end < range.end
            && e.attr("spec")
                .and_then(|i| i.parse::<usize>().ok())
                .and_then(|i| r.suffix_specs.get(i))
                .is_some_and(|s| {
                    s.kind == OrgKind::Enterprise
                        && (!s.weak || {
                            let lead = leading_places(text, &(range.start..start), m).0;
                            core_chars(text, lead, start, m) >= 2
                        })
                })
    })
}

/// Does a company suffix (kind enterprise, not an industry word: `有限公司`, `集团`) end at
/// byte `pos`?
fn company_ends_at(text: &str, pos: usize, r: &OrgRules) -> bool {
    let mut from = pos.saturating_sub(18);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    r.suffixes.find_all(&text[from..pos]).any(|(rg, e)| {
        from + rg.end == pos
            && e.attr("spec")
                .and_then(|i| i.parse::<usize>().ok())
                .and_then(|i| r.suffix_specs.get(i))
                .is_some_and(|s| s.kind == OrgKind::Enterprise && !s.weak)
    })
}

/// `org.suffix` (session 15, names): a common noun of industry words and a suffix
/// (`产业联盟`) with a descriptive body before it and no place (`滨海智能装备产业联盟`,
/// `青禾数字产业联盟`) is a name when the body opens a clause — punctuation, `、` or the
/// start of the text before it — and what follows is said only of one body: a title mention
/// (`…联盟秘书长`) or an organizer's verb (`…联盟承办`, words_org.txt list=body_act).
/// `组建产业联盟` has no body (the verb ends the scan); `推动智能制造产业联盟发展` has no
/// title or organizer's verb after it.
///
/// Session 24 (entities): list layouts too. A column gap before the body (normalization
/// removed it: `2. 方某　云汀新材料产业联盟　秘书长`) opens it like punctuation, and a body that
/// is a whole item of a list of names — `：` or `、` before it and the end of its line after
/// it (`主办单位：X市工业和信息化局、云汀新材料产业联盟`) — is one of those names.
fn described_body(doc: &AnnotatedDoc, start: usize, ns: usize, end: usize, r: &OrgRules) -> bool {
    let text = doc.text();
    let before = text[..start].chars().next_back();
    let opens = before.is_none_or(|c| !is_han(c) && !c.is_ascii_alphanumeric())
        || (start > 0 && column_gap(doc, start));
    let list_item = before.is_some_and(|c| matches!(c, '、' | '：' | ':'))
        && text[end..]
            .chars()
            .next()
            .is_none_or(|c| matches!(c, '\n' | '\r'));
    text[start..ns].chars().filter(|&c| is_han(c)).count() >= 2
        && opens
        && (list_item
            || title_starts(text, end, r)
            || BODY_ACTS.iter().any(|w| text[end..].starts_with(w)))
}

/// Status words that mark a post as former when they open an organization's name before a
/// title (`前X公司副总经理`, `原X集团总经理`).
const FORMER_MARKS: [&str; 2] = ["前", "原"];

/// Appointing verbs whose object is a person (`聘任X为…`): words_person.txt, as for
/// `person.appoint_frame`.
static APPOINT_OPENERS: crate::rules::WordList =
    crate::rules::WordList::new("words_person", "appoint_frame_opener");

/// Verbs said of an organizing body right after its name (`承办`, `主办`, `发起`).
static BODY_ACTS: crate::rules::WordList = crate::rules::WordList::new("words_org", "body_act");

/// Does an association suffix (`商会`, `协会`, `联合会`) end inside `range`, with something of
/// its own before it?
fn association_inside(text: &str, range: &Range<usize>, r: &OrgRules) -> bool {
    r.suffixes.find_all(&text[range.clone()]).any(|(rg, e)| {
        rg.start > 0
            && e.attr("spec")
                .and_then(|i| i.parse::<usize>().ok())
                .and_then(|i| r.suffix_specs.get(i))
                .is_some_and(|s| s.kind == OrgKind::Association)
    })
}

/// Is the inner organization ending at `inner_end` (found by its suffix) nameless: a single
/// character and no place before its suffix?
fn inner_name_too_short(
    text: &str,
    range: &Range<usize>,
    inner_end: usize,
    m: &Marks,
    r: &OrgRules,
) -> bool {
    let Some(suffix_start) = r
        .suffixes
        .find_all(&text[range.start..inner_end])
        .filter(|(rg, _)| range.start + rg.end == inner_end)
        .map(|(rg, _)| range.start + rg.start)
        .min()
    else {
        return false;
    };
    let before = range.start..suffix_start;
    // No characters at all: the inner suffix is the whole word (`市委|常委会`, `海军|航空兵部队`).
    text[before.clone()].chars().count() == 1 && !leading_places(text, &before, m).1
}

/// The longest core a name without a place may have: longer runs are phrases, not names.
const MAX_CORE_WITHOUT_PLACE: usize = 6;
/// The longest core of a research body without a place that opens its clause
/// (`高端装备感知与智能控制研究院`): institutes are named by their fields, which run longer.
const MAX_CORE_INSTITUTE: usize = 10;

/// Does a clause open at `pos`: the sentence start, or a character that is no Han character
/// (punctuation, a table cell border, a space) right before it?
fn clause_opens(text: &str, pos: usize, lim: usize) -> bool {
    // (not `、`: a list member is one of several things, `学校和研究所`)
    pos <= lim
        || text[..pos]
            .chars()
            .next_back()
            .is_none_or(|c| !is_han(c) && c != '、')
}

/// `创新科技署署长`, `规划厅厅长`, `统计署副署长`, `扶贫办主任`: a one-character government
/// suffix followed by its own head's title (an office's or commission's: 主任) (the suffix + 长, or 副 + the suffix + 长) names a body although no
/// place starts it (Hong Kong departments: 创新科技署). The name must still have a core of
/// two characters or more (`总署署长` alone is no name).
fn headed_by_own_title(text: &str, stem: &Range<usize>) -> bool {
    let after = &text[stem.end..];
    let Some(c) = after.chars().next() else {
        return false;
    };
    let rest = &after[c.len_utf8()..];
    let mut head = String::with_capacity(8);
    head.push(c);
    head.push('长');
    // (session 25: an office or commission is headed by a 主任: `扶贫办主任`, `住建委副主任`)
    let director =
        matches!(c, '办' | '委') && (rest.starts_with("主任") || rest.starts_with("副主任"));
    text[stem.clone()].chars().count() >= 2
        && (rest.starts_with(head.as_str())
            || director
            || rest
                .strip_prefix('副')
                .is_some_and(|r| r.starts_with(head.as_str())))
}

/// Party committees a county, city or district stem names (`青禾县委`, `青禾市委`).
const COMMITTEES: [&str; 3] = ["县委", "市委", "区委"];

/// What follows a committee whose place is named by shape only: its own title or a list of
/// the place's other bodies (`青禾县委书记`, `青禾县委、县政府`).
const AFTER_COMMITTEE: [&str; 7] = ["书记", "副书记", "常委", "、", "和", "与", "及"];

/// `青禾县委书记X`, `青禾市委、市政府`: a county, city or district missing from the lexicon
/// names its party committee when its stem — two Han characters, no determiner, level word
/// or kind of county (`全县委`, `贫困县委`) — opens the clause and the committee is followed
/// by its own title (书记, 副书记, 常委) or by a list joint (the place's other bodies): the
/// title or the list says the stem is a place. A list of such committees (`甲县委书记X、乙县委
/// 书记Y`) reads each. Running text before the stem (`大都市委托`)
/// or any other word after the committee (`青禾县委托`) leaves the stem unread.
fn county_stem_before_committee(text: &str, stem: &Range<usize>) -> bool {
    let name = &text[stem.clone()];
    let after = &text[stem.end..];
    let Some(rest) = COMMITTEES.iter().find_map(|c| after.strip_prefix(c)) else {
        return false;
    };
    name.chars().count() == 2
        && name
            .chars()
            .all(|c| is_han(c) && !NOT_COUNTY_STEM.contains(c))
        && !crate::extract::location::COUNTY_KIND_STEMS.contains(&name)
        && (clause_opens(text, stem.start, 0) || text[..stem.start].ends_with('、'))
        && AFTER_COMMITTEE.iter().any(|w| rest.starts_with(w))
}

/// Does the name `range` (the part before the suffix) say which organization it is?
fn acceptable(
    text: &str,
    range: Range<usize>,
    spec: &super::SuffixSpec,
    m: &Marks,
    r: &OrgRules,
) -> bool {
    let total = text[range.clone()].chars().count();
    if total < spec.min_chars {
        return false;
    }
    // A name inside the name (`交通银行深圳分行`, `北京国华置业有限公司公关部`): what follows the
    // inner organization must name a unit of it, not just a department word.
    let suffix_inner = inner_suffix_end(text, &range, r);
    let inner = [
        {
            // Known names inside the name (`m.known` is in text order).
            let from = m.known.partition_point(|k| k.start < range.start);
            m.known[from..]
                .iter()
                .take_while(|k| k.start < range.end)
                .filter(|k| k.end <= range.end)
                .map(|k| k.end)
                .max()
        },
        suffix_inner,
    ]
    .into_iter()
    .flatten()
    .max();
    // `用大学机械学院`: an inner organization found by its suffix must have a name of its
    // own — a place or two characters before the suffix; a lone function character (用, 在)
    // before `大学` names no university, so the longer name is no name either.
    if let Some(e) = suffix_inner
        && inner == Some(e)
        && inner_name_too_short(text, &range, e, m, r)
    {
        return false;
    }
    // `X公司党委`: the unit of a named organization is that organization.
    if spec.unit && inner == Some(range.end) {
        return false;
    }
    // `X集团办公室`, `X有限公司财务部`: a department right after its company's suffix is a unit
    // of that company and no organization of its own (as `X公司公关部`): the company is named.
    if spec.dept && inner == Some(range.end) && company_ends_at(text, range.end, r) {
        return false;
    }
    if let Some(inner_end) = inner
        && inner_end < range.end
        && spec.needs != Needs::Any
    {
        let rest = inner_end..range.end;
        let (lead_end, has_place) = leading_places(text, &rest, m);
        let core = core_chars(text, lead_end, rest.end, m);
        // Departments named by a function only (`公关部`, `信用卡部`) are not organizations
        // of their own; institutes, bureaus and units are (`金融研究所`, `金融司`).
        return core >= 1 || (has_place && spec.branch) || !spec.dept;
    }
    if spec.needs == Needs::Org {
        return false;
    }
    // `青禾科技（深圳）有限公司`: the seat in parentheses places the name; the core is before it
    // (what follows the seat is the line of business: `（天津）融资担保`).
    let (range, seat) = match paren_place(text, &range, m) {
        Some(open) => (range.start..open, true),
        None => (range, false),
    };
    let (lead_end, has_place) = leading_places(text, &range, m);
    // `南山区委`: the place (`南山区`) lends its last character to the suffix (`区委`).
    let place_into_suffix = m.place_at.get(&lead_end).is_some_and(|ends| {
        ends.iter().any(|&e| {
            e > range.end && text[range.end..e].chars().count() == 1 && text[e..].starts_with('委')
        })
    });
    let has_place = has_place || seat || place_into_suffix;
    // `农村商业银行股份有限公司`: a name ending in another suffix says which organization it is
    // only if what precedes that suffix does.
    let core_end = r
        .suffixes
        .find_all(&text[range.clone()])
        .filter(|(rg, _)| range.start + rg.end == range.end && rg.end - rg.start > 3)
        .map(|(rg, _)| range.start + rg.start)
        .min()
        .unwrap_or(range.end);
    let core = core_chars(text, lead_end, core_end, m);
    // `陕西省西安市高新区公司会议室`: places alone before a bare `公司` say where a company
    // sits, not which company it is.
    if lead_end == range.end
        && !seat
        && text[range.end..].starts_with("公司")
        && !m.known.iter().any(|k| range.contains(&k.start))
    {
        return false;
    }
    match spec.needs {
        Needs::Any => true,
        Needs::Org => false,
        Needs::Place => {
            has_place
                || admin_shape(&text[range.clone()])
                // (`X集团有限公司党委办主任`: right after a company, an office is its unit)
                || (headed_by_own_title(text, &range) && !company_ends_at(text, range.start, r))
                || county_stem_before_committee(text, &range)
        }
        Needs::Core => {
            let max = if spec.kind == OrgKind::Academic
                && text[range.end..].starts_with("研究")
                && core_end == range.end
                && clause_opens(text, range.start, 0)
            {
                MAX_CORE_INSTITUTE
            } else {
                MAX_CORE_WITHOUT_PLACE
            };
            has_place
                || (2..=max).contains(&core)
                || two_char_trade_name(text, &range, core, spec)
                // `林业局局长`: a bureau named by its field alone (a generic word) is a body
                // when its own head's title follows (session 25)
                || (spec.kind == OrgKind::Government
                    && text[range.end..].starts_with('局')
                    && headed_by_own_title(text, &range))
        }
    }
}

/// `青大投顧表示`: a two-character trade name whose second character is a one-character
/// industry word (`大`) keeps it before a weak financial suffix (`投顾`, `证券`, `金控`) when the
/// name opens its clause — the sentence start or punctuation before it, so no adjective of a
/// longer phrase (`较大证券公司`, `各大证券`) is read as a name. Only a firm's suffix counts: a
/// fund's (`基金`) follows a theme word as often (`焕新基金`, a fund named by its theme).
fn two_char_trade_name(
    text: &str,
    range: &Range<usize>,
    core: usize,
    spec: &super::SuffixSpec,
) -> bool {
    let name = &text[range.clone()];
    spec.weak
        && spec.kind == OrgKind::Enterprise
        && core == 1
        && name.chars().count() == 2
        && name.chars().all(is_han)
        && !name.starts_with(DEGREE_WORDS)
        && clause_opens(text, range.start, 0)
}

/// Degree adverbs and determiners that make a one-character industry word after them an
/// adjective (`较大证券公司`, `各大证券`, `最大投顾`), never a trade name.
const DEGREE_WORDS: [char; 14] = [
    '较', '最', '更', '很', '太', '超', '各', '多', '几', '该', '本', '此', '某', '极',
];

/// Is the name at `start..end` the last item of a parallel slogan (`投早、投小、投硬科技`): at
/// least two items of two characters before it in a 、-list (the first one read from its
/// last two characters), each opening with the name's
/// first character and none the start of the name (`中信、中信证券` is a list of firms)?
fn parallel_slogan(text: &str, start: usize, end: usize) -> bool {
    let name = &text[start..end];
    let Some(first) = name.chars().next() else {
        return false;
    };
    if name.chars().count() > 4 {
        return false;
    }
    let mut items = 0;
    let mut pos = start;
    while let Some(before) = text[..pos].strip_suffix('、') {
        let item_start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !is_name_char(*c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let item = &before[item_start..];
        // The first item of the list is read from its last two characters (`坚持投早`).
        let leftmost = !before[..item_start].ends_with('、');
        let tail = match item.char_indices().rev().nth(1) {
            Some((i, _)) if leftmost => &item[i..],
            _ => item,
        };
        if tail.chars().count() != 2 || !tail.starts_with(first) || name.starts_with(tail) {
            return false;
        }
        items += 1;
        pos = item_start;
    }
    items >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfind_word_is_rfind() {
        for hay in [
            "",
            "公司",
            "公公司司",
            "子公司X公司集团",
            "司公",
            "公",
            "某某企业管理企业",
            "企企业业",
            "业企",
            "abc公司def",
        ] {
            assert_eq!(rfind_word(hay, '公', '司'), hay.rfind("公司"), "{hay}");
            assert_eq!(rfind_word(hay, '企', '业'), hay.rfind("企业"), "{hay}");
        }
    }

    /// A `ByByte` answers as the map of vectors it replaced: every key's values in the order
    /// added, and nothing for a key never added.
    #[test]
    fn by_byte_is_a_map_of_lists() {
        let pairs = [(9, 1), (3, 7), (9, 4), (0, 2), (3, 5), (9, 0), (12, 3)];
        let mut b = ByByte::default();
        let mut m: std::collections::HashMap<usize, Vec<usize>> = Default::default();
        for (k, v) in pairs {
            b.push(k, v);
            m.entry(k).or_default().push(v);
        }
        let b = b.done();
        for k in 0..15 {
            assert_eq!(b.get(&k), m.get(&k).map(|v| &v[..]), "{k}");
            assert_eq!(b.contains_key(&k), m.contains_key(&k), "{k}");
        }
        assert_eq!(b.get(&9), Some(&[1, 4, 0][..]));
        assert_eq!(b.get(&4), None);
        assert!(ByByte::default().done().get(&0).is_none());
    }
}
