//! Detection on realistic support data, through the public API: what must be found and what
//! must be left alone (issue 13).
#![cfg(not(target_arch = "wasm32"))]

use logscrub::{Engine, Policy};

fn sanitize(text: &str) -> String {
    let engine = Engine::new(Policy::default()).expect("default policy");
    engine.sanitize(text).text
}

/// Asserts that none of `secrets` survives in the sanitized `text`.
fn removed(text: &str, secrets: &[&str]) {
    let out = sanitize(text);
    for s in secrets {
        assert!(!out.contains(s), "{s:?} survives in {out:?}");
    }
}

/// Asserts that every one of `kept` is still in the sanitized `text`.
fn kept(text: &str, kept: &[&str]) {
    let out = sanitize(text);
    for k in kept {
        assert!(out.contains(k), "{k:?} was replaced in {out:?}");
    }
}

#[test]
fn regression_issue_13_authorization_credential_after_any_scheme() {
    let cases = [
        (
            "curl -H \"Authorization: Api-Token 22cb987851bc5659l29114c62e60c79abd0d2c08\" --request PUT https://api.example.net/v1/x",
            "22cb987851bc5659l29114c62e60c79abd0d2c08",
        ),
        ("Authorization: Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b", "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"),
        ("Proxy-Authorization: SSWS 00QCjAl4MlV-WPXM0123456789abcdefghijk", "00QCjAl4MlV-WPXM0123456789abcdefghijk"),
        ("Authorization: Bearer abcdefghijklmnop", "abcdefghijklmnop"),
        ("authorization: basic dXNlcjpwYXNzd29yZA==", "dXNlcjpwYXNzd29yZA=="),
        ("{\"headers\": {\"Authorization\": \"Api-Key 1234567890abcdef\"}}", "1234567890abcdef"),
    ];
    for (text, secret) in cases {
        let out = sanitize(text);
        assert!(!out.contains(secret), "{secret:?} survives in {out:?}");
        assert!(!out.contains("[SECRET-1]-Token"), "{out:?}");
    }
    // The scheme word stays readable.
    assert!(sanitize(cases[0].0).contains("Api-Token [SECRET-1]"));
}

#[test]
fn regression_issue_13_authorization_digest_parameters() {
    let text = "Authorization: Digest username=\"mufasa\", realm=\"api@host\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", response=\"6629fae49393a05397450978507c4ef1\"\nnext line";
    let out = sanitize(text);
    assert_eq!(out, "Authorization: Digest [SECRET-1]\nnext line");
}

#[test]
fn regression_issue_13_known_format_tokens_with_regular_bodies() {
    removed(
        "slack bot: xoxb-123456789012-1234567890123-Xw93abcde7qtWSXJss1lFaKe\n\
         stripe: sk_live_4eC39HqLyj12345arjtT1zdp7dc rk_live_51Hx9abcdeQ2pLm8sVt0WzYb3\n\
         restricted: rk_prod_51OuEMLAlTWGaDypquDn9aZigaJOsa9NR1w1BxZXs9JlYsVVkv5XDu6a\n\
         google: AIzaSyNHxIf32IQ1a1yjl3ZJIqKZqzLAK1XhDk-\n\
         hook https://hooks.slack.com/workflows/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\n\
         hook https://hooks.slack.com/triggers/T0123ABCD/1234567890123/b9c8d7e6f5a4b3c2d1e0f9a8\n\
         anthropic: sk-ant-api03-abc123xyz-456def789ghij-klmnopqrstuvwx-3456yza789bcde-1234fghijklmnopby56aaaogaopaaaabc123xyzAA\n",
        &[
            "Xw93abcde7qtWSXJss1lFaKe",
            "4eC39HqLyj12345arjtT1zdp7dc",
            "51Hx9abcdeQ2pLm8sVt0WzYb3",
            "51OuEMLAlTWGaDypquDn9aZigaJOsa9NR1w1BxZXs9JlYsVVkv5XDu6a",
            "AIzaSyNHxIf32IQ1a1yjl3ZJIqKZqzLAK1XhDk",
            "442660231806210747",
            "b9c8d7e6f5a4b3c2d1e0f9a8",
            "klmnopqrstuvwx",
        ],
    );
}

