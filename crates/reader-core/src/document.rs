//! Full HTML documents for `serve` and `export`: the app's own window document
//! (`ui/index.html`) with the page body already in its `<main>`, its language, links to the
//! page's translations, and the strings its script needs — so the same UI runs in any
//! browser, without Tauri, and the page reads without script too.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::library::{Chrome, ContentInfo, Library};
use crate::locale::Locale;
use crate::render::Links;
use crate::sanitize::escape_html;

/// Which front end a document is for (the UI script adapts to it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode<'a> {
    /// `reader serve`: bodies, search and chrome from the server.
    Serve,
    /// `reader export`: static files; no search; links are relative to the file, written at
    /// this path without `.html` (`lo/news/country-strategy`, `404`).
    Export { path: &'a str },
}

/// CSP of an exported page, as a `<meta>` (static hosts send no headers of ours).
pub const EXPORT_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
    img-src 'self'; font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; \
    form-action 'none'";

/// What the UI script reads from `<script type="application/json" id="reader-config">`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DocumentConfig<'a> {
    mode: &'static str,
    locale: &'a str,
    slug: &'a str,
    content: ContentInfo,
    app_version: &'a str,
    /// The site root as seen from this page, and what page addresses end with.
    root: String,
    suffix: &'static str,
    /// This page in every locale.
    alternates: BTreeMap<String, String>,
}

/// The window document of the app, with these markers in it.
const MARKERS: [&str; 5] = [
    "<html lang=\"en\">",
    "<title>IOM Lao PDR Reader</title>",
    "href=\"style.css\"",
    "src=\"app.js\"",
    "<main id=\"main\" tabindex=\"-1\" aria-live=\"polite\"></main>",
];

/// The script, beside `app.js`, that holds every locale's UI strings.
pub const CHROMES_FILE: &str = "chromes.js";

/// The app's window document cut at its markers, once: every document is these pieces
/// with the page's own parts in between.
#[derive(Debug, Clone)]
pub struct Shell {
    pieces: Vec<String>,
}

impl Shell {
    /// `Err` names the first marker the document lacks (the markers come in `MARKERS`
    /// order: one before the previous counts as missing).
    pub fn parse(document: &str) -> Result<Self, String> {
        let mut pieces = Vec::with_capacity(MARKERS.len() + 1);
        let mut rest = document;
        for marker in MARKERS {
            let (before, after) = rest
                .split_once(marker)
                .ok_or_else(|| format!("the UI document lacks `{marker}` (in its place)"))?;
            pieces.push(before.to_string());
            rest = after;
        }
        pieces.push(rest.to_string());
        Ok(Self { pieces })
    }

    /// The document with each marker replaced by its part, in `MARKERS` order.
    fn fill(&self, parts: [&str; MARKERS.len()]) -> String {
        let size = self.pieces.iter().map(String::len).sum::<usize>()
            + parts.iter().map(|p| p.len()).sum::<usize>();
        let mut out = String::with_capacity(size);
        for (piece, part) in self.pieces.iter().zip(parts) {
            out.push_str(piece);
            out.push_str(part);
        }
        out.push_str(self.pieces.last().expect("one more piece than markers"));
        out
    }
}

impl Library {
    /// `chromes.js`: `window.READER_CHROMES = { "en": Chrome, "lo": Chrome, … };`
    pub fn chromes_script(&self, app_version: &str) -> String {
        let chromes: BTreeMap<&str, Chrome> = self
            .locales()
            .iter()
            .map(|locale| (locale.code.as_str(), self.chrome(&locale.code, app_version)))
            .collect();
        format!(
            "window.READER_CHROMES = {};\n",
            serde_json::to_string(&chromes).expect("plain data")
        )
    }

    /// The full document of page `slug` in `locale` (`None`: the localized 404 document),
    /// built from `shell`, the app's `ui/index.html`. `None` for an unknown page.
    pub fn render_document(
        &self,
        shell: &Shell,
        mode: Mode,
        locale: &Locale,
        slug: Option<&str>,
        app_version: &str,
    ) -> Option<String> {
        let links = match mode {
            Mode::Serve => Links::Absolute,
            Mode::Export { path } => Links::RelativeFrom(path),
        };
        let page = match slug {
            Some(slug) => self.render_page_linked(locale, slug, links)?,
            None => self.render_not_found_linked(locale, links),
        };
        let alternates: BTreeMap<String, String> = match slug {
            Some(slug) => self
                .locales()
                .iter()
                .map(|l| (l.code.to_string(), links.page(&l.code, slug)))
                .collect(),
            None => BTreeMap::new(),
        };
        let config = DocumentConfig {
            mode: match mode {
                Mode::Serve => "serve",
                Mode::Export { .. } => "export",
            },
            locale,
            slug: slug.unwrap_or(""),
            content: self.content_info(),
            app_version,
            root: links.root(),
            suffix: if mode == Mode::Serve { "" } else { ".html" },
            alternates: alternates.clone(),
        };
        // JSON inside <script>: `<` escaped so no text can close the element.
        let json = serde_json::to_string(&config)
            .expect("plain data")
            .replace('<', "\\u003c");
        // Plain text escapes itself wherever it is formatted.
        let mut head = format!("<title>{}</title>", page.window_title);
        if mode != Mode::Serve {
            head.push_str(&format!(
                "\n<meta http-equiv=\"Content-Security-Policy\" content=\"{EXPORT_CSP}\">"
            ));
        }
        for (code, href) in &alternates {
            head.push_str(&format!(
                "\n<link rel=\"alternate\" hreflang=\"{code}\" href=\"{}\">",
                escape_html(href)
            ));
        }
        head.push_str(&format!(
            "\n<script type=\"application/json\" id=\"reader-config\">{json}</script>"
        ));

        let assets = format!("{}ui/", links.root());
        Some(shell.fill([
            &format!("<html lang=\"{locale}\">"),
            &head,
            &format!("href=\"{assets}style.css\""),
            // The UI strings of every locale: one cacheable file, not repeated in each page.
            &format!(
                "src=\"{assets}{CHROMES_FILE}\" defer></script>\n<script src=\"{assets}app.js\""
            ),
            &format!(
                "<main id=\"main\" tabindex=\"-1\" aria-live=\"polite\">\n{}\n</main>",
                page.html
            ),
        ]))
    }
}
