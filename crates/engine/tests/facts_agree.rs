//! Agreement on small hand-made articles: grouping, agree / conflict / single, names that
//! disagree, quotes, offsets, the JSON shape and the CSV.

use qarin_engine::model::{Fact, FactKind, FactsReport, Status};
use qarin_engine::export::facts_to_csv;
use qarin_engine::facts::extract;
use qarin_engine::{analyze, Document};

fn doc(id: &str, date: &str, text: &str) -> Document {
    Document { id: id.into(), file: format!("{id}.txt"), title: id.into(), date: date.into(), text: text.into(), ..Default::default() }
}

fn report(docs: &[Document]) -> FactsReport {
    extract(&analyze(docs), docs)
}

/// The row holding a value written exactly `text` in document `doc`.
fn row<'r>(r: &'r FactsReport, doc: &str, text: &str) -> &'r Fact {
    r.facts
        .iter()
        .find(|f| f.values.iter().any(|v| v.document == doc && v.text == text))
        .unwrap_or_else(|| panic!("no row with «{text}» in {doc}: {:#?}", r.facts.iter().map(|f| (&f.id, f.values.iter().map(|v| (&v.document, &v.text)).collect::<Vec<_>>())).collect::<Vec<_>>()))
}

fn docs_of(f: &Fact) -> Vec<&str> {
    f.documents()
}

const A: &str = "أعلن الجيش أن انسحاب القوات سيبدأ خلال يومين ولن يستغرق أكثر من 10 أيام. وتضم القوة 300 جندي.";
const B: &str = "وقال المتحدث إن القوات ستبدأ الانسحاب في غضون يومين، وسيستمر الانسحاب عشرة أيام. وتضم القوة ثلاثمئة عنصر.";
const C: &str = "وتضم القوة 500 عنصر بحسب مصادر محلية. وسيبدأ انسحاب القوات خلال ثلاثة أيام. وقتل 5 أشخاص في اشتباكات.";

#[test]
fn same_values_in_digits_and_words_agree() {
    let r = report(&[doc("a", "", A), doc("b", "", B)]);
    let troops = row(&r, "a", "300 جندي");
    assert_eq!(troops.status, Status::Agree, "{troops:#?}");
    assert_eq!(docs_of(troops), ["a", "b"]);
    assert!(troops.values.iter().any(|v| v.text == "ثلاثمئة عنصر"));
    let until = row(&r, "a", "خلال يومين");
    assert_eq!(until.status, Status::Agree);
    assert_eq!(docs_of(until), ["a", "b"]);
    assert_eq!(until.event.map(|e| e.code()), Some("withdrawal"));
    // "no more than 10 days" and "ten days" of the same withdrawal.
    let length = row(&r, "a", "أكثر من 10 أيام");
    assert_eq!(length.status, Status::Agree, "{length:#?}");
    assert!(length.values.iter().any(|v| v.document == "b" && v.text == "عشرة أيام"));
    // The time until and the length are two rows.
    assert_ne!(until.id, length.id);
}

#[test]
fn different_values_conflict_and_lone_values_are_single() {
    let r = report(&[doc("a", "", A), doc("b", "", B), doc("c", "", C)]);
    let troops = row(&r, "c", "500 عنصر");
    assert_eq!(troops.status, Status::Conflict);
    assert_eq!(docs_of(troops), ["a", "b", "c"]);
    let until = row(&r, "c", "خلال ثلاثة أيام");
    assert_eq!(until.status, Status::Conflict, "2 days vs 3 days: {until:#?}");
    let killed = row(&r, "c", "5 أشخاص");
    assert_eq!(killed.status, Status::Single);
    assert_eq!(killed.class, "killed");
    // Conflicts come first.
    let first_non_conflict = r.facts.iter().position(|f| f.status != Status::Conflict).unwrap();
    assert!(r.facts[..first_non_conflict].iter().all(|f| f.status == Status::Conflict));
    assert!(r.facts[first_non_conflict..].iter().all(|f| f.status != Status::Conflict));
}

