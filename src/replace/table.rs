//! A pseudonym table shared by many runs, so that `[EMAIL-7]` means the same address in every
//! record, partition and run of a batch job (the Spark integration of the Python package).
//!
//! The `numbered`, `partial` and `fake` strategies hand out replacements in order of first
//! appearance, so two runs over different pieces of a data set would give the same number to
//! different values. A batch job instead makes two passes: the first collects the values each
//! piece replaces ([`crate::Engine::table_values`]), the driver merges them into one
//! [`SharedTable`] whose numbers follow a fixed order (label, then normalised value: not the
//! order the pieces arrived in), and the second pass replaces every piece against it
//! ([`crate::Engine::sanitize_with_table`]). The same values give the same table on any
//! cluster, in any partitioning, on any run.

use super::{Mapping, Pseudonyms};
use crate::policy::{Policy, Strategy};
use crate::vocab::{normalise, Category};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A value a run replaced with a strategy that numbers its values, as the first pass of a
/// batch job reports it. It holds an original value: keep it in memory, never in a log.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TableValue {
    /// The placeholder label (`EMAIL`, or a custom rule's label).
    pub label: String,
    /// The kind of value.
    pub category: Category,
    /// The value as written in the input.
    pub value: String,
}

/// Whether `strategy` numbers values in order of appearance (and so needs a shared table to
/// be consistent across runs). `hash` needs none: it is keyed, the same everywhere.
pub fn numbers_values(strategy: Strategy) -> bool {
    matches!(
        strategy,
        Strategy::Numbered | Strategy::Partial | Strategy::Fake
    )
}

/// The merged table of a batch job; read-only, shared by every run that uses it.
#[derive(Clone, Debug)]
pub struct SharedTable {
    base: Arc<Pseudonyms>,
    values: usize,
}

impl SharedTable {
    /// Builds the table from the values of every piece, in any order and with repeats: they
    /// are sorted by label and normalised value (the smallest spelling of a value is the
    /// one the mapping restores) and numbered in that order, under `policy`.
    pub fn build(policy: &Policy, values: impl IntoIterator<Item = TableValue>) -> SharedTable {
        let mut keyed: Vec<(String, String, String, Category)> = values
            .into_iter()
            .filter(|v| numbers_values(policy.strategy(v.category)))
            .map(|v| {
                let norm = normalise(v.category, &v.value);
                (v.label, norm, v.value, v.category)
            })
            .collect();
        keyed.sort();
        keyed.dedup_by(|b, a| a.0 == b.0 && a.1 == b.1);
        let mut p = Pseudonyms::new();
        for (label, _, value, category) in &keyed {
            p.replace(policy, *category, label, value);
        }
        SharedTable {
            base: Arc::new(p),
            values: keyed.len(),
        }
    }

    /// Distinct values in the table.
    pub fn len(&self) -> usize {
        self.values
    }

    /// Whether the table holds no value.
    pub fn is_empty(&self) -> bool {
        self.values == 0
    }

    /// Replacement → original for every value of the table (for a later restore).
    pub fn mapping(&self) -> Mapping {
        Mapping::new(self.base.mapping().to_vec())
    }

    /// A pseudonym table for one run on top of this one; `key` is the engine's `hash` key.
    pub(crate) fn pseudonyms(&self, key: Option<&[u8]>) -> Pseudonyms {
        Pseudonyms {
            key: key.map(<[u8]>::to_vec),
            counters: self.base.counters.clone(),
            base: Some(Arc::clone(&self.base)),
            ..Pseudonyms::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(c: Category, value: &str) -> TableValue {
        TableValue {
            label: c.label().to_string(),
            category: c,
            value: value.to_string(),
        }
    }

    #[test]
    fn order_of_arrival_does_not_change_the_numbers() {
        let p = Policy::default();
        let a = SharedTable::build(
            &p,
            [
                v(Category::Email, "b@x.com"),
                v(Category::Email, "A@X.COM"),
                v(Category::Ipv4, "10.0.0.1"),
            ],
        );
        let b = SharedTable::build(
            &p,
            [
                v(Category::Ipv4, "10.0.0.1"),
                v(Category::Email, "a@x.com"),
                v(Category::Email, "b@x.com"),
                v(Category::Email, "A@X.COM"),
            ],
        );
        assert_eq!(a.len(), 3);
        assert_eq!(a.mapping(), b.mapping());
        let m = a.mapping();
        let find = |r: &str| m.entries.iter().find(|e| e.replacement == r).cloned();
        // The smallest spelling is the one restored.
        assert_eq!(
            find("[EMAIL-1]").map(|e| e.original),
            Some("A@X.COM".into())
        );
        assert_eq!(
            find("[EMAIL-2]").map(|e| e.original),
            Some("b@x.com".into())
        );
        assert_eq!(
            find("[IPV4-1]").map(|e| e.original),
            Some("10.0.0.1".into())
        );
    }

    #[test]
    fn keyed_and_label_strategies_need_no_table() {
        let p = Policy::from_json(r#"{"strategies":{"email":"hash","ipv4":"label"}}"#).unwrap();
        let t = SharedTable::build(
            &p,
            [v(Category::Email, "a@x.com"), v(Category::Ipv4, "10.0.0.1")],
        );
        assert!(t.is_empty());
    }
}
