//! `qarin`: the command line over the Qarin engine. `qarin --help` lists the commands;
//! `qarin COMMAND --help` explains one.

mod analyze;
mod assets;
mod bench;
mod eval;
mod import;
mod lexicon;
mod output;
mod prerender;
mod story;
mod tag;
mod train;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Compare how Arabic news outlets report the same story: the names, how each outlet spells
/// them, and where the articles agree and disagree.
#[derive(Parser)]
#[command(name = "qarin", version, after_help = "Without --model, the model embedded in the engine is used.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Recognise and link the named entities of Arabic articles; write the analysis (JSON schema
    /// qarin.analysis/1), the comparison table or the facts table (CSV, UTF-8 with BOM), or the
    /// names as CoNLL, brat standoff or JSON Lines.
    Analyze(analyze::Args),
    /// Turn CoNLL or brat annotations of articles into a gold file (qarin.gold/1) for `eval
    /// --story`.
    Import(import::Args),
    /// List every name found, with the list, rule or model that found it.
    Explain(analyze::ExplainArgs),
    /// Regenerate the word lists derived from ANERcorp.
    Lexicon(lexicon::Args),
    /// Train the entity tagger on the first (1 - F) of the sentences of a CoNLL file (same input
    /// and seed, same model).
    Train(train::Args),
    /// Tag a CoNLL file; write `token gold predicted` per token, blank lines kept (conlleval's
    /// input).
    Tag(tag::Args),
    /// Score the tagger on the held-out part of a CoNLL file, or the whole pipeline on stories
    /// with gold annotations.
    Eval(eval::Args),
    /// Tagging throughput in tokens per second.
    Bench(bench::Args),
    /// Write the files the web app loads beside its code: the word lists and the tagger's model.
    Assets(assets::Args),
    /// The reader's HTML for the first article of a folder, as the web app's build bundles it
    /// (`cargo xtask dist` writes it into the page).
    Prerender(prerender::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(a) => analyze::run(a),
        Command::Explain(a) => analyze::explain(a),
        Command::Import(a) => import::run(a),
        Command::Lexicon(a) => lexicon::run(a),
        Command::Train(a) => train::run(a),
        Command::Tag(a) => tag::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Bench(a) => bench::run(a),
        Command::Assets(a) => assets::run(a),
        Command::Prerender(a) => prerender::run(a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("qarin: {msg}");
            ExitCode::FAILURE
        }
    }
}
