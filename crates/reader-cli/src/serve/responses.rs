//! What every answer carries: an ETag (and 304 when the client already has it), a cache
//! policy, and the security headers.

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, HeaderValue, Response, StatusCode};
use sha2::{Digest, Sha256};

/// Security headers of every response: nothing from other origins, no sniffing, no referrer.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; \
    font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; \
    frame-ancestors 'none'";

/// How long a browser may keep an answer without asking again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caching {
    /// Documents, bodies, search: asked again every time (the ETag makes that cheap).
    Revalidate,
    /// UI files and images: an hour.
    AnHour,
}

/// `body` with an ETag (304 and no body when the client's `If-None-Match` has it), the
/// cache policy and the security headers.
pub fn bytes_response(
    status: StatusCode,
    content_type: Option<HeaderValue>,
    body: impl Into<Bytes>,
    request: &HeaderMap,
    caching: Caching,
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
        HeaderValue::from_static(match caching {
            Caching::Revalidate => "no-cache",
            Caching::AnHour => "public, max-age=3600",
        }),
    );
    security_headers(headers);
    response
}

/// A short text answer (no ETag, no cache policy).
pub fn plain(status: StatusCode, text: &str) -> Response<Body> {
    let mut response = Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "text/plain; charset=utf-8")
        .body(Body::from(text.to_string()))
        .expect("valid");
    security_headers(response.headers_mut());
    response
}

pub fn html_type() -> HeaderValue {
    HeaderValue::from_static("text/html; charset=utf-8")
}

pub fn security_headers(headers: &mut HeaderMap) {
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
