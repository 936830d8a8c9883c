//! `spacing`: remove whitespace that carries no meaning in Chinese text.
//!
//! PDF conversion puts spaces between characters and numbers (`2024 年 7 月 21 日`,
//! `百亿级 5G 产业`, `浪潮下, 如何`), which break names, amounts and dates apart. A run of
//! horizontal whitespace (spaces, tabs, U+3000, NBSP, `\r`) is removed when a Chinese character
//! or Chinese punctuation is on either side of it, when it starts or ends a line, or when it
//! follows ASCII `,:;!?` used after a Chinese character (`日期: 2024`). Spaces between Latin
//! words and numbers (`New York`, `5 G`) are kept, a run of several collapsing to one space.
//!
//! One exception: inside a title in 《》 a space between two words is part of the name as
//! written (`《新智新业新力 共享共创共赢》`), so it is kept (as one space). Spaces next to the
//! brackets themselves still go, and a 《 left open for more than 60 characters no longer counts.
//!
//! Another: in a Markdown heading (`# 标题`) one space between two words of two characters or
//! more parts two clauses of the headline (`X完成C轮融资 Y领投`) and is kept: glued, the end of
//! one clause reads as the start of the next one's name (`融资国投创合`). Single characters
//! spread out (`中 国 银 行`) still join.
//!
//! Digits spelled out one by one (`2 0 2 4 年 7 月`, `约 2 0 亿元`, `1 2 . 6 8 亿元` with one
//! decimal point): the spaces inside a run of such single tokens (at most
//! [`MAX_SPACED_DIGITS`]) are removed when the run touches a Chinese character at either end.
//! The run's last token may be a decimal number when a Chinese character follows it
//! (`1 2.5 亿元` → `12.5亿元`, `3 2 0.5 亿元` → `320.5亿元`).
//! Several-digit groups (`12 34`, a table) and spaced digits among Latin text (`Room 1 2`) are
//! kept.
//!
//! A dateline (`本报讯 `, `台北訊　`, `新华社北京3月1日电 ` at the start of a line) keeps the
//! space after it (as one space): glued, the outlet or city would read as the start of the
//! next word (`本报讯金融科技公司`).
//!
//! A column gap (two spaces or more, a tab) between Chinese words is kept as one space: lists
//! converted from PDF separate their columns that way. Inside a word spread out one character
//! per cell (`王  刚  华海科技`, aligned with three-character names; `董  事  会`) the gaps go.
//!
//! Line breaks are never touched: they are the segmenter's business.

use super::super::{Filter, NormStats, Unit};
use super::{is_cjk, is_cjk_punct, is_hspace, is_ideograph};

/// See the module docs.
pub struct Spacing;

/// The longest run of spaced single digits read as one number (`2 0 2 4` is four); longer
/// runs are left alone, which also bounds the look-around per space.
pub const MAX_SPACED_DIGITS: usize = 12;

/// Does `c` glue to a digit next to it (so that digit is part of a longer token)?
fn glues(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '.'
}

