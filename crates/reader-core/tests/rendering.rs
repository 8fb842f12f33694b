//! Rendering the shipped content and content with deliberate faults, through the public
//! API only (what the app, the CLI and `serve` use).

use std::path::Path;

use reader_core::{ContentSource, Library};

mod common;
use common::{copy_tree, locales_dir};

fn shipped() -> Library {
    Library::load(ContentSource::Embedded).expect("embedded content loads")
}

/// A copy of the shipped content in a temporary directory, to break on purpose.
fn content_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(locales_dir(), dir.path());
    dir
}

fn load_dir(dir: &Path) -> Library {
    Library::load(ContentSource::Directory(dir.to_path_buf())).expect("content loads")
}

/// Replaces one message's line in a resource (messages here are one line each).
fn replace_message(dir: &Path, file: &str, id: &str, new_line: Option<&str>) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut found = false;
    let lines: Vec<String> = text
        .lines()
        .filter_map(|line| {
            if line.starts_with(&format!("{id} =")) {
                found = true;
                new_line.map(str::to_string)
            } else {
                Some(line.to_string())
            }
        })
        .collect();
    assert!(found, "{id} not in {file}");
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

#[test]
fn every_page_renders_in_both_locales_without_fallback() {
    let library = shipped();
    assert!(
        library.diagnostics().is_empty(),
        "{:?}",
        library.diagnostics()
    );
    let codes: Vec<&str> = library.locales().iter().map(|l| l.code.as_str()).collect();
    assert_eq!(codes, ["en", "lo"]);
    assert_eq!(library.source_locale(), "en");
    for page in &library.manifest().pages {
        for locale in ["en", "lo"] {
            let rendered = library
                .render_page(&library.locale(locale).unwrap(), &page.slug)
                .unwrap();
            assert!(
                rendered.report.fallbacks.is_empty(),
                "{locale}/{}: {:?}",
                page.slug,
                rendered.report
            );
            assert!(!rendered.title.as_str().is_empty());
            for block in &page.blocks {
                assert!(
                    rendered.html.contains(&format!("id=\"{}\"", block.id)),
                    "{locale}/{}: no element with id {}",
                    page.slug,
                    block.id
                );
            }
        }
    }
}

#[test]
fn snapshots_of_every_page_in_both_locales() {
    let library = shipped();
    for page in &library.manifest().pages {
        for locale in ["en", "lo"] {
            let html = library
                .render_page(&library.locale(locale).unwrap(), &page.slug)
                .unwrap()
                .html;
            let name = format!("{locale}__{}", page.slug.replace('/', "__"));
            insta::assert_snapshot!(name, html);
        }
    }
}

