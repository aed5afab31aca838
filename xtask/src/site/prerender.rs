//! The prerendered first view: the reader's HTML of the first article (`qarin prerender`, run by
//! [`crate::dist`]) inside `div#prerender`, first in `<body>`, so the article and its highlighted
//! names show before the wasm has loaded; the app removes it once it has its own analysis. Its
//! one script, [`PRERENDER_GATE`], keeps the article hidden when the link asks for another view
//! or article; no style comes with it. Its interface words come from `qarin-i18n`, as the app's.

use std::cell::Cell;

use lol_html::html_content::ContentType;
use lol_html::{doc_comments, doc_text, doctype, element, rewrite_str, RewriteStrSettings};
use qarin_i18n::{t, Key, Lang};

use super::html::{self, escape_text};
use crate::env::Result;

/// The id of the prerendered layer; the app removes the element once its views have the analysis.
pub const PRERENDER_ID: &str = "prerender";

/// Elements that run or load anything, or parse their content otherwise than as HTML.
const BANNED_ELEMENTS: [&str; 13] = [
    "script", "style", "link", "iframe", "frame", "object", "embed", "base", "meta", "form",
    "template", "svg", "math",
];

/// Fails unless `fragment` is plain markup: no element that runs or loads anything (script,
/// style, link, frames, objects, base, meta, forms), no event handler or `style` attribute, no
/// comment or doctype, no `javascript:` URL, not the ids the live app uses (`reader`, `app`, and
/// the layer's own), and no unescaped `<` in text.
fn check_fragment(fragment: &str) -> Result<()> {
    let refuse = |message: String| -> lol_html::HandlerResult { Err(message.into()) };
    rewrite_str(
        fragment,
        RewriteStrSettings::new()
            .append_element_content_handler(element!("*", |el| {
                let name = el.tag_name();
                if BANNED_ELEMENTS.contains(&name.as_str()) {
                    return refuse(format!("the prerendered HTML has a <{name}> element"));
                }
                for a in el.attributes() {
                    let (attr, value) = (a.name(), a.value());
                    if attr.starts_with("on") || attr == "style" || attr == "srcdoc" {
                        return refuse(format!(
                            "the prerendered HTML has a `{attr}` attribute on <{name}>"
                        ));
                    }
                    if attr == "id" && ["reader", "app", PRERENDER_ID].contains(&value.as_str()) {
                        return refuse(format!(
                            "the prerendered HTML uses id=\"{value}\", which belongs to the live app"
                        ));
                    }
                    // As a browser reads a URL: white space and control characters dropped.
                    let url: String = value
                        .chars()
                        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
                        .collect::<String>()
                        .to_ascii_lowercase();
                    if url.contains("javascript:") {
                        return refuse(format!(
                            "the prerendered HTML has a javascript: URL in `{attr}` on <{name}>"
                        ));
                    }
                }
                Ok(())
            }))
            .append_document_content_handler(doc_comments!(|_| refuse(
                "the prerendered HTML holds a comment".into()
            )))
            .append_document_content_handler(doctype!(|_| refuse(
                "the prerendered HTML holds a doctype".into()
            )))
            .append_document_content_handler(doc_text!(|t| match t.as_str().find('<') {
                Some(i) => refuse(format!(
                    "the prerendered HTML has a stray `<` at byte {}: text must be escaped",
                    t.source_location().bytes().start + i
                )),
                None => Ok(()),
            })),
    )
    .map_err(|e| html::failed("the prerendered HTML", e))?;
    Ok(())
}

