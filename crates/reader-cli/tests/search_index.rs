//! `reader search` keeps its index in the user's cache (`$XDG_CACHE_HOME`), where the app
//! keeps its own: built by the first search of a content, opened by every later one. A cache
//! on a full or read-only disk is searched without, and said so. The disks here are real:
//! a small tmpfs, mounted in a user and mount namespace of the test's own (`unshare`).

use std::path::Path;
use std::process::Command;

const READER: &str = env!("CARGO_BIN_EXE_reader");

/// Runs `reader search migration` with `cache` as the user's cache folder; the exit code,
/// stdout and stderr.
fn search(cache: &Path) -> (i32, String, String) {
    let out = Command::new(READER)
        .args(["search", "migration", "--lang", "en"])
        .env("XDG_CACHE_HOME", cache)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs `reader search migration` with its cache on a tmpfs mounted with `options`, then
/// lists what the cache folder holds. The exit code, stdout and stderr.
fn search_on_tmpfs(options: &str) -> (i32, String, String) {
    let mount_point = tempfile::tempdir().unwrap();
    let script = format!(
        r#"mount -t tmpfs -o {options} tmpfs "$1" || exit 99
        XDG_CACHE_HOME="$1" "$2" search migration --lang en || exit $?
        echo "left in the cache:"; find "$1" -mindepth 3"#
    );
    let out = Command::new("unshare")
        .args([
            "--user",
            "--map-root-user",
            "--mount",
            "sh",
            "-c",
            &script,
            "sh",
        ])
        .arg(mount_point.path())
        .arg(READER)
        .output()
        .unwrap();
    let result = (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    assert_ne!(
        result.0, 99,
        "mounting a tmpfs in a namespace: {}",
        result.2
    );
    result
}

fn results(stdout: &str) -> &str {
    stdout.split("left in the cache:").next().unwrap()
}

#[test]
fn the_second_search_opens_the_index_the_first_built() {
    let cache = tempfile::tempdir().unwrap();
    let (code, first, stderr) = search(cache.path());
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("search index built and saved in the cache"),
        "{stderr}"
    );
    assert!(
        first.contains("result(s)") && !first.contains("\n0 result(s)"),
        "{first}"
    );
    let saved = cache.path().join(reader_core::APP_ID).join("search");
    assert_eq!(std::fs::read_dir(&saved).unwrap().count(), 1);

    let (code, second, stderr) = search(cache.path());
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("search index opened from the cache"),
        "{stderr}"
    );
    assert_eq!(second, first);
}

/// Searches with the cache on a tmpfs mounted with `options`, where saving the index fails
/// with `reason`: the results must be those of a working cache. Returns stdout.
fn searched_from_memory(options: &str, reason: &str) -> String {
    let (_, expected, _) = search(tempfile::tempdir().unwrap().path());
    let (code, stdout, stderr) = search_on_tmpfs(options);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains(reason), "{stderr}");
    assert!(stderr.contains("searching from memory"), "{stderr}");
    assert_eq!(results(&stdout), expected);
    stdout
}

#[test]
fn a_full_disk_is_searched_without_a_saved_index() {
    // Room for the folders, not for the index (~90 KB for the shipped content).
    let stdout = searched_from_memory("size=48k", "No space left on device");
    // The half-written index is gone: the next start finds a clean cache.
    let left = stdout.split("left in the cache:").nth(1).unwrap();
    assert_eq!(left.trim(), "", "{stdout}");
}

/// An index saved earlier is used from a cache that became read-only (tantivy's lock
/// files are never created there).
#[test]
fn an_index_in_a_read_only_cache_is_opened() {
    let (_, expected, _) = search(tempfile::tempdir().unwrap().path());
    let mount_point = tempfile::tempdir().unwrap();
    let script = r#"mount -t tmpfs tmpfs "$1" || exit 99
        XDG_CACHE_HOME="$1" "$2" search migration --lang en > /dev/null || exit $?
        mount -o remount,ro "$1" || exit 99
        XDG_CACHE_HOME="$1" "$2" search migration --lang en"#;
    let out = Command::new("unshare")
        .args([
            "--user",
            "--map-root-user",
            "--mount",
            "sh",
            "-c",
            script,
            "sh",
        ])
        .arg(mount_point.path())
        .arg(READER)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("search index opened from the cache"),
        "{stderr}"
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
}

#[test]
fn a_read_only_cache_is_searched_without_a_saved_index() {
    searched_from_memory("ro", "Read-only file system");
}
