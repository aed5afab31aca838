//! Messages with names and numbers in them (a file refused, articles added …), in the reader's
//! language. Names, titles and file names are isolated ([`isolate`]) so that an Arabic title in an
//! English sentence, or a Latin file name in an Arabic one, keeps its own direction.

use crate::{human_size, isolate, list, plural, quote, t, tf, Key, Lang, Plural};
use qarin_engine::input::{InputError, MAX_DOCUMENT_BYTES};

/// Names listed at most in the message about added articles (the rest are counted).
const ADDED_LISTED: usize = 5;

/// Articles were added.
pub fn added(lang: Lang, names: &[String]) -> String {
    plural(lang, Plural::Added, names.len(), &[("list", &listed(lang, names))])
}

/// The first [`ADDED_LISTED`] names quoted, the rest counted ("“a”, “b” and 3 more").
fn listed(lang: Lang, names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().take(ADDED_LISTED).map(|n| quote(lang, n)).collect();
    let l = list(lang, &quoted);
    match names.len().saturating_sub(ADDED_LISTED) {
        0 => l,
        rest => tf(lang, Key::AndMore, &[("list", &l), ("n", &rest.to_string())]),
    }
}

/// Why a file was not added, naming it.
pub fn input_error(lang: Lang, name: &str, e: &InputError) -> String {
    let name = &isolate(name);
    match e {
        InputError::Empty => tf(lang, Key::InputEmpty, &[("name", name)]),
        InputError::Binary => tf(lang, Key::InputBinary, &[("name", name)]),
        InputError::NotUtf8 { .. } => tf(lang, Key::InputNotUtf8, &[("name", name)]),
        InputError::BadEncoding { encoding } => tf(lang, Key::InputBadEncoding, &[("name", name), ("encoding", encoding.label())]),
        InputError::TooLarge { bytes, .. } => too_large_isolated(lang, name, *bytes as f64),
    }
}

/// Why an annotation file (CoNLL, brat) could not be imported as corrections, naming it.
pub fn annotations_failed(lang: Lang, file: &str, e: &qarin_engine::export::ImportError) -> String {
    use qarin_engine::export::ImportError as E;
    let n = |x: &usize| x.to_string();
    let why = match e {
        E::UnknownDocument { line, document } => tf(lang, Key::AnnotationsUnknownDocument, &[("line", &n(line)), ("document", &isolate(document))]),
        E::NoDocument { line } => tf(lang, Key::AnnotationsNoDocument, &[("line", &n(line))]),
        E::TokenNotInText { line, token, .. } => tf(lang, Key::AnnotationsToken, &[("line", &n(line)), ("token", &isolate(token))]),
        E::BadTag { line, tag } => tf(lang, Key::AnnotationsBadTag, &[("line", &n(line)), ("tag", &isolate(tag))]),
        E::BadLine { line } => tf(lang, Key::AnnotationsBadLine, &[("line", &n(line))]),
        E::SpanMismatch { line, start, end } => tf(lang, Key::AnnotationsSpan, &[("line", &n(line)), ("start", &n(start)), ("end", &n(end))]),
    };
    tf(lang, Key::AnnotationsFailed, &[("file", &isolate(file)), ("why", &why)])
}

/// How many files were refused, by reason: the one-line summary of a large refusal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Refusals {
    pub empty: usize,
    pub binary: usize,
    pub encoding: usize,
    pub too_large: usize,
    pub unreadable: usize,
}

impl Refusals {
    /// Count a file refused by the reader.
    pub fn add(&mut self, e: &InputError) {
        match e {
            InputError::Empty => self.empty += 1,
            InputError::Binary => self.binary += 1,
            InputError::NotUtf8 { .. } | InputError::BadEncoding { .. } => self.encoding += 1,
            InputError::TooLarge { .. } => self.too_large += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.empty + self.binary + self.encoding + self.too_large + self.unreadable
    }

    /// "12 files not added: 9 empty, 3 not text (binary data)."
    pub fn summary(&self, lang: Lang) -> String {
        let parts: Vec<String> = [
            (self.empty, Key::RefusedEmpty),
            (self.binary, Key::RefusedBinary),
            (self.encoding, Key::RefusedEncoding),
            (self.too_large, Key::RefusedTooLarge),
            (self.unreadable, Key::RefusedUnreadable),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, k)| tf(lang, k, &[("n", &n.to_string())]))
        .collect();
        plural(lang, Plural::Refused, self.total(), &[("reasons", &list(lang, &parts))])
    }
}

