//! The DynamoDB store: all state in one table (`TRIAGE_TABLE`, `MentionsTable` in
//! `infra/template.yaml`), keyed `pk` (S) + `sk` (S), with one sparse GSI and a TTL attribute.
//!
//! # Single-table design
//!
//! | item | `pk` | `sk` | other attributes | `expires_at` (TTL) |
//! |---|---|---|---|---|
//! | mention | `MENTION#<platform>#<id>` | `MENTION` | `dedup_key`, `platform`, `author_id`, `item` (queue-item JSON), `needs_queue` (BOOL), `queued` (BOOL), `claim_until` (N, optional: who may send it, see `app::SEND_LEASE`), `priority`, `respond_by`, `received_at` (N), `removed_at` (N, optional), `queue_sk` | received + 30 days |
//! | removal tombstone (a removal that came before its mention) | as a mention | `MENTION` | `dedup_key`, `removed_at` (N); no `item` | removed + 30 days |
//! | queued mention | as above | as above | plus `gsi1pk` = `QUEUED`, `gsi1sk` = `<priority>#<respond_by UTC, seconds>#<dedup_key>` | as above |
//! | author contact | `AUTHOR#<platform>#<author_id>` | `MENTION#<received_at, 20-digit unix>#<id>` | `mention_id`, `received_at` (N) | received + 2 days |
//! | brand reply | `AUTHOR#<platform>#<author_id>` | `REPLY#<at, 20-digit unix>#<reply_id>` | `at` (N) | at + 2 days |
//! | surge counter | `SURGE#<topic>` | `<bucket>` | `count` (N, `ADD`) | received + 2 days |
//!
//! Access patterns:
//! - new mention: one `TransactWriteItems` (Put mention if `attribute_not_exists(pk)` or expired,
//!   Put contact, `ADD` surge counter), so the three change together or not at all. A cancelled
//!   transaction whose first reason is `ConditionalCheckFailed` is a redelivery: a consistent
//!   `GetItem` returns what the first delivery stored, including whether it reached the queue.
//!   Any other cancellation (on AWS, `TransactionConflict` when two deliveries of one mention
//!   race) is a store error, so the platform retries and the retry sees a duplicate.
//! - author history: one `Query` per kind (contacts, replies) on the author's partition, bounded
//!   below by the window start in the sort key (zero-padded seconds sort as time does).
//! - a delivery's redeliveries: one strongly consistent `BatchGetItem` of its mention keys (100
//!   a time, unprocessed keys retried), before any triage.
//! - edits, "now queued", "I send it": one conditional `UpdateItem` (`attribute_exists(pk)`), so
//!   they never create a partial mention for something that was not stored; taking the right to
//!   send also needs `queued = false`, no `removed_at` and no unexpired `claim_until`.
//! - removals: one unconditional `UpdateItem`; on a key never stored it leaves a tombstone
//!   (`dedup_key`, `removed_at`, `expires_at`; no `item`) that a late mention then meets.
//! - the human queue (`triage queue`): one `Query` on the sparse GSI `queued`. Only queued, not
//!   removed mentions carry `gsi1pk`, so the index holds exactly the queue; its sort key makes
//!   ascending order mean P1 before P2, then earliest deadline first. Listing never touches SQS.
//!
//! TTL: AWS deletes expired items lazily (up to ~48 h late) and emulators may never do it, so
//! reads never trust deletion. Mentions are filtered on `expires_at > now` (wall clock), and an
//! expired mention is overwritten as new. Contacts, replies and surge buckets are only read
//! through key ranges that encode time (the app's 24 h window, the current bucket), which are
//! stricter than their 2-day TTL, so an expired-but-present one is never read. (A caller asking
//! for a window longer than the TTL could see contacts AWS has not deleted yet.)
//!
//! Logging: errors carry the SDK's error context, never item contents.

use std::collections::HashMap;

use async_trait::async_trait;
use aws_sdk_dynamodb::error::{DisplayErrorContext, SdkError};
use aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError;
use aws_sdk_dynamodb::operation::update_item::UpdateItemError;
use aws_sdk_dynamodb::types::{
    AttributeValue, KeysAndAttributes, Put, ReturnValue, TransactWriteItem, Update,
};
use time::OffsetDateTime;

