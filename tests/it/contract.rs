//! The `Store` contract: one set of behaviour checks, run against every implementation.
//!
//! `embedded` runs the SQLite store in a temporary directory (always). `aws_dynamo` runs the
//! DynamoDB store on a fresh template-created table per test (needs the emulator). If the two
//! ever disagree, `triage serve` and the Lambda would behave differently on the same traffic.

use std::sync::Arc;

use mention_triage::app::{InsertOutcome, Store, StoredMention};
use mention_triage::core::mention::Platform;
use mention_triage::core::normalise::BrandReply;
use time::{Duration, OffsetDateTime};

use crate::support::fixtures::{mention_json, now, stored, HIGH_RISK_TEXT};

/// Text that triages as P2 (a negative complaint, no risk flag, small reach).
// A churn-risk complaint from a small account: P2 (queued), below the P1 legal threat.
const P2_TEXT: &str = "@AcmeBank the app is broken again, I am switching banks";

fn p1(id: &str, author: &str, created: OffsetDateTime) -> StoredMention {
    let m = stored(
        &mention_json(id, author, HIGH_RISK_TEXT, 50_000, created),
        created,
        "legal_threat",
        1,
    );
    assert_eq!(m.item.triage.priority.as_str(), "P1", "fixture must be P1");
    assert!(m.needs_queue);
    m
}

fn p2(id: &str, author: &str, created: OffsetDateTime) -> StoredMention {
    let m = stored(
        &mention_json(id, author, P2_TEXT, 10, created),
        created,
        "complaint",
        1,
    );
    assert_eq!(m.item.triage.priority.as_str(), "P2", "fixture must be P2");
    assert!(m.needs_queue);
    m
}

fn exists(o: InsertOutcome) -> mention_triage::app::FoundMention {
    match o {
        InsertOutcome::Exists(f) => f,
        InsertOutcome::Inserted => panic!("expected Exists, got Inserted"),
    }
}

async fn insert_new(s: &dyn Store) {
    let t = now();
    let m = p1("100", "a1", t);
    assert_eq!(s.insert_mention(&m).await.unwrap(), InsertOutcome::Inserted);
    // Stored but not yet marked: the queue listing is driven by mark_queued only.
    assert!(s.queued(10).await.unwrap().is_empty());
    let h = s
        .author_history("x", "a1", t - Duration::hours(24))
        .await
        .unwrap();
    assert_eq!(h.mention_ids, vec!["100".to_owned()]);
    assert!(!h.brand_answered);
}

async fn insert_duplicate_returns_stored_state(s: &dyn Store) {
    let t = now();
    let first = p1("200", "a2", t);
    assert_eq!(
        s.insert_mention(&first).await.unwrap(),
        InsertOutcome::Inserted
    );
    // A redelivery a minute later triages the same text again; what counts is the stored copy.
    let again = p1("200", "a2", t + Duration::minutes(1));
    let f = exists(s.insert_mention(&again).await.unwrap());
    assert_eq!(f.dedup_key, "x:200");
    assert_eq!(f.item_json, first.item_json);
    assert!(f.needs_queue);
    assert!(!f.queued, "first delivery stored but never queued");
    s.mark_queued("x:200").await.unwrap();
    let f = exists(s.insert_mention(&again).await.unwrap());
    assert!(f.queued, "redelivery must see the queued flag");
    // The failed insert left no second contact behind.
    let h = s
        .author_history("x", "a2", t - Duration::hours(1))
        .await
        .unwrap();
    assert_eq!(h.mention_ids, vec!["200".to_owned()]);
}

async fn mark_queued_lists_it(s: &dyn Store) {
    let t = now();
    let m = p1("300", "a3", t);
    s.insert_mention(&m).await.unwrap();
    s.mark_queued("x:300").await.unwrap();
    let q = s.queued(10).await.unwrap();
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].dedup_key, "x:300");
    assert_eq!(q[0].priority, "P1");
    assert_eq!(
        q[0].respond_by,
        m.item
            .triage
            .respond_by
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap()
    );
    assert_eq!(q[0].item_json, m.item_json);
    // Marking twice is harmless.
    s.mark_queued("x:300").await.unwrap();
    assert_eq!(s.queued(10).await.unwrap().len(), 1);
}

