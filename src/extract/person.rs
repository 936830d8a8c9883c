//! People: Chinese names confirmed by context (titles, verbs, enumerations), never by a list of
//! the people of one article; transliterated foreign names.
//!
//! Rule ids (documented in `schema/rules/person.toml`):
//! - `person.title_before` / `person.title_after` — a title mention right before / after the
//!   name (`董事长陈某某`, `陈某某董事长`, `腾讯公司副总裁何某某`).
//! - `person.context` — a speech/action verb or honorific after the name, or a kinship/naming
//!   word before it (`张伟表示`, `李娜女士`, `妻子王芳`), from `person_context.txt`.
//! - `person.enumeration` — a member of a `、`/`和` list next to a confirmed name, or of a list
//!   closed by `等` (`张伟、李娜等`).
//! - `person.repeat` — a later mention of a name confirmed elsewhere in the document.
//! - `person.alias` — surname + title or `总` (`王董事长`, `陈总`) standing for a confirmed name
//!   with that surname (the mention's canonical name is the full name).
//! - `person.transliterated` — a foreign name written with `·` (`约翰·史密斯`).
//! - `person.foreign` — a run of transliteration characters next to a title or verb
//!   (`总统克林顿`).
//!
//! How a Chinese name is decided. Every surname occurrence (`surnames.txt`, compound ones
//! included) with a one- or two-character given name is an *option*. Each option gets a left
//! score (title 4, context word 1–4, plain boundary 1) and a right score (title 4, honorific 4,
//! verb 2–3, boundary 1, running text −1), plus one point per given-name character from
//! `given_name_chars.txt`. An option is accepted when it has a real signal (a title or a
//! context word; a plain boundary is not enough) and enough score; a name with no title next
//! to it must also have a plausible given name. Options overlap (`王强` / `王强表` in
//! `王强表示`); the score is the candidate priority, so [`crate::extract::commit`] keeps the
//! best reading — here `王强`, whose right neighbour is the verb `表示`. Characters that
//! never end a name (`在`, `的`, `说`: `given_name_bad_chars.txt`) are excluded outright,
//! which is why `曹某某在` ends before `在`.
//!
//! What guards against common words: the not-a-person list (`高明`, `马上`, `周年`), weak
//! surnames (`高`, `文`, `安`, `和`: only next to a title), and the rule that a name without a
//! title needs every given-name character to be a plausible one.
//!
//! Doubt: the left boundary of a name with only a verb after it is uncertain in running text
//! (`今天王强表示`); we take the surname position and accept that a surname character ending
//! the previous word (`会上`) may occasionally start a wrong name.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use regex::Regex;

use crate::extract::{AnnotatedDoc, Attrs, Candidate, Extractor, Label};
use crate::rules::{LexiconSet, RuleId, Rules, TermMatcher};

pub const TITLE_BEFORE: RuleId = RuleId("person.title_before");
pub const TITLE_AFTER: RuleId = RuleId("person.title_after");
pub const CONTEXT: RuleId = RuleId("person.context");
pub const ENUMERATION: RuleId = RuleId("person.enumeration");
pub const REPEAT: RuleId = RuleId("person.repeat");
pub const ALIAS: RuleId = RuleId("person.alias");
pub const TRANSLITERATED: RuleId = RuleId("person.transliterated");
pub const FOREIGN: RuleId = RuleId("person.foreign");

/// Score of a title mention or honorific next to the name.
const TITLE: i32 = 4;
/// Base priority of person candidates (the option score is added).
const BASE: i32 = 10;
/// Characters that may stand right before a name without being part of it.
const LEFT_BOUNDARY: &str = "在由据向对和与及同跟让请把被给是为称说的将等、还也从经和令派叫";
/// Characters that may stand right after a name without being part of it.
const RIGHT_BOUNDARY: &str =
    "在的和与及等也都是就还又则曾将已被把对向从为于、今昨前近日均亦即便却再更所会能首随当此";
/// Separators of a list of names.
const LIST_SEPS: [&str; 5] = ["、", "和", "与", "及", "同"];
/// Middle dots used in transliterated names.
const DOTS: &str = "·•・‧∙";

