//! Token tests the rules share: a house number, a street-name word, a unit, a postcode part,
//! a lower-case line, a line prefix.

use crate::detect::places::tokens::{Kind, Tok};
use crate::detect::places::words::*;

pub(super) fn lower(t: &Tok, text: &str) -> String {
    t.text(text).to_lowercase()
}

/// A house number: 1 to 5 digits, maybe a letter (`12B`, `3a`).
pub(super) fn is_house_number(t: &Tok, text: &str) -> bool {
    let d = t.digits(text);
    t.kind == Kind::Num && (1..=5).contains(&d) && t.end - t.start <= d + 2
}

/// Whether token `i` ends right where the next begins with a `.` (`St.`, `Str.`).
pub(super) fn dot_after(toks: &[Tok], i: usize, text: &str) -> bool {
    toks.get(i + 1)
        .is_some_and(|t| t.is_punct(text, b'.') && !t.space_before)
}

/// A word of a street name: capitalised, a connector (`de la`, `van der`), or, in a lower-case
/// text, any word that is not a stop word.
pub(super) fn is_name_word(t: &Tok, text: &str, lower_ok: bool) -> bool {
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

pub(super) fn is_compound_street(w: &str) -> bool {
    COMPOUND_STREET
        .iter()
        .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
}

/// A line start: skips quote marks and bullets (`> `, `??? `, `- `).
pub(super) fn skip_line_prefix(toks: &[Tok], mut k: usize, text: &str) -> usize {
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
pub(super) fn unit(toks: &[Tok], k: usize, text: &str) -> Option<usize> {
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
pub(super) fn is_postcode_part(t: &Tok, text: &str) -> bool {
    let d = t.digits(text);
    let len = t.end - t.start;
    t.kind == Kind::Num && (((3..=5).contains(&d) && len <= d + 1) || len <= 4)
}

/// Whether the line holding token `i` has no upper-case letter (`16 salontie 6`).
pub(super) fn line_is_lower(toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    !t.upper_ahead
}
