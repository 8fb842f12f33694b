//! Answers requests for content (`/<locale>/<slug>`, `/images/<file>`): one pure function
//! used by the desktop app's `reader://` scheme, and later by `serve`. Everything is served
//! from memory, and a path that is not exactly a known page or image gets a localized 404,
//! so no request can read outside the content.

use http::{header, HeaderValue, Method, Request, Response, StatusCode};

use crate::library::Library;
use crate::locale::Locale;
use crate::manifest::is_valid_slug;

/// CSP of every response: a page body needs nothing but images from the same scheme.
pub const BODY_CSP: &str = "default-src 'none'; img-src reader: http://reader.localhost; \
                            style-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'";

/// Origins of the app's own document (Linux/macOS and Windows forms), allowed to fetch.
const APP_ORIGINS: [&str; 2] = ["tauri://localhost", "http://tauri.localhost"];

/// What a request path names, decided before anything is looked up.
#[derive(Debug, PartialEq, Eq)]
pub enum Route {
    Page {
        locale: Locale,
        slug: String,
    },
    Image {
        name: String,
    },
    /// Nothing of ours; the locale is the first segment when it names one.
    NotFound {
        locale: Option<Locale>,
    },
}

/// Parses a raw request path, as the client sent it. Every address of ours is plain
/// lowercase ASCII (`/lo/news/country-strategy`, `/images/map.png`), so anything else —
/// percent-encoding (`%2e%2e`, `%2f`), backslashes, NUL, `.` or `..` segments, empty
/// segments — is refused before any lookup, and lookups only ever touch memory.
pub fn route(library: &Library, raw_path: &str) -> Route {
    let Some(path) = raw_path.strip_prefix('/') else {
        return Route::NotFound { locale: None };
    };
    let (first, rest) = path.split_once('/').unwrap_or((path, ""));
    let locale = library.locale(first);
    let plain = path
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_./".contains(&b));
    if !plain {
        return Route::NotFound { locale };
    }
    if first == "images" {
        return if is_valid_image_name(rest)
            && library.read_file(&format!("images/{rest}")).is_some()
        {
            Route::Image {
                name: rest.to_string(),
            }
        } else {
            Route::NotFound { locale: None }
        };
    }
    match locale {
        Some(locale) if rest.is_empty() => Route::Page {
            slug: library.manifest().home().slug.clone(),
            locale,
        },
        Some(locale) if is_valid_slug(rest) && library.manifest().page(rest).is_some() => {
            Route::Page {
                locale,
                slug: rest.to_string(),
            }
        }
        locale => Route::NotFound { locale },
    }
}

/// Answers one request.
pub fn respond<B>(library: &Library, request: &Request<B>) -> Response<Vec<u8>> {
    let origin = request
        .headers()
        .get(header::ORIGIN)
        .filter(|origin| {
            APP_ORIGINS
                .iter()
                .any(|allowed| origin.as_bytes() == allowed.as_bytes())
        })
        .cloned();
    let (status, content_type, body) =
        if request.method() != Method::GET && request.method() != Method::HEAD {
            (
                StatusCode::METHOD_NOT_ALLOWED,
                "text/plain; charset=utf-8",
                b"method not allowed".to_vec(),
            )
        } else {
            match route(library, request.uri().path()) {
                Route::Page { locale, slug } => {
                    // `?view=side-by-side`: the page in two aligned columns.
                    let side_by_side = request.uri().query() == Some("view=side-by-side");
                    let page = library
                        .render_view(&locale, &slug, side_by_side)
                        .expect("routed pages exist");
                    (
                        StatusCode::OK,
                        "text/html; charset=utf-8",
                        page.html.into_bytes(),
                    )
                }
                Route::Image { name } => {
                    let bytes = library
                        .read_file(&format!("images/{name}"))
                        .unwrap_or_default();
                    (StatusCode::OK, image_type(&name), bytes.into_owned())
                }
                Route::NotFound { locale } => {
                    let locale = locale.unwrap_or_else(|| library.source_locale().clone());
                    let page = library.render_not_found(&locale);
                    (
                        StatusCode::NOT_FOUND,
                        "text/html; charset=utf-8",
                        page.html.into_bytes(),
                    )
                }
            }
        };
    let mut response = Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, content_type)
        .header(header::CONTENT_SECURITY_POLICY, BODY_CSP)
        .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
        .header(header::CACHE_CONTROL, "no-store")
        .header(header::REFERRER_POLICY, "no-referrer");
    if let Some(origin) = origin {
        response = response.header(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        response = response.header(header::VARY, HeaderValue::from_static("Origin"));
    }
    let body = if request.method() == Method::HEAD {
        Vec::new()
    } else {
        body
    };
    response.body(body).expect("static headers are valid")
}

/// `name.ext`: lowercase letters, digits, `-` and `_`, one dot, a known image extension.
fn is_valid_image_name(name: &str) -> bool {
    let Some((stem, ext)) = name.split_once('.') else {
        return false;
    };
    !stem.is_empty()
        && stem
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && ["png", "jpg", "jpeg", "webp"].contains(&ext)
}

fn image_type(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("png") => "image/png",
        Some("webp") => "image/webp",
        _ => "image/jpeg",
    }
}
