//! Email messages (headers, then a body): no panic, clean leak check, idempotent, and the
//! header block keeps its lines (the blank line that ends it stays where it was, counted
//! in lines).
#![no_main]

use libfuzzer_sys::fuzz_target;
use logscrub::Engine;
use std::sync::LazyLock;

#[path = "shape.rs"]
mod shape;

static EML: LazyLock<Engine> = LazyLock::new(|| shape::engine("eml"));

/// Index of the first empty line (the end of the headers).
fn header_end(text: &str) -> Option<usize> {
    text.split('\n')
        .position(|l| l.trim_end_matches('\r').is_empty())
}

fuzz_target!(|data: &[u8]| {
    let out = shape::check(&EML, data);
    let input = String::from_utf8_lossy(data);
    if let Some(n) = header_end(&input) {
        assert_eq!(
            header_end(&out.text),
            Some(n),
            "header block changed:\n{input}\n->\n{}",
            out.text
        );
    }
});
