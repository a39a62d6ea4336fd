//! The placeholder grammar: `[LABEL]`, `[LABEL-12]`, `[LABEL:3f2a9c1d]`.

/// Length of one of our placeholders (`[EMAIL]`, `[PHONE-1]`, `[IPV4:3f2a9c1d]`) at the start
/// of `b`, if one is there. Detectors that read context words around a value must not take
/// the labels of placeholders for words: the output would then read differently from the
/// input (`[PHONE-1] 1111 1111` is not a phone context).
pub fn placeholder_len(b: &[u8]) -> Option<usize> {
    if b.first() != Some(&b'[') || !b.get(1)?.is_ascii_uppercase() {
        return None;
    }
    let mut j = 1;
    while b
        .get(j)
        .is_some_and(|&c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'_')
    {
        j += 1;
    }
    match *b.get(j)? {
        b']' => return Some(j + 1),
        b'-' => {
            let d = j + 1;
            j = d;
            while b.get(j).is_some_and(u8::is_ascii_digit) {
                j += 1;
            }
            if j == d {
                return None;
            }
        }
        b':' => {
            let d = j + 1;
            j = d;
            while b
                .get(j)
                .is_some_and(|&c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c))
            {
                j += 1;
            }
            if !(8..=16).contains(&(j - d)) {
                return None;
            }
        }
        _ => return None,
    }
    (b.get(j) == Some(&b']')).then_some(j + 1)
}

/// Spans of replacement placeholders in `out`: `[LABEL]`, `[LABEL-12]`, `[LABEL:3f2a9c1d]`.
pub fn placeholder_spans(out: &str) -> Vec<(usize, usize)> {
    let b = out.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'[', &b[i..]) {
        let s = i + p;
        i = s + 1;
        if let Some(len) = placeholder_len(&b[s..]) {
            spans.push((s, s + len));
            i = s + len;
        }
    }
    spans
}
