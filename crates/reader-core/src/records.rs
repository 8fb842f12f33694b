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

/// What `reader mark-translated` and `reader approve` record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordAction {
    /// This translation was made from the English as it is now.
    MarkTranslated,
    /// A reviewer approved this translation as it is now.
    Approve,
}

/// Which messages to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Locale,
    Page(String),
    Message(String),
}

/// What recording changes: the records files to write, and the ids recorded.
#[derive(Debug)]
pub struct RecordChange {
    /// (path relative to the content root, new text)
    pub files: Vec<(String, String)>,
    pub recorded: Vec<String>,
}

/// The records files to write after recording `action` for the messages of `scope` in
/// `locale`. Records of other messages in the same files are kept as they are.
pub fn record(
    library: &crate::Library,
    locale: &str,
    scope: &Scope,
    action: RecordAction,
) -> Result<RecordChange, String> {
    if locale == crate::DEFAULT_LOCALE {
        return Err(format!(
            "`{locale}` is the source language: nothing to record"
        ));
    }
    let bundles = library.localizer();
    let catalog = bundles
        .bundle(locale)
        .ok_or_else(|| format!("no locale `{locale}`"))?
        .catalog();
    let source = bundles.bundles()[0].catalog();
    let ids: Vec<String> = match scope {
        Scope::Locale => catalog.entries.keys().cloned().collect(),
        Scope::Page(slug) => {
            let page = library
                .manifest()
                .page(slug)
                .ok_or_else(|| format!("no page `{slug}`"))?;
            page.blocks.iter().map(|b| b.id.clone()).collect()
        }
        Scope::Message(id) => vec![id.clone()],
    };
    let mut recorded = Vec::new();
    let mut by_file: BTreeMap<String, BTreeMap<String, MessageRecord>> = BTreeMap::new();
    for id in &ids {
        let Some(entry) = catalog.get(id) else {
            if matches!(scope, Scope::Message(_)) {
                return Err(format!("`{id}` is not in {locale}"));
            }
            continue;
        };
        let path = records_path(&entry.file);
        if !by_file.contains_key(&path) {
            let existing = match library.files().get(&path) {
                Some(bytes) => {
                    parse(&path, &String::from_utf8_lossy(bytes)).map_err(|d| d.to_string())?
                }
                None => BTreeMap::new(),
            };
            by_file.insert(path.clone(), existing);
        }
        let record = by_file
            .get_mut(&path)
            .expect("inserted")
            .entry(id.clone())
            .or_default();
        match action {
            RecordAction::MarkTranslated => {
                let Some(english) = source.get(id) else {
                    continue;
                };
                record.source = Some(english.fingerprint());
            }
            RecordAction::Approve => record.reviewed = Some(entry.fingerprint()),
        }
        recorded.push(id.clone());
    }
    let files = by_file
        .into_iter()
        .map(|(path, records)| {
            let resource = resource_path(&path).expect("a records path");
            // Write in the resource's order; records of ids no longer there are dropped.
            let mut order: Vec<(&String, usize)> = catalog
                .entries
                .iter()
                .filter(|(_, e)| *e.file == *resource)
                .map(|(id, e)| (id, e.position()))
                .collect();
            order.sort_by_key(|(_, position)| *position);
            let ids: Vec<String> = order.into_iter().map(|(id, _)| id.clone()).collect();
            let text = write(&resource, &ids, &records);
            (path, text)
        })
        .collect();
    Ok(RecordChange { files, recorded })
}
