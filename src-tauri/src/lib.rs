//! The desktop shell of the IOM Lao PDR Reader: a Tauri 2 window around `reader-core`.
//! It owns the window, the `reader://` scheme, preferences on disk and a few commands;
//! everything else is the core's.

mod commands;
mod error;
pub mod protocol;
mod state;

use tauri::{Emitter, Manager, WebviewUrl, WebviewWindowBuilder};
use tauri_plugin_opener::OpenerExt;

use reader_core::links::{classify, LinkTarget};
use reader_core::window::{Rect, WindowState};
use state::AppState;

/// The label of the one window.
const MAIN_WINDOW: &str = "main";

pub fn run() {
    // Answered before the single-instance plugin starts: a running window would swallow it.
    if let Some(answer) = command_line_answer(std::env::args().skip(1)) {
        println!("{answer}");
        return;
    }
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info")).init();
    lower_webkit_memory();

    tauri::Builder::default()
        // First: a second start hands over to the running instance and exits.
        .plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        // Rust-side only: the webview gets no opener permission (see capabilities/).
        .plugin(tauri_plugin_opener::init())
        // Rust-side only too: the import dialog is opened by a command, not by the webview.
        .plugin(tauri_plugin_dialog::init())
        .register_uri_scheme_protocol(protocol::SCHEME, |ctx, request| {
            protocol::respond(&ctx.app_handle().state::<AppState>(), &request)
        })
        .invoke_handler(tauri::generate_handler![
            commands::startup,
            commands::set_locale,
            commands::save_preferences,
            commands::page_painted,
            commands::search,
            commands::choose_pack,
            commands::preview_pack,
            commands::install_pack,
            commands::can_restore,
            commands::restore_content,
            commands::bookmarks,
            commands::set_bookmark,
            commands::export_bookmarks,
            commands::import_bookmarks,
        ])
        .setup(|app| {
            let state = AppState::new(app.handle())?;
            let library = state.library();
            // The app's name until the first page names itself (see on_document_title_changed).
            let title = library
                .ui_text(&state.locale(&library), "app-name")
                .unwrap_or_default()
                .into_string();
            let placed = placement(app.handle(), state.preferences().window);
            app.manage(state);
            let handle = app.handle().clone();
            let frame = placed.frame;
            let (min_width, min_height) = reader_core::window::MIN_SIZE;
            WebviewWindowBuilder::new(app, MAIN_WINDOW, WebviewUrl::App("index.html".into()))
                .title(title)
                .inner_size(frame.width.into(), frame.height.into())
                .position(frame.x.into(), frame.y.into())
                .maximized(placed.maximized)
                .min_inner_size(min_width.into(), min_height.into())
                // The UI names each page in the document's title ("Page — app"): the
                // window's title is the same.
                .on_document_title_changed(|window, title| {
                    if let Err(e) = window.set_title(&title) {
                        log::warn!("could not set the window's title: {e}");
                    }
                })
                .on_navigation(move |url| match classify(url.scheme(), url.host_str()) {
                    LinkTarget::App => true,
                    LinkTarget::External => {
                        log::info!("opening {url} outside the app");
                        let opened = handle.opener().open_url(url.as_str(), None::<&str>);
                        if let Err(e) = &opened {
                            log::warn!("could not open {url}: {e}");
                        }
                        // The UI says where the link went (or that it went nowhere).
                        let handed = LinkHandedOver {
                            mail: url.scheme() == "mailto",
                            opened: opened.is_ok(),
                        };
                        if let Err(e) = handle.emit("link-handed-over", handed) {
                            log::warn!("could not tell the window: {e}");
                        }
                        false
                    }
                    LinkTarget::Refused => {
                        log::warn!("refused navigation to {url}");
                        false
                    }
                })
                .build()?;
            Ok(())
        })
        .on_window_event(|window, event| match event {
            // A pack dropped on the window: the UI previews it like a chosen one.
            tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) => {
                if let Some(path) = dropped_pack(paths) {
                    let _ = window.emit("pack-dropped", path.to_string_lossy().to_string());
                }
            }
            // The window's size and place are kept for the next start (also with every
            // save of the preferences, so a killed app keeps them too).
            tauri::WindowEvent::CloseRequested { .. } => {
                let state = window.state::<AppState>();
                if let Err(e) = state.update_preferences(|p| {
                    p.window = state::window_state(window, p.window.take());
                }) {
                    log::warn!("could not save the window's place: {e}");
                }
            }
            _ => {}
        })
        .run(tauri::generate_context!("../tauri.conf.json"))
        .expect("error while running the IOM Lao PDR Reader");
}

