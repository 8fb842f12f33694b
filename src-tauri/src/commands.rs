//! The commands the UI may call. Each is a few lines: the core does the work.

use reader_core::bookmarks::{Bookmark, BookmarkView, Bookmarks};
use reader_core::pack::PackPreview;
use reader_core::preferences::Preferences;
use reader_core::search::{Readiness, SearchHit};
use reader_core::{Chrome, ContentInfo, Library, Locale};
use serde::Serialize;
use tauri::State;

use crate::error::CommandError;
use crate::state::AppState;

pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Everything the UI needs to draw its first page.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Startup {
    chrome: Chrome,
    preferences: Preferences,
    content: ContentInfo,
    app_version: &'static str,
}

#[tauri::command]
pub fn startup(state: State<'_, AppState>) -> Startup {
    let library = state.library();
    Startup {
        chrome: library.chrome(&state.locale(&library), APP_VERSION),
        preferences: state.preferences(),
        content: library.content_info(),
        app_version: APP_VERSION,
    }
}

/// A language switch's answer: the chrome in the new language and, when a page is showing,
/// its body (one round trip for the whole switch).
#[derive(Serialize)]
pub struct LocaleSwitch {
    chrome: Chrome,
    body: Option<String>,
}

/// Switches the reading language: new chrome strings, remembered; and the body of page
/// `slug` in it (side by side when asked for). The window's title follows the page's
/// (the UI sets the document's title).
#[tauri::command]
pub fn set_locale(
    state: State<'_, AppState>,
    locale: String,
    slug: Option<String>,
    side_by_side: bool,
) -> Result<LocaleSwitch, CommandError> {
    let library = state.library();
    let locale = reading(&library, locale)?;
    let chrome = library.chrome(&locale, APP_VERSION);
    let body = slug
        .and_then(|slug| library.render_view(&locale, &slug, side_by_side))
        .map(|page| page.html);
    state.update_preferences(|p| p.locale = Some(locale.to_string()))?;
    Ok(LocaleSwitch { chrome, body })
}

/// Remembers the reading position, text size and theme (the locale has its own command),
/// and the window's size and place as they are now.
#[tauri::command]
pub fn save_preferences(
    window: tauri::Window,
    state: State<'_, AppState>,
    preferences: Preferences,
) -> Result<(), CommandError> {
    state.update_preferences(|p| {
        let window = crate::state::window_state(&window, p.window.take());
        *p = Preferences {
            locale: p.locale.take(),
            window,
            ..preferences
        }
    })?;
    Ok(())
}

#[tauri::command]
pub fn page_painted(state: State<'_, AppState>) {
    state.page_painted();
}

/// What the search box shows: the hits, or how far the index is while it is prepared.
#[derive(Serialize, Default)]
pub struct SearchAnswer {
    hits: Vec<SearchHit>,
    /// The index is being opened or built (percent done): ask again shortly.
    preparing: Option<u8>,
}

/// Blocks matching what is typed in the search box, in any locale (`locale`, the one the
/// UI reads in, first). Never waits for the index, which is opened or built after the
/// first paint (a search typed before that starts it).
#[tauri::command(async)]
pub fn search(
    state: State<'_, AppState>,
    query: String,
    locale: String,
) -> Result<SearchAnswer, CommandError> {
    let searcher = state.searcher();
    let locale = reading(searcher.library(), locale)?;
    let preparing = |percent| SearchAnswer {
        hits: Vec::new(),
        preparing: Some(percent),
    };
    Ok(
        match searcher.search_if_ready(&query, &locale, SEARCH_RESULTS) {
            Ok(hits) => SearchAnswer {
                hits,
                preparing: None,
            },
            Err(Readiness::Preparing { percent }) => preparing(percent),
            Err(Readiness::NotStarted) => {
                state.prepare_search(searcher.clone());
                preparing(0)
            }
            // Unavailable (logged): nothing found.
            Err(_) => SearchAnswer::default(),
        },
    )
}

const SEARCH_RESULTS: usize = 20;

