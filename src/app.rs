//! The use case: one verified, normalised delivery becomes stored state and queued work.
//!
//! It talks to the outside only through two small ports, [`Store`] and [`Queue`], so the same
//! code runs on DynamoDB + SQS (Lambda) and on the embedded SQLite file (`triage serve`).
//!
//! Durability rule: `process` returns `Ok` only once every mention is stored and every mention
//! that needs a human is on the queue. A redelivery finds the stored mention (one read of the
//! delivery's keys up front, [`Store::find_mentions`], or the conditional insert keyed on
//! `<platform>:<id>` when it raced), counts it as a duplicate, and queues it only if the first
//! delivery stored it but failed before queueing.
//!
//! Only one delivery at a time may send a mention: the insert gives the first delivery the right
//! to send for [`SEND_LEASE`], and a redelivery must take that right over
//! ([`Store::claim_send`]) once it has lapsed. A redelivery that arrives while the first is still
//! sending (a platform retrying a slow cold start) is answered 503, so the platform tries again
//! later and then finds the mention queued. A mention can therefore reach the queue twice only
//! if a send succeeded and the follow-up `mark_queued` failed, or a send took longer than the
//! lease; consumers dedupe on `dedup_key`, as SQS's at-least-once delivery already requires.
//!
//! An edit replaces the stored mention's triage. It queues the mention only if the edit makes it
//! need a human and it was never queued (a comment edited into a legal threat); a mention
//! already on the queue is not queued again.

use std::sync::Arc;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::core::brand::BrandRules;
use crate::core::mention::Mention;
use crate::core::normalise::{BrandReply, Event};
use crate::core::triage::{triage, Category, Context, Flag, Triage};

/// Schema tag of queue messages.
pub const QUEUE_ITEM_SCHEMA: &str = "mention-triage/queue-item@1";
/// How far back "recent contacts" look.
pub const CONTACT_WINDOW: time::Duration = time::Duration::hours(24);
/// How long one delivery holds the right to send a mention to the queue. Longer than the
/// Lambda's longest timeout (15 s in `infra/template.yaml`), so a live sender is never overtaken.
pub const SEND_LEASE: time::Duration = time::Duration::seconds(30);
/// Most ids listed in [`RecentContacts::ids`].
const CONTACT_IDS: usize = 20;

/// A storage or queue failure, or a mention another delivery is queueing. Always answered with
/// 503 so the platform retries.
#[derive(Debug, thiserror::Error)]
pub enum PortError {
    /// The store failed.
    #[error("store unavailable: {0}")]
    Store(String),
    /// The queue failed.
    #[error("queue unavailable: {0}")]
    Queue(String),
    /// Another delivery of this mention (`<platform>:<id>`) is putting it on the queue right
    /// now: nothing failed, but this delivery cannot say it is queued yet.
    #[error("another delivery of {0} is queueing it; retry later")]
    InFlight(String),
}

/// The author's recent contacts, as an agent needs them to answer personally.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RecentContacts {
    /// Other mentions by this author in the last 24 h (the stores look at the latest 50).
    pub count: u32,
    /// Their ids, newest first (at most 20).
    pub ids: Vec<String>,
    /// Whether the brand answered this author in that window.
    pub brand_answered: bool,
}

/// A surge this mention is part of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Surge {
    /// What is surging: a risk flag or a category (e.g. `fraud_security`, `complaint`).
    pub topic: String,
    /// Mentions on that topic in the current window, this one included.
    pub count: u64,
    /// Window width in minutes.
    pub window_minutes: u32,
}

/// Context an agent gets with a queued mention.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QueueContext {
    /// The author's recent contacts.
    pub recent_contacts: RecentContacts,
    /// The surge, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub surge: Option<Surge>,
}

