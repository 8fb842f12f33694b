//! reader-core: everything the IOM Lao PDR Reader knows, without a window.
//!
//! Content (a manifest plus Fluent resources per locale) is loaded from the embedded default
//! or a directory, localized through a fallback chain (the reading locale, then the source
//! locale) and rendered to sanitized HTML. The desktop shell, the command-line tool and the tests all go through [`Library`].

/// The app's identifier (Tauri's `identifier`): names its data, config and cache folders.
pub const APP_ID: &str = "int.iom.laopdr.reader";

pub mod bookmarks;
pub mod catalog;
pub mod dates;
pub mod document;
pub mod error;
pub mod ftl;
pub mod http;
pub mod l10n;
pub mod library;
pub mod line_breaks;
pub mod links;
pub mod lint;
pub mod locale;
pub mod manifest;
pub mod manifest_cache;
pub mod pack;
pub mod preferences;
pub mod records;
pub mod render;
pub mod sanitize;
pub mod search;
pub mod source;
pub mod status;
pub mod window;

pub use error::{Diagnostic, DiagnosticKind, LoadError};
pub use l10n::{negotiate_locale, requested_locales_from_env, FallbackReport};
pub use library::{Chrome, ContentInfo, ContentOrigin, Library, LocaleInfo, NavItem};
pub use locale::Locale;
pub use render::RenderedPage;
pub use source::ContentSource;

#[cfg(test)]
mod tests {
    #[test]
    fn app_id_is_the_one_tauri_uses() {
        let conf: serde_json::Value =
            serde_json::from_str(include_str!("../../../tauri.conf.json")).unwrap();
        assert_eq!(conf["identifier"], super::APP_ID);
    }
}
