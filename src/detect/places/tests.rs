use super::PlacesDetector;
use crate::detect::{Category, Detector};

fn spans(text: &str) -> Vec<(Category, String)> {
    let mut out = Vec::new();
    PlacesDetector.detect(text, &mut out);
    out.sort_by_key(|f| f.start);
    out.into_iter()
        .map(|f| (f.category, text[f.start..f.end].to_string()))
        .collect()
}

#[test]
fn region_after_a_town_at_the_end_of_the_text() {
    assert_eq!(
        spans("from Redmond, Washington"),
        [
            (Category::Location, "Redmond".to_string()),
            (Category::Location, "Washington".to_string())
        ]
    );
}

#[test]
fn street_with_unit_and_postcode_is_one_span() {
    assert_eq!(
        spans("Lieferadresse: Schillerstraße 112, 10625 Berlin"),
        [(
            Category::Address,
            "Schillerstraße 112, 10625 Berlin".to_string()
        )]
    );
}
