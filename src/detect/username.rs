//! User names where the text's own structure says they are one: home directories
//! (`C:\Users\X\`, `C:\Documents and Settings\X\`, `/home/X/`, `/Users/X/`, `/var/mail/X`,
//! `~X/`), Windows accounts (`CORP\jsmith`), shell prompts (`jsmith@web01:~$`,
//! `[jsmith@web01 logs]#`), `ssh jsmith@host`, and labelled values (`Username: jsmith`,
//! `USER=jsmith`, `Benutzername: jsmith`).
//!
//! Only the user part is reported: the rest of the path stays, so `C:\Users\[USER-1]\AppData`
//! still tells an engineer where the file was. System and shared accounts (`root`,
//! `Administrator`, `Public`, `Default`, `All Users`, service accounts) and placeholders
//! (`%USERNAME%`, `$USER`, `<user>`, `{user}`) name nobody and stay.

use super::scan::char_before;
use super::{Category, Detector, Finding};
use crate::vocab::placeholder::placeholder_len;
use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

/// The detector of this module (see the module documentation).
pub struct UsernameDetector;

/// Accounts that are not a person: built-in, shared, service and template accounts, and the
/// words people write in place of their user name.
const NOT_PEOPLE: &[&str] = &[
    "public",
    "default",
    "default user",
    "defaultuser0",
    "defaultapppool",
    "all users",
    "shared",
    "guest",
    "administrator",
    "administrators",
    "admin",
    "root",
    "system",
    "localsystem",
    "local service",
    "localservice",
    "network service",
    "networkservice",
    "wdagutilityaccount",
    "nobody",
    "daemon",
    "www-data",
    "www",
    "postgres",
    "mysql",
    "ubuntu",
    "ec2-user",
    "centos",
    "debian",
    "fedora",
    "opc",
    "azureuser",
    "vagrant",
    "docker",
    "jenkins",
    "git",
    "runner",
    "node",
    "app",
    "user",
    "username",
    "user name",
    "users",
    "your_user",
    "yourname",
    "your name",
    "yourusername",
    "your_username",
    "you",
    "me",
    "someone",
    "somebody",
    "name",
    "xxx",
    "xxxx",
    "test",
    "testuser",
    "demo",
    "example",
    "sample",
    "anonymous",
    "current",
    "currentuser",
    "current user",
    "appdata",
    "desktop",
    "documents",
    "downloads",
    "temp",
    "tmp",
    "local",
    "roaming",
    "programdata",
    "program files",
    "windows",
    "system32",
    "bin",
    "lib",
    "etc",
    "var",
    "home",
    "mail",
    "spool",
    "linuxbrew",
    "lost+found",
    "sshd",
    "trustedinstaller",
    "builtin",
    "nt authority",
    "authority",
    "service",
    "workgroup",
    "domain",
];

fn is_person_name(user: &str) -> bool {
    let lower = user.to_lowercase();
    let generic = NOT_PEOPLE.contains(&lower.as_str())
        || lower.starts_with("defaultuser")
        || lower.starts_with("svc")
        || lower.starts_with("iusr")
        || lower.starts_with("mssql")
        || lower.starts_with("nt service");
    let placeholder = user.starts_with(['%', '$', '<', '{', '[', '*', '.', '~', '…', '('])
        || user.ends_with(['%', '>', '}', ']'])
        || user
            .chars()
            .all(|c| c == 'x' || c == 'X' || c == '*' || c == '.');
    let number = user.chars().all(|c| c.is_ascii_digit());
    !(generic || placeholder || number || user.is_empty() || user.len() > 64)
}

/// Where a user name follows: home-directory roots and labels.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Anchor {
    /// `\Users\`, `\Documents and Settings\`: a Windows profile directory.
    WindowsProfile,
    /// `/Users/`: a macOS home (capital `U` only: `/api/users/42` is a URL).
    MacHome,
    /// `/home/`, `/var/mail/`, `/var/spool/mail/`, `/export/home/`.
    UnixHome,
    /// `Username:`, `USER=`, `Benutzername:`: a label whose value is the user name.
    Label,
}

