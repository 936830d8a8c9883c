//! The document header: `# title` and a publication date line.
//!
//! Press releases open with a title and a line such as `发布时间: 2024 年 7 月 21 日`. The
//! header is looked for in the first 15 lines only, so a `时间：` in the body cannot be taken
//! for the publication date. Accepted:
//! - title: the first Markdown heading (`# …`; `#` then a space or a letter, so a noise run
//!   like `#%\$^&*(` is not a title), else a `标题：…` line. The title is the raw line; the CLI
//!   cleans it with the same normalization as the text. A heading longer than
//!   [`MAX_TITLE_CHARS`] (a whole article on one `# ` line) is cut there and ends with `…`, so a
//!   Document node never carries megabytes of text;
//! - date keys: 发布时间 发布日期 发表时间 发文日期 来源时间 更新时间 日期 时间, followed by an
//!   ASCII or full-width colon (or just spaces), anywhere in the line (`来源：新华社 发布时间：…`);
//! - date forms: `2024-07-21`, `2024/7/21`, `2024.07.21`, `2024年7月21日`, with spaces
//!   anywhere (`2024 年 7 月 21 日`), a time after it (`2024年7月21日 10:30`), full-width
//!   digits, or Chinese numerals (`二〇二四年七月二十一日`);
//! - failing a key, a line that is just a date.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::Header;

/// Titles are cut to this many characters (news titles are well under 100).
pub const MAX_TITLE_CHARS: usize = 200;

/// `t` cut to [`MAX_TITLE_CHARS`] characters, with `…` when something was cut.
fn bounded_title(t: &str) -> String {
    match t.char_indices().nth(MAX_TITLE_CHARS) {
        Some((i, _)) => format!("{}…", t[..i].trim_end()),
        None => t.to_string(),
    }
}

const KEYS: &[&str] = &[
    "发布时间",
    "发布日期",
    "发表时间",
    "发文日期",
    "来源时间",
    "更新时间",
    "發佈時間",
    "發布時間",
    "發佈日期",
    "日期",
    "时间",
    "時間",
];

/// The last characters of the [`KEYS`].
const KEY_ENDS: [char; 3] = ['期', '间', '間'];

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        ^ \s* (\d(?:[\ ]?\d){3}) \s* [-/.年] \s* (\d(?:[\ ]?\d)?) \s* [-/.月] \s* (\d(?:[\ ]?\d)?) \s* [日号]?",
    )
    .expect("valid date regex")
});

/// Rewrite full-width digits and Chinese numerals (in 年/月/日 dates) as ASCII digits.
fn ascii_digits(s: &str) -> String {
    fn flush(run: &mut String, out: &mut String) {
        if !run.is_empty() {
            match cn_number(run) {
                Some(n) => out.push_str(&n.to_string()),
                None => out.push_str(run),
            }
            run.clear();
        }
    }
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    for c in s.chars() {
        if cn_digit(c).is_some() {
            run.push(c);
            continue;
        }
        flush(&mut run, &mut out);
        out.push(match c {
            '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '／' => '/',
            '－' => '-',
            '．' => '.',
            _ => c,
        });
    }
    flush(&mut run, &mut out);
    out
}

fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | '○' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        '十' => 10,
        _ => return None,
    })
}

/// `二〇二四` → 2024 (digit by digit), `二十一` → 21, `十` → 10, `十二` → 12.
fn cn_number(s: &str) -> Option<u32> {
    let ds: Vec<u32> = s.chars().map(cn_digit).collect::<Option<_>>()?;
    match ds.iter().position(|&d| d == 10) {
        None => ds
            .iter()
            .try_fold(0u32, |acc, &d| acc.checked_mul(10)?.checked_add(d)),
        Some(p) => {
            let tens = match p {
                0 => 1,
                1 => ds[0],
                _ => return None,
            };
            let ones = match &ds[p + 1..] {
                [] => 0,
                [d] if *d < 10 => *d,
                _ => return None,
            };
            Some(tens * 10 + ones)
        }
    }
}

/// Parse a date at the start of `s` (after optional spaces). Years 1900–2100 only.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    parse_date_prefix(s).map(|(d, _)| d)
}

