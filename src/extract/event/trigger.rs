//! Triggers, cues, quoted names and event names: what the argument patterns read.
//!
//! [`Scan`] runs the trigger and cue automata once over the whole clean text and drops
//! matches inside entity mentions (`投资` in `盛宇投资`, `公司` in `某某有限公司`). [`SentView`]
//! is one sentence's slice of that scan plus its mentions, with the small positional helpers
//! the patterns need (clauses, nearest mention before/after, quoted names, names read
//! leftwards from a trigger).

use std::ops::Range;

use super::{EventRules, kind_of};
use crate::extract::{AnnotatedDoc, EventKind, Label, Mention};
use crate::normalize::filters::separator_spaces_outside_quotes;
use crate::rules::Entry;

/// A trigger match: its range, its kind (None for `triggers_not` compounds) and its entry.
#[derive(Clone, Debug)]
pub struct Trig<'r> {
    pub range: Range<usize>,
    pub kind: Option<EventKind>,
    pub entry: &'r Entry,
}

impl Trig<'_> {
    pub fn class(&self) -> &str {
        self.entry.attr("class").unwrap_or("verb")
    }
}

/// A cue match (`role=…`).
#[derive(Clone, Debug)]
pub struct Cue<'r> {
    pub range: Range<usize>,
    pub role: &'r str,
}

/// The document-level matches, computed once.
pub struct Scan<'r> {
    pub rules: &'r EventRules,
    pub trigs: Vec<Trig<'r>>,
    pub cues: Vec<Cue<'r>>,
    /// For each sentence: index ranges into `trigs`, `cues` and `doc.mentions`.
    sent_trigs: Vec<Range<usize>>,
    sent_cues: Vec<Range<usize>>,
    sent_mentions: Vec<Range<usize>>,
}

impl<'r> Scan<'r> {
    pub fn new(doc: &'r AnnotatedDoc, rules: &'r EventRules) -> Scan<'r> {
        let text = doc.text();
        // Entity mentions (layer 0) do not overlap each other: sorted, binary-searchable.
        let ents: Vec<Range<usize>> = doc
            .mentions
            .iter()
            .filter(|m| m.label.layer() == 0)
            .map(|m| m.range.clone())
            .collect();
        let inside_entity = |r: &Range<usize>| -> bool {
            let i = ents.partition_point(|e| e.end <= r.start);
            ents.get(i).is_some_and(|e| e.start < r.end)
        };
        let trigs: Vec<Trig> = rules
            .triggers
            .find_longest(text)
            .filter(|(r, _)| !inside_entity(r))
            .map(|(range, entry)| Trig {
                range,
                kind: kind_of(entry),
                entry,
            })
            .collect();
        let cues: Vec<Cue> = rules
            .cues
            .find_longest(text)
            .filter(|(r, _)| !inside_entity(r))
            .map(|(range, entry)| Cue {
                range,
                role: entry.attr("role").unwrap_or(""),
            })
            .collect();
        let n = doc.sentences.len();
        let group = |starts: &mut dyn Iterator<Item = usize>| -> Vec<Range<usize>> {
            let mut out = vec![0..0; n];
            let starts: Vec<usize> = starts.collect();
            let mut i = 0;
            for (s, sent) in doc.sentences.iter().enumerate() {
                while i < starts.len() && starts[i] < sent.range.start {
                    i += 1;
                }
                let b = i;
                while i < starts.len() && starts[i] < sent.range.end {
                    i += 1;
                }
                out[s] = b..i;
            }
            out
        };
        let sent_trigs = group(&mut trigs.iter().map(|t| t.range.start));
        let sent_cues = group(&mut cues.iter().map(|c| c.range.start));
        let sent_mentions = group(&mut doc.mentions.iter().map(|m| m.range.start));
        Scan {
            rules,
            trigs,
            cues,
            sent_trigs,
            sent_cues,
            sent_mentions,
        }
    }
}

/// A quoted span in a sentence: `“…”`, `"…"`, `《…》`, `「…」`.
#[derive(Clone, Debug)]
pub struct Quote {
    pub outer: Range<usize>,
    pub inner: Range<usize>,
    /// `《…》`: a title (agreement, speech, document).
    pub book: bool,
}

