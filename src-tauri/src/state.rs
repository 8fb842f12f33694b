//! What the running app holds: the loaded library, the preferences and where they live.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

use reader_core::bookmarks::{BookmarkView, Bookmarks};
use reader_core::manifest_cache::ManifestCache;
use reader_core::pack::{store::Store, Importer, PackError, PackPreview};
use reader_core::preferences::Preferences;
use reader_core::search::{IndexCache, Searcher};
use reader_core::window::{Rect, WindowState};
use reader_core::{ContentSource, Library, Locale};
use tauri::{AppHandle, Manager};

/// Environment variable naming a content directory (same as `--content DIR`).
pub const CONTENT_ENV: &str = "IOM_READER_CONTENT";

pub struct AppState {
    /// The content showing and its search index (replaced whole by an import or restore).
    shown: RwLock<Arc<Searcher>>,
    /// Pack preview and install (its store is the app's data dir, unless `--content`).
    importer: Importer,
    preferences: Mutex<Preferences>,
    preferences_path: PathBuf,
    /// Bookmarks, in a file of their own beside the preferences.
    bookmarks: Mutex<Bookmarks>,
    bookmarks_path: PathBuf,
    /// Where search indexes are kept (`None`: no cache folder; indexes live in memory).
    index_cache: Option<IndexCache>,
    started: Instant,
    painted: AtomicBool,
}

impl AppState {
    pub fn new(app: &AppHandle) -> Result<Self, Box<dyn std::error::Error>> {
        let started = Instant::now();
        let source = content_source(std::env::args().skip(1));
        // Search indexes and page lists of big contents (`None`: no cache folder; they
        // live in memory, or are read each start).
        let cache = app.path().app_cache_dir().ok();
        let page_cache = cache
            .as_ref()
            .map(|dir| ManifestCache::new(dir.join("pages")));
        let store = (source == ContentSource::Embedded)
            .then(|| {
                app.path().app_data_dir().map(|dir| {
                    let store = Store::new(dir.join("content"));
                    match &page_cache {
                        Some(cache) => store.with_page_cache(cache.clone()),
                        None => store,
                    }
                })
            })
            .transpose()?;
        let importer = Importer::new(store);
        // The installed pack or the built-in content, whichever is newer.
        let library = importer.shown(open_library(source, page_cache.as_ref()));

        let config = app.path().app_config_dir()?;
        let preferences_path = config.join("preferences.json");
        let bookmarks_path = config.join("bookmarks.json");
        let (bookmarks, warning) = reader_core::bookmarks::load(&bookmarks_path);
        if let Some(warning) = warning {
            log::warn!("{warning}");
        }
        let (mut preferences, warning) = Preferences::load(&preferences_path);
        if let Some(warning) = warning {
            log::warn!("{warning}");
        }
        // First start (or a locale that is gone): the OS locale decides.
        let saved = preferences
            .locale
            .as_deref()
            .and_then(|l| library.locale(l));
        let locale = saved.unwrap_or_else(|| {
            library.negotiate(&reader_core::requested_locales_from_env(|name| {
                std::env::var(name).ok()
            }))
        });
        log::info!("reading language: {locale}");
        preferences.locale = Some(locale.to_string());
        let index_cache = cache.map(|dir| IndexCache::new(dir.join("search")));
        // The content's fingerprint names its search index. A folder's is every file's
        // length and time (~55 ms for 20,000 files): taken while the window starts, the
        // index opens right after the first paint.
        let library = Arc::new(library);
        let stamping = library.clone();
        std::thread::spawn(move || stamping.fingerprint().len());
        Ok(Self {
            shown: RwLock::new(Arc::new(Searcher::with_cache(library, index_cache.clone()))),
            index_cache,
            importer,
            preferences: Mutex::new(preferences),
            preferences_path,
            bookmarks: Mutex::new(bookmarks),
            bookmarks_path,
            started,
            painted: AtomicBool::new(false),
        })
    }

    pub fn library(&self) -> Arc<Library> {
        self.searcher().library().clone()
    }

    /// The content showing, with its search index.
    pub fn searcher(&self) -> Arc<Searcher> {
        self.shown.read().expect("content lock").clone()
    }

    /// Verifies a pack file and keeps it for `install_pending`; returns what it would change.
    pub fn preview_pack(&self, path: &std::path::Path) -> Result<PackPreview, PackError> {
        let library = self.library();
        self.importer
            .preview(path, &library, &self.locale(&library))
    }

