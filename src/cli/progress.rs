//! Progress on standard error (bytes, MB/s, ETA), only when it is a terminal.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

pub struct Progress {
    done: AtomicU64,
    total: Option<u64>,
    finished: AtomicBool,
}

impl Progress {
    pub fn add(&self, bytes: usize) {
        self.done.fetch_add(bytes as u64, Ordering::Relaxed);
    }
}

fn line(done: u64, total: Option<u64>, elapsed: f64) -> String {
    let mb = done as f64 / 1e6;
    let rate = if elapsed > 0.0 { mb / elapsed } else { 0.0 };
    match total {
        Some(t) if t > 0 => {
            let left = t.saturating_sub(done) as f64 / 1e6;
            let eta = if rate > 0.0 {
                format!("{:.0}s", left / rate)
            } else {
                "?".into()
            };
            format!(
                "logscrub: {mb:.1} / {:.1} MB ({:.0}%), {rate:.1} MB/s, ETA {eta}",
                t as f64 / 1e6,
                100.0 * done as f64 / t as f64
            )
        }
        _ => format!("logscrub: {mb:.1} MB, {rate:.1} MB/s"),
    }
}

/// Runs `f`, showing progress meanwhile when standard error is a terminal.
pub fn with_progress<R>(total: Option<u64>, f: impl FnOnce(&Progress) -> R) -> R {
    let p = Progress {
        done: AtomicU64::new(0),
        total,
        finished: AtomicBool::new(false),
    };
    if !std::io::stderr().is_terminal() {
        return f(&p);
    }
    std::thread::scope(|s| {
        let p = &p;
        s.spawn(move || {
            let start = Instant::now();
            let mut shown = false;
            let mut last = Instant::now();
            while !p.finished.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(50));
                // Quiet for short runs; then at most every 250 ms.
                if start.elapsed() < Duration::from_millis(500)
                    || last.elapsed() < Duration::from_millis(250)
                {
                    continue;
                }
                last = Instant::now();
                let l = line(
                    p.done.load(Ordering::Relaxed),
                    p.total,
                    start.elapsed().as_secs_f64(),
                );
                let _ = write!(std::io::stderr(), "\r\x1b[2K{l}");
                shown = true;
            }
            if shown {
                let _ = write!(std::io::stderr(), "\r\x1b[2K");
            }
        });
        let r = f(p);
        p.finished.store(true, Ordering::Relaxed);
        r
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_line() {
        assert_eq!(
            line(50_000_000, Some(100_000_000), 1.0),
            "logscrub: 50.0 / 100.0 MB (50%), 50.0 MB/s, ETA 1s"
        );
        assert_eq!(line(2_000_000, None, 2.0), "logscrub: 2.0 MB, 1.0 MB/s");
    }
}
