//! ABCD sample dialogues: the scenario's email and phone, string-matched in every turn.

use crate::score::{score_spans, Label, Tally};
use logscrub::{Category, Engine};
use serde_json::Value;
use std::path::Path;

const SCORED: &[Category] = &[Category::Email, Category::Phone];

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
            let (findings, _) = engine.detect(text);
            if crate::verbose::enabled() {
                crate::verbose::report("abcd", text, &labels, &findings, SCORED);
            }
            score_spans(&labels, &findings, SCORED, tally);
        }
    }
    Ok(turns)
}
