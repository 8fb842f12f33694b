//! `reader serve`: the same pages to any browser on the LAN. Read-only; every address is
//! routed by our own code (the core's rules for bodies and images), so nothing outside the
//! content and the UI can be read. Slow clients, too many connections and huge headers are
//! bounded; SIGTERM or Ctrl+C stops it gracefully.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, Request, Response, StatusCode, Uri};
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use reader_core::document::{Mode, Shell};
use reader_core::search::Searcher;
use reader_core::{Library, Locale};
use sha2::{Digest, Sha256};
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::timeout::TimeoutLayer;

use crate::assets;

/// Security headers of every response: nothing from other origins, no sniffing, no referrer.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; \
    font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; \
    frame-ancestors 'none'";

/// Limits, all adjustable for tests.
#[derive(Debug, Clone)]
pub struct Limits {
    pub max_connections: usize,
    /// A client that has not sent its request headers by then is disconnected.
    pub header_timeout: Duration,
    /// A request not answered by then gets 408.
    pub request_timeout: Duration,
    /// A connection that takes no bytes of its answer (or sends nothing) for this long is
    /// dropped: clients that never read would otherwise hold their permits forever.
    pub write_timeout: Duration,
    /// Request head (line and headers) larger than this gets 431.
    pub max_header_bytes: usize,
    /// After SIGTERM / Ctrl+C, open connections get this long to finish.
    pub shutdown_grace: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_connections: 512,
            header_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            write_timeout: Duration::from_secs(30),
            max_header_bytes: 16 * 1024,
            shutdown_grace: Duration::from_secs(10),
        }
    }
}

struct Served {
    library: Arc<Library>,
    search: Searcher,
    shell: Shell,
    app_version: &'static str,
    /// `ui/chromes.js`, made once.
    chromes: Bytes,
    /// Rendered documents by (locale, slug): the content doesn't change while serving.
    documents: std::sync::Mutex<HashMap<(Locale, String), Bytes>>,
}

/// Documents kept rendered; past this many the cache starts over (a big site's long tail
/// is rendered on demand, in about 0.1 ms).
const CACHED_DOCUMENTS: usize = 2048;

/// Runs the server on `listener` until `shutdown` completes (or a signal arrives).
pub async fn serve(
    listener: tokio::net::TcpListener,
    library: Arc<Library>,
    limits: Limits,
    shutdown: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    let app_version = env!("CARGO_PKG_VERSION");
    let state = Arc::new(Served {
        chromes: Bytes::from(library.chromes_script(app_version)),
        shell: assets::shell().map_err(std::io::Error::other)?,
        search: Searcher::new(library.clone()),
        library,
        app_version,
        documents: std::sync::Mutex::new(HashMap::new()),
    });
    let router = Router::new().fallback(handle).with_state(state).layer(
        ServiceBuilder::new()
            .layer(axum::middleware::from_fn(access_log))
            .layer(TimeoutLayer::with_status_code(
                StatusCode::REQUEST_TIMEOUT,
                limits.request_timeout,
            ))
            .layer(CompressionLayer::new()),
    );
    let permits = Arc::new(tokio::sync::Semaphore::new(limits.max_connections));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    eprintln!("serving on http://{}", listener.local_addr()?);
    loop {
        // Past the bound, connections wait in the backlog; those being served go on.
        let permit = tokio::select! {
            permit = permits.clone().acquire_owned() => permit.expect("never closed"),
            _ = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    eprintln!("accept: {e}");
                    continue;
                }
            },
            _ = &mut shutdown => break,
        };
        let service = TowerToHyperService::new(
            router
                .clone()
                .layer(axum::Extension(ConnectInfo(peer)))
                .into_service::<hyper::body::Incoming>(),
        );
        // The request timeout ends when the handler returns; writing the body, and waiting
        // for the next request, are bounded here: no progress for this long ends the
        // connection (and frees its permit).
        let mut stream = tokio_io_timeout::TimeoutStream::new(stream);
        stream.set_write_timeout(Some(limits.write_timeout));
        stream.set_read_timeout(Some(limits.write_timeout));
        let connection = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_timeout)
            .max_buf_size(limits.max_header_bytes.max(8192))
            .serve_connection(TokioIo::new(Box::pin(stream)), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _ = connection.await;
            drop(permit);
        });
    }
    eprintln!("stopping: finishing open requests");
    drop(listener);
    if tokio::time::timeout(limits.shutdown_grace, graceful.shutdown())
        .await
        .is_err()
    {
        eprintln!("stopped with connections still open");
    }
    Ok(())
}

/// SIGTERM or Ctrl+C.
pub async fn signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            .expect("a SIGTERM handler");
        tokio::select! {
            _ = ctrl_c => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = ctrl_c.await;
}

