//! The `logscrub` command: reads a log from a file or stdin, writes it sanitized to stdout.
#![forbid(unsafe_code)]

use logscrub::{Category, Engine, Error, Mapping, Policy, Strategy};
use std::io::{Read, Write};
use std::process::ExitCode;

const HELP: &str = "\
logscrub: remove personal data, secrets and internal notes from logs, locally.

USAGE:
    logscrub [OPTIONS] [FILE]
    logscrub restore --mapping FILE [FILE]

Reads FILE (or standard input when FILE is absent or -) and writes the sanitized text to
standard output. Nothing is sent anywhere.

`restore` puts the original values back into a reply written against sanitized text, using
the mapping saved with --mapping, and warns about placeholders the mapping does not know.

OPTIONS:
    --policy FILE                 the policy JSON (the same file the web app exports)
    --strategy CATEGORY=STRATEGY  replace CATEGORY (email, ipv4, ..., or `all`) with STRATEGY:
                                  label, numbered, mask, partial, fake, hash, remove
                                  (repeatable; overrides the policy)
    --key-file FILE               the secret key of the `hash` strategy (>= 16 bytes; one
                                  trailing newline is ignored)
    --mapping FILE                write the mapping replacement -> original (JSON) to FILE;
                                  it holds the originals: keep it private
    --report FILE                 write the report (counts, hashes, findings without
                                  values) as JSON to FILE
    -h, --help                    this text
    -V, --version                 the version

EXAMPLES:
    logscrub ticket.log > ticket.sanitized.log
    cat chat.txt | logscrub --policy team-policy.json
    logscrub --strategy ipv4=partial --mapping t.map.json ticket.log > t.txt
    logscrub restore --mapping t.map.json reply.txt

EXIT STATUS:
    0 sanitized; 1 the leak check found a residual (output withheld); 2 usage or input error.
";

#[derive(Default)]
struct Args {
    restore: bool,
    policy: Option<String>,
    input: Option<String>,
    strategies: Vec<(String, Strategy)>,
    key_file: Option<String>,
    mapping: Option<String>,
    report: Option<String>,
}

/// The value of `--name VALUE` or `--name=VALUE`, if `a` is that option.
fn option_value(
    a: &str,
    name: &str,
    it: &mut impl Iterator<Item = String>,
) -> Result<Option<String>, Error> {
    if a == name {
        return it
            .next()
            .map(Some)
            .ok_or_else(|| Error::Io(format!("{name} needs a value; see logscrub --help")));
    }
    Ok(a.strip_prefix(name)
        .and_then(|rest| rest.strip_prefix('='))
        .map(str::to_string))
}

fn parse_strategy(spec: &str) -> Result<(String, Strategy), Error> {
    let bad = |m: String| Error::Io(format!("--strategy {spec:?}: {m}"));
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

fn parse_args() -> Result<Option<Args>, Error> {
    let mut args = Args::default();
    let mut it = std::env::args().skip(1).peekable();
    if it.peek().map(String::as_str) == Some("restore") {
        it.next();
        args.restore = true;
    }
    while let Some(a) = it.next() {
        if let Some(v) = option_value(&a, "--strategy", &mut it)? {
            args.strategies.push(parse_strategy(&v)?);
            continue;
        }
        if let Some(v) = option_value(&a, "--key-file", &mut it)? {
            args.key_file = Some(v);
            continue;
        }
        if let Some(v) = option_value(&a, "--mapping", &mut it)? {
            args.mapping = Some(v);
            continue;
        }
        if let Some(v) = option_value(&a, "--report", &mut it)? {
            args.report = Some(v);
            continue;
        }
        match a.as_str() {
            "-h" | "--help" => {
                print!("{HELP}");
                return Ok(None);
            }
            "-V" | "--version" => {
                println!("logscrub {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            "--policy" => {
                args.policy = Some(
                    it.next()
                        .ok_or_else(|| Error::Io("--policy needs a FILE".into()))?,
                );
            }
            s if s.starts_with("--policy=") => {
                args.policy = Some(s["--policy=".len()..].to_string())
            }
            s if s.starts_with('-') && s != "-" => {
                return Err(Error::Io(format!(
                    "unknown option {s:?}; see logscrub --help"
                )))
            }
            s => {
                if args.input.is_some() {
                    return Err(Error::Io("only one input FILE is supported".into()));
                }
                args.input = Some(s.to_string());
            }
        }
    }
    if args.restore {
        if args.mapping.is_none() {
            return Err(Error::Io(
                "restore needs --mapping FILE (the mapping saved when sanitizing)".into(),
            ));
        }
        if args.policy.is_some()
            || !args.strategies.is_empty()
            || args.key_file.is_some()
            || args.report.is_some()
        {
            return Err(Error::Io(
                "restore takes only --mapping FILE and an input FILE".into(),
            ));
        }
    }
    Ok(Some(args))
}

fn read_input(input: Option<&str>) -> Result<Vec<u8>, Error> {
    let mut buf = Vec::new();
    match input {
        None | Some("-") => {
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| Error::Io(format!("cannot read standard input: {e}")))?;
        }
        Some(path) => {
            buf = std::fs::read(path).map_err(|e| Error::Io(format!("cannot read {path}: {e}")))?;
        }
    }
    Ok(buf)
}

fn write_stdout(text: &str) -> Result<ExitCode, Error> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(Error::Io(format!("cannot write output: {e}"))),
    }
}

