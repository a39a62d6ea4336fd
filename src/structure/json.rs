//! JSON and JSON Lines exports of support platforms: internal messages by each platform's
//! flag (see `formats/INTERNAL-NOTES.md`), personal data by key, names from name fields.
//!
//! A small span-keeping parser reads the document (serde_json does not give spans); every
//! finding lies inside a string value (between its quotes) or covers a whole number, so the
//! output stays valid JSON with the same shape and key order.

use super::names::{Learned, Role};
use super::{is_placeholder, squash, Context, Sink, NOTICE_FLAG_UNKNOWN, NOTICE_JSON_SPLIT};
use crate::vocab::Category;
use std::borrow::Cow;

/// Nesting deeper than this is not read as structure (the text is then scanned line by line).
const MAX_DEPTH: usize = 128;

/// A JSON value with the byte spans of its strings and numbers.
#[derive(Debug)]
pub(crate) enum Node<'t> {
    /// Content span, between the quotes.
    Str(usize, usize),
    Num(usize, usize),
    Bool(bool),
    Null,
    Obj(Vec<(Cow<'t, str>, Node<'t>)>),
    Arr(Vec<Node<'t>>),
}

struct Parser<'t> {
    t: &'t str,
    b: &'t [u8],
    i: usize,
}

impl<'t> Parser<'t> {
    fn ws(&mut self) {
        while self.b.get(self.i).is_some_and(|c| c.is_ascii_whitespace()) {
            self.i += 1;
        }
    }

    fn string(&mut self) -> Option<(usize, usize)> {
        if self.b.get(self.i) != Some(&b'"') {
            return None;
        }
        let s = self.i + 1;
        let mut i = s;
        loop {
            let rest = self.b.get(i..)?;
            let j = memchr::memchr2(b'"', b'\\', rest)?;
            i += j;
            if self.b.get(i) == Some(&b'\\') {
                i += 2;
            } else {
                self.i = i + 1;
                return Some((s, i));
            }
        }
    }

    fn value(&mut self, depth: usize) -> Option<Node<'t>> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.ws();
        match *self.b.get(self.i)? {
            b'"' => self.string().map(|(s, e)| Node::Str(s, e)),
            b'{' => {
                self.i += 1;
                let mut members = Vec::new();
                self.ws();
                if self.b.get(self.i) == Some(&b'}') {
                    self.i += 1;
                    return Some(Node::Obj(members));
                }
                loop {
                    self.ws();
                    let (ks, ke) = self.string()?;
                    // Keys are kept squashed (`From_Email` -> `fromemail`): every rule
                    // compares squashed keys, so squash once here.
                    let key = match decode(self.t, ks, ke)? {
                        Cow::Borrowed(b) => squash(b),
                        Cow::Owned(o) => Cow::Owned(squash(&o).into_owned()),
                    };
                    self.ws();
                    if self.b.get(self.i) != Some(&b':') {
                        return None;
                    }
                    self.i += 1;
                    let v = self.value(depth + 1)?;
                    members.push((key, v));
                    self.ws();
                    match self.b.get(self.i)? {
                        b',' => self.i += 1,
                        b'}' => {
                            self.i += 1;
                            return Some(Node::Obj(members));
                        }
                        _ => return None,
                    }
                }
            }
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.b.get(self.i) == Some(&b']') {
                    self.i += 1;
                    return Some(Node::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    match self.b.get(self.i)? {
                        b',' => self.i += 1,
                        b']' => {
                            self.i += 1;
                            return Some(Node::Arr(items));
                        }
                        _ => return None,
                    }
                }
            }
            b't' => self.literal("true", Node::Bool(true)),
            b'f' => self.literal("false", Node::Bool(false)),
            b'n' => self.literal("null", Node::Null),
            b'-' | b'0'..=b'9' => {
                let s = self.i;
                while self.b.get(self.i).is_some_and(|c| {
                    c.is_ascii_digit() || matches!(c, b'-' | b'+' | b'.' | b'e' | b'E')
                }) {
                    self.i += 1;
                }
                Some(Node::Num(s, self.i))
            }
            _ => None,
        }
    }

    fn literal(&mut self, word: &str, node: Node<'t>) -> Option<Node<'t>> {
        if self.b.get(self.i..self.i + word.len())? == word.as_bytes() {
            self.i += word.len();
            Some(node)
        } else {
            None
        }
    }
}

/// Parses `text[start..end]` as exactly one JSON value (spans relative to `text`).
fn parse_in(text: &str, start: usize, end: usize) -> Option<Node<'_>> {
    let t = text.get(..end)?;
    let mut p = Parser {
        t,
        b: t.as_bytes(),
        i: start,
    };
    // Skip a byte-order mark.
    if t.get(start..).is_some_and(|r| r.starts_with('\u{feff}')) {
        p.i += '\u{feff}'.len_utf8();
    }
    let v = p.value(0)?;
    p.ws();
    (p.i == end).then_some(v)
}

/// Whether `s` is one JSON value.
pub(crate) fn parses(s: &str) -> bool {
    parse_in(s, 0, s.len()).is_some()
}

/// The decoded text of a string span.
fn decode(text: &str, s: usize, e: usize) -> Option<Cow<'_, str>> {
    let raw = text.get(s..e)?;
    if !raw.contains('\\') {
        return Some(Cow::Borrowed(raw));
    }
    serde_json::from_str::<String>(text.get(s - 1..e + 1)?)
        .ok()
        .map(Cow::Owned)
}

/// A whole JSON document (or, in a stream, one segment of it).
pub fn analyze_document(
    text: &str,
    first: bool,
    sink: &mut Sink,
    learned: &mut Learned,
    ctx: &mut Context,
) {
    match parse_in(text, 0, text.len()) {
        Some(root) => {
            if walk_document(text, &root, sink, learned, ctx, 0) {
                ctx.notice(NOTICE_FLAG_UNKNOWN);
            }
        }
        None => {
            // Not one whole document (a streamed segment, or malformed): read key/value
            // lines, failing closed on message bodies.
            if line_fallback(text, 0, text.len(), sink, learned) {
                ctx.notice(NOTICE_JSON_SPLIT);
            }
            // The start of the input did not parse: it may not be JSON at all (a text log
            // that opens with `[`), so read it as a transcript too.
            if first {
                super::text::analyze(text, 0, sink, learned, ctx);
            }
        }
    }
}

/// JSON Lines: one record per line.
pub fn analyze_lines(text: &str, sink: &mut Sink, learned: &mut Learned, ctx: &mut Context) {
    let mut unknown = false;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.trim_end().len();
        let s = start + (line.len() - line.trim_start().len());
        if s < end {
            match parse_in(text, s, end) {
                Some(root) => {
                    unknown |= walk_document(text, &root, sink, learned, ctx, 0);
                }
                None => {
                    if line_fallback(text, s, end, sink, learned) {
                        ctx.notice("unreadable JSON Lines record: its message bodies were treated as internal");
                    }
                }
            }
        }
        start += line.len();
    }
    if unknown {
        ctx.notice(NOTICE_FLAG_UNKNOWN);
    }
}

/// Keys whose value is the text of a message.
const BODY_KEYS: &[&str] = &[
    "body",
    "bodyhtml",
    "bodytext",
    "commentbody",
    "content",
    "documentbody",
    "hsnotebody",
    "htmlbody",
    "msg",
    "notetext",
    "plainbody",
    "plaintext",
    "renderedbody",
    "richtext",
    "strippedhtml",
    "strippedtext",
    "subject",
    "summary",
    "text",
    "textbody",
    "value",
];

