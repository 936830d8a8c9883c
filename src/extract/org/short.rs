//! Short company names without a suffix: `org.stock_code`, `org.event_arg`, `org.short_use`,
//! `org.short_form`.
//!
//! Financial news names listed companies by their short names (`X股份`, a four-character
//! brand, `*ST X`) with no `有限公司` to find them by. A short name is accepted only where the
//! text itself says it is a company:
//! - `org.stock_code`: a stock code or a quote right after it (`X（600123）`,
//!   `X(600123.SH)`, `X（00700.HK）`, `X（股票代码：600123）`, `X(12.300,-0.59,-4.58%)`) or a
//!   `证券简称：X` before it;
//! - `org.event_arg`: the slot of a company in a financial event — the announcer
//!   (`X公告`, `X发布公告称`, `X3月10日晚公告`), a source (`从X方面获悉`), the subject of a financing (`X完成B轮融资`,
//!   `X获…投资`) or an acquisition (`X拟以…收购`), the two parties of a signing
//!   (`X与Y签署…协议`), the target of an acquisition with its stake (`收购Y 55%股权`) or a
//!   stake of a company (`持有Y 30%股权`).
//!
//! The name is read from the slot outwards and must look like a name: bounded by punctuation,
//! a function word, a descriptor (`上市公司`, `电商平台`) or the sentence start; 2–8 CJK
//! characters (or an ASCII name); not a placeholder, collective or common noun (`公司`,
//! `双方`, `投资者` — `schema/lexicons/org_short.txt`), not a place or title, no event word
//! inside, and — outside the stock-code rule — not shaped like a person's name (surname +
//! given-name characters, which the person family decides). Objects need a company shape
//! (an ending such as `股份`/`科技`/`控股`, a stake after it, or `旗下`).
//! - `org.short_use`: every other occurrence of a confirmed short name in the document.
//! - `org.short_form`: the short form of a full company name later in the same document
//!   (`北京星河动力科技有限公司` … `星河动力`): the name without its legal suffix and leading
//!   place, also without a trailing industry word; linked to the full name.
//!
//! Why rules and no list: listed-company names change daily; the contexts that introduce them
//! (codes, announcements, deal verbs) do not.

use crate::normalize::filters::{is_han, separator_spaces_outside_quotes};
use crate::span::char_window;
use std::borrow::Cow;
use std::cell::Cell;
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

use super::{
    EVENT_ARG, OrgRules, PLACE_PARTY, PRIORITY, SHORT_FORM, SHORT_USE, STOCK_CODE, TITLE_HOLDER,
    WordType, ascii_bounded, right_bad,
};
use crate::extract::{Attrs, Candidate, Label, OrgKind};
use crate::normalize::NormText;
use crate::rules::{LexiconSet, LiteralStartRegex, TermMatcher};

/// Longest short name, in CJK characters.
const MAX_CJK: usize = 8;
/// Endings of an investing or research firm's short name (`资本`, `证券`; words_org.txt list
/// field_firm): industry words after one before a title are the post's field.
static FIELD_FIRMS: crate::rules::WordList = crate::rules::WordList::new("words_org", "field_firm");
/// Longest short form of a full name in the same document (`org.short_form`), in CJK
/// characters: the full name vouches for it, and a long form is the more specific
/// (`华启新能源科技集团` of `华启新能源科技集团股份有限公司`, nine characters).
const MAX_FORM_CJK: usize = 12;

/// The longest name `plausible` accepts with that proof.
fn max_cjk(proof: Proof) -> usize {
    if proof == Proof::Form {
        MAX_FORM_CJK
    } else {
        MAX_CJK
    }
}

/// Longest ASCII name, in bytes.
const MAX_ASCII: usize = 40;

/// Verbs whose subject is a company: announcing, financing, acquiring (`ShortRules::subject`).
const SUBJECT: &str = r"(?x)
                发布了?(?:公告|《[^》\n]{0,60}?公告》)
              | 公告(?:称|显示|指出)?
              | 方面(?:获悉|了解到|得知|证实|确认)
              | (?:完成了?|获得?了?|获投|迎来)[^，。；！？,;!?\n]{0,24}?(?:轮|融资)
              | 获[^，。；！？,;!?\n]{1,16}?(?:战略)?(?:投资|注资|领投)
              | (?:(?:以|通过|斥资|耗资)[^，。；！？,;!?\n]{1,30}?|[0-9][0-9.,]*\s*[万亿]*(?:元|美元|港元|欧元|英镑|日元))?(?:全资收购|要约收购|收购|并购)
              | (?:已经|已)?完成了?对[^，。；！？,;!?\n]{1,60}?的(?:全资|要约)?(?:收购|并购)";

/// Compiled short-name rules.
pub(crate) struct ShortRules {
    pub(super) lead: TermMatcher,
    fill: TermMatcher,
    notname: TermMatcher,
    inner: TermMatcher,
    ending: TermMatcher,
    badend: HashSet<char>,
    /// (long, short): an industry word a short form contracts (`创业投资` → `创投`).
    contract: Vec<(String, String)>,
    surnames: TermMatcher,
    given: HashSet<char>,
    stock: regex::Regex,
    abbr: regex::Regex,
    /// Searched only where one of its first words occurs (see `LiteralStartRegex`).
    subject: LiteralStartRegex,
    object: regex::Regex,
    stake: regex::Regex,
    signing: regex::Regex,
    /// A deal verb after `X宣布`: the announcer is a party of the deal.
    announced_deal: regex::Regex,
    investor: regex::Regex,
    investor_list: regex::Regex,
    adviser: regex::Regex,
    founder: regex::Regex,
    deal_of: regex::Regex,
    /// `获得X 8000万元Pre-B轮投资`: the giver between 获得 and the amount of a round.
    received_from: regex::Regex,
    subsidiary: regex::Regex,
}

impl ShortRules {
    /// Does `name` end in a company-shaped ending (`科技`, `资本`, `股份`) and hold more than it?
    pub(crate) fn company_end(&self, name: &str) -> bool {
        self.ending
            .find_all(name)
            .any(|(rg, _)| rg.end == name.len() && rg.start > 0)
    }

    pub(crate) fn build(lex: &LexiconSet) -> ShortRules {
        let of = |t: &str| {
            TermMatcher::new(
                lex.get("org_short")
                    .entries
                    .iter()
                    .filter(|e| e.attr("type") == Some(t)),
            )
        };
        let badend = lex
            .get("org_short")
            .entries
            .iter()
            .filter(|e| e.attr("type") == Some("badend"))
            .filter_map(|e| e.term.chars().next())
            .collect();
        let given = lex
            .get("given_name_chars")
            .entries
            .iter()
            .flat_map(|e| e.term.chars())
            .collect();
        let contract = lex
            .get("org_short")
            .entries
            .iter()
            .filter(|e| e.attr("type") == Some("contract"))
            .filter_map(|e| Some((e.term.clone(), e.attr("short")?.to_string())))
            .collect();
        let re = |p: &str| regex::Regex::new(p).expect("short-name pattern is valid");
        ShortRules {
            lead: of("lead"),
            fill: of("fill"),
            notname: of("notname"),
            inner: of("inner"),
            ending: of("ending"),
            badend,
            contract,
            surnames: TermMatcher::new(lex.get("surnames").entries.iter()),
            given,
            // A stock code or a price quote in parentheses right after the name.
            stock: re(r"(?x)
                [（(] \s*
                (?:
                  (?: (?:股票|证券|A股|港股)? 代码 \s* [:：]? \s* )?
                  (?: (?:SH|SZ|HK|sh|sz|hk) \s* )?
                  \d{4,6}
                  (?: \s* [.．\-－] \s* (?:SH|SZ|SS|HK|BJ|sh|sz|ss|hk|bj) )?
                | [A-Z]{1,5} \s* [.．] \s* (?:US|N|O)
                | \d+(?:\.\d+)? \s* [,，] \s* [-+]?\d+\.\d+ \s* [,，] \s* [-+]?\d+\.\d+ \s* %
                | (?i:NASDAQ|NYSE|纳斯达克|纽交所) \s* [:：] \s* [A-Z]{1,6}
                ) \s* [）)]"),
            abbr: re(
                // (the next label of a filing's header line may follow with no space left
                // between: `证券简称：X公告编号：…` after the spaces between Han characters go)
                r"(?:证券|股票)简称\s*(?:变更为|[:：为])?\s*[“\x22「]?\s*([*A-Za-z\p{Han}]{2,10}?)(?:公告编号|证券代码|股票代码|债券代码|债券简称|[^*A-Za-z\p{Han}]|$)",
            ),
            // Verbs whose subject is a company: announcing, financing, acquiring.
            subject: LiteralStartRegex::new(SUBJECT)
                .expect("short-name pattern is valid")
                // Only `[0-9][0-9.,]*…` starts with a digit: a match from a digit after a
                // digit is one from that digit too (tried first), so each number is tried once.
                .skip_starts_after(|b, c| b.is_ascii_digit() && c.is_ascii_digit()),
            object: re(r"(?:全资收购|要约收购|收购|并购|入股|参股|受让|取得)"),
            stake: re(r"\d+(?:\.\d+)?[%％](?:的)?(?:股权|股份|权益)"),
            signing: re(r"(?:签署|签订|签约|订立|达成|缔结)"),
            announced_deal: re(
                r"与[^，。；]{2,40}?(?:签署|签订|订立|达成|缔结)[^，。；]{0,20}?(?:协议|合同)|(?:收购|并购)[^，。；]{2}",
            ),
            // Verbs whose subjects are the investors of a round (`由A独家投资`, `老股东A持续加注`).
            // (and the founders of a fund or company: `由A与B共同发起设立`, `A联合B出资成立`)
            investor: re(
                r"(?:联合领投|领投|跟投|参投|独家投资|(?:联合|共同)投资|(?:继续|持续)?(?:加注|追投|超额认购)|(?:继续|持续)加码|(?:继续)?(?:追加|加码)投资|(?:共同|联合)(?:出资|发起)?(?:设立|成立|组建)|(?:出资|发起)(?:设立|成立|组建))",
            ),
            // Words after which the investors of a round are listed (`投资方为A、B`, and the
            // labels of a round told as a list: `领投方：A、B`, `跟投机构为C`, `老股东：D`).
            investor_list: re(
                r"(?:投资方|投资人|投资机构|投资者)(?:为|包括|是)|(?:联合)?(?:领投|跟投|参投)(?:方|机构)(?:为|包括|是|分别为|[：:])|老股东(?:为|包括|[：:])",
            ),
            // Verbs whose subjects are the advisers of a deal (`由A担任独家财务顾问`).
            adviser: re(
                r"(?:担任|出任|作为)(?:本轮|本次|此次|该次|上述)?(?:融资|交易|发行|重组|收购|并购)?的?(?:独家|独立|联席|首席)?(?:财务顾问|法律顾问|保荐机构|保荐人|主承销商|联席主承销商|承销商)",
            ),
            // Verbs whose subject founds a fund (`X宣布设立规模50亿元的Y基金`): the fund must
            // follow in the clause, so `X设立分公司` or `X成立于2010年` is no slot.
            founder: re(
                r"(?:发起)?(?:设立|成立|组建)(?:了)?[^，。；！？,;!?\n]{0,30}?(?:基金|合伙企业)",
            ),
            // `完成对X、Y的收购`: the companies between 对 and 的收购.
            subsidiary: re(r"(?:全资|控股|间接全资)?(?:子公司|孙公司|附属公司|附属)"),
            deal_of: re(r"对([^，。；！？,;!?\n对]{2,80}?)的(?:全资|要约)?(?:收购|并购)"),
            received_from: re(
                r"获得?了?(\p{Han}{2,8}?)\s*(?:[0-9０-９]|数|近|超|逾|约)[^，。；！？,;!?\n]{0,16}?(?:投资|融资|注资)",
            ),
        }
    }
}

/// The matches of `stake` (`\d+(?:\.\d+)?[%％](?:的)?(?:股权|股份|权益)`) in `text`, as
/// `stake.find_iter(text)` gives them. The pattern starts with `\d`, which no prefilter can
/// look for, so its plain search ran a lazy DFA over every byte of every document (≈ 40 M
/// instructions on the 3 MB corpus, issue 8). A match holds one percent sign, the first
/// character after its start that is no digit and no dot, and starts in the run of digits
/// and dots right before that sign: at each percent sign, the pattern is searched from the
/// start of the run before it (numeric characters and dots: a superset of `\d` and `.`) to
/// three characters after it, and from the end of the last match on.
fn stake_matches<'t>(
    text: &'t str,
    stake: &'t regex::Regex,
) -> impl Iterator<Item = Range<usize>> + 't {
    let mut pos = 0;
    crate::rules::occurrences::char_matches(text, ['%', '％', '％']).filter_map(move |(p, _)| {
        if p < pos {
            return None;
        }
        let run = text[..p]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c == '.' || c.is_numeric())
            .last()
            .map_or(p, |(i, _)| i);
        let from = run.max(pos);
        let to = text[p..]
            .char_indices()
            .nth(4)
            .map_or(text.len(), |(i, _)| p + i);
        let m = stake.find(&text[from..to])?;
        pos = from + m.end();
        Some(from + m.start()..pos)
    })
}

