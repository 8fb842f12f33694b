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
use toml_edit::{DocumentMut, InlineTable, Item, Key, Value};

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
            .map(|span| crate::ftl::LineIndex::new(text).position(text, span.start))
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

/// The comment that starts a records file written new.
fn header(resource: &str) -> String {
    format!(
        "# Translation records for {resource} (written by `reader mark-translated` and\n\
         # `reader approve`): `source` fingerprints the English message translated,\n\
         # `reviewed` this translation when a reviewer approved it.\n"
    )
}

/// Writes the records file of `resource`: one line per record, `id = { source = "…",
/// reviewed = "…" }`, in the order of `ids` (the resource's order), so that a change shows
/// as one changed line in a diff. Records of ids not in `ids` are dropped.
///
/// `existing` is the file as it is now (it parsed: see [`parse`]). It is edited, not
/// replaced: its header, a translator's comment above a record or after it on its line, and
/// the comments at its end are kept; a new file starts with [`header`].
pub fn write(
    resource: &str,
    existing: Option<&str>,
    ids: &[String],
    records: &BTreeMap<String, MessageRecord>,
) -> String {
    let old: DocumentMut = existing
        .and_then(|text| text.parse().ok())
        .unwrap_or_default();
    // The comments at the top of the file are the prefix of its first key (or, with no
    // key, all of it). The standard header is split off, so that a comment of the first
    // record moves with it.
    let first_key = old.iter().next().map(|(id, _)| id.to_string());
    let leading = match &first_key {
        Some(id) => raw(old.key(id).and_then(|key| key.leaf_decor().prefix())),
        None => raw(Some(old.trailing())),
    };
    let standard = header(resource);
    let (top, first_own) = match leading.strip_prefix(&standard) {
        Some(rest) => (standard.clone(), rest),
        None if leading.trim().is_empty() => (standard.clone(), ""),
        None => (leading.to_string(), ""),
    };

    let mut document = DocumentMut::new();
    for id in ids {
        let Some(record) = records.get(id) else {
            continue;
        };
        let (mut key, old_value) = match old.get_key_value(id) {
            Some((key, Item::Value(value))) => (key.clone(), Some(value)),
            _ => (Key::new(id.as_str()), None),
        };
        let own = if first_key.as_deref() == Some(id.as_str()) {
            first_own.to_string()
        } else {
            raw(key.leaf_decor().prefix()).to_string()
        };
        let prefix = if document.is_empty() {
            format!("{top}{own}")
        } else {
            own
        };
        key.leaf_decor_mut().set_prefix(prefix);
        document.insert_formatted(&key, Item::Value(record_value(record, old_value)));
    }
    // The comments after the last record (with no record, those after the header).
    let end = match first_key {
        Some(_) => raw(Some(old.trailing())),
        None => first_own,
    };
    if document.is_empty() {
        document.set_trailing(format!("{top}{end}"));
    } else {
        document.set_trailing(end);
    }
    document.to_string()
}

/// `{ source = "…", reviewed = "…" }` (a field only when recorded, laid out as a new one),
/// keeping the comment after the old value on its line.
fn record_value(record: &MessageRecord, old: Option<&Value>) -> Value {
    let mut table: InlineTable = [("source", &record.source), ("reviewed", &record.reviewed)]
        .into_iter()
        .filter_map(|(field, value)| Some((field, value.as_deref()?)))
        .collect();
    if let Some(old) = old {
        *table.decor_mut() = old.decor().clone();
    }
    Value::InlineTable(table)
}

