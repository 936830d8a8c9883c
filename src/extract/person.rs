//! People: Chinese names confirmed by context (titles, verbs, enumerations), never by a list of
//! the people of one article; transliterated foreign names.
//!
//! Rule ids (documented in `schema/rules/person.toml`):
//! - `person.title_before` / `person.title_after` — a title mention right before / after the
//!   name (`董事长陈某某`, `陈某某董事长`, `腾讯公司副总裁何某某`).
//! - `person.context` — a speech/action verb or honorific after the name, or a kinship/naming
//!   word before it (`张伟表示`, `李娜女士`, `妻子王芳`), from `person_context.txt`.
//!   Also public-figure words before (`球星X`, `主角X`) and predicate-opening adverbs after
//!   (`X往往`, `X已经`: weak, they need a plausible given name); a context word is never a
//!   name itself (`明星` is not 明 + 星).
//! - `person.enumeration` — a member of a `、`/`和` list next to a confirmed name, or of a list
//!   closed by `等` (`张伟、李娜等`).
//! - `person.repeat` — a later mention of a name confirmed elsewhere in the document, or a
//!   plausible full name that recurs three times or more (twice ending at a boundary).
//! - `person.alias` — surname + title or `总` (`王董事长`, `陈总`) standing for a confirmed name
//!   with that surname (the mention's canonical name is the full name).
//! - `person.transliterated` — a foreign name written with `·` (`约翰·史密斯`).
//! - `person.foreign` — a run of transliteration characters next to a title or verb
//!   (`总统克林顿`), or a clearly foreign run between boundaries (`，斯帕莱蒂的`).
//! - `person.nationality` — a run of transliteration characters right after a nationality
//!   (a place mention + `人`: `意大利人X`), which confirms a foreign name like a title.
//! - `person.latin` — a capitalized Latin-script name next to a title or verb.
//! - `person.honorific` — two or three characters framed by a boundary and 先生/女士/小姐/同志
//!   (`小平同志`, `达宁先生`), for names that start with no surname we know.
//! - `person.title_wei` — a title + 为 right before the name (`法定代表人为X`, `董事长为X`).
//! - `person.byline` — 记者/编辑/通讯员 after 本报/punctuation, then two or three name characters
//!   closed by punctuation, the end or 报道/摄 (`本报记者晓岚`, `（实习编辑柳青）`).
//! - `person.person_only` — two or three name characters opening a clause before a word only a
//!   person stands before (`frame=1` in person_context.txt: `的作品`, `逝世`).
//! - `person.column` — a columnist's headline: a line opening with a name, a topic, a column
//!   word and a colon (`X足彩推荐：`, `X初盘解读：`).
//! - `person.japanese` — a common Japanese surname (`japanese_surnames.txt`) and a given name
//!   of one to three characters, confirmed by a title (`常务董事佐藤明一`, `铃木一郎社长`).
//! - `person.lexicon` — a name the user declared (`--lexicon FILE` with lines
//!   `name<TAB>persons[<TAB>canonical=…]`). No names are built in: people are found by context.
//! - `person.enumeration` also covers lists with no context at all: three or more names
//!   joined by `、`, a bracketed note, or nothing (`李某某王某某张某某` in name lists).
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
//! Without any context word, a full name is still read when its shape is convincing: three
//! characters with a plausible given name ending at a firm boundary (`，张建华的`), or two
//! plausible ones between punctuation and a boundary (`，李咏，`).
//!
//! A name that is the whole content of title marks (`《林某某》`) names a book, film or play,
//! not a person: such candidates are dropped whatever rule found them (a user's lexicon
//! excepted). Place names built like names (`马家堡`, `某某邑`) end in characters that never end
//! a given name (`given_name_bad_chars.txt`).
//!
//! What guards against common words: the not-a-person list (`高明`, `马上`, `周年`), the
//! common-word list for given names (`张|国家`), weak surnames (`高`, `文`, `安`: a title,
//! a verb with a full name, or a full plausible name between punctuation), and the rule that
//! a name without a title needs plausible given-name characters (`given_name_chars.txt`).
//!
//! Doubt: the left boundary of a name with only a verb after it is uncertain in running text
//! (`今天王强表示`); we take the surname position and accept that a surname character ending
//! the previous word (`会上`) may occasionally start a wrong name.

use crate::normalize::filters::is_han;
use crate::rules::WordList;
use crate::span::char_window;
use std::collections::BTreeMap;

use crate::rules::{FastMap as HashMap, FastSet as HashSet};
use std::ops::Range;

use crate::extract::{AnnotatedDoc, Attrs, Candidate, Extractor, Label};
use crate::rules::{LexiconSet, LiteralStartRegex, RuleId, Rules, TermMatcher};

pub const TITLE_BEFORE: RuleId = RuleId("person.title_before");
pub const TITLE_AFTER: RuleId = RuleId("person.title_after");
pub const CONTEXT: RuleId = RuleId("person.context");
pub const ENUMERATION: RuleId = RuleId("person.enumeration");
pub const REPEAT: RuleId = RuleId("person.repeat");
pub const ALIAS: RuleId = RuleId("person.alias");
pub const TRANSLITERATED: RuleId = RuleId("person.transliterated");
pub const FOREIGN: RuleId = RuleId("person.foreign");
pub const LATIN: RuleId = RuleId("person.latin");
pub const NATIONALITY: RuleId = RuleId("person.nationality");
pub const LEXICON: RuleId = RuleId("person.lexicon");
pub const HONORIFIC: RuleId = RuleId("person.honorific");
pub const TITLE_WEI: RuleId = RuleId("person.title_wei");
pub const BYLINE: RuleId = RuleId("person.byline");
pub const PERSON_ONLY: RuleId = RuleId("person.person_only");
pub const COLUMN: RuleId = RuleId("person.column");
pub const POST_FRAME: RuleId = RuleId("person.post_frame");
pub const APPOINT_FRAME: RuleId = RuleId("person.appoint_frame");
pub const JAPANESE: RuleId = RuleId("person.japanese");

/// Score of a title mention or honorific next to the name.
const TITLE: i32 = 4;
/// The right-context weight after a Japanese surname standing alone for the full name
/// (`佐藤表示`): a speech or action verb (person_context.txt weight 3) or an age.
const JAPANESE_SURNAME_VERB: i32 = 3;
/// Base priority of person candidates (the option score is added).
const BASE: i32 = 10;
/// Characters that may stand right before a name without being part of it.
static LEFT_BOUNDARY: CharSet = CharSet::new(
    "如但至今比在由据向对和与及同跟让请把被给是为称说的将等、还也从经令派叫以当了看举随陪见到迎问有即之而后上时像括",
);
/// Words whose last character is a surname (`委任`, `责任`, `如何`, `对于`, `有关`): no name
/// starts at that character, although the first one may be a boundary (如, 对, 有, 比; `比利` is
/// a transliteration unit: 比利时, 比利亚…).
static WORDS_ENDING_IN_SURNAME: WordList = WordList::new("words_person", "ends_in_surname");
/// Characters that form a title with a following 长 (`部长`, `市长`, `校长`, `董事长`).
static TITLE_HEADS_OF_ZHANG: CharSet =
    CharSet::new("部市校院局行队会社村镇县省厂所处科组班团师军站馆台司州区乡署庭船机事总首议");
/// Characters that may stand right after a name without being part of it.
static RIGHT_BOUNDARY: CharSet = CharSet::new(
    "受到在的和与及等也都是就还又则曾将已被把对向从为于、今昨前近日均亦即便却再更所会能首随当此有不没并只仍刚竟这很颇",
);
/// Boundary characters (in [`RIGHT_BOUNDARY`]) that are common last characters of given names
/// too (`志刚`, `小刚`): after a one-character given name they may be its cut-off third
/// character (`冯小|刚式`), so a reading with no other clue does not end there.
static GIVEN_BOUNDARY: CharSet = CharSet::new("刚");
/// Function words that end no member of a back-to-back name list (`X华亦有出席`: 亦 opens the
/// predicate). The boundary characters that also end given names (有: 全有; 和, 为, 均, 则,
/// 刚, 曾, 首, 前, 日) are left out.
static CHAIN_TAIL_STOPS: CharSet =
    CharSet::new("在的与及等也都是就还又将已被把从亦即却不没并只这很");
/// Verbs of capacity that, followed by a title mention, make the subject a person (`X作为主教练`,
/// `X身为董事长`): an organization acts "as" a member or partner, not as a job title.
static AS_TITLE: WordList = WordList::new("words_person", "as_title");
/// Words of money and securities that, right after a surname character, make it part of a
/// thing's name (`母资金`, `子资产`), besides the enterprise and fund suffixes of the
/// organization lexicon (`母基金`, `子公司`): see `PersonRules::thing_heads`.
static THING_HEADS: WordList = WordList::new("words_person", "thing_head");

static POST_FRAME_OPENERS: WordList = WordList::new("words_person", "post_frame_opener");

static POST_FRAME_LINKS: WordList = WordList::new("words_person", "post_frame_link");
/// Verbs that name the person they appoint right after them (`聘任X为…`, `任命X、Y为…`).
pub(crate) static APPOINT_FRAME_OPENERS: WordList =
    WordList::new("words_person", "appoint_frame_opener");
/// What links the appointed names to the post (`为`, `担任`, `出任`).
static APPOINT_FRAME_LINKS: WordList = WordList::new("words_person", "appoint_frame_link");
/// Words that may stand between a name and an age (`X今年45岁`, `X已经89岁了`).
static AGE_OPENERS: WordList = WordList::new("words_person", "age_opener");
/// Place words after 家 in village and river names (`董家河`, `李家沟`, `王家庄`).
static PLACE_AFTER_JIA: CharSet =
    CharSet::new("河沟庄村湾坝屯营寨桥岭坡洼店铺集镇堡港口湖塘井岗峪坪");
/// Function characters of `given_name_bad_chars.txt` that still open given names (`可欣`,
/// `可馨`): one of them is read as the first of two given-name characters after a strong
/// surname when a plausible given-name character follows it (`X可欣表示`); `X可以`, `X可能`
/// stay words (以 and 能 are no given-name characters). Session 15 (names): 以 opens given
/// names too (`X以宁`, `X以诺`), under the same checks; the words it opens (`以来`, `以便`,
/// `以致`: [`LEAD_WORDS`]) are never read as a given name.
static GIVEN_LEADS: CharSet = CharSet::new("可以");
/// Words that open with a [`GIVEN_LEADS`] character and a given-name character (`以来`,
/// `以往`, `以利`): no given name starts with them.
static LEAD_WORDS: WordList = WordList::new("words_person", "lead_word");
/// Separators of a list of names.
const LIST_SEPS: [&str; 5] = ["、", "和", "与", "及", "同"];
/// Middle dots used in transliterated names (an ASCII or full-width full stop stands for one
/// between transliteration runs: `约翰.某某`).
static DOTS: CharSet = CharSet::new("·•・‧∙-－.．");

/// A set of BMP characters as one bit per code point (8 KiB), made at compile time: the
/// boundary and head lists are asked at almost every character of every document, and
/// `str::contains(char)` scans the whole list each time.
pub(crate) struct CharSet([u64; 1024]);

impl CharSet {
    /// The set of the characters of `chars` (BMP only: a compile error otherwise).
    pub(crate) const fn new(chars: &str) -> Self {
        let b = chars.as_bytes();
        let mut t = [0u64; 1024];
        let mut i = 0;
        while i < b.len() {
            let (cp, n) = Self::decode(b, i);
            t[(cp >> 6) as usize] |= 1 << (cp & 63);
            i += n;
        }
        CharSet(t)
    }

    /// The set of the first characters of `words` (BMP only).
    const fn first_chars(words: &[&str]) -> Self {
        let mut t = [0u64; 1024];
        let mut k = 0;
        while k < words.len() {
            let (cp, _) = Self::decode(words[k].as_bytes(), 0);
            t[(cp >> 6) as usize] |= 1 << (cp & 63);
            k += 1;
        }
        CharSet(t)
    }

    /// The set of the last characters of `words` (BMP only: panics otherwise).
    fn last_chars(words: &[&str]) -> Self {
        let mut t = [0u64; 1024];
        for w in words {
            if let Some(c) = w.chars().next_back() {
                let cp = c as u32;
                assert!(cp < 0x10000, "CharSet holds BMP characters only");
                t[(cp >> 6) as usize] |= 1 << (cp & 63);
            }
        }
        CharSet(t)
    }

    /// The code point starting at byte `i` of UTF-8 `b`, and its length.
    const fn decode(b: &[u8], i: usize) -> (u32, usize) {
        let x = b[i] as u32;
        if x < 0x80 {
            (x, 1)
        } else if x < 0xE0 {
            (((x & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F), 2)
        } else if x < 0xF0 {
            (
                ((x & 0x0F) << 12) | ((b[i + 1] as u32 & 0x3F) << 6) | (b[i + 2] as u32 & 0x3F),
                3,
            )
        } else {
            panic!("CharSet holds BMP characters only")
        }
    }

    /// Is `c` in the set?
    #[inline]
    pub(crate) fn has(&self, c: char) -> bool {
        crate::extract::numeral::bmp_bit(&self.0, c).unwrap_or(false)
    }
}

/// Verbs of taking a post that close a name after a `X长` title (`由副处长江某远代理`), besides
/// the person_context words.
static TITLE_CHANG_CLOSERS: WordList = WordList::new("words_person", "title_chang_closer");

/// Compiled person rules, built once.
pub struct PersonRules {
    /// Names the user declared with `--lexicon` (lexicon `persons`; none are built in).
    persons: TermMatcher,
    surnames: TermMatcher,
    /// Common Japanese surnames of two characters or more (`japanese_surnames.txt`): see
    /// [`japanese_names`].
    japanese_surnames: TermMatcher,
    not_person: TermMatcher,
    /// Common two-character words (`国家`, `建设`): never a given name without a title.
    common_words: HashSet<String>,
    /// The two-character `common_words` and the `after_name_words` (`兴致`, `先后`, `为什么`:
    /// words that open the predicate right after a name), as one automaton (see
    /// `Ctx::common_after`).
    common_pairs: TermMatcher,
    context: TermMatcher,
    /// Descriptions that stand before 同志/先生 like a name (`负责同志`, `广大同志`).
    framed_not_names: HashSet<String>,
    given_ok: CharTable,
    given_bad: CharTable,
    translit: CharTable,
    /// Transliteration characters rare in ordinary words (`斯`, `尔`, `娜`).
    translit_marked: CharTable,
    /// Capitalized Latin-script names (`Svensson`, `Steven Berg`).
    latin: Option<LiteralStartRegex>,
    /// Words that make a surname character before them part of a thing's name (`母基金`,
    /// `子公司`, `金控股`): the enterprise and fund suffixes of two or more characters from
    /// `org_suffixes.txt`, and [`THING_HEADS`].
    thing_heads: TermMatcher,
    /// Company-shaped last words of short names (`智能`, `科技`, `股份`: `org_short.txt`
    /// type=ending). One that starts inside a given name and runs past it at a clause end
    /// (`江澄智|能：`) shows a cut short name, not a name.
    company_endings: TermMatcher,
    /// The first characters of `thing_heads` and of `company_endings`: where none stands, the
    /// automaton is not asked (a cheap rejection at every surname and given-name character).
    thing_heads_first: CharTable,
    company_endings_first: CharTable,
    /// What `CharScan` looks for, by BMP character (see [`ScanClass`]).
    scan_class: ScanClass,
}

fn char_set(lex: &LexiconSet, name: &str) -> CharTable {
    CharTable::new(lex.get(name).terms().flat_map(|t| t.chars()))
}

/// The characters of a lexicon (given-name, transliteration characters): one bit per BMP
/// code point, a hash set for the rest. These sets are asked at almost every character of
/// every document (the transliteration runs, each surname reading), where a hash lookup was a
/// measurable share of the person family.
struct CharTable {
    bmp: Box<[u64; 1024]>,
    other: HashSet<char>,
}

impl CharTable {
    fn new(chars: impl Iterator<Item = char>) -> CharTable {
        let mut t = CharTable {
            bmp: Box::new([0; 1024]),
            other: HashSet::default(),
        };
        for c in chars {
            let cp = c as u32;
            if cp < 0x1_0000 {
                t.bmp[(cp >> 6) as usize] |= 1 << (cp & 63);
            } else {
                t.other.insert(c);
            }
        }
        t
    }

    /// Is `c` in the set?
    #[inline]
    fn contains(&self, c: &char) -> bool {
        crate::extract::numeral::bmp_bit(&self.bmp, *c).unwrap_or_else(|| self.other.contains(c))
    }
}

impl PersonRules {
    pub fn build(lex: &LexiconSet) -> PersonRules {
        let thing_heads: Vec<&str> = lex
            .get("org_suffixes")
            .entries
            .iter()
            .filter(|e| {
                matches!(e.attr("kind"), Some("enterprise" | "fund")) && e.term.chars().count() >= 2
            })
            .map(|e| e.term.as_str())
            .chain(THING_HEADS.iter().copied())
            .collect();
        let company_endings: Vec<&crate::rules::Entry> = lex
            .get("org_short")
            .entries
            .iter()
            .filter(|e| e.attr("type") == Some("ending"))
            .collect();
        PersonRules {
            persons: TermMatcher::new(lex.get("persons").entries.iter()),
            surnames: TermMatcher::new(lex.get("surnames").entries.iter()),
            japanese_surnames: TermMatcher::new(lex.get("japanese_surnames").entries.iter()),
            not_person: TermMatcher::new(lex.get("not_person").entries.iter()),
            common_words: lex.get("common_words").terms().map(String::from).collect(),
            common_pairs: {
                // after_name_words first, marked, so that `Ctx` can tell them apart
                let after: Vec<crate::rules::Entry> = lex
                    .get("after_name_words")
                    .terms()
                    .map(|t| crate::rules::Entry {
                        term: t.to_string(),
                        attrs: vec![("after".to_string(), "1".to_string())],
                    })
                    .collect();
                let common = lex.get("common_words");
                TermMatcher::new(
                    after.iter().chain(
                        common
                            .entries
                            .iter()
                            .filter(|e| e.term.chars().count() == 2),
                    ),
                )
            },
            context: TermMatcher::new(lex.get("person_context").entries.iter()),
            framed_not_names: lex
                .get("framed_not_names")
                .terms()
                .map(String::from)
                .collect(),
            given_ok: char_set(lex, "given_name_chars"),
            given_bad: char_set(lex, "given_name_bad_chars"),
            translit: char_set(lex, "transliteration_chars"),
            translit_marked: char_set(lex, "transliteration_marked_chars"),
            latin: crate::extract::role::rule_pattern("rules/person.toml", LATIN)
                .and_then(|re| LiteralStartRegex::new(re.as_str()).ok()),
            thing_heads: TermMatcher::from_terms(thing_heads.iter().copied()),
            company_endings: TermMatcher::new(company_endings.iter().copied()),
            thing_heads_first: CharTable::new(thing_heads.iter().filter_map(|t| t.chars().next())),
            company_endings_first: CharTable::new(
                company_endings.iter().filter_map(|e| e.term.chars().next()),
            ),
            scan_class: ScanClass::new(&char_set(lex, "transliteration_chars")),
        }
    }

    /// Does a surname start at byte `pos` of `text`?
    pub fn surname_at(&self, text: &str, pos: usize) -> bool {
        self.surnames.starts_at(text, pos, text.len())
    }

    /// Does a name open at byte `pos`: a surname of `surnames.txt`, or a Japanese one
    /// (`japanese_surnames.txt`: `部长|铃木一郎`)? The role family asks it before it reads a
    /// department into the title before the name.
    pub fn name_opens_at(&self, text: &str, pos: usize) -> bool {
        self.surname_at(text, pos) || self.japanese_surnames.starts_at(text, pos, text.len())
    }

    /// Can `c` be part of a Chinese given name at all?
    fn given_possible(&self, c: char) -> bool {
        is_han(c) && !self.given_bad.contains(&c)
    }

