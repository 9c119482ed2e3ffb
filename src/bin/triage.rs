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
            eprintln!("triage: {e:#}");
            ExitCode::FAILURE
        }
    }
}
