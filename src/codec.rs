//! The encodings that hide text from the detectors: base64, quoted-printable, RFC 2047
//! encoded words and the charsets emails use. Decoders return `None` on malformed input
//! (the caller then leaves the data as it is and says so); encoders always succeed.

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The value of one base64 digit (standard or URL-safe alphabet).
pub(crate) fn b64_value(c: u8) -> Option<u32> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' | b'-' => 62,
        b'/' | b'_' => 63,
        _ => return None,
    } as u32)
}

/// Decodes base64 (standard or URL-safe alphabet), ignoring ASCII whitespace; padding is
/// optional. `None` on any other byte or a dangling sextet.
pub fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    let mut acc = 0u32;
    let mut n = 0;
    let mut pad = false;
    for &c in s.as_bytes() {
        if c.is_ascii_whitespace() {
            continue;
        }
        if c == b'=' {
            pad = true;
            continue;
        }
        if pad {
            return None;
        }
        acc = acc << 6 | b64_value(c)?;
        n += 1;
        if n == 4 {
            out.extend_from_slice(&[(acc >> 16) as u8, (acc >> 8) as u8, acc as u8]);
            acc = 0;
            n = 0;
        }
    }
    match n {
        0 => {}
        2 => out.push((acc >> 4) as u8),
        3 => out.extend_from_slice(&[(acc >> 10) as u8, (acc >> 2) as u8]),
        _ => return None,
    }
    Some(out)
}

/// A body declared base64 that does not decode as a whole (truncated, or with stray lines):
/// each run of lines that are base64 on their own (a multiple of 4 characters) and decode
/// to text is replaced by that text; other lines stay as written. `None` when no run
/// decodes to text. Text hidden in the valid lines of a broken part must be scanned too.
pub fn base64_lines_decode(raw: &str) -> Option<String> {
    fn is_b64_line(l: &str) -> bool {
        let t = l.trim_end_matches(['\r', '\n']).trim_end();
        t.len() >= 4
            && t.len() % 4 == 0
            && t.trim_end_matches('=')
                .bytes()
                .all(|c| b64_value(c).is_some())
    }
    fn as_text(bytes: &[u8]) -> Option<String> {
        let s = std::str::from_utf8(bytes).ok()?;
        s.chars()
            .all(|c| !c.is_control() || matches!(c, '\t' | '\r' | '\n'))
            .then(|| s.to_string())
    }
    let mut out = String::with_capacity(raw.len());
    let mut any = false;
    let lines: Vec<&str> = raw.split_inclusive('\n').collect();
    let mut i = 0;
    while i < lines.len() {
        let Some(&line) = lines.get(i) else { break };
        if !is_b64_line(line) {
            out.push_str(line);
            i += 1;
            continue;
        }
        let mut j = i;
        let mut bytes = Vec::new();
        while let Some(&l) = lines.get(j) {
            if !is_b64_line(l) {
                break;
            }
            bytes.extend(base64_decode(l).unwrap_or_default());
            j += 1;
        }
        let run = lines.get(i..j).unwrap_or_default();
        match as_text(&bytes) {
            Some(text) if !text.is_empty() => {
                out.push_str(&text);
                if !text.ends_with('\n') {
                    out.push('\n');
                }
                any = true;
            }
            _ => run.iter().for_each(|l| out.push_str(l)),
        }
        i = j;
    }
    any.then_some(out)
}

/// Standard base64 with padding; `wrap` > 0 breaks lines every `wrap` characters with
/// `eol`.
pub fn base64_encode(bytes: &[u8], wrap: usize, eol: &str) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4 + 2);
    let mut col = 0;
    for c in bytes.chunks(3) {
        let b0 = c.first().copied().unwrap_or(0) as u32;
        let b1 = c.get(1).copied().unwrap_or(0) as u32;
        let b2 = c.get(2).copied().unwrap_or(0) as u32;
        let n = b0 << 16 | b1 << 8 | b2;
        let sym = |i: u32| B64.get((n >> i) as usize & 63).copied().unwrap_or(b'A') as char;
        if wrap > 0 && col >= wrap {
            out.push_str(eol);
            col = 0;
        }
        out.push(sym(18));
        out.push(sym(12));
        out.push(if c.len() > 1 { sym(6) } else { '=' });
        out.push(if c.len() > 2 { sym(0) } else { '=' });
        col += 4;
    }
    out
}

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// Decodes quoted-printable: `=XX` escapes and `=` soft line breaks. A lone `=` that is not
/// an escape is kept (lenient, as mail readers are). `underscores` decodes `_` as a space
/// (the `Q` encoding of RFC 2047).
pub fn qp_decode(s: &str, underscores: bool) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c == b'=' {
            // Soft line break: `=` then optional trailing blanks then a line end.
            let mut j = i + 1;
            while matches!(b.get(j), Some(b' ' | b'\t')) {
                j += 1;
            }
            match b.get(j) {
                Some(b'\n') => {
                    i = j + 1;
                    continue;
                }
                Some(b'\r') if b.get(j + 1) == Some(&b'\n') => {
                    i = j + 2;
                    continue;
                }
                None => break,
                _ => {}
            }
            if let (Some(h), Some(l)) = (
                b.get(i + 1).copied().and_then(hex),
                b.get(i + 2).copied().and_then(hex),
            ) {
                out.push(h << 4 | l);
                i += 3;
                continue;
            }
        }
        out.push(if underscores && c == b'_' { b' ' } else { c });
        i += 1;
    }
    out
}

