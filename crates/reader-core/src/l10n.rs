//! Localization: one Fluent bundle per locale, locale negotiation, and message resolution
//! through the fallback chain (reading locale → `en`), recording every fallback.
//!
//! A library loaded whole has every resource in its locale's bundle. A library opened for
//! reading has only the shared ones there (UI strings, terms); a page's resource is read,
//! parsed and given a bundle of its own (shared + page) when one of its messages is first
//! asked for, and the most recently used pages are kept ([`PAGES_KEPT`] per locale).

use std::collections::{BTreeMap, BTreeSet};
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use fluent_langneg::{negotiate_languages, NegotiationStrategy};
use serde::Serialize;
use unic_langid::LanguageIdentifier;

use crate::catalog::Catalog;
use crate::error::{Diagnostic, DiagnosticKind};
use crate::manifest::Manifest;
use crate::records::MessageRecord;
use crate::source::ContentSource;

/// Pages kept parsed per locale in a library opened for reading (~10 KB each).
pub const PAGES_KEPT: usize = 64;

type Bundle = FluentBundle<Arc<FluentResource>>;

/// The bundle of one locale: its UI strings, terms and page resources (every one, or, read
/// lazily, those of the pages asked for lately).
pub struct LocaleBundle {
    pub id: LanguageIdentifier,
    pub code: String,
    bundle: FluentBundle<Arc<FluentResource>>,
    /// Every resource with its file, in load order.
    resources: Vec<(Arc<str>, Arc<FluentResource>)>,
    /// Ids of the terms (`-name`): few, and the bundle doesn't tell.
    terms: BTreeSet<String>,
    /// Short terms written as plain text (names, ສປປ ລາວ): a line never breaks inside them
    /// (`line_breaks`).
    keep_together: Vec<String>,
    /// Built on first use: checking, recording and pack previews need it, reading doesn't
    /// (for a big site it is ~15% of the loaded content).
    catalog: OnceLock<Catalog>,
    /// Set when page resources are read when first needed.
    pages: Option<LazyPages>,
}

/// A locale's page resources, read when first needed.
struct LazyPages {
    source: ContentSource,
    manifest: Arc<Manifest>,
    /// The locale's shared resources: every page's bundle holds them too.
    shared: Vec<Arc<FluentResource>>,
    /// Page position → its resources, the most recently used first.
    kept: Mutex<lru::LruCache<usize, Arc<PageResources>>>,
}

/// One page's resource in one locale, and its translation records.
struct PageResources {
    /// `None` when the locale has no (readable) resource for the page.
    bundle: Option<Bundle>,
    records: BTreeMap<String, MessageRecord>,
}

/// A new bundle of `id` as the reader formats it.
fn new_bundle(id: &LanguageIdentifier) -> Bundle {
    let mut bundle = FluentBundle::new_concurrent(vec![id.clone()]);
    // Isolation marks (U+2068/U+2069) would end up in copied text and the window title;
    // our placeables are terms and neutral dates, never right-to-left text.
    bundle.set_use_isolating(false);
    bundle.add_builtins().expect("builtins are added once");
    bundle
}

impl LocaleBundle {
    /// Loads every `.ftl` of `<code>/`, keeping the partial resources of files with syntax
    /// errors (fluent-syntax recovers at the next entry) and reporting each error.
    pub fn load(
        code: &str,
        files: Vec<crate::source::SourceFile>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Self {
        let id: LanguageIdentifier = code.parse().expect("locale folder names are validated");
        let mut bundle = new_bundle(&id);
        let mut resources = Vec::with_capacity(files.len());
        let mut terms = BTreeSet::new();
        let mut keep_together = Vec::new();
        // (resource, name) of every entry the bundle refused: its name was taken.
        let mut refused: Vec<(usize, String)> = Vec::new();
        for (path, bytes) in files {
            let path = path.as_str();
            let Some(resource) = parse_resource(path, bytes, diagnostics) else {
                continue;
            };
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Term(term) = entry {
                    terms.insert(format!("-{}", term.id.name));
                    keep_together.extend(plain_short_text(&term.value));
                }
            }
            // Shared with the catalog, which reads entries when asked. The bundle's only
            // error is a name taken already (it keeps the first definition).
            let resource = Arc::new(resource);
            if let Err(errors) = bundle.add_resource(resource.clone()) {
                refused.extend(errors.into_iter().filter_map(|error| match error {
                    fluent_bundle::FluentError::Overriding { id, .. } => {
                        Some((resources.len(), id))
                    }
                    _ => None,
                }));
            }
            resources.push((Arc::from(path), resource));
        }
        let locale = Self {
            id,
            code: code.to_string(),
            bundle,
            resources,
            terms,
            keep_together,
            catalog: OnceLock::new(),
            pages: None,
        };
        if !refused.is_empty() {
            // Rare: the catalog is built now, to say where each definition is.
            let catalog = locale.report_duplicates(refused, diagnostics);
            let _ = locale.catalog.set(catalog);
        }
        locale
    }

