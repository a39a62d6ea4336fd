//! Replacement: normalised values, the pseudonym table and the mapping back to originals.

use crate::detect::Category;
use crate::policy::{Policy, Strategy};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The form under which two occurrences count as the same value: emails case-folded and
/// unobfuscated, IPv6 canonical, phone and card numbers by their digits.
pub fn normalise(category: Category, value: &str) -> String {
    match category {
        Category::Email => normalise_email(value),
        Category::Ipv6 => {
            let addr = value.split('%').next().unwrap_or(value);
            addr.parse::<std::net::Ipv6Addr>()
                .map(|a| a.to_string())
                .unwrap_or_else(|_| value.to_lowercase())
        }
        Category::Phone | Category::Card | Category::UsSsn | Category::FrNir => {
            let digits: String = value.chars().filter(|c| c.is_ascii_digit()).collect();
            if digits.is_empty() {
                value.to_string()
            } else {
                digits
            }
        }
        Category::Iban | Category::UkNino | Category::Mac => value
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect(),
        Category::Name | Category::Custom => value
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase(),
        _ => value.to_string(),
    }
}

fn normalise_email(value: &str) -> String {
    let mut s = value.to_lowercase();
    for (from, to) in [
        ("%40", "@"),
        ("&#64;", "@"),
        ("&#x40;", "@"),
        ("&commat;", "@"),
        ("[at]", "@"),
        ("(at)", "@"),
        ("{at}", "@"),
        ("<at>", "@"),
        (" at ", "@"),
        ("[dot]", "."),
        ("(dot)", "."),
        ("{dot}", "."),
        ("<dot>", "."),
        (" dot ", "."),
    ] {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    s.retain(|c| c != ' ');
    s
}

/// One entry of the mapping: what a replacement stands for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MappingEntry {
    pub replacement: String,
    pub original: String,
    pub category: Category,
}

/// Gives each distinct (category, normalised value) its replacement, consistently.
#[derive(Debug, Default)]
pub struct Pseudonyms {
    by_value: HashMap<(String, String), String>,
    counters: HashMap<String, usize>,
    mapping: Vec<MappingEntry>,
}

impl Pseudonyms {
    pub fn new() -> Self {
        Self::default()
    }

    /// The replacement for `value` (as found in the text) under the policy's strategy.
    pub fn replacement(
        &mut self,
        policy: &Policy,
        category: Category,
        label: &str,
        value: &str,
    ) -> String {
        match policy.strategy(category) {
            Strategy::Remove => String::new(),
            Strategy::Label => format!("[{label}]"),
            Strategy::Numbered => {
                let key = (label.to_string(), normalise(category, value));
                if let Some(r) = self.by_value.get(&key) {
                    return r.clone();
                }
                let n = self.counters.entry(label.to_string()).or_insert(0);
                *n += 1;
                let r = format!("[{label}-{n}]");
                self.mapping.push(MappingEntry {
                    replacement: r.clone(),
                    original: value.to_string(),
                    category,
                });
                self.by_value.insert(key, r.clone());
                r
            }
        }
    }

    /// Replacement → original, in order of first appearance.
    pub fn mapping(&self) -> &[MappingEntry] {
        &self.mapping
    }

    pub fn len(&self) -> usize {
        self.by_value.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_value.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises() {
        assert_eq!(
            normalise(Category::Email, "John [at] Example [dot] com"),
            "john@example.com"
        );
        assert_eq!(normalise(Category::Email, "a%40B.com"), "a@b.com");
        assert_eq!(normalise(Category::Ipv6, "2001:DB8:0:0::1"), "2001:db8::1");
        assert_eq!(
            normalise(Category::Phone, "+1 (555) 010-1234"),
            "15550101234"
        );
    }

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
}
