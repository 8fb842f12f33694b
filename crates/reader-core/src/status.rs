//! Translation status: for every message of a locale, whether it is there, whether the
//! English changed since it was translated (*outdated*), and whether a reviewer approved
//! this text (*reviewed*), from the records beside the `.ftl` files.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::error::{Diagnostic, DiagnosticKind};
use crate::library::Library;
use crate::manifest::Page;
use crate::records::{self, MessageRecord};
use crate::source::ContentFiles;
use crate::DEFAULT_LOCALE;

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
    /// Reads every `*.status.toml` of the non-default locales.
    pub fn load(
        files: &ContentFiles,
        library_catalog_has: impl Fn(&str, &str) -> bool,
        locales: &[String],
    ) -> Self {
        let mut out = Records::default();
        for locale in locales.iter().filter(|l| *l != DEFAULT_LOCALE) {
            let mut merged = BTreeMap::new();
            let prefix = format!("{locale}/");
            for path in files
                .paths_under(&prefix)
                .filter(|p| p.ends_with(".status.toml"))
            {
                let text = String::from_utf8_lossy(files.get(path).expect("listed"));
                match records::parse(path, &text) {
                    Err(diagnostic) => out.corrupt.push(diagnostic),
                    Ok(records) => {
                        let lines = crate::catalog::definition_lines(&text);
                        for (id, record) in records {
                            if library_catalog_has(locale, &id) {
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
            out.by_locale.insert(locale.clone(), merged);
        }
        for d in out.corrupt.iter().chain(&out.obsolete) {
            log::warn!("{d}");
        }
        out
    }
}

/// The state of one message in one locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MessageStatus {
    /// The locale has the message (it may still fall back if it fails to format).
    pub translated: bool,
    /// The English changed since it was translated, or no one recorded from what.
    pub outdated: bool,
    /// A reviewer approved exactly this text.
    pub reviewed: bool,
}

/// Counts for one page in one locale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageStatus {
    pub slug: String,
    pub locale: String,
    pub messages: usize,
    pub translated: usize,
    pub falling_back: usize,
    pub outdated: usize,
    pub unreviewed: usize,
}

impl Library {
    /// Status of message `id` in `locale`; the source language is always current.
    pub fn message_status(&self, locale: &str, id: &str) -> MessageStatus {
        if locale == DEFAULT_LOCALE {
            return MessageStatus {
                translated: true,
                outdated: false,
                reviewed: true,
            };
        }
        let defining = |code: &str| self.localizer().bundle(code).filter(|b| b.defines(id));
        let Some(bundle) = defining(locale) else {
            return MessageStatus {
                translated: false,
                outdated: false,
                reviewed: false,
            };
        };
        let record = self.records().by_locale.get(locale).and_then(|r| r.get(id));
        let outdated = match (
            record.and_then(|r| r.source.as_ref()),
            defining(DEFAULT_LOCALE),
        ) {
            (Some(source), Some(english)) => english.fingerprint(id).as_ref() != Some(source),
            (None, Some(_)) => true,
            // Nothing to be outdated against (a message only this locale has).
            (_, None) => false,
        };
        let reviewed = record
            .and_then(|r| r.reviewed.as_ref())
            .is_some_and(|reviewed| bundle.fingerprint(id).as_ref() == Some(reviewed));
        MessageStatus {
            translated: true,
            outdated,
            reviewed,
        }
    }

    /// Over every page: messages shown from another locale, and shown but not reviewed.
    pub fn translation_summary(&self, locale: &str) -> (usize, usize) {
        self.manifest()
            .pages
            .iter()
            .fold((0, 0), |(falling_back, unreviewed), page| {
                let status = self.page_status(locale, page);
                (
                    falling_back + status.falling_back,
                    unreviewed + status.unreviewed,
                )
            })
    }

    /// Counts over a page's blocks: falling back means shown from another locale (missing,
    /// or failing to format).
    pub fn page_status(&self, locale: &str, page: &Page) -> PageStatus {
        let mut status = PageStatus {
            slug: page.slug.clone(),
            locale: locale.to_string(),
            messages: page.blocks.len(),
            translated: 0,
            falling_back: 0,
            outdated: 0,
            unreviewed: 0,
        };
        for block in &page.blocks {
            let shown_here = self
                .resolve(locale, &block.id, None)
                .is_some_and(|r| r.locale == locale);
            let message = self.message_status(locale, &block.id);
            if !shown_here {
                status.falling_back += 1;
                continue;
            }
            status.translated += 1;
            status.outdated += usize::from(message.outdated);
            status.unreviewed += usize::from(!message.reviewed);
        }
        status
    }
}
