//! Back and Forward in the app return to where the reader was on each page, as a browser
//! does; opening a search result on the page showing adds no entry (#18, item 5).

use reader_e2e::{App, Desktop, Profile};

const ARTICLE: &str = "news/country-strategy";

fn alt(key: &str) -> String {
    format!("document.dispatchEvent(new KeyboardEvent('keydown', {{key: '{key}', altKey: true}})); return null")
}

/// The same article twice in the history, at two places: each entry keeps its own.
#[tokio::test]
async fn back_and_forward_return_to_the_reading_position() {
    let desktop = Desktop::start();
    let profile = Profile::new();
    let app = App::launch(&desktop, &profile, "en_US.UTF-8", &[]).await;
    app.open_article().await; // home, news, the article
    app.scroll_to_block("news-country-strategy-p5").await;
    app.click("#back").await;
    app.wait_for_body("en", "news").await;
    assert_eq!(app.js("return window.scrollY").await, 0);
    app.click("#forward").await;
    app.wait_for_body("en", ARTICLE).await;
    assert_eq!(app.top_block().await, "news-country-strategy-p5");
    app.click("#back").await;
    app.wait_for_body("en", "news").await;
    // The article again, from the list: a new entry (the old one after it is dropped).
    app.click("main a[data-slug='news/country-strategy']").await;
    app.wait_for_body("en", ARTICLE).await;
    assert_eq!(
        app.js("return window.scrollY").await,
        0,
        "a new entry opens at the top"
    );
    app.scroll_to_block("news-country-strategy-p2").await;
    app.js("document.querySelector(\"#nav a[data-slug='contacts']\").click(); return null")
        .await;
    app.wait_for_body("en", "contacts").await;

    app.js(&alt("ArrowLeft")).await;
    app.wait_for_body("en", ARTICLE).await;
    assert_eq!(app.top_block().await, "news-country-strategy-p2");
    app.click("#back").await;
    app.wait_for_body("en", "news").await;
    app.click("#forward").await;
    app.wait_for_body("en", ARTICLE).await;
    assert_eq!(app.top_block().await, "news-country-strategy-p2");
    app.js(&alt("ArrowRight")).await;
    app.wait_for_body("en", "contacts").await;
    app.quit().await;
}

#[tokio::test]
async fn a_result_on_the_page_showing_adds_no_history_entry() {
    let desktop = Desktop::start();
    let profile = Profile::new();
    let app = App::launch(&desktop, &profile, "en_US.UTF-8", &[]).await;
    app.open_article().await; // history: home, news, the article
    app.search("strategy").await;
    let block = app
        .js(&format!(
            "const r = [...document.querySelectorAll('#search-results .result')].find(r => r.dataset.resultSlug === '{ARTICLE}' && r.dataset.resultBlock !== 'news-country-strategy-title');
             if (!r) return null; r.click(); return r.dataset.resultBlock"
        ))
        .await
        .as_str()
        .expect("a result on the article, not its title")
        .to_string();
    app.wait_for_search_hit(&block).await;
    // One step back is the news list, not the same article again.
    app.click("#back").await;
    app.wait_for_body("en", "news").await;
    app.click("#forward").await;
    app.wait_for_body("en", ARTICLE).await;
    assert_eq!(
        app.js("return document.getElementById('forward').disabled")
            .await,
        true,
        "an entry after the article"
    );
    app.quit().await;
}
