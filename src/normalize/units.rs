//! The units of a view: each a span of the source and the plain text it stands for.

/// A span of the source (`start..end`, char boundaries) and what it reads as (`rep`, maybe
/// empty: an invisible character, a line-wrap join).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Unit {
    pub start: usize,
    pub end: usize,
    pub rep: String,
}

/// Bytes where a unit may start: escapes, line breaks, digits (numeric addresses) and the
/// lead bytes of the characters [`fold`] knows.
static TRIGGER: [bool; 256] = {
    let mut t = [false; 256];
    let ascii = b"\\%=&\r\n0123456789";
    let mut i = 0;
    while i < ascii.len() {
        t[ascii[i] as usize] = true;
        i += 1;
    }
    let lead = [
        0xC2u8, 0xCD, 0xD8, 0xD9, 0xDB, 0xE0, 0xE1, 0xE2, 0xE3, 0xEF, 0xF0,
    ];
    let mut i = 0;
    while i < lead.len() {
        t[lead[i] as usize] = true;
        i += 1;
    }
    t
};

/// Every unit of `t`, in order, not overlapping.
pub(super) fn scan(t: &str) -> Vec<Unit> {
    let b = t.as_bytes();
    let mut units = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if TRIGGER[b[i] as usize] {
            if let Some((end, rep)) = unit_at(t, i) {
                units.push(Unit { start: i, end, rep });
                i = end;
                continue;
            }
        }
        i += 1;
    }
    units
}

/// What a character reads as: `Some(None)` for an invisible one (removed), `Some(Some(c))`
/// for a compatibility form of an ASCII separator, digit or letter, `None` for any other.
/// A small table on purpose: the characters that hide separators and digits, not Unicode's.
pub(super) fn fold(c: char) -> Option<Option<char>> {
    let u = c as u32;
    let digit = |base: u32| char::from_digit((u - base) % 10, 10);
    Some(match u {
        // Fullwidth ASCII: `＠`, `．`, `０`-`９`, letters, `＋`, `－`, `：`.
        0xFF01..=0xFF5E => char::from_u32(u - 0xFEE0),
        0xFE6B => Some('@'),
        0x3002 | 0xFE52 | 0xFF61 | 0x2024 => Some('.'),
        0x2010 | 0x2011 | 0xFE63 => Some('-'),
        0xFE62 => Some('+'),
        0x00A0 | 0x2007 | 0x202F | 0x3000 => Some(' '),
        0x0660..=0x0669 => digit(0x0660),
        0x06F0..=0x06F9 => digit(0x06F0),
        0x0966..=0x096F => digit(0x0966),
        0x1D7CE..=0x1D7FF => digit(0x1D7CE),
        // Soft hyphen, zero-width space/joiners, bidi marks and controls, word joiner and
        // invisible operators, isolates, BOM.
        0x00AD
        | 0x034F
        | 0x061C
        | 0x180E
        | 0x200B..=0x200F
        | 0x202A..=0x202D
        | 0x2060..=0x2064
        | 0x2066..=0x2069
        | 0xFEFF => None,
        _ => return None,
    })
}

fn push_folded(out: &mut String, c: char) {
    match fold(c) {
        Some(Some(f)) => out.push(f),
        Some(None) => {}
        None => out.push(c),
    }
}

fn hex(b: u8) -> Option<u32> {
    (b as char).to_digit(16)
}

/// The byte of two hex digits at `b[i..i + 2]` (upper case only when `upper`).
fn hex2(b: &[u8], i: usize, upper: bool) -> Option<u8> {
    let (h, l) = (*b.get(i)?, *b.get(i + 1)?);
    if upper && (h.is_ascii_lowercase() || l.is_ascii_lowercase()) {
        return None;
    }
    Some((hex(h)? * 16 + hex(l)?) as u8)
}

fn unit_at(t: &str, i: usize) -> Option<(usize, String)> {
    let b = t.as_bytes();
    match b[i] {
        b'\\' => backslash(b, i),
        b'%' => byte_escape(b, i, 1, false),
        b'=' => byte_escape(b, i, 1, true).or_else(|| wrap_at(b, i).map(|e| (e, String::new()))),
        b'&' => entity(b, i),
        b'\r' | b'\n' => wrap_at(b, i).map(|e| (e, String::new())),
        b'0'..=b'9' => numeric_ipv4(b, i),
        _ => {
            let c = t[i..].chars().next()?;
            let end = i + c.len_utf8();
            if c == '\u{202E}' {
                return right_to_left(t, end);
            }
            let f = fold(c)?;
            Some((end, f.map(String::from).unwrap_or_default()))
        }
    }
}

