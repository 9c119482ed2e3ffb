//! mention-triage: verifies social-platform webhooks, normalises each mention, triages it,
//! stores state and queues the risky ones for humans. It posts nothing, ever.
//!
//! Map (details in ARCHITECTURE.md):
//! - [`core`]: the pure domain (verify, normalise, triage); no I/O, no async, no AWS or HTTP.
//! - [`app`]: the use case (one delivery -> stored, deduplicated, queued) over two ports,
//!   [`app::Store`] and [`app::Queue`].
//! - [`http`]: the HTTP surface (routes, handshakes, the one error-to-status mapping), framework-free.
//! - [`adapters`]: DynamoDB, SQS, Secrets Manager, the embedded SQLite store, Lambda and the local server.
//! - [`config`]: every environment variable, read once at start.

#[cfg(feature = "runtime")]
pub mod adapters;
pub mod app;
#[cfg(feature = "runtime")]
pub mod cli;
pub mod config;
pub mod core;
pub mod eval;
pub mod http;
pub mod telemetry;
