//! Where a match of a learned name counts: the matcher that retries inside a rejected match,
//! and the word boundaries.

/// Leftmost-longest matches of `ac` in `text` where a match the caller rejects does not
/// hide the matches that start inside it: after [`Retrying::reject`] the search resumes one
/// character after the rejected match's start (`Speaker Jane` rejected in `erSpeaker Jane`
/// still finds `Jane`).
pub(crate) struct Retrying<'a> {
    ac: crate::search::Cursor<'a>,
    text: &'a str,
    pos: usize,
    last_start: Option<usize>,
}

impl<'a> Retrying<'a> {
    pub(crate) fn new(ac: &'a crate::search::Literals, text: &'a str) -> Self {
        Retrying {
            ac: crate::search::Cursor::new(ac, text),
            text,
            pos: 0,
            last_start: None,
        }
    }

    /// Resumes the search one character after the start of the last match.
    pub(crate) fn reject(&mut self) {
        if let Some(s) = self.last_start.take() {
            let step = self.text.get(s..).and_then(|t| t.chars().next());
            self.pos = s + step.map_or(1, char::len_utf8);
        }
    }
}

impl Iterator for Retrying<'_> {
    type Item = aho_corasick::Match;

    fn next(&mut self) -> Option<aho_corasick::Match> {
        if self.pos > self.text.len() {
            return None;
        }
        let m = self.ac.find_from(self.pos)?;
        self.last_start = Some(m.start());
        self.pos = m.end().max(m.start() + 1);
        Some(m)
    }
}

/// Whether the text at `s` starts with a capital letter.
pub(crate) fn starts_upper(text: &str, s: usize) -> bool {
    text.get(s..)
        .and_then(|t| t.chars().next())
        .is_some_and(char::is_uppercase)
}

pub(super) fn boundary_before(text: &str, s: usize, json: bool) -> bool {
    let b = text.as_bytes();
    let Some(prev) = text.get(..s).and_then(|t| t.chars().next_back()) else {
        return true;
    };
    if prev.is_alphanumeric() || prev == '_' {
        // `\nJane` inside a JSON string: the `n` belongs to an escape.
        return json
            && matches!(prev, 'n' | 't' | 'r' | 'b' | 'f')
            && s >= 2
            && b.get(s - 2) == Some(&b'\\');
    }
    true
}

/// Whether the word at `s..e` of `text` is lower-case and glued to `.`, `-`, `@`, `/`, ...:
/// a host or a path (`mx.acme-`, `jane@intranet`), where a name's part is not replaced (and
/// the leak check does not look for it).
pub(crate) fn glued_lower(text: &str, s: usize, e: usize) -> bool {
    let capital = text
        .get(s..)
        .and_then(|t| t.chars().next())
        .is_some_and(char::is_uppercase);
    !capital
        && (glued(text.get(..s).and_then(|t| t.chars().next_back()))
            || glued_after(text.get(e..).unwrap_or("")))
}

fn glued(c: Option<char>) -> bool {
    matches!(c, Some('.' | '-' | '@' | '/' | ':' | '='))
}

/// `.` ends a sentence unless a word follows it (`acme.com`).
fn glued_after(rest: &str) -> bool {
    let mut it = rest.chars();
    match it.next() {
        Some('.') => it.next().is_some_and(char::is_alphanumeric),
        c => glued(c),
    }
}

pub(super) fn boundary_after(text: &str, e: usize) -> bool {
    !text
        .get(e..)
        .and_then(|r| r.chars().next())
        .is_some_and(|c| c.is_alphanumeric() || c == '_')
}
