//! Dates of birth, only where a birth word introduces them (`DOB: 04/11/1987`,
//! `born on 12 March 1985`, `née le 3 février 1979`, `Geburtsdatum: 12.03.1985`,
//! `fecha de nacimiento: 12 de marzo de 1985`, `nato il 5 maggio 1990`,
//! `geboortedatum 14-02-1992`, `data de nascimento: 1985-03-12`).
//!
//! Dates in general are not personal data (every log line has a timestamp): a date is only
//! reported after one of these words, a few linking words at most away, on the same line.
//! Numeric (`12/03/1985`, `1985-03-12`, `12.03.85`) and written forms (`March 12, 1985`,
//! `12th of March 1985`, `12. März 1985`, `1er janvier 1980`, `12 de março de 1985`) in
//! English, French, German, Spanish, Italian, Dutch and Portuguese; `born in 1985` reports
//! the year.

use super::scan::{char_before, whole_word};
use super::{Category, Detector, Finding};
use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

/// The detector of this module (see the module documentation).
pub struct BirthDetector;

/// Birth words; `true` when a bare year may follow (`born in 1985`).
const WORDS: &[(&str, bool)] = &[
    ("date of birth", false),
    ("birth date", false),
    ("birthdate", false),
    ("birthday", false),
    ("born", false),
    ("born on", false),
    ("born in", true),
    ("dob", false),
    ("d.o.b.", false),
    ("d.o.b", false),
    ("né le", false),
    ("née le", false),
    ("né(e) le", false),
    ("né en", true),
    ("née en", true),
    ("date de naissance", false),
    ("geburtsdatum", false),
    ("geburtstag", false),
    ("geboren am", false),
    ("geboren", true),
    ("geb.", false),
    ("fecha de nacimiento", false),
    ("nacido el", false),
    ("nacida el", false),
    ("nacido en", true),
    ("nacida en", true),
    ("data di nascita", false),
    ("nato il", false),
    ("nata il", false),
    ("nato nel", true),
    ("nata nel", true),
    ("geboortedatum", false),
    ("geboren op", false),
    ("data de nascimento", false),
    ("nascido em", false),
    ("nascida em", false),
];

// Birth words are written in any case (`Date of Birth`, `DOB`, `Né le`): ASCII case folding;
// they are rare in text, so its slower prefilter costs little.
static MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(WORDS.iter().map(|(w, _)| *w))
        // A constant list that always builds.
        .unwrap_or_else(|_| std::process::abort())
});

/// Words that may stand between the birth word and the date.
const LINKS: &[&str] = &[
    "is", "was", "on", "am", "le", "el", "il", "em", "op", "the", "de", "of", "ist", "est", "es",
    "è", "é",
];

/// Month names and abbreviations in the seven languages, with their number.
const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("janv", 1),
    ("févr", 2),
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("okt", 10),
    ("dez", 12),
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("ene", 1),
    ("dic", 12),
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("marco", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("dezembro", 12),
];

fn month(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == w).map(|&(_, n)| n)
}

impl Detector for BirthDetector {
    fn categories(&self) -> &[Category] {
        &[Category::DateOfBirth]
    }

    fn detect(&self, text: &str, out: &mut Vec<Finding>) {
        for m in MATCHER.find_iter(text) {
            let Some(&(word, year_ok)) = WORDS.get(m.pattern().as_usize()) else {
                continue;
            };
            let (s, e) = (m.start(), m.end());
            // `geb.` and `d.o.b.` end with a dot: only the start needs a word boundary.
            let bounded = if word.ends_with('.') {
                !char_before(text, s).is_some_and(|c| c.is_alphanumeric() || c == '_')
            } else {
                whole_word(text, s, e)
            };
            if !bounded {
                continue;
            }
            if let Some((a, b)) = date_after(text, e, year_ok) {
                out.push(Finding::new(
                    Category::DateOfBirth,
                    "date_of_birth.context",
                    a,
                    b,
                    "date after a birth word",
                ));
            }
        }
    }
}

/// Tokens of a line: words, numbers and single signs, with their byte spans.
fn tokens(text: &str, from: usize, limit: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut it = text[from..].char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c == '\n' || out.len() >= limit {
            break;
        }
        if c.is_whitespace() {
            continue;
        }
        let start = from + i;
        let mut end = start + c.len_utf8();
        if c.is_alphanumeric() {
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() || d == '\'' {
                    end = from + j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
        }
        out.push((start, end));
    }
    out
}

