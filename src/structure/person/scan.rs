//! The name rules at one word: which candidates are accepted, and how far each extends.

use super::context::{
    addressed, context, extend, extend_lower, human_verb_after, is_place, lower_line, mid_sentence,
    name_line, person_only_verb_after, person_verb_after, sentence_start, speaker_label, vocative,
};
use super::cues::Strength;
use super::lexicon::{is_common, is_particle, is_title, Gazetteer, LOWER_OK};
use super::line::{capitalised, glued, strip_possessive, Line};
use super::span::learn_span;
use super::wordlists::{DETERMINERS, LONE_GIVEN, RELATIONS};
use crate::structure::names::Learned;

/// Looks for a name starting at word `i`; learns it and returns the index after it, or
/// returns `i + 1`.
pub(super) fn scan_at(l: &Line, g: &Gazetteer, i: usize, learned: &mut Learned) -> usize {
    let w = l.word(i);
    let low = l.low(i);
    let Some(&word) = l.words.get(i) else {
        return i + 1;
    };
    let cap = capitalised(w);
    // `Sr. de la Cruz`, `Dhr. van der Voet`: a particle starts the name after a title.
    if !cap && is_particle(low) && context(l, g, i) == Some(Strength::Strong) {
        let end = extend(l, g, i);
        if end > i + 1 && capitalised(l.word(end - 1)) {
            learn_span(l, i, end, learned);
            return end;
        }
    }
    if w.chars().count() < 2 || glued(l.text, word) || is_title(low) {
        return i + 1;
    }
    // `Mary's daughter`, `here's Liam's address`: the name without its possessive.
    let bare = strip_possessive(low);
    let given = g.given.get(bare).copied();
    let surname = g.surnames.contains(bare);
    let known = given.is_some() || surname;
    // Every rule below takes a lower-case word only when it is a known name (most words of
    // a chat written in lower case are not).
    if !cap && !known {
        return i + 1;
    }
    let common = is_common(g, strip_possessive(low));
    if common && !known {
        return i + 1;
    }
    // `Grace Brown: hello`: a speaker whose given name and surname are both common words.
    if cap && common && given.is_some() && i == 0 && l.words.len() > 2 {
        let next = l.low(1);
        let speaker = l.gap(2).starts_with(':')
            && l.gap(0)
                .chars()
                .all(|c| matches!(c, ' ' | '\t' | '>' | '"' | '*' | '-'))
            && l.gap(1) == " "
            && capitalised(l.word(1))
            && g.surnames.contains(next);
        if speaker && learn_span(l, 0, 2, learned) {
            return 2;
        }
    }
    let strength = if cap || known || (i >= 1 && LOWER_OK.contains(l.low(i - 1))) {
        context(l, g, i)
    } else {
        None
    };
    let end = if bare.len() < low.len() {
        // `Mary's daughter`: the name ends at its possessive.
        i + 1
    } else if cap {
        extend(l, g, i)
    } else {
        extend_lower(l, g, i)
    };
    let accept = match strength {
        // `my name is jane`, `mr. freeman`: a known name in lower case after a strong
        // context (an unknown lower-case word there is a file or a setting name as often).
        Some(Strength::Strong) => cap || (known && !common),
        Some(Strength::Medium) => {
            (cap && (!common || known)) || (!cap && lower_line(l) && given == Some(false))
        }
        Some(Strength::Weak) => {
            (cap && !common && (known || end > i + 1))
                || (!cap && lower_line(l) && given == Some(false) && !common)
        }
        None => false,
    } || (cap && !common && given == Some(false) && (end > i + 1 || LONE_GIVEN))
        // A given name that is also a rare English word (`John`, `Heather`, `Robin`),
        // capitalised inside a sentence (`directed by Mark Roseby`, `to town, Charlotte!`),
        // or at its start before a verb of a person (`Lance Cantu lives at`).
        || (cap
            && !common
            && given == Some(true)
            && (person_only_verb_after(l, end)
                || (mid_sentence(l, i) && (end > i + 1 || vocative(l, i))))
            && !is_place(l, i, end))
        // A word no list knows, at the start of a sentence, before a verb only a person
        // does (`Klimek shouted at`, `Aiko replied`), or called before a question (`Vittore,
        // can I speak to ...`).
        || (cap
            && !common
            && !known
            && w.chars().count() >= 3
            && sentence_start(l, i)
            && (human_verb_after(l, end) || addressed(l, i, end))
            && !is_place(l, i, end))
        // A line that is only a name (`Dawn Njivar` above an address, a signature).
        || (cap && !common && given.is_some() && end > i + 1 && name_line(l, i, end))
        || (!cap
            && lower_line(l)
            && given == Some(false)
            && !common
            && end == i + 2
            && !is_common(g, l.low(i + 1))
            && name_line(l, i, end))
        // `here's Liam's address`, `Kenji's wife`: a person's belongings and family.
        || (cap && !common && bare.len() < low.len() && !is_place(l, i, i + 1) && {
            let next = l.low(i + 1);
            l.gap(i + 1) == " " && RELATIONS.contains(&next)
        })
        || (cap && given.is_some() && !common && speaker_label(l, i))
        // In a line written all in lower case, a known given name that is no English
        // word (`michael is a very sympathetic person`).
        || (!cap
            && lower_line(l)
            && given == Some(false)
            && !common
            && low.len() >= 3
            && !(i >= 1 && DETERMINERS.contains(&l.low(i - 1)))
            && (person_verb_after(l, end) || vocative(l, i) || speaker_label(l, i)))
        || (!cap && given == Some(false) && !common && end > i + 1 && {
            let next = l.low(i + 1);
            next.chars().count() >= 3 && g.surnames.contains(next) && !is_common(g, next)
        })
        || (cap && given.is_some() && end > i + 1 && {
            let next = l.low(i + 1);
            g.surnames.contains(next) || g.given.get(next) == Some(&false)
        });
    if !accept {
        return i + 1;
    }
    let end = if cap || strength == Some(Strength::Strong) || given == Some(false) {
        end
    } else {
        i + 1
    };
    learn_span(l, i, end, learned);
    end
}
