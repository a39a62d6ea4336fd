//! The policy: one JSON document shared by the web app and the CLI.
//!
//! ```json
//! {
//!   "version": 1,
//!   "categories": { "ticket": true, "phone": false },
//!   "strategies": { "email": "label" },
//!   "allowlist": { "values": ["support@ourco.com"], "email_domains": ["ourco.com"],
//!                  "cidrs": ["10.0.0.0/8"], "patterns": ["^build-\\d+$"] },
//!   "custom_rules": [ { "label": "EMPLOYEE_ID", "pattern": "\\bE\\d{6}\\b" } ],
//!   "deny_terms": ["Project Falcon"],
//!   "format": "auto",
//!   "internal_notes": "remove",
//!   "note_markers": ["NB:", "Escalation note:"]
//! }
//! ```
//! Unknown fields are an error; so are unknown categories and invalid patterns.

use crate::detect::Category;
use crate::error::Error;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The policy format version this build reads and writes.
pub const POLICY_VERSION: u32 = 1;

/// Largest accepted source of one user pattern, in bytes.
pub const MAX_PATTERN_LEN: usize = 1_000;
/// Largest compiled size of one user pattern (the regex crate's `size_limit`).
pub const MAX_PATTERN_COMPILED: usize = 1 << 20;

/// How the values of one category are replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    /// `[EMAIL-1]`: the same value always gets the same number.
    #[default]
    Numbered,
    /// `[EMAIL]`.
    Label,
    /// The value disappears.
    Remove,
}

#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Allowlist {
    /// Exact values left as they are (case-insensitive).
    pub values: Vec<String>,
    /// Email domains (and their subdomains) whose addresses are left as they are.
    pub email_domains: Vec<String>,
    /// IP ranges in CIDR notation (`10.0.0.0/8`, `2001:db8::/32`) left as they are.
    pub cidrs: Vec<String>,
    /// Regular expressions; a finding whose whole text matches one is left as it is.
    pub patterns: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomRule {
    /// Placeholder label, upper-case letters, digits and `_` (`EMPLOYEE_ID`).
    pub label: String,
    /// A regular expression (Rust `regex` syntax), size-limited.
    pub pattern: String,
}

/// The whole policy. `Policy::default()` is the built-in default policy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    pub version: u32,
    /// Category on/off overrides by category id; missing categories keep their default.
    pub categories: BTreeMap<String, bool>,
    /// Strategy overrides by category id; missing categories use `default_strategy`.
    pub strategies: BTreeMap<String, Strategy>,
    pub default_strategy: Strategy,
    pub allowlist: Allowlist,
    pub custom_rules: Vec<CustomRule>,
    /// Terms always redacted (case-insensitive, whole words).
    pub deny_terms: Vec<String>,
    /// How the input's structure is read: `auto` (sniffed) or a forced format.
    pub format: InputFormat,
    /// What happens to internal notes: `remove` (default) or `keep` (left in place, still
    /// scrubbed of personal data).
    pub internal_notes: InternalNotes,
    /// Extra line-start markers of internal notes, added to the built-in list
    /// (`Internal note:`, `[Internal]`, ...). Case-insensitive.
    pub note_markers: Vec<String>,
}

/// The structure of the input, as sniffed or as forced by the policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum InputFormat {
    #[default]
    Auto,
    Text,
    Json,
    Jsonl,
    Csv,
    Eml,
    Html,
}

/// Whether internal notes are taken out or kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum InternalNotes {
    #[default]
    Remove,
    Keep,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            version: POLICY_VERSION,
            categories: BTreeMap::new(),
            strategies: BTreeMap::new(),
            default_strategy: Strategy::Numbered,
            allowlist: Allowlist::default(),
            custom_rules: Vec::new(),
            deny_terms: Vec::new(),
            format: InputFormat::Auto,
            internal_notes: InternalNotes::Remove,
            note_markers: Vec::new(),
        }
    }
}

impl Policy {
    /// Parses and validates a policy document.
    pub fn from_json(json: &str) -> Result<Policy, Error> {
        if json.trim().is_empty() {
            return Ok(Policy::default());
        }
        let policy: Policy =
            serde_json::from_str(json).map_err(|e| Error::Policy(e.to_string()))?;
        policy.validate()?;
        Ok(policy)
    }

