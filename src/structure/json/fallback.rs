//! A document that does not parse (a segment of a stream, or malformed): read key/value
//! lines, failing closed on message bodies.

use super::keys::BODY_KEYS;
use super::parse::decode;
use super::parse::{Node, Parser};
use crate::structure::names::{Learned, Role};
use crate::structure::{is_placeholder, squash, Sink};
use crate::vocab::Category;

/// Reads `"key": value` pairs line by line when the text is not one whole JSON value.
/// Message bodies are treated as internal (their record's flag cannot be read). Returns
/// whether a body was found.
pub(super) fn line_fallback(
    text: &str,
    start: usize,
    end: usize,
    sink: &mut Sink,
    learned: &mut Learned,
) -> bool {
    let mut any_body = false;
    let Some(region) = text.get(start..end) else {
        return false;
    };
    let mut off = start;
    for line in region.split_inclusive('\n') {
        let mut p = Parser {
            t: text,
            b: text.as_bytes(),
            i: off,
        };
        let line_end = off + line.len();
        // Every `"key": value` pair on the line.
        while p.i < line_end {
            let Some(q) = memchr::memchr(b'"', p.b.get(p.i..line_end).unwrap_or(&[])) else {
                break;
            };
            p.i += q;
            let Some((ks, ke)) = p.string() else { break };
            p.ws();
            if p.b.get(p.i) != Some(&b':') {
                continue;
            }
            p.i += 1;
            p.ws();
            let key = decode(text, ks, ke).unwrap_or_default();
            let sk = squash(&key);
            let (vs, ve, num) = match p.b.get(p.i) {
                Some(b'"') => match p.string() {
                    Some((s, e)) if e <= line_end => (s, e, false),
                    _ => break,
                },
                Some(b'-' | b'0'..=b'9') => match p.value(0) {
                    Some(Node::Num(s, e)) => (s, e, true),
                    _ => break,
                },
                _ => continue,
            };
            let raw = text.get(vs..ve).unwrap_or("");
            if is_placeholder(raw) {
                continue;
            }
            let sk = sk.as_ref();
            if BODY_KEYS.contains(&sk)
                || matches!(sk, "worknotes" | "commentsandworknotes" | "notes" | "note")
            {
                if !num {
                    sink.note(
                        "structure.json.body_unverified",
                        vs,
                        ve,
                        "message body whose flag could not be read",
                    );
                    any_body = true;
                }
                continue;
            }
            let (cat, label): (Category, Option<&str>) = match sk {
                "email" | "emailaddress" | "fromemail" | "supportemail" | "fromaddress"
                | "toaddress" | "fromemailaddress" | "handle" | "address" => {
                    (Category::Email, None)
                }
                "ipaddress" | "ip" | "clientip" | "remoteip" => (
                    if raw.contains(':') {
                        Category::Ipv6
                    } else {
                        Category::Ipv4
                    },
                    None,
                ),
                "latitude" | "longitude" | "lat" | "lng" | "lon" => (Category::Coordinates, None),
                "location" | "city" => (Category::Custom, Some("LOCATION")),
                "phone" | "phonenumber" | "mobile" => (Category::Phone, None),
                "name" | "displayname" | "customername" | "firstname" | "lastname" | "fullname"
                | "syscreatedby" => (Category::Name, None),
                _ => continue,
            };
            if cat == Category::Name {
                // `"Name": "00000121"` is a record number (Salesforce), not a person.
                if num || !raw.chars().any(char::is_alphabetic) {
                    continue;
                }
                if let Some(v) = decode(text, vs, ve) {
                    learned.add(&v, Role::Unknown);
                }
            }
            let rule = if num {
                crate::structure::RULE_JSON_NUMBER
            } else {
                "structure.json.field"
            };
            sink.field(cat, label, rule, vs, ve);
        }
        off = line_end;
    }
    any_body
}