/// Encodes text as quoted-printable (RFC 2045): lines of at most 76 characters, line ends
/// kept as `eol`, trailing blanks and non-ASCII bytes escaped.
pub fn qp_encode(text: &str, eol: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut lines = text.split('\n').peekable();
    while let Some(line) = lines.next() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let b = line.as_bytes();
        let mut col = 0;
        for (i, &c) in b.iter().enumerate() {
            let last = i + 1 == b.len();
            let plain =
                (c == b' ' || c == b'\t') && !last || (0x21..=0x7e).contains(&c) && c != b'=';
            let piece_len = if plain { 1 } else { 3 };
            // Leave room for the soft break `=`.
            if col + piece_len > 75 {
                out.push('=');
                out.push_str(eol);
                col = 0;
            }
            if plain {
                out.push(c as char);
            } else {
                out.push_str(&format!("={c:02X}"));
            }
            col += piece_len;
        }
        if lines.peek().is_some() {
            out.push_str(eol);
        }
    }
    out
}

/// Text in `charset` as UTF-8. Known: UTF-8, US-ASCII, ISO-8859-1/Latin-1, Windows-1252
/// (its 0x80..0x9F punctuation), ISO-8859-15. `None` for other charsets or invalid UTF-8.
pub fn to_utf8(bytes: &[u8], charset: &str) -> Option<String> {
    let cs = charset.trim().trim_matches('"').to_ascii_lowercase();
    match cs.as_str() {
        "" | "utf-8" | "utf8" | "us-ascii" | "ascii" => String::from_utf8(bytes.to_vec()).ok(),
        "iso-8859-1" | "latin1" | "latin-1" | "iso8859-1" | "windows-1252" | "cp1252"
        | "iso-8859-15" | "latin-9" => {
            Some(bytes.iter().map(|&b| single_byte(b, cs.as_str())).collect())
        }
        _ => None,
    }
}

fn single_byte(b: u8, cs: &str) -> char {
    const CP1252: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    if cs.contains("1252") && (0x80..0xa0).contains(&b) {
        return CP1252
            .get((b - 0x80) as usize)
            .copied()
            .unwrap_or('\u{fffd}');
    }
    if cs.contains("15") || cs == "latin-9" {
        match b {
            0xa4 => return '€',
            0xa6 => return 'Š',
            0xa8 => return 'š',
            0xb4 => return 'Ž',
            0xb8 => return 'ž',
            0xbc => return 'Œ',
            0xbd => return 'œ',
            0xbe => return 'Ÿ',
            _ => {}
        }
    }
    b as char
}

