//! The core's handler of the app's `reader://` scheme (and of `serve`'s page bodies) fed
//! raw request URIs, as WebKit would pass them if it did not normalize `..` itself: every
//! address that is not exactly a page or image of ours gets a localized 404, and nothing
//! outside the content is ever read. (Here, in the core: no Tauri build needed to run them.)

use reader_core::http::respond as respond_with;
use reader_core::{ContentSource, Library};

fn request(uri: &str) -> http::Request<Vec<u8>> {
    http::Request::builder()
        .uri(uri)
        .header("Origin", "tauri://localhost")
        .body(Vec::<u8>::new())
        .unwrap()
}

fn get(library: &Library, uri: &str) -> (u16, String) {
    let response = respond_with(library, &request(uri));
    (
        response.status().as_u16(),
        String::from_utf8_lossy(response.body()).into_owned(),
    )
}

#[test]
fn pages_are_served_with_a_strict_csp() {
    let library = Library::load(ContentSource::Embedded).unwrap();
    let response = respond_with(
        &library,
        &request("reader://localhost/lo/news/country-strategy"),
    );
    assert_eq!(response.status(), 200);
    let headers = response.headers();
    assert_eq!(headers["content-type"], "text/html; charset=utf-8");
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(
        csp.starts_with("default-src 'none'") && csp.contains("script-src 'none'"),
        "{csp}"
    );
    assert_eq!(headers["access-control-allow-origin"], "tauri://localhost");
    assert!(String::from_utf8_lossy(response.body()).contains(r#"lang="lo""#));
    // Windows form of the same address.
    assert_eq!(get(&library, "http://reader.localhost/en/home").0, 200);
}

#[test]
fn traversal_and_unknown_addresses_get_a_localized_404() {
    let library = Library::load(ContentSource::Embedded).unwrap();
    let lao_404 = "ບໍ່ພົບໜ້ານີ້";
    let english_404 = "Page not found";
    for (uri, expected) in [
        ("reader://localhost/lo/../../../etc/passwd", lao_404),
        ("reader://localhost/lo/%2e%2e/%2e%2e/etc/passwd", lao_404),
        ("reader://localhost/lo/news%2fcountry-strategy", lao_404),
        ("reader://localhost/lo/news%2Fcountry-strategy", lao_404),
        ("reader://localhost/lo/..%5c..%5cwindows", lao_404),
        ("reader://localhost/lo/%00", lao_404),
        ("reader://localhost/lo/home%00.ftl", lao_404),
        ("reader://localhost/lo/pages/home.ftl", lao_404),
        ("reader://localhost/lo/nope", lao_404),
        ("reader://localhost/lo/./home", lao_404),
        ("reader://localhost/lo//home", lao_404),
        ("reader://localhost/en/news/", english_404),
        ("reader://localhost/%2e%2e/manifest.toml", english_404),
        ("reader://localhost//etc/passwd", english_404),
        ("reader://localhost/etc/passwd", english_404),
        ("reader://localhost/fr/home", english_404),
        ("reader://localhost/manifest.toml", english_404),
        ("reader://localhost/images/../manifest.toml", english_404),
        (
            "reader://localhost/images/%2e%2e%2fmanifest.toml",
            english_404,
        ),
        ("reader://localhost/EN/home", english_404),
    ] {
        let (status, body) = get(&library, uri);
        assert_eq!(status, 404, "{uri}");
        assert!(body.contains(expected), "{uri}: {body}");
        assert!(
            !body.contains("root:") && !body.contains("format = "),
            "{uri} leaked a file"
        );
    }
}

#[test]
fn raw_backslashes_and_nul_never_reach_a_file() {
    let library = Library::load(ContentSource::Embedded).unwrap();
    // The http crate takes some raw bytes WebKit might pass on (a backslash), and refuses
    // others (NUL: such a request can't be delivered at all). Each case says which; what gets
    // through must get the localized 404. (An `if let Ok` here once let the test pass
    // asserting nothing.)
    for (uri, deliverable) in [
        ("reader://localhost/lo/..\\..\\x", true),
        ("reader://localhost/lo/news\\country-strategy", true),
        ("reader://localhost/lo/\0", false),
    ] {
        match http::Request::builder().uri(uri).body(Vec::<u8>::new()) {
            Ok(request) => {
                assert!(deliverable, "{uri:?} was expected to be refused by http");
                let response = respond_with(&library, &request);
                assert_eq!(response.status(), 404, "{uri:?}");
                assert!(
                    String::from_utf8_lossy(response.body()).contains("ບໍ່ພົບໜ້ານີ້"),
                    "{uri:?}"
                );
            }
            Err(_) => assert!(!deliverable, "{uri:?} was expected to reach the handler"),
        }
    }
}

#[test]
fn only_get_and_head() {
    let library = Library::load(ContentSource::Embedded).unwrap();
    let post = http::Request::builder()
        .method("POST")
        .uri("reader://localhost/en/home")
        .body(Vec::<u8>::new())
        .unwrap();
    assert_eq!(respond_with(&library, &post).status(), 405);
    let head = http::Request::builder()
        .method("HEAD")
        .uri("reader://localhost/en/home")
        .body(Vec::<u8>::new())
        .unwrap();
    let response = respond_with(&library, &head);
    assert_eq!(response.status(), 200);
    assert!(response.body().is_empty());
}

#[test]
fn content_images_are_served_and_nothing_beside_them() {
    let dir = tempfile::tempdir().unwrap();
    let locales = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    for file in ["manifest.toml", "en/terms.ftl", "en/ui.ftl"] {
        let target = dir.path().join(file);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(locales.join(file), target).unwrap();
    }
    std::fs::create_dir(dir.path().join("images")).unwrap();
    let png = b"\x89PNG\r\n\x1a\n not really, but bytes";
    std::fs::write(dir.path().join("images/map-1.png"), png).unwrap();
    std::fs::write(dir.path().join("images/notes.txt"), b"secret").unwrap();
    let library = Library::load(ContentSource::Directory(dir.path().into())).unwrap();

    let response = respond_with(&library, &request("reader://localhost/images/map-1.png"));
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "image/png");
    assert_eq!(response.body().as_slice(), png);
    for uri in [
        "reader://localhost/images/notes.txt",
        "reader://localhost/images/MAP-1.png",
        "reader://localhost/images/map-1.png/..",
        "reader://localhost/images/",
        "reader://localhost/images/sub/map-1.png",
    ] {
        assert_eq!(get(&library, uri).0, 404, "{uri}");
    }
}

#[test]
fn side_by_side_view_by_query() {
    let library = Library::load(ContentSource::Embedded).unwrap();
    let (status, body) = get(
        &library,
        "reader://localhost/lo/news/country-strategy?view=side-by-side",
    );
    assert_eq!(status, 200);
    assert!(body.contains(r#"class="page side-by-side""#), "{body}");
    // Anything else is the ordinary view.
    let (_, body) = get(
        &library,
        "reader://localhost/lo/news/country-strategy?view=nonsense",
    );
    assert!(!body.contains("side-by-side"));
}
