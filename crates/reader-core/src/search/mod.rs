//! Bilingual full-text search over the resolved messages of every locale (tantivy), with a
//! Lao-aware tokenizer. Queries are built in code, never parsed, so no input is a syntax
//! error.
//!
//! The index is kept on disk (see [`cache`]): built once for a content, opened memory-mapped
//! at the next start. It holds no text: a hit names its block, whose text is resolved from
//! the library when shown, so the index costs no memory beyond the pages it maps.

pub mod cache;
mod fold;
pub mod static_index;
mod tokenizer;

pub use cache::IndexCache;
pub use fold::{fold, Folded};
pub use tokenizer::{lao_pairs, words, LaoEnglishTokenizer, LaoPairTokenizer, Word};

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, OnceLock};

use serde::Serialize;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, RegexQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST};
use tantivy::tokenizer::{Language, Stemmer, TextAnalyzer};
use tantivy::{collector::TopDocs, Index, IndexReader, ReloadPolicy, TantivyDocument, Term};

use crate::library::Library;
use crate::line_breaks::is_lao;
use crate::locale::Locale;
use crate::sanitize::{escape_html, plain_text};

/// Longer queries are cut here: nobody types more, and a pasted page must stay cheap.
const MAX_QUERY_CHARS: usize = 200;
const SNIPPET_BEFORE: usize = 60;
const SNIPPET_AFTER: usize = 140;
/// Lao vowels written before their consonant: typed alone, they are not a word yet.
const LEADING_VOWELS: [char; 5] = ['ເ', 'ແ', 'ໂ', 'ໃ', 'ໄ'];

/// One indexed block: a message as a locale shows it, and where it is.
#[derive(Debug, Clone)]
struct Entry {
    address: BlockAddress,
    text: String,
}

/// Where a block is: its locale, page and block by position in the library (so the index
/// stores one number per block, and a hit costs no stored-document read). Positions are
/// stable for an index: it is keyed by the content's fingerprint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct BlockAddress {
    locale: usize,
    page: usize,
    block: usize,
    /// The locale shows another locale's text here.
    fallback: bool,
}

impl BlockAddress {
    const BLOCK_BITS: u32 = 20;
    const PAGE_BITS: u32 = 28;
    const LOCALE_BITS: u32 = 15;

    /// `None` beyond 2^20 blocks a page, 2^28 pages, 2^15 locales (never: such content is
    /// refused long before).
    fn encode(self) -> Option<u64> {
        let fits = |n: usize, bits: u32| ((n as u64) < (1 << bits)).then_some(n as u64);
        let block = fits(self.block, Self::BLOCK_BITS)?;
        let page = fits(self.page, Self::PAGE_BITS)?;
        let locale = fits(self.locale, Self::LOCALE_BITS)?;
        Some(
            (u64::from(self.fallback) << 63)
                | (locale << (Self::PAGE_BITS + Self::BLOCK_BITS))
                | (page << Self::BLOCK_BITS)
                | block,
        )
    }

    fn decode(key: u64) -> Self {
        let mask = |bits: u32| (1u64 << bits) - 1;
        Self {
            fallback: key >> 63 == 1,
            locale: ((key >> (Self::PAGE_BITS + Self::BLOCK_BITS)) & mask(Self::LOCALE_BITS))
                as usize,
            page: ((key >> Self::BLOCK_BITS) & mask(Self::PAGE_BITS)) as usize,
            block: (key & mask(Self::BLOCK_BITS)) as usize,
        }
    }

    /// The locale, page and block it names in `library` (`None` if there is no such one).
    fn resolve(self, library: &Library) -> Option<(&str, &str, &str)> {
        let locale = library.locales().get(self.locale)?;
        let page = library.manifest().pages.get(self.page)?;
        let block = page.blocks.get(self.block)?;
        Some((locale.code.as_str(), page.slug.as_str(), block.id.as_str()))
    }
}

