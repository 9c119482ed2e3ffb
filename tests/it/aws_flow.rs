//! The HTTP service end to end on DynamoDB + SQS (the emulator), through the real `Service`,
//! `DynamoStore` and `SqsQueue`, on a table and queues created from `infra/template.yaml`.
//!
//! What these prove: a signed high-risk mention is stored and queued exactly once, with a body
//! that satisfies `schemas/queue-item.v1.json`; redeliveries are answered as duplicates and
//! queue nothing new; refused requests store nothing; a failing DynamoDB or SQS is a 503 whose
//! redelivery completes the work once; and `triage queue` reads the queue state from DynamoDB.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use aws_sdk_sqs::types::{Message, QueueAttributeName};
use mention_triage::adapters::dynamo::QUEUED_INDEX;
use mention_triage::core::brand::BrandRules;
use mention_triage::core::verify::Limits;
use mention_triage::http::{Request, Service};
use serde_json::json;
use time::{Duration, OffsetDateTime};

use crate::aws_or_skip;
use crate::support::aws::unique;
use crate::support::fixtures::{now, x_delivery, x_headers, HIGH_RISK_TEXT, X_SECRET};
use crate::support::rig::Rig;
use crate::support::template::{self, queue_attribute};

async fn post(
    service: &Service,
    body: &[u8],
    headers: &[(String, String)],
) -> (u16, serde_json::Value) {
    let r = service
        .handle(Request {
            method: "POST",
            path: "/webhooks/x",
            query: "",
            headers,
            body,
        })
        .await;
    let v = serde_json::from_slice(&r.body).expect("JSON answer");
    (r.status, v)
}

fn counts(accepted: u32, queued: u32, duplicates: u32, ignored: u32) -> serde_json::Value {
    json!({"accepted": accepted, "queued": queued, "duplicates": duplicates, "ignored": ignored})
}

fn attr(m: &Message, name: &str) -> String {
    m.message_attributes()
        .and_then(|a| a.get(name))
        .and_then(|v| v.string_value())
        .unwrap_or_else(|| panic!("message attribute {name} missing"))
        .to_owned()
}

#[tokio::test]
async fn aws_high_risk_mention_is_stored_queued_once_and_deduplicated() {
    let rig = Rig::new(aws_or_skip!("aws_high_risk_mention")).await;
    let service = rig.service();
    let body = x_delivery("1850000000000000001", "777", HIGH_RISK_TEXT, 50_000, now());
    let headers = x_headers(&body, X_SECRET);

    let (status, answer) = post(&service, &body, &headers).await;
    assert_eq!((status, answer), (200, counts(1, 1, 0, 0)));

    let item = rig
        .mention_item("1850000000000000001")
        .await
        .expect("stored");
    assert_eq!(item["dedup_key"].as_s().unwrap(), "x:1850000000000000001");
    assert_eq!(item["queued"].as_bool().unwrap(), &true);
    assert_eq!(
        item["gsi1pk"].as_s().unwrap(),
        "QUEUED",
        "in the sparse queue index"
    );

    let msgs = rig.drain().await;
    assert_eq!(msgs.len(), 1, "exactly one message");
    let body_json: serde_json::Value = serde_json::from_str(msgs[0].body().unwrap()).unwrap();
    assert_eq!(body_json["schema"], "mention-triage/queue-item@1");
    assert_eq!(body_json["dedup_key"], "x:1850000000000000001");
    assert_eq!(body_json["mention"]["author"]["followers"], 50_000);
    assert_eq!(attr(&msgs[0], "priority"), "P1");
    assert_eq!(
        attr(&msgs[0], "route"),
        body_json["triage"]["route"].as_str().unwrap()
    );
    assert_eq!(attr(&msgs[0], "route"), "legal");
    assert_eq!(attr(&msgs[0], "platform"), "x");

    // The platform redelivers: answered as a duplicate, nothing new on the queue.
    let (status, answer) = post(&service, &body, &headers).await;
    assert_eq!((status, answer), (200, counts(0, 0, 1, 0)));
    assert!(
        rig.drain().await.is_empty(),
        "a redelivery must not queue again"
    );
}

#[tokio::test]
async fn aws_forged_signature_is_refused_and_nothing_stored() {
    let rig = Rig::new(aws_or_skip!("aws_forged_signature")).await;
    let body = x_delivery("1850000000000000002", "778", HIGH_RISK_TEXT, 50_000, now());
    let (status, answer) = post(&rig.service(), &body, &x_headers(&body, "not-the-secret")).await;
    assert_eq!(status, 401);
    assert_eq!(answer["error"], "invalid_signature");
    assert_eq!(rig.item_count().await, 0, "nothing stored");
    assert!(rig.drain().await.is_empty(), "nothing queued");
}

