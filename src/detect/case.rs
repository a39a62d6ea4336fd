//! Case and ticket numbers: the number a support organisation gives a conversation, which
//! lets anyone who holds it pose as that organisation's support to the customer.
//!
//! A number is only a case number when the text says so:
//! - after a case word in one of the supported languages (`case`, `ticket`, `SR`,
//!   `incident`, `request`, `dossier`, `Vorgang`, `Fall`, `caso`, `expediente`, `pratica`,
//!   `zaak`, `processo`, compounds such as `Ticketnummer`, and Microsoft's `TrackingID`),
//!   possibly through a few linking words or signs (`Case #`, `ticket number is`,
//!   `Ticket-Nr.:`, `[Ticket #…]`, `n°`);
//! - ServiceNow numbers, whose prefix says what they are: `INC`, `REQ`, `RITM`, `CHG`,
//!   `PRB`, `TASK`, `SCTASK`, `CS` and exactly seven digits (`INC0012345`).
//!
//! Only the identifier is reported, never the case word: `Case #[CASE-1]` still reads as a
//! case reference. Ambiguous words (`request`, `Fall`, `processo`: a request, the autumn, a
//! process) need a number word or `#` before a short number. Versions, error codes
//! (`0x80070005`, `KB5034441`), dates, times, decimal amounts, numbers followed by a unit
//! (`request took 3000 ms`) and years are never identifiers.

use super::scan::{cased_matcher, cased_word, char_at, whole_word};
use super::{Category, Detector, Finding};
use crate::vocab::placeholder::placeholder_len;
use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

/// The detector of this module (see the module documentation).
pub struct CaseDetector;

/// How sure a case word is that a number after it is a case number.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// `ticket 48213` is a ticket number (4+ digits, or 3+ after `#` or a number word).
    Strong,
    /// `request 12` is not: `#`, a number word or 6+ digits are needed.
    Weak,
    /// A ServiceNow prefix glued to seven digits (`INC0012345`); upper-case only.
    ServiceNow,
}

const WORDS: &[(&str, Kind)] = &[
    ("case", Kind::Strong),
    ("cases", Kind::Strong),
    ("tickets", Kind::Strong),
    ("incidents", Kind::Strong),
    ("casos", Kind::Strong),
    ("support case", Kind::Strong),
    ("case id", Kind::Strong),
    ("ticket", Kind::Strong),
    ("ticket id", Kind::Strong),
    ("sr", Kind::Strong),
    ("service request", Kind::Strong),
    ("incident", Kind::Strong),
    ("request", Kind::Weak),
    ("dossier", Kind::Strong),
    ("vorgang", Kind::Strong),
    ("vorgangsnummer", Kind::Strong),
    ("ticketnummer", Kind::Strong),
    ("ticketnr", Kind::Strong),
    ("fallnummer", Kind::Strong),
    ("aktenzeichen", Kind::Strong),
    ("fall", Kind::Weak),
    ("caso", Kind::Strong),
    ("expediente", Kind::Strong),
    ("incidencia", Kind::Strong),
    ("solicitud", Kind::Weak),
    ("pratica", Kind::Strong),
    ("richiesta", Kind::Weak),
    ("segnalazione", Kind::Strong),
    ("zaak", Kind::Strong),
    ("zaaknummer", Kind::Strong),
    ("dossiernummer", Kind::Strong),
    ("meldingsnummer", Kind::Strong),
    ("processo", Kind::Weak),
    ("chamado", Kind::Strong),
    ("TrackingID", Kind::Strong),
    ("Tracking ID", Kind::Strong),
    ("demande", Kind::Weak),
    ("anfrage", Kind::Weak),
    ("INC", Kind::ServiceNow),
    ("REQ", Kind::ServiceNow),
    ("RITM", Kind::ServiceNow),
    ("CHG", Kind::ServiceNow),
    ("PRB", Kind::ServiceNow),
    ("TASK", Kind::ServiceNow),
    ("SCTASK", Kind::ServiceNow),
    ("CS", Kind::ServiceNow),
];

static MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let words: Vec<&str> = WORDS.iter().map(|(w, _)| *w).collect();
    cased_matcher(&words)
});

/// Words between a case word and its number that say a number follows (`case number is`).
const NUMBER_WORDS: &[&str] = &[
    "number",
    "num",
    "no",
    "nr",
    "nbr",
    "n",
    "n°",
    "nº",
    "nummer",
    "numero",
    "número",
    "numéro",
    "núm",
    "id",
    "ref",
    "reference",
    "référence",
    "referencia",
    "riferimento",
];

/// Linking words that may stand between a case word (or its number word) and the number.
const LINK_WORDS: &[&str] = &[
    "is", "was", "ist", "lautet", "est", "es", "é", "è", "was:", "de", "del", "di", "do",
];

/// Words before `case` that make it something else (`test case 1234`, `use case 2001`).
const NOT_CASE_BEFORE: &[&str] = &[
    "test", "use", "edge", "worst", "best", "corner", "upper", "lower", "camel", "snake", "title",
    "switch", "base", "special", "unit", "pascal", "kebab",
];

/// Words after a number that make it a quantity (`request took 3000 ms` never reaches
/// here, but `ticket 2048 bytes` would).
const UNITS: &[&str] = &[
    "ms", "s", "sec", "secs", "seconds", "second", "min", "mins", "minutes", "h", "hours", "days",
    "kb", "mb", "gb", "tb", "bytes", "byte", "b", "%", "px", "times", "users", "items", "rows",
    "lines", "records", "requests", "tickets", "cases", "errors", "x", "euro", "euros", "eur",
    "usd", "dollars", "$", "€", "£",
];

/// Prefixes of identifiers that are never case numbers (knowledge-base articles,
/// vulnerabilities, error and build numbers, standards).
const NOT_PREFIXES: &[&str] = &[
    "kb", "cve", "ms", "err", "error", "build", "rfc", "iso", "utf", "sha", "md", "http", "https",
    "port", "v", "ver", "win", "x", "cwe", "ghsa", "pid", "tcp", "udp",
];

impl Detector for CaseDetector {
    fn categories(&self) -> &[Category] {
        &[Category::Case]
    }

    fn detect(&self, text: &str, out: &mut Vec<Finding>) {
        let bytes = text.as_bytes();
        let mut done = 0;
        for m in MATCHER.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            if s < done {
                continue;
            }
            let Some(&(word, kind)) = WORDS.get(cased_word(&m)) else {
                continue;
            };
            // Inside a placeholder (`[CASE-1]`): a label, not a word of the text.
            if s > 0 && bytes[s - 1] == b'[' && placeholder_len(&bytes[s - 1..]).is_some() {
                continue;
            }
            if kind == Kind::ServiceNow {
                if let Some(end) = servicenow(text, s, e) {
                    out.push(Finding::new(
                        Category::Case,
                        "case.servicenow",
                        s,
                        end,
                        "ServiceNow number: record prefix and seven digits",
                    ));
                    done = end;
                }
                continue;
            }
            if !whole_word(text, s, e) {
                continue;
            }
            if word == "case" && NOT_CASE_BEFORE.contains(&word_before(text, s).as_str()) {
                continue;
            }
            let found = numbers_after(text, e, kind);
            for &(a, b) in &found {
                out.push(Finding::new(
                    Category::Case,
                    "case.context",
                    a,
                    b,
                    "identifier after a case or ticket word",
                ));
            }
            if let Some(&(_, b)) = found.last() {
                done = b;
            }
        }
    }
}