    /// Installs the pack last previewed and shows its content.
    pub fn install_pending(&self) -> Result<(), PackError> {
        let library = self.importer.install_pending(&self.library())?;
        self.show(library);
        Ok(())
    }

    /// Whether `restore_previous` has anything to go back to.
    pub fn can_restore(&self) -> bool {
        self.importer.can_restore()
    }

    /// Goes back to the content from before the last import; `false` if there is none.
    pub fn restore_previous(&self) -> Result<bool, PackError> {
        let restored = self.importer.restore()?;
        let found = restored.is_some();
        if let Some(library) = restored {
            self.show(library);
        }
        Ok(found)
    }

    fn show(&self, library: Library) {
        log::info!("content now: version {}", library.manifest().version);
        let searcher = Arc::new(Searcher::with_cache(
            Arc::new(library),
            self.index_cache.clone(),
        ));
        *self.shown.write().expect("content lock") = searcher.clone();
        self.prepare_search(searcher);
    }

    pub fn preferences(&self) -> Preferences {
        self.preferences.lock().expect("preferences lock").clone()
    }

    /// The reading locale: the saved one if the content showing has it, else its source.
    pub fn locale(&self, library: &Library) -> Locale {
        self.preferences()
            .locale
            .and_then(|code| library.locale(&code))
            .unwrap_or_else(|| library.source_locale().clone())
    }

    /// Changes the preferences and writes them to disk.
    pub fn update_preferences(&self, change: impl FnOnce(&mut Preferences)) -> std::io::Result<()> {
        let mut preferences = self.preferences.lock().expect("preferences lock");
        change(&mut preferences);
        *preferences = preferences.clone().sanitized();
        preferences.save(&self.preferences_path)
    }

    /// The bookmarks as the panel lists them in `locale`.
    pub fn bookmarks(&self, locale: &Locale) -> Vec<BookmarkView> {
        let library = self.library();
        self.bookmarks
            .lock()
            .expect("bookmarks lock")
            .view(&library, locale)
    }

    /// Changes the bookmarks and writes them to their file.
    pub fn update_bookmarks<T>(
        &self,
        change: impl FnOnce(&mut Bookmarks) -> T,
    ) -> std::io::Result<T> {
        let mut bookmarks = self.bookmarks.lock().expect("bookmarks lock");
        let result = change(&mut bookmarks);
        bookmarks.write(&self.bookmarks_path)?;
        Ok(result)
    }

    /// Writes the bookmarks to `path` (an export for another computer).
    pub fn export_bookmarks(&self, path: &std::path::Path) -> std::io::Result<()> {
        self.bookmarks.lock().expect("bookmarks lock").write(path)
    }

    /// Logs the time from start to the first page painted, once (benchmarks read it), and
    /// only then opens or builds the search index: on two cores it must not compete with
    /// the first paint.
    pub fn page_painted(&self) {
        if !self.painted.swap(true, Ordering::SeqCst) {
            log::info!(
                "first page painted {:.1} ms after start",
                self.started.elapsed().as_secs_f64() * 1000.0
            );
            self.prepare_search(self.searcher());
        }
    }

    /// Opens or builds the index of `searcher` on a thread of its own (benchmarks read
    /// the line it logs).
    pub fn prepare_search(&self, searcher: Arc<Searcher>) {
        let started = self.started;
        std::thread::spawn(move || {
            searcher.prepare();
            log::info!(
                "search ready ({:?}) {:.1} ms after start",
                searcher.origin(),
                started.elapsed().as_secs_f64() * 1000.0
            );
        });
    }
}

/// The window's frame and maximized state now, in logical pixels; `previous` keeps the
/// frame from before maximizing (a maximized window's size is the screen's).
pub fn window_state<R: tauri::Runtime>(
    window: &tauri::Window<R>,
    previous: Option<WindowState>,
) -> Option<WindowState> {
    let maximized = window.is_maximized().ok()?;
    if maximized {
        return previous.map(|p| WindowState {
            maximized: true,
            ..p
        });
    }
    let scale = window.scale_factor().ok()?;
    let position = window.outer_position().ok()?.to_logical::<i32>(scale);
    let size = window.inner_size().ok()?.to_logical::<u32>(scale);
    Some(WindowState {
        frame: Rect {
            x: position.x,
            y: position.y,
            width: size.width,
            height: size.height,
        },
        maximized: false,
    })
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

/// Opens the content for reading; content that can't be used at all is logged and the
/// embedded default shown instead, so the app always starts.
fn open_library(source: ContentSource, cache: Option<&ManifestCache>) -> Library {
    match Library::open(source.clone(), cache) {
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
            Library::built_in()
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
