//! HTML transcripts: the text between tags is read as a transcript; findings are clipped to
//! text runs so the markup stays valid.

use super::names::Learned;
use super::{text, Context, Sink};

/// Tags that end a line of text.
const BLOCK_TAGS: &[&str] = &[
    "br",
    "p",
    "/p",
    "div",
    "/div",
    "li",
    "/li",
    "tr",
    "/tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "/h1",
    "/h2",
    "/h3",
    "/h4",
    "blockquote",
    "/blockquote",
    "hr",
    "td",
    "/td",
    "pre",
    "/pre",
];

/// The text with every tag, comment, script and style blanked out (same byte offsets),
/// block tags turned into line breaks; and the blanked ranges.
fn mask(t: &str) -> (String, Vec<(usize, usize)>) {
    let b = t.as_bytes();
    let mut out = b.to_vec();
    let mut tags = Vec::new();
    let mut i = 0;
    while let Some(k) = b.get(i..).and_then(|r| memchr::memchr(b'<', r)) {
        let s = i + k;
        let lower_next: Vec<u8> = b
            .iter()
            .skip(s + 1)
            .take(12)
            .map(u8::to_ascii_lowercase)
            .collect();
        let end = if lower_next.starts_with(b"!--") {
            b.get(s..)
                .and_then(|r| memchr::memmem::find(r, b"-->"))
                .map_or(b.len(), |e| s + e + 3)
        } else if lower_next.starts_with(b"script") || lower_next.starts_with(b"style") {
            let close: &[u8] = if lower_next.starts_with(b"script") {
                b"</script"
            } else {
                b"</style"
            };
            let lower: Vec<u8> = b.get(s..).unwrap_or(&[]).to_ascii_lowercase();
            match memchr::memmem::find(&lower, close) {
                Some(e) => b
                    .get(s + e..)
                    .and_then(|r| memchr::memchr(b'>', r))
                    .map_or(b.len(), |g| s + e + g + 1),
                None => b.len(),
            }
        } else {
            b.get(s..)
                .and_then(|r| memchr::memchr(b'>', r))
                .map_or(b.len(), |e| s + e + 1)
        };
        let name: String = lower_next
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'/')
            .map(|&c| c as char)
            .collect();
        for (j, c) in out.iter_mut().enumerate().take(end).skip(s) {
            *c = if j == s && BLOCK_TAGS.contains(&name.as_str()) {
                b'\n'
            } else {
                b' '
            };
        }
        tags.push((s, end));
        i = end;
    }
    // Only ASCII bytes were written over whole tags, so the result is UTF-8 again.
    (
        String::from_utf8(out).unwrap_or_else(|_| " ".repeat(t.len())),
        tags,
    )
}

pub fn analyze(t: &str, sink: &mut Sink, learned: &mut Learned, ctx: &mut Context) {
    analyze_from(t, 0, sink, learned, ctx);
}

/// Analyzes the HTML in `t[base..]` (spans are absolute in `t`).
pub fn analyze_from(
    t: &str,
    base: usize,
    sink: &mut Sink,
    learned: &mut Learned,
    ctx: &mut Context,
) {
    let Some(region) = t.get(base..) else { return };
    let (masked, mut tags) = mask(region);
    for tag in &mut tags {
        tag.0 += base;
        tag.1 += base;
    }
    let mut tmp = Vec::new();
    {
        let mut inner = Sink {
            out: &mut tmp,
            notes: sink.notes,
            policy: sink.policy,
        };
        text::analyze(&masked, 0, &mut inner, learned, ctx);
    }
    for f in &mut tmp {
        f.start += base;
        f.end += base;
    }
    // Clip each finding to the text runs between tags.
    for f in tmp {
        let first = sink.out.len();
        let mut s = f.start;
        for &(ts, te) in tags.iter().filter(|&&(ts, te)| te > f.start && ts < f.end) {
            if ts > s {
                push_trimmed(t, &f, s, ts, sink);
            }
            s = s.max(te);
        }
        if s < f.end {
            let end = f.end;
            push_trimmed(t, &f, s, end, sink);
        }
        if f.category == crate::detect::Category::InternalNote {
            for g in sink.out.iter_mut().skip(first + 1) {
                g.rule = std::borrow::Cow::Borrowed(super::RULE_NOTE_CONTINUED);
            }
        }
    }
}

fn push_trimmed(t: &str, f: &crate::detect::Finding, s: usize, e: usize, sink: &mut Sink) {
    let (s, e) = super::trim_span(t, s, e);
    if s < e {
        let mut g = f.clone();
        g.start = s;
        g.end = e;
        sink.out.push(g);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Policy;
    use crate::vocab::Category;

    #[test]
    fn notes_are_clipped_to_text() {
        let t = "<html><body><p>Agent: hello</p><p>Internal note: <b>VIP</b> customer</p><p>Customer: ok</p><!-- x --></body></html>";
        let mut out = Vec::new();
        let mut ctx = Context::default();
        super::super::analyze(t, &Policy::default(), &mut ctx, &mut out);
        let notes: Vec<&str> = out
            .iter()
            .filter(|f| f.category == Category::InternalNote)
            .map(|f| &t[f.start..f.end])
            .collect();
        assert_eq!(notes, vec!["Internal note:", "VIP", "customer"]);
    }
}
