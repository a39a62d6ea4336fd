//! Names learned from the log itself (speaker labels, email display names, name fields), and
//! their later occurrences anywhere in the text.
//!
//! A learned person is replaced under a role label (`CUSTOMER`, `AGENT`, `NAME` when the
//! role is unknown), numbered by the full name: with the default numbered strategy `Jane Doe`
//! and a later `Jane` both become `[CUSTOMER-1]`, the second agent `[AGENT-2]`, so the
//! conversation still reads.

use crate::vocab::{Category, Finding};
use candidate::{is_distinctive_part, lower_ascii};
use matching::{boundary_after, boundary_before};
use std::collections::HashMap;
use words::ORG_WORDS;

pub(crate) use candidate::{capital_only, clean, is_generic, is_role_word, role_key};
pub use learned::{Learned, Role};
pub(crate) use matching::{glued_lower, starts_upper, Retrying};
pub(crate) use words::{ROLE_WORDS, STOP_WORDS};

mod candidate;
mod learned;
mod matching;
#[cfg(test)]
mod tests;
mod words;

#[derive(Debug)]
struct Person {
    full: String,
    role: Role,
}

/// Every name learned in the run so far, and a matcher over them.
#[derive(Debug, Default)]
pub struct Book {
    people: Vec<Person>,
    by_full: HashMap<String, usize>,
    /// (pattern, person, is a part) in matcher order.
    patterns: Vec<(String, usize, bool)>,
    by_pattern: HashMap<String, usize>,
    /// Per pattern: matched only where written with a capital ([`capital_only`]).
    capital: Vec<bool>,
    matcher: Option<crate::search::Literals>,
    dirty: bool,
}

impl Book {
    pub fn absorb(&mut self, learned: Learned) {
        let mut people = learned.people;
        // Full names first (stable): a lone `Jane` learned from prose, a greeting or a
        // speaker label of unknown role is then numbered as the `Jane Doe` it is part of.
        people.sort_by_key(|(n, _)| !n.contains(' '));
        for (name, role) in people {
            let key = name.to_lowercase();
            let is_part = |k: &str| {
                self.by_pattern
                    .get(k)
                    .and_then(|&j| self.patterns.get(j))
                    .is_some_and(|p| p.2)
            };
            if role == Role::Unknown && !key.contains(' ') && is_part(&key) {
                continue;
            }
            if let Some(&i) = self.by_full.get(&key) {
                if let Some(p) = self.people.get_mut(i) {
                    if role > p.role {
                        p.role = role;
                    }
                }
                continue;
            }
            let i = self.people.len();
            self.by_full.insert(key.clone(), i);
            if let Some(escaped) = json_ascii_escaped(&key) {
                self.add_pattern(escaped, i, false);
            }
            // The matcher ignores ASCII case only: `Ólafsdóttir` is also searched as written.
            if !name.is_ascii() && name != key {
                self.add_pattern(name.clone(), i, false);
            }
            self.add_pattern(key, i, false);
            // `Acme Support`, `Acme Billing`: a mailbox, not a person; its words are
            // not replaced on their own.
            let organisation = name.split(' ').any(|w| {
                let mut buf = [0u8; 24];
                lower_ascii(w, &mut buf).is_some_and(|w| ORG_WORDS.contains(&w))
            });
            for part in name.split([' ', '.', '_', ',']) {
                // `Brown` of `Daniel Brown`: a common word, replaced alone only where it is
                // written with a capital.
                let common_part = part.chars().next().is_some_and(char::is_uppercase)
                    && part.chars().count() >= 3
                    && part.chars().all(char::is_alphabetic)
                    && capital_only(part);
                if !organisation
                    && (is_distinctive_part(part) || common_part)
                    && part.len() < name.len()
                {
                    if !part.is_ascii() {
                        self.add_pattern(part.to_string(), i, true);
                    }
                    let part = part.to_lowercase();
                    if let Some(escaped) = json_ascii_escaped(&part) {
                        self.add_pattern(escaped, i, true);
                    }
                    self.add_pattern(part, i, true);
                }
            }
            self.people.push(Person { full: name, role });
            self.dirty = true;
        }
    }

    fn add_pattern(&mut self, pattern: String, person: usize, part: bool) {
        match self.by_pattern.get(&pattern) {
            // A full name wins over the same word as another person's part.
            Some(&j) => {
                if !part {
                    if let Some(p) = self.patterns.get_mut(j) {
                        *p = (pattern, person, false);
                    }
                }
            }
            None => {
                self.by_pattern.insert(pattern.clone(), self.patterns.len());
                self.patterns.push((pattern, person, part));
            }
        }
    }

