//! A tiny std-only static file server for `dist/`, used by `cargo xtask serve` and by the
//! end-to-end tests. GET and HEAD only, one request per connection, no directory listings; `/`
//! and directories serve their `index.html`; anything resolving outside the root is refused.

use std::io::{self, BufRead, BufReader, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
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
            log,
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("bound listener has an address")
    }

    pub fn url(&self) -> String {
        format!("http://{}/", self.addr())
    }

    /// Serves until the process ends, one thread per connection.
    pub fn run(self) {
        for stream in self.listener.incoming() {
            let Ok(stream) = stream else { continue };
            let root = Arc::clone(&self.root);
            let log = self.log;
            std::thread::spawn(move || {
                if let Err(e) = handle(stream, &root, log) {
                    if log {
                        eprintln!("[serve] connection error: {e}");
                    }
                }
            });
        }
    }

    /// Serves from a background thread.
    pub fn spawn(self) -> JoinHandle<()> {
        std::thread::spawn(move || self.run())
    }
}

struct Response {
    status: u16,
    reason: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
    extra: &'static str,
}

impl Response {
    fn error(status: u16, reason: &'static str) -> Response {
        Response {
            status,
            reason,
            content_type: "text/plain; charset=utf-8",
            body: format!("{status} {reason}\n").into_bytes(),
            extra: "",
        }
    }
}

fn handle(stream: TcpStream, root: &Path, log: bool) -> io::Result<()> {
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
            extra: "Allow: GET, HEAD\r\n",
            ..Response::error(405, "Method Not Allowed")
        }
    } else {
        respond(root, target)
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
                extra: "",
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn get(addr: SocketAddr, request: &str) -> String {
        let mut s = TcpStream::connect(addr).unwrap();
        s.write_all(request.as_bytes()).unwrap();
        let mut out = Vec::new();
        s.read_to_end(&mut out).unwrap();
        String::from_utf8_lossy(&out).into_owned()
    }

    fn fixture() -> (tempdir::TempDir, SocketAddr) {
        let dir = tempdir::TempDir::new();
        std::fs::create_dir_all(dir.0.join("root/fonts")).unwrap();
        std::fs::write(dir.0.join("root/index.html"), "<!doctype html>hi").unwrap();
        std::fs::write(dir.0.join("root/app_bg.wasm"), b"\0asm").unwrap();
        std::fs::write(dir.0.join("root/fonts/a b.woff2"), b"wOF2").unwrap();
        std::fs::write(dir.0.join("secret.txt"), "secret").unwrap();
        let server = Server::bind(&dir.0.join("root"), Some(0), false).unwrap();
        let addr = server.addr();
        server.spawn();
        (dir, addr)
    }

    /// A scratch directory removed on drop (std only).
    mod tempdir {
        pub struct TempDir(pub std::path::PathBuf);
        impl TempDir {
            pub fn new() -> TempDir {
                use std::sync::atomic::{AtomicUsize, Ordering};
                static N: AtomicUsize = AtomicUsize::new(0);
                let p = std::env::temp_dir().join(format!(
                    "xtask-serve-{}-{}",
                    std::process::id(),
                    N.fetch_add(1, Ordering::SeqCst)
                ));
                std::fs::create_dir_all(&p).unwrap();
                TempDir(p)
            }
        }
        impl Drop for TempDir {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.0);
            }
        }
    }

    #[test]
    fn serves_index_and_types() {
        let (_dir, addr) = fixture();
        let r = get(addr, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assert!(r.starts_with("HTTP/1.1 200 OK\r\n"), "{r}");
        assert!(r.contains("Content-Type: text/html; charset=utf-8\r\n"));
        assert!(r.ends_with("<!doctype html>hi"));
        let r = get(addr, "GET /app_bg.wasm?v=1 HTTP/1.1\r\n\r\n");
        assert!(r.contains("Content-Type: application/wasm\r\n"), "{r}");
        assert!(r.contains("Content-Length: 4\r\n"));
        let r = get(addr, "GET /fonts/a%20b.woff2 HTTP/1.1\r\n\r\n");
        assert!(r.contains("Content-Type: font/woff2\r\n"), "{r}");
        let r = get(addr, "HEAD /index.html HTTP/1.1\r\n\r\n");
        assert!(
            r.starts_with("HTTP/1.1 200") && r.ends_with("\r\n\r\n"),
            "{r}"
        );
    }

    #[test]
    fn refuses_traversal_and_other_methods() {
        let (_dir, addr) = fixture();
        for target in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/fonts/..%2f..%2fsecret.txt",
            "/..\\secret.txt",
            "/%zz",
        ] {
            let r = get(addr, &format!("GET {target} HTTP/1.1\r\n\r\n"));
            assert!(r.starts_with("HTTP/1.1 400"), "{target}: {r}");
            assert!(!r.contains("secret"), "{target}: {r}");
        }
        assert!(get(addr, "GET /nope.js HTTP/1.1\r\n\r\n").starts_with("HTTP/1.1 404"));
        let r = get(addr, "POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
        assert!(
            r.starts_with("HTTP/1.1 405") && r.contains("Allow: GET, HEAD"),
            "{r}"
        );
    }

    #[test]
    fn content_types() {
        assert_eq!(
            content_type(Path::new("a.JS")),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("a.css")), "text/css; charset=utf-8");
        assert_eq!(
            content_type(Path::new("OFL.txt")),
            "text/plain; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("noext")), "application/octet-stream");
    }
}
