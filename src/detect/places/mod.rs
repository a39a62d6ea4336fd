//! Places in free text: street addresses (one finding each, from the house number to the
//! postcode and country), cities and regions, and countries (kept by the default policy).
//!
//! Both rules read one token view of the text (`tokens.rs`) in one pass each; place names come
//! from an embedded gazetteer ([`gazetteer`], GeoNames, CLDR and country-region-data) looked
//! up by binary search, and a name the gazetteer does not know is taken only where the text
//! says it is a place (`lives in`, `city=`, an address block).

mod address;
pub mod gazetteer;
mod location;
mod tokens;
mod words;

use super::{Category, Detector, Finding};

/// The detector of this module (see the module documentation).
pub struct PlacesDetector;

impl Detector for PlacesDetector {
    fn categories(&self) -> &[Category] {
        &[Category::Address, Category::Location, Category::Country]
    }

    fn detect(&self, text: &str, out: &mut Vec<Finding>) {
        let toks = tokens::tokenize(text);
        let addresses = address::find(&toks, text);
        let mut skip = Vec::with_capacity(addresses.len());
        for a in &addresses {
            let (Some(s), Some(e)) = (
                toks.get(a.start),
                a.end.checked_sub(1).and_then(|e| toks.get(e)),
            ) else {
                continue;
            };
            out.push(Finding::new(
                Category::Address,
                a.rule,
                s.start,
                e.end,
                "address",
            ));
            skip.push((a.start, a.end));
        }
        for l in location::find(&toks, text, &skip) {
            let (Some(s), Some(e)) = (
                toks.get(l.start),
                l.end.checked_sub(1).and_then(|e| toks.get(e)),
            ) else {
                continue;
            };
            let reason = match l.rule {
                "location.context" => "context word",
                _ => "gazetteer",
            };
            out.push(Finding::new(l.category, l.rule, s.start, e.end, reason));
        }
    }
}

#[cfg(test)]
mod tests;