use crate::app::{
    AuthorHistory, FoundMention, InsertOutcome, PortError, QueuedEntry, Store, StoredMention,
    SEND_LEASE,
};
use crate::core::normalise::BrandReply;

/// Sort key of mention items.
const MENTION_SK: &str = "MENTION";
/// Name of the sparse GSI that holds the queued mentions.
pub const QUEUED_INDEX: &str = "queued";
/// `gsi1pk` of every queued mention.
const QUEUED_PK: &str = "QUEUED";
/// How long a mention is kept (its dedup horizon).
const MENTION_TTL: time::Duration = time::Duration::days(30);
/// How long contacts, brand replies and surge counters are kept: well past the 24 h window.
const SHORT_TTL: time::Duration = time::Duration::days(2);
/// Most mention ids returned by `author_history` (matches the embedded store).
const HISTORY_LIMIT: usize = 50;

/// Stores state in one DynamoDB table (`TRIAGE_TABLE`).
#[derive(Clone)]
pub struct DynamoStore {
    client: aws_sdk_dynamodb::Client,
    table: String,
}

impl DynamoStore {
    /// Wraps a client and the table name.
    pub fn new(client: aws_sdk_dynamodb::Client, table: String) -> Self {
        Self { client, table }
    }
}

fn s(v: impl Into<String>) -> AttributeValue {
    AttributeValue::S(v.into())
}

fn n(v: i64) -> AttributeValue {
    AttributeValue::N(v.to_string())
}

/// A store error naming the operation, with the SDK's full error context (no item contents).
fn sdk_err<E, R>(op: &str, e: SdkError<E, R>) -> PortError
where
    E: std::error::Error + 'static,
    R: std::fmt::Debug,
{
    PortError::Store(format!("DynamoDB {op} failed: {}", DisplayErrorContext(e)))
}

fn build_err(e: impl std::fmt::Display) -> PortError {
    PortError::Store(format!("DynamoDB request could not be built: {e}"))
}

/// `MENTION#<platform>#<id>` from a dedup key `<platform>:<id>` (platforms never contain `:`).
fn mention_pk_from_key(dedup_key: &str) -> Result<String, PortError> {
    let (platform, id) = dedup_key
        .split_once(':')
        .ok_or_else(|| PortError::Store("dedup key is not <platform>:<id>".into()))?;
    Ok(mention_pk(platform, id))
}

fn mention_pk(platform: &str, id: &str) -> String {
    format!("MENTION#{platform}#{id}")
}

fn author_pk(platform: &str, author_id: &str) -> String {
    format!("AUTHOR#{platform}#{author_id}")
}

/// Unix seconds, zero-padded so that string order is time order (negative clamps to 0).
fn padded(t: OffsetDateTime) -> String {
    format!("{:020}", t.unix_timestamp().max(0))
}

fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// Fixed-width UTC form for sort keys: RFC 3339 with varying fractions or offsets does not sort.
fn sortable(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    let fmt = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    t.format(&fmt).unwrap_or_default()
}

/// The queue-index sort key: ascending = P1 first, then earliest deadline, then key (stable).
fn queue_sk(m: &StoredMention) -> String {
    format!(
        "{}#{}#{}",
        m.item.triage.priority.as_str(),
        sortable(m.item.triage.respond_by),
        m.item.dedup_key
    )
}

fn key(pk: String, sk: impl Into<String>) -> HashMap<String, AttributeValue> {
    HashMap::from([("pk".to_owned(), s(pk)), ("sk".to_owned(), s(sk))])
}

fn get_s<'a>(item: &'a HashMap<String, AttributeValue>, name: &str) -> Option<&'a str> {
    item.get(name)
        .and_then(|v| v.as_s().ok())
        .map(String::as_str)
}

fn get_bool(item: &HashMap<String, AttributeValue>, name: &str) -> bool {
    item.get(name)
        .and_then(|v| v.as_bool().ok())
        .copied()
        .unwrap_or(false)
}