/// A block that matched, ready to show.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SearchHit {
    pub locale: String,
    pub slug: String,
    pub id: String,
    pub page_title: String,
    /// Escaped text around the match, the matched words in `<mark>`.
    pub snippet_html: String,
    /// The matched words as written in the block (to highlight them on the page).
    pub matched: Vec<String>,
    pub fallback: bool,
    /// For a match in another language: the same block in the reading language.
    pub aligned: Option<AlignedBlock>,
    pub score: f32,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AlignedBlock {
    pub locale: String,
    pub page_title: String,
    pub text: String,
}

/// Whether searches can be answered yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum Readiness {
    /// Nobody asked for the index yet.
    NotStarted,
    /// Being opened or built: how far, in percent.
    Preparing {
        percent: u8,
    },
    Ready,
    /// It could be neither opened nor built (logged): searches find nothing.
    Unavailable,
}

/// Where the index in use came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum IndexOrigin {
    /// Opened from the cache, built by an earlier run.
    Opened,
    /// Built now, and saved in the cache for the next run.
    Built,
    /// Built now, in memory only: there is no cache, or it could not be written.
    Memory,
}

/// How far the preparation of an index is: 0 to 1000.
#[derive(Debug, Default)]
pub struct Progress {
    started: AtomicBool,
    permille: AtomicU32,
}

impl Progress {
    fn set(&self, done: usize, total: usize) {
        let permille = (done * 1000).checked_div(total).unwrap_or(0).min(1000);
        self.permille.store(permille as u32, Ordering::Relaxed);
    }

    fn percent(&self) -> u8 {
        (self.permille.load(Ordering::Relaxed) / 10) as u8
    }
}

/// A library with its search index. Whoever serves searches (the app, `serve`, `reader
/// search`) holds one for the library it shows: the index belongs with the content it was
/// built from, and the library knows nothing of search.
pub struct Searcher {
    library: Arc<Library>,
    cache: Option<IndexCache>,
    index: OnceLock<Option<SearchIndex>>,
    progress: Progress,
}

impl Searcher {
    /// A searcher whose index lives in memory only (built by the first search).
    pub fn new(library: Arc<Library>) -> Self {
        Self::with_cache(library, None)
    }

    /// A searcher whose index is opened from `cache`, or built and saved there.
    pub fn with_cache(library: Arc<Library>, cache: Option<IndexCache>) -> Self {
        Self {
            library,
            cache,
            index: OnceLock::new(),
            progress: Progress::default(),
        }
    }

    pub fn library(&self) -> &Arc<Library> {
        &self.library
    }

