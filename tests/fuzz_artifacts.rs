//! Re-checks fuzz artifacts (not committed) against the current engine. Run with
//! `LOGSCRUB_FUZZ_ARTIFACTS=dir cargo test --test fuzz_artifacts -- --ignored --nocapture`.
//! The target is read from the file name (`engine-crash-…`, `json-crash-…`, …), as the
//! fuzz runner names them.
use logscrub::{Engine, Policy};

fn engine(format: &str) -> Engine {
    Engine::new(Policy::from_json(&format!(r#"{{"format":"{format}"}}"#)).unwrap()).unwrap()
}

/// The engine target's streaming: the input cut into pieces of `cut + 1` bytes, read twice
/// (a learner, then a seeded stream with the smallest segments).
fn two_pass(engine: &Engine, text: &str, cut: usize) -> (String, logscrub::Sanitized) {
    let mut pieces = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let mut at = (cut + 1).min(rest.len());
        while !rest.is_char_boundary(at) {
            at += 1;
        }
        let (piece, tail) = rest.split_at(at);
        pieces.push(piece);
        rest = tail;
    }
    let mut session = engine.session().with_segment_size(1);
    for p in &pieces {
        session.learn(p).unwrap();
    }
    let mut out = String::new();
    for p in &pieces {
        out.push_str(&session.write(p));
    }
    let done = session.finish();
    out.push_str(&done.text);
    (out, done)
}

#[test]
#[ignore]
fn fuzz_artifacts_pass() {
    let dir =
        std::env::var("LOGSCRUB_FUZZ_ARTIFACTS").unwrap_or_else(|_| "fuzz/artifacts".to_string());
    let engines: Vec<(&str, Engine)> = ["auto", "json", "jsonl", "csv", "eml", "html"]
        .into_iter()
        .map(|f| (f, engine(f)))
        .collect();
    let by = |f: &str| &engines.iter().find(|e| e.0 == f).unwrap().1;
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let mut failed = 0;
    let mut checked = 0;
    for path in &paths {
        let data = std::fs::read(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let target = name.split('-').next().unwrap_or("");
        let (e, bytes, cut) = match target {
            "engine" => (
                by("auto"),
                data.get(1..).unwrap_or(&[]),
                data.first().copied(),
            ),
            "json" => match data.split_first() {
                Some((m, rest)) => (by(if m & 1 == 0 { "json" } else { "jsonl" }), rest, None),
                None => continue,
            },
            "csv" | "eml" | "html" => (by(target), &data[..], None),
            _ => continue,
        };
        checked += 1;
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let whole = e.sanitize_bytes(bytes);
            let again = e.sanitize(&whole.text);
            (whole, again)
        }));
        let Ok((whole, again)) = result else {
            println!("PANIC {name}");
            failed += 1;
            continue;
        };
        let mut bad = Vec::new();
        for r in &whole.report.residuals {
            let t = &whole.text;
            let mut lo = r.start.saturating_sub(40);
            while !t.is_char_boundary(lo) {
                lo -= 1;
            }
            let mut hi = (r.end + 40).min(t.len());
            while !t.is_char_boundary(hi) {
                hi += 1;
            }
            bad.push(format!(
                "residual {:?} {} {:?} in {:?}",
                r.category,
                r.kind,
                t.get(r.start..r.end),
                &t[lo..hi]
            ));
        }
        if again.text != whole.text {
            bad.push(format!(
                "not idempotent:\n  once:  {:?}\n  twice: {:?}",
                whole.text, again.text
            ));
        }
        if let Some(cut) = cut {
            let text = String::from_utf8_lossy(bytes);
            let (out, done) = two_pass(e, &text, usize::from(cut));
            if out != whole.text || done.report.residuals != whole.report.residuals {
                bad.push(format!(
                    "two-pass stream differs:\n  whole:  {:?}\n  stream: {:?}",
                    whole.text, out
                ));
            }
        }
        if !bad.is_empty() {
            failed += 1;
            println!("FAIL {name}\n  {}", bad.join("\n  "));
        }
    }
    println!("{failed} of {checked} artifacts fail");
    assert_eq!(failed, 0);
}
