//! `npm run bench`: throughput (MB/s) and peak memory of the engine, native, single core.
//!
//! Inputs are built by repeating real text from `../shared/corpus`: the loghub logs (dense
//! in IPs) and the Ubuntu IRC support dialogues (conversational), at 1, 10 and 100 MB to show
//! that time grows linearly. Each measurement runs in its own process so that its peak
//! resident memory (VmHWM) is its own.
//!
//! `--cli [MB]` measures the `logscrub` binary itself on a generated loghub file of MB
//! megabytes (default 1000): one file, then the same bytes split into one file per core with
//! `-o DIR` (parallel), each with its peak resident memory (`/usr/bin/time -v`).
//! `--adversarial` streams pathological inputs (one 100 MB line, millions of `@`, deeply
//! nested JSON, binary with NUL bytes, mixed line endings with a BOM, RTL text and emoji) at
//! 10 and 100 MB: the MB/s column staying flat shows that time grows linearly.
//!
//! `--compare-2g [MB]` builds a file of MB megabytes (default 2000) from loghub logs and
//! Ubuntu dialogues in alternating blocks, runs `logscrub FILE` on it (peak resident memory
//! of the child from `/usr/bin/time -v`, output hashed as it arrives), then computes the
//! whole-text result in this process (one segment over the whole text, no per-finding
//! lists) and compares the two SHA-256 hashes.
//!
//! Modes: `scan` (detection only), `sanitize` (whole text in memory) and `stream` (one
//! forward pass in 1 MiB chunks) call the engine in this process; `check` and `cli`
//! (sanitize) run the `logscrub` binary itself on the input written to a file (both
//! passes; one file is one stream, so one core), and `grep` runs
//! `grep -boP` with an email and IPv4 pattern on the same file: the reference line, whose
//! ratio to the others means the same on any machine.
//!
//! `support` is generated support data (chat transcripts, JSON Lines ticket comments, server
//! logs about thousands of distinct people; `src/bin/support`), generated at each size rather
//! than repeated. `--write-support FILE MB` writes that input to a file (to try the CLI).
//!
//! `--detectors KIND MB` times each built-in detector alone over that input (best of three),
//! with its number of findings: where the detection time goes.
//!
//! Usage: logscrub-bench [--corpus DIR] [--sizes 1,10,100] [--kinds ubuntu,loghub,support]
//!        [--modes scan,sanitize,stream,check,cli,grep] [--json] [--cli [MB]] [--adversarial]
//!        [--compare-2g [MB]] [--write-support FILE MB] [--detectors KIND MB]

#[path = "../support/mod.rs"]
#[allow(dead_code)] // the evaluation uses the labels; the benchmark only the text
mod support;

mod adversarial;
mod big;
mod inputs;
mod measure;
mod process;