/// `INC0012345`: the upper-case prefix, exactly seven digits, nothing glued on either side.
fn servicenow(text: &str, s: usize, e: usize) -> Option<usize> {
    let b = text.as_bytes();
    if !b[s..e].iter().all(u8::is_ascii_uppercase) {
        return None;
    }
    if s > 0 && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'_') {
        return None;
    }
    let digits = b[e..].iter().take_while(|c| c.is_ascii_digit()).count();
    let end = e + digits;
    if digits != 7 || char_at(text, end).is_some_and(|c| c.is_alphanumeric() || c == '_') {
        return None;
    }
    Some(end)
}

/// The lower-cased word (letters only) just before byte `i`, across spaces.
fn word_before(text: &str, i: usize) -> String {
    let head = &text[..i];
    let trimmed = head.trim_end_matches([' ', '\t', '-']);
    let word: String = trimmed
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect();
    word.to_lowercase()
}

/// One word of letters (and `°`, `º`) at `i`, with its end.
fn word_at(text: &str, i: usize) -> Option<(String, usize)> {
    let rest = text.get(i..)?;
    let len: usize = rest
        .chars()
        .take_while(|c| c.is_alphabetic() || matches!(c, '°' | 'º'))
        .map(char::len_utf8)
        .sum();
    (len > 0).then(|| (rest[..len].to_lowercase(), i + len))
}

fn skip_blanks(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|&c| c == b' ' || c == b'\t') {
        i += 1;
    }
    i
}

/// The identifiers after a case word that ends at `from`: the first, then any further ones
/// of a list (`tickets 48213, 48214 and 48215`).
fn numbers_after(text: &str, from: usize, kind: Kind) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut i = from;
    let mut hash = false;
    let mut numbered = false;
    let mut saw_id = false;
    // Linking signs and words: at most a few, all on the same line.
    for _ in 0..6 {
        let j = skip_blanks(b, i);
        match b.get(j) {
            Some(b'#') => {
                hash = true;
                i = j + 1;
                // `#` is the last sign before the number.
                if b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                    break;
                }
            }
            Some(b':' | b'=' | b'-' | b'(' | b'.' | b'/') => {
                // `-` or `/` glued to a number is part of the identifier only when a word
                // precedes: `ticket -5` is not a case.
                if matches!(b[j], b'-' | b'/') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
                    return Vec::new();
                }
                i = j + 1;
            }
            Some(c) if c.is_ascii_alphabetic() || *c >= 0x80 => {
                let Some((w, end)) = word_at(text, j) else {
                    break;
                };
                // `request id 123456` is a request's id in a log, not a case number.
                if NUMBER_WORDS.contains(&w.as_str()) && (kind == Kind::Strong || w != "id") {
                    numbered = true;
                    i = end;
                } else if LINK_WORDS.contains(&w.as_str()) || w == "id" {
                    saw_id |= w == "id";
                    i = end;
                } else {
                    // The identifier itself (`ticket PROJ-123`), or prose.
                    i = j;
                    break;
                }
            }
            _ => {
                i = j;
                break;
            }
        }
    }
    let mut found = Vec::new();
    // `request id 123456`: a request's id in a log, whatever its length.
    if saw_id && kind != Kind::Strong && !hash {
        return found;
    }
    let Some((s, e)) = identifier(text, i, kind, hash, numbered) else {
        return found;
    };
    found.push((s, e));
    // A list of further identifiers of the same kind.
    let mut at = e;
    while found.len() < 20 {
        let mut j = skip_blanks(b, at);
        match b.get(j) {
            Some(b',' | b'&' | b'/' | b';') => j += 1,
            Some(c) if c.is_ascii_alphabetic() => match word_at(text, j) {
                Some((w, end))
                    if matches!(
                        w.as_str(),
                        "and" | "or" | "et" | "ou" | "und" | "oder" | "y" | "o" | "e" | "en" | "of"
                    ) =>
                {
                    j = end
                }
                _ => break,
            },
            _ => break,
        }
        j = skip_blanks(b, j);
        let mut h = hash;
        if b.get(j) == Some(&b'#') {
            h = true;
            j += 1;
        }
        match identifier(text, j, kind, h, numbered) {
            Some((s2, e2)) => {
                found.push((s2, e2));
                at = e2;
            }
            None => break,
        }
    }
    found
}

