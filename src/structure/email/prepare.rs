//! Before detection: the message rewritten so every text is visible (encoded words and
//! encoded text bodies decoded).

use super::mime::{eol_of, is_text_header, lines, parse, Body, Entity};
use crate::codec;

/// Notice for a message whose encoded text parts were decoded.
pub const NOTICE_MIME_DECODED: &str = "email: encoded text parts and headers were decoded to \
     UTF-8 (8bit) to be scrubbed; finding positions refer to the decoded message";

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
