use super::rules::{Kind, TOKENS};
use super::shapes::{bech32_polymod, bech32_valid, looks_fake, BECH32_CHARSET};
use super::tokens::{
    cand_mask, has_run, mid_word, token_mask, MID_BIGRAMS, MIN_TOKEN, TOKEN_BYTE, WORD_BYTE,
};
use super::*;

fn found(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    SecretDetector.detect(text, &mut out);
    out.sort_by_key(|f| f.start);
    out.iter().map(|f| &text[f.start..f.end]).collect()
}

#[test]
fn prefixed_tokens() {
    let gh = "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
    assert_eq!(found(&format!("token {gh} end")), [gh]);
    assert_eq!(found("id AKIAIOSFODNN7EXAMPLF,"), ["AKIAIOSFODNN7EXAMPLF"]);
    let slack = "xoxb-2039482-2093840923-Afo93jfDk3";
    assert_eq!(found(slack), [slack]);
    let stripe = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";
    assert_eq!(found(&format!("\"{stripe}\"")), [stripe]);
    let google = "AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI";
    assert_eq!(found(google), [google]);
    let tg = "508627689:AAEuLPKs-EhrjrYGnz60bnYNZqakf6HJxc0";
    assert_eq!(found(&format!("bot {tg}")), [tg]);
    assert_eq!(
        found("\x1b[93msk-615ef152bf865a131f88b23571dc4ee6\x1b[0m"),
        ["sk-615ef152bf865a131f88b23571dc4ee6"]
    );
}

/// A valid bech32 age secret key from 52 data values.
fn age_key(seed: u8) -> String {
    let hrp = b"age-secret-key-";
    let data: Vec<u8> = (0..52u8)
        .map(|i| i.wrapping_mul(7).wrapping_add(seed) % 32)
        .collect();
    let pm = bech32_polymod(hrp, data.iter().copied().chain([0u8; 6])) ^ 1;
    let check = (0..6).map(|i| ((pm >> (5 * (5 - i))) & 31) as u8);
    let body: String = data
        .iter()
        .copied()
        .chain(check)
        .map(|v| BECH32_CHARSET[usize::from(v)].to_ascii_uppercase() as char)
        .collect();
    format!("AGE-SECRET-KEY-1{body}")
}

#[test]
fn jfrog_api_keys_are_base58() {
    const B58: &[u8] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    let body: String = (0..69)
        .map(|i| B58[(i * 7 + 3) % B58.len()] as char)
        .collect();
    let key = format!("AKCp{body}");
    assert_eq!(found(&format!("jfrog {key} ok")), [key.as_str()]);
    // One character outside the base58 alphabet: not a key JFrog issued.
    for bad in ['0', 'O', 'I', 'l'] {
        let fake = format!("AKCp{}{bad}", &body[..68]);
        assert!(found(&format!("jfrog {fake} ok")).is_empty(), "{fake}");
    }
}

#[test]
fn age_keys_need_their_checksum() {
    for seed in [1, 5, 11] {
        let key = age_key(seed);
        assert!(bech32_valid(b"age-secret-key-", &key.as_bytes()[16..]));
        let text = format!("age: {key}");
        assert_eq!(found(&text), vec![key.as_str()], "{key}");
        // One character changed: the checksum fails.
        let mut bad = key.clone().into_bytes();
        let last = bad.len() - 1;
        bad[last] = if bad[last] == b'Q' { b'P' } else { b'Q' };
        let bad = String::from_utf8(bad).unwrap();
        assert!(!bech32_valid(b"age-secret-key-", &bad.as_bytes()[16..]));
        assert!(found(&format!("{bad} x")).is_empty(), "{bad}");
    }
}

#[test]
fn weak_keys_and_glued_keys() {
    // A template value after a weak key (five ascending letters), not a secret.
    assert!(found("Activation key : QWERT-ASDFG-ZXCVB-POIUY-FGHIJ").is_empty());
    assert!(found("license key: XXXXXX-XXXXXX-XXXXXX").is_empty());
    // ... but a random one is.
    assert_eq!(
        found("Activation key : QWERT-ASDFG-ZXCVB-POIUY-FGHIX"),
        vec!["QWERT-ASDFG-ZXCVB-POIUY-FGHIX"]
    );
    assert_eq!(
        found("api_key=aKdfjQwlErtyuiopZx"),
        vec!["aKdfjQwlErtyuiopZx"]
    );
    assert!(looks_fake(b"ab12345x") && looks_fake(b"xxKLMNOx") && !looks_fake(b"KLMNX"));
    // A key name glued to a closing bracket (uuencoded noise) is not one.
    assert!(found("M[@%]PW:2Z.Q?2M^S;`4G?E0C").is_empty());
    assert!(found("x)password=hunter22").is_empty());
    // Quotes around a key are fine.
    assert_eq!(found("\"pw\": \"hunter22\""), vec!["hunter22"]);
}

