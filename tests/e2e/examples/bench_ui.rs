//! The window benchmark (#16): the real app (a release build) in WebKitGTK under Xvfb, driven
//! over WebDriver, timed inside the page with `performance.now()`:
//!
//! - language switch, on the home page and the news article, both directions, side by side
//!   off and on: from the click on the language button to the first animation frame after the
//!   new body is in the document (the frame that paints it), and to the second;
//! - page open from the navigation: from the click on the link to the same frames;
//! - search: from the typed query (an input event) to the results listed.
//!
//! Each is repeated (ROUNDS, default 20) and reported as median, p95 and the first occurrence
//! after start. Run it with `scripts/bench_ui.sh` (it builds the release app first).
//! `READER_APP_BIN` names the binary (default: the release build).

use reader_e2e::{App, Desktop, Profile};
use serde_json::{json, Value};

/// Clicks `css` at t0 and resolves once `main` holds an element matching `done`, with
/// [ms to the body in the document, to the next frame, to the frame after].
const TIMED_CLICK: &str = "
  const [css, doneWhen, finish] = arguments;
  const main = document.getElementById('main');
  const done = () => !!main.querySelector(doneWhen);
  let t0, inDocument;
  const observer = new MutationObserver(() => {
    if (inDocument === undefined && done()) {
      inDocument = performance.now() - t0;
      observer.disconnect();
      requestAnimationFrame(() => {
        const first = performance.now() - t0;
        requestAnimationFrame(() => {
          const second = performance.now() - t0;
          // The app's marks (ui/app.js) of this run, from the click.
          const marks = performance.getEntriesByType('mark').map((m) => [m.name, m.startTime - t0]);
          performance.clearMarks();
          finish([inDocument, first, second, marks]);
        });
      });
    }
  });
  observer.observe(main, { childList: true, subtree: true, attributes: true });
  performance.clearMarks();
  t0 = performance.now();
  document.querySelector(css).click();";

const TIMED_SEARCH: &str = "
  const [query, finish] = arguments;
  const box = document.getElementById('search'), list = document.getElementById('search-results');
  box.value = ''; list.replaceChildren();
  let t0;
  const observer = new MutationObserver(() => {
    if (list.querySelector('.result')) {
      observer.disconnect();
      finish(performance.now() - t0);
    }
  });
  observer.observe(list, { childList: true, subtree: true });
  t0 = performance.now();
  box.value = query;
  box.dispatchEvent(new Event('input', { bubbles: true }));";

struct Series {
    name: String,
    /// [in document, first frame, second frame] per run.
    runs: Vec<[f64; 3]>,
    /// The app's marks per run: (name, ms from the click).
    marks: Vec<Vec<(String, f64)>>,
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

impl Series {
    fn report(&self) -> String {
        let column = |i: usize| {
            let mut values: Vec<f64> = self.runs.iter().map(|r| r[i]).collect();
            values.sort_by(f64::total_cmp);
            let median = values[values.len() / 2];
            let p95 = values[((values.len() as f64 * 0.95).ceil() as usize).saturating_sub(1)];
            (median, p95, self.runs[0][i])
        };
        let (m1, p1, f1) = column(1);
        let (m2, p2, f2) = column(2);
        let (m0, _, _) = column(0);
        format!(
            "| {} | {} | {m0:.1} | **{m1:.1}** / {p1:.1} / {f1:.1} | {m2:.1} / {p2:.1} / {f2:.1} |",
            self.name,
            self.runs.len()
        )
    }

