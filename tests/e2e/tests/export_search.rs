//! Search in the exported site (`ui/search.js` over the static index of `reader export`), in
//! a real Chromium: the JavaScript folds, pairs, cuts and stems exactly as the core does (the
//! same thousands of strings through both); its hits on the shipped content are the app's
//! (`reader serve`'s `/api/search`, the core's search); and the box works over HTTP from a
//! plain static web server and from the file system, with hostile queries and damaged index
//! files.

use std::path::Path;
use std::process::{Child, Command, Stdio};

use reader_core::search::{fold, lao_pairs, plain_words, stem};
use reader_e2e::web::{export, Browser, Served};
use reader_e2e::{free_port, wait_for};
use serde_json::{json, Value};

/// A plain static web server (Python's) over the exported site, stopped when dropped.
struct StaticServer {
    child: Child,
    base: String,
}

impl StaticServer {
    async fn start(dir: &Path) -> Self {
        let port = free_port();
        let child = Command::new("python3")
            .args([
                "-m",
                "http.server",
                "--bind",
                "127.0.0.1",
                &port.to_string(),
            ])
            .arg("--directory")
            .arg(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 serves the export");
        wait_for("the static server", 100, || async {
            std::net::TcpStream::connect(("127.0.0.1", port))
                .ok()
                .map(|_| ())
        })
        .await;
        Self {
            child,
            base: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Loads `ui/search.js` into the exported page shown (as app.js does on the first search).
const LOAD_ENGINE: &str = "
  const root = JSON.parse(document.getElementById('reader-config').textContent).root;
  const ready = window.READER_SEARCH ? Promise.resolve() : new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = root + 'ui/search.js'; s.onload = resolve; s.onerror = reject;
    document.head.append(s);
  });
  const engine = ready.then(() => { READER_SEARCH.setRoot(root); return READER_SEARCH; });";

async fn engine_call(browser: &Browser, body: &str, args: Vec<Value>) -> Value {
    let script = format!(
        "const done = arguments[arguments.length - 1]; const args = [...arguments].slice(0, -1);
         {LOAD_ENGINE}
         engine.then((engine) => {body}).then(done, (e) => done({{ error: String(e) }}));"
    );
    browser.client.execute_async(&script, args).await.unwrap()
}

async fn exported_hits(browser: &Browser, query: &str, locale: &str) -> Vec<Value> {
    let hits = engine_call(
        browser,
        "engine.search(args[0], args[1], 20)",
        vec![json!(query), json!(locale)],
    )
    .await;
    hits.as_array()
        .unwrap_or_else(|| panic!("{query}: {hits}"))
        .clone()
}

/// A deterministic stream of numbers (no test depends on a random seed it does not print).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % below as u64) as usize
    }
}

