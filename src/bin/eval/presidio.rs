//! presidio-research synthetic sets: span labels with character offsets.

use crate::score::{score_spans, Label, Tally};
use logscrub::{Category, Engine};
use serde::Deserialize;
use std::net::IpAddr;
use std::path::Path;

#[derive(Deserialize)]
struct Record {
    full_text: String,
    spans: Vec<Span>,
}

#[derive(Deserialize)]
struct Span {
    entity_type: String,
    entity_value: String,
    start_position: usize,
    end_position: usize,
}

/// Maps a presidio entity type to our category; IPs are split by parsing the value.
fn category(span: &Span) -> Option<Category> {
    Some(match span.entity_type.as_str() {
        "EMAIL_ADDRESS" => Category::Email,
        "PHONE_NUMBER" => Category::Phone,
        "CREDIT_CARD" => Category::Card,
        "IBAN_CODE" => Category::Iban,
        "US_SSN" => Category::UsSsn,
        "PERSON" => Category::Name,
        "LOCATION" | "GPE" => Category::Location,
        "ADDRESS" | "STREET_ADDRESS" => Category::Address,
        "IP_ADDRESS" => match span.entity_value.trim().parse::<IpAddr>() {
            Ok(IpAddr::V4(_)) => Category::Ipv4,
            Ok(IpAddr::V6(_)) => Category::Ipv6,
            Err(_) => return None,
        },
        _ => return None,
    })
}

/// Byte offset of each char offset (plus the end), since presidio counts Python characters.
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    v.push(text.len());
    v
}

pub fn evaluate(
    engine: &Engine,
    path: &Path,
    set: &str,
    tally: &mut Tally,
) -> Result<usize, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let records: Vec<Record> =
        serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", path.display()))?;
    // Only categories the set labels at all are scored.
    let mut scored: Vec<Category> = records
        .iter()
        .flat_map(|r| r.spans.iter().filter_map(category))
        .collect();
    scored.sort();
    scored.dedup();
    for c in &scored {
        tally.touch(c.id());
    }
    for r in &records {
        let map = char_to_byte(&r.full_text);
        let labels: Vec<Label> = r
            .spans
            .iter()
            .filter_map(|s| {
                let category = category(s)?;
                Some(Label {
                    category,
                    start: *map.get(s.start_position)?,
                    end: *map.get(s.end_position)?,
                })
            })
            .collect();
        let (findings, _) = engine.detect(&r.full_text);
        if crate::verbose::enabled() {
            crate::verbose::report(set, &r.full_text, &labels, &findings, &scored);
        }
        score_spans(&labels, &findings, &scored, tally);
    }
    Ok(records.len())
}
