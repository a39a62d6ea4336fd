//! IP addresses: IPv4 (with port or CIDR suffix) and IPv6 in every RFC 4291 / 5952 form
//! (compressed, mixed case, embedded IPv4, zone ids, in brackets, with the port appended the
//! way some Java logs print it). Validation is by the standard library's parsers, so
//! timestamps, MAC addresses, version strings and C++ `::` never pass.

use super::scan::{byte_before, is_word_byte, word_before};
use super::{Category, Detector, Finding};
use std::net::{Ipv4Addr, Ipv6Addr};

/// The detector of this module (see the module documentation).
pub struct IpDetector;

/// Words that make a quad a version only through a preposition (`upgraded from 3.4.5.6`);
/// on their own they precede hosts too (`blockMap updated: 10.0.0.1`).
const UPGRADE_WORDS: &[&str] = &[
    "upgrade",
    "upgraded",
    "upgrading",
    "downgrade",
    "downgraded",
    "downgrading",
];

/// Words that make a dotted quad a version number, not an address.
const VERSION_WORDS: &[&str] = &[
    "version", "ver", "v", "build", "release", "rel", "kernel", "linux", "firmware", "fw",
    "revision", "rev", "update", "patch", "sp", "oid",
    // Browsers and engines, written before their version (`Chrome 120.0.0.0`).
    "chrome", "chromium", "firefox", "safari", "edge", "edg", "opera", "opr", "msie", "webkit",
    "gecko", "brave", "vivaldi",
];

impl Detector for IpDetector {
    fn categories(&self) -> &[Category] {
        &[Category::Ipv4, Category::Ipv6]
    }

    fn detect(&self, text: &str, out: &mut Vec<Finding>) {
        let bytes = text.as_bytes();
        let v6_start = out.len();
        detect_v6(bytes, out);
        let v6_end = out.len();
        detect_v4(bytes, out, v6_start..v6_end);
        detect_dashed_v4(bytes, out);
    }
}

/// An IPv4 address spelled with dashes inside a host name, as reverse DNS and cloud providers
/// name hosts (`ip-10-0-1-23.ec2.internal`, `c-73-22-11-5.hsd1.ca.comcast.net`,
/// `dsl-082-083-227-067.arcor-ip.net`): the name gives the address away. Only the four
/// octets are reported. The label before them must hold a letter and not be a version word
/// (`linux-2-6-8-1`); a fifth number (`07-12-34-56-78`, a phone) or a dotted continuation
/// means it is not a quad.
fn detect_dashed_v4(bytes: &[u8], out: &mut Vec<Finding>) {
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'-', &bytes[i..]) {
        let dash = i + p;
        i = dash + 1;
        if !bytes.get(dash + 1).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        // The label before the dash: letters and digits, at least one letter.
        let mut ls = dash;
        while ls > 0 && bytes[ls - 1].is_ascii_alphanumeric() && dash - ls < 64 {
            ls -= 1;
        }
        let label = &bytes[ls..dash];
        if !label.iter().any(u8::is_ascii_alphabetic) {
            continue;
        }
        let lower = label.to_ascii_lowercase();
        if VERSION_WORDS
            .iter()
            .chain(UPGRADE_WORDS)
            .any(|w| w.as_bytes() == lower.as_slice())
        {
            continue;
        }
        let Some(end) = dashed_quad(bytes, dash + 1) else {
            continue;
        };
        out.push(Finding::new(
            Category::Ipv4,
            "ipv4.dashed_host",
            dash + 1,
            end,
            "four octets 0-255 spelled with dashes in a host name",
        ));
        i = end;
    }
}

/// Parses `a-b-c-d` (each 1-3 digits, at most 255, zero padding allowed) at `s`; the end of
/// the quad when a name separator (`.`, `-name`) or the end of the word follows it.
fn dashed_quad(bytes: &[u8], s: usize) -> Option<usize> {
    let mut pos = s;
    for octet in 0..4 {
        let os = pos;
        let mut v: u32 = 0;
        while let Some(d) = bytes.get(pos).filter(|b| b.is_ascii_digit()) {
            if pos - os == 3 {
                return None;
            }
            v = v * 10 + u32::from(d - b'0');
            pos += 1;
        }
        if pos == os || v > 255 {
            return None;
        }
        if octet < 3 {
            if bytes.get(pos) != Some(&b'-') {
                return None;
            }
            pos += 1;
        }
    }
    match bytes.get(pos) {
        // `-5` (a fifth number), `_x`, `.5` (a dotted number): not a host's quad.
        Some(b'-') if bytes.get(pos + 1).is_some_and(u8::is_ascii_digit) => None,
        Some(b'.') if bytes.get(pos + 1).is_some_and(u8::is_ascii_digit) => None,
        Some(b) if b.is_ascii_alphanumeric() || *b == b'_' => None,
        _ => Some(pos),
    }
}

