//! The pipeline: detect → resolve overlaps → allowlist → replace → leak check, over a whole
//! text ([`Engine::sanitize`]) or a stream of chunks ([`Engine::stream`]).

pub mod allowlist;
pub(crate) mod leak;
pub mod learn;
mod repeat;
pub mod table;

use crate::detect::{self, custom::CustomDetector, Category, Detector, Finding};
use crate::error::Error;
use crate::policy::{Policy, Strategy};
use crate::replace::{self, fake, Mapping, Pseudonyms};
use crate::vocab::{hex, normalise};
use allowlist::Allowlist;
pub use learn::{Knowledge, Learner};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

/// Shortest key accepted for the `hash` strategy, in bytes.
pub const MIN_KEY_LEN: usize = 16;

/// A compiled policy, ready to scan any number of texts. Build once, reuse.
pub struct Engine {
    policy: Policy,
    detectors: Vec<Box<dyn Detector>>,
    allowlist: Allowlist,
    /// The `hash` strategy's key; never part of the policy file.
    key: Option<Vec<u8>>,
    fingerprint: String,
}

/// A finding as reported to callers: byte and UTF-16 spans, and what replaced it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FindingReport {
    pub category: Category,
    pub rule: String,
    pub label: String,
    pub start: usize,
    pub end: usize,
    pub start_utf16: usize,
    pub end_utf16: usize,
    pub reason: String,
    pub replacement: String,
    /// The matched text; only filled when the caller asks for values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// Where the leak check found something in the output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Residual {
    /// Byte offset in the output.
    pub start: usize,
    pub end: usize,
    pub category: Category,
    pub kind: &'static str,
}

/// One finding in the report: where, what and how it was replaced; the original value only
/// when the caller asked for values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReportFinding {
    pub category: Category,
    pub rule: String,
    pub strategy: Strategy,
    /// Byte span in the input.
    pub start: usize,
    pub end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// Totals for one run. The same JSON from the library, the CLI (`--report`) and the web app.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    pub input_bytes: usize,
    pub output_bytes: usize,
    /// The input was not valid UTF-8 and was decoded with replacement characters.
    pub lossy_input: bool,
    pub findings: usize,
    pub counts: BTreeMap<Category, usize>,
    /// Findings per replacement strategy.
    pub strategy_counts: BTreeMap<Strategy, usize>,
    /// Categories replaced in this run whose strategy (label, mask, remove) cannot be restored.
    pub not_restorable: Vec<Category>,
    /// Findings dropped by the allowlist (and, when the policy allows them, documentation
    /// values).
    pub allowlisted: usize,
    /// SHA-256 (hex) of the canonical policy JSON: which rules produced this output.
    pub policy_fingerprint: String,
    /// SHA-256 (hex) of the input bytes and of the output text.
    pub input_sha256: String,
    pub output_sha256: String,
    /// Original values or fresh detections left in the output: must be 0.
    pub residual: usize,
    /// Copies of replaced values (inside identifiers that embed them, in encoded
    /// spellings) and detections made possible by replacement, which the leak check
    /// replaced in the output.
    pub leak_replaced: usize,
    pub residuals: Vec<Residual>,
    /// Every finding: category, rule, strategy, byte span (no original unless asked).
    pub finding_list: Vec<ReportFinding>,
    /// What was taken out as internal notes: the verdict says it, so that a note marker that
    /// swallowed a log cannot pass unnoticed.
    pub notes_removed: NotesRemoved,
    /// Things the user should know about how the input was read (a message flag that was
    /// missing and treated as internal, ...), each once.
    pub notices: Vec<String>,
}

/// Internal notes replaced in one run: how many, and how many bytes and lines of input they
/// held.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct NotesRemoved {
    pub count: usize,
    pub bytes: usize,
    pub lines: usize,
}

/// The result of sanitizing a whole text.
#[derive(Clone, Debug, Serialize)]
pub struct Sanitized {
    pub text: String,
    pub findings: Vec<FindingReport>,
    /// Replacement → original, for [`crate::replace::restore`]. Holds originals: keep it private.
    pub mapping: Mapping,
    pub report: Report,
    /// The text the findings' spans point into, when it is not the input: an email whose
    /// encoded parts (quoted-printable, base64, encoded words) were read decoded. A review
    /// shows this text with the findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scanned: Option<String>,
}

impl Engine {
    /// Compiles `policy`. Fails when the policy is invalid or uses the `hash` strategy
    /// (which needs [`Engine::with_key`]).
    pub fn new(policy: Policy) -> Result<Engine, Error> {
        let hashed = policy.categories_using(Strategy::Hash);
        if !hashed.is_empty() {
            let ids: Vec<&str> = hashed.iter().map(|c| c.id()).collect();
            return Err(Error::Key(format!(
                "the \"hash\" strategy (used for {}) needs a secret key; give one with \
                 Engine::with_key (CLI: --key-file FILE). It is never read from the policy",
                ids.join(", ")
            )));
        }
        Engine::build(policy, None)
    }

