//! The `reader://` scheme: page bodies and content images, answered by the core's pure
//! `respond` from the library loaded now.

use crate::state::AppState;

/// `reader://localhost/<locale>/<slug>` (`http://reader.localhost/...` on Windows).
pub const SCHEME: &str = "reader";

/// Answers a request of the webview from the current library (the core's pure handler,
/// tested there with raw request URIs).
pub fn respond(state: &AppState, request: &http::Request<Vec<u8>>) -> http::Response<Vec<u8>> {
    reader_core::http::respond(&state.library(), request)
}