/// Like [`parse_date`], also returning how many bytes of the ASCII-digit form matched.
fn parse_date_prefix(s: &str) -> Option<(NaiveDate, String)> {
    let a = ascii_digits(s);
    let caps = DATE.captures(&a)?;
    // PDF text may space the digits out (`2 0 2 4 年 7 月 2 2 日`).
    let num = |i: usize| caps[i].replace(' ', "");
    let y: i32 = num(1).parse().ok()?;
    let m: u32 = num(2).parse().ok()?;
    let d: u32 = num(3).parse().ok()?;
    if !(1900..=2100).contains(&y) {
        return None;
    }
    let rest = a[caps.get(0)?.end()..].to_string();
    NaiveDate::from_ymd_opt(y, m, d).map(|date| (date, rest))
}

/// Title from a leading `# ` line; publication date from a `发布时间:` line.
pub fn parse_header(text: &str, encoding: &'static str) -> Header {
    let mut h = Header {
        encoding,
        ..Header::default()
    };
    let mut bare_date = None;
    for line in text.lines().take(15) {
        let l = line.trim().trim_start_matches('\u{FEFF}');
        if h.title.is_none() {
            // A heading: `#`s, then a space or a letter — `#%\$^&*(` is noise, not a title.
            if let Some(t) = l.strip_prefix('#').map(|t| t.trim_start_matches('#'))
                && !t.trim().is_empty()
                && t.starts_with(|c: char| c.is_whitespace() || c.is_alphanumeric())
            {
                h.title = Some(bounded_title(t.trim()));
                continue;
            }
            for key in ["标题", "標題"] {
                if let Some(rest) = l.strip_prefix(key) {
                    let t = rest.trim_start_matches([':', '：', ' ', '\u{3000}']).trim();
                    if !t.is_empty() {
                        h.title = Some(bounded_title(t));
                    }
                }
            }
        }
        if h.published.is_none() {
            h.published = date_after_key(l);
            if bare_date.is_none()
                && l.chars().nth(32).is_none()
                && let Some((d, rest)) = parse_date_prefix(l)
                && rest.chars().all(|c| {
                    c.is_ascii_digit() || matches!(c, ':' | '：' | ' ' | '时' | '分' | '秒')
                })
            {
                bare_date = Some(d);
            }
        }
    }
    if h.published.is_none() {
        h.published = bare_date;
    }
    h
}

/// A date following one of [`KEYS`] and a colon in `line`.
fn date_after_key(line: &str) -> Option<NaiveDate> {
    // Every key ends with 期, 间 or 間 and none overlaps itself (tests check both): a key's
    // occurrences, left to right, are the ends of those characters that it ends. One vector
    // scan for the characters spares twelve substring searches per line (issue 8).
    let ends: Vec<usize> = crate::rules::occurrences::char_matches(line, KEY_ENDS)
        .map(|(i, c)| i + c.len_utf8())
        .collect();
    for key in KEYS {
        for &end in &ends {
            if !line[..end].ends_with(key) {
                continue;
            }
            if let Some(d) = date_after_colon(&line[end..]) {
                return Some(d);
            }
        }
    }
    None
}

