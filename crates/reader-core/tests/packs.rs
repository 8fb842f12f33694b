//! Content packs: signed, verified, installed whole or refused — with the installed content
//! untouched — for every kind of bad pack.

use std::collections::BTreeMap;

use ed25519_dalek::SigningKey;
use reader_core::pack::{self, keys, store::Store, Limits, PackError};
use reader_core::{ContentOrigin, ContentSource, Library};

mod common;
use common::{copy_tree, locales_dir};

fn test_key() -> SigningKey {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/keys/test.key"
    ))
    .unwrap();
    keys::parse_secret(&text).unwrap()
}

fn trusted() -> Vec<ed25519_dalek::VerifyingKey> {
    vec![test_key().verifying_key()]
}

/// The shipped content as a pack of `version` (its manifest says so).
fn content_pack(version: u64) -> Vec<u8> {
    pack::build(locales_dir(), &test_key(), "IOM Lao PDR (test)", version).unwrap()
}

/// The version given to the builder is the pack's, in its manifest too (comments and
/// layout kept); the content folder is not touched.
#[test]
fn a_pack_carries_the_version_it_was_built_with() {
    let before = std::fs::read_to_string(locales_dir().join("manifest.toml")).unwrap();
    let pack = verify(&content_pack(7)).unwrap();
    assert_eq!(pack.info.version, 7);
    assert_eq!(pack.library.manifest().version, 7);
    let manifest = String::from_utf8(pack.files["manifest.toml"].clone()).unwrap();
    assert_eq!(
        manifest,
        before.replacen("version = 1 ", "version = 7 ", 1),
        "only the version changes"
    );
    let after = std::fs::read_to_string(locales_dir().join("manifest.toml")).unwrap();
    assert_eq!(before, after);
}

fn verify(bytes: &[u8]) -> Result<pack::VerifiedPack, PackError> {
    pack::verify(bytes, &trusted(), &Limits::default())
}

/// One tar entry: name, type, data, link target.
type Entry<'a> = (&'a str, tar::EntryType, &'a [u8], Option<&'a str>);

/// A signed pack whose payload is a tar written entry by entry, headers as given (no
/// checks: this is how a hostile pack would be made).
fn hostile_pack(entries: &[Entry]) -> Vec<u8> {
    let mut builder = tar::Builder::new(flate2::write::GzEncoder::new(
        Vec::new(),
        flate2::Compression::default(),
    ));
    for (name, kind, data, link) in entries {
        let mut header = tar::Header::new_old();
        let raw = header.as_old_mut();
        raw.name[..name.len()].copy_from_slice(name.as_bytes());
        if let Some(link) = link {
            raw.linkname[..link.len()].copy_from_slice(link.as_bytes());
        }
        header.set_entry_type(*kind);
        header.set_size(data.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        builder.append(&header, *data).unwrap();
    }
    let payload = builder.into_inner().unwrap().finish().unwrap();
    pack::sign(&payload, &test_key())
}

fn pack_toml(version: u64) -> Vec<u8> {
    format!("format = 1\npublisher = \"x\"\nversion = {version}\ndate = \"2026-01-01\"\n")
        .into_bytes()
}

#[test]
fn a_good_pack_verifies_and_says_what_it_brings() {
    let bytes = content_pack(2);
    let pack = verify(&bytes).unwrap();
    assert_eq!(pack.info.version, 2);
    assert!(
        pack.files.contains_key("manifest.toml") && pack.files.contains_key("lo/pages/home.ftl")
    );
    assert!(
        !pack.files.keys().any(|p| p.ends_with("ui.ftl")),
        "UI strings ship with the app"
    );
    let embedded = Library::load(ContentSource::Embedded).unwrap();
    assert_eq!(
        pack::changes(&embedded, &pack.library),
        pack::Changes::default()
    );
}

#[test]
fn changes_name_pages_added_changed_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(locales_dir(), dir.path());
    let lo = dir.path().join("lo/pages/who-we-are.ftl");
    let text = std::fs::read_to_string(&lo).unwrap().replacen(
        "who-we-are-p2 = ",
        "who-we-are-p2 = ໃໝ່ ",
        1,
    );
    std::fs::write(&lo, text).unwrap();
    std::fs::remove_file(dir.path().join("lo/pages/news.ftl")).unwrap();
    let bytes = pack::build(dir.path(), &test_key(), "t", 2).unwrap();
    let pack = verify(&bytes).unwrap();
    let changes = pack::changes(
        &Library::load(ContentSource::Embedded).unwrap(),
        &pack.library,
    );
    assert_eq!(changes.changed["lo"], ["who-we-are"]);
    assert_eq!(changes.removed["lo"], ["news"]);
    assert!(changes.added.is_empty());
}