/// One sentence: its range, its mentions and its share of the scan.
pub struct SentView<'a, 'r> {
    pub idx: usize,
    /// The clean text in the document's own script (same byte layout as `text`).
    pub display: &'a str,
    /// The original document text and the clean → original map (for titles as written).
    pub norm: &'a crate::normalize::NormText,
    pub original: &'a str,
    pub range: Range<usize>,
    pub paragraph: usize,
    pub text: &'a str,
    pub mentions: &'a [Mention],
    /// Index of the first of `mentions` in `doc.mentions`.
    pub mention_base: usize,
    pub trigs: &'a [Trig<'r>],
    pub cues: &'a [Cue<'r>],
    pub quotes: Vec<Quote>,
    pub rules: &'r EventRules,
    /// Clause separators (`，,;；:：`): (byte offset, byte length), in order.
    seps: Vec<(usize, usize)>,
    /// Local indices of the mentions of each label (by [`label_slot`]), in text order: one
    /// list, the labels one after the other, label `k`'s at `by_label[label_at[k]..label_at[k
    /// + 1]]` (one allocation per sentence instead of one per label found: issue 8).
    by_label: Vec<usize>,
    label_at: [usize; 7],
    /// What each amount is about (`triggers_about` word before it in its clause), by the
    /// amount's range: computed once per amount, not once per trigger that takes it. The flag
    /// says the word names a company's own figure (`metric=1`: 营业收入, 净利润).
    pub(crate) about: std::cell::RefCell<std::collections::HashMap<(usize, usize), AboutHit>>,
}

/// What an amount is about and whether that is a company's own figure, if a word says so.
pub(crate) type AboutHit = Option<(String, bool)>;

/// Clause separators (`，` `；` `：`, and a separator space between two ideographs such as a
/// headline's `X完成融资 将与Y签约`) of a sentence starting at byte `base`, except those inside
/// parentheses: a stock quote `X(12.300,-0.59,-4.58%)` or an aside `（代码：600123）` does not
/// split the clause around it (nor a space inside 《》 or “”: [`separator_spaces_outside_quotes`]).
fn clause_separators(sent: &str, base: usize) -> Vec<(usize, usize)> {
    let mut depth = 0usize;
    let mut spaces = separator_spaces_outside_quotes(sent, 0..sent.len()).peekable();
    let mut out = Vec::new();
    let bytes = sent.as_bytes();
    // An ASCII `,` or `:` between digits is part of a number (`8,000万`, `10:30`), not a
    // clause break: otherwise `完成8,000万元融资` would lose its amount.
    let in_number = |i: usize| {
        i > 0 && bytes[i - 1].is_ascii_digit() && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
    };
    for (i, c) in sent.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            ',' | ':' if in_number(i) => {}
            ',' | '，' | ';' | '；' | ':' | '：' if depth == 0 => {
                out.push((base + i, c.len_utf8()))
            }
            // (not inside a title or a quote: `作题为《以投促产 共赢未来》的报告`)
            ' ' if depth == 0 => {
                while spaces.next_if(|&k| k < i).is_some() {}
                if spaces.next_if_eq(&i).is_some() {
                    out.push((base + i, 1))
                }
            }
            _ => {}
        }
    }
    out
}

/// The indices of `labels` grouped by label (a stable counting sort: in order within each
/// label), and where each label's group starts (by [`label_slot`]; the last entry is the end).
fn by_label(labels: impl Iterator<Item = Label> + Clone) -> (Vec<usize>, [usize; 7]) {
    let mut at = [0usize; 7];
    for l in labels.clone() {
        at[label_slot(l) + 1] += 1;
    }
    let mut sum = 0;
    for a in &mut at {
        sum += *a;
        *a = sum;
    }
    let mut next = at;
    let mut out = vec![0usize; at[6]];
    for (i, l) in labels.enumerate() {
        let k = label_slot(l);
        out[next[k]] = i;
        next[k] += 1;
    }
    (out, at)
}

/// The slot of a label in [`SentView`]'s per-label index.
fn label_slot(l: Label) -> usize {
    match l {
        Label::Person => 0,
        Label::Organization => 1,
        Label::Role => 2,
        Label::Location => 3,
        Label::Amount => 4,
        Label::Date => 5,
    }
}

