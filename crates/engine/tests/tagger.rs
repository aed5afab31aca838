//! The trained tagger: the scorer, the embedded model on raw text, offsets after proclitics,
//! boilerplate, corrupt models, and reproducible training.

use qarin_engine::input::conll::parse_conll;
use qarin_engine::lexicon::lexicon;
use qarin_engine::model::{Candidate, EntityType, Origin, Token};
use qarin_engine::tagger::score::{Counts, Scores};
use qarin_engine::tagger::perceptron::{train, TrainOptions};
use qarin_engine::tagger::{candidates, embedded_model_error, tag_text_tokens, tagger, Tagger, EMBEDDED_MODEL};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// Tokens of a raw text, as the app makes them (`boiler` marks every token as boilerplate).
fn words(text: &str, boiler: bool) -> Vec<Token<'_>> {
    let mut tz = qarin_engine::tokenize::tokenize(text);
    for t in &mut tz.tokens {
        t.boiler = boiler;
    }
    tz.tokens
}

fn found(text: &str) -> Vec<(String, EntityType, Candidate)> {
    candidates(&words(text, false), lexicon(), None)
        .into_iter()
        .map(|c| (text[c.byte_start..c.byte_end].to_string(), c.kind, c))
        .collect()
}

const EPS: f64 = 1e-9;

/// `scorer.conll` (token, gold, predicted), counted by hand: 7 gold entities (PER 2, LOC 3,
/// ORG 1, MISC 1), 9 found (PER 3, LOC 2, ORG 2, MISC 2), 4 correct (PER 1, LOC 2, MISC 1);
/// 18 of 25 tags equal. The I-LOC that opens `نور سلطان` after O starts an entity (conlleval).
#[test]
fn scorer_matches_hand_counts() {
    let mut s = Scores::default();
    for sent in fixture("scorer.conll").split("\n\n") {
        let rows: Vec<Vec<&str>> = sent.lines().map(|l| l.split_whitespace().collect()).collect();
        let gold: Vec<&str> = rows.iter().map(|r| r[1]).collect();
        let pred: Vec<&str> = rows.iter().map(|r| r[2]).collect();
        s.add(&gold, &pred);
    }
    assert_eq!(s.overall(), Counts { gold: 7, found: 9, correct: 4 });
    let o = s.overall();
    assert!((o.precision() - 4.0 / 9.0).abs() < EPS);
    assert!((o.recall() - 4.0 / 7.0).abs() < EPS);
    assert!((o.f1() - 0.5).abs() < EPS);
    let per = s.by_type[&EntityType::Per];
    assert_eq!(per, Counts { gold: 2, found: 3, correct: 1 });
    assert!((per.f1() - 0.4).abs() < EPS);
    let loc = s.by_type[&EntityType::Loc];
    assert_eq!(loc, Counts { gold: 3, found: 2, correct: 2 });
    assert!((loc.precision() - 1.0).abs() < EPS && (loc.f1() - 0.8).abs() < EPS);
    let org = s.by_type[&EntityType::Org];
    assert_eq!(org, Counts { gold: 1, found: 2, correct: 0 });
    assert_eq!(org.f1(), 0.0);
    let misc = s.by_type[&EntityType::Misc];
    assert!((misc.f1() - 2.0 / 3.0).abs() < EPS);
    assert_eq!((s.tokens, s.tokens_correct), (25, 18));
    let report = s.report();
    assert!(report.contains("precision:  44.44%; recall:  57.14%; FB1:  50.00"), "{report}");
    assert!(report.contains("PER: precision:  33.33%; recall:  50.00%; FB1:  40.00"), "{report}");
}

#[test]
fn embedded_model_loads() {
    assert_eq!(embedded_model_error(), None);
    let t = tagger().expect("the embedded model loads");
    assert!(t.two_pass());
    assert!(t.buckets() > 1000);
}

/// An invented name, in no list, found from its context in raw text.
#[test]
fn finds_an_unseen_person_in_raw_text() {
    let text = "قال الرئيس الزالموري بوريس كالينكوف إن بلاده لن تتراجع عن قرارها.";
    let f = found(text);
    let c = f.iter().find(|(t, k, _)| t == "بوريس كالينكوف" && *k == EntityType::Per).unwrap_or_else(|| panic!("{f:?}"));
    assert_eq!(c.2.key, "بوريس كالينكوف");
    assert_eq!(c.2.origin, Origin::Tagger);
    assert_eq!(c.2.priority, 3);
    assert_eq!(c.2.alias_of, None);
    let ws = words(text, false);
    assert_eq!(ws[c.2.first].text, "بوريس");
    assert_eq!(ws[c.2.last - 1].text, "كالينكوف");
}

