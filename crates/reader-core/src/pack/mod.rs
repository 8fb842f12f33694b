//! Content packs: new content on a USB stick or by e-mail, signed by the office, installed
//! safely. A pack file is
//!
//! ```text
//! "IOMPACK" 0x01      magic and format version (8 bytes)
//! key id              first 8 bytes of SHA-256 of the signer's public key
//! signature           Ed25519 over magic ‖ key id ‖ SHA-512(payload) (64 bytes)
//! payload             a gzip'd tar: pack.toml, manifest.toml, <locale>/…, images/…
//! ```
//!
//! (minisign's shape: a prehashed Ed25519 signature over the whole payload, and a key id to
//! say which key.) Nothing in the payload is looked at before the signature holds; then the
//! archive is read into memory under limits, with every entry checked, and the content must
//! load and pass `reader check` without errors.

mod archive;
mod import;
pub mod keys;
pub mod store;

use std::collections::BTreeMap;

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha512};

use crate::library::Library;
use crate::manifest::IsoDate;
use crate::source::{ContentFiles, ContentSource};

pub use archive::Limits;
pub use import::{Importer, PackPreview};

pub const MAGIC: &[u8; 7] = b"IOMPACK";
pub const FORMAT: u8 = 1;
const HEADER_LEN: usize = 8 + 8 + 64;

/// Why a pack is refused. `kind()` names it for the UI, which says it in the reader's
/// language (`pack-error-<kind>` in ui.ftl).
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    #[error("this file is not a content pack")]
    NotAPack,
    #[error("this pack is not signed")]
    Unsigned,
    #[error("this pack was made for a newer version of the reader (pack format {0})")]
    NewerFormat(u8),
    #[error("this pack is signed by an unknown publisher (key {0})")]
    UnknownKey(String),
    #[error("this pack is damaged or was changed after it was signed")]
    BadSignature,
    #[error("this pack is damaged: {0}")]
    Corrupt(String),
    #[error("this pack holds an unsafe entry `{path}`: {why}")]
    UnsafeEntry { path: String, why: &'static str },
    #[error("this pack is too large when unpacked: {0}")]
    TooLarge(String),
    #[error("this pack's content has errors: {0}")]
    InvalidContent(String),
    #[error(
        "this pack (version {pack}) is not newer than the content installed (version {installed})"
    )]
    NotNewer { pack: u64, installed: u64 },
    #[error(
        "this pack (version {pack}) is older than content installed before (version {newest}): \
         going back is refused"
    )]
    OlderThanInstalled { pack: u64, newest: u64 },
    #[error("another import or restore of content is under way")]
    Busy,
    #[error("no pack is waiting to be installed: open one first")]
    NothingPending,
    #[error("packs can't be installed while the reader shows a content folder (--content)")]
    NoStore,
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl PackError {
    pub fn kind(&self) -> &'static str {
        match self {
            PackError::NotAPack => "not-a-pack",
            PackError::Unsigned => "unsigned",
            PackError::NewerFormat(_) => "newer-format",
            PackError::UnknownKey(_) => "unknown-key",
            PackError::BadSignature => "bad-signature",
            PackError::Corrupt(_) => "corrupt",
            PackError::UnsafeEntry { .. } => "unsafe-entry",
            PackError::TooLarge(_) => "too-large",
            PackError::InvalidContent(_) => "invalid-content",
            PackError::NotNewer { .. } => "not-newer",
            PackError::OlderThanInstalled { .. } => "older-than-installed",
            PackError::Busy => "busy",
            PackError::NothingPending => "nothing-pending",
            PackError::NoStore => "no-store",
            PackError::Io(_) => "io",
        }
    }
}

/// `pack.toml`: who made the pack, and which content version it brings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackInfo {
    pub format: u32,
    pub publisher: String,
    pub version: u64,
    pub date: IsoDate,
}

/// A pack whose signature holds and whose content loads without errors.
pub struct VerifiedPack {
    pub info: PackInfo,
    pub key_id: String,
    /// The content files as they will be installed (path → bytes).
    pub files: BTreeMap<String, Vec<u8>>,
    pub library: Library,
}

impl std::fmt::Debug for VerifiedPack {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VerifiedPack")
            .field("info", &self.info)
            .field("key_id", &self.key_id)
            .finish()
    }
}

