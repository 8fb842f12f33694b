//! The loaded content: manifest, bundles, date formatters and load diagnostics, with the
//! operations every front end needs (render a page, the UI chrome, locale list).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};
use serde::Serialize;

use crate::dates::DateFormatter;
use crate::error::{Diagnostic, LoadError};
use crate::l10n::{LocaleBundle, Localizer, Resolved};
use crate::locale::Locale;
use crate::manifest::{IsoDate, Manifest, Page};
use crate::manifest_cache::ManifestCache;
use crate::records::{MessageRecord, Records};
use crate::sanitize::PlainText;
use crate::source::{ContentFiles, ContentSource};

/// Everything needed to show the content, shared (it is `Send + Sync`): loaded whole
/// ([`Library::load`]: checks, status, export, packs), or opened for reading
/// ([`Library::open`]: the app, `serve`, `render`, `search`), which reads a page's
/// resources when one of its messages is first asked for and keeps the latest.
pub struct Library {
    source: ContentSource,
    origin: ContentOrigin,
    manifest: Arc<Manifest>,
    /// Loaded whole: every file (the `.ftl` ones' text moved into the bundles). Opened for
    /// reading: the manifest and the locales' shared files only.
    files: ContentFiles,
    /// Opened for reading: pages are read when first needed.
    reading: bool,
    localizer: Localizer,
    dates: HashMap<String, DateFormatter>,
    locales: Vec<LocaleInfo>,
    ui_message_ids: Vec<String>,
    /// Locales with UI strings of their own (the app's, or the content folder's).
    ui_locales: Vec<String>,
    diagnostics: Vec<Diagnostic>,
    records: Records,
    /// The content's fingerprint (see [`Library::fingerprint`]), made when first asked.
    fingerprint: std::sync::OnceLock<String>,
    /// An installed version's reading lock, held while this library lives (`pack::store`:
    /// the clean-up of newer installs keeps the version it reads).
    _reading_lock: Option<std::fs::File>,
}

/// A locale as the language switch shows it: named in its own script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocaleInfo {
    pub code: Locale,
    pub native_name: PlainText,
}

/// Version and date of the content showing, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContentInfo {
    pub version: u64,
    pub date: String,
    pub source: String,
    pub origin: ContentOrigin,
}

/// Where the content showing came from, as About tells the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ContentOrigin {
    /// Compiled into the reader.
    BuiltIn,
    /// A content folder given with `--content`.
    Folder,
    /// A content pack the reader imported (the pack store's current version).
    Imported,
}

impl ContentOrigin {
    /// The name UI strings select on (`$content-origin`).
    pub fn as_str(self) -> &'static str {
        match self {
            ContentOrigin::BuiltIn => "built-in",
            ContentOrigin::Folder => "folder",
            ContentOrigin::Imported => "imported",
        }
    }
}

/// One entry of the toolbar navigation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NavItem {
    pub slug: String,
    pub label: PlainText,
}

/// What the window around the pages needs in one locale: all UI strings as plain text
/// (the UI sets them with `textContent`, never as HTML), navigation and the locale list.
#[derive(Debug, Clone, Serialize)]
pub struct Chrome {
    pub locale: Locale,
    /// The language the content is written in (side by side compares against it).
    pub source_locale: Locale,
    pub strings: BTreeMap<String, PlainText>,
    pub nav: Vec<NavItem>,
    pub locales: Vec<LocaleInfo>,
    pub home: String,
    /// `false` when the locale has no UI strings of its own (pages brought by a pack in a
    /// language the app doesn't know): the window is in the source language, and says so.
    pub ui_translated: bool,
}