    /// Every name and part the matcher looks for, as written in the person's name, with
    /// the label and the key ([`Book::find`] gives a finding of it): what the replaced
    /// originals of these names will be, so that a leak check can look for them with one
    /// matcher built up front.
    pub(crate) fn written_forms(&self) -> Vec<(String, &'static str, String)> {
        let mut out = Vec::with_capacity(self.patterns.len());
        for (pattern, person, part) in &self.patterns {
            let Some(p) = self.people.get(*person) else {
                continue;
            };
            let written = if *part {
                p.full
                    .split([' ', '.', '_', ','])
                    .find(|w| w.to_lowercase() == *pattern)
            } else {
                Some(p.full.as_str()).filter(|f| f.to_lowercase() == *pattern)
            };
            if let Some(w) = written {
                out.push((w.to_string(), p.role.label(), p.full.clone()));
            }
        }
        out
    }

    /// The label of the person whose full name is `key`, when known.
    pub fn label_for(&self, key: &str) -> Option<&'static str> {
        let i = self.by_full.get(&key.to_lowercase())?;
        self.people.get(*i).map(|p| p.role.label())
    }

    /// Whether `name` was learned earlier in the run.
    pub fn knows(&self, name: &str) -> bool {
        clean(name).is_some_and(|n| self.by_full.contains_key(&n.to_lowercase()))
    }

    /// Appends a Name finding for every occurrence of a learned name in `text`.
    pub fn find(&mut self, text: &str, json: bool, out: &mut Vec<Finding>) {
        if self.patterns.is_empty() {
            return;
        }
        if self.dirty || self.matcher.is_none() {
            // A full DFA: a transcript hits its speakers' names on every line.
            let patterns: Vec<&str> = self.patterns.iter().map(|p| p.0.as_str()).collect();
            self.matcher =
                crate::search::Literals::new(&patterns, self.patterns.len() <= 2_000).ok();
            self.capital = self.patterns.iter().map(|p| capital_only(&p.0)).collect();
            self.dirty = false;
        }
        self.find_in(text, json, out);
        // `Mar\u{ad}garet`, `Stephanie \u{feff}Kučera`: a name cut by a character that
        // shows nothing is matched once more in the text without them, and reported over
        // the original bytes.
        if crate::normalize::has_invisible(text) {
            let mut visible = String::with_capacity(text.len());
            let mut at = Vec::with_capacity(text.len() + 1);
            for (i, c) in text.char_indices() {
                if !crate::normalize::invisible(c) {
                    visible.push(c);
                    at.extend(i..i + c.len_utf8());
                }
            }
            at.push(text.len());
            let mut found = Vec::new();
            self.find_in(&visible, json, &mut found);
            for mut f in found {
                let start = at.get(f.start).copied();
                let end = f.end.checked_sub(1).and_then(|k| at.get(k)).map(|&k| k + 1);
                let (Some(start), Some(end)) = (start, end) else {
                    continue;
                };
                // A match without an invisible character inside was found above.
                if text
                    .get(start..end)
                    .is_some_and(|t| t.contains(crate::normalize::invisible))
                {
                    f.start = start;
                    f.end = end;
                    out.push(f);
                }
            }
        }
    }

    fn find_in(&self, text: &str, json: bool, out: &mut Vec<Finding>) {
        let Some(ac) = &self.matcher else {
            return;
        };
        let mut it = Retrying::new(ac, text);
        while let Some(m) = it.next() {
            let (s, e) = (m.start(), m.end());
            // Parts match in any case: the leak check would find a lower-case `jane` left
            // behind, and a distinctive part is the name whatever its case.
            let Some((_, person, part)) = self.patterns.get(m.pattern().as_usize()) else {
                continue;
            };
            // A lower-case part glued to `.`, `-`, `@`, `/` is a host or a path (`mx.acme-`).
            let capital = self.capital.get(m.pattern().as_usize()) == Some(&true);
            if !boundary_before(text, s, json)
                || !boundary_after(text, e)
                || (*part && glued_lower(text, s, e))
                || (capital && !starts_upper(text, s))
            {
                // `Jane` in `erSpeaker Jane` when `Speaker Jane` is a name too.
                it.reject();
                continue;
            }
            let Some(p) = self.people.get(*person) else {
                continue;
            };
            let mut f = Finding::new(
                Category::Name,
                "structure.name.learned",
                s,
                e,
                "name learned from the log's structure",
            );
            f.label = Some(p.role.label().to_string());
            f.key = Some(p.full.clone());
            out.push(f);
        }
    }
}

/// `hélène` as JSON exporters that escape non-ASCII write it (`h\u00e9l\u00e8ne`; the
/// matcher ignores the case of the hex digits); `None` for ASCII names.
fn json_ascii_escaped(name: &str) -> Option<String> {
    if name.is_ascii() {
        return None;
    }
    let mut out = String::with_capacity(name.len() * 3);
    for c in name.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut buf = [0u16; 2];
            for unit in c.encode_utf16(&mut buf) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    Some(out)
}
