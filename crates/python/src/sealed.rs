//! The encrypted mapping file, in the page's format (`www/src/crypto.ts`): a JSON envelope
//! `{"format": "logscrub-mapping-v1", "kdf": "PBKDF2-SHA256", "iterations", "cipher":
//! "AES-256-GCM", "salt", "iv", "data"}` with base64 fields; the key is PBKDF2-SHA-256 of the
//! passphrase, the data the mapping JSON sealed with AES-256-GCM. A file written here opens
//! in the page's Restore view, and the other way round.

use aes_gcm::aead::rand_core::RngCore;
use aes_gcm::aead::{Aead, KeyInit, OsRng};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;

pub const FORMAT: &str = "logscrub-mapping-v1";
/// The page's iteration count (OWASP's 2023 figure for PBKDF2-HMAC-SHA-256).
const ITERATIONS: u32 = 600_000;
/// Bounds on a file's iteration count: a crafted file must not derive a key forever.
const MIN_ITERATIONS: u64 = 100_000;
const MAX_ITERATIONS: u64 = 10_000_000;

fn key(pass: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    let mut k = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(pass.as_bytes(), salt, iterations, &mut k);
    k
}

/// Seals `mapping_json` with `pass`; returns the envelope as JSON.
pub fn seal(mapping_json: &str, pass: &str) -> Result<String, String> {
    if pass.is_empty() {
        return Err("the passphrase is empty".into());
    }
    let mut salt = [0u8; 16];
    let mut iv = [0u8; 12];
    OsRng.fill_bytes(&mut salt);
    OsRng.fill_bytes(&mut iv);
    let cipher = Aes256Gcm::new_from_slice(&key(pass, &salt, ITERATIONS))
        .map_err(|_| "the key has the wrong length".to_string())?;
    let data = cipher
        .encrypt(Nonce::from_slice(&iv), mapping_json.as_bytes())
        .map_err(|_| "encryption failed".to_string())?;
    Ok(serde_json::json!({
        "format": FORMAT,
        "kdf": "PBKDF2-SHA256",
        "iterations": ITERATIONS,
        "cipher": "AES-256-GCM",
        "salt": B64.encode(salt),
        "iv": B64.encode(iv),
        "data": B64.encode(data),
    })
    .to_string())
}

/// `doc` parsed, when it is an envelope; `None` for a plain mapping (or anything else, which
/// the mapping reader then refuses with its own message).
pub fn envelope(doc: &str) -> Option<serde_json::Value> {
    serde_json::from_str::<serde_json::Value>(doc)
        .ok()
        .filter(|v| v.get("format").and_then(|f| f.as_str()) == Some(FORMAT))
}

/// Opens an envelope (from [`envelope`]) with `pass`; the error says what is wrong (never
/// the content).
pub fn open(v: &serde_json::Value, pass: &str) -> Result<String, String> {
    let field = |k: &str| v.get(k).and_then(|x| x.as_str());
    if field("kdf") != Some("PBKDF2-SHA256") || field("cipher") != Some("AES-256-GCM") {
        return Err(format!(
            "unsupported encryption ({}, {})",
            field("kdf").unwrap_or("?"),
            field("cipher").unwrap_or("?")
        ));
    }
    let iterations = v
        .get("iterations")
        .and_then(|x| x.as_u64())
        .filter(|n| (MIN_ITERATIONS..=MAX_ITERATIONS).contains(n))
        .and_then(|n| u32::try_from(n).ok())
        .ok_or("the encrypted mapping has an invalid iteration count")?;
    let bytes = |k: &str| {
        field(k)
            .ok_or_else(|| format!("the encrypted mapping has no {k}"))
            .and_then(|s| {
                B64.decode(s)
                    .map_err(|_| format!("the encrypted mapping's {k} is not base64"))
            })
    };
    let (salt, iv, data) = (bytes("salt")?, bytes("iv")?, bytes("data")?);
    if iv.len() != 12 || salt.len() < 8 {
        return Err("the encrypted mapping's salt or iv is invalid".into());
    }
    let cipher = Aes256Gcm::new_from_slice(&key(pass, &salt, iterations))
        .map_err(|_| "the key has the wrong length".to_string())?;
    let plain = cipher
        .decrypt(Nonce::from_slice(&iv), data.as_slice())
        .map_err(|_| "wrong passphrase, or the file is damaged".to_string())?;
    String::from_utf8(plain).map_err(|_| "the decrypted mapping is not UTF-8".into())
}