    /// Reports each id defined twice, from the names the bundle refused (`refused`: the
    /// resource and the name), and returns the catalog built to find them.
    fn report_duplicates(
        &self,
        refused: Vec<(usize, String)>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Catalog {
        let duplicate = |file: &str, line, id: String, text| Diagnostic {
            kind: DiagnosticKind::DuplicateId,
            file: file.to_string(),
            line,
            column: 1,
            message_id: Some(id),
            text,
        };
        let mut catalog = Catalog::default();
        let mut reported = BTreeSet::new();
        for (file, resource) in &self.resources {
            for (id, line) in catalog.add(file, resource) {
                reported.insert(id.trim_start_matches('-').to_string());
                let first = catalog
                    .get(&id)
                    .expect("a duplicate has a first definition");
                let text = format!(
                    "`{id}` is defined twice (first at {}:{})",
                    first.file, first.line
                );
                diagnostics.push(duplicate(file, line, id, text));
            }
        }
        // Fluent gives a message and a term one namespace: `brand` and `-brand` clash.
        for (index, name) in refused {
            if reported.contains(&name) {
                continue;
            }
            let (file, resource) = &self.resources[index];
            let lines = crate::catalog::definition_lines(resource.source());
            let line = [name.clone(), format!("-{name}")]
                .iter()
                .filter_map(|id| lines.get(id.as_str()).copied())
                .max()
                .unwrap_or(0);
            let text = format!(
                "the message `{name}` and the term `-{name}` share a name: Fluent keeps the first \
                 defined, and the other never shows"
            );
            diagnostics.push(duplicate(file, line, name, text));
        }
        catalog
    }

    /// Every resource's file and text, in load order.
    pub fn sources(&self) -> impl Iterator<Item = (&str, &str)> {
        self.resources
            .iter()
            .map(|(file, resource)| (&**file, resource.source()))
    }

    /// Where each entry is defined, and what it uses (built on first use).
    pub fn catalog(&self) -> &Catalog {
        self.catalog.get_or_init(|| {
            let mut catalog = Catalog::default();
            for (file, resource) in &self.resources {
                // Duplicates were reported at load.
                catalog.add(file, resource);
            }
            catalog
        })
    }

    /// Short plain-text terms, kept on one line (see `line_breaks`).
    pub fn keep_together(&self) -> &[String] {
        &self.keep_together
    }

    pub fn has_message(&self, id: &str) -> bool {
        self.with_message(id, |_, _| ()).is_some()
    }

    /// Whether the locale defines the message, or the term (`-name`).
    pub fn defines(&self, id: &str) -> bool {
        if id.starts_with('-') {
            self.terms.contains(id)
        } else {
            self.has_message(id)
        }
    }

    /// The fingerprint of a message or term (see `catalog::EntryInfo::fingerprint`);
    /// a message's is read from the bundle, without building the catalog.
    pub fn fingerprint(&self, id: &str) -> Option<String> {
        if id.starts_with('-') {
            return self.catalog().get(id).map(|entry| entry.fingerprint());
        }
        self.with_message(id, |_, message| {
            crate::catalog::message_fingerprint(id, &message)
        })
    }

    /// Formats a message (or one of its attributes) in this locale alone.
    /// `Err` when it is missing or formatting reported any error.
    fn format(
        &self,
        id: &str,
        attribute: Option<&str>,
        args: Option<&FluentArgs>,
    ) -> Result<String, FallbackReason> {
        self.with_message(id, |bundle, message| {
            let pattern = match attribute {
                None => message.value(),
                Some(name) => message.get_attribute(name).map(|attr| attr.value()),
            }
            .ok_or(FallbackReason::Missing)?;
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            match errors.first() {
                None => Ok(text.into_owned()),
                Some(error) => Err(FallbackReason::FormatError(error.to_string())),
            }
        })
        .unwrap_or(Err(FallbackReason::Missing))
    }

    /// Calls `f` with message `id` and the bundle that holds it: this locale's, or, for a
    /// page read lazily, the page's. `None` when the locale doesn't have it.
    fn with_message<R>(
        &self,
        id: &str,
        f: impl FnOnce(&Bundle, fluent_bundle::FluentMessage<'_>) -> R,
    ) -> Option<R> {
        if let Some(message) = self.bundle.get_message(id) {
            return Some(f(&self.bundle, message));
        }
        let pages = self.pages.as_ref()?;
        let page = pages.resources(pages.manifest.page_of_message(id)?, &self.id);
        let bundle = page.bundle.as_ref()?;
        Some(f(bundle, bundle.get_message(id)?))
    }

    /// From now on, page resources are read from `source` when first needed; this
    /// bundle's resources (already loaded) are the shared ones.
    pub(crate) fn read_pages_lazily(&mut self, source: ContentSource, manifest: Arc<Manifest>) {
        self.pages = Some(LazyPages {
            source,
            manifest,
            shared: self.resources.iter().map(|(_, r)| r.clone()).collect(),
            kept: Mutex::new(lru::LruCache::new(
                NonZeroUsize::new(PAGES_KEPT).expect("not zero"),
            )),
        });
    }

    /// Whether page `position` has a resource in this locale, for a library reading pages
    /// lazily (`None`: every page is loaded; the library's files say).
    pub(crate) fn has_page_resource(&self, position: usize) -> Option<bool> {
        let pages = self.pages.as_ref()?;
        Some(pages.resources(position, &self.id).bundle.is_some())
    }

    /// The translation record of message `id` kept beside its page's resource, for a
    /// library reading pages lazily (the shared resources' records are loaded at start).
    pub(crate) fn page_record(&self, id: &str) -> Option<MessageRecord> {
        let pages = self.pages.as_ref()?;
        let page = pages.resources(pages.manifest.page_of_message(id)?, &self.id);
        page.records.get(id).cloned()
    }

    /// How many pages' resources are held parsed now (every page's, loaded whole).
    pub fn pages_held(&self) -> usize {
        match &self.pages {
            Some(pages) => pages.kept.lock().expect("page cache lock").len(),
            None => (self.resources.iter())
                .filter(|(file, _)| file.contains("/pages/"))
                .count(),
        }
    }
}

impl LazyPages {
    /// Page `position`'s resources: kept ones, else read and parsed now. (Two threads
    /// asking for one page at once may both parse it: the lock is not held meanwhile.)
    fn resources(&self, position: usize, id: &LanguageIdentifier) -> Arc<PageResources> {
        if let Some(found) = self.kept.lock().expect("page cache lock").get(&position) {
            return found.clone();
        }
        let read = Arc::new(self.read(position, id));
        self.kept
            .lock()
            .expect("page cache lock")
            .put(position, read.clone());
        read
    }

    fn read(&self, position: usize, id: &LanguageIdentifier) -> PageResources {
        let path = self.manifest.pages[position].resource_path(&id.to_string());
        let read = |path: &str| match self.source.read_file(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                log::warn!("{e}");
                None
            }
        };
        let mut diagnostics = Vec::new();
        let bundle = read(&path)
            .and_then(|bytes| parse_resource(&path, bytes, &mut diagnostics))
            .map(|resource| {
                let mut bundle = new_bundle(id);
                // The page first, as a library loaded whole adds `pages/` before `terms.ftl`
                // and `ui.ftl`: where a name is taken twice (`reader check` reports it), the
                // same definition shows.
                let _ = bundle.add_resource(Arc::new(resource));
                for shared in &self.shared {
                    let _ = bundle.add_resource(shared.clone());
                }
                bundle
            });
        for diagnostic in diagnostics {
            log::warn!("{}: {diagnostic}", self.source);
        }
        let records_path = crate::records::records_path(&path);
        let records = read(&records_path)
            .map(|bytes| {
                crate::records::parse(&records_path, &String::from_utf8_lossy(&bytes))
                    .unwrap_or_else(|diagnostic| {
                        log::warn!("{}: {diagnostic}", self.source);
                        BTreeMap::new()
                    })
            })
            .unwrap_or_default();
        PageResources { bundle, records }
    }
}

/// A resource from a file's bytes; its problems (syntax, a byte-order mark, not UTF-8: the
/// file is then skipped) become diagnostics.
fn parse_resource(
    path: &str,
    bytes: std::borrow::Cow<'static, [u8]>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<FluentResource> {
    let text = match bytes {
        std::borrow::Cow::Owned(bytes) => String::from_utf8(bytes).ok(),
        std::borrow::Cow::Borrowed(bytes) => std::str::from_utf8(bytes).ok().map(str::to_string),
    };
    let Some(text) = text else {
        diagnostics.push(Diagnostic {
            kind: DiagnosticKind::NotUtf8,
            file: path.to_string(),
            line: 0,
            column: 0,
            message_id: None,
            text: "not UTF-8 text: file skipped".into(),
        });
        return None;
    };
    let (resource, problems) = crate::ftl::parse(text);
    diagnostics.extend(problems.into_iter().map(|problem| Diagnostic {
        kind: match problem.kind {
            crate::ftl::ProblemKind::Syntax => DiagnosticKind::Syntax,
            crate::ftl::ProblemKind::ByteOrderMark => DiagnosticKind::ByteOrderMark,
        },
        file: path.to_string(),
        line: problem.line,
        column: problem.column,
        message_id: problem.entry,
        text: problem.message,
    }));
    Some(resource)
}

/// Why a message was not shown in the reading locale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "detail", rename_all = "kebab-case")]
pub enum FallbackReason {
    Missing,
    FormatError(String),
}

/// A message resolved through the chain.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub text: String,
    /// Code of the locale the text came from.
    pub locale: String,
    /// Set when that is not the reading locale.
    pub fallback: Option<FallbackReason>,
}