fn number(t: &str, max_len: usize) -> Option<u32> {
    (!t.is_empty() && t.len() <= max_len && t.bytes().all(|c| c.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
}

fn valid_year(y: u32, len: usize) -> bool {
    len == 2 || (1900..=2030).contains(&y)
}

/// A day with an ordinal ending (`12`, `12th`, `1st`, `1er`, `3º`): its number.
fn day(t: &str) -> Option<u32> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let (n, suffix) = t.split_at(digits);
    let ok_suffix = matches!(
        suffix.to_lowercase().as_str(),
        "" | "st" | "nd" | "rd" | "th" | "er" | "e" | "º" | "°" | "o" | "ste" | "de"
    );
    let d = number(n, 2)?;
    (ok_suffix && (1..=31).contains(&d)).then_some(d)
}

/// The date that follows the birth word ending at `from`, if one does.
fn date_after(text: &str, from: usize, year_ok: bool) -> Option<(usize, usize)> {
    let toks = tokens(text, from, 14);
    let t = |k: usize| toks.get(k).map(|&(a, b)| &text[a..b]);
    let mut k = 0;
    // Linking signs and words.
    while let Some(w) = t(k) {
        let lower = w.to_lowercase();
        if matches!(w, ":" | "-" | "=" | "(" | "–" | ",") || LINKS.contains(&lower.as_str()) {
            k += 1;
        } else {
            break;
        }
        if k > 4 {
            return None;
        }
    }
    let (start, _) = *toks.get(k)?;
    let first = t(k)?;
    // Numeric: `12/03/1985`, `1985-03-12`, `12.03.85`; the tokenizer splits at the signs.
    if let (Some(a), Some(s1), Some(m), Some(s2), Some(y)) =
        (t(k), t(k + 1), t(k + 2), t(k + 3), t(k + 4))
    {
        let glued = toks[k].1 == toks[k + 1].0
            && toks[k + 1].1 == toks[k + 2].0
            && toks[k + 2].1 == toks[k + 3].0
            && toks[k + 3].1 == toks[k + 4].0;
        let spaced_dots = s1 == "." && s2 == "."; // `12. 03. 1985`
        if (glued || spaced_dots) && s1 == s2 && matches!(s1, "/" | "-" | ".") {
            if let (Some(a), Some(m), Some(y)) = (number(a, 4), number(m, 2), number(y, 4)) {
                let (al, yl) = (t(k)?.len(), t(k + 4)?.len());
                let ok = if al == 4 {
                    valid_year(a, 4) && (1..=12).contains(&m) && (1..=31).contains(&y) && yl <= 2
                } else {
                    al <= 2
                        && (yl == 2 || yl == 4)
                        && valid_year(y, yl)
                        && (1..=31).contains(&a)
                        && (1..=31).contains(&m)
                        && (a <= 12 || m <= 12)
                };
                if ok {
                    return Some((start, toks[k + 4].1));
                }
            }
            return None;
        }
    }
    // Written: `12 March 1985`, `12th of March, 1985`, `12. März 1985`, `12 de marzo de 1985`.
    if day(first).is_some() {
        let mut j = k + 1;
        if t(j) == Some(".") {
            j += 1;
        }
        if matches!(t(j).map(str::to_lowercase).as_deref(), Some("of" | "de")) {
            j += 1;
        }
        if t(j).and_then(month).is_some() {
            let mut end = toks[j].1;
            if t(j + 1) == Some(".") {
                j += 1;
                end = toks[j].1;
            }
            let mut y = j + 1;
            if matches!(
                t(y).map(str::to_lowercase).as_deref(),
                Some("de" | "," | "of")
            ) {
                y += 1;
            }
            if let Some(yt) = t(y) {
                if number(yt, 4).is_some_and(|n| yt.len() == 4 && valid_year(n, 4)) {
                    end = toks[y].1;
                }
            }
            return Some((start, end));
        }
        return None;
    }
    // `March 12, 1985`, `March 12th 1985`.
    if month(first).is_some() {
        let d = t(k + 1)?;
        day(d)?;
        let mut end = toks[k + 1].1;
        let mut y = k + 2;
        if t(y) == Some(",") {
            y += 1;
        }
        if let Some(yt) = t(y) {
            if number(yt, 4).is_some_and(|n| yt.len() == 4 && valid_year(n, 4)) {
                end = toks[y].1;
            }
        }
        return Some((start, end));
    }
    // `born in 1985`.
    if year_ok {
        if let Some(n) = number(first, 4) {
            if first.len() == 4 && (1900..=2030).contains(&n) {
                return Some(toks[k]);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        BirthDetector.detect(text, &mut out);
        out.sort_by_key(|f| f.start);
        out.iter().map(|f| &text[f.start..f.end]).collect()
    }

    #[test]
    fn birth_words_and_formats() {
        assert_eq!(found("DOB: 04/11/1987"), ["04/11/1987"]);
        assert_eq!(found("Date of birth is 1985-03-12."), ["1985-03-12"]);
        assert_eq!(found("born on 12 March 1985 in"), ["12 March 1985"]);
        assert_eq!(found("born on March 12, 1985"), ["March 12, 1985"]);
        assert_eq!(
            found("born on the 12th of March 1985"),
            ["12th of March 1985"]
        );
        assert_eq!(found("née le 3 février 1979"), ["3 février 1979"]);
        assert_eq!(found("né le 1er janvier 1980"), ["1er janvier 1980"]);
        assert_eq!(found("Geburtsdatum: 12.03.1985"), ["12.03.1985"]);
        assert_eq!(found("geboren am 12. März 1985"), ["12. März 1985"]);
        assert_eq!(
            found("fecha de nacimiento: 12 de marzo de 1985"),
            ["12 de marzo de 1985"]
        );
        assert_eq!(found("nato il 5 maggio 1990"), ["5 maggio 1990"]);
        assert_eq!(found("geboortedatum 14-02-1992"), ["14-02-1992"]);
        assert_eq!(found("data de nascimento: 12/03/85"), ["12/03/85"]);
        assert_eq!(found("she was born in 1985"), ["1985"]);
    }

    #[test]
    fn dates_without_a_birth_word_stay() {
        for t in [
            "2024-03-05T10:32:11Z opened",
            "on 12 March 1985 the server",
            "DOB: unknown",
            "newborn 12/03/2024",
            "reborn on 12/03/2024",
            "DOB: 32/13/1985",
            "born 1985",
            "born in May",
        ] {
            assert!(found(t).is_empty(), "{t}: {:?}", found(t));
        }
    }
}