/// Every spelling variant of `../shared/lao.md`, minimal pairs, and thousands of random
/// strings of Lao (with the marks in every order), zero-width characters, digits, accented
/// and decomposed Latin, other scripts.
fn conformance_strings() -> Vec<String> {
    let mut strings: Vec<String> = [
        "ໜ້າ",
        "ຫນ້າ",
        "ໃໝ່",
        "ໃຫມ່",
        "ນຳ",
        "ນໍາ",
        "ນ້ຳ",
        "ນ\u{0ECD}\u{0EC9}\u{0EB2}",
        "ເພື່ອ",
        "ເພ\u{0EC8}\u{0EB7}ອ",
        "ຫຼາຍ",
        "ຫລາຍ",
        "ການ\u{200B}ເຄື່ອນຍ້າຍ",
        "໒໐໒໒",
        "ຂ່າວ",
        "ຂ້າວ",
        "ຂາວ",
        "Migration HEALTH",
        "Cafe\u{0301}",
        "ΣΟΦΙΑ",
        "İstanbul",
        "ǅ",
        "ﬀ",
        "soft\u{00AD}hyphen",
        "a\u{200C}b",
        "ສປປ ລາວ",
        "ອົງການ IOM",
        "IOM's",
        "e-mail",
        "3.5",
        "ນະຄອນຫຼວງວຽງຈັນ",
        "\u{0E81}\u{0EB8}\u{0EC8}",
        "\u{0E81}\u{0EC8}\u{0EB8}",
        "\u{1100}\u{1161}",
        "\u{0B47}\u{0B3E}",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut pool: Vec<char> = ('\u{0E81}'..='\u{0EDF}').collect();
    pool.extend([
        '\u{200B}', '\u{200C}', '\u{00AD}', ' ', ' ', 'a', 'Z', 'é', '\u{0301}', '\u{0308}', '1',
        '\'', '-', '.', 'Σ', 'İ', 'ß', '\u{00A0}', 'ก', '\u{0E48}',
    ]);
    let mut rng = Lcg(2026);
    for _ in 0..3000 {
        let len = 1 + rng.next(24);
        strings.push((0..len).map(|_| pool[rng.next(pool.len())]).collect());
    }
    strings
}

/// English words for the stemmer: the shipped content's, and random words ending in every
/// suffix the algorithm knows.
fn stemmer_words() -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for entry in walk(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../locales"
    ))) {
        let text = std::fs::read_to_string(entry).unwrap_or_default();
        let folded = fold(&text).text;
        words.extend(plain_words(&folded).into_iter().map(|(_, w)| w.to_string()));
    }
    words.extend(
        [
            "generate",
            "generously",
            "communication",
            "arsenal",
            "skis",
            "skies",
            "dying",
            "news",
            "running",
            "hopping",
            "hoped",
            "agreed",
            "feed",
            "happily",
            "relational",
            "conditional",
            "rational",
            "valency",
            "hesitancy",
            "digitizer",
            "conformably",
            "radically",
            "differently",
            "vilely",
            "analogously",
            "vietnamization",
            "predication",
            "operator",
            "feudalism",
            "decisiveness",
            "hopefulness",
            "callousness",
            "formality",
            "sensitivity",
            "sensibility",
            "triplicate",
            "formative",
            "formalize",
            "electricity",
            "electrical",
            "hopeful",
            "goodness",
            "revival",
            "allowance",
            "inference",
            "airliner",
            "gyroscopic",
            "adjustable",
            "defensible",
            "irritant",
            "replacement",
            "adjustment",
            "dependent",
            "adoption",
            "homologou",
            "communism",
            "activate",
            "angulariti",
            "homologous",
            "effective",
            "bowdlerize",
            "probate",
            "rate",
            "cease",
            "controll",
            "roll",
            "cried",
            "ties",
            "gas",
            "gaps",
            "kiwis",
            "inning",
            "proceed",
            "succeeding",
            "'tis",
            "y'all",
            "yelling",
            "sayings",
            "eying",
            "cry",
            "by",
            "say",
            "fluently",
            "ugly",
            "early",
            "only",
            "singly",
            "idly",
            "gently",
            "lying",
            "tying",
            "howe",
            "atlas",
            "cosmos",
            "bias",
            "andes",
            "consign",
            "consigned",
            "consigning",
            "consignment",
            "knack",
            "knackeries",
            "kneeling",
            "knightly",
            "knitting",
            "migrants",
            "migration",
            "migrate",
            "strategies",
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    let suffixes = [
        "", "s", "es", "ies", "ied", "ed", "ing", "ingly", "edly", "eed", "eedly", "ly", "y",
        "ational", "tional", "enci", "anci", "izer", "ization", "ation", "ator", "alism", "aliti",
        "alli", "fulness", "ousli", "ousness", "iveness", "iviti", "biliti", "bli", "ogi", "fulli",
        "lessli", "li", "alize", "icate", "iciti", "ical", "ful", "ness", "ative", "al", "ance",
        "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti",
        "ous", "ive", "ize", "ion", "sion", "tion", "e", "le", "ll", "'s", "'", "at", "bl", "iz",
    ];
    let letters: Vec<char> = "abcdeefghiijklmnoopqrsstuuvwxyyz".chars().collect();
    let mut rng = Lcg(15);
    for _ in 0..4000 {
        let stem_len = 1 + rng.next(7);
        let mut word: String = (0..stem_len)
            .map(|_| letters[rng.next(letters.len())])
            .collect();
        word.push_str(suffixes[rng.next(suffixes.len())]);
        words.push(word);
    }
    words.sort();
    words.dedup();
    words
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else if path.extension().is_some_and(|e| e == "ftl") {
            out.push(path);
        }
    }
    out
}

