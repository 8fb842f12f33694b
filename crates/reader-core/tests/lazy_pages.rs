//! A library opened for reading (`Library::open`) reads a page's files when first shown and
//! keeps only the latest: it must show exactly what the library loaded whole shows, hold a
//! bounded number of pages, and survive files that change or go bad under it.

mod common;

use std::path::Path;

use common::{copy_tree, locales_dir};
use reader_core::l10n::PAGES_KEPT;
use reader_core::manifest_cache::{ManifestCache, PageListOrigin};
use reader_core::{ContentSource, Library, LoadError, Locale};

#[path = "../examples/common/corpus.rs"]
#[allow(dead_code)]
mod corpus;

/// Everything a reader sees of `slug` in `locale`, as one comparable value.
fn seen(library: &Library, locale: &Locale, slug: &str) -> serde_json::Value {
    let page = library.manifest().page(slug).unwrap();
    serde_json::json!({
        "page": library.render_page(locale, slug),
        "side": library.render_side_by_side(locale, slug),
        "status": library.page_status(locale, page),
        "translated": library.page_is_translated(locale, page),
        "messages": page.blocks.iter().map(|b| {
            let status = library.message_status(locale, &b.id);
            (status.translated, status.outdated, status.reviewed)
        }).collect::<Vec<_>>(),
        "chrome": library.chrome(locale, "1.0"),
    })
}

fn assert_alike(whole: &Library, read: &Library) {
    assert!(!whole.reads_pages_lazily() && read.reads_pages_lazily());
    assert_eq!(
        serde_json::to_value(whole.locales()).unwrap(),
        serde_json::to_value(read.locales()).unwrap()
    );
    for locale in whole.locales() {
        for page in &whole.manifest().pages {
            assert_eq!(
                seen(whole, &locale.code, &page.slug),
                seen(read, &locale.code, &page.slug),
                "{} {}",
                locale.code,
                page.slug
            );
        }
    }
}

#[test]
fn the_built_in_content_reads_alike_whole_and_lazily() {
    let whole = Library::load(ContentSource::Embedded).unwrap();
    let read = Library::open(ContentSource::Embedded, None).unwrap();
    assert_alike(&whole, &read);
}

/// Three locales, a page Lao lacks and records beside the pages: from a folder.
#[test]
fn a_folder_reads_alike_whole_and_lazily() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(locales_dir(), dir.path());
    let fixture = locales_dir().join("../tests/fixtures/third-locale/fr");
    copy_tree(&fixture, &dir.path().join("fr"));
    std::fs::remove_file(dir.path().join("lo/pages/contacts.ftl")).unwrap();
    let source = ContentSource::Directory(dir.path().into());
    let whole = Library::load(source.clone()).unwrap();
    let read = Library::open(source, None).unwrap();
    assert_eq!(read.locales().len(), 3);
    assert_alike(&whole, &read);
}

fn corpus(pages: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let (english, lao) = corpus::vocabularies();
    corpus::generate(dir.path(), pages, &english, &lao);
    dir
}

fn held(library: &Library) -> Vec<usize> {
    library
        .localizer()
        .bundles()
        .iter()
        .map(|b| b.pages_held())
        .collect()
}

#[test]
fn pages_are_read_when_shown_and_kept_under_a_bound() {
    let pages = PAGES_KEPT * 3;
    let dir = corpus(pages);
    let source = ContentSource::Directory(dir.path().into());
    let read = Library::open(source.clone(), None).unwrap();
    // The first paint: the window's strings and the home page.
    let lo = read.locale("lo").unwrap();
    read.chrome(&lo, "1.0");
    read.render_page(&lo, &read.manifest().home().slug).unwrap();
    assert_eq!(held(&read), [1, 1], "the home page in Lao and English");
    for page in &read.manifest().pages {
        read.render_page(&lo, &page.slug).unwrap();
    }
    assert_eq!(held(&read), [PAGES_KEPT, PAGES_KEPT]);
    // Loaded whole, every page is held; and each shows alike.
    let whole = Library::load(source).unwrap();
    assert_eq!(held(&whole), [pages, pages]);
    assert_alike(&whole, &read);
}

