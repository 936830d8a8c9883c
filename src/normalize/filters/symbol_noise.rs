//! `symbol_noise`: remove runs of stray symbols that PDF/OCR conversion drops into words,
//! names and numbers — `超#%\$^&*(千亿元` → `超千亿元`, `未(*)来` → `未来`,
//! `领*……%&￥……域` → `领域`, `签署,&%^中国` → `签署,中国` — while keeping real punctuation.
//!
//! # How a run is judged
//!
//! A *symbol* is one of `# $ % & * ( ) ^ \ @ ~ | _ + = [ ] { } `` ` `` and their full-width
//! forms, `￥ ¥`, and `… ⋯`. Chinese punctuation (、，。：；“”《》（）·-) is never a symbol,
//! except that brackets are judged by pairing first:
//!
//! 1. **Real brackets stay.** A `(`/`（`/`[`/`［`/`{` closed on the same line, within 300
//!    chars, by a bracket of the same shape and width, with at least one non-symbol char inside,
//!    is real (`（以下简称“联通”）`, `(2024)`) and is not part of any run. Not real: `(*)`, `()`,
//!    an ASCII bracket in a run of symbols that holds another noise symbol (`&*(`, `#)`, `#()` —
//!    noise is typed on an ASCII keyboard, so its brackets are ASCII), and a full-width pair
//!    glued to noise at both ends.
//! 2. A maximal run of the remaining symbols is then judged:
//!    - only `…`/`⋯` → an ellipsis, kept (`……`);
//!    - only one repeated char of `+ = ~ _` → kept (`C++`, `==`);
//!    - at a line start, `#…` or `*` followed by a space → Markdown heading/bullet, kept;
//!    - a `%`/`％` right after a digit is a percent sign and stays (`12%`, `12%&^` → `12%`);
//!    - what is left: two or more symbols → noise, removed; a single `# $ ^ & * \ @ ￥` (or its
//!      full-width form) between two Chinese characters → noise, removed; any other single
//!      symbol stays (`3#楼`, `R&D`, `A|B`, `5%`).
//!
//! Doubts, written down: a real `……` glued to noise (`……%&`) goes with the noise; `12%` followed
//! directly by noise keeps the `%`; a lone unmatched `(` inside a word (`未(来`) stays, because
//! a half bracket is as likely a lost closing one as noise.

use super::super::{Filter, NormStats, Unit};
use super::is_ideograph;

/// See the module docs.
pub struct SymbolNoise;

/// Brackets are checked for pairing over at most this many chars.
const MAX_BRACKET: usize = 300;

/// Characters that may form a noise run.
#[inline]
pub fn is_symbol(c: char) -> bool {
    // Most characters are ideographs (U+3400–U+9FFF) and none of U+3000–U+FEFF is a symbol:
    // one range test answers for them before the list is matched.
    if ('\u{3000}'..'\u{FF00}').contains(&c) {
        return false;
    }
    matches!(
        c,
        '#' | '$'
            | '%'
            | '&'
            | '*'
            | '('
            | ')'
            | '^'
            | '\\'
            | '@'
            | '~'
            | '|'
            | '_'
            | '+'
            | '='
            | '['
            | ']'
            | '{'
            | '}'
            | '`'
            | '＃'
            | '＄'
            | '％'
            | '＆'
            | '＊'
            | '（'
            | '）'
            | '＾'
            | '＼'
            | '＠'
            | '～'
            | '｜'
            | '＿'
            | '＋'
            | '＝'
            | '［'
            | '］'
            | '｛'
            | '｝'
            | '￥'
            | '¥'
            | '…'
            | '⋯'
    )
}

/// Single symbols removed when sandwiched between two Chinese characters.
#[inline]
fn is_lone_noise(c: char) -> bool {
    matches!(
        c,
        '#' | '$'
            | '^'
            | '&'
            | '*'
            | '\\'
            | '@'
            | '＃'
            | '＄'
            | '＾'
            | '＆'
            | '＊'
            | '＼'
            | '＠'
            | '￥'
            | '¥'
    )
}

/// Bracket kind: 1–3 = ASCII round/square/curly, 4–6 = their full-width forms; positive
/// opens, negative closes. ASCII and full-width do not pair: noise brings ASCII brackets into
/// text whose real brackets are full-width (`（中#(中）`).
#[inline]
fn bracket(c: char) -> i8 {
    match c {
        '(' => 1,
        ')' => -1,
        '[' => 2,
        ']' => -2,
        '{' => 3,
        '}' => -3,
        '（' => 4,
        '）' => -4,
        '［' => 5,
        '］' => -5,
        '｛' => 6,
        '｝' => -6,
        _ => 0,
    }
}

