//! `qarin import`: annotations made in another tool (CoNLL, brat) turned into a gold file
//! (`qarin.gold/1`), so that `qarin eval --story` scores Qarin against them.
//!
//! The articles are read as `qarin analyze` reads them (ids from the file names); each token or
//! span must match its article's text, else the import fails naming the line. A name with no
//! entity id in the file gets `TYPE:spelling` (the same spelling is one entity).

use qarin_engine::eval::{Gold, GoldDocument, GoldMention, GOLD_SCHEMA};
use qarin_engine::export::{brat, conll, Imported};
use sha2::{Digest, Sha256};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The annotated articles' folders or files, as for `analyze`.
    #[arg(required = true, value_name = "DIR|FILE")]
    articles: Vec<PathBuf>,
    /// A CoNLL file (`token TAB tag [TAB entity]`, `# document = ID` before each article).
    #[arg(long, value_name = "FILE", conflicts_with = "brat", required_unless_present = "brat")]
    conll: Option<PathBuf>,
    /// A folder of brat `.ann` files named after the articles (`ID.ann`).
    #[arg(long, value_name = "DIR")]
    brat: Option<PathBuf>,
    /// The story's name in the gold file.
    #[arg(long, default_value = "imported")]
    story: String,
    /// Write the gold file here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<(), String> {
    let docs = crate::analyze::load(&args.articles)?;
    let texts: Vec<(&str, &str)> = docs.iter().map(|d| (d.id.as_str(), d.text.as_str())).collect();
    let imported: Vec<Imported> = if let Some(path) = &args.conll {
        let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        conll::import(&raw, &texts).map_err(|e| format!("{}: {e}", path.display()))?
    } else {
        let dir = args.brat.as_ref().ok_or("name --conll FILE or --brat DIR")?;
        let mut out = Vec::new();
        for (id, text) in &texts {
            let path = dir.join(format!("{}.ann", brat::file_stem(id)));
            if !path.exists() {
                eprintln!("qarin: warning: {}: no annotations for the article {id}; left out of the gold file", path.display());
                continue;
            }
            let raw = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            out.push(brat::import(&raw, id, text).map_err(|e| format!("{}: {e}", path.display()))?);
        }
        out
    };
    let mut documents = Vec::new();
    for imp in imported {
        let Some(d) = docs.iter().find(|d| d.id == imp.document) else { continue };
        let chars: Vec<char> = d.text.chars().collect();
        let mentions = imp
            .spans
            .into_iter()
            .map(|s| {
                let text: String = chars[s.start..s.end].iter().collect();
                let entity = s.entity.unwrap_or_else(|| format!("{}:{text}", s.kind.code()));
                GoldMention { start: s.start, end: s.end, kind: s.kind, entity, text }
            })
            .collect();
        documents.push(GoldDocument {
            file: d.file.clone(),
            outlet: d.outlet.clone(),
            date: d.date.clone(),
            url: d.url.clone(),
            chars: chars.len(),
            sha256: format!("{:x}", Sha256::digest(d.text.as_bytes())),
            mentions,
        });
    }
    let gold = Gold { schema: GOLD_SCHEMA.to_string(), story: args.story, documents, apart: Vec::new() };
    let json = serde_json::to_string_pretty(&gold).map_err(|e| e.to_string())?;
    crate::output::write(args.output.as_deref(), &(json + "\n"))
}
