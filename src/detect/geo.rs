//! Geographic coordinates, only where the text says they are coordinates:
//! - key/value pairs on one line: `lat: 40.7128, lon: -74.0060`, `"latitude": 51.5,
//!   "longitude": -0.12` (each number is reported, so JSON keeps its shape);
//! - hemisphere or degree forms: `40.7128° N, 74.0060° W`, `48°51'30"N 2°17'40"E`;
//! - bare decimal pairs `48.8584, 2.2945` with at least three decimals on both halves, in range,
//!   and a context word (lat, lon, location, coordinates, gps, geo, ...) shortly before.
//!
//! Version numbers, IP parts and plain decimals never have that context.

use super::scan::is_word_byte;
use super::{Category, Detector, Finding};
use crate::pattern::Pattern as Regex;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder};
use std::sync::LazyLock;

/// The detector of this module (see the module documentation).
pub struct GeoDetector;

/// Compiles a built-in pattern with the user-pattern syntax (ASCII `\b` and `(?i)`: the
/// regex crate ships without Unicode tables).
fn built_in(pattern: &str) -> Option<Regex> {
    crate::pattern::compile_with_limit(pattern, pattern, 1 << 20).ok()
}

static BARE_PAIR: LazyLock<Option<Regex>> =
    LazyLock::new(|| built_in(r"-?[0-9]{1,3}\.[0-9]{3,15}[ \t]?,[ \t]?-?[0-9]{1,3}\.[0-9]{3,15}"));

/// One hemisphere-marked component: decimal degrees or degrees/minutes/seconds.
const COMPONENT: &str = r#"[0-9]{1,3}(?:\.[0-9]+)?(?:[ ]?°(?:[ ]?[0-9]{1,2}(?:\.[0-9]+)?[ ]?['′](?:[ ]?[0-9]{1,2}(?:\.[0-9]+)?[ ]?(?:"|″|''))?)?)?[ ]?"#;

static HEMISPHERE_PAIR: LazyLock<Option<Regex>> = LazyLock::new(|| {
    built_in(&format!(
        r"{COMPONENT}[NSns][ \t]?[,;/]?[ \t]?{COMPONENT}[EWew]"
    ))
});

static LAT_KEY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    built_in(r#"(?i)\b(?:lat|latitude)"?[ \t]*[:=][ \t]*"?(-?[0-9]{1,3}\.[0-9]+)"#)
});

static LON_KEY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    built_in(r#"(?i)\b(?:lon|lng|long|longitude)"?[ \t]*[:=][ \t]*"?(-?[0-9]{1,3}\.[0-9]+)"#)
});

const CONTEXT_WORDS: &[&str] = &[
    "lat",
    "lon",
    "long",
    "lng",
    "latitude",
    "longitude",
    "location",
    "loc",
    "coordinates",
    "coords",
    "coord",
    "gps",
    "geo",
    "geolocation",
    "position",
    "pos",
    "latlng",
    "latlon",
    "located",
    "map",
    "maps",
];

impl Detector for GeoDetector {
    fn categories(&self) -> &[Category] {
        &[Category::Coordinates]
    }

    fn detect(&self, text: &str, out: &mut Vec<Finding>) {
        let bytes = text.as_bytes();
        // Degree signs are rare: the hemisphere form is searched on the lines that hold one
        // (and below, on lines with a context word); everything else only on context lines.

        let mut done_to = 0;
        for p in memchr::memmem::find_iter(bytes, "°".as_bytes()) {
            if p < done_to {
                continue;
            }
            let ls = memchr::memrchr(b'\n', &bytes[..p]).map_or(0, |i| i + 1);
            let le = memchr::memchr(b'\n', &bytes[p..]).map_or(bytes.len(), |i| p + i);
            hemisphere_pairs(text, ls, le, out);
            done_to = le;
        }
        if memchr::memchr(b'.', bytes).is_none() {
            return;
        }
        // Every form here has a decimal number, which chat text seldom has: visit the lines
        // with one (`d.d`), and look for a context word on those lines only.
        let mut done_to = 0;
        for p in memchr::memchr_iter(b'.', bytes) {
            if p < done_to || p == 0 {
                continue;
            }
            if !(bytes[p - 1].is_ascii_digit() && bytes.get(p + 1).is_some_and(u8::is_ascii_digit))
            {
                continue;
            }
            // A number with a second dot is an address or a version (`10.0.0.1`, `2.6.8`),
            // not a degree value: skip it, and the rest of its token.
            let mut q = p + 1;
            while bytes.get(q).is_some_and(|b| b.is_ascii_digit()) {
                q += 1;
            }
            if bytes.get(q) == Some(&b'.') && bytes.get(q + 1).is_some_and(u8::is_ascii_digit) {
                done_to = q + 1;
                continue;
            }
            let mut r = p - 1;
            while r > 0 && bytes[r - 1].is_ascii_digit() {
                r -= 1;
            }
            if r >= 2 && bytes[r - 1] == b'.' && bytes[r - 2].is_ascii_digit() {
                continue;
            }
            let ls = memchr::memrchr(b'\n', &bytes[..p]).map_or(0, |i| i + 1);
            let le = memchr::memchr(b'\n', &bytes[p..]).map_or(bytes.len(), |i| p + i);
            done_to = le;
            if !has_context_word(&bytes[ls..le]) {
                continue;
            }
            let has_degree = memchr::memmem::find(&bytes[ls..le], "°".as_bytes()).is_some();
            scan_line(text, ls, le, has_degree, out);
        }
    }
}

