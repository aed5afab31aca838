//! Teams, federations and competitions as sports pages name them.

mod common;

use common::mentions_of;
use qarin_engine::EntityType;

#[test]
fn a_federation_a_team_and_a_competition_take_their_sport_in() {
    let f = mentions_of("وهنأ الاتحاد الدولي لكرة القدم منتخب المغرب لكرة القدم بعد فوزه بلقب كأس العرب لكرة القدم 2021 في الدوحة.");
    for (name, kind) in [("الاتحاد الدولي لكرة القدم", EntityType::Org), ("منتخب المغرب لكرة القدم", EntityType::Org), ("كأس العرب لكرة القدم 2021", EntityType::Misc)] {
        assert!(f.contains(&(name.to_string(), kind)), "{name}: {f:?}");
    }
    // The club's country between: the sport describes the club, and is left out.
    let f = mentions_of("وتعاقد ريال مدريد الإسباني لكرة القدم مع اللاعب.");
    assert!(!f.iter().any(|(t, _)| t.contains("لكرة")), "{f:?}");
}

#[test]
fn a_name_before_a_year_is_an_event_with_its_head_and_quotes() {
    // The tagger reads `فيستا` as a person; no person's name is followed by a bare year.
    let f = mentions_of("قال الرئيس إن فيستا 2028 ستقام في المدينة.");
    assert!(f.contains(&("فيستا 2028".to_string(), EntityType::Misc)), "{f:?}");
    assert!(!f.iter().any(|(_, k)| *k == EntityType::Per), "{f:?}");
    // A quoted name with its year after an event's head: the head, the marks and the year.
    let f = mentions_of("فازت مدينة الرياض باستضافة معرض \"إكسبو 2030\" أمس.");
    assert!(f.contains(&("معرض \"إكسبو 2030\"".to_string(), EntityType::Misc)), "{f:?}");
    // A person's name with a year elsewhere in the sentence stays a person.
    let f = mentions_of("وقال محمد العلي إن عام 2030 سيكون حاسما.");
    assert!(f.contains(&("محمد العلي".to_string(), EntityType::Per)), "{f:?}");
}

#[test]
fn an_office_with_an_institutional_adjective_and_a_domain_is_an_organisation() {
    let f = mentions_of("وأعلن المكتب الدولي للمعارض النتائج، وقال المكتب السياسي للحركة إنه يرحب.");
    assert!(f.contains(&("المكتب الدولي للمعارض".to_string(), EntityType::Org)), "{f:?}");
    assert!(!f.iter().any(|(t, _)| t.contains("السياسي")), "{f:?}");
}
