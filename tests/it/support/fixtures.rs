//! Test data built only through the crate's public API: signed X deliveries, stored mentions,
//! and the queue-item JSON Schema every produced message must satisfy.

use mention_triage::app::{QueueContext, QueueItem, StoredMention, QUEUE_ITEM_SCHEMA};
use mention_triage::core::brand::BrandRules;
use mention_triage::core::mention::Mention;
use mention_triage::core::triage::{triage, Context};
use mention_triage::core::verify::{x_signature, Secret, SecretKind};
use serde_json::json;
use time::OffsetDateTime;

/// The X consumer secret the tests sign with.
pub const X_SECRET: &str = "test-x-consumer-secret";

/// Text that triages as P1, queued, routed to `legal` (a legal threat and a double charge).
pub const HIGH_RISK_TEXT: &str = "@AcmeBank you charged twice and my lawyer will hear about it";

/// Now, to the second: stored times round-trip through whole seconds.
pub fn now() -> OffsetDateTime {
    let t = OffsetDateTime::now_utc();
    t.replace_nanosecond(0).unwrap_or(t)
}

/// An X Account Activity delivery with one mention (`tweet_create_events`).
pub fn x_delivery(
    id: &str,
    author_id: &str,
    text: &str,
    followers: u64,
    created: OffsetDateTime,
) -> Vec<u8> {
    let ms = created.unix_timestamp() * 1000;
    json!({
        "for_user_id": "4242",
        "tweet_create_events": [{
            "id_str": id,
            "text": text,
            "timestamp_ms": ms.to_string(),
            "user": {
                "id_str": author_id,
                "screen_name": format!("user{author_id}"),
                "followers_count": followers,
                "verified": false
            }
        }]
    })
    .to_string()
    .into_bytes()
}

/// Headers X would send with `body`, signed with `secret`.
pub fn x_headers(body: &[u8], secret: &str) -> Vec<(String, String)> {
    let s = Secret::parse(secret, SecretKind::Raw).expect("secret");
    vec![
        ("content-type".into(), "application/json".into()),
        ("x-twitter-webhooks-signature".into(), x_signature(&s, body)),
    ]
}

/// A normalised mention (`mention@1`) as JSON.
pub fn mention_json(
    id: &str,
    author_id: &str,
    text: &str,
    followers: u64,
    created: OffsetDateTime,
) -> String {
    json!({
        "platform": "x",
        "id": id,
        "text": text,
        "author": {"id": author_id, "handle": format!("user{author_id}"), "followers": followers, "verified": false},
        "visibility": "public",
        "created_at": created.format(&time::format_description::well_known::Rfc3339).expect("time"),
    })
    .to_string()
}

/// What the app would hand the store for this mention (default rules, empty context).
pub fn stored(
    mention: &str,
    received_at: OffsetDateTime,
    surge_topic: &str,
    surge_bucket: i64,
) -> StoredMention {
    let m = Mention::parse_json(mention, received_at).expect("mention@1");
    let t = triage(&m, &Context::default(), &BrandRules::default());
    let item = QueueItem {
        schema: QUEUE_ITEM_SCHEMA,
        dedup_key: m.dedup_key(),
        mention: m,
        triage: t,
        context: QueueContext::default(),
    };
    let item_json = serde_json::to_string(&item).expect("queue item JSON");
    StoredMention {
        needs_queue: item.triage.queue,
        queued: false,
        item,
        item_json,
        surge_topic: surge_topic.to_owned(),
        surge_bucket,
        received_at,
    }
}

/// The checked-in queue-item schema, compiled.
pub fn queue_item_validator() -> jsonschema::Validator {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schemas/queue-item.v1.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("read schema")).expect("JSON");
    jsonschema::draft202012::new(&schema).expect("schema compiles")
}

/// Panics, listing every violation, unless `body` is a valid `queue-item@1`.
pub fn assert_queue_item(body: &str) -> serde_json::Value {
    let v: serde_json::Value = serde_json::from_str(body).expect("message body is JSON");
    let validator = queue_item_validator();
    let errors: Vec<String> = validator
        .iter_errors(&v)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "queue item violates schema: {errors:#?}");
    v
}
