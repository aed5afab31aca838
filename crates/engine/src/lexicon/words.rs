//! Hand-written word lists of general Arabic news language. Each list is about a *kind* of word
//! (titles, organisation heads, place triggers, function words …), never about one story. Entries
//! are written in ordinary spelling and normalised when the lexicon loads.

/// Function words: never part of a name, always end one.
pub const FUNCTION_WORDS: &[&str] = &[
    "في", "من", "إلى", "الى", "على", "عن", "مع", "منذ", "حتى", "عند", "لدى", "بين", "ضد", "نحو", "خلال",
    "أن", "إن", "أنّ", "إنّ", "أنه", "إنه", "أنها", "إنها", "لأن", "كان", "كانت", "يكون", "تكون", "قد",
    "لقد", "لم", "لن", "لا", "ما", "ماذا", "لماذا", "كيف", "هل", "و", "أو", "ثم", "بل", "لكن", "لكنّ",
    "هذا", "هذه", "ذلك", "تلك", "هؤلاء", "الذي", "التي", "الذين", "اللذين", "اللتين", "هو", "هي", "هم",
    "هن", "نحن", "أنا", "أنت", "كل", "بعض", "غير", "سوى", "أي", "أيضا", "أيضاً", "كما", "بعد", "قبل",
    "فوق", "تحت", "أمام", "وراء", "حول", "عبر", "دون", "لدي", "إذ", "إذا", "اذا", "حيث", "بينما", "عندما",
    "وفق", "وفقا", "وفقاً", "حسب", "بحسب", "وحسب", "ضمن", "إثر", "جراء", "رغم", "بسبب", "لها", "له", "لهم",
    "به", "بها", "فيه", "فيها", "منه", "منها", "عليه", "عليها", "إليه", "إليها", "أمس", "اليوم", "الآن",
    "هناك", "هنا", "كذلك", "أيضًا", "قال", "قالت", "يقول", "تقول", "أكد", "أكدت", "أعلن", "أعلنت",
    "أضاف", "أضافت", "أوضح", "أوضحت", "صرح", "صرّح", "ذكر", "ذكرت", "أشار", "أشارت", "بأن", "وأن",
    "يذكر", "ويذكر", "عام", "العام", "يوم", "سنة", "شهر", "أكثر", "أقل", "نحو", "حوالي", "تم", "جرى",
    "العديد", "عدد", "جميع", "كافة", "معظم", "غالبية", "مختلف",
];

/// Titles and roles after which a person's name follows (possibly after modifiers such as a
/// nationality adjective, an organisation or a comma).
pub const PERSON_TITLES: &[&str] = &[
    "الرئيس", "رئيس", "الرئيسة", "رئيسة", "وزير", "وزيرة", "الوزير", "الوزيرة", "نائب", "النائب", "نائبة",
    "المتحدث", "المتحدثة", "الناطق", "الناطقة", "متحدث", "الفريق", "اللواء", "العميد", "العقيد", "المقدم",
    "الرائد", "النقيب", "الجنرال", "المشير", "الأدميرال", "الملك", "الملكة", "الأمير", "الأميرة", "الشيخ",
    "الشيخة", "السيد", "السيدة", "الدكتور", "الدكتورة", "د.", "المستشار", "المستشارة", "مستشار", "السفير",
    "سفير", "السفيرة", "المبعوث", "مبعوث", "الأمين", "أمين", "زعيم", "الزعيم", "قائد", "القائد", "مدير",
    "المدير", "مديرة", "المديرة", "الحاكم", "حاكم", "عمدة", "محافظ", "المحافظ", "مراسل", "مراسلة",
    "الصحفي", "الصحفية", "الكاتب", "الكاتبة", "المحلل", "الخبير", "الخبيرة", "المعارض", "القيادي",
    "الناشط", "الناشطة", "البابا", "الإمام", "المرشد", "رئيسه", "مساعد", "مساعدة", "المندوب", "مندوب",
    "نظيره", "نظيرته", "الأستاذ", "البروفيسور", "المخرج", "اللاعب", "المدرب", "النجم", "الفنان", "الفنانة",
    "القاضي", "المدعي", "المحامي", "الأسقف", "البطريرك", "المطران", "الجنرالات", "الشاعر",
];

/// Head nouns of organisation names (`وزارة الدفاع`, `منظمة شنغهاي للتعاون`).
pub const ORG_HEADS: &[&str] = &[
    "منظمة", "وزارة", "مجلس", "جمعية", "حزب", "حركة", "شركة", "جامعة", "بنك", "البنك", "صندوق", "لجنة",
    "هيئة", "اتحاد", "حلف", "برلمان", "البرلمان", "جبهة", "تحالف", "مؤسسة", "معهد", "منتدى",
    "محكمة", "المحكمة", "رابطة", "نقابة", "الجمعية", "المجلس", "الحزب", "الحركة",
    "المنظمة", "الوزارة", "الهيئة", "اللجنة", "الاتحاد", "الجامعة", "الصندوق", "الحلف", "الجبهة", "المؤسسة",
    "المعهد", "وكالة", "الوكالة", "صحيفة", "الصحيفة", "قناة", "القناة", "إذاعة", "الإذاعة",
    "مجلة", "المجلة", "تلفزيون", "التلفزيون",
];

