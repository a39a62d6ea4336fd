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
