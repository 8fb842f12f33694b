//! Search benchmark (not a test): a synthetic content directory of N pages per locale,
//! the index build, query latency on one core, and Lao recall.
//!
//! The generator writes ~150 words a page from vocabularies taken from the shipped content,
//! Lao words joined without spaces inside phrases (as Lao is written), and records which
//! page holds which word: that record, not the segmenter's output, is the ground truth.
//!
//! `cargo run --release -p reader-core --example search_bench -- [PAGES] [QUERIES]`

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt::Write as _;
use std::time::Instant;

use reader_core::search::words;
use reader_core::{ContentSource, Library};

/// A small deterministic generator (xorshift64*), so every run writes the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Vocabularies from the shipped content: English words, and Lao words as the dictionary
/// segmenter finds them in the translation (at least two letters; no digits or Latin).
fn vocabularies() -> (Vec<String>, Vec<String>) {
    let library = Library::load(ContentSource::Embedded).unwrap();
    let mut english = BTreeSet::new();
    let mut lao = BTreeSet::new();
    for page in &library.manifest().pages {
        for block in &page.blocks {
            for (locale, set) in [("en", &mut english), ("lo", &mut lao)] {
                let text = library.resolve(locale, &block.id, None).unwrap().text;
                let text = reader_core::sanitize::plain_text(&text);
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
fn generate(
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
        std::fs::write(dir.join(locale).join("terms.ftl"), "-org = IOM\n").unwrap();
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

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let pages: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let queries: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(2_000);
    let (english, lao) = vocabularies();
    println!(
        "vocabulary: {} English words, {} Lao words",
        english.len(),
        lao.len()
    );

    let dir = tempfile::tempdir().unwrap();
    let placed = generate(dir.path(), pages, &english, &lao);
    let started = Instant::now();
    let library = Library::load(ContentSource::Directory(dir.path().into())).unwrap();
    let loaded = started.elapsed();
    let started = Instant::now();
    let index = library.search_index().expect("index builds");
    let built = started.elapsed();
    println!(
        "corpus: {pages} pages per locale, {} blocks indexed; load {:.1} s; index build {:.1} s (one thread); index size {:.1} MB",
        index.len(),
        loaded.as_secs_f64(),
        built.as_secs_f64(),
        index.size_bytes() as f64 / 1e6
    );

    // Distinct sampled queries of each kind, each run once, timed one by one.
    let mut rng = Rng(42);
    let mut kinds: Vec<(&str, Vec<String>)> = vec![
        ("English, one word", Vec::new()),
        ("English, two words", Vec::new()),
        ("English, prefix", Vec::new()),
        ("Lao, one word", Vec::new()),
        ("Lao, two words unspaced", Vec::new()),
        ("Lao, prefix", Vec::new()),
    ];
    for _ in 0..queries / kinds.len() {
        let e1 = rng.pick(&english).clone();
        let e2 = rng.pick(&english).clone();
        let l1 = rng.pick(&lao).clone();
        let l2 = rng.pick(&lao).clone();
        let e_prefix: String = e1.chars().take(4).collect();
        let l_prefix: String = l1.chars().take(3).collect();
        kinds[0].1.push(format!("{e1} "));
        kinds[1].1.push(format!("{e1} {e2} "));
        kinds[2].1.push(e_prefix);
        kinds[3].1.push(format!("{l1} "));
        kinds[4].1.push(format!("{l1}{l2} "));
        kinds[5].1.push(l_prefix);
    }
    let mut all = Vec::new();
    for (kind, list) in &kinds {
        let mut times = Vec::new();
        for q in list {
            let t = Instant::now();
            let hits = library.search(q, "lo", 20);
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            std::hint::black_box(hits);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{kind:<26} {:>5} queries  p50 {:.2} ms  p95 {:.2} ms",
            times.len(),
            percentile(&times, 0.5),
            percentile(&times, 0.95)
        );
        all.extend(times);
    }
    all.sort_by(f64::total_cmp);
    println!(
        "{:<26} {:>5} queries  p50 {:.2} ms  p95 {:.2} ms",
        "all",
        all.len(),
        percentile(&all, 0.5),
        percentile(&all, 0.95)
    );

    // Lao recall: of the pages the generator put a word on, the share search returns.
    let sample: Vec<&String> = {
        let mut seen = HashSet::new();
        (0..200)
            .map(|_| rng.pick(&lao))
            .filter(|w| seen.insert(*w))
            .collect()
    };
    let (mut expected, mut found) = (0usize, 0usize);
    let mut worst: Vec<(f64, &str)> = Vec::new();
    for word in &sample {
        let truth = &placed[*word];
        let hits = library.search(&format!("{word} "), "lo", 1_000_000);
        let pages: BTreeSet<&str> = hits
            .iter()
            .filter(|h| h.locale == "lo")
            .map(|h| h.slug.as_str())
            .collect();
        let got = truth.iter().filter(|p| pages.contains(p.as_str())).count();
        expected += truth.len();
        found += got;
        worst.push((got as f64 / truth.len() as f64, word.as_str()));
    }
    worst.sort_by(|a, b| a.0.total_cmp(&b.0));
    println!(
        "Lao recall: {:.2}% ({found} of {expected} word-pages, {} sampled words)",
        100.0 * found as f64 / expected as f64,
        sample.len()
    );
    let misses: Vec<String> = worst
        .iter()
        .take_while(|(r, _)| *r < 1.0)
        .map(|(r, w)| format!("{w} {:.0}%", r * 100.0))
        .collect();
    println!(
        "words below 100%: {}",
        if misses.is_empty() {
            "none".to_string()
        } else {
            misses.join(", ")
        }
    );
}