/// The preview speaks the reader's language: pages by their title in the reading language
/// (the pack's own text: a page whose Lao the pack removes is named as it will show, in
/// English; a page the pack removes, by its title now), the date as articles show it.
#[test]
fn the_preview_names_pages_and_dates_in_the_reading_language() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(locales_dir(), dir.path());
    let lo = dir.path().join("lo/pages/who-we-are.ftl");
    let text = std::fs::read_to_string(&lo).unwrap().replacen(
        "who-we-are-title = ",
        "who-we-are-title = ໃໝ່ ",
        1,
    );
    std::fs::write(&lo, text).unwrap();
    std::fs::remove_file(dir.path().join("lo/pages/news.ftl")).unwrap();
    let pack = verify(&pack::build(dir.path(), &test_key(), "t", 2).unwrap()).unwrap();
    let shown = Library::built_in();
    let preview = pack::PackPreview::of(&pack, &shown, "lo");
    assert_eq!(preview.date, "29 ພະຈິກ 2026");
    assert_eq!(preview.date_iso, "2026-11-29");
    assert!(
        preview.titles["who-we-are"].starts_with("ໃໝ່ "),
        "{:?}",
        preview.titles
    );
    assert_eq!(preview.titles["news"], "News");
    let english = pack::PackPreview::of(&pack, &shown, "en");
    assert_eq!(english.date, "29 November 2026");
    assert_eq!(english.titles["who-we-are"], "Who We Are");
    // A reading language the pack lacks: the pack's source language.
    assert_eq!(
        pack::PackPreview::of(&pack, &shown, "th").titles["news"],
        "News"
    );
}

#[test]
fn bad_packs_are_refused_with_their_reason() {
    let good = content_pack(2);
    let payload = &good[80..];
    let other_key = SigningKey::from_bytes(&[7u8; 32]);
    let mut tampered_payload = good.clone();
    let middle = 80 + payload.len() / 2;
    tampered_payload[middle] ^= 0x01;
    let mut tampered_header = good.clone();
    tampered_header[20] ^= 0x80;
    let mut newer = good.clone();
    newer[7] = 2;
    let jpeg = [&[0xFFu8, 0xD8, 0xFF, 0xE0][..], &[0u8; 200][..]].concat();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("unsigned tar.gz", payload.to_vec(), "unsigned"),
        ("a JPEG renamed", jpeg, "not-a-pack"),
        ("empty file", Vec::new(), "not-a-pack"),
        (
            "signed by an unknown key",
            pack::sign(payload, &other_key),
            "unknown-key",
        ),
        (
            "a byte of the payload changed",
            tampered_payload,
            "bad-signature",
        ),
        (
            "a byte of the signature changed",
            tampered_header,
            "bad-signature",
        ),
        (
            "truncated",
            good[..good.len() - 100].to_vec(),
            "bad-signature",
        ),
        (
            "truncated inside the header",
            good[..40].to_vec(),
            "corrupt",
        ),
        ("a newer pack format", newer, "newer-format"),
        (
            "a signed payload that is not gzip",
            pack::sign(b"not gzip at all", &test_key()),
            "corrupt",
        ),
    ];
    for (what, bytes, kind) in cases {
        let error = verify(&bytes).expect_err(what);
        assert_eq!(error.kind(), kind, "{what}: {error}");
    }
}