/// Where the window opens: the saved place, on a screen that is there, fitted to it (the
/// core decides; the screens' work areas are given in logical pixels, the primary first).
fn placement(app: &tauri::AppHandle, saved: Option<WindowState>) -> WindowState {
    let to_logical = |monitor: &tauri::Monitor| {
        let area = monitor.work_area();
        let scale = monitor.scale_factor();
        Rect {
            x: (f64::from(area.position.x) / scale).round() as i32,
            y: (f64::from(area.position.y) / scale).round() as i32,
            width: (f64::from(area.size.width) / scale).round() as u32,
            height: (f64::from(area.size.height) / scale).round() as u32,
        }
    };
    let primary = app.primary_monitor().ok().flatten();
    let screens: Vec<Rect> = primary
        .iter()
        .chain(&app.available_monitors().unwrap_or_default())
        .map(to_logical)
        .collect();
    let placed = reader_core::window::placement(saved, &screens);
    log::info!("window: {placed:?} on screens {screens:?}");
    placed
}

/// WebKitGTK's DMA-BUF renderer costs ~70 MB of memory for text pages that need no GPU
/// (measured: whole-tree PSS 275 → 205 MB; docs/benchmarks.md). Applied only when the user
/// has not chosen, and before GTK starts, while the process is still single-threaded.
fn lower_webkit_memory() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        // SAFETY-free: edition 2021 set_var; no other thread exists yet.
        std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
    }
}

/// What `--version` or `--help` prints, if one was asked for; `None` starts the window.
fn command_line_answer(mut args: impl Iterator<Item = String>) -> Option<String> {
    args.find_map(|arg| match arg.as_str() {
        "--version" | "-V" => Some(format!("iom-lao-reader {}", commands::APP_VERSION)),
        "--help" | "-h" => Some(format!(
            "iom-lao-reader {}: the IOM Lao PDR Reader\n\n\
             usage: iom-lao-reader [--content DIR]\n\n  \
             --content DIR  read a content folder instead of the built-in content\n                 \
             (also {}=DIR)\n  \
             --version      print the version\n\n\
             The editors' tool is iom-lao-reader-cli (`reader` in a source build).",
            commands::APP_VERSION,
            state::CONTENT_ENV
        )),
        _ => None,
    })
}

/// A link given to the system's browser or mail program, as the UI's notice tells it
/// (`opened`: the system's opener started; whether a browser then shows the page is not
/// known here).
#[derive(Clone, serde::Serialize)]
struct LinkHandedOver {
    mail: bool,
    opened: bool,
}

/// The content pack among files dropped on the window, if there is one (`.pack`).
fn dropped_pack(paths: &[std::path::PathBuf]) -> Option<&std::path::PathBuf> {
    paths.iter().find(|p| {
        p.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pack"))
    })
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    fn answer(args: &[&str]) -> Option<String> {
        super::command_line_answer(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn version_and_help_are_answered_without_a_window() {
        let version = format!("iom-lao-reader {}", env!("CARGO_PKG_VERSION"));
        assert_eq!(answer(&["--version"]), Some(version.clone()));
        assert_eq!(answer(&["--content", "/x", "-V"]), Some(version));
        assert!(answer(&["--help"]).unwrap().contains("--content DIR"));
        assert_eq!(answer(&["--content", "/x"]), None);
        assert_eq!(answer(&[]), None);
    }

    #[test]
    fn a_dropped_pack_is_found_among_other_files() {
        let paths: Vec<PathBuf> = [
            "/tmp/photo.jpg",
            "/media/usb/iom-content-2.PACK",
            "/tmp/b.pack",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        assert_eq!(super::dropped_pack(&paths), Some(&paths[1]));
        assert_eq!(super::dropped_pack(&paths[..1]), None);
        assert_eq!(super::dropped_pack(&[]), None);
    }
}
