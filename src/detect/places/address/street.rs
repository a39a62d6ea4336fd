//! Street anchors: a number then a street, a street then a number, and a number, a name we
//! do not know and a number.

use super::shape::{
    dot_after, is_compound_street, is_house_number, is_name_word, line_is_lower, lower,
    skip_line_prefix, unit,
};
use crate::detect::places::tokens::{Kind, Tok};
use crate::detect::places::words::*;

/// Number then street (`4417 Maple Ridge Drive`, `12 rue de la Paix`, `95 Lille Vibyvej 8`).
pub(super) fn number_first(toks: &[Tok], i: usize, text: &str, lower_ok: bool) -> Option<usize> {
    if !is_house_number(toks.get(i)?, text) {
        return None;
    }
    let mut j = i + 1;
    if toks.get(j).is_some_and(|t| t.is_punct(text, b',')) {
        j += 1;
    }
    let first = toks.get(j)?;
    if first.kind != Kind::Word {
        return None;
    }
    let mut fw = lower(first, text);
    if fw == "c"
        && toks
            .get(j + 1)
            .is_some_and(|s| s.is_punct(text, b'/') && !s.space_before)
    {
        fw = "calle".into();
        j += 1;
    }
    if PREFIX_STREET.contains(&fw) && (first.is_cap(text) || fw != "via") {
        // `12 rue de la Paix`: the type first, then the name.
        let mut k = j + 1;
        if dot_after(toks, j, text) {
            k += 1;
        }
        let mut end = None;
        let mut n = 0;
        while let Some(t) = toks.get(k) {
            if n >= 6 || !is_name_word(t, text, lower_ok) {
                break;
            }
            let w = lower(t, text);
            if !CONNECTORS.contains(&w) {
                end = Some(k + 1);
            }
            k += 1;
            n += 1;
        }
        return end;
    }
    // Name words, then a type word (`Drive`, `St.`) or a compound street (`Vibyvej`).
    let mut k = j;
    let mut names = 0;
    while let Some(t) = toks.get(k) {
        if k - j >= 6 {
            break;
        }
        if t.kind == Kind::Punct && t.is_punct(text, b'.') && k > j {
            k += 1;
            continue;
        }
        if t.kind != Kind::Word {
            break;
        }
        let w = lower(t, text);
        if names > 0 && SUFFIX_STREET.contains(&w) && (t.is_cap(text) || lower_ok) {
            let mut end = k + 1;
            if dot_after(toks, k, text) {
                end += 1;
            }
            return Some(end);
        }
        if (t.is_cap(text) || lower_ok) && is_compound_street(&w) {
            let mut end = k + 1;
            if toks.get(end).is_some_and(|n| is_house_number(n, text)) {
                end += 1;
            }
            return Some(end);
        }
        if !is_name_word(t, text, lower_ok) {
            break;
        }
        names += 1;
        k += 1;
    }
    None
}

/// Street then number (`Via Roma 10`, `Schillerstraße 112`, `Gumpendorfer Strasse 44`).
pub(super) fn street_first(toks: &[Tok], i: usize, text: &str, lower_ok: bool) -> Option<usize> {
    let t = toks.get(i)?;
    if t.kind != Kind::Word || !(t.is_cap(text) || lower_ok) {
        return None;
    }
    let mut w = lower(t, text);
    let mut k = i + 1;
    if dot_after(toks, i, text) {
        k += 1;
    }
    if w == "c"
        && toks
            .get(k)
            .is_some_and(|s| s.is_punct(text, b'/') && !s.space_before)
    {
        // `C/ Mayor 5`: calle.
        w = "calle".into();
        k += 1;
    }
    if is_compound_street(&w) || SEPARATE_STREET.contains(&w) {
        // The number follows, maybe after a comma.
        if toks.get(k).is_some_and(|t| t.is_punct(text, b',')) {
            k += 1;
        }
        return toks
            .get(k)
            .is_some_and(|n| is_house_number(n, text))
            .then_some(k + 1);
    }
    if !PREFIX_STREET.contains(&w) {
        return None;
    }
    let mut names = 0;
    while let Some(n) = toks.get(k) {
        if names >= 6 {
            return None;
        }
        if is_house_number(n, text) && names > 0 {
            return Some(k + 1);
        }
        if n.is_punct(text, b',') && names > 0 {
            k += 1;
            continue;
        }
        if n.is_punct(text, b'.') && names > 0 {
            k += 1;
            continue;
        }
        if !is_name_word(n, text, lower_ok) {
            return None;
        }
        names += 1;
        k += 1;
    }
    None
}

/// `59 Metsanurga 48`, `16 salontie 6`: a number, a street name we do not know, a number,
/// then more of an address after it (a unit, a city, a postcode line). Returns the end of the
/// street part.
pub(super) fn number_name_number(toks: &[Tok], i: usize, text: &str) -> Option<usize> {
    if !is_house_number(toks.get(i)?, text) {
        return None;
    }
    let lower_ok = line_is_lower(toks, i);
    let mut k = i + 1;
    let mut names = 0;
    while let Some(t) = toks.get(k) {
        if t.kind == Kind::Num {
            break;
        }
        if names >= 4
            || !is_name_word(t, text, lower_ok)
            || (t.is_upper(text) && t.end - t.start > 1)
        {
            return None;
        }
        let w = lower(t, text);
        if !CONNECTORS.contains(&w) {
            names += 1;
        }
        k += 1;
    }
    if names == 0
        || !toks
            .get(k)
            .is_some_and(|t| is_house_number(t, text) && t.space_before)
    {
        return None;
    }
    let e = k + 1;
    let sep = toks.get(e)?;
    if lower_ok {
        // Lower case (`16 salontie 6`): only with a unit on the next line.
        let n = skip_line_prefix(toks, e + 1, text);
        return (sep.kind == Kind::Newline && unit(toks, n, text).is_some()).then_some(e);
    }
    (sep.is_punct(text, b',') || sep.kind == Kind::Newline).then_some(e)
}
