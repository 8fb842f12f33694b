//! `check`, `status`, `serve` and `export` take a third language from its folder alone: the
//! shipped content plus the test-only French draft of `tests/fixtures/third-locale/`.

// The core's test helpers: the shipped content, and copying it.
#[path = "../../reader-core/tests/common/mod.rs"]
mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};

use common::{copy_tree, locales_dir};

const READER: &str = env!("CARGO_BIN_EXE_reader");

fn three_locales() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(locales_dir(), dir.path());
    copy_tree(
        &locales_dir().join("../tests/fixtures/third-locale/fr"),
        &dir.path().join("fr"),
    );
    dir
}

fn reader(args: &[&str]) -> (bool, String) {
    let out = Command::new(READER).args(args).output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

#[test]
fn check_and_status_list_the_new_language() {
    let content = three_locales();
    let dir = content.path().to_str().unwrap();
    let (ok, out) = reader(&["check", "--content", dir]);
    assert!(ok, "{out}");
    assert!(out.contains("fr/pages/who-we-are.ftl"), "{out}");
    assert!(out.contains("0 error(s)"), "{out}");
    let (ok, out) = reader(&["status", "--content", dir]);
    assert!(ok, "{out}");
    let home_fr = out
        .lines()
        .find(|l| l.starts_with("home ") && l.split_whitespace().nth(1) == Some("fr"))
        .unwrap_or_else(|| panic!("{out}"));
    // 3 of 4 blocks in French, 1 falling back.
    assert!(home_fr.contains("3/4"), "{home_fr}");
}

#[test]
fn export_writes_the_new_language() {
    let content = three_locales();
    let site = tempfile::tempdir().unwrap();
    let out_dir = site.path().join("site");
    let (ok, out) = reader(&[
        "export",
        out_dir.to_str().unwrap(),
        "--content",
        content.path().to_str().unwrap(),
    ]);
    assert!(ok, "{out}");
    let home = std::fs::read_to_string(out_dir.join("fr/home.html")).unwrap();
    assert!(home.contains(r#"<html lang="fr">"#));
    assert!(home.contains("Dernières actualités"));
    assert!(home.contains(r#"hreflang="lo""#) && home.contains(r#"hreflang="en""#));
    let index = std::fs::read_to_string(out_dir.join("index.html")).unwrap();
    assert!(index.contains("Français"), "{index}");
}

#[test]
fn serve_answers_in_the_new_language() {
    let content = three_locales();
    let mut child = Command::new(READER)
        .args(["serve", "--bind", "127.0.0.1:0", "--content"])
        .arg(content.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port: u16 = line.trim().rsplit(':').next().unwrap().parse().unwrap();
    let get = |path: &str, headers: &str| {
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n{headers}\r\n"
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        response
    };
    let page = get("/fr/who-we-are", "");
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    assert!(page.contains("Qui sommes-nous"));
    let root = get("/", "Accept-Language: fr-CA, lo;q=0.5\r\n").to_lowercase();
    assert!(root.contains("location: /fr/home"), "{root}");
    let hits = get("/api/search?q=depuis%20&lang=fr", "");
    assert!(hits.contains(r#""id":"who-we-are-p2""#), "{hits}");
    let _ = child.kill();
    let _ = child.wait();
}
