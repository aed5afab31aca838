//! Tests against the real bundled corpus (`corpus/` at the repository root): what must hold of
//! any analysis (sound offsets, counts, a reason for every grouping, boilerplate not counted),
//! and its score against the corpus's gold annotations.

use qarin_engine::input::corpus::load_dir;
use qarin_engine::{analyze, Analysis};
use std::path::Path;
use std::sync::OnceLock;

fn analysis() -> &'static Analysis {
    static A: OnceLock<Analysis> = OnceLock::new();
    A.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        analyze(&load_dir(&dir).expect("bundled corpus loads"))
    })
}

#[test]
fn offsets_are_code_points_and_bytes_into_the_source() {
    for d in &analysis().documents {
        let chars: Vec<char> = d.text.chars().collect();
        let mut prev_end = 0;
        for m in &d.mentions {
            assert!(m.start < m.end && m.end <= chars.len());
            assert!(m.start >= prev_end, "mentions are sorted and do not overlap");
            prev_end = m.end;
            let by_chars: String = chars[m.start..m.end].iter().collect();
            assert_eq!(by_chars, m.text);
            assert!(d.text.is_char_boundary(m.byte_start) && d.text.is_char_boundary(m.byte_end));
            assert_eq!(&d.text[m.byte_start..m.byte_end], m.text);
        }
    }
}

/// The bundled corpus scored against its gold annotations (`dev/stories/bundled-csto-2022`,
/// made by hand from the texts, independently of the engine): what used to be checked name by
/// name is now one measure, with thresholds. The bundled five are a demonstration, not what the
/// engine is tuned to: these are floors, not targets (mention F1 0.955, B³ 0.99, CEAF-e 0.97 on
/// 2 December 2026). Every change is judged on the dev stories and ANERcorp first; this only says
/// the demonstration must not get worse than issue #12 allows.
#[test]
fn bundled_corpus_against_its_gold() {
    use qarin_engine::eval::{score, Gold};
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let gold = Gold::parse(&std::fs::read_to_string(root.join("dev/stories/bundled-csto-2022/gold.json")).unwrap()).unwrap();
    let a = analysis();
    let texts: Vec<&str> = gold.documents.iter().map(|g| a.documents.iter().find(|d| d.file == g.file).expect("gold article analysed").text.as_str()).collect();
    gold.check(&texts).expect("the gold fits the bundled texts");
    let s = score(a, &gold);
    let report = format!("{:?} {:?} B³ {:?} CEAF-e {:?} whole {:?} apart {:?}", s.mentions, s.per_type, s.b3, s.ceafe, s.kept_whole, s.apart_respected);
    assert!(s.mentions.f1() >= 0.95, "mention F1 {:.3}: {report}", s.mentions.f1());
    assert!(s.b3.f1() >= 0.95 && s.ceafe.f1() >= 0.90, "linking: {report}");
    assert!(s.kept_whole_share() >= 0.85, "entities kept whole: {report}");
    assert_eq!(s.apart_respected.0, s.apart_respected.1, "apart pairs merged: {report}");
}

#[test]
fn every_grouping_has_a_reason() {
    for e in &analysis().entities {
        let variants = e.variants.len();
        assert!(variants <= 1 || e.reasons.len() >= variants - 1, "{} has {variants} variants, reasons {:?}", e.label, e.reasons);
        assert!(!e.latin.is_empty() && !e.label.is_empty());
    }
}

#[test]
fn boilerplate_is_marked_and_not_counted() {
    let a = analysis();
    let levant = a.documents.iter().find(|d| d.text.contains("قد تحب أيضا")).expect("article with a footer");
    let footer = levant.boilerplate.iter().find(|b| levant.text[b.byte_start..b.byte_end].starts_with("قد تحب أيضا")).expect("footer marked");
    assert_eq!(footer.byte_end, levant.text.trim_end().len(), "the footer runs to the end");
    assert!(levant.text[footer.byte_start..footer.byte_end].contains("سوريا"));
    assert!(levant.mentions.iter().all(|m| m.byte_end <= footer.byte_start), "no mention inside the footer");
    assert!(levant.boilerplate.iter().any(|b| b.kind == qarin_engine::BoilerplateKind::RelatedLink));

    let shoigu = a.documents.iter().find(|d| d.text.contains("(تستمر)")).expect("article with (تستمر)");
    let kinds: Vec<_> = shoigu.boilerplate.iter().map(|b| b.kind).collect();
    assert!(kinds.contains(&qarin_engine::BoilerplateKind::RepeatedTitle));
    assert!(kinds.contains(&qarin_engine::BoilerplateKind::Continuation));
    assert!(kinds.contains(&qarin_engine::BoilerplateKind::Footer));
    // A headline printed twice is recorded as such, and its names are read in both copies, as a
    // reader sees them (and as the gold marks them); only the facts leave the copy out.
    let title_mentions = shoigu.mentions.iter().filter(|m| m.text == "شويغو" && m.byte_end < 200).count();
    assert_eq!(title_mentions, 2);
}

#[test]
fn counts_match_mentions() {
    let a = analysis();
    for e in &a.entities {
        for (doc, n) in &e.documents {
            let d = a.document(doc).expect("document");
            assert_eq!(d.mentions.iter().filter(|m| m.entity == e.id).count(), *n);
        }
    }
}

/// Fifty corrections made at random (a fixed seed) on the bundled corpus change only the names
/// they correct: every mention afterwards is the reader's, or one the engine made before that no
/// correction touches; the offsets stay sound. (What the tagger learns from corrections, and what
/// that does to other names, is tested in `tests/tagger.rs` and measured by
/// `qarin eval --conll … --random-corrections 50`.)
#[test]
fn fifty_random_corrections_leave_every_other_name_alone() {
    use qarin_engine::decisions::{apply, Decision};
    use qarin_engine::normalize::normalize;
    let a = analysis();
    let decisions = qarin_engine::decisions::random_corrections(a, 50, 0x5eed);
    assert_eq!(decisions.len(), 50);
    let touched: Vec<String> = decisions
        .iter()
        .map(|d| match d {
            Decision::Name { doc, start, end, .. } | Decision::NotName { doc, start, end } => {
                let text = &a.documents.iter().find(|x| x.id == *doc).unwrap().text;
                normalize(&text.chars().skip(*start).take(end - start).collect::<String>())
            }
            _ => unreachable!(),
        })
        .collect();
    let out = apply(a, &decisions);
    let mut kept = 0;
    for (before, after) in a.documents.iter().zip(&out.documents) {
        let chars: Vec<char> = after.text.chars().collect();
        for m in &after.mentions {
            assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
            assert_eq!(&after.text[m.byte_start..m.byte_end], m.text);
            if !m.by_user {
                let same = before.mentions.iter().find(|b| b.start == m.start && b.end == m.end).expect("an engine mention that was not there before");
                assert_eq!((same.kind, &same.text), (m.kind, &m.text));
                kept += 1;
            }
        }
        // An engine mention gone: a correction touched it (its words, or a span over it).
        for b in &before.mentions {
            let still = after.mentions.iter().any(|m| m.start == b.start && m.end == b.end && !m.by_user);
            let overlapped = after.mentions.iter().any(|m| m.by_user && m.start < b.end && b.start < m.end);
            assert!(still || overlapped || touched.contains(&normalize(&b.text)), "{:?} vanished untouched", b.text);
        }
    }
    assert!(kept > 100, "most of the engine's names stay: {kept}");
}
