//! The outlet an article names itself by, as a suggestion (the user's metadata always wins).
//!
//! Rules, tried in this order (agency, then dateline, line by line); the first that finds a name
//! gives it:
//! - **dateline**: one of the first eight non-empty lines is short (at most seven words) and cut
//!   by separators (`|` `–` `—` `-` `/` `_` `:`) into parts of one to four words, such as
//!   `الخرطوم | برق السودان`, `يمن مونيتور/ وكالات`, `الدرر الشامية:`. Parts that are a known
//!   place, a date or time, an abbreviation of single letters (`و.م.ع`, `أ ف ب`) or a word of the
//!   trade ([`NOT_OUTLETS`]: وكالات، متابعات، خاص …) are set aside; exactly one part must be left,
//!   and it is the outlet (`الصحة بغزة: الشهداء …`, a source and a headline, is no dateline). A
//!   line with a byline (`بقلم`, `كتب`) or a part of more than four words is no dateline either.
//!   The same holds at the start of a longer line (`البيان/متابعات: تعقد …`) when at least one
//!   part before the text was set aside: that is the sign of a dateline.
//! - A hyphen between two letters and a slash, colon or hyphen between two digits (Western or
//!   Eastern) do not cut (`24/7`, `11/09`, `٠٩:١٤`); a time or date then a place (`17:19 دمشق`)
//!   is set aside like a place; a line of the page's furniture is no dateline, nor a copyright
//!   notice's name (`FURNITURE_WORDS`: a time zone, a reading time, `Copyright`; and the
//!   widgets' words among [`NOT_OUTLETS`]: `القسم`, `الخط`, `الحجم الطبيعي`).
//! - **editor**: `محرر X`, `فريق تحرير X` in the first or last eight lines (not `هيئة تحرير X`:
//!   `هيئة تحرير الشام` is an armed group of the Syrian news).
//! - **copyright**: `جميع الحقوق محفوظة لـ X`, `حقوق النشر محفوظة لـ X`, `© 2023 X` in the last
//!   eight lines.
//! - **agency** (tried first on each line): a line that opens with a known place and a name in
//!   brackets before a dash or colon, `بيروت (رويترز) -`, `دبي - (أ ف ب):`: the agency the report
//!   comes from.
//!
//! The name is at most four words, trimmed of punctuation, and points into the text (code
//! points), like every mention.

use crate::lexicon::lexicon;
use crate::normalize::normalize;
pub use crate::model::{OutletCue, OutletGuess};

/// Words of the trade that sit in datelines but name no outlet (matching forms).
pub const NOT_OUTLETS: &[&str] = &[
    "وكالات", "الوكالات", "متابعات", "خاص", "حصري", "مراسلنا", "مراسلون", "المراسل", "مراسل", "عاجل", "تقرير", "فيديو", "صور", "بالصور", "بالفيديو",
    "تاريخ النشر", "اخر تحديث", "نشر في", "بتاريخ", "منذ", "رياضه", "اقتصاد", "سياسه", "محليات", "دولي", "عربي ودولي", "اخبار", "الرييسيه", "متابعه",
    // A page's widgets: the section's label, the text size's buttons.
    "القسم", "الخط", "حجم الخط", "الحجم الطبيعي",
];
/// Words that make a line a page's furniture, not a dateline (matching forms, Latin in lower
/// case): a time zone (`٠٩:١٤ بتوقيت غرينتش`), a reading time (`time reading icon دقائق القراءة`),
/// a copyright notice (`© Copyright : DR`). The words are matching forms: Latin letters in lower case.
const FURNITURE_WORDS: &[&str] = &["بتوقيت", "غرينتش", "gmt", "القراءه", "icon", "copyright"];
const BYLINE: &[&str] = &["بقلم", "كتب", "كتبت", "اعداد", "حوار", "ترجمه", "تقرير", "قراءه", "تصوير", "مونتاج"];
const EDITOR: &[&str] = &["فريق تحرير", "محرر"];
const COPYRIGHT: &[&str] = &["جميع الحقوق محفوظة", "جميع الحقوق محفوظه", "حقوق النشر محفوظة", "حقوق الطبع محفوظة", "©", "Copyright", "copyright"];
const SEPARATORS: &[char] = &['|', '–', '—', '-', '/', '_', ':', '⁄'];
const MAX_WORDS: usize = 4;

