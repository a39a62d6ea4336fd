//! One address around one at-sign: plain, encoded or spelled out, with spaces around the
//! at-sign, with an obfuscated dot; message identifiers refused.

use super::at::AtForm;
use super::domain::{domain_end, is_domain_char};
use super::local::local_start;
use super::words::{DOT_WORDS, ID_HEADERS, PROSE_WORDS, WORD_FORM_TLDS};
use crate::vocab::{Category, Finding};

/// Whether the line holding `i` is a message-identifier header (`Message-ID: <x@host>`).
fn in_id_header(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    // A header name within 1 KiB before the address; further back it is not this header.
    let line_start = crate::detect::scan::line_start_near(bytes, i, 1024);
    let line = &bytes[line_start..i];
    let line = match line.iter().position(|b| !b.is_ascii_whitespace()) {
        Some(p) => &line[p..],
        None => return false,
    };
    ID_HEADERS
        .iter()
        .any(|h| line.len() >= h.len() && line[..h.len()].eq_ignore_ascii_case(h.as_bytes()))
}

pub(super) fn match_at(
    text: &str,
    at_start: usize,
    at_end: usize,
    form: AtForm,
    floor: usize,
) -> Option<Finding> {
    let start = local_start(text, at_start, form, floor)?;
    if form == AtForm::Plain && in_id_header(text, start) {
        return None;
    }
    let end = domain_end(text, at_end, form)?;
    // `user@192.0.2.7` is a login on a host; `ClassName@0.0.0.0` is a Java object or actor
    // name printed with its bind address, and is left to the IP detector.
    if text[at_end..end]
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.')
        && text[start..at_start]
            .bytes()
            .any(|b| b.is_ascii_uppercase())
    {
        return None;
    }
    if form == AtForm::Word {
        // `name at domain dot com` needs the dot to be obfuscated too, or it is prose
        // ("look at example.com") unless the at itself was bracketed.
        let at_tok = &text[at_start..at_end];
        let bracketed = at_tok.trim().starts_with(['[', '(', '{', '<']);
        let domain = &text[at_end..end];
        let word_dot = DOT_WORDS
            .iter()
            .any(|w| domain.to_ascii_lowercase().contains(w.trim()) && w.trim().len() > 1);
        if !bracketed && !word_dot {
            return None;
        }
        // A word-form local part must not be a common word ("meet at home dot com").
        let local = &text[start..at_start];
        if local.len() < 2 {
            return None;
        }
    }
    let (rule, reason) = match form {
        AtForm::Plain => ("email.plain", "local part and domain validated"),
        AtForm::Encoded => ("email.encoded", "encoded at-sign, domain validated"),
        AtForm::Word => (
            "email.obfuscated",
            "spelled-out at/dot, known top-level domain",
        ),
    };
    // Include a leading `mailto:` is unnecessary: the scheme is not personal data.
    Some(Finding::new(Category::Email, rule, start, end, reason))
}

/// `name @ domain.com`, `name@ domain.com`, `name @domain.com`, `name@ domain .com`.
pub(super) fn match_spaced(text: &str, at: usize) -> Option<Finding> {
    let bytes = text.as_bytes();
    let mut left = at;
    let mut spaces_left = 0;
    while left > 0 && bytes[left - 1] == b' ' && spaces_left < 2 {
        left -= 1;
        spaces_left += 1;
    }
    let mut right = at + 1;
    let mut spaces_right = 0;
    while right < bytes.len() && bytes[right] == b' ' && spaces_right < 2 {
        right += 1;
        spaces_right += 1;
    }
    if spaces_left == 0 && spaces_right == 0 {
        // `name@ domain .com`: spaces only around a dot.
        return match_spaced_dot(text, at);
    }
    let start = local_start(text, left, AtForm::Plain, 0)?;
    // Prose mentions a domain with an at-sign (`he got an @kde.org address`): a common
    // word is not a local part when a space separates it from the at-sign.
    let local = &text[start..left];
    if PROSE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(local)) {
        return None;
    }
    // Handle `domain .com` too.
    let end = domain_end(text, right, AtForm::Plain).or_else(|| spaced_dot_domain(text, right))?;
    // A spaced at must be followed by a real-looking domain with a common TLD, to keep
    // Twitter-style handles in prose ("ping @john.smith") and `x @ y.z` maths out.
    let domain = &text[right..end];
    let tld = domain.rsplit('.').next().unwrap_or("").trim();
    if !WORD_FORM_TLDS.iter().any(|t| t.eq_ignore_ascii_case(tld)) {
        return None;
    }
    Some(Finding::new(
        Category::Email,
        "email.spaced",
        start,
        end,
        "at-sign with spaces, known top-level domain",
    ))
}

fn match_spaced_dot(text: &str, at: usize) -> Option<Finding> {
    let start = local_start(text, at, AtForm::Plain, 0)?;
    let end = spaced_dot_domain(text, at + 1)?;
    Some(Finding::new(
        Category::Email,
        "email.spaced",
        start,
        end,
        "domain with spaces around a dot, known top-level domain",
    ))
}

/// `domain .com` / `domain. com`: one label, a dot with spaces, a known TLD.
fn spaced_dot_domain(text: &str, from: usize) -> Option<usize> {
    let rest = &text[from..];
    let label_len = rest
        .find(|c: char| !is_domain_char(c))
        .unwrap_or(rest.len());
    if label_len == 0 {
        return None;
    }
    let after = &rest[label_len..];
    let trimmed = after.trim_start_matches(' ');
    let sp1 = after.len() - trimmed.len();
    let after_dot = trimmed.strip_prefix('.')?;
    let tld_part = after_dot.trim_start_matches(' ');
    let sp2 = after_dot.len() - tld_part.len();
    if sp1 + sp2 == 0 || sp1 > 1 || sp2 > 1 {
        return None;
    }
    let tld_len = tld_part
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(tld_part.len());
    let tld = &tld_part[..tld_len];
    if !WORD_FORM_TLDS.iter().any(|t| t.eq_ignore_ascii_case(tld)) {
        return None;
    }
    Some(from + label_len + sp1 + 1 + sp2 + tld_len)
}