/// Opens the system's file dialog (from Rust: the webview has no dialog permission) and
/// previews the chosen pack; `None` when the reader cancels.
#[tauri::command(async)]
pub fn choose_pack(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<PackPreview>, CommandError> {
    match pick_file(&app, "IOM content pack", "pack")? {
        Some(path) => Ok(Some(state.preview_pack(&path)?)),
        None => Ok(None),
    }
}

/// A file chosen in the system's open dialog, of type `extension`; `None` when cancelled.
fn pick_file(
    app: &tauri::AppHandle,
    kind: &str,
    extension: &str,
) -> Result<Option<std::path::PathBuf>, CommandError> {
    use tauri_plugin_dialog::DialogExt;
    let Some(file) = app
        .dialog()
        .file()
        .add_filter(kind, &[extension])
        .blocking_pick_file()
    else {
        return Ok(None);
    };
    let path = file
        .into_path()
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(Some(path))
}

/// Verifies a pack file (dropped on the window, or given by a test) and shows what it brings.
#[tauri::command(async)]
pub fn preview_pack(state: State<'_, AppState>, path: String) -> Result<PackPreview, CommandError> {
    Ok(state.preview_pack(std::path::Path::new(&path))?)
}

/// Installs the previewed pack; the UI then reloads the page.
#[tauri::command(async)]
pub fn install_pack(state: State<'_, AppState>) -> Result<ContentInfo, CommandError> {
    state.install_pending()?;
    Ok(state.library().content_info())
}

/// Whether `restore_content` has anything to go back to.
#[tauri::command]
pub fn can_restore(state: State<'_, AppState>) -> bool {
    state.can_restore()
}

/// Shows the content from before the last import again.
#[tauri::command(async)]
pub fn restore_content(state: State<'_, AppState>) -> Result<Option<ContentInfo>, CommandError> {
    Ok(state
        .restore_previous()?
        .then(|| state.library().content_info()))
}

/// The reading locale the UI names, refused when the content lacks it.
fn reading(library: &Library, locale: String) -> Result<Locale, CommandError> {
    library
        .locale(&locale)
        .ok_or(CommandError::UnknownLocale(locale))
}

/// The bookmarks, newest first, as the panel lists them in `locale`.
#[tauri::command]
pub fn bookmarks(
    state: State<'_, AppState>,
    locale: String,
) -> Result<Vec<BookmarkView>, CommandError> {
    let locale = reading(&state.library(), locale)?;
    Ok(state.bookmarks(&locale))
}

/// Bookmarks a paragraph (`block` of page `slug`); `remove` takes it away again.
#[tauri::command]
pub fn set_bookmark(
    state: State<'_, AppState>,
    slug: String,
    block: String,
    remove: bool,
    locale: String,
) -> Result<Vec<BookmarkView>, CommandError> {
    let locale = reading(&state.library(), locale)?;
    let bookmark = Bookmark { slug, block };
    state.update_bookmarks(|bookmarks| {
        if remove {
            bookmarks.remove(&bookmark);
        } else {
            bookmarks.add(bookmark);
        }
    })?;
    Ok(state.bookmarks(&locale))
}

/// Saves the bookmarks as a file the reader chooses (for another computer); `None` when
/// the reader cancels.
#[tauri::command(async)]
pub fn export_bookmarks(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<String>, CommandError> {
    use tauri_plugin_dialog::DialogExt;
    let Some(file) = app
        .dialog()
        .file()
        .add_filter("IOM reader bookmarks", &["json"])
        .set_file_name("iom-lao-reader-bookmarks.json")
        .blocking_save_file()
    else {
        return Ok(None);
    };
    let path = file
        .into_path()
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    state.export_bookmarks(&path)?;
    Ok(Some(path.display().to_string()))
}

/// What an import added and left out, and the list after it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BookmarksImported {
    added: usize,
    left_out: usize,
    bookmarks: Vec<BookmarkView>,
}

/// Adds the bookmarks of a file (chosen in the system's dialog, or given by a test) to the
/// list; a file that is not a bookmarks file is refused and the list is untouched.
#[tauri::command(async)]
pub fn import_bookmarks(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    path: Option<String>,
    locale: String,
) -> Result<Option<BookmarksImported>, CommandError> {
    let locale = reading(&state.library(), locale)?;
    let path = match path {
        Some(path) => std::path::PathBuf::from(path),
        None => match pick_file(&app, "IOM reader bookmarks", "json")? {
            Some(path) => path,
            None => return Ok(None),
        },
    };
    let (mut found, ill_formed) = Bookmarks::read(&path)?;
    let left_out = ill_formed + found.keep_known_pages(&state.library());
    let added = state.update_bookmarks(|bookmarks| bookmarks.merge(found))?;
    Ok(Some(BookmarksImported {
        added,
        left_out,
        bookmarks: state.bookmarks(&locale),
    }))
}
