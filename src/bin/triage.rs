//! The `triage` command line: parse, run, map the outcome to an exit status.

use std::process::ExitCode;

use clap::Parser;
use mention_triage::{cli, telemetry};

#[tokio::main]
async fn main() -> ExitCode {
    telemetry::init_cli();
    match cli::run(cli::Cli::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("triage: {}", one_line(&e));
            ExitCode::FAILURE
        }
    }
}

/// The failure as one line (SPEC section 7: exit 1 "with a one-line reason"): the error chain
/// joined by `: `, and any message that spans lines folded onto one.
fn one_line(e: &anyhow::Error) -> String {
    format!("{e:#}")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_print_on_one_line() {
        let e = anyhow::anyhow!("first\n  second\n\nthird").context("while starting");
        assert_eq!(one_line(&e), "while starting: first; second; third");
        let e = anyhow::anyhow!("plain reason");
        assert_eq!(one_line(&e), "plain reason");
    }
}
