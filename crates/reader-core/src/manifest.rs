//! The manifest: what is not translatable. Pages, their order and sections, dates, and each
//! block's message id and kind. Documented for editors in `docs/content-format.md`.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::error::LoadError;

/// The newest manifest format this build reads. Format 2 added `source_locale`; format 1
/// (no such field) means English is the source.
pub const MANIFEST_FORMAT: u32 = 2;

/// The source language of format-1 manifests.
const FORMAT_1_SOURCE_LOCALE: &str = "en";

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: u32,
    /// The language the content is written in and translated from (format 2): every
    /// fallback chain ends with it, side by side compares against it.
    #[serde(default)]
    source_locale: Option<String>,
    /// Content version: goes up with every release of the content.
    pub version: u64,
    /// Release date of this content.
    pub date: IsoDate,
    pub pages: Vec<Page>,
    /// Slug → position in `pages` (built on parsing: a large site is looked up per request).
    #[serde(skip)]
    index: HashMap<String, usize>,
    /// A page's message-id prefix → its position: which page's resource holds a message
    /// (a library opened for reading reads a page's resource when one of its messages is
    /// first asked for).
    #[serde(skip)]
    by_prefix: HashMap<String, usize>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    /// `/`-separated lowercase path, e.g. `news/country-strategy`.
    pub slug: String,
    /// Slug of the top-level page this page belongs to (for navigation).
    pub section: String,
    /// Shown in the toolbar navigation.
    #[serde(default)]
    pub nav: bool,
    /// Publication date (articles).
    #[serde(default)]
    pub date: Option<IsoDate>,
    /// After the blocks, list the pages of this section, newest first.
    #[serde(default)]
    pub list_section: Option<String>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Block {
    /// The Fluent message id, also the block's DOM id.
    pub id: String,
    pub kind: BlockKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Title,
    Heading,
    Paragraph,
    Item,
    Quote,
    Attribution,
    Contact,
}

/// A calendar date written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct IsoDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl TryFrom<String> for IsoDate {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        text.parse()
    }
}

impl From<IsoDate> for String {
    fn from(date: IsoDate) -> String {
        date.to_string()
    }
}

impl std::str::FromStr for IsoDate {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || format!("`{text}` is not a date written YYYY-MM-DD");
        let mut parts = text.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let date = IsoDate {
            year: y.parse().map_err(|_| bad())?,
            month: m.parse().map_err(|_| bad())?,
            day: d.parse().map_err(|_| bad())?,
        };
        // ICU4X knows the calendar: let it say whether the day exists.
        icu_calendar::Date::try_new_gregorian(date.year, date.month, date.day)
            .map_err(|_| bad())?;
        Ok(date)
    }
}

impl std::fmt::Display for IsoDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Page {
    /// The prefix of every message id of this page: the slug with `/` replaced by `-`.
    pub fn id_prefix(&self) -> String {
        self.slug.replace('/', "-")
    }

    /// The page's title message id (its first block, checked at load time).
    pub fn title_id(&self) -> &str {
        &self.blocks[0].id
    }

    /// Path of this page's resource inside a locale folder.
    pub fn resource_path(&self, locale: &str) -> String {
        format!("{locale}/pages/{}.ftl", self.slug)
    }
}

/// How deep arrays and inline tables may nest in a manifest (it needs 2). `basic-toml`
/// recurses once per level without a limit: a manifest of a million `[` would overflow the
/// stack, so deeper ones are refused before parsing.
const MAX_NESTING: usize = 32;

/// How many dots a line may have outside strings and comments. Our manifest has none (no
/// dotted keys, no floats); `basic-toml` makes a table per part of a dotted key or header,
/// recursively and at a cost that grows with the square of the parts, so long ones are
/// refused before parsing.
const MAX_DOTS_PER_LINE: usize = 8;

/// What is measured of a manifest before it is parsed.
struct Shape {
    /// The deepest nesting of `[` and `{`.
    depth: usize,
    /// The first line with more than `MAX_DOTS_PER_LINE` dots, and how many.
    dotted: Option<(usize, usize)>,
}

