//! Conversation structure (issue 5): platform exports, transcripts, internal notes, learned
//! names. Golden outputs live beside the fixtures in `tests/fixtures/structure/`; run with
//! `UPDATE_GOLDEN=1` to regenerate them after an intended change.
//!
//! Fixture convention: every internal message body contains `NOTE#n`, every public one
//! `PUBLIC#n`; no `NOTE#` may survive and every `PUBLIC#` must.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use logscrub::{Engine, Policy};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const DIR: &str = "tests/fixtures/structure";

fn fixtures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e != "golden"))
        .collect();
    v.sort();
    assert!(v.len() >= 18, "fixtures missing: {v:?}");
    v
}

fn tags(text: &str, prefix: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(i) = rest.find(prefix) {
        let tail = &rest[i + prefix.len()..];
        let n: String = tail.chars().take_while(|c| c.is_ascii_digit()).collect();
        out.insert(format!("{prefix}{n}"));
        rest = tail;
    }
    out
}

fn golden_text(out: &logscrub::Sanitized) -> String {
    let mut g = out.text.clone();
    if !g.ends_with('\n') {
        g.push('\n');
    }
    g.push_str("--- notices ---\n");
    for n in &out.report.notices {
        g.push_str(n);
        g.push('\n');
    }
    g
}

