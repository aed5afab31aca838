//! Names that disagree: one person, different given names in different articles.
//!
//! For every linked PER entity named in two or more articles (two entities the linker suggested
//! as one because only their given names differ count as one here), each full mention (two words or
//! more) gives a *given name*: every word but the last (`أناتولي` in `أناتولي سيرديوكوف`,
//! `علي خان` in `علي خان إسماعيلوف`). Given names are compared by consonant skeleton
//! ([`crate::link::skeleton::skeleton`]) after folding letters that transliterations of one sound
//! alternate between (غ/ج/ق/ك, ط/ت, ص/ث/س, ض/د, ذ/ظ/ز, ح/ه): two given names are compatible when
//! every word of the shorter one matches a word of the longer one, so spelling variants
//! (`جومرت`/`جومارت`, `سيرغي`/`سيرجي`) and an added middle name are no conflict, while
//! `أناتولي`/`أندري` is. Only rows with a conflict are reported (kind `name`, the value being the
//! given name as written, its offsets those of the given name).

use super::agree::{Cmp, Item};
use super::doc::MentionRef;
use crate::model::{FactKind, FactValue, LinkRule, Topic, Value};
use crate::link::skeleton::skeleton;
use crate::model::{Analysis, EntityType};
use crate::normalize::normalize;
use std::collections::{BTreeMap, BTreeSet};

fn fold(c: char) -> char {
    match c {
        'غ' | 'ج' | 'ق' | 'ك' => 'ك',
        'ط' => 'ت',
        'ص' | 'ث' => 'س',
        'ض' => 'د',
        'ذ' | 'ظ' => 'ز',
        'ح' => 'ه',
        c => c,
    }
}

/// The comparison form of one given-name word.
pub fn given_key(word: &str) -> String {
    skeleton(&normalize(word)).chars().map(fold).collect()
}

/// Are two given names (as lists of [`given_key`]s) compatible?
pub fn compatible(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.iter().all(|w| long.contains(w))
}

/// The given-name part of a full name as written: (given name, its byte length), or `None` for a
/// one-word name.
fn given_part(text: &str) -> Option<(&str, usize)> {
    let cut = text.trim_end().rfind(char::is_whitespace)?;
    let given = text[..cut].trim_end();
    (!given.is_empty()).then_some((given, given.len()))
}

/// Items (kind `name`) for every PER entity written with given names in two or more articles.
/// The caller keeps only the rows whose status is a conflict.
/// A document as the given-name check sees it: its name mentions in text order.
pub struct NameDoc<'a> {
    pub idx: usize,
    pub id: &'a str,
    pub mentions: Vec<MentionRef<'a>>,
}

fn find<'a>(rep: &BTreeMap<&'a str, &'a str>, mut e: &'a str) -> &'a str {
    while let Some(&r) = rep.get(e) {
        e = r;
    }
    e
}

pub fn items(a: &Analysis, docs: &[NameDoc]) -> Vec<Item> {
    // Two entities the linker only suggested as one (same surname, different given names) are
    // compared as one: whether they are one person is exactly the disagreement to show.
    let mut rep: BTreeMap<&str, &str> = BTreeMap::new();
    for s in a.suggestions.iter().filter(|s| matches!(s.rule, LinkRule::GivenNameDiffers)) {
        let (ra, rb) = (find(&rep, s.a.as_str()), find(&rep, s.b.as_str()));
        if ra != rb {
            let (keep, other) = if ra < rb { (ra, rb) } else { (rb, ra) };
            rep.insert(other, keep);
        }
    }
    let mut by_entity: BTreeMap<&str, Vec<(usize, &MentionRef)>> = BTreeMap::new();
    for d in docs {
        for m in &d.mentions {
            if m.kind == EntityType::Per && given_part(m.text).is_some() {
                by_entity.entry(find(&rep, m.entity)).or_default().push((d.idx, m));
            }
        }
    }
    let mut out = Vec::new();
    for (entity, ms) in by_entity {
        let docs_named: BTreeSet<usize> = crate::sort::set(ms.iter().map(|(d, _)| *d));
        if docs_named.len() < 2 {
            continue;
        }
        let keys: BTreeSet<Vec<String>> = crate::sort::set(ms.iter().map(|(_, m)| given_part(m.text).unwrap().0.split_whitespace().map(given_key).collect()));
        if keys.len() < 2 {
            continue;
        }
        let label = a.entity(entity).map(|e| e.label.clone()).unwrap_or_else(|| entity.to_string());
        let surname = label.split_whitespace().last().unwrap_or(&label).to_string();
        for (doc, m) in ms {
            let (given, blen) = given_part(m.text).unwrap();
            let key: Vec<String> = given.split_whitespace().map(given_key).collect();
            let doc_id = docs.iter().find(|d| d.idx == doc).map(|d| d.id).unwrap_or_default();
            out.push(Item {
                doc,
                kind: FactKind::Name,
                key: format!("n|{entity}"),
                class: "given_name".into(),
                event: None,
                entity: Some(entity.to_string()),
                topic: Topic::GivenName { surname: surname.clone() },
                value: FactValue {
                    document: doc_id.to_string(),
                    value: Value::Text(given.to_string()),
                    text: given.to_string(),
                    start: m.cstart,
                    end: m.cstart + given.chars().count(),
                    qualifier: None,
                    unit: None,
                    vague: false,
                    relative: false,
                    byte_start: m.start,
                    byte_end: m.start + blen,
                },
                cmp: Cmp::Name(key),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> Vec<String> {
        s.split_whitespace().map(given_key).collect()
    }

    #[test]
    fn spelling_variants_are_compatible_different_names_are_not() {
        assert!(compatible(&k("قاسم جومرت"), &k("قاسم جومارت")));
        assert!(compatible(&k("سيرغي"), &k("سيرجي")));
        assert!(compatible(&k("ديمتري"), &k("دميتري")));
        assert!(compatible(&k("فلاديمير"), &k("فلاديمير فلاديميروفيتش")));
        assert!(!compatible(&k("أناتولي"), &k("أندري")));
        assert!(!compatible(&k("أحمد"), &k("محمد")));
        assert_eq!(given_part("أناتولي سيرديوكوف"), Some(("أناتولي", "أناتولي".len())));
        assert_eq!(given_part("توكاييف"), None);
    }
}
