//! The search index kept on disk: built once, opened by the next run; and every kind of bad
//! index folder — truncated, empty or random files, another content's index, symbolic
//! links, a cache that can't be written — is rebuilt or searched without, never used.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use common::{copy_tree, locales_dir};
use reader_core::search::{IndexCache, IndexOrigin, Readiness, SearchHit, Searcher};
use reader_core::{ContentSource, Library};

fn shipped() -> Arc<Library> {
    Arc::new(Library::built_in())
}

/// The shipped content in a folder, with `from` replaced by `to` in every page that has it
/// (another content, as far as the index is concerned).
fn edited(dir: &Path, from: &str, to: &str) -> Arc<Library> {
    copy_tree(locales_dir(), dir);
    let pages = ["contacts.ftl", "news/country-strategy.ftl"];
    for page in ["en", "lo"]
        .iter()
        .flat_map(|l| pages.map(|p| dir.join(l).join("pages").join(p)))
    {
        let text = fs::read_to_string(&page).unwrap();
        assert!(text.contains(from), "{from} in {}", page.display());
        fs::write(&page, text.replace(from, to)).unwrap();
    }
    Arc::new(Library::load(ContentSource::Directory(dir.to_path_buf())).unwrap())
}

fn searcher(library: &Arc<Library>, cache: &Path) -> Searcher {
    Searcher::with_cache(library.clone(), Some(IndexCache::new(cache)))
}

fn search(searcher: &Searcher, query: &str) -> Vec<SearchHit> {
    let reading = searcher.library().locale("en").unwrap();
    searcher.search(query, &reading, 20)
}

/// The files tantivy wrote (not our `index.toml`).
fn index_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.file_name().unwrap() != "index.toml")
        .collect();
    files.sort();
    assert!(files.len() > 3, "{files:?}");
    files
}

const QUERY: &str = "migration ";

#[test]
fn built_once_then_opened_with_the_same_results() {
    let cache = tempfile::tempdir().unwrap();
    let library = shipped();
    let first = searcher(&library, cache.path());
    assert_eq!(first.readiness(), Readiness::NotStarted);
    let reading = library.locale("en").unwrap();
    assert_eq!(
        first.search_if_ready(QUERY, &reading, 5),
        Err(Readiness::NotStarted),
        "nothing waits for an index nobody prepared"
    );
    let hits = search(&first, QUERY);
    assert!(hits.len() > 3, "{hits:?}");
    assert_eq!(first.origin(), Some(IndexOrigin::Built));
    assert_eq!(first.readiness(), Readiness::Ready);
    assert!(first.notes().is_empty(), "{:?}", first.notes());
    let dir = IndexCache::new(cache.path()).path_for(&library);
    assert!(dir.join("index.toml").is_file());

    let second = searcher(&library, cache.path());
    assert_eq!(search(&second, QUERY), hits);
    assert_eq!(second.origin(), Some(IndexOrigin::Opened));
    assert!(second.notes().is_empty(), "{:?}", second.notes());
}

/// Builds the shipped content's index, damages it with `damage`, and checks that the next
/// run says so, rebuilds it and finds what an intact index finds.
fn damaged_index_is_rebuilt(damage: impl Fn(&Path, &[PathBuf])) {
    let cache = tempfile::tempdir().unwrap();
    let library = shipped();
    let expected = search(&searcher(&library, cache.path()), QUERY);
    let dir = IndexCache::new(cache.path()).path_for(&library);
    damage(&dir, &index_files(&dir));

    let next = searcher(&library, cache.path());
    assert_eq!(search(&next, QUERY), expected);
    assert_eq!(next.origin(), Some(IndexOrigin::Built));
    assert!(
        next.notes().iter().any(|n| n.contains("damaged")),
        "{:?}",
        next.notes()
    );
    // Rebuilt whole: the run after opens it.
    let after = searcher(&library, cache.path());
    assert_eq!(search(&after, QUERY), expected);
    assert_eq!(after.origin(), Some(IndexOrigin::Opened));
}

#[test]
fn truncated_files_are_rebuilt() {
    damaged_index_is_rebuilt(|_, files| {
        for file in files {
            let len = fs::metadata(file).unwrap().len();
            fs::OpenOptions::new()
                .write(true)
                .open(file)
                .unwrap()
                .set_len(len / 2)
                .unwrap();
        }
    });
}