/// Builds a signed pack of content `version` from a content directory (refused if
/// `reader check` finds errors; UI strings are left out: they ship with the app). The pack's
/// manifest is the folder's with `version` set; the folder is not changed.
pub fn build(
    content_dir: &std::path::Path,
    key: &SigningKey,
    publisher: &str,
    version: u64,
) -> Result<Vec<u8>, PackError> {
    let library = Library::load(ContentSource::Directory(content_dir.to_path_buf()))
        .map_err(|e| PackError::InvalidContent(e.to_string()))?;
    check_clean(&library)?;
    let info = PackInfo {
        format: 1,
        publisher: publisher.to_string(),
        version,
        date: library.manifest().date,
    };
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    files.insert(
        "pack.toml".into(),
        toml::to_string(&info).expect("plain data").into_bytes(),
    );
    for path in library.files().paths() {
        if archive::is_ui_strings(path) {
            continue;
        }
        // Bytes of `.ftl` files were moved into the bundles: read them again.
        let bytes = std::fs::read(content_dir.join(path))?;
        files.insert(path.to_string(), bytes);
    }
    let manifest = String::from_utf8_lossy(&files["manifest.toml"]).into_owned();
    files.insert(
        "manifest.toml".into(),
        with_version(&manifest, version)?.into_bytes(),
    );
    let payload = archive::write(&files)?;
    Ok(sign(&payload, key))
}

/// The manifest with its `version` set, comments and layout kept.
fn with_version(manifest: &str, version: u64) -> Result<String, PackError> {
    let invalid = |why: String| PackError::InvalidContent(format!("manifest.toml: {why}"));
    let mut document: toml_edit::DocumentMut =
        manifest.parse().map_err(|e| invalid(format!("{e}")))?;
    let version =
        i64::try_from(version).map_err(|_| invalid(format!("version {version} is too large")))?;
    let value = document
        .get_mut("version")
        .and_then(toml_edit::Item::as_value_mut)
        .ok_or_else(|| invalid("no `version`".into()))?;
    let decor = value.decor().clone();
    *value = version.into();
    *value.decor_mut() = decor;
    Ok(document.to_string())
}

/// The pack file: header and signature, then the payload.
pub fn sign(payload: &[u8], key: &SigningKey) -> Vec<u8> {
    let key_id = keys::key_id(&key.verifying_key());
    let message = signed_message(&key_id, payload);
    let signature = key.sign(&message);
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
    out.extend_from_slice(MAGIC);
    out.push(FORMAT);
    out.extend_from_slice(&key_id);
    out.extend_from_slice(&signature.to_bytes());
    out.extend_from_slice(payload);
    out
}

fn signed_message(key_id: &[u8; 8], payload: &[u8]) -> Vec<u8> {
    let mut message = Vec::with_capacity(8 + 8 + 64);
    message.extend_from_slice(MAGIC);
    message.push(FORMAT);
    message.extend_from_slice(key_id);
    message.extend_from_slice(&Sha512::digest(payload));
    message
}

/// Checks the signature against `trusted` keys, then reads and validates the content.
pub fn verify(
    bytes: &[u8],
    trusted: &[VerifyingKey],
    limits: &Limits,
) -> Result<VerifiedPack, PackError> {
    let payload = check_signature(bytes, trusted)?;
    let key_id = hex::encode(&bytes[8..16]);
    read_verified_payload(payload, key_id, limits)
}

/// Reads a pack file for [`verify`], checking before reading: it must be a regular file (a
/// FIFO would block, a device never end) of at most `max_pack_bytes`, starting with a pack's
/// header. The CLI and the app read packs through this one function.
pub fn read_file(path: &std::path::Path, limits: &Limits) -> Result<Vec<u8>, PackError> {
    use std::io::Read;
    let check = |meta: std::fs::Metadata| {
        if !meta.is_file() {
            return Err(PackError::NotAPack);
        }
        if meta.len() > limits.max_pack_bytes {
            return Err(PackError::TooLarge(format!(
                "{} bytes, more than {}",
                meta.len(),
                limits.max_pack_bytes
            )));
        }
        Ok(())
    };
    // Before opening (a link is followed to what it names)...
    check(std::fs::metadata(path)?)?;
    // ... and the file opened, in case it was swapped since: without blocking, so that even
    // a FIFO put in its place in between can't make `open` wait for a writer.
    let mut file = open_without_blocking(path)?;
    check(file.metadata()?)?;
    let mut bytes = Vec::new();
    (&mut file)
        .take(HEADER_LEN as u64)
        .read_to_end(&mut bytes)?;
    check_magic(&bytes)?;
    file.take(limits.max_pack_bytes - bytes.len() as u64 + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limits.max_pack_bytes {
        return Err(PackError::TooLarge(format!(
            "more than {} bytes",
            limits.max_pack_bytes
        )));
    }
    Ok(bytes)
}

#[cfg(unix)]
fn open_without_blocking(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// Whether a file starts as a pack does.
fn check_magic(bytes: &[u8]) -> Result<(), PackError> {
    if bytes.starts_with(MAGIC) {
        return Ok(());
    }
    // A gzip'd tar without our header: a pack that was never signed.
    Err(if bytes.starts_with(&[0x1f, 0x8b]) {
        PackError::Unsigned
    } else {
        PackError::NotAPack
    })
}

/// The payload, once the header and signature hold.
fn check_signature<'a>(bytes: &'a [u8], trusted: &[VerifyingKey]) -> Result<&'a [u8], PackError> {
    check_magic(bytes)?;
    if bytes.len() < HEADER_LEN {
        return Err(PackError::Corrupt("the file ends inside its header".into()));
    }
    if bytes[7] != FORMAT {
        return Err(PackError::NewerFormat(bytes[7]));
    }
    let key_id: [u8; 8] = bytes[8..16].try_into().expect("8 bytes");
    let key = trusted
        .iter()
        .find(|k| keys::key_id(k) == key_id)
        .ok_or_else(|| PackError::UnknownKey(hex::encode(key_id)))?;
    let signature = Signature::from_bytes(bytes[16..80].try_into().expect("64 bytes"));
    let payload = &bytes[HEADER_LEN..];
    key.verify(&signed_message(&key_id, payload), &signature)
        .map_err(|_| PackError::BadSignature)?;
    Ok(payload)
}

