//! Which user names are people's: the accounts that name nobody (data), and the bytes a user
//! name may hold.

/// Accounts that are not a person: built-in, shared, service and template accounts, and the
/// words people write in place of their user name.
const NOT_PEOPLE: &[&str] = &[
    "public",
    "default",
    "default user",
    "defaultuser0",
    "defaultapppool",
    "all users",
    "shared",
    "guest",
    "administrator",
    "administrators",
    "admin",
    "root",
    "system",
    "localsystem",
    "local service",
    "localservice",
    "network service",
    "networkservice",
    "wdagutilityaccount",
    "nobody",
    "daemon",
    "www-data",
    "www",
    "postgres",
    "mysql",
    "ubuntu",
    "ec2-user",
    "centos",
    "debian",
    "fedora",
    "opc",
    "azureuser",
    "vagrant",
    "docker",
    "jenkins",
    "git",
    "runner",
    "node",
    "app",
    "user",
    "username",
    "user name",
    "users",
    "your_user",
    "yourname",
    "your name",
    "yourusername",
    "your_username",
    "you",
    "me",
    "someone",
    "somebody",
    "name",
    "xxx",
    "xxxx",
    "test",
    "testuser",
    "demo",
    "example",
    "sample",
    "anonymous",
    "current",
    "currentuser",
    "current user",
    "appdata",
    "desktop",
    "documents",
    "downloads",
    "temp",
    "tmp",
    "local",
    "roaming",
    "programdata",
    "program files",
    "windows",
    "system32",
    "bin",
    "lib",
    "etc",
    "var",
    "home",
    "mail",
    "spool",
    "linuxbrew",
    "lost+found",
    "sshd",
    "trustedinstaller",
    "builtin",
    "nt authority",
    "authority",
    "service",
    "workgroup",
    "domain",
];

pub(super) fn is_person_name(user: &str) -> bool {
    let lower = user.to_lowercase();
    let generic = NOT_PEOPLE.contains(&lower.as_str())
        || lower.starts_with("defaultuser")
        || lower.starts_with("svc")
        || lower.starts_with("iusr")
        || lower.starts_with("mssql")
        || lower.starts_with("nt service");
    let placeholder = user.starts_with(['%', '$', '<', '{', '[', '*', '.', '~', '…', '('])
        || user.ends_with(['%', '>', '}', ']'])
        || user
            .chars()
            .all(|c| c == 'x' || c == 'X' || c == '*' || c == '.');
    let number = user.chars().all(|c| c.is_ascii_digit());
    !(generic || placeholder || number || user.is_empty() || user.len() > 64)
}

pub(super) fn is_user_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-' | b'$')
}
