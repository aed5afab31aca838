// The fuzz targets' checks, one definition for both users: the targets in `fuzz_targets/`
// (`include!`d there) and `crates/engine/tests/fuzz_regressions.rs`, which replays the seeds and
// every input a fuzzer ever crashed on. Each panics when an invariant does not hold.

/// Any bytes, as a `.txt` or an `.html` file: refused with a reason, or a text with LF newlines
/// only, never empty.
#[allow(dead_code)]
pub fn check_decode(name: &str, bytes: &[u8]) {
    if let Ok(d) = qarin_engine::input::read_file_bytes(name, bytes) {
        assert!(!d.text.contains('\r'), "CR left in the text");
        assert!(!d.text.trim().is_empty(), "an empty text accepted");
    }
}

/// Any text as HTML: extraction gives text no longer than the entities can make it.
#[allow(dead_code)]
pub fn check_html(text: &str) {
    let e = qarin_engine::input::html::extract(text);
    assert!(e.text.len() <= text.len() * 4 + 16, "extraction grew the text beyond its entities");
}

/// Any text: the token stream (clitic splits, boilerplate, glued-word repair) keeps its offsets
/// inside the text, on character boundaries, in order, with code point offsets that agree.
#[allow(dead_code)]
pub fn check_tokenize(text: &str) {
    let tz = qarin_engine::pipeline::read(text);
    let mut last = 0;
    for t in &tz.tokens {
        assert!(t.start <= t.end && t.end <= text.len(), "token out of the text");
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end), "token not on char boundaries");
        assert!(t.start >= last, "tokens out of order");
        last = t.start;
        assert_eq!(text[..t.start].chars().count(), t.cstart, "code point offset");
        assert_eq!(t.cend - t.cstart, text[t.start..t.end].chars().count(), "code point length");
    }
}

/// Any text as up to six articles (split at U+001E; text before a U+001F is the article's date):
/// the whole analysis runs, and every mention points at its own text in its article.
#[allow(dead_code)]
pub fn check_analyze(text: &str) {
    use qarin_engine::Document;
    let docs: Vec<Document> = text
        .split('\u{1e}')
        .take(6)
        .enumerate()
        .map(|(i, chunk)| {
            let (date, body) = chunk.split_once('\u{1f}').unwrap_or(("", chunk));
            Document { id: format!("d{i}"), file: format!("d{i}.txt"), title: format!("d{i}"), outlet: String::new(), date: date.to_string(), url: String::new(), text: body.to_string() }
        })
        .collect();
    let a = qarin_engine::analyze(&docs);
    assert_eq!(a.documents.len(), docs.len());
    for (d, da) in docs.iter().zip(&a.documents) {
        for m in &da.mentions {
            assert_eq!(d.text.get(m.byte_start..m.byte_end), Some(m.text.as_str()), "mention bytes");
            assert_eq!(d.text[..m.byte_start].chars().count(), m.start, "mention start in code points");
            assert_eq!(m.end - m.start, m.text.chars().count(), "mention length in code points");
            assert!(a.entities.iter().any(|e| e.id == m.entity), "mention of an unknown entity");
        }
    }
}

/// Any bytes as the packed parts of an analysis (`qarin_engine::pack`, what the web app's worker
/// sends the page): read back or refused with an error, never a panic; what is read back packs
/// to bytes that read back to the same bytes again.
#[allow(dead_code)]
pub fn check_pack(bytes: &[u8]) {
    use qarin_engine::pack::{from_bytes, to_bytes, Pack};
    fn again<T: Pack>(bytes: &[u8]) {
        if let Ok(v) = from_bytes::<T>(bytes) {
            let packed = to_bytes(&v);
            let back: T = from_bytes(&packed).expect("packed bytes read back");
            assert_eq!(to_bytes(&back), packed, "packing is not stable");
        }
    }
    again::<Vec<qarin_engine::DocumentAnalysis>>(bytes);
    again::<Vec<qarin_engine::Entity>>(bytes);
    again::<Vec<qarin_engine::Fact>>(bytes);
    again::<Vec<qarin_engine::Quote>>(bytes);
    again::<Vec<qarin_engine::WirePair>>(bytes);
    again::<Vec<qarin_engine::Suggestion>>(bytes);
}