#[tokio::test]
async fn aws_oversized_body_is_413_before_verification() {
    let rig = Rig::new(aws_or_skip!("aws_oversized_body")).await;
    let body = vec![b' '; Limits::default().max_body_bytes + 1];
    // A signature that would fail: 413 (not 401) shows the cap is checked before any hashing.
    let headers = vec![
        ("content-type".to_owned(), "application/json".to_owned()),
        (
            "x-twitter-webhooks-signature".to_owned(),
            "sha256=AAAA".to_owned(),
        ),
    ];
    let (status, answer) = post(&rig.service(), &body, &headers).await;
    assert_eq!(status, 413);
    assert_eq!(answer["error"], "payload_too_large");
    assert_eq!(rig.item_count().await, 0);
}

#[tokio::test]
async fn aws_queue_failure_is_503_and_redelivery_queues_exactly_once() {
    let rig = Rig::new(aws_or_skip!("aws_queue_failure")).await;
    // A queue that existed and is gone: the real SqsQueue gets a real SQS error. The URL comes
    // from the emulator, never built by hand.
    let gone = rig
        .aws
        .sqs
        .create_queue()
        .queue_name(unique("gone"))
        .send()
        .await
        .unwrap()
        .queue_url
        .unwrap();
    rig.aws
        .sqs
        .delete_queue()
        .queue_url(&gone)
        .send()
        .await
        .unwrap();

    let body = x_delivery("1850000000000000003", "779", HIGH_RISK_TEXT, 50_000, now());
    let headers = x_headers(&body, X_SECRET);
    let (status, answer) = post(&rig.service_with(&rig.table, &gone), &body, &headers).await;
    assert_eq!(status, 503, "{answer}");
    assert_eq!(answer["error"], "unavailable");
    let item = rig
        .mention_item("1850000000000000003")
        .await
        .expect("stored before the send");
    assert_eq!(item["queued"].as_bool().unwrap(), &false);
    assert!(!item.contains_key("gsi1pk"), "not listed as queued");

    // The platform retries; this time SQS works.
    let service = rig.service();
    let (status, answer) = post(&service, &body, &headers).await;
    assert_eq!((status, answer), (200, counts(0, 1, 1, 0)));
    assert_eq!(rig.drain().await.len(), 1, "queued exactly once");
    let item = rig.mention_item("1850000000000000003").await.unwrap();
    assert_eq!(item["queued"].as_bool().unwrap(), &true);

    // A further retry finds it queued.
    let (status, answer) = post(&service, &body, &headers).await;
    assert_eq!((status, answer), (200, counts(0, 0, 1, 0)));
    assert!(rig.drain().await.is_empty());
}

#[tokio::test]
async fn aws_dynamodb_failure_is_503_and_nothing_queued() {
    let rig = Rig::new(aws_or_skip!("aws_dynamodb_failure")).await;
    let missing_table = unique("no-such-table");
    let service = rig.service_with(&missing_table, &rig.queues.main.url);
    let body = x_delivery("1850000000000000004", "780", HIGH_RISK_TEXT, 50_000, now());
    let (status, answer) = post(&service, &body, &x_headers(&body, X_SECRET)).await;
    assert_eq!(status, 503);
    assert_eq!(answer["error"], "unavailable");
    let text = answer.to_string();
    assert!(
        !text.contains(&missing_table),
        "no internals in the answer: {text}"
    );
    assert!(rig.drain().await.is_empty());
}

#[tokio::test]
async fn aws_triage_queue_lists_from_dynamodb_without_receiving() {
    let rig = Rig::new(aws_or_skip!("aws_triage_queue")).await;
    let body = x_delivery("1850000000000000005", "781", HIGH_RISK_TEXT, 50_000, now());
    let (status, _) = post(&rig.service(), &body, &x_headers(&body, X_SECRET)).await;
    assert_eq!(status, 200);

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_triage"))
        .args(["queue", "--limit", "5"])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .envs(rig.aws.child_env())
        .env("TRIAGE_TABLE", &rig.table)
        .env("TRIAGE_QUEUE_URL", &rig.queues.main.url)
        .output()
        .expect("run triage queue");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "triage queue failed: {}\n{stdout}",
        String::from_utf8_lossy(&out.stderr)
    );
    let row = stdout
        .lines()
        .find(|l| l.starts_with("P1"))
        .unwrap_or_else(|| panic!("no P1 row in:\n{stdout}"));
    assert!(row.contains("legal") && row.contains("user781"), "{row}");

    // Listing is not a delivery: the message is still waiting, visible, never received.
    let visible = queue_attribute(
        &rig.aws,
        &rig.queues.main.url,
        QueueAttributeName::ApproximateNumberOfMessages,
    )
    .await;
    let in_flight = queue_attribute(
        &rig.aws,
        &rig.queues.main.url,
        QueueAttributeName::ApproximateNumberOfMessagesNotVisible,
    )
    .await;
    assert_eq!((visible.as_str(), in_flight.as_str()), ("1", "0"));
}

