//! Consistency pass: a value found once is replaced everywhere it stands as a whole token.
//!
//! Detectors judge each occurrence by its context, so the same string can be flagged in one
//! place (`add 8.8.8.8 as DNS`) and not in another (`nameserver_8.8.8.8`). Leaving the
//! second one would leak a value we already decided is personal, and the leak check would
//! (rightly) fail the whole run; so every further whole-token occurrence is found here.

use crate::search::{Cursor, Literals};
use crate::vocab::{Category, Finding};
use aho_corasick::Match;
use std::borrow::Cow;
use std::collections::HashSet;

/// Shorter values would match inside ordinary words and numbers.
pub(super) const MIN_LEN: usize = 4;
/// Multi-line blocks (notes, keys) are not repeated by string search.
const MAX_LEN: usize = 512;

fn continues(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Which values are repeated: single tokens of the detector categories. Values with white
/// space (a quoted password that caught prose) would match ordinary sentences; names and
/// notes have their own structure-aware matching. Formatted numbers (`+1 415 555 0100`,
/// `4111 1111 1111 1111`, an IBAN in groups) are written with spaces, and are repeated as
/// they are: the leak check looks for every original, and would otherwise find them.
pub(super) fn repeatable(category: Category, value: &str) -> bool {
    let spaced = matches!(
        category,
        Category::Phone
            | Category::Card
            | Category::Iban
            | Category::UsSsn
            | Category::UkNino
            | Category::FrNir
    );
    !matches!(
        category,
        Category::InternalNote | Category::Name | Category::Custom
    ) && (MIN_LEN..=MAX_LEN).contains(&value.len())
        && !value.contains(['\n', '\r'])
        && (spaced || !value.contains(char::is_whitespace))
}

/// Most values a stream remembers from earlier segments; past this, later segments rely on
/// their own detections and the leak check.
const MAX_KNOWN: usize = 20_000;

/// A level of [`Known`] is merged into the next one while that one is not more than this
/// many times bigger: each value is compiled O(log n) times in all, and each segment is
/// searched with O(log n) automata (as the leak check's history).
const FANOUT: usize = 4;

/// Up to this many values a level is compiled as a DFA: hundreds of values (every IP of a
/// log) defeat the literal prefilters, and its table lookups beat the NFA's transitions;
/// beyond that its memory would grow too much, and the default (an NFA) is used. Either
/// finds the same matches.
const DFA_MAX: usize = 2_000;

/// A sorted set of known values compiled for search, once.
struct Level {
    values: Vec<(String, Category)>,
    /// `None` when the matcher could not be built.
    ac: Option<Literals>,
}

impl Level {
    fn new(values: Vec<(String, Category)>) -> Level {
        let patterns: Vec<&str> = values.iter().map(|(v, _)| v.as_str()).collect();
        let ac = Literals::new(&patterns, values.len() <= DFA_MAX).ok();
        Level { values, ac }
    }
}

/// The values found in earlier segments of a stream, so that a value found in one segment is
/// replaced in the later ones too, as in the whole text. They are compiled as they arrive,
/// into a few automata built once each (never again per segment).
#[derive(Default)]
pub(super) struct Known {
    seen: HashSet<(String, Category)>,
    list: Vec<(String, Category)>,
    levels: Vec<Level>,
    /// The last consistency pass's automaton of the values new to it, offered to the next
    /// [`Known::add`], which usually adds those very values (a first pass learns what it
    /// just found): compiled once, not twice.
    offered: std::cell::RefCell<Option<Level>>,
}

impl Known {
    pub(super) fn add<'a>(&mut self, values: impl Iterator<Item = (&'a str, Category)>) {
        let mut fresh = Vec::new();
        for (v, c) in values {
            if self.list.len() >= MAX_KNOWN || !repeatable(c, v) {
                continue;
            }
            if self.seen.insert((v.to_string(), c)) {
                self.list.push((v.to_string(), c));
                fresh.push((v.to_string(), c));
            }
        }
        if fresh.is_empty() {
            return;
        }
        fresh.sort_unstable();
        let offered = self.offered.take();
        let mut level = fresh;
        while let Some(last) = self.levels.last() {
            if last.values.len() > FANOUT * level.len() {
                break;
            }
            if let Some(last) = self.levels.pop() {
                let mut merged = last.values;
                merged.append(&mut level);
                merged.sort_unstable();
                level = merged;
            }
        }
        match offered {
            Some(o) if o.values == level => self.levels.push(o),
            _ => self.levels.push(Level::new(level)),
        }
    }

    pub(super) fn values(&self) -> &[(String, Category)] {
        &self.list
    }

    fn contains(&self, value: &str, category: Category) -> bool {
        // Values are short: the allocation is cheaper than a borrowed-key set.
        self.seen.contains(&(value.to_string(), category))
    }
}

