//! Property tests over generated logs: random text mixed with generated emails (plain and
//! obfuscated), IPv4 and IPv6 addresses, and reserved documentation values.
//!
//! For every strategy: idempotence, determinism, a clean leak check, and streaming equal to
//! whole-text sanitizing for any split into chunks. For `numbered`: restore gives the input
//! back.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use logscrub::{restore, Engine, Policy, Strategy as Repl};
use proptest::prelude::*;
use std::net::Ipv6Addr;

const KEY: &[u8] = b"property test key, 32 bytes long";

fn engine(strategy: Repl) -> Engine {
    let policy =
        Policy::from_json(&format!(r#"{{"default_strategy":"{}"}}"#, strategy.id())).unwrap();
    if strategy == Repl::Hash {
        Engine::with_key(policy, KEY).unwrap()
    } else {
        Engine::new(policy).unwrap()
    }
}

fn strategy() -> impl Strategy<Value = Repl> {
    prop::sample::select(Repl::ALL.to_vec())
}

fn email() -> impl Strategy<Value = String> {
    (
        "[a-z]{1,6}(\\.[a-z]{1,4})?",
        "[a-z]{2,8}(-[a-z]{2,4})?",
        prop::sample::select(vec!["com", "org", "net", "io", "de"]),
    )
        .prop_map(|(l, d, t)| format!("{l}@{d}.{t}"))
}

fn ipv4() -> impl Strategy<Value = String> {
    any::<[u8; 4]>().prop_map(|o| format!("{}.{}.{}.{}", o[0], o[1], o[2], o[3]))
}

fn ipv6() -> impl Strategy<Value = String> {
    (any::<[u16; 8]>(), 0usize..4).prop_map(|(mut s, zeros)| {
        // Runs of zero groups give the compressed forms.
        for g in s.iter_mut().skip(3).take(zeros) {
            *g = 0;
        }
        if s[0] == 0 {
            s[0] = 0x2a00;
        }
        Ipv6Addr::from(s).to_string()
    })
}

/// A sensitive value as it may be written: plain, upper-cased, obfuscated, or a reserved
/// documentation value (which must be found too).
fn value(exact: bool) -> BoxedStrategy<String> {
    let plain = prop_oneof![
        3 => email(),
        2 => ipv4(),
        2 => ipv6(),
        1 => (1u8..=254).prop_map(|h| format!("192.0.2.{h}")),
        1 => (1u16..50).prop_map(|n| format!("user{n}@example.invalid")),
        1 => (1u16..500).prop_map(|n| format!("2001:db8:1::{n:x}")),
    ];
    if exact {
        plain.boxed()
    } else {
        prop_oneof![
            6 => plain,
            1 => email().prop_map(|e| e.to_uppercase()),
            1 => email().prop_map(|e| {
                let (local, domain) = e.split_once('@').unwrap_or_default();
                format!("{local} [at] {}", domain.replace('.', " [dot] "))
            }),
            1 => email().prop_map(|e| e.replacen('@', "%40", 1)),
            1 => email().prop_map(|e| e.replacen('@', " @ ", 1)),
        ]
        .boxed()
    }
}

/// Words after which the IP detector reads a dotted quad as a version (`v 1.2.3.4`): such a
/// value is skipped there but found elsewhere, so it survives in that one place and the leak
/// check rightly reports it. That is a detector precision trade-off, not a replacement
/// property, so the filler avoids these words.
const VERSION_WORDS: &[&str] = &[
    "version", "ver", "v", "build", "release", "rel", "kernel", "linux", "firmware", "fw",
    "revision", "rev", "update", "patch", "sp", "oid",
];

/// Filler that is not personal data.
fn filler() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z]{1,8}".prop_filter("version word", |w| !VERSION_WORDS.contains(&w.as_str())),
        1 => "[A-Z][a-z]{1,6}",
        1 => "[0-9]{1,4}",
        1 => prop::sample::select(vec!["v1.2.3", "ERROR", "12:34:56", "2024-01-15", "ok."])
            .prop_map(str::to_string),
        3 => benign(),
    ]
}

