//! A sorted string table: one `String` holding every key, searched by bisection. It holds the
//! large packaged lists (word frequencies, place names) in a few allocations rather than a hash
//! map entry per word, which matters in the browser.

/// Keys (matching forms) in byte order, each with a `u32` value.
#[derive(Debug, Default)]
pub struct Table {
    text: String,
    /// Start of each key in `text`; key `i` ends where key `i + 1` starts (or at the end).
    starts: Vec<u32>,
    values: Vec<u32>,
}

impl Table {
    /// A table from (key, value) pairs in any order; a repeated key keeps its largest value.
    pub fn from_pairs(mut pairs: Vec<(String, u32)>) -> Table {
        pairs.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        pairs.dedup_by(|b, a| a.0 == b.0);
        let mut t = Table { text: String::with_capacity(pairs.iter().map(|p| p.0.len()).sum()), starts: Vec::with_capacity(pairs.len()), values: Vec::with_capacity(pairs.len()) };
        for (k, v) in pairs {
            t.starts.push(t.text.len() as u32);
            t.text.push_str(&k);
            t.values.push(v);
        }
        t
    }

    fn key(&self, i: usize) -> &str {
        let s = self.starts[i] as usize;
        let e = self.starts.get(i + 1).map_or(self.text.len(), |&e| e as usize);
        &self.text[s..e]
    }

    /// The value of `key`, if it is in the table.
    pub fn get(&self, key: &str) -> Option<u32> {
        let (mut lo, mut hi) = (0usize, self.starts.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.key(mid).cmp(key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(self.values[mid]),
            }
        }
        None
    }

    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_keys_and_keeps_the_largest_value() {
        let t = Table::from_pairs(vec![("بغداد".into(), 3), ("ا".into(), 1), ("حلب".into(), 2), ("بغداد".into(), 9), ("z".into(), 4)]);
        assert_eq!(t.len(), 4);
        assert_eq!(t.get("بغداد"), Some(9));
        assert_eq!(t.get("حلب"), Some(2));
        assert_eq!(t.get("ا"), Some(1));
        assert_eq!(t.get("z"), Some(4));
        assert_eq!(t.get("بغدا"), None);
        assert_eq!(t.get(""), None);
        assert!(Table::default().get("x").is_none());
    }
}
