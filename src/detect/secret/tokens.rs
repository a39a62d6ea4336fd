//! The token pass: 64-byte blocks checked for a run of token bytes, then the word starts
//! inside runs dispatched on their first two bytes to the rules that start so.

use super::bytes::{byte, left_boundary, run};
use super::rules::{Cs, Kind, Tok, TOKENS};
use super::shapes::{
    atlas, azure_secret, bech32_valid, documented_shape, jwt, pem, pem_base64, placeholder_token,
    sendgrid, slack_shape, suffix_token, tail_token, telegram, twilio, typed_filler,
};
use crate::vocab::{Category, Finding};
use std::sync::LazyLock;

/// Shortest possible token of any kind but PEM (`xoxb-` + 10, a JWT `eyJ...` of 14): a
/// token always lies in a run of at least this many token bytes.
pub(super) const MIN_TOKEN: usize = 14;

/// Bytes a token may be made of: the union of every `Cs` class and of the prefix bytes.
pub(super) static TOKEN_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'_' | b'-' | b'.' | b'/' | b'+' | b'=' | b'$' | b'%' | b':' | b'~'
            );
        c += 1;
    }
    t
};

/// Whether a pattern of this kind may start inside a word (no left boundary needed).
pub(super) fn mid_word(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::PemBase64 | Kind::Telegram | Kind::AzureSecret | Kind::Atlas | Kind::Suffix
    )
}

/// Per-position dispatch over `TOKENS` (PEM excluded): a bitset of the first two bytes of
/// every pattern (and of those that may start mid-word), and for each first byte the
/// pattern indices, longest first (so the first that matches is the longest, as a
/// leftmost-longest automaton would pick).
struct Dispatch {
    pub(super) any: [u64; 1024],
    pub(super) mid: [u64; 1024],
    pub(super) by_first: Vec<Vec<usize>>,
}

/// `[A-Za-z0-9_]`
pub(super) static WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric() || b == b'_';
        c += 1;
    }
    t
};

static DISPATCH: LazyLock<Dispatch> = LazyLock::new(|| {
    let mut d = Dispatch {
        any: [0; 1024],
        mid: [0; 1024],
        by_first: vec![Vec::new(); 256],
    };
    for (i, tok) in TOKENS.iter().enumerate() {
        let p = tok.pat.as_bytes();
        if tok.kind == Kind::Pem || p.len() < 2 {
            continue;
        }
        let bi = usize::from(p[0]) << 8 | usize::from(p[1]);
        d.any[bi >> 6] |= 1 << (bi & 63);
        if mid_word(tok.kind) {
            d.mid[bi >> 6] |= 1 << (bi & 63);
        }
        if let Some(l) = d.by_first.get_mut(usize::from(p[0])) {
            l.push(i);
        }
    }
    for l in &mut d.by_first {
        l.sort_by_key(|&i| std::cmp::Reverse(TOKENS.get(i).map_or(0, |t| t.pat.len())));
    }
    d
});

static PEM_BEGIN: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(b"-----BEGIN "));

pub(super) fn tokens(b: &[u8], out: &mut Vec<Finding>) {
    // PEM blocks (their header holds a space, so they are not in a token run).
    let mut pem_spans: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0;
    while let Some(p) = b.get(pos..).and_then(|r| PEM_BEGIN.find(r)) {
        let at = pos + p;
        match pem(b, at) {
            Some((s, e)) => {
                out.push(Finding::new(
                    Category::Secret,
                    "secret.private_key",
                    s,
                    e,
                    "documented token format",
                ));
                pem_spans.push((s, e));
                pos = e.max(at + 1);
            }
            None => pos = at + 1,
        }
    }
    // Every other token lies in a run of at least MIN_TOKEN token bytes. Blocks of 64 bytes
    // are classified at once (a bit mask); only blocks holding such a run are scanned.
    let n = b.len();
    let mut i = 0; // runs starting before `i` are done; b[i - 1] is not a token byte
    let mut k = 0; // block start
    let mut carry = 0; // token bytes right before `k`
    let mut cache = (usize::MAX, 0); // (block start, cand_mask of the block)
    while k + 64 <= n {
        let Some(block) = b.get(k..k + 64) else {
            break;
        };
        let m = token_mask(block);
        let lead = m.trailing_ones() as usize;
        if has_run(m) || (lead > 0 && carry + lead >= MIN_TOKEN) {
            i = i.max(k - carry);
            i = scan_runs(b, i, k + 64, &pem_spans, &mut cache, out);
        }
        if i > k + 64 {
            // A run was followed past this block; `b[i - 1]` is not a token byte.
            k = i;
            carry = 0;
        } else {
            carry = if m == u64::MAX {
                carry + 64
            } else {
                m.leading_ones() as usize
            };
            k += 64;
        }
    }
    if k < n {
        i = i.max(k - carry);
        scan_runs(b, i, n, &pem_spans, &mut cache, out);
    }
}