/// One message that fell back, for the page's report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fallback {
    pub id: String,
    pub requested: String,
    pub shown: String,
    pub reason: FallbackReason,
}

/// Which messages of a page fell back (empty when all came from the reading locale).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FallbackReport {
    pub fallbacks: Vec<Fallback>,
}

/// All locales' bundles, the first being the source locale (the content's language).
pub struct Localizer {
    bundles: Vec<LocaleBundle>,
}

impl Localizer {
    /// `bundles` begin with the source locale's; the others are sorted by code.
    pub fn new(mut bundles: Vec<LocaleBundle>) -> Self {
        assert!(!bundles.is_empty(), "the source locale is checked at load");
        bundles[1..].sort_by(|a, b| a.code.cmp(&b.code));
        Self { bundles }
    }

    pub fn bundles(&self) -> &[LocaleBundle] {
        &self.bundles
    }

    pub fn bundle(&self, code: &str) -> Option<&LocaleBundle> {
        self.bundles.iter().find(|b| b.code == code)
    }

    /// Resolves a message for `locale` (lo → en): a missing message or any formatting error
    /// (a missing term formats as `{-term}`) moves on to the next locale. `None` only when
    /// no locale can format it.
    pub fn resolve(
        &self,
        locale: &str,
        id: &str,
        attribute: Option<&str>,
        args: Option<&FluentArgs>,
    ) -> Option<Resolved> {
        let mut first_failure = None;
        for bundle in self.chain(locale) {
            match bundle.format(id, attribute, args) {
                Ok(text) => {
                    return Some(Resolved {
                        text,
                        locale: bundle.code.clone(),
                        fallback: first_failure,
                    })
                }
                Err(reason) => {
                    if first_failure.is_none() {
                        first_failure = Some(reason);
                    }
                }
            }
        }
        None
    }