/// Objects whose `name`, `first`, `last` are a person's.
const PERSON_PARENTS: &[&str] = &[
    "admin",
    "agent",
    "assignedto",
    "assignee",
    "author",
    "bcc",
    "cc",
    "commenter",
    "contact",
    "createdby",
    "customer",
    "from",
    "history",
    "lastmodifiedby",
    "owner",
    "person",
    "receiver",
    "recipients",
    "requester",
    "sender",
    "senders",
    "source",
    "submitter",
    "teammate",
    "to",
    "updateauthor",
    "user",
    "visitor",
];

fn get<'n, 't>(members: &'n [(Cow<'t, str>, Node<'t>)], key: &str) -> Option<&'n Node<'t>> {
    members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Vis {
    Public,
    Internal,
    /// A record that should carry a flag but whose flag is missing or unrecognised.
    Unknown,
}

/// Walks one parsed document (`level`: how many JSON strings it is nested in); true when a
/// message flag was missing or unknown.
fn walk_document(
    t: &str,
    root: &Node,
    sink: &mut Sink,
    learned: &mut Learned,
    ctx: &mut Context,
    level: usize,
) -> bool {
    let mut w = Walker {
        t,
        sink,
        learned,
        ctx,
        unknown: false,
        agent_hint: false,
        level,
    };
    w.walk(root, None);
    w.unknown
}

struct Walker<'a, 's, 'p> {
    t: &'a str,
    sink: &'s mut Sink<'p>,
    learned: &'s mut Learned,
    ctx: &'s mut Context,
    unknown: bool,
    /// Inside the author of an internal message: that person is an agent.
    agent_hint: bool,
    /// How many JSON strings this document is nested in (JSON text inside a string value).
    level: usize,
}

