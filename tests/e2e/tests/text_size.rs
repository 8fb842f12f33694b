//! Larger text enlarges what is read, not the toolbar (#18, item 1: at 200 % the whole
//! document was scaled and the toolbar, fixed at the top, covered the column headings).

use reader_e2e::{distinct_colours, App, Desktop, Profile};
use serde_json::Value;

/// Toolbar height, the search box's font size, the page heading's and a paragraph's.
const SIZES_JS: &str = "
  const px = (css) => parseFloat(getComputedStyle(document.querySelector(css)).fontSize);
  return [document.querySelector('.toolbar').getBoundingClientRect().height,
          px('#search'), px('main h1'), px('main .col .paragraph, main p.paragraph')];";

/// Whether the toolbar's groups stand in one row (their vertical centres within 8 px).
const ONE_ROW_JS: &str = "
  const centres = ['.history', '.search', '.tools'].map(s => {
    const r = document.querySelector(s).getBoundingClientRect(); return r.top + r.height / 2; });
  return Math.max(...centres) - Math.min(...centres) < 8;";

fn numbers(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect()
}

#[tokio::test]
async fn larger_text_leaves_the_toolbar_as_it_is() {
    let desktop = Desktop::with_screen(1366, 768);
    let profile = Profile::new();
    let app = App::launch(&desktop, &profile, "lo_LA.UTF-8", &[]).await;
    app.client.set_window_rect(0, 0, 1366, 768).await.unwrap();
    app.open_article().await;
    app.js("document.getElementById('side-by-side').click(); return null")
        .await;
    reader_e2e::wait_for("the side-by-side view", 50, || async {
        app.js("return !!document.querySelector('main .side-by-side')")
            .await
            .as_bool()
            .filter(|v| *v)
    })
    .await;
    let before = numbers(&app.js(SIZES_JS).await);
    assert_eq!(
        app.js(ONE_ROW_JS).await,
        true,
        "the toolbar wraps at 1366 px"
    );

    // A+ to the largest size (200 %).
    let scale = app
        .js("const b = document.getElementById('text-larger');
             for (let i = 0; i < 20 && !b.disabled; i++) b.click();
             return state.prefs.textScale")
        .await;
    assert_eq!(scale, 200);
    let after = numbers(&app.js(SIZES_JS).await);
    assert_eq!(app.js(ONE_ROW_JS).await, true, "the toolbar wraps at 200 %");
    assert_eq!(
        after[0], before[0],
        "the toolbar's height changed: {before:?} → {after:?}"
    );
    assert_eq!(after[1], before[1], "the search box's text changed");
    for (i, what) in [(2, "heading"), (3, "paragraph")] {
        let ratio = after[i] / before[i];
        assert!((ratio - 2.0).abs() < 0.02, "the {what} grew ×{ratio}");
    }

    // Scrolled down, the column headings stay below the toolbar, not under it.
    let covered = app
        .js("window.scrollTo(0, 900);
             const bar = document.querySelector('.toolbar').getBoundingClientRect().bottom;
             const head = document.querySelector('.pair-head').getBoundingClientRect();
             return [head.top - bar, document.documentElement.scrollWidth - document.documentElement.clientWidth]")
        .await;
    let covered = numbers(&covered);
    assert!(
        covered[0] >= -0.5,
        "the column headings are under the toolbar: {covered:?}"
    );
    assert_eq!(covered[1], 0.0, "the page scrolls sideways");
    let shot = app.screenshot(&desktop, "text-200-side-by-side-lo").await;
    assert!(distinct_colours(&shot) > 50);
    app.quit().await;
}