/// Maghrebi honorifics that begin a person's or a place's name (`مولاي إبراهيم`, `سيدي بنور`,
/// `لالة مريم`).
pub const NAME_HONORIFICS: &[&str] = &["مولاي", "سيدي", "لالة", "للا"];

/// Heads of organisation names only with a country's or an institution's adjective and a domain
/// after them (`المرصد السوري لحقوق الإنسان`, `المركز الوطني للبحث العلمي`); otherwise they are
/// ordinary words (`مركز الزلزال`, the epicentre; `المركز التجاري للمدينة`, a shopping centre).
pub const DOMAIN_ORG_HEADS: &[&str] = &["المركز", "المرصد", "المديرية"];

/// Adjectives of institutions (`المديرية العامة للشؤون الداخلية`); the first two are no
/// relative adjectives, yet they go on an organisation's chain as those do. (`العام` is a time
/// word, "the year", and stops a chain before this list is asked.)
pub const INSTITUTION_ADJECTIVES: &[&str] = &["العامة", "الأعلى", "الوطني", "الوطنية", "الدولي", "الدولية"];

/// Organisation heads whose following proper name *is* the organisation (a news agency's name
/// without the word "agency").
pub const MEDIA_HEADS: &[&str] = &[
    "وكالة", "الوكالة", "صحيفة", "الصحيفة", "قناة", "القناة", "إذاعة", "الإذاعة", "مجلة", "المجلة",
    "تلفزيون",
];

/// Words after which a quoted name is a source (`وفق "الأناضول"`, `وحسب «الميادين»`).
pub const ATTRIBUTION: &[&str] = &["وفق", "وفقا", "حسب", "وحسب", "بحسب", "نقلا", "لوكالة", "لصحيفة", "لقناة", "عن"];

/// Words after which a place name follows.
pub const PLACE_TRIGGERS: &[&str] = &[
    "العاصمة", "عاصمة", "مدينة", "مدينتي", "مدن", "بلدة", "بلدتي", "قرية", "قريتي", "محافظة", "محافظتي",
    "ولاية", "إقليم", "اقليم", "منطقة", "مقاطعة", "جزيرة", "جزر", "ميناء", "مطار", "نهر", "جبل", "جبال",
    "بحيرة", "حي", "ضاحية",
];

/// Superlatives that, with "city", describe a place: `ألماتي، كبرى مدن البلاد`.
pub const PLACE_DESCRIPTORS: &[&str] = &["كبرى", "أكبر", "العاصمة", "عاصمة", "ثاني"];

/// Words that can stand after a name but are never part of one: participles of reporting and
/// common post-name words.
pub const AFTER_NAME: &[&str] = &[
    "مشيرا", "مشيراً", "مشيرة", "مضيفا", "مضيفاً", "مضيفة", "موضحا", "موضحاً", "موضحة", "مؤكدا", "مؤكداً",
    "مؤكدة", "قائلا", "قائلاً", "قائلة", "لافتا", "لافتاً", "منوها", "منوهاً", "معربا", "معرباً", "داعيا",
    "داعياً", "قوله", "قولها", "الذي", "التي", "ونظيره", "بأن", "رئيسا", "رئيساً", "خلفا", "خلفاً",
];

/// Time words that end an organisation or place phrase (`منظمة … اليوم`).
pub const TEMPORAL: &[&str] = &[
    "اليوم", "أمس", "الأمس", "الآن", "الماضي", "الماضية", "الجاري", "الجارية", "الحالي", "الحالية", "المقبل",
    "المقبلة", "القادم", "القادمة", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس",
    "الجمعة", "السبت", "الشهر", "العام", "الأسبوع", "صباحا", "صباحاً", "مساء", "مساءً", "الفائت",
];

/// Modifiers that may stand between a title and a name besides adjectives and organisations.
pub const TITLE_MODIFIERS: &[&str] = &["باسم", "العام", "السابق", "السابقة", "الأول", "الأولى", "الحالي", "الحالية", "الجديد", "الجديدة", "المؤقت", "الدولة", "البلاد", "الوزراء", "الحكومة", "الجمهورية"];

/// Ministries referred to by their adjective (`الخارجية الروسية` for the foreign ministry).
pub const MINISTRY_METONYMS: &[&str] = &["الخارجية", "الداخلية", "الدفاع"];

/// Endings of place names (`-ستان`: كازاخستان، كردستان، بلوشستان).
pub const PLACE_SUFFIXES: &[&str] = &["ستان"];

/// Endings of Slavic and Central Asian surnames as written in Arabic (`-ov`, `-ev`, `-ova`, `-sky`,
/// `-enko`, `-vich`, `-yev`), which mark a person's name wherever they appear.
pub const SURNAME_SUFFIXES: &[&str] = &[
    "وف", "وفا", "ييف", "ييفا", "ايف", "ايفا", "يديف", "سكي", "سكايا", "ينكو", "فيتش", "وفيتش", "يفيتش", "وفسكي",
];

