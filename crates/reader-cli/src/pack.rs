//! `reader pack …`: the office builds and signs content packs; anyone verifies and inspects
//! them; `install` and `restore` act on a data directory as the app does.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use clap::Subcommand;
use reader_core::manifest_cache::ManifestCache;
use reader_core::pack::{self, keys, store::Store, Importer, Limits, PackPreview};
use reader_core::Library;

#[derive(Subcommand)]
pub enum PackCommand {
    /// Make a new signing key pair: NAME.key (secret: keep it offline) and NAME.pub.
    Keygen {
        #[arg(short, long, value_name = "NAME")]
        output: PathBuf,
    },
    /// Build a signed pack from a content directory (refused if `reader check` finds errors).
    Build {
        dir: PathBuf,
        #[arg(long, value_name = "KEY")]
        key: PathBuf,
        /// The content version the pack brings (written into its manifest).
        #[arg(long)]
        version: u64,
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        #[arg(long, default_value = "IOM Lao PDR")]
        publisher: String,
    },
    /// Check a pack's signature and content (exit 1 when it would be refused).
    Verify {
        file: PathBuf,
        /// Check against this public key (e.g. office.pub) instead of the ones this build
        /// trusts: the office checks a pack before handing it out.
        #[arg(long, value_name = "PUB")]
        key: Option<PathBuf>,
    },
    /// What a pack brings, against the content built into the reader.
    Inspect {
        file: PathBuf,
        /// Check against this public key instead of the ones this build trusts.
        #[arg(long, value_name = "PUB")]
        key: Option<PathBuf>,
    },
    /// Install a pack into a data directory, as the app's import does.
    Install {
        file: PathBuf,
        #[arg(long, value_name = "DIR")]
        data: PathBuf,
    },
    /// Go back to the content installed before the last import.
    Restore {
        #[arg(long, value_name = "DIR")]
        data: PathBuf,
    },
    /// The content version a data directory shows (whole, or the built-in one).
    Current {
        #[arg(long, value_name = "DIR")]
        data: PathBuf,
    },
}

pub fn run(command: PackCommand, page_cache: Option<ManifestCache>) -> anyhow::Result<ExitCode> {
    match command {
        PackCommand::Keygen { output } => {
            let key = keys::generate().map_err(anyhow::Error::msg)?;
            let secret = output.with_extension("key");
            let public = output.with_extension("pub");
            if secret.exists() || public.exists() {
                bail!(
                    "{} or {} exists already: not overwritten",
                    secret.display(),
                    public.display()
                );
            }
            write_secret(
                &secret,
                &keys::secret_file(&key, "IOM Lao PDR Reader content-pack key"),
            )?;
            std::fs::write(
                &public,
                keys::public_file(
                    &key.verifying_key(),
                    "IOM Lao PDR Reader content-pack public key",
                ),
            )?;
            println!(
                "{} (secret) and {} written",
                secret.display(),
                public.display()
            );
        }
        PackCommand::Build {
            dir,
            key,
            version,
            output,
            publisher,
        } => {
            let key_text = std::fs::read_to_string(&key)
                .with_context(|| format!("reading {}", key.display()))?;
            let key = keys::parse_secret(&key_text).context("not a secret key file")?;
            let bytes = pack::build(&dir, &key, &publisher, version)?;
            std::fs::write(&output, &bytes)
                .with_context(|| format!("writing {}", output.display()))?;
            println!(
                "{}: version {version}, {} bytes, key {}",
                output.display(),
                bytes.len(),
                key_id(&key)
            );
        }
        PackCommand::Verify { file, key } => {
            let pack = verify(&file, key.as_deref())?;
            println!(
                "{}: valid pack from {}, version {}, {}",
                file.display(),
                pack.info.publisher,
                pack.info.version,
                pack.info.date
            );
        }
        PackCommand::Inspect { file, key } => {
            let pack = verify(&file, key.as_deref())?;
            let built_in = Library::built_in();
            let preview = PackPreview::of(&pack, &built_in, built_in.source_locale());
            println!(
                "publisher: {}\nversion: {}\ndate: {}\nkey: {}",
                preview.publisher, preview.version, preview.date_iso, preview.key_id
            );
            let changes = &preview.changes;
            for (label, list) in [
                ("added", &changes.added),
                ("changed", &changes.changed),
                ("removed", &changes.removed),
            ] {
                for (locale, slugs) in list {
                    println!("{label} ({locale}): {}", slugs.join(", "));
                }
            }
            let source = pack.library.source_locale();
            for (locale, (falling_back, unreviewed)) in &preview.translation {
                println!(
                    "translation ({locale}): {falling_back} shown in {source}, {unreviewed} unreviewed"
                );
            }
        }
        PackCommand::Install { file, data } => {
            // The app's import, confirmed at once.
            let importer = Importer::new(Some(store(&data, page_cache)));
            let shown = importer.shown(Library::built_in());
            importer.preview(&file, &shown, shown.source_locale())?;
            let now = importer.install_pending(&shown)?;
            println!("installed version {}", now.manifest().version);
        }
        PackCommand::Restore { data } => {
            match Importer::new(Some(store(&data, page_cache))).restore()? {
                Some(now) => println!("restored: version {}", now.manifest().version),
                None => bail!("nothing to restore: no earlier content was installed"),
            }
        }
        PackCommand::Current { data } => {
            let shown = store(&data, page_cache).shown(Library::built_in());
            println!("{}", shown.manifest().version);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The store of the data folder `data`, caching the page lists of the versions it opens
/// where the app caches them: the app's first start after an install reads no manifest.
fn store(data: &Path, page_cache: Option<ManifestCache>) -> Store {
    let store = Store::new(data);
    match page_cache {
        Some(cache) => store.with_page_cache(cache),
        None => store,
    }
}

/// Reads and verifies a pack, against `key` (a public key file) or the keys this build trusts.
fn verify(file: &Path, key: Option<&Path>) -> anyhow::Result<pack::VerifiedPack> {
    let trusted = match key {
        None => keys::trusted(),
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            let key = std::str::from_utf8(&bytes)
                .ok()
                .and_then(keys::parse_public)
                .with_context(|| format!("{} is not a public key file", path.display()))?;
            vec![key]
        }
    };
    let limits = Limits::default();
    let bytes =
        pack::read_file(file, &limits).with_context(|| format!("reading {}", file.display()))?;
    Ok(pack::verify(&bytes, &trusted, &limits)?)
}

fn key_id(key: &ed25519_dalek::SigningKey) -> String {
    hex::encode(keys::key_id(&key.verifying_key()))
}

#[cfg(unix)]
fn write_secret(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(text.as_bytes())
}

#[cfg(not(unix))]
fn write_secret(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    std::fs::write(path, text)
}
