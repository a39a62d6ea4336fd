//! Documents inside documents: JSON text in a string, base64, HTML and encoded bodies.

use super::keys::{is_text_mime, looks_html};
use super::parse::get;
use super::parse::{decode, parse_in, Node};
use super::walk::{walk_document, Walker};
use crate::structure::{is_placeholder, squash};
use crate::structure::{Context, Sink};
use std::borrow::Cow;

impl Walker<'_, '_, '_> {
    /// Text inside a string value, read with the reader its content calls for: a JSON
    /// document (message JSON inside a field), an HTML or plain-text transcript (chat
    /// transcripts, journal text, note markers). Findings are mapped back to the raw string,
    /// escapes included.
    pub(super) fn embedded(&mut self, s: usize, e: usize) {
        let raw = self.t.get(s..e).unwrap_or("");
        if raw.len() < 3 || is_placeholder(raw) || !may_hold_structure(raw, self.sink.policy) {
            return;
        }
        let Some((dec, map)) = decode_mapped(self.t, s, e) else {
            return;
        };
        let policy = self.sink.policy;
        let notes = self.sink.notes;
        let mut tmp = Vec::new();
        let saved_block = std::mem::take(&mut self.ctx.open_block);
        let saved_protected = std::mem::take(&mut self.ctx.protected);
        {
            let mut sink = Sink {
                out: &mut tmp,
                notes,
                policy,
            };
            let lead = dec.trim_start().as_bytes().first().copied();
            let root = if matches!(lead, Some(b'{' | b'[')) && self.level < MAX_EMBED {
                parse_in(&dec, 0, dec.len())
            } else {
                None
            };
            match root {
                Some(root) if matches!(root, Node::Obj(_) | Node::Arr(_)) => {
                    self.unknown |= walk_document(
                        &dec,
                        &root,
                        &mut sink,
                        self.learned,
                        self.ctx,
                        self.level + 1,
                    );
                }
                _ if looks_html(&dec) => {
                    crate::structure::html::analyze_from(&dec, 0, &mut sink, self.learned, self.ctx)
                }
                _ => crate::structure::text::analyze(&dec, 0, &mut sink, self.learned, self.ctx),
            }
        }
        self.ctx.open_block = saved_block;
        self.ctx.protected = saved_protected;
        for mut f in tmp {
            let (Some(&fs), Some(&fe)) = (map.get(f.start), map.get(f.end)) else {
                continue;
            };
            f.start = fs;
            f.end = fe;
            if let Some(rule) = nested_number_rule(&f.rule) {
                f.rule = Cow::Borrowed(rule);
            }
            self.sink.out.push(f);
        }
    }
}

/// JSON nested in JSON strings deeper than this is not read as JSON.
const MAX_EMBED: usize = crate::structure::RULE_JSON_NUMBER_NESTED.len();

/// The rule a number finding takes one JSON string deeper (its quotes are escaped once
/// more); `None` for other rules.
fn nested_number_rule(rule: &str) -> Option<&'static str> {
    if rule == crate::structure::RULE_JSON_NUMBER {
        return crate::structure::RULE_JSON_NUMBER_NESTED.first().copied();
    }
    let i = crate::structure::RULE_JSON_NUMBER_NESTED
        .iter()
        .position(|r| *r == rule)?;
    // Deeper than the last level is never walked (MAX_EMBED).
    crate::structure::RULE_JSON_NUMBER_NESTED
        .get(i + 1)
        .or(crate::structure::RULE_JSON_NUMBER_NESTED.last())
        .copied()
}

/// Whether a raw string value can hold anything `Walker::embedded` finds: several lines,
/// markup, JSON text, or a single line that opens with a note marker or a stamp. Most
/// message bodies of an export are one plain line, and are skipped cheaply.
fn may_hold_structure(raw: &str, policy: &crate::policy::Policy) -> bool {
    let b = raw.as_bytes();
    if memchr::memchr2(b'\n', b'<', b).is_some() || memchr::memmem::find(b, b"\\n").is_some() {
        return true;
    }
    let lead = raw.trim_start();
    match lead.as_bytes().first() {
        Some(b'{' | b'[' | b'(') => true,
        // A note marker (`Internal note:`, `Private note:`, `Note to self:`, custom ones):
        // any label at the start of the line.
        _ => {
            lead.bytes().take(48).any(|c| c == b':')
                || policy.note_markers.iter().any(|m| {
                    let m = m.trim().as_bytes();
                    !m.is_empty()
                        && lead
                            .as_bytes()
                            .get(..m.len())
                            .is_some_and(|p| p.eq_ignore_ascii_case(m))
                })
        }
    }
}

