//! The is_email test suite (`tests.xml`), parsed by hand: the file is a flat list of
//! `<test>` elements and needs no XML library.

use crate::score::{found_whole, Tally};
use logscrub::{Category, Engine};
use std::path::Path;

pub struct Case {
    pub address: String,
    pub category: String,
}

/// Decodes the XML entities used in the file and the suite's U+2400.. control pictures.
pub fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let Some(semi) = after.find(';') else {
            out.push_str(after);
            rest = "";
            break;
        };
        let ent = &after[1..semi];
        let ch = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => ent
                .strip_prefix("#x")
                .or_else(|| ent.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    // U+2400 + n stands for the ASCII control character n.
    out.chars()
        .map(|c| match c as u32 {
            v @ 0x2400..=0x241F => char::from_u32(v - 0x2400).unwrap_or(c),
            _ => c,
        })
        .collect()
}

fn element<'a>(block: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let s = block.find(&open)? + open.len();
    let e = block[s..].find(&close)? + s;
    Some(&block[s..e])
}

pub fn parse(xml: &str) -> Vec<Case> {
    xml.split("<test ")
        .skip(1)
        .filter_map(|block| {
            let block = block.split("</test>").next()?;
            let address = if block.contains("<address/>") {
                String::new()
            } else {
                decode(element(block, "address")?)
            };
            let category = element(block, "category")?.trim().to_string();
            Some(Case { address, category })
        })
        .collect()
}

/// Should-redact (valid, DNS warning, RFC 5321) must be found whole; ERR must not; the
/// rest (CFWS, DEPREC, RFC 5322 edge cases) is skipped. Returns (evaluated, skipped).
pub fn evaluate(engine: &Engine, path: &Path, tally: &mut Tally) -> Result<(usize, usize), String> {
    let xml = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let cases = parse(&xml);
    let (mut n, mut skipped) = (0, 0);
    tally.touch("email");
    for case in &cases {
        let positive = match case.category.as_str() {
            "ISEMAIL_VALID_CATEGORY" | "ISEMAIL_DNSWARN" | "ISEMAIL_RFC5321" => true,
            "ISEMAIL_ERR" => false,
            _ => {
                skipped += 1;
                continue;
            }
        };
        n += 1;
        let a = &case.address;
        let (findings, _) = engine.detect(a);
        let whole = !a.is_empty() && found_whole(&findings, Category::Email, a.len());
        let c = tally.entry("email");
        match (positive, whole) {
            (true, true) => c.tp += 1,
            (true, false) => c.fn_ += 1,
            (false, true) => c.fp += 1,
            (false, false) => {}
        }
        if crate::verbose::enabled() && positive != whole {
            eprintln!(
                "{} isemail {}: {a:?}",
                if positive { "FN" } else { "FP" },
                case.category
            );
        }
    }
    Ok((n, skipped))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_entities_and_control_pictures() {
        assert_eq!(decode("a&amp;b&#x2407;c&#x2400;"), "a&b\u{7}c\u{0}");
        assert_eq!(decode("&#xA9;"), "©");
        let cases = parse("<tests><test id=\"1\"><address/><category>ISEMAIL_ERR</category></test><test id=\"2\"><address>a@b.c</address><category>X</category></test></tests>");
        assert_eq!(cases.len(), 2);
        assert_eq!(cases[1].address, "a@b.c");
    }
}
