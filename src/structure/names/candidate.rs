//! Whether a word or a candidate is a person's name: cleaning a candidate, common and role
//! words, diagnostic words.

use super::words::{ROLE_WORDS, STOP_WORDS};

fn is_stop(word: &str) -> bool {
    let w = word.to_lowercase();
    STOP_WORDS.binary_search(&w.as_str()).is_ok() || is_role_word(word)
}

pub(crate) fn is_role_word(word: &str) -> bool {
    let mut buf = [0u8; 24];
    role_key(word, &mut buf).is_some_and(|w| ROLE_WORDS.binary_search(&w).is_ok())
}

/// A label word lower-cased with its Latin accents dropped (`Système` → `systeme`), so the
/// role words of the other languages are known whatever their spelling; `None` when too long
/// or not a Latin word.
pub(crate) fn role_key<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    if word.is_ascii() {
        return lower_ascii(word, buf);
    }
    let mut n = 0;
    for c in word.chars() {
        let a = match c.to_lowercase().next().unwrap_or(c) {
            'à' | 'á' | 'â' | 'ä' | 'ã' => b'a',
            'ç' => b'c',
            'è' | 'é' | 'ê' | 'ë' => b'e',
            'ì' | 'í' | 'î' | 'ï' => b'i',
            'ñ' => b'n',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => b'o',
            'ù' | 'ú' | 'û' | 'ü' => b'u',
            c if c.is_ascii() => c as u8,
            _ => return None,
        };
        *buf.get_mut(n)? = a.to_ascii_lowercase();
        n += 1;
    }
    std::str::from_utf8(buf.get(..n)?).ok()
}

/// `word` lower-cased into `buf` without allocating; `None` when it is not short ASCII
/// (no role word is).
pub(super) fn lower_ascii<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let b = word.as_bytes();
    if b.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let out = buf.get_mut(..b.len())?;
    for (o, c) in out.iter_mut().zip(b) {
        *o = c.to_ascii_lowercase();
    }
    std::str::from_utf8(out).ok()
}

/// Whether every word of `s` is a role or common word (`Customer`, `Support Team`).
pub(crate) fn is_generic(s: &str) -> bool {
    s.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .all(is_stop)
}

/// Whether every word of a name is a common word (`Grace`, `Mark Young`, `Brown`): such a
/// name, or such a part of a name, is a person only where it is written with a capital
/// (`Thanks Grace` yes, `grace period` no). The name matcher and the leak check both apply
/// this rule.
pub(crate) fn capital_only(name: &str) -> bool {
    let mut words = name
        .split([' ', '.', '-', ','])
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some()
        && words.all(|w| {
            let mut buf = [0u8; 24];
            lower_ascii(w, &mut buf).is_some_and(|w| STOP_WORDS.binary_search(&w).is_ok())
        })
}

/// Cleans a candidate name; `None` when it does not look like a person's name.
pub(crate) fn clean(raw: &str) -> Option<String> {
    clean_with(raw, false)
}

/// [`clean`], also taking a name made of common words only (`Grace Brown`), every word
/// written with a capital, as person-name rules with a gazetteer find them.
pub(super) fn clean_with(raw: &str, common_ok: bool) -> Option<String> {
    let s = raw.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    if s.len() < 2 || s.len() > 64 || crate::structure::is_placeholder(s) {
        return None;
    }
    if !s
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '-' | '_' | ','))
    {
        return None;
    }
    let words: Vec<&str> = s.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > 5 {
        return None;
    }
    // `ValueError:`, `NullPointerException:`, `DeprecationWarning:` start log and traceback
    // lines the way a speaker label starts a chat line; they are not people.
    if words.iter().any(|w| is_diagnostic_word(w)) {
        return None;
    }
    // A name has at least one word that is not a common or role word.
    fn word(w: &str) -> &str {
        w.trim_matches(|c: char| !c.is_alphabetic())
    }
    if words.iter().all(|w| is_stop(word(w))) {
        let capitals = words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        if !(common_ok && capitals && !words.iter().any(|w| is_role_word(word(w)))) {
            return None;
        }
    }
    Some(words.join(" "))
}

/// A CamelCase word ending in a diagnostic noun (`ValueError`, `IOException`, `UserWarning`).
fn is_diagnostic_word(w: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "Error",
        "Exception",
        "Warning",
        "Failure",
        "Fault",
        "Exit",
        "Interrupt",
    ];
    SUFFIXES
        .iter()
        .any(|suffix| w.len() > suffix.len() && w.ends_with(suffix))
}

pub(super) fn is_distinctive_part(part: &str) -> bool {
    let mut chars = part.chars();
    chars.next().is_some_and(char::is_uppercase)
        && part.chars().count() >= 3
        && part
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
        && !is_stop(part)
}
