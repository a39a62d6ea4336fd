//! Bytes in: the engine must not panic, must pass its own leak check, must be idempotent,
//! and two-pass streaming (cut where the input says) must give the whole-text output.
#![no_main]

use libfuzzer_sys::fuzz_target;
use logscrub::{Engine, Policy};
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    Engine::new(Policy::default()).unwrap_or_else(|e| panic!("default policy: {e}"))
});

fuzz_target!(|data: &[u8]| {
    let (cut, bytes) = match data.split_first() {
        Some((c, rest)) => (*c as usize, rest),
        None => (0, data),
    };
    let whole = ENGINE.sanitize_bytes(bytes);
    assert_eq!(
        whole.report.residual, 0,
        "leak check: {:?}",
        whole.report.residuals
    );
    assert!(std::str::from_utf8(whole.text.as_bytes()).is_ok());
    let again = ENGINE.sanitize(&whole.text);
    assert_eq!(again.text, whole.text, "not idempotent");
    // Streaming in pieces of `cut + 1` bytes (at char boundaries), read twice (a learner,
    // then a seeded stream with segments as small as possible), must equal the whole-text
    // output.
    let text = String::from_utf8_lossy(bytes);
    let mut pieces = Vec::new();
    let mut rest: &str = &text;
    while !rest.is_empty() {
        let mut at = (cut + 1).min(rest.len());
        while !rest.is_char_boundary(at) {
            at += 1;
        }
        let (piece, tail) = rest.split_at(at);
        pieces.push(piece);
        rest = tail;
    }
    let mut session = ENGINE.session().with_segment_size(1);
    for p in &pieces {
        session.learn(p).expect("learn before write");
    }
    let mut out = String::new();
    for p in &pieces {
        out.push_str(&session.write(p));
    }
    let done = session.finish();
    out.push_str(&done.text);
    assert_eq!(done.report.residuals, whole.report.residuals);
    assert_eq!(
        out, whole.text,
        "two-pass streaming differs from whole text"
    );
});
