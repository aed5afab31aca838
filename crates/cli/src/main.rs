//! `qarin`: the command line over the Qarin engine.
//!
//! ```text
//! qarin analyze <DIR|FILES…> [--format json|csv|facts-csv] [-o FILE]
//! qarin explain <DIR|FILES…>
//! qarin lexicon [--conll FILE] [-o DIR]
//! qarin train --conll FILE -o MODEL [--dev-fraction F] [--epochs N] [--seed S]
//! qarin tag --conll FILE [--model MODEL] [-o FILE]
//! qarin eval --conll FILE [--model MODEL] [--baseline] [--dev-fraction F]
//! qarin bench [--model MODEL] [--corpus DIR] [--conll FILE]
//! qarin prerender <DIR> [--out FILE]
//! ```

mod analyze;
mod bench;
mod eval;
mod lexicon;
mod output;
mod prerender;
mod tag;
mod train;

use std::process::ExitCode;

const USAGE: &str = "usage:
  qarin analyze <DIR|FILES...> [--format json|csv|facts-csv] [-o FILE]
      Recognise and link the named entities of Arabic articles; write the analysis
      (JSON schema qarin.analysis/1) or the comparison table (CSV, UTF-8 with BOM).
  qarin explain <DIR|FILES...>
      List every name found, with the list or rule that found it.
  qarin lexicon [--conll FILE] [-o DIR]
      Regenerate the word lists derived from ANERcorp (default: data/anercorp/train.txt
      into crates/engine/data/anercorp/).
  qarin train --conll FILE -o MODEL [--dev-fraction 0.1] [--epochs N] [--seed S] [--folds K] [--max-weights N] [--max-quant Q]
      Train the entity tagger on the first (1 - F) of the sentences of a CoNLL file
      (`token TAG` lines, blank line between sentences); same input and seed, same model.
  qarin tag --conll FILE [--model MODEL] [-o FILE]
      Tag a CoNLL file; write `token gold predicted` per token, blank lines kept (conlleval input).
  qarin eval --conll FILE [--model MODEL] [--baseline] [--dev-fraction 0.1]
      Entity-level exact-match precision, recall and F1 on the last F of the sentences of FILE
      (1 = all of it); --baseline adds a most-frequent-tag-per-word baseline trained on the rest.
  qarin bench [--model MODEL] [--corpus DIR] [--conll FILE]
      Tagging throughput in tokens/second on the bundled articles and on the dev set.
  qarin prerender <DIR> [--out FILE]
      The reader's HTML (names highlighted, text escaped) for the first article of the folder,
      read and analysed as the web app's build bundles it; `cargo xtask dist` writes it into
      the built page so the first view shows before the app has loaded.
  Without --model, the model embedded in the engine is used.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("analyze") => analyze::run(&args[1..]),
        Some("lexicon") => lexicon::run(&args[1..]),
        Some("explain") => analyze::explain(&args[1..]),
        Some("train") => train::run(&args[1..]),
        Some("tag") => tag::run(&args[1..]),
        Some("eval") => eval::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("prerender") => prerender::run(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`\n{USAGE}")),
        None => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("qarin: {msg}");
            ExitCode::FAILURE
        }
    }
}
