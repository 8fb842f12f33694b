//! Bilingual full-text search over the resolved messages of every locale (tantivy, in
//! memory), with a Lao-aware tokenizer. Queries are built in code, never parsed, so no
//! input is a syntax error.

mod fold;
mod tokenizer;

pub use fold::{fold, Folded};
pub use tokenizer::{lao_pairs, words, LaoEnglishTokenizer, LaoPairTokenizer, Word};

use std::collections::HashSet;
use std::sync::{Arc, OnceLock};

use serde::Serialize;
use std::collections::HashMap;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, RegexQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST};
use tantivy::tokenizer::{Language, Stemmer, TextAnalyzer};
use tantivy::{collector::TopDocs, Index, IndexReader, TantivyDocument, Term};

use crate::library::Library;
use crate::locale::Locale;
use crate::sanitize::{escape_html, plain_text};

/// Longer queries are cut here: nobody types more, and a pasted page must stay cheap.
const MAX_QUERY_CHARS: usize = 200;
const SNIPPET_BEFORE: usize = 60;
const SNIPPET_AFTER: usize = 140;
/// Lao vowels written before their consonant: typed alone, they are not a word yet.
const LEADING_VOWELS: [char; 5] = ['ເ', 'ແ', 'ໂ', 'ໃ', 'ໄ'];

/// One indexed block: a message as a locale shows it.
#[derive(Debug, Clone)]
struct Entry {
    locale: String,
    slug: String,
    id: String,
    text: String,
    /// The locale shows another locale's text here.
    fallback: bool,
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

/// A library with its search index, built on the first search. Whoever serves searches (the
/// app, `serve`, `reader search`) holds one for the library it shows: the index belongs
/// with the content it was built from, and the library knows nothing of search.
pub struct Searcher {
    library: Arc<Library>,
    index: OnceLock<Option<SearchIndex>>,
}

impl Searcher {
    pub fn new(library: Arc<Library>) -> Self {
        Self {
            library,
            index: OnceLock::new(),
        }
    }

    pub fn library(&self) -> &Arc<Library> {
        &self.library
    }

    /// The index, built on first use (a failure is logged and searches then find nothing).
    pub fn index(&self) -> Option<&SearchIndex> {
        self.index
            .get_or_init(|| match SearchIndex::build(&self.library) {
                Ok(index) => Some(index),
                Err(e) => {
                    log::error!("search index: {e}");
                    None
                }
            })
            .as_ref()
    }

    /// Blocks matching `query` in any locale, the `reading` locale's first (see
    /// [`SearchIndex::search`]).
    pub fn search(&self, query: &str, reading: &Locale, limit: usize) -> Vec<SearchHit> {
        self.index()
            .map(|index| index.search(&self.library, query, reading, limit))
            .unwrap_or_default()
    }
}

pub struct SearchIndex {
    reader: IndexReader,
    text: tantivy::schema::Field,
    raw: tantivy::schema::Field,
    pairs: tantivy::schema::Field,
    entries: Vec<Entry>,
    /// Page titles by (locale, slug), as the reader shows them.
    titles: HashMap<(String, String), String>,
    stemmed: TextAnalyzer,
}

fn stemmed_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(LaoEnglishTokenizer)
        .filter(Stemmer::new(Language::English))
        .build()
}

impl SearchIndex {
    /// Indexes every block of every page in every locale, as the reader shows it.
    pub fn build(library: &Library) -> tantivy::Result<Self> {
        let mut schema = Schema::builder();
        let options = |tokenizer: &str| {
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(tokenizer)
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            )
        };
        // `text`: stemmed words, for whole words; `raw`: unstemmed, for the word being typed.
        let text = schema.add_text_field("text", options("reader-stemmed"));
        let raw = schema.add_text_field("raw", options("reader-raw"));
        // `pairs`: Lao as overlapping character pairs, to find a word inside unspaced text.
        let pairs = schema.add_text_field("pairs", options("reader-lao-pairs"));
        let key = schema.add_u64_field("key", FAST);
        let index = Index::create_in_ram(schema.build());
        index
            .tokenizers()
            .register("reader-stemmed", stemmed_analyzer());
        index.tokenizers().register(
            "reader-raw",
            TextAnalyzer::builder(LaoEnglishTokenizer).build(),
        );
        index.tokenizers().register(
            "reader-lao-pairs",
            TextAnalyzer::builder(LaoPairTokenizer).build(),
        );

