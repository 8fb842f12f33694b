//! Writes the benchmarks' synthetic corpus as a content directory (for `reader serve`,
//! `reader export` and the web benchmark script).
//!
//! `cargo run --release -p reader-core --example corpus -- DIR [PAGES] [TRUTH]`: TRUTH, if
//! given, receives the ground truth of recall as JSON (each Lao word: the pages it was
//! placed on).

#[path = "common/corpus.rs"]
mod corpus;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("usage: corpus DIR [PAGES]"));
    let pages: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let (english, lao) = corpus::vocabularies();
    std::fs::create_dir_all(&dir).unwrap();
    let placed = corpus::generate(&dir, pages, &english, &lao);
    if let Some(truth) = args.next() {
        std::fs::write(truth, serde_json::to_string(&placed).unwrap()).unwrap();
    }
    println!("{pages} pages per locale written to {}", dir.display());
}
