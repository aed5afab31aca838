//! Any bytes as up to six articles (split at U+001E; text before a U+001F is the article's date):
//! the whole analysis never panics, and every mention points at its own text in its article.
#![no_main]
use libfuzzer_sys::fuzz_target;
use qarin_engine::{analyze, Document};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let docs: Vec<Document> = text
        .split('\u{1e}')
        .take(6)
        .enumerate()
        .map(|(i, chunk)| {
            let (date, body) = chunk.split_once('\u{1f}').unwrap_or(("", chunk));
            Document { id: format!("d{i}"), file: format!("d{i}.txt"), title: format!("d{i}"), outlet: String::new(), date: date.to_string(), url: String::new(), text: body.to_string() }
        })
        .collect();
    let a = analyze(&docs);
    assert_eq!(a.documents.len(), docs.len());
    for (d, da) in docs.iter().zip(&a.documents) {
        for m in &da.mentions {
            assert_eq!(d.text.get(m.byte_start..m.byte_end), Some(m.text.as_str()), "mention bytes");
            assert_eq!(d.text[..m.byte_start].chars().count(), m.start, "mention start in code points");
            assert_eq!(m.end - m.start, m.text.chars().count(), "mention length in code points");
            assert!(a.entities.iter().any(|e| e.id == m.entity), "mention of an unknown entity");
        }
    }
});
