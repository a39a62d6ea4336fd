//! The local part: its characters, quoted strings, a URL's userinfo, and where it starts left
//! of an at-sign.

use super::at::AtForm;
use crate::detect::scan::{char_at, char_before};

fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '.' | '_' | '%' | '+' | '-' | '\'' | '!' | '#' | '$' | '*' | '^' | '~' | '|'
        )
        || is_non_ascii_local(c)
}

/// The rarer RFC 5322 `atext` characters. They are part of a local part only when no word
/// glued to them says they are a delimiter (`user=bob@x.com`, `a/b@x.com`, `?to=bob@x.com`).
fn is_rare_atext(c: char) -> bool {
    matches!(c, '&' | '`' | '/' | '=' | '?' | '{' | '}')
}

/// Non-ASCII characters allowed in an internationalised local part (RFC 6531 allows any
/// UTF-8): everything except white space and the punctuation blocks that surround addresses
/// in prose (quotes, guillemets, CJK and full-width punctuation). C1 controls are kept: they
/// are valid UTF-8 atext and never delimit an address.
fn is_non_ascii_local(c: char) -> bool {
    let v = c as u32;
    if v < 0x80 {
        return false;
    }
    if (0x80..=0x9F).contains(&v) {
        return true;
    }
    if c.is_whitespace()
        || (0xA0..=0xBF).contains(&v) && !c.is_alphanumeric()
        || v == 0xD7
        || v == 0xF7
        || (0x2000..=0x206F).contains(&v)
        || (0x3000..=0x303F).contains(&v)
        || (0xFF00..=0xFF0F).contains(&v)
        || (0xFF1A..=0xFF20).contains(&v)
        || (0xFF3B..=0xFF40).contains(&v)
        || (0xFF5B..=0xFF65).contains(&v)
        || (0xFE10..=0xFE1F).contains(&v)
        || (0xFE30..=0xFE4F).contains(&v)
    {
        return false;
    }
    true
}

/// A quoted local part ending right before `at` (`"john doe"@`, `"a\"b"@`, `""@`): the
/// opening quote is searched leftwards and the string is checked forwards, with RFC 5321
/// quoted pairs (backslash and a printable ASCII char) and no control characters.
fn quoted_local_start(text: &str, at: usize) -> Option<usize> {
    let head = text.get(..at.checked_sub(1)?)?;
    let line_start = head.rfind('\n').map_or(0, |i| i + 1);
    // The leftmost opening quote that gives a valid string wins: `"\""@x` is one quoted
    // string holding an escaped quote, not `""@x` after a stray backslash.
    let mut best = None;
    let mut search_end = head.len();
    while let Some(open) = head[line_start..search_end]
        .rfind('"')
        .map(|i| i + line_start)
    {
        if at - open > 66 {
            break;
        }
        if quoted_string_ends_at(text, open, at - 1) {
            best = Some(open);
        }
        search_end = open;
    }
    best
}

/// Whether the quoted string opening at `open` closes exactly at `close`.
fn quoted_string_ends_at(text: &str, open: usize, close: usize) -> bool {
    let Some(inner) = text.get(open + 1..close) else {
        return false;
    };
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return false,
            '\\' => match chars.next() {
                Some(e) if (' '..='~').contains(&e) => {}
                _ => return false,
            },
            c if c.is_control() && (c as u32) < 0x80 => return false,
            _ => {}
        }
    }
    true
}

/// Whether the text right before `start` makes the local part the userinfo of a URL
/// (`https://user:pass@host`, `ftp://bob@host`): that is a URL, not an address. A
/// percent-encoded address inside the userinfo is found by the encoded form instead.
pub(super) fn is_url_userinfo(text: &str, start: usize, floor: usize) -> bool {
    let bytes = text.as_bytes();
    let mut u = start;
    while u > floor
        && !matches!(
            bytes[u - 1],
            b' ' | b'\t' | b'\n' | b'\r' | b'/' | b'@' | b'"' | b'\'' | b'<' | b'(' | b'['
        )
        && start - u < 256
    {
        u -= 1;
    }
    // Bytes, not `text[..u]`: the 256-byte limit can stop inside a multi-byte character.
    bytes.get(..u).is_some_and(|b| b.ends_with(b"://"))
}

/// Grows the local part leftwards from `at` (exclusive), not before `floor`. Returns its
/// start.
pub(super) fn local_start(text: &str, at: usize, form: AtForm, floor: usize) -> Option<usize> {
    // Quoted local part: "john doe"@example.com
    if form == AtForm::Plain && char_before(text, at) == Some('"') {
        return quoted_local_start(text, at).filter(|&s| s >= floor);
    }
    let mut start = at;
    let mut count = 0;
    // Where the local part starts if the rare atext characters are delimiters.
    let mut cut: Option<usize> = None;
    while let Some(c) = char_before(text, start).filter(|_| start > floor) {
        let rare = form == AtForm::Plain && is_rare_atext(c);
        if !(is_local_char(c) || rare) || count >= 64 {
            break;
        }
        // Word forms (`name at domain dot com`) take one plain token only.
        if form == AtForm::Word && !(c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+')) {
            break;
        }
        if rare && cut.is_none() {
            // A delimiter glued to a word (`user=`, `path/`, `x&`) ends the local part.
            let prev =
                char_before(text, start - c.len_utf8()).filter(|_| start - c.len_utf8() > floor);
            if prev.is_some_and(|p| p.is_alphanumeric()) {
                cut = Some(start);
            }
        }
        start -= c.len_utf8();
        count += 1;
    }
    if let Some(c) = cut {
        start = c;
    }
    // Rare atext chars are not kept at the very start when they open the text.
    while let Some(c) = char_at(text, start) {
        if start < at
            && (matches!(c, '.' | '\'' | '-' | '%' | '|')
                || is_rare_atext(c) && c != '&' && c != '`')
        {
            start += c.len_utf8();
        } else {
            break;
        }
    }
    if start >= at {
        return None;
    }
    let local = &text[start..at];
    if local.ends_with('.') || local.contains("..") {
        return None;
    }
    if form == AtForm::Plain && is_url_userinfo(text, start, floor) {
        return None;
    }
    Some(start)
}