/// `（2024）`, `(1998)`: four digits from 1900 to 2099 and nothing else inside the parentheses.
fn is_bare_year(paren: &str) -> bool {
    let inner = paren.trim_matches(|c: char| "（()）".contains(c) || c.is_whitespace());
    inner.len() == 4
        && inner.bytes().all(|b| b.is_ascii_digit())
        && (inner.starts_with("19") || inner.starts_with("20"))
}

/// Where the clause holding byte `pos` starts (after the last punctuation mark before it).
/// A space between two ideographs outside 《》 and “” counts (see
/// [`separator_spaces_outside_quotes`]).
fn clause_start(text: &str, pos: usize) -> usize {
    let start = text[..pos]
        .rfind(['，', '。', '；', '！', '？', ',', ';', '\n', '：', ':'])
        .map(|i| i + text[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    // (a separator space is rare: look for one only after the last mark)
    if !text[start..pos].contains(' ') {
        return start;
    }
    separator_spaces_outside_quotes(text, start..pos)
        .last()
        .map_or(start, |i| i + 1)
}

/// A name character of a short name.
fn name_char(c: char) -> bool {
    c != '丨' && (c.is_ascii_alphanumeric() || is_han(c) || matches!(c, '*' | '&' | '·'))
}

/// Single characters that make a phrase deictic when they begin it (`该X`, `其X`): other single
/// stop characters (`和`, `华`) begin company names too.
const DEICTIC: &str = "该此其这那各每某本我你他她它";

/// Prepositions that open a phrase, never a short name (`双方将在精密减速器等领域`: no
/// `在精密`). `在线` is a word that brands do start with.
const PREPOSITION_FIRST: &str = "在从把被";

/// Characters no short name holds (function words): a span with one was bounded wrongly.
const NEVER_IN_NAME: &[char] = &[
    '的', '了', '着', '过', '在', '于', '被', '把', '从', '向', '对', '将', '已', '也', '又', '就',
    '才', '是', '为', '与', '及', '或', '并', '而', '但', '却', '还', '曾', '均', '拟', '要', '称',
    '说', '即', '等', '该', '其', '这', '那',
];

/// Single stop characters that occur inside company names (居然之家, 有色): not a boundary.
const NAME_OK_STOPS: &str = "之个次每打做架艘辆起找某无任除携有贵往应更最很共";

/// The boundary words (stop words, titles, lead words) inside `text[floor..end]`, as (end,
/// start, kept): one automaton pass per list over the span, instead of one per position that
/// [`cut`] asks about (issue 8). `kept` is 2 for a word that always bounds a name, 1 for a
/// single stop character that bounds it unless only multi-character words are read, 0 for one
/// that names hold (NAME_OK_STOPS).
fn boundary_words(text: &str, floor: usize, end: usize, r: &OrgRules) -> Vec<(usize, usize, u8)> {
    let seg = &text[floor..end];
    let mut words = Vec::new();
    let mut add = |m: &TermMatcher, single_ok: bool| {
        for (rg, _) in m.find_all(seg) {
            let w = &seg[rg.clone()];
            let kept = if single_ok || w.chars().count() != 1 {
                2
            } else if NAME_OK_STOPS.contains(w) {
                0
            } else {
                1
            };
            words.push((floor + rg.end, floor + rg.start, kept));
        }
    };
    for m in r.words(WordType::Stop) {
        add(m, false);
    }
    add(&r.titles, true);
    add(&r.short.lead, true);
    words
}

/// Does a boundary word of `words` ([`boundary_words`]) end at byte `pos`? Returns where the
/// longest one starts. Single stop characters count unless `multi_only`.
fn word_ending_at(words: &[(usize, usize, u8)], pos: usize, multi_only: bool) -> Option<usize> {
    let least = if multi_only { 2 } else { 1 };
    words
        .iter()
        .filter(|&&(e, _, kept)| e == pos && kept >= least)
        .map(|&(_, s, _)| s)
        .min()
}

/// Strip filler words and a date/time (`宣布`, `已`, `3月10日晚`) from the end of
/// `text[..pos]`, never back past `floor` (the start of the slot's clause: a filler ending the
/// clause before a separator space, `X完成融资 将与Y签署`, belongs to that other clause);
/// returns the new end.
fn strip_fill(text: &str, mut pos: usize, floor: usize, org: &OrgRules) -> usize {
    let r = &org.short;
    loop {
        pos = pos.max(floor);
        if pos == floor {
            return pos;
        }
        let before = &text[..pos];
        let floor = before
            .char_indices()
            .rev()
            .nth(5)
            .map(|(i, _)| i)
            .unwrap_or(0);
        let seg = &before[floor..];
        if let Some((rg, _)) = r.fill.find_all(seg).find(|(rg, _)| rg.end == seg.len()) {
            pos = floor + rg.start;
            // (`已于3月底与`: a filler that is the part of a month or year, `月底`/`年初`,
            // takes the month's or year's number before it too; the date branch below sees
            // only what is left, `已于3`, which no longer ends with 年/月)
            if seg[rg].starts_with(['月', '年']) {
                pos = text[..pos]
                    .trim_end_matches(|c: char| c.is_ascii_digit())
                    .len();
            }
            continue;
        }
        // A function word or verb right before the slot (`X曾经完成`, `X正在…签约`).
        let stop = org.words(WordType::Stop).find_map(|m| {
            m.find_all(seg)
                .filter(|(rg, _)| rg.end == seg.len())
                // Single characters only through the fill list (`据` ends `数据`).
                .filter(|(rg, _)| seg[rg.clone()].chars().count() > 1)
                .map(|(rg, _)| rg.start)
                .min()
        });
        if let Some(st) = stop {
            pos = floor + st;
            continue;
        }
        // A date or time: digits with 年/月/日/号 (`3月10日`, `2019年`), also a part of a
        // month or year (`5月底`, `2023年初`, `6月中旬`).
        let part = ["底", "初", "末", "上旬", "中旬", "下旬"]
            .iter()
            .find_map(|w| before.strip_suffix(w))
            .filter(|b| b.ends_with(['年', '月']))
            .unwrap_or(before);
        let trimmed = part.trim_end_matches(['年', '月', '日', '号']);
        let digits = trimmed.trim_end_matches(|c: char| c.is_ascii_digit());
        // (`2023年5月底` with `月底` taken as a filler leaves `2023年5`)
        if (trimmed.len() < part.len() || digits.ends_with(['年', '月']))
            && digits.len() < trimmed.len()
        {
            pos = digits.len();
            continue;
        }
        if before.ends_with(' ') {
            pos -= 1;
            continue;
        }
        // A quoted name (`“X”完成…融资`): the name ends inside the quotes.
        if let Some(q) = before.strip_suffix(['”', '"', '」'])
            && q.ends_with(name_char)
        {
            pos = q.len();
            continue;
        }
        return pos;
    }
}

/// The name ending at `end`: scan back over name characters to a boundary and cut after the
/// last boundary word inside. Also says whether the boundary is *hard* (punctuation, the text
/// start, a descriptor or a number) rather than a function word, which may be cutting an
/// adverb or verb phrase (`拟分别以…收购`).
fn name_before(text: &str, end: usize, r: &OrgRules) -> Option<(usize, bool)> {
    let mut pos = end;
    let mut cjk = 0;
    let mut bytes = 0;
    while let Some(c) = text[..pos].chars().next_back() {
        let ascii_space = c == ' '
            && text[..pos - 1]
                .chars()
                .next_back()
                .is_some_and(|p| p.is_ascii_alphanumeric())
            && text[pos..].starts_with(|n: char| n.is_ascii_alphanumeric());
        if !(name_char(c) || ascii_space) {
            break;
        }
        if is_han(c) {
            cjk += 1;
        } else {
            bytes += 1;
        }
        if cjk > MAX_CJK + 6 || bytes > MAX_ASCII {
            break;
        }
        pos -= c.len_utf8();
    }
    let floor = pos;
    let words = boundary_words(text, floor, end, r);
    // First read only multi-character words as boundaries: a short name bounded that way
    // may hold a single stop character (`和X`, `X到家`) unless it is one no name holds.
    let (start, hard) = cut(text, floor, end, r, true, &words);
    let span = &text[start..end];
    let cjk = span.chars().filter(|c| is_han(*c)).count();
    let (start, hard) = if hard && (2..=6).contains(&cjk) && !span.contains(NEVER_IN_NAME) {
        (start, hard)
    } else {
        cut(text, floor, end, r, false, &words)
    };
    let name = &text[start..end];
    if name.chars().filter(|c| is_han(*c)).count() > MAX_CJK {
        return None;
    }
    Some((start, hard))
}

/// Where a name ending at `end` starts, scanning no further left than `floor`: after the last
/// boundary word or number inside (single stop characters too unless `multi_only`), and
/// whether that boundary is hard (a descriptor, a number, or `floor` itself). `words`: the
/// boundary words of `text[floor..end]` ([`boundary_words`]).
fn cut(
    text: &str,
    floor: usize,
    end: usize,
    r: &OrgRules,
    multi_only: bool,
    words: &[(usize, usize, u8)],
) -> (usize, bool) {
    // Cut after the last boundary word or number inside (the first found from the right).
    let mut start = floor;
    let mut hard = true;
    let mut p = end;
    while p > floor {
        let Some(c) = text[..p].chars().next_back() else {
            break;
        };
        if p < end {
            if let Some(ws) = word_ending_at(words, p, multi_only) {
                start = p;
                hard = r.short.lead.contains(&text[ws..p]);
                break;
            }
            // `3月10日`, `5家`, `2019年`: a number (with its unit) before a CJK name.
            let next_cjk = text[p..end].starts_with(|n: char| !n.is_ascii_alphanumeric());
            let unit_after_digit = !c.is_ascii_alphanumeric()
                && text[..p - c.len_utf8()]
                    .chars()
                    .next_back()
                    .is_some_and(|q| q.is_ascii_digit());
            if (c.is_ascii_digit() && next_cjk) || unit_after_digit {
                start = p;
                break;
            }
        }
        p -= c.len_utf8();
    }
    (start, hard)
}

/// Does a filler of two characters or more start at `start` (`收购尚需提交股东大会审议`)? It
/// opens no name.
fn opens_with_fill(text: &str, start: usize, r: &OrgRules) -> bool {
    let lim = char_window(text, start, 4);
    r.short
        .fill
        .prefixes_at(text, start, lim)
        .any(|(e, _)| text[start..e].chars().count() > 1)
}

/// The name starting at `start`: name characters up to the first stop/fill/lead word, stake,
/// or non-name character.
fn name_after(text: &str, start: usize, r: &OrgRules, norm: &NormText) -> Option<usize> {
    if opens_with_fill(text, start, r) {
        return None;
    }
    let mut pos = start;
    let mut cjk = 0;
    while let Some(c) = text[pos..].chars().next() {
        // `BlueTalon 增强…`: a space the normalizer removed between a Latin name and Chinese
        // text ends the name (`YY直播`, written without one, is one name).
        if pos > start
            && is_han(c)
            && text[..pos].ends_with(|p: char| p.is_ascii_alphanumeric())
            && removed_before(norm, pos)
        {
            break;
        }
        if pos > start {
            let rest = &text[pos..];
            let starts = |m: &TermMatcher| {
                let w = &rest[..rest
                    .char_indices()
                    .nth(4)
                    .map(|(i, _)| i)
                    .unwrap_or(rest.len())];
                m.find_all(w).any(|(rg, _)| {
                    // Inside a name only function words end it (`星桥数据` holds `据`).
                    rg.start == 0
                        && (rg.end - rg.start > c.len_utf8() || NEVER_IN_NAME.contains(&c))
                })
            };
            if r.words(WordType::Stop).any(starts)
                || starts(&r.short.fill)
                || rest.starts_with("持有")
                || rest.starts_with("所持")
                || rest.starts_with("旗下")
                || rest.starts_with("全部")
                || rest.starts_with("部分")
                // (`收购X余下60%的股份`: what is left of the stake)
                || REMAINING.iter().any(|w| rest.starts_with(w))
                || rest.starts_with("剩余")
                || rest.starts_with("股权")
                // Only the next few characters: a search to the document's end at every
                // character would make this quadratic.
                || r
                    .short
                    .signing
                    .find(&rest[..rest.char_indices().nth(4).map_or(rest.len(), |(i, _)| i)])
                    .is_some_and(|m| m.start() == 0)
                || (c.is_ascii_digit() && !text[..pos].ends_with(|p: char| p.is_ascii_alphabetic()))
            {
                break;
            }
        }
        let ascii_space = c == ' '
            && text[..pos]
                .chars()
                .next_back()
                .is_some_and(|p| p.is_ascii_alphanumeric())
            && text[pos + 1..].starts_with(|n: char| n.is_ascii_alphanumeric());
        if !(name_char(c) || ascii_space) {
            break;
        }
        if is_han(c) {
            cjk += 1;
            if cjk > MAX_CJK {
                return None;
            }
        }
        pos += c.len_utf8();
    }
    (pos > start).then_some(pos)
}

/// The end of a Latin name starting at `st`: letters, digits, `&`, `.`, `-` and single
/// spaces between words, up to [`MAX_ASCII`] bytes; a trailing dot or space is no part of it.
fn latin_name_end(norm: &NormText, st: usize) -> usize {
    let text = norm.text.as_str();
    let mut e = st;
    for (i, c) in text[st..].char_indices() {
        let at = st + i;
        let ok = c.is_ascii_alphanumeric()
            || matches!(c, '&' | '-' | '.')
            || c == ' ' && text[at + 1..].starts_with(|n: char| n.is_ascii_alphanumeric());
        if !ok || at - st >= MAX_ASCII {
            break;
        }
        e = at + c.len_utf8();
    }
    while text[st..e].ends_with(['.', ' ', '-']) {
        e -= 1;
    }
    e
}

/// Did normalization remove something (a space) right before clean byte `pos`?
fn removed_before(norm: &NormText, pos: usize) -> bool {
    norm.orig_ranges_around(pos)
        .is_some_and(|(a, b)| a.end < b.start)
}

/// How far around a slot [`recurs`] looks (bytes each side): the check stays linear in the
/// document however many deal verbs it holds.
const RECUR_WINDOW: usize = 12_000;

/// How many bytes [`recurs`] may scan in one document in all: past it, bare names are no
/// longer confirmed, so a huge document full of deal verbs stays linear.
const RECUR_BUDGET: usize = 64 << 20;

/// Does the name `text[range]` occur again near it (another, non-overlapping occurrence
/// within [`RECUR_WINDOW`]) in another context — with a different character on each side? A bare name in a deal slot (`苏宁收购家乐福`) that the article names
/// again elsewhere is a participant it is about, not a passing phrase; a fragment of a longer
/// word (`目标公` of `目标公司`) is always followed by the same character, so it never counts.
fn recurs(text: &str, range: &Range<usize>, budget: &Cell<usize>) -> bool {
    let prev = |i: usize| text[..i].chars().next_back();
    let next = |i: usize| text[i..].chars().next();
    let (p0, n0) = (prev(range.start), next(range.end));
    let mut lo = range.start.saturating_sub(RECUR_WINDOW);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (range.end + RECUR_WINDOW).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let Some(left) = budget.get().checked_sub(hi - lo) else {
        return false;
    };
    budget.set(left);
    let name = &text[range.clone()];
    crate::rules::occurrences::match_starts(&text[lo..hi], name)
        .map(|i| lo + i)
        .filter(|&i| i + name.len() <= range.start || i >= range.end)
        .any(|i| next(i + name.len()) != n0 && prev(i) != p0)
}

/// Is the name starting at `st` bounded on the left by punctuation, the text start, a space
/// the normalizer removed, or a descriptor (`公司`, `巨头`) — not by a number (`1亿美元收购`)
/// or a word of the sentence?
fn left_bounded(norm: &NormText, st: usize, r: &OrgRules) -> bool {
    let text = norm.text.as_str();
    match text[..st].chars().next_back() {
        None => true,
        // The agent of a passive deal (`B被A收购`, `由A收购`) or the topic of a comment on a
        // deal (`对A收购B的提议`).
        Some('被' | '由' | '对') => true,
        Some(c) if !name_char(c) => true,
        Some(_) if removed_before(norm, st) => true,
        Some(_) => {
            // Lead words are short and hold no punctuation: 12 bytes back is enough.
            let mut from = st.saturating_sub(12);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            r.short
                .lead
                .find_all(&text[from..st])
                .any(|(rg, _)| from + rg.end == st)
        }
    }
}

/// The object of a deal verb without a company shape (`收购街电解决出行难题`, `收购家乐福
/// 电商加速…` with its space removed): the longest prefix of the name characters after
/// `start` that reads as a name and that the article names again (two characters at least).
fn recurring_prefix(text: &str, start: usize, r: &OrgRules, budget: &Cell<usize>) -> Option<usize> {
    // (`本次收购尚需…，产业基金尚需…`: a filler named twice is still no name)
    if opens_with_fill(text, start, r) {
        return None;
    }
    let mut ends = Vec::new();
    let mut cjk = 0;
    for (i, c) in text[start..].char_indices() {
        // Latin letters lead a name too (`YY直播`), but only before any Chinese.
        let latin = c.is_ascii_alphanumeric() && cjk == 0;
        if !(is_han(c) || latin) || NEVER_IN_NAME.contains(&c) && i > 0 {
            break;
        }
        if latin {
            continue;
        }
        cjk += 1;
        if cjk > MAX_CJK - 2 {
            break;
        }
        ends.push(start + i + c.len_utf8());
    }
    ends.into_iter().rev().find(|&e| {
        let rg = start..e;
        // A category before a descriptor (`珠宝品牌X`, `物流公司X`) is no name.
        !r.short
            .lead
            .find_all(&text[e..char_window(text, e, 4)])
            .any(|(m, _)| m.start == 0)
            && text[rg.clone()].chars().count() >= 2
            && plausible(&text[rg.clone()], r, Proof::Slot, false)
            && !right_bad(text, e, r)
            && recurs(text, &rg, budget)
    })
}

/// How strongly the context vouches for the name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Proof {
    /// A stock code: any name shape.
    Code,
    /// A subject slot: a name that is no person, place, title or common noun.
    Slot,
    /// An object slot: a company shape is also needed unless a stake or `旗下` follows.
    Object,
    /// The subject of an acquisition verb: a company shape is needed (adverbs and verb
    /// phrases stand there too: `拟分别以现金收购`).
    Acquirer,
    /// The short form of a full company name in the same document (`org.short_form`): the
    /// full name vouches for it, so a last character that ends common nouns elsewhere
    /// (`特化`, `石化`: badend 化) does not make it one.
    Form,
}

thread_local! {
    /// [`plausible`]'s answers during one [`find`] (`None` outside it): by name, a bit per
    /// (proof, confirmed) asked and a bit for each answer (see [`PlausibleMemo`]).
    static PLAUSIBLE: std::cell::RefCell<Option<crate::rules::FastMap<String, (u16, u16)>>> =
        const { std::cell::RefCell::new(None) };
}

/// [`plausible`]'s memo for one call of [`find`] (one document, one rule set): the same name
/// is asked about in many slots of an article (≈ 4 300 instructions an answer, issue 8). The
/// answer depends only on the name, the rules and the two flags, so a kept answer is the one
/// computed afresh.
struct PlausibleMemo;

impl PlausibleMemo {
    fn open() -> PlausibleMemo {
        PLAUSIBLE.with(|m| *m.borrow_mut() = Some(Default::default()));
        PlausibleMemo
    }
}

impl Drop for PlausibleMemo {
    fn drop(&mut self) {
        PLAUSIBLE.with(|m| *m.borrow_mut() = None);
    }
}

/// Does `name` look like a company's short name? (kept per document during [`find`])
fn plausible(name: &str, r: &OrgRules, proof: Proof, confirmed_after: bool) -> bool {
    let bit = 1u16 << (proof as u16 * 2 + u16::from(confirmed_after));
    let kept = PLAUSIBLE.with(|m| {
        let m = m.try_borrow().ok()?;
        let (asked, yes) = *m.as_ref()?.get(name)?;
        (asked & bit != 0).then_some(yes & bit != 0)
    });
    if let Some(v) = kept {
        return v;
    }
    let v = plausible_fresh(name, r, proof, confirmed_after);
    PLAUSIBLE.with(|m| {
        if let Ok(mut m) = m.try_borrow_mut()
            && let Some(m) = m.as_mut()
        {
            let e = m.entry(name.to_string()).or_insert((0, 0));
            e.0 |= bit;
            if v {
                e.1 |= bit;
            }
        }
    });
    v
}

/// [`plausible`] without the memo.
fn plausible_fresh(name: &str, r: &OrgRules, proof: Proof, confirmed_after: bool) -> bool {
    let s = &r.short;
    let name = name.trim();
    let chars: Vec<char> = name.chars().collect();
    let cjk = chars.iter().filter(|c| is_han(**c)).count();
    let ascii = chars.iter().all(|c| c.is_ascii());
    if ascii {
        let letters = chars.iter().filter(|c| c.is_ascii_alphabetic()).count();
        if letters < 2 || !chars[0].is_ascii_alphabetic() || name.len() > MAX_ASCII {
            return false;
        }
        // A lone capitalised English word could be anything; codes need two capitals.
        if proof != Proof::Code && chars.len() <= 2 {
            return false;
        }
    } else if !(2..=max_cjk(proof)).contains(&cjk) {
        return false;
    }
    if chars.first().is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    // `三家企业战略`, `两所高校`: a counted noun describes firms and names none (a measure word
    // of things is kept out: 三只松鼠, 三个爸爸 are brands).
    if let [n, m, ..] = chars[..]
        && ("〇零一二三四五六七八九十两几数多".contains(n))
        && "家所批位名".contains(m)
    {
        return false;
    }
    if s.notname.contains(name)
        || r.words(WordType::NotAlias).any(|m| m.contains(name))
        || r.titles.contains(name)
        // A place before a stock code is a company named after it (`X（600123）`).
        || (proof != Proof::Code && r.places.contains(name))
        || s.inner.find_all(name).next().is_some()
    {
        return false;
    }
    // A quantifier or function word first (`多家X企业`), or a descriptor last (`领军企业`,
    // `交易平台`): a common noun phrase, not a name.
    let first_len = name.chars().next().map_or(0, char::len_utf8);
    let starts_stop = r.words(WordType::Stop).any(|m| {
        m.prefixes_at(name, 0, name.len())
            .any(|(end, _)| end > first_len || DEICTIC.contains(&name[..end]))
    });
    let ends_lead = s.lead.find_all(name).any(|(rg, _)| rg.end == name.len());
    let starts_prep = name
        .chars()
        .next()
        .is_some_and(|c| PREPOSITION_FIRST.contains(c))
        && !name.starts_with("在线");
    if starts_stop || ends_lead || starts_prep {
        return false;
    }
    let last = chars.last().copied().unwrap_or(' ');
    let company_end =
        s.ending.find_all(name).any(|(rg, _)| rg.end == name.len()) && s.ending.get(name).is_none();
    if s.badend.contains(&last) && !company_end && proof != Proof::Form {
        return false;
    }
    // A title inside the name (`董事长王某`) means the boundary is wrong.
    if r.titles.find_all(name).next().is_some() && !company_end {
        return false;
    }
    // Generic words alone (`科技`, `投资`) are no name.
    let generic_only = r.words(WordType::Generic).any(|m| m.contains(name));
    if generic_only {
        return false;
    }
    if proof == Proof::Code {
        return true;
    }
    // A person's name shape: surname + one or two given-name characters.
    if !ascii && (2..=3).contains(&cjk) && cjk == chars.len() && !company_end {
        let first: String = chars[..1].iter().collect();
        if s.surnames.contains(&first) && chars[1..].iter().all(|c| s.given.contains(c)) {
            return false;
        }
    }
    match proof {
        // An ASCII word in a deal slot is a company or brand name (`收购Tiffany`); so is a
        // known company's name continued by more of a name (`由国投创新领投`: a subsidiary).
        Proof::Object => company_end || confirmed_after || ascii || extends_known(name, r),
        Proof::Acquirer => company_end || ascii,
        // Without a company shape a slot name must be short (`回顾两年前X完成融资`).
        _ => company_end || cjk <= 6,
    }
}

/// Does `name` begin with a strong known organization name and continue with at least two
/// more CJK characters (`国投` + `创新`)? The longer name is a subsidiary or fund of it, not
/// the known organization followed by a word.
fn extends_known(name: &str, r: &OrgRules) -> bool {
    r.known.prefixes_at(name, 0, name.len()).any(|(end, e)| {
        name[end..].chars().filter(|c| is_han(*c)).count() >= 2
            && e.attr("form")
                .and_then(|f| f.parse::<usize>().ok())
                .and_then(|i| r.known_forms.get(i))
                .is_some_and(|f| f.form == super::NameForm::Strong)
    })
}

/// A candidate of `rule` for `range`.
fn cand(range: Range<usize>, rule: crate::rules::RuleId) -> Candidate {
    Candidate::new(Label::Organization, range, rule, PRIORITY).with_attrs(Attrs::Org {
        kind: OrgKind::Enterprise,
    })
}

/// `org.place_party`: a region acting as a party of a signing (`宁州市与X签署…`,
/// `X与临江经济技术开发区签约`) stands for its government or managing committee.
fn gov_cand(range: Range<usize>) -> Candidate {
    Candidate::new(Label::Organization, range, PLACE_PARTY, PRIORITY).with_attrs(Attrs::Org {
        kind: OrgKind::Government,
    })
}

/// Words that end the name of a development zone (`经济技术开发区`, `高新区`).
const ZONE_TAILS: [&str; 10] = [
    "开发区",
    "高新区",
    "经开区",
    "新区",
    "园区",
    "示范区",
    "自贸区",
    "保税区",
    "试验区",
    "合作区",
];

/// Is `name` a region that can sign: a place of the lexicon written with its administrative
/// suffix (`宁州市` only if listed, `四川省`, `于都县`; a bare `成都` may name the venue), or a
/// development zone (2–12 Han characters ending in a zone word, no determiner first:
/// `临江经济技术开发区`, not `各开发区`)?
fn is_place_party(name: &str, r: &OrgRules) -> bool {
    let n = name.chars().count();
    if (r.places.get(name).is_some() && name.ends_with(['省', '市', '区', '县', '旗', '州', '盟']))
        && n >= 3
    {
        return true;
    }
    let Some(tail) = ZONE_TAILS.iter().find(|t| name.ends_with(**t)) else {
        return false;
    };
    let stem = &name[..name.len() - tail.len()];
    stem.chars().count() >= 2
        && n <= 12
        && name.chars().all(is_han)
        && !stem.starts_with(|c: char| DEICTIC.contains(c) || "全多两几数".contains(c))
}

/// The end of a region right after `与` (`与宁州市签署`), when only filler words stand between
/// it and the signing verb at `verb`.
fn place_party_after(text: &str, start: usize, verb: usize, r: &OrgRules) -> Option<usize> {
    let end = strip_fill(text, verb, start, r);
    (end > start && is_place_party(&text[start..end], r)).then_some(end)
}

/// The byte after a list item's marker and its blanks when a line opens at `st` with one
/// (`2. `, `（3）`, `- `; `position::is_list_marker` decides), else `st`.
fn after_list_marker(text: &str, st: usize) -> usize {
    // a marker is short: at most six characters before the first Han character
    let Some((len, _)) = text[st..].char_indices().take(7).find(|&(_, c)| is_han(c)) else {
        return st;
    };
    let head = text[st..st + len].trim();
    if head.is_empty() || !crate::extract::position::is_list_marker(head) {
        return st;
    }
    st + len
}

/// `st`, or past a `由` there: `由A与B签署`, `由A领投` — 由 marks the agent and is no part of
/// the name after it.
fn after_agent(text: &str, st: usize) -> usize {
    // (`由于A与B达成…`: 由于 is "because", the clause's subject follows it)
    if text[st..].starts_with("由于") {
        return st + "由于".len();
    }
    st + if text[st..].starts_with('由') {
        '由'.len_utf8()
    } else {
        0
    }
}

/// Does the agent marker 由 stand right before byte `st` at a clause's start or after the round
/// it tells of (`，由淡马锡领投`, `本轮融资由X领投`)? The name after it is the
/// clause's agent, bounded as firmly as by punctuation.
fn agent_at_clause_start(text: &str, st: usize) -> bool {
    text[..st].strip_suffix('由').is_some_and(|before| {
        before.ends_with(['轮', '资'])
            || before
                .chars()
                .next_back()
                .is_none_or(|c| "，。；：,;:\n（(".contains(c))
    })
}

/// The signing parties whose list ends at `end` (the clause's first 与, or the verb): each
/// item between `、` marks that is a name (an item with a suffix of its own is the suffix
/// rule's). The first item needs a hard left edge (punctuation, a descriptor, or a clause
/// opener such as `由于`); `由` before it marks the agent.
fn parties_before(
    text: &str,
    clause_start: usize,
    end: usize,
    r: &OrgRules,
    out: &mut Vec<Candidate>,
) {
    let opener = after_agent(text, clause_start);
    let mut item_end = end;
    loop {
        let sep = text[clause_start..item_end]
            .rfind('、')
            .map(|i| clause_start + i);
        let item_start = sep.map_or(clause_start, |i| i + '、'.len_utf8());
        if let Some((st, hard)) = name_before(text, item_end, r)
            && let st = after_agent(text, st)
            && (hard || opener > clause_start && st == opener)
            && st < item_end
            && st >= item_start
            && (sep.is_none() || st == item_start)
            && plausible(&text[st..item_end], r, Proof::Slot, false)
        {
            out.push(cand(st..item_end, EVENT_ARG));
        }
        match sep {
            Some(i) => item_end = i,
            None => return,
        }
    }
}

/// The signing parties after `与` up to the verb at `verb`: the first name, and each name
/// after a `、` that follows it. A name right before a descriptor that another
/// name follows (`与白酒经销商X签署`) is a category, not a party; parties followed by 代表
/// (`由A与B代表双方签署`) are the people who sign for the parties — signatories, no
/// organizations.
fn parties_after(
    text: &str,
    mut start: usize,
    verb: usize,
    r: &OrgRules,
    norm: &NormText,
    out: &mut Vec<Candidate>,
) {
    let mut first = true;
    while start < verb {
        let end = name_after(text, start, r, norm);
        // (a distributive or joint adverb may stand before 代表: `A和B分别代表双方签约`)
        if end.is_some_and(|e| {
            let rest = &text[e..];
            let rest = ["分别", "共同", "各自"]
                .iter()
                .find_map(|w| rest.strip_prefix(w))
                .unwrap_or(rest);
            rest.starts_with("代表")
        }) {
            return;
        }
        let Some(end) = end.filter(|&e| {
            e <= verb
                && !descriptor_before_name(text, e, verb, r)
                && plausible(&text[start..e], r, Proof::Slot, false)
        }) else {
            if first && let Some(e) = place_party_after(text, start, verb, r) {
                out.push(gov_cand(start..e));
            }
            return;
        };
        out.push(cand(start..end, EVENT_ARG));
        first = false;
        let rest = &text[end..verb];
        // (only 、: after 及/和 a person stands as often: `与A及自然人B签署`)
        let Some(rest_start) = rest.strip_prefix('、') else {
            return;
        };
        start = verb - rest_start.len();
    }
}

/// Does a descriptor (`经销商`, `平台`: a lead word) start at `end` with more name characters
/// after it before `verb` (`白酒经销商X`)? Then the words before it describe X.
fn descriptor_before_name(text: &str, end: usize, verb: usize, r: &OrgRules) -> bool {
    let lim = char_window(text, end, 6);
    r.short
        .lead
        .prefixes_at(text, end, lim)
        .any(|(e, _)| e < verb && text[e..].chars().next().is_some_and(name_char))
}

/// The end of a list of parties before `等` and a count or descriptor that sums it up
/// (`A、B等十多家代理商与C签订`, `A、B等企业`), or before a count of its items (`A、B、C
/// 四国签署`, `A、B、C三方`): where the summary starts; else `end`.
fn strip_etc(text: &str, clause_start: usize, end: usize, r: &OrgRules) -> usize {
    // `A、B、C四国签署`, `A、B三方签订`: a count of the items closes the list.
    let head = &text[clause_start..end];
    if let Some(h) = head.strip_suffix(['国', '方', '家'])
        && let Some(n) = h.strip_suffix(|c: char| "两三四五六七八九十多".contains(c))
        && n.ends_with(|c: char| c != '、' && c != '等')
        && head.contains('、')
    {
        return clause_start + n.len();
    }
    let Some(etc) = text[clause_start..end]
        .rfind('等')
        .map(|i| clause_start + i)
    else {
        return end;
    };
    let rest = text[etc + '等'.len_utf8()..end]
        .trim_start_matches(|c: char| {
            c.is_ascii_digit() || "〇零一二三四五六七八九十百两几数多余".contains(c)
        })
        .trim_start_matches(['家', '所', '个']);
    let sums_up = rest.is_empty() || r.short.lead.contains(rest) || r.short.notname.contains(rest);
    if sums_up { etc } else { end }
}

/// The start of a region ending at `end` that opens its clause (`宁州市与X签署`, `会上，
/// 宁州市与…`, `由宁州市与…`), or the row of a list (`2. 宁州经济技术开发区与X签约…`).
fn place_party_before(text: &str, clause_start: usize, end: usize, r: &OrgRules) -> Option<usize> {
    let st = after_agent(text, after_list_marker(text, clause_start));
    (st < end && is_place_party(&text[st..end], r)).then_some(st)
}

/// Short-name candidates of the document. `winners` are the organizations found so far (for
/// `org.short_form`).
/// Also returns every short form of a full company name in the document with that name
/// (for suffix-shaped short forms such as `X集团`, which the suffix rule finds on its own).
pub(super) fn find(
    norm: &NormText,
    r: &OrgRules,
    winners: &[Candidate],
) -> (Vec<Candidate>, BTreeMap<String, String>) {
    let text = norm.text.as_str();
    let s = &r.short;
    let _memo = PlausibleMemo::open();
    let budget = Cell::new(RECUR_BUDGET);
    let mut out: Vec<Candidate> = Vec::new();
    // Stock codes and quotes.
    for m in s.stock.find_iter(text) {
        // A bare year in parentheses is an edition, not a code (`白皮书（2024）`).
        if is_bare_year(m.as_str()) {
            continue;
        }
        if let Some((st, _)) = name_before(text, m.start(), r)
            && plausible(&text[st..m.start()], r, Proof::Code, false)
        {
            out.push(cand(st..m.start(), STOCK_CODE));
        }
    }
    for c in s.abbr.captures_iter(text) {
        if let Some(g) = c.get(1)
            && plausible(g.as_str(), r, Proof::Code, false)
        {
            out.push(cand(g.range(), STOCK_CODE));
        }
    }
    // Subjects of announcing, financing and acquiring.
    for m in s.subject.find_iter(text) {
        // (no clause floor: a subject may stand before a separator space, `X 宣布完成融资`)
        let end = strip_fill(text, m.start(), 0, r);
        // `X被收购`: a passive with no agent; what stands before 被 is the target.
        if text[..end].ends_with('被') {
            continue;
        }
        let proof = if m.as_str().ends_with("购") {
            Proof::Acquirer
        } else {
            Proof::Slot
        };
        if let Some((st, hard)) = name_before(text, end, r)
            && (hard || proof == Proof::Acquirer)
            && (plausible(&text[st..end], r, proof, false)
                // A bare acquirer (`苏宁收购家乐福`) bounded by punctuation or a descriptor
                // and named again in the article.
                || proof == Proof::Acquirer
                    && left_bounded(norm, st, r)
                    && plausible(&text[st..end], r, Proof::Slot, false)
                    && recurs(text, &(st..end), &budget))
        {
            out.push(cand(st..end, EVENT_ARG));
        }
    }
    // The announcer of a deal told in the clauses after it (`X宣布，今天与Y订立协议`,
    // `X宣布将以总价…，约合…的价格收购Y`): the subject of 宣布/公布 when a deal verb follows in
    // its sentence.
    for verb in ["宣布", "公布"] {
        for (at, _) in text.match_indices(verb) {
            let rest = &text[at + verb.len()..];
            let sent = rest
                .find(['。', '；', '！', '？', '\n'])
                .unwrap_or(rest.len());
            let sent = &rest[..rest[..sent].char_indices().nth(80).map_or(sent, |(i, _)| i)];
            if !s.announced_deal.is_match(sent) {
                continue;
            }
            let end = strip_fill(text, at, 0, r);
            if let Some((st, true)) = name_before(text, end, r)
                && plausible(&text[st..end], r, Proof::Slot, false)
            {
                out.push(cand(st..end, EVENT_ARG));
            }
        }
    }
    // The parties of a signing: `A与B…签署`, each item of a list on either side
    // (`A、B与C签订`, `A与B、C签署`), or a list with no 与 at all (`A、B、C签订…`).
    for m in s.signing.find_iter(text) {
        let clause_start = clause_start(text, m.start());
        let clause = &text[clause_start..m.start()];
        let Some(and) = clause.find(['与', '和', '同']) else {
            if clause.contains('、') {
                let end = strip_etc(
                    text,
                    clause_start,
                    strip_fill(text, m.start(), clause_start, r),
                    r,
                );
                parties_before(text, clause_start, end, r, &mut out);
            }
            continue;
        };
        let and = clause_start + and;
        parties_after(text, and + '与'.len_utf8(), m.start(), r, norm, &mut out);
        let a_end = strip_etc(
            text,
            clause_start,
            strip_fill(text, and, clause_start, r),
            r,
        );
        if let Some(st) = place_party_before(text, clause_start, a_end, r) {
            out.push(gov_cand(st..a_end));
            continue;
        }
        parties_before(text, clause_start, a_end, r, &mut out);
    }
    // Investors of a round, each item of a list (`由A领投，B、C跟投`, `老股东D继续追加投资`),
    // and the advisers of a deal (`由A担任独家财务顾问`, `B、C担任联席主承销商`): a company
    // shape is needed, as for an object. In a list of two items or more, an item with no
    // company shape but a name's (`由A投资有限公司、B、C集团联合投资`: B) stands when a
    // sibling has one: the list is one of investors.
    for m in s
        .investor
        .find_iter(text)
        .chain(s.adviser.find_iter(text))
        .chain(s.founder.find_iter(text))
    {
        let clause_start = clause_start(text, m.start());
        let mut item_end = strip_fill(text, m.start(), clause_start, r);
        // `A与B共同发起设立X基金`, `A与B共同出资设立`: the adverbs and verbs before the
        // founding verb are no name (nor part of B's).
        while let Some(w) = ["共同", "联合", "携手", "一起", "出资", "发起"]
            .iter()
            .find(|w| {
                text.get(clause_start..item_end)
                    .is_some_and(|t| t.ends_with(**w))
            })
        {
            item_end = strip_fill(text, item_end - w.len(), clause_start, r);
        }
        let (mut shaped, mut named, mut items) = (0usize, Vec::new(), 0usize);
        while item_end > clause_start {
            // `A领投、B跟投`: an item that ends with its own round word is another clause of
            // the list (A's, read by that word's own match), not a name with it.
            if ["领投", "跟投", "参投", "領投", "參投"]
                .iter()
                .any(|w| text[..item_end].ends_with(w))
            {
                break;
            }
            // `A旗下B领投`: the name after 旗下 is the investor, read whole even with a 的
            // inside (`X的资本` as a brand: a leftward read stops at 的).
            let subsidiary = text[clause_start..item_end]
                .rfind("旗下")
                .map(|k| clause_start + k + "旗下".len())
                .filter(|&st| {
                    let n = &text[st..item_end];
                    (2..=MAX_CJK).contains(&n.chars().count())
                        && n.chars().all(is_han)
                        && !n.starts_with('的')
                        && !n.ends_with('的')
                });
            // `由A领投`: 由 marks the agent, it is no part of the name.
            if let Some(st) = subsidiary
                .or_else(|| name_before(text, item_end, r).map(|(st, _)| after_agent(text, st)))
                && st >= clause_start
            {
                items += 1;
                if plausible(&text[st..item_end], r, Proof::Object, false) {
                    shaped += 1;
                    out.push(cand(st..item_end, EVENT_ARG));
                } else if plausible(&text[st..item_end], r, Proof::Slot, false) {
                    // `，由淡马锡领投`: the one agent a clause opens with 由 before a lead
                    // word is the round's lead investor, company shape or not.
                    if items == 1
                        && ["领投", "联合领投", "独家投资"].contains(&m.as_str())
                        && agent_at_clause_start(text, st)
                    {
                        out.push(cand(st..item_end, EVENT_ARG));
                    } else {
                        named.push(st..item_end);
                    }
                }
            }
            // (`A联合B共同出资设立`: 联合/携手 join two items too)
            let head = &text[clause_start..item_end];
            let sep = head
                .rfind(['、', '和', '及', '与'])
                .into_iter()
                .chain(["联合", "携手"].iter().filter_map(|w| head.rfind(w)))
                .max();
            match sep {
                Some(i) => item_end = clause_start + i,
                None => break,
            }
        }
        if shaped > 0 && items >= 2 {
            out.extend(named.into_iter().map(|rg| cand(rg, EVENT_ARG)));
        }
    }
    // The investors listed after `投资方为` (`投资方为A旗下B、C`): each item with a company
    // shape; a parent named before `旗下` is skipped to the subsidiary that invests.
    for m in s.investor_list.find_iter(text) {
        let clause_end = text[m.end()..]
            .find(['，', '。', '；', '\n'])
            .map_or(text.len(), |i| m.end() + i);
        let mut st = m.end();
        while st < clause_end {
            // (`投资方为A和B` read as one name can be longer than a name may be: then it is
            // cut at the first joint whose part before it has a company shape.)
            let cut = || {
                ["和", "及", "与"]
                    .iter()
                    .filter_map(|w| text[st..clause_end].find(w).map(|i| st + i))
                    .filter(|&k| k > st && plausible(&text[st..k], r, Proof::Object, false))
                    .min()
            };
            let Some(mut e) = name_after(text, st, r, norm).or_else(cut) else {
                break;
            };
            if text[e..].starts_with("旗下") {
                st = e + "旗下".len();
                match name_after(text, st, r, norm) {
                    Some(x) => e = x,
                    None => break,
                }
            }
            if e > clause_end || e <= st {
                break;
            }
            // `投资方为A和B`: a name read across a joint word is two names when both parts
            // have a company shape of their own, or when the whole has none and the part
            // before the joint has.
            let shaped = |a: usize, b: usize| plausible(&text[a..b], r, Proof::Object, false);
            let joints: Vec<(usize, usize)> = ["和", "及", "与"]
                .iter()
                .filter_map(|w| text[st..e].find(w).map(|i| (st + i, st + i + w.len())))
                .filter(|&(k, _)| k > st && shaped(st, k))
                .collect();
            if let Some(&(k, _)) = joints
                .iter()
                .filter(|&&(_, after)| after < e && shaped(after, e))
                .min()
                .or_else(|| (!shaped(st, e)).then(|| joints.iter().min()).flatten())
            {
                e = k;
            }
            if plausible(&text[st..e], r, Proof::Object, false) {
                out.push(cand(st..e, EVENT_ARG));
            }
            let rest = &text[e..clause_end];
            let Some(sep) = ["、", "以及", "和", "及", "与"]
                .iter()
                .find(|w| rest.starts_with(*w))
            else {
                break;
            };
            st = e + sep.len();
        }
    }
    // A company's short name right before a title and a person (`星澜资本合伙人李某`,
    // `云帆科技董事长、总经理张某`): the title says whose the name is. A company shape is
    // needed, as for an acquirer, and a name of its own (`人工智能技术总监` names none).
    for (rg, _) in r.titles.find_longest(text) {
        // (`此前担任星岚电子副总经理`: a verb of holding a post right before the name says
        // whose the title is just as a person after it does)
        let held = if person_after_titles(text, rg.end, r) {
            None
        } else {
            match post_verb_before(text, rg.start) {
                Some(st) => Some(st),
                None => continue,
            }
        };
        // `X资本华东大区总经理某`: the regional division is the post's, the name is before it
        let head = super::division_before(text, rg.start).unwrap_or(rg.start);
        let bounded = match held {
            Some(st) => (st < head).then_some((st, true)),
            None => name_before(text, head, r),
        };
        if let Some((st, true)) = bounded
            && st < head
            && plausible(&text[st..head], r, Proof::Acquirer, false)
            && !super::only_generic(&text[st..head], r)
        {
            // `龙腾资本投资总监`, `X证券机械分析师`: industry words after a company's name
            // are the field of the post (a modifier of the title), not part of the name.
            let name = &text[st..head];
            let cuts: Vec<usize> = s
                .ending
                .find_all(name)
                .map(|(e, _)| e.end)
                .filter(|&e| {
                    e < name.len()
                        && super::only_generic(&name[e..], r)
                        && plausible(&name[..e], r, Proof::Acquirer, false)
                })
                .collect();
            // `X资本医药投资总监`: after an investing firm's ending the rest is the field even
            // when it ends like a company (医药); else the longest company-shaped name.
            let firm = cuts
                .iter()
                .copied()
                .filter(|&e| FIELD_FIRMS.iter().any(|f| name[..e].ends_with(*f)))
                .min();
            let end = firm
                .or_else(|| cuts.iter().copied().max())
                .map_or(head, |e| st + e);
            out.push(cand(st..end, TITLE_HOLDER));
        }
    }
    // Targets of an acquisition and holders of a stake.
    // Whether 收购 or 并购 occurs: every occurrence lies inside a match of `object` ending
    // with it (no word of `object` ends inside one), so `deal_of` below is gated for free.
    let mut deal_word = false;
    for m in s.object.find_iter(text) {
        deal_word |= m.as_str().ends_with("收购") || m.as_str().ends_with("并购");
        // `取得X合计85%的股权` is a deal, `取得国有资产监督管理部门批准` is none: 取得 takes an
        // object only with a stake in its clause.
        if m.as_str() == "取得" {
            let ce = text[m.end()..]
                .find(['，', '。', '；', '\n'])
                .map_or(text.len(), |i| m.end() + i);
            if !s.stake.is_match(&text[m.end()..ce]) {
                continue;
            }
        }
        let mut st = m.end();
        // `收购了X`: the aspect particle after the verb is no part of the object.
        if text[st..].starts_with('了') {
            st += '了'.len_utf8();
        }
        // `收购其/公司持有的X`: skip to after 的.
        if let Some(e) = name_after(text, st, r, norm)
            && plausible(&text[st..e], r, Proof::Object, confirms(text, e, s))
        {
            out.push(cand(st..e, EVENT_ARG));
            continue;
        }
        // `收购中国台湾顶好224家门店`: places before the name are no part of it.
        // (Only the next few characters are read: place names are short.)
        let mut bare = st;
        loop {
            let head_end = char_window(text, bare, 8);
            let Some((end, _)) = r.places.longest_at(text, bare, head_end) else {
                break;
            };
            bare = end;
        }
        if let Some(e) = recurring_prefix(text, bare, r, &budget) {
            out.push(cand(bare..e, EVENT_ARG));
            continue;
        }
        // `收购TikTok美国业务`: a Latin name followed by what is bought of it.
        if text[st..].starts_with(|c: char| c.is_ascii_uppercase()) {
            let e = latin_name_end(norm, st);
            if ascii_bounded(text, &(st..e)) && plausible(&text[st..e], r, Proof::Object, false) {
                out.push(cand(st..e, EVENT_ARG));
                continue;
            }
        }
        if let Some(i) = text[st..].find("的")
            && i <= 30
            && !text[st..st + i].contains(['，', '。', '；'])
        {
            st += i + '的'.len_utf8();
            if let Some(e) = name_after(text, st, r, norm)
                && plausible(&text[st..e], r, Proof::Object, confirms(text, e, s))
            {
                out.push(cand(st..e, EVENT_ARG));
            }
        }
    }
    for m in stake_matches(text, &s.stake) {
        let end = strip_fill(text, m.start, 0, r);
        if let Some((st, _)) = name_before(text, end, r)
            && plausible(&text[st..end], r, Proof::Object, true)
        {
            out.push(cand(st..end, EVENT_ARG));
        }
    }
    // The giver of a round received (`获得X 8000万元Pre-B轮投资`): the name between 获得 and
    // the round's amount, with a company shape (as for an object).
    for c in s.received_from.captures_iter(text) {
        let Some(g) = c.get(1) else { continue };
        if plausible(g.as_str(), r, Proof::Object, false) {
            out.push(cand(g.range(), EVENT_ARG));
        }
    }
    // The targets of `对X、Y的收购`: each item with a company shape, a Latin name, or a bare
    // name the article names again.
    // The pattern tries every 对 of a document, up to 80 characters each: it runs only in
    // documents where the deal word its match ends with occurs.
    let deals = deal_word.then(|| s.deal_of.captures_iter(text));
    for c in deals.into_iter().flatten() {
        let Some(g) = c.get(1) else { continue };
        let mut st = g.start();
        // A list of two or more names is itself the evidence (`对青城物业、白塔服务的收购`).
        let listed = g.as_str().split(['、', '和', '及']).count() >= 2;
        for piece in g.as_str().split_inclusive(['、', '和', '及']) {
            let item = piece.trim_end_matches(['、', '和', '及']);
            let rg = st..st + item.len();
            st += piece.len();
            // A descriptor before the name (`法国男装品牌X`) is no part of it.
            let from = s
                .lead
                .find_all(item)
                .map(|(m, _)| rg.start + m.end)
                .max()
                .unwrap_or(rg.start);
            let rg = from..rg.end;
            let name = &text[rg.clone()];
            if !name.is_empty()
                && (plausible(name, r, Proof::Object, false)
                    || plausible(name, r, Proof::Slot, false)
                        && (listed || recurs(text, &rg, &budget)))
            {
                out.push(cand(rg, EVENT_ARG));
            }
        }
    }
    // A bare name right after an organization that is only a descriptor
    // (`新加坡国家投资公司淡马锡`, `加密货币交易公司币安(Binance)`), named again in the article.
    for w in winners {
        let own = &text[w.range.clone()];
        if !["公司", "企业", "集团", "平台", "巨头"]
            .iter()
            .any(|d| own.ends_with(d))
        {
            continue;
        }
        // Only in a sentence about a deal, and no department of it (`集团党委`, `公司财务部`).
        // The sentence around it, at most 300 bytes each way (linear on long lines).
        let mut lo = w.range.start.saturating_sub(300);
        while !text.is_char_boundary(lo) {
            lo += 1;
        }
        let mut hi = (w.range.end + 300).min(text.len());
        while !text.is_char_boundary(hi) {
            hi += 1;
        }
        let sent_start = text[lo..w.range.start].rfind(['。', '\n']).map_or(lo, |i| {
            lo + i + text[lo + i..].chars().next().map_or(1, char::len_utf8)
        });
        let sent_end = text[w.range.end..hi]
            .find(['。', '\n'])
            .map_or(hi, |i| w.range.end + i);
        if !s.object.is_match(&text[sent_start..sent_end]) {
            continue;
        }
        if let Some(e) = recurring_prefix(text, w.range.end, r, &budget)
            && !text[..e].ends_with(['部', '委', '会', '处', '科', '局', '办', '厅', '组'])
        {
            out.push(cand(w.range.end..e, EVENT_ARG));
        }
    }
    // A subsidiary named after its descriptor (`全资子公司苏宁国际拟…`): a company shape, or a
    // bare name the article names again.
    for m in s.subsidiary.find_iter(text) {
        let st = m.end();
        if let Some(e) = name_after(text, st, r, norm) {
            let rg = st..e;
            let name = &text[rg.clone()];
            if plausible(name, r, Proof::Acquirer, false)
                || plausible(name, r, Proof::Slot, false) && recurs(text, &rg, &budget)
            {
                out.push(cand(rg, EVENT_ARG));
            }
        }
    }
    // A Latin name right after a descriptor (`外卖配送公司Postmates`, `游戏发行商ZENIMAX`,
    // `科技创企INLT`): the descriptor says what it is.
    for (rg, _) in s.lead.find_all(text) {
        let st = rg.end;
        if !text[st..].starts_with(|c: char| c.is_ascii_uppercase()) {
            continue;
        }
        let e = latin_name_end(norm, st);
        let name = &text[st..e];
        if name.chars().filter(char::is_ascii_alphabetic).count() >= 3
            && ascii_bounded(text, &(st..e))
            && plausible(name, r, Proof::Object, false)
        {
            out.push(cand(st..e, EVENT_ARG));
        }
    }
    // A bare organization suffix in a slot (`会上，联盟与X签署…`) refers back to the one
    // organization of the document with that suffix (`长江中游…产业联盟`); with none or
    // several, it names nothing.
    out.retain_mut(|c| {
        let name = &text[c.range.clone()];
        if !r.suffixes.contains(name) {
            return true;
        }
        let fulls: std::collections::BTreeSet<&str> = winners
            .iter()
            .map(|w| w.canonical.as_deref().unwrap_or(&text[w.range.clone()]))
            .filter(|f| f.len() > name.len() && f.ends_with(name))
            .collect();
        match fulls.first() {
            Some(f) if fulls.len() == 1 => {
                c.canonical = Some(f.to_string());
                true
            }
            _ => false,
        }
    });
    // Later uses of every confirmed name.
    // (A back-reference such as `联盟` carries its canonical name to every use.)
    // (A region that signs stands for its government in that clause only: elsewhere
    // `成都市` is a place.)
    let mut confirmed: BTreeMap<String, Option<String>> = BTreeMap::new();
    for c in out.iter().filter(|c| c.rule != PLACE_PARTY) {
        let e = confirmed
            .entry(text[c.range.clone()].to_string())
            .or_default();
        if e.is_none() {
            e.clone_from(&c.canonical);
        }
    }
    let mut uses = Vec::new();
    // One pass for all names, and a set of the found ranges (a search per name and a scan of
    // `out` per use were quadratic in document length).
    let names: Vec<&str> = confirmed.keys().map(String::as_str).collect();
    let found: std::collections::HashSet<Range<usize>> =
        out.iter().map(|c| c.range.clone()).collect();
    for (v, i) in crate::rules::occurrences(&names, text) {
        let rg = i..i + names[v as usize].len();
        if found.contains(&rg) || !ascii_bounded(text, &rg) {
            continue;
        }
        let mut c = cand(rg, SHORT_USE);
        c.canonical = confirmed.get(names[v as usize]).cloned().flatten();
        uses.push(c);
    }
    out.extend(uses);
    // A confirmed short name that is the short form of a full name in the document names
    // that organization (also before the full name, as in a headline).
    let (forms, form_of) = short_forms(text, r, winners);
    // A name before a title that is the short form of a full name is told by that rule,
    // which says whose form it is.
    out.retain(|c| c.rule != TITLE_HOLDER || !form_of.contains_key(&text[c.range.clone()]));
    for c in out.iter_mut() {
        if c.canonical.is_none()
            && let Some(canon) = form_of.get(&text[c.range.clone()])
        {
            c.canonical = Some(canon.clone());
        }
    }
    // `证券简称：恒钧新材` of `浙江恒钧新材料股份有限公司`: a stock name is often cut out of
    // the full name (characters dropped, not only words); it names the one full company name
    // of the document that holds its characters in order.
    // (every use of the name in the document goes with it)
    let stock_names: BTreeMap<&str, String> = out
        .iter()
        .filter(|c| c.rule == STOCK_CODE && c.canonical.is_none())
        .filter_map(|c| {
            let name = &text[c.range.clone()];
            abbreviated_company(name, text, winners).map(|full| (name, full))
        })
        .collect();
    for c in out.iter_mut() {
        if c.canonical.is_none()
            && let Some(full) = stock_names.get(&text[c.range.clone()])
        {
            c.canonical = Some(full.clone());
        }
    }
    out.extend(forms);
    // (the stock name may also have the shape of a name of its own, `澄星科技`, that the
    // suffix rule wins: the caller gives such a winner the full name through `form_of`)
    let mut form_of = form_of;
    for (name, full) in stock_names {
        form_of.entry(name.to_string()).or_insert(full);
    }
    (out, form_of)
}

/// Is candidate `w` a company (`OrgKind::Enterprise`)?
fn is_enterprise(w: &Candidate) -> bool {
    matches!(
        w.attrs,
        Attrs::Org {
            kind: OrgKind::Enterprise
        }
    )
}

/// The one enterprise of `winners` with a legal suffix whose name holds the characters of
/// `short` in order, its first two together (`恒钧新材` in `浙江恒钧新材料股份有限公司`;
/// `中国联通` in `中国联合网络通信股份有限公司`). None if no or several companies do.
fn abbreviated_company(short: &str, text: &str, winners: &[Candidate]) -> Option<String> {
    let chars: Vec<char> = short.chars().collect();
    if chars.len() < 2 || !chars.iter().all(|&c| is_han(c)) {
        return None;
    }
    let head: String = chars[..2].iter().collect();
    let mut found: Option<String> = None;
    for w in winners.iter().filter(|w| is_enterprise(w)) {
        let full = w.canonical.as_deref().unwrap_or(&text[w.range.clone()]);
        let Some(core) = LEGAL.iter().find_map(|l| full.strip_suffix(l)) else {
            continue;
        };
        let Some(at) = core.find(&head) else {
            continue;
        };
        let mut rest = core[at + head.len()..].chars();
        if !chars[2..].iter().all(|&c| rest.any(|r| r == c)) {
            continue;
        }
        match &found {
            Some(f) if f != full => return None,
            _ => found = Some(full.to_string()),
        }
    }
    found
}

/// Does a person's name follow `pos`, after more titles joined by `、`/`兼` (`董事长、总经理张某`)?
/// A surname and a given-name character.
fn person_after_titles(text: &str, mut pos: usize, r: &OrgRules) -> bool {
    loop {
        let rest = &text[pos..];
        if let Some(j) = ["、", "兼"].iter().find(|j| rest.starts_with(**j)) {
            pos += j.len();
            match r.titles.longest_at(text, pos, text.len()) {
                Some((e, _)) => pos = e,
                None => return false,
            }
        } else {
            break;
        }
    }
    let s = &r.short;
    // (surnames have one or two characters)
    let lim = char_window(text, pos, 2);
    s.surnames.prefixes_at(text, pos, lim).any(|(e, _)| {
        text[e..]
            .chars()
            .next()
            .is_some_and(|c| s.given.contains(&c))
    })
}

/// Verbs of holding a post (`担任`, `曾任`, `历任` …) that stand right before the company of the
/// title after it (`此前担任星岚电子副总经理`).
const POST_VERBS: [&str; 10] = [
    "担任",
    "曾任",
    "出任",
    "历任",
    "兼任",
    "现任",
    "任职于",
    "就职于",
    "供职于",
    "擔任",
];

/// Where a company name starts that runs from a post verb up to byte `at` (a title's start):
/// the end of the verb, when two to [`MAX_CJK`] Han characters stand between them.
fn post_verb_before(text: &str, at: usize) -> Option<usize> {
    let before = text.get(..at)?;
    for (n, (i, c)) in before.char_indices().rev().enumerate() {
        if !is_han(c) || n > MAX_CJK + 3 {
            return None;
        }
        let head = &before[..i + c.len_utf8()];
        if POST_VERBS.iter().any(|v| head.ends_with(v)) {
            let st = i + c.len_utf8();
            let len = text[st..at].chars().count();
            return (2..=MAX_CJK).contains(&len).then_some(st);
        }
    }
    None
}

/// Words for what is left of a stake after its company (`收购X余下60%的股份`): they end the
/// name and may stand before the stake that confirms it.
const REMAINING: [&str; 3] = ["余下", "剩余", "其余"];

/// Is a stake, `旗下` or a stock code right after the name?
fn confirms(text: &str, end: usize, s: &ShortRules) -> bool {
    let rest = text[end..].trim_start_matches([' ', '的']);
    let rest = REMAINING
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest);
    // Only what follows right away: a search to the document's end for every deal verb
    // would make long documents quadratic.
    let rest = &rest[..rest.char_indices().nth(40).map_or(rest.len(), |(i, _)| i)];
    s.stake.find(rest).is_some_and(|m| m.start() == 0)
        || rest.starts_with("旗下")
        || rest.starts_with("全部股权")
        || rest.starts_with("股权")
        || s.stock.find(rest).is_some_and(|m| m.start() == 0)
}