/// A space run ends at `u[r]`, a lone ASCII digit, and the last character written before it
/// (`u[w - 1]`) is a lone digit too. If the run of spaced lone digits starting there is short
/// and touches a Chinese character at one end (`2 0 2 4 年`, `约 2 0 亿元`), return the index
/// of its last digit: the spaces up to there are dropped.
///
/// The filter compacts `u` in place, so what lies before `r` is read from the output
/// (`u[..w]`, which holds the text without the dropped spaces) and what follows from `u[r..]`.
fn spaced_digits_end(u: &[Unit], w: usize, r: usize) -> Option<usize> {
    // A lone token: one digit, or one decimal point, with nothing glued to its right.
    let lone_at = |i: usize, c: char| u[i].c == c && !u.get(i + 1).is_some_and(|x| glues(x.c));
    let lone_digit = |i: usize| u[i].c.is_ascii_digit() && lone_at(i, u[i].c);
    if w == 0
        || !u[w - 1].c.is_ascii_digit()
        || (w >= 2 && glues(u[w - 2].c))
        || !(lone_digit(r) || lone_at(r, '.') || decimal_tail(u, r).is_some())
    {
        return None;
    }
    let before = w >= 2 && is_cjk(u[w - 2].c);
    // Walk right over `space* token` steps; one decimal point may stand between digits.
    let (mut tokens, mut last, mut point) = (1, None, false);
    let mut k = r;
    loop {
        let digit = lone_digit(k);
        if !digit && (point || !lone_at(k, '.')) {
            // `1 2.5 亿元`, `3 2 0.5 亿元`: the last token may be a decimal number when a
            // Chinese character (the unit) follows it.
            if !point && let Some(end) = decimal_tail(u, k) {
                let mut j = end + 1;
                while j < u.len() && is_hspace(u[j].c) {
                    j += 1;
                }
                return u.get(j).is_some_and(|x| is_cjk(x.c)).then_some(end);
            }
            break;
        }
        point |= !digit;
        tokens += 1;
        if tokens > MAX_SPACED_DIGITS {
            return None;
        }
        if digit {
            last = Some(k);
        }
        let mut j = k + 1;
        while j < u.len() && is_hspace(u[j].c) {
            j += 1;
        }
        if j == k + 1 || j >= u.len() {
            break;
        }
        k = j;
    }
    let last = last?;
    let mut j = last + 1;
    while j < u.len() && is_hspace(u[j].c) {
        j += 1;
    }
    let after = u.get(j).is_some_and(|x| is_cjk(x.c));
    (before || after).then_some(last)
}

/// Does `u[comma]` (a `,`) open a thousands group: three digits and then no digit?
fn thousands_group(u: &[Unit], comma: usize) -> bool {
    let digit = |j: usize| u.get(j).is_some_and(|x| x.c.is_ascii_digit());
    (comma + 1..comma + 4).all(digit) && !digit(comma + 4)
}

/// A decimal number starting at `u[i]` (`2.5`: digits, one point, digits) with nothing glued
/// after it: the index of its last digit.
fn decimal_tail(u: &[Unit], i: usize) -> Option<usize> {
    let digits_from = |mut j: usize| {
        while j < u.len() && u[j].c.is_ascii_digit() {
            j += 1;
        }
        j
    };
    let point = digits_from(i);
    if point == i || u.get(point).map(|x| x.c) != Some('.') {
        return None;
    }
    let end = digits_from(point + 1);
    if end == point + 1 || u.get(end).is_some_and(|x| glues(x.c)) {
        return None;
    }
    Some(end - 1)
}

/// Is a whitespace run between two Chinese characters a column gap — a tab, or at least two
/// spaces (ASCII or U+3000)? Lists and tables converted from PDF separate their columns that way
/// (`刘某  华海科技股份有限公司  董事长`, `来源：某日报　　发布日期：…`); removing the gap would glue
/// a name to the organization after it. One space is noise or padding (`王　伟`, aligned with
/// three-character names) and goes.
fn column_gap(run: &[Unit]) -> bool {
    run.len() >= 2 || run.iter().any(|x| x.c == '\t')
}

/// The longest word read spread out over column gaps (`董  事  会`, `王  小  明`).
const MAX_SPREAD_CHARS: usize = 6;

