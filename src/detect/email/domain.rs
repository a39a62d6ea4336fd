//! The domain: its characters and labels, where it ends right of an at-sign, and asset names
//! with a density suffix (`@2x.png`) refused.

use super::at::AtForm;
use super::words::{DOTLESS_TLDS, DOT_WORDS, FILE_EXTENSIONS, WORD_FORM_TLDS};
use crate::detect::scan::char_at;

pub(super) fn is_domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || (!c.is_ascii() && (c.is_alphanumeric() || is_mark(c)))
}

/// Combining marks, which internationalised names carry in decomposed form (`cafe\u{301}`).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Grows the domain rightwards from `from`. Returns its end, or `None` if it is not a domain.
pub(super) fn domain_end(text: &str, from: usize, form: AtForm) -> Option<usize> {
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
