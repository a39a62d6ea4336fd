//! Email files (.eml, raw MIME).
//!
//! Before detection, [`prepare`] rewrites the message so every text is visible: encoded-word
//! headers (`=?UTF-8?B?...?=`) are decoded, and `text/*` parts sent as base64 or
//! quoted-printable are decoded to UTF-8 and declared `8bit` (their charset becomes UTF-8).
//! Multipart structure, boundaries and non-text attachments are copied as they are. The
//! leak check therefore sees plain text, and after replacement [`restore`] encodes what must
//! be encoded again (non-ASCII header values as encoded words, over-long body lines as
//! quoted-printable).
//!
//! [`analyze`] then reads the decoded message part by part: display names in the address
//! headers are learned, `text/plain` bodies are read as transcripts (note markers, quoted
//! replies, speaker lines), `text/html` bodies as HTML transcripts. MIME headers, boundary
//! lines and attachment bodies are protected: no finding may touch them, so the structure
//! stays valid.

use super::addresses::display_names;
use super::names::{Learned, Role};
use super::{text, Context, Sink};
use crate::codec;
use mime::{parse, Body, Entity};

pub use prepare::{prepare, NOTICE_MIME_DECODED};
pub use restore::restore;

mod mime;
mod prepare;
mod restore;
#[cfg(test)]
mod tests;

fn is_address_header(name: &str) -> bool {
    matches!(
        name.to_ascii_lowercase().as_str(),
        "from" | "to" | "cc" | "bcc" | "reply-to" | "sender" | "delivered-to"
    )
}

/// Reads a (prepared) message: learns names from address headers, protects the MIME frame,
/// and reads each text body as a transcript.
pub fn analyze(t: &str, sink: &mut Sink, learned: &mut Learned, ctx: &mut Context) {
    let root = parse(t, 0, t.len(), 0);
    let mut attachments = Vec::new();
    analyze_entity(t, &root, sink, learned, ctx, &mut attachments);
    if !attachments.is_empty() {
        attachments.sort();
        attachments.dedup();
        ctx.notice(&format!(
            "email: attachments left as they are, not scrubbed: {}",
            attachments.join(", ")
        ));
    }
}

fn analyze_entity(
    t: &str,
    e: &Entity,
    sink: &mut Sink,
    learned: &mut Learned,
    ctx: &mut Context,
    attachments: &mut Vec<String>,
) {
    for h in &e.headers {
        let lower = h.name.to_ascii_lowercase();
        if is_address_header(&h.name) {
            for n in display_names(&h.value) {
                learned.add(n, Role::Unknown);
            }
        }
        if lower.starts_with("content-") && lower != "content-description"
            || lower == "mime-version"
        {
            ctx.protect(h.start, h.end);
        }
    }
    match &e.body {
        Body::Multipart { delimiters, parts } => {
            for &(s, e) in delimiters {
                ctx.protect(s, e);
            }
            for p in parts {
                analyze_entity(t, p, sink, learned, ctx, attachments);
            }
        }
        Body::Message(inner) => analyze_entity(t, inner, sink, learned, ctx, attachments),
        Body::Text { .. } if e.cte == "base64" => {
            // `prepare` could not decode it: not base64 after all, so it is read as the
            // text it is (the detectors scan it too).
            if let Some(region) = t.get(..e.end) {
                text::analyze(region, e.body_start, sink, learned, ctx);
                ctx.open_block = text::OpenBlock::None;
            }
        }
        Body::Text { html } => {
            let Some(region) = t.get(..e.end) else { return };
            if *html {
                super::html::analyze_from(region, e.body_start, sink, learned, ctx);
            } else {
                text::analyze(region, e.body_start, sink, learned, ctx);
            }
            // A note block cannot run on into the next part.
            ctx.open_block = text::OpenBlock::None;
        }
        Body::Other => {
            // Encoded data stays intact (a finding inside it would corrupt the file); an
            // attachment sent as plain text, or whose base64 is broken, is left to the
            // detectors like any text.
            let body = t.get(e.body_start..e.end).unwrap_or("");
            if e.cte == "base64" && !body.trim().is_empty() && codec::base64_decode(body).is_some()
            {
                ctx.protect(e.body_start, e.end);
                attachments.push(e.mime.clone());
            }
        }
    }
}
