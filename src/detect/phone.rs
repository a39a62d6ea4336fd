//! Phone numbers: international (`+44 20 7946 0958`, `+1-202-555-0173`, `+46 (0)8 928 571 38`)
//! and national formats with spaces, dots, dashes, parentheses and extensions
//! (`(555) 010-1234 x204`, `555.010.1234`, `020 7946 0958`, `06 12 34 56 78`).
//!
//! The scanner reads a run of digit groups with their separators, then classifies it:
//! - strong shapes fire alone: a leading `+` (E.164), the North American 3-3-4 layouts,
//!   a trunk `0` followed by grouped digits, the French dotted pairs;
//! - weaker shapes (short grouped runs, a bare run of 7-11 digits) need a context word
//!   (`phone`, `tel`, `call`, `mobile`, `fax`, ...) just before, or a label like `office`
//!   or `fax` just after.
//!
//! Dates, IP addresses, versions, epoch times, long digit runs and pieces of UUIDs or other
//! tokens are rejected by shape before any context is considered.
//!
//! The value itself never spans a line, but its context may: a number alone on its line takes
//! the label of the line above (`Phone:\n555 0101`), as in exported contact cards. A stream
//! segment boundary between those two lines loses that context for weak shapes.

use super::scan::is_word_byte;
use super::{Category, Detector, Finding};

pub struct PhoneDetector;

/// Words that make a grouped digit run a phone number.
const CONTEXT_WORDS: &[&str] = &[
    "phone",
    "phones",
    "telephone",
    "tel",
    "tél",
    "telefon",
    "telefono",
    "teléfono",
    "call",
    "called",
    "calling",
    "mobile",
    "mob",
    "cell",
    "cellphone",
    "fax",
    "whatsapp",
    "sms",
    "dial",
    "ring",
    "landline",
    "hotline",
    "contact",
    "reach",
    "desk",
    "office",
    "home",
    "work",
    "answering",
    "message",
    "messages",
    "voicemail",
    "ph",
    "tlf",
    "number",
    "no",
    "nr",
    "num",
    "line",
    "portable",
    "joindre",
];

/// Context words that say "a number" without saying "a phone" (`license number is ...`).
const VAGUE_WORDS: &[&str] = &[
    "number", "no", "nr", "num", "contact", "reach", "home", "work", "office", "message",
    "messages", "desk",
];

/// The subset strong enough for a bare digit run (`Fax: 9498777106`).
const BARE_CONTEXT_WORDS: &[&str] = &[
    "phone",
    "telephone",
    "tel",
    "tél",
    "telefon",
    "call",
    "calling",
    "mobile",
    "mob",
    "cell",
    "cellphone",
    "fax",
    "whatsapp",
    "sms",
    "dial",
    "landline",
    "hotline",
    "desk",
    "answering",
    "voicemail",
    "ph",
    "tlf",
];

/// Labels written right after a number (`555 0101 office`, `-Fax`).
const AFTER_WORDS: &[&str] = &[
    "office", "fax", "mobile", "cell", "home", "work", "phone", "tel", "desk", "landline",
];

/// Words that make a digit run something else, whatever follows.
const VETO_WORDS: &[&str] = &[
    "order",
    "id",
    "ticket",
    "case",
    "invoice",
    "ref",
    "reference",
    "account",
    "acct",
    "zip",
    "postcode",
    "version",
    "ver",
    "build",
    "port",
    "pid",
    "serial",
    "sn",
    "tracking",
    "pin",
    "code",
    "otp",
    "card",
    "iban",
    "ssn",
    "routing",
    "sku",
    "batch",
    "job",
    "blk",
    "block",
    "license",
    "licence",
    "passport",
    "address",
    "amount",
    "total",
    "price",
    "balance",
    "flags",
    "flag",
    "status",
    "error",
    "err",
    "errno",
    "hresult",
    "exit",
    "size",
    "bytes",
];

/// Street words after a number: `17031 2202 Main St` is a house number and a street.
const STREET_WORDS: &[&str] = &[
    "st",
    "street",
    "rd",
    "road",
    "ave",
    "avenue",
    "blvd",
    "boulevard",
    "lane",
    "ln",
    "dr",
    "drive",
    "way",
    "court",
    "ct",
    "place",
    "pl",
    "apt",
    "suite",
    "box",
    "str",
    "strasse",
    "straße",
    "rue",
    "via",
    "calle",
    "square",
    "sq",
    "hwy",
    "highway",
    "parkway",
    "terrace",
];

