//! Translation records, kept beside each translated `.ftl` file (`home.ftl` →
//! `home.status.toml`), one line per message:
//!
//! ```toml
//! home-intro = { source = "3f1c0b9e2a7d4c55", reviewed = "9a0e6c1d2b3f4a58" }
//! ```
//!
//! `source` is the fingerprint of the English message the translation was made from (the
//! English changed since → *outdated*); `reviewed`, the fingerprint of this translation when
//! a reviewer approved it (changed since → *unreviewed* again).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Diagnostic, DiagnosticKind};
use crate::source::ContentFiles;

/// What is recorded for one translated message.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MessageRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<String>,
}

/// The records file of a resource: `lo/pages/home.ftl` → `lo/pages/home.status.toml`.
pub fn records_path(ftl_path: &str) -> String {
    format!(
        "{}.status.toml",
        ftl_path.strip_suffix(".ftl").unwrap_or(ftl_path)
    )
}

/// The resource a records file belongs to.
pub fn resource_path(records_path: &str) -> Option<String> {
    records_path
        .strip_suffix(".status.toml")
        .map(|stem| format!("{stem}.ftl"))
}

/// Parses a records file. Corrupt text (not TOML, unknown fields, fingerprints that are not
/// 16 hex digits) is a diagnostic, and the file's records are then ignored, never a crash.
pub fn parse(file: &str, text: &str) -> Result<BTreeMap<String, MessageRecord>, Diagnostic> {
    let corrupt = |line: usize, column: usize, text: String| Diagnostic {
        kind: DiagnosticKind::CorruptRecord,
        file: file.to_string(),
        line,
        column,
        message_id: None,
        text,
    };
    let records: BTreeMap<String, MessageRecord> = toml::from_str(text).map_err(|e| {
        let (line, column) = e
            .span()
            .map(|span| crate::l10n::line_and_column(text, span.start))
            .unwrap_or((0, 0));
        corrupt(
            line,
            column,
            format!("corrupt translation record: {}", e.message()),
        )
    })?;
    for (id, record) in &records {
        for value in record.source.iter().chain(&record.reviewed) {
            if value.len() != 16 || !value.bytes().all(|b| b.is_ascii_hexdigit()) {
                let line = crate::catalog::definition_lines(text)
                    .get(id.as_str())
                    .copied()
                    .unwrap_or(0);
                return Err(Diagnostic {
                    message_id: Some(id.clone()),
                    ..corrupt(
                        line,
                        1,
                        format!("corrupt translation record: `{value}` is not a fingerprint"),
                    )
                });
            }
        }
    }
    Ok(records)
}

/// Writes records in the order of `ids` (the resource's order), one line each, so that a
/// change shows as one changed line in a diff.
pub fn write(resource: &str, ids: &[String], records: &BTreeMap<String, MessageRecord>) -> String {
    let mut out = format!(
        "# Translation records for {resource} (written by `reader mark-translated` and\n\
         # `reader approve`): `source` fingerprints the English message translated,\n\
         # `reviewed` this translation when a reviewer approved it.\n"
    );
    for id in ids {
        if let Some(record) = records.get(id) {
            let mut fields = Vec::new();
            if let Some(source) = &record.source {
                fields.push(format!("source = \"{source}\""));
            }
            if let Some(reviewed) = &record.reviewed {
                fields.push(format!("reviewed = \"{reviewed}\""));
            }
            out.push_str(&format!("{id} = {{ {} }}\n", fields.join(", ")));
        }
    }
    out
}

/// The records of every translated locale, as loaded.
#[derive(Debug, Default)]
pub struct Records {
    /// locale → message id → record.
    pub by_locale: BTreeMap<String, BTreeMap<String, MessageRecord>>,
    /// Corrupt record files (their records are ignored).
    pub corrupt: Vec<Diagnostic>,
    /// Records of messages the locale doesn't have.
    pub obsolete: Vec<Diagnostic>,
}

impl Records {
    /// Reads every `*.status.toml` of the `translated` locales (all but the source);
    /// `defines(locale, id)` says whether a locale has a message.
    pub fn load(
        files: &ContentFiles,
        defines: impl Fn(&str, &str) -> bool,
        translated: &[&str],
    ) -> Self {
        let mut out = Records::default();
        for &locale in translated {
            let mut merged = BTreeMap::new();
            let prefix = format!("{locale}/");
            for path in files
                .paths_under(&prefix)
                .filter(|p| p.ends_with(".status.toml"))
            {
                let text = String::from_utf8_lossy(files.get(path).expect("listed"));
                match parse(path, &text) {
                    Err(diagnostic) => out.corrupt.push(diagnostic),
                    Ok(records) => {
                        let lines = crate::catalog::definition_lines(&text);
                        for (id, record) in records {
                            if defines(locale, &id) {
                                merged.insert(id, record);
                            } else {
                                out.obsolete.push(Diagnostic {
                                    kind: DiagnosticKind::ObsoleteRecord,
                                    file: path.to_string(),
                                    line: lines.get(id.as_str()).copied().unwrap_or(0),
                                    column: 1,
                                    text: format!("record of `{id}`, which {locale} does not have"),
                                    message_id: Some(id),
                                });
                            }
                        }
                    }
                }
            }
            out.by_locale.insert(locale.to_string(), merged);
        }
        for d in out.corrupt.iter().chain(&out.obsolete) {
            log::warn!("{d}");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_pair_up() {
        assert_eq!(
            records_path("lo/pages/news/country-strategy.ftl"),
            "lo/pages/news/country-strategy.status.toml"
        );
        assert_eq!(
            resource_path("lo/terms.status.toml").as_deref(),
            Some("lo/terms.ftl")
        );
    }

    #[test]
    fn round_trip_in_resource_order() {
        let mut records = BTreeMap::new();
        records.insert(
            "b".to_string(),
            MessageRecord {
                source: Some("0123456789abcdef".into()),
                reviewed: None,
            },
        );
        records.insert(
            "-a".to_string(),
            MessageRecord {
                source: Some("0123456789abcdef".into()),
                reviewed: Some("fedcba9876543210".into()),
            },
        );
        let text = write("lo/x.ftl", &["b".into(), "-a".into()], &records);
        assert!(
            text.find("b = ").unwrap() < text.find("-a = ").unwrap(),
            "{text}"
        );
        assert_eq!(parse("lo/x.status.toml", &text).unwrap(), records);
    }

    #[test]
    fn corrupt_records_are_diagnostics() {
        for text in [
            "x = {",
            "x = { source = \"nothex!!nothex!!\" }",
            "x = { sauce = \"0123456789abcdef\" }",
            "x = 3",
        ] {
            let d = parse("lo/x.status.toml", text).unwrap_err();
            assert!(
                d.text.starts_with("corrupt translation record"),
                "{text}: {d}"
            );
        }
    }
}
