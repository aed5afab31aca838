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

    /// A table from `key<TAB>value` lines sorted by key (lines starting with `#` are skipped), in
    /// one pass; lines out of order are sorted first.
    pub fn from_sorted_lines(text: &str) -> Table {
        let mut t = Table::default();
        let mut sorted = true;
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((k, v)) = line.split_once('\t') else { continue };
            let Ok(v) = v.trim().parse::<u32>() else { continue };
            if t.starts.last().is_some_and(|_| t.key(t.starts.len() - 1) >= k) {
                sorted = false;
            }
            t.starts.push(t.text.len() as u32);
            t.text.push_str(k);
            t.values.push(v);
        }
        if sorted {
            return t;
        }
        let pairs = (0..t.len()).map(|i| (t.key(i).to_string(), t.values[i])).collect();
        Table::from_pairs(pairs)
    }

    fn key(&self, i: usize) -> &str {
        let s = self.starts[i] as usize;
        let e = self.starts.get(i + 1).map_or(self.text.len(), |&e| e as usize);
        &self.text[s..e]
    }

    /// Key `i` as bytes (byte order is `str` order): no char-boundary checks in the search.
    fn key_bytes(&self, i: usize) -> &[u8] {
        let s = self.starts[i] as usize;
        let e = self.starts.get(i + 1).map_or(self.text.len(), |&e| e as usize);
        &self.text.as_bytes()[s..e]
    }

    /// The value of `key`, if it is in the table.
    pub fn get(&self, key: &str) -> Option<u32> {
        let key = key.as_bytes();
        let (mut lo, mut hi) = (0usize, self.starts.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.key_bytes(mid).cmp(key) {
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
        let sorted = Table::from_sorted_lines("# header\nا\t1\nب\t2\nت\t3\n");
        assert_eq!((sorted.get("ب"), sorted.len()), (Some(2), 3));
        let unsorted = Table::from_sorted_lines("ت\t3\nا\t1\nت\t5\n");
        assert_eq!((unsorted.get("ت"), unsorted.get("ا"), unsorted.len()), (Some(5), Some(1), 2));
    }
}
