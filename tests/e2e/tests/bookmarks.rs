//! Bookmarks in the real app: Ctrl+D bookmarks the paragraph being read; the panel lists
//! them newest first, by page title and first words in the reading language; one opens its
//! page at the paragraph; removed; kept across restarts — even past a corrupt preferences
//! file; a bookmark whose paragraph is gone stays, marked; a foreign file is refused on
//! import and the list is untouched.

use reader_e2e::{distinct_colours, wait_for, App, Desktop, Profile};

async fn panel(app: &App) -> serde_json::Value {
    wait_for("the bookmarks panel", 50, || async {
        let v = app
            .js("const d = document.getElementById('bookmarks'); return d.open && [...document.querySelectorAll('#bookmarks-list li')].map(li => [li.dataset.block, li.classList.contains('missing'), li.querySelector('strong').textContent, li.querySelector('span').textContent])")
            .await;
        v.as_array().map(|_| v.clone())
    })
    .await
}

async fn close_panel(app: &App) {
    app.js("document.getElementById('bookmarks').close(); return null")
        .await;
}

#[tokio::test]
async fn bookmarks_are_kept_listed_opened_and_removed() {
    let desktop = Desktop::start();
    let profile = Profile::new();
    let bookmarks_file = profile.preferences_file().with_file_name("bookmarks.json");
    let app = App::launch(&desktop, &profile, "lo_LA.UTF-8", &[]).await;
    app.open_article().await;
    app.scroll_to_block("news-country-strategy-p3").await;
    app.js("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'd', ctrlKey: true})); return null")
        .await;
    let list = panel(&app).await;
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    assert_eq!(list[0][0], "news-country-strategy-p3");
    assert_eq!(list[0][1], false);
    let title = app
        .js("return [...document.querySelector('main h1').childNodes].filter((n) => !(n.classList && n.classList.contains('marker'))).map((n) => n.textContent).join('').trim()")
        .await;
    assert_eq!(list[0][2], title);
    let words = list[0][3].as_str().unwrap();
    assert!(
        words
            .chars()
            .any(|c| ('\u{0E80}'..='\u{0EFF}').contains(&c)),
        "{words}"
    );
    let shot = app.screenshot(&desktop, "bookmarks-lo").await;
    assert!(distinct_colours(&shot) > 50);
    close_panel(&app).await;

    // A second one, with the toolbar's button: the paragraph at the top of the view.
    app.scroll_to_block("news-country-strategy-p5").await;
    app.click("#bookmark-add").await;
    let list = panel(&app).await;
    assert_eq!(list[0][0], "news-country-strategy-p5");
    assert_eq!(list[1][0], "news-country-strategy-p3");
    close_panel(&app).await;
    app.click("#nav a[data-slug='home']").await;
    app.wait_for_body("lo", "home").await;
    app.click("#bookmarks-button").await;
    panel(&app).await;
    // Choosing one opens its page at the paragraph.
    app.click("#bookmarks-list li[data-block='news-country-strategy-p3'] .bookmark-open")
        .await;
    app.wait_for_body("lo", "news/country-strategy").await;
    wait_for("the bookmarked paragraph at the top", 50, || async {
        (app.top_block().await == "news-country-strategy-p3").then_some(())
    })
    .await;
    // Removed.
    app.click("#bookmarks-button").await;
    panel(&app).await;
    app.click("#bookmarks-list li[data-block='news-country-strategy-p5'] .bookmark-remove")
        .await;
    // (The list is drawn again when the store has answered.)
    wait_for("one bookmark left", 50, || async {
        (panel(&app).await.as_array()?.len() == 1).then_some(())
    })
    .await;
    app.quit().await;

    // A corrupt preferences file means default preferences, not lost bookmarks; a bookmark
    // whose paragraph is gone stays, marked.
    std::fs::write(profile.preferences_file(), "{ not json").unwrap();
    let text = std::fs::read_to_string(&bookmarks_file).unwrap();
    let text = text.replacen(
        "\"bookmarks\": [",
        "\"bookmarks\": [\n    { \"slug\": \"who-we-are\", \"block\": \"who-we-are-p9\" },",
        1,
    );
    std::fs::write(&bookmarks_file, text).unwrap();
    let app = App::launch(&desktop, &profile, "lo_LA.UTF-8", &[]).await;
    app.click("#bookmarks-button").await;
    let list = panel(&app).await;
    assert_eq!(list.as_array().unwrap().len(), 2, "{list}");
    assert_eq!(list[0][0], "who-we-are-p9");
    assert_eq!(list[0][1], true);
    assert_eq!(list[1][0], "news-country-strategy-p3");
    app.click("#bookmarks-list li.missing .bookmark-open").await;
    app.wait_for_body("lo", "who-we-are").await;

    // Import: a foreign file is refused in Lao, the list untouched; a bookmarks file adds.
    let files = tempfile::tempdir().unwrap();
    let foreign = files.path().join("foreign.json");
    std::fs::write(
        &foreign,
        r#"{"format": "someone-else", "version": 1, "bookmarks": []}"#,
    )
    .unwrap();
    app.js(&format!(
        "importBookmarks({:?}); return null",
        foreign.to_string_lossy()
    ))
    .await;
    let message = wait_for("the refusal", 50, || async {
        let v = app.js("const m = document.getElementById('bookmarks-message'); return !m.hidden && m.textContent").await;
        v.as_str().map(str::to_string)
    })
    .await;
    assert!(message.contains("ບໍ່ແມ່ນໄຟລ໌ບ່ອນທີ່ໝາຍໄວ້"), "{message}");
    assert_eq!(panel(&app).await.as_array().unwrap().len(), 2);
    let other = files.path().join("other.json");
    std::fs::write(
        &other,
        r#"{"format": "iom-lao-reader-bookmarks", "version": 1, "bookmarks": [{"slug": "our-work", "block": "our-work-title"}, {"slug": "elsewhere", "block": "elsewhere-p1"}]}"#,
    )
    .unwrap();
    app.js(&format!(
        "importBookmarks({:?}); return null",
        other.to_string_lossy()
    ))
    .await;
    wait_for("the import", 50, || async {
        (panel(&app).await.as_array().unwrap().len() == 3).then_some(())
    })
    .await;
    // A page this content lacks is left out, and the message says so.
    let message = app
        .js("return document.getElementById('bookmarks-message').textContent")
        .await;
    assert!(
        message.as_str().unwrap().contains("ບໍ່ໄດ້ເພີ່ມ") && message.as_str().unwrap().ends_with(" 1"),
        "{message}"
    );

    // In English, the same list in English.
    close_panel(&app).await;
    app.click("#languages button[data-locale='en']").await;
    app.wait_for_body("en", "who-we-are").await;
    app.click("#bookmarks-button").await;
    let list = panel(&app).await;
    assert_eq!(list[2][2], "Our Work");
    let shot = app.screenshot(&desktop, "bookmarks-en").await;
    assert!(distinct_colours(&shot) > 50);
    app.quit().await;
}
