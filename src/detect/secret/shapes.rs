//! What a token body must look like: placeholders refused, and the formats that need more
//! than a prefix and a length (bech32, JWT, PEM, Telegram, Azure, Twilio, SendGrid).

use super::bytes::{byte, has_sub, left_boundary, run};
use super::rules::{Cs, Tok};

/// A token body that is a placeholder, recognised by what placeholders are made of, never
/// by how random the body looks (a structurally valid token with a regular body, such as
/// `sk-ant-api03-abc123...`, is still a token): a masked run (`xxxxxx`, `######`, `******`),
/// one repeated character, a short unit repeated (`123123123123`), the prefix written twice
/// (`xoxb-xoxb-...`), the word `example`, or words only with a placeholder word among them
/// (`your-token-here`, `Slack_BOT_TOKEN`, `SlackAppConfigurationAccessTokenHere`).
pub(super) fn placeholder_token(prefix: &[u8], v: &[u8]) -> bool {
    if masked_or_repeated(v) {
        return true;
    }
    let lower: Vec<u8> = v.iter().map(|c| c.to_ascii_lowercase()).collect();
    let has = |n: &[u8]| has_sub(&lower, n);
    let p = prefix.to_ascii_lowercase();
    if p.len() >= 3 && lower.starts_with(&p) {
        return true;
    }
    // Words only: every part between separators is letters, or a 1-2 digit version.
    let parts = || {
        v.split(|c| matches!(c, b'-' | b'_' | b'.'))
            .filter(|w| !w.is_empty())
    };
    let words_only = parts().all(|w| {
        w.iter().all(u8::is_ascii_alphabetic) || (w.len() <= 2 && w.iter().all(u8::is_ascii_digit))
    });
    words_only && PLACEHOLDER_WORDS.iter().any(|w| has(w.as_bytes()))
}

/// A masked or made-up value: one repeated character, a masked run (`xxxxxx`, `######`,
/// `******`), `example`, or a short unit repeated over the whole value (`123123123123`).
pub(super) fn masked_or_repeated(v: &[u8]) -> bool {
    if v.len() >= 6 && v.iter().all(|&c| c == v[0]) {
        return true;
    }
    let lower: Vec<u8> = v.iter().map(|c| c.to_ascii_lowercase()).collect();
    let has = |n: &[u8]| has_sub(&lower, n);
    if has(b"xxxxxx") || has(b"######") || has(b"******") || has(b"example") {
        return true;
    }
    // Ten times the same lower-case letter in a row: padding typed by hand (`AIzaaaaaaa...`);
    // base64 of binary data has runs of `A`, not of lower-case letters.
    if v.windows(10)
        .any(|w| w[0].is_ascii_lowercase() && w.iter().all(|&c| c == w[0]))
    {
        return true;
    }
    // A short unit repeated over the whole value: `123123123123`,
    // `0123456789abcdef0123456789abcdef...`.
    let periodic = |k: usize| {
        let run = v.iter().skip(k).zip(v).take_while(|(a, b)| a == b).count() + k;
        run >= 2 * k && run == v.len()
    };
    v.len() >= 12 && (1..=16).any(periodic)
}

/// Filler typed into a token template: the body starts with the alphabet (`abcdefg...`,
/// `123456789abcdef...`: seven or more characters in `0-9a-z` order, letters among them) or
/// ends with six or more (`...012345`). A team id at the start (`xoxb-123456789012-...`)
/// is digits only and stays a token.
pub(super) fn typed_filler(v: &[u8]) -> bool {
    const ORDER: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let rank = |c: u8| ORDER.iter().position(|&o| o == c.to_ascii_lowercase());
    let next = |a: u8, b: u8| matches!((rank(a), rank(b)), (Some(x), Some(y)) if y == x + 1);
    let head = 1 + v.windows(2).take_while(|w| next(w[0], w[1])).count();
    let tail = 1 + v.windows(2).rev().take_while(|w| next(w[0], w[1])).count();
    let head_letters = v.iter().take(head).any(u8::is_ascii_alphabetic);
    v.len() >= 12 && ((head >= 7 && head_letters) || tail >= 6)
}

/// Words a placeholder token is written with (4+ letters: a random body holds none).
const PLACEHOLDER_WORDS: &[&str] = &[
    "your",
    "here",
    "token",
    "secret",
    "random",
    "string",
    "replace",
    "insert",
    "placeholder",
    "changeme",
    "dummy",
    "sample",
    "example",
    "initial",
];

