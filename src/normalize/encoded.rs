//! Base64 and hex runs that decode to text: a run whose text holds a finding is that finding
//! as a whole (`am9obkBjb250b3NvLmNvbQ==` is `email.base64`). Hashes, ids and binary blobs
//! decode to bytes that are not printable text and are left alone.

use crate::codec::b64_value;
use crate::detect::{Category, Detector, Finding};
use std::borrow::Cow;

/// Shortest run decoded (16 base64 characters hold 12 bytes, 16 hex digits 8).
const MIN_RUN: usize = 16;
/// Longest run decoded (a larger blob is an attachment, not an obfuscated value).
const MAX_RUN: usize = 64 * 1024;

/// Whether `b` may be in text: printable, white space, or part of a UTF-8 sequence.
fn text_byte(b: u8) -> bool {
    b >= 0x20 && b != 0x7F || matches!(b, b'\t' | b'\n' | b'\r')
}

/// The decoded bytes of a base64 run, or `None` as soon as one is not text.
fn decode_base64(run: &[u8]) -> Option<Vec<u8>> {
    let data = run
        .strip_suffix(b"==")
        .or(run.strip_suffix(b"="))
        .unwrap_or(run);
    if data.len() % 4 == 1 || data.contains(&b'=') {
        return None;
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 2);
    for chunk in data.chunks(4) {
        let mut n = 0u32;
        for (k, &c) in chunk.iter().enumerate() {
            n |= b64_value(c)? << (18 - 6 * k);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        for &b in &bytes[..chunk.len() - 1] {
            if !text_byte(b) {
                return None;
            }
            out.push(b);
        }
    }
    Some(out)
}

/// The decoded bytes of a hex run, or `None` as soon as one is not text.
fn decode_hex(run: &[u8]) -> Option<Vec<u8>> {
    if run.len() % 2 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(run.len() / 2);
    for pair in run.chunks(2) {
        let b = ((pair[0] as char).to_digit(16)? * 16 + (pair[1] as char).to_digit(16)?) as u8;
        if !text_byte(b) {
            return None;
        }
        out.push(b);
    }
    Some(out)
}

fn run_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'-' | b'_')
}

/// Appends a finding for each base64 or hex run of `text` whose decoded text holds one.
pub(super) fn detect(text: &str, detectors: &[Box<dyn Detector>], out: &mut Vec<Finding>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !run_byte(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && run_byte(b[i]) {
            i += 1;
        }
        let mut end = i;
        while end < b.len() && end - i < 2 && b[end] == b'=' {
            end += 1;
        }
        let run = &b[start..end];
        if run.len() < MIN_RUN || run.len() > MAX_RUN {
            continue;
        }
        let data = &b[start..i];
        let (kind, decoded) = if data.iter().all(u8::is_ascii_hexdigit) && end == i {
            ("hex", decode_hex(data))
        } else if data.iter().any(u8::is_ascii_uppercase) && data.iter().any(u8::is_ascii_lowercase)
        {
            ("base64", decode_base64(run))
        } else {
            continue;
        };
        // Personal data has an `@` or digits: text without them (a path, words that happen
        // to decode) is not scanned.
        let Some(decoded) = decoded
            .filter(|d| d.contains(&b'@') || d.iter().filter(|c| c.is_ascii_digit()).count() >= 4)
            .and_then(|d| String::from_utf8(d).ok())
        else {
            continue;
        };
        if let Some(f) = inner(&decoded, detectors) {
            let key = f
                .key
                .clone()
                .or_else(|| decoded.get(f.start..f.end).map(str::to_string));
            out.push(Finding {
                rule: Cow::Owned(format!("{}.{kind}", f.category.id())),
                start,
                end,
                reason: Cow::Borrowed("its decoded text holds a finding"),
                key,
                ..f
            });
        }
    }
}

/// The most specific finding in a decoded text (read normalised too).
fn inner(decoded: &str, detectors: &[Box<dyn Detector>]) -> Option<Finding> {
    let mut found = Vec::new();
    for d in detectors {
        d.detect(decoded, &mut found);
    }
    super::detect_views(decoded, detectors, &mut found);
    // Personal data only: secrets have their own rules for encoded forms (basic
    // authorization, keys by prefix), and a decoded blob that merely looks like a key or a
    // `password=` line (test data, templates) is not one.
    found
        .into_iter()
        .filter(|f| f.start < f.end && f.end <= decoded.len())
        .filter(|f| {
            !matches!(
                f.category,
                Category::Secret | Category::UrlCredentials | Category::UrlToken
            )
        })
        .max_by_key(|f| (f.category.specificity(), f.len()))
}
