use super::*;

fn found(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    UsernameDetector.detect(text, &mut out);
    out.sort_by_key(|f| f.start);
    out.iter().map(|f| &text[f.start..f.end]).collect()
}

#[test]
fn paths_accounts_and_prompts() {
    assert_eq!(
        found(r"Crash dump at C:\Users\mkowalczyk\AppData\Local\CrashDumps\x.dmp"),
        ["mkowalczyk"]
    );
    assert_eq!(found(r#"{"path": "C:\\Users\\jdoe\\Desktop"}"#), ["jdoe"]);
    assert_eq!(found(r"C:\Users\Jane Doe\Documents\a.txt"), ["Jane Doe"]);
    assert_eq!(
        found(r"C:\Documents and Settings\pmartin\Desktop"),
        ["pmartin"]
    );
    assert_eq!(
        found("/home/asato/.config and /Users/lgarcia/Library"),
        ["asato", "lgarcia"]
    );
    assert_eq!(found("mail in /var/mail/hkruger"), ["hkruger"]);
    assert_eq!(found(r"logged on as CORP\jsmith today"), ["jsmith"]);
    assert_eq!(found("jsmith@web01:~$ ls"), ["jsmith"]);
    assert_eq!(found("[mrossi@db02 log]# tail"), ["mrossi"]);
    assert_eq!(found("run ssh akumar@bastion"), ["akumar"]);
    assert_eq!(found("cp ~tnguyen/notes.txt ."), ["tnguyen"]);
    assert_eq!(found("Username: dmueller"), ["dmueller"]);
    assert_eq!(found("USER=sbakker"), ["sbakker"]);
}

#[test]
fn not_user_names() {
    for t in [
        r"C:\Users\Public\Desktop",
        r"C:\Users\Default\NTUSER.DAT",
        r"C:\Users\%USERNAME%\AppData",
        r"C:\Users\<user>\AppData",
        r"C:\Users\{user}\AppData",
        r"C:\Users\[USER-1]\AppData",
        "/home/$USER/.bashrc and /home/ubuntu/app",
        "GET /api/v1/users/4821/orders",
        r"C:\Windows\System32\drivers",
        r"in Windows\System32",
        r#"printf("done\nnext")"#,
        r"FAILED\nDetails follow",
        r"HKLM\SOFTWARE\Microsoft and HKLM\Software",
        r"NT AUTHORITY\SYSTEM",
        r"BUILTIN\Administrators",
        r"see logs\app.log",
        "root@web01:~# reboot",
        "mail me at jane@example.com:",
        "PROGRA~1/x and ~/notes",
        "Username: [USER-1]",
        "user@example.com",
    ] {
        assert!(found(t).is_empty(), "{t}: {:?}", found(t));
    }
}
