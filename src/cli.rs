//! The `triage` command line (SPEC section 7). Each subcommand is one function; `main` only maps
//! the result to an exit status (0 ok, 1 failure with a one-line reason, 2 bad usage via clap).

use std::io::{BufRead, Write};
use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};

use crate::adapters;
use crate::config::Shell;
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
    /// List queued items, most urgent first.
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
    let rules = load_rules()?;
    let now = time::OffsetDateTime::now_utc();
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line.context("cannot read stdin")?;
        if line.trim().is_empty() {
            continue;
        }
        let answer = match Mention::parse_json(&line, now) {
            Ok(m) => serde_json::to_string(&triage(&m, &Context::default(), &rules))?,
            Err(e) => serde_json::json!({ "error": e.to_string() }).to_string(),
        };
        writeln!(out, "{answer}")?;
    }
    out.flush()?;
    Ok(())
}

fn load_rules() -> anyhow::Result<BrandRules> {
    match std::env::var("TRIAGE_BRAND_CONFIG")
        .ok()
        .filter(|p| !p.is_empty())
    {
        Some(path) => {
            let text =
                std::fs::read_to_string(&path).with_context(|| format!("cannot read {path}"))?;
            Ok(BrandRules::from_toml(&text).map_err(|e| anyhow::anyhow!("{path}: {e}"))?)
        }
        None => Ok(BrandRules::default()),
    }
}

async fn queue(limit: usize) -> anyhow::Result<()> {
    let wired = adapters::build_service(Shell::Cli).await?;
    let items = wired.store.queued(limit).await?;
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
