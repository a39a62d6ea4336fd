use super::*;

fn found(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    PhoneDetector.detect(text, &mut out);
    out.iter().map(|f| &text[f.start..f.end]).collect()
}

#[test]
fn regression_issue_7_placeholder_labels_are_not_context() {
    // `[PHONE-1]` before or after a number is our own output, not the word "phone".
    assert!(found("[PHONE-1] 1111 1111").is_empty());
    assert!(found("x 4110 111 [PHONE-1] y").is_empty());
    assert!(found("[PHONE:3f2a9c1d] 2222 3333").is_empty());
    // Real words still count, with or without a placeholder nearby.
    assert_eq!(found("[EMAIL-1] phone 2222 3333"), ["2222 3333"]);
    assert_eq!(found("4110 111 phone"), ["4110 111"]);
}

#[test]
fn regression_issue_7_plus_after_punctuation() {
    // A `+` opens a number after a comma or colon glued to a word (an address before
    // it, which a second run reads as `[EMAIL-1],+2 …`).
    assert_eq!(
        found("<jane.roe@contoso.co,+2 415 555 010.t: hi"),
        ["+2 415 555 010"]
    );
    assert_eq!(found("[EMAIL-1],+2 415 555 010.t"), ["+2 415 555 010"]);
    assert_eq!(found("tel:+14155550101"), ["+14155550101"]);
    // Digits after the same punctuation are still part of a longer token.
    assert!(found("build-4155550101").is_empty());
    assert!(found("v1.4155550101").is_empty());
}

#[test]
fn regression_issue_7_context_stops_at_placeholders() {
    // `call` is too far back in the input; replacing the long value between must not
    // bring it into reach in the output.
    let long = "A".repeat(60);
    assert!(found(&format!("call {long} 555 0100")).is_empty());
    assert!(found("call [SECRET-1] 555 0100").is_empty());
    // A placeholder cut by the start of the window still stops it.
    let pad = "x".repeat(40);
    assert!(found(&format!("[URL_CREDENTIALS-12]{pad} 555 0100")).is_empty());
    // Without placeholders, context works as before.
    assert_eq!(found("call me on 555 0100"), ["555 0100"]);
    assert_eq!(found("[EMAIL-1] call 555 0100"), ["555 0100"]);
    let engine = crate::Engine::new(crate::Policy::default()).unwrap();
    let text = format!("call +1 415 555 0101 key=\"{long}\" 555 0100\n");
    let s = engine.sanitize(&text);
    assert_eq!(s.report.residual, 0, "{:?}", s.report.residuals);
    assert_eq!(engine.sanitize(&s.text).text, s.text);
}

#[test]
fn international() {
    assert_eq!(found("ring +44 20 7946 0958 now"), ["+44 20 7946 0958"]);
    assert_eq!(found("(+1-202-555-0173)"), ["+1-202-555-0173"]);
    assert_eq!(found("au +61 403 505 896."), ["+61 403 505 896"]);
    assert_eq!(found("+49 30 901820"), ["+49 30 901820"]);
    assert_eq!(found("+46 (0)8 928 571 38"), ["+46 (0)8 928 571 38"]);
    assert_eq!(found("+447700677662"), ["+447700677662"]);
}

#[test]
fn national() {
    assert_eq!(found("(555) 010-1234 x204 ok"), ["(555) 010-1234 x204"]);
    assert_eq!(found("555.010.1234"), ["555.010.1234"]);
    assert_eq!(found("555-010-1234x12"), ["555-010-1234x12"]);
    assert_eq!(found("(579)888-3058"), ["(579)888-3058"]);
    assert_eq!(found("020 7946 0958"), ["020 7946 0958"]);
    assert_eq!(found("06 12 34 56 78"), ["06 12 34 56 78"]);
    assert_eq!(found("01.84.17.61.18"), ["01.84.17.61.18"]);
    assert_eq!(found("001-518-640-0854"), ["001-518-640-0854"]);
    assert_eq!(found("1-800-555-0199"), ["1-800-555-0199"]);
    assert_eq!(found("555-010-1234, ext. 22"), ["555-010-1234, ext. 22"]);
}

#[test]
fn more_countries() {
    assert_eq!(found("+49 (0)30 901820"), ["+49 (0)30 901820"]);
    assert_eq!(found("030 901820"), ["030 901820"]);
    assert_eq!(found("+34 612 34 56 78"), ["+34 612 34 56 78"]);
    assert_eq!(found("+91 98765 43210"), ["+91 98765 43210"]);
    assert_eq!(found("03-1234-5678"), ["03-1234-5678"]);
    assert_eq!(found("(11) 91234-5678"), ["(11) 91234-5678"]);
    assert_eq!(found("0044 20 7946 0958"), ["0044 20 7946 0958"]);
    assert_eq!(found("+33 6 12 34 56 78"), ["+33 6 12 34 56 78"]);
    assert_eq!(found("+1 (555) 010-1234"), ["+1 (555) 010-1234"]);
}

