//! Byte helpers every pass of the secret detector uses.

use super::rules::Cs;
use crate::vocab::{Category, Finding};

#[inline]
pub(super) fn byte(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(0)
}

#[inline]
pub(super) fn prev(b: &[u8], i: usize) -> u8 {
    if i == 0 {
        0
    } else {
        byte(b, i - 1)
    }
}

/// Whether a token may start at `i`: not glued to a preceding word. An ANSI colour escape
/// (`\x1b[93m`) right before counts as a boundary.
pub(super) fn left_boundary(b: &[u8], i: usize) -> bool {
    let p = prev(b, i);
    if !(p.is_ascii_alphanumeric() || p == b'_') {
        return true;
    }
    if p == b'm' {
        let mut j = i - 1;
        while j > 0 && (b[j - 1].is_ascii_digit() || b[j - 1] == b';') {
            j -= 1;
        }
        return j >= 2 && b[j - 1] == b'[' && b[j - 2] == 0x1b;
    }
    false
}

/// Length of the run of `cs` bytes from `i`, at most `max + 1`.
pub(super) fn run(b: &[u8], i: usize, cs: Cs, max: usize) -> usize {
    let mut n = 0;
    while n <= max && cs.has(byte(b, i + n)) {
        n += 1;
    }
    n
}

pub(super) fn push(
    out: &mut Vec<Finding>,
    rule: &'static str,
    s: usize,
    e: usize,
    reason: &'static str,
) {
    if s < e {
        out.push(Finding::new(Category::Secret, rule, s, e, reason));
    }
}

/// Substring test for short haystacks (key components, values): no searcher set-up.
#[inline]
pub(super) fn has_sub(h: &[u8], n: &[u8]) -> bool {
    !n.is_empty() && h.len() >= n.len() && h.windows(n.len()).any(|w| w == n)
}
