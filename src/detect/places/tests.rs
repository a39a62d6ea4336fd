use super::PlacesDetector;
use crate::detect::{Category, Detector};

pub(super) fn spans(text: &str) -> Vec<(Category, String)> {
    let mut out = Vec::new();
    PlacesDetector.detect(text, &mut out);
    out.sort_by_key(|f| f.start);
    out.into_iter()
        .map(|f| (f.category, text[f.start..f.end].to_string()))
        .collect()
}

#[test]
fn brief_examples() {
    for t in [
        "Ship the replacement to 4417 Maple Ridge Drive, Apt 12B, Columbus, OH 43215.",
        "Lieferadresse: Schillerstraße 112, 10625 Berlin",
        "She is calling from Redmond, Washington",
        "Customer: Daniel Weber <d.weber@example.com>, Munich, DE",
    ] {
        println!("{t:?} -> {:?}", spans(t));
    }
}

#[test]
fn debug_region() {
    println!("{:?}", super::gazetteer::lookup("washington").exact);
    println!("{:?}", spans("from Redmond, Washington today"));
}