    /// The policy as pretty JSON (what the web app exports).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    pub fn validate(&self) -> Result<(), Error> {
        if self.version != POLICY_VERSION {
            return Err(Error::Policy(format!(
                "unsupported version {} (this build reads version {POLICY_VERSION})",
                self.version
            )));
        }
        for key in self.categories.keys().chain(self.strategies.keys()) {
            if Category::from_id(key).is_none() {
                let known: Vec<&str> = Category::ALL.iter().map(|c| c.id()).collect();
                return Err(Error::Policy(format!(
                    "unknown category {key:?}; known categories: {}",
                    known.join(", ")
                )));
            }
        }
        for rule in &self.custom_rules {
            if rule.label.is_empty()
                || !rule
                    .label
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
            {
                return Err(Error::Policy(format!(
                    "custom rule label {:?} must be upper-case letters, digits and _",
                    rule.label
                )));
            }
            compile_user_pattern(&rule.pattern)?;
        }
        for p in &self.allowlist.patterns {
            compile_user_pattern(p)?;
        }
        for m in &self.note_markers {
            if m.trim().is_empty() || m.len() > 100 || m.contains('\n') {
                return Err(Error::Policy(format!(
                    "note marker {m:?} must be 1 to 100 bytes on one line"
                )));
            }
        }
        for c in &self.allowlist.cidrs {
            crate::engine::allowlist::Cidr::parse(c)?;
        }
        Ok(())
    }

    pub fn enabled(&self, category: Category) -> bool {
        self.categories
            .get(category.id())
            .copied()
            .unwrap_or_else(|| category.default_enabled())
    }

    pub fn strategy(&self, category: Category) -> Strategy {
        match self.strategies.get(category.id()) {
            Some(&s) => s,
            // Internal notes are taken out unless the policy names a strategy for them.
            None if category == Category::InternalNote => Strategy::Remove,
            None => self.default_strategy,
        }
    }
}

/// Compiles a user-supplied pattern with size limits, or explains why it cannot be used.
pub fn compile_user_pattern(pattern: &str) -> Result<regex::Regex, Error> {
    if pattern.len() > MAX_PATTERN_LEN {
        return Err(Error::Pattern {
            pattern: pattern.chars().take(40).collect::<String>() + "...",
            message: format!("longer than {MAX_PATTERN_LEN} bytes"),
        });
    }
    if pattern.is_empty() {
        return Err(Error::Pattern {
            pattern: String::new(),
            message: "empty pattern".into(),
        });
    }
    regex::RegexBuilder::new(pattern)
        .size_limit(MAX_PATTERN_COMPILED)
        .dfa_size_limit(MAX_PATTERN_COMPILED)
        .build()
        .map_err(|e| Error::Pattern {
            pattern: pattern.to_string(),
            message: e.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_round_trips() {
        let p = Policy::default();
        assert_eq!(Policy::from_json(&p.to_json()).unwrap(), p);
    }

    #[test]
    fn structure_fields() {
        let p = Policy::from_json(
            r#"{"format":"jsonl","internal_notes":"keep","note_markers":["NB:"]}"#,
        )
        .unwrap();
        assert_eq!(p.format, InputFormat::Jsonl);
        assert_eq!(p.internal_notes, InternalNotes::Keep);
        assert_eq!(p.strategy(Category::InternalNote), Strategy::Remove);
        assert!(Policy::from_json(r#"{"format":"xml"}"#).is_err());
        assert!(Policy::from_json(r#"{"note_markers":[" "]}"#).is_err());
    }

    #[test]
    fn unknown_field_is_clear_error() {
        let e = Policy::from_json(r#"{"version":1,"colour":"red"}"#).unwrap_err();
        assert!(e.to_string().contains("unknown field `colour`"), "{e}");
    }

    #[test]
    fn unknown_category_and_bad_regex() {
        let e = Policy::from_json(r#"{"categories":{"emial":true}}"#).unwrap_err();
        assert!(e.to_string().contains("unknown category \"emial\""), "{e}");
        let e = Policy::from_json(r#"{"custom_rules":[{"label":"X","pattern":"("}]}"#).unwrap_err();
        assert!(e.to_string().starts_with("invalid custom pattern"), "{e}");
        let huge = format!(
            r#"{{"custom_rules":[{{"label":"X","pattern":"{}"}}]}}"#,
            "a".repeat(2000)
        );
        assert!(Policy::from_json(&huge).is_err());
        let blowup = r#"{"custom_rules":[{"label":"X","pattern":"(\\w{100}){100}"}]}"#;
        assert!(Policy::from_json(blowup)
            .unwrap_err()
            .to_string()
            .contains("size limit"));
    }
}
