//! `reader export DIR`: a static site that opens from the file system.

// The core's test helpers: the shipped content, and copying it.
#[path = "../../reader-core/tests/common/mod.rs"]
mod common;

use std::path::Path;
use std::process::Command;

use common::{copy_tree, locales_dir};

const READER: &str = env!("CARGO_BIN_EXE_reader");

fn export(dir: &Path, extra: &[&str]) -> (i32, String) {
    let out = Command::new(READER)
        .arg("export")
        .arg(dir)
        .args(extra)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

#[test]
fn every_page_in_every_locale_with_relative_links() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("site");
    let (code, out) = export(&dir, &["--base-url", "https://intranet.example/reader/"]);
    assert_eq!(code, 0, "{out}");
    for locale in ["en", "lo"] {
        for slug in [
            "home",
            "who-we-are",
            "our-work",
            "news",
            "news/country-strategy",
            "contacts",
        ] {
            assert!(
                dir.join(format!("{locale}/{slug}.html")).exists(),
                "{locale}/{slug}"
            );
        }
        assert!(dir.join(format!("{locale}/404.html")).exists());
    }
    for file in [
        "index.html",
        "404.html",
        "sitemap.xml",
        "ui/app.js",
        "ui/style.css",
        "ui/fonts/NotoSansLao-Regular.ttf",
        "ui/fonts/OFL.txt",
    ] {
        assert!(dir.join(file).exists(), "{file}");
    }
    let article = std::fs::read_to_string(dir.join("lo/news/country-strategy.html")).unwrap();
    assert!(article.contains(r#"<html lang="lo">"#));
    assert!(
        article.contains(
            r#"<link rel="alternate" hreflang="en" href="../../en/news/country-strategy.html">"#
        ),
        "{article}"
    );
    assert!(article.contains(r#"href="../../ui/style.css""#));
    assert!(article.contains("Content-Security-Policy"));
    let news = std::fs::read_to_string(dir.join("lo/news.html")).unwrap();
    assert!(
        news.contains(r#"href="../lo/news/country-strategy.html""#),
        "{news}"
    );
    let sitemap = std::fs::read_to_string(dir.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://intranet.example/reader/lo/home.html</loc>"));
    assert!(
        sitemap.contains(r#"hreflang="en" href="https://intranet.example/reader/en/home.html""#)
    );
    let not_found = std::fs::read_to_string(dir.join("404.html")).unwrap();
    assert!(
        not_found.contains("Page not found") && not_found.contains(r#"href="en/home.html""#),
        "{not_found}"
    );
    assert!(std::fs::read_to_string(dir.join("lo/404.html"))
        .unwrap()
        .contains("ບໍ່ພົບໜ້ານີ້"));
}

#[test]
fn refuses_a_non_empty_directory_unless_forced() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("site");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("keep.txt"), "mine").unwrap();
    let (code, out) = export(&dir, &[]);
    assert_eq!(code, 1);
    assert!(
        out.contains("is not empty") && out.contains("--force"),
        "{out}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("keep.txt")).unwrap(),
        "mine"
    );

    // --force replaces the contents, and never deletes outside DIR through a link.
    let outside = tmp.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(outside.join("precious.txt"), "do not delete").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&outside, dir.join("link-to-outside")).unwrap();
    let (code, out) = export(&dir, &["--force"]);
    assert_eq!(code, 0, "{out}");
    assert!(!dir.join("keep.txt").exists());
    assert!(!dir.join("link-to-outside").exists());
    assert_eq!(
        std::fs::read_to_string(outside.join("precious.txt")).unwrap(),
        "do not delete"
    );
    assert!(dir.join("en/home.html").exists());
}

#[test]
fn a_file_in_the_way_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("file");
    std::fs::write(&file, "x").unwrap();
    let (code, out) = export(&file, &["--force"]);
    assert_eq!(code, 1);
    assert!(out.contains("not a directory"), "{out}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
}

/// Fault 1 of the hostile-input review: UI strings that hold entity-escaped markup came out of
/// `plain_text` as live markup and were written into the export's `index.html` unescaped.
#[test]
fn markup_in_ui_strings_stays_text_in_every_exported_page() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_tree(locales_dir(), &content);
    let payload = "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;";
    let ui = content.join("en/ui.ftl");
    let text = std::fs::read_to_string(&ui).unwrap();
    let text = text
        .replace(
            "app-name = IOM Lao PDR Reader",
            &format!("app-name = {payload}"),
        )
        .replace("locale-name = English", &format!("locale-name = {payload}"));
    std::fs::write(&ui, text).unwrap();

    let site = tmp.path().join("site");
    let (code, out) = export(&site, &["--content", content.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    let mut pages = 0;
    for file in walk(&site) {
        if file.extension().is_some_and(|e| e == "html") {
            let html = std::fs::read_to_string(&file).unwrap();
            assert!(
                !html.contains("<script>alert"),
                "{}: {html}",
                file.display()
            );
            assert!(
                html.contains("<meta http-equiv=\"Content-Security-Policy\""),
                "{} has no CSP",
                file.display()
            );
            pages += 1;
        }
    }
    assert!(pages > 10, "{pages}");
    let index = std::fs::read_to_string(site.join("index.html")).unwrap();
    // The title is there, as text.
    assert!(
        index.contains("<title>&#60;/title&#62;&#60;script&#62;alert(1)"),
        "{index}"
    );
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}
