//! Cities, regions and countries in prose and in location fields.
//!
//! - A name of the gazetteer that is not a common word, written with a capital, of a big
//!   town (100,000 people or more), a region or a country, matches alone (`Munich`, `Kenya`).
//! - Any other name of the gazetteer needs a context word just before it (`in`, `from`,
//!   `aus`, `à`, ...) or a region or country just after it (`Redmond, Washington`).
//! - A capitalised name the gazetteer does not know matches after a strong context
//!   (`lives in`, `grew up in`, `originally from`, `wohnt in`, `habite à`) or as the value of
//!   a location key (`city=`, `"location": "..."`, `Where:`).
//!
//! A name glued to `/`, `_`, `@` or `.` is part of an identifier (`Europe/Paris`,
//! `paris.example.com`) and never a place.

use super::gazetteer::{self, Kind as PlaceKind, Place};
use super::tokens::{Kind, Tok};
use super::words::{Words, CAP_STOP, CONNECTORS};
use crate::vocab::Category;

pub struct Found {
    pub start: usize,
    pub end: usize,
    pub category: Category,
    pub rule: &'static str,
}

/// Prepositions that make a known name a place (`in Reading`, `from Nice`, `aus Essen`).
const WEAK: Words = Words::new(&[
    "a", "around", "at", "aus", "bei", "da", "de", "di", "em", "en", "from", "in", "naar", "nach",
    "near", "of", "outside", "para", "près", "to", "uit", "vers", "via", "visit", "visiting", "à",
]);

/// Phrases after which a capitalised unknown word is a place, as the words before it.
const STRONG: &[&[&str]] = &[
    &["lives", "in"],
    &["live", "in"],
    &["living", "in"],
    &["lived", "in"],
    &["grew", "up", "in"],
    &["born", "in"],
    &["moved", "to"],
    &["moved", "from"],
    &["here", "from"],
    &["originally", "from"],
    &["i'm", "from"],
    &["am", "from"],
    &["we're", "from"],
    &["are", "from"],
    &["calling", "from"],
    &["based", "in"],
    &["located", "in"],
    &["home", "city"],
    &["hometown"],
    &["home", "town"],
    &["city", "of"],
    &["town", "of"],
    &["i'm", "in"],
    &["am", "in"],
    &["we're", "in"],
    &["trip", "to"],
    &["travel", "to"],
    &["traveling", "to"],
    &["travelling", "to"],
    &["flew", "to"],
    &["flying", "to"],
    &["arrived", "at"],
    &["arrived", "in"],
    &["year", "in"],
    &["street", "in"],
    &["road", "in"],
    &["avenue", "in"],
    &["wohnt", "in"],
    &["wohne", "in"],
    &["lebe", "in"],
    &["lebt", "in"],
    &["komme", "aus"],
    &["kommt", "aus"],
    &["nähe", "von"],
    &["habite", "à"],
    &["vit", "à"],
    &["vis", "à"],
    &["près", "de"],
    &["vive", "en"],
    &["vivo", "en"],
    &["vengo", "de"],
    &["abita", "a"],
    &["vivo", "a"],
    &["vengo", "da"],
    &["woont", "in"],
    &["woon", "in"],
    &["kom", "uit"],
    &["mora", "em"],
    &["moro", "em"],
    &["vivo", "em"],
    &["sou", "de"],
];

/// Keys whose value is a place (`city=`, `"location":`, `Where:`, `Wohnort:`).
const KEYS: Words = Words::new(&[
    "bundesland",
    "canton",
    "cidade",
    "citta",
    "città",
    "city",
    "ciudad",
    "country",
    "county",
    "hometown",
    "kanton",
    "land",
    "lieu",
    "localidad",
    "localidade",
    "località",
    "location",
    "ort",
    "paese",
    "pays",
    "país",
    "plaats",
    "place",
    "province",
    "provincia",
    "region",
    "stadt",
    "state",
    "town",
    "ville",
    "where",
    "wohnort",
    "woonplaats",
]);

/// Codes after `City, ` that make it a place (`Columbus, OH`, `Munich, DE`): US states,
/// Canadian provinces, Australian states and common country codes.
const CODES: &[&str] = &[
    "AB", "ACT", "AK", "AL", "AR", "AT", "AU", "AZ", "BC", "BE", "BR", "CA", "CH", "CN", "CO",
    "CT", "DC", "DE", "DK", "ES", "FI", "FL", "FR", "GA", "GB", "IA", "IE", "IL", "JP", "KS", "KY",
    "LA", "MA", "MB", "MD", "MI", "MN", "MO", "MS", "MT", "MX", "NB", "NC", "ND", "NE", "NH", "NJ",
    "NL", "NM", "NS", "NSW", "NV", "NY", "NZ", "ON", "PA", "PE", "PL", "PT", "QC", "QLD", "RI",
    "SC", "SD", "SE", "SK", "TAS", "TN", "TX", "UK", "USA", "UT", "VA", "VIC", "VT", "WA", "WI",
    "WV", "WY",
];

