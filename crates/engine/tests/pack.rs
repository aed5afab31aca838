//! The packed form the web app's worker hands the page: a real analysis (the bundled corpus)
//! comes back whole, byte offsets and sentence spans included, part by part as the worker
//! sends it.

use qarin_engine::input::corpus::load_dir;
use qarin_engine::pack::{from_bytes, to_bytes};
use qarin_engine::{analyze, DocumentAnalysis, Entity, Fact, Quote, Suggestion, WirePair};
use std::collections::BTreeMap;
use std::path::Path;

#[test]
fn an_analysis_comes_back_whole() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let a = analyze(&load_dir(&dir).expect("bundled corpus loads"));
    assert!(!a.entities.is_empty() && !a.facts.is_empty() && !a.quotes.is_empty());
    assert!(a.documents.iter().all(|d| !d.sentences.is_empty() && d.mentions.iter().all(|m| m.byte_end > m.byte_start)));
    let docs: Vec<DocumentAnalysis> = from_bytes(&to_bytes(&a.documents)).unwrap();
    assert_eq!(docs, a.documents);
    assert_eq!(from_bytes::<Vec<Entity>>(&to_bytes(&a.entities)).unwrap(), a.entities);
    assert_eq!(from_bytes::<Vec<Fact>>(&to_bytes(&a.facts)).unwrap(), a.facts);
    assert_eq!(from_bytes::<Vec<Quote>>(&to_bytes(&a.quotes)).unwrap(), a.quotes);
    assert_eq!(from_bytes::<Vec<WirePair>>(&to_bytes(&a.wire)).unwrap(), a.wire);
    assert_eq!(from_bytes::<Vec<Suggestion>>(&to_bytes(&a.suggestions)).unwrap(), a.suggestions);
    let rest = (a.schema.clone(), a.reuse.clone());
    assert_eq!(from_bytes::<(String, BTreeMap<String, f64>)>(&to_bytes(&rest)).unwrap(), rest);
    // Smaller than compact JSON, byte offsets and all (JSON leaves them out).
    let packed = to_bytes(&a.entities).len() + to_bytes(&a.facts).len();
    let json = serde_json::to_string(&a.entities).unwrap().len() + serde_json::to_string(&a.facts).unwrap().len();
    assert!(packed < json, "{packed} bytes packed, {json} as JSON");
    // The whole analysis in one piece (the bundled articles' analysis made at build time).
    assert_eq!(from_bytes::<qarin_engine::Analysis>(&to_bytes(&a)).unwrap(), a);
    assert!(from_bytes::<qarin_engine::Analysis>(&to_bytes(&a)[..100]).is_err(), "a truncated file is an error, not a panic");
}
