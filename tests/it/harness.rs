//! A service on a real embedded store in a temporary directory, with a fixed clock, every
//! platform configured, and a counting wrapper around the store and queue so a test can assert
//! that a refused request wrote nothing at all (not merely that nothing ended up queued).

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use async_trait::async_trait;
use base64::Engine as _;
use mention_triage::adapters::embedded::EmbeddedStore;
use mention_triage::app::{
    App, AuthorHistory, FoundMention, InsertOutcome, PortError, Queue, QueuedEntry, Store,
    StoredMention,
};
use mention_triage::core::brand::BrandRules;
use mention_triage::core::normalise::BrandReply;
use mention_triage::core::verify::{self, Limits, Secret, SecretKind, SecretSet};
use mention_triage::http::{Request, Response, Secrets, Service};
use time::OffsetDateTime;

/// The fixed "now" of every test: 2026-11-20T10:00:00Z.
pub const NOW: i64 = 1_763_632_800;

/// Current and previous X consumer secrets (rotation).
pub const X_SECRETS: [&str; 2] = ["x-consumer-secret-current", "x-consumer-secret-previous"];
/// Current and previous Meta app secrets.
pub const META_SECRETS: [&str; 2] = ["meta-app-secret-current", "meta-app-secret-previous"];
/// Meta's subscription verify token.
pub const META_VERIFY_TOKEN: &str = "meta-verify-token-7f3a";
/// Current and previous LinkedIn client secrets.
pub const LINKEDIN_SECRETS: [&str; 2] = ["li-client-secret-current", "li-client-secret-previous"];
/// Current and previous Standard Webhooks secrets.
pub const GENERIC_SECRETS: [&str; 2] = [
    "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    "whsec_c2Vjb25kLXNlY3JldC1mb3Itcm90YXRpb24tdGVzdHM=",
];
/// A secret that used to be valid and was rotated out (raw form, for X/Meta/LinkedIn).
pub const RETIRED_SECRET: &str = "retired-secret-no-longer-configured";
/// A Standard Webhooks secret that was rotated out.
pub const RETIRED_GENERIC: &str = "whsec_cmV0aXJlZC1zdGFuZGFyZC13ZWJob29rcy1zZWNyZXQ=";

/// Counts every write the app makes; delegates to the real embedded store.
pub struct Counting {
    inner: EmbeddedStore,
    writes: AtomicUsize,
}

impl Counting {
    fn bump(&self) {
        self.writes.fetch_add(1, Ordering::SeqCst);
    }
}

#[async_trait]
impl Store for Counting {
    async fn author_history(
        &self,
        platform: &str,
        author_id: &str,
        since: OffsetDateTime,
    ) -> Result<AuthorHistory, PortError> {
        self.inner.author_history(platform, author_id, since).await
    }
    async fn surge_count(&self, topic: &str, bucket: i64) -> Result<u64, PortError> {
        self.inner.surge_count(topic, bucket).await
    }
    async fn find_mentions(&self, keys: &[String]) -> Result<Vec<FoundMention>, PortError> {
        self.inner.find_mentions(keys).await
    }
    async fn insert_mention(&self, m: &StoredMention) -> Result<InsertOutcome, PortError> {
        self.bump();
        self.inner.insert_mention(m).await
    }
    async fn mark_queued(&self, dedup_key: &str) -> Result<(), PortError> {
        self.bump();
        self.inner.mark_queued(dedup_key).await
    }
    async fn claim_send(&self, dedup_key: &str, now: OffsetDateTime) -> Result<bool, PortError> {
        self.bump();
        self.inner.claim_send(dedup_key, now).await
    }
    async fn release_send(
        &self,
        dedup_key: &str,
        held_until: OffsetDateTime,
    ) -> Result<(), PortError> {
        self.bump();
        self.inner.release_send(dedup_key, held_until).await
    }
    async fn update_mention(&self, m: &StoredMention) -> Result<Option<FoundMention>, PortError> {
        self.bump();
        self.inner.update_mention(m).await
    }
    async fn mark_removed(&self, dedup_key: &str, at: OffsetDateTime) -> Result<(), PortError> {
        self.bump();
        self.inner.mark_removed(dedup_key, at).await
    }
    async fn record_brand_reply(&self, reply: &BrandReply) -> Result<(), PortError> {
        self.bump();
        self.inner.record_brand_reply(reply).await
    }
    async fn queued(&self, limit: usize) -> Result<Vec<QueuedEntry>, PortError> {
        self.inner.queued(limit).await
    }
}

#[async_trait]
impl Queue for Counting {
    async fn send(
        &self,
        item_json: &str,
        priority: &str,
        route: &str,
        platform: &str,
    ) -> Result<(), PortError> {
        self.bump();
        self.inner.send(item_json, priority, route, platform).await
    }
}

