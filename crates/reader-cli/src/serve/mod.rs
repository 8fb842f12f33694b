//! `reader serve`: the same pages to any browser on the LAN. Read-only; every address is
//! routed by our own code (the core's rules for bodies and images), so nothing outside the
//! content and the UI can be read. Slow clients, too many connections and huge headers are
//! bounded; SIGTERM or Ctrl+C stops it gracefully.
//!
//! Here: the routes and what they answer. Around them, `layers` (access log, timeout,
//! compression, GET/HEAD only), `connections` (the accept loop and its limits),
//! `documents` (rendered pages, kept) and `responses` (ETags, cache and security headers).

mod connections;
mod documents;
mod layers;
mod responses;

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, Response, StatusCode, Uri};
use axum::routing::get;
use axum::Router;
use reader_core::document::CHROMES_FILE;
use reader_core::http::{route, Route};
use reader_core::search::Searcher;
use reader_core::{Library, Locale};

pub use connections::{signal, Limits};

use crate::assets;
use documents::Documents;
use responses::{bytes_response, html_type, security_headers, Caching};

/// Runs the server on `listener` until `shutdown` completes (or a signal arrives). The
/// search index is opened or built at once, in the background; searches wait for it.
pub async fn serve(
    listener: tokio::net::TcpListener,
    searcher: Searcher,
    limits: Limits,
    shutdown: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    let searcher = Arc::new(searcher);
    let preparing = searcher.clone();
    std::thread::spawn(move || {
        preparing.prepare();
    });
    let served = Served::new(searcher).map_err(std::io::Error::other)?;
    let app = layers::around(routes(Arc::new(served)), &limits);
    connections::accept_until(listener, app, &limits, shutdown).await
}

struct Served {
    library: Arc<Library>,
    search: Arc<Searcher>,
    documents: Documents,
    /// `ui/chromes.js`, made once.
    chromes: Bytes,
}

impl Served {
    fn new(search: Arc<Searcher>) -> anyhow::Result<Self> {
        let app_version = env!("CARGO_PKG_VERSION");
        let library = search.library().clone();
        Ok(Self {
            chromes: Bytes::from(library.chromes_script(app_version)),
            documents: Documents::new(library.clone(), assets::shell()?, app_version),
            search,
            library,
        })
    }
}

/// Every address. Handlers that pass a path on to the core take the raw `Uri`, never a
/// `Path` extractor: `Path` would percent-decode `%2F` and `%2e%2e` first, and the core
/// refuses such paths only when it sees them as the client sent them. The `{*rest}`
/// captures below only match; they are not read. (Routes are matched on the raw path too.)
fn routes(served: Arc<Served>) -> Router {
    Router::new()
        .route("/", get(choose_locale))
        .route("/api/search", get(search))
        .route(&format!("/ui/{CHROMES_FILE}"), get(chromes))
        .route("/ui/{*file}", get(ui_file))
        // `{*rest}` matches no empty rest: the bare prefixes get the same handlers.
        .route("/_body/", get(page_body))
        .route("/_body/{*rest}", get(page_body))
        .route("/images/", get(image))
        .route("/images/{*rest}", get(image))
        // `/<locale>/<slug>`, and every address no route above names.
        .fallback(page)
        .with_state(served)
}

/// `/`: to the home page in the browser's language.
async fn choose_locale(State(served): State<Arc<Served>>, headers: HeaderMap) -> Response<Body> {
    let library = &served.library;
    let locale = negotiated_locale(library, &headers);
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
}

