//! The leak check: after replacement, no original value (in any common encoding) and no fresh
//! detection may remain in the output.

use super::{Engine, Residual};
use crate::detect::Category;
use aho_corasick::{AhoCorasickBuilder, MatchKind};
use std::collections::BTreeSet;

/// Spans of replacement placeholders in `out`: `[LABEL]`, `[LABEL-12]`, `[LABEL:3f2a9c1d]`.
pub(crate) fn placeholder_spans(out: &str) -> Vec<(usize, usize)> {
    let b = out.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'[', &b[i..]) {
        let s = i + p;
        i = s + 1;
        if let Some(len) = placeholder_len(&b[s..]) {
            spans.push((s, s + len));
            i = s + len;
        }
    }
    spans
}

/// Length of the placeholder at the start of `b`, if one is there.
fn placeholder_len(b: &[u8]) -> Option<usize> {
    let mut j = 1;
    if !b.get(j)?.is_ascii_uppercase() {
        return None;
    }
    while b
        .get(j)
        .is_some_and(|&c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'_')
    {
        j += 1;
    }
    match *b.get(j)? {
        b']' => return Some(j + 1),
        b'-' => {
            let d = j + 1;
            j = d;
            while b.get(j).is_some_and(u8::is_ascii_digit) {
                j += 1;
            }
            if j == d {
                return None;
            }
        }
        b':' => {
            let d = j + 1;
            j = d;
            while b
                .get(j)
                .is_some_and(|&c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c))
            {
                j += 1;
            }
            if j - d != 8 {
                return None;
            }
        }
        _ => return None,
    }
    (b.get(j) == Some(&b']')).then_some(j + 1)
}

/// The encodings under which an original could survive a naive replacement.
fn variants(value: &str) -> Vec<String> {
    let mut v = vec![value.to_string()];
    let json = serde_json::to_string(value).unwrap_or_default();
    let json = json.trim_matches('"').to_string();
    if json != value {
        v.push(json);
    }
    let pct = percent_encode(value);
    if pct != value {
        v.push(pct);
    }
    let html = value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('@', "&#64;");
    if html != value {
        v.push(html);
    }
    if value.len() >= 6 {
        v.push(base64(value.as_bytes()));
    }
    v
}

fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub(crate) fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for c in bytes.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        out.push(T[(n >> 18) as usize & 63] as char);
        out.push(T[(n >> 12) as usize & 63] as char);
        out.push(if c.len() > 1 {
            T[(n >> 6) as usize & 63] as char
        } else {
            '='
        });
        out.push(if c.len() > 2 {
            T[n as usize & 63] as char
        } else {
            '='
        });
    }
    // Base64 embedded in longer base64 is only found on the aligned prefix; drop padding so a
    // prefix of a longer encoded string still matches.
    out.trim_end_matches('=').to_string()
}

fn alnum_at(s: &str, i: usize, before: bool) -> bool {
    let c = if before {
        s[..i].chars().next_back()
    } else {
        s[i..].chars().next()
    };
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Checks one output segment. `originals` are the values replaced in its input.
pub(super) fn check(
    engine: &Engine,
    out: &str,
    originals: &BTreeSet<(Category, &str)>,
) -> Vec<Residual> {
    let placeholders = placeholder_spans(out);
    let in_placeholder = |s: usize, e: usize| placeholders.iter().any(|&(ps, pe)| s < pe && ps < e);
    let mut residuals = Vec::new();

    // 1. Fresh detections outside placeholders.
    let (found, _) = engine.detect(out);
    for f in found {
        if !in_placeholder(f.start, f.end) {
            residuals.push(Residual {
                start: f.start,
                end: f.end,
                category: f.category,
                kind: "detection",
            });
        }
    }

    // 2. Original values in any encoding, case-insensitively, as whole tokens.
    let mut pats: Vec<String> = Vec::new();
    let mut cats: Vec<Category> = Vec::new();
    for &(cat, value) in originals {
        // Very short values (a 3-letter deny term) would match inside ordinary words.
        if value.chars().count() < 3 {
            continue;
        }
        for v in variants(value) {
            pats.push(v);
            cats.push(cat);
        }
    }
    if pats.is_empty() {
        return residuals;
    }
    let Ok(ac) = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&pats)
    else {
        // Could not build the matcher: report, never pass silently.
        residuals.push(Residual {
            start: 0,
            end: 0,
            category: Category::Custom,
            kind: "leak check unavailable",
        });
        return residuals;
    };
    for m in ac.find_iter(out) {
        let (s, e) = (m.start(), m.end());
        let p = &pats[m.pattern().as_usize()];
        let starts_alnum = p.chars().next().is_some_and(|c| c.is_alphanumeric());
        let ends_alnum = p.chars().next_back().is_some_and(|c| c.is_alphanumeric());
        if (starts_alnum && alnum_at(out, s, true)) || (ends_alnum && alnum_at(out, e, false)) {
            continue;
        }
        // Embedded in a longer identifier (`BP-1347-10.0.0.1-1444`): the same rule as the
        // consistency pass, which did not replace it there.
        let mut before = out[..s].chars().rev();
        let mut after = out[e..].chars();
        let (b1, b2) = (before.next(), before.next());
        let (a1, a2) = (after.next(), after.next());
        if (starts_alnum && super::repeat::joined(p, b1, b2))
            || (ends_alnum && super::repeat::joined(p, a1, a2))
        {
            continue;
        }
        if in_placeholder(s, e) || residuals.iter().any(|r| r.start <= s && e <= r.end) {
            continue;
        }
        residuals.push(Residual {
            start: s,
            end: e,
            category: cats[m.pattern().as_usize()],
            kind: "original value",
        });
    }
    residuals.sort_by_key(|r| (r.start, r.end));
    residuals
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders() {
        let s = "a [EMAIL-12] b [IPV4] c [X:3f2a9c1d] [no] [A-] [B:123] [C_D-1]";
        let got: Vec<&str> = placeholder_spans(s)
            .into_iter()
            .map(|(a, b)| &s[a..b])
            .collect();
        assert_eq!(got, ["[EMAIL-12]", "[IPV4]", "[X:3f2a9c1d]", "[C_D-1]"]);
    }

    #[test]
    fn base64_matches_std_alphabet() {
        assert_eq!(base64(b"hello!"), "aGVsbG8h");
        assert_eq!(base64(b"a@b.com"), "YUBiLmNvbQ");
    }
}