fn write_file(path: &str, what: &str, contents: &str) -> Result<(), Error> {
    std::fs::write(path, contents)
        .map_err(|e| Error::Io(format!("cannot write {what} to {path}: {e}")))
}

fn run_restore(args: &Args) -> Result<ExitCode, Error> {
    let path = args.mapping.as_deref().unwrap_or_default();
    let json = std::fs::read_to_string(path)
        .map_err(|e| Error::Io(format!("cannot read mapping {path}: {e}")))?;
    let mapping = Mapping::from_json(&json)?;
    let input = read_input(args.input.as_deref())?;
    let text = String::from_utf8_lossy(&input);
    let (restored, unknown) = logscrub::restore(&text, &mapping);
    if !unknown.is_empty() {
        eprintln!(
            "logscrub: warning: {} placeholder(s) not in the mapping were left as they are \
             (another run's, or a label/mask/remove strategy, which cannot be restored): {}",
            unknown.len(),
            unknown.join(", ")
        );
    }
    write_stdout(&restored)
}

fn run() -> Result<ExitCode, Error> {
    let Some(args) = parse_args()? else {
        return Ok(ExitCode::SUCCESS);
    };
    if args.restore {
        return run_restore(&args);
    }
    let mut policy = match &args.policy {
        Some(path) => {
            let json = std::fs::read_to_string(path)
                .map_err(|e| Error::Io(format!("cannot read policy {path}: {e}")))?;
            Policy::from_json(&json)?
        }
        None => Policy::default(),
    };
    for (cat, strategy) in &args.strategies {
        if cat == "all" {
            policy.default_strategy = *strategy;
            policy.strategies.clear();
        } else {
            policy.strategies.insert(cat.clone(), *strategy);
        }
    }
    let engine = match &args.key_file {
        Some(path) => {
            let mut key = std::fs::read(path)
                .map_err(|e| Error::Io(format!("cannot read key file {path}: {e}")))?;
            if key.last() == Some(&b'\n') {
                key.pop();
                if key.last() == Some(&b'\r') {
                    key.pop();
                }
            }
            Engine::with_key(policy, &key)?
        }
        None => Engine::new(policy)?,
    };
    let input = read_input(args.input.as_deref())?;
    let out = engine.sanitize_bytes(&input);
    if let Some(path) = &args.report {
        let json = serde_json::to_string_pretty(&out.report)
            .map_err(|e| Error::Io(format!("cannot encode the report: {e}")))?;
        write_file(path, "the report", &json)?;
    }
    if out.report.lossy_input {
        eprintln!(
            "logscrub: warning: input is not valid UTF-8; invalid bytes were replaced with U+FFFD"
        );
    }
    if out.report.residual > 0 {
        // Fail closed: never print output that looks sanitized but is not.
        eprintln!(
            "logscrub: {}",
            Error::Leak {
                residual: out.report.residual
            }
        );
        for r in out.report.residuals.iter().take(10) {
            eprintln!(
                "  at output byte {}: {} ({})",
                r.start,
                r.category.id(),
                r.kind
            );
        }
        return Ok(ExitCode::from(1));
    }
    if let Some(path) = &args.mapping {
        write_file(path, "the mapping", &out.mapping.to_json())?;
        if !out.report.not_restorable.is_empty() {
            let ids: Vec<&str> = out.report.not_restorable.iter().map(|c| c.id()).collect();
            eprintln!(
                "logscrub: note: {} use a strategy that cannot be restored (label, mask or \
                 remove); the mapping has no entries for them",
                ids.join(", ")
            );
        }
    }
    write_stdout(&out.text)
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("logscrub: {e}");
            ExitCode::from(2)
        }
    }
}