/// The nesting of `[` and `{` and the dots per line, outside strings and comments, read as
/// TOML reads them: a comment runs to the end of its line; `"…"` and `'…'` end at their
/// quote or the end of the line, `"""…"""` and `'''…'''` at their triple quote; a
/// backslash escapes the next character in the double-quoted ones.
fn measure(text: &str) -> Shape {
    let bytes = text.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    let (mut line, mut dots, mut dotted) = (1usize, 0usize, None);
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                line += 1;
                dots = 0;
            }
            b'.' => {
                dots += 1;
                if dots > MAX_DOTS_PER_LINE && dotted.is_none() {
                    dotted = Some((line, dots));
                }
            }
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue; // the line break is counted as one
            }
            quote @ (b'"' | b'\'') => {
                let triple = bytes[i..].starts_with(&[quote; 3]);
                let close: &[u8] = if triple { &[quote; 3] } else { &[quote] };
                i += close.len();
                while i < bytes.len() && !bytes[i..].starts_with(close) {
                    if bytes[i] == b'\n' {
                        if !triple {
                            break;
                        }
                        line += 1;
                    }
                    if quote == b'"' && bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if !triple && bytes.get(i) == Some(&b'\n') {
                    continue; // an unclosed one-line string: its line break is counted as one
                }
                i += close.len() - 1;
            }
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    Shape {
        depth: deepest,
        dotted,
    }
}

impl Manifest {
    /// Parses and validates the manifest: any inconsistency here would make pages
    /// unaddressable or ids ambiguous, so it is refused whole.
    pub fn parse(text: &str) -> Result<Self, LoadError> {
        let shape = measure(text);
        if shape.depth > MAX_NESTING {
            return Err(LoadError::Manifest(format!(
                "arrays and tables nested {} deep (at most {MAX_NESTING})",
                shape.depth
            )));
        }
        if let Some((line, _)) = shape.dotted {
            return Err(LoadError::Manifest(format!(
                "line {line}: more than {MAX_DOTS_PER_LINE} dots outside quotes (a dotted key or \
                 table header this long is refused)"
            )));
        }
        let mut manifest: Manifest = basic_toml::from_str(text).map_err(|e| {
            // A newer reader's manifest may have fields this one doesn't know: "format 3 is
            // not supported" says more than "unknown field" (read only on failure: a big
            // site's manifest is not parsed twice).
            #[derive(Deserialize)]
            struct Format {
                format: u32,
            }
            let newer = basic_toml::from_str::<Format>(text)
                .ok()
                .and_then(|Format { format }| check_format(format).err());
            LoadError::Manifest(newer.unwrap_or_else(|| e.to_string()))
        })?;
        manifest.validate().map_err(LoadError::Manifest)?;
        manifest.build_indexes();
        Ok(manifest)
    }

    /// The lookups by slug and by message id (after parsing, or reading a cached copy).
    pub(crate) fn build_indexes(&mut self) {
        self.index = self
            .pages
            .iter()
            .enumerate()
            .map(|(i, page)| (page.slug.clone(), i))
            .collect();
        self.by_prefix = self
            .pages
            .iter()
            .enumerate()
            .map(|(i, page)| (page.id_prefix(), i))
            .collect();
    }

    /// The language the content is written in (`en` for format 1).
    pub fn source_locale(&self) -> &str {
        self.source_locale
            .as_deref()
            .unwrap_or(FORMAT_1_SOURCE_LOCALE)
    }