/// `\uXXXX` (with surrogate pairs) and `\xHH`, when the backslash is not itself escaped.
fn backslash(b: &[u8], i: usize) -> Option<(usize, String)> {
    let escaped = b[..i].iter().rev().take_while(|&&c| c == b'\\').count() % 2 == 1;
    if escaped {
        return None;
    }
    match *b.get(i + 1)? {
        b'u' => {
            let u4 = |at: usize| -> Option<u32> {
                let h = b.get(at..at + 4)?;
                h.iter().try_fold(0u32, |n, &c| Some(n * 16 + hex(c)?))
            };
            let hi = u4(i + 2)?;
            let (c, end) = if (0xD800..0xDC00).contains(&hi) {
                if b.get(i + 6..i + 8) != Some(b"\\u") {
                    return None;
                }
                let lo = u4(i + 8)?;
                if !(0xDC00..0xE000).contains(&lo) {
                    return None;
                }
                (
                    char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))?,
                    i + 12,
                )
            } else {
                (char::from_u32(hi)?, i + 6)
            };
            if c.is_control() {
                return None;
            }
            let mut s = String::new();
            push_folded(&mut s, c);
            Some((end, s))
        }
        b'x' => byte_escape(b, i, 2, false),
        _ => None,
    }
}

/// `%HH`, `=HH` (quoted-printable, upper-case hex) or `\xHH` at `i` (`skip` bytes of
/// prefix). Decoded punctuation counts when the escape is glued to a value (`john%40x`,
/// `john=40x`); a decoded letter or digit only inside a run of escapes (`=6A=6F`), so that
/// `count=20`, `size=40 ` or `100%25` stay what they are.
fn byte_escape(b: &[u8], i: usize, skip: usize, upper: bool) -> Option<(usize, String)> {
    let v = hex2(b, i + skip, upper)?;
    let step = skip + 2;
    let escape_at = |at: usize| -> bool {
        b.get(at..at + skip) == b.get(i..i + skip) && hex2(b, at + skip, upper).is_some()
    };
    if v >= 0x80 {
        // A UTF-8 sequence of escapes spelling a character `fold` knows (`%EF%BC%A0`).
        let mut buf = [v, 0, 0, 0];
        let mut end = i + step;
        for n in 1..4 {
            if !escape_at(end) {
                break;
            }
            buf[n] = hex2(b, end + skip, upper)?;
            end += step;
            if let Ok(s) = std::str::from_utf8(&buf[..=n]) {
                let f = fold(s.chars().next()?)?;
                return Some((end, f.map(String::from).unwrap_or_default()));
            }
        }
        return None;
    }
    if !(0x20..0x7F).contains(&v) {
        return None;
    }
    let end = i + step;
    let prev_escape = i >= step && escape_at(i - step);
    let next_escape = escape_at(end);
    let c = v as char;
    if c.is_ascii_alphanumeric() {
        if !(prev_escape || next_escape) {
            return None;
        }
    } else {
        let before = i > 0 && (b[i - 1].is_ascii_alphanumeric() || prev_escape);
        let after = b.get(end).is_some_and(|c| c.is_ascii_alphanumeric()) || next_escape;
        if !(before && after) {
            return None;
        }
    }
    Some((end, c.to_string()))
}

/// HTML character references: `&#106;`, `&#x40;` (the `;` optional) and a few names.
fn entity(b: &[u8], i: usize) -> Option<(usize, String)> {
    const NAMES: &[(&[u8], char)] = &[
        (b"commat;", '@'),
        (b"period;", '.'),
        (b"amp;", '&'),
        (b"nbsp;", ' '),
        (b"lowbar;", '_'),
        (b"hyphen;", '-'),
        (b"dash;", '-'),
        (b"plus;", '+'),
        (b"colon;", ':'),
        (b"percnt;", '%'),
        (b"shy;", '\u{AD}'),
    ];
    let rest = b.get(i + 1..)?;
    let (c, len) = if rest.first() == Some(&b'#') {
        let (radix, from) = match rest.get(1) {
            Some(b'x' | b'X') => (16, 2),
            _ => (10, 1),
        };
        let digits = rest[from..]
            .iter()
            .take(7)
            .take_while(|c| (**c as char).is_digit(radix))
            .count();
        if digits == 0 {
            return None;
        }
        let s = std::str::from_utf8(&rest[from..from + digits]).ok()?;
        let c = char::from_u32(u32::from_str_radix(s, radix).ok()?)?;
        let semi = usize::from(rest.get(from + digits) == Some(&b';'));
        (c, from + digits + semi)
    } else {
        let &(name, c) = NAMES.iter().find(|(n, _)| rest.starts_with(n))?;
        (c, name.len())
    };
    // `&amp;` is only an escape here when it escapes another reference (`&amp;#64;`): an
    // ordinary `&amp;` hides nothing and would cost a view.
    let end = i + 1 + len;
    if c.is_control() || (c == '&' && !matches!(b.get(end), Some(b'#' | b'a'..=b'z'))) {
        return None;
    }
    let mut s = String::new();
    push_folded(&mut s, c);
    Some((end, s))
}

