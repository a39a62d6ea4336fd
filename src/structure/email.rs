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

/// Nested multiparts deeper than this are copied as they are.
const MAX_DEPTH: usize = 32;

/// Notice for a message whose encoded text parts were decoded.
pub const NOTICE_MIME_DECODED: &str = "email: encoded text parts and headers were decoded to \
     UTF-8 (8bit) to be scrubbed; finding positions refer to the decoded message";

/// One header field: its whole lines (with continuations, without the final line end),
/// name and unfolded value.
#[derive(Debug)]
struct Header {
    start: usize,
    end: usize,
    name: String,
    value: String,
}

#[derive(Debug)]
enum Body {
    /// Delimiter lines (`--boundary`, `--boundary--`) and the parts between them.
    Multipart {
        delimiters: Vec<(usize, usize)>,
        parts: Vec<Entity>,
    },
    Message(Box<Entity>),
    Text {
        html: bool,
    },
    /// An attachment or other non-text body.
    Other,
}

/// A MIME entity: headers, then a body in `body_start..end`.
#[derive(Debug)]
struct Entity {
    start: usize,
    headers: Vec<Header>,
    body_start: usize,
    end: usize,
    /// Lower-case `type/subtype` (`text/plain` when absent).
    mime: String,
    charset: String,
    /// Lower-case transfer encoding (`7bit` when absent).
    cte: String,
    body: Body,
}

impl Entity {
    fn header(&self, name: &str) -> Option<&Header> {
        self.headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
    }
}

/// The value of parameter `name` in a `Content-Type` value.
fn param(value: &str, name: &str) -> Option<String> {
    for p in value.split(';').skip(1) {
        let Some((k, v)) = p.split_once('=') else {
            continue;
        };
        if k.trim().eq_ignore_ascii_case(name) {
            return Some(v.trim().trim_matches('"').to_string());
        }
    }
    None
}

/// Line ranges of `t[start..end]`: (line start, content end, next line start).
fn lines(t: &str, start: usize, end: usize) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let mut pos = start;
    std::iter::from_fn(move || {
        if pos >= end {
            return None;
        }
        let rest = t.as_bytes().get(pos..end)?;
        let next = memchr::memchr(b'\n', rest).map_or(end, |i| pos + i + 1);
        let mut ce = next;
        while ce > pos && matches!(t.as_bytes().get(ce - 1), Some(b'\n' | b'\r')) {
            ce -= 1;
        }
        let item = (pos, ce, next);
        pos = next;
        Some(item)
    })
}

fn parse(t: &str, start: usize, end: usize, depth: usize) -> Entity {
    let mut headers: Vec<Header> = Vec::new();
    let mut body_start = end;
    for (ls, ce, next) in lines(t, start, end) {
        let line = t.get(ls..ce).unwrap_or("");
        if line.is_empty() {
            body_start = next;
            break;
        }
        if line.starts_with([' ', '\t']) {
            if let Some(h) = headers.last_mut() {
                h.end = ce;
                h.value.push(' ');
                h.value.push_str(line.trim());
            }
            continue;
        }
        match line.split_once(':') {
            Some((n, v)) if !n.is_empty() && !n.contains(' ') => headers.push(Header {
                start: ls,
                end: ce,
                name: n.to_string(),
                value: v.trim().to_string(),
            }),
            // Not a header: the body starts here (a message without a blank line).
            _ => {
                body_start = ls;
                break;
            }
        }
    }
    let mut e = Entity {
        start,
        headers,
        body_start,
        end,
        mime: "text/plain".into(),
        charset: String::new(),
        cte: "7bit".into(),
        body: Body::Text { html: false },
    };
    let ct = e.header("content-type").map(|h| h.value.clone());
    if let Some(ct) = &ct {
        let m = ct
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if !m.is_empty() {
            e.mime = m;
        }
        e.charset = param(ct, "charset").unwrap_or_default();
    }
    if let Some(h) = e.header("content-transfer-encoding") {
        e.cte = h.value.trim().to_ascii_lowercase();
    }
    e.body = if depth >= MAX_DEPTH {
        Body::Other
    } else if e.mime.starts_with("multipart/") {
        match ct.as_deref().and_then(|c| param(c, "boundary")) {
            Some(b) if !b.is_empty() => multipart(t, body_start, end, &b, depth),
            _ => Body::Other,
        }
    } else if e.mime == "message/rfc822" && matches!(e.cte.as_str(), "7bit" | "8bit" | "binary") {
        Body::Message(Box::new(parse(t, body_start, end, depth + 1)))
    } else if e.mime.starts_with("text/") {
        Body::Text {
            html: e.mime == "text/html",
        }
    } else {
        Body::Other
    };
    e
}

