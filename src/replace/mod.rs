//! Replacement: normalised values, the pseudonym table per strategy, and the mapping back to
//! originals.
//!
//! - [`strategies`]: the mask and partial forms;
//! - [`fake`]: realistic values from reserved ranges;
//! - [`hash`]: the keyed HMAC-SHA-256 placeholders;
//! - [`mapping`]: the replacement → original mapping and [`restore`].

pub mod fake;
pub mod hash;
pub mod mapping;
pub mod strategies;
pub mod table;

pub use mapping::{restore, Mapping, MappingEntry};

use crate::policy::{Policy, Strategy};
use crate::vocab::{normalise, Category};
use std::collections::HashMap;

/// What replaced one finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replacement {
    /// The replacement text.
    pub text: String,
    /// The strategy that produced it.
    pub strategy: Strategy,
    /// The text is a value a detector may recognise on purpose (a fake, or a reserved value
    /// kept as is): the leak check accepts it where we put it.
    pub produced: bool,
}

#[derive(Debug)]
enum Cached {
    Text(String),
    /// The original is already fake-shaped and stays as written.
    Fixed,
}

/// Gives each distinct (label, normalised value) its replacement, consistently, under the
/// policy's strategy for its category; remembers the mapping back to originals.
#[derive(Debug, Default)]
pub struct Pseudonyms {
    key: Option<Vec<u8>>,
    by_value: HashMap<(String, String), Cached>,
    counters: HashMap<String, usize>,
    /// Hash placeholder -> normalised value, to lengthen the rare short-hash collision.
    hashes: HashMap<String, String>,
    fakes: fake::Fakes,
    mapping: Vec<MappingEntry>,
    /// What changed since [`Pseudonyms::savepoint`], so that a round of replacement can be
    /// undone (the engine redoes it with more findings, numbered in input order).
    journal: Option<Journal>,
    /// A read-only table shared by many runs (see [`table`]), consulted before this one.
    base: Option<std::sync::Arc<Pseudonyms>>,
}

/// The changes since a savepoint.
#[derive(Debug, Default)]
struct Journal {
    keys: Vec<(String, String)>,
    hashes: Vec<String>,
    counters: HashMap<String, usize>,
    mapping_len: usize,
    /// A fake was allocated: the fake tables are not journaled, so no rollback.
    fakes: bool,
}

impl Pseudonyms {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// A table whose `hash` strategy uses `key`.
    pub fn with_key(key: &[u8]) -> Self {
        Pseudonyms {
            key: Some(key.to_vec()),
            ..Self::default()
        }
    }

    /// The replacement text for `value` (as found in the text) under the policy's strategy.
    pub fn replacement(
        &mut self,
        policy: &Policy,
        category: Category,
        label: &str,
        value: &str,
    ) -> String {
        self.replace(policy, category, label, value).text
    }

    /// The replacement for `value` under the policy's strategy for `category`. Without a key
    /// the `hash` strategy falls back to the label (the engine refuses to run that way).
    pub fn replace(
        &mut self,
        policy: &Policy,
        category: Category,
        label: &str,
        value: &str,
    ) -> Replacement {
        let strategy = policy.strategy(category);
        let done = |text: String, produced: bool| Replacement {
            text,
            strategy,
            produced,
        };
        match strategy {
            Strategy::Remove => return done(String::new(), false),
            Strategy::Label => return done(format!("[{label}]"), false),
            Strategy::Mask => {
                let norm = normalise(category, value);
                return done(strategies::mask(category, value, &norm), false);
            }
            Strategy::Hash if self.key.is_none() => return done(format!("[{label}]"), false),
            _ => {}
        }
        let norm = normalise(category, value);
        let key = (label.to_string(), norm);
        let cached = self.by_value.get(&key).or_else(|| {
            self.base
                .as_deref()
                .and_then(|base| base.by_value.get(&key))
        });
        match cached {
            Some(Cached::Text(t)) => return done(t.clone(), strategy == Strategy::Fake),
            Some(Cached::Fixed) => return done(value.to_string(), true),
            None => {}
        }
        let norm = &key.1;
        if strategy == Strategy::Fake {
            if let Some(j) = self.journal.as_mut() {
                j.fakes = true;
            }
        }
        let (text, produced) = match strategy {
            Strategy::Fake => match self.fakes.fake(category, value, norm) {
                fake::Fake::Value(v) => (v, true),
                fake::Fake::Fixed => {
                    if let Some(j) = self.journal.as_mut() {
                        j.keys.push(key.clone());
                    }
                    self.by_value.insert(key, Cached::Fixed);
                    return done(value.to_string(), true);
                }
                fake::Fake::None => (self.next_number(label), false),
            },
            Strategy::Hash => (self.hashed(label, norm), false),
            Strategy::Partial => {
                let n = self.next_number(label);
                (
                    strategies::partial(category, value, norm, &n).unwrap_or(n),
                    false,
                )
            }
            _ => (self.next_number(label), false),
        };
        self.mapping.push(MappingEntry {
            replacement: text.clone(),
            original: value.to_string(),
            category,
        });
        if let Some(j) = self.journal.as_mut() {
            j.keys.push(key.clone());
        }
        self.by_value.insert(key, Cached::Text(text.clone()));
        done(text, produced)
    }

    /// Starts recording changes, so that [`Pseudonyms::rollback`] can undo them.
    pub(crate) fn savepoint(&mut self) {
        self.journal = Some(Journal {
            counters: self.counters.clone(),
            mapping_len: self.mapping.len(),
            ..Journal::default()
        });
    }

