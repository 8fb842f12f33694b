//! `reader pack` as the office uses it before handing a pack out: made with its own key and
//! checked against that key, by a build of the reader that does not trust it.

use std::path::Path;
use std::process::Command;

const READER: &str = env!("CARGO_BIN_EXE_reader");

fn reader(args: &[&str]) -> (i32, String) {
    let out = Command::new(READER).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

fn locales() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../locales")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn verify_and_inspect_against_a_given_key() {
    let dir = tempfile::tempdir().unwrap();
    let office = dir.path().join("office");
    let other = dir.path().join("other");
    for key in [&office, &other] {
        assert_eq!(
            reader(&["pack", "keygen", "-o", key.to_str().unwrap()]).0,
            0
        );
    }
    let pack = dir.path().join("content.pack");
    let pack = pack.to_str().unwrap();
    let secret = office.with_extension("key");
    let (code, out) = reader(&[
        "pack",
        "build",
        &locales(),
        "--key",
        secret.to_str().unwrap(),
        "--version",
        "7",
        "-o",
        pack,
    ]);
    assert_eq!(code, 0, "{out}");
    let public = office.with_extension("pub");
    let public = public.to_str().unwrap();

    // This build trusts neither key: without --key the pack is refused...
    let (code, out) = reader(&["pack", "verify", pack]);
    assert_eq!(code, 1, "{out}");
    // ... with the office's key it verifies, and inspect shows it.
    let (code, out) = reader(&["pack", "verify", "--key", public, pack]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("valid pack") && out.contains("version 7"),
        "{out}"
    );
    let (code, out) = reader(&["pack", "inspect", "--key", public, pack]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("version: 7"), "{out}");
    // Another key: refused, saying so.
    let other_public = other.with_extension("pub");
    let (code, out) = reader(&[
        "pack",
        "verify",
        "--key",
        other_public.to_str().unwrap(),
        pack,
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("unknown publisher"), "{out}");
    // Not a key file.
    let (code, out) = reader(&["pack", "verify", "--key", pack, pack]);
    assert_ne!(code, 0, "{out}");
    assert!(out.contains("public key"), "{out}");
}