    /// The reading locale, then the source.
    fn chain<'a>(&'a self, locale: &'a str) -> impl Iterator<Item = &'a LocaleBundle> + 'a {
        let requested = self.bundle(locale);
        requested
            .into_iter()
            .chain(self.bundles.first().filter(move |b| b.code != locale))
    }
}

/// Picks the best of the `available` locales for the requested ones (fluent-langneg,
/// "lookup"), or the first available one (the source locale).
pub fn negotiate_locale(requested: &[String], available: &[String]) -> String {
    let requested: Vec<LanguageIdentifier> =
        requested.iter().filter_map(|r| r.parse().ok()).collect();
    let available_ids: Vec<LanguageIdentifier> =
        available.iter().filter_map(|a| a.parse().ok()).collect();
    let chosen = negotiate_languages(
        &requested,
        &available_ids,
        available_ids.first(),
        NegotiationStrategy::Lookup,
    );
    chosen
        .first()
        .map(|id| id.to_string())
        .or_else(|| available.first().cloned())
        .unwrap_or_default()
}

/// The user's languages from POSIX locale variables, most wanted first: `LANGUAGE` (a
/// GNU list), then `LC_ALL`, `LC_MESSAGES`, `LANG`. `lo_LA.UTF-8@x` becomes `lo-LA`
/// (unic-langid refuses the codeset and modifier); `C` and `POSIX` say nothing.
pub fn requested_locales_from_env(get: impl Fn(&str) -> Option<String>) -> Vec<String> {
    let mut requested = Vec::new();
    let mut push = |value: &str| {
        let tag = value
            .split(['.', '@'])
            .next()
            .unwrap_or_default()
            .replace('_', "-");
        if !tag.is_empty()
            && tag != "C"
            && tag != "POSIX"
            && tag.parse::<LanguageIdentifier>().is_ok()
        {
            requested.push(tag);
        }
    };
    if let Some(list) = get("LANGUAGE") {
        list.split(':').for_each(&mut push);
    }
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(value) = get(var).filter(|v| !v.is_empty()) {
            push(&value);
            break;
        }
    }
    requested
}

