//! What the running app holds: the loaded library, the preferences and where they live.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

use reader_core::preferences::Preferences;
use reader_core::{ContentSource, Library};
use tauri::{AppHandle, Manager};

/// Environment variable naming a content directory (same as `--content DIR`).
pub const CONTENT_ENV: &str = "IOM_READER_CONTENT";

pub struct AppState {
    library: RwLock<Arc<Library>>,
    preferences: Mutex<Preferences>,
    preferences_path: PathBuf,
    started: Instant,
    painted: AtomicBool,
}

impl AppState {
    pub fn new(app: &AppHandle) -> Result<Self, Box<dyn std::error::Error>> {
        let started = Instant::now();
        let library = load_library(content_source(std::env::args().skip(1)));

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
        Ok(Self {
            library: RwLock::new(Arc::new(library)),
            preferences: Mutex::new(preferences),
            preferences_path,
            started,
            painted: AtomicBool::new(false),
        })
    }

    pub fn library(&self) -> Arc<Library> {
        self.library.read().expect("library lock").clone()
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
