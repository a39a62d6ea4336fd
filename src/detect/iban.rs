//! IBANs: country code, two check digits and the national BBAN, written solid or in groups
//! of four separated by single spaces, with the length the country registered and a valid
//! ISO 7064 mod-97 check. The length table and the checksum make false positives negligible.

use super::scan::is_word_byte;
use super::{Category, Detector, Finding};

/// The detector of this module (see the module documentation).
pub struct IbanDetector;

/// IBAN length per country (SWIFT IBAN registry).
const LENGTHS: &[(&[u8; 2], usize)] = &[
    (b"AD", 24),
    (b"AE", 23),
    (b"AL", 28),
    (b"AT", 20),
    (b"AZ", 28),
    (b"BA", 20),
    (b"BE", 16),
    (b"BG", 22),
    (b"BH", 22),
    (b"BI", 27),
    (b"BR", 29),
    (b"BY", 28),
    (b"CH", 21),
    (b"CR", 22),
    (b"CY", 28),
    (b"CZ", 24),
    (b"DE", 22),
    (b"DJ", 27),
    (b"DK", 18),
    (b"DO", 28),
    (b"EE", 20),
    (b"EG", 29),
    (b"ES", 24),
    (b"FI", 18),
    (b"FK", 18),
    (b"FO", 18),
    (b"FR", 27),
    (b"GB", 22),
    (b"GE", 22),
    (b"GI", 23),
    (b"GL", 18),
    (b"GR", 27),
    (b"GT", 28),
    (b"HR", 21),
    (b"HU", 28),
    (b"IE", 22),
    (b"IL", 23),
    (b"IQ", 23),
    (b"IS", 26),
    (b"IT", 27),
    (b"JO", 30),
    (b"KW", 30),
    (b"KZ", 20),
    (b"LB", 28),
    (b"LC", 32),
    (b"LI", 21),
    (b"LT", 20),
    (b"LU", 20),
    (b"LV", 21),
    (b"LY", 25),
    (b"MC", 27),
    (b"MD", 24),
    (b"ME", 22),
    (b"MK", 19),
    (b"MN", 20),
    (b"MR", 27),
    (b"MT", 31),
    (b"MU", 30),
    (b"NI", 28),
    (b"NL", 18),
    (b"NO", 15),
    (b"OM", 23),
    (b"PK", 24),
    (b"PL", 28),
    (b"PS", 29),
    (b"PT", 25),
    (b"QA", 29),
    (b"RO", 24),
    (b"RS", 22),
    (b"RU", 33),
    (b"SA", 24),
    (b"SC", 31),
    (b"SD", 18),
    (b"SE", 24),
    (b"SI", 19),
    (b"SK", 24),
    (b"SM", 27),
    (b"SO", 23),
    (b"ST", 25),
    (b"SV", 28),
    (b"TL", 23),
    (b"TN", 24),
    (b"TR", 26),
    (b"UA", 29),
    (b"VA", 22),
    (b"VG", 24),
    (b"XK", 20),
];

fn country_length(cc: [u8; 2]) -> Option<usize> {
    let cc = cc.map(|b| b.to_ascii_uppercase());
    LENGTHS.iter().find(|(c, _)| **c == cc).map(|&(_, l)| l)
}

impl Detector for IbanDetector {
    fn categories(&self) -> &[Category] {
        &[Category::Iban]
    }

    fn detect(&self, text: &str, out: &mut Vec<Finding>) {
        let bytes = text.as_bytes();
        let mut j = 0;
        // Prefilter: jump digit to digit; an IBAN is two letters at a word start, then the
        // first of two check digits.
        while let Some(d) = super::scan::find_digit(bytes, j) {
            j = d + 1;
            let Some(i) = d.checked_sub(2) else {
                continue;
            };
            if !(bytes[i].is_ascii_alphabetic()
                && bytes[i + 1].is_ascii_alphabetic()
                && bytes.get(d + 1).is_some_and(u8::is_ascii_digit))
                || (i > 0 && is_word_byte(bytes[i - 1]))
            {
                // Skip the rest of this digit run.
                while j < bytes.len() && bytes[j].is_ascii_digit() {
                    j += 1;
                }
                continue;
            }
            if let Some(end) = match_iban(bytes, i) {
                out.push(Finding::new(
                    Category::Iban,
                    "iban.mod97",
                    i,
                    end,
                    "country length and mod-97 check",
                ));
                j = end;
            }
        }
    }
}

