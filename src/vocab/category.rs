//! The categories of personal data and secrets, with their labels and precedence.

use serde::{Deserialize, Serialize};

/// What kind of personal data or secret a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Email addresses, plain or obfuscated.
    Email,
    /// IPv4 addresses.
    Ipv4,
    /// IPv6 addresses.
    Ipv6,
    /// MAC addresses.
    Mac,
    /// Phone numbers.
    Phone,
    /// Payment card numbers (Luhn-checked).
    Card,
    /// IBANs (checksum-checked).
    Iban,
    /// US Social Security numbers.
    UsSsn,
    /// UK National Insurance numbers.
    UkNino,
    /// French NIR (social security) numbers.
    FrNir,
    /// API keys, tokens, passwords, private keys.
    Secret,
    /// The credentials of a URL (`user:pass@`).
    UrlCredentials,
    /// Tokens in URL query strings.
    UrlToken,
    /// Geographic coordinates.
    Coordinates,
    /// Internal notes of support platforms.
    InternalNote,
    /// A person's name (learned from roles, or found in prose).
    Name,
    /// A city or region named in prose or a location field.
    Location,
    /// A country name; kept by the default policy (useful for support, not identifying).
    Country,
    /// A street address: street, house number, unit, postcode and city, as one finding.
    Address,
    /// A case or ticket number, with its context word (`case 1912160040012345`, `INC0012345`).
    Case,
    /// A user name inside a path or prompt (`C:\\Users\\X\\`, `/home/X/`, `user@host:`).
    Username,
    /// A date of birth, only next to a birth word (`DOB`, `né le`, `Geburtsdatum`).
    DateOfBirth,
    /// A match of the policy's custom rules or deny terms.
    Custom,
}

impl Category {
    /// Every category, in a stable order.
    pub const ALL: [Category; 23] = [
        Category::Email,
        Category::Ipv4,
        Category::Ipv6,
        Category::Mac,
        Category::Phone,
        Category::Card,
        Category::Iban,
        Category::UsSsn,
        Category::UkNino,
        Category::FrNir,
        Category::Secret,
        Category::UrlCredentials,
        Category::UrlToken,
        Category::Coordinates,
        Category::InternalNote,
        Category::Name,
        Category::Location,
        Category::Country,
        Category::Address,
        Category::Case,
        Category::Username,
        Category::DateOfBirth,
        Category::Custom,
    ];

    /// The policy/JSON name of the category (`ipv4`, `url_credentials`, ...).
    pub fn id(self) -> &'static str {
        match self {
            Category::Email => "email",
            Category::Ipv4 => "ipv4",
            Category::Ipv6 => "ipv6",
            Category::Mac => "mac",
            Category::Phone => "phone",
            Category::Card => "card",
            Category::Iban => "iban",
            Category::UsSsn => "us_ssn",
            Category::UkNino => "uk_nino",
            Category::FrNir => "fr_nir",
            Category::Secret => "secret",
            Category::UrlCredentials => "url_credentials",
            Category::UrlToken => "url_token",
            Category::Coordinates => "coordinates",
            Category::InternalNote => "internal_note",
            Category::Name => "name",
            Category::Location => "location",
            Category::Country => "country",
            Category::Address => "address",
            Category::Case => "case",
            Category::Username => "username",
            Category::DateOfBirth => "date_of_birth",
            Category::Custom => "custom",
        }
    }

    /// Parses the policy name of a category.
    pub fn from_id(id: &str) -> Option<Category> {
        // `ticket` was the name of `case` before case numbers were detected.
        let id = if id == "ticket" { "case" } else { id };
        Category::ALL.into_iter().find(|c| c.id() == id)
    }

    /// The upper-case label used in placeholders (`[EMAIL-1]`).
    pub fn label(self) -> &'static str {
        match self {
            Category::Email => "EMAIL",
            Category::Ipv4 => "IPV4",
            Category::Ipv6 => "IPV6",
            Category::Mac => "MAC",
            Category::Phone => "PHONE",
            Category::Card => "CARD",
            Category::Iban => "IBAN",
            Category::UsSsn => "US_SSN",
            Category::UkNino => "UK_NINO",
            Category::FrNir => "FR_NIR",
            Category::Secret => "SECRET",
            Category::UrlCredentials => "URL_CREDENTIALS",
            Category::UrlToken => "URL_TOKEN",
            Category::Coordinates => "COORDINATES",
            Category::InternalNote => "INTERNAL_NOTE",
            Category::Name => "NAME",
            Category::Location => "LOCATION",
            Category::Country => "COUNTRY",
            Category::Address => "ADDRESS",
            Category::Case => "CASE",
            Category::Username => "USER",
            Category::DateOfBirth => "DOB",
            Category::Custom => "CUSTOM",
        }
    }

    /// Whether the category is on in the default policy.
    pub fn default_enabled(self) -> bool {
        !matches!(self, Category::Country)
    }

    /// Tie-breaker when two findings cover the same span: the higher wins.
    /// A URL with credentials beats the email inside it; an email beats a bare domain.
    pub fn specificity(self) -> u8 {
        match self {
            Category::InternalNote => 100,
            Category::Secret => 90,
            Category::UrlCredentials => 85,
            Category::Custom => 80,
            Category::Email => 70,
            Category::Card => 65,
            Category::Iban => 64,
            Category::UsSsn | Category::UkNino | Category::FrNir => 60,
            Category::Ipv6 => 55,
            Category::Ipv4 => 54,
            Category::Mac => 53,
            Category::UrlToken => 91,
            Category::Coordinates => 45,
            Category::Phone => 40,
            Category::DateOfBirth => 38,
            Category::Address => 36,
            Category::Username => 32,
            Category::Name => 30,
            Category::Location => 28,
            Category::Country => 27,
            Category::Case => 20,
        }
    }
}
