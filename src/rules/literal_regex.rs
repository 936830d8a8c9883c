//! [`LiteralStartRegex`]: a regex whose every match starts with one of a few literals,
//! searched only where one of them occurs.
//!
//! An unanchored search with a regex like `获[^，。]{1,16}?投资|以[^，。]{1,30}?收购|…` runs its
//! lazy DFA over the whole text, and the DFA must follow every `获`/`以` seen in the last 30
//! characters at once: it keeps making new states (most of the time of such a search). When
//! every match must begin with one of a finite set of literals (found by `regex-syntax`'s
//! prefix extraction), the same matches are found by an anchored search at each occurrence of
//! a literal, left to right, skipping occurrences inside the previous match: that is what
//! leftmost-first, non-overlapping `find_iter` returns. A pattern with look-around assertions
//! (`^`, `\b`, whose meaning depends on the text before the start), with a prefix set that is
//! not finite, or that can match the empty string, is searched as a plain regex.

use either::Either;
use std::ops::Range;

use daachorse::CharwiseDoubleArrayAhoCorasick;

/// Where a match may start: every match begins with one of the prefix literals.
enum Starts {
    /// Each literal is one ASCII character (`[A-Z]`): a table of those bytes.
    Ascii(Box<[bool; 128]>),
    /// Each literal is one of at most three characters (`[（(]`): `memchr3` on their last
    /// bytes ([`crate::rules::occurrences::char_matches`]).
    Chars([char; 3]),
    /// Any other finite set of literals, at most [`Packed::MAX_WIDE`] of them opening with a
    /// non-ASCII character once those with a shorter literal as a prefix are dropped: a packed
    /// (SIMD) search for those, a byte table for the ones opening with an ASCII byte.
    Packed(Packed),
    /// Any other finite set of literals whose first characters are in the Basic Multilingual
    /// Plane: a bit per character that begins a literal, one pass over the characters.
    Firsts(Firsts),
    /// Any other finite set of literals: one automaton pass.
    Literals(CharwiseDoubleArrayAhoCorasick<u32>),
}

/// [`Starts::Firsts`]: the literals by their first character. A position is a start when the
/// character there begins a literal and the text there begins with one of that character's
/// literals: the positions where some literal occurs, as an automaton's overlapping matches
/// give them, with no automaton to build at start-up (issue 8).
struct Firsts {
    /// Bit `c` set: some literal begins with `c` (`c` < U+10000).
    first: Box<[u64; 1024]>,
    /// Bit `c` set: `c` alone is a literal (no further check).
    whole: Box<[u64; 1024]>,
    /// The longer literals, sorted (those with one first character are together).
    longer: Vec<(char, Box<str>)>,
    /// The first characters' blocks: only characters there are decoded (most of a Chinese
    /// text is ruled out from its bytes).
    lead: crate::rules::LeadPairs,
}

impl Firsts {
    fn new(lits: &[&str]) -> Option<Firsts> {
        let bit = |t: &mut [u64; 1024], c: char| t[c as usize >> 6] |= 1 << (c as usize & 63);
        let (mut first, mut whole) = (Box::new([0u64; 1024]), Box::new([0u64; 1024]));
        let mut longer = Vec::new();
        let mut firsts = Vec::new();
        for l in lits {
            let c = l.chars().next()?;
            firsts.push(c);
            if c as u32 >= 0x10000 {
                return None;
            }
            bit(&mut first, c);
            if l.len() == c.len_utf8() {
                bit(&mut whole, c);
            } else {
                longer.push((c, Box::<str>::from(*l)));
            }
        }
        longer.sort_unstable();
        longer.dedup();
        Some(Firsts {
            first,
            whole,
            longer,
            lead: crate::rules::LeadPairs::new(firsts),
        })
    }

