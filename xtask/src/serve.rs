//! A tiny std-only static file server for `dist/`, used by `cargo xtask serve` and `serve-dist`,
//! by the end-to-end tests, and (compiled into the browser-test harness, `tests/common/`) by the
//! offline tests, which need to start and stop servers of their own. GET and HEAD only, one
//! request per connection, no directory listings; `/` and directories serve their `index.html`;
//! anything resolving outside the root is refused. The site can be mounted under a path prefix
//! (`/qarin/`), as a static host serves a project site.
//!
//! Self-contained (std only, nothing from the rest of xtask) so the harness can include it; its
//! unit tests live in `serve_tests.rs`.

use std::io::{self, BufRead, BufReader, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

/// Ports tried, in order, when none is asked for.
const DEFAULT_PORTS: std::ops::RangeInclusive<u16> = 8080..=8180;
/// Requests whose head is larger than this are rejected.
const MAX_HEAD: usize = 16 * 1024;

pub struct Server {
    listener: TcpListener,
    root: Arc<PathBuf>,
    /// The path the site is mounted at: `/`, or e.g. `/qarin/`.
    prefix: Arc<String>,
    log: bool,
}

impl Server {
    /// Binds 127.0.0.1: `port` exactly if given, else the first free one from 8080 (or, should all
    /// of those be taken, any port the system hands out). Passing `Some(0)` asks for any port.
    pub fn bind(root: &Path, port: Option<u16>, log: bool) -> io::Result<Server> {
        let root = root.canonicalize().map_err(|e| {
            io::Error::new(e.kind(), format!("cannot serve {}: {e}", root.display()))
        })?;
        let listener = match port {
            Some(p) => TcpListener::bind((Ipv4Addr::LOCALHOST, p))?,
            None => DEFAULT_PORTS
                .clone()
                .find_map(|p| TcpListener::bind((Ipv4Addr::LOCALHOST, p)).ok())
                .map_or_else(|| TcpListener::bind((Ipv4Addr::LOCALHOST, 0)), Ok)?,
        };
        Ok(Server {
            listener,
            root: Arc::new(root),
            prefix: Arc::new("/".to_string()),
            log,
        })
    }

    /// Mounts the site at `prefix` (`qarin`, `/qarin` and `/qarin/` all mean `/qarin/`): requests
    /// outside it get 404, `/qarin` itself a redirect to `/qarin/`.
    pub fn with_prefix(mut self, prefix: &str) -> Server {
        let trimmed = prefix.trim_matches('/');
        self.prefix = Arc::new(if trimmed.is_empty() {
            "/".to_string()
        } else {
            format!("/{trimmed}/")
        });
        self
    }

    pub fn addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("bound listener has an address")
    }

    /// The site's URL, e.g. `http://127.0.0.1:8080/` or `http://127.0.0.1:8080/qarin/`.
    pub fn url(&self) -> String {
        format!("http://{}{}", self.addr(), self.prefix)
    }

    fn serve(&self, stream: TcpStream) {
        let root = Arc::clone(&self.root);
        let prefix = Arc::clone(&self.prefix);
        let log = self.log;
        std::thread::spawn(move || {
            if let Err(e) = handle(stream, &root, &prefix, log) {
                if log {
                    eprintln!("[serve] connection error: {e}");
                }
            }
        });
    }

    /// Serves until the process ends, one thread per connection.
    pub fn run(self) {
        for stream in self.listener.incoming() {
            let Ok(stream) = stream else { continue };
            self.serve(stream);
        }
    }

    /// Serves from a background thread until the process ends.
    pub fn spawn(self) -> JoinHandle<()> {
        std::thread::spawn(move || self.run())
    }

    /// Serves from a background thread until [`Running::stop`] (or drop), which closes the port.
    /// (Used by the browser-test harness, which compiles this file too.)
    #[allow(dead_code)]
    pub fn start(self) -> Running {
        let url = self.url();
        let addr = self.addr();
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        self.listener
            .set_nonblocking(true)
            .expect("a listening socket can be made non-blocking");
        let thread = std::thread::spawn(move || {
            while !flag.load(Ordering::SeqCst) {
                match self.listener.accept() {
                    Ok((stream, _)) => {
                        let _ = stream.set_nonblocking(false);
                        self.serve(stream);
                    }
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                        std::thread::sleep(Duration::from_millis(5));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
            // Dropping `self` closes the listening socket: new connections are refused.
        });
        Running {
            url,
            addr,
            stop,
            thread: Some(thread),
        }
    }
}

/// A server started with [`Server::start`].
#[allow(dead_code)]
pub struct Running {
    url: String,
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

#[allow(dead_code)]
impl Running {
    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops accepting and closes the listening socket; returns once it is closed. Requests
    /// already being answered finish on their own threads.
    pub fn stop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.stop();
    }
}

struct Response {
    status: u16,
    reason: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
    extra: String,
}

impl Response {
    fn error(status: u16, reason: &'static str) -> Response {
        Response {
            status,
            reason,
            content_type: "text/plain; charset=utf-8",
            body: format!("{status} {reason}\n").into_bytes(),
            extra: String::new(),
        }
    }
}

fn handle(stream: TcpStream, root: &Path, prefix: &str, log: bool) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.set_write_timeout(Some(Duration::from_secs(30)))?;
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers; nothing in them changes the answer.
    let mut head_len = request_line.len();
    loop {
        let mut line = String::new();
        let n = reader.read_line(&mut line)?;
        head_len += n;
        if n == 0 || line == "\r\n" || line == "\n" || head_len > MAX_HEAD {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let response = if head_len > MAX_HEAD {
        Response::error(431, "Request Header Fields Too Large")
    } else if method != "GET" && method != "HEAD" {
        Response {
            extra: "Allow: GET, HEAD\r\n".to_string(),
            ..Response::error(405, "Method Not Allowed")
        }
    } else {
        mounted(root, prefix, target)
    };
    if log {
        println!(
            "[serve] {method} {target} -> {} ({} bytes)",
            response.status,
            response.body.len()
        );
    }
    let mut out = &stream;
    write!(
        out,
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\n\
         X-Content-Type-Options: nosniff\r\n{}Connection: close\r\n\r\n",
        response.status,
        response.reason,
        response.content_type,
        response.body.len(),
        response.extra,
    )?;
    if method != "HEAD" {
        out.write_all(&response.body)?;
    }
    out.flush()
}

/// Answers `target` for a site mounted at `prefix` (`/` or `/name/`).
fn mounted(root: &Path, prefix: &str, target: &str) -> Response {
    if prefix == "/" {
        return respond(root, target);
    }
    let (path, query) = match target.find(['?', '#']) {
        Some(i) => target.split_at(i),
        None => (target, ""),
    };
    if path == prefix.trim_end_matches('/') {
        return Response {
            extra: format!("Location: {prefix}{query}\r\n"),
            ..Response::error(301, "Moved Permanently")
        };
    }
    match target.strip_prefix(prefix.trim_end_matches('/')) {
        Some(rest) if rest.starts_with('/') => respond(root, rest),
        _ => Response::error(404, "Not Found"),
    }
}

fn respond(root: &Path, target: &str) -> Response {
    let Some(path) = resolve(root, target) else {
        return Response::error(400, "Bad Request");
    };
    let path = if path.is_dir() {
        path.join("index.html")
    } else {
        path
    };
    // Symlinks could still point outside the root: compare the real path.
    match path.canonicalize() {
        Ok(real) if real.starts_with(root) && real.is_file() => match std::fs::read(&real) {
            Ok(body) => Response {
                status: 200,
                reason: "OK",
                content_type: content_type(&real),
                body,
                extra: String::new(),
            },
            Err(_) => Response::error(500, "Internal Server Error"),
        },
        Ok(real) if !real.starts_with(root) => Response::error(403, "Forbidden"),
        _ => Response::error(404, "Not Found"),
    }
}

/// Maps a request target to a path under `root`, or `None` if it is malformed or tries to leave
/// the root (`..` segments, backslashes, NUL bytes, invalid percent-encoding or UTF-8).
fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next()?;
    if !path.starts_with('/') {
        return None;
    }
    let decoded = String::from_utf8(percent_decode(path)?).ok()?;
    let mut out = root.to_path_buf();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            s if s.contains(['\\', '\0']) => return None,
            s => out.push(s),
        }
    }
    Some(out)
}

fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

pub fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "xml" => "application/xml",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}
