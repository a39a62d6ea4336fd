//! Replacement strategies, mapping/restore and the report, through the public API.
#![cfg(not(target_arch = "wasm32"))]

use logscrub::{restore, Category, Engine, Error, Mapping, Policy, Strategy};

const KEY: &[u8] = b"an example key of 32 bytes long!";

const LOG: &str = "\
[10:01] Customer: hi, I am Bob@Contoso.com, writing from 10.1.2.3 (also 10.1.2.99)
[10:02] Agent: thanks bob@contoso.com, we also saw eve@fabrikam.org on 172.16.5.4
[10:03] Agent: IPv6 2a00:1450:4001:81c::200e and 2a00:1450:4001:1::1, old box 2A00:1450:4001:81C:0:0:0:200E
";

fn engine(strategy: &str) -> Engine {
    let policy = Policy::from_json(&format!(r#"{{"default_strategy":"{strategy}"}}"#)).unwrap();
    if strategy == "hash" {
        Engine::with_key(policy, KEY).unwrap()
    } else {
        Engine::new(policy).unwrap()
    }
}

fn all_strategies() -> impl Iterator<Item = Strategy> {
    Strategy::ALL.into_iter()
}

#[test]
fn numbered_is_consistent_on_normalised_values() {
    let out = engine("numbered").sanitize(LOG);
    assert_eq!(
        out.text,
        "\
[10:01] Customer: hi, I am [EMAIL-1], writing from [IPV4-1] (also [IPV4-2])
[10:02] Agent: thanks [EMAIL-1], we also saw [EMAIL-2] on [IPV4-3]
[10:03] Agent: IPv6 [IPV6-1] and [IPV6-2], old box [IPV6-1]
"
    );
    assert_eq!(out.mapping.len(), 7);
    assert_eq!(out.report.residual, 0);
}

#[test]
fn every_strategy_has_a_clean_leak_check_and_is_idempotent() {
    for s in all_strategies() {
        let e = engine(s.id());
        let once = e.sanitize(LOG);
        assert_eq!(
            once.report.residual, 0,
            "{s:?}: {:?}",
            once.report.residuals
        );
        let domains = if s == Strategy::Partial {
            // Partial keeps the email domain and the /24 on purpose.
            vec!["bob@", "eve@", "81c::200e"]
        } else {
            vec!["contoso", "fabrikam", "10.1.2.3", "172.16.5.4", "81c::200e"]
        };
        for original in domains {
            assert!(
                !once.text.to_lowercase().contains(original),
                "{s:?} leaks {original}: {}",
                once.text
            );
        }
        let twice = e.sanitize(&once.text);
        assert_eq!(twice.text, once.text, "{s:?} is not idempotent");
        assert_eq!(twice.report.residual, 0, "{s:?}");
        assert_eq!(
            once.report.strategy_counts.get(&s).copied(),
            Some(once.report.findings),
            "{s:?}"
        );
    }
}

#[test]
fn mask_keeps_shape() {
    let out = engine("mask").sanitize(LOG);
    assert!(out
        .text
        .contains("I am b***@c******.com, writing from 10.1.***.***"));
    assert!(out.text.contains("2a00:1450:****:****:****:****:****:****"));
    assert!(out.mapping.is_empty());
    assert_eq!(
        out.report.not_restorable,
        [Category::Email, Category::Ipv4, Category::Ipv6]
    );
}

#[test]
fn partial_keeps_domain_and_subnets() {
    let out = engine("partial").sanitize(LOG);
    assert!(out.text.contains(
        "I am [EMAIL-1]@contoso.com, writing from 10.1.2.[IPV4-1] (also 10.1.2.[IPV4-2])"
    ));
    assert!(out.text.contains("thanks [EMAIL-1]@contoso.com"));
    assert!(out
        .text
        .contains("IPv6 2a00:1450:4001:[IPV6-1] and 2a00:1450:4001:[IPV6-2]"));
}

#[test]
fn fakes_are_realistic_and_keep_subnets() {
    let out = engine("fake").sanitize(LOG);
    assert_eq!(
        out.text,
        "\
[10:01] Customer: hi, I am user1@example.invalid, writing from 192.0.2.3 (also 192.0.2.99)
[10:02] Agent: thanks user1@example.invalid, we also saw user2@example.invalid on 198.51.100.4
[10:03] Agent: IPv6 2001:db8:1::1 and 2001:db8:1::2, old box 2001:db8:1::1
"
    );
    // Fakes still parse as what they replace.
    assert!("198.51.100.4".parse::<std::net::Ipv4Addr>().is_ok());
}

#[test]
fn documentation_values_are_found_by_default_and_can_be_allowed() {
    let text = "from alice@example.com at 192.0.2.10 and 2001:db8::5";
    let out = engine("numbered").sanitize(text);
    assert_eq!(out.text, "from [EMAIL-1] at [IPV4-1] and [IPV6-1]");
    let p = Policy::from_json(r#"{"allow_documentation_values":true}"#).unwrap();
    let out = Engine::new(p).unwrap().sanitize(text);
    assert_eq!(out.text, text);
    assert_eq!(out.report.allowlisted, 3);
    // Under `fake`, values shaped like our fakes are fixed points: kept, not counted as
    // leaks, no mapping entry (that is what makes a second pass change nothing).
    let out = engine("fake").sanitize(text);
    assert_eq!(
        out.text,
        "from user1@example.invalid at 192.0.2.10 and 2001:db8::5"
    );
    assert_eq!(out.report.residual, 0);
    assert_eq!(out.mapping.len(), 1);
}

#[test]
fn hash_needs_a_key_and_is_stable_across_engines() {
    let p = Policy::from_json(r#"{"strategies":{"email":"hash"}}"#).unwrap();
    match Engine::new(p.clone()) {
        Err(Error::Key(m)) => assert!(m.contains("email"), "{m}"),
        Err(e) => panic!("wrong error {e}"),
        Ok(_) => panic!("hash without a key must be refused"),
    }
    assert!(matches!(
        Engine::with_key(p.clone(), b"short"),
        Err(Error::Key(_))
    ));
    let a = Engine::with_key(p.clone(), KEY)
        .unwrap()
        .sanitize("x Bob@Contoso.com y");
    let b = Engine::with_key(p.clone(), KEY)
        .unwrap()
        .sanitize("other doc bob@contoso.com");
    let a_tok = a.text.split(' ').nth(1).unwrap().to_string();
    assert!(a_tok.starts_with("[EMAIL:") && a_tok.len() == 16, "{a_tok}");
    assert!(b.text.ends_with(&a_tok));
    let c = Engine::with_key(p, b"another key, also 32 bytes long!")
        .unwrap()
        .sanitize("x Bob@Contoso.com y");
    assert_ne!(c.text, a.text);
    // The key never appears in the policy or the report.
    assert!(!serde_json::to_string(&a.report)
        .unwrap()
        .contains("example key"));
}

#[test]
fn remove_and_label() {
    assert_eq!(engine("remove").sanitize("a b@c.com d").text, "a  d");
    assert_eq!(engine("label").sanitize("a b@c.com d").text, "a [EMAIL] d");
}

#[test]
fn restore_round_trips_restorable_strategies() {
    for s in ["numbered", "partial", "fake", "hash"] {
        let out = engine(s).sanitize(LOG);
        let json = out.mapping.to_json();
        let mapping = Mapping::from_json(&json).unwrap();
        let (back, unknown) = restore(&out.text, &mapping);
        // Case variants of one value come back as its first spelling.
        let expected = LOG
            .replace("bob@contoso.com", "Bob@Contoso.com")
            .replace("2A00:1450:4001:81C:0:0:0:200E", "2a00:1450:4001:81c::200e");
        assert_eq!(back, expected, "{s}");
        assert!(unknown.is_empty(), "{s}: {unknown:?}");
    }
}

#[test]
fn restore_a_reply() {
    let out = engine("numbered").sanitize(LOG);
    let reply = "We blocked [IPV4-3] and wrote to [EMAIL-2]; who is [EMAIL-9]? [INFO] [PHONE]";
    let (text, unknown) = restore(reply, &out.mapping);
    assert_eq!(
        text,
        "We blocked 172.16.5.4 and wrote to eve@fabrikam.org; who is [EMAIL-9]? [INFO] [PHONE]"
    );
    assert_eq!(unknown, ["[EMAIL-9]", "[PHONE]"]);
}

#[test]
fn mapping_json_shape() {
    let out = engine("numbered").sanitize("a@b.com");
    let v: serde_json::Value = serde_json::from_str(&out.mapping.to_json()).unwrap();
    assert_eq!(
        v,
        serde_json::json!({"version":1,"entries":[
            {"replacement":"[EMAIL-1]","original":"a@b.com","category":"email"}]})
    );
}

#[test]
fn report_has_hashes_fingerprint_and_no_values_unless_asked() {
    let e = engine("numbered");
    let out = e.sanitize(LOG);
    let r = &out.report;
    assert_eq!(r.policy_fingerprint, e.policy().fingerprint());
    use sha2::{Digest, Sha256};
    let hex = |b: &[u8]| -> String {
        Sha256::digest(b)
            .iter()
            .map(|x| format!("{x:02x}"))
            .collect()
    };
    assert_eq!(r.input_sha256, hex(LOG.as_bytes()));
    assert_eq!(r.output_sha256, hex(out.text.as_bytes()));
    assert_eq!(r.finding_list.len(), r.findings);
    assert_eq!(r.counts[&Category::Email], 3);
    assert_eq!(r.strategy_counts[&Strategy::Numbered], r.findings);
    let f = &r.finding_list[0];
    assert_eq!(
        (f.category, f.rule.as_str()),
        (Category::Email, "email.plain")
    );
    assert_eq!(&LOG[f.start..f.end], "Bob@Contoso.com");
    let json = serde_json::to_string(r).unwrap();
    assert!(!json.to_lowercase().contains("contoso"), "{json}");
    let with = e.sanitize_with_values(LOG);
    assert_eq!(
        with.report.finding_list[0].value.as_deref(),
        Some("Bob@Contoso.com")
    );
}

#[test]
fn streaming_matches_whole_text_for_every_strategy() {
    let big: String = (0..3000)
        .map(|i| {
            format!(
                "line {i} user{}@corp{}.com from 10.{}.{}.{} ok\n",
                i % 97,
                i % 7,
                i % 5,
                i % 11,
                i % 250
            )
        })
        .collect();
    for s in all_strategies() {
        let e = engine(s.id());
        let whole = e.sanitize(&big);
        let mut stream = e.stream();
        let mut out = String::new();
        for chunk in big.as_bytes().chunks(7_777) {
            out.push_str(&stream.feed(std::str::from_utf8(chunk).unwrap()));
        }
        let fin = stream.finish();
        out.push_str(&fin.text);
        assert_eq!(out, whole.text, "{s:?}");
        assert_eq!(fin.mapping, whole.mapping, "{s:?}");
        assert_eq!(
            fin.report.output_sha256, whole.report.output_sha256,
            "{s:?}"
        );
        assert_eq!(fin.report.input_sha256, whole.report.input_sha256, "{s:?}");
    }
}

/// Java prints sockets as `0:0:0:0:0:0:0:0:2181`; a compressed fake (`2001:db8:1::1`) followed
/// by `:2181` would read as a longer, different address and be found again.
#[test]
fn regression_fake_ipv6_before_a_port_stays_uncompressed() {
    let e = engine("fake");
    let out = e.sanitize("bind /0:0:0:0:0:0:0:0:2181 ok");
    assert_eq!(out.text, "bind /2001:db8:1:0:0:0:0:1:2181 ok");
    assert_eq!(out.report.residual, 0);
    assert_eq!(e.sanitize(&out.text).text, out.text);
}

/// A value found in one segment of a stream and not detected by itself in a later one (here
/// after a version word) is replaced there too, as in the whole text: no residual either way.
#[test]
fn stream_replaces_values_found_in_earlier_segments() {
    let e = engine("numbered");
    let text = "from 10.0.0.1\nfiller line\nversion 10.0.0.1\n";
    let whole = e.sanitize(text);
    assert_eq!(whole.text, "from [IPV4-1]\nfiller line\nversion [IPV4-1]\n");
    assert_eq!(whole.report.residual, 0);
    let mut s = e.stream().with_segment_size(1);
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        out.push_str(&s.feed(line));
    }
    let fin = s.finish();
    out.push_str(&fin.text);
    assert_eq!(out, whole.text);
    assert_eq!(fin.report.residual, 0);
}

/// Values glued to a replaced one (fuzz input, issue 7): the first run finds what a second
/// run would, and its leak check is clean.
#[test]
fn regression_issue_7_values_glued_to_a_replaced_one() {
    let engine = Engine::new(Policy::default()).unwrap();
    for text in [
        "Customer: jane.ro\u{fffd}@ane.ro\u{fffd}@contoso.com>",
        "flag:6 676%I66\u{fffd}@om.66666676%I66\u{fffd}@om.6666:6",
        "Customer: e@co.o.\u{fffd}\u{fffd}@con.s(ocom>",
        "Customer: <jane.roe@contoso.co,+2 415 555 010.t: hi",
        "x :666666666113264:66666666611326434 y",
    ] {
        let once = engine.sanitize(text);
        assert!(
            once.report.residuals.is_empty(),
            "{text:?}: {:?}",
            once.text
        );
        let twice = engine.sanitize(&once.text);
        assert_eq!(twice.text, once.text, "{text:?}");
    }
}
