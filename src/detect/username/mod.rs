//! User names where the text's own structure says they are one: home directories
//! (`C:\Users\X\`, `C:\Documents and Settings\X\`, `/home/X/`, `/Users/X/`, `/var/mail/X`,
//! `~X/`), Windows accounts (`CORP\jsmith`), shell prompts (`jsmith@web01:~$`,
//! `[jsmith@web01 logs]#`), `ssh jsmith@host`, and labelled values (`Username: jsmith`,
//! `USER=jsmith`, `Benutzername: jsmith`).
//!
//! Only the user part is reported: the rest of the path stays, so `C:\Users\[USER-1]\AppData`
//! still tells an engineer where the file was. System and shared accounts (`root`,
//! `Administrator`, `Public`, `Default`, `All Users`, service accounts) and placeholders
//! (`%USERNAME%`, `$USER`, `<user>`, `{user}`) name nobody and stay.

use super::{Category, Detector, Finding};
use anchors::{Anchor, ANCHORS, MATCHER};
use hosts::{domain_account, prompt_user};
use labelled::labelled;
use paths::{path_user, tilde_user};

mod accounts;
mod anchors;
mod hosts;
mod labelled;
mod paths;
#[cfg(test)]
mod tests;

/// The detector of this module (see the module documentation).
pub struct UsernameDetector;

impl Detector for UsernameDetector {
    fn categories(&self) -> &[Category] {
        &[Category::Username]
    }

    fn detect(&self, text: &str, out: &mut Vec<Finding>) {
        let bytes = text.as_bytes();
        for m in MATCHER.find_iter(text) {
            let Some(&(word, anchor)) = ANCHORS.get(m.pattern().as_usize()) else {
                continue;
            };
            let (s, e) = (m.start(), m.end());
            let span = match anchor {
                Anchor::MacHome => {
                    if &text[s + 1..s + 2] != "U" {
                        continue;
                    }
                    path_user(text, e, false)
                }
                Anchor::UnixHome => {
                    if !text[s..e].bytes().all(|c| !c.is_ascii_uppercase()) {
                        continue;
                    }
                    path_user(text, e, false)
                }
                Anchor::WindowsProfile => path_user(text, e, true),
                Anchor::Label => labelled(text, s, e, word == "USER="),
            };
            if let Some((a, b)) = span {
                let (rule, reason) = match anchor {
                    Anchor::Label => ("username.label", "value of a user-name label"),
                    _ => ("username.home", "user directory in a path"),
                };
                out.push(Finding::new(Category::Username, rule, a, b, reason));
            }
        }
        for p in memchr::memchr_iter(b'\\', bytes) {
            if let Some((a, b)) = domain_account(text, p) {
                out.push(Finding::new(
                    Category::Username,
                    "username.domain",
                    a,
                    b,
                    "account after a Windows domain (DOMAIN\\user)",
                ));
            }
        }
        for p in memchr::memchr_iter(b'@', bytes) {
            if let Some((a, b)) = prompt_user(text, p) {
                out.push(Finding::new(
                    Category::Username,
                    "username.prompt",
                    a,
                    b,
                    "user of a shell prompt or ssh destination",
                ));
            }
        }
        for p in memchr::memchr_iter(b'~', bytes) {
            if let Some((a, b)) = tilde_user(text, p) {
                out.push(Finding::new(
                    Category::Username,
                    "username.home",
                    a,
                    b,
                    "user directory in a path (~user/)",
                ));
            }
        }
    }
}
