//! Detectors: one module per family, each turning text into [`Finding`]s.
//!
//! Detectors never do I/O and never replace anything: they report byte spans. The engine
//! ([`crate::engine`]) resolves overlaps, applies the allowlist and replaces.

pub use crate::vocab::{Category, Finding};

pub mod birth;
pub mod card;
pub mod case;
pub mod custom;
pub mod email;
pub mod geo;
pub mod iban;
pub mod ip;
pub mod mac;
pub mod national_id;
pub mod phone;
pub mod places;
pub(crate) mod scan;
pub mod secret;
pub mod url;
pub mod username;

/// A family of rules. Detectors are pure: text in, findings out.
pub trait Detector: Send + Sync {
    /// The categories this detector can report (used to skip it when they are all off).
    fn categories(&self) -> &[Category];
    /// Appends every finding in `text` to `out`, in any order.
    fn detect(&self, text: &str, out: &mut Vec<Finding>);
}

/// The built-in detectors, in a fixed order.
pub fn builtin() -> Vec<Box<dyn Detector>> {
    vec![
        Box::new(email::EmailDetector),
        Box::new(ip::IpDetector),
        Box::new(secret::SecretDetector),
        Box::new(url::UrlDetector),
        Box::new(mac::MacDetector),
        Box::new(phone::PhoneDetector),
        Box::new(card::CardDetector),
        Box::new(iban::IbanDetector),
        Box::new(national_id::NationalIdDetector),
        Box::new(geo::GeoDetector),
        Box::new(case::CaseDetector),
        Box::new(username::UsernameDetector),
        Box::new(birth::BirthDetector),
        Box::new(places::PlacesDetector),
    ]
}
