//! `reader check`, `status`, `render`, `mark-translated` and `approve`, run as a translator
//! runs them. `reader check` is tested like a linter: on fixed content folders checked in
//! under `tests/fixtures/check/` — `valid/` (nothing to report) and `every-error/` (one
//! instance of every kind of finding, and the findings expected, listed below) — and on a
//! small content directory built clean and then broken one way per test.

use std::path::{Path, PathBuf};
use std::process::Command;

use reader_core::DiagnosticKind;
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

/// `reader check --format json`: exit status and (severity, kind, file, line) of every
/// finding, the severity being the list it is in (`error` or `warning`).
fn report(dir: &Path, strict: bool) -> (i32, Vec<(String, String, String, u64)>) {
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
    let findings = [("error", "errors"), ("warning", "warnings")]
        .iter()
        .flat_map(|(severity, key)| {
            json[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| {
                    (
                        severity.to_string(),
                        f["kind"].as_str().unwrap().to_string(),
                        f["file"].as_str().unwrap().to_string(),
                        f["line"].as_u64().unwrap(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect();
    (code, findings)
}

/// `reader check --format json`: exit status and (kind, file, line) of every finding.
fn check(dir: &Path, strict: bool) -> (i32, Vec<(String, String, u64)>) {
    let (code, findings) = report(dir, strict);
    let findings = findings
        .into_iter()
        .map(|(_, kind, file, line)| (kind, file, line))
        .collect();
    (code, findings)
}

/// A fixture content folder of `reader check` (`tests/fixtures/check/<name>`).
fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/check")
        .join(name)
}

/// A copy of a fixture, to change.
fn fixture_copy(name: &str) -> tempfile::TempDir {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    copy(&fixture(name), dir.path());
    dir
}

/// Every file of a directory with its bytes, by relative path.
fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(at) = stack.pop() {
        for entry in std::fs::read_dir(&at).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path.strip_prefix(dir).unwrap().to_str().unwrap();
                files.insert(relative.replace('\\', "/"), std::fs::read(&path).unwrap());
            }
        }
    }
    files
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

/// What `reader check` reports for `tests/fixtures/check/every-error/`, exactly: (severity,
/// kind, file, line; 0 when the finding is about a whole file). Each line says what in the
/// fixture causes it; the files also say it in their comments.
const EVERY_ERROR_EXPECTED: &[(&str, &str, &str, u64)] = &[
    // The manifest's block `home-missing` has no English message.
    ("error", "block-without-message", "en/pages/home.ftl", 0),
    // A page resource, in each locale, of a page the manifest doesn't have.
    ("error", "resource-without-page", "en/pages/stray.ftl", 0),
    ("error", "resource-without-page", "lo/pages/stray.ftl", 0),
    // Saved as Latin-1: the file is skipped (nothing else is said of it).
    ("error", "not-utf8", "lo/glossary.ftl", 0),
    // `home-title` has no `.nav` in Lao.
    ("error", "attributes-differ", "lo/pages/home.ftl", 4),
    // `home-link` uses `home-nowhere`. (`home-intro` uses the missing term `-fixture-town`:
    // reported once, as the missing term, not as an unknown reference.)
    ("error", "unknown-reference", "lo/pages/home.ftl", 12),
    // `home-broken` is never closed (line 15: the end of the file). Lost, and not reported
    // again as a missing message.
    ("error", "syntax", "lo/pages/home.ftl", 15),
    // No `-fixture-town` in Lao.
    ("error", "missing-term", "lo/terms.ftl", 0),
    // `-fixture-org = { source = "same as English" }`: the file's records are ignored...
    ("error", "corrupt-record", "lo/terms.status.toml", 4),
    // `greeting` uses `$who`, the English `$name`.
    ("error", "variables-differ", "lo/ui.ftl", 5),
    // `farewell` again.
    ("error", "duplicate-id", "lo/ui.ftl", 8),
    // Page `ghost` has no en/pages/ghost.ftl.
    ("error", "page-without-resource", "manifest.toml", 0),
    // `about-p2` is not in Lao.
    ("warning", "missing-message", "lo/pages/about.ftl", 0),
    // Saved "with BOM" (its first message still loads).
    ("warning", "byte-order-mark", "lo/pages/about.ftl", 1),
    // No lo/pages/guide.ftl.
    ("warning", "missing-page", "lo/pages/guide.ftl", 0),
    // The English of `home-note` changed after the Lao was recorded.
    ("warning", "outdated", "lo/pages/home.ftl", 8),
    // The Lao of `home-draft` changed after it was approved.
    ("warning", "unreviewed", "lo/pages/home.ftl", 10),
    // ...so `-fixture-org` counts as outdated and unreviewed.
    ("warning", "outdated", "lo/terms.ftl", 3),
    ("warning", "unreviewed", "lo/terms.ftl", 3),
    // `old-button` is not in English.
    ("warning", "obsolete-message", "lo/ui.ftl", 10),
    // A record of `fixture-removed`, which lo/ui.ftl doesn't have.
    ("warning", "obsolete-record", "lo/ui.status.toml", 5),
];

#[test]
fn valid_fixture_passes_even_strict() {
    let dir = fixture("valid");
    assert_eq!(report(&dir, true), (0, vec![]));
    let (code, stdout, stderr) = reader(&["check", "--content", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(stdout, "0 error(s), 0 warning(s)\n");
}

/// Like a linter's expected output: any change in what `reader check` reports for this
/// folder — a finding more, one less, another line — fails here.
#[test]
fn every_error_fixture_reports_exactly_the_expected_findings() {
    let dir = fixture("every-error");
    let (code, mut found) = report(&dir, false);
    assert_eq!(code, 1);
    let mut expected: Vec<(String, String, String, u64)> = EVERY_ERROR_EXPECTED
        .iter()
        .map(|&(severity, kind, file, line)| (severity.into(), kind.into(), file.into(), line))
        .collect();
    found.sort();
    expected.sort();
    let missing: Vec<_> = expected.iter().filter(|e| !found.contains(e)).collect();
    let unexpected: Vec<_> = found.iter().filter(|f| !expected.contains(f)).collect();
    assert_eq!(
        found, expected,
        "\nexpected, not reported: {missing:#?}\nreported, not expected: {unexpected:#?}"
    );
    // The text output says the same, in order: errors, then warnings.
    let (code, stdout, _) = reader(&["check", "--content", dir.to_str().unwrap()]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = stdout.lines().collect();
    let errors = EVERY_ERROR_EXPECTED
        .iter()
        .filter(|e| e.0 == "error")
        .count();
    let warnings = EVERY_ERROR_EXPECTED.len() - errors;
    assert_eq!(
        lines.last().copied(),
        Some(format!("{errors} error(s), {warnings} warning(s)").as_str())
    );
    assert_eq!(lines.len(), EVERY_ERROR_EXPECTED.len() + 1, "{stdout}");
    assert!(
        lines[..errors].iter().all(|l| l.contains(": error[")),
        "{stdout}"
    );
    assert!(
        lines[errors..lines.len() - 1]
            .iter()
            .all(|l| l.contains(": warning[")),
        "{stdout}"
    );
    // Strict or not, errors fail.
    assert_eq!(report(&dir, true).0, 1);
}

/// A kind added to `reader check` needs an instance in the fixture (and a line above).
#[test]
fn every_error_fixture_has_every_kind() {
    let (_, found) = report(&fixture("every-error"), false);
    for kind in DiagnosticKind::ALL {
        let severity = if kind.is_error() { "error" } else { "warning" };
        assert!(
            found.iter().any(|f| f.0 == severity && f.1 == kind.name()),
            "no {severity} `{}` in tests/fixtures/check/every-error: {found:?}",
            kind.name()
        );
    }
}

/// Warnings alone (here: a page not translated) exit 0, unless `--strict`.
#[test]
fn warnings_alone_exit_0_unless_strict() {
    let dir = fixture_copy("valid");
    for file in [
        "lo/pages/news/first-story.ftl",
        "lo/pages/news/first-story.status.toml",
    ] {
        std::fs::remove_file(dir.path().join(file)).unwrap();
    }
    let expected = vec![(
        "missing-page".to_string(),
        "lo/pages/news/first-story.ftl".to_string(),
        0,
    )];
    assert_eq!(check(dir.path(), false), (0, expected.clone()));
    assert_eq!(check(dir.path(), true), (1, expected));
}

/// Recording again what is recorded changes no byte of the records (their layout, and the
/// translator's note in lo/pages/home.status.toml, are kept); recording a change changes
/// one line.
#[test]
fn records_are_rewritten_in_place() {
    let dir = fixture_copy("valid");
    let content = dir.path().to_str().unwrap();
    let before = snapshot(dir.path());
    assert_eq!(reader(&["mark-translated", "--content", content]).0, 0);
    assert_eq!(reader(&["approve", "--content", content]).0, 0);
    assert!(
        snapshot(dir.path()) == before,
        "records rewritten differently"
    );

    let records = "lo/pages/home.status.toml";
    let note = "# A translator's note: kept when the tool rewrites this file.\n";
    let text = |dir: &Path| std::fs::read_to_string(dir.join(records)).unwrap();
    assert!(text(dir.path()).contains(note));
    edit(dir.path(), "lo/pages/home.ftl", "ວັກທົດສອບທີໜຶ່ງ", "ວັກທົດສອບ");
    let (code, stdout, _) = reader(&["approve", "--content", content, "--message", "home-intro"]);
    assert_eq!(code, 0, "{stdout}");
    let (old, new) = (text(&fixture("valid")), text(dir.path()));
    let changed: Vec<(&str, &str)> = old
        .lines()
        .zip(new.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(old.lines().count(), new.lines().count(), "{new}");
    assert_eq!(changed.len(), 1, "{new}");
    assert!(
        changed[0].1.starts_with("home-intro = { source = "),
        "{new}"
    );
    assert!(new.contains(note), "{new}");
    assert_eq!(check(dir.path(), true), (0, vec![]));
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
