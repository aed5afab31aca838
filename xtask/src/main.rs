//! Project automation: `cargo xtask <command>` (the alias lives in `.cargo/config.toml`).

mod bench;
mod compress;
mod dist;
mod env;
mod fuzz;
mod icons;
mod serve;
#[cfg(test)]
mod serve_tests;
mod site;
mod test;
mod tools;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "cargo xtask",
    bin_name = "cargo xtask",
    about = "Build, serve, test and measure Qarin",
    arg_required_else_help = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Install the pinned tools (wasm32 target, trunk, wasm-bindgen-cli, wasm-opt, chromium +
    /// chromedriver) where missing, then `cargo fetch`.
    Setup,
    /// Release build of the static site, with the service worker, manifest, icons,
    /// Content-Security-Policy and the single-file qarin-offline.html; prints a size report.
    Dist {
        /// The URL path the site is served from (e.g. /qarin/ for a project site).
        #[arg(long, value_name = "P", default_value = "/")]
        public_url: String,
        /// Where to write the site [default: dist/].
        #[arg(long, value_name = "DIR")]
        dist: Option<PathBuf>,
        /// Bundle the articles of this folder instead of corpus/.
        #[arg(long, value_name = "DIR")]
        corpus: Option<PathBuf>,
    },
    /// dist, then serve dist/ on http://127.0.0.1 until Ctrl-C.
    Serve {
        /// The port [default: the first free one from 8080].
        #[arg(long, value_name = "N")]
        port: Option<u16>,
    },
    /// Serve an existing build without building, until Ctrl-C.
    ServeDist {
        /// The port [default: the first free one from 8080].
        #[arg(long, value_name = "N")]
        port: Option<u16>,
        /// The build to serve [default: dist/].
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        /// The URL path to mount it at.
        #[arg(long, value_name = "P", default_value = "/")]
        prefix: String,
    },
    /// Workspace tests, the app's unit tests, dist, the browser tests, the static-hosting and
    /// offline tests on builds of their own, and the check that the embedded tagger model is
    /// up to date.
    Test,
    /// dist, then measure: compressed sizes, load times in headless Chromium against a plain
    /// HTML page, engine throughput native and in wasm, memory at 5/50/200 articles.
    Bench {
        /// Runs per measurement (the median is reported).
        #[arg(long, value_name = "N", default_value_t = 5,
              value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
        runs: usize,
    },
    /// Run each fuzz target of fuzz/ (cargo-fuzz, libFuzzer) for N seconds; prints executions
    /// and crashes per target. Installs cargo-fuzz if missing.
    Fuzz {
        /// Seconds per target.
        #[arg(long, value_name = "N", default_value_t = 60)]
        seconds: u64,
        /// Only these targets (decode, html, tokenize, analyze, pack, json).
        targets: Vec<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> env::Result<()> {
    match command {
        Command::Setup => tools::setup_all(),
        Command::Dist {
            public_url,
            dist,
            corpus,
        } => dist::run(&dist::Options {
            public_url,
            dist: dist.map_or_else(dist::dist_dir, absolute),
            corpus: corpus.map(absolute),
        }),
        Command::Serve { port } => {
            dist::run(&dist::Options::default())?;
            serve_forever(&dist::dist_dir(), port, "/")
        }
        Command::ServeDist { port, dir, prefix } => {
            serve_forever(&dir.map_or_else(dist::dist_dir, absolute), port, &prefix)
        }
        Command::Test => test::run(),
        Command::Bench { runs } => bench::run(runs),
        Command::Fuzz { seconds, targets } => fuzz::run(seconds, &targets),
    }
}

fn serve_forever(dir: &std::path::Path, port: Option<u16>, prefix: &str) -> env::Result<()> {
    let server = serve::Server::bind(dir, port, true)
        .map_err(|e| format!("cannot start the server: {e}"))?
        .with_prefix(prefix);
    println!(
        "[serve] serving {} at {} (Ctrl-C to stop)",
        dir.display(),
        server.url()
    );
    server.run();
    Ok(())
}

/// A path given on the command line, made absolute against the current directory (cargo runs
/// xtask from wherever it was invoked).
fn absolute(path: PathBuf) -> PathBuf {
    if path.is_absolute() {
        path
    } else {
        std::env::current_dir()
            .map(|d| d.join(&path))
            .unwrap_or(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn parse(args: &[&str]) -> Result<Command, clap::Error> {
        Cli::try_parse_from(std::iter::once("xtask").chain(args.iter().copied())).map(|c| c.command)
    }

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn parses_options() {
        let Command::Dist {
            public_url,
            dist,
            corpus,
        } = parse(&["dist", "--dist", "d", "--public-url=/q/", "--corpus", "c"]).unwrap()
        else {
            panic!("not dist");
        };
        assert_eq!(dist, Some(PathBuf::from("d")));
        assert_eq!(public_url, "/q/");
        assert_eq!(corpus, Some(PathBuf::from("c")));
        assert!(parse(&["serve", "--port"]).is_err());
        assert!(parse(&["serve", "--nope", "1"]).is_err());
        assert!(parse(&["setup", "x"]).is_err());
        assert!(parse(&["serve", "--port", "http"]).is_err());
        assert!(parse(&["bench", "--runs", "0"]).is_err());
        assert!(matches!(
            parse(&["bench"]).unwrap(),
            Command::Bench { runs: 5 }
        ));
        assert!(matches!(
            parse(&["serve-dist", "--prefix", "/qarin/", "--port", "9000"]).unwrap(),
            Command::ServeDist { port: Some(9000), dir: None, prefix } if prefix == "/qarin/"
        ));
        assert!(matches!(parse(&["test"]).unwrap(), Command::Test));
        assert!(parse(&[]).is_err());
    }
}
