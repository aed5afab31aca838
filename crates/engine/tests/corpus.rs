//! Tests against the real bundled corpus (`corpus/` at the repository root).

use qarin_engine::input::corpus::load_dir;
use qarin_engine::{analyze, Analysis, EntityType};
use std::path::Path;
use std::sync::OnceLock;

fn analysis() -> &'static Analysis {
    static A: OnceLock<Analysis> = OnceLock::new();
    A.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        analyze(&load_dir(&dir).expect("bundled corpus loads"))
    })
}

/// The entity a mention with this exact source text belongs to.
fn entity_of(text: &str) -> &'static qarin_engine::Entity {
    let a = analysis();
    let m = a
        .documents
        .iter()
        .flat_map(|d| &d.mentions)
        .find(|m| m.text == text)
        .unwrap_or_else(|| panic!("no mention written «{text}»"));
    a.entity(&m.entity).expect("mention's entity exists")
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

#[test]
fn every_article_has_people_places_and_organisations() {
    for d in &analysis().documents {
        for t in [EntityType::Per, EntityType::Loc, EntityType::Org] {
            assert!(d.mentions.iter().any(|m| m.kind == t), "{} has no {:?}", d.id, t);
        }
    }
}

#[test]
fn proclitics_are_outside_the_highlight() {
    // وبيلاروس, لتوكاييف, للاتحاد الأوروبي, وطاجكستان appear in the corpus with their proclitics.
    let a = analysis();
    let find = |word: &str| {
        a.documents.iter().find_map(|d| {
            let at = d.text.find(word)?;
            d.mentions.iter().find(|m| m.byte_start >= at && m.byte_end <= at + word.len() + 30).map(|m| (d, at, m))
        })
    };
    let (_, at, m) = find("وبيلاروس").expect("وبيلاروس");
    assert_eq!(m.text, "بيلاروس");
    assert_eq!(m.byte_start, at + "و".len());
    let (_, _, m) = find("لتوكاييف").expect("لتوكاييف");
    assert_eq!(m.text, "توكاييف");
    assert_eq!(entity_of("قاسم جومارت توكاييف").id, m.entity);
    let (_, _, m) = find("للاتحاد الأوروبي").expect("للاتحاد الأوروبي");
    assert_eq!(m.text, "لاتحاد الأوروبي");
    assert_eq!(m.kind, EntityType::Org);
    assert_eq!(m.entity, entity_of("الاتحاد الأوروبي").id);
}

#[test]
fn spelling_variants_are_one_entity() {
    let almaty = entity_of("ألماتا");
    for v in ["ألما-آتا", "ألما آتا", "ألماتي"] {
        assert_eq!(entity_of(v).id, almaty.id, "{v}");
    }
    assert_eq!(almaty.kind, EntityType::Loc);
    assert_eq!(almaty.coverage(), 5);
    let tokayev = entity_of("قاسم جومارت توكاييف");
    for v in ["قاسم جومرت توكاييف", "قاسم جومارت توكايف", "توكاييف"] {
        assert_eq!(entity_of(v).id, tokayev.id, "{v}");
    }
    assert_eq!(tokayev.coverage(), 5);
    assert_eq!(tokayev.label, "قاسم جومارت توكاييف");
    assert_eq!(entity_of("طاجكستان").id, entity_of("طاجيكستان").id);
    assert_eq!(entity_of("سورية").id, entity_of("سوريا").id);
    // The acronym in brackets is the organisation.
    assert_eq!(entity_of("CSTO").id, entity_of("منظمة معاهدة الأمن الجماعي").id);
}

#[test]
fn surnames_link_to_full_names() {
    assert_eq!(entity_of("نزارباييف").id, entity_of("نور سلطان نزارباييف").id);
    assert_eq!(entity_of("شويغو").id, entity_of("سيرغي شويغو").id);
    assert_eq!(entity_of("سيرديوكوف").id, entity_of("أناتولي سيرديوكوف").id);
    // Two outlets disagree on Serdyukov's first name: grouped, with the reason saying so.
    let s = entity_of("أندري سيرديوكوف");
    assert_eq!(s.id, entity_of("أناتولي سيرديوكوف").id);
    assert!(s.reasons.iter().any(|r| r.rule == qarin_engine::LinkRule::GivenNameDiffers));
}

#[test]
fn different_things_sharing_words_stay_apart() {
    let city = entity_of("نور سلطان");
    let person = entity_of("نور سلطان نزارباييف");
    assert_ne!(city.id, person.id);
    assert_eq!(city.kind, EntityType::Loc);
    assert_eq!(person.kind, EntityType::Per);
    assert_ne!(entity_of("كازاخستان").id, entity_of("جمعية شعب كازاخستان").id);
    assert_ne!(entity_of("روسيا").id, entity_of("موسكو").id);
}

#[test]
fn every_grouping_has_a_reason() {
    for e in &analysis().entities {
        let variants = e.variants.len();
        assert!(variants <= 1 || e.reasons.len() >= variants - 1, "{} has {variants} variants, reasons {:?}", e.label, e.reasons);
        assert!(!e.latin.is_empty() && !e.label.is_empty());
    }
    assert_eq!(entity_of("كازاخستان").latin, "Kazakhstan");
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
    // The headline counts once, the repeated one not at all.
    let title_mentions = shoigu.mentions.iter().filter(|m| m.text == "شويغو" && m.byte_end < 200).count();
    assert_eq!(title_mentions, 1);
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
