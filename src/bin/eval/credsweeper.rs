//! CredSweeper samples. Positives: the values of `derived_expected_for_staged_samples.jsonl`
//! on their lines (CredSweeper's own expected output). Negatives: lines marked `# FP` /
//! `FP:` / `FP#` / `- FP`, and whole negative files (`*_n`, `false_positive`,
//! `password_FALSE`, `aws_multi_fp`). Recall counts positives overlapped by a secret,
//! url_credentials or url_token finding; the negative rate counts negative units flagged.

use crate::score::Tally;
use logscrub::{Category, Engine, Finding};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const SECRETS: &[Category] = &[
    Category::Secret,
    Category::UrlCredentials,
    Category::UrlToken,
];

#[derive(Deserialize)]
struct Expected {
    file: String,
    line_num: usize,
    value: String,
    value_start: i64,
}

pub fn is_negative_file(name: &str) -> bool {
    name.ends_with("_n")
        || name.contains("_n.")
        || name.contains("false_positive")
        || name.contains("password_FALSE")
        || name.contains("aws_multi_fp")
}

pub fn is_negative_line(line: &str) -> bool {
    let t = line.trim();
    t.contains("# FP")
        || t.contains("#FP")
        || t.starts_with("FP:")
        || t.starts_with("FP#")
        || t.ends_with(" - FP")
}

fn flagged(findings: &[Finding], s: usize, e: usize) -> bool {
    findings
        .iter()
        .any(|f| SECRETS.contains(&f.category) && f.start < e.max(s + 1) && s < f.end)
}

pub fn evaluate(engine: &Engine, dir: &Path, tally: &mut Tally) -> Result<(usize, usize), String> {
    let jsonl = dir.join("derived_expected_for_staged_samples.jsonl");
    let raw = std::fs::read_to_string(&jsonl).map_err(|e| format!("{}: {e}", jsonl.display()))?;
    let mut positives: BTreeMap<String, BTreeSet<(usize, i64, String)>> = BTreeMap::new();
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        let e: Expected =
            serde_json::from_str(line).map_err(|e| format!("{}: {e}", jsonl.display()))?;
        positives
            .entry(e.file)
            .or_default()
            .insert((e.line_num, e.value_start, e.value));
    }
    let samples = dir.join("samples");
    let mut names: Vec<String> = std::fs::read_dir(&samples)
        .map_err(|e| format!("{}: {e}", samples.display()))?
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    names.sort();
    let c = tally.entry("secret");
    c.negatives = Some(0);
    let verbose = crate::verbose::enabled();
    let (mut n_pos, mut n_neg) = (0, 0);
    for name in &names {
        let Ok(bytes) = std::fs::read(samples.join(name)) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        let (findings, _) = engine.detect(&text);
        let mut line_spans = Vec::new();
        let mut pos = 0;
        for l in text.split_inclusive('\n') {
            line_spans.push((pos, pos + l.trim_end_matches(['\n', '\r']).len()));
            pos += l.len();
        }
        let pos_lines: BTreeSet<usize> = positives
            .get(name)
            .into_iter()
            .flatten()
            .map(|p| p.0)
            .collect();
        let c = tally.entry("secret");
        if is_negative_file(name) {
            n_neg += 1;
            *c.negatives.get_or_insert(0) += 1;
            if flagged(&findings, 0, text.len()) {
                c.fp += 1;
                if verbose {
                    eprintln!("FP credsweeper negative file {name} flagged");
                }
            }
            continue;
        }
        for (i, &(s, e)) in line_spans.iter().enumerate() {
            let line = &text[s..e];
            if !pos_lines.contains(&(i + 1)) && is_negative_line(line) {
                n_neg += 1;
                *c.negatives.get_or_insert(0) += 1;
                if flagged(&findings, s, e) {
                    c.fp += 1;
                    if verbose {
                        eprintln!("FP credsweeper {name}:{}: {line:?}", i + 1);
                    }
                }
            }
        }
        for (line_num, value_start, value) in positives.get(name).into_iter().flatten() {
            let Some(&(ls, le)) = line_spans.get(line_num.saturating_sub(1)) else {
                continue;
            };
            n_pos += 1;
            let line = &text[ls..le];
            // Locate the value on its line; fall back to the whole line.
            let (vs, ve) = match line.find(value.as_str()) {
                Some(o) => (ls + o, ls + o + value.len()),
                None if *value_start >= 0 && (*value_start as usize) < line.len() => {
                    (ls + *value_start as usize, le)
                }
                None => (ls, le),
            };
            if flagged(&findings, vs, ve) {
                c.tp += 1;
            } else {
                c.fn_ += 1;
                if verbose {
                    eprintln!(
                        "FN credsweeper {name}:{line_num}: {:?}",
                        &value[..value.len().min(60)]
                    );
                }
            }
        }
    }
    Ok((n_pos, n_neg))
}
