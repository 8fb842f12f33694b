//! Printing: served pages printed to PDF by the real Chromium, as a partner prints a page
//! for a meeting (one language) or a bilingual handout (side by side on). The PDFs are read
//! back with poppler: the bundled Lao font is embedded, the titles are text, the article
//! fits on at most 3 A4 pages; page 1 of each is kept as a PNG under the screenshots.

use std::path::{Path, PathBuf};
use std::process::Command;

use reader_e2e::web::{Browser, Served};
use reader_e2e::{screenshot_dir, wait_for};

struct Printed {
    fonts: String,
    text: String,
    pages: u32,
}

/// Prints the page once its fonts are in (WebDriver's print), and reads the PDF back.
async fn print(browser: &Browser, name: &str) -> Printed {
    browser.settle().await;
    read_back(
        &browser.client.print(Default::default()).await.unwrap(),
        name,
    )
}

/// Writes the PDF and page 1 as `<name>.png` beside the screenshots, and reads it back.
fn read_back(pdf: &[u8], name: &str) -> Printed {
    let dir = screenshot_dir();
    let file = dir.join(format!("{name}.pdf"));
    std::fs::write(&file, pdf).unwrap();
    let run = |tool: &str, args: &[&str]| -> String {
        let out = Command::new(tool)
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("{tool} (package poppler-utils): {e}"));
        assert!(
            out.status.success(),
            "{tool}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let path = file.to_str().unwrap();
    let pages = run("pdfinfo", &[path])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    let png: PathBuf = dir.join(name);
    run(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "70",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            path,
            png.to_str().unwrap(),
        ],
    );
    Printed {
        fonts: run("pdffonts", &[path]),
        text: run("pdftotext", &["-layout", path, "-"]),
        pages,
    }
}

/// Text as pdftotext gives Lao back can differ in mark order: compare without marks.
fn base_letters(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(*c as u32, 0x0EB1 | 0x0EB4..=0x0EBC | 0x0EC8..=0x0ECD))
        .filter(|c| !c.is_whitespace())
        .collect()
}

