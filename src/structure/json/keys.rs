//! The keys the walker knows (message bodies, people, text parts, platforms' public flags)
//! and the shapes of the values under them.

/// Keys whose value is the text of a message.
pub(super) const BODY_KEYS: &[&str] = &[
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
pub(super) const PERSON_PARENTS: &[&str] = &[
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

/// Keys that hold one part of a person's name.
pub(super) const NAME_PART_KEYS: &[&str] = &["first", "last", "firstname", "lastname"];

/// Keys whose string value may hold a transcript or JSON text, read by `Walker::embedded`.
pub(super) const TEXT_KEYS: &[&str] = &[
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

/// Intercom part types that are customer-visible or carry no text of their own.
pub(super) const INTERCOM_PUBLIC: &[&str] = &[
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
pub(super) const HELPSCOUT_PUBLIC: &[&str] = &[
    "customer",
    "message",
    "reply",
    "lineitem",
    "chat",
    "phone",
    "forwardparent",
    "forwardchild",
];

pub(super) fn is_text_mime(mime: &str) -> bool {
    let m = mime.split(';').next().unwrap_or("").trim();
    m.starts_with("text/") || m.ends_with("json") || m.ends_with("xml") || m == "message/rfc822"
}

/// A run of base64 characters long enough to be a file.
pub(super) fn looks_base64(s: &str) -> bool {
    s.len() >= 16
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'\\'))
}

pub(super) fn looks_html(s: &str) -> bool {
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

/// `lat, lon` as two decimal numbers in range (`40.71280, -74.00600`).
pub(super) fn is_coordinate_pair(s: &str) -> bool {
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
