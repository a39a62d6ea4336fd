//! A compiled policy: its detectors, allowlist and key, and detection over one text
//! (detect, then resolve overlaps).

use super::allowlist::AllowlistMatcher;
use super::repeat;
use crate::detect::{self, custom::CustomDetector, Detector};
use crate::error::Error;
use crate::policy::{Policy, Strategy};
use crate::replace::fake;
use crate::vocab::{normalise, Finding};
use std::collections::BTreeMap;

/// Shortest key accepted for the `hash` strategy, in bytes.
pub const MIN_KEY_LEN: usize = 16;

/// A compiled policy, ready to scan any number of texts. Build once, reuse.
pub struct Engine {
    pub(super) policy: Policy,
    pub(super) detectors: Vec<Box<dyn Detector>>,
    pub(super) allowlist: AllowlistMatcher,
    /// The `hash` strategy's key; never part of the policy file.
    pub(super) key: Option<Vec<u8>>,
    pub(super) fingerprint: String,
}

impl Engine {
    /// Compiles `policy`. Fails when the policy is invalid or uses the `hash` strategy
    /// (which needs [`Engine::with_key`]).
    pub fn new(policy: Policy) -> Result<Engine, Error> {
        let hashed = policy.categories_using(Strategy::Hash);
        if !hashed.is_empty() {
            let ids: Vec<&str> = hashed.iter().map(|c| c.id()).collect();
            return Err(Error::Key(format!(
                "the \"hash\" strategy (used for {}) needs a secret key; give one with \
                 Engine::with_key (CLI: --key-file FILE). It is never read from the policy",
                ids.join(", ")
            )));
        }
        Engine::build(policy, None)
    }

    /// Compiles `policy` with the key of the `hash` strategy (at least [`MIN_KEY_LEN`]
    /// bytes). The same key gives the same `[EMAIL:3f2a9c1d]` on every machine.
    pub fn with_key(policy: Policy, key: &[u8]) -> Result<Engine, Error> {
        if key.len() < MIN_KEY_LEN {
            return Err(Error::Key(format!(
                "the key has {} bytes; use at least {MIN_KEY_LEN} random bytes (a short key \
                 lets anyone guess values back from their hashes)",
                key.len()
            )));
        }
        Engine::build(policy, Some(key.to_vec()))
    }

    fn build(policy: Policy, key: Option<Vec<u8>>) -> Result<Engine, Error> {
        policy.validate()?;
        let mut detectors: Vec<Box<dyn Detector>> = detect::builtin()
            .into_iter()
            .filter(|d| d.categories().iter().any(|&c| policy.enabled(c)))
            .collect();
        if let Some(custom) = CustomDetector::from_policy(&policy)? {
            detectors.push(Box::new(custom));
        }
        let allowlist = AllowlistMatcher::from_policy(&policy)?;
        let fingerprint = policy.fingerprint();
        Ok(Engine {
            policy,
            detectors,
            allowlist,
            key,
            fingerprint,
        })
    }

    /// The policy this engine was compiled from.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// All findings in `text` after overlap resolution and the allowlist, sorted by start.
    /// The second value counts findings dropped by the allowlist.
    pub fn detect(&self, text: &str) -> (Vec<Finding>, usize) {
        self.detect_with(
            text,
            Some(&mut crate::structure::Context::default()),
            None,
            "",
        )
    }

    /// The detectors alone, without the structure pass: for re-scanning pieces of output
    /// (lines a replacement touched), where the document structure is not visible.
    pub(crate) fn detect_content(&self, text: &str) -> Vec<Finding> {
        self.detect_with(text, None, None, "").0
    }

    /// [`Engine::detect`] with the structure context of a run (format, learned names) and
    /// the values found in its earlier segments, replaced wherever they recur.
    ///
    /// `lead` is the end of the input just before `text` (a stream's previous segment): the
    /// detectors read it as context (a phone number alone on its line takes the label of the
    /// line above), and nothing in it is reported.
    pub(super) fn detect_in(
        &self,
        text: &str,
        ctx: &mut crate::structure::Context,
        known: &repeat::Known,
        lead: &str,
    ) -> (Vec<Finding>, usize) {
        self.detect_with(text, Some(ctx), Some(known), lead)
    }

    pub(super) fn detect_with(
        &self,
        text: &str,
        ctx: Option<&mut crate::structure::Context>,
        known: Option<&repeat::Known>,
        lead: &str,
    ) -> (Vec<Finding>, usize) {
        let mut raw = Vec::new();
        if lead.is_empty() {
            for d in &self.detectors {
                d.detect(text, &mut raw);
            }
            crate::normalize::detect(text, &self.detectors, &mut raw);
        } else {
            let joined = [lead, text].concat();
            for d in &self.detectors {
                d.detect(&joined, &mut raw);
            }
            crate::normalize::detect(&joined, &self.detectors, &mut raw);
            let n = lead.len();
            raw.retain(|f| f.start >= n);
            for f in &mut raw {
                f.start -= n;
                f.end -= n;
            }
        }
        let mut ctx = ctx;
        if let Some(ctx) = ctx.as_deref_mut() {
            crate::structure::analyze(text, &self.policy, ctx, &mut raw);
            // MIME headers, boundaries and attachment bodies keep the structure valid.
            ctx.drop_protected(&mut raw);
        }
        raw.retain(|f| !f.is_empty() && f.end <= text.len() && self.policy.enabled(f.category));
        let resolved = resolve_overlaps(raw);
        let before = resolved.len();
        let docs = self.policy.allow_documentation_values;
        let mut kept: Vec<Finding> = resolved
            .into_iter()
            .filter(|f| {
                let value = &text[f.start..f.end];
                let documentation =
                    docs && fake::is_documentation_value(f.category, &normalise(f.category, value));
                !(documentation || self.allowlist.allows(f, value))
            })
            .collect();
        let allowed = before - kept.len();
        repeat::extend(text, &mut kept, known);
        if let Some(ctx) = ctx {
            ctx.drop_protected(&mut kept);
        }
        (kept, allowed)
    }
}

/// Keeps the longer, then the more specific, of overlapping findings; deterministic.
pub(super) fn resolve_overlaps(mut raw: Vec<Finding>) -> Vec<Finding> {
    if raw.len() <= 1 {
        return raw;
    }
    raw.sort_by(|a, b| {
        b.len()
            .cmp(&a.len())
            .then(b.category.specificity().cmp(&a.category.specificity()))
            .then(a.start.cmp(&b.start))
            .then(a.rule.cmp(&b.rule))
    });
    // Kept spans by start; a candidate is kept when it overlaps none of them.
    let mut kept: BTreeMap<usize, Finding> = BTreeMap::new();
    for f in raw {
        let overlaps_before = kept
            .range(..f.end)
            .next_back()
            .is_some_and(|(_, k)| k.end > f.start);
        if !overlaps_before {
            kept.insert(f.start, f);
        }
    }
    kept.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Category;

    #[test]
    fn overlap_longer_then_specific_wins() {
        let a = Finding::new(Category::Email, "a", 0, 10, "");
        let b = Finding::new(Category::UrlCredentials, "b", 0, 20, "");
        let c = Finding::new(Category::Phone, "c", 25, 30, "");
        let d = Finding::new(Category::Ipv4, "d", 25, 30, "");
        let r = resolve_overlaps(vec![a, b, c, d]);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].rule, "b");
        assert_eq!(r[1].category, Category::Ipv4);
    }
}
