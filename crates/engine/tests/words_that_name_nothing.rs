//! Words that name nothing our guidelines mark, whatever a finder reads there: diseases and their
//! viruses; `أمام`, "in front of", after a person's name; a blessing after a name.

mod common;

use common::mentions_of;

#[test]
fn a_disease_or_its_virus_is_no_name() {
    let f = mentions_of("وقالت وزارة الصحة الأردنية إن حملة التطعيم ضد فيروس كورونا تبدأ الأحد، بعد وصول لقاحات كورونا المضادة لمرض كوفيد-19، فيما تراجعت إصابات الكوليرا في اليمن.");
    assert!(!f.iter().any(|(t, _)| t.contains("كورونا") || t.contains("كوفيد") || t.contains("الكوليرا")), "{f:?}");
    // The names around them are still found.
    assert!(f.iter().any(|(t, _)| t == "اليمن"), "{f:?}");
}

#[test]
fn a_name_that_holds_a_disease_keeps_it() {
    let f = mentions_of("وأعلن برنامج الأمم المتحدة المشترك لمكافحة الإيدز أن عدد المصابين تراجع.");
    assert!(!f.iter().any(|(t, _)| t == "الإيدز"), "{f:?}");
}

#[test]
fn in_front_of_written_with_its_hamza_ends_a_persons_name() {
    let f = mentions_of("وأحالت النيابة المتهم بقتل الطالبة سارة أشرف أمام بوابة الجامعة إلى المحاكمة.");
    assert!(f.iter().any(|(t, _)| t == "سارة أشرف"), "{f:?}");
    assert!(!f.iter().any(|(t, _)| t.contains("أمام")), "{f:?}");
    // The family name is written with the hamza below.
    let f = mentions_of("وقال الفنان عادل إمام إن الفيلم يعرض قريبا.");
    assert!(f.iter().any(|(t, _)| t == "عادل إمام"), "{f:?}");
}

#[test]
fn a_blessing_after_a_name_is_no_part_of_it() {
    let f = mentions_of("وقال حاكم الشارقة رعاه الله إن القرار مهم، وكان الشيخ راشد طيب الله ثراه قد أسس المدينة، وقال المغفور له الشيخ جابر رحمه الله إن الوطن باق.");
    assert!(!f.iter().any(|(t, _)| t.contains("رعاه") || t.contains("طيب") || t.contains("رحمه")), "{f:?}");
    assert!(f.iter().any(|(t, _)| t == "راشد") && f.iter().any(|(t, _)| t == "جابر"), "{f:?}");
}