impl<'a, 'r> SentView<'a, 'r> {
    pub fn new(doc: &'a AnnotatedDoc, scan: &'a Scan<'r>, s: usize) -> SentView<'a, 'r> {
        SentView::part(doc, scan, s, doc.sentences[s].range.clone())
    }

    /// The view of `range`, a part of sentence `s` (the whole sentence for [`Self::new`]):
    /// its mentions, triggers and cues are those starting inside `range`.
    pub fn part(
        doc: &'a AnnotatedDoc,
        scan: &'a Scan<'r>,
        s: usize,
        range: Range<usize>,
    ) -> SentView<'a, 'r> {
        let sent = &doc.sentences[s];
        let text = doc.text();
        // The sentence's share of the scan, narrowed to the items starting inside `range`
        // (each share is sorted by start: two binary searches).
        let pick = |r: Range<usize>, start: &dyn Fn(usize) -> usize| -> Range<usize> {
            let first_at = |x: usize| {
                let (mut lo, mut hi) = (r.start, r.end);
                while lo < hi {
                    let mid = lo + (hi - lo) / 2;
                    if start(mid) < x {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                lo
            };
            first_at(range.start)..first_at(range.end)
        };
        let mr = pick(scan.sent_mentions[s].clone(), &|i| {
            doc.mentions[i].range.start
        });
        let tr = pick(scan.sent_trigs[s].clone(), &|i| scan.trigs[i].range.start);
        let cr = pick(scan.sent_cues[s].clone(), &|i| scan.cues[i].range.start);
        let (by_label, label_at) = by_label(doc.mentions[mr.clone()].iter().map(|m| m.label));
        SentView {
            by_label,
            label_at,
            idx: s,
            display: &doc.norm.display,
            norm: doc.norm,
            original: &doc.doc.text,
            range: range.clone(),
            paragraph: sent.paragraph,
            text,
            mention_base: mr.start,
            mentions: &doc.mentions[mr],
            trigs: &scan.trigs[tr],
            cues: &scan.cues[cr],
            quotes: quotes(text, range.clone()),
            rules: scan.rules,
            seps: clause_separators(&text[range.clone()], range.start),
            about: Default::default(),
        }
    }

    /// The display form (original script) of a clean range: names are reported as written.
    pub fn disp(&self, r: Range<usize>) -> &'a str {
        self.display.get(r).unwrap_or("")
    }

    /// A title (《…》) as written: the original text with whitespace runs collapsed to one
    /// space (normalization drops spaces between Chinese characters, titles keep them), unless
    /// the original differs from the clean text by more than whitespace (noise inside).
    pub fn title(&self, r: Range<usize>) -> String {
        let clean = self.disp(r.clone());
        let span = self.norm.to_original(r);
        let orig = self.original.get(span.start..span.end).unwrap_or("");
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        if squeeze(orig) == squeeze(clean) {
            collapse_ws(orig)
        } else {
            collapse_ws(clean)
        }
    }

    /// The sentence text.
    pub fn str(&self) -> &'a str {
        &self.text[self.range.clone()]
    }

    /// Local indices of the mentions of `label`, in text order.
    fn label_ix(&self, label: Label) -> &[usize] {
        let k = label_slot(label);
        &self.by_label[self.label_at[k]..self.label_at[k + 1]]
    }

