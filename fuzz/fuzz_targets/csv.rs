//! CSV exports: no panic, clean leak check, idempotent, and an input that is well-formed
//! CSV (RFC 4180 quoting) keeps its records and the number of cells in each.
#![no_main]

use libfuzzer_sys::fuzz_target;
use logscrub::Engine;
use std::sync::LazyLock;

#[path = "shape.rs"]
mod shape;

static CSV: LazyLock<Engine> = LazyLock::new(|| shape::engine("csv"));

/// The delimiter the header line uses most (as the engine picks it).
fn delimiter(text: &str) -> u8 {
    let first = text.split('\n').next().unwrap_or("");
    [b',', b';', b'\t']
        .into_iter()
        .map(|d| (d, first.bytes().filter(|&b| b == d).count()))
        .filter(|&(_, n)| n >= 1)
        .max_by_key(|&(_, n)| n)
        .map_or(b',', |(d, _)| d)
}

/// Cells per record under strict RFC 4180 quoting, or None when the text is not strict CSV.
fn shape(text: &str, delim: u8) -> Option<Vec<usize>> {
    let b = text.as_bytes();
    let mut records = Vec::new();
    let mut cells = 1;
    let mut i = 0;
    let mut at_cell_start = true;
    while i < b.len() {
        let c = b[i];
        if at_cell_start && c == b'"' {
            i += 1;
            loop {
                match b.get(i) {
                    None => return None,
                    Some(b'"') if b.get(i + 1) == Some(&b'"') => i += 2,
                    Some(b'"') => break,
                    Some(_) => i += 1,
                }
            }
            i += 1;
            match b.get(i) {
                None | Some(b'\n') => {}
                Some(b'\r') if b.get(i + 1) == Some(&b'\n') => {}
                Some(&d) if d == delim => {}
                Some(_) => return None,
            }
            at_cell_start = false;
            continue;
        }
        if c == b'"' {
            return None;
        }
        if c == delim {
            cells += 1;
            at_cell_start = true;
        } else if c == b'\n' {
            records.push(cells);
            cells = 1;
            at_cell_start = true;
        } else {
            at_cell_start = false;
        }
        i += 1;
    }
    records.push(cells);
    Some(records)
}

fuzz_target!(|data: &[u8]| {
    let out = shape::check(&CSV, data);
    let input = String::from_utf8_lossy(data);
    let delim = delimiter(&input);
    if let Some(before) = shape(&input, delim) {
        let after = shape(&out.text, delim);
        assert_eq!(
            Some(before),
            after,
            "CSV shape changed:\n{input}\n->\n{}",
            out.text
        );
    }
});
