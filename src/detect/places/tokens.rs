//! The word view both place rules read: one pass over the text into words, numbers,
//! punctuation and line breaks, with byte spans.

use super::words::Words;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters, with inner `-`, `'` or `’` (`Saint-Priest`, `d'Italie`).
    Word,
    /// ASCII digits, with letters glued after them (`12B`, `3a`).
    Num,
    /// One other character.
    Punct,
    /// A line break.
    Newline,
}

#[derive(Clone, Copy, Debug)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// A space or tab comes right before this token.
    pub space_before: bool,
    /// The line holds an upper-case letter from this token's start on, within
    /// [`LINE_LOOK`] bytes (see [`tokenize`]).
    pub upper_ahead: bool,
}

/// How far a line is read for a capital from a token: an address line is short, and reading
/// a whole line for every number on it would make a long single-line input quadratic.
pub const LINE_LOOK: usize = 256;

/// The first upper-case letter of `text[s..e]`, as its byte span.
fn first_upper(text: &str, s: usize, e: usize) -> Option<(usize, usize)> {
    let part = text.get(s..e)?;
    if part.is_ascii() {
        let p = part.bytes().position(|b| b.is_ascii_uppercase())?;
        return Some((s + p, s + p + 1));
    }
    part.char_indices()
        .find(|(_, c)| c.is_uppercase())
        .map(|(p, c)| (s + p, s + p + c.len_utf8()))
}

/// Sets [`Tok::upper_ahead`]: one pass from the end, remembering the first capital ahead on
/// the line (a capital counts when it ends within `LINE_LOOK` bytes of the token's start).
fn mark_upper_ahead(text: &str, toks: &mut [Tok]) {
    let mut next: Option<usize> = None;
    for t in toks.iter_mut().rev() {
        if t.kind == Kind::Newline {
            next = None;
            t.upper_ahead = false;
            continue;
        }
        if let Some((_, end)) = first_upper(text, t.start, t.end) {
            next = Some(end);
        }
        t.upper_ahead = next.is_some_and(|end| end <= t.start + LINE_LOOK);
    }
}

impl Tok {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// First letter upper case (`Berlin`, `GRADISCH`, `Évry`).
    pub fn is_cap(&self, text: &str) -> bool {
        self.kind == Kind::Word
            && self
                .text(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// Upper case letters only (`OH`, `DPO`).
    pub fn is_upper(&self, text: &str) -> bool {
        self.kind == Kind::Word && self.text(text).chars().all(char::is_uppercase)
    }

    pub fn is_punct(&self, text: &str, c: u8) -> bool {
        self.kind == Kind::Punct && text.as_bytes().get(self.start) == Some(&c)
    }

    /// Whether the lower-cased text is one of `list` (lower-case entries, sorted by bytes: a
    /// unit test checks every list). No allocation for ASCII words, which most are.
    pub fn is_in(&self, text: &str, list: &Words) -> bool {
        let s = self.text(text);
        if s.len() > 24 {
            return false;
        }
        if s.is_ascii() {
            let mut buf = [0u8; 24];
            for (d, b) in buf.iter_mut().zip(s.bytes()) {
                *d = b.to_ascii_lowercase();
            }
            list.contains_bytes(buf.get(..s.len()).unwrap_or_default())
        } else {
            list.contains(&s.to_lowercase())
        }
    }

    /// Number of leading ASCII digits.
    pub fn digits(&self, text: &str) -> usize {
        self.text(text)
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count()
    }
}

/// The char starting at byte `i` of `text`.
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|r| r.chars().next())
}

/// Whether a letter starts at byte `i`.
fn letter_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        Some(b) if b.is_ascii() => b.is_ascii_alphabetic(),
        Some(_) => char_at(text, i).is_some_and(char::is_alphabetic),
        None => false,
    }
}

/// Splits `text` into tokens. Spaces, tabs and carriage returns separate tokens. ASCII
/// bytes, most of any log, are classified without decoding a char.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 5);
    let mut space = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let (kind, end) = if c.is_ascii() {
            match c {
                b' ' | b'\t' | b'\r' => {
                    space = true;
                    i += 1;
                    continue;
                }
                b'\n' => (Kind::Newline, i + 1),
                b'0'..=b'9' => {
                    let mut j = i + 1;
                    while j < b.len()
                        && (b[j].is_ascii_alphanumeric()
                            || (!b[j].is_ascii() && letter_at(text, j)))
                    {
                        j += char_at(text, j).map_or(1, char::len_utf8);
                    }
                    (Kind::Num, j)
                }
                _ if c.is_ascii_alphabetic() => (Kind::Word, word_end(text, i + 1)),
                _ => (Kind::Punct, i + 1),
            }
        } else {
            let Some(ch) = char_at(text, i) else {
                i += 1;
                continue;
            };
            if ch == '\u{a0}' {
                space = true;
                i += ch.len_utf8();
                continue;
            }
            if ch.is_alphabetic() {
                (Kind::Word, word_end(text, i + ch.len_utf8()))
            } else {
                (Kind::Punct, i + ch.len_utf8())
            }
        };
        out.push(Tok {
            start: i,
            end,
            kind,
            space_before: space,
            upper_ahead: false,
        });
        space = false;
        i = end;
    }
    mark_upper_ahead(text, &mut out);
    out
}

/// The end of the word whose first letter ends at `j`: letters, and `-`, `'` or `’` between
/// two letters (`Saint-Priest`, `d'Italie`, not `Berlin-`).
fn word_end(text: &str, mut j: usize) -> usize {
    let b = text.as_bytes();
    while j < b.len() {
        let c = b[j];
        if c.is_ascii_alphabetic() {
            j += 1;
        } else if c == b'-' || c == b'\'' {
            if letter_at(text, j + 1) {
                j += 1;
            } else {
                break;
            }
        } else if !c.is_ascii() {
            let Some(ch) = char_at(text, j) else { break };
            let n = ch.len_utf8();
            if ch.is_alphabetic() || (ch == '’' && letter_at(text, j + n)) {
                j += n;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_and_punctuation() {
        let t = "Apt 12B, Saint-Priest\nd'Italie 10625";
        let toks = tokenize(t);
        let words: Vec<&str> = toks.iter().map(|k| k.text(t)).collect();
        assert_eq!(
            words,
            ["Apt", "12B", ",", "Saint-Priest", "\n", "d'Italie", "10625"]
        );
        assert_eq!(toks[1].kind, Kind::Num);
        assert!(toks[3].space_before);
        assert!(!toks[2].space_before);
    }
}