    /// Compiles `policy` with the key of the `hash` strategy (at least [`MIN_KEY_LEN`]
    /// bytes). The same key gives the same `[EMAIL:3f2a9c1d]` on every machine.
    pub fn with_key(policy: Policy, key: &[u8]) -> Result<Engine, Error> {
        if key.len() < MIN_KEY_LEN {
            return Err(Error::Key(format!(
                "the key has {} bytes; use at least {MIN_KEY_LEN} random bytes (a short key \
                 lets anyone guess values back from their hashes)",
                key.len()
            )));
        }
        Engine::build(policy, Some(key.to_vec()))
    }

    fn build(policy: Policy, key: Option<Vec<u8>>) -> Result<Engine, Error> {
        policy.validate()?;
        let mut detectors: Vec<Box<dyn Detector>> = detect::builtin()
            .into_iter()
            .filter(|d| d.categories().iter().any(|&c| policy.enabled(c)))
            .collect();
        if let Some(custom) = CustomDetector::from_policy(&policy)? {
            detectors.push(Box::new(custom));
        }
        let allowlist = Allowlist::from_policy(&policy)?;
        let fingerprint = policy.fingerprint();
        Ok(Engine {
            policy,
            detectors,
            allowlist,
            key,
            fingerprint,
        })
    }

    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// All findings in `text` after overlap resolution and the allowlist, sorted by start.
    /// The second value counts findings dropped by the allowlist.
    pub fn detect(&self, text: &str) -> (Vec<Finding>, usize) {
        self.detect_with(
            text,
            Some(&mut crate::structure::Context::default()),
            None,
            "",
        )
    }

    /// The detectors alone, without the structure pass: for re-scanning pieces of output
    /// (lines a replacement touched), where the document structure is not visible.
    pub(crate) fn detect_content(&self, text: &str) -> Vec<Finding> {
        self.detect_with(text, None, None, "").0
    }

    /// [`Engine::detect`] with the structure context of a run (format, learned names) and
    /// the values found in its earlier segments, replaced wherever they recur.
    ///
    /// `lead` is the end of the input just before `text` (a stream's previous segment): the
    /// detectors read it as context (a phone number alone on its line takes the label of the
    /// line above), and nothing in it is reported.
    fn detect_in(
        &self,
        text: &str,
        ctx: &mut crate::structure::Context,
        known: &repeat::Known,
        lead: &str,
    ) -> (Vec<Finding>, usize) {
        self.detect_with(text, Some(ctx), Some(known), lead)
    }

    fn detect_with(
        &self,
        text: &str,
        ctx: Option<&mut crate::structure::Context>,
        known: Option<&repeat::Known>,
        lead: &str,
    ) -> (Vec<Finding>, usize) {
        let mut raw = Vec::new();
        if lead.is_empty() {
            for d in &self.detectors {
                d.detect(text, &mut raw);
            }
            crate::normalize::detect(text, &self.detectors, &mut raw);
        } else {
            let joined = [lead, text].concat();
            for d in &self.detectors {
                d.detect(&joined, &mut raw);
            }
            crate::normalize::detect(&joined, &self.detectors, &mut raw);
            let n = lead.len();
            raw.retain(|f| f.start >= n);
            for f in &mut raw {
                f.start -= n;
                f.end -= n;
            }
        }
        let mut ctx = ctx;
        if let Some(ctx) = ctx.as_deref_mut() {
            crate::structure::analyze(text, &self.policy, ctx, &mut raw);
            // MIME headers, boundaries and attachment bodies keep the structure valid.
            ctx.drop_protected(&mut raw);
        }
        raw.retain(|f| !f.is_empty() && f.end <= text.len() && self.policy.enabled(f.category));
        let resolved = resolve_overlaps(raw);
        let before = resolved.len();
        let docs = self.policy.allow_documentation_values;
        let mut kept: Vec<Finding> = resolved
            .into_iter()
            .filter(|f| {
                let value = &text[f.start..f.end];
                let documentation =
                    docs && fake::is_documentation_value(f.category, &normalise(f.category, value));
                !(documentation || self.allowlist.allows(f, value))
            })
            .collect();
        let allowed = before - kept.len();
        repeat::extend(text, &mut kept, known);
        if let Some(ctx) = ctx {
            ctx.drop_protected(&mut kept);
        }
        (kept, allowed)
    }

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

/// Keeps the longer, then the more specific, of overlapping findings; deterministic.
fn resolve_overlaps(mut raw: Vec<Finding>) -> Vec<Finding> {
    if raw.len() <= 1 {
        return raw;
    }
    raw.sort_by(|a, b| {
        b.len()
            .cmp(&a.len())
            .then(b.category.specificity().cmp(&a.category.specificity()))
            .then(a.start.cmp(&b.start))
            .then(a.rule.cmp(&b.rule))
    });
    // Kept spans by start; a candidate is kept when it overlaps none of them.
    let mut kept: BTreeMap<usize, Finding> = BTreeMap::new();
    for f in raw {
        let overlaps_before = kept
            .range(..f.end)
            .next_back()
            .is_some_and(|(_, k)| k.end > f.start);
        if !overlaps_before {
            kept.insert(f.start, f);
        }
    }
    kept.into_values().collect()
}

/// The engine a run uses: borrowed, or shared by an owned stream.
enum EngineRef<'e> {
    Borrowed(&'e Engine),
    Shared(Arc<Engine>),
}

impl std::ops::Deref for EngineRef<'_> {
    type Target = Engine;
    fn deref(&self) -> &Engine {
        match self {
            EngineRef::Borrowed(e) => e,
            EngineRef::Shared(e) => e,
        }
    }
}

