//! The `logscrub` command: argument parsing ([`args`]), chunked input and atomic outputs
//! ([`io`]), progress ([`progress`]) and the three commands ([`run`]).

pub mod args;
pub mod io;
pub mod progress;
pub mod run;

use args::{Args, Command, Parsed};
use io::CliError;
use logscrub::policy::InputFormat;
use logscrub::{Engine, Policy, Strategy};
use std::process::ExitCode;

fn load_policy(a: &Args) -> Result<Policy, CliError> {
    let mut policy = match &a.policy {
        Some(path) => {
            let json = std::fs::read_to_string(path)
                .map_err(|e| CliError::Failed(io::io_message("read policy", path, &e)))?;
            Policy::from_json(&json)
                .map_err(|e| CliError::failed(format!("invalid policy {path}: {e}")))?
        }
        None => Policy::default(),
    };
    for (cat, strategy) in &a.strategies {
        if cat == "all" {
            policy.default_strategy = *strategy;
            policy.strategies.clear();
        } else {
            policy.strategies.insert(cat.clone(), *strategy);
        }
    }
    for (cat, on) in &a.switches {
        // The options win over the policy file, also over its old id for the category.
        if cat == "case" {
            policy.categories.remove("ticket");
        }
        policy.categories.insert(cat.clone(), *on);
    }
    Ok(policy)
}

fn build_engine(a: &Args) -> Result<Engine, CliError> {
    let mut policy = load_policy(a)?;
    if a.format != InputFormat::Auto {
        // The option wins over the policy file.
        policy.format = a.format;
    }
    if a.command == Command::Check {
        // Check replaces nothing: a policy's `hash` strategy needs no key here.
        policy.default_strategy = Strategy::Label;
        policy.strategies.clear();
    }
    let engine = match &a.key_file {
        Some(path) => {
            let mut key = std::fs::read(path)
                .map_err(|e| CliError::Failed(io::io_message("read key file", path, &e)))?;
            if key.last() == Some(&b'\n') {
                key.pop();
                if key.last() == Some(&b'\r') {
                    key.pop();
                }
            }
            Engine::with_key(policy, &key)
        }
        None => Engine::new(policy),
    };
    engine.map_err(|e| match &a.policy {
        Some(p) => CliError::failed(format!("invalid policy {p}: {e}")),
        None => CliError::failed(e.to_string()),
    })
}

fn dispatch(a: Args) -> Result<ExitCode, CliError> {
    match a.command {
        Command::Restore => run::restore(&a),
        Command::Check => {
            let engine = build_engine(&a)?;
            run::check(&a, &engine)
        }
        Command::Sanitize => {
            let engine = build_engine(&a)?;
            run::sanitize(&a, &engine)
        }
    }
}

pub fn main() -> ExitCode {
    let parsed = match args::parse(std::env::args().skip(1)) {
        Ok(p) => p,
        Err(m) => {
            eprintln!("logscrub: {m}");
            return ExitCode::from(2);
        }
    };
    let a = match parsed {
        Parsed::Help => {
            print!("{}", args::HELP);
            return ExitCode::SUCCESS;
        }
        Parsed::Version => {
            println!("logscrub {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Parsed::Run(a) => *a,
    };
    match dispatch(a) {
        Ok(code) => code,
        Err(CliError::BrokenPipe) => ExitCode::SUCCESS,
        Err(CliError::Leak(m)) => {
            eprintln!("logscrub: {m}");
            ExitCode::from(1)
        }
        Err(CliError::Failed(m)) => {
            eprintln!("logscrub: {m}");
            ExitCode::from(2)
        }
    }
}
