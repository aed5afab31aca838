//! Interface strings in English and Arabic.
//!
//! Pure Rust (no Leptos): `t(lang, key)` looks a fixed string up; the few strings with numbers in
//! them have their own functions below. Document text is never translated or altered.

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Ar,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }

    pub fn dir(self) -> &'static str {
        match self {
            Lang::En => "ltr",
            Lang::Ar => "rtl",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "en" => Some(Lang::En),
            "ar" => Some(Lang::Ar),
            _ => None,
        }
    }

    pub fn other(self) -> Self {
        match self {
            Lang::En => Lang::Ar,
            Lang::Ar => Lang::En,
        }
    }
}

/// Every fixed interface string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Tagline,
    LangToggle,
    LangToggleLabel,
    ThemeToDark,
    DownloadJson,
    DownloadCsv,
    DownloadsLabel,
    SkipLink,
    Articles,
    Article,
    Views,
    TabReader,
    TabCompare,
    Analysing,
    AnalysisFailed,
    Legend,
    LegendHint,
    Person,
    Place,
    Organisation,
    Other,
    Boilerplate,
    ChooseArticle,
    Close,
    EntityDetails,
    Type,
    Coverage,
    Spellings,
    WhyGrouped,
    OneSpelling,
    EveryMention,
    Jump,
    JumpTo,
    Entity,
    FilterText,
    FilterTextPlaceholder,
    FilterType,
    AllTypes,
    NotNamed,
    CompareCaption,
    NoMatches,
    Source,
    SelectedEntity,
    OpenedArticle,
    PanelClosed,
    Rule,
    OpenInPanel,
}

/// Look an interface string up.
pub fn t(lang: Lang, key: Key) -> &'static str {
    let (en, ar) = match key {
        Key::Tagline => (
            "How Arabic news outlets name the people, places and organisations of the same story",
            "كيف تسمّي المنابر الإخبارية العربية أشخاص القصة نفسها وأماكنها ومنظماتها",
        ),
        Key::LangToggle => ("العربية", "English"),
        Key::LangToggleLabel => ("Switch the interface to Arabic", "التبديل إلى الواجهة الإنجليزية"),
        Key::ThemeToDark => ("Dark theme", "الوضع الداكن"),
        Key::DownloadJson => ("Download JSON", "تنزيل JSON"),
        Key::DownloadCsv => ("Download CSV", "تنزيل CSV"),
        Key::DownloadsLabel => ("Download the analysis", "تنزيل التحليل"),
        Key::SkipLink => ("Skip to content", "انتقل إلى المحتوى"),
        Key::Articles => ("Articles", "المقالات"),
        Key::Article => ("Article", "المقال"),
        Key::Views => ("Views", "طرق العرض"),
        Key::TabReader => ("Reader", "القراءة"),
        Key::TabCompare => ("Comparison", "المقارنة"),
        Key::Analysing => ("Analysing the articles…", "جارٍ تحليل المقالات…"),
        Key::AnalysisFailed => ("The analysis could not be run.", "تعذّر إجراء التحليل."),
        Key::Legend => ("Highlight", "التظليل"),
        Key::LegendHint => (
            "Select a highlighted name (click, or Enter) to see every outlet's spelling.",
            "اختر اسمًا مظلَّلًا (بالنقر أو بمفتاح الإدخال) لترى كيف كتبه كل منبر.",
        ),
        Key::Person => ("Person", "شخص"),
        Key::Place => ("Place", "مكان"),
        Key::Organisation => ("Organisation", "منظمة"),
        Key::Other => ("Other", "أخرى"),
        Key::Boilerplate => (
            "Site boilerplate: shown, but not counted as reporting",
            "نص ثابت من الموقع: معروض، لكنه لا يُحتسب من الخبر",
        ),
        Key::ChooseArticle => ("Choose an article from the list.", "اختر مقالًا من القائمة."),
        Key::Close => ("Close", "إغلاق"),
        Key::EntityDetails => ("Entity details", "تفاصيل الكيان"),
        Key::Type => ("Type", "النوع"),
        Key::Coverage => ("Coverage", "التغطية"),
        Key::Spellings => ("Spelling in each article", "الكتابة في كل مقال"),
        Key::WhyGrouped => ("Why these are grouped", "لماذا جُمعت هذه الصيغ"),
        Key::OneSpelling => ("Only one spelling: nothing to group.", "صيغة واحدة فقط: لا شيء يُجمع."),
        Key::EveryMention => ("Every mention", "كل المواضع"),
        Key::Jump => ("Jump", "انتقال"),
        Key::JumpTo => ("open this mention in the reader", "فتح هذا الموضع في القراءة"),
        Key::Entity => ("Name", "الاسم"),
        Key::FilterText => ("Filter names", "تصفية الأسماء"),
        Key::FilterTextPlaceholder => ("Arabic or Latin…", "بالعربية أو اللاتينية…"),
        Key::FilterType => ("Type", "النوع"),
        Key::AllTypes => ("All types", "كل الأنواع"),
        Key::NotNamed => ("not named", "لم يُذكر"),
        Key::CompareCaption => (
            "Who is named where: one row per entity, one column per article. Each cell gives the number of mentions and the spelling used (dotted underline: not the usual spelling); “—” means the article does not name it.",
            "من ذُكر وأين: صفّ لكل كيان وعمود لكل مقال. تبيّن كل خانة عدد المرات والكتابة المستعملة (الخط المنقّط: كتابة غير الكتابة الغالبة)؛ وتعني «—» أن المقال لم يذكره.",
        ),
        Key::NoMatches => ("No name matches the filter.", "لا اسم يطابق التصفية."),
        Key::Source => ("Source", "المصدر"),
        Key::SelectedEntity => ("Selected", "تم اختيار"),
        Key::OpenedArticle => ("Opened", "فُتح"),
        Key::PanelClosed => ("Entity panel closed", "أُغلقت لوحة الكيان"),
        Key::Rule => ("rule", "القاعدة"),
        Key::OpenInPanel => ("Show details", "عرض التفاصيل"),
    };
    match lang {
        Lang::En => en,
        Lang::Ar => ar,
    }
}

