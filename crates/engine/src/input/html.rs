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

/// Collapsing output buffer.
#[derive(Default)]
struct Out {
    s: String,
    pending_space: bool,
    pending_break: bool,
}

impl Out {
    fn flush(&mut self) {
        if self.pending_break {
            if !self.s.is_empty() && !self.s.ends_with('\n') {
                self.s.push('\n');
            }
        } else if self.pending_space && !self.s.is_empty() && !self.s.ends_with(['\n', ' ']) {
            self.s.push(' ');
        }
        self.pending_break = false;
        self.pending_space = false;
    }

    fn text(&mut self, t: &str, pre: bool) {
        for c in t.chars() {
            match c {
                '\n' if pre => {
                    self.pending_space = false;
                    self.flush();
                    self.s.push('\n');
                }
                ' ' | '\t' | '\n' | '\r' | '\u{0C}' if !pre => self.pending_space = true,
                '\r' => {}
                c => {
                    self.flush();
                    self.s.push(c);
                }
            }
        }
    }

    fn block(&mut self) {
        self.pending_break = true;
    }

    fn line_break(&mut self) {
        self.pending_space = false;
        self.flush();
        self.s.push('\n');
    }

    fn space(&mut self) {
        self.pending_space = true;
    }

    /// The current end, after a pending block break (so ranges start on a fresh line).
    fn mark(&mut self) -> usize {
        self.s.len()
    }
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

/// Trim every line, drop empty lines at both ends and keep at most one empty line in a row.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.split('\n') {
        let line = line.trim();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if blank > 0 {
                out.push('\n');
            }
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

enum Tag {
    Start { name: String, self_closing: bool },
    End { name: String },
    /// Comment, doctype, processing instruction, CDATA: nothing to show.
    Other,
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

impl<'a> Parser<'a> {
    /// Parses the markup at `self.pos` (a `<`), moving past it. `None` (position unchanged) when the
    /// `<` starts no tag.
    fn tag(&mut self) -> Option<Tag> {
        let b = self.bytes;
        let at = self.pos;
        let rest = &b[at..];
        if rest.starts_with(b"<!--") {
            // `<!-->` and `<!--->` are empty comments.
            let body = &rest[4..];
            let end = if body.starts_with(b">") {
                5
            } else if body.starts_with(b"->") {
                6
            } else {
                find(body, b"-->").map_or(rest.len(), |i| 4 + i + 3)
            };
            self.pos = at + end;
            return Some(Tag::Other);
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            let end = if rest[2..].starts_with(b"[CDATA[") {
                find(rest, b"]]>").map_or(rest.len(), |i| i + 3)
            } else {
                memchr(b'>', rest).map_or(rest.len(), |i| i + 1)
            };
            self.pos = at + end;
            return Some(Tag::Other);
        }
        let (end_tag, name_at) = if rest.starts_with(b"</") { (true, 2) } else { (false, 1) };
        if !rest.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            if end_tag && rest.get(2) == Some(&b'>') {
                self.pos = at + 3; // `</>` is ignored
                return Some(Tag::Other);
            }
            if end_tag {
                // `</ …>` is a bogus comment.
                self.pos = at + memchr(b'>', rest).map_or(rest.len(), |i| i + 1);
                return Some(Tag::Other);
            }
            return None;
        }
        let mut i = name_at;
        while i < rest.len() && !matches!(rest[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0C' | b'/' | b'>') {
            i += 1;
        }
        let name = String::from_utf8_lossy(&rest[name_at..i]).to_ascii_lowercase();
        // Attributes: skip to the closing `>`, respecting quoted values.
        let mut self_closing = false;
        let mut quote: Option<u8> = None;
        let mut last_non_space = 0u8;
        while i < rest.len() {
            let c = rest[i];
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None => match c {
                    b'>' => break,
                    b'"' | b'\'' if matches!(last_non_space, b'=') => quote = Some(c),
                    _ => {}
                },
            }
            if quote.is_none() && !c.is_ascii_whitespace() {
                last_non_space = c;
            }
            i += 1;
        }
        if i < rest.len() && i > 0 && rest[i - 1] == b'/' {
            self_closing = true;
        }
        self.pos = at + (i + 1).min(rest.len());
        Some(if end_tag { Tag::End { name } } else { Tag::Start { name, self_closing } })
    }

