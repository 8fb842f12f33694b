//! The app never dies on content: started on a content folder holding the inputs of the
//! hostile-input review, it shows the readable content; a signed pack holding them is
//! refused in the reading language, and the app goes on.

use std::path::Path;
use std::process::Command;

use reader_e2e::{content_copy, wait_for, App, Desktop, Profile};

/// The shipped content, with what crashed or hung the reader before: a short `\u` escape
/// before Lao text (a parser panic), nesting 1,000 deep (a stack overflow), a byte-order
/// mark (a lost first message), script in a UI string.
fn hostile_content() -> tempfile::TempDir {
    let content = content_copy();
    let root = content.path();
    let append = |file: &str, text: &str| {
        let path = root.join(file);
        let mut all = std::fs::read_to_string(&path).unwrap();
        all.push_str(text);
        std::fs::write(path, all).unwrap();
    };
    append("lo/ui.ftl", "bad-escape = {\"\\u0ອ\"}\n");
    append(
        "lo/pages/home.ftl",
        &format!(
            "deep = {}x{}\nbad-escape-page = {{\"\\u0ອ\"}}\n",
            "{".repeat(1000),
            "}".repeat(1000)
        ),
    );
    let home = root.join("lo/pages/home.ftl");
    let text = std::fs::read_to_string(&home).unwrap();
    std::fs::write(&home, format!("\u{feff}{text}")).unwrap();
    append(
        "en/ui.ftl",
        "injected = &lt;script&gt;alert(1)&lt;/script&gt;\n",
    );
    content
}

#[tokio::test]
async fn a_hostile_content_folder_still_shows_its_readable_pages() {
    let content = hostile_content();
    let desktop = Desktop::start();
    let profile = Profile::new();
    let dir = content.path().to_str().unwrap().to_string();
    let app = App::launch(&desktop, &profile, "lo_LA.UTF-8", &["--content", &dir]).await;
    app.wait_for_page().await;
    // The home page, in Lao, its first message (after the byte-order mark) included.
    let (lang, slug) = app.page().await;
    assert_eq!((lang.as_str(), slug.as_str()), ("lo", "home"));
    let title = app
        .js("return document.querySelector('main h1').textContent")
        .await;
    assert_eq!(title.as_str().unwrap(), "ອົງການ IOM ປະຈຳ ສປປ ລາວ");
    // No script ran, and none is in the document.
    assert_eq!(
        app.js("return document.querySelectorAll('main script').length")
            .await,
        0
    );
    // Switching language and opening the article still work.
    app.open_article().await;
    app.quit().await;
}

#[tokio::test]
async fn a_signed_pack_with_hostile_content_is_refused_in_the_reading_language() {
    // A pack signed with the test key whose content holds the parser-panic escape; packs
    // are built by hand here (`reader pack build` refuses content with errors).
    let files = tempfile::tempdir().unwrap();
    let content = hostile_content();
    let root = content.path();
    std::fs::write(
        root.join("pack.toml"),
        "format = 1\npublisher = \"IOM Lao PDR\"\nversion = 2\ndate = \"2026-12-02\"\n",
    )
    .unwrap();
    let manifest = std::fs::read_to_string(root.join("manifest.toml")).unwrap();
    std::fs::write(
        root.join("manifest.toml"),
        manifest.replace("version = 1", "version = 2"),
    )
    .unwrap();
    let payload = files.path().join("payload.tar.gz");
    let status = Command::new("tar")
        .arg("czf")
        .arg(&payload)
        .arg("-C")
        .arg(root)
        .args([
            "pack.toml",
            "manifest.toml",
            "en/terms.ftl",
            "lo/terms.ftl",
            "en/pages",
            "lo/pages",
        ])
        .status()
        .unwrap();
    assert!(status.success());
    let key =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../keys/test.key"))
            .unwrap();
    let key = reader_core::pack::keys::parse_secret(&key).unwrap();
    let pack = files.path().join("hostile.pack");
    std::fs::write(
        &pack,
        reader_core::pack::sign(&std::fs::read(&payload).unwrap(), &key),
    )
    .unwrap();

    let desktop = Desktop::start();
    let profile = Profile::new();
    let app = App::launch(&desktop, &profile, "lo_LA.UTF-8", &[]).await;
    app.wait_for_page().await;
    app.js(&format!(
        "previewPack({:?}); return null",
        pack.to_string_lossy()
    ))
    .await;
    let error = wait_for("the refusal", 100, || async {
        app.js("const e = document.getElementById('pack-error'); return e.hidden ? null : e.textContent")
            .await
            .as_str()
            .map(str::to_string)
    })
    .await;
    // "the pages of this pack have errors", in Lao.
    assert!(error.contains("ມີຂໍ້ຜິດພາດ"), "{error}");
    assert_eq!(
        app.js("return document.getElementById('pack-install').hidden")
            .await,
        true
    );
    // The app is still there and reading.
    app.click("#pack-cancel").await;
    app.open_article().await;
    app.quit().await;
}