fn multipart(t: &str, start: usize, end: usize, boundary: &str, depth: usize) -> Body {
    let open = format!("--{boundary}");
    let mut delimiters = Vec::new();
    let mut parts = Vec::new();
    // The part being read: where it starts.
    let mut part_start: Option<usize> = None;
    for (ls, ce, next) in lines(t, start, end) {
        let line = t.get(ls..ce).unwrap_or("").trim_end();
        let Some(rest) = line.strip_prefix(open.as_str()) else {
            continue;
        };
        let close = rest == "--";
        if !(rest.is_empty() || close) {
            continue;
        }
        if let Some(ps) = part_start.take() {
            // The line end before the delimiter belongs to it.
            let mut pe = ls;
            if pe > ps && t.as_bytes().get(pe - 1) == Some(&b'\n') {
                pe -= 1;
                if pe > ps && t.as_bytes().get(pe - 1) == Some(&b'\r') {
                    pe -= 1;
                }
            }
            parts.push(parse(t, ps, pe.max(ps), depth + 1));
        }
        delimiters.push((ls, ce));
        if close {
            break;
        }
        part_start = Some(next);
    }
    // An unterminated last part runs to the end.
    if let Some(ps) = part_start {
        parts.push(parse(t, ps, end, depth + 1));
    }
    if delimiters.is_empty() {
        return Body::Other;
    }
    Body::Multipart { delimiters, parts }
}

/// The line end the message uses.
fn eol_of(t: &str) -> &'static str {
    match memchr::memchr(b'\n', t.as_bytes()) {
        Some(i) if i > 0 && t.as_bytes().get(i - 1) == Some(&b'\r') => "\r\n",
        _ => "\n",
    }
}

/// Headers whose encoded words are decoded.
fn is_text_header(name: &str) -> bool {
    matches!(
        name.to_ascii_lowercase().as_str(),
        "from"
            | "to"
            | "cc"
            | "bcc"
            | "reply-to"
            | "sender"
            | "subject"
            | "comments"
            | "keywords"
            | "thread-topic"
            | "delivered-to"
            | "return-path"
            | "disposition-notification-to"
    )
}

fn is_address_header(name: &str) -> bool {
    matches!(
        name.to_ascii_lowercase().as_str(),
        "from" | "to" | "cc" | "bcc" | "reply-to" | "sender" | "delivered-to"
    )
}

/// Rewrites a message so its text is visible (see the module doc); `None` when nothing is
/// encoded. Notices say what was decoded and what could not be.
pub fn prepare(t: &str, notices: &mut Vec<String>) -> Option<String> {
    let root = parse(t, 0, t.len(), 0);
    let mut out = String::with_capacity(t.len() + t.len() / 3);
    let mut changed = false;
    let eol = eol_of(t);
    write_entity(t, &root, eol, &mut out, &mut changed, notices);
    changed.then_some(out)
}

fn push_notice(notices: &mut Vec<String>, n: String) {
    if !notices.contains(&n) {
        notices.push(n);
    }
}

