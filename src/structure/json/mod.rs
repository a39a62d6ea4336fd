//! JSON and JSON Lines exports of support platforms: internal messages by each platform's
//! flag (see `formats/INTERNAL-NOTES.md`), personal data by key, names from name fields.
//!
//! A small span-keeping parser reads the document (serde_json does not give spans); every
//! finding lies inside a string value (between its quotes) or covers a whole number, so the
//! output stays valid JSON with the same shape and key order.

use super::names::Learned;
use super::{Context, Sink, NOTICE_FLAG_UNKNOWN, NOTICE_JSON_SPLIT};
use fallback::line_fallback;
use parse::parse_in;
use walk::walk_document;

pub(crate) use embedded::{prepare, restore, Encoded};
pub(crate) use parse::parses;
pub(crate) use repeat::repeat_values;

mod embedded;
mod fallback;
mod fields;
mod keys;
mod notes;
mod parse;
mod repeat;
#[cfg(test)]
mod tests;
mod walk;

/// A whole JSON document (or, in a stream, one segment of it).
pub fn analyze_document(
    text: &str,
    first: bool,
    sink: &mut Sink,
    learned: &mut Learned,
    ctx: &mut Context,
) {
    match parse_in(text, 0, text.len()) {
        Some(root) => {
            if walk_document(text, &root, sink, learned, ctx, 0) {
                ctx.notice(NOTICE_FLAG_UNKNOWN);
            }
        }
        None => {
            // Not one whole document (a streamed segment, or malformed): read key/value
            // lines, failing closed on message bodies.
            if line_fallback(text, 0, text.len(), sink, learned) {
                ctx.notice(NOTICE_JSON_SPLIT);
            }
            // The start of the input did not parse: it may not be JSON at all (a text log
            // that opens with `[`), so read it as a transcript too.
            if first {
                super::text::analyze(text, 0, sink, learned, ctx);
            }
        }
    }
}

/// JSON Lines: one record per line.
pub fn analyze_lines(text: &str, sink: &mut Sink, learned: &mut Learned, ctx: &mut Context) {
    let mut unknown = false;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.trim_end().len();
        let s = start + (line.len() - line.trim_start().len());
        if s < end {
            match parse_in(text, s, end) {
                Some(root) => {
                    unknown |= walk_document(text, &root, sink, learned, ctx, 0);
                }
                None => {
                    if line_fallback(text, s, end, sink, learned) {
                        ctx.notice("unreadable JSON Lines record: its message bodies were treated as internal");
                    }
                }
            }
        }
        start += line.len();
    }
    if unknown {
        ctx.notice(NOTICE_FLAG_UNKNOWN);
    }
}