#[test]
fn vague_and_qualified_values() {
    let r = report(&[
        doc("a", "", "أدت الاشتباكات إلى سقوط عشرات القتلى."),
        doc("b", "", "أسفرت الاشتباكات عن 17 قتيلا."),
        doc("c", "", "أسفرت الاشتباكات عن 50 قتيلا."),
    ]);
    let killed = row(&r, "a", "عشرات القتلى");
    // Dozens (20–100) fits 50 but not 17.
    assert_eq!(killed.status, Status::Conflict);
    let r = report(&[doc("a", "", "أدت الاشتباكات إلى سقوط عشرات القتلى."), doc("c", "", "أسفرت الاشتباكات عن 50 قتيلا.")]);
    assert_eq!(row(&r, "a", "عشرات القتلى").status, Status::Agree);

    let r = report(&[doc("a", "", "أصيب نحو 1000 شخص في المواجهات."), doc("b", "", "أصيب 1050 شخصا في المواجهات.")]);
    assert_eq!(row(&r, "a", "نحو 1000 شخص").status, Status::Agree);
    let r = report(&[doc("a", "", "أصيب أكثر من 1000 شخص في المواجهات."), doc("b", "", "أصيب 900 شخص في المواجهات.")]);
    assert_eq!(row(&r, "a", "أكثر من 1000 شخص").status, Status::Conflict);
    let r = report(&[doc("a", "", "أصيب أكثر من 1000 شخص في المواجهات."), doc("b", "", "أصيب 1300 شخص في المواجهات.")]);
    assert_eq!(row(&r, "a", "أكثر من 1000 شخص").status, Status::Agree);
}

#[test]
fn numbers_without_an_event_never_conflict() {
    // Two time spans nothing ties together: each is its own row.
    let r = report(&[doc("a", "", "وقال إنه أمضى 3 أيام هناك."), doc("b", "", "وقال إنه أمضى 5 أيام هناك.")]);
    let x = row(&r, "a", "3 أيام");
    let y = row(&r, "b", "5 أيام");
    assert_ne!(x.id, y.id);
    assert_eq!((x.status, y.status), (Status::Single, Status::Single));
}

#[test]
fn dates_resolve_against_datelines_and_agree_or_conflict() {
    let r = report(&[
        doc("a", "2022-01-11", "وأُرسلت القوات إلى البلاد في 6 يناير الجاري."),
        doc("b", "", "وأُرسلت القوات إلى البلاد في السادس من كانون الثاني."),
        doc("c", "", "وأُرسلت القوات إلى البلاد في 9 كانون الثاني/يناير."),
    ]);
    let d = row(&r, "a", "6 يناير");
    assert_eq!(d.kind, FactKind::Date);
    assert_eq!(d.values[0].value.as_str(), Some("2022-01-06"));
    assert_eq!(d.status, Status::Conflict, "6 vs 9 January: {d:#?}");
    let r = report(&[doc("a", "2022-01-11", "وأُرسلت القوات إلى البلاد في 6 يناير الجاري."), doc("b", "", "وأُرسلت القوات إلى البلاد في السادس من كانون الثاني.")]);
    let d = row(&r, "b", "السادس من كانون الثاني");
    assert_eq!(d.status, Status::Agree);
    assert_eq!(d.values[1].value.as_str(), Some("--01-06"));
    // A weekday agrees with a date that fell on it (11 January 2022 was a Tuesday).
    let r = report(&[doc("a", "2022-01-13", "وبدأ انسحاب القوات يوم الثلاثاء."), doc("b", "", "وبدأ انسحاب القوات يوم الثلاثاء الماضي.")]);
    let d = row(&r, "a", "يوم الثلاثاء");
    assert_eq!(d.values[0].value.as_str(), Some("2022-01-11"));
    assert_eq!(d.values[1].value.as_str(), Some("-W-2"));
    assert!(d.values[1].relative);
    assert_eq!(d.status, Status::Agree);
    let r = report(&[doc("a", "2022-01-13", "وبدأ انسحاب القوات يوم الثلاثاء."), doc("b", "", "وبدأ انسحاب القوات يوم الأربعاء الماضي.")]);
    assert_eq!(row(&r, "a", "يوم الثلاثاء").status, Status::Conflict);
}

#[test]
fn statement_dates_are_not_event_dates() {
    // Tuesday is when he spoke, not when the withdrawal starts.
    let r = report(&[doc("a", "", "وقال الرئيس للبرلمان، الثلاثاء، إن القوات ستبدأ الانسحاب خلال يومين.")]);
    assert!(r.facts.iter().all(|f| f.kind != FactKind::Date), "{:#?}", r.facts);
}

