//! The walk over a parsed document: objects, message bodies, and the keys that hold them.

use super::keys::{
    is_text_mime, looks_base64, BODY_KEYS, NAME_PART_KEYS, PERSON_PARENTS, TEXT_KEYS,
};
use super::parse::get;
use super::parse::{decode, Node};
use crate::structure::names::{Learned, Role};
use crate::structure::{is_placeholder, squash, Context, Sink};
use std::borrow::Cow;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Vis {
    Public,
    Internal,
    /// A record that should carry a flag but whose flag is missing or unrecognised.
    Unknown,
}

/// Walks one parsed document (`level`: how many JSON strings it is nested in); true when a
/// message flag was missing or unknown.
pub(super) fn walk_document(
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

pub(super) struct Walker<'a, 's, 'p> {
    pub(super) t: &'a str,
    pub(super) sink: &'s mut Sink<'p>,
    pub(super) learned: &'s mut Learned,
    pub(super) ctx: &'s mut Context,
    pub(super) unknown: bool,
    /// Inside the author of an internal message: that person is an agent.
    pub(super) agent_hint: bool,
    /// How many JSON strings this document is nested in (JSON text inside a string value).
    pub(super) level: usize,
}

impl Walker<'_, '_, '_> {
    pub(super) fn str_of(&self, n: Option<&Node>) -> Option<Cow<'_, str>> {
        match n? {
            Node::Str(s, e) => decode(self.t, *s, *e),
            _ => None,
        }
    }

    pub(super) fn lower_of(&self, n: Option<&Node>) -> Option<String> {
        self.str_of(n).map(|s| s.trim().to_ascii_lowercase())
    }

    /// A flag as a boolean: `true`, `"Yes"`, `"true"`, `1`; `None` when unrecognised.
    pub(super) fn truthy(&self, n: &Node) -> Option<bool> {
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

    pub(super) fn walk(&mut self, node: &Node, key: Option<&str>) {
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
    /// Marks every string in a message body as an internal note.
    pub(super) fn mark_note(&mut self, n: &Node, rule: &'static str) {
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
    pub(super) fn object(&mut self, m: &[(Cow<str>, Node)], key: Option<&str>) {
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
                        .is_some_and(|d| crate::structure::text::starts_with_journal_header(&d));
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
    pub(super) fn document_body(&mut self, m: &[(Cow<str>, Node)], s: usize, e: usize) {
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
    pub(super) fn mark_bodies(&mut self, m: &[(Cow<str>, Node)]) {
        for (k, v) in m {
            let sk = squash(k);
            // An attachment's body is read on its own (`document_body`).
            if (BODY_KEYS.contains(&sk.as_ref()) && sk != "documentbody") || sk == "headers" {
                self.mark_note(v, "structure.json.internal_message");
            }
        }
    }
}
