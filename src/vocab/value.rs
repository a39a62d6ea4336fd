//! When two occurrences are the same value.

use super::Category;

/// The form under which two occurrences count as the same value: emails case-folded and
/// unobfuscated, IPv6 canonical, phone and card numbers by their digits.
pub fn normalise(category: Category, value: &str) -> String {
    match category {
        Category::Email => normalise_email(value),
        Category::Ipv6 => {
            let addr = value.split('%').next().unwrap_or(value);
            addr.parse::<std::net::Ipv6Addr>()
                .map(|a| a.to_string())
                .unwrap_or_else(|_| value.to_lowercase())
        }
        Category::Phone | Category::Card | Category::UsSsn | Category::FrNir => {
            let digits: String = value.chars().filter(|c| c.is_ascii_digit()).collect();
            if digits.is_empty() {
                value.to_string()
            } else {
                digits
            }
        }
        Category::Iban | Category::UkNino | Category::Mac => value
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect(),
        Category::Name | Category::Custom => value
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase(),
        _ => value.to_string(),
    }
}

fn normalise_email(value: &str) -> String {
    let mut s = value.to_lowercase();
    for (from, to) in [
        ("%40", "@"),
        ("&#64;", "@"),
        ("&#x40;", "@"),
        ("&commat;", "@"),
        ("[at]", "@"),
        ("(at)", "@"),
        ("{at}", "@"),
        ("<at>", "@"),
        (" at ", "@"),
        ("[dot]", "."),
        ("(dot)", "."),
        ("{dot}", "."),
        ("<dot>", "."),
        (" dot ", "."),
    ] {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    s.retain(|c| c != ' ');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises() {
        assert_eq!(
            normalise(Category::Email, "John [at] Example [dot] com"),
            "john@example.com"
        );
        assert_eq!(normalise(Category::Email, "a%40B.com"), "a@b.com");
        assert_eq!(normalise(Category::Ipv6, "2001:DB8:0:0::1"), "2001:db8::1");
        assert_eq!(
            normalise(Category::Phone, "+1 (555) 010-1234"),
            "15550101234"
        );
    }
}