/// A column gap `u[s..r]` follows the ideograph `u[w - 1]`. Is it padding inside a word spread
/// out one character per cell instead (`王  刚  华海科技  董事长`: PDF lists align a two-character
/// name with three-character ones by spaces in the middle; `董  事  会` above a signature date)?
/// It is when the gap is at most four spaces (no tab), the ideograph before it opens its line or
/// follows punctuation or a list marker (not another ideograph, not a kept column gap), and
/// single ideographs follow, each after such a gap, the last one before a line break,
/// punctuation, a wider gap, a tab, a word of two characters or more, or the end of the text —
/// at most [`MAX_SPREAD_CHARS`] in all. Return the index of that last character: the gaps up to
/// there are dropped.
fn spread_word_end(u: &[Unit], w: usize, s: usize, r: usize) -> Option<usize> {
    let padding = |gap: &[Unit]| gap.len() <= 4 && gap.iter().all(|x| x.c != '\t');
    if (w >= 2 && (is_ideograph(u[w - 2].c) || u[w - 2].c == ' ')) || !padding(&u[s..r]) {
        return None;
    }
    let (mut k, mut chars) = (r, 2);
    loop {
        let gap_end = (k + 1..u.len())
            .find(|&j| !is_hspace(u[j].c))
            .unwrap_or(u.len());
        match u.get(k + 1).map(|x| x.c) {
            None => return Some(k),
            Some(c) if c == '\n' || is_cjk_punct(c) => return Some(k),
            Some(c) if is_hspace(c) => {
                let gap = &u[k + 1..gap_end];
                let lone_next = u.get(gap_end).is_some_and(|x| is_ideograph(x.c))
                    && !u.get(gap_end + 1).is_some_and(|x| is_ideograph(x.c));
                if !padding(gap) || !lone_next {
                    return Some(k);
                }
                chars += 1;
                if chars > MAX_SPREAD_CHARS {
                    return None;
                }
                k = gap_end;
            }
            // `王  华海科技`: the character after the gap starts a word, so the gap is a column
            Some(_) => return None,
        }
    }
}

/// The longest dateline read at the start of a line, in characters (`新华社北京3月1日电`).
const MAX_DATELINE_CHARS: usize = 16;

/// Does the line written so far (`line`, from the line start to the space) end a dateline:
/// short, no punctuation, ending in 讯 (`本报讯`, `台北訊`) or in 日电 (`新华社北京3月1日电`)?
fn dateline(line: &[Unit]) -> bool {
    let last = line.last().map(|x| x.c);
    // 通讯, 资讯, 电讯, 视讯 end words and company names (`中兴通讯`), not datelines
    let word = line.len() >= 2 && "通資资电電视視音".contains(line[line.len() - 2].c);
    let ends = (matches!(last, Some('讯' | '訊')) && !word)
        || (matches!(last, Some('电' | '電')) && line.len() >= 2 && line[line.len() - 2].c == '日');
    ends && line.len() >= 2
        && line.len() <= MAX_DATELINE_CHARS
        && line
            .iter()
            .all(|x| is_ideograph(x.c) || x.c.is_ascii_digit())
}

