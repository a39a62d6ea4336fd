//! Email addresses: plain, quoted, IP-literal and internationalised, and the obfuscated forms
//! people type (`name @ domain.com`, `name at domain dot com`, `[at]`, `(at)`, `%40`, `&#64;`).
//!
//! The scanner anchors on every at-sign form (found with one Aho-Corasick pass), then grows
//! the local part to the left and the domain to the right and validates both.

use super::scan::{char_at, char_before};
use super::{Category, Detector, Finding};

/// The detector of this module (see the module documentation).
pub struct EmailDetector;

/// How an at-sign was written, which decides what may follow as a dot.
#[derive(Clone, Copy, PartialEq, Eq)]
enum AtForm {
    Plain,
    /// `%40`, `&#64;`, `&commat;`: encoded, the rest is written normally.
    Encoded,
    /// `[at]`, `(at)`, `{at}`, ` at `: the dots are usually obfuscated too.
    Word,
}

/// Finds every at-sign form, in text order, without a pass per form over the whole text:
/// plain `@` by memchr; `%40` / `&#64;` / `&#x40;` / `&commat;` from `%` and `&`; bracketed
/// `[at]` `(at)` `{at}` `<at>` from the bracket; and the spelled-out ` at `, which is common
/// prose, only on the line before an obfuscated dot (` dot `, `[dot]`, ` . `), which is not.
fn at_tokens(b: &[u8]) -> Vec<(usize, usize, AtForm)> {
    let mut t = Vec::new();
    for p in memchr::memchr_iter(b'@', b) {
        t.push((p, p + 1, AtForm::Plain));
    }
    for p in memchr::memchr2_iter(b'%', b'&', b) {
        let rest = &b[p..];
        for enc in ["%40", "&#64;", "&#x40;", "&commat;"] {
            if rest.len() >= enc.len() && rest[..enc.len()].eq_ignore_ascii_case(enc.as_bytes()) {
                t.push((p, p + enc.len(), AtForm::Encoded));
                break;
            }
        }
    }
    let mut bracket = |p: usize| {
        let close = match b[p] {
            b'[' => b']',
            b'(' => b')',
            b'{' => b'}',
            _ => b'>',
        };
        if b.len() >= p + 4 && b[p + 1..p + 3].eq_ignore_ascii_case(b"at") && b[p + 3] == close {
            // ` [at] ` takes its spaces with it, as one token.
            let spaced = p > 0 && b[p - 1] == b' ' && b.get(p + 4) == Some(&b' ');
            if spaced {
                t.push((p - 1, p + 5, AtForm::Word));
            } else {
                t.push((p, p + 4, AtForm::Word));
            }
        }
    };
    for p in memchr::memchr3_iter(b'[', b'(', b'{', b) {
        bracket(p);
    }
    for p in memchr::memchr_iter(b'<', b) {
        bracket(p);
    }
    // Spelled-out ` at `: only before an obfuscated dot on the same line.
    let mut dots: Vec<usize> = Vec::new();
    for needle in [&b"dot"[..], b"DOT", b"Dot", b" . "] {
        dots.extend(memchr::memmem::find_iter(b, needle));
    }
    if !dots.is_empty() {
        dots.sort_unstable();
        let mut searched_to = 0;
        for d in dots {
            let line_start = super::scan::line_start_near(b, d, 160);
            let from = line_start.max(searched_to);
            let window = &b[from..d];
            let mut i = 0;
            while i + 4 <= window.len() {
                let w = &window[i..i + 4];
                if w[0] == b' ' && w[3] == b' ' && w[1..3].eq_ignore_ascii_case(b"at") {
                    t.push((from + i, from + i + 4, AtForm::Word));
                    i += 3;
                } else {
                    i += 1;
                }
            }
            searched_to = searched_to.max(d);
        }
    }
    // Text order; at one start the longer token (` [at] ` over `[at]`) first. Overlapping
    // tokens are all kept: when one does not make an address, the next may (`a at [at] b`).
    t.sort_unstable_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)));
    t.dedup();
    t
}