    /// After the start tag of a raw-text element: moves past its end tag and returns the content.
    fn skip_raw_text(&mut self, name: &str) -> &'a str {
        let start = self.pos;
        let b = self.bytes;
        let mut i = start;
        while let Some(off) = memchr(b'<', &b[i..]) {
            let at = i + off;
            let after = at + 2 + name.len();
            if b[at..].starts_with(b"</")
                && b.len() >= after
                && b[at + 2..after].eq_ignore_ascii_case(name.as_bytes())
                && b.get(after).is_none_or(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C' | b'/' | b'>'))
            {
                self.pos = at + memchr(b'>', &b[at..]).map_or(b.len() - at, |j| j + 1);
                return &self.html[start..at];
            }
            i = at + 1;
        }
        // No end tag: the rest of the document is the element's content.
        self.pos = b.len();
        &self.html[start..]
    }
}

/// Named character references Qarin decodes (the common ones; the full HTML list has 2,231).
const NAMED: &[(&str, &str)] = &[
    ("AElig", "Æ"), ("Aacute", "Á"), ("Agrave", "À"), ("Ccedil", "Ç"), ("Eacute", "É"), ("Egrave", "È"),
    ("Ouml", "Ö"), ("Prime", "″"), ("Uuml", "Ü"), ("aacute", "á"), ("acirc", "â"), ("acute", "´"),
    ("aelig", "æ"), ("agrave", "à"), ("amp", "&"), ("apos", "'"), ("aring", "å"), ("atilde", "ã"),
    ("auml", "ä"), ("bdquo", "„"), ("brvbar", "¦"), ("bull", "•"), ("ccedil", "ç"), ("cedil", "¸"),
    ("cent", "¢"), ("copy", "©"), ("curren", "¤"), ("dagger", "†"), ("darr", "↓"), ("deg", "°"),
    ("divide", "÷"), ("eacute", "é"), ("ecirc", "ê"), ("egrave", "è"), ("emsp", "\u{2003}"),
    ("ensp", "\u{2002}"), ("euml", "ë"), ("euro", "€"), ("frac12", "½"), ("frac14", "¼"), ("frac34", "¾"),
    ("ge", "≥"), ("gt", ">"), ("harr", "↔"), ("hellip", "…"), ("iacute", "í"), ("icirc", "î"),
    ("iexcl", "¡"), ("igrave", "ì"), ("infin", "∞"), ("iquest", "¿"), ("iuml", "ï"), ("laquo", "«"),
    ("larr", "←"), ("ldquo", "“"), ("le", "≤"), ("lrm", "\u{200E}"), ("lsaquo", "‹"), ("lsquo", "‘"),
    ("lt", "<"), ("macr", "¯"), ("mdash", "—"), ("micro", "µ"), ("middot", "·"), ("minus", "−"),
    ("nbsp", "\u{A0}"), ("ndash", "–"), ("ne", "≠"), ("not", "¬"), ("ntilde", "ñ"), ("oacute", "ó"),
    ("ocirc", "ô"), ("ograve", "ò"), ("ordf", "ª"), ("ordm", "º"), ("oslash", "ø"), ("otilde", "õ"),
    ("ouml", "ö"), ("para", "¶"), ("permil", "‰"), ("plusmn", "±"), ("pound", "£"), ("prime", "′"),
    ("quot", "\""), ("raquo", "»"), ("rarr", "→"), ("rdquo", "”"), ("reg", "®"), ("rlm", "\u{200F}"),
    ("rsaquo", "›"), ("rsquo", "’"), ("sbquo", "‚"), ("sect", "§"), ("shy", "\u{AD}"), ("sup1", "¹"),
    ("sup2", "²"), ("sup3", "³"), ("szlig", "ß"), ("thinsp", "\u{2009}"), ("times", "×"), ("trade", "™"),
    ("uacute", "ú"), ("uarr", "↑"), ("ucirc", "û"), ("ugrave", "ù"), ("uml", "¨"), ("uuml", "ü"),
    ("yacute", "ý"), ("yen", "¥"), ("yuml", "ÿ"), ("zwj", "\u{200D}"), ("zwnj", "\u{200C}"),
];

/// Names a browser also decodes without the final `;`.
const LEGACY: [&str; 5] = ["amp", "lt", "gt", "quot", "nbsp"];

/// Windows-1252 for the C1 range, as HTML maps `&#128;`…`&#159;`.
const C1: [u32; 32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
    0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
    0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
];

fn numeric_char(v: u32) -> char {
    match v {
        0 => '\u{FFFD}',
        0x80..=0x9F => char::from_u32(C1[(v - 0x80) as usize]).unwrap_or('\u{FFFD}'),
        v => char::from_u32(v).unwrap_or('\u{FFFD}'),
    }
}

/// Decode character references in text (`&amp;`, `&#1575;`, `&#x627;`, `&nbsp;`, …).
pub fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    let mut copied = 0;
    while let Some(off) = memchr(b'&', &b[i..]) {
        let at = i + off;
        i = at + 1;
        let rest = &b[at + 1..];
        let mut decoded: Option<(String, usize)> = None; // (text, bytes consumed after '&')
        if rest.first() == Some(&b'#') {
            let hex = matches!(rest.get(1), Some(b'x' | b'X'));
            let digits_at = if hex { 2 } else { 1 };
            let n = rest[digits_at..]
                .iter()
                .take_while(|c| if hex { c.is_ascii_hexdigit() } else { c.is_ascii_digit() })
                .count();
            if n > 0 {
                let digits = &s[at + 1 + digits_at..at + 1 + digits_at + n];
                let v = u32::from_str_radix(digits, if hex { 16 } else { 10 }).unwrap_or(u32::MAX);
                let mut used = digits_at + n;
                if rest.get(used) == Some(&b';') {
                    used += 1;
                }
                decoded = Some((numeric_char(v).to_string(), used));
            }
        } else {
            let n = rest.iter().take_while(|c| c.is_ascii_alphanumeric()).count().min(32);
            let name = &s[at + 1..at + 1 + n];
            if rest.get(n) == Some(&b';') {
                if let Ok(k) = NAMED.binary_search_by(|(x, _)| x.cmp(&name)) {
                    decoded = Some((NAMED[k].1.to_string(), n + 1));
                }
            } else if let Some(l) = LEGACY.iter().find(|l| name.starts_with(**l)) {
                // `&amp` without `;` before something that is not a letter, digit or `=`.
                let after = rest.get(l.len());
                if !after.is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'=') {
                    let k = NAMED.binary_search_by(|(x, _)| x.cmp(l)).expect("legacy names are in NAMED");
                    decoded = Some((NAMED[k].1.to_string(), l.len()));
                }
            }
        }
        if let Some((text, used)) = decoded {
            out.push_str(&s[copied..at]);
            out.push_str(&text);
            copied = at + 1 + used;
            i = copied;
        }
    }
    out.push_str(&s[copied..]);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_table_is_sorted() {
        assert!(NAMED.windows(2).all(|w| w[0].0 < w[1].0), "NAMED must be sorted for binary search");
    }

    #[test]
    fn entities() {
        assert_eq!(decode_entities("a &amp; b &lt;p&gt; &quot;x&quot;"), "a & b <p> \"x\"");
        assert_eq!(decode_entities("&#1575;&#x627;&#X644;"), "اال");
        assert_eq!(decode_entities("a&nbsp;b"), "a\u{A0}b");
        assert_eq!(decode_entities("&laquo;قارن&raquo; &hellip;"), "«قارن» …");
        assert_eq!(decode_entities("&unknown; & &; &#; &#xZZ;"), "&unknown; & &; &#; &#xZZ;");
        assert_eq!(decode_entities("?a=1&amp=2 &amp x"), "?a=1&amp=2 & x");
        assert_eq!(decode_entities("&#0; &#150; &#x110000; &#55296;"), "\u{FFFD} – \u{FFFD} \u{FFFD}");
        assert_eq!(decode_entities("&#1575"), "ا");
    }

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
