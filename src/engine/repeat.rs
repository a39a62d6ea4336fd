//! Consistency pass: a value found once is replaced everywhere it stands as a whole token.
//!
//! Detectors judge each occurrence by its context, so the same string can be flagged in one
//! place (`add 8.8.8.8 as DNS`) and not in another (`nameserver_8.8.8.8`). Leaving the
//! second one would leak a value we already decided is personal, and the leak check would
//! (rightly) fail the whole run; so every further whole-token occurrence is found here.

use crate::detect::{Category, Finding};
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

/// The values found in earlier segments of a stream, so that a value found in one segment is
/// replaced in the later ones too, as in the whole text.
#[derive(Default)]
pub(super) struct Known {
    seen: std::collections::HashSet<(String, Category)>,
    list: Vec<(String, Category)>,
}

impl Known {
    pub(super) fn add<'a>(&mut self, values: impl Iterator<Item = (&'a str, Category)>) {
        for (v, c) in values {
            if self.list.len() >= MAX_KNOWN || !repeatable(c, v) {
                continue;
            }
            if self.seen.insert((v.to_string(), c)) {
                self.list.push((v.to_string(), c));
            }
        }
    }

    pub(super) fn values(&self) -> &[(String, Category)] {
        &self.list
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

/// Adds the further occurrences of the findings' values; keeps `found` sorted by start.
pub(super) fn extend(text: &str, found: &mut Vec<Finding>, known: &[(String, Category)]) {
    // Distinct values first (a log repeats the same few hundred addresses thousands of
    // times), then sorted: the automaton's pattern order stays that of a sorted set.
    let mut distinct: HashSet<(&str, Category)> = found
        .iter()
        .filter(|f| repeatable(f.category, &text[f.start..f.end]))
        .map(|f| (&text[f.start..f.end], f.category))
        .collect();
    distinct.extend(known.iter().map(|(v, c)| (v.as_str(), *c)));
    if distinct.is_empty() {
        return;
    }
    let mut values: Vec<(&str, Category)> = distinct.into_iter().collect();
    values.sort_unstable();
    // A DFA for up to a few thousand values: hundreds of values (every IP of a log) defeat
    // the literal prefilters, and its table lookups beat the NFA's transitions; beyond that
    // its memory would grow too much, and the default (an NFA) is used.
    let patterns: Vec<&str> = values.iter().map(|(v, _)| *v).collect();
    let Ok(ac) = crate::search::Literals::new(&patterns, values.len() <= 2_000) else {
        return;
    };
    let mut extra = Vec::new();
    let mut k = 0; // index into `found`, which is sorted by start
    for m in ac.find_iter(text) {
        let (s, e) = (m.start(), m.end());
        while k < found.len() && found[k].end <= s {
            k += 1;
        }
        if k < found.len() && found[k].start < e {
            continue; // overlaps a finding (usually the original one)
        }
        let (value, category) = values[m.pattern().as_usize()];
        if embedded(category, value, text, s, e) {
            continue;
        }
        let mut f = Finding::new(category, "", s, e, "same value found elsewhere in the text");
        f.rule = Cow::Owned(format!("{}.repeat", category.id()));
        extra.push(f);
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
        let engine = crate::Engine::new(crate::Policy::default()).unwrap();
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
        extend(text, &mut found, &[]);
        let around: Vec<&str> = found
            .iter()
            .map(|f| &text[f.start - 1..f.end + 1])
            .collect();
        // As in the leak check: inside identifiers that embed it, not inside longer numbers.
        assert_eq!(around, [" 8.8.8.8 ", "_8.8.8.8 ", " 8.8.8.8:", "-8.8.8.8-"]);
        assert_eq!(found[1].rule, "ipv4.repeat");

        let text = "at 2001:db8::1 and 2001:db8::1:5 and 2001:db8::1:80x";
        let mut found = vec![Finding::new(Category::Ipv6, "ipv6.address", 3, 14, "")];
        extend(text, &mut found, &[]);
        assert_eq!(found.len(), 1);
    }
}
