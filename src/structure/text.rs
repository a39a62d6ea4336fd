//! Plain-text transcripts: speaker lines, ServiceNow journal entries, Zendesk chat
//! transcripts, email-style headers, and internal-note blocks opened by a marker.
//!
//! A note block starts at a marker (`Internal note:`, `[Internal]`, a note label in brackets
//! or parentheses in one of the languages of [`NOTE_LABELS`], ... at the start of a line,
//! right after a speaker prefix or after the timestamp and level of a log record) and ends at
//! the next speaker line, header, blank line or line that starts like a log record
//! (timestamp, level). A ServiceNow `(Work notes)` entry runs until the next journal header.

use super::names::{self, Learned, Role};
use super::{is_placeholder, Context, Sink};
use std::collections::HashMap;

/// The built-in note markers (matched case-insensitively at the start of a line).
pub const DEFAULT_MARKERS: &[&str] = &[
    "Internal note:",
    "Internal:",
    "[Internal]",
    "[Private]",
    "Private note:",
    "(internal)",
    "Note to self:",
];

/// Note labels recognised in brackets or parentheses (`[Internal note]`, `(nota interna)`),
/// compared lower-case with blanks collapsed: English, French, German, Spanish, Italian,
/// Portuguese and Dutch.
pub const NOTE_LABELS: &[&str] = &[
    // English
    "internal note",
    "internal",
    "internal comment",
    "internal only",
    "private note",
    "private",
    "private comment",
    "staff note",
    "staff only",
    "agent note",
    "note to self",
    "work note",
    "work notes",
    // French
    "note interne",
    "note privée",
    "commentaire interne",
    "commentaire privé",
    "interne",
    "privé",
    // German
    "interne notiz",
    "interner kommentar",
    "interne anmerkung",
    "private notiz",
    "intern",
    // Spanish, Italian, Portuguese
    "nota interna",
    "nota privada",
    "nota privata",
    "comentario interno",
    "comentario privado",
    "commento interno",
    "commento privato",
    "comentário interno",
    "comentário privado",
    // Dutch
    "interne notitie",
    "interne opmerking",
    "privénotitie",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
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
struct Line {
    start: usize,
    /// End of the content (before `\r\n`).
    end: usize,
    kind: Kind,
    /// Start of a note marker on this line.
    marker: Option<usize>,
    /// A bare `Name:` label, to confirm if it recurs.
    label: Option<(String, usize)>,
}

/// Analyzes `text[base..]` (spans are absolute in `text`).
pub fn analyze(text: &str, base: usize, sink: &mut Sink, learned: &mut Learned, ctx: &mut Context) {
    let Some(region) = text.get(base..) else {
        return;
    };
    let markers: Vec<String> = DEFAULT_MARKERS
        .iter()
        .map(|m| m.to_lowercase())
        .chain(
            sink.policy
                .note_markers
                .iter()
                .map(|m| m.trim().to_lowercase()),
        )
        .filter(|m| !m.is_empty())
        .collect();
    let mut lines = Vec::new();
    let mut valid_labels = HashMap::new();
    let mut off = base;
    let bytes = text.as_bytes();
    for nl in memchr::memchr_iter(b'\n', region.as_bytes())
        .map(|i| base + i + 1)
        .chain(std::iter::once(text.len()))
    {
        if nl <= off && off == text.len() {
            break;
        }
        let mut end = nl;
        while end > off && matches!(bytes.get(end - 1), Some(b'\n' | b'\r')) {
            end -= 1;
        }
        lines.push(classify(
            text,
            off,
            end,
            &markers,
            learned,
            &mut valid_labels,
        ));
        off = nl;
    }
    // Bare `Name:` labels are speakers when they recur (or were learned before).
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for l in &lines {
        if let Some((label, _)) = &l.label {
            *counts.entry(label.as_str()).or_insert(0) += 1;
        }
    }
    // A segment reads as a transcript when bare labels start a fair share of its lines; in
    // other text (`Depends:`, `anyone:` or `Nick:` addressing in a forum post) they are not
    // speakers unless already known.
    let labelled = lines.iter().filter(|l| l.label.is_some()).count();
    let non_blank = lines
        .iter()
        .filter(|l| !matches!(l.kind, Kind::Blank))
        .count();
    let transcript = labelled * 5 >= non_blank;
    let confirmed: Vec<bool> = lines
        .iter()
        .map(|l| {
            l.label.as_ref().is_some_and(|(label, _)| {
                ctx.names.knows(label)
                    || (transcript
                        && looks_like_a_name(label)
                        && counts.get(label.as_str()).copied().unwrap_or(0) >= 2)
            })
        })
        .collect();
    for (l, &c) in lines.iter_mut().zip(&confirmed) {
        if let Some((label, _)) = &l.label {
            if c {
                learned.add_speaker(label, Role::Unknown);
                l.kind = Kind::Speaker { candidate: false };
            }
        }
    }
    learned.promote_sole_speaker();
    let ends_block = |l: &Line| {
        matches!(
            l.kind,
            Kind::Blank
                | Kind::Journal { .. }
                | Kind::Header
                | Kind::Speaker { candidate: false }
                | Kind::LogRecord
        ) || (l.marker.is_some() && l.marker != Some(first_non_ws(text, l.start, l.end)))
    };
    // The lines after `from` that belong to a work-notes entry: its span and the next index.
    let work_notes_from = |from: usize| {
        let mut j = from;
        let mut span: Option<(usize, usize)> = None;
        while let Some(l) = lines.get(j) {
            if matches!(l.kind, Kind::Journal { .. }) {
                break;
            }
            if l.kind != Kind::Blank {
                let s = span.map_or(l.start, |s| s.0);
                span = Some((s, l.end));
            }
            j += 1;
        }
        (span, j)
    };
    // The continuation lines of a note block from `from`: the end of the last one and the
    // next index.
    let note_from = |from: usize| {
        let mut j = from;
        let mut end = None;
        while let Some(l) = lines.get(j) {
            if ends_block(l) {
                break;
            }
            end = Some(l.end);
            j += 1;
        }
        (end, j)
    };
    let mut emit = |rule: &'static str, s: usize, e: usize, why: &'static str| {
        if !is_placeholder(text.get(s..e).unwrap_or("")) {
            sink.note(rule, s, e, why);
        }
    };
    let n = lines.len();
    let mut i = 0;
    // A block left open by the previous segment of a stream continues here.
    match std::mem::take(&mut ctx.open_block) {
        OpenBlock::WorkNotes => {
            let (span, j) = work_notes_from(0);
            if let Some((s, e)) = span {
                emit(RULE_WORK_NOTES, s, e, WHY_WORK_NOTES);
            }
            if j == n {
                ctx.open_block = OpenBlock::WorkNotes;
            }
            i = j;
        }
        OpenBlock::Note => {
            let (end, j) = note_from(0);
            if let (Some(e), Some(first)) = (end, lines.first()) {
                emit(RULE_NOTE, first.start, e, WHY_NOTE);
            }
            if j == n {
                ctx.open_block = OpenBlock::Note;
            }
            i = j;
        }
        OpenBlock::None => {}
    }
    while i < n {
        let Some(line) = lines.get(i) else { break };
        if line.kind == (Kind::Journal { work_notes: true }) {
            let (span, j) = work_notes_from(i + 1);
            if let Some((s, e)) = span {
                emit(RULE_WORK_NOTES, s, e, WHY_WORK_NOTES);
            }
            if j == n {
                ctx.open_block = OpenBlock::WorkNotes;
            }
            i = j;
            continue;
        }
        if let Some(ms) = line.marker {
            let (end, j) = note_from(i + 1);
            emit(RULE_NOTE, ms, end.unwrap_or(line.end), WHY_NOTE);
            if j == n {
                ctx.open_block = OpenBlock::Note;
            }
            i = j;
            continue;
        }
        i += 1;
    }
}

const RULE_NOTE: &str = "structure.text.note_marker";
const WHY_NOTE: &str = "internal-note marker";
const RULE_WORK_NOTES: &str = "structure.text.work_notes";
const WHY_WORK_NOTES: &str = "ServiceNow work notes entry";

/// A note block still open at the end of a stream segment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OpenBlock {
    #[default]
    None,
    Note,
    WorkNotes,
}

