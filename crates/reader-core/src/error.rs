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
// `Deserialize` too: its derive lists every variant, which the test of `ALL` reads.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
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
    /// Every kind, in the order declared above. A new kind goes here too: the test below
    /// doesn't compile until it names it, and `reader check`'s fixture test
    /// (`crates/reader-cli/tests/check.rs`) fails until its fixture has an instance of it.
    pub const ALL: [DiagnosticKind; 18] = [
        Self::Syntax,
        Self::NotUtf8,
        Self::DuplicateId,
        Self::UnknownReference,
        Self::MissingTerm,
        Self::VariablesDiffer,
        Self::AttributesDiffer,
        Self::BlockWithoutMessage,
        Self::PageWithoutResource,
        Self::ResourceWithoutPage,
        Self::CorruptRecord,
        Self::MissingMessage,
        Self::MissingPage,
        Self::ObsoleteMessage,
        Self::ObsoleteRecord,
        Self::Outdated,
        Self::Unreviewed,
        Self::ByteOrderMark,
    ];

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

#[cfg(test)]
mod tests {
    use super::DiagnosticKind::{self, *};

    /// `ALL` holds every kind once, in declaration order.
    #[test]
    fn all_lists_every_kind_in_order() {
        // Exhaustive: a kind added to the enum doesn't compile here until it is given its
        // place, the next number; then this test fails until `ALL` has it at that place.
        let place = |kind: DiagnosticKind| match kind {
            Syntax => 0,
            NotUtf8 => 1,
            DuplicateId => 2,
            UnknownReference => 3,
            MissingTerm => 4,
            VariablesDiffer => 5,
            AttributesDiffer => 6,
            BlockWithoutMessage => 7,
            PageWithoutResource => 8,
            ResourceWithoutPage => 9,
            CorruptRecord => 10,
            MissingMessage => 11,
            MissingPage => 12,
            ObsoleteMessage => 13,
            ObsoleteRecord => 14,
            Outdated => 15,
            Unreviewed => 16,
            ByteOrderMark => 17,
        };
        for (index, kind) in DiagnosticKind::ALL.into_iter().enumerate() {
            assert_eq!(place(kind), index, "{kind:?}");
            assert_eq!(kind as usize, index, "{kind:?} is not in declaration order");
        }
        // And no kind is missing at the end: serde's derive lists every variant.
        let names: Vec<String> = DiagnosticKind::ALL.map(DiagnosticKind::name).into();
        assert_eq!(names, variant_names());
        // Errors come first: `is_error` compares with the first warning.
        let errors = DiagnosticKind::ALL.iter().filter(|k| k.is_error()).count();
        assert_eq!(errors, place(MissingMessage));
    }

    /// The names of every variant of `DiagnosticKind`, as its derived `Deserialize` lists them
    /// (read by a deserializer that asks for an enum and keeps the list it is given).
    fn variant_names() -> Vec<String> {
        use serde::de::{Deserializer, Error, Visitor};

        #[derive(Debug)]
        struct Listed(Vec<String>);
        impl std::fmt::Display for Listed {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{:?}", self.0)
            }
        }
        impl std::error::Error for Listed {}
        impl Error for Listed {
            fn custom<T: std::fmt::Display>(_: T) -> Self {
                Listed(Vec::new())
            }
        }
        struct Lister;
        impl<'de> Deserializer<'de> for Lister {
            type Error = Listed;
            fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Listed> {
                Err(Listed(Vec::new()))
            }
            fn deserialize_enum<V: Visitor<'de>>(
                self,
                _: &'static str,
                variants: &'static [&'static str],
                _: V,
            ) -> Result<V::Value, Listed> {
                Err(Listed(variants.iter().map(|v| v.to_string()).collect()))
            }
            serde::forward_to_deserialize_any! {
                bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
                byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map struct
                identifier ignored_any
            }
        }
        match <DiagnosticKind as serde::Deserialize>::deserialize(Lister) {
            Err(Listed(names)) => names,
            Ok(kind) => panic!("no kind was given, yet {kind:?} came back"),
        }
    }
}
