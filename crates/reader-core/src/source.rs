//! Where content comes from: the default embedded in the binary, or a directory.
//!
//! Checks, status, export and packs read the whole tree into an in-memory map of relative
//! paths to bytes ([`ContentFiles`]); a library opened for reading reads one file when it
//! needs it ([`ContentSource::read_file`]), under the same rules: no links, only regular
//! files, none too large.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sha2::Digest;

use crate::error::LoadError;

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// How deep folders may nest in a content folder (ours: `lo/pages/news/…`, 3). The walk
/// recurses once per level: 1,500 levels overflowed its stack.
pub const MAX_DEPTH: usize = 16;

/// Content files larger than this are refused: no page or image of ours comes close.
const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// A file's relative path and its bytes.
pub type SourceFile = (String, Cow<'static, [u8]>);

/// Where to load content from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentSource {
    /// The content compiled into the binary (`locales/` of the repository).
    Embedded,
    /// A content directory laid out like `locales/`.
    Directory(PathBuf),
}

impl ContentSource {
    /// One file of the content, read when asked: `None` when it is missing or is not what
    /// content may hold (a link anywhere on its path, not a regular file, too large).
    /// `path` is `/`-separated and relative; a part that is empty, `.` or `..` is refused.
    pub fn read_file(&self, path: &str) -> Result<Option<Cow<'static, [u8]>>, LoadError> {
        let root = match self {
            ContentSource::Embedded => {
                return Ok(EMBEDDED_FILES
                    .iter()
                    .find(|(name, _)| *name == path)
                    .map(|(_, bytes)| Cow::Borrowed(*bytes)))
            }
            ContentSource::Directory(root) => root,
        };
        let parts: Vec<&str> = path.split('/').collect();
        if parts.iter().any(|part| matches!(*part, "" | "." | "..")) {
            return Ok(None);
        }
        let mut at = root.clone();
        for (n, part) in parts.iter().enumerate() {
            at.push(part);
            let meta = match std::fs::symlink_metadata(&at) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
                Err(source) => return Err(LoadError::Io { path: at, source }),
                Ok(meta) => meta,
            };
            if n + 1 < parts.len() {
                if !meta.is_dir() {
                    // A link to a folder, or a file where a folder should be.
                    return Ok(None);
                }
                continue;
            }
            return Ok(read_regular_file(&at, &meta)?.map(Cow::Owned));
        }
        Ok(None)
    }

    /// The entries of folder `dir` of the content (`""`: its top): each name, and whether
    /// it is a folder (not a link to one). Hidden names are skipped, as the walk skips them.
    pub fn list(&self, dir: &str) -> Result<Vec<(String, bool)>, LoadError> {
        let root = match self {
            ContentSource::Embedded => {
                let prefix = if dir.is_empty() {
                    String::new()
                } else {
                    format!("{dir}/")
                };
                let mut entries: Vec<(String, bool)> = EMBEDDED_FILES
                    .iter()
                    .filter_map(|(path, _)| path.strip_prefix(&prefix))
                    .map(|rest| match rest.split_once('/') {
                        Some((folder, _)) => (folder.to_string(), true),
                        None => (rest.to_string(), false),
                    })
                    .collect();
                entries.sort();
                entries.dedup();
                return Ok(entries);
            }
            ContentSource::Directory(root) => root,
        };
        let path = if dir.is_empty() {
            root.clone()
        } else {
            root.join(dir)
        };
        let io = |source| LoadError::Io {
            path: path.clone(),
            source,
        };
        let mut entries = Vec::new();
        for entry in std::fs::read_dir(&path).map_err(io)? {
            let entry = entry.map_err(io)?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let is_dir = entry.file_type().map_err(io)?.is_dir();
            entries.push((name, is_dir));
        }
        entries.sort();
        Ok(entries)
    }

    /// For a folder: its stamp (see [`ContentFiles::stamp`]), from a walk that reads no
    /// file, only what the file system says of each.
    pub fn stamp(&self) -> Result<Option<String>, LoadError> {
        match self {
            ContentSource::Embedded => Ok(None),
            ContentSource::Directory(root) => {
                let mut stamps = BTreeMap::new();
                walk(root, "", 0, None, &mut stamps)?;
                Ok(Some(stamp_of(&stamps)))
            }
        }
    }
}