    /// Mentions of `label` in this sentence as (doc index, mention).
    pub fn of(&self, label: Label) -> impl Iterator<Item = (usize, &'a Mention)> + '_ {
        self.label_ix(label)
            .iter()
            .map(move |&i| (self.mention_base + i, &self.mentions[i]))
    }

    /// Mentions of `label` starting at or after `pos`, as [`Self::of`] (binary search).
    pub fn of_from(
        &self,
        label: Label,
        pos: usize,
    ) -> impl Iterator<Item = (usize, &'a Mention)> + '_ {
        let ix = self.label_ix(label);
        let from = ix.partition_point(|&i| self.mentions[i].range.start < pos);
        ix[from..]
            .iter()
            .map(move |&i| (self.mention_base + i, &self.mentions[i]))
    }

    /// Mentions of any of `labels` inside `r` (binary search: mentions are sorted by start).
    pub fn within(
        &self,
        labels: &'a [Label],
        r: Range<usize>,
    ) -> impl Iterator<Item = (usize, &'a Mention)> + '_ {
        let from = self.mentions.partition_point(|m| m.range.start < r.start);
        self.mentions[from..]
            .iter()
            .enumerate()
            .take_while(move |(_, m)| m.range.start < r.end)
            .filter(move |(_, m)| labels.contains(&m.label) && m.range.end <= r.end)
            .map(move |(i, m)| (self.mention_base + from + i, m))
    }

    /// Triggers starting inside `r` (binary search: triggers are sorted by start).
    pub fn trigs_in(&self, r: Range<usize>) -> impl Iterator<Item = &Trig<'r>> + '_ {
        let from = self.trigs.partition_point(|t| t.range.start < r.start);
        self.trigs[from..]
            .iter()
            .take_while(move |t| t.range.start < r.end)
    }

    /// The last mention of `label` ending at or before `pos` (doc index).
    pub fn last_before(&self, label: Label, pos: usize) -> Option<usize> {
        let k = self.mentions.partition_point(|m| m.range.start < pos);
        self.mentions[..k]
            .iter()
            .enumerate()
            .rev()
            .find(|(_, m)| m.label == label && m.range.end <= pos)
            .map(|(i, _)| self.mention_base + i)
    }

    /// Start of the clause containing `pos` (after the last `，,;；:：` before it).
    pub fn clause_start(&self, pos: usize) -> usize {
        let k = self.seps.partition_point(|&(at, _)| at < pos);
        match k.checked_sub(1) {
            Some(j) => {
                let (at, len) = self.seps[j];
                (at + len).min(pos.max(self.range.start))
            }
            None => self.range.start,
        }
    }

    /// Start of the clause `n` clauses before the one containing `pos` (0: its own).
    pub fn clauses_back(&self, pos: usize, n: usize) -> usize {
        let k = self.seps.partition_point(|&(at, _)| at < pos);
        match k.checked_sub(1 + n) {
            Some(j) => {
                let (at, len) = self.seps[j];
                at + len
            }
            None => self.range.start,
        }
    }

    /// End of the clause containing `pos`.
    pub fn clause_end(&self, pos: usize) -> usize {
        let pos = pos.clamp(self.range.start, self.range.end);
        let k = self.seps.partition_point(|&(at, _)| at < pos);
        let end = self.seps.get(k).map_or(self.range.end, |&(at, _)| at);
        // A sentence-final 。 is not part of the clause.
        let t = &self.text[pos..end];
        match t.find('。') {
            Some(i) => pos + i,
            None => end,
        }
    }

    /// Cues with `role` inside `r`.
    pub fn cues_in<'s>(
        &'s self,
        role: &'s str,
        r: Range<usize>,
    ) -> impl Iterator<Item = &'s Cue<'r>> + 's {
        let from = self.cues.partition_point(|c| c.range.start < r.start);
        self.cues[from..]
            .iter()
            .take_while(move |c| c.range.start < r.end)
            .filter(move |c| c.role == role && c.range.end <= r.end)
    }

    pub fn has_cue(&self, role: &str, r: Range<usize>) -> bool {
        self.cues_in(role, r).next().is_some()
    }

    /// The quote whose inner text contains `r`, if any.
    pub fn quote_around(&self, r: &Range<usize>) -> Option<&Quote> {
        self.quotes
            .iter()
            .find(|q| q.inner.start <= r.start && r.end <= q.inner.end)
    }

    /// Where an event name ending at `end` starts when read leftwards: it stops at punctuation
    /// and spaces (a space between a year's digits and 年 is crossed), at a stop word
    /// (`triggers_stops.txt`) outside entity mentions, at people, dates and amounts, and at
    /// `floor`. Organizations and places are crossed: they are part of names.
    pub fn name_start(&self, end: usize, floor: usize) -> usize {
        self.name_start_with(end, floor, true)
    }

    /// The start of `（X）` closed at `close` when a place ends right before it and X is one to
    /// eight Han characters (`中国（临江）`): the qualifier of the place, part of a name.
    fn place_qualifier(&self, floor: usize, close: usize, near: &[Mention]) -> Option<usize> {
        let before = &self.text[floor..close];
        let (k, open) = before
            .char_indices()
            .rev()
            .take(9)
            .find(|(_, ch)| matches!(ch, '（' | '('))?;
        let inner = &before[k + open.len_utf8()..];
        let o = floor + k;
        (!inner.is_empty()
            && inner.chars().all(crate::normalize::filters::is_han)
            && near
                .iter()
                .any(|m| m.label == Label::Location && m.range.end == o))
        .then_some(o)
    }

    /// [`Self::name_start`], optionally stopping at organizations and places too.
    pub fn name_start_with(&self, end: usize, floor: usize, cross_entities: bool) -> usize {
        let mut floor = floor
            .max(self.range.start)
            .max(end.saturating_sub(120))
            .min(end);
        while !self.text.is_char_boundary(floor) {
            floor += 1;
        }
        let window = &self.text[floor..end];
        // Stop words ending at each position.
        let stops: Vec<Range<usize>> = self
            .rules
            .stops
            .find_all(window)
            .map(|(r, _)| floor + r.start..floor + r.end)
            .collect();
        // Only the mentions near the window (mentions are sorted by start).
        let a = self
            .mentions
            .partition_point(|m| m.range.start + 400 < floor);
        let b = self.mentions.partition_point(|m| m.range.start < end);
        let near = &self.mentions[a..b.max(a)];
        let mut pos = end;
        // (the opening parenthesis of a place's qualifier crossed: `中国（临江）`)
        let mut skip: Option<usize> = None;
        for (i, c) in window.char_indices().rev() {
            let at = floor + i;
            if skip.is_some_and(|k| at >= k) {
                continue;
            }
            // `2025中国（临江）数字经济论坛`: a place qualified by a short place in parentheses
            // is part of the name (the city hosting this edition).
            if cross_entities
                && matches!(c, '）' | ')')
                && let Some(o) = self.place_qualifier(floor, at, near)
            {
                skip = Some(o);
                pos = o;
                continue;
            }
            let in_entity = near
                .iter()
                .find(|m| m.label.layer() == 0 && m.range.start <= at && at < m.range.end);
            if let Some(m) = in_entity {
                if cross_entities && matches!(m.label, Label::Organization | Label::Location) {
                    pos = at;
                    continue;
                }
                // `两岸企业家峰会`, `青年科学家论坛`: a title right before the meeting noun or
                // the name already read (no person after it) is the kind of guests the
                // meeting is for, part of its name. (`董事长乙出席论坛` stops at the person, before the title.)
                if cross_entities
                    && m.label == Label::Role
                    && m.range.end == pos
                    && !near
                        .iter()
                        .any(|p| p.label == Label::Person && p.range.start == m.range.end)
                {
                    skip = Some(m.range.start);
                    pos = m.range.start;
                    continue;
                }
                break;
            }
            if near
                .iter()
                .any(|m| m.label.layer() == 1 && m.range.start <= at && at < m.range.end)
            {
                break;
            }
            if stops
                .iter()
                .any(|r| r.end == at + c.len_utf8() && r.start >= floor)
            {
                break;
            }
            // `等6场平行论坛`, `12场分论坛`: a count in digits ends the name like `六场`
            // (triggers_stops.txt): a count of meetings names none of them.
            if c == '场'
                && self.text[..at]
                    .trim_end()
                    .ends_with(|p: char| p.is_ascii_digit() || ('０'..='９').contains(&p))
            {
                break;
            }
            let spaced_year = c == ' '
                && self.text[at + 1..].starts_with(['年', '月', '日'])
                && self.text[..at].ends_with(|p: char| p.is_ascii_digit());
            if !(is_name_char(c) || spaced_year) {
                break;
            }
            pos = at;
        }
        pos
    }
}

/// Characters that may be part of an event name.
pub fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '－' | '·' | '—' | '+' | '&')
}