/// The SQS message body (`mention-triage/queue-item@1`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueueItem {
    /// Always [`QUEUE_ITEM_SCHEMA`].
    pub schema: &'static str,
    /// `<platform>:<id>`: consumers dedupe on it.
    pub dedup_key: String,
    /// The normalised mention.
    pub mention: Mention,
    /// Its triage.
    pub triage: Triage,
    /// The author's history and any surge.
    pub context: QueueContext,
}

/// What the store keeps per mention.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredMention {
    /// The queue item (mention, triage, context); also what a redelivery re-sends.
    pub item: QueueItem,
    /// The item as JSON, exactly what goes on the queue.
    pub item_json: String,
    /// Whether the triage asked for a human.
    pub needs_queue: bool,
    /// Whether the item is durably on the queue.
    pub queued: bool,
    /// Surge counter to bump with the insert: topic and window bucket.
    pub surge_topic: String,
    /// Window bucket number (unix seconds / window).
    pub surge_bucket: i64,
    /// When we received it.
    pub received_at: OffsetDateTime,
}

/// A mention as found in the store (after a conditional insert lost, or for listings).
#[derive(Debug, Clone, PartialEq)]
pub struct FoundMention {
    /// `<platform>:<id>`.
    pub dedup_key: String,
    /// The stored queue item JSON.
    pub item_json: String,
    /// Whether the triage asked for a human.
    pub needs_queue: bool,
    /// Whether it is durably on the queue.
    pub queued: bool,
    /// Whether its author removed it (nothing removed is sent to the queue).
    pub removed: bool,
}

/// Result of a conditional insert.
#[derive(Debug, Clone, PartialEq)]
pub enum InsertOutcome {
    /// First time we see this `<platform>:<id>`.
    Inserted,
    /// Already stored: a redelivery.
    Exists(FoundMention),
}

/// The author's stored history inside the contact window.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuthorHistory {
    /// Mention ids by this author, newest first.
    pub mention_ids: Vec<String>,
    /// Whether the brand replied to the author.
    pub brand_answered: bool,
}

/// A queued item for listings (`triage queue`).
#[derive(Debug, Clone, PartialEq)]
pub struct QueuedEntry {
    /// `<platform>:<id>`.
    pub dedup_key: String,
    /// `P1`..`P4`.
    pub priority: String,
    /// Deadline (RFC 3339).
    pub respond_by: String,
    /// The queue item JSON.
    pub item_json: String,
}

/// Where state lives (DynamoDB, or the embedded SQLite file).
#[async_trait]
pub trait Store: Send + Sync {
    /// The author's mentions and brand replies since `since`.
    async fn author_history(
        &self,
        platform: &str,
        author_id: &str,
        since: OffsetDateTime,
    ) -> Result<AuthorHistory, PortError>;
    /// Current value of a surge counter.
    async fn surge_count(&self, topic: &str, bucket: i64) -> Result<u64, PortError>;
    /// The stored state of those of `keys` (distinct `<platform>:<id>`s) that are stored,
    /// removal tombstones included, in one round trip per hundred keys: a redelivery then
    /// costs one read instead of a triage's reads and a failed insert.
    async fn find_mentions(&self, keys: &[String]) -> Result<Vec<FoundMention>, PortError>;
    /// Atomically: store the mention if `<platform>:<id>` is new, add it to the author's
    /// contacts and bump its surge counter; or report the stored one. A new mention's inserter
    /// holds the right to send it until `received_at` + [`SEND_LEASE`].
    async fn insert_mention(&self, m: &StoredMention) -> Result<InsertOutcome, PortError>;
    /// Takes the right to send a stored, not yet queued mention until `now` + [`SEND_LEASE`]:
    /// `false` if it is queued, removed, not stored, or another delivery holds an unexpired
    /// right.
    async fn claim_send(&self, dedup_key: &str, now: OffsetDateTime) -> Result<bool, PortError>;
    /// Gives the right to send back after a failed send, so the platform's retry need not wait
    /// for the lease: only if it is still the one held until `held_until` (a slower delivery
    /// must not free a right someone else has taken over since).
    async fn release_send(
        &self,
        dedup_key: &str,
        held_until: OffsetDateTime,
    ) -> Result<(), PortError>;
    /// Records that the mention is durably on the queue.
    async fn mark_queued(&self, dedup_key: &str) -> Result<(), PortError>;
    /// Replaces the stored mention's text and triage after an edit, and marks it as needing a
    /// human if the edit does (it never stops needing one); returns the stored state after the
    /// update, or `None` if it was never stored.
    async fn update_mention(&self, m: &StoredMention) -> Result<Option<FoundMention>, PortError>;
    /// Marks a mention removed by its author. A removal that comes before the mention (the
    /// mention's delivery failed and is retried later) leaves a tombstone: the mention, when it
    /// comes, is found removed ([`InsertOutcome::Exists`]) and is neither stored nor sent.
    async fn mark_removed(&self, dedup_key: &str, at: OffsetDateTime) -> Result<(), PortError>;
    /// Records that the brand answered an author.
    async fn record_brand_reply(&self, reply: &BrandReply) -> Result<(), PortError>;
    /// Queued mentions, most urgent first (P1 before P2, then earliest deadline).
    async fn queued(&self, limit: usize) -> Result<Vec<QueuedEntry>, PortError>;
}

