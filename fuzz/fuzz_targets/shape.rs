//! Shared by the structure targets: sanitize `bytes` read as `format`, check that nothing
//! panics, the leak check is clean and a second run changes nothing. (Streaming is the
//! engine target's business.)

use logscrub::{Engine, Policy, Sanitized};

pub fn engine(format: &str) -> Engine {
    let json = format!(r#"{{"format":"{format}"}}"#);
    let policy = Policy::from_json(&json).unwrap_or_else(|e| panic!("policy: {e}"));
    Engine::new(policy).unwrap_or_else(|e| panic!("engine: {e}"))
}

pub fn check(engine: &Engine, bytes: &[u8]) -> Sanitized {
    let whole = engine.sanitize_bytes(bytes);
    assert_eq!(
        whole.report.residual, 0,
        "leak check: {:?}",
        whole.report.residuals
    );
    let again = engine.sanitize(&whole.text);
    assert_eq!(again.text, whole.text, "not idempotent");
    whole
}