/// Printable ASCII: a superset of the token bytes (`TOKEN_BYTE`) that costs one compare.
#[inline(always)]
fn token_byte(c: u8) -> bool {
    c.wrapping_sub(0x21) < 0x5e
}

/// Bit `i` set when `block[i]` is printable (block of 64 bytes).
#[inline(never)]
pub(super) fn token_mask(block: &[u8]) -> u64 {
    let mut flags = [0u8; 64];
    for (f, &c) in flags.iter_mut().zip(block) {
        *f = u8::from(token_byte(c));
    }
    pack64(&flags)
}

/// Packs 64 flags (each 0 or 1) into a mask, bit `i` for `flags[i]`.
#[inline(always)]
fn pack64(flags: &[u8; 64]) -> u64 {
    let mut m = 0u64;
    for (g, chunk) in flags.chunks_exact(8).enumerate() {
        let mut x = [0u8; 8];
        x.copy_from_slice(chunk);
        // Each byte is 0 or 1: the multiply gathers byte `j` into bit 56 + j.
        let bits = u64::from_le_bytes(x).wrapping_mul(0x0102_0408_1020_4080) >> 56;
        m |= bits << (8 * g);
    }
    m
}

#[inline(always)]
fn word_byte(x: u8) -> bool {
    ((x | 0x20).wrapping_sub(b'a') < 26) | (x.wrapping_sub(b'0') < 10) | (x == b'_')
}

/// The first two bytes of every mid-word pattern (checked in `tests::mid_word_bigrams`).
pub(super) const MID_BIGRAMS: [[u8; 2]; 8] = [
    *b"NR", *b"-u", *b":A", *b"Q~", *b".a", *b"UF", *b"Uk", *b"BS",
];

/// Positions of the 64-byte block at `k` where a pattern may start: a word byte after a
/// non-word byte (or after `m`, the end of an ANSI colour code), or the first two bytes
/// of a mid-word pattern.
#[inline(never)]
pub(super) fn cand_mask(b: &[u8], k: usize) -> u64 {
    // w[j + 1] = b[k + j] for j in -1..=64, zero outside the text.
    let mut w = [0u8; 66];
    let lo = k.saturating_sub(1);
    let hi = b.len().min(k + 65);
    if let Some(src) = b.get(lo..hi) {
        let off = lo + 1 - k;
        if let Some(dst) = w.get_mut(off..off + src.len()) {
            dst.copy_from_slice(src);
        }
    }
    // Simple loops over the block (not over the bigrams) so that they vectorize.
    let (prev, cur, next) = (&w[..64], &w[1..65], &w[2..66]);
    let mut f = [0u8; 64];
    for ((x, &p), &c) in f.iter_mut().zip(prev).zip(cur) {
        *x = u8::from(word_byte(c) & (!word_byte(p) | (p == b'm')));
    }
    for [x0, x1] in MID_BIGRAMS {
        for ((x, &c), &nx) in f.iter_mut().zip(cur).zip(next) {
            *x |= u8::from((c == x0) & (nx == x1));
        }
    }
    pack64(&f)
}

/// Whether the mask holds MIN_TOKEN (14) consecutive set bits.
#[inline]
pub(super) fn has_run(m: u64) -> bool {
    let m2 = m & (m >> 1);
    let m4 = m2 & (m2 >> 2);
    let m8 = m4 & (m4 >> 4);
    m8 & (m8 >> 6) != 0
}

/// Scans every run of at least MIN_TOKEN token bytes that starts in `i..limit` (`b[i - 1]`
/// not a token byte); returns where the next run may start.
fn scan_runs(
    b: &[u8],
    mut i: usize,
    limit: usize,
    pem_spans: &[(usize, usize)],
    cache: &mut (usize, u64),
    out: &mut Vec<Finding>,
) -> usize {
    let n = b.len();
    while i < limit {
        let Some(skip) = b
            .get(i..limit)
            .and_then(|r| r.iter().position(|&c| TOKEN_BYTE[usize::from(c)]))
        else {
            return limit;
        };
        i += skip;
        let len = b[i..]
            .iter()
            .position(|&c| !TOKEN_BYTE[usize::from(c)])
            .unwrap_or(n - i);
        let e = i + len;
        if len >= MIN_TOKEN && !pem_spans.iter().any(|&(ps, pe)| i < pe && e > ps) {
            scan_run(b, i, e, cache, out);
        }
        i = e + 1;
    }
    i
}