    /// `person.title_chang`: does the `长` at byte `chang` end a title and a name start right
    /// after it (`副处长|江某远，`, `组长|江某晴。`), although `长` + the surname also spells
    /// a place or a word (长江, 长白, 长安)?
    ///
    /// The location and role families ask this before they take `长江` or drop the `X长` title
    /// (see `chang_words.txt`): places are committed before people, so without it the place
    /// would hide both the title and the name. The name must be a single-character surname
    /// and a one- or two-character given name (one character at least from
    /// `given_name_chars.txt`, none from the bad list, not a common word), closed by
    /// punctuation, the end of the text or a word that follows names (`表示`, `代理`) —
    /// `水利部长江水利委员会`, `市长江北区` and `赛区长沙站` go on as words, and so does a
    /// surname + given character that is a place (`部长江西考察`: 江西).
    pub fn title_chang_name(&self, rules: &crate::rules::Rules, text: &str, chang: usize) -> bool {
        let role = &rules.role;
        let Some(after_chang) = text.get(chang..).and_then(|t| t.strip_prefix('长')) else {
            return false;
        };
        let title_end = text.len() - after_chang.len();
        // a title ends with this 长 (`处长`, `副署长`: the base title is enough)
        let head: Vec<usize> = text[..chang]
            .char_indices()
            .rev()
            .take(3)
            .map(|(i, _)| i)
            .collect();
        if !head.iter().any(|&s| role.is_title(&text[s..title_end])) {
            return false;
        }
        // a single-character surname right after it
        let sur_end = match self
            .surnames
            .prefixes_at(text, title_end, text.len())
            .next()
        {
            Some((e, _)) if text[title_end..e].chars().count() == 1 => e,
            _ => return false,
        };
        let given: Vec<(usize, char)> = text[sur_end..].char_indices().take(3).collect();
        let closed = |end: usize| {
            text[end..]
                .chars()
                .next()
                .is_none_or(|c| !is_han(c) && !c.is_ascii_alphanumeric())
                || self
                    .context
                    .prefixes_at(text, end, text.len())
                    .any(|(_, e)| e.attr("side") != Some("before"))
                || TITLE_CHANG_CLOSERS
                    .iter()
                    .any(|w| text[end..].starts_with(w))
        };
        // two given-name characters first (`江某远`), then one (`江华`)
        // (two: neither a bad given-name character nor a common word, one of them a common
        // given-name character; one: a common given-name character)
        for n in [2usize, 1] {
            // a function character that opens given names (`可`: `副行长|宁可欣`) counts as
            // the first of two given-name characters, as after any office (session 19)
            let lead = n == 2
                && given.len() >= 2
                && GIVEN_LEADS.has(given[0].1)
                && self.given_ok.contains(&given[1].1)
                && !LEAD_WORDS.iter().any(|w| text[sur_end..].starts_with(w));
            if given.len() < n || !(lead || given[..n].iter().all(|&(_, c)| self.given_possible(c)))
            {
                continue;
            }
            let word: String = given[..n].iter().map(|&(_, c)| c).collect();
            // the surname and a given character spell a place (`部长|江西考察`, `院长|江南`)
            let two = sur_end + given[0].1.len_utf8();
            if rules.location.is_place_name(&text[title_end..two]) {
                return false;
            }
            let plausible = given[..n]
                .iter()
                .filter(|(_, c)| self.given_ok.contains(c))
                .count();
            if plausible == 0 || self.common_words.contains(&word) {
                continue;
            }
            let end = given.get(n).map(|(i, _)| sur_end + i).unwrap_or(text.len());
            // a word that looks like a name (`院长|江南调研`: not_person.txt)
            if self.not_person.contains(&text[title_end..end]) {
                continue;
            }
            if closed(end) {
                return true;
            }
        }
        false
    }
}

/// A digit (ASCII or full-width) or a Chinese numeral up to 十, as in ages (`45岁`, `八十岁`).
fn is_numeral_char(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || matches!(
            c,
            '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
        )
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
    /// The right score comes from a title mention (not a verb or honorific).
    right_title: bool,
    /// A title mention ends right before the name.
    left_title: bool,
    /// That title is an office or rank (not an occupation: 评论员, 记者).
    left_office: bool,
    /// A title + 为 ends right before the name (`董事长为X`).
    left_title_wei: bool,
    /// The left neighbour is punctuation or the start of the text (not a function word).
    left_punct: bool,
    /// The right neighbour is punctuation, the end, or one of 的/在/和/与/及/等.
    right_firm: bool,
    /// The right neighbour is punctuation or the end of the text.
    right_punct: bool,
    /// The right neighbour is the list separator `、`.
    right_list: bool,
    /// The right neighbour is a boundary character that is also a common last character of
    /// given names (`刚`: `冯小|刚式` may be the three-character `冯小刚`).
    right_given: bool,
    /// The right neighbour is a colon (`评论员文章：`: a heading, not a byline).
    right_colon: bool,
    weak: bool,
    /// A weak surname marked `weak=mild`: an everyday word only in a few compounds (顾, 汤,
    /// 钱), so a full plausible name between boundaries stands (`，汤某伯却`).
    mild: bool,
    /// The right score comes from a common word starting right after the name, not from a
    /// boundary or a context word (`修建|中`, `居民|中`… are words, not names).
    right_by_word: bool,
    /// A numeral stands right before the surname (`３５００万…`, `２１方…`: a unit or
    /// measure word, not a surname).
    after_numeral: bool,
    /// A not-a-person word starts at the name and lies inside it.
    common_prefix: bool,
    /// The name is exactly a not-a-person word.
    common_exact: bool,
    /// The name is exactly a not-a-person word marked `adverb=1` (`高兴`, `乐观`, `明天`).
    adverb: bool,
    /// The reading looks like part of a transliteration (`马洛卡`, `比利亚|雷亚尔`): surname and
    /// given name are transliteration characters only, with a rare one in the given name and
    /// no plausible name, or continuing a transliteration run in running text. The bare shape
    /// is not enough then.
    foreign: bool,
    /// A place name shaped `X家` + place word (`董家河`, `李家沟`, `王家庄`).
    place_shape: bool,
    /// The two-character reading is itself a common word (`common_words.txt`,
    /// `after_name_words.txt`: `亲自`, `高度`).
    pair_word: bool,
    /// One Han character stands between the reading and punctuation or the end, and it
    /// opens no context word (`霍尔峰|斯，`, `张家港|市，`): the reading cut a longer word.
    right_orphan: bool,
    /// `person.post_frame`: a dismissal or resignation clause frames the reading
    /// (`免去X的…职务`, `接受X辞去…职务`): only a person is relieved of a post.
    post_frame: bool,
    /// `person.appoint_frame`: an appointing verb before the reading (or before the `、` list
    /// it is a member of) and `为`/`担任` + a title after it (`聘任X为公司副总经理`).
    appoint_frame: bool,
    /// Session 25 (lead): quote marks enclose exactly the reading (`“高富帅”式`, `所谓“白富美”`):
    /// news quotes coinages, labels and brands far more often than names, so the quotes are no
    /// boundary that vouches for a bare name.
    quoted: bool,
}

impl Opt {
    fn signal(&self) -> i32 {
        self.left.max(self.right)
    }
    /// The priority of the reading. Two readings with the same score are resolved by
    /// length (the longer wins: three-character names are the common case).
    fn score(&self) -> i32 {
        self.left + self.right + self.shape
    }
    /// Accepted on its own evidence (no list, no repeat)?
    fn accepted(&self) -> bool {
        // a thing named after the person follows (`林某纪念馆`): only a title before confirms
        if self.right <= -TITLE && self.left < TITLE {
            return false;
        }
        // quotes that enclose the reading are no evidence for a name (see `quoted`)
        if self.quoted && self.signal() < 2 {
            return false;
        }
        let titled = self.signal() >= TITLE;
        if (self.post_frame || (self.appoint_frame && (!self.weak || self.shape >= 1)))
            && !self.common_exact
            && !self.common_prefix
            && !self.pair_word
            && !self.after_numeral
            && (self.plausible || self.given_len == 2 || (self.appoint_frame && !self.weak))
        {
            return true;
        }
        // An adverb or attitude word between a title and the rest of the clause modifies the
        // verb (`董事长高兴表示`, `院长明天将出访`): a name only when punctuation closes it,
        // and not after an occupation (`让企业家安心。`: the occupation names a group).
        if self.adverb && (!self.right_punct || (self.left_title && !self.left_office)) {
            return false;
        }
        if self.common_exact && !(self.left >= TITLE && self.right >= 1) {
            return false;
        }
        // A listed word after an occupation (评论员, 记者: not an office) and before running
        // text or a colon is a compound noun (`评论员文章指出`, `评论员文章：`), not a name;
        // after an office it may be one (`市长高明调研`), and so in a byline closed by
        // punctuation (`（记者马力）`).
        if self.common_exact
            && self.left_title
            && !self.left_office
            && (!self.right_punct || self.right_colon)
            && self.right < TITLE
        {
            return false;
        }
        if self.common_prefix && !titled {
            return false;
        }
        // Weak surnames (高, 文, 江, 安) need more: a plausible given name and no running text
        // after it, with a title or honorific, or a two-character given name between a
        // boundary and a verb (`江某民说`).
        if self.weak {
            let verb_framed = self.given_len == 2 && self.left >= 1 && self.right >= 3;
            // a title after only (`南师大副校长`, `乐活城创办人`: a short name of an
            // organization) needs a fully plausible given name
            let title_after_only = self.right_title && self.left < TITLE;
            let framed = self.shape >= 1
                && self.right >= 0
                && (titled || verb_framed)
                && (self.plausible || !title_after_only);
            // a title right before a full plausible name (`记者公某佳北京报道`)
            // or any given name ending at punctuation (`副总经理封某，`)
            // or, for a mild weak surname, a one-character given name closed by 与/和/的/在
            // (`副市长白某与…`)
            let title_framed = self.left >= TITLE
                && self.plausible
                && (self.given_len == 2
                    || self.right_punct
                    || self.right >= 2
                    || (self.mild && self.left_office && self.right_firm && !self.pair_word));
            // a kinship/naming word before and a boundary after (`老伴石某兰今年`)
            let word_framed = self.left >= 3 && self.right >= 1 && self.shape >= 1;
            if (title_framed || word_framed || self.title_verb_framed())
                && !self.common_exact
                && !self.common_prefix
            {
                return true;
            }
            // An office right before a full plausible three-character name that opens with a
            // listed word (`副总经理宁可馨表示`: 宁可 is a word, 宁可馨 a name): the office
            // vouches for the name, as it does for strong surnames.
            if title_framed
                && self.left_office
                && self.given_len == 2
                && self.common_prefix
                && !self.common_exact
                && !self.pair_word
            {
                return true;
            }
            // or a full plausible name between punctuation and a firm boundary (`，钱某书的`)
            let bare_framed = self.given_len == 2
                && self.plausible
                && self.left_punct
                && self.right_firm
                && !self.common_prefix
                && !self.common_exact;
            if bare_framed && !framed {
                return true;
            }
            // A mild weak surname (顾, 汤, 钱): a full plausible name between a boundary or
            // function word before and a boundary, verb or function word after
            // (`在顾某舟的`, `，汤某伯却`).
            let mild_framed = self.mild
                && self.given_len == 2
                && self.plausible
                && self.left >= 1
                && self.right >= 1
                && !self.right_by_word
                && !self.after_numeral
                && !self.common_prefix
                && !self.common_exact;
            if mild_framed && !framed {
                return true;
            }
            if !framed {
                return false;
            }
        }
        if self.place_shape && self.left < TITLE {
            return false;
        }
        // Without a title, a name needs a known given-name character.
        if !titled && self.shape == 0 {
            return false;
        }
        // Starting in the middle of running text: a title after it is not enough
        // (`俄罗斯总统`, `出任永隆行长`), a verb or honorific after it is (`彩民张某（化名）`).
        if self.left <= 0 {
            let by_title = self.right_title || self.right < 3;
            // a weak surname still stands with a full plausible name and a strong title right
            // after it (`江某民主席`)
            let weak_ok = self.weak && self.right_title && self.right >= TITLE;
            if by_title && (!self.plausible || (self.weak && !weak_ok) || self.given_len < 2) {
                return false;
            }
        }
        // Full names with no other clue: three characters ending at a boundary (`，张建华的`,
        // `原告李建华与`: plausible ones may start after any word), three plausible ones
        // opening a sentence (`。李建新给…`), two plausible ones between punctuation and a
        // boundary (`，李咏，`) — not a boundary character that also ends given names
        // (`，冯小刚式`: 刚 may be the name's third character, the reading cut it).
        let strong = !self.weak && self.shape >= 1 && !self.foreign;
        let bare = strong
            && !(self.right_orphan && self.right < 1)
            && (self.left >= 1 || (self.given_len == 2 && self.plausible && self.right_firm))
            && ((self.given_len == 2 && self.right >= 1 && (self.plausible || !self.right_list))
                || (self.given_len == 2 && self.plausible && self.left_punct)
                || (self.given_len == 1
                    && self.plausible
                    && self.left_punct
                    && self.right >= 1
                    && !self.right_given));
        bare || (self.signal() >= 2 && self.score() >= 4)
    }

    /// A title mention right before and a speech or attendance verb right after
    /// (`董事长左某表示`, `院长X某致辞`) frame the reading on both sides, so a mild weak
    /// surname (weak=mild: 左, 江, 严) stands even with a given name we cannot vouch for. The
    /// reading must not be a common word (`严厉`, `亲自`: not_person.txt, common_words.txt,
    /// after_name_words.txt), nor a two-character given name with no plausible character, nor
    /// follow a numeral. Other weak surnames (常, 连, 万, 明) are adverbs before a verb too often
    /// (`书记常来调研`, `市长连夜调研`): with them only a one-character given name stands, and
    /// only when the two characters are no listed word (`区长万某调研`, `院长明某致辞` are
    /// names; 常来, 连夜, 明确 are in not_person.txt or common_words.txt).
    fn title_verb_framed(&self) -> bool {
        (self.mild
            || (self.given_len == 1
                && self.left_office
                && !self.common_exact
                && !self.common_prefix))
            && self.left_title
            && self.right >= 3
            && !self.right_title
            && !self.right_by_word
            && !self.pair_word
            && !self.after_numeral
            && !self.foreign
            && (self.given_len == 1 || self.shape >= 1 || self.office_framed_mild())
    }

    /// Session 23 (entities): a mild weak surname (费, 左, 严) between an office (not an
    /// occupation) and a speech or attendance verb stands with a two-character given name
    /// drawn from no list (`总经理费某池表示`): the office and the verb frame it on both sides,
    /// as they frame a listed one. A common word or a listed word opening the reading
    /// (`严格`, `费用`) still keeps it a word.
    fn office_framed_mild(&self) -> bool {
        self.mild
            && self.left_office
            && self.given_len == 2
            && !self.common_exact
            && !self.common_prefix
    }

    fn rule(&self) -> RuleId {
        if self.left_title {
            TITLE_BEFORE
        } else if self.left_title_wei {
            TITLE_WEI
        } else if self.right_title {
            TITLE_AFTER
        } else if self.post_frame {
            POST_FRAME
        } else if self.appoint_frame {
            APPOINT_FRAME
        } else {
            CONTEXT
        }
    }
}

/// What starts or ends at each byte of a document (and at its end), one bit each: the
/// questions asked several times per surname reading are one load each instead of a hash
/// lookup.
struct Marks(Vec<u8>);

impl Marks {
    /// A role mention starts here; with ROLE_STRONG, its title confirms a name before it.
    const ROLE_START: u8 = 1;
    const ROLE_STRONG: u8 = 1 << 1;
    const ROLE_END: u8 = 1 << 2;
    /// A role mention that is an office or a rank (董事长, 区长, 院长), not an occupation
    /// (评论员, 记者: `评论员文章指出` is a compound noun), ends here.
    const OFFICE_END: u8 = 1 << 3;
    /// A location mention ends here (for nationalities: `葡萄牙人`).
    const LOC_END: u8 = 1 << 4;
    /// A common two-character word starts here (`common_words.txt`, `after_name_words.txt`).
    const COMMON_AFTER: u8 = 1 << 5;
    /// An `after_name_words.txt` word starts here (`来说`, `兴致`).
    const WORD_AFTER: u8 = 1 << 6;

    fn new(len: usize) -> Marks {
        Marks(vec![0; len + 1])
    }

    fn set(&mut self, pos: usize, bit: u8) {
        if let Some(b) = self.0.get_mut(pos) {
            *b |= bit;
        }
    }

    /// A role mention starts at `pos` (the last one set at a position decides its strength).
    fn set_role_start(&mut self, pos: usize, strong: bool) {
        if let Some(b) = self.0.get_mut(pos) {
            *b = (*b & !Self::ROLE_STRONG)
                | Self::ROLE_START
                | if strong { Self::ROLE_STRONG } else { 0 };
        }
    }

    fn has(&self, pos: usize, bit: u8) -> bool {
        self.0.get(pos).is_some_and(|b| b & bit != 0)
    }
}

/// Read-only views of the document shared by the passes.
struct Ctx<'a> {
    /// The document: its original layout tells where normalization removed a column gap.
    doc: &'a AnnotatedDoc<'a>,
    text: &'a str,
    /// Committed entity mentions (org, location, role), sorted.
    taken: Vec<Range<usize>>,
    /// What starts or ends at each byte: role, office and place mentions, common words.
    marks: Marks,
    /// Role mentions by end: their starts.
    role_start_of: HashMap<usize, usize>,
    /// Starts of location mentions by end (`常委李|长春`: a place that may be a given name).
    loc_start_of: HashMap<usize, usize>,
    /// Context words: weight of an `after` word starting at a byte, of a `before` word ending.
    after: HashMap<usize, i32>,
    before: HashMap<usize, i32>,
    /// Spans of context words (`明星`, `同时`): a word of context is never itself a name.
    /// Sorted by start.
    context_spans: Vec<(usize, usize)>,
    /// not_person words by start: their ends.
    common: HashMap<usize, Vec<usize>>,
    /// not_person words marked `adverb=1` (`高兴`, `乐观`, `明天`): (start, end). They modify
    /// the verb after a title (`董事长高兴表示`), so a title and a verb do not make them names.
    adverbs: HashSet<(usize, usize)>,
    /// Starts of context words marked `frame=1` (`的作品`, `逝世`): only a person stands
    /// before them, so they frame a name with no known surname like an honorific.
    frame_after: HashSet<usize>,
    /// Spans of team words (`主场`, `vs`: `team=1` in person_context.txt).
    team_words: Vec<Range<usize>>,
    /// What the whole-text passes start from, found in one walk.
    scan: CharScan,
}

/// What `CharScan` looks for at each BMP character, one byte per code point (64 KiB): a
/// dot (DOTS), the head of a byline word (BYLINE_HEADS), a transliteration character. One load
/// per character of the walk instead of three bit tables.
struct ScanClass(Box<[u8]>);

impl ScanClass {
    const DOT: u8 = 1;
    const BYLINE_HEAD: u8 = 1 << 1;
    const TRANSLIT: u8 = 1 << 2;

    fn new(translit: &CharTable) -> ScanClass {
        let heads = &*BYLINE_HEADS;
        let mut t = vec![0u8; 0x1_0000].into_boxed_slice();
        for (cp, k) in t.iter_mut().enumerate() {
            let Some(c) = char::from_u32(cp as u32) else {
                continue;
            };
            *k = if DOTS.has(c) { Self::DOT } else { 0 }
                | if heads.has(c) { Self::BYLINE_HEAD } else { 0 }
                | if translit.contains(&c) {
                    Self::TRANSLIT
                } else {
                    0
                };
        }
        ScanClass(t)
    }

    /// The class of `c` (above the BMP, where DOTS and BYLINE_HEADS hold nothing, the
    /// transliteration set answers).
    #[inline]
    fn of(&self, c: char, translit: &CharTable) -> u8 {
        match self.0.get(c as usize) {
            Some(&k) => k,
            None if translit.contains(&c) => Self::TRANSLIT,
            None => 0,
        }
    }
}

/// What `foreign_names` and `bylines` start from, found in ONE walk over the document's
/// characters (three walks, each decoding every character, were a measurable share of the
/// person family: issue 8).
struct CharScan {
    /// Byte offsets of the DOTS characters, ascending.
    dots: Vec<usize>,
    /// Runs of transliteration characters as (start, end, characters), in text order: a run
    /// ends before a character that opens a title mention and is split where a title ends.
    runs: Vec<(usize, usize, usize)>,
    /// Offsets of the characters that open a byline word (BYLINE_HEADS), ascending.
    byline_heads: Vec<usize>,
}

impl CharScan {
    fn of(text: &str, pr: &PersonRules, marks: &Marks) -> CharScan {
        let mut scan = CharScan {
            dots: Vec::new(),
            runs: Vec::new(),
            byline_heads: Vec::new(),
        };
        let mut run_start: Option<usize> = None;
        let mut n = 0;
        for (i, c) in text.char_indices() {
            let k = pr.scan_class.of(c, &pr.translit);
            if k & ScanClass::DOT != 0 {
                scan.dots.push(i);
            }
            if k & ScanClass::BYLINE_HEAD != 0 {
                scan.byline_heads.push(i);
            }
            if k & ScanClass::TRANSLIT != 0 && !marks.has(i, Marks::ROLE_START) {
                if marks.has(i, Marks::ROLE_END) {
                    // A title ends here: a new run starts (title + name).
                    if let Some(s) = run_start.take() {
                        scan.runs.push((s, i, n));
                    }
                    n = 0;
                }
                if run_start.is_none() {
                    run_start = Some(i);
                    n = 0;
                }
                n += 1;
            } else if let Some(s) = run_start.take() {
                scan.runs.push((s, i, n));
                n = 0;
            }
        }
        if let Some(s) = run_start {
            scan.runs.push((s, text.len(), n));
        }
        scan
    }
}

