//! Key names: the stems searched for (`ecret`, `token`, `pass`), and which keys name a
//! secret (`db_password`) and which do not (`password_policy`).

use super::bytes::has_sub;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::LazyLock;

/// Key-name stems (case-insensitive) that start a key-value check, each searched by a
/// needle: a part of the stem (at the given offset in it) that is rare in prose (`ecret`,
/// not `sec`: "second"). Needles of 4+ bytes go to one multi-pattern search whose SIMD
/// prefilter keys on their first 4 bytes (one 3-byte needle would cut all fingerprints down
/// to 3 bytes, which match far more often); 3-byte ones go to a second such search, and
/// `pw` to memmem. A needle hit is checked against the whole stem.
pub(super) const KEY_STEMS: &[(&str, &str, usize)] = &[
    ("pass", "pass", 0),
    ("pw", "pw", 0),
    ("psw", "psw", 0),
    ("pssw", "pssw", 0),
    ("pasw", "pasw", 0),
    ("secret", "ecret", 1),
    ("token", "token", 0),
    ("key", "key", 0),
    ("auth", "auth", 0),
    ("cred", "cred", 0),
    ("sess", "sess", 0),
    ("cookie", "cookie", 0),
    ("bearer", "bearer", 0),
    ("basic ", "sic ", 2),
    ("api", "api", 0),
    ("identified by", "ified by", 5),
    ("convertto-securestring", "o-securestring", 8),
    ("mysql", "ysql", 1),
    ("mariadb", "iadb", 3),
    ("curl ", "url ", 1),
];

/// Shortest needle of the multi-pattern search (`KEY_MATCHER`).
const LONG_NEEDLE: usize = 4;

/// Indices in KEY_STEMS of the needles of `KEY_MATCHER`, in its pattern order.
pub(super) static LONG_NEEDLES: LazyLock<Vec<usize>> = LazyLock::new(|| {
    (0..KEY_STEMS.len())
        .filter(|&k| KEY_STEMS.get(k).is_some_and(|s| s.1.len() >= LONG_NEEDLE))
        .collect()
});

/// Indices in KEY_STEMS of the 3-byte needles, in the pattern order of `KEY_MATCHER3`.
pub(super) static NEEDLES3: LazyLock<Vec<usize>> = LazyLock::new(|| {
    (0..KEY_STEMS.len())
        .filter(|&k| KEY_STEMS.get(k).is_some_and(|s| s.1.len() == 3))
        .collect()
});

pub(super) static KEY_MATCHER3: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(
            NEEDLES3
                .iter()
                .filter_map(|&k| KEY_STEMS.get(k).map(|s| s.1)),
        )
        .unwrap_or_else(|_| fallback_matcher())
});

/// The 2-byte needles (`pw`), searched one by one.
pub(super) static SHORT_NEEDLES: LazyLock<Vec<(usize, memchr::memmem::Finder<'static>)>> =
    LazyLock::new(|| {
        KEY_STEMS
            .iter()
            .enumerate()
            .filter(|(_, s)| s.1.len() < 3)
            .map(|(k, s)| (k, memchr::memmem::Finder::new(s.1.as_bytes())))
            .collect()
    });

/// Case-sensitive over lower-cased text: unlike an ASCII-case-insensitive automaton, this
/// keeps the SIMD (Teddy) prefilter of aho-corasick on, which skips text without a needle.
pub(super) static KEY_MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(
            LONG_NEEDLES
                .iter()
                .filter_map(|&k| KEY_STEMS.get(k).map(|s| s.1)),
        )
        .unwrap_or_else(|_| fallback_matcher())
});

/// Strength of a key name: strong keys accept any non-placeholder value, weak keys (`key`,
/// `auth`, `session`) only values that look random.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Strength {
    Strong,
    Weak,
}

#[inline]
pub(super) fn is_key_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-')
}

/// Words that make a key a secret wherever they appear in one of its components.
const LONG_WORDS: &[&str] = &[
    "password",
    "passwd",
    "passwort",
    "passphrase",
    "pasword",
    "paswd",
    "paswrd",
    "passwrd",
    "pssword",
    "psword",
    "pswrd",
    "psswd",
    "pswd",
    "psswrd",
    "paswrd",
    "secret",
    "token",
    "apikey",
    "credential",
    "sessionid",
    "sessid",
    "privatekey",
    "accesskey",
    "accountkey",
    "secretkey",
    "authkey",
    "signingkey",
    "encryptionkey",
];

/// Components that are a secret key name on their own.
const SHORT_STRONG: &[&str] = &["pw", "pwd", "pass", "psw", "pword", "cred", "creds"];
const SHORT_WEAK: &[&str] = &[
    "key",
    "auth",
    "api",
    "session",
    "bearer",
    "sig",
    "signature",
];

