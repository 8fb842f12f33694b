//! The search index on disk, in the user's cache folder: built once for a content, opened
//! memory-mapped by every later run.
//!
//! ```text
//! <cache>/<key>/          tantivy's files, and index.toml (what it was built from)
//! <cache>/.building-…     an index being written; renamed to <key> once whole
//! ```
//!
//! `key` digests the content's fingerprint with the index format and the reader's version:
//! another content, or a reader with another tokenizer, never finds this index. `index.toml`
//! says the same in full and is checked on open, and so are tantivy's checksums of every
//! file. Anything that does not pass — a truncated or damaged file, another content's
//! index, a symbolic link where a folder should be — is built again; when the cache cannot
//! be written (read-only, a full disk), the index is built in memory and the reason logged.
//! Symbolic links are never followed in the cache.

use std::collections::BTreeMap;
use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr,
};
use tantivy::Index;

use super::{register_tokenizers, schema, IndexOrigin, Progress, SearchIndex};
use crate::library::Library;

/// Raised whenever what is indexed, or how, changes (fields, tokenizers, folding).
pub const FORMAT: u32 = 3;
const READER_VERSION: &str = env!("CARGO_PKG_VERSION");
const META: &str = "index.toml";
/// Indexes kept: the content shown, the one before it, one more (a restore is instant).
const KEEP: usize = 3;
/// A `.building-` folder this old was left by a run that stopped.
const ABANDONED: Duration = Duration::from_secs(3600);

/// What an index was built from, and the files it was written as.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Meta {
    format: u32,
    reader: String,
    content: String,
    blocks: u64,
    /// Every file of the index and its length.
    files: BTreeMap<String, u64>,
    /// SHA-256 of tantivy's JSON files, which carry no checksum of their own.
    digests: BTreeMap<String, String>,
}

impl Meta {
    fn matches(&self, library: &Library) -> bool {
        self.format == FORMAT
            && self.reader == READER_VERSION
            && self.content == library.fingerprint()
    }
}

/// tantivy's JSON files, which carry no checksum footer: their digests are kept in ours.
const UNCHECKSUMMED: [&str; 2] = ["meta.json", ".managed.json"];

fn digests_of(dir: &Path) -> std::io::Result<BTreeMap<String, String>> {
    UNCHECKSUMMED
        .iter()
        .map(|name| {
            let bytes = fs::read(dir.join(name))?;
            Ok((name.to_string(), hex::encode(Sha256::digest(bytes))))
        })
        .collect()
}

/// Lock files tantivy may leave, empty.
const LOCKS: [&str; 2] = [".tantivy-meta.lock", ".tantivy-writer.lock"];

/// The files of an index folder and their lengths (not ours, not tantivy's locks).
fn files_of(dir: &Path) -> std::io::Result<BTreeMap<String, u64>> {
    let mut files = BTreeMap::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == META || LOCKS.contains(&name.as_str()) {
            continue;
        }
        files.insert(name, entry.metadata()?.len());
    }
    Ok(files)
}

/// Why the cache was not used (the index is then built again, or in memory).
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    #[error("{0} is a symbolic link or not a folder: the cache is not used")]
    NotAFolder(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the saved index at {path} is damaged ({reason})")]
    Damaged { path: PathBuf, reason: String },
    #[error("the saved index at {0} was built from other content or by another reader")]
    OtherContent(PathBuf),
    #[error("the index could not be written in {path}: {source}")]
    Write {
        path: PathBuf,
        source: tantivy::TantivyError,
    },
}

/// The folder where indexes are kept (e.g. `~/.cache/<app>/search`).
#[derive(Debug, Clone)]
pub struct IndexCache {
    root: PathBuf,
}

impl IndexCache {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where the index of `library` is kept.
    pub fn path_for(&self, library: &Library) -> PathBuf {
        self.root.join(key(library))
    }