        let entries = collect_entries(library);
        // tantivy's smallest arena: the index is built once, and memory matters more here.
        let mut writer = index.writer_with_num_threads(1, 15_000_000)?;
        for (n, entry) in entries.iter().enumerate() {
            let mut doc = TantivyDocument::default();
            doc.add_text(text, &entry.text);
            doc.add_text(raw, &entry.text);
            doc.add_text(pairs, &entry.text);
            doc.add_u64(key, n as u64);
            writer.add_document(doc)?;
        }
        writer.commit()?;
        let reader = index.reader()?;
        let titles = library
            .locales()
            .iter()
            .flat_map(|locale| {
                library.manifest().pages.iter().map(move |page| {
                    let title = library.page_title(&locale.code, page).into_string();
                    ((locale.code.to_string(), page.slug.clone()), title)
                })
            })
            .collect();
        Ok(Self {
            reader,
            text,
            raw,
            pairs,
            entries,
            titles,
            stemmed: stemmed_analyzer(),
        })
    }

    /// Bytes the index takes (all segments, all fields).
    pub fn size_bytes(&self) -> u64 {
        self.reader
            .searcher()
            .space_usage()
            .map(|usage| usage.total().get_bytes())
            .unwrap_or(0)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
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
        let stemmed: Vec<String> = words.iter().map(|w| self.stem(&w.folded)).collect();
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
                Term::from_field_text(self.text, term),
                IndexRecordOption::WithFreqs,
            ));
            let mut alternatives = vec![whole];
            if let (Some(prefix), true) = (&prefix, i == last) {
                if let Ok(started) =
                    RegexQuery::from_pattern(&format!("{}.*", escape_regex(prefix)), self.raw)
                {
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

        let mut seen = HashSet::new();
        let mut hits: Vec<SearchHit> = Vec::new();
        let keys: Vec<_> = searcher
            .segment_readers()
            .iter()
            .map(|segment| segment.fast_fields().u64("key").ok())
            .collect();
        let mut ordered: Vec<(f32, &Entry)> = found
            .into_iter()
            .filter_map(|(score, address)| {
                let column = keys.get(address.segment_ord as usize)?.as_ref()?;
                let n = column.first(address.doc_id)? as usize;
                Some((score, self.entries.get(n)?))
            })
            .collect();
        // The reading locale first; a fallback copy of another locale's text last.
        ordered.sort_by(|a, b| {
            let rank = |e: &Entry| (e.locale != reading, e.fallback);
            rank(a.1).cmp(&rank(b.1)).then(b.0.total_cmp(&a.0))
        });
        for (score, entry) in ordered {
            if !seen.insert((&entry.slug, &entry.id)) {
                continue; // the same block already found in a better locale
            }
            let lao_words: Vec<&str> = words
                .iter()
                .map(|w| w.folded.as_str())
                .filter(|w| self.lao_phrase(w).is_some())
                .collect();
            let (snippet_html, matched) =
                snippet(&entry.text, &stemmed, prefix.as_deref(), &lao_words, |w| {
                    self.stem(w)
                });
            hits.push(SearchHit {
                locale: entry.locale.clone(),
                slug: entry.slug.clone(),
                id: entry.id.clone(),
                page_title: self.title(&entry.locale, &entry.slug),
                snippet_html,
                matched,
                fallback: entry.fallback,
                aligned: (entry.locale != reading)
                    .then(|| self.aligned_block(library, reading, &entry.slug, &entry.id))
                    .flatten(),
                score,
            });
            if hits.len() == limit {
                break;
            }
        }
        hits
    }

    fn title(&self, locale: &str, slug: &str) -> String {
        self.titles
            .get(&(locale.to_string(), slug.to_string()))
            .cloned()
            .unwrap_or_default()
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
            page_title: self.title(reading, slug),
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
            .map(|(pair, _, _)| Term::from_field_text(self.pairs, &pair))
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

    fn stem(&self, word: &str) -> String {
        let mut analyzer = self.stemmed.clone();
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
    }
}

fn collect_entries(library: &Library) -> Vec<Entry> {
    let mut entries = Vec::new();
    for locale in library.locales() {
        let locale = locale.code.as_str();
        for page in &library.manifest().pages {
            for block in &page.blocks {
                let Some(resolved) = library.resolve(locale, &block.id, None) else {
                    continue;
                };
                entries.push(Entry {
                    fallback: resolved.locale != locale,
                    text: plain_text(&resolved.text).into_string(),
                    locale: locale.to_string(),
                    slug: page.slug.clone(),
                    id: block.id.clone(),
                });
            }
        }
    }
    entries
}

/// The text around the first match, HTML-escaped, matched words in `<mark>`; and the
/// matched words as written.
fn snippet(
    text: &str,
    terms: &[String],
    prefix: Option<&str>,
    lao_words: &[&str],
    stem: impl Fn(&str) -> String,
) -> (String, Vec<String>) {
    // Words outside Lao are cut at non-letters (cheaper than the dictionary segmenter, and
    // the same cut for them); Lao words are found as substrings, as the index does.
    let folded = fold(text);
    let mut matches: Vec<std::ops::Range<usize>> = Vec::new();
    let mut run_start = None;
    for (at, c) in folded
        .text
        .char_indices()
        .chain(std::iter::once((folded.text.len(), ' ')))
    {
        let in_word = (c.is_alphanumeric() || c == '\'') && !('\u{0E80}'..='\u{0EFF}').contains(&c);
        match (in_word, run_start) {
            (true, None) => run_start = Some(at),
            (false, Some(start)) => {
                let word = folded.text[start..at].trim_matches('\'');
                if !word.is_empty()
                    && (terms.contains(&stem(word)) || prefix.is_some_and(|p| word.starts_with(p)))
                {
                    matches.push(folded.original_range(start..start + word.len()));
                }
                run_start = None;
            }
            _ => {}
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
        if let Some(space) = text[start..first].find(char::is_whitespace) {
            start += space + 1;
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
