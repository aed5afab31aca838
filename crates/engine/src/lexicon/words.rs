//! Hand-written word lists of general Arabic news language. Each list is about a *kind* of word
//! (titles, organisation heads, place triggers, function words …), never about one story. Entries
//! are written in ordinary spelling and normalised when the lexicon loads.
//!
//! Most lists are data, not code: `data/words/lists.txt` (function words, titles, organisation
//! and media heads, place triggers, time words, country aliases …), which travels in the word-list
//! asset, so that the page's code does not carry them. The few lists here are those that single
//! rules name one by one.

/// Maghrebi honorifics that begin a person's or a place's name (`مولاي إبراهيم`, `سيدي بنور`,
/// `لالة مريم`).
pub const NAME_HONORIFICS: &[&str] = &["مولاي", "سيدي", "لالة", "للا"];

/// Heads of organisation names only with a country's or an institution's adjective and a domain
/// after them (`المرصد السوري لحقوق الإنسان`, `المركز الوطني للبحث العلمي`, `المكتب الدولي للمعارض`); otherwise they are
/// ordinary words (`مركز الزلزال`, the epicentre; `المركز التجاري للمدينة`, a shopping centre).
pub const DOMAIN_ORG_HEADS: &[&str] = &["المركز", "المرصد", "المديرية", "المكتب"];

/// Heads of event names that name an event by themselves or with what follows them
/// (`كأس العالم`, `مونديال 2002`, `خليجي 25`, `كوب 27`).
pub const EVENT_HEADS: &[&str] = &["كأس", "مونديال", "المونديال", "خليجي", "أولمبياد", "الأولمبياد", "يورو", "كوب", "cop"];

/// Event heads alone: `المونديال`, `الأولمبياد` name the event without anything after them.
pub const EVENT_ALONE: &[&str] = &["المونديال", "الأولمبياد"];

/// Heads of event names that are common nouns unless a proper name, a place or a number follows
/// (`قمة شرم الشيخ`, `مؤتمر COP 26`, `دوري أبطال إفريقيا` are names; `مؤتمر المناخ` is not).
pub const EVENT_WEAK_HEADS: &[&str] = &["مؤتمر", "قمة", "بطولة", "منتدى", "مهرجان", "معرض", "دورة", "ملتقى", "دوري"];

/// Heads of the names of buildings and sites (LOC with the head: `ملعب لوسيل`, `استاد البصرة
/// الدولي`, `ميدان التحرير`, `معبر رفح`, a camp: `مخيم جنين`, a palace: `قصر زهران`, a mosque,
/// a hospital, a cemetery, a port, an airport: `مسجد بلال بن رباح`, `مستشفى ابن سينا`, `مقبرة
/// الصليبخات`, `مرفأ بيروت`, `مطار رفيق الحريري الدولي`; ANERcorp leaves the head out).
pub const FACILITY_HEADS: &[&str] = &["ملعب", "استاد", "ستاد", "ميدان", "معبر", "مخيم", "قصر", "مسجد", "جامع", "مستشفى", "مقبرة", "كنيسة", "مرفأ", "ميناء", "مطار", "جسر", "نفق", "برج", "سجن", "حقل", "محطة", "مصفاة"];

/// Heads of landmarks read only where the story confirms them ([`crate::recognize::landmarks`]):
/// `سد` is a dam, and also "filling" (`لسد احتياجات`, "to meet the needs").
pub const LANDMARK_ONLY_HEADS: &[&str] = &["سد"];

/// Definite heads of the names of political groups made of ordinary words, with their relative
/// adjectives (`التيار الصدري`, `الإطار التنسيقي`, `الكتلة الصدرية`, `التحالف العربي`,
/// `الائتلاف الوطني`): names when the story keeps using them ([`crate::recognize::landmarks`]).
pub const GROUP_HEADS: &[&str] = &["التيار", "الإطار", "الكتلة", "التحالف", "الائتلاف"];

/// Indefinite nouns of a team's people and things (a player, a striker, a coach, fans, goal,
/// net, defences): a name in construct after them is a team's (`لاعب كايزر تشيفز`, "a Kaizer
/// Chiefs player", `مرمى الوداد`), not a person's ([`crate::recognize::teams::clubs_after_roles`]).
pub const TEAM_ROLES: &[&str] = &["لاعب", "لاعبو", "لاعبي", "مهاجم", "مدافع", "حارس", "مدرب", "جماهير", "جمهور", "مرمى", "شباك", "دفاعات", "دفاع", "هجوم", "صفوف", "قميص"];

/// Heads of the names of spacecraft and instruments (MISC with the head: `مسبار الأمل`).
pub const CRAFT_HEADS: &[&str] = &["مسبار", "تلسكوب", "مكوك"];

/// Heads of events named by ordinary words, a parade, an uprising (MISC with the head: `موكب
/// المومياوات الملكية`, `انتفاضة الأقصى`): names when the story keeps using them
/// ([`crate::recognize::landmarks`]). Not `مسيرة` nor `ثورة`: `مسيرة السلام` ("the peace
/// process"), `ثورة المعلومات` are phrases a story repeats without naming an event.
pub const HAPPENING_HEADS: &[&str] = &["موكب", "انتفاضة"];

/// Whether the matching form `norm` is one of `list`'s words (written in ordinary spelling).
pub fn listed(list: &[&str], norm: &str) -> bool {
    list.iter().any(|w| crate::normalize::normalize(w) == norm)
}

/// Heads of team names (`المنتخب السعودي`, `منتخب السعودية`, `نادي الهلال`).
pub const TEAM_HEADS: &[&str] = &["منتخب", "المنتخب", "نادي", "النادي"];

/// Colours by which sports pages name national teams, with the country's relative adjective
/// (`الأخضر السعودي`, `الأزرق الكويتي`, `العنابي القطري`); masculine, as `المنتخب` is.
pub const TEAM_COLOURS: &[&str] = &["الأخضر", "الأبيض", "الأزرق", "الأحمر", "الأصفر", "العنابي", "البرتقالي"];

/// Heads whose quoted complement is the name of an event (`عملية "نبع السلام"`,
/// `حملة "معا للبناء"`).
pub const QUOTED_EVENT_HEADS: &[&str] = &["عملية", "معركة", "حملة", "مبادرة", "مناورات"];

/// Heads of the names of declarations and agreements named after the city where they were made
/// (`بيان العلا`, `إعلان جدة`, `اتفاق الرياض`, `معاهدة فرساي`): MISC with the city, not after a
/// country or a person (`بيان مصر`, `إعلان ترامب` are statements, not names).
pub const DOCUMENT_HEADS: &[&str] = &["بيان", "إعلان", "اتفاق", "اتفاقية", "معاهدة", "ميثاق"];

/// Natural disasters named by their place when the text quotes them (`"زلزال الحوز"`).
pub const DISASTERS: &[&str] = &["زلزال", "إعصار", "عاصفة", "فيضانات", "فيضان", "بركان"];

