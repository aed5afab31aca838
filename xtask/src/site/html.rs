//! Reading and rewriting HTML with `lol_html`, a streaming HTML parser and rewriter: it leaves
//! every byte it is not asked to change as it was, and reads trunk's minified output (unquoted
//! attributes, optional tags omitted) as a browser would.

use std::cell::RefCell;

use lol_html::errors::RewritingError;
use lol_html::{element, rewrite_str, text, RewriteStrSettings};

use crate::env::Result;

/// An element found in a page.
#[derive(Debug, Clone)]
pub struct Element {
    /// The tag name, lowercased.
    pub name: String,
    /// Attributes: names lowercased, values as written (entities not decoded).
    pub attrs: Vec<(String, String)>,
    /// For `script`, `style`, `title` and `textarea`, the text inside, as written; else empty.
    pub text: String,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Elements whose content is text only, which [`Element::text`] holds.
const TEXT_ONLY: [&str; 4] = ["script", "style", "title", "textarea"];

/// `lol_html`'s failure as a message naming `what` was read.
pub fn failed(what: &str, e: RewritingError) -> String {
    match e {
        RewritingError::ContentHandlerError(e) => e.to_string(),
        e => format!("cannot read {what} as HTML: {e}"),
    }
}

/// Every element of `html` matching the CSS `selector`, in document order.
pub fn elements(html: &str, selector: &str) -> Result<Vec<Element>> {
    let found: RefCell<Vec<Element>> = RefCell::new(Vec::new());
    // Whether the last element found is one of `TEXT_ONLY`, whose text follows.
    let collecting = RefCell::new(false);
    rewrite_str(
        html,
        RewriteStrSettings::new()
            .append_element_content_handler(element!(selector, |el| {
                let name = el.tag_name();
                *collecting.borrow_mut() = TEXT_ONLY.contains(&name.as_str());
                found.borrow_mut().push(Element {
                    name,
                    attrs: el
                        .attributes()
                        .iter()
                        .map(|a| (a.name(), a.value()))
                        .collect(),
                    text: String::new(),
                });
                Ok(())
            }))
            .append_element_content_handler(text!(selector, |t| {
                if *collecting.borrow() {
                    if let Some(last) = found.borrow_mut().last_mut() {
                        last.text.push_str(t.as_str());
                    }
                }
                Ok(())
            })),
    )
    .map_err(|e| failed("the page", e))?;
    Ok(found.into_inner())
}

/// `s` for a double-quoted attribute value.
pub fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;")
}

/// `s` as the text of an element.
pub fn escape_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_tags_and_attributes() {
        let html = "<!doctype html><html dir=ltr lang=en><meta charset=utf-8><title>T</title>\
                    <script type=module>import x from '/a.js';</script>\
                    <link href=/m.css integrity=\"sha384-x y\" rel=stylesheet><body></body>";
        let scripts = elements(html, "script").unwrap();
        assert_eq!(scripts.len(), 1);
        assert_eq!(scripts[0].attr("type"), Some("module"));
        assert_eq!(scripts[0].text, "import x from '/a.js';");
        let links = elements(html, "link").unwrap();
        assert_eq!(links[0].attr("integrity"), Some("sha384-x y"));
        assert_eq!(links[0].attr("rel"), Some("stylesheet"));
        assert_eq!(elements(html, "html").unwrap()[0].attr("lang"), Some("en"));
        assert_eq!(elements(html, "title").unwrap()[0].text, "T");
        // Several selectors at once, in document order, text only where it is the content.
        let names: Vec<String> = elements(html, "script, meta, html")
            .unwrap()
            .into_iter()
            .map(|e| format!("{}:{}", e.name, e.text))
            .collect();
        assert_eq!(names, ["html:", "meta:", "script:import x from '/a.js';"]);
    }

    #[test]
    fn escapes() {
        assert_eq!(escape_attr("a \"b\" & c"), "a &quot;b&quot; &amp; c");
        assert_eq!(escape_text("a < b & c > d"), "a &lt; b &amp; c &gt; d");
    }
}
