//! Case and ticket numbers, user names in paths and accounts, dates of birth (issue 14):
//! behaviour through the public API, per context word and language, with the precision traps.

use logscrub::{Category, Engine, Policy};

fn engine() -> Engine {
    Engine::new(Policy::default()).unwrap()
}

fn clean(text: &str) -> String {
    let out = engine().sanitize(text);
    assert_eq!(out.report.residual, 0, "{:?}", out.report.residuals);
    out.text
}

/// The values of `category` found in `text`.
fn found(text: &str, category: Category) -> Vec<String> {
    let (f, _) = engine().detect(text);
    f.iter()
        .filter(|f| f.category == category)
        .map(|f| text[f.start..f.end].to_string())
        .collect()
}

#[test]
fn regression_issue_14_case_number_in_a_system_message() {
    assert_eq!(
        clean("Your case number is 1912160040012345, keep it for reference."),
        "Your case number is [CASE-1], keep it for reference."
    );
}

#[test]
fn regression_issue_14_user_name_in_a_crash_dump_path() {
    assert_eq!(
        clean(r"Crash dump at C:\Users\mkowalczyk\AppData\Local\CrashDumps\outlook.dmp"),
        r"Crash dump at C:\Users\[USER-1]\AppData\Local\CrashDumps\outlook.dmp"
    );
}

#[test]
fn regression_issue_14_learned_case_id_is_replaced_everywhere_with_one_number() {
    let text = "Agent: your case 1912160040012345 is open.\n\
                Customer: thanks\n\
                Agent: quote 1912160040012345 in replies; INC0012345 tracks it, and INC0012345 again.\n";
    let out = clean(text);
    assert_eq!(
        out,
        "Agent: your case [CASE-1] is open.\n\
         Customer: thanks\n\
         Agent: quote [CASE-1] in replies; [CASE-2] tracks it, and [CASE-2] again.\n"
    );
}

#[test]
fn regression_issue_14_learned_user_is_replaced_in_prose_too() {
    let out = clean("dump in C:\\Users\\mkowalczyk\\AppData\nmkowalczyk says the dump is there\n");
    assert!(!out.contains("mkowalczyk"), "{out}");
    assert_eq!(out.matches("[USER-1]").count(), 2, "{out}");
}

#[test]
fn regression_issue_14_case_switch_keeps_case_numbers() {
    let text = "Your case number is 1912160040012345; see INC0012345. C:\\Users\\jdoe\\x";
    for json in [
        r#"{"version":1,"categories":{"case":false}}"#,
        r#"{"version":1,"categories":{"ticket":false}}"#,
    ] {
        let e = Engine::new(Policy::from_json(json).unwrap()).unwrap();
        let out = e.sanitize(text).text;
        assert!(
            out.contains("1912160040012345") && out.contains("INC0012345"),
            "{out}"
        );
        assert!(out.contains("C:\\Users\\[USER-1]\\x"), "{out}");
    }
}

#[test]
fn case_words_in_every_language() {
    for (text, id) in [
        ("Your case number is 1912160040012345.", "1912160040012345"),
        ("case 1912160040012345", "1912160040012345"),
        ("Subject: [Ticket #48213] printer", "48213"),
        ("Case #: 00012345", "00012345"),
        ("Salesforce case 00012345", "00012345"),
        ("TrackingID#2301010010000123", "2301010010000123"),
        ("SR# 3-12345678", "3-12345678"),
        ("service request 12345678", "12345678"),
        ("incident 88231 raised", "88231"),
        ("Zendesk request #77812", "77812"),
        ("ticket id: 4821", "4821"),
        ("Jira ticket SUP-4411", "SUP-4411"),
        ("see INC0012345", "INC0012345"),
        ("see REQ0012345", "REQ0012345"),
        ("see RITM0012345", "RITM0012345"),
        ("see CHG0012345", "CHG0012345"),
        ("see PRB0012345", "PRB0012345"),
        ("see TASK0012345", "TASK0012345"),
        ("numéro de dossier : 2403050040001234", "2403050040001234"),
        ("votre ticket n° 552301", "552301"),
        ("Ihre Vorgangsnummer lautet 55012345", "55012345"),
        ("Vorgang 55012345", "55012345"),
        ("Fall Nr. 775102", "775102"),
        ("Ticket-Nr.: 7781234", "7781234"),
        ("Su número de caso es 2403050030007654", "2403050030007654"),
        ("el expediente 2024/000123", "2024/000123"),
        ("la pratica n. 2024/5512", "2024/5512"),
        ("zaak 7712345", "7712345"),
        ("zaaknummer 7712345", "7712345"),
        ("o processo nº 1098-22", "1098-22"),
        ("dossier 48213", "48213"),
        ("caso 48213", "48213"),
    ] {
        assert_eq!(found(text, Category::Case), [id], "{text}");
    }
}

