//! The key-value pass: `password=`, `token:`, `--secret x`, `Authorization:` headers,
//! `curl -u`, `mysql -p`, cookies.

use super::bytes::{byte, has_sub, left_boundary, prev, push, run};
use super::keys::{
    classify_key, is_key_byte, Strength, KEY_MATCHER, KEY_MATCHER3, KEY_STEMS, LONG_NEEDLES,
    NEEDLES3, SHORT_NEEDLES,
};
use super::rules::Cs;
use super::shapes::{b64_decode, placeholder_token};
use super::values::{finish_value, is_placeholder, line_end, looks_random, quote_at, read_value};
use crate::vocab::Finding;

/// Text is lower-cased in chunks of this size (plus the longest stem) for the stem search.
const KV_CHUNK: usize = 1 << 16;

pub(super) fn key_values(b: &[u8], out: &mut Vec<Finding>) {
    let overlap = KEY_STEMS.iter().map(|k| k.1.len()).max().unwrap_or(0);
    let mut lower: Vec<u8> = Vec::with_capacity(b.len().min(KV_CHUNK + overlap));
    // (needle start in the chunk, index in KEY_STEMS), sorted.
    let mut cands: Vec<(usize, usize)> = Vec::new();
    // Stems are taken left to right, and none starts inside a consumed value.
    let mut next = 0;
    let mut c = 0;
    while c < b.len() {
        let limit = b.len().min(c + KV_CHUNK);
        let end = b.len().min(limit + overlap);
        lower_into(&b[c..end], &mut lower);
        cands.clear();
        let room = limit - c;
        for m in KEY_MATCHER.find_iter(&lower) {
            if m.start() >= room {
                break;
            }
            if let Some(&k) = LONG_NEEDLES.get(m.pattern().as_usize()) {
                cands.push((m.start(), k));
            }
        }
        for m in KEY_MATCHER3.find_iter(&lower) {
            if m.start() >= room {
                break;
            }
            if let Some(&k) = NEEDLES3.get(m.pattern().as_usize()) {
                cands.push((m.start(), k));
            }
        }
        for (k, finder) in SHORT_NEEDLES.iter() {
            cands.extend(
                finder
                    .find_iter(&lower)
                    .take_while(|&p| p < room)
                    .map(|p| (p, *k)),
            );
        }
        cands.sort_unstable();
        for &(s, k) in &cands {
            let Some(&(stem, _, off)) = KEY_STEMS.get(k) else {
                continue;
            };
            let Some(ms) = (c + s).checked_sub(off) else {
                continue;
            };
            let me = ms + stem.len();
            // The whole stem around the needle, not inside a consumed value.
            let whole = ms >= next
                && b.get(ms..me)
                    .is_some_and(|w| w.eq_ignore_ascii_case(stem.as_bytes()));
            if !whole {
                continue;
            }
            next = me;
            if let Some(v) = key_stem(b, stem.as_bytes(), ms, me, out) {
                next = next.max(v);
            }
        }
        c = limit;
    }
}

#[inline(never)]
fn lower_into(src: &[u8], dst: &mut Vec<u8>) {
    dst.clear();
    dst.extend(src.iter().map(u8::to_ascii_lowercase));
}

/// Dispatches on a (lower-case) stem found at `b[ms..me]`; returns where a value ended.
fn key_stem(b: &[u8], stem: &[u8], ms: usize, me: usize, out: &mut Vec<Finding>) -> Option<usize> {
    match stem {
        b"basic " => auth_scheme(b, ms, me, out),
        b"identified by" => identified_by(b, me, out),
        b"convertto-securestring" => secure_string(b, me, out),
        b"curl " => curl_user(b, ms + 4, out),
        b"mysql" | b"mariadb" => mysql_p(b, ms, out),
        _ => key_value(b, ms, me, out),
    }
}