/// Files that change or go bad after the library was opened: the page falls back or says
/// it has no translation; nothing panics, and other pages are untouched.
#[test]
fn page_files_gone_bad_after_opening_fall_back() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(locales_dir(), dir.path());
    let read = Library::open(ContentSource::Directory(dir.path().into()), None).unwrap();
    let (en, lo) = (read.locale("en").unwrap(), read.locale("lo").unwrap());
    let lo_page = |slug: &str| dir.path().join(format!("lo/pages/{slug}.ftl"));
    // Removed.
    std::fs::remove_file(lo_page("home")).unwrap();
    // A link to the real file: never followed.
    std::fs::rename(lo_page("our-work"), dir.path().join("elsewhere.ftl")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("elsewhere.ftl"), lo_page("our-work")).unwrap();
    // Not UTF-8.
    std::fs::write(lo_page("who-we-are"), b"who-we-are-title = \xff\xfe\n").unwrap();
    // Broken records.
    std::fs::write(
        dir.path().join("lo/pages/news.status.toml"),
        b"news-title = {",
    )
    .unwrap();
    for slug in ["home", "our-work", "who-we-are"] {
        let page = read.render_page(&lo, slug).unwrap();
        assert!(
            page.html.contains("page-notice"),
            "{slug}: no notice\n{}",
            page.html
        );
        assert!(!page.report.fallbacks.is_empty(), "{slug}");
        let english = read.render_page(&en, slug).unwrap();
        assert_eq!(page.title, english.title, "{slug}: the English title");
    }
    // Corrupt records: the Lao shows, its status unknown (not reviewed, outdated).
    let news = read.render_page(&lo, "news").unwrap();
    assert!(news.report.fallbacks.is_empty(), "{:?}", news.report);
    let status = read.message_status(&lo, "news-title");
    assert!(status.translated && status.outdated && !status.reviewed);
    // The English resource gone too: the block's id shows, marked, never a panic.
    std::fs::remove_file(dir.path().join("en/pages/home.ftl")).unwrap();
    let fresh = Library::open(ContentSource::Directory(dir.path().into()), None).unwrap();
    let home = fresh.render_page(&lo, "home").unwrap();
    assert!(home.html.contains("home-title"), "{}", home.html);
    // Other pages are untouched.
    let contacts = read.render_page(&lo, "contacts").unwrap();
    assert!(contacts.report.fallbacks.is_empty());
}

fn cached_entries(cache: &Path) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(cache)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    found.sort();
    found
}

