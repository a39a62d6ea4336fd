//! JSON-Schema-Test-Suite format vectors: each string standing alone.

use crate::score::{found_whole, Tally};
use logscrub::{Category, Engine};
use serde_json::Value;
use std::path::Path;

/// (file, category) pairs evaluated.
pub const FILES: &[(&str, Category)] = &[
    ("email.json", Category::Email),
    ("idn-email.json", Category::Email),
    ("ipv4.json", Category::Ipv4),
    ("ipv6.json", Category::Ipv6),
];

/// Whether `s` is written with compatibility forms of ASCII characters (fullwidth `＠` and
/// digits, mathematical digits): the suite marks such strings invalid as formats, while a
/// scrubber reads them as the address they show (issue 12), so they are not scored.
fn compatibility_spelling(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c as u32, 0xFF01..=0xFF5E | 0x1D7CE..=0x1D7FF | 0xFE6B | 0xFE52))
}

/// A valid string must be found whole (TP, else FN); an invalid one found whole is a FP.
/// Returns (scored, skipped as compatibility spellings).
pub fn evaluate(engine: &Engine, dir: &Path, tally: &mut Tally) -> Result<(usize, usize), String> {
    let (mut n, mut skipped) = (0, 0);
    for (file, category) in FILES {
        let path = dir.join(file);
        let raw = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let groups: Value =
            serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", path.display()))?;
        let tests = groups
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|g| g.get("tests")?.as_array())
            .flatten();
        for t in tests {
            let (Some(data), Some(valid)) = (
                t.get("data").and_then(Value::as_str),
                t.get("valid").and_then(Value::as_bool),
            ) else {
                continue;
            };
            if !valid && compatibility_spelling(data) {
                skipped += 1;
                continue;
            }
            n += 1;
            let (findings, _) = engine.detect(data);
            let whole = !data.is_empty() && found_whole(&findings, *category, data.len());
            let c = tally.entry(category.id());
            match (valid, whole) {
                (true, true) => c.tp += 1,
                (true, false) => {
                    c.fn_ += 1;
                    if crate::verbose::enabled() {
                        eprintln!("FN json-schema {}: {data:?}", category.id());
                    }
                }
                (false, true) => {
                    c.fp += 1;
                    if crate::verbose::enabled() {
                        eprintln!("FP json-schema {}: {data:?}", category.id());
                    }
                }
                (false, false) => {}
            }
        }
    }
    Ok((n, skipped))
}
