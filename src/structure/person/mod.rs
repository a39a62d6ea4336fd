//! Person names written in prose: introductions (`my name is`, `je m'appelle`, `ich bin`),
//! greetings and sign-offs (`Hi X,`, `Best regards,\nX`), titles (`Mr`, `Mme`, `Herr`,
//! `Sra.`), reported speech (`spoke with X`, `on behalf of X`), name labels (`Name:`,
//! `Account holder:`), and given name + surname pairs known from the gazetteers, in English,
//! French, German, Spanish, Italian, Dutch and Portuguese.
//!
//! A name found here is *learned* like a speaker label's name: the run's name book then
//! replaces it everywhere in the document, a lone given name or surname included, in
//! whole-text and two-pass stream modes alike (see [`super::names::Book`]).
//!
//! One pass over the text, line by line: words are cut once, and only a capitalised word (or
//! a word right after an introduction) is looked up, in hash tables built once from the
//! gazetteers in `data/` (see `scripts/person-names.py` and docs/data-sources.md).

use super::names::{self, Learned, Role};
use context::is_sign_off;
use lexicon::{gazetteer, is_common, is_particle, LOWER_OK};
use line::{capitalised, push_lower, words, Line};
use list::scan_list;
use scan::scan_at;
use span::learn_common_name;

mod context;
mod cues;
mod lexicon;
mod line;
mod list;
mod scan;
mod span;
#[cfg(test)]
mod tests;
mod wordlists;

/// Learns every person name written in prose in `text`.
pub(crate) fn learn(text: &str, learned: &mut Learned) {
    let g = gazetteer();
    let mut buf = Vec::new();
    let mut low_buf = String::new();
    let mut spans = Vec::new();
    let mut signed_off = false;
    for raw in text.split('\n') {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        // `Stephanie \u{feff}Kučera`: invisible characters do not hide a name.
        let visible;
        let line = if crate::normalize::has_invisible(line) {
            visible = line.replace(crate::normalize::invisible, "");
            visible.as_str()
        } else {
            line
        };
        words(line, &mut buf);
        if buf.is_empty() {
            if !line.trim().is_empty() {
                signed_off = false;
            }
            continue;
        }
        low_buf.clear();
        spans.clear();
        for w in &buf {
            spans.push(push_lower(
                line.get(w.start..w.end).unwrap_or(""),
                &mut low_buf,
            ));
        }
        let l = Line {
            text: line,
            words: &buf,
            lower: &low_buf,
            spans: &spans,
        };
        // The line after a sign-off: the whole line is a name when every word is one.
        if signed_off {
            signed_off = false;
            let trailing = line.get(buf.last().map_or(0, |w| w.end)..).unwrap_or("");
            let all_names = buf.len() <= 4
                && l.gap(0).trim().is_empty()
                && trailing.trim().is_empty()
                && (0..buf.len()).all(|k| {
                    let w = l.word(k);
                    let low = l.low(k);
                    let name = g.given.contains_key(low) || g.surnames.contains(low);
                    (capitalised(w) && (!is_common(g, low) || name)) || (k > 0 && is_particle(low))
                })
                && (0..buf.len()).any(|k| !is_common(g, l.low(k)) || k == 0);
            if all_names {
                let name = line.trim();
                if names::capital_only(name) {
                    learn_common_name(name, false, learned);
                } else {
                    learned.add(name, Role::Unknown);
                }
                continue;
            }
        }
        if buf.len() <= 4 {
            let tail = line
                .get(buf.last().map_or(0, |w| w.end)..)
                .unwrap_or("")
                .trim();
            if matches!(tail, "" | "," | "!" | ".") && is_sign_off(&l) {
                signed_off = true;
                continue;
            }
        }
        // Lower-case words are looked at only after a context word (`mr. freeman`), or in
        // lines written all in lower case (`leah holmberg will be talking`): elsewhere a
        // lower-case word is not a name, and most words are lower-case.
        let lower_line = !line.chars().any(char::is_uppercase);
        let mut i = 0;
        while i < buf.len() {
            let starts_upper = l.word(i).chars().next().is_some_and(char::is_uppercase);
            let next = if starts_upper || lower_line {
                match scan_list(&l, g, i, lower_line, learned) {
                    Some(end) => end,
                    None => scan_at(&l, g, i, learned),
                }
            } else if i >= 1 && LOWER_OK.contains(l.low(i - 1)) {
                scan_at(&l, g, i, learned)
            } else {
                i + 1
            };
            i = next.max(i + 1);
        }
    }
}
