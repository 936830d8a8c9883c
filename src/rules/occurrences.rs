//! Every occurrence of every one of a set of names in a text, in one pass.
//!
//! Rules that look for later uses of the names they confirmed (`person::repeats`, organization
//! short names) used one `str::match_indices` per name: as names grow with the text, that is
//! quadratic in document length. This gives the same occurrences with one automaton pass.

use daachorse::DoubleArrayAhoCorasick;

/// The start of every occurrence of `needle` in `hay`, left to right without overlap: the
/// positions `str::match_indices` finds, by a vector search (`memchr::memmem`). A match of a
/// non-empty UTF-8 needle starts at a lead byte, so at a character boundary; the empty needle
/// (which `memmem` would match at every byte) is left to `match_indices`.
pub fn match_starts<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    if needle.is_empty() {
        return either::Either::Left(hay.match_indices(needle).map(|(i, _)| i));
    }
    either::Either::Right(memchr::memmem::find_iter(hay.as_bytes(), needle.as_bytes()))
}

/// Every occurrence of the characters `cs` in `hay`, left to right, as `(byte position,
/// character)`: what `hay.match_indices(cs)` gives, by a vector search for their last bytes
/// (`memchr3`) instead of decoding every character. Each hit is checked against the whole
/// encoding; bytes equal to a whole character's encoding start at its lead byte, so at a
/// character boundary, and no character's encoding ends another's.
pub fn char_matches(hay: &str, cs: [char; 3]) -> impl Iterator<Item = (usize, char)> + '_ {
    let enc = cs.map(|c| {
        let mut b = [0u8; 4];
        let n = c.encode_utf8(&mut b).len();
        (b, n)
    });
    let bytes = hay.as_bytes();
    memchr::memchr3_iter(
        enc[0].0[enc[0].1 - 1],
        enc[1].0[enc[1].1 - 1],
        enc[2].0[enc[2].1 - 1],
        bytes,
    )
    .filter_map(move |i| {
        // (Byte by byte: most hits are a continuation byte of another character, told apart
        // by the byte before it; a slice comparison was a `memcmp` call for each — issue 8.)
        cs.iter().zip(&enc).find_map(|(&c, (b, n))| {
            let start = (i + 1).checked_sub(*n)?;
            (0..*n)
                .rev()
                .all(|k| bytes[start + k] == b[k])
                .then_some((start, c))
        })
    })
}

/// `(name index, byte position)` of every occurrence of each name, as `str::match_indices`
/// finds them (left to right, without overlap per name), ordered by name index, then position.
/// `names` must be distinct. A few names over a short text are searched directly (cheaper
/// than building an automaton).
pub fn occurrences(names: &[&str], text: &str) -> Vec<(u32, usize)> {
    let direct = |hits: &mut Vec<(u32, usize)>| {
        for (v, name) in names.iter().enumerate() {
            hits.extend(match_starts(text, name).map(|pos| (v as u32, pos)));
        }
    };
    let mut hits: Vec<(u32, usize)> = Vec::new();
    if names.len().saturating_mul(text.len()) <= 1 << 20 || names.iter().any(|n| n.is_empty()) {
        direct(&mut hits);
        return hits;
    }
    let Ok(ac) = DoubleArrayAhoCorasick::<u32>::with_values(
        names.iter().enumerate().map(|(i, n)| (*n, i as u32)),
    ) else {
        direct(&mut hits);
        return hits;
    };
    let mut last_end = vec![0usize; names.len()];
    for m in ac.find_overlapping_iter(text) {
        let v = m.value();
        if m.start() >= last_end[v as usize] {
            last_end[v as usize] = m.end();
            hits.push((v, m.start()));
        }
    }
    hits.sort_unstable();
    hits
}

/// Every occurrence of each of a set of names, overlapping ones included, for searches that
/// start at different places ([`Occurrences::from`]).
pub struct Occurrences<'t> {
    text: &'t str,
    names: Vec<&'t str>,
    /// Per name, the start of every occurrence in ascending order (`None`: search directly).
    starts: Option<Vec<Vec<usize>>>,
}