/// Slack tokens start with a digit group after the prefix: a one-digit version (`xoxe-1-`,
/// `xapp-1-`) or a team/user id of 6+ digits, then `-` and more.
pub(super) fn slack_shape(prefix: &[u8], v: &[u8]) -> bool {
    // Workspace tokens (`xoxa-`, `xoxr-`) are an optional version and letters and digits.
    if matches!(prefix, b"xoxa-" | b"xoxr-") {
        return true;
    }
    let digits = v.iter().take_while(|c| c.is_ascii_digit()).count();
    // ... and end in a group of letters and digits (`-e708ba56e1...`), not in an id.
    let last = v.rsplit(|&c| c == b'-').next().unwrap_or_default();
    (digits == 1 || digits >= 6)
        && v.get(digits) == Some(&b'-')
        && v.len() > digits + 1
        && last.iter().any(u8::is_ascii_alphabetic)
}

/// Documented shapes inside a prefix: Anthropic `api03`/`admin01` keys have a body of 95
/// characters (80 at least is asked, for keys cut by a copy).
pub(super) fn documented_shape(prefix: &[u8], v: &[u8]) -> bool {
    match prefix {
        b"sk-ant-" => {
            let rest = v
                .strip_prefix(b"api03-")
                .or_else(|| v.strip_prefix(b"admin01-"));
            rest.map_or(true, |r| r.len() >= 80)
        }
        _ => true,
    }
}

/// Obvious fakes inside a token body: `EXAMPLE`, `xxxxxx`, one repeated character, five
/// ascending digits or letters (`12345`, `abcde`, `KLMNO`).
pub(super) fn looks_fake(v: &[u8]) -> bool {
    if v.len() >= 6 && v.iter().all(|&c| c == v[0]) {
        return true;
    }
    let lower: Vec<u8> = v.iter().map(|c| c.to_ascii_lowercase()).collect();
    let has = |n: &[u8]| has_sub(&lower, n);
    has(b"example")
        || has(b"xxxxxx")
        || has(b"your_")
        || lower.windows(5).any(|w| {
            (w.iter().all(u8::is_ascii_digit) || w.iter().all(u8::is_ascii_lowercase))
                && w.windows(2).all(|p| p[1] == p[0].wrapping_add(1))
        })
}

pub(super) const BECH32_CHARSET: &[u8; 32] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";

/// The BIP-173 checksum state over the human-readable part and 5-bit values.
pub(super) fn bech32_polymod(hrp: &[u8], values: impl Iterator<Item = u8>) -> u32 {
    const GEN: [u32; 5] = [
        0x3b6a_57b2,
        0x2650_8e6d,
        0x1ea1_19fa,
        0x3d42_33dd,
        0x2a14_62b3,
    ];
    let mut chk: u32 = 1;
    let mut step = |v: u8| {
        let top = chk >> 25;
        chk = ((chk & 0x01ff_ffff) << 5) ^ u32::from(v);
        for (i, g) in GEN.iter().enumerate() {
            if (top >> i) & 1 == 1 {
                chk ^= g;
            }
        }
    };
    let lower = hrp.iter().map(u8::to_ascii_lowercase);
    lower.clone().for_each(|c| step(c >> 5));
    step(0);
    lower.for_each(|c| step(c & 31));
    values.for_each(&mut step);
    chk
}

/// Whether `data` (case-insensitive bech32 characters, checksum included) is a valid
/// bech32 string for `hrp`.
pub(super) fn bech32_valid(hrp: &[u8], data: &[u8]) -> bool {
    let mut values = Vec::with_capacity(data.len());
    for c in data {
        let lc = c.to_ascii_lowercase();
        match BECH32_CHARSET.iter().position(|&x| x == lc) {
            Some(v) => values.push(v as u8),
            None => return false,
        }
    }
    data.len() >= 6 && bech32_polymod(hrp, values.into_iter()) == 1
}

pub(super) fn tail_token(b: &[u8], body: usize, tok: &Tok) -> Option<(usize, usize)> {
    let n = run(b, body, tok.cs, tok.max);
    if n < tok.min || n > tok.max {
        return None;
    }
    Some((body, body + n))
}

