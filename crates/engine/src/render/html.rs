//! Static HTML of the reader, for build-time prerendering: the article the app opens first, as
//! the web app's reader renders it (the same elements, classes and `data-*` attributes, so it
//! takes the same CSS), written into the built page so the first highlighted names are shown
//! before the wasm has loaded.
//!
//! Every piece of document text is HTML-escaped: the article is shown verbatim and never parsed
//! as markup. The pieces are the app reader's ([`super::pieces`]), so the text content of the
//! `<article>` is the source text, character for character. This file only serialises.

use super::pieces::{pieces, PieceKind};
use crate::model::{Analysis, DocumentAnalysis, EntityType};

/// The interface words the reader's HTML needs, in the interface's language: the caller (the
/// CLI, with the app's translations) supplies them, so that the prerender says what the app says.
pub trait Wording {
    /// "Article 3".
    fn article(&self, n: usize) -> String;
    /// "Person", "Place" …
    fn type_name(&self, kind: EntityType) -> String;
    /// The tooltip and note on site boilerplate.
    fn boilerplate(&self) -> String;
    /// "3 names".
    fn names(&self, n: usize) -> String;
    /// The outlet as the interface shows it (from the stored "Arabic (Latin)" form).
    fn outlet(&self, outlet: &str) -> String;
}

/// `s` escaped for HTML text content (quotes stay as they are).
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// `s` escaped for a double-quoted HTML attribute value.
pub fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The article body: the text of `doc`, escaped, with `<mark>` around each mention and
/// `<span class="boilerplate">` around site furniture, cut by [`pieces`].
fn body_html(doc: &DocumentAnalysis, words: &dyn Wording) -> String {
    let mut out = String::with_capacity(doc.text.len() * 2);
    for p in pieces(doc) {
        let piece = escape_text(p.text);
        match p.kind {
            PieceKind::Text => out.push_str(&piece),
            PieceKind::Mention(i) => {
                let m = &doc.mentions[i];
                // The type only: the page shows this view until its app replaces it, well under a
                // second. No hover title, no offsets (a mark's offsets are where its text stands
                // in the article's), no entity id (nothing is clicked here) and no label (ARIA
                // names no element without a role; the text is read as it is): 1.3 KB gzip of
                // the page's budget.
                out.push_str(&format!("<mark data-type=\"{}\">{piece}</mark>", m.kind.code()));
            }
            PieceKind::Boilerplate(i) => out.push_str(&format!(
                "<span class=\"boilerplate\" data-kind=\"{}\" title=\"{}\">{piece}</span>",
                doc.boilerplate[i].kind.code(),
                escape_attr(&words.boilerplate()),
            )),
        }
    }
    out
}

