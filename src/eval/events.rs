//! `kgextract eval events GOLD.jsonl`: event and relation quality against third-party data.
//!
//! Two gold formats are recognized per record (see `../shared/eval/README.md`):
//!
//! - **FinRE** (`relations: [{head, tail, label}]`, one entity pair per record, both
//!   directions present): a financial-news relation classification set. We measure, for the
//!   pairs labelled `签约` (and separately `合作`), the share where kgextract links *both*
//!   entities to one Signing event (each has a SIGNED relation to it) — **recall**. Every pair
//!   we link that way counts as produced; **precision** is the share of produced pairs whose
//!   gold label is `签约`, `合作` or `unknown` (FinRE's `unknown` covers unlabelled
//!   co-occurrences, so it is not counted against us). A pair and its reverse are one pair.
//! - **DuEE-Fin** (`events: [{event_type, trigger, arguments: [{role, entity, text}]}]`):
//!   document-level financial events. For `企业收购`, `企业融资` and `高管变动` we measure the
//!   recall of the event *with its main argument*: an Acquisition whose ACQUIRED and
//!   TARGET_OF match `收购方` and `被收购方`; a Financing whose RAISED matches `被投资方` (or an
//!   Investment whose TARGET_OF does — DuEE files 股权投资 under 企业融资) with a HAS_AMOUNT
//!   matching `融资金额`; an Appointment whose APPOINTED person matches `高管姓名` and whose
//!   title matches one of the `变动后职位` (else of the `高管职位`); a gold event that names
//!   several `高管姓名` (`提名A、B、C为董事候选人`) is found when one of them is, and each of
//!   them may be matched by one of our events. Roles missing from a gold event are not
//!   required; a gold event with none of them is skipped. Precision: our events of that
//!   kind that are the first match of some gold event (of some person of it) in the same
//!   document — a second event of ours for the same change counts as wrong.
//!
//! **Matching** is by name, not by offset: a mention matches a gold argument when the
//! [`crate::link::key`] of one contains the other's (both at least two characters) — gold
//! arguments are placed only at their first occurrence and often use a fuller name
//! (`深圳市东创精密技术有限公司` for `东创精密`), while we may cite any occurrence. An amount
//! also matches when our money parser reads the gold text as the same value and currency
//! (`1000万人民币` is our `1000万元`).
//!
//! **Entity modes.** `--entities ours` runs the full pipeline (entities found by our own
//! families: the end-to-end number). `--entities gold` first commits the gold entity spans
//! (FinRE's pair as organizations; DuEE's company/person/title/amount/date arguments with the
//! matching label) and then runs every family, so the score isolates the event patterns from
//! entity recognition — the usual setting for FinRE, which is a relation-classification set
//! with given entities. `both` (the default) prints both.
//!
//! **Examples.** Every miss (`fn`) and every false positive (`fp`: an event of ours of a
//! scored kind that matches no gold event of the type in its record; a FinRE pair linked by a
//! signing whose gold label is another relation) is kept in [`EventsReport::examples`] with
//! the record's text; `--examples FILE` writes them as JSON lines.

use std::collections::{BTreeMap, BTreeSet};
use std::io::BufRead;

use serde::{Deserialize, Serialize};

use super::gold::{read_jsonl, record_id};
use crate::extract::{
    AnnotatedDoc, Attrs, Candidate, DocExtraction, EventKind, Label, NodeRef, RelType, commit,
};
use crate::rules::{RuleId, Rules};

/// Rule id of the gold mentions committed in `--entities gold` mode (never in real output).
const GOLD: RuleId = RuleId("eval.gold_entity");

/// Where entities come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum EntityMode {
    Ours,
    Gold,
    Both,
}

#[derive(Deserialize)]
struct GoldEntity {
    start: Option<usize>,
    end: Option<usize>,
    label: String,
    text: String,
}

#[derive(Deserialize)]
struct GoldRel {
    head: usize,
    tail: usize,
    label: String,
}

#[derive(Deserialize)]
struct GoldArg {
    role: String,
    text: String,
}

#[derive(Deserialize)]
struct GoldEvent {
    event_type: String,
    #[serde(default)]
    arguments: Vec<GoldArg>,
}

#[derive(Deserialize)]
struct GoldRecord {
    #[serde(default)]
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    entities: Vec<GoldEntity>,
    #[serde(default)]
    relations: Vec<GoldRel>,
    #[serde(default)]
    events: Vec<GoldEvent>,
    /// Present in DuEE records (also those without events).
    #[serde(default)]
    has_event_list: Option<bool>,
}

