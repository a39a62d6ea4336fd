//! The word view both place rules read: one pass over the text into words, numbers,
//! punctuation and line breaks, with byte spans.

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

    /// Number of leading ASCII digits.
    pub fn digits(&self, text: &str) -> usize {
        self.text(text)
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count()
    }
}

fn is_inner_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’')
}

/// Splits `text` into tokens. Spaces, tabs and carriage returns separate tokens.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut it = text.char_indices().peekable();
    let mut space = false;
    while let Some((i, c)) = it.next() {
        if c == ' ' || c == '\t' || c == '\r' || c == '\u{a0}' {
            space = true;
            continue;
        }
        let kind;
        let mut end = i + c.len_utf8();
        if c == '\n' {
            kind = Kind::Newline;
        } else if c.is_ascii_digit() {
            kind = Kind::Num;
            while let Some(&(j, d)) = it.peek() {
                if d.is_ascii_digit() || d.is_alphabetic() {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
        } else if c.is_alphabetic() {
            kind = Kind::Word;
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphabetic() {
                    end = j + d.len_utf8();
                    it.next();
                } else if is_inner_joiner(d) {
                    // Only when a letter follows: `Saint-Priest`, not `Berlin-`.
                    let next = text.get(j + d.len_utf8()..).and_then(|r| r.chars().next());
                    if next.is_some_and(char::is_alphabetic) {
                        end = j + d.len_utf8();
                        it.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
        } else {
            kind = Kind::Punct;
        }
        out.push(Tok {
            start: i,
            end,
            kind,
            space_before: space,
        });
        space = false;
    }
    out
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