impl Library {
    /// Opens content for reading: the manifest (cached in `cache`, when given, for the next
    /// start), and each locale's shared files (UI strings, terms, their records) are read
    /// now; a page's resource and records when first needed. Problems of a page's files are
    /// logged when it is read (`reader check` reports them all).
    pub fn open(source: ContentSource, cache: Option<&ManifestCache>) -> Result<Self, LoadError> {
        let manifest = match (&source, cache) {
            (ContentSource::Directory(dir), Some(cache)) => {
                check_is_dir(dir)?;
                let (manifest, origin) = cache.read_or_parse(dir)?;
                log::info!("{source}: page list {origin:?}");
                manifest
            }
            (ContentSource::Directory(dir), None) => {
                check_is_dir(dir)?;
                crate::manifest_cache::parse_file(dir)?
            }
            (ContentSource::Embedded, _) => {
                let text = source
                    .read_file("manifest.toml")?
                    .ok_or(LoadError::MissingManifest)?;
                Manifest::parse(&String::from_utf8_lossy(&text))?
            }
        };
        // Locales: top folders named by a language tag with a `pages` folder or `.ftl`
        // files of their own. Their top files are the shared ones.
        let mut codes = Vec::new();
        let mut files = ContentFiles::default();
        for (name, is_dir) in source.list("")? {
            if !is_dir || !is_language_tag(&name) {
                continue;
            }
            let mut is_locale = false;
            for (file, is_folder) in source.list(&name)? {
                is_locale |= is_folder && file == "pages" || file.ends_with(".ftl");
                if !is_folder && (file.ends_with(".ftl") || file.ends_with(".status.toml")) {
                    let path = format!("{name}/{file}");
                    if let Some(bytes) = source.read_file(&path)? {
                        files.insert(path, bytes.into_owned());
                    }
                }
            }
            if is_locale {
                codes.push(name);
            }
        }
        Self::assemble(source, files, manifest, codes, true)
    }

    /// Loads content whole, every file read and parsed. Syntax errors and duplicate ids in
    /// `.ftl` files are diagnostics (the rest loads); only a missing or invalid manifest, or
    /// no folder for the manifest's source locale, is an error.
    pub fn load(source: ContentSource) -> Result<Self, LoadError> {
        let ContentSource::Directory(dir) = &source else {
            return Self::from_files(source, ContentFiles::embedded());
        };
        // A big site's manifest takes about as long to parse as its files to read: both at
        // once. The manifest is parsed on this thread, whose memory the parsing of the
        // `.ftl` files then reuses. (The walk reads it again, ~1 ms, so `files()` stays the
        // whole directory, as packs and checks expect.)
        let (files, manifest) = std::thread::scope(|scope| {
            let files = scope.spawn(|| ContentFiles::read(&source));
            let manifest = crate::source::read_top_file(dir, "manifest.toml").and_then(|text| {
                let text = text.ok_or(LoadError::MissingManifest)?;
                Manifest::parse(&String::from_utf8_lossy(&text))
            });
            (
                files.join().expect("reading the content panicked"),
                manifest,
            )
        });
        let files = files?;
        let codes = locale_codes(&files);
        Self::assemble(source, files, manifest?, codes, false)
    }

    /// The content compiled into the reader, opened for reading (tested: it always loads).
    pub fn built_in() -> Self {
        Self::open(ContentSource::Embedded, None).expect("the embedded content is tested")
    }

    pub fn from_files(source: ContentSource, files: ContentFiles) -> Result<Self, LoadError> {
        let manifest = files
            .get("manifest.toml")
            .ok_or(LoadError::MissingManifest)
            .and_then(|text| Manifest::parse(&String::from_utf8_lossy(text)))?;
        let codes = locale_codes(&files);
        Self::assemble(source, files, manifest, codes, false)
    }