/// Recall / precision of one measured item.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Score {
    /// Gold items considered.
    pub gold: usize,
    /// Gold items we found.
    pub found: usize,
    pub recall: f64,
    /// Items we produced (for precision), and how many of them are right.
    pub produced: usize,
    pub correct: usize,
    pub precision: f64,
}

impl Score {
    fn finish(&mut self) {
        self.recall = ratio(self.found, self.gold);
        self.precision = ratio(self.correct, self.produced);
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The result of one evaluation run (one entity mode).
#[derive(Clone, Debug, Default, Serialize)]
pub struct EventsReport {
    pub entities: String,
    pub records: usize,
    /// `finre:签约`, `finre:合作`, `duee:企业收购`, … → score.
    pub scores: BTreeMap<String, Score>,
    /// Some misses, for tuning (`item | text`).
    pub misses: Vec<String>,
    /// Every miss and every false positive, with the record's text (`--examples FILE`).
    #[serde(skip)]
    pub examples: Vec<EventError>,
}

/// One scored error of an event evaluation, for reading it in context.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct EventError {
    pub record: String,
    /// `ours` or `gold` (the entity mode of the run).
    pub entities: String,
    /// `duee:高管变动`, `finre:签约` …
    pub item: String,
    /// `fn`: a gold event or pair we did not produce; `fp`: one of ours that matches no gold
    /// event of the type in the record (or a pair linked by a signing whose gold label is
    /// another relation).
    pub kind: &'static str,
    /// The gold event's arguments (`role=text`) or the pair (fn; for FinRE fp, the pair and
    /// its gold label).
    pub gold: String,
    /// Our event (`Kind name {REL:name…}`) for fp; all our events of the record for fn.
    pub ours: String,
    /// The record's text.
    pub context: String,
}

/// Evaluate one entity mode over a gold file.
pub fn evaluate(
    reader: impl BufRead,
    source: &str,
    rules: &Rules,
    mode: EntityMode,
    limit: Option<usize>,
) -> Result<EventsReport, String> {
    let mut rep = EventsReport {
        entities: format!("{mode:?}").to_lowercase(),
        ..EventsReport::default()
    };
    // FinRE: unordered pair → (label, found, produced), deduplicated over both directions.
    let mut finre: BTreeMap<(String, String, String), (String, bool, String)> = BTreeMap::new();
    let recs: Vec<GoldRecord> = read_jsonl(reader, source, limit)?;
    rep.records = recs.len();
    for rec in recs {
        let rid = record_id(&rec.id);
        let ex = run_record(&rec, &rid, source, rules, mode);
        if !rec.relations.is_empty() {
            for r in &rec.relations {
                let (Some(h), Some(t)) = (rec.entities.get(r.head), rec.entities.get(r.tail))
                else {
                    continue;
                };
                let (a, b) = if h.text <= t.text {
                    (&h.text, &t.text)
                } else {
                    (&t.text, &h.text)
                };
                let linked = co_signed(&ex, a, b);
                finre.insert(
                    (rec.text.clone(), a.clone(), b.clone()),
                    (r.label.clone(), linked, rid.clone()),
                );
            }
        }
        if !rec.events.is_empty() || rec.has_event_list.is_some() {
            score_duee(&rec, &rid, &ex, rules, &mut rep);
        }
    }
    for ((text, a, b), (label, linked, rid)) in &finre {
        let example = |kind, gold: String| EventError {
            record: rid.clone(),
            entities: rep.entities.clone(),
            item: "finre:签约".into(),
            kind,
            gold,
            ours: String::new(),
            context: text.clone(),
        };
        for want in ["签约", "合作"] {
            let sc = rep.scores.entry(format!("finre:{want}")).or_default();
            if label == want {
                sc.gold += 1;
                if *linked {
                    sc.found += 1;
                } else if want == "签约" {
                    if rep.misses.len() < 400 {
                        rep.misses
                            .push(format!("finre:签约 miss ({a}, {b}) | {}", clip(text)));
                    }
                    rep.examples.push(example("fn", format!("({a}, {b})")));
                }
            }
        }
        if *linked {
            // Precision is shared by both rows: a produced pair is right if gold says 签约,
            // 合作 or unknown.
            let ok = matches!(label.as_str(), "签约" | "合作" | "unknown");
            for want in ["签约", "合作"] {
                let sc = rep.scores.entry(format!("finre:{want}")).or_default();
                sc.produced += 1;
                if ok {
                    sc.correct += 1;
                }
            }
            if !ok {
                if rep.misses.len() < 400 {
                    rep.misses.push(format!(
                        "finre:签约 false ({a}, {b}) gold={label} | {}",
                        clip(text)
                    ));
                }
                rep.examples
                    .push(example("fp", format!("({a}, {b}) gold={label}")));
            }
        }
    }
    for s in rep.scores.values_mut() {
        s.finish();
    }
    Ok(rep)
}

/// Our events in one line: `Kind name {REL:name,…}; …` (for the misses list).
fn render(ex: &DocExtraction) -> String {
    let out: Vec<String> = (0..ex.events.len()).map(|e| render_event(ex, e)).collect();
    if out.is_empty() {
        "(no events)".into()
    } else {
        out.join("; ")
    }
}

/// One of our events: `Kind name {REL:name title,…}`.
fn render_event(ex: &DocExtraction, e: usize) -> String {
    let Some(ev) = ex.events.get(e) else {
        return String::new();
    };
    let rels: Vec<String> = ex
        .relations
        .iter()
        .filter_map(|r| match (r.from, r.to) {
            (NodeRef::Mention(m), NodeRef::Event(x)) | (NodeRef::Event(x), NodeRef::Mention(m))
                if x == e =>
            {
                let t = r.props.title.as_deref().unwrap_or("");
                Some(format!("{}:{}{}", r.rel.as_str(), ex.mentions[m].name, t))
            }
            _ => None,
        })
        .collect();
    format!("{} {} {{{}}}", ev.kind.as_str(), ev.name, rels.join(","))
}

fn clip(s: &str) -> String {
    let s: String = s.chars().take(160).collect();
    s.replace('\n', " ")
}

/// Run the pipeline on one record, with the gold entities committed first in gold mode.
fn run_record(
    rec: &GoldRecord,
    rid: &str,
    source: &str,
    rules: &Rules,
    mode: EntityMode,
) -> DocExtraction {
    let doc = crate::read::Document {
        id: rid.to_string(),
        source: source.to_string(),
        text: rec.text.clone(),
        header: Default::default(),
    };
    let norm = crate::normalize::normalize(&doc);
    let sents = crate::segment::segment(&norm);
    let mut ad = AnnotatedDoc::new(&doc, &norm, &sents);
    if mode == EntityMode::Gold {
        commit(&mut ad, gold_candidates(rec, &doc.text, &norm));
    }
    crate::extract::run(&mut ad, rules);
    crate::extract::finish(ad)
}

/// The label a gold entity gets in gold mode (None: not committed).
fn gold_label(label: &str) -> Option<Label> {
    Some(match label {
        "ENTITY"
        | "收购方"
        | "被收购方"
        | "投资方"
        | "被投资方"
        | "领投方"
        | "任职公司"
        | "变动后公司名称" => Label::Organization,
        "高管姓名" => Label::Person,
        "高管职位" | "变动后职位" => Label::Role,
        "融资金额" | "交易金额" => Label::Amount,
        _ => return None,
    })
}

/// Gold entity spans (character offsets into the original) as candidates on the clean text.
fn gold_candidates(
    rec: &GoldRecord,
    orig: &str,
    norm: &crate::normalize::NormText,
) -> Vec<Candidate> {
    // Original char index → clean byte offset (start) for every clean char.
    let ix = crate::span::CharIndex::new(orig);
    let mut start_of: BTreeMap<usize, usize> = BTreeMap::new();
    let mut end_of: BTreeMap<usize, usize> = BTreeMap::new();
    for (b, c) in norm.text.char_indices() {
        let span = norm.to_original(b..b + c.len_utf8());
        let (cs, ce) = ix.chars(span);
        start_of.entry(cs).or_insert(b);
        end_of.insert(ce, b + c.len_utf8());
    }
    let mut out = Vec::new();
    for e in &rec.entities {
        let Some(label) = gold_label(&e.label) else {
            continue;
        };
        if let (Some(s), Some(en)) = (e.start, e.end)
            && let (Some(&a), Some(&b)) = (start_of.get(&s), end_of.get(&en))
            && a < b
        {
            out.push(Candidate::new(label, a..b, GOLD, 100));
        }
        // The gold places an argument at its first occurrence only; the same name elsewhere
        // is the same entity (our own families would find it there too).
        let t = e.text.trim();
        if t.chars().count() >= 2 {
            for (a, _) in norm.text.match_indices(t) {
                out.push(Candidate::new(label, a..a + t.len(), GOLD, 99));
            }
        }
    }
    out
}

/// Does `a` name the same thing as `b`? (key containment, both at least two characters)
fn same(a: &str, b: &str) -> bool {
    let (a, b) = (crate::link::key(a), crate::link::key(b));
    let short = a.chars().count().min(b.chars().count());
    short >= 2 && (a.contains(&b) || b.contains(&a))
}

/// Mentions (by index) related to each event by `rel` (mention → event).
fn to_event(ex: &DocExtraction, rel: RelType) -> BTreeMap<usize, Vec<usize>> {
    let mut m: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for r in &ex.relations {
        if r.rel != rel {
            continue;
        }
        match (r.from, r.to) {
            (NodeRef::Mention(x), NodeRef::Event(e)) | (NodeRef::Event(e), NodeRef::Mention(x)) => {
                m.entry(e).or_default().push(x)
            }
            _ => {}
        }
    }
    m
}

/// Are both names SIGNED to one Signing event?
fn co_signed(ex: &DocExtraction, a: &str, b: &str) -> bool {
    to_event(ex, RelType::Signed).iter().any(|(e, ms)| {
        ex.events
            .get(*e)
            .is_some_and(|ev| ev.kind == EventKind::Signing)
            && ms
                .iter()
                .any(|&m| same(&ex.mentions[m].name, a) || same(&ex.mentions[m].text, a))
            && ms
                .iter()
                .any(|&m| same(&ex.mentions[m].name, b) || same(&ex.mentions[m].text, b))
            && !same(a, b)
    })
}

fn names(ex: &DocExtraction, ms: Option<&Vec<usize>>) -> Vec<String> {
    ms.map(|v| {
        v.iter()
            .flat_map(|&m| [ex.mentions[m].name.clone(), ex.mentions[m].text.clone()])
            .collect()
    })
    .unwrap_or_default()
}

fn any_same(ours: &[String], gold: Option<&str>) -> bool {
    match gold {
        None => true,
        Some(g) => ours.iter().any(|o| same(o, g)),
    }
}

/// Does one of our amounts `ms` have the value and currency of the gold amount text (read by
/// our own money parser)? Gold and we often write one amount differently (`1000万人民币` /
/// `1000万元`, `千万美元` / `1000万美元`), which name containment misses.
fn same_amount(
    ex: &DocExtraction,
    ms: Option<&Vec<usize>>,
    gold: Option<&str>,
    rules: &Rules,
) -> bool {
    let (Some(ms), Some(g)) = (ms, gold) else {
        return false;
    };
    let Some(want) = rules.money.parse(g.trim()) else {
        return false;
    };
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0);
    ms.iter().any(|&m| match &ex.mentions[m].attrs {
        Attrs::Amount(got) => got.currency == want.currency && close(got.value, want.value),
        _ => false,
    })
}