/// The date at the start of `after` (the text after a key), past spaces and one colon.
fn date_after_colon(after: &str) -> Option<NaiveDate> {
    let rest = after.trim_start_matches([' ', '\u{3000}', '\t']);
    let rest = rest
        .strip_prefix([':', '：'])
        .unwrap_or(rest)
        .trim_start_matches([' ', '\u{3000}', '\t']);
    // A date is a few dozen characters: parse a bounded prefix, not the rest of the line (a
    // 50 MB single-line document has many `时间` and one line).
    let end = rest.char_indices().nth(64).map_or(rest.len(), |(i, _)| i);
    parse_date(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_ends_with_a_key_end() {
        for k in KEYS {
            assert!(k.ends_with(KEY_ENDS), "{k}");
        }
    }

    /// No key overlaps itself (no proper prefix is also a suffix), so its occurrences never
    /// overlap and `date_after_key` finds the ones a left-to-right search finds.
    #[test]
    fn no_key_overlaps_itself() {
        for k in KEYS {
            for (i, _) in k.char_indices().skip(1) {
                assert!(!k.starts_with(&k[i..]), "{k}");
            }
        }
    }

    /// The scan finds what the search of each key in turn found.
    #[test]
    fn date_after_key_is_the_search_per_key() {
        fn by_search(line: &str) -> Option<NaiveDate> {
            for key in KEYS {
                let mut from = 0;
                while let Some(p) = line[from..].find(key) {
                    if let Some(d) = date_after_colon(&line[from + p + key.len()..]) {
                        return Some(d);
                    }
                    from += p + key.len();
                }
            }
            None
        }
        for line in [
            "发布时间：2024年7月21日",
            "时间：会议时间 2023-05-06，发布日期：2024/1/2",
            "日期 日期：2021年3月4日 时间：2022年3月4日",
            "更新时间:2020.01.02 發佈時間 2019-12-31",
            "活动时间很长，日期未定",
            "時間：2 0 2 4 年 7 月 2 2 日",
            "期间 间期 時間間 2024年1月1日",
            "",
        ] {
            assert_eq!(date_after_key(line), by_search(line), "{line}");
        }
    }

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn date_forms() {
        for s in [
            "2024-07-21",
            "2024/7/21",
            "2024.07.21",
            "2024年7月21日",
            "2024 年 7 月 21 日",
            "2024年7月21日 10:30",
            "２０２４年７月２１日",
            "二〇二四年七月二十一日",
            "2 0 2 4 年 7 月 2 1 日",
        ] {
            assert_eq!(parse_date(s), ymd(2024, 7, 21), "{s}");
        }
        assert_eq!(parse_date("2024年13月40日"), None);
        assert_eq!(parse_date("300亿元"), None);
        assert_eq!(parse_date("1024-07-21"), None);
        // Spaced digits join within a number only: three digits are no year.
        assert_eq!(parse_date("2 0 2 年 7 月 2 1 日"), None);
    }

    #[test]
    fn header_keys_and_colons() {
        for (text, want) in [
            (
                "# 标题\n\n发布时间: 2024 年 7 月 21 日\n正文",
                ymd(2024, 7, 21),
            ),
            ("# 标题\n发布日期：2024-07-21", ymd(2024, 7, 21)),
            ("标题：某论坛召开\n日期 2023/1/5\n", ymd(2023, 1, 5)),
            ("来源：新华社　发布时间：2022.12.01 09:00", ymd(2022, 12, 1)),
            ("# 標題\n發佈時間：2024年7月21日", ymd(2024, 7, 21)),
            ("# 标题\n\n2024年7月21日 10:30\n\n正文", ymd(2024, 7, 21)),
            ("# 标题\n\n正文说2024年7月21日召开了会议。", None),
            ("# 标题\n\n时间表明一切。", None),
        ] {
            assert_eq!(parse_header(text, "UTF-8").published, want, "{text}");
        }
        let h = parse_header("标题：某论坛召开\n正文", "UTF-8");
        assert_eq!(h.title.as_deref(), Some("某论坛召开"));
        let h = parse_header("# 中国联通合作伙伴大会\n## 开篇", "UTF-8");
        assert_eq!(h.title.as_deref(), Some("中国联通合作伙伴大会"));
        let h = parse_header("#%\\$^&*(<PAGE_DIV>\n正文", "UTF-8");
        assert_eq!(h.title, None);
    }

    #[test]
    fn long_heading_is_cut() {
        let line = format!("# {}\n正文", "标题很长".repeat(1000));
        let t = parse_header(&line, "UTF-8").title.unwrap();
        assert_eq!(t.chars().count(), MAX_TITLE_CHARS + 1);
        assert!(t.ends_with('…') && t.starts_with("标题很长"));
        let short = parse_header("# 正常标题\n", "UTF-8").title.unwrap();
        assert_eq!(short, "正常标题");
        // a noise run is not a heading
        assert!(parse_header("#%\\$^&*(标题\n正文", "UTF-8").title.is_none());
    }

    #[test]
    fn date_deep_in_the_body_is_ignored() {
        let body = "正文。\n".repeat(20);
        assert_eq!(
            parse_header(&format!("{body}发布时间：2024-07-21"), "UTF-8").published,
            None
        );
    }
}