/// Is `full` the name `short` with only a legal suffix after it and places before it
/// (`长城汽车` … `长城汽车股份有限公司`, `成都银行` … `成都银行股份有限公司`)? A known short name
/// named so in full is that company; one followed by more words (`X证券资产管理有限公司`)
/// is a subsidiary of it.
pub(super) fn plain_full_name(short: &str, full: &str, r: &OrgRules) -> bool {
    LEGAL
        .iter()
        .filter_map(|l| full.strip_suffix(l))
        .any(|core| {
            core.strip_suffix(short)
                .is_some_and(|lead| lead.is_empty() || r.places.contains(lead))
        })
}

/// Legal suffixes a short form drops (longest first).
const LEGAL: &[&str] = &[
    "集团股份有限公司",
    "集团有限公司",
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "股份公司",
    "株式会社",
    "有限会社",
];

/// `org.short_form`: later mentions of a full company name by its short form.
/// Also returns every short form with its full name.
fn short_forms(
    text: &str,
    r: &OrgRules,
    winners: &[Candidate],
) -> (Vec<Candidate>, BTreeMap<String, String>) {
    let mut out = Vec::new();
    let mut form_of = BTreeMap::new();
    // (search from, form, canonical name): the later uses are searched for at the end, all
    // forms in one pass (a search of the rest of the text per name and form was quadratic).
    // A form is a slice of the text, or made by contracting an industry word (`X创投`).
    let mut searches: Vec<(usize, Cow<'_, str>, String)> = Vec::new();
    // Every organization of the document by name, sorted: which ones open with a form is a
    // range of it (a scan of all per form would be quadratic in the document's companies).
    let mut names: Vec<&str> = winners.iter().map(|o| &text[o.range.clone()]).collect();
    names.sort_unstable();
    names.dedup();
    // A full name told again has the forms (and canonical name) it had the first time: its
    // searches are repeated from the new end instead of being worked out again (issue 8).
    // `searches[done[k]]` are those of name and canonical name `k`; `open` is the last one
    // worked out, its range closed when the next winner comes.
    let mut done: crate::rules::FastMap<(&str, Option<&str>), Range<usize>> = Default::default();
    let mut open = None;
    for w in winners.iter().filter(|w| is_enterprise(w)) {
        if let Some(k) = open.take()
            && let Some(rg) = done.get_mut(&k)
        {
            rg.end = searches.len();
        }
        let full = &text[w.range.clone()];
        let key = (full, w.canonical.as_deref());
        if let Some(rg) = done.get(&key) {
            let again: Vec<_> = searches[rg.clone()]
                .iter()
                .map(|(_, f, c)| (w.range.end, f.clone(), c.clone()))
                .collect();
            searches.extend(again);
            continue;
        }
        done.insert(key, searches.len()..searches.len());
        open = Some(key);
        let Some((core, legal)) = LEGAL
            .iter()
            .find_map(|l| full.strip_suffix(l).map(|c| (c, *l)))
        else {
            continue;
        };
        // Drop a short parenthesis before the legal suffix: a place or `集团`
        // (`智川光电科技（深圳）有限公司`, `X（集团）股份有限公司`).
        let mut core = core;
        if core.ends_with(['）', ')'])
            && let Some(open) = core.rfind(['（', '('])
            && core[open..].chars().count() <= 8
        {
            core = &core[..open];
        }
        // Drop leading places (`北京`, `深圳市`); `lead` is where `core` starts in `full`. A
        // place that leaves only industry words is the name itself (`北京中关村发展` keeps
        // `中关村发展`, not `发展`).
        let placed = core;
        let mut lead = 0;
        while let Some((end, _)) = r.places.longest_at(core, 0, core.len()) {
            if end == core.len() || lead > 0 && super::only_generic(&core[end..], r) {
                break;
            }
            core = &core[end..];
            lead += end;
        }
        // `北屿省远帆投资`: a province or city missing from the lexicon, by its shape (two
        // characters + 省/市, not a word ending in 市 such as 城市, 超市, 股市), opening a name
        // that goes on for four characters or more, is a leading place too.
        if let Some(end) = unknown_place_prefix(core, 4) {
            core = &core[end..];
            lead += end;
        }
        if core.contains(['（', '(', ')', '）', ' ']) {
            continue;
        }
        // `中国稀土集团有限公司` gives no `稀土`: two characters left once 中国/中华 is dropped
        // are a common noun (稀土, 石油, 电信); the name goes by 中国稀土 or 稀土集团.
        let national_core = lead > 0
            && ["中国", "中华"].iter().any(|p| placed.starts_with(p))
            && core.chars().count() == 2;
        let mut forms: Vec<Cow<'_, str>> = vec![Cow::Borrowed(core)];
        // A group keeps its `集团` in its short form (`嘉泽港口集团有限公司` … `嘉泽港口集团`).
        if legal.starts_with("集团") && full[lead + core.len()..].starts_with("集团") {
            forms.push(Cow::Borrowed(&full[lead..lead + core.len() + "集团".len()]));
        }
        // Trailing industry words dropped one after another (`启明星辰创业投资管理` →
        // `启明星辰创业投资` → `启明星辰`). Past the first, a form must keep a word of its own
        // (`数字科技创新发展` gives no `数字科技`), three characters (`天府算力科技` gives no
        // `天府`), and open no other organization of the document (`X能源集团矿业有限公司`
        // gives no `X能源` where `X能源股份公司` is named: that is another company), and drop no
        // `集团` (`X集团矿业有限公司` is a member of the group X, not X).
        let stems = generic_stems(core, full, &names, r);
        forms.extend(stems[1..].iter().map(|h| Cow::Borrowed(*h)));
        // `海川控股集团有限公司` … `海川集团`: a group is told by its trade name and 集团, the
        // industry words between them dropped (session 26).
        if legal.starts_with("集团") && full[lead + core.len()..].starts_with("集团") {
            forms.extend(
                stems[1..]
                    .iter()
                    .filter(|h| h.chars().count() >= 2 && !super::only_generic(h, r))
                    .map(|h| Cow::Owned(format!("{h}集团"))),
            );
        }
        // A trade name that opens with a city (`宁德时代新能源科技股份有限公司` … `宁德时代`): the
        // place is part of the short name when a word of the name, no place, follows it. Only
        // the forms that drop industry words (the place with the rest of the name is no
        // short form of its own: `北京星河动力科技` is told as `星河动力科技`).
        // A city and industry words or two characters alone (`上海电气集团股份有限公司` …
        // `上海电气`) are the short name itself.
        if let Some((end, _)) = r.places.longest_at(placed, 0, placed.len())
            && end < placed.len()
            && r.places.longest_at(placed, end, placed.len()).is_none()
            && unknown_place_prefix(placed, 4).is_none()
            && !placed[..end].ends_with(['省', '市', '区', '县'])
        {
            if super::only_generic(&placed[end..], r) || placed[end..].chars().count() <= 2 {
                forms.push(Cow::Borrowed(placed));
            } else {
                let placed_stems = generic_stems(placed, full, &names, r);
                forms.extend(
                    placed_stems[1..]
                        .iter()
                        .filter(|h| h.len() > end && !super::only_generic(&h[end..], r))
                        .map(|h| Cow::Borrowed(*h)),
                );
            }
        }
        // `华南冷链控股有限公司` and, in the headline, `华南冷链控股`: the name without its
        // legal suffix, place and all, is a form when the document names it as an
        // organization of its own (a suffix such as 控股 made it one).
        if lead > 0 && names.binary_search(&placed).is_ok() && !forms.iter().any(|f| **f == *placed)
        {
            forms.push(Cow::Borrowed(placed));
        }
        // `远峰创业投资股份有限公司` … `远峰创投`, `启明星辰创业投资管理有限公司` … `启明星辰创投`:
        // the industry word contracted.
        for stem in &stems {
            for (long, short) in &r.short.contract {
                if let Some(head) = stem.strip_suffix(long.as_str())
                    && !head.is_empty()
                {
                    forms.push(Cow::Owned(format!("{head}{short}")));
                }
            }
        }
        // `鞍钢股份有限公司` … `鞍钢股份`, `安徽星驰汽车零部件股份有限公司` … `星驰股份`: a
        // joint-stock company is often called by a form and `股份`; the word says which kind of
        // company, so any form of the name may carry it.
        if legal.contains("股份") {
            let n = forms.len();
            for i in 0..n {
                let with = format!("{}股份", forms[i]);
                forms.push(Cow::Owned(with));
            }
        }
        let canonical = w.canonical.clone().unwrap_or_else(|| full.to_string());
        for f in forms {
            if f.chars().count() < 2
                || f.chars().count() == 2 && forms_is_weak(&f, r)
                || national_core && *f == *core
                || !plausible(&f, r, Proof::Form, false)
                || full.starts_with(&*f) && f.len() == core.len() && core.len() == full.len()
            {
                continue;
            }
            form_of
                .entry(f.to_string())
                .or_insert_with(|| canonical.clone());
            searches.push((w.range.end, f, canonical.clone()));
        }
    }
    // A name told n times gives n searches for the same form, each finding the later uses
    // of all those after it (n²/2 identical candidates on a long document): one search per
    // form and canonical name, from its earliest start, finds every one of them once.
    let mut first: BTreeMap<(Cow<'_, str>, String), usize> = BTreeMap::new();
    let mut kept: Vec<(usize, Cow<'_, str>, String)> = Vec::new();
    for (from, f, canonical) in searches {
        match first.get(&(f.clone(), canonical.clone())) {
            Some(&k) => kept[k].0 = kept[k].0.min(from),
            None => {
                first.insert((f.clone(), canonical.clone()), kept.len());
                kept.push((from, f, canonical));
            }
        }
    }
    let searches = kept;
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, f, _) in &searches {
        let n = index.len();
        index.entry(f).or_insert(n);
    }
    let mut names = vec![""; index.len()];
    for (f, &i) in &index {
        names[i] = f;
    }
    let occ = crate::rules::Occurrences::new(names, text);
    for (from, f, canonical) in &searches {
        for s in occ.from(index[&**f], *from) {
            let mut c = cand(s..s + f.len(), SHORT_FORM);
            c.canonical = Some(canonical.clone());
            out.push(c);
        }
    }
    (out, form_of)
}

/// `root` and the forms made from it by dropping trailing industry words one after another
/// (`启明星辰创业投资管理` → `启明星辰创业投资` → `启明星辰`), `root` first. Past the first, a form
/// must pass [`deeper_form_ok`].
fn generic_stems<'a>(root: &'a str, full: &str, names: &[&str], r: &OrgRules) -> Vec<&'a str> {
    let mut stems: Vec<&str> = vec![root];
    let mut level = 0..1;
    for depth in 0..3 {
        let from = stems.len();
        for i in level.clone() {
            let f = stems[i];
            for m in r.words(WordType::Generic) {
                for (rg, _) in m.find_all(f) {
                    let head = &f[..rg.start];
                    if rg.end == f.len()
                        && rg.start > 0
                        && !stems.contains(&head)
                        && (depth == 0 || deeper_form_ok(head, root, full, names, r))
                    {
                        stems.push(head);
                    }
                }
            }
        }
        level = from..stems.len();
    }
    stems
}

