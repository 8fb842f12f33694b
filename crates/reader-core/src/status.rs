//! Translation status: for every message of a locale, whether it is there, whether the
//! English changed since it was translated (*outdated*), and whether a reviewer approved
//! this text (*reviewed*), from the records beside the `.ftl` files.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::library::Library;
use crate::locale::Locale;
use crate::manifest::Page;
use crate::records::{self, MessageRecord};

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
    pub fn message_status(&self, locale: &Locale, id: &str) -> MessageStatus {
        let source = self.source_locale();
        if locale == source {
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
        let record = self.record(locale.as_str(), id);
        let record = record.as_ref();
        let outdated = match (record.and_then(|r| r.source.as_ref()), defining(source)) {
            (Some(recorded), Some(original)) => original.fingerprint(id).as_ref() != Some(recorded),
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
    pub fn translation_summary(&self, locale: &Locale) -> (usize, usize) {
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
    pub fn page_status(&self, locale: &Locale, page: &Page) -> PageStatus {
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
                .is_some_and(|r| r.locale == locale.as_str());
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
/// `locale`. Records of other messages in the same files are kept as they are, and so are
/// the files' comments.
pub fn record(
    library: &Library,
    locale: &Locale,
    scope: &Scope,
    action: RecordAction,
) -> Result<RecordChange, String> {
    if locale == library.source_locale() {
        return Err(format!(
            "`{locale}` is the source language: nothing to record"
        ));
    }
    let bundles = library.localizer();
    let catalog = bundles
        .bundle(locale)
        .expect("a Locale is one of the library's")
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
    // Records file → (its text now, if any; its records).
    type FileRecords = (Option<String>, BTreeMap<String, MessageRecord>);
    let mut by_file: BTreeMap<String, FileRecords> = BTreeMap::new();
    for id in &ids {
        let Some(entry) = catalog.get(id) else {
            if matches!(scope, Scope::Message(_)) {
                return Err(format!("`{id}` is not in {locale}"));
            }
            continue;
        };
        let path = records::records_path(&entry.file);
        if !by_file.contains_key(&path) {
            let text = library
                .files()
                .get(&path)
                .map(|bytes| String::from_utf8_lossy(bytes).into_owned());
            let existing = match &text {
                Some(text) => records::parse(&path, text).map_err(|d| d.to_string())?,
                None => BTreeMap::new(),
            };
            by_file.insert(path.clone(), (text, existing));
        }
        let record = by_file
            .get_mut(&path)
            .expect("inserted")
            .1
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
        .map(|(path, (existing, records))| {
            let resource = records::resource_path(&path).expect("a records path");
            // Write in the resource's order; records of ids no longer there are dropped.
            let mut order: Vec<(&String, usize)> = catalog
                .entries
                .iter()
                .filter(|(_, e)| *e.file == *resource)
                .map(|(id, e)| (id, e.position()))
                .collect();
            order.sort_by_key(|(_, position)| *position);
            let ids: Vec<String> = order.into_iter().map(|(id, _)| id.clone()).collect();
            let text = records::write(&resource, existing.as_deref(), &ids, &records);
            (path, text)
        })
        .collect();
    Ok(RecordChange { files, recorded })
}
