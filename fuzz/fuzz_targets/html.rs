//! HTML exports: no panic, clean leak check, idempotent, and the markup is kept: the
//! sequence of tags (`<...>`) is the same before and after.
#![no_main]

use libfuzzer_sys::fuzz_target;
use logscrub::Engine;
use std::sync::LazyLock;

#[path = "shape.rs"]
mod shape;

static HTML: LazyLock<Engine> = LazyLock::new(|| shape::engine("html"));

/// Tag names in order (`<p`, `</div`), the shape of the markup.
fn tags(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
            .collect();
        let after = rest[name.len()..].chars().next();
        let ends = matches!(after, None | Some('>' | '/' | ' ' | '\t' | '\n' | '\r'));
        if ends
            && name
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '/')
        {
            out.push(name);
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let out = shape::check(&HTML, data);
    let input = String::from_utf8_lossy(data);
    assert_eq!(
        tags(&input),
        tags(&out.text),
        "markup changed:\n{input}\n->\n{}",
        out.text
    );
});
