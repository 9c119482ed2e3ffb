//! The embedded store and queue: one SQLite file (`triage.db`) under `TRIAGE_DATA_DIR`.
//!
//! It gives `triage serve` the same semantics as DynamoDB + SQS with no AWS account: a
//! conditional insert keyed on `<platform>:<id>`, the author's contacts, surge counters, and a
//! durable queue table. WAL mode lets `triage queue` read while `triage serve` writes, and the
//! file survives restarts. SQLite is synchronous, so every call runs on the blocking pool.

use std::path::Path;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use rusqlite::{params, Connection, OptionalExtension};
use time::OffsetDateTime;

use crate::app::{
    AuthorHistory, FoundMention, InsertOutcome, PortError, Queue, QueuedEntry, Store,
    StoredMention, SEND_LEASE,
};
use crate::core::normalise::BrandReply;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS mentions (
    dedup_key   TEXT PRIMARY KEY,
    platform    TEXT NOT NULL,
    author_id   TEXT NOT NULL,
    item_json   TEXT NOT NULL,
    needs_queue INTEGER NOT NULL,
    queued      INTEGER NOT NULL DEFAULT 0,
    priority    TEXT NOT NULL,
    respond_by  TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    removed_at  INTEGER,
    claim_until INTEGER
);
CREATE INDEX IF NOT EXISTS mentions_by_author ON mentions (platform, author_id, received_at);
CREATE TABLE IF NOT EXISTS brand_replies (
    platform  TEXT NOT NULL,
    reply_id  TEXT NOT NULL,
    author_id TEXT NOT NULL,
    at        INTEGER NOT NULL,
    PRIMARY KEY (platform, reply_id)
);
CREATE INDEX IF NOT EXISTS replies_by_author ON brand_replies (platform, author_id, at);
CREATE TABLE IF NOT EXISTS surge (
    topic  TEXT NOT NULL,
    bucket INTEGER NOT NULL,
    count  INTEGER NOT NULL,
    PRIMARY KEY (topic, bucket)
);
CREATE TABLE IF NOT EXISTS queue (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    dedup_key TEXT NOT NULL,
    priority  TEXT NOT NULL,
    route     TEXT NOT NULL,
    platform  TEXT NOT NULL,
    body      TEXT NOT NULL,
    sent_at   INTEGER NOT NULL
);
";

/// The SQLite-backed store and queue.
#[derive(Clone)]
pub struct EmbeddedStore {
    conn: Arc<Mutex<Connection>>,
}

fn err(e: impl std::fmt::Display) -> PortError {
    PortError::Store(e.to_string())
}

impl EmbeddedStore {
    /// Opens (creating if needed) `<dir>/triage.db`.
    pub fn open(dir: &Path) -> Result<Self, PortError> {
        std::fs::create_dir_all(dir)
            .map_err(|e| PortError::Store(format!("cannot create {}: {e}", dir.display())))?;
        let mut conn = Connection::open(dir.join("triage.db")).map_err(err)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(err)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(err)?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(err)?;
        conn.execute_batch(SCHEMA).map_err(err)?;
        migrate(&mut conn).map_err(err)?;
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    async fn with<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Connection) -> rusqlite::Result<T> + Send + 'static,
    ) -> Result<T, PortError> {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            let mut guard = conn
                .lock()
                .map_err(|_| PortError::Store("store lock poisoned".into()))?;
            f(&mut guard).map_err(err)
        })
        .await
        .map_err(err)?
    }
}

/// Brings a `triage.db` written by an earlier version up to [`SCHEMA`] (`CREATE TABLE IF NOT
/// EXISTS` leaves an existing table as it is). In one write transaction, so two processes
/// opening an old file at once (`triage serve` and `triage queue`) do not both alter it.
fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let has_claim: bool = tx.query_row(
        "SELECT EXISTS(SELECT 1 FROM pragma_table_info('mentions') WHERE name = 'claim_until')",
        [],
        |r| r.get(0),
    )?;
    if !has_claim {
        tx.execute("ALTER TABLE mentions ADD COLUMN claim_until INTEGER", [])?;
    }
    tx.commit()
}

/// The stored state of a mention, as a redelivery or an edit sees it.
fn found(tx: &rusqlite::Transaction<'_>, key: &str) -> rusqlite::Result<Option<FoundMention>> {
    tx.query_row(
        "SELECT item_json, needs_queue, queued, removed_at IS NOT NULL FROM mentions
         WHERE dedup_key = ?1",
        params![key],
        |r| {
            Ok(FoundMention {
                dedup_key: key.to_owned(),
                item_json: r.get(0)?,
                needs_queue: r.get(1)?,
                queued: r.get(2)?,
                removed: r.get(3)?,
            })
        },
    )
    .optional()
}

