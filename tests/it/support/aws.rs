//! The DynamoDB/SQS emulator the AWS tests run against.
//!
//! `scripts/test.sh` starts moto or ministack on a free loopback port and exports
//! `TRIAGE_TEST_AWS_ENDPOINT` (and `TRIAGE_TEST_EMULATOR`). Without it the AWS tests skip with a
//! note on stderr, unless `TRIAGE_REQUIRE_AWS_TESTS=1` (CI), where a skip would hide a broken
//! setup, so they fail instead. Clients get the endpoint, region and test credentials explicitly
//! so nothing from the developer's own AWS profile can leak in.

use std::sync::atomic::{AtomicU32, Ordering};

use aws_config::{BehaviorVersion, Region};
use aws_sdk_dynamodb::config::Credentials;

/// Region every test uses.
pub const REGION: &str = "us-east-1";

/// A connection to the emulator: endpoint plus ready clients.
#[derive(Clone)]
pub struct Aws {
    /// `http://127.0.0.1:<port>`.
    pub endpoint: String,
    /// `moto`, `ministack`, or `unknown` (named in failure messages: emulators differ).
    pub emulator: String,
    /// DynamoDB client.
    pub ddb: aws_sdk_dynamodb::Client,
    /// SQS client.
    pub sqs: aws_sdk_sqs::Client,
}

impl Aws {
    /// The emulator, or `None` (after saying why) when AWS tests should be skipped.
    ///
    /// Panics when `TRIAGE_REQUIRE_AWS_TESTS=1` and no endpoint is configured.
    pub async fn connect(test: &str) -> Option<Aws> {
        let endpoint = std::env::var("TRIAGE_TEST_AWS_ENDPOINT")
            .ok()
            .filter(|e| !e.trim().is_empty());
        let Some(endpoint) = endpoint else {
            if std::env::var("TRIAGE_REQUIRE_AWS_TESTS").as_deref() == Ok("1") {
                panic!(
                    "{test}: TRIAGE_REQUIRE_AWS_TESTS=1 but TRIAGE_TEST_AWS_ENDPOINT is not set"
                );
            }
            eprintln!("skipping {test}: TRIAGE_TEST_AWS_ENDPOINT is not set (run scripts/test.sh)");
            return None;
        };
        let sdk = aws_config::defaults(BehaviorVersion::latest())
            .endpoint_url(&endpoint)
            .region(Region::new(REGION))
            .credentials_provider(Credentials::new("test", "test", None, None, "tests"))
            .load()
            .await;
        Some(Aws {
            emulator: std::env::var("TRIAGE_TEST_EMULATOR").unwrap_or_else(|_| "unknown".into()),
            ddb: aws_sdk_dynamodb::Client::new(&sdk),
            sqs: aws_sdk_sqs::Client::new(&sdk),
            endpoint,
        })
    }

    /// Environment for a child process (`triage`, `bootstrap`) that must reach the emulator and
    /// nothing else.
    pub fn child_env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("AWS_ENDPOINT_URL", self.endpoint.clone()),
            ("AWS_ACCESS_KEY_ID", "test".into()),
            ("AWS_SECRET_ACCESS_KEY", "test".into()),
            ("AWS_REGION", REGION.into()),
            ("AWS_DEFAULT_REGION", REGION.into()),
            ("AWS_EC2_METADATA_DISABLED", "true".into()),
        ]
    }
}

/// Skips the calling test (returns) when no emulator is configured; see [`Aws::connect`].
#[macro_export]
macro_rules! aws_or_skip {
    ($name:expr) => {
        match $crate::support::aws::Aws::connect($name).await {
            Some(aws) => aws,
            None => return,
        }
    };
}

/// A name no other test uses, in this process, a parallel one, or an earlier run against the
/// same emulator: `<prefix>-<pid>-<seconds>-<n>`. Valid for tables and queues alike.
pub fn unique(prefix: &str) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() % 1_000_000)
        .unwrap_or(0);
    format!(
        "{prefix}-{}-{secs}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}
