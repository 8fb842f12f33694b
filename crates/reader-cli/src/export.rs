//! `reader export DIR`: every page in every locale as static HTML with relative links (it
//! opens from the file system or any web server), the UI files and fonts, `hreflang`
//! alternates, a sitemap and localized 404 pages, and the search index the pages' search box
//! reads (`search/`, see `reader_core::search::static_index`).

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};

use anyhow::{bail, Context};
use reader_core::document::Mode;
use reader_core::{Library, Locale};

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
    let shell = assets::shell()?;
    prepare(dir, force)?;
    let version = env!("CARGO_PKG_VERSION");
    let locales: Vec<Locale> = library.locales().iter().map(|l| l.code.clone()).collect();
    let documents: Vec<(&str, &str)> = library
        .manifest()
        .pages
        .iter()
        .flat_map(|page| locales.iter().map(|l| (l.as_str(), page.slug.as_str())))
        .collect();
    let images: Vec<&str> = library
        .files()
        .paths()
        .filter(|p| p.starts_with("images/"))
        .collect();
    // Every folder first, once: 20,000 files must not also mean 20,000 folder checks.
    let folders: BTreeSet<PathBuf> = documents
        .iter()
        .map(|(locale, slug)| format!("{locale}/{slug}"))
        .chain(locales.iter().map(|locale| format!("{locale}/404")))
        .chain(assets::files().map(|(path, _)| format!("ui/{path}")))
        .chain(images.iter().map(|path| path.to_string()))
        .filter_map(|path| dir.join(path).parent().map(Path::to_path_buf))
        .collect();
    for folder in &folders {
        std::fs::create_dir_all(folder)
            .with_context(|| format!("creating {}", folder.display()))?;
    }

    // Rendering and writing are independent per page: spread them over the cores. Each
    // locale has its queue of pages, and worker k starts with locale k: a filesystem
    // creates the files of one folder one at a time, so workers in different locales'
    // folders don't wait for each other. A worker whose queue is empty helps the next.
    let pages = &library.manifest().pages;
    let queues: Vec<AtomicUsize> = locales.iter().map(|_| AtomicUsize::new(0)).collect();
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    // Set by a worker that failed (a full disk, say): the others stop too.
    let failed = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let running: Vec<_> = (0..workers)
            .map(|worker| {
                let (queues, locales, shell, failed) = (&queues, &locales, &shell, &failed);
                scope.spawn(move || -> anyhow::Result<()> {
                    for turn in 0..locales.len() {
                        let queue = (worker + turn) % locales.len();
                        let locale = &locales[queue];
                        while let Some(page) = pages.get(queues[queue].fetch_add(1, Relaxed)) {
                            if failed.load(Relaxed) {
                                return Ok(());
                            }
                            let slug = &page.slug;
                            let path = format!("{locale}/{slug}");
                            let html = library
                                .render_document(
                                    shell,
                                    Mode::Export { path: &path },
                                    locale,
                                    Some(slug),
                                    version,
                                )
                                .expect("pages of the manifest render");
                            write_file(dir, &format!("{path}.html"), html.as_bytes())
                                .inspect_err(|_| failed.store(true, Relaxed))?;
                        }
                    }
                    Ok(())
                })
            })
            .collect();
        running
            .into_iter()
            .try_for_each(|worker| worker.join().expect("an export thread panicked"))
    })?;
    let mut files = documents.len();
    let mut write = |relative: &str, bytes: &[u8]| -> anyhow::Result<()> {
        write_file(dir, relative, bytes)?;
        files += 1;
        Ok(())
    };

    let not_found = |locale: &Locale, path: &str| {
        library
            .render_document(&shell, Mode::Export { path }, locale, None, version)
            .expect("the 404 document always renders")
    };
    for locale in &locales {
        let path = format!("{locale}/404");
        write(&format!("{path}.html"), not_found(locale, &path).as_bytes())?;
    }
    // Web servers look for /404.html at the root.
    write(
        "404.html",
        not_found(library.source_locale(), "404").as_bytes(),
    )?;
    write("index.html", index_page(library).as_bytes())?;
    for (path, bytes) in assets::files() {
        write(&format!("ui/{path}"), bytes)?;
    }
    write(
        &format!("ui/{}", reader_core::document::CHROMES_FILE),
        library.chromes_script(version).as_bytes(),
    )?;
    for path in images {
        write(path, library.files().get(path).expect("listed"))?;
    }
    // The search index: a few thousand small files for a big site, one folder per kind.
    let index = reader_core::search::static_index::files(library);
    let index_folders: BTreeSet<PathBuf> = index
        .iter()
        .filter_map(|(path, _)| {
            dir.join("search")
                .join(path)
                .parent()
                .map(Path::to_path_buf)
        })
        .collect();
    for folder in &index_folders {
        std::fs::create_dir_all(folder)
            .with_context(|| format!("creating {}", folder.display()))?;
    }
    for (path, text) in &index {
        write(&format!("search/{path}"), text.as_bytes())?;
    }
    write_sitemap(dir, &documents, &locales, base_url)?;
    Ok(Exported {
        pages: documents.len(),
        files: files + 1,
    })
}

/// `sitemap.xml`: every page in every locale, with its translations as alternates.
fn write_sitemap(
    dir: &Path,
    documents: &[(&str, &str)],
    locales: &[Locale],
    base_url: &str,
) -> anyhow::Result<()> {
    let path = dir.join("sitemap.xml");
    let file =
        std::fs::File::create(&path).with_context(|| format!("writing {}", path.display()))?;
    let mut out = std::io::BufWriter::new(file);
    out.write_all(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
          <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    )?;
    for (locale, slug) in documents {
        writeln!(
            out,
            "  <url>\n    <loc>{base_url}{locale}/{slug}.html</loc>"
        )?;
        for other in locales {
            writeln!(
                out,
                "    <xhtml:link rel=\"alternate\" hreflang=\"{other}\" href=\"{base_url}{other}/{slug}.html\"/>"
            )?;
        }
        out.write_all(b"  </url>\n")?;
    }
    out.write_all(b"</urlset>\n")?;
    out.flush()
        .with_context(|| format!("writing {}", path.display()))
}

/// Writes one file; its folder exists.
fn write_file(dir: &Path, relative: &str, bytes: &[u8]) -> anyhow::Result<()> {
    let path = dir.join(relative);
    std::fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))
}

/// The site's entry: the home page of each language, and a refresh to the default one.
fn index_page(library: &Library) -> String {
    let home = &library.manifest().home().slug;
    let default = library.source_locale();
    // Locale codes and slugs are checked names; the locale names and the title are plain
    // text, which escapes itself.
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
    let title = library.ui_text(default, "app-name").unwrap_or_default();
    let csp = reader_core::document::EXPORT_CSP;
    format!(
        "<!doctype html>\n<html lang=\"{default}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n\
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