impl Walker<'_, '_, '_> {
    fn str_of(&self, n: Option<&Node>) -> Option<Cow<'_, str>> {
        match n? {
            Node::Str(s, e) => decode(self.t, *s, *e),
            _ => None,
        }
    }

    fn lower_of(&self, n: Option<&Node>) -> Option<String> {
        self.str_of(n).map(|s| s.trim().to_ascii_lowercase())
    }

    /// A flag as a boolean: `true`, `"Yes"`, `"true"`, `1`; `None` when unrecognised.
    fn truthy(&self, n: &Node) -> Option<bool> {
        match n {
            Node::Bool(b) => Some(*b),
            Node::Str(..) => match self.lower_of(Some(n))?.as_str() {
                "true" | "yes" | "y" | "1" => Some(true),
                "false" | "no" | "n" | "0" => Some(false),
                _ => None,
            },
            Node::Num(s, e) => match self.t.get(*s..*e)? {
                "1" => Some(true),
                "0" => Some(false),
                _ => None,
            },
            _ => None,
        }
    }

    fn walk(&mut self, node: &Node, key: Option<&str>) {
        match node {
            Node::Obj(members) => self.object(members, key),
            Node::Arr(items) => {
                for it in items {
                    self.walk(it, key);
                }
            }
            _ => {}
        }
    }

    fn classify(&self, m: &[(Cow<str>, Node)]) -> Option<Vis> {
        let has = |k: &str| get(m, k).is_some();
        let has_body = || BODY_KEYS.iter().any(|k| has(k));
        // Intercom: part_type (conversation parts) or message_type (reply API).
        for k in ["parttype", "messagetype"] {
            if let Some(n) = get(m, k) {
                let v = self.lower_of(Some(n)).unwrap_or_default();
                return if v.contains("note") {
                    Some(Vis::Internal)
                } else if INTERCOM_PUBLIC.contains(&v.as_str()) {
                    Some(Vis::Public)
                } else if self.has_text(m) {
                    Some(Vis::Unknown)
                } else {
                    None
                };
            }
        }
        // ServiceNow journal rows.
        if has("element") && has("value") {
            return Some(match self.lower_of(get(m, "element")).as_deref() {
                Some("work_notes") => Vis::Internal,
                Some("comments") => Vis::Public,
                _ => Vis::Unknown,
            });
        }
        // Salesforce CaseComment, EmailMessage; Zoho comments; Jira platform API.
        for k in [
            "ispublished",
            "isexternallyvisible",
            "ispublic",
            "jsdpublic",
        ] {
            if let Some(n) = get(m, k) {
                return Some(match self.truthy(n) {
                    Some(true) => Vis::Public,
                    Some(false) => Vis::Internal,
                    None => Vis::Unknown,
                });
            }
        }
        // Gorgias: the internal-note channel or source type.
        if self.lower_of(get(m, "channel")).as_deref() == Some("internal-note") {
            return Some(Vis::Internal);
        }
        if let Some(Node::Obj(src)) = get(m, "source") {
            if self.lower_of(get(src, "type")).as_deref() == Some("internal-note") {
                return Some(Vis::Internal);
            }
        }
        // Salesforce FeedItem (`AllUsers`/`InternalUsers`), Zoho threads (`public`/`private`).
        if let Some(n) = get(m, "visibility") {
            return Some(match self.lower_of(Some(n)).as_deref() {
                Some("allusers" | "public") => Vis::Public,
                Some("internalusers" | "private" | "internal") => Vis::Internal,
                _ => Vis::Unknown,
            });
        }
        // Jira Service Management: the sd.public.comment property.
        if let Some(Node::Arr(props)) = get(m, "properties") {
            for p in props {
                if let Node::Obj(pm) = p {
                    if self.lower_of(get(pm, "key")).as_deref() == Some("sd.public.comment") {
                        if let Some(Node::Obj(v)) = get(pm, "value") {
                            if let Some(n) = get(v, "internal") {
                                return Some(match self.truthy(n) {
                                    Some(true) => Vis::Internal,
                                    Some(false) => Vis::Public,
                                    None => Vis::Unknown,
                                });
                            }
                        }
                        return Some(Vis::Unknown);
                    }
                }
            }
        }
        // Zendesk, Gorgias, Jira portal: `public`; Freshdesk: `private` (`"Yes"` in v1).
        if let Some(n) = get(m, "public") {
            return Some(match self.truthy(n) {
                Some(true) => Vis::Public,
                Some(false) => Vis::Internal,
                None => Vis::Unknown,
            });
        }
        if let Some(n) = get(m, "private") {
            return Some(match self.truthy(n) {
                Some(true) => Vis::Internal,
                Some(false) => Vis::Public,
                None => Vis::Unknown,
            });
        }
        // Dynamics 365 Omnichannel transcript messages: comma-separated tags.
        if let (Some(Node::Str(..)), true) = (get(m, "tags"), has("content")) {
            let tags = self.lower_of(get(m, "tags")).unwrap_or_default();
            let tags: Vec<&str> = tags.split(',').map(str::trim).collect();
            return Some(if tags.contains(&"private") {
                Vis::Internal
            } else if tags.contains(&"public") || tags.contains(&"system") {
                Vis::Public
            } else {
                Vis::Unknown
            });
        }
        // HubSpot conversation messages.
        if let Some(t) = self.str_of(get(m, "type")) {
            if has("text") || has("richtext") {
                if t == "COMMENT" {
                    return Some(Vis::Internal);
                }
                if t == "MESSAGE" || t == "WELCOME_MESSAGE" {
                    return Some(Vis::Public);
                }
                if t.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
                {
                    return Some(Vis::Unknown);
                }
            }
        }
        // Help Scout threads.
        if has("body") && (has("createdby") || has("assignedto") || has("state") || has("action")) {
            if let Some(t) = self.lower_of(get(m, "type")) {
                return Some(if t == "note" {
                    Vis::Internal
                } else if HELPSCOUT_PUBLIC.contains(&t.as_str()) {
                    Vis::Public
                } else {
                    Vis::Unknown
                });
            }
        }
        // Front: comments (posted_at) are internal; messages carry is_inbound.
        if has("postedat") && has("body") && has("author") && !has("isinbound") {
            return Some(Vis::Internal);
        }
        // Dynamics annotations, HubSpot CRM notes: always internal.
        if has("notetext") || has("annotationid") || has("hsnotebody") {
            return Some(Vis::Internal);
        }
        // Records that should carry a flag and do not: fail closed.
        let author_is_person = matches!(get(m, "author"), Some(Node::Obj(a))
            if get(a, "accountid").is_some() || get(a, "emailaddress").is_some());
        let missing = (has("authorid") && (has("body") || has("htmlbody") || has("plainbody")))
            || (has("bodytext")
                && (has("fromemail") || has("incoming") || has("supportemail") || has("toemails")))
            || has("commentbody")
            || has("textbody")
            || has("htmlbody") && has("fromaddress")
            || (self.sf_type(m).as_deref() == Some("feeditem"))
            || (has("body") && author_is_person)
            || (has("fromemailaddress") && (has("content") || has("summary") || has("plaintext")));
        if missing {
            return Some(Vis::Unknown);
        }
        // Gorgias messages without `public`: the channel decides.
        if (has("bodytext") || has("bodyhtml") || has("strippedtext"))
            && (has("sender") || has("receiver") || has("fromagent"))
        {
            return Some(if has("channel") {
                Vis::Public
            } else {
                Vis::Unknown
            });
        }
        let _ = has_body;
        None
    }

    fn sf_type(&self, m: &[(Cow<str>, Node)]) -> Option<String> {
        match get(m, "attributes") {
            Some(Node::Obj(a)) => self.lower_of(get(a, "type")),
            _ => None,
        }
    }

    fn has_text(&self, m: &[(Cow<str>, Node)]) -> bool {
        BODY_KEYS.iter().any(|k| match get(m, k) {
            Some(Node::Str(s, e)) => e > s,
            Some(Node::Obj(_) | Node::Arr(_)) => true,
            _ => false,
        })
    }

    /// Marks every string in a message body as an internal note.
    fn mark_note(&mut self, n: &Node, rule: &'static str) {
        match n {
            Node::Str(s, e) => {
                let raw = self.t.get(*s..*e).unwrap_or("");
                if !is_placeholder(raw) {
                    self.sink
                        .note(rule, *s, *e, "internal message of a support export");
                }
            }
            Node::Obj(members) => {
                for (k, v) in members {
                    if !matches!(squash(k).as_ref(), "type" | "version") {
                        self.mark_note(v, rule);
                    }
                }
            }
            Node::Arr(items) => {
                for it in items {
                    self.mark_note(it, rule);
                }
            }
            _ => {}
        }
    }

    fn object(&mut self, m: &[(Cow<str>, Node)], key: Option<&str>) {
        let parent = key.map(squash);
        let parent = parent.as_deref().unwrap_or("");
        let vis = self.classify(m);
        match vis {
            Some(Vis::Internal) => self.mark_bodies(m),
            Some(Vis::Unknown) => {
                self.unknown = true;
                self.mark_bodies(m);
            }
            _ => {}
        }
        // Authors of internal notes (and Gorgias `from_agent` senders) are agents.
        let agent_authors = vis == Some(Vis::Internal)
            || get(m, "fromagent").is_some_and(|n| self.truthy(n) == Some(true));
        let mut role = self.role(m, parent);
        if self.agent_hint && role == Role::Unknown {
            role = Role::Agent;
        }
        // `first` + `last` (Help Scout, Front, ...) name one person.
        let full = self.full_name(m);
        if let Some(full) = &full {
            self.learned.add(full, role);
        }
        let person = PERSON_PARENTS.contains(&parent)
            || m.iter().any(|(k, _)| {
                let k = squash(k);
                k == "email" || k == "emailaddress"
            });
        let bodies_marked = matches!(vis, Some(Vis::Internal | Vis::Unknown));
        for (k, v) in m {
            let sk = squash(k);
            let sk = sk.as_ref();
            // ServiceNow's combined journal: work-notes entries go, comments stay.
            if sk == "commentsandworknotes" {
                if let Node::Str(s, e) = v {
                    let journal = decode(self.t, *s, *e)
                        .is_some_and(|d| super::text::starts_with_journal_header(&d));
                    if journal {
                        self.embedded(*s, *e);
                        continue;
                    }
                }
            }
            // Internal free text outside messages.
            let always_internal = (parent == "visitor" && sk == "notes")
                || (parent == "customer" && sk == "note")
                || matches!(
                    sk,
                    "worknotes" | "commentsandworknotes" | "hsnotebody" | "notetext"
                );
            if always_internal {
                self.mark_note(v, "structure.json.internal_field");
                continue;
            }
            if let Node::Str(s, e) = v {
                if sk == "documentbody" {
                    self.document_body(m, *s, *e);
                } else if !bodies_marked && TEXT_KEYS.contains(&sk) {
                    self.embedded(*s, *e);
                }
            }
            if let (Some(full), true) = (&full, NAME_PART_KEYS.contains(&sk)) {
                self.name_value(v, role, Some(full));
                continue;
            }
            self.field(sk, parent, person, role, m, v);
            if matches!(v, Node::Obj(_) | Node::Arr(_)) {
                let saved = self.agent_hint;
                if agent_authors
                    && matches!(
                        sk,
                        "author"
                            | "sender"
                            | "createdby"
                            | "commenter"
                            | "from"
                            | "senders"
                            | "user"
                    )
                {
                    self.agent_hint = true;
                }
                self.walk(v, Some(k));
                self.agent_hint = saved;
            }
        }
    }

    /// A Dynamics 365 `annotation.documentbody`: base64 text was decoded by [`prepare`] and
    /// is read like any text; other files are left as they are (and protected), with a
    /// notice.
    fn document_body(&mut self, m: &[(Cow<str>, Node)], s: usize, e: usize) {
        let mime = self.lower_of(get(m, "mimetype")).unwrap_or_default();
        let raw = self.t.get(s..e).unwrap_or("");
        if is_text_mime(&mime) || (mime.is_empty() && !looks_base64(raw)) {
            self.embedded(s, e);
            return;
        }
        if raw.is_empty() {
            return;
        }
        if self.level == 0 {
            self.ctx.protect(s, e);
        }
        let what = if mime.is_empty() {
            "no mimetype"
        } else {
            mime.as_str()
        };
        let n = format!("attachment body (documentbody, {what}) left as it is, not scrubbed");
        self.ctx.notice(&n);
    }

    /// Text inside a string value, read with the reader its content calls for: a JSON
    /// document (message JSON inside a field), an HTML or plain-text transcript (chat
    /// transcripts, journal text, note markers). Findings are mapped back to the raw string,
    /// escapes included.
    fn embedded(&mut self, s: usize, e: usize) {
        let raw = self.t.get(s..e).unwrap_or("");
        if raw.len() < 3 || is_placeholder(raw) || !may_hold_structure(raw, self.sink.policy) {
            return;
        }
        let Some((dec, map)) = decode_mapped(self.t, s, e) else {
            return;
        };
        let policy = self.sink.policy;
        let notes = self.sink.notes;
        let mut tmp = Vec::new();
        let saved_block = std::mem::take(&mut self.ctx.open_block);
        let saved_protected = std::mem::take(&mut self.ctx.protected);
        {
            let mut sink = Sink {
                out: &mut tmp,
                notes,
                policy,
            };
            let lead = dec.trim_start().as_bytes().first().copied();
            let root = if matches!(lead, Some(b'{' | b'[')) && self.level < MAX_EMBED {
                parse_in(&dec, 0, dec.len())
            } else {
                None
            };
            match root {
                Some(root) if matches!(root, Node::Obj(_) | Node::Arr(_)) => {
                    self.unknown |= walk_document(
                        &dec,
                        &root,
                        &mut sink,
                        self.learned,
                        self.ctx,
                        self.level + 1,
                    );
                }
                _ if looks_html(&dec) => {
                    super::html::analyze_from(&dec, 0, &mut sink, self.learned, self.ctx)
                }
                _ => super::text::analyze(&dec, 0, &mut sink, self.learned, self.ctx),
            }
        }
        self.ctx.open_block = saved_block;
        self.ctx.protected = saved_protected;
        for mut f in tmp {
            let (Some(&fs), Some(&fe)) = (map.get(f.start), map.get(f.end)) else {
                continue;
            };
            f.start = fs;
            f.end = fe;
            if let Some(rule) = nested_number_rule(&f.rule) {
                f.rule = Cow::Borrowed(rule);
            }
            self.sink.out.push(f);
        }
    }

    fn mark_bodies(&mut self, m: &[(Cow<str>, Node)]) {
        for (k, v) in m {
            let sk = squash(k);
            // An attachment's body is read on its own (`document_body`).
            if (BODY_KEYS.contains(&sk.as_ref()) && sk != "documentbody") || sk == "headers" {
                self.mark_note(v, "structure.json.internal_message");
            }
        }
    }

    fn role(&self, m: &[(Cow<str>, Node)], parent: &str) -> Role {
        match parent {
            "customer" | "visitor" | "requester" | "contact" | "submitter" => {
                return Role::Customer
            }
            "assignee" | "assignedto" | "agent" | "admin" | "teammate" | "owner" => {
                return Role::Agent
            }
            _ => {}
        }
        if let Some(nick) = self.lower_of(get(m, "nick")) {
            if nick.starts_with("agent") {
                return Role::Agent;
            }
            if nick.starts_with("visitor") {
                return Role::Customer;
            }
        }
        let t = self
            .lower_of(get(m, "type"))
            .or_else(|| self.lower_of(get(m, "role")))
            .unwrap_or_default();
        match t.as_str() {
            "admin" | "bot" | "team" | "agent" | "operator" => Role::Agent,
            // Help Scout's `createdBy.type: user` is a mailbox user, i.e. an agent.
            "user" if parent == "createdby" => Role::Agent,
            "user" | "lead" | "contact" | "customer" | "visitor" | "end-user" | "end_user"
            | "enduser" => Role::Customer,
            _ => Role::Unknown,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn field(
        &mut self,
        sk: &str,
        parent: &str,
        person: bool,
        role: Role,
        m: &[(Cow<str>, Node)],
        v: &Node,
    ) {
        let email_ish = |s: &str| s.contains('@');
        let (category, label): (Category, Option<&str>) = match sk {
            "email" | "emailaddress" | "fromemail" | "toemails" | "ccemails" | "bccemails"
            | "supportemail" | "commenteremail" | "replyccemails" | "fwdemails" | "fromaddress"
            | "toaddress" | "ccaddress" | "bccaddress" | "fromemailaddress" | "replyto" => {
                (Category::Email, None)
            }
            "to" | "cc" | "bcc" | "handle" | "address" => match v {
                Node::Str(..) => {
                    let s = self.str_of(Some(v)).unwrap_or_default();
                    if email_ish(&s) {
                        (Category::Email, None)
                    } else if sk == "address" && person {
                        (Category::Custom, Some("ADDRESS"))
                    } else {
                        return;
                    }
                }
                Node::Arr(_) => (Category::Email, None),
                _ => return,
            },
            "ipaddress" | "ip" | "clientip" | "remoteip" | "ipaddr" | "lastip"
            | "lastipaddress" | "visitorip" => {
                let s = self.str_of(Some(v)).unwrap_or_default();
                (
                    if s.contains(':') {
                        Category::Ipv6
                    } else {
                        Category::Ipv4
                    },
                    None,
                )
            }
            "latitude" | "longitude" | "lat" | "lng" | "lon" => (Category::Coordinates, None),
            "location" | "city" => {
                // `"location": "40.71280, -74.00600"` is a coordinate pair, not a place name.
                let s = self.str_of(Some(v)).unwrap_or_default();
                if is_coordinate_pair(&s) {
                    (Category::Coordinates, None)
                } else {
                    (Category::Custom, Some("LOCATION"))
                }
            }
            // A user agent (`"client": "Mozilla/5.0 ..."`) names a browser, not a person: it
            // is left as it is, and its versions are not addresses (issue 13).
            "phone" | "phonenumber" | "mobile" | "mobilephone" | "telephone" | "workphone"
            | "homephone" => (Category::Phone, None),
            "authorid" | "createdbyid" | "accountid" | "requesterid" | "submitterid" => {
                (Category::Custom, Some("USER_ID"))
            }
            "id" if parent == "user" => (Category::Custom, Some("USER_ID")),
            "timezone" if parent == "author" => (Category::Custom, Some("TIMEZONE")),
            "headers" => (Category::Custom, Some("EMAIL_HEADERS")),
            "value" => {
                // HubSpot delivery identifiers: {"type": "HS_EMAIL_ADDRESS", "value": ...}.
                let t = self.str_of(get(m, "type")).unwrap_or_default();
                if t.starts_with("HS_EMAIL") {
                    (Category::Email, None)
                } else if t.starts_with("HS_PHONE") {
                    (Category::Phone, None)
                } else {
                    return;
                }
            }
            "displayname" | "customername" | "requestername" | "authorname" | "fullname"
            | "firstname" | "lastname" | "fromname" | "visitorname" | "createdbyname"
            | "syscreatedby" | "sysupdatedby" | "commentername" | "username" => {
                self.name_field(v, role_for(sk, role));
                return;
            }
            "name" | "first" | "last" if person => {
                self.name_field(v, role);
                return;
            }
            _ => return,
        };
        self.mark_field(v, category, label);
        // `Jane Doe <jane@x.com>` in an address field teaches a name.
        if category == Category::Email {
            self.learn_display_names(v);
        }
    }

    fn learn_display_names(&mut self, v: &Node) {
        match v {
            Node::Str(..) => {
                if let Some(s) = self.str_of(Some(v)) {
                    let names: Vec<String> = super::addresses::display_names(&s)
                        .into_iter()
                        .map(str::to_string)
                        .collect();
                    for n in names {
                        self.learned.add(&n, Role::Unknown);
                    }
                }
            }
            Node::Arr(items) => {
                for it in items {
                    self.learn_display_names(it);
                }
            }
            _ => {}
        }
    }

    fn mark_field(&mut self, v: &Node, category: Category, label: Option<&str>) {
        match v {
            Node::Str(s, e) => {
                let raw = self.t.get(*s..*e).unwrap_or("");
                if !is_placeholder(raw) {
                    self.sink
                        .field(category, label, "structure.json.field", *s, *e);
                }
            }
            Node::Num(s, e) => {
                self.sink
                    .field(category, label, super::RULE_JSON_NUMBER, *s, *e);
            }
            Node::Arr(items) => {
                for it in items {
                    self.mark_field(it, category, label);
                }
            }
            _ => {}
        }
    }

    fn full_name(&self, m: &[(Cow<str>, Node)]) -> Option<String> {
        let part = |keys: &[&str]| {
            keys.iter()
                .find_map(|k| self.str_of(get(m, k)))
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty() && !is_placeholder(s))
        };
        let first = part(&["first", "firstname"])?;
        let last = part(&["last", "lastname"])?;
        Some(format!("{first} {last}"))
    }

    fn name_field(&mut self, v: &Node, role: Role) {
        self.name_value(v, role, None);
    }

    /// A name field's value; `full` is the whole name when the field holds one part.
    fn name_value(&mut self, v: &Node, role: Role, full: Option<&str>) {
        match v {
            Node::Str(s, e) => {
                let raw = self.t.get(*s..*e).unwrap_or("");
                if is_placeholder(raw) {
                    return;
                }
                let value = decode(self.t, *s, *e).unwrap_or(Cow::Borrowed(raw));
                let clean = super::names::clean(&value);
                if clean.is_none() && super::names::is_generic(&value) {
                    return;
                }
                let mut f = crate::detect::Finding::new(
                    Category::Name,
                    "structure.json.name_field",
                    *s,
                    *e,
                    "name field of a support export",
                );
                f.label = Some(role_label(role).to_string());
                let own = clean.clone().unwrap_or_else(|| value.trim().to_string());
                f.key = Some(full.and_then(super::names::clean).unwrap_or(own));
                self.sink.out.push(f);
                if clean.is_some() && full.is_none() {
                    self.learned.add(&value, role);
                }
            }
            Node::Arr(items) => {
                for it in items {
                    self.name_value(it, role, full);
                }
            }
            _ => {}
        }
    }
}

