//! Payment card numbers: 13-19 digits (12 for Maestro after a card word), written plain or in
//! consistent groups separated by single spaces or dashes, that pass Luhn AND start with a
//! real issuer prefix for their length.
//!
//! Luhn alone accepts one random digit run in ten, so the issuer table does most of the
//! precision work; the boundary rules keep HDFS block ids (`blk_-1608999687919862906`) and
//! digit runs inside longer tokens out, and key names (`ts=`, `epoch:`) veto epoch times.

use super::scan::{is_word_byte, word_before};
use super::{Category, Detector, Finding};

/// The detector of this module (see the module documentation).
pub struct CardDetector;

/// Key names that make a digit run a timestamp or an identifier, never a card.
const NOT_CARD_WORDS: &[&str] = &[
    "time",
    "ts",
    "epoch",
    "timestamp",
    "millis",
    "ms",
    "id",
    "blk",
    "block",
    "seq",
    "offset",
    "nonce",
    "pid",
    "tid",
    "uid",
    "gid",
    "order",
    "ticket",
    "case",
    "tracking",
    "imei",
];

/// Words that make a 12-digit Maestro number plausible.
const CARD_WORDS: &[&str] = &[
    "card",
    "cc",
    "credit",
    "debit",
    "maestro",
    "visa",
    "mastercard",
    "pan",
    "payment",
];

impl Detector for CardDetector {
    fn categories(&self) -> &[Category] {
        &[Category::Card]
    }

    fn detect(&self, text: &str, out: &mut Vec<Finding>) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Prefilter: jump to the next digit that starts a token.
            let Some(s) = super::scan::find_digit(bytes, i) else {
                return;
            };
            let run_end = skip_digit_run(bytes, s);
            if !starts_token(bytes, s) {
                i = run_end;
                continue;
            }
            if count_digits(bytes, s) < 12 {
                i = run_end;
                continue;
            }
            if let Some((end, digits)) = best_candidate(bytes, s) {
                if accept(bytes, s, &digits) {
                    out.push(Finding::new(
                        Category::Card,
                        "card.number",
                        s,
                        end,
                        "Luhn check and issuer prefix",
                    ));
                    i = end;
                    continue;
                }
            }
            i = run_end;
        }
    }
}

/// Digits from `s` joined by single spaces or dashes, stopping after 20. No allocation.
fn count_digits(bytes: &[u8], s: usize) -> usize {
    let mut n = 0;
    let mut e = s;
    while let Some(&b) = bytes.get(e) {
        if b.is_ascii_digit() {
            n += 1;
            if n > 20 {
                break;
            }
        } else if !(matches!(b, b' ' | b'-') && bytes.get(e + 1).is_some_and(u8::is_ascii_digit)) {
            break;
        }
        e += 1;
    }
    n
}

/// End of the digit run starting at `s`.
fn skip_digit_run(bytes: &[u8], s: usize) -> usize {
    let mut e = s;
    while e < bytes.len() && bytes[e].is_ascii_digit() {
        e += 1;
    }
    e.max(s + 1)
}

fn starts_token(bytes: &[u8], s: usize) -> bool {
    if s == 0 {
        return true;
    }
    let b = bytes[s - 1];
    if is_word_byte(b) || b == b'.' || b == b'+' || b == b'/' {
        return false;
    }
    // `4111…:4111…`: a card-length run before the colon is not a card because this one
    // continues it (see `best_candidate`), so this one is not a card either; otherwise
    // replacing this one would make the run before a card on a second run.
    if b == b':' {
        let run = bytes[..s - 1]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if run >= 12 {
            return false;
        }
    }
    if b == b'-' {
        // `blk_-123...`, `x-123...` are parts of something longer.
        return !(s >= 2 && (is_word_byte(bytes[s - 2]) || bytes[s - 2] == b'-'));
    }
    if b == b' ' {
        // `12 3456...`: a short bare number right before is a group of something longer;
        // a whole number of card length is not (`4012888888881881 4012-8888-8888-1881`).
        let head = &bytes[..s - 1];
        let tok = head
            .iter()
            .rev()
            .take_while(|&&c| !c.is_ascii_whitespace())
            .count();
        let prev = &head[head.len() - tok..];
        return !(tok > 0 && tok < 12 && prev.iter().all(u8::is_ascii_digit));
    }
    true
}

