//! The `triage` command line (SPEC section 7). Each subcommand is one function; `main` only maps
//! the result to an exit status (0 ok, 1 failure with a one-line reason, 2 bad usage via clap).

use std::io::{BufRead, Write};
use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};

use crate::adapters;
use crate::config::{self, ProcessEnv, Shell, StateSource};
use crate::core::brand::BrandRules;
use crate::core::mention::Mention;
use crate::core::triage::{triage, Context};
use crate::core::verify::{self, Secret, SecretKind};

/// Triage brand mentions from social webhooks. Posts nothing, ever.
#[derive(Debug, Parser)]
#[command(name = "triage", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the webhook routes locally (embedded store and queue unless TRIAGE_TABLE/TRIAGE_QUEUE_URL are set).
    Serve {
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
    },
    /// Read normalised mentions as JSON lines on stdin; write one triage JSON line per input.
    Classify,
    /// Print quality figures against a labelled CSV (complaints.csv or vader_tweets.csv).
    Eval {
        /// The labelled CSV.
        file: PathBuf,
    },
    /// List queued items, most urgent first (from TRIAGE_TABLE when set, else the embedded store; never receives from SQS).
    Queue {
        /// How many to show.
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Print the headers a platform would send for FILE (for curl -H @headers and tests).
    Sign {
        /// Which platform's scheme.
        #[arg(long, value_enum)]
        platform: SignPlatform,
        /// The secret (X consumer secret, Meta app secret, LinkedIn client secret, or whsec_... for generic).
        #[arg(long)]
        secret: String,
        /// Standard Webhooks message id (generic; default derived from the body).
        #[arg(long)]
        id: Option<String>,
        /// Standard Webhooks timestamp in Unix seconds (generic; default now).
        #[arg(long)]
        timestamp: Option<i64>,
        /// The body to sign, byte for byte.
        file: PathBuf,
    },
}

/// Platforms `triage sign` can sign for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SignPlatform {
    /// X: x-twitter-webhooks-signature.
    X,
    /// Meta: X-Hub-Signature-256.
    Meta,
    /// Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature.
    Generic,
    /// LinkedIn: X-LI-Signature (hmacsha256=<hex HMAC of the body>).
    Linkedin,
}

/// Runs one command.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve { addr } => serve(addr).await,
        Command::Classify => classify(),
        Command::Eval { file } => {
            print!("{}", crate::eval::run(&file)?);
            Ok(())
        }
        Command::Queue { limit } => queue(limit).await,
        Command::Sign {
            platform,
            secret,
            id,
            timestamp,
            file,
        } => {
            let body =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            for (k, v) in sign(platform, &secret, id, timestamp, &body)? {
                println!("{k}: {v}");
            }
            Ok(())
        }
    }
}

async fn serve(addr: SocketAddr) -> anyhow::Result<()> {
    let wired = adapters::build_service(Shell::Cli).await?;
    wired.config.log_platforms();
    let service = wired.service;
    let listener = adapters::server::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}"))?;
    let local = listener.local_addr()?;
    tracing::info!(addr = %local, "triage serve listening");
    eprintln!("listening on http://{local}");
    adapters::server::serve(service, listener, shutdown_signal()).await?;
    eprintln!("stopped");
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM, so `triage serve` stops cleanly under a terminal or a supervisor.
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

fn classify() -> anyhow::Result<()> {
    let rules = config::load_brand_rules(&ProcessEnv)?;
    let now = time::OffsetDateTime::now_utc();
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    classify_lines(stdin.lock(), &mut out, &rules, now)?;
    out.flush()?;
    Ok(())
}

/// One answer line per non-blank input line, in order: a triage, or `{"error":...}` for a line
/// that is not a mention (including one that is not UTF-8; its bytes are never echoed). Only an
/// I/O error ends the run early.
pub fn classify_lines(
    mut input: impl BufRead,
    out: &mut impl Write,
    rules: &BrandRules,
    now: time::OffsetDateTime,
) -> anyhow::Result<()> {
    let mut raw = Vec::new();
    loop {
        raw.clear();
        if input
            .read_until(b'\n', &mut raw)
            .context("cannot read stdin")?
            == 0
        {
            break;
        }
        let bytes = raw.strip_suffix(b"\n").unwrap_or(&raw);
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        let answer = match std::str::from_utf8(bytes) {
            Ok(line) if line.trim().is_empty() => continue,
            Ok(line) => match Mention::parse_json(line, now) {
                Ok(m) => serde_json::to_string(&triage(&m, &Context::default(), rules))?,
                Err(e) => serde_json::json!({ "error": e.to_string() }).to_string(),
            },
            Err(e) => serde_json::json!({
                "error": format!("line is not valid UTF-8 (bad byte at offset {})", e.valid_up_to())
            })
            .to_string(),
        };
        writeln!(out, "{answer}")?;
    }
    Ok(())
}

async fn queue(limit: usize) -> anyhow::Result<()> {
    // Reads only: needs the table, never the queue URL, and never receives from SQS.
    let store = adapters::open_state(StateSource::load(&ProcessEnv)?).await?;
    let items = store.queued(limit).await?;
    print!("{}", render_queue(&items));
    Ok(())
}

