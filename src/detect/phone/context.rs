//! The words around a number: context words before it (or on the line above), labels after
//! it, identifier words that veto it, a street name after it.

use super::words::{
    AFTER_WORDS, BARE_CONTEXT_WORDS, CONTEXT_WORDS, STREET_WORDS, VAGUE_WORDS, VETO_WORDS,
};

#[derive(PartialEq, Eq, Clone, Copy, Debug)]
pub(super) enum Context {
    None,
    /// An identifier word right before the number (`order 5551234`).
    Veto,
    /// An identifier word a few words before, with no phone word nearer.
    FarVeto,
    Phone,
    StrongPhone,
}

/// Looks for context words before the number (same line, or the line above when the number
/// starts its own line, as in `Phone:\n555 0101`) and labels after it.
pub(super) fn context(bytes: &[u8], s: usize, end: usize) -> Context {
    let line_start = crate::detect::scan::line_start_near(bytes, s, 256);
    let mut from = s.saturating_sub(48).max(line_start);
    let prefix_blank = bytes[line_start..s].iter().all(|b| b.is_ascii_whitespace());
    if prefix_blank && line_start > 0 && bytes[line_start - 1] == b'\n' {
        // The label on the previous line.
        let prev_end = line_start - 1;
        let prev_start = crate::detect::scan::line_start_near(bytes, prev_end, 256);
        from = prev_start.max(prev_end.saturating_sub(32));
    }
    // Context stops at a placeholder: text beyond it was rewritten, and reads nearer or
    // farther than in the input (a long value became `[EMAIL-1]`), so the output would be
    // judged differently from the input. What follows the last placeholder is as written.
    // A placeholder cut by the window start counts too, hence the look further back.
    let lo = from.saturating_sub(40);
    let cut = lo + crate::detect::scan::after_last_placeholder(&bytes[lo..s]);
    let from = from.max(cut);
    let before = crate::detect::scan::lower_without_placeholders(&bytes[from..s]);
    let words: Vec<&[u8]> = before
        .split(|b| !b.is_ascii_alphabetic() && *b < 0x80)
        .filter(|w| !w.is_empty())
        .collect();
    // The word right before decides a veto (`order 5551234`, `zip 10001`).
    if let Some(last) = words.last() {
        let immediate = before.len() - before.trim_ascii_end().len() < 3
            || before.trim_ascii_end().ends_with(b":")
            || before.trim_ascii_end().ends_with(b"#");
        if immediate && VETO_WORDS.iter().any(|v| v.as_bytes() == *last) {
            return Context::Veto;
        }
    }
    let recent = &words[words.len().saturating_sub(6)..];
    // Index of the last (nearest) word of a list among the recent words.
    let nearest = |list: &[&str]| {
        recent
            .iter()
            .rposition(|w| list.iter().any(|c| c.as_bytes() == *w))
    };
    let has = |list: &[&str]| nearest(list).is_some();
    if has(BARE_CONTEXT_WORDS) {
        return Context::StrongPhone;
    }
    // `license number is 2270-66-1551`: a nearby identifier word outweighs a vague one,
    // but a phone word nearer to the number wins (`VIP account, ..., direct line 949 ...`).
    if let Some(v) = nearest(VETO_WORDS) {
        // Only a word that names a phone: `number` is as vague after `license` as after `phone`.
        let phone_word = recent.iter().rposition(|w| {
            CONTEXT_WORDS.iter().any(|c| c.as_bytes() == *w)
                && !VAGUE_WORDS.iter().any(|c| c.as_bytes() == *w)
        });
        if phone_word.is_some_and(|c| c > v) {
            return Context::Phone;
        }
        return Context::FarVeto;
    }
    // A label after the number: `555 0101 office`, `-Fax`, `(mobile)`.
    let after_end = (end + 40).min(bytes.len());
    let after = crate::detect::scan::lower_without_placeholders(&bytes[end..after_end]);
    let after_word = after
        .iter()
        .position(u8::is_ascii_alphabetic)
        .filter(|&p| p <= 3 && !after[..p].contains(&b'\n'))
        .map(|p| {
            let w = &after[p..];
            let l = w.iter().take_while(|b| b.is_ascii_alphabetic()).count();
            &w[..l]
        });
    if after_word.is_some_and(|w| AFTER_WORDS.iter().any(|a| a.as_bytes() == w)) {
        return Context::StrongPhone;
    }
    if has(CONTEXT_WORDS) {
        return Context::Phone;
    }
    Context::None
}

/// Whether one of the next three words after `end` is a street word.
pub(super) fn street_follows(bytes: &[u8], end: usize) -> bool {
    let to = (end + 40).min(bytes.len());
    let after = &bytes[end..to];
    let line = after.split(|&b| b == b'\n').next().unwrap_or(after);
    let lower = line.to_ascii_lowercase();
    lower
        .split(|b| !b.is_ascii_alphabetic() && *b < 0x80)
        .filter(|w| !w.is_empty())
        .take(3)
        .any(|w| STREET_WORDS.iter().any(|s| s.as_bytes() == w))
}