impl Filter for Spacing {
    fn name(&self) -> &'static str {
        "spacing"
    }

    fn apply(&self, u: &mut Vec<Unit>, stats: &mut NormStats) {
        let n = u.len();
        // The characters this pass reads: spaces and those that change its state (every
        // space, line break and title mark lies below U+3400). The text between two of them
        // moves as one block (issue 8: a step per character was most of this pass).
        let at: Vec<usize> = (0..n)
            .filter(|&i| {
                let c = u[i].c;
                c < '\u{3400}' && (is_hspace(c) || matches!(c, '《' | '》' | '\n' | '#'))
            })
            .collect();
        if !at.iter().any(|&i| is_hspace(u[i].c)) {
            return;
        }
        let mut k = 0;
        let (mut r, mut w) = (0, 0);
        let mut title_at: Option<usize> = None; // output index of an open 《
        // Is every character written since the last line break a `#`? (Kept as we go: looking
        // back to the line start at every space was quadratic on a long line.)
        let mut only_hashes = true;
        // Is the current line a Markdown heading (`# 标题`)?
        let mut heading_line = false;
        let mut line_w = 0; // output index where the current line starts
        // Spaces before this input index lie inside spaced digits being joined (`2 0 2 4`).
        let mut spaced_until = 0;
        while r < n {
            // plain characters up to the next one read: no state but `only_hashes` changes
            let stop = at.get(k).copied().unwrap_or(n);
            if r < stop {
                u.copy_within(r..stop, w);
                w += stop - r;
                r = stop;
                only_hashes = false;
                continue;
            }
            k += 1;
            if !is_hspace(u[r].c) {
                match u[r].c {
                    '《' => title_at = Some(w),
                    '》' | '\n' => title_at = None,
                    _ => {}
                }
                if u[r].c == '\n' {
                    line_w = w + 1;
                }
                if u[r].c == '\n' {
                    heading_line = false;
                }
                match u[r].c {
                    '\n' => only_hashes = true,
                    '#' => {}
                    _ => only_hashes = false,
                }
                u[w] = u[r];
                w += 1;
                r += 1;
                continue;
            }
            let s = r;
            while r < n && is_hspace(u[r].c) {
                r += 1;
            }
            while at.get(k).is_some_and(|&i| i < r) {
                k += 1;
            }
            let prev = (w > 0).then(|| u[w - 1].c);
            let next = u.get(r).map(|x| x.c);
            // `## 标题`: the space after a Markdown heading marker is syntax, keep it.
            let heading = prev == Some('#') && only_hashes;
            heading_line |= heading;
            // `X完成C轮融资 Y领投`: in a headline one space between two words of two
            // characters or more parts two clauses (not `中 国 银 行`, one character a cell).
            let clause_gap = heading_line
                && r - s == 1
                && w >= 2
                && [u[w - 2].c, u[w - 1].c].into_iter().all(is_ideograph)
                && u[r..].iter().take(2).filter(|x| is_ideograph(x.c)).count() == 2;
            let in_title = title_at.is_some_and(|t| w - t <= 60)
                && prev.is_some_and(|p| p != '\n' && !is_cjk_punct(p))
                && next.is_some_and(|q| q != '\n' && !is_cjk_punct(q));
            let drop = !heading
                && !in_title
                && !clause_gap
                && match (prev, next) {
                    (None, _) | (_, None) | (Some('\n'), _) | (_, Some('\n')) => true,
                    _ if r <= spaced_until => true,
                    (Some(p), Some(q))
                        if p.is_ascii_digit() && (q.is_ascii_digit() || q == '.') =>
                    {
                        match spaced_digits_end(u, w, r) {
                            Some(last) => {
                                spaced_until = last;
                                true
                            }
                            None => false,
                        }
                    }
                    // `净利润 3 ,120 万元`: a space before a thousands separator is PDF noise
                    // (kept, it would leave `,120万元` to be read as 120万元).
                    (Some(p), Some(',')) if p.is_ascii_digit() && thousands_group(u, r) => true,
                    // `刘某  华海科技  董事长`: a column gap between two words is kept (not the padding
                    // inside a two-character name, `王  刚  华海科技`), and so
                    // is the space after a dateline (`本报讯 金融科技公司…`).
                    (Some(p), Some(q)) if is_ideograph(p) && is_ideograph(q) => {
                        if !column_gap(&u[s..r]) {
                            !dateline(&u[line_w..w])
                        } else if let Some(end) = spread_word_end(u, w, s, r) {
                            spaced_until = end;
                            true
                        } else {
                            false
                        }
                    }
                    (Some(p), Some(q)) => {
                        // `日期: 2024`: ASCII punctuation used in Chinese text (after a CJK char).
                        let cjk_punct_use = matches!(p, ',' | ':' | ';' | '!' | '?')
                            && w >= 2
                            && is_cjk(u[w - 2].c);
                        is_cjk(p) || is_cjk(q) || cjk_punct_use
                    }
                };
            if drop {
                stats.spaces += r - s;
            } else {
                let mut sp = u[s];
                // Tabs, NBSP, U+2003 … become ' '; the unit keeps its original range.
                sp.set(' ');
                u[w] = sp;
                w += 1;
                only_hashes = false;
                stats.spaces += r - s - 1;
            }
        }
        u.truncate(w);
    }
}