async fn update_mention_only_when_stored(s: &dyn Store) {
    let t = now();
    let edit = p2("400", "a4", t);
    assert!(
        s.update_mention(&edit).await.unwrap().is_none(),
        "never stored"
    );
    // ...and the failed update created nothing: the real insert is still new.
    let original = p1("400", "a4", t);
    assert_eq!(
        s.insert_mention(&original).await.unwrap(),
        InsertOutcome::Inserted
    );
    s.mark_queued("x:400").await.unwrap();
    let after = s.update_mention(&edit).await.unwrap().expect("stored");
    assert_eq!(after.dedup_key, "x:400");
    assert_eq!(after.item_json, edit.item_json);
    assert!(
        after.needs_queue && after.queued,
        "an edit does not un-queue"
    );
    let f = exists(s.insert_mention(&original).await.unwrap());
    assert_eq!(
        f.item_json, edit.item_json,
        "the edit replaced the stored item"
    );
    assert!(f.queued, "an edit does not un-queue");
    let q = s.queued(10).await.unwrap();
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].priority, "P2", "the listing follows the edited triage");
    assert_eq!(q[0].item_json, edit.item_json);
}

/// A harmless mention edited into one that needs a human is reported as needing one and not
/// queued, so the app queues it; edited back, it still needs one.
async fn edit_into_high_risk_needs_queue(s: &dyn Store) {
    let t = now();
    let calm = stored(
        &mention_json("450", "a45", "lovely photo of the new store", 10, t),
        t,
        "praise",
        1,
    );
    assert!(!calm.needs_queue, "fixture must not need a human");
    s.insert_mention(&calm).await.unwrap();
    let after = s
        .update_mention(&p1("450", "a45", t))
        .await
        .unwrap()
        .expect("stored");
    assert!(after.needs_queue && !after.queued);
    let after = s.update_mention(&calm).await.unwrap().expect("stored");
    assert!(after.needs_queue, "once needing a human, always");
    assert!(
        s.queued(10).await.unwrap().is_empty(),
        "listing follows mark_queued only"
    );
}

/// One delivery at a time holds the right to send: the inserter first, then whoever takes it
/// over once it lapses; nobody once the mention is queued.
async fn send_right_is_exclusive(s: &dyn Store) {
    use mention_triage::app::SEND_LEASE;
    let t = now();
    assert!(!s.claim_send("x:470", t).await.unwrap(), "never stored");
    s.insert_mention(&p1("470", "a47", t)).await.unwrap();
    let soon = t + Duration::seconds(1);
    assert!(
        !s.claim_send("x:470", soon).await.unwrap(),
        "the inserter holds it"
    );
    let later = t + SEND_LEASE + Duration::seconds(1);
    assert!(
        s.claim_send("x:470", later).await.unwrap(),
        "lapsed: taken over"
    );
    assert!(
        !s.claim_send("x:470", later + Duration::seconds(1))
            .await
            .unwrap(),
        "now the new holder has it"
    );
    // Giving back a right one no longer holds frees nothing; giving back one's own frees it.
    s.release_send("x:470", t + SEND_LEASE).await.unwrap();
    assert!(!s
        .claim_send("x:470", later + Duration::seconds(1))
        .await
        .unwrap());
    s.release_send("x:470", later + SEND_LEASE).await.unwrap();
    assert!(
        s.claim_send("x:470", later + Duration::seconds(2))
            .await
            .unwrap(),
        "given back"
    );
    s.release_send("x:470", later + Duration::seconds(2) + SEND_LEASE)
        .await
        .unwrap();
    let much_later = later + SEND_LEASE + Duration::seconds(1);
    s.mark_queued("x:470").await.unwrap();
    assert!(
        !s.claim_send("x:470", much_later).await.unwrap(),
        "queued: nothing to send"
    );
    // A mention that needed no human at insert holds no right, so an edit can send at once.
    let calm = stored(
        &mention_json("471", "a47", "lovely photo of the new store", 10, t),
        t,
        "praise",
        1,
    );
    s.insert_mention(&calm).await.unwrap();
    assert!(s.claim_send("x:471", soon).await.unwrap());
}