    /// Opens or builds the index, once; other callers wait for it. A failure (even a
    /// panic in tantivy) is logged, and searches then find nothing.
    pub fn prepare(&self) -> Option<&SearchIndex> {
        self.index
            .get_or_init(|| {
                self.progress.started.store(true, Ordering::SeqCst);
                let index =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.open_or_build()))
                        .unwrap_or_else(|_| {
                            log::error!("search index: preparing it failed; search is unavailable");
                            None
                        });
                self.progress.set(1, 1);
                index
            })
            .as_ref()
    }

    /// Whether searches can be answered now, without waiting.
    pub fn readiness(&self) -> Readiness {
        match self.index.get() {
            Some(Some(_)) => Readiness::Ready,
            Some(None) => Readiness::Unavailable,
            None if self.progress.started.load(Ordering::SeqCst) => Readiness::Preparing {
                percent: self.progress.percent(),
            },
            None => Readiness::NotStarted,
        }
    }

    /// Where the index came from, once prepared.
    pub fn origin(&self) -> Option<IndexOrigin> {
        self.index.get()?.as_ref().map(|index| index.origin)
    }

    /// Blocks matching `query` in any locale, the `reading` locale's first (see
    /// [`SearchIndex::search`]); waits for the index.
    pub fn search(&self, query: &str, reading: &Locale, limit: usize) -> Vec<SearchHit> {
        self.prepare()
            .map(|index| index.search(&self.library, query, reading, limit))
            .unwrap_or_default()
    }

    /// As [`Searcher::search`] when the index is ready; else how far it is, at once.
    pub fn search_if_ready(
        &self,
        query: &str,
        reading: &Locale,
        limit: usize,
    ) -> Result<Vec<SearchHit>, Readiness> {
        match self.index.get() {
            Some(Some(index)) => Ok(index.search(&self.library, query, reading, limit)),
            _ => Err(self.readiness()),
        }
    }

    /// Why the saved index was not used, if it was not (also logged): e.g. "damaged;
    /// built again", or why the index lives in memory only.
    pub fn notes(&self) -> &[String] {
        self.index
            .get()
            .and_then(Option::as_ref)
            .map_or(&[], |index| index.notes.as_slice())
    }

    fn open_or_build(&self) -> Option<SearchIndex> {
        let library = &self.library;
        let mut notes = Vec::new();
        let mut note = |text: String| {
            log::warn!("search index: {text}");
            notes.push(text);
        };
        if let Some(cache) = &self.cache {
            match cache.open(library) {
                Ok(Some(index)) => return Some(index),
                Ok(None) => log::info!("search index: none for this content yet, building it"),
                Err(problem) => note(format!("{problem}; building it again")),
            }
            match cache.build(library, &self.progress) {
                Ok(index) => return Some(index.with_notes(notes)),
                Err(problem) => note(format!(
                    "{problem}; searching from memory (built again at every start)"
                )),
            }
        }
        let index = Index::create_in_ram(schema());
        match SearchIndex::write(library, &index, &self.progress)
            .and_then(|_| SearchIndex::open(index, IndexOrigin::Memory))
        {
            Ok(index) => Some(index.with_notes(notes)),
            Err(e) => {
                log::error!("search index: {e}");
                None
            }
        }
    }
}

/// The index's fields (by name in the schema).
#[derive(Clone, Copy)]
struct Fields {
    /// Stemmed words, for whole words.
    text: Field,
    /// Unstemmed words, for the word being typed.
    raw: Field,
    /// Lao as overlapping character pairs, to find a word inside unspaced text.
    pairs: Field,
    /// The document's [`BlockAddress`], encoded.
    key: Field,
}

fn schema() -> Schema {
    let mut schema = Schema::builder();
    let options = |tokenizer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    schema.add_text_field("text", options("reader-stemmed"));
    schema.add_text_field("raw", options("reader-raw"));
    schema.add_text_field("pairs", options("reader-lao-pairs"));
    schema.add_u64_field("key", FAST);
    schema.build()
}

fn fields(schema: &Schema) -> tantivy::Result<Fields> {
    let field = |name| schema.get_field(name);
    Ok(Fields {
        text: field("text")?,
        raw: field("raw")?,
        pairs: field("pairs")?,
        key: field("key")?,
    })
}

pub struct SearchIndex {
    reader: IndexReader,
    fields: Fields,
    origin: IndexOrigin,
    /// Why it was not opened from the cache (see [`Searcher::notes`]).
    notes: Vec<String>,
}

fn stemmed_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(LaoEnglishTokenizer)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// Our tokenizers, under the names the schema gives (an index opened from disk needs them
/// too: tantivy stores only their names).
fn register_tokenizers(index: &Index) {
    let tokenizers = index.tokenizers();
    tokenizers.register("reader-stemmed", stemmed_analyzer());
    tokenizers.register(
        "reader-raw",
        TextAnalyzer::builder(LaoEnglishTokenizer).build(),
    );
    tokenizers.register(
        "reader-lao-pairs",
        TextAnalyzer::builder(LaoPairTokenizer).build(),
    );
}