/// What stands next to values in real logs and is no value: dates, times, numbers (with
/// leading zeros, decimals, ids), punctuation. A detector may read such text as a value
/// only once a neighbouring value is a placeholder (`0.0.10.10) 010 2024-01-15`): the run
/// must then sanitize again, never refuse.
fn benign() -> impl Strategy<Value = String> {
    prop_oneof![
        (2000u16..2030, 1u8..13, 1u8..29).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        (1u8..29, 1u8..13, 2000u16..2030).prop_map(|(d, m, y)| format!("{d:02}/{m:02}/{y}")),
        (0u8..24, 0u8..60, 0u8..60).prop_map(|(h, m, s)| format!("{h:02}:{m:02}:{s:02}")),
        "0[0-9]{1,3}",
        "[0-9]{1,3}\\.[0-9]{1,2}",
        "[0-9]{2,4} [0-9]{2,4}",
        "#[0-9]{3,7}",
        prop::sample::select(vec![
            "(", ")", "-", "/", ";", "...", "\"", "'", "=", "+", "%", "|"
        ])
        .prop_map(str::to_string),
    ]
}

const SEPARATORS: &[&str] = &[
    " ", " ", " ", ", ", "\n", " (", ") ", ": ", "\t", " <", "> ",
];

/// A log: a small pool of values (so some repeat), mixed into filler.
fn log(exact: bool) -> impl Strategy<Value = String> {
    (
        prop::collection::vec(value(exact), 1..6),
        prop::collection::vec(
            (
                prop::bool::weighted(0.3),
                any::<prop::sample::Index>(),
                filler(),
                prop::sample::select(SEPARATORS),
            ),
            1..40,
        ),
    )
        .prop_map(|(pool, parts)| {
            let mut s = String::new();
            for (is_value, idx, fill, sep) in parts {
                if is_value {
                    s.push_str(idx.get::<String>(&pool));
                } else {
                    s.push_str(&fill);
                }
                s.push_str(sep);
            }
            s
        })
}

/// Splits `text` at the given fractions (adjusted to char boundaries).
fn split(text: &str, cuts: &[prop::sample::Index]) -> Vec<String> {
    let mut points: Vec<usize> = cuts
        .iter()
        .map(|c| {
            let mut p = c.index(text.len() + 1);
            while !text.is_char_boundary(p) {
                p -= 1;
            }
            p
        })
        .collect();
    points.push(0);
    points.push(text.len());
    points.sort_unstable();
    points
        .windows(2)
        .map(|w| text[w[0]..w[1]].to_string())
        .collect()
}

/// A first and a last name, capitalised.
fn person() -> impl Strategy<Value = (String, String)> {
    ("[A-Z][a-z]{2,7}", "[A-Z][a-z]{3,9}")
}

/// A conversation whose names and values recur before the place that reveals them: a name
/// mentioned in prose before its speaker label or email display name, a phone number
/// written bare before `call` gives it context, an address that recurs before and after.
fn conversation() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(person(), 1..4),
        prop::collection::vec(value(false), 1..4),
        prop::collection::vec("[0-9]{3} [0-9]{4}", 1..3),
        prop::collection::vec(
            (
                0u8..9,
                any::<prop::sample::Index>(),
                any::<prop::sample::Index>(),
                filler(),
            ),
            1..30,
        ),
    )
        .prop_map(|(people, values, phones, lines)| {
            let mut s = String::new();
            for (kind, who, what, fill) in lines {
                let (first, last) = who.get(&people);
                let v = what.get(&values);
                let phone = what.get(&phones);
                let line = match kind {
                    0 => format!("{first}: {fill} {v}"),
                    1 => format!("From: {first} {last} <{}>", email_of(first, last)),
                    2 => format!("{fill} {first} {fill}"),
                    3 => format!("{fill} {phone} {fill}"),
                    4 => format!("call {phone} {fill}"),
                    5 => format!("Agent: {fill} {first} {last}"),
                    6 => format!("{fill}, {v}"),
                    7 => format!("[12:00] {first} {last}: {fill}"),
                    _ => String::new(),
                };
                s.push_str(&line);
                s.push(if kind == 8 { ' ' } else { '\n' });
            }
            s
        })
}