/// Where Rust and JavaScript differ, as "input: rust ≠ js" lines.
fn differences(inputs: &[String], rust: &[Value], js: &Value) -> Vec<String> {
    let js = js.as_array().unwrap_or_else(|| panic!("{js}"));
    assert_eq!(js.len(), rust.len());
    inputs
        .iter()
        .zip(rust.iter().zip(js))
        .filter(|(_, (r, j))| r != j)
        .map(|(input, (r, j))| format!("{input:?}: {r} ≠ {j}"))
        .collect()
}

#[tokio::test]
async fn the_javascript_folds_pairs_cuts_and_stems_as_the_core() {
    let dir = export();
    let site = dir.path().join("site");
    let browser = Browser::start("en").await;
    browser
        .goto(&format!("file://{}/en/home.html", site.display()))
        .await;

    let strings = conformance_strings();
    let folded: Vec<Value> = strings.iter().map(|s| json!(fold(s).text)).collect();
    let js = engine_call(&browser, "args[0].map(engine.fold)", vec![json!(strings)]).await;
    let wrong = differences(&strings, &folded, &js);
    assert!(wrong.is_empty(), "folding differs:\n{}", wrong.join("\n"));

    let pairs: Vec<Value> = strings
        .iter()
        .map(|s| {
            let f = fold(s).text;
            json!(lao_pairs(&f)
                .into_iter()
                .map(|(p, _, _)| p)
                .collect::<Vec<_>>())
        })
        .collect();
    let js = engine_call(
        &browser,
        "args[0].map((s) => engine.laoPairs(engine.fold(s)))",
        vec![json!(strings)],
    )
    .await;
    let wrong = differences(&strings, &pairs, &js);
    assert!(wrong.is_empty(), "pairs differ:\n{}", wrong.join("\n"));

    let words: Vec<Value> = strings
        .iter()
        .map(|s| {
            let f = fold(s).text;
            json!(plain_words(&f)
                .into_iter()
                .map(|(_, w)| w)
                .collect::<Vec<_>>())
        })
        .collect();
    let js = engine_call(
        &browser,
        "args[0].map(engine.plainWords)",
        vec![json!(strings)],
    )
    .await;
    let wrong = differences(&strings, &words, &js);
    assert!(wrong.is_empty(), "words differ:\n{}", wrong.join("\n"));

    // The query's words in the order typed, the last one completed: a word typed last that
    // also stands inside an earlier one ("mig" in "migration") is still the last.
    let words = engine_call(
        &browser,
        "engine.queryWords(args[0]).map((w) => [w.text, !!w.prefix])",
        vec![json!("in migration ສຸຂະພາບ mig")],
    )
    .await;
    assert_eq!(
        words,
        json!([
            ["in", false],
            ["migration", false],
            ["ສຸຂະພາບ", false],
            ["mig", true]
        ])
    );

    let english = stemmer_words();
    assert!(english.len() > 3000, "{}", english.len());
    let stems: Vec<Value> = english.iter().map(|w| json!(stem(w))).collect();
    let js = engine_call(&browser, "args[0].map(engine.stem)", vec![json!(english)]).await;
    let wrong = differences(&english, &stems, &js);
    assert!(wrong.is_empty(), "stems differ:\n{}", wrong.join("\n"));
    browser.quit().await;
}

/// Queries on the shipped content: Lao words inside longer runs, English stems and the word
/// being typed, spelling variants, a tone-mark minimal pair, both reading languages.
const QUERIES: [&str; 14] = [
    "ສຸຂະພາບ",
    "ຍຸດທະສາດ",
    "ເຄື່ອນຍ້າຍ",
    "ລັດຖະບານ",
    "ຂ່າວ",
    "ຂ້າວ",
    "ໃໝ່",
    "ໃຫມ່",
    "ຫລວງ",
    "migration ",
    "migrants ",
    "strateg",
    "health ",
    "IOM ",
];