    fn of(&self, text: &str) -> Vec<usize> {
        let has = |t: &[u64; 1024], c: usize| t[c >> 6] >> (c & 63) & 1 != 0;
        let mut out = Vec::new();
        for (i, ch) in self.lead.iter(text) {
            let c = ch as usize;
            if c >= 0x10000 || !has(&self.first, c) {
                continue;
            }
            if has(&self.whole, c) {
                out.push(i);
                continue;
            }
            let from = self.longer.partition_point(|(f, _)| *f < ch);
            let rest = &text[i..];
            if self.longer[from..]
                .iter()
                .take_while(|(f, _)| *f == ch)
                .any(|(_, l)| rest.starts_with(&**l))
            {
                out.push(i);
            }
        }
        out
    }
}

/// [`Starts::Packed`]: the positions where a literal occurs, found without decoding the
/// text. A start of a literal is a start of each of its prefixes, so only the literals with no
/// other literal as a prefix are searched (`获`, not `获得`, `获投`). Those opening with a
/// non-ASCII character go to a packed searcher (Teddy: a few SIMD instructions per 16 or 32
/// bytes), asked for the leftmost match from one byte after the last start on — each start
/// once, as an automaton's overlapping matches give them. The others open with an ASCII byte:
/// a table of those bytes, read only in the 8-byte blocks that hold an ASCII byte. The
/// character-by-character walk of [`Firsts`] cost ≈ 15 instructions per byte of every
/// document for org.short's subject pattern alone (issue 8).
struct Packed {
    /// The literals opening with a non-ASCII character (none a prefix of another).
    wide: Option<aho_corasick::packed::Searcher>,
    /// Byte `b` set: some literal opens with ASCII byte `b`.
    narrow_first: Box<[bool; 128]>,
    /// Byte `b` set: the byte alone is a literal (no further check).
    narrow_whole: Box<[bool; 128]>,
    /// The longer literals opening with an ASCII byte (none a prefix of another).
    narrow: Vec<Box<[u8]>>,
}

impl Packed {
    /// Teddy's limit: with more patterns, the packed searcher falls back to Rabin-Karp, which
    /// reads every byte (then [`Firsts`] is used).
    const MAX_WIDE: usize = 64;

    fn new(lits: &[&str]) -> Option<Packed> {
        let mut sorted: Vec<&[u8]> = lits.iter().map(|l| l.as_bytes()).collect();
        sorted.sort_unstable();
        sorted.dedup();
        // In sorted order a literal's extensions follow it, each with it as a prefix: a
        // literal is dropped when the last one kept is its prefix.
        let mut kept: Vec<&[u8]> = Vec::new();
        for l in sorted {
            if l.is_empty() {
                return None;
            }
            if kept.last().is_some_and(|k| l.starts_with(k)) {
                continue;
            }
            kept.push(l);
        }
        let (wide, narrow): (Vec<&[u8]>, Vec<&[u8]>) = kept.into_iter().partition(|l| l[0] >= 0x80);
        if wide.len() > Self::MAX_WIDE {
            return None;
        }
        let wide = if wide.is_empty() {
            None
        } else {
            Some(
                aho_corasick::packed::Config::new()
                    .match_kind(aho_corasick::packed::MatchKind::LeftmostFirst)
                    .builder()
                    .extend(&wide)
                    .build()?,
            )
        };
        let (mut narrow_first, mut narrow_whole) = (Box::new([false; 128]), Box::new([false; 128]));
        let mut longer = Vec::new();
        for l in narrow {
            narrow_first[l[0] as usize] = true;
            if l.len() == 1 {
                narrow_whole[l[0] as usize] = true;
            } else {
                longer.push(Box::<[u8]>::from(l));
            }
        }
        Some(Packed {
            wide,
            narrow_first,
            narrow_whole,
            narrow: longer,
        })
    }

    fn of(&self, text: &str) -> Vec<usize> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        if let Some(s) = &self.wide {
            let mut at = 0;
            while at < bytes.len() {
                let Some(m) = s.find_in(bytes, aho_corasick::Span::from(at..bytes.len())) else {
                    break;
                };
                out.push(m.start());
                // (a literal opens with a lead byte: no match starts inside a character)
                at = m.start() + 1;
            }
        }
        let wide_found = out.len();
        if self.narrow_first.iter().any(|&b| b) {
            ascii_bytes(bytes, |i, b| {
                if self.narrow_first[b as usize]
                    && (self.narrow_whole[b as usize]
                        || self.narrow.iter().any(|l| bytes[i..].starts_with(l)))
                {
                    out.push(i);
                }
            });
            if wide_found > 0 && out.len() > wide_found {
                out.sort_unstable();
            }
        }
        out
    }
}