fn first_non_ws(text: &str, s: usize, e: usize) -> usize {
    let b = text.as_bytes();
    let mut i = s;
    while i < e
        && b.get(i)
            .is_some_and(|c| c.is_ascii_whitespace() || *c == b'>')
    {
        i += 1;
    }
    i
}

/// A marker at `at` (ASCII case-insensitive; markers are stored lower-case), or a note label
/// in brackets or parentheses.
fn marker_at(text: &str, at: usize, end: usize, markers: &[String]) -> Option<usize> {
    let rest = text.as_bytes().get(at..end)?;
    let first = rest.first()?.to_ascii_lowercase();
    let listed = markers.iter().any(|m| {
        m.as_bytes().first() == Some(&first)
            && rest
                .get(..m.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(m.as_bytes()))
    });
    (listed || bracketed_note_label(text.get(at..end)?)).then_some(at)
}

/// Whether `s` starts with a note label in brackets or parentheses: `[Internal note]`,
/// `(private note)`, `[Note interne]`, `[Interne Notiz]`, `[Nota interna]`, ...
fn bracketed_note_label(s: &str) -> bool {
    let close = match s.as_bytes().first() {
        Some(b'[') => ']',
        Some(b'(') => ')',
        _ => return false,
    };
    // The longest label is 20 characters; allow blanks and a colon around it.
    let Some(k) = s
        .char_indices()
        .take(32)
        .find(|&(_, c)| c == close)
        .map(|(k, _)| k)
    else {
        return false;
    };
    let Some(inner) = s.get(1..k) else {
        return false;
    };
    let inner = inner.trim().trim_end_matches(':').trim_end().to_lowercase();
    let label: String = inner
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("privé notitie", "privénotitie");
    // One word in parentheses is too common a start of a public sentence (`(private) ...`);
    // `(internal)` is a default marker of its own.
    if close == ')' && !label.contains(' ') {
        return false;
    }
    NOTE_LABELS.contains(&label.as_str())
}