#[test]
fn mid_word_bigrams() {
    let mut want: Vec<[u8; 2]> = TOKENS
        .iter()
        .filter(|t| mid_word(t.kind))
        .map(|t| [t.pat.as_bytes()[0], t.pat.as_bytes()[1]])
        .collect();
    want.sort();
    want.dedup();
    let mut have = MID_BIGRAMS.to_vec();
    have.sort();
    assert_eq!(have, want);
    // Every other pattern starts with a word byte (found at word starts), and every
    // token is at least MIN_TOKEN long.
    for t in TOKENS
        .iter()
        .filter(|t| !mid_word(t.kind) && t.kind != Kind::Pem)
    {
        assert!(WORD_BYTE[usize::from(t.pat.as_bytes()[0])], "{}", t.pat);
    }
    for t in TOKENS
        .iter()
        .filter(|t| matches!(t.kind, Kind::Token | Kind::Tail | Kind::Suffix))
    {
        assert!(t.pat.len() + t.min >= MIN_TOKEN, "{}", t.pat);
        assert!(
            t.pat.bytes().all(|c| TOKEN_BYTE[usize::from(c)]),
            "{}",
            t.pat
        );
    }
}

#[test]
fn block_masks() {
    let text: Vec<u8> = (0..=255u8).cycle().take(320).collect();
    let m = token_mask(&text[..64]);
    for (i, &c) in text[..64].iter().enumerate() {
        assert_eq!(m >> i & 1 == 1, c.wrapping_sub(0x21) < 0x5e, "{i}");
        assert!(!TOKEN_BYTE[usize::from(c)] || m >> i & 1 == 1);
    }
    for k in [64, 128, 192, 256] {
        let m = token_mask(&text[k..k + 64]);
        for (i, &c) in text[k..].iter().take(64).enumerate() {
            assert_eq!(m >> i & 1 == 1, c.wrapping_sub(0x21) < 0x5e, "{k} {i}");
        }
    }
    assert!(has_run(0b11_1111_1111_1111 << 20));
    assert!(!has_run(0b1_1111_1111_1111 << 20 | 1 << 34));
    let s = b"ab cd_ef mNRx-u:AQ~.aUFUkBS";
    let m = cand_mask(s, 0);
    let got: Vec<usize> = (0..s.len()).filter(|&i| m >> i & 1 == 1).collect();
    // Word starts (`_ef` is inside a word; `N` follows `m`), then -u, :A, Q~, .a,
    // UF, Uk, BS and the word starts after `-`, `:`, `.`.
    assert_eq!(
        got,
        vec![0, 3, 9, 10, 13, 14, 15, 16, 17, 19, 20, 21, 23, 25]
    );
}

#[test]
fn tokens_at_block_edges() {
    let tok = "ghp_R8n2Kq7LmZ4xWv9TbC3yHs6PdJ1fGa5NeU0k";
    for pad in 0..140 {
        for sep in [" ", "\n", "x y ", "="] {
            let text = format!(
                "{}{sep}{tok} end",
                "a b ".repeat(pad / 4) + &"z".repeat(pad % 4)
            );
            let f = found(&text);
            assert!(f.contains(&tok), "pad {pad} sep {sep:?}: {f:?}");
        }
    }
    // Glued to a word: never.
    for pad in 0..70 {
        let text = format!("{}x{tok}", " ".repeat(pad));
        assert!(found(&text).is_empty(), "{pad}");
    }
}

#[test]
fn prefixed_negatives() {
    assert!(found("the task-manager and risk-assessment-framework-v2").is_empty());
    assert!(found("ASIAN markets, AKIA is short").is_empty());
    assert!(found("ghp_ is the prefix").is_empty());
    assert!(found("dckr_pat_EXAMPLE-EXAMPLE-EXAMPLE-123").is_empty());
    assert!(found("AC123456E2A108CD72F648B1984C3B5A13").is_empty());
}

#[test]
fn jwt() {
    let j = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    assert_eq!(found(&format!("jwt={j}&x")), [j]);
    // Not a JWT header.
    assert!(found("eyJmb28iOiJiYXIifQ.eyJzdWIiOiIxIn0.abc").is_empty());
}