impl SearchIndex {
    /// Indexes every block of every page in every locale, as the reader shows it, into
    /// `index` (made with [`schema`]), reporting `progress`; returns how many it wrote.
    fn write(library: &Library, index: &Index, progress: &Progress) -> tantivy::Result<u64> {
        register_tokenizers(index);
        let fields = fields(&index.schema())?;
        let total = library.locales().len()
            * library
                .manifest()
                .pages
                .iter()
                .map(|page| page.blocks.len())
                .sum::<usize>();
        // tantivy's smallest arena: the index is built once, and memory matters more here.
        let mut writer = index.writer_with_num_threads(1, 15_000_000)?;
        let mut written = 0;
        // One block at a time: a big site's texts are never all in memory at once.
        for (n, entry) in entries(library).enumerate() {
            let Some(key) = entry.address.encode() else {
                continue;
            };
            let mut doc = TantivyDocument::default();
            doc.add_text(fields.text, &entry.text);
            doc.add_text(fields.raw, &entry.text);
            doc.add_text(fields.pairs, &entry.text);
            doc.add_u64(fields.key, key);
            writer.add_document(doc)?;
            written += 1;
            if n % 256 == 0 {
                // The last tenth is the commit and merge.
                progress.set(n * 9, total * 10);
            }
        }
        writer.commit()?;
        writer.wait_merging_threads()?;
        Ok(written)
    }

