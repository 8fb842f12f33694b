//! Where content comes from: the default embedded in the binary, or a directory.
//!
//! Either way the result is an in-memory map of relative paths to bytes, so nothing later
//! (rendering, the URI handler) ever touches the file system.

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
        walk(root, root, 0, &mut files, &mut stamps)?;
        // In path order: the walk's order is the file system's.
        let mut digest = sha2::Sha256::new();
        for (path, (len, modified)) in &stamps {
            for part in [
                path.as_bytes(),
                &[0],
                &len.to_le_bytes(),
                &modified.to_le_bytes(),
            ] {
                digest.update(part);
            }
        }
        Ok(Self {
            files,
            stamp: Some(hex::encode(digest.finalize())),
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

fn walk(
    root: &Path,
    dir: &Path,
    depth: usize,
    files: &mut BTreeMap<String, Cow<'static, [u8]>>,
    stamps: &mut BTreeMap<String, (u64, u128)>,
) -> Result<(), LoadError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| LoadError::Io { path, source }
    };
    for entry in std::fs::read_dir(dir).map_err(io(dir))? {
        let entry = entry.map_err(io(dir))?;
        let path = entry.path();
        // symlink_metadata: a link inside the content must not lead reads outside it.
        let meta = std::fs::symlink_metadata(&path).map_err(io(&path))?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        if meta.is_dir() {
            if depth == MAX_DEPTH {
                return Err(LoadError::TooDeep {
                    path,
                    max: MAX_DEPTH,
                });
            }
            walk(root, &path, depth + 1, files, stamps)?;
        } else if let Some(bytes) = read_regular_file(&path, &meta)? {
            let relative = path
                .strip_prefix(root)
                .expect("walked below root")
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            let modified = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            stamps.insert(relative.clone(), (bytes.len() as u64, modified));
            files.insert(relative, Cow::Owned(bytes));
        }
    }
    Ok(())
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
    if !meta.is_file() {
        log::warn!("{}: skipped, not a regular file", path.display());
        return Ok(None);
    }
    if meta.len() > MAX_FILE_BYTES {
        log::warn!(
            "{}: skipped, larger than {MAX_FILE_BYTES} bytes",
            path.display()
        );
        return Ok(None);
    }
    std::fs::read(path)
        .map(Some)
        .map_err(|source| LoadError::Io {
            path: path.to_path_buf(),
            source,
        })
}
