//! Which messages are internal: each platform's flag (see `formats/INTERNAL-NOTES.md`).

use super::keys::{BODY_KEYS, HELPSCOUT_PUBLIC, INTERCOM_PUBLIC};
use super::parse::{get, Node};
use super::walk::{Vis, Walker};
use std::borrow::Cow;

impl Walker<'_, '_, '_> {
    pub(super) fn classify(&self, m: &[(Cow<str>, Node)]) -> Option<Vis> {
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

    pub(super) fn sf_type(&self, m: &[(Cow<str>, Node)]) -> Option<String> {
        match get(m, "attributes") {
            Some(Node::Obj(a)) => self.lower_of(get(a, "type")),
            _ => None,
        }
    }

    pub(super) fn has_text(&self, m: &[(Cow<str>, Node)]) -> bool {
        BODY_KEYS.iter().any(|k| match get(m, k) {
            Some(Node::Str(s, e)) => e > s,
            Some(Node::Obj(_) | Node::Arr(_)) => true,
            _ => false,
        })
    }
}
