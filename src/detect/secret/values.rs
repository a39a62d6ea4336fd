//! Values of key-value pairs: where one ends, and which are placeholders, code or
//! versions rather than secrets.

use super::bytes::{byte, has_sub, push};
use super::keys::Strength;
use super::rules::{Kind, TOKENS};
use super::shapes::{looks_fake, masked_or_repeated};
use super::tokens::token;
use crate::vocab::Finding;

/// Opening quotes, longest first, and their closing forms.
const QUOTES: &[(&[u8], &[u8])] = &[
    (b"&quot;", b"&quot;"),
    (b"&#34;", b"&#34;"),
    (b"&#39;", b"&#39;"),
    (b"&#x27;", b"&#x27;"),
    (b"&apos;", b"&apos;"),
    (b"\\\\\"", b"\\\\\""),
    (b"\\\"", b"\\\""),
    (b"\"", b"\""),
    (b"'", b"'"),
    (b"`", b"`"),
];

pub(super) fn quote_at(b: &[u8], i: usize) -> Option<(&'static [u8], &'static [u8])> {
    QUOTES
        .iter()
        .find(|(o, _)| b.get(i..i + o.len()) == Some(o))
        .copied()
}

#[inline]
pub(super) fn line_end(b: &[u8], i: usize) -> usize {
    memchr::memchr(b'\n', &b[i.min(b.len())..]).map_or(b.len(), |p| i + p)
}

/// Reads a value at `i` (after separator and spaces): quoted up to its closing quote, or
/// unquoted up to a delimiter. Returns (start, end, quoted).
pub(super) fn read_value(b: &[u8], i: usize) -> Option<(usize, usize, bool)> {
    let le = line_end(b, i);
    if let Some((open, close)) = quote_at(b, i) {
        let s = i + open.len();
        let e = memchr::memmem::find(&b[s..le], close).map_or(le, |p| s + p);
        // A value opened by an escaped quote (`\"`, `&quot;`) lies inside a string or an
        // HTML text: it cannot run past any other quote or a tag, whatever its closing form
        // (`password=\"x"}` ends the JSON string there, not at the next `\"`).
        let escaped = open.len() > 1;
        let e = if escaped {
            let entity = open[0] == b'&';
            b[s..e]
                .iter()
                .enumerate()
                .find(|&(k, &c)| {
                    c == b'"'
                        || (entity && c == b'<')
                        || (c == b'&' && quote_at(b, s + k).is_some())
                })
                .map_or(e, |(k, _)| s + k)
        } else {
            e
        };
        let mut e = e;
        while e > s && matches!(b[e - 1], b'\r' | b' ' | b'\\') {
            e -= 1;
        }
        return Some((s, e, true));
    }
    let mut e = i;
    while e < le {
        let c = b[e];
        // A JSON/C escape (`\n`) ends the value as a real newline would.
        if c == b'\\' && matches!(byte(b, e + 1), b'n' | b'r' | b't') {
            break;
        }
        if c.is_ascii_whitespace()
            || matches!(
                c,
                b',' | b';' | b')' | b']' | b'}' | b'<' | b'>' | b'"' | b'\'' | b'&' | b'`'
            )
        {
            break;
        }
        e += 1;
    }
    Some((i, e, false))
}

/// Values that stand for a secret without being one.
pub(super) fn is_placeholder(v: &[u8]) -> bool {
    let first = v.first().copied().unwrap_or(0);
    if matches!(first, b'<' | b'[' | b'{' | b'$' | b'%' | b'#') {
        return true;
    }
    if v.len() >= 2 && v.iter().all(|&c| c == first) {
        return true;
    }
    if v.iter()
        .all(|&c| matches!(c, b'*' | b'x' | b'X' | b'.' | b'-' | b'_' | b'?' | b'#'))
    {
        return true;
    }
    if has_sub(v, b"***") || v.ends_with(b":") {
        return true;
    }
    let lower: Vec<u8> = v.iter().map(|c| c.to_ascii_lowercase()).collect();
    if lower.starts_with(b"0x") && lower.len() > 2 && lower[2..].iter().all(u8::is_ascii_hexdigit) {
        return true;
    }
    const WORDS: &[&str] = &[
        "null",
        "none",
        "nil",
        "true",
        "false",
        "undefined",
        "empty",
        "string",
        "str",
        "int",
        "bool",
        "boolean",
        "number",
        "object",
        "required",
        "optional",
        "hidden",
        "redacted",
        "masked",
        "removed",
        "omitted",
        "password",
        "passwd",
        "secret",
        "token",
        "value",
        "your",
        "yes",
        "no",
        "on",
        "off",
        "off.",
        "n/a",
        "na",
        "tbd",
        "todo",
        "example",
        "dummy",
        "placeholder",
        "default",
        "not",
        "is",
        "was",
        "are",
        "must",
        "should",
        "will",
        "can",
        "the",
        "and",
        "for",
        "from",
        "with",
        "field",
        "fields",
        "file",
        "reset",
        "expired",
        "changed",
        "invalid",
        "incorrect",
        "missing",
        "wrong",
        "length",
        "type",
        "auth",
        "self",
        "this",
        "none,",
        "os.environ",
        "process.env",
        "getenv",
        "env",
    ];
    if WORDS.iter().any(|w| w.as_bytes() == lower.as_slice()) {
        return true;
    }
    has_sub(&lower, b"example")
        || has_sub(&lower, b"your_")
        || has_sub(&lower, b"your-")
        || has_sub(&lower, b"{{")
        || has_sub(&lower, b"${")
}

