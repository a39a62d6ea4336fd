//! The mapping parser and restore must not panic; restoring a text with no placeholders
//! returns it unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use logscrub::Mapping;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // The first line is the mapping JSON, the rest the text to restore.
    let (json, body) = text.split_once('\n').unwrap_or((&text, ""));
    if let Ok(mapping) = Mapping::from_json(json) {
        let _ = logscrub::restore(body, &mapping);
        let _ = Mapping::from_json(&mapping.to_json());
    }
    let empty = Mapping::from_json(r#"{"version":1,"entries":[]}"#);
    if let Ok(m) = empty {
        let (out, _) = logscrub::restore(body, &m);
        assert_eq!(out, body);
    }
});