/// Standard or URL-safe base64, padding optional; `None` if not base64.
pub(crate) fn b64_decode(s: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for &c in s {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

/// `header.payload.signature` with a JSON header naming `alg` or `typ`.
pub(super) fn jwt(b: &[u8], s: usize) -> Option<(usize, usize)> {
    if !left_boundary(b, s) {
        return None;
    }
    let h = run(b, s, Cs::Url, 4096);
    if !(10..=4096).contains(&h) || byte(b, s + h) != b'.' {
        return None;
    }
    let header = b64_decode(&b[s..s + h])?;
    let has = |n: &[u8]| has_sub(&header, n);
    if !(header.first() == Some(&b'{') && (has(b"\"alg\"") || has(b"\"typ\""))) {
        return None;
    }
    let p = run(b, s + h + 1, Cs::Url, 65536);
    if p < 2 || byte(b, s + h + 1 + p) != b'.' {
        return None;
    }
    let sig_start = s + h + 1 + p + 1;
    let sig = run(b, sig_start, Cs::Url, 4096);
    let e = sig_start + sig;
    if placeholder_token(b"", &b[sig_start..e]) {
        return None;
    }
    Some((s, e))
}

/// `-----BEGIN ... PRIVATE KEY-----` to the next `-----END ... PRIVATE KEY-----` (or, for a
/// truncated key, to the end of the base64 lines that follow). Public keys and certificates
/// are not secrets and are skipped.
pub(super) fn pem(b: &[u8], s: usize) -> Option<(usize, usize)> {
    /// The smallest private key (an Ed25519 PKCS#8 key) is 64 base64 characters.
    const MIN_PEM_BODY: usize = 48;
    const MAX_BLOCK: usize = 64 * 1024;
    let label_start = s + "-----BEGIN ".len();
    let rest = b.get(label_start..)?;
    let label_len = memchr::memmem::find(&rest[..rest.len().min(80)], b"-----")?;
    let label = &rest[..label_len];
    memchr::memmem::find(label, b"PRIVATE KEY")?;
    let after = label_start + label_len + 5;
    let window = &b[after..b.len().min(after + MAX_BLOCK)];
    let mut from = 0;
    while let Some(p) = memchr::memmem::find(&window[from..], b"-----END ") {
        let end_label = after + from + p + "-----END ".len();
        let tail = &b[end_label..b.len().min(end_label + 80)];
        if let Some(l) = memchr::memmem::find(tail, b"-----") {
            if memchr::memmem::find(&tail[..l], b"PRIVATE KEY").is_some() {
                // A key block holds a key: a body of a few base64 characters (`anything`,
                // nothing) is a documentation stub, not a key.
                let body = &b[after..end_label - "-----END ".len()];
                let key_chars = body
                    .iter()
                    .filter(|&&c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'='))
                    .count();
                if key_chars < MIN_PEM_BODY {
                    return None;
                }
                return Some((s, end_label + l + 5));
            }
        }
        from += p + 1;
    }
    // No END: take the base64-looking lines that follow.
    let mut e = after;
    let mut i = after;
    loop {
        let line_end = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |p| i + p);
        let line = &b[i..line_end];
        let content = line
            .iter()
            .filter(|c| !matches!(c, b' ' | b'\t' | b'\r' | b'"' | b'\\'))
            .count();
        let ok = line.iter().all(|&c| {
            Cs::B64.has(c) || matches!(c, b' ' | b'\t' | b'\r' | b'"' | b'\\' | b':' | b',')
        });
        if i > after && (!ok || content == 0) {
            break;
        }
        if ok {
            e = line_end;
        }
        if line_end >= b.len() || line_end - after > MAX_BLOCK {
            break;
        }
        i = line_end + 1;
    }
    Some((s, e.max(after)))
}

/// A base64 run that decodes to text holding an unencrypted PEM private key.
pub(super) fn pem_base64(b: &[u8], anchor: usize) -> Option<(usize, usize)> {
    let mut s = anchor;
    while s > 0 && Cs::B64.has(b[s - 1]) && anchor - s < 1 << 20 {
        s -= 1;
    }
    let e = anchor + run(b, anchor, Cs::B64, 1 << 20);
    // Try the alignments: the run may start mid-quantum only if something was glued on.
    for skip in 0..4 {
        let Some(dec) = b.get(s + skip..e).and_then(b64_decode) else {
            continue;
        };
        let has = |n: &[u8]| memchr::memmem::find(&dec, n).is_some();
        if has(b"PRIVATE KEY-----") && has(b"BEGIN") {
            if has(b"ENCRYPTED") {
                return None;
            }
            return Some((s, e));
        }
    }
    None
}