/// The identifier starting at `i`, if the token there is one: digits (`48213`,
/// `1912160040012345`, `00012345`), digit groups (`2024/000123`, `1-234567`), or a short
/// letter prefix with digits (`SR-48213`, `PROJ-123`, `CAS-01234-X9Y8Z7`).
fn identifier(
    text: &str,
    i: usize,
    kind: Kind,
    hash: bool,
    numbered: bool,
) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    if !b.get(i)?.is_ascii_alphanumeric() {
        return None;
    }
    // Placeholders never start here (`[`), but a token glued to one would.
    let mut e = i;
    while b
        .get(e)
        .is_some_and(|&c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'/' | b'.'))
    {
        e += 1;
    }
    while e > i && matches!(b[e - 1], b'-' | b'_' | b'/' | b'.') {
        e -= 1;
    }
    // Glued to more of a word (`48213é`) or to a placeholder: not an identifier.
    if char_at(text, e).is_some_and(|c| c.is_alphanumeric() || c == '[') {
        return None;
    }
    let token = &text[i..e];
    if token.len() > 40 || token.contains('.') {
        return None; // versions, addresses, amounts, file names
    }
    // `10:32`, `48213:00` (a time), `8443%`, `2,500`.
    match b.get(e) {
        Some(b':') if b.get(e + 1).is_some_and(u8::is_ascii_digit) => return None,
        Some(b',') if b.get(e + 1).is_some_and(u8::is_ascii_digit) => return None,
        Some(b'%') => return None,
        _ => {}
    }
    let lower = token.to_ascii_lowercase();
    let digits = token.bytes().filter(u8::is_ascii_digit).count();
    let sure = hash || numbered;
    let bare_min = match kind {
        Kind::Strong => 4,
        _ => 6,
    };
    let ok = if token.bytes().all(|c| c.is_ascii_digit()) {
        let n = token.len();
        let year = n == 4 && matches!(token.parse::<u32>(), Ok(1900..=2099));
        (3..=20).contains(&n)
            && (if sure { true } else { n >= bare_min && !year })
            && !(kind != Kind::Strong && !sure && n < 6)
    } else if token.as_bytes()[0].is_ascii_digit() {
        digit_groups(token) && digits >= if sure { 4 } else { bare_min.max(5) }
    } else {
        prefixed(token, &lower, sure || kind == Kind::Strong)
    };
    if !ok || followed_by_unit(text, e) {
        return None;
    }
    Some((i, e))
}

/// `1-234567`, `2024/000123`: digit groups joined by `-` or `/`, not a date.
fn digit_groups(token: &str) -> bool {
    let groups: Vec<&str> = token.split(['-', '/']).collect();
    if groups
        .iter()
        .any(|g| g.is_empty() || !g.bytes().all(|c| c.is_ascii_digit()))
    {
        return false;
    }
    let n: Vec<(usize, u32)> = groups
        .iter()
        .map(|g| (g.len(), g.parse().unwrap_or(u32::MAX)))
        .collect();
    let year = |&(len, v): &(usize, u32)| len == 2 || (len == 4 && (1900..=2099).contains(&v));
    let month = |&(len, v): &(usize, u32)| len <= 2 && (1..=12).contains(&v);
    let day = |&(len, v): &(usize, u32)| len <= 2 && (1..=31).contains(&v);
    let date = match n.as_slice() {
        [y, m] => y.0 == 4 && year(y) && month(m),
        [y, m, d] if y.0 == 4 => year(y) && month(m) && day(d),
        [a, b, y] => year(y) && day(a) && day(b) && (month(a) || month(b)),
        _ => false,
    };
    !date
}

