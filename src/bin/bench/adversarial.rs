//! Pathological inputs streamed at 10 and 100 MB (`--adversarial`): time must grow linearly.

use super::inputs::MB;
use logscrub::{Engine, Policy};
use std::time::Instant;

/// The pathological inputs of the robustness requirements, `bytes` long.
pub(super) fn adversarial(kind: &str, bytes: usize) -> Vec<u8> {
    let unit: Vec<u8> = match kind {
        "one-line" => b"word a@b 10.0.0 x=y ".to_vec(),
        "at-signs" => b"@".to_vec(),
        "nested-json" => b"{\"a\":[".to_vec(),
        "binary-nul" => (0..=255u8).chain([0, 0, 0, b'@', b'.', b'1']).collect(),
        "mixed-eol-bom" => b"\xef\xbb\xbfa@b.org\r\nx 10.1.2.3\ry\n\r\n".to_vec(),
        _ => "مرحبا שלום 😀👩‍💻 user@例え.jp +44 20 7946 0958\n"
            .as_bytes()
            .to_vec(),
    };
    let mut v = Vec::with_capacity(bytes + unit.len());
    while v.len() < bytes {
        v.extend_from_slice(&unit);
    }
    v.truncate(bytes);
    v
}

pub(super) fn adversarial_bench() -> Result<(), String> {
    let engine = Engine::new(Policy::default()).map_err(|e| e.to_string())?;
    println!(
        "{:<14} {:>6} {:>9} {:>9} {:>9}",
        "input", "MB", "seconds", "MB/s", "residual"
    );
    for kind in [
        "one-line",
        "at-signs",
        "nested-json",
        "binary-nul",
        "mixed-eol-bom",
        "rtl-emoji",
    ] {
        for mb in [10, 100] {
            let data = adversarial(kind, mb * MB);
            let t = Instant::now();
            let mut stream = engine.stream().without_lists();
            for chunk in data.chunks(1 << 20) {
                // Chunks may split a character: lossy per chunk is fine for timing.
                let _ = stream.feed(&String::from_utf8_lossy(chunk));
            }
            let done = stream.finish();
            let secs = t.elapsed().as_secs_f64();
            println!(
                "{kind:<14} {mb:>6} {secs:>9.2} {:>9.1} {:>9}",
                mb as f64 / secs,
                done.report.residual
            );
        }
    }
    Ok(())
}
