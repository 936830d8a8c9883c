//! Roles (job titles and occupations): the title lexicon, title modifiers and the 首席X官 shape.
//!
//! Rule ids (documented in `schema/rules/role.toml`):
//! - `role.lexicon` — a base title from `schema/lexicons/titles.txt` (`董事长`, `记者`).
//! - `role.modifier` — a base title with title modifiers in front (`副总经理`, `常务副市长`,
//!   `执行董事`, `首席经济学家`), from `schema/lexicons/title_modifiers.txt`.
//! - `role.chief_officer` — the open shape `首席…官` (`首席数据官`, `首席风险官`).
//!
//! Why the span stops at the title: a role node should be the same across documents
//! (`董事长` of any company), so field and fame qualifiers (`创投企业家`, `知名经济学家`) and
//! status words (`原`, `前`, `新任`) stay outside it. Status words are not lost: the position
//! family reads them just before the span (see [`status_before`]). Modifiers that change the
//! job itself (`副`, `常务`, `执行`, `首席`) are part of the title.
//!
//! Words that contain a title without being one (`董事会`, `记者会`, `律师事务所`) are in
//! `schema/lexicons/not_role.txt`; they sit in the same automaton as the titles so the
//! leftmost-longest match swallows the title inside them.

use crate::normalize::filters::is_han;
use crate::rules::FastSet as HashSet;
use std::ops::Range;

use regex::Regex;

use crate::extract::{AnnotatedDoc, Attrs, Candidate, Extractor, Label, OrgKind, PositionStatus};
use crate::rules::{Entry, FastMap, LexiconSet, RuleId, Rules, TermMatcher};

pub const LEXICON: RuleId = RuleId("role.lexicon");
pub const MODIFIER: RuleId = RuleId("role.modifier");
pub const CHIEF_OFFICER: RuleId = RuleId("role.chief_officer");
pub const DEPARTMENT: RuleId = RuleId("role.department");
/// Not a mention: documents why collective titles are skipped (`role_collective.txt`).
pub const COLLECTIVE: RuleId = RuleId("role.collective");

/// Characters that end a department name (`财务部`, `企管科`, `党委办公室`, `研发中心`).
const DEPT_ENDS: [&str; 6] = ["办公室", "中心", "部", "科", "室", "处"];
/// Words that end an organization name: a department name starts after them.
const ORG_ENDS: [&str; 12] = [
    "公司",
    "集团",
    "银行",
    "分行",
    "支行",
    "大学",
    "学院",
    "医院",
    "委员会",
    "协会",
    "厂",
    "局",
];
/// The longest department name we take, in characters (suffix included).
const MAX_DEPT_CHARS: usize = 6;

/// How many modifiers may stack in front of a title (`常务` + `副` + `市长`).
const MAX_MODIFIERS: usize = 2;

/// One title modifier: its text, whether it belongs to the title, and the status it implies.
#[derive(Clone, Debug)]
struct Modifier {
    text: String,
    in_title: bool,
    status: Option<PositionStatus>,
}

/// Compiled role rules, built once.
pub struct RoleRules {
    /// Titles plus not-a-title words (entries with attr `not=1`), one automaton.
    titles: TermMatcher,
    /// Words beginning with 长 (`长沙`, `长篇`): `区长沙` is not 区长 (`chang_words.txt`).
    chang_words: Vec<String>,
    /// Collective quantifiers (`多位`, `相关`): the title after them is no one's position.
    collective: Vec<String>,
    /// Modifiers, longest first (checked as suffixes of the text before a title).
    modifiers: Vec<Modifier>,
    /// Indices into `modifiers` (in its order) by their last character: only those can end
    /// the text before a title (a scan of every modifier per title was most of this family).
    modifiers_by_last: FastMap<char, Vec<usize>>,
    /// The `首席…官` shape from `schema/rules/role.toml`.
    chief_officer: Option<Regex>,
    /// Nouns a title modifies (`客服|流程`, `市长|热线`): `title_noun_heads.txt`.
    noun_heads: TermMatcher,
}

