//! Names learned from one segment, with each person's role.

use super::candidate::{clean, clean_with};
use std::collections::HashSet;

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

/// Names learned from one segment, before they join the run's [`Book`].
#[derive(Debug, Default)]
pub struct Learned {
    pub(super) people: Vec<(String, Role)>,
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
