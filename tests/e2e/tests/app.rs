//! The real reader, as a user meets it: the built binary in a WebKitGTK window under Xvfb,
//! driven over WebDriver (tauri-driver + WebKitWebDriver).

use std::process::Command;

use reader_e2e::{content_copy, distinct_colours, wait_for, App, Desktop, Profile};

// The window's title: the page's and the app's name, in the reading language (#18, item 10).
const HOME_EN: &str = "IOM Lao PDR — IOM Lao PDR Reader";
const HOME_LO: &str = "ອົງການ IOM ປະຈຳ ສປປ ລາວ — ໂປຣແກຣມອ່ານ IOM ສປປ ລາວ";
const NEWS_EN: &str = "News — IOM Lao PDR Reader";
const ARTICLE_EN: &str = "IOM Lao PDR Launches Country Strategy — IOM Lao PDR Reader";
const ARTICLE_LO: &str =
    "ອົງການ IOM ປະຈຳ ສປປ ລາວ ເປີດໂຕແຜນງານຍຸດທະສາດການຮ່ວມມື — ໂປຣແກຣມອ່ານ IOM ສປປ ລາວ";
const ARTICLE: &str = "news/country-strategy";

/// Takes a screenshot and checks the window painted something (not a blank background).
async fn screenshot(app: &App, desktop: &Desktop, name: &str) {
    let path = app.screenshot(desktop, name).await;
    let colours = distinct_colours(&path);
    assert!(
        colours > 50,
        "{name}: only {colours} colours, the window painted nothing"
    );
}

