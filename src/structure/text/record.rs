//! Whether a line starts like a log record: a timestamp and/or a level.

/// The length of the log-record prefix of `c` (a timestamp and/or a level, and the blanks
/// after them), when `c` starts like a log record.
pub(super) fn log_record_prefix(c: &str) -> Option<usize> {
    let b = c.as_bytes();
    let mut p = 0;
    let mut found = false;
    if let Some(n) = timestamp_len(b) {
        p = n;
        found = true;
        p += b
            .get(p..)
            .map_or(0, |r| r.iter().take_while(|x| **x == b' ').count());
    }
    if let Some(n) = level_len(b.get(p..).unwrap_or(&[])) {
        p += n;
        found = true;
        p += b.get(p..).map_or(0, |r| {
            r.iter()
                .take_while(|x| matches!(x, b' ' | b':' | b'-' | b'|'))
                .count()
        });
    }
    found.then_some(p)
}

fn digits(b: &[u8], at: usize) -> usize {
    b.get(at..)
        .map_or(0, |r| r.iter().take_while(|x| x.is_ascii_digit()).count())
}

/// A timestamp at the start of `b`, followed by a blank, `T`, `,` or the end: `2024-01-15`,
/// `2024/01/15`, `15.01.2024`, `10:00:01`, `Jan 15 10:00:01`, `081109 203615` (with the
/// time part, fraction and zone when present).
fn timestamp_len(b: &[u8]) -> Option<usize> {
    let at = |i: usize| b.get(i).copied();
    let ends = |i: usize| matches!(at(i), None | Some(b' ' | b'\t' | b'T' | b',' | b']' | b'|'));
    let mut p;
    let d1 = digits(b, 0);
    if d1 == 4 && matches!(at(4), Some(b'-' | b'/' | b'.')) {
        // 2024-01-15
        let sep = at(4);
        let d2 = digits(b, 5);
        if !(1..=2).contains(&d2) || at(5 + d2) != sep {
            return None;
        }
        let d3 = digits(b, 6 + d2);
        if !(1..=2).contains(&d3) {
            return None;
        }
        p = 6 + d2 + d3;
    } else if (1..=2).contains(&d1) && matches!(at(d1), Some(b'-' | b'/' | b'.')) {
        // 15/01/2024, 15.01.24
        let sep = at(d1);
        let d2 = digits(b, d1 + 1);
        if !(1..=2).contains(&d2) || at(d1 + 1 + d2) != sep {
            return None;
        }
        let d3 = digits(b, d1 + 2 + d2);
        if d3 != 2 && d3 != 4 {
            return None;
        }
        p = d1 + 2 + d2 + d3;
    } else if (1..=2).contains(&d1) && at(d1) == Some(b':') && digits(b, d1 + 1) == 2 {
        // 10:00:01 alone
        return time_len(b, 0).filter(|&n| ends(n));
    } else if d1 == 6 && at(6) == Some(b' ') && digits(b, 7) == 6 {
        // HDFS: 081109 203615
        p = 13;
    } else if let Some(m) = b.get(..4).filter(|m| m.get(3) == Some(&b' ')) {
        // Syslog: Jan 15 10:00:01
        const MONTHS: &[&[u8]] = &[
            b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov",
            b"Dec",
        ];
        if !MONTHS.contains(&m.get(..3)?) {
            return None;
        }
        let mut q = 4;
        if at(q) == Some(b' ') {
            q += 1;
        }
        let d = digits(b, q);
        if !(1..=2).contains(&d) || at(q + d) != Some(b' ') {
            return None;
        }
        return time_len(b, q + d + 1).filter(|&n| ends(n));
    } else {
        return None;
    }
    if !ends(p) {
        return None;
    }
    if matches!(at(p), Some(b' ' | b'T')) && digits(b, p + 1) >= 1 {
        if let Some(n) = time_len(b, p + 1) {
            p = n;
        }
    }
    ends(p).then_some(p)
}

/// `HH:MM[:SS[.fff]][Z|±hh:mm]` at `i`: the end offset.
fn time_len(b: &[u8], i: usize) -> Option<usize> {
    let h = digits(b, i);
    if !(1..=2).contains(&h) || b.get(i + h) != Some(&b':') || digits(b, i + h + 1) != 2 {
        return None;
    }
    let mut p = i + h + 3;
    if b.get(p) == Some(&b':') && digits(b, p + 1) == 2 {
        p += 3;
        if matches!(b.get(p), Some(b'.' | b',')) && digits(b, p + 1) >= 1 {
            p += 1 + digits(b, p + 1);
        }
    }
    if b.get(p) == Some(&b'Z') {
        p += 1;
    } else if matches!(b.get(p), Some(b'+' | b'-')) && digits(b, p + 1) >= 2 {
        p += 1 + digits(b, p + 1);
        if b.get(p) == Some(&b':') && digits(b, p + 1) == 2 {
            p += 3;
        }
    }
    Some(p)
}

/// A log level at the start of `b` (upper-case, or any case in brackets), followed by a
/// blank, `:`, `]` or `|`: the length, brackets included.
fn level_len(b: &[u8]) -> Option<usize> {
    const LEVELS: &[&str] = &[
        "TRACE", "DEBUG", "INFO", "NOTICE", "WARN", "WARNING", "ERROR", "ERR", "SEVERE", "FATAL",
        "CRITICAL", "CRIT", "ALERT", "EMERG",
    ];
    let bracketed = b.first() == Some(&b'[');
    let s = if bracketed { b.get(1..)? } else { b };
    let n = s.iter().take_while(|x| x.is_ascii_alphabetic()).count();
    let word = s.get(..n)?;
    let known = LEVELS.iter().any(|l| {
        if bracketed {
            l.as_bytes().eq_ignore_ascii_case(word)
        } else {
            l.as_bytes() == word
        }
    });
    if !known {
        return None;
    }
    if bracketed {
        return (s.get(n) == Some(&b']')).then_some(n + 2);
    }
    matches!(s.get(n), None | Some(b' ' | b'\t' | b':' | b'|')).then_some(n)
}