/// What persists across the segments of one run.
struct State<'e> {
    engine: EngineRef<'e>,
    pseudonyms: Pseudonyms,
    report: Report,
    findings: Vec<FindingReport>,
    with_values: bool,
    input_hash: Sha256,
    output_hash: Sha256,
    /// Originals of earlier segments, looked for in later output too (streams only).
    history: leak::History,
    /// Values found in earlier segments, replaced wherever they recur (streams only).
    known: repeat::Known,
    /// The last leak check's own originals, compiled (the next round often has the same).
    current: Option<leak::Originals>,
    streaming: bool,
    /// The end of the previous segment's input, context for the detectors (streams only).
    lead: String,
    structure: crate::structure::Context,
    /// Whether per-finding lists (findings, report.finding_list) are kept; a long stream
    /// can turn them off to keep memory bounded (counts are always kept).
    keep_lists: bool,
    /// The decoded text of a whole document that was scanned decoded (not for streams).
    scanned: Option<String>,
    /// Bytes and UTF-16 units of input already processed.
    in_bytes: usize,
    in_utf16: usize,
    out_bytes: usize,
}

impl<'e> State<'e> {
    fn new(engine: EngineRef<'e>, with_values: bool) -> Self {
        let pseudonyms = match &engine.key {
            Some(k) => Pseudonyms::with_key(k),
            None => Pseudonyms::new(),
        };
        State {
            engine,
            pseudonyms,
            report: Report::default(),
            findings: Vec::new(),
            with_values,
            input_hash: Sha256::new(),
            output_hash: Sha256::new(),
            history: leak::History::default(),
            known: repeat::Known::default(),
            current: None,
            streaming: false,
            lead: String::new(),
            structure: crate::structure::Context::default(),
            keep_lists: true,
            scanned: None,
            in_bytes: 0,
            in_utf16: 0,
            out_bytes: 0,
        }
    }

    /// Sanitizes a whole document: an input whose hidden text (encoded email parts, base64
    /// attachment bodies) the structure pass decodes is scanned decoded, then encoded back.
    fn process_document(&mut self, input: &str) -> String {
        match crate::structure::prepare(input, &self.engine.policy, &mut self.structure) {
            Some(prepared) => {
                if !self.streaming {
                    self.scanned = Some(prepared.text.clone());
                }
                self.process_prepared(&prepared.text, input, Some(&prepared))
            }
            None => self.process(input),
        }
    }

    /// Sanitizes one self-contained segment and returns its output.
    fn process(&mut self, text: &str) -> String {
        self.process_prepared(text, text, None)
    }