    /// Searches an index made with [`schema`] (its tokenizers registered).
    fn open(index: Index, origin: IndexOrigin) -> tantivy::Result<Self> {
        let fields = fields(&index.schema())?;
        // Reloaded never: an index is built once, and a watcher would be a thread for nothing.
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Self {
            reader,
            fields,
            origin,
            notes: Vec::new(),
        })
    }

    fn with_notes(self, notes: Vec<String>) -> Self {
        Self { notes, ..self }
    }

    fn with_origin(self, origin: IndexOrigin) -> Self {
        Self { origin, ..self }
    }

    /// Bytes the index takes (all segments, all fields).
    pub fn size_bytes(&self) -> u64 {
        self.reader
            .searcher()
            .space_usage()
            .map(|usage| usage.total().get_bytes())
            .unwrap_or(0)
    }

    /// How many blocks are indexed.
    pub fn len(&self) -> usize {
        self.reader.searcher().num_docs() as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Blocks matching every word of `query` (the last one as a prefix while it is being
    /// typed), in any locale: the reading locale's first, then by relevance. An empty or
    /// word-less query finds nothing.
    pub fn search(
        &self,
        library: &Library,
        query: &str,
        reading: &Locale,
        limit: usize,
    ) -> Vec<SearchHit> {
        let reading = reading.as_str();
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let mut words = words(&query);
        let typing = !query.ends_with(char::is_whitespace);
        if typing
            && words
                .last()
                .is_some_and(|w| w.folded.chars().all(|c| LEADING_VOWELS.contains(&c)))
        {
            words.pop();
        }
        if words.is_empty() {
            return Vec::new();
        }
        let stemmed: Vec<String> = words.iter().map(|w| stem(&w.folded)).collect();
        let prefix = typing.then(|| words.last().expect("not empty").folded.clone());

        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let last = words.len() - 1;
        for (i, term) in stemmed.iter().enumerate() {
            // A Lao word matches as the phrase of its character pairs, wherever it stands in
            // unspaced text and whichever way the dictionary cut that text (a word being
            // typed: as the start of a longer one, too).
            if let Some(inside) = self.lao_phrase(&words[i].folded) {
                clauses.push((Occur::Must, inside));
                continue;
            }
            let whole: Box<dyn Query> = Box::new(TermQuery::new(
                Term::from_field_text(self.fields.text, term),
                IndexRecordOption::WithFreqs,
            ));
            let mut alternatives = vec![whole];
            if let (Some(prefix), true) = (&prefix, i == last) {
                if let Ok(started) = RegexQuery::from_pattern(
                    &format!("{}.*", escape_regex(prefix)),
                    self.fields.raw,
                ) {
                    alternatives.push(Box::new(started));
                }
            }
            let clause: Box<dyn Query> = if alternatives.len() == 1 {
                alternatives.pop().expect("one")
            } else {
                Box::new(BooleanQuery::union(alternatives))
            };
            clauses.push((Occur::Must, clause));
        }
        let query = BooleanQuery::new(clauses);
        let searcher = self.reader.searcher();
        let Ok(found) = searcher.search(
            &query,
            &TopDocs::with_limit(limit.max(1) * 4).order_by_score(),
        ) else {
            return Vec::new();
        };

        let keys: Vec<_> = searcher
            .segment_readers()
            .iter()
            .map(|segment| segment.fast_fields().u64("key").ok())
            .collect();
        // (An address the library doesn't have is skipped: the index is checked at open,
        // and this keeps a bad one from ever naming a block.)
        let mut ordered: Vec<(f32, BlockAddress, (&str, &str, &str))> = found
            .into_iter()
            .filter_map(|(score, doc)| {
                let column = keys.get(doc.segment_ord as usize)?.as_ref()?;
                let address = BlockAddress::decode(column.first(doc.doc_id)?);
                Some((score, address, address.resolve(library)?))
            })
            .collect();
        // The reading locale first; a fallback copy of another locale's text last.
        ordered.sort_by(|a, b| {
            let rank = |(_, address, (locale, _, _)): &(f32, BlockAddress, (&str, &str, &str))| {
                (*locale != reading, address.fallback)
            };
            rank(a).cmp(&rank(b)).then(b.0.total_cmp(&a.0))
        });
        let lao_words: Vec<&str> = words
            .iter()
            .map(|w| w.folded.as_str())
            .filter(|w| self.lao_phrase(w).is_some())
            .collect();
        let mut seen = HashSet::new();
        let mut hits: Vec<SearchHit> = Vec::new();
        for (score, address, (locale, slug, id)) in ordered {
            if !seen.insert((slug, id)) {
                continue; // the same block already found in a better locale
            }
            // The text is the library's, resolved for the hits shown only.
            let Some(resolved) = library.resolve(locale, id, None) else {
                continue;
            };
            let text = plain_text(&resolved.text).into_string();
            let (snippet_html, matched) = snippet(&text, &stemmed, prefix.as_deref(), &lao_words);
            hits.push(SearchHit {
                locale: locale.to_string(),
                slug: slug.to_string(),
                id: id.to_string(),
                page_title: title(library, locale, slug),
                snippet_html,
                matched,
                fallback: address.fallback,
                aligned: (locale != reading)
                    .then(|| self.aligned_block(library, reading, slug, id))
                    .flatten(),
                score,
            });
            if hits.len() == limit {
                break;
            }
        }
        hits
    }

    fn aligned_block(
        &self,
        library: &Library,
        reading: &str,
        slug: &str,
        id: &str,
    ) -> Option<AlignedBlock> {
        let resolved = library.resolve(reading, id, None)?;
        let text = plain_text(&resolved.text).into_string();
        let short: String = text.chars().take(SNIPPET_BEFORE + SNIPPET_AFTER).collect();
        Some(AlignedBlock {
            locale: resolved.locale,
            page_title: title(library, reading, slug),
            text: if short.len() < text.len() {
                format!("{short}…")
            } else {
                short
            },
        })
    }

    /// The phrase of a Lao word's character pairs (`None` for a word that isn't all Lao or
    /// is a single character).
    fn lao_phrase(&self, folded_word: &str) -> Option<Box<dyn Query>> {
        let pairs = lao_pairs(folded_word);
        if pairs.is_empty() || pairs.len() + 1 != folded_word.chars().count() {
            return None;
        }
        let mut terms: Vec<Term> = pairs
            .into_iter()
            .map(|(pair, _, _)| Term::from_field_text(self.fields.pairs, &pair))
            .collect();
        Some(if terms.len() == 1 {
            Box::new(TermQuery::new(
                terms.pop().expect("one"),
                IndexRecordOption::WithFreqs,
            ))
        } else {
            Box::new(PhraseQuery::new(terms))
        })
    }
}

/// A folded word's English (Snowball) stem, as the index stems its words: the query's
/// words, snippets and the exported site's index all stem with this one.
pub fn stem(word: &str) -> String {
    thread_local! {
        // Built once per thread: snippets and exports stem every word of their texts.
        static STEMMER: std::cell::RefCell<TextAnalyzer> = std::cell::RefCell::new(
            TextAnalyzer::builder(tantivy::tokenizer::RawTokenizer::default())
                .filter(Stemmer::new(Language::English))
                .build(),
        );
    }
    STEMMER.with_borrow_mut(|analyzer| {
        let mut stream = analyzer.token_stream(word);
        let mut out = String::new();
        while stream.advance() {
            out.push_str(&stream.token().text);
        }
        if out.is_empty() {
            word.to_string()
        } else {
            out
        }
    })
}

/// Words outside Lao in folded text, as (start, word): runs of letters, digits and
/// apostrophes, the apostrophes at their ends trimmed (the start is the run's). A full stop,
/// colon or ’ between two letters, and a full stop, comma, semicolon or ’ between two digits,
/// stay inside the word, as in the word segmenter the index uses (Unicode's word boundaries,
/// WB6–7 and WB11–12: `iom.int`, `3.5` and `2,000` are one word each). Cheaper than the
/// segmenter, and what snippets and the exported site's search match.
pub fn plain_words(folded: &str) -> Vec<(usize, &str)> {
    let letter = |c: Option<char>| c.is_some_and(|c| c.is_alphabetic() && !is_lao(c));
    let digit = |c: Option<char>| c.is_some_and(char::is_numeric);
    let chars: Vec<(usize, char)> = folded.char_indices().collect();
    let mut words = Vec::new();
    let mut run_start = None;
    for i in 0..=chars.len() {
        let in_word = chars.get(i).is_some_and(|&(_, c)| {
            let (before, after) = (
                i.checked_sub(1).map(|b| chars[b].1),
                chars.get(i + 1).map(|a| a.1),
            );
            ((c.is_alphanumeric() || c == '\'') && !is_lao(c))
                || (matches!(c, '.' | ':' | '’') && letter(before) && letter(after))
                || (matches!(c, '.' | ',' | ';' | '’') && digit(before) && digit(after))
        });
        let at = chars.get(i).map_or(folded.len(), |&(at, _)| at);
        match (in_word, run_start) {
            (true, None) => run_start = Some(at),
            (false, Some(start)) => {
                let word = folded[start..at].trim_matches('\'');
                if !word.is_empty() {
                    words.push((start, word));
                }
                run_start = None;
            }
            _ => {}
        }
    }
    words
}

/// A page's title as the reader shows it in `locale`.
fn title(library: &Library, locale: &str, slug: &str) -> String {
    let (Some(locale), Some(page)) = (library.locale(locale), library.manifest().page(slug)) else {
        return String::new();
    };
    library.page_title(&locale, page).into_string()
}

/// Every block of every page in every locale, as the reader shows it.
fn entries(library: &Library) -> impl Iterator<Item = Entry> + '_ {
    library
        .locales()
        .iter()
        .enumerate()
        .flat_map(move |(l, locale)| {
            let locale = locale.code.as_str();
            library
                .manifest()
                .pages
                .iter()
                .enumerate()
                .flat_map(move |(p, page)| {
                    page.blocks
                        .iter()
                        .enumerate()
                        .filter_map(move |(b, block)| {
                            let resolved = library.resolve(locale, &block.id, None)?;
                            Some(Entry {
                                address: BlockAddress {
                                    locale: l,
                                    page: p,
                                    block: b,
                                    fallback: resolved.locale != locale,
                                },
                                text: plain_text(&resolved.text).into_string(),
                            })
                        })
                })
        })
}

