//! The `logscrub` command; see `logscrub --help` and the modules under `src/cli/`.
#![forbid(unsafe_code)]

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
