//! Realistic fake values from reserved ranges, so a sanitized log still parses as a log:
//! emails `user7@example.invalid`, IPv4 from the documentation networks 192.0.2.0/24,
//! 198.51.100.0/24 and 203.0.113.0/24 (then the benchmarking range 198.18.0.0/15), IPv6 from
//! 2001:db8::/32, phone numbers from the fictional NANP 555-0100..555-0199 block, test card
//! numbers that pass Luhn (411111..., 555555..., 378282...), IBANs of a `TEST` bank that pass
//! mod 97, and MACs from the documentation block 00:00:5E:00:53:xx.
//!
//! Equal originals give equal fakes; IPv4 addresses of one /24 (IPv6 of one /48) land in one
//! fake subnet, and an IPv4 keeps its host octet, so "same network" survives sanitizing.
//!
//! Fixed points make the strategy idempotent: a value that already has the shape of a fake
//! (a reserved value, for instance our own output on a second pass) maps to itself, unless
//! that fake was already given to another original in this run; allocation skips every fake
//! taken either way, so two originals never share a fake.

use crate::vocab::Category;
use std::collections::{HashMap, HashSet};
use std::hash::Hash;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::sync::LazyLock;

/// Gives each original key an index, preferring the index the key already denotes.
#[derive(Debug)]
struct Alloc<K> {
    by_key: HashMap<K, u128>,
    taken: HashSet<u128>,
    next: u128,
    limit: u128,
}

impl<K: Hash + Eq> Alloc<K> {
    fn new(first: u128, limit: u128) -> Self {
        Alloc {
            by_key: HashMap::new(),
            taken: HashSet::new(),
            next: first,
            limit,
        }
    }

    /// The index of `key`; `fixed` is the index the key is itself (a fake-shaped original).
    /// `None` when the range is exhausted.
    fn get(&mut self, key: K, fixed: Option<u128>) -> Option<u128> {
        if let Some(&i) = self.by_key.get(&key) {
            return Some(i);
        }
        let i = match fixed {
            Some(f) if f < self.limit && !self.taken.contains(&f) => f,
            _ => {
                while self.taken.contains(&self.next) {
                    self.next += 1;
                }
                if self.next >= self.limit {
                    return None;
                }
                self.next
            }
        };
        self.taken.insert(i);
        self.by_key.insert(key, i);
        Some(i)
    }
}

/// The fake value tables of one run.
#[derive(Debug)]
pub struct Fakes {
    email: Alloc<String>,
    v4_net: Alloc<u32>,
    v6_net: Alloc<u128>,
    v6_host: HashMap<u128, Alloc<u128>>,
    phone: Alloc<String>,
    card: [Alloc<String>; 3],
    iban: Alloc<String>,
    mac: Alloc<String>,
}

impl Default for Fakes {
    fn default() -> Self {
        Fakes {
            email: Alloc::new(1, u128::MAX),
            v4_net: Alloc::new(0, V4_NETS as u128),
            v6_net: Alloc::new(1, 1 << 16),
            v6_host: HashMap::new(),
            phone: Alloc::new(0, AREA_CODES.len() as u128 * 100),
            card: [
                Alloc::new(1, CARD_BRANDS[0].room()),
                Alloc::new(1, CARD_BRANDS[1].room()),
                Alloc::new(1, CARD_BRANDS[2].room()),
            ],
            iban: Alloc::new(1, 100_000_000),
            mac: Alloc::new(1, 256),
        }
    }
}

/// What a fake lookup produced.
#[derive(Debug, PartialEq, Eq)]
pub enum Fake {
    /// A new fake value.
    Value(String),
    /// The original is itself a fake-shaped value and stays as it is.
    Fixed,
    /// No fake form for this category, or the reserved range is exhausted: use a placeholder.
    None,
}

impl Fakes {
    /// The fake for `value` (normalised as `normalised`).
    pub fn fake(&mut self, category: Category, value: &str, normalised: &str) -> Fake {
        let r = match category {
            Category::Email => self.email(normalised),
            Category::Ipv4 => self.ipv4(normalised),
            Category::Ipv6 => self.ipv6(value, normalised),
            Category::Phone => self.phone(normalised),
            Category::Card => self.card(value, normalised),
            Category::Iban => self.iban(value, normalised),
            Category::Mac => self.mac(value, normalised),
            _ => None,
        };
        match r {
            Some(f) if f == normalised || f == value => Fake::Fixed,
            Some(f) => Fake::Value(f),
            None => Fake::None,
        }
    }

