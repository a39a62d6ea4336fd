//! The `logscrub` command's replacement options and the `restore` subcommand.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_logscrub"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A usage error exits before reading: a broken pipe here is expected then.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn tmp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("logscrub-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn sanitize_with_mapping_and_report_then_restore() {
    let map = tmp("map.json");
    let report = tmp("report.json");
    let (code, out, err) = run(
        &[
            "--strategy",
            "ipv4=partial",
            "--strategy=email=fake",
            "--mapping",
            map.to_str().unwrap(),
            "--report",
            report.to_str().unwrap(),
        ],
        "mail bob@contoso.com from 10.1.2.3\n",
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "mail user1@example.invalid from 10.1.2.[IPV4-1]\n");
    let r: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(r["residual"], 0);
    assert_eq!(r["strategy_counts"]["fake"], 1);
    assert_eq!(r["finding_list"][0]["start"], 5);
    assert!(!r.to_string().contains("contoso"));

    let (code, restored, err) = run(
        &["restore", "--mapping", map.to_str().unwrap()],
        "user1@example.invalid and 10.1.2.[IPV4-1] and [EMAIL-4]\n",
    );
    assert_eq!(code, 0);
    assert_eq!(restored, "bob@contoso.com and 10.1.2.3 and [EMAIL-4]\n");
    assert!(err.contains("[EMAIL-4]"), "{err}");
}

#[test]
fn hash_needs_key_file() {
    let (code, _, err) = run(&["--strategy", "email=hash"], "a@b.com\n");
    assert_eq!(code, 2);
    assert!(err.contains("--key-file"), "{err}");
    let key = tmp("key");
    std::fs::write(&key, "correct horse battery staple\n").unwrap();
    let args = [
        "--strategy",
        "all=hash",
        "--key-file",
        key.to_str().unwrap(),
    ];
    let (code, a, _) = run(&args, "a@b.com\n");
    let (_, b, _) = run(&args, "A@B.com\n");
    assert_eq!(code, 0);
    assert!(a.starts_with("[EMAIL:"), "{a}");
    assert_eq!(a, b);
}

#[test]
fn usage_errors() {
    let (code, _, err) = run(&["--strategy", "email=blur"], "");
    assert_eq!(code, 2);
    assert!(err.contains("unknown strategy \"blur\""), "{err}");
    let (code, _, err) = run(&["--strategy", "emial=mask"], "");
    assert_eq!(code, 2);
    assert!(err.contains("unknown category"), "{err}");
    let (code, _, err) = run(&["restore"], "");
    assert_eq!(code, 2);
    assert!(err.contains("--mapping"), "{err}");
    let bad = tmp("bad.json");
    std::fs::write(&bad, "{}").unwrap();
    let (code, _, err) = run(&["restore", "--mapping", bad.to_str().unwrap()], "x");
    assert_eq!(code, 2);
    assert!(err.contains("invalid mapping"), "{err}");
}
