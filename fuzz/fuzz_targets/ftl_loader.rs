//! The content loader on any `.ftl` text: a Lao page resource made of the input, loaded,
//! rendered, checked and searched — never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reader_core::source::ContentFiles;
use reader_core::{ContentSource, Library};

const MANIFEST: &str = "format = 1\nversion = 1\ndate = \"2026-01-01\"\n\n[[pages]]\nslug = \"home\"\nsection = \"home\"\nnav = true\nblocks = [{ id = \"home-title\", kind = \"title\" }, { id = \"home-p1\", kind = \"paragraph\" }]\n";

fuzz_target!(|data: &[u8]| {
    let mut files = ContentFiles::default();
    files.insert_for_tests("manifest.toml", MANIFEST.as_bytes().to_vec());
    files.insert_for_tests("en/pages/home.ftl", b"home-title = Home\n    .nav = Home\nhome-p1 = Hello\n".to_vec());
    files.insert_for_tests("lo/pages/home.ftl", data.to_vec());
    if let Ok(library) = Library::from_files(ContentSource::Embedded, files) {
        let _ = library.render_page(&library.locale("lo").unwrap(), "home");
        let _ = reader_core::lint::check(&library);
        if let Ok(text) = std::str::from_utf8(data) {
            let _ = library.search(text, "lo", 5);
        }
    }
});