#[test]
fn regression_issue_13_placeholder_tokens_are_kept_by_a_placeholder_rule() {
    kept(
        "SLACK_BOT_TOKEN=xoxb-your-token-here\n\
         see xoxe.xoxp-1-SlackAppConfigurationAccessTokenHere in the docs\n\
         runner GR1348941XXXXXXXXXXXXXXXXXXXX and GR134894112312312312312312312\n\
         photo https://example.org/images/2018-250-xoxo-indieweb-1.jpg\n\
         -----BEGIN PRIVATE KEY-----\nanything\n-----END PRIVATE KEY-----\n",
        &[
            "xoxb-your-token-here",
            "SlackAppConfigurationAccessTokenHere",
            "GR1348941XXXXXXXXXXXXXXXXXXXX",
            "GR134894112312312312312312312",
            "xoxo-indieweb-1",
            "anything",
        ],
    );
}

#[test]
fn regression_issue_13_density_suffixed_images_are_not_emails() {
    let text = "[10:02] Agent: the header uses image@2x.png, the footer logo@3x.png and \
                the profile avatar@1.5x.jpg (icons/close@2X.SVG too); write to help@example.com\n";
    let out = sanitize(text);
    for kept in [
        "image@2x.png",
        "logo@3x.png",
        "avatar@1.5x.jpg",
        "close@2X.SVG",
    ] {
        assert!(out.contains(kept), "{kept:?} replaced in {out:?}");
    }
    assert!(!out.contains("help@example.com"), "{out:?}");
    // A real domain that starts with a digit and an x stays an address.
    assert!(!sanitize("mail ops@2x.io now").contains("ops@2x.io"));
}

#[test]
fn regression_issue_13_user_agent_is_not_redacted() {
    let ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
    let line = format!(
        "{{\"id\": 90211, \"ticket_id\": 48213, \"public\": true, \"body\": \"My export fails\", \
         \"metadata\": {{\"system\": {{\"client\": \"{ua}\", \"ip_address\": \"203.0.113.77\"}}}}}}\n"
    );
    let out = sanitize(&line);
    assert!(out.contains(ua), "user agent changed: {out}");
    assert!(!out.contains("203.0.113.77"), "{out}");
    // The same string in a log line: versions are not addresses.
    let log = format!("2024-03-02 10:11:12 GET /api/export 500 ua=\"{ua}\" from 198.51.100.23\n");
    let out = sanitize(&log);
    assert!(out.contains("Chrome/120.0.0.0"), "{out}");
    assert!(!out.contains("198.51.100.23"), "{out}");
    assert!(sanitize("Browser: Chrome 121.0.0.0 on Windows 10").contains("121.0.0.0"));
}

#[test]
fn regression_issue_13_key_value_ends_at_the_escaped_closing_quote() {
    let cases = [
        (
            "{\"body\": \"config password=\\\"abc123\", \"owner\": \"ops-team\", \"region\": \"eu-west-1\"}\n",
            "abc123",
            "\", \"owner\": \"ops-team\", \"region\": \"eu-west-1\"}",
        ),
        (
            "{\"html_body\": \"<p>password: &quot;Winter2024!</p><p>Region eu-west-1, plan pro</p>\"}\n",
            "Winter2024!",
            "</p><p>Region eu-west-1, plan pro</p>\"}",
        ),
        (
            "{\"html_body\": \"<p>secret: &quot;Sp1ng-2024&quot;, region: &quot;eu-west-1&quot;</p>\"}\n",
            "Sp1ng-2024",
            "&quot;, region: &quot;eu-west-1&quot;</p>\"}",
        ),
    ];
    for (text, secret, rest) in cases {
        let out = sanitize(text);
        assert!(!out.contains(secret), "{secret:?} survives in {out:?}");
        assert!(out.contains(rest), "neighbouring fields swallowed: {out:?}");
    }
}

#[test]
fn regression_issue_13_phone_word_nearer_than_a_veto_word() {
    let text = "VIP account, owner Chloé Smith, direct line +1 949 553 5139.\n";
    assert!(!sanitize(text).contains("949 553 5139"));
    let text = "Account 48213 escalated; customer mobile 06 53 11 50 33\n";
    assert!(!sanitize(text).contains("06 53 11 50 33"));
    // An identifier word right before a number still wins, and a vague word (`number`)
    // nearer than an identifier word does not make a phone.
    assert!(sanitize("account 0653115033 closed").contains("0653115033"));
    assert!(sanitize("my driver's license number is 2270-66-1551").contains("2270-66-1551"));
}

