//! Street addresses as one finding each: an anchor (house number and street, a PO box, a
//! military address, or any value after an address cue such as `Address:` or `ship it to`),
//! then every part that follows it on the same line or the next short lines: units (`Apt 12B`,
//! `Stiege 2, Tür 5`, `3º izquierda`), postcode and city, state, country.
//!
//! A postcode alone is only an address after a postcode word (`zip code is 35649`).

use crate::detect::places::tokens::{Kind, Tok};
use crate::detect::places::words::*;
use anchors::{line_before_unit, military, po_box, unit_then_street};
use cues::{after_cue, cued, postcode_after_word};
use parts::{extend, extend_back};
use shape::line_is_lower;
use street::{number_first, number_name_number, street_first};

mod anchors;
mod cues;
mod parts;
mod shape;
mod street;
#[cfg(test)]
mod tests;

/// An address found: token range `[start, end)`, and the rule that anchored it.
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub rule: &'static str,
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
