//! The view detectors read: obfuscated spellings made plain, each mapped back to the exact
//! original bytes.
//!
//! A value can be written so that no detector sees it in the raw text: `john＠contoso.com`
//! (fullwidth at), a zero-width space or soft hyphen inside it, `john\u0040contoso.com`,
//! `john%2540contoso.com`, `john=40contoso.com`, `&#106;&#111;&#104;&#110;&#64;...`, an
//! address cut by a line break, text behind a right-to-left override, an IPv4 address as
//! `0xC0A8010A` after `ip`. [`detect`] finds such *units* (a decoded escape, a folded or
//! invisible character, a line-wrap join, a numeric address), builds a decoded view of the
//! lines around them (decoding again, for double encodings), runs every detector on it and
//! reports what it finds there over the whole original span: the finding covers every unit
//! it touches, so no piece of the original stays in clear. Findings that touch no unit are
//! the raw pass's own and are dropped here.
//!
//! Base64 and hex runs ([`encoded`]) are decoded and scanned too; a run whose decoded text
//! holds a finding is a finding as a whole (`email.base64`).
//!
//! The scan is one pass over the bytes with a trigger table; text with no trigger costs
//! that pass only.

mod encoded;
mod units;

use crate::detect::{Detector, Finding};
use std::borrow::Cow;
use units::Unit;

/// How far a view reaches around a unit, at most, on its line.
const REACH: usize = 256;
/// Decoding rounds over a view (`%2540` needs two, `&amp;#64;` two).
const ROUNDS: usize = 3;

/// One decoding round: the view's text and its units, in the previous round's coordinates.
struct Layer {
    text: String,
    /// `(view_start, view_end, source_start, source_end)`, sorted.
    units: Vec<(usize, usize, usize, usize)>,
}

impl Layer {
    /// The view of `source[from..to]` with `found` (spans in `source`) decoded.
    fn build(source: &str, from: usize, to: usize, found: &[Unit]) -> Layer {
        let mut text = String::with_capacity(to - from);
        let mut units = Vec::with_capacity(found.len());
        let mut p = from;
        for u in found {
            text.push_str(source.get(p..u.start).unwrap_or(""));
            let vs = text.len();
            text.push_str(&u.rep);
            units.push((vs, text.len(), u.start - from, u.end - from));
            p = u.end;
        }
        text.push_str(source.get(p..to).unwrap_or(""));
        Layer { text, units }
    }

    /// The source position of a span's start at view position `s`.
    fn map_start(&self, s: usize) -> usize {
        let i = self.units.partition_point(|u| u.0 <= s);
        match i.checked_sub(1).map(|j| self.units[j]) {
            None => s,
            Some((_, ve, os, _)) if s < ve => os,
            Some((_, ve, _, oe)) => oe + (s - ve),
        }
    }

    /// The source position of a span's end at view position `e`.
    fn map_end(&self, e: usize) -> usize {
        let i = self.units.partition_point(|u| u.0 < e);
        match i.checked_sub(1).map(|j| self.units[j]) {
            None => e,
            Some((_, ve, _, oe)) if e <= ve => oe,
            Some((_, ve, _, oe)) => oe + (e - ve),
        }
    }

    /// Whether the view span `s..e` covers any part of a unit (an empty unit strictly inside).
    fn touches(&self, s: usize, e: usize) -> bool {
        let i = self.units.partition_point(|u| u.1 < s);
        self.units[i..]
            .iter()
            .take_while(|u| u.0 <= e)
            .any(|&(vs, ve, _, _)| (vs < e && ve > s) || (vs == ve && s < vs && vs < e))
    }
}

/// Runs `detectors` on the normalised views of `text` and appends what they find there, and
/// in decoded base64 and hex runs, to `out` with spans in `text`.
pub(crate) fn detect(text: &str, detectors: &[Box<dyn Detector>], out: &mut Vec<Finding>) {
    detect_views(text, detectors, out);
    encoded::detect(text, detectors, out);
}

