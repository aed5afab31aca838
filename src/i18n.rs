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
    DownloadFactsCsv,
    About,
    AddArticles,
    ChooseFiles,
    DropHint,
    PasteText,
    PasteLabel,
    PasteTitleLabel,
    PasteAdd,
    Cancel,
    DropHere,
    SourceUser,
    SourceBundled,
    SourceUserLong,
    SourceBundledLong,
    ShowBundled,
    Remove,
    Undo,
    EditDetails,
    FieldTitle,
    FieldOutlet,
    FieldDate,
    FieldUrl,
    Save,
    ExportWorkspace,
    ImportWorkspace,
    WorkspaceTitle,
    WorkspaceHint,
    PreviewTitle,
    PreviewConfirm,
    Dismiss,
    Retry,
    MergeWith,
    MergeButton,
    MergeHint,
    ChooseEntity,
    SplitOff,
    UserDecision,
    NoArticles,
    PastedText,
    Notices,
    PasteEmpty,
    Reanalyse,
    UpdatingAnalysis,
    TabFacts,
    TabWire,
    FactsIntro,
    FactColumn,
    StatusColumn,
    StatusAll,
    StatusConflict,
    StatusAgree,
    StatusSingle,
    FactsStatusLabel,
    FactsFilterLabel,
    FactsFilterPlaceholder,
    NoFacts,
    NoFactsMatch,
    FactJump,
    Normalised,
    QuotesTitle,
    NoQuotes,
    WireIntro,
    NoWire,
    DiffChanged,
    DiffOnlyA,
    DiffOnlyB,
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
        Key::DownloadFactsCsv => ("Facts CSV", "الوقائع CSV"),
        Key::About => ("About Qarin, its data and licences", "عن «قارن» وبياناته وتراخيصه"),
        Key::AddArticles => ("Add articles", "إضافة مقالات"),
        Key::ChooseFiles => ("Choose files…", "اختيار ملفات…"),
        Key::DropHint => (
            "Text (.txt, .md) or web pages (.html) in UTF-8, UTF-16 or Windows-1256 — or drop files anywhere on the page.",
            "نصوص (‎.txt، ‎.md) أو صفحات ويب (‎.html) بترميز UTF-8 أو UTF-16 أو Windows-1256، أو أفلت الملفات في أي مكان من الصفحة.",
        ),
        Key::PasteText => ("Paste text", "لصق نص"),
        Key::PasteLabel => ("Article text", "نص المقال"),
        Key::PasteTitleLabel => ("Title (optional; otherwise the first line)", "العنوان (اختياري؛ وإلا فالسطر الأول)"),
        Key::PasteAdd => ("Add this text", "إضافة هذا النص"),
        Key::Cancel => ("Cancel", "إلغاء"),
        Key::DropHere => ("Drop the files to add them", "أفلت الملفات لإضافتها"),
        Key::SourceUser => ("yours", "أضفته"),
        Key::SourceBundled => ("bundled", "مرفق"),
        Key::SourceUserLong => ("An article you added", "مقال أضفته أنت"),
        Key::SourceBundledLong => ("A bundled demonstration article", "مقال مرفق للعرض"),
        Key::ShowBundled => ("Include the bundled articles", "تضمين المقالات المرفقة"),
        Key::Remove => ("Remove", "إزالة"),
        Key::Undo => ("Undo", "تراجع"),
        Key::EditDetails => ("Edit details", "تعديل البيانات"),
        Key::FieldTitle => ("Title", "العنوان"),
        Key::FieldOutlet => ("Outlet", "المنبر"),
        Key::FieldDate => ("Date", "التاريخ"),
        Key::FieldUrl => ("Web address", "الرابط"),
        Key::Save => ("Save", "حفظ"),
        Key::ExportWorkspace => ("Export workspace", "تصدير مساحة العمل"),
        Key::ImportWorkspace => ("Import workspace…", "استيراد مساحة عمل…"),
        Key::WorkspaceTitle => ("Your workspace", "مساحة عملك"),
        Key::WorkspaceHint => (
            "Your articles and decisions are kept in this browser only. Export the workspace to keep a copy or to move it.",
            "تُحفظ مقالاتك وقراراتك في هذا المتصفح فقط. صدّر مساحة العمل للاحتفاظ بنسخة منها أو لنقلها.",
        ),
        Key::PreviewTitle => ("Check the text before adding it", "تحقّق من النص قبل إضافته"),
        Key::PreviewConfirm => ("It reads correctly: add it", "النص سليم: أضفه"),
        Key::Dismiss => ("Dismiss", "إخفاء"),
        Key::Retry => ("Try again", "إعادة المحاولة"),
        Key::MergeWith => ("Merge with…", "دمج مع…"),
        Key::MergeButton => ("Merge", "دمج"),
        Key::MergeHint => (
            "Another name of the same type that is the same person, place or organisation:",
            "اسم آخر من النوع نفسه يدلّ على الشخص أو المكان أو المنظمة نفسها:",
        ),
        Key::ChooseEntity => ("Choose a name…", "اختر اسمًا…"),
        Key::SplitOff => ("Split off", "فصل"),
        Key::UserDecision => ("your decision", "قرارك"),
        Key::NoArticles => (
            "No articles. Add your own with “Choose files…” or “Paste text”, or include the bundled ones.",
            "لا مقالات. أضف مقالاتك عبر «اختيار ملفات…» أو «لصق نص»، أو ضمّن المقالات المرفقة.",
        ),
        Key::PastedText => ("pasted text", "نص ملصوق"),
        Key::Notices => ("Messages", "الرسائل"),
        Key::PasteEmpty => ("Nothing to add: the text box is empty.", "لا شيء للإضافة: خانة النص فارغة."),
        Key::Reanalyse => ("Analyse them again", "أعد تحليلها"),
        Key::TabFacts => ("Facts", "الوقائع"),
        Key::TabWire => ("Shared copy", "النصوص المشتركة"),
        Key::FactsIntro => ("What the articles count, date and name — and where they disagree", "ما تذكره المقالات من أعداد وتواريخ وأسماء، وأين تختلف"),
        Key::FactColumn => ("Fact", "الواقعة"),
        Key::StatusColumn => ("Status", "الحالة"),
        Key::StatusAll => ("All", "الكل"),
        Key::StatusConflict => ("conflict", "تعارض"),
        Key::StatusAgree => ("agree", "اتفاق"),
        Key::StatusSingle => ("single source", "مصدر واحد"),
        Key::FactsStatusLabel => ("Show", "عرض"),
        Key::FactsFilterLabel => ("Filter facts", "تصفية الوقائع"),
        Key::FactsFilterPlaceholder => ("Filter by label or value…", "تصفية بالاسم أو القيمة…"),
        Key::NoFacts => ("No facts were found in these articles.", "لم يُعثر على وقائع في هذه المقالات."),
        Key::NoFactsMatch => ("No fact matches the filter.", "لا واقعة تطابق التصفية."),
        Key::FactJump => ("Show in the article", "اعرضها في المقال"),
        Key::Normalised => ("normalised", "القيمة الموحّدة"),
        Key::QuotesTitle => ("Who said what", "من قال ماذا"),
        Key::NoQuotes => ("No quotes attributed to this name.", "لا أقوال منسوبة إلى هذا الاسم."),
        Key::WireIntro => ("Passages that two articles share nearly word for word (agency copy); differing words are marked.", "فقرات يتشاركها مقالان كلمةً بكلمة تقريبًا (نص وكالة)؛ الكلمات المختلفة مميّزة."),
        Key::NoWire => ("No passage is shared nearly word for word by two articles.", "لا توجد فقرة يتشاركها مقالان كلمةً بكلمة تقريبًا."),
        Key::DiffChanged => ("changed", "تغيّر"),
        Key::DiffOnlyA => ("only in the first", "في الأول فقط"),
        Key::DiffOnlyB => ("only in the second", "في الثاني فقط"),
        Key::UpdatingAnalysis => ("Updating the analysis…", "جارٍ تحديث التحليل…"),
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

