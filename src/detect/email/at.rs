//! Every way an at-sign is written (plain, encoded, bracketed, spelled out), found in one
//! pass over the text.

/// How an at-sign was written, which decides what may follow as a dot.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum AtForm {
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
pub(super) fn at_tokens(b: &[u8]) -> Vec<(usize, usize, AtForm)> {
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
            let line_start = crate::detect::scan::line_start_near(b, d, 160);
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
