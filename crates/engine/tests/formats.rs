//! The research formats on the bundled corpus: what is exported reads back as the same mentions
//! (CoNLL and brat), every mention is a JSON line, and the brat bundle zips every file.

use qarin_engine::export::{brat, conll, jsonl, zip, Imported};
use qarin_engine::input::corpus::load_dir;
use qarin_engine::{analyze, Analysis, EntityType};
use std::path::Path;
use std::sync::OnceLock;

fn analysis() -> &'static Analysis {
    static A: OnceLock<Analysis> = OnceLock::new();
    A.get_or_init(|| analyze(&load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")).expect("bundled corpus loads")))
}

type Found = Vec<(usize, usize, EntityType, Option<String>)>;

fn mentions(a: &Analysis) -> Vec<(String, Found)> {
    a.documents.iter().map(|d| (d.id.clone(), d.mentions.iter().map(|m| (m.start, m.end, m.kind, Some(m.entity.clone()))).collect())).collect()
}

fn spans(imported: &[Imported]) -> Vec<(String, Found)> {
    imported.iter().map(|i| (i.document.clone(), i.spans.iter().map(|s| (s.start, s.end, s.kind, s.entity.clone())).collect())).collect()
}

#[test]
fn conll_export_then_import_gives_the_same_mentions() {
    let a = analysis();
    assert!(a.documents.iter().map(|d| d.mentions.len()).sum::<usize>() > 100);
    let texts: Vec<(&str, &str)> = a.documents.iter().map(|d| (d.id.as_str(), d.text.as_str())).collect();
    let c = conll::to_conll(a);
    let back = conll::import(&c, &texts).expect("our own CoNLL reads back");
    assert_eq!(spans(&back), mentions(a));
    // Every token line has three columns and a tag the format allows.
    for line in c.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "{line}");
        assert!(cols[1] == "O" || ["B-", "I-"].iter().any(|p| cols[1].starts_with(p)), "{line}");
    }
}

#[test]
fn brat_export_then_import_gives_the_same_mentions() {
    let a = analysis();
    let files = brat::to_brat(a);
    assert_eq!(files.len(), 1 + 2 * a.documents.len());
    let mut back = Vec::new();
    for d in &a.documents {
        let stem = brat::file_stem(&d.id);
        let txt = &files.iter().find(|(n, _)| *n == format!("{stem}.txt")).expect("a .txt per article").1;
        assert_eq!(txt, &d.text, "the text is written unchanged");
        let ann = &files.iter().find(|(n, _)| *n == format!("{stem}.ann")).expect("an .ann per article").1;
        back.push(brat::import(ann, &d.id, txt).expect("our own .ann reads back"));
    }
    assert_eq!(spans(&back), mentions(a));
    let z = zip::zip(&files.iter().map(|(n, c)| (n.clone(), c.clone().into_bytes())).collect::<Vec<_>>());
    let entries = u16::from_le_bytes([z[z.len() - 12], z[z.len() - 11]]) as usize;
    assert_eq!(entries, files.len());
}

#[test]
fn every_mention_is_one_json_line_with_its_offsets() {
    let a = analysis();
    let lines: Vec<serde_json::Value> = jsonl::to_jsonl(a).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect();
    let all: Vec<_> = a.documents.iter().flat_map(|d| d.mentions.iter().map(move |m| (d, m))).collect();
    assert_eq!(lines.len(), all.len());
    for (v, (d, m)) in lines.iter().zip(&all) {
        assert_eq!(v["document"], d.id.as_str());
        let (s, e) = (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize);
        assert_eq!(d.text.chars().skip(s).take(e - s).collect::<String>(), v["text"].as_str().unwrap());
        assert_eq!(v["entity"], m.entity.as_str());
        assert!(!v["label"].as_str().unwrap().is_empty());
    }
}