    /// Sanitizes `text`, the scanned form of `input` (the same unless `prepared`).
    fn process_prepared(
        &mut self,
        text: &str,
        input: &str,
        prepared: Option<&crate::structure::Prepared>,
    ) -> String {
        let (found, allowed) =
            self.engine
                .detect_in(text, &mut self.structure, &self.known, &self.lead);
        if self.streaming {
            set_lead(&mut self.lead, text);
        }
        for n in self.structure.take_notices() {
            if !self.report.notices.contains(&n) {
                self.report.notices.push(n);
            }
        }
        self.report.allowlisted += allowed;
        if self.streaming {
            self.known
                .add(found.iter().map(|f| (&text[f.start..f.end], f.category)));
        }
        let mut found = found;
        // Sanitize again while the leak check detects something that the replacement's new
        // context revealed (`010 2024-01-15` reads as a phone once the address before it is
        // a placeholder): each such detection lying in unchanged input text becomes a finding
        // of the input, and the round is redone from the same numbering, so that the output
        // stays what the whole text and a stream of it both give.
        self.pseudonyms.savepoint();
        let mut rounds = 1;
        let (round, mut originals, mut leaks) = loop {
            let round = self.replace_round(text, &found);
            let originals = originals_of(text, &found, &round.reps);
            let leaks = self.leak_check(&round.out, &round.changed, &round.produced, &originals);
            if rounds < MAX_ROUNDS {
                let fresh = fresh_in_input(&leaks, &found, &round.changed, text, &round.out);
                if !fresh.is_empty() && self.pseudonyms.rollback() {
                    found.extend(resolve_overlaps(fresh));
                    found.sort_by_key(|f| f.start);
                    rounds += 1;
                    continue;
                }
            }
            break (round, originals, leaks);
        };
        self.pseudonyms.commit();
        let Round {
            mut out,
            reps,
            mut changed,
            mut produced,
        } = round;
        // What is left is replaced in the output: copies of replaced values (inside an
        // identifier the detectors do not split, in an encoded spelling) take their value's
        // replacement; other fresh detections get one of their own. Again to a fixed point.
        for _ in 0..MAX_ROUNDS {
            if leaks.is_empty() {
                break;
            }
            let Some(fixed) = self.fix_output(&out, &leaks, &changed, &produced) else {
                break;
            };
            self.report.leak_replaced += fixed.count;
            out = fixed.out;
            changed = fixed.changed;
            produced = fixed.produced;
            originals.extend(fixed.originals);
            originals.sort_unstable();
            originals.dedup();
            leaks = self.leak_check(&out, &changed, &produced, &originals);
        }
        let mut utf16 = self.in_utf16;
        let mut last = 0;
        for (f, r) in found.iter().zip(reps) {
            utf16 += utf16_len(&text[last..f.start]);
            let value = &text[f.start..f.end];
            let value_utf16 = utf16_len(value);
            *self.report.counts.entry(f.category).or_insert(0) += 1;
            *self.report.strategy_counts.entry(r.strategy).or_insert(0) += 1;
            if !r.strategy.restorable() && !self.report.not_restorable.contains(&f.category) {
                self.report.not_restorable.push(f.category);
            }
            if f.category == Category::InternalNote {
                let n = &mut self.report.notes_removed;
                // The later pieces of one note split around markup are the same note.
                let first = usize::from(f.rule != crate::structure::RULE_NOTE_CONTINUED);
                n.count += first;
                n.bytes += value.len();
                n.lines += first + memchr::memchr_iter(b'\n', value.as_bytes()).count();
            }
            let at = utf16;
            utf16 += value_utf16;
            last = f.end;
            if !self.keep_lists {
                continue;
            }
            self.report.finding_list.push(ReportFinding {
                category: f.category,
                rule: f.rule.to_string(),
                strategy: r.strategy,
                start: self.in_bytes + f.start,
                end: self.in_bytes + f.end,
                value: self.with_values.then(|| value.to_string()),
            });
            self.findings.push(FindingReport {
                category: f.category,
                rule: f.rule.to_string(),
                label: f.label().to_string(),
                start: self.in_bytes + f.start,
                end: self.in_bytes + f.end,
                start_utf16: at,
                end_utf16: at + value_utf16,
                reason: f.reason.to_string(),
                replacement: r.text,
                value: self.with_values.then(|| value.to_string()),
            });
        }
        utf16 += utf16_len(&text[last..]);
        self.report.findings += found.len();
        if self.streaming {
            self.history.add(originals.iter());
        }
        // Encoding back comes after the leak check, which must see the text decoded.
        let out = match prepared {
            Some(p) => p.restore(out),
            None => out,
        };
        self.input_hash.update(input.as_bytes());
        self.output_hash.update(out.as_bytes());
        for l in leaks {
            let mut r = l.residual;
            r.start += self.out_bytes;
            r.end += self.out_bytes;
            self.report.residuals.push(r);
        }
        self.in_bytes += input.len();
        self.in_utf16 = utf16;
        self.out_bytes += out.len();
        out
    }

    /// Replaces every finding of `text` (sorted, disjoint) under the policy.
    fn replace_round(&mut self, text: &str, found: &[Finding]) -> Round {
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        let mut reps = Vec::with_capacity(found.len());
        // Output spans of values we produced on purpose (fakes, kept reserved values).
        let mut produced: Vec<(usize, usize)> = Vec::new();
        let mut changed: Vec<(usize, usize)> = Vec::with_capacity(found.len());
        for f in found {
            out.push_str(&text[last..f.start]);
            let value = &text[f.start..f.end];
            let key = f.key.as_deref().unwrap_or(value);
            let mut r = self
                .pseudonyms
                .replace(&self.engine.policy, f.category, f.label(), key);
            r.text = crate::structure::fit_replacement(f, r.text);
            let span = (out.len(), out.len() + r.text.len());
            changed.push(span);
            if r.produced {
                produced.push(span);
            }
            out.push_str(&r.text);
            last = f.end;
            reps.push(r);
        }
        out.push_str(&text[last..]);
        Round {
            out,
            reps,
            changed,
            produced,
        }
    }

