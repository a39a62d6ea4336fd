//! Command-line parsing, by hand: no dependency, so nothing reaches the library or the wasm
//! build.

use logscrub::policy::InputFormat;
use logscrub::{Category, Strategy};
use std::path::PathBuf;

pub const HELP: &str = "\
logscrub: remove personal data, secrets and internal notes from logs, locally.

USAGE:
    logscrub [OPTIONS] [FILE...]
    logscrub check [OPTIONS] [FILE...]
    logscrub restore --mapping MAP [FILE...]

DESCRIPTION:
    logscrub reads each FILE (or standard input when there is none, or for `-`) and writes
    it with emails, IP addresses, phone numbers, card numbers, secrets, internal notes and
    other personal data replaced. Nothing is sent anywhere.

    Without -o, the sanitized text goes to standard output; several FILEs are read one
    after the other as one text, as `cat` would join them. With -o DIR, each FILE gets
    its own output DIR/NAME.sanitized.EXT (the input is never touched), several files are
    processed in parallel, one per core, and an existing output is never replaced unless
    --force is given. Outputs are written under a temporary name and renamed when
    complete: after an error no partial output is left behind.

    Input is streamed in 1 MiB chunks, so memory stays bounded whatever the input size
    (a JSON document or an email is read whole up to 64 MiB); the output is the same as
    for the whole text at once. Invalid UTF-8 is replaced with
    U+FFFD and reported with a warning, or refused with --strict.

    Every output is scanned again before it is written (the leak check). When an original
    value is found in it, logscrub stops, writes no output file (standard output stops
    before the offending part) and exits with status 1.

COMMANDS:
    (none)     sanitize
    check      report what would be replaced, one finding per line:
                   FILE:LINE:COLUMN CATEGORY RULE
               (LINE and COLUMN 1-based, COLUMN in bytes; values are never printed).
               Exit status 1 when anything is found, 0 when clean: usable as a
               pre-commit hook or a CI gate.
    restore    put the original values back into a text written against sanitized
               output (a reply to a ticket), using the mapping saved with --mapping;
               warns about placeholders the mapping does not know.