/// Where mentions for humans go (SQS, or the embedded queue).
#[async_trait]
pub trait Queue: Send + Sync {
    /// Sends one item; `Ok` means durably enqueued.
    async fn send(
        &self,
        item_json: &str,
        priority: &str,
        route: &str,
        platform: &str,
    ) -> Result<(), PortError>;
}

/// Counts reported back to the platform.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// Items durably recorded (new mentions, edits, removals, brand replies).
    pub accepted: u32,
    /// Mentions put on the human queue by this request.
    pub queued: u32,
    /// Mentions already stored by an earlier delivery.
    pub duplicates: u32,
    /// Items that carry nothing for us.
    pub ignored: u32,
}

/// The application: brand rules plus the two ports.
#[derive(Clone)]
pub struct App {
    store: Arc<dyn Store>,
    queue: Arc<dyn Queue>,
    rules: Arc<BrandRules>,
}

impl App {
    /// Wires the application.
    pub fn new(store: Arc<dyn Store>, queue: Arc<dyn Queue>, rules: Arc<BrandRules>) -> Self {
        Self {
            store,
            queue,
            rules,
        }
    }

    /// The brand rules in force.
    pub fn rules(&self) -> &BrandRules {
        &self.rules
    }

    /// Processes every event of one delivery; `Ok` only when all of it is durable.
    pub async fn process(
        &self,
        events: Vec<Event>,
        now: OffsetDateTime,
    ) -> Result<Outcome, PortError> {
        let mut out = Outcome::default();
        // Redeliveries are recognised up front, so a retried delivery of a large batch runs
        // through what the last attempt stored at one read a hundred, and gets further each
        // time instead of timing out at the same place.
        let keys: std::collections::BTreeSet<String> = events
            .iter()
            .filter_map(|ev| match ev {
                Event::Mention(m)
                    if !self
                        .rules
                        .is_blocked(&m.author.id, m.author.handle.as_deref()) =>
                {
                    Some(m.dedup_key())
                }
                _ => None,
            })
            .collect();
        let keys: Vec<String> = keys.into_iter().collect();
        let mut known: std::collections::HashMap<String, FoundMention> = if keys.is_empty() {
            Default::default()
        } else {
            self.store
                .find_mentions(&keys)
                .await?
                .into_iter()
                .map(|f| (f.dedup_key.clone(), f))
                .collect()
        };
        for ev in events {
            match ev {
                // Blocked authors are ignored before any other work, new post or edit alike.
                Event::Mention(m) | Event::Edited(m)
                    if self
                        .rules
                        .is_blocked(&m.author.id, m.author.handle.as_deref()) =>
                {
                    out.ignored += 1;
                }
                Event::Mention(m) => {
                    // Taken out, so a second copy in this delivery reads the state afresh. The
                    // up-front read is trusted only where a redelivery has nothing to do: queued
                    // and removed never revert, and a mention that needed no human can come to
                    // need one only through an edit, whose own path queues it. A pending send is
                    // read again through the insert: this delivery or another may have sent it.
                    if let Some(found) = known.remove(&m.dedup_key()) {
                        if !found.needs_queue || found.queued || found.removed {
                            out.duplicates += 1;
                            continue;
                        }
                    }
                    let stored = self.prepare(m, now).await?;
                    self.store_and_queue(stored, &mut out).await?;
                }
                Event::Edited(m) => {
                    let stored = self.prepare(m, now).await?;
                    let mut found = self.store.update_mention(&stored).await?;
                    if found.is_none() {
                        // An edit of something we never saw is a new mention...
                        match self.store.insert_mention(&stored).await? {
                            InsertOutcome::Inserted => {
                                out.accepted += 1;
                                self.send_new(&stored, &mut out).await?;
                            }
                            // ...unless the original's delivery stored it in between: the edit
                            // then applies on top of it, as if it had come second.
                            InsertOutcome::Exists(_) => {
                                found = self.store.update_mention(&stored).await?;
                            }
                        }
                    }
                    if let Some(found) = found {
                        out.accepted += 1;
                        self.queue_if_pending(&found, now, &mut out).await?;
                    }
                }
                Event::Removed { platform, id } => {
                    self.store
                        .mark_removed(&crate::core::mention::dedup_key(&platform, &id), now)
                        .await?;
                    out.accepted += 1;
                }
                Event::BrandReply(r) => {
                    self.store.record_brand_reply(&r).await?;
                    out.accepted += 1;
                }
                Event::Ignored(_) => out.ignored += 1,
            }
        }
        Ok(out)
    }