/// Whether `line` holds a whole context word (`lat`, `GPS`, ...; not `localhost`, `mapping`).
fn has_context_word(line: &[u8]) -> bool {
    CONTEXT_STEMS.find_iter(line).any(|m| {
        if m.start() > 0 && line[m.start() - 1].is_ascii_alphabetic() {
            return false;
        }
        let wlen = line[m.start()..]
            .iter()
            .take(16)
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        let word = &line[m.start()..m.start() + wlen];
        CONTEXT_WORDS
            .iter()
            .any(|c| c.as_bytes().eq_ignore_ascii_case(word))
    })
}

/// Word starts that can introduce coordinates (`lat`, `longitude`, `location`, `GPS`, ...).
static CONTEXT_STEMS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    const STEMS: [&str; 9] = [
        "lat", "lon", "lng", "loc", "coord", "gps", "geo", "pos", "map",
    ];
    // Lower, Capitalised and UPPER spellings instead of full case folding: a few dozen
    // literal patterns keep the vectorised searcher, which matters on big logs.
    let mut patterns = Vec::with_capacity(STEMS.len() * 3);
    for stem in STEMS {
        patterns.push(stem.to_string());
        patterns.push(stem.to_ascii_uppercase());
        let mut cap = stem.to_string();
        cap[..1].make_ascii_uppercase();
        patterns.push(cap);
    }
    AhoCorasickBuilder::new()
        .build(patterns)
        // A constant list that always builds.
        .unwrap_or_else(|_| std::process::abort())
});

fn hemisphere_pairs(text: &str, ls: usize, le: usize, out: &mut Vec<Finding>) {
    let bytes = text.as_bytes();
    let Some(re) = HEMISPHERE_PAIR.as_ref() else {
        return;
    };
    for (ms, me) in re.find_all(&text[ls..le]) {
        let (s, e) = (ls + ms, ls + me);
        let v = &text[s..e];
        // Without a degree sign, two decimals and capital hemisphere letters.
        let marked = v.contains('°')
            || (v.matches('.').count() >= 2
                && !v.bytes().any(|b| matches!(b, b'n' | b's' | b'e' | b'w')));
        if marked && boundary_ok(bytes, s, e) && !out.iter().any(|f| f.start == s && f.end == e) {
            out.push(Finding::new(
                Category::Coordinates,
                "geo.hemisphere",
                s,
                e,
                "latitude/longitude with hemisphere letters",
            ));
        }
    }
}

/// All line-local forms on the line `ls..le`, which holds a context word.
fn scan_line(text: &str, ls: usize, le: usize, degrees_done: bool, out: &mut Vec<Finding>) {
    let bytes = text.as_bytes();
    let first = out.len();
    if !degrees_done {
        hemisphere_pairs(text, ls, le, out);
    }
    key_values(text, ls, le, out);
    let Some(re) = BARE_PAIR.as_ref() else {
        return;
    };
    for (ms, me) in re.find_all(&text[ls..le]) {
        let (s, e) = (ls + ms, ls + me);
        if out[first..].iter().any(|f| f.start < e && s < f.end)
            || out.iter().any(|f| f.start == s && f.end == e)
            || !boundary_ok(bytes, s, e)
        {
            continue;
        }
        let mut parts = text[s..e].split(',');
        let lat = parts.next().and_then(|p| p.trim().parse::<f64>().ok());
        let lon = parts.next().and_then(|p| p.trim().parse::<f64>().ok());
        let (Some(lat), Some(lon)) = (lat, lon) else {
            continue;
        };
        if lat.abs() > 90.0 || lon.abs() > 180.0 || !context_before(bytes, s) {
            continue;
        }
        out.push(Finding::new(
            Category::Coordinates,
            "geo.pair",
            s,
            e,
            "decimal lat/long pair after a location word",
        ));
    }
}

