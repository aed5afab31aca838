//! Facts on the bundled corpus (`corpus/`), checked against what the five articles say. Each
//! expectation below was verified by reading the articles (the sentence is quoted next to it).

use qarin_engine::input::corpus::load_dir;
use qarin_engine::model::{Fact, FactKind, FactsReport, Qualifier, Status};
use qarin_engine::facts::extract;
use qarin_engine::{analyze, Analysis, Document};
use std::path::Path;
use std::sync::OnceLock;

const D0: &str = "000_671904eb4ced40ec";
const D1: &str = "001_2f2ea773e45e3e65";
const D2: &str = "002_132c0a85b4a80d22";
const D3: &str = "003_e0beab72f67cb9a6";
const D4: &str = "004_92923d39de616abf";

fn corpus() -> &'static (Vec<Document>, Analysis, FactsReport) {
    static C: OnceLock<(Vec<Document>, Analysis, FactsReport)> = OnceLock::new();
    C.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let docs = load_dir(&dir).expect("bundled corpus loads");
        let a = analyze(&docs);
        let r = extract(&a, &docs);
        (docs, a, r)
    })
}

fn report() -> &'static FactsReport {
    &corpus().2
}

fn row(doc: &str, text: &str) -> &'static Fact {
    report()
        .facts
        .iter()
        .find(|f| f.values.iter().any(|v| v.document == doc && v.text == text))
        .unwrap_or_else(|| panic!("no row with «{text}» in {doc}"))
}

/// (document, text as written, number) of a quantity row, in order.
fn numbers(f: &Fact) -> Vec<(&str, &str, f64)> {
    f.values.iter().map(|v| (&v.document[..3], v.text.as_str(), v.value.as_f64().unwrap())).collect()
}

fn entity_of(text: &str) -> String {
    let a = &corpus().1;
    a.documents.iter().flat_map(|d| &d.mentions).find(|m| m.text == text).map(|m| m.entity.clone()).unwrap()
}

#[test]
fn troop_strength_conflicts() {
    // 002: «كتيبة تابعة لمنظمة معاهدة الأمن الجماعي، تضمّ 2030 جندياً من روسيا …»
    // 003: «وأُرسلت القوة المتعددة الجنسيات وقوامها 2000 عنصر إلى كازاخستان»
    let f = row(D2, "2030 جندياً");
    assert_eq!(f.status, Status::Conflict);
    assert_eq!(f.class, "personnel");
    assert_eq!(numbers(f), [("002", "2030 جندياً", 2030.0), ("003", "2000 عنصر", 2000.0)]);
}

#[test]
fn withdrawal_starts_within_two_days_in_four_articles() {
    // 001 «ستغادر البلاد خلال يومين», «سيبدأ في غضون يومين» (twice); 002 «ستبدأ سحب قواتها من
    // بلاده في غضون يومين»; 003 «خلال يومين» (title), «ستبدأ مغادرة هذا البلد … في غضون يومين»,
    // «في غضون يومين سيبدأ انسحاب تدريجي»; 004 «وخلال يومين سيبدأ الانسحاب التدريجي».
    let f = row(D2, "في غضون يومين");
    assert_eq!(f.status, Status::Agree);
    let texts: Vec<&str> = f.values.iter().map(|v| v.text.as_str()).collect();
    assert_eq!(texts, ["خلال يومين", "في غضون يومين", "في غضون يومين", "في غضون يومين", "خلال يومين", "في غضون يومين", "في غضون يومين", "يومين"]);
    assert_eq!(f.event.map(|e| e.code()), Some("withdrawal"));
    assert_eq!(f.documents(), [D1, D2, D3, D4]);
    assert_eq!(f.values.iter().filter(|v| v.document == D1).count(), 3);
    assert_eq!(f.values.iter().filter(|v| v.document == D3).count(), 3);
    assert!(f.values.iter().all(|v| v.value.as_f64() == Some(2.0) && v.unit.as_deref() == Some("day")));
}

