//! Benchmarks of the core's hot paths: rendering one page body, and a language switch
//! (what the app does on a switch: the new locale's chrome plus the page body).

use criterion::{criterion_group, criterion_main, Criterion};
use reader_core::{ContentSource, Library};

fn benches(c: &mut Criterion) {
    let library = Library::load(ContentSource::Embedded).expect("embedded content loads");
    for code in ["en", "lo"] {
        let locale = &library
            .locale(code)
            .expect("the embedded content has en and lo");
        c.bench_function(&format!("render article ({code})"), |b| {
            b.iter(|| {
                library
                    .render_page(locale, "news/country-strategy")
                    .unwrap()
            })
        });
        c.bench_function(&format!("render home ({code})"), |b| {
            b.iter(|| library.render_page(locale, "home").unwrap())
        });
    }
    c.bench_function("language switch en → lo (chrome + article)", |b| {
        b.iter(|| {
            let chrome = library.chrome(&library.locale("lo").unwrap(), "0.1.0");
            let page = library
                .render_page(&library.locale("lo").unwrap(), "news/country-strategy")
                .unwrap();
            (chrome, page)
        })
    });
    c.bench_function("load embedded content", |b| {
        b.iter(|| Library::load(ContentSource::Embedded).unwrap())
    });
}

criterion_group!(core, benches);
criterion_main!(core);
