//! `qarin prerender`: the reader's HTML of the app's first article, as `cargo xtask dist` writes
//! it into the built page.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn qarin(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qarin"))
        .args(args)
        .output()
        .expect("qarin runs")
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("qarin-cli-prerender-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The inner HTML of the `<article>`.
fn article_body(html: &str) -> &str {
    let open = html.find("<article").expect("an <article>");
    let start = open + html[open..].find('>').unwrap() + 1;
    let end = html.rfind("</article>").expect("</article>");
    &html[start..end]
}

/// The text content of the fragment (tags dropped, the five escapes undone).
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

/// Each `<mark>`'s code point offsets in the text and its `data-type`, in order.
fn marks_at(html: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        at += text_content(&rest[..lt]).chars().count();
        let gt = lt + rest[lt..].find('>').unwrap();
        let tag = &rest[lt..=gt];
        if tag.starts_with("<mark ") {
            let ty = &tag[tag.find("data-type=\"").unwrap() + 11..];
            out.push((at, at, ty[..ty.find('"').unwrap()].to_string()));
        } else if tag == "</mark>" {
            out.last_mut().unwrap().1 = at;
        }
        rest = &rest[gt + 1..];
    }
    out
}

/// Every `name="value"` of the `<mark …>` tags, in order.
fn mark_attr(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    html.split("<mark ")
        .skip(1)
        .map(|m| {
            let tag = format!(" {}", &m[..m.find('>').unwrap()]);
            let v = &tag[tag.find(&needle).unwrap() + needle.len()..];
            v[..v.find('"').unwrap()].to_string()
        })
        .collect()
}

#[test]
fn prerenders_the_first_article_of_the_bundled_corpus() {
    let dir = scratch("bundled");
    let out = dir.join("prerender.html");
    let o = qarin(&[
        "prerender",
        corpus().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(&out).unwrap();
    // The first file by name, as the app's build bundles the folder and the app opens it.
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let first = &files[0];
    let id = first.file_stem().unwrap().to_str().unwrap();
    assert!(
        html.contains(&format!(
            "<article class=\"reader reader-text\" id=\"reader-static\" data-doc=\"{id}\" dir=\"rtl\" lang=\"ar\""
        )),
        "{}",
        &html[..html.len().min(600)]
    );
    assert!(!html.contains("id=\"reader\"") && !html.contains("id=\"app\""));
    assert!(!html.contains("<script") && !html.contains("<style"));
    let body = article_body(&html);
    assert_eq!(
        text_content(body),
        std::fs::read_to_string(first).unwrap(),
        "the text, verbatim"
    );

    // The marks are the analysis's mentions of that article (those outside boilerplate), at the
    // same offsets (where each mark's text stands in the article's), with the same types.
    let o = qarin(&["analyze", corpus().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let doc = &v["documents"][0];
    assert_eq!(doc["id"], id);
    let boiler: Vec<(u64, u64)> = doc["boilerplate"]
        .as_array()
        .map(|b| {
            b.iter()
                .map(|b| (b["start"].as_u64().unwrap(), b["end"].as_u64().unwrap()))
                .collect()
        })
        .unwrap_or_default();
    let expected: Vec<(usize, usize, String)> = doc["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| {
            let (s, e) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
            !boiler.iter().any(|&(bs, be)| s < be && bs < e)
        })
        .map(|m| {
            (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
                m["type"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(expected.len() >= 5, "{expected:?}");
    assert_eq!(marks_at(body), expected);
    for t in mark_attr(body, "data-type") {
        assert!(["PER", "LOC", "ORG", "MISC"].contains(&t.as_str()), "{t}");
    }
    assert!(html.contains(&format!(
        "<span>{} names</span>",
        doc["mentions"].as_array().unwrap().len()
    )));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn prerender_escapes_text_and_applies_meta() {
    let dir = scratch("escape");
    std::fs::write(
        dir.join("a.txt"),
        "زار الرئيس الفرنسي إيمانويل ماكرون <script>alert(1)</script> العاصمة المصرية القاهرة & التقى الرئيس عبد الفتاح السيسي.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "استقبل الرئيس المصري عبد الفتاح السيسي نظيره الفرنسي ماكرون في القاهرة.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("meta.json"),
        r#"{"documents": [{"file": "a.txt", "outlet": "مصدر (Some <Outlet>)", "date": "2024-05-05"}]}"#,
    )
    .unwrap();
    // To standard output without --out.
    let o = qarin(&["prerender", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = String::from_utf8(o.stdout).unwrap();
    assert!(!html.contains("<script"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(html.contains(" &amp; "), "{html}");
    assert!(html.contains("data-doc=\"a\""), "{html}");
    assert!(html.contains("<span>Some &lt;Outlet&gt;</span>"), "{html}");
    assert!(
        html.contains("<time datetime=\"2024-05-05\">2024-05-05</time>"),
        "{html}"
    );
    assert!(html.matches("<mark ").count() >= 2, "{html}");
    assert_eq!(
        text_content(article_body(&html)),
        std::fs::read_to_string(dir.join("a.txt")).unwrap()
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn prerender_refuses_bad_folders() {
    let dir = scratch("bad");
    let o = qarin(&["prerender", dir.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("holds no .txt"), "{}", stderr(&o));
    std::fs::write(dir.join("a.txt"), "نص عربي").unwrap();
    std::fs::write(dir.join("b.txt"), b"\x89PNG\0\0").unwrap();
    let out = dir.join("out.html");
    let o = qarin(&[
        "prerender",
        dir.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("b.txt"), "{}", stderr(&o));
    assert!(!out.exists(), "a failed run wrote its output");
    let o = qarin(&["prerender", dir.join("missing").to_str().unwrap()]);
    assert!(
        !o.status.success() && stderr(&o).contains("not a folder"),
        "{}",
        stderr(&o)
    );
    let o = qarin(&["prerender"]);
    assert!(
        !o.status.success() && stderr(&o).contains("<DIR>"),
        "{}",
        stderr(&o)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
