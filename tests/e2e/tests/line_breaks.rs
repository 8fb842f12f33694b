//! Lao lines break between words, never inside a word or a kept name, never before ໆ: the
//! Lao pages rendered at three window widths and three text sizes, every line start measured
//! in the page — in the real app (WebKitGTK) and in Chromium (served and exported pages).
//! And copying a paragraph gives its source text: the marking adds no character.

use reader_core::sanitize::plain_text;
use reader_core::Library;
use reader_e2e::web::{export, Browser, Served};
use reader_e2e::{bad_lao_line_starts, shipped_slugs, App, Desktop, Profile, LAO_LINE_STARTS_JS};
use serde_json::Value;

const WIDTHS: [u32; 3] = [420, 800, 1100];
const TEXT_SIZES: [u32; 3] = [100, 150, 200];

fn keep() -> Vec<String> {
    Library::built_in()
        .localizer()
        .bundle("lo")
        .expect("lo is shipped")
        .keep_together()
        .to_vec()
}

/// Selects block `id`'s text (its markers left out) and returns what a copy would take.
const SELECTED_TEXT_JS: &str = "
  const block = document.getElementById(arguments[0]);
  const selection = getSelection();
  selection.removeAllRanges();
  const range = document.createRange();
  range.selectNodeContents(block);
  selection.addRange(range);
  return selection.toString();";

fn source_text(id: &str) -> String {
    let library = Library::built_in();
    let resolved = library.resolve("lo", id, None).expect("shipped message");
    plain_text(&resolved.text).into_string()
}

/// Measures the page shown at each text size; returns the bad line starts.
async fn measure(js: impl AsyncFn(&str) -> Value, what: &str) -> Vec<String> {
    let keep = keep();
    let mut bad = Vec::new();
    let mut lines = 0;
    for size in TEXT_SIZES {
        // The reader's text size, as A−/A+ set it (the reading area only).
        js(&format!(
            "document.documentElement.style.setProperty('--text-scale', '{}'); return null",
            f64::from(size) / 100.0
        ))
        .await;
        let blocks = js(LAO_LINE_STARTS_JS).await;
        lines += blocks
            .as_array()
            .map(|b| {
                b.iter()
                    .map(|b| b["starts"].as_array().map_or(0, Vec::len))
                    .sum::<usize>()
            })
            .unwrap_or(0);
        bad.extend(
            bad_lao_line_starts(&blocks, &keep)
                .into_iter()
                .map(|b| format!("{what} at {size}%: {b}")),
        );
    }
    js("document.documentElement.style.setProperty('--text-scale', '1'); return null").await;
    assert!(lines > 0, "{what}: no Lao line measured");
    bad
}

/// Opens page `slug` in the app as a click would (the article from the news list), whatever
/// covers its link at large text.
async fn open(app: &App, slug: &str) {
    let link = if slug == "news/country-strategy" {
        Box::pin(open(app, "news")).await;
        "main a"
    } else {
        "#nav a"
    };
    app.js(&format!(
        "document.querySelector(\"{link}[data-slug='{slug}']\").click(); return null"
    ))
    .await;
    app.wait_for_body("lo", slug).await;
}

/// Every bad line start of the findings, or none.
fn assert_none(bad: &[String]) {
    assert!(
        bad.is_empty(),
        "{} bad line starts:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[tokio::test]
async fn lao_lines_break_between_words_in_the_app() {
    let desktop = Desktop::with_screen(1280, 900);
    let profile = Profile::new();
    let app = App::launch(&desktop, &profile, "lo_LA.UTF-8", &[]).await;
    app.wait_for_body("lo", "home").await;
    let mut bad = Vec::new();
    for width in WIDTHS {
        app.client.set_window_size(width, 800).await.unwrap();
        for slug in shipped_slugs() {
            open(&app, &slug).await;
            bad.extend(
                measure(
                    async |s: &str| app.js(s).await,
                    &format!("app {width}px {slug}"),
                )
                .await,
            );
        }
    }
    assert_none(&bad);

    // What a reader sees at the narrowest window and the largest text.
    app.client.set_window_size(420, 800).await.unwrap();
    open(&app, "news/country-strategy").await;
    app.js("document.documentElement.style.setProperty('--text-scale', '2'); document.getElementById('news-country-strategy-p1').scrollIntoView(); return null")
        .await;
    let shot = app.screenshot(&desktop, "line-breaks-app-lo-200").await;
    assert!(reader_e2e::distinct_colours(&shot) > 50);
    // Nothing overflows sideways.
    let overflow = app
        .js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        .await;
    assert_eq!(overflow, 0, "the page scrolls sideways at 420 px and 200%");

    // Copying a paragraph gives its source text.
    for id in ["news-country-strategy-p1", "news-country-strategy-p5"] {
        let copied = app
            .client
            .execute(SELECTED_TEXT_JS, vec![id.into()])
            .await
            .unwrap();
        assert_eq!(copied.as_str().unwrap_or_default(), source_text(id), "{id}");
    }
    app.quit().await;
}

#[tokio::test]
async fn lao_lines_break_between_words_served_and_exported() {
    let served = Served::start();
    let dir = export();
    let site = dir.path().join("site");
    let browser = Browser::start("lo").await;
    let mut bad = Vec::new();
    for width in WIDTHS {
        browser.client.set_window_size(width, 800).await.unwrap();
        for slug in shipped_slugs() {
            for url in [
                format!("{}/lo/{slug}", served.base),
                format!("file://{}/lo/{slug}.html", site.display()),
            ] {
                browser.goto(&url).await;
                bad.extend(
                    measure(
                        async |s: &str| browser.js(s).await,
                        &format!("{url} {width}px"),
                    )
                    .await,
                );
            }
        }
    }
    assert_none(&bad);

    // The narrowest window at the largest text.
    browser.client.set_window_size(420, 800).await.unwrap();
    browser
        .goto(&format!("{}/lo/news/country-strategy", served.base))
        .await;
    browser
        .js(
            "document.documentElement.style.setProperty('--text-scale', '2');
             const top = document.querySelector('.toolbar').getBoundingClientRect().bottom;
             const p = document.getElementById('news-country-strategy-p1').getBoundingClientRect();
             window.scrollBy(0, p.top - top); return null",
        )
        .await;
    let shot = browser.screenshot("line-breaks-served-lo-200").await;
    assert!(reader_e2e::distinct_colours(&shot) > 50);
    for id in ["news-country-strategy-p1", "news-country-strategy-p4"] {
        let copied = browser
            .client
            .execute(SELECTED_TEXT_JS, vec![id.into()])
            .await
            .unwrap();
        assert_eq!(copied.as_str().unwrap_or_default(), source_text(id), "{id}");
    }
    browser.quit().await;
}