impl<'a> Ctx<'a> {
    fn new(doc: &'a AnnotatedDoc, rules: &Rules) -> Ctx<'a> {
        let pr = &rules.person;
        let text = doc.text();
        let mut taken = Vec::new();
        let mut marks = Marks::new(text.len());
        let mut role_start_of = HashMap::default();
        let mut loc_start_of = HashMap::default();
        for m in &doc.mentions {
            if m.label.layer() != Label::Person.layer() {
                continue;
            }
            // `中方同意`: a country's side (`location.country_lead` marks the 中 of 中方) holds
            // its 方 too — no name starts there.
            let mut span = m.range.clone();
            if m.rule == crate::extract::location::COUNTRY_LEAD
                && text[span.end..].starts_with('方')
            {
                span.end += '方'.len_utf8();
            }
            taken.push(span);
            if m.label == Label::Location {
                marks.set(m.range.end, Marks::LOC_END);
                loc_start_of.insert(m.range.end, m.range.start);
            }
            if m.label == Label::Role {
                let strong = match &m.attrs {
                    Attrs::Role { title } => rules.role.confirms_name_after(title),
                    _ => false,
                };
                marks.set_role_start(m.range.start, strong);
                marks.set(m.range.end, Marks::ROLE_END);
                if strong {
                    marks.set(m.range.end, Marks::OFFICE_END);
                }
                role_start_of.insert(m.range.end, m.range.start);
            }
        }
        taken.sort_by_key(|r| (r.start, r.end));
        let (mut after, mut before) = (HashMap::default(), HashMap::default());
        let mut context_spans = Vec::new();
        let mut frame_after = HashSet::default();
        let mut team_words = Vec::new();
        for (r, e) in pr.context.find_all(text) {
            context_spans.push((r.start, r.end));
            if e.attr("frame").is_some() {
                frame_after.insert(r.start);
            }
            if e.attr("team").is_some() {
                team_words.push(r.clone());
            }
            let w: i32 = e.attr("weight").and_then(|w| w.parse().ok()).unwrap_or(3);
            // side=both: a word that confirms the name on either side (`X夫人Y`)
            let side = e.attr("side");
            if matches!(side, Some("before") | Some("both")) {
                let v = before.entry(r.end).or_insert(w);
                *v = (*v).max(w);
            }
            if side != Some("before") {
                let v = after.entry(r.start).or_insert(w);
                *v = (*v).max(w);
            }
        }
        context_spans.sort_unstable();
        context_spans.dedup();
        let mut common: HashMap<usize, Vec<usize>> = HashMap::default();
        let mut adverbs = HashSet::default();
        for (r, e) in pr.not_person.find_all(text) {
            if e.attr("adverb").is_some() {
                adverbs.insert((r.start, r.end));
            }
            common.entry(r.start).or_default().push(r.end);
        }
        // Every start of a two-character common word, in one automaton pass (a set lookup per
        // character was a measurable share of the person family).
        for (r, e) in pr.common_pairs.find_all(text) {
            marks.set(r.start, Marks::COMMON_AFTER);
            if e.attr("after").is_some() {
                marks.set(r.start, Marks::WORD_AFTER);
            }
        }
        let scan = CharScan::of(text, pr, &marks);
        Ctx {
            doc,
            text,
            taken,
            marks,
            role_start_of,
            loc_start_of,
            after,
            before,
            context_spans,
            common,
            adverbs,
            frame_after,
            team_words,
            scan,
        }
    }

    /// Does `r` overlap a committed entity mention?
    fn overlaps(&self, r: &Range<usize>) -> bool {
        let i = self.taken.partition_point(|t| t.end <= r.start);
        self.taken.get(i).is_some_and(|t| t.start < r.end)
    }

    /// Does `r` overlap a committed mention other than a place that is its own head
    /// (`黄河|清`: a place starting where `r` starts and ending inside it)?
    fn overlaps_but_place_head(&self, r: &Range<usize>) -> bool {
        let i = self.taken.partition_point(|t| t.end <= r.start);
        self.taken[i..]
            .iter()
            .take_while(|t| t.start < r.end)
            .any(|t| {
                !(t.start == r.start
                    && t.end < r.end
                    && self.loc_start_of.get(&t.end) == Some(&t.start))
            })
    }

    /// Does a context word overlap `r`? Context words are short: only those starting at most
    /// `CONTEXT_REACH` bytes before `r` are looked at (one binary search, no scan).
    fn context_word_overlaps(&self, r: Range<usize>) -> bool {
        const CONTEXT_REACH: usize = 32;
        let from = r.start.saturating_sub(CONTEXT_REACH);
        let i = self.context_spans.partition_point(|&(a, _)| a < from);
        self.context_spans[i..]
            .iter()
            .take_while(|&&(a, _)| a < r.end)
            .any(|&(_, b)| b > r.start)
    }

    /// Does a committed entity mention start exactly at `pos`?
    /// `person.post_frame`: is `s..e` framed by a dismissal or resignation clause — an opener
    /// right before (`免去`, `接受`: POST_FRAME_OPENERS), 的, a resignation verb or a title or
    /// organization right after, and 职务 later in the same clause (`免去X的某厅副厅长职务`,
    /// `接受X辞去副市长职务的请求`, `免去X某局局长职务`)?
    fn post_frame(&self, s: usize, e: usize) -> bool {
        let text = self.text;
        static TAILS: std::sync::LazyLock<CharSet> =
            std::sync::LazyLock::new(|| CharSet::last_chars(&POST_FRAME_OPENERS));
        if !self.prev_char(s).is_some_and(|c| TAILS.has(c))
            || !POST_FRAME_OPENERS.iter().any(|w| text[..s].ends_with(w))
        {
            return false;
        }
        let rest = &text[e..];
        let linked = rest.starts_with('的')
            || POST_FRAME_LINKS.iter().any(|w| rest.starts_with(w))
            || self.mention_starts_at(e);
        if !linked {
            return false;
        }
        let clause_end = rest
            .find(['，', '。', '；', '！', '？', '\n', ',', ';'])
            .unwrap_or(rest.len());
        rest[..clause_end].contains("职务")
    }

    /// Does a word of APPOINT_FRAME_OPENERS end at `p`? (Asked at every surname: the last
    /// character is tested first.)
    fn appoint_opener_ends_at(&self, p: usize) -> bool {
        static TAILS: std::sync::LazyLock<CharSet> =
            std::sync::LazyLock::new(|| CharSet::last_chars(&APPOINT_FRAME_OPENERS));
        self.prev_char(p).is_some_and(|c| TAILS.has(c))
            && APPOINT_FRAME_OPENERS
                .iter()
                .any(|w| self.text[..p].ends_with(w))
    }

    /// `person.appoint_frame`: is `s..e` the object of an appointing verb — the verb
    /// (APPOINT_FRAME_OPENERS: `聘任`, `任命`, `选举`) right before it or before the `、` list of
    /// short items it belongs to, and, after it and the rest of that list, `为`/`担任`/`出任`
    /// (APPOINT_FRAME_LINKS) with a title mention later in the clause (`聘任X为公司副总经理`,
    /// `任命X、Y为副总经理`)? Only a person is appointed to a post.
    fn appoint_frame(&self, s: usize, e: usize) -> bool {
        /// Longest list item between separators, in characters (`、欧阳某某、`).
        const MAX_ITEM: usize = 4;
        /// Most list items walked over on either side.
        const MAX_ITEMS: usize = 12;
        let text = self.text;
        let is_sep = |c: char| matches!(c, '、' | '和' | '及');
        // before: the verb, or `、` items back to the verb
        let mut at = s;
        let mut opened = false;
        for _ in 0..MAX_ITEMS {
            if self.appoint_opener_ends_at(at) {
                opened = true;
                break;
            }
            let Some(sep) = self.prev_char(at).filter(|&c| c == '、') else {
                break;
            };
            let item_end = at - sep.len_utf8();
            let item: String = text[..item_end]
                .chars()
                .rev()
                .take_while(|&c| is_han(c) && c != '、')
                .take(MAX_ITEM + 1)
                .collect();
            let n = item.chars().count();
            if n == 0 || n > MAX_ITEM + 1 {
                break;
            }
            // the item runs back to the verb or to the previous separator
            let item_start = (item_end - item.len()..item_end)
                .find(|&p| {
                    text.is_char_boundary(p)
                        && (self.appoint_opener_ends_at(p) || self.prev_char(p) == Some('、'))
                })
                .filter(|&p| text[p..item_end].chars().count() <= MAX_ITEM);
            let Some(p) = item_start else {
                break;
            };
            at = p;
        }
        if !opened {
            return false;
        }
        // after: the rest of the list, then the link and a title in the clause
        let rest = &text[e..];
        let clause_end = rest
            .find(['，', '。', '；', '！', '？', '\n', ',', ';', '：', ':'])
            .unwrap_or(rest.len());
        let clause = &rest[..clause_end];
        let mut p = 0;
        for _ in 0..MAX_ITEMS {
            if let Some(w) = APPOINT_FRAME_LINKS
                .iter()
                .find(|w| clause[p..].starts_with(*w))
            {
                let from = e + p + w.len();
                // (a lookup per byte of the clause: a scan of all the document's titles per
                // name would be quadratic in a long document)
                return (from..e + clause_end).any(|r| self.marks.has(r, Marks::ROLE_START));
            }
            let Some(c) = clause[p..].chars().next().filter(|&c| is_sep(c)) else {
                return false;
            };
            p += c.len_utf8();
            // the next item: up to MAX_ITEM characters before a separator or the link
            let next = clause[p..]
                .char_indices()
                .take(MAX_ITEM + 1)
                .map(|(i, _)| p + i)
                .skip(2)
                .find(|&q| {
                    clause[q..].starts_with(is_sep)
                        || APPOINT_FRAME_LINKS
                            .iter()
                            .any(|w| clause[q..].starts_with(w))
                });
            let Some(q) = next else {
                return false;
            };
            p = q;
        }
        false
    }

    /// Does the reading `s..e` fill the first column of a list row whose last
    /// column ends in a title mention — a list marker (or nothing) before it at the line start,
    /// a gap (space) after it, and a short rest of the line ending with the title
    /// (`3. 文某  市教育局副局长`, `- 史某 星河科技有限公司董事长`)? A full-width space that
    /// normalization removed is such a gap (`高某昭　X科技股份有限公司董事长`).
    fn list_row_title(&self, s: usize, e: usize) -> bool {
        const MAX_TAIL: usize = 120;
        /// Longest list marker before the name, in bytes.
        const MAX_MARKER: usize = 16;
        let text = self.text;
        // The line start first: few readings open a line, and the gap test maps offsets back
        // to the original text. Only the last MAX_MARKER + 1 bytes are searched for it.
        let from = s.saturating_sub(MAX_MARKER + 1);
        let line_start = match memchr::memrchr(b'\n', &text.as_bytes()[from..s]) {
            Some(i) => from + i + 1,
            None if from == 0 => 0,
            None => return false,
        };
        if s - line_start > MAX_MARKER
            || !crate::extract::position::is_list_marker(text[line_start..s].trim())
        {
            return false;
        }
        if !text[e..].starts_with([' ', '　']) && !crate::extract::column_gap(self.doc, e) {
            return false;
        }
        let line_end = text[e..].find('\n').map_or(text.len(), |i| e + i);
        if line_end - e > MAX_TAIL {
            return false;
        }
        let row_end = e + text[e..line_end].trim_end().len();
        self.marks.has(row_end, Marks::ROLE_END)
    }

    /// The end of the committed entity mention that starts at `pos`, if any.
    fn mention_at(&self, pos: usize) -> Option<usize> {
        let i = self.taken.partition_point(|t| t.start < pos);
        self.taken.get(i).filter(|t| t.start == pos).map(|t| t.end)
    }

    fn mention_starts_at(&self, pos: usize) -> bool {
        let i = self.taken.partition_point(|t| t.start < pos);
        self.taken.get(i).is_some_and(|t| t.start == pos)
    }

    /// Does a committed entity mention end exactly at `pos`?
    fn mention_ends_at(&self, pos: usize) -> bool {
        let i = self.taken.partition_point(|t| t.end < pos);
        self.taken.get(i).is_some_and(|t| t.end == pos)
    }

    /// Is `r` the whole content of a pair of title marks (`《林某某》`), or inside one without
    /// opening it (`《为某某小姐开车》`)? A title opening with a name is about that person
    /// (`《林某某传》`, `《林某某与中国文化》`), so the name stays. Only a short window either side
    /// is searched (longer titles are not seen): the check costs the same for any document.
    fn is_work_title(&self, r: &Range<usize>) -> bool {
        const WINDOW: usize = 30;
        if self.text[..r.start].ends_with('《') {
            return self.text[r.end..].starts_with('》');
        }
        // the opening mark, if the name is inside a title
        let mut open = None;
        for (i, c) in self.text[..r.start].char_indices().rev().take(WINDOW) {
            if matches!(c, '》' | '。' | '！' | '？' | '\n') {
                break;
            }
            if c == '《' {
                open = Some(i + c.len_utf8());
                break;
            }
        }
        // Official documents (`《关于对某某采取…的决定》`, `《关于某某任职的通知》`) are about
        // real people: their names stay.
        open.is_some_and(|o| !self.text[o..].starts_with("关于"))
            && self.text[r.end..]
                .chars()
                .take(WINDOW)
                .take_while(|&c| !matches!(c, '《' | '。' | '！' | '？' | '\n'))
                .any(|c| c == '》')
    }

    /// Does a nationality (`葡萄牙人`, `法国人`: a place mention + 人) end at `pos`?
    fn nationality_before(&self, pos: usize) -> bool {
        self.text[..pos].ends_with('人') && self.marks.has(pos - '人'.len_utf8(), Marks::LOC_END)
    }

    /// Does the character at `pos` end a word of `WORDS_ENDING_IN_SURNAME` (`委任`, `有关`)?
    /// Not when the word's first character is itself taken by the word before it: in
    /// `聘任何某`, 任 ends 聘任, so 何 starts a name (in `，任何人` it does not).
    fn inside_word(&self, pos: usize) -> bool {
        self.word_ends_at(pos)
            && !self
                .prev_char(pos)
                .is_some_and(|p| self.word_ends_at(pos - p.len_utf8()))
    }

    /// Does a word of `WORDS_ENDING_IN_SURNAME` start one character before `pos`?
    fn word_ends_at(&self, pos: usize) -> bool {
        static HEADS: std::sync::LazyLock<CharSet> =
            std::sync::LazyLock::new(|| CharSet::first_chars(&WORDS_ENDING_IN_SURNAME));
        self.prev_char(pos).is_some_and(|p| {
            HEADS.has(p)
                && WORDS_ENDING_IN_SURNAME.iter().any(|w| {
                    let mut it = w.chars();
                    it.next() == Some(p) && self.text[pos..].starts_with(it.as_str())
                })
        })
    }

    fn prev_char(&self, pos: usize) -> Option<char> {
        self.text[..pos].chars().next_back()
    }

    fn next_char(&self, pos: usize) -> Option<char> {
        self.text[pos..].chars().next()
    }

    /// Does a title end at `s`: a role mention, or the 长 of an organization whose name took
    /// the head of the title (`外交部|长`, `友协会|长`: the organization mention ends in 部/会/局
    /// and a 长 follows it)?
    fn title_ends_at(&self, s: usize) -> bool {
        if self.marks.has(s, Marks::ROLE_END) {
            return true;
        }
        let zhang = '长'.len_utf8();
        s > zhang
            && self.text[..s].ends_with('长')
            && self.mention_ends_at(s - zhang)
            && self
                .prev_char(s - zhang)
                .is_some_and(|c| TITLE_HEADS_OF_ZHANG.has(c))
    }

    /// Does a title + 为 end at `s` (`法定代表人为X`, `董事长为X`: the title is the subject, the
    /// name the predicate)?
    fn title_wei_ends_at(&self, s: usize) -> bool {
        let wei = '为'.len_utf8();
        s > wei && self.text[..s].ends_with('为') && self.title_ends_at(s - wei)
    }

    /// Does an age follow `e` (`45岁`, `今年45岁`, `已经八十九岁`, `现年52周岁`)?
    fn age_after(&self, e: usize) -> bool {
        // An age opens with an opener word or a numeral: most positions are ruled out by one
        // bit test before the openers are compared.
        static HEADS: std::sync::LazyLock<CharSet> =
            std::sync::LazyLock::new(|| CharSet::first_chars(&AGE_OPENERS));
        if !self
            .next_char(e)
            .is_some_and(|c| HEADS.has(c) || is_numeral_char(c))
        {
            return false;
        }
        let mut rest = &self.text[e..];
        if let Some(r) = AGE_OPENERS.iter().find_map(|o| rest.strip_prefix(o)) {
            rest = r;
        }
        let digits = rest.chars().take_while(|&c| is_numeral_char(c)).count();
        (1..=4).contains(&digits) && {
            let after: usize = rest.chars().take(digits).map(char::len_utf8).sum();
            rest[after..].starts_with('岁') || rest[after..].starts_with("周岁")
        }
    }

    /// Does an age + 的 end at `s` (`45岁的`, `年仅14岁的`)? Only a person (or an animal) is
    /// described so right before its name: as strong as a title.
    fn age_before(&self, s: usize) -> bool {
        self.text[..s]
            .strip_suffix("岁的")
            .and_then(|t| t.chars().next_back())
            .is_some_and(is_numeral_char)
    }

    /// Does 作为/身为 + a title mention follow `e` (`X作为主教练`)?
    fn as_title_after(&self, e: usize) -> bool {
        static HEADS: std::sync::LazyLock<CharSet> =
            std::sync::LazyLock::new(|| CharSet::first_chars(&AS_TITLE));
        self.next_char(e).is_some_and(|c| HEADS.has(c))
            && AS_TITLE.iter().any(|w| {
                self.text[e..].starts_with(w) && self.marks.has(e + w.len(), Marks::ROLE_START)
            })
    }

    fn left_score(&self, s: usize) -> i32 {
        if self.title_ends_at(s) || self.title_wei_ends_at(s) || self.age_before(s) {
            return TITLE;
        }
        if let Some(w) = self.before.get(&s) {
            return *w;
        }
        match self.prev_char(s) {
            None => 1,
            Some(c) if !is_han(c) || LEFT_BOUNDARY.has(c) => 1,
            _ if self.mention_ends_at(s) => 1,
            _ => 0,
        }
    }

    fn right_score(&self, e: usize) -> i32 {
        self.right_scores(e).1
    }

    /// (`right_score_plain(e)`, `right_score(e)`), the plain score computed once.
    fn right_scores(&self, e: usize) -> (i32, i32) {
        let s = self.right_score_plain(e);
        // A common word right after the name (`…平建设`, `…思主义`) also ends it.
        if s < 1 && self.marks.has(e, Marks::COMMON_AFTER) {
            return (s, 1);
        }
        (s, s)
    }

    fn right_score_plain(&self, e: usize) -> i32 {
        if self.marks.has(e, Marks::ROLE_START) {
            return if self.marks.has(e, Marks::ROLE_STRONG) {
                TITLE
            } else {
                2
            };
        }
        // Only a person has an age or acts as a title holder: as strong as a speech verb.
        if self.age_after(e) || self.as_title_after(e) {
            return 3;
        }
        if let Some(w) = self.after.get(&e) {
            return *w;
        }
        match self.next_char(e) {
            None => 1,
            Some(c) if !is_han(c) || RIGHT_BOUNDARY.has(c) => 1,
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
        for (r, e) in pr.persons.find_longest(cx.text) {
            if !cx.overlaps(&r) {
                let mut c = Candidate::new(Label::Person, r, LEXICON, BASE + 12);
                c.canonical = e.attr("canonical").map(String::from);
                cands.push(c);
            }
        }
        let mut accepted: Vec<bool> = opts.iter().map(Opt::accepted).collect();
        // A title right after an accepted name belongs to that name (`范某某教授|成立的`): it
        // does not also confirm a reading after it, unless a verb or title follows that one.
        // Bylines alternate titles and names (`实习生李某某记者王某`): an owner with a title of
        // its own before it leaves the title to the next name.
        let owned_titles: HashSet<usize> = opts
            .iter()
            .zip(&accepted)
            .filter(|(o, a)| **a && o.right_title && !o.left_title && o.given_len == 2 && !o.weak)
            .map(|(o, _)| o.range.end)
            .collect();
        for (i, o) in opts.iter().enumerate() {
            if accepted[i]
                && o.left_title
                && o.right < 3
                && cx
                    .role_start_of
                    .get(&o.range.start)
                    .is_some_and(|s| owned_titles.contains(s))
            {
                accepted[i] = false;
            }
        }
        // In a `、` list of things (`马蹄莲、林荫道、月季`) a member shaped like a name is no
        // person by its shape alone.
        let things = thing_lists(pr, &cx, &opts);
        for (i, o) in opts.iter().enumerate() {
            if things[i] && o.signal() < 2 {
                accepted[i] = false;
            }
        }
        for (i, o) in opts.iter().enumerate() {
            if accepted[i] {
                cands.push(Candidate::new(
                    Label::Person,
                    o.range.clone(),
                    o.rule(),
                    BASE + o.score(),
                ));
            }
        }
        title_place_names(pr, &cx, &mut cands);
        columns(pr, &cx, &opts, &mut cands);
        enumerations(&cx, &opts, &things, &mut accepted, &mut cands);
        chains(&cx, &opts, &things, &mut accepted, &mut cands);
        recurring(&cx, &opts, &mut accepted, &mut cands);
        foreign_names(pr, &cx, &mut cands);
        honorific_frames(pr, &cx, &mut cands);
        let japanese = japanese_names(pr, &cx, &mut cands);
        bylines(pr, &cx, &mut cands);
        // A name inside the title of a work (`《叶某》`, `《叶某传》`) is part of the work's name.
        cands.retain(|c| c.rule == LEXICON || !cx.is_work_title(&c.range));
        drop_teams(&cx, &mut cands);
        // Later mentions and aliases need the names that will actually win.
        let winners = resolve(&cands);
        let n = cands.len();
        repeats(&cx, &winners, &mut cands);
        aliases(pr, &cx, &opts, &japanese, &winners, &mut cands);
        let mut later = cands.split_off(n);
        later.retain(|c| !cx.is_work_title(&c.range));
        out.extend(cands);
        out.extend(later);
    }
}

/// Does a company ending (`org_short.txt` type=ending: `智能`, `科技`, `股份`) start inside
/// the given name `given` and end after it, closed by punctuation or the end of the text
/// (`江澄智|能：`)? Then the reading cuts a short company name (`江澄智能`) in two.
fn cut_company_ending(pr: &PersonRules, text: &str, given: Range<usize>) -> bool {
    text[given.clone()].char_indices().any(|(k, c)| {
        let p = given.start + k;
        pr.company_endings_first.contains(&c)
            && pr
                .company_endings
                .prefixes_at(text, p, char_window(text, p, 5))
                .any(|(q, _)| {
                    q > given.end
                        && text[q..]
                            .chars()
                            .next()
                            .is_none_or(|c| !is_han(c) && !c.is_ascii_alphanumeric())
                })
    })
}

/// Every surname + 1–2 given-name characters reading, scored.
fn chinese_options(pr: &PersonRules, cx: &Ctx) -> Vec<Opt> {
    let text = cx.text;
    let mut opts = Vec::new();
    for (sr, entry) in pr.surnames.find_all(text) {
        let first = opts.len();
        if cx.overlaps(&sr) {
            continue;
        }
        // `委任林某`, `如何`, `对于`: the surname character ends a word with the one before it
        if cx.inside_word(sr.start) {
            continue;
        }
        // `部长孙某`, `校长孙某`: the 长 of a title is no compound surname 长孙
        if text[sr.clone()].starts_with('长')
            && sr.len() > '长'.len_utf8()
            && cx
                .prev_char(sr.start)
                .is_some_and(|c| TITLE_HEADS_OF_ZHANG.has(c))
        {
            continue;
        }
        // `母基金`, `子公司`, `金控股`: a thing's head word right after the surname character
        // makes the character part of the thing's name; no given name starts there.
        if cx
            .next_char(sr.end)
            .is_some_and(|c| pr.thing_heads_first.contains(&c))
            && pr
                .thing_heads
                .starts_at(text, sr.end, char_window(text, sr.end, 4))
        {
            continue;
        }
        let weak_attr = entry.attr("weak");
        let (weak, mild) = (weak_attr.is_some(), weak_attr == Some("mild"));
        let left = cx.left_score(sr.start);
        // (the characters next to a reading are decoded once)
        let before = cx.prev_char(sr.start);
        // A Latin letter right before the surname makes it part of a mixed token (`c罗`,
        // `A股`), unless a title ends there (`CEO王某`).
        if before.is_some_and(|c| c.is_ascii_alphabetic()) && !cx.title_ends_at(sr.start) {
            continue;
        }
        // A weak surname (not a mild one: `关于钱钟书`) in running text right before a strong
        // one ends the word before it (`总计|杜某`, `公安|王某`): the name starts at the strong
        // surname.
        if weak
            && !mild
            && left <= 0
            && pr
                .surnames
                .prefixes_at(text, sr.end, char_window(text, sr.end, 2))
                .any(|(_, e)| e.attr("weak").is_none())
        {
            continue;
        }
        let left_title = cx.title_ends_at(sr.start);
        let left_title_wei = cx.title_wei_ends_at(sr.start);
        let place_end = Some(char_window(text, sr.end, 2))
            .filter(|&e| place_given(cx, weak, &(sr.start..e), sr.end));
        let mut end = sr.end;
        let mut shape = 0;
        let mut plausible = true;
        // the given name opens with a character of GIVEN_LEADS
        let mut lead = false;
        for c in text[sr.end..].chars().take(2) {
            // A verb or honorific starts here (`王强表示`, `邓先生`): the name has ended —
            // unless the name is an appointing verb's object that closes right after this
            // character (`聘任邝某成为公司副总经理`: 邝某成 + 为, not 邝某 + 成为).
            if cx.after.get(&end).is_some_and(|&w| w >= 3)
                && !cx.appoint_frame(sr.start, end + c.len_utf8())
            {
                break;
            }
            // `副区长孟庆和在会上指出`: 和 ends a two-character given name after a title when
            // what follows cannot be the rest of a `和` list (punctuation, 在, a speech verb);
            // so after a field label that only a name fills (`姓名：端木某和`, weight 4).
            // With no title, a strong surname opening its clause and a speech or action verb
            // right after the 和 (`，胡某和表示`: no list goes on with a bare verb) close the
            // name too, when the first given character is a plausible one.
            // So does a line holding the name alone (a signature: `主席\n胡某和\n`).
            let after_he = end + c.len_utf8();
            let he_ends_name = c == '和'
                && end > sr.end
                && ((cx.title_ends_at(sr.start) || left >= TITLE) && he_closed(cx, after_he)
                    || !weak
                        && plausible
                        && (before.is_none_or(|b| !is_han(b) && !b.is_ascii_alphanumeric())
                            && cx.after.get(&after_he) == Some(&3)
                            || before.is_none_or(|b| b == '\n')
                                && cx.next_char(after_he).is_none_or(|n| n == '\n')
                            // or a list row's first column (`1. 胡某和　X研究院院长`)
                            || before.is_none_or(|b| !is_han(b) && !b.is_ascii_alphanumeric())
                                && crate::extract::column_gap(cx.doc, after_he)
                            // or a byline's name before its description in parentheses
                            // (`文／郁某和（本报评论员）`: no 和 list goes on with one)
                            || before.is_some_and(|b| matches!(b, '／' | '/' | '：' | ':'))
                                && cx.next_char(after_he).is_some_and(|n| matches!(n, '（' | '('))));
            // `李晓月`, `院长明月致辞`: 月 (a bad given-name character: 同月, 本月, 3月) ends a
            // two-character given name, or is a one-character given name between a title and
            // a speech or attendance verb.
            let moon = c == '月'
                && (end > sr.end
                    || (cx.title_ends_at(sr.start)
                        && cx.after.get(&(end + c.len_utf8())).is_some_and(|&w| w >= 3)));
            if !pr.given_possible(c) && !he_ends_name && !moon {
                // `X可欣`: a leading function character only as half of a two-character given
                // name, never a reading of its own. After a weak surname only when an office
                // stands right before it (`副总经理宁可馨`): the office vouches for the name.
                let office_lead = weak && cx.marks.has(sr.start, Marks::OFFICE_END);
                let leads = end == sr.end
                    && (!weak || office_lead)
                    && GIVEN_LEADS.has(c)
                    && cx
                        .next_char(end + c.len_utf8())
                        .is_some_and(|n| pr.given_ok.contains(&n))
                    && !LEAD_WORDS.iter().any(|w| text[end..].starts_with(w));
                if !leads {
                    break;
                }
                end += c.len_utf8();
                plausible = office_lead;
                lead = true;
                continue;
            }
            // `聘任王海为总经理`, `聘任王海为公司副总经理`, `王海任总经理`: 为/任 before a title is
            // the verb, not a given name.
            if end > sr.end && matches!(c, '为' | '任') {
                let after = end + c.len_utf8();
                let title_at = |p: usize| cx.marks.has(p, Marks::ROLE_START);
                let via_org = crate::extract::COMPANY_SELF_WORDS
                    .iter()
                    .any(|w| text[after..].starts_with(w) && title_at(after + w.len()))
                    // `聘任郝某为市政府参事`: an organization mention, then the title
                    || cx.mention_at(after).is_some_and(|e| {
                        title_at(e) || (text[e..].starts_with('的') && title_at(e + '的'.len_utf8()))
                    });
                if title_at(after) || via_org {
                    break;
                }
            }
            end += c.len_utf8();
            if pr.given_ok.contains(&c) {
                shape += 1;
            } else {
                plausible = false;
            }
            let range = sr.start..end;
            if cx.overlaps(&range) {
                // a place as the given name (`常委李长春`): only the full two characters
                if place_end != Some(end) {
                    if place_end.is_some_and(|p| end < p) {
                        continue;
                    }
                    break;
                }
            }
            // `明星`, `同时`: a context word is not a name of its own.
            if cx.context_spans.binary_search(&(sr.start, end)).is_ok() {
                continue;
            }
            // `江澄智能：`, `林川科技，`: a company ending that starts inside the given name and
            // runs past it to a clause end cuts a company's short name (no title before it).
            if left < TITLE && cut_company_ending(pr, text, sr.end..end) {
                continue;
            }
            let (right_plain, mut right) = cx.right_scores(end);
            // `3. 文某  市教育局副局长`: a list row whose columns end in a title
            let row_title = cx.list_row_title(sr.start, end);
            if row_title {
                right = right.max(TITLE);
            }
            // A full plausible name right before an organization or place (`李某洋香港账户`):
            // the mention starts a new word.
            if right < 1 && end - sr.end > 3 && plausible && cx.mention_starts_at(end) {
                right = 1;
            }
            // `聘任X为公司副总经理`: the object of an appointing verb closes at the link word, as
            // strongly as before a verb (`聘任邝某成为…`: 邝某成, not 邝某 + 成为).
            let appoint_frame = cx.appoint_frame(sr.start, end);
            if appoint_frame {
                right = right.max(3);
            }
            // The last character opens a word that follows names (`对赵某来说`: not 赵某来 + 说).
            if cx.marks.has(end - c.len_utf8(), Marks::WORD_AFTER) {
                right = right.min(-1);
            }
            // `姓名：` opening a line or text is an interview speaker.
            if right == 1
                && cx.text[end..].starts_with(['：', ':'])
                && before.is_none_or(|c| matches!(c, '\n' | '\r' | '。' | '！' | '？' | '」' | '”'))
            {
                right = 3;
            }
            let next = cx.next_char(end);
            // `X可欣`: only with a title, verb or honorific next to it, or punctuation after it
            // (`何可达到`: 可达 is a word)
            if lead
                && left < 3
                && right < 3
                && next.is_some_and(|c| is_han(c) || c.is_ascii_alphanumeric())
            {
                continue;
            }
            let ends = cx.common.get(&sr.start);
            let common_exact = ends.is_some_and(|v| v.contains(&end))
                || (left < TITLE && pr.common_words.contains(&text[sr.end..end]));
            let common_prefix = ends.is_some_and(|v| v.iter().any(|&x| x != end));
            let given = &text[sr.end..end];
            let all_translit = text[sr.start..end]
                .chars()
                .all(|c| pr.translit.contains(&c));
            let in_run = left <= 0
                && text[..sr.start]
                    .chars()
                    .rev()
                    .take(2)
                    .filter(|c| pr.translit.contains(c))
                    .count()
                    == 2;
            let foreign = all_translit
                && (in_run
                    || (!plausible && given.chars().any(|c| pr.translit_marked.contains(&c))));
            let place_shape = given.chars().count() == 2
                && given.starts_with('家')
                && given.ends_with(|c: char| PLACE_AFTER_JIA.has(c));
            opts.push(Opt {
                sur_end: sr.end,
                left,
                right,
                shape,
                plausible,
                given_len: if end - sr.end > 3 { 2 } else { 1 },
                right_title: cx.marks.has(end, Marks::ROLE_START) || row_title,
                left_title,
                left_office: cx.marks.has(sr.start, Marks::OFFICE_END),
                left_title_wei,
                left_punct: before.is_none_or(|c| !is_han(c) && !c.is_ascii_alphanumeric()),
                right_firm: next.is_none_or(|c| {
                    (!is_han(c) && !c.is_ascii_alphanumeric())
                        || matches!(c, '的' | '在' | '和' | '与' | '及' | '等')
                }),
                right_punct: next.is_none_or(|c| !is_han(c) && !c.is_ascii_alphanumeric()),
                right_colon: next.is_some_and(|c| matches!(c, '：' | ':')),
                right_given: next.is_some_and(|c| GIVEN_BOUNDARY.has(c)),
                right_list: next == Some('、'),
                weak,
                mild,
                right_by_word: right_plain < 1 && right >= 1,
                after_numeral: before.is_some_and(|c| {
                    c.is_numeric()
                        || matches!(
                            c,
                            '一' | '二'
                                | '三'
                                | '四'
                                | '五'
                                | '六'
                                | '七'
                                | '八'
                                | '九'
                                | '十'
                                | '百'
                                | '千'
                                | '万'
                                | '亿'
                                | '两'
                                | '几'
                        )
                }),
                common_prefix,
                common_exact,
                adverb: cx.adverbs.contains(&(sr.start, end)),
                foreign,
                place_shape,
                pair_word: end - sr.start <= 6 && cx.marks.has(sr.start, Marks::COMMON_AFTER),
                post_frame: cx.post_frame(sr.start, end),
                appoint_frame,
                quoted: matches!(
                    (before, next),
                    (Some('“'), Some('”')) | (Some('「'), Some('」')) | (Some('『'), Some('』'))
                ),
                right_orphan: next.is_some_and(is_han) && {
                    let after = end + next.map_or(0, char::len_utf8);
                    cx.next_char(after)
                        .is_none_or(|c| !is_han(c) && !c.is_ascii_alphanumeric())
                },
                range,
            });
        }
        // `聘任邝某成为…`: when the object of an appointing verb is read, the other readings of
        // the same surname (邝某 + 成为) are cuts of it.
        if opts[first..].iter().any(|o| o.appoint_frame) {
            let mut k = 0;
            opts.retain(|o| {
                k += 1;
                k <= first || o.appoint_frame
            });
        }
    }
    opts
}

/// After a `和` that would end a given name: is the name closed there — punctuation or the
/// end, `在`, a speech or action verb (weight 3 in person_context.txt) or a weak word that
/// opens a predicate (weight 2: a time word or adverb, `孟庆和昨日到任`) — so that the 和 is no
/// conjunction (`孟庆和在`, `孟庆和指出`, `孟庆和，`; not `孟庆和李某`)?
fn he_closed(cx: &Ctx, pos: usize) -> bool {
    match cx.next_char(pos) {
        None => true,
        Some(n) if !is_han(n) && !n.is_ascii_alphanumeric() => true,
        // (`和在座嘉宾交流`: 和 is a preposition before 在座)
        Some('在') => !cx.text[pos..].starts_with("在座"),
        Some(_) => cx.after.get(&pos).is_some_and(|&w| w >= 2),
    }
}

/// Words that name a commentary column (`推荐`, `点评`, `观察`): a headline or line opening with
/// a name, a topic and such a word, then a colon, is signed by its columnist (`X足彩推荐：`).
static COLUMN_WORDS: WordList = WordList::new("words_person", "column_word");
/// How many characters may stand between the name and the column word, and between the
/// column word and the colon (`X|足彩|推荐|：`, `X|火线|澳盘|：`).
const COLUMN_TOPIC: usize = 4;
const COLUMN_TAIL: usize = 2;

/// A columnist's headline: a text or line opening with surname + given name, then at most
/// four characters of topic, a column word, at most two more characters and a colon
/// (`X足彩推荐：…`, `X初盘解读：…`). A three-character reading needs a plausible last
/// character (`X冷|门搜索` is a two-character name); a given name we cannot vouch for needs a
/// topic between it and the column word (`X推荐：` alone is too often a word).
fn columns(pr: &PersonRules, cx: &Ctx, opts: &[Opt], out: &mut Vec<Candidate>) {
    let text = cx.text;
    let mut best: Option<(usize, &Opt)> = None;
    let flush = |best: &mut Option<(usize, &Opt)>, out: &mut Vec<Candidate>| {
        if let Some((_, o)) = best.take() {
            out.push(Candidate::new(
                Label::Person,
                o.range.clone(),
                COLUMN,
                BASE + 6,
            ));
        }
    };
    for o in opts {
        let s = o.range.start;
        if best.is_some_and(|(bs, _)| bs != s) {
            flush(&mut best, out);
        }
        if cx.prev_char(s).is_some_and(|c| c != '\n')
            || o.common_exact
            || o.common_prefix
            || (o.given_len == 2
                && !cx
                    .prev_char(o.range.end)
                    .is_some_and(|c| pr.given_ok.contains(&c)))
        {
            continue;
        }
        // the characters up to the colon: Chinese characters only
        let rest = &text[o.range.end..];
        let head: usize = rest
            .chars()
            .take(COLUMN_TOPIC + 2 + COLUMN_TAIL)
            .take_while(|&c| is_han(c))
            .map(char::len_utf8)
            .sum();
        if !rest[head..].starts_with(['：', ':']) {
            continue;
        }
        let framed = COLUMN_WORDS.iter().any(|w| {
            rest[..head].match_indices(w).any(|(at, _)| {
                let topic = rest[..at].chars().count();
                let tail = rest[at + w.len()..head].chars().count();
                topic <= COLUMN_TOPIC && tail <= COLUMN_TAIL && (topic >= 1 || o.plausible)
            })
        });
        // the longer reading wins when both are framed
        if framed && best.is_none_or(|(_, b)| b.range.end < o.range.end) {
            best = Some((s, o));
        }
    }
    flush(&mut best, out);
}

/// Is `r` a strong surname + a two-character place name right after a title, closed by a
/// boundary (`常委李|长春，`, `书记王|兰州表示`)? Places are committed before people, so the
/// place would otherwise hide the name; [`release_places`] lets the person take it.
fn place_given(cx: &Ctx, weak: bool, r: &Range<usize>, sur_end: usize) -> bool {
    !weak
        && cx.text[sur_end..r.end].chars().count() == 2
        && cx.loc_start_of.get(&r.end) == Some(&sur_end)
        && ((cx.title_ends_at(r.start) && cx.right_score(r.end) >= 1)
            // or a boundary before and a speech verb after (`，刘中山表示`)
            || (cx.left_score(r.start) >= 1 && cx.right_score(r.end) >= 3))
}

/// `person.title_before` over a place that is surname + first given character
/// (`副总经理黄河|清、`, `主任江汉|明表示`): a two-character place starting with a strong
/// surname right after a title, and one more plausible given-name character closed by
/// punctuation, a boundary or a verb, is a three-character name; the place gives way (see
/// [`release_places`]). Places are committed before people, so without this the name would be
/// lost to the place. A not_person or common word (`黄河流域` is closed by nothing) reads
/// nothing.
fn title_place_names(pr: &PersonRules, cx: &Ctx, out: &mut Vec<Candidate>) {
    let text = cx.text;
    let mut heads: Vec<(usize, usize)> = cx
        .loc_start_of
        .iter()
        .map(|(&end, &start)| (start, end))
        .filter(|&(start, end)| text[start..end].chars().count() == 2 && cx.title_ends_at(start))
        .collect();
    heads.sort_unstable();
    for (start, end) in heads {
        let Some((sr, entry)) = pr
            .surnames
            .prefixes_at(text, start, end)
            .find(|(e, _)| text[start..*e].chars().count() == 1)
        else {
            continue;
        };
        if entry.attr("weak").is_some() {
            continue;
        }
        let Some(c) = text[end..].chars().next() else {
            continue;
        };
        if !pr.given_possible(c) || !pr.given_ok.contains(&c) {
            continue;
        }
        let r = start..end + c.len_utf8();
        let given = &text[sr..r.end];
        if pr.not_person.contains(&text[r.clone()])
            || pr.common_words.contains(given)
            || cx.overlaps_but_place_head(&r)
            || cx.right_score(r.end) < 1
        {
            continue;
        }
        let priority = BASE + TITLE + cx.right_score(r.end) + 2;
        out.push(Candidate::new(Label::Person, r, TITLE_BEFORE, priority));
    }
}

/// Drop the place mentions that lie inside a person candidate: a two-character place taken as
/// a given name after a title (`常委李长春`, see [`place_given`]), or as surname + first given
/// character (`副总经理黄河清`, see [`title_place_names`]) and its repeats; every other person
/// reading stops at committed mentions. Called by [`crate::extract::run`] before the person
/// candidates are committed.
pub fn release_places(doc: &mut AnnotatedDoc, cands: &[Candidate]) {
    let mut people: Vec<Range<usize>> = cands
        .iter()
        .filter(|c| c.label == Label::Person)
        .map(|c| c.range.clone())
        .collect();
    if people.is_empty() {
        return;
    }
    people.sort_by_key(|r| (r.start, r.end));
    doc.mentions.retain(|m| {
        if m.label != Label::Location {
            return true;
        }
        // the person candidates starting at or before the place: one of them must end at or
        // after it (and past it when it starts with the place: `黄河|清`)
        let i = people.partition_point(|r| r.start <= m.range.start);
        !people[..i]
            .iter()
            .rev()
            .take(4)
            .any(|r| r.end >= m.range.end)
    });
}

/// How [`thing_lists`] judges an item of a `、` list.
#[derive(Clone, Copy)]
enum Item {
    /// Opens with no surname and is no reading (`月季`, `绿道`).
    Thing,
    /// Read only as a three-character name whose given name we cannot vouch for and whose
    /// last character names a kind of thing (`马蹄莲`, `林荫道`: [`THING_TAILS`]).
    Doubtful,
    /// Read as a plausible name, or opens with a surname without being read.
    Name,
    /// Too short, too long or holding a mention: not counted.
    Unjudged,
}

/// Last characters that name a kind of thing (plants, roads, buildings, landforms): a
/// three-character reading ending in one, with a given-name character we cannot vouch for
/// (`马蹄莲`, `林荫道`, `金银花`), is a doubtful item of a `、` list. Names end in some of them too
/// (兰, 梅, 林), but with plausible given names (`陈云林`); a rare given-name character in the
/// middle (`孙孚凌`, `王兆国`) does not make a name doubtful.
static THING_TAILS: CharSet =
    CharSet::new("花草树莲菊兰梅竹藤果菜茶叶木林道路街桥园山湖河塔楼亭阁");

/// The longest item of a `、` list that [`thing_lists`] judges, in characters.
const MAX_LIST_ITEM_CHARS: usize = 5;

/// Which readings are members of a `、` list of things. Items are judged when they are two to
/// five Han characters with no mention (place, organization, title) inside: a thing opens
/// with no surname (`月季`, `绿道`); an item read only as a name whose given name we cannot
/// vouch for, ending in a kind of thing (`马蹄莲`: 蹄 is no given-name character, 莲 a plant), is
/// doubtful; any other item is read as a
/// name. An item between two `、` is judged
/// whole; the first and the last only when short and bounded — the first up to four
/// characters after punctuation (`，马蹄莲、`), the last up to four before a closing `等`
/// (`、金盏菊等`) or three before punctuation — so that a clause running on after the list
/// (`、赵某某的墓。`) is no item; such a first or last item is judged by the longest reading
/// that ends at or starts after its separator instead (`园里的马蹄莲、`: doubtful). A list is one of things when at least a third of its judged
/// items are things (a list of people may hold one rare surname: `廖某、陈某林、原某等`), or
/// when two or more things and doubtful items together are no fewer than the names
/// (`马蹄莲、林荫道、白玉兰、金银花`);
/// its name-shaped members (`马蹄莲`, `杜鹃`) then need a signal of their own. A member is a
/// reading that ends right before or starts right after one of the list's `、`.
fn thing_lists(pr: &PersonRules, cx: &Ctx, opts: &[Opt]) -> Vec<bool> {
    let text = cx.text;
    let mut out = vec![false; opts.len()];
    let seps: Vec<usize> = text.match_indices('、').map(|(i, _)| i).collect();
    if seps.is_empty() {
        return out;
    }
    let sep_len = '、'.len_utf8();
    let han_run_before = |end: usize, max: usize| {
        let mut start = end;
        for (n, c) in text[..end].chars().rev().enumerate() {
            if !is_han(c) {
                return Some(start);
            }
            if n == max {
                return None;
            }
            start -= c.len_utf8();
        }
        Some(start)
    };
    let han_run_after = |start: usize, max: usize| {
        let mut end = start;
        for (n, c) in text[start..].chars().enumerate() {
            if !is_han(c) {
                return Some(end);
            }
            if n == max {
                return None;
            }
            end += c.len_utf8();
        }
        Some(end)
    };
    // (The three maps are only looked up, never iterated: sized for every reading at once,
    // they do not rehash as they grow — issue 8.)
    let readings = opts.len();
    // Each reading's span, and whether some reading of exactly that span has a plausible
    // given name.
    let mut spans: HashMap<(usize, usize), bool> =
        HashMap::with_capacity_and_hasher(readings, Default::default());
    // The longest reading ending / starting at a byte (start or end, a name): a first or
    // last item that runs on into the clause is judged by it (`园里的马蹄莲、`).
    let mut longest_ending: HashMap<usize, (usize, bool)> =
        HashMap::with_capacity_and_hasher(readings, Default::default());
    let mut longest_starting: HashMap<usize, (usize, bool)> =
        HashMap::with_capacity_and_hasher(readings, Default::default());
    for o in opts {
        // a doubtful reading: a given name we cannot vouch for, ending in a kind of thing
        let name = o.plausible
            || o.given_len < 2
            || !text[..o.range.end]
                .chars()
                .next_back()
                .is_some_and(|c| THING_TAILS.has(c));
        *spans.entry((o.range.start, o.range.end)).or_default() |= name;
        let (s, e) = (o.range.start, o.range.end);
        let le = longest_ending.entry(e).or_insert((s, name));
        if s < le.0 {
            *le = (s, name);
        }
        let ls = longest_starting.entry(s).or_insert((e, name));
        if e > ls.0 {
            *ls = (e, name);
        }
    }
    let by_reading = |r: Option<&(usize, bool)>| match r {
        Some((_, false)) => Item::Doubtful,
        Some((_, true)) => Item::Name,
        None => Item::Unjudged,
    };
    let judge = |r: Range<usize>| {
        if r.end - r.start < 2 * sep_len
            || r.end - r.start > MAX_LIST_ITEM_CHARS * sep_len
            || cx.overlaps(&r)
        {
            return Item::Unjudged;
        }
        match spans.get(&(r.start, r.end)) {
            None if !pr.surname_at(text, r.start) => Item::Thing,
            Some(false) => Item::Doubtful,
            _ => Item::Name,
        }
    };
    // Runs of separators joined by their items: a run is a list of things when at least a
    // third of its judged items are things (a name list may hold one rare surname:
    // `廖某、陈某林、何某、原某等`), or when two or more of them are things or doubtful names
    // and they are no fewer than the names (`马蹄莲、林荫道、白玉兰、金银花`: 蹄, 荫 and 花 are
    // no given-name characters).
    let mut marked: HashSet<usize> = HashSet::default();
    let mut run: Vec<usize> = Vec::new();
    let mut tally = [0usize; 3];
    let count = |v: Item, tally: &mut [usize; 3]| match v {
        Item::Thing => tally[0] += 1,
        Item::Doubtful => tally[1] += 1,
        Item::Name => tally[2] += 1,
        Item::Unjudged => {}
    };
    let thing_run = |[things, doubtful, names]: [usize; 3]| {
        (things >= 1 && 2 * things >= names + doubtful) || things + doubtful >= names.max(2)
    };
    for (k, &p) in seps.iter().enumerate() {
        let inner_before =
            k > 0 && han_run_before(p, MAX_LIST_ITEM_CHARS) == Some(seps[k - 1] + sep_len);
        if !inner_before {
            if thing_run(tally) {
                marked.extend(run.iter().copied());
            }
            run.clear();
            tally = [0; 3];
            // the first item: short and opened by punctuation, else the longest reading
            // ending at the separator
            let first = han_run_before(p, 4)
                .filter(|s| *s < p && (*s == 0 || !text[..*s].ends_with(char::is_alphanumeric)))
                .map_or_else(|| by_reading(longest_ending.get(&p)), |s| judge(s..p));
            count(first, &mut tally);
        } else {
            count(judge(seps[k - 1] + sep_len..p), &mut tally);
        }
        run.push(p);
        let next_inner = seps
            .get(k + 1)
            .is_some_and(|&q| han_run_before(q, MAX_LIST_ITEM_CHARS) == Some(p + sep_len));
        if !next_inner {
            let from = p + sep_len;
            let bounded = han_run_after(from, 5).and_then(|end| {
                let closed = text[from..end].strip_suffix('等').map(|t| from + t.len());
                let (end, max) = closed.map_or((end, 3), |e| (e, 4));
                (end - from <= max * sep_len).then_some(end)
            });
            // the last item: short, closed by punctuation or 等, else the longest reading
            // starting after the separator
            count(
                bounded.map_or_else(
                    || by_reading(longest_starting.get(&from)),
                    |end| judge(from..end),
                ),
                &mut tally,
            );
        }
    }
    if thing_run(tally) {
        marked.extend(run.iter().copied());
    }
    if marked.is_empty() {
        return out;
    }
    for (i, o) in opts.iter().enumerate() {
        out[i] = marked.contains(&o.range.end)
            || o.range
                .start
                .checked_sub(sep_len)
                .is_some_and(|p| marked.contains(&p));
    }
    out
}

/// A full plausible name that opens with a listed word (`王国|X`, `高明|X`: not_person.txt)
/// still joins a list when it fills an item exactly: a `、` before it and a `、` or `等` after
/// it (`、王国栋、`). Elsewhere the word wins (`该王国章程`).
fn fills_list_item(text: &str, o: &Opt) -> bool {
    o.common_prefix
        && !o.common_exact
        && !o.weak
        && o.given_len == 2
        && o.plausible
        && text[..o.range.start].ends_with('、')
        && (text[o.range.end..].starts_with('、') || text[o.range.end..].starts_with('等'))
}

/// Names in lists: `、`/`和` next to a confirmed name, or a `、` list closed by `等`.
fn enumerations(
    cx: &Ctx,
    opts: &[Opt],
    things: &[bool],
    accepted: &mut [bool],
    out: &mut Vec<Candidate>,
) {
    let text = cx.text;
    // Readings by start and by end: sorted (offset, index) pairs, looked up by binary search
    // (a map of vectors cost two small allocations per reading).
    let mut by_start: Vec<(usize, usize)> = Vec::with_capacity(opts.len());
    let mut by_end: Vec<(usize, usize)> = Vec::with_capacity(opts.len());
    for (i, o) in opts.iter().enumerate() {
        by_start.push((o.range.start, i));
        by_end.push((o.range.end, i));
    }
    by_start.sort_unstable();
    by_end.sort_unstable();
    fn at(v: &[(usize, usize)], k: usize) -> Option<&[(usize, usize)]> {
        let from = v.partition_point(|p| p.0 < k);
        let n = v[from..].partition_point(|p| p.0 == k);
        (n > 0).then(|| &v[from..from + n])
    }
    let eligible = |o: &Opt| {
        (o.plausible || o.signal() >= TITLE)
            && !o.weak
            && !o.common_exact
            && (!o.common_prefix || fills_list_item(text, o))
    };
    // A reading accepted by its shape alone (no title, verb or context word next to it:
    // `的马蹄莲、`) confirms no neighbour: in a list of things (`林荫道、马蹄莲、黄花菜`) one
    // name-shaped noun would make every member a person. Members confirmed through the list
    // confirm their neighbours in turn.
    let mut vouches: Vec<bool> = opts
        .iter()
        .enumerate()
        .map(|(j, o)| accepted[j] && o.signal() >= 2)
        .collect();
    let sep_after = |e: usize| {
        LIST_SEPS
            .iter()
            .find(|s| text[e..].starts_with(**s))
            .copied()
    };
    let sep_before = |s: usize| LIST_SEPS.iter().find(|p| text[..s].ends_with(**p)).copied();
    // A list closed by 等: the member before 等 and its `、` neighbour confirm each other.
    let mut closed = vec![false; opts.len()];
    for (i, o) in opts.iter().enumerate() {
        if eligible(o)
            && !things[i]
            && text[o.range.end..].starts_with('等')
            && sep_before(o.range.start).is_some()
        {
            closed[i] = true;
        }
    }
    // Propagate along the list: a few rounds cover lists of any practical length.
    // (The separators around each reading are looked up once, not once per round.)
    let mut seps: Vec<Option<(Option<&str>, Option<&str>)>> = vec![None; opts.len()];
    for _ in 0..4 {
        let mut changed = false;
        for (i, o) in opts.iter().enumerate() {
            // A full name whose given name we cannot vouch for (`赵无极`) may still join a `、`
            // list right next to an accepted member.
            let loose =
                !eligible(o) && o.given_len == 2 && !o.weak && !o.common_exact && !o.common_prefix;
            if accepted[i] || !(eligible(o) || loose) {
                continue;
            }
            let mut hit = closed[i] && !loose;
            let confirmed = |v: Option<&[(usize, usize)]>, adjacent: bool| {
                v.is_some_and(|v| {
                    v.iter().any(|&(_, j)| {
                        // (names written back to back vouch for each other by shape: a list
                        // of things is written with separators)
                        (vouches[j] || (adjacent && accepted[j]) || closed[j])
                            // names written back to back (`黄某陈某华出席`) must both be
                            // plausible full names
                            && (!adjacent || (opts[j].plausible && !opts[j].weak))
                    })
                })
            };
            let (after, before) =
                *seps[i].get_or_insert_with(|| (sep_after(o.range.end), sep_before(o.range.start)));
            let next = o.range.end + after.map_or(0, str::len);
            let prev = o.range.start - before.map_or(0, str::len);
            if loose {
                let accepted_at = |v: Option<&[(usize, usize)]>| {
                    v.is_some_and(|v| {
                        v.iter()
                            .any(|&(_, j)| accepted[j] && opts[j].given_len == 2)
                    })
                };
                hit |= (after == Some("、") && accepted_at(at(&by_start, next)))
                    || (before == Some("、") && accepted_at(at(&by_end, prev)));
            } else {
                hit |= confirmed(at(&by_start, next), after.is_none());
                hit |= confirmed(at(&by_end, prev), before.is_none());
            }
            let adjacent_only = after.is_none() && before.is_none() && !closed[i];
            if adjacent_only && (!o.plausible || o.weak) {
                continue;
            }
            // The list link only works when the name ends at a separator, 等, another name
            // or a boundary.
            let ends_ok = after.is_some()
                || text[o.range.end..].starts_with('等')
                || at(&by_start, o.range.end).is_some()
                || o.right >= 1;
            let starts_ok = o.left >= 1 || before.is_some() || at(&by_end, o.range.start).is_some();
            if hit && ends_ok && starts_ok {
                accepted[i] = true;
                vouches[i] = true;
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

/// Lists of names without context (`王某、李某、张某`, or written back to back in name lists:
/// `李某某王某某张某某`): three or more plausible names linked by `、`, nothing, or a short
/// note in brackets (`（女）`, `（藏族）`) are read as a list of people. Two are enough when one
/// of them is accepted already or the list is closed by `等` or a verb.
fn chains(
    cx: &Ctx,
    opts: &[Opt],
    things: &[bool],
    accepted: &mut [bool],
    out: &mut Vec<Candidate>,
) {
    let text = cx.text;
    let eligible = |o: &Opt| {
        o.shape >= 1
            && !o.common_exact
            && (!o.common_prefix || fills_list_item(text, o))
            && (!o.weak || o.plausible)
    };
    let mut order: Vec<usize> = (0..opts.len()).filter(|&i| eligible(&opts[i])).collect();
    order.sort_by_key(|&i| (opts[i].range.start, opts[i].range.end));
    // (`by_end` is only looked up, `best` iterated only to be sorted by a total order below:
    // both are sized for every reading at once, so they do not rehash as they grow.)
    let mut by_end: HashMap<usize, Vec<usize>> =
        HashMap::with_capacity_and_hasher(order.len(), Default::default());
    // (chain value, members, predecessor). The value prefers longer names for the same text
    // (`李某某王某某` over `李某` + `某王某` …): each member is worth 10 per character minus 4.
    let value = |o: &Opt| 10 * (1 + o.given_len as i32) - 4;
    let mut best: HashMap<usize, (i32, usize, Option<usize>)> =
        HashMap::with_capacity_and_hasher(order.len(), Default::default());
    // Readings that are exactly a compound surname (`夏侯`, `欧阳` read as 夏 + 侯): back to back
    // with the next reading they are the surname of one name (`夏侯明某先生`), not a name
    // followed by another (`夏侯` + `明某`).
    let compound: HashSet<(usize, usize)> = opts
        .iter()
        .filter(|o| text[o.range.start..o.sur_end].chars().count() == 2)
        .map(|o| (o.range.start, o.sur_end))
        .collect();
    for &i in &order {
        let o = &opts[i];
        let s = o.range.start;
        let mut links: Vec<(usize, bool)> = vec![(s, true)];
        if text[..s].ends_with('、') {
            links.push((s - '、'.len_utf8(), false));
        }
        if text[..s].ends_with('）')
            && let Some(open) = text[..s].rfind('（')
            && text[open..s].chars().count() <= 6
        {
            links.push((open, false));
        }
        let mut me = (value(o), 1, None);
        for (end, adjacent) in links {
            for &p in by_end.get(&end).into_iter().flatten() {
                let po = &opts[p];
                // back to back, each name must read as a name on its own, and the later one
                // must not end in a function word (`欧阳德华亦有出席` is no 欧阳德 + 华亦)
                // A weak surname (weak=1: 信, 洪) back to back needs a two-character given
                // name: `罗布汝信汤洪高` holds no 信汤 + 洪高.
                let solid = |x: &Opt| {
                    (x.plausible && (!x.weak || x.mild || x.given_len == 2))
                        || (x.given_len == 2 && !x.weak)
                };
                let tail_stop = text[..o.range.end]
                    .chars()
                    .next_back()
                    .is_some_and(|c| CHAIN_TAIL_STOPS.has(c));
                let surname_only = compound.contains(&(po.range.start, po.range.end));
                if adjacent && (!(solid(po) && solid(o)) || tail_stop || surname_only) {
                    continue;
                }
                let (pv, pn, _) = best.get(&p).copied().unwrap_or((value(po), 1, None));
                if pv + value(o) > me.0 {
                    me = (pv + value(o), pn + 1, Some(p));
                }
            }
        }
        best.insert(i, me);
        by_end.entry(o.range.end).or_default().push(i);
    }
    let mut ends: Vec<usize> = best
        .iter()
        .filter(|(_, b)| b.1 >= 2)
        .map(|(i, _)| *i)
        .collect();
    // `best` is a HashMap: break ties by option index so the order (and the output) does not
    // depend on its random iteration order.
    ends.sort_by_key(|i| (std::cmp::Reverse(best[i].0), opts[*i].range.start, *i));
    let mut used: Vec<Range<usize>> = Vec::new();
    for e in ends {
        let mut members = vec![e];
        let mut cur = e;
        while let Some(Some(p)) = best.get(&cur).map(|b| b.2) {
            members.push(p);
            cur = p;
        }
        let first = &opts[*members.last().unwrap_or(&e)];
        let last = &opts[e];
        // A list must start and end at a boundary (or a title / context word); a long one
        // may be cut at a name we cannot read, so four or more names need one boundary and
        // five or more none.
        let bounds = (first.left >= 1) as usize + (last.right >= 1) as usize;
        let needed = match members.len() {
            0..=3 => 2,
            4 => 1,
            _ => 0,
        };
        if bounds < needed {
            continue;
        }
        let closed = last.right >= 2 || members.iter().any(|&m| accepted[m]);
        if members.len() < 3 && !closed {
            continue;
        }
        // A list of things (`马蹄莲、林荫道、白玉兰`) holds people only when one member has a
        // title, verb or context word of its own, or a verb closes the list.
        if members.iter().any(|&m| things[m])
            && last.right < 2
            && !members
                .iter()
                .any(|&m| accepted[m] && opts[m].signal() >= 2)
        {
            continue;
        }
        if members.iter().any(|&m| {
            used.iter()
                .any(|u| u.start < opts[m].range.end && opts[m].range.start < u.end)
        }) {
            continue;
        }
        for &m in &members {
            used.push(opts[m].range.clone());
            // Members already accepted are pushed again with the list bonus, so that the list
            // reading beats an overlapping longer one (`记者贾某陈某` is 贾某 + 陈某).
            {
                accepted[m] = true;
                out.push(Candidate::new(
                    Label::Person,
                    opts[m].range.clone(),
                    ENUMERATION,
                    BASE + opts[m].score() + 3,
                ));
            }
        }
    }
}

/// A plausible full name that recurs in the document (three times or more, at least twice
/// ending at a boundary) is a person the document is about (`樊某…樊某的藏品…对樊某来说`).
fn recurring(cx: &Ctx, opts: &[Opt], accepted: &mut [bool], out: &mut Vec<Candidate>) {
    let text = cx.text;
    let mut by_text: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, o) in opts.iter().enumerate() {
        if o.shape >= 1
            && !o.weak
            && !o.common_exact
            && !o.common_prefix
            && (o.plausible || o.given_len == 2)
        {
            by_text.entry(&text[o.range.clone()]).or_default().push(i);
        }
    }
    let mut names: Vec<(&str, Vec<usize>)> = by_text.into_iter().collect();
    names.sort();
    for (_, occ) in names {
        let ended = occ.iter().filter(|&&i| opts[i].right >= 1).count();
        if occ.len() < 3 || ended < 2 {
            continue;
        }
        for i in occ {
            let o = &opts[i];
            if !accepted[i] && (o.left >= 1 || o.right >= 1) {
                accepted[i] = true;
                out.push(Candidate::new(
                    Label::Person,
                    o.range.clone(),
                    REPEAT,
                    BASE + o.score() + 1,
                ));
            }
        }
    }
}

/// Transliterated names: `X·Y` anywhere, and transliteration runs next to a title or verb.
fn foreign_names(pr: &PersonRules, cx: &Ctx, out: &mut Vec<Candidate>) {
    let text = cx.text;
    let tl = |c: char| pr.translit.contains(&c);
    // X·Y(·Z): each part is a run of transliteration characters; the last part may be any
    // short run of Chinese characters that ends at a boundary (`达恩·蒂雄，`).
    let is_dot = |c: char| DOTS.has(c);
    let mut i = 0;
    // (the next dot at or after `i`: the dots were found by the document's one walk)
    let dots = &cx.scan.dots;
    while let Some(&dot) = dots.get(dots.partition_point(|&d| d < i)) {
        let after_dot = dot + text[dot..].chars().next().map_or(1, char::len_utf8);
        let head: usize = text[..dot]
            .chars()
            .rev()
            .take_while(|&c| tl(c) && is_han(c))
            .map(char::len_utf8)
            .sum();
        let mut start = dot - head;
        // The first part may hold characters outside the transliteration set (`亚当·`,
        // `理查德·`, `育亭·`): when the run does not start at a boundary, take up to four name
        // characters back to a title, or, with no transliteration run at all, back to a title
        // or punctuation. Only after a real middle dot: hyphens and full stops join words too.
        let middle_dot = text[dot..].starts_with(['·', '•', '・']);
        if middle_dot && (head == 0 || cx.left_score(start) < 1) {
            let mut s = dot;
            for (k, c) in text[..dot].chars().rev().take(4).enumerate() {
                if !pr.given_possible(c) {
                    break;
                }
                s -= c.len_utf8();
                // not an opening quote or title mark: `“书香·港情”` names an event or a work
                let punct = cx.prev_char(s).is_none_or(|p| {
                    matches!(
                        p,
                        '，' | '、' | '。' | '：' | '；' | '！' | '？' | '（' | '(' | '\n' | ' '
                    )
                });
                // back to punctuation: with no transliteration run before the dot, or over a
                // part that itself opens with a transliteration character (`、阿依古丽·`: a
                // Uyghur name with one character outside the set; `，市民约翰·` stays out)
                let opens_translit = text[s..].chars().next().is_some_and(tl);
                if k >= 1
                    && (cx.marks.has(s, Marks::ROLE_END)
                        || (punct && (head == 0 || opens_translit)))
                {
                    start = s;
                    break;
                }
            }
        }
        if start == dot {
            i = after_dot;
            continue;
        }
        let mut end = dot;
        // extend over `·part` as long as parts are transliteration runs
        while let Some(d) = text[end..].chars().next().filter(|&c| is_dot(c)) {
            let part_start = end + d.len_utf8();
            // a run of transliteration characters, ending where a verb starts (`米勒|提出`:
            // 提 is a transliteration character too)
            let mut part = 0;
            for c in text[part_start..].chars() {
                if !(tl(c) && is_han(c))
                    || (part > 0 && cx.after.contains_key(&(part_start + part)))
                {
                    break;
                }
                part += c.len_utf8();
            }
            // the last part may run on over name characters, never over a verb, an
            // honorific or a function word (`科恩执导`, `罗斯的`)
            let mut han = 0;
            for c in text[part_start..].chars().take(4) {
                let at = part_start + han;
                let beyond = han >= part;
                // a transliteration character counts even where Chinese given names avoid it,
                // when it ends the part (`买买提表示`: 提 is no Chinese given-name character;
                // `史密斯提出` keeps its verb)
                let next = at + c.len_utf8();
                let ends_part = text[next..].chars().next().is_none_or(|n| !is_han(n))
                    || cx.after.contains_key(&next);
                if !(pr.given_possible(c) || (tl(c) && ends_part))
                    || (beyond && (cx.after.contains_key(&at) || RIGHT_BOUNDARY.has(c)))
                {
                    break;
                }
                han += c.len_utf8();
            }
            let han_end = part_start + han;
            if han > part && cx.right_score(han_end) >= 1 && !text[han_end..].starts_with(is_dot) {
                end = han_end;
                break;
            }
            if part == 0 {
                break;
            }
            end = part_start + part;
        }
        if end > dot {
            let r = start..end;
            // A name cut inside a word one character from its end (`让.米|歇尔`, `安|徒生`,
            // `歇|尔.雅尔`) is no name: the parts we could read do not reach a boundary.
            let last_part = text[..end]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| !is_dot(c))
                .count();
            let first_part = text[start..dot].chars().count();
            let cut = (last_part == 1 && cx.right_score_plain(end) < 1)
                || (first_part == 1 && cx.left_score(start) < 1);
            // a thing named after the person follows (`X·Y大桥`, `X·Y大街`): part of its name
            let named_thing = cx.right_score_plain(end) <= -TITLE;
            if !cut && !named_thing && !cx.overlaps(&r) && !cx.common.contains_key(&start) {
                out.push(Candidate::new(Label::Person, r, TRANSLITERATED, BASE + 8));
            }
            i = end;
        } else {
            i = after_dot;
        }
    }
    // Runs of transliteration characters: three or more with a title before or a verb/title
    // after; two with a title before, or with a boundary before and a verb after.
    let opens_clause = |s: usize| {
        cx.prev_char(s)
            .is_none_or(|c| !is_han(c) && !c.is_ascii_alphanumeric())
    };
    let flush = |s: usize, e: usize, n: usize, out: &mut Vec<Candidate>| {
        // a run opening with a function word that is also a transliteration character
        // (`让米特勒萌生`): the function word is no part of the name
        let (s, n) = match text[s..].chars().next() {
            Some(c) if n >= 3 && LEFT_BOUNDARY.has(c) => (s + c.len_utf8(), n - 1),
            _ => (s, n),
        };
        if n < 2 {
            return;
        }
        // One part of a dotted name (`X·Y`: read by the dotted pass, or cut there on purpose),
        // or glued to a Latin-script word (`Xhierapolis`: a name of a place or thing given in
        // both scripts, no boundary): not a name on its own.
        let middle_dot = |c: char| matches!(c, '·' | '•' | '・');
        if cx
            .next_char(e)
            .is_some_and(|c| middle_dot(c) || c.is_ascii_alphabetic())
            || cx.prev_char(s).is_some_and(middle_dot)
        {
            return;
        }
        // a nationality before a foreign name is as good as a title (`葡萄牙人X`)
        let plain_left = cx.left_score(s);
        let by_nationality = plain_left < TITLE && cx.nationality_before(s);
        let left = if by_nationality { TITLE } else { plain_left };
        // a common word right after the run does not end it (`X国际艺术中心` is an organization)
        let mut right = cx.right_score_plain(e);
        // a creator before the title of a work (`，X《…》`)
        if n >= 3 && text[e..].starts_with('《') {
            right = right.max(3);
        }
        let marked = text[s..e]
            .chars()
            .filter(|c| pr.translit_marked.contains(c))
            .count();
        let ok = if n >= 3 {
            left >= TITLE
                || (right >= 3 && left >= 1)
                || right >= TITLE
                // a bare run between boundaries, clearly foreign (`，斯帕莱蒂的`)
                || (left >= 1 && right >= 1 && marked >= 1 && marked * 2 >= n.min(4))
        } else {
            // two: a title before, or a clearly foreign pair between a boundary and a verb
            // (`（耶茨执导`)
            (left >= TITLE && right >= 1)
                || (left >= 1 && right >= 3 && marked >= 1)
                // an age or 作为 + title after it (`，X已经89岁`, `而X作为主帅`): only a person
                || (left >= 1 && (cx.age_after(e) || cx.as_title_after(e)))
                // a clause opening with the pair and a creator's work after it (`、X的《…》`,
                // `，X的作品`): a person-only frame
                || (opens_clause(s) && (cx.frame_after.contains(&e) || text[e..].starts_with("的《")))
        };
        if ok {
            let r = s..e;
            let common = cx
                .common
                .get(&s)
                .is_some_and(|ends| ends.iter().any(|&x| x >= e));
            if !cx.overlaps(&r) && !common {
                let rule = if by_nationality { NATIONALITY } else { FOREIGN };
                out.push(Candidate::new(
                    Label::Person,
                    r,
                    rule,
                    BASE + left + right - 1,
                ));
            }
        }
    };
    // (the runs were found by the document's one walk: `CharScan`)
    for &(s, e, n) in &cx.scan.runs {
        flush(s, e, n, out);
    }
    // Latin-script names in Chinese text, with a title before or a verb after.
    if let Some(re) = &pr.latin {
        for m in re.find_iter(text) {
            let Some(r) = latin_name_words(cx, m.range()) else {
                continue;
            };
            // inside a longer token (`Take-Two`, `CEO_Smith`) it is no name of its own
            let bad_edge = |c: Option<char>| {
                c.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '&' | '.'))
            };
            if bad_edge(cx.prev_char(r.start)) || bad_edge(cx.next_char(r.end)) {
                continue;
            }
            // a one-word name needs three letters or more (`Mr`, `Co` are no names)
            let words = text[r.clone()].split(' ').count();
            if words == 1 && r.len() < 3 {
                continue;
            }
            // a name set off by spaces (`聘请 Ivan Petrov 领导`) is read against the words
            // beyond them
            let s = text[..r.start].trim_end_matches(' ').len();
            let e = text.len() - text[r.end..].trim_start_matches(' ').len();
            let (left, mut right) = (cx.left_score(s), cx.right_score(e));
            // an adverb between the name and its verb (`David Chen已辞任`, `X亦表示`)
            if right < 3 {
                right = right.max(latin_verb_after_adverb(cx, e));
            }
            // a name of two words or more after a verb that names a person as its object
            // (`聘任John Smith为总经理`, `聘请 Ivan Petrov 领导`: weight 2) with a boundary after
            // it is a person too
            let object_of_verb = words >= 2 && left >= 2 && right >= 1;
            if (left >= TITLE || right >= 3 || object_of_verb) && !cx.overlaps(&r) {
                out.push(Candidate::new(
                    Label::Person,
                    r,
                    LATIN,
                    BASE + left + right - 1,
                ));
            }
        }
    }
}

/// Adverbs that may stand between a Latin-script name and its verb (`David Chen已辞任`,
/// `X亦表示`), longer words first.
static LATIN_ADVERBS: WordList = WordList::new("words_person", "latin_adverb");

/// Is `w` a Latin word in capitals (`ZHANG`, `PENGFEI`)?
fn all_caps(w: &str) -> bool {
    w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// The name inside a match of the `person.latin` pattern. A word in capitals is a romanized
/// name only beside another name word (`PENGFEI ZHANG`, `ZHANG Wei`): alone it is an
/// acronym or a brand (`CAPCOM`, `IBM`). A capital word at either end that a committed mention
/// holds (`CEO John Smith`: a title), or one with no vowel (`TCL`), is cut off first.
fn latin_name_words(cx: &Ctx, m: Range<usize>) -> Option<Range<usize>> {
    let text = cx.text;
    let mut words: Vec<Range<usize>> = Vec::new();
    let mut at = m.start;
    for w in text[m.clone()].split(' ') {
        words.push(at..at + w.len());
        at += w.len() + 1;
    }
    let acronym = |w: &Range<usize>| {
        let t = &text[w.clone()];
        all_caps(t) && (cx.overlaps(w) || !t.contains(['A', 'E', 'I', 'O', 'U', 'Y']) && t != "NG")
    };
    while words.first().is_some_and(acronym) {
        words.remove(0);
    }
    while words.last().is_some_and(acronym) {
        words.pop();
    }
    let (first, last) = (words.first()?, words.last()?);
    let caps = words
        .iter()
        .filter(|w| all_caps(&text[(*w).clone()]))
        .count();
    if caps > 0 && (words.len() < 2 || words.iter().any(acronym)) {
        return None;
    }
    Some(first.start..last.end)
}

/// The weight of a verb after one or two adverbs at `e` (`已辞任`, `亦已表示`), else 0.
fn latin_verb_after_adverb(cx: &Ctx, e: usize) -> i32 {
    let mut p = e;
    for _ in 0..2 {
        let Some(a) = LATIN_ADVERBS.iter().find(|a| cx.text[p..].starts_with(**a)) else {
            return 0;
        };
        p += a.len();
        if let Some(&w) = cx.after.get(&p)
            && w >= 3
        {
            return w;
        }
    }
    0
}

/// Characters that never stand in a name framed only by an honorific: classifiers, numerals,
/// demonstratives and the words for old/young/male/female (`这位先生`, `一位女士`, `老同志`).
static NOT_IN_FRAMED_NAME: CharSet =
    CharSet::new("位名个一二三四五六七八九十几两各诸每这那此其某老男女年轻全");

/// Honorifics that frame a name on their own (`之子`, `夫妇` follow other nouns too).
static HONORIFICS: WordList = WordList::new("words_person", "honorific");

/// A name with no surname we know, framed by a boundary before it and an honorific right
/// after it (`，开某先生`, `的火某胜先生`, `小平同志`, `达宁先生`): two or three Chinese
/// characters. Surname readings of the same text are scored by the main pass and win when
/// they are accepted (their priority is higher).
fn honorific_frames(pr: &PersonRules, cx: &Ctx, out: &mut Vec<Candidate>) {
    let text = cx.text;
    let mut ends: Vec<(usize, RuleId)> = cx
        .after
        .iter()
        .filter(|&(&e, &w)| {
            w >= TITLE
                && !cx.marks.has(e, Marks::ROLE_START)
                && HONORIFICS.iter().any(|h| text[e..].starts_with(h))
        })
        .map(|(&e, _)| (e, HONORIFIC))
        .chain(cx.frame_after.iter().map(|&e| (e, PERSON_ONLY)))
        .collect();
    ends.sort_unstable_by_key(|&(e, _)| e);
    for (e, rule) in ends {
        let before: Vec<(usize, char)> = text[..e].char_indices().rev().take(3).collect();
        // `接替陈先生`: a strong surname right before the honorific addresses the person by
        // surname; the characters before it are no name
        let last_is_surname = before.first().is_some_and(|&(p, c)| {
            pr.surnames
                .find_all(&text[p..e])
                .any(|(r, en)| r.start == 0 && r.end == c.len_utf8() && en.attr("weak").is_none())
        });
        for n in [3, 2] {
            let Some(&(s, _)) = before.get(n - 1) else {
                continue;
            };
            // a person-only word (`的作品`, `逝世`) follows nouns and pronouns too (`在自己的作品中`,
            // `词人的作品`): the name must open the clause (punctuation, a digit or the start)
            let opens = rule == HONORIFIC
                || cx
                    .prev_char(s)
                    .is_none_or(|c| !is_han(c) && !c.is_ascii_alphabetic());
            if (last_is_surname && rule == HONORIFIC)
                || !opens
                || cx.left_score(s) < 1
                || !framed_name_ok(pr, cx, s..e)
            {
                continue;
            }
            out.push(Candidate::new(Label::Person, s..e, rule, BASE + 3));
            break;
        }
    }
}

/// The longest given name a Japanese name may carry (`由美子`, `健太郎`), in characters.
const MAX_JAPANESE_GIVEN: usize = 3;

/// Characters that end no Chinese given name (`given_name_bad_chars.txt`) but open or fill
/// common Japanese ones (`由美子`, `由纪`).
/// Session 25 (entities): 司 ends common Japanese given names (`诚司`, `健司`, `浩司`) though
/// Chinese ones avoid it (`公司`).
static JAPANESE_GIVEN_CHARS: CharSet = CharSet::new("由司");

/// `person.japanese`: a common Japanese surname (`japanese_surnames.txt`: two characters or
/// more, 佐藤, 高桥, 佐佐木) and a given name of one to three characters (`健一`, `由美子`)
/// that Chinese given names would not cover, confirmed by a title before it (`常务董事佐藤明一`)
/// and a boundary, verb or title after it, or by a title or honorific after it
/// (`铃木一郎社长`, `田中由美子女士`), or by a list row ending in a title
/// (`3. 田中真穗　X株式会社　执行役员`). The given name is read at the length the best right
/// neighbour closes (`铃木一郎|致辞`, `高桥由美子|出席`); a name inside a committed mention
/// (a company named after its founder) is none.
///
/// Returns each reading with the end of its surname, for [`aliases`] (`佐藤社长`, `铃木先生`).
fn japanese_names(
    pr: &PersonRules,
    cx: &Ctx,
    out: &mut Vec<Candidate>,
) -> Vec<(Range<usize>, usize)> {
    let text = cx.text;
    let mut read = Vec::new();
    for (sr, _) in pr.japanese_surnames.find_all(text) {
        if cx.overlaps(&sr) {
            continue;
        }
        let left = cx.left_score(sr.start);
        // a Latin letter or digit glued before it makes it part of a token
        if cx
            .prev_char(sr.start)
            .is_some_and(|c| c.is_ascii_alphanumeric())
        {
            continue;
        }
        // (end, right score) of the best reading: the highest right score, the longest of equals
        let mut best: Option<(usize, i32)> = None;
        let mut end = sr.end;
        for (k, c) in text[sr.end..].chars().take(MAX_JAPANESE_GIVEN).enumerate() {
            // a verb or title starts here: the given name has ended
            if k > 0
                && (cx.after.get(&end).is_some_and(|&w| w >= 3)
                    || cx.marks.has(end, Marks::ROLE_START))
            {
                break;
            }
            if !(pr.given_possible(c) || (is_han(c) && JAPANESE_GIVEN_CHARS.has(c))) {
                break;
            }
            end += c.len_utf8();
            if cx.overlaps(&(sr.start..end)) {
                break;
            }
            let mut right = cx.right_score(end);
            // `3. 田中真穗　X株式会社　执行役员`: a list row whose columns end in a title
            if right < TITLE && cx.list_row_title(sr.start, end) {
                right = TITLE;
            }
            let ok = (left >= TITLE && right >= 1) || right >= TITLE;
            if ok && best.is_none_or(|(_, r)| right >= r) {
                best = Some((end, right));
            }
        }
        let Some((e, right)) = best else {
            continue;
        };
        let r = sr.start..e;
        // a listed word (`田中央`, `中村民`) is no name
        if pr.not_person.contains(&text[r.clone()]) {
            continue;
        }
        read.push((r.clone(), sr.end));
        out.push(Candidate::new(
            Label::Person,
            r,
            JAPANESE,
            BASE + left + right + 2,
        ));
    }
    read
}

/// Words that open a byline (`本报记者X`, `（实习编辑X）`, `通讯员X报道`): the person who wrote or
/// edited the piece follows them.
static BYLINE_WORDS: WordList = WordList::new("words_person", "byline_word");
/// What may stand right before a byline word: a newspaper's self-reference or a qualifier
/// (besides punctuation and the start of the text).
static BYLINE_OPENERS: WordList = WordList::new("words_person", "byline_opener");
/// What ends a byline name besides the end of the text and punctuation other than a comma,
/// colon or full stop (a closing bracket, a space, a line break, 、).
static BYLINE_CLOSERS: WordList = WordList::new("words_person", "byline_closer");
/// The first characters of the byline words: where a byline can start (one bit test per
/// character in `CharScan`'s walk instead of a comparison per word).
static BYLINE_HEADS: std::sync::LazyLock<CharSet> =
    std::sync::LazyLock::new(|| CharSet::first_chars(&BYLINE_WORDS));

/// A byline: a reporter or editor word at the start of the text, after punctuation or after
/// 本报/本台/特约 (`本报记者X`, `（记者X）`, `通讯员X报道`), then two or three name characters
/// (as for honorific frames) closed by a bracket, space, line break, 、, the end of the text or
/// 报道/摄/发自 — not by a comma or full stop, which follow a reporter's verb. A name
/// with no known surname is read too: bylines often give pen names.
fn bylines(pr: &PersonRules, cx: &Ctx, out: &mut Vec<Candidate>) {
    let text = cx.text;
    let punct = |c: char| !is_han(c) && !c.is_ascii_alphanumeric();
    // Only where a byline word can start (`CharScan::byline_heads`).
    for &i in &cx.scan.byline_heads {
        let Some(w) = BYLINE_WORDS.iter().find(|w| text[i..].starts_with(**w)) else {
            continue;
        };
        let opened = cx.prev_char(i).is_none_or(punct)
            || BYLINE_OPENERS.iter().any(|o| text[..i].ends_with(o));
        if !opened {
            continue;
        }
        let s = i + w.len();
        let name: Vec<(usize, char)> = text[s..].char_indices().take(3).collect();
        for n in [3, 2] {
            let Some(&(off, c)) = name.get(n - 1) else {
                continue;
            };
            let e = s + off + c.len_utf8();
            // not a comma or full stop: `记者获悉，`, `记者了解到。` are the reporter's verbs
            let closed = cx.next_char(e).is_none_or(|c| {
                punct(c) && !matches!(c, '，' | ',' | '。' | '：' | ':' | '；' | ';' | '！' | '？')
            }) || BYLINE_CLOSERS.iter().any(|w| text[e..].starts_with(w));
            if closed && name[..n].iter().all(|&(_, c)| is_han(c)) && framed_name_ok(pr, cx, s..e) {
                out.push(Candidate::new(Label::Person, s..e, BYLINE, BASE + 3));
                break;
            }
        }
    }
}

/// Can the two or three characters of `r`, framed by a boundary and an honorific, be a name
/// with no known surname? Name characters only (no classifier, numeral, demonstrative, 老/男/女),
/// not opening with a function word or inside a word, not a common word, no context word.
fn framed_name_ok(pr: &PersonRules, cx: &Ctx, r: Range<usize>) -> bool {
    let name = &cx.text[r.clone()];
    let Some(first) = name.chars().next() else {
        return false;
    };
    let two = name.chars().count() == 2;
    name.chars()
        .all(|c| pr.given_possible(c) && !NOT_IN_FRAMED_NAME.has(c))
        && !LEFT_BOUNDARY.has(first)
        && !cx.inside_word(r.start)
        && !cx.prev_char(r.start).is_some_and(|c| DOTS.has(c))
        && !cx.overlaps(&r)
        && !cx.common.get(&r.start).is_some_and(|v| v.contains(&r.end))
        && !(two && (pr.common_words.contains(name) || pr.framed_not_names.contains(name)))
        && !cx.context_word_overlaps(r)
}

/// A word read right before or after a team word (`X主场`, `XvsY`) names a team: its other
/// readings in the document are no people either (`XvsY：X打弱旅…`), unless a title stands
/// next to them or the user declared the name.
fn drop_teams(cx: &Ctx, cands: &mut Vec<Candidate>) {
    if cx.team_words.is_empty() {
        return;
    }
    // every two to six characters right before or after a team word
    let text = cx.text;
    let mut teams: HashSet<&str> = HashSet::default();
    for t in &cx.team_words {
        let mut s = t.start;
        for (n, c) in text[..t.start].chars().rev().take(6).enumerate() {
            s -= c.len_utf8();
            if n >= 1 {
                teams.insert(&text[s..t.start]);
            }
        }
        let mut e = t.end;
        for (n, c) in text[t.end..].chars().take(6).enumerate() {
            e += c.len_utf8();
            if n >= 1 {
                teams.insert(&text[t.end..e]);
            }
        }
    }
    cands.retain(|c| {
        matches!(c.rule, LEXICON | TITLE_BEFORE | TITLE_AFTER | TITLE_WEI)
            || !teams.contains(&cx.text[c.range.clone()])
    });
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
    // Winners are disjoint: keyed by start, the only one that can overlap `r` is the last one
    // starting before `r.end` (one ordered-map lookup, not a scan of all winners).
    let mut won: BTreeMap<usize, usize> = BTreeMap::new();
    for i in idx {
        let r = &cands[i].range;
        if r.is_empty() {
            continue; // commit drops empty candidates too
        }
        if won
            .range(..r.end)
            .next_back()
            .is_none_or(|(_, &end)| end <= r.start)
        {
            won.insert(r.start, r.end);
        }
    }
    won.into_iter().map(|(s, e)| s..e).collect()
}

/// Does `r` overlap one of `winners` (disjoint, sorted by start)?
fn overlaps_winner(winners: &[Range<usize>], r: &Range<usize>) -> bool {
    let i = winners.partition_point(|w| w.end <= r.start);
    winners.get(i).is_some_and(|w| w.start < r.end)
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
    // All names in one pass (one search per name made this quadratic in document length).
    for (v, pos) in crate::rules::occurrences(&names, text) {
        let name = names[v as usize];
        {
            let r = pos..pos + name.len();
            if overlaps_winner(winners, &r) || cx.overlaps_but_place_head(&r) {
                continue;
            }
            let (l, rt) = (cx.left_score(r.start), cx.right_score(r.end));
            // Not inside a longer word on both sides, nor the start of a thing named after
            // the person (`林某纪念馆`).
            if (l >= 1 || rt >= 1) && rt > -TITLE {
                out.push(Candidate::new(Label::Person, r, REPEAT, BASE + 2 + l + rt));
            }
        }
    }
}

/// `王董事长`, `陈总`: a surname before a title (or 总/董) standing for the one confirmed name
/// with that surname. `廖先生`, `李女士` (a surname right before an honorific, after a boundary)
/// refer back the same way, but only to a name confirmed *before* them: a reporter's byline
/// name later in the text is no antecedent, and an honorific often addresses someone new.
fn aliases(
    pr: &PersonRules,
    cx: &Ctx,
    opts: &[Opt],
    japanese: &[(Range<usize>, usize)],
    winners: &[Range<usize>],
    out: &mut Vec<Candidate>,
) {
    let text = cx.text;
    // surname → full names confirmed with it
    let mut by_surname: HashMap<&str, HashSet<&str>> = HashMap::default();
    // full name → where it is first confirmed
    let mut first_at: HashMap<&str, usize> = HashMap::default();
    // (Japanese readings too: `常务董事佐藤明一…佐藤社长表示`)
    let readings = opts
        .iter()
        .map(|o| (&o.range, o.sur_end))
        .chain(japanese.iter().map(|(r, e)| (r, *e)));
    for (range, sur_end) in readings {
        if winners
            .binary_search_by_key(&range.start, |w| w.start)
            .is_ok_and(|i| winners[i] == *range)
        {
            let full = &text[range.clone()];
            by_surname
                .entry(&text[range.start..sur_end])
                .or_default()
                .insert(full);
            let at = first_at.entry(full).or_insert(range.start);
            *at = (*at).min(range.start);
        }
    }
    if by_surname.is_empty() {
        return;
    }
    let japanese_surnames = if japanese.is_empty() {
        None
    } else {
        Some(pr.japanese_surnames.find_all(text))
    };
    for ((sr, _), jp) in pr
        .surnames
        .find_all(text)
        .map(|s| (s, false))
        .chain(japanese_surnames.into_iter().flatten().map(|s| (s, true)))
    {
        let Some(full) = by_surname.get(&text[sr.clone()]) else {
            continue;
        };
        let (1, Some(full)) = (full.len(), full.iter().next()) else {
            continue;
        };
        let rest = &text[sr.end..];
        // `陈总经理` is 陈 + the title 总经理: the role branch takes it.
        let end = if cx.marks.has(sr.end, Marks::ROLE_START) {
            sr.end
        } else if jp
            && *full != &text[sr.clone()]
            && cx.left_score(sr.start) >= 1
            && cx.right_score_plain(sr.end) >= JAPANESE_SURNAME_VERB
            && first_at.get(full).is_some_and(|&at| at < sr.start)
        {
            // `佐藤恒治出席…。佐藤表示`: Japanese news names a person by the surname alone
            // once the full name is known; a speech or action verb after it (or an age)
            // and a boundary before it say the surname is that person here.
            sr.end
        } else if HONORIFICS.iter().any(|h| rest.starts_with(h)) {
            // `廖先生，52岁，现任…`: the span is the surname, as before a title; the name
            // must have been confirmed before, and the surname must open its word
            if first_at.get(full).is_none_or(|&at| at >= sr.start) || cx.left_score(sr.start) < 1 {
                continue;
            }
            sr.end
        } else if (rest.starts_with('总') || rest.starts_with('董'))
            && !rest[3..].starts_with(|c: char| {
                matches!(
                    c,
                    '结' | '体'
                        | '部'
                        | '额'
                        | '计'
                        | '量'
                        | '数'
                        | '共'
                        | '是'
                        | '之'
                        | '统'
                        | '的'
                        | '和'
                        | '会'
                )
            })
        {
            sr.end + '总'.len_utf8()
        } else {
            continue;
        };
        let r = sr.start..end;
        if overlaps_winner(winners, &r) || cx.overlaps(&r) {
            continue;
        }
        let mut c = Candidate::new(Label::Person, r, ALIAS, BASE + 3);
        c.canonical = Some(full.to_string());
        out.push(c);
    }
}

/// One scored name reading, for tuning rules (`debug_options`).
#[doc(hidden)]
#[derive(Clone, Debug)]
pub struct ReadingDebug {
    pub range: Range<usize>,
    pub left: i32,
    pub right: i32,
    pub shape: i32,
    pub plausible: bool,
    pub weak: bool,
    pub accepted: bool,
}

/// Every scored name reading of a document that has run the entity families before people.
#[doc(hidden)]
pub fn debug_options(doc: &AnnotatedDoc, rules: &Rules) -> Vec<ReadingDebug> {
    let cx = Ctx::new(doc, rules);
    chinese_options(&rules.person, &cx)
        .into_iter()
        .map(|o| ReadingDebug {
            accepted: o.accepted(),
            range: o.range,
            left: o.left,
            right: o.right,
            shape: o.shape,
            plausible: o.plausible,
            weak: o.weak,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_japanese_surname_alone_before_a_verb_refers_back() {
        // session 25: `铃木表示` after the full name was confirmed
        let t = "社长铃木康介出席发布会。铃木表示，将扩大在华投资。";
        let got = crate::extract::org::tests::mentions_of(t, crate::extract::Label::Person);
        assert!(
            got.iter()
                .any(|m| m.text == "铃木" && m.name == "铃木康介" && m.rule == super::ALIAS),
            "{got:?}"
        );
        // before the full name: nobody yet
        let t = "铃木表示，将扩大投资。社长铃木康介出席发布会。";
        let got = crate::extract::org::tests::mentions_of(t, crate::extract::Label::Person);
        assert!(!got.iter().any(|m| m.text == "铃木"), "{got:?}");
        // a Chinese surname alone never refers back
        let t = "社长王建平出席发布会。王表示，将扩大投资。";
        let got = crate::extract::org::tests::mentions_of(t, crate::extract::Label::Person);
        assert!(!got.iter().any(|m| m.text == "王"), "{got:?}");
        // a Japanese given name ending in 司
        let t = "日本星野精工株式会社社长高桥健司表示，将扩大投资。";
        let got = crate::extract::org::tests::mentions_of(t, crate::extract::Label::Person);
        assert!(got.iter().any(|m| m.name == "高桥健司"), "{got:?}");
    }

    #[test]
    fn every_word_list_has_words() {
        let lists: [&crate::rules::WordList; 16] = [
            &super::LATIN_ADVERBS,
            &super::WORDS_ENDING_IN_SURNAME,
            &super::THING_HEADS,
            &super::POST_FRAME_OPENERS,
            &super::POST_FRAME_LINKS,
            &super::APPOINT_FRAME_OPENERS,
            &super::APPOINT_FRAME_LINKS,
            &super::AS_TITLE,
            &super::AGE_OPENERS,
            &super::TITLE_CHANG_CLOSERS,
            &super::COLUMN_WORDS,
            &super::HONORIFICS,
            &super::BYLINE_WORDS,
            &super::BYLINE_OPENERS,
            &super::BYLINE_CLOSERS,
            &super::LEAD_WORDS,
        ];
        crate::rules::WordList::assert_all_have_words(&lists);
    }

    #[test]
    fn a_char_table_holds_exactly_its_characters() {
        let chars = "斯尔娜a𠀀·\u{FFFF}";
        let t = CharTable::new(chars.chars());
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            assert_eq!(t.contains(&c), chars.contains(c), "{c:?}");
        }
        // the lexicon sets the person rules read
        let lex = crate::rules::LexiconSet::builtin().expect("built-in lexicons");
        let want: HashSet<char> = lex
            .get("transliteration_chars")
            .terms()
            .flat_map(|t| t.chars())
            .collect();
        let t = char_set(&lex, "transliteration_chars");
        assert!(!want.is_empty());
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            assert_eq!(t.contains(&c), want.contains(&c), "{c:?}");
        }
    }

    #[test]
    fn char_sets_hold_exactly_their_characters() {
        let sets: [(&CharSet, &str); 5] = [
            (
                &THING_TAILS,
                "花草树莲菊兰梅竹藤果菜茶叶木林道路街桥园山湖河塔楼亭阁",
            ),
            (
                &CHAIN_TAIL_STOPS,
                "在的与及等也都是就还又将已被把从亦即却不没并只这很",
            ),
            (
                &LEFT_BOUNDARY,
                "如但至今比在由据向对和与及同跟让请把被给是为称说的将等、还也从经令派叫以当了看举随陪见到迎问有即之而后上时像括",
            ),
            (&DOTS, "·•・‧∙-－.．"),
            (
                &NOT_IN_FRAMED_NAME,
                "位名个一二三四五六七八九十几两各诸每这那此其某老男女年轻全",
            ),
        ];
        for (set, chars) in sets {
            for c in (0..0x11_0000).filter_map(char::from_u32) {
                assert_eq!(set.has(c), chars.contains(c), "{c:?}");
            }
        }
        let heads = CharSet::first_chars(&WORDS_ENDING_IN_SURNAME);
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            let want = WORDS_ENDING_IN_SURNAME.iter().any(|w| w.starts_with(c));
            assert_eq!(heads.has(c), want, "{c:?}");
        }
    }

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
    fn an_office_vouches_for_a_weak_surname_before_a_leading_function_character() {
        // 宁可 is a word, but right after an office 宁可馨 is a name
        assert_eq!(
            names("公司副总经理宁可馨表示，将加大投入。"),
            vec!["宁可馨"]
        );
        assert_eq!(
            names("公司副总经理顾可馨表示，将加大投入。"),
            vec!["顾可馨"]
        );
        // a title ending in 长 whose 长 + surname spells a place (长宁): the name still
        // opens with the function character 可 (session 19)
        assert_eq!(names("银行副行长宁可岚出席会议。"), vec!["宁可岚"]);
        assert_eq!(names("该行副行长宁可岚表示，将加大投入。"), vec!["宁可岚"]);
        assert!(names("该行副行长宁可以出席。").is_empty());
        // no office before it: the word stays a word
        assert!(names("我们宁可多等几天。").is_empty());
        assert!(names("他宁可少赚一点。").is_empty());
        // an occupation (记者) is no office
        assert!(names("本报记者宁可以为，这很难。").is_empty());
    }

    #[test]
    fn yi_opens_a_given_name_and_yuan_is_a_weak_surname() {
        // session 15: 以 opens given names like 可, next to a title or verb
        assert_eq!(
            names("会上，副市长廖以宁表示，要加快项目建设。"),
            vec!["廖以宁"]
        );
        assert_eq!(
            names("会上，副区长庄以澄表示，要抓好落实。"),
            vec!["庄以澄"]
        );
        // words opening with 以 are no given names
        assert!(names("董事长林以来一直关注环保。").is_empty());
        assert!(names("自去年以来，公司业绩增长。").is_empty());
        assert!(names("何以解忧，唯有杜康。").is_empty());
        // 原 with a title next to it is a surname
        assert_eq!(
            names("市发改委主任原立新表示，将全力推进。"),
            vec!["原立新"]
        );
        // 原 meaning former, or opening a word, is none
        assert!(names("总经理原定于明天出发。").is_empty());
        assert!(names("董事长原本打算退休。").is_empty());
        assert!(names("原副市长出席了会议。").is_empty());
        assert!(names("这是原来的方案，原则上不变。").is_empty());
    }

    #[test]
    fn an_idiom_opening_with_a_surname_is_no_name() {
        assert!(names("毕其功于一役不现实。").is_empty());
        assert_eq!(names("总经理毕其昌表示同意。"), vec!["毕其昌"]);
    }

    #[test]
    fn compound_surnames_field_labels_and_orphan_characters() {
        // a compound surname is the surname of one name, not a name before another
        assert_eq!(names("会上，令狐明远先生致辞。"), vec!["令狐明远"]);
        assert_eq!(
            names("会上，公孙明达表示，公司将扩大投资。"),
            vec!["公孙明达"]
        );
        // 和 ends a given name after a field label only a name fills
        assert_eq!(names("姓名：司马清和\n单位：某某公司"), vec!["司马清和"]);
        assert_eq!(names("王建国和李明远出席。"), vec!["王建国", "李明远"]);
        // one character between a bare reading and punctuation: the reading cut a longer word
        assert!(names("今年，霍尔峰斯，货运量很大。").is_empty());
        assert_eq!(names("今年，李建新给大家讲课。"), vec!["李建新"]);
    }

    #[test]
    fn he_ends_a_given_name_opening_its_clause_before_a_verb() {
        // no title: the clause opens with the name and a speech verb follows the 和
        assert_eq!(names("会后，沈立和表示，项目进展顺利。"), vec!["沈立和"]);
        assert_eq!(names("沈立和指出，成本仍在上升。"), vec!["沈立和"]);
        // a list goes on after 和: two people, or a name and a thing
        assert_eq!(
            names("会后，沈立和魏晓东表示，项目进展顺利。"),
            vec!["沈立", "魏晓东"]
        );
        // a line holding the name alone (a signature)
        assert_eq!(
            names("承董事会命\n长丰精密有限公司\n主席\n沈立和\n"),
            vec!["沈立和"]
        );
        // the first column of a list row, before a column gap
        assert!(names("1. 沈立和　墨川数字研究院院长\n").contains(&"沈立和".to_string()));
        // after a title, a time word closes the name too
        assert_eq!(
            names("长丰精密有限公司生产部经理沈文和昨日到任。"),
            vec!["沈文和"]
        );
        // inside running text (no clause opening) 和 stays a conjunction
        assert!(!names("我们和沈立和表示感谢。").contains(&"沈立和".to_string()));
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
    fn appointment_verbs_do_not_lend_a_character() {
        // 聘任 is a word: its 任 is no surname; 为 before a title is the verb.
        assert_eq!(names("董事会同意聘任谭静女士为副总经理。"), vec!["谭静"]);
        assert_eq!(names("公司聘任王海为总经理。"), vec!["王海"]);
        assert_eq!(names("公司任命王海为总经理。"), vec!["王海"]);
        assert_eq!(names("董事会同意聘任王海为公司副总经理。"), vec!["王海"]);
        // A given name may still be 为 when no title follows.
        assert_eq!(names("董事长李为表示同意。"), vec!["李为"]);
        assert_eq!(names("董事会提名任志强先生为董事候选人。"), vec!["任志强"]);
        assert!(names("聘任期三年。").is_empty());
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
    fn a_surname_and_honorific_refer_back_to_the_one_earlier_name() {
        assert_eq!(
            people("董事会聘任祁文博为总经理。祁先生，51岁，现任公司董事。"),
            vec![
                ("祁文博".to_string(), "person.appoint_frame"),
                ("祁文博".to_string(), "person.alias")
            ]
        );
        assert_eq!(
            names("副总经理韩静怡出席。会后韩女士接受了采访。"),
            vec!["韩静怡", "韩静怡"]
        );
        // no earlier name with that surname: an honorific addresses someone new
        assert!(names("投资者祁先生说，他很满意。").is_empty());
        assert_eq!(
            names("祁女士说，她很满意。总经理祁文博表示感谢。"),
            vec!["祁文博"]
        );
        // two earlier names with that surname: ambiguous
        assert_eq!(
            names("董事长韩立新、副总经理韩静怡出席。韩女士表示感谢。"),
            vec!["韩立新", "韩静怡"]
        );
    }

    #[test]
    fn user_declared_names() {
        let mut lex = LexiconSet::builtin().expect("builtin");
        lex.map
            .entry("persons".to_string())
            .or_default()
            .entries
            .push(crate::rules::Entry {
                term: "欧阳明".to_string(),
                attrs: vec![],
            });
        let rules = Rules::build(lex);
        let doc = crate::read::from_bytes("t", "t", "今天欧阳明来了".as_bytes()).expect("utf-8");
        let ex = crate::extract::process(&doc, &rules);
        let got: Vec<_> = ex
            .mentions
            .iter()
            .filter(|m| m.label == Label::Person)
            .map(|m| (m.name.as_str(), m.rule.as_str()))
            .collect();
        assert_eq!(got, vec![("欧阳明", "person.lexicon")]);
    }

    #[test]
    fn transliterated_names() {
        assert_eq!(names("演员约翰·史密斯出席"), vec!["约翰·史密斯"]);
        assert_eq!(names("总统克林顿说"), vec!["克林顿"]);
    }

    #[test]
    fn foreign_names_by_nationality_and_verbs() {
        assert_eq!(
            people("意大利人卡莱罗的离开让球队很被动。"),
            vec![("卡莱罗".to_string(), "person.nationality")]
        );
        assert_eq!(
            people("赛季中途，布鲁诺离任前留下一份名单。"),
            vec![("布鲁诺".to_string(), "person.foreign")]
        );
        assert_eq!(names("这部短片（埃菲执导）入围了影展。"), vec!["埃菲"]);
        // a place before 人 is not enough without a transliteration run
        assert!(names("意大利人喜欢喝咖啡。").is_empty());
        // a pair of transliteration characters needs a verb after it
        assert!(names("（埃菲尔铁塔）").is_empty());
    }

    #[test]
    fn wider_boundaries() {
        assert_eq!(names("像张建军这样的工程师并不多。"), vec!["张建军"]);
        assert_eq!(names("包括李晓红在内的队员"), vec!["李晓红"]);
        // a weak surname with a one-character given name, after a title, before punctuation
        assert_eq!(names("公司副总经理石磊，"), vec!["石磊"]);
        assert!(names("游客来到国王海滩，").is_empty());
    }

    #[test]
    fn titles_of_works_and_places_are_not_people() {
        assert!(names("他主演的新片《林秀英》下月上映。").is_empty());
        assert!(names("她读完了《写给林秀英的信》。").is_empty());
        // an official document is about real people
        assert_eq!(
            names("公司发布《关于总经理林秀英辞职的公告》。"),
            vec!["林秀英"]
        );
        // a title opening with a name is about that person
        assert_eq!(names("《林秀英说》出版。"), vec!["林秀英"]);
        assert!(names("他们住在城郊的马家堡。").is_empty());
        assert!(names("老街通往周家邑。").is_empty());
        // the same name outside title marks is a person
        assert_eq!(names("演员林秀英出席首映。"), vec!["林秀英"]);
    }

    #[test]
    fn public_figure_words_adverbs_and_framing_words() {
        // a public-figure word before the name (no role mention is made for these)
        assert_eq!(names("球星罗志远在赛后接受了采访。"), vec!["罗志远"]);
        assert_eq!(names("这部电影的主角林秀珍来自农村。"), vec!["林秀珍"]);
        assert_eq!(names("老将周建宏状态回升。"), vec!["周建宏"]);
        // the context word itself is never a name (明 is a surname, 星 a given-name character)
        assert_eq!(names("明星林晓梅出席了活动。"), vec!["林晓梅"]);
        assert!(names("明星周边产品很受欢迎。").is_empty());
        // adverbs opening the predicate; 对X而言, 与X一起
        assert_eq!(names("罗志远往往在深夜写作。"), vec!["罗志远"]);
        assert_eq!(names("张国平已经离开了公司。"), vec!["张国平"]);
        assert_eq!(names("对王建华而言，这是第一次。"), vec!["王建华"]);
        assert_eq!(names("他与刘晓梅一起出发。"), vec!["刘晓梅"]);
        assert!(names("公司往往在年底调整价格。").is_empty());
        assert!(names("这种情况往往会发生。").is_empty());
        assert!(names("大家已经知道了。").is_empty());
    }

    #[test]
    fn person_only_words_frame_a_name_opening_a_clause() {
        assert_eq!(
            people("要知道，伊蓝的作品并不多。"),
            vec![("伊蓝".to_string(), "person.person_only")]
        );
        assert_eq!(names("据报道，柯蓝逝世，享年八十岁。"), vec!["柯蓝"]);
        assert!(names("许多作家在自己的作品中描写家乡。").is_empty());
        assert!(names("豪放派词人的作品很多。").is_empty());
        assert!(names("同是新近去世的两位老人。").is_empty());
    }

    #[test]
    fn a_title_and_wei_before_a_name() {
        assert_eq!(
            people("该公司的法定代表人为王建国。"),
            vec![("王建国".to_string(), "person.title_wei")]
        );
        assert_eq!(
            names("新公司董事长为林晓峰，总经理为周立"),
            vec!["林晓峰", "周立"]
        );
        assert!(names("董事长为公司发展作出了贡献。").is_empty());
        assert!(names("总经理为此感到高兴。").is_empty());
        assert!(names("董事长为大家介绍了情况。").is_empty());
    }

    #[test]
    fn a_foreign_pair_opening_a_clause_before_a_work() {
        assert_eq!(names("这一次，雷诺的《晨雾》最受欢迎。"), vec!["雷诺"]);
        assert_eq!(names("，莫兰的作品很少。"), vec!["莫兰"]);
        // not opening a clause: a noun before the pair
        assert!(names("他们在法兰西的《晨报》上读到。").is_empty());
    }

    #[test]
    fn teams_after_vs_and_midweek_are_no_people() {
        assert!(names("（三）罗斯托vs卡莱尔").is_empty());
        assert!(names("球队将在周中做客北方。").is_empty());
        assert_eq!(names("赛后，卡莱尔表示很满意。"), vec!["卡莱尔"]);
    }

    #[test]
    fn bylines_name_reporters_and_editors() {
        assert_eq!(
            people("本报记者晓岚"),
            vec![("晓岚".to_string(), "person.byline")]
        );
        assert_eq!(names("本报讯（实习编辑婉清）新区昨日开工。"), vec!["婉清"]);
        assert_eq!(names("通讯员程远报道"), vec!["程远"]);
        assert!(names("记者获悉，项目已开工。").is_empty());
        assert!(names("记者了解到，价格上涨。").is_empty());
        assert!(names("经济记者协会成立。").is_empty());
        assert!(names("本报记者在现场看到，").is_empty());
    }

    #[test]
    fn ru_and_dan_are_boundaries_but_not_in_ruhe() {
        assert_eq!(names("如张建华的作品，都很受欢迎。"), vec!["张建华"]);
        assert_eq!(names("甚至朱建清都对此有过描述。"), vec!["朱建清"]);
        assert_eq!(names("她还是比阮秀玉更会做人。"), vec!["阮秀玉"]);
        assert!(names("客队击败了比利亚和马德里。").is_empty());
        assert_eq!(names("但刘中阳同时证实了消息。"), vec!["刘中阳"]);
        assert!(names("我们研究如何提高效率。").is_empty());
        assert!(names("大家讨论如何解决问题。").is_empty());
    }

    #[test]
    fn weak_surname_with_only_a_title_after_needs_a_plausible_name() {
        assert!(names("出席活动的有市领导、安师大副校长等。").is_empty());
        // a title before still confirms it
        assert_eq!(names("公司副总经理石磊，"), vec!["石磊"]);
    }

    #[test]
    fn name_only_characters_make_a_given_name_plausible() {
        assert_eq!(names("，刘文骅说，"), vec!["刘文骅"]);
    }

    #[test]
    fn honorific_frames_a_name_without_a_known_surname() {
        assert_eq!(
            people("委员开彦先生出席了会议。"),
            vec![("开彦".to_string(), "person.honorific")]
        );
        assert_eq!(names("据朋友介绍，达宁先生在巴黎工作。"), vec!["达宁"]);
        assert_eq!(names("要像小平同志要求的那样做。"), vec!["小平"]);
        // a surname reading still wins
        assert_eq!(names("会上，王建华先生致辞。"), vec!["王建华"]);
        for t in [
            "这时，有一位女士走了过来。",
            "各位先生，请入座。",
            "他是一位老同志了。",
            "会后，负责同志介绍了情况。",
            "女士们、先生们，晚上好。",
            "研究表明，人类之子都需要陪伴。",
        ] {
            assert!(names(t).is_empty(), "{t}: {:?}", names(t));
        }
    }

    #[test]
    fn action_verbs_confirm_and_function_words_do_not_start_names() {
        assert_eq!(names("约翰森回到了球场。"), vec!["约翰森"]);
        assert_eq!(names("，周建宏离开了公司。"), vec!["周建宏"]);
        // 对于, 由于, 有关: the 于/关 is not a surname here
        assert!(names("对于刚刚进入市场的企业来说，这很重要。").is_empty());
        assert!(names("由于大家知道的原因，项目推迟。").is_empty());
        assert!(names("双方就有关事宜开始谈判。").is_empty());
    }

    #[test]
    fn words_after_a_name_end_it_and_named_things_are_no_mentions() {
        assert_eq!(names("会后，王平兴致勃勃地参观了展览。"), vec!["王平"]);
        assert_eq!(names("对赵磊来说，这是一次机会。"), vec!["赵磊"]);
        assert_eq!(names("，张伟先后参加了三次比赛。"), vec!["张伟"]);
        assert_eq!(names("今日凌晨，柳建曾在微博发表动态。"), vec!["柳建"]);
        assert_eq!(names("，冯建为什么会走到这步？"), vec!["冯建"]);
        // a given name that is such a word stays a name
        assert_eq!(names("董事长李欣然表示"), vec!["李欣然"]);
        assert!(names("我们参观了林建华故居。").is_empty());
        assert!(names("今天，林建华纪念馆开馆。").is_empty());
        assert!(names("会议号召大家高举旗帜，团结奋斗。").is_empty());
    }

    #[test]
    fn more_frames_around_a_name() {
        // 夫人 confirms the name on both sides
        assert_eq!(
            names("，周建宏夫人林秀珍出席了典礼。"),
            vec!["周建宏", "林秀珍"]
        );
        assert_eq!(names("一代大家曹建平笔下的人物栩栩如生。"), vec!["曹建平"]);
        assert_eq!(names("他们都是孔建国的学生。"), vec!["孔建国"]);
        assert_eq!(names("像吴晓敏这样的推销员很多。"), vec!["吴晓敏"]);
        assert!(names("公司的学生实习计划启动。").is_empty());
        assert!(names("像这样的机会不多。").is_empty());
    }

    #[test]
    fn latin_names_inside_longer_tokens_are_not_names() {
        assert!(names("Take-Two表示将继续谈判。").is_empty());
        assert_eq!(names("Svensson表示将继续谈判。"), vec!["Svensson"]);
    }

    #[test]
    fn latin_names_in_capitals_and_after_an_adverb() {
        // romanized names in capitals, as HK and Taiwan filings print them
        assert_eq!(
            names("董事会宣布委任KAIWEN LUO为首席财务官。"),
            vec!["KAIWEN LUO"]
        );
        assert_eq!(names("，KAIWEN LUO表示同意。"), vec!["KAIWEN LUO"]);
        assert_eq!(
            names("公司宣布LUO Kaiwen先生获委任为独立非执行董事。"),
            vec!["LUO Kaiwen"]
        );
        // a title in capitals before the name is cut off
        assert_eq!(
            names("公司CEO Derek Lam表示，业绩稳定。"),
            vec!["Derek Lam"]
        );
        // an adverb between the name and its verb
        assert_eq!(names("Derek Lam已辞任执行董事职务。"), vec!["Derek Lam"]);
        assert_eq!(names("Derek Lam亦表示支持。"), vec!["Derek Lam"]);
        // one word in capitals is an acronym or a brand; capitals with no vowel too
        assert!(names("CAPCOM表示将继续开发。").is_empty());
        assert!(names("青禾科技CEO表示将继续扩张。").is_empty());
        assert!(names("TCL NXP表示合作顺利。").is_empty());
        // an adverb with no verb after it frames nothing
        assert!(names("Derek Lam已经是过去式。").is_empty());
    }

    #[test]
    fn dotted_names_with_a_first_part_outside_the_transliteration_set() {
        assert_eq!(names("影片（亚当·沃森执导）入围。"), vec!["亚当·沃森"]);
        assert_eq!(
            names("市长理查德·布朗为代表团举行了宴会。"),
            vec!["理查德·布朗"]
        );
        assert_eq!(names("协会会长育林·维沙先生介绍说。"), vec!["育林·维沙"]);
        // an ASCII full stop between transliteration runs is a middle dot
        assert_eq!(
            names("国家安全事务顾问约翰.波尔特已辞职。"),
            vec!["约翰.波尔特"]
        );
        assert!(names("公司业绩增长3.5倍。").is_empty());
        // a name cut one character into a word is no name
        assert!(names("她已经和让.米歇尔.雅尔结婚了。").is_empty());
        // quoted event names and hyphenated words are not names
        assert!(names("图书馆举行“书香·港情”文学节。").is_empty());
        // a reading the quotes enclose is a coinage or label (session 25)
        assert!(names("别让“高富帅”式的招商冲昏头脑。").is_empty());
        assert!(names("所谓“白富美”，指的是一种消费观。").is_empty());
        // a quote that opens a speech is no enclosure: the speaker stands
        assert_eq!(names("“张建华说，我们要坚持下去。”"), vec!["张建华"]);
        assert_eq!(names("记者问：“张建华，你怎么看？”"), vec!["张建华"]);
        assert!(names("队伍缺少中场-后卫的衔接。").is_empty());
    }

    #[test]
    fn loose_list_members_time_words_and_title_words() {
        // a full name we cannot vouch for joins a 、 list next to an accepted name
        assert_eq!(
            names("开幕式上，赵无忌、吴建中出席并致辞。"),
            vec!["赵无忌", "吴建中"]
        );
        assert_eq!(names("陈列馆、吴建中出席并致辞。"), vec!["吴建中"]);
        // a weak surname with a title before and a time word after
        assert_eq!(names("市住建委副主任石岩上月曾表示，"), vec!["石岩"]);
        // function words and titles are no given names
        assert!(names("你觉得这个补丁如何？").is_empty());
        assert!(names("“这很难。”朱博士说。").is_empty());
        // a foreign run before a common word of an organization name
        assert!(names("他们邀请卡莱娜国际艺术中心的专家。").is_empty());
        assert_eq!(names("，卡莱娜表示同意。"), vec!["卡莱娜"]);
    }

    #[test]
    fn the_zhang_of_a_title_is_no_compound_surname() {
        assert_eq!(names("财政部部长孙立平说。"), vec!["孙立平"]);
        assert_eq!(names("，长孙建国表示同意。"), vec!["长孙建国"]);
    }

    #[test]
    fn court_and_demonstrative_frames() {
        assert_eq!(names("法院判处赵建生有期徒刑三年。"), vec!["赵建生"]);
        assert_eq!(names("，马乔这位老人很固执。"), vec!["马乔"]);
        assert!(names("这位老人很固执。").is_empty());
        // 丹 is a given-name character
        assert_eq!(names("，彭丹告诉记者。"), vec!["彭丹"]);
    }

    #[test]
    fn foreign_runs_trimmed_and_framed() {
        // 让 opens the run but is a function word
        assert_eq!(names("所以才让米特勒萌生了恨意。"), vec!["米特勒"]);
        // a public-figure word before a two-character run, a boundary after
        assert_eq!(names("论坛大神卡莫3分钟就赢了。"), vec!["卡莫"]);
        assert_eq!(names("，卡莱娜的作品在展出。"), vec!["卡莱娜"]);
        assert!(names("让我们一起努力。").is_empty());
    }

    #[test]
    fn precision_guards_for_verbs_weekdays_and_surname_addresses() {
        // a strong surname right before 先生 addresses a person by surname
        assert!(names("公司委任林女士以接替陈先生。").is_empty());
        assert!(names("股价周四开始上涨。").is_empty());
        assert!(names("，成交量继续放大。").is_empty());
        assert!(names("过程中带来的机会很多。").is_empty());
    }

    #[test]
    fn biography_lines_and_places_named_after_people() {
        assert_eq!(names("吴晓纹，女，毕业于北京大学。"), vec!["吴晓纹"]);
        assert_eq!(names("姓名：苏壮强性别：男"), vec!["苏壮强"]);
        assert!(names("克劳斯城堡是著名景点。").is_empty());
        // teams play at home or away and meet other teams
        assert!(names("本轮焦点：霍普斯vs米兰，霍普斯主场不败。").is_empty());
    }

    #[test]
    fn weak_surname_with_a_strong_title_after_a_full_name() {
        assert_eq!(names("双方举行会议江建民主席出席。"), vec!["江建民"]);
        assert!(names("他出任永隆行长。").is_empty());
    }

    #[test]
    fn single_character_verbs_end_a_name() {
        assert_eq!(names("这是吴建中到日本办的画展。"), vec!["吴建中"]);
        assert_eq!(names("当年，张建浩受组织派遣出国。"), vec!["张建浩"]);
    }

    #[test]
    fn mild_weak_surnames_stand_with_a_full_name_between_boundaries() {
        // 汤, 钱, 顾: weak surnames that are everyday words only in a few compounds
        assert_eq!(names("据悉，汤立峰却没有出席。"), vec!["汤立峰"]);
        assert_eq!(names("这是在钱志远的书房里拍的。"), vec!["钱志远"]);
        assert_eq!(names("他听说顾明辉不想回来了。"), vec!["顾明辉"]);
        // 慕 is a given-name character (慕华, 慕白)
        assert_eq!(names("这是在钱慕远的书房里拍的。"), vec!["钱慕远"]);
        // a numeral before the surname makes it a unit (`２１方`)
        assert!(names("协议由２１方聚合一起签署。").is_empty());
        // the strict weak surnames (高, 文, 万) still need a title or a verb
        assert!(names("他们在高新区建厂。").is_empty());
        assert!(names("一套３５００万美金的别墅。").is_empty());
    }

    #[test]
    fn a_he_final_name_in_a_byline_ends_at_its_parenthesis() {
        assert_eq!(names("文／蒲远和（本报特约评论员）"), vec!["蒲远和"]);
        // a name goes on after 和: no parenthesis closes the first one there
        assert!(!names("文／蒲远和邵立新（本报记者）").contains(&"蒲远和".to_string()));
    }

    #[test]
    fn a_mild_surname_between_an_office_and_a_speech_verb_needs_no_listed_given_name() {
        // 砚, 池 are in no given-name list: the office and the verb vouch for the name
        assert_eq!(
            names("鼎丰科技总经理费砚池表示，公司将扩大产能。"),
            vec!["费砚池"]
        );
        // an occupation (评论员) frames nothing, and a listed word stays a word
        assert!(names("本报评论员费砚池表示，要稳中求进。").is_empty());
        assert!(names("总经理费用报销须经审批。").is_empty());
        // without a verb after it the unlisted name is not read either
        assert!(names("总经理费砚池塘边散步。").is_empty());
    }

    #[test]
    fn things_only_people_have_and_what_happens_to_them() {
        assert_eq!(names("公司公布了陈立峰的薪酬。"), vec!["陈立峰"]);
        assert_eq!(names("，卡莱娜的回答很简短。"), vec!["卡莱娜"]);
        assert_eq!(names("本场比赛，罗志远缺阵。"), vec!["罗志远"]);
        assert_eq!(names("，布鲁诺死后，球队解散了。"), vec!["布鲁诺"]);
        // the same words after a thing are no names
        assert!(names("公司的回答很简短。").is_empty());
        assert!(names("员工的薪酬上涨了。").is_empty());
        assert!(names("多名主力缺阵。").is_empty());
    }

    #[test]
    fn the_zhang_after_an_organization_that_took_the_title_head() {
        // the organization mention takes 外交部, leaving 长: the title is still there
        assert_eq!(
            people("外交部长王建国会见了代表团。"),
            vec![("王建国".to_string(), "person.title_before")]
        );
        assert_eq!(names("国防部长卡莱罗等出席。"), vec!["卡莱罗"]);
        assert!(names("外交部长期以来支持这项工作。").is_empty());
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

    #[test]
    fn a_verb_ending_in_ren_frees_the_surname_after_it() {
        // 聘任 claims the 任 of 任何, so 何 starts the name
        for t in [
            "董事会聘任何静雯女士为财务总监。",
            "会议同意委任何志坚先生为行政总裁。",
        ] {
            assert!(
                names(t).iter().any(|n| n.starts_with('何')),
                "{t}: {:?}",
                names(t)
            );
        }
        // 任何 on its own, and 担任何种 (a question word after the verb), name nobody
        for t in [
            "公司不会向任何人透露客户信息。",
            "他在公司担任何种职务并不重要。",
        ] {
            assert!(names(t).is_empty(), "{t}: {:?}", names(t));
        }
    }

    #[test]
    fn an_age_or_acting_as_a_title_confirms_a_name() {
        // an age after a transliteration run, with or without 已经/今年
        assert_eq!(
            people("那时，萨洛特已经七十岁了。"),
            vec![("萨洛特".to_string(), "person.foreign")]
        );
        // 作为 + a title mention after a two-character run
        assert_eq!(names("而贝科作为主教练，经验还不足。"), vec!["贝科"]);
        // 同为 is no age opener for the weak surname 位, and an organization acting as a
        // partner is no person
        assert!(names("两位同为22岁的青年来到墙前。").is_empty());
        assert!(names("该基金作为有限合伙人出资两亿元。").is_empty());
    }

    #[test]
    fn hen_ends_a_name() {
        assert_eq!(names("主教练卡西很满意这场比赛。"), vec!["卡西"]);
    }

    #[test]
    fn a_weak_surname_in_running_text_before_a_strong_one() {
        // 总计 is a word: the name starts at the strong surname 杜
        assert_eq!(names("她旁边是策划总计杜海峰先生。"), vec!["杜海峰"]);
        // a mild weak surname still starts a name after a function word
        assert_eq!(names("关于钱钟书先生的著作很多。"), vec!["钱钟书"]);
    }

    #[test]
    fn a_latin_letter_before_a_surname_joins_a_token() {
        assert!(
            !names("这个赛季c罗杰和队友配合默契。").contains(&"罗杰".to_string()),
            "{:?}",
            names("这个赛季c罗杰和队友配合默契。")
        );
        // a title written in Latin letters still stands before a name
        assert_eq!(names("公司CEO王建国表示"), vec!["王建国"]);
    }

    #[test]
    fn a_title_after_a_name_does_not_confirm_the_next_word() {
        assert_eq!(
            people("这个学会是周建华教授成立的。"),
            vec![("周建华".to_string(), "person.title_after")]
        );
        // bylines alternate titles and names: each title goes with the name after it
        assert_eq!(
            names("（实习生王晓丽记者张明）本市开展专项检查。"),
            vec!["王晓丽", "张明"]
        );
    }

    #[test]
    fn columnist_headlines() {
        assert_eq!(
            people("王峰足彩推荐：主队难求一胜"),
            vec![("王峰".to_string(), "person.column")]
        );
        assert_eq!(
            people("比赛前瞻\n李建华初盘解读：客队防平"),
            vec![("李建华".to_string(), "person.column")]
        );
        for t in [
            "周末足彩推荐：主队难求一胜",
            "四大欧赔解读：主队难求一胜",
            "今天我们来看，王峰推荐：主队难求一胜",
        ] {
            assert!(names(t).is_empty(), "{t}: {:?}", names(t));
        }
    }

    #[test]
    fn a_mention_after_a_full_name_ends_it() {
        assert_eq!(names("如今陈晓峰上海的房子已经卖掉了。"), vec!["陈晓峰"]);
        assert!(names("这种银元曾为中国的商品流通发挥过作用。").is_empty());
    }

    #[test]
    fn a_latin_name_of_two_words_after_an_appointing_verb_is_a_person() {
        let latin = |t: &str| -> Vec<String> {
            people(t)
                .into_iter()
                .filter(|(_, r)| *r == "person.latin")
                .map(|(n, _)| n)
                .collect()
        };
        assert_eq!(
            latin("董事会同意聘任Walter Brenning为公司总经理。"),
            vec!["Walter Brenning"]
        );
        // spaces around the name are skipped
        assert_eq!(
            latin("去年，青禾科技聘请 Ivan Petrovsky 领导研发团队。"),
            vec!["Ivan Petrovsky"]
        );
        // three words, one of two letters, after a title
        assert_eq!(latin("执行董事Ee Hock Tan表示同意。"), vec!["Ee Hock Tan"]);
        // one word after such a verb is no frame; a one-word name of two letters is none
        assert!(latin("感谢Google为我们提供服务。").is_empty());
        assert!(latin("聘任Mr为顾问。").is_empty());
    }

    #[test]
    fn feeling_confirms_a_latin_name() {
        assert_eq!(
            people("对此Marco感觉很意外。"),
            vec![("Marco".to_string(), "person.latin")]
        );
    }

    #[test]
    fn transliteration_and_village_shapes_need_context() {
        for t in [
            "他们先后击败了皇马和马洛卡。",
            "游客来到王家沟，参观了旧址。",
            "本赛季他们在比利亚雷亚尔和对手战平。",
        ] {
            assert!(names(t).is_empty(), "{t}: {:?}", names(t));
        }
        // plausible names stay, whatever their characters; a title confirms a 家 name
        assert_eq!(names("昨天，马丽娜的丈夫回来了。"), vec!["马丽娜"]);
        assert_eq!(names("村党支部书记王家河表示，"), vec!["王家河"]);
    }

    #[test]
    fn speech_verbs_that_start_with_a_name_character() {
        assert_eq!(names("秘书长王立作了工作报告。"), vec!["王立"]);
        assert_eq!(names("局长周明致欢迎词。"), vec!["周明"]);
        assert_eq!(names("读到老作家张晨论述老年的文章"), vec!["张晨"]);
        assert!(names("我们作了调查。").is_empty());
    }

    #[test]
    fn a_place_as_the_given_name_after_a_title() {
        let labels = |text: &str| -> Vec<(String, Label)> {
            let doc = crate::read::from_bytes("t", "t", text.as_bytes()).expect("utf-8");
            crate::extract::process(&doc, Rules::builtin())
                .mentions
                .iter()
                .filter(|m| matches!(m.label, Label::Person | Label::Location))
                .map(|m| (m.text.clone(), m.label))
                .collect()
        };
        assert_eq!(
            labels("省委书记王兰州表示，要抓好落实。"),
            vec![("王兰州".to_string(), Label::Person)]
        );
        // no title before it, or no boundary after it: the place stays a place
        assert_eq!(
            labels("市长李强在兰州会见了客人。"),
            vec![
                ("李强".to_string(), Label::Person),
                ("兰州".to_string(), Label::Location)
            ]
        );
        assert_eq!(
            labels("他到兰州考察。"),
            vec![("兰州".to_string(), Label::Location)]
        );
        assert!(
            labels("书记王兰州新区的规划")
                .iter()
                .all(|(_, l)| *l != Label::Person)
        );
    }

    #[test]
    fn a_team_is_a_team_throughout_the_document() {
        assert!(names("林海城vs比勒：林海城打弱旅很有心得。").is_empty());
        // without the team word the same sentence reads a name
        assert_eq!(names("前瞻：林海城打弱旅很有心得。"), vec!["林海城"]);
        // a title still confirms the person
        assert_eq!(names("董事长林海城表示，林海城主场的比赛"), vec!["林海城"]);
    }

    #[test]
    fn a_creator_before_the_title_of_a_work() {
        assert_eq!(
            people("其推出的卡洛斯特《晨曲》也以高价成交。"),
            vec![("卡洛斯特".to_string(), "person.foreign")]
        );
        for t in ["据美国《时代》周刊报道", "迪士尼《冰雪奇缘》续集上映"] {
            assert!(names(t).is_empty(), "{t}: {:?}", names(t));
        }
    }

    #[test]
    fn a_run_glued_to_a_dot_or_a_latin_word_is_no_name() {
        for t in [
            "展品在克里斯托·安徒生博物馆里展出多年。",
            "位于古城上方的萨拉波里斯saraporis遗址",
        ] {
            assert!(names(t).is_empty(), "{t}: {:?}", names(t));
        }
        // the original spelling in brackets is no glue
        assert_eq!(names("，萨拉波里斯（saraporis）表示"), vec!["萨拉波里斯"]);
    }

    #[test]
    fn named_things_adverbs_and_the_army() {
        // a dotted name before a named-thing word names the street
        assert!(names("游客沿着乔治·布朗大街前行。").is_empty());
        assert_eq!(names("演员乔治·布朗出席了首映式。"), vec!["乔治·布朗"]);
        // 颇 is an adverb like 很: it ends the name
        assert_eq!(names("王丹颇有感触地说，这很难得。"), vec!["王丹"]);
        assert!(names("他曾任陆军司令。").is_empty());
    }

    #[test]
    fn a_persons_own_works() {
        assert_eq!(
            names("这幅画成为卡洛斯特个人作品中最贵的一件。"),
            vec!["卡洛斯特"]
        );
        assert_eq!(names("王建华个人画展在市美术馆开幕。"), vec!["王建华"]);
        assert!(names("公司个人业务增长很快。").is_empty());
    }

    #[test]
    fn an_age_before_a_name() {
        assert_eq!(
            people("今年６１岁的卡德海姆是一位经济学家。"),
            vec![("卡德海姆".to_string(), "person.foreign")]
        );
        assert_eq!(names("这位31岁的莱维为了保护父亲受了伤。"), vec!["莱维"]);
        assert_eq!(names("年仅14岁的周小舟离开了家乡。"), vec!["周小舟"]);
        for t in ["3岁的孩子需要陪伴。", "一位80岁的高龄老人"] {
            assert!(names(t).is_empty(), "{t}: {:?}", names(t));
        }
    }

    #[test]
    fn a_list_holding_things_names_no_people_by_shape() {
        // 月季 and 绿萝 open with no surname: a list of plants, whatever its other members look like
        for t in [
            "周末的花市上，马蹄莲、杜鹃、月季、绿萝、文竹等盆栽卖得最好。",
            "老街上绿道、月季园、马蹄莲、林荫道串成一线。",
        ] {
            assert!(names(t).is_empty(), "{t}: {:?}", names(t));
        }
        // a list of people with one rare surname stays a list of people
        let got = names("陪同调研的有韦明、陈云海、何光、王志章、原涛等。");
        for n in ["韦明", "陈云海", "何光", "王志章"] {
            assert!(got.contains(&n.to_string()), "{n}: {got:?}");
        }
        // a member with a signal of its own stands in a list of things
        assert_eq!(
            names("参加座谈的有月季园代表、社区主任林若岚等，林若岚表示支持。"),
            vec!["林若岚", "林若岚"]
        );
        // a clause running on after a list is no item of it
        let got = names("后来，这座坟茔旁边又增加了陆光成、赵金宝的墓。");
        assert_eq!(got, vec!["陆光成", "赵金宝"]);
    }

    #[test]
    fn a_list_of_doubtful_names_is_one_of_things() {
        // every item opens with a surname, but most given names are no given names (蹄, 荫, 花)
        for t in [
            "园里的马蹄莲、林荫道、白玉兰、金银花都很有名。",
            "沿河种着马蹄莲、林荫道、白玉兰、金银花等。",
        ] {
            assert!(names(t).is_empty(), "{t}: {:?}", names(t));
        }
        // a list of plausible names stays one of people, with one doubtful member too
        let got = names("出席的有罗建平、高志伟、孟凡荣、童立新等。");
        for n in ["罗建平", "孟凡荣", "童立新"] {
            assert!(got.contains(&n.to_string()), "{n}: {got:?}");
        }
        let got = names("出席的有罗建平、孟凡荣、童立新、沈蹄远等。");
        for n in ["罗建平", "孟凡荣", "童立新"] {
            assert!(got.contains(&n.to_string()), "{n}: {got:?}");
        }
    }

    #[test]
    fn a_name_opening_with_a_listed_word_fills_a_list_item() {
        // 王国 is a word (not_person.txt), 王国栋 a name between 、 and 等
        let got = names("陪同调研的有韦明、陈云海、何光、王国栋、原涛等。");
        for n in ["韦明", "陈云海", "何光", "王国栋"] {
            assert!(got.contains(&n.to_string()), "{n}: {got:?}");
        }
        // outside a list item the word stays a word
        for t in [
            "该王国章程规定了继承顺序。",
            "欧洲的公国、王国等政体各不相同。",
        ] {
            assert!(names(t).is_empty(), "{t}: {:?}", names(t));
        }
    }

    #[test]
    fn a_thing_head_after_a_surname_character_starts_no_name() {
        for t in [
            "通过“母基金+子基金+直投”的方式支持企业成长。",
            "第二篇章：母基金设立，赋能未来产业",
            "本次交易完成后，母公司、子公司的股权结构不变。",
            "他持有“金控股份”的大量股票。",
        ] {
            assert!(names(t).is_empty(), "{t}: {:?}", names(t));
        }
        // the same surname characters before a given name are names
        assert_eq!(names("董事长母志远表示，项目进展顺利。"), vec!["母志远"]);
        assert_eq!(names("会上，金建华指出，资金已经到位。"), vec!["金建华"]);
    }

    #[test]
    fn a_company_ending_across_the_given_name_cuts_a_short_name() {
        // session 18: 智能, 科技, 股份 (org_short.txt type=ending) run past the reading to a
        // clause end: a company's short name in a headline or a sentence, no person
        for t in [
            "江澄智能：拟收购青禾材料有限公司",
            "据悉，江澄智能。",
            "林川科技：一季度营收增长",
            "投资者关注江远股份，公司回应称经营正常。",
        ] {
            assert!(names(t).is_empty(), "{t}: {:?}", names(t));
        }
        // the same characters as a name: the ending runs on into text (智能够), or the whole
        // reading is the name (王健康)
        assert_eq!(
            names("会上，王小智能够完成任务，他表示很高兴。"),
            vec!["王小智"]
        );
        assert_eq!(names("据悉，王健康表示，将如期完工。"), vec!["王健康"]);
    }

    /// The three walks `CharScan` replaces, as they were.
    fn scan_by_walks(text: &str, pr: &PersonRules, marks: &Marks) -> CharScan {
        let dots = text
            .char_indices()
            .filter(|&(_, c)| DOTS.has(c))
            .map(|(i, _)| i)
            .collect();
        let byline_heads = text
            .char_indices()
            .filter(|&(_, c)| BYLINE_HEADS.has(c))
            .map(|(i, _)| i)
            .collect();
        // runs as maximal stretches of adjacent transliteration characters that open no
        // title, broken where a title ends
        let mut runs: Vec<(usize, usize, usize)> = Vec::new();
        for (i, c) in text.char_indices() {
            if !pr.translit.contains(&c) || marks.has(i, Marks::ROLE_START) {
                continue;
            }
            let e = i + c.len_utf8();
            match runs.last_mut() {
                Some(r) if r.1 == i && !marks.has(i, Marks::ROLE_END) => {
                    r.1 = e;
                    r.2 += 1;
                }
                _ => runs.push((i, e, 1)),
            }
        }
        CharScan {
            dots,
            runs,
            byline_heads,
        }
    }

    #[test]
    fn one_walk_finds_dots_transliteration_runs_and_byline_heads() {
        let pr = &Rules::builtin().person;
        let word = BYLINE_WORDS.iter().next().expect("a byline word");
        let text = format!("（{word}柯某）据悉，约翰·斯密斯-卡尔.尼克松出席。结束于斯");
        let mut marks = Marks::new(text.len());
        // a title ends inside the run and one starts inside it: the run is split and cut
        let k = text.find('斯').expect("in the text");
        marks.set(k, Marks::ROLE_END);
        let j = text.find('尼').expect("in the text");
        marks.set_role_start(j, true);
        for (t, m) in [(text.as_str(), &marks), ("公司。今日123", &Marks::new(11))] {
            let got = CharScan::of(t, pr, m);
            let want = scan_by_walks(t, pr, m);
            assert_eq!(got.dots, want.dots, "{t}");
            assert_eq!(got.runs, want.runs, "{t}");
            assert_eq!(got.byline_heads, want.byline_heads, "{t}");
        }
        let got = CharScan::of(&text, pr, &marks);
        assert_eq!(got.dots.len(), 3);
        assert!(got.runs.len() >= 2 && got.byline_heads.contains(&"（".len()));
        // nothing to find
        let none = CharScan::of("公司。今日123", pr, &Marks::new(11));
        assert!(none.dots.is_empty() && none.byline_heads.is_empty());
    }

    #[test]
    fn the_scan_class_of_a_character_is_its_three_sets() {
        let pr = &Rules::builtin().person;
        let mut counts = [0usize; 3];
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            let k = pr.scan_class.of(c, &pr.translit);
            let want = [DOTS.has(c), BYLINE_HEADS.has(c), pr.translit.contains(&c)];
            let got = [
                k & ScanClass::DOT != 0,
                k & ScanClass::BYLINE_HEAD != 0,
                k & ScanClass::TRANSLIT != 0,
            ];
            assert_eq!(got, want, "{c:?}");
            for (n, w) in counts.iter_mut().zip(want) {
                *n += usize::from(w);
            }
        }
        // each class holds characters, and most characters are in none
        assert!(counts.iter().all(|&n| n > 0 && n < 0x1_0000));
    }
}
