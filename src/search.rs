//! Case-insensitive multi-literal search with a SIMD prefilter.
//!
//! ASCII case is ignored by searching lower-cased patterns in a lower-cased copy of the text
//! (ASCII lower-casing keeps every byte offset): an automaton built case-insensitively has
//! twice the transitions and takes about four times as long to build, which a run pays again
//! for every set of values it learns.
//!
//! `aho-corasick` builds no prefilter for ASCII case-insensitive patterns that start with
//! many different bytes (every IP address of a log, a few emails): its automaton then walks
//! every byte of the text. [`Literals`] adds one: a packed (Teddy) searcher over every case
//! variant of the patterns' first bytes finds the places where a pattern can start, and the
//! automaton runs anchored there. The matches are exactly those of the automaton's own
//! `find_iter` (leftmost-longest): the candidates include every position where a pattern
//! starts, and at the leftmost of them that holds a match, the anchored search returns its
//! longest match. Where the packed searcher is unavailable (no SIMD, too many distinct
//! prefixes) the plain automaton runs.

use aho_corasick::packed;
use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, Match, MatchKind, StartKind,
};
use std::collections::BTreeSet;

/// FNV-1a, for tables keyed by short words (gazetteers, word lists): much cheaper than the
/// default SipHash on keys of a few bytes, and the keys are fixed data, not input.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A map keyed by static words, hashed with [`Fnv`].
pub(crate) type WordMap<V> =
    std::collections::HashMap<&'static str, V, std::hash::BuildHasherDefault<Fnv>>;
/// A set of static words, hashed with [`Fnv`].
pub(crate) type WordSet =
    std::collections::HashSet<&'static str, std::hash::BuildHasherDefault<Fnv>>;

/// Most prefixes in one packed searcher (its own limit for Teddy), and most searchers.
const GROUP: usize = 64;
const MAX_GROUPS: usize = 8;
/// Shortest prefix worth a packed searcher.
const MIN_PREFIX: usize = 3;

/// ASCII case-insensitive, leftmost-longest search for a set of non-empty literals.
#[derive(Debug)]
pub(crate) struct Literals {
    ac: AhoCorasick,
    /// Packed searchers whose matches together hold every place a pattern starts; empty
    /// when the automaton runs alone.
    pre: Vec<packed::Searcher>,
}

/// Packed searchers for the places where one of `patterns` (lower-cased) can start: their
/// first 4 bytes, or 3 when that gives too many.
fn prefilter(patterns: &[&[u8]]) -> Vec<packed::Searcher> {
    if !cfg!(any(target_arch = "x86_64", target_arch = "aarch64"))
        || patterns.is_empty()
        // A prefix of one or two bytes starts at a good share of all positions of a text
        // (every `j` or `ma`): the automaton alone is faster than checking them all.
        || patterns.iter().any(|p| p.len() < MIN_PREFIX)
    {
        return Vec::new();
    }
    'k: for k in [4, MIN_PREFIX] {
        let mut prefixes = BTreeSet::new();
        for p in patterns {
            prefixes.insert(p.get(..k.min(p.len())).unwrap_or(p));
            if prefixes.len() > GROUP * MAX_GROUPS {
                continue 'k;
            }
        }
        // Teddy looks at as many bytes as the shortest prefix of a searcher: group the
        // prefixes by length.
        let mut prefixes: Vec<&[u8]> = prefixes.into_iter().collect();
        prefixes.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let mut searchers = Vec::new();
        for group in prefixes.chunks(GROUP) {
            let searcher = packed::Config::new()
                .only_teddy(true)
                .match_kind(packed::MatchKind::LeftmostFirst)
                .builder()
                .extend(group)
                .build();
            match searcher {
                Some(s) => searchers.push(s),
                None => continue 'k,
            }
        }
        return searchers;
    }
    Vec::new()
}

impl Literals {
    /// Compiles `patterns`. `dfa`: a full DFA (fast, more memory); otherwise the automaton
    /// `aho-corasick` picks.
    pub(crate) fn new<P: AsRef<[u8]>>(
        patterns: &[P],
        dfa: bool,
    ) -> Result<Literals, aho_corasick::BuildError> {
        let lower: Vec<Vec<u8>> = patterns
            .iter()
            .map(|p| p.as_ref().to_ascii_lowercase())
            .collect();
        let bytes: Vec<&[u8]> = lower.iter().map(Vec::as_slice).collect();
        let pre = prefilter(&bytes);
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(dfa.then_some(AhoCorasickKind::DFA))
            .start_kind(if pre.is_empty() {
                StartKind::Unanchored
            } else {
                StartKind::Anchored
            })
            .prefilter(pre.is_empty())
            .build(&bytes)?;
        Ok(Literals { ac, pre })
    }

    /// The non-overlapping leftmost-longest matches in `haystack`, left to right.
    #[cfg(test)]
    pub(crate) fn find_iter<'a>(&'a self, haystack: &'a str) -> impl Iterator<Item = Match> + 'a {
        let mut cursor = Cursor::new(self, haystack);
        let mut pos = 0;
        std::iter::from_fn(move || {
            if pos >= haystack.len() {
                return None;
            }
            let m = cursor.find_from(pos)?;
            pos = m.end().max(m.start() + 1);
            Some(m)
        })
    }
}

