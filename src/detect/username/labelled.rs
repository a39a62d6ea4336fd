//! The value of a user-name label (`Username: jsmith`, `USER=jsmith`, `Benutzername: jsmith`).

use super::accounts::{is_person_name, is_user_byte};
use crate::detect::scan::char_before;

/// `Username: jsmith`, `user name is jsmith`, `USER=jsmith`.
pub(super) fn labelled(text: &str, s: usize, e: usize, env: bool) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let before = char_before(text, s);
    if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || (env && c == '$')) {
        return None;
    }
    let mut i = e;
    if !env {
        if b.get(i)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
        {
            return None; // `usernames`, `username_hint`
        }
        // `"username": "x"`, `username = x`, `username: x`, `username is x`.
        let mut seen_sign = false;
        for _ in 0..4 {
            while b.get(i).is_some_and(|&c| c == b' ' || c == b'\t') {
                i += 1;
            }
            match b.get(i) {
                Some(b'"' | b'\'') if !seen_sign => i += 1,
                Some(b':' | b'=') if !seen_sign => {
                    seen_sign = true;
                    i += 1;
                }
                Some(b'i') if !seen_sign && text[i..].starts_with("is ") => {
                    seen_sign = true;
                    i += 2;
                }
                Some(b'"' | b'\'') => i += 1,
                _ => break,
            }
        }
        if !seen_sign {
            return None;
        }
    }
    let start = i;
    while b.get(i).is_some_and(|&c| is_user_byte(c)) {
        i += 1;
    }
    let mut end = i;
    while end > start && matches!(b[end - 1], b'.' | b'-') {
        end -= 1;
    }
    // An email address (the email detector's), a domain account (`CORP\jsmith`, found by
    // its own rule), a path, or the next key of an empty value (`logname= uid=0`).
    if matches!(b.get(i), Some(b'@' | b'\\' | b'/' | b'=')) || end - start < 2 {
        return None;
    }
    let user = &text[start..end];
    if !b[start].is_ascii_alphabetic() || !is_person_name(user) || user.starts_with('$') {
        return None;
    }
    Some((start, end))
}