/// Compiled person rules, built once.
pub struct PersonRules {
    surnames: TermMatcher,
    not_person: TermMatcher,
    context: TermMatcher,
    given_ok: HashSet<char>,
    given_bad: HashSet<char>,
    translit: HashSet<char>,
    /// `X·Y` runs (the ends are trimmed to transliteration characters afterwards).
    dotted: Option<Regex>,
}

fn char_set(lex: &LexiconSet, name: &str) -> HashSet<char> {
    lex.get(name).terms().flat_map(|t| t.chars()).collect()
}

impl PersonRules {
    pub fn build(lex: &LexiconSet) -> PersonRules {
        PersonRules {
            surnames: TermMatcher::new(lex.get("surnames").entries.iter()),
            not_person: TermMatcher::new(lex.get("not_person").entries.iter()),
            context: TermMatcher::new(lex.get("person_context").entries.iter()),
            given_ok: char_set(lex, "given_name_chars"),
            given_bad: char_set(lex, "given_name_bad_chars"),
            translit: char_set(lex, "transliteration_chars"),
            dotted: crate::extract::role::rule_pattern("rules/person.toml", TRANSLITERATED),
        }
    }

    /// Can `c` be part of a Chinese given name at all?
    fn given_possible(&self, c: char) -> bool {
        is_han(c) && !self.given_bad.contains(&c)
    }
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// One possible reading of a Chinese name.
#[derive(Clone, Debug)]
struct Opt {
    range: Range<usize>,
    /// End of the surname part.
    sur_end: usize,
    left: i32,
    right: i32,
    /// Points for plausible given-name characters.
    shape: i32,
    /// Every given-name character is a plausible one.
    plausible: bool,
    /// Number of given-name characters (1 or 2).
    given_len: usize,
    weak: bool,
    /// A not-a-person word starts at the name and lies inside it.
    common_prefix: bool,
    /// The name is exactly a not-a-person word.
    common_exact: bool,
}

impl Opt {
    fn signal(&self) -> i32 {
        self.left.max(self.right)
    }
    fn score(&self) -> i32 {
        self.left + self.right + self.shape
    }
    /// Accepted on its own evidence (no list, no repeat)?
    fn accepted(&self) -> bool {
        let titled = self.signal() >= TITLE;
        if self.common_exact && !(self.left >= TITLE && self.right >= 1) {
            return false;
        }
        if self.common_prefix && !titled {
            return false;
        }
        // Weak surnames (高, 文, 江, 安): at least one plausible given-name character, no running
        // text after, and a title or a two-character given name between a boundary and a verb
        // (`江某民说`).
        if self.weak
            && !(self.shape >= 1
                && self.right >= 0
                && (titled || (self.given_len == 2 && self.left >= 1 && self.right >= 3)))
        {
            return false;
        }
        // Without a title, a name needs a known given-name character.
        if !titled && self.shape == 0 {
            return false;
        }
        // Starting in the middle of running text (`俄罗斯总统`, `出任永隆行长`): only a
        // plausible given name after a strong surname.
        if self.left <= 0 && (!self.plausible || self.weak) {
            return false;
        }
        self.signal() >= 2 && self.score() >= 4
    }

    fn rule(&self) -> RuleId {
        if self.left >= TITLE && self.left >= self.right {
            TITLE_BEFORE
        } else if self.right >= TITLE {
            TITLE_AFTER
        } else {
            CONTEXT
        }
    }
}

/// Read-only views of the document shared by the passes.
struct Ctx<'a> {
    text: &'a str,
    /// Committed entity mentions (org, location, role), sorted.
    taken: Vec<Range<usize>>,
    /// Role mentions by start: whether the title confirms a name before it (offices do).
    role_start: HashMap<usize, bool>,
    role_end: HashSet<usize>,
    /// Context words: weight of an `after` word starting at a byte, of a `before` word ending.
    after: HashMap<usize, i32>,
    before: HashMap<usize, i32>,
    /// not_person words by start: their ends.
    common: HashMap<usize, Vec<usize>>,
}

