//! The mapping from replacements back to originals, and restore: put the real values back
//! into a reply that was written against the sanitized text.
//!
//! ```
//! use logscrub::{restore, Engine, Policy};
//!
//! let engine = Engine::new(Policy::default()).unwrap();
//! let out = engine.sanitize("Customer bob@contoso.com cannot log in");
//! let reply = "Hi, we reset [EMAIL-1]; [EMAIL-7] was never involved.";
//! let (text, unknown) = restore(reply, &out.mapping);
//! assert_eq!(text, "Hi, we reset bob@contoso.com; [EMAIL-7] was never involved.");
//! assert_eq!(unknown, ["[EMAIL-7]"]);
//! ```
//!
//! Only the `numbered`, `partial`, `fake` and `hash` strategies can be restored: `label`,
//! `mask` and `remove` do not tell two values apart, so they leave no mapping entries.

use crate::error::Error;
use crate::vocab::Category;
use aho_corasick::{AhoCorasickBuilder, MatchKind};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// The mapping format version this build reads and writes.
pub const MAPPING_VERSION: u32 = 1;

/// One entry of the mapping: what a replacement stands for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MappingEntry {
    /// The placeholder or fake value written in the output.
    pub replacement: String,
    /// The value it replaced.
    pub original: String,
    /// The kind of value.
    pub category: Category,
}

/// `{"version":1,"entries":[{"replacement","original","category"}]}`, in order of first
/// appearance. It holds the original values: it never leaves the user's machine.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// The mapping format version.
    pub version: u32,
    /// One entry per replacement, in order of first appearance.
    pub entries: Vec<MappingEntry>,
}

impl Default for Mapping {
    fn default() -> Self {
        Mapping {
            version: MAPPING_VERSION,
            entries: Vec::new(),
        }
    }
}

