//! The first pass of a two-pass stream: what the whole-text run would know before it
//! replaces anything.
//!
//! A whole text is sanitized knowing every value and name found anywhere in it: a value
//! detected on the last line is replaced on the first line too, and a name learned from a
//! speaker label or an email display name is replaced wherever it occurs. A forward-only
//! stream cannot know what it has not read yet. A [`Learner`] reads the input once (findings
//! and structure only, no output) and gives [`Knowledge`] to seed the [`super::Stream`] of
//! the second read ([`super::Engine::stream_seeded`]), whose output is then that of the
//! whole text (see `Stream` for the remaining, documented, differences).

use super::pipeline::{set_lead, EngineRef};
use super::repeat;
use super::segment::{csv_split, safe_split, STREAM_MAX_DOCUMENT, STREAM_SNIFF};
use crate::structure::Context;

/// The learner scans at least this much input at once: a transcript's speakers are
/// recognised by recurring labels in one segment, so the first pass reads big segments
/// (the whole input when it is smaller), whatever the chunks it is fed.
pub const LEARN_SEGMENT: usize = 8 * 1024 * 1024;

/// Most values of [`Knowledge::checked`] (past this, the second pass's leak check compiles
/// the others segment by segment, as without a first pass).
const MAX_CHECKED: usize = 100_000;

/// What a first pass learned: the input's format, the names it teaches and the values found
/// in it (at most the stream's cap on carried values).
pub struct Knowledge {
    pub(super) structure: Context,
    pub(super) known: repeat::Known,
    /// Values found that are not repeated by value (addresses, multi-word places): the
    /// second pass's leak check looks for them with the known values, in one matcher.
    pub(super) checked: Vec<(String, crate::vocab::Category)>,
}

impl Knowledge {
    /// Number of distinct values carried (for reports and tests).
    pub fn values(&self) -> usize {
        self.known.values().len()
    }
}

/// The first pass: feed every chunk of the input, then [`Learner::finish`].
pub struct Learner<'e> {
    engine: EngineRef<'e>,
    buf: String,
    structure: Context,
    known: repeat::Known,
    checked: std::collections::HashSet<(String, crate::vocab::Category)>,
    segment: usize,
    lead: String,
    /// Whether the input is one document read whole (a JSON document or an email up to the
    /// stream's document limit), decided as the stream of the second pass decides it.
    whole: Option<bool>,
}

impl<'e> Learner<'e> {
    pub(super) fn new(engine: EngineRef<'e>) -> Self {
        Learner {
            engine,
            buf: String::new(),
            structure: Context::default(),
            known: repeat::Known::default(),
            checked: std::collections::HashSet::new(),
            segment: LEARN_SEGMENT,
            lead: String::new(),
            whole: None,
        }
    }

    /// Scans as soon as `bytes` are buffered (default [`LEARN_SEGMENT`]). Smaller segments
    /// use less memory but may learn less (speakers are recognised within a segment).
    pub fn with_segment_size(mut self, bytes: usize) -> Self {
        self.segment = bytes.max(1);
        self
    }

    /// Adds a chunk of input.
    pub fn feed(&mut self, chunk: &str) {
        self.buf.push_str(chunk);
        if self.whole.is_none() && self.buf.len() >= STREAM_SNIFF {
            let whole = crate::structure::reads_whole(&self.buf, &self.engine.policy);
            self.whole = Some(whole);
        }
        // A document the second pass holds whole is learned whole too (decoded like it).
        if self.whole == Some(true) {
            if self.buf.len() <= STREAM_MAX_DOCUMENT {
                return;
            }
            // Over the limit: the second pass reads it in segments, undecoded; so does this.
            self.whole = Some(false);
        }
        if self.buf.len() < self.segment {
            return;
        }
        let mut split = safe_split(&self.buf);
        if split > 0 && self.structure.is_csv(&self.engine.policy, &self.buf) {
            split = csv_split(&self.buf, split);
        }
        if split == 0 {
            return;
        }
        let rest = self.buf.split_off(split);
        let segment = std::mem::replace(&mut self.buf, rest);
        self.scan(&segment, false);
    }