impl<'a> Ctx<'a> {
    fn new(doc: &'a AnnotatedDoc, rules: &Rules) -> Ctx<'a> {
        let pr = &rules.person;
        let text = doc.text();
        let mut taken = Vec::new();
        let (mut role_start, mut role_end) = (HashMap::new(), HashSet::new());
        for m in &doc.mentions {
            if m.label.layer() != Label::Person.layer() {
                continue;
            }
            taken.push(m.range.clone());
            if m.label == Label::Role {
                let strong = match &m.attrs {
                    Attrs::Role { title } => rules.role.confirms_name_after(title),
                    _ => false,
                };
                role_start.insert(m.range.start, strong);
                role_end.insert(m.range.end);
            }
        }
        taken.sort_by_key(|r| (r.start, r.end));
        let (mut after, mut before) = (HashMap::new(), HashMap::new());
        for (r, e) in pr.context.find_all(text) {
            let w: i32 = e.attr("weight").and_then(|w| w.parse().ok()).unwrap_or(3);
            if e.attr("side") == Some("before") {
                let v = before.entry(r.end).or_insert(w);
                *v = (*v).max(w);
            } else {
                let v = after.entry(r.start).or_insert(w);
                *v = (*v).max(w);
            }
        }
        let mut common: HashMap<usize, Vec<usize>> = HashMap::new();
        for (r, _) in pr.not_person.find_all(text) {
            common.entry(r.start).or_default().push(r.end);
        }
        Ctx {
            text,
            taken,
            role_start,
            role_end,
            after,
            before,
            common,
        }
    }

    /// Does `r` overlap a committed entity mention?
    fn overlaps(&self, r: &Range<usize>) -> bool {
        let i = self.taken.partition_point(|t| t.end <= r.start);
        self.taken.get(i).is_some_and(|t| t.start < r.end)
    }

    /// Does a committed entity mention end exactly at `pos`?
    fn mention_ends_at(&self, pos: usize) -> bool {
        let i = self.taken.partition_point(|t| t.end < pos);
        self.taken.get(i).is_some_and(|t| t.end == pos)
    }

    fn prev_char(&self, pos: usize) -> Option<char> {
        self.text[..pos].chars().next_back()
    }

    fn next_char(&self, pos: usize) -> Option<char> {
        self.text[pos..].chars().next()
    }

    fn left_score(&self, s: usize) -> i32 {
        if self.role_end.contains(&s) {
            return TITLE;
        }
        if let Some(w) = self.before.get(&s) {
            return *w;
        }
        match self.prev_char(s) {
            None => 1,
            Some(c) if !is_han(c) || LEFT_BOUNDARY.contains(c) => 1,
            _ if self.mention_ends_at(s) => 1,
            _ => 0,
        }
    }

    fn right_score(&self, e: usize) -> i32 {
        if let Some(&strong) = self.role_start.get(&e) {
            return if strong { TITLE } else { 2 };
        }
        if let Some(w) = self.after.get(&e) {
            return *w;
        }
        match self.next_char(e) {
            None => 1,
            Some(c) if !is_han(c) || RIGHT_BOUNDARY.contains(c) => 1,
            _ => -1,
        }
    }
}

pub struct PersonExtractor;

impl Extractor for PersonExtractor {
    fn family(&self) -> &'static str {
        "person"
    }

    fn find(&self, doc: &AnnotatedDoc, rules: &Rules, out: &mut Vec<Candidate>) {
        let pr = &rules.person;
        let cx = Ctx::new(doc, rules);
        let opts = chinese_options(pr, &cx);
        let mut cands: Vec<Candidate> = Vec::new();
        let mut accepted = vec![false; opts.len()];
        for (i, o) in opts.iter().enumerate() {
            if o.accepted() {
                accepted[i] = true;
                cands.push(Candidate::new(
                    Label::Person,
                    o.range.clone(),
                    o.rule(),
                    BASE + o.score(),
                ));
            }
        }
        enumerations(&cx, &opts, &mut accepted, &mut cands);
        foreign_names(pr, &cx, &mut cands);
        // Later mentions and aliases need the names that will actually win.
        let winners = resolve(&cands);
        repeats(&cx, &winners, &mut cands);
        aliases(pr, &cx, &opts, &winners, &mut cands);
        out.extend(cands);
    }
}