fn parse_status(s: &str) -> Option<PositionStatus> {
    match s {
        "former" => Some(PositionStatus::Former),
        "acting" => Some(PositionStatus::Acting),
        "new" => Some(PositionStatus::New),
        "current" => Some(PositionStatus::Current),
        _ => None,
    }
}

impl RoleRules {
    pub fn build(lex: &LexiconSet) -> RoleRules {
        let not_role = lex.get("not_role").entries.iter().map(|e| Entry {
            term: e.term.clone(),
            attrs: vec![("not".to_string(), "1".to_string())],
        });
        let entries: Vec<Entry> = lex
            .get("titles")
            .entries
            .iter()
            .cloned()
            .chain(not_role)
            .collect();
        let mut modifiers: Vec<Modifier> = lex
            .get("title_modifiers")
            .entries
            .iter()
            .map(|e| Modifier {
                text: e.term.clone(),
                in_title: e.attr("part") != Some("status"),
                status: e.attr("status").and_then(parse_status),
            })
            .collect();
        modifiers.sort_by(|a, b| b.text.len().cmp(&a.text.len()).then(a.text.cmp(&b.text)));
        let mut modifiers_by_last: FastMap<char, Vec<usize>> = FastMap::default();
        for (i, m) in modifiers.iter().enumerate() {
            if let Some(c) = m.text.chars().next_back() {
                modifiers_by_last.entry(c).or_default().push(i);
            }
        }
        RoleRules {
            collective: lex
                .get("role_collective")
                .terms()
                .map(String::from)
                .collect(),
            chang_words: lex.get("chang_words").terms().map(String::from).collect(),
            titles: TermMatcher::new(entries.iter()),
            modifiers,
            modifiers_by_last,
            chief_officer: rule_pattern("rules/role.toml", CHIEF_OFFICER),
            noun_heads: TermMatcher::from_terms(lex.get("title_noun_heads").terms()),
        }
    }

    /// Is `term` a known base title (not counting not-a-title words)?
    pub fn is_title(&self, term: &str) -> bool {
        self.titles
            .get(term)
            .is_some_and(|e| e.attr("not").is_none())
    }

    /// The `kind` of the base title inside `title` (`副总经理` → the kind of `总经理`).
    pub fn kind_of<'a>(&'a self, title: &'a str) -> Option<&'a str> {
        self.titles
            .find_longest(title)
            .filter(|(r, _)| r.end == title.len())
            .last()
            .and_then(|(_, e)| e.attr("kind"))
            // (a chief officer, 首席风险官 or any other 首席X官 of the role.chief_officer shape,
            // holds a company office)
            .or_else(|| {
                (title.starts_with("首席") && title.ends_with('官') && title.chars().count() <= 8)
                    .then_some("executive")
            })
    }

    /// Does this title, written right after a name, confirm the name (`陈某董事长`)?
    ///
    /// Offices and ranks do (董事长, 市长, 主席, 教授, 将军); occupations mostly do not, because
    /// `X记者`, `X员工`, `X负责人` are usually compound nouns (`银行员工`), not name + title.
    pub fn confirms_name_after(&self, title: &str) -> bool {
        !matches!(
            self.kind_of(title),
            Some("profession" | "media" | "art" | "sport" | "generic")
        )
    }

    /// Is `word` exactly a status word (`原`, `前`, `新任`, `代理`)?
    pub fn is_status_word(&self, word: &str) -> bool {
        self.modifiers
            .iter()
            .any(|m| m.status.is_some() && !m.in_title && m.text == word)
    }

    /// The status implied by a status word (`原`, `前`, `新任`, `代理`) ending at byte `pos`.
    pub fn status_before(&self, text: &str, pos: usize) -> Option<PositionStatus> {
        let before = text.get(..pos)?;
        self.modifiers_ending(before)
            .find(|m| m.status.is_some())
            .and_then(|m| m.status)
    }