    /// The saved index of `library`: `None` when there is none yet, an error when there
    /// is one that can't be used.
    pub fn open(&self, library: &Library) -> Result<Option<SearchIndex>, CacheError> {
        let dir = self.path_for(library);
        match fs::symlink_metadata(&dir) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(CacheError::Io { path: dir, source }),
            Ok(meta) if !meta.is_dir() => return Err(CacheError::NotAFolder(dir)),
            Ok(_) => self.check_root()?,
        }
        let damaged = |reason: String| CacheError::Damaged {
            path: dir.clone(),
            reason,
        };
        let text =
            fs::read_to_string(dir.join(META)).map_err(|e| damaged(format!("{META}: {e}")))?;
        let meta: Meta = toml::from_str(&text).map_err(|e| damaged(format!("{META}: {e}")))?;
        if !meta.matches(library) {
            return Err(CacheError::OtherContent(dir));
        }
        let found = files_of(&dir).map_err(|e| damaged(e.to_string()))?;
        if found != meta.files {
            return Err(damaged("files missing, added or of another length".into()));
        }
        if digests_of(&dir).ok().as_ref() != Some(&meta.digests) {
            return Err(damaged("meta.json or .managed.json changed".into()));
        }
        let index = open_checked(&dir, &meta.files, IndexOrigin::Opened).map_err(damaged)?;
        if index.len() as u64 != meta.blocks {
            return Err(damaged(format!(
                "{} blocks where {} were written",
                index.len(),
                meta.blocks
            )));
        }
        // Recently used: kept by the clean-up (a read-only cache is no reason to fail).
        let _ = fs::OpenOptions::new()
            .write(true)
            .open(dir.join(META))
            .and_then(|f| f.set_modified(SystemTime::now()));
        Ok(Some(index))
    }

    /// Builds the index of `library` into the cache (replacing an unusable one), and
    /// opens it from there.
    pub fn build(&self, library: &Library, progress: &Progress) -> Result<SearchIndex, CacheError> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| CacheError::Io { path, source }
        };
        fs::create_dir_all(&self.root).map_err(io(&self.root))?;
        self.check_root()?;
        self.remove_abandoned();
        let building = tempfile::Builder::new()
            .prefix(".building-")
            .tempdir_in(&self.root)
            .map_err(io(&self.root))?;
        let write_error = |source| CacheError::Write {
            path: self.root.clone(),
            source,
        };
        let index = Index::create_in_dir(building.path(), schema()).map_err(write_error)?;
        let blocks = SearchIndex::write(library, &index, progress).map_err(write_error)?;
        drop(index);
        let meta = Meta {
            format: FORMAT,
            reader: READER_VERSION.to_string(),
            content: library.fingerprint().to_string(),
            blocks,
            files: files_of(building.path()).map_err(io(building.path()))?,
            digests: digests_of(building.path()).map_err(io(building.path()))?,
        };
        let text = toml::to_string(&meta).expect("plain data");
        fs::write(building.path().join(META), text).map_err(io(building.path()))?;

        let dir = self.path_for(library);
        // Another run (the app and `reader search`, say) may have finished the same index
        // meanwhile: then that one is used, and this one dropped.
        if let Ok(Some(theirs)) = self.open(library) {
            return Ok(theirs.with_origin(IndexOrigin::Built));
        }
        match fs::symlink_metadata(&dir) {
            // A link is removed, never what it points at.
            Ok(meta) if !meta.is_dir() => fs::remove_file(&dir).map_err(io(&dir))?,
            Ok(_) => fs::remove_dir_all(&dir).map_err(io(&dir))?,
            Err(_) => {}
        }
        fs::rename(building.path(), &dir).map_err(io(&dir))?;
        let _ = building.keep(); // renamed: nothing left for it to remove
        self.remove_unused(&dir);
        open_checked(&dir, &meta.files, IndexOrigin::Built)
            .map_err(|reason| CacheError::Damaged { path: dir, reason })
    }

    /// The cache folder itself must be a folder, not a link to one.
    fn check_root(&self) -> Result<(), CacheError> {
        match fs::symlink_metadata(&self.root) {
            Ok(meta) if meta.is_dir() => Ok(()),
            Ok(_) => Err(CacheError::NotAFolder(self.root.clone())),
            Err(source) => Err(CacheError::Io {
                path: self.root.clone(),
                source,
            }),
        }
    }

    fn entries(&self) -> Vec<(String, PathBuf, SystemTime)> {
        let Ok(entries) = fs::read_dir(&self.root) else {
            return Vec::new();
        };
        entries
            .flatten()
            .filter_map(|entry| {
                let meta = entry.metadata().ok()?;
                let used = fs::symlink_metadata(entry.path().join(META))
                    .and_then(|m| m.modified())
                    .or_else(|_| meta.modified())
                    .ok()?;
                Some((entry.file_name().into_string().ok()?, entry.path(), used))
            })
            .collect()
    }

    fn remove_abandoned(&self) {
        for (name, path, used) in self.entries() {
            let old = used.elapsed().is_ok_and(|age| age > ABANDONED);
            if name.starts_with(".building-") && old {
                let _ = fs::remove_dir_all(path);
            }
        }
    }

    /// Keeps `current` and the most recently used others, up to [`KEEP`]. (An index a
    /// running reader has mapped stays readable: removing it only unlinks its files.)
    fn remove_unused(&self, current: &Path) {
        let mut others: Vec<_> = self
            .entries()
            .into_iter()
            .filter(|(name, path, _)| is_key(name) && path != current)
            .collect();
        others.sort_by_key(|(_, _, used)| std::cmp::Reverse(*used));
        for (_, path, _) in others.into_iter().skip(KEEP - 1) {
            let _ = fs::remove_dir_all(path);
        }
    }
}

