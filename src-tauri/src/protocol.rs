//! The `reader://` scheme: page bodies and content images, answered by the core's pure
//! `respond` from the library loaded now.

use reader_core::Library;

use crate::state::AppState;

/// `reader://localhost/<locale>/<slug>` (`http://reader.localhost/...` on Windows).
pub const SCHEME: &str = "reader";

/// Answers a request of the webview from the current library.
pub fn respond(state: &AppState, request: &http::Request<Vec<u8>>) -> http::Response<Vec<u8>> {
    respond_with(&state.library(), request)
}

/// The same, for a given library: what tests call with raw request URIs.
pub fn respond_with(
    library: &Library,
    request: &http::Request<Vec<u8>>,
) -> http::Response<Vec<u8>> {
    reader_core::http::respond(library, request)
}