fn write_entity(
    t: &str,
    e: &Entity,
    eol: &str,
    out: &mut String,
    changed: &mut bool,
    notices: &mut Vec<String>,
) {
    // Decode the body first: its headers depend on whether that worked.
    let decoded = match e.body {
        Body::Text { .. } if matches!(e.cte.as_str(), "base64" | "quoted-printable") => {
            let raw = t.get(e.body_start..e.end).unwrap_or("");
            let bytes = if e.cte == "base64" {
                codec::base64_decode(raw)
            } else {
                Some(codec::qp_decode(raw, false))
            };
            match bytes {
                Some(b) => Some(match codec::to_utf8(&b, &e.charset) {
                    Some(s) => s,
                    None => {
                        push_notice(
                            notices,
                            format!(
                                "email: a {} part in charset \"{}\" was decoded as UTF-8 \
                                 (characters outside ASCII may be altered)",
                                e.mime, e.charset
                            ),
                        );
                        String::from_utf8_lossy(&b).into_owned()
                    }
                }),
                // Only base64 fails to decode (quoted-printable always does).
                None => match codec::base64_lines_decode(raw) {
                    Some(text) => {
                        push_notice(
                            notices,
                            format!(
                                "email: a {} part is not valid base64 as a whole: the lines \
                                 that decode were decoded and scrubbed, the rest read as written",
                                e.mime
                            ),
                        );
                        Some(text)
                    }
                    None => {
                        push_notice(
                            notices,
                            format!(
                                "email: a {} part is not valid {}: read as it is written",
                                e.mime, e.cte
                            ),
                        );
                        None
                    }
                },
            }
        }
        _ => None,
    };
    // A non-UTF-8 charset in an 8bit text part is left as read (the input was read as UTF-8).
    let mut pos = e.start;
    for h in &e.headers {
        out.push_str(t.get(pos..h.start).unwrap_or(""));
        let lower = h.name.to_ascii_lowercase();
        if decoded.is_some() && lower == "content-transfer-encoding" {
            out.push_str(&format!("{}: 8bit", h.name));
            *changed = true;
        } else if decoded.is_some()
            && lower == "content-type"
            && !matches!(
                e.charset.to_ascii_lowercase().as_str(),
                "utf-8" | "utf8" | "us-ascii" | "ascii"
            )
        {
            out.push_str(&format!("{}: {}; charset=\"utf-8\"", h.name, e.mime));
            for p in h.value.split(';').skip(1) {
                let k = p.split('=').next().unwrap_or("").trim();
                if !k.eq_ignore_ascii_case("charset") && !p.trim().is_empty() {
                    out.push_str(&format!(";{p}"));
                }
            }
            *changed = true;
        } else if is_text_header(&h.name) {
            match codec::decode_words(&h.value) {
                Some(v) => {
                    out.push_str(&format!("{}: {}", h.name, v.replace(['\r', '\n'], " ")));
                    *changed = true;
                }
                None => out.push_str(t.get(h.start..h.end).unwrap_or("")),
            }
        } else {
            out.push_str(t.get(h.start..h.end).unwrap_or(""));
        }
        pos = h.end;
    }
    out.push_str(t.get(pos..e.body_start).unwrap_or(""));
    match (&e.body, decoded) {
        (_, Some(text)) => {
            let text = body_words_decoded(&text).unwrap_or(text);
            // A text part's canonical line end is the message's.
            if eol == "\r\n" {
                out.push_str(&text.replace("\r\n", "\n").replace('\n', "\r\n"));
            } else {
                out.push_str(&text);
            }
            *changed = true;
        }
        (Body::Text { .. }, None) => {
            let body = t.get(e.body_start..e.end).unwrap_or("");
            match body_words_decoded(body) {
                Some(text) => {
                    out.push_str(&text);
                    *changed = true;
                }
                None => out.push_str(body),
            }
        }
        (Body::Multipart { delimiters, parts }, None) => {
            let mut pos = e.body_start;
            let mut parts = parts.iter();
            for &(ds, de) in delimiters {
                out.push_str(t.get(pos..ds).unwrap_or(""));
                out.push_str(t.get(ds..de).unwrap_or(""));
                pos = de;
                // The part after this delimiter (its line end, then the entity).
                if let Some(p) = parts.next() {
                    out.push_str(t.get(pos..p.start).unwrap_or(""));
                    write_entity(t, p, eol, out, changed, notices);
                    pos = p.end;
                }
            }
            out.push_str(t.get(pos..e.end).unwrap_or(""));
        }
        (Body::Message(inner), None) => {
            out.push_str(t.get(e.body_start..inner.start).unwrap_or(""));
            write_entity(t, inner, eol, out, changed, notices);
            out.push_str(t.get(inner.end..e.end).unwrap_or(""));
        }
        (_, None) => out.push_str(t.get(e.body_start..e.end).unwrap_or("")),
    }
}