#[test]
fn one_truncated_data_file_is_rebuilt() {
    damaged_index_is_rebuilt(|_, files| {
        let largest = files
            .iter()
            .max_by_key(|f| fs::metadata(f).unwrap().len())
            .unwrap();
        let len = fs::metadata(largest).unwrap().len();
        fs::OpenOptions::new()
            .write(true)
            .open(largest)
            .unwrap()
            .set_len(len - 1)
            .unwrap();
    });
}

#[test]
fn zero_length_files_are_rebuilt() {
    damaged_index_is_rebuilt(|_, files| {
        for file in files {
            fs::write(file, b"").unwrap();
        }
    });
}

#[test]
fn zero_length_description_is_rebuilt() {
    damaged_index_is_rebuilt(|dir, _| fs::write(dir.join("index.toml"), b"").unwrap());
}

/// Random bytes of the same length: only tantivy's checksums can tell.
#[test]
fn random_bytes_are_rebuilt() {
    damaged_index_is_rebuilt(|_, files| {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for file in files {
            let len = fs::metadata(file).unwrap().len() as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    seed as u8
                })
                .collect();
            fs::write(file, bytes).unwrap();
        }
    });
}

/// tantivy's own description of the index, changed in one digit: still valid JSON, same
/// length, no checksum of its own.
#[test]
fn an_edited_meta_json_is_rebuilt() {
    damaged_index_is_rebuilt(|dir, _| {
        let path = dir.join("meta.json");
        let text = fs::read_to_string(&path).unwrap();
        let at = text.find(|c: char| c.is_ascii_digit()).unwrap();
        let digit = text.as_bytes()[at];
        let other = if digit == b'9' {
            '8'
        } else {
            (digit + 1) as char
        };
        let mut edited = text.clone();
        edited.replace_range(at..at + 1, &other.to_string());
        assert_eq!(edited.len(), text.len());
        fs::write(&path, edited).unwrap();
    });
}

/// One byte changed in the middle of the largest file: the postings, not the footers.
#[test]
fn one_flipped_byte_is_rebuilt() {
    damaged_index_is_rebuilt(|_, files| {
        let largest = files
            .iter()
            .max_by_key(|f| fs::metadata(f).unwrap().len())
            .unwrap();
        let mut bytes = fs::read(largest).unwrap();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0x55;
        fs::write(largest, bytes).unwrap();
    });
}

#[test]
fn an_index_of_other_content_is_never_used() {
    let cache = tempfile::tempdir().unwrap();
    let content = tempfile::tempdir().unwrap();
    let shipped = shipped();
    let other = edited(content.path(), "Tuladhar", "Quorvane");
    let index_cache = IndexCache::new(cache.path());
    assert_ne!(
        index_cache.path_for(&shipped),
        index_cache.path_for(&other),
        "the key follows the content"
    );
    // The shipped content's index, placed where the other content's belongs.
    assert!(!search(&searcher(&shipped, cache.path()), "Tuladhar ").is_empty());
    copy_tree(
        &index_cache.path_for(&shipped),
        &index_cache.path_for(&other),
    );

    let next = searcher(&other, cache.path());
    assert_eq!(
        search(&next, "Tuladhar "),
        [],
        "a name only the other content has"
    );
    assert!(!search(&next, "Quorvane ").is_empty());
    assert_eq!(next.origin(), Some(IndexOrigin::Built));
    assert!(
        next.notes().iter().any(|n| n.contains("other content")),
        "{:?}",
        next.notes()
    );
}