/// The name of an entity type.
pub fn type_name(lang: Lang, kind: qarin_engine::EntityType) -> &'static str {
    use qarin_engine::EntityType;
    t(
        lang,
        match kind {
            EntityType::Per => Key::Person,
            EntityType::Loc => Key::Place,
            EntityType::Org => Key::Organisation,
            EntityType::Misc => Key::Other,
        },
    )
}

/// "Article 3" / "المقال 3".
pub fn article_n(lang: Lang, n: usize) -> String {
    format!("{} {n}", t(lang, Key::Article))
}

/// How many names an article has.
pub fn names_count(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En if n == 1 => "1 name".to_string(),
        Lang::En => format!("{n} names"),
        Lang::Ar => format!("الأسماء: {n}"),
    }
}

/// "Named by 3 of 5 articles".
pub fn coverage_text(lang: Lang, n: usize, m: usize) -> String {
    match lang {
        Lang::En if m == 1 => format!("Named by {n} of {m} article"),
        Lang::En => format!("Named by {n} of {m} articles"),
        Lang::Ar => format!("ورد في {n} من أصل {m} من المقالات"),
    }
}

/// "12 of 80 names shown".
pub fn showing(lang: Lang, n: usize, m: usize) -> String {
    match lang {
        Lang::En => format!("{n} of {m} names shown"),
        Lang::Ar => format!("يُعرض {n} من أصل {m} اسمًا"),
    }
}

/// "4 mentions".
pub fn mentions_count(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En if n == 1 => "1 mention".to_string(),
        Lang::En => format!("{n} mentions"),
        Lang::Ar => format!("عدد المواضع: {n}"),
    }
}

/// The label of a comparison cell for screen readers: "3 mentions in Article 2, spelled X".
pub fn cell_label(lang: Lang, count: usize, article: &str, spelling: &str) -> String {
    match lang {
        Lang::En => format!("{}, {article}: “{spelling}”", mentions_count(lang, count)),
        Lang::Ar => format!("{}، {article}: «{spelling}»", mentions_count(lang, count)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages() {
        use Key::*;
        let keys = [
            Tagline,
            LangToggle,
            LangToggleLabel,
            ThemeToDark,
            DownloadJson,
            DownloadCsv,
            DownloadsLabel,
            SkipLink,
            Articles,
            Article,
            Views,
            TabReader,
            TabCompare,
            Analysing,
            AnalysisFailed,
            Legend,
            LegendHint,
            Person,
            Place,
            Organisation,
            Other,
            Boilerplate,
            ChooseArticle,
            Close,
            EntityDetails,
            Type,
            Coverage,
            Spellings,
            WhyGrouped,
            OneSpelling,
            EveryMention,
            Jump,
            JumpTo,
            Entity,
            FilterText,
            FilterTextPlaceholder,
            FilterType,
            AllTypes,
            NotNamed,
            CompareCaption,
            NoMatches,
            Source,
            SelectedEntity,
            OpenedArticle,
            PanelClosed,
            Rule,
            OpenInPanel,
        ];
        for k in keys {
            assert!(!t(Lang::En, k).is_empty(), "{k:?}");
            assert!(!t(Lang::Ar, k).is_empty(), "{k:?}");
        }
        assert_ne!(t(Lang::En, TabReader), t(Lang::Ar, TabReader));
    }

    #[test]
    fn lang_codes() {
        assert_eq!(Lang::from_code("ar"), Some(Lang::Ar));
        assert_eq!(Lang::Ar.dir(), "rtl");
        assert_eq!(Lang::En.other(), Lang::Ar);
        assert_eq!(coverage_text(Lang::En, 3, 5), "Named by 3 of 5 articles");
    }
}
