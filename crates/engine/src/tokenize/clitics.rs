//! Proclitic analyses of an Arabic word (on its matching form).
//!
//! Rules: an optional conjunction (و, ف), then an optional preposition (ب, ل, ك), then an optional
//! article (ال); `لل` is ل + ال with the article's alef elided, so `للاتحاد` is read as ل + الاتحاد.
//! A stem keeps at least [`MIN_STEM`] letters. Every analysis says how many *letters* of the word
//! were stripped and, from [`splits_of`], where in the source the stem starts, so that a
//! highlight covers only the name.

pub use crate::model::Split;
use crate::normalize::source_offset_after;

/// Fewest letters a stem may keep.
pub const MIN_STEM: usize = 2;

const CONJ: [&str; 3] = ["", "و", "ف"];
const PREP: [&str; 4] = ["", "ب", "ل", "ك"];

fn label(c: &str, p: &str) -> &'static str {
    match (c, p) {
        ("", "") => "",
        ("و", "") => "و",
        ("ف", "") => "ف",
        ("", "ب") => "ب",
        ("", "ل") => "ل",
        ("", "ك") => "ك",
        ("و", "ب") => "و+ب",
        ("و", "ل") => "و+ل",
        ("و", "ك") => "و+ك",
        ("ف", "ب") => "ف+ب",
        ("ف", "ل") => "ف+ل",
        _ => "ف+ك",
    }
}

/// All analyses of a matching-form word, the unsplit word first, then by fewer letters stripped.
/// Their `offset` is 0: see [`splits_of`] for analyses placed in the source.
pub fn splits(norm: &str) -> Vec<Split> {
    let mut out = vec![Split { stripped: 0, stem: norm.to_string(), clitics: "", offset: 0 }];
    for c in CONJ {
        let Some(after_c) = norm.strip_prefix(c) else { continue };
        for p in PREP {
            if c.is_empty() && p.is_empty() {
                continue;
            }
            let Some(rest) = after_c.strip_prefix(p) else { continue };
            let stripped = c.chars().count() + p.chars().count();
            if rest.chars().count() >= MIN_STEM {
                out.push(Split { stripped, stem: rest.to_string(), clitics: label(c, p), offset: 0 });
            }
            // لل: the preposition ل before the article, whose alef is not written.
            if p == "ل" && rest.starts_with('ل') && !rest.starts_with("ال") && rest.chars().count() > MIN_STEM {
                out.push(Split { stripped, stem: format!("ا{rest}"), clitics: label(c, p), offset: 0 });
            }
        }
    }
    crate::sort::by_key(&mut out, |s| s.stripped);
    out.dedup_by(|a, b| a.stem == b.stem);
    out
}

/// The analyses of a word written `source` with matching form `norm`, each with the byte offset
/// in `source` where its stem starts.
pub fn splits_of(source: &str, norm: &str) -> Vec<Split> {
    let mut out = splits(norm);
    for s in &mut out {
        s.offset = if s.stripped == 0 { 0 } else { source_offset_after(source, s.stripped) };
    }
    out
}

/// The stem without a leading article, if it has one and enough letters remain.
pub fn without_article(stem: &str) -> Option<&str> {
    stem.strip_prefix("ال").filter(|r| r.chars().count() >= MIN_STEM)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn stems(w: &str) -> Vec<String> {
        splits(&normalize(w)).into_iter().map(|s| s.stem).collect()
    }

    #[test]
    fn conjunction_and_preposition() {
        assert!(stems("وبيلاروس").contains(&"بيلاروس".to_string()));
        assert!(stems("لتوكاييف").contains(&"توكاييف".to_string()));
        assert!(stems("وبالعاصمة").contains(&"العاصمه".to_string()));
        assert!(stems("فكازاخستان").contains(&"كازاخستان".to_string()));
    }

    #[test]
    fn lil_restores_the_article() {
        let s = splits(&normalize("للاتحاد"));
        let lil = s.iter().find(|s| s.stem == "الاتحاد").expect("ل + الاتحاد");
        assert_eq!(lil.stripped, 1);
        assert_eq!(lil.clitics, "ل");
    }

    #[test]
    fn offsets_in_the_source() {
        let s = splits_of("وَبِيلاروس", &normalize("وَبِيلاروس"));
        let b = s.iter().find(|s| s.stem == "بيلاروس").unwrap();
        assert_eq!(&"وَبِيلاروس"[b.offset..], "بِيلاروس");
        assert_eq!(s[0].offset, 0);
    }

    #[test]
    fn unsplit_first_and_min_stem() {
        let s = splits("واشنطن");
        assert_eq!(s[0].stem, "واشنطن");
        assert_eq!(s[0].stripped, 0);
        assert!(splits("وب").iter().all(|s| s.stem.chars().count() >= MIN_STEM));
        assert_eq!(without_article("الكرملين"), Some("كرملين"));
        assert_eq!(without_article("ال"), None);
    }
}
