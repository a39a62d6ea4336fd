//! loghub raw logs: IPv4, IPv6 and email ground truth computed independently of the
//! detectors (MANIFEST.md rules 1-3, with `std::net` parsing), and precision traps
//! (timestamps, versions, UUIDs, HDFS block ids, HealthApp epochs) scored as negatives.

use crate::score::{score_spans, Label, Tally};
use logscrub::{Category, Engine, Finding};
use regex::Regex;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::path::Path;
use std::sync::LazyLock;

const SCORED: &[Category] = &[Category::Ipv4, Category::Ipv6, Category::Email];

/// Words after which a dotted quad is a version number (MANIFEST: `VERSION_LIKE`).
const VERSION_WORDS: &[&str] = &[
    "version", "ver", "build", "release", "kernel", "firmware", "revision", "rev",
];

fn re(p: &str) -> Regex {
    logscrub::pattern::ascii_syntax(p)
        .map_err(|e| e.to_string())
        .and_then(|a| Regex::new(&a).map_err(|e| e.to_string()))
        .unwrap_or_else(|e| panic!("bad built-in regex {p}: {e}"))
}

static TOKEN_SEP: LazyLock<Regex> = LazyLock::new(|| re(r#"[\s\[\](){},;="'/]+"#));
static V6_RUN: LazyLock<Regex> = LazyLock::new(|| re(r"[0-9A-Fa-f:.%]+"));
static TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]+",
        r"|[0-9]{8}-[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?::[0-9]+)?",
        r"|[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}(?:[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:[.,][0-9]+)?)?",
        r"|[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}",
        r"|\b[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:[.,][0-9]{1,6})?\b",
        r"|\b1[0-9]{9}\b",
    ))
});
static VERSION: LazyLock<Regex> = LazyLock::new(|| re(r"\b[vV~]?[0-9]+(?:\.[0-9]+){2,}\b"));
static UUID: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")
});
/// A host name label that spells an IPv4 address with dashes (`ip-10-0-1-23.ec2.internal`,
/// `adsl-63-197-98-106.dsl.example.net`): letters and digits with at least one letter, then
/// four dash-separated numbers, then the end of the name, a dot and a label, or `-letters`.
static DASHED_HOST: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[^A-Za-z0-9_.])[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*-([0-9]{1,3})-([0-9]{1,3})-([0-9]{1,3})-([0-9]{1,3})(?:$|[^A-Za-z0-9_.-]|\.[A-Za-z]|-[A-Za-z])",
    )
});
/// An HDFS block pool id, which embeds the address of the name node that created it
/// (`BP-1347369012-10.190.173.170-1444972147527`): the address is labelled.
static BLOCK_POOL: LazyLock<Regex> =
    LazyLock::new(|| re(r"BP-[0-9]+-([0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3})-[0-9]+"));
static HDFS_BLOCK: LazyLock<Regex> = LazyLock::new(|| re(r"blk_-?([0-9]+)"));
static EPOCH_MS: LazyLock<Regex> = LazyLock::new(|| re(r"\b[0-9]{13}\b"));
static HEX_ID: LazyLock<Regex> = LazyLock::new(|| re(r"\b[0-9a-f]{32,}\b"));

/// Ground truth of one file.
#[derive(Default)]
pub struct Truth {
    pub labels: Vec<Label>,
    /// Named negative spans: (trap row, start, end, only this category counts or any).
    pub traps: Vec<(&'static str, usize, usize, Option<Category>)>,
}

/// IPv4 in one token: the token is split further on `:` (ports, `key:value`) and `@`
/// (`user@host`), and each piece must parse as a whole.
fn ipv4_token(tok: &str) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut off = 0;
    for piece in tok.split([':', '@']) {
        if let Some((s, e, v)) = ipv4_host(piece) {
            out.push((off + s, off + e, v));
        }
        off += piece.len() + 1;
    }
    out
}

