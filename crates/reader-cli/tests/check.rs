//! `reader check`, `status`, `render`, `mark-translated` and `approve`, run as a translator
//! runs them, on a small content directory built clean and then broken one way per test:
//! each problem is reported exactly once, at its place, with the right exit status.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

const READER: &str = env!("CARGO_BIN_EXE_reader");

fn write(dir: &Path, file: &str, text: &str) {
    let path = dir.join(file);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn reader(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(READER).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A clean content directory: one page, terms, UI strings, a variable and an attribute,
/// translated, recorded and approved.
fn clean_content() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "manifest.toml",
        r#"format = 1
version = 1
date = "2026-01-01"

[[pages]]
slug = "home"
section = "home"
nav = true
blocks = [{ id = "home-title", kind = "title" }, { id = "home-p1", kind = "paragraph" }]
"#,
    );
    write(d, "en/terms.ftl", "-org = IOM\n");
    write(d, "lo/terms.ftl", "-org = ໄອໂອເອັມ\n");
    write(
        d,
        "en/ui.ftl",
        "locale-name = English\nwindow-title = { -org }\ngreeting = Hello { $name }\n",
    );
    write(
        d,
        "lo/ui.ftl",
        "locale-name = ລາວ\nwindow-title = { -org }\ngreeting = ສະບາຍດີ { $name }\n",
    );
    write(
        d,
        "en/pages/home.ftl",
        "home-title = Home\n    .nav = Home\nhome-p1 = Welcome to { -org }.\n",
    );
    write(
        d,
        "lo/pages/home.ftl",
        "home-title = ໜ້າຫຼັກ\n    .nav = ໜ້າຫຼັກ\nhome-p1 = ຍິນດີຕ້ອນຮັບສູ່ { -org }.\n",
    );
    let content = d.to_str().unwrap();
    assert_eq!(reader(&["mark-translated", "--content", content]).0, 0);
    assert_eq!(reader(&["approve", "--content", content]).0, 0);
    dir
}

