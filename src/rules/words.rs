//! Short word lists that steer a rule, kept as data in `schema/lexicons/words_<family>.txt`.
//!
//! Why: a rule's trigger words and its argument cues already live in lexicons; the small lists a
//! rule consults on the way (the verbs that found something, the nouns of a guest list …) were
//! Rust constants, so reading or extending them meant reading code. A [`WordList`] names its
//! file and list; the words are read once, on first use, from the embedded file, in file order
//! (where the code tries the words in turn, a longer word comes before its prefix).
//!
//! The file format is the lexicon format: one `word<TAB>list=name` per line, `#` comments.

use std::ops::Deref;
use std::sync::{LazyLock, OnceLock};

/// One named list of a `schema/lexicons/<lexicon>.txt` word-list file, loaded on first use.
pub struct WordList {
    lexicon: &'static str,
    list: &'static str,
    /// Only the terms that also carry this `key=value` attribute.
    attr: Option<(&'static str, &'static str)>,
    words: OnceLock<Vec<&'static str>>,
}

impl WordList {
    /// The list `list` of `schema/lexicons/<lexicon>.txt`.
    pub const fn new(lexicon: &'static str, list: &'static str) -> WordList {
        WordList {
            lexicon,
            list,
            attr: None,
            words: OnceLock::new(),
        }
    }

    /// The terms of the list `list` that also carry the attribute `key=value`
    /// (`全资子公司<TAB>list=company_descriptor role=subsidiary`): one lexicon list serves
    /// several rules, each reading the part it needs.
    pub const fn with_attr(
        lexicon: &'static str,
        list: &'static str,
        key: &'static str,
        value: &'static str,
    ) -> WordList {
        WordList {
            lexicon,
            list,
            attr: Some((key, value)),
            words: OnceLock::new(),
        }
    }

    /// The words, in file order. Empty if the file or the list does not exist (a test per
    /// family checks that every list it declares has words).
    pub fn words(&self) -> &[&'static str] {
        self.words
            .get_or_init(|| list_words(self.lexicon, self.list, self.attr))
    }

    /// Panics naming the first list of `lists` that has no words (the per-family test that
    /// every declared list exists in its lexicon file).
    pub fn assert_all_have_words(lists: &[&WordList]) {
        for list in lists {
            assert!(!list.is_empty(), "{} is empty or missing", list.source());
        }
    }

    /// Where the list lives, for messages: `words_event.txt list=founding`.
    pub fn source(&self) -> String {
        match self.attr {
            Some((k, v)) => format!(
                "schema/lexicons/{}.txt list={} {k}={v}",
                self.lexicon, self.list
            ),
            None => format!("schema/lexicons/{}.txt list={}", self.lexicon, self.list),
        }
    }
}

impl Deref for WordList {
    type Target = [&'static str];

    fn deref(&self) -> &[&'static str] {
        self.words()
    }
}

/// The terms of `lexicon` whose attributes include `list=<list>` (and `key=value` when `attr`
/// is given), in file order.
fn list_words(lexicon: &str, list: &str, attr: Option<(&str, &str)>) -> Vec<&'static str> {
    let Some(lines) = file_lines(lexicon) else {
        return Vec::new();
    };
    lines
        .iter()
        .filter_map(|(term, attrs)| {
            let has = |k: &str, v: &str| attrs.contains(&(k, v));
            (has("list", list) && attr.is_none_or(|(k, v)| has(k, v))).then_some(*term)
        })
        .collect()
}

/// One line of a word-list file: its term and its `key=value` attributes.
type Line = (&'static str, Vec<(&'static str, &'static str)>);

/// The lines of the embedded `schema/lexicons/<lexicon>.txt` that hold a term (comments,
/// blank lines and lines with no tab left out), each file split once: the lists of one file
/// were each read from the whole file (85 reads of four files, ≈ 27 M instructions a run,
/// issue 8).
fn file_lines(lexicon: &str) -> Option<&'static [Line]> {
    static FILES: LazyLock<Vec<OnceLock<Vec<Line>>>> =
        LazyLock::new(|| super::EMBEDDED.iter().map(|_| OnceLock::new()).collect());
    let path = format!("lexicons/{lexicon}.txt");
    let i = super::EMBEDDED.iter().position(|(p, _)| *p == path)?;
    let text: &'static str = super::EMBEDDED[i].1;
    let lines = FILES[i].get_or_init(|| {
        text.lines()
            .map(|l| l.trim_end_matches('\r'))
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .filter_map(|l| {
                let (term, attrs) = l.split_once('\t')?;
                let attrs = attrs
                    .split_whitespace()
                    .filter_map(|kv| kv.split_once('='))
                    .collect();
                Some((term.trim(), attrs))
            })
            .collect()
    });
    Some(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_list_in_file_order() {
        static FOUNDING: WordList = WordList::new("words_event", "founding");
        assert!(FOUNDING.len() >= 2);
        // A longer verb is tried before its prefix.
        let long = FOUNDING.iter().position(|w| *w == "共同发起");
        let short = FOUNDING.iter().position(|w| *w == "发起");
        assert!(long.is_some() && short.is_some() && long < short);
    }

    #[test]
    fn an_attribute_selects_part_of_a_list() {
        static ALL: WordList = WordList::new("words_position", "company_descriptor");
        static SUBSIDIARY: WordList =
            WordList::with_attr("words_position", "company_descriptor", "role", "subsidiary");
        static NONE: WordList = WordList::with_attr(
            "words_position",
            "company_descriptor",
            "role",
            "no_such_role",
        );
        assert!(ALL.contains(&"上市公司") && ALL.contains(&"全资子公司"));
        assert!(SUBSIDIARY.contains(&"全资子公司") && !SUBSIDIARY.contains(&"上市公司"));
        assert!(SUBSIDIARY.len() < ALL.len());
        assert!(NONE.is_empty());
        assert_eq!(
            SUBSIDIARY.source(),
            "schema/lexicons/words_position.txt list=company_descriptor role=subsidiary"
        );
    }

    #[test]
    fn a_missing_list_or_file_is_empty() {
        static NONE: WordList = WordList::new("words_event", "no_such_list");
        static NO_FILE: WordList = WordList::new("no_such_file", "x");
        assert!(NONE.is_empty());
        assert!(NO_FILE.is_empty());
        assert_eq!(
            NONE.source(),
            "schema/lexicons/words_event.txt list=no_such_list"
        );
    }
}
