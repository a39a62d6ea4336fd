//! Conversation structure: internal notes, support-platform exports and the names a log
//! teaches us about itself.
//!
//! Detectors see flat text; this module reads the shape of a support log. It finds
//!
//! * internal notes ([`Category::InternalNote`]): note blocks in plain-text transcripts
//!   (configurable markers, ServiceNow work notes), internal messages of JSON/JSON Lines/CSV
//!   exports of the platforms listed in `formats/INTERNAL-NOTES.md`;
//! * structured personal data by key, whatever the value looks like (`ip_address`,
//!   `latitude`, `from_email`, `author.email`, display names, ...);
//! * names learned from the log (speaker labels, email display names, name fields), and
//!   every later occurrence of them ([`Category::Name`], labelled by role: `CUSTOMER`,
//!   `AGENT`, or `NAME` when the role is unknown).
//!
//! Spans always stay inside JSON string values (or cover a whole JSON number, whose
//! replacement is then quoted by [`fit_replacement`]), inside one CSV cell, or inside HTML
//! text, so the output keeps its format.

mod addresses;
mod csv;
mod email;
mod html;
mod json;
mod names;
mod person;
mod sniff;
mod text;

use crate::policy::{InputFormat, InternalNotes, Policy};
use crate::vocab::{Category, Finding};
use std::borrow::Cow;

pub use sniff::{sniff, Format};

pub(crate) use names::{capital_only, glued_lower, starts_upper, Retrying};

/// Whether `raw` reads as a person's name the run would learn (and replace wherever it
/// recurs).
pub(crate) fn is_learnable_name(raw: &str) -> bool {
    names::clean(raw).is_some()
}

/// The notice given when a message's visibility flag is missing or has an unknown value.
pub const NOTICE_FLAG_UNKNOWN: &str = "message flag missing or unrecognised: treated as internal";
/// The notice given when a streamed JSON document could not be read as a whole.
pub const NOTICE_JSON_SPLIT: &str = "JSON document split by streaming: message flags unreadable, \
     message bodies treated as internal; sanitize the whole file for exact results";

/// What the removal of an internal note leaves in place (a placeholder-shaped marker, so the
/// leak check and a second run leave it alone, and a JSON string stays a string).
pub const NOTE_REMOVED: &str = "[INTERNAL_NOTE_REMOVED]";

/// Rule id of a structured field whose JSON value is a number (its replacement is quoted).
pub(crate) const RULE_JSON_NUMBER: &str = "structure.json.number_field";

/// Rule ids of a number field inside JSON text that is itself inside 1, 2, 3 JSON strings:
/// the quotes of its replacement are escaped that many times.
pub(crate) const RULE_JSON_NUMBER_NESTED: [&str; 3] = [
    "structure.json.number_field_in_string",
    "structure.json.number_field_in_string_2",
    "structure.json.number_field_in_string_3",
];

/// Rule id of the second and later pieces of one note split around markup: removal leaves
/// one marker, on the first piece.
pub(crate) const RULE_NOTE_CONTINUED: &str = "structure.html.note_continued";

/// The structure state of one run: the format (decided on the first segment of a stream),
/// a CSV header, names learned so far and notices not yet reported.
#[derive(Debug, Default)]
pub struct Context {
    format: Option<Format>,
    csv: Option<csv::Columns>,
    names: names::Book,
    notices: Vec<String>,
    segments: usize,
    /// A plain-text note block that the previous segment ended inside.
    open_block: text::OpenBlock,
    /// Spans of the current segment no finding may touch (MIME headers and boundaries,
    /// attachment bodies).
    protected: Vec<(usize, usize)>,
    /// Seeded by a first pass over the whole input: the names are final, segments learn no
    /// more (a small segment could otherwise give a person another role than the whole
    /// text does).
    frozen: bool,
}