/// Remove a leading year (`2024年`, `2024 年`) from a name: the year is the event's date.
pub fn strip_year(name: &str) -> &str {
    let t = name.trim_start();
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if (2..=4).contains(&digits) {
        let rest = t[digits..].trim_start();
        if let Some(r) = rest.strip_prefix('年') {
            return r.trim_start();
        }
    }
    t
}

/// Collapse inner whitespace runs of a name (`百亿级 5G` stays readable, line breaks go).
pub fn clean_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            // Keep a space only between two non-CJK characters (`5G 产业` → `5G产业`).
            let prev = out.chars().last().unwrap_or(' ');
            if prev.is_ascii_alphanumeric() && c.is_ascii_alphanumeric() {
                out.push(' ');
            }
        }
        space = false;
        out.push(c);
    }
    out
}

/// Trim and collapse whitespace runs to one space (titles keep their spacing: `新智 共赢`).
pub fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The quoted spans of a sentence.
pub fn quotes(text: &str, r: Range<usize>) -> Vec<Quote> {
    let s = &text[r.clone()];
    let mut out = Vec::new();
    if !has_opening_quote(s.as_bytes()) {
        // No span can open (most sentences): nothing to decode.
        return out;
    }
    let mut open: Option<(usize, char)> = None;
    let mut ascii_open: Option<usize> = None;
    for (i, c) in s.char_indices() {
        let at = r.start + i;
        match (c, open) {
            ('“' | '《' | '「' | '『', None) => open = Some((at, c)),
            ('”' | '》' | '」' | '』', Some((o, oc))) => {
                let ok = matches!(
                    (oc, c),
                    ('“', '”') | ('《', '》') | ('「', '」') | ('『', '』')
                );
                if ok {
                    let inner = o + oc.len_utf8()..at;
                    out.push(Quote {
                        outer: o..at + c.len_utf8(),
                        inner,
                        book: oc == '《',
                    });
                }
                open = None;
            }
            ('"', None) => match ascii_open {
                None => ascii_open = Some(at),
                Some(o) => {
                    out.push(Quote {
                        outer: o..at + 1,
                        inner: o + 1..at,
                        book: false,
                    });
                    ascii_open = None;
                }
            },
            _ => {}
        }
    }
    out
}