/// One line per request: client, method, path, status, bytes (before compression), time.
async fn access_log(
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: Request<Body>,
    next: axum::middleware::Next,
) -> Response<Body> {
    let started = Instant::now();
    let (method, path) = (request.method().clone(), request.uri().path().to_string());
    let response = next.run(request).await;
    let bytes = response
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_string();
    println!(
        "{peer} \"{method} {}\" {} {bytes} {:.1}ms",
        path.escape_debug(),
        response.status().as_u16(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    response
}

/// Every request: GET and HEAD only, then routed by path.
async fn handle(
    State(served): State<Arc<Served>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response<Body> {
    if method != Method::GET && method != Method::HEAD {
        let mut response = plain(StatusCode::METHOD_NOT_ALLOWED, "method not allowed");
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let library = &served.library;
    let path = uri.path();
    let response = if path == "/" {
        let wanted = headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .map(reader_core::l10n::requested_locales_from_accept_language)
            .unwrap_or_default();
        let locale = library.negotiate(&wanted);
        let mut response = Response::builder()
            .status(StatusCode::SEE_OTHER)
            .header(
                header::LOCATION,
                format!("/{locale}/{}", library.manifest().home().slug),
            )
            .header(header::VARY, "Accept-Language")
            .body(Body::empty())
            .expect("valid");
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        security_headers(response.headers_mut());
        response
    } else if let Some(rest) = path.strip_prefix("/_body") {
        // Page bodies and images: exactly what the app's reader:// scheme answers.
        let mut inner = http::Request::builder().uri(format!(
            "{rest}{}",
            uri.query().map(|q| format!("?{q}")).unwrap_or_default()
        ));
        inner = inner.method(method.clone());
        match inner.body(()) {
            Ok(request) => {
                let answer = reader_core::http::respond(library, &request);
                let (parts, body) = answer.into_parts();
                let content_type = parts.headers.get(header::CONTENT_TYPE).cloned();
                bytes_response(parts.status, content_type, body, &headers, false)
            }
            Err(_) => not_found(&served, None, &headers),
        }
    } else if path == "/api/search" {
        search(&served.search, uri.query().unwrap_or(""), &headers)
    } else if path == format!("/ui/{}", reader_core::document::CHROMES_FILE) {
        bytes_response(
            StatusCode::OK,
            Some(HeaderValue::from_static("text/javascript; charset=utf-8")),
            served.chromes.clone(),
            &headers,
            false,
        )
    } else if let Some(file) = path.strip_prefix("/ui/") {
        match (is_plain_path(file), assets::get(file)) {
            (true, Some(bytes)) if file != "index.html" => bytes_response(
                StatusCode::OK,
                Some(HeaderValue::from_static(assets::content_type(file))),
                bytes.to_vec(),
                &headers,
                true,
            ),
            _ => not_found(&served, None, &headers),
        }
    } else if let Some(name) = path.strip_prefix("/images/") {
        let request = http::Request::builder()
            .uri(format!("/images/{name}"))
            .body(());
        match request {
            Ok(request) => {
                let (parts, body) = reader_core::http::respond(library, &request).into_parts();
                let content_type = parts.headers.get(header::CONTENT_TYPE).cloned();
                bytes_response(parts.status, content_type, body, &headers, true)
            }
            Err(_) => not_found(&served, None, &headers),
        }
    } else {
        page(&served, path, &headers)
    };
    if method == Method::HEAD {
        // The headers GET would send, its length included; no body.
        let (mut parts, body) = response.into_parts();
        if let Some(length) = axum::body::HttpBody::size_hint(&body).exact() {
            parts
                .headers
                .insert(header::CONTENT_LENGTH, HeaderValue::from(length));
        }
        return Response::from_parts(parts, Body::empty());
    }
    response
}

/// `/<locale>/<slug>`: the full document (the core's routing rules decide what exists).
fn page(served: &Served, path: &str, headers: &HeaderMap) -> Response<Body> {
    use reader_core::http::{route, Route};
    match route(&served.library, path) {
        Route::Page { locale, slug } => {
            let key = (locale, slug);
            let cached = served
                .documents
                .lock()
                .expect("cache lock")
                .get(&key)
                .cloned();
            let html = match cached {
                Some(html) => html,
                None => match served.library.render_document(
                    &served.shell,
                    Mode::Serve,
                    &key.0,
                    Some(&key.1),
                    served.app_version,
                ) {
                    Some(html) => {
                        let html = Bytes::from(html);
                        let mut documents = served.documents.lock().expect("cache lock");
                        if documents.len() >= CACHED_DOCUMENTS {
                            documents.clear();
                        }
                        documents.insert(key, html.clone());
                        html
                    }
                    None => return not_found(served, Some(key.0), headers),
                },
            };
            bytes_response(StatusCode::OK, Some(html_type()), html, headers, false)
        }
        Route::NotFound { locale } => not_found(served, locale, headers),
        Route::Image { .. } => not_found(served, None, headers),
    }
}

/// The localized 404 document: the locale of the address when it names one, else the
/// browser's.
fn not_found(served: &Served, locale: Option<Locale>, headers: &HeaderMap) -> Response<Body> {
    let library = &served.library;
    let locale = locale.unwrap_or_else(|| {
        let wanted = headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .map(reader_core::l10n::requested_locales_from_accept_language)
            .unwrap_or_default();
        library.negotiate(&wanted)
    });
    let html = library
        .render_document(
            &served.shell,
            Mode::Serve,
            &locale,
            None,
            served.app_version,
        )
        .expect("the 404 document always renders");
    bytes_response(
        StatusCode::NOT_FOUND,
        Some(html_type()),
        html.into_bytes(),
        headers,
        false,
    )
}

/// `/api/search?q=…&lang=…`: the app's search, as JSON.
fn search(searcher: &Searcher, query: &str, headers: &HeaderMap) -> Response<Body> {
    let library = searcher.library();
    let mut q = String::new();
    let mut lang = library.source_locale().clone();
    for (key, value) in url_pairs(query) {
        match key.as_str() {
            "q" => q = value,
            "lang" => lang = library.locale(&value).unwrap_or(lang),
            _ => {}
        }
    }
    let hits = searcher.search(&q, &lang, 20);
    let json = serde_json::to_vec(&hits).expect("plain data");
    let mut response = bytes_response(
        StatusCode::OK,
        Some(HeaderValue::from_static("application/json")),
        json,
        headers,
        false,
    );
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// `a=1&b=x%20y` → pairs, percent- and `+`-decoded (invalid UTF-8 replaced).
fn url_pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let decode = |s: &str| percent_decode(&s.replace('+', " "));
            (decode(k), decode(v))
        })
        .collect()
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).and_then(|b| hex(*b)),
            bytes.get(i + 2).and_then(|b| hex(*b)),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// UI file names: lowercase letters, digits, `-`, `_`, `.`, one level of folder.
fn is_plain_path(path: &str) -> bool {
    !path.is_empty()
        && path.split('/').count() <= 2
        && path.split('/').all(|segment| {
            !segment.is_empty()
                && !segment.starts_with('.')
                && segment
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
        })
}

fn html_type() -> HeaderValue {
    HeaderValue::from_static("text/html; charset=utf-8")
}

fn plain(status: StatusCode, text: &str) -> Response<Body> {
    let mut response = Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "text/plain; charset=utf-8")
        .body(Body::from(text.to_string()))
        .expect("valid");
    security_headers(response.headers_mut());
    response
}

fn security_headers(headers: &mut HeaderMap) {
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
}

/// A response with an ETag (304 when the client has it), cache policy and security headers.
fn bytes_response(
    status: StatusCode,
    content_type: Option<HeaderValue>,
    body: impl Into<Bytes>,
    request: &HeaderMap,
    immutable_asset: bool,
) -> Response<Body> {
    let body: Bytes = body.into();
    let digest = Sha256::digest(&body);
    let etag = format!("\"{}\"", hex::encode(&digest[..8]));
    let unchanged = status == StatusCode::OK
        && request
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.split(',').any(|tag| tag.trim() == etag));
    let mut response = Response::builder()
        .status(if unchanged {
            StatusCode::NOT_MODIFIED
        } else {
            status
        })
        .body(if unchanged {
            Body::empty()
        } else {
            Body::from(body)
        })
        .expect("valid");
    let headers = response.headers_mut();
    if let Some(content_type) = content_type {
        headers.insert(header::CONTENT_TYPE, content_type);
    }
    headers.insert(header::ETAG, HeaderValue::from_str(&etag).expect("hex"));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if immutable_asset {
            "public, max-age=3600"
        } else {
            "no-cache"
        }),
    );
    security_headers(headers);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_pairs_are_decoded() {
        assert_eq!(
            url_pairs("q=%E0%BA%82%E0%BB%88%E0%BA%B2%E0%BA%A7+x&lang=lo&bad=%zz"),
            [
                ("q".into(), "ຂ່າວ x".into()),
                ("lang".into(), "lo".into()),
                ("bad".into(), "%zz".into())
            ]
        );
    }

    #[test]
    fn ui_paths_are_plain() {
        assert!(is_plain_path("app.js") && is_plain_path("fonts/NotoSansLao-Regular.ttf"));
        for bad in [
            "",
            "../x",
            "fonts/../app.js",
            ".hidden",
            "a/b/c",
            "a\\b",
            "a%2fb",
        ] {
            assert!(!is_plain_path(bad), "{bad}");
        }
    }
}
