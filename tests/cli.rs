//! The `logscrub` command end to end (issue 7): files, -o DIR, check, restore, streaming,
//! errors. Regression tests carry `issue7` in their names.
#![cfg(not(target_arch = "wasm32"))]

use logscrub::{Engine, Policy};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_logscrub");

struct Out {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

impl Out {
    fn text(&self) -> String {
        String::from_utf8(self.stdout.clone()).unwrap()
    }
}

fn run(args: &[&str], stdin: &[u8]) -> Out {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut sin = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    // Written from a thread: a large input must not deadlock against a full stdout pipe.
    let writer = std::thread::spawn(move || {
        let _ = sin.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    let _ = writer.join();
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn tmpdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("logscrub-cli7-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn whole(text: &str) -> String {
    Engine::new(Policy::default()).unwrap().sanitize(text).text
}

fn no_partials(dir: &Path) {
    for e in std::fs::read_dir(dir).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        assert!(!name.ends_with(".partial"), "left behind: {name}");
    }
}

const TICKET: &str = "From: Bob Smith <bob.smith@example.org>\nhost 203.0.113.7 said hi\n";

#[test]
fn stdin_to_stdout() {
    let o = run(&[], TICKET.as_bytes());
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(o.text(), whole(TICKET));
    assert!(!o.text().contains("bob.smith@example.org"));
    assert!(o.stderr.is_empty(), "{}", o.stderr);
}

#[test]
fn several_files_to_a_directory_in_parallel_without_overwriting() {
    let d = tmpdir("outdir");
    let inputs: Vec<PathBuf> = (0..5)
        .map(|i| {
            let p = d.join(format!("t{i}.log"));
            std::fs::write(&p, format!("{TICKET}ticket {i} mail c{i}@example.com\n")).unwrap();
            p
        })
        .collect();
    let out = d.join("clean");
    let mut args = vec!["-o", s(&out), "-j", "3"];
    args.extend(inputs.iter().map(|p| s(p)));
    let o = run(&args, b"");
    assert_eq!(o.code, 0, "{}", o.stderr);
    for (i, p) in inputs.iter().enumerate() {
        let input = std::fs::read_to_string(p).unwrap();
        assert!(input.contains("bob.smith@example.org"), "input untouched");
        let got = std::fs::read_to_string(out.join(format!("t{i}.sanitized.log"))).unwrap();
        assert_eq!(got, whole(&input));
    }
    // Again without --force: refused before any work, outputs unchanged.
    let o = run(&args, b"");
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains("exists") && o.stderr.contains("--force"),
        "{}",
        o.stderr
    );
    args.push("--force");
    assert_eq!(run(&args, b"").code, 0);
    no_partials(&out);
}

#[test]
fn check_prints_file_line_column_and_exits_1() {
    let d = tmpdir("check");
    let dirty = d.join("dirty.txt");
    let clean = d.join("clean.txt");
    std::fs::write(&dirty, "hello\n  mail bob@example.org\n").unwrap();
    std::fs::write(&clean, "nothing to see here\n").unwrap();
    let o = run(&["check", s(&dirty), s(&clean)], b"");
    assert_eq!(o.code, 1, "{}", o.stderr);
    let first = o.text().lines().next().unwrap().to_string();
    assert!(
        first.starts_with(&format!("{}:2:8 email ", s(&dirty))),
        "{first}"
    );
    assert!(
        !o.text().contains("bob@example.org"),
        "values never printed"
    );
    let o = run(&["check", s(&clean)], b"");
    assert_eq!((o.code, o.stdout.len()), (0, 0));
    let o = run(&["check", "--json", s(&dirty)], b"");
    assert_eq!(o.code, 1);
    let v: serde_json::Value = serde_json::from_str(o.text().lines().next().unwrap()).unwrap();
    assert_eq!(v["line"], 2);
    assert_eq!(v["column"], 8);
    assert_eq!(v["category"], "email");
}

#[test]
fn sanitize_then_restore_files() {
    let d = tmpdir("restore");
    let input = d.join("t.log");
    let map = d.join("map.json");
    std::fs::write(&input, TICKET).unwrap();
    let o = run(&["--mapping", s(&map), s(&input)], b"");
    assert_eq!(o.code, 0, "{}", o.stderr);
    let reply = d.join("reply.txt");
    std::fs::write(&reply, o.text()).unwrap();
    let r = run(&["restore", "--mapping", s(&map), s(&reply)], b"");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.text(), TICKET);
    let r = run(
        &["restore", "--mapping", s(&map), "-o", s(&d), s(&reply)],
        b"",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(d.join("reply.restored.txt")).unwrap(),
        TICKET
    );
}

/// A large input goes through in 1 MiB chunks; the output must equal the whole-text one,
/// including a multi-byte character cut by the chunk boundary.
#[test]
fn issue7_streaming_equals_whole_text_across_chunk_boundaries() {
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 3 << 20 {
        text.push_str(&format!(
            "line {i} user{}@example.com from 10.0.{}.{} said héllo 😀 مرحبا\n",
            i % 97,
            i % 7,
            i % 250
        ));
        i += 1;
    }
    // Put a 4-byte character across the first 1 MiB boundary.
    let mut bytes = text.into_bytes();
    let at = (1 << 20) - 2;
    bytes.splice(at..at, "😀".bytes());
    let text = String::from_utf8(bytes).unwrap();
    let o = run(&[], text.as_bytes());
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stderr.is_empty(), "no lossy warning: {}", o.stderr);
    assert!(
        o.text() == whole(&text),
        "stream output differs from whole text"
    );
}

