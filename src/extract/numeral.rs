//! Numerals: the one parser for Chinese, Arabic and mixed numbers (money and dates use it).
//!
//! Accepted shapes, all exact (decimal arithmetic, converted to `f64` once at the end):
//! - Arabic, with thousands separators (`12,000`, `233,333，333`, `1 286.4` in PDF reports), decimals, full-width digits
//!   (`１２`), and the suffixes `k`/`w`/`M`/`G` (`15k` = 15 000, `30w` = 300 000);
//! - Chinese, lower case and financial capitals (`三十八亿七千万`, `伍仟万`), `两`/`兩`/`幺`,
//!   `廿`/`卅`/`卌`, `〇`, `点` decimals (`一点二`, `一百点123`);
//! - mixed (`1.2万亿`, `3千万`, `100万三千`, `1百01`);
//! - colloquial elision (`三万五` = 35 000, `一百二` = 120, `千一` = 1 100, `萬九` = 19 000);
//! - digit-by-digit readings (`二〇二四` = 2024, `一七二零点一`).
//!
//! Why not the `chinese-number` crate: it parses a whole string of Chinese digits only — no
//! Arabic/Chinese mixes (`1.2万亿`), no colloquial elision, no `廿`, no digit-by-digit years,
//! and, above all, no *scanning*: extractors need "the longest numeral starting here" inside
//! running text, which a whole-string parser cannot give without trying every substring. The
//! grammar is small (digits, three small units, two big units, a decimal point), so an exact
//! parser of ~300 lines is cheaper than wrapping one that covers a third of the cases.
//!
//! Rejected (see `kgextract eval numerals …/numerals_invalid.tsv`): units out of order
//! (`十一十二`), a decimal point without digits on both sides (`零点`, `点零`), Arabic
//! decimals followed by more digits (`10.1万零100`), malformed Arabic (`10..1万`), and
//! anything that is not a numeral at all (`元整`, `负`).

/// An exact decimal `m × 10^-s`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dec {
    pub m: i128,
    pub s: u32,
}

impl Dec {
    pub const ZERO: Dec = Dec { m: 0, s: 0 };

    pub fn int(v: i128) -> Dec {
        Dec { m: v, s: 0 }
    }

    /// `self × 10^k`; `None` on overflow.
    pub fn times_pow10(self, k: u32) -> Option<Dec> {
        if self.s >= k {
            Some(Dec {
                m: self.m,
                s: self.s - k,
            })
        } else {
            let f = 10i128.checked_pow(k - self.s)?;
            Some(Dec {
                m: self.m.checked_mul(f)?,
                s: 0,
            })
        }
        .map(Dec::trim)
    }

    /// `self × 10^-k`.
    pub fn div_pow10(self, k: u32) -> Dec {
        Dec {
            m: self.m,
            s: self.s + k,
        }
        .trim()
    }

    pub fn plus(self, o: Dec) -> Option<Dec> {
        if self.s == o.s {
            // The usual case (two integers): no scaling, so no 128-bit multiplications
            // (software routines) by 10^0 (issue 8).
            return Some(
                Dec {
                    m: self.m.checked_add(o.m)?,
                    s: self.s,
                }
                .trim(),
            );
        }
        let s = self.s.max(o.s);
        let a = self.m.checked_mul(10i128.checked_pow(s - self.s)?)?;
        let b = o.m.checked_mul(10i128.checked_pow(s - o.s)?)?;
        Some(
            Dec {
                m: a.checked_add(b)?,
                s,
            }
            .trim(),
        )
    }

    pub fn mul_int(self, k: i128) -> Option<Dec> {
        if self.m == 0 {
            return Some(Dec { m: 0, s: self.s }.trim());
        }
        Some(
            Dec {
                m: self.m.checked_mul(k)?,
                s: self.s,
            }
            .trim(),
        )
    }

    pub fn negated(self) -> Dec {
        Dec {
            m: -self.m,
            s: self.s,
        }
    }

    pub fn is_zero(self) -> bool {
        self.m == 0
    }

    fn trim(mut self) -> Dec {
        while self.s > 0 && self.m % 10 == 0 {
            self.m /= 10;
            self.s -= 1;
        }
        self
    }

    /// The nearest `f64` (correctly rounded: goes through the decimal string).
    pub fn to_f64(self) -> f64 {
        if self.s == 0 {
            return self.m as f64;
        }
        format!("{}e-{}", self.m, self.s)
            .parse()
            .unwrap_or(self.m as f64 / 10f64.powi(self.s as i32))
    }

    /// The power of ten of the lowest non-zero digit (`3000` → 3, `1200` → 2, `0.5` → -1).
    pub fn lowest_place(self) -> i32 {
        if self.m == 0 {
            return 0;
        }
        let mut m = self.m.abs();
        let mut p = -(self.s as i32);
        while m % 10 == 0 {
            m /= 10;
            p += 1;
        }
        p
    }
}