/// A CSV export with a header, names and values, and quoted bodies that hold line breaks,
/// commas and doubled quotes.
fn csv_export() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(person(), 1..4),
        prop::collection::vec(value(true), 1..4),
        prop::collection::vec(
            (
                any::<prop::sample::Index>(),
                any::<prop::sample::Index>(),
                filler(),
                0u8..4,
                any::<bool>(),
            ),
            1..12,
        ),
    )
        .prop_map(|(people, values, rows)| {
            let mut s = String::from("id,name,email,body,public\n");
            for (i, (who, what, fill, shape, public)) in rows.into_iter().enumerate() {
                let (first, last) = who.get(&people);
                let v = what.get(&values);
                let body = match shape {
                    0 => format!("{fill} {v}"),
                    1 => format!("\"{fill},\n{first} said {v}\""),
                    2 => format!("\"see \"\"{fill}\"\"\nand\n{v}\""),
                    _ => format!("\"hi {first}\""),
                };
                s.push_str(&format!(
                    "{i},{first} {last},{},{body},{public}\n",
                    email_of(first, last)
                ));
            }
            s
        })
}

fn email_of(first: &str, last: &str) -> String {
    format!(
        "{}.{}@contoso.com",
        first.to_lowercase(),
        last.to_lowercase()
    )
}

/// Streams `text` in two passes (a learner, then a seeded stream), both fed the same chunks.
fn two_pass(e: &Engine, chunks: &[String], segment: usize) -> (String, logscrub::Sanitized) {
    let mut learner = e.learner();
    for c in chunks {
        learner.feed(c);
    }
    let mut stream = e.stream_seeded(learner.finish()).with_segment_size(segment);
    let mut out = String::new();
    for c in chunks {
        out.push_str(&stream.feed(c));
    }
    let fin = stream.finish();
    out.push_str(&fin.text);
    (out, fin)
}

/// Cuts `text` into pieces of `n` bytes (at char boundaries).
fn pieces(text: &str, n: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let mut at = n.min(rest.len());
        while !rest.is_char_boundary(at) {
            at += 1;
        }
        let (a, b) = rest.split_at(at);
        out.push(a.to_string());
        rest = b;
    }
    out
}

/// The property of `two_pass_stream_equals_whole_text` for one input, one chunking and one
/// segment size (shared with the regression tests below).
fn two_pass_equals_whole_text(
    text: &str,
    s: Repl,
    chunks: &[String],
    segment: usize,
) -> Result<(), TestCaseError> {
    let e = engine(s);
    let whole = e.sanitize(text);
    let (out, fin) = two_pass(&e, chunks, segment);
    prop_assert_eq!(&out, &whole.text);
    prop_assert_eq!(&fin.mapping, &whole.mapping);
    // The same verdict as the whole text (whose leak check is a property of its own).
    prop_assert_eq!(&fin.report.residuals, &whole.report.residuals);
    prop_assert_eq!(&fin.report.finding_list, &whole.report.finding_list);
    prop_assert_eq!(&fin.report.output_sha256, &whole.report.output_sha256);
    Ok(())
}

proptest! {
    #![proptest_config(support::config(96))]

    /// Two-pass streaming gives the whole-text output byte for byte, for conversations whose
    /// names and values recur before their first detection, in any chunking (one-byte
    /// chunks included) and any segment size.
    #[test]
    fn two_pass_stream_equals_whole_text(
        text in prop_oneof![conversation(), log(false), csv_export()],
        s in strategy(),
        cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..8),
        one_byte in any::<bool>(),
        segment in 1usize..200,
    ) {
        let chunks = if one_byte { pieces(&text, 1) } else { split(&text, &cuts) };
        two_pass_equals_whole_text(&text, s, &chunks, segment)?;
    }

    #[test]
    fn idempotent_deterministic_and_clean(text in log(false), s in strategy()) {
        let e = engine(s);
        let once = e.sanitize(&text);
        prop_assert_eq!(once.report.residual, 0, "residuals {:?} in {:?}", once.report.residuals, once.text);
        let again = e.sanitize(&text);
        prop_assert_eq!(&again.text, &once.text);
        prop_assert_eq!(&again.mapping, &once.mapping);
        prop_assert_eq!(&again.report, &once.report);
        let twice = e.sanitize(&once.text);
        prop_assert_eq!(&twice.text, &once.text, "second pass changed the output of {:?}", s);
        prop_assert_eq!(twice.report.residual, 0);
    }

    #[test]
    fn streaming_equals_whole_text(
        text in log(false),
        s in strategy(),
        cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..8),
        segment in 1usize..200,
    ) {
        let e = engine(s);
        let whole = e.sanitize(&text);
        let mut stream = e.stream().with_segment_size(segment);
        let mut out = String::new();
        for chunk in split(&text, &cuts) {
            out.push_str(&stream.feed(&chunk));
        }
        let fin = stream.finish();
        out.push_str(&fin.text);
        prop_assert_eq!(&out, &whole.text);
        prop_assert_eq!(&fin.mapping, &whole.mapping);
        prop_assert_eq!(fin.report.residual, 0);
        prop_assert_eq!(&fin.report.finding_list, &whole.report.finding_list);
        prop_assert_eq!(&fin.report.output_sha256, &whole.report.output_sha256);
    }

    #[test]
    fn numbered_round_trips(text in log(true)) {
        let out = engine(Repl::Numbered).sanitize(&text);
        let (back, unknown) = restore(&out.text, &out.mapping);
        prop_assert_eq!(back, text);
        prop_assert!(unknown.is_empty());
    }

    #[test]
    fn restorable_strategies_round_trip(text in log(true), s in prop::sample::select(vec![
        Repl::Partial, Repl::Fake, Repl::Hash,
    ])) {
        let out = engine(s).sanitize(&text);
        let (back, unknown) = restore(&out.text, &out.mapping);
        prop_assert_eq!(back, text);
        prop_assert!(unknown.is_empty());
    }
}

