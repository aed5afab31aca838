//! Project automation: `cargo xtask <command>` (the alias lives in `.cargo/config.toml`).
//!
//! std only, so it compiles in a couple of seconds.

mod dist;
mod env;
mod serve;
mod test;
mod tools;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  setup                      install the pinned tools (wasm32 target, trunk, wasm-bindgen-cli,
                             wasm-opt, chromium + chromedriver) where missing, then `cargo fetch`
  dist [--public-url P]      release build of the web app into dist/ (default public URL /),
                             with a size report
  serve [--port N]           dist, then serve dist/ on http://127.0.0.1 (first free port from
                             8080 unless given) until Ctrl-C
  test                       workspace tests, dist, then the browser tests (tests/e2e.rs)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> env::Result<()> {
    let Some((command, rest)) = args.split_first() else {
        print!("{USAGE}");
        return Err("no command given".into());
    };
    match command.as_str() {
        "setup" => {
            no_options(rest)?;
            tools::setup_all()
        }
        "dist" => {
            let public_url = option(rest, "--public-url")?.unwrap_or_else(|| "/".to_string());
            dist::run(&public_url)
        }
        "serve" => {
            let port = option(rest, "--port")?
                .map(|p| p.parse::<u16>().map_err(|_| format!("invalid port `{p}`")))
                .transpose()?;
            dist::run("/")?;
            let server = serve::Server::bind(&dist::dist_dir(), port, true)
                .map_err(|e| format!("cannot start the server: {e}"))?;
            println!(
                "[serve] serving {} at {} (Ctrl-C to stop)",
                dist::dist_dir().display(),
                server.url()
            );
            server.run();
            Ok(())
        }
        "test" => {
            no_options(rest)?;
            test::run()
        }
        "help" | "-h" | "--help" => {
            print!("{USAGE}");
            Ok(())
        }
        other => {
            print!("{USAGE}");
            Err(format!("unknown command `{other}`"))
        }
    }
}

fn no_options(rest: &[String]) -> env::Result<()> {
    match rest.first() {
        None => Ok(()),
        Some(arg) => Err(format!("unexpected argument `{arg}`")),
    }
}

/// The value of `--name V` or `--name=V`, the only argument form the commands take.
fn option(rest: &[String], name: &str) -> env::Result<Option<String>> {
    let mut value = None;
    let mut args = rest.iter();
    while let Some(arg) = args.next() {
        if arg == name {
            let v = args.next().ok_or(format!("{name} needs a value"))?;
            value = Some(v.clone());
        } else if let Some(v) = arg.strip_prefix(name).and_then(|v| v.strip_prefix('=')) {
            value = Some(v.to_string());
        } else {
            return Err(format!("unexpected argument `{arg}`"));
        }
    }
    Ok(value)
}