/// `Authorization: Basic xxx` / `Bearer xxx` (the stem was `basic ` or part of a key).
fn auth_scheme(b: &[u8], s: usize, value_at: usize, out: &mut Vec<Finding>) -> Option<usize> {
    if !left_boundary(b, s) {
        return None;
    }
    let scheme = &b[s..value_at];
    let n = run(b, value_at, Cs::B64, 8192);
    let mut e = value_at + n;
    while e > value_at && matches!(b[e - 1], b'.' | b'-' | b'_') {
        e -= 1;
    }
    let v = &b[value_at..e];
    if v.len() < 8 || Cs::UrlDot.has(byte(b, e)) && byte(b, e) != b'.' {
        return None;
    }
    let ctx_start = s.saturating_sub(40);
    let ctx: Vec<u8> = b[ctx_start..s]
        .iter()
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let authz = has_sub(&ctx, b"authoriz");
    let basic = scheme.len() >= 5 && scheme[..5].eq_ignore_ascii_case(b"basic");
    let ok = if basic {
        authz
            || b64_decode(v).is_some_and(|d| {
                d.contains(&b':') && d.iter().all(|c| c.is_ascii_graphic() || *c == b' ')
            })
    } else {
        (authz && v.len() >= 8) || looks_random(v) && v.len() >= 16
    };
    if !ok || placeholder_token(b"", v) || is_placeholder(v) {
        return None;
    }
    let rule = if basic {
        "secret.basic_auth"
    } else {
        "secret.bearer_token"
    };
    push(out, rule, value_at, e, "authorization header value");
    Some(e)
}

/// `IDENTIFIED BY 'x'` / `IDENTIFIED BY x` (SQL).
fn identified_by(b: &[u8], i: usize, out: &mut Vec<Finding>) -> Option<usize> {
    let mut j = i;
    while byte(b, j) == b' ' {
        j += 1;
    }
    if j == i {
        return None;
    }
    let (s, e, _) = read_value(b, j)?;
    let v = &b[s..e];
    if v.len() < 3 || is_placeholder(v) {
        return None;
    }
    push(out, "secret.sql_password", s, e, "SQL IDENTIFIED BY");
    Some(e)
}

/// PowerShell `ConvertTo-SecureString [-String] 'x' -AsPlainText -Force`.
fn secure_string(b: &[u8], i: usize, out: &mut Vec<Finding>) -> Option<usize> {
    let le = line_end(b, i);
    let mut j = i;
    loop {
        while j < le && matches!(b[j], b' ' | b'\t') {
            j += 1;
        }
        if j >= le {
            return None;
        }
        if b[j] == b'-' {
            while j < le && !b[j].is_ascii_whitespace() {
                j += 1;
            }
            continue;
        }
        break;
    }
    let (s, e, _) = read_value(b, j)?;
    let v = &b[s..e];
    if v.len() < 4 || is_placeholder(v) {
        return None;
    }
    push(
        out,
        "secret.powershell_secure_string",
        s,
        e,
        "ConvertTo-SecureString argument",
    );
    Some(e)
}

/// End of a shell command line: the line end, past `\` line continuations.
fn command_end(b: &[u8], i: usize) -> usize {
    let mut le = line_end(b, i);
    while le < b.len() && le > i && b[le - 1] == b'\\' {
        le = line_end(b, le + 1);
    }
    le
}

/// User and password words of a documentation example (`user:pass`, `test:test`).
fn example_credential(user: &[u8], pass: &[u8]) -> bool {
    const WORDS: &[&[u8]] = &[
        b"user",
        b"username",
        b"pass",
        b"password",
        b"test",
        b"name",
        b"login",
        b"foo",
        b"bar",
        b"secret",
    ];
    let word = |w: &[u8]| WORDS.iter().any(|x| x.eq_ignore_ascii_case(w));
    word(user) && word(pass)
}