/// A file over the size limit, refused before it was read.
pub fn too_large(lang: Lang, name: &str, bytes: f64) -> String {
    too_large_isolated(lang, &isolate(name), bytes)
}

fn too_large_isolated(lang: Lang, name: &str, bytes: f64) -> String {
    let limit = human_size(MAX_DOCUMENT_BYTES as f64);
    tf(lang, Key::InputTooLarge, &[("name", name), ("size", &human_size(bytes)), ("limit", &limit)])
}

/// The browser could not read a file.
pub fn read_failed(lang: Lang, name: &str, err: &str) -> String {
    tf(lang, Key::ReadFailed, &[("name", &isolate(name)), ("err", err)])
}

/// An article without Arabic text was added.
pub fn no_arabic(lang: Lang, name: &str) -> String {
    tf(lang, Key::NoArabic, &[("name", &isolate(name))])
}

/// An HTML page was reduced to its text.
pub fn html_extracted(lang: Lang, name: &str) -> String {
    tf(lang, Key::HtmlExtracted, &[("name", &isolate(name))])
}

/// "Removed “title”."
pub fn removed(lang: Lang, title: &str) -> String {
    tf(lang, Key::Removed, &[("title", &isolate(title))])
}

/// The guessed-encoding preview's explanation.
pub fn preview_intro(lang: Lang, name: &str, encoding: &str) -> String {
    tf(lang, Key::PreviewIntro, &[("name", &isolate(name)), ("encoding", encoding)])
}

/// The preview was cancelled.
pub fn not_added(lang: Lang, name: &str) -> String {
    tf(lang, Key::NotAdded, &[("name", &isolate(name))])
}

/// Browser storage refused a write: what was not saved (titles; empty: other changes).
pub fn storage_failed(lang: Lang, what: &[String], err: &str) -> String {
    if what.is_empty() {
        return tf(lang, Key::StorageFailedAll, &[("err", err)]);
    }
    // A few titles, the rest counted: a refusal of hundreds of articles stays one line.
    tf(lang, Key::StorageFailedSome, &[("list", &listed(lang, what)), ("err", err)])
}

/// How much space the browser still allows.
pub fn storage_left(lang: Lang, bytes: f64) -> String {
    tf(lang, Key::StorageLeft, &[("size", &isolate(&human_size(bytes)))])
}

/// How much the workspace takes of what the browser allows, and whether the browser keeps it.
pub fn storage_use(lang: Lang, used: f64, quota: f64, persisted: bool) -> String {
    let key = if persisted { Key::StorageUsePersisted } else { Key::StorageUseBestEffort };
    tf(lang, key, &[("used", &isolate(&human_size(used))), ("quota", &isolate(&human_size(quota)))])
}

/// Storage could not be opened: the workspace lives in this tab only.
pub fn storage_unavailable(lang: Lang, err: &str) -> String {
    tf(lang, Key::StorageUnavailable, &[("err", err)])
}

/// A stored article whose text was gone.
pub fn text_missing(lang: Lang, title: &str) -> String {
    tf(lang, Key::TextMissing, &[("title", &isolate(title))])
}

/// The stored workspace could not be read.
pub fn workspace_unreadable(lang: Lang, err: &str, kept_as: &str) -> String {
    tf(lang, Key::WorkspaceUnreadable, &[("err", err), ("kept_as", kept_as)])
}

/// The analysis did not finish last time.
pub fn crashed(lang: Lang, n: usize) -> String {
    plural(lang, Plural::Crashed, n, &[])
}

/// A workspace file was imported.
pub fn imported(lang: Lang, file: &str, n: usize, skipped: &[String]) -> String {
    let skipped = if skipped.is_empty() { String::new() } else { tf(lang, Key::ImportedSkipped, &[("list", &skipped.join(&crate::fill(t(lang, Key::SkippedSep), &[])))]) };
    plural(lang, Plural::Imported, n, &[("file", &isolate(file)), ("skipped", &skipped)])
}