async fn mark_removed_hides_from_queue(s: &dyn Store) {
    let t = now();
    s.insert_mention(&p1("500", "a5", t)).await.unwrap();
    s.insert_mention(&p1("501", "a5", t)).await.unwrap();
    s.mark_queued("x:500").await.unwrap();
    s.mark_queued("x:501").await.unwrap();
    s.mark_removed("x:500", t).await.unwrap();
    let q = s.queued(10).await.unwrap();
    assert_eq!(
        q.iter().map(|e| e.dedup_key.as_str()).collect::<Vec<_>>(),
        ["x:501"]
    );
    // What a redelivery or an edit sees: removed, so the app sends nothing more.
    assert!(exists(s.insert_mention(&p1("500", "a5", t)).await.unwrap()).removed);
    assert!(!exists(s.insert_mention(&p1("501", "a5", t)).await.unwrap()).removed);
    let edited = s
        .update_mention(&p2("500", "a5", t))
        .await
        .unwrap()
        .expect("stored");
    assert!(edited.removed);
    // A removal that comes before its mention (the mention's delivery failed and is retried)
    // leaves a tombstone: the mention is then found removed, not stored, listed or sendable.
    s.mark_removed("x:599", t).await.unwrap();
    let late = exists(s.insert_mention(&p1("599", "a9", t)).await.unwrap());
    assert!(
        late.removed && !late.queued && !late.needs_queue,
        "{late:?}"
    );
    assert!(!s.claim_send("x:599", t).await.unwrap());
    let h = s
        .author_history("x", "a9", t - Duration::hours(24))
        .await
        .unwrap();
    assert!(h.mention_ids.is_empty(), "{h:?}");
    assert_eq!(s.queued(10).await.unwrap().len(), 1);
}

async fn find_mentions_reports_stored_and_removed(s: &dyn Store) {
    let t = now();
    s.insert_mention(&p1("700", "a7", t)).await.unwrap();
    s.mark_queued("x:700").await.unwrap();
    s.insert_mention(&p2("702", "a7", t)).await.unwrap();
    s.mark_removed("x:701", t).await.unwrap();
    let keys: Vec<String> = (700..=703).map(|i| format!("x:{i}")).collect();
    let mut got = s.find_mentions(&keys).await.unwrap();
    got.sort_by(|a, b| a.dedup_key.cmp(&b.dedup_key));
    let state: Vec<(&str, bool, bool, bool)> = got
        .iter()
        .map(|f| (f.dedup_key.as_str(), f.needs_queue, f.queued, f.removed))
        .collect();
    assert_eq!(
        state,
        [
            ("x:700", true, true, false),
            ("x:701", false, false, true),
            ("x:702", true, false, false)
        ]
    );
    assert!(got[0].item_json.contains("\"dedup_key\":\"x:700\""));
    // More keys than one batch read takes (100 on DynamoDB).
    let many: Vec<String> = (0..250)
        .map(|i| format!("x:9{i:03}"))
        .chain(["x:700".to_owned()])
        .collect();
    assert_eq!(s.find_mentions(&many).await.unwrap().len(), 1);
}

async fn brand_reply_marks_author_answered(s: &dyn Store) {
    let t = now();
    s.insert_mention(&p1("600", "a6", t)).await.unwrap();
    let reply = BrandReply {
        platform: Platform::X,
        reply_id: "r600".into(),
        to_author_id: "a6".into(),
        at: t + Duration::minutes(5),
    };
    s.record_brand_reply(&reply).await.unwrap();
    // Recording the same reply twice (a redelivery) is harmless.
    s.record_brand_reply(&reply).await.unwrap();
    let since = t - Duration::hours(24);
    assert!(
        s.author_history("x", "a6", since)
            .await
            .unwrap()
            .brand_answered
    );
    assert!(
        !s.author_history("x", "other", since)
            .await
            .unwrap()
            .brand_answered
    );
    assert!(
        !s.author_history("facebook", "a6", since)
            .await
            .unwrap()
            .brand_answered
    );
    // A reply before the window does not count.
    let later = t + Duration::hours(1);
    assert!(
        !s.author_history("x", "a6", later)
            .await
            .unwrap()
            .brand_answered
    );
}

