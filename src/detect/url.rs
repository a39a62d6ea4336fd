//! URLs that carry credentials: the userinfo of `scheme://user:pass@host` (plain or
//! percent-encoded, `https://13957525385%40163.com@host/`) and the values of token-like query
//! parameters (`?access_token=...`, `X-Amz-Signature=...`, `sig=...`).
//!
//! The userinfo finding covers `user:pass` only, so the host stays readable
//! (`postgres://[URL_CREDENTIALS-1]@db.internal`); the email detector skips URL logins, so
//! `pass@host` is not taken for an address, and a login that is itself an email address
//! (`1395%40163.com@host`) is left to the email detector.

use super::{Category, Detector, Finding};

/// The detector of this module (see the module documentation).
pub struct UrlDetector;

/// Query parameter names whose values are credentials (compared case-insensitively).
const TOKEN_PARAMS: &[&str] = &[
    "token",
    "access_token",
    "refresh_token",
    "id_token",
    "auth_token",
    "authtoken",
    "auth",
    "apikey",
    "api_key",
    "api-key",
    "key",
    "sig",
    "signature",
    "code",
    "session",
    "sessionid",
    "session_id",
    "sid",
    "jsessionid",
    "phpsessid",
    "password",
    "passwd",
    "pwd",
    "pass",
    "secret",
    "client_secret",
    "jwt",
    "otp",
    "x-amz-signature",
    "x-amz-credential",
    "x-amz-security-token",
    "x-goog-signature",
    "x-goog-credential",
    "sas",
    "private_token",
    "ticket",
];

/// Names that need a random-looking value (they are also used for non-secrets).
const WEAK_PARAMS: &[&str] = &["key", "code", "sid", "auth", "session", "ticket", "sig"];

impl Detector for UrlDetector {
    fn categories(&self) -> &[Category] {
        &[Category::UrlCredentials, Category::UrlToken]
    }

    fn detect(&self, text: &str, out: &mut Vec<Finding>) {
        let b = text.as_bytes();
        let start = out.len();
        for p in memchr::memmem::find_iter(b, b"://") {
            url_at(b, p, out);
        }
        let mut i = start;
        while i < out.len() {
            let f = &out[i];
            if text.is_char_boundary(f.start) && text.is_char_boundary(f.end) && f.start < f.end {
                i += 1;
            } else {
                out.swap_remove(i);
            }
        }
    }
}

fn ends_url(c: u8) -> bool {
    c.is_ascii_whitespace() || matches!(c, b'"' | b'\'' | b'<' | b'>' | b'`' | b'\\' | 0)
}

fn url_at(b: &[u8], colon: usize, out: &mut Vec<Finding>) {
    // Scheme: letters, digits, `+.-`, starting with a letter.
    let mut s = colon;
    while s > 0 && (b[s - 1].is_ascii_alphanumeric() || matches!(b[s - 1], b'+' | b'.' | b'-')) {
        s -= 1;
    }
    while s < colon && !b[s].is_ascii_alphabetic() {
        s += 1;
    }
    if s == colon {
        return;
    }
    let auth_start = colon + 3;
    let mut e = auth_start;
    while e < b.len() && !ends_url(b[e]) {
        e += 1;
    }
    // Trailing punctuation is usually prose, not URL.
    while e > auth_start && matches!(b[e - 1], b'.' | b',' | b')' | b']' | b';' | b':' | b'!') {
        e -= 1;
    }
    let auth_end = b[auth_start..e]
        .iter()
        .position(|&c| matches!(c, b'/' | b'?' | b'#'))
        .map_or(e, |p| auth_start + p);
    userinfo(b, &b[s..colon], auth_start, auth_end, out);
    if let Some(q) = b[auth_end..e].iter().position(|&c| c == b'?' || c == b'#') {
        query(b, auth_end + q + 1, e, out);
    }
}

fn is_placeholder(v: &[u8]) -> bool {
    matches!(v.first(), Some(b'$' | b'<' | b'{' | b'[' | b'%' | b'*'))
        && !(v.first() == Some(&b'%') && v.len() > 3 && v[1].is_ascii_hexdigit())
        || v.iter().all(|&c| c == b'*' || c == b'x' || c == b'X')
}

/// Schemes whose userinfo names a person or account (`akka.tcp://System@host` does not).
const USER_SCHEMES: &[&str] = &[
    "http",
    "https",
    "ftp",
    "ftps",
    "sftp",
    "ssh",
    "git",
    "svn",
    "smb",
    "ldap",
    "ldaps",
    "imap",
    "imaps",
    "pop3",
    "smtp",
    "smtps",
    "rtsp",
    "telnet",
    "webdav",
    "caldav",
    "carddav",
    "mongodb",
    "mongodb+srv",
    "postgres",
    "postgresql",
    "mysql",
    "redis",
    "rediss",
    "amqp",
    "amqps",
    "mqtt",
    "jdbc",
    "sqlserver",
    "oracle",
    "nntp",
    "xmpp",
    "sip",
    "vnc",
    "rdp",
];