/// The highlight starts after و/ب/ل, the key drops the proclitic, and a name that merely starts
/// with ك + ال (`كالينكوف`) keeps its first letters.
#[test]
fn offsets_start_after_proclitics() {
    let text = "وقال كالينكوف إن روسيا وألمانيا ستوقعان الاتفاق. وأضاف كالينكوف أن بلاده تدعم الاتحاد الأوروبي.";
    let f = found(text);
    let de = f.iter().find(|(_, k, c)| *k == EntityType::Loc && c.key == "المانيا").unwrap_or_else(|| panic!("{f:?}"));
    assert_eq!(de.0, "ألمانيا");
    let ws = words(text, false);
    assert_eq!(ws[de.2.first].text, "وألمانيا");
    assert!(f.iter().filter(|(t, k, _)| t == "كالينكوف" && *k == EntityType::Per).count() >= 1, "{f:?}");
    for (t, _, c) in &f {
        assert_eq!(&text[c.byte_start..c.byte_end], t);
        assert!(text.is_char_boundary(c.byte_start) && text.is_char_boundary(c.byte_end));
        assert!(c.first < c.last);
        assert!(!c.key.contains("  ") && !c.key.is_empty());
    }
}

#[test]
fn boilerplate_is_never_tagged() {
    let text = "قال الرئيس الروسي فلاديمير بوتين في موسكو إن روسيا لن تتراجع.";
    assert!(!candidates(&words(text, false), lexicon(), None).is_empty());
    assert!(candidates(&words(text, true), lexicon(), None).is_empty());
    assert_eq!(tag_text_tokens(text), words(text, false).len());
    assert_eq!(tag_text_tokens(""), 0);
}

#[test]
fn corrupt_models_are_errors_not_panics() {
    assert!(Tagger::from_bytes(&[]).is_err());
    assert!(Tagger::from_bytes(b"not a model at all, just some bytes of text here").is_err());
    assert!(Tagger::from_bytes(&EMBEDDED_MODEL[..EMBEDDED_MODEL.len() / 2]).is_err());
    for at in [0, 9, 12, 20, 300, EMBEDDED_MODEL.len() / 2, EMBEDDED_MODEL.len() - 1] {
        let mut bad = EMBEDDED_MODEL.to_vec();
        bad[at] ^= 0x5a;
        assert!(Tagger::from_bytes(&bad).is_err(), "a corrupt byte at {at} went unnoticed");
    }
}

fn tiny_options(seed: u64) -> TrainOptions {
    TrainOptions { epochs: 4, seed, folds: 3, doc_folds: 2, ..TrainOptions::default() }
}

/// Same data, same seed: the same weights, byte for byte; and the model tags.
#[test]
fn training_is_reproducible() {
    let sentences = parse_conll(&fixture("tiny.conll")).unwrap();
    assert_eq!(sentences.len(), 12);
    let a = train(&sentences, &[], &tiny_options(7), &mut |_| {});
    let b = train(&sentences, &[], &tiny_options(7), &mut |_| {});
    assert_eq!(a, b);
    assert_eq!(a.to_bytes(), b.to_bytes());
    assert!(!a.weights.is_empty());
    let t = Tagger::from_bytes(&a.to_bytes()).unwrap();
    let tags = t.tag_conll(&sentences, &qarin_engine::tagger::lists::Lists::runtime(qarin_engine::lexicon::lexicon()), None);
    assert_eq!(tags.len(), sentences.len());
    assert!(tags.iter().zip(&sentences).all(|(t, s)| t.len() == s.len()));
}

/// The embedded model is exactly what `qarin train` makes from the training data, the word lists
/// and the feature templates of this build. Slow (it retrains the full model): run with
/// `cargo test --release -p qarin-engine --test tagger -- --ignored` after changing the lists,
/// the tokeniser or the features, and retrain (`data/model/NOTICE.md`) if it fails.
/// `cargo xtask test` runs it as a stage of its own, in release.
#[test]
#[ignore = "retrains the model (~15 s in release, minutes in debug): `cargo xtask test` runs it in release as its stale-model stage"]
fn embedded_model_is_up_to_date() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/anercorp/train.txt");
    let sentences = parse_conll(&std::fs::read_to_string(path).unwrap()).unwrap();
    let n = qarin_engine::lexicon::derive::train_len(sentences.len(), 0.9);
    let model = train(&sentences[..n], &[], &TrainOptions::default(), &mut |_| {});
    assert!(model.to_bytes() == EMBEDDED_MODEL, "data/model/tagger.bin is stale: retrain it (see data/model/NOTICE.md)");
}
