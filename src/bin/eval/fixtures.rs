//! The project's own labelled fixtures: `tests/fixtures/labelled/*.txt`.
//!
//! Label syntax (documented in `tests/fixtures/labelled/README.md`): a value to be found is
//! written `{{category:value}}`, e.g. `{{email:bob@example.com}}`. The loader removes the
//! markers and records the value's byte span; every other part of the text is a negative.

use crate::score::{score_spans, Label, Tally};
use logscrub::{Category, Engine};
use std::path::Path;

/// Categories the fixtures label; findings of others (names, notes) are not scored here.
pub const SCORED: &[Category] = &[
    Category::Email,
    Category::Ipv4,
    Category::Ipv6,
    Category::Mac,
    Category::Phone,
    Category::Card,
    Category::Iban,
    Category::UsSsn,
    Category::UkNino,
    Category::FrNir,
    Category::Secret,
    Category::UrlCredentials,
    Category::UrlToken,
    Category::Coordinates,
    Category::Case,
    Category::Username,
    Category::DateOfBirth,
];

/// Strips the label markers. Returns the clean text and the labels, or an error naming the
/// first malformed marker.
pub fn parse(src: &str) -> Result<(String, Vec<Label>), String> {
    let mut text = String::with_capacity(src.len());
    let mut labels = Vec::new();
    let mut rest = src;
    while let Some(open) = rest.find("{{") {
        text.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after
            .find("}}")
            .ok_or_else(|| format!("unclosed marker near {:?}", &after[..after.len().min(40)]))?;
        let inner = &after[..close];
        let (cat, value) = inner
            .split_once(':')
            .ok_or_else(|| format!("marker without category: {{{{{inner}}}}}"))?;
        let category =
            Category::from_id(cat).ok_or_else(|| format!("unknown category {cat:?} in marker"))?;
        let start = text.len();
        text.push_str(value);
        labels.push(Label {
            category,
            start,
            end: text.len(),
        });
        rest = &after[close + 2..];
    }
    text.push_str(rest);
    Ok((text, labels))
}

/// Scores every fixture file under `dir`. Returns the number of files and labels seen.
pub fn evaluate(engine: &Engine, dir: &Path, tally: &mut Tally) -> Result<(usize, usize), String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut n_labels = 0;
    for path in &files {
        let src = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let (text, labels) = parse(&src).map_err(|e| format!("{}: {e}", path.display()))?;
        let (findings, _) = engine.detect(&text);
        if crate::verbose::enabled() {
            crate::verbose::report(
                &path.display().to_string(),
                &text,
                &labels,
                &findings,
                SCORED,
            );
        }
        score_spans(&labels, &findings, SCORED, tally);
        n_labels += labels.len();
    }
    Ok((files.len(), n_labels))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_markers() {
        let (text, labels) = parse("mail {{email:a@b.io}} from {{ipv4:10.0.0.1}}.").unwrap();
        assert_eq!(text, "mail a@b.io from 10.0.0.1.");
        assert_eq!(labels.len(), 2);
        assert_eq!(&text[labels[1].start..labels[1].end], "10.0.0.1");
        assert!(parse("{{nope:x}}").is_err());
        assert!(parse("{{email:x").is_err());
    }
}
