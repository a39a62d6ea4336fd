//! The pipeline: detect → resolve overlaps → allowlist → replace → leak check, over a whole
//! text ([`Engine::sanitize`]) or a stream of chunks ([`Engine::stream`]).
//!
//! - `compiled`: the [`Engine`] (a compiled policy) and detection over one text;
//! - `pipeline`: one run's state and its steps over a segment, up to the leak check;
//! - `leak`: the leak check; `repeat`: values found once, replaced wherever they recur;
//! - `segment`: where a stream may cut its input, and its limits;
//! - `stream`: [`Stream`], the forward pass over chunks; [`learn`]: the first of two passes;
//!   `session`: [`Session`], the two passes over one input in their order;
//! - `report`: what a run reports ([`Report`], [`Sanitized`]); [`table`]: numbering shared
//!   by a batch of files; `allowlist`: the values the user keeps.

mod allowlist;
mod compiled;
pub(crate) mod leak;
pub mod learn;
mod pipeline;
mod repeat;
mod report;
mod segment;
mod session;
mod stream;
pub mod table;

use crate::vocab::hex;
pub use compiled::{Engine, MIN_KEY_LEN};
pub use learn::{Knowledge, Learner};
use pipeline::{EngineRef, State};
pub use report::{FindingReport, NotesRemoved, Report, ReportFinding, Residual, Sanitized};
pub use segment::{NOTICE_DOCUMENT_TOO_LARGE, RESIDUAL_STREAM_LIMIT, STREAM_MAX_DOCUMENT};
pub use session::{Session, NOTICE_INPUT_CHANGED};
use sha2::{Digest, Sha256};
use std::sync::Arc;
pub use stream::Stream;

impl Engine {
    /// Sanitizes a whole text.
    pub fn sanitize(&self, text: &str) -> Sanitized {
        let mut state = State::new(EngineRef::Borrowed(self), false);
        let out = state.process_document(text);
        state.finish(out)
    }

    /// Like [`Engine::sanitize`] but also returns each finding's original value.
    pub fn sanitize_with_values(&self, text: &str) -> Sanitized {
        let mut state = State::new(EngineRef::Borrowed(self), true);
        let out = state.process_document(text);
        state.finish(out)
    }

    /// Sanitizes bytes, decoding invalid UTF-8 lossily and saying so in the report.
    pub fn sanitize_bytes(&self, bytes: &[u8]) -> Sanitized {
        let text = String::from_utf8_lossy(bytes);
        let lossy = matches!(text, std::borrow::Cow::Owned(_));
        let mut s = self.sanitize(&text);
        s.report.lossy_input = lossy;
        if lossy {
            s.report.input_sha256 = hex(&Sha256::digest(bytes));
        }
        s
    }

    /// Starts a two-pass run over one input (see [`Session`]): the order every caller that
    /// can read its input twice should use.
    pub fn session(&self) -> Session<'_> {
        Session::new(EngineRef::Borrowed(self))
    }

    /// Like [`Engine::session`], sharing ownership of the engine (for a binding that keeps
    /// the session in a struct).
    pub fn session_shared(engine: Arc<Engine>) -> Session<'static> {
        Session::new(EngineRef::Shared(engine))
    }

    /// Starts a streaming run: feed chunks, get sanitized text back as it is safe to emit.
    pub fn stream(&self) -> Stream<'_> {
        Stream::new(EngineRef::Borrowed(self))
    }

    /// Like [`Engine::stream`], with each finding's original value in the findings.
    pub fn stream_with_values(&self) -> Stream<'_> {
        let mut s = self.stream();
        s.state.with_values = true;
        s
    }

    /// Like [`Engine::stream`], but the stream shares ownership of the engine, so it can be
    /// kept in a struct that outlives any borrow (the WebAssembly binding needs this).
    pub fn stream_shared(engine: Arc<Engine>) -> Stream<'static> {
        Stream::new(EngineRef::Shared(engine))
    }

    /// Starts the first pass of a two-pass stream: feed it the whole input, then give its
    /// [`Knowledge`] to [`Engine::stream_seeded`] and feed the input again. The output is
    /// then that of [`Engine::sanitize`] on the whole input: values and names first found
    /// late in the input are replaced from its start.
    pub fn learner(&self) -> Learner<'_> {
        Learner::new(EngineRef::Borrowed(self))
    }

    /// [`Engine::learner`] sharing ownership of the engine.
    pub fn learner_shared(engine: Arc<Engine>) -> Learner<'static> {
        Learner::new(EngineRef::Shared(engine))
    }

    /// The second pass of a two-pass stream: a stream that knows, from the start, what the
    /// first pass learned from the whole input.
    pub fn stream_seeded(&self, knowledge: Knowledge) -> Stream<'_> {
        self.stream().seeded(knowledge)
    }

    /// [`Engine::stream_seeded`] sharing ownership of the engine.
    pub fn stream_shared_seeded(engine: Arc<Engine>, knowledge: Knowledge) -> Stream<'static> {
        Engine::stream_shared(engine).seeded(knowledge)
    }
}
