//! Values written under identifying keys, replaced wherever else they recur.

use crate::vocab::Category;
use std::borrow::Cow;

/// Longest value [`repeat_values`] looks for again, and how many values it takes.
const REPEAT_MAX_LEN: usize = 4096;
const REPEAT_MAX_VALUES: usize = 10_000;

/// A value replaced by its key (a `location`, a user agent) or removed as an internal note
/// is also replaced where the same whole string value stands elsewhere in the document
/// (under a key we do not know, or a copy of the note): detectors would not see it there,
/// and the leak check would rightly find it.
pub(crate) fn repeat_values(text: &str, out: &mut Vec<crate::detect::Finding>, from: usize) {
    let b = text.as_bytes();
    let mut seen = std::collections::HashSet::new();
    let mut values: Vec<(String, usize)> = Vec::new();
    for (i, f) in out.iter().enumerate().skip(from) {
        if values.len() >= REPEAT_MAX_VALUES {
            break;
        }
        let whole_string =
            f.start > 0 && b.get(f.start - 1) == Some(&b'"') && b.get(f.end) == Some(&b'"');
        let len = f.end - f.start;
        if !whole_string
            || !(4..=REPEAT_MAX_LEN).contains(&len)
            || !matches!(f.category, Category::Custom | Category::InternalNote)
            || f.rule == crate::structure::RULE_NOTE_CONTINUED
        {
            continue;
        }
        let Some(v) = text.get(f.start..f.end) else {
            continue;
        };
        if seen.insert(v) {
            values.push((format!("\"{v}\""), i));
        }
    }
    if values.is_empty() {
        return;
    }
    let Ok(ac) = aho_corasick::AhoCorasick::new(values.iter().map(|(p, _)| p.as_str())) else {
        return;
    };
    let mut extra = Vec::new();
    for m in ac.find_overlapping_iter(text) {
        let Some((_, i)) = values.get(m.pattern().as_usize()) else {
            continue;
        };
        let (s, e) = (m.start() + 1, m.end() - 1);
        if let Some(f) = out.get(*i) {
            if f.start != s {
                let mut g = f.clone();
                g.start = s;
                g.end = e;
                g.rule = Cow::Borrowed("structure.json.same_value");
                extra.push(g);
            }
        }
    }
    out.extend(extra);
}