/// The one script of the prerender, run as the page is parsed, before its first paint. First, a
/// return visit: the opening of the article the app showed first last time, with its names,
/// kept in localStorage under `qarin-first-view` by the app (`src/snapshot.rs`), replaces the
/// bundled article when it is another one (and the link asks for no other): text nodes and
/// `<mark data-type>` only, the type one of the four (a number 1–4, nothing else), nothing read
/// as HTML; the article's heading keeps only its number and its line of facts says the kept
/// names' count and file name (the bundled article's title, outlet or date are not shown). Then a link to
/// another view (`#view=compare`, `facts`, `wire`) or to another article (`#doc=…` other than
/// the shown `data-doc`) must not flash the first article's text, so the layer then keeps only
/// its bar with the loading line (class `elsewhere`, style/main.css). It reads the hash as
/// `src/hash.rs` does (pairs split on `&`, values percent-decoded, unknown views are the
/// reader). Constant text: the policy allows it by hash.
pub const PRERENDER_GATE: &str = "(function(){var v='',d='';\
location.hash.replace(/^#/,'').split('&').forEach(function(p){var i=p.indexOf('=');\
if(i<0)return;var k=p.slice(0,i),x=p.slice(i+1);try{x=decodeURIComponent(x)}catch(e){}\
if(k==='view')v=x;else if(k==='doc')d=x});\
var a=document.getElementById('reader-static'),s=null;\
try{s=JSON.parse(localStorage.getItem('qarin-first-view'))}catch(e){}\
if(a&&s&&s.v===1&&typeof s.doc==='string'&&Array.isArray(s.runs)&&s.doc!==a.getAttribute('data-doc')&&(!d||d===s.doc)){\
var T=['','PER','LOC','ORG','MISC'];a.textContent='';a.setAttribute('data-doc',s.doc);\
s.runs.forEach(function(r){if(!Array.isArray(r))return;var t=document.createTextNode(String(r[0])),c=r[1],\
k=typeof c==='number'&&c>=1&&c<=4?T[c]:'';\
if(k){var m=document.createElement('mark');m.setAttribute('data-type',k);m.appendChild(t);a.appendChild(m)}else a.appendChild(t)});\
var p=document.getElementById('prerender'),h=p.querySelector('.reader-heading'),x=p.querySelector('.reader-facts');\
if(h){var q=h.querySelector('.article-n');h.textContent=q?q.textContent:''}\
p.querySelectorAll('.reader-meta > :not(.reader-heading):not(.reader-facts)').forEach(function(e){e.remove()});\
if(x){x.textContent='';var y=document.createElement('span'),z=document.createElement('span');\
y.textContent=String(s.names||'');z.className='file-name';z.setAttribute('dir','auto');z.textContent=String(s.file||'');\
x.appendChild(y);x.appendChild(z)}}\
if(['compare','facts','wire'].indexOf(v)>=0||(d&&a&&d!==a.getAttribute('data-doc')))\
document.getElementById('prerender').classList.add('elsewhere')})();";

/// `div#prerender` around the reader's HTML: a bar like the app's header with a loading line,
/// then the article where the app's reader will be (style/main.css, "Prerendered first view"),
/// then [`PRERENDER_GATE`], the block's only script (allowed by hash; no style element). The
/// page opens in English, so the bar's words are the English interface's.
pub fn prerender_block(fragment: &str) -> Result<String> {
    let fragment = fragment.trim();
    if fragment.is_empty() {
        return Err("`qarin prerender` wrote nothing".into());
    }
    check_fragment(fragment)?;
    if !fragment.contains("<mark ") {
        println!("[dist] note: the prerendered article has no highlighted name");
    }
    Ok(format!(
        "<div id=\"{PRERENDER_ID}\" class=\"prerender\" aria-hidden=\"false\">\
         <header class=\"app-header prerender-bar\"><div class=\"brand\">\
         <p class=\"app-name\"><span lang=\"en\" dir=\"ltr\">Qarin</span>\
         <span class=\"dot\" aria-hidden=\"true\"> · </span>\
         <span lang=\"ar\" dir=\"rtl\" class=\"arabic\">قارن</span></p>\
         <p class=\"tagline\">{tagline}</p></div>\
         <p class=\"prerender-status\" role=\"status\">\
         <span class=\"spinner small\" aria-hidden=\"true\"></span>{loading}</p>\
         </header>\
         <div class=\"prerender-body\"><div class=\"prerender-main\">{fragment}</div></div>\
         <script>{PRERENDER_GATE}</script></div>",
        tagline = escape_text(t(Lang::En, Key::Tagline)),
        loading = escape_text(t(Lang::En, Key::LoadingExplorer)),
    ))
}