/// A text body with its encoded words decoded, line by line, when it has any: a header block
/// copied into a message (`From: =?UTF-8?B?...?=`) holds a name that must be read like the
/// header's. The body stays decoded in the output (it is text).
fn body_words_decoded(body: &str) -> Option<String> {
    if !body.contains("=?") {
        return None;
    }
    let mut out = String::with_capacity(body.len());
    let mut any = false;
    for (s, ce, end) in lines(body, 0, body.len()) {
        let line = body.get(s..ce).unwrap_or("");
        match codec::decode_words(line) {
            Some(v) => {
                out.push_str(&v.replace(['\r', '\n'], " "));
                any = true;
            }
            None => out.push_str(line),
        }
        out.push_str(body.get(ce..end).unwrap_or(""));
    }
    any.then_some(out)
}

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

#[cfg(test)]
mod tests {
    use super::*;

    const MULTI: &str = "From: =?UTF-8?B?Sm9zw6kgR2FyY8OtYQ==?= <jose@x.example>\r\n\
To: support@acme.example\r\n\
Subject: =?ISO-8859-1?Q?R=E9union?=\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"outer\"\r\n\
\r\n\
preamble\r\n\
--outer\r\n\
Content-Type: multipart/alternative; boundary=inner\r\n\
\r\n\
--inner\r\n\
Content-Type: text/plain; charset=ISO-8859-1\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\
\r\n\
Caf=E9 call me at jose=40x.example or =\r\n\
+1 202 555 0173\r\n\
--inner\r\n\
Content-Type: text/html; charset=utf-8\r\n\
Content-Transfer-Encoding: base64\r\n\
\r\n\
PHA+SGVsbG8gSm9zw6k8L3A+\r\n\
--inner--\r\n\
--outer\r\n\
Content-Type: image/png\r\n\
Content-Transfer-Encoding: base64\r\n\
\r\n\
iVBORw0KGgo=\r\n\
--outer--\r\n";

    #[test]
    fn prepares_multipart() {
        let mut notices = Vec::new();
        let p = prepare(MULTI, &mut notices).unwrap();
        assert!(p.contains("From: José García <jose@x.example>\r\n"), "{p}");
        assert!(p.contains("Subject: Réunion\r\n"));
        assert!(p.contains("Content-Type: text/plain; charset=\"utf-8\"\r\n"));
        assert!(p.contains("Café call me at jose@x.example or +1 202 555 0173\r\n--inner"));
        assert!(
            p.contains("<p>Hello José</p>--inner--")
                || p.contains("<p>Hello José</p>\r\n--inner--"),
            "{p}"
        );
        assert!(p.contains("iVBORw0KGgo=\r\n--outer--"));
        assert_eq!(p.matches("Content-Transfer-Encoding: 8bit").count(), 2);
        assert!(notices.is_empty(), "{notices:?}");
        // Idempotent: nothing left to decode.
        let mut n = Vec::new();
        let restored = restore(&p);
        assert!(restored.contains("From: =?UTF-8?B?"), "{restored}");
        assert!(prepare(&p, &mut n).is_none());
        // The structure is the same.
        let a = parse(MULTI, 0, MULTI.len(), 0);
        let b = parse(&p, 0, p.len(), 0);
        assert_eq!(shape(&a), shape(&b));
    }

    fn shape(e: &Entity) -> String {
        match &e.body {
            Body::Multipart { parts, delimiters } => format!(
                "{}[{}|{}]",
                e.mime,
                delimiters.len(),
                parts.iter().map(shape).collect::<Vec<_>>().join(",")
            ),
            Body::Message(i) => format!("msg({})", shape(i)),
            _ => e.mime.clone(),
        }
    }

