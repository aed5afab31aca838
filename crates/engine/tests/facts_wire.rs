//! Shared wire copy: passages reused nearly word for word, with a word-level diff, reuse shares,
//! and speed on 200 articles.

use qarin_engine::model::DiffKind;
use qarin_engine::facts::wire::{detect, WireDoc};
use std::time::{Duration, Instant};

const AGENCY: &str = "أعلنت وزارة الدفاع الروسية اليوم أن أربع طائرات نقل عسكرية أقلعت من العاصمة متوجهة إلى موسكو وعلى متنها آخر وحدات قوات حفظ السلام وقيادتها مشيرة إلى أن الطيران العسكري سبق أن سحب عسكريي الدول الأخرى المنتمين إلى القوات.";

fn doc<'a>(id: &'a str, text: &'a str) -> WireDoc<'a> {
    WireDoc { id, text, boiler: Vec::new() }
}

#[test]
fn a_reused_passage_is_found_with_its_differences() {
    let a = format!("مقدمة كتبها المحرر الأول عن الوضع في البلاد.\n{AGENCY}\nخاتمة خاصة بهذا الموقع وحده.");
    // The same copy with one word changed (موسكو → روسيا), one word dropped (العسكري) and
    // hamza/teh marbuta spelled differently (اعلنت، وزارة → وزاره).
    let b_copy = AGENCY.replace("موسكو", "روسيا").replace("الطيران العسكري", "الطيران").replace("أعلنت وزارة", "اعلنت وزاره");
    let b = format!("نص مختلف تماما في البداية يتحدث عن الاقتصاد.\n{b_copy}");
    let (pairs, reuse) = detect(&[doc("a", &a), doc("b", &b)]);
    assert_eq!(pairs.len(), 1, "{pairs:#?}");
    let p = &pairs[0];
    assert_eq!((p.a.as_str(), p.b.as_str()), ("a", "b"));
    // Offsets are code points into each text and give back the passage.
    let slice = |t: &str, s: usize, e: usize| t.chars().skip(s).take(e - s).collect::<String>();
    assert_eq!(slice(&a, p.a_start, p.a_end), p.a_text);
    assert_eq!(slice(&b, p.b_start, p.b_end), p.b_text);
    assert!(p.a_text.starts_with("أعلنت وزارة الدفاع"), "{}", p.a_text);
    assert!(p.b_text.starts_with("اعلنت وزاره الدفاع"), "normalised forms match: {}", p.b_text);
    assert!(p.a_text.ends_with("المنتمين إلى القوات"), "{}", p.a_text);
    // The diff marks موسكو/روسيا as changed and العسكري as only in a.
    let changed: Vec<(String, String)> = p
        .diff
        .iter()
        .filter(|r| r.kind != DiffKind::Same)
        .map(|r| (slice(&a, r.a_start, r.a_end), slice(&b, r.b_start, r.b_end)))
        .collect();
    assert!(changed.contains(&("موسكو".to_string(), "روسيا".to_string())), "{changed:?}");
    assert!(changed.contains(&("العسكري".to_string(), String::new())), "{changed:?}");
    assert_eq!(changed.len(), 2, "{changed:?}");
    assert_eq!(p.a_words, p.same_words + 2);
    assert!(p.similarity > 0.9);
    // Reuse: most of b is the agency copy, a has its own introduction and ending.
    assert!(reuse["b"] > reuse["a"], "{reuse:?}");
    assert!(reuse["a"] > 0.5 && reuse["a"] < 0.9, "{reuse:?}");
}

#[test]
fn set_phrases_are_not_wire_copy() {
    let a = "أكد الرئيس أن قوات حفظ السلام التابعة لمنظمة معاهدة الأمن الجماعي ستغادر قريبا.";
    let b = "قال الوزير إن قوات حفظ السلام التابعة لمنظمة معاهدة الأمن الجماعي أنجزت مهمتها.";
    let (pairs, reuse) = detect(&[doc("a", a), doc("b", b)]);
    assert!(pairs.is_empty(), "{pairs:#?}");
    assert_eq!(reuse["a"], 0.0);
}