/// Top-level domains accepted as a whole domain (`user@org`): the generic ones that are
/// never a package tag or a host name.
const DOTLESS_TLDS: &[&str] = &["com", "org", "net", "edu", "gov", "mil", "int", "io"];

/// Common words that precede an at-sign in prose rather than being a local part.
const PROSE_WORDS: &[&str] = &[
    "a", "an", "the", "get", "got", "gets", "getting", "have", "has", "had", "my", "your", "his",
    "her", "their", "our", "its", "an", "to", "at", "on", "in", "of", "for", "from", "with", "by",
    "is", "are", "was", "be", "and", "or", "but", "not", "no", "any", "some", "new", "old", "own",
    "use", "using", "via", "me", "him", "them", "us", "you", "i", "we", "they", "it", "this",
    "that", "ping", "cc", "email", "mail", "address", "account",
];

/// Obfuscated dots, tried in order at each label boundary of an obfuscated domain.
const DOT_WORDS: &[&str] = &[
    " [dot] ", "[dot]", " (dot) ", "(dot)", "{dot}", "<dot>", " dot ", " . ",
];

/// Top-level domains accepted after an obfuscated (`at`/`dot` word) form, where prose could
/// otherwise match. Plain addresses accept any alphabetic TLD.
const WORD_FORM_TLDS: &[&str] = &[
    "com", "org", "net", "edu", "gov", "mil", "int", "io", "co", "uk", "de", "fr", "es", "it",
    "nl", "be", "ch", "at", "se", "no", "dk", "fi", "pl", "cz", "ru", "cn", "jp", "kr", "in", "au",
    "nz", "ca", "us", "br", "mx", "ar", "ie", "pt", "gr", "tr", "il", "za", "sg", "hk", "tw",
    "info", "biz", "me", "ai", "app", "dev", "tech", "online", "email", "mail", "eu",
];

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

fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '.' | '_' | '%' | '+' | '-' | '\'' | '!' | '#' | '$' | '*' | '^' | '~' | '|'
        )
        || is_non_ascii_local(c)
}

/// The rarer RFC 5322 `atext` characters. They are part of a local part only when no word
/// glued to them says they are a delimiter (`user=bob@x.com`, `a/b@x.com`, `?to=bob@x.com`).
fn is_rare_atext(c: char) -> bool {
    matches!(c, '&' | '`' | '/' | '=' | '?' | '{' | '}')
}

/// Non-ASCII characters allowed in an internationalised local part (RFC 6531 allows any
/// UTF-8): everything except white space and the punctuation blocks that surround addresses
/// in prose (quotes, guillemets, CJK and full-width punctuation). C1 controls are kept: they
/// are valid UTF-8 atext and never delimit an address.
fn is_non_ascii_local(c: char) -> bool {
    let v = c as u32;
    if v < 0x80 {
        return false;
    }
    if (0x80..=0x9F).contains(&v) {
        return true;
    }
    if c.is_whitespace()
        || (0xA0..=0xBF).contains(&v) && !c.is_alphanumeric()
        || v == 0xD7
        || v == 0xF7
        || (0x2000..=0x206F).contains(&v)
        || (0x3000..=0x303F).contains(&v)
        || (0xFF00..=0xFF0F).contains(&v)
        || (0xFF1A..=0xFF20).contains(&v)
        || (0xFF3B..=0xFF40).contains(&v)
        || (0xFF5B..=0xFF65).contains(&v)
        || (0xFE10..=0xFE1F).contains(&v)
        || (0xFE30..=0xFE4F).contains(&v)
    {
        return false;
    }
    true
}

fn is_domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || (!c.is_ascii() && (c.is_alphanumeric() || is_mark(c)))
}