/// Searches one haystack from positions that never decrease, remembering each packed
/// searcher's next candidate (a search from every position anew would rescan the text up to
/// a rare prefix each time: quadratic).
pub(crate) struct Cursor<'a> {
    lit: &'a Literals,
    /// The text, ASCII lower-cased (borrowed when it has no upper-case ASCII letter).
    hay: std::borrow::Cow<'a, [u8]>,
    /// Per packed searcher: its first candidate at or after the last position searched
    /// (`Some(None)`: none left), once searched.
    next: Vec<Option<Option<usize>>>,
    last: usize,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(lit: &'a Literals, haystack: &'a str) -> Self {
        let bytes = haystack.as_bytes();
        let hay = if bytes.iter().any(u8::is_ascii_uppercase) {
            std::borrow::Cow::Owned(bytes.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(bytes)
        };
        Cursor {
            lit,
            hay,
            next: vec![None; lit.pre.len()],
            last: 0,
        }
    }

    /// The leftmost-longest match that starts at or after `pos`; `pos` must not be less
    /// than in the previous call (it is raised to that otherwise).
    pub(crate) fn find_from(&mut self, pos: usize) -> Option<Match> {
        let hay: &[u8] = &self.hay;
        let mut pos = pos.max(self.last);
        while pos <= hay.len() {
            self.last = pos;
            if self.lit.pre.is_empty() {
                return self.lit.ac.try_find(Input::new(hay).range(pos..)).ok()?;
            }
            let mut at: Option<usize> = None;
            for (pre, n) in self.lit.pre.iter().zip(self.next.iter_mut()) {
                let cand = match *n {
                    Some(Some(c)) if c >= pos => Some(c),
                    Some(None) => None,
                    _ => {
                        let span = aho_corasick::Span {
                            start: pos,
                            end: hay.len(),
                        };
                        let c = pre.find_in(hay, span).map(|m| m.start());
                        *n = Some(c);
                        c
                    }
                };
                if let Some(c) = cand {
                    at = Some(at.map_or(c, |a: usize| a.min(c)));
                }
            }
            let at = at?;
            let input = Input::new(hay).range(at..).anchored(Anchored::Yes);
            match self.lit.ac.try_find(input).ok()? {
                Some(m) => return Some(m),
                None => pos = at + 1,
            }
        }
        None
    }
}

/// The fixed seed and case count the integration tests' properties use too.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "../tests/support/mod.rs"]
mod proptest_support;

#[cfg(test)]
mod tests {
    use super::*;

    fn both(patterns: &[&str], text: &str) -> (Vec<(usize, usize, usize)>, bool) {
        let lit = Literals::new(patterns, true).unwrap();
        let reference = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns)
            .unwrap();
        let got: Vec<_> = lit
            .find_iter(text)
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        let want: Vec<_> = reference
            .find_iter(text)
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        assert_eq!(got, want, "{patterns:?} in {text:?}");
        // A cursor driven like `find_iter` (from each match's end) finds the same matches,
        // and one resuming a character after each match's start finds the overlapping ones
        // the automaton finds from those positions.
        let mut cur = Cursor::new(&lit, text);
        let mut pos = 0;
        let mut via_cursor = Vec::new();
        while let Some(m) = cur.find_from(pos) {
            via_cursor.push((m.start(), m.end(), m.pattern().as_usize()));
            pos = m.end().max(m.start() + 1);
        }
        assert_eq!(via_cursor, want, "cursor: {patterns:?} in {text:?}");
        let mut cur = Cursor::new(&lit, text);
        let mut pos = 0;
        while let Some(m) = cur.find_from(pos) {
            let input = Input::new(text).range(pos..);
            let r = reference.find(input).unwrap();
            assert_eq!((m.start(), m.end()), (r.start(), r.end()), "from {pos}");
            pos = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
        }
        (got, !lit.pre.is_empty())
    }

    #[test]
    fn same_matches_as_the_automaton() {
        let text = "Mail JANE@x.com or jane@X.COM; 10.0.0.1 10.0.0.12 110.0.0.1 10.0.0.1.5 \
                    abcabcd ABCD abc é10.0.0.1 ab";
        let sets: &[&[&str]] = &[
            &["jane@x.com", "10.0.0.1", "10.0.0.12"],
            &["abc", "abcd", "bcd", "cab"],
            &["é10", "0.0"],
        ];
        for pats in sets {
            let (_, pre) = both(pats, text);
            if cfg!(target_arch = "x86_64") {
                assert!(pre, "{pats:?}");
            }
        }
        // Prefixes of one or two bytes start almost everywhere: the automaton runs alone.
        for pats in [&["a", "ab", "b"][..], &["x"], &["jo", "jane"]] {
            let (_, pre) = both(pats, text);
            assert!(!pre, "{pats:?}");
        }
        // Many patterns sharing fewer prefixes, and too many distinct prefixes.
        let many: Vec<String> = (0..200).map(|i| format!("v{i:03}xq")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        let text: String = (0..300).map(|i| format!("V{i:03}XQ ")).collect();
        both(&many, &text);
        both(&many, "");
        let wide: Vec<String> = (0x21u8..0x7e).map(|b| format!("{}q", b as char)).collect();
        let wide: Vec<&str> = wide.iter().map(String::as_str).collect();
        both(&wide, "a Q-Q !q ~q zq");
        // More distinct prefixes than the packed searchers hold: the automaton runs alone.
        let all: Vec<[u8; 3]> = (0..=255u8)
            .flat_map(|b| [[b, b'x', b'y'], [b, b'y', b'x'], [b, b'z', b'z']])
            .collect();
        let all: Vec<&[u8]> = all.iter().map(|p| p.as_slice()).collect();
        assert!(prefilter(&all).is_empty());
        assert!(!prefilter(&all[..300]).is_empty() || !cfg!(target_arch = "x86_64"));
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(super::proptest_support::config(256))]
        #[test]
        fn prop_same_matches(
            pats in proptest::collection::vec("[aAb1.@é]{1,5}", 1..12),
            text in "[aAbB1.@é ]{0,80}",
        ) {
            let pats: Vec<&str> = pats.iter().map(String::as_str).collect();
            both(&pats, &text);
        }
    }
}