/// Reads a payload (whose signature was checked, or, for fuzzing, not) into a library.
pub fn read_verified_payload(
    payload: &[u8],
    key_id: String,
    limits: &Limits,
) -> Result<VerifiedPack, PackError> {
    let mut files = archive::read(payload, limits)?;
    let info_bytes = files
        .remove("pack.toml")
        .ok_or_else(|| PackError::Corrupt("no pack.toml".into()))?;
    let info: PackInfo = toml::from_str(&String::from_utf8_lossy(&info_bytes))
        .map_err(|e| PackError::Corrupt(format!("pack.toml: {}", e.message())))?;
    if info.format != 1 {
        return Err(PackError::NewerFormat(
            u8::try_from(info.format).unwrap_or(u8::MAX),
        ));
    }
    let mut content = ContentFiles::default();
    for (path, bytes) in &files {
        content.insert(path.clone(), bytes.clone());
    }
    let library = Library::from_files(ContentSource::Embedded, content)
        .map_err(|e| PackError::InvalidContent(e.to_string()))?;
    check_clean(&library)?;
    if library.manifest().version != info.version {
        return Err(PackError::InvalidContent(format!(
            "pack.toml says version {}, manifest.toml {}",
            info.version,
            library.manifest().version
        )));
    }
    Ok(VerifiedPack {
        info,
        key_id,
        files,
        library,
    })
}

/// Content with `reader check` errors is never packed nor installed (warnings are fine: a
/// pack may bring English-only news that falls back).
fn check_clean(library: &Library) -> Result<(), PackError> {
    let errors: Vec<String> = crate::lint::check(library)
        .into_iter()
        .filter(|d| d.kind.is_error())
        .map(|d| d.to_string())
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(PackError::InvalidContent(errors.join("; ")))
    }
}

/// What a pack changes, page by page and language by language, against the content shown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Changes {
    /// locale → slugs
    pub added: BTreeMap<String, Vec<String>>,
    pub changed: BTreeMap<String, Vec<String>>,
    pub removed: BTreeMap<String, Vec<String>>,
}

/// Pages added, changed and removed per locale (a page counts as changed when any of its
/// messages' source changed).
pub fn changes(installed: &Library, pack: &Library) -> Changes {
    let mut changes = Changes::default();
    let locales: std::collections::BTreeSet<String> = installed
        .locales()
        .iter()
        .chain(pack.locales())
        .map(|l| l.code.to_string())
        .collect();
    let fingerprints = |library: &Library, locale: &str, slug: &str| -> Option<Vec<String>> {
        let page = library.manifest().page(slug)?;
        let bundle = library.localizer().bundle(locale)?;
        library.page_is_translated(locale, page).then(|| {
            page.blocks
                .iter()
                .map(|b| bundle.fingerprint(&b.id).unwrap_or_default())
                .collect()
        })
    };
    for locale in &locales {
        let slugs: std::collections::BTreeSet<&str> = installed
            .manifest()
            .pages
            .iter()
            .chain(&pack.manifest().pages)
            .map(|p| p.slug.as_str())
            .collect();
        for slug in slugs {
            let (before, after) = (
                fingerprints(installed, locale, slug),
                fingerprints(pack, locale, slug),
            );
            let list = match (&before, &after) {
                (None, Some(_)) => &mut changes.added,
                (Some(_), None) => &mut changes.removed,
                (Some(b), Some(a)) if b != a => &mut changes.changed,
                _ => continue,
            };
            list.entry(locale.clone())
                .or_default()
                .push(slug.to_string());
        }
    }
    changes
}