    /// The library of `files` (every file, or with `reading` the shared ones) in locales
    /// `codes`.
    fn assemble(
        source: ContentSource,
        mut files: ContentFiles,
        manifest: Manifest,
        mut codes: Vec<String>,
        reading: bool,
    ) -> Result<Self, LoadError> {
        let manifest = Arc::new(manifest);
        // The source locale first: every fallback chain ends with it.
        let source_code = manifest.source_locale().to_string();
        let Some(at) = codes.iter().position(|c| *c == source_code) else {
            return Err(LoadError::MissingSourceLocale(source_code));
        };
        codes[..=at].rotate_right(1);
        // UI strings ship with the app: a content directory may bring its own, else the
        // embedded ones are used.
        let embedded = ContentFiles::embedded();
        for code in &codes {
            let ui = format!("{code}/ui.ftl");
            if files.get(&ui).is_none() {
                if let Some(bytes) = embedded.get(&ui) {
                    files.insert(ui, bytes.to_vec());
                }
            }
        }
        let ui_locales = codes
            .iter()
            .filter(|code| files.get(&format!("{code}/ui.ftl")).is_some())
            .cloned()
            .collect();
        let ui_message_ids = files
            .get(&format!("{source_code}/ui.ftl"))
            .map(|bytes| message_ids(&String::from_utf8_lossy(bytes)))
            .unwrap_or_default();
        let mut sources: Vec<_> = codes
            .iter()
            .map(|code| (code.as_str(), files.take_under(&format!("{code}/"), ".ftl")))
            .collect();
        // Two threads: the first locale on a new one, the others on this one. (A thread per
        // locale cost ~20% more memory for a big site: glibc gives each thread an arena,
        // and this thread's, where the manifest was parsed, would go unused.)
        let first = sources.remove(0);
        let loaded: Vec<(LocaleBundle, Vec<Diagnostic>)> = std::thread::scope(|scope| {
            let first = scope.spawn(move || load_locale(first));
            let others: Vec<_> = sources.into_iter().map(load_locale).collect();
            std::iter::once(first.join().expect("loading a locale panicked"))
                .chain(others)
                .collect()
        });
        let mut diagnostics = Vec::new();
        let bundles: Vec<LocaleBundle> = loaded
            .into_iter()
            .map(|(mut bundle, found)| {
                diagnostics.extend(found);
                if reading {
                    bundle.read_pages_lazily(source.clone(), manifest.clone());
                }
                bundle
            })
            .collect();
        for diagnostic in &diagnostics {
            log::error!("{source}: {diagnostic}");
        }
        let localizer = Localizer::new(bundles);
        let translated: Vec<&str> = codes[1..].iter().map(String::as_str).collect();
        let records = Records::load(
            &files,
            |locale, id| localizer.bundle(locale).is_some_and(|b| b.defines(id)),
            &translated,
        );

        let dates = codes
            .iter()
            .filter_map(|code| Some((code.clone(), DateFormatter::new(code)?)))
            .collect();

        let origin = match source {
            ContentSource::Embedded => ContentOrigin::BuiltIn,
            ContentSource::Directory(_) => ContentOrigin::Folder,
        };
        let mut library = Self {
            source,
            origin,
            manifest,
            files,
            reading,
            localizer,
            dates,
            locales: Vec::new(),
            ui_message_ids,
            ui_locales,
            diagnostics,
            records,
            fingerprint: std::sync::OnceLock::new(),
            _reading_lock: None,
        };
        library.locales = library
            .localizer
            .bundles()
            .iter()
            .map(|bundle| LocaleInfo {
                code: Locale::new(&bundle.code),
                // Its own name, never the source language's: else its code.
                native_name: library
                    .resolve(&bundle.code, "locale-name", None)
                    .filter(|resolved| resolved.locale == bundle.code)
                    .map(|resolved| crate::sanitize::plain_text(&resolved.text))
                    .unwrap_or_else(|| PlainText::verbatim(&bundle.code)),
            })
            .collect();
        Ok(library)
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Identifies the content (hex SHA-256): caches built from it, the search index, are
    /// keyed by it. Content read from a folder: its files' paths, lengths and modification
    /// times ([`ContentFiles::stamp`]); other content (built in, a verified pack): every
    /// file's path and text, the app's own UI strings included where the content has none —
    /// made when first asked, from what the library holds.
    pub fn fingerprint(&self) -> &str {
        self.fingerprint.get_or_init(|| {
            if let Some(stamp) = self.files.stamp() {
                return stamp.to_string();
            }
            if self.reading {
                return self.source_fingerprint();
            }
            use sha2::{Digest, Sha256};
            let mut digest = Sha256::new();
            let mut add = |path: &str, bytes: &[u8]| {
                // Lengths first: no two different trees can feed the same bytes.
                digest.update((path.len() as u64).to_le_bytes());
                digest.update(path.as_bytes());
                digest.update((bytes.len() as u64).to_le_bytes());
                digest.update(bytes);
            };
            for (path, bytes) in self.files.iter() {
                add(path, bytes);
            }
            for bundle in self.localizer.bundles() {
                for (path, text) in bundle.sources() {
                    add(path, text.as_bytes());
                }
            }
            hex::encode(digest.finalize())
        })
    }

    /// A library opened for reading: its folder's stamp, from a walk that reads no file;
    /// built-in content, every file hashed.
    fn source_fingerprint(&self) -> String {
        match self.source.stamp() {
            Ok(Some(stamp)) => stamp,
            Ok(None) => {
                use sha2::{Digest, Sha256};
                let mut digest = Sha256::new();
                for (path, bytes) in ContentFiles::embedded().iter() {
                    digest.update((path.len() as u64).to_le_bytes());
                    digest.update(path.as_bytes());
                    digest.update((bytes.len() as u64).to_le_bytes());
                    digest.update(bytes);
                }
                hex::encode(digest.finalize())
            }
            Err(e) => {
                // Unreadable now: a fingerprint no earlier index has, so none is reused.
                log::warn!("{e}: the content's fingerprint is new");
                let now = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos());
                format!("unstamped-{now}-{}", std::process::id())
            }
        }
    }