/// Waits until the native window's title is `title` (it follows the page shown).
async fn wait_for_title(desktop: &Desktop, title: &str) {
    for _ in 0..50 {
        if desktop.window_titles() == [title] {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(desktop.window_titles(), [title]);
}

#[tokio::test]
async fn article_switches_to_lao_in_place_and_back() {
    let desktop = Desktop::start();
    let profile = Profile::new();
    let app = App::launch(&desktop, &profile, "en_US.UTF-8", &[]).await;

    // First start with an English OS locale: English, home page, English native title.
    assert_eq!(app.page().await, ("en".into(), "home".into()));
    wait_for_title(&desktop, HOME_EN).await;
    screenshot(&app, &desktop, "home-en").await;

    app.open_article().await;
    wait_for_title(&desktop, ARTICLE_EN).await;
    assert!(app
        .js("return document.querySelector('main h1').textContent")
        .await
        .as_str()
        .unwrap()
        .contains("Launches Country Strategy"));
    screenshot(&app, &desktop, "article-en").await;
    app.scroll_to_block("news-country-strategy-p5").await;
    // A sentinel in the document: a reload or a new document would lose it.
    app.js("window.__sentinel = 'still here'; return null")
        .await;

    app.click("#languages button[data-locale='lo']").await;
    app.wait_for_body("lo", ARTICLE).await;
    assert_eq!(app.js("return document.documentElement.lang").await, "lo");
    let heading = app
        .js("return document.querySelector('main h1').textContent")
        .await;
    assert!(heading.as_str().unwrap().contains("ເປີດໂຕ"), "{heading}");
    assert_eq!(app.js("return window.__sentinel").await, "still here");
    assert_eq!(
        app.top_block().await,
        "news-country-strategy-p5",
        "the switch lost the reading position"
    );
    wait_for_title(&desktop, ARTICLE_LO).await;

    // The bundled Lao font, not a system fallback, is the one loaded.
    let font = app
        .js_async(
            "const done = arguments[0];
             document.fonts.ready.then(() => done([...document.fonts]
               .filter(f => f.family.includes('Reader Noto Sans Lao') && f.status === 'loaded').length))",
        )
        .await;
    assert!(
        font.as_u64().unwrap_or(0) >= 1,
        "bundled Lao font not loaded: {font}"
    );
    app.scroll_to_top().await;
    screenshot(&app, &desktop, "article-lo").await;

    // Back to English with the keyboard shortcut; still the same document.
    app.js("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'L', ctrlKey: true, shiftKey: true})); return null").await;
    app.wait_for_body("en", ARTICLE).await;
    assert_eq!(app.js("return window.__sentinel").await, "still here");
    wait_for_title(&desktop, ARTICLE_EN).await;

    // Back in history: the news list, then home.
    app.click("#back").await;
    app.wait_for_body("en", "news").await;
    wait_for_title(&desktop, NEWS_EN).await;
    app.js("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowLeft', altKey: true})); return null").await;
    app.wait_for_body("en", "home").await;
    app.click("#forward").await;
    app.wait_for_body("en", "news").await;
    app.quit().await;
}

#[tokio::test]
async fn home_in_lao_for_a_lao_desktop() {
    let desktop = Desktop::start();
    let profile = Profile::new();
    let app = App::launch(&desktop, &profile, "lo_LA.UTF-8", &[]).await;
    assert_eq!(app.page().await, ("lo".into(), "home".into()));
    wait_for_title(&desktop, HOME_LO).await;
    let nav = app
        .js("return [...document.querySelectorAll('#nav a')].map(a => a.textContent)")
        .await;
    assert_eq!(
        nav,
        serde_json::json!([
            "ໜ້າຫຼັກ",
            "ກ່ຽວກັບພວກເຮົາ",
            "ວຽກງານຂອງພວກເຮົາ",
            "ຂ່າວສານ",
            "ຕິດຕໍ່ພວກເຮົາ"
        ])
    );
    let languages = app
        .js("return [...document.querySelectorAll('#languages button')].map(b => b.textContent)")
        .await;
    assert_eq!(languages, serde_json::json!(["English", "ລາວ"]));
    screenshot(&app, &desktop, "home-lo").await;

    app.click("#about-button").await;
    // (About opens once it knows whether Restore applies: an answer from the store.)
    let about = wait_for("About", 50, || async {
        app.js("const d = document.getElementById('about'); return d.open ? d.textContent : null")
            .await
            .as_str()
            .map(str::to_string)
    })
    .await;
    assert!(
        about.contains("ເວີຊັນ 0.1.0")
            && about.contains("ເນື້ອໃນເວີຊັນ 1")
            && about.contains("ມາພ້ອມກັບໂປຣແກຣມອ່ານ"),
        "{about}"
    );
    app.click("#about button[type='submit']").await;
    assert_eq!(
        app.js("return document.getElementById('about').open").await,
        false
    );
    app.quit().await;
}

#[tokio::test]
async fn restart_remembers_language_page_and_position() {
    let desktop = Desktop::start();
    let profile = Profile::new();
    let app = App::launch(&desktop, &profile, "en_US.UTF-8", &[]).await;
    app.open_article().await;
    app.click("#languages button[data-locale='lo']").await;
    app.wait_for_body("lo", ARTICLE).await;
    app.click("#text-larger").await;
    app.click("#theme").await;
    assert_eq!(
        app.js("return document.documentElement.dataset.theme")
            .await,
        "dark"
    );
    app.scroll_to_block("news-country-strategy-p6").await;
    let prefs = profile.preferences_file();
    wait_for("the position to be saved", 50, || async {
        let text = std::fs::read_to_string(&prefs).ok()?;
        text.contains("news-country-strategy-p6").then_some(())
    })
    .await;
    app.quit().await;

    // Same user, even with an English OS locale: the choice wins.
    let app = App::launch(&desktop, &profile, "en_US.UTF-8", &[]).await;
    assert_eq!(app.page().await, ("lo".into(), ARTICLE.into()));
    // (Placed again when the Lao font has come: text laid out before it moves.)
    wait_for("the reading position", 50, || async {
        (app.top_block().await == "news-country-strategy-p6").then_some(())
    })
    .await;
    assert_eq!(
        app.js("return document.documentElement.style.getPropertyValue('--text-scale')")
            .await,
        "1.1"
    );
    assert_eq!(
        app.js("return document.documentElement.dataset.theme")
            .await,
        "dark"
    );
    app.scroll_to_top().await;
    screenshot(&app, &desktop, "article-lo-dark-larger").await;
    app.quit().await;
}

#[tokio::test]
async fn bad_ftl_content_directory_still_starts() {
    let content = content_copy();
    let broken = content.path().join("lo/pages/who-we-are.ftl");
    let text = std::fs::read_to_string(&broken).unwrap();
    let text = text.replacen("who-we-are-p1 = ", "who-we-are-p1 = { -org-short ", 1);
    // And script, in every form a translator could write it, in a good message.
    let attack = r#"who-we-are-p2 = ກ <script>window.__xss = 1</script><img src=x onerror="window.__xss = 2"> {"<"}script{">"}window.__xss = 3{"<"}/script{">"} <a href="javascript:window.__xss = 4">ລິ້ງ</a> <svg onload="window.__xss = 5"></svg> <a href="mailto:shtuladhar@iom.int">shtuladhar@iom.int</a>
who-we-are-p2-old = "#;
    let text = text.replacen("who-we-are-p2 = ", attack, 1);
    std::fs::write(&broken, text).unwrap();

    let desktop = Desktop::start();
    let profile = Profile::new();
    let dir = content.path().to_str().unwrap();
    let app = App::launch(&desktop, &profile, "lo_LA.UTF-8", &["--content", dir]).await;
    app.click("#nav a[data-slug='who-we-are']").await;
    app.wait_for_body("lo", "who-we-are").await;
    // The broken message shows in English, marked; the good ones in Lao.
    let p1 = app.js("const p = document.getElementById('who-we-are-p1'); return [p.lang, p.querySelector('.fallback-marker') !== null]").await;
    assert_eq!(p1, serde_json::json!(["en", true]));
    let p2 = app
        .js("return document.getElementById('who-we-are-p2').lang")
        .await;
    assert_eq!(p2, "");
    let log = app.quit().await;
    assert!(
        log.contains("lo/pages/who-we-are.ftl:") && log.contains("who-we-are-p1"),
        "the error is not logged with file, line and message:\n{log}"
    );
}

#[tokio::test]
async fn corrupt_preferences_give_defaults() {
    let desktop = Desktop::start();
    let profile = Profile::new();
    let prefs = profile.preferences_file();
    std::fs::create_dir_all(prefs.parent().unwrap()).unwrap();
    std::fs::write(
        &prefs,
        b"{\"locale\": \"lo\", \"lastSlug\": \x00\xff garbage",
    )
    .unwrap();
    let app = App::launch(&desktop, &profile, "en_US.UTF-8", &[]).await;
    assert_eq!(app.page().await, ("en".into(), "home".into()));
    let log = app.quit().await;
    assert!(log.contains("using defaults"), "{log}");
}

#[tokio::test]
async fn second_start_hands_over_to_the_running_window() {
    let desktop = Desktop::start();
    let profile = Profile::new();
    let app = App::launch(&desktop, &profile, "en_US.UTF-8", &[]).await;
    app.js("window.__sentinel = 1; return null").await;
    let mut second = Command::new(reader_e2e::app_binary())
        .envs(profile.env(&desktop, "en_US.UTF-8"))
        .spawn()
        .unwrap();
    let status = wait_for("the second instance to exit", 100, || {
        let status = second.try_wait().unwrap();
        async move { status }
    })
    .await;
    assert!(status.success(), "{status}");
    assert_eq!(desktop.window_titles().len(), 1, "a second window opened");
    assert_eq!(app.js("return window.__sentinel").await, 1);
    app.quit().await;
}

#[tokio::test]
async fn external_links_never_open_inside_the_app() {
    let desktop = Desktop::start();
    let profile = Profile::new();
    let app = App::launch(&desktop, &profile, "en_US.UTF-8", &[]).await;
    app.js("window.__sentinel = 1; return null").await;
    app.click("main a[href='https://laopdr.iom.int']").await;
    // The click is handed to the system browser (here `true`); the window stays on our page.
    wait_for("the link to be handed to the system", 50, || async {
        let log = std::fs::read_to_string(&app.log).ok()?;
        log.contains("opening https://laopdr.iom.int/ outside the app")
            .then_some(())
    })
    .await;
    assert_eq!(app.js("return location.protocol").await, "tauri:");
    assert_eq!(app.js("return window.__sentinel").await, 1);
    assert_eq!(app.page().await, ("en".into(), "home".into()));
    // A brief notice says where it went (#18, item 6).
    let notice = wait_for("the notice", 50, || async {
        app.js("return document.getElementById('notice').textContent || null")
            .await
            .as_str()
            .map(str::to_string)
    })
    .await;
    assert_eq!(notice, "Opening in your web browser…");
    screenshot(&app, &desktop, "link-notice-en").await;
    app.quit().await;
}

/// Links that leave the app say so: an icon, and "opens in your web browser" (or mail
/// program) as the link's description, in the reading language (#18, item 6).
#[tokio::test]
async fn links_out_of_the_app_are_marked() {
    let desktop = Desktop::start();
    let profile = Profile::new();
    let app = App::launch(&desktop, &profile, "lo_LA.UTF-8", &[]).await;
    app.js("document.querySelector(\"#nav a[data-slug='contacts']\").click(); return null")
        .await;
    app.wait_for_body("lo", "contacts").await;
    let links = app
        .js("return [...document.querySelectorAll('main a[href]')].map(a => [a.getAttribute('href').split(':')[0], a.classList.contains('external'), a.title, getComputedStyle(a, '::after').content])")
        .await;
    let links = links.as_array().unwrap();
    assert!(
        links.iter().any(|l| l[0] == "mailto") && links.iter().any(|l| l[0] == "https"),
        "{links:?}"
    );
    for link in links {
        let expected = if link[0] == "mailto" {
            "ເປີດໃນໂປຣແກຣມອີເມວຂອງທ່ານ"
        } else {
            "ເປີດໃນໂປຣແກຣມທ່ອງເວັບຂອງທ່ານ"
        };
        assert_eq!(link[1], true, "{link}");
        assert_eq!(link[2], expected, "{link}");
        assert!(link[3].as_str().unwrap().contains('↗'), "{link}");
    }
    // Pages of the app itself are not marked.
    assert_eq!(
        app.js("return document.querySelectorAll('main a[data-slug].external, #nav a.external').length")
            .await,
        0
    );
    app.quit().await;
}