/// The lines of `text` with their byte offsets, empty ones left out.
fn lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    for l in text.split('\n') {
        if !l.trim().is_empty() {
            out.push((at, l));
        }
        at += l.len() + 1;
    }
    out
}

/// The words of a piece of text, as matching forms.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || matches!(c, '«' | '»' | '"' | '“' | '”' | '(' | ')' | '.' | '،' | ',' | '!'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(normalize)
        .collect()
}

/// `s` (at byte `at` in the text) trimmed of white space and punctuation at both ends: its byte
/// range, if anything is left.
fn trimmed(s: &str, at: usize) -> Option<(usize, usize)> {
    let keep = |c: char| c.is_alphanumeric();
    let start = s.find(keep)?;
    let end = s.rfind(keep).map(|i| i + s[i..].chars().next().map_or(1, char::len_utf8))?;
    Some((at + start, at + end))
}

fn is_place(ws: &[String]) -> bool {
    let joined = ws.join(" ");
    let lex = lexicon();
    let listed = |n: &str| lex.place(n).is_some() || lex.names.get(n).is_some_and(|e| e.kind == crate::model::EntityType::Loc);
    listed(&joined) || joined.strip_prefix("ال").is_some_and(listed)
}

fn is_date(ws: &[String]) -> bool {
    // A year may carry its era's letter: `2021م`, `1443هـ`.
    let year = |w: &str| w.starts_with(|c: char| c.is_ascii_digit()) && !w.trim_end_matches(['م', 'ه', 'ـ']).chars().any(char::is_alphabetic);
    // (`تشرين` and `كانون` name a month only with their ordinal.)
    let calendar = |w: &str| crate::facts::dates::words::is_calendar_word(w) || matches!(w, "تشرين" | "كانون");
    // `تشرين ثاني`, `كانون الأول`: the Levantine months' ordinals, after a month.
    let ordinal = |w: &str| matches!(w, "ثاني" | "الثاني" | "اول" | "الاول") && ws.iter().any(|x| calendar(x));
    ws.iter().all(|w| !w.chars().any(char::is_alphabetic) || year(w) || calendar(w) || ordinal(w))
}

/// Whether a part's words are an abbreviation of single letters (`و.م.ع`, `أ ف ب`).
fn is_abbreviation(part: &str) -> bool {
    let letters: Vec<&str> = part.split(|c: char| c.is_whitespace() || matches!(c, '.' | '(' | ')')).filter(|w| !w.is_empty()).collect();
    letters.len() >= 2 && letters.iter().all(|w| w.chars().count() == 1)
}

