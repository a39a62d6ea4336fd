use super::*;
use crate::policy::Policy;
use crate::vocab::Category;

fn run_with(text: &str, policy: &Policy) -> Vec<(String, Category, String)> {
    let (mut v, _) = super::super::analyzed(text, policy);
    v.sort();
    v.dedup();
    v
}

fn notes(text: &str) -> Vec<String> {
    run_with(text, &Policy::default())
        .into_iter()
        .filter(|f| f.1 == Category::InternalNote)
        .map(|f| f.0)
        .collect()
}

#[test]
fn default_markers_and_block_ends() {
    for m in DEFAULT_MARKERS {
        let t = format!("Agent: hello\n{m} customer is VIP\nsecond line\n\nCustomer: thanks\n");
        assert_eq!(
            notes(&t),
            vec![format!("{m} customer is VIP\nsecond line")],
            "{m}"
        );
    }
    let t = "Agent Mike: hi\ninternal note: check billing\nCustomer: ok\n";
    assert_eq!(notes(t), vec!["internal note: check billing"]);
    let t = "Agent Mike: [Internal] refund approved\nstill note\n(10:02) Mike: done\n";
    assert_eq!(notes(t), vec!["[Internal] refund approved\nstill note"]);
    let t = "Internal: one\nInternal: two\n";
    // Consecutive note lines form one block.
    assert_eq!(notes(t), vec!["Internal: one\nInternal: two"]);
    assert!(notes("The internal: API is down\nInternally routed\n").is_empty());
}

#[test]
fn regression_issue_12_note_on_log_lines_ends_at_the_next_log_record() {
    // A note marker every other line of a log swallowed the whole log (22 MB came out as
    // 408 bytes): a note now ends where the next log record starts.
    let mut t = String::new();
    for i in 0..50 {
        t.push_str(&format!(
            "2024-01-15T10:00:{:02}Z INFO GET /api/items/{i} 200\nInternal note: retry {i}\n",
            i % 60
        ));
    }
    let n = notes(&t);
    assert_eq!(n.len(), 50, "{n:?}");
    assert!(n
        .iter()
        .all(|x| x.starts_with("Internal note: retry") && !x.contains('\n')));
    // Every kind of record start ends the note; a plain line continues it.
    for record in [
        "2024-01-15 10:00:01,123 WARN pool low",
        "15/01/2024 10:00 job done",
        "Jan 15 10:00:01 host sshd[1]: ok",
        "081109 203615 148 INFO dfs.DataNode: ok",
        "10:00:01.5 request served",
        "ERROR disk full",
        "[info] started",
    ] {
        let t = format!("Internal note: check this\nstill the note\n{record}\n");
        assert_eq!(
            notes(&t),
            vec!["Internal note: check this\nstill the note"],
            "{record}"
        );
    }
    // A note after the timestamp and level of a record, or after a speaker there.
    let t = "2024-01-15 10:00:01 ERROR Internal note: VIP customer\n2024-01-15 10:00:02 INFO ok\n";
    assert_eq!(notes(t), vec!["Internal note: VIP customer"]);
    let t = "2024-01-15 10:00 Agent Mike: [Internal] refund ok\n2024-01-15 10:01 Agent Mike: hi\n";
    assert_eq!(notes(t), vec!["[Internal] refund ok"]);
    let t = "2024-01-15 10:00:01 ERROR worker: Internal note: crash\nERROR worker crashed\n";
    assert_eq!(notes(t), vec!["Internal note: crash"]);
    // Not records: a version, a phone number, a lower-case level word.
    let t = "Internal note: x\n2024.1 is out\n555-0100 called\ninfo to follow\n";
    assert_eq!(notes(t), vec![t.trim_end()]);
}

#[test]
fn regression_issue_13_bracketed_note_labels() {
    // `[Internal note] Yuki: Escalated to tier 2` was not a note: 0 of 937 removed.
    let t = "Agent Yuki: hello\n[Internal note] Yuki: Escalated to tier 2\nmore\nCustomer: ok\n";
    assert_eq!(
        notes(t),
        vec!["[Internal note] Yuki: Escalated to tier 2\nmore"]
    );
    for label in [
        "[Internal note]",
        "(internal note)",
        "[Private note]",
        "[ Private Note ]:",
        "[Note interne]",
        "[Note privée]",
        "[Interne Notiz]",
        "[Nota interna]",
        "(nota privada)",
        "[Commento interno]",
        "[Comentário interno]",
        "[Interne notitie]",
        "[Staff only]",
    ] {
        let t = format!("Customer: hi\n{label} Yuki: check billing\nAgent: done\n");
        assert_eq!(
            notes(&t),
            vec![format!("{label} Yuki: check billing")],
            "{label}"
        );
        // After a speaker label or a timestamp too.
        let t = format!("(10:01) Yuki: {label} check billing\n(10:02) Yuki: hi\n");
        assert_eq!(notes(&t), vec![format!("{label} check billing")], "{label}");
    }
    // Public sentences that start with brackets are not notes.
    for public in [
        "Customer: (private) question: a new PDF?",
        "Customer: [internal notes are not my business]",
        "Customer: (note) the invoice is wrong",
        "Customer: [Internal Revenue Service] letter",
        "Agent Mike: [1] first step",
    ] {
        let t = format!("{public}\nAgent Mike: ok\n{public}\n");
        assert!(notes(&t).is_empty(), "{public}");
    }
}