/// Any text as JSON (`qarin_engine::json`, what the web app reads a workspace file and the
/// bundled articles with): a value or an error at a place inside the text, never a panic; it
/// accepts what serde_json accepts, and numbers too large for a float besides (kept as written
/// here; `7e454`); reading the value as documents or decisions never panics.
#[allow(dead_code)]
pub fn check_json(text: &str) {
    use qarin_engine::json::{parse, FromJson, JsonError};
    let ours = parse(text);
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    let too_large = theirs.as_ref().is_err_and(|e| e.to_string().starts_with("number out of range"));
    if !too_large {
        assert_eq!(ours.is_ok(), theirs.is_ok(), "accepts differently from serde_json");
    }
    match ours {
        Ok(v) => {
            let _ = Vec::<qarin_engine::Document>::from_json(&v);
            let _ = Vec::<qarin_engine::decisions::Decision>::from_json(&v);
        }
        Err(JsonError::Syntax { line, column, .. }) => {
            assert!(line >= 1 && line <= text.matches('\n').count() + 1, "error line outside the text");
            assert!(column >= 1, "error column");
        }
        Err(e) => panic!("parse gave a field error: {e}"),
    }
}

/// Any bytes as the reader's decisions on a small analysis of two articles (made once): each
/// group of four bytes is a decision (a name marked or taken away, a merge,
/// a split, a pair kept apart) with any article, offsets and type, valid or not. Applying them
/// never panics, and what comes out is sound: every mention in order, without overlap, pointing
/// at its own text by code points and bytes, and of an entity that is there.
#[allow(dead_code)]
pub fn check_decisions(bytes: &[u8]) {
    use qarin_engine::decisions::{apply, Decision};
    use qarin_engine::{Document, EntityType};
    static MADE: std::sync::OnceLock<(Vec<Document>, qarin_engine::Analysis)> = std::sync::OnceLock::new();
    let (docs, a) = MADE.get_or_init(|| {
        let doc = |id: &str, text: &str| Document { id: id.into(), file: format!("{id}.txt"), title: id.into(), outlet: String::new(), date: String::new(), url: String::new(), text: text.into() };
        let docs = vec![
            doc("a", "قال الرئيس الروسي فلاديمير بوتين في موسكو إن روسيا لن تتراجع.\nوأكد بوتين ذلك، ولروسيا مصالح."),
            doc("b", "وفي موسكو قال الوزير سيرغي لافروف إن بوتين وافق، وبالقاهرة رحبت مصر، و\u{64e}موسكو\u{650} هادئة."),
        ];
        let a = qarin_engine::analyze(&docs);
        (docs, a)
    });
    let ids: Vec<String> = a.entities.iter().map(|e| e.id.clone()).chain(["x".to_string()]).collect();
    let mut decisions = Vec::new();
    for g in bytes.chunks(4) {
        let b = |i: usize| g.get(i).copied().unwrap_or(0) as usize;
        let d = ["a", "b", "gone"][b(1) % 3].to_string();
        let (start, end) = (b(2) * 2, b(2) * 2 + b(3) % 24);
        let kind = EntityType::ALL[b(3) % 4];
        let e = |i: usize| ids[i % ids.len()].clone();
        decisions.push(match b(0) % 6 {
            0 | 1 => Decision::Name { doc: d, start, end, kind },
            2 => Decision::NotName { doc: d, start, end },
            3 => Decision::Merge { keep: e(b(1)), absorb: e(b(2)) },
            4 => Decision::Split { entity: e(b(1)), spelling: a.documents[0].mentions.get(b(2) % 4).map_or(String::new(), |m| m.text.clone()) },
            _ => Decision::Apart { a: e(b(1)), b: e(b(2)) },
        });
    }
    let out = apply(a, &decisions);
    for (d, da) in docs.iter().zip(&out.documents) {
        let mut end = 0;
        for m in &da.mentions {
            assert!(m.start >= end && m.start < m.end, "mentions in order, without overlap");
            end = m.end;
            assert_eq!(d.text.get(m.byte_start..m.byte_end), Some(m.text.as_str()), "mention bytes");
            assert_eq!(d.text[..m.byte_start].chars().count(), m.start, "mention start in code points");
            assert!(out.entities.iter().any(|e| e.id == m.entity), "mention of an unknown entity");
        }
    }
}