/// A dateline's outlet: the one part that is not a place, a date, an abbreviation or a word of
/// the trade.
fn dateline(at: usize, line: &str) -> Option<(usize, usize)> {
    if !line.contains(SEPARATORS) {
        return None;
    }
    let short = words(line).len() <= 7;
    let mut parts = Vec::new();
    let mut from = 0;
    for (i, c) in line.char_indices().filter(|(_, c)| SEPARATORS.contains(c)) {
        let (before, after) = (line[..i].chars().next_back(), line[i + c.len_utf8()..].chars().next());
        let both = |f: fn(char) -> bool| before.is_some_and(f) && after.is_some_and(f);
        if (c == '-' && both(char::is_alphabetic)) || (matches!(c, '/' | ':' | '-') && both(char::is_numeric)) {
            continue;
        }
        parts.push((from, i));
        from = i + c.len_utf8();
    }
    if short {
        parts.push((from, line.len()));
    }
    // Nothing cut: no dateline (`الرياضة 2022/06/29`, a section and a date).
    if parts.len() < 2 {
        return None;
    }
    // A longer line: only the parts before its text count, and one must be set aside.
    let mut left = Vec::new();
    let mut set_aside = 0;
    for (s, e) in parts {
        let ws = words(&line[s..e]);
        if ws.is_empty() {
            continue;
        }
        let furniture = |w: &String| FURNITURE_WORDS.iter().any(|f| w.contains(f));
        if ws.len() > MAX_WORDS || BYLINE.contains(&ws[0].as_str()) || ws.iter().any(furniture) {
            return None;
        }
        // A time or date, then a place (`17:19 دمشق`): the dateline's place and time.
        let when = ws.iter().take_while(|w| is_date(std::slice::from_ref(w))).count();
        let time_and_place = when > 0 && when < ws.len() && is_place(&ws[when..]);
        // A name does not end in a preposition (`مشاركة على:`, "share on:", a page's button).
        if ws.last().is_some_and(|w| matches!(w.as_str(), "علي" | "على" | "في" | "عبر" | "من" | "الي" | "إلى" | "عن")) {
            return None;
        }
        if NOT_OUTLETS.contains(&ws.join(" ").as_str()) || is_place(&ws) || is_date(&ws) || time_and_place || is_abbreviation(&line[s..e]) {
            set_aside += 1;
        } else {
            left.push((s, e));
        }
    }
    match left[..] {
        [(s, e)] if short || set_aside > 0 => trimmed(&line[s..e], at + s),
        _ => None,
    }
}

/// `s` without the white space, digits and marks that stand before a name.
fn skip(s: &str) -> &str {
    s.trim_start_matches(|c: char| c.is_whitespace() || c.is_ascii_digit() || matches!(c, '©' | ':' | '-' | '–'))
}

/// The name after a cue phrase found in `line` (as written, in its usual spellings), up to a
/// separator or the line's end; `لـ`, `موقع`, `صحيفة`, a year before it and a year after it are
/// left out.
fn after_cue(at: usize, line: &str, cues: &[&str]) -> Option<(usize, usize)> {
    let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphabetic());
    for cue in cues {
        let Some(i) = line.find(cue) else { continue };
        let rest = &line[i + cue.len()..];
        if !edge(line[..i].chars().next_back()) || !edge(rest.chars().next()) {
            continue;
        }
        let mut name = skip(rest);
        for p in ["لـ", "ل ", "لموقع ", "موقع ", "لصحيفة ", "صحيفة ", "لشبكة ", "شبكة "] {
            if let Some(r) = name.strip_prefix(p) {
                name = skip(r);
            }
        }
        let name = &name[..name.find(SEPARATORS).unwrap_or(name.len())];
        let name = name.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || matches!(c, '-' | '.' | '©'));
        let ws = words(name);
        let furniture = ws.iter().any(|w| FURNITURE_WORDS.iter().any(|f| w.contains(f)));
        if ws.is_empty() || ws.len() > MAX_WORDS || NOT_OUTLETS.contains(&ws.join(" ").as_str()) || furniture {
            continue;
        }
        return trimmed(name, at + (name.as_ptr() as usize - line.as_ptr() as usize));
    }
    None
}

