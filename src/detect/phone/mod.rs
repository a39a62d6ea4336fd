//! Phone numbers: international (`+44 20 7946 0958`, `+1-202-555-0173`, `+46 (0)8 928 571 38`)
//! and national formats with spaces, dots, dashes, parentheses and extensions
//! (`(555) 010-1234 x204`, `555.010.1234`, `020 7946 0958`, `06 12 34 56 78`).
//!
//! The scanner reads a run of digit groups with their separators, then classifies it:
//! - strong shapes fire alone: a leading `+` (E.164), the North American 3-3-4 layouts,
//!   a trunk `0` followed by grouped digits, the French dotted pairs;
//! - weaker shapes (short grouped runs, a bare run of 7-11 digits) need a context word
//!   (`phone`, `tel`, `call`, `mobile`, `fax`, ...) just before, or a label like `office`
//!   or `fax` just after.
//!
//! Dates, IP addresses, versions, epoch times, long digit runs and pieces of UUIDs or other
//! tokens are rejected by shape before any context is considered.
//!
//! The value itself never spans a line, but its context may: a number alone on its line takes
//! the label of the line above (`Phone:\n555 0101`), as in exported contact cards. A stream
//! segment boundary between those two lines loses that context for weak shapes.

use super::scan::is_word_byte;
use super::{Category, Detector, Finding};
use context::{context, street_follows, Context};
use run::{parse_run, quick_scan, skip_run, skip_token, starts_token, Run, START};
use shape::{looks_like_date, looks_like_time_or_version, strength, Strength};

mod context;
mod run;
mod shape;
#[cfg(test)]
pub(crate) mod tests;
mod words;

/// The detector of this module (see the module documentation).
pub struct PhoneDetector;

impl Detector for PhoneDetector {
    fn categories(&self) -> &[Category] {
        &[Category::Phone]
    }

    fn detect(&self, text: &str, out: &mut Vec<Finding>) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Prefilter: the next digit, `+` or `(`; every number has a digit within two bytes
            // of its start (`+(`, `(`, `+`).
            let Some(s) = super::scan::next_start(bytes, i, 2, &START) else {
                return;
            };
            if !starts_token(bytes, s) {
                i = skip_token(bytes, s);
                continue;
            }
            // Cheap bound before any parsing: most digit runs in logs are short counters.
            let (n, qend) = quick_scan(bytes, s);
            if !(6..=16).contains(&n) {
                i = qend.max(s + 1);
                continue;
            }
            match parse_run(bytes, s) {
                Some(run) => {
                    if let Some(f) = classify(bytes, s, &run) {
                        i = f.end;
                        out.push(f);
                    } else {
                        i = run.end.max(s + 1);
                    }
                }
                None => i = skip_run(bytes, s),
            }
        }
    }
}

fn classify(bytes: &[u8], s: usize, run: &Run) -> Option<Finding> {
    let n = run.digits.len();
    let end = run.ext_end.unwrap_or(run.end);
    // The run must end here: not glued to letters, not continued by `.5`, `-7`, `:30`.
    match bytes.get(run.end) {
        Some(&b) if is_word_byte(b) && run.ext_end.is_none() => return None,
        Some(b'.' | b'-' | b'/' | b':' | b',')
            if bytes.get(run.end + 1).is_some_and(u8::is_ascii_digit) && run.ext_end.is_none() =>
        {
            return None
        }
        _ => {}
    }
    if !(6..=15).contains(&n) || looks_like_date(run) || looks_like_time_or_version(bytes, run) {
        return None;
    }
    let strength = strength(run)?;
    let ctx = context(bytes, s, end);
    // A house number and a street name, not a phone number (`03262 2437 Main St`).
    if !run.plus
        && (strength != Strength::Strong || run.digits.first() == Some(&b'0'))
        && street_follows(bytes, end)
    {
        return None;
    }
    let ok = match strength {
        // An explicit international number outweighs a far identifier word.
        Strength::Strong => ctx != Context::Veto && (run.plus || ctx != Context::FarVeto),
        Strength::Weak => {
            matches!(ctx, Context::Phone | Context::StrongPhone) && n >= 7
                || ctx == Context::StrongPhone && n == 6 && run.groups.len() >= 3
        }
        Strength::Bare => ctx == Context::StrongPhone,
    };
    if !ok {
        return None;
    }
    let (rule, reason) = match strength {
        Strength::Strong if run.plus => ("phone.international", "international number shape"),
        Strength::Strong => ("phone.national", "national number layout"),
        _ => ("phone.context", "digit groups after a phone context word"),
    };
    Some(Finding::new(Category::Phone, rule, s, end, reason))
}