fn token_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'_' | b'+' | b'%' | b'@')
}

/// A line break (`\n`, `\r\n`, or a quoted-printable soft break `=\r\n`) at `i` that cuts an
/// email address: the token before it holds an `@` whose domain has no dot yet
/// (`john@contoso.` / `com`, `john@conto` / `so.com`), or the next line starts with the `@`;
/// a soft break joins any token with an `@` on either side. Returns the end of the break.
pub(super) fn wrap_at(b: &[u8], i: usize) -> Option<usize> {
    let soft = b[i] == b'=';
    let mut k = i + usize::from(soft);
    if b.get(k) == Some(&b'\r') {
        k += 1;
    }
    if b.get(k) != Some(&b'\n') {
        return None;
    }
    k += 1;
    let s = i;
    let before_len = b[..s]
        .iter()
        .rev()
        .take(254)
        .take_while(|&&c| token_byte(c))
        .count();
    let before = &b[s - before_len..s];
    let at_before = memchr::memrchr(b'@', before);
    if before.is_empty() || !(soft || at_before.is_some() || b.get(k) == Some(&b'@')) {
        return None;
    }
    let after_len = b[k..]
        .iter()
        .take(254)
        .take_while(|&&c| token_byte(c))
        .count();
    let after = &b[k..k + after_len];
    if after.is_empty() {
        return None;
    }
    let join = if soft {
        at_before.is_some() || after.contains(&b'@')
    } else if let Some(at) = at_before {
        let domain = &before[at + 1..];
        let trimmed = domain.strip_suffix(b".").unwrap_or(domain);
        !trimmed.is_empty()
            && !trimmed.contains(&b'.')
            && !after.contains(&b'@')
            && (domain.ends_with(b".") || after.contains(&b'.'))
    } else {
        after[0] == b'@' && after.contains(&b'.')
    };
    join.then_some(k)
}

/// Words after which a number is read as an IPv4 address (a part of an identifier:
/// `client_ip`, `remoteAddr`, `src`).
const NET_WORDS: &[&str] = &[
    "ip",
    "ipv4",
    "ipaddr",
    "ipaddress",
    "client",
    "host",
    "src",
    "dst",
    "source",
    "dest",
    "destination",
    "remote",
    "peer",
];

/// Words that name an address of any kind: a memory address is written `0xfec00000` too, so
/// after these alone only a dotted quad is read as an IPv4 address.
const ADDRESS_WORDS: &[&str] = &["addr", "address"];

/// The words just before `i` (after a separator): `Some(true)` when one names a network
/// address, `Some(false)` when only an address of any kind, `None` otherwise. An address
/// word may follow a network word (`IP address: `).
fn ip_context(b: &[u8], i: usize) -> Option<bool> {
    let mut j = i;
    let mut any = false;
    for _ in 0..2 {
        let sep = j;
        while j > 0 && sep - j < 3 && matches!(b[j - 1], b' ' | b'\t' | b':' | b'=' | b'"' | b'\'')
        {
            j -= 1;
        }
        if j == sep {
            break;
        }
        let end = j;
        while j > 0 && end - j < 40 && (b[j - 1].is_ascii_alphanumeric() || b[j - 1] == b'_') {
            j -= 1;
        }
        let word = &b[j..end];
        // The parts of an identifier: `remote_addr`, `clientIp`.
        let mut parts = Vec::new();
        let mut from = 0;
        for k in 1..=word.len() {
            let cut = k == word.len()
                || word[k] == b'_'
                || (word[k].is_ascii_uppercase() && word[k - 1].is_ascii_lowercase());
            if cut {
                parts.push(&word[from..k]);
                from = if k < word.len() && word[k] == b'_' {
                    k + 1
                } else {
                    k
                };
            }
        }
        let is = |words: &[&str]| {
            parts
                .iter()
                .any(|p| words.iter().any(|w| p.eq_ignore_ascii_case(w.as_bytes())))
        };
        if is(NET_WORDS) {
            return Some(true);
        }
        if !is(ADDRESS_WORDS) {
            break;
        }
        any = true;
    }
    any.then_some(false)
}

