//! Embeds the default content (`locales/` at the repository's top) into the library.
//!
//! A generated list of `include_bytes!` is used instead of an embedding crate because cargo
//! only re-runs a build script for the paths it names: `rerun-if-changed` on the directory
//! makes an edited, added or removed `.ftl` rebuild the binary, which proc-macro embedders
//! don't guarantee on stable.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let content_root = manifest_dir.join("../../locales");
    println!("cargo:rerun-if-changed={}", content_root.display());

    let mut files = Vec::new();
    collect(&content_root, &content_root, &mut files);
    files.sort();

    let mut code = String::from("/// The default content: (path relative to `locales/`, bytes).\n");
    code.push_str("pub static EMBEDDED_FILES: &[(&str, &[u8])] = &[\n");
    for (relative, absolute) in &files {
        writeln!(code, "    ({relative:?}, include_bytes!({absolute:?})),").unwrap();
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("embedded.rs");
    std::fs::write(out, code).unwrap();
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(root, &path, files);
        } else {
            let relative = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let absolute = path.canonicalize().unwrap().to_string_lossy().into_owned();
            files.push((relative, absolute));
        }
    }
}