/// A size in bytes as a person reads it ("20.0 MB", "512 KB"). Integer arithmetic: formatting
/// floats would add Rust's float printing to the web app.
pub fn human_size(bytes: f64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    let b = if bytes.is_finite() && bytes > 0.0 { bytes as u64 } else { 0 };
    if b >= MB {
        let tenths = (b * 10 + MB / 2) / MB;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else if b >= KB {
        format!("{} KB", (b + KB / 2) / KB)
    } else {
        format!("{b} B")
    }
}

/// Why a file was not added, naming it.
pub fn input_error(lang: Lang, name: &str, e: &qarin_engine::input::InputError) -> String {
    let name = &isolate(name);
    use qarin_engine::input::InputError as E;
    match (lang, e) {
        (Lang::En, E::Empty) => format!("“{name}” was not added: the file is empty (it holds no text)."),
        (Lang::Ar, E::Empty) => format!("لم يُضَف «{name}»: الملف فارغ (لا نص فيه)."),
        (Lang::En, E::Binary) => format!("“{name}” was not added: it is not a text file (it holds binary data, such as an image)."),
        (Lang::Ar, E::Binary) => format!("لم يُضَف «{name}»: ليس ملفًا نصيًا (فيه بيانات ثنائية كالصور)."),
        (Lang::En, E::NotUtf8 { .. }) => format!(
            "“{name}” was not added: its text is not valid UTF-8, UTF-16 or Windows-1256, so it cannot be read. Save it as UTF-8 and try again."
        ),
        (Lang::Ar, E::NotUtf8 { .. }) => format!(
            "لم يُضَف «{name}»: نصه ليس بترميز UTF-8 أو UTF-16 أو Windows-1256 صالح، فتعذّرت قراءته. احفظه بترميز UTF-8 وأعد المحاولة."
        ),
        (Lang::En, E::BadEncoding { encoding }) => format!(
            "“{name}” was not added: it starts with a {0} byte order mark, but the rest is not valid {0} (the file may be damaged or cut short).",
            encoding.label()
        ),
        (Lang::Ar, E::BadEncoding { encoding }) => format!(
            "لم يُضَف «{name}»: يبدأ بعلامة ترتيب البايتات الخاصة بـ{0}، لكن بقيته ليست {0} صالحًا (قد يكون الملف تالفًا أو ناقصًا).",
            encoding.label()
        ),
        (_, E::TooLarge { bytes, .. }) => too_large(lang, name, *bytes as f64),
    }
}

/// A file over the size limit, refused before it was read.
pub fn too_large(lang: Lang, name: &str, bytes: f64) -> String {
    let name = &isolate(name);
    let limit = human_size(qarin_engine::input::MAX_DOCUMENT_BYTES as f64);
    let size = human_size(bytes);
    match lang {
        Lang::En => format!("“{name}” was not added: it is {size}, and the limit is {limit} per article."),
        Lang::Ar => format!("لم يُضَف «{name}»: حجمه {size}، والحد الأقصى {limit} للمقال الواحد."),
    }
}

/// The browser could not read a file.
pub fn read_failed(lang: Lang, name: &str, err: &str) -> String {
    let name = &isolate(name);
    match lang {
        Lang::En => format!("“{name}” could not be read by the browser ({err})."),
        Lang::Ar => format!("تعذّر على المتصفح قراءة «{name}» ({err})."),
    }
}

/// An article without Arabic text was added.
pub fn no_arabic(lang: Lang, name: &str) -> String {
    let name = &isolate(name);
    match lang {
        Lang::En => format!("“{name}” was added, but it has no Arabic text, so no names can be found in it."),
        Lang::Ar => format!("أُضيف «{name}»، لكن لا نص عربيًا فيه، فلن يُعثر فيه على أسماء."),
    }
}

/// Names listed at most in the message about added articles (the rest are counted).
const ADDED_LISTED: usize = 5;

/// Articles were added.
pub fn added(lang: Lang, names: &[String]) -> String {
    let mut list = names.iter().take(ADDED_LISTED).map(|n| quote(lang, n)).collect::<Vec<_>>().join(if lang == Lang::Ar { "، " } else { ", " });
    let rest = names.len().saturating_sub(ADDED_LISTED);
    if rest > 0 {
        list = match lang {
            Lang::En => format!("{list} and {rest} more"),
            Lang::Ar => format!("{list} و{rest} غيرها"),
        };
    }
    match (lang, names.len()) {
        (Lang::En, 1) => format!("Added {list}."),
        (Lang::En, n) => format!("Added {n} articles: {list}."),
        (Lang::Ar, 1) => format!("أُضيف {list}."),
        (Lang::Ar, n) => format!("أُضيفت المقالات ({n}): {list}."),
    }
}

/// An HTML page was reduced to its text.
pub fn html_extracted(lang: Lang, name: &str) -> String {
    let name = &isolate(name);
    match lang {
        Lang::En => format!("“{name}” is a web page: only its article text was kept (scripts, styles and markup were dropped, never run)."),
        Lang::Ar => format!("«{name}» صفحة ويب: أُخذ نص المقال وحده (حُذفت البرامج النصية والتنسيقات والوسوم دون تشغيلها)."),
    }
}

fn quote(lang: Lang, s: &str) -> String {
    let s = isolate(s);
    match lang {
        Lang::En => format!("“{s}”"),
        Lang::Ar => format!("«{s}»"),
    }
}

/// A name or title inside a message, isolated (U+2068 … U+2069) so that an Arabic title in an
/// English sentence, or a Latin file name in an Arabic one, keeps its own direction and does not
/// pull the quotes and punctuation around it out of place.
pub fn isolate(s: &str) -> String {
    format!("\u{2068}{s}\u{2069}")
}

/// "Removed “title”."
pub fn removed(lang: Lang, title: &str) -> String {
    let title = &isolate(title);
    match lang {
        Lang::En => format!("Removed “{title}”."),
        Lang::Ar => format!("أُزيل «{title}»."),
    }
}

/// The guessed-encoding preview's explanation.
pub fn preview_intro(lang: Lang, name: &str, encoding: &str) -> String {
    let name = &isolate(name);
    match lang {
        Lang::En => format!(
            "“{name}” is not UTF-8. It reads as Arabic in {encoding}, so that is how Qarin decoded it. Check that the text below reads correctly before adding it."
        ),
        Lang::Ar => format!(
            "«{name}» ليس بترميز UTF-8، ويُقرأ نصًا عربيًا بترميز {encoding}، فبه فكّه قارن. تحقّق من أن النص أدناه سليم قبل إضافته."
        ),
    }
}

/// The preview was cancelled.
pub fn not_added(lang: Lang, name: &str) -> String {
    let name = &isolate(name);
    match lang {
        Lang::En => format!("“{name}” was not added."),
        Lang::Ar => format!("لم يُضَف «{name}»."),
    }
}

/// Browser storage refused a write.
pub fn storage_failed(lang: Lang, what: &[String], err: &str) -> String {
    let list = what.iter().map(|n| quote(lang, n)).collect::<Vec<_>>().join(if lang == Lang::Ar { "، " } else { ", " });
    match (lang, what.is_empty()) {
        (Lang::En, true) => format!(
            "Your latest changes could not be saved in this browser ({err}): its storage is full or switched off (private browsing). They stay in this tab until you close it; export the workspace to keep them."
        ),
        (Lang::En, false) => format!(
            "Not saved in this browser: {list} ({err}): its storage is full or switched off (private browsing). They stay in this tab until you close it; export the workspace to keep them."
        ),
        (Lang::Ar, true) => format!(
            "تعذّر حفظ آخر تغييراتك في هذا المتصفح ({err}): مساحة التخزين ممتلئة أو معطّلة (التصفح الخاص). ستبقى في هذه النافذة حتى تغلقها؛ صدّر مساحة العمل للاحتفاظ بها."
        ),
        (Lang::Ar, false) => format!(
            "لم يُحفظ في هذا المتصفح: {list} ({err}): مساحة التخزين ممتلئة أو معطّلة (التصفح الخاص). ستبقى في هذه النافذة حتى تغلقها؛ صدّر مساحة العمل للاحتفاظ بها."
        ),
    }
}

/// A stored article whose text was gone.
pub fn text_missing(lang: Lang, title: &str) -> String {
    let title = &isolate(title);
    match lang {
        Lang::En => format!("The text of “{title}” was missing from this browser's storage; the article could not be restored."),
        Lang::Ar => format!("لم يُعثر على نص «{title}» في تخزين هذا المتصفح، فتعذّرت استعادة المقال."),
    }
}

/// The stored workspace could not be read.
pub fn workspace_unreadable(lang: Lang, err: &str, kept_as: &str) -> String {
    match lang {
        Lang::En => format!("Your saved workspace could not be read ({err}). It was set aside under “{kept_as}” in this browser's storage; Qarin started with an empty workspace."),
        Lang::Ar => format!("تعذّرت قراءة مساحة عملك المحفوظة ({err}). نُحّيت جانبًا باسم «{kept_as}» في تخزين المتصفح، وبدأ قارن بمساحة عمل فارغة."),
    }
}

/// The analysis did not finish last time.
pub fn crashed(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("Qarin stopped while analysing your articles last time. So that the page could open, your {n} article(s) were kept but left out of the analysis."),
        Lang::Ar => format!("توقّف قارن في المرة الماضية أثناء تحليل مقالاتك. ولكي تُفتح الصفحة، احتُفظ بمقالاتك ({n}) لكنها استُبعدت من التحليل."),
    }
}

