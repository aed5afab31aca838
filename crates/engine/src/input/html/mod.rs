//! The article text of an HTML page, in pure Rust: nothing is executed, nothing is fetched.
//!
//! - `<script>`, `<style>`, `<noscript>`, `<template>`, `<textarea>`, `<iframe>` and the like are
//!   skipped with everything in them, as are comments, `<!DOCTYPE>` and processing instructions;
//!   `<nav>`, `<select>`, `<svg>`, `<math>`, `<object>`, `<canvas>`, `<audio>`, `<video>` too.
//! - Block elements (`p`, `div`, `h1`…`h6`, `li`, `tr`, `br`, …) end a line; other white space is
//!   collapsed as a browser would, except that line breaks inside `<pre>` are kept. Every line is
//!   trimmed, and at most one empty line is kept in a row (from `<br><br>`).
//! - Character references are decoded: `&amp;`, `&lt;`, `&nbsp;`, `&#1575;`, `&#x627;`, and the
//!   common named ones; unknown names stay as written.
//! - When the page has an `<article>`, the longest one is the text; else its `<main>`; else the
//!   whole page.
//! - The title is the first `<h1>` of that text, else `<title>`, else the first `<h1>` anywhere.
//!
//! Attribute values (`onerror=…`, `href=…`) are never part of the text.

mod entities;
mod out;
mod tags;

pub use entities::decode_entities;

use out::{tidy, Out};
use tags::{memchr, Tag};

/// What an HTML page yields.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Extracted {
    /// The article text: one line per block, trimmed, no empty lines at either end.
    pub text: String,
    /// The page's title, when it has one.
    pub title: Option<String>,
}

/// Elements whose content is raw text up to the matching end tag, and is dropped (`title` is kept
/// as the title).
const RAW_TEXT: [&str; 10] = [
    "script", "style", "noscript", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
];

/// Elements dropped with everything inside them (their content is parsed as markup, so nesting
/// is counted).
const SKIPPED: [&str; 10] = [
    "template", "svg", "math", "nav", "select", "object", "canvas", "audio", "video", "datalist",
];

/// Elements that start and end a line.
const BLOCKS: [&str; 45] = [
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "option",
];

/// Elements after which a space separates what follows (table cells).
const CELLS: [&str; 2] = ["td", "th"];

/// Void elements: never have an end tag or content.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
];

/// The article text and title of an HTML page.
pub fn extract(html: &str) -> Extracted {
    let mut p = Parser { html, bytes: html.as_bytes(), pos: 0, out: Out::default(), ranges: None };
    p.run();
    p.finish()
}

struct Parser<'a> {
    html: &'a str,
    bytes: &'a [u8],
    pos: usize,
    out: Out,
    ranges: Option<Ranges>,
}

#[derive(Default)]
struct Ranges {
    /// Outermost `<article>` ranges in the output.
    articles: Vec<(usize, usize)>,
    main: Option<(usize, usize)>,
    h1: Vec<(usize, usize)>,
    title: Option<String>,
}

