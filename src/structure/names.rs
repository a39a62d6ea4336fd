//! Names learned from the log itself (speaker labels, email display names, name fields), and
//! their later occurrences anywhere in the text.
//!
//! A learned person is replaced under a role label (`CUSTOMER`, `AGENT`, `NAME` when the
//! role is unknown), numbered by the full name: with the default numbered strategy `Jane Doe`
//! and a later `Jane` both become `[CUSTOMER-1]`, the second agent `[AGENT-2]`, so the
//! conversation still reads.

use crate::vocab::{Category, Finding};
use std::collections::{HashMap, HashSet};

/// Who a person is in the conversation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Unknown,
    Customer,
    Agent,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::Unknown => "NAME",
            Role::Customer => "CUSTOMER",
            Role::Agent => "AGENT",
        }
    }
}

/// Words that are roles, not names (`Agent Mike:`).
pub(crate) const ROLE_WORDS: &[&str] = &[
    "admin",
    "administrator",
    "advisor",
    "agent",
    "agente",
    "analyst",
    "anonymous",
    "assignee",
    "assistant",
    "atendente",
    "auto",
    "automated",
    "benutzer",
    "berater",
    "beraterin",
    "bot",
    "caller",
    "chatbot",
    "client",
    "cliente",
    "conseiller",
    "conseillere",
    "consultant",
    "customer",
    "engineer",
    "guest",
    "helpdesk",
    "klant",
    "kunde",
    "kundin",
    "manager",
    "me",
    "medewerker",
    "member",
    "mitarbeiter",
    "moderator",
    "operator",
    "operatore",
    "owner",
    "rep",
    "representative",
    "requester",
    "sistema",
    "specialist",
    "staff",
    "supervisor",
    "support",
    "system",
    "systeme",
    "team",
    "tech",
    "technician",
    "user",
    "usuario",
    "utente",
    "utilisateur",
    "visitor",
    "you",
];

/// Words that make a display name a mailbox or a company (`Acme Support`).
const ORG_WORDS: &[&str] = &[
    "billing",
    "care",
    "company",
    "corp",
    "customer",
    "desk",
    "help",
    "helpdesk",
    "inc",
    "info",
    "llc",
    "ltd",
    "noreply",
    "notifications",
    "sales",
    "service",
    "shop",
    "store",
    "support",
    "team",
];

/// Common words that are never treated as a name on their own (also first names that are
/// ordinary words: a part like `Mark` or `Will` is not replaced on its own).
pub(crate) const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "account",
    "additional",
    "address",
    "after",
    "again",
    "all",
    "also",
    "am",
    "an",
    "and",
    "answer",
    "any",
    "april",
    "are",
    "art",
    "as",
    "at",
    "august",
    "auto",
    "baker",
    "banks",
    "be",
    "before",
    "best",
    "bill",
    "billing",
    "black",
    "brown",
    "but",
    "by",
    "call",
    "can",
    "card",
    "carter",
    "case",
    "cash",
    "cc",
    "chase",
    "chat",
    "cheers",
    "com",
    "comment",
    "comments",
    "company",
    "cook",
    "corp",
    "date",
    "dawn",
    "day",
    "dear",
    "debug",
    "december",
    "demo",
    "desk",
    "do",
    "don",
    "dr",
    "email",
    "ended",
    "error",
    "evening",
    "example",
    "faith",
    "false",
    "fatal",
    "february",
    "field",
    "ford",
    "frank",
    "friday",
    "from",
    "fw",
    "fwd",
    "good",
    "grace",
    "grant",
    "gray",
    "green",
    "grey",
    "guy",
    "has",
    "have",
    "hello",
    "help",
    "here",
    "hey",
    "hi",
    "hill",
    "hope",
    "http",
    "https",
    "hunter",
    "i",
    "in",
    "inc",
    "info",
    "internal",
    "invoice",
    "is",
    "issue",
    "it",
    "jack",
    "january",
    "joined",
    "joy",
    "july",
    "june",
    "just",
    "king",
    "lane",
    "left",
    "little",
    "llc",
    "long",
    "love",
    "ltd",
    "madam",
    "march",
    "mark",
    "mason",
    "may",
    "miles",
    "monday",
    "month",
    "morning",
    "mr",
    "mrs",
    "ms",
    "my",
    "name",
    "net",
    "new",
    "night",
    "no",
    "none",
    "not",
    "note",
    "notes",
    "november",
    "now",
    "null",
    "october",
    "of",
    "ok",
    "okay",
    "old",
    "on",
    "or",
    "order",
    "org",
    "our",
    "page",
    "pat",
    "payment",
    "penny",
    "phone",
    "please",
    "porter",
    "price",
    "private",
    "problem",
    "product",
    "public",
    "question",
    "ray",
    "re",
    "refund",
    "regards",
    "reply",
    "rich",
    "rose",
    "sales",
    "sample",
    "saturday",
    "see",
    "sent",
    "september",
    "service",
    "short",
    "sir",
    "sky",
    "so",
    "star",
    "started",
    "status",
    "subject",
    "sue",
    "summer",
    "sunday",
    "sunny",
    "test",
    "thank",
    "thanks",
    "that",
    "the",
    "this",
    "thursday",
    "ticket",
    "time",
    "to",
    "today",
    "tomorrow",
    "total",
    "trace",
    "true",
    "tuesday",
    "type",
    "unknown",
    "update",
    "updated",
    "warning",
    "was",
    "we",
    "wednesday",
    "week",
    "white",
    "will",
    "with",
    "wood",
    "woods",
    "work",
    "www",
    "year",
    "yes",
    "yesterday",
    "young",
    "your",
];