async fn author_history_window_and_order(s: &dyn Store) {
    let t = now();
    s.insert_mention(&p2("700", "a7", t - Duration::hours(30)))
        .await
        .unwrap();
    s.insert_mention(&p2("701", "a7", t - Duration::hours(2)))
        .await
        .unwrap();
    s.insert_mention(&p2("702", "a7", t - Duration::hours(1)))
        .await
        .unwrap();
    s.insert_mention(&p2("703", "someone-else", t))
        .await
        .unwrap();
    let h = s
        .author_history("x", "a7", t - Duration::hours(24))
        .await
        .unwrap();
    assert_eq!(
        h.mention_ids,
        vec!["702".to_owned(), "701".to_owned()],
        "newest first, inside the window"
    );
    assert!(!h.brand_answered);
    let h = s
        .author_history("x", "a7", t - Duration::hours(48))
        .await
        .unwrap();
    assert_eq!(h.mention_ids, ["702", "701", "700"]);
    assert!(s
        .author_history("x", "nobody", t - Duration::hours(24))
        .await
        .unwrap()
        .mention_ids
        .is_empty());
}

async fn surge_counts_only_new_inserts(s: &dyn Store) {
    let t = now();
    let bucket = 4242;
    let mk = |id: &str, bucket| {
        stored(
            &mention_json(id, "a8", HIGH_RISK_TEXT, 10, t),
            t,
            "fraud_security",
            bucket,
        )
    };
    assert_eq!(s.surge_count("fraud_security", bucket).await.unwrap(), 0);
    s.insert_mention(&mk("800", bucket)).await.unwrap();
    assert_eq!(s.surge_count("fraud_security", bucket).await.unwrap(), 1);
    s.insert_mention(&mk("800", bucket)).await.unwrap();
    assert_eq!(
        s.surge_count("fraud_security", bucket).await.unwrap(),
        1,
        "a redelivery does not count twice"
    );
    s.insert_mention(&mk("801", bucket)).await.unwrap();
    assert_eq!(s.surge_count("fraud_security", bucket).await.unwrap(), 2);
    s.insert_mention(&mk("802", bucket + 1)).await.unwrap();
    assert_eq!(s.surge_count("fraud_security", bucket).await.unwrap(), 2);
    assert_eq!(
        s.surge_count("fraud_security", bucket + 1).await.unwrap(),
        1
    );
    assert_eq!(s.surge_count("safety", bucket).await.unwrap(), 0);
}

async fn queued_most_urgent_first(s: &dyn Store) {
    let t = now();
    // Deadlines: P1 = created + 15 min, P2 = created + 60 min.
    let items = [
        p2("900", "a9", t - Duration::minutes(50)), // P2, due in 10 min
        p1("901", "a9", t),                         // P1, due in 15 min
        p1("902", "a9", t - Duration::minutes(10)), // P1, due in 5 min
        p2("903", "a9", t),                         // P2, due in 60 min
        p1("904", "a9", t),                         // P1, not queued
    ];
    for m in &items {
        s.insert_mention(m).await.unwrap();
    }
    for k in ["x:903", "x:901", "x:900", "x:902"] {
        s.mark_queued(k).await.unwrap();
    }
    let keys = |q: Vec<mention_triage::app::QueuedEntry>| {
        q.into_iter().map(|e| e.dedup_key).collect::<Vec<_>>()
    };
    assert_eq!(
        keys(s.queued(10).await.unwrap()),
        ["x:902", "x:901", "x:900", "x:903"]
    );
    assert_eq!(keys(s.queued(2).await.unwrap()), ["x:902", "x:901"]);
    assert!(s.queued(0).await.unwrap().is_empty());
}

