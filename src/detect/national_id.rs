//! National identity numbers with a checkable structure:
//! - US Social Security numbers: `123-45-6789` anywhere; `123 45 6789` and `123456789` only
//!   after a context word (SSN, social security). Never-issued ranges are rejected
//!   (area 000, 666, 900-999; group 00; serial 0000).
//! - UK National Insurance numbers: two prefix letters from the allowed set, six digits and
//!   a suffix A-D, solid or spaced in pairs (`AB 12 34 56 C`).
//! - French NIR (numéro de sécurité sociale): sex, year, month, department (Corsica `2A`/`2B`),
//!   commune, order number and a key equal to 97 - (number mod 97).

use super::scan::is_word_byte;
use super::{Category, Detector, Finding};

/// The detector of this module (see the module documentation).
pub struct NationalIdDetector;

const SSN_WORDS: &[&str] = &[
    "ssn",
    "social security",
    "social sec",
    "ss#",
    "ss #",
    "ssn#",
];
const NIR_WORDS: &[&str] = &[
    "nir",
    "insee",
    "sécurité sociale",
    "securite sociale",
    "sécu",
];

impl Detector for NationalIdDetector {
    fn categories(&self) -> &[Category] {
        &[Category::UsSsn, Category::UkNino, Category::FrNir]
    }

    fn detect(&self, text: &str, out: &mut Vec<Finding>) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Prefilter: the next digit or capital letter; every identifier has a digit within
            // three bytes of its start (`AB 12 ...`).
            let Some(next) = super::scan::next_start(bytes, i, 3, &START) else {
                return;
            };
            i = next;
            let b = bytes[i];
            if i > 0 && is_word_byte(bytes[i - 1]) {
                while i < bytes.len() && is_word_byte(bytes[i]) {
                    i += 1;
                }
                continue;
            }
            let found = if b.is_ascii_digit() {
                ssn(bytes, i).or_else(|| nir(bytes, i))
            } else if b.is_ascii_uppercase() {
                nino(bytes, i)
            } else {
                None
            };
            match found {
                Some(f) => {
                    i = f.end;
                    out.push(f);
                }
                None => {
                    // Skip the rest of the token.
                    while i < bytes.len() && is_word_byte(bytes[i]) {
                        i += 1;
                    }
                    i += 1;
                }
            }
        }
    }
}

/// Bytes any of these identifiers can start with: digits and capital letters.
static START: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0usize;
    while b < 256 {
        t[b] = (b as u8).is_ascii_digit() || (b as u8).is_ascii_uppercase();
        b += 1;
    }
    t
};

/// Reads `n` digits at `pos`; returns their value.
fn digits(bytes: &[u8], pos: usize, n: usize) -> Option<u32> {
    let s = bytes.get(pos..pos + n)?;
    if !s.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(s.iter().fold(0, |acc, &d| acc * 10 + u32::from(d - b'0')))
}

/// The value ends at `end`: no word byte and no `-digit` / `.digit` continuation.
fn ends_token(bytes: &[u8], end: usize) -> bool {
    match bytes.get(end) {
        Some(&b) if is_word_byte(b) => false,
        Some(b'-' | b'.' | b'/' | b':') => !bytes.get(end + 1).is_some_and(u8::is_ascii_digit),
        _ => true,
    }
}

/// The value does not continue something to its left (`x-123-45-6789`, `1.123...`).
fn clean_left(bytes: &[u8], s: usize) -> bool {
    match s.checked_sub(1).and_then(|p| bytes.get(p)) {
        Some(b'-' | b'.' | b'/' | b':' | b'+') => !(s >= 2 && bytes[s - 2].is_ascii_alphanumeric()),
        _ => true,
    }
}

/// Whether a context word appears on the same line shortly before `s`.
fn context_before(bytes: &[u8], s: usize, words: &[&str]) -> bool {
    let from = s.saturating_sub(40);
    let window = &bytes[from..s];
    let line = match memchr::memrchr(b'\n', window) {
        Some(p) => &window[p + 1..],
        None => window,
    };
    let lower = String::from_utf8_lossy(line).to_lowercase();
    words.iter().any(|w| {
        lower.match_indices(w).any(|(p, _)| {
            // Whole word on the left, so `classnir` does not count.
            p == 0 || !lower.as_bytes()[p - 1].is_ascii_alphanumeric()
        })
    })
}

fn ssn_ranges_ok(area: u32, group: u32, serial: u32) -> bool {
    area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
}