/// Social networks and platforms (organisations) that news text names.
pub const PLATFORMS: &[&str] = &["فيسبوك", "فيس بوك", "تويتر", "يوتيوب", "إنستغرام", "انستغرام", "تلغرام", "تيليغرام", "تيك توك", "واتساب"];

/// Heads of event names that name an event by themselves or with what follows them
/// (`كأس العالم`, `مونديال 2002`, `خليجي 25`, `كوب 27`).
pub const EVENT_HEADS: &[&str] = &["كأس", "مونديال", "المونديال", "خليجي", "أولمبياد", "الأولمبياد", "يورو", "كوب", "cop"];

/// Event heads alone: `المونديال`, `الأولمبياد` name the event without anything after them.
pub const EVENT_ALONE: &[&str] = &["المونديال", "الأولمبياد"];

/// Heads of event names that are common nouns unless a proper name, a place or a number follows
/// (`قمة شرم الشيخ`, `مؤتمر COP 26` are names; `مؤتمر المناخ` is not).
pub const EVENT_WEAK_HEADS: &[&str] = &["مؤتمر", "قمة", "بطولة", "منتدى", "مهرجان", "معرض", "دورة", "ملتقى"];

/// Heads of the names of buildings and sites (LOC with the head: `ملعب لوسيل`, `استاد البصرة
/// الدولي`, `ميدان التحرير`, `معبر رفح`).
pub const FACILITY_HEADS: &[&str] = &["ملعب", "استاد", "ستاد", "ميدان", "معبر"];

/// Heads of team names (`المنتخب السعودي`, `منتخب السعودية`, `نادي الهلال`).
pub const TEAM_HEADS: &[&str] = &["منتخب", "المنتخب", "نادي", "النادي"];

/// Colours by which sports pages name national teams, with the country's relative adjective
/// (`الأخضر السعودي`, `الأزرق الكويتي`, `العنابي القطري`); masculine, as `المنتخب` is.
pub const TEAM_COLOURS: &[&str] = &["الأخضر", "الأبيض", "الأزرق", "الأحمر", "الأصفر", "العنابي", "البرتقالي"];

/// Heads whose quoted complement is the name of an event (`عملية "نبع السلام"`,
/// `حملة "معا للبناء"`).
pub const QUOTED_EVENT_HEADS: &[&str] = &["عملية", "معركة", "حملة", "مبادرة", "مناورات"];

/// Natural disasters named by their place when the text quotes them (`"زلزال الحوز"`).
pub const DISASTERS: &[&str] = &["زلزال", "إعصار", "عاصفة", "فيضانات", "فيضان", "بركان"];

/// Other names of countries than the CLDR names of `data/gazetteers/country-names/ar.json`, by
/// ISO code: the short forms news text uses (`السعودية`, `الإمارات`, `أمريكا`) and the long
/// official forms (`جمهورية مصر العربية`). CLDR gives one name per country; no packaged list we
/// found gives Arabic short and long forms, so these are listed here, by country, never by story.
pub const COUNTRY_ALIASES: &[(&str, &[&str])] = &[
    ("SA", &["السعودية", "المملكة العربية السعودية"]),
    ("AE", &["الإمارات", "دولة الإمارات", "دولة الإمارات العربية المتحدة"]),
    ("US", &["أمريكا", "أميركا", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية"]),
    ("GB", &["بريطانيا", "المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية"]),
    ("RU", &["روسيا الاتحادية", "الاتحاد الروسي"]),
    ("PS", &["فلسطين", "دولة فلسطين"]),
    ("SY", &["سورية", "الجمهورية العربية السورية"]),
    ("EG", &["جمهورية مصر العربية"]),
    ("IR", &["الجمهورية الإسلامية الإيرانية", "الجمهورية الإسلامية في إيران"]),
    ("CN", &["جمهورية الصين الشعبية"]),
    ("IQ", &["جمهورية العراق"]),
    ("YE", &["الجمهورية اليمنية"]),
    ("LY", &["دولة ليبيا"]),
    ("DZ", &["الجمهورية الجزائرية الديمقراطية الشعبية"]),
    ("MA", &["المملكة المغربية"]),
    ("TN", &["الجمهورية التونسية"]),
    ("JO", &["المملكة الأردنية الهاشمية"]),
    ("QA", &["دولة قطر"]),
    ("KW", &["دولة الكويت"]),
    ("OM", &["سلطنة عمان", "سلطنة عُمان"]),
    ("BH", &["مملكة البحرين"]),
    ("LB", &["الجمهورية اللبنانية"]),
    ("SD", &["جمهورية السودان"]),
    ("TR", &["الجمهورية التركية"]),
    ("KZ", &["جمهورية كازاخستان"]),
    ("KR", &["كوريا"]),
];
