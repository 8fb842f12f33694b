//! Bookmarks: paragraphs the reader marked, in a file of their own (not the preferences: a
//! corrupt preferences file means defaults, and must not take the bookmarks with it). The
//! same format is exported and imported to move them to a new computer:
//!
//! ```json
//! { "format": "iom-lao-reader-bookmarks", "version": 1,
//!   "bookmarks": [ { "slug": "news/country-strategy", "block": "news-country-strategy-p3" } ] }
//! ```

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::library::Library;
use crate::locale::Locale;
use crate::manifest::is_valid_slug;

const FORMAT: &str = "iom-lao-reader-bookmarks";
const VERSION: u32 = 1;
/// A bookmarks file is small (a thousand bookmarks are ~100 KB): a larger one is not ours.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// How many bookmarks are kept; past this, the oldest go.
pub const MAX_BOOKMARKS: usize = 1000;
/// The first words shown of a bookmarked paragraph.
const EXCERPT_CHARS: usize = 80;

/// One bookmarked paragraph: its page and its block's message id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bookmark {
    pub slug: String,
    pub block: String,
}

impl Bookmark {
    fn is_well_formed(&self) -> bool {
        is_valid_slug(&self.slug)
            && !self.block.is_empty()
            && self.block.len() <= 200
            && self
                .block
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    format: String,
    version: u32,
    bookmarks: Vec<Bookmark>,
}

/// Why a bookmarks file is refused. `kind()` names it for the UI (`bookmarks-error-<kind>`).
#[derive(Debug, thiserror::Error)]
pub enum BookmarksError {
    #[error("the file is larger than {MAX_FILE_BYTES} bytes: not a bookmarks file")]
    TooLarge,
    #[error("not a bookmarks file of this reader: {0}")]
    NotBookmarks(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl BookmarksError {
    pub fn kind(&self) -> &'static str {
        match self {
            BookmarksError::TooLarge => "too-large",
            BookmarksError::NotBookmarks(_) => "not-bookmarks",
            BookmarksError::Io(_) => "io",
        }
    }
}

/// The bookmarks, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bookmarks(Vec<Bookmark>);

/// A bookmark as the panel lists it, in the reading language.
#[derive(Debug, Clone, Serialize)]
pub struct BookmarkView {
    pub slug: String,
    pub block: String,
    pub page_title: String,
    /// The paragraph's first words; empty when it is no longer in the content.
    pub excerpt: String,
    /// The paragraph (or its page) is no longer in the content: the bookmark stays, marked,
    /// and opens the page if there still is one.
    pub missing: bool,
}

impl Bookmarks {
    pub fn items(&self) -> &[Bookmark] {
        &self.0
    }

    /// Adds a bookmark at the top (a bookmark already there moves to the top).
    pub fn add(&mut self, bookmark: Bookmark) {
        self.0.retain(|b| *b != bookmark);
        self.0.insert(0, bookmark);
        self.0.truncate(MAX_BOOKMARKS);
    }

    pub fn remove(&mut self, bookmark: &Bookmark) {
        self.0.retain(|b| b != bookmark);
    }

    /// Reads a bookmarks file: the file's bookmarks (ill-formed entries left out, and
    /// counted), or why the whole file is refused.
    pub fn read(path: &Path) -> Result<(Self, usize), BookmarksError> {
        use std::io::Read;
        let file = std::fs::File::open(path)?;
        if !file.metadata()?.is_file() {
            return Err(BookmarksError::NotBookmarks("not a file".into()));
        }
        let mut bytes = Vec::new();
        file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(BookmarksError::TooLarge);
        }
        Self::parse(&bytes)
    }

    /// The bookmarks of a file's bytes (see [`read`](Self::read)).
    pub fn parse(bytes: &[u8]) -> Result<(Self, usize), BookmarksError> {
        let file: File = serde_json::from_slice(bytes)
            .map_err(|e| BookmarksError::NotBookmarks(e.to_string()))?;
        if file.format != FORMAT {
            return Err(BookmarksError::NotBookmarks(format!(
                "format `{}`",
                file.format
            )));
        }
        if file.version != VERSION {
            return Err(BookmarksError::NotBookmarks(format!(
                "version {} (this reader reads version {VERSION})",
                file.version
            )));
        }
        let total = file.bookmarks.len();
        let mut bookmarks = Bookmarks::default();
        for bookmark in file.bookmarks.into_iter().rev() {
            if bookmark.is_well_formed() {
                bookmarks.add(bookmark);
            }
        }
        let left_out = total - bookmarks.0.len();
        Ok((bookmarks, left_out))
    }

