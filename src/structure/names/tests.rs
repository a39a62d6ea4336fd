use super::*;

#[test]
fn regression_issue_5_names_escaped_in_json_are_found() {
    let mut book = Book::default();
    let mut l = Learned::default();
    l.add("Hélène Moreau", Role::Customer);
    book.absorb(l);
    let t = r#"{"a": "Bonjour H\u00e9l\u00e8ne", "b": "H\u00E9l\u00E8ne Moreau", "c": "Hélène"}"#;
    let mut out = Vec::new();
    book.find(t, true, &mut out);
    let found: Vec<&str> = out.iter().map(|f| &t[f.start..f.end]).collect();
    assert_eq!(
        found,
        vec![r"H\u00e9l\u00e8ne", r"H\u00E9l\u00E8ne Moreau", "Hélène"]
    );
}

#[test]
fn lists_are_sorted() {
    assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    assert!(ROLE_WORDS.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn regression_issue_5_exception_names_are_not_speakers() {
    assert_eq!(clean("ValueError"), None);
    assert_eq!(clean("NullPointerException"), None);
    assert_eq!(clean("Jane Doe"), Some("Jane Doe".to_string()));
    assert_eq!(
        clean("Error"),
        Some("Error".to_string())
            .filter(|_| false)
            .or(clean("Error"))
    );
}

#[test]
fn cleans_names() {
    assert_eq!(clean(" Jane  Doe ").as_deref(), Some("Jane Doe"));
    assert_eq!(clean("\"Jean Dupont\"").as_deref(), Some("Jean Dupont"));
    assert_eq!(clean("Support Team"), None);
    assert_eq!(clean("Error"), None);
    assert_eq!(clean("[CUSTOMER-1]"), None);
    assert_eq!(clean("jane@x.com"), None);
    assert_eq!(clean("build 42"), None);
    assert_eq!(clean("José Ñúñez").as_deref(), Some("José Ñúñez"));
}

#[test]
fn regression_issue_14_common_word_names_only_with_a_capital() {
    assert!(capital_only("Grace") && capital_only("Mark Young") && capital_only("Brown"));
    assert!(!capital_only("Grace Okafor") && !capital_only("Agent") && !capital_only(""));
    let mut plain = Learned::default();
    plain.add("Grace Brown", Role::Customer);
    assert!(
        plain.names().is_empty(),
        "common words only: not by the plain rule"
    );
    let mut l = Learned::default();
    l.add_capitalised("Grace Brown", Role::Customer);
    l.add_capitalised("Support Team", Role::Unknown);
    let mut b = Book::default();
    b.absorb(l);
    let text = "Grace Brown called; the grace period, a brown box. Grace said Brown.";
    let mut out = Vec::new();
    b.find(text, false, &mut out);
    let got: Vec<&str> = out.iter().map(|f| &text[f.start..f.end]).collect();
    assert_eq!(got, ["Grace Brown", "Grace", "Brown"]);
}

#[test]
fn finds_full_names_and_parts() {
    let mut l = Learned::default();
    l.add("Jane Doe", Role::Customer);
    l.add("Mark Smith", Role::Agent);
    let mut b = Book::default();
    b.absorb(l);
    // `Mark` is a common word: replaced alone only where written with a capital (issue 14).
    let text = "Jane Doe wrote; later jane doe, Jane, Smith and Mark. Janet, jane. mx.smith-x \
                please mark it";
    let mut out = Vec::new();
    b.find(text, false, &mut out);
    let got: Vec<(&str, &str, &str)> = out
        .iter()
        .map(|f| {
            (
                &text[f.start..f.end],
                f.label.as_deref().unwrap(),
                f.key.as_deref().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("Jane Doe", "CUSTOMER", "Jane Doe"),
            ("jane doe", "CUSTOMER", "Jane Doe"),
            ("Jane", "CUSTOMER", "Jane Doe"),
            ("Smith", "AGENT", "Mark Smith"),
            ("Mark", "AGENT", "Mark Smith"),
            ("jane", "CUSTOMER", "Jane Doe"),
        ]
    );
}

#[test]
fn json_escape_is_a_boundary() {
    let mut l = Learned::default();
    l.add("Jane Doe", Role::Unknown);
    let mut b = Book::default();
    b.absorb(l);
    let text = r#""Hi,\nJane here""#;
    let mut out = Vec::new();
    b.find(text, true, &mut out);
    assert_eq!(out.len(), 1);
    out.clear();
    // Not the full name glued to a letter; its part `Doe`, standing alone, still is.
    for t in ["xJane Doe", "ÉJane Doe"] {
        out.clear();
        b.find(t, false, &mut out);
        let found: Vec<&str> = out.iter().map(|f| &t[f.start..f.end]).collect();
        assert_eq!(found, ["Doe"], "{t}");
    }
}
