//! The page list of a content folder, kept in the user's cache folder: a 10,000-page
//! `manifest.toml` takes longer to parse than the whole first paint may cost, its cached
//! copy a few milliseconds to read (`docs/benchmarks.md`).
//!
//! An entry is the parsed [`Manifest`] (postcard), after a SHA-256 of it. Its name is a
//! digest of what says which file it was made from: the folder, the manifest's length and
//! modification time (what the search index's key trusts too), the entry format and the
//! reader's version. An entry that doesn't read back whole (truncated, bytes changed, from
//! another version) is ignored and the manifest parsed; the cache is never needed.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::LoadError;
use crate::manifest::Manifest;

/// The layout of an entry: bumped when [`Manifest`]'s fields change.
const FORMAT: u32 = 1;

/// Entries kept: the most recently used (one per content folder or installed version).
const KEEP: usize = 8;

/// Where a manifest came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageListOrigin {
    /// The cached page list of this very file.
    Cached,
    /// `manifest.toml`, parsed (no usable entry was cached).
    Parsed,
}

/// Where cached page lists live (`<cache>/pages`); `new` creates nothing.
#[derive(Debug, Clone)]
pub struct ManifestCache {
    root: PathBuf,
}

impl ManifestCache {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// The manifest of content folder `dir`: the cached copy when there is one of this
    /// very file, else parsed (and cached for the next start).
    pub fn read_or_parse(&self, dir: &Path) -> Result<(Manifest, PageListOrigin), LoadError> {
        let path = dir.join("manifest.toml");
        let key = std::fs::symlink_metadata(&path)
            .ok()
            .filter(|meta| meta.is_file())
            .map(|meta| key(dir, &meta));
        if let Some(manifest) = key.as_deref().and_then(|key| self.read(key)) {
            return Ok((manifest, PageListOrigin::Cached));
        }
        let manifest = parse_file(dir)?;
        if let Some(key) = key {
            if let Err(e) = self.write(&key, &manifest) {
                log::warn!("{}: page list not cached: {e}", self.root.display());
            }
        }
        Ok((manifest, PageListOrigin::Parsed))
    }

    fn entry(&self, key: &str) -> PathBuf {
        self.root.join(format!("{key}.pages"))
    }

    fn read(&self, key: &str) -> Option<Manifest> {
        let path = self.entry(key);
        // A link is not followed: the cache folder holds files this reader wrote.
        let meta = std::fs::symlink_metadata(&path).ok()?;
        if !meta.is_file() {
            return None;
        }
        let bytes = std::fs::read(&path).ok()?;
        let (digest, payload) = bytes.split_at_checked(32)?;
        if Sha256::digest(payload).as_slice() != digest {
            log::warn!("{}: damaged, the manifest is read instead", path.display());
            return None;
        }
        let mut manifest: Manifest = postcard::from_bytes(payload).ok()?;
        manifest.build_indexes();
        // Touched: the least recently used entries go first.
        let _ = std::fs::File::options()
            .append(true)
            .open(&path)
            .and_then(|file| file.set_modified(std::time::SystemTime::now()));
        Some(manifest)
    }

    fn write(&self, key: &str, manifest: &Manifest) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.root)?;
        let payload = postcard::to_stdvec(manifest).map_err(std::io::Error::other)?;
        let mut bytes = Sha256::digest(&payload).to_vec();
        bytes.extend_from_slice(&payload);
        let mut file = tempfile::NamedTempFile::new_in(&self.root)?;
        std::io::Write::write_all(&mut file, &bytes)?;
        file.persist(self.entry(key)).map_err(|e| e.error)?;
        self.prune();
        Ok(())
    }

    /// Removes all but the `KEEP` most recently used entries.
    fn prune(&self) {
        let Ok(entries) = std::fs::read_dir(&self.root) else {
            return;
        };
        let mut found: Vec<(std::time::SystemTime, PathBuf)> = entries
            .flatten()
            .filter(|entry| entry.file_name().to_string_lossy().ends_with(".pages"))
            .filter_map(|entry| Some((entry.metadata().ok()?.modified().ok()?, entry.path())))
            .collect();
        found.sort_by_key(|(modified, _)| std::cmp::Reverse(*modified));
        for (_, path) in found.into_iter().skip(KEEP) {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Reads and parses `manifest.toml` of folder `dir`.
pub(crate) fn parse_file(dir: &Path) -> Result<Manifest, LoadError> {
    let text =
        crate::source::read_top_file(dir, "manifest.toml")?.ok_or(LoadError::MissingManifest)?;
    Manifest::parse(&String::from_utf8_lossy(&text))
}

/// The entry's name for the manifest described by `meta` in folder `dir`.
fn key(dir: &Path, meta: &std::fs::Metadata) -> String {
    let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    let mut digest = Sha256::new();
    digest.update(FORMAT.to_le_bytes());
    digest.update(env!("CARGO_PKG_VERSION").as_bytes());
    digest.update([0]);
    digest.update(dir.as_os_str().as_encoded_bytes());
    digest.update([0]);
    digest.update(meta.len().to_le_bytes());
    digest.update(modified.to_le_bytes());
    hex::encode(&digest.finalize()[..16])
}
