//! A classified line: its kind, the note marker on it, a bare label to confirm.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Blank,
    /// `2024-01-15 09:23:11 - Jean Dupont (Work notes)`.
    Journal {
        work_notes: bool,
    },
    /// Chat start/end, `*** Name joined the chat ***`, `From:`/`Subject:` headers.
    Header,
    /// A speaker line; `candidate` ones (a bare `Name:`) count only if the label recurs.
    Speaker {
        candidate: bool,
    },
    /// A line that starts like a log record: a timestamp or a level (`2024-01-15 10:00:01`,
    /// `Jan 15 10:00:01`, `081109 203615`, `ERROR`).
    LogRecord,
    Other,
}

#[derive(Debug)]
pub(super) struct Line {
    pub(super) start: usize,
    /// End of the content (before `\r\n`).
    pub(super) end: usize,
    pub(super) kind: Kind,
    /// Start of a note marker on this line.
    pub(super) marker: Option<usize>,
    /// A bare `Name:` label, to confirm if it recurs.
    pub(super) label: Option<(String, usize)>,
}
