//! Note markers: the built-in markers and the note labels in brackets (data), and whether a
//! line starts with one.

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

/// A marker at `at` (ASCII case-insensitive; markers are stored lower-case), or a note label
/// in brackets or parentheses.
pub(super) fn marker_at(text: &str, at: usize, end: usize, markers: &[String]) -> Option<usize> {
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