#[test]
fn unsafe_entries_are_refused() {
    use tar::EntryType::{Block, Char, Fifo, Link, Regular, Symlink};
    let cases: Vec<(&str, Vec<Entry>)> = vec![
        ("dot-dot", vec![("../../etc/evil", Regular, b"x", None)]),
        ("absolute path", vec![("/etc/evil", Regular, b"x", None)]),
        (
            "symlink",
            vec![("lo/link", Symlink, b"", Some("/etc/passwd"))],
        ),
        (
            "hard link",
            vec![("lo/link", Link, b"", Some("manifest.toml"))],
        ),
        ("character device", vec![("lo/dev", Char, b"", None)]),
        ("block device", vec![("lo/dev", Block, b"", None)]),
        ("fifo", vec![("lo/fifo", Fifo, b"", None)]),
        (
            "duplicate",
            vec![
                ("manifest.toml", Regular, b"a", None),
                ("manifest.toml", Regular, b"b", None),
            ],
        ),
        ("backslash", vec![("lo\\..\\x", Regular, b"x", None)]),
        // Fault 9 of the hostile-input review: packs carry content only, never the reader's
        // own words (they ship with the app), yet a signed pack with them verified.
        (
            "UI strings",
            vec![("en/ui.ftl", Regular, b"about = Hacked", None)],
        ),
        (
            "UI string records",
            vec![("lo/ui.status.toml", Regular, b"", None)],
        ),
    ];
    for (what, entries) in cases {
        let error = verify(&hostile_pack(&entries)).expect_err(what);
        assert_eq!(error.kind(), "unsafe-entry", "{what}: {error}");
    }
}

#[test]
fn decompression_bombs_stop_at_the_limits() {
    // 64 MiB of zeros packs to ~64 KB: far beyond the allowed expansion.
    let zeros = vec![0u8; 64 * 1024 * 1024];
    let bomb = hostile_pack(&[
        ("pack.toml", tar::EntryType::Regular, &pack_toml(2), None),
        ("images/zeros.png", tar::EntryType::Regular, &zeros, None),
    ]);
    assert!(bomb.len() < 1024 * 1024);
    assert_eq!(verify(&bomb).unwrap_err().kind(), "too-large");
    // Too many entries.
    let names: Vec<String> = (0..50).map(|i| format!("images/{i}.png")).collect();
    let entries: Vec<_> = names
        .iter()
        .map(|n| (n.as_str(), tar::EntryType::Regular, &b"x"[..], None))
        .collect();
    let limits = Limits {
        max_entries: 10,
        ..Limits::default()
    };
    assert_eq!(
        pack::verify(&hostile_pack(&entries), &trusted(), &limits)
            .unwrap_err()
            .kind(),
        "too-large"
    );
}

#[test]
fn content_must_load_and_check_clean() {
    // An unknown manifest format version.
    let manifest = b"format = 9\nversion = 2\ndate = \"2026-01-01\"\n";
    let pack = hostile_pack(&[
        ("pack.toml", tar::EntryType::Regular, &pack_toml(2), None),
        ("manifest.toml", tar::EntryType::Regular, manifest, None),
        (
            "en/terms.ftl",
            tar::EntryType::Regular,
            b"-org = IOM\n",
            None,
        ),
    ]);
    assert_eq!(verify(&pack).unwrap_err().kind(), "invalid-content");
    // Content with `reader check` errors: refused by the builder already.
    let dir = tempfile::tempdir().unwrap();
    copy_tree(locales_dir(), dir.path());
    std::fs::write(dir.path().join("lo/terms.ftl"), "# terms gone\n").unwrap();
    assert_eq!(
        pack::build(dir.path(), &test_key(), "t", 2)
            .unwrap_err()
            .kind(),
        "invalid-content"
    );
    // No pack.toml.
    let pack = hostile_pack(&[("manifest.toml", tar::EntryType::Regular, manifest, None)]);
    assert_eq!(verify(&pack).unwrap_err().kind(), "corrupt");
}

