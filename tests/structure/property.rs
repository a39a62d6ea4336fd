//! Properties of the structure pass over generated platform exports: every internal note
//! removed, every public message kept, the output still valid JSON of the same shape.

use super::outputs::{json_docs, same_shape};
use logscrub::{Engine, Policy};
use proptest::prelude::*;
use serde_json::{json, Value};

/// (record, is internal) for one platform's message schema.
fn record(platform: u8, flag: u8, i: usize, body: &str) -> (Value, bool) {
    let text = |internal: bool| {
        if internal {
            format!("NOTE{i}x {body}")
        } else {
            format!("PUBLIC{i}x {body}")
        }
    };
    let f = flag % 3; // 0 public, 1 internal, 2 missing/odd
    match platform % 8 {
        0 => {
            let internal = f != 0;
            let mut r = json!({"id": i, "type": "Comment", "author_id": 7, "body": text(internal)});
            if f < 2 {
                r["public"] = json!(f == 0);
            }
            (r, internal)
        }
        1 => {
            let internal = f != 0;
            let p = match f {
                0 => json!(false),
                1 => json!("Yes"),
                _ => json!("perhaps"),
            };
            (
                json!({"id": i, "private": p, "body_text": text(internal), "from_email": "a@example.org"}),
                internal,
            )
        }
        2 => {
            let internal = f != 0;
            let t = match f {
                0 => "comment",
                1 => "note",
                _ => "brand_new",
            };
            (
                json!({"type": "conversation_part", "part_type": t, "body": text(internal), "author": {"type": "admin", "name": "Ada Quist", "email": "ada@example.org"}}),
                internal,
            )
        }
        3 => {
            let internal = f != 0;
            let v = match f {
                0 => "AllUsers",
                1 => "InternalUsers",
                _ => "Partners",
            };
            (
                json!({"attributes": {"type": "FeedItem"}, "Visibility": v, "Body": text(internal)}),
                internal,
            )
        }
        4 => {
            let internal = f != 0;
            let e = match f {
                0 => "comments",
                1 => "work_notes",
                _ => "x",
            };
            (
                json!({"element": e, "value": text(internal), "sys_created_by": "bo.lind"}),
                internal,
            )
        }
        5 => {
            let internal = f != 0;
            let t = match f {
                0 => "MESSAGE",
                1 => "COMMENT",
                _ => "NEW_KIND",
            };
            (json!({"type": t, "text": text(internal)}), internal)
        }
        6 => {
            let internal = f != 0;
            let mut r = json!({"body": text(internal), "author": {"accountId": "5b1", "displayName": "Kai Berg"}});
            if f < 2 {
                r["jsdPublic"] = json!(f == 0);
            }
            (r, internal)
        }
        _ => {
            let internal = f != 0;
            let t = match f {
                0 => "public",
                1 => "private,x",
                _ => "",
            };
            (json!({"content": text(internal), "tags": t}), internal)
        }
    }
}

proptest! {
    #![proptest_config(crate::support::config(96))]
    #[test]
    fn json_output_parses_and_no_internal_body_survives(
        specs in proptest::collection::vec((any::<u8>(), any::<u8>(), "[a-zA-Z0-9 ,.!?'\"\\\\\n\t@<>/é中:-]{0,30}"), 1..8),
        pretty in any::<bool>(),
        lines in any::<bool>(),
    ) {
        let engine = Engine::new(Policy::default()).unwrap();
        let recs: Vec<(Value, bool)> = specs.iter().enumerate()
            .map(|(i, (p, f, b))| record(*p, *f, i, b)).collect();
        let input = if lines {
            recs.iter().map(|(r, _)| serde_json::to_string(r).unwrap() + "\n").collect::<String>()
        } else {
            let arr = Value::Array(recs.iter().map(|(r, _)| r.clone()).collect());
            if pretty { serde_json::to_string_pretty(&arr).unwrap() } else { serde_json::to_string(&arr).unwrap() }
        };
        let out = engine.sanitize(&input);
        let docs = json_docs(&out.text, lines && recs.len() > 1);
        let in_docs = json_docs(&input, lines && recs.len() > 1);
        prop_assert_eq!(docs.len(), in_docs.len());
        for (x, y) in in_docs.iter().zip(&docs) {
            prop_assert!(same_shape(x, y));
        }
        for (i, (_, internal)) in recs.iter().enumerate() {
            if *internal {
                prop_assert!(!out.text.contains(&format!("NOTE{i}x")), "note {} survives: {}", i, out.text);
            } else {
                prop_assert!(out.text.contains(&format!("PUBLIC{i}x")), "public {} removed: {}", i, out.text);
            }
        }
    }
}