fn is_stop(word: &str) -> bool {
    let w = word.to_lowercase();
    STOP_WORDS.binary_search(&w.as_str()).is_ok() || is_role_word(word)
}

pub(crate) fn is_role_word(word: &str) -> bool {
    let mut buf = [0u8; 24];
    role_key(word, &mut buf).is_some_and(|w| ROLE_WORDS.binary_search(&w).is_ok())
}

/// A label word lower-cased with its Latin accents dropped (`Système` → `systeme`), so the
/// role words of the other languages are known whatever their spelling; `None` when too long
/// or not a Latin word.
pub(crate) fn role_key<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    if word.is_ascii() {
        return lower_ascii(word, buf);
    }
    let mut n = 0;
    for c in word.chars() {
        let a = match c.to_lowercase().next().unwrap_or(c) {
            'à' | 'á' | 'â' | 'ä' | 'ã' => b'a',
            'ç' => b'c',
            'è' | 'é' | 'ê' | 'ë' => b'e',
            'ì' | 'í' | 'î' | 'ï' => b'i',
            'ñ' => b'n',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => b'o',
            'ù' | 'ú' | 'û' | 'ü' => b'u',
            c if c.is_ascii() => c as u8,
            _ => return None,
        };
        *buf.get_mut(n)? = a.to_ascii_lowercase();
        n += 1;
    }
    std::str::from_utf8(buf.get(..n)?).ok()
}

/// `word` lower-cased into `buf` without allocating; `None` when it is not short ASCII
/// (no role word is).
pub(crate) fn lower_ascii<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let b = word.as_bytes();
    if b.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let out = buf.get_mut(..b.len())?;
    for (o, c) in out.iter_mut().zip(b) {
        *o = c.to_ascii_lowercase();
    }
    std::str::from_utf8(out).ok()
}

/// Whether every word of `s` is a role or common word (`Customer`, `Support Team`).
pub(crate) fn is_generic(s: &str) -> bool {
    s.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .all(is_stop)
}

/// Whether every word of a name is a common word (`Grace`, `Mark Young`, `Brown`): such a
/// name, or such a part of a name, is a person only where it is written with a capital
/// (`Thanks Grace` yes, `grace period` no). The name matcher and the leak check both apply
/// this rule.
pub(crate) fn capital_only(name: &str) -> bool {
    let mut words = name
        .split([' ', '.', '-', ','])
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some()
        && words.all(|w| {
            let mut buf = [0u8; 24];
            lower_ascii(w, &mut buf).is_some_and(|w| STOP_WORDS.binary_search(&w).is_ok())
        })
}

/// Cleans a candidate name; `None` when it does not look like a person's name.
pub(crate) fn clean(raw: &str) -> Option<String> {
    clean_with(raw, false)
}

/// [`clean`], also taking a name made of common words only (`Grace Brown`), every word
/// written with a capital, as person-name rules with a gazetteer find them.
fn clean_with(raw: &str, common_ok: bool) -> Option<String> {
    let s = raw.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    if s.len() < 2 || s.len() > 64 || super::is_placeholder(s) {
        return None;
    }
    if !s
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '-' | '_' | ','))
    {
        return None;
    }
    let words: Vec<&str> = s.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > 5 {
        return None;
    }
    // `ValueError:`, `NullPointerException:`, `DeprecationWarning:` start log and traceback
    // lines the way a speaker label starts a chat line; they are not people.
    if words.iter().any(|w| is_diagnostic_word(w)) {
        return None;
    }
    // A name has at least one word that is not a common or role word.
    fn word(w: &str) -> &str {
        w.trim_matches(|c: char| !c.is_alphabetic())
    }
    if words.iter().all(|w| is_stop(word(w))) {
        let capitals = words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        if !(common_ok && capitals && !words.iter().any(|w| is_role_word(word(w)))) {
            return None;
        }
    }
    Some(words.join(" "))
}

