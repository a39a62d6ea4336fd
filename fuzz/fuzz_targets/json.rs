//! JSON (and JSON Lines) exports: no panic, clean leak check, idempotent, and a document
//! that parsed before still parses (each line, for JSON Lines).
#![no_main]

use libfuzzer_sys::fuzz_target;
use logscrub::Engine;
use std::sync::LazyLock;

#[path = "shape.rs"]
mod shape;

static JSON: LazyLock<Engine> = LazyLock::new(|| shape::engine("json"));
static JSONL: LazyLock<Engine> = LazyLock::new(|| shape::engine("jsonl"));

fn parses(s: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(s).is_ok()
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, bytes)) = data.split_first() else {
        return;
    };
    let input = String::from_utf8_lossy(bytes);
    if mode & 1 == 0 {
        let out = shape::check(&JSON, bytes);
        if parses(&input) {
            assert!(
                parses(&out.text),
                "JSON no longer parses:\n{input}\n->\n{}",
                out.text
            );
        }
    } else {
        let out = shape::check(&JSONL, bytes);
        let lines_in: Vec<&str> = input.split('\n').collect();
        let lines_out: Vec<&str> = out.text.split('\n').collect();
        if lines_in.iter().all(|l| l.trim().is_empty() || parses(l)) {
            assert_eq!(lines_in.len(), lines_out.len(), "line count changed");
            for (a, b) in lines_in.iter().zip(&lines_out) {
                if !a.trim().is_empty() {
                    assert!(parses(b), "JSON line no longer parses:\n{a}\n->\n{b}");
                }
            }
        }
    }
});