/// Groups digits from `s` with one consistent separator, and returns the longest prefix
/// ending at a group boundary that has a valid card layout, with its digits.
fn best_candidate(bytes: &[u8], s: usize) -> Option<(usize, Vec<u8>)> {
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut sep: Option<u8> = None;
    let mut pos = s;
    let mut total = 0;
    loop {
        let gs = pos;
        while pos < bytes.len() && bytes[pos].is_ascii_digit() {
            pos += 1;
        }
        if pos == gs {
            break;
        }
        total += pos - gs;
        groups.push((gs, pos));
        if total > 19 {
            break;
        }
        match bytes.get(pos) {
            Some(&b @ (b' ' | b'-')) if bytes.get(pos + 1).is_some_and(u8::is_ascii_digit) => {
                if sep.is_some_and(|x| x != b) {
                    break;
                }
                sep = Some(b);
                pos += 1;
            }
            _ => break,
        }
    }
    // Try the whole run first, then shorter group prefixes.
    for n in (1..=groups.len()).rev() {
        let g = &groups[..n];
        let end = g[n - 1].1;
        let digits: Vec<u8> = g
            .iter()
            .flat_map(|&(a, b)| bytes[a..b].iter().map(|d| d - b'0'))
            .collect();
        if !(12..=19).contains(&digits.len()) {
            continue;
        }
        // The token must end here: not a letter or digit run glued on, not `-123`.
        match bytes.get(end) {
            Some(&b) if is_word_byte(b) => continue,
            Some(b'-' | b'.' | b':') if bytes.get(end + 1).is_some_and(u8::is_ascii_digit) => {
                continue
            }
            _ => {}
        }
        if n > 1 && !layout_ok(g) {
            continue;
        }
        return Some((end, digits));
    }
    None
}

/// Grouped numbers use the layouts printed on cards: fours (last group shorter), or
/// 4-6-5 / 4-6-4 for Amex and Diners.
fn layout_ok(groups: &[(usize, usize)]) -> bool {
    let lens: Vec<usize> = groups.iter().map(|&(a, b)| b - a).collect();
    let fours = lens.len() >= 3
        && lens[..lens.len() - 1].iter().all(|&l| l == 4)
        && lens.last().is_some_and(|&l| (1..=4).contains(&l));
    fours || lens == [4, 6, 5] || lens == [4, 6, 4]
}

fn accept(bytes: &[u8], s: usize, digits: &[u8]) -> bool {
    if !luhn(digits) || !issuer_ok(digits) {
        return false;
    }
    let word = word_before(bytes, s, 3);
    if NOT_CARD_WORDS.contains(&word.as_str()) {
        return false;
    }
    if digits.len() == 12 {
        return has_card_word(bytes, s);
    }
    true
}

fn has_card_word(bytes: &[u8], s: usize) -> bool {
    let from = s.saturating_sub(48);
    let window = &bytes[from..s];
    let line_start = memchr::memrchr(b'\n', window).map_or(0, |p| p + 1);
    let lower: Vec<u8> = window[line_start..].to_ascii_lowercase();
    lower
        .split(|b| !b.is_ascii_alphabetic())
        .any(|w| CARD_WORDS.iter().any(|c| c.as_bytes() == w))
}

/// Luhn mod-10 check over decimal digit values.
pub(crate) fn luhn(digits: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, &d) in digits.iter().rev().enumerate() {
        let mut v = u32::from(d);
        if i % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    sum % 10 == 0
}

fn prefix(digits: &[u8], n: usize) -> u32 {
    digits
        .iter()
        .take(n)
        .fold(0u32, |acc, &d| acc * 10 + u32::from(d))
}

