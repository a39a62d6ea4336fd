//! The keyed hash strategy: HMAC-SHA-256 of the normalised value under a user key, shown short
//! (`[EMAIL:3f2a9c1d]`). The same key gives the same placeholder on every machine and in every
//! document, so tickets can be correlated without the values; without the key the placeholder
//! cannot be reversed or brute-forced from a list of candidate addresses.

use crate::vocab::hex;
use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// Hex digits shown in a placeholder; doubled when two values collide within one run.
pub const SHORT_HEX: usize = 8;
/// Hex digits shown after a collision (see `SHORT_HEX`).
pub const LONG_HEX: usize = 16;

/// HMAC-SHA-256 of `label`, a NUL and `normalised` under `key`, as hex. The label is part of
/// the message so that the same string in two categories gives unrelated placeholders.
pub fn keyed_digest(key: &[u8], label: &str, normalised: &str) -> String {
    // HMAC accepts keys of any length; the error branch cannot be reached.
    let Ok(mut mac) = HmacSha256::new_from_slice(key) else {
        return String::new();
    };
    mac.update(label.as_bytes());
    mac.update(&[0]);
    mac.update(normalised.as_bytes());
    hex(&mac.finalize().into_bytes())
}

/// The placeholder for `digest` with `digits` hex digits: `[EMAIL:3f2a9c1d]`.
pub fn placeholder(label: &str, digest: &str, digits: usize) -> String {
    let d = digest.get(..digits).unwrap_or(digest);
    format!("[{label}:{d}]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4231_case_2() {
        // HMAC-SHA-256("Jefe", "what do ya want for nothing?"): label+NUL+value is the message,
        // so build it to match the RFC's message exactly.
        let mut mac = HmacSha256::new_from_slice(b"Jefe").unwrap();
        mac.update(b"what do ya want for nothing?");
        assert_eq!(
            hex(&mac.finalize().into_bytes()),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn stable_and_keyed() {
        let a = keyed_digest(b"k1", "EMAIL", "a@b.com");
        assert_eq!(a, keyed_digest(b"k1", "EMAIL", "a@b.com"));
        assert_ne!(a, keyed_digest(b"k2", "EMAIL", "a@b.com"));
        assert_ne!(a, keyed_digest(b"k1", "NAME", "a@b.com"));
        assert_eq!(a.len(), 64);
        let p = placeholder("EMAIL", &a, SHORT_HEX);
        assert!(
            p.starts_with("[EMAIL:") && p.len() == "[EMAIL:]".len() + 8,
            "{p}"
        );
    }
}
