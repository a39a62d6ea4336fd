//! Streams: the input in chunks, cut into segments that can be scanned on their own.

use super::leak;
use super::learn::Knowledge;
use super::pipeline::{name_originals, EngineRef, State};
use super::report::{FindingReport, Residual, Sanitized};
use super::segment::{
    csv_split, safe_split, unsafe_cut, NOTICE_DOCUMENT_TOO_LARGE, RESIDUAL_STREAM_LIMIT,
    STREAM_MAX_DOCUMENT, STREAM_MIN_SEGMENT, STREAM_SNIFF,
};
use crate::vocab::Category;

/// A streaming run. Values that straddle chunk boundaries are found exactly as in the whole
/// text: only whole lines are scanned (a CSV record with a multi-line quoted cell whole), an
/// open PEM block is carried over until it ends, and the detectors read the end of the
/// previous segment as context.
///
/// Two-pass (seeded by an [`Engine::learner`](super::Engine::learner) that read the whole input first): the output
/// is the whole-text output, byte for byte (the property tests and the `engine` fuzz target
/// check it for any chunking). Known limits, all on inputs larger than
/// [`LEARN_SEGMENT`](super::learn::LEARN_SEGMENT) (8 MiB): the learner judges a transcript's bare `Name:` labels
/// within each 8 MiB segment rather than across the whole text; more than 20,000 distinct
/// values are not all carried; a JSON document or an email larger than
/// [`STREAM_MAX_DOCUMENT`] (64 MiB) is read in segments (see [`NOTICE_DOCUMENT_TOO_LARGE`]);
/// a line of more than 4 MiB is cut at its last space or delimiter, and one with neither
/// (a single run of 4 MiB) is cut anyway and reported as a residual
/// ([`RESIDUAL_STREAM_LIMIT`]): the output is withheld, never passed with a value cut in two.
/// And one that does not depend on size: a value that only the leak check finds (detected
/// once a neighbour is a placeholder) is replaced in its own segment and looked for in the
/// later ones; a copy of it in an earlier segment that no detector takes is replaced in the
/// whole text but was already written by the stream.
///
/// Forward-only (not seeded): a value or name first recognised late in the input is not
/// replaced in the output already returned (it is from then on); use two passes whenever
/// the input can be read twice.
pub struct Stream<'e> {
    pub(super) state: State<'e>,
    pub(super) buf: String,
    pub(super) emitted: usize,
    pub(super) min_segment: usize,
    /// Whether the input is held and read as one document (decided on the first segment).
    pub(super) whole: Option<bool>,
    pub(super) max_document: usize,
}

impl<'e> Stream<'e> {
    pub(super) fn new(engine: EngineRef<'e>) -> Self {
        let mut state = State::new(engine, false);
        state.streaming = true;
        Stream {
            state,
            buf: String::new(),
            emitted: 0,
            min_segment: STREAM_MIN_SEGMENT,
            whole: None,
            max_document: STREAM_MAX_DOCUMENT,
        }
    }

    /// Reads a JSON document or an email whole only up to `bytes` (default
    /// [`STREAM_MAX_DOCUMENT`]); memory then stays within a few times that size.
    pub fn with_document_limit(mut self, bytes: usize) -> Self {
        self.max_document = bytes;
        self
    }

    /// Scans as soon as `bytes` of input are buffered (default 64 KiB) instead of waiting for
    /// more: smaller segments give output sooner at some cost in speed. The output is the
    /// same for any size. (The first segment, which decides the input's format, is at least
    /// 64 KiB unless the stream was seeded by a first pass.)
    pub fn with_segment_size(mut self, bytes: usize) -> Self {
        self.min_segment = bytes.max(1);
        self
    }

    /// Starts from what a first pass learned (the format, names and values of the whole
    /// input). Only before the first `feed`.
    pub(super) fn seeded(mut self, knowledge: Knowledge) -> Self {
        self.state.structure = knowledge.structure;
        // The values of the whole input, looked for by the leak check in every segment with
        // one automaton built here, once (as the whole text's leak check looks for them all).
        // The learned names too (final once seeded), each as the name matcher will report
        // it: otherwise every segment would compile its thousands of names again.
        let names = name_originals(&self.state.structure);
        let known = knowledge
            .known
            .values()
            .iter()
            .map(|(v, c)| leak::Original {
                category: *c,
                value: v.clone(),
                label: c.label().to_string(),
                key: v.clone(),
            })
            .chain(knowledge.checked.iter().map(|(v, c)| leak::Original {
                category: *c,
                value: v.clone(),
                label: c.label().to_string(),
                key: v.clone(),
            }))
            .chain(names)
            .collect();
        self.state.history.seed(known);
        self.state.known = knowledge.known;
        self
    }

