//! Importing a pack as the reader does it, for the app and the CLI alike: read and verify
//! the file, show what it would change, install it once the reader confirms; one import at
//! a time.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Mutex, MutexGuard, TryLockError};

use serde::Serialize;

use super::store::Store;
use super::{changes, keys, read_file, verify, Changes, Limits, PackError, VerifiedPack};
use crate::library::Library;

/// What the import preview shows: who made the pack, what it brings, how translated it is,
/// in the reader's language.
#[derive(Debug, Clone, Serialize)]
pub struct PackPreview {
    pub publisher: String,
    pub version: u64,
    /// The content's date as the reading language writes dates ("29 ພະຈິກ 2026").
    pub date: String,
    pub date_iso: String,
    pub key_id: String,
    pub changes: Changes,
    /// slug → title in the reading language, for every page named in `changes`.
    pub titles: BTreeMap<String, String>,
    /// locale → (messages shown in the source language, messages not yet reviewed)
    pub translation: BTreeMap<String, (usize, usize)>,
}

impl PackPreview {
    /// What `pack` would change against the content `shown` now, for a reader of
    /// `reading` (a locale code: the pack may not have the reader's locale, nor the reader
    /// the pack's; then the pack's source language).
    pub fn of(pack: &VerifiedPack, shown: &Library, reading: &str) -> Self {
        let library = &pack.library;
        let changes = changes(shown, library);
        // A page's title as the pack will show it; a page it removes, as it shows now.
        let title = |slug: &str| {
            [library, shown].into_iter().find_map(|content| {
                let page = content.manifest().page(slug)?;
                let locale = content
                    .locale(reading)
                    .unwrap_or_else(|| content.source_locale().clone());
                Some(content.page_title(&locale, page).into_string())
            })
        };
        let titles = [&changes.added, &changes.changed, &changes.removed]
            .into_iter()
            .flat_map(|by_locale| by_locale.values().flatten())
            .filter_map(|slug| Some((slug.clone(), title(slug)?)))
            .collect();
        let date_locale = library
            .locale(reading)
            .unwrap_or_else(|| library.source_locale().clone());
        let translation = library
            .locales()
            .iter()
            .skip(1) // the source locale is complete by definition
            .map(|l| (l.code.to_string(), library.translation_summary(&l.code)))
            .collect();
        Self {
            publisher: pack.info.publisher.clone(),
            version: pack.info.version,
            date: library.format_date(&date_locale, pack.info.date),
            date_iso: pack.info.date.to_string(),
            key_id: pack.key_id.clone(),
            changes,
            titles,
            translation,
        }
    }
}

/// Previews and installs packs into a store. Without a store (a content folder opened with
/// `--content`) nothing can be installed, and says so.
pub struct Importer {
    store: Option<Store>,
    /// The pack last previewed, waiting for the reader's confirmation.
    pending: Mutex<Option<VerifiedPack>>,
    busy: OneAtATime,
}

impl Importer {
    pub fn new(store: Option<Store>) -> Self {
        Self {
            store,
            pending: Mutex::new(None),
            busy: OneAtATime::default(),
        }
    }

    /// The content to show at start: built-in or installed, whichever is newer.
    pub fn shown(&self, built_in: Library) -> Library {
        match &self.store {
            Some(store) => store.shown(built_in),
            None => built_in,
        }
    }

    /// Reads and verifies the pack at `path` against the keys this build trusts, keeps it
    /// for [`install_pending`](Self::install_pending) and says what it would change
    /// against the content `shown`, for a reader of `reading`. A pack not newer than that
    /// is refused here.
    pub fn preview(
        &self,
        path: &Path,
        shown: &Library,
        reading: &str,
    ) -> Result<PackPreview, PackError> {
        let _busy = self.busy.begin()?;
        // Said before the reader confirms anything.
        if self.store.is_none() {
            return Err(PackError::NoStore);
        }
        let limits = Limits::default();
        let pack = verify(&read_file(path, &limits)?, &keys::trusted(), &limits)?;
        let installed = shown.manifest().version;
        if pack.info.version <= installed {
            return Err(PackError::NotNewer {
                pack: pack.info.version,
                installed,
            });
        }
        let preview = PackPreview::of(&pack, shown, reading);
        *self.pending.lock().expect("pending lock") = Some(pack);
        Ok(preview)
    }

    /// Installs the pack last previewed; returns the content to show now.
    pub fn install_pending(&self, shown: &Library) -> Result<Library, PackError> {
        let _busy = self.busy.begin()?;
        let store = self.store.as_ref().ok_or(PackError::NoStore)?;
        let pack = self
            .pending
            .lock()
            .expect("pending lock")
            .take()
            .ok_or(PackError::NothingPending)?;
        store.install(&pack, shown.manifest().version)?;
        Ok(store.shown(Library::built_in()))
    }

    /// Whether there is content from before the last import to go back to (About's
    /// Restore is off, and says why, when there is none).
    pub fn can_restore(&self) -> bool {
        self.store
            .as_ref()
            .is_some_and(|store| store.state().can_restore())
    }

    /// Goes back to the content from before the last import: the content to show then, or
    /// `None` when nothing was ever installed.
    pub fn restore(&self) -> Result<Option<Library>, PackError> {
        let _busy = self.busy.begin()?;
        let store = self.store.as_ref().ok_or(PackError::NoStore)?;
        Ok(store.restore()?.then(|| store.shown(Library::built_in())))
    }
}

/// A second preview or install while one runs is refused (`Busy`), not queued: the reader
/// would otherwise confirm a preview that another import replaced. (Across processes, the
/// store's lock does the same.)
#[derive(Default)]
struct OneAtATime(Mutex<()>);

impl OneAtATime {
    fn begin(&self) -> Result<MutexGuard<'_, ()>, PackError> {
        match self.0.try_lock() {
            Ok(guard) => Ok(guard),
            Err(TryLockError::Poisoned(poisoned)) => Ok(poisoned.into_inner()),
            Err(TryLockError::WouldBlock) => Err(PackError::Busy),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fault 7 of the hostile-input review: a second preview or install while one runs is
    /// refused as busy; once the first ends, the next may start.
    #[test]
    fn one_import_at_a_time() {
        let importing = OneAtATime::default();
        let first = importing.begin().unwrap();
        assert_eq!(importing.begin().unwrap_err().kind(), "busy");
        drop(first);
        assert!(importing.begin().is_ok());
    }
}