/// May `head`, a form of `full` (whose name part is `core`, `head` its prefix) made by dropping a
/// second or third industry word, stand for it? `names`: the document's organizations, sorted.
fn deeper_form_ok(head: &str, core: &str, full: &str, names: &[&str], r: &OrgRules) -> bool {
    head.chars().count() >= 3
        && !super::only_generic(head, r)
        && !core[head.len()..].contains("集团")
        && !names[names.partition_point(|n| *n < head)..]
            .iter()
            .take_while(|n| n.starts_with(head))
            .any(|n| *n != full)
}

/// Characters that make a word with a following 市 (`城市`, `都市`, `超市`, `股市`, `上市`,
/// `门市`, `夜市`, `集市`, `菜市`, `开市`, `黑市`, `楼市`, `车市`, `期市`, `债市`, `汇市`).
const SHI_WORD_HEADS: &str = "城都超股上门夜集菜开黑楼车期债汇";

/// `北屿省远帆投资` → 9 (the end of `北屿省`): a province (two Han characters + 省) or city (two
/// Han characters + 市, not a word ending in 市) opening `core`, with `min_rest` characters or
/// more after it.
pub(super) fn unknown_place_prefix(core: &str, min_rest: usize) -> Option<usize> {
    let mut it = core.char_indices();
    let (_, a) = it.next()?;
    let (_, b) = it.next()?;
    let (i, c) = it.next()?;
    let end = i + c.len_utf8();
    let ok = is_han(a)
        && is_han(b)
        && (c == '省' || (c == '市' && !SHI_WORD_HEADS.contains(b)))
        && core[end..].chars().count() >= min_rest;
    ok.then_some(end)
}

