//! The page's TypeScript types (`www/src/protocol.ts`) against the JSON the core sends: every
//! field the Rust report, finding, residual and mapping types serialize is declared in the
//! TypeScript interface of the same name, and the interface declares no field the core does
//! not send (other than the page's own, listed below). A field added on one side fails here
//! until the other side has it.
#![cfg(not(target_arch = "wasm32"))]

use logscrub::engine::Residual;
use logscrub::{Category, Engine, Policy, ReportFinding, Strategy};
use serde_json::Value;
use std::collections::BTreeSet;

/// The fields of `interface NAME { ... }` in protocol.ts.
fn ts_fields(name: &str) -> BTreeSet<String> {
    let ts = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/src/protocol.ts"))
        .expect("www/src/protocol.ts");
    let head = format!("export interface {name} {{");
    let start = ts
        .find(&head)
        .unwrap_or_else(|| panic!("no interface {name}"))
        + head.len();
    let body = &ts[start..start + ts[start..].find("\n}").expect("closing brace")];
    body.lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("/**") && !l.starts_with('*') && !l.starts_with("//"))
        .filter_map(|l| {
            l.split_once(':')
                .map(|(k, _)| k.trim_end_matches('?').to_string())
        })
        .filter(|k| !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect()
}

fn json_fields(v: &Value) -> BTreeSet<String> {
    v.as_object().expect("an object").keys().cloned().collect()
}

fn same(name: &str, rust: &Value, page_only: &[&str]) {
    let mut ts = ts_fields(name);
    for f in page_only {
        assert!(
            ts.remove(*f),
            "{name}.{f} is listed as the page's own but not declared"
        );
    }
    assert_eq!(
        json_fields(rust),
        ts,
        "{name}: Rust fields (left) and protocol.ts (right)"
    );
}

#[test]
fn protocol_types_match_the_json_the_core_sends() {
    let engine = Engine::new(Policy::default()).unwrap();
    let mut s = engine.sanitize_with_values("mail jane@contoso.com from 203.0.113.9");
    // Every optional field filled, so that it is serialized.
    s.report.notices.push("a notice".into());
    s.report.finding_list.push(ReportFinding {
        category: Category::Email,
        rule: "email.plain".into(),
        strategy: Strategy::Numbered,
        start: 5,
        end: 21,
        value: Some("jane@contoso.com".into()),
    });
    s.report.residuals.push(Residual {
        start: 0,
        end: 1,
        category: Category::Email,
        kind: "original value",
    });
    let v = serde_json::to_value(&s.report).unwrap();
    same("Report", &v, &[]);
    same("Residual", &v["residuals"][0], &[]);
    // The worker drops `value` before the page sees a finding of the list.
    let mut rf = v["finding_list"][0].clone();
    rf.as_object_mut().unwrap().remove("value");
    same("ReportFinding", &rf, &[]);
    let f = serde_json::to_value(&s.findings[0]).unwrap();
    same("Finding", &f, &[]);
    let m = serde_json::to_value(&s.mapping).unwrap();
    same("Mapping", &m, &[]);
    same("MappingEntry", &m["entries"][0], &[]);
}