impl Detector for PhoneDetector {
    fn categories(&self) -> &[Category] {
        &[Category::Phone]
    }

    fn detect(&self, text: &str, out: &mut Vec<Finding>) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Prefilter: the next digit, `+` or `(`; every number has a digit within two bytes
            // of its start (`+(`, `(`, `+`).
            let Some(s) = super::scan::next_start(bytes, i, 2, &START) else {
                return;
            };
            if !starts_token(bytes, s) {
                i = skip_token(bytes, s);
                continue;
            }
            // Cheap bound before any parsing: most digit runs in logs are short counters.
            let (n, qend) = quick_scan(bytes, s);
            if !(6..=16).contains(&n) {
                i = qend.max(s + 1);
                continue;
            }
            match parse_run(bytes, s) {
                Some(run) => {
                    if let Some(f) = classify(bytes, s, &run) {
                        i = f.end;
                        out.push(f);
                    } else {
                        i = run.end.max(s + 1);
                    }
                }
                None => i = skip_run(bytes, s),
            }
        }
    }
}

/// Bytes a phone number can start with.
static START: [bool; 256] = {
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
fn quick_scan(bytes: &[u8], s: usize) -> (usize, usize) {
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
fn skip_token(bytes: &[u8], s: usize) -> usize {
    let mut e = s + 1;
    while e < bytes.len() && (bytes[e].is_ascii_digit() || is_word_byte(bytes[e])) {
        e += 1;
    }
    e
}

/// Past a whole run of digit groups that failed to parse (too long, too many groups), so
/// its tail (`081111 000037 17163`) is not mistaken for a shorter number.
fn skip_run(bytes: &[u8], s: usize) -> usize {
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

fn starts_token(bytes: &[u8], s: usize) -> bool {
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
struct Run {
    end: usize,
    plus: bool,
    /// Digit count of each group, in order.
    groups: Vec<usize>,
    /// Index of the group written in parentheses, if any.
    paren: Option<usize>,
    /// Separators between groups (`b' '`, `b'-'`, `b'.'`, `b'/'`, `b')'` for a closing paren).
    seps: Vec<u8>,
    digits: Vec<u8>,
    /// End of the extension (`x204`, ` ext. 204`), if any.
    ext_end: Option<usize>,
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

fn parse_run(bytes: &[u8], s: usize) -> Option<Run> {
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

#[derive(PartialEq, Eq, PartialOrd, Ord, Clone, Copy)]
enum Strength {
    /// Needs a strong context word.
    Bare,
    /// Needs a context word.
    Weak,
    /// Fires alone.
    Strong,
}

fn classify(bytes: &[u8], s: usize, run: &Run) -> Option<Finding> {
    let n = run.digits.len();
    let end = run.ext_end.unwrap_or(run.end);
    // The run must end here: not glued to letters, not continued by `.5`, `-7`, `:30`.
    match bytes.get(run.end) {
        Some(&b) if is_word_byte(b) && run.ext_end.is_none() => return None,
        Some(b'.' | b'-' | b'/' | b':' | b',')
            if bytes.get(run.end + 1).is_some_and(u8::is_ascii_digit) && run.ext_end.is_none() =>
        {
            return None
        }
        _ => {}
    }
    if !(6..=15).contains(&n) || looks_like_date(run) || looks_like_time_or_version(bytes, run) {
        return None;
    }
    let strength = strength(run)?;
    let ctx = context(bytes, s, end);
    // A house number and a street name, not a phone number (`03262 2437 Main St`).
    if !run.plus
        && (strength != Strength::Strong || run.digits.first() == Some(&b'0'))
        && street_follows(bytes, end)
    {
        return None;
    }
    let ok = match strength {
        // An explicit international number outweighs a far identifier word.
        Strength::Strong => ctx != Context::Veto && (run.plus || ctx != Context::FarVeto),
        Strength::Weak => {
            matches!(ctx, Context::Phone | Context::StrongPhone) && n >= 7
                || ctx == Context::StrongPhone && n == 6 && run.groups.len() >= 3
        }
        Strength::Bare => ctx == Context::StrongPhone,
    };
    if !ok {
        return None;
    }
    let (rule, reason) = match strength {
        Strength::Strong if run.plus => ("phone.international", "international number shape"),
        Strength::Strong => ("phone.national", "national number layout"),
        _ => ("phone.context", "digit groups after a phone context word"),
    };
    Some(Finding::new(Category::Phone, rule, s, end, reason))
}

fn strength(run: &Run) -> Option<Strength> {
    let g = &run.groups;
    let n = run.digits.len();
    let first = run.digits.first().copied()?;
    // No dialling plan has numbers starting `000`: padded counters and ids.
    if run.digits.starts_with(b"000") {
        return None;
    }
    let dots = run.seps.contains(&b'.');
    let slashes = run.seps.iter().filter(|&&c| c == b'/').count();
    if slashes > 1 {
        return None;
    }
    // Dots only in one consistent layout: 3-3-4 or all pairs (FR/BE style); not IPs/versions.
    if dots {
        if run.seps.iter().any(|&c| c != b'.') && !run.plus {
            return None;
        }
        let nanp = g.as_slice() == [3, 3, 4];
        let pairs = g.len() >= 4 && g.iter().all(|&l| l == 2);
        let plus_ok = run.plus && g.len() >= 3;
        let mobile = g.as_slice() == [3, 3, 2, 2];
        if !(nanp || pairs || plus_ok || mobile) {
            return None;
        }
    }
    // A single digit is a country code, trunk or area digit, never a trailing group.
    if g.len() > 1 && g.last() == Some(&1) {
        return None;
    }
    if run.plus {
        return (n >= 8 && first != b'0').then_some(Strength::Strong);
    }
    // A national number with its trunk prefix `0` (not `00`), written in one run
    // (`0653115033`, `05321234567`, `09171234567`): 10 or 11 digits.
    let trunk_lead = first == b'0' && run.digits.get(1) != Some(&b'0');
    if g.len() == 1 {
        if trunk_lead && (10..=11).contains(&n) {
            return Some(Strength::Strong);
        }
        // A bare run: never 12+ digits (ids, epoch ms), never `1xxxxxxxxx` (epoch seconds).
        let epoch = n == 10 && first == b'1';
        return (n <= 11 && !epoch && !yyyymmdd(&run.digits)).then_some(Strength::Bare);
    }
    // The trunk `0` written apart: `0 532 123 45 67`, `0-532-123-45-67`, `0 (532) 1234567`.
    if trunk_lead
        && g[0] == 1
        && (10..=11).contains(&n)
        && g[1..].iter().all(|&l| l >= 2)
        && (run.paren.is_none() || run.paren == Some(1))
        && !run.seps.contains(&b'/')
    {
        return Some(Strength::Strong);
    }
    // A 3-3-2-2 layout of ten digits (`532 123 45 67`): a mobile number in several
    // countries, not a date, an IP (a group above 255 when dotted) or a version.
    if g.as_slice() == [3, 3, 2, 2]
        && !matches!(first, b'0' | b'1')
        && run.paren.is_none()
        && run.seps.windows(2).all(|w| w[0] == w[1])
        && (!dots || run.digits.chunks(3).take(2).any(|c| c > &b"255"[..]))
    {
        return Some(Strength::Strong);
    }
    let nanp = match (g.as_slice(), run.paren) {
        ([3, 3, 4], None | Some(0)) => true,
        ([1, 3, 3, 4], None) => first == b'1',
        ([3, 3, 3, 4], None) => run.digits.starts_with(b"001"),
        _ => false,
    };
    if nanp && !run.seps.contains(&b'/') {
        return Some(Strength::Strong);
    }
    // A trunk prefix `0` (not `00`) and enough digits for a full national number.
    let trunk = first == b'0'
        && run.digits.get(1) != Some(&b'0')
        && (9..=11).contains(&n)
        && g.iter().all(|&l| l >= 2)
        && !run.seps.contains(&b'/');
    if trunk {
        return Some(Strength::Strong);
    }
    // An area code in parentheses and a full number: `(11) 91234-5678`, `(08) 8747 6301`.
    if run.paren == Some(0) && (2..=4).contains(&g[0]) && (9..=11).contains(&n) && g.len() >= 3 {
        return Some(Strength::Strong);
    }
    // International dialling prefix `00` plus a 1-3 digit country code, then groups.
    if run.digits.starts_with(b"00") && (10..=15).contains(&n) && (3..=5).contains(&g[0]) {
        return Some(Strength::Strong);
    }
    Some(Strength::Weak)
}

/// `2024-01-15`, `15.01.2024`, `01/15/24`, `2024 01 15`.
fn looks_like_date(run: &Run) -> bool {
    let g = &run.groups;
    if g.len() != 3 || run.plus || run.paren.is_some() {
        return false;
    }
    let vals: Vec<u32> = {
        let mut v = Vec::with_capacity(3);
        let mut k = 0;
        for &l in g {
            let Some(slice) = run.digits.get(k..k + l) else {
                return false;
            };
            v.push(slice.iter().fold(0u32, |a, &d| {
                a.saturating_mul(10).saturating_add(u32::from(d - b'0'))
            }));
            k += l;
        }
        v
    };
    let day_month = |a: u32, b: u32| {
        ((1..=31).contains(&a) && (1..=12).contains(&b))
            || ((1..=12).contains(&a) && (1..=31).contains(&b))
    };
    match g.as_slice() {
        [4, 2, 2] => (1900..=2099).contains(&vals[0]) && day_month(vals[2], vals[1]),
        [2, 2, 4] | [1, 2, 4] | [2, 1, 4] | [1, 1, 4] => {
            (1900..=2099).contains(&vals[2]) && day_month(vals[0], vals[1])
        }
        [2, 2, 2] => day_month(vals[0], vals[1]) && run.seps.iter().all(|&c| c != b' '),
        _ => false,
    }
}

fn yyyymmdd(d: &[u8]) -> bool {
    if d.len() != 8 {
        return false;
    }
    let v = |a: usize, b: usize| {
        d[a..b]
            .iter()
            .fold(0u32, |acc, &x| acc * 10 + u32::from(x - b'0'))
    };
    (1900..=2099).contains(&v(0, 4)) && (1..=12).contains(&v(4, 6)) && (1..=31).contains(&v(6, 8))
}

/// `12:30`, `v1.2.3`: a colon or a version marker right around the run.
fn looks_like_time_or_version(bytes: &[u8], run: &Run) -> bool {
    matches!(bytes.get(run.end), Some(b':'))
        && bytes.get(run.end + 1).is_some_and(u8::is_ascii_digit)
}

#[derive(PartialEq, Eq, Clone, Copy, Debug)]
enum Context {
    None,
    /// An identifier word right before the number (`order 5551234`).
    Veto,
    /// An identifier word a few words before, with no phone word nearer.
    FarVeto,
    Phone,
    StrongPhone,
}

/// Looks for context words before the number (same line, or the line above when the number
/// starts its own line, as in `Phone:\n555 0101`) and labels after it.
fn context(bytes: &[u8], s: usize, end: usize) -> Context {
    let line_start = super::scan::line_start_near(bytes, s, 256);
    let mut from = s.saturating_sub(48).max(line_start);
    let prefix_blank = bytes[line_start..s].iter().all(|b| b.is_ascii_whitespace());
    if prefix_blank && line_start > 0 && bytes[line_start - 1] == b'\n' {
        // The label on the previous line.
        let prev_end = line_start - 1;
        let prev_start = super::scan::line_start_near(bytes, prev_end, 256);
        from = prev_start.max(prev_end.saturating_sub(32));
    }
    // Context stops at a placeholder: text beyond it was rewritten, and reads nearer or
    // farther than in the input (a long value became `[EMAIL-1]`), so the output would be
    // judged differently from the input. What follows the last placeholder is as written.
    // A placeholder cut by the window start counts too, hence the look further back.
    let lo = from.saturating_sub(40);
    let cut = lo + super::scan::after_last_placeholder(&bytes[lo..s]);
    let from = from.max(cut);
    let before = super::scan::lower_without_placeholders(&bytes[from..s]);
    let words: Vec<&[u8]> = before
        .split(|b| !b.is_ascii_alphabetic() && *b < 0x80)
        .filter(|w| !w.is_empty())
        .collect();
    // The word right before decides a veto (`order 5551234`, `zip 10001`).
    if let Some(last) = words.last() {
        let immediate = before.len() - before.trim_ascii_end().len() < 3
            || before.trim_ascii_end().ends_with(b":")
            || before.trim_ascii_end().ends_with(b"#");
        if immediate && VETO_WORDS.iter().any(|v| v.as_bytes() == *last) {
            return Context::Veto;
        }
    }
    let recent = &words[words.len().saturating_sub(6)..];
    // Index of the last (nearest) word of a list among the recent words.
    let nearest = |list: &[&str]| {
        recent
            .iter()
            .rposition(|w| list.iter().any(|c| c.as_bytes() == *w))
    };
    let has = |list: &[&str]| nearest(list).is_some();
    if has(BARE_CONTEXT_WORDS) {
        return Context::StrongPhone;
    }
    // `license number is 2270-66-1551`: a nearby identifier word outweighs a vague one,
    // but a phone word nearer to the number wins (`VIP account, ..., direct line 949 ...`).
    if let Some(v) = nearest(VETO_WORDS) {
        // Only a word that names a phone: `number` is as vague after `license` as after `phone`.
        let phone_word = recent.iter().rposition(|w| {
            CONTEXT_WORDS.iter().any(|c| c.as_bytes() == *w)
                && !VAGUE_WORDS.iter().any(|c| c.as_bytes() == *w)
        });
        if phone_word.is_some_and(|c| c > v) {
            return Context::Phone;
        }
        return Context::FarVeto;
    }
    // A label after the number: `555 0101 office`, `-Fax`, `(mobile)`.
    let after_end = (end + 40).min(bytes.len());
    let after = super::scan::lower_without_placeholders(&bytes[end..after_end]);
    let after_word = after
        .iter()
        .position(u8::is_ascii_alphabetic)
        .filter(|&p| p <= 3 && !after[..p].contains(&b'\n'))
        .map(|p| {
            let w = &after[p..];
            let l = w.iter().take_while(|b| b.is_ascii_alphabetic()).count();
            &w[..l]
        });
    if after_word.is_some_and(|w| AFTER_WORDS.iter().any(|a| a.as_bytes() == w)) {
        return Context::StrongPhone;
    }
    if has(CONTEXT_WORDS) {
        return Context::Phone;
    }
    Context::None
}

/// Whether one of the next three words after `end` is a street word.
fn street_follows(bytes: &[u8], end: usize) -> bool {
    let to = (end + 40).min(bytes.len());
    let after = &bytes[end..to];
    let line = after.split(|&b| b == b'\n').next().unwrap_or(after);
    let lower = line.to_ascii_lowercase();
    lower
        .split(|b| !b.is_ascii_alphabetic() && *b < 0x80)
        .filter(|w| !w.is_empty())
        .take(3)
        .any(|w| STREET_WORDS.iter().any(|s| s.as_bytes() == w))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        PhoneDetector.detect(text, &mut out);
        out.iter().map(|f| &text[f.start..f.end]).collect()
    }

    #[test]
    fn regression_issue_7_placeholder_labels_are_not_context() {
        // `[PHONE-1]` before or after a number is our own output, not the word "phone".
        assert!(found("[PHONE-1] 1111 1111").is_empty());
        assert!(found("x 4110 111 [PHONE-1] y").is_empty());
        assert!(found("[PHONE:3f2a9c1d] 2222 3333").is_empty());
        // Real words still count, with or without a placeholder nearby.
        assert_eq!(found("[EMAIL-1] phone 2222 3333"), ["2222 3333"]);
        assert_eq!(found("4110 111 phone"), ["4110 111"]);
    }

    #[test]
    fn regression_issue_7_plus_after_punctuation() {
        // A `+` opens a number after a comma or colon glued to a word (an address before
        // it, which a second run reads as `[EMAIL-1],+2 …`).
        assert_eq!(
            found("<jane.roe@contoso.co,+2 415 555 010.t: hi"),
            ["+2 415 555 010"]
        );
        assert_eq!(found("[EMAIL-1],+2 415 555 010.t"), ["+2 415 555 010"]);
        assert_eq!(found("tel:+14155550101"), ["+14155550101"]);
        // Digits after the same punctuation are still part of a longer token.
        assert!(found("build-4155550101").is_empty());
        assert!(found("v1.4155550101").is_empty());
    }

    #[test]
    fn regression_issue_7_context_stops_at_placeholders() {
        // `call` is too far back in the input; replacing the long value between must not
        // bring it into reach in the output.
        let long = "A".repeat(60);
        assert!(found(&format!("call {long} 555 0100")).is_empty());
        assert!(found("call [SECRET-1] 555 0100").is_empty());
        // A placeholder cut by the start of the window still stops it.
        let pad = "x".repeat(40);
        assert!(found(&format!("[URL_CREDENTIALS-12]{pad} 555 0100")).is_empty());
        // Without placeholders, context works as before.
        assert_eq!(found("call me on 555 0100"), ["555 0100"]);
        assert_eq!(found("[EMAIL-1] call 555 0100"), ["555 0100"]);
        let engine = crate::Engine::new(crate::Policy::default()).unwrap();
        let text = format!("call +1 415 555 0101 key=\"{long}\" 555 0100\n");
        let s = engine.sanitize(&text);
        assert_eq!(s.report.residual, 0, "{:?}", s.report.residuals);
        assert_eq!(engine.sanitize(&s.text).text, s.text);
    }

    #[test]
    fn international() {
        assert_eq!(found("ring +44 20 7946 0958 now"), ["+44 20 7946 0958"]);
        assert_eq!(found("(+1-202-555-0173)"), ["+1-202-555-0173"]);
        assert_eq!(found("au +61 403 505 896."), ["+61 403 505 896"]);
        assert_eq!(found("+49 30 901820"), ["+49 30 901820"]);
        assert_eq!(found("+46 (0)8 928 571 38"), ["+46 (0)8 928 571 38"]);
        assert_eq!(found("+447700677662"), ["+447700677662"]);
    }

    #[test]
    fn national() {
        assert_eq!(found("(555) 010-1234 x204 ok"), ["(555) 010-1234 x204"]);
        assert_eq!(found("555.010.1234"), ["555.010.1234"]);
        assert_eq!(found("555-010-1234x12"), ["555-010-1234x12"]);
        assert_eq!(found("(579)888-3058"), ["(579)888-3058"]);
        assert_eq!(found("020 7946 0958"), ["020 7946 0958"]);
        assert_eq!(found("06 12 34 56 78"), ["06 12 34 56 78"]);
        assert_eq!(found("01.84.17.61.18"), ["01.84.17.61.18"]);
        assert_eq!(found("001-518-640-0854"), ["001-518-640-0854"]);
        assert_eq!(found("1-800-555-0199"), ["1-800-555-0199"]);
        assert_eq!(found("555-010-1234, ext. 22"), ["555-010-1234, ext. 22"]);
    }

    #[test]
    fn more_countries() {
        assert_eq!(found("+49 (0)30 901820"), ["+49 (0)30 901820"]);
        assert_eq!(found("030 901820"), ["030 901820"]);
        assert_eq!(found("+34 612 34 56 78"), ["+34 612 34 56 78"]);
        assert_eq!(found("+91 98765 43210"), ["+91 98765 43210"]);
        assert_eq!(found("03-1234-5678"), ["03-1234-5678"]);
        assert_eq!(found("(11) 91234-5678"), ["(11) 91234-5678"]);
        assert_eq!(found("0044 20 7946 0958"), ["0044 20 7946 0958"]);
        assert_eq!(found("+33 6 12 34 56 78"), ["+33 6 12 34 56 78"]);
        assert_eq!(found("+1 (555) 010-1234"), ["+1 (555) 010-1234"]);
    }

    #[test]
    fn log_traps() {
        for line in [
            "Build 2.6.32-504.el6.x86_64 pid 12345 port 8080",
            "2024-01-15 10:20:30,123 INFO started in 1234567 ms",
            "Jun 14 15:16:01 combo sshd(pam_unix)[19939]: session opened",
            "hr=0x80070002 oid 1.2.840.113549.1.1.1 tz +0000",
            "20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579",
            "took 0.000123 s, 1,234,567 bytes, 1.234.567 rows",
            "sha 3f2a9c1d 4e5b6a7c 8d9e0f1a; uuid 123e4567-e89b-12d3-a456-426614174000",
            "2016-09-28 04:30:31, Info CSI 00000001 (call 1)",
        ] {
            assert!(found(line).is_empty(), "{line}: {:?}", found(line));
        }
    }

    #[test]
    fn context_shapes() {
        assert_eq!(found("Fax: 9498777106"), ["9498777106"]);
        assert_eq!(found("call me on 9472 7916?"), ["9472 7916"]);
        assert_eq!(found("Phone:\n780 6326\n"), ["780 6326"]);
        assert_eq!(found("467 3395 office"), ["467 3395"]);
        assert_eq!(found("21 253 109 8211-Office"), ["21 253 109 8211"]);
        // Without context these are just numbers.
        assert!(found("we shipped 9472 7916 units").is_empty());
        assert!(found("total 9498777106").is_empty());
    }

    #[test]
    fn not_phones() {
        assert!(found("on 2024-01-15 and 15.01.2024 at 12:30:45").is_empty());
        assert!(found("call on 2024-01-15").is_empty());
        assert!(found("from 192.168.100.200 v2.6.32.504").is_empty());
        assert!(found("ts 1700000000 and 1700000000123").is_empty());
        assert!(found("phone 1700000000123").is_empty());
        assert!(found("12345678901234567890").is_empty());
        assert!(found("id 550e8400-e29b-41d4-a716-446655440000").is_empty());
        assert!(found("blk_-1608999687919862906 blk_7503483334202473044").is_empty());
        assert!(found("order 555-010-1234 and order #5550101234").is_empty());
        assert!(found("card 4111 1111 1111 1111").is_empty());
        assert!(found("[PHONE-1] [PHONE]").is_empty());
        assert!(found("call 20240115").is_empty());
        // Long groups in a three-group run must not overflow the date check.
        assert!(found("999999999999 9 99").is_empty());
        assert!(found("12 34 999999999").is_empty());
        assert!(found("081111 000037 17163 INFO dfs.DataNode").is_empty());
        assert!(found("(call 1) (flags = 00000004, progress = NULL)").is_empty());
        assert!(found("hash <01faa200 00000000 0000>").is_empty());
        assert!(found(r#""text": "ERROR 1045 (28000): Access denied"#).is_empty());
    }

    /// Every new category through the whole engine: found, replaced, no residual, and the
    /// output is stable when sanitized again.
    #[test]
    fn engine_round_trip_all_new_categories() {
        let text = "Call +44 20 7946 0958 or (555) 010-1234 x204.\n\
            card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32\n\
            SSN 123-45-6789, NINO AB123456C, mac 00:a2:ee:1a:71:8c\n\
            location: 48.8584, 2.2945 at 2024-01-15 10:20:30 blk_-1608999687919862906\n";
        let engine = crate::Engine::new(crate::Policy::default()).unwrap();
        let once = engine.sanitize(text);
        for cat in [
            Category::Phone,
            Category::Card,
            Category::Iban,
            Category::UsSsn,
            Category::UkNino,
            Category::Mac,
            Category::Coordinates,
        ] {
            assert!(
                once.report.counts.get(&cat).is_some_and(|&n| n >= 1),
                "{cat:?}: {}",
                once.text
            );
        }
        assert_eq!(once.report.residual, 0, "{}", once.text);
        assert!(once
            .text
            .contains("2024-01-15 10:20:30 blk_-1608999687919862906"));
        let twice = engine.sanitize(&once.text);
        assert_eq!(twice.report.findings, 0, "{}", twice.text);
        assert_eq!(twice.text, once.text);
    }

    /// Pseudo-random strings over the characters these scanners care about must never make
    /// any built-in detector panic or report a span off char boundaries.
    #[test]
    fn no_panic_on_noise() {
        let alphabet: Vec<char> = "0123456789 +-./()x:,#_ABNSEWab°'\"\n테€é".chars().collect();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let detectors = crate::detect::builtin();
        for _ in 0..20_000 {
            let len = (seed % 60) as usize;
            let mut text = String::new();
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            for d in &detectors {
                let mut out = Vec::new();
                d.detect(&text, &mut out);
                for f in out {
                    assert!(f.start < f.end && f.end <= text.len(), "{text:?}");
                    assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
                }
            }
        }
    }
}
