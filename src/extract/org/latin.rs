//! `org.latin` — a company written in Latin script inside Chinese text (`收购德国 Altenberg
//! Antriebstechnik GmbH 80%股权`): one to five capitalized words ending in a legal form
//! (GmbH, AG, Inc., Ltd., LLC, S.A., B.V., plc …) or in a fund word (Capital Partners).
//!
//! Why a regex and not the suffix lexicon: the suffix rule scans Chinese characters leftwards
//! and stops at spaces; Latin names are space-separated words whose left boundary is the first
//! capitalized word after a non-Latin character. Lower-case words inside (`von`, `de`, `and`)
//! are allowed between capitalized ones; the legal form alone (`AG`) is no name.

use std::sync::LazyLock;

use super::{PRIORITY, RuleId};
use crate::extract::{Attrs, Candidate, Label, OrgKind};
use crate::rules::LiteralStartRegex;

pub const LATIN: RuleId = RuleId("org.latin");

/// Searched only at capital letters (see `LiteralStartRegex`).
static NAME: LazyLock<LiteralStartRegex> = LazyLock::new(|| {
    LiteralStartRegex::new(
        r"(?x)
        (?P<name>
          [A-Z][A-Za-z0-9&'’\-]*\.?
          (?: \s+ (?: (?:von|van|der|de|du|la|of|and|und|et|&) \s+ )? [A-Z][A-Za-z0-9&'’\-]*\.? ){0,4}
          \s+
          (?P<form>
              GmbH (?: \s* & \s* Co\. \s* KG )?
            | AG | SE | KG | SAS | S\.A\.S\. | S\.A\. | SA | S\.p\.A\. | SpA | S\.r\.l\.
            | B\.V\. | BV | N\.V\. | NV | AB | ASA | Oy | A/S | K\.K\.
            | Inc\.? | Incorporated | Corp\.? | Corporation | Ltd\.? | Limited | LLC | L\.L\.C\.
            | LLP | LP | L\.P\. | PLC | plc | Pte\.? \s* Ltd\.? | Co\.,? \s* Ltd\.? | Company
            | Capital \s+ Partners | Capital \s+ Management | Partners | Holdings? | Group
          )
        )",
    )
    .expect("latin organization pattern is valid")
});

/// Latin-script organization candidates in `text`.
pub(super) fn find(text: &str, out: &mut Vec<Candidate>) {
    for c in NAME.captures_iter(text) {
        let (Some(m), Some(form)) = (c.name("name"), c.name("form")) else {
            continue;
        };
        // Whole words only: no Latin letter or digit glued to either end.
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        if before.is_some_and(|ch| ch.is_ascii_alphanumeric())
            || after.is_some_and(|ch| ch.is_ascii_alphanumeric())
        {
            continue;
        }
        // `ABC Holdings有限公司`: a Chinese legal suffix continues the name; the suffix rule
        // reads all of it.
        let rest = text[m.end()..].trim_start();
        if ["有限", "股份", "集团", "公司", "(", "（"]
            .iter()
            .any(|w| rest.starts_with(w))
            && !rest.starts_with("（以下")
            && !rest.starts_with("(以下")
        {
            continue;
        }
        let form = form.as_str();
        let kind = if form.starts_with("Capital") || form == "Partners" {
            OrgKind::Fund
        } else {
            OrgKind::Enterprise
        };
        // One above the other organization rules: a slot reading (`收购德国 X GmbH`) that
        // glues a country to the name loses to the name as written.
        let mut cand = Candidate::new(Label::Organization, m.range(), LATIN, PRIORITY + 1);
        cand.attrs = Attrs::Org { kind };
        out.push(cand);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        find(text, &mut out);
        out.iter()
            .map(|c| text[c.range.clone()].to_string())
            .collect()
    }

    #[test]
    fn legal_forms_end_latin_names() {
        assert_eq!(
            names("拟收购德国 Altenberg Antriebstechnik GmbH 80%股权"),
            ["Altenberg Antriebstechnik GmbH"]
        );
        assert_eq!(
            names("出售方为 Rheintal Capital Partners 及创始家族"),
            ["Rheintal Capital Partners"]
        );
        assert_eq!(
            names("与 Nordwind Energy Co., Ltd. 签署协议"),
            ["Nordwind Energy Co., Ltd."]
        );
        assert_eq!(names("收购 Maison de Verre SAS。"), ["Maison de Verre SAS"]);
    }

    #[test]
    fn a_chinese_suffix_after_it_continues_the_name() {
        assert!(names("ABC Holdings有限公司").is_empty());
        assert_eq!(
            names("Nordwind Energy GmbH（以下简称“北风能源”）"),
            ["Nordwind Energy GmbH"]
        );
    }

    #[test]
    fn no_name_without_a_capitalized_word_and_a_form() {
        assert!(names("公司发布了 AG 系列产品").is_empty());
        assert!(names("the group said").is_empty());
        assert!(names("采用 Transformer 架构").is_empty());
        assert!(names("Windows 11 Pro Edition").is_empty());
    }
}