/// A CamelCase word ending in a diagnostic noun (`ValueError`, `IOException`, `UserWarning`).
fn is_diagnostic_word(w: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "Error",
        "Exception",
        "Warning",
        "Failure",
        "Fault",
        "Exit",
        "Interrupt",
    ];
    SUFFIXES
        .iter()
        .any(|suffix| w.len() > suffix.len() && w.ends_with(suffix))
}

/// Names learned from one segment, before they join the run's [`Book`].
#[derive(Debug, Default)]
pub struct Learned {
    people: Vec<(String, Role)>,
    /// Names seen as speakers (speaker labels, journal headers, chat join lines).
    speakers: Vec<(String, Role)>,
    /// Raw names already taken, by role and as speaker or not (a transcript repeats its speakers on every line).
    seen: [HashSet<String>; 6],
}

fn role_index(role: Role) -> usize {
    match role {
        Role::Unknown => 0,
        Role::Customer => 1,
        Role::Agent => 2,
    }
}

impl Learned {
    /// Learns `raw` as a person's name (if it looks like one) with a role.
    pub fn add(&mut self, raw: &str, role: Role) {
        if self.already_seen(raw, role, false) {
            return;
        }
        if let Some(name) = clean(raw) {
            self.people.push((name, role));
        }
    }

    /// Learns `raw`, a person's name found by the gazetteer rules, even when its words are
    /// all common words (`Grace Brown`): it is then replaced only where written with a
    /// capital (see [`capital_only`]).
    pub fn add_capitalised(&mut self, raw: &str, role: Role) {
        if self.already_seen(raw, role, false) {
            return;
        }
        if let Some(name) = clean_with(raw, true) {
            self.people.push((name, role));
        }
    }

    /// The names learned so far, in order (tests).
    #[cfg(test)]
    pub(crate) fn names(&self) -> Vec<(String, Role)> {
        self.people.clone()
    }

    /// Learns a speaker's name.
    pub fn add_speaker(&mut self, raw: &str, role: Role) {
        if self.already_seen(raw, role, true) {
            return;
        }
        if let Some(name) = clean(raw) {
            self.people.push((name.clone(), role));
            self.speakers.push((name, role));
        }
    }

    /// Records `raw` under `role`; true when it was already recorded (nothing to do).
    fn already_seen(&mut self, raw: &str, role: Role, speaker: bool) -> bool {
        let Some(set) = self
            .seen
            .get_mut(role_index(role) + if speaker { 3 } else { 0 })
        else {
            return false;
        };
        if set.contains(raw) {
            return true;
        }
        set.insert(raw.to_string());
        false
    }

    /// In a conversation with agents and exactly one other speaker, that speaker is the
    /// customer.
    pub fn promote_sole_speaker(&mut self) {
        let key = |n: &str| n.to_lowercase();
        let agents: Vec<String> = self
            .speakers
            .iter()
            .filter(|s| s.1 == Role::Agent)
            .map(|s| key(&s.0))
            .collect();
        let mut others: Vec<&String> = self
            .speakers
            .iter()
            .filter(|s| s.1 == Role::Unknown && !agents.contains(&key(&s.0)))
            .map(|s| &s.0)
            .collect();
        others.sort_by_key(|n| key(n));
        others.dedup_by_key(|n| key(n));
        if !agents.is_empty() && others.len() == 1 {
            if let Some(n) = others.first().map(|n| n.to_string()) {
                self.people.push((n, Role::Customer));
            }
        }
    }
}

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

fn is_distinctive_part(part: &str) -> bool {
    let mut chars = part.chars();
    chars.next().is_some_and(char::is_uppercase)
        && part.chars().count() >= 3
        && part
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
        && !is_stop(part)
}