#[test]
fn withdrawal_takes_at_most_ten_days_in_four_articles() {
    // 001 «ولن يستغرق ذلك أكثر من 10 أيام»; 002 «ستغادر … بشكل كامل خلال مدة عشرة أيام»;
    // 003 «الانسحاب لن يستغرق أكثر من عشرة أيام», «ولن تستغرق عملية انسحاب الكتيبة أكثر من عشرة
    // أيام»; 004 «وأن عملية انسحاب القوات لن تستغرق أكثر من 10 أيام».
    let f = row(D2, "عشرة أيام");
    assert_eq!(f.status, Status::Agree);
    assert_eq!(f.documents(), [D1, D2, D3, D4]);
    assert!(f.values.iter().all(|v| v.value.as_f64() == Some(10.0)));
    // "will not take more than" is at most.
    for v in f.values.iter().filter(|v| v.text.starts_with("أكثر من")) {
        assert_eq!(v.qualifier, Some(Qualifier::AtMost), "{}", v.text);
    }
    assert_ne!(f.id, row(D2, "في غضون يومين").id);
}

#[test]
fn ages_are_single_and_belong_to_their_person() {
    // 003: «نور سلطان نزارباييف … أكد أن الرجل البالغ 81 عاماً»; 002: «وشغل إسماعيلوف، 49 عاماً،».
    let f = row(D3, "81 عاماً");
    assert_eq!((f.status, f.class.as_str()), (Status::Single, "age"));
    assert_eq!(f.entity.as_deref(), Some(entity_of("نور سلطان نزارباييف").as_str()));
    let f = row(D2, "49 عاماً");
    assert_eq!((f.status, f.class.as_str()), (Status::Single, "age"));
    assert_eq!(f.entity.as_deref(), Some(entity_of("علي خان إسماعيلوف").as_str()));
}

#[test]
fn serdyukov_given_name_conflicts_and_tokayev_spellings_do_not() {
    // 000 «الفريق أناتولي سيرديوكوف»; 002 «الجنرال الروسي أندري سيرديوكوف». Tokayev is written
    // جومارت and جومرت: a spelling variant, not a conflict.
    let names: Vec<&Fact> = report().facts.iter().filter(|f| f.kind == FactKind::Name).collect();
    assert_eq!(names.len(), 1);
    let f = names[0];
    assert_eq!(f.status, Status::Conflict);
    let given: Vec<(&str, &str)> = f.values.iter().map(|v| (&v.document[..3], v.value.as_str().unwrap())).collect();
    assert_eq!(given, [("000", "أناتولي"), ("002", "أندري")]);
    // The two are suggested as one person, not merged: the conflict names one of them.
    let (anatoly, andrei) = (entity_of("أناتولي سيرديوكوف"), entity_of("أندري سيرديوكوف"));
    assert_ne!(anatoly, andrei);
    let a = &corpus().1;
    assert!(a.suggestions.iter().any(|s| [&s.a, &s.b] == [&anatoly, &andrei] || [&s.a, &s.b] == [&andrei, &anatoly]), "{:?}", a.suggestions);
    assert!([anatoly, andrei].contains(&f.entity.clone().unwrap()));
}

#[test]
fn casualties_and_population() {
    // 002 «أدت إلى سقوط عشرات القتلى»; 003 «وأودت بالعشرات»: both dozens.
    let f = row(D2, "عشرات القتلى");
    assert_eq!((f.status, f.class.as_str()), (Status::Agree, "killed"));
    assert_eq!(f.documents(), [D2, D3]);
    assert!(f.values.iter().all(|v| v.vague && v.value.as_f64() == Some(10.0)));
    // 001 «قُتل 17 من رجال الأمن»: security forces only, its own row.
    let f = row(D1, "17 من رجال الأمن");
    assert_eq!((f.status, f.class.as_str()), (Status::Single, "killed"));
    // 001 «نحو 1000 شخص أصيبوا» (UN), «وأصيب أكثر من 1300 آخرين» (ministry); 004 «وإصابة المئات».
    let f = row(D1, "نحو 1000 شخص");
    assert_eq!(f.class, "injured");
    assert_eq!(numbers(f), [("001", "نحو 1000 شخص", 1000.0), ("001", "أكثر من 1300 آخرين", 1300.0), ("004", "المئات", 100.0)]);
    // "about 1000" and "hundreds" can both be true.
    assert_eq!(f.status, Status::Agree);
    // 002 «البالغ عدد سكانها 19 مليون نسمة».
    let f = row(D2, "19 مليون نسمة");
    assert_eq!((f.status, f.class.as_str()), (Status::Single, "population"));
    assert_eq!(f.values[0].value.as_f64(), Some(19e6));
    assert_eq!(f.entity.as_deref(), Some(entity_of("كازاخستان").as_str()));
}