/// The text around the first match, HTML-escaped, matched words in `<mark>`; and the
/// matched words as written.
fn snippet(
    text: &str,
    terms: &[String],
    prefix: Option<&str>,
    lao_words: &[&str],
) -> (String, Vec<String>) {
    // Words outside Lao are cut at non-letters (cheaper than the dictionary segmenter, and
    // the same cut for them); Lao words are found as substrings, as the index does.
    let folded = fold(text);
    let mut matches: Vec<std::ops::Range<usize>> = Vec::new();
    for (start, word) in plain_words(&folded.text) {
        if terms.contains(&stem(word)) || prefix.is_some_and(|p| word.starts_with(p)) {
            matches.push(folded.original_range(start..start + word.len()));
        }
    }
    for word in lao_words {
        for (at, _) in folded.text.match_indices(word) {
            matches.push(folded.original_range(at..at + word.len()));
        }
    }
    matches.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    matches.dedup_by(|later, earlier| later.start < earlier.end); // keep the first of overlaps
    let first = matches.first().map_or(0, |m| m.start);
    // Cut at spaces where there are some (Lao has them between phrases), else anywhere.
    let mut start = char_boundary_before(text, first.saturating_sub(SNIPPET_BEFORE));
    if start > 0 {
        // After the first space (a no-break or ideographic one is more than a byte).
        if let Some((space, c)) = text[start..first]
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
        {
            start += space + c.len_utf8();
        }
    }
    let mut end = char_boundary_before(text, (first + SNIPPET_AFTER).min(text.len()));
    if end < text.len() {
        let last_match_end = matches
            .iter()
            .map(|m| m.end)
            .filter(|&e| e <= end)
            .max()
            .unwrap_or(first);
        if let Some(space) = text[last_match_end..end].rfind(char::is_whitespace) {
            end = last_match_end + space;
        }
    }
    let mut html = String::new();
    if start > 0 {
        html.push('…');
    }
    let mut at = start;
    for m in matches.iter().filter(|m| m.start >= start && m.end <= end) {
        html.push_str(&escape_html(&text[at..m.start]).to_string());
        html.push_str("<mark>");
        html.push_str(&escape_html(&text[m.clone()]).to_string());
        html.push_str("</mark>");
        at = m.end;
    }
    html.push_str(&escape_html(&text[at..end]).to_string());
    if end < text.len() {
        html.push('…');
    }
    let mut matched: Vec<String> = matches
        .iter()
        .map(|m| text[m.clone()].to_string())
        .collect();
    matched.sort();
    matched.dedup();
    (html, matched)
}

