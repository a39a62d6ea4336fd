//! User directories in paths: the name after a home root, and `~user/`.

use super::accounts::is_person_name;
use crate::vocab::placeholder::placeholder_len;

/// The user directory that starts at `i`, after a home root: up to the next separator.
/// Windows profile names may hold spaces (`C:\Users\Jane Doe\`); they are taken only when a
/// separator closes them.
pub(super) fn path_user(text: &str, i: usize, windows: bool) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    if b.get(i) == Some(&b'[') && placeholder_len(&b[i..]).is_some() {
        return None;
    }
    let stop = |c: u8| {
        matches!(
            c,
            b'\\'
                | b'/'
                | b'"'
                | b'\''
                | b'<'
                | b'>'
                | b'|'
                | b'*'
                | b'?'
                | b':'
                | b';'
                | b','
                | b')'
                | b']'
                | b'}'
                | b'`'
                | b'\n'
                | b'\r'
                | b'\t'
                | b'='
        )
    };
    let mut e = i;
    while e < b.len() && !stop(b[e]) && b[e] != b' ' {
        e += 1;
    }
    if windows && b.get(e) == Some(&b' ') {
        // A name with spaces: up to three words, closed by a separator.
        let mut f = e;
        let mut words = 1;
        while f < b.len() && !stop(b[f]) && f - i <= 40 {
            if b[f] == b' ' {
                words += 1;
            }
            f += 1;
        }
        if words <= 3 && f - i <= 40 && matches!(b.get(f), Some(b'\\' | b'/')) {
            e = f;
        }
    }
    while e > i && matches!(b[e - 1], b'.' | b' ') {
        e -= 1;
    }
    if e == i || !text.is_char_boundary(e) {
        return None;
    }
    let user = &text[i..e];
    if !user.chars().next().is_some_and(char::is_alphanumeric) || !is_person_name(user) {
        return None;
    }
    Some((i, e))
}

/// `~jsmith/`: a user's home in the shell's notation.
pub(super) fn tilde_user(text: &str, p: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    if p > 0
        && !matches!(
            b[p - 1],
            b' ' | b'\t' | b'\n' | b'"' | b'\'' | b'=' | b'(' | b':'
        )
    {
        return None;
    }
    let us = p + 1;
    if !b
        .get(us)
        .is_some_and(|c| c.is_ascii_lowercase() || *c == b'_')
    {
        return None;
    }
    let mut ue = us;
    while b
        .get(ue)
        .is_some_and(|&c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'))
    {
        ue += 1;
    }
    if b.get(ue) != Some(&b'/') {
        return None;
    }
    let user = &text[us..ue];
    is_person_name(user).then_some((us, ue))
}
