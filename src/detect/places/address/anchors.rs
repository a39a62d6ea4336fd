//! The other anchors: PO boxes, military addresses, a unit written before its street, a line
//! followed by a unit line.

use super::shape::{
    dot_after, is_house_number, is_name_word, line_is_lower, lower, skip_line_prefix, unit,
};
use super::street::number_first;
use crate::detect::places::tokens::{Kind, Tok};
use crate::detect::places::words::*;

const MILITARY: Words = Words::new(&["apo", "dpo", "fpo"]);
const POST_BOX: Words = Words::new(&["apartado", "p", "po", "postbox", "postbus", "postfach"]);
const MILITARY_AREAS: Words = Words::new(&["aa", "ae", "ap"]);

/// `PO Box 123`, `P.O. Box 12`, `Postfach 1234`, `Postbus 12`, `Apartado 123`.
pub(super) fn po_box(toks: &[Tok], i: usize, text: &str) -> Option<usize> {
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
pub(super) fn military(toks: &[Tok], i: usize, text: &str) -> Option<(usize, usize)> {
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

/// `Apt. 276 27 Sorlaskeid 32`: a unit written before the street, then a street line.
pub(super) fn unit_then_street(toks: &[Tok], i: usize, text: &str) -> Option<(usize, usize)> {
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
pub(super) fn line_before_unit(toks: &[Tok], i: usize, text: &str) -> Option<usize> {
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