fn char_boundary_before(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Escapes the regex syntax characters, so a typed word is matched literally.
fn escape_regex(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{snippet, BlockAddress};

    /// A no-break space (two bytes) before the match, where the snippet is cut: the cut lands
    /// after it, not inside it (it panicked).
    #[test]
    fn a_snippet_is_cut_after_a_wide_space() {
        for space in ['\u{00A0}', '\u{3000}'] {
            let text = format!("{}{space}{} migration here", "x".repeat(50), "y".repeat(20));
            let (html, matched) = snippet(&text, &["migrat".into()], None, &[]);
            assert_eq!(matched, ["migration"]);
            assert!(html.starts_with("…yyyy"), "{html}");
            assert!(html.contains("<mark>migration</mark>"), "{html}");
        }
    }

    #[test]
    fn block_addresses_round_trip_and_refuse_what_does_not_fit() {
        for (locale, page, block, fallback) in [
            (0, 0, 0, false),
            (1, 9_999, 4, true),
            ((1 << 15) - 1, (1 << 28) - 1, (1 << 20) - 1, true),
        ] {
            let address = BlockAddress {
                locale,
                page,
                block,
                fallback,
            };
            assert_eq!(BlockAddress::decode(address.encode().unwrap()), address);
        }
        let too_many_pages = BlockAddress {
            locale: 0,
            page: 1 << 28,
            block: 0,
            fallback: false,
        };
        assert_eq!(too_many_pages.encode(), None);
    }
}