#[test]
fn dates() {
    let r = report();
    // 004's dateline «11 كانون الثاني 2022ء» (and its metadata date).
    assert_eq!(r.datelines.get(D4).map(String::as_str), Some("2022-01-11"));
    assert_eq!(r.datelines.len(), 1);
    // 002 «أُرسلت … في السادس من يناير/كانون الثاني» (no year: --01-06); 003 «وأُرسلت القوة …
    // الأسبوع الماضي»; 000 «ووصلت قوات حفظ السلام … أوائل الشهر الجاري»: no contradiction.
    let f = row(D2, "السادس من يناير/كانون الثاني");
    assert_eq!(f.event.map(|e| e.code()), Some("deployment"));
    assert_eq!(f.values.iter().find(|v| v.document == D2).unwrap().value.as_str(), Some("--01-06"));
    assert_eq!(f.status, Status::Agree);
    assert!(f.values.iter().any(|v| v.document == D0 && v.text == "أوائل الشهر الجاري" && v.relative));
    // 001 «بدأت في الأيام الأولى من عام 2022»; 004 «منذ الأيام الأولى للعام الجاري» (resolved with
    // the dateline to 2022); 003 «الاحتجاجات التي اندلعت الأسبوع الماضي».
    let f = row(D1, "عام 2022");
    assert_eq!(f.topic, qarin_engine::Topic::Date { event: Some(qarin_engine::Frame::Unrest), aspect: qarin_engine::Aspect::Start });
    assert_eq!(f.status, Status::Agree);
    let v4 = f.values.iter().find(|v| v.document == D4).unwrap();
    assert_eq!((v4.text.as_str(), v4.value.as_str(), v4.relative), ("للعام الجاري", Some("2022"), false));
    // 003 «يوم 10 كانون الثاني / يناير يوم حداد وطني».
    let f = row(D3, "يوم 10 كانون الثاني / يناير");
    assert_eq!((f.event.map(|e| e.code()), f.values[0].value.as_str()), (Some("mourning"), Some("--01-10")));
    // 004 «في 9 كانون الثاني/ يناير»: the year comes from the dateline.
    assert_eq!(row(D4, "9 كانون الثاني/ يناير").values[0].value.as_str(), Some("2022-01-09"));
    // 003 «من 16 إلى 17 يونيو 2004»: an interval.
    assert_eq!(row(D3, "16 إلى 17 يونيو 2004").values[0].value.as_str(), Some("2004-06-16/2004-06-17"));
    // 002 «قال للبرلمان، الثلاثاء، إن …»: the date of a statement is no fact of its own.
    assert!(r.facts.iter().flat_map(|f| &f.values).filter(|v| v.document == D2 && v.text == "الثلاثاء").count() == 1, "only the appointment vote's Tuesday");
}

#[test]
fn only_two_conflicts() {
    // Reading the five articles, they disagree on the troop strength and on Serdyukov's given
    // name; nothing else they report contradicts another article.
    let conflicts: Vec<&str> = report().facts.iter().filter(|f| f.status == Status::Conflict).map(|f| f.class.as_str()).collect();
    assert_eq!(conflicts, ["personnel", "given_name"]);
}