fn ssn(bytes: &[u8], s: usize) -> Option<Finding> {
    if !clean_left(bytes, s) {
        return None;
    }
    let area = digits(bytes, s, 3)?;
    let sep = *bytes.get(s + 3)?;
    let (group, serial, end, dashed) = if sep == b'-' || sep == b' ' {
        if bytes.get(s + 6) != Some(&sep) {
            return None;
        }
        (
            digits(bytes, s + 4, 2)?,
            digits(bytes, s + 7, 4)?,
            s + 11,
            sep == b'-',
        )
    } else {
        (
            digits(bytes, s + 3, 2)?,
            digits(bytes, s + 5, 4)?,
            s + 9,
            false,
        )
    };
    if !ends_token(bytes, end) || !ssn_ranges_ok(area, group, serial) {
        return None;
    }
    if dashed {
        return Some(Finding::new(
            Category::UsSsn,
            "us_ssn.dashed",
            s,
            end,
            "AAA-GG-SSSS outside never-issued ranges",
        ));
    }
    context_before(bytes, s, SSN_WORDS).then(|| {
        Finding::new(
            Category::UsSsn,
            "us_ssn.context",
            s,
            end,
            "nine digits after an SSN context word",
        )
    })
}

fn nino(bytes: &[u8], s: usize) -> Option<Finding> {
    let a = *bytes.get(s)?;
    let b = *bytes.get(s + 1)?;
    if !a.is_ascii_uppercase() || !b.is_ascii_uppercase() {
        return None;
    }
    if b"DFIQUV".contains(&a) || b"DFIOQUV".contains(&b) {
        return None;
    }
    if matches!(
        &[a, b],
        b"BG" | b"GB" | b"NK" | b"KN" | b"TN" | b"NT" | b"ZZ"
    ) {
        return None;
    }
    let mut pos = s + 2;
    let spaced = bytes.get(pos) == Some(&b' ');
    for _ in 0..3 {
        if spaced {
            if bytes.get(pos) != Some(&b' ') {
                return None;
            }
            pos += 1;
        }
        digits(bytes, pos, 2)?;
        pos += 2;
    }
    if spaced {
        if bytes.get(pos) != Some(&b' ') {
            return None;
        }
        pos += 1;
    }
    let suffix = *bytes.get(pos)?;
    if !matches!(suffix, b'A'..=b'D') {
        return None;
    }
    let end = pos + 1;
    if bytes.get(end).is_some_and(|&b| is_word_byte(b)) {
        return None;
    }
    Some(Finding::new(
        Category::UkNino,
        "uk_nino.format",
        s,
        end,
        "valid prefix letters, six digits, suffix A-D",
    ))
}

/// NIR groups: sex(1) year(2) month(2) department(2) commune(3) order(3) key(2).
const NIR_GROUPS: [usize; 7] = [1, 2, 2, 2, 3, 3, 2];

