//! The name lists as the rules read them: given names, surnames and common words, indexed
//! once at first use.

use super::cues::{Strength, PHRASES, PHRASES_LOWER_OK, SIGN_OFFS, TITLES};
use super::wordlists::{common_words, PARTICLES};
use crate::structure::names;
use std::sync::{LazyLock, OnceLock};

/// Given names, lower-case, one a line; a trailing `*` marks a name that is also a common
/// word (`mark`, `rose`, `pierre`): it counts only with a surname or a context word.
pub(super) static GIVEN: LazyLock<String> =
    LazyLock::new(|| front_decode(include_str!(concat!(env!("OUT_DIR"), "/given_names.fc"))));

/// Surnames, lower-case, one a line; a trailing `*` marks a surname that is also an English
/// word (`green`, `wisdom`): it does not vouch for a list of names on its own.
pub(super) static SURNAMES: LazyLock<String> =
    LazyLock::new(|| front_decode(include_str!(concat!(env!("OUT_DIR"), "/surnames.fc"))));

/// Expands a gazetteer as `build.rs` front-codes it (each line: how many leading characters
/// it shares with the line before, one character `0`-`9`, `a`-`z`, then the rest).
pub(super) fn front_decode(coded: &str) -> String {
    let mut out = String::with_capacity(coded.len() * 2);
    let mut prev = String::new();
    for line in coded.lines() {
        let mut chars = line.chars();
        let shared = chars.next().and_then(|c| c.to_digit(36)).unwrap_or(0) as usize;
        let mut cur: String = prev.chars().take(shared).collect();
        cur.push_str(chars.as_str());
        out.push_str(&cur);
        out.push('\n');
        prev = cur;
    }
    out
}

type FastMap<V> = crate::search::WordMap<V>;

type FastSet = crate::search::WordSet;

pub(super) struct Gazetteer {
    /// Context phrases by their last word.
    pub(super) phrases: FastMap<Vec<(&'static [&'static str], Strength)>>,
    /// Given name -> ambiguous (also a common word).
    pub(super) given: FastMap<bool>,
    pub(super) surnames: FastSet,
    /// The surnames that are also English words.
    pub(super) word_surnames: FastSet,
    /// Capitalised words that are not names (products, months, nouns, titles, ...).
    pub(super) common: FastSet,
}

pub(super) fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let mut given = FastMap::default();
        for line in GIVEN.lines().filter(|l| !l.is_empty()) {
            match line.strip_suffix('*') {
                Some(n) => given.insert(n, true),
                None => given.insert(line, false),
            };
        }
        let mut surnames = FastSet::default();
        let mut word_surnames = FastSet::default();
        for line in SURNAMES.lines().filter(|l| !l.is_empty()) {
            match line.strip_suffix('*') {
                Some(n) => {
                    surnames.insert(n);
                    word_surnames.insert(n);
                }
                None => {
                    surnames.insert(line);
                }
            }
        }
        let common = common_words()
            .chain(names::STOP_WORDS.iter().copied())
            .chain(names::ROLE_WORDS.iter().copied())
            .collect();
        let mut phrases: FastMap<Vec<(&'static [&'static str], Strength)>> = FastMap::default();
        for &(p, strength) in PHRASES {
            if let Some(last) = p.last() {
                phrases.entry(*last).or_default().push((p, strength));
            }
        }
        Gazetteer {
            phrases,
            given,
            surnames,
            word_surnames,
            common,
        }
    })
}

pub(super) fn is_common(g: &Gazetteer, low: &str) -> bool {
    g.common.contains(low)
}

static TITLE_SET: std::sync::LazyLock<FastSet> =
    std::sync::LazyLock::new(|| TITLES.iter().copied().collect());

static PARTICLE_SET: std::sync::LazyLock<FastSet> =
    std::sync::LazyLock::new(|| PARTICLES.iter().copied().collect());

pub(super) static SIGN_OFF_SET: std::sync::LazyLock<FastSet> =
    std::sync::LazyLock::new(|| SIGN_OFFS.iter().copied().collect());

/// `mr`, `mme`, `herr` (lower case).
pub(super) fn is_title(low: &str) -> bool {
    TITLE_SET.contains(low)
}

/// `van`, `de`, `von` (lower case).
pub(super) fn is_particle(low: &str) -> bool {
    PARTICLE_SET.contains(low)
}

/// [`PHRASES_LOWER_OK`] and the particles' heads, as a set.
pub(super) static LOWER_OK: std::sync::LazyLock<FastSet> = std::sync::LazyLock::new(|| {
    PHRASES_LOWER_OK
        .iter()
        .chain(TITLES)
        .chain(PARTICLES)
        .copied()
        .collect()
});
