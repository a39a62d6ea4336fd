//! One run's state and its steps over a segment: detect, resolve overlaps, allowlist,
//! replace, leak check.

use super::compiled::{resolve_overlaps, Engine};
use super::report::{FindingReport, Report, ReportFinding, Sanitized};
use super::{leak, repeat};
use crate::replace::{self, Mapping, Pseudonyms};
use crate::vocab::{hex, Category, Finding};
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::sync::Arc;

/// The engine a run uses: borrowed, or shared by an owned stream.
#[derive(Clone)]
pub(super) enum EngineRef<'e> {
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
pub(super) struct State<'e> {
    pub(super) engine: EngineRef<'e>,
    pub(super) pseudonyms: Pseudonyms,
    pub(super) report: Report,
    pub(super) findings: Vec<FindingReport>,
    pub(super) with_values: bool,
    pub(super) input_hash: Sha256,
    pub(super) output_hash: Sha256,
    /// Originals of earlier segments, looked for in later output too (streams only).
    pub(super) history: leak::History,
    /// Values found in earlier segments, replaced wherever they recur (streams only).
    pub(super) known: repeat::Known,
    /// The last leak check's own originals, compiled (the next round often has the same).
    pub(super) current: Option<leak::Originals>,
    pub(super) streaming: bool,
    /// The end of the previous segment's input, context for the detectors (streams only).
    pub(super) lead: String,
    pub(super) structure: crate::structure::Context,
    /// Whether per-finding lists (findings, report.finding_list) are kept; a long stream
    /// can turn them off to keep memory bounded (counts are always kept).
    pub(super) keep_lists: bool,
    /// The decoded text of a whole document that was scanned decoded (not for streams).
    pub(super) scanned: Option<String>,
    /// Bytes and UTF-16 units of input already processed.
    pub(super) in_bytes: usize,
    pub(super) in_utf16: usize,
    pub(super) out_bytes: usize,
}

impl<'e> State<'e> {
    pub(super) fn new(engine: EngineRef<'e>, with_values: bool) -> Self {
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
    pub(super) fn process_document(&mut self, input: &str) -> String {
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
    pub(super) fn process(&mut self, text: &str) -> String {
        self.process_prepared(text, text, None)
    }

    /// Sanitizes `text`, the scanned form of `input` (the same unless `prepared`).
    pub(super) fn process_prepared(
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
    pub(super) fn leak_check(
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

    pub(super) fn finish(mut self, text: String) -> Sanitized {
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
pub(super) fn name_originals(structure: &crate::structure::Context) -> Vec<leak::Original> {
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
pub(super) fn utf16_len(s: &str) -> usize {
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
pub(super) fn set_lead(lead: &mut String, text: &str) {
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
pub(super) fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i.min(s.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::leak;
    use crate::policy::Policy;

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
}