    fn email(&mut self, norm: &str) -> Option<String> {
        let i = self.email.get(norm.to_string(), email_index(norm))?;
        Some(format!("user{i}@example.invalid"))
    }

    fn ipv4(&mut self, norm: &str) -> Option<String> {
        let a: Ipv4Addr = norm.parse().ok()?;
        let n = u32::from(a);
        let i = self.v4_net.get(n >> 8, v4_net_index(n >> 8))?;
        let net = v4_net(i)?;
        Some(Ipv4Addr::from((net << 8) | (n & 0xff)).to_string())
    }

    /// Written in full (eight groups) when the original was, since a port may follow it the
    /// way Java prints sockets (`0:0:0:0:0:0:0:0:2181`): a compressed fake there would read as
    /// a longer address.
    fn ipv6(&mut self, value: &str, norm: &str) -> Option<String> {
        let a: Ipv6Addr = norm.parse().ok()?;
        let n = u128::from(a);
        let own = (n >> 96 == 0x2001_0db8).then_some((n >> 80) & 0xffff);
        let s = self.v6_net.get(n >> 80, own)?;
        let host_fixed = (own == Some(s)).then_some(n & ((1 << 80) - 1));
        let hosts = self
            .v6_host
            .entry(s)
            .or_insert_with(|| Alloc::new(1, 1 << 80));
        let h = hosts.get(n, host_fixed)?;
        let fake = Ipv6Addr::from((0x2001_0db8u128 << 96) | (s << 80) | h);
        if value.contains("::") {
            Some(fake.to_string())
        } else {
            let g = fake.segments().map(|x| format!("{x:x}"));
            Some(g.join(":"))
        }
    }

    fn phone(&mut self, digits: &str) -> Option<String> {
        let i = self.phone.get(digits.to_string(), phone_index(digits))?;
        let area = AREA_CODES.get(usize::try_from(i / 100).ok()?)?;
        Some(format!("+1-{area}-555-01{:02}", i % 100))
    }

    fn card(&mut self, value: &str, digits: &str) -> Option<String> {
        let b = brand_for(digits);
        let brand = CARD_BRANDS.get(b)?;
        let i = self
            .card
            .get_mut(b)?
            .get(digits.to_string(), card_index(digits))?;
        let fake = brand.number(i);
        Some(reshape(value, &fake))
    }

    fn iban(&mut self, value: &str, norm: &str) -> Option<String> {
        let i = self.iban.get(norm.to_string(), iban_index(norm))?;
        let fake = iban_for(i);
        if value.contains(' ') {
            Some(group4(&fake))
        } else {
            Some(fake)
        }
    }

    fn mac(&mut self, value: &str, norm: &str) -> Option<String> {
        let fixed = norm
            .strip_prefix("00005e0053")
            .and_then(|x| u128::from_str_radix(x, 16).ok());
        let i = self.mac.get(norm.to_string(), fixed)?;
        let upper = value.bytes().any(|b| b.is_ascii_uppercase());
        let hex = if upper { "00005E0053" } else { "00005e0053" };
        let last = if upper {
            format!("{i:02X}")
        } else {
            format!("{i:02x}")
        };
        let h = format!("{hex}{last}");
        let pairs: Vec<&str> = (0..6).filter_map(|k| h.get(k * 2..k * 2 + 2)).collect();
        Some(if value.contains('.') && !value.contains(':') {
            let quads: Vec<&str> = (0..3).filter_map(|k| h.get(k * 4..k * 4 + 4)).collect();
            quads.join(".")
        } else if value.contains('-') {
            pairs.join("-")
        } else {
            pairs.join(":")
        })
    }
}

fn email_index(norm: &str) -> Option<u128> {
    let n = norm
        .strip_prefix("user")?
        .strip_suffix("@example.invalid")?;
    if n.is_empty() || n.starts_with('0') || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    n.parse().ok()
}

/// The fake IPv4 /24s, in the order they are handed out: the three documentation networks,
/// then the 512 /24s of the benchmarking range 198.18.0.0/15.
const V4_DOC_NETS: [u32; 3] = [0x00C0_0002, 0x00C6_3364, 0x00CB_0071];
const V4_BENCH: u32 = 0x00C6_1200; // 198.18.0
const V4_NETS: usize = 3 + 512;