/// Combining marks, which internationalised names carry in decomposed form (`cafe\u{301}`).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// A quoted local part ending right before `at` (`"john doe"@`, `"a\"b"@`, `""@`): the
/// opening quote is searched leftwards and the string is checked forwards, with RFC 5321
/// quoted pairs (backslash and a printable ASCII char) and no control characters.
fn quoted_local_start(text: &str, at: usize) -> Option<usize> {
    let head = text.get(..at.checked_sub(1)?)?;
    let line_start = head.rfind('\n').map_or(0, |i| i + 1);
    // The leftmost opening quote that gives a valid string wins: `"\""@x` is one quoted
    // string holding an escaped quote, not `""@x` after a stray backslash.
    let mut best = None;
    let mut search_end = head.len();
    while let Some(open) = head[line_start..search_end]
        .rfind('"')
        .map(|i| i + line_start)
    {
        if at - open > 66 {
            break;
        }
        if quoted_string_ends_at(text, open, at - 1) {
            best = Some(open);
        }
        search_end = open;
    }
    best
}

/// Whether the quoted string opening at `open` closes exactly at `close`.
fn quoted_string_ends_at(text: &str, open: usize, close: usize) -> bool {
    let Some(inner) = text.get(open + 1..close) else {
        return false;
    };
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return false,
            '\\' => match chars.next() {
                Some(e) if (' '..='~').contains(&e) => {}
                _ => return false,
            },
            c if c.is_control() && (c as u32) < 0x80 => return false,
            _ => {}
        }
    }
    true
}

/// Whether the text right before `start` makes the local part the userinfo of a URL
/// (`https://user:pass@host`, `ftp://bob@host`): that is a URL, not an address. A
/// percent-encoded address inside the userinfo is found by the encoded form instead.
fn is_url_userinfo(text: &str, start: usize, floor: usize) -> bool {
    let bytes = text.as_bytes();
    let mut u = start;
    while u > floor
        && !matches!(
            bytes[u - 1],
            b' ' | b'\t' | b'\n' | b'\r' | b'/' | b'@' | b'"' | b'\'' | b'<' | b'(' | b'['
        )
        && start - u < 256
    {
        u -= 1;
    }
    // Bytes, not `text[..u]`: the 256-byte limit can stop inside a multi-byte character.
    bytes.get(..u).is_some_and(|b| b.ends_with(b"://"))
}

/// Grows the local part leftwards from `at` (exclusive), not before `floor`. Returns its
/// start.
fn local_start(text: &str, at: usize, form: AtForm, floor: usize) -> Option<usize> {
    // Quoted local part: "john doe"@example.com
    if form == AtForm::Plain && char_before(text, at) == Some('"') {
        return quoted_local_start(text, at).filter(|&s| s >= floor);
    }
    let mut start = at;
    let mut count = 0;
    // Where the local part starts if the rare atext characters are delimiters.
    let mut cut: Option<usize> = None;
    while let Some(c) = char_before(text, start).filter(|_| start > floor) {
        let rare = form == AtForm::Plain && is_rare_atext(c);
        if !(is_local_char(c) || rare) || count >= 64 {
            break;
        }
        // Word forms (`name at domain dot com`) take one plain token only.
        if form == AtForm::Word && !(c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+')) {
            break;
        }
        if rare && cut.is_none() {
            // A delimiter glued to a word (`user=`, `path/`, `x&`) ends the local part.
            let prev =
                char_before(text, start - c.len_utf8()).filter(|_| start - c.len_utf8() > floor);
            if prev.is_some_and(|p| p.is_alphanumeric()) {
                cut = Some(start);
            }
        }
        start -= c.len_utf8();
        count += 1;
    }
    if let Some(c) = cut {
        start = c;
    }
    // Rare atext chars are not kept at the very start when they open the text.
    while let Some(c) = char_at(text, start) {
        if start < at
            && (matches!(c, '.' | '\'' | '-' | '%' | '|')
                || is_rare_atext(c) && c != '&' && c != '`')
        {
            start += c.len_utf8();
        } else {
            break;
        }
    }
    if start >= at {
        return None;
    }
    let local = &text[start..at];
    if local.ends_with('.') || local.contains("..") {
        return None;
    }
    if form == AtForm::Plain && is_url_userinfo(text, start, floor) {
        return None;
    }
    Some(start)
}