#[test]
fn golden_outputs() {
    let engine = Engine::new(Policy::default()).unwrap();
    let update = std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1");
    let mut failures = Vec::new();
    for path in fixtures() {
        let input = std::fs::read_to_string(&path).unwrap();
        let out = engine.sanitize(&input);
        assert_eq!(
            out.report.residual,
            0,
            "{}: leak check residuals {:?}",
            path.display(),
            out.report.residuals
        );
        let golden = path.with_extension(format!(
            "{}.golden",
            path.extension().unwrap().to_str().unwrap()
        ));
        let got = golden_text(&out);
        if update {
            std::fs::write(&golden, &got).unwrap();
        } else {
            let want = std::fs::read_to_string(&golden).unwrap_or_default();
            if want != got {
                failures.push(format!("{}\n--- got ---\n{got}", golden.display()));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "golden mismatch (rerun with UPDATE_GOLDEN=1 if intended):\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_internal_note_removed_no_public_message_removed() {
    let engine = Engine::new(Policy::default()).unwrap();
    let (mut notes, mut publics) = (0, 0);
    for path in fixtures() {
        let input = std::fs::read_to_string(&path).unwrap();
        let out = engine.sanitize(&input);
        let name = path.display();
        let left = tags(&out.text, "NOTE#");
        assert!(left.is_empty(), "{name}: internal notes survive: {left:?}");
        let want = tags(&input, "PUBLIC#");
        let kept = tags(&out.text, "PUBLIC#");
        // An email's base64 parts come out decoded: their tags appear only in the output.
        assert!(
            want.is_subset(&kept),
            "{name}: public messages removed: {:?}",
            want.difference(&kept).collect::<Vec<_>>()
        );
        notes += tags(&input, "NOTE#").len();
        publics += want.len();
    }
    assert!(
        notes >= 40 && publics >= 40,
        "{notes} notes, {publics} public"
    );
}

#[test]
fn internal_notes_can_be_kept() {
    let policy = Policy::from_json(r#"{"internal_notes":"keep"}"#).unwrap();
    let engine = Engine::new(policy).unwrap();
    for path in fixtures() {
        let input = std::fs::read_to_string(&path).unwrap();
        let out = engine.sanitize(&input);
        assert_eq!(
            tags(&input, "NOTE#"),
            tags(&out.text, "NOTE#"),
            "{}",
            path.display()
        );
        assert!(!out.text.contains("[INTERNAL_NOTE"));
    }
}

/// Same shape: objects with the same keys in the same order, arrays of the same length;
/// a scalar may become a string (a replaced number).
fn same_shape(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value::*;
    match (a, b) {
        (Object(x), Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y.iter())
                    .all(|((ka, va), (kb, vb))| ka == kb && same_shape(va, vb))
        }
        (Array(x), Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_shape(p, q))
        }
        (Object(_) | Array(_), _) | (_, Object(_) | Array(_)) => false,
        (Number(_), String(_)) | (String(_), String(_)) => true,
        (x, y) => x == y,
    }
}

fn json_docs(text: &str, lines: bool) -> Vec<serde_json::Value> {
    if lines {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    } else {
        vec![serde_json::from_str(text).unwrap()]
    }
}

#[test]
fn json_outputs_stay_valid_with_the_same_shape() {
    let engine = Engine::new(Policy::default()).unwrap();
    for path in fixtures() {
        let ext = path.extension().unwrap().to_str().unwrap();
        if ext != "json" && ext != "jsonl" {
            continue;
        }
        let input = std::fs::read_to_string(&path).unwrap();
        let out = engine.sanitize(&input);
        let a = json_docs(&input, ext == "jsonl");
        let b = json_docs(&out.text, ext == "jsonl");
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(&b) {
            assert!(same_shape(x, y), "{}: shape changed", path.display());
        }
        if ext == "jsonl" {
            assert_eq!(input.lines().count(), out.text.lines().count());
        }
    }
}

#[test]
fn csv_output_keeps_its_columns() {
    let engine = Engine::new(Policy::default()).unwrap();
    let input = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(DIR)
            .join("export.csv"),
    )
    .unwrap();
    let out = engine.sanitize(&input);
    let count = |t: &str| -> Vec<usize> {
        // Quote-aware field count per record.
        let mut counts = Vec::new();
        let (mut n, mut q) = (1, false);
        for c in t.chars() {
            match c {
                '"' => q = !q,
                ',' if !q => n += 1,
                '\n' if !q => {
                    counts.push(n);
                    n = 1;
                }
                _ => {}
            }
        }
        counts
    };
    assert_eq!(count(&input), count(&out.text));
    assert!(out.text.lines().next().unwrap() == input.lines().next().unwrap());
}

#[test]
fn notices_say_when_a_flag_was_missing() {
    let engine = Engine::new(Policy::default()).unwrap();
    let out = engine.sanitize(r#"[{"author_id": 5, "body": "no flag here"}]"#);
    assert_eq!(
        out.text,
        r#"[{"author_id": "[USER_ID-1]", "body": "[INTERNAL_NOTE_REMOVED]"}]"#
    );
    assert_eq!(
        out.report.notices,
        vec!["message flag missing or unrecognised: treated as internal".to_string()]
    );
    let out = engine.sanitize(r#"[{"author_id": 5, "body": "hello", "public": true}]"#);
    assert!(out.report.notices.is_empty());
}

#[test]
fn strategies_keep_json_valid() {
    for strategy in ["numbered", "label", "remove"] {
        let policy = Policy::from_json(&format!(
            r#"{{"default_strategy":"{strategy}","strategies":{{"internal_note":"{strategy}"}}}}"#
        ))
        .unwrap();
        let engine = Engine::new(policy).unwrap();
        for path in fixtures() {
            let ext = path.extension().unwrap().to_str().unwrap();
            if ext != "json" && ext != "jsonl" {
                continue;
            }
            let input = std::fs::read_to_string(&path).unwrap();
            let out = engine.sanitize(&input);
            let a = json_docs(&input, ext == "jsonl");
            let b = json_docs(&out.text, ext == "jsonl");
            for (x, y) in a.iter().zip(&b) {
                assert!(same_shape(x, y), "{strategy} {}", path.display());
            }
        }
    }
}

#[test]
fn idempotent_on_fixtures() {
    let engine = Engine::new(Policy::default()).unwrap();
    for path in fixtures() {
        let input = std::fs::read_to_string(&path).unwrap();
        let once = engine.sanitize(&input).text;
        let twice = engine.sanitize(&once);
        assert_eq!(twice.text, once, "{}", path.display());
        assert_eq!(
            twice.report.findings,
            0,
            "{}: {:?}",
            path.display(),
            twice.findings
        );
    }
}

mod property {
    use super::*;
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
                let mut r =
                    json!({"id": i, "type": "Comment", "author_id": 7, "body": text(internal)});
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
}

mod streaming {
    use super::*;

    fn fixture(name: &str) -> String {
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR).join(name)).unwrap()
    }

    fn stream(engine: &Engine, input: &str, chunk: usize) -> logscrub::Sanitized {
        stream_limited(engine, input, chunk, 64 << 20)
    }

    fn stream_limited(
        engine: &Engine,
        input: &str,
        chunk: usize,
        limit: usize,
    ) -> logscrub::Sanitized {
        let mut s = engine.stream().with_document_limit(limit);
        let mut out = String::new();
        let bytes = input.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let mut j = (i + chunk).min(bytes.len());
            while !input.is_char_boundary(j) {
                j += 1;
            }
            out.push_str(&s.feed(&input[i..j]));
            i = j;
        }
        let mut last = s.finish();
        out.push_str(&last.text);
        last.text = out;
        last
    }

    #[test]
    fn line_formats_stream_like_whole_text() {
        let engine = Engine::new(Policy::default()).unwrap();
        let csv = fixture("export.csv");
        let (header, rows) = csv.split_once('\n').unwrap();
        for input in [
            fixture("markers_transcript.txt").repeat(400),
            fixture("gorgias.jsonl").repeat(100),
            fixture("servicenow_journal.txt").repeat(500),
            format!("{header}\n{}", rows.repeat(500)),
        ] {
            assert!(input.len() > 150_000);
            let whole = engine.sanitize(&input);
            let streamed = stream(&engine, &input, 10_000);
            assert_eq!(streamed.text, whole.text);
            assert!(tags(&streamed.text, "NOTE#").is_empty());
            assert_eq!(streamed.report.residual, 0);
        }
    }

    #[test]
    fn note_block_straddling_a_segment_boundary() {
        let engine = Engine::new(Policy::default()).unwrap();
        let filler = "Agent: ok\n".repeat(7000);
        let mut s = engine.stream();
        let mut out = s.feed(&format!("{filler}Internal note: NOTE#1 first line\n"));
        assert!(!out.is_empty(), "the first segment was processed");
        out.push_str(&s.feed("NOTE#1 second line\n\nCustomer: bye\n"));
        out.push_str(&s.finish().text);
        assert!(
            tags(&out, "NOTE#").is_empty(),
            "{}",
            &out[out.len() - 200..]
        );
        assert!(
            out.ends_with("[INTERNAL_NOTE_REMOVED]\n[INTERNAL_NOTE_REMOVED]\n\nCustomer: bye\n")
        );
    }

    #[test]
    fn regression_issue_5_large_email_streams_like_whole_text() {
        let engine = Engine::new(Policy::default()).unwrap();
        let mut log = String::new();
        for i in 0..4000 {
            log.push_str(&format!(
                "{i} login user=noah.williams@example.com ip=198.51.100.45\n"
            ));
        }
        let b64 = {
            use std::fmt::Write;
            // Base64 by hand (no dependency): the leak check's own encoder is private.
            const T: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            let mut out = String::new();
            for (n, c) in log.as_bytes().chunks(3).enumerate() {
                let v = (c[0] as u32) << 16
                    | (*c.get(1).unwrap_or(&0) as u32) << 8
                    | *c.get(2).unwrap_or(&0) as u32;
                for k in 0..4 {
                    let ch = if k > c.len() {
                        '='
                    } else {
                        T[(v >> (18 - 6 * k)) as usize & 63] as char
                    };
                    out.write_char(ch).unwrap();
                }
                if n % 19 == 18 {
                    out.push('\n');
                }
            }
            out
        };
        let input = format!(
            "{}\n--b1\nContent-Type: text/plain; name=auth.log\nContent-Transfer-Encoding: base64\n\n{b64}\n--b1--\n",
            fixture("email.eml").replace(
                "Content-Type: text/plain; charset=\"UTF-8\"",
                "Content-Type: multipart/mixed; boundary=b1\n\n--b1\nContent-Type: text/plain; charset=\"UTF-8\""
            )
        );
        assert!(input.len() > 200_000);
        let whole = engine.sanitize(&input);
        let streamed = stream(&engine, &input, 8192);
        assert_eq!(streamed.text, whole.text);
        assert_eq!(streamed.report.residual, 0);
        assert!(!whole.text.contains("noah.williams@example.com"));
        assert!(!whole.text.contains("198.51.100.45"));
        assert!(
            whole.text.contains("login user=[EMAIL-1] ip=[IPV4-1]"),
            "{}",
            &whole.text[..3000]
        );
        assert!(tags(&whole.text, "NOTE#").is_empty());
    }

    #[test]
    fn regression_issue_5_document_over_the_limit_is_drained_in_segments() {
        let engine = Engine::new(Policy::default()).unwrap();
        let comments: Vec<serde_json::Value> = (0..12_000)
            .map(|i| {
                serde_json::json!({
                    "id": i, "author_id": 7, "public": i % 2 == 0,
                    "body": if i % 2 == 1 { format!("NOTE#{i} internal") } else { format!("PUBLIC#{i} hi") },
                    "metadata": {"system": {"ip_address": "203.0.113.9"}}
                })
            })
            .collect();
        let input =
            serde_json::to_string_pretty(&serde_json::json!({ "comments": comments })).unwrap();
        assert!(input.len() > 2_200_000, "{}", input.len());
        let out = stream_limited(&engine, &input, 64 * 1024, 1_200_000);
        assert!(tags(&out.text, "NOTE#").is_empty());
        assert!(!out.text.contains("203.0.113.9"));
        assert_eq!(out.report.residual, 0);
        assert!(out
            .report
            .notices
            .iter()
            .any(|n| n.contains("whole-document limit")));
        serde_json::from_str::<serde_json::Value>(&out.text).unwrap();
    }

    #[test]
    fn split_json_document_fails_closed() {
        let engine = Engine::new(Policy::default()).unwrap();
        let mut comments = Vec::new();
        for i in 0..1500 {
            comments.push(serde_json::json!({
                "id": i, "author_id": 7, "public": i % 3 != 0,
                "body": if i % 3 == 0 { format!("NOTE#{i} internal") } else { format!("PUBLIC#{i} hi") },
                "metadata": {"system": {"ip_address": "203.0.113.9", "latitude": 1.5}}
            }));
        }
        let input =
            serde_json::to_string_pretty(&serde_json::json!({ "comments": comments })).unwrap();
        assert!(input.len() > 150_000);
        // Read whole (the default limit is 64 MiB), it streams exactly like the whole text.
        let held = stream(&engine, &input, 8192);
        let whole = engine.sanitize(&input);
        assert_eq!(held.text, whole.text);
        assert_eq!(held.report.notices, whole.report.notices);
        assert!(held.report.notices.is_empty());
        // Over the limit, the document is split and read failing closed.
        let out = stream_limited(&engine, &input, 8192, 100_000);
        assert!(tags(&out.text, "NOTE#").is_empty());
        assert!(!out.text.contains("203.0.113.9"));
        assert!(out
            .report
            .notices
            .iter()
            .any(|n| n.contains("whole-document limit")));
        assert!(out
            .report
            .notices
            .iter()
            .any(|n| n.contains("split by streaming")));
        serde_json::from_str::<serde_json::Value>(&out.text).unwrap();
        // The whole-text run keeps every public message.
        let whole = engine.sanitize(&input);
        assert_eq!(tags(&whole.text, "PUBLIC#").len(), 1000);
    }
}

