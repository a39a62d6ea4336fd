//! The user's own rules from the policy: labelled patterns and deny-listed terms.

use super::{Category, Detector, Finding};
use crate::error::Error;
use crate::policy::{compile_user_pattern, Policy};
use std::borrow::Cow;

/// Compiled-size limit of the deny-term alternation.
const DENY_TERMS_COMPILED: usize = 4 << 20;

/// The policy's custom rules and deny-listed terms, compiled.
pub struct CustomDetector {
    rules: Vec<(String, crate::pattern::Pattern)>,
    deny: Option<crate::pattern::Pattern>,
}

impl CustomDetector {
    /// Builds the detector from the policy; `None` when the policy has no custom rules.
    pub fn from_policy(policy: &Policy) -> Result<Option<CustomDetector>, Error> {
        let mut rules = Vec::new();
        for r in &policy.custom_rules {
            rules.push((r.label.clone(), compile_user_pattern(&r.pattern)?));
        }
        let terms: Vec<String> = policy
            .deny_terms
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .map(regex_syntax::escape)
            .collect();
        let deny = if terms.is_empty() {
            None
        } else {
            // Whole words are checked on each match (Unicode-aware), not in the pattern.
            let pattern = format!(r"(?i)(?:{})", terms.join("|"));
            // Escaped terms have no counted repetition, so a long list stays fast: it gets
            // the room that many terms need.
            Some(crate::pattern::compile_with_limit(
                "deny_terms",
                &pattern,
                DENY_TERMS_COMPILED,
            )?)
        };
        if rules.is_empty() && deny.is_none() {
            return Ok(None);
        }
        Ok(Some(CustomDetector { rules, deny }))
    }
}

fn is_word_char_at(text: &str, i: usize, before: bool) -> bool {
    let c = if before {
        text[..i].chars().next_back()
    } else {
        text[i..].chars().next()
    };
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

impl Detector for CustomDetector {
    fn categories(&self) -> &[Category] {
        &[Category::Custom]
    }

    fn detect(&self, text: &str, out: &mut Vec<Finding>) {
        for (label, re) in &self.rules {
            for (ms, me) in re.find_all(text) {
                let mut f =
                    Finding::new(Category::Custom, "custom.pattern", ms, me, "policy pattern");
                f.rule = Cow::Owned(format!("custom.{}", label.to_ascii_lowercase()));
                f.label = Some(label.clone());
                out.push(f);
            }
        }
        if let Some(deny) = &self.deny {
            for (ms, me) in deny.find_all(text) {
                if is_word_char_at(text, ms, true) || is_word_char_at(text, me, false) {
                    continue;
                }
                let mut f = Finding::new(
                    Category::Custom,
                    "custom.deny_term",
                    ms,
                    me,
                    "deny-listed term",
                );
                f.label = Some("REDACTED".into());
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(policy: &str, text: &str) -> Vec<(String, String)> {
        let p = Policy::from_json(policy).unwrap();
        let d = CustomDetector::from_policy(&p).unwrap().unwrap();
        let mut out = Vec::new();
        d.detect(text, &mut out);
        out.iter()
            .map(|f| (f.label().to_string(), text[f.start..f.end].to_string()))
            .collect()
    }

    #[test]
    fn custom_rules_and_deny_terms() {
        let got = found(
            r#"{"custom_rules":[{"label":"EMPLOYEE_ID","pattern":"\\bE\\d{6}\\b"}],"deny_terms":["Project Falcon"]}"#,
            "E123456 works on project falcon, not Project Falconry or E1234567.",
        );
        assert_eq!(
            got,
            [
                ("EMPLOYEE_ID".to_string(), "E123456".to_string()),
                ("REDACTED".to_string(), "project falcon".to_string())
            ]
        );
    }
}
