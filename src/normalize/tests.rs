use super::*;
use crate::detect::{builtin, Category};

fn units_of(t: &str) -> Vec<(usize, usize, String)> {
    units::scan(t)
        .into_iter()
        .map(|u| (u.start, u.end, u.rep))
        .collect()
}

/// What the normalised views alone find in `t`: (category, original text, key).
fn found(t: &str) -> Vec<(Category, String, String)> {
    let mut out = Vec::new();
    detect(t, &builtin(), &mut out);
    out.sort_by_key(|f| (f.start, f.end));
    out.iter()
        .map(|f| {
            (
                f.category,
                t[f.start..f.end].to_string(),
                f.key.clone().unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn folds_and_removes_by_the_table() {
    assert_eq!(units::fold('＠'), Some(Some('@')));
    assert_eq!(units::fold('﹫'), Some(Some('@')));
    assert_eq!(units::fold('。'), Some(Some('.')));
    assert_eq!(units::fold('７'), Some(Some('7')));
    assert_eq!(units::fold('٣'), Some(Some('3')));
    assert_eq!(units::fold('\u{200B}'), Some(None));
    assert_eq!(units::fold('\u{AD}'), Some(None));
    assert_eq!(units::fold('\u{2067}'), Some(None));
    assert_eq!(units::fold('é'), None);
    assert_eq!(units::fold('a'), None);
}

#[test]
fn escapes_decode_only_where_they_glue_a_value() {
    assert_eq!(units_of("john%40x"), vec![(4, 7, "@".into())]);
    assert_eq!(units_of("john=40x"), vec![(4, 7, "@".into())]);
    assert_eq!(units_of("a\\u0040b"), vec![(1, 7, "@".into())]);
    assert_eq!(units_of("a\\\\u0040b"), vec![]);
    assert_eq!(units_of("&#64;"), vec![(0, 5, "@".into())]);
    assert_eq!(units_of("&#x40"), vec![(0, 5, "@".into())]);
    assert_eq!(units_of("&commat;"), vec![(0, 8, "@".into())]);
    // Values of their own, not escapes.
    assert!(units_of("count=20 size=40 100%25 x=3D").is_empty());
    assert!(units_of("key=4B other").is_empty());
    assert!(units_of("Q&amp;A &amp; more").is_empty());
    assert_eq!(units_of("&amp;#64;"), vec![(0, 5, "&".into())]);
    // A letter only inside a run of escapes.
    assert_eq!(
        units_of("=6A=6F"),
        vec![(0, 3, "j".into()), (3, 6, "o".into())]
    );
    // A UTF-8 sequence spelling a folded character; not any other.
    assert_eq!(units_of("a%EF%BC%A0b"), vec![(1, 10, "@".into())]);
    assert!(units_of("caf%C3%A9").is_empty());
}

#[test]
fn views_map_back_to_the_whole_original_span() {
    let t = "mail jo\u{200B}hn@contoso.com now";
    let v = found(t);
    assert_eq!(
        v,
        vec![(
            Category::Email,
            "jo\u{200B}hn@contoso.com".to_string(),
            "john@contoso.com".to_string()
        )]
    );
    let t = "x john%2540contoso.com y";
    assert_eq!(found(t)[0].1, "john%2540contoso.com");
    let t = "x &amp;#64; y john&amp;#64;contoso.com";
    assert_eq!(found(t)[0].1, "john&amp;#64;contoso.com");
}

#[test]
fn findings_that_touch_no_unit_are_left_to_the_raw_pass() {
    // The fullwidth colon is folded, but the address does not touch it.
    assert!(found("Mail：john@contoso.com").is_empty());
    assert!(found("jane@contoso.com\u{200B}").is_empty());
}

#[test]
fn line_wraps_join_only_an_address_cut_short() {
    assert_eq!(found("to john@contoso.\ncom ok")[0].1, "john@contoso.\ncom");
    assert_eq!(
        found("to john@conto\r\nso.com ok")[0].1,
        "john@conto\r\nso.com"
    );
    assert_eq!(found("to john\n@contoso.com")[0].1, "john\n@contoso.com");
    assert_eq!(found("to john@con=\ntoso.com")[0].1, "john@con=\ntoso.com");
    // Complete addresses and sentences stay apart.
    assert!(found("mail bob@x.com\nthanks").is_empty());
    assert!(found("mail bob@x.com.\nNext line.").is_empty());
    assert!(found("hello\nbob@x.com").is_empty());
}

#[test]
fn numeric_ipv4_only_after_an_address_word() {
    let v = found(
        "client 3232235786, src=0xC0A8010A, remoteAddr: 192.168.001.010, IP address: 3232235786",
    );
    let keys: Vec<&str> = v.iter().map(|f| f.2.as_str()).collect();
    assert_eq!(keys, ["192.168.1.10"; 4]);
    assert!(v.iter().all(|f| f.0 == Category::Ipv4));
    for benign in [
        "took 3232235786 ms",
        "id 0xC0A8010A",
        "version 192.168.001.010",
        "ship 3232235786",
        "client 1234",
        "host 3232235786.5",
        "ip 20160927123",
        "Local APIC address 0xfee00000",
        "address[0xfec00000]",
        "addr 3232235786",
    ] {
        assert!(found(benign).is_empty(), "{benign}");
    }
}

#[test]
fn right_to_left_override_reads_as_shown() {
    let t = "to \u{202E}moc.osotnoc@nhoj\u{202C} ok";
    assert_eq!(found(t)[0].1, "\u{202E}moc.osotnoc@nhoj\u{202C}");
    assert_eq!(found(t)[0].2, "john@contoso.com");
}

#[test]
fn base64_and_hex_runs_that_hold_a_value() {
    let v = found(r#"{"payload":"am9obkBjb250b3NvLmNvbQ=="}"#);
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].1, "am9obkBjb250b3NvLmNvbQ==");
    let mut out = Vec::new();
    detect("x am9obkBjb250b3NvLmNvbQ== y", &builtin(), &mut out);
    assert_eq!(out[0].rule, "email.base64");
    assert_eq!(
        found("6a6f686e40636f6e746f736f2e636f6d")[0].2,
        "john@contoso.com"
    );
    // Hashes, ids and ordinary base64 text are not findings.
    for benign in [
        "d41d8cd98f00b204e9800998ecf8427e",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "blk_-1608999687919862906",
        "123e4567-e89b-12d3-a456-426614174000",
        "aGVsbG8gd29ybGQsIGhvdyBhcmUgeW91Pw==",
        "AbstractSingletonProxyFactoryBean",
        // `password=Sup3rS3cret! for the staging db`: secrets have their own rules.
        "cGFzc3dvcmQ9U3VwM3JTM2NyZXQhIGZvciB0aGUgc3RhZ2luZyBkYg==",
    ] {
        assert!(found(benign).is_empty(), "{benign}");
    }
}

#[test]
fn plain_text_builds_no_view() {
    assert!(units_of("2016-09-27 12:34:56 INFO pkg@1.2.3 took 34 ms (v6.1.1.0)").is_empty());
}

#[test]
fn regression_issue_12_hash_placeholder_is_not_a_numeric_ipv4() {
    // The hash strategy writes `[IPV4:27101281]`: a network word, a separator and a number
    // that would read as 1.157.135.97. Found by the deterministic property test.
    let engine = crate::Engine::new(crate::Policy::default()).unwrap();
    for text in [
        "[IPV4:27101281] ",
        "client [IPV4:27101281]",
        "[IP:3232235786]",
    ] {
        let (findings, _) = engine.detect(text);
        assert!(findings.is_empty(), "{text}: {findings:?}");
    }
    // A real number after a network word is still read.
    let (findings, _) = engine.detect("client 3232235786 connected");
    assert_eq!(findings.len(), 1);
}