/// `reader check --format json`: exit status and (kind, file, line) of every finding.
fn check(dir: &Path, strict: bool) -> (i32, Vec<(String, String, u64)>) {
    let mut args = vec![
        "check",
        "--content",
        dir.to_str().unwrap(),
        "--format",
        "json",
    ];
    if strict {
        args.push("--strict");
    }
    let (code, stdout, stderr) = reader(&args);
    let json: Value =
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout} {stderr}"));
    let findings = ["errors", "warnings"]
        .iter()
        .flat_map(|key| json[key].as_array().unwrap().clone())
        .map(|f| {
            (
                f["kind"].as_str().unwrap().to_string(),
                f["file"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    (code, findings)
}

fn kinds(findings: &[(String, String, u64)]) -> Vec<&str> {
    findings.iter().map(|(k, _, _)| k.as_str()).collect()
}

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from:?} not in {file}");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn clean_content_passes_even_strict() {
    let dir = clean_content();
    assert_eq!(check(dir.path(), true), (0, vec![]));
    let (code, stdout, _) = reader(&["check", "--content", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(stdout.ends_with("0 error(s), 0 warning(s)\n"), "{stdout}");
}

#[test]
fn every_syntax_error_with_its_position() {
    let dir = clean_content();
    edit(
        dir.path(),
        "lo/pages/home.ftl",
        "home-p1 = ຍິນດີຕ້ອນຮັບສູ່ { -org }.",
        "home-p1 = ຍິນດີ { -org\nhome-p2 = { oops",
    );
    edit(
        dir.path(),
        "lo/ui.ftl",
        "greeting = ສະບາຍດີ { $name }",
        "greeting = ສະບາຍດີ { $name",
    );
    let (code, findings) = check(dir.path(), false);
    assert_eq!(code, 1);
    let syntax: Vec<_> = findings.iter().filter(|f| f.0 == "syntax").collect();
    assert_eq!(syntax.len(), 3, "{findings:?}");
    assert!(syntax
        .iter()
        .any(|f| f.1 == "lo/pages/home.ftl" && f.2 >= 3));
    assert!(syntax.iter().any(|f| f.1 == "lo/ui.ftl" && f.2 >= 3));
    // The lost messages are not reported again as missing.
    assert!(
        !kinds(&findings).contains(&"missing-message"),
        "{findings:?}"
    );
    let (_, text, _) = reader(&["check", "--content", dir.path().to_str().unwrap()]);
    assert!(
        text.contains("lo/pages/home.ftl:4:") || text.contains("lo/pages/home.ftl:3:"),
        "{text}"
    );
    assert!(text.contains("error[syntax]"), "{text}");
}

/// Each fault, the one finding it must produce, and whether it is an error.
#[test]
fn each_error_and_warning_kind_exactly_once() {
    type Fault = fn(&Path);
    let cases: Vec<(&str, Fault, &str, bool)> = vec![
        (
            "unknown-reference",
            |d| edit(d, "lo/pages/home.ftl", "{ -org }.", "{ -org } { nope }."),
            "lo/pages/home.ftl",
            true,
        ),
        (
            "missing-term",
            |d| write(d, "lo/terms.ftl", "# no terms\n"),
            "lo/terms.ftl",
            true,
        ),
        (
            "variables-differ",
            |d| edit(d, "lo/ui.ftl", "ສະບາຍດີ { $name }", "ສະບາຍດີ { $who }"),
            "lo/ui.ftl",
            true,
        ),
        (
            "attributes-differ",
            |d| edit(d, "lo/pages/home.ftl", "    .nav = ໜ້າຫຼັກ\n", ""),
            "lo/pages/home.ftl",
            true,
        ),
        (
            "duplicate-id",
            |d| {
                edit(
                    d,
                    "lo/ui.ftl",
                    "locale-name = ລາວ\n",
                    "locale-name = ລາວ\nlocale-name = ລາວ\n",
                )
            },
            "lo/ui.ftl",
            true,
        ),
        (
            "block-without-message",
            |d| {
                edit(
                    d,
                    "manifest.toml",
                    r#"{ id = "home-p1", kind = "paragraph" }"#,
                    r#"{ id = "home-p1", kind = "paragraph" }, { id = "home-p2", kind = "paragraph" }"#,
                )
            },
            "en/pages/home.ftl",
            true,
        ),
        (
            "page-without-resource",
            |d| {
                let manifest = std::fs::read_to_string(d.join("manifest.toml")).unwrap();
                let extra = "\n[[pages]]\nslug = \"about\"\nsection = \"home\"\nblocks = [{ id = \"about-title\", kind = \"title\" }]\n";
                std::fs::write(d.join("manifest.toml"), manifest + extra).unwrap();
            },
            "manifest.toml",
            true,
        ),
        (
            "resource-without-page",
            |d| write(d, "en/pages/extra.ftl", "extra-title = Extra\n"),
            "en/pages/extra.ftl",
            true,
        ),
        (
            "corrupt-record",
            |d| write(d, "lo/ui.status.toml", "greeting = { source = \n"),
            "lo/ui.status.toml",
            true,
        ),
        (
            "missing-message",
            |d| {
                edit(
                    d,
                    "lo/pages/home.ftl",
                    "home-p1 = ຍິນດີຕ້ອນຮັບສູ່ { -org }.\n",
                    "",
                )
            },
            "lo/pages/home.ftl",
            false,
        ),
        (
            "missing-page",
            |d| std::fs::remove_file(d.join("lo/pages/home.ftl")).unwrap(),
            "lo/pages/home.ftl",
            false,
        ),
        (
            "obsolete-message",
            |d| {
                edit(
                    d,
                    "lo/ui.ftl",
                    "locale-name = ລາວ\n",
                    "locale-name = ລາວ\nold-button = ປຸ່ມເກົ່າ\n",
                )
            },
            "lo/ui.ftl",
            false,
        ),
        (
            "obsolete-record",
            |d| {
                edit(
                    d,
                    "lo/ui.status.toml",
                    "greeting = ",
                    "gone = { source = \"0123456789abcdef\" }\ngreeting = ",
                )
            },
            "lo/ui.status.toml",
            false,
        ),
        (
            "outdated",
            |d| edit(d, "en/pages/home.ftl", "Welcome to", "A warm welcome to"),
            "lo/pages/home.ftl",
            false,
        ),
        (
            "unreviewed",
            |d| edit(d, "lo/pages/home.ftl", "ຍິນດີຕ້ອນຮັບສູ່", "ຍິນດີຕ້ອນຮັບທຸກທ່ານສູ່"),
            "lo/pages/home.ftl",
            false,
        ),
        // Saved "with BOM" by a Windows editor: the first message still loads (no syntax
        // error, no missing message), and the file is named.
        (
            "byte-order-mark",
            |d| {
                edit(
                    d,
                    "lo/pages/home.ftl",
                    "home-title =",
                    "\u{feff}home-title =",
                )
            },
            "lo/pages/home.ftl",
            false,
        ),
    ];
    for (kind, fault, file, is_error) in cases {
        let dir = clean_content();
        fault(dir.path());
        let (code, findings) = check(dir.path(), false);
        let matching: Vec<_> = findings.iter().filter(|f| f.0 == kind).collect();
        assert_eq!(matching.len(), 1, "{kind}: {findings:?}");
        assert_eq!(matching[0].1, file, "{kind}: {findings:?}");
        assert_eq!(code, if is_error { 1 } else { 0 }, "{kind}: {findings:?}");
        if !is_error {
            assert_eq!(
                check(dir.path(), true).0,
                1,
                "{kind}: --strict must fail on warnings"
            );
        }
    }
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(reader(&["check", "--format", "xml"]).0, 2);
    assert_eq!(reader(&["frobnicate"]).0, 2);
    assert_eq!(reader(&["mark-translated"]).0, 2);
}

#[test]
fn unusable_content_exits_1_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = reader(&["check", "--content", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("manifest.toml is missing"), "{stderr}");
}

#[test]
fn shipped_content_has_no_errors() {
    let locales = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    let (code, findings) = check(&locales, false);
    assert_eq!(code, 0, "{findings:?}");
    // The Lao is the project's draft: unreviewed, but complete and current.
    assert!(findings.iter().all(|f| f.0 == "unreviewed"), "{findings:?}");
    assert!(!findings.is_empty());
}

#[test]
fn status_table_counts_per_page_and_locale() {
    let dir = clean_content();
    edit(
        dir.path(),
        "lo/pages/home.ftl",
        "home-p1 = ຍິນດີຕ້ອນຮັບສູ່ { -org }.\n",
        "",
    );
    let (code, stdout, _) = reader(&[
        "status",
        "--content",
        dir.path().to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let rows: Value = serde_json::from_str(&stdout).unwrap();
    let lo = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["locale"] == "lo")
        .unwrap();
    assert_eq!(lo["translated"], 1);
    assert_eq!(lo["falling_back"], 1);
    assert_eq!(lo["outdated"], 0);
    assert_eq!(lo["unreviewed"], 0);
}

#[test]
fn render_prints_the_page_as_the_app_shows_it() {
    let (code, stdout, _) = reader(&["render", "news/country-strategy", "--lang", "lo"]);
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with(r#"<article class="page" lang="lo" data-slug="news/country-strategy""#),
        "{stdout}"
    );
    let (code, stdout, _) = reader(&["render", "who-we-are", "--lang", "lo", "--side-by-side"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("side-by-side"));
    let (code, _, stderr) = reader(&["render", "nope", "--lang", "lo"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("no page `nope`"), "{stderr}");
    assert_eq!(reader(&["render", "home", "--lang", "xx"]).0, 1);
}

#[test]
fn approve_one_message_then_editing_it_unreviews_it() {
    let dir = clean_content();
    let content = dir.path().to_str().unwrap();
    edit(
        dir.path(),
        "lo/pages/home.ftl",
        "ຍິນດີຕ້ອນຮັບສູ່",
        "ຍິນດີຕ້ອນຮັບທຸກທ່ານສູ່",
    );
    assert_eq!(kinds(&check(dir.path(), false).1), ["unreviewed"]);
    let (code, stdout, _) = reader(&["approve", "--content", content, "--message", "home-p1"]);
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(check(dir.path(), true), (0, vec![]));
    assert_eq!(
        reader(&["approve", "--content", content, "--message", "no-such"]).0,
        1
    );
    assert_eq!(
        reader(&["approve", "--content", content, "--lang", "en"]).0,
        1
    );
}

#[test]
fn search_from_the_command_line() {
    let (code, stdout, _) = reader(&["search", "ເຄື່ອນຍ້າຍ", "--lang", "lo", "--format", "json"]);
    assert_eq!(code, 0);
    let hits: Value = serde_json::from_str(&stdout).unwrap();
    let hits = hits.as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["locale"] == "lo"));
    let (code, stdout, _) = reader(&["search", "(\":*) [", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(stdout.ends_with("0 result(s)\n"), "{stdout}");
    assert_eq!(reader(&["search", "x", "--lang", "xx"]).0, 1);
}