    /// The modifiers `before` ends with, in `modifiers` order (longest first).
    fn modifiers_ending<'a>(&'a self, before: &'a str) -> impl Iterator<Item = &'a Modifier> + 'a {
        before
            .chars()
            .next_back()
            .and_then(|c| self.modifiers_by_last.get(&c))
            .into_iter()
            .flatten()
            .map(|&i| &self.modifiers[i])
            .filter(move |m| before.ends_with(m.text.as_str()))
    }

    /// Is the title starting at `start` collective (`多位行业专家`, `相关负责人`)?
    fn is_collective(&self, text: &str, start: usize) -> bool {
        let before = &text[..start];
        let ends = |s: &str| self.collective.iter().any(|w| s.ends_with(w.as_str()));
        if ends(before) {
            return true;
        }
        // one two-character field word in between
        let mut it = before.char_indices().rev();
        match (it.next(), it.next()) {
            (Some(_), Some((i, c))) if is_han(c) => ends(&before[..i]),
            _ => false,
        }
    }

    /// Does the `长` ending the title at `r` begin a word like 长沙 instead?
    fn chang_conflict(&self, text: &str, r: &Range<usize>) -> bool {
        let Some(last) = text[..r.end].strip_suffix('长') else {
            return false;
        };
        let from = &text[last.len()..];
        self.chang_words
            .iter()
            .any(|w| from.starts_with(w.as_str()))
    }

    /// A department name ending right at `start` (`财务部` before `经理`): its start.
    ///
    /// The name runs back over CJK characters to a boundary — punctuation, a connective
    /// (兼, 任, 的, 、, 由, 之, 其, 原, 现), the end of an organization word (公司, 集团, 厂) or of a committed
    /// mention — and must be at least one character plus the department suffix.
    fn department_start(
        &self,
        text: &str,
        mention_ends: &HashSet<usize>,
        gov_ends: &HashSet<usize>,
        start: usize,
        floor: usize,
        name_follows: bool,
    ) -> Option<usize> {
        // A known government body ends right here (`财政部|部长`, `工业和信息化部|副部长`):
        // the title is held there; its last word is no department of the title. (A
        // department read by its suffix, `烟草销售部|经理`, stays the title's.)
        if gov_ends.contains(&start) {
            return None;
        }
        // A committed mention ending right here (`品牌部|部长万某` read as an organization)
        // with a name after the title: a department reading would overlap the mention and be
        // dropped, taking with it the title that confirms the name.
        if name_follows && mention_ends.contains(&start) {
            return None;
        }
        let before = &text[floor..start];
        let suffix = DEPT_ENDS.iter().find(|d| before.ends_with(*d))?;
        let head_end = start - suffix.len();
        let mut s = head_end;
        let mut n = 0;
        let mut bounded = head_end == floor;
        for (i, c) in text[floor..head_end].char_indices().rev() {
            let abs = floor + i;
            let is_boundary = !is_han(c)
                // (also 由/之/其/原/现: `由财会处处长X担任`, `其原任之研发处处长`)
                || "，、。；：兼任为的及和与在从于由之其原现".contains(c)
                || ORG_ENDS
                    .iter()
                    .any(|o| text[..abs + c.len_utf8()].ends_with(o))
                || mention_ends.contains(&(abs + c.len_utf8()));
            if is_boundary {
                bounded = true;
                break;
            }
            if n + 1 + suffix.chars().count() > MAX_DEPT_CHARS {
                // a name running on past the limit has no clear start: no department
                return None;
            }
            s = abs;
            n += 1;
        }
        if s == floor {
            bounded = true;
        }
        if !bounded {
            return None;
        }
        (n >= 1).then_some(s)
    }

    /// Extend a title at `r` to the left over title modifiers; returns the new start. A
    /// modifier never reaches into a committed mention (`ends`: their end offsets): in
    /// `远帆投资总经理` after `远帆投资有限公司`, the short name `远帆投资` keeps its `投资`.
    fn extend_modifiers(
        &self,
        text: &str,
        r: &Range<usize>,
        floor: usize,
        ends: &HashSet<usize>,
    ) -> usize {
        let mut start = r.start;
        for _ in 0..MAX_MODIFIERS {
            let before = &text[floor..start];
            let Some(m) = self.modifiers_ending(before).find(|m| m.in_title) else {
                break;
            };
            if (start - m.text.len() + 1..=start).any(|p| ends.contains(&p)) {
                break;
            }
            // `总` only before a title that does not already start with it (总 + 经理 is in
            // the lexicon as 总经理; 总总经理 is noise).
            if m.text == "总" && text[start..].starts_with('总') {
                break;
            }
            start -= m.text.len();
        }
        start
    }
}