fn role_for(key: &str, role: Role) -> Role {
    match key {
        "customername" | "requestername" | "visitorname" => Role::Customer,
        "syscreatedby" | "sysupdatedby" => Role::Agent,
        _ => role,
    }
}

fn role_label(role: Role) -> &'static str {
    match role {
        Role::Unknown => "NAME",
        Role::Customer => "CUSTOMER",
        Role::Agent => "AGENT",
    }
}

/// Keys that hold one part of a person's name.
const NAME_PART_KEYS: &[&str] = &["first", "last", "firstname", "lastname"];

/// Intercom part types that are customer-visible or carry no text of their own.
const INTERCOM_PUBLIC: &[&str] = &[
    "comment",
    "assignment",
    "open",
    "close",
    "snoozed",
    "unsnoozed",
    "away_mode_assignment",
    "participant_added",
    "participant_removed",
    "conversation_rating_changed",
    "conversation_rating_remark_added",
    "default_assignment",
    "timer_unsnooze",
    "language_detection_details",
    "assign_and_reopen",
    "assign_and_unsnooze",
    "operator_initiated",
    "custom_action_started",
    "custom_action_finished",
    "title_changed",
    "attribute_collected",
    "quick_reply",
    "ticket_state_updated",
];

/// Help Scout thread types other than `note`.
const HELPSCOUT_PUBLIC: &[&str] = &[
    "customer",
    "message",
    "reply",
    "lineitem",
    "chat",
    "phone",
    "forwardparent",
    "forwardchild",
];

