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

#[path = "support/mod.rs"]
#[allow(dead_code)] // the evaluation uses the labels; the benchmark only the text
mod support;

use logscrub::{Engine, Policy};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

const MB: usize = 1_000_000;

/// The seed of the generated `support` input.
const SUPPORT_SEED: u64 = 2026;

fn corpus_dir(arg: Option<&str>) -> Option<PathBuf> {
    let candidates: Vec<PathBuf> = match arg {
        Some(a) => vec![PathBuf::from(a)],
        None => vec![
            PathBuf::from("../shared/corpus"),
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
        ],
    };
    candidates.into_iter().find(|p| p.is_dir())
}

/// The seed text of an input kind, before repetition.
fn seed(corpus: &Path, kind: &str) -> Result<String, String> {
    match kind {
        "loghub" => {
            let dir = corpus.join("loghub/raw");
            let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
                .map_err(|e| format!("{}: {e}", dir.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "log"))
                .collect();
            names.sort();
            let mut s = String::new();
            for n in names {
                s.push_str(&String::from_utf8_lossy(
                    &std::fs::read(&n).map_err(|e| e.to_string())?,
                ));
            }
            Ok(s)
        }
        "ubuntu" => {
            let path = corpus.join("ubuntu-dialogue-pimlico/dialogues_small.json");
            let raw =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let v: serde_json::Value = serde_json::from_str(&raw).map_err(|e| e.to_string())?;
            let mut s = String::new();
            for d in v.as_array().into_iter().flatten() {
                if let Some(t) = d.get("text").and_then(|t| t.as_str()) {
                    s.push_str(t);
                    s.push_str("\n\n");
                }
            }
            Ok(s)
        }
        other => Err(format!("unknown input kind {other}")),
    }
}

fn repeat_to(seed: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + seed.len());
    while s.len() < bytes {
        s.push_str(seed);
    }
    let mut cut = bytes;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

/// One measurement in this process: prints a JSON line.
/// Each built-in detector alone over `size_mb` MB of `kind`: MB/s (best of three) and the
/// number of findings.
fn detectors_bench(corpus: &Path, kind: &str, size_mb: usize) -> Result<(), String> {
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

fn measure(corpus: &Path, kind: &str, size_mb: usize, mode: &str) -> Result<(), String> {
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

/// The pattern of the reference line: what `grep -P` does for emails and IPv4 addresses.
const GREP_PATTERN: &str =
    r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}|\b(?:\d{1,3}\.){3}\d{1,3}\b";

/// The program and arguments (before the file) of a mode measured as a child process:
/// `check` and `cli` (sanitize) run the `logscrub` binary beside this one (one file is one
/// stream, on one core); `grep` is the reference line.
fn external(mode: &str) -> Option<Vec<String>> {
    let me = std::env::current_exe().ok()?;
    let bin = me.with_file_name("logscrub").to_string_lossy().into_owned();
    let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect();
    match mode {
        "check" => Some(v(&[&bin, "check"])),
        "cli" => Some(v(&[&bin])),
        "grep" => Some(v(&["grep", "-boP", GREP_PATTERN])),
        _ => None,
    }
}

/// Runs `cmd FILE` under `/usr/bin/time -v`, its output counted and dropped: (seconds, peak
/// RSS MB, output lines). Exit status 1 is success for `check` (it found something) and
/// `grep` (it found nothing).
fn run_external(cmd: &[String], file: &Path) -> Result<(f64, f64, usize), String> {
    let t = Instant::now();
    let mut child = Command::new("/usr/bin/time")
        .arg("-v")
        .args(cmd)
        .arg(file)
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
    let mut buf = vec![0u8; 1 << 20];
    let mut lines = 0;
    loop {
        let n = stdout.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        lines += memchr::memchr_iter(b'\n', buf.get(..n).unwrap_or_default()).count();
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    let secs = t.elapsed().as_secs_f64();
    let err = errs.join().unwrap_or_default();
    if !matches!(status.code(), Some(0 | 1)) {
        return Err(format!("{cmd:?} failed: {err}"));
    }
    let kb: f64 = err
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0.0);
    Ok((secs, kb / 1024.0, lines))
}

/// Writes `bytes` of `seed` repeated to `path`.
fn write_repeated(path: &Path, seed: &[u8], bytes: usize) -> Result<(), String> {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).map_err(|e| e.to_string())?);
    let mut written = 0;
    while written < bytes {
        let n = seed.len().min(bytes - written);
        f.write_all(seed.get(..n).unwrap_or_default())
            .map_err(|e| e.to_string())?;
        written += n;
    }
    f.flush().map_err(|e| e.to_string())
}

/// Runs `logscrub ARGS` under `/usr/bin/time -v`: (seconds, peak RSS MB).
fn time_cli(args: &[String]) -> Result<(f64, f64), String> {
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    let bin = me.with_file_name("logscrub");
    let t = Instant::now();
    let out = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(&bin)
        .args(args)
        .stdout(std::process::Stdio::null())
        .output()
        .map_err(|e| format!("/usr/bin/time: {e}"))?;
    let secs = t.elapsed().as_secs_f64();
    let err = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        return Err(format!("logscrub {args:?} failed: {err}"));
    }
    let kb: f64 = err
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0.0);
    Ok((secs, kb / 1024.0))
}

fn cli_bench(corpus: &Path, mb: usize) -> Result<(), String> {
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

/// Writes `bytes` of loghub and Ubuntu text to `path`, alternating blocks of about 8 MB so
/// that the conversations' names and the logs' addresses recur across the whole file.
fn write_mixed(path: &Path, corpus: &Path, bytes: usize) -> Result<(), String> {
    let logs = seed(corpus, "loghub")?;
    let talk = seed(corpus, "ubuntu")?;
    let block = 8 * MB;
    let (logs, talk) = (repeat_to(&logs, block), repeat_to(&talk, block));
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).map_err(|e| e.to_string())?);
    let mut written = 0;
    let mut i = 0usize;
    while written < bytes {
        let s = if i % 2 == 0 { &logs } else { &talk };
        let mut n = s.len().min(bytes - written);
        while !s.is_char_boundary(n) {
            n -= 1;
        }
        if n == 0 {
            break;
        }
        f.write_all(s.as_bytes().get(..n).unwrap_or_default())
            .map_err(|e| e.to_string())?;
        // Blocks end with a line break, so no line is two halves of different sources.
        if !s.as_bytes().get(..n).unwrap_or_default().ends_with(b"\n") {
            f.write_all(b"\n").map_err(|e| e.to_string())?;
            written += 1;
        }
        written += n;
        i += 1;
    }
    f.flush().map_err(|e| e.to_string())
}

fn hex(d: &[u8]) -> String {
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// `--compare-2g`: the CLI (two-pass, bounded memory) against the whole-text result.
fn compare_big(corpus: &Path, mb: usize) -> Result<bool, String> {
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

/// The pathological inputs of the robustness requirements, `bytes` long.
fn adversarial(kind: &str, bytes: usize) -> Vec<u8> {
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

fn adversarial_bench() -> Result<(), String> {
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