/// The compiled `pattern` of rule `id` in the embedded rule file `file` (`rules/role.toml`).
///
/// Built-in rule files are validated by the tests in this module and in `person.rs`, so a
/// `None` here means a rule without a pattern, never a user error.
pub(crate) fn rule_pattern(file: &str, id: RuleId) -> Option<Regex> {
    #[derive(serde::Deserialize)]
    struct RuleDoc {
        id: String,
        pattern: Option<String>,
    }
    #[derive(serde::Deserialize)]
    struct RuleFile {
        rule: Vec<RuleDoc>,
    }
    let text = crate::rules::embedded(file)?;
    let parsed: RuleFile = toml::from_str(text).ok()?;
    let pat = parsed
        .rule
        .into_iter()
        .find(|r| r.id == id.as_str())?
        .pattern?;
    Regex::new(&pat).ok()
}

/// The last end of a committed mention strictly inside `r`, if any (titles are short, so
/// this looks at a handful of positions).
fn mention_inside(text: &str, ends: &HashSet<usize>, r: &Range<usize>) -> Option<usize> {
    text[r.clone()]
        .char_indices()
        .skip(1)
        .map(|(i, _)| r.start + i)
        .filter(|p| ends.contains(p))
        .max()
}

pub struct RoleExtractor;

