//! Dates: month names and their combined forms, ordinal days, years, weekdays and relative words,
//! resolved against a dateline or left relative.

use qarin_engine::facts::dates::{find, FoundDate};

fn dates(text: &str, dateline: Option<&str>) -> Vec<(String, bool, String)> {
    find(text, dateline).into_iter().map(|FoundDate { value, relative, text }| (value, relative, text)).collect()
}

fn one(text: &str, dateline: Option<&str>) -> (String, bool, String) {
    let d = dates(text, dateline);
    assert_eq!(d.len(), 1, "one date in «{text}»: {d:?}");
    d.into_iter().next().unwrap()
}

fn iso(text: &str, dateline: Option<&str>) -> String {
    one(text, dateline).0
}

#[test]
fn gregorian_and_levantine_month_names() {
    assert_eq!(iso("في 21 أبريل 2006", None), "2006-04-21");
    assert_eq!(iso("في 21 إبريل 2006", None), "2006-04-21");
    assert_eq!(iso("في 5 شباط 2020", None), "2020-02-05");
    assert_eq!(iso("في 5 فبراير 2020", None), "2020-02-05");
    assert_eq!(iso("في 3 تشرين الأول 2019", None), "2019-10-03");
    assert_eq!(iso("في 3 كانون الأول 2019", None), "2019-12-03");
    assert_eq!(iso("في 1 آذار 2019", None), "2019-03-01");
    assert_eq!(iso("في أكتوبر 2007، وقعت", None), "2007-10");
    assert_eq!(iso("في ١٢ حزيران ٢٠٢١", None), "2021-06-12");
    assert_eq!(iso("December 19, 2024", None), "2024-12-19");
}

#[test]
fn combined_month_forms() {
    let (v, rel, text) = one("أُرسلت في السادس من يناير/كانون الثاني.", None);
    assert_eq!((v.as_str(), rel, text.as_str()), ("--01-06", false, "السادس من يناير/كانون الثاني"));
    let (v, _, text) = one("وأعلن يوم 10 كانون الثاني / يناير يوم حداد", None);
    assert_eq!(v, "--01-10");
    assert_eq!(text, "يوم 10 كانون الثاني / يناير");
    let (v, _, text) = one("بحلول صباح 7 يناير / كانون الثاني. وما يزال", None);
    assert_eq!(v, "--01-07");
    assert_eq!(text, "7 يناير / كانون الثاني");
    assert_eq!(iso("في 9 كانون الثاني/ يناير، أكملت", None), "--01-09");
    assert_eq!(iso("في 9 كانون الثاني/ يناير، أكملت", Some("2022-01-11")), "2022-01-09");
}

#[test]
fn ordinal_days() {
    assert_eq!(iso("في الحادي عشر من مارس 2011", None), "2011-03-11");
    assert_eq!(iso("في الحادي والعشرين من سبتمبر", None), "--09-21");
    assert_eq!(iso("وفي صبيحة الخامس من الشهر الجاري، أقال", Some("2022-01-11")), "2022-01-05");
    let (v, rel, _) = one("وفي صبيحة الخامس من الشهر الجاري، أقال", None);
    assert_eq!((v.as_str(), rel), ("---05", true));
    // An ordinal that is no date.
    assert!(dates("رئيس الدولة الأول نور سلطان", None).is_empty());
}