const ANCHORS: &[(&str, Anchor)] = &[
    ("\\users\\", Anchor::WindowsProfile),
    ("\\\\users\\\\", Anchor::WindowsProfile),
    ("/users/", Anchor::MacHome),
    ("\\documents and settings\\", Anchor::WindowsProfile),
    ("\\\\documents and settings\\\\", Anchor::WindowsProfile),
    ("/home/", Anchor::UnixHome),
    ("/var/mail/", Anchor::UnixHome),
    ("/var/spool/mail/", Anchor::UnixHome),
    ("/export/home/", Anchor::UnixHome),
    ("username", Anchor::Label),
    ("user name", Anchor::Label),
    ("user_name", Anchor::Label),
    ("login name", Anchor::Label),
    ("logon name", Anchor::Label),
    ("account name", Anchor::Label),
    ("samaccountname", Anchor::Label),
    ("logname", Anchor::Label),
    ("benutzername", Anchor::Label),
    ("anmeldename", Anchor::Label),
    ("nom d'utilisateur", Anchor::Label),
    ("nom d’utilisateur", Anchor::Label),
    ("identifiant", Anchor::Label),
    ("nombre de usuario", Anchor::Label),
    ("nome utente", Anchor::Label),
    ("gebruikersnaam", Anchor::Label),
    ("nome de usuário", Anchor::Label),
    ("nome de utilizador", Anchor::Label),
    ("USER=", Anchor::Label),
];

// Anchors start with a separator or are spelled in any case (`\USERS\`, `UserName`): ASCII
// case folding here; the anchors are rare enough in text for its slower prefilter.
static MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(ANCHORS.iter().map(|(w, _)| *w))
        // A constant list that always builds.
        .unwrap_or_else(|_| std::process::abort())
});

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

impl Detector for UsernameDetector {
    fn categories(&self) -> &[Category] {
        &[Category::Username]
    }

    fn detect(&self, text: &str, out: &mut Vec<Finding>) {
        let bytes = text.as_bytes();
        for m in MATCHER.find_iter(text) {
            let Some(&(word, anchor)) = ANCHORS.get(m.pattern().as_usize()) else {
                continue;
            };
            let (s, e) = (m.start(), m.end());
            let span = match anchor {
                Anchor::MacHome => {
                    if &text[s + 1..s + 2] != "U" {
                        continue;
                    }
                    path_user(text, e, false)
                }
                Anchor::UnixHome => {
                    if !text[s..e].bytes().all(|c| !c.is_ascii_uppercase()) {
                        continue;
                    }
                    path_user(text, e, false)
                }
                Anchor::WindowsProfile => path_user(text, e, true),
                Anchor::Label => labelled(text, s, e, word == "USER="),
            };
            if let Some((a, b)) = span {
                let (rule, reason) = match anchor {
                    Anchor::Label => ("username.label", "value of a user-name label"),
                    _ => ("username.home", "user directory in a path"),
                };
                out.push(Finding::new(Category::Username, rule, a, b, reason));
            }
        }
        for p in memchr::memchr_iter(b'\\', bytes) {
            if let Some((a, b)) = domain_account(text, p) {
                out.push(Finding::new(
                    Category::Username,
                    "username.domain",
                    a,
                    b,
                    "account after a Windows domain (DOMAIN\\user)",
                ));
            }
        }
        for p in memchr::memchr_iter(b'@', bytes) {
            if let Some((a, b)) = prompt_user(text, p) {
                out.push(Finding::new(
                    Category::Username,
                    "username.prompt",
                    a,
                    b,
                    "user of a shell prompt or ssh destination",
                ));
            }
        }
        for p in memchr::memchr_iter(b'~', bytes) {
            if let Some((a, b)) = tilde_user(text, p) {
                out.push(Finding::new(
                    Category::Username,
                    "username.home",
                    a,
                    b,
                    "user directory in a path (~user/)",
                ));
            }
        }
    }
}