/// Every surname + 1–2 given-name characters reading, scored.
fn chinese_options(pr: &PersonRules, cx: &Ctx) -> Vec<Opt> {
    let text = cx.text;
    let mut opts = Vec::new();
    for (sr, entry) in pr.surnames.find_all(text) {
        if cx.overlaps(&sr) {
            continue;
        }
        let weak = entry.attr("weak").is_some();
        let left = cx.left_score(sr.start);
        let mut end = sr.end;
        let mut shape = 0;
        let mut plausible = true;
        for c in text[sr.end..].chars().take(2) {
            if !pr.given_possible(c) {
                break;
            }
            end += c.len_utf8();
            if pr.given_ok.contains(&c) {
                shape += 1;
            } else {
                plausible = false;
            }
            let range = sr.start..end;
            if cx.overlaps(&range) {
                break;
            }
            let mut right = cx.right_score(end);
            // `姓名：` opening a line or text is an interview speaker.
            if right == 1
                && cx.text[end..].starts_with(['：', ':'])
                && cx
                    .prev_char(sr.start)
                    .is_none_or(|c| "\n\r。！？」”".contains(c))
            {
                right = 3;
            }
            let ends = cx.common.get(&sr.start);
            let common_exact = ends.is_some_and(|v| v.contains(&end));
            let common_prefix = ends.is_some_and(|v| v.iter().any(|&x| x != end));
            opts.push(Opt {
                sur_end: sr.end,
                left,
                right,
                shape,
                plausible,
                given_len: if end - sr.end > 3 { 2 } else { 1 },
                weak,
                common_prefix,
                common_exact,
                range,
            });
        }
    }
    opts
}

/// Names in lists: `、`/`和` next to a confirmed name, or a `、` list closed by `等`.
fn enumerations(cx: &Ctx, opts: &[Opt], accepted: &mut [bool], out: &mut Vec<Candidate>) {
    let text = cx.text;
    let mut by_start: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut by_end: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, o) in opts.iter().enumerate() {
        by_start.entry(o.range.start).or_default().push(i);
        by_end.entry(o.range.end).or_default().push(i);
    }
    let eligible = |o: &Opt| {
        (o.plausible || o.signal() >= TITLE) && !o.weak && !o.common_exact && !o.common_prefix
    };
    let sep_after = |e: usize| LIST_SEPS.iter().find(|s| text[e..].starts_with(**s));
    let sep_before = |s: usize| LIST_SEPS.iter().find(|p| text[..s].ends_with(**p));
    // A list closed by 等: the member before 等 and its `、` neighbour confirm each other.
    let mut closed = vec![false; opts.len()];
    for (i, o) in opts.iter().enumerate() {
        if eligible(o)
            && text[o.range.end..].starts_with('等')
            && sep_before(o.range.start).is_some()
        {
            closed[i] = true;
        }
    }
    // Propagate along the list: a few rounds cover lists of any practical length.
    for _ in 0..4 {
        let mut changed = false;
        for (i, o) in opts.iter().enumerate() {
            if accepted[i] || !eligible(o) {
                continue;
            }
            let mut hit = closed[i];
            if let Some(sep) = sep_after(o.range.end) {
                let next = o.range.end + sep.len();
                hit |= by_start
                    .get(&next)
                    .is_some_and(|v| v.iter().any(|&j| accepted[j] || closed[j]));
            }
            if let Some(sep) = sep_before(o.range.start) {
                let prev = o.range.start - sep.len();
                hit |= by_end
                    .get(&prev)
                    .is_some_and(|v| v.iter().any(|&j| accepted[j] || closed[j]));
            }
            // The list link only works when the name ends at the separator (or 等).
            let ends_ok = sep_after(o.range.end).is_some()
                || text[o.range.end..].starts_with('等')
                || o.right >= 1;
            if hit && ends_ok && o.left >= 1 {
                accepted[i] = true;
                changed = true;
                out.push(Candidate::new(
                    Label::Person,
                    o.range.clone(),
                    ENUMERATION,
                    BASE + o.score() + 2,
                ));
            }
        }
        if !changed {
            break;
        }
    }
}