#[test]
#[ignore]
fn show_samples() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    for _ in 0..3 {
        let t = log(false).new_tree(&mut runner).unwrap().current();
        println!("IN:   {t:?}");
        for s in [Repl::Fake, Repl::Partial, Repl::Mask] {
            println!("{s:?}: {:?}", engine(s).sanitize(&t).text);
        }
    }
}

// Cases the properties found (issue 7, while two-pass streams were written), as proptest
// shrank them; they used to be replayed from a `.proptest-regressions` seed file.

/// A phone first known by its `call` context recurs bare on a later line, in one-byte
/// chunks: the stream must replace the recurrence as the whole text does.
#[test]
fn regression_issue_7_two_pass_conversation_in_one_byte_chunks() {
    let text = "From: Aaaaa Aaaaaaaa <aaaaa.aaaaaaaa@contoso.com>\nAaaaa: a a.aaaa@aaaaa-aaaa.com\n\
        Aaaaa: a a.aaaa@aaaaa-aaaa.com\nAgent: a Aaaaa Aaaaaaaa\ncall 000 0000 a\ncall 000 0000 aaa\n\
        aaaaa Aaaaa aaaaa\nFrom: Aaaaa Aaaaaaaa <aaaaa.aaaaaaaa@contoso.com>\n\
        Agent: Aaa Aaaaa Aaaaaaaa\nv1.2.3 Aaaaa v1.2.3\nAaaaa: v1.2.3 a.aaaa@aaaaa-aaaa.com\n\
        call 000 0000 aaaa\n0100 000 0000 0100\n";
    two_pass_equals_whole_text(text, Repl::Label, &pieces(text, 1), 170).unwrap();
}

/// A phone learned after `call` recurs inside a longer digit run, with one-byte segments.
#[test]
fn regression_issue_7_two_pass_phone_after_call_recurs_in_digits() {
    let text = "call 001 0000 a\nAaa: a a@aa.com\n10 001 0000 10\n";
    two_pass_equals_whole_text(text, Repl::Fake, &split(text, &[]), 1).unwrap();
}

/// A CSV export whose quoted cell spans lines, streamed in one-byte chunks and segments.
#[test]
fn regression_issue_7_two_pass_csv_multiline_cell_in_one_byte_chunks() {
    let text = "id,name,email,body,public\n0,Aaa Aaaa,aaa.aaaa@contoso.com,\"hi Aaa\",false\n\
        1,Aaa Aaaa,aaa.aaaa@contoso.com,a 2a00::1000:1000,false\n\
        2,Aaa Aaaa,aaa.aaaa@contoso.com,aaaaaa 2a00::1000:1000,false\n\
        3,Aaa Aaaa,aaa.aaaa@contoso.com,\"see \"\"aaaaa\"\"\nand\n2a00::1000:1000\",false\n";
    two_pass_equals_whole_text(text, Repl::Label, &pieces(text, 1), 1).unwrap();
}
