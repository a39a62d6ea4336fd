//! One line as the rules read it: its words, their lower-case forms and the gaps between them.

/// One word of a line: its byte span in the line.
#[derive(Clone, Copy, Debug)]
pub(super) struct Word {
    pub(super) start: usize,
    pub(super) end: usize,
}

/// Cuts a line into words: letters, with inner `'`, `’` and `-` (`O'Sullivan`,
/// `Jean-Baptiste`, `m'appelle`).
pub(super) fn words(line: &str, out: &mut Vec<Word>) {
    out.clear();
    let mut start: Option<usize> = None;
    let mut it = line.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_alphabetic() {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start {
            // `Mary\'s` in text escaped for JSON or a shell: the backslash joins too.
            let escaped = c == '\\'
                && line.get(i + 1..).is_some_and(|r| {
                    r.strip_prefix('\'')
                        .is_some_and(|r| r.starts_with(char::is_alphabetic))
                });
            let joins = escaped
                || (matches!(c, '\'' | '’' | '-')
                    && it.peek().is_some_and(|&(_, n)| n.is_alphabetic()));
            if joins {
                continue;
            }
            out.push(Word { start: s, end: i });
            start = None;
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: line.len(),
        });
    }
}

/// Appends the lower-case form of a word to `out` (`’` written `'`); returns its span.
pub(super) fn push_lower(w: &str, out: &mut String) -> (usize, usize) {
    let s = out.len();
    if w.contains('\\') {
        // `Mary\'s` reads as `mary's`.
        out.extend(w.replace("\\'", "'").chars().flat_map(char::to_lowercase));
    } else if w.is_ascii() {
        out.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.extend(
            w.chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c == '’' { '\'' } else { c }),
        );
    }
    (s, out.len())
}

/// `Jane`, `O'Sullivan`, `McDonald`, `Élodie`: an upper-case letter, then a lower-case one
/// somewhere (ALL-CAPS words are acronyms and log levels more often than names).
pub(super) fn capitalised(w: &str) -> bool {
    let mut cs = w.chars();
    if !(cs.next().is_some_and(char::is_uppercase) && cs.clone().any(char::is_lowercase)) {
        return false;
    }
    // `CompizConfig`, `PowerShell` are code words; `McDonald`, `MacLeod`, `O'Neil`,
    // `Jean-Luc`, `DeShawn`, `LaToya` are names.
    let inner_capital = w
        .char_indices()
        .skip(1)
        .filter(|(_, c)| c.is_uppercase())
        .any(|(i, _)| {
            let before = w.get(..i).unwrap_or("");
            !(before.ends_with(['\'', '’', '-'])
                || matches!(
                    before,
                    "Mc" | "Mac" | "De" | "La" | "Le" | "Di" | "Da" | "Van"
                ))
        });
    !inner_capital
}

/// Whether the word at `w` touches `@`, `/`, `\`, `_`, `=`, `.` + letter or a digit: an
/// address, a path or an identifier, not prose.
pub(super) fn glued(line: &str, w: Word) -> bool {
    let before = line.get(..w.start).and_then(|t| t.chars().next_back());
    let mut after = line.get(w.end..).map(str::chars).into_iter().flatten();
    let a1 = after.next();
    let a2 = after.next();
    let bad = |c: Option<char>| {
        c.is_some_and(|c| {
            matches!(c, '@' | '/' | '\\' | '_' | '=' | '<' | '>') || c.is_ascii_digit()
        })
    };
    // `<` before is fine (`<Jane Doe>` is rare; `>Jane` quotes a mail line).
    let bad_before = before
        .is_some_and(|c| matches!(c, '@' | '/' | '\\' | '_' | '=' | '.') || c.is_ascii_digit());
    bad_before
        || (bad(a1) && a1 != Some('<') && a1 != Some('>'))
        || (a1 == Some('.') && a2.is_some_and(char::is_alphanumeric))
}

pub(super) struct Line<'a> {
    pub(super) text: &'a str,
    pub(super) words: &'a [Word],
    /// The words lower-cased, one after the other, and each word's span in it.
    pub(super) lower: &'a str,
    pub(super) spans: &'a [(usize, usize)],
}

impl<'a> Line<'a> {
    pub(super) fn word(&self, i: usize) -> &'a str {
        self.words
            .get(i)
            .and_then(|w| self.text.get(w.start..w.end))
            .unwrap_or("")
    }
    pub(super) fn low(&self, i: usize) -> &'a str {
        self.spans
            .get(i)
            .and_then(|&(s, e)| self.lower.get(s..e))
            .unwrap_or("")
    }
    /// The text between word `i - 1` and word `i` (or the line start).
    pub(super) fn gap(&self, i: usize) -> &'a str {
        let s = if i == 0 {
            0
        } else {
            self.words.get(i - 1).map_or(0, |w| w.end)
        };
        let e = self.words.get(i).map_or(self.text.len(), |w| w.start);
        self.text.get(s..e).unwrap_or("")
    }
}

/// `shervashidze's` -> `shervashidze` (also `Mary\'s`, escaped).
pub(super) fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("\\'s")
        .or_else(|| w.strip_suffix("'s"))
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
}