/// The length of the log-record prefix of `c` (a timestamp and/or a level, and the blanks
/// after them), when `c` starts like a log record.
fn log_record_prefix(c: &str) -> Option<usize> {
    let b = c.as_bytes();
    let mut p = 0;
    let mut found = false;
    if let Some(n) = timestamp_len(b) {
        p = n;
        found = true;
        p += b
            .get(p..)
            .map_or(0, |r| r.iter().take_while(|x| **x == b' ').count());
    }
    if let Some(n) = level_len(b.get(p..).unwrap_or(&[])) {
        p += n;
        found = true;
        p += b.get(p..).map_or(0, |r| {
            r.iter()
                .take_while(|x| matches!(x, b' ' | b':' | b'-' | b'|'))
                .count()
        });
    }
    found.then_some(p)
}

fn digits(b: &[u8], at: usize) -> usize {
    b.get(at..)
        .map_or(0, |r| r.iter().take_while(|x| x.is_ascii_digit()).count())
}

/// A timestamp at the start of `b`, followed by a blank, `T`, `,` or the end: `2024-01-15`,
/// `2024/01/15`, `15.01.2024`, `10:00:01`, `Jan 15 10:00:01`, `081109 203615` (with the
/// time part, fraction and zone when present).
fn timestamp_len(b: &[u8]) -> Option<usize> {
    let at = |i: usize| b.get(i).copied();
    let ends = |i: usize| matches!(at(i), None | Some(b' ' | b'\t' | b'T' | b',' | b']' | b'|'));
    let mut p;
    let d1 = digits(b, 0);
    if d1 == 4 && matches!(at(4), Some(b'-' | b'/' | b'.')) {
        // 2024-01-15
        let sep = at(4);
        let d2 = digits(b, 5);
        if !(1..=2).contains(&d2) || at(5 + d2) != sep {
            return None;
        }
        let d3 = digits(b, 6 + d2);
        if !(1..=2).contains(&d3) {
            return None;
        }
        p = 6 + d2 + d3;
    } else if (1..=2).contains(&d1) && matches!(at(d1), Some(b'-' | b'/' | b'.')) {
        // 15/01/2024, 15.01.24
        let sep = at(d1);
        let d2 = digits(b, d1 + 1);
        if !(1..=2).contains(&d2) || at(d1 + 1 + d2) != sep {
            return None;
        }
        let d3 = digits(b, d1 + 2 + d2);
        if d3 != 2 && d3 != 4 {
            return None;
        }
        p = d1 + 2 + d2 + d3;
    } else if (1..=2).contains(&d1) && at(d1) == Some(b':') && digits(b, d1 + 1) == 2 {
        // 10:00:01 alone
        return time_len(b, 0).filter(|&n| ends(n));
    } else if d1 == 6 && at(6) == Some(b' ') && digits(b, 7) == 6 {
        // HDFS: 081109 203615
        p = 13;
    } else if let Some(m) = b.get(..4).filter(|m| m.get(3) == Some(&b' ')) {
        // Syslog: Jan 15 10:00:01
        const MONTHS: &[&[u8]] = &[
            b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov",
            b"Dec",
        ];
        if !MONTHS.contains(&m.get(..3)?) {
            return None;
        }
        let mut q = 4;
        if at(q) == Some(b' ') {
            q += 1;
        }
        let d = digits(b, q);
        if !(1..=2).contains(&d) || at(q + d) != Some(b' ') {
            return None;
        }
        return time_len(b, q + d + 1).filter(|&n| ends(n));
    } else {
        return None;
    }
    if !ends(p) {
        return None;
    }
    if matches!(at(p), Some(b' ' | b'T')) && digits(b, p + 1) >= 1 {
        if let Some(n) = time_len(b, p + 1) {
            p = n;
        }
    }
    ends(p).then_some(p)
}