/// A two-character form made of generic words or a place is no short form (`国际`).
fn forms_is_weak(f: &str, r: &OrgRules) -> bool {
    r.words(WordType::Generic).any(|m| m.contains(f)) || r.places.contains(f)
}

#[cfg(test)]
mod tests {
    /// The gate of `deal_of`: a text holds 收购 or 并购 exactly when a match of `object` ends
    /// with one of them, and without them `deal_of` finds nothing.
    #[test]
    fn object_matches_show_every_deal_word() {
        let s = &crate::rules::Rules::builtin().org.short;
        for text in [
            "甲公司完成对乙公司的收购。",
            "丙集团宣布全资收购丁科技，并购基金参股。",
            "戊公司取得收购己公司的批准，要约收购已完成",
            "双方受让并购买股份，入股参股",
            "对庚公司的收",
            "取得收购",
            "并购",
            "收收购购并并购",
            "对辛公司的要约",
        ] {
            let holds = text.contains("收购") || text.contains("并购");
            let seen = s
                .object
                .find_iter(text)
                .any(|m| m.as_str().ends_with("收购") || m.as_str().ends_with("并购"));
            assert_eq!(seen, holds, "{text}");
            if !holds {
                assert!(s.deal_of.find(text).is_none(), "{text}");
            }
        }
    }