/// Longest value [`repeat_values`] looks for again, and how many values it takes.
const REPEAT_MAX_LEN: usize = 4096;
const REPEAT_MAX_VALUES: usize = 10_000;

/// A value replaced by its key (a `location`, a user agent) or removed as an internal note
/// is also replaced where the same whole string value stands elsewhere in the document
/// (under a key we do not know, or a copy of the note): detectors would not see it there,
/// and the leak check would rightly find it.
pub fn repeat_values(text: &str, out: &mut Vec<crate::detect::Finding>, from: usize) {
    let b = text.as_bytes();
    let mut seen = std::collections::HashSet::new();
    let mut values: Vec<(String, usize)> = Vec::new();
    for (i, f) in out.iter().enumerate().skip(from) {
        if values.len() >= REPEAT_MAX_VALUES {
            break;
        }
        let whole_string =
            f.start > 0 && b.get(f.start - 1) == Some(&b'"') && b.get(f.end) == Some(&b'"');
        let len = f.end - f.start;
        if !whole_string
            || !(4..=REPEAT_MAX_LEN).contains(&len)
            || !matches!(f.category, Category::Custom | Category::InternalNote)
            || f.rule == super::RULE_NOTE_CONTINUED
        {
            continue;
        }
        let Some(v) = text.get(f.start..f.end) else {
            continue;
        };
        if seen.insert(v) {
            values.push((format!("\"{v}\""), i));
        }
    }
    if values.is_empty() {
        return;
    }
    let Ok(ac) = aho_corasick::AhoCorasick::new(values.iter().map(|(p, _)| p.as_str())) else {
        return;
    };
    let mut extra = Vec::new();
    for m in ac.find_overlapping_iter(text) {
        let Some((_, i)) = values.get(m.pattern().as_usize()) else {
            continue;
        };
        let (s, e) = (m.start() + 1, m.end() - 1);
        if let Some(f) = out.get(*i) {
            if f.start != s {
                let mut g = f.clone();
                g.start = s;
                g.end = e;
                g.rule = Cow::Borrowed("structure.json.same_value");
                extra.push(g);
            }
        }
    }
    out.extend(extra);
}

/// JSON nested in JSON strings deeper than this is not read as JSON.
const MAX_EMBED: usize = super::RULE_JSON_NUMBER_NESTED.len();

/// Keys whose string value may hold a transcript or JSON text, read by `Walker::embedded`.
const TEXT_KEYS: &[&str] = &[
    "body",
    "bodyhtml",
    "bodytext",
    "comments",
    "content",
    "description",
    "htmlbody",
    "message",
    "msg",
    "plainbody",
    "plaintext",
    "renderedbody",
    "richtext",
    "strippedhtml",
    "strippedtext",
    "text",
    "textbody",
    "transcript",
    "value",
];

/// The rule a number finding takes one JSON string deeper (its quotes are escaped once
/// more); `None` for other rules.
fn nested_number_rule(rule: &str) -> Option<&'static str> {
    if rule == super::RULE_JSON_NUMBER {
        return super::RULE_JSON_NUMBER_NESTED.first().copied();
    }
    let i = super::RULE_JSON_NUMBER_NESTED
        .iter()
        .position(|r| *r == rule)?;
    // Deeper than the last level is never walked (MAX_EMBED).
    super::RULE_JSON_NUMBER_NESTED
        .get(i + 1)
        .or(super::RULE_JSON_NUMBER_NESTED.last())
        .copied()
}

/// Whether a raw string value can hold anything `Walker::embedded` finds: several lines,
/// markup, JSON text, or a single line that opens with a note marker or a stamp. Most
/// message bodies of an export are one plain line, and are skipped cheaply.
fn may_hold_structure(raw: &str, policy: &crate::policy::Policy) -> bool {
    let b = raw.as_bytes();
    if memchr::memchr2(b'\n', b'<', b).is_some() || memchr::memmem::find(b, b"\\n").is_some() {
        return true;
    }
    let lead = raw.trim_start();
    match lead.as_bytes().first() {
        Some(b'{' | b'[' | b'(') => true,
        // A note marker (`Internal note:`, `Private note:`, `Note to self:`, custom ones):
        // any label at the start of the line.
        _ => {
            lead.bytes().take(48).any(|c| c == b':')
                || policy.note_markers.iter().any(|m| {
                    let m = m.trim().as_bytes();
                    !m.is_empty()
                        && lead
                            .as_bytes()
                            .get(..m.len())
                            .is_some_and(|p| p.eq_ignore_ascii_case(m))
                })
        }
    }
}