impl<'a> Parser<'a> {
    fn run(&mut self) {
        let mut r = Ranges::default();
        let mut article_depth = 0usize;
        let mut article_start = 0;
        let mut main_depth = 0usize;
        let mut main_start = 0;
        let mut h1_start: Option<usize> = None;
        let mut pre_depth = 0usize;
        // Open skipped elements (name, nesting of the same name).
        let mut skip: Option<(&'static str, usize)> = None;
        while self.pos < self.bytes.len() {
            let next = memchr(b'<', &self.bytes[self.pos..]).map_or(self.bytes.len(), |i| self.pos + i);
            if next > self.pos {
                if skip.is_none() {
                    let t = decode_entities(&self.html[self.pos..next]);
                    self.out.text(&t, pre_depth > 0);
                }
                self.pos = next;
            }
            if self.pos >= self.bytes.len() {
                break;
            }
            let Some(tag) = self.tag() else {
                // A `<` that starts no tag is text.
                if skip.is_none() {
                    self.out.text("<", pre_depth > 0);
                }
                self.pos += 1;
                continue;
            };
            match tag {
                Tag::Other => {}
                Tag::Start { name, self_closing } => {
                    if let Some(raw) = RAW_TEXT.iter().find(|x| **x == name) {
                        let content = self.skip_raw_text(raw);
                        // (An SVG's <title> is a tooltip, not the page's title.)
                        if *raw == "title" && r.title.is_none() && skip.is_none() {
                            let mut o = Out::default();
                            o.text(&decode_entities(content), false);
                            let t = o.s.trim().to_string();
                            if !t.is_empty() {
                                r.title = Some(t);
                            }
                        }
                        continue;
                    }
                    if let Some((s, n)) = skip.as_mut() {
                        if *s == name && !self_closing {
                            *n += 1;
                        }
                        continue;
                    }
                    if let Some(s) = SKIPPED.iter().find(|x| **x == name) {
                        if !self_closing {
                            skip = Some((s, 1));
                        }
                        continue;
                    }
                    if name == "br" {
                        self.out.line_break();
                        continue;
                    }
                    if BLOCKS.contains(&name.as_str()) {
                        self.out.block();
                    } else if CELLS.contains(&name.as_str()) || name == "img" {
                        self.out.space();
                    }
                    if self_closing || VOID.contains(&name.as_str()) {
                        continue;
                    }
                    match name.as_str() {
                        "pre" => pre_depth += 1,
                        "article" => {
                            if article_depth == 0 {
                                article_start = self.out.mark();
                            }
                            article_depth += 1;
                        }
                        "main" => {
                            if main_depth == 0 {
                                main_start = self.out.mark();
                            }
                            main_depth += 1;
                        }
                        "h1" => h1_start = Some(self.out.mark()),
                        _ => {}
                    }
                }
                Tag::End { name } => {
                    if let Some((s, n)) = skip.as_mut() {
                        if *s == name {
                            *n -= 1;
                            if *n == 0 {
                                skip = None;
                            }
                        }
                        continue;
                    }
                    if BLOCKS.contains(&name.as_str()) || name == "br" {
                        self.out.block();
                    } else if CELLS.contains(&name.as_str()) {
                        self.out.space();
                    }
                    match name.as_str() {
                        "pre" => pre_depth = pre_depth.saturating_sub(1),
                        "article" if article_depth > 0 => {
                            article_depth -= 1;
                            if article_depth == 0 {
                                r.articles.push((article_start, self.out.s.len()));
                            }
                        }
                        "main" if main_depth > 0 => {
                            main_depth -= 1;
                            if main_depth == 0 && r.main.is_none() {
                                r.main = Some((main_start, self.out.s.len()));
                            }
                        }
                        "h1" => {
                            if let Some(s) = h1_start.take() {
                                r.h1.push((s, self.out.s.len()));
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        // Unclosed elements run to the end.
        let end = self.out.s.len();
        if article_depth > 0 {
            r.articles.push((article_start, end));
        }
        if main_depth > 0 && r.main.is_none() {
            r.main = Some((main_start, end));
        }
        if let Some(s) = h1_start {
            r.h1.push((s, end));
        }
        self.ranges = Some(r);
    }
}

impl<'a> Parser<'a> {
    fn finish(mut self) -> Extracted {
        let r = self.ranges.take().unwrap_or_default();
        let s = &self.out.s;
        let has_text = |(a, b): (usize, usize)| s[a..b].chars().any(|c| !c.is_whitespace());
        let chosen = r
            .articles
            .iter()
            .copied()
            .filter(|&x| has_text(x))
            .max_by_key(|&(a, b)| s[a..b].chars().filter(|c| !c.is_whitespace()).count())
            .or(r.main.filter(|&x| has_text(x)))
            .unwrap_or((0, s.len()));
        let text = tidy(&s[chosen.0..chosen.1]);
        let h1_in = |inside: bool| {
            r.h1
                .iter()
                .filter(|&&(a, b)| !inside || (chosen.0 <= a && b <= chosen.1))
                .map(|&(a, b)| tidy(&s[a..b]).replace('\n', " "))
                .find(|t| !t.is_empty())
        };
        let title = h1_in(true).or(r.title).or_else(|| h1_in(false));
        Extracted { text, title }
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_styles_comments_are_dropped() {
        let page = r#"<!DOCTYPE html><html><head><title>عنوان الصفحة</title>
            <style>p { color: red } </style><script>document.title = "pwned"; if (a < b) {}</script></head>
            <body><!-- تعليق <p>مخفي</p> --><noscript>فعّل جافاسكربت</noscript>
            <template><p>قالب</p></template>
            <p>نص <b>الخبر</b> هنا.</p><img src=x onerror="document.title='pwned'"><p>السطر&nbsp;الثاني</p>
            <script type="text/javascript">alert('</scr' + 'ipt>')</script></body></html>"#;
        let e = extract(page);
        assert_eq!(e.text, "نص الخبر هنا.\nالسطر\u{A0}الثاني");
        assert_eq!(e.title.as_deref(), Some("عنوان الصفحة"));
        for bad in ["pwned", "alert", "color", "تعليق", "مخفي", "جافاسكربت", "قالب", "onerror", "<"] {
            assert!(!e.text.contains(bad), "{bad:?} leaked into {:?}", e.text);
        }
    }

    #[test]
    fn prefers_article_then_main() {
        let page = "<body><nav><a href=/>الرئيسية</a></nav><header>شعار الموقع</header>\
            <main><h1>عنوان الخبر</h1><article><h1>عنوان الخبر</h1><p>الفقرة الأولى من الخبر.</p>\
            <p>الفقرة الثانية.</p></article><aside><article><p>خبر ذو صلة</p></article></aside></main>\
            <footer>حقوق النشر</footer></body>";
        let e = extract(page);
        assert_eq!(e.text, "عنوان الخبر\nالفقرة الأولى من الخبر.\nالفقرة الثانية.");
        assert_eq!(e.title.as_deref(), Some("عنوان الخبر"));

        let main_only = "<title>t</title><div>قائمة</div><main><p>نص رئيسي</p></main><div>ذيل</div>";
        assert_eq!(extract(main_only).text, "نص رئيسي");
        assert_eq!(extract(main_only).title.as_deref(), Some("t"));

        let plain = "<div>قائمة</div><p>نص</p>";
        assert_eq!(extract(plain).text, "قائمة\nنص");
        assert_eq!(extract(plain).title, None);
    }

    #[test]
    fn blocks_breaks_and_whitespace() {
        let e = extract("<p>  سطر   أول\n  يكمل </p><p>ثانٍ<br>ثالث<br/><br>رابع</p><ul><li>أ</li><li>ب</li></ul>\
            <table><tr><td>خانة</td><td>أخرى</td></tr></table><pre>  كما\n   هو</pre>");
        assert_eq!(e.text, "سطر أول يكمل\nثانٍ\nثالث\n\nرابع\nأ\nب\nخانة أخرى\nكما\nهو");
    }

    #[test]
    fn attributes_with_angle_brackets_and_broken_markup() {
        let e = extract(r#"<p title="a > b" data-x='<p>'>نص</p> 3 < 4 <a href="x">رابط</a> </ p>"#);
        assert_eq!(e.text, "نص\n3 < 4 رابط");
        // Unclosed script: the rest is script.
        assert_eq!(extract("<p>قبل</p><script>var x = 1; <p>لا").text, "قبل");
        // Unclosed comment.
        assert_eq!(extract("<p>قبل</p><!-- <p>لا").text, "قبل");
        assert_eq!(extract("").text, "");
        assert_eq!(extract("<").text, "<");
        assert_eq!(extract("نص بلا وسوم").text, "نص بلا وسوم");
        // Upper case tags, nested skipped elements.
        assert_eq!(extract("<SCRIPT>x</SCRIPT><SVG><svg></svg><text>لا</text></SVG><P>نعم</P>").text, "نعم");
    }
}
