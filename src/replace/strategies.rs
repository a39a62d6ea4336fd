//! The pure replacement forms: mask (keep the shape, hide the content) and partial (keep what
//! helps debugging and is not personal, number the rest).
//!
//! Both are designed so that no detector fires on them again: a masked email keeps no domain
//! label a scanner could grow (`j***@e******.com`), a partial IPv4 ends in a placeholder
//! (`203.0.113.[IPV4-1]`), a partial IPv6 keeps three uncompressed groups that do not parse as
//! an address (`2001:db8:85a3:[IPV6-1]`). The leak check and idempotence depend on that.

use crate::vocab::Category;
use std::net::{Ipv4Addr, Ipv6Addr};

/// `value` with its content hidden and its shape kept. `normalised` is
/// [`super::normalise`]`(category, value)`.
pub fn mask(category: Category, value: &str, normalised: &str) -> String {
    let masked = match category {
        Category::Email => mask_email(normalised),
        Category::Ipv4 => normalised.parse::<Ipv4Addr>().ok().map(|a| {
            let o = a.octets();
            format!("{}.{}.***.***", o[0], o[1])
        }),
        Category::Ipv6 => normalised.parse::<Ipv6Addr>().ok().map(|a| {
            let s = a.segments();
            format!("{:x}:{:x}:****:****:****:****:****:****", s[0], s[1])
        }),
        Category::Card => Some(keep_last_digits(value, 4)),
        Category::Phone => Some(keep_last_digits(value, 2)),
        Category::Iban => Some(mask_iban(value)),
        Category::Mac => Some(mask_mac(value)),
        Category::Name => Some(mask_words(value)),
        _ => None,
    };
    masked.unwrap_or_else(|| mask_all(value))
}

/// Every letter and digit becomes `*`; punctuation and whitespace (line structure) stay. A
/// value without letters or digits is starred entirely, or the mask would show it as is.
pub fn mask_all(value: &str) -> String {
    let has_alnum = value.chars().any(char::is_alphanumeric);
    value
        .chars()
        .map(|c| {
            if c.is_whitespace() || (has_alnum && !c.is_alphanumeric()) {
                c
            } else {
                '*'
            }
        })
        .collect()
}

/// `john.doe@example.co.uk` -> `j***@e******.c*.uk`. Every domain label but the top-level one
/// starts with at most one visible char and holds at least one `*`, so no label can be
/// scanned as a domain again.
fn mask_email(normalised: &str) -> Option<String> {
    let (local, domain) = normalised.rsplit_once('@')?;
    let mut out = String::with_capacity(normalised.len() + 4);
    match local.chars().next() {
        Some(c) if c != '"' => out.push(c),
        _ => {}
    }
    out.push_str("***@");
    if domain.starts_with('[') {
        out.push_str("[***]");
        return Some(out);
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let last = labels.len().saturating_sub(1);
    for (i, label) in labels.iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        if i == last && i > 0 {
            out.push_str(label);
            continue;
        }
        let n = label.chars().count();
        if n <= 1 {
            out.push('*');
        } else {
            label.chars().take(1).for_each(|c| out.push(c));
            out.extend(std::iter::repeat('*').take(n - 1));
        }
    }
    Some(out)
}

/// Digits become `*` except the last `keep`; separators stay: `**** **** **** 4242`.
fn keep_last_digits(value: &str, keep: usize) -> String {
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let mut seen = 0;
    value
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                seen += 1;
                if seen + keep > digits {
                    c
                } else {
                    '*'
                }
            } else if c.is_alphanumeric() {
                '*'
            } else {
                c
            }
        })
        .collect()
}

/// Country code and last four stay: `DE** **** **** **** **** 3000`.
fn mask_iban(value: &str) -> String {
    let total = value.chars().filter(char::is_ascii_alphanumeric).count();
    let mut seen = 0;
    value
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                seen += 1;
                if seen <= 2 || seen + 4 > total {
                    c
                } else {
                    '*'
                }
            } else {
                c
            }
        })
        .collect()
}

/// The vendor part (first three octets) stays: `00:1a:2b:**:**:**`.
fn mask_mac(value: &str) -> String {
    let mut seen = 0;
    value
        .chars()
        .map(|c| {
            if c.is_ascii_hexdigit() {
                seen += 1;
                if seen <= 6 {
                    c
                } else {
                    '*'
                }
            } else {
                c
            }
        })
        .collect()
}

/// Initials stay: `J*** S****`.
fn mask_words(value: &str) -> String {
    let mut prev_alnum = false;
    value
        .chars()
        .map(|c| {
            let alnum = c.is_alphanumeric();
            let out = if alnum && prev_alnum { '*' } else { c };
            prev_alnum = alnum;
            out
        })
        .collect()
}