/// `HH:MM[:SS[.fff]][Z|±hh:mm]` at `i`: the end offset.
fn time_len(b: &[u8], i: usize) -> Option<usize> {
    let h = digits(b, i);
    if !(1..=2).contains(&h) || b.get(i + h) != Some(&b':') || digits(b, i + h + 1) != 2 {
        return None;
    }
    let mut p = i + h + 3;
    if b.get(p) == Some(&b':') && digits(b, p + 1) == 2 {
        p += 3;
        if matches!(b.get(p), Some(b'.' | b',')) && digits(b, p + 1) >= 1 {
            p += 1 + digits(b, p + 1);
        }
    }
    if b.get(p) == Some(&b'Z') {
        p += 1;
    } else if matches!(b.get(p), Some(b'+' | b'-')) && digits(b, p + 1) >= 2 {
        p += 1 + digits(b, p + 1);
        if b.get(p) == Some(&b':') && digits(b, p + 1) == 2 {
            p += 3;
        }
    }
    Some(p)
}

/// A log level at the start of `b` (upper-case, or any case in brackets), followed by a
/// blank, `:`, `]` or `|`: the length, brackets included.
fn level_len(b: &[u8]) -> Option<usize> {
    const LEVELS: &[&str] = &[
        "TRACE", "DEBUG", "INFO", "NOTICE", "WARN", "WARNING", "ERROR", "ERR", "SEVERE", "FATAL",
        "CRITICAL", "CRIT", "ALERT", "EMERG",
    ];
    let bracketed = b.first() == Some(&b'[');
    let s = if bracketed { b.get(1..)? } else { b };
    let n = s.iter().take_while(|x| x.is_ascii_alphabetic()).count();
    let word = s.get(..n)?;
    let known = LEVELS.iter().any(|l| {
        if bracketed {
            l.as_bytes().eq_ignore_ascii_case(word)
        } else {
            l.as_bytes() == word
        }
    });
    if !known {
        return None;
    }
    if bracketed {
        return (s.get(n) == Some(&b']')).then_some(n + 2);
    }
    matches!(s.get(n), None | Some(b' ' | b'\t' | b':' | b'|')).then_some(n)
}

/// Whether `s` starts with `prefix`, ASCII case-insensitively.
fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix.as_bytes()))
}

fn classify<'t>(
    text: &'t str,
    start: usize,
    end: usize,
    markers: &[String],
    learned: &mut Learned,
    valid_labels: &mut HashMap<&'t str, bool>,
) -> Line {
    let mut line = Line {
        start,
        end,
        kind: Kind::Other,
        marker: None,
        label: None,
    };
    let cs = first_non_ws(text, start, end);
    let Some(c) = text.get(cs..end) else {
        return line;
    };
    if c.trim().is_empty() {
        line.kind = Kind::Blank;
        return line;
    }
    if let Some(m) = marker_at(text, cs, end, markers) {
        line.marker = Some(m);
        return line;
    }
    if let Some(k) = journal_header(c, learned) {
        line.kind = k;
        return line;
    }
    if header(c, learned) {
        line.kind = Kind::Header;
        return line;
    }
    // A log record ends a note block, and may carry a note after its timestamp and level
    // (or after a speaker label there). Its labels teach no names: a log's `Cause:` is not
    // a person.
    if let Some(n) = log_record_prefix(c) {
        line.kind = Kind::LogRecord;
        let at = first_non_ws(text, cs + n, end);
        line.marker = marker_at(text, at, end, markers).or_else(|| {
            let rest = text.get(at..end)?;
            // After a speaker (`Agent Mike:`) or a logger name (`worker:`, `dfs.DataNode:`).
            let body = speaker(rest).map(|(_, b)| b).or_else(|| {
                let head = rest.get(..rest.len().min(64)).unwrap_or(rest);
                let colon = head.find(": ")?;
                (!head[..colon].contains(char::is_whitespace)).then_some(colon + 1)
            })?;
            marker_at(text, first_non_ws(text, at + body, end), end, markers)
        });
        return line;
    }
    // `(08:59:24 PM) Name: text`, `[2024-01-15 09:23] Name: text`.
    let mut p = cs;
    let mut stamped = false;
    let b = c.as_bytes();
    // `( 12s ) Name: text` (Salesforce chat transcripts) has blanks inside the brackets.
    let lead = b.iter().skip(1).take_while(|&&x| x == b' ').count();
    if matches!(b.first(), Some(b'(' | b'[')) && b.get(1 + lead).is_some_and(u8::is_ascii_digit) {
        let close = if b.first() == Some(&b'(') { b')' } else { b']' };
        if let Some(k) = b.iter().take(48).position(|&x| x == close) {
            stamped = true;
            p = first_non_ws(text, cs + k + 1, end);
        }
    }
    let rest = text.get(p..end).unwrap_or("");
    match speaker(rest) {
        Some((label, body)) => {
            let body_at = first_non_ws(text, p + body, end);
            line.marker = marker_at(text, body_at, end, markers);
            let words: Vec<&str> = label.split(' ').filter(|w| !w.is_empty()).collect();
            let role = words.first().map_or(Role::Unknown, |w| role_of(w));
            if role != Role::Unknown || words.first().is_some_and(|w| names::is_role_word(w)) {
                let name = words.get(1..).map(|w| w.join(" ")).unwrap_or_default();
                if !name.is_empty() {
                    learned.add_speaker(&name, role);
                }
                line.kind = Kind::Speaker { candidate: false };
            } else if *valid_labels.entry(label).or_insert_with(|| {
                names::clean(label).is_some()
                    && words.iter().all(|w| !is_common(w))
                    && !is_mail_header_name(label)
            }) {
                if stamped {
                    learned.add_speaker(label, Role::Unknown);
                    line.kind = Kind::Speaker { candidate: false };
                } else {
                    line.label = Some((label.to_string(), p));
                    line.kind = Kind::Speaker { candidate: true };
                }
            } else if stamped {
                line.kind = Kind::Speaker { candidate: false };
            }
        }
        None if stamped => {
            line.kind = Kind::Speaker { candidate: false };
            line.marker = marker_at(text, p, end, markers);
        }
        None => {}
    }
    line
}