fn is_hex(b: u8) -> bool {
    b.is_ascii_hexdigit()
}

fn detect_v4(bytes: &[u8], out: &mut Vec<Finding>, v6: std::ops::Range<usize>) {
    // The IPv6 spans by start, with the furthest end up to each: whether a span holds `s..e`
    // is then a binary search (a linear scan per candidate was quadratic on long logs).
    let mut spans: Vec<(usize, usize)> = out
        .get(v6)
        .unwrap_or_default()
        .iter()
        .map(|f| (f.start, f.end))
        .collect();
    spans.sort_unstable();
    let mut furthest = 0;
    for span in &mut spans {
        furthest = furthest.max(span.1);
        span.1 = furthest;
    }
    let inside_v6 = |s: usize, e: usize| {
        let k = spans.partition_point(|&(start, _)| start <= s);
        k > 0 && spans.get(k - 1).is_some_and(|&(_, end)| e <= end)
    };
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'.', &bytes[i..]) {
        let dot = i + p;
        i = dot + 1;
        // Start of a candidate: the digits right before the first dot.
        let mut s = dot;
        while s > 0 && bytes[s - 1].is_ascii_digit() && dot - s < 4 {
            s -= 1;
        }
        if s == dot {
            continue;
        }
        // Must be the first dot of the run: the char before the digits is not `digit.`
        if let Some(b) = byte_before(bytes, s) {
            if b.is_ascii_digit() || b == b'.' || is_word_byte(b) && b != b'_' || b == b'~' {
                continue;
            }
            if b == b'-'
                && s >= 2
                && bytes[s - 2].is_ascii_alphanumeric()
                && !ends_quad(bytes, s - 1)
            {
                // `linux-2.6.8.1`, `ip-10-0-0-1` style names are versions or hostnames;
                // `10.0.0.1-10.0.0.9` is a range.
                continue;
            }
        }
        let Some((end, addr_end)) = dotted_quad(bytes, s) else {
            continue;
        };
        i = end.max(i);
        // Skip those already inside an IPv6 finding (`::ffff:10.0.0.1`).
        if inside_v6(s, addr_end) {
            continue;
        }
        if is_version_context(bytes, s)
            || has_version_suffix(bytes, addr_end)
            || is_followed_by_version_word(bytes, addr_end)
        {
            continue;
        }
        out.push(Finding::new(
            Category::Ipv4,
            "ipv4.dotted",
            s,
            addr_end,
            "four octets 0-255",
        ));
    }
}

/// Prepositions that sit between a version word and the number (`upgrade from 3.4.5.6`).
const LINK_WORDS: &[&str] = &["from", "to", "of", "is", "was", "at"];

/// Whether the quad at `s` is named a version by the word before it (`version 6.1.1.0`,
/// `"version": "1.0.0.12"`, `upgrade from 3.4.5.6`).
fn is_version_context(bytes: &[u8], s: usize) -> bool {
    if product_version(bytes, s) {
        return true;
    }
    let (word, word_start) = word_before_quoted(bytes, s);
    if VERSION_WORDS.contains(&word.as_str()) {
        return true;
    }
    if LINK_WORDS.contains(&word.as_str()) {
        let (prev, _) = word_before_quoted(bytes, word_start);
        return VERSION_WORDS.contains(&prev.as_str()) || UPGRADE_WORDS.contains(&prev.as_str());
    }
    false
}

/// A user-agent product token (`Chrome/120.0.0.0`, `Edg/120.0.2210.91`): a capitalised
/// product name glued to the number by `/`, standing as a word of its own (not a path
/// segment: `/hosts/10.0.0.1` is an address).
fn product_version(bytes: &[u8], s: usize) -> bool {
    if s < 3 || bytes[s - 1] != b'/' {
        return false;
    }
    let name_end = s - 1;
    let mut k = name_end;
    while k > 0 && bytes[k - 1].is_ascii_alphanumeric() && name_end - k < 24 {
        k -= 1;
    }
    let standalone = k == 0 || matches!(bytes[k - 1], b' ' | b'\t' | b'(' | b')' | b'"' | b';');
    name_end - k >= 2 && bytes[k].is_ascii_uppercase() && standalone
}

