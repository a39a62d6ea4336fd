//! MAC addresses: six hex pairs joined by `:` or `-` (one separator throughout), or Cisco's
//! three dotted groups of four (`00a2.ee1a.718c`). Exactly six pairs with nothing hex-ish
//! glued on either side, so IPv6 addresses (eight groups, `::`), times (three groups) and
//! longer colon runs (fingerprints) stay out. All-zero and broadcast addresses are still
//! MAC addresses and are reported.

use super::scan::is_word_byte;
use super::{Category, Detector, Finding};

/// The detector of this module (see the module documentation).
pub struct MacDetector;

impl Detector for MacDetector {
    fn categories(&self) -> &[Category] {
        &[Category::Mac]
    }

    fn detect(&self, text: &str, out: &mut Vec<Finding>) {
        let bytes = text.as_bytes();
        let mut i = 0;
        // Prefilter: every form has a `:`, `-` or `.` after its first group.
        while let Some(p) = memchr::memchr3(b':', b'-', b'.', &bytes[i..]) {
            let sep = i + p;
            i = sep + 1;
            let glen = if bytes[sep] == b'.' { 4 } else { 2 };
            let Some(s) = sep.checked_sub(glen) else {
                continue;
            };
            if !bytes[s..sep].iter().all(u8::is_ascii_hexdigit) || !clean_left(bytes, s) {
                continue;
            }
            let found = if glen == 2 {
                colon_or_dash(bytes, s, bytes[sep])
            } else {
                dotted(bytes, s)
            };
            if let Some(end) = found {
                i = end;
                // The broadcast and the all-zero address name no device (and no person).
                let digits = bytes[s..end].iter().filter(|c| c.is_ascii_hexdigit());
                let mut digits = digits.map(u8::to_ascii_lowercase);
                let first = digits.next();
                if matches!(first, Some(b'f' | b'0')) && digits.all(|d| Some(d) == first) {
                    continue;
                }
                out.push(Finding::new(
                    Category::Mac,
                    "mac.address",
                    s,
                    end,
                    "six hex octets in a MAC layout",
                ));
            }
        }
    }
}

fn clean_left(bytes: &[u8], s: usize) -> bool {
    match s.checked_sub(1).and_then(|p| bytes.get(p)) {
        Some(&b) if is_word_byte(b) => false,
        // `x:00:11:...` or `::00:11...` is part of a longer colon run.
        Some(b':' | b'-' | b'.') => false,
        _ => true,
    }
}

fn clean_right(bytes: &[u8], end: usize, sep: u8) -> bool {
    match bytes.get(end) {
        Some(&b) if is_word_byte(b) => false,
        Some(&b) if b == sep || b == b':' => !bytes.get(end + 1).is_some_and(u8::is_ascii_hexdigit),
        _ => true,
    }
}

fn colon_or_dash(bytes: &[u8], s: usize, sep: u8) -> Option<usize> {
    let mut pos = s;
    for g in 0..6 {
        let pair = bytes.get(pos..pos + 2)?;
        if !pair.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        pos += 2;
        if g < 5 {
            if bytes.get(pos) != Some(&sep) {
                return None;
            }
            pos += 1;
        }
    }
    clean_right(bytes, pos, sep).then_some(pos)
}

fn dotted(bytes: &[u8], s: usize) -> Option<usize> {
    let mut pos = s;
    let mut letters = false;
    for g in 0..3 {
        let quad = bytes.get(pos..pos + 4)?;
        if !quad.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        letters |= quad.iter().any(u8::is_ascii_alphabetic);
        pos += 4;
        if g < 2 {
            if bytes.get(pos) != Some(&b'.') {
                return None;
            }
            pos += 1;
        }
    }
    // `2024.0115.1030` style numbers are not MACs; Cisco prints lower-case hex, and a MAC
    // without any letter in twelve hex digits is rare enough to leave out.
    (letters && clean_right(bytes, pos, b'.')).then_some(pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        MacDetector.detect(text, &mut out);
        out.iter().map(|f| &text[f.start..f.end]).collect()
    }

    #[test]
    fn mac_forms() {
        assert_eq!(found("hw 00:a2:ee:1a:71:8c up"), ["00:a2:ee:1a:71:8c"]);
        assert_eq!(found("(00-A2-EE-1A-71-8C)"), ["00-A2-EE-1A-71-8C"]);
        assert_eq!(found("mac=00a2.ee1a.718c,"), ["00a2.ee1a.718c"]);
        // The all-zero and broadcast addresses name no device (issue 13).
        assert!(found("00:00:00:00:00:00 and FF:FF:FF:FF:FF:FF, ff-ff-ff-ff-ff-ff.").is_empty());
        assert_eq!(found("00:00:00:00:00:01"), ["00:00:00:00:00:01"]);
        assert_eq!(
            found("ether 08:00:27:4e:66:a1/ether"),
            ["08:00:27:4e:66:a1"]
        );
    }

    #[test]
    fn not_macs() {
        assert!(found("fe80::a2:ee:1a:71:8c:1").is_empty());
        assert!(found("2001:db8:0:0:a2:ee:1a:71").is_empty());
        assert!(found("at 12:34:56 and 2024-01-15 10:20:30").is_empty());
        assert!(found("fp 00:a2:ee:1a:71:8c:11:22:33").is_empty());
        assert!(found("00:a2-ee:1a:71:8c").is_empty());
        assert!(found("x00:a2:ee:1a:71:8c").is_empty());
        assert!(found("v 2024.0115.1030 and 1.2.3.4").is_empty());
        assert!(found("[MAC-1] [MAC]").is_empty());
    }
}
