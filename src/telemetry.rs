//! Logs and metrics.
//!
//! Logs: `tracing`, JSON on Lambda (honouring `AWS_LAMBDA_LOG_FORMAT`/`RUST_LOG`), human text on
//! the CLI. Fields are stable snake_case keys; bodies, signatures and secrets are never logged.
//!
//! Metrics: CloudWatch Embedded Metric Format lines on stdout, only when running on Lambda
//! (`AWS_LAMBDA_FUNCTION_NAME` set). The alarms in `infra/template.yaml` are built on these names.

use std::io::Write as _;
use std::sync::OnceLock;

/// CloudWatch namespace of every metric.
pub const NAMESPACE: &str = "MentionTriage";

/// The metrics the function emits, each with a `Platform` dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// A delivery passed signature verification (the "platform gone silent" alarm watches it).
    VerifiedWebhooks,
    /// A request failed verification (missing, wrong or stale signature, oversized body).
    SignatureFailures,
    /// Items durably recorded.
    MentionsAccepted,
    /// Mentions put on the human queue.
    MentionsQueued,
    /// Redeliveries recognised.
    Duplicates,
}

impl Metric {
    /// The metric name in CloudWatch.
    pub fn name(self) -> &'static str {
        match self {
            Metric::VerifiedWebhooks => "VerifiedWebhooks",
            Metric::SignatureFailures => "SignatureFailures",
            Metric::MentionsAccepted => "MentionsAccepted",
            Metric::MentionsQueued => "MentionsQueued",
            Metric::Duplicates => "Duplicates",
        }
    }
}

fn emf_enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("AWS_LAMBDA_FUNCTION_NAME").is_some())
}

/// Emits one EMF record carrying several metrics (on Lambda only): one log line per request
/// rather than one per metric keeps CloudWatch Logs ingestion, the largest cost line, small.
/// The platform name is sanitised to a slug.
pub fn metrics(platform: &str, values: &[(Metric, u64)]) {
    if !emf_enabled() || values.is_empty() {
        return;
    }
    let platform: String = platform
        .chars()
        .take(32)
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let ts = time::OffsetDateTime::now_utc().unix_timestamp() * 1000;
    println!("{}", emf_line(&platform, values, ts));
    let _ = std::io::stdout().flush();
}

/// Builds one EMF JSON line (pure; unit-tested).
pub fn emf_line(platform: &str, values: &[(Metric, u64)], ts_ms: i64) -> String {
    let names: Vec<serde_json::Value> = values
        .iter()
        .map(|(m, _)| serde_json::json!({"Name": m.name(), "Unit": "Count"}))
        .collect();
    let mut record = serde_json::json!({
        "_aws": {
            "Timestamp": ts_ms,
            "CloudWatchMetrics": [{
                "Namespace": NAMESPACE,
                "Dimensions": [["Platform"]],
                "Metrics": names
            }]
        },
        "Platform": platform,
    });
    for (m, v) in values {
        record[m.name()] = (*v).into();
    }
    record.to_string()
}

/// Logging for the Lambda: JSON when Lambda's log format says so, level from `RUST_LOG`.
pub fn init_lambda() {
    let json = std::env::var("AWS_LAMBDA_LOG_FORMAT")
        .map(|v| v.eq_ignore_ascii_case("json"))
        .unwrap_or(true);
    init(json);
}

/// Logging for the CLI: human-readable on stderr, `RUST_LOG` (default `info`).
pub fn init_cli() {
    init(false);
}

fn init(json: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = if json {
        builder.json().with_current_span(false).try_init()
    } else {
        builder.compact().try_init()
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emf_shape() {
        let line = emf_line(
            "x",
            &[(Metric::VerifiedWebhooks, 1), (Metric::MentionsQueued, 2)],
            5,
        );
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["_aws"]["CloudWatchMetrics"][0]["Namespace"], NAMESPACE);
        assert_eq!(
            v["_aws"]["CloudWatchMetrics"][0]["Metrics"][1]["Name"],
            "MentionsQueued"
        );
        assert_eq!(v["VerifiedWebhooks"], 1);
        assert_eq!(v["MentionsQueued"], 2);
        assert_eq!(v["Platform"], "x");
    }
}
