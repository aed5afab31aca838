//! `qarin`: the command line over the Qarin engine.
//!
//! ```text
//! qarin analyze <DIR|FILES…> [--format json|csv] [-o FILE]
//! qarin explain <DIR|FILES…>
//! qarin lexicon [--conll FILE] [-o DIR]
//! ```

mod analyze;
mod lexicon;
mod output;

use std::process::ExitCode;

const USAGE: &str = "usage:
  qarin analyze <DIR|FILES...> [--format json|csv] [-o FILE]
      Recognise and link the named entities of Arabic articles; write the analysis
      (JSON schema qarin.analysis/1) or the comparison table (CSV, UTF-8 with BOM).
  qarin explain <DIR|FILES...>
      List every name found, with the list or rule that found it.
  qarin lexicon [--conll FILE] [-o DIR]
      Regenerate the word lists derived from ANERcorp (default: data/anercorp/train.txt
      into crates/engine/data/anercorp/).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("analyze") => analyze::run(&args[1..]),
        Some("lexicon") => lexicon::run(&args[1..]),
        Some("explain") => analyze::explain(&args[1..]),
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
