//! The same pages without the desktop app: served by `reader serve` and exported by
//! `reader export`, in a real headless Chromium. Includes axe-core on every page.

use reader_e2e::web::{export, Browser, Served};
use reader_e2e::{distinct_colours, shipped_slugs, wait_for};

#[tokio::test]
async fn served_site_switches_language_searches_and_opens_a_result() {
    let served = Served::start();
    let browser = Browser::start("lo-LA,lo,en").await;
    // `/` negotiates from Accept-Language.
    browser.goto(&format!("{}/", served.base)).await;
    assert_eq!(browser.page().await, ("lo".into(), "home".into()));
    assert_eq!(browser.js("return location.pathname").await, "/lo/home");
    assert_eq!(
        browser.js("return document.documentElement.lang").await,
        "lo"
    );
    let shot = browser.screenshot("served-home-lo").await;
    assert!(distinct_colours(&shot) > 50);

    // The language switch swaps the body in place: a sentinel survives, the address follows.
    browser.js("window.__sentinel = 'kept'; return null").await;
    browser.click("#languages button[data-locale='en']").await;
    browser.wait_for_body("en", "home").await;
    assert_eq!(browser.js("return window.__sentinel").await, "kept");
    assert_eq!(browser.js("return location.pathname").await, "/en/home");
    let shot = browser.screenshot("served-home-en").await;
    assert!(distinct_colours(&shot) > 50);
    browser.click("#languages button[data-locale='lo']").await;
    browser.wait_for_body("lo", "home").await;

    // Search in Lao, open a result: the page opens at the block, words marked.
    browser.search("ສຸຂະພາບ").await;
    browser.click("#search-results .result").await;
    wait_for("the result's page", 100, || async {
        (browser.js("return location.pathname + location.hash").await
            == "/lo/our-work#our-work-area-6")
            .then_some(())
    })
    .await;
    browser.wait_ready().await;
    let marked = wait_for("the highlight", 50, || async {
        let v = browser
            .js("const b = document.getElementById('our-work-area-6'); return b && b.classList.contains('search-hit') && [...b.querySelectorAll('mark')].map(m => m.textContent)")
            .await;
        v.as_array().cloned()
    })
    .await;
    assert_eq!(marked, [serde_json::json!("ສຸຂະພາບ")]);
    browser.quit().await;
}

#[tokio::test]
async fn exported_site_opens_from_the_file_system() {
    let dir = export();
    let site = dir.path().join("site");
    let browser = Browser::start("en").await;
    browser
        .goto(&format!(
            "file://{}/lo/news/country-strategy.html",
            site.display()
        ))
        .await;
    assert_eq!(
        browser.page().await,
        ("lo".into(), "news/country-strategy".into())
    );
    // The bundled Lao font is used from the file system too.
    let fonts = browser
        .client
        .execute_async(
            "const done = arguments[0]; document.fonts.ready.then(() => done([...document.fonts].filter(f => f.family.includes('Reader Noto Sans Lao') && f.status === 'loaded').length))",
            vec![],
        )
        .await
        .unwrap();
    assert!(fonts.as_u64().unwrap_or(0) >= 1, "{fonts}");
    let shot = browser.screenshot("export-article-lo").await;
    assert!(distinct_colours(&shot) > 50);

    // Switching language goes to the translated file; relative links work.
    browser.click("#languages button[data-locale='en']").await;
    browser.wait_ready().await;
    browser.wait_for_body("en", "news/country-strategy").await;
    browser.click("#nav a[data-slug='who-we-are']").await;
    browser.wait_ready().await;
    browser.wait_for_body("en", "who-we-are").await;
    assert!(browser
        .js("return location.href")
        .await
        .as_str()
        .unwrap()
        .ends_with("/en/who-we-are.html"));

    // Search works from the file system too (its index files are scripts): results listed.
    browser.search("migration").await;
    let results = browser
        .js("return document.querySelectorAll('#search-results .result').length")
        .await;
    assert!(results.as_u64() > Some(0), "{results}");

    // The page names itself as the app's window does; F1 lists the shortcuts an export
    // has (no bookmarks, no side by side).
    assert_eq!(
        browser.js("return document.title").await,
        "Who We Are — IOM Lao PDR Reader"
    );
    let keys = browser
        .js("document.body.dispatchEvent(new KeyboardEvent('keydown', {key: 'F1', code: 'F1', bubbles: true, cancelable: true}));
             return document.getElementById('shortcuts').open && [...document.querySelectorAll('#shortcuts dt')].map(k => k.textContent)")
        .await;
    let keys = keys.as_array().expect("the shortcuts sheet is open");
    assert!(keys.iter().any(|k| k == "Ctrl+K"), "{keys:?}");
    assert!(
        !keys.iter().any(|k| k == "Ctrl+D" || k == "Ctrl+Shift+S"),
        "{keys:?}"
    );
    browser.quit().await;
}

#[tokio::test]
async fn every_page_passes_axe_served_and_exported() {
    let served = Served::start();
    let dir = export();
    let site = dir.path().join("site");
    let browser = Browser::start("en").await;
    let mut failures = Vec::new();
    for locale in ["en", "lo"] {
        for slug in shipped_slugs() {
            for url in [
                format!("{}/{locale}/{slug}", served.base),
                format!("file://{}/{locale}/{slug}.html", site.display()),
            ] {
                browser.goto(&url).await;
                let violations = browser.accessibility_violations().await;
                if !violations.is_empty() {
                    failures.push(format!("{url}: {violations:?}"));
                }
            }
        }
    }
    // The 404 pages too.
    browser.goto(&format!("{}/lo/nope", served.base)).await;
    failures.extend(
        browser
            .accessibility_violations()
            .await
            .into_iter()
            .map(|v| format!("lo 404: {v}")),
    );
    assert!(
        failures.is_empty(),
        "serious or critical accessibility violations:\n{}",
        failures.join("\n")
    );
    // The check itself can fail: an image without a text alternative is reported.
    browser.js("document.querySelector('main').append(Object.assign(document.createElement('img'), { src: 'x.png' })); return null").await;
    let violations = browser.accessibility_violations().await;
    assert!(
        violations.iter().any(|v| v.starts_with("image-alt")),
        "{violations:?}"
    );
    browser.quit().await;
}