/// The lower-cased letters-only word before `i`, skipping up to four separators (spaces,
/// `:`, `=`, `#`, quotes, as in JSON `"version": "1.0"`), and where that word starts.
fn word_before_quoted(bytes: &[u8], i: usize) -> (String, usize) {
    let mut j = i;
    let mut gap = 0;
    while j > 0
        && gap < 4
        && matches!(
            bytes[j - 1],
            b' ' | b'\t' | b':' | b'=' | b'#' | b'"' | b'\'' | b'/' | b'('
        )
    {
        j -= 1;
        gap += 1;
    }
    let end = j;
    while j > 0 && bytes[j - 1].is_ascii_alphabetic() && end - j < 24 {
        j -= 1;
    }
    let word = bytes[j..end]
        .iter()
        .map(|b| b.to_ascii_lowercase() as char)
        .collect();
    (word, j)
}

/// Whether a dotted quad ends right before `e`.
fn ends_quad(bytes: &[u8], e: usize) -> bool {
    let mut k = e;
    while k > 0 && (bytes[k - 1].is_ascii_digit() || bytes[k - 1] == b'.') && e - k < 15 {
        k -= 1;
    }
    dotted_quad(bytes, k).is_some_and(|(_, end)| end == e)
}

/// Debian/semver-style suffixes make the quad a package version: `2.6.8.1-3-386`,
/// `0.9.4.0-0ubuntu4`, `1.8.1.16+nobinonly`, `1.2.3.4~rc1`. An address range
/// (`10.0.0.1-254`, `10.0.0.1-10.0.0.9`) is not a suffix.
fn has_version_suffix(bytes: &[u8], end: usize) -> bool {
    match bytes.get(end) {
        Some(b'+' | b'~') => bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric),
        Some(b'-') => {
            let ds = end + 1;
            let mut de = ds;
            while bytes.get(de).is_some_and(u8::is_ascii_digit) {
                de += 1;
            }
            if de == ds {
                return false;
            }
            match bytes.get(de) {
                Some(b) if b.is_ascii_alphabetic() || *b == b'-' || *b == b'_' => true,
                Some(b'.') => dotted_quad(bytes, ds).is_none(),
                _ => false,
            }
        }
        _ => false,
    }
}

/// Words after a quad that make it a version (`the 2.6.8.1 kernel`, `3.2.0.2 ubuntu kernel`).
const VERSION_WORDS_AFTER: &[&str] = &["kernel", "release", "build", "firmware", "version"];

fn is_followed_by_version_word(bytes: &[u8], end: usize) -> bool {
    let mut j = end;
    for _ in 0..2 {
        while bytes
            .get(j)
            .is_some_and(|&b| matches!(b, b' ' | b'.' | b',' | b')'))
            && j - end < 8
        {
            j += 1;
        }
        let ws = j;
        while bytes.get(j).is_some_and(u8::is_ascii_alphabetic) && j - ws < 24 {
            j += 1;
        }
        if ws == j {
            return false;
        }
        let word = &bytes[ws..j];
        if VERSION_WORDS_AFTER
            .iter()
            .any(|w| w.as_bytes().eq_ignore_ascii_case(word))
        {
            return true;
        }
    }
    false
}

/// Parses a dotted quad starting at `s`. Returns (scan resume point, end of the address).
fn dotted_quad(bytes: &[u8], s: usize) -> Option<(usize, usize)> {
    let mut pos = s;
    for octet in 0..4 {
        let os = pos;
        while pos < bytes.len() && bytes[pos].is_ascii_digit() && pos - os < 4 {
            pos += 1;
        }
        let len = pos - os;
        if len == 0 || len > 3 {
            return None;
        }
        if octet < 3 {
            if bytes.get(pos) != Some(&b'.') {
                return None;
            }
            pos += 1;
        }
    }
    let end = pos;
    // Not followed by more of a dotted run (`1.2.3.4.5`, `1.2.3.4a`).
    match bytes.get(end) {
        Some(b'.') if bytes.get(end + 1).is_some_and(|b| b.is_ascii_digit()) => return None,
        Some(&b) if is_word_byte(b) => return None,
        _ => {}
    }
    let text = std::str::from_utf8(&bytes[s..end]).ok()?;
    text.parse::<Ipv4Addr>().ok()?;
    Some((end, end))
}