fn is_text_mime(mime: &str) -> bool {
    let m = mime.split(';').next().unwrap_or("").trim();
    m.starts_with("text/") || m.ends_with("json") || m.ends_with("xml") || m == "message/rfc822"
}

/// A run of base64 characters long enough to be a file.
fn looks_base64(s: &str) -> bool {
    s.len() >= 16
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'\\'))
}

fn looks_html(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(b'<', b).take(64).any(|i| {
        let next = b.get(i + 1..i + 4).unwrap_or(&[]).to_ascii_lowercase();
        next.starts_with(b"br")
            || next.starts_with(b"p>")
            || next.starts_with(b"p ")
            || next.starts_with(b"/")
            || next.starts_with(b"div")
    })
}

/// The decoded text of a string span and, for each byte of it (and its end), the offset in
/// `text` of the character or escape it came from. `None` on a lone surrogate.
fn decode_mapped(text: &str, s: usize, e: usize) -> Option<(String, Vec<usize>)> {
    let raw = text.get(s..e)?;
    let mut out = String::with_capacity(raw.len());
    let mut map = Vec::with_capacity(raw.len() + 1);
    let b = raw.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let at = s + i;
        let c = if b.get(i) == Some(&b'\\') {
            let esc = *b.get(i + 1)?;
            i += 2;
            match esc {
                b'n' => '\n',
                b't' => '\t',
                b'r' => '\r',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'u' => {
                    let hex4 = |j: usize| {
                        raw.get(j..j + 4)
                            .and_then(|h| u32::from_str_radix(h, 16).ok())
                    };
                    let hi = hex4(i)?;
                    i += 4;
                    if (0xd800..0xdc00).contains(&hi) {
                        if raw.get(i..i + 2) != Some("\\u") {
                            return None;
                        }
                        let lo = hex4(i + 2)?;
                        if !(0xdc00..0xe000).contains(&lo) {
                            return None;
                        }
                        i += 6;
                        char::from_u32(0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00))?
                    } else {
                        char::from_u32(hi)?
                    }
                }
                other => other as char,
            }
        } else {
            let c = raw.get(i..)?.chars().next()?;
            i += c.len_utf8();
            c
        };
        for _ in 0..c.len_utf8() {
            map.push(at);
        }
        out.push(c);
    }
    map.push(e);
    Some((out, map))
}

/// Which string values [`prepare`] decoded from base64: their ordinals among the scalar
/// values of the document, in document order (the output keeps the shape, so they are
/// found again there).
#[derive(Debug, Default)]
pub struct Encoded(Vec<usize>);

/// An object's members.
type Members<'n, 't> = &'n [(Cow<'t, str>, Node<'t>)];

