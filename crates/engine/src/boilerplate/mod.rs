//! Stage 3: site boilerplate, marked and never deleted.
//!
//! Works line by line on the source text. Rules:
//! - **separator**: a line with no letters or digits (`-`, `***`);
//! - **repeated title**: a line whose matching form equals an earlier line's (at least three words),
//!   typically the headline printed twice;
//! - **continuation**: `(تستمر)`, `(يتبع)`, `يتبع`, `للحديث بقية`;
//! - **related link**: a line starting with a "read more" phrase (اقرأ المزيد، اقرأ أيضا، شاهد أيضا,
//!   تابع أيضا، انظر أيضا، مواضيع ذات صلة, اقرأ ايضا …); when the phrase stands alone on its line (a heading), the
//!   list of headlines under it is related links too: up to [`RELATED_LIST_MAX`] lines after it,
//!   each under [`FOOTER_LINE_MAX`] characters and not ending a sentence with a full stop; a
//!   "read more" line with its own headline (`اقرأ أيضا: …`) followed only by such lines to the end
//!   takes them all;
//! - **footer**: a line with a footer phrase (قد تحب أيضا، أفكارك وتعليقاتك، النشرة الإخبارية، اشترك في،
//!   منشورات شائعة، جميع الحقوق محفوظة، شارك هذا المقال، أضف تعليق، المزيد من الأخبار، تعليقات
//!   الفيسبوك …); when every
//!   line after it is short (under 100 characters), the whole tail from it to the end is footer.
//!
//! - **masthead**: among the first [`MASTHEAD_LINES`] lines, a line that is only an editor's
//!   title (رئيس التحرير، رئيس مجلس الإدارة، رئيس مجلسي الإدارة والتحرير، الإشراف العام، مدير
//!   التحرير …) and the short line of the name under it: the site's header, not the article's
//!   byline.
//!
//! [`mark`] records the spans on a document's token stream and flags the tokens inside them:
//! no later stage recognises a name or counts a fact there, so boilerplate never counts as
//! reporting.

use crate::model::{Boilerplate, BoilerplateKind, Tokenized};
use crate::normalize::normalize;
use crate::tokenize::CharOffsets;

const CONTINUATION: [&str; 4] = ["تستمر", "يتبع", "للحديث بقيه", "البقيه تاتي"];
const RELATED: [&str; 11] = [
    "اقرا المزيد", "اقرا ايضا", "اقرا كذلك", "شاهد ايضا", "مواضيع ذات صله", "اخبار ذات صله", "اقرا اكثر", "طالع ايضا", "تابع ايضا",
    "انظر ايضا", "انظر كذلك",
];

/// Most headlines under a "read more" heading taken as related links.
pub const RELATED_LIST_MAX: usize = 5;
const FOOTER: [&str; 16] = [
    "قد تحب ايضا", "قد يعجبك ايضا", "افكارك وتعليقاتك", "النشره الاخباريه", "اشترك في", "منشورات شايعه",
    "جميع الحقوق محفوظه", "شارك هذا المقال", "اضف تعليق", "المزيد من الاخبار", "الاكثر قراءه", "تابعونا على",
    "حمل تطبيق", "التعليقات", "تعليقات الفيسبوك", "تعليقات فيسبوك",
];

/// The editors' titles of a masthead, in matching form.
const MASTHEAD: [&str; 8] = [
    "رييس التحرير", "رييس مجلس الاداره", "رييس مجلسي الاداره والتحرير", "رييس مجلس الاداره والتحرير", "الاشراف العام", "مدير التحرير",
    "نايب رييس التحرير", "رييس التحرير التنفيذي",
];

/// How far from the top a masthead is looked for, in non-empty lines.
pub const MASTHEAD_LINES: usize = 12;

/// Longest line (in characters) that may belong to a footer tail.
pub const FOOTER_LINE_MAX: usize = 100;