impl Mapping {
    /// A mapping of the current version holding `entries`.
    pub fn new(entries: Vec<MappingEntry>) -> Self {
        Mapping {
            version: MAPPING_VERSION,
            entries,
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Parses and checks a mapping document.
    pub fn from_json(json: &str) -> Result<Mapping, Error> {
        let m: Mapping = serde_json::from_str(json).map_err(|e| Error::Mapping(e.to_string()))?;
        if m.version != MAPPING_VERSION {
            return Err(Error::Mapping(format!(
                "unsupported version {} (this build reads version {MAPPING_VERSION})",
                m.version
            )));
        }
        let mut seen: HashMap<&str, &str> = HashMap::new();
        for e in &m.entries {
            if e.replacement.is_empty() {
                return Err(Error::Mapping(format!(
                    "entry for a {} value has an empty replacement",
                    e.category.id()
                )));
            }
            if let Some(prev) = seen.insert(&e.replacement, &e.original) {
                if prev != e.original {
                    return Err(Error::Mapping(format!(
                        "replacement {:?} stands for two different values",
                        e.replacement
                    )));
                }
            }
        }
        Ok(m)
    }

    /// The mapping as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// See [`restore`].
    pub fn restore(&self, text: &str) -> (String, Vec<String>) {
        restore(text, self)
    }
}

/// Placeholders as the engine writes them (`[EMAIL-1]`, `[EMAIL:3f2a9c1d]`, `[EMAIL]`).
fn placeholders(text: &str) -> impl Iterator<Item = &str> {
    crate::vocab::placeholder::placeholder_spans(text)
        .into_iter()
        .map(move |(s, e)| &text[s..e])
}

/// Puts the originals back into `text` (a reply written against sanitized text). Returns the
/// restored text and the placeholder-shaped tokens that the mapping does not know (in order
/// of first appearance, once each): numbered or hashed placeholders of another run, and
/// `[EMAIL]`-style labels, which cannot be restored.
///
/// Replacements are matched longest first and ASCII case-insensitively (a reply may write
/// `User1@Example.invalid`); one that starts or ends with a letter or digit must not be glued
/// to another one (`192.0.2.5` is not restored inside `192.0.2.55`). The bare placeholder
/// inside a partial form (`[EMAIL-1]` of `[EMAIL-1]@example-corp.com`) restores the whole
/// original too.
pub fn restore(text: &str, mapping: &Mapping) -> (String, Vec<String>) {
    let mut pats: Vec<&str> = Vec::new();
    let mut origs: Vec<&str> = Vec::new();
    let mut known: HashSet<&str> = HashSet::new();
    for e in &mapping.entries {
        if e.replacement.is_empty() {
            continue;
        }
        pats.push(&e.replacement);
        origs.push(&e.original);
        known.insert(&e.replacement);
    }
    for e in &mapping.entries {
        // Aliases: the placeholder inside a partial form, when nothing else claims it.
        for p in placeholders(&e.replacement) {
            if p != e.replacement && known.insert(p) {
                pats.push(p);
                origs.push(&e.original);
            }
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    if !pats.is_empty() {
        if let Ok(ac) = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&pats)
        {
            for m in ac.find_iter(text) {
                let i = m.pattern().as_usize();
                let (Some(p), Some(o)) = (pats.get(i), origs.get(i)) else {
                    continue;
                };
                if glued(text, m.start(), m.end(), p) {
                    continue;
                }
                out.push_str(&text[last..m.start()]);
                out.push_str(o);
                last = m.end();
            }
        }
    }
    out.push_str(&text[last..]);

    let known_lower: HashSet<String> = known.iter().map(|k| k.to_ascii_lowercase()).collect();
    let mut unknown: Vec<String> = Vec::new();
    for p in placeholders(text) {
        if known_lower.contains(&p.to_ascii_lowercase()) || unknown.iter().any(|u| u == p) {
            continue;
        }
        let bare_label = !p.contains(['-', ':']);
        if bare_label {
            // `[INFO]`, `[WARN]` are log levels, not ours: only our category labels count.
            let label = p.trim_start_matches('[').trim_end_matches(']');
            if !Category::ALL.iter().any(|c| c.label() == label) {
                continue;
            }
        }
        unknown.push(p.to_string());
    }
    (out, unknown)
}

/// Whether the match at `s..e` of pattern `p` is part of a longer word or number.
fn glued(text: &str, s: usize, e: usize, p: &str) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let before = text.get(..s).and_then(|t| t.chars().next_back());
    let after = text.get(e..).and_then(|t| t.chars().next());
    (alnum(p.chars().next()) && alnum(before)) || (alnum(p.chars().next_back()) && alnum(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(entries: &[(&str, &str, Category)]) -> Mapping {
        Mapping::new(
            entries
                .iter()
                .map(|&(r, o, c)| MappingEntry {
                    replacement: r.into(),
                    original: o.into(),
                    category: c,
                })
                .collect(),
        )
    }

    #[test]
    fn restores_all_forms() {
        let map = m(&[
            ("[EMAIL-1]@corp.com", "bob@corp.com", Category::Email),
            ("192.0.2.5", "10.0.0.5", Category::Ipv4),
            ("[PHONE:3f2a9c1d]", "+1 415 555 0199", Category::Phone),
            ("user1@example.invalid", "eve@x.org", Category::Email),
        ]);
        let (t, u) = restore(
            "[EMAIL-1]@corp.com / [EMAIL-1] / 192.0.2.5, not 192.0.2.55; [PHONE:3f2a9c1d] \
             User1@Example.invalid [INFO] [NAME] [IPV4-3]",
            &map,
        );
        assert_eq!(
            t,
            "bob@corp.com / bob@corp.com / 10.0.0.5, not 192.0.2.55; +1 415 555 0199 \
             eve@x.org [INFO] [NAME] [IPV4-3]"
        );
        assert_eq!(u, ["[NAME]", "[IPV4-3]"]);
    }

    #[test]
    fn json_round_trip_and_errors() {
        let map = m(&[("[EMAIL-1]", "a@b.com", Category::Email)]);
        let json = map.to_json();
        assert!(json.contains("\"version\": 1"));
        assert_eq!(Mapping::from_json(&json).unwrap(), map);
        assert!(Mapping::from_json(r#"{"version":2,"entries":[]}"#).is_err());
        assert!(Mapping::from_json(r#"{"version":1}"#).is_err());
        let e = Mapping::from_json(
            r#"{"version":1,"entries":[{"replacement":"[A-1]","original":"x","category":"email"},
                {"replacement":"[A-1]","original":"y","category":"email"}]}"#,
        )
        .unwrap_err();
        assert!(e.to_string().contains("two different values"), "{e}");
        let e = Mapping::from_json("[1,2]").unwrap_err();
        assert!(e.to_string().starts_with("invalid mapping"), "{e}");
    }

    #[test]
    fn empty_mapping_reports_unknown() {
        let (t, u) = restore("see [EMAIL-2] and [EMAIL-2]", &Mapping::default());
        assert_eq!(t, "see [EMAIL-2] and [EMAIL-2]");
        assert_eq!(u, ["[EMAIL-2]"]);
    }
}