/// Grows the domain rightwards from `from`. Returns its end, or `None` if it is not a domain.
fn domain_end(text: &str, from: usize, form: AtForm) -> Option<usize> {
    let rest = &text[from..];
    // Domain literal: [192.0.2.1] or [IPv6:2001:db8::1]
    if let Some(inner) = rest.strip_prefix('[') {
        let close = inner.find(']')?;
        let lit = &inner[..close];
        let ok = if let Some(v6) = lit
            .strip_prefix("IPv6:")
            .or_else(|| lit.strip_prefix("ipv6:"))
        {
            v6.parse::<std::net::Ipv6Addr>().is_ok()
        } else {
            lit.parse::<std::net::Ipv4Addr>().is_ok()
        };
        return ok.then_some(from + close + 2);
    }
    let word_dots = form == AtForm::Word;
    let mut pos = from;
    let mut labels: Vec<(usize, usize)> = Vec::new();
    loop {
        let label_start = pos;
        let mut count = 0;
        while let Some(c) = char_at(text, pos) {
            if !is_domain_char(c) || count >= 63 {
                break;
            }
            pos += c.len_utf8();
            count += 1;
        }
        if pos == label_start {
            break;
        }
        labels.push((label_start, pos));
        // A dot continues the domain only if a label follows it.
        let after = &text[pos..];
        let mut next = None;
        if after.starts_with('.') {
            next = Some(pos + 1);
        } else if word_dots {
            for w in DOT_WORDS {
                if after.len() >= w.len()
                    && after.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
                {
                    next = Some(pos + w.len());
                    break;
                }
            }
        }
        match next {
            Some(n) if char_at(text, n).is_some_and(is_domain_char) => pos = n,
            _ => break,
        }
    }
    // Strip trailing labels that are not a valid domain end.
    while let Some(&(s, e)) = labels.last() {
        let label = &text[s..e];
        if label.starts_with('-') || label.ends_with('-') {
            labels.pop();
            continue;
        }
        break;
    }
    let &(ts, te) = labels.last()?;
    let tld = &text[ts..te];
    if density_suffix(text, &labels) {
        return None;
    }
    if labels.len() < 2 {
        // A bare top-level domain (`user@org`) is a valid, if rare, destination; any other
        // dotless word after an at-sign is a package tag, a Java object id or a host name.
        let bare_tld = form == AtForm::Plain
            && DOTLESS_TLDS.iter().any(|t| t.eq_ignore_ascii_case(tld))
            && !char_at(text, te).is_some_and(|c| c == '-' || c == '.' || c == '/');
        return bare_tld.then_some(te);
    }
    let tld_ok = if word_dots {
        WORD_FORM_TLDS.iter().any(|t| t.eq_ignore_ascii_case(tld))
    } else {
        // Letters, and hyphens inside (`co-uk`); a TLD starts with a letter.
        let ascii_alpha = tld.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
            && tld.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-');
        let punycode = tld.len() > 4
            && tld
                .as_bytes()
                .get(..4)
                .is_some_and(|p| p.eq_ignore_ascii_case(b"xn--"));
        let idn = !tld.is_ascii()
            && tld.chars().all(|c| c.is_alphabetic() || is_mark(c))
            && tld.chars().count() >= 2;
        // RFC 5321 allows a numeric last label; it is taken only when another label has a
        // letter, so `pkg@1.3.0` and other version tags stay out.
        let numeric = tld.bytes().all(|b| b.is_ascii_digit())
            && labels[..labels.len() - 1]
                .iter()
                .any(|&(s, e)| text[s..e].bytes().any(|b| b.is_ascii_alphabetic()));
        // A dotted-quad host (`user@192.0.2.7`), checked for the local part by the caller.
        let quad = labels.len() == 4 && text[from..te].parse::<std::net::Ipv4Addr>().is_ok();
        ascii_alpha || punycode || idn || numeric || quad
    };
    if !tld_ok
        || labels
            .iter()
            .any(|&(s, e)| text[s..e].starts_with('-') || text[s..e].ends_with('-'))
    {
        return None;
    }
    // The word form must actually use an obfuscated dot or a plain dot; a bare `at word`
    // followed by nothing dotted was rejected above by the two-label rule.
    Some(te)
}

