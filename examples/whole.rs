//! Whole-text reference: reads all of stdin, sanitizes it at once with the default policy,
//! writes the text to stdout. Used to check that the streaming CLI gives the same bytes on
//! large inputs (`cargo run --release --example whole < big.log | sha256sum`).
use std::io::{Read, Write};

fn main() -> std::process::ExitCode {
    let mut input = Vec::new();
    if std::io::stdin().read_to_end(&mut input).is_err() {
        return std::process::ExitCode::from(2);
    }
    let Ok(engine) = logscrub::Engine::new(logscrub::Policy::default()) else {
        return std::process::ExitCode::from(2);
    };
    let out = engine.sanitize_bytes(&input);
    drop(input);
    eprintln!(
        "findings {} residual {}",
        out.report.findings, out.report.residual
    );
    let ok = std::io::stdout().write_all(out.text.as_bytes()).is_ok();
    std::process::ExitCode::from(if ok && out.report.residual == 0 { 0 } else { 1 })
}
