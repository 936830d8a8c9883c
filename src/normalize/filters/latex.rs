//! `latex`: inline LaTeX left by PDF-to-Markdown converters → plain text.
//!
//! `\( 5\mathrm{G} \)` → `5G`, `\( 2.8 \)` → `2.8`, `$30\%$` → `30%`, `\text{亿元}` → `亿元`,
//! `\( 3 \times 4 \)` → `3×4`. Inside math, spaces, braces, `^`/`_` and layout commands
//! (`\mathrm`, `\text`, `\left`, `\,` …) go; a few symbol commands become their character
//! (`\times` ×, `\cdot` ·, `\pm` ±, `\leq` ≤, `\geq` ≥, `\approx` ≈, `\circ` °, `\%` %); spaces
//! inside `\text{…}` are kept. Outside math only `\%` right after a number (`12\%`) becomes `%`.
//!
//! A `$` starts math only if it is not escaped (`\$`), not glued to a Latin letter, digit or
//! noise symbol before it (`US$5`, `#$1$#`), closes on the same line within 120 chars, and encloses something
//! math-like with no Chinese outside `\text{}` and no unescaped `# & % @ ￥` — so `$5 和 $10` and the `\$` inside noise runs
//! such as `#%\$^&*(` are left for the `symbol_noise` filter. Math must also be well formed
//! (no leading `*`/`^`/closing bracket, no trailing operator/opening bracket, balanced
//! brackets, every `\` a command or a known escape), and a `$` right after `10.` (a number
//! still being written) opens nothing: two noise runs whose `$` happen to enclose a digit
//! (`10.$*0*$中`) are noise inside a number, not math.
//! Likewise a `\(` or `\[` glued to a symbol only noise runs write (`#`, `&`, `*`, `^`, `@`,
//! `￥`, `…` …), before it or after its closing, opens nothing: `1#\(0\)000` is two noise runs
//! inside a number (digits may touch real math: `1\( 2 \)0` is 120).

use super::super::{Filter, NormStats, Unit};
use super::is_ideograph;
use super::symbol_noise::is_symbol;

/// See the module docs.
pub struct Latex;

const MAX_MATH: usize = 120;

/// Symbols that only keyboard noise writes around inline math: a `\(` after one of them, or a
/// `\)` before one, is part of a noise run.
const NOISE_ONLY: &str = "#&*^@￥…|{}$%";

/// The character a symbol command stands for.
fn command_char(name: &str) -> Option<char> {
    Some(match name {
        "times" => '×',
        "cdot" => '·',
        "pm" => '±',
        "sim" => '~',
        "le" | "leq" => '≤',
        "ge" | "geq" => '≥',
        "approx" => '≈',
        "circ" | "degree" => '°',
        "div" => '÷',
        "ne" | "neq" => '≠',
        "infty" => '∞',
        "percent" => '%',
        "ldots" | "cdots" | "dots" => '…',
        _ => return None,
    })
}

/// Commands whose brace group is text mode (spaces kept).
fn is_text_command(name: &str) -> bool {
    matches!(
        name,
        "text" | "textrm" | "textbf" | "textit" | "mbox" | "textnormal"
    )
}

/// Find the closing delimiter `close` (1 or 2 chars) for math opened at `from`, on the same line.
fn find_close(u: &[Unit], from: usize, close: &[char]) -> Option<usize> {
    let end = (from + MAX_MATH).min(u.len());
    let mut j = from;
    while j < end {
        let c = u[j].c;
        if c == '\n' {
            return None;
        }
        if c == close[0]
            && close[1..]
                .iter()
                .enumerate()
                .all(|(k, &x)| u.get(j + 1 + k).is_some_and(|y| y.c == x))
        {
            // For `$`, an escaped `\$` does not close.
            if close[0] == '$' && j > 0 && u[j - 1].c == '\\' {
                j += 1;
                continue;
            }
            return Some(j);
        }
        j += 1;
    }
    None
}

/// Is `u[a..b]` plausible `$…$` content?
fn dollar_content_ok(u: &[Unit], a: usize, b: usize) -> bool {
    if a >= b {
        return false;
    }
    let body = &u[a..b];
    let mathy = body.iter().any(|x| x.c.is_ascii_alphanumeric());
    let has_text_cmd = body.windows(5).any(|w| {
        w[0].c == '\\' && w[1].c == 't' && w[2].c == 'e' && w[3].c == 'x' && w[4].c == 't'
    });
    let cjk = body.iter().any(|x| is_ideograph(x.c));
    mathy && (!cjk || has_text_cmd) && no_stray_symbols(body)
}