/// `f(offset, byte)` for each ASCII byte of `bytes`, in order, reading eight bytes at a time:
/// Chinese text is mostly bytes >= 0x80, and a block with no ASCII byte is skipped whole.
#[inline]
fn ascii_bytes(bytes: &[u8], mut f: impl FnMut(usize, u8)) {
    let mut test = |from: usize, block: &[u8]| {
        for (j, &b) in block.iter().enumerate() {
            if b < 128 {
                f(from + j, b);
            }
        }
    };
    let blocks = bytes.chunks_exact(8);
    let tail = blocks.remainder();
    for (k, block) in blocks.enumerate() {
        let mut w = [0u8; 8];
        w.copy_from_slice(block);
        if u64::from_le_bytes(w) & 0x8080_8080_8080_8080 != 0x8080_8080_8080_8080 {
            test(8 * k, block);
        }
    }
    test(bytes.len() - tail.len(), tail);
}

impl Starts {
    fn new(lits: &[&str]) -> Option<Starts> {
        let one_char = |l: &str| {
            let mut it = l.chars();
            it.next().filter(|_| it.next().is_none())
        };
        if let Some(mut cs) = lits
            .iter()
            .map(|l| one_char(l))
            .collect::<Option<Vec<char>>>()
        {
            cs.sort_unstable();
            cs.dedup();
            if cs.iter().all(char::is_ascii) {
                let mut t = Box::new([false; 128]);
                for c in cs {
                    t[c as usize] = true;
                }
                return Some(Starts::Ascii(t));
            }
            if cs.len() <= 3 {
                let last = *cs.last()?;
                return Some(Starts::Chars(
                    [0, 1, 2].map(|i| *cs.get(i).unwrap_or(&last)),
                ));
            }
        }
        if let Some(p) = Packed::new(lits) {
            return Some(Starts::Packed(p));
        }
        if let Some(f) = Firsts::new(lits) {
            return Some(Starts::Firsts(f));
        }
        CharwiseDoubleArrayAhoCorasick::new(lits)
            .ok()
            .map(Starts::Literals)
    }

    /// The possible starts in `text`, in increasing order, each once.
    fn of(&self, text: &str) -> Vec<usize> {
        match self {
            Starts::Ascii(t) => {
                let mut out = Vec::new();
                ascii_bytes(text.as_bytes(), |i, b| {
                    if t[b as usize] {
                        out.push(i);
                    }
                });
                out
            }
            Starts::Chars(cs) => crate::rules::occurrences::char_matches(text, *cs)
                .map(|(i, _)| i)
                .collect(),
            Starts::Packed(p) => p.of(text),
            Starts::Firsts(f) => f.of(text),
            Starts::Literals(ac) => {
                let mut starts: Vec<usize> =
                    ac.find_overlapping_iter(text).map(|m| m.start()).collect();
                starts.sort_unstable();
                starts.dedup();
                starts
            }
        }
    }
}

/// A compiled regex with a literal-start fast path for `find_iter` and `captures_iter`.
pub struct LiteralStartRegex {
    /// With [`Self::starts`], `\A(?:pattern)`; without, the pattern (a plain search). Only one
    /// of the two is compiled: compiling both was ≈ 40 M instructions of every run's start-up,
    /// half of it for a plain regex nothing searched with (issue 8).
    re: regex::Regex,
    /// Where matches may start, when the literal-start path is used.
    starts: Option<Starts>,
    /// See [`LiteralStartRegex::skip_starts_after`].
    skip: Option<fn(char, char) -> bool>,
}

/// One match (as `regex::Match`: `start`, `end`, `as_str`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found<'h> {
    text: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Found<'h> {
    pub fn start(&self) -> usize {
        self.start
    }
    pub fn end(&self) -> usize {
        self.end
    }
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
    pub fn as_str(&self) -> &'h str {
        &self.text[self.start..self.end]
    }
}