/// The partial form of `value` around `placeholder` (`[EMAIL-1]`), or `None` when the
/// category has nothing worth keeping (then the plain placeholder is used).
pub fn partial(
    category: Category,
    value: &str,
    normalised: &str,
    placeholder: &str,
) -> Option<String> {
    match category {
        Category::Email => {
            let (_, domain) = normalised.rsplit_once('@')?;
            if domain.is_empty() || domain.starts_with('[') {
                return None;
            }
            Some(format!("{placeholder}@{domain}"))
        }
        Category::Ipv4 => {
            let o = normalised.parse::<Ipv4Addr>().ok()?.octets();
            Some(format!("{}.{}.{}.{placeholder}", o[0], o[1], o[2]))
        }
        Category::Ipv6 => {
            // Three full groups, never `::`, so the prefix does not parse as an address.
            let s = normalised.parse::<Ipv6Addr>().ok()?.segments();
            Some(format!("{:x}:{:x}:{:x}:{placeholder}", s[0], s[1], s[2]))
        }
        Category::Card => {
            let digits: String = value.chars().filter(char::is_ascii_digit).collect();
            let last4 = digits.get(digits.len().checked_sub(4)?..)?;
            Some(format!("{placeholder}-{last4}"))
        }
        Category::Phone => {
            let cc = country_code(value)?;
            Some(format!("+{cc} {placeholder}"))
        }
        Category::Mac => {
            let hex: String = value.chars().filter(char::is_ascii_hexdigit).collect();
            if hex.len() != 12 {
                return None;
            }
            let sep = if value.contains('-') { '-' } else { ':' };
            let oui = hex.get(..6)?;
            let (a, b, c) = (oui.get(..2)?, oui.get(2..4)?, oui.get(4..)?);
            Some(format!("{a}{sep}{b}{sep}{c}{sep}{placeholder}"))
        }
        Category::Iban => {
            let cc: String = value.chars().take(2).collect();
            if cc.len() == 2 && cc.bytes().all(|b| b.is_ascii_alphabetic()) {
                Some(format!("{}{placeholder}", cc.to_ascii_uppercase()))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// The ITU country calling code of an international number (`+44 20 ...` -> `44`), by the
/// code's first digits: zone 1 and 7 are one digit; in the other zones a fixed set of two-digit
/// codes, all the rest three digits.
pub fn country_code(value: &str) -> Option<String> {
    let rest = value.trim_start().strip_prefix('+')?;
    let digits: String = rest
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')'))
        .take_while(char::is_ascii_digit)
        .take(3)
        .collect();
    let d: Vec<u8> = digits.bytes().map(|b| b - b'0').collect();
    let len = match d.as_slice() {
        [1, ..] | [7, ..] => 1,
        [2, 0, ..] | [2, 7, ..] => 2,
        [3, 0..=4 | 6 | 9, ..] => 2,
        [4, x, ..] if *x != 2 => 2,
        [5, x, ..] if (1..=8).contains(x) => 2,
        [6, x, ..] if *x <= 6 => 2,
        [8, 1 | 2 | 4 | 6, ..] => 2,
        [9, 0..=5 | 8, ..] => 2,
        [2..=9, _, _] => 3,
        _ => return None,
    };
    digits.get(..len).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::normalise;

    fn m(c: Category, v: &str) -> String {
        mask(c, v, &normalise(c, v))
    }

    #[test]
    fn masks_keep_shape() {
        assert_eq!(m(Category::Email, "john@example.com"), "j***@e******.com");
        assert_eq!(m(Category::Email, "a@b.co.uk"), "a***@*.c*.uk");
        assert_eq!(m(Category::Email, "John [at] Ex [dot] com"), "j***@e*.com");
        assert_eq!(m(Category::Ipv4, "203.0.113.9"), "203.0.***.***");
        assert_eq!(
            m(Category::Ipv6, "2001:DB8::1"),
            "2001:db8:****:****:****:****:****:****"
        );
        assert_eq!(
            m(Category::Card, "4242 4242 4242 4242"),
            "**** **** **** 4242"
        );
        assert_eq!(m(Category::Phone, "+1 (555) 010-1234"), "+* (***) ***-**34");
        assert_eq!(
            m(Category::Iban, "DE89 3704 0044 0532 0130 00"),
            "DE** **** **** **** **30 00"
        );
        assert_eq!(m(Category::Mac, "00:1A:2b:3c:4d:5e"), "00:1A:2b:**:**:**");
        assert_eq!(m(Category::Name, "Jane Smith"), "J*** S****");
        assert_eq!(m(Category::Secret, "sk_live_abc123"), "**_****_******");
        assert_eq!(m(Category::Custom, "!!!"), "***");
        assert_eq!(m(Category::InternalNote, "a b\nc"), "* *\n*");
    }

    #[test]
    fn partial_forms() {
        let p = |c: Category, v: &str| partial(c, v, &normalise(c, v), "[X-1]");
        assert_eq!(
            p(Category::Email, "Bob@Example-Corp.com").as_deref(),
            Some("[X-1]@example-corp.com")
        );
        assert_eq!(
            p(Category::Ipv4, "203.0.113.9").as_deref(),
            Some("203.0.113.[X-1]")
        );
        assert_eq!(
            p(Category::Ipv6, "2001:db8::1").as_deref(),
            Some("2001:db8:0:[X-1]")
        );
        assert_eq!(
            p(Category::Card, "4242 4242 4242 4242").as_deref(),
            Some("[X-1]-4242")
        );
        assert_eq!(
            p(Category::Phone, "+44 20 7946 0958").as_deref(),
            Some("+44 [X-1]")
        );
        assert_eq!(p(Category::Phone, "020 7946 0958"), None);
        assert_eq!(
            p(Category::Mac, "00-1a-2b-3c-4d-5e").as_deref(),
            Some("00-1a-2b-[X-1]")
        );
        assert_eq!(p(Category::Secret, "hunter2"), None);
    }

    #[test]
    fn country_codes() {
        assert_eq!(country_code("+1 415 555 0100").as_deref(), Some("1"));
        assert_eq!(country_code("+33 1 23 45 67 89").as_deref(), Some("33"));
        assert_eq!(country_code("+353 1 234 5678").as_deref(), Some("353"));
        assert_eq!(country_code("+49-30-1234567").as_deref(), Some("49"));
        assert_eq!(country_code("+972 3 123 4567").as_deref(), Some("972"));
        assert_eq!(country_code("0049 30 1234567"), None);
        assert_eq!(country_code("+0"), None);
    }
}
