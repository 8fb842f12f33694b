//! `reader export DIR`: every page in every locale as static HTML with relative links (it
//! opens from the file system or any web server), the UI files and fonts, `hreflang`
//! alternates, a sitemap and localized 404 pages. No search (the box says so).

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use reader_core::document::Mode;
use reader_core::Library;

use crate::assets;

/// What was written.
pub struct Exported {
    pub pages: usize,
    pub files: usize,
}

/// Writes the site into `dir`. A non-empty `dir` is refused unless `force`; then only its
/// contents are removed first (symbolic links themselves, never what they point to).
pub fn export(
    library: &Library,
    dir: &Path,
    force: bool,
    base_url: &str,
) -> anyhow::Result<Exported> {
    prepare(dir, force)?;
    let version = env!("CARGO_PKG_VERSION");
    let mut written = Exported { pages: 0, files: 0 };
    let mut files = 0;
    let mut write = |relative: &str, bytes: &[u8]| -> anyhow::Result<()> {
        write_file(dir, relative, bytes)?;
        files += 1;
        Ok(())
    };
    let shell = assets::shell();
    let mut sitemap = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let locales = library.locale_codes();
    let documents: Vec<(&str, &str)> = library
        .manifest()
        .pages
        .iter()
        .flat_map(|page| {
            locales
                .iter()
                .map(move |locale| (locale.as_str(), page.slug.as_str()))
        })
        .collect();
    // Rendering is independent per page: spread it over the cores.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = documents.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = documents
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || -> anyhow::Result<usize> {
                    for (locale, slug) in part {
                        let path = format!("{locale}/{slug}");
                        let html = library
                            .render_document(
                                shell,
                                Mode::Export { path: &path },
                                locale,
                                Some(slug),
                                version,
                            )
                            .map_err(anyhow::Error::msg)?;
                        write_file(dir, &format!("{path}.html"), html.as_bytes())?;
                    }
                    Ok(part.len())
                })
            })
            .collect();
        for worker in workers {
            let done = worker.join().expect("an export thread panicked")?;
            written.pages += done;
            written.files += done;
        }
        anyhow::Ok(())
    })?;
    for (locale, slug) in &documents {
        sitemap.push_str(&format!(
            "  <url>\n    <loc>{base_url}{locale}/{slug}.html</loc>\n"
        ));
        for other in &locales {
            sitemap.push_str(&format!(
                "    <xhtml:link rel=\"alternate\" hreflang=\"{other}\" href=\"{base_url}{other}/{slug}.html\"/>\n"
            ));
        }
        sitemap.push_str("  </url>\n");
    }
    sitemap.push_str("</urlset>\n");
    write("sitemap.xml", sitemap.as_bytes())?;
    for locale in &locales {
        let path = format!("{locale}/404");
        let html = library
            .render_document(shell, Mode::Export { path: &path }, locale, None, version)
            .map_err(anyhow::Error::msg)?;
        write(&format!("{path}.html"), html.as_bytes())?;
    }
    // Web servers look for /404.html at the root.
    let html = library
        .render_document(
            shell,
            Mode::Export { path: "404" },
            reader_core::DEFAULT_LOCALE,
            None,
            version,
        )
        .map_err(anyhow::Error::msg)?;
    write("404.html", html.as_bytes())?;
    write("index.html", index_page(library).as_bytes())?;
    for (path, bytes) in assets::files() {
        write(&format!("ui/{path}"), bytes)?;
    }
    write(
        &format!("ui/{}", reader_core::document::CHROMES_FILE),
        library.chromes_script(version).as_bytes(),
    )?;
    for path in library.files().paths().filter(|p| p.starts_with("images/")) {
        write(path, library.files().get(path).expect("listed"))?;
    }
    written.files += files;
    Ok(written)
}

fn write_file(dir: &Path, relative: &str, bytes: &[u8]) -> anyhow::Result<()> {
    let path = dir.join(relative);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating {}", parent.display()))?;
    }
    std::fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))
}

/// The site's entry: the home page of each language, and a refresh to the default one.
fn index_page(library: &Library) -> String {
    let home = &library.manifest().home().slug;
    let default = reader_core::DEFAULT_LOCALE;
    let links: String = library
        .locales()
        .iter()
        .map(|l| {
            format!(
                "<li><a href=\"{}/{home}.html\" hreflang=\"{}\" lang=\"{}\">{}</a></li>",
                l.code, l.code, l.code, l.native_name
            )
        })
        .collect();
    let title = library.ui_text(default, "window-title").unwrap_or_default();
    format!(
        "<!doctype html>\n<html lang=\"{default}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={default}/{home}.html\">\n<title>{title}</title>\n</head>\n\
         <body>\n<ul>{links}</ul>\n</body>\n</html>\n"
    )
}

/// An empty (or new) directory, or, with `force`, one whose contents are removed. Nothing
/// outside it is touched: links inside are removed as links.
fn prepare(dir: &Path, force: bool) -> anyhow::Result<()> {
    match std::fs::symlink_metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
            return Ok(());
        }
        Err(e) => return Err(e).with_context(|| format!("reading {}", dir.display())),
        Ok(meta) if !meta.is_dir() => bail!("{} is not a directory", dir.display()),
        Ok(_) => {}
    }
    let entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    if entries.is_empty() {
        return Ok(());
    }
    if !force {
        bail!(
            "{} is not empty ({} entries): choose an empty directory, or add --force to replace its contents",
            dir.display(),
            entries.len()
        );
    }
    for entry in entries {
        let meta = std::fs::symlink_metadata(&entry)?;
        if meta.is_dir() {
            std::fs::remove_dir_all(&entry)
        } else {
            std::fs::remove_file(&entry)
        }
        .with_context(|| format!("removing {}", entry.display()))?;
    }
    Ok(())
}