#[test]
fn regression_issue_13_french_national_numbers() {
    let text = "[14:03] Customer: you can reach me at 0653115033 or at 06 53 11 50 33 after 6pm\n";
    let out = sanitize(text);
    assert!(!out.contains("0653115033"), "{out}");
    assert!(!out.contains("06 53 11 50 33"), "{out}");
}

#[test]
fn regression_issue_13_phone_after_a_json_newline_escape() {
    let text = "{\"id\": 77, \"public\": true, \"body\": \"Hi, please call me back.\\n+44 161 444 3430\\nThanks\"}\n";
    let out = sanitize(text);
    assert!(!out.contains("161 444 3430"), "{out}");
    assert!(
        !out.contains("+44"),
        "the country code was left behind: {out}"
    );
    let text = "{\"id\": 78, \"public\": true, \"body\": \"Mobile:\\n0653115033\"}\n";
    assert!(!sanitize(text).contains("0653115033"));
}

#[test]
fn regression_issue_13_phones_keep_log_precision() {
    // Timestamps, epoch times, ids and versions next to the new layouts stay as they are.
    let log = "\
2024-03-02 10:11:12,345 INFO job 0653115 done in 1709374272 ms (build 120.0.6099.109)
ts=1709374272123 order=0612345678901 trace=05321234567890 v=532.123.45.67.8
pid 01234 at 192.168.10.10 uptime 1709374272
";
    assert_eq!(
        sanitize(log).matches("[PHONE").count(),
        0,
        "{}",
        sanitize(log)
    );
}

#[test]
fn regression_issue_13_versions_coordinates_ids_and_files_are_not_secrets() {
    let log = "\
[DEBUG]    org.slf4j.slf4j-api:jar:1.7.8:compile (version managed from default)
[DEBUG]    org.example.auth-api:jar:3.5.12:test
notes = \"Maven - io.jsonwebtoken:jjwt-jackson-0.11.2\"
withCredentials([usernamePassword(credentialsId: '29f63271-dc2f-4734-8221-5b31b5169bac')])
<SourceFile TokenFile=\"RTL_INST_CODE.cer\"/>
<entry key=\"com.example.feature_flag\" value=\"on\" />
\"bucket_key\": \"SalesResults-1.2\"
csrf-token=Mj2qykJO5rELyHgezQ69nzUX0i3OH67V7+V4eUrLfpuyOuxmiW9rhROG
";
    let out = sanitize(log);
    for kept in [
        "jar:1.7.8:compile",
        "jar:3.5.12:test",
        "jjwt-jackson-0.11.2",
        "29f63271-dc2f-4734-8221-5b31b5169bac",
        "RTL_INST_CODE.cer",
        "com.example.feature_flag",
        "SalesResults-1.2",
        "Mj2qykJO5rELyHgezQ69nzUX0i3OH67V7",
    ] {
        assert!(out.contains(kept), "{kept:?} replaced in {out}");
    }
    // The same keys with a secret value are still found.
    let out =
        sanitize("api_token_2 = \"zKdphfQ1ALpAS3risGNxxO86l8crXjxy\"\npassword: Winter2024.1!\n");
    assert!(!out.contains("zKdphfQ1ALpAS3risGNxxO86l8crXjxy"), "{out}");
    assert!(!out.contains("Winter2024"), "{out}");
}

#[test]
fn regression_issue_13_broadcast_and_zero_macs_are_not_personal() {
    let out = sanitize("arp: who-has 10.0.0.7 tell ff:ff:ff:ff:ff:ff from 00:00:00:00:00:00 via 00:1a:2b:3c:4d:5e\n");
    assert!(
        out.contains("ff:ff:ff:ff:ff:ff") && out.contains("00:00:00:00:00:00"),
        "{out}"
    );
    assert!(!out.contains("00:1a:2b:3c:4d:5e"), "{out}");
}

#[test]
fn regression_issue_13_dashed_iban_and_card_after_a_whole_number() {
    let out = sanitize("refund to AL47-2121-1009-0000-0002-3569-8741 today\n");
    assert!(!out.contains("3569-8741"), "{out}");
    let out = sanitize("cards 4012888888881881 4012-8888-8888-1881 4012 8888 8888 1881\n");
    assert!(!out.contains("4012-8888-8888-1881"), "{out}");
    assert_eq!(out.matches("[CARD").count(), 3, "{out}");
}