#[cfg(test)]
mod tests {
    use crate::normalize::{Normalizer, filters::spacing::Spacing};

    fn run(s: &str) -> String {
        Normalizer::builder()
            .filter(Spacing)
            .build()
            .apply_str(s)
            .text
    }

    /// Long runs with no space between the spaces: the state the pass keeps (titles, lines,
    /// headings) is the same as when it stepped through every character.
    #[test]
    fn text_between_spaces_moves_whole() {
        assert_eq!(run("没有空格的一行\n第二行"), "没有空格的一行\n第二行");
        assert_eq!(
            run("《星河 故事》出版\n## 开篇\n正文 第二段"),
            "《星河 故事》出版\n## 开篇\n正文第二段"
        );
        assert_eq!(run("data base 与数据库"), "data base与数据库");
    }

    #[test]
    fn a_space_before_a_thousands_separator_goes() {
        assert_eq!(run("净利润 3 ,120 万元"), "净利润3,120万元");
        assert_eq!(run("收入 12 ,345,678 元"), "收入12,345,678元");
        // not a thousands group: two or four digits after the comma, or no digit before
        assert_eq!(run("第 3 ,12 项"), "第3 ,12项");
        assert_eq!(run("A ,123"), "A ,123");
    }

    #[test]
    fn a_headline_space_between_words_parts_clauses() {
        // one space between two words of a heading parts two clauses
        assert_eq!(
            run("# 星河科技完成C轮融资 青松创投领投\n正文"),
            "# 星河科技完成C轮融资 青松创投领投\n正文"
        );
        // not in the body, not between single characters, not next to a digit
        assert_eq!(run("完成C轮融资 青松创投领投"), "完成C轮融资青松创投领投");
        assert_eq!(run("# 中 国 银 行"), "# 中国银行");
        assert_eq!(
            run("# 2024 赣江新区签约 总投资 326 亿元"),
            "# 2024赣江新区签约 总投资326亿元"
        );
        assert_eq!(run("# 标题 标题\n融资 领投"), "# 标题 标题\n融资领投");
    }

    #[test]
    fn keeps_the_space_after_a_dateline() {
        assert_eq!(
            run("本报讯 金融科技公司甲乙宣布"),
            "本报讯 金融科技公司甲乙宣布"
        );
        assert_eq!(
            run("前言\n台北訊　金融科技公司"),
            "前言\n台北訊 金融科技公司"
        );
        assert_eq!(
            run("新华社北京3月1日电 记者报道"),
            "新华社北京3月1日电 记者报道"
        );
        // not at the start of a line, too long, or no dateline word: glued as before
        assert_eq!(run("他说通讯 公司很好"), "他说通讯公司很好");
        assert_eq!(run("中兴通讯 股份有限公司"), "中兴通讯股份有限公司");
        assert_eq!(run("会议期间，本报讯 今日"), "会议期间，本报讯今日");
        assert_eq!(run("今天停电 了"), "今天停电了");
    }

