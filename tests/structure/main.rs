//! Conversation structure (issue 5): platform exports, transcripts, internal notes, learned
//! names. Golden outputs live beside the fixtures in `tests/fixtures/structure/`; run with
//! `UPDATE_GOLDEN=1` to regenerate them after an intended change.
//!
//! Fixture convention: every internal message body contains `NOTE#n`, every public one
//! `PUBLIC#n`; no `NOTE#` may survive and every `PUBLIC#` must.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../support/mod.rs"]
mod support;

mod outputs;
mod property;
mod robustness;
mod streaming;

use logscrub::{Engine, Policy};
use outputs::{fixtures, golden_text, json_docs, same_shape, tags, DIR};
use std::path::Path;

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