#[test]
fn given_names_that_differ_are_a_name_conflict() {
    let r = report(&[
        doc("a", "", "وقاد القوات الجنرال أناتولي سيرديوكوف الذي قال إن المهمة انتهت."),
        doc("b", "", "وقال الجنرال الروسي أندري سيرديوكوف إن المهمة انتهت."),
        doc("c", "", "وأكد الرئيس قاسم جومرت توكاييف أن الوضع مستقر."),
        doc("d", "", "وأكد الرئيس قاسم جومارت توكاييف أن الوضع مستقر."),
    ]);
    let names: Vec<&Fact> = r.facts.iter().filter(|f| f.kind == FactKind::Name).collect();
    assert_eq!(names.len(), 1, "spelling variants are no conflict: {names:#?}");
    let n = names[0];
    assert_eq!(n.status, Status::Conflict);
    let given: Vec<(&str, &str)> = n.values.iter().map(|v| (v.document.as_str(), v.value.as_str().unwrap())).collect();
    assert_eq!(given, [("a", "أناتولي"), ("b", "أندري")]);
}

#[test]
fn quotes_are_attributed() {
    let text = "وقال الوزير سيرغي لافروف إن \"المحادثات كانت مثمرة جدا وبناءة\"، وأضاف: \"سنواصل العمل مع شركائنا\".\nمن جانبها قالت المتحدثة باسم الخارجية ماريا زاخاروفا في تصريح صحفي إن موسكو لن تتراجع.\nونقلت وكالة سبوتنيك عن لافروف قوله: نحن مستعدون للحوار.";
    let d = doc("q", "", text);
    let r = report(std::slice::from_ref(&d));
    let q: Vec<(&str, &str, bool, bool)> = r.quotes.iter().map(|q| (q.speaker.as_str(), q.text.as_str(), q.direct, q.continuation)).collect();
    assert!(q.contains(&("سيرغي لافروف", "المحادثات كانت مثمرة جدا وبناءة", true, false)), "{q:#?}");
    assert!(q.contains(&("سيرغي لافروف", "سنواصل العمل مع شركائنا", true, true)), "{q:#?}");
    assert!(q.contains(&("ماريا زاخاروفا", "موسكو لن تتراجع", false, false)), "{q:#?}");
    assert!(q.contains(&("لافروف", "نحن مستعدون للحوار", true, false)), "{q:#?}");
    // The two Lavrov quotes are one entity.
    let lavrov: Vec<&str> = r.quotes.iter().filter(|q| q.speaker.contains("لافروف")).map(|q| q.entity.as_str()).collect();
    assert!(lavrov.len() == 3 && lavrov.iter().all(|e| *e == lavrov[0]), "{lavrov:?}");
    // Offsets give back the text.
    for q in &r.quotes {
        let by_chars: String = text.chars().skip(q.start).take(q.end - q.start).collect();
        assert_eq!(by_chars, q.text);
        let speaker: String = text.chars().skip(q.speaker_start).take(q.speaker_end - q.speaker_start).collect();
        assert_eq!(speaker, q.speaker);
    }
}

#[test]
fn continuations_are_conservative() {
    let text = "وأكد الرئيس فلاديمير بوتين أن المفاوضات مستمرة، بينما قال وزير الخارجية إن الرد سيكون حازما.\nوأشار إلى أن الحوار ممكن.";
    let r = report(&[doc("q", "", text)]);
    let q: Vec<(&str, &str, bool)> = r.quotes.iter().map(|q| (q.speaker.as_str(), q.text.as_str(), q.continuation)).collect();
    assert!(q.contains(&("فلاديمير بوتين", "المفاوضات مستمرة", false)), "{q:#?}");
    // "while the foreign minister said": somebody else, not named, so no quote.
    assert!(q.iter().all(|x| !x.1.contains("الرد سيكون")), "{q:#?}");
    // And "he pointed out" after it may be the minister: not given to Putin.
    assert!(q.iter().all(|x| !x.1.contains("الحوار ممكن")), "{q:#?}");
}

