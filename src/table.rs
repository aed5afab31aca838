//! Filtering and sorting the comparison table's rows. Pure Rust (no Leptos), tested natively.

use qarin_engine::{Entity, EntityType};
use std::cmp::Ordering;

/// What the table is sorted by (`data-sort` codes `name`, `type`, `coverage`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Name,
    Type,
    Coverage,
}

impl SortKey {
    pub fn code(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Type => "type",
            SortKey::Coverage => "coverage",
        }
    }

    /// The direction a first click sorts in: names A→Z, types in legend order, widest coverage first.
    pub fn natural_ascending(self) -> bool {
        !matches!(self, SortKey::Coverage)
    }
}

/// A sort key and direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub ascending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Sort {
            key: SortKey::Coverage,
            ascending: false,
        }
    }
}

impl Sort {
    /// Clicking a sort button: the same key flips the direction, another key starts in its
    /// natural direction.
    pub fn toggle(self, key: SortKey) -> Sort {
        if self.key == key {
            Sort {
                key,
                ascending: !self.ascending,
            }
        } else {
            Sort {
                key,
                ascending: key.natural_ascending(),
            }
        }
    }
}

/// Lower-case, without Arabic diacritics or tatweel: a forgiving form for substring filtering.
pub fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(*c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether an entity passes the text and type filters. The text matches the Arabic label, the
/// Latin name or any spelling.
pub fn matches(e: &Entity, folded_query: &str, kind: Option<EntityType>) -> bool {
    if kind.is_some_and(|k| k != e.kind) {
        return false;
    }
    if folded_query.is_empty() {
        return true;
    }
    std::iter::once(&e.label)
        .chain(std::iter::once(&e.latin))
        .chain(e.variants.iter())
        .any(|s| fold(s).contains(folded_query))
}

fn type_rank(k: EntityType) -> usize {
    EntityType::ALL
        .iter()
        .position(|&x| x == k)
        .unwrap_or(usize::MAX)
}

/// Latin names compare without case, ASCII letters only: the romanisation's capitals are ASCII
/// (`al-`, `Abd al-`), and Unicode lowercasing's tables cost the page about 4 KB of code.
fn name_cmp(a: &Entity, b: &Entity, by_latin: bool) -> Ordering {
    if by_latin {
        a.latin
            .to_ascii_lowercase()
            .cmp(&b.latin.to_ascii_lowercase())
            .then_with(|| a.label.cmp(&b.label))
    } else {
        a.label
            .cmp(&b.label)
            .then_with(|| a.latin.to_ascii_lowercase().cmp(&b.latin.to_ascii_lowercase()))
    }
}

/// Indices into `entities` of the rows to show, filtered and sorted. Names sort by their Latin
/// form when `by_latin` (English interface), else by the Arabic label. Ties: widest coverage, most
/// mentions, name, id.
pub fn rows(
    entities: &[Entity],
    query: &str,
    kind: Option<EntityType>,
    sort: Sort,
    by_latin: bool,
) -> Vec<usize> {
    let q = fold(query.trim());
    let mut idx: Vec<usize> = (0..entities.len())
        .filter(|&i| matches(&entities[i], &q, kind))
        .collect();
    qarin_engine::sort::by(&mut idx, |&i, &j| {
        let (a, b) = (&entities[i], &entities[j]);
        let primary = match sort.key {
            SortKey::Name => name_cmp(a, b, by_latin),
            SortKey::Type => type_rank(a.kind).cmp(&type_rank(b.kind)),
            SortKey::Coverage => a.coverage().cmp(&b.coverage()),
        };
        let primary = if sort.ascending {
            primary
        } else {
            primary.reverse()
        };
        primary
            .then_with(|| b.coverage().cmp(&a.coverage()))
            .then_with(|| b.total().cmp(&a.total()))
            .then_with(|| name_cmp(a, b, by_latin))
            .then_with(|| a.id.cmp(&b.id))
    });
    idx
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn ent(id: &str, kind: EntityType, label: &str, latin: &str, docs: &[(&str, usize)]) -> Entity {
        Entity {
            id: id.into(),
            kind,
            label: label.into(),
            latin: latin.into(),
            variants: vec![label.into(), format!("ال{label}")],
            documents: docs.iter().map(|(d, n)| (d.to_string(), *n)).collect(),
            spellings: BTreeMap::new(),
            reasons: vec![],
        }
    }

    fn sample() -> Vec<Entity> {
        vec![
            ent(
                "a",
                EntityType::Loc,
                "موسكو",
                "Moscow",
                &[("1", 2), ("2", 1), ("3", 1)],
            ),
            ent("b", EntityType::Per, "بوتين", "Putin", &[("1", 5)]),
            ent(
                "c",
                EntityType::Org,
                "الناتو",
                "NATO",
                &[("1", 1), ("2", 1)],
            ),
            ent(
                "d",
                EntityType::Per,
                "سيرديوكوف",
                "Serdyukov",
                &[("1", 1), ("2", 1)],
            ),
        ]
    }

    #[test]
    fn default_sort_is_widest_coverage_first() {
        let e = sample();
        assert_eq!(rows(&e, "", None, Sort::default(), true), vec![0, 2, 3, 1]);
        let asc = Sort::default().toggle(SortKey::Coverage);
        assert!(asc.ascending);
        assert_eq!(rows(&e, "", None, asc, true)[0], 1);
    }

    #[test]
    fn sorts_by_name_and_type() {
        let e = sample();
        let by_name = Sort::default().toggle(SortKey::Name);
        assert_eq!(rows(&e, "", None, by_name, true), vec![0, 2, 1, 3]);
        assert_eq!(
            rows(&e, "", None, by_name.toggle(SortKey::Name), true),
            vec![3, 1, 2, 0]
        );
        let by_type = Sort::default().toggle(SortKey::Type);
        let r = rows(&e, "", None, by_type, true);
        assert_eq!(e[r[0]].kind, EntityType::Per);
        assert_eq!(e[r[3]].kind, EntityType::Org);
    }

    #[test]
    fn filters_by_text_and_type() {
        let e = sample();
        assert_eq!(rows(&e, "mosc", None, Sort::default(), true), vec![0]);
        assert_eq!(rows(&e, "  PUTIN ", None, Sort::default(), true), vec![1]);
        assert_eq!(rows(&e, "الموسكو", None, Sort::default(), true), vec![0]);
        assert_eq!(rows(&e, "بوتِين", None, Sort::default(), true), vec![1]);
        assert_eq!(
            rows(&e, "", Some(EntityType::Per), Sort::default(), true),
            vec![3, 1]
        );
        assert!(rows(&e, "zzz", None, Sort::default(), true).is_empty());
    }
}