/// Is `body` plausible `\( … \)` / `\[ … \]` content? Like `$…$` content it has no stray
/// symbols, and it holds something to write: a letter or digit that is not an ideograph, or a
/// command (`\times`). Two noise runs that happen to be `#\(` and `\)` around a quotation mark
/// (`#\(”\)`) are noise, not math around `”`.
fn bracket_content_ok(body: &[Unit]) -> bool {
    body.iter()
        .any(|x| x.c == '\\' || (x.c.is_alphanumeric() && !is_ideograph(x.c)))
        && no_stray_symbols(body)
}

/// Inline math never holds an unescaped `#`, `&`, `%`, `@` or `￥`; noise runs (`$#1#$`) do.
/// It is also well formed ([`well_formed`]).
fn no_stray_symbols(body: &[Unit]) -> bool {
    body.iter().enumerate().all(|(i, x)| {
        !matches!(x.c, '#' | '&' | '%' | '@' | '￥' | '$') || (i > 0 && body[i - 1].c == '\\')
    }) && well_formed(body)
}

/// Math as a writer types it, not symbols that happen to sit between two `$` of keyboard noise
/// (`10.$*0*$中`, where the `$` are parts of two noise runs around the digit): it does not
/// start with an operator or a closing bracket (`* ^ _ ) ] } …`), does not end with an
/// operator or an opening bracket (`^ _ \ ( [ { …`), its brackets are balanced, and every `\`
/// starts a command (`\mathrm`) or escapes a known character (`\%`, `\,`). Anything else is
/// left for the `symbol_noise` filter, which removes noise runs inside numbers and words.
fn well_formed(body: &[Unit]) -> bool {
    let mut visible = body.iter().map(|x| x.c).filter(|c| !c.is_whitespace());
    let Some(first) = visible.next() else {
        return false;
    };
    let last = visible.next_back().unwrap_or(first);
    if matches!(first, '*' | '^' | '_' | ')' | ']' | '}' | '…' | '~' | '=')
        || matches!(
            last,
            '^' | '_' | '\\' | '(' | '[' | '{' | '…' | '~' | '=' | '*'
        )
        || body.iter().filter(|x| x.c == '|').count() % 2 == 1
    {
        return false;
    }
    let chars: Vec<char> = body.iter().map(|x| x.c).collect();
    let mut depth = [0i32; 3];
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        match c {
            '\\' => {
                let Some(&y) = chars.get(k + 1) else {
                    return false;
                };
                if !(y.is_ascii_alphabetic()
                    || matches!(
                        y,
                        '%' | '$' | '{' | '}' | '&' | '#' | '_' | ',' | ';' | '!' | '\\' | ' '
                    ))
                {
                    return false;
                }
                k += 2;
                continue;
            }
            '(' | '[' | '{' => depth[usize::from(c != '(') + usize::from(c == '{')] += 1,
            ')' | ']' | '}' => {
                let d = &mut depth[usize::from(c != ')') + usize::from(c == '}')];
                *d -= 1;
                if *d < 0 {
                    return false;
                }
            }
            _ => {}
        }
        k += 1;
    }
    depth == [0, 0, 0]
}

#[derive(Clone, Copy, PartialEq)]
enum Group {
    Math,
    Text,
}