#[test]
fn offsets_point_into_the_original_text() {
    let docs = [doc("a", "", A), doc("b", "", B), doc("c", "", C)];
    let r = report(&docs);
    assert!(!r.facts.is_empty());
    for f in &r.facts {
        for v in &f.values {
            let t = &docs.iter().find(|d| d.id == v.document).unwrap().text;
            let by_chars: String = t.chars().skip(v.start).take(v.end - v.start).collect();
            assert_eq!(by_chars, v.text);
            assert_eq!(&t[v.byte_start..v.byte_end], v.text);
        }
    }
}

#[test]
fn json_matches_the_export_schema() {
    let r = report(&[doc("a", "", A), doc("b", "", B)]);
    let v = serde_json::to_value(&r).unwrap();
    for key in ["facts", "quotes", "wire", "reuse"] {
        assert!(v.get(key).is_some(), "{key}");
    }
    for f in v["facts"].as_array().unwrap() {
        for key in ["id", "kind", "topic", "status", "values"] {
            assert!(f.get(key).is_some(), "{key} in {f}");
        }
        assert!(["quantity", "date", "name"].contains(&f["kind"].as_str().unwrap()));
        assert!(["agree", "conflict", "single"].contains(&f["status"].as_str().unwrap()));
        for val in f["values"].as_array().unwrap() {
            for key in ["document", "value", "text", "start", "end"] {
                assert!(val.get(key).is_some(), "{key} in {val}");
            }
            assert!(val.get("byte_start").is_none());
            match f["kind"].as_str().unwrap() {
                "quantity" => assert!(val["value"].is_number(), "{val}"),
                _ => assert!(val["value"].is_string(), "{val}"),
            }
        }
    }
    let troops = v["facts"].as_array().unwrap().iter().find(|f| f["class"] == "personnel").unwrap();
    assert_eq!(troops["values"][0]["value"], serde_json::json!(300));
    // And it reads back.
    let back: FactsReport = serde_json::from_value(v).unwrap();
    assert_eq!(back.facts.len(), r.facts.len());
    assert_eq!(back.facts[0].values[0].value, r.facts[0].values[0].value);
}

#[test]
fn csv_has_a_column_per_document() {
    let docs = [doc("a", "", A), doc("b", "", B), doc("c", "", C)];
    let a = analyze(&docs);
    let r = report(&docs);
    assert_eq!(a.facts, r.facts, "the pipeline's facts are those extracted from its analysis");
    let csv = facts_to_csv(&a, &|f| (format!("en:{}", f.id), format!("ar:{}", f.id)));
    assert!(csv.starts_with('\u{FEFF}'));
    let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], "id,kind,label,label_ar,status,a,b,c");
    assert_eq!(lines.len(), r.facts.len() + 1);
    let troops = lines.iter().find(|l| l.contains("300 جندي")).unwrap();
    assert!(troops.contains("conflict"));
    let id = troops.split(',').next().unwrap();
    assert!(troops.starts_with(&format!("{id},quantity,en:{id},ar:{id},conflict,")), "{troops}");
    assert!(troops.contains("300 جندي [300]") && troops.contains("ثلاثمئة عنصر [300]") && troops.contains("500 عنصر [500]"), "{troops}");
}

#[test]
fn odd_input_does_not_break_anything() {
    let texts = [
        "",
        "   \n\n  ",
        "«»“”\"\" :: ، ،",
        "قال: «",
        "وقال الوزير إن \"\" ثم",
        "١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩٠ ألف مليون مليار",
        "31 فبراير 2022، 0 يناير، 99 ديسمبر",
        "1,2,3,4 و5.6.7 و٫٫ و٬٬",
        "يومين يومين يومين. عشرات عشرات. أكثر من",
        "بـ", "و", "في غضون",
        "2022ء 2022م 1443هـ",
        "الجمعة الجمعة، الأحد، السبت الماضي الخميس المقبل",
    ];
    let docs: Vec<Document> = texts.iter().enumerate().map(|(i, t)| doc(&format!("t{i}"), if i % 2 == 0 { "2022-01-11" } else { "" }, t)).collect();
    let r = report(&docs);
    for f in &r.facts {
        for v in &f.values {
            let t = &docs.iter().find(|d| d.id == v.document).unwrap().text;
            assert_eq!(&t[v.byte_start..v.byte_end], v.text);
        }
    }
    for q in &r.quotes {
        assert!(!q.text.is_empty());
    }
}