    pub fn localizer(&self) -> &Localizer {
        &self.localizer
    }

    /// Every file of content loaded whole. (Opened for reading, a library holds only its
    /// shared files: read one with [`Library::read_file`].)
    pub fn files(&self) -> &ContentFiles {
        debug_assert!(
            !self.reading,
            "a library opened for reading has no file list"
        );
        &self.files
    }

    /// Whether pages are read when first needed ([`Library::open`]).
    pub fn reads_pages_lazily(&self) -> bool {
        self.reading
    }

    /// A file of the content (an image), from memory or, opened for reading, from its
    /// folder: `None` when there is none the reader may read.
    pub fn read_file(&self, path: &str) -> Option<std::borrow::Cow<'_, [u8]>> {
        if !self.reading {
            return self.files.get(path).map(std::borrow::Cow::Borrowed);
        }
        self.source.read_file(path).unwrap_or_else(|e| {
            log::warn!("{e}");
            None
        })
    }

    /// The translation record of message `id` in `locale`.
    pub fn record(&self, locale: &str, id: &str) -> Option<MessageRecord> {
        self.records
            .by_locale
            .get(locale)
            .and_then(|records| records.get(id))
            .cloned()
            .or_else(|| self.localizer.bundle(locale)?.page_record(id))
    }

    /// The translation records, as loaded.
    pub fn records(&self) -> &Records {
        &self.records
    }

    /// Problems found while loading (each was also logged).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The locales found, the source first.
    pub fn locales(&self) -> &[LocaleInfo] {
        &self.locales
    }

    /// The locale named `code`, if the content has it: where a code from outside (a
    /// command's argument, an address, a saved preference) becomes a [`Locale`].
    pub fn locale(&self, code: &str) -> Option<Locale> {
        self.locales
            .iter()
            .find(|l| l.code == code)
            .map(|l| l.code.clone())
    }

    /// The best of the content's locales for the `requested` ones (most wanted first), else
    /// the source locale.
    pub fn negotiate(&self, requested: &[String]) -> Locale {
        let codes: Vec<String> = self.locales.iter().map(|l| l.code.to_string()).collect();
        let chosen = crate::l10n::negotiate_locale(requested, &codes);
        self.locale(&chosen)
            .unwrap_or_else(|| self.source_locale().clone())
    }

    /// The language the content is written in: every fallback chain ends with it.
    pub fn source_locale(&self) -> &Locale {
        &self.locales[0].code
    }

    pub fn content_info(&self) -> ContentInfo {
        ContentInfo {
            version: self.manifest.version,
            date: self.manifest.date.to_string(),
            source: self.source.to_string(),
            origin: self.origin,
        }
    }

    /// The same content, marked as imported from a content pack (the pack store opens it
    /// from a folder of its own), holding that version's reading `lock` while it lives.
    pub(crate) fn imported(mut self, lock: Option<std::fs::File>) -> Self {
        self.origin = ContentOrigin::Imported;
        self._reading_lock = lock;
        self
    }

    /// Whether `locale` has its own resource file for the page.
    pub fn page_is_translated(&self, locale: &str, page: &Page) -> bool {
        if self.reading {
            return self
                .manifest
                .position(&page.slug)
                .zip(self.localizer.bundle(locale))
                .and_then(|(position, bundle)| bundle.has_page_resource(position))
                .unwrap_or(false);
        }
        self.files.get(&page.resource_path(locale)).is_some()
    }

    /// A message resolved for `locale` through the chain.
    pub fn resolve(&self, locale: &str, id: &str, attribute: Option<&str>) -> Option<Resolved> {
        self.localizer.resolve(locale, id, attribute, None)
    }

    /// A page's title in `locale` (through the chain) as plain text: what the page shows
    /// at its top, search results and listings name it by.
    pub fn page_title(&self, locale: &Locale, page: &Page) -> PlainText {
        self.resolve(locale, page.title_id(), None)
            .map(|resolved| crate::sanitize::plain_text(&resolved.text))
            .unwrap_or_else(|| PlainText::verbatim(&page.slug))
    }

    /// A UI string as plain text, through the chain.
    pub fn ui_text(&self, locale: &str, id: &str) -> Option<PlainText> {
        self.ui_text_with(locale, id, None)
    }

    fn ui_text_with(&self, locale: &str, id: &str, args: Option<&FluentArgs>) -> Option<PlainText> {
        self.localizer
            .resolve(locale, id, None, args)
            .map(|resolved| crate::sanitize::plain_text(&resolved.text))
    }

    /// The window's title for a page: "Page — IOM Lao PDR Reader" in `locale` (the
    /// `window-title` message), or the page's title alone when the locale has none.
    pub fn window_title(&self, locale: &str, page_title: &PlainText) -> PlainText {
        let mut args = FluentArgs::new();
        // Passed as HTML, as every message's text is read: plain text survives unchanged.
        args.set(
            "page",
            FluentValue::from(crate::sanitize::escape_html(page_title.as_str()).to_string()),
        );
        self.ui_text_with(locale, "window-title", Some(&args))
            .unwrap_or_else(|| page_title.clone())
    }

    /// A long date in `locale` (ISO when ICU4X has no data for it).
    pub fn format_date(&self, locale: &Locale, date: IsoDate) -> String {
        self.dates
            .get(locale.as_str())
            .or_else(|| self.dates.get(self.source_locale().as_str()))
            .map(|formatter| formatter.format(date))
            .unwrap_or_else(|| date.to_string())
    }

    /// The window's strings in one locale. `app_version` feeds the About box.
    pub fn chrome(&self, locale: &Locale, app_version: &str) -> Chrome {
        let content = self.content_info();
        let mut args = FluentArgs::new();
        args.set("app-version", FluentValue::from(app_version));
        args.set(
            "content-version",
            FluentValue::from(content.version.to_string()),
        );
        args.set(
            "content-date",
            FluentValue::from(self.format_date(locale, self.manifest.date)),
        );
        args.set("content-origin", FluentValue::from(self.origin.as_str()));
        let strings = self
            .ui_message_ids
            .iter()
            // The window's title is formatted per page (`window_title`), in the body.
            .filter(|id| *id != "window-title")
            .filter_map(|id| Some((id.clone(), self.ui_text_with(locale, id, Some(&args))?)))
            .collect();
        let nav = self
            .manifest
            .pages
            .iter()
            .filter(|page| page.nav)
            .map(|page| NavItem {
                slug: page.slug.clone(),
                label: self
                    .resolve(locale, page.title_id(), Some("nav"))
                    .map(|r| crate::sanitize::plain_text(&r.text))
                    .unwrap_or_else(|| self.page_title(locale, page)),
            })
            .collect();
        Chrome {
            locale: locale.clone(),
            source_locale: self.source_locale().clone(),
            strings,
            nav,
            locales: self.locales.clone(),
            home: self.manifest.home().slug.clone(),
            ui_translated: self.ui_locales.iter().any(|code| code == locale.as_str()),
        }
    }
}

