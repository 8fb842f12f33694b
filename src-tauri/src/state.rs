//! What the running app holds: the loaded library, the preferences and where they live.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

use reader_core::pack::{self, store::Store, PackError, VerifiedPack};
use reader_core::preferences::Preferences;
use reader_core::{ContentSource, Library};
use serde::Serialize;
use tauri::{AppHandle, Manager};

/// Environment variable naming a content directory (same as `--content DIR`).
pub const CONTENT_ENV: &str = "IOM_READER_CONTENT";

pub struct AppState {
    library: RwLock<Arc<Library>>,
    /// Installed content packs (the app's data dir), unless `--content` chose a directory.
    store: Option<Store>,
    /// A verified pack waiting for the reader to confirm its install.
    pending: Mutex<Option<VerifiedPack>>,
    /// Held while a pack is previewed or installed: one import at a time.
    importing: OneAtATime,
    preferences: Mutex<Preferences>,
    preferences_path: PathBuf,
    started: Instant,
    painted: AtomicBool,
}

impl AppState {
    pub fn new(app: &AppHandle) -> Result<Self, Box<dyn std::error::Error>> {
        let started = Instant::now();
        let source = content_source(std::env::args().skip(1));
        let store = (source == ContentSource::Embedded)
            .then(|| {
                app.path()
                    .app_data_dir()
                    .map(|dir| Store::new(dir.join("content")))
            })
            .transpose()?;
        let library = match &store {
            // The installed pack or the built-in content, whichever is newer.
            Some(store) => newest(load_library(source), store.current()),
            None => load_library(source),
        };

        let preferences_path = app.path().app_config_dir()?.join("preferences.json");
        let (mut preferences, warning) = Preferences::load(&preferences_path);
        if let Some(warning) = warning {
            log::warn!("{warning}");
        }
        // First start (or a locale that is gone): the OS locale decides.
        if !preferences
            .locale
            .as_deref()
            .is_some_and(|locale| library.has_locale(locale))
        {
            let requested =
                reader_core::requested_locales_from_env(|name| std::env::var(name).ok());
            preferences.locale = Some(reader_core::negotiate_locale(
                &requested,
                &library.locale_codes(),
            ));
        }
        log::info!(
            "reading language: {}",
            preferences.locale.as_deref().unwrap_or_default()
        );
        Ok(Self {
            library: RwLock::new(Arc::new(library)),
            store,
            pending: Mutex::new(None),
            importing: OneAtATime::default(),
            preferences: Mutex::new(preferences),
            preferences_path,
            started,
            painted: AtomicBool::new(false),
        })
    }

    pub fn library(&self) -> Arc<Library> {
        self.library.read().expect("library lock").clone()
    }

    /// Verifies a pack file and keeps it for `install_pending`; returns what it would change.
    pub fn preview_pack(&self, path: &std::path::Path) -> Result<PackPreview, PackError> {
        let _importing = self.importing.begin()?;
        let limits = pack::Limits::default();
        let bytes = pack::read_file(path, &limits)?;
        let pack = pack::verify(&bytes, &pack::keys::trusted(), &limits)?;
        let shown = self.library().manifest().version;
        if pack.info.version <= shown {
            return Err(PackError::NotNewer {
                pack: pack.info.version,
                installed: shown,
            });
        }
        let preview = PackPreview::of(&pack, &self.library());
        *self.pending.lock().expect("pending lock") = Some(pack);
        Ok(preview)
    }

    /// Installs the pack last previewed and shows its content.
    pub fn install_pending(&self) -> Result<(), PackError> {
        let _importing = self.importing.begin()?;
        let pack = self
            .pending
            .lock()
            .expect("pending lock")
            .take()
            .ok_or_else(|| PackError::Corrupt("no pack is waiting to be installed".into()))?;
        let store = self.store.as_ref().ok_or(PackError::NotAPack)?;
        store.install(&pack, self.library().manifest().version)?;
        self.show_installed(store);
        Ok(())
    }

    /// Goes back to the content from before the last import; `false` if there is none.
    pub fn restore_previous(&self) -> Result<bool, PackError> {
        let store = self.store.as_ref().ok_or(PackError::NotAPack)?;
        if !store.restore()? {
            return Ok(false);
        }
        self.show_installed(store);
        Ok(true)
    }

    fn show_installed(&self, store: &Store) {
        let library = store.current().unwrap_or_else(|| {
            Library::load(ContentSource::Embedded).expect("the embedded content is tested")
        });
        log::info!("content now: version {}", library.manifest().version);
        *self.library.write().expect("library lock") = Arc::new(library);
    }

    pub fn preferences(&self) -> Preferences {
        self.preferences.lock().expect("preferences lock").clone()
    }