    /// `strip_fill` strips fillers and dates back to the clause's start and never past it: a
    /// filler ending the clause before a separator space (`将`) stays in that clause.
    #[test]
    fn strip_fill_stops_at_the_clause_start() {
        let org = &crate::rules::Rules::builtin().org;
        let text = "青岚科技完成募资 将与星海大学签署";
        let and = text.find('与').unwrap();
        let floor = super::clause_start(text, and);
        assert_eq!(&text[floor..], "将与星海大学签署");
        // the filler 将 goes, and the strip stops at the clause start, not before the space
        assert_eq!(super::strip_fill(text, and, floor, org), floor);
        // with no floor the same filler reaches back over the space (the old reading)
        assert!(super::strip_fill(text, and, 0, org) < floor);
        // inside the clause: 已于3月10日 is stripped, the name before it stays
        let text = "公告称，青岚科技已于3月10日与星海大学签署";
        let and = text.find('与').unwrap();
        let floor = super::clause_start(text, and);
        let end = super::strip_fill(text, and, floor, org);
        assert_eq!(&text[floor..end], "青岚科技");
    }

    /// The subject pattern with its digit starts skipped finds what the plain search finds.
    #[test]
    fn subject_matches_are_the_plain_search() {
        let s = &crate::rules::Rules::builtin().org.short;
        let plain = regex::Regex::new(super::SUBJECT).unwrap();
        for text in [
            "甲公司以12亿元收购乙公司，丙公司2024年完成对丁公司的收购",
            "甲公司12.5亿元收购乙公司，1,200万元并购丙，3000 万美元全资收购丁",
            "2024年3月，1212亿元收购，12 12亿元收购，12亿12亿元收购",
            "公告12亿元收购，公告称，5亿元收购3亿元收购",
            "获得1.2亿元A轮融资，戊公司获红杉资本战略投资",
            "第123期，共4567户，0元收购",
        ] {
            let want: Vec<_> = plain.find_iter(text).map(|m| m.range()).collect();
            let got: Vec<_> = s.subject.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    /// `stake_matches` finds what the plain search of `stake` finds: percent signs with and
    /// without a stake word, full-width ones, Unicode digits, dots, signs next to each other,
    /// a match ending where the next number starts, text ending inside a match.
    #[test]
    fn stake_matches_are_the_plain_search() {
        let s = &crate::rules::Rules::builtin().org.short;
        for text in [
            "",
            "%",
            "甲公司持有乙公司51%的股权。",
            "甲公司持有乙公司51％股份，丙公司持有12.5%的权益和3.2.1%股权",
            "５１％的股权与٣٤%股份，Ⅻ5%股权，①20%的股份",
            "5%5%股权，10%20%的股份，7%的的股权，8%的股",
            "30%股权40%股份50%权益",
            "增长5%，持股.5%股权和5.%股权以及..%股权",
            "持有1234567890123%的股权",
            "持股比例为45.00%",
            "二十%股权，百分之五的股权",
        ] {
            let plain: Vec<_> = s.stake.find_iter(text).map(|m| m.range()).collect();
            let fast: Vec<_> = super::stake_matches(text, &s.stake).collect();
            assert_eq!(fast, plain, "{text}");
        }
    }

    /// `word_ending_at` as it was: the lists run over the tail of `text[floor..pos]` at each
    /// position.
    fn word_ending_at_by_position(
        text: &str,
        floor: usize,
        pos: usize,
        r: &super::OrgRules,
        multi_only: bool,
    ) -> Option<usize> {
        let seg = &text[floor..pos];
        let mut best: Option<usize> = None;
        let mut check = |m: &super::TermMatcher, single_ok: bool| {
            for (rg, _) in m.find_all(seg) {
                if rg.end != seg.len() {
                    continue;
                }
                let w = &seg[rg.clone()];
                if !single_ok
                    && w.chars().count() == 1
                    && (multi_only || super::NAME_OK_STOPS.contains(w))
                {
                    continue;
                }
                best = Some(best.map_or(floor + rg.start, |b: usize| b.min(floor + rg.start)));
            }
        };
        for m in r.words(super::WordType::Stop) {
            check(m, false);
        }
        check(&r.titles, true);
        check(&r.short.lead, true);
        best
    }

    /// One pass per list over the span finds, at every position, the boundary word the
    /// per-position search found (single stop characters, names' own ones, titles).
    #[test]
    fn boundary_words_of_a_span_are_those_found_at_each_position() {
        let r = &crate::rules::Rules::builtin().org;
        let mut seen = 0;
        for text in [
            "据悉，星河科技有限公司董事长和总经理已于3月与之江集团签约",
            "公司将和居然之家、华夏有色共同出资",
            "甲乙丙丁",
            "",
        ] {
            let ends: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            for &floor in &ends {
                for &end in ends.iter().filter(|&&e| e >= floor) {
                    let words = super::boundary_words(text, floor, end, r);
                    for &p in ends.iter().filter(|&&p| p >= floor && p <= end) {
                        for multi_only in [true, false] {
                            let want = word_ending_at_by_position(text, floor, p, r, multi_only);
                            seen += usize::from(want.is_some());
                            assert_eq!(
                                super::word_ending_at(&words, p, multi_only),
                                want,
                                "{text} {floor}..{end} at {p}"
                            );
                        }
                    }
                }
            }
        }
        assert!(seen > 0, "some boundary word is found");
    }
}
