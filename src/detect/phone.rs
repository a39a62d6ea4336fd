//! Phone numbers (placeholder while the scanner is written).
use super::{Category, Detector, Finding};

pub struct PhoneDetector;

impl Detector for PhoneDetector {
    fn categories(&self) -> &[Category] {
        &[Category::Phone]
    }

    fn detect(&self, _text: &str, _out: &mut Vec<Finding>) {}
}