/// A log whose name and phone number are only recognisable at its end.
fn learned_late(lines: usize) -> String {
    let mut text = String::new();
    for i in 0..lines {
        text.push_str(&format!(
            "{i} ticket for Jane, callback 555 0199, status open\n"
        ));
    }
    text.push_str("From: Jane Roe <jane.roe@contoso.com>\nplease call 555 0199\n");
    text
}

#[test]
fn regression_issue_7_cli_two_pass_gives_the_whole_text_result() {
    // A file is read twice: names and values first recognised at the end are replaced
    // from the start, as in the whole text (a forward-only stream left them).
    let small = learned_late(2_000);
    let expected = whole(&small);
    assert!(!expected.contains("Jane") && !expected.contains("555 0199"));
    let dir = tmpdir("twopass");
    let file = dir.join("late.log");
    std::fs::write(&file, &small).unwrap();
    let o = run(&[s(&file)], b"");
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.text() == expected, "file output differs from whole text");
    let o = run(&["check", "--json", s(&file)], b"");
    assert_eq!(
        o.text().lines().count(),
        Engine::new(Policy::default())
            .unwrap()
            .sanitize(&small)
            .findings
            .len()
    );
    // Standard input that fits the read-ahead is learned from memory.
    let o = run(&[], small.as_bytes());
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.text() == expected, "stdin output differs from whole text");
    assert!(o.stderr.is_empty(), "{}", o.stderr);
    // Longer standard input is forward-only, and says so.
    let big = learned_late(200_000);
    assert!(big.len() > 8 << 20);
    let o = run(&[], big.as_bytes());
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stderr.contains("cannot be read twice"), "{}", o.stderr);
    let file = dir.join("big.log");
    std::fs::write(&file, &big).unwrap();
    let o = run(&[s(&file)], b"");
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stderr.is_empty(), "{}", o.stderr);
    assert!(!o.text().contains("Jane"), "a big file is two-pass too");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn issue7_invalid_utf8_lossy_with_warning_or_refused_when_strict() {
    let d = tmpdir("utf8");
    let bad = d.join("bad.log");
    std::fs::write(&bad, b"ok a@b.org \xff\xfe end\n").unwrap();
    let o = run(&[s(&bad)], b"");
    assert_eq!(o.code, 0);
    assert!(o.text().contains('\u{FFFD}'));
    assert!(o.stderr.contains("not valid UTF-8"), "{}", o.stderr);
    let out = d.join("out");
    let o = run(&["--strict", "-o", s(&out), s(&bad)], b"");
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains("--strict") && o.stderr.contains("byte 11"),
        "{}",
        o.stderr
    );
    assert!(!out.join("bad.sanitized.log").exists());
    no_partials(&out);
}

#[test]
fn issue7_clear_errors_for_unreadable_input_and_invalid_policy() {
    let d = tmpdir("errors");
    let o = run(&[s(&d.join("missing.log"))], b"");
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("no such file"), "{}", o.stderr);
    let o = run(&[s(&d)], b"");
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("is a directory"), "{}", o.stderr);
    let policy = d.join("p.json");
    std::fs::write(
        &policy,
        "{\"version\": 1, \"strategies\": {\"email\": \"bogus\"}}",
    )
    .unwrap();
    let o = run(&["--policy", s(&policy)], TICKET.as_bytes());
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("invalid policy"), "{}", o.stderr);
    let o = run(&["--format", "xml"], b"");
    assert_eq!(o.code, 2);
    let o = run(&["--format", "jsonl"], TICKET.as_bytes());
    assert_eq!(o.code, 0, "{}", o.stderr);
}

#[test]
fn issue7_disk_full_is_reported() {
    let Ok(full) = std::fs::File::create("/dev/full") else {
        return;
    };
    let mut child = Command::new(BIN)
        .stdin(Stdio::piped())
        .stdout(full)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(TICKET.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("disk is full"), "{err}");
}