impl<'t> Occurrences<'t> {
    /// `names` must be distinct. With few names or a short text nothing is precomputed and
    /// each search is a direct one.
    pub fn new(names: Vec<&'t str>, text: &'t str) -> Occurrences<'t> {
        let mut starts = None;
        if names.len().saturating_mul(text.len()) > 1 << 20
            && !names.iter().any(|n| n.is_empty())
            && let Ok(ac) = DoubleArrayAhoCorasick::<u32>::with_values(
                names.iter().enumerate().map(|(i, n)| (*n, i as u32)),
            )
        {
            let mut per: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
            // For one name, ends ascend, so starts do.
            for m in ac.find_overlapping_iter(text) {
                per[m.value() as usize].push(m.start());
            }
            starts = Some(per);
        }
        Occurrences {
            text,
            names,
            starts,
        }
    }

    /// The positions `text[from..].match_indices(name)` finds (as positions in `text`).
    pub fn from(&self, name: usize, from: usize) -> Vec<usize> {
        let n = self.names[name];
        let Some(per) = &self.starts else {
            return match_starts(&self.text[from..], n)
                .map(|i| from + i)
                .collect();
        };
        let all = &per[name];
        let mut out = Vec::new();
        let mut next = from;
        for &p in &all[all.partition_point(|&p| p < from)..] {
            if p >= next {
                out.push(p);
                next = p + n.len();
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_matches_are_match_indices() {
        let sets = [
            ['。', '；', '\n'],
            ['期', '间', '間'],
            ['a', 'é', '😀'],
            ['间', '间', '期'],
        ];
        for hay in [
            "",
            "甲。乙；丙\n丁",
            "发布时间：2024年；期间间隔。。\n\n時間",
            "aéa😀é期",
            "\u{3002}\u{FF1B}\u{1F600}\u{E9}",
            "期间期间间期",
        ] {
            for cs in sets {
                let want: Vec<(usize, char)> = hay
                    .match_indices(cs)
                    .map(|(i, m)| (i, m.chars().next().unwrap_or('?')))
                    .collect();
                assert_eq!(
                    char_matches(hay, cs).collect::<Vec<_>>(),
                    want,
                    "{hay} {cs:?}"
                );
            }
        }
    }

    #[test]
    fn match_starts_is_match_indices() {
        let hay = "华为华为华为，华华为为。abcabca中国中国人，“中国”";
        for needle in [
            "华为",
            "华华",
            "为",
            "abca",
            "中国",
            "国中",
            "，",
            "",
            "x",
            "华为华为华为，华华为为。abcabca中国中国人，“中国”！",
        ] {
            let want: Vec<usize> = hay.match_indices(needle).map(|(i, _)| i).collect();
            let got: Vec<usize> = match_starts(hay, needle).collect();
            assert_eq!(got, want, "{needle:?}");
        }
    }

    #[test]
    fn same_as_match_indices() {
        let names = ["华为", "华为华为", "AA", "中国"];
        let text = "华为华为华为AAA中国华为。AAAA中国".repeat(20_000);
        let mut want = Vec::new();
        for (v, n) in names.iter().enumerate() {
            want.extend(text.match_indices(n).map(|(p, _)| (v as u32, p)));
        }
        assert!(names.len() * text.len() > 1 << 20);
        assert_eq!(occurrences(&names, &text), want);
        let occ = Occurrences::new(names.to_vec(), &text);
        assert!(occ.starts.is_some());
        for (v, n) in names.iter().enumerate() {
            for from in [0, 1, 3, 6, 7, 100, text.len() / 2, text.len()] {
                if !text.is_char_boundary(from) {
                    continue;
                }
                let want: Vec<usize> = text[from..]
                    .match_indices(n)
                    .map(|(i, _)| from + i)
                    .collect();
                assert_eq!(occ.from(v, from), want, "{n} from {from}");
            }
        }
        let short = "华为AAA中国";
        assert_eq!(occurrences(&names, short), vec![(0, 0), (2, 6), (3, 9)]);
    }
}
