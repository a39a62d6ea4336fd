//! Street addresses as one finding each: an anchor (house number and street, a PO box, a
//! military address, or any value after an address cue such as `Address:` or `ship it to`),
//! then every part that follows it on the same line or the next short lines: units (`Apt 12B`,
//! `Stiege 2, Tür 5`, `3º izquierda`), postcode and city, state, country.
//!
//! A postcode alone is only an address after a postcode word (`zip code is 35649`).

use super::tokens::{Kind, Tok};
use super::words::*;

const MILITARY: Words = Words::new(&["apo", "dpo", "fpo"]);
const POST_BOX: Words = Words::new(&["apartado", "p", "po", "postbox", "postbus", "postfach"]);
const MILITARY_AREAS: Words = Words::new(&["aa", "ae", "ap"]);

/// An address found: token range `[start, end)`, and the rule that anchored it.
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub rule: &'static str,
}

fn lower(t: &Tok, text: &str) -> String {
    t.text(text).to_lowercase()
}

/// A house number: 1 to 5 digits, maybe a letter (`12B`, `3a`).
fn is_house_number(t: &Tok, text: &str) -> bool {
    let d = t.digits(text);
    t.kind == Kind::Num && (1..=5).contains(&d) && t.end - t.start <= d + 2
}

/// Whether token `i` ends right where the next begins with a `.` (`St.`, `Str.`).
fn dot_after(toks: &[Tok], i: usize, text: &str) -> bool {
    toks.get(i + 1)
        .is_some_and(|t| t.is_punct(text, b'.') && !t.space_before)
}

/// A word of a street name: capitalised, a connector (`de la`, `van der`), or, in a lower-case
/// text, any word that is not a stop word.
fn is_name_word(t: &Tok, text: &str, lower_ok: bool) -> bool {
    if t.kind == Kind::Num {
        // `184th Street`, `5e Avenue`
        let s = t.text(text);
        let d = t.digits(text);
        return d > 0
            && matches!(
                s.get(d..).map(str::to_ascii_lowercase).as_deref(),
                Some("st" | "nd" | "rd" | "th" | "e" | "er" | "ème")
            );
    }
    if t.kind != Kind::Word {
        return false;
    }
    if t.is_in(text, &CONNECTORS) {
        return true;
    }
    if t.is_in(text, &STOP) || t.is_in(text, &CAP_STOP) {
        return false;
    }
    t.is_cap(text) || lower_ok
}

fn is_compound_street(w: &str) -> bool {
    COMPOUND_STREET
        .iter()
        .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
}