/// Deadlines compare as instants, whatever offset the mention was posted with: a P1 due
/// 10:15+05:00 (05:15 UTC) comes before a P1 due 09:15 UTC.
async fn queued_orders_deadlines_across_offsets(s: &dyn Store) {
    let t = now();
    let east = time::UtcOffset::from_hms(5, 0, 0).unwrap();
    let mut early = p1("950", "a95", t - Duration::hours(4));
    let json = mention_json(
        "950",
        "a95",
        HIGH_RISK_TEXT,
        50_000,
        (t - Duration::hours(4)).to_offset(east),
    );
    early = stored(&json, early.received_at, "legal_threat", 1);
    let late = p1("951", "a95", t);
    assert!(
        early.item.triage.respond_by.offset() == east,
        "fixture keeps its offset"
    );
    for m in [&late, &early] {
        s.insert_mention(m).await.unwrap();
    }
    s.mark_queued("x:951").await.unwrap();
    s.mark_queued("x:950").await.unwrap();
    let q = s.queued(10).await.unwrap();
    let keys: Vec<_> = q.iter().map(|e| e.dedup_key.as_str()).collect();
    assert_eq!(keys, ["x:950", "x:951"]);
}

/// Declares one `#[tokio::test]` per contract check for a store built by `$make`
/// (an async expression giving `Option<(Arc<dyn Store>, keep-alive guard)>`; `None` = skip).
macro_rules! contract {
    ($module:ident, $make:path) => {
        mod $module {
            contract!(@tests $make;
                insert_new,
                insert_duplicate_returns_stored_state,
                mark_queued_lists_it,
                update_mention_only_when_stored,
                edit_into_high_risk_needs_queue,
                send_right_is_exclusive,
                mark_removed_hides_from_queue,
                find_mentions_reports_stored_and_removed,
                brand_reply_marks_author_answered,
                author_history_window_and_order,
                surge_counts_only_new_inserts,
                queued_most_urgent_first,
                queued_orders_deadlines_across_offsets
            );
        }
    };
    (@tests $make:path; $($check:ident),+) => {
        $(
            #[tokio::test]
            async fn $check() {
                let Some((store, _keep)) = $make(stringify!($check)).await else { return };
                super::$check(&*store).await;
            }
        )+
    };
}

/// Keeps whatever backs a store (a temp dir) alive for the test.
type Keep = Box<dyn std::any::Any + Send>;

async fn embedded_store(_test: &str) -> Option<(Arc<dyn Store>, Keep)> {
    let dir = tempfile::tempdir().unwrap();
    let store = mention_triage::adapters::embedded::EmbeddedStore::open(dir.path()).unwrap();
    Some((Arc::new(store), Box::new(dir)))
}

async fn dynamo_store(test: &str) -> Option<(Arc<dyn Store>, Keep)> {
    let aws = crate::support::aws::Aws::connect(test).await?;
    let table = crate::support::template::create_table(&aws).await;
    let store = mention_triage::adapters::dynamo::DynamoStore::new(aws.ddb.clone(), table);
    Some((Arc::new(store), Box::new(())))
}

contract!(embedded, super::embedded_store);
contract!(aws_dynamo, super::dynamo_store);

/// DynamoDB only (the embedded store keeps everything): TTL deletion is lazy on AWS, never
/// happens on moto and runs every 60 s on ministack, so the store must ignore expired items
/// itself. These assertions hold whether or not the emulator has deleted the item yet.
mod aws_dynamo_ttl {
    use super::*;

    #[tokio::test]
    async fn expired_mention_is_gone_before_deletion() {
        let Some((s, _keep)) = super::dynamo_store("expired_mention_is_gone").await else {
            return;
        };
        let long_ago = now() - Duration::days(31);
        let old = p1("950", "a95", long_ago);
        assert_eq!(
            s.insert_mention(&old).await.unwrap(),
            InsertOutcome::Inserted
        );
        s.mark_queued("x:950").await.unwrap();
        assert!(
            s.queued(10).await.unwrap().is_empty(),
            "an expired mention is not listed"
        );
        // A delivery after the dedup horizon is new again (and queued afresh by the app).
        let fresh = p1("950", "a95", now());
        assert_eq!(
            s.insert_mention(&fresh).await.unwrap(),
            InsertOutcome::Inserted
        );
        s.mark_queued("x:950").await.unwrap();
        let q = s.queued(10).await.unwrap();
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].item_json, fresh.item_json);
    }
}

