use super::embedded::{decode_mapped, prepare};
use super::keys::is_coordinate_pair;
use super::parse::{parse_in, parses, Node};
use super::*;
use crate::policy::Policy;
use crate::vocab::Category;

fn run(text: &str) -> (Vec<(String, Category, String)>, Vec<String>) {
    super::super::analyzed(text, &Policy::default())
}

#[test]
fn parses_with_spans() {
    let t = r#" {"a": [1, -2.5e3, "x\"y", true, null, {}], "b\u0041": {"c": []}} "#;
    let n = parse_in(t, 0, t.len()).unwrap();
    let Node::Obj(m) = n else { panic!() };
    assert_eq!(m[1].0, "ba");
    let Node::Arr(items) = &m[0].1 else { panic!() };
    let Node::Str(s, e) = items[2] else { panic!() };
    assert_eq!(&t[s..e], r#"x\"y"#);
    assert!(!parses("{\"a\": }"));
    assert!(!parses("{\"a\": 1} x"));
    assert!(!parses(&"[".repeat(500)));
}

#[test]
fn zendesk_public_flag_and_fields() {
    let t = r#"{"comments":[
 {"id":1,"type":"Comment","author_id":123,"body":"Hi, I cannot log in","public":true,
  "metadata":{"system":{"client":"Mozilla/5.0","ip_address":"203.0.113.7","location":"Lyon, France","latitude":45.75,"longitude":4.85}}},
 {"id":2,"type":"Comment","author_id":456,"body":"VIP, refund approved","public":false}
]}"#;
    let (f, notices) = run(t);
    assert!(f.contains(&(
        "VIP, refund approved".into(),
        Category::InternalNote,
        "INTERNAL_NOTE".into()
    )));
    assert!(!f.iter().any(|x| x.0.contains("cannot log in")));
    assert!(f.contains(&("203.0.113.7".into(), Category::Ipv4, "IPV4".into())));
    assert!(f.contains(&("Lyon, France".into(), Category::Custom, "LOCATION".into())));
    assert!(is_coordinate_pair("40.71280, -74.00600"));
    assert!(!is_coordinate_pair("Lyon, France"));
    assert!(!is_coordinate_pair("91.5, 2.1") && !is_coordinate_pair("40, 74"));
    assert!(f.contains(&("45.75".into(), Category::Coordinates, "COORDINATES".into())));
    assert!(!f.iter().any(|x| x.0.contains("Mozilla")));
    assert!(f.contains(&("123".into(), Category::Custom, "USER_ID".into())));
    assert!(notices.is_empty());
}

#[test]
fn missing_and_odd_flags_fail_closed() {
    let t = r#"[{"author_id":1,"body":"secret plan"},{"private":"Yes","body_text":"legacy note","from_email":"a@b.co"},{"private":"maybe","body":"odd"},{"private":"No","body":"public text"}]"#;
    let (f, notices) = run(t);
    let notes: Vec<&str> = f
        .iter()
        .filter(|x| x.1 == Category::InternalNote)
        .map(|x| x.0.as_str())
        .collect();
    assert_eq!(notes, vec!["secret plan", "legacy note", "odd"]);
    assert_eq!(notices, vec![NOTICE_FLAG_UNKNOWN.to_string()]);
}

#[test]
fn names_from_fields_teach_free_text() {
    let t = r#"{"conversation_parts":{"conversation_parts":[
 {"part_type":"comment","body":"<p>Thanks Priya, fixed</p>","author":{"type":"admin","name":"Tomasz Nowak","email":"tomasz@acme.io"}},
 {"part_type":"note","body":"<p>Priya is angry</p>","author":{"type":"user","name":"Priya Raman","email":"priya@example.org"}}]}}"#;
    let (f, _) = run(t);
    assert!(f.contains(&("Priya".into(), Category::Name, "CUSTOMER".into())));
    assert!(f.contains(&("Tomasz Nowak".into(), Category::Name, "AGENT".into())));
    assert!(f.contains(&(
        "<p>Priya is angry</p>".into(),
        Category::InternalNote,
        "INTERNAL_NOTE".into()
    )));
    assert!(f.contains(&("tomasz@acme.io".into(), Category::Email, "EMAIL".into())));
}

