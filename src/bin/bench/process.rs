//! Measuring a process: the peak resident memory of this one, and a child (the CLI or the grep
//! reference line) run under `/usr/bin/time -v`.

use std::io::Read;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

pub(super) fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

/// The pattern of the reference line: what `grep -P` does for emails and IPv4 addresses.
const GREP_PATTERN: &str =
    r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}|\b(?:\d{1,3}\.){3}\d{1,3}\b";

/// The program and arguments (before the file) of a mode measured as a child process:
/// `check` and `cli` (sanitize) run the `logscrub` binary beside this one (one file is one
/// stream, on one core); `grep` is the reference line.
pub(super) fn external(mode: &str) -> Option<Vec<String>> {
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
pub(super) fn run_external(cmd: &[String], file: &Path) -> Result<(f64, f64, usize), String> {
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

/// Runs `logscrub ARGS` under `/usr/bin/time -v`: (seconds, peak RSS MB).
pub(super) fn time_cli(args: &[String]) -> Result<(f64, f64), String> {
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
