//! Accounts beside a domain or a host: `CORP\jsmith`, shell prompts and `ssh jsmith@host`;
//! path roots that are not domains (data).

use super::accounts::{is_person_name, is_user_byte};

/// Path roots and registry hives that come before a backslash and are not domains.
const NOT_DOMAINS: &[&str] = &[
    "windows",
    "system32",
    "syswow64",
    "program files",
    "programdata",
    "users",
    "appdata",
    "local",
    "roaming",
    "temp",
    "tmp",
    "hklm",
    "hkcu",
    "hkcr",
    "hku",
    "hkcc",
    "software",
    "system",
    "microsoft",
    "documents",
    "desktop",
    "downloads",
    "drivers",
    "etc",
    "logs",
    "log",
    "bin",
    "lib",
    "src",
    "build",
    "debug",
    "release",
    "config",
    "data",
    "cache",
    "builtin",
    "authority",
    "service",
    "services",
    "device",
    "harddiskvolume1",
    "global",
    "sessions",
    "basenamedobjects",
    "root",
    "cimv2",
    "machine",
    "user",
];

/// `CORP\jsmith` (one or two backslashes): a NetBIOS-style domain at the start of a word,
/// an account name, and no further path. Escapes (`line\nnext`) are not accounts: a
/// lower-case domain must not be followed by an escape letter, an upper-case one not by an
/// escape letter and a capital (`FAILED\nDetails`).
pub(super) fn domain_account(text: &str, p: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    // The second backslash of `\\` is handled from the first.
    if p > 0 && b[p - 1] == b'\\' {
        return None;
    }
    let mut ds = p;
    while ds > 0 && (b[ds - 1].is_ascii_alphanumeric() || b[ds - 1] == b'-') && p - ds <= 15 {
        ds -= 1;
    }
    let domain = &text[ds..p];
    if domain.len() < 2 || domain.len() > 15 || !b[ds].is_ascii_alphabetic() {
        return None;
    }
    if ds > 0
        && !matches!(
            b[ds - 1],
            b' ' | b'\t'
                | b'\n'
                | b'\r'
                | b'"'
                | b'\''
                | b'('
                | b'='
                | b','
                | b';'
                | b'['
                | b'<'
                | b'>'
                | b'`'
        )
    {
        return None;
    }
    let lower_domain = domain.to_ascii_lowercase();
    if NOT_DOMAINS.contains(&lower_domain.as_str()) || lower_domain.starts_with("hkey") {
        return None;
    }
    let mut us = p + 1;
    if b.get(us) == Some(&b'\\') {
        us += 1;
    }
    let mut ue = us;
    while b.get(ue).is_some_and(|&c| is_user_byte(c)) && ue - us <= 64 {
        ue += 1;
    }
    while ue > us && matches!(b[ue - 1], b'.' | b'-') {
        ue -= 1;
    }
    if ue - us < 2 || !b[us].is_ascii_alphabetic() {
        return None;
    }
    // More path (`Windows\System32\drivers`), a drive-relative path, a file name.
    if matches!(b.get(ue), Some(b'\\' | b'/' | b'[')) {
        return None;
    }
    if matches!(b.get(ue), Some(b':')) && b.get(ue + 1).is_some_and(|c| !c.is_ascii_whitespace()) {
        return None;
    }
    let user = &text[us..ue];
    if let Some((_, ext)) = user.rsplit_once('.') {
        if ext.len() <= 4 && ext.bytes().all(|c| c.is_ascii_alphabetic()) {
            return None; // `logs\app.log`
        }
    }
    let escape = matches!(
        b[us],
        b'n' | b't' | b'r' | b'b' | b'f' | b'v' | b'u' | b'x' | b'0' | b'a' | b'e'
    );
    if us == p + 1 && escape {
        let upper_domain = domain.bytes().all(|c| !c.is_ascii_lowercase());
        let capital_next = b.get(us + 1).is_some_and(u8::is_ascii_uppercase);
        if !upper_domain || capital_next {
            return None;
        }
    }
    if !is_person_name(user) || NOT_DOMAINS.contains(&user.to_ascii_lowercase().as_str()) {
        return None;
    }
    Some((us, ue))
}

/// `jsmith@web01:~$`, `jsmith@web01:/var/log#`, `[jsmith@web01 logs]$`, `ssh jsmith@host`.
pub(super) fn prompt_user(text: &str, at: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let mut us = at;
    while us > 0 && (b[us - 1].is_ascii_alphanumeric() || matches!(b[us - 1], b'_' | b'.' | b'-')) {
        us -= 1;
    }
    if us == at || !(b[us].is_ascii_alphabetic() || b[us] == b'_') {
        return None;
    }
    let bracketed = us > 0 && b[us - 1] == b'[';
    if us > 0
        && !bracketed
        && !matches!(
            b[us - 1],
            b' ' | b'\t' | b'\n' | b'\r' | b'(' | b'"' | b'\''
        )
    {
        return None;
    }
    let mut he = at + 1;
    while b
        .get(he)
        .is_some_and(|&c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'_'))
    {
        he += 1;
    }
    if he == at + 1 {
        return None;
    }
    let prompt = if bracketed {
        // `[user@host dir]$`
        b.get(he) == Some(&b' ') && {
            let close = b[he..]
                .iter()
                .take(256)
                .position(|&c| c == b']' || c == b'\n');
            close.is_some_and(|k| {
                b[he + k] == b']' && matches!(b.get(he + k + 1), Some(b'$' | b'#' | b'%'))
            })
        }
    } else if b.get(he) == Some(&b':') {
        // `user@host:~$ `, `user@host:/var/log# `
        let rest = &b[he + 1..];
        let k = rest
            .iter()
            .take(256)
            .position(|&c| matches!(c, b'$' | b'#' | b' ' | b'\n'));
        k.is_some_and(|k| {
            matches!(rest[k], b'$' | b'#')
                && rest
                    .first()
                    .is_some_and(|&c| c == b'~' || c == b'/' || c == b'$' || c == b'#')
                && rest
                    .get(k + 1)
                    .map_or(true, |&c| c == b' ' || c == b'\n' || c == b'\r')
        })
    } else {
        false
    };
    let ssh = !prompt && {
        let head = text[..us].trim_end_matches([' ', '\t']);
        us > head.len()
            && ["ssh", "scp", "sftp", "mosh", "rsync", "ssh-copy-id"]
                .iter()
                .any(|w| {
                    head.ends_with(w)
                        && head[..head.len() - w.len()]
                            .chars()
                            .next_back()
                            .map_or(true, |c| c.is_whitespace() || c == '$' || c == '`')
                })
    };
    if !(prompt || ssh) {
        return None;
    }
    let user = &text[us..at];
    is_person_name(user).then_some((us, at))
}