    /// The file's text.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&File {
            format: FORMAT.into(),
            version: VERSION,
            bookmarks: self.0.clone(),
        })
        .expect("plain data")
    }

    /// Writes the file whole or not at all.
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        crate::preferences::replace_file(path, self.to_json().as_bytes())
    }

    /// Leaves out bookmarks of pages `library` doesn't have (an imported file from other
    /// content); returns how many.
    pub fn keep_known_pages(&mut self, library: &Library) -> usize {
        let before = self.0.len();
        self.0
            .retain(|bookmark| library.manifest().page(&bookmark.slug).is_some());
        before - self.0.len()
    }

    /// Those of `other` not here yet, added below these (an import keeps what is here).
    pub fn merge(&mut self, other: Bookmarks) -> usize {
        let before = self.0.len();
        for bookmark in other.0 {
            if !self.0.contains(&bookmark) {
                self.0.push(bookmark);
            }
        }
        self.0.truncate(MAX_BOOKMARKS);
        self.0.len() - before
    }

    /// The list as the panel shows it in `locale`.
    pub fn view(&self, library: &Library, locale: &Locale) -> Vec<BookmarkView> {
        self.0
            .iter()
            .map(|bookmark| {
                let page = library.manifest().page(&bookmark.slug);
                let in_page = page.is_some_and(|p| p.blocks.iter().any(|b| b.id == bookmark.block));
                let excerpt = in_page
                    .then(|| library.resolve(locale, &bookmark.block, None))
                    .flatten()
                    .map(|resolved| {
                        let text = crate::sanitize::plain_text(&resolved.text).into_string();
                        let mut short: String = text.chars().take(EXCERPT_CHARS).collect();
                        if short.len() < text.len() {
                            short.push('…');
                        }
                        short
                    })
                    .unwrap_or_default();
                BookmarkView {
                    slug: bookmark.slug.clone(),
                    block: bookmark.block.clone(),
                    page_title: page
                        .map(|p| library.page_title(locale, p).into_string())
                        .unwrap_or_else(|| bookmark.slug.clone()),
                    excerpt,
                    missing: !in_page,
                }
            })
            .collect()
    }
}

