//! Format sniffing: which structure reader a text goes to.

use serde::Serialize;

/// The structure of an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// A plain-text transcript or log.
    Text,
    /// One JSON document.
    Json,
    /// JSON Lines.
    Jsonl,
    /// CSV with a header row.
    Csv,
    /// An email (raw MIME).
    Eml,
    /// An HTML transcript.
    Html,
}

/// Guesses the format from the start of the text; cheap (looks at the first lines only,
/// except for JSON, which is confirmed by the reader itself).
pub fn sniff(text: &str) -> Format {
    let t = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let first_line = t.split('\n').next().unwrap_or("").trim_end();
    match t.as_bytes().first() {
        Some(b'[') => {
            // `[2024-01-15 09:23] Jane: hi` and `[Internal] ...` are transcripts.
            if t.as_bytes()
                .get(1)
                .is_some_and(|b| b.is_ascii_alphanumeric())
                && first_line.ends_with(|c: char| c != ']' && c != '[' && c != ',')
            {
                return Format::Text;
            }
            return Format::Json;
        }
        Some(b'{') => {
            let lines = t.lines().filter(|l| !l.trim().is_empty()).take(3);
            let mut n = 0;
            for l in lines {
                let l = l.trim();
                if !(l.starts_with('{') && l.ends_with('}')) {
                    return Format::Json;
                }
                n += 1;
            }
            return if n >= 2 || super::json::parses(first_line) && t.trim_end() != first_line {
                Format::Jsonl
            } else {
                Format::Json
            };
        }
        Some(b'<') => {
            let head: String = t.chars().take(200).collect::<String>().to_ascii_lowercase();
            if head.starts_with("<!doctype html")
                || head.starts_with("<html")
                || head.starts_with("<div")
                || head.starts_with("<p")
                || head.starts_with("<table")
                || head.starts_with("<body")
                || head.starts_with("<!--")
            {
                return Format::Html;
            }
        }
        _ => {}
    }
    if is_eml(t) {
        return Format::Eml;
    }
    if super::csv::looks_like_csv(t) {
        return Format::Csv;
    }
    Format::Text
}

/// RFC 5322 headers at the very top: `Name: value` lines (with continuations) including at
/// least two of the usual ones, up to a blank line.
fn is_eml(t: &str) -> bool {
    let mut known = 0;
    let mut total = 0;
    for line in t.lines().take(60) {
        if line.trim().is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let Some((name, _)) = line.split_once(':') else {
            return false;
        };
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return false;
        }
        total += 1;
        let n = name.to_ascii_lowercase();
        if matches!(
            n.as_str(),
            "from"
                | "to"
                | "subject"
                | "date"
                | "message-id"
                | "mime-version"
                | "received"
                | "return-path"
                | "content-type"
                | "cc"
                | "reply-to"
                | "delivered-to"
        ) {
            known += 1;
        }
    }
    total >= 2
        && known >= 2
        && (known * 2 >= total)
        && t.lines().take(60).any(|l| {
            let l = l.to_ascii_lowercase();
            l.starts_with("message-id:")
                || l.starts_with("mime-version:")
                || l.starts_with("received:")
                || l.starts_with("return-path:")
                || l.starts_with("content-type:")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs() {
        assert_eq!(sniff("{\"a\": 1}"), Format::Json);
        assert_eq!(sniff("{\n  \"a\": 1\n}"), Format::Json);
        assert_eq!(sniff("[\n {\"a\": 1}\n]"), Format::Json);
        assert_eq!(sniff("{\"a\":1}\n{\"a\":2}\n"), Format::Jsonl);
        assert_eq!(sniff("[2024-01-15 09:23] Jane: hi\n"), Format::Text);
        assert_eq!(sniff("[Internal] check billing\n"), Format::Text);
        assert_eq!(
            sniff("From: a@b.com\nTo: c@d.com\nSubject: x\nMessage-ID: <1@b>\n\nbody"),
            Format::Eml
        );
        assert_eq!(sniff("From: Jane\nAgent: hi\n"), Format::Text);
        assert_eq!(
            sniff("<!DOCTYPE html><html><body>x</body></html>"),
            Format::Html
        );
        assert_eq!(sniff("id,email,body\n1,a@b.com,hi\n"), Format::Csv);
        assert_eq!(
            sniff("Agent: hello, how are you\nCustomer: fine, thanks\n"),
            Format::Text
        );
    }
}
