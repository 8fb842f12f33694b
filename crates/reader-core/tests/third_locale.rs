//! A language is added by adding a folder: the shipped content plus the test-only French
//! draft of `tests/fixtures/third-locale/` (no code knows of `fr`).

mod common;

use common::{copy_tree, locales_dir};
use reader_core::search::Searcher;
use reader_core::{ContentSource, Library};

fn fixture() -> std::path::PathBuf {
    common::locales_dir().join("../tests/fixtures/third-locale")
}

/// The shipped content with `fr/` beside `en/` and `lo/`.
fn three_locales() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(locales_dir(), dir.path());
    copy_tree(&fixture().join("fr"), &dir.path().join("fr"));
    let library = Library::load(ContentSource::Directory(dir.path().into())).unwrap();
    (dir, library)
}

#[test]
fn the_folder_is_a_language_with_the_source_first() {
    let (_dir, library) = three_locales();
    assert!(
        library.diagnostics().is_empty(),
        "{:?}",
        library.diagnostics()
    );
    let codes: Vec<&str> = library.locales().iter().map(|l| l.code.as_str()).collect();
    assert_eq!(codes, ["en", "fr", "lo"]);
    let fr = library.locale("fr").unwrap();
    let chrome = library.chrome(&fr, "0");
    assert_eq!(chrome.locales.len(), 3);
    assert_eq!(chrome.locales[1].native_name.as_str(), "Français");
    assert_eq!(chrome.source_locale, "en");
    assert!(chrome.ui_translated);
    // Its own words where it has them, the source's elsewhere.
    assert_eq!(chrome.strings["about"].as_str(), "À propos");
    assert_eq!(chrome.strings["back"].as_str(), "Back");
    assert_eq!(chrome.nav[0].label.as_str(), "Accueil");
}

#[test]
fn pages_fall_back_to_the_source_and_compare_against_it() {
    let (_dir, library) = three_locales();
    let fr = library.locale("fr").unwrap();
    let home = library.render_page(&fr, "home").unwrap();
    assert!(
        home.html
            .contains("fait partie du système des Nations Unies"),
        "{}",
        home.html
    );
    // `home-links` and the listed article's title have no French: shown in English, marked.
    assert!(home.html.contains(r#"lang="en""#), "{}", home.html);
    let fell_back: Vec<(&str, &str)> = home
        .report
        .fallbacks
        .iter()
        .map(|f| (f.id.as_str(), f.shown.as_str()))
        .collect();
    assert_eq!(
        fell_back,
        [("home-links", "en"), ("news-country-strategy-title", "en")]
    );
    let status = library.page_status(&fr, library.manifest().page("home").unwrap());
    assert_eq!((status.translated, status.falling_back), (3, 1));

    // Side by side: the source on the left, French on the right.
    let pair = library.render_side_by_side(&fr, "who-we-are").unwrap().html;
    let left = pair.find(">Who We Are<").unwrap();
    let right = pair.find(">Qui sommes-nous").unwrap();
    assert!(left < right, "{pair}");
    // A page French lacks entirely is shown in the source, and says so once.
    let news = library.render_page(&fr, "our-work").unwrap().html;
    assert!(news.contains("page-notice"), "{news}");
}

#[test]
fn search_finds_the_new_language_first_for_its_reader() {
    let (_dir, library) = three_locales();
    let fr = library.locale("fr").unwrap();
    let searcher = Searcher::new(library.into());
    let hits = searcher.search("actualités ", &fr, 10);
    assert_eq!(
        hits.first().map(|h| (h.locale.as_str(), h.id.as_str())),
        Some(("fr", "home-news"))
    );
    // A source-language match also shows the same block in French.
    let hits = searcher.search("presence ", &fr, 10);
    let aligned = hits
        .iter()
        .find(|h| h.id == "who-we-are-p2")
        .and_then(|h| h.aligned.as_ref())
        .expect("aligned French block");
    assert!(aligned.text.contains("depuis 2002"), "{aligned:?}");
}

#[test]
fn check_reports_the_new_language() {
    let (_dir, library) = three_locales();
    let found = reader_core::lint::check(&library);
    assert!(found.iter().all(|d| !d.kind.is_error()), "{found:?}");
    assert!(
        found.iter().any(|d| d.file == "fr/pages/who-we-are.ftl"
            && d.message_id.as_deref() == Some("who-we-are-p1")),
        "{found:?}"
    );
}

/// Packs carry content, never UI strings: pages in a language whose UI strings the app
/// lacks are shown with the source language's, and the chrome says so.
#[test]
fn a_pack_brings_pages_but_not_ui_strings() {
    let (dir, _) = three_locales();
    let key = ed25519_dalek::SigningKey::from_bytes(&[7; 32]);
    let bytes = reader_core::pack::build(dir.path(), &key, "test", 2).unwrap();
    let limits = reader_core::pack::Limits::default();
    let pack = reader_core::pack::verify(&bytes, &[key.verifying_key()], &limits).unwrap();
    assert!(!pack.files.contains_key("fr/ui.ftl"));
    assert!(pack.files.contains_key("fr/pages/home.ftl"));
    let fr = pack.library.locale("fr").unwrap();
    let chrome = pack.library.chrome(&fr, "0");
    assert!(!chrome.ui_translated);
    assert_eq!(chrome.strings["about"].as_str(), "About the reader");
    // Without a name of its own, the language is listed by its code (not by the source
    // language's name).
    let names: Vec<&str> = chrome
        .locales
        .iter()
        .map(|l| l.native_name.as_str())
        .collect();
    assert_eq!(names, ["English", "fr", "ລາວ"]);
    // Lao keeps the app's own UI strings.
    let lo = pack.library.locale("lo").unwrap();
    assert!(pack.library.chrome(&lo, "0").ui_translated);
    let home = pack.library.render_page(&fr, "home").unwrap().html;
    assert!(home.contains("Dernières actualités"), "{home}");
}