/// The groups of one match (as `regex::Captures`: `get`, `name`), in the whole text's offsets.
pub struct FoundCaps<'h> {
    text: &'h str,
    /// Where the searched slice starts in `text`.
    off: usize,
    caps: regex::Captures<'h>,
}

impl<'h> FoundCaps<'h> {
    fn found(&self, m: regex::Match<'h>) -> Found<'h> {
        Found {
            text: self.text,
            start: self.off + m.start(),
            end: self.off + m.end(),
        }
    }
    pub fn get(&self, i: usize) -> Option<Found<'h>> {
        self.caps.get(i).map(|m| self.found(m))
    }
    pub fn name(&self, name: &str) -> Option<Found<'h>> {
        self.caps.name(name).map(|m| self.found(m))
    }
}

impl LiteralStartRegex {
    pub fn new(pattern: &str) -> Result<LiteralStartRegex, regex::Error> {
        let fast = (|| {
            let hir = regex_syntax::parse(pattern).ok()?;
            if !hir.properties().look_set().is_empty() {
                return None;
            }
            // The default limits first; a class start (`[A-Z]`, 26 characters) is over the
            // default class limit (10), so then once more with a larger one.
            let seq = Some(regex_syntax::hir::literal::Extractor::new().extract(&hir))
                .filter(|s| s.is_finite())
                .unwrap_or_else(|| {
                    regex_syntax::hir::literal::Extractor::new()
                        .limit_class(64)
                        .extract(&hir)
                });
            let lits = seq.literals()?;
            if lits.is_empty() || lits.iter().any(|l| l.as_bytes().is_empty()) {
                return None;
            }
            // Character-wise: one automaton step per character, not per byte (the pass over
            // the whole text is most of the search's time). Literals cut inside a character
            // keep the plain search.
            let lits = lits
                .iter()
                .map(|l| std::str::from_utf8(l.as_bytes()).ok())
                .collect::<Option<Vec<&str>>>()?;
            let starts = Starts::new(&lits)?;
            let anchored = regex::Regex::new(&format!(r"\A(?:{pattern})")).ok()?;
            Some((anchored, starts))
        })();
        Ok(match fast {
            Some((re, starts)) => LiteralStartRegex {
                re,
                starts: Some(starts),
                skip: None,
            },
            None => LiteralStartRegex {
                re: regex::Regex::new(pattern)?,
                starts: None,
                skip: None,
            },
        })
    }

    /// On the literal-start path, a start whose character `c` follows a character `b` with
    /// `skip(b, c)` (after the end of the last match) is not tried. The caller vouches that
    /// a match starting at such a `c` implies one starting at `b` (which is then a start
    /// tried before it, or skipped by the same rule): e.g. a pattern whose only alternative
    /// that can start with a digit is `[0-9][0-9.,]*…`, with `skip` true for two digits —
    /// then in `2024`, only `2` is tried (one anchored search instead of four).
    pub fn skip_starts_after(mut self, skip: fn(char, char) -> bool) -> LiteralStartRegex {
        self.skip = Some(skip);
        self
    }

    /// Is `p` a start that [`LiteralStartRegex::skip_starts_after`] says not to try (`pos`:
    /// the end of the last match; `pos <= p`, both character boundaries)?
    fn skipped(&self, text: &str, pos: usize, p: usize) -> bool {
        let Some(skip) = self.skip else {
            return false;
        };
        match (text[pos..p].chars().next_back(), text[p..].chars().next()) {
            (Some(b), Some(c)) => skip(b, c),
            _ => false,
        }
    }

    /// Is the literal-start path used (for tests)?
    pub fn is_fast(&self) -> bool {
        self.starts.is_some()
    }