fn get_n(item: &HashMap<String, AttributeValue>, name: &str) -> Option<i64> {
    item.get(name)
        .and_then(|v| v.as_n().ok())
        .and_then(|v| v.parse().ok())
}

/// A stored mention item as the app sees it; `None` if the item lacks its core attributes. A
/// removal's tombstone (see `mark_removed`) has no item: removed, nothing to send.
fn found(item: &HashMap<String, AttributeValue>) -> Option<FoundMention> {
    let removed = item.contains_key("removed_at");
    let item_json = match get_s(item, "item") {
        Some(j) => j.to_owned(),
        None if removed => String::new(),
        None => return None,
    };
    Some(FoundMention {
        dedup_key: get_s(item, "dedup_key")?.to_owned(),
        item_json,
        needs_queue: get_bool(item, "needs_queue"),
        queued: get_bool(item, "queued"),
        removed,
    })
}

/// True when the SDK error is a conditional check failure of `UpdateItem`.
fn update_ccf<R>(e: &SdkError<UpdateItemError, R>) -> bool {
    matches!(
        e.as_service_error(),
        Some(UpdateItemError::ConditionalCheckFailedException(_))
    )
}

/// True when a cancelled transaction failed on its first item's condition (the mention exists).
fn mention_exists<R>(e: &SdkError<TransactWriteItemsError, R>) -> bool {
    match e.as_service_error() {
        Some(TransactWriteItemsError::TransactionCanceledException(tce)) => {
            tce.cancellation_reasons().first().and_then(|r| r.code())
                == Some("ConditionalCheckFailed")
        }
        _ => false,
    }
}

impl DynamoStore {
    /// The mention item with a strongly consistent read (a redelivery must see the first write).
    async fn get_mention(
        &self,
        pk: String,
    ) -> Result<Option<HashMap<String, AttributeValue>>, PortError> {
        let out = self
            .client
            .get_item()
            .table_name(&self.table)
            .set_key(Some(key(pk, MENTION_SK)))
            .consistent_read(true)
            .send()
            .await
            .map_err(|e| sdk_err("GetItem", e))?;
        Ok(out.item)
    }

    /// Collects items of one key-range `Query` on the author's partition, newest first.
    async fn author_range(
        &self,
        pk: &str,
        prefix: &str,
        since: OffsetDateTime,
        max: usize,
    ) -> Result<Vec<HashMap<String, AttributeValue>>, PortError> {
        let mut items = Vec::new();
        let mut start = None;
        loop {
            let out = self
                .client
                .query()
                .table_name(&self.table)
                .key_condition_expression("pk = :pk AND sk BETWEEN :lo AND :hi")
                .expression_attribute_values(":pk", s(pk))
                .expression_attribute_values(":lo", s(format!("{prefix}#{}", padded(since))))
                // '~' sorts after every digit, so this bounds the range to the prefix.
                .expression_attribute_values(":hi", s(format!("{prefix}#~")))
                .scan_index_forward(false)
                // No filter expression, so Limit is exact: read no more than asked for.
                .limit(i32::try_from(max).unwrap_or(i32::MAX))
                .set_exclusive_start_key(start)
                .send()
                .await
                .map_err(|e| sdk_err("Query", e))?;
            items.extend(out.items.unwrap_or_default());
            start = out.last_evaluated_key;
            if start.is_none() || items.len() >= max {
                break;
            }
        }
        items.truncate(max);
        Ok(items)
    }

    /// Flags a mention item, ignoring a missing one (as the embedded store's `UPDATE` does).
    async fn update_existing(
        &self,
        op: &str,
        pk: String,
        expression: &str,
        values: Vec<(&str, AttributeValue)>,
    ) -> Result<(), PortError> {
        // Never create a partial mention item for something we did not store.
        self.update_if(op, pk, expression, Some("attribute_exists(pk)"), values)
            .await
            .map(|_| ())
    }

