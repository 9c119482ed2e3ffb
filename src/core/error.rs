//! Errors of the pure core: why a request was not authentic, or not a payload we understand.
//!
//! They name the problem (a header or field name), never a value, so they are safe to return and log.

use thiserror::Error;

/// Why a request failed verification. Every variant maps to a 401 or a 413 at the HTTP edge.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum VerifyError {
    /// A required signature header is absent.
    #[error("missing header {0}")]
    MissingHeader(&'static str),
    /// A signature header appears more than once (a forwarding trick or a bug; never accepted).
    #[error("header {0} appears more than once")]
    DuplicateHeader(&'static str),
    /// A header is present but not in the platform's format.
    #[error("malformed header {0}")]
    MalformedHeader(&'static str),
    /// The signature does not match the body under any configured secret.
    #[error("signature does not match")]
    BadSignature,
    /// The signed timestamp is outside the replay window.
    #[error("timestamp outside the replay window")]
    StaleTimestamp,
    /// The body is larger than the configured cap; nothing was hashed.
    #[error("body of {size} bytes exceeds the {limit}-byte cap")]
    TooLarge {
        /// Bytes received.
        size: usize,
        /// The cap.
        limit: usize,
    },
}

/// Why a verified body is not a payload we understand. Maps to a 400.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PayloadError {
    /// Not JSON, or not the shape the platform documents.
    #[error("body is not a payload this route understands")]
    Malformed,
    /// A required field is absent.
    #[error("missing field {0}")]
    Missing(&'static str),
    /// A field is present but unusable (empty id, bad platform name, oversized text...).
    #[error("invalid field {0}")]
    Invalid(&'static str),
    /// JSON nested deeper than we parse (a resource attack, not a real payload).
    #[error("payload nested too deeply")]
    TooDeep,
}

/// Why the brand configuration could not be loaded. Fails the process at start.
#[derive(Debug, Error)]
pub enum ConfigError {
    /// TOML syntax or type error; the message names the line.
    #[error("brand config: {0}")]
    Brand(String),
    /// A required setting is missing or invalid.
    #[error("{0}")]
    Invalid(String),
}