#[async_trait]
impl Store for EmbeddedStore {
    async fn author_history(
        &self,
        platform: &str,
        author_id: &str,
        since: OffsetDateTime,
    ) -> Result<AuthorHistory, PortError> {
        let (p, a, since) = (
            platform.to_owned(),
            author_id.to_owned(),
            since.unix_timestamp(),
        );
        self.with(move |c| {
            let mut st = c.prepare_cached(
                "SELECT item_json FROM mentions WHERE platform = ?1 AND author_id = ?2 AND received_at >= ?3
                 ORDER BY received_at DESC LIMIT 50",
            )?;
            let ids = st
                .query_map(params![p, a, since], |r| r.get::<_, String>(0))?
                .filter_map(|j| j.ok())
                .filter_map(|j| {
                    let v: serde_json::Value = serde_json::from_str(&j).ok()?;
                    v["mention"]["id"].as_str().map(str::to_owned)
                })
                .collect();
            let answered: bool = c.query_row(
                "SELECT EXISTS(SELECT 1 FROM brand_replies WHERE platform = ?1 AND author_id = ?2 AND at >= ?3)",
                params![p, a, since],
                |r| r.get(0),
            )?;
            Ok(AuthorHistory { mention_ids: ids, brand_answered: answered })
        })
        .await
    }

    async fn surge_count(&self, topic: &str, bucket: i64) -> Result<u64, PortError> {
        let t = topic.to_owned();
        self.with(move |c| {
            let n: Option<i64> = c
                .query_row(
                    "SELECT count FROM surge WHERE topic = ?1 AND bucket = ?2",
                    params![t, bucket],
                    |r| r.get(0),
                )
                .optional()?;
            Ok(n.unwrap_or(0).max(0) as u64)
        })
        .await
    }

    async fn find_mentions(&self, keys: &[String]) -> Result<Vec<FoundMention>, PortError> {
        let keys = keys.to_vec();
        self.with(move |c| {
            let tx = c.transaction()?;
            let mut out = Vec::new();
            for k in &keys {
                out.extend(found(&tx, k)?);
            }
            tx.commit()?;
            Ok(out)
        })
        .await
    }

