//! One measurement (an input kind, a size, a mode) as a JSON line, and each built-in detector
//! alone over one input.

use super::inputs::{repeat_to, seed, MB, SUPPORT_SEED};
use super::process::{external, peak_rss_kb, run_external};
use super::support;
use logscrub::{Engine, Policy};
use std::io::{Read, Write};
use std::path::Path;
use std::time::Instant;

/// Each built-in detector alone over `size_mb` MB of `kind`: MB/s (best of three) and the
/// number of findings.
pub(super) fn detectors_bench(corpus: &Path, kind: &str, size_mb: usize) -> Result<(), String> {
    let text = if kind == "support" {
        support::mix(SUPPORT_SEED, size_mb * MB).text
    } else {
        repeat_to(&seed(corpus, kind)?, size_mb * MB)
    };
    let mb = text.len() as f64 / MB as f64;
    let mut out = Vec::new();
    for d in logscrub::detect::builtin() {
        let mut secs = f64::INFINITY;
        for _ in 0..3 {
            out.clear();
            let t = Instant::now();
            d.detect(&text, &mut out);
            secs = secs.min(t.elapsed().as_secs_f64());
        }
        let name = d.categories().first().map_or("-", |c| c.label());
        println!(
            "{kind} {size_mb} MB  {name:<16} {:>8.1} MB/s  {:>8} findings",
            mb / secs,
            out.len()
        );
    }
    Ok(())
}

/// One measurement in this process: prints a JSON line.
pub(super) fn measure(corpus: &Path, kind: &str, size_mb: usize, mode: &str) -> Result<(), String> {
    let engine = Engine::new(Policy::default()).map_err(|e| e.to_string())?;
    let seed = if kind == "support" {
        // Generated at the full size: as many distinct people as a real export of that size.
        support::mix(SUPPORT_SEED, size_mb * MB).text
    } else {
        seed(corpus, kind)?
    };
    let runs = if size_mb >= 100 { 1 } else { 3 };
    let mut best = f64::INFINITY;
    let mut findings = 0;
    let mut residual = 0;
    let bytes = size_mb * MB;
    if let Some(cmd) = external(mode) {
        // The CLI (two passes over the file, as a user runs it) or the grep reference line,
        // on the same bytes written to a file under target/ (removed afterwards).
        let input = repeat_to(&seed, bytes);
        drop(seed);
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
        let path = dir.join(format!(
            "bench-input-{kind}-{size_mb}-{}.txt",
            std::process::id()
        ));
        std::fs::write(&path, input.as_bytes()).map_err(|e| format!("{}: {e}", path.display()))?;
        drop(input);
        let mut rss = 0.0;
        for _ in 0..runs {
            let r = run_external(&cmd, &path);
            let (secs, peak, lines) = match r {
                Ok(v) => v,
                Err(e) => {
                    let _ = std::fs::remove_file(&path);
                    return Err(e);
                }
            };
            if secs < best {
                best = secs;
                rss = peak;
            }
            findings = lines;
        }
        let _ = std::fs::remove_file(&path);
        println!(
            "{}",
            serde_json::json!({
                "input": kind, "size_mb": size_mb, "mode": mode,
                "seconds": best, "mb_per_s": (bytes as f64 / MB as f64) / best,
                "findings": findings, "residual": residual, "peak_rss_mb": rss,
            })
        );
        return Ok(());
    }
    if mode == "stream" {
        // Input generated into a file and read back in 1 MiB chunks: memory stays bounded.
        let path = std::env::temp_dir().join(format!("logscrub-bench-{kind}-{size_mb}.txt"));
        {
            let mut f = std::fs::File::create(&path).map_err(|e| e.to_string())?;
            let mut written = 0;
            while written < bytes {
                let n = seed.len().min(bytes - written);
                let mut cut = n;
                while !seed.is_char_boundary(cut) {
                    cut -= 1;
                }
                f.write_all(&seed.as_bytes()[..cut])
                    .map_err(|e| e.to_string())?;
                written += cut.max(1);
            }
        }
        drop(seed);
        for _ in 0..runs {
            let mut f = std::fs::File::open(&path).map_err(|e| e.to_string())?;
            let mut buf = vec![0u8; 1 << 20];
            let mut sink = std::io::sink();
            let t = Instant::now();
            let mut stream = engine.stream();
            loop {
                let n = f.read(&mut buf).map_err(|e| e.to_string())?;
                if n == 0 {
                    break;
                }
                // The seed is valid UTF-8 and cut at char boundaries per repetition, but a
                // 1 MiB read can split a char: carry the incomplete tail.
                let chunk = String::from_utf8_lossy(&buf[..n]);
                sink.write_all(stream.feed(&chunk).as_bytes())
                    .map_err(|e| e.to_string())?;
            }
            let done = stream.finish();
            sink.write_all(done.text.as_bytes())
                .map_err(|e| e.to_string())?;
            best = best.min(t.elapsed().as_secs_f64());
            findings = done.report.findings;
            residual = done.report.residual;
        }
        let _ = std::fs::remove_file(&path);
    } else {
        let input = repeat_to(&seed, bytes);
        drop(seed);
        for _ in 0..runs {
            let t = Instant::now();
            if mode == "scan" {
                let (f, _) = engine.detect(&input);
                findings = f.len();
            } else {
                let out = engine.sanitize(&input);
                findings = out.report.findings;
                residual = out.report.residual;
            }
            best = best.min(t.elapsed().as_secs_f64());
        }
    }
    println!(
        "{}",
        serde_json::json!({
            "input": kind, "size_mb": size_mb, "mode": mode,
            "seconds": best, "mb_per_s": (bytes as f64 / MB as f64) / best,
            "findings": findings, "residual": residual, "peak_rss_mb": peak_rss_kb() as f64 / 1024.0,
        })
    );
    Ok(())
}