    /// Undoes every change since the last savepoint and starts a new one; `false` (and
    /// nothing undone) when that is not possible (a fake was allocated meanwhile).
    pub(crate) fn rollback(&mut self) -> bool {
        let Some(j) = self.journal.take() else {
            return false;
        };
        if j.fakes {
            self.journal = Some(j);
            return false;
        }
        for k in &j.keys {
            self.by_value.remove(k);
        }
        for h in &j.hashes {
            self.hashes.remove(h);
        }
        self.counters = j.counters;
        self.mapping.truncate(j.mapping_len);
        self.savepoint();
        true
    }

    /// Stops recording changes.
    pub(crate) fn commit(&mut self) {
        self.journal = None;
    }

    fn next_number(&mut self, label: &str) -> String {
        let n = self.counters.entry(label.to_string()).or_insert(0);
        *n += 1;
        format!("[{label}-{n}]")
    }

    fn hashed(&mut self, label: &str, norm: &str) -> String {
        let digest = hash::keyed_digest(self.key.as_deref().unwrap_or_default(), label, norm);
        let short = hash::placeholder(label, &digest, hash::SHORT_HEX);
        if !self.hashes.contains_key(&short) {
            if let Some(j) = self.journal.as_mut() {
                j.hashes.push(short.clone());
            }
        }
        let owner = self
            .hashes
            .entry(short.clone())
            .or_insert_with(|| norm.to_string());
        if owner == norm {
            short
        } else {
            hash::placeholder(label, &digest, hash::LONG_HEX)
        }
    }

    /// Replacement → original, in order of first appearance (restorable strategies only).
    pub fn mapping(&self) -> &[MappingEntry] {
        &self.mapping
    }

    /// Number of distinct values replaced.
    pub fn len(&self) -> usize {
        self.by_value.len()
    }

    /// Whether no value was replaced.
    pub fn is_empty(&self) -> bool {
        self.by_value.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_is_consistent() {
        let p = Policy::default();
        let mut ps = Pseudonyms::new();
        assert_eq!(
            ps.replacement(&p, Category::Email, "EMAIL", "a@b.com"),
            "[EMAIL-1]"
        );
        assert_eq!(
            ps.replacement(&p, Category::Email, "EMAIL", "x@y.com"),
            "[EMAIL-2]"
        );
        assert_eq!(
            ps.replacement(&p, Category::Email, "EMAIL", "A@B.COM"),
            "[EMAIL-1]"
        );
        assert_eq!(
            ps.replacement(&p, Category::Ipv4, "IPV4", "1.2.3.4"),
            "[IPV4-1]"
        );
        assert_eq!(ps.mapping().len(), 3);
    }

    fn policy(strategy: &str) -> Policy {
        Policy::from_json(&format!(r#"{{"default_strategy":"{strategy}"}}"#)).unwrap()
    }

    #[test]
    fn every_strategy() {
        let r = |s: &str, c: Category, v: &str| {
            let mut ps = Pseudonyms::with_key(b"0123456789abcdef");
            ps.replacement(&policy(s), c, c.label(), v)
        };
        assert_eq!(r("label", Category::Email, "a@b.com"), "[EMAIL]");
        assert_eq!(r("remove", Category::Email, "a@b.com"), "");
        assert_eq!(r("mask", Category::Email, "jo@ex.com"), "j***@e*.com");
        assert_eq!(r("partial", Category::Ipv4, "10.1.2.3"), "10.1.2.[IPV4-1]");
        assert_eq!(r("fake", Category::Ipv4, "10.1.2.3"), "192.0.2.3");
        assert_eq!(r("fake", Category::Secret, "hunter22"), "[SECRET-1]");
        let h = r("hash", Category::Email, "a@b.com");
        assert!(h.starts_with("[EMAIL:") && h.len() == 16, "{h}");
        assert_eq!(h, r("hash", Category::Email, "A@B.COM"));
        // No key: never a hash of an empty key.
        let mut ps = Pseudonyms::new();
        assert_eq!(
            ps.replacement(&policy("hash"), Category::Email, "EMAIL", "a@b.com"),
            "[EMAIL]"
        );
    }

    #[test]
    fn fixed_points_keep_their_spelling_and_have_no_mapping() {
        let p = policy("fake");
        let mut ps = Pseudonyms::new();
        let a = ps.replace(&p, Category::Email, "EMAIL", "User2@Example.invalid");
        assert_eq!(a.text, "User2@Example.invalid");
        assert!(a.produced);
        let b = ps.replace(&p, Category::Email, "EMAIL", "user2@example.invalid");
        assert_eq!(b.text, "user2@example.invalid");
        assert!(ps.mapping().is_empty());
        let c = ps.replace(&p, Category::Email, "EMAIL", "x@y.com");
        assert_eq!(c.text, "user1@example.invalid");
        assert_eq!(ps.mapping().len(), 1);
    }

    #[test]
    fn short_hash_collision_gets_longer() {
        let mut ps = Pseudonyms::with_key(b"0123456789abcdef");
        let digest = hash::keyed_digest(b"0123456789abcdef", "EMAIL", "a@b.com");
        // Pretend another value already owns the short form.
        ps.hashes.insert(
            hash::placeholder("EMAIL", &digest, hash::SHORT_HEX),
            "other".into(),
        );
        let r = ps.replacement(&policy("hash"), Category::Email, "EMAIL", "a@b.com");
        assert_eq!(r.len(), "[EMAIL:]".len() + 16);
    }
}
