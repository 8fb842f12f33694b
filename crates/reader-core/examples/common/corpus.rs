//! The synthetic corpus of the benchmarks: N pages per locale of ~150 words from
//! vocabularies taken from the shipped content, Lao words joined without spaces inside
//! phrases (as Lao is written). It records which page holds which Lao word: that record, not
//! the segmenter's output, is the ground truth for recall. Deterministic (fixed seed).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use reader_core::search::words;
use reader_core::{ContentSource, Library};

/// A small deterministic generator (xorshift64*), so every run writes the same corpus.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Vocabularies from the shipped content: English words, and Lao words as the dictionary
/// segmenter finds them in the translation (at least two letters; no digits or Latin).
pub fn vocabularies() -> (Vec<String>, Vec<String>) {
    let library = Library::load(ContentSource::Embedded).unwrap();
    let mut english = BTreeSet::new();
    let mut lao = BTreeSet::new();
    for page in &library.manifest().pages {
        for block in &page.blocks {
            for (locale, set) in [("en", &mut english), ("lo", &mut lao)] {
                let text = library.resolve(locale, &block.id, None).unwrap().text;
                let text = reader_core::sanitize::plain_text(&text).into_string();
                for word in words(&text) {
                    let w = &text[word.original];
                    let is_lao = w.chars().all(|c| ('\u{0E80}'..='\u{0EFF}').contains(&c));
                    let is_english = w.chars().all(|c| c.is_ascii_alphabetic());
                    if locale == "lo" && is_lao && w.chars().count() >= 2 {
                        set.insert(w.to_string());
                    } else if locale == "en" && is_english && w.len() >= 3 {
                        set.insert(w.to_lowercase());
                    }
                }
            }
        }
    }
    (english.into_iter().collect(), lao.into_iter().collect())
}

/// Writes the corpus; returns, per Lao word, the pages it was placed on.
pub fn generate(
    dir: &std::path::Path,
    pages: usize,
    english: &[String],
    lao: &[String],
) -> BTreeMap<String, BTreeSet<String>> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut manifest = String::from("format = 1\nversion = 1\ndate = \"2026-01-01\"\n");
    let mut placed: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for locale in ["en", "lo"] {
        std::fs::create_dir_all(dir.join(locale).join("pages/p")).unwrap();
        // The shipped terms: the UI strings use them (a pack of this corpus is checked).
        let terms = reader_core::source::ContentFiles::embedded()
            .get(&format!("{locale}/terms.ftl"))
            .unwrap()
            .to_vec();
        std::fs::write(dir.join(locale).join("terms.ftl"), terms).unwrap();
    }
    for n in 0..pages {
        let slug = format!("p/{n}");
        let prefix = format!("p-{n}");
        let blocks = 5;
        write!(
            manifest,
            "\n[[pages]]\nslug = \"{slug}\"\nsection = \"p/0\"\nblocks = ["
        )
        .unwrap();
        for b in 0..blocks {
            let kind = if b == 0 { "title" } else { "paragraph" };
            write!(manifest, "{{ id = \"{prefix}-{b}\", kind = \"{kind}\" }}, ").unwrap();
        }
        manifest.push_str("]\n");
        let mut en = String::new();
        let mut lo = String::new();
        for b in 0..blocks {
            let count = if b == 0 { 6 } else { 36 };
            let sentence: Vec<&str> = (0..count).map(|_| rng.pick(english).as_str()).collect();
            writeln!(en, "{prefix}-{b} = {}", sentence.join(" ")).unwrap();
            // Lao: phrases of 2–5 words written together, phrases separated by spaces.
            let mut phrases = Vec::new();
            let mut left = count;
            while left > 0 {
                let len = (2 + rng.below(4)).min(left);
                let phrase: String = (0..len)
                    .map(|_| {
                        let word = rng.pick(lao);
                        placed.entry(word.clone()).or_default().insert(slug.clone());
                        word.as_str()
                    })
                    .collect();
                phrases.push(phrase);
                left -= len;
            }
            writeln!(lo, "{prefix}-{b} = {}", phrases.join(" ")).unwrap();
        }
        std::fs::write(dir.join(format!("en/pages/{slug}.ftl")), en).unwrap();
        std::fs::write(dir.join(format!("lo/pages/{slug}.ftl")), lo).unwrap();
    }
    std::fs::write(dir.join("manifest.toml"), manifest).unwrap();
    placed
}
