//! `org.suffix` / `org.fund`: names that end in an organization suffix.
//!
//! The suffix (`有限公司`, `银行`, `人民政府`, `产业母基金` — `schema/lexicons/org_suffixes.txt`)
//! fixes the right end; the hard part is the left end. From the suffix we scan back over name
//! characters (CJK ideographs, ASCII letters and digits) and stop at
//! - punctuation and sentence starts,
//! - a stop word ending right there (`与`, `由`, `的`, `表示`, `多家`, `今年` — type `stop` in
//!   `org_stopwords.txt`) or a job title (`titles.txt`), unless that word lies inside a place
//!   or a known name (`和田`, `建设银行`),
//! - a date (`7月20日`),
//! - [`MAX_NAME_CHARS`] characters, which bounds the work per suffix (no quadratic scans).
//!
//! Then the name is checked and trimmed:
//! - Chinese names usually begin with their place (`北京中电博亚科技有限公司`): if a place (or a
//!   known name) occurs inside the scanned text but not at its start, the text before it is
//!   cut off (`记者走访北京银行` → `北京银行`), unless that text is itself an organization.
//! - `owner=split` suffixes (funds) drop a known organization that prefixes them.
//! - The name must say *which* organization: after removing a leading place/administrative
//!   word and trailing generic words (`科技`, `投资`, `产业`), something must remain (`needs=core`),
//!   or the suffix demands a place (`needs=place`: `洛阳市委`), or any name will do
//!   (`needs=any`: `网络安全产业基金`). So `科技有限公司`, `相关部门`, `各大银行` are not names.
//! - Words that merely end like a suffix (`布局`, `东部`, `主办`, type `notorg`) and suffixes
//!   followed by a continuation (`银行业`, `保险市场`, type `rightbad`) give no candidate.

use std::collections::HashMap;
use std::ops::Range;

use super::{FUND, Needs, OrgRules, PRIORITY, SUFFIX, WordType, right_bad};
use crate::extract::{AnnotatedDoc, Attrs, Candidate, Label, OrgKind};

/// The longest name (before its suffix) the left scan will consider, in characters.
pub const MAX_NAME_CHARS: usize = 16;

/// Per-document facts the scan needs, computed once per document.
struct Marks {
    /// `stop_end[b]`: a stop word or title ends at byte `b` (and is not inside a protected word).
    stop_end: Vec<bool>,
    /// Places and known names by start byte → longest end.
    place_at: HashMap<usize, usize>,
    /// Administrative words (`国家`, `省`, `中共`) by start byte → longest end.
    admin_at: HashMap<usize, usize>,
    /// Generic words by end byte → their start bytes.
    generic_end: HashMap<usize, Vec<usize>>,
    /// `notorg` words by end byte → their start bytes.
    notorg_end: HashMap<usize, Vec<usize>>,
    /// Known organization ranges, in text order.
    known: Vec<Range<usize>>,
}

impl Marks {
    fn new(text: &str, r: &OrgRules, known: &[Candidate]) -> Marks {
        let n = text.len();
        let mut protect = vec![false; n + 1];
        let mut place_at: HashMap<usize, usize> = HashMap::new();
        let mark = |rg: &Range<usize>, protect: &mut Vec<bool>| {
            for p in protect.iter_mut().take(rg.end).skip(rg.start) {
                *p = true;
            }
        };
        for (rg, _) in r.places.find_all(text) {
            mark(&rg, &mut protect);
            let e = place_at.entry(rg.start).or_insert(rg.end);
            *e = (*e).max(rg.end);
        }
        let known: Vec<Range<usize>> = known.iter().map(|c| c.range.clone()).collect();
        for rg in &known {
            mark(rg, &mut protect);
            let e = place_at.entry(rg.start).or_insert(rg.end);
            *e = (*e).max(rg.end);
        }
        let mut admin_at: HashMap<usize, usize> = HashMap::new();
        let mut generic_end: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut notorg_end: HashMap<usize, Vec<usize>> = HashMap::new();
        for m in r.words(WordType::Admin) {
            for (rg, _) in m.find_all(text) {
                mark(&rg, &mut protect);
                let e = admin_at.entry(rg.start).or_insert(rg.end);
                *e = (*e).max(rg.end);
            }
        }
        for m in r.words(WordType::Generic) {
            for (rg, _) in m.find_all(text) {
                if rg.end - rg.start > 3 {
                    mark(&rg, &mut protect);
                }
                generic_end.entry(rg.end).or_default().push(rg.start);
            }
        }
        for m in r.words(WordType::NotOrg) {
            for (rg, _) in m.find_all(text) {
                notorg_end.entry(rg.end).or_default().push(rg.start);
            }
        }
        let mut stop_end = vec![false; n + 1];
        let stops = r.words(WordType::Stop).chain(std::iter::once(&r.titles));
        for m in stops {
            for (rg, _) in m.find_all(text) {
                if !protect[rg.start..rg.end].iter().all(|p| *p) {
                    stop_end[rg.end] = true;
                }
            }
        }
        Marks {
            stop_end,
            place_at,
            admin_at,
            generic_end,
            notorg_end,
            known,
        }
    }
}

