//! The `logscrub` command: reads a log from a file or stdin, writes it sanitized to stdout.
#![forbid(unsafe_code)]

use logscrub::{Engine, Error, Policy};
use std::io::{Read, Write};
use std::process::ExitCode;

const HELP: &str = "\
logscrub: remove personal data, secrets and internal notes from logs, locally.

USAGE:
    logscrub [--policy FILE] [FILE]

Reads FILE (or standard input when FILE is absent or -) and writes the sanitized text to
standard output. Nothing is sent anywhere.

OPTIONS:
    --policy FILE   the policy JSON (the same file the web app exports)
    -h, --help      this text
    -V, --version   the version

EXAMPLES:
    logscrub ticket.log > ticket.sanitized.log
    cat chat.txt | logscrub --policy team-policy.json

EXIT STATUS:
    0 sanitized; 1 the leak check found a residual (output withheld); 2 usage or input error.
";

struct Args {
    policy: Option<String>,
    input: Option<String>,
}

fn parse_args() -> Result<Option<Args>, Error> {
    let mut args = Args {
        policy: None,
        input: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
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
    Ok(Some(args))
}

fn run() -> Result<ExitCode, Error> {
    let Some(args) = parse_args()? else {
        return Ok(ExitCode::SUCCESS);
    };
    let policy = match &args.policy {
        Some(path) => {
            let json = std::fs::read_to_string(path)
                .map_err(|e| Error::Io(format!("cannot read policy {path}: {e}")))?;
            Policy::from_json(&json)?
        }
        None => Policy::default(),
    };
    let engine = Engine::new(policy)?;
    let mut input = Vec::new();
    match args.input.as_deref() {
        None | Some("-") => {
            std::io::stdin()
                .read_to_end(&mut input)
                .map_err(|e| Error::Io(format!("cannot read standard input: {e}")))?;
        }
        Some(path) => {
            input =
                std::fs::read(path).map_err(|e| Error::Io(format!("cannot read {path}: {e}")))?;
        }
    }
    let out = engine.sanitize_bytes(&input);
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
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.text.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(Error::Io(format!("cannot write output: {e}"))),
    }
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