#[test]
fn boilerplate_is_not_counted() {
    let footer = "اشترك في قائمتنا البريدية للحصول على التحديثات الجديدة من موقعنا كل يوم وكل أسبوع دون انقطاع";
    let a = format!("خبر أول عن الانتخابات في المدينة.\n{footer}");
    let b = format!("خبر ثان عن الطقس في الجبال.\n{footer}");
    let start_a = a.find(footer).unwrap();
    let start_b = b.find(footer).unwrap();
    let da = WireDoc { id: "a", text: &a, boiler: vec![(start_a, a.len())] };
    let db = WireDoc { id: "b", text: &b, boiler: vec![(start_b, b.len())] };
    let (pairs, _) = detect(&[da.clone(), db.clone()]);
    assert!(pairs.is_empty());
    // Without the boilerplate marks the footer would be shared.
    let (pairs, _) = detect(&[doc("a", &a), doc("b", &b)]);
    assert_eq!(pairs.len(), 1);
}

/// CPU time of this thread (Linux), else `None`: the machine running the tests may be shared, so
/// the limits below are on the work done, not on the wall clock.
fn thread_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok().map(Duration::from_nanos)
}

/// Run `f`, returning its result, the wall time and (when known) the thread's CPU time.
fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration, Option<Duration>) {
    let (c0, t0) = (thread_cpu(), Instant::now());
    let out = f();
    let wall = t0.elapsed();
    let cpu = match (c0, thread_cpu()) {
        (Some(a), Some(b)) => Some(b.saturating_sub(a)),
        _ => None,
    };
    (out, wall, cpu)
}

/// A deterministic pseudo-random generator (no dependencies).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

fn corpus_sentences() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut sentences: Vec<String> = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    names.sort();
    for p in names {
        let t = std::fs::read_to_string(&p).unwrap();
        sentences.extend(t.split(['.', '\n']).map(str::trim).filter(|s| s.len() > 40).map(str::to_string));
    }
    sentences
}

#[test]
fn two_hundred_articles_in_twenty_stories_are_fast() {
    // The usual case: 20 stories of 10 articles; each article reuses some of its story's agency
    // sentences and is otherwise its own prose (here: corpus words in a random order).
    let sentences = corpus_sentences();
    let vocabulary: Vec<&str> = sentences.iter().flat_map(|s| s.split_whitespace()).collect();
    let mut rng = Lcg(11);
    let mut texts = Vec::new();
    let words = |n: usize, rng: &mut Lcg| (0..n).map(|_| vocabulary[rng.next() % vocabulary.len()]).collect::<Vec<_>>().join(" ");
    for _story in 0..20 {
        // Each story's agency copy: a few sentences of its own.
        let wire: Vec<String> = (0..6).map(|_| words(30, &mut rng)).collect();
        for _ in 0..10 {
            let mut t = String::new();
            while t.len() < 5000 {
                if matches!(rng.next() % 4, 0) {
                    t.push_str(&wire[rng.next() % wire.len()]);
                } else {
                    t.push_str(&words(25, &mut rng));
                }
                t.push_str(". ");
            }
            texts.push(t);
        }
    }
    let ids: Vec<String> = (0..texts.len()).map(|i| format!("d{i}")).collect();
    let docs: Vec<WireDoc> = texts.iter().zip(&ids).map(|(t, id)| doc(id, t)).collect();
    let ((pairs, reuse), wall, cpu) = timed(|| detect(&docs));
    let took = cpu.unwrap_or(wall);
    println!("wire (20 stories): {} articles, {} KB, {} passages, cpu {cpu:?}, wall {wall:?}", docs.len(), texts.iter().map(String::len).sum::<usize>() / 1024, pairs.len());
    // Articles of one story share passages; articles of different stories share none.
    assert!(!pairs.is_empty());
    assert!(pairs.iter().all(|p| p.a[1..].parse::<usize>().unwrap() / 10 == p.b[1..].parse::<usize>().unwrap() / 10), "no passage across stories");
    assert!(reuse.values().any(|s| *s > 0.0));
    let limit = if cfg!(debug_assertions) { 10.0 } else { 0.5 };
    assert!(took.as_secs_f64() < limit, "took {took:?}");
}