/// The folder name of an index: 32 hex digits.
fn key(library: &Library) -> String {
    let mut digest = Sha256::new();
    digest.update(FORMAT.to_le_bytes());
    digest.update(READER_VERSION.as_bytes());
    digest.update([0]);
    digest.update(library.fingerprint().as_bytes());
    hex::encode(&digest.finalize()[..16])
}

fn is_key(name: &str) -> bool {
    name.len() == 32 && name.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Opens the index in `dir`, checking each of its `files` against the checksum in its
/// footer first (reads it all once: 11–14 ms for a 10,000-page site's, off the UI's way).
/// Damaged data must never reach a search: tantivy trusts what it reads, and a panic there
/// is caught.
fn open_checked(
    dir: &Path,
    files: &BTreeMap<String, u64>,
    origin: IndexOrigin,
) -> Result<SearchIndex, String> {
    let open = || -> tantivy::Result<Result<SearchIndex, String>> {
        let index = Index::open(ReadOnly(MmapDirectory::open(dir)?))?;
        register_tokenizers(&index);
        for name in files.keys() {
            if UNCHECKSUMMED.contains(&name.as_str()) {
                continue;
            }
            if !index.directory().validate_checksum(Path::new(name))? {
                return Ok(Err(format!("checksum mismatch in {name}")));
            }
        }
        Ok(Ok(SearchIndex::open(index, origin)?))
    };
    match catch_unwind(AssertUnwindSafe(open)) {
        Ok(Ok(opened)) => opened,
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("unreadable".to_string()),
    }
}

/// A finished index, opened to be read only. tantivy takes a lock file while it opens
/// segments (against its own clean-up, which only a writer runs): creating that file would
/// fail in a read-only cache, and nothing writes here, so no lock is taken.
#[derive(Clone, Debug)]
struct ReadOnly(MmapDirectory);

impl Directory for ReadOnly {
    fn get_file_handle(
        &self,
        path: &Path,
    ) -> Result<std::sync::Arc<dyn FileHandle>, OpenReadError> {
        self.0.get_file_handle(path)
    }
    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.0.delete(path)
    }
    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.0.exists(path)
    }
    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.0.open_write(path)
    }
    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.0.atomic_read(path)
    }
    fn atomic_write(&self, path: &Path, data: &[u8]) -> std::io::Result<()> {
        self.0.atomic_write(path, data)
    }
    fn sync_directory(&self) -> std::io::Result<()> {
        self.0.sync_directory()
    }
    fn watch(&self, callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.0.watch(callback)
    }
    fn acquire_lock(&self, _lock: &Lock) -> Result<DirectoryLock, LockError> {
        Ok(DirectoryLock::from(Box::new(())))
    }
}
