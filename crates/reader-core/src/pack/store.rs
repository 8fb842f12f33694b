//! Installed content, in the app's data directory:
//!
//! ```text
//! content/versions/<version>/…   each installed version, whole
//! content/state.toml              current = 3, previous = 2
//! ```
//!
//! An install writes a fresh directory, fsyncs every file and directory, renames it into
//! `versions/`, then switches `state.toml` by writing a new one beside it, fsyncing it and
//! renaming it over the old (and fsyncing the directory). A crash or power loss at any
//! moment leaves the old state or the new one, each pointing at whole content.
//!
//! An install or restore holds `content/.lock` (an advisory lock) from start to end: a
//! second one, from the app or the CLI, is refused. `content/newest.toml` keeps the highest
//! version ever installed, so content can't be rolled back to an older pack. (It is a file
//! of its own: the 0.1.0 reader refuses unknown fields in `state.toml`, and would read a
//! state with one as empty.) Fields of `state.toml` that this reader does not know — a
//! newer reader's — are kept when it rewrites the file.
//!
//! A reader reads an installed version's pages when it shows them, so while it reads one it
//! holds `content/reading/<version>.lock` (shared): the clean-up after a newer install (the
//! CLI's, while the app is open) keeps that version until no reader holds it.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{PackError, VerifiedPack};
use crate::library::Library;
use crate::source::ContentSource;

const STATE: &str = "state.toml";
const NEWEST: &str = "newest.toml";
const LOCK: &str = ".lock";
const VERSIONS: &str = "versions";
const READING: &str = "reading";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct State {
    pub current: Option<u64>,
    pub previous: Option<u64>,
    /// Fields of a newer reader, written back as they were.
    #[serde(flatten)]
    pub other: toml::Table,
}

impl State {
    /// Whether a restore has something to go back to: only after an import.
    pub fn can_restore(&self) -> bool {
        self.current.is_some()
    }
}

/// The highest version ever installed.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
struct Newest {
    version: u64,
}

