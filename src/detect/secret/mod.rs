//! Secrets: API keys by their documented prefixes, JWTs, `Authorization` header values,
//! cookies and session ids, PEM private keys, and the values of `password=`/`token:`/
//! `--secret x` style key-value pairs.
//!
//! Candidates come from two cheap passes. Tokens: every documented prefix (`ghp_`, `AKIA`,
//! `eyJ`, ...) starts a run of at least 14 token bytes, so 64-byte blocks are first checked
//! for such a run with a vectorizable bit mask, and only inside runs are word starts (and
//! the few mid-word anchors) dispatched on their first two bytes; `-----BEGIN ` is found
//! by memmem. Key-value pairs: the text is lower-cased in chunks and searched for rare
//! 3-4 byte needles of the key-name stems (`ecret`, `token`, `pass`, `key`, ...) with the
//! SIMD prefilter of aho-corasick. Each hit is then validated by a small hand-written
//! scanner, cheapest necessary conditions (a separator after the key) first. Only the
//! value is reported, never the key name.
//!
//! Placeholders are never reported: empty values, `<password>`, `${VAR}`, `%s`, `{{token}}`,
//! `***`, `xxx`, `null`/`None`/`true`, our own `[SECRET-1]`, prose ("password is required").
//! `changeme` and similar well-known defaults ARE reported: they are real, working
//! credentials far more often than placeholders, and redacting one costs nothing.

mod bytes;
mod keys;
mod pairs;
mod rules;
mod shapes;
mod tokens;
mod values;

#[cfg(test)]
mod tests;

use super::{Category, Detector, Finding};
use pairs::key_values;
use tokens::tokens;

/// The detector of this module (see the module documentation).
pub struct SecretDetector;
impl Detector for SecretDetector {
    fn categories(&self) -> &[Category] {
        &[Category::Secret]
    }

    fn detect(&self, text: &str, out: &mut Vec<Finding>) {
        let bytes = text.as_bytes();
        let start = out.len();
        tokens(bytes, out);
        key_values(bytes, out);
        // Findings must sit on char boundaries; values are ASCII-delimited, but a body
        // scanner stopping inside a multi-byte char must never reach the engine.
        let mut i = start;
        while i < out.len() {
            let f = &out[i];
            if text.is_char_boundary(f.start) && text.is_char_boundary(f.end) && f.start < f.end {
                i += 1;
            } else {
                out.swap_remove(i);
            }
        }
    }
}
