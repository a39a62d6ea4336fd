//! Re-checks fuzz artifacts (not committed) against the current engine. Run with
//! `LOGSCRUB_FUZZ_ARTIFACTS=dir cargo test --test fuzz_artifacts -- --ignored --nocapture`.
use logscrub::{Engine, Policy};

#[test]
#[ignore]
fn fuzz_artifacts_pass() {
    let dir = std::env::var("LOGSCRUB_FUZZ_ARTIFACTS")
        .unwrap_or_else(|_| "fuzz/artifacts/engine".to_string());
    let engine = Engine::new(Policy::default()).unwrap();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let mut failed = 0;
    let mut stream_diff = 0;
    for path in &paths {
        let data = std::fs::read(path).unwrap();
        let bytes = data.get(1..).unwrap_or(&[]);
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let whole = engine.sanitize_bytes(bytes);
            let again = engine.sanitize(&whole.text);
            (whole, again)
        }));
        let Ok((whole, again)) = result else {
            println!("PANIC {name}");
            failed += 1;
            continue;
        };
        // Streaming as the fuzz target does it; differences from values found only later in
        // the text are a known limitation, so they are counted, not failed.
        let text = String::from_utf8_lossy(bytes);
        let cut = usize::from(data.first().copied().unwrap_or(0));
        let mut stream = engine.stream().with_segment_size(1);
        let mut out = String::new();
        let mut rest: &str = &text;
        while !rest.is_empty() {
            let mut at = (cut + 1).min(rest.len());
            while !rest.is_char_boundary(at) {
                at += 1;
            }
            let (piece, tail) = rest.split_at(at);
            out.push_str(&stream.feed(piece));
            rest = tail;
        }
        let done = stream.finish();
        out.push_str(&done.text);
        if out != whole.text || done.report.residual != 0 {
            stream_diff += 1;
        }
        let mut bad = Vec::new();
        if whole.report.residual != 0 {
            for r in &whole.report.residuals {
                let lo = whole.text.floor_char_boundary(r.start.saturating_sub(30));
                let hi = whole
                    .text
                    .ceil_char_boundary((r.end + 30).min(whole.text.len()));
                bad.push(format!(
                    "residual {:?} {} {:?} in {:?}",
                    r.category,
                    r.kind,
                    &whole.text[r.start..r.end],
                    &whole.text[lo..hi]
                ));
            }
        }
        if again.text != whole.text {
            bad.push(format!(
                "not idempotent:\n  once:  {:?}\n  twice: {:?}",
                whole.text, again.text
            ));
        }
        if !bad.is_empty() {
            failed += 1;
            println!("FAIL {name}\n  {}", bad.join("\n  "));
        }
    }
    println!("{failed} of {} artifacts fail", paths.len());
    println!("{stream_diff} stream differently (not failed: see above)");
    assert_eq!(failed, 0);
}
