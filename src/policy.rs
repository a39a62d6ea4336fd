//! The policy: one JSON document shared by the web app and the CLI.
//!
//! ```json
//! {
//!   "version": 1,
//!   "categories": { "case": false, "phone": false },
//!   "strategies": { "email": "label", "ipv4": "partial", "phone": "fake" },
//!   "default_strategy": "numbered",
//!   "allow_documentation_values": false,
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

use crate::error::Error;
use crate::vocab::Category;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The policy format version this build reads and writes.
pub const POLICY_VERSION: u32 = 1;

/// Largest accepted source of one user pattern, in bytes.
pub const MAX_PATTERN_LEN: usize = crate::pattern::MAX_LEN;
/// Largest compiled size of one user pattern (the regex crate's `size_limit`).
pub const MAX_PATTERN_COMPILED: usize = crate::pattern::MAX_COMPILED;

/// How the values of one category are replaced. Policy JSON names: `label`, `numbered`,
/// `mask`, `partial`, `fake`, `hash`, `remove`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    /// `[EMAIL-1]`: the same value always gets the same number.
    #[default]
    Numbered,
    /// `[EMAIL]`.
    Label,
    /// Keeps the shape, hides the content: `j***@e******.com`, `203.0.***.***`.
    Mask,
    /// Keeps what helps debugging and is not personal (email domain, IPv4 /24, IPv6 /48,
    /// card last four), numbers the rest: `[EMAIL-1]@example-corp.com`.
    Partial,
    /// Realistic values from reserved ranges (`user1@example.invalid`, `192.0.2.7`), so the
    /// output still parses as a log; equal originals give equal fakes.
    Fake,
    /// Keyed HMAC-SHA-256, shown short: `[EMAIL:3f2a9c1d]`. Needs a key (`Engine::with_key`).
    Hash,
    /// The value disappears.
    Remove,
}

impl Strategy {
    /// Every strategy, in a stable order.
    pub const ALL: [Strategy; 7] = [
        Strategy::Label,
        Strategy::Numbered,
        Strategy::Mask,
        Strategy::Partial,
        Strategy::Fake,
        Strategy::Hash,
        Strategy::Remove,
    ];

    /// The policy/JSON name (`numbered`, `fake`, ...).
    pub fn id(self) -> &'static str {
        match self {
            Strategy::Numbered => "numbered",
            Strategy::Label => "label",
            Strategy::Mask => "mask",
            Strategy::Partial => "partial",
            Strategy::Fake => "fake",
            Strategy::Hash => "hash",
            Strategy::Remove => "remove",
        }
    }

    /// Parses a strategy name.
    pub fn from_id(id: &str) -> Option<Strategy> {
        Strategy::ALL.into_iter().find(|s| s.id() == id)
    }

    /// Whether the mapping can bring the original back from this strategy's output.
    pub fn restorable(self) -> bool {
        matches!(
            self,
            Strategy::Numbered | Strategy::Partial | Strategy::Fake | Strategy::Hash
        )
    }
}

/// Values the policy keeps as they are, whatever detects them.
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

/// A user rule: a pattern whose matches are replaced under the rule's label.
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
    /// The policy format's version (`POLICY_VERSION`).
    pub version: u32,
    /// Category on/off overrides by category id; missing categories keep their default.
    pub categories: BTreeMap<String, bool>,
    /// Strategy overrides by category id; missing categories use `default_strategy`.
    pub strategies: BTreeMap<String, Strategy>,
    /// The strategy of every category that `strategies` does not name.
    pub default_strategy: Strategy,
    /// What is never replaced.
    pub allowlist: Allowlist,
    /// The user's own patterns.
    pub custom_rules: Vec<CustomRule>,
    /// Terms always redacted (case-insensitive, whole words).
    pub deny_terms: Vec<String>,
    /// Leave reserved documentation values (`example.com` addresses, 192.0.2.0/24,
    /// 2001:db8::/32, 555-01xx numbers, test card numbers, ...) in the input as they are.
    /// Off by default: test data often uses them and should still be found.
    pub allow_documentation_values: bool,
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
    /// Sniffed from the input.
    #[default]
    Auto,
    /// A plain-text transcript or log.
    Text,
    /// One JSON document (a platform export).
    Json,
    /// JSON Lines: one record per line.
    Jsonl,
    /// CSV with a header row.
    Csv,
    /// An email file (raw MIME).
    Eml,
    /// An HTML transcript.
    Html,
}

impl InputFormat {
    /// Every format, in the order the help lists them.
    pub const ALL: [InputFormat; 7] = [
        InputFormat::Auto,
        InputFormat::Text,
        InputFormat::Json,
        InputFormat::Jsonl,
        InputFormat::Csv,
        InputFormat::Eml,
        InputFormat::Html,
    ];

    /// The id the policy file and the command line write (`auto`, `jsonl`, ...).
    pub fn id(self) -> &'static str {
        match self {
            InputFormat::Auto => "auto",
            InputFormat::Text => "text",
            InputFormat::Json => "json",
            InputFormat::Jsonl => "jsonl",
            InputFormat::Csv => "csv",
            InputFormat::Eml => "eml",
            InputFormat::Html => "html",
        }
    }

    /// The format of an id, if it is one.
    pub fn from_id(id: &str) -> Option<InputFormat> {
        InputFormat::ALL.into_iter().find(|f| f.id() == id)
    }
}