/// `curl -u user:pass` / `curl --user user:pass`: the password part; with an empty password
/// (`-u sk_live_...:`, an API key sent as the user name) the user part.
fn curl_user(b: &[u8], i: usize, out: &mut Vec<Finding>) -> Option<usize> {
    let le = command_end(b, i);
    let line = &b[i..le];
    for flag in [&b" -u "[..], b" --user ", b" -u"] {
        if let Some(p) = memchr::memmem::find(line, flag) {
            let mut j = i + p + flag.len();
            while byte(b, j) == b' ' {
                j += 1;
            }
            let (s, mut e, quoted) = read_value(b, j)?;
            let (us, ue, ps, pe) = if let Some(colon) = memchr::memchr(b':', &b[s..e]) {
                // `kevin:'secret'`: a quoted password after the colon.
                if s + colon + 1 == e && !quoted && quote_at(b, e).is_some() {
                    let (ps, pe, _) = read_value(b, e)?;
                    e = pe;
                    (s, s + colon, ps, pe)
                } else {
                    (s, s + colon, s + colon + 1, e)
                }
            } else if quoted {
                // `"user":"password"`: two quoted parts around a colon.
                let close = quote_at(b, s.saturating_sub(1)).map_or(1, |(_, c)| c.len());
                let after = e + close;
                if byte(b, after) != b':' {
                    return None;
                }
                let (ps, pe, _) = read_value(b, after + 1)?;
                e = pe;
                (s, e.min(after), ps, pe)
            } else {
                return None;
            };
            let (user, pass) = (&b[us..ue], &b[ps..pe]);
            if example_credential(user, pass) {
                return None;
            }
            if pass.is_empty() {
                if user.len() < 8 || is_placeholder(user) {
                    return None;
                }
                push(out, "secret.cli_password", us, ue, "curl API key as user");
                return Some(e);
            }
            if is_placeholder(pass) || is_placeholder(user) && !user.is_empty() {
                return None;
            }
            push(out, "secret.cli_password", ps, pe, "curl user:password");
            return Some(e);
        }
    }
    None
}

/// `mysql -u root -pSecret` / `-p'Secret'`.
fn mysql_p(b: &[u8], i: usize, out: &mut Vec<Finding>) -> Option<usize> {
    if !left_boundary(b, i) {
        return None;
    }
    let le = line_end(b, i);
    let line = &b[i..le];
    let p = memchr::memmem::find(line, b" -p")?;
    let j = i + p + 3;
    let c = byte(b, j);
    if c.is_ascii_whitespace() || c == 0 || c == b'-' {
        return None;
    }
    let (s, e, _) = read_value(b, j)?;
    let v = &b[s..e];
    if v.len() < 3 || is_placeholder(v) {
        return None;
    }
    push(out, "secret.cli_password", s, e, "mysql -p password");
    Some(e)
}

