//! The search index of an exported site: static files beside the pages, read by the page's
//! JavaScript (`ui/search.js`), which folds and matches as this module does.
//!
//! ```text
//! search/meta.js               locales, page count, bucket count, average block length
//! search/t/<bucket>.js         terms → the documents that hold them
//! search/x/<locale>/<page>.js  a page's blocks as that locale shows them (to verify a
//!                              candidate, cut its snippet, and show the aligned paragraph)
//! ```
//!
//! A document is one page in one locale (`locale index × pages + page index`). Terms: `l` +
//! a pair of Lao characters, `s` + an English stem, `p` + the first three characters of
//! words (the words and their stems: the word being typed is completed). Postings are
//! page-level (a superset: the browser verifies each block against its text, so no position
//! is stored). Terms are spread over buckets by an FNV-1a hash of their code points, so a
//! query loads a few small files, and every bucket exists: a missing file is damage, not
//! "no such word". Each file is a script calling `READER_SEARCH.loaded(path, data)`: the
//! export's CSP has `connect-src 'none'` and `file://` refuses `fetch`, but both run
//! `script-src 'self'`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;
use serde_json::json;

use super::{fold, lao_pairs, plain_words, stem};
use crate::library::Library;

/// The format the page's script reads (`meta.js`'s `format`).
pub const FORMAT: u32 = 1;
/// Words are completed from their first three characters on.
pub const PREFIX_CHARS: usize = 3;
/// Bytes of postings a bucket file holds, about.
const BUCKET_BYTES: usize = 2048;

/// The files of the index: (path under `search/`, contents).
pub fn files(library: &Library) -> Vec<(String, String)> {
    let locales: Vec<&str> = library.locales().iter().map(|l| l.code.as_str()).collect();
    let pages = &library.manifest().pages;
    let source = library.source_locale().as_str();
    let mut postings: HashMap<String, Vec<u32>> = HashMap::new();
    let mut prefixes: BTreeMap<String, BTreeSet<(String, String)>> = BTreeMap::new();
    let mut out = Vec::new();
    let (mut blocks, mut block_units) = (0usize, 0usize);
    // The blocks as the app's index reads them (`search::entries`: locale by locale, page by
    // page), one page's text file and terms at a time.
    let mut found = super::entries(library).peekable();
    for (l, locale) in library.locales().iter().enumerate() {
        for (p, page) in pages.iter().enumerate() {
            let doc = (l * pages.len() + p) as u32;
            let mut terms = BTreeSet::new();
            let mut shown = Vec::new();
            while let Some(entry) = found.next_if(|e| (e.address.locale, e.address.page) == (l, p))
            {
                let folded = fold(&entry.text).text;
                for (pair, _, _) in lao_pairs(&folded) {
                    terms.insert(format!("l{pair}"));
                }
                for (_, word) in plain_words(&folded) {
                    let stemmed = stem(word);
                    terms.insert(format!("s{stemmed}"));
                    let first: String = word.chars().take(PREFIX_CHARS).collect();
                    if first.chars().count() == PREFIX_CHARS {
                        prefixes
                            .entry(format!("p{first}"))
                            .or_default()
                            .insert((word.to_string(), stemmed));
                    }
                }
                blocks += 1;
                block_units += entry.text.encode_utf16().count();
                let id = &page.blocks[entry.address.block].id;
                shown.push(json!([id, entry.text, u8::from(entry.address.fallback)]));
            }
            for term in terms {
                postings.entry(term).or_default().push(doc);
            }
            let path = format!("x/{}/{p}.js", locale.code);
            let data = json!({
                "slug": page.slug,
                "title": library.page_title(&locale.code, page).into_string(),
                "blocks": shown,
            });
            out.push((path.clone(), script(&path, &data)));
        }
    }

    let mut entries: Vec<(String, serde_json::Value)> = postings
        .into_iter()
        .map(|(term, docs)| (term, json!(encode_postings(&docs))))
        .chain(
            prefixes
                .into_iter()
                .map(|(key, words)| (key, json!(words.into_iter().collect::<Vec<_>>()))),
        )
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let total: usize = entries
        .iter()
        .map(|(k, v)| k.len() + v.to_string().len())
        .sum();
    let buckets = (total / BUCKET_BYTES)
        .next_power_of_two()
        .clamp(16, 1 << 16);
    let mut filled: Vec<serde_json::Map<String, serde_json::Value>> =
        vec![serde_json::Map::new(); buckets];
    for (key, value) in entries {
        filled[bucket_of(&key, buckets)].insert(key, value);
    }
    for (n, bucket) in filled.into_iter().enumerate() {
        let path = format!("t/{n}.js");
        out.push((
            path.clone(),
            script(&path, &serde_json::Value::Object(bucket)),
        ));
    }
    let meta = Meta {
        format: FORMAT,
        locales: locales.clone(),
        source,
        pages: pages.len(),
        documents: locales.len() * pages.len(),
        average_block: block_units as f64 / blocks.max(1) as f64,
        buckets,
        prefix: PREFIX_CHARS,
    };
    out.push((
        "meta.js".to_string(),
        script("meta.js", &serde_json::to_value(&meta).expect("plain data")),
    ));
    out
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Meta<'a> {
    format: u32,
    locales: Vec<&'a str>,
    source: &'a str,
    pages: usize,
    documents: usize,
    average_block: f64,
    buckets: usize,
    prefix: usize,
}