/// A mail header name (`Message-ID`, `Return-Path`, `X-Mailer`): pasted email headers
/// repeat, but are not speakers.
fn is_mail_header_name(label: &str) -> bool {
    let l = label.to_ascii_lowercase();
    l.starts_with("x-")
        || l.starts_with("list-")
        || l.starts_with("content-")
        || l.starts_with("arc-")
        || matches!(
            l.as_str(),
            "message-id"
                | "return-path"
                | "in-reply-to"
                | "references"
                | "received"
                | "mime-version"
                | "delivered-to"
                | "reply-to"
                | "dkim-signature"
                | "authentication-results"
                | "received-spf"
                | "thread-topic"
                | "thread-index"
                | "user-agent"
                | "resent-from"
                | "resent-to"
                | "resent-date"
                | "resent-message-id"
        )
}

/// A label word that is too ordinary to start a speaker line (`Error:`, `Note:`).
fn is_common(word: &str) -> bool {
    names::clean(word).is_none() && !names::is_role_word(word)
}

fn role_of(word: &str) -> Role {
    let mut buf = [0u8; 24];
    match names::role_key(word, &mut buf).unwrap_or("") {
        "agent" | "agente" | "berater" | "beraterin" | "conseiller" | "conseillere"
        | "medewerker" | "mitarbeiter" | "operatore" | "atendente" | "support" | "rep"
        | "representative" | "operator" | "tech" | "technician" | "engineer" | "admin"
        | "administrator" | "specialist" | "advisor" | "consultant" | "analyst" | "supervisor"
        | "manager" | "staff" | "team" | "moderator" | "bot" | "chatbot" | "assistant" => {
            Role::Agent
        }
        "customer" | "visitor" | "client" | "user" | "caller" | "guest" | "requester"
        | "cliente" | "kunde" | "kundin" | "klant" | "utente" | "usuario" | "utilisateur"
        | "benutzer" => Role::Customer,
        _ => Role::Unknown,
    }
}

/// `Label: body` at the start of `s`: returns the label and the body offset.
fn speaker(s: &str) -> Option<(&str, usize)> {
    let head = s.as_bytes().get(..49).unwrap_or(s.as_bytes());
    let colon = memchr::memchr(b':', head)?;
    let label = s.get(..colon)?.trim_end();
    let after = s.as_bytes().get(colon + 1);
    if !(after.is_none() || after.is_some_and(|b| *b == b' ' || *b == b'\t')) {
        return None;
    }
    let words = || label.split(' ').filter(|w| !w.is_empty());
    let n = words().count();
    if n == 0 || n > 5 {
        return None;
    }
    let ok = words().all(|w| {
        let particle = matches!(
            w,
            "de" | "van" | "von" | "da" | "del" | "la" | "le" | "di" | "der"
        );
        particle
            || (w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-')))
    });
    ok.then_some((label, colon + 1))
}

/// `<date> - Name (Work notes)` / `(Additional comments)`.
fn journal_header(c: &str, learned: &mut Learned) -> Option<Kind> {
    let c = c.trim_end();
    if !c.ends_with(')') || !c.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let open = c.rfind(" (")?;
    let kind = c.get(open + 2..c.len() - 1)?.to_ascii_lowercase();
    let work_notes = match kind.as_str() {
        "work notes" | "work note" => true,
        "additional comments" | "comments" | "additional comment" => false,
        _ => return None,
    };
    let head = c.get(..open)?;
    let dash = head.rfind(" - ")?;
    let date = head.get(..dash)?;
    if !date.bytes().any(|b| b.is_ascii_digit()) || date.len() > 40 {
        return None;
    }
    let name = head.get(dash + 3..)?;
    learned.add_speaker(
        name,
        if work_notes {
            Role::Agent
        } else {
            Role::Unknown
        },
    );
    Some(Kind::Journal { work_notes })
}

/// Whether the first non-blank line of `s` is a ServiceNow journal header.
pub(crate) fn starts_with_journal_header(s: &str) -> bool {
    s.lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| journal_header(l.trim(), &mut Learned::default()).is_some())
}