/// The general case: a key containing the stem, a separator, a value.
pub(super) fn key_value(b: &[u8], ms: usize, me: usize, out: &mut Vec<Finding>) -> Option<usize> {
    // The whole key around the stem.
    let mut ks = ms;
    while ks > 0 && is_key_byte(b[ks - 1]) && ms - ks < 64 {
        ks -= 1;
    }
    let mut ke = me;
    while ke < b.len() && is_key_byte(b[ke]) && ke - me < 64 {
        ke += 1;
    }
    // A key glued to a closing bracket or a symbol (`x]PW:`, as in uuencoded or binary
    // noise) is not a key name.
    if matches!(
        prev(b, ks),
        b']' | b')' | b'}' | b'^' | b'@' | b'*' | b'!' | b'`'
    ) {
        return None;
    }
    // Key words separated by one space (`Secret Key:`, `API Secret`): the last word counts.
    let mut is_flag = false;
    while ks < ke && b[ks] == b'-' {
        ks += 1;
        is_flag = true;
    }
    // A flag must start a word: `--password`, `-p`, not `x-password` (that is a header).
    if is_flag && ks >= 1 {
        let mut d = ks;
        while d > 0 && b[d - 1] == b'-' {
            d -= 1;
        }
        if d > 0 && !(b[d - 1].is_ascii_whitespace() || matches!(b[d - 1], b'"' | b'\'' | b'(')) {
            is_flag = false;
        }
    }
    while ke > ks && matches!(b[ke - 1], b'.' | b'-') {
        ke -= 1;
    }
    let key = &b[ks..ke];
    if key.is_empty() {
        return None;
    }
    // `PublicKeyToken=b03f5f7f11d50a3a` (.NET), `public_key`: public by name.
    if key.len() >= 6 && key.windows(6).any(|w| w.eq_ignore_ascii_case(b"public")) {
        return None;
    }
    let authorization =
        key.len() >= 13 && key[key.len() - 13..].eq_ignore_ascii_case(b"authorization");
    let bearer_key = key.eq_ignore_ascii_case(b"bearer") || key.eq_ignore_ascii_case(b"basic");
    let cookie = key.eq_ignore_ascii_case(b"cookie") || key.eq_ignore_ascii_case(b"set-cookie");
    if bearer_key {
        // `Bearer <token>` after an Authorization header or alone.
        if byte(b, ke) != b' ' {
            return None;
        }
        return auth_scheme(b, ks, ke + 1, out);
    }
    // Separator.
    let mut i = ke;
    if let Some((q, _)) = quote_at(b, i) {
        i += q.len();
    }
    while matches!(byte(b, i), b' ' | b'\t') {
        i += 1;
    }
    let sep_at = i;
    let two = [byte(b, i), byte(b, i + 1)];
    let sep_len = match two {
        [b':', b'='] | [b'=', b'>'] | [b'-', b'>'] | [b'=', b'='] | [b'!', b'='] => 2,
        [b'=', _] | [b':', _] => 1,
        _ => 0,
    };
    // `::` is a scope operator, `:/` a URL scheme.
    if sep_len == 1 && b[i] == b':' && matches!(byte(b, i + 1), b':' | b'/') {
        return None;
    }
    i += sep_len;
    let glued_colon = sep_len == 1 && sep_at == ke && byte(b, sep_at) == b':' && i == sep_at + 1;
    while matches!(byte(b, i), b' ' | b'\t') {
        i += 1;
    }
    let glued_colon = glued_colon && i == sep_at + 1;
    if sep_len == 0 {
        if sep_at == ke {
            return None;
        }
        // SQL `... PASSWORD BY 'x'`.
        if b.get(i..i + 3)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"by "))
        {
            i += 3;
            while byte(b, i) == b' ' {
                i += 1;
            }
        }
        // Whitespace only: a command-line flag, a quoted literal (`PASSWORD 'x'`), a
        // `#define`/`%global`/`SET` directive, or SQL `WITH|LOGIN PASSWORD x`.
        let quoted = quote_at(b, i).is_some();
        if !(is_flag || quoted) || byte(b, i) == b'-' {
            if byte(b, i) == b'-' {
                return None;
            }
            let before = preceding_word(b, ks);
            let directive = matches!(
                before.as_slice(),
                b"define" | b"global" | b"set" | b"export" | b"by"
            );
            let sql = key == b"PASSWORD" && matches!(before.as_slice(), b"with" | b"login");
            if !(directive || sql) {
                return None;
            }
        }
    }
    // Classified only now: the separator checks above reject most prose cheaply.
    let strength = if authorization || cookie {
        Strength::Strong
    } else {
        classify_key(key)?
    };
    if cookie {
        return cookie_values(b, i, key.eq_ignore_ascii_case(b"set-cookie"), out);
    }
    let (mut s, mut e, mut quoted) = read_value(b, i)?;
    // A type annotation: `password: String = "x"`, `passwd: str = "x"`.
    if !quoted && sep_len == 1 && e > s && b[s..e].iter().all(|c| c.is_ascii_alphanumeric()) {
        let mut j = e;
        while byte(b, j) == b' ' {
            j += 1;
        }
        if byte(b, j) == b'=' && byte(b, j + 1) != b'=' {
            j += 1;
            while byte(b, j) == b' ' {
                j += 1;
            }
            (s, e, quoted) = read_value(b, j)?;
        }
    }
    if authorization {
        return authorization_value(b, s, e, quoted, out);
    }
    finish_value(b, s, e, strength, quoted, glued_colon, out)
}

/// Bytes of an HTTP authentication scheme name (`Bearer`, `Api-Token`, `AWS4-HMAC-SHA256`).
fn scheme_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.')
}