impl Context {
    /// Notices raised since the last call.
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }

    fn notice(&mut self, n: &str) {
        if !self.notices.iter().any(|x| x == n) {
            self.notices.push(n.to_string());
        }
    }

    /// The context a second pass starts from: the format and the names this (first) pass
    /// learned, nothing else of its position in the input.
    pub fn seed(self) -> Context {
        Context {
            format: self.format,
            names: self.names,
            frozen: true,
            ..Context::default()
        }
    }

    /// The learned names and their parts as written, with their label and key (see
    /// [`names::Book::written_forms`]).
    pub(crate) fn name_forms(&self) -> Vec<(String, &'static str, String)> {
        self.names.written_forms()
    }

    /// Whether this run reads (or, before its first segment, will read `text` as) CSV,
    /// whose quoted cells may hold line breaks.
    pub(crate) fn is_csv(&self, policy: &Policy, text: &str) -> bool {
        match (self.format, policy.format) {
            (Some(f), _) => f == Format::Csv,
            (None, InputFormat::Csv) => true,
            (None, InputFormat::Auto) => sniff::sniff(text) == Format::Csv,
            (None, _) => false,
        }
    }

    /// The format this run was read as (after the first segment).
    pub fn format(&self) -> Option<Format> {
        self.format
    }

    fn protect(&mut self, start: usize, end: usize) {
        if start < end {
            self.protected.push((start, end));
        }
    }

    /// Drops the findings that touch a protected span of the segment just analyzed.
    pub fn drop_protected(&mut self, findings: &mut Vec<Finding>) {
        if self.protected.is_empty() {
            return;
        }
        // Kept (sorted) until the next segment: the consistency pass adds findings later.
        self.protected.sort_unstable();
        let spans = &self.protected;
        // The largest end among spans starting at or before each index.
        let mut reach = Vec::with_capacity(spans.len());
        let mut max = 0;
        for &(_, e) in spans {
            max = max.max(e);
            reach.push(max);
        }
        findings.retain(|f| {
            let i = spans.partition_point(|&(s, _)| s < f.end);
            i == 0 || reach.get(i - 1).map_or(true, |&r| r <= f.start)
        });
    }
}

/// An input rewritten so the text it hides is visible to the detectors (see [`prepare`]).
#[derive(Debug)]
pub struct Prepared {
    /// What is scanned and replaced.
    pub text: String,
    restore: Restore,
}

#[derive(Debug)]
enum Restore {
    Email,
    Json(json::Encoded),
}

impl Prepared {
    /// Encodes a sanitized output of [`Prepared::text`] back the way the input was.
    pub fn restore(&self, out: String) -> String {
        match &self.restore {
            Restore::Email => email::restore(&out),
            Restore::Json(e) => json::restore(&out, e),
        }
    }
}

/// The format a run is read as: the policy's, or sniffed from the start of the text.
fn decide_format(text: &str, policy: &Policy) -> Format {
    match policy.format {
        InputFormat::Auto => sniff::sniff(text),
        InputFormat::Text => Format::Text,
        InputFormat::Json => Format::Json,
        InputFormat::Jsonl => Format::Jsonl,
        InputFormat::Csv => Format::Csv,
        InputFormat::Eml => Format::Eml,
        InputFormat::Html => Format::Html,
    }
}

/// Whether a streamed input in this format should be read whole (up to a limit) rather
/// than in segments: a JSON document's message flags and an email's MIME parts can only be
/// read whole.
pub fn reads_whole(start: &str, policy: &Policy) -> bool {
    matches!(decide_format(start, policy), Format::Json | Format::Eml)
}

/// For a whole document: decodes what hides text from the detectors (MIME transfer
/// encodings and encoded-word headers of an email; base64 text attachments in a JSON
/// export) into a form that is scanned and replaced, then encoded back by
/// [`Prepared::restore`]. `None` when there is nothing to decode.
pub fn prepare(text: &str, policy: &Policy, ctx: &mut Context) -> Option<Prepared> {
    if text.is_empty() || ctx.segments > 0 {
        return None;
    }
    let format = *ctx
        .format
        .get_or_insert_with(|| decide_format(text, policy));
    match format {
        Format::Eml => {
            let mut notices = Vec::new();
            let prepared = email::prepare(text, &mut notices);
            for n in &notices {
                ctx.notice(n);
            }
            let text = prepared?;
            ctx.notice(email::NOTICE_MIME_DECODED);
            Some(Prepared {
                text,
                restore: Restore::Email,
            })
        }
        Format::Json => {
            let (text, encoded) = json::prepare(text, ctx)?;
            Some(Prepared {
                text,
                restore: Restore::Json(encoded),
            })
        }
        _ => None,
    }
}

/// Where findings go, with the policy switches the submodules need.
pub(crate) struct Sink<'a> {
    pub out: &'a mut Vec<Finding>,
    /// Internal notes are to be found (category on and `internal_notes: remove`).
    pub notes: bool,
    pub policy: &'a Policy,
}