/// File extensions after a pixel-density suffix (`@2x.png`).
const FILE_EXTENSIONS: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "webp", "svg", "avif", "bmp", "ico", "tif", "tiff", "heic", "pdf",
    "css", "js", "json",
];

/// `image@2x.png`, `avatar@1.5x.jpg`: an asset file name with a density suffix (`@Nx`,
/// `@N.Nx`) and a file extension, not a domain.
fn density_suffix(text: &str, labels: &[(usize, usize)]) -> bool {
    let label = |i: usize| labels.get(i).map(|&(s, e)| &text[s..e]);
    let density = |l: &str| {
        l.len() >= 2
            && l.ends_with(['x', 'X'])
            && l[..l.len() - 1].bytes().all(|b| b.is_ascii_digit())
    };
    let digits = |l: &str| !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit());
    let ext = |l: &str| FILE_EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(l));
    match (labels.len(), label(0), label(1), label(2)) {
        (2, Some(d), Some(e), _) => density(d) && ext(e),
        (3, Some(n), Some(d), Some(e)) => digits(n) && density(d) && ext(e),
        _ => false,
    }
}

/// Mail headers whose values look like addresses but are message identifiers.
const ID_HEADERS: &[&str] = &["message-id:", "in-reply-to:", "references:", "content-id:"];

/// Whether the line holding `i` is a message-identifier header (`Message-ID: <x@host>`).
fn in_id_header(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    // A header name within 1 KiB before the address; further back it is not this header.
    let line_start = super::scan::line_start_near(bytes, i, 1024);
    let line = &bytes[line_start..i];
    let line = match line.iter().position(|b| !b.is_ascii_whitespace()) {
        Some(p) => &line[p..],
        None => return false,
    };
    ID_HEADERS
        .iter()
        .any(|h| line.len() >= h.len() && line[..h.len()].eq_ignore_ascii_case(h.as_bytes()))
}

fn match_at(
    text: &str,
    at_start: usize,
    at_end: usize,
    form: AtForm,
    floor: usize,
) -> Option<Finding> {
    let start = local_start(text, at_start, form, floor)?;
    if form == AtForm::Plain && in_id_header(text, start) {
        return None;
    }
    let end = domain_end(text, at_end, form)?;
    // `user@192.0.2.7` is a login on a host; `ClassName@0.0.0.0` is a Java object or actor
    // name printed with its bind address, and is left to the IP detector.
    if text[at_end..end]
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.')
        && text[start..at_start]
            .bytes()
            .any(|b| b.is_ascii_uppercase())
    {
        return None;
    }
    if form == AtForm::Word {
        // `name at domain dot com` needs the dot to be obfuscated too, or it is prose
        // ("look at example.com") unless the at itself was bracketed.
        let at_tok = &text[at_start..at_end];
        let bracketed = at_tok.trim().starts_with(['[', '(', '{', '<']);
        let domain = &text[at_end..end];
        let word_dot = DOT_WORDS
            .iter()
            .any(|w| domain.to_ascii_lowercase().contains(w.trim()) && w.trim().len() > 1);
        if !bracketed && !word_dot {
            return None;
        }
        // A word-form local part must not be a common word ("meet at home dot com").
        let local = &text[start..at_start];
        if local.len() < 2 {
            return None;
        }
    }
    let (rule, reason) = match form {
        AtForm::Plain => ("email.plain", "local part and domain validated"),
        AtForm::Encoded => ("email.encoded", "encoded at-sign, domain validated"),
        AtForm::Word => (
            "email.obfuscated",
            "spelled-out at/dot, known top-level domain",
        ),
    };
    // Include a leading `mailto:` is unnecessary: the scheme is not personal data.
    Some(Finding::new(Category::Email, rule, start, end, reason))
}

