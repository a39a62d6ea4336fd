//! Where a user name follows: home-directory roots and labels, and one matcher over them.

use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

/// Where a user name follows: home-directory roots and labels.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Anchor {
    /// `\Users\`, `\Documents and Settings\`: a Windows profile directory.
    WindowsProfile,
    /// `/Users/`: a macOS home (capital `U` only: `/api/users/42` is a URL).
    MacHome,
    /// `/home/`, `/var/mail/`, `/var/spool/mail/`, `/export/home/`.
    UnixHome,
    /// `Username:`, `USER=`, `Benutzername:`: a label whose value is the user name.
    Label,
}

pub(super) const ANCHORS: &[(&str, Anchor)] = &[
    ("\\users\\", Anchor::WindowsProfile),
    ("\\\\users\\\\", Anchor::WindowsProfile),
    ("/users/", Anchor::MacHome),
    ("\\documents and settings\\", Anchor::WindowsProfile),
    ("\\\\documents and settings\\\\", Anchor::WindowsProfile),
    ("/home/", Anchor::UnixHome),
    ("/var/mail/", Anchor::UnixHome),
    ("/var/spool/mail/", Anchor::UnixHome),
    ("/export/home/", Anchor::UnixHome),
    ("username", Anchor::Label),
    ("user name", Anchor::Label),
    ("user_name", Anchor::Label),
    ("login name", Anchor::Label),
    ("logon name", Anchor::Label),
    ("account name", Anchor::Label),
    ("samaccountname", Anchor::Label),
    ("logname", Anchor::Label),
    ("benutzername", Anchor::Label),
    ("anmeldename", Anchor::Label),
    ("nom d'utilisateur", Anchor::Label),
    ("nom d’utilisateur", Anchor::Label),
    ("identifiant", Anchor::Label),
    ("nombre de usuario", Anchor::Label),
    ("nome utente", Anchor::Label),
    ("gebruikersnaam", Anchor::Label),
    ("nome de usuário", Anchor::Label),
    ("nome de utilizador", Anchor::Label),
    ("USER=", Anchor::Label),
];

// Anchors start with a separator or are spelled in any case (`\USERS\`, `UserName`): ASCII
// case folding here; the anchors are rare enough in text for its slower prefilter.
pub(super) static MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(ANCHORS.iter().map(|(w, _)| *w))
        // A constant list that always builds.
        .unwrap_or_else(|_| std::process::abort())
});