#[test]
fn not_case_numbers() {
    for text in [
        "Windows 11 build 22631, version 2402 (Build 17328.20162)",
        "error 0x80070005 after KB5034441 and CVE-2024-21413",
        "order total $1,249.00, 2 items",
        "2024-03-05 10:32:11 request served on port 8443 by PID 4312 at line 1234",
        "step #2, then the #1 priority",
        "test case 1234 failed; use case 2001",
        "in case 2 users fail, in case 2024 is busy",
        "the request took 3000 ms, ticket 2048 bytes",
        "In diesem Fall 2 Geräte; Fall 2023",
        "processo 4312 terminato",
        "request id 123456 and x-request-id: 8d7f",
        "the ticket is closed",
        "ticket opened 2024-01-15",
        "ticket-4711.log",
    ] {
        assert!(
            found(text, Category::Case).is_empty(),
            "{text}: {:?}",
            found(text, Category::Case)
        );
    }
}

#[test]
fn user_names_in_paths_accounts_and_prompts() {
    for (text, user) in [
        (r"C:\Users\mkowalczyk\AppData", "mkowalczyk"),
        (r"c:\users\mkowalczyk\desktop", "mkowalczyk"),
        (r#"{"path":"C:\\Users\\jdoe\\Desktop\\a.txt"}"#, "jdoe"),
        (r"C:/Users/jdoe/Desktop", "jdoe"),
        (r"C:\Documents and Settings\pmartin\Desktop", "pmartin"),
        (r"C:\Users\Jane Doe\Documents\a.txt", "Jane Doe"),
        ("/home/asato/.cache", "asato"),
        ("/Users/lgarcia/Library/Logs", "lgarcia"),
        ("/var/mail/hkruger", "hkruger"),
        (r"logged on as CORP\jsmith", "jsmith"),
        (r"account contoso\jsmith failed", "jsmith"),
        ("jsmith@web01:~$ ls", "jsmith"),
        ("jsmith@web01:/var/log# ls", "jsmith"),
        ("[mrossi@db02 log]$ tail", "mrossi"),
        ("ssh akumar@bastion", "akumar"),
        ("cp ~tnguyen/notes.txt .", "tnguyen"),
        ("Username: dmueller", "dmueller"),
        ("my username is dmueller", "dmueller"),
        ("USER=sbakker", "sbakker"),
        ("Benutzername: hschmidt", "hschmidt"),
        ("nom d'utilisateur : cdupont", "cdupont"),
        ("nombre de usuario: jortega", "jortega"),
        ("gebruikersnaam: pjansen", "pjansen"),
    ] {
        assert_eq!(found(text, Category::Username), [user], "{text}");
    }
    // Only the user part: the rest of the path stays.
    assert_eq!(
        clean(r"C:\Documents and Settings\pmartin\Desktop\report.xlsx"),
        r"C:\Documents and Settings\[USER-1]\Desktop\report.xlsx"
    );
    assert_eq!(clean("jsmith@web01:~$ ls\n"), "[USER-1]@web01:~$ ls\n");
}

#[test]
fn system_accounts_placeholders_and_paths_are_not_user_names() {
    for text in [
        r"C:\Users\Public\Documents",
        r"C:\Users\Default\NTUSER.DAT",
        r"C:\Users\All Users\Microsoft",
        r"C:\Users\Administrator\Desktop",
        r"C:\Users\%USERNAME%\AppData",
        r"C:\Users\<user>\AppData",
        r"C:\Users\{user}\AppData",
        "/home/$USER/.bashrc /home/${USER}/x",
        "/home/ubuntu/app /home/ec2-user/app /Users/Shared/x",
        "GET /api/v1/users/4821/orders",
        r"C:\Windows\System32\drivers\etc\hosts",
        r"HKLM\SOFTWARE\Microsoft",
        r"NT AUTHORITY\SYSTEM and BUILTIN\Administrators",
        r#"printf("done\nnext\tvalue")"#,
        r"ERROR\nDetails: see logs\app.log",
        "root@web01:~# reboot",
        "write to jane@example.com:",
        "~/notes and PROGRA~1/x",
        "Username: root",
        "your username and password",
        "logname= uid=0 euid=0",
    ] {
        assert!(
            found(text, Category::Username).is_empty(),
            "{text}: {:?}",
            found(text, Category::Username)
        );
    }
}

#[test]
fn dates_of_birth_in_every_language() {
    for (text, date) in [
        ("DOB: 04/11/1987", "04/11/1987"),
        ("D.O.B. 04/11/1987", "04/11/1987"),
        ("date of birth 1985-03-12", "1985-03-12"),
        ("Date of Birth: 12 March 1985", "12 March 1985"),
        ("born on March 12, 1985", "March 12, 1985"),
        ("born on the 12th of March 1985", "12th of March 1985"),
        ("birth date: 3.4.1970", "3.4.1970"),
        ("née le 3 février 1979", "3 février 1979"),
        ("né le 1er janvier 1980", "1er janvier 1980"),
        ("date de naissance : 01/02/1990", "01/02/1990"),
        ("Geburtsdatum: 12.03.1985", "12.03.1985"),
        ("geboren am 7. Mai 1979", "7. Mai 1979"),
        (
            "fecha de nacimiento: 12 de marzo de 1985",
            "12 de marzo de 1985",
        ),
        ("nacido el 3/4/1970", "3/4/1970"),
        ("data di nascita: 05/06/1991", "05/06/1991"),
        ("nato il 5 maggio 1990", "5 maggio 1990"),
        ("geboortedatum 14-02-1992", "14-02-1992"),
        ("geboren op 14 februari 1992", "14 februari 1992"),
        (
            "data de nascimento: 12 de março de 1985",
            "12 de março de 1985",
        ),
        ("nascido em 12/03/85", "12/03/85"),
        ("she was born in 1985", "1985"),
    ] {
        assert_eq!(found(text, Category::DateOfBirth), [date], "{text}");
    }
    assert_eq!(clean("DOB: 04/11/1987\n"), "DOB: [DOB-1]\n");
}

#[test]
fn dates_without_a_birth_word_are_kept() {
    for text in [
        "2024-03-05T10:32:11Z opened, 05/03/2024 10:32",
        "on 12 March 1985 the server booted",
        "DOB: unknown; DOB: 32/13/1985",
        "a newborn on 12/03/2024, reborn on 12/03/2024",
        "born in May, born 1985",
        "Monday 4 March, the Teams call",
    ] {
        assert!(
            found(text, Category::DateOfBirth).is_empty(),
            "{text}: {:?}",
            found(text, Category::DateOfBirth)
        );
    }
}

#[test]
fn placeholders_are_stable_when_sanitized_again() {
    let text =
        "Case #: 00012345, DOB: 04/11/1987, C:\\Users\\jdoe\\x, CORP\\jdoe, jdoe@web:~$ ls\n";
    let once = clean(text);
    assert_eq!(clean(&once), once);
}

#[test]
fn two_pass_stream_equals_whole_text() {
    let e = engine();
    let text = format!(
        "{}later: 1912160040012345 and mkowalczyk again\n\
         Your case number is 1912160040012345. Dump: C:\\Users\\mkowalczyk\\x.dmp\n",
        "status unchanged\n".repeat(200)
    );
    let whole = e.sanitize(&text).text;
    assert!(
        !whole.contains("1912160040012345") && !whole.contains("mkowalczyk"),
        "{whole}"
    );
    let mut l = e.learner();
    for c in text.split_inclusive('\n') {
        l.feed(c);
    }
    let mut s = e.stream_seeded(l.finish()).with_segment_size(1);
    let mut out = String::new();
    for c in text.split_inclusive('\n') {
        out.push_str(&s.feed(c));
    }
    out += &s.finish().text;
    assert_eq!(out, whole);
}