fn is_user_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-' | b'$')
}

/// The user directory that starts at `i`, after a home root: up to the next separator.
/// Windows profile names may hold spaces (`C:\Users\Jane Doe\`); they are taken only when a
/// separator closes them.
fn path_user(text: &str, i: usize, windows: bool) -> Option<(usize, usize)> {
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

/// `Username: jsmith`, `user name is jsmith`, `USER=jsmith`.
fn labelled(text: &str, s: usize, e: usize, env: bool) -> Option<(usize, usize)> {
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

/// `CORP\jsmith` (one or two backslashes): a NetBIOS-style domain at the start of a word,
/// an account name, and no further path. Escapes (`line\nnext`) are not accounts: a
/// lower-case domain must not be followed by an escape letter, an upper-case one not by an
/// escape letter and a capital (`FAILED\nDetails`).
fn domain_account(text: &str, p: usize) -> Option<(usize, usize)> {
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
fn prompt_user(text: &str, at: usize) -> Option<(usize, usize)> {
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

/// `~jsmith/`: a user's home in the shell's notation.
fn tilde_user(text: &str, p: usize) -> Option<(usize, usize)> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        UsernameDetector.detect(text, &mut out);
        out.sort_by_key(|f| f.start);
        out.iter().map(|f| &text[f.start..f.end]).collect()
    }

    #[test]
    fn paths_accounts_and_prompts() {
        assert_eq!(
            found(r"Crash dump at C:\Users\mkowalczyk\AppData\Local\CrashDumps\x.dmp"),
            ["mkowalczyk"]
        );
        assert_eq!(found(r#"{"path": "C:\\Users\\jdoe\\Desktop"}"#), ["jdoe"]);
        assert_eq!(found(r"C:\Users\Jane Doe\Documents\a.txt"), ["Jane Doe"]);
        assert_eq!(
            found(r"C:\Documents and Settings\pmartin\Desktop"),
            ["pmartin"]
        );
        assert_eq!(
            found("/home/asato/.config and /Users/lgarcia/Library"),
            ["asato", "lgarcia"]
        );
        assert_eq!(found("mail in /var/mail/hkruger"), ["hkruger"]);
        assert_eq!(found(r"logged on as CORP\jsmith today"), ["jsmith"]);
        assert_eq!(found("jsmith@web01:~$ ls"), ["jsmith"]);
        assert_eq!(found("[mrossi@db02 log]# tail"), ["mrossi"]);
        assert_eq!(found("run ssh akumar@bastion"), ["akumar"]);
        assert_eq!(found("cp ~tnguyen/notes.txt ."), ["tnguyen"]);
        assert_eq!(found("Username: dmueller"), ["dmueller"]);
        assert_eq!(found("USER=sbakker"), ["sbakker"]);
    }

    #[test]
    fn not_user_names() {
        for t in [
            r"C:\Users\Public\Desktop",
            r"C:\Users\Default\NTUSER.DAT",
            r"C:\Users\%USERNAME%\AppData",
            r"C:\Users\<user>\AppData",
            r"C:\Users\{user}\AppData",
            r"C:\Users\[USER-1]\AppData",
            "/home/$USER/.bashrc and /home/ubuntu/app",
            "GET /api/v1/users/4821/orders",
            r"C:\Windows\System32\drivers",
            r"in Windows\System32",
            r#"printf("done\nnext")"#,
            r"FAILED\nDetails follow",
            r"HKLM\SOFTWARE\Microsoft and HKLM\Software",
            r"NT AUTHORITY\SYSTEM",
            r"BUILTIN\Administrators",
            r"see logs\app.log",
            "root@web01:~# reboot",
            "mail me at jane@example.com:",
            "PROGRA~1/x and ~/notes",
            "Username: [USER-1]",
            "user@example.com",
        ] {
            assert!(found(t).is_empty(), "{t}: {:?}", found(t));
        }
    }
}
