//! Where a stream may cut its input: segments that can be scanned on their own, and the
//! limits on what a stream holds back.

/// Below this much buffered input a stream waits for more before scanning.
pub(super) const STREAM_MIN_SEGMENT: usize = 64 * 1024;
/// A multi-line value (a PEM block) may hold back at most this much input.
pub(super) const STREAM_MAX_CARRY: usize = 4 * 1024 * 1024;
/// A JSON document or an email is read whole up to this size (its message flags and MIME
/// parts can only be read whole); a larger one is read in segments, with a notice.
pub const STREAM_MAX_DOCUMENT: usize = 64 * 1024 * 1024;

/// Input held before deciding whether it is read whole (the format is sniffed on it).
pub(crate) const STREAM_SNIFF: usize = 8 * 1024;

/// The notice given when a document was too large to be read whole.
pub const NOTICE_DOCUMENT_TOO_LARGE: &str = "document larger than the whole-document limit \
     (64 MiB): read in segments, so JSON message flags and email MIME parts are only read \
     within a segment";

/// The end of the longest prefix of `buf` that can be scanned on its own: after the last
/// line break that is not inside an open multi-line value. Lines longer than the carry
/// limit are cut at their last space, else after their last delimiter (values do not span
/// them, except names and obfuscated emails, which such a line is unlikely to hold at its
/// cut), else anywhere: see [`unsafe_cut`].
pub(super) fn safe_split(buf: &str) -> usize {
    let bytes = buf.as_bytes();
    let mut split = match memchr::memrchr(b'\n', bytes) {
        Some(i) => i + 1,
        None => 0,
    };
    // A line that ends in `:` labels the next one (`Phone:` then the number): keep them together.
    for _ in 0..4 {
        if split < 2 {
            break;
        }
        let line_start = memchr::memrchr(b'\n', &bytes[..split - 1]).map_or(0, |i| i + 1);
        // So does a line whose break cuts an email address (read joined, see `normalize`).
        if buf[line_start..split - 1].trim_end().ends_with(':')
            || crate::normalize::joins_at(buf, split)
        {
            split = line_start;
        } else {
            break;
        }
    }
    // Do not cut a PEM block: hold back from its BEGIN line when no END follows it.
    if let Some(b) = memchr::memmem::rfind(&bytes[..split], b"-----BEGIN ") {
        if memchr::memmem::find(&bytes[b..split], b"-----END ").is_none() {
            let line_start = memchr::memrchr(b'\n', &bytes[..b]).map_or(0, |i| i + 1);
            if buf.len() - line_start < STREAM_MAX_CARRY {
                split = line_start;
            }
        }
    }
    if split == 0 && buf.len() >= STREAM_MAX_CARRY {
        split = memchr::memrchr2(b' ', b'\t', bytes).map_or(0, |i| i + 1);
        if split == 0 {
            // No space either (minified JSON, a long `a|b|c` record): after the last byte
            // that no value holds.
            split = bytes
                .iter()
                .rposition(|&b| delimiter(b))
                .map_or(0, |i| i + 1);
        }
        if split == 0 {
            // One run of 4 MiB without a space or a delimiter: cut anyway, to keep memory
            // bounded; [`unsafe_cut`] says so and the stream fails closed.
            split = buf.len() - STREAM_MIN_SEGMENT;
            while !buf.is_char_boundary(split) {
                split -= 1;
            }
        }
    }
    split
}

/// A byte that no detected value holds: a cut right after one splits no value (quotes and
/// angle brackets end emails and tokens; spaces end all but names and obfuscated emails).
fn delimiter(b: u8) -> bool {
    matches!(b, b' ' | b'"' | b'<' | b'>' | b'|' | b'{' | b'}' | b'`') || b.is_ascii_control()
}

/// Whether a cut at `split` (from [`safe_split`]) may split a value in two: the line ran
/// over the carry limit as one run without a space or a delimiter. Each half of a value cut
/// there would be scanned alone, and could pass unseen: the stream reports the cut as a
/// residual ([`RESIDUAL_STREAM_LIMIT`]), so its output is withheld like any other leak.
pub(super) fn unsafe_cut(buf: &str, split: usize) -> bool {
    split > 0
        && !buf
            .as_bytes()
            .get(split - 1)
            .copied()
            .is_some_and(delimiter)
}

/// The residual kind of a cut that may split a value in two: a stream that met a run of 4 MiB
/// without a space or delimiter reports one, and its output is withheld.
pub const RESIDUAL_STREAM_LIMIT: &str = "stream limit: a run of 4 MiB without a space or \
     delimiter was cut, and a value may span the cut (break such lines, or sanitize the input \
     whole)";

/// For CSV, whose quoted cells may hold line breaks: the last line break at or before
/// `split` that is outside quotes (`buf` starts at a record boundary). A quoted cell left
/// open for longer than the carry limit is cut at `split` after all.
pub(super) fn csv_split(buf: &str, split: usize) -> usize {
    let bytes = buf.as_bytes().get(..split).unwrap_or_default();
    let mut quoted = false;
    let mut last = 0;
    for i in memchr::memchr2_iter(b'"', b'\n', bytes) {
        if bytes.get(i) == Some(&b'"') {
            quoted = !quoted;
        } else if !quoted {
            last = i + 1;
        }
    }
    if buf.len() - last >= STREAM_MAX_CARRY {
        split
    } else {
        last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regression_issue_12_stream_keeps_a_wrapped_address_in_one_segment() {
        assert_eq!(safe_split("a\nmail john@contoso.\ncom"), 2);
        assert_eq!(safe_split("a\nmail john@contoso.com\nnext"), 24);
    }

    #[test]
    fn safe_split_keeps_a_label_line_with_its_value() {
        assert_eq!(safe_split("a\nPhone:\n780 6326\nb"), 18);
        assert_eq!(safe_split("a\nb\nPhone:\n"), 4);
    }

    #[test]
    fn safe_split_keeps_pem_whole() {
        let s = "a\n-----BEGIN RSA PRIVATE KEY-----\nMIIE\nabc\n";
        assert_eq!(safe_split(s), 2);
        let s = "a\n-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\nx";
        assert_eq!(safe_split(s), s.len() - 1);
    }
}
