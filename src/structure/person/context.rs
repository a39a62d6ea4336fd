//! What the words around a candidate say: the context before it, how far a name extends,
//! and where in the sentence it stands.

use super::cues::{Strength, NAME_LABELS, ROLE_LABELS};
use super::lexicon::{is_common, is_particle, is_title, Gazetteer, SIGN_OFF_SET};
use super::line::{capitalised, glued, strip_possessive, Line};
use super::wordlists::{ADDRESS_OPENERS, AUXILIARIES, HUMAN_VERBS, INTERJECTIONS, PERSON_VERBS};

/// The strongest context right before word `i`, if any.
pub(super) fn context(line: &Line, g: &Gazetteer, i: usize) -> Option<Strength> {
    let gap = line.gap(i);
    let plain = |g: &str| g.chars().all(|c| c == ' ' || c == '\t');
    let mut best: Option<Strength> = None;
    let mut bump = |s: Strength| {
        if best.map_or(true, |b| s > b) {
            best = Some(s);
        }
    };
    // A title: `Mr Smith`, `Mr. Smith`, `Sig.ra Rossi`.
    if i >= 1 {
        let t = line.low(i - 1);
        let dotted = gap.trim_start_matches('.');
        if is_title(t) && plain(dotted) && !dotted.is_empty() {
            bump(Strength::Strong);
        }
        if t == "ra" && i >= 2 && line.low(i - 2) == "sig" && plain(dotted) {
            bump(Strength::Strong);
        }
    }
    // A label at the start of the line: `Name: X`, `Account holder: X`, `Customer: X`.
    let colon = gap.trim_start_matches([' ', '\t']);
    if let Some(rest) = colon.strip_prefix(':') {
        if plain(rest) {
            let starts = |n: usize| i >= n && line.gap(i - n).chars().all(|c| !c.is_alphanumeric());
            for label in NAME_LABELS {
                let n = label.len();
                if starts(n) && (0..n).all(|k| line.low(i - n + k) == label[k]) {
                    bump(Strength::Strong);
                }
            }
            if starts(1) && ROLE_LABELS.contains(&line.low(i - 1)) {
                bump(Strength::Weak);
            }
        }
    }
    // An answer to a question about the name: `What's your last name? Jónás`.
    if i >= 1 && line.low(i - 1) == "name" && gap.trim() == "?" {
        bump(Strength::Medium);
    }
    // A phrase right before: plain blanks, or a comma after a greeting or thanks (`Thanks,
    // Anna`).
    let comma = gap.trim().is_empty() || gap.trim() == ",";
    if comma {
        let last = if i >= 1 { line.low(i - 1) } else { "" };
        let candidates = g.phrases.get(last).map_or(&[][..], Vec::as_slice);
        for (phrase, strength) in candidates {
            let n = phrase.len();
            if i < n {
                continue;
            }
            if !(0..n).all(|k| line.low(i - n + k) == phrase[k]) {
                continue;
            }
            // The phrase's own words must be separated by blanks only.
            if !(1..n).all(|k| plain(line.gap(i - n + k))) {
                continue;
            }
            if gap.trim() == "," && *strength == Strength::Weak {
                continue;
            }
            bump(*strength);
        }
    }
    best
}

/// Extends a name starting at word `i` over further capitalised words and particles;
/// returns the index after its last word.
pub(super) fn extend(line: &Line, g: &Gazetteer, i: usize) -> usize {
    let mut end = i + 1;
    let mut k = i + 1;
    while k < line.words.len() && end - i < 5 {
        let gap = line.gap(k);
        let spaced = gap == " " || (gap == ". " && line.word(k - 1).chars().count() == 1);
        if !spaced {
            break;
        }
        let w = line.word(k);
        let low = line.low(k);
        if is_particle(low) && !capitalised(w) {
            k += 1;
            continue;
        }
        let initial = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
        // `John A. Leiva`: an initial with its dot, even `A` or `I`.
        let dotted_initial = initial && line.gap(k + 1) == ". " && k + 1 < line.words.len();
        // `Grace Brown`, `Daniel Young`: a surname that is a common word, right after a given
        // name.
        let common_surname = k == i + 1
            && capitalised(w)
            && g.surnames.contains(strip_possessive(low))
            && g.given.contains_key(line.low(i));
        if (dotted_initial
            || common_surname
            || ((capitalised(w) || initial) && !is_common(g, strip_possessive(low))))
            && !glued(line.text, line.words[k])
        {
            k += 1;
            end = k;
            // `Tony Shervashidze's Cautionary Tales`: the name ends at the possessive.
            if strip_possessive(low).len() < low.len() {
                break;
            }
            continue;
        }
        break;
    }
    end
}

/// Whether word `i` starts its line (after quote marks and blanks) and a `:` follows it: a
/// speaker label (`Madison: Who are you?`).
pub(super) fn speaker_label(l: &Line, i: usize) -> bool {
    i == 0
        && l.gap(0)
            .chars()
            .all(|c| matches!(c, ' ' | '\t' | '>' | '"' | '\\' | '*' | '-'))
        && l.gap(1).starts_with(':')
}

