//! Adapters: everything that touches the outside world. The core never imports from here.
//!
//! - [`embedded`]: SQLite store + queue for `triage serve` (no AWS account needed).
//! - [`dynamo`]: the DynamoDB store.
//! - [`sqs`]: the SQS queue.
//! - [`secrets`]: Secrets Manager (`TRIAGE_SECRETS_ID`), read once at cold start.
//! - [`lambda`]: the Lambda event shell.
//! - [`server`]: the local HTTP server.

pub mod dynamo;
pub mod embedded;
pub mod lambda;
pub mod secrets;
pub mod server;
pub mod sqs;

use std::collections::HashMap;
use std::sync::Arc;

use crate::app::{App, Store};
use crate::config::{Backend, Config, ProcessEnv, Shell, StateSource};
use crate::http::Service;

/// Loads the AWS SDK configuration from the environment (honours `AWS_ENDPOINT_URL`).
pub async fn aws_config() -> aws_config::SdkConfig {
    aws_config::load_defaults(aws_config::BehaviorVersion::latest()).await
}

/// What a process needs, wired once: the HTTP service and the config.
pub struct Wired {
    /// The HTTP service.
    pub service: Service,
    /// The configuration it was built from.
    pub config: Config,
}

/// Opens the store that holds the queued state, for reading only (`triage queue`): no queue,
/// no secrets, no brand rules.
pub async fn open_state(source: StateSource) -> anyhow::Result<Arc<dyn Store>> {
    Ok(match source {
        StateSource::Dynamo { table } => Arc::new(dynamo::DynamoStore::new(
            aws_sdk_dynamodb::Client::new(&aws_config().await),
            table,
        )),
        StateSource::Embedded { data_dir } => Arc::new(embedded::EmbeddedStore::open(&data_dir)?),
    })
}

/// Reads configuration (with Secrets Manager when `TRIAGE_SECRETS_ID` is set) and wires the
/// service on the configured backend. Runs once per process.
pub async fn build_service(shell: Shell) -> anyhow::Result<Wired> {
    let env = ProcessEnv;
    let probe = Config::load(&env, &HashMap::new(), shell)?;
    let needs_aws = probe.secrets_id.is_some() || matches!(probe.backend, Backend::Aws { .. });
    let sdk = if needs_aws {
        Some(aws_config().await)
    } else {
        None
    };
    let config = match (&probe.secrets_id, &sdk) {
        (Some(id), Some(sdk)) => {
            let overlay = secrets::fetch(sdk, id).await?;
            Config::load(&env, &overlay, shell)?
        }
        _ => probe,
    };
    let rules = Arc::new(config.rules.clone());
    let (store, queue): (Arc<dyn Store>, Arc<dyn crate::app::Queue>) = match &config.backend {
        Backend::Aws { table, queue_url } => {
            let sdk = match sdk {
                Some(sdk) => sdk,
                None => aws_config().await,
            };
            (
                Arc::new(dynamo::DynamoStore::new(
                    aws_sdk_dynamodb::Client::new(&sdk),
                    table.clone(),
                )),
                Arc::new(sqs::SqsQueue::new(
                    aws_sdk_sqs::Client::new(&sdk),
                    queue_url.clone(),
                )),
            )
        }
        Backend::Embedded { data_dir } => {
            let s = Arc::new(embedded::EmbeddedStore::open(data_dir)?);
            (s.clone(), s)
        }
    };
    if shell == Shell::Lambda {
        // The first DynamoDB call pays the TLS handshake (most of a second at 128 MB); paying it
        // during init keeps it off the first platform request. A failure here is not fatal:
        // requests will answer 503 until the store is reachable.
        if let Err(e) = store.surge_count("warmup", 0).await {
            tracing::warn!(error = %e, "store warm-up failed");
        }
    }
    crate::core::triage::warm_up();
    let app = App::new(store, queue, rules);
    let service = Service::new(app, config.secrets.clone(), config.limits);
    Ok(Wired { service, config })
}