#[tokio::test]
async fn aws_template_resources_match_what_the_code_uses() {
    let rig = Rig::new(aws_or_skip!("aws_template_resources")).await;
    let table = rig
        .aws
        .ddb
        .describe_table()
        .table_name(&rig.table)
        .send()
        .await
        .unwrap()
        .table
        .unwrap();
    let gsis: Vec<&str> = table
        .global_secondary_indexes()
        .iter()
        .filter_map(|g| g.index_name())
        .collect();
    assert!(
        gsis.contains(&QUEUED_INDEX),
        "the store queries index {QUEUED_INDEX}: {gsis:?}"
    );
    let ttl = rig
        .aws
        .ddb
        .describe_time_to_live()
        .table_name(&rig.table)
        .send()
        .await
        .unwrap();
    let ttl = ttl.time_to_live_description().unwrap();
    assert_eq!(
        ttl.attribute_name(),
        Some("expires_at"),
        "the store writes expires_at"
    );

    let redrive = queue_attribute(
        &rig.aws,
        &rig.queues.main.url,
        QueueAttributeName::RedrivePolicy,
    )
    .await;
    let redrive: serde_json::Value = serde_json::from_str(&redrive).unwrap();
    assert_eq!(redrive["deadLetterTargetArn"], rig.queues.dlq.arn.as_str());
    // moto answers a number, ministack a string.
    let number = |v: &serde_json::Value| match v {
        serde_json::Value::Number(n) => n.as_u64().unwrap(),
        serde_json::Value::String(s) => s.parse().unwrap(),
        other => panic!("not a count: {other}"),
    };
    let t = template::Template::load();
    let declared = t.properties(template::QUEUE);
    let declared_max = declared["RedrivePolicy"]["maxReceiveCount"]
        .as_u64()
        .unwrap();
    assert_eq!(number(&redrive["maxReceiveCount"]), declared_max);
    let size = queue_attribute(
        &rig.aws,
        &rig.queues.main.url,
        QueueAttributeName::MaximumMessageSize,
    )
    .await;
    assert_eq!(
        size,
        declared["MaximumMessageSize"].as_u64().unwrap().to_string()
    );
}

#[tokio::test]
async fn aws_context_carries_recent_contacts_and_surge() {
    let rig = Rig::new(aws_or_skip!("aws_context")).await;
    // A low threshold, and a clock the test moves: one minute per delivery, all inside one
    // surge window, so the outcome never depends on when the test runs.
    let rules = BrandRules::from_toml("surge_threshold = 3").unwrap();
    let window = i64::from(rules.surge_window_minutes) * 60;
    let start = now().unix_timestamp().div_euclid(window) * window;
    let minutes = Arc::new(AtomicI64::new(0));
    let clock = {
        let minutes = minutes.clone();
        Arc::new(move || {
            OffsetDateTime::from_unix_timestamp(start).unwrap()
                + Duration::minutes(minutes.load(Ordering::SeqCst))
        })
    };
    let service = rig.service_from(&rig.table, &rig.queues.main.url, rules, clock);
    for (i, id) in [
        "1850000000000000201",
        "1850000000000000202",
        "1850000000000000203",
    ]
    .iter()
    .enumerate()
    {
        minutes.store(i as i64, Ordering::SeqCst);
        let created =
            OffsetDateTime::from_unix_timestamp(start).unwrap() + Duration::minutes(i as i64);
        let body = x_delivery(id, "782", HIGH_RISK_TEXT, 50_000, created);
        let (status, answer) = post(&service, &body, &x_headers(&body, X_SECRET)).await;
        assert_eq!((status, answer), (200, counts(1, 1, 0, 0)));
    }
    // drain() has validated every body against the schema, surge object included.
    let items: Vec<serde_json::Value> = rig
        .drain()
        .await
        .iter()
        .map(|m| serde_json::from_str(m.body().unwrap()).unwrap())
        .collect();
    let third = items
        .iter()
        .find(|v| v["dedup_key"] == "x:1850000000000000203")
        .expect("third mention queued");
    let ctx = &third["context"];
    assert_eq!(ctx["recent_contacts"]["count"], 2);
    assert_eq!(
        ctx["recent_contacts"]["ids"],
        json!(["1850000000000000202", "1850000000000000201"]),
        "newest first"
    );
    assert_eq!(ctx["surge"]["count"], 3);
    assert_eq!(ctx["surge"]["window_minutes"], 15);
    let flags = third["triage"]["flags"].as_array().unwrap();
    assert!(
        flags.contains(&json!("surge")) && flags.contains(&json!("repeat_contact")),
        "{flags:?}"
    );
    let first = items
        .iter()
        .find(|v| v["dedup_key"] == "x:1850000000000000201")
        .expect("first mention queued");
    assert_eq!(first["context"]["recent_contacts"]["count"], 0);
    assert!(first["context"].get("surge").is_none());
}