/// Two entities were merged.
pub fn merged(lang: Lang, absorbed: &str, kept: &str) -> String {
    tf(lang, Key::Merged, &[("absorbed", &isolate(absorbed)), ("kept", &isolate(kept))])
}

/// Why the engine suggests a link, as a question to the reader (the two spellings are shown
/// beside it, each in its own isolate).
pub fn suggestion(lang: Lang, s: &qarin_engine::Suggestion) -> &'static str {
    match s.rule {
        qarin_engine::LinkRule::GivenNameDiffers => t(lang, Key::SuggestGivenNameDiffers),
        _ => t(lang, Key::Suggestions),
    }
}

/// Two entities were kept apart.
pub fn kept_apart(lang: Lang, a: &str, b: &str) -> String {
    tf(lang, Key::SuggestKeptApart, &[("a", &isolate(a)), ("b", &isolate(b))])
}

/// The reader kept another entity apart from this one.
pub fn apart_reason(lang: Lang, other: &str) -> String {
    tf(lang, Key::SuggestApartReason, &[("other", &isolate(other))])
}

/// A spelling was split off.
pub fn split_done(lang: Lang, spelling: &str) -> String {
    tf(lang, Key::SplitDone, &[("spelling", &isolate(spelling))])
}

/// Label of a "Remove" button for one article.
pub fn remove_label(lang: Lang, title: &str) -> String {
    tf(lang, Key::RemoveLabel, &[("title", &isolate(title))])
}

/// Label of a "Split off" button.
pub fn split_label(lang: Lang, spelling: &str) -> String {
    tf(lang, Key::SplitLabel, &[("spelling", &isolate(spelling))])
}

/// "Restore the 2 removed bundled articles".
pub fn restore_removed(lang: Lang, n: usize) -> String {
    plural(lang, Plural::RestoreRemoved, n, &[])
}

/// The synthetic reason line in the panel for a split.
pub fn split_reason(lang: Lang, spelling: &str) -> String {
    tf(lang, Key::SplitReason, &[("spelling", &isolate(spelling))])
}

/// "Article 3".
pub fn article_n(lang: Lang, n: usize) -> String {
    tf(lang, Key::ArticleN, &[("n", &n.to_string())])
}

/// How many names an article has.
pub fn names_count(lang: Lang, n: usize) -> String {
    plural(lang, Plural::Names, n, &[])
}

/// "4 mentions".
pub fn mentions_count(lang: Lang, n: usize) -> String {
    plural(lang, Plural::Mentions, n, &[])
}

/// "Named by 3 of 5 articles".
pub fn coverage_text(lang: Lang, named: usize, of: usize) -> String {
    plural(lang, Plural::NamedBy, of, &[("k", &named.to_string())])
}

/// "12 of 80 names shown".
pub fn showing(lang: Lang, n: usize, m: usize) -> String {
    tf(lang, Key::Showing, &[("n", &n.to_string()), ("m", &m.to_string())])
}

/// The label of a comparison cell for screen readers: "3 mentions, Article 2: “spelling”".
pub fn cell_label(lang: Lang, count: usize, article: &str, spelling: &str) -> String {
    tf(lang, Key::CellLabel, &[("mentions", &mentions_count(lang, count)), ("article", article), ("spelling", spelling)])
}

/// "12 % shared": the share of an article's words inside passages another article shares.
pub fn shared_share(lang: Lang, share: f64) -> String {
    let pct = (share * 100.0).round().clamp(1.0, 100.0) as u32;
    tf(lang, Key::SharedShare, &[("pct", &pct.to_string())])
}

/// The button under a list cut short: how many are shown and how many more it adds.
pub fn show_more(lang: Lang, shown: usize, total: usize, page: usize) -> String {
    let next = page.min(total.saturating_sub(shown));
    tf(lang, Key::ShowMore, &[("shown", &shown.to_string()), ("total", &total.to_string()), ("next", &next.to_string())])
}

/// "3 quotes in 2 articles".
pub fn quotes_count(lang: Lang, quotes: usize, articles: usize) -> String {
    let arts = plural(lang, Plural::InArticles, articles, &[]);
    plural(lang, Plural::Quotes, quotes, &[("articles", &arts)])
}