/// Mark real brackets: paired, with content, and not glued to noise (see the module docs).
/// `at`: the indices of the symbols and line breaks of `u`, in order (nothing else is read
/// but their neighbours and a bracket pair's content).
fn real_brackets(u: &[Unit], at: &[usize], real: &mut Vec<bool>) {
    real.clear();
    real.resize(u.len(), false);
    // A neighbour that makes a bracket look like part of a noise run: a symbol that is not a
    // bracket, not an ellipsis, and not a percent sign after a digit.
    let noisy = |j: usize| {
        let c = u[j].c;
        is_symbol(c)
            && bracket(c) == 0
            && !matches!(c, '…' | '⋯')
            && !(matches!(c, '%' | '％') && j > 0 && u[j - 1].c.is_ascii_digit())
    };
    let glued = |k: usize| (k > 0 && noisy(k - 1)) || (k + 1 < u.len() && noisy(k + 1));
    // ASCII brackets inside a symbol run that holds any other noise symbol (`&*(`, `#()`) are
    // noise themselves.
    let mut noise_bracket = vec![false; u.len()];
    // the runs of consecutive symbols, from `at`
    let mut k = 0;
    while k < at.len() {
        let s = at[k];
        if !is_symbol(u[s].c) {
            k += 1;
            continue;
        }
        let mut i = s;
        while k < at.len() && at[k] == i && is_symbol(u[i].c) {
            i += 1;
            k += 1;
        }
        if (s..i).any(&noisy) {
            for (j, nb) in noise_bracket.iter_mut().enumerate().take(i).skip(s) {
                let b = bracket(u[j].c);
                *nb = b != 0 && b.abs() <= 3;
            }
        }
    }
    let mut stack: Vec<usize> = Vec::new();
    for &i in at {
        let c = u[i].c;
        if c == '\n' {
            stack.clear();
            continue;
        }
        let b = bracket(c);
        if b == 0 || noise_bracket[i] {
            // ASCII brackets glued to noise (`&*(`, `#)`) are noise themselves.
            continue;
        }
        if b > 0 {
            stack.push(i);
        } else if let Some(pos) = stack.iter().rposition(|&o| bracket(u[o].c) == -b) {
            let o = stack[pos];
            stack.truncate(pos);
            if i - o <= MAX_BRACKET
                && u[o + 1..i]
                    .iter()
                    .any(|x| !is_symbol(x.c) && !x.c.is_whitespace())
                && !(glued(o) && glued(i))
            {
                real[o] = true;
                real[i] = true;
            }
        }
    }
}

/// Decide which units of the run `u[s..e]` to keep. `prev`/`next` are the chars around it;
/// `line_start` says whether only nothing precedes it on its line. Returns the index from
/// which the run is noise (`e` = keep all) and the index up to which a kept prefix reaches.
fn judge(
    u: &[Unit],
    s: usize,
    e: usize,
    prev: Option<char>,
    next: Option<char>,
    line_start: bool,
) -> Keep {
    let run = &u[s..e];
    let first = run[0].c;
    if line_start
        && next == Some(' ')
        && (run.iter().all(|x| x.c == '#') || (run.len() == 1 && first == '*'))
    {
        return Keep::All;
    }
    let mut core = s;
    let after_pct = if e - s > 1 { Some(u[s + 1].c) } else { next };
    if prev.is_some_and(|p| p.is_ascii_digit())
        && matches!(first, '%' | '％')
        && !after_pct.is_some_and(|c| c.is_ascii_digit())
    {
        core += 1;
    }
    let rest = &u[core..e];
    let Some(head) = rest.first().map(|x| x.c) else {
        return Keep::All;
    };
    if rest.iter().all(|x| matches!(x.c, '…' | '⋯')) {
        return Keep::All;
    }
    if rest.len() >= 2 && matches!(head, '+' | '=' | '~' | '_') && rest.iter().all(|x| x.c == head)
    {
        return Keep::All;
    }
    if rest.len() == 1 {
        let sandwiched = prev.is_some_and(is_ideograph) && next.is_some_and(is_ideograph);
        return if core == s && is_lone_noise(head) && sandwiched {
            Keep::Prefix(core)
        } else {
            Keep::All
        };
    }
    Keep::Prefix(core)
}

enum Keep {
    All,
    /// Keep `s..k`, drop `k..e`.
    Prefix(usize),
}