#[test]
fn custom_markers_and_keep() {
    let p = Policy::from_json(r#"{"note_markers":["NB:"]}"#).unwrap();
    let got = run_with("Agent: hi\nnb: escalate\n", &p);
    assert!(got.contains(&(
        "nb: escalate".into(),
        Category::InternalNote,
        "INTERNAL_NOTE".into()
    )));
    let p = Policy::from_json(r#"{"internal_notes":"keep"}"#).unwrap();
    assert!(run_with("Internal note: x\n", &p).is_empty());
}

#[test]
fn servicenow_journal() {
    let t = "2024-01-15 09:23:11 - Jean Dupont (Work notes)\nCaller is on the VIP list.\n\nCheck AD account.\n\n2024-01-15 09:20:02 - Jean Dupont (Additional comments)\nWe are looking into it.\n";
    let f = run_with(t, &Policy::default());
    assert!(f.contains(&(
        "Caller is on the VIP list.\n\nCheck AD account.".into(),
        Category::InternalNote,
        "INTERNAL_NOTE".into()
    )));
    assert!(f.contains(&("Jean Dupont".into(), Category::Name, "AGENT".into())));
    assert!(!f.iter().any(|x| x.0.contains("looking into")));
    // Other date formats.
    let t = "15/01/2024 09:23 - Ana Lima (Work notes)\nsecret\n";
    assert_eq!(notes(t), vec!["secret"]);
}

#[test]
fn zendesk_chat_transcript() {
    let t = "Chat started: 2019-01-02 08:59 PM UTC\n\n(08:59:24 PM) Jane Doe: my card was charged twice\n*** Omar Haddad joined the chat ***\n(09:00:02 PM) Omar Haddad: Hi Jane, let me check\n(09:01:10 PM) Jane Doe: thanks Omar\n";
    let f = run_with(t, &Policy::default());
    assert!(f.contains(&("Jane Doe".into(), Category::Name, "CUSTOMER".into())));
    assert!(f.contains(&("Jane".into(), Category::Name, "CUSTOMER".into())));
    assert!(f.contains(&("Omar Haddad".into(), Category::Name, "AGENT".into())));
    assert!(f.contains(&("Omar".into(), Category::Name, "AGENT".into())));
    assert!(!f.iter().any(|x| x.1 == Category::InternalNote));
}

#[test]
fn regression_issue_5_bare_labels_outside_transcripts_are_not_names() {
    // Forum or IRC text: `anyone:`, `Depends:`, `FYI:` and nick addressing start a few
    // lines among many, and are not speakers.
    let mut t = String::new();
    for i in 0..10 {
        t.push_str(&format!(
            "anyone: is there a fix {i}?\nDepends: libc6\nFYI: it works\n"
        ));
        for j in 0..20 {
            t.push_str(&format!("plain chat line {i} {j} about drivers\n"));
        }
    }
    let f = run_with(&t, &Policy::default());
    assert!(!f.iter().any(|x| x.1 == Category::Name), "{f:?}");
    // A real bare-name transcript still teaches its speakers.
    let t = "Priya: hi\nTomasz: hello\nPriya: my order is late\nTomasz: let me check\n";
    let f = run_with(t, &Policy::default());
    assert!(f.iter().any(|x| x.0 == "Priya" && x.1 == Category::Name));
    assert!(f.iter().any(|x| x.0 == "Tomasz" && x.1 == Category::Name));
}

fn name_values(f: &[(String, Category, String)]) -> Vec<&str> {
    f.iter()
        .filter(|x| x.1 == Category::Name)
        .map(|x| x.0.as_str())
        .collect()
}

#[test]
fn speakers_and_false_labels() {
    let t = "Agent Mike: Hello\nCustomer Jane Doe: Hi Mike\nError: disk full\nCaused by: x\n";
    let f = run_with(t, &Policy::default());
    let names: Vec<&str> = name_values(&f);
    assert_eq!(names, vec!["Jane Doe", "Mike"]);
    // A bare `Name:` must recur to be learned.
    let t = "Priya: hi\nStack Trace: none\nPriya: bye\n";
    let f = run_with(t, &Policy::default());
    let names: Vec<&str> = name_values(&f);
    assert_eq!(names, vec!["Priya"]);
    assert!(run_with("Summary: all good\nStatus: open\n", &Policy::default()).is_empty());
}

#[test]
fn regression_issue_5_pasted_mail_headers_are_not_speakers() {
    // Found by fuzzing: `Message-ID:` twice made it a speaker label; replacing it let
    // the email detector see the message id as an address on the second run.
    let t = "Message-ID: <a1@mail.example.com>\nMessage-ID: <b2@mail.example.com>\nX-Mailer: Foo\nX-Mailer: Foo\nJean-Pierre: hi\nJean-Pierre: bye\n";
    let f = run_with(t, &Policy::default());
    assert_eq!(name_values(&f), vec!["Jean-Pierre"]);
}

#[test]
fn email_headers_teach_names() {
    let t = "From: Jane Doe <jane@x.com>\nTo: \"Support\" <help@acme.io>\nSubject: refund\n\nHi, Jane here.\n";
    let f = run_with(t, &Policy::default());
    assert!(f.contains(&("Jane Doe".into(), Category::Name, "NAME".into())));
    assert!(f.contains(&("Jane".into(), Category::Name, "NAME".into())));
    assert!(!f.iter().any(|x| x.0 == "Support"));
}
