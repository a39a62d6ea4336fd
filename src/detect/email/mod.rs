//! Email addresses: plain, quoted, IP-literal and internationalised, and the obfuscated forms
//! people type (`name @ domain.com`, `name at domain dot com`, `[at]`, `(at)`, `%40`, `&#64;`).
//!
//! The scanner anchors on every at-sign form (found with one Aho-Corasick pass), then grows
//! the local part to the left and the domain to the right and validates both.

use super::{Category, Detector, Finding};
use at::{at_tokens, AtForm};
use domain::domain_end;
use local::is_url_userinfo;
use matching::{match_at, match_spaced};

mod at;
mod domain;
mod local;
mod matching;
#[cfg(test)]
mod tests;
mod words;

/// The detector of this module (see the module documentation).
pub struct EmailDetector;

impl Detector for EmailDetector {
    fn categories(&self) -> &[Category] {
        &[Category::Email]
    }

    fn detect(&self, text: &str, out: &mut Vec<Finding>) {
        // Cheap prefilter: no at-sign form at all means nothing to do.
        let bytes = text.as_bytes();
        if memchr::memchr3(b'@', b'%', b'&', bytes).is_none()
            && memchr::memmem::find(bytes, b"at").is_none()
            && memchr::memmem::find(bytes, b"AT").is_none()
            && memchr::memmem::find(bytes, b"At").is_none()
        {
            return;
        }
        // Addresses glued together (`a@b.com%c@d.com`, binary junk around an address): the
        // local part of the next one stops where the previous one ends, as it does once the
        // previous one is a placeholder (`[EMAIL-1]%c@d.com`), so that a second run finds
        // nothing new. With no local part left (`a@b.co.x@d.com`), the next domain extends
        // the previous address.
        let mut last_end = 0;
        let mut last: Option<usize> = None;
        for (start, end, form) in at_tokens(bytes) {
            if start < last_end {
                continue;
            }
            if let Some(f) = match_at(text, start, end, form, last_end) {
                last_end = f.end;
                last = Some(out.len());
                out.push(f);
            } else if form == AtForm::Plain && start == last_end {
                // Not in a URL's userinfo (`https://a%40b.com@host/`), where the address
                // found is the user name alone.
                let prev = last
                    .and_then(|i| out.get_mut(i))
                    .filter(|p| !is_url_userinfo(text, p.start, 0));
                if let (Some(prev), Some(e)) = (prev, domain_end(text, end, form)) {
                    prev.end = e;
                    last_end = e;
                }
            }
        }
        // `name @ domain.com` / `name@ domain.com`: a plain @ with spaces around it is found
        // as Plain above only when the spaces are absent; try the spaced form for each @ that
        // did not yield a finding.
        let mut i = 0;
        while let Some(p) = memchr::memchr(b'@', &bytes[i..]) {
            let at = i + p;
            i = at + 1;
            if out
                .iter()
                .rev()
                .take(8)
                .any(|f| f.start <= at && at < f.end)
            {
                continue;
            }
            if let Some(f) = match_spaced(text, at) {
                out.push(f);
            }
        }
    }
}
