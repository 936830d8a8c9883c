//! `org.team`: foreign sports teams written as a transliterated name and 队 (`加拉塔萨雷队`,
//! `斯托克城队`).
//!
//! A club or national team is named by its city or club name in transliteration characters
//! (`transliteration_chars.txt`) right before 队. The run is read back from the 队 over those
//! characters (a trailing 城 of a city's name included: `斯托克城队`); it must be three
//! characters or more: two are as often a Chinese word (`科考队`, `安保队`) as a short club
//! name (`维拉队`), so they are not read. Runs with a team word after the 队 (`队员`, `队伍`,
//! `队友`: a member or the team as a noun phrase) are not read either.

use crate::extract::{Attrs, Candidate, Label, OrgKind};
use crate::rules::RuleId;

use super::{OrgRules, PRIORITY};

pub const TEAM: RuleId = RuleId("org.team");

/// The longest transliterated name read before 队, in characters.
const MAX_TEAM_CHARS: usize = 8;

/// Characters right after 队 that make it part of another word (`队员`, `队伍`).
const NOT_AFTER: [char; 5] = ['员', '伍', '友', '列', '形'];

/// Find the teams of `text`.
pub fn find(text: &str, r: &OrgRules, out: &mut Vec<Candidate>) {
    for (dui, _) in text.match_indices('队') {
        let end = dui + '队'.len_utf8();
        if text[end..].starts_with(NOT_AFTER) {
            continue;
        }
        let mut start = dui;
        let mut n = 0;
        for c in text[..dui].chars().rev() {
            // a city's 城 only right before 队 (`斯托克城队`)
            let city = c == '城' && n == 0;
            if !(r.translit.contains(&c) || city) {
                break;
            }
            start -= c.len_utf8();
            n += 1;
            if n > MAX_TEAM_CHARS {
                break;
            }
        }
        if !(3..=MAX_TEAM_CHARS).contains(&n) {
            continue;
        }
        let mut cand = Candidate::new(Label::Organization, start..end, TEAM, PRIORITY);
        cand.attrs = Attrs::Org {
            kind: OrgKind::Association,
        };
        out.push(cand);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::Rules;

    fn names(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        super::find(text, &Rules::builtin().org, &mut out);
        out.iter()
            .map(|c| text[c.range.clone()].to_string())
            .collect()
    }

    #[test]
    fn transliterated_names_before_dui_are_teams() {
        assert_eq!(
            names("加拉塔萨雷队vs梅塔利斯特队两队从未交手。"),
            ["加拉塔萨雷队", "梅塔利斯特队"]
        );
        assert_eq!(names("斯托克城队客场告负。"), ["斯托克城队"]);
        assert_eq!(names("他们淘汰了波兰的克拉科夫队。"), ["克拉科夫队"]);
    }

    #[test]
    fn chinese_words_and_team_nouns_are_no_teams() {
        assert!(names("南极科考队和安保队已经出发。").is_empty());
        assert!(names("维拉队主场取胜。").is_empty());
        assert!(names("国家队队员正在训练。").is_empty());
        assert!(names("加拉塔萨雷队员表示满意。").is_empty());
        assert!(names("城队").is_empty());
    }
}
