//! The allowlist: values the user wants left as they are.

use crate::error::Error;
use crate::policy::{compile_user_pattern, Policy};
use crate::vocab::{normalise, Category, Cidr, Finding};
use std::collections::HashSet;
use std::net::IpAddr;

/// The policy's [`crate::policy::Allowlist`], compiled: what a run looks findings up in.
pub struct AllowlistMatcher {
    values: HashSet<String>,
    domains: Vec<String>,
    cidrs: Vec<Cidr>,
    patterns: Vec<crate::pattern::Pattern>,
}

impl AllowlistMatcher {
    pub fn from_policy(policy: &Policy) -> Result<AllowlistMatcher, Error> {
        let a = &policy.allowlist;
        Ok(AllowlistMatcher {
            values: a.values.iter().map(|v| v.trim().to_lowercase()).collect(),
            domains: a
                .email_domains
                .iter()
                .map(|d| d.trim().trim_start_matches('@').to_lowercase())
                .collect(),
            cidrs: a
                .cidrs
                .iter()
                .map(|c| Cidr::parse(c))
                .collect::<Result<_, _>>()?,
            patterns: a
                .patterns
                .iter()
                .map(|p| compile_user_pattern(&format!("^(?:{p})$")))
                .collect::<Result<_, _>>()?,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
            && self.domains.is_empty()
            && self.cidrs.is_empty()
            && self.patterns.is_empty()
    }

    /// Whether the finding (whose text is `value`) is allowed to stay.
    pub fn allows(&self, f: &Finding, value: &str) -> bool {
        if self.is_empty() {
            return false;
        }
        let norm = normalise(f.category, value);
        if self.values.contains(&value.to_lowercase()) || self.values.contains(&norm) {
            return true;
        }
        if f.category == Category::Email {
            if let Some((_, domain)) = norm.rsplit_once('@') {
                if self
                    .domains
                    .iter()
                    .any(|d| domain == d || domain.ends_with(&format!(".{d}")))
                {
                    return true;
                }
            }
        }
        if matches!(f.category, Category::Ipv4 | Category::Ipv6) {
            if let Ok(ip) = norm.parse::<IpAddr>() {
                if self.cidrs.iter().any(|c| c.contains(ip)) {
                    return true;
                }
            }
        }
        self.patterns.iter().any(|p| p.is_match(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cidr_contains() {
        let c = Cidr::parse("10.0.0.0/8").unwrap();
        assert!(c.contains("10.9.8.7".parse().unwrap()));
        assert!(!c.contains("11.0.0.1".parse().unwrap()));
        let c = Cidr::parse("2001:db8::/32").unwrap();
        assert!(c.contains("2001:db8:1::5".parse().unwrap()));
        assert!(Cidr::parse("0.0.0.0/0")
            .unwrap()
            .contains("1.2.3.4".parse().unwrap()));
        assert!(Cidr::parse("10.0.0.0/33").is_err());
    }
}
