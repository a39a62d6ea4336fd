//! The fixtures, and what the tests read in an output: tags, JSON documents and their shape,
//! the golden text.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub(super) const DIR: &str = "tests/fixtures/structure";

pub(super) fn fixtures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e != "golden"))
        .collect();
    v.sort();
    assert!(v.len() >= 18, "fixtures missing: {v:?}");
    v
}

pub(super) fn tags(text: &str, prefix: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(i) = rest.find(prefix) {
        let tail = &rest[i + prefix.len()..];
        let n: String = tail.chars().take_while(|c| c.is_ascii_digit()).collect();
        out.insert(format!("{prefix}{n}"));
        rest = tail;
    }
    out
}

pub(super) fn golden_text(out: &logscrub::Sanitized) -> String {
    let mut g = out.text.clone();
    if !g.ends_with('\n') {
        g.push('\n');
    }
    g.push_str("--- notices ---\n");
    for n in &out.report.notices {
        g.push_str(n);
        g.push('\n');
    }
    g
}

/// Same shape: objects with the same keys in the same order, arrays of the same length;
/// a scalar may become a string (a replaced number).
pub(super) fn same_shape(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value::*;
    match (a, b) {
        (Object(x), Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y.iter())
                    .all(|((ka, va), (kb, vb))| ka == kb && same_shape(va, vb))
        }
        (Array(x), Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_shape(p, q))
        }
        (Object(_) | Array(_), _) | (_, Object(_) | Array(_)) => false,
        (Number(_), String(_)) | (String(_), String(_)) => true,
        (x, y) => x == y,
    }
}

pub(super) fn json_docs(text: &str, lines: bool) -> Vec<serde_json::Value> {
    if lines {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    } else {
        vec![serde_json::from_str(text).unwrap()]
    }
}
