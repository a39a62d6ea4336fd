//! A small JSON parser that keeps the byte spans of strings and numbers (serde_json does not
//! give spans).

use crate::structure::squash;
use std::borrow::Cow;

/// Nesting deeper than this is not read as structure (the text is then scanned line by line).
/// Nesting deeper than this is not read as structure (the text is then scanned line by line).
const MAX_DEPTH: usize = 128;

/// A JSON value with the byte spans of its strings and numbers.
#[derive(Debug)]
pub(crate) enum Node<'t> {
    /// Content span, between the quotes.
    Str(usize, usize),
    Num(usize, usize),
    Bool(bool),
    Null,
    Obj(Vec<(Cow<'t, str>, Node<'t>)>),
    Arr(Vec<Node<'t>>),
}

pub(super) struct Parser<'t> {
    pub(super) t: &'t str,
    pub(super) b: &'t [u8],
    pub(super) i: usize,
}

impl<'t> Parser<'t> {
    pub(super) fn ws(&mut self) {
        while self.b.get(self.i).is_some_and(|c| c.is_ascii_whitespace()) {
            self.i += 1;
        }
    }

    pub(super) fn string(&mut self) -> Option<(usize, usize)> {
        if self.b.get(self.i) != Some(&b'"') {
            return None;
        }
        let s = self.i + 1;
        let mut i = s;
        loop {
            let rest = self.b.get(i..)?;
            let j = memchr::memchr2(b'"', b'\\', rest)?;
            i += j;
            if self.b.get(i) == Some(&b'\\') {
                i += 2;
            } else {
                self.i = i + 1;
                return Some((s, i));
            }
        }
    }

    pub(super) fn value(&mut self, depth: usize) -> Option<Node<'t>> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.ws();
        match *self.b.get(self.i)? {
            b'"' => self.string().map(|(s, e)| Node::Str(s, e)),
            b'{' => {
                self.i += 1;
                let mut members = Vec::new();
                self.ws();
                if self.b.get(self.i) == Some(&b'}') {
                    self.i += 1;
                    return Some(Node::Obj(members));
                }
                loop {
                    self.ws();
                    let (ks, ke) = self.string()?;
                    // Keys are kept squashed (`From_Email` -> `fromemail`): every rule
                    // compares squashed keys, so squash once here.
                    let key = match decode(self.t, ks, ke)? {
                        Cow::Borrowed(b) => squash(b),
                        Cow::Owned(o) => Cow::Owned(squash(&o).into_owned()),
                    };
                    self.ws();
                    if self.b.get(self.i) != Some(&b':') {
                        return None;
                    }
                    self.i += 1;
                    let v = self.value(depth + 1)?;
                    members.push((key, v));
                    self.ws();
                    match self.b.get(self.i)? {
                        b',' => self.i += 1,
                        b'}' => {
                            self.i += 1;
                            return Some(Node::Obj(members));
                        }
                        _ => return None,
                    }
                }
            }
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.b.get(self.i) == Some(&b']') {
                    self.i += 1;
                    return Some(Node::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    match self.b.get(self.i)? {
                        b',' => self.i += 1,
                        b']' => {
                            self.i += 1;
                            return Some(Node::Arr(items));
                        }
                        _ => return None,
                    }
                }
            }
            b't' => self.literal("true", Node::Bool(true)),
            b'f' => self.literal("false", Node::Bool(false)),
            b'n' => self.literal("null", Node::Null),
            b'-' | b'0'..=b'9' => {
                let s = self.i;
                while self.b.get(self.i).is_some_and(|c| {
                    c.is_ascii_digit() || matches!(c, b'-' | b'+' | b'.' | b'e' | b'E')
                }) {
                    self.i += 1;
                }
                Some(Node::Num(s, self.i))
            }
            _ => None,
        }
    }

    pub(super) fn literal(&mut self, word: &str, node: Node<'t>) -> Option<Node<'t>> {
        if self.b.get(self.i..self.i + word.len())? == word.as_bytes() {
            self.i += word.len();
            Some(node)
        } else {
            None
        }
    }
}

/// Parses `text[start..end]` as exactly one JSON value (spans relative to `text`).
pub(super) fn parse_in(text: &str, start: usize, end: usize) -> Option<Node<'_>> {
    let t = text.get(..end)?;
    let mut p = Parser {
        t,
        b: t.as_bytes(),
        i: start,
    };
    // Skip a byte-order mark.
    if t.get(start..).is_some_and(|r| r.starts_with('\u{feff}')) {
        p.i += '\u{feff}'.len_utf8();
    }
    let v = p.value(0)?;
    p.ws();
    (p.i == end).then_some(v)
}

/// Whether `s` is one JSON value.
pub(crate) fn parses(s: &str) -> bool {
    parse_in(s, 0, s.len()).is_some()
}

/// The decoded text of a string span.
pub(super) fn decode(text: &str, s: usize, e: usize) -> Option<Cow<'_, str>> {
    let raw = text.get(s..e)?;
    if !raw.contains('\\') {
        return Some(Cow::Borrowed(raw));
    }
    serde_json::from_str::<String>(text.get(s - 1..e + 1)?)
        .ok()
        .map(Cow::Owned)
}

pub(super) fn get<'n, 't>(
    members: &'n [(Cow<'t, str>, Node<'t>)],
    key: &str,
) -> Option<&'n Node<'t>> {
    members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}