#[test]
fn install_switches_whole_content_and_restore_goes_back() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::new(data.path());
    assert!(store.current().is_none());
    let v2 = verify(&content_pack(2)).unwrap();
    store.install(&v2, 1).unwrap();
    assert_eq!(store.current().unwrap().manifest().version, 2);
    // About says where the content came from.
    let installed = store.current().unwrap();
    assert_eq!(installed.content_info().origin, ContentOrigin::Imported);
    assert!(installed
        .chrome(&installed.locale("en").unwrap(), "1")
        .strings["about-content"]
        .as_str()
        .contains("imported from a content pack"));
    // The same pack twice, and an older one: refused, nothing changes.
    assert_eq!(store.install(&v2, 2).unwrap_err().kind(), "not-newer");
    let v1 = verify(&content_pack(1)).unwrap();
    assert_eq!(store.install(&v1, 2).unwrap_err().kind(), "not-newer");
    assert_eq!(store.current().unwrap().manifest().version, 2);
    let v3 = verify(&content_pack(3)).unwrap();
    store.install(&v3, 2).unwrap();
    assert_eq!(store.state().current, Some(3));
    assert_eq!(store.state().previous, Some(2));
    // Restore: back to 2; again: forward to 3 (the one after is kept).
    assert!(store.restore().unwrap());
    assert_eq!(store.current().unwrap().manifest().version, 2);
    assert!(store.restore().unwrap());
    assert_eq!(store.current().unwrap().manifest().version, 3);
    // Only the current and previous versions are kept on disk.
    let kept: BTreeMap<String, ()> = std::fs::read_dir(data.path().join("versions"))
        .unwrap()
        .map(|e| (e.unwrap().file_name().to_string_lossy().into_owned(), ()))
        .collect();
    assert_eq!(kept.keys().collect::<Vec<_>>(), ["2", "3"]);
}

/// A reader showing an installed version keeps showing it, every page, while newer installs
/// (the CLI's, while the app is open) clean up: the version it reads is kept on disk as long
/// as it is read (pages are read when shown), then removed by the next clean-up.
#[test]
fn a_version_being_read_survives_the_clean_up_of_newer_installs() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::new(data.path());
    store
        .install(&verify(&content_pack(2)).unwrap(), 1)
        .unwrap();
    let reading = std::sync::Arc::new(store.current().unwrap());
    assert!(reading.reads_pages_lazily());
    let cache = tempfile::tempdir().unwrap();
    let searcher = reader_core::search::Searcher::with_cache(
        reading.clone(),
        Some(reader_core::search::IndexCache::new(cache.path())),
    );
    let en = reading.locale("en").unwrap();
    let found = searcher.search("migration ", &en, 20);
    assert!(!found.is_empty());

    store
        .install(&verify(&content_pack(3)).unwrap(), 2)
        .unwrap();
    store
        .install(&verify(&content_pack(4)).unwrap(), 3)
        .unwrap();
    assert!(
        data.path().join("versions/2").is_dir(),
        "version 2 is being read: kept"
    );

    // Every page, read only now, shows as the pack had it.
    let whole = Library::load(ContentSource::Directory(data.path().join("versions/2"))).unwrap();
    let pages = |library: &Library| -> Vec<String> {
        library
            .manifest()
            .pages
            .iter()
            .map(|page| library.render_page(&en, &page.slug).unwrap().html)
            .collect()
    };
    assert_eq!(pages(&reading), pages(&whole));
    assert_eq!(searcher.search("migration ", &en, 20), found);

    // Read no more: the next clean-up removes it.
    drop((searcher, reading, whole));
    store
        .install(&verify(&content_pack(5)).unwrap(), 4)
        .unwrap();
    assert!(
        !data.path().join("versions/2").exists(),
        "version 2 removed"
    );
}

#[test]
fn the_first_import_restores_to_the_built_in_content() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::new(data.path());
    assert!(
        !store.restore().unwrap(),
        "nothing installed: nothing to restore"
    );
    store
        .install(&verify(&content_pack(2)).unwrap(), 1)
        .unwrap();
    assert!(store.restore().unwrap());
    assert!(
        store.current().is_none(),
        "the built-in content shows again"
    );
}

#[test]
fn a_corrupt_state_file_means_the_built_in_content() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::new(data.path());
    store
        .install(&verify(&content_pack(2)).unwrap(), 1)
        .unwrap();
    std::fs::write(data.path().join("state.toml"), "current = [garbage").unwrap();
    assert!(store.current().is_none());
    std::fs::write(data.path().join("state.toml"), "current = 99\n").unwrap();
    assert!(
        store.current().is_none(),
        "a state pointing at nothing shows the built-in content"
    );
}

