//! The tag set: `O`, then `B-`/`I-` for each of the four types, as small integers.
//!
//! Index 0 is `O`; type `k` of [`EntityType::ALL`] (PER, LOC, ORG, MISC) has `B` = `1 + 2k` and
//! `I` = `2 + 2k`. An `I-X` may only follow `B-X` or `I-X` ([`allowed`]), so every decoded
//! sequence reads as whole entities.

use crate::model::EntityType;

/// Number of tags.
pub const N_TAGS: usize = 9;

/// A tag index in `0..N_TAGS`.
pub type Tag = u8;

pub const O: Tag = 0;

/// `B-kind`.
pub fn begin(kind: EntityType) -> Tag {
    1 + 2 * type_index(kind) as Tag
}

/// `I-kind`.
pub fn inside(kind: EntityType) -> Tag {
    2 + 2 * type_index(kind) as Tag
}

fn type_index(kind: EntityType) -> usize {
    EntityType::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

/// The type of a `B`/`I` tag.
pub fn kind(tag: Tag) -> Option<EntityType> {
    if tag == O || tag as usize >= N_TAGS {
        return None;
    }
    Some(EntityType::ALL[(tag as usize - 1) / 2])
}

pub fn is_inside(tag: Tag) -> bool {
    tag != O && tag & 1 == 0
}

/// Whether `cur` may follow `prev` (`None`: the start of a sequence).
pub fn allowed(prev: Option<Tag>, cur: Tag) -> bool {
    if !is_inside(cur) {
        return true;
    }
    matches!(prev, Some(p) if p != O && kind(p) == kind(cur))
}

/// Read a BIO tag (`O`, `B-PERS`, `I-LOC` …); `None` if it is not one.
pub fn parse(tag: &str) -> Option<Tag> {
    if tag == "O" {
        return Some(O);
    }
    let (bio, ty) = tag.split_once('-')?;
    let kind = EntityType::from_code(ty)?;
    match bio {
        "B" => Some(begin(kind)),
        "I" => Some(inside(kind)),
        _ => None,
    }
}

/// Write a tag; `pers` spells the person type `PERS` (ANERcorp) instead of `PER`.
pub fn name(tag: Tag, pers: bool) -> String {
    match kind(tag) {
        None => "O".to_string(),
        Some(k) => {
            let ty = if k == EntityType::Per && pers { "PERS" } else { k.code() };
            format!("{}-{ty}", if is_inside(tag) { "I" } else { "B" })
        }
    }
}

/// Make a gold sequence valid: an `I-X` that may not follow its predecessor becomes `B-X`.
pub fn repair(tags: &mut [Tag]) {
    let mut prev = None;
    for t in tags.iter_mut() {
        if !allowed(prev, *t) {
            *t -= 1;
        }
        prev = Some(*t);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_constraints() {
        for t in 0..N_TAGS as Tag {
            assert_eq!(parse(&name(t, false)), Some(t));
            assert_eq!(parse(&name(t, true)), Some(t));
        }
        assert_eq!(name(begin(EntityType::Per), true), "B-PERS");
        assert_eq!(name(inside(EntityType::Misc), false), "I-MISC");
        assert!(!allowed(None, inside(EntityType::Loc)));
        assert!(!allowed(Some(begin(EntityType::Per)), inside(EntityType::Loc)));
        assert!(allowed(Some(begin(EntityType::Loc)), inside(EntityType::Loc)));
        let mut g = vec![O, inside(EntityType::Org), inside(EntityType::Org)];
        repair(&mut g);
        assert_eq!(g, vec![O, begin(EntityType::Org), inside(EntityType::Org)]);
    }
}
