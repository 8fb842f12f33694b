//! `reader pack …`: the office builds and signs content packs; anyone verifies and inspects
//! them; `install` and `restore` act on a data directory as the app does.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use clap::Subcommand;
use reader_core::pack::{self, keys, store::Store, Limits};
use reader_core::{ContentSource, Library};

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

pub fn run(command: PackCommand) -> anyhow::Result<ExitCode> {
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
            let staged = stage_with_version(&dir, version)?;
            let bytes = pack::build(staged.path(), &key, &publisher)?;
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
            let installed = Library::load(ContentSource::Embedded)?;
            let changes = pack::changes(&installed, &pack.library);
            println!(
                "publisher: {}\nversion: {}\ndate: {}\nkey: {}",
                pack.info.publisher, pack.info.version, pack.info.date, pack.key_id
            );
            for (label, list) in [
                ("added", &changes.added),
                ("changed", &changes.changed),
                ("removed", &changes.removed),
            ] {
                for (locale, slugs) in list {
                    println!("{label} ({locale}): {}", slugs.join(", "));
                }
            }
            for locale in pack.library.locale_codes() {
                let (falling_back, unreviewed) = pack.library.translation_summary(&locale);
                println!("translation ({locale}): {falling_back} shown in English, {unreviewed} unreviewed");
            }
        }
        PackCommand::Install { file, data } => {
            let pack = verify(&file, None)?;
            let store = Store::new(&data);
            let shown = shown_version(&store);
            store.install(&pack, shown)?;
            println!("installed version {}", pack.info.version);
        }
        PackCommand::Restore { data } => {
            if Store::new(&data).restore()? {
                println!("restored: version {}", shown_version(&Store::new(&data)));
            } else {
                bail!("nothing to restore: no earlier content was installed");
            }
        }
        PackCommand::Current { data } => {
            println!("{}", shown_version(&Store::new(&data)));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The version the app would show: the installed content if it loads and is newer than
/// the built-in one, else the built-in one.
fn shown_version(store: &Store) -> u64 {
    let embedded = Library::load(ContentSource::Embedded)
        .map(|l| l.manifest().version)
        .unwrap_or(0);
    store
        .current()
        .map_or(embedded, |l| l.manifest().version.max(embedded))
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

/// A copy of the content directory whose manifest says `version`.
fn stage_with_version(dir: &Path, version: u64) -> anyhow::Result<tempfile::TempDir> {
    let staged = tempfile::tempdir()?;
    copy_tree(dir, staged.path())?;
    let manifest = staged.path().join("manifest.toml");
    let text = std::fs::read_to_string(&manifest)
        .with_context(|| format!("reading {}", manifest.display()))?;
    let mut replaced = false;
    let text: Vec<String> = text
        .lines()
        .map(|line| {
            if !replaced && line.trim_start().starts_with("version") && line.contains('=') {
                replaced = true;
                format!("version = {version}")
            } else {
                line.to_string()
            }
        })
        .collect();
    if !replaced {
        bail!("{}: no `version = …` line", manifest.display());
    }
    std::fs::write(&manifest, text.join("\n") + "\n")?;
    Ok(staged)
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        let kind = entry.file_type()?;
        if kind.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else if kind.is_file() {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
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