/// A workspace file was imported.
pub fn imported(lang: Lang, file: &str, n: usize, skipped: &[String]) -> String {
    let file = &isolate(file);
    let skipped_text = if skipped.is_empty() {
        String::new()
    } else {
        match lang {
            Lang::En => format!(" Left out: {}.", skipped.join("; ")),
            Lang::Ar => format!(" استُبعد: {}.", skipped.join("؛ ")),
        }
    };
    match lang {
        Lang::En => format!("Imported the workspace “{file}”: {n} article(s) of your own, with their decisions and settings.{skipped_text}"),
        Lang::Ar => format!("استُورِدت مساحة العمل «{file}»: مقالاتك ({n}) مع قراراتها وإعداداتها.{skipped_text}"),
    }
}

/// A workspace file was refused.
pub fn import_failed(lang: Lang, file: &str, e: &crate::workspace::ImportError) -> String {
    let file = &isolate(file);
    use crate::workspace::ImportError as E;
    match (lang, e) {
        (Lang::En, E::TooLarge(n)) => format!("“{file}” was not imported: it is {}, more than a workspace can be.", human_size(*n as f64)),
        (Lang::Ar, E::TooLarge(n)) => format!("لم تُستورد «{file}»: حجمها {}، أكبر مما تكون عليه مساحة عمل.", human_size(*n as f64)),
        (Lang::En, E::NotJson(err)) => format!("“{file}” was not imported: it is not a Qarin workspace file (not valid JSON: {err})."),
        (Lang::Ar, E::NotJson(err)) => format!("لم تُستورد «{file}»: ليست ملف مساحة عمل لقارن (ليست JSON صالحًا: {err})."),
        (Lang::En, E::WrongSchema(s)) => format!(
            "“{file}” was not imported: it is not a Qarin workspace file (schema “{s}”, expected “{}”).",
            crate::workspace::SCHEMA
        ),
        (Lang::Ar, E::WrongSchema(s)) => format!(
            "لم تُستورد «{file}»: ليست ملف مساحة عمل لقارن (المخطط «{s}»، والمتوقع «{}»).",
            crate::workspace::SCHEMA
        ),
    }
}