/// `name @ domain.com`, `name@ domain.com`, `name @domain.com`, `name@ domain .com`.
fn match_spaced(text: &str, at: usize) -> Option<Finding> {
    let bytes = text.as_bytes();
    let mut left = at;
    let mut spaces_left = 0;
    while left > 0 && bytes[left - 1] == b' ' && spaces_left < 2 {
        left -= 1;
        spaces_left += 1;
    }
    let mut right = at + 1;
    let mut spaces_right = 0;
    while right < bytes.len() && bytes[right] == b' ' && spaces_right < 2 {
        right += 1;
        spaces_right += 1;
    }
    if spaces_left == 0 && spaces_right == 0 {
        // `name@ domain .com`: spaces only around a dot.
        return match_spaced_dot(text, at);
    }
    let start = local_start(text, left, AtForm::Plain, 0)?;
    // Prose mentions a domain with an at-sign (`he got an @kde.org address`): a common
    // word is not a local part when a space separates it from the at-sign.
    let local = &text[start..left];
    if PROSE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(local)) {
        return None;
    }
    // Handle `domain .com` too.
    let end = domain_end(text, right, AtForm::Plain).or_else(|| spaced_dot_domain(text, right))?;
    // A spaced at must be followed by a real-looking domain with a common TLD, to keep
    // Twitter-style handles in prose ("ping @john.smith") and `x @ y.z` maths out.
    let domain = &text[right..end];
    let tld = domain.rsplit('.').next().unwrap_or("").trim();
    if !WORD_FORM_TLDS.iter().any(|t| t.eq_ignore_ascii_case(tld)) {
        return None;
    }
    Some(Finding::new(
        Category::Email,
        "email.spaced",
        start,
        end,
        "at-sign with spaces, known top-level domain",
    ))
}

fn match_spaced_dot(text: &str, at: usize) -> Option<Finding> {
    let start = local_start(text, at, AtForm::Plain, 0)?;
    let end = spaced_dot_domain(text, at + 1)?;
    Some(Finding::new(
        Category::Email,
        "email.spaced",
        start,
        end,
        "domain with spaces around a dot, known top-level domain",
    ))
}

