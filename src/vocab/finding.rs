//! One detected value, as every detector reports it.

use super::Category;
use std::borrow::Cow;

/// One detected value: where it is, what it is, and why it fired.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The kind of value.
    pub category: Category,
    /// Stable rule id, e.g. `email.plain`, `ipv4.dotted`, `secret.github_pat`.
    pub rule: Cow<'static, str>,
    /// Byte span in the text that was scanned.
    pub start: usize,
    /// Byte span in the text (end, exclusive).
    pub end: usize,
    /// Why the rule fired: validator passed, context word seen, ...
    pub reason: Cow<'static, str>,
    /// Placeholder label for custom rules (`EMPLOYEE_ID`); `None` uses the category label.
    pub label: Option<String>,
    /// The value under which the finding is numbered when it is not its own text: a learned
    /// name's part (`Jane`) is numbered as the full name (`Jane Doe`). `None` uses the text.
    pub key: Option<String>,
}

impl Finding {
    /// A finding of `category` by `rule` over `start..end`, with the reason the rule fired.
    pub fn new(
        category: Category,
        rule: &'static str,
        start: usize,
        end: usize,
        reason: &'static str,
    ) -> Self {
        Finding {
            category,
            rule: Cow::Borrowed(rule),
            start,
            end,
            reason: Cow::Borrowed(reason),
            label: None,
            key: None,
        }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The placeholder label of this finding.
    pub fn label(&self) -> &str {
        self.label.as_deref().unwrap_or(self.category.label())
    }
}