#[test]
fn keys_round_trip_and_refuse_garbage() {
    let key = test_key();
    let public = keys::public_file(&key.verifying_key(), "t");
    assert_eq!(keys::parse_public(&public).unwrap(), key.verifying_key());
    let secret = keys::secret_file(&key, "t");
    assert_eq!(
        keys::parse_secret(&secret).unwrap().to_bytes(),
        key.to_bytes()
    );
    for garbage in ["", "xyz", "# only a comment", &"g".repeat(64)] {
        assert!(keys::parse_public(garbage).is_none());
    }
    let fresh = keys::generate().unwrap();
    assert_ne!(fresh.to_bytes(), key.to_bytes());
}

/// Fault 10 of the hostile-input review: a pack file was read whole before any check, so a
/// 1 GiB file took 1 GB of memory and a FIFO named `x.pack` blocked forever (in `open`).
/// Now its type and size are checked first, then its header, by one function.
#[test]
fn pack_files_are_checked_before_they_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let limits = Limits::default();

    // Larger than any pack may be (a sparse file: no disk used).
    let big = dir.path().join("big.pack");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(limits.max_pack_bytes + 1)
        .unwrap();
    assert_eq!(
        pack::read_file(&big, &limits).unwrap_err().kind(),
        "too-large"
    );

    // Not a pack: refused from its first bytes.
    let text = dir.path().join("notes.pack");
    std::fs::write(&text, "meeting notes").unwrap();
    assert_eq!(
        pack::read_file(&text, &limits).unwrap_err().kind(),
        "not-a-pack"
    );

    // A folder.
    assert_eq!(
        pack::read_file(dir.path(), &limits).unwrap_err().kind(),
        "not-a-pack"
    );

    // A good pack reads whole and verifies.
    let good = dir.path().join("good.pack");
    std::fs::write(&good, content_pack(2)).unwrap();
    let bytes = pack::read_file(&good, &limits).unwrap();
    assert_eq!(verify(&bytes).unwrap().info.version, 2);
}

#[cfg(unix)]
#[test]
fn a_fifo_named_like_a_pack_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("x.pack");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.unwrap().success());
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(pack::read_file(&fifo, &Limits::default()).map(|_| ()));
    });
    // A bound on waiting, not a measure of speed: before the fix this never returned.
    let answer = receiver
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("reading a FIFO blocked");
    assert_eq!(answer.unwrap_err().kind(), "not-a-pack");
}

/// Fault 11 of the hostile-input review: the state file was written through a fixed
/// temporary name, so a planted `state.toml.tmp -> victim` made an install overwrite the
/// victim. Temporary files are now created new, under a random name.
#[cfg(unix)]
#[test]
fn temporary_files_never_follow_a_planted_link() {
    let data = tempfile::tempdir().unwrap();
    let victim = data.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    let store_dir = data.path().join("content");
    std::fs::create_dir_all(&store_dir).unwrap();
    std::os::unix::fs::symlink(&victim, store_dir.join("state.toml.tmp")).unwrap();
    let store = Store::new(&store_dir);
    store
        .install(&verify(&content_pack(2)).unwrap(), 1)
        .unwrap();
    assert_eq!(store.current().unwrap().manifest().version, 2);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");

    let prefs = data.path().join("config/preferences.json");
    std::fs::create_dir_all(prefs.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(&victim, prefs.with_extension("json.tmp")).unwrap();
    reader_core::preferences::Preferences::default()
        .save(&prefs)
        .unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(std::fs::read_to_string(&prefs)
        .unwrap()
        .contains("textScale"));
}

/// Fault 8 of the hostile-input review: install 3, restore, install 2 was accepted, and
/// version 3 deleted. A pack older than the newest ever installed is refused.
#[test]
fn a_pack_older_than_the_newest_ever_installed_is_refused() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::new(data.path());
    store
        .install(&verify(&content_pack(3)).unwrap(), 1)
        .unwrap();
    assert!(store.restore().unwrap());
    assert_eq!(store.state().current, None);
    let error = store
        .install(&verify(&content_pack(2)).unwrap(), 1)
        .unwrap_err();
    assert_eq!(error.kind(), "older-than-installed", "{error}");
    assert!(data.path().join("versions/3").is_dir());
    // Newer content still installs.
    store
        .install(&verify(&content_pack(4)).unwrap(), 1)
        .unwrap();
    assert_eq!(store.current().unwrap().manifest().version, 4);
}

