//! Small byte-level helpers shared by the hand-written scanners.

use crate::vocab::placeholder::placeholder_len;

/// ASCII letter, digit or underscore.
#[inline]
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The end of the last complete placeholder in `b` (0 when there is none).
pub fn after_last_placeholder(b: &[u8]) -> usize {
    let mut i = 0;
    let mut last = 0;
    while let Some(p) = b.get(i..).and_then(|r| memchr::memchr(b'[', r)) {
        let s = i + p;
        match b.get(s..).and_then(placeholder_len) {
            Some(len) => {
                last = s + len;
                i = s + len;
            }
            None => i = s + 1,
        }
    }
    last
}

/// A copy of `b`, lower-cased, with every complete placeholder blanked out with spaces.
pub fn lower_without_placeholders(b: &[u8]) -> Vec<u8> {
    let mut out = b.to_ascii_lowercase();
    let mut i = 0;
    while let Some(p) = b.get(i..).and_then(|r| memchr::memchr(b'[', r)) {
        let s = i + p;
        match b.get(s..).and_then(placeholder_len) {
            Some(len) => {
                if let Some(span) = out.get_mut(s..s + len) {
                    span.fill(b' ');
                }
                i = s + len;
            }
            None => i = s + 1,
        }
    }
    out
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

/// The position of the first ASCII digit at or after `from`. 32 bytes at a time (a loop the
/// compiler turns into vector compares): most text is letters and spaces, and every numeric
/// detector starts from a digit.
pub fn find_digit(b: &[u8], from: usize) -> Option<usize> {
    const CHUNK: usize = 32;
    let mut i = from;
    while let Some(chunk) = b
        .get(i..i + CHUNK)
        .and_then(|c| <&[u8; CHUNK]>::try_from(c).ok())
    {
        let any = chunk
            .iter()
            .fold(false, |a, &c| a | (c.wrapping_sub(b'0') < 10));
        if any {
            break;
        }
        i += CHUNK;
    }
    b.get(i..)?
        .iter()
        .position(u8::is_ascii_digit)
        .map(|p| i + p)
}

/// The next position at or after `from` whose byte is in `start`, for detectors whose values
/// all hold a digit within `lead` bytes of their first byte (`+(555)`, `AB 12 34 56 C`): the
/// digit search skips eight bytes at a time, then the start is looked for just before it.
pub fn next_start(b: &[u8], from: usize, lead: usize, start: &[bool; 256]) -> Option<usize> {
    let d = find_digit(b, from)?;
    let from = from.max(d.saturating_sub(lead));
    b.get(from..)?
        .iter()
        .position(|&c| start[usize::from(c)])
        .map(|p| from + p)
}

/// The start of the line holding `pos`, looking back at most `max_back` bytes: context rules
/// need the line start only nearby, and an unbounded search from every candidate would make
/// one huge line quadratic. Returns `pos - max_back` when no line break is that near.
pub fn line_start_near(b: &[u8], pos: usize, max_back: usize) -> usize {
    let pos = pos.min(b.len());
    let from = pos.saturating_sub(max_back);
    memchr::memrchr(b'\n', &b[from..pos]).map_or(from, |i| from + i + 1)
}

/// A leftmost-longest matcher for `words` written lower-case, Capitalised, UPPER-CASE or
/// Title Case (each also as given): a few dozen literal patterns keep the vectorised searcher that full
/// case folding would lose. Matches report the index of the word in `words` as their pattern
/// id divided by five (see [`cased_word`]).
pub fn cased_matcher(words: &[&str]) -> aho_corasick::AhoCorasick {
    let mut patterns = Vec::with_capacity(words.len() * 5);
    for w in words {
        let lower = w.to_lowercase();
        let upper = w.to_uppercase();
        let mut cap = String::with_capacity(w.len());
        let mut chars = lower.chars();
        if let Some(c) = chars.next() {
            cap.extend(c.to_uppercase());
            cap.push_str(chars.as_str());
        }
        let title: String = lower
            .split(' ')
            .map(|word| {
                let mut cs = word.chars();
                cs.next().map_or_else(String::new, |c| {
                    c.to_uppercase().chain(cs).collect::<String>()
                })
            })
            .collect::<Vec<_>>()
            .join(" ");
        patterns.extend([w.to_string(), lower, cap, upper, title]);
    }
    aho_corasick::AhoCorasickBuilder::new()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(patterns)
        // Constant word lists always build; a matcher that never matches otherwise.
        .or_else(|_| aho_corasick::AhoCorasick::new(["\u{0}never\u{0}"]))
        .unwrap_or_else(|_| std::process::abort())
}

/// The index in the `words` given to [`cased_matcher`] of a match's pattern.
pub fn cased_word(m: &aho_corasick::Match) -> usize {
    m.pattern().as_usize() / 5
}

/// Whether `text[s..e]` stands as a whole word: no ASCII letter, digit or `_` touches it,
/// nor a non-ASCII letter (`é` continues a word too).
pub fn whole_word(text: &str, s: usize, e: usize) -> bool {
    let before = char_before(text, s).is_some_and(|c| c.is_alphanumeric() || c == '_');
    let after = char_at(text, e).is_some_and(|c| c.is_alphanumeric() || c == '_');
    !before && !after
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_start_near_is_bounded() {
        let b = b"ab\ncdef";
        assert_eq!(line_start_near(b, 6, 100), 3);
        assert_eq!(line_start_near(b, 6, 2), 4);
        assert_eq!(line_start_near(b, 2, 100), 0);
    }

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