/// The languages of an HTTP `Accept-Language` header, most wanted first (by `q`, then
/// order). Bounded: a header of garbage or of thousands of entries costs little and says
/// nothing.
pub fn requested_locales_from_accept_language(header: &str) -> Vec<String> {
    const MAX_ENTRIES: usize = 16;
    let header = &header[..header.floor_char_boundary(1024)];
    let mut entries: Vec<(u16, usize, String)> = header
        .split(',')
        .take(MAX_ENTRIES)
        .enumerate()
        .filter_map(|(order, entry)| {
            let mut parts = entry.split(';');
            let tag = parts.next()?.trim();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1000), |q| {
                    q.trim()
                        .parse::<f32>()
                        .ok()
                        .filter(|q| (0.0..=1.0).contains(q))
                        .map(|q| (q * 1000.0) as u16)
                })?;
            (q > 0 && tag != "*" && tag.parse::<LanguageIdentifier>().is_ok())
                .then(|| (q, order, tag.to_string()))
        })
        .collect();
    entries.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    entries.into_iter().map(|(_, _, tag)| tag).collect()
}

/// 1-based line and column (in characters) of a byte offset (for one position; many
/// positions in one text share a `ftl::LineIndex`).
pub fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    crate::ftl::LineIndex::new(text).position(text, offset)
}