/// Transliterated names: `X·Y` anywhere, and transliteration runs next to a title or verb.
fn foreign_names(pr: &PersonRules, cx: &Ctx, out: &mut Vec<Candidate>) {
    let text = cx.text;
    let tl = |c: char| pr.translit.contains(&c);
    if let Some(re) = &pr.dotted {
        for m in re.find_iter(text) {
            // Trim the first part to its transliteration suffix, the last to its prefix.
            let s = &text[m.range()];
            let first_dot = s.find(|c| DOTS.contains(c)).unwrap_or(0);
            let last_dot = s.rfind(|c| DOTS.contains(c)).unwrap_or(s.len());
            let head = &s[..first_dot];
            let keep: usize = head
                .chars()
                .rev()
                .take_while(|&c| tl(c))
                .map(char::len_utf8)
                .sum();
            let tail = &s[last_dot..];
            let dot_len = tail.chars().next().map_or(0, char::len_utf8);
            let tail_keep: usize = tail[dot_len..]
                .chars()
                .take_while(|&c| tl(c))
                .map(char::len_utf8)
                .sum();
            if keep == 0 || tail_keep == 0 {
                continue;
            }
            let r = m.start() + first_dot - keep..m.start() + last_dot + dot_len + tail_keep;
            if !cx.overlaps(&r) {
                out.push(Candidate::new(Label::Person, r, TRANSLITERATED, BASE + 8));
            }
        }
    }
    // Runs of ≥3 transliteration characters with a title before or a verb/title after.
    let mut run_start: Option<usize> = None;
    let mut n = 0;
    let flush = |s: usize, e: usize, n: usize, out: &mut Vec<Candidate>| {
        if n < 3 {
            return;
        }
        // Try every start inside the run that is right after a title, else the run start.
        let left = cx.left_score(s);
        let right = cx.right_score(e);
        if (left >= TITLE && right >= 1) || (right >= 3 && left >= 1) || right >= TITLE {
            let r = s..e;
            if !cx.overlaps(&r) && !cx.common.contains_key(&s) {
                out.push(Candidate::new(
                    Label::Person,
                    r,
                    FOREIGN,
                    BASE + left + right - 1,
                ));
            }
        }
    };
    for (i, c) in text.char_indices() {
        if tl(c) && !cx.role_start.contains_key(&i) {
            if cx.role_end.contains(&i) {
                // A title ends here: a new run starts (title + name).
                if let Some(s) = run_start.take() {
                    flush(s, i, n, out);
                }
                n = 0;
            }
            if run_start.is_none() {
                run_start = Some(i);
                n = 0;
            }
            n += 1;
        } else if let Some(s) = run_start.take() {
            flush(s, i, n, out);
            n = 0;
        }
    }
    if let Some(s) = run_start {
        flush(s, text.len(), n, out);
    }
}

/// The candidates that [`crate::extract::commit`] would keep (same order policy).
fn resolve(cands: &[Candidate]) -> Vec<Range<usize>> {
    let mut idx: Vec<usize> = (0..cands.len()).collect();
    idx.sort_by(|&a, &b| {
        let (a, b) = (&cands[a], &cands[b]);
        b.priority
            .cmp(&a.priority)
            .then((b.range.len()).cmp(&a.range.len()))
            .then(a.range.start.cmp(&b.range.start))
    });
    let mut won: Vec<Range<usize>> = Vec::new();
    for i in idx {
        let r = &cands[i].range;
        if !won.iter().any(|w| w.start < r.end && r.start < w.end) {
            won.push(r.clone());
        }
    }
    won.sort_by_key(|r| r.start);
    won
}

/// Later mentions of a confirmed name (two characters or more) in the same document.
fn repeats(cx: &Ctx, winners: &[Range<usize>], out: &mut Vec<Candidate>) {
    let text = cx.text;
    let names: HashSet<&str> = winners
        .iter()
        .map(|r| &text[r.clone()])
        .filter(|n| n.chars().count() >= 2)
        .collect();
    let mut names: Vec<&str> = names.into_iter().collect();
    names.sort();
    for name in names {
        for (pos, _) in text.match_indices(name) {
            let r = pos..pos + name.len();
            if winners.iter().any(|w| w.start < r.end && r.start < w.end) || cx.overlaps(&r) {
                continue;
            }
            let (l, rt) = (cx.left_score(r.start), cx.right_score(r.end));
            // Not inside a longer word on both sides.
            if l + rt >= 1 {
                out.push(Candidate::new(Label::Person, r, REPEAT, BASE + 2 + l + rt));
            }
        }
    }
}