    /// Median ms from the click to each of the app's marks, then to the frames.
    fn breakdown(&self) -> String {
        let mut names: Vec<String> = Vec::new();
        for run in &self.marks {
            for (name, _) in run {
                if !names.contains(name) {
                    names.push(name.clone());
                }
            }
        }
        let mut parts: Vec<String> = names
            .iter()
            .map(|name| {
                let at: Vec<f64> = self
                    .marks
                    .iter()
                    .filter_map(|run| run.iter().find(|(n, _)| n == name).map(|(_, t)| *t))
                    .collect();
                format!("{name} {:.1}", median(at))
            })
            .collect();
        parts.push(format!(
            "first frame {:.1}",
            median(self.runs.iter().map(|r| r[1]).collect())
        ));
        format!("| {} | {} |", self.name, parts.join(" → "))
    }
}

async fn timed_click(app: &App, css: &str, done_when: &str, series: &mut Series) {
    let v = app
        .client
        .execute_async(TIMED_CLICK, vec![json!(css), json!(done_when)])
        .await
        .expect("timed click");
    let n = |i: usize| v[i].as_f64().unwrap_or(f64::NAN);
    series.runs.push([n(0), n(1), n(2)]);
    let marks = v[3]
        .as_array()
        .map(|marks| {
            marks
                .iter()
                .map(|m| {
                    (
                        m[0].as_str().unwrap_or_default().to_string(),
                        m[1].as_f64().unwrap_or(f64::NAN),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    series.marks.push(marks);
}

fn series(name: impl Into<String>) -> Series {
    Series {
        name: name.into(),
        runs: Vec::new(),
        marks: Vec::new(),
    }
}

/// The body of `slug` in `lang`.
fn body_is(lang: &str, slug: &str) -> String {
    format!("article[lang='{lang}'][data-slug='{slug}']")
}

/// Lets the window settle between runs (timers, saved position).
async fn settle() {
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
}

async fn switches(app: &App, slug: &str, rounds: usize, label: &str) -> Vec<Series> {
    let mut to_lo = series(format!("switch en→lo, {label}"));
    let mut to_en = series(format!("switch lo→en, {label}"));
    for _ in 0..rounds {
        for (series, lang) in [(&mut to_lo, "lo"), (&mut to_en, "en")] {
            timed_click(
                app,
                &format!("#languages button[data-locale='{lang}']"),
                &body_is(lang, slug),
                series,
            )
            .await;
            settle().await;
        }
    }
    vec![to_lo, to_en]
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    if std::env::var_os("READER_APP_BIN").is_none() {
        let release = reader_e2e::target_dir().join("release/iom-lao-reader");
        std::env::set_var("READER_APP_BIN", release);
    }
    let desktop = Desktop::start();
    let profile = Profile::new();
    let app = App::launch(&desktop, &profile, "en_US.UTF-8", &[]).await;
    app.wait_for_body("en", "home").await;
    settle().await;

    let mut all = Vec::new();
    // Home, then the article: the first switch after start is the first run of the first.
    all.extend(switches(&app, "home", rounds, "home").await);
    app.open_article().await;
    settle().await;
    all.extend(switches(&app, "news/country-strategy", rounds, "article").await);

    // Page open from the navigation (English), alternating two pages.
    let mut opens = series("page open from the navigation");
    for round in 0..rounds {
        let slug = if round % 2 == 0 {
            "who-we-are"
        } else {
            "our-work"
        };
        timed_click(
            &app,
            &format!("#nav a[data-slug='{slug}']"),
            &body_is("en", slug),
            &mut opens,
        )
        .await;
        settle().await;
    }
    all.push(opens);

    // Side by side on: the switch on the article again.
    app.open_article().await;
    app.click("#side-by-side").await;
    settle().await;
    all.extend(
        switches(
            &app,
            "news/country-strategy",
            rounds,
            "article, side by side",
        )
        .await,
    );
    app.click("#side-by-side").await;
    settle().await;

    // Search, typed to results listed (the index is ready: asked once first).
    let mut search = series("search, typed to results listed");
    let _ = app
        .client
        .execute_async(TIMED_SEARCH, vec![json!("migration")])
        .await;
    for round in 0..rounds {
        let query = if round % 2 == 0 {
            "ສຸຂະພາບ"
        } else {
            "migration"
        };
        let v: Value = app
            .client
            .execute_async(TIMED_SEARCH, vec![json!(query)])
            .await
            .expect("timed search");
        let ms = v.as_f64().unwrap_or(f64::NAN);
        search.runs.push([ms, ms, ms]);
        settle().await;
    }

    println!("{rounds} runs each; ms: body in the document (median) | first frame after it: median / p95 / first | second frame: median / p95 / first");
    println!("| what | runs | in document | first frame | second frame |");
    println!("|---|---|---|---|---|");
    for series in &all {
        println!("{}", series.report());
    }
    println!("{}", search.report());
    println!("\nWhere the time goes (median ms from the click to each of the app's marks):");
    println!("| what | marks |");
    println!("|---|---|");
    for series in &all {
        println!("{}", series.breakdown());
    }
    app.quit().await;
}