/// An unquoted value that is code, not a literal: `getenv(...)`, `self.password`.
fn is_code(v: &[u8]) -> bool {
    if v.contains(&b'(') || v.contains(&b'{') {
        return true;
    }
    v.contains(&b'.')
        && v.split(|&c| c == b'.').all(|p| {
            !p.is_empty()
                && (p[0].is_ascii_alphabetic() || p[0] == b'_')
                && p.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'_')
        })
}

/// A value that looks machine-generated: long enough, letters and digits.
pub(super) fn looks_random(v: &[u8]) -> bool {
    let digits = v.iter().any(u8::is_ascii_digit);
    let alpha = v.iter().any(u8::is_ascii_alphabetic);
    (v.len() >= 8 && digits && alpha) || (v.len() >= 16 && alpha && !v.contains(&b' '))
}

fn is_uuid(v: &[u8]) -> bool {
    v.len() == 36
        && v.iter().enumerate().all(|(i, &c)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                c == b'-'
            } else {
                c.is_ascii_hexdigit()
            }
        })
}

/// A version number in a value: digits, a dot, digits, not inside a longer word
/// (`1.7.8`, `-0.11.2`, `rc0.15.0`, `v2.1`), and not the whole value.
fn has_version(v: &[u8]) -> bool {
    let mut i = 0;
    while i < v.len() {
        if v[i].is_ascii_digit() && (i == 0 || !v[i - 1].is_ascii_digit()) {
            let start = i;
            while i < v.len() && v[i].is_ascii_digit() {
                i += 1;
            }
            let before_ok = start == 0
                || !v[start - 1].is_ascii_alphanumeric()
                || (start >= 1 && matches!(v[start - 1], b'v' | b'V'))
                || (start >= 2 && v[start - 2..start].eq_ignore_ascii_case(b"rc"));
            if before_ok
                && i - start <= 4
                && v.get(i) == Some(&b'.')
                && v.get(i + 1).is_some_and(u8::is_ascii_digit)
            {
                let mut j = i + 1;
                while j < v.len() && v[j].is_ascii_digit() {
                    j += 1;
                }
                let after_ok = j == v.len() || !v[j].is_ascii_alphanumeric();
                if after_ok && j - (i + 1) <= 4 && (start, j) != (0, v.len()) {
                    return true;
                }
            }
        } else {
            i += 1;
        }
    }
    false
}

/// A dotted name (`com.example.feature_flag`, 3+ parts starting with a letter).
fn is_dotted_name(v: &[u8]) -> bool {
    let parts = v.split(|&c| c == b'.').count();
    parts >= 3
        && v.split(|&c| c == b'.').all(|p| {
            p.first().is_some_and(u8::is_ascii_alphabetic)
                && p.iter()
                    .all(|&c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
        })
}

/// A value that starts with a documented token prefix but does not have that token's
/// structure (`xoxp-1234567890`, `xoxp-1234-1234-1234-...`): a stand-in, not the token.
fn malformed_known_token(v: &[u8]) -> bool {
    TOKENS
        .iter()
        .filter(|t| t.kind == Kind::Token && t.pat.len() >= 4)
        .find(|t| v.starts_with(t.pat.as_bytes()))
        .is_some_and(|t| token(v, 0, t.pat.len(), t) != Some((0, v.len())))
}

pub(super) fn finish_value(
    b: &[u8],
    s: usize,
    e: usize,
    strength: Strength,
    quoted: bool,
    glued_colon: bool,
    out: &mut Vec<Finding>,
) -> Option<usize> {
    let v = &b[s..e];
    if v.len() < 4 || v.len() > 8192 || is_placeholder(v) || (!quoted && is_code(v)) {
        return None;
    }
    if masked_or_repeated(v) || malformed_known_token(v) {
        return None;
    }
    // `group:artifact:1.2.3`, `slf4j-api:jar:1.7.8:compile`: a coordinate with a version
    // after a `:` glued to the key, not a secret.
    if !quoted && glued_colon && has_version(v) {
        return None;
    }
    // A weak key (`key`, `api`) naming a thing: `key="jetbrains.mps.v8_elimination"`,
    // `bucket_key: "SalesResults-1.2"`.
    if strength == Strength::Weak && (has_version(v) || is_dotted_name(v)) {
        return None;
    }
    if strength == Strength::Weak && (!looks_random(v) || is_uuid(v)) {
        return None;
    }
    // A weak key (`key`, `api`, `auth`) with a template value (`...-KLMNO`, `xxxxxx`).
    if strength == Strength::Weak && looks_fake(v) {
        return None;
    }
    // A quote that opened prose, not a value: `password: ', but I don't`.
    if quoted
        && v.first().is_some_and(u8::is_ascii_punctuation)
        && v.get(1).is_some_and(u8::is_ascii_whitespace)
    {
        return None;
    }
    // Prose: an unquoted lower-case word followed by more words ("password is required").
    if !quoted
        && v.iter().all(u8::is_ascii_lowercase)
        && byte(b, e) == b' '
        && byte(b, e + 1).is_ascii_alphabetic()
    {
        return None;
    }
    push(out, "secret.key_value", s, e, "value of a secret-named key");
    Some(e)
}
