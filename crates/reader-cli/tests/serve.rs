//! `reader serve` as a browser on the LAN meets it: the real binary on an ephemeral loopback
//! port, spoken to over raw HTTP/1.1, including the misbehaving clients.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const READER: &str = env!("CARGO_BIN_EXE_reader");

/// The server, killed when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(extra: &[&str]) -> Server {
    let mut child = Command::new(READER)
        .args(["serve", "--bind", "127.0.0.1:0"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let port = line
        .trim()
        .rsplit(':')
        .next()
        .unwrap()
        .parse()
        .unwrap_or_else(|_| panic!("{line}"));
    // Keep reading what it prints (the access log on stdout), so it never writes to a
    // closed or full pipe.
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || for _ in BufReader::new(stdout).lines() {});
    std::thread::spawn(move || for _ in stderr.lines() {});
    Server { child, port }
}

/// Sends raw bytes, returns (status, headers lowercased, body).
fn raw(port: u16, request: &[u8]) -> (u16, String, Vec<u8>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    stream.write_all(request).unwrap();
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(response.len());
    let head = String::from_utf8_lossy(&response[..split]).to_lowercase();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = response.get(split + 4..).unwrap_or_default().to_vec();
    (status, head, body)
}

fn get(port: u16, path: &str, headers: &str) -> (u16, String, String) {
    let request =
        format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n{headers}\r\n");
    let (status, head, body) = raw(port, request.as_bytes());
    (status, head, String::from_utf8_lossy(&body).into_owned())
}

#[test]
fn root_negotiates_the_locale_from_accept_language() {
    let server = start(&[]);
    let (status, head, _) = get(
        server.port,
        "/",
        "Accept-Language: lo-LA,lo;q=0.9,en;q=0.5\r\n",
    );
    assert_eq!(status, 303);
    assert!(head.contains("location: /lo/home"), "{head}");
    let (_, head, _) = get(server.port, "/", "Accept-Language: fr, en;q=0.2\r\n");
    assert!(head.contains("location: /en/home"), "{head}");
    // Garbage and huge values: the default, and the server stays up.
    for value in ["*;q=x,;;,=", &"xx;q=0.1,".repeat(1000), "\u{7f}"] {
        let (status, head, _) = get(server.port, "/", &format!("Accept-Language: {value}\r\n"));
        assert!(
            status == 303 && head.contains("location: /en/home") || status == 400,
            "{status} {head}"
        );
    }
    assert_eq!(get(server.port, "/en/home", "").0, 200);
}