    async fn insert_mention(&self, m: &StoredMention) -> Result<InsertOutcome, PortError> {
        let m = m.clone();
        self.with(move |c| {
            let tx = c.transaction()?;
            let key = m.item.dedup_key.clone();
            let inserted = tx.execute(
                "INSERT OR IGNORE INTO mentions
                 (dedup_key, platform, author_id, item_json, needs_queue, queued, priority, respond_by, received_at, claim_until)
                 VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?7, ?8, ?9)",
                params![
                    key,
                    m.item.mention.platform.as_str(),
                    m.item.mention.author.id,
                    m.item_json,
                    m.needs_queue,
                    m.item.triage.priority.as_str(),
                    rfc3339(m.item.triage.respond_by),
                    m.received_at.unix_timestamp(),
                    // The inserter holds the right to send what needs a human.
                    m.needs_queue.then(|| (m.received_at + SEND_LEASE).unix_timestamp()),
                ],
            )?;
            let outcome = if inserted == 1 {
                tx.execute(
                    "INSERT INTO surge (topic, bucket, count) VALUES (?1, ?2, 1)
                     ON CONFLICT (topic, bucket) DO UPDATE SET count = count + 1",
                    params![m.surge_topic, m.surge_bucket],
                )?;
                InsertOutcome::Inserted
            } else {
                InsertOutcome::Exists(
                    found(&tx, &key)?.ok_or(rusqlite::Error::QueryReturnedNoRows)?,
                )
            };
            tx.commit()?;
            Ok(outcome)
        })
        .await
    }

    async fn mark_queued(&self, dedup_key: &str) -> Result<(), PortError> {
        let k = dedup_key.to_owned();
        self.with(move |c| {
            c.execute(
                "UPDATE mentions SET queued = 1 WHERE dedup_key = ?1",
                params![k],
            )
            .map(|_| ())
        })
        .await
    }

    async fn claim_send(&self, dedup_key: &str, now: OffsetDateTime) -> Result<bool, PortError> {
        let (k, now) = (dedup_key.to_owned(), now.unix_timestamp());
        let until = now + SEND_LEASE.whole_seconds();
        self.with(move |c| {
            let n = c.execute(
                "UPDATE mentions SET claim_until = ?3 WHERE dedup_key = ?1 AND queued = 0
                 AND removed_at IS NULL AND (claim_until IS NULL OR claim_until <= ?2)",
                params![k, now, until],
            )?;
            Ok(n == 1)
        })
        .await
    }

    async fn release_send(
        &self,
        dedup_key: &str,
        held_until: OffsetDateTime,
    ) -> Result<(), PortError> {
        let (k, until) = (dedup_key.to_owned(), held_until.unix_timestamp());
        self.with(move |c| {
            c.execute(
                "UPDATE mentions SET claim_until = NULL WHERE dedup_key = ?1 AND claim_until = ?2",
                params![k, until],
            )
            .map(|_| ())
        })
        .await
    }

    async fn update_mention(&self, m: &StoredMention) -> Result<Option<FoundMention>, PortError> {
        let m = m.clone();
        self.with(move |c| {
            let tx = c.transaction()?;
            let key = m.item.dedup_key.clone();
            tx.execute(
                "UPDATE mentions SET item_json = ?2, priority = ?3, respond_by = ?4,
                 needs_queue = MAX(needs_queue, ?5) WHERE dedup_key = ?1",
                params![
                    key,
                    m.item_json,
                    m.item.triage.priority.as_str(),
                    rfc3339(m.item.triage.respond_by),
                    m.needs_queue,
                ],
            )?;
            let after = found(&tx, &key)?;
            tx.commit()?;
            Ok(after)
        })
        .await
    }

    async fn mark_removed(&self, dedup_key: &str, at: OffsetDateTime) -> Result<(), PortError> {
        let (k, at) = (dedup_key.to_owned(), at.unix_timestamp());
        let platform = dedup_key.split_once(':').map_or("", |(p, _)| p).to_owned();
        self.with(move |c| {
            // Not stored yet: a tombstone (no author, no item), so the mention, if its delivery
            // comes after all, is found removed and never sent.
            c.execute(
                "INSERT INTO mentions
                 (dedup_key, platform, author_id, item_json, needs_queue, queued, priority, respond_by, received_at, removed_at)
                 VALUES (?1, ?3, '', '', 0, 0, '', '', ?2, ?2)
                 ON CONFLICT (dedup_key) DO UPDATE SET removed_at = excluded.removed_at",
                params![k, at, platform],
            )
            .map(|_| ())
        })
        .await
    }

    async fn record_brand_reply(&self, r: &BrandReply) -> Result<(), PortError> {
        let (p, id, a, at) = (
            r.platform.to_string(),
            r.reply_id.clone(),
            r.to_author_id.clone(),
            r.at.unix_timestamp(),
        );
        self.with(move |c| {
            c.execute(
                "INSERT OR IGNORE INTO brand_replies (platform, reply_id, author_id, at) VALUES (?1, ?2, ?3, ?4)",
                params![p, id, a, at],
            )
            .map(|_| ())
        })
        .await
    }

    async fn queued(&self, limit: usize) -> Result<Vec<QueuedEntry>, PortError> {
        self.with(move |c| {
            let mut st = c.prepare_cached(
                "SELECT dedup_key, priority, respond_by, item_json FROM mentions
                 WHERE queued = 1 AND removed_at IS NULL
                 ORDER BY priority ASC, julianday(respond_by) ASC, dedup_key ASC LIMIT ?1",
            )?;
            let rows = st
                .query_map(params![limit as i64], |r| {
                    Ok(QueuedEntry {
                        dedup_key: r.get(0)?,
                        priority: r.get(1)?,
                        respond_by: r.get(2)?,
                        item_json: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
        .await
    }
}

#[async_trait]
impl Queue for EmbeddedStore {
    async fn send(
        &self,
        item_json: &str,
        priority: &str,
        route: &str,
        platform: &str,
    ) -> Result<(), PortError> {
        let key = serde_json::from_str::<serde_json::Value>(item_json)
            .ok()
            .and_then(|v| v["dedup_key"].as_str().map(str::to_owned))
            .unwrap_or_default();
        let (body, p, r, pl) = (
            item_json.to_owned(),
            priority.to_owned(),
            route.to_owned(),
            platform.to_owned(),
        );
        let now = OffsetDateTime::now_utc().unix_timestamp();
        self.with(move |c| {
            c.execute(
                "INSERT INTO queue (dedup_key, priority, route, platform, body, sent_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![key, p, r, pl, body, now],
            )
            .map(|_| ())
        })
        .await
        .map_err(|e| PortError::Queue(e.to_string()))
    }
}

fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}