OPTIONS:
    -o, --output-dir DIR          write DIR/NAME.sanitized.EXT per input FILE
                                  (DIR/NAME.restored.EXT for restore) instead of stdout
    -f, --force                   replace existing output files
    --policy FILE                 the policy JSON (the same file the web app exports)
    --format FMT                  how the input's structure is read: auto (sniffed,
                                  the default), text, json, jsonl, csv, eml or html;
                                  overrides the policy's format field
    --strategy CATEGORY=STRATEGY  replace CATEGORY (email, ipv4, ..., or `all`) with
                                  STRATEGY: label, numbered, mask, partial, fake, hash,
                                  remove (repeatable; overrides the policy)
    --enable CATEGORY[,...]       turn categories on (e.g. country, which is off by
                                  default); overrides the policy
    --disable CATEGORY[,...]      turn categories off (e.g. case, to keep case numbers
                                  in an internal escalation); overrides the policy.
                                  Categories: email, ipv4, ipv6, mac, phone, card, iban,
                                  us_ssn, uk_nino, fr_nir, secret, url_credentials,
                                  url_token, coordinates, internal_note, name, location,
                                  country, address, case, username, date_of_birth, custom
    --key-file FILE               the secret key of the `hash` strategy (>= 16 bytes; one
                                  trailing newline is ignored)
    --mapping FILE                sanitize: write the mapping replacement -> original
                                  (JSON) to FILE; it holds the originals: keep it private.
                                  restore: the mapping to read
    --report FILE                 write the report (counts, hashes, findings without
                                  values) as JSON to FILE
    --strict                      refuse input that is not valid UTF-8
    -j, --jobs N                  at most N files at once (default: number of cores)
    --json                        check: one JSON object per finding (JSON Lines):
                                  {\"file\",\"line\",\"column\",\"start\",\"end\",
                                  \"category\",\"rule\"}
    -h, --help                    this text
    -V, --version                 the version

    --mapping and --report describe one run: with -o they need a single FILE.
    Progress (bytes, MB/s, ETA) is shown on standard error when it is a terminal.

EXAMPLES:
    logscrub ticket.log > ticket.sanitized.log
    cat chat.txt | logscrub --policy team-policy.json
    logscrub -o clean/ archive/*.log             # one output per file, all cores
    logscrub --strategy ipv4=partial --mapping t.map.json ticket.log > t.txt
    logscrub restore --mapping t.map.json reply.txt
    logscrub check --json logs/*.log             # CI gate: exit 1 when data is found
    git diff --cached --name-only | xargs logscrub check    # pre-commit hook

EXIT STATUS:
    0  success (check: nothing found)
    1  check: something found; sanitize: the leak check found a residual (output withheld)
    2  usage error, unreadable input, invalid policy, write error (disk full, ...)
    A closed output pipe (logscrub big.log | head) ends the run quietly.
";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    Sanitize,
    Check,
    Restore,
}

#[derive(Debug)]
pub struct Args {
    pub command: Command,
    /// Input paths; empty means standard input. `-` is standard input.
    pub inputs: Vec<String>,
    pub out_dir: Option<PathBuf>,
    pub force: bool,
    pub policy: Option<String>,
    pub format: InputFormat,
    pub strategies: Vec<(String, Strategy)>,
    /// `--enable` / `--disable`: category id (canonical) and whether it is on, in order.
    pub switches: Vec<(String, bool)>,
    pub key_file: Option<String>,
    pub mapping: Option<String>,
    pub report: Option<String>,
    pub strict: bool,
    pub json: bool,
    pub jobs: Option<usize>,
}

#[derive(Debug)]
pub enum Parsed {
    Run(Box<Args>),
    Help,
    Version,
}

/// The value of `--name VALUE` or `--name=VALUE` (or `-x VALUE`), if `a` is that option.
fn value(
    a: &str,
    names: &[&str],
    it: &mut impl Iterator<Item = String>,
) -> Result<Option<String>, String> {
    for name in names {
        if a == *name {
            return it
                .next()
                .map(Some)
                .ok_or_else(|| format!("{name} needs a value; see logscrub --help"));
        }
        if let Some(v) = a.strip_prefix(name).and_then(|r| r.strip_prefix('=')) {
            return Ok(Some(v.to_string()));
        }
    }
    Ok(None)
}

pub fn parse_strategy(spec: &str) -> Result<(String, Strategy), String> {
    let bad = |m: String| format!("--strategy {spec:?}: {m}");
    let (cat, strat) = spec
        .split_once('=')
        .ok_or_else(|| bad("expected CATEGORY=STRATEGY, e.g. email=mask".into()))?;
    if cat != "all" && Category::from_id(cat).is_none() {
        let known: Vec<&str> = Category::ALL.iter().map(|c| c.id()).collect();
        return Err(bad(format!(
            "unknown category {cat:?}; known: all, {}",
            known.join(", ")
        )));
    }
    let strategy = Strategy::from_id(strat).ok_or_else(|| {
        let known: Vec<&str> = Strategy::ALL.iter().map(|s| s.id()).collect();
        bad(format!(
            "unknown strategy {strat:?}; known: {}",
            known.join(", ")
        ))
    })?;
    Ok((cat.to_string(), strategy))
}

/// `--enable`/`--disable` values: comma-separated category ids (`ticket` is read as
/// `case`, its old id).
pub fn parse_categories(option: &str, spec: &str) -> Result<Vec<String>, String> {
    spec.split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| {
            Category::from_id(c)
                .map(|c| c.id().to_string())
                .ok_or_else(|| {
                    let known: Vec<&str> = Category::ALL.iter().map(|c| c.id()).collect();
                    format!(
                        "{option} {c:?}: unknown category; known: {}",
                        known.join(", ")
                    )
                })
        })
        .collect::<Result<Vec<_>, _>>()
        .and_then(|v| {
            if v.is_empty() {
                Err(format!("{option} needs a category, e.g. {option} case"))
            } else {
                Ok(v)
            }
        })
}

pub fn parse(argv: impl IntoIterator<Item = String>) -> Result<Parsed, String> {
    let mut it = argv.into_iter().peekable();
    let command = match it.peek().map(String::as_str) {
        Some("check") => Command::Check,
        Some("restore") => Command::Restore,
        _ => Command::Sanitize,
    };
    if command != Command::Sanitize {
        it.next();
    }
    let mut a = Args {
        command,
        inputs: Vec::new(),
        out_dir: None,
        force: false,
        policy: None,
        format: InputFormat::Auto,
        strategies: Vec::new(),
        switches: Vec::new(),
        key_file: None,
        mapping: None,
        report: None,
        strict: false,
        json: false,
        jobs: None,
    };
    let mut only_files = false;
    while let Some(arg) = it.next() {
        if only_files || arg == "-" || !arg.starts_with('-') {
            a.inputs.push(arg);
            continue;
        }
        if arg == "--" {
            only_files = true;
            continue;
        }
        if let Some(v) = value(&arg, &["--strategy"], &mut it)? {
            a.strategies.push(parse_strategy(&v)?);
        } else if let Some(v) = value(&arg, &["--enable"], &mut it)? {
            for c in parse_categories("--enable", &v)? {
                a.switches.push((c, true));
            }
        } else if let Some(v) = value(&arg, &["--disable"], &mut it)? {
            for c in parse_categories("--disable", &v)? {
                a.switches.push((c, false));
            }
        } else if let Some(v) = value(&arg, &["--policy"], &mut it)? {
            a.policy = Some(v);
        } else if let Some(v) = value(&arg, &["--format"], &mut it)? {
            a.format = InputFormat::from_id(&v).ok_or_else(|| {
                let known: Vec<&str> = InputFormat::ALL.iter().map(|f| f.id()).collect();
                format!(
                    "--format {v:?}: unknown format; known: {}",
                    known.join(", ")
                )
            })?;
        } else if let Some(v) = value(&arg, &["--key-file"], &mut it)? {
            a.key_file = Some(v);
        } else if let Some(v) = value(&arg, &["--mapping"], &mut it)? {
            a.mapping = Some(v);
        } else if let Some(v) = value(&arg, &["--report"], &mut it)? {
            a.report = Some(v);
        } else if let Some(v) = value(&arg, &["-o", "--output-dir"], &mut it)? {
            a.out_dir = Some(PathBuf::from(v));
        } else if let Some(v) = value(&arg, &["-j", "--jobs"], &mut it)? {
            match v.parse::<usize>() {
                Ok(n) if n > 0 => a.jobs = Some(n),
                _ => return Err(format!("--jobs {v:?}: expected a positive number")),
            }
        } else {
            match arg.as_str() {
                "-h" | "--help" => return Ok(Parsed::Help),
                "-V" | "--version" => return Ok(Parsed::Version),
                "-f" | "--force" => a.force = true,
                "--strict" => a.strict = true,
                "--json" => a.json = true,
                s => return Err(format!("unknown option {s:?}; see logscrub --help")),
            }
        }
    }
    validate(&a)?;
    Ok(Parsed::Run(Box::new(a)))
}

fn validate(a: &Args) -> Result<(), String> {
    let several = a.inputs.len() > 1;
    match a.command {
        Command::Sanitize => {
            if a.json {
                return Err("--json is an option of `logscrub check`".into());
            }
            if a.out_dir.is_some() && several && (a.mapping.is_some() || a.report.is_some()) {
                return Err("--mapping and --report describe one run: with -o DIR and \
                            several files, run logscrub once per file"
                    .into());
            }
        }
        Command::Check => {
            if a.out_dir.is_some()
                || a.force
                || a.mapping.is_some()
                || a.report.is_some()
                || !a.strategies.is_empty()
                || a.key_file.is_some()
            {
                return Err(
                    "check takes only --policy, --enable, --disable, --format, --strict, --json, \
                     --jobs and FILEs"
                        .into(),
                );
            }
        }
        Command::Restore => {
            if a.mapping.is_none() {
                return Err(
                    "restore needs --mapping FILE (the mapping saved when sanitizing)".into(),
                );
            }
            if a.policy.is_some()
                || !a.strategies.is_empty()
                || !a.switches.is_empty()
                || a.key_file.is_some()
                || a.report.is_some()
                || a.json
            {
                return Err(
                    "restore takes only --mapping FILE, -o DIR, --force, --strict and FILEs".into(),
                );
            }
        }
    }
    if a.inputs.iter().filter(|i| *i == "-").count() > 1 {
        return Err("standard input (-) can be given only once".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Parsed, String> {
        parse(args.iter().map(|s| s.to_string()))
    }

    fn run(args: &[&str]) -> Args {
        match p(args) {
            Ok(Parsed::Run(a)) => *a,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn parses_commands_options_and_files() {
        let a = run(&[
            "-o",
            "out",
            "--force",
            "a.log",
            "--strategy=email=mask",
            "b.log",
        ]);
        assert_eq!(a.command, Command::Sanitize);
        assert_eq!(a.inputs, ["a.log", "b.log"]);
        assert_eq!(a.out_dir, Some(PathBuf::from("out")));
        assert!(a.force);
        assert_eq!(a.strategies.len(), 1);
        let a = run(&["check", "--json", "--", "-weird"]);
        assert_eq!(a.command, Command::Check);
        assert!(a.json);
        assert_eq!(a.inputs, ["-weird"]);
        let a = run(&["restore", "--mapping", "m.json"]);
        assert_eq!(a.command, Command::Restore);
        assert!(a.inputs.is_empty());
    }

    #[test]
    fn category_switches() {
        let a = run(&[
            "--disable",
            "case,username",
            "--enable=country",
            "--disable=ticket",
        ]);
        assert_eq!(
            a.switches,
            [
                ("case".to_string(), false),
                ("username".to_string(), false),
                ("country".to_string(), true),
                ("case".to_string(), false)
            ]
        );
        for c in logscrub::Category::ALL {
            assert!(p(&["check", "--enable", c.id()]).is_ok(), "{c:?}");
        }
    }

    #[test]
    fn refuses_bad_usage() {
        assert!(p(&["--format", "xml"]).is_err());
        assert!(p(&["--format=jsonl"]).is_ok());
        assert!(p(&["--bogus"]).is_err());
        assert!(p(&["--policy"]).is_err());
        assert!(p(&["restore", "x"]).is_err());
        assert!(p(&["check", "--mapping", "m"]).is_err());
        assert!(p(&["--json"]).is_err());
        assert!(p(&["-j", "0"]).is_err());
        assert!(p(&["-", "-"]).is_err());
        assert!(p(&["-o", "d", "--report", "r", "a", "b"]).is_err());
        assert!(p(&["--strategy", "email=nope"]).is_err());
        assert!(p(&["--disable", "nope"]).is_err());
        assert!(p(&["--enable="]).is_err());
        assert!(p(&["restore", "--mapping", "m", "--disable", "case"]).is_err());
        assert!(matches!(p(&["a", "--help"]), Ok(Parsed::Help)));
    }
}