fn key(hit: &Value) -> (String, String, String) {
    let field = |name: &str| hit[name].as_str().unwrap_or_default().to_string();
    (field("locale"), field("slug"), field("id"))
}

#[tokio::test]
async fn exported_hits_are_the_apps_over_http_and_from_files() {
    let dir = export();
    let site = dir.path().join("site");
    let served = Served::start();
    let web = StaticServer::start(&site).await;
    let browser = Browser::start("en").await;

    // The app's answers (the core's search, as `serve` gives them).
    browser.goto(&format!("{}/en/home", served.base)).await;
    let mut expected = Vec::new();
    for locale in ["en", "lo"] {
        for query in QUERIES {
            let hits = browser
                .client
                .execute_async(
                    "const [q, l, done] = arguments; fetch(`/api/search?q=${encodeURIComponent(q)}&lang=${l}`).then(r => r.json()).then(done)",
                    vec![json!(query), json!(locale)],
                )
                .await
                .unwrap();
            expected.push((locale, query, hits.as_array().unwrap().clone()));
        }
    }
    for base in [web.base.clone(), format!("file://{}", site.display())] {
        browser.goto(&format!("{base}/en/home.html")).await;
        for (locale, query, app) in &expected {
            let exported = exported_hits(&browser, query, locale).await;
            let mut want: Vec<_> = app.iter().map(key).collect();
            let mut got: Vec<_> = exported.iter().map(key).collect();
            want.sort();
            got.sort();
            assert_eq!(got, want, "{base}: {query:?} read in {locale}");
            for hit in &exported {
                let same = app.iter().find(|a| key(a) == key(hit)).unwrap();
                for field in ["snippet_html", "matched", "page_title", "fallback"] {
                    assert_eq!(hit[field], same[field], "{query:?} {locale} {field}");
                }
                assert_eq!(
                    hit["aligned"].is_null(),
                    same["aligned"].is_null(),
                    "{query:?}"
                );
                if !hit["aligned"].is_null() {
                    assert_eq!(hit["aligned"], same["aligned"], "{query:?}");
                }
            }
        }
    }
    // The checks can fail: the minimal pair finds different blocks, each language's own first.
    let news = exported_hits(&browser, "ຂ່າວ", "lo").await;
    let rice = exported_hits(&browser, "ຂ້າວ", "lo").await;
    assert!(!news.is_empty() && rice.is_empty(), "{news:?} {rice:?}");
    let variants = (
        exported_hits(&browser, "ໃໝ່", "lo").await,
        exported_hits(&browser, "ໃຫມ່", "lo").await,
    );
    assert!(!variants.0.is_empty());
    assert_eq!(
        variants.0.iter().map(key).collect::<Vec<_>>(),
        variants.1.iter().map(key).collect::<Vec<_>>()
    );
    // Cross-language: a Lao word read in English shows the aligned English paragraph.
    let across = exported_hits(&browser, "ສຸຂະພາບ", "en").await;
    assert!(
        across
            .iter()
            .any(|h| h["locale"] == "lo" && h["aligned"]["locale"] == "en"),
        "{across:?}"
    );
    browser.quit().await;
}

/// What the box shows: results, or the message.
async fn results_shown(browser: &Browser) -> (Vec<String>, String) {
    reader_e2e::wait_for_search_answer(&browser.client).await;
    let v = browser
        .js("const r = document.getElementById('search-results'); return [[...r.querySelectorAll('.result')].map(a => a.getAttribute('href')), r.querySelector('.no-results') ? r.textContent : '']")
        .await;
    let hrefs = v[0]
        .as_array()
        .expect("the results' links")
        .iter()
        .map(|h| h.as_str().unwrap_or_default().to_string())
        .collect();
    (hrefs, v[1].as_str().unwrap_or_default().to_string())
}

