fn main() {
    // The configuration lives at the top of the repository, beside Cargo.toml. Declaring the
    // app's commands makes Tauri generate a permission for each, so capabilities/ can grant
    // exactly these and nothing more.
    let commands = &[
        "startup",
        "set_locale",
        "save_preferences",
        "page_painted",
        "search",
        "choose_pack",
        "preview_pack",
        "install_pack",
        "can_restore",
        "restore_content",
        "bookmarks",
        "set_bookmark",
        "export_bookmarks",
        "import_bookmarks",
    ];
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .config_path("../tauri.conf.json")
            .app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("tauri build script");
}
