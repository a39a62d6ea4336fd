//! The CLI on big files: one file, one file per core and `check` (`--cli`), and the whole
//! file against the whole-text result by SHA-256 (`--compare-2g`).

use super::inputs::{seed, write_mixed, write_repeated, MB};
use super::process::{peak_rss_kb, time_cli};
use logscrub::{Engine, Policy};
use std::io::Read;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

pub(super) fn cli_bench(corpus: &Path, mb: usize) -> Result<(), String> {
    let seed = seed(corpus, "loghub")?;
    let dir = std::env::temp_dir().join(format!("logscrub-bench-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let one = dir.join("one.log");
    write_repeated(&one, seed.as_bytes(), mb * MB)?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("logscrub CLI on loghub, {mb} MB, {cores} core(s)");
    println!(
        "{:<34} {:>9} {:>9} {:>9}",
        "case", "seconds", "MB/s", "peak MB"
    );
    let show = |name: &str, (secs, rss): (f64, f64)| {
        println!(
            "{name:<34} {secs:>9.2} {:>9.1} {rss:>9.1}",
            mb as f64 / secs
        );
    };
    let r = time_cli(&[one.to_string_lossy().into_owned()]);
    show("one file -> stdout", r?);
    let parts = cores.max(2);
    let mut names = Vec::new();
    for i in 0..parts {
        let p = dir.join(format!("part{i}.log"));
        write_repeated(&p, seed.as_bytes(), mb * MB / parts)?;
        names.push(p.to_string_lossy().into_owned());
    }
    let out = dir.join("out");
    let mut args = vec![
        "-o".to_string(),
        out.to_string_lossy().into_owned(),
        "--force".into(),
    ];
    args.extend(names);
    let r = time_cli(&args);
    show(&format!("{parts} files -o DIR, all cores"), r?);
    let r = time_cli(&["check".to_string(), one.to_string_lossy().into_owned()]);
    // check exits 1 when it finds something, which loghub always has.
    match r {
        Ok(v) => show("check, one file", v),
        Err(e) if e.contains("failed") => {
            println!("{:<34} (exit 1: findings, as expected)", "check, one file")
        }
        Err(e) => return Err(e),
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

fn hex(d: &[u8]) -> String {
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// `--compare-2g`: the CLI (two-pass, bounded memory) against the whole-text result.
pub(super) fn compare_big(corpus: &Path, mb: usize) -> Result<bool, String> {
    use sha2::{Digest, Sha256};
    let dir = std::env::temp_dir().join(format!("logscrub-bench-2g-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let path = dir.join("mixed.log");
    let t = Instant::now();
    write_mixed(&path, corpus, mb * MB)?;
    let size = std::fs::metadata(&path).map_err(|e| e.to_string())?.len();
    println!(
        "input: {} bytes of loghub + Ubuntu dialogues, written in {:.1}s",
        size,
        t.elapsed().as_secs_f64()
    );

    // The CLI as a child: stdout hashed as it arrives, peak RSS from /usr/bin/time -v.
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    let bin = me.with_file_name("logscrub");
    let t = Instant::now();
    let mut child = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(&bin)
        .arg(&path)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("/usr/bin/time: {e}"))?;
    let mut stderr = child.stderr.take().ok_or("no stderr")?;
    let errs = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let mut stdout = child.stdout.take().ok_or("no stdout")?;
    let mut h = Sha256::new();
    let mut out_bytes = 0u64;
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = stdout.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        h.update(buf.get(..n).unwrap_or_default());
        out_bytes += n as u64;
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    let secs = t.elapsed().as_secs_f64();
    let err = errs.join().unwrap_or_default();
    if !status.success() {
        return Err(format!("logscrub failed: {err}"));
    }
    let rss_mb = err
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
        .and_then(|v| v.trim().parse::<f64>().ok())
        .unwrap_or(0.0)
        / 1024.0;
    let cli_hash = hex(&h.finalize());
    println!(
        "CLI (two-pass, file): {secs:.1}s, {:.1} MB/s of input, peak RSS {rss_mb:.1} MB, \
         {out_bytes} bytes out, sha256 {cli_hash}",
        size as f64 / 1e6 / secs
    );

    // The whole text in this process: one segment over all of it (what `sanitize` does),
    // without the per-finding lists that only the report needs.
    let t = Instant::now();
    let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    let _ = std::fs::remove_dir_all(&dir);
    let engine = Engine::new(Policy::default()).map_err(|e| e.to_string())?;
    let mut whole = engine
        .stream()
        .without_lists()
        .with_segment_size(usize::MAX);
    let _ = whole.feed(&text);
    drop(text);
    let done = whole.finish();
    let whole_hash = hex(&Sha256::digest(done.text.as_bytes()));
    println!(
        "whole text in memory: {:.1}s, peak RSS {:.1} MB, {} findings, residual {}, \
         sha256 {whole_hash}",
        t.elapsed().as_secs_f64(),
        peak_rss_kb() as f64 / 1024.0,
        done.report.findings,
        done.report.residual
    );
    let same = whole_hash == cli_hash && done.text.len() as u64 == out_bytes;
    println!(
        "{}",
        if same {
            "identical: the CLI output equals the whole-text result byte for byte"
        } else {
            "DIFFERENT: the CLI output is not the whole-text result"
        }
    );
    Ok(same)
}