    /// The leak check of a round's output against `originals` and, in a stream, those of
    /// the earlier segments.
    fn leak_check(
        &mut self,
        out: &str,
        changed: &[(usize, usize)],
        produced: &[(usize, usize)],
        originals: &[leak::Original],
    ) -> Vec<leak::Leak> {
        let mut fresh: Vec<leak::Original> = originals
            .iter()
            .filter(|o| !self.history.in_base(o))
            .cloned()
            .collect();
        if !self.streaming {
            // The whole text looks for every name it learned, as a seeded stream does (a
            // name's part next to an email that won the overlap, `Ima Fool@iana.org`).
            fresh.extend(name_originals(&self.structure));
            fresh.sort_unstable();
            fresh.dedup();
        }
        // The rounds of one segment mostly check the same originals again: compiled once.
        let current = match self.current.take() {
            Some(c) if c.values() == fresh.as_slice() => c,
            _ => leak::Originals::new(fresh, true),
        };
        let current = &*self.current.insert(current);
        let matchers: Vec<&leak::Originals> = self
            .history
            .matchers()
            .chain(std::iter::once(current))
            .collect();
        leak::check(&self.engine, out, &matchers, changed, produced)
    }

    /// Replaces in `out` what the leak check found, outside the replacements already made;
    /// `None` when there is nothing it can replace.
    fn fix_output(
        &mut self,
        out: &str,
        leaks: &[leak::Leak],
        changed: &[(usize, usize)],
        produced: &[(usize, usize)],
    ) -> Option<Fixed> {
        let mut fixes: Vec<(usize, usize, replace::Replacement)> = Vec::new();
        let mut originals = Vec::new();
        for l in leaks {
            let (s, e) = (l.residual.start, l.residual.end);
            let after_last = !fixes.last().is_some_and(|&(_, le, _)| le > s);
            let i = changed.partition_point(|&(_, ce)| ce <= s);
            let touches_replacement = changed.get(i).is_some_and(|&(cs, _)| cs < e);
            if s >= e || !after_last || touches_replacement {
                continue;
            }
            let policy = &self.engine.policy;
            let r = match &l.fix {
                leak::Fix::Original(o) => self
                    .pseudonyms
                    .replace(policy, o.category, &o.label, &o.key),
                leak::Fix::Detection(f) => {
                    let Some(value) = out.get(s..e) else { continue };
                    let key = f.key.as_deref().unwrap_or(value);
                    let mut r = self.pseudonyms.replace(policy, f.category, f.label(), key);
                    r.text = crate::structure::fit_replacement(f, r.text);
                    if checked_elsewhere(f, value) && !(r.produced && r.text == value) {
                        originals.push(leak::Original {
                            category: f.category,
                            value: value.to_string(),
                            label: f.label().to_string(),
                            key: key.to_string(),
                        });
                    }
                    r
                }
                leak::Fix::None => continue,
            };
            if r.produced && out.get(s..e) == Some(r.text.as_str()) {
                continue;
            }
            fixes.push((s, e, r));
        }
        if fixes.is_empty() {
            return None;
        }
        // The new text, and the spans of the old replacements and the new ones in it.
        let mut text = String::with_capacity(out.len());
        let mut spans: Vec<(usize, usize)> = Vec::with_capacity(changed.len() + fixes.len());
        let mut made: Vec<(usize, usize)> = Vec::with_capacity(produced.len());
        let mut last = 0;
        for (s, e, r) in &fixes {
            text.push_str(&out[last..*s]);
            let span = (text.len(), text.len() + r.text.len());
            spans.push(span);
            if r.produced {
                made.push(span);
            }
            text.push_str(&r.text);
            last = *e;
        }
        text.push_str(&out[last..]);
        spans.extend(shifted(changed, &fixes));
        made.extend(shifted(produced, &fixes));
        spans.sort_unstable();
        made.sort_unstable();
        Some(Fixed {
            out: text,
            changed: spans,
            produced: made,
            originals,
            count: fixes.len(),
        })
    }

    fn finish(mut self, text: String) -> Sanitized {
        self.report.input_bytes = self.in_bytes;
        self.report.output_bytes = self.out_bytes;
        self.report.residual = self.report.residuals.len();
        self.report.policy_fingerprint = self.engine.fingerprint.clone();
        self.report.input_sha256 = hex(&self.input_hash.finalize());
        self.report.output_sha256 = hex(&self.output_hash.finalize());
        self.report.not_restorable.sort();
        Sanitized {
            text,
            findings: self.findings,
            mapping: Mapping::new(self.pseudonyms.mapping().to_vec()),
            report: self.report,
            scanned: self.scanned,
        }
    }
}

/// Most rounds of sanitizing one segment: the first, then again from the input while the
/// leak check finds detections that replacement made possible, then in the output while
/// it finds anything it can replace.
const MAX_ROUNDS: usize = 4;

/// One round of replacement.
struct Round {
    out: String,
    /// The replacement of each finding.
    reps: Vec<replace::Replacement>,
    /// Sorted output spans of every replacement.
    changed: Vec<(usize, usize)>,
    /// Output spans of values we produced on purpose (fakes, kept reserved values).
    produced: Vec<(usize, usize)>,
}

