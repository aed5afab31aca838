//! `qarin tag --conll FILE [--model MODEL]`: tag a CoNLL file and write `token gold predicted`,
//! one line per input line, blank lines kept (the input `conlleval` reads). The predicted tags
//! spell the person type as the gold file does (`PERS` if it uses `PERS`).

use qarin_engine::input::conll::{parse_lines, sentences_of, ConllLine, TaggedToken};
use qarin_engine::lexicon::lexicon;
use qarin_engine::tagger::lists::Lists;
use qarin_engine::tagger::{tags, Tagger, EMBEDDED_MODEL};
use std::path::{Path, PathBuf};

/// Every line of a CoNLL file; errors name the file and the line.
pub fn read_lines(path: &Path) -> Result<Vec<ConllLine>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse_lines(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The sentences of a CoNLL file.
pub fn read_sentences(path: &Path) -> Result<Vec<Vec<TaggedToken>>, String> {
    Ok(sentences_of(&read_lines(path)?).into_iter().map(|(s, _)| s).collect())
}

/// The model in `path`, or the embedded one.
pub fn load_model(path: Option<&Path>) -> Result<Tagger, String> {
    match path {
        Some(p) => {
            let bytes = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
            Tagger::from_bytes(&bytes).map_err(|e| format!("{}: {e}", p.display()))
        }
        None => Tagger::from_bytes(EMBEDDED_MODEL).map_err(|e| format!("the embedded model: {e}")),
    }
}

/// Whether a CoNLL file writes the person type `PERS` (ANERcorp) rather than `PER`.
pub fn uses_pers(lines: &[ConllLine]) -> bool {
    lines.iter().any(|l| matches!(l, ConllLine::Token { raw_tag, .. } if raw_tag.ends_with("-PERS")))
}

#[derive(clap::Args)]
pub struct Args {
    /// The CoNLL file (`token TAG` lines, blank line between sentences).
    #[arg(long)]
    conll: PathBuf,
    /// A model file instead of the embedded model.
    #[arg(long)]
    model: Option<PathBuf>,
    /// Write here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<(), String> {
    let (conll, model, out) = (args.conll, args.model, args.output);
    let lines = read_lines(&conll)?;
    let tagger = load_model(model.as_deref())?;
    let pers = uses_pers(&lines);
    let lists = Lists::runtime(lexicon());
    let (sentences, at): (Vec<_>, Vec<_>) = sentences_of(&lines).into_iter().unzip();
    let mut predicted: Vec<Option<String>> = vec![None; lines.len()];
    for (tags, at) in tagger.tag_conll(&sentences, &lists, None).into_iter().zip(at) {
        for (t, line) in tags.iter().zip(at) {
            predicted[line] = Some(tags::name(*t, pers));
        }
    }
    let mut text = String::new();
    for (l, p) in lines.iter().zip(predicted) {
        match (l, p) {
            (ConllLine::Token { tok, raw_tag }, Some(p)) => {
                text.push_str(&format!("{} {raw_tag} {p}\n", tok.token));
            }
            _ => text.push('\n'),
        }
    }
    crate::output::write(out.as_deref(), &text)
}