impl Filter for SymbolNoise {
    fn name(&self) -> &'static str {
        "symbol_noise"
    }

    fn apply(&self, u: &mut Vec<Unit>, stats: &mut NormStats) {
        // One walk over the units finds the symbols (and the line breaks that end bracket
        // pairs); everything after reads only those and their neighbours, and the text
        // between two noise runs moves as one block (issue 8: three walks over every unit were
        // most of this pass).
        let at: Vec<usize> = u
            .iter()
            .enumerate()
            .filter(|(_, x)| x.c == '\n' || is_symbol(x.c))
            .map(|(i, _)| i)
            .collect();
        if !at.iter().any(|&i| u[i].c != '\n') {
            return;
        }
        let mut real = Vec::new();
        real_brackets(u, &at, &mut real);
        let n = u.len();
        let (mut r, mut w) = (0, 0);
        let mut k = 0;
        while k < at.len() {
            let s = at[k];
            if u[s].c == '\n' || real[s] {
                k += 1;
                continue;
            }
            // the text since the last run, unchanged
            u.copy_within(r..s, w);
            w += s - r;
            r = s;
            while k < at.len() && at[k] == r && is_symbol(u[r].c) && !real[r] {
                r += 1;
                k += 1;
            }
            let prev = (w > 0).then(|| u[w - 1].c);
            let line_start = w == 0 || prev == Some('\n');
            let next = u.get(r).map(|x| x.c);
            let keep_to = match judge(u, s, r, prev, next, line_start) {
                Keep::All => r,
                Keep::Prefix(p) => p,
            };
            for i in s..keep_to {
                u[w] = u[i];
                w += 1;
            }
            stats.noise_chars += r - keep_to;
            // `由 #&%…… 元禾`: a run gone whole between two spaces leaves one gap, not two
            // (two spaces would read as a column gap and keep the words apart).
            let blank = |c: char| c == ' ' || c == '\u{3000}';
            if keep_to == s && w > 0 && blank(u[w - 1].c) {
                while r < n && blank(u[r].c) {
                    stats.noise_chars += 1;
                    r += 1;
                }
            }
        }
        u.copy_within(r..n, w);
        w += n - r;
        u.truncate(w);
    }
}

#[cfg(test)]
mod tests {
    use crate::normalize::{Normalizer, filters::symbol_noise::SymbolNoise};

    fn run(s: &str) -> String {
        Normalizer::builder()
            .filter(SymbolNoise)
            .build()
            .apply_str(s)
            .text
    }

    #[test]
    fn removes_the_seed_noise_forms() {
        assert_eq!(
            run("带动社会资本超#%\\$^&*(千亿元,共同"),
            "带动社会资本超千亿元,共同"
        );
        assert_eq!(run("协议的签署,&%^中国联通与"), "协议的签署,中国联通与");
        assert_eq!(run("推动这些领*……%&￥……域实现"), "推动这些领域实现");
        assert_eq!(run("在未(*)来的日子里"), "在未来的日子里");
    }

    #[test]
    fn removes_other_runs_and_lone_noise_in_words() {
        assert_eq!(run("三百$^亿元"), "三百亿元");
        assert_eq!(run("中国*联通"), "中国联通");
        assert_eq!(run("中国联通()公司"), "中国联通公司");
        assert_eq!(run("12%&^的增长"), "12%的增长");
        assert_eq!(run("签约@#仪式"), "签约仪式");
    }

    /// A run between two spaces takes the second with it: one gap is left, which spacing
    /// then reads as the padding it is (two would be a column gap).
    #[test]
    fn a_run_between_spaces_leaves_one_gap() {
        assert_eq!(run("由 #&%…… 元禾资本"), "由 元禾资本");
        assert_eq!(run("超 #%$ 千亿元"), "超 千亿元");
        // a real column gap before the run stays a column gap
        assert_eq!(run("王刚  #$% 华海科技"), "王刚  华海科技");
        // a run kept in part keeps the space after it
        assert_eq!(run("价格为 ￥100元 整"), "价格为 ￥100元 整");
        let n = crate::normalize::normalize_str("由 #&%…… 元禾资本、青禾母基金联合投资");
        assert_eq!(n.text, "由元禾资本、青禾母基金联合投资");
    }

    /// Noise runs and real brackets far apart, across lines: the text between them moves as
    /// one block.
    #[test]
    fn text_between_noise_runs_moves_whole() {
        assert_eq!(
            run("星河科技与青松创投签约*仪式在北京举行\n（记者）报道称三百$^亿元投资\n&%^结束"),
            "星河科技与青松创投签约仪式在北京举行\n（记者）报道称三百亿元投资\n结束"
        );
        assert_eq!(
            run("没有任何符号的一行\n第二行"),
            "没有任何符号的一行\n第二行"
        );
        assert_eq!(run("末尾的噪声#%"), "末尾的噪声");
    }

    #[test]
    fn keeps_real_punctuation() {
        for s in [
            "中国联通（以下简称“联通”）与华为签约。",
            "增长12%，达到3.5亿元",
            "增长１２％",
            "他沉默了……然后说",
            "大会-产融合作论坛：新智·新业·新力、《报告》；",
            "公司(2024)年报",
            "3#楼与R&D中心",
            "C++与A|B",
            "## 开篇：新起点\n# 标题\n* 要点",
            "价格为￥100元",
        ] {
            assert_eq!(run(s), s, "{s}");
        }
    }
}
