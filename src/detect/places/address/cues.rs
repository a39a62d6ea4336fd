//! Address cues: a value after `Address:` or `ship it to`, a postcode after a postcode word.

use super::shape::{is_compound_street, is_name_word, lower, skip_line_prefix};
use crate::detect::places::tokens::{Kind, Tok};
use crate::detect::places::words::*;

/// `address`, `Lieferadresse`, `indirizzo`: a compound may end with one (not `in-addr`).
fn is_address_word(w: &str) -> bool {
    ADDRESS_WORDS
        .iter()
        .any(|a| w == *a || (a.len() >= 6 && w.ends_with(a)))
}

/// Whether the words before token `i` announce an address (`Address:`, `ship it to`,
/// `lives at`, `Lieferadresse:`), so the value after may hold street names we do not know.
pub(super) fn after_cue(toks: &[Tok], i: usize, text: &str) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| toks.get(p)) else {
        return false;
    };
    let colon = prev.is_punct(text, b':');
    if !colon && !prev.is_in(text, &CUE_LINKS) {
        return false;
    }
    if colon {
        // `Address: ...`, `Lieferadresse: ...`: the word right before the colon, and a space
        // after it (`Old: host:9000` is a log field).
        let key = i.checked_sub(2).and_then(|k| toks.get(k));
        return toks[i].space_before
            && key.is_some_and(|k| k.kind == Kind::Word && is_address_word(&lower(k, text)));
    }
    // Up to six words back, on the same line.
    let mut k = i - 1;
    let mut seen = 0;
    while k > 0 && seen < 7 {
        k -= 1;
        let t = &toks[k];
        if t.kind == Kind::Newline {
            break;
        }
        if t.kind != Kind::Word {
            continue;
        }
        seen += 1;
        if t.is_in(text, &CUE_VERBS) {
            return true;
        }
        if t.end - t.start >= 4 && is_address_word(&lower(t, text)) {
            return true;
        }
    }
    false
}

/// A value after an address cue: house numbers, capitalised words, units, postcodes, up to
/// the end of the sentence. Kept when it holds a number and a name or a street type.
pub(super) fn cued(toks: &[Tok], i: usize, text: &str) -> Option<usize> {
    let mut k = skip_line_prefix(toks, i, text);
    // `Address:\n\n 12 Main St`, `the corner of`
    while toks.get(k).is_some_and(|t| t.kind == Kind::Newline) && k < i + 3 {
        k = skip_line_prefix(toks, k + 1, text);
    }
    let start = k;
    let lower_ok = toks
        .get(start)
        .is_some_and(|t| t.kind == Kind::Num && !t.upper_ahead);
    let mut end = start;
    let mut num = false;
    let mut name = false;
    let mut typed = false;
    while let Some(t) = toks.get(end) {
        if end - start > 14 {
            break;
        }
        match t.kind {
            Kind::Num => {
                // `21:23:20`, `10.1`: a time or a version, not a house number.
                if toks.get(end + 1).is_some_and(|n| {
                    !n.space_before
                        && (n.is_punct(text, b':') || n.is_punct(text, b'.'))
                        && toks
                            .get(end + 2)
                            .is_some_and(|d| d.kind == Kind::Num && !d.space_before)
                }) {
                    break;
                }
                num = true;
            }
            Kind::Word => {
                let w = lower(t, text);
                if SUFFIX_STREET.contains(&w)
                    || PREFIX_STREET.contains(&w)
                    || is_compound_street(&w)
                    || UNIT_WORDS.contains(&w)
                {
                    typed = true;
                } else if !is_name_word(t, text, lower_ok) {
                    break;
                } else if !(CONNECTORS.contains(&w) || (t.is_upper(text) && w.len() > 1)) {
                    name = true;
                }
            }
            Kind::Punct => {
                let inner_dot = t.is_punct(text, b'.') && !t.space_before;
                if !inner_dot && !t.is_punct(text, b'-') {
                    break;
                }
            }
            Kind::Newline => break,
        }
        end += 1;
    }
    while end > start && toks.get(end - 1).is_some_and(|t| t.kind == Kind::Punct) {
        end -= 1;
    }
    // `MSRA-SA-39.fareast.corp:28345`: a host name, not an address.
    let glued = toks.get(end).is_some_and(|n| {
        !n.space_before
            && (n.is_punct(text, b'.') || n.is_punct(text, b':') || n.is_punct(text, b'/'))
            && toks
                .get(end + 1)
                .is_some_and(|w| !w.space_before && w.kind != Kind::Newline)
    });
    (end > start && !glued && num && (typed || (name && !lower_ok))).then_some(end)
}

/// `zip code is 35649`, `PLZ: 10625`, `code postal 75001`.
pub(super) fn postcode_after_word(toks: &[Tok], i: usize, text: &str) -> bool {
    let Some(t) = toks.get(i) else { return false };
    if t.kind != Kind::Num || !(4..=5).contains(&t.digits(text)) || t.end - t.start > 5 {
        return false;
    }
    let mut k = i;
    let mut seen = 0;
    while k > 0 && seen < 4 {
        k -= 1;
        let p = &toks[k];
        if p.kind == Kind::Newline {
            return false;
        }
        if p.kind != Kind::Word {
            continue;
        }
        seen += 1;
        let w = lower(p, text);
        if POSTCODE_WORDS.contains(&w) {
            return true;
        }
        if !matches!(
            w.as_str(),
            "is" | "ist" | "est" | "es" | "é" | "è" | "code" | "my" | "the" | "postal" | "our"
        ) {
            return false;
        }
    }
    false
}