fn detect_v6(bytes: &[u8], out: &mut Vec<Finding>) {
    let mut i = 0;
    while let Some(p) = memchr::memchr(b':', &bytes[i..]) {
        let colon = i + p;
        // Grow the run of address characters around the colon.
        let mut s = colon;
        while s > 0 && (is_hex(bytes[s - 1]) || bytes[s - 1] == b':' || bytes[s - 1] == b'.') {
            s -= 1;
        }
        let mut e = colon + 1;
        while e < bytes.len() && (is_hex(bytes[e]) || bytes[e] == b':' || bytes[e] == b'.') {
            e += 1;
        }
        i = e.max(colon + 1);
        // Leading dots belong to the sentence, trailing dots and colons too.
        while s < e && bytes[s] == b'.' {
            s += 1;
        }
        while e > s
            && (bytes[e - 1] == b'.' || (bytes[e - 1] == b':' && !bytes[s..e].ends_with(b"::")))
        {
            e -= 1;
        }
        // An interface name or a separator glued before the address (`v6(en0:2001:db8::1)`,
        // `en0-:2001:db8::1`): the address starts after the first single colon.
        let glued = byte_before(bytes, s).is_some_and(is_word_byte);
        let mut stripped = false;
        if glued || (bytes.get(s) == Some(&b':') && bytes.get(s + 1) != Some(&b':')) {
            let Some(c) = bytes[s..e].iter().position(|&b| b == b':') else {
                continue;
            };
            // An interface name ends in a short number (`en0`, `eth1`, `vlan100`); a word
            // ending in a whole group (`text2001:db8::1`) is not an interface and address.
            if glued && c >= 4 {
                continue;
            }
            let s2 = s + c + 1;
            if s2 >= e || bytes.get(s2) == Some(&b':') {
                continue;
            }
            s = s2;
            stripped = true;
        }
        if !stripped && byte_before(bytes, s) == Some(b':') {
            continue;
        }
        // `::11` glued to a closing bracket (`Foo()::x`, `[host]::11`, a placeholder that
        // replaced the address in `10.0.0.1::11`) continues what precedes it.
        if !stripped
            && bytes.get(s) == Some(&b':')
            && matches!(byte_before(bytes, s), Some(b']' | b')'))
        {
            continue;
        }
        if bytes.get(e).is_some_and(|&b| is_word_byte(b)) {
            continue;
        }
        if &bytes[s..e] == b"::" && !bare_unspecified_ok(bytes, s, e) {
            continue;
        }
        if let Some((fs, fe, rule)) = parse_v6_run(bytes, s, e) {
            // A zone id (`fe80::1%eth0`) names a local interface, not a person: the span
            // stops at the `%` so the replacement keeps it (`[IPV6-1]%eth0`).
            out.push(Finding::new(
                Category::Ipv6,
                rule,
                fs,
                fe,
                "valid IPv6 (RFC 4291)",
            ));
        }
    }
}

/// Words after which a lone `::` is the unspecified address (`listening on ::`).
const UNSPECIFIED_WORDS: &[&str] = &[
    "on",
    "at",
    "from",
    "to",
    "address",
    "addr",
    "bind",
    "listen",
    "listening",
    "host",
    "ip",
    "ipv",
    "src",
    "dst",
    "via",
];

/// A lone `::` is an address when it stands as a value: at the start of the text, after a
/// bracket, slash, `=`, quote or comma, or after a word such as `on` or `bind`. Elsewhere
/// (`Foo::Bar ::`, `x :: Int`) it is code.
fn bare_unspecified_ok(bytes: &[u8], s: usize, e: usize) -> bool {
    let right_ok = bytes.get(e).map_or(true, |&b| {
        matches!(
            b,
            b' ' | b'\t' | b'\r' | b'\n' | b']' | b')' | b'/' | b',' | b'"' | b'\'' | b';' | b'.'
        )
    });
    let left_ok = match byte_before(bytes, s) {
        None => true,
        Some(b'[' | b'(' | b'/' | b'=' | b'"' | b'\'' | b',') => true,
        Some(b' ' | b'\t') => UNSPECIFIED_WORDS.contains(&word_before(bytes, s, 1).as_str()),
        _ => false,
    };
    left_ok && right_ok
}