/// A scalar value with the object holding it and its key.
type Scalar<'n, 't> = (&'n Node<'t>, Option<Members<'n, 't>>, Option<&'n str>);

/// Scalar values (strings and numbers) in document order, with the object holding each.
fn scalars<'n, 't>(
    node: &'n Node<'t>,
    holder: Option<Members<'n, 't>>,
    key: Option<&'n str>,
    out: &mut Vec<Scalar<'n, 't>>,
) {
    match node {
        Node::Str(..) | Node::Num(..) => out.push((node, holder, key)),
        Node::Obj(m) => {
            for (k, v) in m {
                scalars(v, Some(m), Some(k), out);
            }
        }
        Node::Arr(items) => {
            for it in items {
                scalars(it, holder, key, out);
            }
        }
        _ => {}
    }
}

/// Decodes base64 text attachments (`documentbody` whose `mimetype` is text or JSON) so
/// their content is scrubbed; [`restore`] encodes them again.
pub fn prepare(text: &str, ctx: &mut Context) -> Option<(String, Encoded)> {
    if !text.contains("documentbody") && !text.contains("documentBody") {
        return None;
    }
    let root = parse_in(text, 0, text.len())?;
    let mut all = Vec::new();
    scalars(&root, None, None, &mut all);
    let mut out = String::with_capacity(text.len() * 4 / 3);
    let mut last = 0;
    let mut encoded = Vec::new();
    for (ordinal, (node, holder, key)) in all.iter().enumerate() {
        let (Node::Str(s, e), Some(m), Some(k)) = (node, holder, key) else {
            continue;
        };
        if squash(k) != "documentbody" {
            continue;
        }
        let mime = match get(m, "mimetype") {
            Some(Node::Str(ms, me)) => decode(text, *ms, *me)
                .map(|v| v.trim().to_ascii_lowercase())
                .unwrap_or_default(),
            _ => String::new(),
        };
        if !(mime.is_empty() || is_text_mime(&mime)) {
            continue;
        }
        let Some(b64) = decode(text, *s, *e) else {
            continue;
        };
        if b64.trim().is_empty() {
            continue;
        }
        let decoded = crate::codec::base64_decode(&b64)
            .and_then(|b| String::from_utf8(b).ok())
            .filter(|t| !t.contains('\0'));
        let Some(decoded) = decoded else {
            if !mime.is_empty() {
                ctx.notice(&format!(
                    "attachment body (documentbody, {mime}) is not base64 UTF-8 text: left as \
                     it is, not scrubbed"
                ));
            }
            continue;
        };
        let escaped = serde_json::to_string(&decoded).ok()?;
        out.push_str(text.get(last..*s)?);
        out.push_str(escaped.get(1..escaped.len() - 1)?);
        last = *e;
        encoded.push(ordinal);
    }
    if encoded.is_empty() {
        return None;
    }
    out.push_str(text.get(last..)?);
    ctx.notice("base64 text attachments (documentbody) were decoded, scrubbed and encoded again; finding positions refer to the decoded document");
    Some((out, Encoded(encoded)))
}

/// Encodes the values [`prepare`] decoded back to base64. An output that no longer parses
/// (it always should) is returned as it is: scrubbed, only not encoded.
pub fn restore(out: &str, enc: &Encoded) -> String {
    let Some(root) = parse_in(out, 0, out.len()) else {
        return out.to_string();
    };
    let mut all = Vec::new();
    scalars(&root, None, None, &mut all);
    let mut res = String::with_capacity(out.len() * 4 / 3);
    let mut last = 0;
    for &i in &enc.0 {
        let Some((Node::Str(s, e), _, _)) = all.get(i) else {
            continue;
        };
        let Some(text) = decode(out, *s, *e) else {
            continue;
        };
        res.push_str(out.get(last..*s).unwrap_or(""));
        res.push_str(&crate::codec::base64_encode(text.as_bytes(), 0, ""));
        last = *e;
    }
    res.push_str(out.get(last..).unwrap_or(""));
    res
}

/// Reads `"key": value` pairs line by line when the text is not one whole JSON value.
/// Message bodies are treated as internal (their record's flag cannot be read). Returns
/// whether a body was found.
fn line_fallback(
    text: &str,
    start: usize,
    end: usize,
    sink: &mut Sink,
    learned: &mut Learned,
) -> bool {
    let mut any_body = false;
    let Some(region) = text.get(start..end) else {
        return false;
    };
    let mut off = start;
    for line in region.split_inclusive('\n') {
        let mut p = Parser {
            t: text,
            b: text.as_bytes(),
            i: off,
        };
        let line_end = off + line.len();
        // Every `"key": value` pair on the line.
        while p.i < line_end {
            let Some(q) = memchr::memchr(b'"', p.b.get(p.i..line_end).unwrap_or(&[])) else {
                break;
            };
            p.i += q;
            let Some((ks, ke)) = p.string() else { break };
            p.ws();
            if p.b.get(p.i) != Some(&b':') {
                continue;
            }
            p.i += 1;
            p.ws();
            let key = decode(text, ks, ke).unwrap_or_default();
            let sk = squash(&key);
            let (vs, ve, num) = match p.b.get(p.i) {
                Some(b'"') => match p.string() {
                    Some((s, e)) if e <= line_end => (s, e, false),
                    _ => break,
                },
                Some(b'-' | b'0'..=b'9') => match p.value(0) {
                    Some(Node::Num(s, e)) => (s, e, true),
                    _ => break,
                },
                _ => continue,
            };
            let raw = text.get(vs..ve).unwrap_or("");
            if is_placeholder(raw) {
                continue;
            }
            let sk = sk.as_ref();
            if BODY_KEYS.contains(&sk)
                || matches!(sk, "worknotes" | "commentsandworknotes" | "notes" | "note")
            {
                if !num {
                    sink.note(
                        "structure.json.body_unverified",
                        vs,
                        ve,
                        "message body whose flag could not be read",
                    );
                    any_body = true;
                }
                continue;
            }
            let (cat, label): (Category, Option<&str>) = match sk {
                "email" | "emailaddress" | "fromemail" | "supportemail" | "fromaddress"
                | "toaddress" | "fromemailaddress" | "handle" | "address" => {
                    (Category::Email, None)
                }
                "ipaddress" | "ip" | "clientip" | "remoteip" => (
                    if raw.contains(':') {
                        Category::Ipv6
                    } else {
                        Category::Ipv4
                    },
                    None,
                ),
                "latitude" | "longitude" | "lat" | "lng" | "lon" => (Category::Coordinates, None),
                "location" | "city" => (Category::Custom, Some("LOCATION")),
                "phone" | "phonenumber" | "mobile" => (Category::Phone, None),
                "name" | "displayname" | "customername" | "firstname" | "lastname" | "fullname"
                | "syscreatedby" => (Category::Name, None),
                _ => continue,
            };
            if cat == Category::Name {
                // `"Name": "00000121"` is a record number (Salesforce), not a person.
                if num || !raw.chars().any(char::is_alphabetic) {
                    continue;
                }
                if let Some(v) = decode(text, vs, ve) {
                    learned.add(&v, Role::Unknown);
                }
            }
            let rule = if num {
                super::RULE_JSON_NUMBER
            } else {
                "structure.json.field"
            };
            sink.field(cat, label, rule, vs, ve);
        }
        off = line_end;
    }
    any_body
}

/// `lat, lon` as two decimal numbers in range (`40.71280, -74.00600`).
fn is_coordinate_pair(s: &str) -> bool {
    let mut parts = s.split(',').map(str::trim);
    let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let decimal = |x: &str| x.contains('.') && x.parse::<f64>().is_ok();
    match (a.parse::<f64>(), b.parse::<f64>()) {
        (Ok(lat), Ok(lon)) => decimal(a) && decimal(b) && lat.abs() <= 90.0 && lon.abs() <= 180.0,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Policy;

    fn run(text: &str) -> (Vec<(String, Category, String)>, Vec<String>) {
        super::super::analyzed(text, &Policy::default())
    }

    #[test]
    fn parses_with_spans() {
        let t = r#" {"a": [1, -2.5e3, "x\"y", true, null, {}], "b\u0041": {"c": []}} "#;
        let n = parse_in(t, 0, t.len()).unwrap();
        let Node::Obj(m) = n else { panic!() };
        assert_eq!(m[1].0, "ba");
        let Node::Arr(items) = &m[0].1 else { panic!() };
        let Node::Str(s, e) = items[2] else { panic!() };
        assert_eq!(&t[s..e], r#"x\"y"#);
        assert!(!parses("{\"a\": }"));
        assert!(!parses("{\"a\": 1} x"));
        assert!(!parses(&"[".repeat(500)));
    }

    #[test]
    fn zendesk_public_flag_and_fields() {
        let t = r#"{"comments":[
 {"id":1,"type":"Comment","author_id":123,"body":"Hi, I cannot log in","public":true,
  "metadata":{"system":{"client":"Mozilla/5.0","ip_address":"203.0.113.7","location":"Lyon, France","latitude":45.75,"longitude":4.85}}},
 {"id":2,"type":"Comment","author_id":456,"body":"VIP, refund approved","public":false}
]}"#;
        let (f, notices) = run(t);
        assert!(f.contains(&(
            "VIP, refund approved".into(),
            Category::InternalNote,
            "INTERNAL_NOTE".into()
        )));
        assert!(!f.iter().any(|x| x.0.contains("cannot log in")));
        assert!(f.contains(&("203.0.113.7".into(), Category::Ipv4, "IPV4".into())));
        assert!(f.contains(&("Lyon, France".into(), Category::Custom, "LOCATION".into())));
        assert!(is_coordinate_pair("40.71280, -74.00600"));
        assert!(!is_coordinate_pair("Lyon, France"));
        assert!(!is_coordinate_pair("91.5, 2.1") && !is_coordinate_pair("40, 74"));
        assert!(f.contains(&("45.75".into(), Category::Coordinates, "COORDINATES".into())));
        assert!(!f.iter().any(|x| x.0.contains("Mozilla")));
        assert!(f.contains(&("123".into(), Category::Custom, "USER_ID".into())));
        assert!(notices.is_empty());
    }

    #[test]
    fn missing_and_odd_flags_fail_closed() {
        let t = r#"[{"author_id":1,"body":"secret plan"},{"private":"Yes","body_text":"legacy note","from_email":"a@b.co"},{"private":"maybe","body":"odd"},{"private":"No","body":"public text"}]"#;
        let (f, notices) = run(t);
        let notes: Vec<&str> = f
            .iter()
            .filter(|x| x.1 == Category::InternalNote)
            .map(|x| x.0.as_str())
            .collect();
        assert_eq!(notes, vec!["secret plan", "legacy note", "odd"]);
        assert_eq!(notices, vec![NOTICE_FLAG_UNKNOWN.to_string()]);
    }

    #[test]
    fn names_from_fields_teach_free_text() {
        let t = r#"{"conversation_parts":{"conversation_parts":[
 {"part_type":"comment","body":"<p>Thanks Priya, fixed</p>","author":{"type":"admin","name":"Tomasz Nowak","email":"tomasz@acme.io"}},
 {"part_type":"note","body":"<p>Priya is angry</p>","author":{"type":"user","name":"Priya Raman","email":"priya@example.org"}}]}}"#;
        let (f, _) = run(t);
        assert!(f.contains(&("Priya".into(), Category::Name, "CUSTOMER".into())));
        assert!(f.contains(&("Tomasz Nowak".into(), Category::Name, "AGENT".into())));
        assert!(f.contains(&(
            "<p>Priya is angry</p>".into(),
            Category::InternalNote,
            "INTERNAL_NOTE".into()
        )));
        assert!(f.contains(&("tomasz@acme.io".into(), Category::Email, "EMAIL".into())));
    }

    #[test]
    fn placeholders_are_left_alone() {
        let t = r#"{"public":false,"body":"[INTERNAL_NOTE_REMOVED]","ip_address":"[IPV4-1]","latitude":"[COORDINATES-1]","author":{"name":"[AGENT-1]"}}"#;
        let (f, _) = run(t);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn split_document_fails_closed() {
        let t = "  \"body\": \"a public reply maybe\",\n  \"ip_address\": \"10.1.2.3\",\n  \"latitude\": 1.5,\n";
        let (f, notices) = run(&format!("{{\n{t}"));
        assert!(f.iter().any(|x| x.1 == Category::InternalNote));
        assert!(f.iter().any(|x| x.0 == "10.1.2.3"));
        assert!(f.iter().any(|x| x.0 == "1.5"));
        assert_eq!(notices, vec![NOTICE_JSON_SPLIT.to_string()]);
    }

    #[test]
    fn regression_issue_5_record_numbers_are_not_names_in_split_json() {
        // Found by fuzzing: an unparseable document read line by line took a Salesforce
        // record `Name` (a number) for a person, and left its other occurrences.
        let t = "{\"Name\": \"00000121\",\n\"Body\": \"x\"00000121\"\n";
        let engine = crate::Engine::new(Policy::default()).unwrap();
        let out = engine.sanitize(t);
        assert_eq!(out.report.residual, 0, "{}", out.text);
        assert!(out.text.contains("\"Name\": \"00000121\""));
        let (f, _) = run("{\"name\": \"Jane Roe\",\n");
        assert!(f.iter().any(|x| x.1 == Category::Name));
    }

    #[test]
    fn regression_issue_5_field_values_repeat_under_unknown_keys() {
        // Found by fuzzing: the same location (or note text) under a key we do not know,
        // in a document read line by line or whole.
        for t in [
            r#"{"location": "Oslo, Norway", "loc_copy": "Oslo, Norway", "city_name": "Oslo"}"#,
            "{\"location\": \"Oslo, Norway\",\n\"x\" \"Oslo, Norway\"\n",
        ] {
            let engine = crate::Engine::new(Policy::default()).unwrap();
            let out = engine.sanitize(t);
            assert_eq!(out.report.residual, 0, "{}", out.text);
            assert!(!out.text.contains("Oslo, Norway"), "{}", out.text);
            assert_eq!(out.text.matches("[LOCATION-1]").count(), 2, "{}", out.text);
        }
        let t = r#"[{"public": false, "body": "VIP, refund approved"}, {"preview": "VIP, refund approved"}]"#;
        let (f, _) = run(t);
        let notes = f.iter().filter(|x| x.1 == Category::InternalNote).count();
        assert_eq!(notes, 2);
    }

    #[test]
    fn decodes_strings_with_a_map_back_to_raw() {
        let t = r#""a\n\"\u00e9\ud83d\ude00b""#;
        let (dec, map) = decode_mapped(t, 1, t.len() - 1).unwrap();
        assert_eq!(dec, "a\n\"é😀b");
        assert_eq!(map.len(), dec.len() + 1);
        // Each decoded character maps to the start of its escape.
        assert_eq!(&t[map[2]..map[3]], r#"\""#);
        assert_eq!(&t[map[3]..map[5]], r"\u00e9");
        assert_eq!(&t[map[5]..map[9]], r"\ud83d\ude00");
        assert_eq!(map[dec.len()], t.len() - 1);
        assert!(decode_mapped(r#""\ud83d x""#, 1, 9).is_none());
    }

    #[test]
    fn regression_issue_5_transcripts_inside_json_strings() {
        // A chat transcript in a public comment: speakers learned and replaced, a note
        // marker line removed, spans inside the raw string (escapes included).
        let t = r#"{"comments":[{"public":true,"author_id":1,"body":"(08:59:24 PM) Ren\u00e9e Dubois: hi \"there\"\n(09:00:02 PM) Omar Haddad: Hi Ren\u00e9e\nInternal note: VIP, do not refund\n\n(09:01:00 PM) Ren\u00e9e Dubois: ok"}]}"#;
        let (f, _) = run(t);
        let notes: Vec<&str> = f
            .iter()
            .filter(|x| x.1 == Category::InternalNote)
            .map(|x| x.0.as_str())
            .collect();
        assert_eq!(notes, vec!["Internal note: VIP, do not refund"]);
        let names: Vec<&str> = f
            .iter()
            .filter(|x| x.1 == Category::Name)
            .map(|x| x.0.as_str())
            .collect();
        assert!(names.contains(&r"Ren\u00e9e Dubois"), "{names:?}");
        assert!(names.contains(&r"Ren\u00e9e"), "{names:?}");
        assert!(names.contains(&"Omar Haddad"), "{names:?}");
    }

    #[test]
    fn regression_issue_5_servicenow_journal_string_keeps_comments() {
        let t = r#"{"comments_and_work_notes":"2024-01-15 09:31:02 - Jean Dupont (Work notes)\nVIP caller\n\n2024-01-15 09:25:47 - Jean Dupont (Additional comments)\nWe unlocked your account.\n","work_notes":"anything"}"#;
        let (f, _) = run(t);
        let notes: Vec<&str> = f
            .iter()
            .filter(|x| x.1 == Category::InternalNote)
            .map(|x| x.0.as_str())
            .collect();
        assert_eq!(notes, vec!["VIP caller", "anything"]);
        // Without journal headers the field stays internal as a whole.
        let (f, _) = run(r#"{"comments_and_work_notes":"free text about the caller"}"#);
        assert!(f.iter().any(|x| x.1 == Category::InternalNote));
    }

    #[test]
    fn regression_issue_5_json_inside_a_string_is_walked() {
        // Dynamics transcript messages as JSON text in a string field: private messages
        // go, a number field's replacement is quoted with escaped quotes.
        let inner = r#"[{"content":"secret plan","tags":"private"},{"content":"hello","tags":"public","latitude":45.5}]"#;
        let t = serde_json::json!({ "Content": inner }).to_string();
        let (f, _) = run(&t);
        assert!(f.contains(&(
            "secret plan".into(),
            Category::InternalNote,
            "INTERNAL_NOTE".into()
        )));
        assert!(!f.iter().any(|x| x.0.contains("hello")));
        let engine = crate::Engine::new(Policy::default()).unwrap();
        let out = engine.sanitize(&t);
        let v: serde_json::Value = serde_json::from_str(&out.text).unwrap();
        let inner_out: serde_json::Value =
            serde_json::from_str(v["Content"].as_str().unwrap()).unwrap();
        assert_eq!(inner_out[1]["latitude"], "[COORDINATES-1]");
        assert_eq!(inner_out[0]["content"], "[INTERNAL_NOTE_REMOVED]");
        assert_eq!(out.report.residual, 0);
    }

    #[test]
    fn regression_issue_5_documentbody_text_is_decoded_and_encoded_again() {
        use crate::codec::{base64_decode, base64_encode};
        let log = "user jane.roe@example.org from 203.0.113.9\nInternal: check firmware\n";
        let t = serde_json::json!({"annotations": [
            {"annotationid": "1", "mimetype": "text/plain", "documentbody": base64_encode(log.as_bytes(), 0, "")},
            {"annotationid": "2", "mimetype": "image/png", "documentbody": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB"}
        ]})
        .to_string();
        let engine = crate::Engine::new(Policy::default()).unwrap();
        let out = engine.sanitize(&t);
        assert_eq!(out.report.residual, 0);
        let v: serde_json::Value = serde_json::from_str(&out.text).unwrap();
        let body = v["annotations"][0]["documentbody"].as_str().unwrap();
        let body = String::from_utf8(base64_decode(body).unwrap()).unwrap();
        assert_eq!(
            body,
            "user [EMAIL-1] from [IPV4-1]\n[INTERNAL_NOTE_REMOVED]\n"
        );
        assert_eq!(
            v["annotations"][1]["documentbody"],
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB"
        );
        assert!(out
            .report
            .notices
            .iter()
            .any(|n| n.contains("documentbody, image/png")));
        // Not valid base64 text: left as it is, with a notice.
        let mut ctx = Context::default();
        assert!(prepare(
            r#"{"documentbody":"*not base64*","mimetype":"text/plain"}"#,
            &mut ctx
        )
        .is_none());
        assert_eq!(ctx.take_notices().len(), 1);
    }
}