/// Push a candidate for every acceptable suffix name in the document.
pub(super) fn find(doc: &AnnotatedDoc, r: &OrgRules, known: &[Candidate], out: &mut Vec<Candidate>) {
    let text = doc.text();
    if text.is_empty() {
        return;
    }
    let marks = Marks::new(text, r, known);
    let mut seen = std::collections::HashSet::new();
    // Only the longest suffix ending at a place counts: `X产业母基金` is a fund by
    // `产业母基金`, never by `基金` (which would not split off an owner).
    let mut longest: HashMap<usize, (usize, &crate::rules::Entry)> = HashMap::new();
    for (sr, e) in r.suffixes.find_all(text) {
        let slot = longest.entry(sr.end).or_insert((sr.start, e));
        if sr.start < slot.0 {
            *slot = (sr.start, e);
        }
    }
    let mut by_end: Vec<(Range<usize>, &crate::rules::Entry)> = longest
        .into_iter()
        .map(|(end, (start, e))| (start..end, e))
        .collect();
    by_end.sort_by_key(|(r, _)| r.end);
    for (sr, e) in by_end {
        let Some(spec) = e
            .attr("spec")
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| r.suffix_specs.get(i))
        else {
            continue;
        };
        if right_bad(text, sr.end, r) {
            continue;
        }
        if marks
            .notorg_end
            .get(&sr.end)
            .is_some_and(|starts| starts.iter().any(|s| *s < sr.start))
        {
            continue;
        }
        let lim = sentence_start(doc, sr.start);
        let Some(start) = left_boundary(text, sr.start, lim, &marks, r, spec.owner_split) else {
            continue;
        };
        if !acceptable(text, start..sr.start, spec, &marks) {
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
        out.push(
            Candidate::new(Label::Organization, start..sr.end, rule, PRIORITY)
                .with_attrs(Attrs::Org { kind: spec.kind }),
        );
    }
}

fn sentence_start(doc: &AnnotatedDoc, pos: usize) -> usize {
    if doc.sentences.is_empty() {
        return 0;
    }
    let s = &doc.sentences[doc.sentence_of(pos)];
    if s.range.start <= pos { s.range.start } else { 0 }
}

/// A character that may be part of an organization name.
fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || ('\u{4e00}'..='\u{9fff}').contains(&c)
        || ('\u{3400}'..='\u{4dbf}').contains(&c)
        || c == '·'
        || c == '&'
}

fn is_digit_like(c: char) -> bool {
    c.is_ascii_digit() || "〇零一二三四五六七八九十".contains(c)
}

/// Scan back from `suffix_start` and return where the name starts, or `None` when there is
/// no usable name.
fn left_boundary(
    text: &str,
    suffix_start: usize,
    lim: usize,
    m: &Marks,
    r: &OrgRules,
    owner_split: bool,
) -> Option<usize> {
    let mut pos = suffix_start;
    let mut chars = 0;
    let mut bounded = false;
    while pos > lim {
        if m.stop_end[pos] {
            bounded = true;
            break;
        }
        let Some(c) = text[..pos].chars().next_back() else {
            break;
        };
        let ok = is_name_char(c)
            || (c == ' '
                && (text[pos..].starts_with(|n: char| n.is_ascii_alphanumeric())
                    || text[..pos - 1]
                        .chars()
                        .next_back()
                        .is_some_and(|p| p.is_ascii_alphanumeric())));
        if !ok {
            bounded = true;
            break;
        }
        if "年月日号".contains(c)
            && text[..pos - c.len_utf8()]
                .chars()
                .next_back()
                .is_some_and(is_digit_like)
        {
            bounded = true;
            break;
        }
        if chars == MAX_NAME_CHARS {
            break;
        }
        pos -= c.len_utf8();
        chars += 1;
    }
    if pos <= lim {
        bounded = true;
    }
    // Leading spaces are not part of a name.
    while text[pos..suffix_start].starts_with(' ') {
        pos += 1;
    }
    let mut start = pos;
    // A fund prefixed by its owner: the name starts after the last known organization.
    if owner_split {
        if let Some(k) = m
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
    }
    // Names begin with their place: cut off what comes before the first place or known name.
    let first_lead = text[start..suffix_start]
        .char_indices()
        .map(|(i, _)| start + i)
        .find(|p| m.place_at.get(p).is_some_and(|e| *e <= suffix_start));
    match first_lead {
        Some(p) if p > start => {
            let before = &text[start..p];
            let nested = r
                .suffixes
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

/// Does the name `range` (the part before the suffix) say which organization it is?
fn acceptable(text: &str, range: Range<usize>, spec: &super::SuffixSpec, m: &Marks) -> bool {
    let total = text[range.clone()].chars().count();
    if total < spec.min_chars {
        return false;
    }
    // Leading places / known names / administrative words.
    let mut lead_end = range.start;
    let mut has_place = false;
    loop {
        let next = [m.place_at.get(&lead_end), m.admin_at.get(&lead_end)]
            .into_iter()
            .flatten()
            .copied()
            .filter(|e| *e <= range.end)
            .max();
        match next {
            Some(e) if e > lead_end => {
                lead_end = e;
                has_place = true;
            }
            _ => break,
        }
    }
    // Trailing generic words.
    let mut end = range.end;
    while let Some(s) = m
        .generic_end
        .get(&end)
        .and_then(|starts| starts.iter().copied().filter(|s| *s >= lead_end).min())
    {
        if s >= end {
            break;
        }
        end = s;
    }
    let core = if end > lead_end {
        text[lead_end..end].chars().count()
    } else {
        0
    };
    match spec.needs {
        Needs::Any => true,
        Needs::Place => has_place,
        Needs::Core => core >= 2 || has_place,
    }
}
