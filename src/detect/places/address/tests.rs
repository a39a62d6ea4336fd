use crate::detect::places::tokens::{tokenize, LINE_LOOK};

/// Whether the line from byte `start` has an upper-case letter in its first `LINE_LOOK` bytes
/// (the reference for [`Tok::upper_ahead`], which the rules read).
///
/// [`Tok::upper_ahead`]: crate::detect::places::tokens::Tok::upper_ahead
fn line_has_upper(text: &str, start: usize) -> bool {
    let rest = text.as_bytes().get(start..).unwrap_or_default();
    let rest = &rest[..rest.len().min(LINE_LOOK)];
    let line = memchr::memchr(b'\n', rest).map_or(rest, |p| &rest[..p]);
    String::from_utf8_lossy(line)
        .chars()
        .any(char::is_uppercase)
}

/// A 5 MB paste on one line took minutes: every house number read the rest of its line.
/// The look for a capital is bounded, so the work per number no longer grows with the line.
#[test]
fn regression_issue_14_capital_look_is_bounded() {
    let far = format!("12 {}X", "a".repeat(LINE_LOOK));
    assert!(!line_has_upper(&far, 0));
    assert!(line_has_upper("12 Main St", 0));
    assert!(!line_has_upper("12 main st\nOther line", 0));
    // Every token's mark agrees with reading the line from it.
    let edge = format!("1 {}É 2 {}Z\n3 x", "a".repeat(252), "b".repeat(253));
    for t in [
        far.as_str(),
        "12 Main St\n4 rue x\r\n5 Élysée 6 ß\u{a0}Ä",
        "a 1 b 2 C 3\n\n9 d",
        edge.as_str(),
    ] {
        for tok in tokenize(t) {
            assert_eq!(
                tok.upper_ahead,
                line_has_upper(t, tok.start),
                "{t:?} at {}",
                tok.start
            );
        }
    }
}