/// An IPv4 address written as one number (`3232235786`, `0xC0A8010A`) or with zero-padded
/// octets (`192.168.001.010`), after an address word: read as its dotted form.
fn numeric_ipv4(b: &[u8], i: usize) -> Option<(usize, String)> {
    // Only after a separator (what `ip_context` reads): most numbers end here.
    if i == 0 || !matches!(b[i - 1], b' ' | b'\t' | b':' | b'=' | b'"' | b'\'') {
        return None;
    }
    let hex = b[i] == b'0' && matches!(b.get(i + 1), Some(b'x' | b'X'));
    let (value, end) = if hex {
        let mut k = i + 2;
        let mut v = 0u64;
        while k < b.len() && k - i < 11 {
            let Some(d) = (b[k] as char).to_digit(16) else {
                break;
            };
            v = v * 16 + u64::from(d);
            k += 1;
        }
        if !(3..=10).contains(&(k - i)) {
            return None;
        }
        (v, k)
    } else {
        let mut octets = [0u64; 4];
        let mut k = i;
        let mut parts = 0;
        let mut padded = false;
        loop {
            let s = k;
            while k < b.len() && b[k].is_ascii_digit() && k - s < 11 {
                octets[parts] = octets[parts] * 10 + u64::from(b[k] - b'0');
                k += 1;
            }
            padded |= k - s > 1 && b[s] == b'0';
            parts += 1;
            if parts < 4 && b.get(k) == Some(&b'.') && b.get(k + 1).is_some_and(u8::is_ascii_digit)
            {
                k += 1;
            } else {
                break;
            }
        }
        match parts {
            1 if (8..=10).contains(&(k - i)) => (octets[0], k),
            4 if padded && octets.iter().all(|&o| o <= 255) => (
                octets[0] << 24 | octets[1] << 16 | octets[2] << 8 | octets[3],
                k,
            ),
            _ => return None,
        }
    };
    let next = b.get(end).copied();
    if !(1 << 24..1 << 32).contains(&value)
        || next.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_')
        || (next == Some(b'.') && b.get(end + 1).is_some_and(u8::is_ascii_digit))
    {
        return None;
    }
    // Our own placeholder (`[IPV4:27101281]`, the hash strategy) holds a network word and a
    // number: it is a replacement, never an address.
    let back = i.saturating_sub(48);
    if let Some(p) = memchr::memrchr(b'[', &b[back..i]) {
        let s = back + p;
        if crate::vocab::placeholder::placeholder_len(&b[s..]).is_some_and(|len| s + len > i) {
            return None;
        }
    }
    // A dotted quad after any address word; one number only after a network word.
    let dotted = !hex && b[i..end].contains(&b'.');
    if !ip_context(b, i).is_some_and(|net| net || dotted) {
        return None;
    }
    let [_, _, _, _, a, b, c, d] = value.to_be_bytes();
    Some((end, format!("{a}.{b}.{c}.{d}")))
}

/// Text behind a right-to-left override (`U+202E`) shows reversed: read it as shown, up to
/// the pop (`U+202C`) or the end of the line. `from` is just after the override.
fn right_to_left(t: &str, from: usize) -> Option<(usize, String)> {
    let rest = t.get(from..)?;
    let stop = rest
        .char_indices()
        .take(256)
        .find(|&(_, c)| matches!(c, '\u{202C}' | '\n' | '\r'));
    let (inner, end) = match stop {
        Some((k, '\u{202C}')) => (&rest[..k], from + k + '\u{202C}'.len_utf8()),
        Some((k, _)) => (&rest[..k], from + k),
        None => {
            let k = rest.char_indices().nth(256).map_or(rest.len(), |(k, _)| k);
            (&rest[..k], from + k)
        }
    };
    let mut s = String::with_capacity(inner.len());
    for c in inner.chars().rev() {
        push_folded(&mut s, c);
    }
    Some((end, s))
}