impl Sink<'_> {
    pub fn note(&mut self, rule: &'static str, start: usize, end: usize, reason: &'static str) {
        if self.notes && start < end {
            self.out.push(Finding::new(
                Category::InternalNote,
                rule,
                start,
                end,
                reason,
            ));
        }
    }

    pub fn field(
        &mut self,
        category: Category,
        label: Option<&str>,
        rule: &'static str,
        start: usize,
        end: usize,
    ) {
        if start < end {
            let mut f = Finding::new(category, rule, start, end, "structured field by key");
            f.label = label.map(str::to_string);
            self.out.push(f);
        }
    }
}

/// Finds internal notes, structured fields and learned names in `text` (one segment of a
/// run) and appends them to `out`.
pub fn analyze(text: &str, policy: &Policy, ctx: &mut Context, out: &mut Vec<Finding>) {
    if text.is_empty() {
        return;
    }
    let first = ctx.segments == 0;
    ctx.segments += 1;
    let format = *ctx
        .format
        .get_or_insert_with(|| decide_format(text, policy));
    ctx.protected.clear();
    let first_new = out.len();
    let mut sink = Sink {
        out,
        notes: policy.enabled(Category::InternalNote)
            && policy.internal_notes == InternalNotes::Remove,
        policy,
    };
    let learn_names = policy.enabled(Category::Name);
    let mut learned = names::Learned::default();
    match format {
        Format::Json => json::analyze_document(text, first, &mut sink, &mut learned, ctx),
        Format::Jsonl => json::analyze_lines(text, &mut sink, &mut learned, ctx),
        Format::Csv => csv::analyze(text, &mut sink, &mut learned, ctx),
        // Headers are at the top: later segments of a stream are body text.
        Format::Eml if first => email::analyze(text, &mut sink, &mut learned, ctx),
        Format::Eml => text::analyze(text, 0, &mut sink, &mut learned, ctx),
        Format::Html => html::analyze(text, &mut sink, &mut learned, ctx),
        Format::Text => text::analyze(text, 0, &mut sink, &mut learned, ctx),
    }
    if learn_names && !ctx.frozen {
        person::learn(text, &mut learned);
    }
    if matches!(format, Format::Json | Format::Jsonl) {
        json::repeat_values(text, sink.out, first_new);
    }
    if learn_names {
        if !ctx.frozen {
            ctx.names.absorb(learned);
        }
        // A person has one label wherever they appear (their strongest known role).
        for f in sink.out.iter_mut().skip(first_new) {
            if f.category == Category::Name {
                if let Some(l) = f.key.as_deref().and_then(|k| ctx.names.label_for(k)) {
                    f.label = Some(l.to_string());
                }
            }
        }
        ctx.names.find(
            text,
            format == Format::Json || format == Format::Jsonl,
            sink.out,
        );
    }
}

/// Adjusts a replacement to the place it goes: a JSON number becomes a JSON string, and a
/// removed internal note leaves a marker.
pub fn fit_replacement(f: &Finding, replacement: String) -> String {
    if f.rule == RULE_NOTE_CONTINUED && replacement.is_empty() {
        return replacement;
    }
    let replacement = if f.category == Category::InternalNote && replacement.is_empty() {
        NOTE_REMOVED.to_string()
    } else {
        replacement
    };
    if f.rule == RULE_JSON_NUMBER {
        return serde_json::to_string(&replacement).unwrap_or_else(|_| "\"\"".to_string());
    }
    if let Some(level) = RULE_JSON_NUMBER_NESTED.iter().position(|r| f.rule == *r) {
        let mut r = serde_json::to_string(&replacement).unwrap_or_else(|_| "\"\"".to_string());
        for _ in 0..=level {
            let quoted = serde_json::to_string(&r).unwrap_or_default();
            r = quoted
                .get(1..quoted.len().saturating_sub(1))
                .unwrap_or("")
                .to_string();
        }
        return r;
    }
    replacement
}

/// Whether `s` is entirely one of our placeholders (`[EMAIL-1]`, `[INTERNAL_NOTE_REMOVED]`),
/// or empty: such values were already sanitized and are left alone.
pub(crate) fn is_placeholder(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() {
        return true;
    }
    let b = s.as_bytes();
    if b.len() < 3 || b[0] != b'[' || b[b.len() - 1] != b']' {
        return false;
    }
    let inner = &s[1..s.len() - 1];
    let (label, suffix) = match inner.find(['-', ':']) {
        Some(i) => (&inner[..i], &inner[i + 1..]),
        None => (inner, ""),
    };
    label.bytes().next().is_some_and(|c| c.is_ascii_uppercase())
        && label
            .bytes()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'_')
        && suffix.bytes().all(|c| c.is_ascii_alphanumeric())
}