#[test]
fn quotes_of_the_corpus() {
    let q = &report().quotes;
    let find = |doc: &str, text_start: &str| q.iter().find(|x| x.document == doc && x.text.starts_with(text_start)).unwrap_or_else(|| panic!("no quote «{text_start}…» in {doc}"));
    // 002 «وقال الجنرال الروسي أندري سيرديوكوف إن "عملية حفظ السلام انتهت (...) المهام أُنجزت"».
    let s = find(D2, "عملية حفظ السلام انتهت");
    assert_eq!((s.speaker.as_str(), s.direct, s.continuation), ("أندري سيرديوكوف", true, false));
    assert_eq!(s.entity, entity_of("أندري سيرديوكوف"));
    // 002 Peskov: «…"، في إشارة إلى كازاخستان، وأضاف: "هذا نتيجة تحليلهم…"» — a continuation.
    let p = find(D2, "هذا نتيجة تحليلهم");
    assert_eq!((p.speaker.as_str(), p.continuation), ("ديمتري بيسكوف", true));
    // 004 «وتابع: " في وقت قصير …"» continues Shoigu.
    let t = find(D4, "في وقت قصير");
    assert_eq!((t.entity.as_str(), t.verb.as_str(), t.continuation), (entity_of("سيرغي شويغو").as_str(), "وتابع", true));
    // 001 «وقال ستانو: «من المهم …»».
    let st = find(D1, "من المهم أن نرى");
    assert_eq!((st.speaker.as_str(), st.direct), ("ستانو", true));
    // 001 «ونقلت وكالة «نوفوستي» عن فولودين قوله أمس في بيان: نسمع من واشنطن …»: the speaker is
    // Volodin, not the agency.
    assert_eq!(find(D1, "نسمع من واشنطن").speaker, "فولودين");
    // 002 «وأضاف: "هذا …"» is not attributed to the country named before the comma.
    assert!(q.iter().all(|x| !x.entity.starts_with("loc-") || x.verb.ends_with("أكدت")), "{:?}", q.iter().filter(|x| x.entity.starts_with("loc-")).collect::<Vec<_>>());
    // Offsets.
    let docs = &corpus().0;
    for x in q {
        let t = &docs.iter().find(|d| d.id == x.document).unwrap().text;
        assert_eq!(t.chars().skip(x.start).take(x.end - x.start).collect::<String>(), x.text);
        assert_eq!(&t[x.byte_start..x.byte_end], x.text);
    }
}

#[test]
fn no_wire_copy_in_the_corpus() {
    // The longest word run two of these articles share is the set phrase «قوات حفظ السلام التابعة
    // لمنظمة معاهدة الأمن الجماعي» (eight words): no agency passage is reused verbatim.
    let r = report();
    assert!(r.wire.is_empty(), "{:#?}", r.wire);
    assert_eq!(r.reuse.len(), 5);
    assert!(r.reuse.values().all(|s| *s == 0.0));
}

#[test]
fn every_value_points_into_its_article() {
    let docs = &corpus().0;
    for f in &report().facts {
        for v in &f.values {
            let t = &docs.iter().find(|d| d.id == v.document).unwrap().text;
            assert_eq!(t.chars().skip(v.start).take(v.end - v.start).collect::<String>(), v.text, "{}", f.id);
            assert_eq!(&t[v.byte_start..v.byte_end], v.text);
        }
    }
    let a = Analysis { facts: report().facts.clone(), ..analyze(docs) };
    let csv = qarin_engine::export::facts_to_csv(&a, &|f| (f.id.clone(), f.id.clone()));
    assert_eq!(csv.matches("\r\n").count(), report().facts.len() + 1);
}

#[test]
#[ignore = "prints the report; run with --ignored --nocapture"]
fn dump() {
    let r = report();
    for f in &r.facts {
        println!("{} [{:?}] {:?} {:?}", f.id, f.kind, f.status, f.topic);
        for v in &f.values {
            println!("    {} {:?} «{}» {:?} {:?} rel={} vague={}", &v.document[..3], v.value, v.text, v.qualifier, v.unit, v.relative, v.vague);
        }
    }
    for q in &r.quotes {
        println!("{} {} [{}] {} cont={} direct={}: «{}»", &q.document[..3], q.speaker, q.entity, q.verb, q.continuation, q.direct, q.text);
    }
    println!("reuse {:?}\ndatelines {:?}", r.reuse, r.datelines);
}