fn words(norm: &str) -> String {
    norm.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

fn classify(line_words: &str, seen: &[String]) -> Option<BoilerplateKind> {
    if line_words.is_empty() {
        return Some(BoilerplateKind::Separator);
    }
    if CONTINUATION.contains(&line_words) {
        return Some(BoilerplateKind::Continuation);
    }
    if RELATED.iter().any(|p| line_words.starts_with(p)) {
        return Some(BoilerplateKind::RelatedLink);
    }
    if FOOTER.iter().any(|p| line_words == *p || line_words.starts_with(&format!("{p} "))) {
        return Some(BoilerplateKind::Footer);
    }
    if line_words.split(' ').count() >= 3 && seen.iter().any(|s| s == line_words) {
        return Some(BoilerplateKind::RepeatedTitle);
    }
    None
}

/// Boilerplate spans of `text` (byte and code point offsets), in order, one per line or tail.
pub fn detect(text: &str) -> Vec<Boilerplate> {
    // (byte start, byte end) of each non-empty line, trimmed.
    let mut lines = Vec::new();
    let mut off = 0;
    for raw in text.split_inclusive('\n') {
        let body = raw.trim_end_matches('\n');
        let lead = body.len() - body.trim_start().len();
        let t = body.trim();
        if !t.is_empty() {
            lines.push((off + lead, off + lead + t.len()));
        }
        off += raw.len();
    }
    // A line that reads as a headline: short, no sentence ended with a full stop.
    let headline = |&(a, b): &(usize, usize)| text[a..b].chars().count() < FOOTER_LINE_MAX && !text[a..b].ends_with('.');
    let mut spans: Vec<(usize, usize, BoilerplateKind)> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let (s, e) = lines[i];
        let w = words(&normalize(&text[s..e]));
        if i < MASTHEAD_LINES && MASTHEAD.contains(&w.as_str()) {
            // The title and the name under it (a short line, no sentence).
            let named = lines.get(i + 1).is_some_and(|&(a, b)| text[a..b].split_whitespace().count() <= 5 && !text[a..b].ends_with('.') && !MASTHEAD.contains(&words(&normalize(&text[a..b])).as_str()));
            let end = if named { lines[i + 1].1 } else { e };
            spans.push((s, end, BoilerplateKind::Masthead));
            i += if named { 2 } else { 1 };
            continue;
        }
        match classify(&w, &seen) {
            Some(BoilerplateKind::Footer) => {
                let tail_short = lines[i + 1..].iter().all(|&(a, b)| text[a..b].chars().count() < FOOTER_LINE_MAX);
                if tail_short {
                    spans.push((s, lines.last().map_or(e, |l| l.1), BoilerplateKind::Footer));
                    break;
                }
                spans.push((s, e, BoilerplateKind::Footer));
            }
            Some(BoilerplateKind::RelatedLink) if RELATED.contains(&w.as_str()) => {
                // A heading alone: the headlines under it.
                let list = lines[i + 1..].iter().take(RELATED_LIST_MAX).take_while(|l| headline(l)).count();
                spans.push((s, lines[i + list].1, BoilerplateKind::RelatedLink));
                for _ in 0..list {
                    i += 1;
                    seen.push(words(&normalize(&text[lines[i].0..lines[i].1])));
                }
            }
            Some(BoilerplateKind::RelatedLink) => {
                // `اقرأ أيضا: headline` with nothing but more headlines after it: the list of them.
                if i + 1 < lines.len() && lines[i + 1..].iter().all(headline) {
                    spans.push((s, lines.last().map_or(e, |l| l.1), BoilerplateKind::RelatedLink));
                    break;
                }
                spans.push((s, e, BoilerplateKind::RelatedLink));
            }
            Some(kind) => spans.push((s, e, kind)),
            None => {}
        }
        seen.push(w);
        i += 1;
    }
    let mut chars = CharOffsets::new(text);
    spans
        .into_iter()
        .map(|(s, e, kind)| Boilerplate { start: chars.at(s), end: chars.at(e), kind, byte_start: s, byte_end: e })
        .collect()
}

/// Detect the boilerplate of a document's text, record it and flag its tokens, but for those of a
/// repeated title: a headline printed twice still names what it names (readers and annotators
/// see the names in both copies); only the facts leave it out ([`flag_all`]).
pub fn mark(tz: &mut Tokenized) {
    tz.boilerplate = detect(tz.text);
    let spans: Vec<(usize, usize)> = tz.boilerplate.iter().filter(|b| b.kind != BoilerplateKind::RepeatedTitle).map(|b| (b.byte_start, b.byte_end)).collect();
    flag(tz, &spans);
}

