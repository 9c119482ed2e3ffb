//! The HTTP surface (SPEC section 2), independent of any server framework.
//!
//! Lambda ([`crate::adapters::lambda`]) and `triage serve` ([`crate::adapters::server`]) both turn
//! their request into a [`Request`] and call [`Service::handle`]. This is the one place where
//! errors become statuses ([`ApiError::response`]), and where the check order is fixed:
//! route -> method -> size cap -> content type -> signature -> parse -> process.

use std::sync::Arc;

use serde_json::json;
use time::OffsetDateTime;

use crate::app::{App, PortError};
use crate::core::error::{PayloadError, VerifyError};
use crate::core::normalise::{self, Event};
use crate::core::verify::{self, Limits, SecretSet, StandardHeaders, VerifiedBody};
use crate::telemetry::{self, Metric};

/// A request as any shell sees it. Header names must already be lowercase.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// `GET`, `POST`...
    pub method: &'a str,
    /// Path without query string.
    pub path: &'a str,
    /// Raw query string (without `?`).
    pub query: &'a str,
    /// Header (lowercase name, value) pairs; a repeated header appears once per value.
    pub headers: &'a [(String, String)],
    /// The raw body bytes, exactly as received.
    pub body: &'a [u8],
}

impl Request<'_> {
    /// Every value of one header (name compared case-insensitively).
    pub fn header_values(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// Every value of one query parameter, percent-decoded.
    pub fn query_values(&self, name: &str) -> Vec<String> {
        self.query
            .split('&')
            .filter_map(|pair| {
                let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                (percent_decode(k)? == name)
                    .then(|| percent_decode(v))
                    .flatten()
            })
            .collect()
    }
}

/// Decodes `%XX` and `+`; `None` for invalid escapes or non-UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = s.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// A response any shell can send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// HTTP status.
    pub status: u16,
    /// Content type of the body.
    pub content_type: &'static str,
    /// Extra headers (e.g. `allow` on 405).
    pub headers: Vec<(&'static str, String)>,
    /// Body bytes.
    pub body: Vec<u8>,
}

impl Response {
    fn json(status: u16, v: serde_json::Value) -> Self {
        Self {
            status,
            content_type: "application/json",
            headers: Vec::new(),
            body: v.to_string().into_bytes(),
        }
    }
}