/// `王董事长`, `陈总`: a surname before a title (or 总/董) standing for the one confirmed name
/// with that surname.
fn aliases(
    pr: &PersonRules,
    cx: &Ctx,
    opts: &[Opt],
    winners: &[Range<usize>],
    out: &mut Vec<Candidate>,
) {
    let text = cx.text;
    // surname → full names confirmed with it
    let mut by_surname: HashMap<&str, HashSet<&str>> = HashMap::new();
    for o in opts {
        if winners.contains(&o.range) {
            by_surname
                .entry(&text[o.range.start..o.sur_end])
                .or_default()
                .insert(&text[o.range.clone()]);
        }
    }
    if by_surname.is_empty() {
        return;
    }
    for (sr, _) in pr.surnames.find_all(text) {
        let Some(full) = by_surname.get(&text[sr.clone()]) else {
            continue;
        };
        let (1, Some(full)) = (full.len(), full.iter().next()) else {
            continue;
        };
        let rest = &text[sr.end..];
        // `陈总经理` is 陈 + the title 总经理: the role branch takes it.
        let end = if cx.role_start.contains_key(&sr.end) {
            sr.end
        } else if (rest.starts_with('总') || rest.starts_with('董'))
            && !rest[3..].starts_with(|c: char| "结体部额计量数共是之统的和会".contains(c))
        {
            sr.end + '总'.len_utf8()
        } else {
            continue;
        };
        let r = sr.start..end;
        if winners.iter().any(|w| w.start < r.end && r.start < w.end) || cx.overlaps(&r) {
            continue;
        }
        let mut c = Candidate::new(Label::Person, r, ALIAS, BASE + 3);
        c.canonical = Some(full.to_string());
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(text: &str) -> Vec<(String, &'static str)> {
        let doc = crate::read::from_bytes("t", "t", text.as_bytes()).expect("utf-8");
        let ex = crate::extract::process(&doc, Rules::builtin());
        ex.mentions
            .iter()
            .filter(|m| m.label == Label::Person)
            .map(|m| (m.name.clone(), m.rule.as_str()))
            .collect()
    }

    fn names(text: &str) -> Vec<String> {
        people(text).into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn title_before_and_after() {
        assert_eq!(
            people("公司董事长王建国表示"),
            vec![("王建国".to_string(), "person.title_before")]
        );
        assert_eq!(
            people("刘晓峰董事长在会上致辞。"),
            vec![("刘晓峰".to_string(), "person.title_after")]
        );
        assert_eq!(
            names("知名经济学家叶明、创投企业家孙立等出席"),
            vec!["叶明", "孙立"]
        );
    }

    #[test]
    fn name_length_follows_the_boundary() {
        assert_eq!(
            names("副总经理赵海信在题为《未来》的演讲中"),
            vec!["赵海信"]
        );
        assert_eq!(names("董事长王强表示"), vec!["王强"]);
        assert_eq!(names("据李娜介绍，"), vec!["李娜"]);
    }

    #[test]
    fn verbs_lists_and_repeats() {
        assert_eq!(names("张伟指出，市场回暖。"), vec!["张伟"]);
        assert_eq!(
            names("张伟、李娜和王芳等出席了会议。"),
            vec!["张伟", "李娜", "王芳"]
        );
        assert_eq!(
            people("院长刘明辉出席。刘明辉说，明年扩招。"),
            vec![
                ("刘明辉".to_string(), "person.title_before"),
                ("刘明辉".to_string(), "person.context")
            ]
        );
        assert_eq!(
            people("总裁陈立军出席。会后陈总接受采访。"),
            vec![
                ("陈立军".to_string(), "person.title_before"),
                ("陈立军".to_string(), "person.alias")
            ]
        );
    }

    #[test]
    fn transliterated_names() {
        assert_eq!(names("演员约翰·史密斯出席"), vec!["约翰·史密斯"]);
        assert_eq!(names("总统克林顿说"), vec!["克林顿"]);
    }

    #[test]
    fn common_words_are_not_people() {
        for t in [
            "他的手法高明表示赞赏",
            "我们马上出发",
            "建设文明城市",
            "祝大家平安",
            "交通很方便",
            "公司常年亏损",
            "金融服务实体经济",
            "庆祝建厂十周年",
            "公司董事会表示同意",
            "许多人表示",
            "中国联通相关负责人表示",
        ] {
            assert!(names(t).is_empty(), "{t}: {:?}", names(t));
        }
    }
}
