//! Speaker labels, ServiceNow journal headers and chat or mail header lines, and the names
//! they teach.

use super::kind::Kind;
use crate::structure::names::{self, Learned, Role};

/// Whether `s` starts with `prefix`, ASCII case-insensitively.
fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// A mail header name (`Message-ID`, `Return-Path`, `X-Mailer`): pasted email headers
/// repeat, but are not speakers.
pub(super) fn is_mail_header_name(label: &str) -> bool {
    let l = label.to_ascii_lowercase();
    l.starts_with("x-")
        || l.starts_with("list-")
        || l.starts_with("content-")
        || l.starts_with("arc-")
        || matches!(
            l.as_str(),
            "message-id"
                | "return-path"
                | "in-reply-to"
                | "references"
                | "received"
                | "mime-version"
                | "delivered-to"
                | "reply-to"
                | "dkim-signature"
                | "authentication-results"
                | "received-spf"
                | "thread-topic"
                | "thread-index"
                | "user-agent"
                | "resent-from"
                | "resent-to"
                | "resent-date"
                | "resent-message-id"
        )
}

/// A label word that is too ordinary to start a speaker line (`Error:`, `Note:`).
pub(super) fn is_common(word: &str) -> bool {
    names::clean(word).is_none() && !names::is_role_word(word)
}

pub(super) fn role_of(word: &str) -> Role {
    let mut buf = [0u8; 24];
    match names::role_key(word, &mut buf).unwrap_or("") {
        "agent" | "agente" | "berater" | "beraterin" | "conseiller" | "conseillere"
        | "medewerker" | "mitarbeiter" | "operatore" | "atendente" | "support" | "rep"
        | "representative" | "operator" | "tech" | "technician" | "engineer" | "admin"
        | "administrator" | "specialist" | "advisor" | "consultant" | "analyst" | "supervisor"
        | "manager" | "staff" | "team" | "moderator" | "bot" | "chatbot" | "assistant" => {
            Role::Agent
        }
        "customer" | "visitor" | "client" | "user" | "caller" | "guest" | "requester"
        | "cliente" | "kunde" | "kundin" | "klant" | "utente" | "usuario" | "utilisateur"
        | "benutzer" => Role::Customer,
        _ => Role::Unknown,
    }
}

/// `Label: body` at the start of `s`: returns the label and the body offset.
pub(super) fn speaker(s: &str) -> Option<(&str, usize)> {
    let head = s.as_bytes().get(..49).unwrap_or(s.as_bytes());
    let colon = memchr::memchr(b':', head)?;
    let label = s.get(..colon)?.trim_end();
    let after = s.as_bytes().get(colon + 1);
    if !(after.is_none() || after.is_some_and(|b| *b == b' ' || *b == b'\t')) {
        return None;
    }
    let words = || label.split(' ').filter(|w| !w.is_empty());
    let n = words().count();
    if n == 0 || n > 5 {
        return None;
    }
    let ok = words().all(|w| {
        let particle = matches!(
            w,
            "de" | "van" | "von" | "da" | "del" | "la" | "le" | "di" | "der"
        );
        particle
            || (w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-')))
    });
    ok.then_some((label, colon + 1))
}

/// `<date> - Name (Work notes)` / `(Additional comments)`.
pub(super) fn journal_header(c: &str, learned: &mut Learned) -> Option<Kind> {
    let c = c.trim_end();
    if !c.ends_with(')') || !c.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let open = c.rfind(" (")?;
    let kind = c.get(open + 2..c.len() - 1)?.to_ascii_lowercase();
    let work_notes = match kind.as_str() {
        "work notes" | "work note" => true,
        "additional comments" | "comments" | "additional comment" => false,
        _ => return None,
    };
    let head = c.get(..open)?;
    let dash = head.rfind(" - ")?;
    let date = head.get(..dash)?;
    if !date.bytes().any(|b| b.is_ascii_digit()) || date.len() > 40 {
        return None;
    }
    let name = head.get(dash + 3..)?;
    learned.add_speaker(
        name,
        if work_notes {
            Role::Agent
        } else {
            Role::Unknown
        },
    );
    Some(Kind::Journal { work_notes })
}

/// Whether the first non-blank line of `s` is a ServiceNow journal header.
pub(crate) fn starts_with_journal_header(s: &str) -> bool {
    s.lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| journal_header(l.trim(), &mut Learned::default()).is_some())
}

/// Header-like lines that end a note block; learns names they carry.
pub(super) fn header(c: &str, learned: &mut Learned) -> bool {
    if !matches!(
        c.as_bytes().first(),
        Some(b'C' | b'c' | b'*' | b'F' | b'T' | b'R' | b'S' | b'D' | b'O')
    ) {
        return false;
    }
    if starts_with_ci(c, "chat started") || starts_with_ci(c, "chat ended") {
        return true;
    }
    if let Some(inner) = c.strip_prefix("*** ") {
        let inner = inner.trim_end().trim_end_matches('*').trim_end();
        for suffix in [
            " joined the chat",
            " left the chat",
            " has joined",
            " has left",
        ] {
            if let Some(name) = inner.strip_suffix(suffix) {
                learned.add_speaker(
                    name,
                    if suffix.contains("join") {
                        Role::Agent
                    } else {
                        Role::Unknown
                    },
                );
            }
        }
        return true;
    }
    for h in ["From:", "To:", "Cc:", "CC:", "Reply-To:", "Sender:"] {
        if let Some(v) = c.strip_prefix(h) {
            let found = crate::structure::addresses::display_names(v);
            if found.is_empty() && !v.contains('@') {
                learned.add(v, Role::Unknown);
            }
            for n in found {
                learned.add(n, Role::Unknown);
            }
            return true;
        }
    }
    for h in ["Subject:", "Date:", "Sent:"] {
        if c.starts_with(h) {
            return true;
        }
    }
    // `On Mon, 1 Jan 2024, Jane Doe <jane@x.com> wrote:`
    if c.starts_with("On ") && c.trim_end().ends_with("wrote:") {
        for n in crate::structure::addresses::display_names(c.get(3..).unwrap_or("")) {
            let n = n.rsplit(',').next().unwrap_or(n);
            learned.add(n, Role::Unknown);
        }
        return true;
    }
    false
}

/// A bare label that can be a person: every word capitalised, not an all-caps acronym
/// (`FYI`, `NVRM`) and not lower-case (`anyone`, `bug`).
pub(super) fn looks_like_a_name(label: &str) -> bool {
    label.split(' ').filter(|w| !w.is_empty()).all(|w| {
        let mut chars = w.chars();
        let first_upper = chars.next().is_some_and(char::is_uppercase);
        let all_upper = w
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        first_upper && !(all_upper && w.chars().count() <= 5)
    })
}