    /// Reads the author's history and the surge counter, then triages.
    async fn prepare(&self, m: Mention, now: OffsetDateTime) -> Result<StoredMention, PortError> {
        let hist = self
            .store
            .author_history(m.platform.as_str(), &m.author.id, now - CONTACT_WINDOW)
            .await?;
        let mut others: Vec<String> = hist
            .mention_ids
            .into_iter()
            .filter(|id| *id != m.id)
            .collect();
        let count = u32::try_from(others.len()).unwrap_or(u32::MAX);
        others.truncate(CONTACT_IDS);
        let mut ctx = Context {
            recent_contacts: count,
            brand_answered: hist.brand_answered,
            surge: false,
        };
        let mut t = triage(&m, &ctx, &self.rules);
        let topic = surge_topic(&t);
        let window = i64::from(self.rules.surge_window_minutes.max(1)) * 60;
        let bucket = now.unix_timestamp().div_euclid(window);
        let count = self.store.surge_count(&topic, bucket).await? + 1;
        let surge = (count >= u64::from(self.rules.surge_threshold.max(1))).then(|| Surge {
            topic: topic.clone(),
            count,
            window_minutes: self.rules.surge_window_minutes,
        });
        if surge.is_some() {
            ctx.surge = true;
            t = triage(&m, &ctx, &self.rules);
        }
        let item = QueueItem {
            schema: QUEUE_ITEM_SCHEMA,
            dedup_key: m.dedup_key(),
            context: QueueContext {
                recent_contacts: RecentContacts {
                    count: ctx.recent_contacts,
                    ids: others,
                    brand_answered: ctx.brand_answered,
                },
                surge,
            },
            mention: m,
            triage: t,
        };
        let item_json =
            serde_json::to_string(&item).map_err(|e| PortError::Store(e.to_string()))?;
        Ok(StoredMention {
            needs_queue: item.triage.queue,
            queued: false,
            item,
            item_json,
            surge_topic: topic,
            surge_bucket: bucket,
            received_at: now,
        })
    }