    pub fn locale(&self) -> String {
        self.preferences()
            .locale
            .unwrap_or_else(|| reader_core::DEFAULT_LOCALE.to_string())
    }

    pub fn initial_window_title(&self) -> String {
        self.library()
            .chrome(&self.locale(), crate::commands::APP_VERSION)
            .window_title
            .into_string()
    }

    /// Changes the preferences and writes them to disk.
    pub fn update_preferences(&self, change: impl FnOnce(&mut Preferences)) -> std::io::Result<()> {
        let mut preferences = self.preferences.lock().expect("preferences lock");
        change(&mut preferences);
        *preferences = preferences.clone().sanitized();
        preferences.save(&self.preferences_path)
    }

    /// Logs the time from start to the first page painted, once (benchmarks read it).
    pub fn page_painted(&self) {
        if !self.painted.swap(true, Ordering::SeqCst) {
            log::info!(
                "first page painted {:.1} ms after start",
                self.started.elapsed().as_secs_f64() * 1000.0
            );
        }
    }
}

/// A second preview or install while one runs is refused (`Busy`), not queued: the reader
/// would otherwise confirm a preview that another import replaced.
#[derive(Default)]
struct OneAtATime(Mutex<()>);

impl OneAtATime {
    fn begin(&self) -> Result<std::sync::MutexGuard<'_, ()>, PackError> {
        match self.0.try_lock() {
            Ok(guard) => Ok(guard),
            Err(std::sync::TryLockError::Poisoned(poisoned)) => Ok(poisoned.into_inner()),
            Err(std::sync::TryLockError::WouldBlock) => Err(PackError::Busy),
        }
    }
}

/// What the import preview shows: who made the pack, what it brings, how translated it is.
#[derive(Debug, Serialize)]
pub struct PackPreview {
    publisher: String,
    version: u64,
    date: String,
    changes: pack::Changes,
    /// locale → (messages shown in English, messages not yet reviewed)
    translation: std::collections::BTreeMap<String, (usize, usize)>,
}

impl PackPreview {
    fn of(pack: &VerifiedPack, shown: &Library) -> Self {
        let library = &pack.library;
        let translation = library
            .locale_codes()
            .into_iter()
            .map(|locale| {
                let summary = library.translation_summary(&locale);
                (locale, summary)
            })
            .collect();
        Self {
            publisher: pack.info.publisher.clone(),
            version: pack.info.version,
            date: pack.info.date.to_string(),
            changes: pack::changes(shown, library),
            translation,
        }
    }
}

/// The built-in content, or the installed one if it is newer.
fn newest(built_in: Library, installed: Option<Library>) -> Library {
    match installed {
        Some(installed) if installed.manifest().version > built_in.manifest().version => {
            log::info!(
                "content: installed pack, version {}",
                installed.manifest().version
            );
            installed
        }
        _ => built_in,
    }
}

/// `--content DIR` (or `--content=DIR`), else the environment variable, else embedded.
fn content_source(mut args: impl Iterator<Item = String>) -> ContentSource {
    while let Some(arg) = args.next() {
        if let Some(dir) = arg.strip_prefix("--content=") {
            return ContentSource::Directory(dir.into());
        }
        if arg == "--content" {
            if let Some(dir) = args.next() {
                return ContentSource::Directory(dir.into());
            }
        }
    }
    match std::env::var_os(CONTENT_ENV) {
        Some(dir) if !dir.is_empty() => ContentSource::Directory(dir.into()),
        _ => ContentSource::Embedded,
    }
}

/// Loads the content; content that can't be used at all is logged and the embedded
/// default shown instead, so the app always starts.
fn load_library(source: ContentSource) -> Library {
    match Library::load(source.clone()) {
        Ok(library) => {
            log::info!(
                "content: {source}, version {}, {} problem(s)",
                library.manifest().version,
                library.diagnostics().len()
            );
            library
        }
        Err(e) => {
            log::error!("{source}: {e}; showing the embedded content instead");
            Library::load(ContentSource::Embedded).expect("the embedded content is tested")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> impl Iterator<Item = String> {
        list.iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// Fault 7 of the hostile-input review, in the app: a second preview or install while
    /// one runs is refused as busy; once the first ends, the next may start.
    #[test]
    fn one_import_at_a_time() {
        let importing = OneAtATime::default();
        let first = importing.begin().unwrap();
        assert_eq!(importing.begin().unwrap_err().kind(), "busy");
        drop(first);
        assert!(importing.begin().is_ok());
    }

    #[test]
    fn content_flag_in_both_forms() {
        assert_eq!(
            content_source(args(&["--content", "/tmp/c"])),
            ContentSource::Directory("/tmp/c".into())
        );
        assert_eq!(
            content_source(args(&["--content=/tmp/d"])),
            ContentSource::Directory("/tmp/d".into())
        );
    }
}
