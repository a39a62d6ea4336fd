//! Plain-text transcripts: speaker lines, ServiceNow journal entries, Zendesk chat
//! transcripts, email-style headers, and internal-note blocks opened by a marker.
//!
//! A note block starts at a marker (`Internal note:`, `[Internal]`, a note label in brackets
//! or parentheses in one of the languages of [`markers::NOTE_LABELS`], ... at the start of a
//! line, right after a speaker prefix or after the timestamp and level of a log record) and
//! ends at the next speaker line, header, blank line or line that starts like a log record
//! (timestamp, level). A ServiceNow `(Work notes)` entry runs until the next journal header.

use super::names::{Learned, Role};
use super::{is_placeholder, Context, Sink};
use classify::{classify, first_non_ws};
use kind::{Kind, Line};
use markers::DEFAULT_MARKERS;
use speakers::looks_like_a_name;
use std::collections::HashMap;

pub(crate) use speakers::starts_with_journal_header;

mod classify;
mod kind;
mod markers;
mod record;
mod speakers;
#[cfg(test)]
mod tests;

/// Analyzes `text[base..]` (spans are absolute in `text`).
pub fn analyze(text: &str, base: usize, sink: &mut Sink, learned: &mut Learned, ctx: &mut Context) {
    let Some(region) = text.get(base..) else {
        return;
    };
    let markers: Vec<String> = DEFAULT_MARKERS
        .iter()
        .map(|m| m.to_lowercase())
        .chain(
            sink.policy
                .note_markers
                .iter()
                .map(|m| m.trim().to_lowercase()),
        )
        .filter(|m| !m.is_empty())
        .collect();
    let mut lines = Vec::new();
    let mut valid_labels = HashMap::new();
    let mut off = base;
    let bytes = text.as_bytes();
    for nl in memchr::memchr_iter(b'\n', region.as_bytes())
        .map(|i| base + i + 1)
        .chain(std::iter::once(text.len()))
    {
        if nl <= off && off == text.len() {
            break;
        }
        let mut end = nl;
        while end > off && matches!(bytes.get(end - 1), Some(b'\n' | b'\r')) {
            end -= 1;
        }
        lines.push(classify(
            text,
            off,
            end,
            &markers,
            learned,
            &mut valid_labels,
        ));
        off = nl;
    }
    // Bare `Name:` labels are speakers when they recur (or were learned before).
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for l in &lines {
        if let Some((label, _)) = &l.label {
            *counts.entry(label.as_str()).or_insert(0) += 1;
        }
    }
    // A segment reads as a transcript when bare labels start a fair share of its lines; in
    // other text (`Depends:`, `anyone:` or `Nick:` addressing in a forum post) they are not
    // speakers unless already known.
    let labelled = lines.iter().filter(|l| l.label.is_some()).count();
    let non_blank = lines
        .iter()
        .filter(|l| !matches!(l.kind, Kind::Blank))
        .count();
    let transcript = labelled * 5 >= non_blank;
    let confirmed: Vec<bool> = lines
        .iter()
        .map(|l| {
            l.label.as_ref().is_some_and(|(label, _)| {
                ctx.names.knows(label)
                    || (transcript
                        && looks_like_a_name(label)
                        && counts.get(label.as_str()).copied().unwrap_or(0) >= 2)
            })
        })
        .collect();
    for (l, &c) in lines.iter_mut().zip(&confirmed) {
        if let Some((label, _)) = &l.label {
            if c {
                learned.add_speaker(label, Role::Unknown);
                l.kind = Kind::Speaker { candidate: false };
            }
        }
    }
    learned.promote_sole_speaker();
    let ends_block = |l: &Line| {
        matches!(
            l.kind,
            Kind::Blank
                | Kind::Journal { .. }
                | Kind::Header
                | Kind::Speaker { candidate: false }
                | Kind::LogRecord
        ) || (l.marker.is_some() && l.marker != Some(first_non_ws(text, l.start, l.end)))
    };
    // The lines after `from` that belong to a work-notes entry: its span and the next index.
    let work_notes_from = |from: usize| {
        let mut j = from;
        let mut span: Option<(usize, usize)> = None;
        while let Some(l) = lines.get(j) {
            if matches!(l.kind, Kind::Journal { .. }) {
                break;
            }
            if l.kind != Kind::Blank {
                let s = span.map_or(l.start, |s| s.0);
                span = Some((s, l.end));
            }
            j += 1;
        }
        (span, j)
    };
    // The continuation lines of a note block from `from`: the end of the last one and the
    // next index.
    let note_from = |from: usize| {
        let mut j = from;
        let mut end = None;
        while let Some(l) = lines.get(j) {
            if ends_block(l) {
                break;
            }
            end = Some(l.end);
            j += 1;
        }
        (end, j)
    };
    let mut emit = |rule: &'static str, s: usize, e: usize, why: &'static str| {
        if !is_placeholder(text.get(s..e).unwrap_or("")) {
            sink.note(rule, s, e, why);
        }
    };
    let n = lines.len();
    let mut i = 0;
    // A block left open by the previous segment of a stream continues here.
    match std::mem::take(&mut ctx.open_block) {
        OpenBlock::WorkNotes => {
            let (span, j) = work_notes_from(0);
            if let Some((s, e)) = span {
                emit(RULE_WORK_NOTES, s, e, WHY_WORK_NOTES);
            }
            if j == n {
                ctx.open_block = OpenBlock::WorkNotes;
            }
            i = j;
        }
        OpenBlock::Note => {
            let (end, j) = note_from(0);
            if let (Some(e), Some(first)) = (end, lines.first()) {
                emit(RULE_NOTE, first.start, e, WHY_NOTE);
            }
            if j == n {
                ctx.open_block = OpenBlock::Note;
            }
            i = j;
        }
        OpenBlock::None => {}
    }
    while i < n {
        let Some(line) = lines.get(i) else { break };
        if line.kind == (Kind::Journal { work_notes: true }) {
            let (span, j) = work_notes_from(i + 1);
            if let Some((s, e)) = span {
                emit(RULE_WORK_NOTES, s, e, WHY_WORK_NOTES);
            }
            if j == n {
                ctx.open_block = OpenBlock::WorkNotes;
            }
            i = j;
            continue;
        }
        if let Some(ms) = line.marker {
            let (end, j) = note_from(i + 1);
            emit(RULE_NOTE, ms, end.unwrap_or(line.end), WHY_NOTE);
            if j == n {
                ctx.open_block = OpenBlock::Note;
            }
            i = j;
            continue;
        }
        i += 1;
    }
}

const RULE_NOTE: &str = "structure.text.note_marker";
const WHY_NOTE: &str = "internal-note marker";
const RULE_WORK_NOTES: &str = "structure.text.work_notes";
const WHY_WORK_NOTES: &str = "ServiceNow work notes entry";

/// A note block still open at the end of a stream segment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OpenBlock {
    #[default]
    None,
    Note,
    WorkNotes,
}