fn v4_net(i: u128) -> Option<u32> {
    let i = usize::try_from(i).ok()?;
    match V4_DOC_NETS.get(i) {
        Some(&n) => Some(n),
        None if i < V4_NETS => Some(V4_BENCH + (i - 3) as u32),
        None => None,
    }
}

fn v4_net_index(net: u32) -> Option<u128> {
    if let Some(i) = V4_DOC_NETS.iter().position(|&n| n == net) {
        return Some(i as u128);
    }
    (V4_BENCH..V4_BENCH + 512)
        .contains(&net)
        .then(|| (net - V4_BENCH + 3) as u128)
}

/// NANP area codes usable with the fictional 555-01xx block: first digit 2-9, no N11, no
/// x9x (reserved for expansion).
static AREA_CODES: LazyLock<Vec<u16>> = LazyLock::new(|| {
    (201u16..1000)
        .filter(|a| a % 100 != 11 && (a / 10) % 10 != 9)
        .collect()
});

fn phone_index(digits: &str) -> Option<u128> {
    let d = if digits.len() == 11 {
        digits.strip_prefix('1')?
    } else {
        digits
    };
    if d.len() != 10 || d.get(3..8)? != "55501" {
        return None;
    }
    let area: u16 = d.get(..3)?.parse().ok()?;
    let a = AREA_CODES.binary_search(&area).ok()?;
    let xx: u128 = d.get(8..)?.parse().ok()?;
    Some(a as u128 * 100 + xx)
}

struct CardBrand {
    prefix: &'static str,
    len: usize,
}

impl CardBrand {
    /// How many fakes fit between the prefix and the check digit.
    fn room(&self) -> u128 {
        10u128.pow((self.len - self.prefix.len() - 1) as u32)
    }

    fn number(&self, i: u128) -> String {
        let mid = self.len - self.prefix.len() - 1;
        let body = format!("{}{:0mid$}", self.prefix, i);
        let check = luhn_check_digit(&body);
        format!("{body}{check}")
    }
}

/// Visa, Mastercard and American Express test-number prefixes.
const CARD_BRANDS: [CardBrand; 3] = [
    CardBrand {
        prefix: "411111",
        len: 16,
    },
    CardBrand {
        prefix: "555555",
        len: 16,
    },
    CardBrand {
        prefix: "378282",
        len: 15,
    },
];

fn brand_for(digits: &str) -> usize {
    match digits.as_bytes().first() {
        Some(b'5') | Some(b'2') => 1,
        Some(b'3') if digits.len() == 15 => 2,
        _ => 0,
    }
}

fn card_index(digits: &str) -> Option<u128> {
    let b = CARD_BRANDS.get(brand_for(digits))?;
    if digits.len() != b.len || !digits.starts_with(b.prefix) || !luhn_valid(digits) {
        return None;
    }
    digits.get(b.prefix.len()..b.len - 1)?.parse().ok()
}

/// The Luhn check digit that completes `body`.
pub fn luhn_check_digit(body: &str) -> u32 {
    let mut sum = 0;
    for (i, c) in body.bytes().rev().enumerate() {
        let mut d = u32::from(c.wrapping_sub(b'0')) % 10;
        if i % 2 == 0 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    (10 - sum % 10) % 10
}

/// Whether the digits pass the Luhn check (cards): fakes are generated to pass it.
pub fn luhn_valid(digits: &str) -> bool {
    match digits.split_at_checked(digits.len().saturating_sub(1)) {
        Some((body, check)) if !body.is_empty() => {
            check.parse::<u32>().ok() == Some(luhn_check_digit(body))
        }
        _ => false,
    }
}

/// Puts the fake's digits into the original's layout (`4242 4242 ...`, `4242-4242-...`) when
/// both have as many digits.
fn reshape(original: &str, fake_digits: &str) -> String {
    let n = original.chars().filter(char::is_ascii_digit).count();
    if n != fake_digits.len() {
        return fake_digits.to_string();
    }
    let mut digits = fake_digits.chars();
    original
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                digits.next().unwrap_or('0')
            } else {
                c
            }
        })
        .collect()
}

/// `GBkkTEST000000nnnnnnnn`: a UK-shaped IBAN of a fictional `TEST` bank, valid mod 97.
fn iban_for(i: u128) -> String {
    let bban = format!("TEST000000{:08}", i);
    let check = 98 - iban_mod97(&format!("{bban}GB00"));
    format!("GB{check:02}{bban}")
}