impl Extractor for RoleExtractor {
    fn family(&self) -> &'static str {
        "role"
    }

    fn find(&self, doc: &AnnotatedDoc, rules: &Rules, out: &mut Vec<Candidate>) {
        let text = doc.text();
        let rr = &rules.role;
        let mention_ends: HashSet<usize> = doc.mentions.iter().map(|m| m.range.end).collect();
        let gov_ends: HashSet<usize> = doc
            .mentions
            .iter()
            .filter(|m| {
                m.rule == crate::extract::org::KNOWN
                    && matches!(
                        m.attrs,
                        Attrs::Org {
                            kind: OrgKind::Government
                        }
                    )
            })
            .map(|m| m.range.end)
            .collect();
        let mut prev_end = 0;
        // end of the last collective title (a list continues it: 专家和学者)
        let mut collective_end: Option<usize> = None;
        for (r, e) in rr.titles.find_longest(text) {
            if e.attr("not").is_some() {
                // (a unit that is no title, `会计处`, may still be the department of the title
                // right after it: `会计处协理X`, role.department — but not a secretariat, a
                // body of its own that an organization ends in: `X秘书处副秘书长`, session 26)
                let unit = &text[r.clone()];
                if !DEPT_ENDS.iter().any(|d| unit.ends_with(d)) || unit.ends_with("秘书处") {
                    prev_end = r.end;
                }
                continue;
            }
            // (`副处长江某远`: a name after the title, person.title_chang)
            if rr.chang_conflict(text, &r)
                && !rules
                    .person
                    .title_chang_name(rules, text, r.end - '长'.len_utf8())
            {
                prev_end = r.end;
                continue;
            }
            // `重塑营销和客服流程`, `拨打市长热线`: a title modifying the noun after it.
            if rr.noun_heads.starts_at(text, r.end, text.len()) {
                continue;
            }
            // An organization committed earlier may end inside the match (`中国移动党委` +
            // `党委书记`): keep the title after it if that is a title on its own (`书记`).
            let r = match mention_inside(text, &mention_ends, &r) {
                Some(cut) if rr.is_title(&text[cut..r.end]) => {
                    prev_end = prev_end.max(cut);
                    cut..r.end
                }
                Some(_) => {
                    prev_end = r.end;
                    continue;
                }
                None => r,
            };
            let mut start = rr.extend_modifiers(text, &r, prev_end, &mention_ends);
            let continues = collective_end.is_some_and(|c| {
                ["和", "与", "及", "、", "或"].contains(&text.get(c..start).unwrap_or("x"))
            });
            if continues || rr.is_collective(text, start) {
                collective_end = Some(r.end);
                prev_end = r.end;
                continue;
            }
            let (rule, priority) = if let Some(d) = rr.department_start(
                text,
                &mention_ends,
                &gov_ends,
                start,
                prev_end,
                rules.person.name_opens_at(text, r.end),
            ) && !crate::extract::column_gap(doc, start)
            {
                // (`本报评论部　责任编辑`: a column gap between the department and the title
                // separates two fields of a credit line)
                start = d;
                (DEPARTMENT, 6)
            } else if start < r.start {
                (MODIFIER, 6)
            } else {
                (LEXICON, 5)
            };
            prev_end = r.end;
            let title = text[start..r.end].to_string();
            out.push(
                Candidate::new(Label::Role, start..r.end, rule, priority)
                    .with_attrs(Attrs::Role { title }),
            );
        }
        if let Some(re) = &rr.chief_officer {
            for m in re.find_iter(text) {
                out.push(
                    Candidate::new(Label::Role, m.range(), CHIEF_OFFICER, 5).with_attrs(
                        Attrs::Role {
                            title: m.as_str().to_string(),
                        },
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Label;

    fn roles(text: &str) -> Vec<(String, &'static str)> {
        let doc = crate::read::from_bytes("t", "t", text.as_bytes()).expect("utf-8");
        let ex = crate::extract::process(&doc, Rules::builtin());
        ex.mentions
            .iter()
            .filter(|m| m.label == Label::Role)
            .map(|m| (m.text.clone(), m.rule.as_str()))
            .collect()
    }

    #[test]
    fn base_titles_and_modifiers() {
        assert_eq!(
            roles("中国联通副总经理讲话"),
            vec![("副总经理".to_string(), "role.lexicon")]
        );
        assert_eq!(
            roles("学院副院长讲话"),
            vec![("副院长".to_string(), "role.modifier")]
        );
        assert_eq!(
            roles("常务副市长出席"),
            vec![("常务副市长".to_string(), "role.modifier")]
        );
        assert_eq!(
            roles("知名经济学家发言"),
            vec![("经济学家".to_string(), "role.lexicon")]
        );
        assert_eq!(
            roles("公司首席数据官"),
            vec![("首席数据官".to_string(), "role.chief_officer")]
        );
    }

    #[test]
    fn status_words_stay_outside_the_span() {
        assert_eq!(
            roles("原董事长退休"),
            vec![("董事长".to_string(), "role.lexicon")]
        );
        let rr = &Rules::builtin().role;
        let t = "原董事长";
        assert_eq!(rr.status_before(t, 3), Some(PositionStatus::Former));
        assert_eq!(rr.status_before("新任总裁", 6), Some(PositionStatus::New));
        assert_eq!(
            rr.status_before("代理市长", 6),
            Some(PositionStatus::Acting)
        );
        assert_eq!(rr.status_before("公司总裁", 6), None);
    }

    #[test]
    fn chief_officer_pattern_is_valid() {
        assert!(rule_pattern("rules/role.toml", CHIEF_OFFICER).is_some());
    }

    #[test]
    fn a_unit_that_is_no_title_is_the_department_of_the_next_title() {
        // 会计处 (not_role.txt) holds no 会计 title and is the department of 协理
        let got = roles("新任财务长由会计处协理方静怡接任。");
        assert!(
            got.contains(&("会计处协理".to_string(), "role.department")),
            "{got:?}"
        );
        assert!(!got.iter().any(|(t, _)| t == "会计"), "{got:?}");
        // alone it stays no title
        let got = roles("会计处负责本项工作。");
        assert!(got.is_empty(), "{got:?}");
        // a secretariat is a body: its deputy secretary-general keeps the plain title
        let got = roles("东盟秘书处副秘书长方静怡出席。");
        assert!(got.iter().any(|(t, _)| t == "副秘书长"), "{got:?}");
    }

    #[test]
    fn departments_and_place_names() {
        assert_eq!(
            roles("任某某有限公司财务部经理。"),
            vec![("财务部经理".to_string(), "role.department")]
        );
        // A connective before the department is no part of it.
        assert_eq!(
            roles("代理发言人由财会处处长苏一宁担任。")
                .into_iter()
                .filter(|(_, r)| *r == "role.department")
                .collect::<Vec<_>>(),
            vec![("财会处处长".to_string(), "role.department")]
        );
        assert_eq!(
            roles("其原任之研发处处长一职由他人代理。")
                .into_iter()
                .filter(|(_, r)| *r == "role.department")
                .collect::<Vec<_>>(),
            vec![("研发处处长".to_string(), "role.department")]
        );
        assert!(roles("全省赛区长沙站开赛").is_empty());
        assert!(roles("首部长篇小说").is_empty());
        assert!(roles("与多位行业专家和学者交流").is_empty());
        assert!(roles("相关负责人表示").is_empty());
    }

    #[test]
    fn words_containing_titles_are_not_titles() {
        assert!(roles("董事会审议通过").is_empty());
        assert!(roles("召开记者会").is_empty());
        assert!(roles("北京某律师事务所").is_empty());
    }

    #[test]
    fn a_modifier_does_not_reach_into_an_organization() {
        // `远帆投资` is the short form of the company named before: 投资 stays in it
        let got = roles("晨光控股与远帆投资有限公司签约，远帆投资总经理钟立衡代表双方签约。");
        assert!(
            got.contains(&("总经理".to_string(), "role.lexicon")),
            "{got:?}"
        );
        assert!(!got.iter().any(|r| r.0 == "投资总经理"), "{got:?}");
        // with no such organization the modifier is the title's
        let got = roles("公司投资总监钟立衡出席。");
        assert!(got.iter().any(|r| r.0 == "投资总监"), "{got:?}");
    }

    #[test]
    fn a_title_modifying_the_noun_after_it_is_no_role() {
        assert!(roles("优化售后和客服流程").is_empty());
        assert!(roles("市民可拨打市长热线反映").is_empty());
        assert!(roles("组建了一支医生团队").is_empty());
        // `财务顾问主办人`: the adviser's person in charge, no 财务顾问
        assert!(roles("国信证券指派张某担任财务顾问主办人").is_empty());
        // the title itself, or a department before it, stays a role
        assert_eq!(
            roles("某银行客服部门经理表示"),
            vec![("经理".to_string(), "role.lexicon")]
        );
        assert_eq!(
            roles("市长表示，团队将扩大"),
            vec![("市长".to_string(), "role.lexicon")]
        );
    }

    #[test]
    fn a_column_gap_separates_a_department_from_the_next_title() {
        assert_eq!(
            roles("（作者单位：本报评论部　责任编辑：尹晓岚）"),
            vec![
                ("作者".to_string(), "role.lexicon"),
                ("责任编辑".to_string(), "role.lexicon")
            ]
        );
        assert_eq!(
            roles("公司财务部经理王建华出席。"),
            vec![("财务部经理".to_string(), "role.department")]
        );
    }
}
