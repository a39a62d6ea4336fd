//! What one line is (blank, journal entry, header, speaker, log record) and where a note
//! marker stands on it.

use super::kind::{Kind, Line};
use super::markers::marker_at;
use super::record::log_record_prefix;
use super::speakers::{header, is_common, is_mail_header_name, journal_header, role_of, speaker};
use crate::structure::names::{self, Learned, Role};
use std::collections::HashMap;

pub(super) fn first_non_ws(text: &str, s: usize, e: usize) -> usize {
    let b = text.as_bytes();
    let mut i = s;
    while i < e
        && b.get(i)
            .is_some_and(|c| c.is_ascii_whitespace() || *c == b'>')
    {
        i += 1;
    }
    i
}

pub(super) fn classify<'t>(
    text: &'t str,
    start: usize,
    end: usize,
    markers: &[String],
    learned: &mut Learned,
    valid_labels: &mut HashMap<&'t str, bool>,
) -> Line {
    let mut line = Line {
        start,
        end,
        kind: Kind::Other,
        marker: None,
        label: None,
    };
    let cs = first_non_ws(text, start, end);
    let Some(c) = text.get(cs..end) else {
        return line;
    };
    if c.trim().is_empty() {
        line.kind = Kind::Blank;
        return line;
    }
    if let Some(m) = marker_at(text, cs, end, markers) {
        line.marker = Some(m);
        return line;
    }
    if let Some(k) = journal_header(c, learned) {
        line.kind = k;
        return line;
    }
    if header(c, learned) {
        line.kind = Kind::Header;
        return line;
    }
    // A log record ends a note block, and may carry a note after its timestamp and level
    // (or after a speaker label there). Its labels teach no names: a log's `Cause:` is not
    // a person.
    if let Some(n) = log_record_prefix(c) {
        line.kind = Kind::LogRecord;
        let at = first_non_ws(text, cs + n, end);
        line.marker = marker_at(text, at, end, markers).or_else(|| {
            let rest = text.get(at..end)?;
            // After a speaker (`Agent Mike:`) or a logger name (`worker:`, `dfs.DataNode:`).
            let body = speaker(rest).map(|(_, b)| b).or_else(|| {
                let head = rest.get(..rest.len().min(64)).unwrap_or(rest);
                let colon = head.find(": ")?;
                (!head[..colon].contains(char::is_whitespace)).then_some(colon + 1)
            })?;
            marker_at(text, first_non_ws(text, at + body, end), end, markers)
        });
        return line;
    }
    // `(08:59:24 PM) Name: text`, `[2024-01-15 09:23] Name: text`.
    let mut p = cs;
    let mut stamped = false;
    let b = c.as_bytes();
    // `( 12s ) Name: text` (Salesforce chat transcripts) has blanks inside the brackets.
    let lead = b.iter().skip(1).take_while(|&&x| x == b' ').count();
    if matches!(b.first(), Some(b'(' | b'[')) && b.get(1 + lead).is_some_and(u8::is_ascii_digit) {
        let close = if b.first() == Some(&b'(') { b')' } else { b']' };
        if let Some(k) = b.iter().take(48).position(|&x| x == close) {
            stamped = true;
            p = first_non_ws(text, cs + k + 1, end);
        }
    }
    let rest = text.get(p..end).unwrap_or("");
    match speaker(rest) {
        Some((label, body)) => {
            let body_at = first_non_ws(text, p + body, end);
            line.marker = marker_at(text, body_at, end, markers);
            let words: Vec<&str> = label.split(' ').filter(|w| !w.is_empty()).collect();
            let role = words.first().map_or(Role::Unknown, |w| role_of(w));
            if role != Role::Unknown || words.first().is_some_and(|w| names::is_role_word(w)) {
                let name = words.get(1..).map(|w| w.join(" ")).unwrap_or_default();
                if !name.is_empty() {
                    learned.add_speaker(&name, role);
                }
                line.kind = Kind::Speaker { candidate: false };
            } else if *valid_labels.entry(label).or_insert_with(|| {
                names::clean(label).is_some()
                    && words.iter().all(|w| !is_common(w))
                    && !is_mail_header_name(label)
            }) {
                if stamped {
                    learned.add_speaker(label, Role::Unknown);
                    line.kind = Kind::Speaker { candidate: false };
                } else {
                    line.label = Some((label.to_string(), p));
                    line.kind = Kind::Speaker { candidate: true };
                }
            } else if stamped {
                line.kind = Kind::Speaker { candidate: false };
            }
        }
        None if stamped => {
            line.kind = Kind::Speaker { candidate: false };
            line.marker = marker_at(text, p, end, markers);
        }
        None => {}
    }
    line
}
