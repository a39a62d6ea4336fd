//! Reading a run of digit groups: where one may start, a cheap bound, the parse with its
//! separators, parentheses and extension.

use crate::detect::scan::is_word_byte;

/// Bytes a phone number can start with.
pub(super) static START: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = b'0';
    while b <= b'9' {
        t[b as usize] = true;
        b += 1;
    }
    t[b'+' as usize] = true;
    t[b'(' as usize] = true;
    t
};

fn is_sep(b: u8) -> bool {
    matches!(b, b' ' | b'-' | b'.' | b'/' | b'(' | b')')
}

/// An upper bound on the digits of any number starting at `s` (digits joined by up to three
/// separator bytes), and where that run ends. No allocation.
pub(super) fn quick_scan(bytes: &[u8], s: usize) -> (usize, usize) {
    let mut e = s;
    let mut n = 0;
    let mut seps = 0;
    if bytes.get(e) == Some(&b'+') {
        e += 1;
    }
    while let Some(&b) = bytes.get(e) {
        if b.is_ascii_digit() {
            n += 1;
            seps = 0;
        } else if is_sep(b) && seps < 3 {
            seps += 1;
        } else {
            break;
        }
        e += 1;
    }
    (n, e)
}

/// Past the digits (and `+`/`(`) at `s`, so a rejected run is not retried from its middle.
pub(super) fn skip_token(bytes: &[u8], s: usize) -> usize {
    let mut e = s + 1;
    while e < bytes.len() && (bytes[e].is_ascii_digit() || is_word_byte(bytes[e])) {
        e += 1;
    }
    e
}

/// Past a whole run of digit groups that failed to parse (too long, too many groups), so
/// its tail (`081111 000037 17163`) is not mistaken for a shorter number.
pub(super) fn skip_run(bytes: &[u8], s: usize) -> usize {
    let mut e = s + 1;
    while let Some(&b) = bytes.get(e) {
        let sep_then_digit = matches!(b, b' ' | b'-' | b'.' | b'/' | b'(' | b')')
            && bytes.get(e + 1).is_some_and(u8::is_ascii_digit);
        if b.is_ascii_digit() || is_word_byte(b) || b == b')' || sep_then_digit {
            e += 1;
        } else {
            break;
        }
    }
    e
}

pub(super) fn starts_token(bytes: &[u8], s: usize) -> bool {
    let Some(&b) = s.checked_sub(1).and_then(|p| bytes.get(p)) else {
        return true;
    };
    // A JSON/C escape (`\n`, `\t`, `\r`) before the number is a line break, not a word.
    if matches!(b, b'n' | b'r' | b't') && escaped_at(bytes, s - 1) {
        return true;
    }
    if is_word_byte(b) || b == b'+' || b == b'$' || b == b'#' {
        return false;
    }
    // `v1.`, `a-123`, `blk_-123`, `x/123`, `1:23`: part of a longer token. A `+` opens a
    // number after any of them (`tel:+1…`, `…co,+44 …`): the punctuation is a separator.
    if matches!(b, b'.' | b'-' | b'/' | b':' | b',') && bytes.get(s) != Some(&b'+') {
        let before = s.checked_sub(2).and_then(|p| bytes.get(p)).copied();
        if before.is_some_and(|c| is_word_byte(c) || matches!(c, b'.' | b'-' | b'/' | b':')) {
            return false;
        }
    }
    true
}

/// Whether `bytes[i]` is escaped: preceded by an odd number of backslashes.
fn escaped_at(bytes: &[u8], i: usize) -> bool {
    let n = bytes[..i].iter().rev().take_while(|&&c| c == b'\\').count();
    n % 2 == 1
}

/// A parsed run of digit groups.
pub(super) struct Run {
    pub(super) end: usize,
    pub(super) plus: bool,
    /// Digit count of each group, in order.
    pub(super) groups: Vec<usize>,
    /// Index of the group written in parentheses, if any.
    pub(super) paren: Option<usize>,
    /// Separators between groups (`b' '`, `b'-'`, `b'.'`, `b'/'`, `b')'` for a closing paren).
    pub(super) seps: Vec<u8>,
    pub(super) digits: Vec<u8>,
    /// End of the extension (`x204`, ` ext. 204`), if any.
    pub(super) ext_end: Option<usize>,
}