/// Spaces that may stand between a numeral and its unit (`2024 年`, `3 亿元`): ASCII and
/// ideographic spaces, no-break space, tab. Shared by the extractors that scan around numerals
/// (money, dates) so they agree on what a gap is.
pub const SPACES: &[char] = &[' ', '\u{3000}', '\u{a0}', '\t'];

/// The byte offset after any [`SPACES`] at byte `i`.
pub fn skip_spaces(text: &str, mut i: usize) -> usize {
    while let Some(c) = text[i..].chars().next() {
        if SPACES.contains(&c) {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// The byte offset before any [`SPACES`] that end at byte `i`.
pub fn skip_spaces_back(text: &str, mut i: usize) -> usize {
    while let Some(c) = text[..i].chars().next_back() {
        if SPACES.contains(&c) {
            i -= c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// The character starting at byte `i` (`None` at the end or off a boundary).
pub fn next_char(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// The character ending at byte `i` (`None` at the start or off a boundary).
pub fn prev_char(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// The value of a Chinese digit character (`零〇○` … `九玖`, `两兩幺`).
pub const fn cn_digit(c: char) -> Option<u8> {
    Some(match c {
        '零' | '〇' | '○' | 'Ｏ' => 0,
        '一' | '壹' | '幺' | '弌' => 1,
        '二' | '贰' | '貳' | '两' | '兩' => 2,
        '三' | '叁' | '參' | '叄' | '参' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Power of ten of a small unit (`十拾` 1, `百佰` 2, `千仟` 3).
pub const fn small_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 1,
        '百' | '佰' => 2,
        '千' | '仟' => 3,
        _ => return None,
    })
}

/// Power of ten of a big unit (`万萬` 4, `亿億` 8, `兆` 12: the 兆 of Taiwan and Hong Kong
/// amounts, `新台币1.5兆元`, is a million million — the SI mega `兆瓦` takes no currency, so
/// it never makes money).
pub fn big_unit(c: char) -> Option<u32> {
    Some(match c {
        '万' | '萬' => 4,
        '亿' | '億' => 8,
        '兆' => 12,
        _ => return None,
    })
}

/// An ASCII or full-width Arabic digit.
pub const fn arabic_digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

/// Can a numeral start with this character?
///
/// Asked at every character of every document (dates, money), so it reads one bit of a
/// table made at compile time from [`starts_numeral_match`] (issue 8).
#[inline]
pub fn starts_numeral(c: char) -> bool {
    bmp_bit(&STARTS_NUMERAL, c).unwrap_or_else(|| starts_numeral_match(c))
}

/// [`starts_numeral`] as a `match` (the definition the table is made from).
pub const fn starts_numeral_match(c: char) -> bool {
    arabic_digit(c).is_some()
        || cn_digit(c).is_some()
        || small_unit(c).is_some()
        || matches!(c, '廿' | '卅' | '卌' | '万' | '萬')
}

/// A character of a count before a measure word (`28个`, `三家`, `十几所`, `数百家`):
/// a digit, a small unit or a vague count (`几`, `多`, `数`).
pub fn is_count_char(c: char) -> bool {
    arabic_digit(c).is_some()
        || cn_digit(c).is_some()
        || small_unit(c).is_some()
        || matches!(c, '几' | '多' | '数')
}

/// One bit per BMP character: `bmp_table!(f)[cp >> 6] >> (cp & 63) & 1` is `f(cp)` for a
/// `const fn f(char) -> bool` (8 KiB, made at compile time). For per-character tests asked
/// at every character of a document.
macro_rules! bmp_table {
    ($f:path) => {{
        let mut t = [0u64; 1024];
        let mut cp = 0u32;
        while cp < 0x1_0000 {
            if let Some(c) = char::from_u32(cp)
                && $f(c)
            {
                t[(cp >> 6) as usize] |= 1 << (cp & 63);
            }
            cp += 1;
        }
        t
    }};
}
pub(crate) use bmp_table;

/// The bit of `c` in a table made by [`bmp_table!`] (or a set of characters laid out the
/// same way); `None` above the BMP, where the caller asks its definition instead.
#[inline]
pub(crate) fn bmp_bit(table: &[u64; 1024], c: char) -> Option<bool> {
    let cp = c as u32;
    (cp < 0x1_0000).then(|| table[(cp >> 6) as usize] >> (cp & 63) & 1 != 0)
}

static STARTS_NUMERAL: [u64; 1024] = bmp_table!(starts_numeral_match);

#[derive(Clone, Copy, Debug, PartialEq)]
enum Tok {
    /// A Chinese digit.
    Digit(u8),
    /// An Arabic number; `frac` = it has a decimal part; `digits` = digit count.
    Arabic {
        v: Dec,
        frac: bool,
        digits: usize,
    },
    Small(u32),
    Big(u32),
    Point,
}

/// A numeral found in text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Numeral {
    /// Byte end (exclusive) of the numeral in the scanned text.
    pub end: usize,
    pub value: Dec,
    /// Only Arabic digits (`2024`, `1,200.5`), no units or Chinese characters.
    pub arabic_only: bool,
    /// Only Chinese digits read one by one (`二〇二四`).
    pub direct: bool,
    /// Contains a unit (`十百千万亿` or k/w/M/G).
    pub has_unit: bool,
    /// Number of tokens (digits/units/Arabic runs) read.
    pub tokens: usize,
    /// Total power of the trailing big units (`三百亿` → 8, `1.2万亿` → 12, `15k` → 3).
    pub big_scale: Option<u32>,
    /// The trailing small unit when there is no trailing big unit (`3百` → 2, `三仟` → 3).
    pub small_scale: Option<u32>,
}

impl Numeral {
    pub fn f64(&self) -> f64 {
        self.value.to_f64()
    }
}

/// Read one Arabic number at byte `i`: digits, `,`-groups of three, one decimal part.
/// Returns (value, end, has fraction, digit count).
fn arabic_at(text: &str, i: usize) -> Option<(Dec, usize, bool, usize)> {
    let mut m: i128 = 0;
    let mut digits = 0usize;
    let mut chars = text[i..].char_indices().peekable();
    let mut last_end = i;
    // integer part
    let mut group = 0usize; // digits since the last separator
    let mut seen_sep = false;
    // the separator in use: Some(true) for a space, Some(false) for a comma
    let mut sep_kind: Option<bool> = None;
    while let Some(&(k, c)) = chars.peek() {
        if let Some(d) = arabic_digit(c) {
            // `m < 10^digits`: below 38 digits `m * 10 + 9` fits an i128, so the checked
            // (software) 128-bit multiplication is needed only past that (issue 8).
            m = if digits < 37 {
                m * 10 + d as i128
            } else {
                m.checked_mul(10)?.checked_add(d as i128)?
            };
            digits += 1;
            group += 1;
            if seen_sep && group > 3 {
                return None;
            }
            chars.next();
            last_end = i + k + c.len_utf8();
            continue;
        }
        // A space groups thousands too in PDF-converted reports (`1 286.4亿元`, `3 425亿元`),
        // never mixed with commas: the same separator throughout.
        let space = matches!(c, ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}');
        if (matches!(c, ',' | '，') || space)
            && digits > 0
            && (!seen_sep || group == 3)
            && (seen_sep || group <= 3)
            && sep_kind.is_none_or(|k| k == space)
        {
            // A separator must be followed by exactly three digits.
            let rest = &text[i + k + c.len_utf8()..];
            let next3: Vec<char> = rest.chars().take(4).collect();
            if next3.len() >= 3
                && next3[..3].iter().all(|c| arabic_digit(*c).is_some())
                && next3.get(3).is_none_or(|c| arabic_digit(*c).is_none())
            {
                seen_sep = true;
                sep_kind = Some(space);
                group = 0;
                chars.next();
                continue;
            }
            break;
        }
        break;
    }
    if digits == 0 {
        // `.77`: a leading decimal point
        if !matches!(text[i..].chars().next(), Some('.' | '．')) {
            return None;
        }
    }
    if seen_sep && group != 3 {
        return None;
    }
    let mut j = last_end;
    let mut s = 0u32;
    let mut frac = false;
    if let Some(c) = text[j..].chars().next()
        && matches!(c, '.' | '．')
    {
        let after = j + c.len_utf8();
        let mut k = after;
        for c2 in text[after..].chars() {
            let Some(d) = arabic_digit(c2) else { break };
            m = m.checked_mul(10)?.checked_add(d as i128)?;
            s += 1;
            k += c2.len_utf8();
        }
        if k > after {
            frac = true;
            digits += s as usize;
            j = k;
        }
    }
    if digits == 0 {
        return None;
    }
    Some((Dec { m, s }.trim(), j, frac, digits))
}

/// Tokenize the maximal numeral-looking run at byte `start` into `toks`, with each token's
/// end in `ends` (both cleared first).
fn tokenize(text: &str, start: usize, toks: &mut Vec<Tok>, ends: &mut Vec<usize>) {
    toks.clear();
    ends.clear();
    let mut push = |t: Tok, end: usize| {
        toks.push(t);
        ends.push(end);
    };
    let mut i = start;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let n = c.len_utf8();
        if arabic_digit(c).is_some() || (matches!(c, '.' | '．') && i == start) {
            let Some((v, end, frac, digits)) = arabic_at(text, i) else {
                break;
            };
            // Arabic suffix scales, only right after an Arabic number and not inside a word.
            push(Tok::Arabic { v, frac, digits }, end);
            i = end;
            if let Some(s) = text[i..].chars().next() {
                let p = match s {
                    'k' | 'K' => Some(3),
                    'w' | 'W' => Some(4),
                    'M' => Some(6),
                    'G' => Some(9),
                    _ => None,
                };
                if let Some(p) = p {
                    let after = text[i + 1..].chars().next();
                    if after.is_none_or(|a| !a.is_ascii_alphanumeric()) {
                        push(Tok::Big(p), i + 1);
                        i += 1;
                    }
                }
            }
            continue;
        }
        let tok = if let Some(d) = cn_digit(c) {
            Tok::Digit(d)
        } else if let Some(p) = small_unit(c) {
            Tok::Small(p)
        } else if let Some(p) = big_unit(c) {
            Tok::Big(p)
        } else if matches!(c, '点' | '點') {
            Tok::Point
        } else if matches!(c, '廿' | '卅' | '卌') {
            let d = match c {
                '廿' => 2,
                '卅' => 3,
                _ => 4,
            };
            push(Tok::Digit(d), i + n);
            Tok::Small(1)
        } else {
            break;
        };
        push(tok, i + n);
        i += n;
    }
}

/// Parse a token sequence; `None` if it is not a well-formed numeral.
fn parse_tokens(toks: &[Tok]) -> Option<(Dec, bool)> {
    if toks.is_empty() {
        return None;
    }
    // Digit-by-digit reading: two or more Chinese digits, optionally `点` and more digits.
    let int_digits = toks
        .iter()
        .take_while(|t| matches!(t, Tok::Digit(_)))
        .count();
    if int_digits >= 2 {
        let rest = &toks[int_digits..];
        let frac_ok = rest.is_empty()
            || (rest.len() >= 2
                && rest[0] == Tok::Point
                && rest[1..].iter().all(|t| matches!(t, Tok::Digit(_))));
        if frac_ok {
            let mut v = Dec::ZERO;
            for t in toks {
                if let Tok::Digit(d) = t {
                    v = v.mul_int(10)?.plus(Dec::int(*d as i128))?;
                }
            }
            let fr = rest.len().saturating_sub(1) as u32;
            return Some((v.div_pow10(fr), true));
        }
        return None;
    }
    let mut total = Dec::ZERO; // everything up to the last 亿
    let mut section = Dec::ZERO; // since the last 亿
    let mut cur: Option<(Dec, bool)> = None; // pending digit; bool = single Chinese digit
    let mut last_small: Option<u32> = None; // smallest small unit used in this group
    let mut last_big: Option<u32> = None;
    let mut prev_unit: Option<u32> = None; // unit token right before `cur`
    let mut after_zero = false;
    let mut arabic_frac = false;
    let mut any = false;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        if arabic_frac && !matches!(t, Tok::Big(_) | Tok::Small(_)) {
            return None; // `10.1万零100`
        }
        match t {
            Tok::Digit(0) => {
                if cur.is_some() {
                    return None;
                }
                after_zero = true;
                prev_unit = None;
                any = true;
            }
            Tok::Digit(d) => {
                if cur.is_some() {
                    return None;
                }
                cur = Some((Dec::int(d as i128), !after_zero));
                if after_zero {
                    prev_unit = None;
                }
                any = true;
            }
            Tok::Arabic { v, frac, .. } => {
                if cur.is_some() {
                    return None;
                }
                cur = Some((v, false));
                arabic_frac = frac;
                prev_unit = None;
                any = true;
            }
            Tok::Small(p) => {
                if last_small.is_some_and(|l| p >= l) {
                    return None; // `十一十二`, `一百二百`
                }
                let n = match cur.take() {
                    Some((v, _)) => v,
                    None => Dec::int(1),
                };
                section = section.plus(n.times_pow10(p)?)?;
                last_small = Some(p);
                prev_unit = Some(p);
                after_zero = false;
                any = true;
            }
            Tok::Big(p) => {
                let n = match cur.take() {
                    Some((v, single)) => elide(v, single, prev_unit)?,
                    None if section.is_zero() && total.is_zero() && !after_zero => Dec::int(1),
                    None => Dec::ZERO,
                };
                section = section.plus(n)?;
                if section.is_zero() && p != 8 {
                    return None; // `零万`
                }
                match p {
                    8 => {
                        if last_big == Some(8) && section.is_zero() {
                            return None;
                        }
                        total = total.plus(section)?.times_pow10(8)?;
                        section = Dec::ZERO;
                    }
                    _ => {
                        if last_big == Some(p) {
                            return None; // `一万二万`
                        }
                        section = section.times_pow10(p)?;
                    }
                }
                last_big = Some(p);
                last_small = None;
                prev_unit = Some(p);
                after_zero = false;
                any = true;
            }
            Tok::Point => {
                // int part: whatever came before; decimals: Chinese digits or one Arabic run.
                let int = match cur.take() {
                    Some((v, _)) => v,
                    None if after_zero || !section.is_zero() || !total.is_zero() => Dec::ZERO,
                    None => return None,
                };
                let mut frac = Dec::ZERO;
                let mut k = 0u32;
                let mut j = i + 1;
                while j < toks.len() {
                    match toks[j] {
                        Tok::Digit(d) => {
                            k += 1;
                            frac = frac.plus(Dec::int(d as i128).div_pow10(k))?;
                        }
                        Tok::Arabic {
                            v,
                            frac: false,
                            digits,
                        } if k == 0 => {
                            k = digits as u32;
                            frac = v.div_pow10(k);
                        }
                        _ => break,
                    }
                    j += 1;
                }
                if k == 0 {
                    return None; // `零点`
                }
                section = section.plus(int)?.plus(frac)?;
                // Only a big unit may follow (`十二点五亿`).
                let mut v = total.plus(section)?;
                for t in &toks[j..] {
                    match t {
                        Tok::Big(p) => v = v.times_pow10(*p)?,
                        _ => return None,
                    }
                }
                return Some((v, false));
            }
        }
        i += 1;
    }
    if !any {
        return None;
    }
    if let Some((v, single)) = cur {
        section = section.plus(elide(v, single, prev_unit)?)?;
    }
    Some((total.plus(section)?, false))
}

/// A trailing single Chinese digit right after a unit takes the next lower place:
/// `三万五` → 5 × 10^3, `一百二` → 2 × 10, `十一` → 1.
fn elide(v: Dec, single: bool, prev_unit: Option<u32>) -> Option<Dec> {
    match (single, prev_unit) {
        (true, Some(p)) if p >= 1 => v.times_pow10(p - 1),
        _ => Some(v),
    }
}

/// A character where an amount (money's `can_start`) or a date (dates' `may_start`) may
/// start: its byte offset, the character and the one before it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Start {
    pub at: usize,
    pub c: char,
    pub prev: Option<char>,
}

/// Could an amount or a date start with `c`? (The union of the two families' start tests.)
const fn money_or_date_start(c: char) -> bool {
    crate::extract::money::can_start_match(c) || crate::extract::date::may_start_match(c)
}

/// Every [`Start`] of `text`, in text order: ONE walk over the characters serves the money
/// and date families, which each walked every character of every document (issue 8). Within
/// a document scope (`rules::DocScope`) the list is made once and shared; each family still
/// tests its own start set at the characters listed.
pub(crate) fn starts(text: &str) -> std::rc::Rc<[Start]> {
    thread_local! {
        static MEMO: std::cell::RefCell<(u64, Option<std::rc::Rc<[Start]>>)> =
            const { std::cell::RefCell::new((0, None)) };
    }
    let id = crate::rules::DocScope::id_of(text);
    if let Some(id) = id
        && let Some(kept) = MEMO.with(|m| {
            let m = m.try_borrow().ok()?;
            if m.0 == id { m.1.clone() } else { None }
        })
    {
        return kept;
    }
    static TABLE: [u64; 1024] = bmp_table!(money_or_date_start);
    let mut list = Vec::new();
    let mut prev = None;
    for (at, c) in text.char_indices() {
        if bmp_bit(&TABLE, c).unwrap_or_else(|| money_or_date_start(c)) {
            list.push(Start { at, c, prev });
        }
        prev = Some(c);
    }
    let list: std::rc::Rc<[Start]> = list.into();
    if let Some(id) = id {
        MEMO.with(|m| {
            if let Ok(mut m) = m.try_borrow_mut() {
                *m = (id, Some(list.clone()));
            }
        });
    }
    list
}

/// The longest well-formed numeral starting at byte `start` of `text`.
///
/// A leading sign is not read here (callers decide what `负`/`-` means in context).
pub fn scan(text: &str, start: usize) -> Option<Numeral> {
    // Within a document scope (`rules::DocScope`) the result at each start byte is kept: the
    // money and date families scan the same numerals of a document (issue 8). At most
    // `MEMO_MAX` are kept (≈ 0.5 MB of table; a 3 KB article has a few hundred numerals), so
    // memory does not grow with a huge document's numerals.
    const MEMO_MAX: usize = 1 << 11;
    thread_local! {
        static MEMO: std::cell::RefCell<NumeralMemo> = std::cell::RefCell::new(NumeralMemo::default());
    }
    if let Some(n) = plain_digits(text, start) {
        return n;
    }
    let Some(id) = crate::rules::DocScope::id_of(text) else {
        return scan_fresh(text, start);
    };
    // One access to the memo per lookup (a miss is scanned while the memo is held: `scan_fresh`
    // never asks the memo; a nested `scan` would find it busy and scan afresh). The dates ask
    // the same start several times in a row (one `int_at` per pattern tried): the last answer
    // is kept beside the map.
    MEMO.with(|m| {
        let Ok(mut m) = m.try_borrow_mut() else {
            return scan_fresh(text, start);
        };
        if m.id != id {
            m.id = id;
            m.map.clear();
            m.last = None;
        }
        if let Some((at, n)) = m.last
            && at == start
        {
            return n;
        }
        let n = match m.map.get(&start) {
            Some(&n) => n,
            None => {
                let n = scan_fresh(text, start);
                if m.map.len() < MEMO_MAX {
                    m.map.insert(start, n);
                }
                n
            }
        };
        m.last = Some((start, n));
        n
    })
}

/// [`scan`]'s short cut for the most common numeral (`2024年`, `15家`, `第3`): a run of at
/// most 36 ASCII digits that nothing numeric continues — no separator (`,`, `，`, a space), no
/// decimal point, suffix scale (`k`, `w`, `M`, `G`), digit, Chinese digit or unit, `点` after
/// it. [`tokenize`] reads it as one Arabic token and [`parse_tokens`] as its integer, so the
/// numeral is that integer, Arabic only, with no unit; `None` when the full scan is needed.
/// (A full scan with its memo cost ≈ 1 200 instructions a numeral; issue 8.)
fn plain_digits(text: &str, start: usize) -> Option<Option<Numeral>> {
    let bytes = text.as_bytes();
    let mut end = start;
    let mut m: i128 = 0;
    while let Some(&d) = bytes.get(end)
        && d.is_ascii_digit()
    {
        if end - start == 36 {
            return None;
        }
        m = m * 10 + i128::from(d - b'0');
        end += 1;
    }
    if end == start {
        return None;
    }
    let continued = match text[end..].chars().next() {
        None => false,
        Some(c) if c.is_ascii() => matches!(
            c,
            '0'..='9' | ',' | '.' | ' ' | 'k' | 'K' | 'w' | 'W' | 'M' | 'G'
        ),
        Some(c) => {
            starts_numeral(c)
                || big_unit(c).is_some()
                || matches!(
                    c,
                    '，' | '．' | '点' | '點' | '\u{a0}' | '\u{2009}' | '\u{202f}'
                )
        }
    };
    if continued {
        return None;
    }
    Some(Some(Numeral {
        end,
        value: Dec { m, s: 0 },
        arabic_only: true,
        direct: false,
        has_unit: false,
        tokens: 1,
        big_scale: None,
        small_scale: None,
    }))
}

/// [`scan`]'s per-document memo: the scope id, the result at each start byte scanned, and the
/// last lookup.
#[derive(Default)]
struct NumeralMemo {
    id: u64,
    map: crate::rules::FastMap<usize, Option<Numeral>>,
    last: Option<(usize, Option<Numeral>)>,
}

/// [`scan`] without the per-document memo.
fn scan_fresh(text: &str, start: usize) -> Option<Numeral> {
    // The token buffers are reused: `scan` runs at every numeral of every document (dates,
    // money), and two fresh vectors per call were a measurable share of its time.
    thread_local! {
        static BUFS: std::cell::RefCell<(Vec<Tok>, Vec<usize>)> =
            const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
    }
    BUFS.with(|b| match b.try_borrow_mut() {
        Ok(mut b) => {
            let (toks, ends) = &mut *b;
            scan_with(text, start, toks, ends)
        }
        Err(_) => scan_with(text, start, &mut Vec::new(), &mut Vec::new()),
    })
}

fn scan_with(
    text: &str,
    start: usize,
    all: &mut Vec<Tok>,
    ends: &mut Vec<usize>,
) -> Option<Numeral> {
    tokenize(text, start, all, ends);
    if all.is_empty() {
        return None;
    }
    let mut n = all.len();
    while n > 0 {
        let ts = &all[..n];
        if let Some((value, direct)) = parse_tokens(ts) {
            let arabic_only = ts.iter().all(|t| matches!(t, Tok::Arabic { .. }));
            let has_unit = ts.iter().any(|t| matches!(t, Tok::Small(_) | Tok::Big(_)));
            let mut big = 0;
            let mut any_big = false;
            for t in ts.iter().rev() {
                match t {
                    Tok::Big(p) => {
                        big += p;
                        any_big = true;
                    }
                    Tok::Small(_) if any_big => continue,
                    _ => break,
                }
            }
            let small_scale = match ts.last() {
                Some(Tok::Small(p)) if !any_big => Some(*p),
                _ => None,
            };
            return Some(Numeral {
                big_scale: any_big.then_some(big),
                small_scale,
                end: ends[n - 1],
                value,
                arabic_only,
                direct,
                has_unit,
                tokens: n,
            });
        }
        n -= 1;
    }
    None
}

/// Parse a whole string as one numeral (with an optional sign `负`/`負`/`-`/`−`).
/// Surrounding whitespace is ignored; anything else left over makes it `None`.
pub fn parse(s: &str) -> Option<Dec> {
    let s = s.trim();
    let (neg, rest) = strip_sign(s);
    let rest = rest.trim_start();
    let n = scan(rest, 0)?;
    if n.end != rest.len() {
        return None;
    }
    Some(if neg { n.value.negated() } else { n.value })
}

/// Parse a whole string as a quantity phrase: a numeral ([`parse`]) or the counting forms
/// Duckling reads as numbers — a classifier suffix (`三个`, `1個`), pairs and dozens (`一對` = 2,
/// `五打` = 60), halves (`一半`, `半个`), fractions (`二分之一`, `二份一`, `一又十分一`).
pub fn parse_phrase(s: &str) -> Option<Dec> {
    let s = s.trim();
    if let Some(v) = parse(s) {
        return Some(v);
    }
    if matches!(s, "一半" | "半" | "半个" | "半個") {
        return Some(Dec { m: 5, s: 1 });
    }
    for (suffix, k) in [
        ("个", 1),
        ("個", 1),
        ("对", 2),
        ("對", 2),
        ("双", 2),
        ("雙", 2),
        ("打", 12),
    ] {
        if let Some(r) = s.strip_suffix(suffix)
            && let Some(v) = parse(r)
        {
            return v.mul_int(k);
        }
    }
    // 一又十分一: whole + fraction
    if let Some((w, f)) = s.split_once('又')
        && let (Some(w), Some(f)) = (parse(w), fraction(f))
    {
        return w.plus(f);
    }
    fraction(s)
}

/// `二分之一` (1/2), `二份一`, `十份十一`, `十分一` → an exact decimal if it terminates.
fn fraction(s: &str) -> Option<Dec> {
    let (den, num) = s
        .split_once("分之")
        .or_else(|| s.split_once('份'))
        .or_else(|| s.split_once('分'))?;
    let (den, num) = (parse(den)?, parse(num)?);
    if den.s != 0 || num.s != 0 || den.m <= 0 {
        return None;
    }
    // exact only for denominators of the form 2^a 5^b
    let mut d = den.m;
    let mut k = 0u32;
    let mut mult = num.m;
    while d % 10 == 0 {
        d /= 10;
        k += 1;
    }
    while d % 2 == 0 {
        d /= 2;
        mult = mult.checked_mul(5)?;
        k += 1;
    }
    while d % 5 == 0 {
        d /= 5;
        mult = mult.checked_mul(2)?;
        k += 1;
    }
    if d != 1 {
        return None;
    }
    Some(Dec::int(mult).div_pow10(k))
}

/// Split a leading minus sign (`负`, `負`, `-`, `−`, `－`).
pub fn strip_sign(s: &str) -> (bool, &str) {
    for p in ["负", "負", "-", "−", "－"] {
        if let Some(r) = s.strip_prefix(p) {
            return (true, r);
        }
    }
    (false, s)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The short cut reads what the full scan reads, whatever follows the digits.
    #[test]
    fn plain_digits_are_the_full_scan() {
        let runs = ["7", "2024", "000123", &"9".repeat(36)];
        let mut taken = 0;
        for run in runs {
            for c in (0..0x1_0000)
                .chain([0x2_0000, 0x1_F600])
                .filter_map(char::from_u32)
            {
                let text = format!("第{run}{c}年");
                let start = '第'.len_utf8();
                if let Some(n) = plain_digits(&text, start) {
                    assert_eq!(n, scan_fresh(&text, start), "{text}");
                    taken += 1;
                }
            }
            for text in [run.to_string(), format!("{run}年"), format!("{run}%")] {
                assert_eq!(plain_digits(&text, 0), Some(scan_fresh(&text, 0)), "{text}");
            }
        }
        assert!(taken > 200_000);
        // (the full scan: a longer run, a separator, a unit, a decimal part, a scale)
        for text in [
            "9".repeat(37),
            "1,200元".into(),
            "3 425亿元".into(),
            "12万".into(),
            "3.5亿".into(),
            "15k".into(),
            "2十".into(),
            "12点5".into(),
            "1２".into(),
        ] {
            assert_eq!(plain_digits(&text, 0), None, "{text}");
        }
    }

    #[test]
    fn starts_numeral_table_is_the_match() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(starts_numeral(c), starts_numeral_match(c), "{c:?}");
        }
    }

    fn p(s: &str) -> Option<f64> {
        parse(s).map(Dec::to_f64)
    }

    #[test]
    fn table() {
        let cases: &[(&str, f64)] = &[
            ("三百", 300.0),
            ("三十八亿七千万", 3_870_000_000.0),
            ("两亿", 2e8),
            ("一千二百万", 12_000_000.0),
            ("伍仟万", 5e7),
            ("壹佰", 100.0),
            ("1.2万亿", 1.2e12),
            ("3千万", 3e7),
            ("百亿", 1e10),
            ("千亿", 1e11),
            ("12,000", 12000.0),
            ("１２", 12.0),
            ("47.264287亿", 4_726_428_700.0),
            ("二〇二四", 2024.0),
            ("三万五", 35000.0),
            ("一百二", 120.0),
            ("千一", 1100.0),
            ("萬九", 19000.0),
            ("百二萬", 1_200_000.0),
            ("廿二", 22.0),
            ("一萬零卌", 10040.0),
            ("十万亿", 1e13),
            ("一亿零一", 100_000_001.0),
            ("一百点123", 100.123),
            ("零点零一", 0.01),
            ("负一百二十万", -1_200_000.0),
            ("1万600", 10600.0),
            ("1百01", 101.0),
            ("200亿零四千230", 20_000_004_230.0),
            ("15k", 15000.0),
            ("30w", 300_000.0),
            (".77", 0.77),
            ("01.10", 1.1),
            ("零一", 1.0),
            ("十二点五亿", 1.25e9),
        ];
        for (s, v) in cases {
            assert_eq!(p(s), Some(*v), "{s}");
        }
    }

    #[test]
    fn rejects() {
        for s in [
            "",
            "元整",
            "负",
            "零点",
            "点零",
            "零点点",
            "零点零大",
            "10..1万",
            "10.1万零100",
            "十一十二",
            "十七十八",
            "一万二万",
            "1,23",
        ] {
            assert_eq!(p(s), None, "{s:?}");
        }
    }

    #[test]
    fn scan_in_a_document_scope_is_scan_outside_it() {
        let starts =
            |t: &str| -> Vec<usize> { (0..t.len()).filter(|&i| t.is_char_boundary(i)).collect() };
        let fresh = |t: &str| -> Vec<Option<Numeral>> {
            starts(t).into_iter().map(|i| scan_fresh(t, i)).collect()
        };
        let a = String::from("融资3亿元，2024年3月5日签约，三百万股，1,200.5万元，二〇二四年");
        let b = String::from("募资5亿元，2023年9月1日开工，八十万股，3,400.7亿元，一九九八年");
        for t in [&a, &b, &a] {
            let _scope = crate::rules::DocScope::enter(t);
            for _ in 0..2 {
                let kept: Vec<Option<Numeral>> =
                    starts(t).into_iter().map(|i| scan(t, i)).collect();
                assert_eq!(kept, fresh(t));
            }
            // A window of the scope's text is scanned afresh (its offsets differ).
            let w = &t[3..];
            assert_eq!(scan(w, 0), scan_fresh(w, 0));
        }
    }

    #[test]
    fn scan_stops_at_non_numerals() {
        let t = "超过三百亿元";
        let n = scan(t, "超过".len()).unwrap();
        assert_eq!(&t["超过".len()..n.end], "三百亿");
        let t = "2024年7月";
        let n = scan(t, 0).unwrap();
        assert_eq!(n.end, 4);
        assert!(n.arabic_only);
        let t = "5G产业";
        assert_eq!(scan(t, 0).unwrap().end, 2);
        let t = "5GB";
        assert_eq!(scan(t, 0).unwrap().end, 1);
    }

    #[test]
    fn one_walk_lists_every_start_of_an_amount_or_a_date() {
        let text = "A380于今年3月以人民币1,234万元、三百亿元收购，上周完成。Q1";
        let want: Vec<Start> = {
            let mut prev = None;
            let mut v = Vec::new();
            for (at, c) in text.char_indices() {
                if crate::extract::money::can_start_match(c)
                    || crate::extract::date::may_start_match(c)
                {
                    v.push(Start { at, c, prev });
                }
                prev = Some(c);
            }
            v
        };
        assert_eq!(&*starts(text), &want[..]);
        for c in ['3', '今', '三', '亿', '上'] {
            assert!(want.iter().any(|s| s.c == c), "{c}");
        }
        // the character before is the one in the text, listed or not (`A` before 380)
        assert!(want.contains(&Start {
            at: 1,
            c: '3',
            prev: Some('A')
        }));
        // within a document scope the list is made once and shared
        {
            let _scope = crate::rules::DocScope::enter(text);
            let a = starts(text);
            let b = starts(text);
            assert!(std::rc::Rc::ptr_eq(&a, &b));
            assert_eq!(&*a, &want[..]);
            // another text in the scope is walked on its own
            assert!(starts("，。！").is_empty());
        }
        assert!(starts("，。！").is_empty());
        assert!(starts("").is_empty());
    }
}