/// `SR-48213`, `PROJ-123`, `CAS-01234-X9Y8Z7`: letters (up to 10), then digits, with an
/// optional joiner; never a known non-case prefix.
fn prefixed(token: &str, lower: &str, context_sure: bool) -> bool {
    let letters = token.bytes().take_while(u8::is_ascii_alphabetic).count();
    if !(1..=10).contains(&letters) {
        return false;
    }
    let prefix = &lower[..letters];
    if NOT_PREFIXES.contains(&prefix) {
        return false;
    }
    let rest = &token[letters..];
    let rest = rest.strip_prefix(['-', '_']).unwrap_or(rest);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return false;
    }
    // A Jira key wants an upper-case project key (`PROJ-123`); other ids 3+ digits.
    let upper_key = token[..letters].bytes().all(|c| c.is_ascii_uppercase()) && letters >= 2;
    let enough = digits >= 3 || (upper_key && token.as_bytes().get(letters) == Some(&b'-'));
    // What follows the digits: nothing, or further groups of letters and digits.
    let tail = &rest[digits..];
    let tail_ok = tail.is_empty()
        || (tail.starts_with(['-', '/', '_'])
            && tail[1..]
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'/' | b'_')));
    context_sure && enough && tail_ok
}

fn followed_by_unit(text: &str, e: usize) -> bool {
    let b = text.as_bytes();
    let j = skip_blanks(b, e);
    if j == e && b.get(j).is_some_and(|c| matches!(c, b'%' | b'$')) {
        return true;
    }
    if j == e {
        return false;
    }
    match word_at(text, j) {
        Some((w, _)) => UNITS.contains(&w.as_str()),
        None => matches!(b.get(j), Some(b'%' | b'$')) || text[j..].starts_with(['€', '£']),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        CaseDetector.detect(text, &mut out);
        out.sort_by_key(|f| f.start);
        out.iter().map(|f| &text[f.start..f.end]).collect()
    }

    #[test]
    fn case_words_and_forms() {
        assert_eq!(
            found("Your case number is 1912160040012345, keep it for reference."),
            ["1912160040012345"]
        );
        assert_eq!(found("Subject: [Ticket #48213] Outlook crash"), ["48213"]);
        assert_eq!(found("Case #: 00012345"), ["00012345"]);
        assert_eq!(found("TrackingID#2301010010000123"), ["2301010010000123"]);
        assert_eq!(
            found("see INC0012345 and RITM0004321"),
            ["INC0012345", "RITM0004321"]
        );
        assert_eq!(found("Jira ticket SUP-4411 was linked"), ["SUP-4411"]);
        assert_eq!(found("request #12345 was merged"), ["12345"]);
        assert_eq!(found("Ticket-Nr.: 7781234"), ["7781234"]);
        assert_eq!(
            found("tickets 48213, 48214 and 48215"),
            ["48213", "48214", "48215"]
        );
        assert_eq!(found("Ihre Vorgangsnummer lautet 55012345."), ["55012345"]);
        assert_eq!(found("numéro de dossier : 2024/000123"), ["2024/000123"]);
        assert_eq!(found("SR 3-12345678"), ["3-12345678"]);
        assert_eq!(found("processo nº 1098-22"), ["1098-22"]);
        assert!(found("ticket no. 2024-03").is_empty());
        assert!(found("ticket no. 12/03/24").is_empty());
    }

    #[test]
    fn not_case_numbers() {
        for t in [
            "Windows 11 build 22631",
            "step #2 then #1 priority",
            "error 0x80070005 after KB5034441",
            "in case 2024 is busy",
            "the request took 3000 ms",
            "ticket 2048 bytes",
            "test case 1234 failed",
            "case 1.2.3",
            "case 10:32",
            "processo 4312 terminated",
            "Fall 2023",
            "ticket opened 2024-01-15",
            "case is closed",
            "see [CASE-1] and Case #[CASE-2]",
            "INC00123456 and inc0012345 and xINC0012345",
            "ticket CVE-2024-1234",
            "request id 4f3a9c",
        ] {
            assert!(found(t).is_empty(), "{t}: {:?}", found(t));
        }
    }
}
