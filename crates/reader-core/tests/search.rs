//! Search over the shipped content (and content made for a case), through the public API.

use reader_core::search::{SearchHit, Searcher};
use reader_core::{ContentSource, Library};

/// Content and its search index; searches name the reading locale by its code.
struct Searchable(Searcher);

impl Searchable {
    fn search(&self, query: &str, reading: &str, limit: usize) -> Vec<SearchHit> {
        let reading = self.0.library().locale(reading).unwrap();
        self.0.search(query, &reading, limit)
    }
}

fn searchable(library: Library) -> Searchable {
    Searchable(Searcher::new(library.into()))
}

fn shipped() -> Searchable {
    searchable(Library::load(ContentSource::Embedded).unwrap())
}

fn ids(hits: &[reader_core::search::SearchHit]) -> Vec<(&str, &str)> {
    hits.iter()
        .map(|h| (h.locale.as_str(), h.id.as_str()))
        .collect()
}

#[test]
fn english_words_with_stemming_and_case_folding() {
    let library = shipped();
    let hits = library.search("migration health ", "en", 20);
    assert!(ids(&hits).contains(&("en", "our-work-area-6")), "{hits:?}");
    assert!(hits.iter().all(|h| h.locale == "en"));
    // Stemming: "ministries" finds "ministry"-forms; case does not matter.
    assert!(!library.search("MINISTRIES ", "en", 5).is_empty());
    let hit = &library.search("Tuladhar ", "en", 5)[0];
    assert!(
        hit.snippet_html.contains("<mark>Tuladhar</mark>"),
        "{}",
        hit.snippet_html
    );
    assert_eq!(hit.matched, ["Tuladhar"]);
}

#[test]
fn lao_words_are_found_inside_unspaced_text() {
    let library = shipped();
    // ເຄື່ອນຍ້າຍ (migrate) appears only inside longer runs of Lao written without spaces.
    let hits = library.search("ເຄື່ອນຍ້າຍ ", "lo", 50);
    assert!(hits.len() >= 5, "{hits:?}");
    assert!(hits.iter().all(|h| h.locale == "lo"));
    assert!(
        hits[0].snippet_html.contains("<mark>ເຄື່ອນຍ້າຍ</mark>"),
        "{}",
        hits[0].snippet_html
    );
    // Two Lao words typed together, no space: both must match.
    let hits = library.search("ສຸຂະພາບການເຄື່ອນຍ້າຍ ", "lo", 10);
    assert!(ids(&hits).contains(&("lo", "our-work-area-6")), "{hits:?}");
}

#[test]
fn lao_spelling_variants_find_each_other() {
    let library = shipped();
    let reference = ids(&library.search("ໃໝ່ ", "lo", 50)).len();
    assert!(reference > 0);
    for variant in ["ໃຫມ່ ", "ໃ\u{200B}ໝ່ "] {
        assert_eq!(
            ids(&library.search(variant, "lo", 50)).len(),
            reference,
            "{variant:?}"
        );
    }
    // ຳ typed as ໍ + າ
    let am = library.search("ສຳຄັນ ", "lo", 50);
    assert!(!am.is_empty());
    assert_eq!(ids(&library.search("ສໍາຄັນ ", "lo", 50)), ids(&am));
    // Lao digits
    assert_eq!(
        ids(&library.search("໒໐໒໖ ", "lo", 50)),
        ids(&library.search("2026 ", "lo", 50))
    );
}

#[test]
fn tone_marks_are_never_dropped() {
    let library = shipped();
    // ຂ່າວ (news, here in ຂ່າວສານ) is in the content; ຂ້າວ (rice) and ຂາວ (white) are not.
    let news = library.search("ຂ່າວ", "lo", 5);
    assert!(!news.is_empty());
    assert!(
        news.iter()
            .flat_map(|h| &h.matched)
            .all(|w| w.starts_with("ຂ່າວ")),
        "{news:?}"
    );
    assert!(library.search("ຂ້າວ", "lo", 5).is_empty());
    assert!(library.search("ຂາວ", "lo", 5).is_empty());
}

#[test]
fn prefix_of_the_word_being_typed() {
    let library = shipped();
    let typed = library.search("Tulad", "en", 5);
    assert!(!typed.is_empty());
    assert!(typed[0].snippet_html.contains("<mark>Tuladhar</mark>"));
    // A finished word is not a prefix: "Tulad " matches nothing.
    assert!(library.search("Tulad ", "en", 5).is_empty());
    // A Lao leading vowel typed alone is not a word yet.
    assert!(library.search("ເ", "lo", 5).is_empty());
    assert!(!library.search("ເຄື່ອ", "lo", 5).is_empty());
    // Prefixes of an English word still match its stemmed forms ("assistan…" → assistance).
    assert!(!library.search("assistan", "en", 5).is_empty());
}

#[test]
fn queries_in_either_language_search_both() {
    let library = shipped();
    // An English name, searched by a Lao reader: Lao blocks first (they hold the Latin name).
    let hits = library.search("Motus ", "lo", 20);
    assert!(!hits.is_empty());
    assert_eq!(hits[0].locale, "lo");
    // An English word in a Lao reader's search: the English block, with its Lao counterpart.
    let hits = library.search("remittances ", "lo", 20);
    let hit = hits
        .iter()
        .find(|h| h.locale == "en")
        .expect("an English hit");
    let aligned = hit
        .aligned
        .as_ref()
        .expect("the Lao block of the same message");
    assert_eq!(aligned.locale, "lo");
    assert_eq!(hit.id, "news-country-strategy-p7");
    assert!(aligned.text.starts_with("ໃນຂະນະທີ່ ສປປ ລາວ"), "{aligned:?}");
    // And the other way: a Lao word in an English reader's search.
    let hits = library.search("ຍຸດທະສາດ ", "en", 20);
    assert!(hits
        .iter()
        .all(|h| h.locale == "lo" && h.aligned.as_ref().is_some_and(|a| a.locale == "en")));
}

#[test]
fn empty_queries_show_nothing() {
    let library = shipped();
    for query in ["", " ", "\n\t", "...", "—", "!!!"] {
        assert!(library.search(query, "en", 10).is_empty(), "{query:?}");
    }
}

#[test]
fn hostile_queries_never_error_or_panic() {
    let library = shipped();
    let long = "ການເຄື່ອນຍ້າຍ migration ".repeat(500); // ~10 KB
    let queries = [
        "\"",
        "\"migration",
        ":",
        "text:migration",
        "AND",
        "migration AND health",
        "OR NOT",
        "*",
        "migr*",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "((migration",
        "a]b[c",
        "\\",
        "^$.|?+",
        "\u{0}",
        "\u{1b}[31m",
        "\u{7f}",
        "\u{0ECB}",
        "\u{0EC8}\u{0EC9}",
        "\u{0EB4}",
        "\u{0301}",
        "IOM ອົງການ",
        "ກ1a",
        "\u{FEFF}",
        "\u{202E}migration",
        long.as_str(),
    ];
    for query in queries {
        for reading in ["en", "lo"] {
            let hits = library.search(query, reading, 10);
            for hit in hits {
                assert!(!hit.snippet_html.contains("<script"), "{query:?}");
            }
        }
    }
    // Markup in a query is text, and a snippet escapes the block's text.
    assert!(library
        .search("<script>", "en", 10)
        .iter()
        .all(|h| !h.snippet_html.contains("<script>")));
}