/// Score the DuEE-Fin events of one record.
fn score_duee(
    rec: &GoldRecord,
    rid: &str,
    ex: &DocExtraction,
    rules: &Rules,
    rep: &mut EventsReport,
) {
    let acquired = to_event(ex, RelType::Acquired);
    let target = to_event(ex, RelType::TargetOf);
    let raised = to_event(ex, RelType::Raised);
    let mut amount: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for r in &ex.relations {
        if let (RelType::HasAmount, NodeRef::Event(e), NodeRef::Mention(m)) = (r.rel, r.from, r.to)
        {
            amount.entry(e).or_default().push(m);
        }
    }
    // Our events of each kind that matched something (for precision).
    let mut matched: BTreeSet<usize> = BTreeSet::new();
    let mut considered: BTreeMap<&str, usize> = BTreeMap::new();
    for g in &rec.events {
        let arg = |role: &str| {
            g.arguments
                .iter()
                .find(|a| a.role == role && !a.text.trim().is_empty())
                .map(|a| a.text.as_str())
        };
        let ty = g.event_type.as_str();
        // Our events that match the gold event (one per person it names).
        let hit: Vec<usize> = match ty {
            "企业收购" => {
                let (a, t) = (arg("收购方"), arg("被收购方"));
                if a.is_none() && t.is_none() {
                    continue;
                }
                ex.events
                    .iter()
                    .enumerate()
                    .position(|(e, ev)| {
                        ev.kind == EventKind::Acquisition
                            && any_same(&names(ex, acquired.get(&e)), a)
                            && any_same(&names(ex, target.get(&e)), t)
                    })
                    .into_iter()
                    .collect()
            }
            "企业融资" => {
                let (c, m) = (arg("被投资方"), arg("融资金额"));
                if c.is_none() && m.is_none() {
                    continue;
                }
                ex.events
                    .iter()
                    .enumerate()
                    .position(|(e, ev)| {
                        let company = match ev.kind {
                            EventKind::Financing => names(ex, raised.get(&e)),
                            EventKind::Investment => names(ex, target.get(&e)),
                            _ => return false,
                        };
                        any_same(&company, c)
                            && (any_same(&names(ex, amount.get(&e)), m)
                                || same_amount(ex, amount.get(&e), m, rules))
                    })
                    .into_iter()
                    .collect()
            }
            "高管变动" => {
                // Any of the new titles, else any of the current ones (events list several).
                let all = |role: &str| -> Vec<&str> {
                    g.arguments
                        .iter()
                        .filter(|a| a.role == role && !a.text.trim().is_empty())
                        .map(|a| a.text.as_str())
                        .collect()
                };
                let mut titles = all("变动后职位");
                if titles.is_empty() {
                    titles = all("高管职位");
                }
                // A gold event may name several people for one change (`提名A、B、C为董事候选人`):
                // each is a change of its own, matched by one of our events.
                let people = all("高管姓名");
                if people.is_empty() {
                    continue;
                }
                people
                    .iter()
                    .filter_map(|&p| {
                        ex.events.iter().enumerate().position(|(e, ev)| {
                            ev.kind == EventKind::Appointment
                                && ex.relations.iter().any(|r| {
                                    r.rel == RelType::Appointed
                                        && r.to == NodeRef::Event(e)
                                        && matches!(r.from, NodeRef::Mention(m)
                                            if any_same(&[ex.mentions[m].name.clone()], Some(p)))
                                        && (titles.is_empty()
                                            || titles.iter().any(|t| {
                                                r.props.title.as_deref().is_some_and(|o| same(o, t))
                                            }))
                                })
                        })
                    })
                    .collect()
            }
            _ => continue,
        };
        *considered.entry(ty).or_default() += 1;
        let sc = rep.scores.entry(format!("duee:{ty}")).or_default();
        sc.gold += 1;
        match hit.is_empty() {
            false => {
                sc.found += 1;
                matched.extend(hit);
            }
            true => {
                let args: Vec<String> = g
                    .arguments
                    .iter()
                    .map(|a| format!("{}={}", a.role, a.text))
                    .collect();
                let ours = render(ex);
                if rep.misses.len() < 400 {
                    rep.misses.push(format!(
                        "duee:{ty} miss [{}]\n      ours: {ours}",
                        args.join(" "),
                    ));
                }
                rep.examples.push(EventError {
                    record: rid.to_string(),
                    entities: rep.entities.clone(),
                    item: format!("duee:{ty}"),
                    kind: "fn",
                    gold: args.join(" "),
                    ours,
                    context: rec.text.clone(),
                });
            }
        }
    }
    for (kind, ty) in [
        (EventKind::Acquisition, "企业收购"),
        (EventKind::Financing, "企业融资"),
        (EventKind::Appointment, "高管变动"),
    ] {
        let item = format!("duee:{ty}");
        let sc = rep.scores.entry(item.clone()).or_default();
        let mut wrong = Vec::new();
        for (e, ev) in ex.events.iter().enumerate() {
            if ev.kind == kind {
                sc.produced += 1;
                if matched.contains(&e) {
                    sc.correct += 1;
                } else {
                    wrong.push(e);
                }
            }
        }
        if wrong.is_empty() {
            continue;
        }
        // The gold events of the type in the record (what the false positive should have been).
        let gold: Vec<String> = rec
            .events
            .iter()
            .filter(|g| g.event_type == ty)
            .map(|g| {
                let args: Vec<String> = g
                    .arguments
                    .iter()
                    .map(|a| format!("{}={}", a.role, a.text))
                    .collect();
                format!("[{}]", args.join(" "))
            })
            .collect();
        for e in wrong {
            rep.examples.push(EventError {
                record: rid.to_string(),
                entities: rep.entities.clone(),
                item: item.clone(),
                kind: "fp",
                gold: gold.join(" "),
                ours: render_event(ex, e),
                context: rec.text.clone(),
            });
        }
    }
}