/// The output after replacing what the leak check found.
struct Fixed {
    out: String,
    changed: Vec<(usize, usize)>,
    produced: Vec<(usize, usize)>,
    /// Fresh detections replaced there, looked for elsewhere from then on.
    originals: Vec<leak::Original>,
    count: usize,
}

/// `spans` (sorted, none overlapping a fix) moved to where they are once the sorted,
/// disjoint `fixes` have replaced their ranges.
fn shifted(
    spans: &[(usize, usize)],
    fixes: &[(usize, usize, replace::Replacement)],
) -> Vec<(usize, usize)> {
    let mut moved = Vec::with_capacity(spans.len());
    let (mut k, mut grow, mut shrink) = (0, 0, 0);
    for &(a, b) in spans {
        while let Some((s, e, r)) = fixes.get(k) {
            if *e > a {
                break;
            }
            grow += r.text.len();
            shrink += e - s;
            k += 1;
        }
        moved.push((a + grow - shrink, b + grow - shrink));
    }
    moved
}

/// The names `structure` learned, and their parts, as the originals their findings give.
fn name_originals(structure: &crate::structure::Context) -> Vec<leak::Original> {
    structure
        .name_forms()
        .into_iter()
        .filter(|(value, _, _)| value.chars().count() >= 3)
        .map(|(value, label, key)| leak::Original {
            category: Category::Name,
            value,
            label: label.to_string(),
            key,
        })
        .collect()
}

/// The originals the leak check looks for after a round: each distinct value replaced,
/// sorted (a log repeats the same values).
fn originals_of(
    text: &str,
    found: &[Finding],
    reps: &[replace::Replacement],
) -> Vec<leak::Original> {
    let mut distinct: HashSet<(Category, &str, &str, &str)> = HashSet::new();
    for (f, r) in found.iter().zip(reps) {
        let value = &text[f.start..f.end];
        let kept_as_is = r.produced && r.text == value;
        // An internal note is removed as a message, not as a value: the same words in a
        // public message (a macro posted both ways, `Thanks`) or a header are public
        // there, and the values inside a note are found by the detectors wherever they
        // recur.
        if !kept_as_is && f.category != Category::InternalNote && checked_elsewhere(f, value) {
            let key = f.key.as_deref().unwrap_or(value);
            distinct.insert((f.category, value, f.label(), key));
        }
    }
    let mut originals: Vec<leak::Original> = distinct
        .into_iter()
        .map(|(category, value, label, key)| leak::Original {
            category,
            value: value.to_string(),
            label: label.to_string(),
            key: key.to_string(),
        })
        .collect();
    originals.sort_unstable();
    originals
}

/// The fresh detections among `leaks` that lie in text the round left unchanged, as
/// findings of the input (`changed[i]` is the output span of `found[i]`).
fn fresh_in_input(
    leaks: &[leak::Leak],
    found: &[Finding],
    changed: &[(usize, usize)],
    text: &str,
    out: &str,
) -> Vec<Finding> {
    let mut fresh = Vec::new();
    for l in leaks {
        let leak::Fix::Detection(f) = &l.fix else {
            continue;
        };
        let (s, e) = (f.start, f.end);
        let i = changed.partition_point(|&(_, ce)| ce <= s);
        if changed.get(i).is_some_and(|&(cs, _)| cs < e) {
            continue;
        }
        // Between replacements the output is the input moved by what came before.
        let (is, ie) = match i
            .checked_sub(1)
            .and_then(|j| Some((changed.get(j)?, found.get(j)?)))
        {
            Some((&(_, ce), g)) => (s - ce + g.end, e - ce + g.end),
            None => (s, e),
        };
        if is >= ie || text.get(is..ie).is_none() || text.get(is..ie) != out.get(s..e) {
            continue;
        }
        let mut g = f.clone();
        g.start = is;
        g.end = ie;
        fresh.push(g);
    }
    fresh
}

/// Whether the leak check looks for `value` (found as `f`) elsewhere in the output: where
/// the engine would replace it too. A value found by its key (`"email": "n/a"`, a CSV `name` cell `zid`) is sensitive where it stands,
/// whatever it looks like; elsewhere the same words are only replaced when the consistency
/// pass takes them (a single token of 4+ characters) or the name matcher does (a name),
/// so only then is their survival elsewhere a leak (otherwise `n/a` in any other place
/// would fail the run).
fn checked_elsewhere(f: &Finding, value: &str) -> bool {
    const BY_KEY: &[&str] = &[
        "structure.csv.column",
        "structure.csv.name_column",
        "structure.json.field",
        "structure.json.name_field",
        "structure.json.number_field",
    ];
    // As short as `::1`: the consistency pass leaves such values elsewhere (they occur
    // inside ordinary tokens, `onTouchEvent::1`), so the leak check does too.
    if f.category != Category::Name && value.len() < repeat::MIN_LEN {
        return false;
    }
    if !BY_KEY.contains(&f.rule.as_ref()) {
        return true;
    }
    if f.category == Category::Name {
        crate::structure::is_learnable_name(value)
    } else {
        repeat::repeatable(f.category, value)
    }
}

