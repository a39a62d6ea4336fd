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
        "slack bot: xoxb-123456789012-1234567890123-abcdefghijklmnopqrstuvwx\n\
         stripe: sk_live_1234567890abcdefghijklmn rk_live_abcdefghijklmnop12345678\n\
         restricted: rk_prod_51OuEMLAlTWGaDypquDn9aZigaJOsa9NR1w1BxZXs9JlYsVVkv5XDu6a\n\
         google: AIzaSyNHxIf32IQ1a1yjl3ZJIqKZqzLAK1XhDk-\n\
         hook https://hooks.slack.com/workflows/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\n\
         hook https://hooks.slack.com/triggers/T0123ABCD/1234567890123/abcdefabcdefabcdefabcdef\n\
         anthropic: sk-ant-api03-abc123xyz-456def789ghij-klmnopqrstuvwx-3456yza789bcde-1234fghijklmnopby56aaaogaopaaaabc123xyzAA\n",
        &[
            "1234567890abcdefghijklmn",
            "abcdefghijklmnop12345678",
            "51OuEMLAlTWGaDypquDn9aZigaJOsa9NR1w1BxZXs9JlYsVVkv5XDu6a",
            "AIzaSyNHxIf32IQ1a1yjl3ZJIqKZqzLAK1XhDk",
            "442660231806210747",
            "1234567890123/abcdef",
            "1234567890123-abcdefghijklmnopqrstuvwx",
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