/// Trims ASCII whitespace from a span of `text`.
pub(crate) fn trim_span(text: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    let b = text.as_bytes();
    while s < e && b.get(s).is_some_and(|c| c.is_ascii_whitespace()) {
        s += 1;
    }
    while e > s && b.get(e - 1).is_some_and(|c| c.is_ascii_whitespace()) {
        e -= 1;
    }
    (s, e)
}

/// Lower-cases and strips everything but letters and digits: `From_Email` -> `fromemail`.
pub(crate) fn squash(key: &str) -> Cow<'_, str> {
    if key
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return Cow::Borrowed(key);
    }
    Cow::Owned(
        key.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect(),
    )
}

/// For tests: the structure findings of `text` as (value, category, label), and the notices.
#[cfg(test)]
pub(crate) fn analyzed(
    text: &str,
    policy: &Policy,
) -> (Vec<(String, Category, String)>, Vec<String>) {
    let mut out = Vec::new();
    let mut ctx = Context::default();
    analyze(text, policy, &mut ctx, &mut out);
    let v = out
        .iter()
        .map(|f| {
            (
                text[f.start..f.end].to_string(),
                f.category,
                f.label().to_string(),
            )
        })
        .collect();
    (v, ctx.take_notices())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders() {
        assert!(is_placeholder("[EMAIL-1]"));
        assert!(is_placeholder(" [INTERNAL_NOTE_REMOVED] "));
        assert!(is_placeholder("[IPV4:3f2a9c1d]"));
        assert!(is_placeholder(""));
        assert!(!is_placeholder("[Internal] note"));
        assert!(!is_placeholder("[internal]"));
        assert!(!is_placeholder("Jane"));
    }

    #[test]
    fn fits_numbers_and_notes() {
        let mut f = Finding::new(Category::Coordinates, RULE_JSON_NUMBER, 0, 4, "");
        assert_eq!(
            fit_replacement(&f, "[COORDINATES-1]".into()),
            "\"[COORDINATES-1]\""
        );
        assert_eq!(fit_replacement(&f, String::new()), "\"\"");
        f.rule = Cow::Borrowed(RULE_JSON_NUMBER_NESTED[0]);
        assert_eq!(fit_replacement(&f, "[C-1]".into()), "\\\"[C-1]\\\"");
        f.rule = Cow::Borrowed(RULE_JSON_NUMBER_NESTED[1]);
        assert_eq!(fit_replacement(&f, "[C-1]".into()), "\\\\\\\"[C-1]\\\\\\\"");
        f.category = Category::InternalNote;
        f.rule = Cow::Borrowed("x");
        assert_eq!(fit_replacement(&f, String::new()), NOTE_REMOVED);
    }

    #[test]
    fn squashes_keys() {
        assert_eq!(squash("From_Email"), "fromemail");
        assert_eq!(squash("ip_address"), "ipaddress");
        assert_eq!(squash("email"), "email");
    }
}

#[cfg(test)]
mod format_tests {
    use super::*;

    #[test]
    fn text_that_looks_like_json_is_still_read_as_text() {
        let t = "[ok]\nInternal note: customer is VIP\n\nAgent: hi\n";
        let mut out = Vec::new();
        analyze(t, &Policy::default(), &mut Context::default(), &mut out);
        assert!(out.iter().any(|f| f.category == Category::InternalNote
            && &t[f.start..f.end] == "Internal note: customer is VIP"));
    }

    #[test]
    fn forced_format_wins() {
        let t = "id,email,body\n1,a@b.example,hi\n";
        let p = Policy::from_json(r#"{"format":"text"}"#).unwrap();
        let mut out = Vec::new();
        let mut ctx = Context::default();
        analyze(t, &p, &mut ctx, &mut out);
        assert_eq!(ctx.format(), Some(Format::Text));
        assert!(out.is_empty());
        let mut ctx = Context::default();
        analyze(t, &Policy::default(), &mut ctx, &mut out);
        assert_eq!(ctx.format(), Some(Format::Csv));
        assert_eq!(out.len(), 1);
    }
}