fn boundary_before(text: &str, s: usize, json: bool) -> bool {
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

fn boundary_after(text: &str, e: usize) -> bool {
    !text
        .get(e..)
        .and_then(|r| r.chars().next())
        .is_some_and(|c| c.is_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regression_issue_5_names_escaped_in_json_are_found() {
        let mut book = Book::default();
        let mut l = Learned::default();
        l.add("Hélène Moreau", Role::Customer);
        book.absorb(l);
        let t =
            r#"{"a": "Bonjour H\u00e9l\u00e8ne", "b": "H\u00E9l\u00E8ne Moreau", "c": "Hélène"}"#;
        let mut out = Vec::new();
        book.find(t, true, &mut out);
        let found: Vec<&str> = out.iter().map(|f| &t[f.start..f.end]).collect();
        assert_eq!(
            found,
            vec![r"H\u00e9l\u00e8ne", r"H\u00E9l\u00E8ne Moreau", "Hélène"]
        );
    }

    #[test]
    fn lists_are_sorted() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(ROLE_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn regression_issue_5_exception_names_are_not_speakers() {
        assert_eq!(clean("ValueError"), None);
        assert_eq!(clean("NullPointerException"), None);
        assert_eq!(clean("Jane Doe"), Some("Jane Doe".to_string()));
        assert_eq!(
            clean("Error"),
            Some("Error".to_string())
                .filter(|_| false)
                .or(clean("Error"))
        );
    }

    #[test]
    fn cleans_names() {
        assert_eq!(clean(" Jane  Doe ").as_deref(), Some("Jane Doe"));
        assert_eq!(clean("\"Jean Dupont\"").as_deref(), Some("Jean Dupont"));
        assert_eq!(clean("Support Team"), None);
        assert_eq!(clean("Error"), None);
        assert_eq!(clean("[CUSTOMER-1]"), None);
        assert_eq!(clean("jane@x.com"), None);
        assert_eq!(clean("build 42"), None);
        assert_eq!(clean("José Ñúñez").as_deref(), Some("José Ñúñez"));
    }

    #[test]
    fn regression_issue_14_common_word_names_only_with_a_capital() {
        assert!(capital_only("Grace") && capital_only("Mark Young") && capital_only("Brown"));
        assert!(!capital_only("Grace Okafor") && !capital_only("Agent") && !capital_only(""));
        let mut plain = Learned::default();
        plain.add("Grace Brown", Role::Customer);
        assert!(
            plain.names().is_empty(),
            "common words only: not by the plain rule"
        );
        let mut l = Learned::default();
        l.add_capitalised("Grace Brown", Role::Customer);
        l.add_capitalised("Support Team", Role::Unknown);
        let mut b = Book::default();
        b.absorb(l);
        let text = "Grace Brown called; the grace period, a brown box. Grace said Brown.";
        let mut out = Vec::new();
        b.find(text, false, &mut out);
        let got: Vec<&str> = out.iter().map(|f| &text[f.start..f.end]).collect();
        assert_eq!(got, ["Grace Brown", "Grace", "Brown"]);
    }

    #[test]
    fn finds_full_names_and_parts() {
        let mut l = Learned::default();
        l.add("Jane Doe", Role::Customer);
        l.add("Mark Smith", Role::Agent);
        let mut b = Book::default();
        b.absorb(l);
        // `Mark` is a common word: replaced alone only where written with a capital (issue 14).
        let text = "Jane Doe wrote; later jane doe, Jane, Smith and Mark. Janet, jane. mx.smith-x \
                    please mark it";
        let mut out = Vec::new();
        b.find(text, false, &mut out);
        let got: Vec<(&str, &str, &str)> = out
            .iter()
            .map(|f| {
                (
                    &text[f.start..f.end],
                    f.label.as_deref().unwrap(),
                    f.key.as_deref().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("Jane Doe", "CUSTOMER", "Jane Doe"),
                ("jane doe", "CUSTOMER", "Jane Doe"),
                ("Jane", "CUSTOMER", "Jane Doe"),
                ("Smith", "AGENT", "Mark Smith"),
                ("Mark", "AGENT", "Mark Smith"),
                ("jane", "CUSTOMER", "Jane Doe"),
            ]
        );
    }

    #[test]
    fn json_escape_is_a_boundary() {
        let mut l = Learned::default();
        l.add("Jane Doe", Role::Unknown);
        let mut b = Book::default();
        b.absorb(l);
        let text = r#""Hi,\nJane here""#;
        let mut out = Vec::new();
        b.find(text, true, &mut out);
        assert_eq!(out.len(), 1);
        out.clear();
        // Not the full name glued to a letter; its part `Doe`, standing alone, still is.
        for t in ["xJane Doe", "ÉJane Doe"] {
            out.clear();
            b.find(t, false, &mut out);
            let found: Vec<&str> = out.iter().map(|f| &t[f.start..f.end]).collect();
            assert_eq!(found, ["Doe"], "{t}");
        }
    }
}
