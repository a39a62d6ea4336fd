//! The structure pass in a stream: fixtures fed in chunks give the whole-text result, and
//! documents over the limit are split and said so.

use super::outputs::{tags, DIR};
use logscrub::{Engine, Policy};
use std::path::Path;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR).join(name)).unwrap()
}

fn stream(engine: &Engine, input: &str, chunk: usize) -> logscrub::Sanitized {
    stream_limited(engine, input, chunk, 64 << 20)
}

fn stream_limited(engine: &Engine, input: &str, chunk: usize, limit: usize) -> logscrub::Sanitized {
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
    assert!(out.ends_with("[INTERNAL_NOTE_REMOVED]\n[INTERNAL_NOTE_REMOVED]\n\nCustomer: bye\n"));
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
    let input = serde_json::to_string_pretty(&serde_json::json!({ "comments": comments })).unwrap();
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
    let input = serde_json::to_string_pretty(&serde_json::json!({ "comments": comments })).unwrap();
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
