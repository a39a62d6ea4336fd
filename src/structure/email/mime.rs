//! A MIME message read into entities: header fields, text, multipart and message bodies, with
//! their spans; line ranges and the line end.

/// Nested multiparts deeper than this are copied as they are.
const MAX_DEPTH: usize = 32;

/// One header field: its whole lines (with continuations, without the final line end),
/// name and unfolded value.
#[derive(Debug)]
pub(super) struct Header {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) name: String,
    pub(super) value: String,
}

#[derive(Debug)]
pub(super) enum Body {
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
pub(super) struct Entity {
    pub(super) start: usize,
    pub(super) headers: Vec<Header>,
    pub(super) body_start: usize,
    pub(super) end: usize,
    /// Lower-case `type/subtype` (`text/plain` when absent).
    pub(super) mime: String,
    pub(super) charset: String,
    /// Lower-case transfer encoding (`7bit` when absent).
    pub(super) cte: String,
    pub(super) body: Body,
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
pub(super) fn lines(
    t: &str,
    start: usize,
    end: usize,
) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
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

pub(super) fn parse(t: &str, start: usize, end: usize, depth: usize) -> Entity {
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

pub(super) fn multipart(t: &str, start: usize, end: usize, boundary: &str, depth: usize) -> Body {
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
pub(super) fn eol_of(t: &str) -> &'static str {
    match memchr::memchr(b'\n', t.as_bytes()) {
        Some(i) if i > 0 && t.as_bytes().get(i - 1) == Some(&b'\r') => "\r\n",
        _ => "\n",
    }
}

/// Headers whose encoded words are decoded.
pub(super) fn is_text_header(name: &str) -> bool {
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