/// Two entities were merged.
pub fn merged(lang: Lang, absorbed: &str, kept: &str) -> String {
    let absorbed = &isolate(absorbed);
    let kept = &isolate(kept);
    match lang {
        Lang::En => format!("Merged “{absorbed}” into “{kept}”."),
        Lang::Ar => format!("دُمج «{absorbed}» في «{kept}»."),
    }
}

/// A spelling was split off.
pub fn split_done(lang: Lang, spelling: &str) -> String {
    let spelling = &isolate(spelling);
    match lang {
        Lang::En => format!("“{spelling}” is now an entity of its own."),
        Lang::Ar => format!("صار «{spelling}» كيانًا مستقلًا."),
    }
}

/// A decision was undone.
pub fn decision_undone(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Your decision was undone.",
        Lang::Ar => "أُلغي قرارك.",
    }
}

/// Label of a "Remove" button for one article.
pub fn remove_label(lang: Lang, title: &str) -> String {
    let title = &isolate(title);
    match lang {
        Lang::En => format!("Remove “{title}”"),
        Lang::Ar => format!("إزالة «{title}»"),
    }
}

/// Label of a "Split off" button.
pub fn split_label(lang: Lang, spelling: &str) -> String {
    let spelling = &isolate(spelling);
    match lang {
        Lang::En => format!("Split “{spelling}” off into an entity of its own"),
        Lang::Ar => format!("فصل «{spelling}» في كيان مستقل"),
    }
}

