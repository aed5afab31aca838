//! Project automation: `cargo xtask <command>` (the alias lives in `.cargo/config.toml`).
//!
//! std only, so it compiles in a couple of seconds.

mod bench;
mod codec;
mod dist;
mod env;
mod icons;
mod serve;
#[cfg(test)]
mod serve_tests;
mod site;
mod test;
mod tools;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  setup                      install the pinned tools (wasm32 target, trunk, wasm-bindgen-cli,
                             wasm-opt, chromium + chromedriver) where missing, then `cargo fetch`
  dist [--public-url P] [--dist DIR] [--corpus DIR]
                             release build of the static site into DIR (default dist/) for the
                             public URL path P (default /; e.g. /qarin/ for a project site), with
                             the articles of DIR bundled instead of corpus/ if --corpus is given;
                             adds the service worker, manifest, icons, Content-Security-Policy
                             and the single-file qarin-offline.html; prints a size report
  serve [--port N]           dist, then serve dist/ on http://127.0.0.1 (first free port from
                             8080 unless given) until Ctrl-C
  serve-dist [--port N] [--dir DIR] [--prefix P]
                             serve an existing build (default dist/) without building, mounted
                             at the path P (default /), until Ctrl-C
  test                       workspace tests, dist, the browser tests (tests/*.rs), then the
                             static-hosting and offline tests (tests/offline.rs)
  bench [--runs N]           dist, then measure: compressed sizes, load times in headless
                             Chromium against a plain HTML page (median of N runs, default 5),
                             engine throughput native and in wasm, memory at 5/50/200 articles
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
            options(rest, &[])?;
            tools::setup_all()
        }
        "dist" => {
            let opts = options(rest, &["--public-url", "--dist", "--corpus"])?;
            let mut dist = dist::Options::default();
            if let Some(p) = opts.get("--public-url") {
                dist.public_url = p.clone();
            }
            if let Some(d) = opts.get("--dist") {
                dist.dist = absolute(d);
            }
            dist.corpus = opts.get("--corpus").map(|c| absolute(c));
            dist::run(&dist)
        }
        "serve" => {
            let opts = options(rest, &["--port"])?;
            let port = port(opts.get("--port"))?;
            dist::run(&dist::Options::default())?;
            serve_forever(&dist::dist_dir(), port, "/")
        }
        "serve-dist" => {
            let opts = options(rest, &["--port", "--dir", "--prefix"])?;
            let port = port(opts.get("--port"))?;
            let dir = opts
                .get("--dir")
                .map_or_else(dist::dist_dir, |d| absolute(d));
            serve_forever(&dir, port, opts.get("--prefix").map_or("/", String::as_str))
        }
        "test" => {
            options(rest, &[])?;
            test::run()
        }
        "bench" => {
            let opts = options(rest, &["--runs"])?;
            let runs = match opts.get("--runs") {
                None => 5,
                Some(r) => r
                    .parse::<usize>()
                    .ok()
                    .filter(|&r| r > 0)
                    .ok_or(format!("invalid number of runs `{r}`"))?,
            };
            bench::run(runs)
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

fn port(value: Option<&String>) -> env::Result<Option<u16>> {
    value
        .map(|p| p.parse::<u16>().map_err(|_| format!("invalid port `{p}`")))
        .transpose()
}

/// A path given on the command line, made absolute against the current directory (cargo runs
/// xtask from wherever it was invoked).
fn absolute(p: &str) -> PathBuf {
    let path = PathBuf::from(p);
    if path.is_absolute() {
        path
    } else {
        std::env::current_dir()
            .map(|d| d.join(&path))
            .unwrap_or(path)
    }
}

/// The values of `--name V` or `--name=V` for the allowed names, the only argument form the
/// commands take.
fn options(
    rest: &[String],
    allowed: &[&str],
) -> env::Result<std::collections::BTreeMap<String, String>> {
    let mut values = std::collections::BTreeMap::new();
    let mut args = rest.iter();
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        if !allowed.contains(&name) {
            return Err(format!("unexpected argument `{arg}`"));
        }
        let value = match inline {
            Some(v) => v,
            None => args.next().ok_or(format!("{name} needs a value"))?.clone(),
        };
        values.insert(name.to_string(), value);
    }
    Ok(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_options() {
        let o = options(
            &args(&["--dist", "d", "--public-url=/q/", "--corpus", "c"]),
            &["--dist", "--public-url", "--corpus"],
        )
        .unwrap();
        assert_eq!(o["--dist"], "d");
        assert_eq!(o["--public-url"], "/q/");
        assert_eq!(o["--corpus"], "c");
        assert!(options(&args(&["--port"]), &["--port"]).is_err());
        assert!(options(&args(&["--nope", "1"]), &["--port"]).is_err());
        assert!(options(&args(&["x"]), &[]).is_err());
    }
}
