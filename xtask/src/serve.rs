//! A small static file server for `dist/` on `tiny_http`, used by `cargo xtask serve` and
//! `serve-dist`, by the end-to-end tests, and (compiled into the browser-test harness,
//! `tests/browser/`) by the offline tests, which need to start and stop servers of their own.
//! GET and HEAD only, no directory listings; `/` and directories serve their `index.html`;
//! anything resolving outside the root is refused. The site can be mounted under a path prefix
//! (`/qarin/`), as a static host serves a project site.
//!
//! Self-contained (nothing from the rest of xtask) so the harness can include it; its unit tests
//! live in `serve_tests.rs`.

use std::io::{self, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use tiny_http::{Header, Method, Request, StatusCode};

/// Ports tried, in order, when none is asked for.
const DEFAULT_PORTS: std::ops::RangeInclusive<u16> = 8080..=8180;

pub struct Server {
    http: tiny_http::Server,
    addr: SocketAddr,
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
        let addr = listener.local_addr()?;
        let http = tiny_http::Server::from_listener(listener, None).map_err(io::Error::other)?;
        Ok(Server {
            http,
            addr,
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
        self.addr
    }

    /// The site's URL, e.g. `http://127.0.0.1:8080/` or `http://127.0.0.1:8080/qarin/`.
    pub fn url(&self) -> String {
        format!("http://{}{}", self.addr, self.prefix)
    }

    /// Answers `request` on a thread of its own, so that a slow client holds up nobody.
    fn serve(&self, request: Request) {
        let root = Arc::clone(&self.root);
        let prefix = Arc::clone(&self.prefix);
        let log = self.log;
        std::thread::spawn(move || {
            if let Err(e) = handle(request, &root, &prefix, log) {
                if log {
                    eprintln!("[serve] connection error: {e}");
                }
            }
        });
    }

    /// Serves until the process ends.
    pub fn run(self) {
        while let Ok(request) = self.http.recv() {
            self.serve(request);
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
        let thread = std::thread::spawn(move || {
            while !flag.load(Ordering::SeqCst) {
                if let Ok(Some(request)) = self.http.recv_timeout(Duration::from_millis(20)) {
                    self.serve(request);
                }
            }
            // Dropping `self` stops tiny_http's accepting thread, which closes the listening
            // socket: new connections are refused.
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

    /// Stops accepting and closes the listening socket; returns once it is closed (or after a
    /// few seconds at most). Requests already being answered finish on their own threads.
    pub fn stop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let Some(thread) = self.thread.take() else {
            return;
        };
        let _ = thread.join();
        // tiny_http closes the socket from its own thread, just after the server is dropped.
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline
            && TcpStream::connect_timeout(&self.addr, Duration::from_millis(200)).is_ok()
        {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.stop();
    }
}

/// What to answer: a status, a body and its type, and any other header.
struct Response {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    extra: Option<(&'static str, String)>,
}

impl Response {
    fn error(status: u16) -> Response {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            body: format!("{status} {}\n", StatusCode(status).default_reason_phrase()).into_bytes(),
            extra: None,
        }
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a header of ASCII text")
}

fn handle(request: Request, root: &Path, prefix: &str, log: bool) -> io::Result<()> {
    let response = match request.method() {
        Method::Get | Method::Head => mounted(root, prefix, request.url()),
        _ => Response {
            extra: Some(("Allow", "GET, HEAD".into())),
            ..Response::error(405)
        },
    };
    if log {
        println!(
            "[serve] {} {} -> {} ({} bytes)",
            request.method(),
            request.url(),
            response.status,
            response.body.len()
        );
    }
    let mut reply = tiny_http::Response::from_data(response.body)
        .with_status_code(response.status)
        // Always a Content-Length, never chunked: the body is in memory anyway.
        .with_chunked_threshold(usize::MAX)
        .with_header(header("Content-Type", response.content_type))
        .with_header(header("Cache-Control", "no-cache"))
        .with_header(header("X-Content-Type-Options", "nosniff"));
    if let Some((name, value)) = &response.extra {
        reply.add_header(header(name, value));
    }
    send_and_close(request, reply)
}

/// Sends `reply` (its body left out for HEAD) with `Connection: close`, so that the client closes
/// the connection once it has the answer, as it did when this server was hand-written. tiny_http
/// keeps HTTP/1.1 connections open otherwise, and each open connection holds one of its threads,
/// whose pool does not always grow in time: when a browser opens a burst of connections and keeps
/// them, a request on one of them can wait until another connection closes (seconds, or minutes).
/// tiny_http refuses a `Connection` header on a response, so it goes into the head tiny_http
/// writes, after the status line.
fn send_and_close(
    request: Request,
    reply: tiny_http::Response<io::Cursor<Vec<u8>>>,
) -> io::Result<()> {
    let head_only = *request.method() == Method::Head;
    let mut out = Vec::new();
    reply.raw_print(
        &mut out,
        request.http_version().clone(),
        request.headers(),
        head_only,
        None,
    )?;
    let after_status = out
        .windows(2)
        .position(|w| w == b"\r\n")
        .map_or(out.len(), |i| i + 2);
    out.splice(after_status..after_status, *b"Connection: close\r\n");
    let mut writer = request.into_writer();
    writer.write_all(&out)?;
    writer.flush()
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
            extra: Some(("Location", format!("{prefix}{query}"))),
            ..Response::error(301)
        };
    }
    match target.strip_prefix(prefix.trim_end_matches('/')) {
        Some(rest) if rest.starts_with('/') => respond(root, rest),
        _ => Response::error(404),
    }
}

fn respond(root: &Path, target: &str) -> Response {
    let Some(path) = resolve(root, target) else {
        return Response::error(400);
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
                content_type: content_type(&real),
                body,
                extra: None,
            },
            Err(_) => Response::error(500),
        },
        Ok(real) if !real.starts_with(root) => Response::error(403),
        _ => Response::error(404),
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