#[test]
fn article_shows_its_date_quotes_and_contacts() {
    let library = shipped();
    let en = library
        .render_page(&library.locale("en").unwrap(), "news/country-strategy")
        .unwrap()
        .html;
    assert!(
        en.contains(r#"<time datetime="2022-02-24">24 February 2022</time>"#),
        "{en}"
    );
    assert_eq!(en.matches("<blockquote").count(), 2);
    assert_eq!(en.matches("<figcaption").count(), 2);
    assert!(en.contains(r#"href="mailto:shtuladhar@iom.int""#));
    assert!(en.contains(r#"href="mailto:tousavang@iom.int""#));
    let lo = library
        .render_page(&library.locale("lo").unwrap(), "news/country-strategy")
        .unwrap()
        .html;
    assert!(
        lo.contains(r#"<time datetime="2022-02-24">24 ກຸມພາ 2022</time>"#),
        "{lo}"
    );
    assert!(lo.contains(r#"<article class="page" lang="lo""#));
}

#[test]
fn our_work_lists_the_seven_areas() {
    let library = shipped();
    let html = library
        .render_page(&library.locale("en").unwrap(), "our-work")
        .unwrap()
        .html;
    assert_eq!(html.matches("<ul class=\"items\">").count(), 1);
    assert_eq!(html.matches("<li id=\"our-work-area-").count(), 7);
}

#[test]
fn home_lists_the_news_articles_not_the_news_page() {
    let library = shipped();
    let html = library
        .render_page(&library.locale("en").unwrap(), "home")
        .unwrap()
        .html;
    assert_eq!(html.matches("<li><a href=").count(), 1, "{html}");
    assert!(html.contains(r#"data-slug="news/country-strategy""#));
}

#[test]
fn news_lists_the_article() {
    let library = shipped();
    let html = library
        .render_page(&library.locale("lo").unwrap(), "news")
        .unwrap()
        .html;
    assert!(
        html.contains(r#"href="/lo/news/country-strategy" data-slug="news/country-strategy""#),
        "{html}"
    );
}

#[test]
fn message_missing_in_lao_shows_english_marked() {
    let dir = content_copy();
    replace_message(dir.path(), "lo/pages/who-we-are.ftl", "who-we-are-p2", None);
    let library = load_dir(dir.path());
    let page = library
        .render_page(&library.locale("lo").unwrap(), "who-we-are")
        .unwrap();
    assert_eq!(page.report.fallbacks.len(), 1);
    assert_eq!(page.report.fallbacks[0].id, "who-we-are-p2");
    assert_eq!(page.report.fallbacks[0].shown, "en");
    let block = element_with_id(&page.html, "who-we-are-p2");
    assert!(block.contains(r#"lang="en""#), "{block}");
    assert!(block.contains("fallback"), "{block}");
    assert!(
        block.contains(r#"<span class="marker fallback-marker" data-marker="fallback" role="note" lang="lo">ຍັງບໍ່ທັນແປ"#),
        "{block}"
    );
    assert!(
        page.html.contains(r#"<p class="translation-status" role="note">1 ຫຍໍ້ໜ້າ ສະແດງເປັນພາສາອັງກິດ · ການແປຍັງບໍ່ທັນໄດ້ຮັບການກວດກາ</p>"#),
        "{}",
        page.html
    );
    // The others stay Lao and unmarked.
    let other = element_with_id(&page.html, "who-we-are-p1");
    assert!(
        !other.contains("lang=") && !other.contains("fallback"),
        "{other}"
    );
}

#[test]
fn missing_lao_term_falls_back_whole_message() {
    let dir = content_copy();
    replace_message(dir.path(), "lo/terms.ftl", "-org-short", None);
    let library = load_dir(dir.path());
    let page = library
        .render_page(&library.locale("lo").unwrap(), "home")
        .unwrap();
    assert!(page.report.fallbacks.iter().any(|f| f.id == "home-title"
        && matches!(f.reason, reader_core::l10n::FallbackReason::FormatError(_))));
    assert!(
        !page.html.contains("{-org-short}"),
        "an unresolved term reached the page"
    );
}

#[test]
fn page_missing_in_lao_is_english_with_a_lao_notice() {
    let dir = content_copy();
    std::fs::remove_file(dir.path().join("lo/pages/who-we-are.ftl")).unwrap();
    let library = load_dir(dir.path());
    let page = library
        .render_page(&library.locale("lo").unwrap(), "who-we-are")
        .unwrap();
    assert!(page
        .html
        .contains(r#"<p class="page-notice" role="note">ໜ້ານີ້ຍັງບໍ່ທັນໄດ້ແປເປັນພາສາລາວ"#));
    assert!(element_with_id(&page.html, "who-we-are-p1").contains(r#"lang="en""#));
    assert_eq!(page.report.fallbacks.len(), 3);
}

#[test]
fn malformed_ftl_keeps_the_good_messages_and_reports_position() {
    let dir = content_copy();
    replace_message(
        dir.path(),
        "lo/pages/who-we-are.ftl",
        "who-we-are-p1",
        Some("who-we-are-p1 = ບໍ່ຄົບ { -org-short"),
    );
    let library = load_dir(dir.path());
    let diagnostics = library.diagnostics();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let d = &diagnostics[0];
    assert_eq!(d.file, "lo/pages/who-we-are.ftl");
    assert_eq!(d.message_id.as_deref(), Some("who-we-are-p1"));
    let text = std::fs::read_to_string(dir.path().join(&d.file)).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("who-we-are-p1 ="))
        .unwrap()
        + 1;
    // fluent-syntax reports where it noticed: at the unclosed placeable or the line after.
    assert!(
        d.line == line || d.line == line + 1,
        "line {} for a message on line {line}",
        d.line
    );
    assert!(d.column >= 1);
    let page = library
        .render_page(&library.locale("lo").unwrap(), "who-we-are")
        .unwrap();
    // The broken message falls back; its neighbours still show in Lao.
    assert!(element_with_id(&page.html, "who-we-are-p1").contains(r#"lang="en""#));
    assert!(!element_with_id(&page.html, "who-we-are-p2").contains("lang="));
    assert!(!element_with_id(&page.html, "who-we-are-title").contains("lang="));
}

#[test]
fn markup_and_script_in_messages_render_inert() {
    let dir = content_copy();
    let attacks = [
        r#"who-we-are-p1 = ກ <script>alert(1)</script> <img src=x onerror="alert(2)"> <a href="javascript:alert(3)">x</a>"#,
        r#"who-we-are-p2 = ຂ <iframe src="https://www.iom.int"></iframe><svg onload="alert(4)"><circle/></svg> {"<"}script{">"}alert(5){"<"}/script{">"} <a href="mailto:shtuladhar@iom.int" onclick="alert(6)">mail</a>"#,
    ];
    for attack in attacks {
        let id = attack.split(' ').next().unwrap();
        replace_message(dir.path(), "lo/pages/who-we-are.ftl", id, Some(attack));
    }
    let library = load_dir(dir.path());
    let html = library
        .render_page(&library.locale("lo").unwrap(), "who-we-are")
        .unwrap()
        .html
        .to_lowercase();
    for forbidden in [
        "<script",
        "onerror",
        "onload",
        "onclick",
        "javascript:",
        "<iframe",
        "<svg",
        "<img",
        "alert(",
    ] {
        assert!(
            !html.contains(forbidden),
            "`{forbidden}` reached the page:\n{html}"
        );
    }
    assert!(
        html.contains(
            r#"href="mailto:shtuladhar@iom.int" rel="noopener noreferrer external">mail</a>"#
        ),
        "{html}"
    );
}

#[test]
fn unknown_pages_and_locales_render_nothing() {
    let library = shipped();
    assert!(library
        .render_page(&library.locale("lo").unwrap(), "nope")
        .is_none());
    // An unknown locale never gets as far as rendering: it is no `Locale`.
    assert!(library.locale("fr").is_none());
    let not_found = library.render_not_found(&library.locale("lo").unwrap());
    assert!(not_found.html.contains("ບໍ່ພົບໜ້ານີ້"));
    assert!(library
        .render_not_found(library.source_locale())
        .html
        .contains("Page not found"));
}

#[test]
fn a_directory_without_manifest_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    assert!(Library::load(ContentSource::Directory(dir.path().into())).is_err());
    assert!(Library::load(ContentSource::Directory(dir.path().join("missing"))).is_err());
}

/// The manifest is read on its own (while the other files are), by the same rules: a link
/// or a FIFO in its place is not followed or waited on — the content has no manifest.
#[cfg(unix)]
#[test]
fn a_manifest_that_is_a_link_or_a_fifo_is_missing() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::copy(
        locales_dir().join("manifest.toml"),
        outside.path().join("manifest.toml"),
    )
    .unwrap();
    for make in ["link", "fifo"] {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(locales_dir(), dir.path());
        let manifest = dir.path().join("manifest.toml");
        std::fs::remove_file(&manifest).unwrap();
        if make == "link" {
            std::os::unix::fs::symlink(outside.path().join("manifest.toml"), &manifest).unwrap();
        } else {
            let made = std::process::Command::new("mkfifo").arg(&manifest).status();
            assert!(made.unwrap().success());
        }
        match Library::load(ContentSource::Directory(dir.path().into())) {
            Err(reader_core::LoadError::MissingManifest) => {}
            other => panic!("{make}: {:?}", other.map(|_| ())),
        }
    }
}

#[test]
fn chrome_names_each_locale_in_its_own_script() {
    let library = shipped();
    let chrome = library.chrome(&library.locale("lo").unwrap(), "1.2.3");
    let names: Vec<_> = chrome
        .locales
        .iter()
        .map(|l| l.native_name.as_str())
        .collect();
    assert_eq!(names, ["English", "ລາວ"]);
    // The window's title: the page's and the app's name, in the reading language.
    let home = library
        .render_page(&library.locale("lo").unwrap(), "home")
        .unwrap();
    assert_eq!(
        library.window_title("lo", &home.title).as_str(),
        "ອົງການ IOM ປະຈຳ ສປປ ລາວ — ໂປຣແກຣມອ່ານ IOM ສປປ ລາວ"
    );
    assert!(home
        .html
        .contains("data-window-title=\"ອົງການ IOM ປະຈຳ ສປປ ລາວ — ໂປຣແກຣມອ່ານ IOM ສປປ ລາວ\""));
    assert_eq!(
        library
            .window_title(
                "en",
                &reader_core::sanitize::PlainText::verbatim("<News & more>")
            )
            .as_str(),
        "<News & more> — IOM Lao PDR Reader"
    );
    assert!(chrome.strings["about-app"].as_str().contains("1.2.3"));
    assert!(chrome.strings["about-content"]
        .as_str()
        .ends_with("ມາພ້ອມກັບໂປຣແກຣມອ່ານ"));
    assert!(library
        .chrome(&library.locale("en").unwrap(), "1.2.3")
        .strings["about-content"]
        .as_str()
        .ends_with("built into the reader"));
    assert_eq!(chrome.nav.len(), 5);
    assert_eq!(chrome.nav[0].label.as_str(), "ໜ້າຫຼັກ");
    assert_eq!(chrome.nav[4].label.as_str(), "ຕິດຕໍ່ພວກເຮົາ");
}

/// The element whose `id` is `id`, as text up to its end tag (one line in our output).
fn element_with_id<'a>(html: &'a str, id: &str) -> &'a str {
    let needle = format!("id=\"{id}\"");
    html.lines()
        .find(|line| line.contains(&needle))
        .unwrap_or_else(|| panic!("no element with id {id} in\n{html}"))
}

#[test]
fn english_changed_since_translation_marks_the_lao_block_outdated() {
    let dir = content_copy();
    replace_message(
        dir.path(),
        "en/pages/who-we-are.ftl",
        "who-we-are-p2",
        Some("who-we-are-p2 = { -org-short } has had a presence in { -country-name } since 2002, and this sentence is new."),
    );
    let library = load_dir(dir.path());
    let page = library
        .render_page(&library.locale("lo").unwrap(), "who-we-are")
        .unwrap();
    let block = element_with_id(&page.html, "who-we-are-p2");
    assert!(
        block.contains("outdated") && block.contains(r#"data-marker="outdated""#),
        "{block}"
    );
    assert!(
        !block.contains(r#"lang="en""#),
        "an outdated block still shows the translation: {block}"
    );
    assert!(
        page.html.contains("1 ຫຍໍ້ໜ້າ ອາດບໍ່ແມ່ນສະບັບຫຼ້າສຸດ"),
        "{}",
        page.html
    );
    assert!(!element_with_id(&page.html, "who-we-are-p1").contains("outdated"));
    // English readers see nothing of it.
    let en = library
        .render_page(&library.locale("en").unwrap(), "who-we-are")
        .unwrap()
        .html;
    assert!(
        !en.contains("marker") && !en.contains("translation-status"),
        "{en}"
    );
}

#[test]
fn approved_and_current_pages_have_no_status_line() {
    let dir = content_copy();
    let library = load_dir(dir.path());
    let change = reader_core::status::record(
        &library,
        &library.locale("lo").unwrap(),
        &reader_core::status::Scope::Page("who-we-are".into()),
        reader_core::status::RecordAction::Approve,
    )
    .unwrap();
    for (path, text) in change.files {
        std::fs::write(dir.path().join(path), text).unwrap();
    }
    let library = load_dir(dir.path());
    let html = library
        .render_page(&library.locale("lo").unwrap(), "who-we-are")
        .unwrap()
        .html;
    assert!(!html.contains("translation-status"), "{html}");
    assert!(library
        .render_page(&library.locale("lo").unwrap(), "home")
        .unwrap()
        .html
        .contains("translation-status"));
    // Changing the approved Lao text makes it unreviewed again.
    replace_message(
        dir.path(),
        "lo/pages/who-we-are.ftl",
        "who-we-are-p1",
        Some("who-we-are-p1 = ຂໍ້ຄວາມໃໝ່"),
    );
    let library = load_dir(dir.path());
    let html = library
        .render_page(&library.locale("lo").unwrap(), "who-we-are")
        .unwrap()
        .html;
    assert!(html.contains("ການແປຍັງບໍ່ທັນໄດ້ຮັບການກວດກາ"), "{html}");
}

#[test]
fn side_by_side_aligns_blocks_by_message_id() {
    let library = shipped();
    for locale in ["en", "lo"] {
        let page = library
            .render_side_by_side(&library.locale(locale).unwrap(), "news/country-strategy")
            .unwrap();
        let manifest_page = library.manifest().page("news/country-strategy").unwrap();
        let pairs: Vec<&str> = page
            .html
            .lines()
            .filter_map(|l| l.strip_prefix(r#"<div class="pair" id=""#))
            .map(|l| l.trim_end_matches("\">"))
            .collect();
        let ids: Vec<&str> = manifest_page.blocks.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(pairs, ids);
        assert!(page.html.contains(r#"data-left="en" data-right="lo""#));
        // One id per pair: the columns' blocks carry none.
        assert_eq!(page.html.matches(" id=\"").count(), ids.len());
    }
    insta::assert_snapshot!(
        "side_by_side__lo__who-we-are",
        library
            .render_side_by_side(&library.locale("lo").unwrap(), "who-we-are")
            .unwrap()
            .html
    );
}

#[test]
fn corrupt_or_stray_records_never_crash() {
    let dir = content_copy();
    std::fs::write(
        dir.path().join("lo/pages/home.status.toml"),
        "home-title = { source = ",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("lo/pages/news.status.toml"),
        "no-such-message = { source = \"0123456789abcdef\" }\n",
    )
    .unwrap();
    let library = load_dir(dir.path());
    assert_eq!(library.records().corrupt.len(), 1);
    assert_eq!(
        library.records().corrupt[0].file,
        "lo/pages/home.status.toml"
    );
    assert_eq!(library.records().obsolete.len(), 1);
    assert_eq!(
        library.records().obsolete[0].message_id.as_deref(),
        Some("no-such-message")
    );
    // Without its records the page is shown, marked as possibly outdated.
    let html = library
        .render_page(&library.locale("lo").unwrap(), "home")
        .unwrap()
        .html;
    assert!(html.contains(r#"data-marker="outdated""#));
}

/// Fault 14 of the hostile-input review: 1,500 nested folders overflowed the stack in the
/// directory walk. A content folder deeper than the limit is refused, naming the folder.
#[test]
fn folders_nested_past_the_limit_are_refused_not_a_stack_overflow() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(locales_dir(), dir.path());
    let mut deep = dir.path().join("lo/pages");
    for _ in 0..1_500 {
        deep.push("d");
    }
    std::fs::create_dir_all(&deep).unwrap();
    match Library::load(ContentSource::Directory(dir.path().into())) {
        Err(reader_core::LoadError::TooDeep { path, .. }) => {
            assert!(
                path.starts_with(dir.path().join("lo/pages/d")),
                "{}",
                path.display()
            )
        }
        other => panic!("{:?}", other.map(|_| ())),
    }
    // Shallow folders load as before.
    let dir = tempfile::tempdir().unwrap();
    copy_tree(locales_dir(), dir.path());
    std::fs::create_dir_all(dir.path().join("lo/pages/a/b/c")).unwrap();
    assert!(Library::load(ContentSource::Directory(dir.path().into())).is_ok());
}
