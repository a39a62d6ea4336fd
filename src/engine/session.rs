//! A two-pass run over one input, owning the order that gives the whole-text output: every
//! chunk to `learn`, then every chunk again to `write`, then `finish`.

use super::learn::Learner;
use super::pipeline::EngineRef;
use super::report::{FindingReport, Sanitized};
use super::stream::Stream;
use crate::error::Error;

/// The notice given when the second pass did not read what the first one did.
pub const NOTICE_INPUT_CHANGED: &str = "the input changed between the two passes (the second \
     read a different number of bytes than the first): values first seen in the changed part \
     were replaced from there on only, as in a one-pass stream";

/// One input read twice: [`Session::learn`] with every chunk of it, then [`Session::write`]
/// with every chunk again, then [`Session::finish`]. The output is then that of
/// [`super::Engine::sanitize`] on the whole input (see [`Stream`] for the documented limits):
/// a name first seen at the end is replaced from the first line on. Without any `learn`,
/// the session is a forward-only stream. The order is enforced: a `learn` after the first
/// `write` is an error, never a silently different output.
pub struct Session<'e> {
    engine: EngineRef<'e>,
    learner: Option<Learner<'e>>,
    stream: Option<Stream<'e>>,
    segment: Option<usize>,
    lists: bool,
    learned: u64,
    written: u64,
}

impl<'e> Session<'e> {
    pub(super) fn new(engine: EngineRef<'e>) -> Self {
        Session {
            engine,
            learner: None,
            stream: None,
            segment: None,
            lists: true,
            learned: 0,
            written: 0,
        }
    }

    /// Scans the second pass in segments of about `bytes` (see [`Stream::with_segment_size`]).
    pub fn with_segment_size(mut self, bytes: usize) -> Self {
        self.segment = Some(bytes);
        self
    }

    /// Keeps no per-finding lists (see [`Stream::without_lists`]).
    pub fn without_lists(mut self) -> Self {
        self.lists = false;
        self
    }

    /// First pass: reads a chunk of the input, writes nothing.
    pub fn learn(&mut self, chunk: &str) -> Result<(), Error> {
        if self.stream.is_some() {
            return Err(Error::Input(
                "learn() takes the whole input before the first write (feed)".into(),
            ));
        }
        let engine = &self.engine;
        self.learner
            .get_or_insert_with(|| Learner::new(engine.clone()))
            .feed(chunk);
        self.learned += chunk.len() as u64;
        Ok(())
    }

    /// Second pass: reads a chunk of the input again and returns the sanitized text that is
    /// ready (possibly empty). The first call ends the first pass.
    pub fn write(&mut self, chunk: &str) -> String {
        self.written += chunk.len() as u64;
        self.stream().feed(chunk)
    }

    /// The second pass's stream, started from what the first pass learned.
    fn stream(&mut self) -> &mut Stream<'e> {
        let stream = self.stream.get_or_insert_with(|| {
            let s = Stream::new(self.engine.clone());
            let s = match self.learner.take() {
                Some(l) => s.seeded(l.finish()),
                None => s,
            };
            let s = match self.segment {
                Some(n) => s.with_segment_size(n),
                None => s,
            };
            if self.lists {
                s
            } else {
                s.without_lists()
            }
        });
        stream
    }

    /// Residuals found so far: a caller writing output as it comes stops at the first.
    pub fn residuals(&self) -> usize {
        self.stream.as_ref().map_or(0, Stream::residuals)
    }

    /// Bytes of input the second pass consumed so far (for progress).
    pub fn consumed(&self) -> usize {
        self.stream.as_ref().map_or(0, Stream::consumed)
    }

    /// Takes the findings reported so far (see [`Stream::take_findings`]).
    pub fn take_findings(&mut self) -> Vec<FindingReport> {
        self.stream
            .as_mut()
            .map_or_else(Vec::new, Stream::take_findings)
    }

    /// Ends the run: the rest of the output, the findings, the mapping and the report.
    pub fn finish(mut self) -> Sanitized {
        let changed = self.learned > 0 && self.learned != self.written;
        self.stream();
        let stream = match self.stream.take() {
            Some(s) => s,
            None => Stream::new(self.engine.clone()),
        };
        let mut done = stream.finish();
        if changed {
            done.report.notices.push(NOTICE_INPUT_CHANGED.to_string());
        }
        done
    }
}
