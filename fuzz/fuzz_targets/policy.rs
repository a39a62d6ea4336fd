//! The policy parser (and compiling what it accepts) must not panic on any input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use logscrub::{Engine, Policy};

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(policy) = Policy::from_json(json) {
        let back = policy.to_json();
        assert!(Policy::from_json(&back).is_ok(), "round trip: {back}");
        if let Ok(engine) = Engine::with_key(policy, b"0123456789abcdef0123") {
            let _ = engine.sanitize("mail bob@example.org from 10.1.2.3, call +1 415 555 0100");
        }
    }
});
