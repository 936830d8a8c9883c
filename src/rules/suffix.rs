//! [`SuffixList`]: which of a list of terms ends at a position, without trying every term.
//!
//! Rules that look back from a number (a currency or a qualifier before an amount, a money
//! word before a bare number) asked `ends_with` of every term of a list at every numeral. The
//! list here is indexed by each term's last character, so a position whose preceding character
//! ends no term costs one lookup, and otherwise only the terms with that last character are
//! tried, in the list's order (so the first one that fits is the one a scan of the whole list
//! would find).

use super::fast_hash::FastMap;

/// Terms with values, in a given order (e.g. longest first).
pub struct SuffixList<V> {
    items: Vec<(String, V)>,
    /// Last character → indices into `items`, ascending.
    by_last: FastMap<char, Vec<u32>>,
    /// The first empty term (it ends every string).
    empty: Option<u32>,
}

impl<V> SuffixList<V> {
    pub fn new(items: Vec<(String, V)>) -> SuffixList<V> {
        let mut by_last: FastMap<char, Vec<u32>> = FastMap::default();
        let mut empty = None;
        for (i, (t, _)) in items.iter().enumerate() {
            match t.chars().next_back() {
                Some(c) => by_last.entry(c).or_default().push(i as u32),
                None => {
                    empty.get_or_insert(i as u32);
                }
            }
        }
        SuffixList {
            items,
            by_last,
            empty,
        }
    }

    /// The first item (in list order) whose term ends `s`.
    pub fn first_ending(&self, s: &str) -> Option<&(String, V)> {
        let hit = s.chars().next_back().and_then(|c| {
            self.by_last
                .get(&c)?
                .iter()
                .copied()
                .find(|&i| s.ends_with(self.items[i as usize].0.as_str()))
        });
        let i = match (hit, self.empty) {
            (Some(h), Some(e)) => h.min(e),
            (h, e) => h.or(e)?,
        };
        Some(&self.items[i as usize])
    }

    /// Does some term end `s`?
    pub fn any_ending(&self, s: &str) -> bool {
        self.first_ending(s).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan<'a, V>(items: &'a [(String, V)], s: &str) -> Option<&'a (String, V)> {
        items.iter().find(|(t, _)| s.ends_with(t.as_str()))
    }

    #[test]
    fn same_as_a_scan_of_the_list() {
        let items: Vec<(String, u32)> = ["人民币", "美元", "币", "港币", "元", "RMB", "约", "近约"]
            .iter()
            .enumerate()
            .map(|(i, t)| (t.to_string(), i as u32))
            .collect();
        let with_empty: Vec<(String, u32)> = items
            .iter()
            .cloned()
            .chain([(String::new(), 99), ("元".to_string(), 100)])
            .collect();
        for list in [items, with_empty] {
            let sl = SuffixList::new(list.clone());
            for s in [
                "",
                "总额人民币",
                "港币",
                "币",
                "10亿美元",
                "RMB",
                "xRMB",
                "约",
                "接近约",
                "无",
            ] {
                assert_eq!(sl.first_ending(s), scan(&list, s), "{s}");
                assert_eq!(sl.any_ending(s), scan(&list, s).is_some(), "{s}");
            }
        }
    }
}
