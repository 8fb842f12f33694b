//! The full HTML documents `serve` answers with: a page in the app's window document, or the
//! localized 404. Pages are kept once rendered: the content doesn't change while serving.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use reader_core::document::{Mode, Shell};
use reader_core::{Library, Locale};

/// Documents kept rendered; past this many the cache starts over (a big site's long tail
/// is rendered on demand, in about 0.1 ms).
const CACHED_DOCUMENTS: usize = 2048;

pub struct Documents {
    library: Arc<Library>,
    shell: Shell,
    app_version: &'static str,
    /// By (locale, slug).
    rendered: Mutex<HashMap<(Locale, String), Bytes>>,
}

impl Documents {
    pub fn new(library: Arc<Library>, shell: Shell, app_version: &'static str) -> Self {
        Self {
            library,
            shell,
            app_version,
            rendered: Mutex::new(HashMap::new()),
        }
    }

    /// The page `slug` in `locale`, from the cache when it was rendered before; `None`
    /// when the core has no such document.
    pub fn page(&self, locale: Locale, slug: String) -> Option<Bytes> {
        let key = (locale, slug);
        if let Some(html) = self.rendered.lock().expect("cache lock").get(&key) {
            return Some(html.clone());
        }
        // Rendered outside the lock: other requests go on meanwhile.
        let html = Bytes::from(self.library.render_document(
            &self.shell,
            Mode::Serve,
            &key.0,
            Some(&key.1),
            self.app_version,
        )?);
        let mut rendered = self.rendered.lock().expect("cache lock");
        if rendered.len() >= CACHED_DOCUMENTS {
            rendered.clear();
        }
        rendered.insert(key, html.clone());
        Some(html)
    }

    /// The 404 document in `locale`, rendered each time.
    pub fn not_found(&self, locale: &Locale) -> String {
        self.library
            .render_document(&self.shell, Mode::Serve, locale, None, self.app_version)
            .expect("the 404 document always renders")
    }
}
