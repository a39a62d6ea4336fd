//! Obfuscated values (issue 12): every spelling in `tests/fixtures/obfuscations.jsonl` is
//! replaced whole by the `logscrub` command, with the text around it untouched and a clean
//! leak check. The same corpus runs through the page in `tests/e2e/obfuscation.spec.ts`.
#![cfg(not(target_arch = "wasm32"))]

use serde::Deserialize;
use std::io::Write;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_logscrub");

#[derive(Deserialize)]
struct Case {
    form: String,
    category: String,
    before: String,
    value: String,
    after: String,
    /// The value as it reads once decoded.
    plain: String,
    format: Option<String>,
}

fn cases() -> Vec<Case> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/obfuscations.jsonl"
    );
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Runs the command on `stdin` with `args`; returns its exit status, output and report.
/// (Its standard error is not read: a failure shows in the status and the report.)
fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let report = std::env::temp_dir().join(format!(
        "logscrub-obfuscation-{}-{n}.json",
        std::process::id()
    ));
    let mut child = Command::new(BIN)
        .arg("--report")
        .arg(&report)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut sin = child.stdin.take().unwrap();
    let data = stdin.as_bytes().to_vec();
    let writer = std::thread::spawn(move || {
        let _ = sin.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    let _ = writer.join();
    let report_text = std::fs::read_to_string(&report).unwrap_or_default();
    let _ = std::fs::remove_file(&report);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        report_text,
    )
}

/// The report's `residual` count.
fn residual(report: &str) -> Option<u64> {
    serde_json::from_str::<serde_json::Value>(report).ok()?["residual"].as_u64()
}

/// A placeholder of the default `numbered` strategy: `[EMAIL-1]`.
fn placeholder(s: &str, category: &str) -> bool {
    let label = category.to_ascii_uppercase();
    s.strip_prefix(&format!("[{label}-"))
        .and_then(|r| r.strip_suffix(']'))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Spellings of `plain` that must not survive: as is, without its separators, and the
/// pieces either side of its first separator when they are long enough to identify it.
fn spellings(plain: &str) -> Vec<String> {
    let mut v = vec![plain.to_string()];
    let bare: String = plain
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    v.push(bare);
    if let Some((local, domain)) = plain.split_once('@') {
        v.push(format!("{local}@"));
        v.push(format!("@{domain}"));
    }
    v
}

#[test]
fn regression_issue_12_the_corpus_holds_every_form_of_the_issue() {
    let forms: Vec<String> = cases().into_iter().map(|c| c.form).collect();
    for form in [
        "fullwidth_at",
        "zero_width_space",
        "soft_hyphen",
        "json_u_escape",
        "json_u_escape_format_json",
        "quoted_printable",
        "url_percent_double",
        "html_decimal_entities",
        "line_wrap_in_domain",
        "right_to_left_override",
        "base64",
        "base64_in_json_payload",
        "ipv4_zero_padded",
        "ipv4_zero_padded_all",
        "ipv4_decimal",
        "ipv4_hex",
    ] {
        assert!(forms.iter().any(|f| f == form), "missing form {form}");
    }
    for category in ["email", "ipv4", "phone", "card"] {
        assert!(cases().iter().any(|c| c.category == category), "{category}");
    }
}

#[test]
fn regression_issue_12_each_obfuscated_value_is_replaced_whole_by_the_cli() {
    let mut failures = Vec::new();
    for c in cases() {
        let text = format!("{}{}{}\n", c.before, c.value, c.after);
        let mut args = vec![];
        if let Some(f) = &c.format {
            args.extend(["--format", f.as_str()]);
        }
        let (code, out, report) = run(&args, &text);
        let middle = out
            .strip_prefix(c.before.as_str())
            .and_then(|r| r.strip_suffix(&format!("{}\n", c.after)));
        let leaked: Vec<String> = spellings(&c.plain)
            .into_iter()
            .chain([c.value.clone()])
            .filter(|s| out.contains(s.as_str()))
            .collect();
        let ok = code == 0
            && middle.is_some_and(|m| placeholder(m, &c.category))
            && leaked.is_empty()
            && residual(&report) == Some(0);
        if !ok {
            failures.push(format!(
                "{}: exit {code}, output {out:?}, leaked {leaked:?}",
                c.form
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn regression_issue_12_obfuscations_in_one_log_leave_nothing() {
    let cases: Vec<Case> = cases().into_iter().filter(|c| c.format.is_none()).collect();
    let text: String = cases
        .iter()
        .map(|c| format!("{}{}{}\n", c.before, c.value, c.after))
        .collect();
    let (code, out, report) = run(&[], &text);
    assert_eq!(code, 0, "{report}");
    assert_eq!(residual(&report), Some(0), "{report}");
    for c in &cases {
        assert!(!out.contains(&c.value), "{}: {out}", c.form);
        for s in spellings(&c.plain) {
            assert!(!out.contains(&s), "{}: {s} in {out}", c.form);
        }
        assert!(out.contains(&c.after), "{}: context lost", c.form);
    }
    // One value under every spelling is one placeholder: two addresses, two IPv4 addresses.
    assert!(
        !out.contains("[EMAIL-3]") && !out.contains("[IPV4-3]"),
        "{out}"
    );
}
