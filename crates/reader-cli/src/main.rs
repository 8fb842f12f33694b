//! `reader`: the command-line tool of the IOM Lao PDR Reader, for the office's editors and
//! translators. It shares the core with the app (no GTK/WebKit).

mod assets;
mod export;
mod pack;
mod serve;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use clap::{Parser, Subcommand, ValueEnum};
use reader_core::manifest_cache::ManifestCache;
use reader_core::search::{IndexCache, IndexOrigin, Searcher};
use reader_core::status::{self, RecordAction, RecordChange, Scope};
use reader_core::{ContentSource, Diagnostic, Library, Locale};

#[derive(Parser)]
#[command(
    name = "reader",
    version,
    about = "Check, preview and record the reader's content"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint the content: errors exit 1; warnings exit 0 unless --strict.
    Check {
        #[command(flatten)]
        content: ContentArg,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Warnings (missing, outdated, unreviewed translations) fail too.
        #[arg(long)]
        strict: bool,
    },
    /// Per page and locale: messages translated, falling back, outdated, unreviewed.
    Status {
        #[command(flatten)]
        content: ContentArg,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print a page's HTML exactly as the app shows it.
    Render {
        slug: String,
        #[arg(long)]
        lang: String,
        #[command(flatten)]
        content: ContentArg,
        /// The side-by-side view (the source language and the translation, aligned by block).
        #[arg(long)]
        side_by_side: bool,
    },
    /// Search every locale, as the app's search box does (the reading language first).
    Search {
        query: String,
        /// The reading language (default: the content's source language).
        #[arg(long)]
        lang: Option<String>,
        #[command(flatten)]
        content: ContentArg,
        #[arg(long, default_value_t = 10)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Serve the pages to browsers (loopback unless --bind says otherwise).
    Serve {
        /// Address and port; the LAN only when given explicitly (e.g. 0.0.0.0:8080).
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: std::net::SocketAddr,
        #[command(flatten)]
        content: ContentArg,
        /// At most this many connections at once (others wait).
        #[arg(long, default_value_t = 512)]
        max_connections: usize,
        /// Seconds a client has to send its request headers.
        #[arg(long, default_value_t = 10)]
        header_timeout: u64,
        /// Seconds a client may leave an answer unread (or a kept-alive connection idle)
        /// before it is disconnected.
        #[arg(long, default_value_t = 30)]
        write_timeout: u64,
    },
    /// Write every page in every locale as a static site into DIR.
    Export {
        dir: PathBuf,
        #[command(flatten)]
        content: ContentArg,
        /// Replace the contents of a non-empty DIR.
        #[arg(long)]
        force: bool,
        /// Address the site will have, for the sitemap (e.g. https://intranet.example/reader/).
        #[arg(long, default_value = "")]
        base_url: String,
    },
    /// Content packs: build, sign, verify, inspect, install.
    #[command(subcommand)]
    Pack(pack::PackCommand),
    /// Record that translations were made from the English as it is now.
    MarkTranslated(RecordArgs),
    /// Record that a reviewer approved the translations as they are now.
    Approve(RecordArgs),
}

#[derive(clap::Args)]
struct ContentArg {
    /// A content directory laid out like `locales/` (default: the embedded content).
    #[arg(long, value_name = "DIR")]
    content: Option<PathBuf>,
}

#[derive(clap::Args)]
struct RecordArgs {
    /// The content directory whose records to write.
    #[arg(long, value_name = "DIR")]
    content: PathBuf,
    /// The translated locale.
    #[arg(long, default_value = "lo")]
    lang: String,
    /// Only this page's messages.
    #[arg(long, conflicts_with = "message")]
    page: Option<String>,
    /// Only this message (or term, `-name`).
    #[arg(long)]
    message: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("reader: {error:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Check {
            content,
            format,
            strict,
        } => check(&load(&content)?, format, strict),
        Command::Status { content, format } => {
            status(&load(&content)?, format);
            Ok(ExitCode::SUCCESS)
        }
        Command::Render {
            slug,
            lang,
            content,
            side_by_side,
        } => {
            let library = open(&content)?;
            let lang = locale_of(&library, &lang)?;
            let page = if side_by_side {
                library.render_side_by_side(&lang, &slug)
            } else {
                library.render_page(&lang, &slug)
            };
            let Some(page) = page else {
                bail!("no page `{slug}`");
            };
            println!("{}", page.html);
            Ok(ExitCode::SUCCESS)
        }
        Command::Search {
            query,
            lang,
            content,
            limit,
            format,
        } => {
            let library = open(&content)?;
            let lang = match lang {
                Some(code) => locale_of(&library, &code)?,
                None => library.source_locale().clone(),
            };
            // The index is kept in the user's cache, where the app keeps its own: a second
            // search of the same content opens it instead of building it.
            let searcher = Searcher::with_cache(library.into(), user_index_cache());
            if searcher.library().manifest().pages.len() > 100 {
                eprintln!("reader: opening or building the search index…");
            }
            // The query is taken as typed so far: its last word may be unfinished.
            let hits = searcher.search(&query, &lang, limit);
            for note in searcher.notes() {
                eprintln!("reader: search index: {note}");
            }
            if let Some(origin) = searcher.origin() {
                eprintln!("reader: search index {}", origin_text(origin));
            }
            if format == Format::Json {
                println!("{}", serde_json::to_string_pretty(&hits)?);
            } else {
                for hit in &hits {
                    println!("{} /{}/{}#{}", hit.page_title, hit.locale, hit.slug, hit.id);
                    println!(
                        "    {}",
                        hit.snippet_html
                            .replace("<mark>", "[")
                            .replace("</mark>", "]")
                    );
                }
                println!("{} result(s)", hits.len());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve {
            bind,
            content,
            max_connections,
            header_timeout,
            write_timeout,
        } => {
            let library = open(&content)?;
            let limits = serve::Limits {
                max_connections,
                header_timeout: std::time::Duration::from_secs(header_timeout),
                write_timeout: std::time::Duration::from_secs(write_timeout),
                ..serve::Limits::default()
            };
            let runtime = tokio::runtime::Runtime::new()?;
            runtime.block_on(async {
                let listener = tokio::net::TcpListener::bind(bind)
                    .await
                    .with_context(|| format!("cannot listen on {bind}"))?;
                let searcher = Searcher::with_cache(library.into(), user_index_cache());
                serve::serve(listener, searcher, limits, serve::signal()).await?;
                anyhow::Ok(())
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            dir,
            content,
            force,
            base_url,
        } => {
            let library = load(&content)?;
            let done = export::export(&library, &dir, force, &base_url)?;
            println!(
                "{} pages, {} files written to {}",
                done.pages,
                done.files,
                dir.display()
            );
            // The process ends here: freeing a big site's ~10⁶ allocations one by one
            // would only add time.
            std::mem::forget(library);
            Ok(ExitCode::SUCCESS)
        }
        Command::Pack(command) => pack::run(command, page_cache()),
        Command::MarkTranslated(args) => write_records(args, RecordAction::MarkTranslated),
        Command::Approve(args) => write_records(args, RecordAction::Approve),
    }
}

/// The app's cache folder (what Tauri's `app_cache_dir` gives the app).
fn user_cache() -> Option<PathBuf> {
    dirs::cache_dir().map(|dir| dir.join(reader_core::APP_ID))
}

/// Where the app keeps search indexes.
fn user_index_cache() -> Option<IndexCache> {
    user_cache().map(|dir| IndexCache::new(dir.join("search")))
}

fn origin_text(origin: IndexOrigin) -> &'static str {
    match origin {
        IndexOrigin::Opened => "opened from the cache",
        IndexOrigin::Built => "built and saved in the cache",
        IndexOrigin::Memory => "built in memory (not saved)",
    }
}

fn content_source(content: &ContentArg) -> ContentSource {
    match &content.content {
        Some(dir) => ContentSource::Directory(dir.clone()),
        None => ContentSource::Embedded,
    }
}

/// Where the app caches the page lists of content folders and installed versions.
fn page_cache() -> Option<ManifestCache> {
    user_cache().map(|dir| ManifestCache::new(dir.join("pages")))
}

/// The content loaded whole, every file read and checked (`check`, `status`, `export`).
fn load(content: &ContentArg) -> anyhow::Result<Library> {
    let source = content_source(content);
    Library::load(source.clone()).with_context(|| format!("cannot load {source}"))
}

/// The content opened for reading, as the app opens it: pages read when needed, the page
/// list of a folder cached where the app caches it (`render`, `search`, `serve`).
fn open(content: &ContentArg) -> anyhow::Result<Library> {
    let source = content_source(content);
    Library::open(source.clone(), page_cache().as_ref())
        .with_context(|| format!("cannot load {source}"))
}

/// The locale `code` names, refused when the content doesn't have it.
fn locale_of(library: &Library, code: &str) -> anyhow::Result<Locale> {
    library.locale(code).with_context(|| {
        let have: Vec<&str> = library.locales().iter().map(|l| l.code.as_str()).collect();
        format!("no locale `{code}` (have: {})", have.join(", "))
    })
}

fn check(library: &Library, format: Format, strict: bool) -> anyhow::Result<ExitCode> {
    let findings = reader_core::lint::check(library);
    let (errors, warnings): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
        findings.iter().partition(|d| d.kind.is_error());
    match format {
        Format::Json => {
            let json = serde_json::json!({ "errors": errors, "warnings": warnings });
            println!("{}", serde_json::to_string_pretty(&json)?);
        }
        Format::Text => {
            for finding in &findings {
                println!("{finding}");
            }
            println!("{} error(s), {} warning(s)", errors.len(), warnings.len());
        }
    }
    let failed = !errors.is_empty() || (strict && !warnings.is_empty());
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn status(library: &Library, format: Format) {
    let rows: Vec<_> = library
        .manifest()
        .pages
        .iter()
        .flat_map(|page| {
            library
                .locales()
                .iter()
                .map(move |locale| library.page_status(&locale.code, page))
        })
        .collect();
    if format == Format::Json {
        println!(
            "{}",
            serde_json::to_string_pretty(&rows).expect("plain data")
        );
        return;
    }
    println!(
        "{:<26} {:<6} {:>10} {:>13} {:>9} {:>11}",
        "page", "locale", "translated", "falling back", "outdated", "unreviewed"
    );
    for row in rows {
        println!(
            "{:<26} {:<6} {:>7}/{:<2} {:>13} {:>9} {:>11}",
            row.slug,
            row.locale,
            row.translated,
            row.messages,
            row.falling_back,
            row.outdated,
            row.unreviewed
        );
    }
}

fn write_records(args: RecordArgs, action: RecordAction) -> anyhow::Result<ExitCode> {
    let library = Library::load(ContentSource::Directory(args.content.clone()))
        .with_context(|| format!("cannot load {}", args.content.display()))?;
    let scope = match (args.page, args.message) {
        (Some(page), _) => Scope::Page(page),
        (None, Some(message)) => Scope::Message(message),
        (None, None) => Scope::Locale,
    };
    let lang = locale_of(&library, &args.lang)?;
    let RecordChange { files, recorded } =
        status::record(&library, &lang, &scope, action).map_err(anyhow::Error::msg)?;
    for (path, text) in &files {
        write_atomically(&args.content.join(path), text)?;
    }
    let verb = match action {
        RecordAction::MarkTranslated => "marked translated",
        RecordAction::Approve => "approved",
    };
    println!(
        "{} message(s) {verb} in {} file(s)",
        recorded.len(),
        files.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// A records file is replaced whole or not at all.
fn write_atomically(path: &Path, text: &str) -> anyhow::Result<()> {
    let tmp = path.with_extension("toml.tmp");
    std::fs::write(&tmp, text).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}