/// "87 % the same words (41 of 47)".
pub fn similarity_text(lang: Lang, similarity: f64, same: usize, words: usize) -> String {
    let pct = (similarity * 100.0).round() as u32;
    tf(lang, Key::Similarity, &[("pct", &pct.to_string()), ("same", &same.to_string()), ("words", &words.to_string())])
}

/// "4 in conflict · 7 agreed · 12 from a single article".
pub fn facts_summary(lang: Lang, conflict: usize, agree: usize, single: usize) -> String {
    tf(lang, Key::FactsSummary, &[("conflict", &conflict.to_string()), ("agree", &agree.to_string()), ("single", &single.to_string())])
}

#[cfg(test)]
mod tests {
    use super::*;
    use qarin_engine::input::TextEncoding;

    #[test]
    fn messages_name_the_file() {
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
        assert_eq!(too_large(Lang::En, "big.txt", 20.0 * 1024.0 * 1024.0), "“\u{2068}big.txt\u{2069}” was not added: it is 20.0 MB, and the limit is 8.0 MB per article.");
        assert_eq!(added(Lang::En, &["a".into()]), "Added “\u{2068}a\u{2069}”.");
        assert_eq!(added(Lang::En, &["a".into(), "b".into()]), "Added 2 articles: “\u{2068}a\u{2069}”, “\u{2068}b\u{2069}”.");
        let many: Vec<String> = (0..200).map(|i| format!("f{i}")).collect();
        let text = added(Lang::En, &many);
        assert!(text.starts_with("Added 200 articles: “\u{2068}f0\u{2069}”,"), "{text}");
        assert!(text.ends_with("“\u{2068}f4\u{2069}” and 195 more."), "{text}");
        assert_eq!(added(Lang::Ar, &["أ".into(), "ب".into()]), "أُضيف مقالان: «\u{2068}أ\u{2069}»، «\u{2068}ب\u{2069}».");
    }

    #[test]
    fn counts_in_both_languages() {
        assert_eq!(coverage_text(Lang::En, 3, 5), "Named by 3 of 5 articles");
        assert_eq!(coverage_text(Lang::En, 1, 1), "Named by 1 of 1 article");
        assert_eq!(coverage_text(Lang::Ar, 3, 5), "ورد في 3 من أصل 5 مقالات");
        assert_eq!(coverage_text(Lang::Ar, 2, 2), "ورد في 2 من أصل مقالين");
        assert_eq!(quotes_count(Lang::En, 3, 1), "3 quotes in 1 article");
        assert_eq!(quotes_count(Lang::Ar, 2, 3), "قولان في 3 مقالات");
        assert_eq!(mentions_count(Lang::Ar, 11), "11 موضعًا");
        assert_eq!(imported(Lang::En, "w.json", 1, &[]), "Imported the workspace “\u{2068}w.json\u{2069}”: 1 article of your own, with their decisions and settings.");
        assert!(imported(Lang::En, "w.json", 2, &["a".into(), "b".into()]).ends_with(" Left out: a; b."));
        assert_eq!(restore_removed(Lang::En, 1), "Restore the removed bundled article");
        assert_eq!(facts_summary(Lang::En, 1, 2, 3), "1 in conflict · 2 agreed · 3 from a single article");
        assert_eq!(shared_share(Lang::Ar, 0.123), "12٪ مشترك");
    }
}

#[cfg(test)]
mod refusal_tests {
    use super::*;

    #[test]
    fn refusals_are_summarised_by_reason() {
        let mut r = Refusals::default();
        for _ in 0..9 {
            r.add(&InputError::Empty);
        }
        for _ in 0..3 {
            r.add(&InputError::Binary);
        }
        r.add(&InputError::NotUtf8 { byte_offset: 0 });
        r.unreadable += 1;
        assert_eq!(r.total(), 14);
        assert_eq!(r.summary(Lang::En), "14 files not added: 9 empty, 3 not text (binary data), 1 in an encoding Qarin cannot read, 1 that the browser could not read.");
        let ar = r.summary(Lang::Ar);
        assert!(ar.starts_with("لم يُضَف 14 ملفًا: 9 منها فارغة، 3 منها ليست نصًا"), "{ar}");
        let one = Refusals { binary: 1, ..Default::default() };
        assert_eq!(one.summary(Lang::En), "1 file not added: 1 not text (binary data).");
    }
}