async fn title(browser: &Browser) -> String {
    browser
        .js("return [...document.querySelector('main h1').childNodes].filter((n) => !(n.classList && n.classList.contains('marker'))).map((n) => n.textContent).join('').trim()")
        .await
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn served_article_prints_as_a_handout_in_one_language_and_side_by_side() {
    let served = Served::start();
    let browser = Browser::start("lo-LA,lo").await;
    browser
        .goto(&format!("{}/lo/news/country-strategy", served.base))
        .await;
    let lao_title = title(&browser).await;

    let single = print(&browser, "print-article-lo").await;
    assert!(
        single
            .fonts
            .lines()
            .any(|l| l.contains("NotoSansLao") && l.contains(" yes ")),
        "the bundled Lao font is not embedded:\n{}",
        single.fonts
    );
    assert!(
        base_letters(&single.text).contains(&base_letters(&lao_title)),
        "no Lao title {lao_title:?} in:\n{}",
        single.text
    );
    // The print header: where it comes from, and which content.
    assert!(single.text.contains("laopdr.iom.int"), "{}", single.text);
    // No toolbar on paper.
    assert!(!single.text.contains("Ctrl"), "{}", single.text);
    assert!((1..=3).contains(&single.pages), "{} pages", single.pages);

    // The bilingual handout: side by side on, both languages block by block.
    browser.click("#side-by-side").await;
    wait_for("the side-by-side view", 50, || async {
        browser
            .js("return !!document.querySelector('main article.side-by-side')")
            .await
            .as_bool()
            .filter(|v| *v)
    })
    .await;
    let both = print(&browser, "print-article-side-by-side").await;
    // (The titles wrap in their columns.)
    assert!(both.text.contains("IOM Lao PDR Launches"), "{}", both.text);
    // The Lao column of page 1 (the right half of an A4 page, 595 points wide) holds the
    // Lao title; each column wraps on its own, so the halves are read apart.
    let lao_column = {
        let pdf = screenshot_dir().join("print-article-side-by-side.pdf");
        let out = Command::new("pdftotext")
            .args([
                "-f", "1", "-l", "1", "-x", "298", "-y", "0", "-W", "297", "-H", "842",
            ])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(
        base_letters(&lao_column).contains(&base_letters(&lao_title)),
        "no Lao title {lao_title:?} in the right column:\n{lao_column}"
    );
    assert!(
        both.fonts.contains("NotoSansLao") && both.fonts.contains("NotoSans-"),
        "{}",
        both.fonts
    );
    assert!((1..=3).contains(&both.pages), "{} pages", both.pages);
    assert!(Path::new(&screenshot_dir().join("print-article-side-by-side.png")).exists());
}

/// Bad input: a page with a missing translation prints the English fallback, marked as in
/// the app.
#[tokio::test]
async fn a_missing_translation_prints_in_english_marked() {
    let content = reader_e2e::content_copy();
    reader_e2e::replace_message(
        content.path(),
        "lo/pages/who-we-are.ftl",
        "who-we-are-p1",
        None,
    );
    let served = Served::content(content.path());
    let browser = Browser::start("lo").await;
    browser
        .goto(&format!("{}/lo/who-we-are", served.base))
        .await;
    let printed = print(&browser, "print-fallback-lo").await;
    let text = printed
        .text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("inter-governmental organization"), "{text}");
    assert!(
        base_letters(&printed.text).contains(&base_letters("ຍັງບໍ່ທັນແປ, ສະແດງເປັນພາສາອັງກິດ")),
        "the marker is not on paper: {text}"
    );
}

/// An exported page prints its one language with the same stylesheet, from the file system.
#[tokio::test]
async fn exported_article_prints_the_same_way() {
    let dir = reader_e2e::web::export();
    let site = dir.path().join("site");
    let browser = Browser::start("lo").await;
    browser
        .goto(&format!(
            "file://{}/lo/news/country-strategy.html",
            site.display()
        ))
        .await;
    let lao_title = title(&browser).await;
    let printed = print(&browser, "print-export-lo").await;
    assert!(printed.fonts.contains("NotoSansLao"), "{}", printed.fonts);
    assert!(
        base_letters(&printed.text).contains(&base_letters(&lao_title)),
        "{}",
        printed.text
    );
    assert!(printed.text.contains("laopdr.iom.int"), "{}", printed.text);
    assert!((1..=3).contains(&printed.pages), "{} pages", printed.pages);
}

/// In the app, the print path is wired: Ctrl+P and the Print button call the system's print
/// (stubbed here: WebKitGTK's dialog is modal and would hang the WebDriver session), and the
/// page carries its print header in the reading language.
#[tokio::test]
async fn the_app_prints_with_ctrl_p_and_the_button() {
    use reader_e2e::{App, Desktop, Profile};
    let desktop = Desktop::start();
    let profile = Profile::new();
    let app = App::launch(&desktop, &profile, "lo_LA.UTF-8", &[]).await;
    app.js("window.__printed = 0; window.print = () => { window.__printed += 1; }; return null")
        .await;
    app.js("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'p', ctrlKey: true})); return null")
        .await;
    app.click("#print").await;
    assert_eq!(app.js("return window.__printed").await, 2);
    let header = app
        .js("return document.getElementById('print-header').textContent")
        .await;
    let header = header.as_str().unwrap();
    assert!(
        header.contains("ລາວ")
            && header.contains("ເນື້ອໃນເວີຊັນ 1")
            && header.contains("laopdr.iom.int"),
        "{header}"
    );
    // On screen, the header is not shown.
    assert_eq!(
        app.js("return getComputedStyle(document.getElementById('print-header')).display")
            .await,
        "none"
    );
    app.quit().await;
}