/// Header-like lines that end a note block; learns names they carry.
fn header(c: &str, learned: &mut Learned) -> bool {
    if !matches!(
        c.as_bytes().first(),
        Some(b'C' | b'c' | b'*' | b'F' | b'T' | b'R' | b'S' | b'D' | b'O')
    ) {
        return false;
    }
    if starts_with_ci(c, "chat started") || starts_with_ci(c, "chat ended") {
        return true;
    }
    if let Some(inner) = c.strip_prefix("*** ") {
        let inner = inner.trim_end().trim_end_matches('*').trim_end();
        for suffix in [
            " joined the chat",
            " left the chat",
            " has joined",
            " has left",
        ] {
            if let Some(name) = inner.strip_suffix(suffix) {
                learned.add_speaker(
                    name,
                    if suffix.contains("join") {
                        Role::Agent
                    } else {
                        Role::Unknown
                    },
                );
            }
        }
        return true;
    }
    for h in ["From:", "To:", "Cc:", "CC:", "Reply-To:", "Sender:"] {
        if let Some(v) = c.strip_prefix(h) {
            let found = super::addresses::display_names(v);
            if found.is_empty() && !v.contains('@') {
                learned.add(v, Role::Unknown);
            }
            for n in found {
                learned.add(n, Role::Unknown);
            }
            return true;
        }
    }
    for h in ["Subject:", "Date:", "Sent:"] {
        if c.starts_with(h) {
            return true;
        }
    }
    // `On Mon, 1 Jan 2024, Jane Doe <jane@x.com> wrote:`
    if c.starts_with("On ") && c.trim_end().ends_with("wrote:") {
        for n in super::addresses::display_names(c.get(3..).unwrap_or("")) {
            let n = n.rsplit(',').next().unwrap_or(n);
            learned.add(n, Role::Unknown);
        }
        return true;
    }
    false
}