/// Number then street (`4417 Maple Ridge Drive`, `12 rue de la Paix`, `95 Lille Vibyvej 8`).
fn number_first(toks: &[Tok], i: usize, text: &str, lower_ok: bool) -> Option<usize> {
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
fn street_first(toks: &[Tok], i: usize, text: &str, lower_ok: bool) -> Option<usize> {
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

/// `PO Box 123`, `P.O. Box 12`, `Postfach 1234`, `Postbus 12`, `Apartado 123`.
fn po_box(toks: &[Tok], i: usize, text: &str) -> Option<usize> {
    let t = toks.get(i)?;
    if t.kind != Kind::Word || !t.is_in(text, &POST_BOX) {
        return None;
    }
    let w = lower(t, text);
    let mut k = i + 1;
    match w.as_str() {
        "po" => {
            if dot_after(toks, i, text) {
                k += 1;
            }
        }
        "p" => {
            // P.O.
            let o = toks.get(i + 2)?;
            if !(dot_after(toks, i, text) && lower(o, text) == "o") {
                return None;
            }
            k = i + 3;
            if dot_after(toks, i + 2, text) {
                k += 1;
            }
        }
        "postfach" | "postbus" | "apartado" | "postbox" => {
            return toks
                .get(k)
                .is_some_and(|n| n.kind == Kind::Num)
                .then_some(k + 1);
        }
        _ => return None,
    }
    if lower(toks.get(k)?, text) != "box" {
        return None;
    }
    k += 1;
    toks.get(k)
        .is_some_and(|n| n.kind == Kind::Num)
        .then_some(k + 1)
}

/// `APO AE 09012`, `FPO AP 07688`, `DPO AA 32754`; the line before (`Unit 3191 Box 3770`,
/// `PSC 8139, Box 3699`, `USNS Comfort`) is part of it.
fn military(toks: &[Tok], i: usize, text: &str) -> Option<(usize, usize)> {
    let t = toks.get(i)?;
    if !t.is_in(text, &MILITARY) {
        return None;
    }
    if !toks.get(i + 1)?.is_in(text, &MILITARY_AREAS) {
        return None;
    }
    let n = toks.get(i + 2)?;
    if n.kind != Kind::Num || n.digits(text) != 5 {
        return None;
    }
    let mut start = i;
    // The previous line, if it is the unit / ship line.
    if i >= 2 && toks.get(i - 1).is_some_and(|t| t.kind == Kind::Newline) {
        let mut s = i - 1;
        while s > 0 && toks[s - 1].kind != Kind::Newline && i - s < 8 {
            s -= 1;
        }
        let line = &toks[s..i - 1];
        let first = line
            .iter()
            .position(|t| t.kind == Kind::Word || t.kind == Kind::Num);
        if let Some(f) = first {
            let w = line[f].text(text);
            let has_box = line.iter().any(|t| lower(t, text) == "box");
            if has_box || w.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("us")) {
                start = s + f;
            }
        }
    }
    Some((start, i + 3))
}

/// `address`, `Lieferadresse`, `indirizzo`: a compound may end with one (not `in-addr`).
fn is_address_word(w: &str) -> bool {
    ADDRESS_WORDS
        .iter()
        .any(|a| w == *a || (a.len() >= 6 && w.ends_with(a)))
}

/// `Apt. 276 27 Sorlaskeid 32`: a unit written before the street, then a street line.
fn unit_then_street(toks: &[Tok], i: usize, text: &str) -> Option<(usize, usize)> {
    let t = toks.get(i)?;
    if t.kind != Kind::Word || !t.is_in(text, &UNIT_WORDS) || lower(t, text) == "box" {
        return None;
    }
    let e1 = unit(toks, i, text)?;
    let lw = line_is_lower(toks, e1);
    let e = number_first(toks, e1, text, lw).or_else(|| {
        // Number, name, number, then the end of the line.
        let mut k = e1 + 1;
        if !toks.get(e1).is_some_and(|n| is_house_number(n, text)) {
            return None;
        }
        let mut names = 0;
        while toks.get(k).is_some_and(|w| is_name_word(w, text, lw)) && names < 4 {
            k += 1;
            names += 1;
        }
        (names > 0
            && toks.get(k).is_some_and(|n| is_house_number(n, text))
            && toks.get(k + 1).is_some_and(|n| n.kind == Kind::Newline))
        .then_some(k + 1)
    })?;
    Some((i, e))
}

/// A line that starts with a house number and is followed by a unit line (`48 Αγ. Ανδρέα 34`
/// then `Apt. 932`): a postal block whatever the street looks like. Returns the line's end.
fn line_before_unit(toks: &[Tok], i: usize, text: &str) -> Option<usize> {
    if !is_house_number(toks.get(i)?, text) {
        return None;
    }
    let at_line_start = i == 0 || {
        let mut k = i;
        while k > 0
            && toks[k - 1].kind == Kind::Punct
            && matches!(
                text.as_bytes().get(toks[k - 1].start),
                Some(b'>' | b'?' | b'-' | b'*' | b'|')
            )
        {
            k -= 1;
        }
        k == 0 || toks[k - 1].kind == Kind::Newline
    };
    if !at_line_start {
        return None;
    }
    let mut k = i + 1;
    let mut words = 0;
    while let Some(t) = toks.get(k) {
        match t.kind {
            Kind::Newline => break,
            Kind::Word => words += 1,
            Kind::Num => {}
            Kind::Punct => {
                if !(t.is_punct(text, b'.') || t.is_punct(text, b'-') || t.is_punct(text, b',')) {
                    return None;
                }
            }
        }
        if k - i > 10 {
            return None;
        }
        k += 1;
    }
    if words == 0 || toks.get(k)?.kind != Kind::Newline {
        return None;
    }
    let n = skip_line_prefix(toks, k + 1, text);
    let u = unit(toks, n, text)?;
    // The unit line holds the unit only.
    toks.get(u)
        .map_or(true, |t| t.kind == Kind::Newline)
        .then_some(k)
}

/// Whether the words before token `i` announce an address (`Address:`, `ship it to`,
/// `lives at`, `Lieferadresse:`), so the value after may hold street names we do not know.
fn after_cue(toks: &[Tok], i: usize, text: &str) -> bool {
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

/// A line start: skips quote marks and bullets (`> `, `??? `, `- `).
fn skip_line_prefix(toks: &[Tok], mut k: usize, text: &str) -> usize {
    let mut n = 0;
    while let Some(t) = toks.get(k) {
        if n < 4
            && t.kind == Kind::Punct
            && matches!(
                text.as_bytes().get(t.start),
                Some(b'>' | b'?' | b'-' | b'*' | b'|')
            )
        {
            k += 1;
            n += 1;
        } else {
            break;
        }
    }
    k
}

/// A unit after the street (`Apt 12B`, `Suite 300`, `Stiege 2`, `3º izquierda`, `#4`).
fn unit(toks: &[Tok], k: usize, text: &str) -> Option<usize> {
    let t = toks.get(k)?;
    if t.is_punct(text, b'#') {
        return toks
            .get(k + 1)
            .is_some_and(|n| n.kind == Kind::Num)
            .then_some(k + 2);
    }
    if t.kind == Kind::Num {
        // `3º izquierda`, `2ª`, `2º Esq.` (`º` is a letter, glued to the number, or a `°`).
        let glued = t.text(text).ends_with(['º', 'ª']);
        let o = toks.get(k + 1);
        let sign = o.is_some_and(|o| !o.space_before && matches!(o.text(text), "º" | "ª" | "°"));
        if glued || sign {
            let mut e = if glued { k + 1 } else { k + 2 };
            if toks.get(e).is_some_and(|w| w.is_in(text, &SIDE_WORDS)) {
                e += 1;
                if dot_after(toks, e - 1, text) {
                    e += 1;
                }
            }
            return Some(e);
        }
        return None;
    }
    if t.kind != Kind::Word || !t.is_in(text, &UNIT_WORDS) {
        return None;
    }
    let mut e = k + 1;
    if dot_after(toks, k, text) {
        e += 1;
    }
    if toks.get(e).is_some_and(|t| t.is_punct(text, b'#')) {
        e += 1;
    }
    let v = toks.get(e)?;
    let short_word = v.kind == Kind::Word && v.end - v.start <= 2 && v.is_upper(text);
    (v.kind == Kind::Num || short_word).then_some(e + 1)
}

/// A postcode-like number: 4 or 5 digits, `43215-1234`, or a glued code (`1A`, `0B1`).
fn is_postcode_part(t: &Tok, text: &str) -> bool {
    let d = t.digits(text);
    let len = t.end - t.start;
    t.kind == Kind::Num && (((3..=5).contains(&d) && len <= d + 1) || len <= 4)
}

/// Whether the line holding token `i` has no upper-case letter (`16 salontie 6`).
fn line_is_lower(toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    !t.upper_ahead
}

/// Whether the line from byte `start` has an upper-case letter in its first `LINE_LOOK` bytes
/// (the reference for [`Tok::upper_ahead`], which the rules read).
#[cfg(test)]
fn line_has_upper(text: &str, start: usize) -> bool {
    let rest = text.as_bytes().get(start..).unwrap_or_default();
    let rest = &rest[..rest.len().min(super::tokens::LINE_LOOK)];
    let line = memchr::memchr(b'\n', rest).map_or(rest, |p| &rest[..p]);
    String::from_utf8_lossy(line)
        .chars()
        .any(char::is_uppercase)
}

/// `59 Metsanurga 48`, `16 salontie 6`: a number, a street name we do not know, a number,
/// then more of an address after it (a unit, a city, a postcode line). Returns the end of the
/// street part.
fn number_name_number(toks: &[Tok], i: usize, text: &str) -> Option<usize> {
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

/// One part after a separator: a unit, or up to 6 tokens of city, state, country and
/// postcode words, ending at a comma, a line break or the first token that fits none.
/// Returns the end of the part when it is one.
fn part(toks: &[Tok], k: usize, text: &str, lower_ok: bool, own_line: bool) -> Option<usize> {
    if let Some(e) = unit(toks, k, text) {
        return Some(e);
    }
    let mut e = k;
    let mut words = 0;
    let mut nums = 0;
    while let Some(t) = toks.get(e) {
        if e - k >= 8 {
            return None;
        }
        match t.kind {
            Kind::Newline => break,
            Kind::Punct => {
                if t.is_punct(text, b',') {
                    break;
                }
                // `1100-148`, `D-10625`, `St.`
                if (t.is_punct(text, b'-') || t.is_punct(text, b'.')) && e > k && !t.space_before {
                    e += 1;
                    continue;
                }
                break;
            }
            Kind::Num => {
                if !is_postcode_part(t, text) {
                    break;
                }
                nums += 1;
            }
            Kind::Word => {
                let w = lower(t, text);
                // `ON`, `IN`, `OR`: a state code, not the word.
                let code = t.is_upper(text) && (2..=3).contains(&(t.end - t.start));
                if !code && (STOP.contains(&w) || CAP_STOP.contains(&w)) {
                    break;
                }
                if !(t.is_cap(text) || lower_ok || CONNECTORS.contains(&w)) {
                    break;
                }
                words += 1;
            }
        }
        e += 1;
    }
    // Trailing `.` or `-` is not part of the address.
    while e > k && toks.get(e - 1).is_some_and(|t| t.kind == Kind::Punct) {
        e -= 1;
    }
    let lower_words = lower_ok && !toks[k..e].iter().any(|t| t.is_cap(text));
    let words_ok = (1..=5).contains(&words) && (!lower_words || own_line);
    (e > k && (nums > 0 || words_ok)).then_some(e)
}

/// Extends an address over the parts that follow it: `, Apt 12B, Columbus, OH 43215`, or
/// the next short lines of a postal block.
fn extend(toks: &[Tok], mut end: usize, text: &str, lower_ok: bool) -> usize {
    let mut lines = 0;
    for _ in 0..8 {
        let mut k = end;
        let sep = toks.get(k);
        let Some(sep) = sep else { break };
        if sep.is_punct(text, b',') {
            k += 1;
            // `, nan\n 23861`: a second separator right after is fine.
            if toks.get(k).is_some_and(|t| t.kind == Kind::Newline) {
                k += 1;
            }
        } else if sep.kind == Kind::Newline {
            k += 1;
            if toks.get(k).is_some_and(|t| t.kind == Kind::Newline) {
                // One blank line, only before a country (`\n\n Uruguay 93613`).
                let after = skip_line_prefix(toks, k + 1, text);
                let is_country = toks.get(after).is_some_and(|t| {
                    t.is_cap(text)
                        && super::gazetteer::lookup(&lower(t, text))
                            .exact
                            .is_some_and(|p| p.kind == super::gazetteer::Kind::Country)
                });
                if !is_country || lines == 0 {
                    break;
                }
                k += 1;
            }
            k = skip_line_prefix(toks, k, text);
            lines += 1;
        } else if unit(toks, k, text).is_none()
            && !(sep.kind == Kind::Num && is_postcode_part(sep, text))
            && !(sep.is_cap(text) && sep.is_upper(text) && sep.end - sep.start == 2)
        {
            // Without a separator only a unit (`Drive Apt 12`), a postcode or a state code.
            break;
        }
        if toks.get(k).is_some_and(|t| t.is_punct(text, b',')) {
            // `Preserje\n, nan`
            k += 1;
        }
        let own_line = sep.kind == Kind::Newline;
        if own_line && phone_line(toks, k, text) {
            // `...\n Portugal 30971\n21 253 109 8211 office`: a phone line ends the block.
            break;
        }
        match part(toks, k, text, lower_ok, own_line) {
            Some(e) => end = e,
            None => break,
        }
    }
    end
}

/// Whether the line from `k` opens with a phone number: digits (with `+`, `(`, `)`, `-`,
/// `.` or spaces between them) holding seven or more digits before any word. No postcode,
/// house number or unit line of a postal block has that many digits before its first word.
fn phone_line(toks: &[Tok], k: usize, text: &str) -> bool {
    let mut digits = 0;
    for t in toks.iter().skip(k) {
        match t.kind {
            Kind::Num => digits += t.text(text).bytes().filter(u8::is_ascii_digit).count(),
            Kind::Punct if b"+()-./".iter().any(|&c| t.is_punct(text, c)) => {}
            _ => break,
        }
    }
    digits >= 7
}

/// Extends back over a second number (`04 55 Halsey Road`) or the words of a street name that
/// came before its type (`Obere Bahnhofstrasse 9`, `Dirk de Derdelaan 149`).
fn extend_back(toks: &[Tok], start: usize, text: &str) -> usize {
    let mut s = start;
    let Some(first) = toks.get(s) else {
        return s;
    };
    if first.kind == Kind::Num {
        if s >= 1 && first.space_before && toks.get(s - 1).is_some_and(|t| is_house_number(t, text))
        {
            s -= 1;
        }
        return s;
    }
    let mut n = 0;
    while s > 0 && n < 2 {
        let t = &toks[s - 1];
        if !is_name_word(t, text, false) {
            break;
        }
        s -= 1;
        n += 1;
    }
    // A whole run of capitalised words before is a sentence, not a street name.
    if s > 0 && toks[s - 1].is_cap(text) {
        return start;
    }
    if s < start && toks.get(s).is_some_and(|t| is_house_number(t, text)) {
        return s;
    }
    if s > 0 && toks.get(s - 1).is_some_and(|t| is_house_number(t, text)) {
        s -= 1;
    }
    s
}

/// A value after an address cue: house numbers, capitalised words, units, postcodes, up to
/// the end of the sentence. Kept when it holds a number and a name or a street type.
fn cued(toks: &[Tok], i: usize, text: &str) -> Option<usize> {
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
fn postcode_after_word(toks: &[Tok], i: usize, text: &str) -> bool {
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

/// Every address in `toks`, in order, not overlapping.
pub fn find(toks: &[Tok], text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    // Every anchor holds a digit on its own line (house number, box number, postcode), so a
    // line without one is skipped whole; the parts after an anchor are read from it.
    let bytes = text.as_bytes();
    let mut line_end = 0;
    let mut line_has_digit = false;
    while i < toks.len() {
        let t = &toks[i];
        if t.kind == Kind::Newline {
            i += 1;
            continue;
        }
        if t.start >= line_end {
            line_end =
                memchr::memchr(b'\n', &bytes[t.start..]).map_or(bytes.len(), |p| t.start + p);
            line_has_digit = bytes[t.start..line_end].iter().any(u8::is_ascii_digit);
        }
        if !line_has_digit {
            // Skip to the line break.
            while i < toks.len() && toks[i].start < line_end {
                i += 1;
            }
            continue;
        }
        if t.kind == Kind::Newline || t.kind == Kind::Punct {
            i += 1;
            continue;
        }
        let lower_ok = false;
        let mut hit: Option<(usize, usize, &'static str)> = None;
        let num = t.kind == Kind::Num;
        let cap = t.is_cap(text);
        let len = t.end - t.start;
        if t.kind == Kind::Word && len == 3 {
            if let Some((s, e)) = military(toks, i, text) {
                hit = Some((s, e, "address.military"));
            }
        }
        if hit.is_none()
            && t.kind == Kind::Word
            && matches!(
                text.as_bytes().get(t.start),
                Some(b'p' | b'P' | b'a' | b'A')
            )
        {
            if let Some(e) = po_box(toks, i, text) {
                hit = Some((extend_back(toks, i, text), e, "address.po_box"));
            }
        }
        if hit.is_none() && num {
            if let Some(e) = number_first(toks, i, text, lower_ok).or_else(|| {
                // A lower-case line (`35 97 guildry street`) only with more address after it.
                let lw = line_is_lower(toks, i);
                number_first(toks, i, text, lw).filter(|&e| lw && extend(toks, e, text, lw) > e)
            }) {
                hit = Some((extend_back(toks, i, text), e, "address.street"));
            } else if let Some(e) = line_before_unit(toks, i, text) {
                hit = Some((i, e, "address.block"));
            } else if let Some(e) = number_name_number(toks, i, text)
                .filter(|&e| extend(toks, e, text, line_is_lower(toks, i)) > e)
            {
                hit = Some((extend_back(toks, i, text), e, "address.street"));
            }
        }
        if hit.is_none() && cap {
            if let Some(e) = street_first(toks, i, text, lower_ok) {
                hit = Some((extend_back(toks, i, text), e, "address.street"));
            }
        }
        if hit.is_none() && t.kind == Kind::Word && t.is_in(text, &UNIT_WORDS) {
            if let Some((s, e)) = unit_then_street(toks, i, text) {
                hit = Some((s, e, "address.street"));
            }
        }
        if hit.is_none() && (num || cap) && after_cue(toks, i, text) {
            let lw = !cap;
            let typed = number_first(toks, i, text, lw)
                .or_else(|| street_first(toks, i, text, lw))
                .filter(|&e| !lw || extend(toks, e, text, lw) > e);
            if let Some(e) = typed.or_else(|| cued(toks, i, text)) {
                hit = Some((i, e, "address.cue"));
            }
        }
        if hit.is_none() && num && postcode_after_word(toks, i, text) {
            out.push(Found {
                start: i,
                end: i + 1,
                rule: "address.postcode",
            });
            i += 1;
            continue;
        }
        match hit {
            Some((s, e, rule)) => {
                let all_lower = !toks[s..e]
                    .iter()
                    .any(|t| t.text(text).chars().any(char::is_uppercase));
                let end = extend(toks, e, text, all_lower);
                // A previous address may end where this one's back extension starts.
                let s = out.last().map_or(s, |p: &Found| s.max(p.end));
                out.push(Found {
                    start: s,
                    end,
                    rule,
                });
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod regression_issue_14_long_line {
    /// A 5 MB paste on one line took minutes: every house number read the rest of its line.
    /// The look for a capital is bounded, so the work per number no longer grows with the line.
    #[test]
    fn regression_issue_14_capital_look_is_bounded() {
        let far = format!("12 {}X", "a".repeat(super::super::tokens::LINE_LOOK));
        assert!(!super::line_has_upper(&far, 0));
        assert!(super::line_has_upper("12 Main St", 0));
        assert!(!super::line_has_upper("12 main st\nOther line", 0));
        // Every token's mark agrees with reading the line from it.
        let edge = format!("1 {}É 2 {}Z\n3 x", "a".repeat(252), "b".repeat(253));
        for t in [
            far.as_str(),
            "12 Main St\n4 rue x\r\n5 Élysée 6 ß\u{a0}Ä",
            "a 1 b 2 C 3\n\n9 d",
            edge.as_str(),
        ] {
            for tok in super::super::tokens::tokenize(t) {
                assert_eq!(
                    tok.upper_ahead,
                    super::line_has_upper(t, tok.start),
                    "{t:?} at {}",
                    tok.start
                );
            }
        }
    }
}
