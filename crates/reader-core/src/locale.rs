//! A locale of the loaded content, as a type: parsed once at the edge (a command's
//! argument, a URL's first segment, a saved preference) by [`Library::locale`], then passed
//! down, so nothing below re-checks it.
//!
//! [`Library::locale`]: crate::Library::locale

use serde::Serialize;

/// A locale the content has. Only the library makes one (`Library::locale`,
/// `Library::locales`, `Library::source_locale`); it reads as its code (`lo`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Locale(String);

impl Locale {
    pub(crate) fn new(code: &str) -> Self {
        Self(code.to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Locale {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for Locale {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Locale {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}