/// Whether internal notes are taken out or kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum InternalNotes {
    /// Internal notes are replaced (the default).
    #[default]
    Remove,
    /// Internal notes are kept.
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
            allow_documentation_values: false,
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

    /// SHA-256 (hex) of the canonical policy JSON: compact, fields in declaration order, maps
    /// sorted. Two files that parse to the same policy have the same fingerprint.
    pub fn fingerprint(&self) -> String {
        use sha2::{Digest, Sha256};
        let canonical = serde_json::to_string(self).unwrap_or_default();
        crate::vocab::hex(&Sha256::digest(canonical.as_bytes()))
    }

    /// The categories that are enabled and use `strategy`.
    pub fn categories_using(&self, strategy: Strategy) -> Vec<Category> {
        Category::ALL
            .into_iter()
            .filter(|&c| self.enabled(c) && self.strategy(c) == strategy)
            .collect()
    }

    /// Checks every part a run would need: strategies, keys, patterns, CIDRs.
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
            crate::vocab::Cidr::parse(c)?;
        }
        Ok(())
    }

    /// Whether findings of `category` are replaced.
    pub fn enabled(&self, category: Category) -> bool {
        by_category(&self.categories, category)
            .copied()
            .unwrap_or_else(|| category.default_enabled())
    }

    /// How findings of `category` are replaced.
    pub fn strategy(&self, category: Category) -> Strategy {
        match by_category(&self.strategies, category) {
            Some(&s) => s,
            // Internal notes are taken out unless the policy names a strategy for them.
            None if category == Category::InternalNote => Strategy::Remove,
            None => self.default_strategy,
        }
    }
}

/// The entry of `category` in a policy map, under its id or an older id it still accepts
/// (`ticket` for `case`); the current id wins when both are given.
fn by_category<T>(map: &BTreeMap<String, T>, category: Category) -> Option<&T> {
    map.get(category.id()).or_else(|| match category {
        Category::Case => map.get("ticket"),
        _ => None,
    })
}

/// Compiles a user-supplied pattern with size limits, or explains why it cannot be used
/// (see [`crate::pattern`]).
pub fn compile_user_pattern(pattern: &str) -> Result<crate::pattern::Pattern, Error> {
    crate::pattern::compile(pattern)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_ids_are_the_policy_file_spelling() {
        // One list of formats: the command line's ids are the policy file's serde names.
        for f in InputFormat::ALL {
            assert_eq!(serde_json::to_value(f).unwrap(), f.id());
            assert_eq!(InputFormat::from_id(f.id()), Some(f));
        }
        assert_eq!(InputFormat::from_id("xml"), None);
    }

    #[test]
    fn ticket_is_the_old_id_of_case() {
        let p = Policy::from_json(
            r#"{"version":1,"categories":{"ticket":false},"strategies":{"ticket":"label"}}"#,
        )
        .unwrap();
        assert!(!p.enabled(Category::Case));
        assert_eq!(p.strategy(Category::Case), Strategy::Label);
        let p = Policy::from_json(r#"{"version":1,"categories":{"ticket":false,"case":true}}"#)
            .unwrap();
        assert!(p.enabled(Category::Case));
        assert!(Policy::default().enabled(Category::Case));
        for c in [
            Category::Username,
            Category::DateOfBirth,
            Category::Location,
            Category::Address,
            Category::Name,
        ] {
            assert!(Policy::default().enabled(c), "{c:?}");
        }
        assert!(!Policy::default().enabled(Category::Country));
    }

    #[test]
    fn default_round_trips() {
        let p = Policy::default();
        assert_eq!(Policy::from_json(&p.to_json()).unwrap(), p);
    }

    #[test]
    fn strategies_parse_by_name() {
        for s in Strategy::ALL {
            let json = format!(r#"{{"strategies":{{"email":"{}"}}}}"#, s.id());
            assert_eq!(
                Policy::from_json(&json).unwrap().strategy(Category::Email),
                s
            );
            assert_eq!(Strategy::from_id(s.id()), Some(s));
        }
        let e = Policy::from_json(r#"{"strategies":{"email":"blur"}}"#).unwrap_err();
        assert!(e.to_string().contains("unknown variant `blur`"), "{e}");
        let p = Policy::from_json(r#"{"allow_documentation_values":true}"#).unwrap();
        assert!(p.allow_documentation_values);
    }

    #[test]
    fn fingerprint_ignores_formatting() {
        let a = Policy::from_json(r#"{"version":1,"strategies":{"email":"fake"}}"#).unwrap();
        let b = Policy::from_json("{\n \"strategies\": {\"email\": \"fake\"},\n \"version\": 1 }")
            .unwrap();
        assert_eq!(a.fingerprint(), b.fingerprint());
        assert_eq!(a.fingerprint().len(), 64);
        assert_ne!(a.fingerprint(), Policy::default().fingerprint());
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
        let blowup = r#"{"custom_rules":[{"label":"X","pattern":"(\\w{1000}){1000}"}]}"#;
        assert!(Policy::from_json(blowup)
            .unwrap_err()
            .to_string()
            .contains("counted repetitions add up to"));
    }
}