/// A locale's bundle from its `.ftl` files, and what was wrong in them.
fn load_locale(
    (code, sources): (&str, Vec<crate::source::SourceFile>),
) -> (LocaleBundle, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let bundle = LocaleBundle::load(code, sources, &mut diagnostics);
    (bundle, diagnostics)
}

/// Locale folders: top-level folders holding `.ftl` files whose names are language tags.
fn locale_codes(files: &ContentFiles) -> Vec<String> {
    let mut codes: Vec<String> = files
        .paths()
        .filter(|path| path.ends_with(".ftl"))
        .filter_map(|path| path.split_once('/').map(|(dir, _)| dir.to_string()))
        .filter(|dir| is_language_tag(dir))
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

/// Whether a folder's name is a language tag as written canonically (`lo`, `en-GB`).
fn is_language_tag(name: &str) -> bool {
    name.parse::<unic_langid::LanguageIdentifier>()
        .is_ok_and(|id| id == name)
}

/// A content folder must be one (checked before anything in it is read).
fn check_is_dir(dir: &std::path::Path) -> Result<(), LoadError> {
    let meta = std::fs::metadata(dir).map_err(|source| LoadError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    if meta.is_dir() {
        Ok(())
    } else {
        Err(LoadError::NotADirectory(dir.to_path_buf()))
    }
}

/// Ids of the messages (not terms) of a resource, in file order.
fn message_ids(text: &str) -> Vec<String> {
    let (resource, _) = crate::ftl::parse(text.to_string());
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_string()),
            _ => None,
        })
        .collect()
}