impl std::fmt::Display for ContentSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ContentSource::Embedded => f.write_str("embedded content"),
            ContentSource::Directory(dir) => write!(f, "{}", dir.display()),
        }
    }
}

/// The files of one content tree, keyed by `/`-separated relative path.
#[derive(Debug, Default, Clone)]
pub struct ContentFiles {
    files: BTreeMap<String, Cow<'static, [u8]>>,
    /// For a folder: a digest of every file's path, length and modification time as read
    /// (see [`ContentFiles::stamp`]).
    stamp: Option<String>,
}

impl ContentFiles {
    /// Reads every file of the source into memory.
    pub fn read(source: &ContentSource) -> Result<Self, LoadError> {
        match source {
            ContentSource::Embedded => Ok(Self::embedded()),
            ContentSource::Directory(dir) => Self::from_dir(dir),
        }
    }

    /// The content compiled into the binary.
    pub fn embedded() -> Self {
        let files = EMBEDDED_FILES
            .iter()
            .map(|(path, bytes)| (path.to_string(), Cow::Borrowed(*bytes)))
            .collect();
        Self { files, stamp: None }
    }

    fn from_dir(root: &Path) -> Result<Self, LoadError> {
        let mut files = BTreeMap::new();
        let meta = std::fs::metadata(root).map_err(|source| LoadError::Io {
            path: root.to_path_buf(),
            source,
        })?;
        if !meta.is_dir() {
            return Err(LoadError::NotADirectory(root.to_path_buf()));
        }
        let mut stamps = BTreeMap::new();
        walk(root, "", 0, Some(&mut files), &mut stamps)?;
        Ok(Self {
            files,
            stamp: Some(stamp_of(&stamps)),
        })
    }

    /// For content read from a folder: a digest of every file's path, length and
    /// modification time, as the walk saw them (computed in ~2 ms for 20,000 files, where
    /// hashing their 40 MB took ~230 ms before the first search). Caches keyed by it
    /// trust what `make` and `rsync` trust: a file rewritten changes its time.
    pub fn stamp(&self) -> Option<&str> {
        self.stamp.as_deref()
    }

    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(|bytes| bytes.as_ref())
    }

    /// Relative paths under `prefix` (which ends with `/`), in sorted order.
    pub fn paths_under<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.files
            .range(prefix.to_string()..)
            .map(|(path, _)| path.as_str())
            .take_while(move |path| path.starts_with(prefix))
    }

    /// Adds a file (fuzzing and tests build content in memory).
    pub fn insert_for_tests(&mut self, path: &str, bytes: Vec<u8>) {
        self.insert(path.to_string(), bytes);
    }

    pub(crate) fn insert(&mut self, path: String, bytes: Vec<u8>) {
        self.files.insert(path, Cow::Owned(bytes));
    }

    /// Moves out the bytes of the files under `prefix` ending with `suffix`, keeping their
    /// paths (so existence checks still work): parsed `.ftl` text lives in the bundles, and
    /// a big site must not hold it twice.
    pub(crate) fn take_under(&mut self, prefix: &str, suffix: &str) -> Vec<SourceFile> {
        self.files
            .iter_mut()
            .filter(|(path, _)| path.starts_with(prefix) && path.ends_with(suffix))
            .map(|(path, bytes)| (path.clone(), std::mem::replace(bytes, Cow::Borrowed(&[]))))
            .collect()
    }

    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// Every file's path and bytes (a `.ftl` file's bytes are empty once its bundle took
    /// them), for a fingerprint.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files
            .iter()
            .map(|(path, bytes)| (path.as_str(), bytes.as_ref()))
    }
}

