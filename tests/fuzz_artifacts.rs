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
    assert_eq!(failed, 0);
}
