//! Which layouts of digit groups are phone numbers and how strong each is alone; dates and
//! times refused by shape.

use super::run::Run;

#[derive(PartialEq, Eq, PartialOrd, Ord, Clone, Copy)]
pub(super) enum Strength {
    /// Needs a strong context word.
    Bare,
    /// Needs a context word.
    Weak,
    /// Fires alone.
    Strong,
}

pub(super) fn strength(run: &Run) -> Option<Strength> {
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
pub(super) fn looks_like_date(run: &Run) -> bool {
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
pub(super) fn looks_like_time_or_version(bytes: &[u8], run: &Run) -> bool {
    matches!(bytes.get(run.end), Some(b':'))
        && bytes.get(run.end + 1).is_some_and(u8::is_ascii_digit)
}