    async fn store_and_queue(
        &self,
        stored: StoredMention,
        out: &mut Outcome,
    ) -> Result<(), PortError> {
        match self.store.insert_mention(&stored).await? {
            InsertOutcome::Inserted => {
                out.accepted += 1;
                self.send_new(&stored, out).await?;
            }
            InsertOutcome::Exists(found) => {
                out.duplicates += 1;
                self.queue_if_pending(&found, stored.received_at, out)
                    .await?;
            }
        }
        Ok(())
    }

    /// Sends a mention this delivery has just inserted, if it needs a human: the insert gave this
    /// delivery the right to send it.
    async fn send_new(&self, stored: &StoredMention, out: &mut Outcome) -> Result<(), PortError> {
        if !stored.needs_queue {
            return Ok(());
        }
        let t = &stored.item.triage;
        let sent = self
            .queue
            .send(
                &stored.item_json,
                t.priority.as_str(),
                &t.route,
                t.platform.as_str(),
            )
            .await;
        self.after_send(
            sent,
            &stored.item.dedup_key,
            stored.received_at + SEND_LEASE,
        )
        .await?;
        out.queued += 1;
        Ok(())
    }

    /// Sends a stored mention that needs a human and is not yet queued, once this delivery has
    /// the right to send it. Without that right another delivery is sending it now: the answer
    /// is an error (503), and the platform's retry finds it queued.
    async fn queue_if_pending(
        &self,
        found: &FoundMention,
        now: OffsetDateTime,
        out: &mut Outcome,
    ) -> Result<(), PortError> {
        if !found.needs_queue || found.queued || found.removed {
            return Ok(());
        }
        // Read before taking the right to send, so an unreadable item cannot hold it.
        let (priority, route, platform) = queue_attributes(&found.item_json)
            .ok_or_else(|| PortError::Store("stored item is not a queue item".into()))?;
        if !self.store.claim_send(&found.dedup_key, now).await? {
            return Err(PortError::InFlight(found.dedup_key.clone()));
        }
        let sent = self
            .queue
            .send(&found.item_json, &priority, &route, &platform)
            .await;
        self.after_send(sent, &found.dedup_key, now + SEND_LEASE)
            .await?;
        out.queued += 1;
        Ok(())
    }

    /// Records a successful send, or gives the right to send back after a failed one.
    async fn after_send(
        &self,
        sent: Result<(), PortError>,
        dedup_key: &str,
        held_until: OffsetDateTime,
    ) -> Result<(), PortError> {
        match sent {
            Ok(()) => self.store.mark_queued(dedup_key).await,
            Err(e) => {
                // Best effort: if this fails too, the retry waits for the lease instead.
                if let Err(release) = self.store.release_send(dedup_key, held_until).await {
                    tracing::warn!(error = %release, "could not give back the right to send");
                }
                Err(e)
            }
        }
    }
}

/// Priority, route and platform of a stored queue item, for the message attributes.
fn queue_attributes(item_json: &str) -> Option<(String, String, String)> {
    let v: serde_json::Value = serde_json::from_str(item_json).ok()?;
    let t = v.get("triage")?;
    Some((
        t.get("priority")?.as_str()?.to_owned(),
        t.get("route")?.as_str()?.to_owned(),
        t.get("platform")?.as_str()?.to_owned(),
    ))
}

/// What a mention counts toward for surge detection: its gravest risk flag, else its category.
pub fn surge_topic(t: &Triage) -> String {
    let risk = t.flags.iter().find(|f| {
        !matches!(
            f,
            Flag::HighReach
                | Flag::RepeatContact
                | Flag::Surge
                | Flag::ContentUnavailable
                | Flag::TimeCritical
        )
    });
    match risk {
        Some(f) => serde_json::to_value(f)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default(),
        None => match t.category {
            Category::Complaint => "complaint",
            Category::Question => "question",
            Category::Praise => "praise",
            Category::Suggestion => "suggestion",
            Category::Neutral => "neutral",
            Category::Spam => "spam",
        }
        .to_owned(),
    }
}