fn userinfo(b: &[u8], scheme: &[u8], s: usize, e: usize, out: &mut Vec<Finding>) {
    let auth = &b[s..e];
    let Some(at) = memchr::memrchr(b'@', auth) else {
        return;
    };
    let info = &auth[..at];
    if info.is_empty() {
        return;
    }
    let (user, pass) = match memchr::memchr(b':', info) {
        Some(c) => (&info[..c], Some(&info[c + 1..])),
        None => (info, None),
    };
    if is_placeholder(user) && pass.map_or(true, is_placeholder) {
        return;
    }
    // Host: up to a port.
    let host = &auth[at + 1..];
    let host_len = if host.first() == Some(&b'[') {
        host.iter()
            .position(|&c| c == b']')
            .map_or(host.len(), |p| p + 1)
    } else {
        host.iter().position(|&c| c == b':').unwrap_or(host.len())
    };
    if host_len == 0 {
        return;
    }
    let rule = match pass {
        Some(p) if !p.is_empty() => "url.credentials",
        _ => {
            let known = USER_SCHEMES
                .iter()
                .any(|k| k.as_bytes().eq_ignore_ascii_case(scheme));
            if !known {
                return;
            }
            // A login that is an email address (`1395%40163.com@host`) is left to the email
            // detector: `[EMAIL-1]@host` keeps the host, which helps whoever reads the log.
            if memchr::memmem::find(user, b"%40").is_some() || user.contains(&b'@') {
                return;
            }
            "url.userinfo"
        }
    };
    out.push(Finding::new(
        Category::UrlCredentials,
        rule,
        s,
        s + at,
        "userinfo in URL authority",
    ));
}

fn query(b: &[u8], s: usize, e: usize, out: &mut Vec<Finding>) {
    let mut i = s;
    while i < e {
        let mut seg_end = i;
        while seg_end < e && b[seg_end] != b'&' && b[seg_end] != b'#' {
            seg_end += 1;
        }
        let seg = &b[i..seg_end];
        if let Some(eq) = memchr::memchr(b'=', seg) {
            let name = &seg[..eq];
            let name = name.strip_prefix(b"amp;").unwrap_or(name);
            let vs = i + eq + 1;
            let value = &b[vs..seg_end];
            if let Some(weak) = token_param(name) {
                let ok =
                    value.len() >= 4 && !is_placeholder(value) && (!weak || looks_random(value));
                if ok {
                    out.push(Finding::new(
                        Category::UrlToken,
                        "url.token_param",
                        vs,
                        seg_end,
                        "credential-like query parameter",
                    ));
                }
            }
        }
        i = seg_end + 1;
    }
}

/// `Some(weak)` if `name` is a token parameter.
fn token_param(name: &[u8]) -> Option<bool> {
    let lower: Vec<u8> = name.iter().map(|c| c.to_ascii_lowercase()).collect();
    if TOKEN_PARAMS
        .iter()
        .any(|p| p.as_bytes() == lower.as_slice())
    {
        return Some(WEAK_PARAMS.iter().any(|p| p.as_bytes() == lower.as_slice()));
    }
    let strong_suffix = [
        &b"token"[..],
        b"secret",
        b"password",
        b"signature",
        b"apikey",
    ];
    strong_suffix
        .iter()
        .any(|s| lower.ends_with(s))
        .then_some(false)
}

fn looks_random(v: &[u8]) -> bool {
    let digits = v.iter().filter(|c| c.is_ascii_digit()).count();
    let alpha = v.iter().filter(|c| c.is_ascii_alphabetic()).count();
    v.len() >= 8 && digits > 0 && alpha > 0 || v.len() >= 20
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(Category, &str)> {
        let mut out = Vec::new();
        UrlDetector.detect(text, &mut out);
        out.sort_by_key(|f| f.start);
        out.iter()
            .map(|f| (f.category, &text[f.start..f.end]))
            .collect()
    }

    #[test]
    fn userinfo_forms() {
        assert_eq!(
            found("see https://bob:s3cret@example.com/x"),
            [(Category::UrlCredentials, "bob:s3cret")]
        );
        assert!(
            found("https://13957525385%40163.com@p28-contacts.icloud.com/123/principal/")
                .is_empty()
        );
        assert_eq!(
            found("https://jdoe@p28-contacts.icloud.com/123/principal/"),
            [(Category::UrlCredentials, "jdoe")]
        );
        assert_eq!(
            found("ftp://u:p@10.0.0.1:21/file"),
            [(Category::UrlCredentials, "u:p")]
        );
        assert!(found("https://example.com/a@b").is_empty());
        assert!(found("https://${USER}:${PASS}@host/").is_empty());
    }

    #[test]
    fn token_params() {
        assert_eq!(
            found("https://h/cb?code=4/0AX4XfWh7Abc&state=xyz"),
            [(Category::UrlToken, "4/0AX4XfWh7Abc")]
        );
        assert_eq!(
            found("https://b.s3.amazonaws.com/k?X-Amz-Credential=AKIAX%2F2023&X-Amz-Signature=9f8e7d6c5b4a"),
            [
                (Category::UrlToken, "AKIAX%2F2023"),
                (Category::UrlToken, "9f8e7d6c5b4a")
            ]
        );
        assert!(found("https://h/search?q=hello&page=2&key=en").is_empty());
        assert!(found("https://h/?token=").is_empty());
        assert!(found("https://h/?token=[URL_TOKEN-1]").is_empty());
    }

    #[test]
    fn beats_the_email_inside() {
        use crate::engine::Engine;
        use crate::policy::Policy;
        let engine = Engine::new(Policy::default()).unwrap();
        let text = "https://john:pw123@mail.example.com/inbox";
        let (findings, _) = engine.detect(text);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].category, Category::UrlCredentials);
        let text = "https://13957525385%40163.com@p28-contacts.icloud.com/x";
        let (findings, _) = engine.detect(text);
        assert_eq!(findings.len(), 1);
        assert_eq!(
            &text[findings[0].start..findings[0].end],
            "13957525385%40163.com"
        );
        assert_eq!(findings[0].category, Category::Email);
    }
}
