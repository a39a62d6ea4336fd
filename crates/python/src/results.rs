//! Results as Python tuples: findings with code-point offsets, the text, mapping and report.

use logscrub::{FindingReport, Sanitized};

/// Code point offsets of byte offsets in `text`, for positions visited mostly in order.
struct CodePoints<'t> {
    text: &'t str,
    ascii: bool,
    byte: usize,
    cp: usize,
}

impl<'t> CodePoints<'t> {
    fn new(text: &'t str) -> Self {
        CodePoints {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            cp: 0,
        }
    }

    fn at(&mut self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        if byte < self.byte {
            self.byte = 0;
            self.cp = 0;
        }
        let n = self
            .text
            .get(self.byte..byte)
            .map_or(0, |s| s.chars().count());
        self.byte = byte;
        self.cp += n;
        self.cp
    }
}

/// (category, rule, label, start, end, replacement), offsets in code points of `text`.
type PyFinding = (String, String, String, usize, usize, String);

pub(super) fn findings_of(text: &str, findings: &[FindingReport]) -> Vec<PyFinding> {
    let mut cps = CodePoints::new(text);
    findings
        .iter()
        .map(|f| {
            let start = cps.at(f.start);
            let end = cps.at(f.end);
            (
                f.category.id().to_string(),
                f.rule.clone(),
                f.label.clone(),
                start,
                end,
                f.replacement.clone(),
            )
        })
        .collect()
}

/// (row, category, rule, start, end) of `check_buffers`.
pub(super) type CheckRow = (usize, String, String, usize, usize);

/// (text, findings, mapping JSON, report JSON).
pub(super) type PyResultTuple = (String, Vec<PyFinding>, String, String);

pub(super) fn result_of(input: &str, s: Sanitized) -> PyResultTuple {
    let report = serde_json::to_string(&s.report).unwrap_or_else(|_| "{}".into());
    let findings = findings_of(input, &s.findings);
    (s.text, findings, s.mapping.to_json(), report)
}
