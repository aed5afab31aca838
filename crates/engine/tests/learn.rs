//! The tagger learns from a reader's corrections (`tagger::learn`): the corrected name is read
//! as corrected in other sentences and articles, ordinary words are not taught to be names, and
//! sentences that share no word with a correction are tagged as before.

use qarin_engine::decisions::{corrections, Decision};
use qarin_engine::lexicon::lexicon;
use qarin_engine::model::{Document, EntityType};
use qarin_engine::tagger::learn::{Correction, Learned};
use qarin_engine::tagger::lists::Lists;
use qarin_engine::tagger::tagger;

fn doc(id: &str, text: &str) -> Document {
    Document { id: id.into(), file: format!("{id}.txt"), text: text.into(), ..Default::default() }
}

/// Code point range of `word` in `text`.
fn span(text: &str, word: &str) -> (usize, usize) {
    let b = text.find(word).unwrap();
    let s = text[..b].chars().count();
    (s, s + word.chars().count())
}

/// The tagger's names in `text` (words and type), with what it `learned`.
fn names(text: &str, learned: Option<&Learned>) -> Vec<(String, EntityType)> {
    let tz = qarin_engine::pipeline::read(text);
    let found = tagger().unwrap().candidates(&tz.tokens, &Lists::runtime(lexicon()), learned);
    found.into_iter().map(|c| (text[c.byte_start..c.byte_end].to_string(), c.kind)).collect()
}

const A: &str = "وقالت كتائب الفجر الجديد في بيان إنها سيطرت على الموقع.";
const B: &str = "وأكدت كتائب الفجر الجديد أنها لن تنسحب من المدينة.";
const C: &str = "وصل وزير الخارجية المصري سامح شكري إلى القاهرة مساء أمس قادما من باريس.";

#[test]
fn a_corrected_name_is_learned_and_read_elsewhere() {
    let docs = [doc("a", A), doc("b", B)];
    let name = "كتائب الفجر الجديد";
    assert!(!names(B, None).iter().any(|(w, _)| w.contains("الفجر")), "the test needs a name the model misses: {:?}", names(B, None));
    let (start, end) = span(A, name);
    let decisions = [Decision::Name { doc: "a".into(), start, end, kind: EntityType::Org }];
    let learned = qarin_engine::pipeline::learn(&docs, &corrections(&decisions));
    assert_eq!((learned.sentences, learned.unlearned), (1, 0));
    assert!(learned.weights() > 0);
    // In the corrected sentence, and in the other article, where the reader did nothing.
    assert!(names(A, Some(&learned)).contains(&(name.to_string(), EntityType::Org)), "{:?}", names(A, Some(&learned)));
    assert!(names(B, Some(&learned)).contains(&(name.to_string(), EntityType::Org)), "{:?}", names(B, Some(&learned)));
    // A sentence with none of its words is tagged as before.
    assert_eq!(names(C, Some(&learned)), names(C, None));
}

#[test]
fn ordinary_words_are_not_taught_to_be_names() {
    let docs = [doc("c", C)];
    // "مساء" (evening) and "وصل" (arrived) marked as names: the corrections stay the reader's
    // (decisions), the tagger learns nothing from them.
    let corrections = ["مساء", "وصل"].map(|w| {
        let (start, end) = span(C, w);
        Correction { doc: "c", start, end, kind: Some(EntityType::Per) }
    });
    let learned = qarin_engine::pipeline::learn(&docs, &corrections);
    assert_eq!(learned.sentences, 2);
    assert!(learned.is_empty(), "{} weights learned", learned.weights());
}

#[test]
fn a_name_said_to_be_no_name_is_unlearned() {
    let docs = [doc("c", C)];
    let before = names(C, None);
    let (w, _) = before.iter().find(|(w, _)| w == "القاهرة").cloned().unwrap_or_else(|| panic!("{before:?}"));
    let (start, end) = span(C, &w);
    let learned = qarin_engine::pipeline::learn(&docs, &[Correction { doc: "c", start, end, kind: None }]);
    assert_eq!(learned.unlearned, 0);
    let after = names(C, Some(&learned));
    assert!(!after.iter().any(|(x, _)| x == "القاهرة"), "{after:?}");
    // The other names of the sentence stay.
    assert_eq!(after.len(), before.len() - 1, "{before:?} → {after:?}");
}

#[test]
fn the_analysis_learns_and_applies_the_reader_decisions() {
    let docs = [doc("a", A), doc("b", B)];
    let name = "كتائب الفجر الجديد";
    let (start, end) = span(A, name);
    let decisions = vec![Decision::Name { doc: "a".into(), start, end, kind: EntityType::Org }];
    let a = qarin_engine::decisions::analyze(&docs, &decisions);
    // The reader's mention, and the one the tagger now finds in the other article.
    let a0 = a.documents[0].mentions.iter().find(|m| m.text == name).unwrap();
    assert!(a0.by_user && a0.kind == EntityType::Org);
    let b0 = a.documents[1].mentions.iter().find(|m| m.text == name).unwrap();
    assert_eq!(b0.kind, EntityType::Org);
    assert_eq!(a0.entity, b0.entity);
}