/// A term's value when it is plain text (no placeable) of at most
/// [`crate::line_breaks::KEEP_TOGETHER_MAX_CHARS`] characters.
fn plain_short_text(pattern: &fluent_syntax::ast::Pattern<&str>) -> Option<String> {
    let mut text = String::new();
    for element in &pattern.elements {
        match element {
            fluent_syntax::ast::PatternElement::TextElement { value } => text.push_str(value),
            fluent_syntax::ast::PatternElement::Placeable { .. } => return None,
        }
    }
    let text = text.trim().to_string();
    (!text.is_empty() && text.chars().count() <= crate::line_breaks::KEEP_TOGETHER_MAX_CHARS)
        .then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_and_a_term_of_one_name_are_reported() {
        let files = vec![
            (
                "lo/a.ftl".to_string(),
                b"-brand = IOM\nok = Fine\n".to_vec().into(),
            ),
            (
                "lo/b.ftl".to_string(),
                b"x = X\nbrand = B\nok = Again\n".to_vec().into(),
            ),
        ];
        let mut diagnostics = Vec::new();
        let bundle = LocaleBundle::load("lo", files, &mut diagnostics);
        let found: Vec<_> = diagnostics
            .iter()
            .map(|d| (d.kind, d.file.as_str(), d.line, d.text.as_str()))
            .collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, DiagnosticKind::DuplicateId);
        assert_eq!((found[0].1, found[0].2), ("lo/b.ftl", 3), "{found:?}");
        assert!(found[0].3.contains("first at lo/a.ftl:2"), "{found:?}");
        assert_eq!((found[1].1, found[1].2), ("lo/b.ftl", 2), "{found:?}");
        assert!(
            found[1].3.contains("`brand` and the term `-brand`"),
            "{found:?}"
        );
        // What Fluent keeps: the term; the message never shows.
        assert!(bundle.defines("-brand") && !bundle.defines("brand"));
    }

    /// Status reads a message's fingerprint from the bundle; records and checks, from the
    /// catalog. They must agree, or every translation would show as outdated.
    #[test]
    fn bundle_and_catalog_fingerprints_agree() {
        let sample = "# comment\nplain = Plain\nwith-attrs = Value { -brand }\n    .title = T\n\
                      only-attrs =\n    .label = L\nmulti =\n    First line\n    second { $n }\n\
                      -brand = IOM\n    .short = I\n";
        let embedded = crate::source::ContentFiles::embedded();
        for code in ["en", "lo"] {
            let mut files = embedded.clone().take_under(&format!("{code}/"), ".ftl");
            files.push(("x/sample.ftl".into(), sample.as_bytes().to_vec().into()));
            let bundle = LocaleBundle::load(code, files, &mut Vec::new());
            let catalog = bundle.catalog();
            assert!(
                catalog.entries.len() > 100,
                "{code}: {}",
                catalog.entries.len()
            );
            for (id, entry) in &catalog.entries {
                assert!(bundle.defines(id), "{code} {id}");
                assert_eq!(
                    bundle.fingerprint(id),
                    Some(entry.fingerprint()),
                    "{code} {id}"
                );
            }
            assert!(bundle.defines("-brand") && !bundle.defines("brand"));
            assert_eq!(bundle.fingerprint("no-such-message"), None);
        }
    }

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    fn available() -> Vec<String> {
        vec!["en".into(), "lo".into()]
    }

    #[test]
    fn lao_posix_locale_negotiates_to_lao() {
        let requested = requested_locales_from_env(env(&[("LANG", "lo_LA.UTF-8")]));
        assert_eq!(requested, ["lo-LA"]);
        assert_eq!(negotiate_locale(&requested, &available()), "lo");
    }

    #[test]
    fn other_locales_negotiate_to_english() {
        for lang in [
            "en_US.UTF-8",
            "fr_FR.UTF-8",
            "th_TH",
            "C",
            "POSIX",
            "",
            "C.UTF-8",
            "garbage!!",
        ] {
            let requested = requested_locales_from_env(env(&[("LANG", lang)]));
            assert_eq!(
                negotiate_locale(&requested, &available()),
                "en",
                "LANG={lang}"
            );
        }
        assert_eq!(negotiate_locale(&[], &available()), "en");
    }

    #[test]
    fn lc_all_overrides_lang_and_modifiers_are_stripped() {
        let requested = requested_locales_from_env(env(&[
            ("LC_ALL", "lo_LA.UTF-8@lao"),
            ("LANG", "en_GB.UTF-8"),
        ]));
        assert_eq!(negotiate_locale(&requested, &available()), "lo");
        let requested =
            requested_locales_from_env(env(&[("LANGUAGE", "fr:lo"), ("LANG", "en_US.UTF-8")]));
        assert_eq!(negotiate_locale(&requested, &available()), "lo");
    }

    #[test]
    fn accept_language_by_quality() {
        let requested = requested_locales_from_accept_language("en;q=0.5, lo-LA, fr;q=0.8");
        assert_eq!(requested, ["lo-LA", "fr", "en"]);
        assert_eq!(negotiate_locale(&requested, &available()), "lo");
        for garbage in [
            "",
            ";;;",
            "q=1",
            "*",
            "lo;q=0",
            "lo;q=x",
            "\u{0}",
            &"x,".repeat(10_000),
            &"ລ".repeat(2000),
        ] {
            let requested = requested_locales_from_accept_language(garbage);
            assert_eq!(
                negotiate_locale(&requested, &available()),
                "en",
                "{garbage:?}"
            );
        }
    }

    #[test]
    fn line_and_column_count_characters() {
        let text = "a = 1\nບ = ກ\n  x";
        assert_eq!(line_and_column(text, 0), (1, 1));
        let offset = text.find('x').unwrap();
        assert_eq!(line_and_column(text, offset), (3, 3));
    }

    /// Fault 13 of the hostile-input review: a byte-order mark (as some Windows editors
    /// write) made the first message of a file part of a syntax error, and it was lost.
    #[test]
    fn a_byte_order_mark_is_dropped_with_a_warning() {
        let mut diagnostics = Vec::new();
        let files = vec![(
            "en/ui.ftl".to_string(),
            std::borrow::Cow::Owned(
                "\u{feff}first = First\nsecond = Second\n"
                    .as_bytes()
                    .to_vec(),
            ),
        )];
        let bundle = LocaleBundle::load("en", files, &mut diagnostics);
        assert!(bundle.defines("first") && bundle.defines("second"));
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        let warning = &diagnostics[0];
        assert_eq!(warning.kind, DiagnosticKind::ByteOrderMark);
        assert!(!warning.kind.is_error());
        assert_eq!((warning.file.as_str(), warning.line), ("en/ui.ftl", 1));
    }
}