fn iban_index(norm: &str) -> Option<u128> {
    let rest = norm.strip_prefix("gb")?;
    let acct = rest.get(2..)?.strip_prefix("test000000")?;
    if acct.len() != 8 || !acct.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let i: u128 = acct.parse().ok()?;
    (iban_for(i).to_ascii_lowercase() == norm).then_some(i)
}

/// The ISO 13616 remainder of an already rearranged IBAN string.
fn iban_mod97(s: &str) -> u32 {
    let mut r: u32 = 0;
    for c in s.chars() {
        if let Some(d) = c.to_digit(10) {
            r = (r * 10 + d) % 97;
        } else if c.is_ascii_alphabetic() {
            let v = c.to_ascii_uppercase() as u32 - 'A' as u32 + 10;
            r = (r * 100 + v) % 97;
        }
    }
    r
}

fn group4(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a (normalised) value is a reserved documentation or test value: an address at
/// `example.com`/`.org`/`.net` or under `.example`/`.invalid`/`.test`/`.localhost`
/// (RFC 2606), an IPv4 in a documentation network or 198.18.0.0/15, an IPv6 in
/// 2001:db8::/32, a 555-01xx number, one of our test card numbers or IBANs, a MAC from
/// 00:00:5E:00:53:00/24.
pub fn is_documentation_value(category: Category, normalised: &str) -> bool {
    match category {
        Category::Email => {
            let Some((_, domain)) = normalised.rsplit_once('@') else {
                return false;
            };
            let reserved_sld = ["example.com", "example.org", "example.net"]
                .iter()
                .any(|d| domain == *d || domain.ends_with(&format!(".{d}")));
            let reserved_tld = [".example", ".invalid", ".test", ".localhost"]
                .iter()
                .any(|t| domain.ends_with(t));
            reserved_sld || reserved_tld
        }
        Category::Ipv4 => normalised
            .parse::<Ipv4Addr>()
            .is_ok_and(|a| v4_net_index(u32::from(a) >> 8).is_some()),
        Category::Ipv6 => normalised
            .parse::<Ipv6Addr>()
            .is_ok_and(|a| u128::from(a) >> 96 == 0x2001_0db8),
        Category::Phone => {
            let d = normalised;
            let d = if d.len() == 11 {
                d.strip_prefix('1').unwrap_or(d)
            } else {
                d
            };
            d.len() == 10 && d.get(3..8) == Some("55501")
        }
        Category::Card => card_index(normalised).is_some(),
        Category::Iban => iban_index(normalised).is_some(),
        Category::Mac => normalised.starts_with("00005e0053"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::normalise;

    fn fake(f: &mut Fakes, c: Category, v: &str) -> Fake {
        f.fake(c, v, &normalise(c, v))
    }

    fn value(x: Fake) -> String {
        match x {
            Fake::Value(s) => s,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn emails_are_consistent_and_skip_fixed_points() {
        let mut f = Fakes::default();
        assert_eq!(
            value(fake(&mut f, Category::Email, "bob@x.com")),
            "user1@example.invalid"
        );
        assert_eq!(
            fake(&mut f, Category::Email, "user3@example.invalid"),
            Fake::Fixed
        );
        assert_eq!(
            value(fake(&mut f, Category::Email, "eve@x.com")),
            "user2@example.invalid"
        );
        assert_eq!(
            value(fake(&mut f, Category::Email, "amy@x.com")),
            "user4@example.invalid"
        );
        // Taken by bob already: a literal user1 is an original like any other.
        assert_eq!(
            value(fake(&mut f, Category::Email, "user1@example.invalid")),
            "user5@example.invalid"
        );
        assert_eq!(
            value(fake(&mut f, Category::Email, "BOB@X.COM")),
            "user1@example.invalid"
        );
    }

    #[test]
    fn ipv4_keeps_subnets_together() {
        let mut f = Fakes::default();
        assert_eq!(value(fake(&mut f, Category::Ipv4, "10.1.2.3")), "192.0.2.3");
        assert_eq!(
            value(fake(&mut f, Category::Ipv4, "10.1.2.77")),
            "192.0.2.77"
        );
        assert_eq!(
            value(fake(&mut f, Category::Ipv4, "10.9.9.9")),
            "198.51.100.9"
        );
        assert_eq!(fake(&mut f, Category::Ipv4, "203.0.113.5"), Fake::Fixed);
        assert_eq!(
            value(fake(&mut f, Category::Ipv4, "172.16.0.1")),
            "198.18.0.1"
        );
        // 192.0.2.0/24 already stands for 10.1.2.0/24.
        assert_eq!(
            value(fake(&mut f, Category::Ipv4, "192.0.2.8")),
            "198.18.1.8"
        );
    }

    #[test]
    fn ipv6_subnets_and_hosts() {
        let mut f = Fakes::default();
        let a = value(fake(&mut f, Category::Ipv6, "2a00:1450:4001:81c::200e"));
        let b = value(fake(&mut f, Category::Ipv6, "2a00:1450:4001:1::1"));
        let c = value(fake(&mut f, Category::Ipv6, "2a00:1450:9999::1"));
        assert_eq!(a, "2001:db8:1::1");
        assert_eq!(b, "2001:db8:1::2");
        assert_eq!(c, "2001:db8:2::1");
        // 2001:db8:1::/48 was handed out above, so a literal one is an ordinary original.
        assert_eq!(
            value(fake(&mut f, Category::Ipv6, "2001:db8:1::1")),
            "2001:db8:3::1"
        );
        assert_eq!(fake(&mut f, Category::Ipv6, "2001:db8:77::5"), Fake::Fixed);
        assert_eq!(
            value(fake(&mut f, Category::Ipv6, "0:0:0:0:0:0:0:0")),
            "2001:db8:4:0:0:0:0:1"
        );
        assert_eq!(
            fake(
                &mut Fakes::default(),
                Category::Ipv6,
                "2001:db8:4:0:0:0:0:1"
            ),
            Fake::Fixed
        );
    }

    #[test]
    fn phones_cards_ibans_macs() {
        // A fake is a fixed point of a new run (a second pass), not of the run that made it.
        let mut f = Fakes::default();
        let p = value(fake(&mut f, Category::Phone, "+44 20 7946 0958"));
        assert_eq!(p, "+1-201-555-0100");
        assert_eq!(
            fake(&mut Fakes::default(), Category::Phone, &p),
            Fake::Fixed
        );
        assert!(is_documentation_value(
            Category::Phone,
            &normalise(Category::Phone, &p)
        ));

        let c = value(fake(&mut f, Category::Card, "4242 4242 4242 4242"));
        assert_eq!(c, "4111 1100 0000 0013");
        assert!(luhn_valid(&normalise(Category::Card, &c)));
        assert_eq!(fake(&mut Fakes::default(), Category::Card, &c), Fake::Fixed);
        let mc = value(fake(&mut f, Category::Card, "5105105105105100"));
        assert!(mc.starts_with("555555") && luhn_valid(&mc), "{mc}");
        let amex = value(fake(&mut f, Category::Card, "3714-496353-98431"));
        assert!(amex.starts_with("3782-82"), "{amex}");

        let i = value(fake(&mut f, Category::Iban, "DE89 3704 0044 0532 0130 00"));
        assert_eq!(i.len(), 22 + 5);
        let compact: String = i.chars().filter(|c| *c != ' ').collect();
        let re = format!("{}{}", &compact[4..], &compact[..4]);
        assert_eq!(iban_mod97(&re), 1);
        assert_eq!(fake(&mut Fakes::default(), Category::Iban, &i), Fake::Fixed);

        let m = value(fake(&mut f, Category::Mac, "3C-22-FB-01-02-03"));
        assert_eq!(m, "00-00-5E-00-53-01");
        assert_eq!(fake(&mut Fakes::default(), Category::Mac, &m), Fake::Fixed);
        assert_eq!(fake(&mut f, Category::Secret, "hunter2"), Fake::None);
    }

    #[test]
    fn documentation_values() {
        assert!(is_documentation_value(Category::Email, "a@example.com"));
        assert!(is_documentation_value(
            Category::Email,
            "a@mail.example.org"
        ));
        assert!(is_documentation_value(Category::Email, "a@x.invalid"));
        assert!(!is_documentation_value(Category::Email, "a@example.co"));
        assert!(!is_documentation_value(Category::Email, "a@notexample.com"));
        assert!(is_documentation_value(Category::Ipv4, "198.51.100.7"));
        assert!(is_documentation_value(Category::Ipv4, "198.19.255.1"));
        assert!(!is_documentation_value(Category::Ipv4, "198.20.0.1"));
        assert!(is_documentation_value(Category::Ipv6, "2001:db8::1"));
        assert!(!is_documentation_value(Category::Ipv6, "2001:db9::1"));
        assert!(is_documentation_value(Category::Card, "4111111111111111"));
        assert!(!is_documentation_value(Category::Card, "4242424242424242"));
    }
}