    /// Updates a mention item if `condition` holds (always, without one): `false` when it does
    /// not.
    async fn update_if(
        &self,
        op: &str,
        pk: String,
        expression: &str,
        condition: Option<&str>,
        values: Vec<(&str, AttributeValue)>,
    ) -> Result<bool, PortError> {
        let mut req = self
            .client
            .update_item()
            .table_name(&self.table)
            .set_key(Some(key(pk, MENTION_SK)))
            .update_expression(expression)
            .set_condition_expression(condition.map(str::to_owned));
        for (k, v) in values {
            req = req.expression_attribute_values(k, v);
        }
        match req.send().await {
            Ok(_) => Ok(true),
            Err(e) if update_ccf(&e) => Ok(false),
            Err(e) => Err(sdk_err(op, e)),
        }
    }
}

#[async_trait]
impl Store for DynamoStore {
    async fn author_history(
        &self,
        platform: &str,
        author_id: &str,
        since: OffsetDateTime,
    ) -> Result<AuthorHistory, PortError> {
        let pk = author_pk(platform, author_id);
        let contacts = self
            .author_range(&pk, "MENTION", since, HISTORY_LIMIT)
            .await?;
        let mention_ids = contacts
            .iter()
            .filter_map(|i| get_s(i, "mention_id").map(str::to_owned))
            .collect();
        let replies = self.author_range(&pk, "REPLY", since, 1).await?;
        Ok(AuthorHistory {
            mention_ids,
            brand_answered: !replies.is_empty(),
        })
    }

    async fn surge_count(&self, topic: &str, bucket: i64) -> Result<u64, PortError> {
        let out = self
            .client
            .get_item()
            .table_name(&self.table)
            .set_key(Some(key(format!("SURGE#{topic}"), bucket.to_string())))
            .send()
            .await
            .map_err(|e| sdk_err("GetItem", e))?;
        Ok(out
            .item
            .as_ref()
            .and_then(|i| get_n(i, "count"))
            .unwrap_or(0)
            .max(0) as u64)
    }

    async fn find_mentions(&self, keys: &[String]) -> Result<Vec<FoundMention>, PortError> {
        let now = OffsetDateTime::now_utc().unix_timestamp();
        let mut out = Vec::new();
        // BatchGetItem takes at most 100 keys, and may return some unprocessed under load.
        for chunk in keys.chunks(100) {
            let mut pending = chunk
                .iter()
                .map(|k| Ok(key(mention_pk_from_key(k)?, MENTION_SK)))
                .collect::<Result<Vec<_>, PortError>>()?;
            for attempt in 1..=5u32 {
                let request = KeysAndAttributes::builder()
                    .set_keys(Some(std::mem::take(&mut pending)))
                    .consistent_read(true)
                    .build()
                    .map_err(build_err)?;
                let resp = self
                    .client
                    .batch_get_item()
                    .request_items(&self.table, request)
                    .send()
                    .await
                    .map_err(|e| sdk_err("BatchGetItem", e))?;
                let items = resp
                    .responses
                    .and_then(|mut r| r.remove(&self.table))
                    .unwrap_or_default();
                // An expired item still present (TTL is lazy) is gone, as for the insert.
                out.extend(
                    items
                        .iter()
                        .filter(|i| get_n(i, "expires_at").is_none_or(|e| e > now))
                        .filter_map(found),
                );
                pending = resp
                    .unprocessed_keys
                    .and_then(|mut u| u.remove(&self.table))
                    .map(|k| k.keys)
                    .unwrap_or_default();
                if pending.is_empty() || attempt == 5 {
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(10 << attempt)).await;
            }
            if !pending.is_empty() {
                return Err(PortError::Store(
                    "BatchGetItem left keys unprocessed; retry".into(),
                ));
            }
        }
        Ok(out)
    }