/// The bookmarks file of the app: a missing one is none; an unreadable or corrupt one is
/// none too, with the reason for the log (and it is kept aside, not overwritten blind).
pub fn load(path: &Path) -> (Bookmarks, Option<String>) {
    match Bookmarks::read(path) {
        Ok((bookmarks, 0)) => (bookmarks, None),
        Ok((bookmarks, left_out)) => (
            bookmarks,
            Some(format!(
                "{}: {left_out} ill-formed bookmark(s) left out",
                path.display()
            )),
        ),
        Err(BookmarksError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            (Bookmarks::default(), None)
        }
        Err(e) => {
            let aside = path.with_extension("json.unreadable");
            let _ = std::fs::rename(path, &aside);
            (
                Bookmarks::default(),
                Some(format!(
                    "{}: {e}; kept as {}",
                    path.display(),
                    aside.display()
                )),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(slug: &str, block: &str) -> Bookmark {
        Bookmark {
            slug: slug.into(),
            block: block.into(),
        }
    }

    #[test]
    fn newest_first_no_duplicates_and_round_trip() {
        let mut bookmarks = Bookmarks::default();
        bookmarks.add(mark("home", "home-intro"));
        bookmarks.add(mark("who-we-are", "who-we-are-p2"));
        bookmarks.add(mark("home", "home-intro"));
        assert_eq!(
            bookmarks.items(),
            [
                mark("home", "home-intro"),
                mark("who-we-are", "who-we-are-p2")
            ]
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bookmarks.json");
        bookmarks.write(&path).unwrap();
        assert_eq!(load(&path), (bookmarks.clone(), None));
        bookmarks.remove(&mark("home", "home-intro"));
        assert_eq!(bookmarks.items(), [mark("who-we-are", "who-we-are-p2")]);
    }

    /// Bad input: another format, a newer version, not JSON, too large, ill-formed entries.
    #[test]
    fn foreign_malformed_and_huge_files_are_refused_or_filtered() {
        for (bytes, kind) in [
            (
                &br#"{"format":"something-else","version":1,"bookmarks":[]}"#[..],
                "not-bookmarks",
            ),
            (
                br#"{"format":"iom-lao-reader-bookmarks","version":2,"bookmarks":[]}"#,
                "not-bookmarks",
            ),
            (b"\xff\xfe not json", "not-bookmarks"),
            (
                br#"[{"slug":"home","block":"home-intro"}]"#,
                "not-bookmarks",
            ),
        ] {
            assert_eq!(Bookmarks::parse(bytes).unwrap_err().kind(), kind);
        }
        let dir = tempfile::tempdir().unwrap();
        let huge = dir.path().join("huge.json");
        let file = std::fs::File::create(&huge).unwrap();
        file.set_len(100 * 1024 * 1024).unwrap(); // 100 MB, sparse
        assert_eq!(Bookmarks::read(&huge).unwrap_err().kind(), "too-large");
        let (bookmarks, left_out) = Bookmarks::parse(
            br#"{"format":"iom-lao-reader-bookmarks","version":1,"bookmarks":[
                {"slug":"home","block":"home-intro"},
                {"slug":"../etc","block":"x"},
                {"slug":"home","block":"<script>"}]}"#,
        )
        .unwrap();
        assert_eq!(bookmarks.items(), [mark("home", "home-intro")]);
        assert_eq!(left_out, 2);
    }

    /// A corrupt bookmarks file is set aside (not overwritten by the next save), and the
    /// reader starts with none.
    #[test]
    fn a_corrupt_file_is_kept_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bookmarks.json");
        std::fs::write(&path, "{ half a file").unwrap();
        let (bookmarks, warning) = load(&path);
        assert_eq!(bookmarks, Bookmarks::default());
        assert!(warning.unwrap().contains("kept as"));
        assert!(dir.path().join("bookmarks.json.unreadable").exists());
        assert_eq!(
            load(&dir.path().join("none.json")),
            (Bookmarks::default(), None)
        );
    }

    #[test]
    fn merge_keeps_what_is_here() {
        let mut here = Bookmarks::default();
        here.add(mark("home", "home-intro"));
        let mut other = Bookmarks::default();
        other.add(mark("home", "home-intro"));
        other.add(mark("news", "news-title"));
        assert_eq!(here.merge(other), 1);
        assert_eq!(
            here.items(),
            [mark("home", "home-intro"), mark("news", "news-title")]
        );
    }

    /// The panel names a bookmark by its page's title and its first words, in the reading
    /// language; one whose paragraph or page is gone stays, marked.
    #[test]
    fn the_panel_shows_titles_and_first_words_and_marks_what_is_gone() {
        let library = Library::built_in();
        let lo = library.locale("lo").unwrap();
        let mut bookmarks = Bookmarks::default();
        bookmarks.add(mark("who-we-are", "who-we-are-p2"));
        bookmarks.add(mark("who-we-are", "who-we-are-p9"));
        bookmarks.add(mark("gone", "gone-p1"));
        let view = bookmarks.view(&library, &lo);
        let page = library.manifest().page("who-we-are").unwrap();
        let title = library.page_title(&lo, page).into_string();
        assert_eq!(
            (view[2].page_title.as_str(), view[2].missing),
            (title.as_str(), false)
        );
        // The paragraph's first words, in Lao.
        let lao = library.resolve(&lo, "who-we-are-p2", None).unwrap();
        assert_eq!(lao.locale, "lo");
        let full = crate::sanitize::plain_text(&lao.text).into_string();
        let excerpt = view[2].excerpt.trim_end_matches('…');
        assert!(
            !excerpt.is_empty() && full.starts_with(excerpt),
            "{:?}",
            view[2]
        );
        assert!(view[1].missing && view[1].excerpt.is_empty() && view[1].page_title == title);
        assert!(view[0].missing && view[0].page_title == "gone");
    }

    #[test]
    fn an_import_leaves_out_pages_the_content_lacks() {
        let library = Library::built_in();
        let mut found = Bookmarks::default();
        found.add(mark("who-we-are", "who-we-are-p2"));
        found.add(mark("no-such-page", "no-such-page-p1"));
        assert_eq!(found.keep_known_pages(&library), 1);
        assert_eq!(found.items(), [mark("who-we-are", "who-we-are-p2")]);
    }
}