/// Whether the words of `l` are a sign-off (`Best regards`, `Cordialement`).
pub(super) fn is_sign_off(l: &Line) -> bool {
    let mut joined = [0u8; 64];
    let mut n = 0;
    for k in 0..l.words.len() {
        let w = l.low(k).as_bytes();
        let sep = usize::from(k > 0);
        let Some(dst) = joined.get_mut(n..n + sep + w.len()) else {
            return false;
        };
        let (space, word) = dst.split_at_mut(sep);
        space.fill(b' ');
        word.copy_from_slice(w);
        n += sep + w.len();
    }
    std::str::from_utf8(&joined[..n]).is_ok_and(|j| SIGN_OFF_SET.contains(j))
}

/// Extends a lower-case name over the next lower-case word when it is a known name or ends
/// the sentence (`mr. larry lombardo?`).
pub(super) fn extend_lower(l: &Line, g: &Gazetteer, i: usize) -> usize {
    let k = i + 1;
    let w = l.word(k);
    let low = l.low(k);
    if w.is_empty() || l.gap(k) != " " || capitalised(w) || is_common(g, low) || low.len() < 2 {
        return i + 1;
    }
    let known = g.given.contains_key(low) || g.surnames.contains(low);
    let rest = l
        .text
        .get(l.words.get(k).map_or(l.text.len(), |w| w.end)..)
        .unwrap_or("");
    let ends = rest.trim_start_matches(' ').is_empty()
        || rest.starts_with(['.', ',', '?', '!', ';', ':', ')'])
        || (rest.starts_with(' ') && {
            // `follow up with tracy wisniewska in 2 months`, `melissa pirogova will be`.
            let next = l.low(k + 1);
            PERSON_VERBS.contains(&next)
                || matches!(
                    next,
                    "in" | "as" | "at" | "on" | "for" | "from" | "to" | "and"
                )
        });
    if known || ends {
        k + 1
    } else {
        i + 1
    }
}

pub(super) fn lower_line(l: &Line) -> bool {
    !l.text.chars().any(char::is_uppercase)
}

/// Whether word `i` is inside a sentence, after a lower-case word: not its first word
/// (where `Amber`, `Robin` or `Crystal` may be a capitalised noun).
pub(super) fn mid_sentence(l: &Line, i: usize) -> bool {
    i >= 1
        && l.word(i - 1).chars().next().is_some_and(char::is_lowercase)
        && l.gap(i).chars().all(|c| matches!(c, ' ' | ','))
}

/// `Don't go to town, Charlotte!`: a word after a comma that ends the sentence.
pub(super) fn vocative(l: &Line, i: usize) -> bool {
    let rest = l
        .text
        .get(l.words.get(i).map_or(l.text.len(), |w| w.end)..)
        .unwrap_or("");
    l.gap(i) == ", " && (rest.trim().is_empty() || rest.starts_with(['!', '?', '.']))
}

/// Whether the words `i..end` are a known country, region or town (`Nova Scotia`, `Jordan`).
pub(super) fn is_place(l: &Line, i: usize, end: usize) -> bool {
    let mut key = String::new();
    for k in i..end {
        if k > i {
            key.push(' ');
        }
        key.push_str(strip_possessive(l.low(k)));
    }
    crate::detect::places::gazetteer::lookup(&key)
        .exact
        .is_some()
}

/// Whether word `i` starts a sentence: the line's first word (after quotes, `>` or a
/// bullet), or a word after `.`, `!`, `?` or `:`.
pub(super) fn sentence_start(l: &Line, i: usize) -> bool {
    let gap = l.gap(i);
    if i == 0 {
        return gap.chars().all(|c| {
            matches!(
                c,
                ' ' | '\t' | '>' | '"' | '\'' | '*' | '-' | '(' | '“' | '\\'
            )
        });
    }
    let t = gap.trim_end_matches([' ', '"', '“', '(', '\\']);
    t.ends_with(['.', '!', '?', ':']) && !is_title(l.low(i - 1))
}

pub(super) fn human_verb_after(l: &Line, end: usize) -> bool {
    end < l.words.len() && l.gap(end) == " " && HUMAN_VERBS.contains(&l.low(end))
}

/// `Vittore, can I please speak to ...`: a word alone before a comma and a request.
pub(super) fn addressed(l: &Line, i: usize, end: usize) -> bool {
    end == i + 1
        && l.gap(end) == ", "
        && ADDRESS_OPENERS.contains(&l.low(end))
        && !INTERJECTIONS.contains(&l.low(i))
}

/// Whether a verb of a person follows the words ending at `end` (`Lance Cantu lives at`).
pub(super) fn person_verb_after(l: &Line, end: usize) -> bool {
    end < l.words.len() && l.gap(end) == " " && PERSON_VERBS.contains(&l.low(end))
}

/// The same, auxiliaries left out: only a person lives, spends, tells, wants.
pub(super) fn person_only_verb_after(l: &Line, end: usize) -> bool {
    person_verb_after(l, end) && !AUXILIARIES.contains(&l.low(end))
}

/// Whether the words `i..end` are the whole line (after quote marks, `>` and bullets), two
/// to four of them: a name on its own line, as in a signature or a postal block.
pub(super) fn name_line(l: &Line, i: usize, end: usize) -> bool {
    let lead = l.gap(0);
    let trailing = l
        .text
        .get(l.words.last().map_or(0, |w| w.end)..)
        .unwrap_or("");
    i == 0
        && end == l.words.len()
        && (2..=4).contains(&end)
        && lead
            .chars()
            .all(|c| matches!(c, ' ' | '\t' | '>' | '*' | '-' | '?' | '•'))
        && trailing.trim().is_empty()
}