/// Matches an IBAN starting at `s`; returns its end.
fn match_iban(bytes: &[u8], s: usize) -> Option<usize> {
    let len = country_length([bytes[s], bytes[s + 1]])?;
    // The case must be consistent: `GB82WEST...` or `gb82west...`, not prose.
    let upper = bytes[s].is_ascii_uppercase();
    let mut chars: Vec<u8> = Vec::with_capacity(len);
    let mut pos = s;
    let mut grouped = None;
    // One separator between groups of four: a space or a dash (`AL47-2121-1009-...`).
    let mut sep: Option<u8> = None;
    while chars.len() < len {
        let b = *bytes.get(pos)?;
        if b.is_ascii_alphanumeric() {
            if b.is_ascii_alphabetic() && b.is_ascii_uppercase() != upper {
                return None;
            }
            chars.push(b.to_ascii_uppercase());
            pos += 1;
        } else if matches!(b, b' ' | b'-')
            && sep.map_or(true, |x| x == b)
            && chars.len() % 4 == 0
            && !chars.is_empty()
        {
            sep = Some(b);
            // Spaces only between groups of four, and then between all of them.
            match grouped {
                None if chars.len() == 4 => grouped = Some(true),
                Some(true) => {}
                _ => return None,
            }
            pos += 1;
        } else {
            return None;
        }
        if grouped.is_none() && chars.len() > 4 {
            grouped = Some(false);
        }
    }
    if bytes.get(pos).is_some_and(|&b| is_word_byte(b)) {
        return None;
    }
    // A grouped IBAN must not continue with another group.
    if grouped == Some(true)
        && bytes.get(pos).is_some_and(|&b| Some(b) == sep)
        && bytes.get(pos + 1).is_some_and(u8::is_ascii_alphanumeric)
        && bytes
            .get(pos + 1..pos + 5)
            .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
    {
        return None;
    }
    if !chars[2..4].iter().all(u8::is_ascii_digit) || !mod97_ok(&chars) {
        return None;
    }
    Some(pos)
}

/// ISO 13616 check: move the first four characters to the end, letters become 10..35,
/// and the number must be 1 mod 97.
fn mod97_ok(chars: &[u8]) -> bool {
    let mut rem: u32 = 0;
    for &c in chars[4..].iter().chain(&chars[..4]) {
        if c.is_ascii_digit() {
            rem = (rem * 10 + u32::from(c - b'0')) % 97;
        } else {
            rem = (rem * 100 + u32::from(c - b'A') + 10) % 97;
        }
    }
    rem == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        IbanDetector.detect(text, &mut out);
        out.iter().map(|f| &text[f.start..f.end]).collect()
    }

    #[test]
    fn solid_and_grouped() {
        assert_eq!(
            found("iban GB82WEST12345698765432."),
            ["GB82WEST12345698765432"]
        );
        assert_eq!(
            found("IBAN: GB82 WEST 1234 5698 7654 32 thanks"),
            ["GB82 WEST 1234 5698 7654 32"]
        );
        assert_eq!(found("DE89370400440532013000"), ["DE89370400440532013000"]);
        assert_eq!(
            found("FR14 2004 1010 0505 0001 3M02 606"),
            ["FR14 2004 1010 0505 0001 3M02 606"]
        );
        assert_eq!(found("NO9386011117947"), ["NO9386011117947"]);
        assert_eq!(found("gb82west12345698765432"), ["gb82west12345698765432"]);
    }

    #[test]
    fn not_ibans() {
        // Bad check digits.
        assert!(found("GB83WEST12345698765432").is_empty());
        // Wrong length for the country.
        assert!(found("DE8937040044053201300").is_empty());
        assert!(found("DE893704004405320130001").is_empty());
        // Unknown country, inside a word, mixed case.
        assert!(found("ZZ82WEST12345698765432").is_empty());
        assert!(found("xGB82WEST12345698765432").is_empty());
        assert!(found("GB82West12345698765432").is_empty());
        // Irregular grouping.
        assert!(found("GB82 WEST12 345698765432").is_empty());
        assert!(found("[IBAN-1] [IBAN]").is_empty());
    }
}
