//! Benchmarks of the core's hot paths: rendering one page body, and a language switch
//! (what the app does on a switch: the new locale's chrome plus the page body).

use criterion::{criterion_group, criterion_main, Criterion};
use reader_core::{ContentSource, Library};

fn benches(c: &mut Criterion) {
    let library = Library::load(ContentSource::Embedded).expect("embedded content loads");
    for locale in library.locales().iter().map(|l| &l.code) {
        c.bench_function(&format!("render article ({locale})"), |b| {
            b.iter(|| {
                library
                    .render_page(locale, "news/country-strategy")
                    .unwrap()
            })
        });
        c.bench_function(&format!("render home ({locale})"), |b| {
            b.iter(|| library.render_page(locale, "home").unwrap())
        });
    }
    c.bench_function("language switch en → lo (chrome + article)", |b| {
        b.iter(|| {
            // As the app does it: the code parsed into a locale, then chrome and body.
            let lo = library.locale("lo").unwrap();
            let chrome = library.chrome(&lo, "0.1.0");
            let page = library.render_page(&lo, "news/country-strategy").unwrap();
            (chrome, page)
        })
    });
    c.bench_function("load embedded content", |b| {
        b.iter(|| Library::load(ContentSource::Embedded).unwrap())
    });
    // The same switch and a page open on a large content folder (e.g. the 10,000-page
    // corpus of `examples/corpus.rs`): what the content's size adds to them.
    if let Some(dir) = std::env::var_os("READER_BENCH_CONTENT") {
        let large = Library::load(ContentSource::Directory(dir.into())).expect("content loads");
        let slug = &large.manifest().pages[large.manifest().pages.len() / 2].slug;
        let lo = large.locale("lo").unwrap();
        c.bench_function("large content: render a page (lo)", |b| {
            b.iter(|| large.render_page(&lo, slug).unwrap())
        });
        c.bench_function(
            "large content: language switch en → lo (chrome + page)",
            |b| {
                b.iter(|| {
                    let lo = large.locale("lo").unwrap();
                    (
                        large.chrome(&lo, "0.1.0"),
                        large.render_page(&lo, slug).unwrap(),
                    )
                })
            },
        );
    }
}

criterion_group!(core, benches);
criterion_main!(core);