fn nir(bytes: &[u8], s: usize) -> Option<Finding> {
    if !clean_left(bytes, s) {
        return None;
    }
    // Cheap shape check before reading fifteen characters: sex digit, then a year digit
    // either directly or after one separator.
    if !matches!(bytes.get(s), Some(b'1' | b'2' | b'3' | b'4' | b'7' | b'8')) {
        return None;
    }
    let mut chars = [0u8; 15];
    let mut len = 0;
    let mut pos = s;
    let mut sep: Option<u8> = None;
    for (gi, &glen) in NIR_GROUPS.iter().enumerate() {
        if gi > 0 {
            if gi == 1 {
                if let Some(&c @ (b' ' | b'.' | b'-')) = bytes.get(pos) {
                    sep = Some(c);
                    pos += 1;
                }
            } else if let Some(c) = sep {
                if bytes.get(pos) != Some(&c) {
                    return None;
                }
                pos += 1;
            }
        }
        for _ in 0..glen {
            let c = *bytes.get(pos)?;
            let dept_letter = gi == 3 && len == 6 && matches!(c, b'A' | b'B' | b'a' | b'b');
            if !c.is_ascii_digit() && !dept_letter {
                return None;
            }
            *chars.get_mut(len)? = c.to_ascii_uppercase();
            len += 1;
            pos += 1;
        }
    }
    let end = pos;
    if !ends_token(bytes, end) {
        return None;
    }
    if !matches!(chars[0], b'1' | b'2' | b'3' | b'4' | b'7' | b'8') {
        return None;
    }
    let month = (chars[3] - b'0') * 10 + (chars[4] - b'0');
    if !((1..=12).contains(&month) || (20..=42).contains(&month) || (50..=99).contains(&month)) {
        return None;
    }
    // Corsica: 2A counts as 19, 2B as 18 in the key computation.
    let corsica = match (chars[5], chars[6]) {
        (b'2', b'A') => Some(b"19"),
        (b'2', b'B') => Some(b"18"),
        (_, c) if c.is_ascii_digit() => None,
        _ => return None,
    };
    let mut body = [0u8; 13];
    body.copy_from_slice(&chars[..13]);
    if let Some(r) = corsica {
        body[5] = r[0];
        body[6] = r[1];
    }
    let n = body
        .iter()
        .fold(0u64, |acc, &d| acc * 10 + u64::from(d - b'0'));
    let key = u64::from((chars[13] - b'0') * 10 + (chars[14] - b'0'));
    if key != 97 - (n % 97) {
        return None;
    }
    // Unspaced 15-digit runs collide with other identifiers; the key makes a random hit one
    // in 97, so ask for a context word too unless the value is grouped like a NIR.
    if sep.is_none() && !context_before(bytes, s, NIR_WORDS) {
        return None;
    }
    Some(Finding::new(
        Category::FrNir,
        "fr_nir.key",
        s,
        end,
        "NIR structure and mod-97 key",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(Category, &str)> {
        let mut out = Vec::new();
        NationalIdDetector.detect(text, &mut out);
        out.iter()
            .map(|f| (f.category, &text[f.start..f.end]))
            .collect()
    }

    #[test]
    fn us_ssn() {
        assert_eq!(
            found("Here's my SSN: 460-89-9847."),
            [(Category::UsSsn, "460-89-9847")]
        );
        assert_eq!(
            found("social security number is 123456789"),
            [(Category::UsSsn, "123456789")]
        );
        assert_eq!(found("ssn 123 45 6789"), [(Category::UsSsn, "123 45 6789")]);
    }

    #[test]
    fn us_ssn_traps() {
        assert!(found("ref 123456789 and 123 45 6789").is_empty());
        assert!(found("000-12-3456 666-12-3456 900-12-3456").is_empty());
        assert!(found("123-00-4567 123-45-0000").is_empty());
        assert!(found("2024-01-15 v1-123-45-6789 123-45-6789-1").is_empty());
        assert!(found("phone 555-010-1234").is_empty());
        assert!(found("[US_SSN-1]").is_empty());
    }

    #[test]
    fn uk_nino() {
        assert_eq!(found("NI: AB123456C"), [(Category::UkNino, "AB123456C")]);
        assert_eq!(found("QQ 12 34 56 A"), []);
        assert_eq!(
            found("JG 10 37 67 D."),
            [(Category::UkNino, "JG 10 37 67 D")]
        );
        // Invalid prefixes and suffixes.
        assert!(found("GB123456C BG123456A DA123456A AB123456E").is_empty());
        assert!(found("AB123456CD xAB123456C").is_empty());
    }

    #[test]
    fn fr_nir() {
        // 1 85 05 78 006 084, key 97 - (1850578006084 mod 97).
        let n: u64 = 1_850_578_006_084;
        let key = 97 - n % 97;
        let spaced = format!("NIR 1 85 05 78 006 084 {key:02} end");
        let solid = format!("numéro INSEE: 1850578006084{key:02}");
        assert_eq!(found(&spaced).len(), 1);
        assert_eq!(found(&spaced)[0].0, Category::FrNir);
        assert_eq!(found(&solid).len(), 1);
        // Without a context word the solid form is not enough.
        assert!(found(&format!("ref 1850578006084{key:02}")).is_empty());
        // Wrong key.
        let bad = format!("1 85 05 78 006 084 {:02}", (key % 97) + 1);
        assert!(found(&bad).is_empty());
    }

    #[test]
    fn fr_nir_corsica() {
        // 2 69 05 2A 004 123: 2A counts as 19.
        let n: u64 = 2_690_519_004_123;
        let key = 97 - n % 97;
        let t = format!("2 69 05 2A 004 123 {key:02}");
        assert_eq!(found(&t), [(Category::FrNir, t.as_str())]);
        let n: u64 = 2_690_518_004_123;
        let key = 97 - n % 97;
        let t = format!("2 69 05 2B 004 123 {key:02}");
        assert_eq!(found(&t), [(Category::FrNir, t.as_str())]);
    }
}