#[test]
fn pages_are_full_documents_with_security_headers_and_etags() {
    let server = start(&[]);
    let (status, head, body) = get(server.port, "/lo/news/country-strategy", "");
    assert_eq!(status, 200);
    assert!(
        body.starts_with("<!doctype html>\n<html lang=\"lo\">"),
        "{}",
        &body[..100]
    );
    assert!(
        body.contains(r#"<link rel="alternate" hreflang="en" href="/en/news/country-strategy">"#)
    );
    assert!(body.contains(r#"id="news-country-strategy-p1""#));
    for header in [
        "content-security-policy: default-src 'self'",
        "x-content-type-options: nosniff",
        "referrer-policy: no-referrer",
        "cache-control: no-cache",
        "etag: \"",
    ] {
        assert!(head.contains(header), "missing {header}: {head}");
    }
    let etag = head
        .lines()
        .find_map(|l| l.strip_prefix("etag: "))
        .unwrap()
        .to_string();
    let (status, _, body) = get(
        server.port,
        "/lo/news/country-strategy",
        &format!("If-None-Match: {etag}\r\n"),
    );
    assert_eq!(status, 304, "the same page twice must have the same ETag");
    assert!(body.is_empty());
    // Compressed for clients that ask.
    let (_, head, _) = get(server.port, "/ui/app.js", "Accept-Encoding: gzip\r\n");
    assert!(
        head.contains("content-encoding: gzip") && head.contains("max-age=3600"),
        "{head}"
    );
    // Bodies and search, as the UI fetches them.
    let (status, _, body) = get(server.port, "/_body/lo/who-we-are", "");
    assert!(status == 200 && body.starts_with("<article class=\"page\" lang=\"lo\""));
    let (status, head, body) = get(
        server.port,
        "/api/search?q=%E0%BA%AA%E0%BA%B8%E0%BA%82%E0%BA%B0%E0%BA%9E%E0%BA%B2%E0%BA%9A&lang=lo",
        "",
    );
    assert_eq!(status, 200);
    assert!(head.contains("application/json"));
    assert!(body.contains("our-work-area-6"), "{body}");
}

#[test]
fn traversal_and_unknown_addresses_get_a_localized_404() {
    let server = start(&[]);
    for (path, expected) in [
        ("/lo/../../etc/passwd", "ບໍ່ພົບໜ້ານີ້"),
        ("/lo/%2e%2e/%2e%2e/etc/passwd", "ບໍ່ພົບໜ້ານີ້"),
        ("/lo/news%2fcountry-strategy", "ບໍ່ພົບໜ້ານີ້"),
        ("/lo/..%5c..%5cwindows", "ບໍ່ພົບໜ້ານີ້"),
        ("/lo/%00", "ບໍ່ພົບໜ້ານີ້"),
        ("/lo/nope", "ບໍ່ພົບໜ້ານີ້"),
        ("/fr/home", "Page not found"),
        ("/ui/../Cargo.toml", "Page not found"),
        ("/ui/index.html", "Page not found"),
        ("/ui/%2e%2e/locales/manifest.toml", "Page not found"),
        ("/_body/../manifest.toml", "Page not found"),
        ("/manifest.toml", "Page not found"),
        ("/images/../manifest.toml", "Page not found"),
        ("//etc/passwd", "Page not found"),
    ] {
        let (status, _, body) = get(server.port, path, "");
        assert_eq!(status, 404, "{path}");
        assert!(body.contains(expected), "{path}: {body}");
        assert!(
            !body.contains("root:x") && !body.contains("[workspace]"),
            "{path} leaked a file"
        );
    }
    // Backslashes and NUL in the raw request line: refused, and the server stays up.
    let (status, _, _) = raw(
        server.port,
        b"GET /lo/..\\..\\x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert!(status == 404 || status == 400, "{status}");
    let (status, _, _) = raw(
        server.port,
        b"GET /lo/\x00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert!(status == 404 || status == 400 || status == 0, "{status}");
    assert_eq!(get(server.port, "/en/home", "").0, 200);
}

#[test]
fn only_get_and_head() {
    let server = start(&[]);
    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
        let request = format!("{method} /en/home HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        let (status, head, _) = raw(server.port, request.as_bytes());
        assert_eq!(status, 405, "{method}");
        assert!(head.contains("allow: get, head"), "{head}");
    }
    let (status, head, body) = raw(
        server.port,
        b"HEAD /en/home HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(status, 200);
    assert!(head.contains("text/html"));
    assert!(body.is_empty());
}

/// Fault 15 of the hostile-input review: HEAD said `content-length: 0` where GET gives the
/// length, and the redirect from `/` lacked the security headers every other answer has.
#[test]
fn head_gives_get_s_length_and_the_redirect_has_security_headers() {
    let server = start(&[]);
    for path in ["/en/home", "/ui/app.js", "/lo/news/country-strategy"] {
        let (status, _, body) = get(server.port, path, "");
        assert_eq!(status, 200, "{path}");
        let request = format!("HEAD {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        let (status, head, empty) = raw(server.port, request.as_bytes());
        assert_eq!(status, 200, "{path}");
        assert!(empty.is_empty(), "{path}");
        assert!(
            head.contains(&format!("content-length: {}", body.len())),
            "{path}: GET gave {} bytes; HEAD said\n{head}",
            body.len()
        );
    }
    let (status, head, _) = get(server.port, "/", "Accept-Language: lo\r\n");
    assert_eq!(status, 303);
    for header in [
        "content-security-policy:",
        "x-content-type-options: nosniff",
        "referrer-policy: no-referrer",
    ] {
        assert!(head.contains(header), "303 lacks {header}:\n{head}");
    }
}

/// The router (#12): 405 with `Allow: GET, HEAD` is ours on every route and on addresses
/// no route names (axum's own 405 would say `GET,HEAD`, and only on routes it knows).
#[test]
fn every_address_refuses_other_methods() {
    let server = start(&[]);
    for path in [
        "/",
        "/api/search?q=x",
        "/ui/app.js",
        "/ui/chromes.js",
        "/ui/nope.js",
        "/_body/lo/who-we-are",
        "/images/x.png",
        "/lo/news/country-strategy",
        "/nope",
        "/lo/%2e%2e",
    ] {
        for method in ["POST", "PUT", "DELETE"] {
            let request = format!(
                "{method} {path} HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
            let (status, head, body) = raw(server.port, request.as_bytes());
            assert_eq!(status, 405, "{method} {path}");
            assert!(head.contains("allow: get, head"), "{method} {path}: {head}");
            assert!(
                head.contains("x-content-type-options: nosniff"),
                "{method} {path}: {head}"
            );
            assert_eq!(body, b"method not allowed", "{method} {path}");
        }
    }
}

/// HEAD gives GET's status, ETag and length on every route, 404s included. `/_body/` gave
/// the ETag and length of an empty body (the core's own HEAD answer) before #12.
#[test]
fn head_gives_get_s_headers_on_every_route() {
    let server = start(&[]);
    for path in [
        "/_body/lo/who-we-are",
        "/ui/chromes.js",
        "/api/search?q=health&lang=en",
        "/lo/nope",
        "/ui/nope.js",
        "/images/nope.png",
        "/_body/lo/nope",
    ] {
        let (get_status, get_head, body) = get(server.port, path, "");
        let request = format!("HEAD {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        let (status, head, empty) = raw(server.port, request.as_bytes());
        assert_eq!(status, get_status, "{path}");
        assert!(empty.is_empty(), "{path}");
        assert!(
            head.contains(&format!("content-length: {}", body.len())),
            "{path}: GET gave {} bytes; HEAD said\n{head}",
            body.len()
        );
        let etag = |head: &str| {
            head.lines()
                .find(|l| l.starts_with("etag: "))
                .map(str::to_owned)
        };
        assert!(etag(&head).is_some(), "{path}: {head}");
        assert_eq!(etag(&head), etag(&get_head), "{path}");
    }
}

/// Routes are matched on the raw path and the core routes it as sent: an encoded `/` or
/// `.` under a route's prefix is not decoded into a file, a body or an image.
#[test]
fn encoded_paths_under_every_prefix_get_a_404() {
    let server = start(&[]);
    for path in [
        "/ui/app%2ejs",
        "/ui/fonts%2fNotoSans-Italic.ttf",
        "/ui/chromes%2ejs",
        "/_body/lo%2fwho-we-are",
        "/_body/lo/news%2fcountry-strategy",
        "/_body/%2e%2e/manifest.toml",
        "/images/%2e%2e/manifest.toml",
        "/images/..%2fmanifest.toml",
        "/_body",
        "/_body/",
        "/_bodyx",
        "/images/",
        "/ui/",
    ] {
        let (status, _, body) = get(server.port, path, "");
        assert_eq!(status, 404, "{path}");
        assert!(
            body.contains("Page not found") || body.contains("ບໍ່ພົບໜ້ານີ້"),
            "{path}: {body}"
        );
    }
    // Under their real names, the same things are there.
    for path in [
        "/ui/app.js",
        "/ui/fonts/NotoSans-Italic.ttf",
        "/_body/lo/who-we-are",
    ] {
        assert_eq!(get(server.port, path, "").0, 200, "{path}");
    }
}

/// The search's parameters: percent- and `+`-decoded; a repeated key is not an error (the
/// last `q` and the last known `lang` count).
#[test]
fn search_parameters_repeated_or_odd() {
    let server = start(&[]);
    let lao = "q=%E0%BA%AA%E0%BA%B8%E0%BA%82%E0%BA%B0%E0%BA%9E%E0%BA%B2%E0%BA%9A";
    let (status, _, once) = get(server.port, &format!("/api/search?{lao}&lang=lo"), "");
    assert_eq!(status, 200);
    assert!(once.contains("our-work-area-6"), "{once}");
    let (status, _, repeated) = get(
        server.port,
        &format!("/api/search?q=nothing&{lao}&lang=xx&lang=lo&lang=yy&bad=%zz"),
        "",
    );
    assert_eq!(status, 200);
    assert_eq!(repeated, once);
    for query in ["", "?q", "?q=%FF%zz+x", "?&&=&lang="] {
        let (status, head, _) = get(server.port, &format!("/api/search{query}"), "");
        assert_eq!(status, 200, "{query}");
        assert!(head.contains("cache-control: no-store"), "{query}: {head}");
    }
}

/// Fault 6 of the hostile-input review: clients that pipeline requests for a large file and
/// never read held every connection permit (the request timeout ended when the handler
/// returned, before the body was written), and a new client waited past 40 s. A connection
/// that does not take its answer within the write timeout is now dropped. No timing is
/// asserted: a fresh client must simply be served once the slow ones fill every permit.
#[test]
fn clients_that_never_read_are_dropped_and_others_served() {
    let server = start(&["--max-connections", "2", "--write-timeout", "1"]);
    let pipelined = "GET /ui/fonts/NotoSans-Italic.ttf HTTP/1.1\r\nHost: x\r\n\r\n".repeat(400);
    let slow: Vec<socket2::Socket> = (0..2)
        .map(|_| {
            let socket = socket2::Socket::new(
                socket2::Domain::IPV4,
                socket2::Type::STREAM,
                Some(socket2::Protocol::TCP),
            )
            .unwrap();
            // A small window: the answers (25 MB) back up into the server at once.
            socket.set_recv_buffer_size(4096).unwrap();
            let address: std::net::SocketAddr = ([127, 0, 0, 1], server.port).into();
            socket.connect(&address.into()).unwrap();
            let mut stream: TcpStream = socket.try_clone().unwrap().into();
            stream.write_all(pipelined.as_bytes()).unwrap();
            socket
        })
        .collect();
    // Both permits are taken by clients that never read; a new client is still answered.
    let (status, _, _) = get(server.port, "/en/home", "");
    assert_eq!(status, 200);
    drop(slow);
}

#[test]
fn huge_headers_are_refused_and_the_server_stays_up() {
    let server = start(&[]);
    let request = format!(
        "GET /en/home HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\nConnection: close\r\n\r\n",
        "a".repeat(200_000)
    );
    let (status, _, _) = raw(server.port, request.as_bytes());
    assert!(status == 431 || status == 0, "{status}");
    assert_eq!(get(server.port, "/en/home", "").0, 200);
}

#[test]
fn slow_clients_are_cut_off_and_others_served() {
    let server = start(&["--header-timeout", "1", "--max-connections", "4"]);
    // More idle connections than the bound, sending half a request line and stopping.
    let mut idle: Vec<TcpStream> = (0..8)
        .map(|_| {
            let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
            s.write_all(b"GET /en/ho").unwrap();
            s
        })
        .collect();
    // A real request still gets its answer once the slow ones time out.
    let (status, _, _) = get(server.port, "/en/home", "");
    assert_eq!(status, 200);
    // The slow ones were disconnected (a read ends), not served.
    for stream in &mut idle {
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        let mut buf = Vec::new();
        let _ = stream.read_to_end(&mut buf);
        assert!(!String::from_utf8_lossy(&buf).contains("200 OK"));
    }
}

#[cfg(unix)]
#[test]
fn sigterm_stops_gracefully() {
    let mut server = start(&[]);
    assert_eq!(get(server.port, "/en/home", "").0, 200);
    let status = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = server.child.wait().unwrap();
    assert!(exit.success(), "{exit}");
    assert!(TcpStream::connect(("127.0.0.1", server.port)).is_err());
}