/// The state file is read across reader versions in both directions: this reader keeps
/// fields it does not know (from a newer reader) when it rewrites the file, and what it
/// writes stays readable by the 0.1.0 reader, which refused unknown fields (and would then
/// have taken the state for empty and deleted the installed versions).
#[test]
fn the_state_file_is_readable_across_versions() {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct StateOf010 {
        current: Option<u64>,
        previous: Option<u64>,
    }
    let data = tempfile::tempdir().unwrap();
    let store = Store::new(data.path());
    store
        .install(&verify(&content_pack(2)).unwrap(), 1)
        .unwrap();
    store
        .install(&verify(&content_pack(3)).unwrap(), 2)
        .unwrap();
    let written = std::fs::read_to_string(data.path().join("state.toml")).unwrap();
    let old: StateOf010 = toml::from_str(&written).expect("readable by 0.1.0");
    assert_eq!((old.current, old.previous), (Some(3), Some(2)));

    // A newer reader's field survives a restore by this one.
    std::fs::write(
        data.path().join("state.toml"),
        "current = 3\nprevious = 2\nfuture = \"kept\"\n",
    )
    .unwrap();
    assert_eq!(store.state().current, Some(3));
    assert!(store.restore().unwrap());
    let rewritten = std::fs::read_to_string(data.path().join("state.toml")).unwrap();
    assert!(rewritten.contains("future = \"kept\""), "{rewritten}");
    assert_eq!(store.state().current, Some(2));
}

/// Fault 7 of the hostile-input review: two installs at once deleted each other's
/// half-written versions, both reported success, and the content was left with a third of
/// its files. An install or restore now holds the store's lock; another one is refused.
#[test]
fn a_second_install_while_one_runs_is_refused() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::new(data.path());
    let held = store.lock().unwrap();
    let other = Store::new(data.path());
    let error = other
        .install(&verify(&content_pack(2)).unwrap(), 1)
        .unwrap_err();
    assert_eq!(error.kind(), "busy", "{error}");
    assert_eq!(other.restore().unwrap_err().kind(), "busy");
    assert!(other.current().is_none());
    drop(held);
    other
        .install(&verify(&content_pack(2)).unwrap(), 1)
        .unwrap();
    assert_eq!(other.current().unwrap().manifest().version, 2);
}

/// The import's own refusals are named for what they are: nothing previewed yet, or no store
/// to install into (a content folder is showing).
#[test]
fn import_refusals_say_what_is_wrong() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("v2.pack");
    std::fs::write(&file, content_pack(2)).unwrap();
    let shown = Library::built_in();

    let importer = pack::Importer::new(Some(pack::store::Store::new(data.path().join("store"))));
    let refused = |result: Result<Library, PackError>| result.err().map(|e| e.kind());
    assert_eq!(
        refused(importer.install_pending(&shown)),
        Some("nothing-pending")
    );
    assert!(matches!(importer.restore(), Ok(None)));
    // This build trusts only the office's key: the test-signed pack is refused, and
    // nothing is left waiting.
    assert_eq!(
        importer.preview(&file, &shown, "en").unwrap_err().kind(),
        "unknown-key"
    );
    assert_eq!(
        refused(importer.install_pending(&shown)),
        Some("nothing-pending")
    );

    let folder = pack::Importer::new(None);
    assert_eq!(
        folder.preview(&file, &shown, "en").unwrap_err().kind(),
        "no-store"
    );
    assert_eq!(refused(folder.install_pending(&shown)), Some("no-store"));
    assert_eq!(folder.restore().err().map(|e| e.kind()), Some("no-store"));
}