/// The normalised views only (what a decoded base64 run is scanned with, too).
fn detect_views(text: &str, detectors: &[Box<dyn Detector>], out: &mut Vec<Finding>) {
    let found = units::scan(text);
    let mut i = 0;
    while i < found.len() {
        let ws = window_start(text, found[i].start);
        let mut we = window_end(text, found[i].end);
        let mut j = i + 1;
        while j < found.len() && found[j].start <= we {
            we = we.max(window_end(text, found[j].end));
            j += 1;
        }
        scan_window(text, ws, we, &found[i..j], detectors, out);
        i = j;
    }
}

/// Decodes the window `ws..we` of `text` (whose first-round units are `first`) and appends
/// the detectors' findings there that touch a unit.
fn scan_window(
    text: &str,
    ws: usize,
    we: usize,
    first: &[Unit],
    detectors: &[Box<dyn Detector>],
    out: &mut Vec<Finding>,
) {
    let mut layers = vec![Layer::build(text, ws, we, first)];
    for _ in 1..ROUNDS {
        let top = &layers[layers.len() - 1].text;
        let more = units::scan(top);
        if more.is_empty() {
            break;
        }
        let next = Layer::build(top, 0, top.len(), &more);
        layers.push(next);
    }
    let view = &layers[layers.len() - 1].text;
    let mut raw = Vec::new();
    for d in detectors {
        d.detect(view, &mut raw);
    }
    for f in raw {
        let (mut s, mut e) = (f.start, f.end);
        let mut touched = false;
        for layer in layers.iter().rev() {
            touched |= layer.touches(s, e);
            s = layer.map_start(s);
            e = layer.map_end(e);
        }
        let (s, e) = (ws + s, ws + e);
        let key = view.get(f.start..f.end).map(str::to_string);
        if touched && s < e && text.is_char_boundary(s) && text.is_char_boundary(e) && key.is_some()
        {
            out.push(Finding {
                start: s,
                end: e,
                key: f.key.clone().or(key),
                reason: Cow::Borrowed(
                    "found in the text read normalised (decoded, folded, joined)",
                ),
                ..f
            });
        }
    }
}

/// The start of the view around a unit at `at`: its line, at most [`REACH`] bytes back.
fn window_start(text: &str, at: usize) -> usize {
    let floor = floor_boundary(text, at.saturating_sub(REACH));
    memchr::memrchr(b'\n', &text.as_bytes()[floor..at]).map_or(floor, |i| floor + i + 1)
}

/// The end of the view around a unit ending at `at`.
fn window_end(text: &str, at: usize) -> usize {
    let ceil = ceil_boundary(text, (at + REACH).min(text.len()));
    memchr::memchr(b'\n', &text.as_bytes()[at..ceil]).map_or(ceil, |i| at + i)
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i.min(s.len())
}

/// Whether a stream may cut `buf` at `at` (just after a line break): not when the break joins
/// a value cut across it.
/// Whether `c` shows nothing (a zero-width space or joiner, a soft hyphen, a byte-order
/// mark, a bidi mark or control): the one list the decoded view drops and the person-name
/// rules read through.
pub(crate) fn invisible(c: char) -> bool {
    units::fold(c) == Some(None)
}

/// Whether `text` holds a character that shows nothing ([`invisible`]).
pub(crate) fn has_invisible(text: &str) -> bool {
    !text.is_ascii() && text.chars().any(invisible)
}

pub(crate) fn joins_at(buf: &str, at: usize) -> bool {
    let b = buf.as_bytes();
    if at == 0 || b.get(at - 1) != Some(&b'\n') {
        return false;
    }
    let mut i = at - 1;
    if i > 0 && b[i - 1] == b'\r' {
        i -= 1;
    }
    if i > 0 && b[i - 1] == b'=' {
        i -= 1;
    }
    units::wrap_at(b, i).is_some()
}

#[cfg(test)]
mod tests;