/// Issuer identification ranges and the lengths each issuer uses.
fn issuer_ok(d: &[u8]) -> bool {
    let len = d.len();
    let p1 = prefix(d, 1);
    let p2 = prefix(d, 2);
    let p3 = prefix(d, 3);
    let p4 = prefix(d, 4);
    let p6 = prefix(d, 6);
    // Visa
    (p1 == 4 && matches!(len, 13 | 16 | 19))
        // Mastercard (51-55, 2221-2720) and Mir (2200-2204)
        || ((51..=55).contains(&p2) && len == 16)
        || ((2221..=2720).contains(&p4) && len == 16)
        || ((2200..=2204).contains(&p4) && (16..=19).contains(&len))
        // American Express
        || ((p2 == 34 || p2 == 37) && len == 15)
        // Diners Club
        || (((300..=305).contains(&p3) || p3 == 309 || p2 == 36 || p2 == 38 || p2 == 39)
            && (14..=19).contains(&len))
        // JCB: 3528-3589 is assigned, but generators and common validators accept the
        // whole `35` block (`35\d{3}`), as do some co-branded ranges; plus the old
        // 15-digit 1800/2131 ranges.
        || (p2 == 35 && (16..=19).contains(&len))
        || ((p4 == 1800 || p4 == 2131) && len == 15)
        // Discover
        || ((p4 == 6011 || p2 == 65 || (644..=649).contains(&p3)
            || (622_126..=622_925).contains(&p6))
            && (16..=19).contains(&len))
        // UnionPay
        || (p2 == 62 && (16..=19).contains(&len))
        // Maestro (12-19 digits)
        || ((p2 == 50 || (56..=69).contains(&p2)) && (12..=19).contains(&len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        CardDetector.detect(text, &mut out);
        out.iter().map(|f| &text[f.start..f.end]).collect()
    }

    #[test]
    fn regression_issue_7_card_runs_joined_by_a_colon() {
        // The first run is continued by `:6…` and so not a card; the second must not be one
        // either, or replacing it makes the first a card on a second run.
        assert!(found(":666666666113264:66666666611326434\u{1c}4").is_empty());
        assert!(found("4111111111111111:4111111111111111").is_empty());
        // A short number before the colon does not make it one token.
        assert_eq!(found("12:4111111111111111"), ["4111111111111111"]);
        assert_eq!(found("card:4111111111111111"), ["4111111111111111"]);
    }

    #[test]
    fn plain_and_grouped_cards() {
        assert_eq!(found("card 4111111111111111 ok"), ["4111111111111111"]);
        assert_eq!(found("4111 1111 1111 1111."), ["4111 1111 1111 1111"]);
        assert_eq!(found("(4111-1111-1111-1111)"), ["4111-1111-1111-1111"]);
        assert_eq!(found("amex 3782 822463 10005"), ["3782 822463 10005"]);
        assert_eq!(
            found("mc 5555555555554444, jcb 3530111333300000"),
            ["5555555555554444", "3530111333300000"]
        );
        assert_eq!(found("diners 30569309025904"), ["30569309025904"]);
        assert_eq!(found("mc2 2223003122003222"), ["2223003122003222"]);
        assert_eq!(found("visa13 4222222222222"), ["4222222222222"]);
        assert_eq!(found("disc 6011111111111117"), ["6011111111111117"]);
    }

    #[test]
    fn maestro_12_needs_card_word() {
        assert_eq!(
            found("What is the limit for card 501864667909?"),
            ["501864667909"]
        );
        assert!(found("ref 501864667909 done").is_empty());
    }

    #[test]
    fn not_cards() {
        // Luhn-invalid.
        assert!(found("4111111111111112").is_empty());
        // Luhn-valid but no issuer (prefix 1, 9, 7).
        assert!(found("1234567812345670").is_empty());
        assert!(found("7992739871300000").is_empty());
        // HDFS block ids.
        assert!(found("blk_-1608999687919862906 blk_7503483334202473044").is_empty());
        assert!(found("Receiving block blk_-4111111111111111 src").is_empty());
        // Part of longer runs.
        assert!(found("x41111111111111111111111").is_empty());
        assert!(found("order 4111111111111111-22").is_empty());
        assert!(found("v1.4111111111111111").is_empty());
        // Key names.
        assert!(found("ts=4111111111111111").is_empty());
        // Inconsistent grouping.
        assert!(found("4111 1111-1111 1111").is_empty());
        assert!(found("41 11 11 11 11 11 11 11").is_empty());
        // Placeholders.
        assert!(found("[CARD-1] [CARD]").is_empty());
    }

    #[test]
    fn luhn_known_values() {
        assert!(luhn(&[7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 3]));
        assert!(!luhn(&[7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 4]));
    }
}
