//! Email addresses: plain, quoted, IP-literal and internationalised, and the obfuscated forms
//! people type (`name @ domain.com`, `name at domain dot com`, `[at]`, `(at)`, `%40`, `&#64;`).
//!
//! The scanner anchors on every at-sign form (found with one Aho-Corasick pass), then grows
//! the local part to the left and the domain to the right and validates both.

use super::scan::{char_at, char_before};
use super::{Category, Detector, Finding};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::LazyLock;

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

const AT_TOKENS: &[(&str, AtForm)] = &[
    ("@", AtForm::Plain),
    ("%40", AtForm::Encoded),
    ("&#64;", AtForm::Encoded),
    ("&#x40;", AtForm::Encoded),
    ("&commat;", AtForm::Encoded),
    ("[at]", AtForm::Word),
    ("(at)", AtForm::Word),
    ("{at}", AtForm::Word),
    ("<at>", AtForm::Word),
    (" at ", AtForm::Word),
    (" [at] ", AtForm::Word),
    (" (at) ", AtForm::Word),
];

static AT_MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(AT_TOKENS.iter().map(|(t, _)| t))
        .unwrap_or_else(|_| unreachable_matcher())
});

/// The token list is a constant that is known to build; this keeps the hot path free of
/// `expect` all the same.
fn unreachable_matcher() -> AhoCorasick {
    AhoCorasick::new(["@"]).unwrap_or_else(|_| std::process::abort())
}

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
        let mut last_end = 0;
        for m in AT_MATCHER.find_iter(text) {
            if m.start() < last_end {
                continue;
            }
            let form = AT_TOKENS[m.pattern().as_usize()].1;
            if let Some(f) = match_at(text, m.start(), m.end(), form) {
                last_end = f.end;
                out.push(f);
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
        || (!c.is_ascii() && c.is_alphanumeric())
}

fn is_domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || (!c.is_ascii() && c.is_alphanumeric())
}

/// Grows the local part leftwards from `at` (exclusive). Returns its start.
fn local_start(text: &str, at: usize, form: AtForm) -> Option<usize> {
    // Quoted local part: "john doe"@example.com
    if form == AtForm::Plain && char_before(text, at) == Some('"') {
        let head = &text[..at - 1];
        let open = head.rfind('"')?;
        if at - 1 - open <= 64 && !head[open + 1..].contains('\n') && open + 1 < at - 1 {
            return Some(open);
        }
        return None;
    }
    let mut start = at;
    let mut count = 0;
    while let Some(c) = char_before(text, start) {
        if !is_local_char(c) || count >= 64 {
            break;
        }
        // Word forms (`name at domain dot com`) take one plain token only.
        if form == AtForm::Word && !(c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+')) {
            break;
        }
        start -= c.len_utf8();
        count += 1;
    }
    // Trim punctuation that cannot start a local part in practice.
    while let Some(c) = char_at(text, start) {
        if start < at && matches!(c, '.' | '\'' | '-' | '%' | '|' | '~') {
            start += c.len_utf8();
        } else {
            break;
        }
    }
    if start >= at {
        return None;
    }
    // `%40` encoded addresses: the local part must not end in a percent escape fragment.
    let local = &text[start..at];
    if local.ends_with('.') || local.contains("..") {
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
    if labels.len() < 2 {
        return None;
    }
    let &(ts, te) = labels.last()?;
    let tld = &text[ts..te];
    let tld_ok = if word_dots {
        WORD_FORM_TLDS.iter().any(|t| t.eq_ignore_ascii_case(tld))
    } else {
        let ascii_alpha = tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic());
        let punycode =
            tld.len() > 4 && tld.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("xn--"));
        let idn =
            !tld.is_ascii() && tld.chars().all(|c| c.is_alphabetic()) && tld.chars().count() >= 2;
        ascii_alpha || punycode || idn
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

fn match_at(text: &str, at_start: usize, at_end: usize, form: AtForm) -> Option<Finding> {
    let start = local_start(text, at_start, form)?;
    let end = domain_end(text, at_end, form)?;
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
    let start = local_start(text, left, AtForm::Plain)?;
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
    let start = local_start(text, at, AtForm::Plain)?;
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

    #[test]
    fn non_ascii_tld_does_not_panic() {
        // Regression: the punycode check sliced the TLD at byte 4, inside a Hangul char.
        let _ = found("admin@테스트.테스트 and x@a.테스트");
    }
}
