//! After replacement: what must be encoded is encoded again (non-ASCII header values as
//! encoded words, over-long body lines as quoted-printable).

use super::mime::{eol_of, is_text_header, lines, parse, Body, Entity};
use crate::codec;

/// Puts a sanitized, prepared message back in a sendable form: non-ASCII header values as
/// encoded words, text bodies with lines over 998 bytes as quoted-printable.
pub fn restore(t: &str) -> String {
    let root = parse(t, 0, t.len(), 0);
    let eol = eol_of(t);
    let mut out = String::with_capacity(t.len());
    let mut pos = 0;
    restore_entity(t, &root, eol, &mut out, &mut pos);
    out.push_str(t.get(pos..).unwrap_or(""));
    out
}

fn restore_entity(t: &str, e: &Entity, eol: &str, out: &mut String, pos: &mut usize) {
    let long = matches!(e.body, Body::Text { .. })
        && matches!(e.cte.as_str(), "8bit" | "7bit" | "binary")
        && lines(t, e.body_start, e.end).any(|(s, ce, _)| ce - s > 998);
    for h in &e.headers {
        let text = t.get(h.start..h.end).unwrap_or("");
        let lower = h.name.to_ascii_lowercase();
        if long && lower == "content-transfer-encoding" {
            out.push_str(t.get(*pos..h.start).unwrap_or(""));
            out.push_str(&format!("{}: quoted-printable", h.name));
            *pos = h.end;
        } else if !text.is_ascii() && is_text_header(&h.name) {
            out.push_str(t.get(*pos..h.start).unwrap_or(""));
            out.push_str(&format!("{}: {}", h.name, encode_runs(&h.value)));
            *pos = h.end;
        }
    }
    match &e.body {
        Body::Multipart { parts, .. } => {
            for p in parts {
                restore_entity(t, p, eol, out, pos);
            }
        }
        Body::Message(inner) => restore_entity(t, inner, eol, out, pos),
        Body::Text { .. } if long => {
            out.push_str(t.get(*pos..e.body_start).unwrap_or(""));
            out.push_str(&codec::qp_encode(
                t.get(e.body_start..e.end).unwrap_or(""),
                eol,
            ));
            *pos = e.end;
        }
        _ => {}
    }
}

/// Encodes the runs of words that hold non-ASCII characters, leaving addresses and ASCII
/// words readable.
fn encode_runs(value: &str) -> String {
    let words: Vec<&str> = value.split(' ').collect();
    let mut out: Vec<String> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for w in words {
        if w.is_ascii() {
            if !run.is_empty() {
                out.push(codec::encode_words(&run.join(" ")));
                run.clear();
            }
            out.push(w.to_string());
        } else {
            run.push(w.trim_matches('"'));
        }
    }
    if !run.is_empty() {
        out.push(codec::encode_words(&run.join(" ")));
    }
    out.join(" ")
}