/// `domain .com` / `domain. com`: one label, a dot with spaces, a known TLD.
fn spaced_dot_domain(text: &str, from: usize) -> Option<usize> {
    let rest = &text[from..];
    let label_len = rest
        .find(|c: char| !is_domain_char(c))
        .unwrap_or(rest.len());
    if label_len == 0 {
        return None;
    }
    let after = &rest[label_len..];
    let trimmed = after.trim_start_matches(' ');
    let sp1 = after.len() - trimmed.len();
    let after_dot = trimmed.strip_prefix('.')?;
    let tld_part = after_dot.trim_start_matches(' ');
    let sp2 = after_dot.len() - tld_part.len();
    if sp1 + sp2 == 0 || sp1 > 1 || sp2 > 1 {
        return None;
    }
    let tld_len = tld_part
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(tld_part.len());
    let tld = &tld_part[..tld_len];
    if !WORD_FORM_TLDS.iter().any(|t| t.eq_ignore_ascii_case(tld)) {
        return None;
    }
    Some(from + label_len + sp1 + 1 + sp2 + tld_len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        EmailDetector.detect(text, &mut out);
        out.iter().map(|f| &text[f.start..f.end]).collect()
    }

    #[test]
    fn plain_and_tagged() {
        assert_eq!(
            found("mail bob.smith+tag@contoso.com now"),
            ["bob.smith+tag@contoso.com"]
        );
        assert_eq!(
            found("<JANE@Mail.Example.CO.UK>"),
            ["JANE@Mail.Example.CO.UK"]
        );
        assert_eq!(found("mailto:a@b.io?subject=x"), ["a@b.io"]);
    }

    #[test]
    fn obfuscated_forms() {
        assert_eq!(found("name @ domain.com"), ["name @ domain.com"]);
        assert_eq!(found("name@ domain .com"), ["name@ domain .com"]);
        assert_eq!(
            found("write to john at example dot com"),
            ["john at example dot com"]
        );
        assert_eq!(
            found("john [at] example [dot] com"),
            ["john [at] example [dot] com"]
        );
        assert_eq!(
            found("john(at)example(dot)com"),
            ["john(at)example(dot)com"]
        );
        assert_eq!(found("u=john%40example.com&x"), ["john%40example.com"]);
        assert_eq!(found("john&#64;example.com"), ["john&#64;example.com"]);
    }

    #[test]
    fn quoted_literal_and_idn() {
        assert_eq!(
            found(r#""john doe"@example.com"#),
            [r#""john doe"@example.com"#]
        );
        assert_eq!(found("x user@[192.0.2.1] y"), ["user@[192.0.2.1]"]);
        assert_eq!(
            found("δοκιμή@παράδειγμα.δοκιμή"),
            ["δοκιμή@παράδειγμα.δοκιμή"]
        );
    }

    #[test]
    fn not_emails() {
        assert!(found("00000001@2016/9/27 event").is_empty());
        assert!(found("look at example.com for details").is_empty());
        assert!(found("npm i left-pad@1.3.0").is_empty());
        assert!(found("we meet at noon").is_empty());
    }

    // Regressions found by the accuracy evaluation (docs/EVALUATION.md).

    #[test]
    fn regression_issue_3_overlapping_at_forms() {
        // Found by the streaming/idempotence property: ` at ` and ` [at] ` overlap here.
        assert_eq!(
            found("a at [at] aa [dot] com\nat [at] aa [dot] com "),
            ["at [at] aa [dot] com", "at [at] aa [dot] com"]
        );
    }

    #[test]
    fn idn_tld_does_not_panic() {
        assert_eq!(found("실례@실례.테스트"), ["실례@실례.테스트"]);
        assert_eq!(found("x@테스트.테스트 y"), ["x@테스트.테스트"]);
        assert_eq!(found("user@cafe\u{301}.com"), ["user@cafe\u{301}.com"]);
    }

    #[test]
    fn quoted_local_parts_with_escapes() {
        assert_eq!(found(r#""\""@iana.org"#), [r#""\""@iana.org"#]);
        assert_eq!(found(r#""\\"@iana.org"#), [r#""\\"@iana.org"#]);
        assert_eq!(
            found(r#""test\ test"@iana.org"#),
            [r#""test\ test"@iana.org"#]
        );
        assert_eq!(
            found(r#""""@iana.org"#),
            [r#""""@iana.org"#[1..].to_string()]
        );
        assert_eq!(
            found(r#""joe@bloggs"@example.com"#),
            [r#""joe@bloggs"@example.com"#]
        );
        // A quoted pair must be printable ASCII; control characters are not allowed.
        assert!(found("\"test\\\u{a9}\"@iana.org")
            .iter()
            .all(|f| !f.starts_with('"')));
        assert!(found("\"a\u{0}\"@iana.org")
            .iter()
            .all(|f| !f.starts_with('"')));
    }

    #[test]
    fn rare_atext_only_when_not_a_delimiter() {
        let all = "!#$%&`*+/=?^`{|}~@iana.org";
        assert_eq!(found(all), [all]);
        assert_eq!(found("user=bob@example.com"), ["bob@example.com"]);
        assert_eq!(found("see a/b@example.com"), ["b@example.com"]);
        assert_eq!(found("?to=bob@example.com&x=1"), ["bob@example.com"]);
        assert_eq!(found("~test@example.com"), ["~test@example.com"]);
        assert_eq!(found("“bob@example.com”"), ["bob@example.com"]);
        assert_eq!(found("\u{85}@example.com"), ["\u{85}@example.com"]);
    }

    #[test]
    fn unusual_but_valid_domains() {
        assert_eq!(found("test@org"), ["test@org"]);
        assert_eq!(found("test@iana.123"), ["test@iana.123"]);
        assert_eq!(found("test@iana.co-uk"), ["test@iana.co-uk"]);
        assert_eq!(found("test@iana.a"), ["test@iana.a"]);
        assert_eq!(found("ssh bob@192.0.2.7"), ["bob@192.0.2.7"]);
        assert_eq!(found("test@[IPv6:::]"), ["test@[IPv6:::]"]);
    }

    #[test]
    fn dotless_and_numeric_lookalikes_are_not_emails() {
        assert!(found("npm i foo@latest and pkg@1.3.0").is_empty());
        assert!(found("src@tbird-sm1 and SendWorker@679]").is_empty());
        assert!(found("Connector@0.0.0.0:8080").is_empty());
        assert!(found("test@iana.org-")
            .iter()
            .all(|f| *f != "test@iana.org-"));
    }

    #[test]
    fn prose_before_a_spaced_at_is_not_a_local_part() {
        assert!(found("waiting for him to get @gnome.org on his key").is_empty());
        assert!(found("he has an @kde.org and an @example.org").is_empty());
        assert_eq!(
            found("write to carlos @example.org"),
            ["carlos @example.org"]
        );
    }

    #[test]
    fn message_ids_are_not_emails() {
        assert!(found("Message-ID: <20240520.4f2a@mail.example.com>").is_empty());
        assert!(found("In-Reply-To: <abc@x.example.org>\n").is_empty());
        assert_eq!(
            found("Message-ID: <1@x.example.org>\nFrom: bob@example.com"),
            ["bob@example.com"]
        );
    }

    #[test]
    fn regression_issue_7_glued_addresses() {
        // The next local part starts where the previous address ends, as it does once that
        // one is a placeholder; fuzz input had U+FFFD (a local char, not a domain char).
        assert_eq!(
            found("<jane.ro\u{fffd}@ane.ro\u{fffd}@contoso.com>"),
            ["jane.ro\u{fffd}@ane.ro", "\u{fffd}@contoso.com"]
        );
        assert_eq!(found("a@b.com%c@d.com"), ["a@b.com", "c@d.com"]);
        assert_eq!(found("e@co.o.\u{fffd}@con.s"), ["e@co.o", "\u{fffd}@con.s"]);
        // No local part left: the next domain extends the address.
        assert_eq!(found("bob@x.com.alice@y.com"), ["bob@x.com.alice@y.com"]);
        // What a second run reads finds nothing more.
        assert!(found("[EMAIL-1][EMAIL-2]").is_empty());
        assert!(found("[EMAIL-1]@y.com").is_empty());
    }

    #[test]
    fn url_userinfo_is_not_an_email() {
        assert!(found("https://user:pw@host.example.com/x").is_empty());
        assert!(found("ftp://bob@files.example.com/").is_empty());
        assert_eq!(
            found("https://1395%40163.com@p28.icloud.com/x"),
            ["1395%40163.com"]
        );
    }

    #[test]
    fn non_ascii_tld_does_not_panic() {
        // Regression: the punycode check sliced the TLD at byte 4, inside a Hangul char.
        let _ = found("admin@테스트.테스트 and x@a.테스트");
    }

    /// Found by the engine fuzz target (issue 7): a long non-ASCII run before an `@` made
    /// the URL-userinfo look-back stop inside a character and panic on slicing.
    #[test]
    fn issue7_long_non_ascii_local_part_does_not_panic() {
        let text = format!("mail {}@example.org", "\u{FFFD}".repeat(120));
        let mut out = Vec::new();
        EmailDetector.detect(&text, &mut out);
        let text = format!("{}bob@example.org", "\u{FFFD}".repeat(90));
        EmailDetector.detect(&text, &mut out);
    }
}
