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

/// F1 and "?" open the list of every shortcut, in the reading language; "?" typed in the
/// search box stays a character; tooltips name their shortcuts; the About button is not
/// mistaken for the "About us" page (#18, item 7).
#[tokio::test]
async fn f1_opens_the_shortcuts_in_the_reading_language() {
    let desktop = Desktop::start();
    let profile = Profile::new();
    let app = App::launch(&desktop, &profile, "lo_LA.UTF-8", &[]).await;
    app.wait_for_body("lo", "home").await;
    let key = |key: &str, code: &str, target: &str| {
        format!(
            "document.querySelector('{target}').dispatchEvent(new KeyboardEvent('keydown', {{key: '{key}', code: '{code}', bubbles: true, cancelable: true}}));
             return document.getElementById('shortcuts').open"
        )
    };
    assert_eq!(app.js(&key("F1", "F1", "body")).await, true);
    let sheet = app
        .js("const d = document.getElementById('shortcuts');
             return [d.querySelector('h2').textContent, [...d.querySelectorAll('dt')].map(k => k.textContent), [...d.querySelectorAll('dd')].map(k => k.textContent), document.activeElement.id]")
        .await;
    assert_eq!(sheet[0], "ປຸ່ມລັດ");
    let keys: Vec<&str> = sheet[1]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap())
        .collect();
    for shortcut in [
        "Ctrl+K",
        "Alt+←",
        "Alt+→",
        "Ctrl+Shift+L",
        "Ctrl+Shift+S",
        "Ctrl+Shift+O",
        "Ctrl++",
        "Ctrl+−",
        "Ctrl+D",
        "Ctrl+P",
        "F1",
    ] {
        assert!(
            keys.iter().any(|k| k.contains(shortcut)),
            "{shortcut} missing: {keys:?}"
        );
    }
    let actions = sheet[2].as_array().unwrap();
    assert_eq!(actions.len(), keys.len());
    assert!(
        actions.iter().all(|a| a
            .as_str()
            .unwrap()
            .chars()
            .any(|c| ('\u{0E80}'..='\u{0EFF}').contains(&c))),
        "{actions:?}"
    );
    assert_eq!(sheet[3], "shortcuts-close");
    let shot = app.screenshot(&desktop, "shortcuts-lo").await;
    assert!(reader_e2e::distinct_colours(&shot) > 50);
    app.js("document.getElementById('shortcuts').close(); return null")
        .await;

    // "?" in the search box is a character; on the page it opens the sheet.
    assert_eq!(app.js(&key("?", "Slash", "#search")).await, false);
    assert_eq!(app.js(&key("?", "Slash", "main")).await, true);
    app.js("document.getElementById('shortcuts').close(); return null")
        .await;

    // Tooltips name the shortcut; the tools say it to assistive technology too.
    let tips = app
        .js("return ['text-larger', 'text-smaller', 'side-by-side', 'search', 'back'].map(id => [document.getElementById(id).title, document.getElementById(id).getAttribute('aria-keyshortcuts')])")
        .await;
    for (tip, (shown, aria)) in tips.as_array().unwrap().iter().zip([
        ("(Ctrl++)", "Control+Plus"),
        ("(Ctrl+−)", "Control+Minus"),
        ("(Ctrl+Shift+S)", "Control+Shift+S"),
        ("(Ctrl+K)", "Control+K"),
        ("(Alt+←)", "Alt+ArrowLeft"),
    ]) {
        assert!(tip[0].as_str().unwrap().ends_with(shown), "{tip}");
        assert_eq!(tip[1], aria, "{tip}");
    }
    // "ກ່ຽວກັບ" starts both; the button names the program, the page is "About us".
    let about = app
        .js("return [document.getElementById('about-button').textContent, [...document.querySelectorAll('#nav a')].map(a => a.textContent)]")
        .await;
    let label = about[0].as_str().unwrap();
    assert!(label.contains("ໂປຣແກຣມ"), "{label}");
    assert!(
        about[1]
            .as_array()
            .unwrap()
            .iter()
            .all(|nav| nav != label && !label.starts_with(nav.as_str().unwrap())),
        "{about}"
    );
    app.quit().await;
}