/// The reader's HTML for document `doc_index` of `analysis` (empty if there is no such
/// document): the line above the text (`div.reader-meta`: "Article N · outlet", the title when
/// it is not simply the text's first line, the date and the number of names), then
/// `<article class="reader reader-text" id="reader-static" dir="rtl" lang="ar">` holding the text
/// verbatim with the names as `<mark data-type="PER">` (each at its mention's code point offsets
/// in the article's text, as in the app) and site boilerplate as
/// `<span class="boilerplate" data-kind=…>`. Interface words come from `words`.
///
/// Not `id="reader"`: the live app's reader has that id, and the prerender sits beside it until
/// the app removes it.
pub fn reader_html(analysis: &Analysis, doc_index: usize, words: &dyn Wording) -> String {
    let Some(doc) = analysis.documents.get(doc_index) else {
        return String::new();
    };
    let mut out = String::new();
    out.push_str("<div class=\"reader-meta\">");
    out.push_str(&format!(
        "<h2 class=\"reader-heading\" id=\"reader-static-heading\"><span class=\"article-n\">{}</span>",
        escape_text(&words.article(doc_index + 1))
    ));
    if !doc.outlet.trim().is_empty() {
        out.push_str(&format!(
            "<span class=\"sep\" aria-hidden=\"true\"> · </span><span>{}</span>",
            escape_text(&words.outlet(&doc.outlet))
        ));
    }
    out.push_str("</h2>");
    let title = doc.title.trim();
    if !title.is_empty() && title != crate::input::default_title(&doc.text) {
        out.push_str(&format!(
            "<p class=\"reader-title\" lang=\"ar\" dir=\"auto\">{}</p>",
            escape_text(title)
        ));
    }
    out.push_str("<p class=\"reader-facts\">");
    if !doc.date.is_empty() {
        out.push_str(&format!(
            "<time datetime=\"{}\">{}</time>",
            escape_attr(&doc.date),
            escape_text(&doc.date)
        ));
    }
    let n = doc.mentions.len();
    out.push_str(&format!("<span>{}</span>", escape_text(&words.names(n))));
    if !doc.boilerplate.is_empty() {
        out.push_str(&format!(
            "<span class=\"boiler-note\">{}</span>",
            escape_text(&words.boilerplate())
        ));
    }
    if !doc.file.is_empty() {
        out.push_str(&format!(
            "<span class=\"file-name\" dir=\"auto\">{}</span>",
            escape_text(&doc.file)
        ));
    }
    out.push_str("</p></div>");
    out.push_str(&format!(
        "<article class=\"reader reader-text\" id=\"reader-static\" data-doc=\"{}\" dir=\"rtl\" \
         lang=\"ar\" aria-labelledby=\"reader-static-heading\">{}</article>",
        escape_attr(&doc.id),
        body_html(doc, words)
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Boilerplate, BoilerplateKind, Document, Mention};

    /// English words, as the app's English interface has them.
    struct En;
    impl Wording for En {
        fn article(&self, n: usize) -> String {
            format!("Article {n}")
        }
        fn type_name(&self, kind: EntityType) -> String {
            ["Person", "Place", "Organisation", "Other"][EntityType::ALL.iter().position(|k| *k == kind).unwrap()].into()
        }
        fn boilerplate(&self) -> String {
            "Site boilerplate: shown, but not counted as reporting".into()
        }
        fn names(&self, n: usize) -> String {
            format!("{n} name{}", if n == 1 { "" } else { "s" })
        }
        fn outlet(&self, outlet: &str) -> String {
            outlet.split_once(" (").map_or(outlet, |(_, l)| l.trim_end_matches(')')).to_string()
        }
    }

    fn mention(text: &str, needle: &str, kind: EntityType, entity: &str) -> Mention {
        let byte_start = text.find(needle).unwrap();
        let byte_end = byte_start + needle.len();
        Mention {
            start: text[..byte_start].chars().count(),
            end: text[..byte_end].chars().count(),
            kind,
            entity: entity.into(),
            text: needle.into(),
            byte_start,
            byte_end,
            by_user: false,
        }
    }

    fn one_doc(text: &str, mentions: Vec<Mention>, boilerplate: Vec<Boilerplate>) -> Analysis {
        Analysis {
            schema: "qarin.analysis/1".into(),
            documents: vec![DocumentAnalysis {
                id: "d".into(),
                file: "d.txt".into(),
                title: String::new(),
                outlet: String::new(),
                date: String::new(),
                text: text.into(),
                mentions,
                boilerplate,
                outlet_guess: None,
                sentences: vec![],
            }],
            entities: vec![],
            facts: vec![],
            quotes: vec![],
            wire: vec![],
            reuse: Default::default(),
            suggestions: vec![],
        }
    }

    /// The article element's inner HTML.
    fn article_body(html: &str) -> &str {
        let open = html.find("<article").unwrap();
        let start = open + html[open..].find('>').unwrap() + 1;
        let end = html.rfind("</article>").unwrap();
        &html[start..end]
    }

    /// Text content of an HTML fragment made of this module's tags and entities.
    fn text_content(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    #[test]
    fn text_is_escaped_never_markup() {
        let text = "قال <script>alert(\"x\")</script> & بوتين <b>في</b> موسكو";
        let m = mention(text, "بوتين", EntityType::Per, "per-\"putin\"<x>");
        let a = one_doc(text, vec![m], vec![]);
        let html = reader_html(&a, 0, &En);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; "),
            "{html}"
        );
        // The entity's id is not written out (nothing is clicked in this view).
        assert!(!html.contains("putin"), "{html}");
        assert_eq!(text_content(article_body(&html)), text);
    }

    #[test]
    fn marks_sit_at_the_mentions() {
        let text = "وقال الرئيس بوتين إن موسكو\nستدعم كازاخستان.";
        let per = mention(text, "بوتين", EntityType::Per, "per-putin");
        let loc = mention(text, "موسكو", EntityType::Loc, "loc-moscow");
        let org = mention(text, "كازاخستان", EntityType::Org, "org-x");
        let a = one_doc(text, vec![loc, per, org], vec![]);
        let html = reader_html(&a, 0, &En);
        let body = article_body(&html);
        assert!(
            body.starts_with(&format!(
                "وقال الرئيس <mark data-type=\"PER\">بوتين</mark>"
            )),
            "{body}"
        );
        assert!(
            body.contains(">بوتين</mark> إن <mark data-type=\"LOC\""),
            "{body}"
        );
        assert!(
            body.contains(">موسكو</mark>\nستدعم <mark data-type=\"ORG\""),
            "{body}"
        );
        assert!(body.ends_with(">كازاخستان</mark>."), "{body}");
        assert_eq!(body.matches("<mark ").count(), 3);
        assert_eq!(text_content(body), text);
        assert!(html.contains("<span>3 names</span>"), "{html}");
        assert!(html.contains("id=\"reader-static\"") && !html.contains("id=\"reader\""));
        assert!(html.contains("dir=\"rtl\"") && html.contains("lang=\"ar\""));
    }

    #[test]
    fn boilerplate_is_greyed_and_overlaps_stay_text() {
        let text = "خبر عن بوتين\nاقرأ أيضا: بوتين في موسكو";
        let bs = text.find("اقرأ").unwrap();
        let b = Boilerplate {
            start: text[..bs].chars().count(),
            end: text.chars().count(),
            kind: BoilerplateKind::RelatedLink,
            byte_start: bs,
            byte_end: text.len(),
        };
        let first = mention(text, "بوتين", EntityType::Per, "per-putin");
        // A mention inside the boilerplate: the boilerplate span wins (as in the app).
        let inside = Mention {
            start: b.start + 11,
            end: b.start + 16,
            ..first.clone()
        };
        let a = one_doc(text, vec![first, inside], vec![b]);
        let html = reader_html(&a, 0, &En);
        let body = article_body(&html);
        assert!(
            body.contains("\n<span class=\"boilerplate\" data-kind=\"related_link\" title=\"Site boilerplate: shown, but not counted as reporting\">اقرأ أيضا: بوتين في موسكو</span>"),
            "{body}"
        );
        assert_eq!(body.matches("<mark ").count(), 1);
        assert!(html.contains("class=\"boiler-note\""));
        assert_eq!(text_content(body), text);
    }

    #[test]
    fn spans_out_of_range_are_ignored() {
        let text = "أ ب ج";
        let ok = mention(text, "ج", EntityType::Loc, "z");
        let over = Mention {
            start: 0,
            end: 999,
            ..ok.clone()
        };
        let empty = Mention {
            start: 2,
            end: 2,
            ..ok.clone()
        };
        let a = one_doc(text, vec![over, empty, ok], vec![]);
        let body = article_body(&reader_html(&a, 0, &En)).to_string();
        assert_eq!(body.matches("<mark ").count(), 1);
        assert_eq!(text_content(&body), text);
        assert_eq!(reader_html(&a, 1, &En), "");
    }

    #[test]
    fn a_real_analysis_renders_every_mention_verbatim() {
        let docs = vec![
            Document {
                id: "a".into(),
                file: "a.txt".into(),
                title: "زيارة".into(),
                outlet: "ليفانت نيوز (Levant News)".into(),
                date: "2022-01-06".into(),
                text: "زار الرئيس الفرنسي إيمانويل ماكرون العاصمة المصرية القاهرة يوم الأحد، والتقى الرئيس عبد الفتاح السيسي.\nاقرأ أيضا: خبر آخر".into(),
                ..Document::default()
            },
            Document {
                id: "b".into(),
                file: "b.txt".into(),
                title: String::new(),
                text: "استقبل الرئيس المصري عبد الفتاح السيسي نظيره الفرنسي ماكرون في القاهرة.".into(),
                ..Document::default()
            },
        ];
        let a = crate::analyze(&docs);
        let d = &a.documents[0];
        assert!(!d.mentions.is_empty());
        // Code point and byte offsets agree, so the prerender cuts as the app does.
        for m in &d.mentions {
            assert_eq!(&d.text[m.byte_start..m.byte_end], m.text);
        }
        let html = reader_html(&a, 0, &En);
        let body = article_body(&html);
        assert_eq!(text_content(body), d.text);
        assert!(body.matches("<mark ").count() >= 2, "{body}");
        assert!(html.contains("<span class=\"article-n\">Article 1</span><span class=\"sep\" aria-hidden=\"true\"> · </span><span>Levant News</span>"), "{html}");
        assert!(html.contains("<p class=\"reader-title\" lang=\"ar\" dir=\"auto\">زيارة</p>"));
        assert!(html.contains("<time datetime=\"2022-01-06\">2022-01-06</time>"));
    }
}
