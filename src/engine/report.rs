//! What a run reports: findings with their spans, residuals, counts, the mapping.

use crate::error::Error;
use crate::policy::Strategy;
use crate::replace::Mapping;
use crate::vocab::Category;
use serde::Serialize;
use std::collections::BTreeMap;

/// A finding as reported to callers: byte and UTF-16 spans, and what replaced it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FindingReport {
    /// The kind of value.
    pub category: Category,
    /// The rule that found it (`email.plain`, `secret.github_pat`).
    pub rule: String,
    /// The placeholder label (`EMAIL`, or a custom rule's label).
    pub label: String,
    /// Byte span in the input (start).
    pub start: usize,
    /// Byte span in the input (end, exclusive).
    pub end: usize,
    /// The same span in UTF-16 code units (start), as JavaScript counts.
    pub start_utf16: usize,
    /// The same span in UTF-16 code units (end).
    pub end_utf16: usize,
    /// Why the rule fired (a validator passed, a context word was seen).
    pub reason: String,
    /// What replaced the value in the output.
    pub replacement: String,
    /// The matched text; only filled when the caller asks for values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// Where the leak check found something in the output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Residual {
    /// Byte offset in the output.
    pub start: usize,
    /// Byte offset in the output where it ends.
    pub end: usize,
    /// The kind of value left there.
    pub category: Category,
    /// What was found: `original value`, `detection`, `leak check unavailable`, a stream limit.
    pub kind: &'static str,
}

/// One finding in the report: where, what and how it was replaced; the original value only
/// when the caller asked for values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReportFinding {
    /// The kind of value.
    pub category: Category,
    /// The rule that found it.
    pub rule: String,
    /// How it was replaced.
    pub strategy: Strategy,
    /// Byte span in the input.
    pub start: usize,
    /// Byte span in the input (end, exclusive).
    pub end: usize,
    /// The original, only when the caller asked for values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// Totals for one run. The same JSON from the library, the CLI (`--report`) and the web app.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Bytes of input read.
    pub input_bytes: usize,
    /// Bytes of output written.
    pub output_bytes: usize,
    /// The input was not valid UTF-8 and was decoded with replacement characters.
    pub lossy_input: bool,
    /// Number of findings replaced.
    pub findings: usize,
    /// Findings per category.
    pub counts: BTreeMap<Category, usize>,
    /// Findings per replacement strategy.
    pub strategy_counts: BTreeMap<Strategy, usize>,
    /// Categories replaced in this run whose strategy (label, mask, remove) cannot be restored.
    pub not_restorable: Vec<Category>,
    /// Findings dropped by the allowlist (and, when the policy allows them, documentation
    /// values).
    pub allowlisted: usize,
    /// SHA-256 (hex) of the canonical policy JSON: which rules produced this output.
    pub policy_fingerprint: String,
    /// SHA-256 (hex) of the input bytes and of the output text.
    pub input_sha256: String,
    /// SHA-256 (hex) of the output text.
    pub output_sha256: String,
    /// Original values or fresh detections left in the output: must be 0.
    pub residual: usize,
    /// Copies of replaced values (inside identifiers that embed them, in encoded
    /// spellings) and detections made possible by replacement, which the leak check
    /// replaced in the output.
    pub leak_replaced: usize,
    /// Where each residual is.
    pub residuals: Vec<Residual>,
    /// Every finding: category, rule, strategy, byte span (no original unless asked).
    pub finding_list: Vec<ReportFinding>,
    /// What was taken out as internal notes: the verdict says it, so that a note marker that
    /// swallowed a log cannot pass unnoticed.
    pub notes_removed: NotesRemoved,
    /// Things the user should know about how the input was read (a message flag that was
    /// missing and treated as internal, ...), each once.
    pub notices: Vec<String>,
}

/// Internal notes replaced in one run: how many, and how many bytes and lines of input they
/// held.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct NotesRemoved {
    /// Notes replaced.
    pub count: usize,
    /// Bytes of input they held.
    pub bytes: usize,
    /// Lines of input they held.
    pub lines: usize,
}

/// The result of sanitizing a whole text.
#[derive(Clone, Debug, Serialize)]
pub struct Sanitized {
    /// The sanitized text.
    pub text: String,
    /// Every finding, with its spans and replacement.
    pub findings: Vec<FindingReport>,
    /// Replacement → original, for [`crate::replace::restore`]. Holds originals: keep it private.
    pub mapping: Mapping,
    /// Totals, residuals and notices.
    pub report: Report,
    /// The text the findings' spans point into, when it is not the input: an email whose
    /// encoded parts (quoted-printable, base64, encoded words) were read decoded. A review
    /// shows this text with the findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scanned: Option<String>,
}

impl Sanitized {
    /// The run itself when its leak check found nothing; [`Error::Leak`] when it found a
    /// residual, so that a caller cannot use output that is not sanitized by mistake.
    pub fn checked(self) -> Result<Sanitized, Error> {
        if self.report.residual > 0 {
            return Err(Error::Leak {
                residual: self.report.residual,
            });
        }
        Ok(self)
    }
}
