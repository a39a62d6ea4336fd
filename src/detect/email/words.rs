//! The word lists of the email rules (data): top-level domains, prose words, obfuscated
//! dots, file extensions, message-identifier headers.

/// Top-level domains accepted as a whole domain (`user@org`): the generic ones that are
/// never a package tag or a host name.
pub(super) const DOTLESS_TLDS: &[&str] = &["com", "org", "net", "edu", "gov", "mil", "int", "io"];

/// Common words that precede an at-sign in prose rather than being a local part.
pub(super) const PROSE_WORDS: &[&str] = &[
    "a", "an", "the", "get", "got", "gets", "getting", "have", "has", "had", "my", "your", "his",
    "her", "their", "our", "its", "an", "to", "at", "on", "in", "of", "for", "from", "with", "by",
    "is", "are", "was", "be", "and", "or", "but", "not", "no", "any", "some", "new", "old", "own",
    "use", "using", "via", "me", "him", "them", "us", "you", "i", "we", "they", "it", "this",
    "that", "ping", "cc", "email", "mail", "address", "account",
];

/// Obfuscated dots, tried in order at each label boundary of an obfuscated domain.
pub(super) const DOT_WORDS: &[&str] = &[
    " [dot] ", "[dot]", " (dot) ", "(dot)", "{dot}", "<dot>", " dot ", " . ",
];

/// Top-level domains accepted after an obfuscated (`at`/`dot` word) form, where prose could
/// otherwise match. Plain addresses accept any alphabetic TLD.
pub(super) const WORD_FORM_TLDS: &[&str] = &[
    "com", "org", "net", "edu", "gov", "mil", "int", "io", "co", "uk", "de", "fr", "es", "it",
    "nl", "be", "ch", "at", "se", "no", "dk", "fi", "pl", "cz", "ru", "cn", "jp", "kr", "in", "au",
    "nz", "ca", "us", "br", "mx", "ar", "ie", "pt", "gr", "tr", "il", "za", "sg", "hk", "tw",
    "info", "biz", "me", "ai", "app", "dev", "tech", "online", "email", "mail", "eu",
];

/// File extensions after a pixel-density suffix (`@2x.png`).
pub(super) const FILE_EXTENSIONS: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "webp", "svg", "avif", "bmp", "ico", "tif", "tiff", "heic", "pdf",
    "css", "js", "json",
];

/// Mail headers whose values look like addresses but are message identifiers.
pub(super) const ID_HEADERS: &[&str] =
    &["message-id:", "in-reply-to:", "references:", "content-id:"];
