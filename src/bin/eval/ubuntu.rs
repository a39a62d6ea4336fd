//! Ubuntu IRC support dialogues: unlabelled real conversation, so every free-text finding
//! (person name, place, street address) is counted as flagged against the dialogue lines.
//! It is an upper bound on false positives (an IRC line that names a person is flagged
//! too); `LOGSCRUB_EVAL_VERBOSE=1` lists them for review.

use crate::score::{free_text, scored_as, Tally};
use logscrub::{Category, Engine};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Dialogue {
    text: String,
}

const ROWS: &[Category] = &[Category::Name, Category::Location, Category::Address];

pub fn evaluate(engine: &Engine, path: &Path, tally: &mut Tally) -> Result<usize, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let dialogues: Vec<Dialogue> =
        serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", path.display()))?;
    let lines: usize = dialogues.iter().map(|d| d.text.lines().count()).sum();
    for c in ROWS {
        tally.entry(c.id()).negatives = Some(lines);
    }
    for d in &dialogues {
        let (findings, _) = engine.detect(&d.text);
        for f in findings.iter().filter(|f| free_text(scored_as(f.category))) {
            tally.entry(scored_as(f.category).id()).fp += 1;
            if crate::verbose::enabled() {
                eprintln!(
                    "FLAGGED ubuntu {} ({}): {:?}",
                    f.category.id(),
                    f.rule,
                    d.text.get(f.start..f.end).unwrap_or("")
                );
            }
        }
    }
    Ok(dialogues.len())
}
