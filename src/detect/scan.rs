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