    fn validate(&self) -> Result<(), String> {
        check_format(self.format)?;
        match (self.format, &self.source_locale) {
            (1, Some(_)) => return Err("`source_locale` needs format 2".into()),
            (1, None) => {}
            (_, None) => {
                return Err(
                    "`source_locale` is missing (the language the content is written in)".into(),
                )
            }
            (_, Some(code)) => {
                if !code
                    .parse::<unic_langid::LanguageIdentifier>()
                    .is_ok_and(|id| id.to_string() == *code)
                {
                    return Err(format!(
                        "source_locale `{code}` is not a language tag like `en`"
                    ));
                }
            }
        }
        let mut slugs = HashSet::new();
        let mut ids = HashSet::new();
        let mut prefixes: HashMap<String, &str> = HashMap::new();
        for page in &self.pages {
            if !is_valid_slug(&page.slug) {
                return Err(format!(
                    "slug `{}`: use lowercase letters, digits and `-`, segments separated by `/`",
                    page.slug
                ));
            }
            if !slugs.insert(page.slug.as_str()) {
                return Err(format!("slug `{}` appears twice", page.slug));
            }
            // `a/b` and `a-b` would name their messages alike: which page holds
            // `a-b-title` could not be told.
            if let Some(other) = prefixes.insert(page.id_prefix(), &page.slug) {
                return Err(format!(
                    "pages `{other}` and `{}` both name their messages `{}-…`",
                    page.slug,
                    page.id_prefix()
                ));
            }
            match page.blocks.first() {
                Some(block) if block.kind == BlockKind::Title => {}
                _ => {
                    return Err(format!(
                        "page `{}`: the first block must be its title",
                        page.slug
                    ))
                }
            }
            let prefix = format!("{}-", page.id_prefix());
            for (index, block) in page.blocks.iter().enumerate() {
                if index > 0 && block.kind == BlockKind::Title {
                    return Err(format!("page `{}`: more than one title", page.slug));
                }
                if !block.id.starts_with(&prefix) || !is_valid_message_id(&block.id) {
                    return Err(format!(
                        "block `{}` of page `{}`: ids start with `{prefix}` and use letters, digits and `-`",
                        block.id, page.slug
                    ));
                }
                if !ids.insert(block.id.as_str()) {
                    return Err(format!("block id `{}` appears twice", block.id));
                }
            }
        }
        for page in &self.pages {
            for section in std::iter::once(&page.section).chain(page.list_section.as_ref()) {
                if !slugs.contains(section.as_str()) {
                    return Err(format!(
                        "page `{}`: section `{section}` is not a page",
                        page.slug
                    ));
                }
            }
        }
        if self.pages.is_empty() {
            return Err("no pages".into());
        }
        Ok(())
    }

    pub fn page(&self, slug: &str) -> Option<&Page> {
        self.index.get(slug).map(|&i| &self.pages[i])
    }

    /// Where page `slug` is in `pages`.
    pub fn position(&self, slug: &str) -> Option<usize> {
        self.index.get(slug).copied()
    }

    /// The position of the page one of whose blocks is message `id` (`home-title` → the
    /// page `home`), found by its prefix: the longest prefix naming a page that lists it.
    pub fn page_of_message(&self, id: &str) -> Option<usize> {
        let mut prefix = id;
        while let Some((head, _)) = prefix.rsplit_once('-') {
            if let Some(&position) = self.by_prefix.get(head) {
                if self.pages[position]
                    .blocks
                    .iter()
                    .any(|block| block.id == id)
                {
                    return Some(position);
                }
            }
            prefix = head;
        }
        None
    }

    /// The page shown first: the first one listed.
    pub fn home(&self) -> &Page {
        &self.pages[0]
    }
}

fn check_format(format: u32) -> Result<(), String> {
    if (1..=MANIFEST_FORMAT).contains(&format) {
        Ok(())
    } else {
        Err(format!(
            "format {format} is not supported (this reader reads formats 1 to {MANIFEST_FORMAT}): \
             the content was made for a newer reader"
        ))
    }
}

pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.split('/').all(|segment| {
            !segment.is_empty()
                && segment
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

fn is_valid_message_id(id: &str) -> bool {
    let mut bytes = id.bytes();
    matches!(bytes.next(), Some(b) if b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_counted_outside_strings_and_comments() {
        assert_eq!(measure("[[pages]]\nblocks = [{ id = \"a\" }]").depth, 2);
        assert_eq!(
            measure("a = \"[[[\\\"[[\" # [[[[\nb = '[[' \nc = [1]").depth,
            1
        );
        assert_eq!(
            measure("a = \"\"\"\n[[[\n\"\"\"\nb = '''[[[\n]'''").depth,
            0
        );
        // An unclosed one-line string ends with its line, as TOML reads it.
        assert_eq!(measure("a = \"open\nb = [[[1]]]").depth, 3);
        // Closing brackets inside strings don't lower the count.
        assert_eq!(measure("a = [\"]]]\", [\"]]]\", [1]]]").depth, 3);
        // Lines are counted through comments and strings of several lines.
        let text = "# a\na = \"\"\"\n.\n\"\"\"\nb = \"open\n# c\nd.d.d.d.d.d.d.d.d.d = 1";
        assert_eq!(measure(text).dotted, Some((7, 9)));
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        for opening in ["[", "{ a = "] {
            let text = format!("format = 1\nx = {}", opening.repeat(1_000_000));
            match Manifest::parse(&text) {
                Err(LoadError::Manifest(message)) => {
                    assert!(message.contains("nested 1000000 deep"), "{message}")
                }
                other => panic!("{:?}", other.map(|_| ())),
            }
        }
    }

    /// Fault 4 of the hostile-input review: the nesting guard counted brackets only. A
    /// dotted key of 20,000 parts overflowed the stack; a table header of 10,000 parts took
    /// 5.7 s and 1.2 GB (30,000: past 60 s and 9.6 GB).
    #[test]
    fn long_dotted_keys_and_headers_are_refused_before_parsing() {
        let key = format!("format = 1\n{} = 1\n", vec!["x"; 20_000].join("."));
        let header = format!("format = 1\n[{}]\n", vec!["pages"; 30_000].join("."));
        let quoted = format!("format = 1\n\"{}\".\"a\" = 1\n", "a.".repeat(100));
        for text in [key, header] {
            match Manifest::parse(&text) {
                Err(LoadError::Manifest(message)) => {
                    assert!(message.contains("line 2"), "{message}");
                    assert!(message.contains("dotted"), "{message}");
                }
                other => panic!("{:?}", other.map(|_| ())),
            }
        }
        // Dots inside quotes are text, not key parts: refused later, for other reasons.
        match Manifest::parse(&quoted) {
            Err(LoadError::Manifest(message)) => assert!(!message.contains("dotted"), "{message}"),
            other => panic!("{:?}", other.map(|_| ())),
        }
    }

    #[test]
    fn dates_must_exist() {
        assert!("2022-02-24".parse::<IsoDate>().is_ok());
        assert!("2022-02-30".parse::<IsoDate>().is_err());
        assert!("24/02/2022".parse::<IsoDate>().is_err());
    }

    #[test]
    fn slugs_refuse_traversal_and_case() {
        assert!(is_valid_slug("news/country-strategy"));
        for bad in [
            "", "..", "news/..", "News", "a//b", "/a", "a/", "a b", "a\\b",
        ] {
            assert!(!is_valid_slug(bad), "{bad:?} accepted");
        }
    }

    #[test]
    fn refuses_unknown_format_and_duplicate_ids() {
        let page = r#"[[pages]]
slug = "home"
section = "home"
blocks = [{ id = "home-title", kind = "title" }, { id = "home-title", kind = "paragraph" }]"#;
        let err = Manifest::parse(&format!(
            "format = 1\nversion = 1\ndate = \"2026-01-01\"\n{page}"
        ))
        .unwrap_err();
        assert!(err.to_string().contains("appears twice"), "{err}");
        let err = Manifest::parse(&format!(
            "format = 9\nversion = 1\ndate = \"2026-01-01\"\n{page}"
        ))
        .unwrap_err();
        assert!(err.to_string().contains("format 9"), "{err}");
    }

    /// Format 2 names the source language; format 1 means English. A manifest of a newer
    /// format is refused for its format, even when it has fields this reader doesn't know
    /// (what an older reader says of content made for a newer one).
    #[test]
    fn source_locale_by_format_and_newer_formats_refused_by_number() {
        let page = "[[pages]]\nslug = \"home\"\nsection = \"home\"\n\
                    blocks = [{ id = \"home-title\", kind = \"title\" }]";
        let parse = |head: &str| {
            Manifest::parse(&format!(
                "{head}\nversion = 1\ndate = \"2026-01-01\"\n{page}"
            ))
        };
        assert_eq!(parse("format = 1").unwrap().source_locale(), "en");
        let fr = parse("format = 2\nsource_locale = \"fr\"").unwrap();
        assert_eq!(fr.source_locale(), "fr");
        let missing = parse("format = 2").unwrap_err().to_string();
        assert!(missing.contains("`source_locale` is missing"), "{missing}");
        let early = parse("format = 1\nsource_locale = \"en\"").unwrap_err();
        assert!(early.to_string().contains("needs format 2"), "{early}");
        let bad = parse("format = 2\nsource_locale = \"../x\"").unwrap_err();
        assert!(bad.to_string().contains("not a language tag"), "{bad}");
        let newer = parse("format = 3\nsource_locale = \"en\"\nscripts = [\"x\"]")
            .unwrap_err()
            .to_string();
        assert!(
            newer.contains("format 3 is not supported") && newer.contains("newer reader"),
            "{newer}"
        );
    }
}