/// The checked-in `schemas/queue-item.v1.json` accepts what the app produces (with every
/// optional part present) and rejects the mistakes a producer could make, so the
/// "every message validates" assertions in the AWS suites are not vacuous.
mod queue_item_schema {
    use serde_json::{json, Value};

    use crate::support::fixtures::{
        assert_queue_item, mention_json, now, queue_item_validator, stored, HIGH_RISK_TEXT,
    };

    /// One way to break a valid item.
    type Mutation = Box<dyn Fn(&mut Value)>;

    fn full_item() -> Value {
        let m = stored(
            &mention_json("1", "2", HIGH_RISK_TEXT, 50_000, now()),
            now(),
            "legal_threat",
            1,
        );
        let mut v: Value = serde_json::from_str(&m.item_json).unwrap();
        v["context"]["recent_contacts"] =
            json!({"count": 2, "ids": ["9", "8"], "brand_answered": true});
        v["context"]["surge"] = json!({"topic": "legal_threat", "count": 30, "window_minutes": 15});
        v["mention"]["engagement"] = json!({"likes": 1, "reposts": 0, "replies": 0, "quotes": 0});
        v["mention"]["lang"] = json!("en");
        v
    }

    #[test]
    fn produced_items_validate() {
        assert_queue_item(&full_item().to_string());
        // No text (e.g. Instagram caption mentions) and no surge are valid too.
        let mut v = full_item();
        v["mention"]["text"] = Value::Null;
        v["context"].as_object_mut().unwrap().remove("surge");
        assert_queue_item(&v.to_string());
    }

    #[test]
    fn producer_mistakes_are_rejected() {
        let validator = queue_item_validator();
        let cases: Vec<(&str, Mutation)> = vec![
            (
                "wrong schema tag",
                Box::new(|v| v["schema"] = json!("mention-triage/queue-item@2")),
            ),
            (
                "no dedup_key",
                Box::new(|v| {
                    v.as_object_mut().unwrap().remove("dedup_key");
                }),
            ),
            (
                "dedup_key without platform",
                Box::new(|v| v["dedup_key"] = json!("123")),
            ),
            (
                "unknown priority",
                Box::new(|v| v["triage"]["priority"] = json!("P5")),
            ),
            (
                "unknown flag",
                Box::new(|v| v["triage"]["flags"] = json!(["angry"])),
            ),
            (
                "unknown category",
                Box::new(|v| v["triage"]["category"] = json!("rant")),
            ),
            (
                "risk above 1",
                Box::new(|v| v["triage"]["risk"] = json!(1.5)),
            ),
            (
                "no author id",
                Box::new(|v| {
                    v["mention"]["author"].as_object_mut().unwrap().remove("id");
                }),
            ),
            (
                "numeric text",
                Box::new(|v| v["mention"]["text"] = json!(42)),
            ),
            (
                "bad visibility",
                Box::new(|v| v["mention"]["visibility"] = json!("friends")),
            ),
            (
                "surge without count",
                Box::new(|v| {
                    v["context"]["surge"]
                        .as_object_mut()
                        .unwrap()
                        .remove("count");
                }),
            ),
            (
                "21 contact ids",
                Box::new(|v| {
                    v["context"]["recent_contacts"]["ids"] = json!(vec!["1"; 21]);
                }),
            ),
            (
                "unknown top-level field",
                Box::new(|v| v["payload"] = json!({})),
            ),
        ];
        for (what, mutate) in cases {
            let mut v = full_item();
            mutate(&mut v);
            assert!(!validator.is_valid(&v), "schema accepted: {what}");
        }
    }
}
