//! Importing content in the real app (a build for tests, which trusts the test key): the
//! import is started as the import command starts it (the native dialog itself can't be
//! driven over WebDriver), the preview shows what the pack brings, the install shows the new
//! page, restore takes it away again; a refused pack says why and changes nothing.

use std::path::{Path, PathBuf};
use std::process::Command;

use reader_e2e::web::reader_binary;
use reader_e2e::{content_copy, distinct_colours, wait_for, App, Desktop, Profile};

/// A version-2 pack of the shipped content with one more article, signed with the test key.
fn pack_with_new_article(dir: &Path) -> PathBuf {
    let content = content_copy();
    let root = content.path();
    let manifest = std::fs::read_to_string(root.join("manifest.toml")).unwrap();
    let article = "\n[[pages]]\nslug = \"news/pack-test\"\nsection = \"news\"\ndate = \"2026-11-28\"\nblocks = [\n  { id = \"news-pack-test-title\", kind = \"title\" },\n  { id = \"news-pack-test-p1\", kind = \"paragraph\" },\n]\n";
    std::fs::write(root.join("manifest.toml"), manifest + article).unwrap();
    std::fs::write(root.join("en/pages/news/pack-test.ftl"), "news-pack-test-title = Test update\nnews-pack-test-p1 = A page that came in a content pack.\n").unwrap();
    std::fs::write(
        root.join("lo/pages/news/pack-test.ftl"),
        "news-pack-test-title = ການປັບປຸງທົດລອງ\nnews-pack-test-p1 = ໜ້ານີ້ມາຈາກຊຸດເນື້ອໃນ.\n",
    )
    .unwrap();
    let key = Path::new(env!("CARGO_MANIFEST_DIR")).join("../keys/test.key");
    let out = dir.join("update.pack");
    let status = Command::new(reader_binary())
        .args(["pack", "build"])
        .arg(root)
        .arg("--key")
        .arg(&key)
        .args(["--version", "2", "-o"])
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    out
}

async fn preview(app: &App, path: &Path) {
    app.js(&format!(
        "previewPack({:?}); return null",
        path.to_string_lossy()
    ))
    .await;
    wait_for("the pack preview", 100, || async {
        app.js("const d = document.getElementById('pack-preview'); return d.open && (document.getElementById('pack-details').children.length > 0 || !document.getElementById('pack-error').hidden)")
            .await
            .as_bool()
            .filter(|v| *v)
    })
    .await;
}

#[tokio::test]
async fn import_shows_the_new_page_and_restore_takes_it_back() {
    let files = tempfile::tempdir().unwrap();
    let pack = pack_with_new_article(files.path());
    let desktop = Desktop::start();
    let profile = Profile::new();
    let app = App::launch(&desktop, &profile, "lo_LA.UTF-8", &[]).await;

    preview(&app, &pack).await;
    let details = app
        .js("return document.getElementById('pack-details').textContent")
        .await;
    let details = details.as_str().unwrap();
    // The new page by its Lao title, the date in the Lao form (not a slug, not ISO).
    assert!(
        details.contains("IOM Lao PDR")
            && details.contains("ການປັບປຸງທົດລອງ")
            && details.contains("29 ພະຈິກ 2026")
            && !details.contains("news/pack-test")
            && !details.contains("2026-11-29"),
        "{details}"
    );
    let shot = app.screenshot(&desktop, "pack-preview-lo").await;
    assert!(distinct_colours(&shot) > 50);

    app.click("#pack-install").await;
    // Done when the new content is showing (the toolbar is rebuilt, then the message set).
    wait_for("the install", 100, || async {
        app.js("return !document.getElementById('pack-preview').open && !document.getElementById('content-message').hidden")
            .await
            .as_bool()
            .filter(|v| *v)
    })
    .await;
    // WebKitWebDriver now and then refuses a pointer click (an empty error) just after a
    // modal dialog closed, though the link shows and takes clicks: this step clicks in the
    // page, through the same handler.
    app.js("document.querySelector(\"#nav a[data-slug='news']\").click(); return null")
        .await;
    app.wait_for_body("lo", "news").await;
    app.click("main a[data-slug='news/pack-test']").await;
    app.wait_for_body("lo", "news/pack-test").await;
    let title = app
        .js("return document.querySelector('main h1').textContent")
        .await;
    // Its Lao was never recorded as translated from this English: marked as possibly outdated.
    assert!(
        title.as_str().unwrap().starts_with("ການປັບປຸງທົດລອງ"),
        "{title}"
    );
    // About shows the new content version, and that it was imported, not built in.
    app.click("#about-button").await;
    let about = app
        .js("return document.getElementById('about').textContent")
        .await;
    let about = about.as_str().unwrap();
    assert!(
        about.contains("ເນື້ອໃນເວີຊັນ 2") && about.contains("ນຳເຂົ້າຈາກຊຸດເນື້ອໃນ"),
        "{about}"
    );

    // The same pack again: refused, nothing changes.
    app.click("#about-close").await;
    preview(&app, &pack).await;
    let error = app
        .js("return document.getElementById('pack-error').textContent")
        .await;
    assert!(
        error.as_str().unwrap().starts_with("ເນື້ອໃນນີ້ ບໍ່ໃໝ່ກວ່າ"),
        "{error}"
    );
    app.click("#pack-cancel").await;

    // Restore (#18, item 4): asked first, the answer "no" changes nothing; then the
    // built-in content, without the new page, at the same place in the article.
    app.open_article().await;
    app.scroll_to_block("news-country-strategy-p5").await;
    app.click("#about-button").await;
    app.click("#restore-button").await;
    let asked = app
        .js("return [!document.getElementById('restore-confirm').hidden, document.activeElement.id]")
        .await;
    assert_eq!(asked, serde_json::json!([true, "restore-no"]));
    app.click("#restore-no").await;
    let kept = app
        .js("return [document.getElementById('restore-confirm').hidden, document.getElementById('content-message').hidden, document.activeElement.id, document.getElementById('about').textContent.includes('ເນື້ອໃນເວີຊັນ 2')]")
        .await;
    assert_eq!(
        kept,
        serde_json::json!([true, true, "restore-button", true])
    );
    app.click("#restore-button").await;
    app.click("#restore-yes").await;
    // The message shows once the content is back (the import's was cleared when asked).
    wait_for("the restored content", 100, || async {
        app.js("const m = document.getElementById('content-message'); return !m.hidden && m.textContent")
            .await
            .as_str()
            .filter(|t| !t.is_empty())
            .map(str::to_string)
    })
    .await;
    app.click("#about-close").await;
    assert_eq!(
        app.page().await,
        ("lo".into(), "news/country-strategy".into())
    );
    assert_eq!(
        app.top_block().await,
        "news-country-strategy-p5",
        "the restore lost the reading position"
    );
    app.js("document.querySelector(\"#nav a[data-slug='news']\").click(); return null")
        .await;
    app.wait_for_body("lo", "news").await;
    assert_eq!(
        app.js("return document.querySelectorAll(\"main a[data-slug='news/pack-test']\").length")
            .await,
        0
    );
    app.quit().await;
}