#[test]
fn placeholders_are_left_alone() {
    let t = r#"{"public":false,"body":"[INTERNAL_NOTE_REMOVED]","ip_address":"[IPV4-1]","latitude":"[COORDINATES-1]","author":{"name":"[AGENT-1]"}}"#;
    let (f, _) = run(t);
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn split_document_fails_closed() {
    let t = "  \"body\": \"a public reply maybe\",\n  \"ip_address\": \"10.1.2.3\",\n  \"latitude\": 1.5,\n";
    let (f, notices) = run(&format!("{{\n{t}"));
    assert!(f.iter().any(|x| x.1 == Category::InternalNote));
    assert!(f.iter().any(|x| x.0 == "10.1.2.3"));
    assert!(f.iter().any(|x| x.0 == "1.5"));
    assert_eq!(notices, vec![NOTICE_JSON_SPLIT.to_string()]);
}

#[test]
fn regression_issue_5_record_numbers_are_not_names_in_split_json() {
    // Found by fuzzing: an unparseable document read line by line took a Salesforce
    // record `Name` (a number) for a person, and left its other occurrences.
    let t = "{\"Name\": \"00000121\",\n\"Body\": \"x\"00000121\"\n";
    let engine = crate::Engine::new(Policy::default()).unwrap();
    let out = engine.sanitize(t);
    assert_eq!(out.report.residual, 0, "{}", out.text);
    assert!(out.text.contains("\"Name\": \"00000121\""));
    let (f, _) = run("{\"name\": \"Jane Roe\",\n");
    assert!(f.iter().any(|x| x.1 == Category::Name));
}

#[test]
fn regression_issue_5_field_values_repeat_under_unknown_keys() {
    // Found by fuzzing: the same location (or note text) under a key we do not know,
    // in a document read line by line or whole.
    for t in [
        r#"{"location": "Oslo, Norway", "loc_copy": "Oslo, Norway", "city_name": "Oslo"}"#,
        "{\"location\": \"Oslo, Norway\",\n\"x\" \"Oslo, Norway\"\n",
    ] {
        let engine = crate::Engine::new(Policy::default()).unwrap();
        let out = engine.sanitize(t);
        assert_eq!(out.report.residual, 0, "{}", out.text);
        assert!(!out.text.contains("Oslo, Norway"), "{}", out.text);
        assert_eq!(out.text.matches("[LOCATION-1]").count(), 2, "{}", out.text);
    }
    let t = r#"[{"public": false, "body": "VIP, refund approved"}, {"preview": "VIP, refund approved"}]"#;
    let (f, _) = run(t);
    let notes = f.iter().filter(|x| x.1 == Category::InternalNote).count();
    assert_eq!(notes, 2);
}

#[test]
fn decodes_strings_with_a_map_back_to_raw() {
    let t = r#""a\n\"\u00e9\ud83d\ude00b""#;
    let (dec, map) = decode_mapped(t, 1, t.len() - 1).unwrap();
    assert_eq!(dec, "a\n\"é😀b");
    assert_eq!(map.len(), dec.len() + 1);
    // Each decoded character maps to the start of its escape.
    assert_eq!(&t[map[2]..map[3]], r#"\""#);
    assert_eq!(&t[map[3]..map[5]], r"\u00e9");
    assert_eq!(&t[map[5]..map[9]], r"\ud83d\ude00");
    assert_eq!(map[dec.len()], t.len() - 1);
    assert!(decode_mapped(r#""\ud83d x""#, 1, 9).is_none());
}

#[test]
fn regression_issue_5_transcripts_inside_json_strings() {
    // A chat transcript in a public comment: speakers learned and replaced, a note
    // marker line removed, spans inside the raw string (escapes included).
    let t = r#"{"comments":[{"public":true,"author_id":1,"body":"(08:59:24 PM) Ren\u00e9e Dubois: hi \"there\"\n(09:00:02 PM) Omar Haddad: Hi Ren\u00e9e\nInternal note: VIP, do not refund\n\n(09:01:00 PM) Ren\u00e9e Dubois: ok"}]}"#;
    let (f, _) = run(t);
    let notes: Vec<&str> = f
        .iter()
        .filter(|x| x.1 == Category::InternalNote)
        .map(|x| x.0.as_str())
        .collect();
    assert_eq!(notes, vec!["Internal note: VIP, do not refund"]);
    let names: Vec<&str> = f
        .iter()
        .filter(|x| x.1 == Category::Name)
        .map(|x| x.0.as_str())
        .collect();
    assert!(names.contains(&r"Ren\u00e9e Dubois"), "{names:?}");
    assert!(names.contains(&r"Ren\u00e9e"), "{names:?}");
    assert!(names.contains(&"Omar Haddad"), "{names:?}");
}

#[test]
fn regression_issue_5_servicenow_journal_string_keeps_comments() {
    let t = r#"{"comments_and_work_notes":"2024-01-15 09:31:02 - Jean Dupont (Work notes)\nVIP caller\n\n2024-01-15 09:25:47 - Jean Dupont (Additional comments)\nWe unlocked your account.\n","work_notes":"anything"}"#;
    let (f, _) = run(t);
    let notes: Vec<&str> = f
        .iter()
        .filter(|x| x.1 == Category::InternalNote)
        .map(|x| x.0.as_str())
        .collect();
    assert_eq!(notes, vec!["VIP caller", "anything"]);
    // Without journal headers the field stays internal as a whole.
    let (f, _) = run(r#"{"comments_and_work_notes":"free text about the caller"}"#);
    assert!(f.iter().any(|x| x.1 == Category::InternalNote));
}

#[test]
fn regression_issue_5_json_inside_a_string_is_walked() {
    // Dynamics transcript messages as JSON text in a string field: private messages
    // go, a number field's replacement is quoted with escaped quotes.
    let inner = r#"[{"content":"secret plan","tags":"private"},{"content":"hello","tags":"public","latitude":45.5}]"#;
    let t = serde_json::json!({ "Content": inner }).to_string();
    let (f, _) = run(&t);
    assert!(f.contains(&(
        "secret plan".into(),
        Category::InternalNote,
        "INTERNAL_NOTE".into()
    )));
    assert!(!f.iter().any(|x| x.0.contains("hello")));
    let engine = crate::Engine::new(Policy::default()).unwrap();
    let out = engine.sanitize(&t);
    let v: serde_json::Value = serde_json::from_str(&out.text).unwrap();
    let inner_out: serde_json::Value =
        serde_json::from_str(v["Content"].as_str().unwrap()).unwrap();
    assert_eq!(inner_out[1]["latitude"], "[COORDINATES-1]");
    assert_eq!(inner_out[0]["content"], "[INTERNAL_NOTE_REMOVED]");
    assert_eq!(out.report.residual, 0);
}

#[test]
fn regression_issue_5_documentbody_text_is_decoded_and_encoded_again() {
    use crate::codec::{base64_decode, base64_encode};
    let log = "user jane.roe@example.org from 203.0.113.9\nInternal: check firmware\n";
    let t = serde_json::json!({"annotations": [
        {"annotationid": "1", "mimetype": "text/plain", "documentbody": base64_encode(log.as_bytes(), 0, "")},
        {"annotationid": "2", "mimetype": "image/png", "documentbody": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB"}
    ]})
    .to_string();
    let engine = crate::Engine::new(Policy::default()).unwrap();
    let out = engine.sanitize(&t);
    assert_eq!(out.report.residual, 0);
    let v: serde_json::Value = serde_json::from_str(&out.text).unwrap();
    let body = v["annotations"][0]["documentbody"].as_str().unwrap();
    let body = String::from_utf8(base64_decode(body).unwrap()).unwrap();
    assert_eq!(
        body,
        "user [EMAIL-1] from [IPV4-1]\n[INTERNAL_NOTE_REMOVED]\n"
    );
    assert_eq!(
        v["annotations"][1]["documentbody"],
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB"
    );
    assert!(out
        .report
        .notices
        .iter()
        .any(|n| n.contains("documentbody, image/png")));
    // Not valid base64 text: left as it is, with a notice.
    let mut ctx = Context::default();
    assert!(prepare(
        r#"{"documentbody":"*not base64*","mimetype":"text/plain"}"#,
        &mut ctx
    )
    .is_none());
    assert_eq!(ctx.take_notices().len(), 1);
}