pub(super) fn atlas(b: &[u8], s: usize, body: usize) -> Option<(usize, usize)> {
    let mut ls = s;
    while ls > 0 && b[ls - 1].is_ascii_alphanumeric() && s - ls <= 14 {
        ls -= 1;
    }
    if s - ls != 14 || !left_boundary(b, ls) {
        return None;
    }
    let n = run(b, body, Cs::Url, 256);
    (60..=256).contains(&n).then_some((ls, body + n))
}

/// `min` bytes of `cs` glued before a fixed suffix; for `-us` a 1-2 digit region follows.
pub(super) fn suffix_token(b: &[u8], s: usize, e: usize, tok: &Tok) -> Option<(usize, usize)> {
    let mut ls = s;
    while ls > 0 && tok.cs.has(b[ls - 1]) && s - ls <= tok.max {
        ls -= 1;
    }
    if !(tok.min..=tok.max).contains(&(s - ls)) || !left_boundary(b, ls) {
        return None;
    }
    let mut end = e;
    if tok.pat == "-us" {
        let d = run(b, e, Cs::Lower, 2);
        if !(1..=2).contains(&d) || !b[e..e + d].iter().all(u8::is_ascii_digit) {
            return None;
        }
        end += d;
    }
    if Cs::Alnum.has(byte(b, end)) || looks_fake(&b[ls..s]) {
        return None;
    }
    Some((ls, end))
}

/// `123456789:AA` + 33 base64url characters.
pub(super) fn telegram(b: &[u8], colon: usize) -> Option<(usize, usize)> {
    let mut s = colon;
    while s > 0 && b[s - 1].is_ascii_digit() {
        s -= 1;
    }
    if !(8..=10).contains(&(colon - s)) || !left_boundary(b, s) {
        return None;
    }
    let body = colon + 3;
    let n = run(b, body, Cs::Url, 33);
    (n == 33).then_some((s, body + n))
}

/// Azure AD client secrets: `xxx8Q~` + 31..34 characters.
pub(super) fn azure_secret(b: &[u8], q: usize) -> Option<(usize, usize)> {
    if q < 4 {
        return None;
    }
    let s = q - 4;
    let cs = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'~' | b'.' | b'-');
    if !b[s..q].iter().all(|&c| cs(c)) || !b[q - 1].is_ascii_digit() || !left_boundary(b, s) {
        return None;
    }
    let mut e = q + 2;
    while e < b.len() && cs(b[e]) && e - q < 40 {
        e += 1;
    }
    ((31..=34).contains(&(e - q - 2)) && !placeholder_token(b"", &b[q + 2..e])).then_some((s, e))
}

/// Twilio API key (`SK`) or account SID (`AC`): 32 hex digits of one case.
pub(super) fn twilio(b: &[u8], s: usize) -> Option<(usize, usize)> {
    if !left_boundary(b, s) {
        return None;
    }
    let n = run(b, s + 2, Cs::Hex, 32);
    if n != 32 || Cs::Alnum.has(byte(b, s + 34)) {
        return None;
    }
    let v = &b[s + 2..s + 34];
    let upper = v.iter().any(u8::is_ascii_uppercase);
    let lower = v.iter().any(u8::is_ascii_lowercase);
    if (upper && lower) || looks_fake(v) || !v.iter().any(u8::is_ascii_alphabetic) {
        return None;
    }
    Some((s, s + 34))
}

/// `SG.` + 22 + `.` + 43 (accepting 16+ for each part).
pub(super) fn sendgrid(b: &[u8], s: usize) -> Option<(usize, usize)> {
    if !left_boundary(b, s) {
        return None;
    }
    let a = run(b, s + 3, Cs::Url, 64);
    if a < 16 || byte(b, s + 3 + a) != b'.' {
        return None;
    }
    let c = run(b, s + 4 + a, Cs::Url, 128);
    (c >= 16).then_some((s, s + 4 + a + c))
}

// ---------------------------------------------------------------------------------------
// Key-value pairs
// ---------------------------------------------------------------------------------------
