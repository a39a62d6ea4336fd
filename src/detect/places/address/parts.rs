//! What joins an anchor: the parts after it (unit, postcode and city, state, country, the
//! next short lines) and the street words or second number before it.

use super::shape::{
    is_house_number, is_name_word, is_postcode_part, lower, skip_line_prefix, unit,
};
use crate::detect::places::tokens::{Kind, Tok};
use crate::detect::places::words::*;

/// One part after a separator: a unit, or up to 6 tokens of city, state, country and
/// postcode words, ending at a comma, a line break or the first token that fits none.
/// Returns the end of the part when it is one.
pub(super) fn part(
    toks: &[Tok],
    k: usize,
    text: &str,
    lower_ok: bool,
    own_line: bool,
) -> Option<usize> {
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
pub(super) fn extend(toks: &[Tok], mut end: usize, text: &str, lower_ok: bool) -> usize {
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
                        && crate::detect::places::gazetteer::lookup(&lower(t, text))
                            .exact
                            .is_some_and(|p| {
                                p.kind == crate::detect::places::gazetteer::Kind::Country
                            })
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
pub(super) fn extend_back(toks: &[Tok], start: usize, text: &str) -> usize {
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
