//! Unit tests of the static server (`serve.rs`), kept apart so that the browser-test harness can
//! compile `serve.rs` without them.

use super::serve::*;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::time::Duration;

/// Sends `request` (a request line and headers) as a one-shot client: with `Connection: close`,
/// so that the server closes the connection after its answer (it leaves that to the client
/// otherwise), and reads everything it answers.
fn get(addr: SocketAddr, request: &str) -> String {
    let (line, rest) = request.split_once("\r\n").unwrap();
    let request = format!("{line}\r\nConnection: close\r\n{rest}");
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

/// A scratch directory removed on drop.
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

#[test]
fn serves_under_a_prefix() {
    let dir = tempdir::TempDir::new();
    std::fs::create_dir_all(dir.0.join("root")).unwrap();
    std::fs::write(dir.0.join("root/index.html"), "<!doctype html>hi").unwrap();
    std::fs::write(dir.0.join("root/a.js"), "1").unwrap();
    let server = Server::bind(&dir.0.join("root"), Some(0), false)
        .unwrap()
        .with_prefix("qarin");
    let addr = server.addr();
    assert_eq!(server.url(), format!("http://{addr}/qarin/"));
    server.spawn();
    let r = get(addr, "GET /qarin/ HTTP/1.1\r\n\r\n");
    assert!(r.starts_with("HTTP/1.1 200") && r.ends_with("hi"), "{r}");
    let r = get(addr, "GET /qarin/a.js?x HTTP/1.1\r\n\r\n");
    assert!(r.starts_with("HTTP/1.1 200") && r.ends_with("1"), "{r}");
    let r = get(addr, "GET /qarin?x=1 HTTP/1.1\r\n\r\n");
    assert!(
        r.starts_with("HTTP/1.1 301") && r.contains("Location: /qarin/?x=1\r\n"),
        "{r}"
    );
    for target in ["/", "/a.js", "/qarinx/a.js", "/qarin/../index.html"] {
        let r = get(addr, &format!("GET {target} HTTP/1.1\r\n\r\n"));
        assert!(!r.starts_with("HTTP/1.1 200"), "{target}: {r}");
    }
}

#[test]
fn a_started_server_stops() {
    let dir = tempdir::TempDir::new();
    std::fs::write(dir.0.join("index.html"), "hi").unwrap();
    let mut running = Server::bind(&dir.0, Some(0), false).unwrap().start();
    let addr = running.addr();
    assert!(get(addr, "GET / HTTP/1.1\r\n\r\n").ends_with("hi"));
    running.stop();
    assert!(
        TcpStream::connect(addr).is_err(),
        "still accepting after stop"
    );
}

/// Every answer asks the client to close the connection, even one that asked to keep it: kept
/// open, a browser's connections could starve tiny_http's connection threads.
#[test]
fn answers_close_the_connection() {
    let (_dir, addr) = fixture();
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    s.write_all(b"GET /app_bg.wasm HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n")
        .unwrap();
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    while !out.ends_with(b"\0asm") {
        let n = s.read(&mut buf).unwrap();
        assert!(n > 0, "closed early: {}", String::from_utf8_lossy(&out));
        out.extend_from_slice(&buf[..n]);
    }
    let r = String::from_utf8_lossy(&out);
    assert!(
        r.starts_with("HTTP/1.1 200 OK\r\nConnection: close\r\n"),
        "{r}"
    );
    let r = get(addr, "HEAD / HTTP/1.1\r\n\r\n");
    assert!(
        r.contains("\r\nConnection: close\r\n") && r.ends_with("\r\n\r\n"),
        "{r}"
    );
}
