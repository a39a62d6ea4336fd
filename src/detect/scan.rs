//! Small byte-level helpers shared by the hand-written scanners.

/// ASCII letter, digit or underscore.
#[inline]
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The byte before `i`, if any.
#[inline]
pub fn byte_before(text: &[u8], i: usize) -> Option<u8> {
    if i == 0 {
        None
    } else {
        text.get(i - 1).copied()
    }
}

/// The char that ends right before byte `i` (which must be a char boundary).
pub fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// The char that starts at byte `i` (which must be a char boundary).
pub fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// The word (ASCII letters only, lower-cased) that ends right before `i`, skipping
/// separators such as spaces, `:` and `=`. Used for context words like `version 6.1.1.0`.
pub fn word_before(text: &[u8], i: usize, max_gap: usize) -> String {
    let mut j = i;
    let mut gap = 0;
    while j > 0 && gap < max_gap && matches!(text[j - 1], b' ' | b'\t' | b':' | b'=' | b'#') {
        j -= 1;
        gap += 1;
    }
    let end = j;
    while j > 0 && text[j - 1].is_ascii_alphabetic() && end - j < 24 {
        j -= 1;
    }
    text[j..end]
        .iter()
        .map(|b| b.to_ascii_lowercase() as char)
        .collect()
}

/// The position of the first ASCII digit at or after `from`. Eight bytes at a time: most text
/// is letters and spaces, and every numeric detector starts from a digit.
pub fn find_digit(b: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while i + 8 <= b.len() {
        let mut word = [0u8; 8];
        word.copy_from_slice(&b[i..i + 8]);
        // Digits become bytes below 10; `hasless(x, 10)` tests all eight at once.
        let x = u64::from_le_bytes(word) ^ (0x30 * ONES);
        if x.wrapping_sub(10 * ONES) & !x & HIGHS != 0 {
            break;
        }
        i += 8;
    }
    b.get(i..)?
        .iter()
        .position(u8::is_ascii_digit)
        .map(|p| i + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_digit_matches_a_plain_scan() {
        let samples: [&[u8]; 6] = [
            b"",
            b"no digits at all in this line, none",
            b"abcdefgh9",
            b"0",
            "héllo wörld ÿ/:;@ 7 and 8".as_bytes(),
            b"/:/:/:/:/:/:/:/:/:/:/:5",
        ];
        for s in samples {
            for from in 0..=s.len() {
                let want = s[from..]
                    .iter()
                    .position(u8::is_ascii_digit)
                    .map(|p| from + p);
                assert_eq!(find_digit(s, from), want, "{s:?} from {from}");
            }
        }
        let all: Vec<u8> = (0..=255u8).collect();
        for from in 0..all.len() {
            let want = all[from..]
                .iter()
                .position(u8::is_ascii_digit)
                .map(|p| from + p);
            assert_eq!(find_digit(&all, from), want);
        }
    }
}