/// The decoded text of a string span and, for each byte of it (and its end), the offset in
/// `text` of the character or escape it came from. `None` on a lone surrogate.
pub(super) fn decode_mapped(text: &str, s: usize, e: usize) -> Option<(String, Vec<usize>)> {
    let raw = text.get(s..e)?;
    let mut out = String::with_capacity(raw.len());
    let mut map = Vec::with_capacity(raw.len() + 1);
    let b = raw.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let at = s + i;
        let c = if b.get(i) == Some(&b'\\') {
            let esc = *b.get(i + 1)?;
            i += 2;
            match esc {
                b'n' => '\n',
                b't' => '\t',
                b'r' => '\r',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'u' => {
                    let hex4 = |j: usize| {
                        raw.get(j..j + 4)
                            .and_then(|h| u32::from_str_radix(h, 16).ok())
                    };
                    let hi = hex4(i)?;
                    i += 4;
                    if (0xd800..0xdc00).contains(&hi) {
                        if raw.get(i..i + 2) != Some("\\u") {
                            return None;
                        }
                        let lo = hex4(i + 2)?;
                        if !(0xdc00..0xe000).contains(&lo) {
                            return None;
                        }
                        i += 6;
                        char::from_u32(0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00))?
                    } else {
                        char::from_u32(hi)?
                    }
                }
                other => other as char,
            }
        } else {
            let c = raw.get(i..)?.chars().next()?;
            i += c.len_utf8();
            c
        };
        for _ in 0..c.len_utf8() {
            map.push(at);
        }
        out.push(c);
    }
    map.push(e);
    Some((out, map))
}

/// Which string values [`prepare`] decoded from base64: their ordinals among the scalar
/// values of the document, in document order (the output keeps the shape, so they are
/// found again there).
#[derive(Debug, Default)]
pub(crate) struct Encoded(Vec<usize>);

/// An object's members.
type Members<'n, 't> = &'n [(Cow<'t, str>, Node<'t>)];

/// A scalar value with the object holding it and its key.
type Scalar<'n, 't> = (&'n Node<'t>, Option<Members<'n, 't>>, Option<&'n str>);

/// Scalar values (strings and numbers) in document order, with the object holding each.
fn scalars<'n, 't>(
    node: &'n Node<'t>,
    holder: Option<Members<'n, 't>>,
    key: Option<&'n str>,
    out: &mut Vec<Scalar<'n, 't>>,
) {
    match node {
        Node::Str(..) | Node::Num(..) => out.push((node, holder, key)),
        Node::Obj(m) => {
            for (k, v) in m {
                scalars(v, Some(m), Some(k), out);
            }
        }
        Node::Arr(items) => {
            for it in items {
                scalars(it, holder, key, out);
            }
        }
        _ => {}
    }
}

/// Decodes base64 text attachments (`documentbody` whose `mimetype` is text or JSON) so
/// their content is scrubbed; [`restore`] encodes them again.
pub(crate) fn prepare(text: &str, ctx: &mut Context) -> Option<(String, Encoded)> {
    if !text.contains("documentbody") && !text.contains("documentBody") {
        return None;
    }
    let root = parse_in(text, 0, text.len())?;
    let mut all = Vec::new();
    scalars(&root, None, None, &mut all);
    let mut out = String::with_capacity(text.len() * 4 / 3);
    let mut last = 0;
    let mut encoded = Vec::new();
    for (ordinal, (node, holder, key)) in all.iter().enumerate() {
        let (Node::Str(s, e), Some(m), Some(k)) = (node, holder, key) else {
            continue;
        };
        if squash(k) != "documentbody" {
            continue;
        }
        let mime = match get(m, "mimetype") {
            Some(Node::Str(ms, me)) => decode(text, *ms, *me)
                .map(|v| v.trim().to_ascii_lowercase())
                .unwrap_or_default(),
            _ => String::new(),
        };
        if !(mime.is_empty() || is_text_mime(&mime)) {
            continue;
        }
        let Some(b64) = decode(text, *s, *e) else {
            continue;
        };
        if b64.trim().is_empty() {
            continue;
        }
        let decoded = crate::codec::base64_decode(&b64)
            .and_then(|b| String::from_utf8(b).ok())
            .filter(|t| !t.contains('\0'));
        let Some(decoded) = decoded else {
            if !mime.is_empty() {
                ctx.notice(&format!(
                    "attachment body (documentbody, {mime}) is not base64 UTF-8 text: left as \
                     it is, not scrubbed"
                ));
            }
            continue;
        };
        let escaped = serde_json::to_string(&decoded).ok()?;
        out.push_str(text.get(last..*s)?);
        out.push_str(escaped.get(1..escaped.len() - 1)?);
        last = *e;
        encoded.push(ordinal);
    }
    if encoded.is_empty() {
        return None;
    }
    out.push_str(text.get(last..)?);
    ctx.notice("base64 text attachments (documentbody) were decoded, scrubbed and encoded again; finding positions refer to the decoded document");
    Some((out, Encoded(encoded)))
}

/// Encodes the values [`prepare`] decoded back to base64. An output that no longer parses
/// (it always should) is returned as it is: scrubbed, only not encoded.
pub(crate) fn restore(out: &str, enc: &Encoded) -> String {
    let Some(root) = parse_in(out, 0, out.len()) else {
        return out.to_string();
    };
    let mut all = Vec::new();
    scalars(&root, None, None, &mut all);
    let mut res = String::with_capacity(out.len() * 4 / 3);
    let mut last = 0;
    for &i in &enc.0 {
        let Some((Node::Str(s, e), _, _)) = all.get(i) else {
            continue;
        };
        let Some(text) = decode(out, *s, *e) else {
            continue;
        };
        res.push_str(out.get(last..*s).unwrap_or(""));
        res.push_str(&crate::codec::base64_encode(text.as_bytes(), 0, ""));
        last = *e;
    }
    res.push_str(out.get(last..).unwrap_or(""));
    res
}