    async fn insert_mention(&self, m: &StoredMention) -> Result<InsertOutcome, PortError> {
        let mention = &m.item.mention;
        let platform = mention.platform.as_str();
        let pk = mention_pk(platform, &mention.id);
        let received = m.received_at.unix_timestamp();
        let now = OffsetDateTime::now_utc().unix_timestamp();
        let mut mention_item = HashMap::from([
            ("pk".to_owned(), s(&pk)),
            ("sk".to_owned(), s(MENTION_SK)),
            ("dedup_key".to_owned(), s(&m.item.dedup_key)),
            ("platform".to_owned(), s(platform)),
            ("author_id".to_owned(), s(&mention.author.id)),
            ("item".to_owned(), s(&m.item_json)),
            (
                "needs_queue".to_owned(),
                AttributeValue::Bool(m.needs_queue),
            ),
            ("queued".to_owned(), AttributeValue::Bool(false)),
            ("priority".to_owned(), s(m.item.triage.priority.as_str())),
            (
                "respond_by".to_owned(),
                s(rfc3339(m.item.triage.respond_by)),
            ),
            ("queue_sk".to_owned(), s(queue_sk(m))),
            ("received_at".to_owned(), n(received)),
            (
                "expires_at".to_owned(),
                n((m.received_at + MENTION_TTL).unix_timestamp()),
            ),
        ]);
        if m.needs_queue {
            // The inserter holds the right to send what needs a human.
            mention_item.insert(
                "claim_until".to_owned(),
                n((m.received_at + SEND_LEASE).unix_timestamp()),
            );
        }
        let put_mention = Put::builder()
            .table_name(&self.table)
            .set_item(Some(mention_item))
            // An expired mention still present (TTL is lazy) counts as gone.
            .condition_expression("attribute_not_exists(pk) OR expires_at <= :now")
            .expression_attribute_values(":now", n(now))
            .build()
            .map_err(build_err)?;
        let contact = HashMap::from([
            ("pk".to_owned(), s(author_pk(platform, &mention.author.id))),
            (
                "sk".to_owned(),
                s(format!("MENTION#{}#{}", padded(m.received_at), mention.id)),
            ),
            ("mention_id".to_owned(), s(&mention.id)),
            ("received_at".to_owned(), n(received)),
            (
                "expires_at".to_owned(),
                n((m.received_at + SHORT_TTL).unix_timestamp()),
            ),
        ]);
        let put_contact = Put::builder()
            .table_name(&self.table)
            .set_item(Some(contact))
            .build()
            .map_err(build_err)?;
        let bump_surge = Update::builder()
            .table_name(&self.table)
            .set_key(Some(key(
                format!("SURGE#{}", m.surge_topic),
                m.surge_bucket.to_string(),
            )))
            // `count` is a DynamoDB reserved word.
            .update_expression("ADD #count :one SET expires_at = :exp")
            .expression_attribute_names("#count", "count")
            .expression_attribute_values(":one", n(1))
            .expression_attribute_values(":exp", n((m.received_at + SHORT_TTL).unix_timestamp()))
            .build()
            .map_err(build_err)?;
        let result = self
            .client
            .transact_write_items()
            .transact_items(TransactWriteItem::builder().put(put_mention).build())
            .transact_items(TransactWriteItem::builder().put(put_contact).build())
            .transact_items(TransactWriteItem::builder().update(bump_surge).build())
            .send()
            .await;
        match result {
            Ok(_) => Ok(InsertOutcome::Inserted),
            Err(e) if mention_exists(&e) => {
                let item = self.get_mention(pk).await?.ok_or_else(|| {
                    // The condition failed, yet the item is gone: TTL deleted it in between.
                    PortError::Store("mention vanished after a conditional check; retry".into())
                })?;
                let f = found(&item).ok_or_else(|| {
                    PortError::Store("stored mention item lacks its attributes".into())
                })?;
                Ok(InsertOutcome::Exists(f))
            }
            Err(e) => Err(sdk_err("TransactWriteItems", e)),
        }
    }

    async fn mark_queued(&self, dedup_key: &str) -> Result<(), PortError> {
        // gsi1sk is copied from queue_sk inside the update, so it always matches the stored
        // priority and deadline; a removed mention never re-enters the index.
        self.update_existing(
            "UpdateItem (mark_queued)",
            mention_pk_from_key(dedup_key)?,
            "SET queued = :t, gsi1pk = :q, gsi1sk = queue_sk",
            vec![(":t", AttributeValue::Bool(true)), (":q", s(QUEUED_PK))],
        )
        .await
    }