use adversarial::adversarial_bench;
use big::{cli_bench, compare_big};
use inputs::{corpus_dir, MB, SUPPORT_SEED};
use measure::{detectors_bench, measure};
use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--adversarial") {
        return match adversarial_bench() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("logscrub-bench: {e}");
                ExitCode::from(1)
            }
        };
    }
    let get = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .map(String::as_str)
    };
    let Some(corpus) = corpus_dir(get("--corpus")) else {
        eprintln!("logscrub-bench: ../shared/corpus not found; pass --corpus DIR");
        return ExitCode::from(2);
    };
    if let Some(i) = args.iter().position(|a| a == "--compare-2g") {
        let mb = args.get(i + 1).and_then(|v| v.parse().ok()).unwrap_or(2000);
        return match compare_big(&corpus, mb) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(1),
            Err(e) => {
                eprintln!("logscrub-bench: {e}");
                ExitCode::from(1)
            }
        };
    }
    if let Some(i) = args.iter().position(|a| a == "--cli") {
        let mb = args.get(i + 1).and_then(|v| v.parse().ok()).unwrap_or(1000);
        return match cli_bench(&corpus, mb) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("logscrub-bench: {e}");
                ExitCode::from(1)
            }
        };
    }
    if let Some(i) = args.iter().position(|a| a == "--write-support") {
        let path = args.get(i + 1);
        let mb: Option<usize> = args.get(i + 2).and_then(|v| v.parse().ok());
        let (Some(path), Some(mb)) = (path, mb) else {
            eprintln!("usage: --write-support FILE MB");
            return ExitCode::from(2);
        };
        let doc = support::mix(SUPPORT_SEED, mb * MB);
        return match std::fs::write(path, doc.text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("logscrub-bench: {path}: {e}");
                ExitCode::from(1)
            }
        };
    }
    if let Some(i) = args.iter().position(|a| a == "--detectors") {
        let (kind, size) = (args.get(i + 1), args.get(i + 2).map(|s| s.parse()));
        let (Some(kind), Some(Ok(size))) = (kind, size) else {
            eprintln!("usage: --detectors KIND SIZE_MB");
            return ExitCode::from(2);
        };
        return match detectors_bench(&corpus, kind, size) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("logscrub-bench: {e}");
                ExitCode::from(1)
            }
        };
    }
    if let Some(i) = args.iter().position(|a| a == "--one") {
        let (kind, size, mode) = (args.get(i + 1), args.get(i + 2), args.get(i + 3));
        let (Some(kind), Some(Ok(size)), Some(mode)) = (kind, size.map(|s| s.parse()), mode) else {
            eprintln!("usage: --one KIND SIZE_MB MODE");
            return ExitCode::from(2);
        };
        return match measure(&corpus, kind, size, mode) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("logscrub-bench: {e}");
                ExitCode::from(1)
            }
        };
    }
    let sizes: Vec<usize> = get("--sizes")
        .unwrap_or("1,10,100")
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let json = args.iter().any(|a| a == "--json");
    let Ok(me) = std::env::current_exe() else {
        eprintln!("logscrub-bench: cannot find own executable");
        return ExitCode::from(2);
    };
    let mut rows = Vec::new();
    if !json {
        println!(
            "{:<8} {:>7} {:<9} {:>9} {:>10} {:>10} {:>8} {:>9}",
            "input", "size", "mode", "seconds", "MB/s", "findings", "residual", "peak MB"
        );
    }
    let kinds: Vec<&str> = get("--kinds")
        .unwrap_or("ubuntu,loghub,support")
        .split(',')
        .collect();
    let modes: Vec<&str> = get("--modes")
        .unwrap_or("scan,sanitize,stream,check,cli,grep")
        .split(',')
        .collect();
    for &kind in &kinds {
        for &size in &sizes {
            for &mode in &modes {
                let out = Command::new(&me)
                    .args([
                        "--corpus",
                        &corpus.to_string_lossy(),
                        "--one",
                        kind,
                        &size.to_string(),
                        mode,
                    ])
                    .output();
                let row: serde_json::Value = match out {
                    Ok(o) if o.status.success() => match serde_json::from_slice(&o.stdout) {
                        Ok(v) => v,
                        Err(e) => {
                            eprintln!("logscrub-bench: bad output: {e}");
                            return ExitCode::from(1);
                        }
                    },
                    Ok(o) => {
                        eprintln!(
                            "logscrub-bench: {kind} {size} MB {mode} failed: {}",
                            String::from_utf8_lossy(&o.stderr)
                        );
                        return ExitCode::from(1);
                    }
                    Err(e) => {
                        eprintln!("logscrub-bench: {e}");
                        return ExitCode::from(1);
                    }
                };
                if !json {
                    println!(
                        "{:<8} {:>4} MB {:<9} {:>9.3} {:>10.1} {:>10} {:>8} {:>9.1}",
                        kind,
                        size,
                        mode,
                        row["seconds"].as_f64().unwrap_or(0.0),
                        row["mb_per_s"].as_f64().unwrap_or(0.0),
                        row["findings"],
                        row["residual"],
                        row["peak_rss_mb"].as_f64().unwrap_or(0.0)
                    );
                }
                rows.push(row);
            }
        }
    }
    if json {
        println!("{}", serde_json::json!({ "rows": rows }));
    }
    ExitCode::SUCCESS
}