#[test]
fn years() {
    assert_eq!(iso("منذ استقلالها العام 1991 كازاخستان", None), "1991");
    assert_eq!(one("منذ استقلالها العام 1991", None).2, "العام 1991");
    assert_eq!(iso("في الأيام الأولى من عام 2022، واعترض", None), "2022");
    assert_eq!(one("( سبوتنيك - 11 كانون الثاني 2022ء) أعلن", None).2, "11 كانون الثاني 2022ء");
    assert_eq!(iso("( سبوتنيك - 11 كانون الثاني 2022ء) أعلن", None), "2022-01-11");
    assert_eq!(iso("الداخلة حيز التنفيذ 1994، أُنجزت", None), "1994");
    assert_eq!(iso("ولد سنة ١٩٥٠م في", None), "1950");
    // A number with a counted noun or a qualifier is no year; nor is a hijri year.
    assert!(dates("تضم 2030 جندياً", None).is_empty());
    assert!(dates("وقوامها نحو 2000، وصلت", None).is_empty());
    assert!(dates("عام 1443 هـ", None).is_empty());
    // Ranges.
    assert_eq!(iso("في الفترة من 16 إلى 17 يونيو 2004، (RATS)", None), "2004-06-16/2004-06-17");
}

#[test]
fn weekdays_and_relative_words_with_a_dateline() {
    let dl = Some("2022-01-11"); // a Tuesday
    assert_eq!(iso("أعلن اليوم الثلاثاء أن", dl), "2022-01-11");
    assert_eq!(iso("قال للبرلمان، الثلاثاء، إن", dl), "2022-01-11");
    assert_eq!(iso("وأعلنت كازاخستان السبت توقيف", dl), "2022-01-08");
    assert_eq!(iso("ويوم الجمعة الفائت، قال", dl), "2022-01-07");
    assert_eq!(iso("يعقد الخميس المقبل", dl), "2022-01-13");
    assert_eq!(iso("أعلن أمس انتهاء", dl), "2022-01-10");
    assert_eq!(iso("غادرت اليوم كازاخستان", dl), "2022-01-11");
    assert_eq!(iso("التي ضربتها الأسبوع الماضي.", dl), "2022-W01");
    assert_eq!(iso("حتى 19 الشهر الحالي", dl), "2022-01-19");
    assert_eq!(iso("منذ الأيام الأولى للعام الجاري موجة", dl), "2022");
    assert_eq!(iso("في العام الماضي، أما", dl), "2021");
    assert_eq!(iso("أوائل الشهر الجاري بطلب", dl), "2022-01");
    // A month without a year takes the dateline's year, or the year before when it is later.
    assert_eq!(iso("في ديسمبر الماضي", dl), "2021-12");
}

#[test]
fn relative_words_without_a_dateline_stay_relative() {
    let cases = [
        ("أعلن أمس انتهاء", "-P1D"),
        ("غادرت اليوم كازاخستان", "P0D"),
        ("بدأت، اليوم الخميس، انسحابها", "-W-4"),
        ("قال للبرلمان، الثلاثاء، إن", "-W-2"),
        ("التي ضربتها الأسبوع الماضي.", "-P1W"),
        ("حتى 19 الشهر الحالي", "---19"),
        ("في العام الماضي، أما", "-P1Y"),
    ];
    for (text, want) in cases {
        let (v, rel, _) = one(text, None);
        assert_eq!(v, want, "«{text}»");
        assert!(rel, "«{text}» is relative");
    }
    // The dateline in the text resolves the relative words of the same text.
    let t = "( سبوتنيك - 11 كانون الثاني 2022ء) أعلن وزير الدفاع، اليوم الثلاثاء، أن";
    let d = dates(t, None);
    assert_eq!(d[1].0, "2022-01-11");
    assert!(!d[1].1);
}

#[test]
fn ambiguous_words_need_context() {
    // الأحد / الجمعة / الاثنين are also ordinary words.
    assert!(dates("أحد الجنود والجمعة العامة", None).is_empty());
    assert!(dates("قال الاثنين إن", None).is_empty());
    assert_eq!(iso("ويوم الجمعة الفائت، قال", None), "-W-5");
    assert_eq!(iso("قال، الاثنين، إن", None), "-W-1");
    // مارس is also a verb.
    assert!(dates("مارس الضغط", None).is_empty());
    assert_eq!(iso("في 3 مارس", None), "--03-03");
    // "اليوم التالي" is not today.
    assert!(dates("في اليوم التالي", None).is_empty());
}