/// The credential of an `Authorization:` / `Proxy-Authorization:` header whose value was
/// read at `b[s..e]`: whatever follows the scheme word, for any scheme (`Bearer`, `Basic`,
/// `Token`, `Api-Token`, `SSWS`, ...), the whole parameter list for schemes that take
/// parameters (`Digest username="u", response="..."`), or the value itself when it has no
/// scheme. The credential is the secret whatever it looks like; only a placeholder is kept.
fn authorization_value(
    b: &[u8],
    s: usize,
    e: usize,
    quoted: bool,
    out: &mut Vec<Finding>,
) -> Option<usize> {
    let limit = if quoted { e } else { line_end(b, s) };
    let word = b[s..limit].iter().take_while(|&&c| scheme_byte(c)).count();
    let mut j = s + word;
    let has_scheme = word > 0
        && b[s].is_ascii_alphabetic()
        && word <= 40
        && matches!(byte(b, j), b' ' | b'\t')
        && j < limit;
    if !has_scheme {
        return finish_value(b, s, e, Strength::Strong, quoted, false, out);
    }
    while j < limit && matches!(b[j], b' ' | b'\t') {
        j += 1;
    }
    let scheme = &b[s..s + word];
    let (cs, ce) = if let Some(pe) = auth_params(b, j, limit) {
        (j, pe)
    } else if quoted {
        let mut ce = j;
        while ce < e && !b[ce].is_ascii_whitespace() {
            ce += 1;
        }
        (j, ce)
    } else {
        let (vs, ve, _) = read_value(b, j)?;
        (vs, ve)
    };
    let v = b.get(cs..ce)?;
    if v.len() < 4 || is_placeholder(v) || placeholder_token(b"", v) {
        return None;
    }
    let rule = if scheme.eq_ignore_ascii_case(b"basic") {
        "secret.basic_auth"
    } else {
        "secret.bearer_token"
    };
    push(out, rule, cs, ce, "authorization header credential");
    Some(ce)
}

/// An auth-param list at `i` (`name=value, name="value"`, RFC 7235): returns its end.
fn auth_params(b: &[u8], i: usize, limit: usize) -> Option<usize> {
    let mut j = i;
    let mut end = None;
    loop {
        let ns = j;
        while j < limit && (b[j].is_ascii_alphanumeric() || matches!(b[j], b'_' | b'-')) {
            j += 1;
        }
        // `name=` then a value (a base64 credential ends in `=` padding, not `=x`).
        if j == ns || byte(b, j) != b'=' || j + 1 >= limit || matches!(b[j + 1], b'=' | b' ') {
            return end;
        }
        j += 1;
        if let Some((open, close)) = quote_at(b, j) {
            let vs = j + open.len();
            let ve = memchr::memmem::find(&b[vs..limit], close).map(|p| vs + p)?;
            j = ve + close.len();
        } else {
            while j < limit
                && !b[j].is_ascii_whitespace()
                && !matches!(b[j], b',' | b'"' | b'\'' | b'\\')
            {
                j += 1;
            }
        }
        end = Some(j);
        while j < limit && b[j] == b' ' {
            j += 1;
        }
        if byte(b, j) != b',' || j >= limit {
            return end;
        }
        j += 1;
        while j < limit && b[j] == b' ' {
            j += 1;
        }
    }
}

/// The lower-cased word before `i`, skipping spaces and a `#`/`%` directive sigil.
fn preceding_word(b: &[u8], i: usize) -> Vec<u8> {
    let mut j = i;
    while j > 0 && matches!(b[j - 1], b' ' | b'\t') {
        j -= 1;
    }
    let end = j;
    while j > 0 && b[j - 1].is_ascii_alphabetic() && end - j < 16 {
        j -= 1;
    }
    b[j..end].iter().map(|c| c.to_ascii_lowercase()).collect()
}

/// `Cookie: a=1; b=2` (every value) / `Set-Cookie: sid=1; Path=/` (the first value).
fn cookie_values(b: &[u8], i: usize, set: bool, out: &mut Vec<Finding>) -> Option<usize> {
    let le = line_end(b, i);
    let (vs, ve) = match quote_at(b, i) {
        Some((open, close)) => {
            let s = i + open.len();
            (
                s,
                memchr::memmem::find(&b[s..le], close).map_or(le, |p| s + p),
            )
        }
        None => (i, le),
    };
    let mut j = vs;
    let mut last = None;
    while j < ve {
        let seg_end = memchr::memchr(b';', &b[j..ve]).map_or(ve, |p| j + p);
        if let Some(eq) = memchr::memchr(b'=', &b[j..seg_end]) {
            let s = j + eq + 1;
            let mut e = seg_end;
            while e > s && b[e - 1].is_ascii_whitespace() {
                e -= 1;
            }
            let v = &b[s..e];
            if v.len() >= 4 && !is_placeholder(v) {
                push(out, "secret.cookie", s, e, "cookie value");
                last = Some(e);
            }
        }
        if set {
            break;
        }
        j = seg_end + 1;
    }
    last
}