/// Throughput and false positives of the structure pass alone on the shared corpus (not
/// copied into the repository): `cargo test --release --test structure -- --ignored --nocapture`.
#[test]
#[ignore]
fn measure_structure_pass_on_corpus() {
    use logscrub::detect::Category;
    use logscrub::structure::{analyze, Context};
    let root = std::env::var("LOGSCRUB_CORPUS").unwrap_or_else(|_| "../shared/corpus".into());
    let mut inputs: Vec<(String, String)> = Vec::new();
    if let Ok(dir) = std::fs::read_dir(Path::new(&root).join("loghub/raw")) {
        let mut all = String::new();
        for e in dir {
            all.push_str(&std::fs::read_to_string(e.unwrap().path()).unwrap());
        }
        inputs.push(("loghub raw (all 16)".into(), all));
    }
    if let Ok(t) = std::fs::read_to_string(
        Path::new(&root).join("ubuntu-dialogue-pimlico/dialogues_small.json"),
    ) {
        inputs.push(("ubuntu dialogues (JSON)".into(), t));
    }
    let chat: String = (0..20_000)
        .map(|i| match i % 4 {
            0 => format!(
                "({:02}:{:02}:11 PM) Jane Doe: my order {i} has not arrived yet, can you check?\n",
                i % 12,
                i % 60
            ),
            1 => format!(
                "({:02}:{:02}:40 PM) Omar Haddad: Hi Jane, let me look at order {i} for you.\n",
                i % 12,
                i % 60
            ),
            2 => "Agent: thanks for waiting, the parcel is at the depot\n".to_string(),
            _ => "Customer: great, thank you so much for the help today\n".to_string(),
        })
        .collect();
    inputs.push(("synthetic chat transcript".into(), chat));
    let policy = Policy::default();
    for (name, text) in inputs {
        let reps = (20_000_000 / text.len()).max(1);
        let start = std::time::Instant::now();
        let mut counts = std::collections::BTreeMap::<Category, usize>::new();
        for _ in 0..reps {
            let mut out = Vec::new();
            analyze(&text, &policy, &mut Context::default(), &mut out);
            counts.clear();
            for f in &out {
                *counts.entry(f.category).or_default() += 1;
            }
        }
        let secs = start.elapsed().as_secs_f64();
        let mbps = (text.len() * reps) as f64 / secs / 1e6;
        println!(
            "{name}: {} bytes, {mbps:.0} MB/s, findings {counts:?}",
            text.len()
        );
    }
}