    #[test]
    fn keeps_a_column_gap_between_chinese_words() {
        // two spaces, a tab, two ideographic spaces: a column of a list or table
        assert_eq!(
            run("1. 刘德明  华海科技股份有限公司  董事长"),
            "1.刘德明 华海科技股份有限公司 董事长"
        );
        assert_eq!(run("刘德明\t华海科技\t董事长"), "刘德明 华海科技 董事长");
        assert_eq!(
            run("来源：湘江日报\u{3000}\u{3000}发布日期：2024/10/09"),
            "来源：湘江日报 发布日期：2024/10/09"
        );
        // one space is noise or padding; a gap next to punctuation or a digit still goes
        assert_eq!(run("王\u{3000}伟  华海科技"), "王伟 华海科技");
        // two spaces inside a two-character name are padding, not a column
        assert_eq!(run("王  刚  华海科技  董事长"), "王刚 华海科技 董事长");
        assert_eq!(run("1. 王  刚\u{3000}\u{3000}华海科技"), "1.王刚 华海科技");
        assert_eq!(run("出席：王  刚、李  强"), "出席：王刚、李强");
        assert_eq!(run("附  件：名单"), "附件：名单");
        // a tab is a column; a word of two characters or more on either side is a column
        assert_eq!(run("王\t刚  华海科技"), "王 刚 华海科技");
        assert_eq!(run("刘德明  华  科技"), "刘德明 华 科技");
        assert_eq!(run("王  华海科技"), "王 华海科技");
        // a word spread out one character per cell, up to six characters
        assert_eq!(
            run("公司\n董  事  会\n二〇二四年"),
            "公司\n董事会\n二〇二四年"
        );
        assert_eq!(run("王  小  明  华海科技"), "王小明 华海科技");
        assert_eq!(run("一  二  三  四  五  六  七"), "一 二 三 四 五 六 七");
        assert_eq!(run("刘德明  王  刚"), "刘德明 王 刚");
        assert_eq!(run("董 事 会"), "董事会");
        assert_eq!(run("会议决定：  聘任王某"), "会议决定：聘任王某");
        assert_eq!(run("2024  年"), "2024年");
    }

    #[test]
    fn removes_spaces_around_chinese() {
        assert_eq!(
            run("发布时间: 2024 年 7 月 21 日"),
            "发布时间:2024年7月21日"
        );
        assert_eq!(run("原百亿级 5G 产业母基金"), "原百亿级5G产业母基金");
        assert_eq!(run("浪潮下, 如何通过\u{3000}产投"), "浪潮下,如何通过产投");
        assert_eq!(run("　　段首缩进。  \r\n下一行 "), "段首缩进。\n下一行");
        assert_eq!(run("超过 3.5 亿元"), "超过3.5亿元");
        assert_eq!(run("# 标题\n## 开篇 ：新起点"), "# 标题\n## 开篇：新起点");
        assert_eq!(
            run("题为《 新智新业新力  共享共创共赢 》的演讲 在京"),
            "题为《新智新业新力 共享共创共赢》的演讲在京"
        );
    }

    #[test]
    fn joins_spaced_single_digits_next_to_chinese() {
        assert_eq!(run("2 0 2 4 年 7 月 1 9 日"), "2024年7月19日");
        assert_eq!(run("总投资约 2 0 亿元"), "总投资约20亿元");
        assert_eq!(run("累计申请专利 1 2 6 项。"), "累计申请专利126项。");
        assert_eq!(run("约 1 2 . 6 8 亿元"), "约12.68亿元");
        // the last token a decimal number, a unit after it
        assert_eq!(run("项目投资额 1 2.5 亿元"), "项目投资额12.5亿元");
        assert_eq!(run("融资 3 2 0.5 亿元"), "融资320.5亿元");
    }

    #[test]
    fn keeps_spaced_digit_groups_and_latin_digits() {
        // Several-digit groups are columns or separate numbers, not one spelled-out number.
        assert_eq!(run("数量 12 34"), "数量12 34");
        // a decimal number after a group, or with no Chinese character after it
        assert_eq!(run("数量 12 2.5 亿元"), "数量12 2.5亿元");
        assert_eq!(run("占比 1 2.5%"), "占比1 2.5%");
        assert_eq!(run("Room 1 2.5 m"), "Room 1 2.5 m");
        // Among Latin words the digits are separate tokens.
        assert_eq!(run("Room 1 2 and 3"), "Room 1 2 and 3");
        // A run longer than any date or amount is left alone.
        let long = "编号 1 2 3 4 5 6 7 8 9 0 1 2 3";
        assert_eq!(run(long), "编号1 2 3 4 5 6 7 8 9 0 1 2 3");
    }

    #[test]
    fn keeps_spaces_in_latin_text() {
        assert_eq!(run("New  York and\tBoston 5 G"), "New York and Boston 5 G");
    }
}