/// Last components that say the value is about the secret, not the secret itself.
const NEG_LAST: &[&str] = &[
    "mask",
    "length",
    "len",
    "size",
    "type",
    "policy",
    "field",
    "file",
    "path",
    "dir",
    "label",
    "hint",
    "prompt",
    "reset",
    "rule",
    "rules",
    "regex",
    "pattern",
    "min",
    "max",
    "minlength",
    "maxlength",
    "expiry",
    "expires",
    "expiration",
    "expired",
    "enabled",
    "required",
    "name",
    "url",
    "uri",
    "endpoint",
    "header",
    "param",
    "count",
    "timeout",
    "ttl",
    "format",
    "method",
    "mode",
    "strength",
    "changed",
    "updated",
    "id",
    "ids",
    "link",
    "env",
    "var",
    "prefix",
    "suffix",
    "location",
    "store",
    "manager",
    "provider",
    "helper",
    "source",
    "version",
    "lifetime",
    "validity",
    "check",
    "error",
    "errors",
    "message",
    "msg",
    "placeholder",
    "example",
    "fingerprint",
    "generator",
    "service",
    "client",
    "handler",
    "class",
    "module",
    "request",
    "response",
    "cache",
    "store",
    "storage",
    "input",
    "output",
    "box",
    "dialog",
    "form",
    "button",
    "text",
    "string",
];

/// Last camelCase words that make a key name something else than the secret.
const CAMEL_NEG_LAST: &[&str] = &[
    "id", "ids", "file", "path", "dir", "name", "url", "uri", "type", "length", "count", "field",
    "policy", "label", "hint", "prompt", "expiry", "version",
];

/// Components that are neutral after a secret word (`tp_token_value`).
const NEUTRAL_LAST: &[&str] = &[
    "value", "val", "str", "b64", "base64", "hex", "raw", "plain", "data", "key", "enc",
];

/// Substrings that veto a key component (`author`, `keyboard`, `passenger`).
const VETO: &[&str] = &[
    // Anti-forgery nonces (`csrf-token`, `X-XSRF-TOKEN`) grant nothing without the session.
    "csrf",
    "xsrf",
    "author",
    "keyboard",
    "keypad",
    "keyword",
    "keystore",
    "keychain",
    "passeng",
    "compass",
    "bypass",
    "passive",
    "passthrough",
    "tokeniz",
    "monkey",
    "hockey",
    "turkey",
    "donkey",
    "passage",
    "sessions",
];

pub(super) fn classify_key(key: &[u8]) -> Option<Strength> {
    let flat: Vec<u8> = key.iter().map(|c| c.to_ascii_lowercase()).collect();
    if has_sub(&flat, b"csrf") || has_sub(&flat, b"xsrf") {
        return None;
    }
    if flat.ends_with(b"sessionid") || flat.ends_with(b"sessid") {
        return Some(Strength::Strong);
    }
    // A last camelCase word that names something other than the secret: `credentialsId`
    // (an id), `TokenFile` (a file). Compounds like `apiKey` keep their meaning below.
    let camel_last = key
        .iter()
        .rposition(|&c| c.is_ascii_uppercase())
        .filter(|&i| i > 0 && key[i - 1].is_ascii_lowercase())
        .map(|i| key[i..].to_ascii_lowercase());
    if camel_last
        .as_deref()
        .is_some_and(|w| CAMEL_NEG_LAST.iter().any(|n| n.as_bytes() == w))
    {
        return None;
    }
    let lower = flat;
    let mut comps: Vec<&[u8]> = lower
        .split(|c| !c.is_ascii_alphanumeric())
        .filter(|c| !c.is_empty())
        .collect();
    // A numbered key (`api_token_2`) is named by the words before the number.
    while comps.len() > 1
        && comps
            .last()
            .is_some_and(|c| c.iter().all(u8::is_ascii_digit))
    {
        comps.pop();
    }
    let last = *comps.last()?;
    let trimmed = {
        let mut l = last;
        while l.last().is_some_and(u8::is_ascii_digit) && l.len() > 1 {
            l = &l[..l.len() - 1];
        }
        l
    };
    let veto = |c: &[u8]| VETO.iter().any(|v| has_sub(c, v.as_bytes()));
    let strength_of = |c: &[u8]| -> Option<Strength> {
        if veto(c) {
            return None;
        }
        if LONG_WORDS.iter().any(|w| has_sub(c, w.as_bytes())) {
            return Some(Strength::Strong);
        }
        if SHORT_STRONG.iter().any(|w| w.as_bytes() == c)
            || (c.len() > 4 && (c.ends_with(b"pass") || c.ends_with(b"pwd")))
        {
            return Some(Strength::Strong);
        }
        if SHORT_WEAK.iter().any(|w| w.as_bytes() == c) {
            return Some(Strength::Weak);
        }
        None
    };
    if NEG_LAST.iter().any(|w| w.as_bytes() == trimmed) {
        return None;
    }
    if let Some(s) = strength_of(trimmed) {
        return Some(s);
    }
    let neutral = NEUTRAL_LAST.iter().any(|w| w.as_bytes() == trimmed) || trimmed.ends_with(b"key");
    if neutral && comps.len() > 1 {
        for c in comps[..comps.len() - 1].iter().rev() {
            if let Some(s) = strength_of(c) {
                return Some(s);
            }
        }
    }
    // A secret word earlier in the key (`todo_secret_do_not_commit`): only a value that
    // looks generated counts.
    let earlier = comps[..comps.len() - 1]
        .iter()
        .any(|c| !veto(c) && LONG_WORDS.iter().any(|w| has_sub(c, w.as_bytes())));
    earlier.then_some(Strength::Weak)
}

/// The pattern lists are constants known to build; this keeps `expect` off the hot path.
fn fallback_matcher() -> AhoCorasick {
    AhoCorasick::new(["\u{0}never\u{0}"]).unwrap_or_else(|_| std::process::abort())
}