#[test]
fn two_hundred_articles_of_five_kilobytes_are_fast() {
    // The worst case: sentences of the bundled corpus mixed into 200 articles of about 5 KB, so
    // that nearly every pair of articles shares passages (tens of thousands of them).
    let sentences = corpus_sentences();
    assert!(sentences.len() > 50);
    let mut rng = Lcg(7);
    let texts: Vec<String> = (0..200)
        .map(|i| {
            let mut t = format!("مقال رقم {i} ");
            while t.len() < 5000 {
                let s = &sentences[rng.next() % sentences.len()];
                // Own words now and then, so that not everything is shared.
                if matches!(rng.next() % 3, 0) {
                    t.push_str(&format!("كلمة{} ", rng.next() % 1000));
                }
                t.push_str(s);
                t.push_str(". ");
            }
            t
        })
        .collect();
    let ids: Vec<String> = (0..200).map(|i| format!("d{i}")).collect();
    let docs: Vec<WireDoc> = texts.iter().zip(&ids).map(|(t, id)| doc(id, t)).collect();
    let ((pairs, reuse), wall, cpu) = timed(|| detect(&docs));
    let took = cpu.unwrap_or(wall);
    println!("wire (worst case): {} articles, {} KB, {} passages, cpu {cpu:?}, wall {wall:?}", docs.len(), texts.iter().map(String::len).sum::<usize>() / 1024, pairs.len());
    assert!(!pairs.is_empty());
    assert_eq!(reuse.len(), 200);
    // Under a second natively in release builds even here; debug builds are several times slower.
    let limit = if cfg!(debug_assertions) { 20.0 } else { 1.0 };
    assert!(took.as_secs_f64() < limit, "took {took:?}");
}

#[test]
fn many_copies_of_one_article_make_one_pair_each() {
    // Four hundred copies of one agency text (the trap of #13: every pair was aligned and the
    // page ran out of memory). Each copy is reported once, as a copy of the first.
    let text = format!("{AGENCY}\n{AGENCY}").replace("\n", " ثم ");
    let ids: Vec<String> = (0..400).map(|i| format!("c{i}")).collect();
    let docs: Vec<WireDoc> = ids.iter().map(|id| doc(id, &text)).collect();
    let (pairs, reuse) = detect(&docs);
    assert_eq!(pairs.len(), 399, "one pair per copy");
    assert!(pairs.iter().all(|p| p.a == "c0" && p.similarity == 1.0), "{:?}", &pairs[..2]);
    assert!(reuse.values().all(|&r| r == 1.0), "every copy is wholly reused");
}

#[test]
fn near_copies_are_bounded_by_partners() {
    // Three hundred near copies (each with its own number word changed): each article is aligned
    // with at most MAX_PARTNERS others, and every article is still found to be reused.
    let n = 300;
    let texts: Vec<String> = (0..n).map(|i| format!("{AGENCY} وقال المتحدث إن العدد بلغ {i} جنديا في المجموع حتى الآن. {AGENCY}")).collect();
    let ids: Vec<String> = (0..n).map(|i| format!("n{i}")).collect();
    let docs: Vec<WireDoc> = texts.iter().zip(&ids).map(|(t, id)| doc(id, t)).collect();
    let (pairs, reuse) = detect(&docs);
    let mut per: std::collections::HashMap<&str, usize> = Default::default();
    for p in &pairs {
        *per.entry(p.a.as_str()).or_default() += 1;
    }
    assert!(per.values().all(|&k| k <= qarin_engine::facts::wire::MAX_PARTNERS), "{per:?}");
    assert!(pairs.len() >= n - 1, "{}", pairs.len());
    assert!(reuse.values().all(|&r| r > 0.9), "{reuse:?}");
}