/// A joiner (`.`, `-`, `_`) with a letter or digit beyond it continues a token. For values
/// with colons (IPv6, MAC) a colon and a hex digit continue it too: `2001:db8::1` inside
/// `2001:db8::1:5` is another address.
pub(crate) fn joined(value: &str, next: Option<char>, beyond: Option<char>) -> bool {
    (matches!(next, Some('.' | '-' | '_')) && continues(beyond))
        || (next == Some(':')
            && value.contains(':')
            && beyond.is_some_and(|c| c.is_ascii_hexdigit()))
}

/// Whether the occurrence of `value` (a value of `category`) at `s..e` of `text` is part of
/// a longer value of its kind, where it means something else: an IPv4 address inside a
/// longer dotted number (`10.0.0.1.5`), an email inside a longer address
/// (`x.jane@contoso.com.au`), an IPv6 or MAC address continued by a colon and a hex digit,
/// any value continued by a letter or a digit; for the other categories also a joiner and a
/// letter or digit (`ORD-5550100-2`). Elsewhere it is the value, even inside an identifier
/// that embeds it (`BP-1347369012-10.190.173.170-1444972147527`, `nameserver_8.8.8.8`):
/// the consistency pass replaces it there and the leak check looks for it there, by this one
/// rule, so the two agree.
pub(crate) fn embedded(category: Category, value: &str, text: &str, s: usize, e: usize) -> bool {
    let (Some(head), Some(tail)) = (text.get(..s), text.get(e..)) else {
        return false;
    };
    let mut before = head.chars().rev();
    let mut after = tail.chars();
    let (b1, b2) = (before.next(), before.next());
    let (a1, a2) = (after.next(), after.next());
    if (continues(value.chars().next()) && continues(b1))
        || (continues(value.chars().next_back()) && continues(a1))
    {
        return true;
    }
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let hex = |c: Option<char>| c.is_some_and(|c| c.is_ascii_hexdigit());
    match category {
        Category::Ipv4 => (b1 == Some('.') && digit(b2)) || (a1 == Some('.') && digit(a2)),
        Category::Email => {
            (matches!(b1, Some('.' | '-' | '_' | '+' | '%')) && continues(b2))
                || (matches!(a1, Some('.' | '-')) && continues(a2))
        }
        Category::Ipv6 | Category::Mac => {
            (b1 == Some(':') && hex(b2))
                || (a1 == Some(':') && hex(a2))
                || (a1 == Some('.') && digit(a2))
        }
        _ => joined(value, b1, b2) || joined(value, a1, a2),
    }
}

/// One automaton's part in a merged search: its cursor and its next match from the current
/// position (`None` before the first search).
struct Source<'a> {
    cursor: Cursor<'a>,
    next: Option<Option<Match>>,
    values: &'a [(String, Category)],
    local: Option<&'a [(&'a str, Category)]>,
}

impl<'a> Source<'a> {
    fn value(&self, pattern: usize) -> Option<(&'a str, Category)> {
        match self.local {
            Some(l) => l.get(pattern).copied(),
            None => self.values.get(pattern).map(|(v, c)| (v.as_str(), *c)),
        }
    }
}

