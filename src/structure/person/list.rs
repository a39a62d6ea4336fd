//! Lists of names (`Kovalev, Lee and Phillips`): when most words of a list are names, all are.

use super::context::is_place;
use super::lexicon::{is_common, Gazetteer};
use super::line::{capitalised, glued, strip_possessive, Line};
use super::span::learn_span;
use super::wordlists::LIST_AND;
use crate::structure::names::Learned;

/// A list of single words starting at word `i` (`Kovalev, Lee and Phillips`, `Anna, Ben,
/// Carl`): when most of its words are known names, every word of it that is not a common
/// word or a place is one. Returns the index after the list when it learned it.
pub(super) fn scan_list(
    l: &Line,
    g: &Gazetteer,
    i: usize,
    lower_line: bool,
    learned: &mut Learned,
) -> Option<usize> {
    let item = |k: usize| {
        let w = l.word(k);
        let ok = if lower_line {
            w.chars().all(char::is_lowercase)
        } else {
            capitalised(w)
        };
        ok && w.chars().count() >= 2 && l.words.get(k).is_some_and(|&wd| !glued(l.text, wd))
    };
    // Most words start no list: only a comma or `and` after a word opens one.
    let opens = match l.gap(i + 1) {
        ", " => true,
        " " => LIST_AND.contains(&l.low(i + 1)),
        _ => false,
    };
    // Nor does a word inside a longer list (`Hiragana, Katakana, or Han` starts at the first).
    if !opens || !item(i) || (i >= 1 && matches!(l.gap(i), " " | ", ") && item(i - 1)) {
        return None;
    }
    let mut items = vec![i];
    let mut k = i;
    let mut closed = false;
    loop {
        let gap = l.gap(k + 1);
        if gap == ", " && item(k + 1) && !LIST_AND.contains(&l.low(k + 1)) {
            k += 1;
        } else if matches!(gap, " " | ", ")
            && LIST_AND.contains(&l.low(k + 1))
            && l.gap(k + 2) == " "
            && item(k + 2)
        {
            k += 2;
            closed = true;
        } else {
            break;
        }
        items.push(k);
        if closed {
            break;
        }
    }
    // `Anna, Ben and Carl Smith` is not a list of single words.
    // Nor is `Eloise and 226 Thomas Avenue` (a street follows).
    let after = l.gap(k + 1);
    let rest = l
        .text
        .get(l.words.get(k).map_or(0, |w| w.end)..)
        .unwrap_or("");
    let clause = rest
        .split(['.', ',', ';', '!', '?', '"'])
        .next()
        .unwrap_or("");
    let number_after = clause.contains(|c: char| c.is_ascii_digit());
    if items.len() < 2
        || (after == " " && item(k + 1))
        || number_after
        || !(closed || items.len() >= 3)
    {
        return None;
    }
    // A place's word (`Trinidad and Tobago`, `Saint Vincent`) is not a person's.
    let place = |j: usize| {
        let low = strip_possessive(l.low(j));
        let found = crate::detect::places::gazetteer::lookup(low);
        // `Elizabeth` is a town too, but a given name first.
        let town = found.exact.is_some_and(|p| !p.ambiguous) && g.given.get(low) != Some(&false);
        town || (found.longer && (is_place(l, j, j + 2) || is_place(l, j, j + 3)))
    };
    // `offices in Paris, Lyon and Nice`: places.
    if i >= 1
        && matches!(
            l.low(i - 1),
            "in" | "near" | "across" | "between" | "throughout" | "visiting" | "visited"
        )
    {
        return None;
    }
    // Each word vouches for the list: 2 for a name that is no English word (`Elizabeth`,
    // `Phillips`), 1 for a name that is also a word (`Lee`, `Wisdom`), 0 for an unknown
    // word; together at least 1 a word (`Kovalev, Lee and Phillips`, not `Hiragana,
    // Katakana, or Han`), 4 of 3 in a line written in lower case.
    let mut known = 0;
    let mut vetoed = 0;
    for &j in &items {
        let low = strip_possessive(l.low(j));
        let given = g.given.get(low).copied();
        let surname = g.surnames.contains(low);
        if is_common(g, low) || (place(j) && given.is_none() && !surname) {
            vetoed += 1;
        } else if place(j) {
            // `Moore`, `Jackson`: a surname and a town; it vouches for neither.
        } else if given == Some(false) || (surname && !g.word_surnames.contains(low)) {
            known += 2;
        } else if given.is_some() || surname {
            known += 1;
        }
    }
    let enough = if lower_line {
        known * 3 >= items.len() * 4
    } else {
        known >= items.len()
    };
    if known == 0 || !enough || vetoed * 2 >= items.len() {
        return None;
    }
    // A list of surnames only is a firm's name (`Jones, Mitchell and Williams`) when a
    // singular verb follows it, when it is a line of its own (a postal block's company
    // line), or after `at`, `for`, `of`, `from`.
    let no_given = items
        .iter()
        .all(|&j| g.given.get(strip_possessive(l.low(j))) != Some(&false));
    let singular = k + 1 < l.words.len()
        && l.gap(k + 1) == " "
        && matches!(l.low(k + 1), "is" | "was" | "has");
    let whole_line = i == 0
        && k + 1 == l.words.len()
        && l.gap(0)
            .chars()
            .all(|c| matches!(c, ' ' | '\t' | '>' | '*' | '-'));
    let before = if i >= 1 { l.low(i - 1) } else { "" };
    let firm_before = matches!(before, "for" | "of" | "from");
    if singular || before == "at" || (no_given && (whole_line || firm_before)) {
        return None;
    }
    for &j in &items {
        let low = strip_possessive(l.low(j));
        let name = g.given.contains_key(low) || g.surnames.contains(low);
        // `Malon, Mark, Kaylee and Brandi`: a given name that is a common word counts in a
        // list of names too, where written with a capital (`learn_span` learns it so).
        let common_given = !lower_line && g.given.contains_key(low) && !place(j);
        if (!is_common(g, low) || common_given) && (name || !place(j)) {
            learn_span(l, j, j + 1, learned);
        }
    }
    Some(k + 1)
}
