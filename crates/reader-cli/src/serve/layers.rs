//! What wraps every request, whatever route it takes: the access log, the request timeout,
//! compression, and GET/HEAD only.

use std::net::SocketAddr;
use std::time::Instant;

use axum::body::{Body, HttpBody};
use axum::extract::ConnectInfo;
use axum::http::{header, HeaderValue, Method, Request, Response, StatusCode};
use axum::middleware::{from_fn, Next};
use axum::Router;
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::timeout::TimeoutLayer;

use super::responses::plain;
use super::Limits;

/// `app` with the layers, outermost first. Layers on a `Router` wrap each route, its
/// method fallback (so a POST to `/` meets `get_and_head_only` too) and the fallback.
pub fn around(app: Router, limits: &Limits) -> Router {
    app.layer(
        ServiceBuilder::new()
            .layer(from_fn(access_log))
            .layer(TimeoutLayer::with_status_code(
                StatusCode::REQUEST_TIMEOUT,
                limits.request_timeout,
            ))
            .layer(CompressionLayer::new())
            .layer(from_fn(get_and_head_only)),
    )
}

/// One line per request: client, method, path, status, bytes (before compression), time.
async fn access_log(
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: Request<Body>,
    next: Next,
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

/// Any other method, on any address, gets 405 with `Allow: GET, HEAD`. HEAD gets the
/// headers GET would, its length included, and no body. axum empties HEAD answers too, but
/// only outside every layer; done here, the access log records HEAD's length and compression
/// leaves the empty answer as it is.
async fn get_and_head_only(request: Request<Body>, next: Next) -> Response<Body> {
    let method = request.method().clone();
    if method != Method::GET && method != Method::HEAD {
        let mut response = plain(StatusCode::METHOD_NOT_ALLOWED, "method not allowed");
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let response = next.run(request).await;
    if method == Method::HEAD {
        let (mut parts, body) = response.into_parts();
        if let Some(length) = body.size_hint().exact() {
            parts
                .headers
                .insert(header::CONTENT_LENGTH, HeaderValue::from(length));
        }
        return Response::from_parts(parts, Body::empty());
    }
    response
}