fn read_digits(bytes: &[u8], pos: &mut usize, digits: &mut Vec<u8>) -> usize {
    let s = *pos;
    while let Some(&b) = bytes.get(*pos) {
        if !b.is_ascii_digit() || *pos - s >= 15 {
            break;
        }
        digits.push(b);
        *pos += 1;
    }
    *pos - s
}

pub(super) fn parse_run(bytes: &[u8], s: usize) -> Option<Run> {
    let mut pos = s;
    let mut run = Run {
        end: s,
        plus: false,
        groups: Vec::new(),
        paren: None,
        seps: Vec::new(),
        digits: Vec::new(),
        ext_end: None,
    };
    if bytes.get(pos) == Some(&b'+') {
        run.plus = true;
        pos += 1;
    }
    loop {
        // A group in parentheses: `(555)`, `(0)`, `(08)`.
        let in_paren = bytes.get(pos) == Some(&b'(');
        if in_paren {
            // `(555) 010-1234`, `+46 (0)8 ...`: the area code or trunk digit leads.
            let leads = run.groups.is_empty()
                || (run.plus && run.groups.len() == 1)
                || run.digits.as_slice() == b"0";
            if run.paren.is_some() || !leads {
                return None;
            }
            pos += 1;
        }
        let n = read_digits(bytes, &mut pos, &mut run.digits);
        if n == 0 {
            return None;
        }
        if in_paren {
            if bytes.get(pos) != Some(&b')') || n > 5 {
                return None;
            }
            pos += 1;
            run.paren = Some(run.groups.len());
        }
        run.groups.push(n);
        run.end = pos;
        if run.groups.len() > 8 || run.digits.len() > 16 {
            return None;
        }
        // Separator to the next group. A group in parentheses is recorded as `)` whatever
        // follows it; otherwise the separator character itself.
        let here = pos;
        let mut sep = if in_paren { b')' } else { 0 };
        let spaced_dash = bytes.get(pos..pos + 3) == Some(&b" - "[..]);
        match bytes.get(pos) {
            _ if spaced_dash => {
                pos += 3;
                if !in_paren {
                    sep = b'-';
                }
            }
            Some(&c @ (b' ' | b'-' | b'.' | b'/')) => {
                pos += 1;
                if !in_paren {
                    sep = c;
                }
            }
            _ => {}
        }
        let continues = match bytes.get(pos) {
            Some(b) if b.is_ascii_digit() => pos > here || in_paren,
            Some(b'(') => pos > here && bytes.get(pos + 1).is_some_and(u8::is_ascii_digit),
            _ => false,
        };
        if !continues {
            break;
        }
        run.seps.push(sep);
    }
    run.ext_end = extension(bytes, run.end);
    Some(run)
}

/// `x204`, ` x204`, ` ext 204`, ` ext. 204`, `, ext. 204`, ` extension 204`.
fn extension(bytes: &[u8], end: usize) -> Option<usize> {
    let mut pos = end;
    if bytes.get(pos) == Some(&b',') {
        pos += 1;
    }
    if bytes.get(pos) == Some(&b' ') {
        pos += 1;
    }
    let rest = bytes.get(pos..)?;
    let word_len = [&b"extension"[..], b"ext.", b"ext", b"x", b"#"]
        .iter()
        .find(|w| rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w))
        .map(|w| w.len())?;
    pos += word_len;
    if bytes.get(pos) == Some(&b' ') && word_len > 1 {
        pos += 1;
    }
    let ds = pos;
    while pos < bytes.len() && bytes[pos].is_ascii_digit() && pos - ds < 7 {
        pos += 1;
    }
    if pos == ds || bytes.get(pos).is_some_and(|&b| is_word_byte(b)) {
        return None;
    }
    Some(pos)
}