/// UTF-16 code units of `s`: one per char (every byte but continuation bytes starts one),
/// two for the chars of four UTF-8 bytes (lead byte `0xF0` and above). One pass over the
/// bytes that the compiler vectorizes.
fn utf16_len(s: &str) -> usize {
    s.bytes()
        .map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

/// How much of the previous segment the detectors of a stream read as context: more than
/// they look back (the phone detector reads the line above, at most 256 bytes back, and 40
/// more for a placeholder cut by that window).
const LEAD: usize = 512;

/// Keeps the last [`LEAD`] bytes of `text` (whole characters) in `lead`; appends to it when
/// `text` is shorter.
fn set_lead(lead: &mut String, text: &str) {
    lead.push_str(
        text.get(ceil_boundary(text, text.len().saturating_sub(LEAD))..)
            .unwrap_or(""),
    );
    if lead.len() > LEAD {
        let cut = ceil_boundary(lead, lead.len() - LEAD);
        lead.drain(..cut);
    }
}

/// The first char boundary of `s` at or after `i`.
fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i.min(s.len())
}

/// Below this much buffered input a stream waits for more before scanning.
const STREAM_MIN_SEGMENT: usize = 64 * 1024;
/// A multi-line value (a PEM block) may hold back at most this much input.
const STREAM_MAX_CARRY: usize = 4 * 1024 * 1024;
/// A JSON document or an email is read whole up to this size (its message flags and MIME
/// parts can only be read whole); a larger one is read in segments, with a notice.
pub const STREAM_MAX_DOCUMENT: usize = 64 * 1024 * 1024;

/// Input held before deciding whether it is read whole (the format is sniffed on it).
pub(crate) const STREAM_SNIFF: usize = 8 * 1024;

/// The notice given when a document was too large to be read whole.
pub const NOTICE_DOCUMENT_TOO_LARGE: &str = "document larger than the whole-document limit \
     (64 MiB): read in segments, so JSON message flags and email MIME parts are only read \
     within a segment";

/// A streaming run. Values that straddle chunk boundaries are found exactly as in the whole
/// text: only whole lines are scanned (a CSV record with a multi-line quoted cell whole), an
/// open PEM block is carried over until it ends, and the detectors read the end of the
/// previous segment as context.
///
/// Two-pass (seeded by an [`Engine::learner`] that read the whole input first): the output
/// is the whole-text output, byte for byte (the property tests and the `engine` fuzz target
/// check it for any chunking). Known limits, all on inputs larger than
/// [`learn::LEARN_SEGMENT`] (8 MiB): the learner judges a transcript's bare `Name:` labels
/// within each 8 MiB segment rather than across the whole text; more than 20,000 distinct
/// values are not all carried; a JSON document or an email larger than
/// [`STREAM_MAX_DOCUMENT`] (64 MiB) is read in segments (see [`NOTICE_DOCUMENT_TOO_LARGE`]).
/// And one that does not depend on size: a value that only the leak check finds (detected
/// once a neighbour is a placeholder) is replaced in its own segment and looked for in the
/// later ones; a copy of it in an earlier segment that no detector takes is replaced in the
/// whole text but was already written by the stream.
///
/// Forward-only (not seeded): a value or name first recognised late in the input is not
/// replaced in the output already returned (it is from then on); use two passes whenever
/// the input can be read twice.
pub struct Stream<'e> {
    state: State<'e>,
    buf: String,
    emitted: usize,
    min_segment: usize,
    /// Whether the input is held and read as one document (decided on the first segment).
    whole: Option<bool>,
    max_document: usize,
}

