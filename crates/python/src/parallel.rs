//! Work on many texts: std threads, results in index order.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

pub(super) fn threads_of(threads: Option<usize>) -> usize {
    threads.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    })
}

/// Runs `job` on each index on at most `threads` std threads; results in index order.
pub(super) fn parallel<T: Send>(
    count: usize,
    threads: usize,
    job: impl Fn(usize) -> T + Sync,
) -> Vec<Option<T>> {
    let slots: Vec<Mutex<Option<T>>> = (0..count).map(|_| Mutex::new(None)).collect();
    let workers = threads.clamp(1, count.max(1));
    if workers == 1 {
        return (0..count).map(|i| Some(job(i))).collect();
    }
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= count {
                    break;
                }
                let r = job(i);
                if let Some(slot) = slots.get(i) {
                    if let Ok(mut g) = slot.lock() {
                        *g = Some(r);
                    }
                }
            });
        }
    });
    slots
        .into_iter()
        .map(|m| m.into_inner().ok().flatten())
        .collect()
}