fn ipv4_host(tok: &str) -> Option<(usize, usize, bool)> {
    let host = tok.trim_end_matches(['.', ',']);
    let (skip, version) = match host.as_bytes().first() {
        Some(b'v' | b'V' | b'~') => (1, true),
        _ => (0, false),
    };
    let addr = &host[skip..];
    if addr.parse::<Ipv4Addr>().is_ok() {
        return Some((skip, skip + addr.len(), version));
    }
    // Reverse-DNS names that spell the address (`62.99.164.82.dsl.example.net`): the
    // leading quad is the address.
    let parts: Vec<&str> = addr.splitn(5, '.').collect();
    if parts.len() == 5 && parts[4].starts_with(|c: char| c.is_ascii_alphabetic()) {
        let quad_len = parts[..4].iter().map(|p| p.len()).sum::<usize>() + 3;
        if addr[..quad_len].parse::<Ipv4Addr>().is_ok() {
            return Some((skip, skip + quad_len, version));
        }
    }
    None
}

fn ipv6_run(run: &str) -> Option<usize> {
    let colons = run.bytes().filter(|&b| b == b':').count();
    if !(run.contains("::") || colons >= 2) {
        return None;
    }
    let run = run.split('%').next().unwrap_or(run);
    let run = run.trim_end_matches('.');
    let run = if run.ends_with(':') && !run.ends_with("::") {
        &run[..run.len() - 1]
    } else {
        run
    };
    if run.parse::<Ipv6Addr>().is_ok() {
        return Some(run.len());
    }
    // Eight full groups and a decimal port, as Java prints unbracketed sockets.
    let (addr, port) = run.rsplit_once(':')?;
    let full = addr.split(':').count() == 8 && !addr.contains("::");
    (full && port.bytes().all(|b| b.is_ascii_digit()) && addr.parse::<Ipv6Addr>().is_ok())
        .then_some(addr.len())
}

fn valid_domain(d: &str) -> bool {
    let labels: Vec<&str> = d.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.len() <= 63 && !l.starts_with('-') && !l.ends_with('-'))
        && labels
            .last()
            .is_some_and(|t| t.len() >= 2 && t.bytes().all(|b| b.is_ascii_alphabetic()))
}

