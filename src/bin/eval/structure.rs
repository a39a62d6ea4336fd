//! The structure set: the platform export fixtures in `tests/fixtures/structure/`, where every
//! internal message body carries a tag `NOTE#n` and every public one `PUBLIC#n`.
//!
//! Row `internal_note`: a note whose tag is gone from the output is a true positive, one that
//! survives a false negative; a public message whose tag is gone is a false positive (a public
//! message removed). Bars: recall 100 %, zero false positives.

use crate::score::Tally;
use logscrub::Engine;
use std::collections::BTreeSet;
use std::path::Path;

fn tags<'a>(text: &'a str, prefix: &str) -> BTreeSet<&'a str> {
    let mut out = BTreeSet::new();
    for (i, _) in text.match_indices(prefix) {
        let digits = text[i + prefix.len()..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        if digits > 0 {
            out.insert(&text[i..i + prefix.len() + digits]);
        }
    }
    out
}

pub fn evaluate(engine: &Engine, dir: &Path, tally: &mut Tally) -> Result<(usize, usize), String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x != "golden"))
        .collect();
    files.sort();
    tally.touch("internal_note");
    let mut notes = 0;
    for path in &files {
        let input =
            std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let out = engine.sanitize(&input);
        if out.report.residual != 0 {
            return Err(format!(
                "{}: leak check residual {}",
                path.display(),
                out.report.residual
            ));
        }
        let c = tally.entry("internal_note");
        for t in tags(&input, "NOTE#") {
            notes += 1;
            if out.text.contains(t) {
                c.fn_ += 1;
                if crate::verbose::enabled() {
                    eprintln!("FN {} internal_note: {t} survived", path.display());
                }
            } else {
                c.tp += 1;
            }
        }
        for t in tags(&input, "PUBLIC#") {
            if !out.text.contains(t) {
                c.fp += 1;
                if crate::verbose::enabled() {
                    eprintln!(
                        "FP {} internal_note: public message {t} removed",
                        path.display()
                    );
                }
            }
        }
    }
    Ok((files.len(), notes))
}