/// Every way a request can fail, mapped once to a status and a JSON body.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// Verification failed.
    #[error(transparent)]
    Verify(#[from] VerifyError),
    /// Signed, but not a payload we understand.
    #[error(transparent)]
    Payload(#[from] PayloadError),
    /// DynamoDB/SQS (or the embedded store) failed: the platform must retry.
    #[error(transparent)]
    Unavailable(#[from] PortError),
    /// No such route, or the platform has no secret configured.
    #[error("no such route")]
    NotFound,
    /// Known route, wrong method.
    #[error("method not allowed")]
    MethodNotAllowed(&'static str),
    /// A body that is not JSON where JSON is required.
    #[error("content type must be application/json")]
    UnsupportedMediaType,
    /// A handshake whose token does not match.
    #[error("verification token does not match")]
    Forbidden,
    /// A handshake without its parameter.
    #[error("missing query parameter {0}")]
    MissingQuery(&'static str),
}

impl ApiError {
    /// The one mapping from error to HTTP answer. Bodies name the problem, never a value.
    pub fn response(&self) -> Response {
        let (status, code) = match self {
            ApiError::Verify(VerifyError::TooLarge { .. }) => (413, "payload_too_large"),
            ApiError::Verify(VerifyError::StaleTimestamp) => (401, "stale_timestamp"),
            ApiError::Verify(_) => (401, "invalid_signature"),
            ApiError::Payload(_) | ApiError::MissingQuery(_) => (400, "malformed_payload"),
            ApiError::Unavailable(_) => (503, "unavailable"),
            ApiError::NotFound => (404, "not_found"),
            ApiError::MethodNotAllowed(_) => (405, "method_not_allowed"),
            ApiError::UnsupportedMediaType => (415, "unsupported_media_type"),
            ApiError::Forbidden => (403, "forbidden"),
        };
        // Store/queue details go to the log, not to the caller.
        let message = match self {
            ApiError::Unavailable(_) => "storage or queue unavailable; retry later".to_owned(),
            other => other.to_string(),
        };
        let mut r = Response::json(status, json!({ "error": code, "message": message }));
        if let ApiError::MethodNotAllowed(allow) = self {
            r.headers.push(("allow", (*allow).to_owned()));
        }
        r
    }
}

/// Per-platform secrets; a platform with none answers 404 on its routes.
#[derive(Debug, Clone, Default)]
pub struct Secrets {
    /// X consumer secrets.
    pub x: Option<SecretSet>,
    /// Meta app secrets.
    pub meta: Option<SecretSet>,
    /// Meta subscription verify token.
    pub meta_verify_token: Option<String>,
    /// Standard Webhooks secrets for the generic route.
    pub generic: Option<SecretSet>,
    /// LinkedIn client secrets (signatures and the challengeCode answer).
    pub linkedin: Option<SecretSet>,
}

/// Source of the current time (a real clock in production, a fixed one in tests).
pub type Clock = Arc<dyn Fn() -> OffsetDateTime + Send + Sync>;

/// The HTTP service: routes, verification, and the application behind them.
#[derive(Clone)]
pub struct Service {
    app: App,
    secrets: Arc<Secrets>,
    limits: Limits,
    clock: Clock,
}

impl Service {
    /// Builds the service with the system clock.
    pub fn new(app: App, secrets: Secrets, limits: Limits) -> Self {
        Self::with_clock(app, secrets, limits, Arc::new(OffsetDateTime::now_utc))
    }

    /// Builds the service with an injected clock (tests).
    pub fn with_clock(app: App, secrets: Secrets, limits: Limits, clock: Clock) -> Self {
        Self {
            app,
            secrets: Arc::new(secrets),
            limits,
            clock,
        }
    }

    /// The configured limits (shells use the body cap before reading a body).
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Answers one request.
    pub async fn handle(&self, req: Request<'_>) -> Response {
        let platform = req
            .path
            .strip_prefix("/webhooks/")
            .unwrap_or("-")
            .trim_end_matches('/');
        match self.route(req).await {
            Ok(r) => r,
            Err(e) => {
                match &e {
                    // A retry racing the first delivery is the platform's normal behaviour.
                    ApiError::Unavailable(cause @ PortError::InFlight(_)) => {
                        tracing::info!(platform, reason = %cause, "answering 503")
                    }
                    ApiError::Unavailable(cause) => {
                        tracing::error!(platform, error = %cause, "answering 503")
                    }
                    ApiError::Verify(v) => {
                        telemetry::metrics(platform, &[(Metric::SignatureFailures, 1)]);
                        tracing::warn!(platform, reason = %v, "refused unauthenticated request");
                    }
                    other => tracing::info!(platform, reason = %other, "refused request"),
                }
                e.response()
            }
        }
    }

    async fn route(&self, req: Request<'_>) -> Result<Response, ApiError> {
        let path = req.path.trim_end_matches('/');
        match (path, req.method) {
            // HEAD too: uptime monitors often probe with it, and HTTP requires it wherever GET
            // works. Its answer has no body, whichever shell sends it.
            ("/health", m @ ("GET" | "HEAD")) => {
                let mut r = Response::json(
                    200,
                    json!({"status": "ok", "version": env!("CARGO_PKG_VERSION")}),
                );
                if m == "HEAD" {
                    r.body.clear();
                }
                Ok(r)
            }
            ("/health", _) => Err(ApiError::MethodNotAllowed("GET, HEAD")),
            ("/webhooks/x", m) => {
                let secrets = self.secrets.x.as_ref().ok_or(ApiError::NotFound)?;
                match m {
                    "GET" => x_crc(&req, secrets),
                    "POST" => {
                        let body = self.precheck(&req)?;
                        let v = verify::verify_x(
                            &req.header_values(verify::X_SIGNATURE),
                            body,
                            secrets,
                            &self.limits,
                        )?;
                        let events = normalise::x::normalise(&v, self.app.rules(), self.now())?;
                        self.accept("x", v, events).await
                    }
                    _ => Err(ApiError::MethodNotAllowed("GET, POST")),
                }
            }
            ("/webhooks/meta", m) => {
                let secrets = self.secrets.meta.as_ref().ok_or(ApiError::NotFound)?;
                match m {
                    "GET" => self.meta_challenge(&req),
                    "POST" => {
                        let body = self.precheck(&req)?;
                        let v = verify::verify_meta(
                            &req.header_values(verify::META_SIGNATURE),
                            body,
                            secrets,
                            &self.limits,
                        )?;
                        let events = normalise::meta::normalise(&v, self.app.rules(), self.now())?;
                        self.accept("meta", v, events).await
                    }
                    _ => Err(ApiError::MethodNotAllowed("GET, POST")),
                }
            }
            ("/webhooks/linkedin", m) => {
                let secrets = self.secrets.linkedin.as_ref().ok_or(ApiError::NotFound)?;
                match m {
                    "GET" => linkedin_challenge(&req, secrets),
                    "POST" => {
                        let body = self.precheck(&req)?;
                        let v = verify::verify_linkedin(
                            &req.header_values(verify::LINKEDIN_SIGNATURE),
                            body,
                            secrets,
                            &self.limits,
                        )?;
                        let events =
                            normalise::linkedin::normalise(&v, self.app.rules(), self.now())?;
                        self.accept("linkedin", v, events).await
                    }
                    _ => Err(ApiError::MethodNotAllowed("GET, POST")),
                }
            }
            ("/webhooks/generic", m) => {
                let secrets = self.secrets.generic.as_ref().ok_or(ApiError::NotFound)?;
                if m != "POST" {
                    return Err(ApiError::MethodNotAllowed("POST"));
                }
                let body = self.precheck(&req)?;
                let (id, ts, sig) = (
                    req.header_values(verify::WEBHOOK_ID),
                    req.header_values(verify::WEBHOOK_TIMESTAMP),
                    req.header_values(verify::WEBHOOK_SIGNATURE),
                );
                let headers = StandardHeaders {
                    id: &id,
                    timestamp: &ts,
                    signature: &sig,
                };
                let now = self.now();
                let v = verify::verify_standard(
                    headers,
                    body,
                    secrets,
                    &self.limits,
                    now.unix_timestamp(),
                )?;
                let events = normalise::generic::normalise(&v, now)?;
                self.accept("generic", v, events).await
            }
            _ => Err(ApiError::NotFound),
        }
    }

    fn now(&self) -> OffsetDateTime {
        (self.clock)()
    }

    /// Size cap, then content type: both before any hashing.
    fn precheck<'r>(&self, req: &Request<'r>) -> Result<&'r [u8], ApiError> {
        verify::check_size(req.body.len(), &self.limits)?;
        for ct in req.header_values("content-type") {
            let mime = ct.split(';').next().unwrap_or("").trim();
            if !mime.eq_ignore_ascii_case("application/json") {
                return Err(ApiError::UnsupportedMediaType);
            }
        }
        Ok(req.body)
    }

    async fn accept(
        &self,
        platform: &str,
        _v: VerifiedBody<'_>,
        events: Vec<Event>,
    ) -> Result<Response, ApiError> {
        let out = match self.app.process(events, self.now()).await {
            Ok(out) => out,
            Err(e) => {
                // Verified even though storage failed: the platform is not silent.
                telemetry::metrics(platform, &[(Metric::VerifiedWebhooks, 1)]);
                return Err(e.into());
            }
        };
        telemetry::metrics(
            platform,
            &[
                (Metric::VerifiedWebhooks, 1),
                (Metric::MentionsAccepted, u64::from(out.accepted)),
                (Metric::MentionsQueued, u64::from(out.queued)),
                (Metric::Duplicates, u64::from(out.duplicates)),
            ],
        );
        tracing::info!(
            platform,
            accepted = out.accepted,
            queued = out.queued,
            duplicates = out.duplicates,
            ignored = out.ignored,
            "delivery processed"
        );
        // Serialised from the struct (not a map) so the fields keep SPEC order.
        let body = serde_json::to_vec(&out).map_err(|e| PortError::Store(e.to_string()))?;
        Ok(Response {
            status: 200,
            content_type: "application/json",
            headers: Vec::new(),
            body,
        })
    }

    fn meta_challenge(&self, req: &Request<'_>) -> Result<Response, ApiError> {
        let expected = self
            .secrets
            .meta_verify_token
            .as_deref()
            .ok_or(ApiError::NotFound)?;
        let mode = req.query_values("hub.mode");
        let token = req.query_values("hub.verify_token");
        // The token is checked first, so a caller without it learns nothing else (403 for every
        // unauthenticated variation). Exactly one of each parameter: repeats are not Meta.
        let token_ok =
            matches!(token.as_slice(), [t] if subtle_eq(t.as_bytes(), expected.as_bytes()));
        if mode.as_slice() != ["subscribe"] || !token_ok {
            return Err(ApiError::Forbidden);
        }
        let challenge = req.query_values("hub.challenge");
        let [challenge] = challenge.as_slice() else {
            return Err(ApiError::MissingQuery("hub.challenge"));
        };
        // Echo only a sane challenge: Meta sends digits; anything else is not Meta.
        if challenge.is_empty()
            || challenge.len() > 128
            || !challenge
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(ApiError::MissingQuery("hub.challenge"));
        }
        Ok(Response {
            status: 200,
            content_type: "text/plain",
            headers: Vec::new(),
            body: challenge.clone().into_bytes(),
        })
    }
}

/// LinkedIn's validation GET: `?challengeCode=<uuid>` answered with its HMAC under the current
/// client secret, which proves we hold the secret. Only a UUID-like code is answered.
fn linkedin_challenge(req: &Request<'_>, secrets: &SecretSet) -> Result<Response, ApiError> {
    let codes = req.query_values("challengeCode");
    let [code] = codes.as_slice() else {
        return Err(ApiError::MissingQuery("challengeCode"));
    };
    if code.is_empty()
        || code.len() > 128
        || !code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        return Err(ApiError::MissingQuery("challengeCode"));
    }
    Ok(Response::json(
        200,
        json!({
            "challengeCode": code,
            "challengeResponse": verify::linkedin_challenge_response(secrets, code),
        }),
    ))
}