/// `/api/search?q=…&lang=…`: the app's search, as JSON. The pairs rather than a struct:
/// a repeated key must not become a 400 (the last `q` and the last known `lang` win).
async fn search(
    State(served): State<Arc<Served>>,
    Query(pairs): Query<Vec<(String, String)>>,
    headers: HeaderMap,
) -> Response<Body> {
    let library = &served.library;
    let mut q = String::new();
    let mut lang = library.source_locale().clone();
    for (key, value) in pairs {
        match key.as_str() {
            "q" => q = value,
            "lang" => lang = library.locale(&value).unwrap_or(lang),
            _ => {}
        }
    }
    // Off the async workers: the first searches may wait for the index being built.
    let search = served.search.clone();
    let hits = tokio::task::spawn_blocking(move || search.search(&q, &lang, 20))
        .await
        .unwrap_or_default();
    let json = serde_json::to_vec(&hits).expect("plain data");
    let mut response = bytes_response(
        StatusCode::OK,
        Some(HeaderValue::from_static("application/json")),
        json,
        &headers,
        Caching::Revalidate,
    );
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// `/ui/chromes.js`: the UI strings of every locale, made from the content.
async fn chromes(State(served): State<Arc<Served>>, headers: HeaderMap) -> Response<Body> {
    bytes_response(
        StatusCode::OK,
        Some(HeaderValue::from_static("text/javascript; charset=utf-8")),
        served.chromes.clone(),
        &headers,
        Caching::Revalidate,
    )
}

/// `/ui/<file>`: the embedded UI files, but not the window document itself.
async fn ui_file(
    State(served): State<Arc<Served>>,
    uri: Uri,
    headers: HeaderMap,
) -> Response<Body> {
    let file = uri.path().strip_prefix("/ui/").unwrap_or_default();
    match assets::get(file) {
        Some(bytes) if is_plain_path(file) && file != "index.html" => bytes_response(
            StatusCode::OK,
            Some(HeaderValue::from_static(assets::content_type(file))),
            bytes,
            &headers,
            Caching::AnHour,
        ),
        _ => not_found(&served, None, &headers),
    }
}

/// `/_body/<locale>/<slug>`: a page body, exactly what the app's `reader://` scheme answers.
async fn page_body(
    State(served): State<Arc<Served>>,
    uri: Uri,
    headers: HeaderMap,
) -> Response<Body> {
    let rest = uri.path().strip_prefix("/_body").unwrap_or_default();
    let query = uri.query().map(|q| format!("?{q}")).unwrap_or_default();
    core_answer(
        &served,
        &format!("{rest}{query}"),
        &headers,
        Caching::Revalidate,
    )
}

/// `/images/<file>`: as the app's `reader://` scheme answers it.
async fn image(State(served): State<Arc<Served>>, uri: Uri, headers: HeaderMap) -> Response<Body> {
    core_answer(&served, uri.path(), &headers, Caching::AnHour)
}

/// The core's answer to `path` (raw, with its query), with our headers. Always asked as
/// GET: for HEAD, `get_and_head_only` drops the body after, so the ETag and length are
/// GET's (the core's own HEAD answer has an empty body).
fn core_answer(
    served: &Served,
    path: &str,
    headers: &HeaderMap,
    caching: Caching,
) -> Response<Body> {
    let Ok(request) = http::Request::get(path).body(()) else {
        return not_found(served, None, headers);
    };
    let (parts, body) = reader_core::http::respond(&served.library, &request).into_parts();
    let content_type = parts.headers.get(header::CONTENT_TYPE).cloned();
    bytes_response(parts.status, content_type, body, headers, caching)
}

/// `/<locale>/<slug>`, and the fallback of every address no route names: the full document
/// when the core's routing rules say it exists, else the localized 404.
async fn page(State(served): State<Arc<Served>>, uri: Uri, headers: HeaderMap) -> Response<Body> {
    match route(&served.library, uri.path()) {
        Route::Page { locale, slug } => match served.documents.page(locale.clone(), slug) {
            Some(html) => bytes_response(
                StatusCode::OK,
                Some(html_type()),
                html,
                &headers,
                Caching::Revalidate,
            ),
            None => not_found(&served, Some(locale), &headers),
        },
        Route::NotFound { locale } => not_found(&served, locale, &headers),
        Route::Image { .. } => not_found(&served, None, &headers),
    }
}

/// The localized 404 document: the locale of the address when it names one, else the
/// browser's.
fn not_found(served: &Served, locale: Option<Locale>, headers: &HeaderMap) -> Response<Body> {
    let locale = locale.unwrap_or_else(|| negotiated_locale(&served.library, headers));
    bytes_response(
        StatusCode::NOT_FOUND,
        Some(html_type()),
        served.documents.not_found(&locale),
        headers,
        Caching::Revalidate,
    )
}

/// The content's locale that best fits the browser's `Accept-Language`, else the source
/// locale.
fn negotiated_locale(library: &Library, headers: &HeaderMap) -> Locale {
    let wanted = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(reader_core::l10n::requested_locales_from_accept_language)
        .unwrap_or_default();
    library.negotiate(&wanted)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The search's parameters are decoded by axum's `Query` (serde_urlencoded): percent-
    /// and `+`-decoding, invalid escapes kept as they are, repeated keys all kept.
    #[test]
    fn query_pairs_are_decoded() {
        let uri: Uri =
            "/api/search?q=%E0%BA%82%E0%BB%88%E0%BA%B2%E0%BA%A7+x&lang=lo&bad=%zz&lang=en"
                .parse()
                .unwrap();
        let Query(pairs) = Query::<Vec<(String, String)>>::try_from_uri(&uri).unwrap();
        assert_eq!(
            pairs,
            [
                ("q".into(), "ຂ່າວ x".into()),
                ("lang".into(), "lo".into()),
                ("bad".into(), "%zz".into()),
                ("lang".into(), "en".into())
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