/// A bare label that can be a person: every word capitalised, not an all-caps acronym
/// (`FYI`, `NVRM`) and not lower-case (`anyone`, `bug`).
fn looks_like_a_name(label: &str) -> bool {
    label.split(' ').filter(|w| !w.is_empty()).all(|w| {
        let mut chars = w.chars();
        let first_upper = chars.next().is_some_and(char::is_uppercase);
        let all_upper = w
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        first_upper && !(all_upper && w.chars().count() <= 5)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Policy;
    use crate::vocab::Category;

    fn run_with(text: &str, policy: &Policy) -> Vec<(String, Category, String)> {
        let (mut v, _) = super::super::analyzed(text, policy);
        v.sort();
        v.dedup();
        v
    }

    fn notes(text: &str) -> Vec<String> {
        run_with(text, &Policy::default())
            .into_iter()
            .filter(|f| f.1 == Category::InternalNote)
            .map(|f| f.0)
            .collect()
    }

    #[test]
    fn default_markers_and_block_ends() {
        for m in DEFAULT_MARKERS {
            let t = format!("Agent: hello\n{m} customer is VIP\nsecond line\n\nCustomer: thanks\n");
            assert_eq!(
                notes(&t),
                vec![format!("{m} customer is VIP\nsecond line")],
                "{m}"
            );
        }
        let t = "Agent Mike: hi\ninternal note: check billing\nCustomer: ok\n";
        assert_eq!(notes(t), vec!["internal note: check billing"]);
        let t = "Agent Mike: [Internal] refund approved\nstill note\n(10:02) Mike: done\n";
        assert_eq!(notes(t), vec!["[Internal] refund approved\nstill note"]);
        let t = "Internal: one\nInternal: two\n";
        // Consecutive note lines form one block.
        assert_eq!(notes(t), vec!["Internal: one\nInternal: two"]);
        assert!(notes("The internal: API is down\nInternally routed\n").is_empty());
    }

    #[test]
    fn regression_issue_12_note_on_log_lines_ends_at_the_next_log_record() {
        // A note marker every other line of a log swallowed the whole log (22 MB came out as
        // 408 bytes): a note now ends where the next log record starts.
        let mut t = String::new();
        for i in 0..50 {
            t.push_str(&format!(
                "2024-01-15T10:00:{:02}Z INFO GET /api/items/{i} 200\nInternal note: retry {i}\n",
                i % 60
            ));
        }
        let n = notes(&t);
        assert_eq!(n.len(), 50, "{n:?}");
        assert!(n
            .iter()
            .all(|x| x.starts_with("Internal note: retry") && !x.contains('\n')));
        // Every kind of record start ends the note; a plain line continues it.
        for record in [
            "2024-01-15 10:00:01,123 WARN pool low",
            "15/01/2024 10:00 job done",
            "Jan 15 10:00:01 host sshd[1]: ok",
            "081109 203615 148 INFO dfs.DataNode: ok",
            "10:00:01.5 request served",
            "ERROR disk full",
            "[info] started",
        ] {
            let t = format!("Internal note: check this\nstill the note\n{record}\n");
            assert_eq!(
                notes(&t),
                vec!["Internal note: check this\nstill the note"],
                "{record}"
            );
        }
        // A note after the timestamp and level of a record, or after a speaker there.
        let t =
            "2024-01-15 10:00:01 ERROR Internal note: VIP customer\n2024-01-15 10:00:02 INFO ok\n";
        assert_eq!(notes(t), vec!["Internal note: VIP customer"]);
        let t =
            "2024-01-15 10:00 Agent Mike: [Internal] refund ok\n2024-01-15 10:01 Agent Mike: hi\n";
        assert_eq!(notes(t), vec!["[Internal] refund ok"]);
        let t = "2024-01-15 10:00:01 ERROR worker: Internal note: crash\nERROR worker crashed\n";
        assert_eq!(notes(t), vec!["Internal note: crash"]);
        // Not records: a version, a phone number, a lower-case level word.
        let t = "Internal note: x\n2024.1 is out\n555-0100 called\ninfo to follow\n";
        assert_eq!(notes(t), vec![t.trim_end()]);
    }

    #[test]
    fn regression_issue_13_bracketed_note_labels() {
        // `[Internal note] Yuki: Escalated to tier 2` was not a note: 0 of 937 removed.
        let t =
            "Agent Yuki: hello\n[Internal note] Yuki: Escalated to tier 2\nmore\nCustomer: ok\n";
        assert_eq!(
            notes(t),
            vec!["[Internal note] Yuki: Escalated to tier 2\nmore"]
        );
        for label in [
            "[Internal note]",
            "(internal note)",
            "[Private note]",
            "[ Private Note ]:",
            "[Note interne]",
            "[Note privée]",
            "[Interne Notiz]",
            "[Nota interna]",
            "(nota privada)",
            "[Commento interno]",
            "[Comentário interno]",
            "[Interne notitie]",
            "[Staff only]",
        ] {
            let t = format!("Customer: hi\n{label} Yuki: check billing\nAgent: done\n");
            assert_eq!(
                notes(&t),
                vec![format!("{label} Yuki: check billing")],
                "{label}"
            );
            // After a speaker label or a timestamp too.
            let t = format!("(10:01) Yuki: {label} check billing\n(10:02) Yuki: hi\n");
            assert_eq!(notes(&t), vec![format!("{label} check billing")], "{label}");
        }
        // Public sentences that start with brackets are not notes.
        for public in [
            "Customer: (private) question: a new PDF?",
            "Customer: [internal notes are not my business]",
            "Customer: (note) the invoice is wrong",
            "Customer: [Internal Revenue Service] letter",
            "Agent Mike: [1] first step",
        ] {
            let t = format!("{public}\nAgent Mike: ok\n{public}\n");
            assert!(notes(&t).is_empty(), "{public}");
        }
    }

    #[test]
    fn custom_markers_and_keep() {
        let p = Policy::from_json(r#"{"note_markers":["NB:"]}"#).unwrap();
        let got = run_with("Agent: hi\nnb: escalate\n", &p);
        assert!(got.contains(&(
            "nb: escalate".into(),
            Category::InternalNote,
            "INTERNAL_NOTE".into()
        )));
        let p = Policy::from_json(r#"{"internal_notes":"keep"}"#).unwrap();
        assert!(run_with("Internal note: x\n", &p).is_empty());
    }

    #[test]
    fn servicenow_journal() {
        let t = "2024-01-15 09:23:11 - Jean Dupont (Work notes)\nCaller is on the VIP list.\n\nCheck AD account.\n\n2024-01-15 09:20:02 - Jean Dupont (Additional comments)\nWe are looking into it.\n";
        let f = run_with(t, &Policy::default());
        assert!(f.contains(&(
            "Caller is on the VIP list.\n\nCheck AD account.".into(),
            Category::InternalNote,
            "INTERNAL_NOTE".into()
        )));
        assert!(f.contains(&("Jean Dupont".into(), Category::Name, "AGENT".into())));
        assert!(!f.iter().any(|x| x.0.contains("looking into")));
        // Other date formats.
        let t = "15/01/2024 09:23 - Ana Lima (Work notes)\nsecret\n";
        assert_eq!(notes(t), vec!["secret"]);
    }

    #[test]
    fn zendesk_chat_transcript() {
        let t = "Chat started: 2019-01-02 08:59 PM UTC\n\n(08:59:24 PM) Jane Doe: my card was charged twice\n*** Omar Haddad joined the chat ***\n(09:00:02 PM) Omar Haddad: Hi Jane, let me check\n(09:01:10 PM) Jane Doe: thanks Omar\n";
        let f = run_with(t, &Policy::default());
        assert!(f.contains(&("Jane Doe".into(), Category::Name, "CUSTOMER".into())));
        assert!(f.contains(&("Jane".into(), Category::Name, "CUSTOMER".into())));
        assert!(f.contains(&("Omar Haddad".into(), Category::Name, "AGENT".into())));
        assert!(f.contains(&("Omar".into(), Category::Name, "AGENT".into())));
        assert!(!f.iter().any(|x| x.1 == Category::InternalNote));
    }

    #[test]
    fn regression_issue_5_bare_labels_outside_transcripts_are_not_names() {
        // Forum or IRC text: `anyone:`, `Depends:`, `FYI:` and nick addressing start a few
        // lines among many, and are not speakers.
        let mut t = String::new();
        for i in 0..10 {
            t.push_str(&format!(
                "anyone: is there a fix {i}?\nDepends: libc6\nFYI: it works\n"
            ));
            for j in 0..20 {
                t.push_str(&format!("plain chat line {i} {j} about drivers\n"));
            }
        }
        let f = run_with(&t, &Policy::default());
        assert!(!f.iter().any(|x| x.1 == Category::Name), "{f:?}");
        // A real bare-name transcript still teaches its speakers.
        let t = "Priya: hi\nTomasz: hello\nPriya: my order is late\nTomasz: let me check\n";
        let f = run_with(t, &Policy::default());
        assert!(f.iter().any(|x| x.0 == "Priya" && x.1 == Category::Name));
        assert!(f.iter().any(|x| x.0 == "Tomasz" && x.1 == Category::Name));
    }

    fn name_values(f: &[(String, Category, String)]) -> Vec<&str> {
        f.iter()
            .filter(|x| x.1 == Category::Name)
            .map(|x| x.0.as_str())
            .collect()
    }

    #[test]
    fn speakers_and_false_labels() {
        let t = "Agent Mike: Hello\nCustomer Jane Doe: Hi Mike\nError: disk full\nCaused by: x\n";
        let f = run_with(t, &Policy::default());
        let names: Vec<&str> = name_values(&f);
        assert_eq!(names, vec!["Jane Doe", "Mike"]);
        // A bare `Name:` must recur to be learned.
        let t = "Priya: hi\nStack Trace: none\nPriya: bye\n";
        let f = run_with(t, &Policy::default());
        let names: Vec<&str> = name_values(&f);
        assert_eq!(names, vec!["Priya"]);
        assert!(run_with("Summary: all good\nStatus: open\n", &Policy::default()).is_empty());
    }

    #[test]
    fn regression_issue_5_pasted_mail_headers_are_not_speakers() {
        // Found by fuzzing: `Message-ID:` twice made it a speaker label; replacing it let
        // the email detector see the message id as an address on the second run.
        let t = "Message-ID: <a1@mail.example.com>\nMessage-ID: <b2@mail.example.com>\nX-Mailer: Foo\nX-Mailer: Foo\nJean-Pierre: hi\nJean-Pierre: bye\n";
        let f = run_with(t, &Policy::default());
        assert_eq!(name_values(&f), vec!["Jean-Pierre"]);
    }

    #[test]
    fn email_headers_teach_names() {
        let t = "From: Jane Doe <jane@x.com>\nTo: \"Support\" <help@acme.io>\nSubject: refund\n\nHi, Jane here.\n";
        let f = run_with(t, &Policy::default());
        assert!(f.contains(&("Jane Doe".into(), Category::Name, "NAME".into())));
        assert!(f.contains(&("Jane".into(), Category::Name, "NAME".into())));
        assert!(!f.iter().any(|x| x.0 == "Support"));
    }
}