mod robustness {
    use super::*;
    use logscrub::structure::{analyze, Context};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(crate::support::config(300))]
        /// Any input, in any forced format: no panic, spans on char boundaries inside the text.
        #[test]
        fn never_panics_and_spans_are_valid(
            text in "[a-zA-Z0-9 {}\\[\\]\":,\\\\\n\r\t<>*()@.#é中-]{0,200}",
            format in 0usize..7,
        ) {
            let formats = ["auto", "text", "json", "jsonl", "csv", "eml", "html"];
            let policy = Policy::from_json(&format!(r#"{{"format":"{}"}}"#, formats[format])).unwrap();
            let mut out = Vec::new();
            analyze(&text, &policy, &mut Context::default(), &mut out);
            for f in &out {
                prop_assert!(f.start < f.end && f.end <= text.len());
                prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            }
            let engine = Engine::new(policy).unwrap();
            let _ = engine.sanitize(&text);
        }
    }
}

#[test]
fn regression_issue_12_notes_every_other_line_of_a_log_are_counted_and_end_at_records() {
    // A 22 MB log with `Internal note:` every other line came out as 408 bytes with a green
    // verdict. Each note now ends at the next log record, and the report says how much the
    // notes took out, for the verdict to show.
    let engine = Engine::new(Policy::default()).unwrap();
    let (mut input, mut note_bytes) = (String::new(), 0);
    let n = 2_000;
    for i in 0..n {
        input.push_str(&format!(
            "2024-03-04 10:{:02}:{:02}.{i:03}Z INFO  api.request path=/v2/orders/{i} status=200 LOG#{i}\n",
            i / 60 % 60,
            i % 60
        ));
        let note = format!("Internal note: customer retried after the outage, try {i}");
        note_bytes += note.len();
        input.push_str(&note);
        input.push('\n');
    }
    let out = engine.sanitize(&input);
    assert_eq!(out.report.residual, 0);
    assert_eq!(tags(&out.text, "LOG#").len(), n);
    assert_eq!(out.text.matches("[INTERNAL_NOTE_REMOVED]").count(), n);
    let removed = out.report.notes_removed;
    assert_eq!(
        (removed.count, removed.lines, removed.bytes),
        (n, n, note_bytes)
    );
    let json = serde_json::to_value(&out.report).unwrap();
    assert_eq!(json["notes_removed"]["count"], n);
    // Nothing removed, nothing counted.
    let out = engine.sanitize("2024-03-04 10:00:00 INFO ok\n");
    assert_eq!(out.report.notes_removed, logscrub::NotesRemoved::default());
}