#[test]
fn authorization_headers() {
    assert_eq!(
        found("Authorization: Bearer eyJGRpVu1c2VzY2-823r_db32hbf4W1lbj"),
        ["eyJGRpVu1c2VzY2-823r_db32hbf4W1lbj"]
    );
    assert_eq!(
        found("curl -H \"Authorization: Basic R2hyZG5oYzpycWVpIGVuZ2xiZg==\" http://x"),
        ["R2hyZG5oYzpycWVpIGVuZ2xiZg=="]
    );
    assert_eq!(
        found(r#"{"authorization": "Bearer abcDEF123456ghiJKL"}"#),
        ["abcDEF123456ghiJKL"]
    );
    assert!(found("Basic information about the account").is_empty());
}

#[test]
fn cookies_and_sessions() {
    assert_eq!(
        found("Cookie: JSESSIONID=1A2B3C4D5E6F7A8B; lang=en-US-x"),
        ["1A2B3C4D5E6F7A8B", "en-US-x"]
    );
    assert_eq!(
        found("Set-Cookie: sid=s%3Aabc123def456; Path=/; HttpOnly"),
        ["s%3Aabc123def456"]
    );
    assert_eq!(found("url;PHPSESSID=abc123def456ghi"), ["abc123def456ghi"]);
}

#[test]
fn key_value_forms() {
    assert_eq!(found("password=hunter22"), ["hunter22"]);
    assert_eq!(found("passwd: S3cr3t!x"), ["S3cr3t!x"]);
    assert_eq!(found(r#"{"password": "Prl23Db#@"}"#), ["Prl23Db#@"]);
    assert_eq!(found("api_key=AbC123dEf456"), ["AbC123dEf456"]);
    assert_eq!(
        found("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLF"),
        ["wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLF"]
    );
    assert_eq!(found("mysql --password Sne3sd8AZjq"), ["Sne3sd8AZjq"]);
    assert_eq!(found("mysql -u root -pSecret12"), ["Secret12"]);
    assert_eq!(found("mysql -u root -p'xyz12'"), ["xyz12"]);
    assert_eq!(found("curl -u admin:pa55word https://h"), ["pa55word"]);
    assert_eq!(found("ID:master,PW:dipPr10Gg!"), ["dipPr10Gg!"]);
    assert_eq!(found("CREATE USER u IDENTIFIED BY 'SqL5pw';"), ["SqL5pw"]);
    assert_eq!(found("ALTER ROLE x PASSWORD 'SqL5pw';"), ["SqL5pw"]);
    assert_eq!(found("client_secret: changeme"), ["changeme"]);
    assert_eq!(
        found("https://h/x?token=zUkITxodk63b&y=1"),
        ["zUkITxodk63b"]
    );
}

#[test]
fn regression_issue_3_prose_quotes_and_public_tokens() {
    assert!(found("my passwords 'buttons@host password: ', but I don't want").is_empty());
    assert!(found("Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a").is_empty());
    assert_eq!(found("password: 'pass word 9'").len(), 1);
}

#[test]
fn key_value_negatives() {
    for s in [
        "password=",
        "password: <password>",
        "password=***",
        "password=xxx",
        "password=${DB_PASSWORD}",
        "password=%s",
        "token: {{token}}",
        "password: null",
        "token=None",
        "secret: true",
        "password=[SECRET-1]",
        "the password is required",
        "password: is required",
        "Password: required field",
        "password_length: 12",
        "pass_mask32: 0x31c45018",
        "passengers: many",
        "author = \"M$Bn0Tf0YHD\"",
        "keyboard: qwerty123",
        "key: value",
        "request_id=5d41402abc4b2a76b9719d911017c592",
        "key: 1ace4d19-fa7e-b4e2-c3f0-9129474bcd81",
        "PASSWORD = os.environ.get(\"PASSWORD\")",
        "password = self.password",
        "#define PASSWORD 0x0dead1beef7cafe2",
        "curl -u \"$USER:$PASSWORD\" https://h",
    ] {
        assert!(found(s).is_empty(), "{s:?} -> {:?}", found(s));
    }
}

#[test]
fn pem_blocks() {
    let key = "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\nKUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQ==\n-----END RSA PRIVATE KEY-----";
    let text = format!("key:\n{key}\nafter");
    assert_eq!(found(&text), [key]);
    let public = "-----BEGIN PUBLIC KEY-----\nMFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf\n-----END PUBLIC KEY-----";
    assert!(found(public).is_empty());
    assert!(found("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----").is_empty());
    // Truncated: the base64 lines after BEGIN.
    let cut = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC";
    assert_eq!(found(&format!("{cut}\n\nnext line here")), [cut]);
}

#[test]
fn base64_pem() {
    let pem = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg\n-----END EC PRIVATE KEY-----\n";
    let enc = encode_b64(pem.as_bytes());
    assert_eq!(found(&format!("data: {enc}")), [enc.as_str()]);
}

fn encode_b64(d: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::new();
    for c in d.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for k in 0..4 {
            if k <= c.len() {
                s.push(A[((n >> (18 - 6 * k)) & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

#[test]
fn never_fires_on_placeholders() {
    for s in [
        "[SECRET-1] [SECRET-12] [URL_TOKEN-3] [EMAIL-1]",
        "password=[SECRET-3] token: [SECRET-4]",
        "Authorization: Bearer [SECRET-2]",
        "Cookie: sid=[SECRET-5]; x=[SECRET-6]",
    ] {
        assert!(found(s).is_empty(), "{s:?} -> {:?}", found(s));
    }
}

#[test]
fn utf8_safe() {
    // Multi-byte text around every anchor must not panic or split chars.
    for s in [
        "pässword=ünïcödé密码",
        "密码 password: 密码密码",
        "token=é",
        "AKIA密",
        "-----BEGIN PRIVATE KEY-----密",
        "eyJ密.x.y",
        "Cookie: a=密密密密",
    ] {
        let _ = found(s);
    }
}
