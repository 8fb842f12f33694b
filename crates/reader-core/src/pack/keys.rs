//! Signing keys: text files of hex, the secret one kept by the office, the public one
//! compiled into the reader (`keys/office.pub`). Builds for tests also trust the test key
//! (`tests/keys/test.pub`, feature `test-key`); a release build never does.

use ed25519_dalek::{SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

/// The office's public key, compiled in.
const OFFICE_PUBLIC_KEY: &str = include_str!("../../../../keys/office.pub");
#[cfg(feature = "test-key")]
const TEST_PUBLIC_KEY: &str = include_str!("../../../../tests/keys/test.pub");

/// The keys this build accepts packs from.
pub fn trusted() -> Vec<VerifyingKey> {
    let office = parse_public(OFFICE_PUBLIC_KEY).expect("keys/office.pub is a public key");
    #[cfg(feature = "test-key")]
    return vec![
        office,
        parse_public(TEST_PUBLIC_KEY).expect("tests/keys/test.pub is a public key"),
    ];
    #[cfg(not(feature = "test-key"))]
    vec![office]
}

/// First 8 bytes of SHA-256 of the public key: which key signed a pack.
pub fn key_id(key: &VerifyingKey) -> [u8; 8] {
    Sha256::digest(key.as_bytes())[..8]
        .try_into()
        .expect("8 bytes")
}

/// A new key pair from the operating system's random source.
pub fn generate() -> Result<SigningKey, String> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| e.to_string())?;
    Ok(SigningKey::from_bytes(&seed))
}

/// Key files: the last non-empty, non-comment line is 64 hex digits.
fn key_bytes(text: &str) -> Option<[u8; 32]> {
    let line = text
        .lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty() && !l.starts_with('#'))?;
    if line.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(line.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

pub fn parse_public(text: &str) -> Option<VerifyingKey> {
    VerifyingKey::from_bytes(&key_bytes(text)?).ok()
}

pub fn parse_secret(text: &str) -> Option<SigningKey> {
    Some(SigningKey::from_bytes(&key_bytes(text)?))
}

pub fn public_file(key: &VerifyingKey, comment: &str) -> String {
    format!("# {comment}\n{}\n", hex::encode(key.as_bytes()))
}

pub fn secret_file(key: &SigningKey, comment: &str) -> String {
    format!(
        "# {comment}: SECRET, keep offline, never commit\n{}\n",
        hex::encode(key.to_bytes())
    )
}