/// `lat: x ... lon: y` on one line: both keys must be present; each value is reported.
fn key_values(text: &str, ls: usize, le: usize, out: &mut Vec<Finding>) {
    let (Some(lat_re), Some(lon_re)) = (LAT_KEY.as_ref(), LON_KEY.as_ref()) else {
        return;
    };
    let line = &text[ls..le];
    let Some(lon) = lon_re
        .find_all(line)
        .first()
        .map(|&(s, e)| (trailing_number(line, s, e), e))
    else {
        return;
    };
    let Ok(b) = line[lon.0..lon.1].parse::<f64>() else {
        return;
    };
    let lon_span = (ls + lon.0, ls + lon.1);
    for (ms, me) in lat_re.find_all(line) {
        let lv = (trailing_number(line, ms, me), me);
        let lat_span = (ls + lv.0, ls + lv.1);
        // Both keys close together on the line.
        let gap = lat_span.0.abs_diff(lon_span.0);
        let Ok(a) = line[lv.0..lv.1].parse::<f64>() else {
            continue;
        };
        if gap > 120 || a.abs() > 90.0 || b.abs() > 180.0 {
            continue;
        }
        for (s, e) in [lat_span, lon_span] {
            if out.iter().any(|f| f.start == s && f.end == e) {
                continue;
            }
            if bytes_after_ok(text.as_bytes(), e) {
                out.push(Finding::new(
                    Category::Coordinates,
                    "geo.key_value",
                    s,
                    e,
                    "latitude and longitude keys on one line",
                ));
            }
        }
    }
}

fn trailing_number(line: &str, s: usize, e: usize) -> usize {
    let b = line.as_bytes();
    let mut i = e;
    while i > s
        && b.get(i - 1)
            .is_some_and(|c| c.is_ascii_digit() || *c == b'.' || *c == b'-')
    {
        i -= 1;
    }
    i
}

fn bytes_after_ok(bytes: &[u8], e: usize) -> bool {
    !bytes.get(e).is_some_and(|&b| {
        is_word_byte(b) || (b == b'.' && bytes.get(e + 1).is_some_and(u8::is_ascii_digit))
    })
}

fn boundary_ok(bytes: &[u8], s: usize, e: usize) -> bool {
    let left = match s.checked_sub(1).and_then(|p| bytes.get(p)) {
        None => true,
        Some(&b) => !(is_word_byte(b) || b == b'.' || b == b'-'),
    };
    left && bytes_after_ok(bytes, e)
}

/// A context word in the 60 bytes before `s` on the same line.
fn context_before(bytes: &[u8], s: usize) -> bool {
    let from = s.saturating_sub(60);
    let window = &bytes[from..s];
    let line = match memchr::memrchr(b'\n', window) {
        Some(p) => &window[p + 1..],
        None => window,
    };
    let lower = line.to_ascii_lowercase();
    lower
        .split(|b| !b.is_ascii_alphabetic())
        .any(|w| CONTEXT_WORDS.iter().any(|c| c.as_bytes() == w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_patterns_compile() {
        // A pattern that failed to compile would silently find nothing.
        for re in [&BARE_PAIR, &HEMISPHERE_PAIR, &LAT_KEY, &LON_KEY] {
            assert!(re.is_some());
        }
    }

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        GeoDetector.detect(text, &mut out);
        out.sort_by_key(|f| f.start);
        out.iter().map(|f| &text[f.start..f.end]).collect()
    }

    #[test]
    fn pairs_with_context() {
        assert_eq!(
            found("location: 48.8584, 2.2945 (tower)"),
            ["48.8584, 2.2945"]
        );
        assert_eq!(found("GPS fix 40.7128,-74.0060."), ["40.7128,-74.0060"]);
        assert_eq!(
            found("lat: 40.7128, lon: -74.0060"),
            ["40.7128", "-74.0060"]
        );
        assert_eq!(
            found(r#"{"latitude": 51.5, "longitude": -0.12}"#),
            ["51.5", "-0.12"]
        );
        assert_eq!(
            found("at 40.7128° N, 74.0060° W today"),
            ["40.7128° N, 74.0060° W"]
        );
        assert_eq!(found("48°51'30\"N 2°17'40\"E"), ["48°51'30\"N 2°17'40\"E"]);
    }

    #[test]
    fn hemisphere_without_degree_needs_context() {
        assert_eq!(
            found("Location: 40.7128 N, 74.0060 W"),
            ["40.7128 N, 74.0060 W"]
        );
        assert!(found("got 40.7128 N, 74.0060 W").is_empty());
    }

    #[test]
    fn not_coordinates() {
        // No context word.
        assert!(found("totals 48.8584, 2.2945").is_empty());
        // Too few decimals in a bare pair.
        assert!(found("location 48.85, 2.29").is_empty());
        // Versions, IPs, plain decimals.
        assert!(found("location v1.2.3, 10.0.0.1, 3.14159").is_empty());
        assert!(found("gps 1.2.3.4, 5.6.7.8").is_empty());
        assert!(found("location 192.168.001, 10.100.200").is_empty());
        // Out of range.
        assert!(found("coordinates 123.4567, 200.1234").is_empty());
        // Only one key.
        assert!(found("lat: 40.7128 only").is_empty());
        // Placeholders.
        assert!(found("location [COORDINATES-1], [COORDINATES]").is_empty());
        // Sizes and angles without hemispheres.
        assert!(found("rotate 45° now 3 N").is_empty());
    }
}
