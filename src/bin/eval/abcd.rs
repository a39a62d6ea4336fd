//! ABCD sample dialogues: the scenario's email, phone and customer name, string-matched in
//! every turn (the name also by its parts: a lone `Crystal` is the same customer).

use crate::score::{score_spans, Label, Tally};
use logscrub::{Category, Engine};
use serde_json::Value;
use std::path::Path;

const SCORED: &[Category] = &[Category::Email, Category::Phone, Category::Name];

pub fn evaluate(engine: &Engine, path: &Path, tally: &mut Tally) -> Result<usize, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let convos: Value =
        serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", path.display()))?;
    for c in SCORED {
        tally.touch(c.id());
    }
    let mut turns = 0;
    for convo in convos.as_array().into_iter().flatten() {
        let personal = &convo["scenario"]["personal"];
        let values: Vec<(Category, String)> =
            [("email", Category::Email), ("phone", Category::Phone)]
                .into_iter()
                .filter_map(|(k, c)| Some((c, personal.get(k)?.as_str()?.to_string())))
                .filter(|(_, v)| !v.is_empty())
                .collect();
        let name = personal
            .get("customer_name")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_lowercase();
        for turn in convo["original"].as_array().into_iter().flatten() {
            let Some(text) = turn.get(1).and_then(Value::as_str) else {
                continue;
            };
            turns += 1;
            let lower = text.to_lowercase();
            let mut labels = Vec::new();
            for (category, v) in &values {
                let needle = v.to_lowercase();
                // Lower-casing keeps byte offsets for the ASCII values used here.
                if lower.len() != text.len() {
                    continue;
                }
                for (i, _) in lower.match_indices(needle.as_str()) {
                    labels.push(Label {
                        category: *category,
                        start: i,
                        end: i + needle.len(),
                    });
                }
            }
            if lower.len() == text.len() && !name.trim().is_empty() {
                label_name(&lower, name.trim(), &mut labels);
            }
            let (findings, _) = engine.detect(text);
            if crate::verbose::enabled() {
                crate::verbose::report("abcd", text, &labels, &findings, SCORED);
            }
            score_spans(&labels, &findings, SCORED, tally);
        }
    }
    Ok(turns)
}

/// Labels the full name wherever it occurs, then each part of it (given name, surname)
/// standing alone as a word outside those occurrences.
fn label_name(lower: &str, name: &str, labels: &mut Vec<Label>) {
    let full: Vec<(usize, usize)> = word_matches(lower, name).collect();
    for &(start, end) in &full {
        labels.push(Label {
            category: Category::Name,
            start,
            end,
        });
    }
    for part in name.split_whitespace().filter(|p| p.len() > 1) {
        for (start, end) in word_matches(lower, part) {
            if full.iter().any(|&(s, e)| start < e && s < end) {
                continue;
            }
            labels.push(Label {
                category: Category::Name,
                start,
                end,
            });
        }
    }
}

/// Occurrences of `needle` in `hay` that are whole words.
fn word_matches<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    hay.match_indices(needle).filter_map(move |(i, m)| {
        let end = i + m.len();
        let before = hay[..i].chars().next_back();
        let after = hay[end..].chars().next();
        (!word(before) && !word(after)).then_some((i, end))
    })
}
