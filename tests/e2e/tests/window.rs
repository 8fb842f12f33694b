//! The window on the most common office laptop screen, 1366×768: on first start the whole
//! window is on the screen; resized, it comes back resized. (The virtual screen has no window
//! manager: where a saved window goes on other screens is tested on the core's logic.)

use reader_e2e::{wait_for, App, Desktop, Profile};

const SCREEN: (u32, u32) = (1366, 768);

#[tokio::test]
async fn the_window_fits_a_laptop_screen_and_keeps_its_size() {
    let desktop = Desktop::with_screen(SCREEN.0, SCREEN.1);
    let profile = Profile::new();
    let app = App::launch(&desktop, &profile, "lo_LA.UTF-8", &[]).await;
    let (x, y, width, height) = app.client.get_window_rect().await.unwrap();
    // (WebDriver reports positions as unsigned: a window left of or above the screen
    // would not come back as a rectangle at all.)
    assert!(
        x + width <= u64::from(SCREEN.0) && y + height <= u64::from(SCREEN.1),
        "window {x},{y} {width}×{height} is not all on the {SCREEN:?} screen"
    );
    // The page inside fills the window (not a window taller than the screen).
    assert_eq!(
        app.js("return window.innerHeight").await,
        serde_json::json!(height)
    );

    app.client.set_window_size(900, 600).await.unwrap();
    wait_for("the new size to be saved", 100, || async {
        let text = std::fs::read_to_string(profile.preferences_file()).ok()?;
        let prefs: serde_json::Value = serde_json::from_str(&text).ok()?;
        (prefs["window"]["frame"]["width"] == 900 && prefs["window"]["frame"]["height"] == 600)
            .then_some(())
    })
    .await;
    app.quit().await;

    let app = App::launch(&desktop, &profile, "lo_LA.UTF-8", &[]).await;
    let (_, _, width, height) = app.client.get_window_rect().await.unwrap();
    assert_eq!((width, height), (900, 600));
    app.quit().await;
}
