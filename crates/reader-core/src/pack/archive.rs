//! The payload: a gzip'd tar, read into memory under limits, every entry checked. Only
//! regular files with plain relative paths get through: no links, devices, absolute paths,
//! `..`, duplicates; and no more bytes, entries or expansion than the limits allow (a
//! decompression bomb stops at the limit, not at the end of the disk).

use std::collections::BTreeMap;
use std::io::Read;

use flate2::read::GzDecoder;
use flate2::write::GzEncoder;

use super::PackError;

/// Bounds on what a pack may unpack to.
#[derive(Debug, Clone)]
pub struct Limits {
    /// The pack file itself.
    pub max_pack_bytes: u64,
    pub max_unpacked_bytes: u64,
    pub max_entries: usize,
    /// Unpacked size at most this many times the packed size.
    pub max_ratio: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_pack_bytes: 256 * 1024 * 1024,
            max_unpacked_bytes: 256 * 1024 * 1024,
            max_entries: 50_000,
            max_ratio: 100,
        }
    }
}

/// A reader that fails once more than `left` bytes have come through.
struct Bounded<R> {
    inner: R,
    left: u64,
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.left = self
            .left
            .checked_sub(n as u64)
            .ok_or_else(|| std::io::Error::other(TOO_LARGE))?;
        Ok(n)
    }
}

const TOO_LARGE: &str = "more bytes than the limit";

/// Writes files (path → bytes) as a deterministic gzip'd tar.
pub fn write(files: &BTreeMap<String, Vec<u8>>) -> std::io::Result<Vec<u8>> {
    let mut builder = tar::Builder::new(GzEncoder::new(Vec::new(), flate2::Compression::default()));
    for (path, bytes) in files {
        let mut header = tar::Header::new_gnu();
        header.set_entry_type(tar::EntryType::Regular);
        header.set_size(bytes.len() as u64);
        header.set_mode(0o644);
        header.set_mtime(0);
        builder.append_data(&mut header, path, bytes.as_slice())?;
    }
    builder.into_inner()?.finish()
}

/// Reads the payload's files, refusing anything unsafe or too large.
pub fn read(payload: &[u8], limits: &Limits) -> Result<BTreeMap<String, Vec<u8>>, PackError> {
    let budget = limits.max_unpacked_bytes.min(
        (payload.len() as u64)
            .saturating_mul(limits.max_ratio)
            .max(1024 * 1024),
    );
    let too_large = || PackError::TooLarge(format!("more than {budget} bytes"));
    let corrupt = |e: std::io::Error| {
        if e.to_string().contains(TOO_LARGE) {
            too_large()
        } else {
            PackError::Corrupt(e.to_string())
        }
    };
    let mut archive = tar::Archive::new(Bounded {
        inner: GzDecoder::new(payload),
        left: budget,
    });
    let mut files = BTreeMap::new();
    for (count, entry) in archive.entries().map_err(corrupt)?.enumerate() {
        if count >= limits.max_entries {
            return Err(PackError::TooLarge(format!(
                "more than {} entries",
                limits.max_entries
            )));
        }
        let mut entry = entry.map_err(corrupt)?;
        let path = entry
            .path()
            .map_err(|e| PackError::Corrupt(e.to_string()))?
            .to_str()
            .map(str::to_string)
            .ok_or(PackError::UnsafeEntry {
                path: "(not UTF-8)".into(),
                why: "its name is not text",
            })?;
        let unsafe_entry = |why| PackError::UnsafeEntry {
            path: path.clone(),
            why,
        };
        match entry.header().entry_type() {
            tar::EntryType::Regular | tar::EntryType::Continuous => {}
            tar::EntryType::Directory => continue,
            tar::EntryType::Symlink => return Err(unsafe_entry("a symbolic link")),
            tar::EntryType::Link => return Err(unsafe_entry("a hard link")),
            tar::EntryType::Char | tar::EntryType::Block | tar::EntryType::Fifo => {
                return Err(unsafe_entry("a device or pipe"))
            }
            _ => return Err(unsafe_entry("not a regular file")),
        }
        if let Some(why) = path_problem(&path) {
            return Err(unsafe_entry(why));
        }
        let size = entry.header().size().map_err(corrupt)?;
        if size > budget {
            return Err(too_large());
        }
        let mut bytes = Vec::with_capacity(size as usize);
        entry.read_to_end(&mut bytes).map_err(corrupt)?;
        if files.insert(path.clone(), bytes).is_some() {
            return Err(unsafe_entry("it appears twice"));
        }
    }
    Ok(files)
}

/// Why a path can't be a content file's, if it can't.
fn path_problem(path: &str) -> Option<&'static str> {
    if path.starts_with('/') {
        return Some("an absolute path");
    }
    if path.split('/').any(|s| s == ".." || s == ".") {
        return Some("it climbs out of the content");
    }
    if path.split('/').any(str::is_empty) {
        return Some("an empty path segment");
    }
    if !path
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-_./".contains(&b))
        || path.starts_with('.')
    {
        return Some("characters a content path never has");
    }
    if is_ui_strings(path) {
        return Some("the reader's own UI strings, which ship with the app, never in a pack");
    }
    None
}

/// A locale's UI strings or their records (`<locale>/ui.ftl`, `<locale>/ui.status.toml`):
/// packs carry content only.
pub(crate) fn is_ui_strings(path: &str) -> bool {
    matches!(path.split_once('/'), Some((_, "ui.ftl" | "ui.status.toml")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_of_content_only() {
        assert_eq!(path_problem("lo/pages/news/country-strategy.ftl"), None);
        for bad in [
            "/etc/passwd",
            "../x",
            "lo/../../x",
            "lo//x",
            "lo/./x",
            "lo\\x",
            ".hidden",
            "lo/x\u{0}",
            "ລ/x",
        ] {
            assert!(path_problem(bad).is_some(), "{bad:?}");
        }
    }

    #[test]
    fn round_trip() {
        let files = BTreeMap::from([
            ("a.txt".to_string(), b"x".to_vec()),
            ("lo/b.ftl".to_string(), b"y = z".to_vec()),
        ]);
        assert_eq!(
            read(&write(&files).unwrap(), &Limits::default()).unwrap(),
            files
        );
    }
}
