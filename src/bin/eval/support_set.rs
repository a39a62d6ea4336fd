//! The `support` set: generated support data (chat transcripts, JSON Lines ticket comments,
//! server logs; see `src/bin/support`), scored on the categories we detect, and sanitized
//! whole as files of each shape and of their mix, counting refusals (a run whose leak check
//! found an original left: there must be none). `corpus-refusals`: every file of the corpus,
//! sanitized as the sniffer reads it and forced to that format, must not be refused either.

use crate::score::{score_spans, Label, Tally};
use crate::support::{self, Shape};
use logscrub::{Category, Engine, Policy};
use std::path::Path;

/// Categories scored (the generator also labels names and street addresses).
const SCORED: &[Category] = &[
    Category::Email,
    Category::Ipv4,
    Category::Phone,
    Category::Card,
];

/// The seed of the evaluation's data (fixed: the figures are comparable run to run).
const SEED: u64 = 13;

/// Scores `docs` documents of each shape; then sanitizes 1 MB files of each shape and of
/// the mix. Returns the note, or an error naming the refusals.
pub fn evaluate(engine: &Engine, docs: usize, tally: &mut Tally) -> Result<String, String> {
    let mut r = support::Rng::new(SEED);
    let mut scored = 0;
    for i in 0..docs * 3 {
        let shape = [Shape::Chat, Shape::Tickets, Shape::Log][i % 3];
        let d = support::doc(&mut r, shape);
        let (findings, _) = engine.detect(&d.text);
        // Values inside a private comment are removed with it: not scored here.
        let notes: Vec<(usize, usize)> = findings
            .iter()
            .filter(|f| f.category == Category::InternalNote)
            .map(|f| (f.start, f.end))
            .collect();
        let labels: Vec<Label> = d
            .labels
            .iter()
            .filter_map(|l| {
                let category = l.kind.category()?;
                let in_note = notes.iter().any(|&(s, e)| s <= l.start && l.end <= e);
                (SCORED.contains(&category) && !in_note).then_some(Label {
                    category,
                    start: l.start,
                    end: l.end,
                })
            })
            .collect();
        let outside: Vec<logscrub::Finding> = findings
            .into_iter()
            .filter(|f| !notes.iter().any(|&(s, e)| s <= f.start && f.end <= e))
            .collect();
        score_spans(&labels, &outside, SCORED, tally);
        scored += 1;
    }
    let mut refused = Vec::new();
    let mut checked = 0;
    for (name, doc) in [
        ("chat", support::generate(SEED, 1_000_000, &[Shape::Chat])),
        (
            "tickets",
            support::generate(SEED, 1_000_000, &[Shape::Tickets]),
        ),
        ("log", support::generate(SEED, 1_000_000, &[Shape::Log])),
        ("mix", support::mix(SEED, 1_000_000)),
    ] {
        let s = engine.sanitize(&doc.text);
        checked += doc.text.len();
        if s.report.residual > 0 {
            refused.push(format!(
                "{name}: {} residual(s), first {:?}",
                s.report.residual,
                s.report.residuals.first()
            ));
        }
    }
    if refused.is_empty() {
        Ok(format!(
            "{scored} documents scored; {} MB sanitized in 4 files, 0 refused",
            checked / 1_000_000
        ))
    } else {
        Err(format!("refused: {}", refused.join("; ")))
    }
}

/// Every file under `corpus`, auto and forced to its sniffed format: none refused.
pub fn corpus_refusals(corpus: &Path) -> Result<String, String> {
    let mut files = Vec::new();
    let mut dirs = vec![corpus.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for entry in std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))? {
            let p = entry.map_err(|e| e.to_string())?.path();
            if p.is_dir() {
                dirs.push(p);
            } else {
                files.push(p);
            }
        }
    }
    files.sort();
    let auto = Engine::new(Policy::default()).map_err(|e| e.to_string())?;
    let mut refused = Vec::new();
    let mut runs = 0;
    for f in &files {
        let bytes = std::fs::read(f).map_err(|e| format!("{}: {e}", f.display()))?;
        let format = logscrub::structure::sniff(&String::from_utf8_lossy(&bytes));
        let id = serde_json::to_string(&format).map_err(|e| e.to_string())?;
        let policy =
            Policy::from_json(&format!(r#"{{"format":{id}}}"#)).map_err(|e| e.to_string())?;
        let forced = Engine::new(policy).map_err(|e| e.to_string())?;
        for (mode, e) in [("auto", &auto), ("forced", &forced)] {
            runs += 1;
            let s = e.sanitize_bytes(&bytes);
            if s.report.residual > 0 {
                refused.push(format!(
                    "{} ({mode} {id}): {:?}",
                    f.display(),
                    s.report.residuals.first()
                ));
            }
        }
    }
    if refused.is_empty() {
        Ok(format!(
            "{} files, {runs} runs (auto and forced format), 0 refused",
            files.len()
        ))
    } else {
        Err(format!(
            "{} refused:\n{}",
            refused.len(),
            refused.join("\n")
        ))
    }
}