/// `بيروت (رويترز) -`: a known place, a name in brackets, a dash.
fn agency(line: &str, at: usize) -> Option<(usize, usize)> {
    let open = line.find('(')?;
    let close = open + line[open..].find(')')?;
    let mut before = line[..open].trim_end().trim_end_matches(['-', '–', '—']);
    // `الجزائر العاصمة – 11 أغسطس 2021م (وام)-`: a date between the place and the agency.
    if let Some((d, c)) = before.char_indices().rev().find(|&(_, c)| matches!(c, '-' | '–' | '—')) {
        if is_date(&words(&before[d + c.len_utf8()..])) {
            before = before[..d].trim_end();
        }
    }
    let place = words(before);
    if place.is_empty() || place.len() > 2 || !is_place(&place) {
        return None;
    }
    let after = line[close + 1..].trim_start();
    if !after.starts_with(['-', '–', '—', ':']) {
        return None;
    }
    let ws = words(&line[open + 1..close]);
    if ws.is_empty() || ws.len() > MAX_WORDS || is_date(&ws) || NOT_OUTLETS.contains(&ws.join(" ").as_str()) {
        return None;
    }
    trimmed(&line[open + 1..close], at + open + 1)
}

/// The outlet the article names itself by, if a rule finds it (see the module's rules).
pub fn guess(text: &str) -> Option<OutletGuess> {
    let ls = lines(text);
    let head = &ls[..ls.len().min(8)];
    let tail = &ls[ls.len().saturating_sub(8)..];
    let found = head
        .iter()
        .find_map(|&(at, l)| agency(l, at).map(|r| (r, OutletCue::Agency)).or_else(|| dateline(at, l).map(|r| (r, OutletCue::Dateline))))
        .or_else(|| head.iter().chain(tail).find_map(|&(at, l)| after_cue(at, l, EDITOR).map(|r| (r, OutletCue::Editor))))
        .or_else(|| tail.iter().rev().find_map(|&(at, l)| after_cue(at, l, COPYRIGHT).map(|r| (r, OutletCue::Copyright))));
    let ((s, e), cue) = found.filter(|((s, e), _)| text[*s..*e].chars().filter(|c| c.is_alphabetic()).count() >= 3)?;
    let start = text[..s].chars().count();
    let name = text[s..e].to_string();
    Some(OutletGuess { start, end: start + name.chars().count(), name, cue })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> Option<(String, OutletCue)> {
        guess(text).map(|g| {
            assert_eq!(text.chars().skip(g.start).take(g.end - g.start).collect::<String>(), g.name, "offsets point at the name");
            (g.name, g.cue)
        })
    }

    macro_rules! outlet {
        ($text:expr, $name:expr, $cue:ident) => {
            assert_eq!(name($text), Some(($name.to_string(), OutletCue::$cue)), "{}", $text)
        };
        ($text:expr, None) => {
            assert_eq!(name($text), None, "{}", $text)
        };
    }

    #[test]
    fn a_short_dateline_names_the_outlet_and_sets_places_and_trade_words_aside() {
        outlet!("الخرطوم | برق السودان\nحققت السعودية انتصارا تاريخيا.", "برق السودان", Dateline);
        outlet!("عنوان الخبر هنا\n\nيمن مونيتور/ وكالات\n\nافتتحت رسميا البطولة.", "يمن مونيتور", Dateline);
        outlet!("\nالدرر الشامية:\nأعلنت السعودية وإيران استئناف العلاقات.", "الدرر الشامية", Dateline);
        outlet!("عنوان\nديلي سبورت عربي _ البصرة\nافتتحت البطولة.", "ديلي سبورت عربي", Dateline);
        outlet!("عنوان\nالصحيفة - و.م.ع\nالسبت 9 شتنبر 2023 - 8:39\nنص", "الصحيفة", Dateline);
        outlet!("البيان/متابعات: تعقد لجنة السياسات النقدية في البنك المركزي اجتماعا دوريا الخميس", "البيان", Dateline);
        // A date between the place and the agency, its year with its era's letter.
        outlet!("الجزائر العاصمة – 11 أغسطس 2021م (وام)- ارتفعت حصيلة ضحايا الحرائق في الجزائر إلى 65.", "وام", Agency);
    }

    #[test]
    fn a_page_s_widgets_and_times_are_no_outlet() {
        outlet!("عنوان\nالقسم:\nنص الخبر", None);
        outlet!("عنوان (Getty)\n+ الخط -\nنص الخبر", None);
        outlet!("عنوان\nت + ت - الحجم الطبيعي\nنص الخبر", None);
        outlet!("عنوان\nالسبت ١٤ مايو ٢٠٢٢ ٠٩:١٤ بتوقيت غرينتش\nنص", None);
        outlet!("عنوان\ntime reading iconدقائق القراءة - 4\nنص", None);
        outlet!("عنوان\nتاريخ النشر: 11.08.2021 | 17:19 دمشق\nنص", None);
        outlet!("نص الخبر\n© Copyright : DR\nوتنافس", None);
        // Behind such a line, the dateline still names its outlet.
        outlet!("عنوان\ntime reading iconدقائق القراءة - 4\nسرت -الشرق\nنص", "الشرق", Dateline);
    }

    #[test]
    fn headlines_quotes_dates_and_bylines_are_no_dateline() {
        outlet!("سامح شكري: مصر لن تدخر جهدا لإنجاح مؤتمر المناخ | فيديو\nنص الخبر", None);
        outlet!("عاجل| انطلاق قمة المناخ COP27 بشرم الشيخ وتسلم مصر الرئاسة\nنص", None);
        outlet!("زلزال المغرب/ بقلم فريهان طايع\nنص", None);
        outlet!("عنوان\nالسبت 9 شتنبر 2023 - 8:39\nنص", None);
        outlet!("عنوان\nتاريخ النشر: 11/09/2023\nنص", None);
        outlet!("القاهرة - وكالات\nنص", None);
        outlet!("عنوان\n- الصحة بغزة: الشهداء ينتمون لعائلة واحدة\nنص", None);
        outlet!("+A\nA-\n\nحكومة جديدة\nنص", None);
        outlet!("هاي كورة – انتهت أحداث المباراة التي جمعت المنتخبين مساء اليوم", None);
        // A section and a date, a Levantine date, a share button, a report's byline.
        outlet!("عنوان\n\nالرياضة 2022/06/29\n\nنص", None);
        outlet!("أحدث الأخبار\nالاثنين 25 تشرين ثاني/نوفمبر 2024\nنص", None);
        outlet!("عنوان طويل للخبر عن الاقتحام\nمشاركة على:\nنص", None);
        // (Letters read out are a name: `بي دي ان`, PDN.)
        outlet!("عنوان\n\nبي دي ان |\nنص", "بي دي ان", Dateline);
        outlet!("عنوان – تقرير: هبة محمد (قراءة: حسن الزين)\n\nتقرير: هبة محمد\n\nنص", None);
    }

    #[test]
    fn an_editor_a_copyright_line_or_an_agency_names_it_too() {
        outlet!("كتب: محرر أقباط متحدون\nتم استئناف العلاقات بين إيران والسعودية وذلك من خلال فتح سفارتيهما خلال شهرين", "أقباط متحدون", Editor);
        outlet!("قصفت الطائرات مواقع في إدلب.\nوأدانت هيئة تحرير الشام القصف.", None);
        outlet!("نص الخبر الطويل هنا وهو يروي ما حدث في ذلك اليوم بالتفصيل الممل.\nجميع الحقوق محفوظة لـ صحيفة الوسط 2023", "الوسط", Copyright);
        outlet!("نص الخبر الطويل هنا وهو يروي ما حدث في ذلك اليوم بالتفصيل الممل.\n© 2024 العربي الجديد", "العربي الجديد", Copyright);
        outlet!("عنوان الخبر الطويل هنا عن الاجتماع والمحادثات الأخيرة في المدينة\nبيروت (رويترز) - قال مسؤولون إن المحادثات انتهت.", "رويترز", Agency);
        outlet!("دبي - (أ ف ب): يتوجه الناخبون في سلطنة عمان إلى مراكز الاقتراع غدا الأحد لتجديد مجلس الشورى", "أ ف ب", Agency);
    }
}