fn push_token(out: &mut Vec<Finding>, tok: &Tok, s: usize, e: usize) {
    out.push(Finding::new(
        Category::Secret,
        tok.rule,
        s,
        e,
        "documented token format",
    ));
}

/// Tries every pattern position in the token run `b[rs..re]`, left to right; after a token
/// the scan resumes at its end.
fn scan_run(b: &[u8], rs: usize, re: usize, cache: &mut (usize, u64), out: &mut Vec<Finding>) {
    let d = &*DISPATCH;
    let mut p = rs;
    while p + 1 < re {
        let k = p - p % 64;
        if cache.0 != k || k == usize::MAX {
            *cache = (k, cand_mask(b, k));
        }
        let m = cache.1 >> (p - k);
        if m == 0 {
            p = k + 64;
            continue;
        }
        p += m.trailing_zeros() as usize;
        if p + 1 >= re {
            break;
        }
        let bi = usize::from(b[p]) << 8 | usize::from(b[p + 1]);
        let bit = 1u64 << (bi & 63);
        if d.any[bi >> 6] & bit == 0 {
            p += 1;
            continue;
        }
        let boundary = p == 0 || !WORD_BYTE[usize::from(b[p - 1])] || left_boundary(b, p);
        if !boundary && d.mid[bi >> 6] & bit == 0 {
            p += 1;
            continue;
        }
        let rest = &b[p..];
        let hit = d.by_first[usize::from(b[p])]
            .iter()
            .filter_map(|&k| TOKENS.get(k))
            .find(|t| rest.starts_with(t.pat.as_bytes()));
        let Some(tok) = hit else {
            p += 1;
            continue;
        };
        let m_end = p + tok.pat.len();
        let found = match tok.kind {
            _ if !boundary && !mid_word(tok.kind) => None,
            Kind::Token => token(b, p, m_end, tok),
            Kind::Tail => tail_token(b, m_end, tok),
            Kind::Jwt => jwt(b, p),
            Kind::Pem => None,
            Kind::PemBase64 => pem_base64(b, p),
            Kind::Telegram => telegram(b, p),
            Kind::AzureSecret => azure_secret(b, p),
            Kind::Twilio => twilio(b, p),
            Kind::SendGrid => sendgrid(b, p),
            Kind::Atlas => atlas(b, p, m_end),
            Kind::Suffix => suffix_token(b, p, m_end, tok),
        };
        // A failed candidate may hide a longer pattern starting inside it (`:AAAA...`).
        match found {
            Some((s, e)) => {
                push_token(out, tok, s, e);
                p = e.max(p + 1);
            }
            None => p += 1,
        }
    }
}

pub(super) fn token(b: &[u8], s: usize, body: usize, tok: &Tok) -> Option<(usize, usize)> {
    if !left_boundary(b, s) {
        return None;
    }
    let n = run(b, body, tok.cs, tok.max);
    if n < tok.min || n > tok.max {
        return None;
    }
    let mut e = body + n;
    // A body that ends in `-`, `.` or `=` padding keeps the padding but not trailing dots,
    // unless the body needs them to reach its documented length (`AIza...-`).
    while e > body + tok.min && matches!(byte(b, e - 1), b'.' | b'-') && tok.cs != Cs::LowerDash {
        e -= 1;
    }
    if e - body < tok.min {
        return None;
    }
    let v = &b[body..e];
    if placeholder_token(tok.pat.as_bytes(), v) || typed_filler(v) {
        return None;
    }
    if tok.rule == "secret.slack_token" && !slack_shape(tok.pat.as_bytes(), v) {
        return None;
    }
    if !documented_shape(tok.pat.as_bytes(), v) {
        return None;
    }
    // Generic prefixes need a body that is visibly random: letters and digits.
    let generic = matches!(
        tok.pat,
        "sk-" | "EAA" | "sl." | "key-" | "wx" | "LTAI" | "dapi"
    );
    if generic && !(v.iter().any(u8::is_ascii_digit) && v.iter().any(u8::is_ascii_alphabetic)) {
        return None;
    }
    // age keys are bech32: the checksum tells a real key from a mistyped or made-up one.
    if tok.kind == Kind::Token && tok.rule == "secret.age_key" {
        let hrp = tok.pat.as_bytes().strip_suffix(b"1").unwrap_or_default();
        if !bech32_valid(hrp, v) {
            return None;
        }
    }
    // JFrog API keys are base58: no `0`, `O`, `I` or `l` in a real one.
    if tok.pat == "AKCp" && v.iter().any(|c| matches!(c, b'0' | b'O' | b'I' | b'l')) {
        return None;
    }
    Some((s, e))
}