/// Adds the further occurrences of the findings' values; keeps `found` sorted by start.
///
/// The values are those of `found` and the `known` ones of earlier segments. The matches
/// are the leftmost-longest, non-overlapping matches of one automaton over all of them
/// (sorted, the first of equal matches winning), found with the automata that `known`
/// compiled once and one for the values new in `found`: at each step the leftmost of their
/// next matches, then the longest, then the least value.
pub(super) fn extend(text: &str, found: &mut Vec<Finding>, known: Option<&Known>) {
    // Distinct values first (a log repeats the same few hundred addresses thousands of
    // times), then sorted: the automaton's pattern order stays that of a sorted set.
    let distinct: HashSet<(&str, Category)> = found
        .iter()
        .filter(|f| repeatable(f.category, &text[f.start..f.end]))
        .map(|f| (&text[f.start..f.end], f.category))
        .filter(|&(v, c)| !known.is_some_and(|k| k.contains(v, c)))
        .collect();
    let levels: &[Level] = known.map_or(&[], |k| &k.levels);
    if distinct.is_empty() && levels.is_empty() {
        return;
    }
    let mut values: Vec<(&str, Category)> = distinct.into_iter().collect();
    values.sort_unstable();
    let patterns: Vec<&str> = values.iter().map(|(v, _)| *v).collect();
    let local = if values.is_empty() {
        None
    } else {
        match Literals::new(&patterns, values.len() <= DFA_MAX) {
            Ok(ac) => Some(ac),
            Err(_) => return,
        }
    };
    let local = local.map(|ac| Level {
        values: values.iter().map(|&(v, c)| (v.to_string(), c)).collect(),
        ac: Some(ac),
    });
    let mut sources: Vec<Source> = Vec::with_capacity(levels.len() + 1);
    if let Some(Level { ac: Some(ac), .. }) = &local {
        sources.push(Source {
            cursor: Cursor::new(ac, text),
            next: None,
            values: &[],
            local: Some(&values),
        });
    }
    for l in levels {
        // A matcher that could not be built: no repeats, as when the one automaton failed.
        let Some(ac) = &l.ac else { return };
        sources.push(Source {
            cursor: Cursor::new(ac, text),
            next: None,
            values: &l.values,
            local: None,
        });
    }
    let mut extra = Vec::new();
    let mut k = 0; // index into `found`, which is sorted by start
    let mut pos = 0;
    while pos < text.len() {
        // The leftmost, then longest, then least value of the sources' next matches.
        let mut best: Option<(usize, usize, &str, Category)> = None;
        for src in &mut sources {
            let stale = match src.next {
                None => true,
                Some(Some(m)) => m.start() < pos,
                Some(None) => false,
            };
            if stale {
                src.next = Some(src.cursor.find_from(pos));
            }
            let Some(Some(m)) = src.next else { continue };
            let Some((v, c)) = src.value(m.pattern().as_usize()) else {
                continue;
            };
            let better = match best {
                None => true,
                Some((bs, be, bv, bc)) => {
                    (m.start(), std::cmp::Reverse(m.end()), (v, c))
                        < (bs, std::cmp::Reverse(be), (bv, bc))
                }
            };
            if better {
                best = Some((m.start(), m.end(), v, c));
            }
        }
        let Some((s, e, value, category)) = best else {
            break;
        };
        pos = e.max(s + 1);
        while k < found.len() && found[k].end <= s {
            k += 1;
        }
        if k < found.len() && found[k].start < e {
            continue; // overlaps a finding (usually the original one)
        }
        if embedded(category, value, text, s, e) {
            continue;
        }
        let mut f = Finding::new(category, "", s, e, "same value found elsewhere in the text");
        f.rule = Cow::Owned(format!("{}.repeat", category.id()));
        extra.push(f);
    }
    drop(sources);
    if let (Some(k), Some(l)) = (known, local) {
        k.offered.replace(Some(l));
    }
    if !extra.is_empty() {
        found.extend(extra);
        found.sort_by_key(|f| f.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regression_issue_7_spaced_numbers_repeat() {
        // Found once with context, written again without it: replaced there too, so the
        // leak check does not find the original left behind.
        let engine = crate::engine::Engine::new(crate::policy::Policy::default()).unwrap();
        let s = engine.sanitize("call 555 0100 today\nlater: 555 0100, done\n");
        assert_eq!(s.report.residual, 0, "{:?}", s.report.residuals);
        assert!(!s.text.contains("555 0100"), "{}", s.text);
        assert_eq!(engine.sanitize(&s.text).text, s.text);
        // Prose with spaces is still not repeated.
        assert!(!repeatable(Category::Secret, "two words"));
        assert!(repeatable(Category::Phone, "555 0100"));
        assert!(!repeatable(Category::Phone, "555\n0100"));
    }

    #[test]
    fn repeats_whole_tokens_only() {
        let text =
            "dns 8.8.8.8 ok; nameserver_8.8.8.8 x 18.8.8.8 y 8.8.8.8.1 z 8.8.8.8:53 BP-1-8.8.8.8-2 \
             1.8.8.8.8";
        let mut found = vec![Finding::new(Category::Ipv4, "ipv4.dotted", 4, 11, "")];
        extend(text, &mut found, None);
        let around: Vec<&str> = found
            .iter()
            .map(|f| &text[f.start - 1..f.end + 1])
            .collect();
        // As in the leak check: inside identifiers that embed it, not inside longer numbers.
        assert_eq!(around, [" 8.8.8.8 ", "_8.8.8.8 ", " 8.8.8.8:", "-8.8.8.8-"]);
        assert_eq!(found[1].rule, "ipv4.repeat");

        let text = "at 2001:db8::1 and 2001:db8::1:5 and 2001:db8::1:80x";
        let mut found = vec![Finding::new(Category::Ipv6, "ipv6.address", 3, 14, "")];
        extend(text, &mut found, None);
        assert_eq!(found.len(), 1);
    }

    /// `extend` as it was with one automaton over every value, the reference.
    fn extend_one_automaton(text: &str, found: &mut Vec<Finding>, known: &[(String, Category)]) {
        let mut distinct: HashSet<(&str, Category)> = found
            .iter()
            .filter(|f| repeatable(f.category, &text[f.start..f.end]))
            .map(|f| (&text[f.start..f.end], f.category))
            .collect();
        distinct.extend(known.iter().map(|(v, c)| (v.as_str(), *c)));
        let mut values: Vec<(&str, Category)> = distinct.into_iter().collect();
        values.sort_unstable();
        let patterns: Vec<&str> = values.iter().map(|(v, _)| *v).collect();
        let ac = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&patterns)
            .unwrap();
        let mut extra = Vec::new();
        let mut k = 0;
        for m in ac.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            while k < found.len() && found[k].end <= s {
                k += 1;
            }
            if k < found.len() && found[k].start < e {
                continue;
            }
            let (value, category) = values[m.pattern().as_usize()];
            if embedded(category, value, text, s, e) {
                continue;
            }
            let mut f = Finding::new(category, "", s, e, "");
            f.rule = Cow::Owned(format!("{}.repeat", category.id()));
            extra.push(f);
        }
        found.extend(extra);
        found.sort_by_key(|f| f.start);
    }

    #[test]
    fn known_levels_find_what_one_automaton_finds() {
        // Values known from earlier segments (added in batches, so in several levels), and
        // values found in this segment, some the same, some differing only in case or
        // category, some prefixes of others: the merged search of the levels gives the
        // matches of one automaton over all of them.
        let mut rng = 0x2026_u64;
        let mut next = |n: u64| {
            rng = rng
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (rng >> 33) % n
        };
        let words = [
            "10.0.0.1",
            "10.0.0.12",
            "Bob@x.org",
            "bob@x.org",
            "abcd",
            "abcde",
            "bcde",
        ];
        let cats = [Category::Ipv4, Category::Email, Category::Secret];
        for round in 0..200 {
            let mut text = String::new();
            let mut found = Vec::new();
            for _ in 0..40 {
                let w = words[next(words.len() as u64) as usize];
                let sep = [" ", "_", "x", ".", "\n", "-"][next(6) as usize];
                if next(4) == 0 {
                    let c = cats[next(3) as usize];
                    found.push(Finding::new(c, "t", text.len(), text.len() + w.len(), ""));
                }
                text.push_str(w);
                text.push_str(sep);
            }
            let mut known = Known::default();
            let mut list = Vec::new();
            for _ in 0..next(5) {
                let batch: Vec<(String, Category)> = (0..=next(4))
                    .map(|_| {
                        let w = words[next(words.len() as u64) as usize];
                        (w.to_string(), cats[next(3) as usize])
                    })
                    .collect();
                known.add(batch.iter().map(|(v, c)| (v.as_str(), *c)));
                list.extend(batch);
            }
            let mut want = found.clone();
            extend_one_automaton(&text, &mut want, known.values());
            let mut got = found.clone();
            extend(&text, &mut got, Some(&known));
            let spans = |v: &[Finding]| -> Vec<(usize, usize, Category, String)> {
                v.iter()
                    .map(|f| (f.start, f.end, f.category, f.rule.to_string()))
                    .collect()
            };
            assert_eq!(spans(&got), spans(&want), "round {round}: {text}");
            assert!(list.len() >= known.values().len());
        }
    }
}