fn script(path: &str, data: &serde_json::Value) -> String {
    format!("READER_SEARCH.loaded({}, {data});\n", json!(path))
}

/// The bucket of a term: FNV-1a over its code points (`bucketOf` in `ui/search.js`).
pub fn bucket_of(key: &str, buckets: usize) -> usize {
    let mut hash: u32 = 0x811c_9dc5;
    for c in key.chars() {
        hash ^= c as u32;
        hash = hash.wrapping_mul(16_777_619);
    }
    hash as usize % buckets
}

/// Sorted document numbers as `d` + base64 of varint deltas, or `b` + base64 of a varint
/// offset and a bitmap from it, whichever is shorter.
pub fn encode_postings(docs: &[u32]) -> String {
    use base64::Engine;
    let mut deltas = Vec::new();
    let mut previous = 0;
    for (i, &doc) in docs.iter().enumerate() {
        varint(&mut deltas, if i == 0 { doc } else { doc - previous });
        previous = doc;
    }
    let (first, last) = (
        docs.first().copied().unwrap_or(0),
        docs.last().copied().unwrap_or(0),
    );
    let mut bitmap = Vec::new();
    varint(&mut bitmap, first);
    let start = bitmap.len();
    bitmap.resize(start + ((last - first) / 8 + 1) as usize, 0);
    for &doc in docs {
        let bit = doc - first;
        bitmap[start + (bit / 8) as usize] |= 1 << (bit % 8);
    }
    let engine = base64::engine::general_purpose::STANDARD;
    if bitmap.len() < deltas.len() {
        format!("b{}", engine.encode(bitmap))
    } else {
        format!("d{}", engine.encode(deltas))
    }
}

fn varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_take_the_shorter_form() {
        let sparse = encode_postings(&[3, 900, 20_000]);
        assert!(sparse.starts_with('d'), "{sparse}");
        let dense: Vec<u32> = (100..400).collect();
        let encoded = encode_postings(&dense);
        assert!(encoded.starts_with('b'), "{encoded}");
        assert!(encoded.len() < 60, "{encoded}");
    }

    /// `ui/search.js` clusters text for NFC as the core does, by a table of the code points
    /// whose combining class is not 0: it must be ICU4X's.
    #[test]
    fn the_javascript_search_knows_the_combining_classes() {
        let ccc = icu_normalizer::properties::CanonicalCombiningClassMapBorrowed::new();
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if ccc.get_u8(c) != 0 {
                match ranges.last_mut() {
                    Some((_, end)) if *end + 1 == c as u32 => *end = c as u32,
                    _ => ranges.push((c as u32, c as u32)),
                }
            }
        }
        let mut expected = String::from("  const NON_STARTERS = [\n");
        for line in ranges.chunks(6) {
            let items: Vec<String> = line
                .iter()
                .map(|(a, b)| format!("[0x{a:04X}, 0x{b:04X}]"))
                .collect();
            expected.push_str(&format!("    {},\n", items.join(", ")));
        }
        expected.push_str("  ];\n");
        let js =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../ui/search.js"))
                .unwrap();
        let table = js
            .split("// BEGIN NON_STARTERS\n")
            .nth(1)
            .and_then(|rest| rest.split("  // END NON_STARTERS").next())
            .expect("ui/search.js marks its table");
        assert!(
            table == expected,
            "ui/search.js's table should be:\n{expected}"
        );
    }

    #[test]
    fn buckets_spread_terms() {
        let used: BTreeSet<usize> = ["lກາ", "lານ", "smigrat", "shealth", "piom"]
            .iter()
            .map(|k| bucket_of(k, 16))
            .collect();
        assert!(used.len() >= 3, "{used:?}");
    }
}