    async fn claim_send(&self, dedup_key: &str, now: OffsetDateTime) -> Result<bool, PortError> {
        self.update_if(
            "UpdateItem (claim_send)",
            mention_pk_from_key(dedup_key)?,
            "SET claim_until = :until",
            Some(
                "attribute_exists(pk) AND queued = :f AND attribute_not_exists(removed_at) \
                 AND (attribute_not_exists(claim_until) OR claim_until <= :now)",
            ),
            vec![
                (":f", AttributeValue::Bool(false)),
                (":now", n(now.unix_timestamp())),
                (":until", n((now + SEND_LEASE).unix_timestamp())),
            ],
        )
        .await
    }

    async fn release_send(
        &self,
        dedup_key: &str,
        held_until: OffsetDateTime,
    ) -> Result<(), PortError> {
        // Not applied: someone else holds it now, or the mention is gone; nothing of ours to
        // give back.
        self.update_if(
            "UpdateItem (release_send)",
            mention_pk_from_key(dedup_key)?,
            "REMOVE claim_until",
            Some("claim_until = :mine"),
            vec![(":mine", n(held_until.unix_timestamp()))],
        )
        .await
        .map(|_| ())
    }

    async fn update_mention(&self, m: &StoredMention) -> Result<Option<FoundMention>, PortError> {
        let pk = mention_pk(m.item.mention.platform.as_str(), &m.item.mention.id);
        let qsk = queue_sk(m);
        // Once a mention needs a human it keeps needing one, so the flag is only ever set.
        let expression = if m.needs_queue {
            "SET #item = :item, priority = :p, respond_by = :r, queue_sk = :qsk, needs_queue = :t"
        } else {
            "SET #item = :item, priority = :p, respond_by = :r, queue_sk = :qsk"
        };
        let mut req = self
            .client
            .update_item()
            .table_name(&self.table)
            .set_key(Some(key(pk.clone(), MENTION_SK)))
            .update_expression(expression)
            .condition_expression("attribute_exists(pk)")
            .expression_attribute_names("#item", "item")
            .expression_attribute_values(":item", s(&m.item_json))
            .expression_attribute_values(":p", s(m.item.triage.priority.as_str()))
            .expression_attribute_values(":r", s(rfc3339(m.item.triage.respond_by)))
            .expression_attribute_values(":qsk", s(&qsk))
            .return_values(ReturnValue::AllNew);
        if m.needs_queue {
            req = req.expression_attribute_values(":t", AttributeValue::Bool(true));
        }
        let attrs = match req.send().await {
            Ok(o) => o.attributes.unwrap_or_default(),
            Err(e) if update_ccf(&e) => return Ok(None),
            Err(e) => return Err(sdk_err("UpdateItem (update_mention)", e)),
        };
        // Already in the queue index: move it to the new priority/deadline position.
        if get_s(&attrs, "gsi1pk").is_some() {
            self.update_existing(
                "UpdateItem (update_mention index)",
                pk,
                "SET gsi1sk = queue_sk",
                vec![],
            )
            .await?;
        }
        found(&attrs)
            .map(Some)
            .ok_or_else(|| PortError::Store("stored mention item lacks its attributes".into()))
    }

    async fn mark_removed(&self, dedup_key: &str, at: OffsetDateTime) -> Result<(), PortError> {
        // Leaving the sparse index is what hides it from `queued()`. Not stored yet: the update
        // leaves a tombstone (key, removed_at, expiry; no item), so the mention, if its delivery
        // comes after all, is found removed and never sent.
        self.update_if(
            "UpdateItem (mark_removed)",
            mention_pk_from_key(dedup_key)?,
            "SET removed_at = :at, dedup_key = if_not_exists(dedup_key, :k), \
             expires_at = if_not_exists(expires_at, :exp) REMOVE gsi1pk, gsi1sk",
            None,
            vec![
                (":at", n(at.unix_timestamp())),
                (":k", s(dedup_key)),
                (":exp", n((at + MENTION_TTL).unix_timestamp())),
            ],
        )
        .await
        .map(|_| ())
    }