fn lower(t: &Tok, text: &str) -> String {
    t.text(text).to_lowercase()
}

/// Glued to an identifier character on either side.
fn in_identifier(toks: &[Tok], i: usize, end: usize, text: &str) -> bool {
    let glued = |t: &Tok| {
        matches!(
            text.as_bytes().get(t.start),
            Some(
                b'/' | b'_'
                    | b'@'
                    | b'\\'
                    | b'['
                    | b']'
                    | b'.'
                    | b'$'
                    | b'%'
                    | b'{'
                    | b'<'
                    | b'#'
                    | b'-'
                    | b'+'
            )
        )
    };
    if i > 0 && !toks[i].space_before && glued(&toks[i - 1]) {
        return true;
    }
    if let Some(n) = toks.get(end) {
        if !n.space_before
            && matches!(
                text.as_bytes().get(n.start),
                Some(b'/' | b'_' | b'@' | b'\\' | b'(' | b']' | b'{')
            )
        {
            return true;
        }
        // `paris.example.com`, `Berlin.cfg`
        if !n.space_before
            && n.is_punct(text, b'.')
            && toks
                .get(end + 1)
                .is_some_and(|w| !w.space_before && w.kind != Kind::Newline)
        {
            return true;
        }
    }
    false
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Ctx {
    None,
    Weak,
    Strong,
    Key,
}

/// The context before token `i`.
fn context(toks: &[Tok], i: usize, text: &str) -> Ctx {
    // `city=`, `"city": "`, `Where: `
    let mut k = i;
    let mut sep = false;
    let mut n = 0;
    while k > 0 && n < 4 {
        let t = &toks[k - 1];
        if t.kind != Kind::Punct {
            break;
        }
        match text.as_bytes().get(t.start) {
            Some(b':' | b'=') => sep = true,
            Some(b'"' | b'\'') => {}
            _ => break,
        }
        k -= 1;
        n += 1;
    }
    if sep && k > 0 {
        let key = &toks[k - 1];
        if key.kind == Kind::Word && key.is_in(text, &KEYS) {
            return Ctx::Key;
        }
        return Ctx::None;
    }
    if n > 0 {
        return Ctx::None;
    }
    // Up to three words back on the same line, with nothing but spaces between.
    let mut words: [Option<&Tok>; 3] = [None; 3];
    let mut n = 0;
    let mut k = i;
    while k > 0 && n < 3 {
        let t = &toks[k - 1];
        if t.kind != Kind::Word || !toks[k].space_before {
            break;
        }
        words[n] = Some(t);
        n += 1;
        k -= 1;
    }
    let Some(first) = words[0] else {
        return Ctx::None;
    };
    // Every phrase ends with one of these: skip the phrase table for other words.
    if !first.is_in(text, &PHRASE_ENDS) {
        return Ctx::None;
    }
    let same = |t: &Tok, w: &str| {
        let s = t.text(text);
        if s.is_ascii() {
            s.eq_ignore_ascii_case(w)
        } else {
            s.to_lowercase().replace('’', "'") == w
        }
    };
    for phrase in STRONG {
        let m = phrase.len();
        if n >= m
            && phrase
                .iter()
                .rev()
                .zip(words.iter())
                .all(|(a, b)| b.is_some_and(|t| same(t, a)))
        {
            return Ctx::Strong;
        }
    }
    if first.is_in(text, &WEAK) {
        Ctx::Weak
    } else {
        Ctx::None
    }
}

/// The last words of [`STRONG`] phrases and the [`WEAK`] words.
const PHRASE_ENDS: Words = Words::new(&[
    "a", "around", "at", "aus", "bei", "city", "da", "de", "di", "em", "en", "from", "hometown",
    "in", "naar", "nach", "near", "of", "outside", "para", "près", "to", "town", "uit", "vers",
    "via", "visit", "visiting", "von", "à",
]);

/// The longest gazetteer name starting at token `i`: (end token, place).
fn longest(toks: &[Tok], i: usize, text: &str, key: &mut String) -> Option<(usize, Place)> {
    key.clear();
    let mut best = None;
    let mut k = i;
    while k - i < 5 {
        let Some(t) = toks.get(k) else { break };
        if t.kind != Kind::Word || (k > i && !t.space_before) {
            break;
        }
        if k > i {
            key.push(' ');
        }
        for c in t.text(text).chars() {
            key.extend(c.to_lowercase());
        }
        let l = gazetteer::lookup(key);
        if let Some(p) = l.exact {
            best = Some((k + 1, p));
        }
        if !l.longer {
            break;
        }
        k += 1;
    }
    best
}

/// Title case: a capital first, and not all capitals (`Berlin`, not `BERLIN` or `berlin`).
fn title(t: &Tok, text: &str) -> bool {
    let s = t.text(text);
    t.is_cap(text) && s.chars().skip(1).any(char::is_lowercase)
}

/// What follows `end`: `, Washington`, `, OH`, `, Germany`. Returns the place after, if one.
fn region_after(
    toks: &[Tok],
    end: usize,
    text: &str,
    key: &mut String,
) -> Option<(usize, usize, Option<Place>)> {
    let c = toks.get(end)?;
    if !c.is_punct(text, b',') {
        return None;
    }
    let n = toks.get(end + 1)?;
    if n.kind != Kind::Word {
        return None;
    }
    if CODES.contains(&n.text(text)) {
        return Some((end + 1, end + 2, None));
    }
    if !title(n, text) {
        return None;
    }
    let (e, p) = longest(toks, end + 1, text, key)?;
    (matches!(p.kind, PlaceKind::Region | PlaceKind::Country) && !p.ambiguous).then_some((
        end + 1,
        e,
        Some(p),
    ))
}

fn category(p: &Place) -> Category {
    if p.kind == PlaceKind::Country {
        Category::Country
    } else {
        Category::Location
    }
}

/// A run of capitalised words (and connectors between them) from `i`, at most four words.
fn cap_run(toks: &[Tok], i: usize, text: &str, any_case: bool) -> Option<usize> {
    let mut k = i;
    let mut end = None;
    let mut words = 0;
    while let Some(t) = toks.get(k) {
        if words >= 4 || t.kind != Kind::Word || (k > i && !t.space_before) {
            break;
        }
        let w = lower(t, text);
        if CAP_STOP.contains(&w) {
            break;
        }
        // Acronyms (`NTFS`, `TLS`, `USB`) are not places outside a location field.
        if !any_case && t.is_upper(text) && w.chars().count() < 6 {
            break;
        }
        if t.is_cap(text) || (any_case && !CONNECTORS.contains(&w) && k == i) {
            end = Some(k + 1);
        } else if !(CONNECTORS.contains(&w) && k > i) {
            break;
        }
        words += 1;
        k += 1;
    }
    end
}

/// Every place in `toks`, skipping the token ranges in `skip` (sorted, not overlapping).
pub fn find(toks: &[Tok], text: &str, skip: &[(usize, usize)]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut key = String::new();
    let mut skip_i = 0;
    let mut i = 0;
    while i < toks.len() {
        while skip.get(skip_i).is_some_and(|s| s.1 <= i) {
            skip_i += 1;
        }
        if let Some(&(s, e)) = skip.get(skip_i) {
            if s <= i {
                i = e;
                continue;
            }
        }
        let t = &toks[i];
        if t.kind != Kind::Word {
            i += 1;
            continue;
        }
        let cap = t.is_cap(text);
        if !cap {
            // Lower case: only right after a context word (`in belarus`, `city=columbus`).
            let prev_ok = i > 0 && {
                let p = &toks[i - 1];
                (p.kind == Kind::Word && p.is_in(text, &PHRASE_ENDS))
                    || matches!(
                        text.as_bytes().get(p.start),
                        Some(b':' | b'=' | b'"' | b'\'')
                    )
            };
            if !prev_ok {
                i += 1;
                continue;
            }
        }
        let ctx = if cap || i > 0 {
            context(toks, i, text)
        } else {
            Ctx::None
        };
        if !cap && ctx == Ctx::None {
            i += 1;
            continue;
        }
        let end_limit = skip.get(skip_i).map_or(toks.len(), |s| s.0);
        // Without context only a title-case name can be a place.
        let known = if ctx != Ctx::None || title(t, text) {
            longest(toks, i, text, &mut key).filter(|(e, _)| *e <= end_limit)
        } else {
            None
        };
        let mut hit: Option<(usize, Category, &'static str)> = None;
        if let Some((e, p)) = known {
            let acronym = t.is_upper(text) && t.text(text).chars().count() < 6;
            if !in_identifier(toks, i, e, text)
                && !t.is_in(text, &CAP_STOP)
                && (!acronym || ctx == Ctx::Key)
            {
                let ok = match ctx {
                    Ctx::Key | Ctx::Strong => true,
                    // `in Reading`, `from Nice`; not `back to Normal`, `instead of Samba`.
                    Ctx::Weak => {
                        (!p.ambiguous && (cap || p.kind != PlaceKind::Town))
                            || (title(t, text) && place_preposition(toks, i, text))
                    }
                    Ctx::None => {
                        (title(t, text) && !p.ambiguous && p.big && !name_like(toks, i, e, text))
                            || (cap && region_after(toks, e, text, &mut key).is_some())
                    }
                };
                if ok {
                    hit = Some((e, category(&p), "location.gazetteer"));
                }
            }
        }
        // An unknown name needs a context before it or a region after it (`Redmond, WA`),
        // and a capital: after a key too, a lower-case value the gazetteer does not know is a
        // status or a word (`"state": "published"`), not a place.
        let comma_soon = || toks[i + 1..].iter().take(5).any(|n| n.is_punct(text, b','));
        if hit.is_none() && cap && (ctx != Ctx::None || comma_soon()) {
            let strong = matches!(ctx, Ctx::Strong | Ctx::Key);
            if let Some(e) = cap_run(toks, i, text, ctx == Ctx::Key).filter(|e| *e <= end_limit) {
                let followed = region_after(toks, e, text, &mut key).is_some();
                // After a strong context, the run must end the clause (`I'm in Korbous,`).
                let ends = toks
                    .get(e)
                    .map_or(true, |n| n.kind != Kind::Word || !n.is_cap(text));
                if (strong && ends
                    || ctx == Ctx::Key
                    || followed && ctx != Ctx::None
                    || followed && title(t, text))
                    && !in_identifier(toks, i, e, text)
                {
                    hit = Some((e, Category::Location, "location.context"));
                }
            }
        }
        match hit {
            Some((e, category, rule)) => {
                out.push(Found {
                    start: i,
                    end: e,
                    category,
                    rule,
                });
                // `Redmond, Washington`: the region after is a place too.
                if let Some((s2, e2, Some(p))) = region_after(toks, e, text, &mut key) {
                    if e2 <= end_limit {
                        out.push(Found {
                            start: s2,
                            end: e2,
                            category: category_of(&p),
                            rule: "location.gazetteer",
                        });
                        i = e2;
                        continue;
                    }
                }
                i = e;
            }
            None => i += 1,
        }
    }
    out
}

/// The word before `i` says where (`in`, `from`, `near`, `aus`, `à`), not only `to` or `of`.
fn place_preposition(toks: &[Tok], i: usize, text: &str) -> bool {
    i.checked_sub(1).and_then(|p| toks.get(p)).is_some_and(|p| {
        matches!(
            lower(p, text).as_str(),
            "in" | "from" | "near" | "around" | "outside" | "à" | "aus" | "bei" | "uit" | "près"
        )
    })
}

/// A one-word name between capitalised words or after a title (`Jacob Fremont`, `Elizabeth
/// Mitchell`, `Mr. Rodriguez`) is a person's name more often than a place.
fn name_like(toks: &[Tok], i: usize, e: usize, text: &str) -> bool {
    if e != i + 1 {
        return false;
    }
    let next_cap = toks
        .get(e)
        .is_some_and(|n| n.space_before && n.is_cap(text));
    let prev = i.checked_sub(1).and_then(|p| toks.get(p));
    let prev_cap =
        toks[i].space_before && prev.is_some_and(|p| p.is_cap(text) && !p.is_in(text, &CAP_STOP));
    let title =
        i >= 2 && prev.is_some_and(|p| p.is_punct(text, b'.')) && toks[i - 2].is_in(text, &TITLES);
    next_cap || prev_cap || title || prev.is_some_and(|p| p.is_in(text, &TITLES))
}

const TITLES: Words = Words::new(&[
    "dhr", "dr", "frau", "herr", "m", "mevr", "miss", "mlle", "mme", "mr", "mrs", "ms", "prof",
    "sig", "sir", "sr", "sra", "srta",
]);

fn category_of(p: &Place) -> Category {
    category(p)
}

#[cfg(test)]
mod tests {
    #[test]
    fn lists_are_sorted() {
        for list in [
            super::WEAK.list(),
            super::KEYS.list(),
            super::TITLES.list(),
            super::PHRASE_ENDS.list(),
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(list.iter().all(|w| w.to_lowercase() == *w));
        }
        assert!(super::CODES.windows(2).all(|w| w[0] < w[1]));
    }
}