fn is_local(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

/// Email spans on one line (rule 3, with the URL userinfo case).
fn emails(line: &str, base: usize, out: &mut Vec<Label>) {
    let b = line.as_bytes();
    let ats = line
        .match_indices('@')
        .map(|(i, _)| (i, 1))
        .chain(line.match_indices("%40").map(|(i, _)| (i, 3)));
    for (at, at_len) in ats {
        let mut s = at;
        while s > 0 && is_local(b[s - 1]) {
            s -= 1;
        }
        let mut e = at + at_len;
        while e < b.len() && (b[e].is_ascii_alphanumeric() || matches!(b[e], b'.' | b'-')) {
            e += 1;
        }
        let local = line[s..at].trim_start_matches('.');
        let s = at - local.len();
        let domain = line[at + at_len..e].trim_end_matches('.');
        // URL userinfo (`scheme://user:pass@host`): not an address, unless the userinfo is
        // itself a percent-encoded address.
        let mut u = s;
        while u > 0 && !matches!(b[u - 1], b' ' | b'\t' | b'/' | b'@' | b'"' | b'\'') {
            u -= 1;
        }
        if line[..u].ends_with("//") {
            if let Some((l, d)) = line[u..at].split_once("%40") {
                if !l.is_empty() && valid_domain(d) {
                    out.push(Label {
                        category: Category::Email,
                        start: base + u,
                        end: base + at,
                    });
                }
            }
            continue;
        }
        if local.is_empty() || local.ends_with('.') || local.contains("..") || !valid_domain(domain)
        {
            continue;
        }
        out.push(Label {
            category: Category::Email,
            start: base + s,
            end: base + at + at_len + domain.len(),
        });
    }
}

pub fn truth(file: &str, text: &str) -> Truth {
    let mut t = Truth::default();
    let mut base = 0;
    for line in text.split_inclusive('\n') {
        // IPv4 by tokens.
        let mut prev_word = String::new();
        let mut pos = 0;
        let mut pieces: Vec<(usize, &str)> = Vec::new();
        for m in TOKEN_SEP.find_iter(line) {
            pieces.push((pos, &line[pos..m.start()]));
            pos = m.end();
        }
        pieces.push((pos, &line[pos..]));
        for (off, tok) in pieces {
            if tok.is_empty() {
                continue;
            }
            for (s, e, v) in ipv4_token(tok) {
                let version = v || VERSION_WORDS.contains(&prev_word.as_str());
                if version {
                    t.traps
                        .push(("trap_version", base + off + s, base + off + e, None));
                } else {
                    t.labels.push(Label {
                        category: Category::Ipv4,
                        start: base + off + s,
                        end: base + off + e,
                    });
                }
            }
            prev_word = tok.trim_end_matches(':').to_ascii_lowercase();
        }
        for c in BLOCK_POOL.captures_iter(line) {
            if let Some(m) = c.get(1).filter(|m| m.as_str().parse::<Ipv4Addr>().is_ok()) {
                t.labels.push(Label {
                    category: Category::Ipv4,
                    start: base + m.start(),
                    end: base + m.end(),
                });
            }
        }
        // IPv6 by maximal runs.
        let lb = line.as_bytes();
        for m in V6_RUN.find_iter(line) {
            let before_ok = m.start() == 0 || !lb[m.start() - 1].is_ascii_alphanumeric();
            let mut s = m.start();
            while s < m.end() && lb[s] == b'.' {
                s += 1;
            }
            // `en0:2607:f140::1`, `en0-:2607:f140::1`: an interface name glued before the
            // address; the address is what follows the first single colon.
            let r = &line[s..m.end()];
            let lead = !before_ok || (r.starts_with(':') && !r.starts_with("::"));
            if lead && ipv6_run(r).is_none() {
                if let Some(c) = r.find(':') {
                    let rest = &r[c + 1..];
                    if !rest.starts_with(':') {
                        if let Some(len) = ipv6_run(rest) {
                            let st = s + c + 1;
                            t.labels.push(Label {
                                category: Category::Ipv6,
                                start: base + st,
                                end: base + st + len,
                            });
                        }
                    }
                }
                continue;
            }
            // A run glued to a word on the right (`)::listenerCallback`) is code, unless the
            // run ended on a single separating colon (`...:2181:QuorumPeer`).
            let r = &line[m.start()..m.end()];
            let after_ok = lb.get(m.end()).map_or(true, |b| !b.is_ascii_alphanumeric())
                || (r.ends_with(':') && !r.ends_with("::"));
            if !(before_ok && after_ok) {
                continue;
            }
            if let Some(len) = ipv6_run(&line[s..m.end()]) {
                t.labels.push(Label {
                    category: Category::Ipv6,
                    start: base + s,
                    end: base + s + len,
                });
            }
        }
        // IPv4 spelled with dashes in host names.
        for c in DASHED_HOST.captures_iter(line) {
            let (Some(a), Some(d)) = (c.get(1), c.get(4)) else {
                continue;
            };
            let octets_ok = (1..=4).all(|k| {
                c.get(k)
                    .and_then(|m| m.as_str().parse::<u16>().ok())
                    .is_some_and(|v| v <= 255)
            });
            if octets_ok {
                t.labels.push(Label {
                    category: Category::Ipv4,
                    start: base + a.start(),
                    end: base + d.end(),
                });
            }
        }
        emails(line, base, &mut t.labels);
        // Traps.
        let add = |t: &mut Truth, name, re: &Regex, only| {
            for m in re.find_iter(line) {
                // `50:15:36` inside the MAC `5c:50:15:36:bc:03` is not a time: a colon with a
                // hex digit beyond it on either side makes the match part of a longer token.
                let lb = line.as_bytes();
                let hex_colon = |i: Option<usize>, j: Option<usize>| matches!((i.and_then(|i| lb.get(i)), j.and_then(|j| lb.get(j))), (Some(b':'), Some(h)) if h.is_ascii_hexdigit());
                if hex_colon(m.start().checked_sub(1), m.start().checked_sub(2))
                    || hex_colon(Some(m.end()), Some(m.end() + 1))
                {
                    continue;
                }
                t.traps.push((name, base + m.start(), base + m.end(), only));
            }
        };
        add(&mut t, "trap_timestamp", &TIMESTAMP, None);
        add(&mut t, "trap_uuid", &UUID, None);
        for m in VERSION.find_iter(line) {
            if m.as_str().parse::<Ipv4Addr>().is_err() {
                t.traps
                    .push(("trap_version", base + m.start(), base + m.end(), None));
            }
        }
        if file.starts_with("HDFS") {
            for c in HDFS_BLOCK.captures_iter(line) {
                if let Some(g) = c.get(1) {
                    t.traps.push((
                        "trap_card_hdfs_blk",
                        base + g.start(),
                        base + g.end(),
                        Some(Category::Card),
                    ));
                }
            }
        }
        if file.starts_with("HealthApp") {
            add(
                &mut t,
                "trap_card_healthapp_epoch",
                &EPOCH_MS,
                Some(Category::Card),
            );
        }
        if file.starts_with("OpenStack") {
            add(&mut t, "trap_hex_id", &HEX_ID, Some(Category::Secret));
        }
        base += line.len();
    }
    // A trap that overlaps a labelled address is not a trap (`fe80::12:34:56`).
    let labels = &t.labels;
    t.traps
        .retain(|&(_, s, e, _)| !labels.iter().any(|l| l.start < e && s < l.end));
    t
}

/// Counts trap spans hit by a finding (of the given category, or of any).
fn score_traps(truth: &Truth, findings: &[Finding], tally: &mut Tally, file: &str, text: &str) {
    for &(name, s, e, only) in &truth.traps {
        *tally.entry(name).negatives.get_or_insert(0) += 1;
        let hit = findings
            .iter()
            .find(|f| f.start < e && s < f.end && only.map_or(true, |c| c == f.category));
        if let Some(f) = hit {
            tally.entry(name).fp += 1;
            if crate::verbose::enabled() {
                eprintln!(
                    "FP {file} {name} by {} ({}): {:?}",
                    f.category.id(),
                    f.rule,
                    text.get(f.start..f.end).unwrap_or("")
                );
            }
        }
    }
}

pub fn evaluate(engine: &Engine, dir: &Path, tally: &mut Tally) -> Result<usize, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "log"))
        .collect();
    files.sort();
    for c in SCORED {
        tally.touch(c.id());
    }
    for name in [
        "trap_timestamp",
        "trap_version",
        "trap_uuid",
        "trap_card_hdfs_blk",
        "trap_card_healthapp_epoch",
    ] {
        tally.touch(name);
    }
    for path in &files {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let text = String::from_utf8_lossy(&bytes);
        let file = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let truth = truth(file, &text);
        let (findings, _) = engine.detect(&text);
        if crate::verbose::enabled() {
            crate::verbose::report(file, &text, &truth.labels, &findings, SCORED);
        }
        score_spans(&truth.labels, &findings, SCORED, tally);
        score_traps(&truth, &findings, tally, file, &text);
    }
    Ok(files.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str) -> Vec<(Category, &str)> {
        truth("X.log", text)
            .labels
            .iter()
            .map(|l| (l.category, &text[l.start..l.end]))
            .collect()
    }

    #[test]
    fn ground_truth_rules() {
        assert_eq!(
            labels("rhost=218.188.2.4 x"),
            [(Category::Ipv4, "218.188.2.4")]
        );
        assert_eq!(
            labels("/10.10.34.11:3888"),
            [(Category::Ipv4, "10.10.34.11")]
        );
        assert!(labels("version 6.1.1.0 and ~6.1.1.0").is_empty());
        assert_eq!(
            labels("/0:0:0:0:0:0:0:0:2181"),
            [(Category::Ipv6, "0:0:0:0:0:0:0:0")]
        );
        assert!(labels("12:34:56 00:a2:ee:1a:71:8c").is_empty());
        assert_eq!(
            labels("by bob@bugs.example.com."),
            [(Category::Email, "bob@bugs.example.com")]
        );
        assert_eq!(
            labels("https://1395%40163.com@p28.icloud.com/x"),
            [(Category::Email, "1395%40163.com")]
        );
        assert!(labels("https://user:pw@host.example.com/").is_empty());
        assert_eq!(
            labels("block BP-1347369012-10.190.173.170-1444972147527:blk_1"),
            [(Category::Ipv4, "10.190.173.170")]
        );
    }
}