/// A digest of every file's path, length and modification time, in path order (the walk's
/// order is the file system's).
fn stamp_of(stamps: &BTreeMap<String, (u64, u128)>) -> String {
    let mut digest = sha2::Sha256::new();
    for (path, (len, modified)) in stamps {
        for part in [
            path.as_bytes(),
            &[0],
            &len.to_le_bytes(),
            &modified.to_le_bytes(),
        ] {
            digest.update(part);
        }
    }
    hex::encode(digest.finalize())
}

/// Walks the content folder: every file's length and time into `stamps`, and, when
/// `files` is given, its bytes (files the reader refuses are in neither). `relative` is
/// `dir`'s path below the root (`""`, `lo`, `lo/pages`…).
fn walk(
    dir: &Path,
    relative: &str,
    depth: usize,
    mut files: Option<&mut BTreeMap<String, Cow<'static, [u8]>>>,
    stamps: &mut BTreeMap<String, (u64, u128)>,
) -> Result<(), LoadError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| LoadError::Io { path, source }
    };
    for entry in std::fs::read_dir(dir).map_err(io(dir))? {
        let entry = entry.map_err(io(dir))?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        // The entry's own metadata (a link's, never its target's: a link inside the
        // content must not lead reads outside it), asked of its folder: ~2× quicker than
        // by path for 20,000 files.
        let meta = entry.metadata().map_err(io(&entry.path()))?;
        let path_below = if relative.is_empty() {
            name.into_owned()
        } else {
            format!("{relative}/{name}")
        };
        if meta.is_dir() {
            if depth == MAX_DEPTH {
                return Err(LoadError::TooDeep {
                    path: entry.path(),
                    max: MAX_DEPTH,
                });
            }
            walk(
                &entry.path(),
                &path_below,
                depth + 1,
                files.as_deref_mut(),
                stamps,
            )?;
            continue;
        }
        let bytes = match files {
            Some(_) => read_regular_file(&entry.path(), &meta)?,
            None => is_readable_content(&entry.path(), &meta).then(Vec::new),
        };
        if let Some(bytes) = bytes {
            stamps.insert(path_below.clone(), (meta.len(), modified_nanos(&meta)));
            if let Some(files) = files.as_deref_mut() {
                files.insert(path_below, Cow::Owned(bytes));
            }
        }
    }
    Ok(())
}

/// A file's modification time in nanoseconds since 1970 (0 when unknown).
fn modified_nanos(meta: &std::fs::Metadata) -> u128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

/// Whether content may hold this file (see [`read_regular_file`]); what it may not is logged.
fn is_readable_content(path: &Path, meta: &std::fs::Metadata) -> bool {
    if !meta.is_file() {
        log::warn!("{}: skipped, not a regular file", path.display());
        return false;
    }
    if meta.len() > MAX_FILE_BYTES {
        log::warn!(
            "{}: skipped, larger than {MAX_FILE_BYTES} bytes",
            path.display()
        );
        return false;
    }
    true
}

/// The bytes of file `name` at the top of a content directory, read as the whole directory
/// is: `None` when it is missing, a link, not a regular file, or too large.
pub(crate) fn read_top_file(root: &Path, name: &str) -> Result<Option<Vec<u8>>, LoadError> {
    let path = root.join(name);
    match std::fs::symlink_metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(LoadError::Io { path, source }),
        Ok(meta) => read_regular_file(&path, &meta),
    }
}

/// A file's bytes, or `None` (logged) for what content must not hold: a link (no read may
/// lead outside the content), anything else not a regular file (a FIFO would block), and
/// files over `MAX_FILE_BYTES`.
fn read_regular_file(path: &Path, meta: &std::fs::Metadata) -> Result<Option<Vec<u8>>, LoadError> {
    if !is_readable_content(path, meta) {
        return Ok(None);
    }
    std::fs::read(path)
        .map(Some)
        .map_err(|source| LoadError::Io {
            path: path.to_path_buf(),
            source,
        })
}
