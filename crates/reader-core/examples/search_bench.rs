//! Search benchmark (not a test): a synthetic content directory of N pages per locale,
//! the index build, query latency on one core, and Lao recall.
//!
//! The corpus: `common/corpus.rs`.
//!
//! `cargo run --release -p reader-core --example search_bench -- [PAGES] [QUERIES]`

#[path = "common/corpus.rs"]
mod corpus;

use std::collections::{BTreeSet, HashSet};
use std::time::Instant;

use corpus::{generate, vocabularies, Rng};
use reader_core::search::{IndexCache, IndexOrigin, Searcher};
use reader_core::{ContentSource, Library};

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
    let lo = library.locale("lo").unwrap();
    // Built into a cache folder as the app builds it, then opened from there by a second
    // searcher, as the next start does: the queries below run on the opened, mapped index.
    let cache = tempfile::tempdir().unwrap();
    let library = std::sync::Arc::new(library);
    let building = Searcher::with_cache(library.clone(), Some(IndexCache::new(cache.path())));
    let started = Instant::now();
    building.prepare().expect("index builds");
    let built = started.elapsed();
    drop(building);
    let library = Searcher::with_cache(library, Some(IndexCache::new(cache.path())));
    let started = Instant::now();
    let index = library.prepare().expect("index opens");
    let opened = started.elapsed();
    assert_eq!(library.origin(), Some(IndexOrigin::Opened));
    println!(
        "corpus: {pages} pages per locale, {} blocks indexed; load {:.1} s; index build {:.1} s (one thread, to disk); opened with checksums {:.1} ms; index size {:.1} MB",
        index.len(),
        loaded.as_secs_f64(),
        built.as_secs_f64(),
        opened.as_secs_f64() * 1000.0,
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
            let hits = library.search(q, &lo, 20);
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
        let hits = library.search(&format!("{word} "), &lo, 1_000_000);
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