#[test]
fn log_traps() {
    for line in [
        "Build 2.6.32-504.el6.x86_64 pid 12345 port 8080",
        "2024-01-15 10:20:30,123 INFO started in 1234567 ms",
        "Jun 14 15:16:01 combo sshd(pam_unix)[19939]: session opened",
        "hr=0x80070002 oid 1.2.840.113549.1.1.1 tz +0000",
        "20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579",
        "took 0.000123 s, 1,234,567 bytes, 1.234.567 rows",
        "sha 3f2a9c1d 4e5b6a7c 8d9e0f1a; uuid 123e4567-e89b-12d3-a456-426614174000",
        "2016-09-28 04:30:31, Info CSI 00000001 (call 1)",
    ] {
        assert!(found(line).is_empty(), "{line}: {:?}", found(line));
    }
}

#[test]
fn context_shapes() {
    assert_eq!(found("Fax: 9498777106"), ["9498777106"]);
    assert_eq!(found("call me on 9472 7916?"), ["9472 7916"]);
    assert_eq!(found("Phone:\n780 6326\n"), ["780 6326"]);
    assert_eq!(found("467 3395 office"), ["467 3395"]);
    assert_eq!(found("21 253 109 8211-Office"), ["21 253 109 8211"]);
    // Without context these are just numbers.
    assert!(found("we shipped 9472 7916 units").is_empty());
    assert!(found("total 9498777106").is_empty());
}

#[test]
fn not_phones() {
    assert!(found("on 2024-01-15 and 15.01.2024 at 12:30:45").is_empty());
    assert!(found("call on 2024-01-15").is_empty());
    assert!(found("from 192.168.100.200 v2.6.32.504").is_empty());
    assert!(found("ts 1700000000 and 1700000000123").is_empty());
    assert!(found("phone 1700000000123").is_empty());
    assert!(found("12345678901234567890").is_empty());
    assert!(found("id 550e8400-e29b-41d4-a716-446655440000").is_empty());
    assert!(found("blk_-1608999687919862906 blk_7503483334202473044").is_empty());
    assert!(found("order 555-010-1234 and order #5550101234").is_empty());
    assert!(found("card 4111 1111 1111 1111").is_empty());
    assert!(found("[PHONE-1] [PHONE]").is_empty());
    assert!(found("call 20240115").is_empty());
    // Long groups in a three-group run must not overflow the date check.
    assert!(found("999999999999 9 99").is_empty());
    assert!(found("12 34 999999999").is_empty());
    assert!(found("081111 000037 17163 INFO dfs.DataNode").is_empty());
    assert!(found("(call 1) (flags = 00000004, progress = NULL)").is_empty());
    assert!(found("hash <01faa200 00000000 0000>").is_empty());
    assert!(found(r#""text": "ERROR 1045 (28000): Access denied"#).is_empty());
}

/// Every new category through the whole engine: found, replaced, no residual, and the
/// output is stable when sanitized again.
#[test]
fn engine_round_trip_all_new_categories() {
    let text = "Call +44 20 7946 0958 or (555) 010-1234 x204.\n\
        card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32\n\
        SSN 123-45-6789, NINO AB123456C, mac 00:a2:ee:1a:71:8c\n\
        location: 48.8584, 2.2945 at 2024-01-15 10:20:30 blk_-1608999687919862906\n";
    let engine = crate::Engine::new(crate::Policy::default()).unwrap();
    let once = engine.sanitize(text);
    for cat in [
        Category::Phone,
        Category::Card,
        Category::Iban,
        Category::UsSsn,
        Category::UkNino,
        Category::Mac,
        Category::Coordinates,
    ] {
        assert!(
            once.report.counts.get(&cat).is_some_and(|&n| n >= 1),
            "{cat:?}: {}",
            once.text
        );
    }
    assert_eq!(once.report.residual, 0, "{}", once.text);
    assert!(once
        .text
        .contains("2024-01-15 10:20:30 blk_-1608999687919862906"));
    let twice = engine.sanitize(&once.text);
    assert_eq!(twice.report.findings, 0, "{}", twice.text);
    assert_eq!(twice.text, once.text);
}

/// Pseudo-random strings over the characters these scanners care about must never make
/// any built-in detector panic or report a span off char boundaries.
#[test]
fn no_panic_on_noise() {
    let alphabet: Vec<char> = "0123456789 +-./()x:,#_ABNSEWab°'\"\n테€é".chars().collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let detectors = crate::detect::builtin();
    for _ in 0..20_000 {
        let len = (seed % 60) as usize;
        let mut text = String::new();
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        for d in &detectors {
            let mut out = Vec::new();
            d.detect(&text, &mut out);
            for f in out {
                assert!(f.start < f.end && f.end <= text.len(), "{text:?}");
                assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            }
        }
    }
}