/// "Restore 2 removed bundled articles".
pub fn restore_removed(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En if n == 1 => "Restore the removed bundled article".to_string(),
        Lang::En => format!("Restore the {n} removed bundled articles"),
        Lang::Ar => format!("استعادة المقالات المرفقة المُزالة ({n})"),
    }
}

/// "A split of “X”" (the synthetic reason line in the panel).
pub fn split_reason(lang: Lang, spelling: &str) -> String {
    let spelling = &isolate(spelling);
    match lang {
        Lang::En => format!("You split “{spelling}” off into an entity of its own."),
        Lang::Ar => format!("فصلتَ «{spelling}» في كيان مستقل."),
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
            DownloadFactsCsv,
            About,
            AddArticles,
            ChooseFiles,
            DropHint,
            PasteText,
            PasteLabel,
            PasteTitleLabel,
            PasteAdd,
            Cancel,
            DropHere,
            SourceUser,
            SourceBundled,
            SourceUserLong,
            SourceBundledLong,
            ShowBundled,
            Remove,
            Undo,
            EditDetails,
            FieldTitle,
            FieldOutlet,
            FieldDate,
            FieldUrl,
            Save,
            ExportWorkspace,
            ImportWorkspace,
            WorkspaceTitle,
            WorkspaceHint,
            PreviewTitle,
            PreviewConfirm,
            Dismiss,
            Retry,
            MergeWith,
            MergeButton,
            MergeHint,
            ChooseEntity,
            SplitOff,
            UserDecision,
            NoArticles,
            PastedText,
            Notices,
            PasteEmpty,
            Reanalyse,
                    UpdatingAnalysis,
            TabFacts,
            TabWire,
            FactsIntro,
            FactColumn,
            StatusColumn,
            StatusAll,
            StatusConflict,
            StatusAgree,
            StatusSingle,
            FactsStatusLabel,
            FactsFilterLabel,
            FactsFilterPlaceholder,
            NoFacts,
            NoFactsMatch,
            FactJump,
            Normalised,
            QuotesTitle,
            NoQuotes,
            WireIntro,
            NoWire,
            DiffChanged,
            DiffOnlyA,
            DiffOnlyB,
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

    #[test]
    fn messages_name_the_file() {
        use qarin_engine::input::{InputError, TextEncoding};
        let errors = [
            InputError::Empty,
            InputError::Binary,
            InputError::NotUtf8 { byte_offset: 3 },
            InputError::BadEncoding { encoding: TextEncoding::Utf16Le },
            InputError::TooLarge { bytes: 20 * 1024 * 1024, limit: 8 * 1024 * 1024 },
        ];
        for lang in [Lang::En, Lang::Ar] {
            for e in &errors {
                assert!(input_error(lang, "photo.txt", e).contains("photo.txt"), "{lang:?} {e:?}");
            }
        }
        assert_eq!(
            too_large(Lang::En, "big.txt", 20.0 * 1024.0 * 1024.0),
            "“\u{2068}big.txt\u{2069}” was not added: it is 20.0 MB, and the limit is 8.0 MB per article."
        );
        assert_eq!(human_size(512.0), "512 B");
        assert_eq!(human_size(8.0 * 1024.0 * 1024.0), "8.0 MB");
        assert_eq!(human_size(1.25 * 1024.0 * 1024.0), "1.3 MB");
        assert_eq!(human_size(4096.0), "4 KB");
        assert_eq!(added(Lang::En, &["a".into()]), "Added “\u{2068}a\u{2069}”.");
        assert_eq!(
            added(Lang::En, &["a".into(), "b".into()]),
            "Added 2 articles: “\u{2068}a\u{2069}”, “\u{2068}b\u{2069}”."
        );
        let many: Vec<String> = (0..200).map(|i| format!("f{i}")).collect();
        let text = added(Lang::En, &many);
        assert!(text.starts_with("Added 200 articles: “\u{2068}f0\u{2069}”,"), "{text}");
        assert!(text.ends_with("“\u{2068}f4\u{2069}” and 195 more."), "{text}");
    }
}

/// "12 % shared": the share of an article's words inside passages another article shares.
pub fn shared_share(lang: Lang, share: f64) -> String {
    let pct = (share * 100.0).round().clamp(1.0, 100.0) as u32;
    match lang {
        Lang::En => format!("{pct} % shared"),
        Lang::Ar => format!("{pct}٪ مشترك"),
    }
}

/// The button under a list cut short: how many are shown and how many more it adds.
pub fn show_more(lang: Lang, shown: usize, total: usize, page: usize) -> String {
    let next = page.min(total.saturating_sub(shown));
    match lang {
        Lang::En => format!("Showing {shown} of {total}: show {next} more"),
        Lang::Ar => format!("المعروض {shown} من {total}: اعرض {next} أخرى"),
    }
}

/// "Quotes: 3 in 2 articles".
pub fn quotes_count(lang: Lang, quotes: usize, articles: usize) -> String {
    match lang {
        Lang::En => format!(
            "{quotes} {} in {articles} {}",
            if quotes == 1 { "quote" } else { "quotes" },
            if articles == 1 { "article" } else { "articles" }
        ),
        Lang::Ar => format!("الأقوال: {quotes} في {articles} من المقالات"),
    }
}

/// "87 % the same words (41 of 47)".
pub fn similarity_text(lang: Lang, similarity: f64, same: usize, words: usize) -> String {
    let pct = (similarity * 100.0).round() as u32;
    match lang {
        Lang::En => format!("{pct} % the same words ({same} of {words})"),
        Lang::Ar => format!("الكلمات المتطابقة {pct}٪ ({same} من {words})"),
    }
}

/// "Facts: 4 conflicts, 7 agreements, 12 from a single article".
pub fn facts_summary(lang: Lang, conflict: usize, agree: usize, single: usize) -> String {
    match lang {
        Lang::En => format!("{conflict} in conflict · {agree} agreed · {single} from a single article"),
        Lang::Ar => format!("متعارضة: {conflict} · متفق عليها: {agree} · من مقال واحد: {single}"),
    }
}