    async fn record_brand_reply(&self, r: &BrandReply) -> Result<(), PortError> {
        let item = HashMap::from([
            (
                "pk".to_owned(),
                s(author_pk(r.platform.as_str(), &r.to_author_id)),
            ),
            (
                "sk".to_owned(),
                s(format!("REPLY#{}#{}", padded(r.at), r.reply_id)),
            ),
            ("at".to_owned(), n(r.at.unix_timestamp())),
            (
                "expires_at".to_owned(),
                n((r.at + SHORT_TTL).unix_timestamp()),
            ),
        ]);
        // Same reply, same key: a redelivered reply overwrites itself.
        self.client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(item))
            .send()
            .await
            .map_err(|e| sdk_err("PutItem", e))?;
        Ok(())
    }

    async fn queued(&self, limit: usize) -> Result<Vec<QueuedEntry>, PortError> {
        let now = OffsetDateTime::now_utc().unix_timestamp();
        let mut entries = Vec::new();
        let mut start = None;
        while entries.len() < limit {
            let out = self
                .client
                .query()
                .table_name(&self.table)
                .index_name(QUEUED_INDEX)
                .key_condition_expression("gsi1pk = :q")
                // Removal drops the index keys; the filter also covers an item caught mid-update.
                .filter_expression("attribute_not_exists(removed_at) AND expires_at > :now")
                .expression_attribute_values(":q", s(QUEUED_PK))
                .expression_attribute_values(":now", n(now))
                .scan_index_forward(true)
                .set_exclusive_start_key(start)
                .send()
                .await
                .map_err(|e| sdk_err("Query (queued index)", e))?;
            for item in out.items.unwrap_or_default() {
                let entry = (|| {
                    Some(QueuedEntry {
                        dedup_key: get_s(&item, "dedup_key")?.to_owned(),
                        priority: get_s(&item, "priority")?.to_owned(),
                        respond_by: get_s(&item, "respond_by")?.to_owned(),
                        item_json: get_s(&item, "item")?.to_owned(),
                    })
                })();
                entries.extend(entry);
            }
            start = out.last_evaluated_key;
            if start.is_none() {
                break;
            }
        }
        entries.truncate(limit);
        Ok(entries)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_sdk_dynamodb::types::error::{ResourceNotFoundException, TransactionCanceledException};
    use aws_sdk_dynamodb::types::CancellationReason;

    fn cancelled(codes: &[&str]) -> SdkError<TransactWriteItemsError, ()> {
        let mut e = TransactionCanceledException::builder();
        for c in codes {
            e = e.cancellation_reasons(CancellationReason::builder().code(*c).build());
        }
        SdkError::service_error(
            TransactWriteItemsError::TransactionCanceledException(e.build()),
            (),
        )
    }

    /// Only the mention's own condition means "redelivery"; anything else must become a 503.
    #[test]
    fn only_a_failed_mention_condition_is_a_redelivery() {
        assert!(mention_exists(&cancelled(&[
            "ConditionalCheckFailed",
            "None",
            "None"
        ])));
        // Emulators are never concurrent; AWS is: a conflict is retryable, not a duplicate.
        assert!(!mention_exists(&cancelled(&[
            "TransactionConflict",
            "None",
            "None"
        ])));
        assert!(!mention_exists(&cancelled(&[
            "None",
            "ConditionalCheckFailed",
            "None"
        ])));
        assert!(!mention_exists(&cancelled(&[])));
        let other = SdkError::service_error(
            TransactWriteItemsError::ResourceNotFoundException(
                ResourceNotFoundException::builder().build(),
            ),
            (),
        );
        assert!(!mention_exists(&other));
    }

    #[test]
    fn keys_sort_as_intended() {
        let a = time::macros::datetime!(2026-11-20 10:15:00.5 UTC);
        let b = time::macros::datetime!(2026-11-20 12:14:00 +02:00);
        // Fractions and offsets must not break ordering.
        assert!(sortable(b) < sortable(a));
        assert_eq!(sortable(a), "2026-11-20T10:15:00Z");
        assert!(padded(a) < padded(a + time::Duration::seconds(1)));
        assert_eq!(padded(a).len(), 20);
        assert_eq!(mention_pk_from_key("x:1:2").unwrap(), "MENTION#x#1:2");
        assert!(mention_pk_from_key("nokey").is_err());
    }
}
