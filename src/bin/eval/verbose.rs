//! `LOGSCRUB_EVAL_VERBOSE=1`: prints every miss and every false positive, for debugging rules.

use crate::score::{matches, scored_as, Label};
use logscrub::{Category, Finding};

pub fn enabled() -> bool {
    std::env::var_os("LOGSCRUB_EVAL_VERBOSE").is_some()
}

fn snippet(text: &str, start: usize, end: usize) -> String {
    let s = text.floor_char_boundary_compat(start.saturating_sub(30));
    let e = text.ceil_char_boundary_compat((end + 30).min(text.len()));
    text.get(s..e).unwrap_or("").replace('\n', "⏎")
}

trait CharBoundary {
    fn floor_char_boundary_compat(&self, i: usize) -> usize;
    fn ceil_char_boundary_compat(&self, i: usize) -> usize;
}

impl CharBoundary for str {
    fn floor_char_boundary_compat(&self, mut i: usize) -> usize {
        while i > 0 && !self.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
    fn ceil_char_boundary_compat(&self, mut i: usize) -> usize {
        while i < self.len() && !self.is_char_boundary(i) {
            i += 1;
        }
        i
    }
}

pub fn report(
    origin: &str,
    text: &str,
    labels: &[Label],
    findings: &[Finding],
    scored: &[Category],
) {
    for l in labels {
        if !findings.iter().any(|f| matches(l, f)) {
            eprintln!(
                "FN {origin} {}: {:?}  in {:?}",
                l.category.id(),
                text.get(l.start..l.end).unwrap_or(""),
                snippet(text, l.start, l.end)
            );
        }
    }
    for f in findings {
        if scored.contains(&scored_as(f.category)) && !labels.iter().any(|l| matches(l, f)) {
            eprintln!(
                "FP {origin} {} ({}): {:?}  in {:?}",
                f.category.id(),
                f.rule,
                text.get(f.start..f.end).unwrap_or(""),
                snippet(text, f.start, f.end)
            );
        }
    }
}
