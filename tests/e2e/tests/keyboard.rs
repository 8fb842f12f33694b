//! Shortcuts work with a Lao keyboard layout: letter shortcuts follow the key's place
//! (`KeyboardEvent.code`), not the Lao letter it types (`key`) — #18, item 11.

use reader_e2e::{App, Desktop, Profile};

/// A key press as a Lao layout sends it: a Lao `key`, the Latin key's `code`.
fn press(key: &str, code: &str, shift: bool) -> String {
    format!(
        "document.body.focus(); document.dispatchEvent(new KeyboardEvent('keydown', {{key: '{key}', code: '{code}', ctrlKey: true, shiftKey: {shift}, bubbles: true}})); return document.activeElement.id"
    )
}

#[tokio::test]
async fn shortcuts_work_with_a_lao_layout() {
    let desktop = Desktop::start();
    let profile = Profile::new();
    let app = App::launch(&desktop, &profile, "lo_LA.UTF-8", &[]).await;
    app.wait_for_body("lo", "home").await;

    // Ctrl and the key where J is: nothing happens (the check can fail).
    assert_ne!(app.js(&press("ວ", "KeyJ", false)).await, "search");
    // Ctrl+K, which types a Lao letter on a Lao layout: the search box takes the focus.
    assert_eq!(app.js(&press("າ", "KeyK", false)).await, "search");
    // Ctrl+Shift+L: the next language.
    app.js(&press("ສ", "KeyL", true)).await;
    app.wait_for_body("en", "home").await;
    app.quit().await;
}

/// A+ pressed to the largest size: the focus moves to A−, not to the page (#18, item 8).
#[tokio::test]
async fn focus_moves_off_a_button_that_becomes_disabled() {
    let desktop = Desktop::start();
    let profile = Profile::new();
    let app = App::launch(&desktop, &profile, "en_US.UTF-8", &[]).await;
    app.wait_for_body("en", "home").await;
    let focused = app
        .js(
            "const b = document.getElementById('text-larger'); b.focus();
             for (let i = 0; i < 20 && !b.disabled; i++) b.click();
             return [b.disabled, document.activeElement.id]",
        )
        .await;
    assert_eq!(focused, serde_json::json!([true, "text-smaller"]));
    let focused = app
        .js(
            "const b = document.getElementById('text-smaller'); b.focus();
             for (let i = 0; i < 30 && !b.disabled; i++) b.click();
             return [b.disabled, document.activeElement.id]",
        )
        .await;
    assert_eq!(focused, serde_json::json!([true, "text-larger"]));
    app.quit().await;
}
