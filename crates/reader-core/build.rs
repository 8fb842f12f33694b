//! Embeds the default content (`locales/` at the repository's top) into the library.

include!("../../build/embed_dir.rs");

fn main() {
    let root = std::path::PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    embed_dir(&root.join("../../locales"), "embedded.rs", "EMBEDDED_FILES");
}