/// `page` with `block` first in its `<body>`, before anything the app mounts there.
pub fn in_body(page: &str, block: &str) -> Result<String> {
    let found = Cell::new(false);
    let out = rewrite_str(
        page,
        RewriteStrSettings::new().append_element_content_handler(element!("body", |el| {
            if !found.replace(true) {
                el.prepend(block, ContentType::Html);
            }
            Ok(())
        })),
    )
    .map_err(|e| html::failed("index.html", e))?;
    if !found.get() {
        return Err("index.html has no <body> to put the prerendered article in".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::policy::{csp_hash, policy};
    use super::*;

    #[test]
    fn the_prerender_goes_first_in_body_and_must_be_inert() {
        let fragment = "<div class=\"reader-meta\"><h2>Article 1</h2></div>\
                        <article class=\"reader\" id=\"reader-static\" dir=\"rtl\" lang=\"ar\">\
                        قال <mark data-type=\"PER\" title=\"a &quot;b&quot; &lt;c&gt;\">بوتين</mark> \
                        &lt;script&gt;</article>";
        let block = prerender_block(fragment).unwrap();
        assert!(
            block.starts_with("<div id=\"prerender\" class=\"prerender\""),
            "{block}"
        );
        assert!(block.contains(fragment) && block.contains("Loading the explorer"));
        let page = "<!doctype html><html><meta charset=utf-8><script type=module>x</script>\
                    </head><body></body></html>";
        let out = in_body(page, &block).unwrap();
        assert!(out.contains(&format!("<body>{block}</body>")), "{out}");
        // Its one script is the gate, allowed by hash beside trunk's loader.
        assert_eq!(block.matches("<script").count(), 1, "{block}");
        assert!(
            block.contains(&format!("<script>{PRERENDER_GATE}</script></div>")),
            "{block}"
        );
        let csp = policy(&out).unwrap();
        assert!(
            csp.contains(&csp_hash(PRERENDER_GATE)) && csp.contains(&csp_hash("x")),
            "{csp}"
        );
        assert!(in_body("<html></html>", &block).is_err());
        for bad in [
            "<article><script>alert(1)</script></article>",
            "<article><style>a{}</style></article>",
            "<article><mark onclick=\"x()\">a</mark></article>",
            "<article style=\"color:red\">a</article>",
            "<article id=\"reader\">a</article>",
            "<article><main id=app>a</main></article>",
            "<article>a < b</article>",
            "<article><!-- x --></article>",
            "",
        ] {
            assert!(prerender_block(bad).is_err(), "accepted {bad}");
        }
    }

    #[test]
    fn more_that_the_prerender_refuses() {
        for bad in [
            "<!doctype html><article>a</article>",
            "<article><a href=\"javascript:alert(1)\">a</a></article>",
            "<article><a href=\" java\tscript:alert(1)\">a</a></article>",
            "<article><svg><circle/></svg></article>",
            "<article><iframe srcdoc=\"x\"></iframe></article>",
            "<article><p srcdoc=\"x\">a</p></article>",
            "<article><div id=\"prerender\">a</div></article>",
            "<article><SCRIPT>alert(1)</SCRIPT></article>",
            "<article><mark OnMouseOver=\"x()\">a</mark></article>",
            "<article><![CDATA[x]]></article>",
        ] {
            assert!(check_fragment(bad).is_err(), "accepted {bad}");
        }
        let err = check_fragment("<p>ab < c</p>").unwrap_err();
        assert!(err.contains("stray `<` at byte 6"), "{err}");
        check_fragment("<p class=\"x\" data-doc=\"a b\">a &lt; b &amp; <b>c</b> 3 &gt; 2</p>")
            .unwrap();
    }

    #[test]
    fn the_bar_speaks_the_interface_language() {
        let block = prerender_block("<p>x</p>").unwrap();
        assert!(block.contains(&format!(
            "<p class=\"tagline\">{}</p>",
            t(Lang::En, Key::Tagline)
        )));
        assert!(block.contains(&format!("</span>{}</p>", t(Lang::En, Key::LoadingExplorer))));
        assert_eq!(t(Lang::Ar, Key::LoadingExplorer), "جارٍ تحميل المستكشف…");
    }
}