fn x_crc(req: &Request<'_>, secrets: &SecretSet) -> Result<Response, ApiError> {
    let tokens = req.query_values("crc_token");
    let [token] = tokens.as_slice() else {
        return Err(ApiError::MissingQuery("crc_token"));
    };
    // The answer is the HMAC that signs a POST whose body is the token, so an unchecked token
    // would let anyone have a delivery body signed (`crc_token={"tweet_create_events":...}`).
    // X sends base64 tokens; that alphabet has no `{`, `[` or `"`, so no token is an object a
    // normaliser reads.
    let base64 = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'-' | b'_');
    if token.is_empty() || token.len() > 256 || !token.bytes().all(base64) {
        return Err(ApiError::MissingQuery("crc_token"));
    }
    Ok(Response::json(
        200,
        json!({ "response_token": verify::x_crc_response(secrets, token) }),
    ))
}

fn subtle_eq(a: &[u8], b: &[u8]) -> bool {
    use subtle::ConstantTimeEq;
    a.len() == b.len() && bool::from(a.ct_eq(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_decoding() {
        let h = [];
        let r = Request {
            method: "GET",
            path: "/",
            query: "hub.mode=subscribe&hub.challenge=12%2034&x",
            headers: &h,
            body: b"",
        };
        assert_eq!(r.query_values("hub.challenge"), vec!["12 34".to_owned()]);
        assert_eq!(r.query_values("hub.mode"), vec!["subscribe".to_owned()]);
        assert!(r.query_values("nope").is_empty());
    }

    #[test]
    fn error_mapping_is_fixed() {
        assert_eq!(
            ApiError::Verify(VerifyError::StaleTimestamp)
                .response()
                .status,
            401
        );
        assert_eq!(
            ApiError::Verify(VerifyError::TooLarge { size: 2, limit: 1 })
                .response()
                .status,
            413
        );
        assert_eq!(
            ApiError::Unavailable(PortError::Store("secret detail".into()))
                .response()
                .status,
            503
        );
        let body = String::from_utf8(
            ApiError::Unavailable(PortError::Store("secret detail".into()))
                .response()
                .body,
        )
        .unwrap();
        assert!(!body.contains("secret detail"));
    }
}