/// Held while an install or restore runs; released when dropped.
pub struct StoreLock(#[allow(dead_code)] File);

/// The installed content of one user.
pub struct Store {
    root: PathBuf,
    /// Where the page lists of installed versions are cached (the app's cache folder).
    page_cache: Option<crate::manifest_cache::ManifestCache>,
}

/// A step where tests inject failures (`failpoints` feature): returns an error, or aborts
/// the process as a crash would.
fn step(name: &str) -> std::io::Result<()> {
    #[cfg(feature = "failpoints")]
    {
        if std::env::var_os("READER_TRACE_STEPS").is_some() {
            eprintln!("step {name}");
        }
        if std::env::var("READER_CRASH_AT").is_ok_and(|at| at == name) {
            std::process::abort();
        }
        if std::env::var("READER_FAIL_AT").is_ok_and(|at| at == name) {
            return Err(std::io::Error::other(format!("injected failure at {name}")));
        }
    }
    let _ = name;
    Ok(())
}

fn fsync_dir(path: &Path) -> std::io::Result<()> {
    step("fsync-dir")?;
    File::open(path)?.sync_all()
}

impl Store {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self {
            root: root.into(),
            page_cache: None,
        }
    }

    /// The same store, caching the page lists of the versions it opens in `cache`.
    pub fn with_page_cache(mut self, cache: crate::manifest_cache::ManifestCache) -> Self {
        self.page_cache = Some(cache);
        self
    }

    pub fn state(&self) -> State {
        fs::read_to_string(self.root.join(STATE))
            .ok()
            .and_then(|text| toml::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Takes the store's lock, or `Busy` when another install or restore holds it.
    pub fn lock(&self) -> Result<StoreLock, PackError> {
        fs::create_dir_all(&self.root)?;
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.root.join(LOCK))?;
        match file.try_lock() {
            Ok(()) => Ok(StoreLock(file)),
            Err(fs::TryLockError::WouldBlock) => Err(PackError::Busy),
            Err(fs::TryLockError::Error(e)) => Err(e.into()),
        }
    }

    /// The highest version ever installed (also counting what the state names, for stores
    /// written before `newest.toml` existed).
    fn newest(&self) -> Option<u64> {
        let recorded = fs::read_to_string(self.root.join(NEWEST))
            .ok()
            .and_then(|text| toml::from_str::<Newest>(&text).ok())
            .map(|n| n.version);
        let state = self.state();
        [recorded, state.current, state.previous]
            .into_iter()
            .flatten()
            .max()
    }

    fn version_dir(&self, version: u64) -> PathBuf {
        self.root.join(VERSIONS).join(version.to_string())
    }

    fn reading_lock_path(&self, version: u64) -> PathBuf {
        self.root.join(READING).join(format!("{version}.lock"))
    }

    /// The installed content to show, if any loads (a missing or broken one is skipped).
    /// It holds its version's reading lock while it lives.
    pub fn current(&self) -> Option<Library> {
        let version = self.state().current?;
        let lock = self.hold_for_reading(version);
        Library::open(
            ContentSource::Directory(self.version_dir(version)),
            self.page_cache.as_ref(),
        )
        .ok()
        .map(|library| library.imported(lock))
    }

    /// The version's reading lock, taken shared (`None` when the data folder can't hold
    /// one: the version is then read unguarded, as on a read-only profile nothing removes it).
    fn hold_for_reading(&self, version: u64) -> Option<File> {
        let path = self.reading_lock_path(version);
        let held = fs::create_dir_all(self.root.join(READING))
            .and_then(|()| {
                fs::OpenOptions::new()
                    .create(true)
                    .truncate(false)
                    .write(true)
                    .open(&path)
            })
            .and_then(|file| file.lock_shared().map(|()| file));
        match held {
            Ok(file) => Some(file),
            Err(e) => {
                log::warn!(
                    "{}: {e}; reading version {version} without its lock",
                    path.display()
                );
                None
            }
        }
    }

    /// What the reader shows: `built_in` content, or the installed content if it loads and
    /// is newer.
    pub fn shown(&self, built_in: Library) -> Library {
        match self.current() {
            Some(installed) if installed.manifest().version > built_in.manifest().version => {
                // (The package test reads this line: imported content survives an upgrade.)
                log::info!(
                    "content: installed pack, version {}",
                    installed.manifest().version
                );
                installed
            }
            _ => built_in,
        }
    }

    /// Installs a verified pack; refused unless it is newer than `shown_version` (the
    /// content showing now: installed or built in).
    pub fn install(&self, pack: &VerifiedPack, shown_version: u64) -> Result<(), PackError> {
        let _lock = self.lock()?;
        let version = pack.info.version;
        if version <= shown_version {
            return Err(PackError::NotNewer {
                pack: version,
                installed: shown_version,
            });
        }
        if let Some(newest) = self.newest().filter(|&newest| version < newest) {
            return Err(PackError::OlderThanInstalled {
                pack: version,
                newest,
            });
        }
        let versions = self.root.join(VERSIONS);
        fs::create_dir_all(&versions)?;
        self.remove_leftovers();
        // 1. the content, whole, in a directory no state points at
        let incoming = versions.join(format!(".incoming-{version}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&incoming);
        for (path, bytes) in &pack.files {
            let target = incoming.join(path);
            let parent = target.parent().expect("inside incoming");
            fs::create_dir_all(parent)?;
            step("write-file")?;
            let mut file = File::create(&target)?;
            file.write_all(bytes)?;
            step("fsync-file")?;
            file.sync_all()?;
        }
        let mut dirs: Vec<PathBuf> = pack
            .files
            .keys()
            .filter_map(|p| incoming.join(p).parent().map(Path::to_path_buf))
            .collect();
        dirs.sort();
        dirs.dedup();
        for dir in dirs.iter().rev() {
            fsync_dir(dir)?;
        }
        fsync_dir(&incoming)?;
        // 2. into place under its version (an older copy of the same version goes first)
        let target = self.version_dir(version);
        if target.exists() {
            fs::remove_dir_all(&target)?;
        }
        step("rename-version")?;
        fs::rename(&incoming, &target)?;
        fsync_dir(&versions)?;
        // 3. the switch (the highest version first: a crash in between refuses nothing new)
        if self.newest().is_none_or(|newest| version > newest) {
            self.write_atomically(
                NEWEST,
                &toml::to_string(&Newest { version }).expect("plain"),
            )?;
        }
        let state = self.state();
        self.write_state(State {
            current: Some(version),
            previous: state.current,
            other: state.other,
        })?;
        self.remove_unused();
        Ok(())
    }

    /// Shows the content installed before the last import again — the built-in content if
    /// that was the first import (the one after it is kept, as the new "previous"). `false`
    /// when nothing was ever installed.
    pub fn restore(&self) -> Result<bool, PackError> {
        let _lock = self.lock()?;
        let state = self.state();
        if !state.can_restore() {
            return Ok(false);
        }
        self.write_state(State {
            current: state.previous,
            previous: state.current,
            other: state.other,
        })?;
        Ok(true)
    }

    fn write_state(&self, state: State) -> std::io::Result<()> {
        step("write-state")?;
        self.write_atomically(STATE, &toml::to_string(&state).expect("plain data"))
    }

    /// A small file replaced whole: written under a new random name (never through a link
    /// planted at a known name), fsynced, renamed over the old one, the folder fsynced.
    fn write_atomically(&self, name: &str, text: &str) -> std::io::Result<()> {
        let mut file = tempfile::Builder::new()
            .prefix(".write-")
            .tempfile_in(&self.root)?;
        file.write_all(text.as_bytes())?;
        step("fsync-state")?;
        file.as_file().sync_all()?;
        step("rename-state")?;
        file.persist(self.root.join(name)).map_err(|e| e.error)?;
        fsync_dir(&self.root)
    }

    /// Directories of interrupted installs.
    fn remove_leftovers(&self) {
        if let Ok(entries) = fs::read_dir(self.root.join(VERSIONS)) {
            for entry in entries.flatten() {
                if entry
                    .file_name()
                    .to_string_lossy()
                    .starts_with(".incoming-")
                {
                    let _ = fs::remove_dir_all(entry.path());
                }
            }
        }
    }

    /// Versions neither current nor previous, unless a reader still reads one.
    fn remove_unused(&self) {
        let state = self.state();
        let keep = [state.current, state.previous];
        let Ok(entries) = fs::read_dir(self.root.join(VERSIONS)) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(version) = name
                .parse::<u64>()
                .ok()
                .filter(|v| !keep.contains(&Some(*v)))
            else {
                continue;
            };
            // Held exclusively while removed; a reader's shared hold keeps the version.
            let lock_path = self.reading_lock_path(version);
            let lock = File::options().write(true).open(&lock_path).ok();
            if let Some(Err(fs::TryLockError::WouldBlock)) = lock.as_ref().map(File::try_lock) {
                log::info!("version {version} is still being read: kept for now");
                continue;
            }
            let _ = fs::remove_dir_all(entry.path());
            let _ = fs::remove_file(lock_path);
        }
    }
}
