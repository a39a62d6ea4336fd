//! The binding, exercised in headless Chromium through wasm-bindgen-test.
#![cfg(target_arch = "wasm32")]

use logscrub::wasm::Scrubber;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
fn sanitizes_through_the_binding() {
    let s = Scrubber::new("", None).unwrap();
    let out = s
        .sanitize("Mail bob.smith@contoso.com from 203.0.113.9 or 2001:db8::1")
        .unwrap();
    assert_eq!(
        get(&out, "text").as_string().unwrap(),
        "Mail [EMAIL-1] from [IPV4-1] or [IPV6-1]"
    );
    let report = get(&out, "report");
    assert_eq!(get(&report, "residual").as_f64(), Some(0.0));
    let findings: js_sys::Array = get(&out, "findings").into();
    assert_eq!(findings.length(), 3);
}

#[wasm_bindgen_test]
fn utf16_offsets_are_for_javascript() {
    let s = Scrubber::new("", None).unwrap();
    let text = "😀 é a@b.com";
    let out = s.sanitize(text).unwrap();
    let findings: js_sys::Array = get(&out, "findings").into();
    let f = findings.get(0);
    let start = get(&f, "start_utf16").as_f64().unwrap() as u32;
    let end = get(&f, "end_utf16").as_f64().unwrap() as u32;
    let js = js_sys::JsString::from(text);
    assert_eq!(String::from(js.substring(start, end)), "a@b.com");
}

#[wasm_bindgen_test]
fn invalid_policy_is_a_js_error_with_a_message() {
    let err = Scrubber::new(r#"{"version":1,"colour":"red"}"#, None)
        .err()
        .unwrap();
    let err: js_sys::Error = err.into();
    let msg = String::from(err.message());
    assert!(msg.contains("unknown field `colour`"), "{msg}");
}

#[wasm_bindgen_test]
fn streams_through_the_binding() {
    let mut s = logscrub::wasm::ScrubStream::new("", None).unwrap();
    let line = "from a@contoso.com at 203.0.113.9\n";
    let mut out = String::new();
    for _ in 0..5_000 {
        out.push_str(&s.feed(line).unwrap());
    }
    assert!(s.consumed() > 0);
    let end = s.finish().unwrap();
    out.push_str(&get(&end, "text").as_string().unwrap());
    assert_eq!(out, "from [EMAIL-1] at [IPV4-1]\n".repeat(5_000));
    assert_eq!(get(&get(&end, "report"), "residual").as_f64(), Some(0.0));
    assert!(s.feed("x").is_err());
}

#[wasm_bindgen_test]
fn regression_issue_7_two_pass_stream_through_the_binding() {
    // learn() every chunk, then feed() them again: the whole-text result, where a
    // forward-only stream leaves the name of the first lines.
    let mut text = "ticket for Jane, status open\n".repeat(3_000);
    text.push_str("From: Jane Roe <jane.roe@contoso.com>\n");
    let chunks: Vec<&str> = text.split_inclusive('\n').collect();
    let whole = Scrubber::new("", None).unwrap().sanitize(&text).unwrap();
    let whole = get(&whole, "text").as_string().unwrap();
    assert!(!whole.contains("Jane"));
    let mut s = logscrub::wasm::ScrubStream::new("", None).unwrap();
    for c in &chunks {
        s.learn(c).unwrap();
    }
    let mut out = String::new();
    for c in &chunks {
        out.push_str(&s.feed(c).unwrap());
    }
    assert!(s.learn("x").is_err(), "learn after feed");
    let end = s.finish().unwrap();
    out.push_str(&get(&end, "text").as_string().unwrap());
    assert_eq!(out, whole);
}

#[wasm_bindgen_test]
fn hash_strategy_takes_a_key() {
    let policy = r#"{"version":1,"strategies":{"email":"hash"}}"#;
    assert!(Scrubber::new(policy, None).is_err());
    let s = Scrubber::new(policy, Some(b"0123456789abcdef0123".to_vec())).unwrap();
    let out = s.sanitize("a@contoso.com").unwrap();
    assert!(get(&out, "text")
        .as_string()
        .unwrap()
        .starts_with("[EMAIL:"));
    assert!(logscrub::wasm::strategies().contains(&"hash".to_string()));
}

#[wasm_bindgen_test]
fn restores_through_the_binding() {
    let s = Scrubber::new("", None).unwrap();
    let out = s
        .sanitize("Mail bob.smith@contoso.com from 203.0.113.9")
        .unwrap();
    let mapping = js_sys::JSON::stringify(&get(&out, "mapping")).unwrap();
    let mapping = String::from(mapping);
    let back =
        logscrub::wasm::restore("Reset [EMAIL-1] at [IPV4-1], not [IPV4-9].", &mapping).unwrap();
    assert_eq!(
        get(&back, "text").as_string().unwrap(),
        "Reset bob.smith@contoso.com at 203.0.113.9, not [IPV4-9]."
    );
    let unknown: js_sys::Array = get(&back, "unknown").into();
    assert_eq!(unknown.length(), 1);
    assert_eq!(unknown.get(0).as_string().unwrap(), "[IPV4-9]");
}

#[wasm_bindgen_test]
fn an_invalid_mapping_is_a_js_error_with_a_message() {
    let err = logscrub::wasm::restore("x", r#"{"version":1,"entries":[],"x":1}"#)
        .err()
        .unwrap();
    let err: js_sys::Error = err.into();
    let msg = String::from(err.message());
    assert!(msg.starts_with("invalid mapping:"), "{msg}");
    assert!(logscrub::wasm::restore("x", "not json").is_err());
}