    /// Adds a chunk; returns the sanitized text that is ready (possibly empty).
    pub fn feed(&mut self, chunk: &str) -> String {
        self.buf.push_str(chunk);
        // The first segment decides the format (sniffed from its first lines): it is at
        // least the default size, whatever the segment size, unless a first pass set it.
        let min = match self.state.structure.format() {
            Some(_) => self.min_segment,
            None => self.min_segment.max(STREAM_MIN_SEGMENT),
        };
        if self.buf.len() < min {
            return String::new();
        }
        if self.whole.is_none() && self.buf.len() < STREAM_SNIFF {
            // Too little to tell a JSON document or an email from a transcript yet.
            return String::new();
        }
        let whole = *self.whole.get_or_insert_with(|| {
            crate::structure::reads_whole(&self.buf, &self.state.engine.policy)
        });
        if whole {
            if self.buf.len() <= self.max_document {
                return String::new();
            }
            self.whole = Some(false);
            let n = NOTICE_DOCUMENT_TOO_LARGE.to_string();
            if !self.state.report.notices.contains(&n) {
                self.state.report.notices.push(n);
            }
            return self.drain_held();
        }
        let mut split = safe_split(&self.buf);
        if split > 0
            && self
                .state
                .structure
                .is_csv(&self.state.engine.policy, &self.buf)
        {
            split = csv_split(&self.buf, split);
        }
        if split == 0 {
            return String::new();
        }
        let cut_unsafely = unsafe_cut(&self.buf, split);
        let rest = self.buf.split_off(split);
        let segment = std::mem::replace(&mut self.buf, rest);
        let out = self.state.process(&segment);
        if cut_unsafely {
            let at = self.state.out_bytes;
            self.state.report.residuals.push(Residual {
                start: at,
                end: at,
                category: Category::Custom,
                kind: RESIDUAL_STREAM_LIMIT,
            });
        }
        self.emitted += out.len();
        out
    }

    /// Processes a held document that went over the limit in segments of about 1 MiB (one
    /// segment of its whole size would need several times its size in memory).
    pub(super) fn drain_held(&mut self) -> String {
        let held = std::mem::take(&mut self.buf);
        let step = self.min_segment.max(1 << 20);
        let mut out = String::new();
        let mut start = 0;
        while held.len() - start >= step {
            let mut end = start + step;
            while !held.is_char_boundary(end) {
                end += 1;
            }
            let split = safe_split(&held[start..end]);
            if split == 0 {
                break;
            }
            out.push_str(&self.state.process(&held[start..start + split]));
            start += split;
        }
        self.buf = held[start..].to_string();
        self.emitted += out.len();
        out
    }

    /// Keeps no per-finding lists (`findings()`, the report's `finding_list`): memory stays
    /// bounded on inputs of any size; counts, hashes and residuals are still reported.
    pub fn without_lists(mut self) -> Self {
        self.state.keep_lists = false;
        self
    }

    /// Takes the findings reported so far, leaving the list empty (a checker drains them
    /// after each `feed` to keep memory bounded). Also empties the report's `finding_list`,
    /// which holds the same findings.
    pub fn take_findings(&mut self) -> Vec<FindingReport> {
        self.state.report.finding_list.clear();
        std::mem::take(&mut self.state.findings)
    }

    /// Residuals (values the leak check found in the output) so far: a caller that writes
    /// output as it goes stops before writing a segment that raised this count.
    pub fn residuals(&self) -> usize {
        self.state.report.residuals.len()
    }

    /// Bytes of input consumed so far (for progress).
    pub fn consumed(&self) -> usize {
        self.state.in_bytes
    }

    /// Flushes the carry-over and returns the last output with the run's totals.
    pub fn finish(mut self) -> Sanitized {
        let tail = std::mem::take(&mut self.buf);
        // Nothing was processed yet: the tail is the whole input, read as `sanitize` would.
        let out = if self.whole == Some(false) {
            self.state.process(&tail)
        } else {
            self.state.process_document(&tail)
        };
        self.state.finish(out)
    }

    /// Findings so far (byte and UTF-16 spans relative to the whole input).
    pub fn findings(&self) -> &[FindingReport] {
        &self.state.findings
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;
    use crate::policy::Policy;
    use std::sync::Arc;

    #[test]
    fn regression_issue_7_csv_stream_keeps_multi_line_cells_whole() {
        // A quoted cell with a line break was cut between segments: the record lost its
        // shape and its note flag.
        let e = Engine::new(Policy::default()).unwrap();
        let text =
            "id,name,body,public\n1,Jane Roe,\"line one\nmail jane@contoso.com, Jane\",false\n\
                    2,Bob,\"ok\",true\n";
        let whole = e.sanitize(text).text;
        for seeded in [false, true] {
            let mut s = if seeded {
                let mut l = e.learner();
                l.feed(text);
                e.stream_seeded(l.finish())
            } else {
                e.stream()
            }
            .with_segment_size(1);
            let mut out = String::new();
            for c in text.split_inclusive('\n') {
                out.push_str(&s.feed(c));
            }
            out.push_str(&s.finish().text);
            assert_eq!(out, whole);
        }
        let t = "a,\"b\nc\",d\ne,f\n";
        assert_eq!(csv_split(t, t.len()), t.len());
        // The line break inside the open quote of `"f` is not a record boundary.
        assert_eq!(csv_split("a,\"b\nc\",d\ne,\"f\ng", 15), 10);
    }

    #[test]
    fn shared_stream_matches_borrowed_stream() {
        let engine = Arc::new(Engine::new(Policy::default()).unwrap());
        let text = "a bob@contoso.com\n".repeat(10_000) + "end 203.0.113.9\n";
        let mut borrowed = engine.stream();
        let mut shared = Engine::stream_shared(Arc::clone(&engine));
        let (mut a, mut b) = (String::new(), String::new());
        for chunk in text.as_bytes().chunks(7_777) {
            let chunk = std::str::from_utf8(chunk).unwrap();
            a.push_str(&borrowed.feed(chunk));
            b.push_str(&shared.feed(chunk));
        }
        let (ra, rb) = (borrowed.finish(), shared.finish());
        a.push_str(&ra.text);
        b.push_str(&rb.text);
        assert_eq!(a, b);
        assert_eq!(a, engine.sanitize(&text).text);
        assert_eq!(ra.report, rb.report);
        assert_eq!(rb.report.residual, 0);
    }
}