/// Emit the plain form of math content `u[a..b]` at `*w`; returns chars dropped.
fn emit_math(u: &mut [Unit], a: usize, b: usize, w: &mut usize) -> usize {
    let mut dropped = 0;
    let mut stack: [Group; 16] = [Group::Math; 16];
    let mut depth = 0usize;
    let mut pending_text = false;
    let mut i = a;
    while i < b {
        let x = u[i];
        match x.c {
            '\\' if i + 1 < b && u[i + 1].c.is_ascii_alphabetic() => {
                let mut k = i + 1;
                let mut name = [0u8; 16];
                let mut nlen = 0;
                while k < b && u[k].c.is_ascii_alphabetic() {
                    if nlen < name.len() {
                        name[nlen] = u[k].c as u8;
                    }
                    nlen += 1;
                    k += 1;
                }
                let name = std::str::from_utf8(&name[..nlen.min(16)]).unwrap_or("");
                if let Some(c) = command_char(name) {
                    u[*w] = Unit::new(c, x.start, u[k - 1].end);
                    *w += 1;
                    dropped += k - i - 1;
                } else {
                    pending_text = is_text_command(name);
                    dropped += k - i;
                }
                i = k;
                continue;
            }
            '\\' if i + 1 < b => {
                let y = u[i + 1].c;
                if matches!(y, '%' | '$' | '{' | '}' | '&' | '#' | '_') {
                    u[*w] = Unit::new(y, x.start, u[i + 1].end);
                    *w += 1;
                    dropped += 1;
                } else {
                    dropped += 2; // `\,` `\;` `\!` `\ ` `\\`
                }
                i += 2;
                continue;
            }
            '{' => {
                if depth < stack.len() {
                    stack[depth] = if pending_text {
                        Group::Text
                    } else {
                        Group::Math
                    };
                }
                depth += 1;
                pending_text = false;
                dropped += 1;
            }
            '}' => {
                depth = depth.saturating_sub(1);
                dropped += 1;
            }
            '^' | '_' | '~' | '\\' => dropped += 1,
            c if c.is_whitespace() => {
                let in_text = depth > 0 && stack[(depth - 1).min(stack.len() - 1)] == Group::Text;
                if in_text {
                    u[*w] = x;
                    *w += 1;
                } else {
                    dropped += 1;
                }
            }
            _ => {
                u[*w] = x;
                *w += 1;
            }
        }
        i += 1;
    }
    dropped
}

impl Filter for Latex {
    fn name(&self) -> &'static str {
        "latex"
    }

    /// Every rewrite starts at a `\` or a `$`, and the passes before (`page_div`, `width`)
    /// make neither.
    fn may_apply(&self, text: &str) -> bool {
        memchr::memchr2(b'\\', b'$', text.as_bytes()).is_some()
    }

    fn apply(&self, u: &mut Vec<Unit>, stats: &mut NormStats) {
        // Every rewrite below starts at a `\` or a `$`; most documents have neither, and the
        // test is cheaper than the copying loop (issue 8).
        if !u.iter().any(|x| matches!(x.c, '\\' | '$')) {
            return;
        }
        let n = u.len();
        let (mut r, mut w) = (0, 0);
        while r < n {
            let c = u[r].c;
            let next = u.get(r + 1).map(|x| x.c);
            // `\( … \)` and `\[ … \]`
            // (not glued to a symbol only noise runs write, before the opening or after the
            // closing: `1#\(0\)000`, `1#…\(0\)#000` are noise runs inside a number, like
            // `#$1$#`; digits may touch real math, `1\( 2 \)0` is 120)
            let glued = |x: Option<&Unit>| x.is_some_and(|x| NOISE_ONLY.contains(x.c));
            let after_noise = w > 0 && glued(u.get(w - 1));
            if c == '\\' && matches!(next, Some('(' | '[')) && !after_noise {
                let close = if next == Some('(') {
                    ['\\', ')']
                } else {
                    ['\\', ']']
                };
                if let Some(j) = find_close(u, r + 2, &close)
                    && !glued(u.get(j + 2))
                    && bracket_content_ok(&u[r + 2..j])
                {
                    stats.latex_chars += 4 + emit_math(u, r + 2, j, &mut w);
                    r = j + 2;
                    continue;
                }
            }
            // `$$ … $$` and `$ … $`
            if c == '$' {
                // after `10.` a number is still being written: a `$` there is noise
                let in_number =
                    w > 1 && matches!(u[w - 1].c, '.' | '．' | ',') && u[w - 2].c.is_ascii_digit();
                let escaped_or_glued = w > 0
                    && (u[w - 1].c == '\\'
                        || u[w - 1].c.is_ascii_alphanumeric()
                        || is_symbol(u[w - 1].c)
                        || in_number);
                if !escaped_or_glued {
                    let double = next == Some('$');
                    let (open, close): (usize, &[char]) = if double {
                        (2, &['$', '$'])
                    } else {
                        (1, &['$'])
                    };
                    if let Some(j) = find_close(u, r + open, close) {
                        let after_digit = u.get(j + open).is_some_and(|x| x.c.is_ascii_digit());
                        let currency =
                            u.get(r + open).is_some_and(|x| x.c.is_ascii_digit()) && after_digit;
                        let glued_after = u.get(j + open).is_some_and(|x| is_symbol(x.c));
                        if !currency && !glued_after && dollar_content_ok(u, r + open, j) {
                            stats.latex_chars += 2 * open + emit_math(u, r + open, j, &mut w);
                            r = j + open;
                            continue;
                        }
                    }
                }
            }
            // `\%` outside math, as a percent sign after a number (`12\%`); elsewhere it is
            // left for `symbol_noise`.
            if c == '\\'
                && next == Some('%')
                && w > 0
                && u[w - 1].c.is_ascii_digit()
                && !u.get(r + 2).is_some_and(|x| x.c.is_ascii_digit())
            {
                u[w] = Unit::new('%', u[r].start, u[r + 1].end);
                w += 1;
                r += 2;
                stats.latex_chars += 1;
                continue;
            }
            u[w] = u[r];
            w += 1;
            r += 1;
        }
        u.truncate(w);
    }
}