#[tokio::test]
async fn a_tampered_pack_is_refused_in_the_reading_language() {
    let files = tempfile::tempdir().unwrap();
    let pack = pack_with_new_article(files.path());
    let mut bytes = std::fs::read(&pack).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    let tampered = files.path().join("tampered.pack");
    std::fs::write(&tampered, bytes).unwrap();
    let desktop = Desktop::start();
    let profile = Profile::new();
    let app = App::launch(&desktop, &profile, "lo_LA.UTF-8", &[]).await;
    preview(&app, &tampered).await;
    let error = app
        .js("return document.getElementById('pack-error').textContent")
        .await;
    assert!(
        error.as_str().unwrap().contains("ເສຍຫາຍ ຫຼື ຖືກແກ້ໄຂ"),
        "{error}"
    );
    assert_eq!(
        app.js("return document.getElementById('pack-install').hidden")
            .await,
        true
    );
    let shot = app.screenshot(&desktop, "pack-refused-lo").await;
    assert!(distinct_colours(&shot) > 50);
    app.quit().await;
}

/// About opens on Close (Enter closes it, it starts nothing); with nothing installed,
/// Restore is disabled and says why (#18, item 4: the dialog opened on "Import content…").
#[tokio::test]
async fn about_opens_on_close_and_says_why_restore_is_off() {
    let desktop = Desktop::start();
    let profile = Profile::new();
    let app = App::launch(&desktop, &profile, "lo_LA.UTF-8", &[]).await;
    app.wait_for_body("lo", "home").await;
    app.click("#about-button").await;
    let about = wait_for("About's restore state", 50, || async {
        let v = app
            .js("const r = document.getElementById('restore-button'), note = document.getElementById('restore-note');
                 return document.getElementById('about').open ? [document.activeElement.id, r.disabled, !note.hidden && note.textContent, r.getAttribute('aria-describedby')] : null")
            .await;
        v.as_array().cloned()
    })
    .await;
    assert_eq!(
        about,
        [
            serde_json::json!("about-close"),
            serde_json::json!(true),
            serde_json::json!("ບໍ່ມີເນື້ອໃນກ່ອນໜ້າ ທີ່ຈະກັບຄືນໄປ."),
            serde_json::json!("restore-note"),
        ]
    );
    let shot = app.screenshot(&desktop, "about-lo").await;
    assert!(distinct_colours(&shot) > 50);
    // Enter on the focused button: the dialog closes, no import starts.
    app.client
        .active_element()
        .await
        .unwrap()
        .send_keys("\u{E007}")
        .await
        .unwrap();
    wait_for("About to close", 50, || async {
        app.js("return !document.getElementById('about').open && !document.getElementById('pack-preview').open")
            .await
            .as_bool()
            .filter(|v| *v)
    })
    .await;
    app.quit().await;
}