/// Decodes the RFC 2047 encoded words of a header value (`=?UTF-8?B?...?=`,
/// `=?ISO-8859-1?Q?...?=`); whitespace between two adjacent encoded words is dropped.
/// Returns `None` when the value has no encoded word or one cannot be decoded.
pub fn decode_words(value: &str) -> Option<String> {
    if !value.contains("=?") {
        return None;
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    let mut any = false;
    let mut pending_ws = String::new();
    let mut last_was_word = false;
    while !rest.is_empty() {
        let Some(at) = rest.find("=?") else {
            out.push_str(&pending_ws);
            out.push_str(rest);
            pending_ws.clear();
            break;
        };
        let before = rest.get(..at).unwrap_or("");
        let word = rest.get(at..).unwrap_or("");
        let Some((decoded, len)) = encoded_word(word) else {
            // Not a word: copy through `=?` and go on.
            out.push_str(&pending_ws);
            pending_ws.clear();
            out.push_str(before);
            out.push_str("=?");
            rest = rest.get(at + 2..).unwrap_or("");
            last_was_word = false;
            continue;
        };
        if !(last_was_word && before.trim().is_empty()) {
            out.push_str(&pending_ws);
            out.push_str(before);
        }
        pending_ws.clear();
        out.push_str(&decoded);
        any = true;
        last_was_word = true;
        rest = rest.get(at + len..).unwrap_or("");
        // Whitespace up to a following word is dropped, otherwise kept.
        let ws_len = rest.len() - rest.trim_start().len();
        pending_ws.push_str(rest.get(..ws_len).unwrap_or(""));
        rest = rest.get(ws_len..).unwrap_or("");
        if !rest.starts_with("=?") {
            out.push_str(&pending_ws);
            pending_ws.clear();
            last_was_word = false;
        }
    }
    out.push_str(&pending_ws);
    any.then_some(out)
}

/// One encoded word at the start of `s`: its text and length.
fn encoded_word(s: &str) -> Option<(String, usize)> {
    let inner = s.strip_prefix("=?")?;
    let (charset, rest) = inner.split_once('?')?;
    let (enc, rest) = rest.split_once('?')?;
    let end = rest.find("?=")?;
    let data = rest.get(..end)?;
    if data.contains([' ', '\t', '\n']) || charset.is_empty() || charset.len() > 40 {
        return None;
    }
    // `charset*language` (RFC 2231).
    let charset = charset.split('*').next().unwrap_or(charset);
    let bytes = match enc {
        "B" | "b" => base64_decode(data)?,
        "Q" | "q" => qp_decode(data, true),
        _ => return None,
    };
    let text = to_utf8(&bytes, charset)?;
    let len = 2 + inner.len() - rest.len() + end + 2;
    Some((text, len))
}

/// Encodes a header value for output: ASCII stays as is, anything else becomes one or more
/// `=?UTF-8?B?...?=` words (each under 76 characters).
pub fn encode_words(value: &str) -> String {
    if value.is_ascii() {
        return value.to_string();
    }
    let mut out = String::new();
    let mut chunk = String::new();
    for c in value.chars() {
        if chunk.len() + c.len_utf8() > 45 {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&format!(
                "=?UTF-8?B?{}?=",
                base64_encode(chunk.as_bytes(), 0, "")
            ));
            chunk.clear();
        }
        chunk.push(c);
    }
    if !chunk.is_empty() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&format!(
            "=?UTF-8?B?{}?=",
            base64_encode(chunk.as_bytes(), 0, "")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trip() {
        for s in [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "héllo wörld, this is longer than a line",
        ] {
            let e = base64_encode(s.as_bytes(), 8, "\r\n");
            assert_eq!(base64_decode(&e).unwrap(), s.as_bytes(), "{e}");
        }
        assert_eq!(base64_encode(b"hello", 0, ""), "aGVsbG8=");
        assert_eq!(base64_decode("aGVsbG8").unwrap(), b"hello");
        assert!(base64_decode("aGVs*G8=").is_none());
        assert!(base64_decode("a").is_none());
        // A broken body: the lines that decode are read, the rest kept.
        let good = base64_encode(b"call me at +44 7700 900461\n", 76, "\n");
        let raw = format!("not base64 at all\n{good}\nx\n");
        let text = base64_lines_decode(&raw).unwrap();
        assert_eq!(text, "not base64 at all\ncall me at +44 7700 900461\nx\n");
        // Lines that decode to binary stay as written.
        let bin = base64_encode(&[0u8, 1, 2, 3, 250, 251], 76, "\n");
        assert!(base64_lines_decode(&format!("{bin}\nx\n")).is_none());
    }

    #[test]
    fn quoted_printable() {
        assert_eq!(
            qp_decode("caf=C3=A9 =\r\nlong=3D line\n", false),
            "café long= line\n".as_bytes()
        );
        assert_eq!(qp_decode("a_b=20c", true), b"a b c");
        assert_eq!(qp_decode("50% = half", false), b"50% = half");
        let text = format!("{}\ncafé = ok \nend", "x".repeat(200));
        let e = qp_encode(&text, "\n");
        assert!(e.lines().all(|l| l.len() <= 76), "{e}");
        assert!(e.is_ascii());
        assert_eq!(String::from_utf8(qp_decode(&e, false)).unwrap(), text);
    }

    #[test]
    fn encoded_words() {
        assert_eq!(
            decode_words("=?UTF-8?B?Sm9zw6kgR2FyY8OtYQ==?= <jose@x.example>").unwrap(),
            "José García <jose@x.example>"
        );
        assert_eq!(
            decode_words("=?ISO-8859-1?Q?Ren=E9e_Dupr=E9?= =?ISO-8859-1?Q?_Jr?=").unwrap(),
            "Renée Dupré Jr"
        );
        assert_eq!(
            decode_words("Re: =?utf-8?q?caf=C3=A9?= now").unwrap(),
            "Re: café now"
        );
        assert!(decode_words("plain").is_none());
        assert!(decode_words("=?x?Z?abc?=").is_none());
        let e = encode_words("Réunion: José García et Renée Dupré, encore une fois merci");
        assert!(e.is_ascii() && e.split(' ').all(|w| w.len() < 76), "{e}");
        assert_eq!(
            decode_words(&e).unwrap(),
            "Réunion: José García et Renée Dupré, encore une fois merci"
        );
        assert_eq!(to_utf8(&[0x80, 0xe9], "windows-1252").unwrap(), "€é");
        assert!(to_utf8(b"x", "koi8-r").is_none());
    }
}