    /// `document`: `text` may be the whole input, read as `sanitize` reads it (an email's
    /// encoded parts decoded), as the second pass's stream does at its end.
    fn scan(&mut self, text: &str, document: bool) {
        let prepared = if document {
            crate::structure::prepare(text, &self.engine.policy, &mut self.structure)
        } else {
            None
        };
        let text = prepared.as_ref().map_or(text, |p| p.text.as_str());
        let (found, _) = self
            .engine
            .detect_in(text, &mut self.structure, &self.known, &self.lead);
        set_lead(&mut self.lead, text);
        for f in &found {
            let Some(v) = text.get(f.start..f.end) else {
                continue;
            };
            let c = f.category;
            let other = !matches!(
                c,
                crate::vocab::Category::InternalNote
                    | crate::vocab::Category::Name
                    | crate::vocab::Category::Custom
            );
            if other
                && self.checked.len() < MAX_CHECKED
                && v.len() >= repeat::MIN_LEN
                && !repeat::repeatable(c, v)
            {
                self.checked.insert((v.to_string(), c));
            }
        }
        self.known.add(
            found
                .iter()
                .filter_map(|f| Some((text.get(f.start..f.end)?, f.category))),
        );
    }

    /// Scans what is left and returns what was learned.
    pub fn finish(mut self) -> Knowledge {
        let tail = std::mem::take(&mut self.buf);
        let document = self.whole != Some(false);
        self.scan(&tail, document);
        Knowledge {
            structure: self.structure.seed(),
            known: self.known,
            // In no particular order: the seeded matcher sorts its values.
            checked: self.checked.into_iter().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::Engine;
    use crate::policy::Policy;

    fn forward(e: &Engine, text: &str) -> String {
        let mut s = e.stream().with_segment_size(1);
        let mut out = String::new();
        for c in text.split_inclusive('\n') {
            out.push_str(&s.feed(c));
        }
        out + &s.finish().text
    }

    fn two_pass(e: &Engine, text: &str) -> String {
        let mut l = e.learner();
        for c in text.split_inclusive('\n') {
            l.feed(c);
        }
        let mut s = e.stream_seeded(l.finish()).with_segment_size(1);
        let mut out = String::new();
        for c in text.split_inclusive('\n') {
            out.push_str(&s.feed(c));
        }
        out + &s.finish().text
    }

    #[test]
    fn two_pass_email_with_encoded_parts_equals_whole_text() {
        let e = Engine::new(Policy::default()).unwrap();
        let body = "Write to jane.doe@cont=\noso.com or call +44 20 7946 0958.\n".repeat(400);
        let text = format!(
            "From: =?UTF-8?Q?Jane_Do=C3=A9?= <jane.doe@contoso.com>\nTo: help@contoso.com\n\
             MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\
             Content-Transfer-Encoding: quoted-printable\n\n{body}"
        );
        let whole = e.sanitize(&text).text;
        assert!(!whole.contains("jane.doe"), "{whole}");
        assert_eq!(two_pass(&e, &text), whole);
    }

    #[test]
    fn regression_issue_7_names_and_values_found_late_are_replaced_early() {
        let e = Engine::new(Policy::default()).unwrap();
        // `Yrsel` and the address are first mentioned before anything says what they are (a
        // name no gazetteer knows: a known given name alone is found in prose, issue 14).
        // (A forward-only stream's first segment is at least 64 KiB: hence the padding.)
        let text = format!(
            "ticket for Yrsel, reach her as yrsel.roe@contoso.com.au\n{}\
             notes: yrsel.roe@contoso.com.au again\n\
             From: Yrsel Roe <yrsel.roe@contoso.com.au>\n",
            "status unchanged\n".repeat(5_000)
        );
        let text = text.as_str();
        let whole = e.sanitize(text).text;
        assert!(!whole.contains("Yrsel"), "{whole}");
        // A forward-only stream leaks the name in the first line.
        assert!(forward(&e, text).contains("Yrsel"));
        assert_eq!(two_pass(&e, text), whole);
    }

    #[test]
    fn regression_issue_7_phone_context_on_the_line_above_crosses_segments() {
        let e = Engine::new(Policy::default()).unwrap();
        let text = "please call\n555 0101\n";
        let whole = e.sanitize(text).text;
        assert!(!whole.contains("555 0101"), "{whole}");
        assert_eq!(forward(&e, text), whole);
        assert_eq!(two_pass(&e, text), whole);
    }

    #[test]
    fn regression_issue_7_seeded_roles_are_final() {
        // A segment with one agent and one other speaker makes that speaker the customer;
        // the whole text has two other speakers, so neither is promoted.
        let e = Engine::new(Policy::default()).unwrap();
        let text = "Agent Smith: hello\nJane Roe: hi\nJane Roe: ok\n\
                    Bob Stone: me too\nBob Stone: yes\nAgent Smith: bye\n";
        let whole = e.sanitize(text).text;
        let mut l = e.learner();
        l.feed(text);
        let mut s = e.stream_seeded(l.finish()).with_segment_size(1);
        let (a, b) = text.split_at(text.find("Bob").unwrap());
        let out = s.feed(a) + &s.feed(b) + &s.finish().text;
        assert_eq!(out, whole);
    }
}