    /// Non-overlapping leftmost-first matches, as `regex::Regex::find_iter` gives them.
    pub fn find_iter<'h>(&'h self, text: &'h str) -> impl Iterator<Item = Found<'h>> + 'h {
        let found = move |r: Range<usize>| Found {
            text,
            start: r.start,
            end: r.end,
        };
        let (anchored, Some(starts)) = (&self.re, &self.starts) else {
            return Either::Left(self.re.find_iter(text).map(move |m| found(m.range())));
        };
        let mut pos = 0;
        Either::Right(starts.of(text).into_iter().filter_map(move |p| {
            if p < pos || !text.is_char_boundary(p) || self.skipped(text, pos, p) {
                return None;
            }
            let m = anchored.find(&text[p..])?;
            pos = p + m.end();
            Some(found(p..pos))
        }))
    }

    /// Non-overlapping leftmost-first matches with their groups, as
    /// `regex::Regex::captures_iter` gives them.
    pub fn captures_iter<'h>(&'h self, text: &'h str) -> impl Iterator<Item = FoundCaps<'h>> + 'h {
        let (anchored, Some(starts)) = (&self.re, &self.starts) else {
            return Either::Left(self.re.captures_iter(text).map(move |caps| FoundCaps {
                text,
                off: 0,
                caps,
            }));
        };
        let mut pos = 0;
        Either::Right(starts.of(text).into_iter().filter_map(move |p| {
            if p < pos || !text.is_char_boundary(p) || self.skipped(text, pos, p) {
                return None;
            }
            let caps = anchored.captures(&text[p..])?;
            pos = p + caps.get(0)?.end();
            Some(FoundCaps { text, off: p, caps })
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each group of a match: its range and text, if it took part.
    type Groups = Vec<Option<(Range<usize>, String)>>;

    fn same(pattern: &str, texts: &[&str]) -> bool {
        let fast = LiteralStartRegex::new(pattern).unwrap();
        let plain = regex::Regex::new(pattern).unwrap();
        for t in texts {
            let a: Vec<Range<usize>> = fast.find_iter(t).map(|m| m.range()).collect();
            let b: Vec<Range<usize>> = plain.find_iter(t).map(|m| m.range()).collect();
            assert_eq!(a, b, "{pattern} on {t}");
            for m in fast.find_iter(t) {
                assert_eq!(m.as_str(), &t[m.range()]);
            }
            let groups = |c: &FoundCaps| -> Groups {
                (0..plain.captures_len())
                    .map(|i| c.get(i).map(|m| (m.range(), m.as_str().to_string())))
                    .collect()
            };
            let a: Vec<_> = fast.captures_iter(t).map(|c| groups(&c)).collect();
            let b: Vec<Groups> = plain
                .captures_iter(t)
                .map(|c| {
                    c.iter()
                        .map(|m| m.map(|m| (m.range(), m.as_str().to_string())))
                        .collect()
                })
                .collect();
            assert_eq!(a, b, "captures of {pattern} on {t}");
            for (c, p) in fast.captures_iter(t).zip(plain.captures_iter(t)) {
                for name in plain.capture_names().flatten() {
                    assert_eq!(
                        c.name(name).map(|m| m.range()),
                        p.name(name).map(|m| m.range())
                    );
                }
            }
        }
        fast.is_fast()
    }

    #[test]
    fn class_starts_match_as_the_plain_regex() {
        let texts = [
            "",
            "A",
            "Zz",
            "（（（",
            "甲公司（以下简称“甲”）与 Nordwind Logistik GmbH 及 Sven Berg（董事）签约(代码600123)。",
            "ABC Holdings有限公司、xDef Group、Abc  Def Inc. (Abc)（ＡＢ）",
            "董事长Marco Rossi表示，Steven Berg和anna Lee出席。Émile Zola",
            "（以下简称“华为”或“标的公司”）（简称ABC）（「本公司」）",
        ];
        // one ASCII class (the table path), with named groups
        assert!(same(
            r"(?P<w>[A-Z][a-z]{2,15})(?: (?P<v>[A-Z][a-z]{2,15}))?",
            &texts
        ));
        assert!(same(
            r"[A-Z][A-Za-z]*\.?(?:\s+[A-Z][A-Za-z]*\.?){0,4}\s+(?P<form>GmbH|Inc\.?|Group|Holdings?)",
            &texts
        ));
        // up to three characters, ASCII and not (the `memchr3` path), with groups
        assert!(same(
            r"[（(]\s*(?:以下)?(?:简称\s*[“]?([^”（）()]{2,8}?)[”]?|([A-Za-z]{2,9}))\s*[）)]",
            &texts
        ));
        assert!(same(r"[（(]([^（）()]{1,6})[）)]", &texts));
        // more than three characters, not all ASCII (the automaton path)
        assert!(same(r"[（(“「]([^（）()“”「」]{1,6})[）)”」]", &texts));
    }

    /// The first-character table finds the starts an automaton's overlapping matches give.
    #[test]
    fn first_characters_find_the_automaton_starts() {
        let sets: [&[&str]; 3] = [
            &[
                "发布",
                "公告",
                "方面",
                "完成",
                "完成了对",
                "获",
                "获得",
                "获投",
                "迎来",
                "以",
                "通过",
                "斥资",
                "耗资",
                "0",
                "7",
                "全资收购",
                "要约收购",
                "收购",
                "并购",
                "已",
                "已经完成",
            ],
            &["（", "(", "“", "「"],
            &["ab", "abc", "b", "bc", "é", "éa"],
        ];
        let texts = [
            "",
            "甲公司宣布完成了B轮融资，乙公司获红杉资本战略投资，丙集团以10亿元收购丁公司。",
            "以以以收购并购全资收购要约收购，已经完成了对戊公司的全资收购。公告称公告显示",
            "获获获投资获得了融资完成融资轮融资，以，收购 2024年7月，70亿",
            "abc 以 x 收购 y 并购 abcbc éa é 😀获 （「“(",
            "完成完成了完成了对获投获得已已经已经完成发布公",
        ];
        let long = texts.concat().repeat(3);
        for lits in sets {
            let firsts = Firsts::new(lits).unwrap();
            let packed = Packed::new(lits).unwrap();
            let ac = CharwiseDoubleArrayAhoCorasick::<u32>::new(lits).unwrap();
            for t in texts.iter().copied().chain([long.as_str()]) {
                let mut want: Vec<usize> = ac.find_overlapping_iter(t).map(|m| m.start()).collect();
                want.sort_unstable();
                want.dedup();
                assert_eq!(firsts.of(t), want, "{lits:?} on {t}");
                // the packed search (long texts: Teddy; short ones: its Rabin-Karp) agrees
                assert_eq!(packed.of(t), want, "packed {lits:?} on {t}");
            }
        }
        // More first literals than the packed searcher takes keep the character walk.
        let many: Vec<String> = ('一'..)
            .take(Packed::MAX_WIDE + 1)
            .map(String::from)
            .collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert!(Packed::new(&many).is_none());
        assert!(Packed::new(&many[1..]).is_some());
        // A first character outside the Basic Multilingual Plane keeps the automaton.
        assert!(Firsts::new(&["😀a", "b"]).is_none());
    }

    #[test]
    fn same_matches_as_find_iter() {
        let texts = [
            "",
            "甲公司宣布完成了B轮融资，乙公司获红杉资本战略投资，丙集团以10亿元收购丁公司。",
            "以以以收购并购全资收购要约收购，已经完成了对戊公司的全资收购。公告称公告显示",
            "获获获投资获得了融资完成融资轮融资，以，收购",
            "abc 以 x 收购 y 并购",
        ];
        let subject = r"(?x)
            发布了?(?:公告|《[^》\n]{0,60}?公告》)
          | 公告(?:称|显示|指出)?
          | (?:完成了?|获得?了?|获投|迎来)[^，。；！？,;!?\n]{0,24}?(?:轮|融资)
          | 获[^，。；！？,;!?\n]{1,16}?(?:战略)?(?:投资|注资|领投)
          | (?:以[^，。；！？,;!?\n]{1,30}?)?(?:全资收购|要约收购|收购|并购)
          | (?:已经|已)?完成了?对[^，。；！？,;!?\n]{1,60}?的(?:全资|要约)?(?:收购|并购)";
        assert!(same(subject, &texts));
        assert!(same("收购|并购|购", &texts));
        // Not literal-start: a look-around, a class start, an empty match.
        assert!(!same(r"\b收购", &texts));
        assert!(!same(r"\d+亿", &texts));
        assert!(!same(r"(?:以)?", &texts));
    }
}