/// Renders queued items as a readable table (pure; tested).
pub fn render_queue(items: &[crate::app::QueuedEntry]) -> String {
    let mut s = format!(
        "{:<4} {:<20} {:<10} {:<9} {:<16} {:<5} {:<28} {}\n",
        "PRI", "RESPOND BY", "ROUTE", "PLATFORM", "AUTHOR", "RISK", "FLAGS", "TEXT"
    );
    for e in items {
        let v: serde_json::Value = serde_json::from_str(&e.item_json).unwrap_or_default();
        let t = &v["triage"];
        let m = &v["mention"];
        let author = m["author"]["handle"]
            .as_str()
            .or(m["author"]["id"].as_str())
            .unwrap_or("-");
        let flags: Vec<&str> = t["flags"]
            .as_array()
            .map(|a| a.iter().filter_map(|f| f.as_str()).collect())
            .unwrap_or_default();
        let text: String = m["text"]
            .as_str()
            .unwrap_or("(no text)")
            .replace(['\n', '\r', '\t'], " ")
            .chars()
            .take(60)
            .collect();
        s.push_str(&format!(
            "{:<4} {:<20} {:<10} {:<9} {:<16} {:<5.2} {:<28} {}\n",
            e.priority,
            e.respond_by,
            t["route"].as_str().unwrap_or("-"),
            m["platform"].as_str().unwrap_or("-"),
            author.chars().take(16).collect::<String>(),
            t["risk"].as_f64().unwrap_or(0.0),
            flags.join(","),
            text
        ));
    }
    if items.is_empty() {
        s.push_str("(queue is empty)\n");
    }
    s
}

/// The headers a platform would send for `body` (pure; tested).
pub fn sign(
    platform: SignPlatform,
    secret: &str,
    id: Option<String>,
    timestamp: Option<i64>,
    body: &[u8],
) -> anyhow::Result<Vec<(&'static str, String)>> {
    let mut h = vec![("content-type", "application/json".to_owned())];
    match platform {
        SignPlatform::X => {
            let s = Secret::parse(secret, SecretKind::Raw).map_err(anyhow::Error::msg)?;
            h.push((verify::X_SIGNATURE, verify::x_signature(&s, body)));
        }
        SignPlatform::Meta => {
            let s = Secret::parse(secret, SecretKind::Raw).map_err(anyhow::Error::msg)?;
            h.push((verify::META_SIGNATURE, verify::meta_signature(&s, body)));
        }
        SignPlatform::Linkedin => {
            let s = Secret::parse(secret, SecretKind::Raw).map_err(anyhow::Error::msg)?;
            h.push((
                verify::LINKEDIN_SIGNATURE,
                verify::linkedin_signature(&s, body),
            ));
        }
        SignPlatform::Generic => {
            let s =
                Secret::parse(secret, SecretKind::StandardWebhooks).map_err(anyhow::Error::msg)?;
            let id = id.unwrap_or_else(|| {
                format!(
                    "msg_{}",
                    &hex::encode(verify::hmac_sha256(&s, &[body]))[..24]
                )
            });
            let ts = timestamp.unwrap_or_else(|| time::OffsetDateTime::now_utc().unix_timestamp());
            h.push((verify::WEBHOOK_ID, id.clone()));
            h.push((verify::WEBHOOK_TIMESTAMP, ts.to_string()));
            h.push((
                verify::WEBHOOK_SIGNATURE,
                verify::standard_signature(&s, &id, ts, body),
            ));
        }
    }
    Ok(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classify_bytes(input: &[u8]) -> anyhow::Result<Vec<serde_json::Value>> {
        let mut out = Vec::new();
        classify_lines(
            input,
            &mut out,
            &BrandRules::default(),
            time::OffsetDateTime::now_utc(),
        )?;
        Ok(String::from_utf8(out)?
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect())
    }

    #[test]
    fn classify_answers_an_invalid_utf8_line_and_goes_on() {
        let mut input = Vec::new();
        input.extend_from_slice(br#"{"platform":"x","id":"1","text":"love it","author":{"id":"a"},"created_at":"2026-11-20T10:00:00Z"}"#);
        input.extend_from_slice(
            b"\n{\"platform\":\"x\",\"id\":\"2\",\"text\":\"caf\xe9 \xff\xfe\"}\r\n\n",
        );
        input.extend_from_slice(br#"{"platform":"x","id":"3","text":"my card was charged twice","author":{"id":"b"},"created_at":"2026-11-20T10:00:00Z"}"#);
        input.extend_from_slice(b"\r\nnot json");
        let lines = classify_bytes(&input).unwrap();
        assert_eq!(lines.len(), 4, "{lines:?}");
        assert_eq!(lines[0]["id"], "1");
        let error = lines[1]["error"].as_str().unwrap();
        assert!(error.contains("UTF-8"), "{error}");
        assert!(
            !error.contains("caf") && !error.contains('\u{fffd}'),
            "never echoes the line: {error}"
        );
        assert_eq!(lines[2]["id"], "3", "the rest go on (CRLF too)");
        assert!(lines[3]["error"].is_string(), "a last line without newline");
    }

    #[test]
    fn classify_stops_on_a_real_read_error() {
        struct Broken;
        impl std::io::Read for Broken {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("disk on fire"))
            }
        }
        let e = classify_lines(
            std::io::BufReader::new(Broken),
            &mut Vec::new(),
            &BrandRules::default(),
            time::OffsetDateTime::now_utc(),
        )
        .unwrap_err();
        assert!(format!("{e:#}").contains("cannot read stdin"), "{e:#}");
    }
}