#[test]
fn the_page_list_is_cached_and_a_bad_entry_is_read_past() {
    let content = tempfile::tempdir().unwrap();
    copy_tree(locales_dir(), content.path());
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = ManifestCache::new(cache_dir.path().join("pages"));
    let (first, origin) = cache.read_or_parse(content.path()).unwrap();
    assert_eq!(origin, PageListOrigin::Parsed);
    let (second, origin) = cache.read_or_parse(content.path()).unwrap();
    assert_eq!(origin, PageListOrigin::Cached);
    assert_eq!(
        serde_json::to_value(&first).unwrap(),
        serde_json::to_value(&second).unwrap()
    );
    assert_eq!(
        second.page_of_message("news-country-strategy-title"),
        second.position("news/country-strategy")
    );
    let entries = cached_entries(&cache_dir.path().join("pages"));
    assert_eq!(entries.len(), 1);
    let entry = &entries[0];
    let good = std::fs::read(entry).unwrap();
    // Another content's entry under this one's name: its digest holds, its pages don't
    // match… the key says which file it is of, so only a damaged entry can differ: each
    // damage is read past, and the entry written again.
    let damaged: Vec<(&str, Vec<u8>)> = vec![
        ("zero-length", Vec::new()),
        ("truncated", good[..good.len() / 2].to_vec()),
        (
            "random bytes",
            (0..good.len()).map(|i| (i * 7919 % 251) as u8).collect(),
        ),
        ("one byte changed", {
            let mut bytes = good.clone();
            let last = bytes.len() - 1;
            bytes[last] ^= 1;
            bytes
        }),
        ("digest only", good[..32].to_vec()),
    ];
    for (what, bytes) in damaged {
        std::fs::write(entry, &bytes).unwrap();
        let (manifest, origin) = cache.read_or_parse(content.path()).unwrap();
        assert_eq!(origin, PageListOrigin::Parsed, "{what}");
        assert_eq!(manifest.pages.len(), first.pages.len(), "{what}");
        assert_eq!(std::fs::read(entry).unwrap(), good, "{what}: written again");
    }
    // A link in its place is not followed.
    std::fs::remove_file(entry).unwrap();
    let elsewhere = cache_dir.path().join("elsewhere");
    std::fs::write(&elsewhere, &good).unwrap();
    std::os::unix::fs::symlink(&elsewhere, entry).unwrap();
    assert_eq!(
        cache.read_or_parse(content.path()).unwrap().1,
        PageListOrigin::Parsed
    );
    // The manifest rewritten: a new entry, the new pages.
    let manifest = content.path().join("manifest.toml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(&manifest, text.replace("version = ", "version = 1")).unwrap();
    let (rewritten, origin) = cache.read_or_parse(content.path()).unwrap();
    assert_eq!(origin, PageListOrigin::Parsed);
    assert_ne!(rewritten.version, first.version);
}

/// A cache folder that can't be written (a file in its place) costs the cache, never the
/// content.
#[test]
fn an_unwritable_cache_still_opens_the_content() {
    let content = tempfile::tempdir().unwrap();
    copy_tree(locales_dir(), content.path());
    let cache_dir = tempfile::tempdir().unwrap();
    let blocked = cache_dir.path().join("pages");
    std::fs::write(&blocked, b"a file, not a folder").unwrap();
    let cache = ManifestCache::new(&blocked);
    for _ in 0..2 {
        let library = Library::open(
            ContentSource::Directory(content.path().into()),
            Some(&cache),
        )
        .unwrap();
        assert_eq!(library.manifest().pages.len(), 6);
    }
    assert_eq!(
        cache.read_or_parse(content.path()).unwrap().1,
        PageListOrigin::Parsed
    );
}

/// What stops a library loaded whole stops one opened for reading, with the same error.
#[test]
fn unusable_content_is_refused_alike() {
    let empty = tempfile::tempdir().unwrap();
    let file = empty.path().join("file");
    std::fs::write(&file, b"x").unwrap();
    let no_source = tempfile::tempdir().unwrap();
    copy_tree(&locales_dir().join("lo"), &no_source.path().join("lo"));
    std::fs::copy(
        locales_dir().join("manifest.toml"),
        no_source.path().join("manifest.toml"),
    )
    .unwrap();
    let missing = empty.path().join("missing");
    for dir in [empty.path(), &missing, file.as_path(), no_source.path()] {
        let source = ContentSource::Directory(dir.into());
        let whole = Library::load(source.clone()).err().map(|e| e.to_string());
        let read = Library::open(source, None).err().map(|e| e.to_string());
        assert!(whole.is_some(), "{}", dir.display());
        assert_eq!(whole, read, "{}", dir.display());
    }
    assert!(matches!(
        Library::open(ContentSource::Directory(empty.path().into()), None),
        Err(LoadError::MissingManifest)
    ));
}

/// The reader looks for a page's messages in the page's own resource: `reader check` says
/// when one is defined elsewhere.
#[test]
fn a_block_defined_outside_its_page_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(locales_dir(), dir.path());
    let home = dir.path().join("en/pages/home.ftl");
    let text = std::fs::read_to_string(&home).unwrap();
    let line = "home-news = Latest news\n";
    assert!(text.contains(line));
    std::fs::write(&home, text.replace(line, "")).unwrap();
    let terms = dir.path().join("en/terms.ftl");
    let mut shared = std::fs::read_to_string(&terms).unwrap();
    shared.push_str(line);
    std::fs::write(&terms, shared).unwrap();
    let library = Library::load(ContentSource::Directory(dir.path().into())).unwrap();
    let found: Vec<_> = reader_core::lint::check(&library)
        .into_iter()
        .filter(|d| d.kind == reader_core::DiagnosticKind::BlockWithoutMessage)
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].file, "en/terms.ftl");
    assert!(
        found[0].text.contains("not in en/pages/home.ftl"),
        "{}",
        found[0]
    );
}

/// `a/b` and `a-b` would both name their messages `a-b-…`: the manifest is refused.
#[test]
fn two_pages_of_one_message_prefix_are_refused() {
    let text = "format = 1\nversion = 1\ndate = \"2026-01-01\"\n\
                [[pages]]\nslug = \"a\"\nsection = \"a\"\nblocks = [{ id = \"a-title\", kind = \"title\" }]\n\
                [[pages]]\nslug = \"a/b\"\nsection = \"a\"\nblocks = [{ id = \"a-b-title\", kind = \"title\" }]\n\
                [[pages]]\nslug = \"a-b\"\nsection = \"a\"\nblocks = [{ id = \"a-b-x\", kind = \"title\" }]\n";
    let error = reader_core::manifest::Manifest::parse(text)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("pages `a/b` and `a-b` both name their messages `a-b-…`"),
        "{error}"
    );
    let fine = text
        .replace("slug = \"a-b\"", "slug = \"c\"")
        .replace("a-b-x", "c-x");
    let manifest = reader_core::manifest::Manifest::parse(&fine).unwrap();
    assert_eq!(
        manifest.page_of_message("a-b-title"),
        manifest.position("a/b")
    );
    assert_eq!(manifest.page_of_message("a-title"), Some(0));
    assert_eq!(manifest.page_of_message("c-x"), manifest.position("c"));
    assert_eq!(manifest.page_of_message("nobody-title"), None);
}
