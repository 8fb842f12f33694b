// Shared by the build scripts that embed a folder of the repository into a crate (the
// content in reader-core, the UI in reader-cli): included with `include!`.
//
// A generated list of `include_bytes!` is used instead of an embedding crate because cargo
// only re-runs a build script for the paths it names: `rerun-if-changed` on every folder
// makes an edited, added or removed file rebuild the crate, which proc-macro embedders
// don't guarantee on stable.

/// Writes `$OUT_DIR/<out_file>`: `pub static <name>: &[(&str, &[u8])]`, every file under
/// `folder` (relative path, bytes), sorted.
fn embed_dir(folder: &std::path::Path, out_file: &str, name: &str) {
    use std::fmt::Write as _;
    fn collect(root: &std::path::Path, dir: &std::path::Path, files: &mut Vec<(String, String)>) {
        println!("cargo:rerun-if-changed={}", dir.display());
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                collect(root, &path, files);
            } else {
                let relative = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
                let absolute = path.canonicalize().unwrap().to_string_lossy().into_owned();
                files.push((relative, absolute));
            }
        }
    }
    let mut files = Vec::new();
    collect(folder, folder, &mut files);
    files.sort();
    let mut code = format!("/// Embedded from `{}`: (relative path, bytes).\n", folder.display());
    writeln!(code, "pub static {name}: &[(&str, &[u8])] = &[").unwrap();
    for (relative, absolute) in &files {
        writeln!(code, "    ({relative:?}, include_bytes!({absolute:?})),").unwrap();
    }
    code.push_str("];\n");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap()).join(out_file);
    std::fs::write(out, code).unwrap();
}
