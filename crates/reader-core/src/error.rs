//! Errors that stop content from loading, and diagnostics that don't.

use std::path::PathBuf;

/// Content that cannot be used at all (no manifest, an unreadable directory).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}: not a directory")]
    NotADirectory(PathBuf),
    #[error("manifest.toml is missing")]
    MissingManifest,
    #[error("manifest.toml: {0}")]
    Manifest(String),
    #[error("no locale folder holds the source locale `{0}` (the manifest's `source_locale`)")]
    MissingSourceLocale(String),
    #[error("{path}: folders nested deeper than {max} levels")]
    TooDeep { path: PathBuf, max: usize },
}

/// What kind of problem a diagnostic is (named in `reader check` output).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DiagnosticKind {
    // Errors: the content is wrong.
    Syntax,
    NotUtf8,
    DuplicateId,
    UnknownReference,
    MissingTerm,
    VariablesDiffer,
    AttributesDiffer,
    BlockWithoutMessage,
    PageWithoutResource,
    ResourceWithoutPage,
    CorruptRecord,
    // Warnings: the content works, a translation is behind.
    MissingMessage,
    MissingPage,
    ObsoleteMessage,
    ObsoleteRecord,
    Outdated,
    Unreviewed,
    ByteOrderMark,
}

impl DiagnosticKind {
    pub fn is_error(self) -> bool {
        self < DiagnosticKind::MissingMessage
    }

    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }
}

/// A problem in otherwise usable content: the rest still loads and shows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub kind: DiagnosticKind,
    /// Path relative to the content root, e.g. `lo/pages/home.ftl`.
    pub file: String,
    /// 1-based line and column (0 when the problem is not at a position).
    pub line: usize,
    pub column: usize,
    /// The message the problem is in, when known.
    pub message_id: Option<String>,
    pub text: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let severity = if self.kind.is_error() {
            "error"
        } else {
            "warning"
        };
        write!(
            f,
            "{}:{}:{}: {severity}[{}]: ",
            self.file,
            self.line,
            self.column,
            self.kind.name()
        )?;
        if let Some(id) = &self.message_id {
            write!(f, "in `{id}`: ")?;
        }
        f.write_str(&self.text)
    }
}