fn parse_v6_run(bytes: &[u8], s: usize, e: usize) -> Option<(usize, usize, &'static str)> {
    let run = std::str::from_utf8(&bytes[s..e]).ok()?;
    let colons = run.bytes().filter(|&b| b == b':').count();
    // The unspecified address `::` has no hex digit; it stands alone (`listening on ::`),
    // glued-to-word forms (`std::`, `Foo::Bar`) were rejected by the caller.
    if colons < 2 || !(run.bytes().any(is_hex) || run == "::") {
        return None;
    }
    if run.parse::<Ipv6Addr>().is_ok() {
        return Some((s, e, "ipv6.address"));
    }
    // `0:0:0:0:0:0:0:0:2181`: eight groups plus a decimal port, as Java prints sockets.
    if let Some(last) = run.rfind(':') {
        let (addr, port) = (&run[..last], &run[last + 1..]);
        if !port.is_empty()
            && port.len() <= 5
            && port.bytes().all(|b| b.is_ascii_digit())
            && !addr.contains("::")
            && addr.parse::<Ipv6Addr>().is_ok()
        {
            return Some((s, s + last, "ipv6.with_port"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashed_addresses_in_host_names() {
        let found = |t: &str| -> Vec<String> {
            let mut out = Vec::new();
            IpDetector.detect(t, &mut out);
            out.iter().map(|f| t[f.start..f.end].to_string()).collect()
        };
        assert_eq!(found("host ip-10-0-1-23.ec2.internal up"), ["10-0-1-23"]);
        assert_eq!(
            found("from c-73-22-11-5.hsd1.ca.comcast.net port 22"),
            ["73-22-11-5"]
        );
        assert_eq!(
            found("rhost=dsl-082-083-227-067.arcor-ip.net"),
            ["082-083-227-067"]
        );
        assert_eq!(found("node-10-1-2-3-sta.example.net"), ["10-1-2-3"]);
        assert_eq!(found("Wake from calvisitor-10-1-2-3: ok"), ["10-1-2-3"]);
        // Not addresses: dates, a fifth number (a phone), versions, octets over 255,
        // glued letters, no letter in the label.
        for t in [
            "on 2024-01-15-10 at",
            "call 07-12-34-56-78 now",
            "linux-2-6-8-1 image",
            "version-1-2-3-4",
            "room-300-1-2-3",
            "x-1-2-3-4abc",
            "12-10-20-30-40",
            "id-1-2-3-4.5",
            "[IPV4-1]",
        ] {
            assert!(found(t).is_empty(), "{t}: {:?}", found(t));
        }
    }

    fn found(text: &str) -> Vec<(Category, &str)> {
        let mut out = Vec::new();
        IpDetector.detect(text, &mut out);
        out.sort_by_key(|f| f.start);
        out.iter()
            .map(|f| (f.category, &text[f.start..f.end]))
            .collect()
    }

    #[test]
    fn ipv4_forms() {
        assert_eq!(
            found("from 203.0.113.9 port"),
            [(Category::Ipv4, "203.0.113.9")]
        );
        assert_eq!(
            found("/10.10.34.11:3888"),
            [(Category::Ipv4, "10.10.34.11")]
        );
        assert_eq!(found("net 10.0.0.0/8."), [(Category::Ipv4, "10.0.0.0")]);
        assert_eq!(
            found("rhost=218.188.2.4  user"),
            [(Category::Ipv4, "218.188.2.4")]
        );
    }

    #[test]
    fn ipv4_not_versions() {
        assert!(found("version 6.1.1.0").is_empty());
        assert!(found("v1.2.3.4 and ~6.1.1.0").is_empty());
        assert!(found("1.2.3.4.5 and 256.1.1.1 and 01.2.3.4").is_empty());
        assert!(found(r#"{"version": "1.0.0.12"}"#).is_empty());
        assert!(found("Upgrade from 3.4.5.6 to release 3.4.6.0").is_empty());
        assert!(found("uname: 2.6.8.1-3-386 and pkg_0.9.4.0-0ubuntu4.1.dsc").is_empty());
        assert!(found("spidermonkey-bin/1.8.1.16+nobinonly and 1.2.3.4~rc1").is_empty());
        assert!(found("the 2.6.8.1. kernel, the 3.2.0.2 ubuntu kernel").is_empty());
        assert!(found("firmware/1.0.4.3.arm and a newer version (1.1.0.1)").is_empty());
        assert_eq!(
            found("scan 10.0.0.1-254 and 10.0.0.1-10.0.0.9 box"),
            [
                (Category::Ipv4, "10.0.0.1"),
                (Category::Ipv4, "10.0.0.1"),
                (Category::Ipv4, "10.0.0.9")
            ]
        );
        assert_eq!(
            found("blockMap updated: 10.0.0.1:50010"),
            [(Category::Ipv4, "10.0.0.1")]
        );
        assert_eq!(
            found("connection from 203.0.113.9 to 10.0.0.1"),
            [
                (Category::Ipv4, "203.0.113.9"),
                (Category::Ipv4, "10.0.0.1")
            ]
        );
    }

    #[test]
    fn regression_issue_7_compressed_v6_after_closing_bracket() {
        // The placeholder of `10.0.0.1` in `10.0.0.1::11` must not leave `::11` detected.
        assert!(found("from [IPV4-4]::11 bye").is_empty());
        assert!(found("call Foo()::11 now").is_empty());
        assert_eq!(
            found("from 10.0.0.1::11 bye"),
            [(Category::Ipv4, "10.0.0.1")]
        );
        assert_eq!(found("at [::11]:80"), [(Category::Ipv6, "::11")]);
        let engine = crate::Engine::new(crate::Policy::default()).unwrap();
        let s = engine.sanitize("from 202.100.179.208::11 bye");
        assert_eq!(s.report.residual, 0, "{:?}", s.report.residuals);
        assert_eq!(engine.sanitize(&s.text).text, s.text);
    }

    #[test]
    fn ipv6_forms() {
        assert_eq!(
            found("at 2001:db8::1 ok"),
            [(Category::Ipv6, "2001:db8::1")]
        );
        assert_eq!(
            found("[2001:DB8:0:0::1]:443"),
            [(Category::Ipv6, "2001:DB8:0:0::1")]
        );
        assert_eq!(found("fe80::1%eth0 up"), [(Category::Ipv6, "fe80::1")]);
        assert_eq!(found("listening on :: port 22"), [(Category::Ipv6, "::")]);
        assert_eq!(
            found("v6(en0:2001:db8:6000:8:c6b3:1ff:fecd:467f)"),
            [(Category::Ipv6, "2001:db8:6000:8:c6b3:1ff:fecd:467f")]
        );
        assert_eq!(
            found("v6(en0-:2001:db8::7)"),
            [(Category::Ipv6, "2001:db8::7")]
        );
        assert_eq!(found("[::]:8080"), [(Category::Ipv6, "::")]);
        assert_eq!(
            found("::ffff:10.0.0.1"),
            [(Category::Ipv6, "::ffff:10.0.0.1")]
        );
        assert_eq!(
            found("/0:0:0:0:0:0:0:0:2181"),
            [(Category::Ipv6, "0:0:0:0:0:0:0:0")]
        );
    }

    #[test]
    fn v4_inside_v6_skipped_among_many() {
        let text = "a ::ffff:10.0.0.1 b 10.0.0.2 c ::ffff:10.0.0.3 d 10.0.0.4\n".repeat(50);
        let f = found(&text);
        assert_eq!(f.len(), 200);
        for (k, pair) in f.chunks(4).enumerate() {
            assert_eq!(
                pair,
                [
                    (Category::Ipv6, "::ffff:10.0.0.1"),
                    (Category::Ipv4, "10.0.0.2"),
                    (Category::Ipv6, "::ffff:10.0.0.3"),
                    (Category::Ipv4, "10.0.0.4"),
                ],
                "line {k}"
            );
        }
    }

    #[test]
    fn ipv6_not_times_macs_cpp() {
        assert!(found("12:34:56 and 2024-01-15T09:23:11Z").is_empty());
        assert!(found("mac 00:a2:ee:1a:71:8c").is_empty());
        assert!(found("std::vector<int> Foo::Bar ::").is_empty());
        assert!(found("length :: Int -> Int").is_empty());
        assert!(found("at T09:02:17Z and x:12:34:56 and std::map<a, b>::iterator").is_empty());
    }
}
