//! Email files (.eml, raw MIME): display names in the address headers are learned, and the
//! body is read as a plain-text transcript (note markers, quoted replies, speaker lines).

use super::names::{Learned, Role};
use super::{text, Context, Sink};

/// Display names in an address list: `Jane Doe <jane@x.com>, "Doe, John" <j@y.org>`.
pub fn display_names(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    let b = s.as_bytes();
    let mut i = 0;
    let mut in_quotes = false;
    while i < b.len() {
        match b.get(i) {
            Some(b'"') => in_quotes = !in_quotes,
            Some(b',') if !in_quotes => from = i + 1,
            Some(b'<') if !in_quotes => {
                if let Some(name) = s.get(from..i) {
                    let name = name.trim().trim_matches('"').trim();
                    if !name.is_empty() && !name.contains('@') {
                        out.push(name);
                    }
                }
                // Skip to the closing bracket.
                while i < b.len() && b.get(i) != Some(&b'>') {
                    i += 1;
                }
                from = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

pub fn analyze(t: &str, sink: &mut Sink, learned: &mut Learned, ctx: &mut Context) {
    // Headers run to the first blank line; continuation lines start with whitespace.
    let mut off = 0;
    let mut current: Option<(String, String)> = None;
    let mut body_start = t.len();
    let flush = |h: Option<(String, String)>, learned: &mut Learned| {
        if let Some((name, value)) = h {
            if matches!(
                name.to_ascii_lowercase().as_str(),
                "from" | "to" | "cc" | "bcc" | "reply-to" | "sender" | "delivered-to"
            ) {
                for n in display_names(&value) {
                    learned.add(n, Role::Unknown);
                }
            }
        }
    };
    for raw in t.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        if line.is_empty() {
            body_start = off + raw.len();
            break;
        }
        if line.starts_with([' ', '\t']) {
            if let Some((_, v)) = current.as_mut() {
                v.push(' ');
                v.push_str(line.trim());
            }
        } else if let Some((n, v)) = line.split_once(':') {
            flush(current.take(), learned);
            current = Some((n.trim().to_string(), v.trim().to_string()));
        }
        off += raw.len();
    }
    flush(current.take(), learned);
    if body_start < t.len() {
        text::analyze(t, body_start, sink, learned, ctx);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_display_names() {
        assert_eq!(
            display_names(r#"Jane Doe <jane@x.com>, "Doe, John" <j@y.org>, bare@z.com"#),
            vec!["Jane Doe", "Doe, John"]
        );
        assert!(display_names("<a@b.com>").is_empty());
        assert!(display_names("a@b.com <a@b.com>").is_empty());
    }
}