async fn type_query(browser: &Browser, query: &str) {
    // Set at once (10,000 characters typed one by one would take minutes), then an input event.
    browser
        .client
        .execute(
            "const box = document.getElementById('search'); box.focus(); box.value = arguments[0]; box.dispatchEvent(new Event('input', { bubbles: true })); return null",
            vec![json!(query)],
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn the_exported_box_searches_and_survives_hostile_queries_and_damaged_files() {
    let dir = export();
    let site = dir.path().join("site");
    let web = StaticServer::start(&site).await;
    let browser = Browser::start("lo").await;
    browser.goto(&format!("{}/lo/home.html", web.base)).await;

    // Typed in the box: results, and one opens its page at the paragraph, words marked.
    browser.search("ສຸຂະພາບ").await;
    let (hrefs, _) = results_shown(&browser).await;
    assert!(
        hrefs
            .iter()
            .any(|h| h.ends_with("our-work.html#our-work-area-6")),
        "{hrefs:?}"
    );
    let shot = browser.screenshot("export-search-results-lo").await;
    assert!(reader_e2e::distinct_colours(&shot) > 50);
    // The page with its results open passes axe.
    let violations = browser.accessibility_violations().await;
    assert!(violations.is_empty(), "{violations:?}");
    browser
        .click("#search-results .result[href$='our-work.html#our-work-area-6']")
        .await;
    let marked = wait_for("the highlight", 100, || async {
        browser
            .js("const b = document.getElementById('our-work-area-6'); return b && b.classList.contains('search-hit') && [...b.querySelectorAll('mark')].map(m => m.textContent)")
            .await
            .as_array()
            .cloned()
    })
    .await;
    assert_eq!(marked, [json!("ສຸຂະພາບ")]);
    let shot = browser.screenshot("export-search-lo").await;
    assert!(reader_e2e::distinct_colours(&shot) > 50);

    // Hostile queries: no error, no markup of theirs in the results, no hang.
    let long: String = "ສຸຂະພາບ ".repeat(1250);
    for query in [
        long.as_str(),
        "!!! ... ??? ---",
        "\u{200B}\u{200C}\u{200B}",
        "ສຸຂະພາບ health ΣΟΦΙΑ 中文",
        ".*(a|b)+[x]$ \\d",
        "<img src=x onerror=alert(1)><b>IOM</b>",
        "\"><script>window.__pwned=1</script>",
    ] {
        type_query(&browser, query).await;
        let (_, message) = results_shown(&browser).await;
        assert!(!message.contains("ບໍ່ສາມາດ"), "{query:?}: {message}");
        let injected = browser
            .js("return [...document.querySelectorAll('#search-results *')].filter(e => !['A', 'SPAN', 'MARK', 'P'].includes(e.tagName)).length + (window.__pwned ? 100 : 0)")
            .await;
        assert_eq!(injected, json!(0), "{query:?}");
    }

    // A damaged index file: search says it is unavailable, in Lao; the page still works.
    let meta = site.join("search/meta.js");
    let intact = std::fs::read(&meta).unwrap();
    std::fs::write(&meta, "READER_SEARCH.loaded(\"meta.js\", {").unwrap();
    search_is_unavailable(&browser, &web.base).await;
    browser.click("#nav a[data-slug='who-we-are']").await;
    browser.wait_ready().await;
    browser.wait_for_body("lo", "who-we-are").await;

    // A missing bucket: the same.
    std::fs::write(&meta, intact).unwrap();
    std::fs::remove_dir_all(site.join("search/t")).unwrap();
    search_is_unavailable(&browser, &web.base).await;
    browser.quit().await;
}

/// A search from the Lao home page lists nothing and says search is unavailable.
async fn search_is_unavailable(browser: &Browser, base: &str) {
    browser.goto(&format!("{base}/lo/home.html")).await;
    type_query(browser, "ສຸຂະພາບ").await;
    let (hrefs, message) = results_shown(browser).await;
    assert!(hrefs.is_empty(), "{hrefs:?}");
    assert!(message.starts_with("ບໍ່ສາມາດຊອກຫາໄດ້"), "{message}");
}
