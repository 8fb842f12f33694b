//! Embeds the UI (`ui/` at the repository's top) for `serve` and `export`.

include!("../../build/embed_dir.rs");

fn main() {
    let root = std::path::PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    embed_dir(&root.join("../../ui"), "ui.rs", "UI_FILES");
}