#[cfg(test)]
mod tests {
    use crate::normalize::{Normalizer, filters::latex::Latex};

    fn run(s: &str) -> String {
        Normalizer::builder()
            .filter(Latex)
            .build()
            .apply_str(s)
            .text
    }

    #[test]
    fn inline_math_becomes_plain() {
        assert_eq!(run("在 \\( 5\\mathrm{G} \\) 、云计算"), "在 5G 、云计算");
        assert_eq!(run("增长 \\( 2.8 \\) 倍"), "增长 2.8 倍");
        assert_eq!(run("占比$30\\%$以上"), "占比30%以上");
        assert_eq!(run("\\( 3 \\times 4 \\)"), "3×4");
        assert_eq!(run("$\\text{Hello World}$"), "Hello World");
        assert_eq!(run("规模 $12\\text{亿元}$"), "规模 12亿元");
        assert_eq!(run("\\[ x^{2} \\]"), "x2");
        assert_eq!(run("增长12\\%"), "增长12%");
    }

    #[test]
    fn noise_brackets_around_punctuation_are_not_math() {
        // two noise runs `#\(` and `\)` around a closing quote, then digits
        assert_eq!(run("中中#\\(”\\)100"), "中中#\\(”\\)100");
        // `#\(` and `\)` inside a number: noise runs, not math around `0`
        assert_eq!(run("1#\\(0\\)000"), "1#\\(0\\)000");
        assert_eq!(run("1#…\\(0\\)#000"), "1#…\\(0\\)#000");
        assert_eq!(run("1\\( 2 \\)0"), "120");
        assert_eq!(run("约 \\( 5 \\) 亿元"), "约 5 亿元");
        assert_eq!(run("\\( 。 \\)"), "\\( 。 \\)");
        // a Greek letter or a command is something to write
        assert_eq!(run("\\( α \\)"), "α");
        assert_eq!(run("\\( \\pm \\)"), "±");
    }

    #[test]
    fn leaves_money_and_noise_dollars() {
        assert_eq!(run("US$5 and $10"), "US$5 and $10");
        assert_eq!(run("$5 和 $10"), "$5 和 $10");
        assert_eq!(run("超#%\\$^&*(千亿元"), "超#%\\$^&*(千亿元");
        assert_eq!(run("只有 \\( 没有结束"), "只有 \\( 没有结束");
    }

    #[test]
    fn noise_dollars_around_a_number_are_not_math() {
        // two noise runs whose `$` enclose a digit: left as they are for symbol_noise
        for s in [
            "10.$*0*$中",
            "中$*7*$中",
            "5$^3(^$万",
            "中$(0$中",
            "中$\\0)$中",
            "中$3^$中",
            "中$(x$中",
            "中$x)$中",
        ] {
            assert_eq!(run(s), s, "{s}");
        }
        // real math is still read
        assert_eq!(run("面积$(a+b)^{2}$平方米"), "面积(a+b)2平方米");
        assert_eq!(run("$|x|$"), "|x|");
        assert_eq!(run("增速$3.5\\%$左右"), "增速3.5%左右");
    }
}
