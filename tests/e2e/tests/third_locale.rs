//! A third language, added as a folder (the test-only French draft), in the real app: listed
//! in the toolbar, chosen from the system language, each switch works, side by side compares
//! against the source, search finds it; without its own UI strings, the window says so.

use reader_e2e::{add_third_locale, content_copy, wait_for, App, Desktop, Profile};

#[tokio::test]
async fn a_language_added_as_a_folder_works_everywhere() {
    let content = content_copy();
    add_third_locale(content.path(), true);
    let desktop = Desktop::start();
    let profile = Profile::new();
    let dir = content.path().to_str().unwrap();
    let app = App::launch(&desktop, &profile, "fr_FR.UTF-8", &["--content", dir]).await;
    // The system language picks it; the toolbar lists three languages in their own names.
    app.wait_for_body("fr", "home").await;
    let languages = app
        .js("return [...document.querySelectorAll('#languages button')].map(b => [b.dataset.locale, b.textContent])")
        .await;
    assert_eq!(
        languages,
        serde_json::json!([["en", "English"], ["fr", "Français"], ["lo", "ລາວ"]])
    );
    assert_eq!(app.js("return document.documentElement.lang").await, "fr");
    assert_eq!(
        app.js("return document.getElementById('ui-untranslated').hidden")
            .await,
        true
    );
    // Each switch works, in place.
    for (locale, heading) in [
        ("lo", "ຂ່າວສານຫຼ້າສຸດ"),
        ("en", "Latest news"),
        ("fr", "Dernières actualités"),
    ] {
        app.click(&format!("#languages button[data-locale='{locale}']"))
            .await;
        app.wait_for_body(locale, "home").await;
        // (The French draft has no records: its blocks are marked as maybe outdated.)
        let shown = app
            .js("return [...document.getElementById('home-news').childNodes].filter((n) => !(n.classList && n.classList.contains('marker'))).map((n) => n.textContent).join('').trim()")
            .await;
        assert_eq!(shown, heading, "{locale}");
    }
    // A block French lacks is shown in the source language, marked.
    assert_eq!(
        app.js("const p = document.getElementById('home-links'); return [p.lang, !!p.querySelector('.marker')]")
            .await,
        serde_json::json!(["en", true])
    );
    let shot = app.screenshot(&desktop, "third-locale-fr").await;
    assert!(reader_e2e::distinct_colours(&shot) > 50);

    // Side by side: the source on the left, French on the right.
    app.click("#nav a[data-slug='who-we-are']").await;
    app.wait_for_body("fr", "who-we-are").await;
    app.click("#side-by-side").await;
    let langs = wait_for("the side-by-side view", 50, || async {
        let v = app
            .js("const p = document.querySelector('main .pair[id]'); return p && [...p.children].map(c => c.lang)")
            .await;
        (!v.is_null()).then_some(v)
    })
    .await;
    assert_eq!(langs, serde_json::json!(["en", "fr"]));
    app.click("#side-by-side").await;

    // Search finds French text, for a French reader first.
    app.search("depuis").await;
    let first = app
        .js("const r = document.querySelector('#search-results .result'); return r && [r.dataset.resultBlock, r.querySelector('mark') && r.querySelector('mark').textContent]")
        .await;
    assert_eq!(first, serde_json::json!(["who-we-are-p2", "depuis"]));
    app.quit().await;
}

/// Pages in a language the app has no UI strings for (as a pack brings them): the menus
/// are in the source language, and a notice says so.
#[tokio::test]
async fn without_its_ui_strings_the_window_says_so() {
    let content = content_copy();
    add_third_locale(content.path(), false);
    let desktop = Desktop::start();
    let profile = Profile::new();
    let dir = content.path().to_str().unwrap();
    let app = App::launch(&desktop, &profile, "fr_FR.UTF-8", &["--content", dir]).await;
    app.wait_for_body("fr", "home").await;
    let notice = app
        .js("const n = document.getElementById('ui-untranslated'); return [n.hidden, n.textContent]")
        .await;
    assert_eq!(notice[0], false, "{notice}");
    assert!(
        notice[1].as_str().unwrap().contains("shown in English"),
        "{notice}"
    );
    // The language is still listed, by its code (it has no name of its own).
    let languages = app
        .js("return [...document.querySelectorAll('#languages button')].map(b => b.textContent)")
        .await;
    assert_eq!(languages, serde_json::json!(["English", "fr", "ລາວ"]));
    // Lao keeps its own UI: no notice.
    app.click("#languages button[data-locale='lo']").await;
    app.wait_for_body("lo", "home").await;
    assert_eq!(
        app.js("return document.getElementById('ui-untranslated').hidden")
            .await,
        true
    );
    app.quit().await;
}