#[test]
fn issue7_broken_pipe_exits_quietly() {
    let d = tmpdir("pipe");
    let big = d.join("big.log");
    std::fs::write(&big, TICKET.repeat(200_000)).unwrap();
    let mut child = Command::new(BIN)
        .arg(s(&big))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0u8; 100];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut head)
        .unwrap();
    drop(child.stdout.take());
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(err.is_empty(), "{err}");
    assert_eq!(status.code(), Some(0));
}

/// Found by the engine fuzz target: a phone-like value the replacement leaves detectable.
/// Whatever the detectors do with it, the CLI must never leave an output file that looks
/// complete when the leak check fails.
#[test]
fn issue7_residual_leaves_no_output_file() {
    let d = tmpdir("residual");
    let input = d.join("r.txt");
    std::fs::write(
        &input,
        b"l V1 415 511 1111\xe0 1111 1111\xe0\xca111\n".as_slice(),
    )
    .unwrap();
    let out = d.join("out");
    let o = run(&["-o", s(&out), s(&input)], b"");
    let dest = out.join("r.sanitized.txt");
    if o.code == 1 {
        assert!(!dest.exists(), "no output file after a residual");
        assert!(o.stderr.contains("leak check"), "{}", o.stderr);
    } else {
        assert_eq!(o.code, 0, "{}", o.stderr);
        assert!(dest.exists());
    }
    no_partials(&out);
}

#[test]
fn issue7_adversarial_inputs_do_not_crash() {
    let mut cases: Vec<Vec<u8>> = vec![
        b"\xef\xbb\xbfBOM first line a@b.org\r\nCRLF\rCR only\nLF\n".to_vec(),
        "مرحبا bob@example.org שלום \u{202e}gro.elpmaxe@bob 😀👨‍👩‍👧 +1 415 555 0100\n"
            .as_bytes()
            .to_vec(),
        b"bin\x00\x00\x01\x02a@b.org\x00\xff\xfe\x00\n".to_vec(),
        "@".repeat(300_000).into_bytes(),
        format!("{}{}", "[".repeat(50_000), "]".repeat(50_000)).into_bytes(),
        "x".repeat(5_000_000).into_bytes(),
    ];
    cases.push(format!("{}{}", "{\"a\":".repeat(20_000), "1}".repeat(20_000)).into_bytes());
    for c in &cases {
        let o = run(&[], c);
        assert!(o.code == 0 || o.code == 1, "{}", o.stderr);
        assert!(!o.stderr.contains("panicked"), "{}", o.stderr);
        if o.code == 0 {
            assert_eq!(o.text(), whole(&String::from_utf8_lossy(c)));
        }
    }
    let bom = run(&[], b"\xef\xbb\xbfhi\n");
    assert_eq!(bom.stdout, b"\xef\xbb\xbfhi\n", "BOM kept");
}

#[test]
fn help_has_examples_and_exit_status() {
    let o = run(&["--help"], b"");
    assert_eq!(o.code, 0);
    let t = o.text();
    for want in [
        "EXAMPLES",
        "EXIT STATUS",
        "logscrub check",
        "-o, --output-dir",
    ] {
        assert!(t.contains(want), "{want}");
    }
}

#[test]
fn regression_issue_12_slow_user_patterns_are_refused_with_their_name() {
    // Each took 34 s to 227 s on a megabyte before; now the policy is refused up front, in
    // custom rules and allowlist patterns alike, and a fast pattern of the same shape runs.
    let d = tmpdir("slowpattern");
    let policy = d.join("p.json");
    for (field, pattern) in [
        ("custom_rules", r"[a-z]{999}x"),
        ("custom_rules", r"(?:[a-z]{999}){9}x"),
        ("allowlist", r"(?:[a-z]{999}){9}x"),
    ] {
        let escaped = pattern.replace('\\', "\\\\");
        let json = if field == "allowlist" {
            format!(r#"{{"allowlist":{{"patterns":["{escaped}"]}}}}"#)
        } else {
            format!(r#"{{"custom_rules":[{{"label":"X","pattern":"{escaped}"}}]}}"#)
        };
        std::fs::write(&policy, json).unwrap();
        let o = run(&["--policy", s(&policy)], TICKET.as_bytes());
        assert_eq!(o.code, 2, "{pattern}: {}", o.stderr);
        assert!(o.stderr.contains(pattern), "{}", o.stderr);
        assert!(
            o.stderr.contains("counted repetitions add up to"),
            "{}",
            o.stderr
        );
        assert!(o.stdout.is_empty());
    }
    let text = "abcdefghijklmnopqrstuvwyz".repeat(400) + "x\n";
    std::fs::write(
        &policy,
        r#"{"custom_rules":[{"label":"RUN","pattern":"[a-z]{99}x"}]}"#,
    )
    .unwrap();
    let o = run(&["--policy", s(&policy)], text.as_bytes());
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.text().ends_with("[RUN-1]\n"), "{}", o.text());
}