    #[test]
    fn regression_issue_5_broken_base64_is_scanned_as_text() {
        // Found by fuzzing: a part declared base64 but holding plain text was protected,
        // so an address found elsewhere survived in it (and the leak check failed the run).
        let engine = crate::Engine::new(crate::Policy::default()).unwrap();
        for ct in ["text/plain", "application/octet-stream"] {
            let t = format!(
                "From: Jane Roe <jane.roe@example.org>\nMessage-ID: <x@y.example>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: {ct}\nContent-Transfer-Encoding: base64\n\nnot base64: write to jane.roe@example.org\n--b\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--b--\n"
            );
            let out = engine.sanitize(&t);
            assert_eq!(out.report.residual, 0, "{}", out.text);
            assert!(!out.text.contains("jane.roe@"), "{}", out.text);
            assert!(out.text.contains("iVBORw0KGgo="));
        }
    }

    #[test]
    fn regression_issue_7_valid_lines_of_a_broken_base64_part_are_scrubbed() {
        // Found by fuzzing: a text part declared base64 that does not decode as a whole was
        // read as written, so the valid base64 lines in it kept a phone, an address and a
        // name encoded, unscanned, with no residual reported.
        let engine = crate::Engine::new(crate::Policy::default()).unwrap();
        let hidden = codec::base64_encode(
            "Call +44 7700 900461 or write to oliver.hughes@example.co.uk\n".as_bytes(),
            76,
            "\n",
        );
        let t = format!(
            "From: Oliver Hughes <oliver.hughes@example.co.uk>\nMIME-Version: 1.0\n\
             Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n\
             this line is not base64!\n{hidden}"
        );
        let out = engine.sanitize(&t);
        assert!(!out.text.contains(hidden.trim()), "{}", out.text);
        assert!(!out.text.contains("7700"), "{}", out.text);
        assert!(!out.text.contains("oliver.hughes"), "{}", out.text);
        assert!(
            out.text.contains("this line is not base64!"),
            "{}",
            out.text
        );
        assert_eq!(out.report.residual, 0);
        assert!(out
            .report
            .notices
            .iter()
            .any(|n| n.contains("not valid base64 as a whole")));
    }

    #[test]
    fn regression_issue_7_encoded_word_copied_into_a_body() {
        // Found by fuzzing: a header block pasted into a body (here one declared base64 but
        // not, so read as text) kept the name in an encoded word; the leak check failed
        // the run.
        let engine = crate::Engine::new(crate::Policy::default()).unwrap();
        for cte in ["8bit", "base64"] {
            let t = format!(
                "From: =?UTF-8?B?T2xpdmVyIEh1Z2hlcw==?= <oliver.hughes@example.co.uk>\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: {cte}\r\n\r\nx.co.uk>\r\nFrom: =?UTF-8?B?T2xpdmVyIEh1Z2hlcw==?= <oliver.hughes@example.co.uk>\r\n"
            );
            let out = engine.sanitize(&t);
            assert!(out.report.residuals.is_empty(), "{}", out.text);
            assert!(!out.text.contains("T2xpdmVy"), "{}", out.text);
            assert!(
                out.text.ends_with("\r\nFrom: [NAME-1] <[EMAIL-1]>\r\n"),
                "{}",
                out.text
            );
            assert_eq!(engine.sanitize(&out.text).text, out.text);
        }
    }

    #[test]
    fn bad_base64_text_is_left_and_reported() {
        let t = "Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n*not base64*\n";
        let mut notices = Vec::new();
        assert!(prepare(t, &mut notices).is_none());
        assert_eq!(notices.len(), 1);
    }

    #[test]
    fn restores_long_lines_as_quoted_printable() {
        let t = format!(
            "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n{}é\n",
            "word ".repeat(300)
        );
        let r = restore(&t);
        assert!(r.contains("Content-Transfer-Encoding: quoted-printable\n"));
        assert!(r.lines().all(|l| l.len() <= 76));
        let body = r.split("\n\n").nth(1).unwrap();
        assert_eq!(
            String::from_utf8(codec::qp_decode(body, false)).unwrap(),
            format!("{}é\n", "word ".repeat(300))
        );
    }
}
