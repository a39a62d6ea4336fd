//! Learning one span of words as a name, unless the words around it make it a street, a
//! place or a company.

use super::cues::{PLACE_AFTER, PLACE_BEFORE};
use super::lexicon::{gazetteer, is_title};
use super::line::{strip_possessive, Line};
use super::wordlists::NEVER_ALONE;
use crate::structure::names;
use crate::structure::names::{Learned, Role};

/// Learns the words `i..end` of a line as a name, without a possessive `'s`, unless they
/// are a street, a place or a company by the words around them.
pub(super) fn learn_span(l: &Line, i: usize, end: usize, learned: &mut Learned) -> bool {
    let (Some(first), Some(last)) = (l.words.get(i), l.words.get(end.saturating_sub(1))) else {
        return false;
    };
    if i > 0 {
        let gap = l.gap(i);
        let before = l.low(i - 1);
        let number_before = l
            .text
            .get(..first.start)
            .is_some_and(|t| t.trim_end().ends_with(|c: char| c.is_ascii_digit()));
        // `The Eileen Sandström version`: after `the`, a known given name and a surname are
        // still a person.
        let the_person =
            before == "the" && end > i + 1 && gazetteer().given.get(l.low(i)) == Some(&false);
        if number_before
            || (PLACE_BEFORE.contains(&before) && matches!(gap, " " | ". " | "/ ") && !the_person)
        {
            return false;
        }
    }
    let after = l.low(end);
    if !after.is_empty()
        && l.gap(end).trim_matches([' ', '.']).is_empty()
        && PLACE_AFTER.contains(&after)
    {
        return false;
    }
    // `Saint Vincent`, `Santa Clara`: a place's name (or the start of one), not a person's.
    if end > i + 1 {
        let mut key = String::new();
        for k in i..end {
            if k > i {
                key.push(' ');
            }
            key.push_str(l.low(k));
        }
        let place = crate::detect::places::gazetteer::lookup(&key);
        if place.exact.is_some() || place.longer {
            return false;
        }
    }
    let Some(name) = l.text.get(first.start..last.end) else {
        return false;
    };
    let name = strip_possessive(name);
    if names::capital_only(name) {
        return learn_common_name(name, i >= 1 && is_title(l.low(i - 1)), learned);
    }
    learned.add(name, Role::Unknown);
    true
}

/// Learns a name made of common words only (`Grace`, `Mark Young`; found after a context
/// word, a title or a sign-off): when it starts with a known given name (or follows a
/// title), it is learned as replaced only where written with a capital.
pub(super) fn learn_common_name(name: &str, after_title: bool, learned: &mut Learned) -> bool {
    let g = gazetteer();
    let mut words = name.split(' ');
    let first = words.next().unwrap_or("").to_lowercase();
    let alone = words.next().is_none();
    let ok = (after_title || g.given.contains_key(first.as_str()))
        && !(alone && NEVER_ALONE.contains(&first.as_str()));
    if ok {
        learned.add_capitalised(name, Role::Unknown);
    }
    ok
}