/// A content folder is known by its files' paths, lengths and times: a word changed for
/// another of the same length is new content all the same.
#[test]
fn a_file_rewritten_in_place_is_new_content() {
    let cache = tempfile::tempdir().unwrap();
    let content = tempfile::tempdir().unwrap();
    let before = edited(content.path(), "Tuladhar", "Quorvane");
    assert!(!search(&searcher(&before, cache.path()), "Quorvane ").is_empty());
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(2);
    for locale in ["en", "lo"] {
        for page in ["contacts.ftl", "news/country-strategy.ftl"] {
            let path = content.path().join(locale).join("pages").join(page);
            let text = fs::read_to_string(&path).unwrap();
            fs::write(&path, text.replace("Quorvane", "Zelmorit")).unwrap();
            let file = fs::OpenOptions::new().write(true).open(&path).unwrap();
            file.set_modified(later).unwrap();
        }
    }
    let after = Arc::new(Library::load(ContentSource::Directory(content.path().into())).unwrap());
    assert_ne!(before.fingerprint(), after.fingerprint());
    let next = searcher(&after, cache.path());
    assert_eq!(search(&next, "Quorvane "), []);
    assert!(!search(&next, "Zelmorit ").is_empty());
    assert_eq!(next.origin(), Some(IndexOrigin::Built));
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_in_place_of_an_index_is_replaced_not_followed() {
    let elsewhere = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let library = shipped();
    // An intact index of the same content, elsewhere, linked to from the cache.
    let expected = search(&searcher(&library, elsewhere.path()), QUERY);
    let target = IndexCache::new(elsewhere.path()).path_for(&library);
    let before = index_files(&target);
    let link = IndexCache::new(cache.path()).path_for(&library);
    std::os::unix::fs::symlink(&target, &link).unwrap();

    let next = searcher(&library, cache.path());
    assert_eq!(search(&next, QUERY), expected);
    assert_eq!(next.origin(), Some(IndexOrigin::Built));
    assert!(
        next.notes().iter().any(|n| n.contains("symbolic link")),
        "{:?}",
        next.notes()
    );
    assert!(!fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(
        index_files(&target),
        before,
        "what the link pointed at is untouched"
    );
}

#[cfg(unix)]
#[test]
fn a_cache_folder_that_is_a_symbolic_link_is_not_used() {
    let real = tempfile::tempdir().unwrap();
    let parent = tempfile::tempdir().unwrap();
    let root = parent.path().join("search");
    std::os::unix::fs::symlink(real.path(), &root).unwrap();
    let library = shipped();

    let linked = searcher(&library, &root);
    assert!(search(&linked, QUERY).len() > 3);
    assert_eq!(linked.origin(), Some(IndexOrigin::Memory));
    assert!(
        linked.notes().iter().any(|n| n.contains("symbolic link")),
        "{:?}",
        linked.notes()
    );
    assert_eq!(
        fs::read_dir(real.path()).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
fn a_cache_that_cannot_be_written_searches_from_memory() {
    let parent = tempfile::tempdir().unwrap();
    // A file where the folder would be: nothing can be created under it.
    let root = parent.path().join("search");
    fs::write(&root, b"not a folder").unwrap();
    let library = shipped();
    let expected = search(&Searcher::new(library.clone()), QUERY);

    let blocked = searcher(&library, &root);
    assert_eq!(search(&blocked, QUERY), expected);
    assert_eq!(blocked.origin(), Some(IndexOrigin::Memory));
    assert!(
        blocked
            .notes()
            .iter()
            .any(|n| n.contains("searching from memory")),
        "{:?}",
        blocked.notes()
    );
    assert_eq!(fs::read(&root).unwrap(), b"not a folder");
}

/// Marks the index in `dir` as last used `hours_ago`.
fn last_used(dir: &Path, hours_ago: u64) {
    let when = std::time::SystemTime::now() - std::time::Duration::from_secs(hours_ago * 3600);
    let file = fs::OpenOptions::new()
        .write(true)
        .open(dir.join("index.toml"))
        .unwrap();
    file.set_modified(when).unwrap();
}

#[test]
fn the_most_recently_used_indexes_are_kept() {
    let cache = tempfile::tempdir().unwrap();
    let contents: Vec<_> = (0..4).map(|_| tempfile::tempdir().unwrap()).collect();
    let libraries: Vec<_> = contents
        .iter()
        .enumerate()
        .map(|(n, dir)| edited(dir.path(), "Tuladhar", &format!("Tuladhar{n}")))
        .collect();
    let paths: Vec<_> = libraries
        .iter()
        .map(|library| IndexCache::new(cache.path()).path_for(library))
        .collect();
    for (n, library) in libraries[..3].iter().enumerate() {
        assert!(!search(&searcher(library, cache.path()), &format!("Tuladhar{n} ")).is_empty());
        last_used(&paths[n], 3 - n as u64); // 0: 3 hours ago, 1: 2, 2: 1
    }
    // The oldest, opened again, is recently used now.
    let reopened = searcher(&libraries[0], cache.path());
    reopened.prepare();
    assert_eq!(reopened.origin(), Some(IndexOrigin::Opened));
    // A fourth: the least recently used (1) goes.
    search(&searcher(&libraries[3], cache.path()), "Tuladhar3 ");
    let kept: Vec<bool> = paths.iter().map(|p| p.exists()).collect();
    assert_eq!(kept, [true, false, true, true]);
}
