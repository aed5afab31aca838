//! The step-by-step analysis (`Analyzer`, what the web app runs between frames) against the
//! one-call `analyze`, on the bundled corpus and on articles added to it.

use qarin_engine::input::corpus::load_dir;
use qarin_engine::{analyze, export, Analyzer, Document, Stage};
use std::path::Path;

fn bundled() -> Vec<Document> {
    load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")).expect("bundled corpus loads")
}

#[test]
fn steps_give_the_same_analysis_with_steady_progress() {
    let mut docs = bundled();
    // Twice the corpus under other ids: cross-article work (corpus names, linking, fact rows,
    // wire copy) has something to find.
    let copies: Vec<Document> = docs
        .iter()
        .map(|d| Document { id: format!("{}-copy", d.id), ..d.clone() })
        .collect();
    docs.extend(copies);
    let mut an = Analyzer::new(&docs);
    let total = an.total_steps();
    assert_eq!(total, 3 * docs.len() + 7);
    let mut last = an.progress();
    assert_eq!((last.stage, last.done), (Stage::Reading, 0));
    let mut steps = 0;
    let mut stages = vec![last.stage];
    let mut across = 0;
    while !an.is_done() {
        across += usize::from(an.next_step_spans_corpus());
        let p = an.step();
        steps += 1;
        assert!(steps <= total, "more steps than announced");
        assert_eq!(p.done, last.done + 1, "each step counts one: {last:?} → {p:?}");
        assert!(p.stage >= last.stage && p.total == total);
        if stages.last() != Some(&p.stage) {
            stages.push(p.stage);
        }
        last = p;
    }
    assert_eq!((last.done, steps), (total, total), "as many steps as announced");
    // Corpus names, the four linking steps, the fact rows, shared wire copy.
    assert_eq!(across, 7);
    assert_eq!(stages, [Stage::Reading, Stage::Recognising, Stage::Linking, Stage::Facts, Stage::Done]);
    let stepped = an.finish();
    let whole = analyze(&docs);
    assert_eq!(export::to_json(&stepped), export::to_json(&whole));
    // The copies share every sentence with their originals: the wire view must see them.
    assert!(!stepped.wire.is_empty());
    assert!(stepped.entities.iter().any(|e| e.documents.len() == docs.len()));
}

#[test]
fn no_articles_is_an_empty_analysis() {
    let a = Analyzer::new(&[]).finish();
    assert!(a.documents.is_empty() && a.entities.is_empty() && a.facts.is_empty());
}

/// An analysis sent as JSON (the web app's worker does) and read back has every byte offset
/// JSON leaves out restored from the code point offsets: equal to the original but for the
/// sentence spans, which travel beside it.
#[test]
fn byte_offsets_are_restored_after_json() {
    let mut docs = bundled();
    // A copy of the first article, so there is shared wire copy to check too.
    docs.push(Document { id: "copy".into(), ..docs[0].clone() });
    let original = analyze(&docs);
    assert!(!original.facts.is_empty() && !original.quotes.is_empty() && !original.wire.is_empty(), "facts, quotes and wire copy to check");
    let json = serde_json::to_string(&original).unwrap();
    let mut back: qarin_engine::Analysis = serde_json::from_str(&json).unwrap();
    assert_ne!(back, original, "JSON leaves the byte offsets out");
    back.restore_byte_offsets();
    for (b, o) in back.documents.iter_mut().zip(&original.documents) {
        b.sentences = o.sentences.clone();
    }
    assert_eq!(back, original);
}
