//! The corpora measured: `target/bench/corpus-N/` (text files, for the CLI) and `docs-N.json`
//! (the engine's documents, for the wasm export) for N = 5, 50, 200: the bundled articles, then
//! articles regrouped from ANERcorp's sentences (read with the engine's CoNLL reader), and
//! `plain.html`, the floor page.

use std::path::{Path, PathBuf};

use qarin_engine::input::conll::parse_conll;
use qarin_engine::input::corpus::load_file;
use qarin_engine::input::{default_title, id_from_file_name};
use qarin_engine::Document;

use super::SIZES;
use crate::env::{self, Result};
use crate::site;

/// Sentences per generated article.
const SENTENCES_PER_ARTICLE: usize = 20;

/// One corpus size: its text files (for the CLI); `docs-N.json` beside it is for the page.
pub struct Fixture {
    pub n: usize,
    pub dir: PathBuf,
}

/// ANERcorp's training split as sentences of tokens, read by the engine's CoNLL reader.
fn anercorp_sentences() -> Result<Vec<Vec<String>>> {
    let path = env::repo_root().join("data/anercorp/train.txt");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let sentences = parse_conll(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(sentences
        .into_iter()
        .map(|s| s.into_iter().map(|t| t.token).collect())
        .collect())
}

/// Tokens back into prose: no space before closing punctuation or after opening brackets.
fn detokenize(tokens: &[String]) -> String {
    let mut out = String::new();
    let mut glue_next = true;
    for t in tokens {
        let closing = matches!(
            t.as_str(),
            "." | "،" | "," | ":" | "؛" | ";" | "؟" | "?" | "!" | ")" | "]" | "»" | "”"
        );
        if !out.is_empty() && !closing && !glue_next {
            out.push(' ');
        }
        out.push_str(t);
        glue_next = matches!(t.as_str(), "(" | "[" | "«" | "“");
    }
    out
}

/// `count` articles of [`SENTENCES_PER_ARTICLE`] sentences each, titled by the first words of
/// their first sentence, in paragraphs of four sentences.
fn generated_articles(count: usize) -> Result<Vec<Document>> {
    let sentences = anercorp_sentences()?;
    let available = sentences.len() / SENTENCES_PER_ARTICLE;
    if available < count {
        return Err(format!(
            "ANERcorp has {} sentences: enough for {available} articles of {SENTENCES_PER_ARTICLE}, not {count}",
            sentences.len()
        ));
    }
    Ok((0..count)
        .map(|k| {
            let group = &sentences[k * SENTENCES_PER_ARTICLE..(k + 1) * SENTENCES_PER_ARTICLE];
            let title = detokenize(&group[0][..group[0].len().min(8)]);
            let paragraphs: Vec<String> = group
                .chunks(4)
                .map(|p| {
                    p.iter()
                        .map(|s| detokenize(s))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            let file = format!("anercorp_{k:03}.txt");
            let text = format!("{title}\n\n{}\n", paragraphs.join("\n\n"));
            Document {
                id: id_from_file_name(&file),
                title: default_title(&text),
                file,
                text,
                ..Document::default()
            }
        })
        .collect())
}

/// Articles added at once in the page (`target/bench/add-1000/`).
pub const ADDED: usize = 1000;
/// The size of the one large file added in the page (`target/bench/big/`): just under the
/// app's limit of 8 MiB a file.
const BIG_BYTES: usize = 8 * 1024 * 1024 - 64 * 1024;

/// `count` distinct articles of [`SENTENCES_PER_ARTICLE`] sentences drawn from all of
/// ANERcorp's (a different stride for each article, so each is a new mix, and a sentence comes
/// back in a few articles, as wire copy does), in paragraphs of four sentences.
fn drawn_articles(count: usize) -> Result<Vec<(String, String)>> {
    let sentences = anercorp_sentences()?;
    let n = sentences.len();
    Ok((0..count)
        .map(|k| {
            let group: Vec<&Vec<String>> = (0..SENTENCES_PER_ARTICLE)
                .map(|j| &sentences[(k * 7919 + j * (104_729 + 2 * k)) % n])
                .collect();
            let title = detokenize(&group[0][..group[0].len().min(8)]);
            let paragraphs: Vec<String> = group
                .chunks(4)
                .map(|p| p.iter().map(|s| detokenize(s)).collect::<Vec<_>>().join(" "))
                .collect();
            (format!("added_{k:04}.txt"), format!("{title}\n\n{}\n", paragraphs.join("\n\n")))
        })
        .collect())
}

/// One text of about `bytes` bytes: ANERcorp's sentences in paragraphs of four, from the start
/// again when they run out.
fn big_text(bytes: usize) -> Result<String> {
    let sentences = anercorp_sentences()?;
    let mut out = String::with_capacity(bytes + 4096);
    'fill: loop {
        for p in sentences.chunks(4) {
            let para = p.iter().map(|s| detokenize(s)).collect::<Vec<_>>().join(" ");
            if out.len() + para.len() + 2 > bytes {
                break 'fill;
            }
            out.push_str(&para);
            out.push_str("\n\n");
        }
    }
    Ok(out)
}

fn write_dir(dir: &Path, files: &[(String, String)]) -> Result<()> {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (name, text) in files {
        std::fs::write(dir.join(name), text).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    Ok(())
}

/// A bundled article as the engine (and so the app's build) reads it.
fn load(path: &Path) -> Result<Document> {
    load_file(path).map_err(|e| e.to_string())
}

/// Articles in the story a user adds (`target/bench/story/`).
pub const STORY: usize = 7;

/// `target/bench/corpus-N/` (text files, for the CLI) and `docs-N.json` (`Vec<Document>`, for
/// the wasm export) for each size: the bundled articles first, then generated ones.
pub fn fixtures(bench: &Path) -> Result<Vec<Fixture>> {
    let corpus = env::repo_root().join("corpus");
    let mut docs = site::corpus_files(&corpus)?
        .iter()
        .map(|path| load(path))
        .collect::<Result<Vec<Document>>>()?;
    let bundled = docs.len();
    docs.extend(generated_articles(SIZES[SIZES.len() - 1] - bundled)?);
    let mut out = Vec::new();
    for n in SIZES {
        let dir = bench.join(format!("corpus-{n}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for d in &docs[..n] {
            std::fs::write(dir.join(&d.file), &d.text)
                .map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let json_path = bench.join(format!("docs-{n}.json"));
        let json = serde_json::to_string(&docs[..n]).map_err(|e| e.to_string())?;
        std::fs::write(&json_path, json).map_err(|e| format!("{}: {e}", json_path.display()))?;
        out.push(Fixture { n, dir });
    }
    // A story a user adds: seven articles the app has never seen (generated, not bundled).
    let story = bench.join("story");
    let _ = std::fs::remove_dir_all(&story);
    std::fs::create_dir_all(&story).map_err(|e| format!("{}: {e}", story.display()))?;
    for d in &docs[bundled..bundled + STORY] {
        std::fs::write(story.join(&d.file), &d.text).map_err(|e| format!("{}: {e}", story.display()))?;
    }
    write_dir(&bench.join("add-1000"), &drawn_articles(ADDED)?)?;
    write_dir(&bench.join("big"), &[("big.txt".to_string(), big_text(BIG_BYTES)?)])?;
    println!(
        "[bench] fixtures: {} bundled + {} generated articles, {ADDED} drawn ones to add and one of {:.1} MiB in {}",
        bundled,
        docs.len() - bundled,
        BIG_BYTES as f64 / 1048576.0,
        bench.display()
    );
    Ok(out)
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A copy of `dist/` plus `plain.html`, the floor: the five articles as static HTML, set in the
/// same webfont, no script.
pub fn bench_site(dist: &Path, bench: &Path, five: &Fixture) -> Result<PathBuf> {
    let site = bench.join("site");
    let _ = std::fs::remove_dir_all(&site);
    let mut files = Vec::new();
    site::walk(dist, &mut files).map_err(|e| format!("cannot list {}: {e}", dist.display()))?;
    for file in files {
        let to = site.join(file.strip_prefix(dist).unwrap());
        std::fs::create_dir_all(to.parent().unwrap()).map_err(|e| e.to_string())?;
        std::fs::copy(&file, &to).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    let mut body = String::new();
    for path in site::corpus_files(&five.dir)? {
        let text = load(&path)?.text;
        let mut paragraphs = text.split("\n\n").filter(|p| !p.trim().is_empty());
        let title = paragraphs.next().unwrap_or("");
        body.push_str(&format!(
            "<article>\n<h2>{}</h2>\n",
            escape_html(title.trim())
        ));
        for p in paragraphs {
            body.push_str(&format!("<p>{}</p>\n", escape_html(p.trim())));
        }
        body.push_str("</article>\n");
    }
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Qarin bench floor</title>\n<link rel=\"icon\" href=\"data:,\">\n<style>\n\
         @font-face {{ font-family: \"Qarin Naskh\"; src: url(\"fonts/NotoNaskhArabic-Regular.woff2\") format(\"woff2\"); font-display: swap; }}\n\
         body {{ font-family: \"Qarin Naskh\", serif; max-width: 48rem; margin: 2rem auto; line-height: 1.9; }}\n\
         </style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    );
    std::fs::write(site.join("plain.html"), page).map_err(|e| e.to_string())?;
    Ok(site)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detokenizes_punctuation() {
        let t: Vec<String> = ["قال", "(", "أ", ")", "إن", "السوق", "،", "كما", "."]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(detokenize(&t), "قال (أ) إن السوق، كما.");
    }

    /// The fixtures' ids are the engine's, as the app gives them to files.
    #[test]
    fn ids_like_the_engine() {
        assert_eq!(
            id_from_file_name("000_671904eb4ced40ec.txt"),
            "000_671904eb4ced40ec"
        );
        assert_eq!(id_from_file_name("a b.md"), "a_b");
    }

    #[test]
    fn articles_from_anercorp() {
        let docs = generated_articles(3).unwrap();
        assert_eq!(docs.len(), 3);
        assert_eq!(docs[2].id, "anercorp_002");
        for d in &docs {
            assert_eq!(
                d.text.split("\n\n").count(),
                6,
                "a title and five paragraphs"
            );
            assert!(d.text.starts_with(&d.title), "{}", d.title);
        }
        assert_ne!(docs[0].text, docs[1].text);
    }
}