/// A configured service over a fresh store.
pub struct Rig {
    /// The service under test.
    pub service: Service,
    /// The counting store/queue behind it.
    pub counting: Arc<Counting>,
    dir: tempfile::TempDir,
}

fn set(list: &[&str], kind: SecretKind) -> SecretSet {
    SecretSet::parse_list(&list.join(","), kind).expect("test secrets parse")
}

/// Every platform configured with its current and previous secrets.
pub fn all_secrets() -> Secrets {
    Secrets {
        x: Some(set(&X_SECRETS, SecretKind::Raw)),
        meta: Some(set(&META_SECRETS, SecretKind::Raw)),
        meta_verify_token: Some(META_VERIFY_TOKEN.to_owned()),
        generic: Some(set(&GENERIC_SECRETS, SecretKind::StandardWebhooks)),
        linkedin: Some(set(&LINKEDIN_SECRETS, SecretKind::Raw)),
    }
}

impl Rig {
    /// All platforms configured, default limits (1 MiB, 300 s).
    pub fn new() -> Self {
        Self::with(all_secrets(), BrandRules::default())
    }

    /// Given secrets and brand rules.
    pub fn with(secrets: Secrets, rules: BrandRules) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let inner = EmbeddedStore::open(dir.path()).expect("embedded store");
        let counting = Arc::new(Counting {
            inner,
            writes: AtomicUsize::new(0),
        });
        let app = App::new(counting.clone(), counting.clone(), Arc::new(rules));
        let clock = Arc::new(|| OffsetDateTime::from_unix_timestamp(NOW).expect("valid time"));
        let service = Service::with_clock(app, secrets, Limits::default(), clock);
        Self {
            service,
            counting,
            dir,
        }
    }

    /// Sends one request.
    pub async fn send(
        &self,
        method: &str,
        path: &str,
        query: &str,
        headers: &[(String, String)],
        body: &[u8],
    ) -> Response {
        self.service
            .handle(Request {
                method,
                path,
                query,
                headers,
                body,
            })
            .await
    }

    /// Writes made to the store or queue so far.
    pub fn writes(&self) -> usize {
        self.counting.writes.load(Ordering::SeqCst)
    }

    /// Path of the SQLite file, for direct inspection.
    pub fn db(&self) -> PathBuf {
        self.dir.path().join("triage.db")
    }

    /// `SELECT COUNT(*)` on one table of the embedded store.
    pub fn rows(&self, table: &str) -> i64 {
        let c = rusqlite::Connection::open(self.db()).expect("open db");
        c.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
            .expect("count")
    }

    /// One column of one stored mention, by dedup key.
    pub fn mention_json(&self, dedup_key: &str) -> Option<serde_json::Value> {
        let c = rusqlite::Connection::open(self.db()).expect("open db");
        let s: Option<String> = c
            .query_row(
                "SELECT item_json FROM mentions WHERE dedup_key = ?1",
                [dedup_key],
                |r| r.get(0),
            )
            .ok();
        s.and_then(|s| serde_json::from_str(&s).ok())
    }

    /// The number of items on the embedded queue table.
    pub async fn queued(&self) -> usize {
        self.counting.queued(1000).await.expect("queued").len()
    }
}

/// Header list from pairs.
pub fn headers(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// A raw secret.
pub fn raw(s: &str) -> Secret {
    Secret::parse(s, SecretKind::Raw).expect("raw secret")
}

/// A Standard Webhooks secret.
pub fn whsec(s: &str) -> Secret {
    Secret::parse(s, SecretKind::StandardWebhooks).expect("whsec secret")
}

/// The X signature header value for a body under a raw secret.
pub fn x_sig(secret: &str, body: &[u8]) -> String {
    verify::x_signature(&raw(secret), body)
}

/// The Meta signature header value.
pub fn meta_sig(secret: &str, body: &[u8]) -> String {
    verify::meta_signature(&raw(secret), body)
}

/// The LinkedIn signature header value (reading A, with prefix).
pub fn linkedin_sig(secret: &str, body: &[u8]) -> String {
    verify::linkedin_signature(&raw(secret), body)
}

/// Raw HMAC-SHA256 bytes under a raw secret.
pub fn mac(secret: &str, parts: &[&[u8]]) -> [u8; 32] {
    verify::hmac_sha256(&raw(secret), parts)
}

/// Standard base64.
pub fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// A raw sample payload from `events/raw/`.
pub fn raw_event(name: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("events/raw")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

/// The JSON body of a response.
pub fn json(r: &Response) -> serde_json::Value {
    serde_json::from_slice(&r.body).unwrap_or(serde_json::Value::Null)
}
