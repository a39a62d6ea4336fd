//! Any input in any forced format: no panic, and spans on character boundaries.

use logscrub::structure::{analyze, Context};
use logscrub::{Engine, Policy};
use proptest::prelude::*;

proptest! {
    #![proptest_config(crate::support::config(300))]
    /// Any input, in any forced format: no panic, spans on char boundaries inside the text.
    #[test]
    fn never_panics_and_spans_are_valid(
        text in "[a-zA-Z0-9 {}\\[\\]\":,\\\\\n\r\t<>*()@.#é中-]{0,200}",
        format in 0usize..7,
    ) {
        let formats = ["auto", "text", "json", "jsonl", "csv", "eml", "html"];
        let policy = Policy::from_json(&format!(r#"{{"format":"{}"}}"#, formats[format])).unwrap();
        let mut out = Vec::new();
        analyze(&text, &policy, &mut Context::default(), &mut out);
        for f in &out {
            prop_assert!(f.start < f.end && f.end <= text.len());
            prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        }
        let engine = Engine::new(policy).unwrap();
        let _ = engine.sanitize(&text);
    }
}