impl<'e> Stream<'e> {
    fn new(engine: EngineRef<'e>) -> Self {
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
    fn seeded(mut self, knowledge: Knowledge) -> Self {
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
        let rest = self.buf.split_off(split);
        let segment = std::mem::replace(&mut self.buf, rest);
        let out = self.state.process(&segment);
        self.emitted += out.len();
        out
    }

    /// Processes a held document that went over the limit in segments of about 1 MiB (one
    /// segment of its whole size would need several times its size in memory).
    fn drain_held(&mut self) -> String {
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

/// The end of the longest prefix of `buf` that can be scanned on its own: after the last
/// line break that is not inside an open multi-line value. Lines longer than the carry
/// limit are cut at whitespace (values do not span whitespace, except obfuscated emails,
/// which such a line is unlikely to hold at its cut).
fn safe_split(buf: &str) -> usize {
    let bytes = buf.as_bytes();
    let mut split = match memchr::memrchr(b'\n', bytes) {
        Some(i) => i + 1,
        None => 0,
    };
    // A line that ends in `:` labels the next one (`Phone:` then the number): keep them together.
    for _ in 0..4 {
        if split < 2 {
            break;
        }
        let line_start = memchr::memrchr(b'\n', &bytes[..split - 1]).map_or(0, |i| i + 1);
        // So does a line whose break cuts an email address (read joined, see `normalize`).
        if buf[line_start..split - 1].trim_end().ends_with(':')
            || crate::normalize::joins_at(buf, split)
        {
            split = line_start;
        } else {
            break;
        }
    }
    // Do not cut a PEM block: hold back from its BEGIN line when no END follows it.
    if let Some(b) = memchr::memmem::rfind(&bytes[..split], b"-----BEGIN ") {
        if memchr::memmem::find(&bytes[b..split], b"-----END ").is_none() {
            let line_start = memchr::memrchr(b'\n', &bytes[..b]).map_or(0, |i| i + 1);
            if buf.len() - line_start < STREAM_MAX_CARRY {
                split = line_start;
            }
        }
    }
    if split == 0 && buf.len() >= STREAM_MAX_CARRY {
        split = memchr::memrchr2(b' ', b'\t', bytes).map_or(0, |i| i + 1);
        if split == 0 {
            split = buf.len() - STREAM_MIN_SEGMENT;
            while !buf.is_char_boundary(split) {
                split -= 1;
            }
        }
    }
    split
}

/// For CSV, whose quoted cells may hold line breaks: the last line break at or before
/// `split` that is outside quotes (`buf` starts at a record boundary). A quoted cell left
/// open for longer than the carry limit is cut at `split` after all.
fn csv_split(buf: &str, split: usize) -> usize {
    let bytes = buf.as_bytes().get(..split).unwrap_or_default();
    let mut quoted = false;
    let mut last = 0;
    for i in memchr::memchr2_iter(b'"', b'\n', bytes) {
        if bytes.get(i) == Some(&b'"') {
            quoted = !quoted;
        } else if !quoted {
            last = i + 1;
        }
    }
    if buf.len() - last >= STREAM_MAX_CARRY {
        split
    } else {
        last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_len_counts_code_units() {
        for s in [
            "",
            "abc",
            "héllo",
            "日本語",
            "a😀b",
            "\u{10FFFF}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}",
        ] {
            assert_eq!(utf16_len(s), s.encode_utf16().count(), "{s:?}");
        }
    }

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
    fn overlap_longer_then_specific_wins() {
        let a = Finding::new(Category::Email, "a", 0, 10, "");
        let b = Finding::new(Category::UrlCredentials, "b", 0, 20, "");
        let c = Finding::new(Category::Phone, "c", 25, 30, "");
        let d = Finding::new(Category::Ipv4, "d", 25, 30, "");
        let r = resolve_overlaps(vec![a, b, c, d]);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].rule, "b");
        assert_eq!(r[1].category, Category::Ipv4);
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

    #[test]
    fn regression_issue_12_leak_check_reads_obfuscated_spellings() {
        let engine = Engine::new(Policy::default()).unwrap();
        for out in [
            "[EMAIL-1] wrote john\u{FF20}contoso.com",
            "[EMAIL-1] wrote jo\u{200B}hn@contoso.com",
            "[EMAIL-1] wrote john\\u0040contoso.com",
            "[EMAIL-1] wrote am9obkBjb250b3NvLmNvbQ==",
            "[IPV4-1] client 0xC0A8010A",
        ] {
            let changed = [(0, out.find(']').unwrap() + 1)];
            let residuals = leak::check(&engine, out, &[], &changed, &[]);
            assert_eq!(residuals.len(), 1, "{out}");
            // The whole obfuscated spelling, after `[EMAIL-1] wrote ` or `[IPV4-1] client `.
            assert_eq!(
                (residuals[0].residual.start, residuals[0].residual.end),
                (16, out.len()),
                "{out}"
            );
            assert_eq!(residuals[0].residual.kind, "detection");
        }
    }

    #[test]
    fn regression_issue_12_stream_keeps_a_wrapped_address_in_one_segment() {
        assert_eq!(safe_split("a\nmail john@contoso.\ncom"), 2);
        assert_eq!(safe_split("a\nmail john@contoso.com\nnext"), 24);
    }

    #[test]
    fn safe_split_keeps_a_label_line_with_its_value() {
        assert_eq!(safe_split("a\nPhone:\n780 6326\nb"), 18);
        assert_eq!(safe_split("a\nb\nPhone:\n"), 4);
    }

    #[test]
    fn safe_split_keeps_pem_whole() {
        let s = "a\n-----BEGIN RSA PRIVATE KEY-----\nMIIE\nabc\n";
        assert_eq!(safe_split(s), 2);
        let s = "a\n-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\nx";
        assert_eq!(safe_split(s), s.len() - 1);
    }
}