/// Flag the tokens of every boilerplate span recorded, repeated titles too: what the facts read
/// (a headline printed twice reports its figures once).
pub fn flag_all(tz: &mut Tokenized) {
    let spans: Vec<(usize, usize)> = tz.boilerplate.iter().map(|b| (b.byte_start, b.byte_end)).collect();
    flag(tz, &spans);
}

/// Flag the tokens that overlap the boilerplate byte ranges `spans` (sorted, not overlapping).
pub fn flag(tz: &mut Tokenized, spans: &[(usize, usize)]) {
    let mut b = 0;
    for t in &mut tz.tokens {
        while b < spans.len() && spans[b].1 <= t.start {
            b += 1;
        }
        t.boiler = b < spans.len() && spans[b].0 < t.end && t.start < spans[b].1;
    }
}

/// Whether the byte range `[s, e)` overlaps any boilerplate span.
pub fn overlaps(spans: &[Boilerplate], s: usize, e: usize) -> bool {
    spans.iter().any(|b| s < b.byte_end && b.byte_start < e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_see_also_heading_takes_the_headline_under_it() {
        let text = "وحصد المنتخب المصري اللقب سبع مرات.\n\nانظر ايضاً\n\nالجيش الإيراني: تصدينا لأجسام طائرة مشبوهة\n";
        let b = detect(text);
        assert_eq!(b.len(), 1);
        assert_eq!((b[0].kind, &text[b[0].byte_start..b[0].byte_end]), (BoilerplateKind::RelatedLink, text[text.find("انظر").unwrap()..].trim_end()));
    }

    #[test]
    fn a_read_more_line_with_only_headlines_after_it_takes_them_and_a_comments_box_its_tail() {
        let text = "قال الوزير إن المحادثات مهمة.\nاقرأ أيضا: رئيس اليمن يشكل مجلسا\nوزير سابق يتحدث عن مؤامرة\nما وراء دعوة الفرقاء إلى الرياض؟\n";
        let b = detect(text);
        assert_eq!(b.len(), 1);
        assert_eq!((b[0].kind, &text[b[0].byte_start..b[0].byte_end]), (BoilerplateKind::RelatedLink, text[text.find("اقرأ").unwrap()..].trim_end()));
        // Prose after it: only the line itself.
        let text = "اقرأ أيضا: رئيس اليمن يشكل مجلسا\nوقال الوزير في بيان طويل إن المحادثات التي جرت اليوم كانت مهمة جدا وإن الجولة المقبلة ستعقد في الرياض قريبا.\n";
        let b = detect(text);
        assert_eq!(b.len(), 1);
        assert_eq!(&text[b[0].byte_start..b[0].byte_end], "اقرأ أيضا: رئيس اليمن يشكل مجلسا");
        let text = "نص الخبر.\nتعليقات الفيسبوك\nفي نفس السياق\nأصبح رئيس الاتحاد مواطنا\n15:05 - 2026/02/16\n";
        let b = detect(text);
        assert_eq!((b.len(), b[0].kind), (1, BoilerplateKind::Footer));
        assert_eq!(b[0].byte_end, text.trim_end().len());
    }

    #[test]
    fn a_repeated_title_is_recorded_its_names_read_and_its_facts_not() {
        let text = "الوزير يزور بغداد اليوم\n\nالوزير يزور بغداد اليوم\nوقال الوزير إن الزيارة مهمة.";
        let mut tz = crate::tokenize::tokenize(text);
        mark(&mut tz);
        assert!(tz.boilerplate.iter().any(|b| b.kind == BoilerplateKind::RepeatedTitle));
        assert!(tz.tokens.iter().all(|t| !t.boiler), "names in a headline printed twice are read");
        flag_all(&mut tz);
        let second = text.match_indices("بغداد").nth(1).unwrap().0;
        assert!(tz.tokens.iter().find(|t| t.start == second).unwrap().boiler, "the facts skip it");
    }

    fn kinds(text: &str) -> Vec<(String, BoilerplateKind)> {
        detect(text).into_iter().map(|b| (text[b.byte_start..b.byte_end].to_string(), b.kind)).collect()
    }

    #[test]
    fn repeated_title_separator_and_continuation() {
        let t = "-\nعنوان الخبر الكبير اليوم\n\nعنوان الخبر الكبير اليوم\nنص الخبر.\n(تستمر)\nبقية النص.";
        assert_eq!(
            kinds(t),
            [
                ("-".to_string(), BoilerplateKind::Separator),
                ("عنوان الخبر الكبير اليوم".to_string(), BoilerplateKind::RepeatedTitle),
                ("(تستمر)".to_string(), BoilerplateKind::Continuation),
            ]
        );
        // The first occurrence is the headline, not boilerplate.
        assert_eq!(detect(t)[1].start, "-\nعنوان الخبر الكبير اليوم\n\n".chars().count());
    }

    #[test]
    fn footer_tail_and_related_link() {
        let t = "نص طويل عن الخبر.\nاقرأ المزيد: الرئيس يتحدث\nفقرة أخرى من الخبر.\nقد تحب أيضا\nكاريكاتير\nالنشرة الإخبارية";
        let k = kinds(t);
        assert_eq!(k[0], ("اقرأ المزيد: الرئيس يتحدث".to_string(), BoilerplateKind::RelatedLink));
        assert_eq!(k[1], ("قد تحب أيضا\nكاريكاتير\nالنشرة الإخبارية".to_string(), BoilerplateKind::Footer));
        assert_eq!(k.len(), 2);
    }

    #[test]
    fn a_read_more_heading_takes_the_headlines_under_it() {
        let t = "نص الخبر الأول.\nتابع أيضًا..\nقطر2022| شوط سلبي بين تونس والدنمارك\nقطر 2022| الأخضر يكتب التاريخ\nوكتب الحساب الرسمي للاتحاد تعليقا قصيرا.\nفقرة أخيرة";
        let k = kinds(t);
        assert_eq!(k, [("تابع أيضًا..\nقطر2022| شوط سلبي بين تونس والدنمارك\nقطر 2022| الأخضر يكتب التاريخ".to_string(), BoilerplateKind::RelatedLink)]);
        // At most RELATED_LIST_MAX headlines; a heading with words after it is one line when
        // text follows it (and takes the tail when only headlines do: see below).
        let many = format!("اقرأ أيضا\n{}نص.", "عنوان قصير\n".repeat(8));
        assert_eq!(kinds(&many)[0].0.lines().count(), 1 + RELATED_LIST_MAX);
        assert_eq!(kinds("اقرأ أيضا: عنوان\nويستمر نص الخبر هنا.")[0].0, "اقرأ أيضا: عنوان");
        assert_eq!(kinds("اقرأ أيضا: عنوان\nعنوان قصير")[0].0, "اقرأ أيضا: عنوان\nعنوان قصير");
    }

    #[test]
    fn footer_phrase_before_long_text_marks_only_its_line() {
        let long = "كلمة ".repeat(40);
        let t = format!("أفكارك وتعليقاتك\n{long}");
        let k = kinds(&t);
        assert_eq!(k, [("أفكارك وتعليقاتك".to_string(), BoilerplateKind::Footer)]);
        assert!(!overlaps(&detect(&t), "أفكارك وتعليقاتك\n".len(), t.len()));
    }

    #[test]
    fn a_masthead_at_the_top_is_the_sites_not_the_articles() {
        let text = "الإشراف العام\nإلهام أبو الفتح\nرئيس التحرير\nأحمــد صبـري\n\nمحمد بن زايد يعزي ملك المغرب\nأجرى الشيخ محمد بن زايد اتصالا هاتفيا بالملك.";
        let k: Vec<BoilerplateKind> = detect(text).iter().map(|b| b.kind).collect();
        assert_eq!(k, [BoilerplateKind::Masthead, BoilerplateKind::Masthead]);
        let b = detect(text);
        assert_eq!(&text[b[1].byte_start..b[1].byte_end], "رئيس التحرير\nأحمــد صبـري");
        // A title in the body is the article's: `وقال رئيس التحرير` is no masthead line.
        assert!(detect("خبر\nوقال رئيس التحرير محمد الباز إن الصحيفة ستصدر.").is_empty());
    }
}
