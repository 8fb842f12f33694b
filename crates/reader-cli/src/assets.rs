//! The UI files (`ui/`), embedded for `serve` and `export`.

use reader_core::document::Shell;

include!(concat!(env!("OUT_DIR"), "/ui.rs"));

/// The app's window document, the shell of every served or exported page.
pub fn shell() -> anyhow::Result<Shell> {
    let document = std::str::from_utf8(get("index.html").expect("ui/index.html is embedded"))?;
    Shell::parse(document).map_err(anyhow::Error::msg)
}

/// An embedded UI file by its path under `ui/`.
pub fn get(path: &str) -> Option<&'static [u8]> {
    UI_FILES
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, bytes)| *bytes)
}

/// Files the export copies (the document itself is rendered per page).
pub fn files() -> impl Iterator<Item = (&'static str, &'static [u8])> {
    UI_FILES
        .iter()
        .copied()
        .filter(|(path, _)| *path != "index.html")
}

pub fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("html") => "text/html; charset=utf-8",
        Some("ttf") => "font/ttf",
        Some("woff2") => "font/woff2",
        Some("txt") => "text/plain; charset=utf-8",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}