/// Whether `s` holds a character that opens a span in [`quotes`]: `"` or `“` (`E2 80 9C`),
/// `《` `「` `『` (`E3 80 8A`, `8C`, `8E`). Found with a vector search for `"` and the lead
/// bytes `E2`/`E3` (Chinese ideographs start with `E4`–`E9`; `、` and `。` with `E3` are the
/// few other hits), not by decoding every character.
fn has_opening_quote(s: &[u8]) -> bool {
    memchr::memchr3_iter(b'"', 0xE2, 0xE3, s).any(|i| match s[i] {
        b'"' => true,
        lead => {
            s.get(i + 1) == Some(&0x80)
                && s.get(i + 2).is_some_and(|&t| {
                    if lead == 0xE2 {
                        t == 0x9C
                    } else {
                        matches!(t, 0x8A | 0x8C | 0x8E)
                    }
                })
        }
    })
}

#[cfg(test)]
mod quote_tests {
    use super::*;

    /// The per-label index lists each label's positions in order, as a list per label did,
    /// and an empty sentence has empty groups.
    #[test]
    fn by_label_groups_in_order() {
        use Label::*;
        let labels = [
            Organization,
            Person,
            Organization,
            Date,
            Person,
            Amount,
            Organization,
        ];
        let (ix, at) = by_label(labels.iter().copied());
        for l in [Person, Organization, Role, Location, Amount, Date] {
            let k = label_slot(l);
            let want: Vec<usize> = (0..labels.len()).filter(|&i| labels[i] == l).collect();
            assert_eq!(&ix[at[k]..at[k + 1]], &want[..], "{l:?}");
        }
        assert_eq!(at[label_slot(Role)], at[label_slot(Role) + 1]);
        let (ix, at) = by_label(std::iter::empty());
        assert!(ix.is_empty() && at == [0; 7]);
    }

    /// The byte search finds an opening quote exactly where decoding does, and a sentence
    /// without one has no quoted spans.
    #[test]
    fn opening_quotes_found_by_bytes() {
        let pieces = [
            "", "甲", "、", "。", "“", "”", "《", "》", "「", "」", "『", "』", "\"", "—", "…",
            "〈", "【", "a",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let s = format!("{a}公司{b}{c}");
                    let want = s
                        .chars()
                        .any(|c| matches!(c, '"' | '“' | '《' | '「' | '『'));
                    assert_eq!(has_opening_quote(s.as_bytes()), want, "{s:?}");
                    if !want {
                        assert!(quotes(&s, 0..s.len()).is_empty());
                    }
                }
            }
        }
        let s = "他说“你好”并发布《规划》。";
        assert_eq!(quotes(s, 0..s.len()).len(), 2);
    }
}