/// The text of a piece of layout (whitespace, comments) of a parsed document.
fn raw(text: Option<&toml_edit::RawString>) -> &str {
    text.and_then(toml_edit::RawString::as_str).unwrap_or("")
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
        let text = write("lo/x.ftl", None, &["b".into(), "-a".into()], &records);
        assert!(
            text.find("b = ").unwrap() < text.find("-a = ").unwrap(),
            "{text}"
        );
        assert_eq!(parse("lo/x.status.toml", &text).unwrap(), records);
    }

    fn record(source: Option<&str>, reviewed: Option<&str>) -> MessageRecord {
        MessageRecord {
            source: source.map(str::to_string),
            reviewed: reviewed.map(str::to_string),
        }
    }

    const A: &str = "0123456789abcdef";
    const B: &str = "fedcba9876543210";

    /// A new file: the header, then one line per record, as `reader` has always written it.
    #[test]
    fn a_new_file_is_the_header_and_one_line_per_record() {
        let records = BTreeMap::from([
            ("home-title".to_string(), record(Some(A), None)),
            ("-org".to_string(), record(Some(A), Some(B))),
            ("home-p1".to_string(), record(None, Some(B))),
            ("not-in-ids".to_string(), record(Some(A), None)),
        ]);
        let ids = ["home-title", "-org", "gone", "home-p1"].map(String::from);
        let text = write("lo/pages/home.ftl", None, &ids, &records);
        assert_eq!(
            text,
            "# Translation records for lo/pages/home.ftl (written by `reader mark-translated` and\n\
             # `reader approve`): `source` fingerprints the English message translated,\n\
             # `reviewed` this translation when a reviewer approved it.\n\
             home-title = { source = \"0123456789abcdef\" }\n\
             -org = { source = \"0123456789abcdef\", reviewed = \"fedcba9876543210\" }\n\
             home-p1 = { reviewed = \"fedcba9876543210\" }\n"
        );
        assert_eq!(write("lo/x.ftl", None, &[], &records), header("lo/x.ftl"));
    }

    /// Rewriting a file edits it: a translator's comments stay where they were (above a
    /// record, after it on its line, at the end), records follow the resource's order, and
    /// records of messages no longer there go.
    #[test]
    fn a_rewrite_keeps_the_comments_of_the_file() {
        let existing = format!(
            "{}# REVIEW: checked against the printed leaflet.\n\
             home-title = {{ source = \"{A}\" }}\n\
             \n\
             # Reworded after the 2026 meeting.\n\
             home-p1 = {{ reviewed = \"{A}\" }} # approved by phone\n\
             home-gone = {{ source = \"{A}\" }}\n\
             # end of file\n",
            header("lo/pages/home.ftl")
        );
        let mut records = parse("lo/pages/home.status.toml", &existing).unwrap();
        records.get_mut("home-p1").unwrap().source = Some(B.into());
        records.get_mut("home-title").unwrap().reviewed = Some(B.into());
        records.insert("home-new".into(), record(Some(B), None));
        // The resource's order now: home-p1 first, then a new message, then the title.
        let ids = ["home-p1", "home-new", "home-title"].map(String::from);
        let text = write("lo/pages/home.ftl", Some(&existing), &ids, &records);
        assert_eq!(
            text,
            format!(
                "{}\n\
                 # Reworded after the 2026 meeting.\n\
                 home-p1 = {{ source = \"{B}\", reviewed = \"{A}\" }} # approved by phone\n\
                 home-new = {{ source = \"{B}\" }}\n\
                 # REVIEW: checked against the printed leaflet.\n\
                 home-title = {{ source = \"{A}\", reviewed = \"{B}\" }}\n\
                 # end of file\n",
                header("lo/pages/home.ftl")
            )
        );
        records.remove("home-gone");
        assert_eq!(parse("lo/pages/home.status.toml", &text).unwrap(), records);
        // Written again unchanged: byte for byte the same.
        assert_eq!(
            write("lo/pages/home.ftl", Some(&text), &ids, &records),
            text
        );
    }

    /// A header someone rewrote stays at the top, whatever record comes first.
    #[test]
    fn a_custom_header_stays_on_top() {
        let existing = format!("# Lao records, kept by the office.\nb = {{ source = \"{A}\" }}\n");
        let records = BTreeMap::from([
            ("a".to_string(), record(Some(B), None)),
            ("b".to_string(), record(Some(A), None)),
        ]);
        let text = write(
            "lo/x.ftl",
            Some(&existing),
            &["a".into(), "b".into()],
            &records,
        );
        assert_eq!(
            text,
            format!(
                "# Lao records, kept by the office.\na = {{ source = \"{B}\" }}\nb = {{ source = \"{A}\" }}\n"
            )
        );
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
